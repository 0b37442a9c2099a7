use super::*;
use StageKind::{AccountCare, Delivery, NeedsAnalysis, QuoteAndContract};

#[test]
fn completeness_sums_answered_over_required_for_deals_that_left_discovery_in_the_period() {
    let mut b = Book::default();
    // Moved to quote this week: 8 of 10.
    b.lead("quoted", t(2, 20, 9, 0)).stage = Some(NeedsAnalysis);
    b.move_to("quoted", QuoteAndContract, mar(3, 9, 0));
    // Won this week straight from needs analysis: 4 of 4.
    b.lead("won", t(2, 20, 9, 0)).stage = Some(NeedsAnalysis);
    b.win("won", mar(5, 9, 0));
    // Past discovery without history, assigned before the week: not this week.
    b.lead("imported", mar(1, 9, 0)).stage = Some(QuoteAndContract);
    // Still in discovery.
    b.lead("asking", mar(3, 9, 0)).stage = Some(NeedsAnalysis);
    // Left discovery last week, moved on again this week: counted last week.
    b.lead("delivering", t(2, 20, 9, 0)).stage = Some(NeedsAnalysis);
    b.move_to("delivering", QuoteAndContract, t(2, 27, 9, 0));
    b.move_to("delivering", Delivery, mar(4, 9, 0));
    // More answers than required items are capped: 2 of 2.
    b.lead("eager", t(2, 20, 9, 0)).stage = Some(NeedsAnalysis);
    b.move_to("eager", QuoteAndContract, mar(6, 9, 0));
    // No checklist applies: counted as a deal, adds nothing.
    b.lead("no-list", t(2, 20, 9, 0));
    b.move_to("no-list", AccountCare, mar(7, 9, 0));
    for (name, counts) in [
        ("quoted", (10, 8)),
        ("won", (4, 4)),
        ("imported", (5, 0)),
        ("asking", (6, 1)),
        ("delivering", (3, 3)),
        ("eager", (2, 5)),
    ] {
        b.discovery.insert(id(name), counts);
    }
    let m = completeness(&b.data(), &week());
    assert_eq!(m.deals, ids(&["quoted", "won", "eager", "no-list"]));
    // (8 + 4 + 2 + 0) / (10 + 4 + 2 + 0) = 14 / 16 = 87.5%.
    assert_eq!((m.numerator, m.denominator, m.value), (14, 16, Some(8_750)));
    assert_eq!(on_target(&m, Targets::default().completeness()), Some(true));
    let last_week = completeness(&b.data(), &week().previous());
    assert_eq!(last_week.deals, ids(&["imported", "delivering"]));
    assert_eq!(last_week.value, Some(3_750), "3 of 8");
}

#[test]
fn completeness_without_deals_past_discovery_or_required_items_is_no_data() {
    let mut b = Book::default();
    assert_eq!(completeness(&b.data(), &week()).value, None);
    b.lead("a", mar(3, 9, 0)).stage = Some(QuoteAndContract);
    let m = completeness(&b.data(), &week());
    assert_eq!((m.value, m.deals.clone()), (None, ids(&["a"])));
}

#[test]
fn review_and_unknown_stages_are_not_past_discovery() {
    let mut b = Book::default();
    b.lead("r", mar(3, 9, 0)).stage = Some(StageKind::Review);
    b.lead("u", mar(3, 9, 0)).stage = Some(StageKind::Unknown);
    b.lead("n", mar(3, 9, 0)).stage = None;
    for d in &b.deals {
        assert_eq!(past_discovery_at(d, &[]), None, "{}", d.id);
    }
}

#[test]
fn exactly_85_percent_meets_the_completeness_target_and_84_9_does_not() {
    let target = Targets::default().completeness();
    let m = |n, d| Measure::new(Unit::BasisPoints, n, d, Vec::new());
    assert_eq!(on_target(&m(17, 20), target), Some(true));
    assert_eq!(on_target(&m(849, 1000), target), Some(false));
}
