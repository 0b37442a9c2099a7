//! Proposal templates: per-industry documents whose sections are written in the template
//! language (`docs/template-language.md`) and filled from the deal and its discovery answers.

use super::field::FieldName;
use super::playbook::Industry;
use super::{Id, LocalizedText};
use crate::json::Json;

/// Variables every proposal can use, filled from the deal record rather than from discovery
/// answers. Names follow the field-name rules so templates treat both alike.
pub const DEAL_VARIABLES: [&str; 10] = [
    "company",
    "contact",
    "phone",
    "email",
    "owner",
    "industry",
    "deal_number",
    "deal_value",
    "today",
    "pricing_table",
];

/// Whether `name` is filled from the deal record.
pub fn is_deal_variable(name: &str) -> bool {
    DEAL_VARIABLES.contains(&name)
}

/// A section of a proposal.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct ProposalSection {
    pub id: Id,
    pub title: LocalizedText,
    /// Template-language text (Markdown with `{{variables}}` and `{{#if}}` sections).
    pub body: LocalizedText,
    /// Show the whole section only when this field has an answer.
    #[json(default)]
    pub show_if: Option<FieldName>,
}

/// A proposal template for one industry (or every industry when `Generic`).
#[derive(Clone, Debug, PartialEq, Json)]
pub struct ProposalTemplate {
    pub id: Id,
    pub title: LocalizedText,
    #[json(default)]
    pub description: LocalizedText,
    #[json(default)]
    pub industry: Industry,
    #[json(default)]
    pub sections: Vec<ProposalSection>,
    /// Whether the proposal carries a pricing table (line items are entered per deal).
    #[json(default)]
    pub pricing: bool,
}

impl ProposalTemplate {
    /// The template suggested for a deal in `industry`: its own, else the generic one.
    pub fn suggest(
        templates: &[ProposalTemplate],
        industry: Industry,
    ) -> Option<&ProposalTemplate> {
        templates
            .iter()
            .find(|t| t.industry == industry)
            .or_else(|| templates.iter().find(|t| t.industry == Industry::Generic))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(id: &str, industry: Industry) -> ProposalTemplate {
        ProposalTemplate {
            id: Id::parse(id).unwrap(),
            title: LocalizedText::new(id, id),
            description: LocalizedText::default(),
            industry,
            sections: vec![],
            pricing: true,
        }
    }

    #[test]
    fn the_industrys_own_template_is_suggested_else_the_generic_one() {
        let all = [
            template("generic", Industry::Generic),
            template("retail", Industry::Retail),
        ];
        assert_eq!(
            ProposalTemplate::suggest(&all, Industry::Retail)
                .unwrap()
                .id
                .as_str(),
            "retail"
        );
        assert_eq!(
            ProposalTemplate::suggest(&all, Industry::Software)
                .unwrap()
                .id
                .as_str(),
            "generic"
        );
        assert!(ProposalTemplate::suggest(&[], Industry::Software).is_none());
    }

    #[test]
    fn deal_variables_are_valid_field_names() {
        for name in DEAL_VARIABLES {
            assert!(crate::domain::field::is_field_name(name), "{name}");
        }
        assert!(is_deal_variable("company") && !is_deal_variable("budget"));
    }
}
