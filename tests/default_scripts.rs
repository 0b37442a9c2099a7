//! Native checks of the default call scripts shipped with the app
//! (`content/default/scripts.json`): every stage has one, none has a lint, every script can be
//! walked to an end for every industry, and the first-contact script speaks to each industry.

mod common;

use sales_playbook::domain::field::FieldDef;
use sales_playbook::domain::lint::lint_script;
use sales_playbook::domain::playbook::{Industry, StageKind};
use sales_playbook::domain::script::{Script, Section, Walk};
use sales_playbook::domain::{Id, LocalizedText};
use std::collections::{BTreeMap, BTreeSet, HashSet};

const SCRIPTS: &str = include_str!("../content/default/scripts.json");
const FIELDS: &str = include_str!("../content/default/fields.json");

/// The industries that get their own wording (every one but `Generic`).
const SPECIFIC: [Industry; 4] = [
    Industry::Manufacturing,
    Industry::Retail,
    Industry::ProfessionalServices,
    Industry::Software,
];

/// More steps than any walk of a default script needs; a walk this long is going round in
/// circles.
const MAX_WALK: usize = 200;

fn scripts() -> Vec<Script> {
    sales_playbook::json::from_str(SCRIPTS).expect("content/default/scripts.json parses as scripts")
}

fn fields() -> Vec<FieldDef> {
    sales_playbook::json::from_str(FIELDS).expect("content/default/fields.json parses as fields")
}

fn script(id: &str) -> Script {
    scripts()
        .into_iter()
        .find(|s| s.id.as_str() == id)
        .unwrap_or_else(|| panic!("no script `{id}`"))
}

fn first_contact() -> Script {
    script("script-first-contact")
}

/// The fields the script's `ask` steps capture into.
fn asked_fields(script: &Script) -> BTreeSet<String> {
    script
        .steps
        .iter()
        .filter_map(|s| s.kind.field().map(str::to_owned))
        .collect()
}

/// Every text of the default scripts, with where it is, for error messages.
fn all_texts() -> Vec<(String, LocalizedText)> {
    let mut out = Vec::new();
    for s in scripts() {
        out.push((format!("{}.title", s.id), s.title.clone()));
        out.push((format!("{}.summary", s.id), s.summary.clone()));
        for step in &s.steps {
            let at = |part: &str| format!("{}/{}.{part}", s.id, step.id);
            out.push((at("text"), step.text.clone()));
            for v in &step.variants {
                out.push((at(&format!("variants[{:?}]", v.industry)), v.text.clone()));
            }
            for (i, b) in step.branches.iter().enumerate() {
                out.push((at(&format!("branches[{i}]")), b.label.clone()));
            }
        }
    }
    out
}

/// Walks `script` for `industry` taking the first choice at every step and ticking every
/// word-for-word line; returns the steps visited, or why the walk got stuck.
fn walk_first_choices(script: &Script, industry: Industry) -> Result<Vec<Id>, String> {
    let mut walk = Walk::start(script, industry).ok_or("no start step for the industry")?;
    for _ in 0..MAX_WALK {
        let step = walk
            .current_step(script)
            .ok_or("the walk left the script")?;
        if step.kind.is_verbatim() {
            walk.tick();
        }
        if step.end {
            walk.finish(script).map_err(|e| e.to_string())?;
            assert!(walk.is_finished(script));
            return Ok(walk.breadcrumb().to_vec());
        }
        walk.advance(script, 0)
            .map_err(|e| format!("stuck at `{}`: {e}", step.id))?;
    }
    Err(format!(
        "no end after {MAX_WALK} steps: {:?}",
        walk.breadcrumb()
    ))
}

/// The steps a walk for `industry` can land on, each with the steps it offers next.
fn reachable(script: &Script, industry: Industry) -> BTreeMap<Id, Vec<Id>> {
    let mut found = BTreeMap::new();
    let Some(first) = script.resolve(&script.start, industry) else {
        return found;
    };
    let mut todo = vec![first.id.clone()];
    while let Some(id) = todo.pop() {
        if found.contains_key(&id) {
            continue;
        }
        let targets: Vec<Id> = script
            .choices(&id, industry)
            .iter()
            .map(|c| c.to().clone())
            .collect();
        todo.extend(targets.iter().cloned());
        found.insert(id, targets);
    }
    found
}

#[test]
fn default_scripts_parse() {
    let scripts = scripts();
    assert!(scripts.len() >= 7, "only {} scripts", scripts.len());
    for s in &scripts {
        assert!(!s.steps.is_empty(), "{} has no steps", s.id);
    }
}

#[test]
fn every_stage_has_a_default_script() {
    let scripts = scripts();
    for stage in StageKind::ALL {
        assert!(
            scripts.iter().any(|s| s.stage == stage),
            "no script for {stage:?}"
        );
    }
    assert!(scripts.iter().all(|s| s.stage != StageKind::Unknown));
}

#[test]
fn default_scripts_have_no_lints() {
    let fields = fields();
    let known = |f: &str| fields.iter().any(|d| d.name == f);
    let mut lints = Vec::new();
    for s in scripts() {
        lints.extend(lint_script(&s, &known).iter().map(ToString::to_string));
    }
    assert!(lints.is_empty(), "lints:\n{}", lints.join("\n"));
}

#[test]
fn default_script_ids_are_unique_across_scripts() {
    let mut scripts_seen = HashSet::new();
    let mut steps_seen = HashSet::new();
    for s in scripts() {
        assert!(
            scripts_seen.insert(s.id.clone()),
            "script id {} twice",
            s.id
        );
        for step in &s.steps {
            assert!(
                steps_seen.insert(step.id.clone()),
                "step id {} used twice",
                step.id
            );
        }
    }
}

#[test]
fn every_default_script_text_is_written_in_both_languages() {
    let texts = all_texts();
    assert!(texts.len() > 200, "only {} texts", texts.len());
    common::assert_bilingual(&texts);
}

#[test]
fn placeholders_are_bracketed_the_same_way_everywhere() {
    // English placeholders are [like this], Chinese ones 【像这样】, never nested or unclosed.
    let check = |at: &str, text: &str, open: char, close: char, foreign: [char; 2]| {
        let mut depth = 0;
        for c in text.chars() {
            assert!(!foreign.contains(&c), "{at}: `{c}` in {text}");
            if c == open {
                depth += 1;
                assert!(depth == 1, "{at}: nested placeholder in {text}");
            } else if c == close {
                depth -= 1;
                assert!(depth == 0, "{at}: unopened placeholder in {text}");
            }
        }
        assert_eq!(depth, 0, "{at}: unclosed placeholder in {text}");
    };
    for (at, t) in all_texts() {
        check(&at, &t.en, '[', ']', ['【', '】']);
        check(&at, &t.zh, '【', '】', ['[', ']']);
    }
}

#[test]
fn every_default_script_walks_to_an_end_for_every_industry() {
    for s in scripts() {
        for industry in Industry::ALL {
            let path = walk_first_choices(&s, industry)
                .unwrap_or_else(|e| panic!("{} for {industry:?}: {e}", s.id));
            assert!(path.len() >= 5, "{} for {industry:?}: {path:?}", s.id);
        }
    }
}

#[test]
fn no_default_script_strands_a_rep_whatever_the_customer_says() {
    for s in scripts() {
        let mut seen_by_any = BTreeSet::new();
        for industry in Industry::ALL {
            let graph = reachable(&s, industry);
            assert!(!graph.is_empty(), "{} has no start for {industry:?}", s.id);
            let is_end = |id: &Id| s.step(id).is_some_and(|step| step.end);
            for (id, targets) in &graph {
                assert!(
                    is_end(id) || !targets.is_empty(),
                    "{}: `{id}` leads nowhere for {industry:?}",
                    s.id
                );
            }
            // Every step a walk can land on can still reach an end.
            let mut can_end: BTreeSet<&Id> = graph.keys().filter(|id| is_end(id)).collect();
            loop {
                let more: Vec<&Id> = graph
                    .iter()
                    .filter(|(id, targets)| {
                        !can_end.contains(id) && targets.iter().any(|t| can_end.contains(t))
                    })
                    .map(|(id, _)| id)
                    .collect();
                if more.is_empty() {
                    break;
                }
                can_end.extend(more);
            }
            for id in graph.keys() {
                assert!(
                    can_end.contains(id),
                    "{}: no way to an end from `{id}` for {industry:?}",
                    s.id
                );
            }
            seen_by_any.extend(graph.into_keys());
        }
        for step in &s.steps {
            assert!(
                seen_by_any.contains(&step.id),
                "{}: `{}` is shown to no industry",
                s.id,
                step.id
            );
        }
    }
}

#[test]
fn first_contact_script_follows_the_toolkit_structure() {
    let s = first_contact();
    assert_eq!(s.stage, StageKind::LeadDevelopment);
    assert!(
        s.industries.is_empty(),
        "the flagship is for every industry"
    );
    let sections: BTreeSet<Section> = s.steps.iter().map(|step| step.section).collect();
    for section in [
        Section::Opening,
        Section::Discovery,
        Section::Value,
        Section::Objection,
        Section::NextStep,
    ] {
        assert!(sections.contains(&section), "no {section:?} step");
    }
    let asked = asked_fields(&s);
    for field in [
        "current_solution",
        "pain",
        "team_size",
        "priority",
        "decision_maker",
        "budget_allocated",
        "decision_date",
        "next_step",
        "next_step_date",
    ] {
        assert!(asked.contains(field), "first contact never asks `{field}`");
    }
    let coaching = s
        .steps
        .iter()
        .filter(|step| step.kind == sales_playbook::domain::script::StepKind::Coach)
        .count();
    assert!(coaching >= 2, "only {coaching} coach steps");
}

#[test]
fn first_contact_script_answers_the_usual_first_responses() {
    let s = first_contact();
    let opening = s
        .steps
        .iter()
        .filter(|step| step.section == Section::Opening)
        .max_by_key(|step| step.branches.len())
        .expect("an opening step");
    assert!(
        opening.branches.len() >= 5,
        "the opening offers {} responses",
        opening.branches.len()
    );
    let labels: Vec<String> = opening
        .branches
        .iter()
        .map(|b| b.label.en.to_lowercase())
        .collect();
    for words in ["go ahead", "email", "supplier", "no time", "cost"] {
        assert!(
            labels.iter().any(|l| l.contains(words)),
            "no response containing {words:?}: {labels:?}"
        );
    }
}

#[test]
fn first_contact_script_has_opening_and_value_wording_for_every_industry() {
    let s = first_contact();
    for section in [Section::Opening, Section::Value] {
        let covered = s.steps.iter().any(|step| {
            step.section == section
                && SPECIFIC.iter().all(|&industry| {
                    step.variant_for(industry)
                        .is_some_and(|v| !v.text.en.is_empty() && !v.text.zh.is_empty())
                })
        });
        assert!(
            covered,
            "no {section:?} step with all four industry variants"
        );
    }
}

#[test]
fn first_contact_script_asks_each_industry_its_own_question() {
    let s = first_contact();
    for industry in SPECIFIC {
        let own: Vec<&Id> = s
            .steps
            .iter()
            .filter(|step| step.only_for.contains(&industry))
            .map(|step| &step.id)
            .collect();
        assert!(!own.is_empty(), "no step only for {industry:?}");
        let path = walk_first_choices(&s, industry).unwrap();
        assert!(
            own.iter().all(|id| path.contains(id)),
            "{industry:?} walk {path:?} skips its own steps {own:?}"
        );
        for other in Industry::ALL.into_iter().filter(|&i| i != industry) {
            let path = walk_first_choices(&s, other).unwrap();
            assert!(
                own.iter().all(|id| !path.contains(id)),
                "{other:?} walk shows {industry:?} steps: {path:?}"
            );
        }
    }
    let asked = asked_fields(&s);
    for field in ["sites", "users", "current_vendor"] {
        assert!(asked.contains(field), "first contact never asks `{field}`");
    }
}

#[test]
fn quote_script_has_a_word_for_word_compliance_line() {
    let verbatim: Vec<(Id, Id)> = scripts()
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .filter(|step| step.kind.is_verbatim())
                .map(|step| (s.id.clone(), step.id.clone()))
        })
        .collect();
    assert!(!verbatim.is_empty(), "no word-for-word line anywhere");
    let quote = scripts()
        .into_iter()
        .find(|s| s.stage == StageKind::QuoteAndContract)
        .unwrap();
    let line = quote
        .steps
        .iter()
        .find(|step| step.kind.is_verbatim())
        .expect("the quote script has a word-for-word line");
    assert!(line.text.en.contains("valid for"), "{}", line.text.en);
    assert!(line.text.en.contains("contract"), "{}", line.text.en);
    assert!(line.text.zh.contains("有效"), "{}", line.text.zh);
    assert!(line.text.zh.contains("合同"), "{}", line.text.zh);
    for industry in Industry::ALL {
        let path = walk_first_choices(&quote, industry).unwrap();
        assert!(path.contains(&line.id), "{industry:?} walk skips the line");
    }
    let asked = asked_fields(&quote);
    assert!(asked.contains("paper_process"));
    let labels: Vec<String> = quote
        .steps
        .iter()
        .flat_map(|step| step.branches.iter().map(|b| b.label.en.to_lowercase()))
        .collect();
    for words in ["too expensive", "approval"] {
        assert!(
            labels.iter().any(|l| l.contains(words)),
            "the quote script has no {words:?} branch"
        );
    }
}

#[test]
fn discovery_meeting_asks_spin_metrics_and_the_decision_chain() {
    let s = scripts()
        .into_iter()
        .find(|s| s.stage == StageKind::NeedsAnalysis)
        .expect("a needs-analysis script");
    let asked = asked_fields(&s);
    for field in [
        "situation",
        "problem",
        "implication",
        "need_payoff",
        "metrics",
        "metrics_baseline",
        "metrics_target",
        "technical_evaluator",
        "procurement_contact",
        "management_sponsor",
        "demo_date",
    ] {
        assert!(asked.contains(field), "discovery never asks `{field}`");
    }
}

#[test]
fn follow_up_script_qualifies_with_bant_and_grades_the_lead() {
    let s = script("script-new-lead-follow-up");
    assert_eq!(s.stage, StageKind::LeadDevelopment);
    let asked = asked_fields(&s);
    for field in [
        "pain",
        "decision_date",
        "budget_allocated",
        "decision_maker",
    ] {
        assert!(asked.contains(field), "follow-up never asks `{field}`");
    }
    let grades: BTreeSet<&str> = s
        .steps
        .iter()
        .flat_map(|step| step.branches.iter())
        .filter_map(|b| {
            ["A", "B", "C"]
                .into_iter()
                .find(|g| b.label.en.starts_with(&format!("{g} — ")))
        })
        .collect();
    assert_eq!(grades, BTreeSet::from(["A", "B", "C"]));
}
