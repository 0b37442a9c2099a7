//! The script lint: problems a trainer fixes before a script goes to reps — links to steps
//! that do not exist, steps no call can reach or leave, questions that capture into no field,
//! missing translations.
//!
//! Lints are typed; the UI words them in both languages. `Display` gives the English wording,
//! naming the place ("step `ask-budget`: branch 2 goes to `nowhere`, which does not exist").

use super::field::is_field_name;
use super::playbook::Industry;
use super::script::{Script, Step, StepGraph};
use super::{Id, Locale, LocalizedText};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One problem, and where it is: the script itself (`step: None`), a step, or one of its
/// branches (`branch`, counted from 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    pub script: Id,
    pub step: Option<Id>,
    pub branch: Option<usize>,
    pub kind: LintKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LintKind {
    /// The script's start is not one of its steps.
    StartMissing {
        start: Id,
    },
    /// An earlier step has the same id; this one is never shown (and not linted further).
    DuplicateStep,
    NextToNothing {
        to: Id,
    },
    BranchToNothing {
        to: Id,
    },
    /// No next, no branches and not an `end`: the call would stop without a next step.
    DeadEnd,
    /// No path of next steps and branches from the start leads here.
    Unreachable,
    /// Reachable, but every way on loops without ever reaching an `end` step. Steps that
    /// only lead into an already reported dead end or broken link are not flagged again.
    NoWayToEnd,
    /// An `Ask` step whose field is not a valid field name (see `is_field_name`).
    InvalidField {
        field: String,
    },
    /// An `Ask` step whose field the playbook does not define.
    UnknownField {
        field: String,
    },
    /// Text a rep of some industry would see in the other language: on the script's title
    /// (no step), a step (base text blank and no variant for that industry has it) or a
    /// branch label.
    MissingText {
        locale: Locale,
    },
    /// A branch with no label in either language: the rep cannot tell which response it is.
    EmptyBranchLabel,
    /// For these industries the script has no first step: the start and every step along its
    /// `next` are for other industries only.
    NoStartFor {
        industries: Vec<Industry>,
    },
    /// A step a call of these industries reaches, not an end, whose every way on is for other
    /// industries only: for them the call stops here. (A step with no way on at all is a
    /// [`LintKind::DeadEnd`] instead.)
    DeadEndFor {
        industries: Vec<Industry>,
    },
}

/// Lints `script`. `known_field` says whether the playbook defines a field name. Lints come
/// in step order, the script's own first; each place gets a kind at most once.
pub fn lint_script(script: &Script, known_field: &dyn Fn(&str) -> bool) -> Vec<Lint> {
    let mut lints = Vec::new();
    let mut report = |step: Option<&Id>, branch: Option<usize>, kind: LintKind| {
        lints.push(Lint {
            script: script.id.clone(),
            step: step.cloned(),
            branch,
            kind,
        })
    };
    let graph = StepGraph::new(script);
    if graph.start().is_none() {
        let start = script.start.clone();
        report(None, None, LintKind::StartMissing { start });
    }
    for locale in missing_locales(&script.title) {
        report(None, None, LintKind::MissingText { locale });
    }
    let reachable = graph.reachable_from(graph.start());
    // A call can stop at an end; dead ends and broken links are reported as such, so the
    // steps leading only into them are not flagged a second time as NoWayToEnd.
    let stops = script.steps.iter().enumerate().filter(|(_, step)| {
        step.end || is_dead_end(step) || step.targets().any(|to| script.step(to).is_none())
    });
    let can_end = graph.reaching(stops.map(|(i, _)| i));
    let (no_start_for, mut dead_end_for) = industry_walks(script);
    if graph.start().is_some() && !no_start_for.is_empty() {
        let industries = no_start_for;
        report(None, None, LintKind::NoStartFor { industries });
    }
    for (i, step) in script.steps.iter().enumerate() {
        let here = Some(&step.id);
        if !graph.is_first(i) {
            report(here, None, LintKind::DuplicateStep);
            continue;
        }
        for locale in step_missing_locales(script, step) {
            report(here, None, LintKind::MissingText { locale });
        }
        if let Some(field) = step.kind.field() {
            let field = field.to_owned();
            if !is_field_name(&field) {
                report(here, None, LintKind::InvalidField { field });
            } else if !known_field(&field) {
                report(here, None, LintKind::UnknownField { field });
            }
        }
        if let Some(to) = step.next.as_ref().filter(|to| script.step(to).is_none()) {
            let to = to.clone();
            report(here, None, LintKind::NextToNothing { to });
        }
        for (b, branch) in step.branches.iter().enumerate() {
            if branch.label.is_empty() {
                report(here, Some(b), LintKind::EmptyBranchLabel);
            }
            for locale in missing_locales(&branch.label) {
                report(here, Some(b), LintKind::MissingText { locale });
            }
            if script.step(&branch.to).is_none() {
                let to = branch.to.clone();
                report(here, Some(b), LintKind::BranchToNothing { to });
            }
        }
        if is_dead_end(step) {
            report(here, None, LintKind::DeadEnd);
        } else if !step.end {
            let industries = dead_end_for.remove(&i).unwrap_or_default();
            if !industries.is_empty() {
                report(here, None, LintKind::DeadEndFor { industries });
            }
        }
        // Without a start every step would be unreachable: StartMissing says it once.
        if graph.start().is_some() {
            if !reachable.contains(&i) {
                report(here, None, LintKind::Unreachable);
            } else if !can_end.contains(&i) {
                report(here, None, LintKind::NoWayToEnd);
            }
        }
    }
    lints
}

/// The industries a call of this script may be for: its own, or every one.
fn script_industries(script: &Script) -> &[Industry] {
    if script.industries.is_empty() {
        &Industry::ALL
    } else {
        &script.industries
    }
}

/// Walks the script once per industry it serves, as a call of that industry would
/// (`Script::resolve`, `Script::choices`): the industries with no first step, and for each
/// step (by index) the industries whose call reaches it and finds no way on. Steps whose
/// links are broken for everyone are left to the other lints.
fn industry_walks(script: &Script) -> (Vec<Industry>, BTreeMap<usize, Vec<Industry>>) {
    let mut no_start = Vec::new();
    let mut dead_ends: BTreeMap<usize, Vec<Industry>> = BTreeMap::new();
    let index = |id: &Id| script.steps.iter().position(|s| &s.id == id);
    for &industry in script_industries(script) {
        if script.step(&script.start).is_none() {
            break;
        }
        let Some(first) = script.resolve(&script.start, industry) else {
            no_start.push(industry);
            continue;
        };
        let mut seen = BTreeSet::new();
        let mut queue: Vec<Id> = vec![first.id.clone()];
        while let Some(id) = queue.pop() {
            let Some(i) = index(&id).filter(|&i| seen.insert(i)) else {
                continue;
            };
            let step = &script.steps[i];
            let choices = script.choices(&id, industry);
            let broken = step.targets().any(|to| script.step(to).is_none());
            if choices.is_empty() && !step.end && !is_dead_end(step) && !broken {
                dead_ends.entry(i).or_default().push(industry);
            }
            queue.extend(choices.into_iter().map(|c| c.to().clone()));
        }
    }
    (no_start, dead_ends)
}

/// `manufacturing, retail`: industries as written in the playbook's files.
fn industry_codes(industries: &[Industry]) -> String {
    let codes: Vec<&str> = industries.iter().map(|i| i.code()).collect();
    codes.join(", ")
}

fn is_dead_end(step: &Step) -> bool {
    step.next.is_none() && step.branches.is_empty() && !step.end
}

/// Languages a non-empty text lacks (an empty one is reported as empty where that matters).
fn missing_locales(text: &LocalizedText) -> Vec<Locale> {
    if text.is_empty() {
        return Vec::new();
    }
    Locale::ALL.into_iter().filter(|&l| !text.has(l)).collect()
}

/// Languages in which some industry the step is shown to would get no text of its own
/// (mirrors `Step::text_for`: the industry's variant, else the base text).
fn step_missing_locales(script: &Script, step: &Step) -> Vec<Locale> {
    let industries: &[Industry] = match (&step.only_for[..], &script.industries[..]) {
        ([], []) => &Industry::ALL,
        ([], all) => all,
        (only, _) => only,
    };
    Locale::ALL
        .into_iter()
        .filter(|&locale| {
            !step.text.has(locale)
                && industries.iter().any(|&industry| {
                    !step
                        .variant_for(industry)
                        .is_some_and(|v| v.text.has(locale))
                })
        })
        .collect()
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.step {
            Some(step) => write!(f, "step `{step}`: ")?,
            None => write!(f, "script `{}`: ", self.script)?,
        }
        // People count branches from 1.
        let branch = self.branch.map(|b| format!("branch {}", b + 1));
        let branch = branch.as_deref().unwrap_or("branch");
        match &self.kind {
            LintKind::StartMissing { start } => {
                write!(f, "the start step `{start}` does not exist")
            }
            LintKind::DuplicateStep => write!(f, "another step before it has the same id"),
            LintKind::NextToNothing { to } => {
                write!(f, "next goes to `{to}`, which does not exist")
            }
            LintKind::BranchToNothing { to } => {
                write!(f, "{branch} goes to `{to}`, which does not exist")
            }
            LintKind::DeadEnd => write!(f, "leads nowhere and is not marked as an end"),
            LintKind::Unreachable => write!(f, "cannot be reached from the start"),
            LintKind::NoWayToEnd => write!(f, "loops without any way to reach an end"),
            LintKind::InvalidField { field } => {
                write!(f, "asks into `{field}`, which is not a valid field name")
            }
            LintKind::UnknownField { field } => {
                write!(f, "asks into `{field}`, which the playbook does not define")
            }
            LintKind::MissingText { locale } => {
                let what = match (&self.step, self.branch) {
                    (_, Some(_)) => format!("the label of {branch}"),
                    (Some(_), None) => "the text".to_owned(),
                    (None, None) => "the title".to_owned(),
                };
                write!(f, "{what} has no {} version", locale.native_name())
            }
            LintKind::EmptyBranchLabel => write!(f, "{branch} has no label"),
            LintKind::NoStartFor { industries } => {
                write!(f, "no first step for {}", industry_codes(industries))
            }
            LintKind::DeadEndFor { industries } => write!(
                f,
                "the call stops here for {}: every way on is for other industries",
                industry_codes(industries)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::script::fixtures::{first_contact, id, known_field, say, step_mut, text};
    use crate::domain::script::{Branch, StepKind, Variant};

    fn lint(script: &Script) -> Vec<Lint> {
        lint_script(script, &known_field)
    }

    /// The lints as (step, branch, kind), to compare in one line.
    fn found(script: &Script) -> Vec<(Option<String>, Option<usize>, LintKind)> {
        lint(script)
            .into_iter()
            .map(|l| (l.step.map(String::from), l.branch, l.kind))
            .collect()
    }

    fn at(step: &str, kind: LintKind) -> (Option<String>, Option<usize>, LintKind) {
        (Some(step.to_owned()), None, kind)
    }

    fn on_branch(
        step: &str,
        b: usize,
        kind: LintKind,
    ) -> (Option<String>, Option<usize>, LintKind) {
        (Some(step.to_owned()), Some(b), kind)
    }

    fn add_branch(script: &mut Script, from: &str, label: LocalizedText, to: &str) {
        let to = id(to);
        step_mut(script, from).branches.push(Branch { label, to });
    }

    #[test]
    fn the_first_contact_script_is_clean_including_its_loop_with_an_exit() {
        assert_eq!(lint(&first_contact()), []);
    }

    #[test]
    fn a_missing_start_is_reported_once_not_as_every_step_unreachable() {
        let mut script = first_contact();
        script.start = id("hello");
        let start = id("hello");
        assert_eq!(
            found(&script),
            [(None, None, LintKind::StartMissing { start })]
        );
    }

    #[test]
    fn a_second_step_with_the_same_id_is_a_duplicate() {
        let mut script = first_contact();
        script.steps.push(say("value", "", ""));
        assert_eq!(found(&script), [at("value", LintKind::DuplicateStep)]);
    }

    #[test]
    fn next_to_a_missing_step_is_reported() {
        let mut script = first_contact();
        step_mut(&mut script, "nurture").next = Some(id("call-back"));
        let to = id("call-back");
        assert_eq!(
            found(&script),
            [at("nurture", LintKind::NextToNothing { to })]
        );
    }

    #[test]
    fn a_branch_to_a_missing_step_is_reported_with_its_number() {
        let mut script = first_contact();
        add_branch(&mut script, "next-step", text("Later", "以后"), "nowhere");
        let to = id("nowhere");
        let expected = on_branch("next-step", 0, LintKind::BranchToNothing { to });
        assert_eq!(found(&script), [expected]);
    }

    #[test]
    fn a_step_that_leads_nowhere_and_is_not_an_end_is_a_dead_end() {
        let mut script = first_contact();
        step_mut(&mut script, "nurture").end = false;
        assert_eq!(found(&script), [at("nurture", LintKind::DeadEnd)]);
    }

    #[test]
    fn a_step_no_path_reaches_is_unreachable() {
        let mut script = first_contact();
        let mut orphan = say("orphan", "Orphan", "孤立");
        orphan.end = true;
        script.steps.push(orphan);
        assert_eq!(found(&script), [at("orphan", LintKind::Unreachable)]);
    }

    #[test]
    fn a_loop_with_no_exit_has_no_way_to_end() {
        let mut script = first_contact();
        add_branch(&mut script, "next-step", text("Chat", "闲聊"), "loop-a");
        let mut a = say("loop-a", "A", "甲");
        a.next = Some(id("loop-b"));
        let mut b = say("loop-b", "B", "乙");
        b.branches.push(Branch {
            label: text("Again", "再来"),
            to: id("loop-a"),
        });
        script.steps.extend([a, b]);
        assert_eq!(
            found(&script),
            [
                at("loop-a", LintKind::NoWayToEnd),
                at("loop-b", LintKind::NoWayToEnd)
            ]
        );
    }

    #[test]
    fn an_ask_into_a_bad_or_unknown_field_is_reported() {
        let mut script = first_contact();
        let need = &mut step_mut(&mut script, "ask-need").kind;
        *need = StepKind::Ask {
            field: "Need!".into(),
        };
        let field = "Need!".to_owned();
        assert_eq!(
            found(&script),
            [at("ask-need", LintKind::InvalidField { field })]
        );
        let field = "need".to_owned();
        let lints = lint_script(&first_contact(), &|f| f != "need");
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].kind, LintKind::UnknownField { field });
    }

    #[test]
    fn a_step_without_chinese_text_is_a_missing_translation() {
        let mut script = first_contact();
        step_mut(&mut script, "value").text.zh.clear();
        let locale = Locale::ZhCn;
        assert_eq!(
            found(&script),
            [at("value", LintKind::MissingText { locale })]
        );
    }

    #[test]
    fn a_variant_covers_missing_base_text_only_for_the_industries_it_serves() {
        let mut script = first_contact();
        let stores = step_mut(&mut script, "ask-stores");
        stores.text = text("", "");
        stores.variants.push(Variant {
            industry: Industry::Retail,
            text: text("How many stores?", "多少家门店？"),
        });
        assert_eq!(lint(&script), [], "retail-only step, retail variant");
        let value = step_mut(&mut script, "value");
        value.text.zh.clear();
        value.variants.push(Variant {
            industry: Industry::Retail,
            text: text("", "零售价值"),
        });
        let locale = Locale::ZhCn;
        assert_eq!(
            found(&script),
            [at("value", LintKind::MissingText { locale })]
        );
    }

    #[test]
    fn a_title_or_branch_label_in_one_language_is_a_missing_translation() {
        let mut script = first_contact();
        script.title.en.clear();
        step_mut(&mut script, "ask-need").branches[1]
            .label
            .zh
            .clear();
        let (en, zh) = (Locale::En, Locale::ZhCn);
        assert_eq!(
            found(&script),
            [
                (None, None, LintKind::MissingText { locale: en }),
                on_branch("ask-need", 1, LintKind::MissingText { locale: zh }),
            ]
        );
    }

    #[test]
    fn a_branch_without_a_label_is_reported_once_not_as_two_missing_translations() {
        let mut script = first_contact();
        step_mut(&mut script, "ask-need").branches[0].label = text(" ", "");
        let expected = on_branch("ask-need", 0, LintKind::EmptyBranchLabel);
        assert_eq!(found(&script), [expected]);
    }

    /// Every industry but `except`, in the order lints list them.
    fn all_but(except: Industry) -> Vec<Industry> {
        Industry::ALL.into_iter().filter(|&i| i != except).collect()
    }

    /// `nurture` is no longer an end; its only way on is an end step for retail alone.
    fn nurture_then_retail_offer() -> Script {
        let mut script = first_contact();
        let mut offer = say("retail-offer", "A store trial?", "门店试用？");
        offer.only_for = vec![Industry::Retail];
        offer.end = true;
        let nurture = step_mut(&mut script, "nurture");
        nurture.end = false;
        nurture.next = Some(id("retail-offer"));
        script.steps.push(offer);
        script
    }

    #[test]
    fn a_step_whose_every_way_on_is_for_other_industries_is_a_dead_end_for_the_rest() {
        let industries = all_but(Industry::Retail);
        assert_eq!(
            found(&nurture_then_retail_offer()),
            [at("nurture", LintKind::DeadEndFor { industries })]
        );
    }

    #[test]
    fn an_industry_the_script_does_not_serve_is_not_reported() {
        let mut script = nurture_then_retail_offer();
        script.industries = vec![Industry::Retail];
        assert_eq!(lint(&script), []);
        script.industries = vec![Industry::Retail, Industry::Software];
        let industries = vec![Industry::Software];
        assert_eq!(
            found(&script),
            [at("nurture", LintKind::DeadEndFor { industries })]
        );
    }

    #[test]
    fn a_dead_end_for_everyone_is_reported_once_as_a_plain_dead_end() {
        let mut script = first_contact();
        step_mut(&mut script, "nurture").end = false;
        let kinds: Vec<_> = lint(&script).into_iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LintKind::DeadEnd]);
    }

    #[test]
    fn a_start_for_one_industry_only_leaves_the_others_without_a_first_step() {
        let mut script = first_contact();
        let opening = step_mut(&mut script, "opening");
        opening.only_for = vec![Industry::Manufacturing];
        opening.branches = vec![Branch {
            label: text("Go on", "继续"),
            to: id("compliance"),
        }];
        opening.next = None;
        let industries = all_but(Industry::Manufacturing);
        assert_eq!(
            found(&script),
            [(None, None, LintKind::NoStartFor { industries })]
        );
    }

    #[test]
    fn industry_dead_ends_are_named_in_english() {
        let lints = lint(&nurture_then_retail_offer());
        assert_eq!(
            lints[0].to_string(),
            "step `nurture`: the call stops here for manufacturing, professional_services, \
             software, generic: every way on is for other industries"
        );
    }

    #[test]
    fn lints_come_in_step_order() {
        let mut script = first_contact();
        step_mut(&mut script, "nurture").end = false;
        step_mut(&mut script, "opening").text.zh.clear();
        let steps: Vec<_> = found(&script).into_iter().map(|l| l.0.unwrap()).collect();
        assert_eq!(steps, ["opening", "nurture"]);
    }

    #[test]
    fn lint_names_the_place_in_english() {
        let lint = Lint {
            script: id("first-contact"),
            step: Some(id("ask-budget")),
            branch: Some(1),
            kind: LintKind::BranchToNothing { to: id("nowhere") },
        };
        assert_eq!(
            lint.to_string(),
            "step `ask-budget`: branch 2 goes to `nowhere`, which does not exist"
        );
        let mut script = first_contact();
        script.title.zh.clear();
        assert_eq!(
            lint_script(&script, &known_field)[0].to_string(),
            "script `first-contact`: the title has no 简体中文 version"
        );
    }
}
