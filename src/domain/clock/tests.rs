use super::*;
use chrono::{TimeZone, Timelike};

fn utc(d: (i32, u32, u32), h: u32, min: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(d.0, d.1, d.2, h, min, 0)
        .unwrap()
}

fn local(d: (i32, u32, u32), h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

const MAR1: (i32, u32, u32) = (2026, 3, 1);
const MAR2: (i32, u32, u32) = (2026, 3, 2);
const MAR3: (i32, u32, u32) = (2026, 3, 3);
const CHINA: i32 = 8 * 60;
const NEW_YORK_WINTER: i32 = -5 * 60;
const NEW_YORK_SUMMER: i32 = -4 * 60;

fn lead(n: i64, assigned: Timestamp) -> Deal {
    Deal::new(Id::generate(n, n as u64), "Acme", &[], assigned).unwrap()
}

fn action(due: Timestamp) -> NextAction {
    NextAction {
        task: "Send the quote".into(),
        due,
        done_at: None,
    }
}

fn min(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

/// New York in 2026: summer time from 8 Mar 07:00 UTC to 1 Nov 06:00 UTC.
fn new_york(t: Timestamp) -> i32 {
    if t >= utc((2026, 3, 8), 7, 0) && t < utc((2026, 11, 1), 6, 0) {
        NEW_YORK_SUMMER
    } else {
        NEW_YORK_WINTER
    }
}

#[test]
fn first_follow_up_is_due_24_hours_after_assignment() {
    let sla = SlaSettings::default();
    assert_eq!(first_follow_up_due(utc(MAR1, 9, 0), &sla), utc(MAR2, 9, 0));
}

#[test]
fn a_fresh_lead_is_not_due() {
    let d = lead(1, utc(MAR1, 9, 0));
    let sla = SlaSettings::default();
    assert_eq!(follow_up_state(&d, &sla, utc(MAR1, 9, 0)), DueState::NotDue);
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 10, 59)),
        DueState::NotDue
    );
}

#[test]
fn a_lead_not_followed_up_two_hours_after_assignment_raises_the_reminder() {
    let d = lead(1, utc(MAR1, 9, 0));
    let sla = SlaSettings::default();
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 11, 0)),
        DueState::DueSoon
    );
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR2, 8, 59)),
        DueState::DueSoon
    );
}

#[test]
fn at_exactly_the_due_minute_a_lead_is_due_soon_not_overdue() {
    let d = lead(1, utc(MAR1, 9, 0));
    let due = utc(MAR2, 9, 0);
    assert_eq!(
        follow_up_state(&d, &SlaSettings::default(), due),
        DueState::DueSoon
    );
}

#[test]
fn overdue_when_first_follow_up_is_missed_by_one_minute() {
    let d = lead(1, utc(MAR1, 9, 0));
    let now = utc(MAR2, 9, 1);
    assert_eq!(
        follow_up_state(&d, &SlaSettings::default(), now),
        DueState::Overdue
    );
}

#[test]
fn a_recorded_follow_up_is_done_and_counts_as_on_time_only_within_the_sla() {
    let sla = SlaSettings::default();
    let mut d = lead(1, utc(MAR1, 9, 0));
    assert_eq!(followed_up_in_time(&d, &sla), None);
    d.first_follow_up_at = Some(utc(MAR2, 9, 0));
    assert_eq!(follow_up_state(&d, &sla, utc(MAR3, 9, 0)), DueState::Done);
    assert_eq!(followed_up_in_time(&d, &sla), Some(true));
    d.first_follow_up_at = Some(utc(MAR2, 9, 1));
    assert_eq!(follow_up_state(&d, &sla, utc(MAR3, 9, 0)), DueState::Done);
    assert_eq!(followed_up_in_time(&d, &sla), Some(false));
}

#[test]
fn a_team_with_a_four_hour_sla_and_a_one_hour_reminder_sees_its_own_clock() {
    let sla = SlaSettings {
        first_follow_up_hours: 4,
        reminder_after_hours: 1,
    };
    assert_eq!(sla.validate(), Ok(()));
    let d = lead(1, utc(MAR1, 9, 0));
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 9, 59)),
        DueState::NotDue
    );
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 10, 0)),
        DueState::DueSoon
    );
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 13, 0)),
        DueState::DueSoon
    );
    assert_eq!(
        follow_up_state(&d, &sla, utc(MAR1, 13, 1)),
        DueState::Overdue
    );
}

#[test]
fn sla_settings_default_to_24_and_2_hours_and_fill_missing_fields() {
    let s: SlaSettings = crate::json::from_str(r#"{"reminder_after_hours":3}"#).unwrap();
    assert_eq!((s.first_follow_up_hours, s.reminder_after_hours), (24, 3));
    let json = crate::json::to_string(&SlaSettings::default());
    assert_eq!(
        json,
        r#"{"first_follow_up_hours":24,"reminder_after_hours":2}"#
    );
    assert_eq!(SlaSettings::default().validate(), Ok(()));
}

#[test]
fn sla_settings_reject_a_zero_or_huge_deadline_and_a_reminder_outside_it() {
    let bad = |first, rem| SlaSettings {
        first_follow_up_hours: first,
        reminder_after_hours: rem,
    };
    let range = Err(SlaError::FollowUpHoursOutOfRange { max: MAX_SLA_HOURS });
    assert_eq!(bad(0, 0).validate(), range);
    assert_eq!(bad(MAX_SLA_HOURS + 1, 2).validate(), range);
    assert_eq!(
        bad(24, 24).validate(),
        Err(SlaError::ReminderNotBeforeDeadline {
            reminder: 24,
            deadline: 24
        })
    );
}

#[test]
fn a_broken_stored_sla_is_capped_instead_of_overflowing() {
    let sla = SlaSettings {
        first_follow_up_hours: u32::MAX,
        reminder_after_hours: u32::MAX,
    };
    let due = first_follow_up_due(utc(MAR1, 9, 0), &sla);
    assert_eq!(
        due,
        utc(MAR1, 9, 0) + TimeDelta::hours(i64::from(MAX_SLA_HOURS))
    );
    let d = lead(1, Timestamp::MAX_UTC - TimeDelta::hours(1));
    assert_eq!(first_follow_up_due(d.assigned_at, &sla), Timestamp::MAX_UTC);
}

#[test]
fn a_next_action_is_due_soon_at_its_minute_overdue_after_and_done_when_done() {
    let sla = SlaSettings::default();
    let mut a = action(utc(MAR2, 15, 30));
    assert_eq!(
        next_action_state(&a, &sla, utc(MAR2, 13, 29)),
        DueState::NotDue
    );
    assert_eq!(
        next_action_state(&a, &sla, utc(MAR2, 13, 30)),
        DueState::DueSoon
    );
    assert_eq!(
        next_action_state(&a, &sla, utc(MAR2, 15, 30)),
        DueState::DueSoon
    );
    assert_eq!(
        next_action_state(&a, &sla, utc(MAR2, 15, 31)),
        DueState::Overdue
    );
    a.done_at = Some(utc(MAR2, 16, 0));
    assert_eq!(
        next_action_state(&a, &sla, utc(MAR2, 16, 1)),
        DueState::Done
    );
}

#[test]
fn a_next_action_round_trips_and_reads_without_done_at() {
    let a: NextAction =
        crate::json::from_str(r#"{"task":"Demo","due":"2026-03-02T08:00:00+08:00"}"#).unwrap();
    assert_eq!(a.due, utc(MAR2, 0, 0));
    assert_eq!(a.done_at, None);
    let json = crate::json::to_string(&a);
    assert_eq!(crate::json::from_str::<NextAction>(&json).unwrap(), a);
}

#[test]
fn offset_is_minutes_east_of_utc_the_opposite_of_js_get_timezone_offset() {
    let t = utc(MAR1, 20, 0);
    assert_eq!(to_local(t, CHINA), local(MAR2, 4, 0));
    assert_eq!(to_local(t, NEW_YORK_WINTER), local(MAR1, 15, 0));
    assert_eq!(from_local(local(MAR2, 4, 0), CHINA), t);
    assert_eq!(end_of_local_day(t, CHINA), utc(MAR2, 16, 0));
    assert_eq!(end_of_local_day(t, NEW_YORK_WINTER), utc(MAR2, 5, 0));
    assert_eq!(to_local(t, 100_000), to_local(t, MAX_OFFSET_MINUTES));
}

#[test]
fn today_in_utc_plus_8_ends_at_local_midnight_not_utc_midnight() {
    // No reminder window: only the local day decides (and the leads are followed up).
    let sla = SlaSettings {
        first_follow_up_hours: 24,
        reminder_after_hours: 0,
    };
    let now = from_local(local(MAR1, 23, 30), CHINA);
    let followed = |n| {
        let mut d = lead(n, now);
        d.first_follow_up_at = Some(now);
        d
    };
    let (before_midnight, at_midnight, after_midnight) = (followed(1), followed(2), followed(3));
    let (a, b, c) = (
        action(from_local(local(MAR1, 23, 59), CHINA)),
        action(from_local(local(MAR2, 0, 0), CHINA)),
        action(from_local(local(MAR2, 0, 30), CHINA)),
    );
    let deals = [
        (&before_midnight, Some(&a)),
        (&at_midnight, Some(&b)),
        (&after_midnight, Some(&c)),
    ];
    let ids: Vec<_> = today(&deals, &sla, now, CHINA)
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, std::slice::from_ref(&before_midnight.id));
    let after = from_local(local(MAR2, 0, 5), CHINA);
    assert_eq!(today(&deals, &sla, after, CHINA).len(), 3);
}

#[test]
fn today_in_utc_minus_5_includes_the_evening_that_is_already_tomorrow_in_utc() {
    let sla = SlaSettings::default();
    let now = utc(MAR3, 1, 0); // 20:00 on 2 March in New York
    let evening = lead(1, now);
    let night = lead(2, now);
    let (a, b) = (action(utc(MAR3, 3, 0)), action(utc(MAR3, 6, 0)));
    let deals = [(&evening, Some(&a)), (&night, Some(&b))];
    let list = today(&deals, &sla, now, NEW_YORK_WINTER);
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].id.clone(), list[0].kind),
        (evening.id.clone(), DueKind::NextAction)
    );
    assert_eq!(today(&deals, &sla, now, 0).len(), 2);
}

#[test]
fn today_lists_a_lead_assigned_yesterday_whose_follow_up_falls_due_today() {
    let sla = SlaSettings::default();
    let now = utc(MAR2, 1, 0); // 09:00 in China
    let yesterday = lead(1, utc(MAR1, 2, 0)); // due 10:00 local today
    let just_now = lead(2, now); // due 09:00 tomorrow
    let list = today(&[(&yesterday, None), (&just_now, None)], &sla, now, CHINA);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, DueKind::FirstFollowUp);
    assert_eq!((list[0].due, list[0].overdue), (utc(MAR2, 2, 0), false));
}

#[test]
fn today_at_the_due_minute_is_not_yet_overdue_and_a_minute_later_is() {
    let sla = SlaSettings::default();
    let d = lead(1, utc(MAR1, 9, 0));
    let due = utc(MAR2, 9, 0);
    assert!(!today(&[(&d, None)], &sla, due, 0)[0].overdue);
    assert!(today(&[(&d, None)], &sla, due + min(1), 0)[0].overdue);
}

#[test]
fn today_puts_overdue_first_then_orders_by_deadline_one_entry_per_deal() {
    let sla = SlaSettings::default();
    let now = utc(MAR2, 12, 0);
    let late_lead = lead(1, utc(MAR1, 10, 0)); // due 10:00, overdue
    let older_late = lead(2, utc(MAR1, 8, 0)); // due 08:00, overdue
    let mut followed = lead(3, utc(MAR1, 8, 0));
    followed.first_follow_up_at = Some(utc(MAR1, 9, 0));
    let both = lead(4, utc(MAR2, 11, 0)); // follow-up due tomorrow
    let (a_late, a_soon, a_evening) = (
        action(utc(MAR2, 11, 0)),
        action(utc(MAR2, 13, 0)),
        action(utc(MAR2, 20, 0)),
    );
    let deals = [
        (&followed, Some(&a_evening)),
        (&both, Some(&a_soon)),
        (&late_lead, Some(&a_late)),
        (&older_late, None),
    ];
    let list = today(&deals, &sla, now, 0);
    let got: Vec<_> = list
        .iter()
        .map(|t| (t.id.clone(), t.kind, t.overdue))
        .collect();
    assert_eq!(
        got,
        [
            (older_late.id.clone(), DueKind::FirstFollowUp, true),
            (late_lead.id.clone(), DueKind::FirstFollowUp, true),
            (both.id.clone(), DueKind::NextAction, false),
            (followed.id.clone(), DueKind::NextAction, false),
        ]
    );
}

#[test]
fn today_lists_a_lead_past_its_reminder_though_its_deadline_is_tomorrow() {
    let sla = SlaSettings::default();
    let assigned = from_local(local(MAR1, 20, 0), CHINA);
    let d = lead(1, assigned);
    let deals = [(&d, None)];
    let at = |h| assigned + TimeDelta::hours(h);
    assert!(
        today(&deals, &sla, at(1), CHINA).is_empty(),
        "before the reminder"
    );
    let items = today(&deals, &sla, at(2), CHINA);
    assert_eq!(
        items.len(),
        1,
        "the reminder at 2 h puts it on today's list"
    );
    assert_eq!(
        (items[0].kind, items[0].overdue),
        (DueKind::FirstFollowUp, false)
    );
}

#[test]
fn today_leaves_out_closed_deals_done_actions_and_far_deadlines() {
    let sla = SlaSettings::default();
    let now = utc(MAR3, 12, 0);
    let mut won = lead(1, utc(MAR1, 8, 0));
    won.status = Status::Converted;
    let mut lost = lead(2, utc(MAR1, 8, 0));
    lost.status = Status::Lost;
    let mut followed = lead(3, utc(MAR1, 8, 0));
    followed.first_follow_up_at = Some(utc(MAR1, 9, 0));
    let mut done = action(utc(MAR3, 9, 0));
    done.done_at = Some(utc(MAR3, 9, 5));
    let next_week = action(utc((2026, 3, 10), 9, 0));
    let deals = [
        (&won, None),
        (&lost, None),
        (&followed, Some(&done)),
        (&followed, Some(&next_week)),
    ];
    assert!(today(&deals, &sla, now, CHINA).is_empty());
}

#[test]
fn spring_forward_keeps_a_next_action_at_its_absolute_time() {
    // 8 March 2026 in New York: 02:00 EST becomes 03:00 EDT.
    let now = from_local(local((2026, 3, 8), 1, 30), NEW_YORK_WINTER);
    let due = from_local(
        local((2026, 3, 8), 9, 0),
        new_york(utc((2026, 3, 8), 13, 0)),
    );
    assert_eq!(due, utc((2026, 3, 8), 13, 0));
    // 1:30 to 9:00 on the wall clock, but only 6.5 hours pass.
    assert_eq!((due - now).num_minutes(), 390);
    let sla = SlaSettings::default();
    let a = action(due);
    assert_eq!(next_action_state(&a, &sla, due - min(1)), DueState::DueSoon);
    assert_eq!(next_action_state(&a, &sla, due + min(1)), DueState::Overdue);
    assert_eq!(
        to_local(due + min(1), new_york(due)),
        local((2026, 3, 8), 9, 1)
    );
}

#[test]
fn spring_forward_day_is_judged_with_the_offset_valid_at_each_instant() {
    let now = utc((2026, 3, 8), 6, 30); // 01:30 EST, before the change
    let late_evening = utc((2026, 3, 9), 3, 30); // 23:30 EDT on the 8th
    let past_midnight = utc((2026, 3, 9), 4, 30); // 00:30 EDT on the 9th
    let (on, od) = (new_york(now), new_york(past_midnight));
    assert_eq!((on, od), (NEW_YORK_WINTER, NEW_YORK_SUMMER));
    assert!(is_due_by_end_of_local_day(late_evening, od, now, on));
    assert!(!is_due_by_end_of_local_day(past_midnight, od, now, on));
    // One offset read before the change ends that 23-hour day an hour late.
    assert!(is_due_by_end_of_local_day(past_midnight, on, now, on));
    let d = lead(1, now);
    let a = action(past_midnight);
    let sla = SlaSettings::default();
    assert!(today_with(&[(&d, Some(&a))], &sla, now, new_york).is_empty());
    assert_eq!(today(&[(&d, Some(&a))], &sla, now, on).len(), 1);
}

#[test]
fn fall_back_day_still_counts_the_sla_in_absolute_hours() {
    // 1 November 2026 in New York: 02:00 EDT becomes 01:00 EST.
    let assigned = from_local(local((2026, 10, 31), 2, 30), NEW_YORK_SUMMER);
    let due = first_follow_up_due(assigned, &SlaSettings::default());
    assert_eq!(due - assigned, TimeDelta::hours(24));
    // 24 real hours later the wall clock reads 01:30, not 02:30.
    assert_eq!(to_local(due, new_york(due)), local((2026, 11, 1), 1, 30));
}

#[test]
fn fall_back_day_keeps_its_last_hour_in_today() {
    let now = utc((2026, 11, 1), 4, 30); // 00:30 EDT, before the change
    let last_hour = utc((2026, 11, 2), 4, 30); // 23:30 EST on the 1st
    assert!(is_due_by_end_of_local_day(
        last_hour,
        new_york(last_hour),
        now,
        new_york(now)
    ));
    let mut d = lead(1, now);
    d.first_follow_up_at = Some(now);
    let a = action(last_hour);
    let sla = SlaSettings::default();
    assert_eq!(today_with(&[(&d, Some(&a))], &sla, now, new_york).len(), 1);
    // One offset read before the change ends that 25-hour day an hour early.
    assert!(today(&[(&d, Some(&a))], &sla, now, new_york(now)).is_empty());
    let after_change = utc((2026, 11, 1), 12, 0);
    assert_eq!(
        today(&[(&d, Some(&a))], &sla, after_change, NEW_YORK_WINTER).len(),
        1
    );
}

#[test]
fn a_datetime_local_value_reads_as_a_wall_clock_time_and_anything_else_does_not() {
    assert_eq!(
        parse_input_time("2026-03-01T09:30"),
        Some(local(MAR1, 9, 30))
    );
    assert_eq!(
        parse_input_time(" 2026-03-01T09:30:15 "),
        local(MAR1, 9, 30).with_second(15)
    );
    for bad in [
        "",
        "2026-03-01",
        "2026-02-30T09:30",
        "2026-03-01T24:00",
        "2026-03-01T09",
        "2026-03-01T09:30:00:00",
        "26-03-01T09:30",
        "2026-03-01-05T09:30",
        "2026-03-01 09:30",
        "２０２６-03-01T09:30",
    ] {
        assert_eq!(parse_input_time(bad), None, "{bad:?}");
    }
}
