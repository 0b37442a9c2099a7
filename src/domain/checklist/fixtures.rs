//! Test fixtures: a BANT and a MEDDPICC checklist with their fields, and helpers to build others.

use super::{Checklist, ChecklistItem, Framework, MEDDPICC_GROUPS};
use crate::domain::field::{Answer, Answers, FieldDef, FieldKind};
use crate::domain::{Id, LocalizedText};
use chrono::NaiveDate;

pub(crate) fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// An item whose id is its field with `-` for `_`, and a question in both languages.
pub(crate) fn item(item_id: &str, field: &str, group: &str, required: bool) -> ChecklistItem {
    ChecklistItem {
        id: id(item_id),
        field: field.into(),
        question: LocalizedText::new(format!("{field}?"), format!("{field}？")),
        hint: LocalizedText::default(),
        required,
        group: group.into(),
    }
}

pub(crate) fn checklist(framework: Framework, items: Vec<ChecklistItem>) -> Checklist {
    Checklist {
        id: id("list"),
        framework,
        title: LocalizedText::new("Discovery", "需求调研"),
        description: LocalizedText::default(),
        stage: None,
        industries: Vec::new(),
        items,
    }
}

pub(crate) fn def(name: &str, kind: FieldKind) -> FieldDef {
    FieldDef {
        name: name.into(),
        kind,
        label: LocalizedText::new(name, name),
    }
}

pub(crate) fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(field, answer)| (field.to_string(), answer.clone()))
        .collect()
}

pub(crate) fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// BANT with two items per dimension, the first of each required, the budget's second
/// (`budget_allocated`, yes/no) required too: 5 required items of 8.
pub(crate) fn bant() -> (Checklist, Vec<FieldDef>) {
    let rows = [
        ("budget_range", "budget", true, FieldKind::Text),
        ("budget_allocated", "budget", true, FieldKind::YesNo),
        ("decision_maker", "authority", true, FieldKind::Text),
        ("approval_path", "authority", false, FieldKind::Text),
        ("pain", "need", true, FieldKind::Text),
        ("priority", "need", false, FieldKind::Text),
        ("decision_date", "timeline", true, FieldKind::Date),
        ("compelling_event", "timeline", false, FieldKind::Text),
    ];
    let items = rows
        .iter()
        .map(|(field, group, required, _)| item(&field.replace('_', "-"), field, group, *required))
        .collect();
    let fields = rows
        .into_iter()
        .map(|(f, _, _, kind)| def(f, kind))
        .collect();
    (checklist(Framework::Bant, items), fields)
}

/// Answers that meet every BANT dimension.
pub(crate) fn bant_all_met() -> Answers {
    answers(&[
        ("budget_range", text("50-80k")),
        ("budget_allocated", Answer::YesNo(true)),
        ("decision_maker", text("CFO")),
        ("pain", text("stockouts")),
        (
            "decision_date",
            Answer::Date(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()),
        ),
    ])
}

/// MEDDPICC with one required 1–10 score per element (`score_<element>`, as in the default
/// fields) and an optional text item for the metrics baseline.
pub(crate) fn meddpicc() -> (Checklist, Vec<FieldDef>) {
    let score = FieldKind::Score { min: 1, max: 10 };
    let mut items = Vec::new();
    let mut fields = Vec::new();
    for group in MEDDPICC_GROUPS {
        let field = format!("score_{group}");
        items.push(item(&field.replace('_', "-"), &field, group, true));
        fields.push(def(&field, score.clone()));
    }
    items.push(item(
        "metrics-baseline",
        "metrics_baseline",
        "metrics",
        false,
    ));
    fields.push(def("metrics_baseline", FieldKind::Text));
    (checklist(Framework::Meddpicc, items), fields)
}

/// MEDDPICC answers scoring the elements in order.
pub(crate) fn meddpicc_scores(scores: [u8; 8]) -> Answers {
    MEDDPICC_GROUPS
        .iter()
        .zip(scores)
        .map(|(group, s)| (format!("score_{group}"), Answer::Score(s)))
        .collect()
}
