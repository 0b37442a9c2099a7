//! The onboarding path (新人上岗路径): modules of items a new rep works through (reading the
//! playbook, quizzes, flashcard practice and drills) until the certificate.
//!
//! Paths are content, loaded as JSON. Progress is a set of completed item ids, kept by the
//! caller: an item counts as done once the UI records it (a quiz or drill at its pass mark).

mod quiz;

pub use quiz::{
    grade_quiz, same_answer, Answer, Question, Quiz, QuizResult, DEFAULT_QUIZ_PASS_MARK,
};

use super::whole_percent;
use crate::domain::{Id, LocalizedText};
use crate::json::Json;
use chrono::NaiveDate;

/// An onboarding path.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Path {
    pub id: Id,
    #[json(default)]
    pub name: LocalizedText,
    #[json(default)]
    pub modules: Vec<Module>,
}

/// A step of the path, e.g. "Week 1: the sales process".
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Module {
    pub id: Id,
    #[json(default)]
    pub name: LocalizedText,
    #[json(default)]
    pub items: Vec<Item>,
}

/// One thing to do in a module.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Item {
    pub id: Id,
    #[json(default)]
    pub name: LocalizedText,
    #[json(default)]
    pub kind: ItemKind,
}

/// What an item asks of the trainee.
#[derive(Clone, Debug, Default, PartialEq, Eq, Json)]
#[json(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// Read a part of the playbook, named by a reference such as `stage:lead_development`,
    /// `script:<id>` or `checklist:<id>` (see [`Target`]).
    Read {
        #[json(default)]
        target: String,
    },
    Quiz(Quiz),
    /// Review this many objection flashcards.
    Practice {
        #[json(default)]
        cards: u32,
    },
    /// Run a mock-sale drill of a scenario and reach the pass mark.
    Drill {
        #[json(default)]
        scenario: String,
        #[json(default = "default_drill_pass_mark")]
        pass_mark: u8,
    },
    /// A kind from a newer version. This version cannot show it, so it is left out of
    /// progress and of the certificate rather than blocking the trainee.
    #[default]
    #[json(other)]
    Unknown,
}

fn default_drill_pass_mark() -> u8 {
    super::rubric::DEFAULT_PASS_MARK
}

/// What a [`ItemKind::Read`] reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    Stage(&'a str),
    Script(&'a str),
    Checklist(&'a str),
    Objection(&'a str),
    /// Anything else (a newer kind of reference, or a typo): shown as text.
    Other(&'a str),
}

impl<'a> Target<'a> {
    /// Reads `kind:name`; the name is trimmed and must not be empty.
    pub fn parse(reference: &'a str) -> Target<'a> {
        let Some((kind, name)) = reference.split_once(':') else {
            return Target::Other(reference);
        };
        let name = name.trim();
        match kind.trim() {
            _ if name.is_empty() => Target::Other(reference),
            "stage" => Target::Stage(name),
            "script" => Target::Script(name),
            "checklist" => Target::Checklist(name),
            "objection" => Target::Objection(name),
            _ => Target::Other(reference),
        }
    }
}

impl Item {
    /// Whether the item counts towards progress (every kind this version knows).
    pub fn counts(&self) -> bool {
        self.kind != ItemKind::Unknown
    }

    pub fn is_done(&self, completed: &[Id]) -> bool {
        completed.contains(&self.id)
    }
}

/// Items done out of items to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Done as a whole percent, rounded half up; 0 with nothing to do.
    pub fn percent(&self) -> u8 {
        whole_percent(self.done as u64, self.total as u64).unwrap_or(0)
    }

    /// Every item done, and there was at least one.
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

fn progress<'a>(items: impl Iterator<Item = &'a Item>, completed: &[Id]) -> Progress {
    items
        .filter(|i| i.counts())
        .fold(Progress::default(), |p, i| Progress {
            done: p.done + usize::from(i.is_done(completed)),
            total: p.total + 1,
        })
}

impl Module {
    pub fn progress(&self, completed: &[Id]) -> Progress {
        progress(self.items.iter(), completed)
    }
}

impl Path {
    fn items(&self) -> impl Iterator<Item = (&Module, &Item)> {
        self.modules
            .iter()
            .flat_map(|m| m.items.iter().map(move |i| (m, i)))
    }

    pub fn progress(&self, completed: &[Id]) -> Progress {
        progress(self.items().map(|(_, i)| i), completed)
    }

    /// The first item not done yet, in path order; `None` when the path is finished.
    pub fn next_item(&self, completed: &[Id]) -> Option<(&Module, &Item)> {
        self.items()
            .find(|(_, i)| i.counts() && !i.is_done(completed))
    }

    /// The certificate is earned when every item is done (a path with no items earns none).
    pub fn certificate_eligible(&self, completed: &[Id]) -> bool {
        self.progress(completed).is_complete()
    }
}

/// Whole days from the trainee's start date to `today`: 0 on the first day and for a start
/// date still in the future.
pub fn days_since_start(start: NaiveDate, today: NaiveDate) -> u32 {
    u32::try_from((today - start).num_days()).unwrap_or(0)
}

/// One problem with a path, naming the module or item.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathIssue {
    #[error("module `{module}`: a module before it has the same id")]
    DuplicateModule { module: Id },
    /// Progress is kept by item id: two items with one id are done together.
    #[error("item `{item}`: an item before it has the same id")]
    DuplicateItem { item: Id },
    #[error("module `{module}` has no items")]
    EmptyModule { module: Id },
    #[error("item `{item}`: the pass mark {pass_mark}% is above 100%")]
    PassMarkAbove100 { item: Id, pass_mark: u8 },
    #[error("item `{item}`: the quiz has no questions")]
    EmptyQuiz { item: Id },
    /// Question numbers count from 1, as the trainer sees them.
    #[error("item `{item}`: question {question} has no right answer")]
    UnanswerableQuestion { item: Id, question: usize },
}

/// What a trainer must fix before the path is used; empty when it is fine.
pub fn validate(path: &Path) -> Vec<PathIssue> {
    let mut issues = Vec::new();
    for (m_index, module) in path.modules.iter().enumerate() {
        if path.modules[..m_index].iter().any(|m| m.id == module.id) {
            issues.push(PathIssue::DuplicateModule {
                module: module.id.clone(),
            });
        }
        if module.items.is_empty() {
            issues.push(PathIssue::EmptyModule {
                module: module.id.clone(),
            });
        }
    }
    let items: Vec<&Item> = path.items().map(|(_, i)| i).collect();
    for (i_index, item) in items.iter().enumerate() {
        let id = || item.id.clone();
        if items[..i_index].iter().any(|i| i.id == item.id) {
            issues.push(PathIssue::DuplicateItem { item: id() });
        }
        let pass_mark = match &item.kind {
            ItemKind::Quiz(q) => Some(q.pass_mark),
            ItemKind::Drill { pass_mark, .. } => Some(*pass_mark),
            _ => None,
        };
        if let Some(pass_mark) = pass_mark.filter(|&p| p > 100) {
            issues.push(PathIssue::PassMarkAbove100 {
                item: id(),
                pass_mark,
            });
        }
        if let ItemKind::Quiz(q) = &item.kind {
            if q.questions.is_empty() {
                issues.push(PathIssue::EmptyQuiz { item: id() });
            }
            for (n, question) in q.questions.iter().enumerate() {
                if !question.is_answerable() {
                    issues.push(PathIssue::UnanswerableQuestion {
                        item: id(),
                        question: n + 1,
                    });
                }
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests;
