use super::*;

fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

#[test]
fn a_utc_week_runs_monday_midnight_to_the_next_monday() {
    let w = week();
    assert_eq!((w.start, w.end), (mar(2, 0, 0), mar(9, 0, 0)));
    assert_eq!(Period::week(mar(2, 0, 0), utc()), w, "Monday 00:00 itself");
    assert_eq!(Period::week(mar(8, 23, 59), utc()), w, "Sunday night");
    assert_eq!(Period::week(mar(9, 0, 0), utc()).start, mar(9, 0, 0));
}

#[test]
fn a_period_includes_its_start_and_excludes_its_end() {
    let w = week();
    assert!(w.contains(mar(2, 0, 0)));
    assert!(w.contains(mar(8, 23, 59)));
    assert!(!w.contains(mar(9, 0, 0)));
    assert!(!w.contains(mar(1, 23, 59)));
}

#[test]
fn a_week_in_china_starts_at_local_monday_midnight_which_is_sunday_16_00_utc() {
    // Sunday 1 March 16:00 UTC is Monday 2 March 00:00 in Beijing.
    let w = Period::week(mar(1, 16, 0), china());
    assert_eq!((w.start, w.end), (mar(1, 16, 0), mar(8, 16, 0)));
    // One minute earlier it is still Sunday in Beijing: the week before.
    let before = Period::week(mar(1, 15, 59), china());
    assert_eq!((before.start, before.end), (t(2, 22, 16, 0), mar(1, 16, 0)));
    assert_eq!(w.previous(), before);
    // Monday 23:30 local is Monday 15:30 UTC: the same week.
    assert_eq!(Period::week(mar(2, 15, 30), china()), w);
}

#[test]
fn a_lead_assigned_at_local_monday_midnight_in_china_belongs_to_the_local_week() {
    let mut b = Book::default();
    b.lead("early", mar(1, 16, 0)).first_follow_up_at = Some(mar(1, 17, 0));
    let sla = crate::domain::clock::SlaSettings::default();
    let local = Period::week(mar(1, 16, 0), china());
    let m = follow_up_timeliness(&b.data(), &local, &sla, mar(9, 0, 0)).measure;
    assert_eq!((m.numerator, m.denominator), (1, 1));
    let in_utc = follow_up_timeliness(&b.data(), &week(), &sla, mar(9, 0, 0)).measure;
    assert_eq!(in_utc.value, None, "in UTC it is still Sunday");
}

#[test]
fn a_week_west_of_utc_starts_after_utc_midnight() {
    let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
    let w = Period::week(mar(4, 12, 0), new_york);
    assert_eq!((w.start, w.end), (mar(2, 5, 0), mar(9, 5, 0)));
}

#[test]
fn a_month_and_its_previous_follow_the_local_calendar() {
    // 28 Feb 16:30 UTC is 1 March 00:30 in Beijing.
    let m = Period::month(t(2, 28, 16, 30), china());
    assert_eq!((m.start, m.end), (t(2, 28, 16, 0), t(3, 31, 16, 0)));
    let feb = m.previous();
    assert_eq!((feb.start, feb.end), (t(1, 31, 16, 0), t(2, 28, 16, 0)));
    assert_eq!(feb.end - feb.start, chrono::TimeDelta::days(28));
    let dec = Period::month(t(1, 15, 0, 0), utc()).previous();
    let dec_start = chrono::Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap();
    assert_eq!((dec.start, dec.end), (dec_start, t(1, 1, 0, 0)));
}

#[test]
fn a_quarter_runs_from_january_april_july_or_october() {
    let q2 = Period::quarter(t(5, 15, 12, 0), utc());
    assert_eq!((q2.start, q2.end), (t(4, 1, 0, 0), t(7, 1, 0, 0)));
    let q1 = q2.previous();
    assert_eq!((q1.start, q1.end), (t(1, 1, 0, 0), t(4, 1, 0, 0)));
    let q4 = q1.previous();
    let oct = chrono::Utc.with_ymd_and_hms(2025, 10, 1, 0, 0, 0).unwrap();
    assert_eq!((q4.start, q4.end), (oct, t(1, 1, 0, 0)));
    // 31 Dec 20:00 UTC is already 1 January 2027, 04:00 in Beijing: the first quarter of 2027.
    let q1_local = Period::quarter(t(12, 31, 20, 0), china());
    let apr_2027 = chrono::Utc.with_ymd_and_hms(2027, 3, 31, 16, 0, 0).unwrap();
    assert_eq!((q1_local.start, q1_local.end), (t(12, 31, 16, 0), apr_2027));
}

#[test]
fn a_custom_span_is_preceded_by_one_of_the_same_length() {
    let p = Period::custom(mar(2, 0, 0), mar(4, 12, 0));
    let prev = p.previous();
    assert_eq!((prev.start, prev.end), (t(2, 27, 12, 0), mar(2, 0, 0)));
    let empty = Period::custom(mar(4, 0, 0), mar(2, 0, 0));
    assert_eq!(empty.end, empty.start);
    assert!(!empty.contains(mar(4, 0, 0)));
}
