//! A deal's discovery record (需求调研): the checklists attached to the deal and the answers
//! captured for it, in the same named-field map the checklists and the call scripts use.
//!
//! Answers belong to fields, not to checklists: a budget asked on the first call answers BANT's
//! budget item and the GPCTBA one alike, and detaching a checklist keeps its answers for the
//! others. Completeness and verdicts come from [`crate::domain::checklist`]; this module only
//! decides which checklists count and how a field asked twice is counted once.

mod suggest;
#[cfg(test)]
mod tests;

pub use suggest::{
    high_value_threshold_minor, suggest_checklists, HIGH_VALUE_CNY, HIGH_VALUE_OTHER,
};

use super::checklist::{self, Checklist, ChecklistItem, Completeness, Framework, Verdict};
use super::field::{Answer, Answers, FieldDef, FieldKind, FieldName};
use super::playbook::Playbook;
use super::script::Script;
use super::{Id, Timestamp};
use crate::json::{FromJson, Json, ToJson, Value};
use std::collections::BTreeMap;

/// What discovery knows about one deal. Fields added later carry `#[json(default)]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Discovery {
    /// The deal this record belongs to.
    pub deal: Id,
    /// The checklists attached to the deal, in the order the rep attached them, no duplicates.
    pub checklists: Vec<Id>,
    /// The answers captured for the deal, by field name.
    pub answers: Answers,
    /// Stored answers this version cannot read (a kind added by a newer version, a damaged
    /// value), kept verbatim and written back, so that one answer never makes the record
    /// unreadable and nothing is lost by saving it here. A new answer to the field replaces it.
    pub kept: BTreeMap<FieldName, Value>,
    pub updated_at: Timestamp,
}

/// [`Discovery`] as stored: every answer, readable or not, under `answers`.
#[derive(Json)]
struct Stored {
    deal: Id,
    #[json(default)]
    checklists: Vec<Id>,
    #[json(default)]
    answers: BTreeMap<FieldName, Value>,
    updated_at: Timestamp,
}

impl From<Stored> for Discovery {
    fn from(s: Stored) -> Discovery {
        let (mut answers, mut kept) = (Answers::new(), BTreeMap::new());
        for (field, value) in s.answers {
            match crate::json::from_value::<Answer>(&value) {
                Ok(answer) => {
                    answers.insert(field, answer);
                }
                Err(_) => {
                    kept.insert(field, value);
                }
            }
        }
        Discovery {
            deal: s.deal,
            checklists: s.checklists,
            answers,
            kept,
            updated_at: s.updated_at,
        }
    }
}

/// Read and written as [`Stored`].
impl FromJson for Discovery {
    fn from_json(value: &Value) -> Result<Self, crate::json::Error> {
        Stored::from_json(value).map(Discovery::from)
    }
}

impl ToJson for Discovery {
    fn write_json(&self, w: &mut crate::json::Writer) {
        Stored::from(self.clone()).write_json(w);
    }
}

impl From<Discovery> for Stored {
    fn from(d: Discovery) -> Stored {
        let mut answers = d.kept;
        for (field, answer) in d.answers {
            answers.insert(field, crate::json::to_value(&answer));
        }
        Stored {
            deal: d.deal,
            checklists: d.checklists,
            answers,
            updated_at: d.updated_at,
        }
    }
}

/// Why an answer was not taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The playbook defines no field of that name.
    #[error("no field is called `{field}`")]
    UnknownField { field: FieldName },
    /// The answer is of another kind than the field (text for a date field…); `expected` is
    /// the field's kind as stored (`date`, `money`…).
    #[error("`{field}` takes a {expected} answer")]
    WrongKind {
        field: FieldName,
        expected: &'static str,
    },
    /// A choice that is not one of the field's options.
    #[error("`{value}` is not one of the options of `{field}`")]
    NotAnOption { field: FieldName, value: String },
    /// A score outside the field's range.
    #[error("`{field}` takes a score from {min} to {max}")]
    ScoreOutOfRange { field: FieldName, min: u8, max: u8 },
    /// A call answer for a step that is not a question of the script (or no longer exists).
    #[error("step `{step}` asks no question in this script")]
    NotAQuestion { step: Id },
}

/// The stored name of a field kind, for [`AnswerError::WrongKind`].
pub fn kind_code(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::Number => "number",
        FieldKind::Money => "money",
        FieldKind::Date => "date",
        FieldKind::Choice { .. } => "choice",
        FieldKind::YesNo => "yes_no",
        FieldKind::Score { .. } => "score",
        FieldKind::Unknown => "unknown",
    }
}

/// Checks that `answer` fits the field `field` of `fields` ([`Answer::fits`]), saying why not.
pub fn check_answer(field: &str, answer: &Answer, fields: &[FieldDef]) -> Result<(), AnswerError> {
    let def = fields
        .iter()
        .find(|f| f.name == field)
        .ok_or_else(|| AnswerError::UnknownField {
            field: field.into(),
        })?;
    if answer.fits(&def.kind) {
        return Ok(());
    }
    Err(match (answer, &def.kind) {
        (Answer::Choice(value), FieldKind::Choice { .. }) => AnswerError::NotAnOption {
            field: field.into(),
            value: value.clone(),
        },
        (Answer::Score(_), &FieldKind::Score { min, max }) => AnswerError::ScoreOutOfRange {
            field: field.into(),
            min,
            max,
        },
        _ => AnswerError::WrongKind {
            field: field.into(),
            expected: kind_code(&def.kind),
        },
    })
}

/// One attached checklist with how far the deal's answers take it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistProgress<'p> {
    pub checklist: &'p Checklist,
    pub completeness: Completeness,
    pub verdict: Verdict,
}

/// The required items of one attached checklist still without an answer, in item order.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingItems<'p> {
    pub checklist: &'p Checklist,
    pub items: Vec<&'p ChecklistItem>,
}

/// What a call's answers changed in the record, and the answers that were refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WalkMerge {
    /// The fields whose stored answer changed, each once, in the order the call first
    /// answered them.
    pub changed: Vec<FieldName>,
    /// The answers not taken, with the step they were captured at and why.
    pub refused: Vec<(Id, AnswerError)>,
}

impl Discovery {
    /// An empty record for `deal`.
    pub fn new(deal: Id, now: Timestamp) -> Discovery {
        Discovery {
            deal,
            checklists: Vec::new(),
            answers: Answers::new(),
            kept: BTreeMap::new(),
            updated_at: now,
        }
    }

    /// Attaches a checklist after the others; `false` (and no change) when it already is.
    pub fn attach(&mut self, checklist: &Id, now: Timestamp) -> bool {
        if self.checklists.contains(checklist) {
            return false;
        }
        self.checklists.push(checklist.clone());
        self.updated_at = now;
        true
    }

    /// Detaches a checklist; `false` when it was not attached. The answers stay: they belong
    /// to fields another checklist, a script or the proposal may use.
    pub fn detach(&mut self, checklist: &Id, now: Timestamp) -> bool {
        let before = self.checklists.len();
        self.checklists.retain(|c| c != checklist);
        let removed = self.checklists.len() != before;
        if removed {
            self.updated_at = now;
        }
        removed
    }

    /// Records `answer` for `field` after checking it fits the field's kind. An answer that
    /// says nothing ([`Answer::is_answered`]: blank text, an empty choice, a number that is
    /// not finite) clears the field instead, as erasing a text box does; it is never stored.
    /// Returns whether the record changed.
    pub fn set_answer(
        &mut self,
        field: &str,
        answer: Answer,
        fields: &[FieldDef],
        now: Timestamp,
    ) -> Result<bool, AnswerError> {
        if !answer.is_answered() {
            return Ok(self.clear_answer(field, now).is_some());
        }
        check_answer(field, &answer, fields)?;
        if self.answers.get(field) == Some(&answer) {
            return Ok(false);
        }
        self.kept.remove(field);
        self.answers.insert(field.to_owned(), answer);
        self.updated_at = now;
        Ok(true)
    }

    /// Removes the answer of `field`, returning it.
    pub fn clear_answer(&mut self, field: &str, now: Timestamp) -> Option<Answer> {
        let old = self.answers.remove(field);
        if old.is_some() | self.kept.remove(field).is_some() {
            self.updated_at = now;
        }
        old
    }

    /// The attached checklists the playbook still has, in attached order. An id whose
    /// checklist was deleted from the playbook is skipped everywhere (and kept, should the
    /// checklist come back with a pack).
    pub fn attached<'p>(&self, playbook: &'p Playbook) -> Vec<&'p Checklist> {
        self.checklists
            .iter()
            .filter_map(|id| playbook.checklist(id))
            .collect()
    }

    /// Completeness and the framework's verdict for each attached checklist, in order.
    pub fn progress<'p>(&self, playbook: &'p Playbook) -> Vec<ChecklistProgress<'p>> {
        self.attached(playbook)
            .into_iter()
            .map(|c| ChecklistProgress {
                checklist: c,
                completeness: checklist::completeness(c, &self.answers),
                verdict: checklist::verdict(c, &self.answers),
            })
            .collect()
    }

    /// The required items still unanswered, per attached checklist in attached order; a
    /// checklist with nothing missing is left out. A field two checklists ask is listed under
    /// both, since each checklist shows its own gaps.
    pub fn missing<'p>(&self, playbook: &'p Playbook) -> Vec<MissingItems<'p>> {
        self.attached(playbook)
            .into_iter()
            .filter_map(|c| {
                let gaps = checklist::completeness(c, &self.answers).missing_required;
                let items: Vec<_> = gaps.iter().filter_map(|id| c.item(id)).collect();
                (!items.is_empty()).then_some(MissingItems {
                    checklist: c,
                    items,
                })
            })
            .collect()
    }

    /// Completeness across every attached checklist, each field counted once. A field is
    /// required when any attached checklist requires it (by the checklist's own rule: its
    /// required items, or all its items when none is marked); `missing_required` names, for
    /// each missing field, the first item that asks it. Nothing attached is complete.
    pub fn overall(&self, playbook: &Playbook) -> Completeness {
        checklist::completeness(&merged(&self.attached(playbook)), &self.answers)
    }

    /// Merges the answers a rep captured on a call into the record. `captured` holds the
    /// script's `Ask` steps and their answers in the order given; each step writes into its
    /// field, and a later answer to a field replaces an earlier one, from the call or already
    /// in the record. An answer that says nothing (a question skipped on the call) leaves
    /// the field as it was. Answers that do not fit their field, or whose step asks no
    /// question, are refused and reported; the others are still taken.
    pub fn answers_from_walk(
        &mut self,
        script: &Script,
        captured: &[(Id, Answer)],
        fields: &[FieldDef],
        now: Timestamp,
    ) -> WalkMerge {
        let before = self.answers.clone();
        let mut merge = WalkMerge::default();
        let mut touched: Vec<FieldName> = Vec::new();
        for (step, answer) in captured {
            let field = script
                .step(step)
                .and_then(|s| s.kind.field())
                .filter(|f| !f.is_empty());
            let Some(field) = field else {
                let error = AnswerError::NotAQuestion { step: step.clone() };
                merge.refused.push((step.clone(), error));
                continue;
            };
            if !answer.is_answered() {
                continue;
            }
            match check_answer(field, answer, fields) {
                Ok(()) => {
                    self.answers.insert(field.to_owned(), answer.clone());
                    if !touched.iter().any(|f| f == field) {
                        touched.push(field.to_owned());
                    }
                }
                Err(error) => merge.refused.push((step.clone(), error)),
            }
        }
        merge.changed = touched
            .into_iter()
            .filter(|f| before.get(f) != self.answers.get(f))
            .collect();
        if !merge.changed.is_empty() {
            self.updated_at = now;
        }
        merge
    }
}

/// One checklist holding each field of `lists` once, required when any list requires it, so
/// that [`checklist::completeness`] counts a field asked twice once.
fn merged(lists: &[&Checklist]) -> Checklist {
    let mut items: Vec<ChecklistItem> = Vec::new();
    for list in lists {
        let none_marked = !list.items.iter().any(|i| i.required);
        for item in &list.items {
            let required = item.required || none_marked;
            match items.iter_mut().find(|i| i.field == item.field) {
                Some(seen) => seen.required |= required,
                None => items.push(ChecklistItem {
                    required,
                    ..item.clone()
                }),
            }
        }
    }
    Checklist {
        id: Id::generate(0, 0),
        framework: Framework::Custom,
        title: Default::default(),
        description: Default::default(),
        stage: None,
        industries: Vec::new(),
        items,
    }
}

/// The deal's (required, answered) discovery items across its attached checklists, each field
/// once: the pair `domain::measures::Dataset` takes for needs-research completeness
/// (需求调研完整率).
pub fn required_counts(discovery: &Discovery, playbook: &Playbook) -> (u32, u32) {
    let c = discovery.overall(playbook);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (count(c.required), count(c.answered_required))
}
