//! The playbook audit: every problem of the whole playbook in one list, so a trainer sees what
//! to fix before reps use it. It gathers the script lint, the checklist checks and the template
//! language's errors, and adds what only shows across parts: ids used twice, fields nothing
//! uses, stages no script serves, content filed under a stage the playbook lacks, sections
//! shown on a condition nothing provides.
//!
//! Findings are typed, each with the place it is about; `crate::i18n::audit` words them in
//! both languages.

use super::checklist::validate;
use super::field::is_field_name;
use super::lint::lint_script;
use super::playbook::Playbook;
use super::proposal::is_deal_variable;
use super::template::{parse, Position};
use super::{Id, Locale};
use std::collections::BTreeSet;

/// The parts of a playbook, in the order the audit lists them.
pub use super::overlay::Part;

mod finding;
pub use finding::{Finding, FindingKind, Place, Severity};

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
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
