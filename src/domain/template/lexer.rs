//! First pass: splits the source into text and classified tags, resolves `\{{` escapes,
//! reports malformed tags, and drops the spaces and line break around standalone tags.

use super::error::TemplateError;
use super::{Position, SectionKind};
use crate::domain::field::is_field_name;

/// A tag, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    /// `{{name}}`
    Var(String),
    /// `{{#if name}}` or `{{#unless name}}`; `None` when the name was missing or invalid
    /// (already reported), kept so that the matching close still matches.
    Open(SectionKind, Option<String>),
    /// `{{else}}`
    Else,
    /// `{{/if}}` or `{{/unless}}`
    Close(SectionKind),
    /// `{{! … }}`
    Comment,
    /// A tag already reported as an error.
    Invalid,
}

impl Tag {
    /// Whether a line holding only this tag is removed whole (Mustache's "standalone" rule).
    fn is_standalone(&self) -> bool {
        matches!(
            self,
            Tag::Open(..) | Tag::Else | Tag::Close(_) | Tag::Comment
        )
    }
}

/// A piece of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Token {
    Text(String),
    Tag(Tag, Position),
}

/// Splits `src` into tokens, with the errors of malformed tags in source order.
pub(super) fn tokenize(src: &str) -> (Vec<Token>, Vec<TemplateError>) {
    let mut lexer = Lexer {
        src,
        cursor: Cursor::default(),
        text: String::new(),
        line: Vec::new(),
        tokens: Vec::new(),
        errors: Vec::new(),
    };
    lexer.run();
    (lexer.tokens, lexer.errors)
}

/// Spaces and tabs: the only whitespace allowed inside a tag.
fn is_ws(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Turns byte offsets into line and column, walking forward only.
struct Cursor {
    offset: usize,
    position: Position,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            offset: 0,
            position: Position::new(1, 1),
        }
    }
}

impl Cursor {
    /// The position of byte `offset` of `src` (a char boundary not before the last one asked).
    fn at(&mut self, src: &str, offset: usize) -> Position {
        for c in src.get(self.offset..offset).unwrap_or_default().chars() {
            if c == '\n' {
                self.position = Position::new(self.position.line + 1, 1);
            } else {
                self.position.column += 1;
            }
        }
        self.offset = offset.max(self.offset);
        self.position
    }
}

struct Lexer<'a> {
    src: &'a str,
    cursor: Cursor,
    /// Text not yet pushed as a token.
    text: String,
    /// The tokens of the current line, kept apart until the line ends so that a standalone
    /// tag can take its line's spaces and line break with it.
    line: Vec<Token>,
    tokens: Vec<Token>,
    errors: Vec<TemplateError>,
}

impl Lexer<'_> {
    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        // Slicing happens only at ASCII bytes (`\`, `{`, `\n`) or at the end, so always on a
        // char boundary whatever the text around it.
        let mut i = 0;
        let mut run = 0;
        while i < bytes.len() {
            if bytes[i] == b'\\' && bytes[i + 1..].starts_with(b"{{") {
                self.text.push_str(&src[run..i]);
                self.text.push_str("{{");
                i += 3;
                run = i;
            } else if bytes[i..].starts_with(b"{{") {
                self.text.push_str(&src[run..i]);
                i = self.tag(i);
                run = i;
            } else if bytes[i] == b'\n' {
                i += 1;
                self.text.push_str(&src[run..i]);
                run = i;
                self.end_line();
            } else {
                i += 1;
            }
        }
        self.text.push_str(&src[run..]);
        self.end_line();
    }

    /// Reads the tag whose `{{` starts at byte `start`; returns where scanning goes on.
    fn tag(&mut self, start: usize) -> usize {
        let position = self.cursor.at(self.src, start);
        let inner = start + 2;
        let rest = &self.src[inner..];
        if rest.trim_start_matches(is_ws).starts_with('!') {
            return match rest.find("}}") {
                Some(end) => {
                    self.push_tag(Tag::Comment, position);
                    inner + end + 2
                }
                None => {
                    // No `}}` anywhere after: the rest of the text is the unclosed comment.
                    self.errors.push(TemplateError::UnclosedTag { position });
                    self.src.len()
                }
            };
        }
        let bytes = rest.as_bytes();
        for j in 0..bytes.len() {
            let here = &bytes[j..];
            if here.starts_with(b"}}") {
                let (tag, error) = classify(&rest[..j], position);
                self.errors.extend(error);
                self.push_tag(tag, position);
                return inner + j + 2;
            }
            if here.starts_with(b"{{") || here[0] == b'\n' {
                break;
            }
        }
        // Unclosed: report it and read on just after its `{{`, so that a good tag later on
        // the line still parses.
        self.errors.push(TemplateError::UnclosedTag { position });
        self.text.push_str("{{");
        inner
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            self.line.push(Token::Text(std::mem::take(&mut self.text)));
        }
    }

    fn push_tag(&mut self, tag: Tag, position: Position) {
        self.flush_text();
        self.line.push(Token::Tag(tag, position));
    }

    /// Ends the current line, dropping its spaces and line break when it holds nothing but
    /// one standalone tag.
    fn end_line(&mut self) {
        self.flush_text();
        let mut tags = self.line.iter().filter_map(|t| match t {
            Token::Tag(tag, _) => Some(tag),
            Token::Text(_) => None,
        });
        let lone = matches!((tags.next(), tags.next()), (Some(tag), None) if tag.is_standalone());
        let blank = self.line.iter().all(|t| match t {
            Token::Text(s) => s.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')),
            Token::Tag(..) => true,
        });
        if lone && blank {
            self.line.retain(|t| matches!(t, Token::Tag(..)));
        }
        self.tokens.append(&mut self.line);
    }
}

/// Classifies the text between `{{` and `}}` (not a comment), with its error if malformed.
fn classify(raw: &str, position: Position) -> (Tag, Option<TemplateError>) {
    let body = raw.trim_matches(is_ws);
    let unknown = || TemplateError::UnknownDirective {
        text: body.to_owned(),
        position,
    };
    if body.is_empty() {
        return (Tag::Invalid, Some(TemplateError::EmptyTag { position }));
    }
    if let Some(after) = body.strip_prefix('#') {
        let after = after.trim_start_matches(is_ws);
        let (keyword, arg) = after.split_once(is_ws).unwrap_or((after, ""));
        let Some(kind) = SectionKind::from_keyword(keyword) else {
            return (Tag::Invalid, Some(unknown()));
        };
        let arg = arg.trim_matches(is_ws);
        return if arg.is_empty() {
            let error = TemplateError::MissingCondition { kind, position };
            (Tag::Open(kind, None), Some(error))
        } else if is_field_name(arg) {
            (Tag::Open(kind, Some(arg.to_owned())), None)
        } else {
            let error = TemplateError::InvalidVariableName {
                name: arg.to_owned(),
                position,
            };
            (Tag::Open(kind, None), Some(error))
        };
    }
    if let Some(after) = body.strip_prefix('/') {
        return match SectionKind::from_keyword(after.trim_start_matches(is_ws)) {
            Some(kind) => (Tag::Close(kind), None),
            None => (Tag::Invalid, Some(unknown())),
        };
    }
    if body == "else" {
        return (Tag::Else, None);
    }
    let first_word = body.split(is_ws).next().unwrap_or_default();
    let starts_like_a_name = body
        .chars()
        .next()
        .is_some_and(|c| crate::domain::fold::is_word_char(c) || c == '_');
    if first_word == "else" || !starts_like_a_name {
        return (Tag::Invalid, Some(unknown()));
    }
    if is_field_name(body) {
        (Tag::Var(body.to_owned()), None)
    } else {
        let error = TemplateError::InvalidVariableName {
            name: body.to_owned(),
            position,
        };
        (Tag::Invalid, Some(error))
    }
}
