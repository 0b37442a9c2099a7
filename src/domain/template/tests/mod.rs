//! Native tests of the template language, split by feature.

mod errors;
mod robustness;
mod sections;
mod text;

use super::*;

/// Parses `src`, which must be valid, and fills it from `values`.
fn fill(src: &str, values: &[(&str, &str)]) -> Rendered {
    let template = parse(src).unwrap_or_else(|e| panic!("{src:?} should parse: {e:?}"));
    template.render(&|name| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    })
}

/// The filled text of `src`.
fn filled(src: &str, values: &[(&str, &str)]) -> String {
    fill(src, values).text
}

/// The errors of `src`, which must be invalid.
fn errors(src: &str) -> Vec<TemplateError> {
    match parse(src) {
        Ok(t) => panic!("{src:?} should not parse, got {t:?}"),
        Err(errors) => errors,
    }
}

/// The only error of `src`.
fn error(src: &str) -> TemplateError {
    let mut all = errors(src);
    assert_eq!(all.len(), 1, "{src:?}: {all:?}");
    all.remove(0)
}

fn at(line: usize, column: usize) -> Position {
    Position::new(line, column)
}
