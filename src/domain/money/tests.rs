use super::*;

fn item(quantity_milli: i64, unit_price_minor: i64, discount_bp: u32, tax_bp: u32) -> LineItem {
    LineItem {
        description: "Licence".into(),
        quantity_milli,
        unit_price_minor,
        discount_bp,
        tax_bp,
    }
}

#[test]
fn a_line_is_quantity_times_price_less_discount_plus_tax() {
    // 3 × CNY 1,000.00, 10% off, 13% VAT.
    let l = line_totals(&item(3000, 100_000, 1000, 1300)).unwrap();
    assert_eq!(
        l,
        LineTotals {
            gross: 300_000,
            discount: 30_000,
            net: 270_000,
            tax: 35_100,
            total: 305_100
        }
    );
}

#[test]
fn a_fractional_quantity_rounds_half_away_from_zero() {
    // 2.5 h × 333.33 = 833.325 → 833.33
    assert_eq!(
        line_totals(&item(2500, 33_333, 0, 0)).unwrap().gross,
        83_333
    );
    // 2.4 h × 333.33 = 799.992 → 799.99
    assert_eq!(
        line_totals(&item(2400, 33_333, 0, 0)).unwrap().gross,
        79_999
    );
    // a credit line rounds the same way, away from zero
    assert_eq!(
        line_totals(&item(-2500, 33_333, 0, 0)).unwrap().gross,
        -83_333
    );
    assert_eq!(
        line_totals(&item(2500, -33_333, 0, 0)).unwrap().gross,
        -83_333
    );
}

#[test]
fn discount_and_tax_round_half_away_from_zero_each_on_its_own() {
    // 5% of 10.05 = 0.5025 → 0.50; 5% of 10.10 = 0.505 → 0.51
    assert_eq!(line_totals(&item(1000, 1005, 500, 0)).unwrap().discount, 50);
    assert_eq!(line_totals(&item(1000, 1010, 500, 0)).unwrap().discount, 51);
    // 1% of 0.50 = 0.005 → 0.01, and of -0.50 → -0.01
    assert_eq!(line_totals(&item(1000, 50, 0, 100)).unwrap().tax, 1);
    assert_eq!(line_totals(&item(1000, -50, 0, 100)).unwrap().tax, -1);
    assert_eq!(line_totals(&item(1000, 49, 0, 100)).unwrap().tax, 0);
}

#[test]
fn lines_are_rounded_first_then_summed() {
    // Each line's tax of 0.005 rounds to 0.01, so the table's tax is 0.02, not 0.01.
    let t = totals(&[item(1000, 50, 0, 100), item(1000, 50, 0, 100)]).unwrap();
    assert_eq!(
        t,
        Totals {
            subtotal: 100,
            discount: 0,
            net: 100,
            tax: 2,
            grand_total: 102
        }
    );
}

#[test]
fn a_table_adds_up_discounts_taxes_and_credit_lines() {
    let t = totals(&[
        item(2000, 50_000, 1000, 1300), // 1000.00 - 100.00 + 117.00
        item(1000, 20_000, 0, 600),     // 200.00 + 12.00
        item(-1000, 10_000, 0, 0),      // credit -100.00
    ])
    .unwrap();
    assert_eq!(
        t,
        Totals {
            subtotal: 110_000,
            discount: 10_000,
            net: 100_000,
            tax: 12_900,
            grand_total: 112_900
        }
    );
}

#[test]
fn zero_quantities_prices_and_empty_tables_total_zero() {
    assert_eq!(
        line_totals(&item(0, 99_999, 500, 1300)).unwrap(),
        LineTotals::default()
    );
    assert_eq!(
        line_totals(&item(5000, 0, 0, 1300)).unwrap(),
        LineTotals::default()
    );
    assert_eq!(totals(&[]).unwrap(), Totals::default());
}

#[test]
fn a_full_discount_is_free_and_more_than_full_is_refused() {
    assert_eq!(
        line_totals(&item(1000, 5000, FULL_BP, 1300)).unwrap().total,
        0
    );
    assert_eq!(
        totals(&[item(1000, 1, 0, 0), item(1000, 5000, FULL_BP + 1, 0)]),
        Err(PricingError {
            line: 2,
            problem: LineProblem::DiscountOutOfRange
        })
    );
    assert_eq!(
        line_totals(&item(1000, 5000, 0, FULL_BP + 1)),
        Err(LineProblem::TaxOutOfRange)
    );
}

#[test]
fn amounts_too_large_for_64_bits_are_an_error_not_a_wrap() {
    assert_eq!(
        line_totals(&item(1000, i64::MAX, 0, 0)).unwrap().gross,
        i64::MAX
    );
    assert_eq!(
        line_totals(&item(1000, i64::MAX, 0, 1300)),
        Err(LineProblem::TooLarge)
    );
    assert_eq!(
        line_totals(&item(i64::MAX, i64::MAX, 0, 0)),
        Err(LineProblem::TooLarge)
    );
    assert_eq!(
        line_totals(&item(i64::MIN, i64::MIN, 0, 0)),
        Err(LineProblem::TooLarge)
    );
    let half = i64::MAX / 2 + 1;
    assert_eq!(
        totals(&[item(1000, half, 0, 0), item(1000, half, 0, 0)]),
        Err(PricingError {
            line: 2,
            problem: LineProblem::TooLarge
        })
    );
}

#[test]
fn a_stored_line_without_a_quantity_means_one() {
    let l: LineItem =
        crate::json::from_str(r#"{"description":"Setup","unit_price_minor":500}"#).unwrap();
    assert_eq!((l.quantity_milli, l.discount_bp, l.tax_bp), (1000, 0, 0));
    let t: PricingTable =
        crate::json::from_str(r#"{"currency":"CNY","items":[{"unit_price_minor":500}]}"#).unwrap();
    assert_eq!(t.totals().unwrap().grand_total, 500);
}

#[test]
fn yuan_reads_with_the_code_in_english_and_the_sign_in_chinese() {
    assert_eq!(format_money(123_450, "CNY", Locale::En), "CNY 1,234.50");
    assert_eq!(format_money(123_450, "CNY", Locale::ZhCn), "¥1,234.50");
    assert_eq!(format_money(-123_450, "CNY", Locale::ZhCn), "-¥1,234.50");
    assert_eq!(format_money(-5, "cny", Locale::En), "CNY -0.05");
    assert_eq!(format_money(0, "CNY", Locale::Unknown), "CNY 0.00");
}

#[test]
fn other_currencies_keep_their_code_and_their_own_decimals() {
    assert_eq!(format_money(123_450, "USD", Locale::ZhCn), "USD 1,234.50");
    assert_eq!(format_money(1_234_567, "JPY", Locale::En), "JPY 1,234,567");
    assert_eq!(format_money(1_234_567, "KWD", Locale::En), "KWD 1,234.567");
    assert_eq!(format_money(100_000_000, "", Locale::En), "1,000,000.00");
    assert_eq!(format_money(99, "EUR", Locale::En), "EUR 0.99");
}

#[test]
fn the_most_negative_amount_formats_without_overflow() {
    assert_eq!(
        format_money(i64::MIN, "CNY", Locale::En),
        "CNY -92,233,720,368,547,758.08"
    );
    assert_eq!(format_plain(i64::MIN, "JPY"), "-9223372036854775808");
}

#[test]
fn amounts_written_by_the_app_read_back_the_same() {
    for minor in [0, 5, -5, 123_450, -123_450, i64::MAX, i64::MIN + 1] {
        for (cur, loc) in [
            ("CNY", Locale::En),
            ("CNY", Locale::ZhCn),
            ("JPY", Locale::En),
        ] {
            let shown = format_money(minor, cur, loc);
            assert_eq!(parse_amount(&shown, cur), Some(minor), "{shown}");
            assert_eq!(parse_amount(&format_plain(minor, cur), cur), Some(minor));
        }
    }
}

#[test]
fn typed_amounts_are_read_without_rounding() {
    assert_eq!(parse_amount(" 1234.5 ", "CNY"), Some(123_450));
    assert_eq!(parse_amount("￥88", "CNY"), Some(8800));
    assert_eq!(parse_amount("+.5", "CNY"), Some(50));
    assert_eq!(parse_amount("1.005", "CNY"), None);
    assert_eq!(parse_amount("1.5", "JPY"), None);
    for bad in [
        "",
        "-",
        "abc",
        "1.2.3",
        ",100",
        "--5",
        "-¥-5",
        "1e3",
        "92233720368547758.08",
    ] {
        assert_eq!(parse_amount(bad, "CNY"), None, "{bad}");
    }
}

#[test]
fn quantities_and_rates_are_read_as_thousandths_and_basis_points() {
    assert_eq!(parse_decimal("2.5", 3), Some(2500));
    assert_eq!(parse_decimal("-1", 3), Some(-1000));
    assert_eq!(parse_decimal("13", 2), Some(1300));
    assert_eq!(parse_decimal("12.75", 2), Some(1275));
    assert_eq!(parse_decimal("0.0001", 3), None);
}

#[test]
fn decimals_are_written_without_trailing_zeros() {
    assert_eq!(trimmed(2500, 3), "2.5");
    assert_eq!(trimmed(1000, 3), "1");
    assert_eq!(trimmed(-1250, 2), "-12.5");
    assert_eq!(trimmed(5, 2), "0.05");
    assert_eq!(trimmed(0, 2), "0");
    assert_eq!(trimmed(42, 0), "42");
}

#[test]
fn a_pricing_line_is_edited_column_by_column_and_bad_text_changes_nothing() {
    let mut line = LineItem::default();
    assert!(line.set(Column::Description, " Pilot line ", "CNY"));
    assert!(line.set(Column::Quantity, "2.5", "CNY"));
    assert!(line.set(Column::UnitPrice, "¥12,000.50", "CNY"));
    assert!(line.set(Column::Discount, "12.5%", "CNY"));
    assert!(line.set(Column::Tax, "13", "CNY"));
    let expected = LineItem {
        description: "Pilot line".into(),
        quantity_milli: 2500,
        unit_price_minor: 1_200_050,
        discount_bp: 1250,
        tax_bp: 1300,
    };
    assert_eq!(line, expected);
    for (column, text) in [
        (Column::Quantity, ""),
        (Column::Quantity, "two"),
        (Column::Quantity, "1.2345"),
        (Column::UnitPrice, ""),
        (Column::UnitPrice, "12.345"),
        (Column::Discount, "-5"),
        (Column::Tax, "lots"),
    ] {
        assert!(!line.set(column, text, "CNY"), "{column:?} {text:?}");
    }
    assert_eq!(line, expected, "a refused text changes nothing");
    // What each input shows reads back to the same line; a blank rate is none.
    let mut again = LineItem::default();
    for column in Column::ALL {
        assert!(
            again.set(column, &line.text(column, "CNY"), "CNY"),
            "{column:?}"
        );
    }
    assert_eq!(again, line);
    assert_eq!(line.text(Column::UnitPrice, "CNY"), "12000.50");
    assert!(line.set(Column::Discount, " ", "CNY"));
    assert_eq!(line.discount_bp, 0);
    // Over 100% reads; the totals report it with the line's number.
    assert!(line.set(Column::Tax, "130", "CNY"));
    let error = totals(std::slice::from_ref(&line)).unwrap_err();
    assert_eq!(error.problem, LineProblem::TaxOutOfRange);
}
