//! Text, variables, placeholders, comments, escapes and standalone lines.

use super::*;

#[test]
fn plain_text_comes_out_unchanged() {
    for src in [
        "",
        "Dear customer,",
        "# Proposal\n\n- **Scope**: _all sites_\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "尊敬的客户：感谢您的信任。\n方案如下。",
        "a lone }} and a { single brace } and a \\ backslash",
        "{ {name} }",
        "trailing {",
        "line one\r\nline two\r\n",
    ] {
        assert_eq!(filled(src, &[]), src);
        assert!(fill(src, &[]).missing.is_empty());
    }
}

#[test]
fn plain_text_parses_to_one_text_node() {
    let t = parse("Hello 世界").unwrap();
    assert_eq!(t.nodes(), [Node::Text("Hello 世界".into())]);
    assert!(parse("").unwrap().nodes().is_empty());
}

#[test]
fn a_variable_is_replaced_by_its_value_with_or_without_spaces() {
    let values = [("company", "Acme 制造"), ("budget_range", "50-80k")];
    assert_eq!(filled("For {{company}}.", &values), "For Acme 制造.");
    assert_eq!(filled("For {{ company }}.", &values), "For Acme 制造.");
    assert_eq!(filled("{{\tbudget_range  }}", &values), "50-80k");
    assert_eq!(
        filled("{{company}}{{budget_range}}", &values),
        "Acme 制造50-80k"
    );
}

#[test]
fn values_are_inserted_verbatim_without_escaping() {
    let values = [("note", "<b>bold</b> & *stars* {{x}}")];
    assert_eq!(filled("{{note}}", &values), "<b>bold</b> & *stars* {{x}}");
}

#[test]
fn a_missing_or_blank_value_shows_a_placeholder_and_is_listed_once() {
    let src = "{{company}} / {{contact}}\n{{company}} / {{phone}}";
    let out = fill(src, &[("contact", "   "), ("phone", "\u{3000}")]);
    assert_eq!(
        out.text,
        "[[company]] / [[contact]]\n[[company]] / [[phone]]"
    );
    assert_eq!(
        out.missing,
        [
            ("company".to_owned(), at(1, 1)),
            ("contact".to_owned(), at(1, 15)),
            ("phone".to_owned(), at(2, 15)),
        ]
    );
}

#[test]
fn a_filled_value_is_not_listed_as_missing() {
    let out = fill("{{company}}", &[("company", " Acme ")]);
    assert_eq!(out.text, " Acme ");
    assert!(out.missing.is_empty());
}

#[test]
fn comments_are_removed_from_the_output() {
    assert_eq!(filled("a{{! a note }}b", &[]), "ab");
    assert_eq!(filled("a{{ !note}}b", &[]), "ab");
    assert_eq!(filled("a{{!}}b", &[]), "ab");
    assert_eq!(filled("a{{! a {{ inside a comment is fine }}b", &[]), "ab");
    assert_eq!(filled("a{{! spans\ntwo lines }}b", &[]), "ab");
}

#[test]
fn a_comment_ends_at_the_first_closing_braces() {
    assert_eq!(filled("{{! a }} b }}", &[]), " b }}");
}

#[test]
fn backslash_before_braces_writes_literal_braces() {
    assert_eq!(filled("\\{{company}}", &[]), "{{company}}");
    assert_eq!(
        filled("use \\{{name}} for a name", &[]),
        "use {{name}} for a name"
    );
    assert_eq!(filled("\\{{", &[]), "{{");
    assert_eq!(filled("\\{{#if}}", &[]), "{{#if}}");
}

#[test]
fn a_backslash_elsewhere_is_plain_text() {
    assert_eq!(filled("C:\\temp \\n \\{", &[]), "C:\\temp \\n \\{");
    // Only `\{{` is an escape, so `\\{{` is one backslash and then literal braces.
    assert_eq!(filled("\\\\{{x}}", &[]), "\\{{x}}");
    assert_eq!(filled("\\ {{company}}", &[("company", "Acme")]), "\\ Acme");
}

#[test]
fn a_line_holding_only_a_section_tag_is_removed_whole() {
    let src = "| item | price |\n|---|---|\n  {{#if training}}  \n| training | 5k |\n{{/if}}\n| total | 50k |\n";
    assert_eq!(
        filled(src, &[("training", "yes")]),
        "| item | price |\n|---|---|\n| training | 5k |\n| total | 50k |\n"
    );
    assert_eq!(
        filled(src, &[]),
        "| item | price |\n|---|---|\n| total | 50k |\n"
    );
}

#[test]
fn standalone_lines_work_with_windows_line_breaks_and_comments() {
    let src = "a\r\n{{! note }}\r\n{{#unless x}}\r\nb\r\n{{/unless}}\r\nc";
    assert_eq!(filled(src, &[]), "a\r\nb\r\nc");
    assert_eq!(filled("{{! one\ntwo }}\nbody", &[]), "body");
}

#[test]
fn a_tag_sharing_its_line_with_text_keeps_the_line() {
    assert_eq!(
        filled("x {{#if a}}\ny\n{{/if}} z", &[("a", "1")]),
        "x \ny\n z"
    );
    assert_eq!(filled("{{company}}\n", &[]), "[[company]]\n");
    assert_eq!(filled("{{#if a}}{{/if}}\nb", &[]), "\nb");
}
