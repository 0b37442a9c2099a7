//! A period's report (the weekly process-health report) and its trend against the period
//! before.

use super::{
    by_grade, by_source, completeness, deal_size, div_round, follow_up_timeliness, funnel,
    on_target, sales_cycle, saturate, Cycle, Dataset, Funnel, Measure, Period, Target, Targets,
    Timeliness,
};
use crate::domain::clock::SlaSettings;
use crate::domain::deal::{Grade, Source};
use crate::domain::Timestamp;
use std::collections::BTreeMap;

/// Every period measure of one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    pub follow_up: Timeliness,
    pub completeness: Measure,
    /// Includes lead → won.
    pub funnel: Funnel,
    pub cycle: Cycle,
    /// Average deal size per currency.
    pub deal_size: BTreeMap<String, Measure>,
    pub by_grade: Vec<(Grade, Measure)>,
    pub by_source: Vec<(Source, Measure)>,
}

/// All measures of `period`. `now` decides which leads are still pending a follow-up.
pub fn report(data: &Dataset, period: &Period, sla: &SlaSettings, now: Timestamp) -> Report {
    Report {
        period: *period,
        follow_up: follow_up_timeliness(data, period, sla, now),
        completeness: completeness(data, period),
        funnel: funnel(data, period),
        cycle: sales_cycle(data, period),
        deal_size: deal_size(data, period),
        by_grade: by_grade(data, period),
        by_source: by_source(data, period),
    }
}

/// The headline measures, the ones with a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureKey {
    FollowUp,
    Completeness,
    LeadToWon,
    CycleMedian,
    CycleMean,
}

impl MeasureKey {
    pub const ALL: [MeasureKey; 5] = [
        MeasureKey::FollowUp,
        MeasureKey::Completeness,
        MeasureKey::LeadToWon,
        MeasureKey::CycleMedian,
        MeasureKey::CycleMean,
    ];

    /// The target this measure is judged against.
    pub fn target(self, targets: &Targets) -> Target {
        match self {
            MeasureKey::FollowUp => targets.follow_up(),
            MeasureKey::Completeness => targets.completeness(),
            MeasureKey::LeadToWon => targets.lead_to_won(),
            MeasureKey::CycleMedian | MeasureKey::CycleMean => targets.cycle(),
        }
    }
}

impl Report {
    /// A headline measure.
    pub fn measure(&self, key: MeasureKey) -> &Measure {
        match key {
            MeasureKey::FollowUp => &self.follow_up.measure,
            MeasureKey::Completeness => &self.completeness,
            MeasureKey::LeadToWon => &self.funnel.lead_to_won,
            MeasureKey::CycleMedian => &self.cycle.median,
            MeasureKey::CycleMean => &self.cycle.mean,
        }
    }

    /// Whether a headline measure meets its target; `None` without data.
    pub fn on_target(&self, key: MeasureKey, targets: &Targets) -> Option<bool> {
        on_target(self.measure(key), key.target(targets))
    }
}

/// How a measure moved from `previous` to `current`, in the measure's unit: basis points for
/// a share (so +150 is 1.5 percentage points up), days, minor units, or deals. Computed on
/// the exact fractions and rounded once (halves away from zero); `None` when either side has
/// no data or the units differ.
pub fn change(current: &Measure, previous: &Measure) -> Option<i64> {
    if current.unit != previous.unit {
        return None;
    }
    let ((a, b), (c, d)) = (current.exact()?, previous.exact()?);
    let exact = a
        .checked_mul(d)
        .zip(c.checked_mul(b))
        .and_then(|(x, y)| x.checked_sub(y))
        .zip(b.checked_mul(d));
    match exact {
        Some((n, den)) => Some(saturate(div_round(n, den))),
        // Beyond i128 only with absurd data: fall back to the rounded values.
        None => Some(current.value?.saturating_sub(previous.value?)),
    }
}

/// A period's report beside the previous period's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    pub current: Report,
    pub previous: Report,
}

impl Trend {
    /// The change of a headline measure since the previous period.
    pub fn change(&self, key: MeasureKey) -> Option<i64> {
        change(self.current.measure(key), self.previous.measure(key))
    }
}

/// The report of `period` and of [`Period::previous`], both judged at `now`.
pub fn trend(data: &Dataset, period: &Period, sla: &SlaSettings, now: Timestamp) -> Trend {
    Trend {
        current: report(data, period, sla, now),
        previous: report(data, &period.previous(), sla, now),
    }
}
