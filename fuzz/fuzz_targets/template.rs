//! The proposal template language: `domain::template::parse` never panics; a parsed template
//! renders with any values, lists its variables at their `{{`, and misses nothing that has a
//! value; every error points at a `{{`, in order; text without `{{` comes out unchanged. Then
//! the template's page (`render::template::template_html`: preview and source, in English or
//! Chinese by the input's length) is built from it and checked to be safe HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sales_playbook::domain::field::is_field_name;
use sales_playbook::domain::proposal::{ProposalSection, ProposalTemplate};
use sales_playbook::domain::template::{parse, Position, TemplateError};
use sales_playbook::domain::{Id, Locale, LocalizedText};
use sales_playbook::render::template::template_html;

/// Whether `src` has `{{` at `position` (lines split at `\n`, columns in characters).
fn braces_at(src: &str, position: Position) -> bool {
    let Some(line) = src.split('\n').nth(position.line.wrapping_sub(1)) else {
        return false;
    };
    let mut rest = line.chars().skip(position.column.wrapping_sub(1));
    rest.next() == Some('{') && rest.next() == Some('{')
}

/// Values for a render: some names have none, some a blank one, the rest a value with
/// Markdown and HTML in it (values go in verbatim; the page must stay safe).
fn value(name: &str) -> Option<String> {
    match name.len() % 3 {
        0 => None,
        1 => Some(" \u{3000}".into()),
        _ => Some(format!("<b>{name}</b> *[x](javascript:alert(1))*")),
    }
}

fuzz_target!(|data: &[u8]| {
    let src = fuzz_common::text(data);
    match parse(src) {
        Ok(template) => {
            let variables = template.variables();
            for (name, position) in &variables {
                assert!(is_field_name(name), "{name:?} from {src:?}");
                assert!(braces_at(src, *position), "{name} at {position} in {src:?}");
            }
            let all = template.render(&|_| Some("v".into()));
            assert!(all.missing.is_empty(), "{src:?}");
            let none = template.render(&|_| None);
            for (i, (name, _)) in none.missing.iter().enumerate() {
                assert!(
                    !none.missing[..i].iter().any(|(n, _)| n == name),
                    "{name} listed twice for {src:?}"
                );
            }
            let _ = template.render(&value);
            assert_eq!(template.check_known(&|_| false).len(), variables.len());
            if !src.contains("{{") {
                assert_eq!(all.text, src, "text without tags changed");
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "{src:?}");
            let positions: Vec<Position> = errors.iter().map(TemplateError::position).collect();
            assert!(positions.is_sorted(), "{positions:?} for {src:?}");
            for e in &errors {
                assert!(braces_at(src, e.position()), "{e} for {src:?}");
            }
        }
    }

    // The template's page, as the app shows it: the text as a section body, once in each
    // language with the other left blank.
    let id = |s: &str| Id::parse(s).expect("a valid id");
    let section = |sid: &str, body: LocalizedText, show_if: Option<&str>| ProposalSection {
        id: id(sid),
        title: LocalizedText::new("Title", "标题"),
        body,
        show_if: show_if.map(String::from),
    };
    let page = ProposalTemplate {
        id: id("fuzzed"),
        title: LocalizedText::new("Fuzzed", "模糊"),
        // Plain Markdown, fuzzed by the `markdown` target.
        description: LocalizedText::new("For *every* industry.", "适用于**所有**行业。"),
        industry: Default::default(),
        sections: vec![
            section("en", LocalizedText::new(src, ""), None),
            section("zh", LocalizedText::new("", src), Some("budget_range")),
        ],
        pricing: src.len() % 2 == 0,
    };
    let locale = if data.len() % 2 == 0 {
        Locale::En
    } else {
        Locale::ZhCn
    };
    let html = template_html(fuzz_common::default_playbook(), &page, locale);
    if let Err(e) = fuzz_common::check_html(&html, fuzz_common::TEMPLATE_PAGE_TAGS) {
        panic!("unsafe template page ({locale:?}): {e}\nsource: {src:?}\nhtml: {html:?}");
    }
});
