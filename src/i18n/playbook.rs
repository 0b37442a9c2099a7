//! Words for the playbook's own things: stages, objection categories, script sections,
//! industries and time standards.

use super::{fill, Texts};
use crate::domain::objection::Category;
use crate::domain::playbook::{Industry, StageKind};
use crate::domain::script::Section;

/// The name of a sales stage.
pub fn stage_name(t: &Texts, stage: StageKind) -> &'static str {
    match stage {
        StageKind::LeadDevelopment | StageKind::Unknown => t.stage_lead_development,
        StageKind::NeedsAnalysis => t.stage_needs_analysis,
        StageKind::QuoteAndContract => t.stage_quote_and_contract,
        StageKind::Delivery => t.stage_delivery,
        StageKind::AccountCare => t.stage_account_care,
        StageKind::Review => t.stage_review,
    }
}

/// The name of an objection category.
pub fn category_name(t: &Texts, category: Category) -> &'static str {
    match category {
        Category::Price => t.category_price,
        Category::Timing => t.category_timing,
        Category::Competitor => t.category_competitor,
        Category::Authority => t.category_authority,
        Category::NoNeed => t.category_no_need,
        Category::Trust => t.category_trust,
        Category::Other => t.category_other,
    }
}

/// The name of a script section.
pub fn section_name(t: &Texts, section: Section) -> &'static str {
    match section {
        Section::Opening => t.section_opening,
        Section::Discovery => t.section_discovery,
        Section::Value => t.section_value,
        Section::Objection => t.section_objection,
        Section::NextStep => t.section_next_step,
        Section::Other => t.section_other,
    }
}

/// The name of an industry.
pub fn industry_name(t: &Texts, industry: Industry) -> &'static str {
    match industry {
        Industry::Manufacturing => t.industry_manufacturing,
        Industry::Retail => t.industry_retail,
        Industry::ProfessionalServices => t.industry_professional_services,
        Industry::Software => t.industry_software,
        Industry::Generic => t.industry_generic,
    }
}

/// A duration standard in hours, in days when it is a whole number of days over two.
pub fn within(t: &Texts, hours: u32) -> String {
    if hours >= 48 && hours.is_multiple_of(24) {
        fill(t.within_days, &[("n", &(hours / 24).to_string())])
    } else {
        fill(t.within_hours, &[("n", &hours.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EN, ZH};
    use super::*;

    #[test]
    fn time_standards_read_in_hours_or_whole_days() {
        assert_eq!(within(&EN, 2), "within 2 h");
        assert_eq!(within(&EN, 24), "within 24 h");
        assert_eq!(within(&EN, 720), "within 30 days");
        assert_eq!(within(&ZH, 36), "36 小时内");
        assert_eq!(within(&ZH, 168), "7 天内");
    }
}
