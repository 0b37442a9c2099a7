//! The playbook audit over the default content shipped with the app (`content/default/*.json`):
//! a trainer opening the audit on a fresh install must see no errors.

use sales_playbook::content::assemble;
use sales_playbook::domain::audit::{audit, Severity};
use sales_playbook::domain::playbook::Playbook;
use sales_playbook::domain::Locale;
use sales_playbook::i18n::audit::describe;

const STAGES: &str = include_str!("../content/default/stages.json");
const SCRIPTS: &str = include_str!("../content/default/scripts.json");
const OBJECTIONS: &str = include_str!("../content/default/objections.json");
const FIELDS: &str = include_str!("../content/default/fields.json");
const CHECKLISTS: &str = include_str!("../content/default/checklists.json");
const TEMPLATES: &str = include_str!("../content/default/templates.json");

/// The default playbook, assembled from its parts as the app does at start.
fn playbook() -> Playbook {
    let file = |part: &str| {
        let text = match part {
            "stages" => STAGES,
            "scripts" => SCRIPTS,
            "objections" => OBJECTIONS,
            "fields" => FIELDS,
            "checklists" => CHECKLISTS,
            "templates" => TEMPLATES,
            _ => return None,
        };
        Some(text.to_owned())
    };
    assemble(file).unwrap_or_else(|e| panic!("the default playbook does not assemble: {e}"))
}

#[test]
fn the_default_playbook_has_no_errors() {
    let playbook = playbook();
    let findings = audit(&playbook);
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| describe(f, Locale::En, &playbook))
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors in the default playbook:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Warnings are allowed, but each must read as a sentence in both languages; printed so a
/// `cargo test -- --nocapture` run shows what a trainer would see.
#[test]
fn the_default_playbooks_warnings_read_in_both_languages() {
    let playbook = playbook();
    for finding in audit(&playbook) {
        let en = describe(&finding, Locale::En, &playbook);
        let zh = describe(&finding, Locale::ZhCn, &playbook);
        println!("{en}\n{zh}");
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{finding:?}");
    }
}
