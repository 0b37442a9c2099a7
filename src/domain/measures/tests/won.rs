use super::*;

/// Deals won around the week of 2 March, with hand-counted cycles.
fn book() -> Book {
    let mut b = Book::default();
    let mut add = |name: &str, assigned, contact: Option<Timestamp>, currency: &str, minor| {
        let d = b.lead(name, assigned);
        d.first_follow_up_at = contact;
        d.currency = currency.into();
        d.value_minor = minor;
    };
    // 20 Feb 09:00 → 3 Mar 09:00: 11 days.
    add("w1", t(2, 20, 9, 0), Some(t(2, 20, 9, 0)), "CNY", 100_000);
    // Contact by event 1 Feb 10:00 → 4 Mar 09:00: 31 days less an hour, 30 whole days.
    add("w2", t(2, 1, 9, 0), None, "cny", 200_001);
    // 2 Mar 12:00 → 2 Mar 18:00: 0 days.
    add("w3", mar(2, 11, 0), Some(mar(2, 12, 0)), "USD", 9_99);
    // Won 5 Mar, first contact recorded 6 Mar: a data error.
    add("w4", mar(1, 9, 0), Some(mar(6, 9, 0)), "JPY", 5_000);
    // Won without any recorded contact.
    add("w5", mar(1, 9, 0), None, "EUR", 10_00);
    // Won at the end of the week: next week's.
    add("w6", mar(1, 9, 0), Some(mar(1, 10, 0)), "CNY", 999_999);
    // Won at the first instant of the week; 31 Jan → 2 Mar: 30 days.
    add("w7", t(1, 31, 0, 0), Some(t(1, 31, 0, 0)), "EUR", 20_00);
    // Converted on import, no history: no won time.
    add("w8", mar(1, 9, 0), Some(mar(1, 10, 0)), "CNY", 7_77);
    // Won this week, then reopened.
    add("w9", mar(1, 9, 0), Some(mar(1, 10, 0)), "CNY", 5_55);
    b.contact("w2", t(2, 1, 10, 0));
    b.contact("w2", t(2, 3, 10, 0));
    for (name, at) in [
        ("w1", mar(3, 9, 0)),
        ("w2", mar(4, 9, 0)),
        ("w3", mar(2, 18, 0)),
        ("w4", mar(5, 9, 0)),
        ("w5", mar(5, 9, 0)),
        ("w6", mar(9, 0, 0)),
        ("w7", mar(2, 0, 0)),
        ("w9", mar(5, 9, 0)),
    ] {
        b.win(name, at);
    }
    b.deal("w8").status = Status::Converted;
    b.deal("w9").status = Status::Following;
    b
}

#[test]
fn deals_won_in_the_period_are_those_whose_win_is_recorded_in_it_and_still_stands() {
    let b = book();
    let data = b.data();
    let won: Vec<_> = won_in(&data, &week())
        .into_iter()
        .map(|(d, _)| d.id.as_str())
        .collect();
    assert_eq!(won, ["w1", "w2", "w3", "w4", "w5", "w7"]);
}

#[test]
fn the_cycle_has_a_median_and_a_rounded_mean_in_whole_days() {
    let b = book();
    let c = sales_cycle(&b.data(), &week());
    // Days 11, 30, 0, 30; sorted 0, 11, 30, 30.
    assert_eq!(c.mean.deals, ids(&["w1", "w2", "w3", "w7"]));
    assert_eq!((c.mean.numerator, c.mean.denominator), (71, 4));
    assert_eq!(c.mean.value, Some(18), "17.75 rounds to 18");
    assert_eq!((c.median.numerator, c.median.denominator), (41, 2));
    assert_eq!(c.median.value, Some(21), "20.5 rounds up");
    let target = Targets::default().cycle();
    assert_eq!(on_target(&c.median, target), Some(true));
    assert_eq!(on_target(&c.mean, Target::AtMost(17)), Some(false));
}

#[test]
fn a_deal_won_before_its_first_contact_is_reported_not_counted_negative() {
    let b = book();
    let c = sales_cycle(&b.data(), &week());
    assert_eq!(
        c.gaps,
        [
            (id("w4"), CycleGap::WonBeforeContact),
            (id("w5"), CycleGap::NoContact)
        ]
    );
    assert!(!c.mean.deals.contains(&id("w4")));
}

#[test]
fn one_won_deal_is_its_own_median_and_mean() {
    let mut b = Book::default();
    b.lead("a", t(2, 20, 9, 0)).first_follow_up_at = Some(t(2, 20, 9, 30));
    b.win("a", mar(3, 9, 0));
    let c = sales_cycle(&b.data(), &week());
    // 20 Feb 09:30 → 3 Mar 09:00 is 10 days 23.5 hours: 10 whole days.
    assert_eq!((c.median.numerator, c.median.denominator), (10, 1));
    assert_eq!((c.median.value, c.mean.value), (Some(10), Some(10)));
}

#[test]
fn no_won_deals_means_no_cycle_and_no_deal_size() {
    let b = Book::default();
    let c = sales_cycle(&b.data(), &week());
    assert_eq!((c.median.value, c.mean.value), (None, None));
    assert!(c.gaps.is_empty());
    assert!(deal_size(&b.data(), &week()).is_empty());
    assert_eq!(on_target(&c.mean, Targets::default().cycle()), None);
}

#[test]
fn average_deal_size_is_per_currency_and_never_mixes_them() {
    let b = book();
    let sizes = deal_size(&b.data(), &week());
    let got: Vec<_> = sizes
        .iter()
        .map(|(c, m)| (c.as_str(), m.value, m.numerator, m.denominator))
        .collect();
    assert_eq!(
        got,
        [
            // (1,000.00 + 2,000.01) / 2 = 1,500.005: rounded half away to 1,500.01.
            ("CNY", Some(150_001), 300_001, 2),
            ("EUR", Some(15_00), 30_00, 2),
            ("JPY", Some(5_000), 5_000, 1),
            ("USD", Some(9_99), 9_99, 1),
        ]
    );
    assert_eq!(sizes["CNY"].deals, ids(&["w1", "w2"]));
}
