use super::*;
use Level::{High, Low, Medium, Unknown};

fn lead(need: Level, intent: Level, timeline: Level, budget: Level, authority: Level) -> Signals {
    Signals {
        need,
        intent,
        timeline,
        budget,
        authority,
    }
}

fn grade(s: Signals) -> Grade {
    suggest(&GradingRules::default(), &s)
}

#[test]
fn grade_is_a_when_need_clear_intent_strong_budget_confirmed_and_timeline_near() {
    assert_eq!(grade(lead(High, High, High, High, Unknown)), Grade::A);
    assert_eq!(grade(lead(High, High, High, Medium, Low)), Grade::A);
    assert_eq!(grade(lead(High, Medium, High, High, Unknown)), Grade::A);
}

#[test]
fn meeting_only_the_minimums_for_a_is_not_enough_without_one_more_strength() {
    assert_eq!(grade(lead(High, Medium, High, Medium, Unknown)), Grade::B);
    assert_eq!(grade(lead(High, Medium, High, Medium, Medium)), Grade::A);
}

#[test]
fn a_clear_near_need_without_a_known_budget_is_not_a() {
    assert_eq!(grade(lead(High, High, High, Unknown, High)), Grade::B);
    assert_eq!(grade(lead(High, High, High, Low, High)), Grade::B);
}

#[test]
fn a_clear_need_with_a_distant_timeline_is_b() {
    assert_eq!(grade(lead(High, High, Medium, High, High)), Grade::B);
}

#[test]
fn a_potential_need_with_some_interest_is_b() {
    assert_eq!(
        grade(lead(Medium, Medium, Medium, Medium, Unknown)),
        Grade::B
    );
    assert_eq!(
        grade(lead(Medium, High, Unknown, Unknown, Unknown)),
        Grade::B
    );
    assert_eq!(grade(lead(Medium, Low, Low, Medium, Unknown)), Grade::C);
}

#[test]
fn a_lead_nobody_has_qualified_is_long_term_nurture() {
    assert_eq!(grade(Signals::default()), Grade::C);
    assert_eq!(grade(lead(Low, High, High, High, High)), Grade::C);
}

#[test]
fn unknown_and_low_earn_no_points_and_high_earns_twice_medium() {
    let rules = GradingRules::default();
    assert_eq!(rules.points(&lead(Low, Low, Low, Low, Low)), 0);
    assert_eq!(
        rules.points(&lead(Medium, Unknown, Unknown, Unknown, Unknown)),
        3
    );
    assert_eq!(
        rules.points(&lead(High, Unknown, Unknown, Unknown, Unknown)),
        6
    );
    assert_eq!(rules.max_points(), 22);
    assert_eq!(rules.points(&lead(High, High, High, High, High)), 22);
}

#[test]
fn raising_the_b_threshold_moves_a_lead_to_c_without_code_changes() {
    let signals = lead(Medium, Medium, Medium, Medium, Unknown);
    let mut rules = GradingRules::default();
    assert_eq!(suggest(&rules, &signals), Grade::B);
    rules.b.min_points = 12;
    assert!(rules.validate().is_ok());
    assert_eq!(suggest(&rules, &signals), Grade::C);
}

#[test]
fn a_team_that_drops_the_budget_requirement_gets_a_without_budget() {
    let signals = lead(High, High, High, Unknown, High);
    let mut rules = GradingRules::default();
    rules.a.min_levels.set(Signal::Budget, Unknown);
    assert_eq!(suggest(&rules, &signals), Grade::A);
}

#[test]
fn the_default_rules_are_valid() {
    assert_eq!(GradingRules::default().validate(), Ok(()));
}

#[test]
fn a_threshold_below_b_is_rejected() {
    let mut rules = GradingRules::default();
    rules.a.min_points = 5;
    assert_eq!(
        rules.validate(),
        Err(GradingRulesError::ThresholdsOutOfOrder { a: 5, b: 8 })
    );
}

#[test]
fn a_asking_less_of_a_signal_than_b_is_rejected() {
    let mut rules = GradingRules::default();
    rules.b.min_levels.set(Signal::Authority, Medium);
    assert_eq!(
        rules.validate(),
        Err(GradingRulesError::LevelsOutOfOrder {
            signal: Signal::Authority
        })
    );
}

#[test]
fn a_threshold_no_lead_can_reach_is_rejected() {
    let mut rules = GradingRules::default();
    rules.a.min_points = 23;
    assert_eq!(
        rules.validate(),
        Err(GradingRulesError::Unreachable {
            grade: Grade::A,
            needed: 23,
            max: 22
        })
    );
    rules.weights = Weights::default();
    assert!(matches!(
        rules.validate(),
        Err(GradingRulesError::Unreachable {
            grade: Grade::B,
            ..
        })
    ));
}

#[test]
fn the_rep_override_wins_and_is_flagged_only_when_it_differs() {
    assert_eq!(effective(Grade::B, None), Grade::B);
    assert_eq!(effective(Grade::B, Some(Grade::A)), Grade::A);
    assert!(is_overridden(Grade::B, Some(Grade::A)));
    assert!(!is_overridden(Grade::B, Some(Grade::B)));
    assert!(!is_overridden(Grade::B, None));
}

#[test]
fn short_of_a_lists_the_signals_to_work_on() {
    let rules = GradingRules::default();
    let s = lead(High, Low, Medium, Unknown, High);
    assert_eq!(
        rules.a.short_of(&s),
        [Signal::Intent, Signal::Timeline, Signal::Budget]
    );
    assert!(rules.b.short_of(&s).is_empty());
}

#[test]
fn stored_rules_fill_missing_parts_with_the_defaults_and_round_trip() {
    let rules: GradingRules =
        crate::json::from_str(r#"{"b":{"min_points":10},"future":1}"#).unwrap();
    assert_eq!(rules.weights, GradingRules::default().weights);
    assert_eq!(rules.a, GradingRules::default().a);
    assert_eq!(rules.b.min_points, 10);
    assert_eq!(rules.b.min_levels, Signals::default());
    let json = crate::json::to_string(&GradingRules::default());
    assert_eq!(
        crate::json::from_str::<GradingRules>(&json).unwrap(),
        GradingRules::default()
    );
}

#[test]
fn a_level_from_a_future_version_reads_as_unknown() {
    let s: Signals = crate::json::from_str(r#"{"need":"very_high","budget":"high"}"#).unwrap();
    assert_eq!((s.need, s.budget, s.intent), (Unknown, High, Unknown));
    for l in Level::ALL {
        assert_eq!(Level::from_code(l.code()), Some(l));
        assert_eq!(crate::json::to_string(&l), format!("\"{}\"", l.code()));
    }
}

#[test]
fn levels_come_from_captured_discovery_answers() {
    assert_eq!(Level::from_answer(&Answer::YesNo(true)), High);
    assert_eq!(Level::from_answer(&Answer::YesNo(false)), Low);
    assert_eq!(Level::from_answer(&Answer::Choice("medium".into())), Medium);
    assert_eq!(Level::from_answer(&Answer::Choice("high".into())), High);
    assert_eq!(Level::from_answer(&Answer::Choice("".into())), Unknown);
    assert_eq!(Level::from_answer(&Answer::Score(3)), Low);
    assert_eq!(Level::from_answer(&Answer::Score(6)), Medium);
    assert_eq!(Level::from_answer(&Answer::Score(9)), High);
    assert_eq!(Level::from_answer(&Answer::Text("CFO Li".into())), Medium);
    assert_eq!(Level::from_answer(&Answer::Text("  ".into())), Unknown);
    assert_eq!(Level::from_answer(&Answer::Number(5.0)), Unknown);
}
