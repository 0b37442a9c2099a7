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

/// Why a typed answer was not taken: what the field wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Not a number like `12.5` (up to six decimals).
    Number,
    /// Not an amount in the deal's currency, like `12,500.00`.
    Money,
    /// Not a date like `2026-03-01`.
    Date,
    /// Not one of the field's options, or a score off its scale.
    Choice,
}

impl Answer {
    /// The answer a form control's text gives for a field of `kind`: `None` when the text is
    /// blank (the rep cleared the field), an error naming what was wanted when it does not
    /// read. Money is in `currency` (the deal's), a date as an `<input type=date>` writes it,
    /// yes/no as `yes`/`no`, a choice by its option's value, a score by its number.
    pub fn from_input(
        kind: &FieldKind,
        text: &str,
        currency: &str,
    ) -> Result<Option<Answer>, InputError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let answer = match kind {
            FieldKind::Text | FieldKind::Unknown => Answer::Text(text.to_owned()),
            FieldKind::Number => Answer::Number(
                super::money::parse_decimal(text, NUMBER_DIGITS).ok_or(InputError::Number)? as f64
                    / NUMBER_SCALE,
            ),
            FieldKind::Money => Answer::Money {
                minor: super::money::parse_amount(text, currency).ok_or(InputError::Money)?,
                currency: currency.to_owned(),
            },
            FieldKind::Date => Answer::Date(super::time::parse_date(text).ok_or(InputError::Date)?),
            FieldKind::Choice { .. } => Answer::Choice(text.to_owned()),
            FieldKind::YesNo => match text {
                "yes" => Answer::YesNo(true),
                "no" => Answer::YesNo(false),
                _ => return Err(InputError::Choice),
            },
            FieldKind::Score { .. } => Answer::Score(text.parse().map_err(|_| InputError::Choice)?),
        };
        if answer.fits(kind) {
            Ok(Some(answer))
        } else {
            Err(InputError::Choice)
        }
    }

    /// The text a form control shows for this answer; [`Answer::from_input`] reads it back.
    /// Money is written plain (`12500.00`), since the control knows the currency.
    pub fn input_text(&self) -> String {
        match self {
            Answer::Text(s) | Answer::Choice(s) => s.clone(),
            Answer::Number(n) => number_text(*n),
            Answer::Money { minor, currency } => super::money::format_plain(*minor, currency),
            Answer::Date(d) => d.to_string(),
            Answer::YesNo(true) => "yes".into(),
            Answer::YesNo(false) => "no".into(),
            Answer::Score(s) => s.to_string(),
        }
    }
}

/// Decimals a typed number keeps.
const NUMBER_DIGITS: u32 = 6;
const NUMBER_SCALE: f64 = 1_000_000.0;

/// `n` with up to six decimals and no trailing zeros (`2.5`, `-1200`), in integer arithmetic
/// so the wasm carries no float formatting machinery. A number too large for that is written
/// whole.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    let scaled = (n * NUMBER_SCALE).round();
    if scaled.abs() >= 9.0e18 {
        return format!("{}", n.round() as i128);
    }
    super::money::trimmed(scaled as i64, NUMBER_DIGITS)
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
    fn typed_text_reads_as_the_fields_kind_and_writes_back_the_same() {
        let kinds = [
            (
                FieldKind::Text,
                " 50 seats ",
                Answer::Text("50 seats".into()),
            ),
            (FieldKind::Number, "12.5", Answer::Number(12.5)),
            (FieldKind::Number, "-1,200", Answer::Number(-1200.0)),
            (
                FieldKind::Money,
                "250,000",
                Answer::Money {
                    minor: 25_000_000,
                    currency: "CNY".into(),
                },
            ),
            (
                FieldKind::Date,
                "2026-03-01",
                Answer::Date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
            ),
            (FieldKind::YesNo, "no", Answer::YesNo(false)),
            (FieldKind::Score { min: 1, max: 10 }, "7", Answer::Score(7)),
        ];
        for (kind, text, answer) in kinds {
            assert_eq!(
                Answer::from_input(&kind, text, "CNY"),
                Ok(Some(answer.clone()))
            );
            let again = Answer::from_input(&kind, &answer.input_text(), "CNY");
            assert_eq!(again, Ok(Some(answer)), "{kind:?}");
        }
        assert_eq!(
            Answer::from_input(&FieldKind::Number, "  ", "CNY"),
            Ok(None)
        );
    }

    #[test]
    fn typed_text_that_does_not_read_says_what_the_field_wanted() {
        let score = FieldKind::Score { min: 1, max: 10 };
        let cases = [
            (FieldKind::Number, "twelve", InputError::Number),
            (FieldKind::Number, "1.2.3", InputError::Number),
            (FieldKind::Money, "¥ lots", InputError::Money),
            (FieldKind::Date, "2026-02-30", InputError::Date),
            (FieldKind::YesNo, "maybe", InputError::Choice),
            (score.clone(), "11", InputError::Choice),
            (score, "300", InputError::Choice),
        ];
        for (kind, text, error) in cases {
            assert_eq!(Answer::from_input(&kind, text, "CNY"), Err(error), "{text}");
        }
        let choice = FieldKind::Choice {
            options: vec![ChoiceOption {
                value: "a".into(),
                label: LocalizedText::new("A", "甲"),
            }],
        };
        assert_eq!(
            Answer::from_input(&choice, "b", "CNY"),
            Err(InputError::Choice)
        );
    }

    #[test]
    fn numbers_are_written_with_up_to_six_decimals_and_no_trailing_zeros() {
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(-1200.0), "-1200");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1.0e-7), "0");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(f64::NAN), "");
        assert_eq!(number_text(1.0e20), "100000000000000000000");
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
