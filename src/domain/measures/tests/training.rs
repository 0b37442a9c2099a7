//! The training measures on the six-criteria mock-sale rubric (weights 10/25/20/20/15/10,
//! pass at 70%, required statements a knock-out), values worked out by hand.

use super::*;
use crate::domain::measures::training::*;
use crate::domain::training::fixtures::{all, criterion, six_criteria, trainee};
use crate::domain::training::readiness::{Part, ReadinessWeights};
use crate::domain::training::rubric::{Rubric, ScoreError};
use crate::domain::training::{CriterionScore, Drill, Role, Trainee};

/// A drill of `who` that ran for the hour before `finished`.
fn done(name: &str, who: &str, finished: Timestamp, scores: Vec<CriterionScore>) -> Drill {
    let mut d = crate::domain::training::fixtures::drill(name, who, scores);
    d.started_at = finished - chrono::TimeDelta::hours(1);
    d.finished_at = Some(finished);
    d
}

/// Every criterion of the rubric scored `base`, except `key`, scored `value`.
fn but(r: &Rubric, base: u8, key: &str, value: u8) -> Vec<CriterionScore> {
    let mut v = all(r, base);
    v.iter_mut()
        .filter(|c| c.criterion == key)
        .for_each(|c| c.score = value);
    v
}

fn data<'a>(drills: &'a [Drill], class: &'a [Trainee], r: &'a Rubric) -> TrainingData<'a> {
    TrainingData::new(drills, class, r, &TrainingFilter::default())
}

fn none() -> BTreeMap<Id, Progress> {
    BTreeMap::new()
}

#[test]
fn no_drills_give_no_data_never_zero_percent() {
    let r = six_criteria();
    let class = [trainee("t1", "Ann")];
    let data = data(&[], &class, &r);
    let run = drills_run(&data, &week());
    assert_eq!((run.value, run.numerator, run.denominator), (Some(0), 0, 1));
    assert!(run.deals.is_empty(), "no drills run is a count of 0");
    let pass = pass_rate(&data, &week());
    assert_eq!(pass.measure.value, None);
    assert!(pass.unscored.is_empty());
    let averages = criterion_averages(&data, &week());
    assert_eq!(averages.len(), 6);
    assert!(averages.iter().all(|(_, m)| m.value.is_none()));
    assert!(averages
        .iter()
        .all(|(_, m)| average_hundredths(m).is_none()));
    let table = readiness_table(&data, &week(), &none(), &ReadinessWeights::default());
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].readiness.score, 0);
    assert!(table[0].readiness.parts[1].missing);
    assert!(table[0].drills.is_empty());
}

#[test]
fn a_drill_finished_at_the_period_start_counts_and_one_at_the_end_does_not() {
    let r = six_criteria();
    let mut running = done("d3", "t1", mar(4, 10, 0), all(&r, 5));
    running.finished_at = None;
    let drills = [
        done("d1", "t1", mar(2, 0, 0), all(&r, 5)),
        done("d2", "t1", mar(9, 0, 0), all(&r, 5)),
        running,
    ];
    let data = data(&drills, &[], &r);
    let run = drills_run(&data, &week());
    assert_eq!(run.value, Some(1));
    assert_eq!(run.deals, ids(&["d1"]));
    assert_eq!(pass_rate(&data, &week()).measure.deals, ids(&["d1"]));
    let next = Period::week(mar(9, 0, 0), utc());
    assert_eq!(drills_run(&data, &next).deals, ids(&["d2"]));
    let earlier = week().previous();
    assert_eq!(drills_run(&data, &earlier).value, Some(0));
}

#[test]
fn an_incomplete_or_rejected_drill_is_reported_apart_never_as_failed() {
    let r = six_criteria();
    let drills = [
        done("d1", "t1", mar(3, 10, 0), all(&r, 5)),
        done("d2", "t1", mar(3, 11, 0), all(&r, 4)[..5].to_vec()),
        done("d3", "t1", mar(3, 12, 0), but(&r, 4, "value", 6)),
    ];
    let data = data(&drills, &[], &r);
    let pass = pass_rate(&data, &week());
    assert_eq!(pass.measure.deals, ids(&["d1"]));
    assert_eq!(
        pass.measure.value,
        Some(10_000),
        "1 of 1 judged, not 1 of 3"
    );
    assert_eq!(
        pass.unscored,
        [
            (
                id("d2"),
                Unscored::Incomplete {
                    missing: vec!["statements".into()]
                }
            ),
            (
                id("d3"),
                Unscored::Rejected(ScoreError::OutOfRange {
                    criterion: "value".into(),
                    score: 6
                })
            ),
        ]
    );
    assert_eq!(drills_run(&data, &week()).value, Some(3), "all three ran");
}

#[test]
fn a_knocked_out_required_criterion_fails_a_drill_above_the_pass_mark() {
    let r = six_criteria();
    let drills = [
        // 90 weight at 4 steps + 10 at 1 step = 370 of 400 points: 93%, but knocked out.
        done("d1", "t1", mar(3, 10, 0), but(&r, 5, "statements", 2)),
        done("d2", "t1", mar(3, 11, 0), all(&r, 4)), // 75%: pass
        done("d3", "t1", mar(3, 12, 0), all(&r, 3)), // 50%: fail
    ];
    let data = data(&drills, &[], &r);
    let pass = pass_rate(&data, &week()).measure;
    assert_eq!(pass.deals, ids(&["d1", "d2", "d3"]));
    assert_eq!(pass.numerator_deals, ids(&["d2"]));
    assert_eq!((pass.numerator, pass.denominator), (1, 3));
    assert_eq!(pass.value, Some(3_333));
}

#[test]
fn criterion_averages_follow_the_rubric_and_round_halves_up() {
    let mut r = six_criteria();
    r.criteria
        .push(criterion("rapport", "Rapport", "亲和力", 0, false));
    // Eight drills: opening 1 seven times and 2 once, the rest 3; rapport never scored, so
    // every drill is incomplete, yet its scores count.
    let mut drills: Vec<Drill> = (0..8)
        .map(|i| {
            let s = if i == 0 { 2 } else { 1 };
            let scores = but(&r, 3, "opening", s)
                .into_iter()
                .filter(|c| c.criterion != "rapport")
                .collect();
            done(&format!("d{i}"), "t1", mar(3, 9 + i, 0), scores)
        })
        .collect();
    // Rejected scores count for no criterion; last week's drill is not this week's.
    drills.push(done("bad", "t1", mar(4, 9, 0), but(&r, 5, "opening", 0)));
    drills.push(done("old", "t1", mar(1, 9, 0), all(&r, 5)));
    let data = data(&drills, &[], &r);
    let averages = criterion_averages(&data, &week());
    let keys: Vec<_> = averages.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "opening",
            "discovery_depth",
            "value",
            "objections",
            "next_step",
            "statements",
            "rapport"
        ]
    );
    let opening = &averages[0].1;
    // Σ(score − 1) = 1 over 4 × 8 steps: 312.5 basis points; 9 points / 8 = 1.125.
    assert_eq!((opening.numerator, opening.denominator), (1, 32));
    assert_eq!(opening.value, Some(313));
    assert_eq!(average_hundredths(opening), Some(113));
    assert_eq!(opening.deals.len(), 8);
    assert!(!opening.deals.contains(&id("bad")));
    let value = &averages[2].1;
    assert_eq!(
        (value.value, average_hundredths(value)),
        (Some(5_000), Some(300))
    );
    assert_eq!(averages[6].1.value, None, "never scored");
    assert_eq!(average_hundredths(&averages[6].1), None);
    let share = Measure::new(Unit::Days, 3, 1, Vec::new());
    assert_eq!(average_hundredths(&share), None, "only for averages");
    assert_eq!(pass_rate(&data, &week()).unscored.len(), 9);
}

#[test]
fn a_team_filter_keeps_its_trainees_drills_trimmed() {
    let r = six_criteria();
    let mut class = [
        trainee("t1", "Ann"),
        trainee("t2", "Bo"),
        trainee("t3", "Cy"),
    ];
    class[0].team = " North ".into();
    class[1].team = "North".into();
    class[2].team = "South".into();
    let drills = [
        done("d1", "t1", mar(3, 10, 0), all(&r, 5)),
        done("d2", "t2", mar(3, 10, 0), all(&r, 1)),
        done("d3", "t3", mar(3, 10, 0), all(&r, 5)),
        done("d4", "t9", mar(3, 10, 0), all(&r, 5)),
    ];
    let north = TrainingFilter {
        team: Some("North".into()),
        trainee: None,
    };
    let data = TrainingData::new(&drills, &class, &r, &north);
    assert_eq!(drills_run(&data, &week()).deals, ids(&["d1", "d2"]));
    assert_eq!(pass_rate(&data, &week()).measure.value, Some(5_000));
    let table = readiness_table(&data, &week(), &none(), &ReadinessWeights::default());
    let names: Vec<_> = table.iter().map(|r| r.trainee.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bo"]);
    let everyone = TrainingData::new(&drills, &class, &r, &TrainingFilter::default());
    assert_eq!(drills_run(&everyone, &week()).value, Some(4));
    let one = |who: &str| TrainingFilter {
        team: None,
        trainee: Some(id(who)),
    };
    let cy = TrainingData::new(&drills, &class, &r, &one("t3"));
    assert_eq!(drills_run(&cy, &week()).deals, ids(&["d3"]));
    let unknown = TrainingData::new(&drills, &class, &r, &one("t9"));
    assert_eq!(drills_run(&unknown, &week()).deals, ids(&["d4"]));
}

#[test]
fn readiness_ranks_the_class_with_ties_sharing_a_rank() {
    let r = six_criteria();
    let mut class = [
        trainee("t1", "Ann"),
        trainee("t2", "Bo"),
        trainee("t3", "Cy"),
        trainee("t4", "Tess"),
    ];
    class[3].role = Role::Trainer;
    let drills = [
        // Ann, in input order 4, 1, 2, 3 by start: the last three are 75% each.
        done("a4", "t1", mar(6, 10, 0), all(&r, 4)),
        done("a1", "t1", mar(3, 10, 0), all(&r, 1)),
        done("a2", "t1", mar(4, 10, 0), all(&r, 4)),
        done("a3", "t1", mar(5, 10, 0), all(&r, 4)),
        done("a5", "t1", mar(6, 11, 0), all(&r, 5)[1..].to_vec()),
        done("a0", "t1", mar(1, 10, 0), all(&r, 5)),
        done("b1", "t2", mar(3, 10, 0), all(&r, 5)),
        done("x1", "t4", mar(3, 10, 0), all(&r, 5)),
    ];
    let known = |path, flashcards| Progress {
        path: Some(path),
        flashcards: Some(flashcards),
    };
    let progress = BTreeMap::from([
        (id("t1"), known(100, 100)),
        (id("t2"), known(80, 90)),
        (id("t3"), known(100, 100)),
    ]);
    let data = data(&drills, &class, &r);
    let table = readiness_table(&data, &week(), &progress, &ReadinessWeights::default());
    // Ann (40·100 + 40·75 + 20·100) / 100 = 90; Bo (40·80 + 40·100 + 20·90) / 100 = 90;
    // Cy no drill this week: (40·100 + 20·100) / 100 = 60. Tess trains, and is not ranked.
    let got: Vec<_> = table
        .iter()
        .map(|row| (row.rank, row.trainee.name.as_str(), row.readiness.score))
        .collect();
    assert_eq!(got, [(1, "Ann", 90), (1, "Bo", 90), (3, "Cy", 60)]);
    assert_eq!(table[0].drills, ids(&["a2", "a3", "a4"]));
    assert_eq!(table[0].readiness.parts[1].value, 75);
    assert_eq!(table[1].drills, ids(&["b1"]));
    assert_eq!(table[2].readiness.parts[1].part, Part::Drills);
    assert!(table[2].readiness.parts[1].missing);
    assert!(table[2].drills.is_empty());
}

#[test]
fn the_trend_sets_this_weeks_training_beside_last_weeks() {
    let r = six_criteria();
    let class = [trainee("t1", "Ann")];
    let drills = [
        done("p1", "t1", t(2, 24, 10, 0), all(&r, 5)),
        done("p2", "t1", t(2, 25, 10, 0), all(&r, 1)),
        done("c1", "t1", mar(2, 10, 0), all(&r, 5)),
        done("c2", "t1", mar(3, 10, 0), all(&r, 5)),
        done("c3", "t1", mar(4, 10, 0), all(&r, 5)),
        done("c4", "t1", mar(5, 10, 0), all(&r, 1)),
    ];
    let data = data(&drills, &class, &r);
    let tr = training_trend(&data, &week(), &none(), &ReadinessWeights::default());
    assert_eq!(tr.previous.period, week().previous());
    assert_eq!(tr.previous.drills_run.deals, ids(&["p1", "p2"]));
    assert_eq!(tr.drills_run_change(), Some(2));
    // 3 of 4 passed against 1 of 2: +25 percentage points.
    assert_eq!(tr.current.pass_rate.measure.value, Some(7_500));
    assert_eq!(tr.pass_rate_change(), Some(2_500));
    // Opening: (4 + 4 + 4 + 0) / 16 = 75% of the scale against 4 / 8 = 50%.
    assert_eq!(tr.criterion_change("opening"), Some(2_500));
    assert_eq!(tr.criterion_change("no-such-criterion"), None);
    // Last week drills (100 + 0) / 2 = 50, index 40·50 / 100 = 20; this week the last three
    // are 100, 100, 0: 66.67 → 67, index 40·67 / 100 = 26.8 → 27.
    assert_eq!(tr.previous.readiness[0].readiness.score, 20);
    assert_eq!(tr.current.readiness[0].readiness.score, 27);
    assert_eq!(tr.readiness_change(&id("t1")), Some(7));
    assert_eq!(tr.readiness_change(&id("t9")), None);
    let before = training_trend(
        &data,
        &week().previous(),
        &none(),
        &ReadinessWeights::default(),
    );
    assert_eq!(before.previous.pass_rate.measure.value, None);
    assert_eq!(before.pass_rate_change(), None, "nothing to compare with");
    assert_eq!(before.drills_run_change(), Some(2));
}
