//! Test fixtures: the six criteria of a mock-sale drill, trainees and drills.

use super::rubric::{Criterion, Rubric};
use super::{CriterionScore, Drill, Role, Trainee};
use crate::domain::playbook::Industry;
use crate::domain::{Id, LocalizedText, Timestamp};
use chrono::{NaiveDate, TimeZone};

pub(crate) fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn at(y: i32, m: u32, d: u32, h: u32) -> Timestamp {
    chrono::Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

pub(crate) fn criterion(key: &str, en: &str, zh: &str, weight: u32, required: bool) -> Criterion {
    Criterion {
        key: key.into(),
        name: LocalizedText::new(en, zh),
        weight,
        levels: (1..=5)
            .map(|s| LocalizedText::new(format!("{en}: {s}"), format!("{zh}：{s}")))
            .collect(),
        required,
    }
}

/// The drill rubric of the playbook: opening, discovery depth, value articulation, objection
/// handling, next step/close and required statements, weighted 10/25/20/20/15/10, pass at 70%.
/// Required statements are a knock-out criterion.
pub(crate) fn six_criteria() -> Rubric {
    Rubric {
        id: id("mock-sale"),
        name: LocalizedText::new("Mock sale", "模拟销售"),
        criteria: vec![
            criterion("opening", "Opening", "开场白", 10, false),
            criterion(
                "discovery_depth",
                "Discovery depth",
                "需求挖掘深度",
                25,
                false,
            ),
            criterion("value", "Value articulation", "价值传递", 20, false),
            criterion("objections", "Objection handling", "异议处理", 20, false),
            criterion("next_step", "Next step / close", "下一步/促成", 15, false),
            criterion("statements", "Required statements", "必讲内容", 10, true),
        ],
        pass_mark: 70,
    }
}

pub(crate) fn score(criterion: &str, score: u8) -> CriterionScore {
    CriterionScore {
        criterion: criterion.into(),
        score,
        note: String::new(),
    }
}

/// Every criterion of `rubric` scored `s`.
pub(crate) fn all(rubric: &Rubric, s: u8) -> Vec<CriterionScore> {
    rubric.criteria.iter().map(|c| score(&c.key, s)).collect()
}

pub(crate) fn trainee(id_: &str, name: &str) -> Trainee {
    Trainee {
        id: id(id_),
        name: name.into(),
        role: Role::Trainee,
        team: String::new(),
        start_date: Some(date(2026, 3, 2)),
    }
}

pub(crate) fn drill(id_: &str, trainee: &str, scores: Vec<CriterionScore>) -> Drill {
    Drill {
        id: id(id_),
        trainee: id(trainee),
        industry: Industry::Generic,
        started_at: at(2026, 3, 9, 9),
        finished_at: Some(at(2026, 3, 9, 10)),
        scores,
    }
}
