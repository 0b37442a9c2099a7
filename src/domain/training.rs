//! People in training and their mock-sale drills. The training issue adds rubrics, paths and
//! spaced repetition; the foundation fixes the records.

use super::playbook::Industry;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// What a person does in training.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Trainer,
    #[default]
    #[serde(other)]
    Trainee,
}

/// A trainee or trainer using this browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trainee {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub start_date: Option<chrono::NaiveDate>,
}

/// One criterion's score in a drill (1–5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion: String,
    pub score: u8,
    #[serde(default)]
    pub note: String,
}

/// A mock-sale drill run by a trainer for a trainee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Drill {
    pub id: Id,
    pub trainee: Id,
    #[serde(default)]
    pub industry: Industry,
    #[serde(with = "super::time::rfc3339")]
    pub started_at: Timestamp,
    #[serde(default, with = "super::time::rfc3339_opt")]
    pub finished_at: Option<Timestamp>,
    #[serde(default)]
    pub scores: Vec<CriterionScore>,
}
