use super::*;
use crate::domain::clock::SlaSettings;

fn share(n: i64, d: i64) -> Measure {
    Measure::new(Unit::BasisPoints, n, d, Vec::new())
}

#[test]
fn a_change_of_shares_is_in_basis_points_of_percentage_points() {
    assert_eq!(change(&share(3, 4), &share(1, 2)), Some(2_500));
    assert_eq!(change(&share(1, 2), &share(3, 4)), Some(-2_500));
    // 66.67% - 33.33% from the exact fractions is 33.33 points; the rounded values would
    // give 33.34.
    assert_eq!(change(&share(2, 3), &share(1, 3)), Some(3_333));
    assert_eq!(change(&share(1, 2), &share(0, 0)), None);
    assert_eq!(change(&share(0, 0), &share(1, 2)), None);
}

#[test]
fn a_change_of_days_or_counts_is_in_days_or_deals_and_units_must_match() {
    let days = |n, d| Measure::new(Unit::Days, n, d, Vec::new());
    assert_eq!(
        change(&days(41, 2), &days(30, 1)),
        Some(-10),
        "-9.5 away from zero"
    );
    let count = Measure::count_of(ids(&["a", "b", "c"]), ids(&["a", "b"]));
    let before = Measure::count_of(ids(&["a"]), ids(&["a"]));
    assert_eq!(change(&count, &before), Some(1));
    assert_eq!(change(&count, &share(1, 2)), None);
    let huge = Measure::new(Unit::Minor, i64::MAX, i64::MAX - 1, Vec::new());
    let other = Measure::new(Unit::Minor, i64::MIN, i64::MAX, Vec::new());
    assert_eq!(change(&huge, &other), Some(2));
}

/// Two leads last week (one in time), four this week (three in time).
fn two_weeks() -> Book {
    let mut b = Book::default();
    for (name, assigned, contact) in [
        ("p1", t(2, 24, 9, 0), t(2, 24, 10, 0)),
        ("p2", t(2, 24, 9, 0), t(2, 26, 10, 0)),
        ("c1", mar(2, 9, 0), mar(2, 10, 0)),
        ("c2", mar(3, 9, 0), mar(3, 10, 0)),
        ("c3", mar(4, 9, 0), mar(4, 10, 0)),
        ("c4", mar(4, 9, 0), mar(6, 10, 0)),
    ] {
        b.lead(name, assigned).first_follow_up_at = Some(contact);
    }
    b.win("c1", mar(5, 9, 0));
    b
}

#[test]
fn the_trend_sets_this_week_beside_last_week() {
    let b = two_weeks();
    let sla = SlaSettings::default();
    let tr = trend(&b.data(), &week(), &sla, mar(9, 0, 0));
    assert_eq!(tr.previous.period, week().previous());
    let fu = MeasureKey::FollowUp;
    assert_eq!(tr.current.measure(fu).value, Some(7_500));
    assert_eq!(tr.previous.measure(fu).value, Some(5_000));
    assert_eq!(tr.change(fu), Some(2_500), "up 25 percentage points");
    assert_eq!(tr.current.measure(MeasureKey::LeadToWon).value, Some(2_500));
    assert_eq!(tr.previous.measure(MeasureKey::LeadToWon).value, Some(0));
    assert_eq!(tr.change(MeasureKey::LeadToWon), Some(2_500));
    assert_eq!(tr.change(MeasureKey::Completeness), None, "no data");
    let cycle = tr.current.measure(MeasureKey::CycleMedian);
    assert_eq!((cycle.value, cycle.deals.clone()), (Some(2), ids(&["c1"])));
    assert_eq!(tr.change(MeasureKey::CycleMedian), None);
}

#[test]
fn a_report_judges_each_headline_against_the_teams_targets() {
    let b = two_weeks();
    let r = report(&b.data(), &week(), &SlaSettings::default(), mar(9, 0, 0));
    let defaults = Targets::default();
    let judged: Vec<_> = MeasureKey::ALL
        .into_iter()
        .map(|k| r.on_target(k, &defaults))
        .collect();
    // Follow-up 75% < 90%; no completeness data; 25% ≥ 20%; cycle 2 days ≤ 30.
    assert_eq!(
        judged,
        [Some(false), None, Some(true), Some(true), Some(true)]
    );
    let lenient = Targets {
        follow_up_bp: 7_500,
        ..defaults
    };
    assert_eq!(r.on_target(MeasureKey::FollowUp, &lenient), Some(true));
}

#[test]
fn a_report_of_nothing_is_no_data_everywhere() {
    let b = Book::default();
    let r = report(&b.data(), &week(), &SlaSettings::default(), mar(9, 0, 0));
    for k in MeasureKey::ALL {
        assert_eq!(r.measure(k).value, None, "{k:?}");
        assert_eq!(r.on_target(k, &Targets::default()), None);
    }
    assert!(r.deal_size.is_empty());
    assert!(r.by_grade.iter().all(|(_, m)| m.value.is_none()));
}

#[test]
fn targets_default_to_the_process_health_standards_and_fill_missing_fields() {
    let t = Targets::default();
    assert_eq!(
        (
            t.follow_up_bp,
            t.completeness_bp,
            t.lead_to_won_bp,
            t.cycle_days
        ),
        (9_000, 8_500, 2_000, 30)
    );
    assert_eq!(t.validate(), Ok(()));
    let edited: Targets = crate::json::from_str(r#"{"lead_to_won_bp":1800}"#).unwrap();
    assert_eq!(
        edited,
        Targets {
            lead_to_won_bp: 1_800,
            ..t
        }
    );
    let share = Targets {
        follow_up_bp: 10_001,
        ..t
    };
    assert_eq!(share.validate(), Err(TargetsError::ShareOutOfRange));
    let days = Targets {
        cycle_days: -1,
        ..t
    };
    assert_eq!(
        days.validate(),
        Err(TargetsError::DaysOutOfRange {
            max: MAX_CYCLE_DAYS
        })
    );
}
