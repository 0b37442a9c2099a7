//! Needs-discovery checklists (需求调研清单): the questions a rep must have answers to before a
//! deal leaves discovery, grouped by the dimensions of a qualification framework (BANT,
//! MEDDPICC, SPIN, GPCTBA/C&I, the toolkit's first-contact questions and decision-chain map).
//!
//! An item names a discovery field, so an answer captured during a call answers the item too.
//! The rules here say how complete a checklist is against the needs-research completeness
//! standard, whether the framework qualifies the deal, and what a trainer must fix in a
//! checklist before reps use it.

mod completeness;
mod validate;
mod verdict;

#[cfg(test)]
pub(crate) mod fixtures;

pub use completeness::{completeness, Completeness, COMPLETENESS_STANDARD};
pub use validate::{validate, ChecklistIssue};
pub use verdict::{
    verdict, Verdict, BANT_DIMENSIONS_TO_QUALIFY, MEDDPICC_ELEMENT_FLOOR,
    MEDDPICC_QUALIFYING_AVERAGE, MEDDPICC_SCORE_MAX, MEDDPICC_SCORE_MIN,
};

use super::field::{Answers, FieldName};
use super::playbook::{Industry, StageKind};
use super::{Id, LocalizedText};
use crate::json::Json;

/// The qualification framework a checklist follows; it decides the item groups and the verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Framework {
    /// Budget, Authority, Need, Timeline.
    Bant,
    /// Metrics, Economic buyer, Decision criteria, Decision process, Paper process, Identify
    /// pain, Champion, Competition.
    Meddpicc,
    /// Situation, Problem, Implication, Need-payoff questions.
    Spin,
    /// Goals, Plans, Challenges, Timeline, Budget, Authority, negative Consequences, positive
    /// Implications.
    Gpctba,
    /// The toolkit's first-contact needs questions (首次客户沟通话术模板: 需求挖掘问题).
    FirstContact,
    /// The toolkit's decision-chain map (决策链) for high-value accounts.
    DecisionChain,
    /// A team's own checklist, and any framework from a newer version.
    #[default]
    #[json(other)]
    Custom,
}

/// BANT's dimensions, in order.
pub const BANT_GROUPS: [&str; 4] = ["budget", "authority", "need", "timeline"];

/// MEDDPICC's elements, in order.
pub const MEDDPICC_GROUPS: [&str; 8] = [
    "metrics",
    "economic_buyer",
    "decision_criteria",
    "decision_process",
    "paper_process",
    "identify_pain",
    "champion",
    "competition",
];

/// SPIN's question types, in order.
pub const SPIN_GROUPS: [&str; 4] = ["situation", "problem", "implication", "need_payoff"];

/// GPCTBA/C&I's dimensions, in order.
pub const GPCTBA_GROUPS: [&str; 8] = [
    "goals",
    "plans",
    "challenges",
    "timeline",
    "budget",
    "authority",
    "consequences",
    "implications",
];

/// The decision-chain roles (决策链: technical, procurement and management), in order.
pub const DECISION_CHAIN_GROUPS: [&str; 3] = ["technical", "procurement", "management"];

impl Framework {
    /// Every framework, in the order a picker lists them.
    pub const ALL: [Framework; 7] = [
        Framework::Bant,
        Framework::Meddpicc,
        Framework::Spin,
        Framework::Gpctba,
        Framework::FirstContact,
        Framework::DecisionChain,
        Framework::Custom,
    ];

    /// The framework's groups in order, or `None` when its items may use any group (the
    /// first-contact questions and custom checklists have no fixed dimensions).
    pub fn groups(self) -> Option<&'static [&'static str]> {
        match self {
            Framework::Bant => Some(&BANT_GROUPS),
            Framework::Meddpicc => Some(&MEDDPICC_GROUPS),
            Framework::Spin => Some(&SPIN_GROUPS),
            Framework::Gpctba => Some(&GPCTBA_GROUPS),
            Framework::DecisionChain => Some(&DECISION_CHAIN_GROUPS),
            Framework::FirstContact | Framework::Custom => None,
        }
    }
}

/// A needs-discovery checklist: the items a rep gets answers to, for a stage and industries.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Checklist {
    pub id: Id,
    #[json(default)]
    pub framework: Framework,
    pub title: LocalizedText,
    #[json(default)]
    pub description: LocalizedText,
    /// The stage the checklist serves; `None` = any stage.
    #[json(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<StageKind>,
    /// The industries the checklist is written for; empty = every industry.
    #[json(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<Industry>,
    #[json(default)]
    pub items: Vec<ChecklistItem>,
}

/// One question of a checklist, answered by the discovery field it names.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct ChecklistItem {
    pub id: Id,
    /// The field whose answer answers this item.
    pub field: FieldName,
    pub question: LocalizedText,
    /// What to listen for, or how to ask without sounding like a form.
    #[json(default)]
    pub hint: LocalizedText,
    /// Counts towards the needs-research completeness standard.
    #[json(default)]
    pub required: bool,
    /// The framework dimension the item belongs to (`budget`, `champion`…); see
    /// [`Framework::groups`].
    #[json(default)]
    pub group: String,
}

impl ChecklistItem {
    /// Whether `answers` hold an answer that says something for this item's field.
    pub fn is_answered(&self, answers: &Answers) -> bool {
        answers.get(&self.field).is_some_and(|a| a.is_answered())
    }
}

impl Checklist {
    /// The item with `id`.
    pub fn item(&self, id: &Id) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// The fields the items capture, in item order.
    pub fn fields(&self) -> impl Iterator<Item = &FieldName> {
        self.items.iter().map(|i| &i.field)
    }

    /// The items `answers` answer, in item order.
    pub fn answered_in(&self, answers: &Answers) -> Vec<&ChecklistItem> {
        self.items
            .iter()
            .filter(|i| i.is_answered(answers))
            .collect()
    }

    /// The items of `group`, in item order.
    pub fn items_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a ChecklistItem> {
        self.items.iter().filter(move |i| i.group == group)
    }

    /// The groups to show, in order: the framework's own that have items, then any other
    /// group in the order its first item comes.
    pub fn groups(&self) -> Vec<&str> {
        let fixed = self.framework.groups().unwrap_or(&[]);
        let mut groups: Vec<&str> = fixed
            .iter()
            .copied()
            .filter(|g| self.items_in(g).next().is_some())
            .collect();
        for item in &self.items {
            if !groups.contains(&item.group.as_str()) {
                groups.push(&item.group);
            }
        }
        groups
    }

    /// Whether a rep working a deal in `industry` gets this checklist.
    pub fn applies_to(&self, industry: Industry) -> bool {
        self.industries.is_empty() || self.industries.contains(&industry)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::domain::field::Answer;

    #[test]
    fn a_checklist_round_trips_through_json() {
        let (mut list, _) = bant();
        list.stage = Some(StageKind::NeedsAnalysis);
        list.industries = vec![Industry::Retail];
        list.items[0].hint = LocalizedText::new("Ask for a range", "问预算区间");
        let json = crate::json::to_string(&list);
        assert!(
            json.contains(r#""framework":"bant""#) && json.contains(r#""stage":"needs_analysis""#)
        );
        assert_eq!(crate::json::from_str::<Checklist>(&json).unwrap(), list);
    }

    #[test]
    fn an_unknown_framework_reads_as_custom() {
        let f: Framework = crate::json::from_str("\"challenger\"").unwrap();
        assert_eq!(f, Framework::Custom);
        assert_eq!(
            crate::json::to_string(&Framework::DecisionChain),
            "\"decision_chain\""
        );
    }

    #[test]
    fn a_checklist_with_only_id_and_title_reads_with_defaults() {
        let json = r#"{"id":"c1","title":{"en":"Intro"},"extra":1,
            "items":[{"id":"i1","field":"pain","question":{"zh":"痛点？"},"later":true}]}"#;
        let list: Checklist = crate::json::from_str(json).unwrap();
        assert_eq!(list.framework, Framework::Custom);
        assert_eq!(list.stage, None);
        assert!(list.industries.is_empty());
        let item = &list.items[0];
        assert!(!item.required && item.group.is_empty() && item.hint.is_empty());
    }

    #[test]
    fn every_framework_but_first_contact_and_custom_has_fixed_groups() {
        for f in Framework::ALL {
            let fixed = !matches!(f, Framework::FirstContact | Framework::Custom);
            assert_eq!(f.groups().is_some(), fixed, "{f:?}");
        }
        assert_eq!(Framework::Meddpicc.groups().map(<[_]>::len), Some(8));
    }

    #[test]
    fn groups_follow_the_framework_order_then_extra_groups_in_item_order() {
        let list = checklist(
            Framework::Bant,
            vec![
                item("t", "decision_date", "timeline", true),
                item("x", "notes", "other", false),
                item("b", "budget_range", "budget", true),
            ],
        );
        assert_eq!(list.groups(), ["budget", "timeline", "other"]);
        assert_eq!(list.items_in("budget").count(), 1);
    }

    #[test]
    fn answered_in_lists_the_items_with_a_real_answer() {
        let (list, _) = bant();
        let answers = answers(&[
            ("budget_range", Answer::Text("50-80k".into())),
            ("decision_maker", Answer::Text(" ".into())),
        ]);
        let ids: Vec<_> = list
            .answered_in(&answers)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["budget-range"]);
        assert_eq!(list.fields().count(), list.items.len());
    }

    #[test]
    fn a_checklist_without_industries_applies_to_every_industry() {
        let mut list = checklist(Framework::Spin, Vec::new());
        assert!(list.applies_to(Industry::Retail));
        list.industries = vec![Industry::Manufacturing];
        assert!(list.applies_to(Industry::Manufacturing));
        assert!(!list.applies_to(Industry::Retail));
    }
}
