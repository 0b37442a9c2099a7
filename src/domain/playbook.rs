//! The playbook's content model: stages, industries, scripts, checklists and proposal
//! templates. The playbook issue fills these out (branching, lint, template language); the
//! foundation fixes their identity and how they are stored.

use super::checklist::Checklist;
use super::field::FieldDef;
use super::objection::Objection;
use super::proposal::ProposalTemplate;
use super::script::Script;
use super::{Id, LocalizedText};
use crate::json::Json;

/// The six stages of the sales process (销售流程), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum StageKind {
    /// 客户开发与线索管理
    LeadDevelopment,
    /// 需求分析与方案定制
    NeedsAnalysis,
    /// 报价与合同管理
    QuoteAndContract,
    /// 销售执行与交付
    Delivery,
    /// 售后服务与客户维护
    AccountCare,
    /// 持续改进 (runs across all stages)
    Review,
    #[json(other)]
    Unknown,
}

impl StageKind {
    /// The stages in process order.
    pub const ALL: [StageKind; 6] = [
        StageKind::LeadDevelopment,
        StageKind::NeedsAnalysis,
        StageKind::QuoteAndContract,
        StageKind::Delivery,
        StageKind::AccountCare,
        StageKind::Review,
    ];
}

/// Industries that get their own script wording and proposal template.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Industry {
    /// 制造业 / industrial equipment
    Manufacturing,
    /// 零售业 and chains
    Retail,
    /// 服务业: professional services
    ProfessionalServices,
    /// Software / SaaS
    Software,
    /// Fits any industry.
    #[default]
    #[json(other)]
    Generic,
}

impl Industry {
    pub const ALL: [Industry; 5] = [
        Industry::Manufacturing,
        Industry::Retail,
        Industry::ProfessionalServices,
        Industry::Software,
        Industry::Generic,
    ];

    /// The stored code (`manufacturing`, …), also used as a form value.
    pub fn code(self) -> &'static str {
        match self {
            Industry::Manufacturing => "manufacturing",
            Industry::Retail => "retail",
            Industry::ProfessionalServices => "professional_services",
            Industry::Software => "software",
            Industry::Generic => "generic",
        }
    }

    /// The industry of a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.code() == code)
    }
}

/// One stage of the process with its standards.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Stage {
    pub id: Id,
    pub kind: StageKind,
    pub name: LocalizedText,
    /// What the stage is for, in one sentence.
    #[json(default)]
    pub goal: LocalizedText,
    /// The standard actions, in order.
    #[json(default)]
    pub actions: Vec<LocalizedText>,
    /// What must be true before the deal moves on.
    #[json(default)]
    pub exit_criteria: Vec<LocalizedText>,
    /// Time standards, e.g. first follow-up within 24 hours of assignment.
    #[json(default)]
    pub time_standards: Vec<TimeStandard>,
    /// Longer guidance for new hires, in Markdown.
    #[json(default)]
    pub guide: LocalizedText,
}

/// A time standard of a stage: `what` must happen within `hours` of its trigger.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct TimeStandard {
    pub what: LocalizedText,
    pub hours: u32,
}

/// The whole playbook a team follows: the content a rep uses and a trainer maintains.
#[derive(Clone, Debug, Default, PartialEq, Json)]
pub struct Playbook {
    #[json(default)]
    pub stages: Vec<Stage>,
    #[json(default)]
    pub scripts: Vec<Script>,
    #[json(default)]
    pub checklists: Vec<Checklist>,
    #[json(default)]
    pub objections: Vec<Objection>,
    #[json(default)]
    pub templates: Vec<ProposalTemplate>,
    /// The named discovery fields scripts and checklists capture.
    #[json(default)]
    pub fields: Vec<FieldDef>,
}

impl Playbook {
    /// The stage with `id`.
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The script with `id`.
    pub fn script(&self, id: &Id) -> Option<&Script> {
        self.scripts.iter().find(|s| &s.id == id)
    }

    /// The checklist with `id`.
    pub fn checklist(&self, id: &Id) -> Option<&Checklist> {
        self.checklists.iter().find(|c| &c.id == id)
    }

    /// The label of a named field in `locale`, or the name itself when it is not defined.
    pub fn field_label(&self, name: &str, locale: super::Locale) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.label.get(locale).to_owned())
            .unwrap_or_else(|| name.to_owned())
    }

    /// The scripts that serve a stage, in playbook order.
    pub fn scripts_for(&self, stage: StageKind) -> impl Iterator<Item = &Script> {
        self.scripts.iter().filter(move |s| s.stage == stage)
    }

    /// The stage of `kind`, if the playbook has one.
    pub fn stage_of(&self, kind: StageKind) -> Option<&Stage> {
        self.stages.iter().find(|s| s.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_the_six_of_the_sales_process_in_order() {
        assert_eq!(StageKind::ALL.len(), 6);
        assert!(StageKind::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_industry_from_a_future_version_reads_as_generic() {
        let i: Industry = crate::json::from_str("\"aerospace\"").unwrap();
        assert_eq!(i, Industry::Generic);
        let s: StageKind = crate::json::from_str("\"renewal\"").unwrap();
        assert_eq!(s, StageKind::Unknown);
    }

    #[test]
    fn industry_codes_match_the_stored_form() {
        for i in Industry::ALL {
            assert_eq!(crate::json::to_string(&i), format!("\"{}\"", i.code()));
            assert_eq!(Industry::from_code(i.code()), Some(i));
        }
        assert_eq!(Industry::from_code("Retail"), None);
    }

    #[test]
    fn a_playbook_with_missing_parts_reads_as_empty_parts() {
        let p: Playbook = crate::json::from_str("{}").unwrap();
        assert!(p.stages.is_empty() && p.objections.is_empty() && p.templates.is_empty());
    }
}
