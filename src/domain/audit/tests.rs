use super::fixtures::{id, playbook, section, stage, text};
use super::*;
use crate::domain::checklist::fixtures::def;
use crate::domain::checklist::ChecklistIssue;
use crate::domain::field::FieldKind;
use crate::domain::lint::LintKind;
use crate::domain::playbook::StageKind;
use crate::domain::script::fixtures::step_mut;
use crate::domain::script::Branch;
use crate::domain::template::TemplateError;

fn script_at(step: Option<&str>, branch: Option<usize>) -> Place {
    Place::Script {
        id: id("first-contact"),
        step: step.map(id),
        branch,
    }
}

fn field_at(name: &str) -> Place {
    Place::Field { name: name.into() }
}

/// The findings as (place, kind), to compare in one line.
fn found(playbook: &Playbook) -> Vec<(Place, FindingKind)> {
    audit(playbook)
        .into_iter()
        .map(|f| (f.place, f.kind))
        .collect()
}

fn severities(playbook: &Playbook) -> Vec<Severity> {
    audit(playbook).into_iter().map(|f| f.severity).collect()
}

#[test]
fn the_sample_playbook_has_no_findings() {
    assert_eq!(found(&playbook()), []);
}

#[test]
fn a_dead_end_in_a_script_is_an_error_at_its_step() {
    let mut p = playbook();
    step_mut(&mut p.scripts[0], "nurture").end = false;
    assert_eq!(
        found(&p),
        [(
            script_at(Some("nurture"), None),
            FindingKind::Script(LintKind::DeadEnd)
        )]
    );
    assert_eq!(severities(&p), [Severity::Error]);
}

#[test]
fn a_branch_to_nothing_keeps_its_branch_and_a_missing_translation_is_a_warning() {
    let mut p = playbook();
    let step = step_mut(&mut p.scripts[0], "next-step");
    step.branches.push(Branch {
        label: text("Later", ""),
        to: id("nowhere"),
    });
    let at = script_at(Some("next-step"), Some(0));
    let locale = Locale::ZhCn;
    assert_eq!(
        found(&p),
        [
            (
                at.clone(),
                FindingKind::Script(LintKind::MissingText { locale })
            ),
            (
                at,
                FindingKind::Script(LintKind::BranchToNothing { to: id("nowhere") })
            ),
        ]
    );
    assert_eq!(severities(&p), [Severity::Warning, Severity::Error]);
}

#[test]
fn an_ask_into_a_field_no_definition_has_is_the_lints_unknown_field() {
    let mut p = playbook();
    p.fields.retain(|f| f.name != "peak_season");
    let field = "peak_season".to_owned();
    assert_eq!(
        found(&p),
        [(
            script_at(Some("ask-season"), None),
            FindingKind::Script(LintKind::UnknownField { field })
        )]
    );
}

#[test]
fn checklist_issues_sit_on_their_item_or_on_the_checklist() {
    let mut p = playbook();
    let list = &mut p.checklists[0];
    list.items[0].question = text("", "");
    list.items.retain(|i| i.group != "authority");
    p.fields
        .retain(|f| f.name != "decision_maker" && f.name != "approval_path");
    let on = |item: Option<&str>| Place::Checklist {
        id: id("list"),
        item: item.map(id),
    };
    let item = id("budget-range");
    assert_eq!(
        found(&p),
        [
            (
                on(None),
                FindingKind::Checklist(ChecklistIssue::MissingGroup { group: "authority" })
            ),
            (
                on(Some("budget-range")),
                FindingKind::Checklist(ChecklistIssue::BlankQuestion { item })
            ),
        ]
    );
}

#[test]
fn a_template_syntax_error_names_section_language_and_position() {
    let mut p = playbook();
    p.templates[0].sections[0].body.zh = "您好\n{{#if need}}需求".into();
    let position = Position::new(2, 1);
    assert_eq!(
        found(&p),
        [(
            Place::Template {
                id: id("tpl-basic"),
                section: Some(id("intro")),
                locale: Some(Locale::ZhCn),
                position: Some(position),
            },
            FindingKind::Template(TemplateError::UnclosedSection {
                kind: crate::domain::template::SectionKind::If,
                position
            })
        )]
    );
}

#[test]
fn a_template_variable_is_known_as_a_field_or_a_deal_variable_and_else_an_error() {
    let mut p = playbook();
    p.templates[0].sections[0].body.en = "{{company}} {{budget_range}} {{budjet}}".into();
    let position = Position::new(1, 30);
    let name = "budjet".to_owned();
    assert_eq!(
        found(&p),
        [(
            Place::Template {
                id: id("tpl-basic"),
                section: Some(id("intro")),
                locale: Some(Locale::En),
                position: Some(position),
            },
            FindingKind::Template(TemplateError::UnknownVariable { name, position })
        )]
    );
    assert_eq!(severities(&p), [Severity::Error]);
}

#[test]
fn a_section_shown_on_an_unknown_condition_is_an_error_and_a_known_one_uses_the_field() {
    let mut p = playbook();
    let mut extra = section("scope", "Scope", "范围");
    extra.show_if = Some("scope_notes".into());
    p.templates[0].sections.push(extra);
    let at = Place::Template {
        id: id("tpl-basic"),
        section: Some(id("scope")),
        locale: None,
        position: None,
    };
    let name = "scope_notes".to_owned();
    assert_eq!(
        found(&p),
        [(at, FindingKind::UnknownSectionCondition { name })]
    );
    p.fields.push(def("scope_notes", FieldKind::Text));
    assert_eq!(found(&p), []);
}

#[test]
fn a_second_entity_with_the_same_id_is_a_duplicate_in_every_part() {
    let mut p = playbook();
    p.stages.push(p.stages[0].clone());
    p.scripts.push(p.scripts[0].clone());
    p.checklists.push(p.checklists[0].clone());
    p.objections.push(p.objections[0].clone());
    p.templates.push(p.templates[0].clone());
    p.fields.push(p.fields[0].clone());
    let duplicates: Vec<_> = audit(&p)
        .into_iter()
        .map(|f| match f.kind {
            FindingKind::DuplicateId { part } if f.place.part() == part => part,
            other => panic!("{other:?} at {:?}", f.place),
        })
        .collect();
    assert_eq!(
        duplicates,
        [
            Part::Stage,
            Part::Script,
            Part::Checklist,
            Part::Objection,
            Part::Template,
            Part::Field
        ]
    );
    assert!(severities(&p).iter().all(|&s| s == Severity::Error));
}

#[test]
fn a_second_section_with_the_same_id_is_a_duplicate() {
    let mut p = playbook();
    let again = p.templates[0].sections[0].clone();
    p.templates[0].sections.push(again);
    let at = Place::Template {
        id: id("tpl-basic"),
        section: Some(id("intro")),
        locale: None,
        position: None,
    };
    assert_eq!(found(&p), [(at, FindingKind::DuplicateSection)]);
}

#[test]
fn a_field_nothing_uses_is_a_warning_and_a_template_use_counts() {
    let mut p = playbook();
    p.fields.push(def("competitor", FieldKind::Text));
    let name = "competitor".to_owned();
    assert_eq!(
        found(&p),
        [(field_at("competitor"), FindingKind::UnusedField { name })]
    );
    assert_eq!(severities(&p), [Severity::Warning]);
    p.templates[0].sections[0].body.zh += "{{competitor}}";
    assert_eq!(found(&p), []);
}

#[test]
fn an_invalid_or_deal_variable_field_name_is_reported_once() {
    let mut p = playbook();
    p.fields.push(def("Budget Range", FieldKind::Text));
    p.fields.push(def("company", FieldKind::Text));
    p.templates[0].sections[0].body.en += "{{company}}";
    assert_eq!(
        found(&p),
        [
            (field_at("Budget Range"), FindingKind::InvalidFieldName),
            (field_at("company"), FindingKind::FieldShadowsDealVariable),
        ]
    );
    assert_eq!(severities(&p), [Severity::Error, Severity::Warning]);
}

#[test]
fn a_stage_no_script_serves_is_a_warning() {
    let mut p = playbook();
    p.stages.push(stage(
        "stage-review",
        StageKind::Review,
        "Review",
        "持续改进",
    ));
    let at = Place::Stage {
        id: id("stage-review"),
    };
    assert_eq!(found(&p), [(at, FindingKind::StageMissingContent)]);
    assert_eq!(severities(&p), [Severity::Warning]);
}

#[test]
fn a_script_or_checklist_under_a_stage_the_playbook_lacks_is_a_warning() {
    let mut p = playbook();
    p.scripts[0].stage = StageKind::Unknown;
    p.checklists[0].stage = Some(StageKind::Delivery);
    assert_eq!(
        found(&p),
        [
            (
                Place::Stage {
                    id: id("stage-leads")
                },
                FindingKind::StageMissingContent
            ),
            (
                script_at(None, None),
                FindingKind::NoSuchStage {
                    stage: StageKind::Unknown
                }
            ),
            (
                Place::Checklist {
                    id: id("list"),
                    item: None
                },
                FindingKind::NoSuchStage {
                    stage: StageKind::Delivery
                }
            ),
        ]
    );
}

#[test]
fn a_blank_objection_is_an_error_and_one_without_responses_a_warning() {
    let mut p = playbook();
    p.objections[0].objection = text(" ", "");
    p.objections[0].responses = vec![text("", "")];
    let at = Place::Objection {
        id: id("too-expensive"),
    };
    assert_eq!(
        found(&p),
        [
            (at.clone(), FindingKind::BlankObjection),
            (at, FindingKind::NoResponses)
        ]
    );
    assert_eq!(severities(&p), [Severity::Error, Severity::Warning]);
}

#[test]
fn findings_come_in_playbook_order_with_steps_in_step_order() {
    let mut p = playbook();
    p.fields.push(def("competitor", FieldKind::Text));
    p.templates[0].sections[0].body.en = "{{zz}}".into();
    p.objections[0].responses.clear();
    p.checklists[0].items[7].group = "timing".into();
    // `value` sorts after `nurture` by id, but comes first in the script.
    step_mut(&mut p.scripts[0], "nurture").end = false;
    step_mut(&mut p.scripts[0], "value").text.en.clear();
    p.stages
        .push(stage("stage-a", StageKind::Review, "A", "甲"));
    let parts: Vec<(Part, String)> = audit(&p)
        .into_iter()
        .map(|f| (f.place.part(), f.place.key().to_owned()))
        .collect();
    let expected = [
        (Part::Stage, "stage-a"),
        (Part::Script, "first-contact"),
        (Part::Script, "first-contact"),
        (Part::Checklist, "list"),
        (Part::Objection, "too-expensive"),
        (Part::Template, "tpl-basic"),
        (Part::Field, "competitor"),
    ];
    let expected: Vec<_> = expected.iter().map(|(p, k)| (*p, k.to_string())).collect();
    assert_eq!(parts, expected);
    let steps: Vec<_> = audit(&p)
        .into_iter()
        .filter_map(|f| match f.place {
            Place::Script { step, .. } => step.map(String::from),
            _ => None,
        })
        .collect();
    assert_eq!(steps, ["value", "nurture"]);
    assert_eq!(audit(&p), audit(&p));
}

#[test]
fn a_duplicate_step_sorts_at_its_own_position() {
    let mut p = playbook();
    let mut again = p.scripts[0].steps[0].clone();
    again.next = None;
    p.scripts[0].steps.push(again);
    step_mut(&mut p.scripts[0], "listen").text.zh.clear();
    let kinds: Vec<_> = audit(&p).into_iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::Script(LintKind::MissingText {
                locale: Locale::ZhCn
            }),
            FindingKind::Script(LintKind::DuplicateStep),
        ]
    );
}

#[test]
fn audit_entity_keeps_only_the_findings_of_that_entity() {
    let mut p = playbook();
    p.fields.push(def("competitor", FieldKind::Text));
    step_mut(&mut p.scripts[0], "nurture").end = false;
    let script = audit_entity(&p, Part::Script, "first-contact");
    assert_eq!(script.len(), 1);
    assert_eq!(script[0].kind, FindingKind::Script(LintKind::DeadEnd));
    let field = audit_entity(&p, Part::Field, "competitor");
    assert_eq!(field.len(), 1);
    assert!(audit_entity(&p, Part::Checklist, "first-contact").is_empty());
    assert!(audit_entity(&p, Part::Template, "tpl-basic").is_empty());
}
