//! Proposals for a deal (方案): a proposal template filled from the deal record, its discovery
//! answers and its pricing table, in one language; the versions a rep saves; and what changed
//! between two versions.
//!
//! Filling follows the template language (`docs/template-language.md`): a variable without a
//! value shows as `[[name]]` and is listed in [`Draft::missing`], never as a silent blank. The
//! rep fills a gap in place with an override, which wins over the deal and the answers.

mod output;
mod pricing;
#[cfg(test)]
mod tests;
mod values;
mod version;

pub use output::{to_html, to_html_fragment, to_markdown};
pub use pricing::{pricing_markdown, PriceSummary};
pub use values::{format_answer, format_date};
pub use version::{
    compare, compare_text, next_version_number, LineDiff, ProposalVersion, TooLongToCompare,
    MAX_COMPARE_LINES,
};

use super::deal::Deal;
use super::field::{Answers, FieldDef, FieldName};
use super::money::{PricingError, PricingTable};
use super::playbook::Industry;
use super::proposal::ProposalTemplate;
use super::template::{parse, TemplateError};
use super::{Id, Locale};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use values::Values;

/// Values the rep typed in the draft for variables, by name; they win over the deal and the
/// answers. A blank override is no override.
pub type Overrides = BTreeMap<FieldName, String>;

/// Everything a draft is made from.
pub struct DraftSource<'a> {
    pub template: &'a ProposalTemplate,
    pub deal: &'a Deal,
    /// The deal's discovery answers.
    pub answers: &'a Answers,
    /// The playbook's fields, to write a choice by its label and a score on its scale.
    pub fields: &'a [FieldDef],
    pub pricing: &'a PricingTable,
    pub locale: Locale,
    /// The date `{{today}}` shows (the UI reads the clock; tests pass a date).
    pub today: NaiveDate,
    /// How `{{industry}}` names the deal's industry in a language (the UI passes its own
    /// translated names); `None` writes the stored code (`retail`).
    pub industry_name: Option<&'a dyn Fn(Industry, Locale) -> String>,
    pub overrides: &'a Overrides,
}

/// One section of a draft: its heading and its filled Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSection {
    pub heading: String,
    pub body: String,
}

/// A proposal filled for a deal, ready to read, download or save as a version.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub template: Id,
    /// The template's title in the draft's language.
    pub title: String,
    pub locale: Locale,
    pub sections: Vec<DraftSection>,
    /// The variables shown as `[[name]]` for want of a value, each once, in the order they
    /// first appear.
    pub missing: Vec<FieldName>,
    /// The pricing table's totals, when the template carries pricing and the table has lines.
    pub totals: Option<PriceSummary>,
}

/// Why a draft could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// A section of the template does not parse (the playbook audit lists the mistakes too).
    #[error("section `{section}` of the template has {} mistake(s)", errors.len())]
    Template {
        section: Id,
        errors: Vec<TemplateError>,
    },
    /// A line of the pricing table cannot be totalled.
    #[error(transparent)]
    Pricing(#[from] PricingError),
}

/// Fills `src.template` for the deal in `src.locale`.
///
/// - The deal variables come from the deal record: `company` is the customer, `contact`,
///   `phone`, `email`, `owner` and `deal_number` as stored, `industry` by
///   [`DraftSource::industry_name`] (else the code), `deal_value` in the deal's currency
///   (none when zero), `today` as [`format_date`] writes it, and `pricing_table` as
///   [`pricing_markdown`] writes the table (none when it has no lines).
/// - Any other variable comes from the answers, written by [`format_answer`].
/// - An override wins over both. A blank value is no value: it shows as `[[name]]`.
/// - A section with `show_if` appears only when that variable has a value, and a section
///   whose filled text is blank is left out.
pub fn draft(src: &DraftSource) -> Result<Draft, DraftError> {
    let locale = src.locale;
    let totals = if src.pricing.items.is_empty() {
        None
    } else {
        Some(src.pricing.totals()?)
    };
    let values = Values {
        src,
        pricing_table: totals.map(|t| pricing_markdown(src.pricing, &t, locale)),
    };
    let value = |name: &str| values.get(name);
    let mut sections = Vec::new();
    let mut missing: Vec<FieldName> = Vec::new();
    for section in &src.template.sections {
        if section.show_if.as_ref().is_some_and(|f| value(f).is_none()) {
            continue;
        }
        let template = parse(section.body.get(locale)).map_err(|errors| DraftError::Template {
            section: section.id.clone(),
            errors,
        })?;
        let rendered = template.render(&value);
        let body = rendered.text.trim();
        if body.is_empty() {
            continue;
        }
        for (name, _) in rendered.missing {
            if !missing.contains(&name) {
                missing.push(name);
            }
        }
        sections.push(DraftSection {
            heading: section.title.get(locale).trim().to_owned(),
            body: body.to_owned(),
        });
    }
    Ok(Draft {
        template: src.template.id.clone(),
        title: src.template.title.get(locale).trim().to_owned(),
        locale: locale.supported(),
        sections,
        missing,
        totals: totals
            .filter(|_| src.template.pricing)
            .map(|t| PriceSummary::new(&src.pricing.currency, &t)),
    })
}
