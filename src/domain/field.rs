//! Named discovery fields and their typed answers.
//!
//! A script's question and a checklist's item that capture the same thing name the same field
//! (`budget_range`, `decision_maker`…), so a question answered in a call is answered in the
//! checklist, and a proposal template can use it as `{{budget_range}}`.

use super::LocalizedText;
use crate::json::Json;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The name of a field: lowercase ASCII letters, digits and `_`, starting with a letter.
pub type FieldName = String;

/// Whether `name` is a valid field name (also a valid template variable).
pub fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.len() <= 64
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct ChoiceOption {
    pub value: String,
    pub label: LocalizedText,
}

/// What kind of answer a field takes.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
#[json(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Number,
    /// An amount in minor units of a currency.
    Money,
    Date,
    Choice {
        options: Vec<ChoiceOption>,
    },
    YesNo,
    /// A whole-number score, e.g. MEDDPICC's 1–10.
    Score {
        min: u8,
        max: u8,
    },
    /// A kind from a newer version; its answers are kept as text.
    #[json(other)]
    Unknown,
}

/// A field the playbook defines: its name, kind and label in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct FieldDef {
    pub name: FieldName,
    pub kind: FieldKind,
    pub label: LocalizedText,
}

/// A captured answer.
#[derive(Clone, Debug, PartialEq, Json)]
#[json(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Number(f64),
    Money { minor: i64, currency: String },
    Date(NaiveDate),
    Choice(String),
    YesNo(bool),
    Score(u8),
}

impl Answer {
    /// Whether the answer says something: blank text or an empty choice does not count.
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Text(s) | Answer::Choice(s) => !s.trim().is_empty(),
            Answer::Number(n) => n.is_finite(),
            Answer::Money { currency, .. } => !currency.trim().is_empty(),
            Answer::Date(_) | Answer::YesNo(_) | Answer::Score(_) => true,
        }
    }

    /// Whether this answer fits a field of `kind` (a score must be in range, a choice one of
    /// the options).
    pub fn fits(&self, kind: &FieldKind) -> bool {
        match (self, kind) {
            (Answer::Text(_), FieldKind::Text | FieldKind::Unknown) => true,
            (Answer::Number(_), FieldKind::Number) => true,
            (Answer::Money { .. }, FieldKind::Money) => true,
            (Answer::Date(_), FieldKind::Date) => true,
            (Answer::Choice(v), FieldKind::Choice { options }) => {
                options.iter().any(|o| &o.value == v)
            }
            (Answer::YesNo(_), FieldKind::YesNo) => true,
            (Answer::Score(s), FieldKind::Score { min, max }) => (min..=max).contains(&s),
            _ => false,
        }
    }
}

/// The answers captured for one deal, by field name.
pub type Answers = BTreeMap<FieldName, Answer>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_snake_case_identifiers() {
        for ok in ["budget", "budget_range", "m1", "decision_maker_2"] {
            assert!(is_field_name(ok), "{ok}");
        }
        for bad in [
            "",
            "Budget",
            "1st",
            "_x",
            "budget-range",
            "预算",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(!is_field_name(bad), "{bad}");
        }
    }

    #[test]
    fn blank_answers_do_not_count_as_answered() {
        assert!(!Answer::Text("  ".into()).is_answered());
        assert!(Answer::Text("50k".into()).is_answered());
        assert!(!Answer::Number(f64::NAN).is_answered());
        assert!(Answer::YesNo(false).is_answered());
    }

    #[test]
    fn a_score_fits_only_inside_its_range_and_a_choice_only_among_its_options() {
        let score = FieldKind::Score { min: 1, max: 10 };
        assert!(Answer::Score(10).fits(&score));
        assert!(!Answer::Score(0).fits(&score));
        let choice = FieldKind::Choice {
            options: vec![ChoiceOption {
                value: "a".into(),
                label: LocalizedText::new("A", "甲"),
            }],
        };
        assert!(Answer::Choice("a".into()).fits(&choice));
        assert!(!Answer::Choice("b".into()).fits(&choice));
        assert!(!Answer::Text("a".into()).fits(&choice));
    }

    #[test]
    fn answers_round_trip_through_json() {
        let a = Answer::Money {
            minor: 1_250_000,
            currency: "CNY".into(),
        };
        let json = crate::json::to_string(&a);
        assert_eq!(crate::json::from_str::<Answer>(&json).unwrap(), a);
        let kind: FieldKind = crate::json::from_str(r#"{"type":"hologram"}"#).unwrap();
        assert_eq!(kind, FieldKind::Unknown);
    }
}
