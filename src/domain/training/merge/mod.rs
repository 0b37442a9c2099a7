//! Merging training records brought from several trainers' laptops.
//!
//! Each laptop exports its trainees and drills; importing a file merges it into this browser's
//! records by id. A record already here unchanged is "the same"; a new id is added; the same id
//! with other content is a conflict that is kept for the trainer to settle, never dropped and
//! never stored twice. Merging the same file again changes nothing, and the order of records in
//! a file does not change the outcome.

use super::{Drill, Trainee};
use crate::domain::{sort_small_by, Id};
use crate::json::ToJson;

/// A record merged by id.
pub trait Record: Clone + PartialEq + ToJson {
    fn key(&self) -> &Id;
}

impl Record for Drill {
    fn key(&self) -> &Id {
        &self.id
    }
}

impl Record for Trainee {
    fn key(&self) -> &Id {
        &self.id
    }
}

/// Two versions of one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict<T> {
    /// The version kept here: the stored one, or for an id new to this browser the one added.
    pub ours: T,
    /// The other version, which the trainer may choose instead.
    pub theirs: T,
}

/// What an import would change.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeReport<T> {
    /// Records with ids new here, by id, to store.
    pub added: Vec<T>,
    /// Incoming records that change nothing (already stored, or repeated in the file).
    pub same: usize,
    /// Ids with differing versions, by id.
    pub conflicts: Vec<Conflict<T>>,
}

impl<T> MergeReport<T> {
    /// Whether the import changes nothing and asks nothing.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.conflicts.is_empty()
    }
}

/// The distinct incoming versions of one id, each with its JSON (the canonical order) and how
/// many times it came.
struct Versions<'a, T> {
    key: &'a Id,
    versions: Vec<(&'a T, String, usize)>,
}

/// Merges `incoming` into `existing` by id (see the module doc). When a file holds differing
/// versions of an id new here, the one whose JSON sorts first is added and the others are
/// conflicts with it, so the outcome does not depend on the order of the file.
pub fn merge<T: Record>(existing: &[T], incoming: &[T]) -> MergeReport<T> {
    let mut groups: Vec<Versions<'_, T>> = Vec::new();
    for record in incoming {
        let i = match groups.iter().position(|g| g.key == record.key()) {
            Some(i) => i,
            None => {
                groups.push(Versions {
                    key: record.key(),
                    versions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let versions = &mut groups[i].versions;
        match versions.iter_mut().find(|(v, ..)| *v == record) {
            Some((.., copies)) => *copies += 1,
            None => versions.push((record, canonical(record), 1)),
        }
    }
    sort_small_by(&mut groups, |a, b| a.key.cmp(b.key));
    let mut report = MergeReport {
        added: Vec::new(),
        same: 0,
        conflicts: Vec::new(),
    };
    for mut group in groups {
        sort_small_by(&mut group.versions, |a, b| a.1.cmp(&b.1));
        let stored = existing.iter().find(|e| e.key() == group.key);
        let ours = stored.unwrap_or(group.versions[0].0);
        if stored.is_none() {
            report.added.push(ours.clone());
        }
        for (version, _, copies) in group.versions {
            // Copies beyond the first change nothing; so does the first of the stored version.
            // The first of the version just added is counted as added.
            let first_changes_nothing = version == ours && stored.is_some();
            report.same += copies - 1 + usize::from(first_changes_nothing);
            if version != ours {
                report.conflicts.push(Conflict {
                    ours: ours.clone(),
                    theirs: version.clone(),
                });
            }
        }
    }
    report
}

/// The record as JSON: a total order on versions that needs nothing of `T` beyond `ToJson`.
fn canonical<T: ToJson>(record: &T) -> String {
    crate::json::to_string(record)
}

/// Drills from another laptop merged into these.
pub fn merge_drills(existing: &[Drill], incoming: &[Drill]) -> MergeReport<Drill> {
    merge(existing, incoming)
}

/// Trainees from another laptop merged into these.
pub fn merge_trainees(existing: &[Trainee], incoming: &[Trainee]) -> MergeReport<Trainee> {
    merge(existing, incoming)
}

#[cfg(test)]
mod tests;
