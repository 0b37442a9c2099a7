use super::*;
use crate::domain::training::fixtures::{all, criterion, score as s, six_criteria};

fn card(rubric: &Rubric, scores: &[CriterionScore]) -> ScoreCard {
    score(rubric, scores).unwrap()
}

/// Every criterion scored 4 except `key`, scored `value`.
fn fours_but(rubric: &Rubric, key: &str, value: u8) -> Vec<CriterionScore> {
    let mut v = all(rubric, 4);
    v.iter_mut()
        .filter(|c| c.criterion == key)
        .for_each(|c| c.score = value);
    v
}

#[test]
fn all_fives_score_100_and_all_ones_score_0() {
    let r = six_criteria();
    assert_eq!(card(&r, &all(&r, 5)).percent, Some(100));
    assert_eq!(card(&r, &all(&r, 1)).percent, Some(0));
    assert_eq!(card(&r, &all(&r, 5)).verdict, Verdict::Pass);
    assert_eq!(card(&r, &all(&r, 1)).verdict, Verdict::Fail);
}

#[test]
fn each_step_up_the_scale_adds_a_quarter() {
    let r = six_criteria();
    let percents: Vec<_> = (1..=5).map(|v| card(&r, &all(&r, v)).percent).collect();
    assert_eq!(percents, [Some(0), Some(25), Some(50), Some(75), Some(100)]);
}

#[test]
fn heavier_criteria_move_the_score_more() {
    let r = six_criteria();
    // Opening (weight 10) at 2 instead of 4: 300 − 20 = 280 of 400 points.
    assert_eq!(card(&r, &fours_but(&r, "opening", 2)).percent, Some(70));
    // Discovery depth (weight 25) at 2 instead of 4: 300 − 50 = 250 of 400 points.
    assert_eq!(
        card(&r, &fours_but(&r, "discovery_depth", 2)).percent,
        Some(63)
    );
}

#[test]
fn a_half_percent_rounds_up() {
    let r = Rubric {
        criteria: vec![
            criterion("a", "A", "甲", 1, false),
            criterion("b", "B", "乙", 1, false),
        ],
        ..six_criteria()
    };
    // (0 + 1) / 8 = 12.5%
    assert_eq!(card(&r, &[s("a", 1), s("b", 2)]).percent, Some(13));
}

#[test]
fn exactly_the_pass_mark_passes() {
    let r = six_criteria();
    let c = card(&r, &fours_but(&r, "opening", 2));
    assert_eq!((c.percent, c.verdict), (Some(70), Verdict::Pass));
}

#[test]
fn just_under_the_pass_mark_fails_even_when_it_rounds_close() {
    let r = six_criteria();
    // 275 of 400 points = 68.75%, rounded to 69.
    let c = card(&r, &fours_but(&r, "discovery_depth", 3));
    assert_eq!((c.percent, c.verdict), (Some(69), Verdict::Fail));
}

#[test]
fn unscored_criteria_are_reported_not_counted_as_zero() {
    let r = six_criteria();
    let c = card(&r, &[s("opening", 5), s("value", 3)]);
    // (10·4 + 20·2) / (4·30) = 80 / 120
    assert_eq!(c.percent, Some(67));
    assert_eq!(
        c.missing,
        ["discovery_depth", "objections", "next_step", "statements"]
    );
    assert_eq!(c.verdict, Verdict::Incomplete);
}

#[test]
fn nothing_scored_yet_or_no_criteria_gives_no_percent() {
    let r = six_criteria();
    let c = card(&r, &[]);
    assert_eq!((c.percent, c.verdict), (None, Verdict::Incomplete));
    assert_eq!(c.missing.len(), 6);
    let no_criteria = Rubric {
        criteria: vec![],
        ..six_criteria()
    };
    let c = card(&no_criteria, &[]);
    assert_eq!((c.percent, c.verdict), (None, Verdict::Incomplete));
}

#[test]
fn a_zero_weight_criterion_is_scored_but_not_counted() {
    let mut r = six_criteria();
    r.criteria[0].weight = 0;
    let c = card(&r, &fours_but(&r, "opening", 1));
    assert_eq!((c.percent, c.verdict), (Some(75), Verdict::Pass));
    let c = card(&r, &all(&r, 4)[1..]);
    assert_eq!(c.missing, ["opening"]);
    assert_eq!(c.verdict, Verdict::Incomplete);
}

#[test]
fn scores_outside_one_to_five_are_rejected() {
    let r = six_criteria();
    for bad in [0, 6, 255] {
        assert_eq!(
            score(&r, &fours_but(&r, "value", bad)),
            Err(ScoreError::OutOfRange {
                criterion: "value".into(),
                score: bad
            })
        );
    }
}

#[test]
fn a_criterion_scored_twice_is_rejected() {
    let r = six_criteria();
    let mut scores = all(&r, 4);
    scores.push(s("value", 5));
    assert_eq!(
        score(&r, &scores),
        Err(ScoreError::Duplicate {
            criterion: "value".into()
        })
    );
}

#[test]
fn missing_a_required_statement_fails_a_high_score() {
    let r = six_criteria();
    let c = card(&r, &{
        let mut v = all(&r, 5);
        v[5].score = 2;
        v
    });
    assert_eq!(c.percent, Some(93)); // 370 of 400 points = 92.5%
    assert_eq!(c.knocked_out, ["statements"]);
    assert_eq!(c.verdict, Verdict::Fail);
    let c = card(&r, &fours_but(&r, "statements", REQUIRED_AT_LEAST));
    assert_eq!(c.verdict, Verdict::Pass);
}

#[test]
fn scores_for_criteria_the_rubric_lacks_are_listed_and_ignored() {
    let r = six_criteria();
    let mut scores = all(&r, 5);
    scores.push(s("rapport", 1));
    let c = card(&r, &scores);
    assert_eq!(c.unknown, ["rapport"]);
    assert_eq!(c.percent, Some(100));
}

#[test]
fn each_score_has_its_behavioural_description() {
    let r = six_criteria();
    let opening = &r.criteria[0];
    assert_eq!(opening.level(1).map(|l| l.en.as_str()), Some("Opening: 1"));
    assert_eq!(opening.level(5).map(|l| l.zh.as_str()), Some("开场白：5"));
    assert_eq!(opening.level(0), None);
    assert_eq!(opening.level(6), None);
}

#[test]
fn the_six_criteria_rubric_is_valid() {
    assert_eq!(validate(&six_criteria()), []);
}

#[test]
fn validation_names_what_a_trainer_must_fix() {
    let mut r = six_criteria();
    r.criteria[1].key = "opening".into();
    r.criteria[2].levels.pop();
    r.criteria.push(criterion(" ", "", "", 1, false));
    r.pass_mark = 101;
    assert_eq!(
        validate(&r),
        [
            RubricIssue::DuplicateKey {
                key: "opening".into()
            },
            RubricIssue::LevelCount {
                key: "value".into(),
                count: 4
            },
            RubricIssue::BlankKey,
            RubricIssue::PassMarkAbove100 { pass_mark: 101 },
        ]
    );
}

#[test]
fn a_rubric_that_weighs_nothing_is_invalid() {
    let mut r = six_criteria();
    r.criteria.iter_mut().for_each(|c| c.weight = 0);
    assert_eq!(validate(&r), [RubricIssue::ZeroTotalWeight]);
    r.criteria.clear();
    assert_eq!(validate(&r), [RubricIssue::ZeroTotalWeight]);
}

#[test]
fn a_rubric_stored_with_only_keys_reads_with_defaults() {
    let r: Rubric =
        crate::json::from_str(r#"{"id":"r1","criteria":[{"key":"opening"}],"future":1}"#).unwrap();
    assert_eq!(r.pass_mark, DEFAULT_PASS_MARK);
    assert_eq!(r.criteria[0].weight, 1);
    assert!(!r.criteria[0].required && r.criteria[0].levels.is_empty());
}
