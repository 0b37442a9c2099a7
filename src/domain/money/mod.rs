//! Money as whole minor units (cents, 分) in an `i64`: pricing tables, amounts as people write
//! them, and amounts as people read them. No floats anywhere, so totals never drift by a cent.

use super::Locale;
use crate::json::Json;

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
#[derive(Clone, Debug, PartialEq, Eq, Json)]
#[json(default)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Json)]
#[json(default)]
pub struct PricingTable {
    pub currency: String,
    pub items: Vec<LineItem>,
}

impl PricingTable {
    /// Whether the table has no lines (its currency alone says nothing).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// `value` with `digits` decimals, trailing zeros dropped: `trimmed(2500, 3)` is `2.5`,
/// `trimmed(1300, 2)` is `13`.
pub fn trimmed(value: i64, digits: u32) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let text = decimal(value.unsigned_abs(), digits, false);
    let text = match text.split_once('.') {
        Some((int, frac)) if frac.trim_end_matches('0').is_empty() => int.to_owned(),
        Some(_) => text.trim_end_matches('0').to_owned(),
        None => text,
    };
    format!("{sign}{text}")
}

/// A column of a pricing line, as the rep edits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Description,
    /// In units, up to three decimals (`2.5`).
    Quantity,
    /// In the table's currency (`12,500.00`).
    UnitPrice,
    /// A percentage, up to two decimals (`12.5` or `12.5%`).
    Discount,
    Tax,
}

impl Column {
    pub const ALL: [Column; 5] = [
        Column::Description,
        Column::Quantity,
        Column::UnitPrice,
        Column::Discount,
        Column::Tax,
    ];
}

impl LineItem {
    /// What the input of `column` shows; [`LineItem::set`] reads it back.
    pub fn text(&self, column: Column, currency: &str) -> String {
        match column {
            Column::Description => self.description.clone(),
            Column::Quantity => trimmed(self.quantity_milli, 3),
            Column::UnitPrice => format_plain(self.unit_price_minor, currency),
            Column::Discount => trimmed(i64::from(self.discount_bp), 2),
            Column::Tax => trimmed(i64::from(self.tax_bp), 2),
        }
    }

    /// Sets `column` from what the rep typed; `false`, and no change, when it does not read.
    /// A blank discount or tax is none; a blank quantity or price does not read. Rates over
    /// 100% read, and [`line_totals`] reports them.
    pub fn set(&mut self, column: Column, text: &str, currency: &str) -> bool {
        let text = text.trim();
        let rate = |t: &str| match t.trim_end_matches('%').trim() {
            "" => Some(0),
            t => parse_decimal(t, 2).and_then(|bp| u32::try_from(bp).ok()),
        };
        match column {
            Column::Description => self.description = text.to_owned(),
            Column::Quantity => return set(&mut self.quantity_milli, parse_decimal(text, 3)),
            Column::UnitPrice => {
                return set(&mut self.unit_price_minor, parse_amount(text, currency));
            }
            Column::Discount => return set(&mut self.discount_bp, rate(text)),
            Column::Tax => return set(&mut self.tax_bp, rate(text)),
        }
        true
    }
}

/// Puts `value`, when there is one, in `slot`; whether there was.
fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    value.map(|v| *slot = v).is_some()
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

/// A whole number with its digits grouped by three: `-1,234,567` (both languages group so).
pub fn grouped(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_digits(&n.unsigned_abs().to_string()))
}

/// A run of digits with a comma before each group of three from the right.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Digits of `abs` with `digits` decimals, optionally grouped by three: `1,234.50`.
fn decimal(abs: u64, digits: u32, group: bool) -> String {
    let scale = 10u64.pow(digits);
    let int = (abs / scale).to_string();
    let mut out = if group { group_digits(&int) } else { int };
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
mod tests;
