//! The proposal template language: Markdown text with `{{…}}` tags, filled from a deal and its
//! discovery answers. Trainers write it, so every mistake is a typed error with a line and a
//! column, and a value that is missing shows as a visible `[[name]]`, never as a silent blank.
//! The guide for template writers is `docs/template-language.md`.
//!
//! # Grammar (EBNF)
//!
//! ```text
//! template       = { item } ;
//! item           = text | escape | comment | variable | if-section | unless-section ;
//! if-section     = open-if , template , [ else , template ] , close-if ;
//! unless-section = open-unless , template , close-unless ;
//!
//! variable       = "{{" , ws , name , ws , "}}" ;
//! open-if        = "{{" , ws , "#" , ws , "if" , ws1 , name , ws , "}}" ;
//! open-unless    = "{{" , ws , "#" , ws , "unless" , ws1 , name , ws , "}}" ;
//! else           = "{{" , ws , "else" , ws , "}}" ;
//! close-if       = "{{" , ws , "/" , ws , "if" , ws , "}}" ;
//! close-unless   = "{{" , ws , "/" , ws , "unless" , ws , "}}" ;
//! comment        = "{{" , ws , "!" , { char } , "}}" ;  (* ends at the first "}}" *)
//! escape         = "\{{" ;                               (* writes a literal "{{" *)
//! text           = char , { char } ;  (* the longest run that starts no tag and no escape *)
//!
//! name           = lower , { lower | digit | "_" } ;     (* at most 64 characters *)
//! lower          = "a" | "b" | … | "z" ;
//! digit          = "0" | "1" | … | "9" ;
//! ws             = { " " | "\t" } ;
//! ws1            = ( " " | "\t" ) , ws ;
//! ```
//!
//! Rules the EBNF does not show:
//! - every tag ends at the first `}}` after its `{{`; a tag other than a comment must end on
//!   the line it starts on, and before any other `{{` (else it is an unclosed tag);
//! - only `\{{` is an escape: a backslash anywhere else is an ordinary character, and a lone
//!   `{`, `}` or `}}` in text is plain text;
//! - sections nest at most [`MAX_DEPTH`] deep;
//! - a line holding nothing but one section tag (`#if`, `#unless`, `else`, `/if`, `/unless`)
//!   or one comment, plus spaces or tabs, is removed whole with its line break, so sections
//!   can sit on lines of their own inside Markdown lists and tables ("standalone" lines, as in
//!   Mustache).
//!
//! Positions point at the `{{` of the tag concerned; lines and columns start at 1 and columns
//! count characters, not bytes, so CJK text gives the column an editor shows.
//!
//! Values are inserted verbatim: nothing here escapes HTML or Markdown. The app renders the
//! filled text through the safe Markdown renderer, which shows raw HTML as text.

mod error;
mod lexer;
mod parser;
mod render;
#[cfg(test)]
mod tests;

use std::fmt;

pub use error::TemplateError;

/// How deep sections may nest: a section opened inside 16 open sections is an error.
pub const MAX_DEPTH: usize = 16;

/// A place in the template source. Both numbers start at 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, counting `\n` line breaks.
    pub line: usize,
    /// The character on that line (a CJK character counts as one, like any other).
    pub column: usize,
}

impl Position {
    /// The position at `line` and `column` (both 1-based).
    pub const fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Which kind of section a tag opens or closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// `{{#if name}} … {{else}} … {{/if}}`
    If,
    /// `{{#unless name}} … {{/unless}}`
    Unless,
}

impl SectionKind {
    /// The keyword as written after `#` and `/`.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::If => "if",
            SectionKind::Unless => "unless",
        }
    }

    fn from_keyword(keyword: &str) -> Option<Self> {
        match keyword {
            "if" => Some(SectionKind::If),
            "unless" => Some(SectionKind::Unless),
            _ => None,
        }
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One use of a variable: its name and where its tag starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarUse {
    /// A valid field name.
    pub name: String,
    /// The `{{` of the tag that uses it.
    pub position: Position,
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Text copied to the output as is (escapes resolved, comments and standalone lines gone).
    Text(String),
    /// `{{name}}`: the value, or `[[name]]` when it is blank.
    Var(VarUse),
    /// `{{#if cond}} then {{else}} otherwise {{/if}}`; `otherwise` is empty without `{{else}}`.
    If {
        cond: VarUse,
        then: Vec<Node>,
        otherwise: Vec<Node>,
    },
    /// `{{#unless cond}} body {{/unless}}`: the body shows when `cond` is blank.
    Unless { cond: VarUse, body: Vec<Node> },
}

/// A template that parsed without errors. Only [`parse`] builds one, so its sections never
/// nest deeper than [`MAX_DEPTH`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    nodes: Vec<Node>,
}

impl Template {
    /// The parsed pieces, in source order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
}

/// A filled template.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The filled Markdown text; blank values appear as `[[name]]`.
    pub text: String,
    /// Variables shown as placeholders because their value was missing or blank: each name
    /// once, at its first rendered use. Conditions of sections are not listed (a blank
    /// condition is an answer, not a gap).
    pub missing: Vec<(String, Position)>,
}

/// Parses a template, or returns every error found (at least one), sorted by position.
///
/// Never panics, whatever the input.
pub fn parse(src: &str) -> Result<Template, Vec<TemplateError>> {
    let (tokens, mut errors) = lexer::tokenize(src);
    let nodes = parser::build(tokens, &mut errors);
    if errors.is_empty() {
        Ok(Template { nodes })
    } else {
        super::sort_small_by(&mut errors, |a, b| a.position().cmp(&b.position()));
        Err(errors)
    }
}
