//! Every error kind, with its exact line and column, and several errors at once.

use super::*;
use SectionKind::{If, Unless};
use TemplateError as E;

#[test]
fn an_unclosed_tag_is_reported_where_its_braces_open() {
    assert_eq!(
        error("Hello {{company"),
        E::UnclosedTag { position: at(1, 7) }
    );
    assert_eq!(
        error("你好 {{company\nnext"),
        E::UnclosedTag { position: at(1, 4) }
    );
    assert_eq!(error("{{"), E::UnclosedTag { position: at(1, 1) });
}

#[test]
fn a_tag_must_close_on_its_own_line_and_before_the_next_tag() {
    assert_eq!(
        error("a {{company\n}}"),
        E::UnclosedTag { position: at(1, 3) }
    );
    // The good tag after the unclosed one still parses: one mistake, one error.
    assert_eq!(
        error("{{company {{contact}}"),
        E::UnclosedTag { position: at(1, 1) }
    );
}

#[test]
fn an_unclosed_comment_is_an_unclosed_tag() {
    assert_eq!(
        error("ok\n  {{! never closed\n{{company"),
        E::UnclosedTag { position: at(2, 3) }
    );
}

#[test]
fn an_empty_tag_is_reported_after_cjk_text_on_line_3() {
    assert_eq!(
        error("a\nb\n 预算 {{ }}"),
        E::EmptyTag { position: at(3, 5) }
    );
    assert_eq!(error("{{}}"), E::EmptyTag { position: at(1, 1) });
}

#[test]
fn an_invalid_variable_name_is_reported_with_the_name() {
    for name in [
        "Budget",
        "1st",
        "budget-range",
        "a b",
        "a.b",
        "_x",
        &"a".repeat(65),
    ] {
        assert_eq!(
            error(&format!("x {{{{ {name} }}}}")),
            E::InvalidVariableName {
                name: name.to_owned(),
                position: at(1, 3),
            }
        );
    }
    assert_eq!(
        error("第一行\n第二行\n客户：{{客户名称}}"),
        E::InvalidVariableName {
            name: "客户名称".into(),
            position: at(3, 4),
        }
    );
}

#[test]
fn an_invalid_condition_name_is_reported_and_its_section_still_closes() {
    assert_eq!(
        error("{{#if Budget}}x{{/if}}"),
        E::InvalidVariableName {
            name: "Budget".into(),
            position: at(1, 1),
        }
    );
    assert_eq!(
        error("{{#unless a b}}x{{/unless}}"),
        E::InvalidVariableName {
            name: "a b".into(),
            position: at(1, 1),
        }
    );
}

#[test]
fn a_section_without_a_field_name_is_reported() {
    assert_eq!(
        error("x{{#if}}y{{/if}}"),
        E::MissingCondition {
            kind: If,
            position: at(1, 2)
        }
    );
    assert_eq!(
        error("{{ #unless  }}{{/unless}}"),
        E::MissingCondition {
            kind: Unless,
            position: at(1, 1)
        }
    );
}

#[test]
fn an_unknown_directive_is_reported_with_its_text() {
    for text in [
        "#each items",
        "/each",
        ">partial",
        "&raw",
        "{x",
        "else if b",
        "#",
        "^a",
    ] {
        assert_eq!(
            error(&format!("\n\n  {{{{{text}}}}}")),
            E::UnknownDirective {
                text: text.to_owned(),
                position: at(3, 3),
            }
        );
    }
}

#[test]
fn else_outside_a_section_is_reported() {
    assert_eq!(
        error("a {{else}} b"),
        E::ElseOutsideSection { position: at(1, 3) }
    );
}

#[test]
fn else_inside_unless_is_reported() {
    assert_eq!(
        error("{{#unless a}}x{{else}}y{{/unless}}"),
        E::ElseInUnless {
            position: at(1, 15)
        }
    );
}

#[test]
fn a_second_else_in_one_if_is_reported_with_the_first() {
    assert_eq!(
        error("{{#if a}}1{{else}}2{{else}}3{{/if}}"),
        E::DuplicateElse {
            first: at(1, 11),
            position: at(1, 20),
        }
    );
}

#[test]
fn a_close_outside_any_section_is_reported() {
    assert_eq!(
        error("text\n{{/if}}"),
        E::CloseOutsideSection {
            kind: If,
            position: at(2, 1)
        }
    );
    assert_eq!(
        error("{{/unless}}"),
        E::CloseOutsideSection {
            kind: Unless,
            position: at(1, 1)
        }
    );
}

#[test]
fn a_mismatched_close_names_the_section_it_closes() {
    assert_eq!(
        error("{{#if a}}\nx\n  {{/unless}}"),
        E::MismatchedClose {
            open: If,
            opened_at: at(1, 1),
            close: Unless,
            position: at(3, 3),
        }
    );
}

#[test]
fn an_unclosed_section_is_reported_at_its_opening_tag() {
    assert_eq!(
        error("intro\n\n客户 {{#if budget}}\n预算 {{budget}}"),
        E::UnclosedSection {
            kind: If,
            position: at(3, 4)
        }
    );
}

#[test]
fn nesting_deeper_than_sixteen_is_reported_once() {
    let tag = "{{#if a}}";
    for depth in [17, 20] {
        let src = format!("{}x{}", tag.repeat(depth), "{{/if}}".repeat(depth));
        let column = 1 + 16 * tag.chars().count();
        assert_eq!(
            error(&src),
            E::NestingTooDeep {
                limit: MAX_DEPTH,
                position: at(1, column),
            },
            "depth {depth}"
        );
    }
}

#[test]
fn every_error_is_reported_sorted_by_position() {
    let src = "{{#if a}}\n{{Bad}}\n{{#each x}}\n{{else}}{{else}}\n{{/unless}}{{/if}}\n{{";
    assert_eq!(
        errors(src),
        [
            E::InvalidVariableName {
                name: "Bad".into(),
                position: at(2, 1),
            },
            E::UnknownDirective {
                text: "#each x".into(),
                position: at(3, 1),
            },
            E::DuplicateElse {
                first: at(4, 1),
                position: at(4, 9),
            },
            E::MismatchedClose {
                open: If,
                opened_at: at(1, 1),
                close: Unless,
                position: at(5, 1),
            },
            E::CloseOutsideSection {
                kind: If,
                position: at(5, 12)
            },
            E::UnclosedTag { position: at(6, 1) },
        ]
    );
}

#[test]
fn an_unclosed_section_sorts_before_later_errors() {
    assert_eq!(
        errors("{{#unless a}}\n{{Bad}}"),
        [
            E::UnclosedSection {
                kind: Unless,
                position: at(1, 1)
            },
            E::InvalidVariableName {
                name: "Bad".into(),
                position: at(2, 1),
            },
        ]
    );
}

#[test]
fn error_messages_name_the_position_and_the_tag() {
    let message = |e: E| e.to_string();
    assert_eq!(
        message(E::UnclosedTag { position: at(3, 5) }),
        "line 3, column 5: `{{` is not closed by `}}`"
    );
    assert_eq!(
        message(E::MissingCondition {
            kind: If,
            position: at(1, 1)
        }),
        "line 1, column 1: `{{#if}}` needs a field name"
    );
    assert_eq!(
        message(E::UnknownDirective {
            text: "#each x".into(),
            position: at(2, 4),
        }),
        "line 2, column 4: unknown tag `{{#each x}}`"
    );
    assert_eq!(
        message(E::MismatchedClose {
            open: If,
            opened_at: at(1, 1),
            close: Unless,
            position: at(2, 1),
        }),
        "line 2, column 1: `{{/unless}}` closes the `{{#if}}` opened at line 1, column 1"
    );
}
