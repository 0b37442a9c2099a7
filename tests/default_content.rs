//! Native checks of the default content shipped with the app: the six stages of the sales
//! process and the objection library, in `content/default/*.json`.

mod common;
use common::is_chinese;

use sales_playbook::domain::objection::{Category, Objection};
use sales_playbook::domain::playbook::{Industry, Stage, StageKind};
use sales_playbook::domain::{Id, LocalizedText};
use std::collections::HashSet;

const STAGES: &str = include_str!("../content/default/stages.json");
const OBJECTIONS: &str = include_str!("../content/default/objections.json");

fn stages() -> Vec<Stage> {
    sales_playbook::json::from_str(STAGES).expect("content/default/stages.json parses as stages")
}

fn objections() -> Vec<Objection> {
    sales_playbook::json::from_str(OBJECTIONS)
        .expect("content/default/objections.json parses as objections")
}

fn stage(kind: StageKind) -> Stage {
    stages()
        .into_iter()
        .find(|s| s.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} stage"))
}

/// Every text of the default content, with where it is, for error messages.
fn all_texts() -> Vec<(String, LocalizedText)> {
    let mut out = Vec::new();
    for s in stages() {
        let at = |part: &str| format!("{}.{part}", s.id);
        out.push((at("name"), s.name.clone()));
        out.push((at("goal"), s.goal.clone()));
        out.push((at("guide"), s.guide.clone()));
        for (i, t) in s.actions.iter().enumerate() {
            out.push((at(&format!("actions[{i}]")), t.clone()));
        }
        for (i, t) in s.exit_criteria.iter().enumerate() {
            out.push((at(&format!("exit_criteria[{i}]")), t.clone()));
        }
        for (i, t) in s.time_standards.iter().enumerate() {
            out.push((at(&format!("time_standards[{i}]")), t.what.clone()));
        }
    }
    for o in objections() {
        let at = |part: &str| format!("{}.{part}", o.id);
        out.push((at("objection"), o.objection.clone()));
        out.push((at("insight"), o.insight.clone()));
        out.push((at("follow_up"), o.follow_up.clone()));
        for (i, t) in o.responses.iter().enumerate() {
            out.push((at(&format!("responses[{i}]")), t.clone()));
        }
    }
    out
}

#[test]
fn default_content_files_parse() {
    assert!(!stages().is_empty());
    assert!(!objections().is_empty());
}

#[test]
fn default_stages_are_the_six_of_the_sales_process_in_order() {
    let kinds: Vec<StageKind> = stages().iter().map(|s| s.kind).collect();
    assert_eq!(kinds, StageKind::ALL);
}

#[test]
fn every_default_text_is_written_in_both_languages() {
    let texts = all_texts();
    assert!(
        texts.len() > 100,
        "the walk found only {} texts",
        texts.len()
    );
    common::assert_bilingual(&texts);
}

#[test]
fn default_ids_are_unique_and_valid() {
    let ids: Vec<Id> = stages()
        .into_iter()
        .map(|s| s.id)
        .chain(objections().into_iter().map(|o| o.id))
        .collect();
    let mut seen = HashSet::new();
    for id in &ids {
        assert_eq!(Id::parse(id.as_str()).as_ref(), Ok(id), "invalid id {id}");
        assert!(seen.insert(id.as_str()), "duplicate id {id}");
    }
    for s in stages() {
        assert!(s.id.as_str().starts_with("stage-"), "stage id {}", s.id);
    }
    for o in objections() {
        assert!(o.id.as_str().starts_with("obj-"), "objection id {}", o.id);
    }
}

#[test]
fn default_stages_have_actions_exit_criteria_and_a_guide() {
    for s in stages() {
        assert!(
            (4..=7).contains(&s.actions.len()),
            "{}: {} actions",
            s.id,
            s.actions.len()
        );
        assert!(
            (3..=5).contains(&s.exit_criteria.len()),
            "{}: {} exit criteria",
            s.id,
            s.exit_criteria.len()
        );
        assert!(!s.time_standards.is_empty(), "{}: no time standard", s.id);
        assert!(
            s.time_standards.iter().all(|t| t.hours > 0),
            "{}: a time standard of 0 hours",
            s.id
        );
        // A page a new hire reads: 120–250 words, and about as much in Chinese.
        let words = s.guide.en.split_whitespace().count();
        assert!((120..=250).contains(&words), "{}: {words} words", s.id);
        let hanzi = s.guide.zh.chars().filter(|c| is_chinese(*c)).count();
        assert!((200..=500).contains(&hanzi), "{}: {hanzi} characters", s.id);
        for text in [&s.guide.en, &s.guide.zh] {
            assert!(text.contains("## "), "{}: the guide has no headings", s.id);
        }
    }
}

#[test]
fn lead_stage_has_the_24_hour_follow_up_and_2_hour_reminder() {
    let hours: Vec<u32> = stage(StageKind::LeadDevelopment)
        .time_standards
        .iter()
        .map(|t| t.hours)
        .collect();
    assert!(hours.contains(&24), "lead stage standards: {hours:?}");
    assert!(hours.contains(&2), "lead stage standards: {hours:?}");
}

#[test]
fn quote_stage_has_the_4_hour_formal_quote() {
    let hours: Vec<u32> = stage(StageKind::QuoteAndContract)
        .time_standards
        .iter()
        .map(|t| t.hours)
        .collect();
    assert!(hours.contains(&4), "quote stage standards: {hours:?}");
}

#[test]
fn needs_analysis_maps_the_decision_chain_before_the_demo() {
    let s = stage(StageKind::NeedsAnalysis);
    let mentions = |t: &LocalizedText| t.zh.contains("决策链") && t.en.contains("decision chain");
    assert!(s.actions.iter().any(mentions));
    assert!(mentions(&s.guide));
}

#[test]
fn objection_library_covers_every_category() {
    let lib = objections();
    assert!(lib.len() >= 24, "only {} objections", lib.len());
    assert!(lib.iter().all(|o| o.category != Category::Other));
    for category in Category::ALL {
        if category == Category::Other {
            continue;
        }
        let n = lib.iter().filter(|o| o.category == category).count();
        assert!(n >= 3, "{category:?}: only {n} objections");
    }
}

#[test]
fn objection_library_has_industry_specific_objections() {
    let lib = objections();
    // An unknown industry name reads as Generic; empty means "every industry".
    for o in &lib {
        assert!(
            !o.industries.contains(&Industry::Generic),
            "{}: lists the generic industry",
            o.id
        );
    }
    for industry in Industry::ALL {
        if industry == Industry::Generic {
            continue;
        }
        let n = lib
            .iter()
            .filter(|o| o.industries.contains(&industry))
            .count();
        assert!(n >= 2, "{industry:?}: only {n} specific objections");
    }
    assert!(
        lib.iter().filter(|o| o.industries.is_empty()).count() >= 12,
        "too few objections for every industry"
    );
}

#[test]
fn every_objection_has_responses_and_a_follow_up() {
    for o in objections() {
        assert!(
            (2..=3).contains(&o.responses.len()),
            "{}: {} responses",
            o.id,
            o.responses.len()
        );
        assert!(!o.insight.is_empty(), "{}: no insight", o.id);
        assert!(!o.follow_up.is_empty(), "{}: no follow-up", o.id);
        assert!(
            o.follow_up.en.trim_end().ends_with('?') && o.follow_up.zh.trim_end().ends_with('？'),
            "{}: the follow-up is not a question",
            o.id
        );
    }
}
