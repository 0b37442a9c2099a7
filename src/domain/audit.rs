//! The playbook audit: every problem of the whole playbook in one list, so a trainer sees what
//! to fix before reps use it. It gathers the script lint, the checklist checks and the template
//! language's errors, and adds what only shows across parts: ids used twice, fields nothing
//! uses, stages no script serves, content filed under a stage the playbook lacks, sections
//! shown on a condition nothing provides.
//!
//! Findings are typed, each with the place it is about; `crate::i18n::audit` words them in
//! both languages.

use super::checklist::{validate, ChecklistIssue};
use super::field::{is_field_name, FieldName};
use super::lint::{lint_script, LintKind};
use super::playbook::{Playbook, StageKind};
use super::proposal::is_deal_variable;
use super::template::{parse, Position, TemplateError};
use super::{Id, Locale};
use std::collections::BTreeSet;

/// The parts of a playbook, in the order the audit lists them.
pub use super::overlay::Part;

/// Where a finding is: an entity of the playbook, or a place inside one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Stage {
        id: Id,
    },
    /// A script, one of its steps, or one branch of that step (`branch` counts from 0).
    Script {
        id: Id,
        step: Option<Id>,
        branch: Option<usize>,
    },
    /// A checklist or one of its items.
    Checklist {
        id: Id,
        item: Option<Id>,
    },
    Objection {
        id: Id,
    },
    /// A template, one of its sections, or a tag in the section's body in one language.
    Template {
        id: Id,
        section: Option<Id>,
        locale: Option<Locale>,
        position: Option<Position>,
    },
    Field {
        name: FieldName,
    },
}

impl Place {
    /// The part of the playbook the place is in.
    pub fn part(&self) -> Part {
        match self {
            Place::Stage { .. } => Part::Stage,
            Place::Script { .. } => Part::Script,
            Place::Checklist { .. } => Part::Checklist,
            Place::Objection { .. } => Part::Objection,
            Place::Template { .. } => Part::Template,
            Place::Field { .. } => Part::Field,
        }
    }

    /// The id of the stage, script, checklist, objection or template the place is in, or the
    /// field's name.
    pub fn key(&self) -> &str {
        match self {
            Place::Stage { id }
            | Place::Script { id, .. }
            | Place::Checklist { id, .. }
            | Place::Objection { id }
            | Place::Template { id, .. } => id.as_str(),
            Place::Field { name } => name,
        }
    }
}

/// How much a finding matters. Errors break something a rep or a customer would see; warnings
/// are loose ends worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// From the script lint (an `Ask` into a field no `FieldDef` defines is its `UnknownField`).
    Script(LintKind),
    /// From the checklist checks.
    Checklist(ChecklistIssue),
    /// A template syntax error, or a variable that is neither a field nor a deal variable.
    Template(TemplateError),
    /// An earlier stage, script, checklist, objection or template has the same id (or an
    /// earlier field the same name): lookups by id only ever find the first.
    DuplicateId { part: Part },
    /// An earlier section of the same template has the same id.
    DuplicateSection,
    /// A section's `show_if` names neither a field nor a deal variable, so it never shows.
    UnknownSectionCondition { name: String },
    /// A field definition whose name is not a valid field name: nothing can use it.
    InvalidFieldName,
    /// A field with the name of a deal variable: a template using the name is ambiguous.
    FieldShadowsDealVariable,
    /// A field no script, checklist or template uses.
    UnusedField { name: FieldName },
    /// A stage no script serves.
    StageMissingContent,
    /// A script or checklist filed under a stage the playbook does not have, so no stage page
    /// lists it.
    NoSuchStage { stage: StageKind },
    /// An objection with no text in either language.
    BlankObjection,
    /// An objection with no response to give.
    NoResponses,
}

impl FindingKind {
    /// Dead ends, broken links, syntax errors, unknown names and duplicate ids are errors;
    /// missing translations (the other language shows instead) and loose ends are warnings.
    pub fn severity(&self) -> Severity {
        match self {
            FindingKind::Script(LintKind::MissingText { .. })
            | FindingKind::FieldShadowsDealVariable
            | FindingKind::UnusedField { .. }
            | FindingKind::StageMissingContent
            | FindingKind::NoSuchStage { .. }
            | FindingKind::NoResponses => Severity::Warning,
            FindingKind::Script(_)
            | FindingKind::Checklist(_)
            | FindingKind::Template(_)
            | FindingKind::DuplicateId { .. }
            | FindingKind::DuplicateSection
            | FindingKind::UnknownSectionCondition { .. }
            | FindingKind::InvalidFieldName
            | FindingKind::BlankObjection => Severity::Error,
        }
    }
}

/// One problem of the playbook and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    pub kind: FindingKind,
    pub severity: Severity,
}

impl Finding {
    /// A finding with the severity of its kind.
    pub fn new(place: Place, kind: FindingKind) -> Self {
        let severity = kind.severity();
        Finding {
            place,
            kind,
            severity,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Audits the whole playbook. Findings come in playbook order: by part (stages, scripts,
/// checklists, objections, templates, fields), then the entity's position in its part, then
/// the step, item or section, branch, language and line; findings at one place keep the order
/// their check gives. Template variables are known when a field defines them or the deal
/// record fills them.
pub fn audit(playbook: &Playbook) -> Vec<Finding> {
    let mut out = Findings::default();
    let defined: BTreeSet<&str> = playbook.fields.iter().map(|f| f.name.as_str()).collect();
    let mut used = BTreeSet::new();
    stages(playbook, &mut out);
    scripts(playbook, &defined, &mut used, &mut out);
    checklists(playbook, &mut used, &mut out);
    objections(playbook, &mut out);
    templates(playbook, &defined, &mut used, &mut out);
    fields(playbook, &used, &mut out);
    out.sorted()
}

/// The findings about one entity: the stage, script, checklist, objection or template with id
/// `key`, or the field named `key`, for the live lint while a trainer edits it. Cheap enough
/// to run on each edit (the default playbook audits in about a millisecond natively).
pub fn audit_entity(playbook: &Playbook, part: Part, key: &str) -> Vec<Finding> {
    audit(playbook)
        .into_iter()
        .filter(|f| f.place.part() == part && f.place.key() == key)
        .collect()
}

/// Where a finding sorts: positions, not ids, so steps come in step order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    part: Part,
    entity: usize,
    /// 0 for the entity itself, else 1 + the index of the step, item or section.
    sub: usize,
    branch: Option<usize>,
    /// 0 for no language, else 1 + the index in `Locale::ALL`.
    locale: usize,
    position: Option<Position>,
}

impl Key {
    fn new(part: Part, entity: usize) -> Self {
        Key {
            part,
            entity,
            sub: 0,
            branch: None,
            locale: 0,
            position: None,
        }
    }

    fn sub(self, index: usize) -> Self {
        Key {
            sub: index + 1,
            ..self
        }
    }
}

#[derive(Default)]
struct Findings(Vec<(Key, Finding)>);

impl Findings {
    fn push(&mut self, key: Key, place: Place, kind: FindingKind) {
        self.0.push((key, Finding::new(place, kind)));
    }

    fn sorted(mut self) -> Vec<Finding> {
        // Stable: findings at one place keep the order their check reported them in.
        super::sort_small_by(&mut self.0, |a, b| a.0.cmp(&b.0));
        self.0.into_iter().map(|(_, f)| f).collect()
    }
}

/// For each id in order, whether it is the first with that id.
fn first_of_each<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut seen = BTreeSet::new();
    ids.map(|id| seen.insert(id)).collect()
}

/// The index of the first of `ids` at or after `from` equal to `id` (else `from`). The script
/// lint and the checklist checks report in step or item order, so walking forward finds the
/// right one of two steps sharing an id.
fn index_from<'a>(ids: impl Iterator<Item = &'a Id>, from: usize, id: &Id) -> usize {
    ids.skip(from)
        .position(|i| i == id)
        .map_or(from, |p| from + p)
}

fn stages(playbook: &Playbook, out: &mut Findings) {
    let firsts = first_of_each(playbook.stages.iter().map(|s| s.id.as_str()));
    for (i, stage) in playbook.stages.iter().enumerate() {
        let place = || Place::Stage {
            id: stage.id.clone(),
        };
        let key = Key::new(Part::Stage, i);
        if !firsts[i] {
            let part = Part::Stage;
            out.push(key, place(), FindingKind::DuplicateId { part });
        } else if playbook.scripts_for(stage.kind).next().is_none() {
            out.push(key, place(), FindingKind::StageMissingContent);
        }
    }
}

fn scripts<'p>(
    playbook: &'p Playbook,
    defined: &BTreeSet<&str>,
    used: &mut BTreeSet<&'p str>,
    out: &mut Findings,
) {
    let firsts = first_of_each(playbook.scripts.iter().map(|s| s.id.as_str()));
    let known = |name: &str| defined.contains(name);
    for (i, script) in playbook.scripts.iter().enumerate() {
        used.extend(script.steps.iter().filter_map(|s| s.kind.field()));
        let key = Key::new(Part::Script, i);
        let place = |step: Option<Id>, branch: Option<usize>| Place::Script {
            id: script.id.clone(),
            step,
            branch,
        };
        if !firsts[i] {
            // Never found by its id: its own problems would only be noise.
            let part = Part::Script;
            out.push(key, place(None, None), FindingKind::DuplicateId { part });
            continue;
        }
        if playbook.stage_of(script.stage).is_none() {
            let stage = script.stage;
            out.push(key, place(None, None), FindingKind::NoSuchStage { stage });
        }
        let mut at = 0;
        for lint in lint_script(script, &known) {
            let key = match &lint.step {
                Some(step) => {
                    at = index_from(script.steps.iter().map(|s| &s.id), at, step);
                    Key {
                        branch: lint.branch,
                        ..key.sub(at)
                    }
                }
                None => key,
            };
            let place = place(lint.step, lint.branch);
            out.push(key, place, FindingKind::Script(lint.kind));
        }
    }
}

fn checklists<'p>(playbook: &'p Playbook, used: &mut BTreeSet<&'p str>, out: &mut Findings) {
    let firsts = first_of_each(playbook.checklists.iter().map(|c| c.id.as_str()));
    for (i, list) in playbook.checklists.iter().enumerate() {
        used.extend(list.fields().map(String::as_str));
        let key = Key::new(Part::Checklist, i);
        let place = |item: Option<Id>| Place::Checklist {
            id: list.id.clone(),
            item,
        };
        if !firsts[i] {
            let part = Part::Checklist;
            out.push(key, place(None), FindingKind::DuplicateId { part });
            continue;
        }
        if let Some(stage) = list.stage.filter(|&s| playbook.stage_of(s).is_none()) {
            out.push(key, place(None), FindingKind::NoSuchStage { stage });
        }
        let mut at = 0;
        for issue in validate(list, &playbook.fields) {
            let item = issue.item().cloned();
            let key = match &item {
                Some(item) => {
                    at = index_from(list.items.iter().map(|i| &i.id), at, item);
                    key.sub(at)
                }
                None => key,
            };
            out.push(key, place(item), FindingKind::Checklist(issue));
        }
    }
}

fn objections(playbook: &Playbook, out: &mut Findings) {
    let firsts = first_of_each(playbook.objections.iter().map(|o| o.id.as_str()));
    for (i, objection) in playbook.objections.iter().enumerate() {
        let key = Key::new(Part::Objection, i);
        let place = || Place::Objection {
            id: objection.id.clone(),
        };
        if !firsts[i] {
            let part = Part::Objection;
            out.push(key, place(), FindingKind::DuplicateId { part });
            continue;
        }
        if objection.objection.is_empty() {
            out.push(key, place(), FindingKind::BlankObjection);
        }
        if objection.responses.iter().all(|r| r.is_empty()) {
            out.push(key, place(), FindingKind::NoResponses);
        }
    }
}

fn templates<'p>(
    playbook: &'p Playbook,
    defined: &BTreeSet<&str>,
    used: &mut BTreeSet<&'p str>,
    out: &mut Findings,
) {
    let known = |name: &str| is_deal_variable(name) || defined.contains(name);
    let firsts = first_of_each(playbook.templates.iter().map(|t| t.id.as_str()));
    // Names used in a body, owned because the parsed template does not outlive this pass.
    let mut in_bodies = BTreeSet::new();
    for (i, template) in playbook.templates.iter().enumerate() {
        let key = Key::new(Part::Template, i);
        let place = |section: Option<&Id>, locale, position| Place::Template {
            id: template.id.clone(),
            section: section.cloned(),
            locale,
            position,
        };
        // A second template with the id is never found: its uses of fields still count, but
        // only the duplicate itself is reported.
        let report = firsts[i];
        if !report {
            let part = Part::Template;
            out.push(
                key,
                place(None, None, None),
                FindingKind::DuplicateId { part },
            );
        }
        let mut sections = BTreeSet::new();
        for (s, section) in template.sections.iter().enumerate() {
            let key = key.sub(s);
            let at = Some(&section.id);
            if !sections.insert(&section.id) && report {
                out.push(key, place(at, None, None), FindingKind::DuplicateSection);
            }
            if let Some(name) = &section.show_if {
                used.insert(name);
                if !known(name) && report {
                    let name = name.clone();
                    let kind = FindingKind::UnknownSectionCondition { name };
                    out.push(key, place(at, None, None), kind);
                }
            }
            for (l, locale) in Locale::ALL.into_iter().enumerate() {
                let body = match locale {
                    Locale::ZhCn => &section.body.zh,
                    _ => &section.body.en,
                };
                let errors = match parse(body) {
                    Ok(parsed) => {
                        in_bodies.extend(parsed.variables().into_iter().map(|(name, _)| name));
                        parsed.check_known(&known)
                    }
                    Err(errors) => errors,
                };
                if !report {
                    continue;
                }
                for error in errors {
                    let position = Some(error.position());
                    let key = Key {
                        locale: l + 1,
                        position,
                        ..key
                    };
                    let place = place(at, Some(locale), position);
                    out.push(key, place, FindingKind::Template(error));
                }
            }
        }
    }
    // Keep only names a field defines: those are all the field pass asks about.
    used.extend(
        playbook
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .filter(|name| in_bodies.contains(*name)),
    );
}

fn fields(playbook: &Playbook, used: &BTreeSet<&str>, out: &mut Findings) {
    let firsts = first_of_each(playbook.fields.iter().map(|f| f.name.as_str()));
    for (i, field) in playbook.fields.iter().enumerate() {
        let key = Key::new(Part::Field, i);
        let place = || Place::Field {
            name: field.name.clone(),
        };
        if !firsts[i] {
            let part = Part::Field;
            out.push(key, place(), FindingKind::DuplicateId { part });
        } else if !is_field_name(&field.name) {
            out.push(key, place(), FindingKind::InvalidFieldName);
        } else {
            if is_deal_variable(&field.name) {
                out.push(key, place(), FindingKind::FieldShadowsDealVariable);
            }
            if !used.contains(field.name.as_str()) {
                let name = field.name.clone();
                out.push(key, place(), FindingKind::UnusedField { name });
            }
        }
    }
}

/// A small playbook with no findings, shared with the tests of `crate::i18n::audit`.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::domain::checklist::fixtures::bant;
    use crate::domain::field::{FieldDef, FieldKind};
    use crate::domain::objection::{Category, Objection};
    use crate::domain::playbook::{Playbook, Stage, StageKind};
    use crate::domain::proposal::{ProposalSection, ProposalTemplate};
    use crate::domain::script::fixtures::{first_contact, KNOWN_FIELDS};
    use crate::domain::{Id, LocalizedText};

    pub(crate) fn id(s: &str) -> Id {
        Id::parse(s).unwrap()
    }

    pub(crate) fn text(en: &str, zh: &str) -> LocalizedText {
        LocalizedText::new(en, zh)
    }

    pub(crate) fn stage(stage_id: &str, kind: StageKind, en: &str, zh: &str) -> Stage {
        Stage {
            id: id(stage_id),
            kind,
            name: text(en, zh),
            goal: LocalizedText::default(),
            actions: Vec::new(),
            exit_criteria: Vec::new(),
            time_standards: Vec::new(),
            guide: LocalizedText::default(),
        }
    }

    pub(crate) fn section(section_id: &str, en: &str, zh: &str) -> ProposalSection {
        ProposalSection {
            id: id(section_id),
            title: text("Introduction", "引言"),
            body: text(en, zh),
            show_if: None,
        }
    }

    /// Lead development with the first-contact script, a BANT checklist (`list`, named
    /// "Discovery"), one price objection, a proposal with an introduction, and the fields all
    /// of them use; `need` is labelled "Customer need" / "客户需求".
    pub(crate) fn playbook() -> Playbook {
        let (list, mut fields) = bant();
        fields.extend(KNOWN_FIELDS.iter().map(|name| FieldDef {
            name: (*name).into(),
            kind: FieldKind::Text,
            label: text(name, name),
        }));
        if let Some(need) = fields.iter_mut().find(|f| f.name == "need") {
            need.label = text("Customer need", "客户需求");
        }
        Playbook {
            stages: vec![stage(
                "stage-leads",
                StageKind::LeadDevelopment,
                "Lead development",
                "客户开发",
            )],
            scripts: vec![first_contact()],
            checklists: vec![list],
            objections: vec![Objection {
                id: id("too-expensive"),
                category: Category::Price,
                objection: text("It is too expensive", "太贵了"),
                insight: LocalizedText::default(),
                responses: vec![text(
                    "Compare the cost of doing nothing",
                    "算一算不改变的代价",
                )],
                follow_up: LocalizedText::default(),
                industries: Vec::new(),
            }],
            templates: vec![ProposalTemplate {
                id: id("tpl-basic"),
                title: text("Basic proposal", "基础方案"),
                description: LocalizedText::default(),
                industry: Default::default(),
                sections: vec![section(
                    "intro",
                    "Dear {{contact}},\nyou told us about {{need}}.",
                    "{{contact}}您好：\n您提到了{{need}}。",
                )],
                pricing: false,
            }],
            fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{id, playbook, section, stage, text};
    use super::*;
    use crate::domain::checklist::fixtures::def;
    use crate::domain::field::FieldKind;
    use crate::domain::script::fixtures::step_mut;
    use crate::domain::script::Branch;

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
}
