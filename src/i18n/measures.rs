//! The dashboard's numbers in words: each measure's value, target, verdict and change, and the
//! rows of its tables, in the user's language. Pure, so the wording is tested natively; the
//! page only lays it out.

use super::{fill, format, industry_name, stage_name, Texts};
use crate::domain::measures::{
    Filter, Funnel, Measure, MeasureKey, Overdue, Period, Target, Targets, Trend, Unit,
};
use crate::domain::{Id, Locale};
use chrono::{FixedOffset, TimeDelta};

/// One number on the dashboard, with what it is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// A stable name, for tests and styling: `follow_up`, `lead_to_won`…
    pub key: &'static str,
    pub label: &'static str,
    /// The value, or "No data".
    pub value: String,
    /// "Target ≥ 90%"; empty for a count with no target.
    pub target: String,
    /// Whether the value meets the target; `None` without data or target.
    pub verdict: Option<bool>,
    /// The change on the previous period, when both have data.
    pub change: Option<String>,
    /// What the value is made of ("7 of 8"), and what is left out.
    pub basis: String,
    /// What the number means, and what it needs when it has no data.
    pub hint: &'static str,
    /// The deals behind the number, to open them.
    pub deals: Vec<Id>,
}

/// A share in basis points as a percentage with at most one decimal: 8750 is `87.5%`.
pub fn share(bp: i64) -> String {
    format!("{}%", tenths(bp))
}

/// Basis points as percentage points with at most one decimal: 150 is `1.5`.
fn tenths(bp: i64) -> String {
    // Basis points to tenths of a percent, halves away from zero.
    let t = (bp.saturating_abs().saturating_add(5)) / 10;
    let sign = if bp < 0 && t > 0 { "-" } else { "" };
    match t % 10 {
        0 => format!("{sign}{}", t / 10),
        d => format!("{sign}{}.{d}", t / 10),
    }
}

fn value(t: &Texts, unit: Unit, v: i64) -> String {
    match unit {
        Unit::BasisPoints => share(v),
        Unit::Days => fill(t.days_n, &[("n", &v.to_string())]),
        Unit::Minor | Unit::Count => v.to_string(),
    }
}

fn target(t: &Texts, unit: Unit, target: Target) -> String {
    let (template, v) = match target {
        Target::AtLeast(v) => (t.target_at_least, v),
        Target::AtMost(v) => (t.target_at_most, v),
    };
    fill(template, &[("value", &value(t, unit, v))])
}

/// A change with its sign: `+1.5 pts…`, `−2 days…`, `0 days…`.
fn change(t: &Texts, unit: Unit, change: i64) -> String {
    let sign = if change > 0 { "+" } else { "" };
    let (template, amount) = match unit {
        Unit::BasisPoints => (t.change_points, tenths(change)),
        _ => (t.change_days, change.to_string()),
    };
    fill(template, &[("change", &format!("{sign}{amount}"))])
}

fn basis(t: &Texts, m: &Measure) -> String {
    match (m.value, m.unit) {
        (None, _) => String::new(),
        (Some(_), Unit::Days) => fill(t.basis_won, &[("m", &m.deals.len().to_string())]),
        (Some(_), _) => fill(
            t.basis_share,
            &[
                ("n", &m.numerator.to_string()),
                ("m", &m.denominator.to_string()),
            ],
        ),
    }
}

/// The headline measures of the period, each against its target and the previous period.
pub fn cards(t: &Texts, trend: &Trend, targets: &Targets) -> Vec<Card> {
    MeasureKey::ALL
        .iter()
        .map(|&key| {
            let m = trend.current.measure(key);
            let (name, label, hint) = match key {
                MeasureKey::FollowUp => ("follow_up", t.measure_follow_up, t.hint_follow_up),
                MeasureKey::Completeness => {
                    ("completeness", t.measure_completeness, t.hint_completeness)
                }
                MeasureKey::LeadToWon => ("lead_to_won", t.measure_lead_to_won, t.hint_lead_to_won),
                MeasureKey::CycleMedian => ("cycle_median", t.measure_cycle_median, t.hint_cycle),
                MeasureKey::CycleMean => ("cycle_mean", t.measure_cycle_mean, t.hint_cycle),
            };
            let mut basis = basis(t, m);
            let pending = &trend.current.follow_up.pending;
            if key == MeasureKey::FollowUp && !pending.is_empty() {
                let note = fill(t.pending_follow_ups, &[("n", &pending.len().to_string())]);
                basis = [basis, note].join(" ").trim().to_owned();
            }
            Card {
                key: name,
                label,
                value: m
                    .value
                    .map_or_else(|| t.no_data.into(), |v| value(t, m.unit, v)),
                target: target(t, m.unit, key.target(targets)),
                verdict: trend.current.on_target(key, targets),
                change: trend.change(key).map(|c| change(t, m.unit, c)),
                basis,
                hint,
                deals: m.deals.clone(),
            }
        })
        .collect()
}

/// The work late right now: the overdue deals are the ones to open.
pub fn overdue_cards(t: &Texts, overdue: &Overdue) -> [Card; 2] {
    let card = |key, label, template, m: &Measure| Card {
        key,
        label,
        value: m.value.map_or_else(|| t.no_data.into(), |v| v.to_string()),
        target: String::new(),
        verdict: None,
        change: None,
        basis: m.value.map_or_else(String::new, |_| {
            fill(
                template,
                &[
                    ("n", &m.numerator.to_string()),
                    ("m", &m.denominator.to_string()),
                ],
            )
        }),
        hint: "",
        deals: m.numerator_deals.clone(),
    };
    [
        card(
            "overdue_first",
            t.overdue_first,
            t.overdue_first_basis,
            &overdue.first_follow_ups,
        ),
        card(
            "overdue_next",
            t.overdue_next,
            t.overdue_next_basis,
            &overdue.next_actions,
        ),
    ]
}

/// A table row: its heading cell and the others.
pub type Row = (&'static str, Vec<String>);

/// The funnel: each stage, how many leads reached it, and the conversion from the stage
/// before ("—" for the first, or when the stage before was reached by none).
pub fn funnel_rows(t: &Texts, funnel: &Funnel) -> Vec<Row> {
    funnel
        .stages
        .iter()
        .map(|s| {
            let conversion = s
                .conversion
                .as_ref()
                .and_then(|m| m.value)
                .map_or_else(|| "—".into(), share);
            (
                stage_name(t, s.stage),
                vec![s.reached.len().to_string(), conversion],
            )
        })
        .collect()
}

/// Lead → won per grade or source: leads, won, share.
pub fn lead_rows<K: Copy>(rows: &[(K, Measure)], name: impl Fn(K) -> &'static str) -> Vec<Row> {
    rows.iter()
        .map(|(k, m)| {
            (
                name(*k),
                vec![
                    m.denominator.to_string(),
                    m.numerator.to_string(),
                    m.value.map_or_else(|| "—".into(), share),
                ],
            )
        })
        .collect()
}

/// The weekly report's "off target" lines: each measure that misses its target, with its
/// value and the target ("Follow-up timeliness: 33.3% · Target ≥ 90%"), or one line saying
/// every measure is on target.
pub fn off_target(t: &Texts, cards: &[Card]) -> Vec<String> {
    let lines: Vec<String> = cards
        .iter()
        .filter(|c| c.verdict == Some(false))
        .map(|c| {
            let parts = [
                ("measure", c.label),
                ("value", &c.value),
                ("target", &c.target),
            ];
            fill(t.off_target_line, &parts)
        })
        .collect();
    if lines.is_empty() {
        vec![t.off_target_none.to_owned()]
    } else {
        lines
    }
}

/// Whom the measures are for, on the printed report: "Li Wei · Retail", "All owners · All
/// industries".
pub fn scope(t: &Texts, filter: &Filter) -> String {
    let owner = filter.owner.as_deref().unwrap_or(t.all_owners);
    let industry = filter
        .industry
        .map_or(t.all_industries, |i| industry_name(t, i));
    [owner, industry].join(" · ")
}

/// The period's dates in the team's calendar: "2026-11-23 to 2026-11-29" (the end is
/// exclusive, so the last day shown is the day before it).
pub fn period_label(t: &Texts, locale: Locale, period: &Period, offset: FixedOffset) -> String {
    let day =
        |at: crate::domain::Timestamp| format::date(locale, at.with_timezone(&offset).date_naive());
    let last = period.end - TimeDelta::seconds(1);
    fill(
        t.period_range,
        &[
            ("start", &day(period.start)),
            ("end", &day(last.max(period.start))),
        ],
    )
}

#[cfg(test)]
mod tests;
