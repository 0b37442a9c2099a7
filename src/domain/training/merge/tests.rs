use super::*;
use crate::domain::training::fixtures::{drill, score, trainee};

fn d(id: &str, value: u8) -> Drill {
    drill(id, "t1", vec![score("opening", value)])
}

fn ids<T: Record>(records: &[T]) -> Vec<String> {
    records.iter().map(|r| r.key().to_string()).collect()
}

/// The records stored after the import: existing plus added, by id.
fn apply<T: Record>(existing: &[T], report: &MergeReport<T>) -> Vec<T> {
    let mut all: Vec<T> = existing.iter().chain(&report.added).cloned().collect();
    sort_small_by(&mut all, |a, b| a.key().cmp(b.key()));
    all
}

#[test]
fn new_drills_are_added_and_known_ones_are_the_same() {
    let existing = [d("d1", 3), d("d2", 4)];
    let report = merge_drills(&existing, &[d("d4", 2), d("d2", 4), d("d3", 5)]);
    assert_eq!(ids(&report.added), ["d3", "d4"]);
    assert_eq!((report.same, report.conflicts.len()), (1, 0));
}

#[test]
fn the_same_id_with_other_scores_is_a_conflict_kept_not_dropped() {
    let existing = [d("d1", 3)];
    let report = merge_drills(&existing, &[d("d1", 5)]);
    assert!(report.added.is_empty());
    assert_eq!(report.same, 0);
    assert_eq!(
        report.conflicts,
        [Conflict {
            ours: d("d1", 3),
            theirs: d("d1", 5)
        }]
    );
}

#[test]
fn merging_the_same_file_twice_changes_nothing_more() {
    let existing = [d("d1", 3), d("d2", 4)];
    let incoming = [d("d1", 5), d("d3", 2), d("d2", 4)];
    let first = merge_drills(&existing, &incoming);
    let stored = apply(&existing, &first);
    let second = merge_drills(&stored, &incoming);
    assert!(second.added.is_empty());
    assert_eq!(second.conflicts, first.conflicts);
    assert_eq!(second.same, 2);
    assert_eq!(apply(&stored, &second), stored);
}

#[test]
fn the_order_of_records_in_a_file_does_not_change_the_outcome() {
    let existing = [d("d1", 3)];
    let file = [
        d("d1", 5),
        d("d9", 1),
        d("d5", 2),
        d("d9", 4),
        d("d1", 3),
        d("d5", 2),
    ];
    let forward = merge_drills(&existing, &file);
    let mut reversed = file.to_vec();
    reversed.reverse();
    assert_eq!(merge_drills(&existing, &reversed), forward);
    let rotated: Vec<_> = file[3..].iter().chain(&file[..3]).cloned().collect();
    assert_eq!(merge_drills(&existing, &rotated), forward);
}

#[test]
fn laptops_merged_in_either_order_give_the_same_drills() {
    let here = [d("d1", 3)];
    let anna = [d("d2", 4), d("d1", 3)];
    let ben = [d("d3", 5), d("d2", 4)];
    let via_anna = apply(&here, &merge_drills(&here, &anna));
    let anna_then_ben = apply(&via_anna, &merge_drills(&via_anna, &ben));
    let via_ben = apply(&here, &merge_drills(&here, &ben));
    let ben_then_anna = apply(&via_ben, &merge_drills(&via_ben, &anna));
    assert_eq!(anna_then_ben, ben_then_anna);
    assert_eq!(ids(&anna_then_ben), ["d1", "d2", "d3"]);
}

#[test]
fn two_versions_of_a_new_drill_in_one_file_add_one_and_keep_the_other_as_a_conflict() {
    let report = merge_drills(&[], &[d("d7", 4), d("d7", 2), d("d7", 4)]);
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.same, 1);
    let kept = [&report.added[0], &report.conflicts[0].theirs];
    assert!(kept.contains(&&d("d7", 4)) && kept.contains(&&d("d7", 2)));
    assert_eq!(report.conflicts[0].ours, report.added[0]);
}

#[test]
fn trainees_merge_by_id_the_same_way() {
    let here = [trainee("t1", "Ann")];
    let mut renamed = trainee("t1", "Ann Li");
    renamed.team = "East".into();
    let report = merge_trainees(&here, &[renamed.clone(), trainee("t2", "Bo")]);
    assert_eq!(ids(&report.added), ["t2"]);
    assert_eq!(report.conflicts[0].theirs, renamed);
    assert!(!report.is_noop());
    assert!(merge_trainees(&here, &here).is_noop());
}
