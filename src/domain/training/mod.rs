//! People in training and their mock-sale drills, and the rules of the training feature:
//! scoring a drill against a weighted rubric, spaced repetition of objection flashcards,
//! drawing objections for a drill, the onboarding path, a readiness index per trainee and
//! merging results brought from several trainers' laptops.
//!
//! Everything here is pure: dates are parameters and randomness is a seeded generator the
//! caller owns, so every rule is tested with plain `cargo test`.

use super::playbook::Industry;
use super::{Id, Timestamp};
use crate::json::Json;

pub mod draw;
pub mod leitner;
pub mod merge;
pub mod path;
pub mod readiness;
pub mod rubric;
pub mod scenario;

#[cfg(test)]
pub(crate) mod fixtures;

/// What a person does in training.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Json)]
#[json(rename_all = "snake_case")]
pub enum Role {
    Trainer,
    #[default]
    #[json(other)]
    Trainee,
}

/// A trainee or trainer using this browser.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Trainee {
    pub id: Id,
    pub name: String,
    #[json(default)]
    pub role: Role,
    #[json(default)]
    pub team: String,
    #[json(default)]
    pub start_date: Option<chrono::NaiveDate>,
}

/// One criterion's score in a drill (1–5).
#[derive(Clone, Debug, PartialEq, Json)]
pub struct CriterionScore {
    pub criterion: String,
    pub score: u8,
    #[json(default)]
    pub note: String,
}

/// A mock-sale drill run by a trainer for a trainee.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Drill {
    pub id: Id,
    pub trainee: Id,
    #[json(default)]
    pub industry: Industry,
    pub started_at: Timestamp,
    #[json(default)]
    pub finished_at: Option<Timestamp>,
    #[json(default)]
    pub scores: Vec<CriterionScore>,
}

/// `num / den` as a whole percent, rounded half up (half away from zero: every value here is
/// non-negative), in integers so no float is formatted. Capped at 100; `None` when `den` is 0.
pub(crate) fn whole_percent(num: u64, den: u64) -> Option<u8> {
    if den == 0 {
        return None;
    }
    let p = num.saturating_mul(200).saturating_add(den) / den.saturating_mul(2);
    Some(p.min(100) as u8)
}

#[cfg(test)]
mod tests {
    use super::whole_percent;

    #[test]
    fn whole_percents_round_half_up_in_integers() {
        assert_eq!(whole_percent(1, 8), Some(13)); // 12.5
        assert_eq!(whole_percent(1, 3), Some(33)); // 33.33…
        assert_eq!(whole_percent(2, 3), Some(67)); // 66.66…
        assert_eq!(whole_percent(5, 1000), Some(1)); // 0.5
        assert_eq!(whole_percent(4, 1000), Some(0)); // 0.4
        assert_eq!(whole_percent(3, 2), Some(100));
        assert_eq!(whole_percent(1, 0), None);
    }
}
