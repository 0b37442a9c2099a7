//! The value of each template variable for one deal: the deal variables from the deal record,
//! the others from the discovery answers, written the way the proposal's language writes them.

use super::DraftSource;
use crate::domain::field::{Answer, FieldDef, FieldKind};
use crate::domain::money::{format_money, grouped};
use crate::domain::proposal::is_deal_variable;
use crate::domain::Locale;
use chrono::{Datelike, NaiveDate};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a proposal writes it: `3 March 2025` / `2025年3月3日`.
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    match locale.supported() {
        Locale::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        _ => format!(
            "{} {} {}",
            date.day(),
            MONTHS_EN[date.month0() as usize],
            date.year()
        ),
    }
}

/// A number: whole numbers grouped by three (`1,200`), others with up to six decimals
/// (`2.5`).
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        grouped(n as i64)
    } else {
        crate::domain::field::number_text(n)
    }
}

/// An answer as the proposal shows it in `locale`, or `None` when it says nothing:
/// - text as captured; a number grouped by three (`1,200`); money with
///   [`format_money`] (`CNY 250,000.00`, `¥250,000.00` in Chinese);
/// - a date as [`format_date`] writes it;
/// - a choice by its option's label in `locale` (the stored value when `def` does not know
///   the option);
/// - yes/no as `Yes`/`No`, `是`/`否`;
/// - a score as `7/10` when `def` gives the scale, else `7`.
pub fn format_answer(answer: &Answer, def: Option<&FieldDef>, locale: Locale) -> Option<String> {
    if !answer.is_answered() {
        return None;
    }
    let zh = locale.supported() == Locale::ZhCn;
    Some(match answer {
        Answer::Text(s) => s.clone(),
        Answer::Number(n) => format_number(*n),
        Answer::Money { minor, currency } => format_money(*minor, currency, locale),
        Answer::Date(d) => format_date(*d, locale),
        Answer::Choice(value) => match def.map(|d| &d.kind) {
            Some(FieldKind::Choice { options }) => options
                .iter()
                .find(|o| &o.value == value)
                .map(|o| o.label.get(locale).to_owned())
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| value.clone()),
            _ => value.clone(),
        },
        Answer::YesNo(yes) => match (yes, zh) {
            (true, false) => "Yes".into(),
            (false, false) => "No".into(),
            (true, true) => "是".into(),
            (false, true) => "否".into(),
        },
        Answer::Score(s) => match def.map(|d| &d.kind) {
            Some(FieldKind::Score { max, .. }) => format!("{s}/{max}"),
            _ => s.to_string(),
        },
    })
}

/// The values of a draft's variables.
pub(super) struct Values<'a> {
    pub(super) src: &'a DraftSource<'a>,
    /// The pricing table as Markdown, when the deal has one.
    pub(super) pricing_table: Option<String>,
}

impl Values<'_> {
    /// The value of `name`, or `None` when it has none (blank counts as none). An override
    /// wins; a deal variable comes from the deal record only; any other name from the answers.
    pub(super) fn get(&self, name: &str) -> Option<String> {
        let src = self.src;
        let filled = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        if let Some(v) = filled(src.overrides.get(name).cloned()) {
            return Some(v);
        }
        if is_deal_variable(name) {
            return filled(self.deal_variable(name));
        }
        let def = src.fields.iter().find(|f| f.name == name);
        let answer = src.answers.get(name)?;
        filled(format_answer(answer, def, src.locale))
    }

    /// A deal variable: `industry` by the supplied name function, else its stored code
    /// (`retail`); `deal_value` formatted in the deal's currency, none when zero (not set).
    fn deal_variable(&self, name: &str) -> Option<String> {
        let (deal, locale) = (self.src.deal, self.src.locale);
        Some(match name {
            "company" => deal.customer.clone(),
            "contact" => deal.contact.clone(),
            "phone" => deal.phone.clone(),
            "email" => deal.email.clone(),
            "owner" => deal.owner.clone(),
            "industry" => match self.src.industry_name {
                Some(name_of) => name_of(deal.industry, locale),
                None => deal.industry.code().to_owned(),
            },
            "deal_number" => deal.number.clone(),
            "deal_value" if deal.value_minor != 0 => {
                format_money(deal.value_minor, &deal.currency, locale)
            }
            "today" => format_date(self.src.today, locale),
            "pricing_table" => self.pricing_table.clone()?,
            _ => return None,
        })
    }
}
