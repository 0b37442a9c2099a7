//! Using a parsed template: listing its variables, checking them against the known fields,
//! and filling it with values.

use super::error::TemplateError;
use super::{Node, Position, Rendered, Template, VarUse};

impl Template {
    /// Every use of a variable, conditions of `#if` and `#unless` included, in source order.
    pub fn variables(&self) -> Vec<(String, Position)> {
        let mut uses = Vec::new();
        visit(&self.nodes, &mut |var| {
            uses.push((var.name.clone(), var.position));
        });
        uses
    }

    /// An [`TemplateError::UnknownVariable`] for each use of a name `known` rejects, in source
    /// order, so that a typo is caught when the template is written rather than rendered as a
    /// gap in a customer's proposal.
    pub fn check_known(&self, known: &dyn Fn(&str) -> bool) -> Vec<TemplateError> {
        self.variables()
            .into_iter()
            .filter(|(name, _)| !known(name))
            .map(|(name, position)| TemplateError::UnknownVariable { name, position })
            .collect()
    }

    /// Fills the template. A variable whose value is `None` or blank shows as `[[name]]` and
    /// is listed in [`Rendered::missing`]; a section's condition holds when its value is not
    /// blank. Values go in verbatim: escaping belongs to the HTML edge.
    pub fn render(&self, value: &dyn Fn(&str) -> Option<String>) -> Rendered {
        let mut out = Rendered::default();
        render_nodes(&self.nodes, value, &mut out);
        out
    }
}

/// The value of `name` when it has one that is not blank (Unicode whitespace counts as blank,
/// the ideographic space included).
fn filled(value: &dyn Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    value(name).filter(|v| !v.trim().is_empty())
}

/// Calls `f` on each variable use in source order. Recursion is bounded by `MAX_DEPTH`.
fn visit(nodes: &[Node], f: &mut dyn FnMut(&VarUse)) {
    for node in nodes {
        match node {
            Node::Text(_) => {}
            Node::Var(var) => f(var),
            Node::If {
                cond,
                then,
                otherwise,
            } => {
                f(cond);
                visit(then, f);
                visit(otherwise, f);
            }
            Node::Unless { cond, body } => {
                f(cond);
                visit(body, f);
            }
        }
    }
}

fn render_nodes(nodes: &[Node], value: &dyn Fn(&str) -> Option<String>, out: &mut Rendered) {
    for node in nodes {
        match node {
            Node::Text(text) => out.text.push_str(text),
            Node::Var(var) => match filled(value, &var.name) {
                Some(v) => out.text.push_str(&v),
                None => {
                    out.text.push_str("[[");
                    out.text.push_str(&var.name);
                    out.text.push_str("]]");
                    if !out.missing.iter().any(|(name, _)| *name == var.name) {
                        out.missing.push((var.name.clone(), var.position));
                    }
                }
            },
            Node::If {
                cond,
                then,
                otherwise,
            } => {
                let branch = if filled(value, &cond.name).is_some() {
                    then
                } else {
                    otherwise
                };
                render_nodes(branch, value, out);
            }
            Node::Unless { cond, body } => {
                if filled(value, &cond.name).is_none() {
                    render_nodes(body, value, out);
                }
            }
        }
    }
}
