//! Playbook packs: versioned JSON files a trainer exports and a team imports.
//!
//! A pack holds a [`Playbook`] (all of it or a selection) in the same format as the default
//! content. Importing one is planned first: every entity is classified against the playbook in
//! use and the local edits, the user settles conflicts, and only then is the overlay changed.
//! A pack comes from outside, so [`parse`] checks it thoroughly and never panics.

use super::field::is_field_name;
use super::overlay::{entities, playbook_of, Edit, Entity, Overlay, Part};
use super::playbook::Playbook;
use super::{LocalizedText, Timestamp};
use crate::json::Json;
use crate::json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The `format` marker of a pack file.
pub const PACK_FORMAT: &str = "sales-playbook-pack";

/// The pack version this build writes and the newest it reads.
pub const PACK_VERSION: u32 = 1;

/// Largest pack accepted: the whole default playbook is well under 1 MiB.
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;

/// Most entities accepted in one part of a pack.
pub const MAX_ENTITIES_PER_PART: usize = 2_000;

/// Longest string accepted anywhere in a pack, in characters.
pub const MAX_STRING_CHARS: usize = 20_000;

/// Most steps accepted in one call script. The longest default script has a few dozen; the
/// limit keeps a hostile pack from making the script checks and views crawl.
pub const MAX_STEPS_PER_SCRIPT: usize = 500;

/// A pack file.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Pack {
    pub format: String,
    pub version: u32,
    /// What the trainer called the pack.
    #[json(default)]
    pub name: String,
    #[json(default)]
    pub exported_at: Timestamp,
    #[json(default)]
    pub playbook: Playbook,
}

/// Why a file is not a pack that can be imported. The view puts these into words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("the file is {bytes} bytes; a pack is at most {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is not valid JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("the file is not a Sales Playbook pack")]
    NotAPack,
    #[error(
        "the pack was made by a newer version (pack version {found}; this app reads {supported})"
    )]
    NewerVersion { found: u32, supported: u32 },
    #[error("the pack is invalid: {reason}")]
    Invalid { reason: String },
    #[error("{part} has {key} twice")]
    Duplicate { part: Part, key: String },
    /// `key` is empty when the part has more than [`MAX_ENTITIES_PER_PART`] entities;
    /// otherwise it names the entity holding a string longer than [`MAX_STRING_CHARS`].
    #[error("{part} is too big at \"{key}\"")]
    TooBig { part: Part, key: String },
    /// The script `key` has more than [`MAX_STEPS_PER_SCRIPT`] steps.
    #[error("script \"{key}\" has more than {MAX_STEPS_PER_SCRIPT} steps")]
    TooManySteps { key: String },
    #[error("the pack is empty")]
    Empty,
}

/// A pack of `playbook`: everything, or only the entities in `selection`.
pub fn export(
    playbook: &Playbook,
    selection: Option<&BTreeSet<(Part, String)>>,
    name: &str,
    now: Timestamp,
) -> Pack {
    let chosen = Part::ALL
        .into_iter()
        .flat_map(|part| entities(playbook, part))
        .filter(|e| selection.is_none_or(|s| s.contains(&(e.part(), e.key()))));
    Pack {
        format: PACK_FORMAT.into(),
        version: PACK_VERSION,
        name: name.into(),
        exported_at: now,
        playbook: playbook_of(chosen),
    }
}

/// The pack as a file: pretty-printed, with fields in a fixed order, so exporting the same
/// playbook twice gives the same text.
pub fn to_json(pack: &Pack) -> String {
    crate::json::to_string_pretty(pack)
}

/// Reads and checks a pack file. The checks run in order: size, JSON syntax, the format
/// marker, the version, the limits (entities per part, string length), the shape of every
/// entity, unique keys and valid field names, and finally that there is something to import.
pub fn parse(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            bytes: text.len(),
            max: MAX_PACK_BYTES,
        });
    }
    // A byte-order mark, as Windows editors write before UTF-8, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = crate::json::parse(text).map_err(|e| PackError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(PACK_FORMAT) {
        return Err(PackError::NotAPack);
    }
    match value.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(PackError::NotAPack),
        Some(v) if v > u64::from(PACK_VERSION) => {
            return Err(PackError::NewerVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
                supported: PACK_VERSION,
            })
        }
        Some(_) => {}
    }
    check_limits(&value)?;
    let pack: Pack = crate::json::from_str(text).map_err(|e| PackError::Invalid {
        reason: e.to_string(),
    })?;
    for part in Part::ALL {
        let mut seen = BTreeSet::new();
        for entity in entities(&pack.playbook, part) {
            let key = entity.key();
            if part == Part::Field && !is_field_name(&key) {
                return Err(PackError::Invalid {
                    reason: format!("\"{key}\" is not a valid field name"),
                });
            }
            if !seen.insert(key.clone()) {
                return Err(PackError::Duplicate { part, key });
            }
        }
    }
    if Part::ALL
        .into_iter()
        .all(|part| entities(&pack.playbook, part).is_empty())
    {
        return Err(PackError::Empty);
    }
    Ok(pack)
}

/// Rejects hostile sizes before the typed parse: too many entities in a part, or a string (a
/// value or an object key) longer than [`MAX_STRING_CHARS`] in an entity or the pack's name.
fn check_limits(pack: &Value) -> Result<(), PackError> {
    if pack.get("name").is_some_and(|n| !strings_fit(n)) {
        return Err(PackError::Invalid {
            reason: format!("the pack name is longer than {MAX_STRING_CHARS} characters"),
        });
    }
    let Some(playbook) = pack.get("playbook") else {
        return Ok(());
    };
    for part in Part::ALL {
        let Some(Value::Array(items)) = playbook.get(part.code()) else {
            continue;
        };
        if items.len() > MAX_ENTITIES_PER_PART {
            return Err(PackError::TooBig {
                part,
                key: String::new(),
            });
        }
        for (i, item) in items.iter().enumerate() {
            let key = || {
                ["id", "name"]
                    .iter()
                    .find_map(|k| item.get(k).and_then(Value::as_str))
                    .map(|k| k.chars().take(64).collect())
                    .unwrap_or_else(|| format!("#{}", i + 1))
            };
            if !strings_fit(item) {
                return Err(PackError::TooBig { part, key: key() });
            }
            let steps = item
                .get("steps")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            if part == Part::Script && steps > MAX_STEPS_PER_SCRIPT {
                return Err(PackError::TooManySteps { key: key() });
            }
        }
    }
    Ok(())
}

/// Whether every string in `value` is at most [`MAX_STRING_CHARS`] long. Walks with a stack:
/// the nesting depth is whatever the file says.
fn strings_fit(value: &Value) -> bool {
    let fits = |s: &str| s.len() <= MAX_STRING_CHARS || s.chars().count() <= MAX_STRING_CHARS;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if !fits(s) => return false,
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (k, v) in map {
                    if !fits(k) {
                        return false;
                    }
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    true
}

/// What importing a pack entity would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Not in the playbook in use.
    Added,
    /// Different from the playbook in use, which nobody here edited (or which came from an
    /// earlier import): taking it loses nothing local.
    Updated,
    /// Different from a local edit: the user decides.
    Conflict,
    /// The same as the playbook in use.
    Unchanged,
}

/// One pack entity in an import plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub part: Part,
    pub key: String,
    /// The entity's name in the pack.
    pub name: LocalizedText,
    pub change: Change,
}

/// How many of each change a plan holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub conflicts: usize,
    pub unchanged: usize,
}

impl Summary {
    pub fn of(plan: &[PlanItem]) -> Summary {
        let mut s = Summary::default();
        for item in plan {
            match item.change {
                Change::Added => s.added += 1,
                Change::Updated => s.updated += 1,
                Change::Conflict => s.conflicts += 1,
                Change::Unchanged => s.unchanged += 1,
            }
        }
        s
    }

    /// Whether importing would change nothing.
    pub fn is_noop(&self) -> bool {
        self.added + self.updated + self.conflicts == 0
    }
}

/// The user's answer to a [`Change::Conflict`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Keep the local edit (the safe default).
    #[default]
    KeepMine,
    /// Replace it with the pack's entity.
    TakeTheirs,
}

/// Classifies every entity of `pack` against `current` (the effective playbook) and the local
/// edits in `overlay`, in pack order. An entity the user deleted here is a conflict too, so an
/// import never brings back what someone removed on purpose without asking.
pub fn plan(pack: &Pack, current: &Playbook, overlay: &Overlay) -> Vec<PlanItem> {
    let mut items = Vec::new();
    for part in Part::ALL {
        let existing: BTreeMap<String, Entity> = entities(current, part)
            .into_iter()
            .map(|e| (e.key(), e))
            .collect();
        for theirs in entities(&pack.playbook, part) {
            let key = theirs.key();
            let edited_here = overlay.get(part, &key).is_some_and(|e| !e.imported);
            let change = match existing.get(&key) {
                None if edited_here => Change::Conflict,
                None => Change::Added,
                Some(mine) if *mine == theirs => Change::Unchanged,
                Some(_) if edited_here => Change::Conflict,
                Some(_) => Change::Updated,
            };
            items.push(PlanItem {
                part,
                name: theirs.name(),
                key,
                change,
            });
        }
    }
    items
}

/// Imports the pack as `plan` says: added and updated entities go into the overlay marked as
/// imported, a conflict only where `take_theirs` says so, unchanged ones not at all. Returns
/// the keys whose overlay entries changed, for the caller to save.
pub fn apply(
    pack: &Pack,
    plan: &[PlanItem],
    take_theirs: &dyn Fn(Part, &str) -> bool,
    overlay: &mut Overlay,
) -> Vec<(Part, String)> {
    let mut theirs: BTreeMap<(Part, String), Entity> = Part::ALL
        .into_iter()
        .flat_map(|part| entities(&pack.playbook, part))
        .map(|e| ((e.part(), e.key()), e))
        .collect();
    let mut changed = Vec::new();
    for item in plan {
        let take = match item.change {
            Change::Added | Change::Updated => true,
            Change::Conflict => take_theirs(item.part, &item.key),
            Change::Unchanged => false,
        };
        let key = (item.part, item.key.clone());
        if let Some(entity) = take.then(|| theirs.remove(&key)).flatten() {
            let already = overlay.get(item.part, &item.key).is_some_and(|e| {
                e.imported && matches!(&e.edit, Edit::Put(mine) if *mine == entity)
            });
            if !already {
                overlay.put_imported(entity);
                changed.push(key);
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests;
