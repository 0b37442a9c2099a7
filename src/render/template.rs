//! A proposal template's page as one string of HTML: a preview filled with the made-up deal
//! of `i18n::browse` (a variable with no sample shows as a highlighted `[name]` and is listed
//! as missing, never a silent blank), and the template's source. Static once built, tested
//! natively, and far less wasm than a Leptos view; every text goes through [`escape`] or the
//! safe Markdown renderer.

use crate::domain::audit::{Finding, FindingKind, Place};
use crate::domain::playbook::Playbook;
use crate::domain::proposal::ProposalTemplate;
use crate::domain::template::{parse, Rendered, TemplateError};
use crate::domain::{Id, Locale, LocalizedText};
use crate::i18n::browse::{browse_texts, sample};
use crate::i18n::{fill, industry_name, texts};
use crate::markdown::{escape, mark_missing, to_html};

/// A template's text filled with the sample values of `locale`, or its mistakes.
fn preview(src: &str, locale: Locale) -> Result<Rendered, Vec<TemplateError>> {
    parse(src).map(|t| t.render(&|name| sample(name, locale)))
}

/// The filled Markdown as safe HTML, each missing value's `[[name]]` shown as a highlighted
/// `[name]` ([`mark_missing`]).
fn highlighted(rendered: &Rendered) -> String {
    let html = to_html(&rendered.text);
    if rendered.missing.is_empty() {
        return html;
    }
    let names = rendered.missing.iter().map(|(name, _)| name.as_str());
    mark_missing(&html, names, |name| format!("[{name}]"))
}

/// Appends `text`, escaped, between `open` and `close`. Never inlined: it is called a dozen
/// times, and one copy of the escaping loop keeps the wasm small.
#[inline(never)]
fn push(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    out.push_str(&escape(text));
    out.push_str(close);
}

/// A template previewed with the sample values of `locale`, as safe HTML (every text is
/// escaped): the values missing from it, then each section under its heading. A section with
/// mistakes lists them, with line and column, in place of its preview.
fn preview_html(playbook: &Playbook, template: &ProposalTemplate, locale: Locale) -> String {
    let b = browse_texts(locale);
    let mut missing: Vec<String> = Vec::new();
    let mut sections = String::new();
    for s in &template.sections {
        push(&mut sections, "<section><h2>", s.title.get(locale), "</h2>");
        if let Some(field) = &s.show_if {
            let field = playbook.field_label(field, locale);
            let note = fill(b.shown_only_if, &[("field", &field)]);
            push(&mut sections, "<p class=\"hint\">", &note, "</p>");
        }
        match preview(s.body.get(locale), locale) {
            Ok(r) => {
                for (name, _) in r.missing.iter() {
                    if !missing.contains(name) {
                        missing.push(name.clone());
                    }
                }
                sections.push_str("<div class=\"prose\">");
                sections.push_str(&highlighted(&r));
                sections.push_str("</div>");
            }
            Err(errors) => {
                let language = shown_language(&s.body, locale);
                push(
                    &mut sections,
                    "<div class=\"template-errors\"><p>",
                    b.section_errors,
                    "</p><ul>",
                );
                for e in errors {
                    let line = describe_error(playbook, &template.id, &s.id, language, e, locale);
                    push(&mut sections, "<li>", &line, "</li>");
                }
                sections.push_str("</ul></div>");
            }
        }
        sections.push_str("</section>");
    }
    let mut out = String::new();
    if !missing.is_empty() {
        let zh = locale.supported() == Locale::ZhCn;
        let names = missing.join(if zh { "、" } else { ", " });
        let note = fill(b.missing_values, &[("names", &names)]);
        push(
            &mut out,
            "<p class=\"banner warning\" data-testid=\"missing-values\">",
            &note,
            "</p>",
        );
    }
    out + &sections
}

/// A template's source in `locale` as safe HTML: each section's heading and its raw text with
/// the `{{variables}}`.
fn source_html(template: &ProposalTemplate, locale: Locale) -> String {
    let mut out = String::new();
    for s in &template.sections {
        push(&mut out, "<section><h2>", s.title.get(locale), "</h2>");
        push(&mut out, "<pre>", s.body.get(locale), "</pre></section>");
    }
    out
}

/// A template's page below its title, as safe HTML: what it is for, then the "View" choice
/// between the preview and the source. The choice is a pair of radio buttons that style/main.css
/// turns into the switch, so the page needs no reactive code for it (the wasm size budget).
pub fn template_html(playbook: &Playbook, template: &ProposalTemplate, locale: Locale) -> String {
    let (t, b) = (texts(locale), browse_texts(locale));
    let mut out = String::new();
    let n = template.sections.len().to_string();
    let about = format!(
        "{} · {}",
        industry_name(t, template.industry),
        fill(b.template_sections, &[("n", &n)])
    );
    push(
        &mut out,
        "<p class=\"hint\">",
        &about,
        "</p><div class=\"prose\">",
    );
    out.push_str(&to_html(template.description.get(locale)));
    out.push_str("</div>");
    if template.pricing {
        push(
            &mut out,
            "<p class=\"note\" data-testid=\"pricing-note\">",
            b.template_pricing,
            "</p>",
        );
    }
    push(
        &mut out,
        "<fieldset class=\"segmented template-toggle\"><legend class=\"visually-hidden\">",
        b.template_view,
        "</legend>",
    );
    push(
        &mut out,
        "<label><input type=\"radio\" name=\"template-view\" checked>",
        b.template_preview,
        "</label>",
    );
    push(
        &mut out,
        "<label><input type=\"radio\" name=\"template-view\" id=\"show-source\">",
        b.template_source,
        "</label></fieldset>",
    );
    out.push_str("<div class=\"template-preview\" data-testid=\"template-preview\">");
    out.push_str(&preview_html(playbook, template, locale));
    out.push_str("</div><div class=\"template-source\" data-testid=\"template-source\">");
    out.push_str(&source_html(template, locale));
    out.push_str("</div>");
    out
}

/// The language `text` is shown in for `locale`: its own, or the other one when it is blank.
fn shown_language(text: &LocalizedText, locale: Locale) -> Locale {
    match (text.has(locale), locale.supported()) {
        (true, l) => l,
        (false, Locale::ZhCn) => Locale::En,
        (false, _) => Locale::ZhCn,
    }
}

/// A mistake in a section's text (in `language`) in words, with its line and column, as the
/// playbook audit words it.
fn describe_error(
    playbook: &Playbook,
    template: &Id,
    section: &Id,
    language: Locale,
    error: TemplateError,
    locale: Locale,
) -> String {
    let place = Place::Template {
        id: template.clone(),
        section: Some(section.clone()),
        locale: Some(language),
        position: Some(error.position()),
    };
    crate::i18n::audit::describe(
        &Finding::new(place, FindingKind::Template(error)),
        locale,
        playbook,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_templates() -> Vec<ProposalTemplate> {
        crate::json::from_str(include_str!("../../content/default/templates.json")).unwrap()
    }

    /// The names missing from the whole preview of a template in `locale`.
    fn missing(template: &ProposalTemplate, locale: Locale) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for s in &template.sections {
            let r = preview(s.body.get(locale), locale).unwrap();
            for (n, _) in r.missing {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    }

    #[test]
    fn every_default_template_previews_in_both_languages_with_only_the_vendor_missing() {
        for t in default_templates() {
            for locale in Locale::ALL {
                let expected: &[&str] = if t.id.as_str() == "tpl-software" {
                    &["current_vendor"]
                } else {
                    &[]
                };
                assert_eq!(missing(&t, locale), expected, "{} {locale:?}", t.id);
                for s in &t.sections {
                    let r = preview(s.body.get(locale), locale).unwrap();
                    assert!(!r.text.contains("{{"), "{} {}", t.id, s.id);
                }
            }
        }
    }

    #[test]
    fn the_sample_company_fills_the_preview_in_each_language() {
        let r = preview("Dear {{company}},", Locale::En).unwrap();
        assert_eq!(r.text, "Dear Acme Manufacturing Ltd,");
        let r = preview("{{company}}您好", Locale::ZhCn).unwrap();
        assert_eq!(r.text, "华东精密制造有限公司您好");
    }

    #[test]
    fn a_value_without_a_sample_is_a_highlighted_marker_never_a_blank() {
        let r = preview("From {{current_vendor}} to us.", Locale::En).unwrap();
        assert_eq!(r.missing.len(), 1);
        assert_eq!(
            highlighted(&r),
            "<p>From <mark class=\"missing\">[current_vendor]</mark> to us.</p>"
        );
    }

    #[test]
    fn a_missing_value_in_a_link_address_is_marked_in_the_text_and_never_breaks_the_tag() {
        // Found by fuzzing (fuzz/regressions/template/link-to-missing-value.md): the marker
        // went inside the `href` and its quotes closed the attribute.
        let src = "[Call]({{current_vendor}}) **{{current_vendor}}**";
        let r = preview(src, Locale::En).unwrap();
        assert_eq!(
            highlighted(&r),
            "<p><a href=\"[[current_vendor]]\">Call</a> <strong><mark class=\"missing\">\
             [current_vendor]</mark></strong></p>"
        );
    }

    fn playbook() -> Playbook {
        Playbook {
            templates: default_templates(),
            fields: crate::json::from_str(include_str!("../../content/default/fields.json"))
                .unwrap(),
            ..Playbook::default()
        }
    }

    #[test]
    fn the_preview_lists_missing_values_by_label_and_escapes_every_text() {
        let mut p = playbook();
        let software = p.templates.iter().find(|t| t.id.as_str() == "tpl-software");
        let html = preview_html(&p, software.unwrap(), Locale::En);
        assert!(html.contains(
            "data-testid=\"missing-values\">Missing values (no sample): current_vendor<"
        ));
        assert!(html.contains("Shown only when “Current vendor” has an answer."));
        assert!(!html.contains("{{"));
        let t = &mut p.templates[0];
        t.sections[0].title.en = "<b>Title</b>".into();
        t.sections[0].body.en = "<i>x</i> {{#if pain}}".into();
        let t = p.templates[0].clone();
        let html = preview_html(&p, &t, Locale::En);
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains("class=\"template-errors\""), "{html}");
        assert!(html.contains("line 1, column 10"), "{html}");
        assert!(!html.contains("missing-values"), "{html}");
        let source = source_html(&t, Locale::En);
        assert!(
            source.contains("&lt;i&gt;x&lt;/i&gt; {{#if pain}}"),
            "{source}"
        );
    }

    #[test]
    fn the_template_page_offers_preview_and_source_with_the_pricing_note() {
        let p = playbook();
        let html = template_html(&p, &p.templates[1], Locale::ZhCn);
        assert!(
            html.starts_with("<p class=\"hint\">制造业与工业设备 · 8 个部分</p>"),
            "{html}"
        );
        assert!(html.contains("data-testid=\"pricing-note\""));
        assert!(html.contains("id=\"show-source\">查看模板原文</label>"));
        assert!(html.contains("华东精密制造有限公司"));
        assert!(html.contains("{{company}}"));
    }

    #[test]
    fn a_broken_section_reports_its_line_and_column_in_words() {
        let errors = preview("Hello\n  {{#if pain}}open", Locale::En).unwrap_err();
        let playbook = playbook();
        let (t, s) = (
            &playbook.templates[0].id,
            &playbook.templates[0].sections[0].id,
        );
        let en = describe_error(&playbook, t, s, Locale::En, errors[0].clone(), Locale::En);
        assert!(en.contains("line 2, column 3"), "{en}");
        assert!(en.contains("Standard proposal"), "{en}");
        let zh = describe_error(&playbook, t, s, Locale::En, errors[0].clone(), Locale::ZhCn);
        assert!(zh.contains("第 2 行第 3 列"), "{zh}");
    }
}
