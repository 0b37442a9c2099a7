//! Drill rubrics: weighted criteria a trainer scores 1–5 during a mock sale, a pass mark, and
//! the rule that turns the scores into a percent and a verdict.
//!
//! Rubrics are content (loaded as JSON, edited by a trainer), so [`validate`] lists what a
//! trainer must fix before trainees are scored against one.

use super::{whole_percent, CriterionScore};
use crate::domain::{Id, LocalizedText};
use crate::json::Json;

/// The lowest score of a criterion: "not done".
pub const SCORE_MIN: u8 = 1;
/// The highest score of a criterion: "exemplary".
pub const SCORE_MAX: u8 = 5;
/// A required criterion scored below this (1 or 2) fails the drill whatever the total.
pub const REQUIRED_AT_LEAST: u8 = 3;
/// The pass mark of a rubric stored without one.
pub const DEFAULT_PASS_MARK: u8 = 70;

/// A scoring rubric for mock-sale drills.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Rubric {
    pub id: Id,
    #[json(default)]
    pub name: LocalizedText,
    #[json(default)]
    pub criteria: Vec<Criterion>,
    /// The percent a drill needs to pass, 0–100; exactly the mark passes.
    #[json(default = "default_pass_mark")]
    pub pass_mark: u8,
}

fn default_pass_mark() -> u8 {
    DEFAULT_PASS_MARK
}

fn default_weight() -> u32 {
    1
}

/// One thing the trainer scores, e.g. discovery depth.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct Criterion {
    /// Matches [`CriterionScore::criterion`].
    pub key: String,
    #[json(default)]
    pub name: LocalizedText,
    /// Relative weight; 0 means scored for feedback but not counted in the percent.
    #[json(default = "default_weight")]
    pub weight: u32,
    /// What the trainee did to earn each score, `levels[0]` for 1 up to `levels[4]` for 5.
    /// Empty when the rubric gives no descriptions.
    #[json(default)]
    pub levels: Vec<LocalizedText>,
    /// A knock-out criterion (e.g. the required compliance statements): scored below
    /// [`REQUIRED_AT_LEAST`] it fails the drill whatever the total.
    #[json(default)]
    pub required: bool,
}

impl Criterion {
    /// The behavioural description of `score`, when the rubric gives one.
    pub fn level(&self, score: u8) -> Option<&LocalizedText> {
        let i = usize::from(score.checked_sub(SCORE_MIN)?);
        self.levels.get(i)
    }
}

/// Whether a drill passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Pass,
    Fail,
    /// Some criterion is not scored yet, or nothing counts towards the percent.
    Incomplete,
}

/// The result of scoring a drill against a rubric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreCard {
    /// The weighted score (see [`score`]); `None` when no weighted criterion is scored.
    pub percent: Option<u8>,
    /// Criteria not scored yet, in rubric order. They are not counted as zero.
    pub missing: Vec<String>,
    /// Required criteria scored below [`REQUIRED_AT_LEAST`], in rubric order.
    pub knocked_out: Vec<String>,
    /// Scores for keys the rubric does not have (an older rubric version); ignored.
    pub unknown: Vec<String>,
    pub verdict: Verdict,
}

/// Why a set of scores cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("criterion `{criterion}`: {score} is not a score from 1 to 5")]
    OutOfRange { criterion: String, score: u8 },
    #[error("criterion `{criterion}` is scored twice")]
    Duplicate { criterion: String },
}

/// Scores a drill.
///
/// A score `s` (1–5) counts as `(s − 1) / 4`, so all 1s give 0% and all 5s give 100%:
///
/// ```text
/// percent = round( 100 × Σ wᵢ·(sᵢ − 1) / (4 × Σ wᵢ) )   over the scored criteria
/// ```
///
/// rounded half up to a whole percent in integer arithmetic (12.5 → 13). Criteria not scored
/// yet are left out of both sums and listed in [`ScoreCard::missing`]; the verdict is then
/// [`Verdict::Incomplete`]. Once complete, the drill passes when `percent ≥ pass_mark` and no
/// required criterion is knocked out.
pub fn score(rubric: &Rubric, scores: &[CriterionScore]) -> Result<ScoreCard, ScoreError> {
    for (i, s) in scores.iter().enumerate() {
        if !(SCORE_MIN..=SCORE_MAX).contains(&s.score) {
            return Err(ScoreError::OutOfRange {
                criterion: s.criterion.clone(),
                score: s.score,
            });
        }
        if scores[..i].iter().any(|t| t.criterion == s.criterion) {
            return Err(ScoreError::Duplicate {
                criterion: s.criterion.clone(),
            });
        }
    }
    let (mut points, mut weights) = (0u64, 0u64);
    let (mut missing, mut knocked_out) = (Vec::new(), Vec::new());
    for c in &rubric.criteria {
        let Some(s) = scores.iter().find(|s| s.criterion == c.key) else {
            missing.push(c.key.clone());
            continue;
        };
        points += u64::from(c.weight) * u64::from(s.score - SCORE_MIN);
        weights += u64::from(c.weight);
        if c.required && s.score < REQUIRED_AT_LEAST {
            knocked_out.push(c.key.clone());
        }
    }
    let percent = whole_percent(points, weights * u64::from(SCORE_MAX - SCORE_MIN));
    let unknown = scores
        .iter()
        .filter(|s| !rubric.criteria.iter().any(|c| c.key == s.criterion))
        .map(|s| s.criterion.clone())
        .collect();
    let verdict = match percent {
        None => Verdict::Incomplete,
        Some(_) if !missing.is_empty() => Verdict::Incomplete,
        Some(p) if p >= rubric.pass_mark && knocked_out.is_empty() => Verdict::Pass,
        Some(_) => Verdict::Fail,
    };
    Ok(ScoreCard {
        percent,
        missing,
        knocked_out,
        unknown,
        verdict,
    })
}

/// One problem with a rubric, naming the criterion it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RubricIssue {
    #[error("a criterion has no key")]
    BlankKey,
    /// Scores are matched by key: two criteria with one key would share every score.
    #[error("criterion `{key}`: a criterion before it has the same key")]
    DuplicateKey { key: String },
    /// No criteria, or all weighted 0: no drill could ever get a percent.
    #[error("the criteria weigh nothing in total")]
    ZeroTotalWeight,
    #[error("the pass mark {pass_mark}% is above 100%")]
    PassMarkAbove100 { pass_mark: u8 },
    /// Descriptions are given for all five scores or for none.
    #[error("criterion `{key}`: {count} score descriptions instead of 5")]
    LevelCount { key: String, count: usize },
}

/// What a trainer must fix before the rubric is used; empty when it is fine.
pub fn validate(rubric: &Rubric) -> Vec<RubricIssue> {
    let mut issues = Vec::new();
    for (i, c) in rubric.criteria.iter().enumerate() {
        if c.key.trim().is_empty() {
            issues.push(RubricIssue::BlankKey);
        } else if rubric.criteria[..i].iter().any(|b| b.key == c.key) {
            issues.push(RubricIssue::DuplicateKey { key: c.key.clone() });
        }
        let levels = usize::from(SCORE_MAX - SCORE_MIN + 1);
        if !c.levels.is_empty() && c.levels.len() != levels {
            issues.push(RubricIssue::LevelCount {
                key: c.key.clone(),
                count: c.levels.len(),
            });
        }
    }
    if rubric.criteria.iter().all(|c| c.weight == 0) {
        issues.push(RubricIssue::ZeroTotalWeight);
    }
    if rubric.pass_mark > 100 {
        issues.push(RubricIssue::PassMarkAbove100 {
            pass_mark: rubric.pass_mark,
        });
    }
    issues
}

#[cfg(test)]
mod tests;
