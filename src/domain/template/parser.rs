//! Second pass: nests the tokens into sections, reporting every misplaced `else` or close and
//! every section left open, and going on after each mistake.

use super::error::TemplateError;
use super::lexer::{Tag, Token};
use super::{Node, Position, SectionKind, VarUse, MAX_DEPTH};

/// Builds the node tree from `tokens`, adding the structural errors to `errors`.
///
/// The tree is only meaningful when `errors` ends up empty.
pub(super) fn build(tokens: Vec<Token>, errors: &mut Vec<TemplateError>) -> Vec<Node> {
    let mut builder = Builder {
        root: Vec::new(),
        frames: Vec::new(),
        ghosts: Vec::new(),
        errors,
    };
    for token in tokens {
        match token {
            Token::Text(text) => builder.push_text(text),
            Token::Tag(tag, position) => builder.tag(tag, position),
        }
    }
    builder.finish()
}

/// What an open section needs to know to check its `else` and its close.
struct Opening {
    kind: SectionKind,
    opened_at: Position,
    else_at: Option<Position>,
}

/// An open section within the depth limit, with the nodes gathered so far.
struct Frame {
    opening: Opening,
    /// `None` when the condition was invalid (already reported).
    cond: Option<VarUse>,
    then: Vec<Node>,
    otherwise: Vec<Node>,
}

struct Builder<'e> {
    root: Vec<Node>,
    frames: Vec<Frame>,
    /// Sections opened beyond [`MAX_DEPTH`]: tracked so closes still match, but their content
    /// goes to the innermost real frame, which keeps the tree (and its drop) shallow on any
    /// input.
    ghosts: Vec<Opening>,
    errors: &'e mut Vec<TemplateError>,
}

impl Builder<'_> {
    /// The list new nodes go to.
    fn current(&mut self) -> &mut Vec<Node> {
        match self.frames.last_mut() {
            // Only an `#if` ever records its `else`.
            Some(frame) if frame.opening.else_at.is_some() => &mut frame.otherwise,
            Some(frame) => &mut frame.then,
            None => &mut self.root,
        }
    }

    fn push_text(&mut self, text: String) {
        let list = self.current();
        match list.last_mut() {
            Some(Node::Text(last)) => last.push_str(&text),
            _ if text.is_empty() => {}
            _ => list.push(Node::Text(text)),
        }
    }

    fn tag(&mut self, tag: Tag, position: Position) {
        match tag {
            Tag::Var(name) => self.current().push(Node::Var(VarUse { name, position })),
            Tag::Open(kind, name) => self.open(kind, name, position),
            Tag::Else => self.else_(position),
            Tag::Close(kind) => self.close(kind, position),
            Tag::Comment | Tag::Invalid => {}
        }
    }

    fn open(&mut self, kind: SectionKind, name: Option<String>, position: Position) {
        let opening = Opening {
            kind,
            opened_at: position,
            else_at: None,
        };
        if self.frames.len() < MAX_DEPTH {
            self.frames.push(Frame {
                opening,
                cond: name.map(|name| VarUse { name, position }),
                then: Vec::new(),
                otherwise: Vec::new(),
            });
            return;
        }
        if self.ghosts.is_empty() {
            // Reported once where the limit is crossed, not for each level beyond it.
            self.errors.push(TemplateError::NestingTooDeep {
                limit: MAX_DEPTH,
                position,
            });
        }
        self.ghosts.push(opening);
    }

    fn else_(&mut self, position: Position) {
        let innermost = match self.ghosts.last_mut() {
            Some(ghost) => Some(ghost),
            None => self.frames.last_mut().map(|frame| &mut frame.opening),
        };
        let error = match innermost {
            None => Some(TemplateError::ElseOutsideSection { position }),
            Some(Opening {
                kind: SectionKind::Unless,
                ..
            }) => Some(TemplateError::ElseInUnless { position }),
            Some(Opening {
                else_at: Some(first),
                ..
            }) => Some(TemplateError::DuplicateElse {
                first: *first,
                position,
            }),
            Some(opening) => {
                opening.else_at = Some(position);
                None
            }
        };
        self.errors.extend(error);
    }

    fn close(&mut self, close: SectionKind, position: Position) {
        let opening = if let Some(ghost) = self.ghosts.pop() {
            ghost
        } else if let Some(frame) = self.frames.pop() {
            let Frame {
                opening,
                cond,
                then,
                otherwise,
            } = frame;
            if let Some(node) = section_node(opening.kind, cond, then, otherwise) {
                self.current().push(node);
            }
            opening
        } else {
            let error = TemplateError::CloseOutsideSection {
                kind: close,
                position,
            };
            self.errors.push(error);
            return;
        };
        if opening.kind != close {
            // Still closes the innermost section: a typo in the close is likelier than a
            // missing close, and this keeps one mistake to one error.
            self.errors.push(TemplateError::MismatchedClose {
                open: opening.kind,
                opened_at: opening.opened_at,
                close,
                position,
            });
        }
    }

    fn finish(self) -> Vec<Node> {
        let open = self.frames.iter().map(|f| &f.opening).chain(&self.ghosts);
        for opening in open {
            self.errors.push(TemplateError::UnclosedSection {
                kind: opening.kind,
                position: opening.opened_at,
            });
        }
        self.root
    }
}

/// The node of a closed section, or `None` when its condition was invalid.
fn section_node(
    kind: SectionKind,
    cond: Option<VarUse>,
    then: Vec<Node>,
    otherwise: Vec<Node>,
) -> Option<Node> {
    let cond = cond?;
    Some(match kind {
        SectionKind::If => Node::If {
            cond,
            then,
            otherwise,
        },
        SectionKind::Unless => Node::Unless { cond, body: then },
    })
}
