use super::*;
use crate::domain::clock::{NextAction, SlaSettings};

fn timeliness(b: &Book, now: Timestamp) -> Timeliness {
    follow_up_timeliness(&b.data(), &week(), &SlaSettings::default(), now)
}

#[test]
fn no_leads_means_no_data_not_zero_percent() {
    let b = Book::default();
    let got = timeliness(&b, mar(9, 0, 0));
    assert_eq!(got.measure.value, None);
    assert_eq!((got.measure.numerator, got.measure.denominator), (0, 0));
    assert!(got.pending.is_empty());
    assert_eq!(
        on_target(&got.measure, Targets::default().follow_up()),
        None
    );
}

#[test]
fn one_lead_followed_up_in_time_is_100_percent() {
    let mut b = Book::default();
    b.lead("a", mar(3, 9, 0)).first_follow_up_at = Some(mar(3, 10, 0));
    let got = timeliness(&b, mar(9, 0, 0)).measure;
    assert_eq!(got.value, Some(10_000));
    assert_eq!((got.deals, got.numerator_deals), (ids(&["a"]), ids(&["a"])));
}

#[test]
fn leads_count_from_the_periods_first_instant_up_to_but_not_its_end() {
    let mut b = Book::default();
    for (name, at) in [
        ("before", mar(1, 23, 59)),
        ("start", mar(2, 0, 0)),
        ("last", mar(8, 23, 59)),
        ("end", mar(9, 0, 0)),
    ] {
        b.lead(name, at);
        b.contact(name, at);
    }
    let got = timeliness(&b, mar(12, 0, 0)).measure;
    assert_eq!(got.deals, ids(&["start", "last"]));
    assert_eq!(got.value, Some(10_000));
}

#[test]
fn timeliness_counts_met_and_missed_deadlines_and_holds_back_pending_leads() {
    let mut b = Book::default();
    // Due 3 Mar 09:00; contacted at the deadline minute: in time.
    b.lead("at-deadline", mar(2, 9, 0)).first_follow_up_at = Some(mar(3, 9, 0));
    // One minute late.
    b.lead("late", mar(2, 9, 0)).first_follow_up_at = Some(mar(3, 9, 1));
    // Never contacted, due 4 Mar 09:00: missed.
    b.lead("missed", mar(3, 9, 0));
    // A call counts as the first contact even when the record has no follow-up time.
    b.lead("called", mar(4, 9, 0));
    b.event("called", mar(4, 10, 0), EventKind::Call { note: "".into() });
    // Assigned Sunday evening, due Monday 20:00, after the period.
    b.lead("sunday", mar(8, 20, 0));
    let now = mar(9, 10, 0);
    let got = timeliness(&b, now);
    assert_eq!(got.pending, ids(&["sunday"]));
    let m = got.measure;
    assert_eq!(m.deals, ids(&["at-deadline", "late", "missed", "called"]));
    assert_eq!(m.numerator_deals, ids(&["at-deadline", "called"]));
    assert_eq!((m.numerator, m.denominator, m.value), (2, 4, Some(5_000)));
    // At the deadline minute the Sunday lead is still pending; a minute later it is missed.
    assert_eq!(timeliness(&b, mar(9, 20, 0)).pending, ids(&["sunday"]));
    let later = timeliness(&b, mar(9, 20, 1));
    assert!(later.pending.is_empty());
    assert_eq!(
        (later.measure.denominator, later.measure.value),
        (5, Some(4_000))
    );
}

#[test]
fn a_lead_contacted_early_is_judged_even_before_its_deadline() {
    let mut b = Book::default();
    b.lead("a", mar(8, 20, 0));
    b.contact("a", mar(8, 21, 0));
    let got = timeliness(&b, mar(8, 22, 0));
    assert!(got.pending.is_empty());
    assert_eq!(got.measure.value, Some(10_000));
}

#[test]
fn the_teams_own_sla_decides_what_is_in_time() {
    let mut b = Book::default();
    b.lead("a", mar(2, 9, 0)).first_follow_up_at = Some(mar(2, 14, 0));
    let four_hours = SlaSettings {
        first_follow_up_hours: 4,
        reminder_after_hours: 1,
    };
    let got = follow_up_timeliness(&b.data(), &week(), &four_hours, mar(9, 0, 0));
    assert_eq!(got.measure.value, Some(0));
    assert_eq!(timeliness(&b, mar(9, 0, 0)).measure.value, Some(10_000));
}

#[test]
fn ninety_percent_meets_the_target_and_a_hair_below_does_not() {
    let mut b = Book::default();
    for i in 0..10 {
        let name = format!("l{i}");
        b.lead(&name, mar(2, 9, 0)).first_follow_up_at =
            Some(if i == 0 { mar(4, 0, 0) } else { mar(2, 10, 0) });
    }
    let m = timeliness(&b, mar(9, 0, 0)).measure;
    assert_eq!(m.value, Some(9_000));
    assert_eq!(on_target(&m, Targets::default().follow_up()), Some(true));
    // 22,499 of 25,000 is 89.996%: shown rounded as 90.00%, but short of the target.
    let hair = Measure::new(Unit::BasisPoints, 22_499, 25_000, Vec::new());
    assert_eq!(hair.value, Some(9_000));
    assert_eq!(on_target(&hair, Target::AtLeast(9_000)), Some(false));
}

fn action(due: Timestamp, done: bool) -> NextAction {
    NextAction {
        task: "Send the quote".into(),
        due,
        done_at: done.then_some(due),
    }
}

#[test]
fn overdue_work_at_a_moment_leaves_out_closed_deals() {
    let mut b = Book::default();
    b.lead("late", mar(1, 9, 0)); // due 2 Mar 09:00
    b.lead("fresh", mar(2, 8, 0)); // due 3 Mar 08:00
    b.lead("won", mar(1, 9, 0)).status = Status::Converted;
    b.lead("lost", mar(1, 9, 0)).status = Status::Lost;
    b.lead("called", mar(1, 9, 0));
    b.contact("called", mar(1, 10, 0));
    for (deal, due, done) in [
        ("late", mar(2, 8, 0), false),
        ("fresh", mar(3, 9, 0), false),
        ("called", mar(1, 12, 0), true),
        ("lost", mar(1, 12, 0), false),
    ] {
        b.deal(deal).next_action = Some(action(due, done));
    }
    let data = b.data();
    let sla = SlaSettings::default();
    let got = overdue(&data, &sla, mar(2, 9, 1));
    let f = &got.first_follow_ups;
    assert_eq!(
        (f.value, f.deals.clone()),
        (Some(1), ids(&["late", "fresh"]))
    );
    assert_eq!(f.numerator_deals, ids(&["late"]));
    let a = &got.next_actions;
    assert_eq!((a.value, a.denominator), (Some(1), 2));
    assert_eq!(a.numerator_deals, ids(&["late"]));
    // At the deadline minute nothing is overdue yet.
    let at_due = overdue(&data, &sla, mar(2, 9, 0));
    assert_eq!(at_due.first_follow_ups.value, Some(0));
    assert_eq!(at_due.next_actions.value, Some(1));
}

#[test]
fn overdue_work_without_open_deals_is_no_data() {
    let b = Book::default();
    let got = overdue(&b.data(), &SlaSettings::default(), mar(2, 9, 0));
    assert_eq!(
        (got.first_follow_ups.value, got.next_actions.value),
        (None, None)
    );
}
