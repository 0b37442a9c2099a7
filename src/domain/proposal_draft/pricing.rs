//! The pricing table of a proposal as a Markdown table: one row per line item, then the
//! totals, money written per locale with [`format_money`].

use crate::domain::money::{format_money, line_totals, trimmed, PricingTable, Totals, FULL_BP};
use crate::domain::Locale;
use crate::json::Json;

/// A pricing table's totals as a proposal version keeps them, in minor units of `currency`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Json)]
#[json(default)]
pub struct PriceSummary {
    pub currency: String,
    /// The lines' gross amounts, before discount.
    pub subtotal: i64,
    pub discount: i64,
    /// After discount, before tax.
    pub net: i64,
    pub tax: i64,
    pub grand_total: i64,
}

impl PriceSummary {
    pub fn new(currency: &str, t: &Totals) -> PriceSummary {
        PriceSummary {
            currency: currency.to_owned(),
            subtotal: t.subtotal,
            discount: t.discount,
            net: t.net,
            tax: t.tax,
            grand_total: t.grand_total,
        }
    }
}

/// `2500` thousandths as `2.5`.
fn quantity(milli: i64) -> String {
    trimmed(milli, 3)
}

/// Basis points as a percentage: `1300` is `13%`, `1250` is `12.5%`.
fn percent(bp: u32) -> String {
    format!("{}%", trimmed(i64::from(bp), 2))
}

/// Text for one cell: on one line, `|` escaped so it does not end the cell.
fn cell(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// The table as Markdown. Each line shows its quantity, unit price, discount and tax rate and
/// its amount after discount, before tax; the rows below give the subtotal (the lines'
/// amounts added up), the tax and the total, so every printed figure adds up. `totals` are
/// the table's totals ([`PricingTable::totals`]), which also proves every line totals.
pub fn pricing_markdown(table: &PricingTable, totals: &Totals, locale: Locale) -> String {
    let zh = locale.supported() == Locale::ZhCn;
    let money = |minor: i64| format_money(minor, &table.currency, locale);
    let (head, subtotal, tax, total) = if zh {
        (
            "| 项目 | 数量 | 单价 | 折扣 | 税率 | 金额（不含税） |",
            "小计（不含税）",
            "税额",
            "合计",
        )
    } else {
        (
            "| Item | Quantity | Unit price | Discount | Tax rate | Amount (before tax) |",
            "Subtotal (before tax)",
            "Tax",
            "Total",
        )
    };
    let mut out = format!("{head}\n|---|---:|---:|---:|---:|---:|\n");
    for item in &table.items {
        let net = line_totals(item).map(|l| l.net).unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&item.description),
            quantity(item.quantity_milli),
            money(item.unit_price_minor),
            percent(item.discount_bp.min(FULL_BP)),
            percent(item.tax_bp.min(FULL_BP)),
            money(net),
        ));
    }
    for (label, amount) in [
        (subtotal, totals.net),
        (tax, totals.tax),
        (total, totals.grand_total),
    ] {
        out.push_str(&format!(
            "| **{label}** | | | | | **{}** |\n",
            money(amount)
        ));
    }
    out.pop();
    out
}
