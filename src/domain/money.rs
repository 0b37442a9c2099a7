//! Money as whole minor units (cents, 分) in an `i64`: pricing tables, amounts as people write
//! them, and amounts as people read them. No floats anywhere, so totals never drift by a cent.

use super::Locale;
use serde::{Deserialize, Serialize};

const NO_DECIMALS: [&str; 16] = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF",
];
const THREE_DECIMALS: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// Digits after the decimal point in a currency (ISO 4217): 0 for JPY, KRW…, 3 for BHD,
/// KWD…, 2 for everything else (CNY, USD, EUR, and codes not known here).
pub fn minor_digits(currency: &str) -> u32 {
    let c = currency.trim();
    let is = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(c));
    if is(&NO_DECIMALS) {
        0
    } else if is(&THREE_DECIMALS) {
        3
    } else {
        2
    }
}

/// 100% in basis points.
pub const FULL_BP: u32 = 10_000;

/// One line of a pricing table (报价明细).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineItem {
    pub description: String,
    /// Quantity in thousandths of a unit, so hours, metres and kilograms need no floats:
    /// 1000 is one unit, 2500 is 2.5. Negative for a credit line.
    pub quantity_milli: i64,
    /// Price of one unit in minor units of the table's currency; negative for a rebate.
    pub unit_price_minor: i64,
    /// Discount on this line in basis points, 0–10000 (1000 = 10%).
    pub discount_bp: u32,
    /// Tax on the discounted line in basis points, 0–10000 (1300 = 13%, China's standard VAT).
    pub tax_bp: u32,
}

impl Default for LineItem {
    fn default() -> Self {
        LineItem {
            description: String::new(),
            quantity_milli: 1000,
            unit_price_minor: 0,
            discount_bp: 0,
            tax_bp: 0,
        }
    }
}

/// A deal's pricing table: its currency and lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PricingTable {
    pub currency: String,
    pub items: Vec<LineItem>,
}

/// The amounts of one line, each in minor units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineTotals {
    /// Quantity × unit price.
    pub gross: i64,
    pub discount: i64,
    /// Gross less discount: what the tax applies to.
    pub net: i64,
    pub tax: i64,
    /// Net plus tax.
    pub total: i64,
}

/// The amounts of a whole table: each is the sum of the lines' amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Sum of the lines' gross amounts, before discount.
    pub subtotal: i64,
    pub discount: i64,
    pub net: i64,
    pub tax: i64,
    pub grand_total: i64,
}

/// What is wrong with one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    #[error("the amount is too large")]
    TooLarge,
    #[error("a discount must be between 0% and 100%")]
    DiscountOutOfRange,
    #[error("a tax rate must be between 0% and 100%")]
    TaxOutOfRange,
}

/// A pricing table that cannot be totalled; `line` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct PricingError {
    pub line: usize,
    pub problem: LineProblem,
}

/// `n / d` rounded half away from zero (`d > 0`): 2.5 → 3, -2.5 → -3.
fn div_round(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d {
        q + n.signum()
    } else {
        q
    }
}

fn narrow(v: i128) -> Result<i64, LineProblem> {
    i64::try_from(v).map_err(|_| LineProblem::TooLarge)
}

/// The amounts of one line. Rounding rule: each step is rounded to a whole minor unit, half
/// away from zero, in this order: gross = quantity × unit price; discount = gross × discount
/// rate; net = gross − discount; tax = net × tax rate; total = net + tax. Table totals are
/// sums of these rounded line amounts, so the printed lines add up to the printed totals.
pub fn line_totals(item: &LineItem) -> Result<LineTotals, LineProblem> {
    if item.discount_bp > FULL_BP {
        return Err(LineProblem::DiscountOutOfRange);
    }
    if item.tax_bp > FULL_BP {
        return Err(LineProblem::TaxOutOfRange);
    }
    let rate = |amount: i64, bp: u32| {
        narrow(div_round(
            i128::from(amount) * i128::from(bp),
            i128::from(FULL_BP),
        ))
    };
    let gross = narrow(div_round(
        i128::from(item.quantity_milli) * i128::from(item.unit_price_minor),
        1000,
    ))?;
    let discount = rate(gross, item.discount_bp)?;
    let net = gross.checked_sub(discount).ok_or(LineProblem::TooLarge)?;
    let tax = rate(net, item.tax_bp)?;
    let total = net.checked_add(tax).ok_or(LineProblem::TooLarge)?;
    Ok(LineTotals {
        gross,
        discount,
        net,
        tax,
        total,
    })
}

/// The totals of a table (see [`line_totals`] for the rounding rule); an empty table is zero.
pub fn totals(items: &[LineItem]) -> Result<Totals, PricingError> {
    let mut t = Totals::default();
    for (i, item) in items.iter().enumerate() {
        let err = |problem| PricingError {
            line: i + 1,
            problem,
        };
        let l = line_totals(item).map_err(err)?;
        let add = |a: i64, b: i64| a.checked_add(b).ok_or(err(LineProblem::TooLarge));
        t = Totals {
            subtotal: add(t.subtotal, l.gross)?,
            discount: add(t.discount, l.discount)?,
            net: add(t.net, l.net)?,
            tax: add(t.tax, l.tax)?,
            grand_total: add(t.grand_total, l.total)?,
        };
    }
    Ok(t)
}

impl PricingTable {
    pub fn totals(&self) -> Result<Totals, PricingError> {
        totals(&self.items)
    }
}

/// Digits of `abs` with `digits` decimals, optionally grouped by three: `1,234.50`.
fn decimal(abs: u64, digits: u32, group: bool) -> String {
    let scale = 10u64.pow(digits);
    let int = (abs / scale).to_string();
    let mut out = String::with_capacity(int.len() * 4 / 3 + 1 + digits as usize);
    for (i, c) in int.chars().enumerate() {
        if group && i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if digits > 0 {
        let frac = abs % scale;
        out.push('.');
        out.push_str(&format!("{frac:0width$}", width = digits as usize));
    }
    out
}

/// An amount for people: `CNY 1,234.50` (the ISO code, a space, the amount grouped by
/// three), and in 简体中文 `¥1,234.50` for yuan, the way Chinese documents write it; other
/// currencies keep their code in both languages, since `$` alone is ambiguous. The minus sign
/// goes before the amount: `CNY -1,234.50`, `-¥1,234.50`. With no currency, just the amount.
pub fn format_money(minor: i64, currency: &str, locale: Locale) -> String {
    let code = currency.trim().to_ascii_uppercase();
    let amount = decimal(minor.unsigned_abs(), minor_digits(&code), true);
    let sign = if minor < 0 { "-" } else { "" };
    match (locale.supported(), code.as_str()) {
        (Locale::ZhCn, "CNY") => format!("{sign}¥{amount}"),
        (_, "") => format!("{sign}{amount}"),
        _ => format!("{code} {sign}{amount}"),
    }
}

/// An amount for a file or an input box: `-1234.50`, no grouping and no currency.
pub fn format_plain(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        decimal(minor.unsigned_abs(), minor_digits(currency), false)
    )
}

fn split_sign(t: &str) -> (bool, &str) {
    match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t).trim_start()),
    }
}

/// Digits with optional `,` grouping and at most `digits` decimals, as a count of the
/// smallest unit. More decimals than that is refused rather than rounded.
fn parse_unsigned(t: &str, digits: u32) -> Option<i64> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let int_digits = int.bytes().filter(|&b| b != b',');
    if int.starts_with(',')
        || frac.len() > digits as usize
        || int.len() + frac.len() == 0
        || !int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut value: i64 = 0;
    for b in int_digits.chain(frac.bytes()) {
        value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    for _ in frac.len()..digits as usize {
        value = value.checked_mul(10)?;
    }
    Some(value)
}

/// A decimal number with `digits` decimals as an integer: `parse_decimal("2.5", 3)` is 2500
/// (a quantity in thousandths), `parse_decimal("13", 2)` is 1300 (a rate in basis points).
pub fn parse_decimal(text: &str, digits: u32) -> Option<i64> {
    let (neg, t) = split_sign(text.trim());
    let v = parse_unsigned(t, digits)?;
    Some(if neg { -v } else { v })
}

/// An amount typed or imported in `currency`, in minor units. Accepts what
/// [`format_money`] and [`format_plain`] write (`CNY -1,234.50`, `-¥1,234.50`, `1234.5`).
pub fn parse_amount(text: &str, currency: &str) -> Option<i64> {
    let (neg, mut t) = split_sign(text.trim());
    let code = currency.trim();
    if !code.is_empty()
        && t.get(..code.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(code))
    {
        t = &t[code.len()..];
    }
    let t = t
        .trim_start()
        .trim_start_matches(['¥', '￥', '$', '€', '£']);
    let (neg2, t) = split_sign(t);
    if neg && neg2 {
        return None;
    }
    let v = parse_unsigned(t.trim_end(), minor_digits(currency))?;
    Some(if neg || neg2 { -v } else { v })
}

#[cfg(test)]
mod tests {
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
            serde_json::from_str(r#"{"description":"Setup","unit_price_minor":500}"#).unwrap();
        assert_eq!((l.quantity_milli, l.discount_bp, l.tax_bp), (1000, 0, 0));
        let t: PricingTable =
            serde_json::from_str(r#"{"currency":"CNY","items":[{"unit_price_minor":500}]}"#)
                .unwrap();
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
}
