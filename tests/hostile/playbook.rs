//! Templates and scripts as a trainer writes them: put into a playbook with the default fields,
//! audited, and each error worded as the audit page shows it (`i18n::audit::describe`), with
//! the line and column of a template mistake and the step and branch of a script's.

use super::case::{check_both, variant, Case, Expect, FindingExpect};
use super::markdown::check_html;
use sales_playbook::domain::audit::{audit, Finding, Place};
use sales_playbook::domain::field::FieldDef;
use sales_playbook::domain::playbook::{Playbook, Stage, StageKind};
use sales_playbook::domain::proposal::{ProposalSection, ProposalTemplate};
use sales_playbook::domain::script::Script;
use sales_playbook::domain::{Id, Locale, LocalizedText};
use sales_playbook::i18n::audit::describe;
use sales_playbook::render::template::template_html;

const FIELDS: &str = include_str!("../../content/default/fields.json");

fn text(en: &str, zh: &str) -> LocalizedText {
    LocalizedText {
        en: en.into(),
        zh: zh.into(),
    }
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// A playbook with the default fields and one stage, to put the hostile part into.
fn base() -> Playbook {
    let fields: Vec<FieldDef> =
        sales_playbook::json::from_str(FIELDS).expect("the default fields read");
    Playbook {
        stages: vec![Stage {
            id: id("stage-lead"),
            kind: StageKind::LeadDevelopment,
            name: text("Leads", "线索"),
            goal: LocalizedText::default(),
            actions: Vec::new(),
            exit_criteria: Vec::new(),
            time_standards: Vec::new(),
            guide: LocalizedText::default(),
        }],
        fields,
        ..Playbook::default()
    }
}

/// A template section: its English text is the case's input, the Chinese `zh`.
pub fn template(case: &Case, input: &str) -> Result<(), String> {
    let sanitised = matches!(case.expect, Expect::Sanitised { .. });
    // Errors once, in the English text; a preview in both languages.
    let zh = if sanitised { input } else { "" };
    let mut playbook = base();
    let template = ProposalTemplate {
        id: id("tpl-hostile"),
        title: text("Hostile proposal", "测试方案"),
        description: LocalizedText::default(),
        industry: Default::default(),
        sections: vec![ProposalSection {
            id: id("body"),
            title: text("Body", "正文"),
            body: text(input, zh),
            show_if: None,
        }],
        pricing: false,
    };
    playbook.templates.push(template.clone());
    match &case.expect {
        Expect::Findings { findings, more } => check_findings(&playbook, findings, *more),
        Expect::Sanitised {
            absent,
            present,
            links,
        } => {
            let html: String = Locale::ALL
                .into_iter()
                .map(|l| template_html(&playbook, &template, l))
                .collect();
            check_findings(&playbook, &[], false)?;
            check_html(&html, absent, present, *links)
        }
        other => Err(format!("{other:?} is not an outcome of a template")),
    }
}

/// A call script read from JSON, audited.
pub fn script(case: &Case, input: &str) -> Result<(), String> {
    let script: Script = sales_playbook::json::from_str(input)
        .map_err(|e| format!("the script does not read: {e}"))?;
    let mut playbook = base();
    playbook.scripts.push(script);
    match &case.expect {
        Expect::Findings { findings, more } => check_findings(&playbook, findings, *more),
        other => Err(format!("{other:?} is not an outcome of a script")),
    }
}

/// The audit's errors (warnings such as unused fields are left out) against `expected`, in
/// order: all of them, or the first ones when `more`. Each is worded in both languages.
pub fn check_findings(
    playbook: &Playbook,
    expected: &[FindingExpect],
    more: bool,
) -> Result<(), String> {
    let errors: Vec<Finding> = audit(playbook)
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    let enough = if more {
        errors.len() > expected.len()
    } else {
        errors.len() == expected.len()
    };
    if !enough {
        let got: Vec<String> = errors.iter().take(12).map(summary).collect();
        return Err(format!(
            "the audit found {} errors ({got:?}); expected {}{}",
            errors.len(),
            expected.len(),
            if more { " and more" } else { "" }
        ));
    }
    for (finding, want) in errors.iter().zip(expected) {
        let kind = variant(&format!("{:?}", finding.kind));
        let (step, branch, line, column) = match &finding.place {
            Place::Script { step, branch, .. } => {
                (step.as_ref().map(Id::to_string), *branch, None, None)
            }
            Place::Template {
                position: Some(p), ..
            } => (None, None, Some(p.line), Some(p.column)),
            _ => (None, None, None, None),
        };
        let at = (step, branch, line, column);
        let want_at = (want.step.clone(), want.branch, want.line, want.column);
        if kind != want.kind || at != want_at {
            return Err(format!(
                "found {kind} at {at:?}; expected {} at {want_at:?}",
                want.kind
            ));
        }
        check_both(
            &describe(finding, Locale::En, playbook),
            &describe(finding, Locale::ZhCn, playbook),
            &want.en,
            &want.zh,
        )?;
    }
    Ok(())
}

fn summary(f: &Finding) -> String {
    format!("{} at {:?}", variant(&format!("{:?}", f.kind)), f.place)
}
