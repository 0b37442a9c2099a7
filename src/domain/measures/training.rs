//! Training measures (培训指标) of the dashboard: drills run, the pass rate, the average score
//! of each rubric criterion and readiness per trainee, over a period and against the period
//! before, each number with the drills behind it (a measure's `deals` are drill ids here).
//!
//! A drill belongs to the period its `finished_at` falls in; a drill still running is in no
//! period. Drills are scored once, with [`rubric::score`], when [`TrainingData`] is built.
//! Rounding is the measures module's: exact fractions, rounded once, halves away from zero.
//!
//! [`rubric::score`]: crate::domain::training::rubric::score

use super::{change, div_round, saturate, Measure, Period, Unit};
use crate::domain::training::readiness::{
    rank, readiness, Readiness, ReadinessInput, ReadinessWeights,
};
use crate::domain::training::rubric::{score, Rubric, ScoreCard, ScoreError, Verdict};
use crate::domain::training::rubric::{SCORE_MAX, SCORE_MIN};
use crate::domain::training::{Drill, Role, Trainee};
use crate::domain::{sort_small_by, Id, Timestamp};
use std::collections::BTreeMap;

/// Which drills and trainees the training measures cover; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainingFilter {
    /// Only trainees of this team (`Trainee::team`), compared with surrounding spaces trimmed.
    pub team: Option<String>,
    /// Only this trainee.
    pub trainee: Option<Id>,
}

impl TrainingFilter {
    /// Whether a trainee is covered.
    pub fn matches(&self, trainee: &Trainee) -> bool {
        self.trainee.as_ref().is_none_or(|id| *id == trainee.id)
            && self
                .team
                .as_deref()
                .is_none_or(|team| team.trim() == trainee.team.trim())
    }

    /// Whether a drill is covered. `trainee` is the drill's trainee when known: a drill whose
    /// trainee is not in the list has no team, so a team filter leaves it out.
    fn matches_drill(&self, drill: &Drill, trainee: Option<&Trainee>) -> bool {
        match trainee {
            Some(t) => self.matches(t),
            None => {
                self.team.is_none() && self.trainee.as_ref().is_none_or(|id| *id == drill.trainee)
            }
        }
    }
}

/// A finished drill and its score card.
#[derive(Clone, Debug)]
struct Scored<'a> {
    drill: &'a Drill,
    finished_at: Timestamp,
    card: Result<ScoreCard, ScoreError>,
}

impl Scored<'_> {
    /// The card of a drill scored in full (passed or failed), else `None`.
    fn judged(&self) -> Option<&ScoreCard> {
        self.card
            .as_ref()
            .ok()
            .filter(|c| c.verdict != Verdict::Incomplete)
    }
}

/// What the training measures read: the finished drills of the trainees the filter covers,
/// each scored once against the rubric, and those trainees.
#[derive(Clone, Debug)]
pub struct TrainingData<'a> {
    rubric: &'a Rubric,
    trainees: Vec<&'a Trainee>,
    drills: Vec<Scored<'a>>,
}

impl<'a> TrainingData<'a> {
    /// The drills and trainees `filter` covers, in input order. A drill's trainee is looked up
    /// by id (the first trainee with that id). O(t log t + d·s) for t trainees and d drills of
    /// s scores each.
    pub fn new(
        drills: &'a [Drill],
        trainees: &'a [Trainee],
        rubric: &'a Rubric,
        filter: &TrainingFilter,
    ) -> TrainingData<'a> {
        let mut by_id: BTreeMap<&Id, &Trainee> = BTreeMap::new();
        for t in trainees {
            by_id.entry(&t.id).or_insert(t);
        }
        let drills = drills
            .iter()
            .filter(|d| filter.matches_drill(d, by_id.get(&d.trainee).copied()))
            .filter_map(|d| {
                Some(Scored {
                    drill: d,
                    finished_at: d.finished_at?,
                    card: score(rubric, &d.scores),
                })
            })
            .collect();
        TrainingData {
            rubric,
            trainees: trainees.iter().filter(|t| filter.matches(t)).collect(),
            drills,
        }
    }

    /// The covered drills finished in `period`, in input order.
    fn finished_in<'s>(&'s self, period: &'s Period) -> impl Iterator<Item = &'s Scored<'a>> {
        self.drills
            .iter()
            .filter(move |s| period.contains(s.finished_at))
    }
}

/// Drills run: the covered drills finished in `period`, whatever their score. A count
/// (denominator 1), so a period without drills shows 0 drills, not "no data".
pub fn drills_run(data: &TrainingData, period: &Period) -> Measure {
    let ids: Vec<Id> = data
        .finished_in(period)
        .map(|s| s.drill.id.clone())
        .collect();
    let n = i64::try_from(ids.len()).unwrap_or(i64::MAX);
    Measure {
        numerator_deals: ids.clone(),
        ..Measure::new(Unit::Count, n, 1, ids)
    }
}

/// Why a finished drill has no verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unscored {
    /// Some criteria are not scored (their keys, in rubric order), or none that carries
    /// weight is (then `missing` may be empty).
    Incomplete { missing: Vec<String> },
    /// The rubric rejects the scores (out of 1–5, or a criterion scored twice).
    Rejected(ScoreError),
}

/// The pass rate of a period, with the drills that could not be judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassRate {
    /// Drills passed / drills scored in full, in basis points.
    pub measure: Measure,
    /// Finished drills left out of both sides, never counted as failed, in input order.
    pub unscored: Vec<(Id, Unscored)>,
}

/// Pass rate: of the covered drills finished in `period` and scored in full, the share the
/// rubric passes (percent at or above the pass mark and no required criterion below 3; see
/// [`score`]).
pub fn pass_rate(data: &TrainingData, period: &Period) -> PassRate {
    let (mut judged, mut passed, mut unscored) = (Vec::new(), Vec::new(), Vec::new());
    for s in data.finished_in(period) {
        let id = s.drill.id.clone();
        match &s.card {
            Err(e) => unscored.push((id, Unscored::Rejected(e.clone()))),
            Ok(card) if card.verdict == Verdict::Incomplete => {
                let missing = card.missing.clone();
                unscored.push((id, Unscored::Incomplete { missing }));
            }
            Ok(card) => {
                if card.verdict == Verdict::Pass {
                    passed.push(id.clone());
                }
                judged.push(id);
            }
        }
    }
    PassRate {
        measure: Measure::share(judged, passed),
        unscored,
    }
}

/// The steps of the score scale: 1 to 5 is 4 steps.
const SCALE_STEPS: i64 = (SCORE_MAX - SCORE_MIN) as i64;

/// The average score of each rubric criterion, in rubric order, over the covered drills
/// finished in `period` that scored it: an unfinished scoring still counts for the criteria
/// it has; drills whose scores the rubric rejects count for none.
///
/// Unit: basis points of the 1–5 scale, as the rubric turns a score into a percent (1 is 0,
/// 5 is 10000): `Σ(score − 1) / (4 × drills)`, so 4.0 on average is 7500. The numerator is
/// `Σ(score − 1)` and the denominator `4 × drills`; the measure's `deals` are those drills.
/// [`average_hundredths`] gives the same average in hundredths of a point (3.75 → 375). A
/// criterion never scored has no value.
pub fn criterion_averages(data: &TrainingData, period: &Period) -> Vec<(String, Measure)> {
    let mut sums: Vec<(i64, Vec<Id>)> = vec![(0, Vec::new()); data.rubric.criteria.len()];
    for s in data.finished_in(period).filter(|s| s.card.is_ok()) {
        for (c, (sum, ids)) in data.rubric.criteria.iter().zip(sums.iter_mut()) {
            if let Some(cs) = s.drill.scores.iter().find(|cs| cs.criterion == c.key) {
                *sum = sum.saturating_add(i64::from(cs.score.saturating_sub(SCORE_MIN)));
                ids.push(s.drill.id.clone());
            }
        }
    }
    data.rubric
        .criteria
        .iter()
        .zip(sums)
        .map(|(c, (sum, ids))| {
            let drills = i64::try_from(ids.len()).unwrap_or(i64::MAX);
            let steps = drills.saturating_mul(SCALE_STEPS);
            (
                c.key.clone(),
                Measure::new(Unit::BasisPoints, sum, steps, ids),
            )
        })
        .collect()
}

/// A criterion average of [`criterion_averages`] in hundredths of a point (1.00 to 5.00 is
/// 100 to 500), rounded once from the exact fraction, halves away from zero; `None` without
/// data.
pub fn average_hundredths(average: &Measure) -> Option<i64> {
    if average.unit != Unit::BasisPoints || average.denominator <= 0 {
        return None;
    }
    // Σ(score − 1) = n and drills = d / 4, so 100 × Σscore / drills = 100 × (4n + d) / d.
    let (n, d) = (
        i128::from(average.numerator),
        i128::from(average.denominator),
    );
    let steps = i128::from(SCALE_STEPS);
    Some(saturate(div_round(100 * (steps * n + d), d)))
}

/// What the readiness index needs beside the drills, not stored yet: the app supplies it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Onboarding path done, percent.
    pub path: Option<u8>,
    /// Flashcards mastered, percent.
    pub flashcards: Option<u8>,
}

/// One trainee's line in the readiness table.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadinessRow<'a> {
    /// 1 for the best; equal scores share a rank (1, 1, 3), as [`rank`] ranks.
    pub rank: usize,
    pub trainee: &'a Trainee,
    pub readiness: Readiness,
    /// The drills averaged in the drills part (the last few, oldest first): its drill-down.
    pub drills: Vec<Id>,
}

/// Readiness per trainee over `period`, ranked best first: for every covered trainee (role
/// trainee; trainers are not ranked), [`readiness`] of the supplied `progress` (nothing known
/// when absent) and the percents of the trainee's drills finished in `period` and scored in
/// full, ordered by start as [`drill_scores`] orders them. A trainee without such drills has
/// the drills part missing, counted 0 and flagged.
///
/// [`drill_scores`]: crate::domain::training::readiness::drill_scores
pub fn readiness_table<'a>(
    data: &TrainingData<'a>,
    period: &Period,
    progress: &BTreeMap<Id, Progress>,
    weights: &ReadinessWeights,
) -> Vec<ReadinessRow<'a>> {
    let mut by_trainee: BTreeMap<&Id, Vec<(&'a Drill, u8)>> = BTreeMap::new();
    for s in data.finished_in(period) {
        if let Some(percent) = s.judged().and_then(|c| c.percent) {
            let list = by_trainee.entry(&s.drill.trainee).or_default();
            list.push((s.drill, percent));
        }
    }
    let class: Vec<(&'a Trainee, Readiness, Vec<Id>)> = data
        .trainees
        .iter()
        .filter(|t| t.role == Role::Trainee)
        .map(|&t| {
            let mut drills = by_trainee.remove(&t.id).unwrap_or_default();
            sort_small_by(&mut drills, |a, b| a.0.started_at.cmp(&b.0.started_at));
            let percents: Vec<u8> = drills.iter().map(|&(_, p)| p).collect();
            let known = progress.get(&t.id).copied().unwrap_or_default();
            let input = ReadinessInput {
                path: known.path,
                drills: &percents,
                flashcards: known.flashcards,
            };
            // The drills part averages the last `last_drills` (at least 1), as `readiness`.
            let used = (weights.last_drills.max(1) as usize).min(drills.len());
            let ids = drills[drills.len() - used..]
                .iter()
                .map(|(d, _)| d.id.clone())
                .collect();
            (t, readiness(input, weights), ids)
        })
        .collect();
    let scores: Vec<(&'a Trainee, u8)> = class.iter().map(|(t, r, _)| (*t, r.score)).collect();
    rank(&scores)
        .into_iter()
        .filter_map(|ranked| {
            // Each trainee is one element of the input slice: found by address, not by id.
            let (_, readiness, drills) = class
                .iter()
                .find(|(t, _, _)| std::ptr::eq(*t, ranked.trainee))?;
            Some(ReadinessRow {
                rank: ranked.rank,
                trainee: ranked.trainee,
                readiness: *readiness,
                drills: drills.clone(),
            })
        })
        .collect()
}

/// Every training measure of one period.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingReport<'a> {
    pub period: Period,
    pub drills_run: Measure,
    pub pass_rate: PassRate,
    /// In rubric order; see [`criterion_averages`] for the unit.
    pub criteria: Vec<(String, Measure)>,
    pub readiness: Vec<ReadinessRow<'a>>,
}

/// All training measures of `period`.
pub fn training_report<'a>(
    data: &TrainingData<'a>,
    period: &Period,
    progress: &BTreeMap<Id, Progress>,
    weights: &ReadinessWeights,
) -> TrainingReport<'a> {
    TrainingReport {
        period: *period,
        drills_run: drills_run(data, period),
        pass_rate: pass_rate(data, period),
        criteria: criterion_averages(data, period),
        readiness: readiness_table(data, period, progress, weights),
    }
}

/// A period's training report beside the previous period's.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingTrend<'a> {
    pub current: TrainingReport<'a>,
    pub previous: TrainingReport<'a>,
}

impl TrainingTrend<'_> {
    /// The change in drills run, in drills.
    pub fn drills_run_change(&self) -> Option<i64> {
        change(&self.current.drills_run, &self.previous.drills_run)
    }

    /// The change in pass rate, in basis points (+150 is 1.5 percentage points up).
    pub fn pass_rate_change(&self) -> Option<i64> {
        change(
            &self.current.pass_rate.measure,
            &self.previous.pass_rate.measure,
        )
    }

    /// The change in a criterion's average, in basis points of the scale (2500 is one
    /// point); `None` for a key not in the rubric or a side without data.
    pub fn criterion_change(&self, key: &str) -> Option<i64> {
        change(
            criterion(&self.current, key)?,
            criterion(&self.previous, key)?,
        )
    }

    /// The change in a trainee's readiness index, in whole points; `None` for a trainee not
    /// in the table. Path and flashcards are not dated, so both periods use the supplied
    /// progress and the index moves only with the drills.
    pub fn readiness_change(&self, trainee: &Id) -> Option<i64> {
        let find = |r: &TrainingReport| {
            r.readiness
                .iter()
                .find(|row| row.trainee.id == *trainee)
                .map(|row| i64::from(row.readiness.score))
        };
        Some(find(&self.current)? - find(&self.previous)?)
    }
}

/// A criterion's average in a report.
fn criterion<'r>(report: &'r TrainingReport, key: &str) -> Option<&'r Measure> {
    report
        .criteria
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, m)| m)
}

/// The training report of `period` and of [`Period::previous`], with the same progress.
pub fn training_trend<'a>(
    data: &TrainingData<'a>,
    period: &Period,
    progress: &BTreeMap<Id, Progress>,
    weights: &ReadinessWeights,
) -> TrainingTrend<'a> {
    TrainingTrend {
        current: training_report(data, period, progress, weights),
        previous: training_report(data, &period.previous(), progress, weights),
    }
}
