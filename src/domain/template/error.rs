//! What can be wrong in a template. Every error carries the position of the `{{` concerned;
//! the UI turns each kind into words in the reader's language, these messages are for logs.

use super::{Position, SectionKind};

/// A mistake in a template, found by [`super::parse`] or [`super::Template::check_known`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// `{{` with no `}}` after it on the same line (or before the next `{{`); for a comment,
    /// no `}}` at all.
    #[error("{position}: `{{{{` is not closed by `}}}}`")]
    UnclosedTag { position: Position },

    /// `{{}}` or `{{  }}`.
    #[error("{position}: empty tag `{{{{}}}}`")]
    EmptyTag { position: Position },

    /// A variable or condition that is not a field name (`{{Budget}}`, `{{预算}}`,
    /// `{{#if a b}}`).
    #[error("{position}: `{name}` is not a valid field name (lowercase letters, digits, `_`)")]
    InvalidVariableName { name: String, position: Position },

    /// `{{#if}}` or `{{#unless}}` without a field name.
    #[error("{position}: `{{{{#{kind}}}}}` needs a field name")]
    MissingCondition {
        kind: SectionKind,
        position: Position,
    },

    /// A tag the language does not know (`{{#each items}}`, `{{>partial}}`, `{{else if x}}`).
    #[error("{position}: unknown tag `{{{{{text}}}}}`")]
    UnknownDirective { text: String, position: Position },

    /// `{{else}}` with no section open.
    #[error("{position}: `{{{{else}}}}` outside any `{{{{#if}}}}` section")]
    ElseOutsideSection { position: Position },

    /// `{{else}}` directly inside `{{#unless}}`, which has no else branch.
    #[error("{position}: `{{{{#unless}}}}` has no `{{{{else}}}}`")]
    ElseInUnless { position: Position },

    /// A second `{{else}}` in one `{{#if}}`.
    #[error("{position}: a second `{{{{else}}}}` in one `{{{{#if}}}}` (the first is at {first})")]
    DuplicateElse { first: Position, position: Position },

    /// `{{/if}}` or `{{/unless}}` with no section open.
    #[error("{position}: `{{{{/{kind}}}}}` closes no section")]
    CloseOutsideSection {
        kind: SectionKind,
        position: Position,
    },

    /// A close that does not match the innermost open section (`{{/unless}}` for an `#if`).
    #[error("{position}: `{{{{/{close}}}}}` closes the `{{{{#{open}}}}}` opened at {opened_at}")]
    MismatchedClose {
        open: SectionKind,
        opened_at: Position,
        close: SectionKind,
        position: Position,
    },

    /// A section still open at the end of the text; the position is its opening tag.
    #[error("{position}: `{{{{#{kind}}}}}` is never closed by `{{{{/{kind}}}}}`")]
    UnclosedSection {
        kind: SectionKind,
        position: Position,
    },

    /// A section opened inside [`super::MAX_DEPTH`] open sections.
    #[error("{position}: sections nest more than {limit} deep")]
    NestingTooDeep { limit: usize, position: Position },

    /// A variable no field provides (from [`super::Template::check_known`]).
    #[error("{position}: unknown variable `{name}`")]
    UnknownVariable { name: String, position: Position },
}

impl TemplateError {
    /// Where the error is: the `{{` of the tag concerned.
    pub fn position(&self) -> Position {
        match self {
            TemplateError::UnclosedTag { position }
            | TemplateError::EmptyTag { position }
            | TemplateError::InvalidVariableName { position, .. }
            | TemplateError::MissingCondition { position, .. }
            | TemplateError::UnknownDirective { position, .. }
            | TemplateError::ElseOutsideSection { position }
            | TemplateError::ElseInUnless { position }
            | TemplateError::DuplicateElse { position, .. }
            | TemplateError::CloseOutsideSection { position, .. }
            | TemplateError::MismatchedClose { position, .. }
            | TemplateError::UnclosedSection { position, .. }
            | TemplateError::NestingTooDeep { position, .. }
            | TemplateError::UnknownVariable { position, .. } => *position,
        }
    }
}
