use super::*;
use chrono::TimeZone;

fn utc(day: u32, h: u32) -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 3, day, h, 0, 0).unwrap()
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn lead(name: &str, assigned: Timestamp) -> Deal {
    let mut d = Deal::new(id(name), "Acme", &[], assigned).unwrap();
    d.id = id(name);
    d
}

fn event(n: u32, at: Timestamp, kind: EventKind) -> DealEvent {
    DealEvent {
        id: id(&format!("e{n}")),
        at,
        kind,
    }
}

fn stage(from: Option<StageKind>, to: Option<StageKind>) -> EventKind {
    EventKind::StageChanged { from, to }
}

fn status(from: Status, to: Status) -> EventKind {
    EventKind::StatusChanged { from, to }
}

fn ids(events: &[&DealEvent]) -> Vec<String> {
    events.iter().map(|e| e.id.to_string()).collect()
}

use StageKind::{LeadDevelopment as Lead, NeedsAnalysis as Needs, QuoteAndContract as Quote};

#[test]
fn a_deals_events_come_in_time_order_and_keep_their_order_at_the_same_instant() {
    let events = [
        event(1, utc(3, 9), EventKind::FollowUp),
        event(3, utc(1, 9), EventKind::Created),
        event(4, utc(2, 9), EventKind::Note { text: "a".into() }),
        event(5, utc(2, 9), EventKind::Note { text: "b".into() }),
    ];
    assert_eq!(ids(&in_order(&events)), ["e3", "e4", "e5", "e1"]);
    assert_eq!(ids(&newest_first(&events)), ["e1", "e5", "e4", "e3"]);
    let said: Vec<_> = newest_first(&events)
        .iter()
        .map(|e| e.kind.said())
        .collect();
    assert_eq!(said, ["", "b", "a", ""]);
    assert!(in_order(&[]).is_empty());
}

#[test]
fn first_contact_is_the_first_follow_up_or_call_else_the_recorded_follow_up() {
    let mut d = lead("d1", utc(1, 9));
    assert_eq!(first_contact_at(&d, &[]), None);
    d.first_follow_up_at = Some(utc(2, 12));
    assert_eq!(first_contact_at(&d, &[]), Some(utc(2, 12)));
    let events = [
        event(1, utc(1, 10), EventKind::Note { text: "".into() }),
        event(2, utc(2, 8), EventKind::Call { note: "".into() }),
        event(3, utc(1, 11), EventKind::FollowUp),
    ];
    let refs: Vec<_> = events.iter().collect();
    assert_eq!(first_contact_at(&d, &refs), Some(utc(1, 11)));
    d.first_follow_up_at = Some(utc(1, 10));
    assert_eq!(first_contact_at(&d, &refs), Some(utc(1, 10)));
}

#[test]
fn won_and_lost_are_the_first_status_changes_to_converted_and_lost() {
    let events = [
        event(1, utc(5, 9), status(Status::Following, Status::Converted)),
        event(2, utc(3, 9), status(Status::ToFollowUp, Status::Lost)),
        event(3, utc(4, 9), status(Status::Lost, Status::Following)),
        event(4, utc(9, 9), status(Status::Following, Status::Converted)),
    ];
    let refs: Vec<_> = events.iter().collect();
    assert_eq!(won_at(&refs), Some(utc(5, 9)));
    assert_eq!(lost_at(&refs), Some(utc(3, 9)));
    assert_eq!(won_at(&refs[1..3]), None);
}

#[test]
fn stage_at_reads_the_stage_in_force_at_each_moment() {
    let events = [
        event(1, utc(1, 9), EventKind::Created),
        event(2, utc(2, 9), stage(Some(Lead), Some(Needs))),
        event(3, utc(4, 9), stage(Some(Needs), Some(Quote))),
    ];
    let refs: Vec<_> = events.iter().collect();
    assert_eq!(stage_at(&refs, utc(1, 0)), None, "not yet created");
    assert_eq!(stage_at(&refs, utc(1, 9)), Some(Lead));
    assert_eq!(stage_at(&refs, utc(2, 9)), Some(Needs), "at the change");
    assert_eq!(stage_at(&refs, utc(3, 9)), Some(Needs));
    assert_eq!(stage_at(&refs, utc(9, 9)), Some(Quote));
    assert_eq!(stage_at(&[], utc(9, 9)), None);
}

#[test]
fn of_two_stage_changes_at_one_instant_the_later_recorded_wins() {
    let events = [
        event(1, utc(2, 9), stage(Some(Lead), Some(Needs))),
        event(2, utc(2, 9), stage(Some(Needs), Some(Quote))),
    ];
    let refs: Vec<_> = events.iter().collect();
    assert_eq!(stage_at(&refs, utc(2, 9)), Some(Quote));
    assert_eq!(stage_at(&refs, utc(2, 8)), Some(Lead));
}

#[test]
fn an_edit_becomes_stage_status_and_grade_events_in_that_order() {
    let before = lead("d1", utc(1, 9));
    let mut after = before.clone();
    after.stage = Some(Needs);
    after.status = Status::Following;
    after.grade = Grade::A;
    after.notes = "called back".into();
    let mut n = 0;
    let events = diff(&before, &after, utc(2, 9), || {
        n += 1;
        id(&format!("x{n}"))
    });
    let kinds: Vec<_> = events.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            stage(Some(Lead), Some(Needs)),
            status(Status::ToFollowUp, Status::Following),
            EventKind::GradeChanged {
                from: Grade::C,
                to: Grade::A
            },
        ]
    );
    assert!(events.iter().all(|e| e.at == utc(2, 9)));
    assert_eq!(ids(&events.iter().collect::<Vec<_>>()), ["x1", "x2", "x3"]);
}

#[test]
fn an_edit_that_changes_nothing_tracked_makes_no_event() {
    let before = lead("d1", utc(1, 9));
    let mut after = before.clone();
    after.notes = "new note".into();
    after.value_minor = 500_000;
    assert!(diff(&before, &after, utc(2, 9), || id("x")).is_empty());
}

#[test]
fn a_recorded_edit_is_what_the_timeline_reads_back() {
    let mut d = lead("d1", utc(1, 9));
    let mut history = vec![created(&d, id("e0"))];
    let before = d.clone();
    d.status = Status::Converted;
    d.stage = Some(Quote);
    history.extend(diff(&before, &d, utc(6, 9), || id("e1")));
    let refs = in_order(&history);
    assert_eq!(won_at(&refs), Some(utc(6, 9)));
    assert_eq!(stage_at(&refs, utc(3, 9)), Some(Lead));
    assert_eq!(stage_at(&refs, utc(6, 9)), Some(Quote));
}

#[test]
fn events_are_stored_with_a_type_tag_and_read_back() {
    let e = event(1, utc(2, 9), stage(None, Some(Needs)));
    let json = crate::json::to_string(&e);
    assert_eq!(
        json,
        r#"{"id":"e1","at":"2026-03-02T09:00:00Z","kind":{"type":"stage_changed","from":null,"to":"needs_analysis"}}"#
    );
    assert_eq!(crate::json::from_str::<DealEvent>(&json).unwrap(), e);
    let call: EventKind = crate::json::from_str(r#"{"type":"call"}"#).unwrap();
    assert_eq!(call, EventKind::Call { note: "".into() });
    let demo = crate::json::to_string(&EventKind::DemoHeld { advanced: true });
    assert_eq!(demo, r#"{"type":"demo_held","advanced":true}"#);
}

#[test]
fn an_event_kind_from_a_future_version_reads_as_unknown() {
    let json = r#"{"id":"e1","deal":"d1","at":"2026-03-02T09:00:00Z",
        "kind":{"type":"contract_signed","amount":5,"by":"CFO"}}"#;
    let e: DealEvent = crate::json::from_str(json).unwrap();
    assert_eq!(e.kind, EventKind::Unknown);
    let status: EventKind =
        crate::json::from_str(r#"{"type":"status_changed","from":"paused","to":"converted"}"#)
            .unwrap();
    assert_eq!(status, self::status(Status::ToFollowUp, Status::Converted));
}
