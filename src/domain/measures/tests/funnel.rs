use super::*;
use crate::domain::deal::{Grade, Source};
use StageKind::{Delivery, LeadDevelopment, NeedsAnalysis, QuoteAndContract};

fn amounts(sums: &ByCurrency) -> Vec<(&str, i64)> {
    sums.iter().map(|(c, v)| (c.as_str(), *v)).collect()
}

/// Six leads this week and one from the week before.
fn book() -> Book {
    let mut b = Book::default();
    let mut add = |name: &str, stage, currency: &str, minor| {
        let d = b.lead(name, mar(3, 9, 0));
        d.stage = Some(stage);
        d.currency = currency.into();
        d.value_minor = minor;
    };
    add("new", LeadDevelopment, "CNY", 100_000);
    add("asking", NeedsAnalysis, "CNY", 200_000);
    add("quoted", QuoteAndContract, "USD", 50_00);
    add("back", LeadDevelopment, " cny", 3_00);
    add("won", Delivery, "CNY", 1_000_000);
    add("review", StageKind::Review, "", 0);
    // Went to needs analysis and back: it reached needs analysis.
    b.event(
        "back",
        mar(4, 9, 0),
        EventKind::StageChanged {
            from: Some(LeadDevelopment),
            to: Some(NeedsAnalysis),
        },
    );
    b.event(
        "back",
        mar(5, 9, 0),
        EventKind::StageChanged {
            from: Some(NeedsAnalysis),
            to: Some(LeadDevelopment),
        },
    );
    b.win("won", mar(6, 9, 0));
    b.lead("old", t(2, 25, 9, 0)).stage = Some(Delivery);
    b
}

#[test]
fn the_funnel_counts_how_far_each_lead_got_with_its_value_per_currency() {
    let b = book();
    let f = funnel(&b.data(), &week());
    let reached: Vec<_> = f
        .stages
        .iter()
        .map(|s| (s.stage, s.reached.len()))
        .collect();
    assert_eq!(
        reached,
        [
            (LeadDevelopment, 6),
            (NeedsAnalysis, 4),
            (QuoteAndContract, 2),
            (Delivery, 1),
            (StageKind::AccountCare, 0)
        ]
    );
    assert_eq!(
        f.stages[1].reached,
        ids(&["asking", "quoted", "back", "won"])
    );
    assert_eq!(
        amounts(&f.stages[0].value),
        [("", 0), ("CNY", 1_300_300), ("USD", 50_00)]
    );
    assert_eq!(
        amounts(&f.stages[1].value),
        [("CNY", 1_200_300), ("USD", 50_00)]
    );
    assert_eq!(
        amounts(&f.stages[2].value),
        [("CNY", 1_000_000), ("USD", 50_00)]
    );
    assert!(f.stages[4].value.is_empty());
}

#[test]
fn stage_conversion_is_reached_next_over_reached_this() {
    let b = book();
    let f = funnel(&b.data(), &week());
    assert_eq!(f.stages[0].conversion, None);
    let conv: Vec<_> = f.stages[1..]
        .iter()
        .map(|s| s.conversion.as_ref().and_then(|m| m.value))
        .collect();
    // 4/6, 2/4, 1/2, 0/1.
    assert_eq!(conv, [Some(6_667), Some(5_000), Some(5_000), Some(0)]);
    let q = f.stages[2].conversion.as_ref().unwrap();
    assert_eq!(q.numerator_deals, ids(&["quoted", "won"]));
}

#[test]
fn lead_to_won_is_the_share_of_the_periods_leads_converted_now() {
    let b = book();
    let f = funnel(&b.data(), &week());
    let m = &f.lead_to_won;
    assert_eq!((m.numerator, m.denominator, m.value), (1, 6, Some(1_667)));
    assert_eq!(on_target(m, Targets::default().lead_to_won()), Some(false));
}

#[test]
fn an_empty_period_has_an_empty_funnel_with_no_rates() {
    let b = book();
    let empty = Period::week(t(1, 7, 0, 0), utc());
    let f = funnel(&b.data(), &empty);
    assert!(f.stages.iter().all(|s| s.reached.is_empty()));
    assert!(f.stages[1..]
        .iter()
        .all(|s| s.conversion.as_ref().is_some_and(|m| m.value.is_none())));
    assert_eq!(f.lead_to_won.value, None);
}

#[test]
fn leads_by_grade_and_source_show_their_conversion() {
    let mut b = Book::default();
    for (name, grade, source, won) in [
        ("a1", Grade::A, Source::Referral, true),
        ("a2", Grade::A, Source::Website, false),
        ("b1", Grade::B, Source::Referral, true),
        ("c1", Grade::C, Source::TradeShow, false),
    ] {
        let d = b.lead(name, mar(3, 9, 0));
        d.grade = grade;
        d.source = source;
        if won {
            b.win(name, mar(5, 9, 0));
        }
    }
    b.lead("old", t(2, 1, 9, 0)).grade = Grade::A;
    let values = |v: Vec<(_, Measure)>| v.into_iter().map(|(k, m)| (k, m.value)).collect();
    let grades: Vec<_> = values(by_grade(&b.data(), &week()));
    assert_eq!(
        grades,
        [
            (Grade::A, Some(5_000)),
            (Grade::B, Some(10_000)),
            (Grade::C, Some(0))
        ]
    );
    let sources: Vec<(Source, Option<i64>)> = by_source(&b.data(), &week())
        .into_iter()
        .map(|(k, m)| (k, m.value))
        .collect();
    assert_eq!(
        sources,
        [
            (Source::TradeShow, Some(0)),
            (Source::Website, Some(0)),
            (Source::Referral, Some(10_000)),
            (Source::Other, None)
        ]
    );
}
