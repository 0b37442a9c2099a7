//! Checks a trainer runs on a checklist before reps use it: items that clash, fields the
//! playbook does not define, items outside the framework's dimensions, dimensions with no
//! item, MEDDPICC elements nothing scores.
//!
//! Issues are typed; the UI words them in both languages. `Display` gives the English wording,
//! naming the item ("item `budget-range`: `budget range` is not a valid field name").

use super::{Checklist, Framework, MEDDPICC_SCORE_MAX, MEDDPICC_SCORE_MIN};
use crate::domain::field::{is_field_name, FieldDef, FieldKind, FieldName};
use crate::domain::Id;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// One problem with a checklist, naming the item (or group) it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistIssue {
    /// Reps would see a checklist with no name.
    #[error("the checklist has no title in either language")]
    BlankTitle,
    /// An earlier item has the same id; the UI could not tell the two apart.
    #[error("item `{item}`: an item before it has the same id")]
    DuplicateItem { item: Id },
    /// Two items capture the same field: answering one answers both, and completeness counts
    /// the one answer twice.
    #[error("item `{item}`: `{field}` is already asked by item `{first}`")]
    DuplicateField {
        item: Id,
        field: FieldName,
        first: Id,
    },
    /// Not a valid field name (see `field::is_field_name`).
    #[error("item `{item}`: `{field}` is not a valid field name")]
    InvalidField { item: Id, field: String },
    /// A valid name the playbook does not define, so no script or proposal shares its answer.
    #[error("item `{item}`: `{field}` is not a field the playbook defines")]
    UnknownField { item: Id, field: FieldName },
    /// The item's group is not one of the framework's dimensions (a typo, or a blank group).
    #[error("item `{item}`: `{group}` is not one of the framework's groups")]
    UnknownGroup { item: Id, group: String },
    /// A question with no text in either language.
    #[error("item `{item}`: the question is blank in both languages")]
    BlankQuestion { item: Id },
    /// A MEDDPICC score field on another scale than 1–10: the verdict ignores its scores.
    #[error("item `{item}`: scores {min}–{max}, but MEDDPICC elements are scored 1–10")]
    ScoreScale { item: Id, min: u8, max: u8 },
    /// A framework dimension no item covers: BANT can never meet it, MEDDPICC never scores.
    #[error("no item covers `{group}`")]
    MissingGroup { group: &'static str },
    /// A MEDDPICC element with items, none of which captures a score.
    #[error("no item scores the MEDDPICC element `{group}`")]
    MissingScore { group: &'static str },
}

impl ChecklistIssue {
    /// The item the issue is about; `None` for the checklist or a whole group.
    pub fn item(&self) -> Option<&Id> {
        match self {
            ChecklistIssue::DuplicateItem { item }
            | ChecklistIssue::DuplicateField { item, .. }
            | ChecklistIssue::InvalidField { item, .. }
            | ChecklistIssue::UnknownField { item, .. }
            | ChecklistIssue::UnknownGroup { item, .. }
            | ChecklistIssue::BlankQuestion { item }
            | ChecklistIssue::ScoreScale { item, .. } => Some(item),
            ChecklistIssue::BlankTitle
            | ChecklistIssue::MissingGroup { .. }
            | ChecklistIssue::MissingScore { .. } => None,
        }
    }
}

/// Checks `checklist` against the playbook's `fields`. Issues come in order: the checklist's
/// own, then each item's in item order, then each framework group's in framework order.
pub fn validate(checklist: &Checklist, fields: &[FieldDef]) -> Vec<ChecklistIssue> {
    let kind_of = |name: &str| fields.iter().find(|f| f.name == name).map(|f| &f.kind);
    let is_meddpicc = checklist.framework == Framework::Meddpicc;
    let groups = checklist.framework.groups();
    let mut issues = Vec::new();
    if checklist.title.is_empty() {
        issues.push(ChecklistIssue::BlankTitle);
    }
    let mut ids = BTreeSet::new();
    let mut first_asking: BTreeMap<&str, &Id> = BTreeMap::new();
    for item in &checklist.items {
        let at = || item.id.clone();
        if !ids.insert(&item.id) {
            issues.push(ChecklistIssue::DuplicateItem { item: at() });
        }
        if item.question.is_empty() {
            issues.push(ChecklistIssue::BlankQuestion { item: at() });
        }
        let field = item.field.clone();
        if !is_field_name(&item.field) {
            issues.push(ChecklistIssue::InvalidField { item: at(), field });
        } else if kind_of(&item.field).is_none() {
            issues.push(ChecklistIssue::UnknownField { item: at(), field });
        }
        match first_asking.entry(&item.field) {
            Entry::Vacant(slot) => {
                slot.insert(&item.id);
            }
            Entry::Occupied(first) => issues.push(ChecklistIssue::DuplicateField {
                item: at(),
                field: item.field.clone(),
                first: (*first.get()).clone(),
            }),
        }
        if groups.is_some_and(|g| !g.contains(&item.group.as_str())) {
            let group = item.group.clone();
            issues.push(ChecklistIssue::UnknownGroup { item: at(), group });
        }
        if let (true, Some(&FieldKind::Score { min, max })) = (is_meddpicc, kind_of(&item.field)) {
            if (min, max) != (MEDDPICC_SCORE_MIN, MEDDPICC_SCORE_MAX) {
                issues.push(ChecklistIssue::ScoreScale {
                    item: at(),
                    min,
                    max,
                });
            }
        }
    }
    for &group in groups.unwrap_or(&[]) {
        let mut items = checklist.items_in(group).peekable();
        if items.peek().is_none() {
            issues.push(ChecklistIssue::MissingGroup { group });
        } else if is_meddpicc
            && !items.any(|i| matches!(kind_of(&i.field), Some(FieldKind::Score { .. })))
        {
            issues.push(ChecklistIssue::MissingScore { group });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::domain::LocalizedText;

    fn bant_issues(edit: impl FnOnce(&mut Checklist)) -> Vec<ChecklistIssue> {
        let (mut list, fields) = bant();
        edit(&mut list);
        validate(&list, &fields)
    }

    #[test]
    fn the_fixtures_have_no_issues() {
        let (list, fields) = bant();
        assert_eq!(validate(&list, &fields), []);
        let (list, fields) = meddpicc();
        assert_eq!(validate(&list, &fields), []);
    }

    #[test]
    fn a_blank_title_is_reported() {
        let issues = bant_issues(|l| l.title = LocalizedText::new(" ", ""));
        assert_eq!(issues, [ChecklistIssue::BlankTitle]);
    }

    #[test]
    fn a_duplicate_item_id_is_reported_on_the_second_item() {
        let issues = bant_issues(|l| l.items[1].id = id("budget-range"));
        assert_eq!(
            issues,
            [ChecklistIssue::DuplicateItem {
                item: id("budget-range")
            }]
        );
    }

    #[test]
    fn two_items_capturing_one_field_are_reported() {
        let issues = bant_issues(|l| l.items[3].field = "decision_maker".into());
        assert_eq!(
            issues,
            [ChecklistIssue::DuplicateField {
                item: id("approval-path"),
                field: "decision_maker".into(),
                first: id("decision-maker"),
            }]
        );
    }

    #[test]
    fn an_invalid_field_name_is_reported_once_not_also_as_unknown() {
        let issues = bant_issues(|l| l.items[0].field = "Budget Range".into());
        assert_eq!(
            issues,
            [ChecklistIssue::InvalidField {
                item: id("budget-range"),
                field: "Budget Range".into(),
            }]
        );
    }

    #[test]
    fn a_field_the_playbook_does_not_define_is_reported() {
        let issues = bant_issues(|l| l.items[0].field = "budget_rnage".into());
        assert_eq!(
            issues,
            [ChecklistIssue::UnknownField {
                item: id("budget-range"),
                field: "budget_rnage".into(),
            }]
        );
    }

    #[test]
    fn a_group_outside_the_framework_is_reported_except_for_custom() {
        let issues = bant_issues(|l| l.items[7].group = "timing".into());
        assert_eq!(
            issues,
            [ChecklistIssue::UnknownGroup {
                item: id("compelling-event"),
                group: "timing".into(),
            }]
        );
        let issues = bant_issues(|l| {
            l.framework = Framework::Custom;
            l.items[7].group = "timing".into();
        });
        assert_eq!(issues, []);
    }

    #[test]
    fn a_question_blank_in_both_languages_is_reported() {
        let issues = bant_issues(|l| l.items[4].question = LocalizedText::new("", " "));
        assert_eq!(issues, [ChecklistIssue::BlankQuestion { item: id("pain") }]);
        assert!(bant_issues(|l| l.items[4].question.en.clear()).is_empty());
    }

    #[test]
    fn a_framework_dimension_without_items_is_reported() {
        let issues = bant_issues(|l| l.items.retain(|i| i.group != "authority"));
        assert_eq!(
            issues,
            [ChecklistIssue::MissingGroup { group: "authority" }]
        );
    }

    #[test]
    fn a_meddpicc_element_without_a_score_field_is_reported() {
        let (mut list, mut fields) = meddpicc();
        fields.retain(|f| f.name != "score_metrics");
        fields.push(def("score_metrics", FieldKind::Text));
        assert_eq!(
            validate(&list, &fields),
            [ChecklistIssue::MissingScore { group: "metrics" }]
        );
        list.items.retain(|i| i.group != "champion");
        let issues = validate(&list, &fields);
        assert!(issues.contains(&ChecklistIssue::MissingGroup { group: "champion" }));
    }

    #[test]
    fn a_meddpicc_score_on_another_scale_is_reported() {
        let (list, mut fields) = meddpicc();
        fields[0].kind = FieldKind::Score { min: 0, max: 5 };
        let issues = validate(&list, &fields);
        assert_eq!(
            issues,
            [ChecklistIssue::ScoreScale {
                item: id("score-metrics"),
                min: 0,
                max: 5,
            }]
        );
        assert_eq!(issues[0].item(), Some(&id("score-metrics")));
    }

    #[test]
    fn issues_read_in_english_naming_the_item() {
        let issue = ChecklistIssue::UnknownField {
            item: id("budget-range"),
            field: "budget_rnage".into(),
        };
        assert_eq!(
            issue.to_string(),
            "item `budget-range`: `budget_rnage` is not a field the playbook defines"
        );
    }
}
