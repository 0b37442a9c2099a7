//! The team's targets for the measures, editable, with the standards of the process-health
//! table as defaults.

use super::{Measure, FULL_BP};
use crate::json::Json;

/// What a measure should reach, in the measure's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// At least this value (a share in basis points: 9000 is 90%).
    AtLeast(i64),
    /// At most this value (days of sales cycle).
    AtMost(i64),
}

/// The targets a team sets. Fields added later carry defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Json)]
#[json(default)]
pub struct Targets {
    /// Follow-up timeliness, basis points: ≥ 90%.
    pub follow_up_bp: i64,
    /// Needs-research completeness, basis points: ≥ 85%.
    pub completeness_bp: i64,
    /// Lead → won, basis points: 20%.
    pub lead_to_won_bp: i64,
    /// Sales cycle, days: 30.
    pub cycle_days: i64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            follow_up_bp: 9_000,
            completeness_bp: 8_500,
            lead_to_won_bp: 2_000,
            cycle_days: 30,
        }
    }
}

/// Why edited targets cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TargetsError {
    #[error("a percentage target must be between 0% and 100%")]
    ShareOutOfRange,
    #[error("a sales-cycle target must be between 0 and {max} days")]
    DaysOutOfRange { max: i64 },
}

/// The longest sales-cycle target accepted: ten years.
pub const MAX_CYCLE_DAYS: i64 = 3_660;

impl Targets {
    /// Checks shares are 0–100% and the cycle 0–3660 days.
    pub fn validate(&self) -> Result<(), TargetsError> {
        let shares = [self.follow_up_bp, self.completeness_bp, self.lead_to_won_bp];
        if shares.iter().any(|bp| !(0..=FULL_BP).contains(bp)) {
            return Err(TargetsError::ShareOutOfRange);
        }
        if !(0..=MAX_CYCLE_DAYS).contains(&self.cycle_days) {
            return Err(TargetsError::DaysOutOfRange {
                max: MAX_CYCLE_DAYS,
            });
        }
        Ok(())
    }

    pub fn follow_up(&self) -> Target {
        Target::AtLeast(self.follow_up_bp)
    }

    pub fn completeness(&self) -> Target {
        Target::AtLeast(self.completeness_bp)
    }

    pub fn lead_to_won(&self) -> Target {
        Target::AtLeast(self.lead_to_won_bp)
    }

    /// For the median and the mean cycle alike.
    pub fn cycle(&self) -> Target {
        Target::AtMost(self.cycle_days)
    }
}

/// Whether a measure meets a target, judged on its exact fraction (not the rounded value);
/// `None` when the measure has no data.
pub fn on_target(measure: &Measure, target: Target) -> Option<bool> {
    let (n, d) = measure.exact()?;
    Some(match target {
        Target::AtLeast(t) => n >= i128::from(t) * d,
        Target::AtMost(t) => n <= i128::from(t) * d,
    })
}
