use super::*;
use crate::domain::checklist::COMPLETENESS_STANDARD;
use crate::domain::deal::{CustomerClass, Deal};
use crate::domain::playbook::Industry;
use chrono::{NaiveDate, TimeZone};

fn at(h: u32) -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).unwrap()
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// The default playbook's checklists, fields and scripts.
fn playbook() -> Playbook {
    use crate::json::from_str;
    Playbook {
        checklists: from_str(include_str!("../../../content/default/checklists.json")).unwrap(),
        fields: from_str(include_str!("../../../content/default/fields.json")).unwrap(),
        scripts: from_str(include_str!("../../../content/default/scripts.json")).unwrap(),
        ..Playbook::default()
    }
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn yuan(amount: i64) -> Answer {
    Answer::Money {
        minor: amount * 100,
        currency: "CNY".into(),
    }
}

fn with(lists: &[&str]) -> Discovery {
    let mut d = Discovery::new(id("deal-1"), at(9));
    for l in lists {
        d.attach(&id(l), at(9));
    }
    d
}

fn answer(d: &mut Discovery, p: &Playbook, field: &str, a: Answer) {
    d.set_answer(field, a, &p.fields, at(10)).unwrap();
}

fn item_ids(items: &[&ChecklistItem]) -> Vec<String> {
    items.iter().map(|i| i.id.as_str().to_owned()).collect()
}

#[test]
fn a_bant_checklist_half_answered_shows_50_percent_and_the_missing_items() {
    let p = playbook();
    let mut d = with(&["cl-bant"]);
    answer(&mut d, &p, "budget_allocated", Answer::YesNo(true));
    answer(&mut d, &p, "budget_range", yuan(300_000));
    answer(&mut d, &p, "decision_maker", text("COO Wang"));
    answer(&mut d, &p, "approval_path", text("COO, then the board"));
    answer(&mut d, &p, "pain", text("Stock-outs in 40% of stores"));
    let progress = d.progress(&p);
    assert_eq!(progress.len(), 1);
    let c = &progress[0].completeness;
    assert_eq!((c.answered_required, c.required), (5, 10));
    assert_eq!(c.whole_percent(), 50);
    assert!(!c.meets_standard());
    let missing = d.missing(&p);
    assert_eq!(missing[0].checklist.id.as_str(), "cl-bant");
    assert_eq!(
        item_ids(&missing[0].items),
        [
            "must-haves",
            "priority",
            "decision-date",
            "go-live-date",
            "compelling-event"
        ]
    );
    // Budget and authority met, need and timeline not: not qualified.
    assert!(matches!(
        &progress[0].verdict,
        Verdict::Bant { met, qualified: false, .. } if met == &["budget", "authority"]
    ));
}

#[test]
fn a_field_asked_by_two_checklists_counts_once() {
    let p = playbook();
    let mut d = with(&["cl-first-contact", "cl-bant"]);
    // First contact requires 6 fields, BANT 10; `pain` and `budget_allocated` are in both.
    let overall = d.overall(&p);
    assert_eq!(overall.required, 14);
    answer(&mut d, &p, "pain", text("Manual stock counts"));
    let overall = d.overall(&p);
    assert_eq!((overall.answered_required, overall.required), (1, 14));
    assert_eq!(required_counts(&d, &p), (14, 1));
    let per_list: Vec<_> = d
        .progress(&p)
        .iter()
        .map(|pr| pr.completeness.answered_required)
        .collect();
    assert_eq!(per_list, [1, 1], "each checklist sees the answer");
}

#[test]
fn a_field_optional_in_one_checklist_and_required_in_another_is_required() {
    let p = playbook();
    // `decision_maker` is optional in first contact, required in BANT.
    let d = with(&["cl-first-contact"]);
    assert!(!d
        .overall(&p)
        .missing_required
        .contains(&id("decision-maker")));
    let d = with(&["cl-first-contact", "cl-bant"]);
    assert!(d
        .overall(&p)
        .missing_required
        .contains(&id("decision-maker")));
}

#[test]
fn overall_completeness_meets_the_standard_at_85_percent_of_required_fields() {
    let p = playbook();
    let mut d = with(&["cl-bant"]);
    let fields = [
        ("budget_allocated", Answer::YesNo(true)),
        ("budget_range", yuan(300_000)),
        ("decision_maker", text("COO")),
        ("approval_path", text("COO")),
        ("pain", text("stock-outs")),
        ("must_haves", text("store app")),
        ("priority", Answer::Choice("high".into())),
        (
            "decision_date",
            Answer::Date(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()),
        ),
    ];
    for (f, a) in fields {
        answer(&mut d, &p, f, a);
    }
    assert!(!d.overall(&p).meets_standard(), "8 of 10");
    answer(&mut d, &p, "compelling_event", text("618 sale"));
    let c = d.overall(&p);
    assert_eq!(c.whole_percent(), 90);
    assert!(c.whole_percent() >= COMPLETENESS_STANDARD && c.meets_standard());
}

#[test]
fn nothing_attached_requires_nothing() {
    let p = playbook();
    let d = with(&[]);
    assert_eq!(required_counts(&d, &p), (0, 0));
    assert!(d.missing(&p).is_empty() && d.progress(&p).is_empty());
}

#[test]
fn attaching_twice_keeps_one_and_detaching_keeps_the_answers() {
    let p = playbook();
    let mut d = with(&["cl-bant"]);
    assert!(!d.attach(&id("cl-bant"), at(11)));
    assert_eq!(d.updated_at, at(9), "nothing changed");
    answer(&mut d, &p, "pain", text("stock-outs"));
    assert!(d.detach(&id("cl-bant"), at(12)));
    assert!(!d.detach(&id("cl-bant"), at(13)));
    assert!(d.checklists.is_empty());
    assert_eq!(d.updated_at, at(12));
    assert_eq!(d.answers.get("pain"), Some(&text("stock-outs")));
    d.attach(&id("cl-first-contact"), at(14));
    assert_eq!(
        d.overall(&p).answered_required,
        1,
        "the answer serves the next checklist"
    );
}

#[test]
fn a_checklist_deleted_from_the_playbook_is_skipped_but_kept() {
    let p = playbook();
    let d = with(&["cl-gone", "cl-bant"]);
    let ids: Vec<_> = d.attached(&p).iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["cl-bant"]);
    assert_eq!(d.checklists.len(), 2);
}

#[test]
fn a_wrong_kind_answer_is_refused_with_a_typed_error() {
    let p = playbook();
    let mut d = with(&["cl-bant"]);
    let f = &p.fields;
    assert_eq!(
        d.set_answer("decision_date", text("next week"), f, at(10)),
        Err(AnswerError::WrongKind {
            field: "decision_date".into(),
            expected: "date"
        })
    );
    assert_eq!(
        d.set_answer("priority", Answer::Choice("urgent".into()), f, at(10)),
        Err(AnswerError::NotAnOption {
            field: "priority".into(),
            value: "urgent".into()
        })
    );
    assert_eq!(
        d.set_answer("score_champion", Answer::Score(11), f, at(10)),
        Err(AnswerError::ScoreOutOfRange {
            field: "score_champion".into(),
            min: 1,
            max: 10
        })
    );
    assert_eq!(
        d.set_answer("budgte", text("50k"), f, at(10)),
        Err(AnswerError::UnknownField {
            field: "budgte".into()
        })
    );
    assert!(d.answers.is_empty());
    assert_eq!(d.updated_at, at(9));
}

#[test]
fn a_blank_answer_clears_the_field_and_an_equal_one_changes_nothing() {
    let p = playbook();
    let mut d = with(&[]);
    assert_eq!(
        d.set_answer("pain", text("slow"), &p.fields, at(10)),
        Ok(true)
    );
    assert_eq!(
        d.set_answer("pain", text("slow"), &p.fields, at(11)),
        Ok(false)
    );
    assert_eq!(d.updated_at, at(10));
    assert_eq!(
        d.set_answer("pain", text("  "), &p.fields, at(12)),
        Ok(true)
    );
    assert!(d.answers.is_empty());
    assert_eq!(
        d.set_answer("team_size", Answer::Number(f64::NAN), &p.fields, at(13)),
        Ok(false)
    );
    assert!(
        d.answers.is_empty(),
        "a number JSON cannot hold is never stored"
    );
    answer(&mut d, &p, "pain", text("slow"));
    assert_eq!(d.clear_answer("pain", at(14)), Some(text("slow")));
    assert_eq!(d.clear_answer("pain", at(15)), None);
    assert_eq!(d.updated_at, at(14));
}

#[test]
fn a_calls_answers_land_in_the_checklist_and_report_what_changed() {
    let p = playbook();
    let script = p.script(&id("script-new-lead-follow-up")).unwrap();
    let mut d = with(&["cl-bant"]);
    answer(&mut d, &p, "decision_maker", text("COO Wang"));
    answer(&mut d, &p, "pain", text("old guess"));
    let captured = vec![
        (id("fu-ask-pain"), text("Stock-outs")),
        (id("fu-ask-budget"), Answer::YesNo(true)),
        (id("fu-ask-range"), yuan(200_000)),
        (id("fu-ask-authority"), text("COO Wang")),
        (id("fu-ask-range"), yuan(250_000)),
    ];
    let merge = d.answers_from_walk(script, &captured, &p.fields, at(16));
    assert_eq!(merge.changed, ["pain", "budget_allocated", "budget_range"]);
    assert!(merge.refused.is_empty());
    assert_eq!(
        d.answers.get("budget_range"),
        Some(&yuan(250_000)),
        "the later answer wins"
    );
    assert_eq!(d.answers.get("pain"), Some(&text("Stock-outs")));
    assert_eq!(d.updated_at, at(16));
    let c = &d.progress(&p)[0].completeness;
    assert_eq!(c.answered_required, 4);
}

#[test]
fn a_call_answer_that_does_not_fit_or_has_no_question_is_refused_the_rest_taken() {
    let p = playbook();
    let script = p.script(&id("script-new-lead-follow-up")).unwrap();
    let mut d = with(&[]);
    answer(&mut d, &p, "pain", text("known"));
    let captured = vec![
        (id("fu-ask-date"), text("soon")),
        (id("no-such-step"), text("x")),
        (id("fu-ask-pain"), text("   ")),
        (id("fu-ask-authority"), text("CFO")),
    ];
    let merge = d.answers_from_walk(script, &captured, &p.fields, at(16));
    assert_eq!(merge.changed, ["decision_maker"]);
    assert_eq!(
        merge.refused,
        [
            (
                id("fu-ask-date"),
                AnswerError::WrongKind {
                    field: "decision_date".into(),
                    expected: "date"
                }
            ),
            (
                id("no-such-step"),
                AnswerError::NotAQuestion {
                    step: id("no-such-step")
                }
            ),
        ]
    );
    assert_eq!(
        d.answers.get("pain"),
        Some(&text("known")),
        "a skipped question erases nothing"
    );
}

#[test]
fn a_call_that_repeats_known_answers_changes_nothing() {
    let p = playbook();
    let script = p.script(&id("script-new-lead-follow-up")).unwrap();
    let mut d = with(&[]);
    answer(&mut d, &p, "pain", text("known"));
    let merge = d.answers_from_walk(
        script,
        &[(id("fu-ask-pain"), text("known"))],
        &p.fields,
        at(20),
    );
    assert!(merge.changed.is_empty());
    assert_eq!(d.updated_at, at(10));
}

fn deal(class: CustomerClass, value_minor: i64, currency: &str) -> Deal {
    let mut d = Deal::new(id("deal-1"), "Huadong Retail", &[], at(8)).unwrap();
    d.class = class;
    d.value_minor = value_minor;
    d.currency = currency.into();
    d.industry = Industry::Retail;
    d
}

fn suggested(deal: &Deal) -> Vec<String> {
    suggest_checklists(deal, &playbook())
        .into_iter()
        .map(|i| i.as_str().to_owned())
        .collect()
}

#[test]
fn any_lead_is_suggested_first_contact_and_bant() {
    let d = deal(CustomerClass::General, 0, "");
    assert_eq!(suggested(&d), ["cl-first-contact", "cl-bant"]);
    let d = deal(CustomerClass::Potential, 49_999_999, "CNY");
    assert_eq!(suggested(&d), ["cl-first-contact", "cl-bant"]);
}

#[test]
fn a_high_value_lead_is_suggested_meddpicc_and_the_decision_chain() {
    let all = [
        "cl-first-contact",
        "cl-bant",
        "cl-meddpicc",
        "cl-decision-chain",
    ];
    assert_eq!(suggested(&deal(CustomerClass::HighValue, 0, "")), all);
    assert_eq!(
        suggested(&deal(CustomerClass::General, 50_000_000, "CNY")),
        all
    );
    assert_eq!(
        suggested(&deal(CustomerClass::General, 10_000_000, "USD")),
        all
    );
    assert_eq!(
        suggested(&deal(CustomerClass::General, 99_999, "JPY")).len(),
        2
    );
    assert_eq!(high_value_threshold_minor("JPY"), 100_000);
    assert_eq!(high_value_threshold_minor("cny"), 50_000_000);
}

#[test]
fn an_industrys_own_checklist_is_suggested_before_the_general_one() {
    let mut p = playbook();
    let mut retail = p.checklist(&id("cl-bant")).unwrap().clone();
    retail.id = id("cl-bant-retail");
    retail.industries = vec![Industry::Retail];
    p.checklists.push(retail);
    let d = deal(CustomerClass::General, 0, "");
    let ids = suggest_checklists(&d, &p);
    assert_eq!(ids[1].as_str(), "cl-bant-retail");
    let mut other = d.clone();
    other.industry = Industry::Software;
    assert_eq!(suggest_checklists(&other, &p)[1].as_str(), "cl-bant");
    assert!(suggest_checklists(&d, &Playbook::default()).is_empty());
}

#[test]
fn a_discovery_record_round_trips_and_an_old_or_future_one_still_reads() {
    let p = playbook();
    let mut d = with(&["cl-bant"]);
    answer(&mut d, &p, "budget_range", yuan(300_000));
    let json = crate::json::to_string(&d);
    assert!(
        json.contains(r#""updated_at":"2026-03-02T10:00:00Z""#),
        "{json}"
    );
    assert_eq!(crate::json::from_str::<Discovery>(&json).unwrap(), d);

    let minimal = r#"{"deal":"deal-1","updated_at":"2026-03-02T09:00:00Z"}"#;
    let old: Discovery = crate::json::from_str(minimal).unwrap();
    assert!(old.checklists.is_empty() && old.answers.is_empty());

    let future = r#"{"deal":"deal-1","updated_at":"2026-03-02T09:00:00Z","mood":"good",
        "answers":{"pain":{"type":"text","value":"slow"},"map":{"type":"geo","value":[1,2]}}}"#;
    let mut newer: Discovery = crate::json::from_str(future).unwrap();
    assert_eq!(
        newer.answers.len(),
        1,
        "only the answers this version can read"
    );
    assert_eq!(newer.answers.get("pain"), Some(&text("slow")));
    assert_eq!(newer.kept.len(), 1, "the newer kind is kept aside");
    let saved = crate::json::to_string(&newer);
    assert!(
        saved.contains(r#""map":{"type":"geo","value":[1,2]}"#),
        "written back verbatim: {saved}"
    );
    assert_eq!(newer.clear_answer("map", at(11)), None);
    assert!(
        newer.kept.is_empty(),
        "clearing the field drops it knowingly"
    );
}
