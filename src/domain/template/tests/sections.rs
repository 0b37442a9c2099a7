//! Conditional sections, nesting, the variable list and the unknown-variable check.

use super::*;

#[test]
fn if_shows_its_body_only_when_the_value_is_not_blank() {
    let src = "A{{#if budget}} budget: {{budget}}{{/if}}.";
    assert_eq!(filled(src, &[("budget", "50k")]), "A budget: 50k.");
    assert_eq!(filled(src, &[("budget", "  ")]), "A.");
    assert_eq!(filled(src, &[]), "A.");
}

#[test]
fn else_shows_when_the_if_value_is_blank() {
    let src = "{{#if champion}}Champion: {{champion}}{{else}}No champion yet{{/if}}";
    assert_eq!(filled(src, &[("champion", "Li Wei")]), "Champion: Li Wei");
    assert_eq!(filled(src, &[("champion", "")]), "No champion yet");
    assert_eq!(filled(src, &[]), "No champion yet");
}

#[test]
fn unless_shows_its_body_only_when_the_value_is_blank() {
    let src = "{{#unless deadline}}Timeline to be agreed.{{/unless}}";
    assert_eq!(filled(src, &[]), "Timeline to be agreed.");
    assert_eq!(filled(src, &[("deadline", "\t")]), "Timeline to be agreed.");
    assert_eq!(filled(src, &[("deadline", "2025-06-30")]), "");
}

#[test]
fn tags_with_spaces_inside_work_like_tight_ones() {
    let src = "{{ # if  a }}yes{{ else }}no{{ / if }}{{ #unless a }}!{{/ unless}}";
    assert_eq!(filled(src, &[("a", "1")]), "yes");
    assert_eq!(filled(src, &[]), "no!");
}

#[test]
fn a_blank_condition_is_not_listed_as_missing() {
    let out = fill("{{#if a}}x{{/if}}{{#unless b}}y{{/unless}}", &[]);
    assert_eq!(out.text, "y");
    assert!(out.missing.is_empty());
}

#[test]
fn only_variables_in_the_shown_branch_are_listed_as_missing() {
    let out = fill("{{#if a}}{{x}}{{else}}{{y}}{{/if}}", &[]);
    assert_eq!(out.text, "[[y]]");
    assert_eq!(out.missing, [("y".to_owned(), at(1, 23))]);
}

#[test]
fn sections_nest() {
    let src = "{{#if a}}A{{#if b}}B{{else}}b{{#unless c}}!{{/unless}}{{/if}}{{else}}-{{/if}}";
    assert_eq!(filled(src, &[("a", "1"), ("b", "1")]), "AB");
    assert_eq!(filled(src, &[("a", "1")]), "Ab!");
    assert_eq!(filled(src, &[("a", "1"), ("c", "1")]), "Ab");
    assert_eq!(filled(src, &[("b", "1")]), "-");
}

#[test]
fn a_nested_else_belongs_to_the_innermost_if() {
    let src = "{{#if a}}{{#if b}}1{{else}}2{{/if}}{{else}}3{{/if}}";
    assert_eq!(filled(src, &[("a", "1")]), "2");
    assert_eq!(filled(src, &[("b", "1")]), "3");
}

#[test]
fn sixteen_nested_sections_are_allowed() {
    let src = format!("{}x{}", "{{#if a}}".repeat(16), "{{/if}}".repeat(16));
    assert_eq!(filled(&src, &[("a", "1")]), "x");
    assert_eq!(filled(&src, &[]), "");
}

#[test]
fn the_tree_is_a_plain_ast() {
    let t = parse("Hi {{name}}{{#if a}}!{{else}}?{{/if}}{{#unless b}}.{{/unless}}").unwrap();
    let var = |name: &str, column| VarUse {
        name: name.into(),
        position: at(1, column),
    };
    assert_eq!(
        t.nodes(),
        [
            Node::Text("Hi ".into()),
            Node::Var(var("name", 4)),
            Node::If {
                cond: var("a", 12),
                then: vec![Node::Text("!".into())],
                otherwise: vec![Node::Text("?".into())],
            },
            Node::Unless {
                cond: var("b", 38),
                body: vec![Node::Text(".".into())],
            },
        ]
    );
}

#[test]
fn variables_lists_every_use_with_conditions_in_source_order() {
    let src = "{{company}}\n{{#if budget}}{{budget}}{{else}}{{contact}}{{/if}}\n  {{#unless company}}{{company}}{{/unless}}";
    let t = parse(src).unwrap();
    let names = |v: &[(&str, usize, usize)]| {
        v.iter()
            .map(|(n, l, c)| ((*n).to_owned(), at(*l, *c)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        t.variables(),
        names(&[
            ("company", 1, 1),
            ("budget", 2, 1),
            ("budget", 2, 15),
            ("contact", 2, 33),
            ("company", 3, 3),
            ("company", 3, 22),
        ])
    );
}

#[test]
fn unknown_variable_is_reported_with_its_line_and_column() {
    let src = "尊敬的{{company}}：\n\n  预算：{{budgte}}，{{#if champoin}}x{{/if}}";
    let t = parse(src).unwrap();
    let known = |name: &str| ["company", "budget", "champion"].contains(&name);
    assert_eq!(
        t.check_known(&known),
        [
            TemplateError::UnknownVariable {
                name: "budgte".into(),
                position: at(3, 6),
            },
            TemplateError::UnknownVariable {
                name: "champoin".into(),
                position: at(3, 17),
            },
        ]
    );
}

#[test]
fn every_use_of_an_unknown_variable_is_reported() {
    let t = parse("{{x}} {{x}}").unwrap();
    let errors = t.check_known(&|_| false);
    let positions: Vec<_> = errors.iter().map(TemplateError::position).collect();
    assert_eq!(positions, [at(1, 1), at(1, 7)]);
}

#[test]
fn known_variables_give_no_errors() {
    let t = parse("{{a}}{{#if b}}{{/if}}").unwrap();
    assert!(t.check_known(&|_| true).is_empty());
}
