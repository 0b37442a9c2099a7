use super::*;
use chrono::TimeZone;

fn at(h: u32) -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 3, 1, h, 0, 0).unwrap()
}

#[test]
fn new_lead_starts_in_lead_development_waiting_for_follow_up() {
    let d = Deal::new(Id::generate(1, 1), "  Acme Tools  ", &[], at(9)).unwrap();
    assert_eq!(d.customer, "Acme Tools");
    assert_eq!(d.status, Status::ToFollowUp);
    assert_eq!(d.stage, Some(StageKind::LeadDevelopment));
    assert_eq!(d.assigned_at, at(9));
    assert_eq!(d.number, "L-0001");
}

#[test]
fn codes_match_the_stored_form() {
    for g in Grade::ALL {
        assert_eq!(crate::json::to_string(&g), format!("\"{}\"", g.code()));
        assert_eq!(Grade::from_code(g.code()), Some(g));
    }
    for s in Status::ALL {
        assert_eq!(crate::json::to_string(&s), format!("\"{}\"", s.code()));
        assert_eq!(Status::from_code(s.code()), Some(s));
    }
    assert_eq!(Grade::from_code("S"), None);
}

#[test]
fn list_shows_the_latest_assigned_lead_first() {
    let mut early = Deal::new(Id::generate(1, 1), "Early", &[], at(8)).unwrap();
    early.number = "L-0001".into();
    let late = Deal::new(Id::generate(2, 2), "Late", &[&early], at(15)).unwrap();
    let names: Vec<_> = newest_first([&early, &late])
        .iter()
        .map(|d| d.customer.as_str())
        .collect();
    assert_eq!(names, ["Late", "Early"]);
}

#[test]
fn customer_name_is_required_and_bounded() {
    assert_eq!(validate_customer("   "), Err(DealError::CustomerMissing));
    let long = "字".repeat(MAX_CUSTOMER_LEN + 1);
    assert_eq!(
        validate_customer(&long),
        Err(DealError::CustomerTooLong {
            max: MAX_CUSTOMER_LEN
        })
    );
    assert!(validate_customer(&"字".repeat(MAX_CUSTOMER_LEN)).is_ok());
}

#[test]
fn a_deal_from_a_future_version_with_unknown_values_still_reads() {
    let json = r#"{"id":"a-1","customer":"Acme","grade":"S","status":"paused",
        "source":"podcast","class":"vip","assigned_at":"2026-03-01T09:00:00Z",
        "updated_at":"2026-03-01T09:00:00Z","future_field":[1,2]}"#;
    let d: Deal = crate::json::from_str(json).unwrap();
    assert_eq!(
        (d.grade, d.status, d.source),
        (Grade::C, Status::ToFollowUp, Source::Other)
    );
    assert_eq!(d.class, CustomerClass::General);
}

fn lead() -> Deal {
    let t = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    Deal::new(Id::generate(1, 1), "Acme", &[], t).unwrap()
}

#[test]
fn logging_the_first_follow_up_keeps_the_first_time_and_starts_following() {
    let mut d = lead();
    let t1 = d.assigned_at + chrono::TimeDelta::hours(3);
    d.log_first_follow_up(t1);
    assert_eq!(
        (d.first_follow_up_at, d.status),
        (Some(t1), Status::Following)
    );
    d.status = Status::Converted;
    d.log_first_follow_up(t1 + chrono::TimeDelta::hours(5));
    assert_eq!(d.first_follow_up_at, Some(t1), "the first time stays");
    assert_eq!(d.status, Status::Converted, "a later status is kept");
}

#[test]
fn a_next_action_is_set_rescheduled_done_and_replaced() {
    let mut d = lead();
    let now = d.assigned_at;
    let h = |n| now + chrono::TimeDelta::hours(n);
    d.set_next_action_task("  ", now);
    assert_eq!(d.next_action, None, "blank sets nothing");
    d.set_next_action_task(" Send the quote ", now);
    let a = d.next_action.clone().unwrap();
    assert_eq!(
        (a.task.as_str(), a.due, a.done_at),
        ("Send the quote", h(24), None)
    );
    d.set_next_action_task("Send the revised quote", h(1));
    assert_eq!(
        d.next_action.as_ref().unwrap().due,
        h(24),
        "renaming keeps the due time"
    );
    d.complete_next_action(h(2));
    assert_eq!(d.next_action.as_ref().unwrap().done_at, Some(h(2)));
    d.complete_next_action(h(3));
    assert_eq!(
        d.next_action.as_ref().unwrap().done_at,
        Some(h(2)),
        "done once"
    );
    d.set_next_action_task("Book the demo", h(4));
    let a = d.next_action.clone().unwrap();
    assert_eq!(
        (a.task.as_str(), a.due, a.done_at),
        ("Book the demo", h(28), None)
    );
    d.complete_next_action(h(5));
    d.set_next_action_due(h(50));
    assert_eq!(
        d.next_action.as_ref().unwrap().done_at,
        None,
        "moved: open again"
    );
    d.set_next_action_task("", h(6));
    assert_eq!(d.next_action, None, "cleared");
    d.set_next_action_due(h(7));
    assert_eq!(
        d.next_action.as_ref().map(|a| (a.task.as_str(), a.due)),
        Some(("", h(7)))
    );
}

#[test]
fn a_deal_without_a_next_action_stores_no_field_and_old_records_read() {
    let d = lead();
    let json = crate::json::to_string(&d);
    assert!(!json.contains("next_action"), "{json}");
    let back: Deal = crate::json::from_str(&json).unwrap();
    assert_eq!(back, d);
}

#[test]
fn a_call_is_a_contact_and_a_note_is_not_and_both_stay_in_the_history() {
    use crate::domain::timeline::{DealEvent, EventKind};
    let event = |n: &str, h, kind| DealEvent {
        id: Id::parse(n).unwrap(),
        at: at(h),
        kind,
    };
    let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
    d.record(event(
        "e1",
        10,
        EventKind::Note {
            text: "asked around".into(),
        },
    ));
    assert_eq!((d.first_follow_up_at, d.status), (None, Status::ToFollowUp));
    d.record(event(
        "e2",
        11,
        EventKind::Call {
            note: "budget set".into(),
        },
    ));
    assert_eq!(
        (d.first_follow_up_at, d.status),
        (Some(at(11)), Status::Following)
    );
    d.record(event("e3", 12, EventKind::FollowUp));
    assert_eq!(
        d.first_follow_up_at,
        Some(at(11)),
        "the first contact stays"
    );
    assert_eq!(d.history.len(), 3);
    let json = crate::json::to_string(&d);
    assert!(json.contains(r#""history":[{"id":"e1""#), "{json}");
    assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
    // A deal stored before there was a history reads with an empty one, and writes none.
    d.history.clear();
    let json = crate::json::to_string(&d);
    assert!(!json.contains("history"), "{json}");
    assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
}

#[test]
fn signals_grade_the_lead_unless_the_rep_chose_a_grade() {
    let rules = GradingRules::default();
    let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
    assert_eq!(d.grade, Grade::C);
    d.set_signal(Signal::Need, Level::High, &rules);
    d.set_signal(Signal::Intent, Level::High, &rules);
    assert_eq!((d.grade, d.grade_override), (Grade::B, None));
    for s in [Signal::Timeline, Signal::Budget] {
        d.set_signal(s, Level::High, &rules);
    }
    assert_eq!(d.grade, Grade::A);
    // The rep knows better; the rules' view is kept beside it.
    d.override_grade(Some(Grade::B), &rules);
    d.set_signal(Signal::Authority, Level::High, &rules);
    assert_eq!((d.grade, d.suggested_grade(&rules)), (Grade::B, Grade::A));
    d.override_grade(None, &rules);
    assert_eq!(d.grade, Grade::A);
    let json = crate::json::to_string(&d);
    assert!(json.contains(r#""signals":{"need":"high""#), "{json}");
    assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
}

#[test]
fn a_grade_entered_before_any_signal_becomes_the_override() {
    let rules = GradingRules::default();
    let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
    d.grade = Grade::A;
    assert!(!crate::json::to_string(&d).contains("signals"));
    d.set_signal(Signal::Need, Level::Medium, &rules);
    assert_eq!((d.grade, d.grade_override), (Grade::A, Some(Grade::A)));
}

#[test]
fn a_typed_value_is_read_in_the_deals_currency_and_bad_input_changes_nothing() {
    let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
    d.currency = "CNY".into();
    assert!(d.set_value_text(" 12,500.5 "));
    assert_eq!(d.value_minor, 1_250_050);
    assert!(!d.set_value_text("lots"));
    assert_eq!(d.value_minor, 1_250_050);
    assert!(d.set_value_text("  "));
    assert_eq!(d.value_minor, 0);
}
