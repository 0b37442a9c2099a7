//! The readiness index (上岗准备度): one number per trainee, 0–100, telling a trainer who is
//! ready to meet customers, and the class ranking built on it.
//!
//! Commercial training tools track such an index per rep; here its formula is printed next to
//! it, so a trainee can see which part to work on.

use super::rubric::{score, Rubric, Verdict};
use super::{whole_percent, Drill, Trainee};
use crate::domain::fold::FoldCase;
use crate::domain::{sort_small_by, Id};
use crate::json::Json;

/// What the index is made of, each a percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Part {
    /// Items of the onboarding path done.
    Path,
    /// The average of the last drill scores.
    Drills,
    /// Flashcards mastered (box 4 or above).
    Flashcards,
}

/// How much each part counts, and how many recent drills are averaged. Weights are relative:
/// 40/40/20 and 2/2/1 give the same index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Json)]
#[json(default)]
pub struct ReadinessWeights {
    pub path: u32,
    pub drills: u32,
    pub flashcards: u32,
    /// The drills averaged: the most recent this many (at least 1).
    pub last_drills: u32,
}

impl Default for ReadinessWeights {
    fn default() -> Self {
        ReadinessWeights {
            path: 40,
            drills: 40,
            flashcards: 20,
            last_drills: 3,
        }
    }
}

/// What is known about one trainee; `None` when there is nothing yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadinessInput<'a> {
    /// Path progress, percent.
    pub path: Option<u8>,
    /// Drill scores in percent, oldest first.
    pub drills: &'a [u8],
    /// Flashcard mastery, percent.
    pub flashcards: Option<u8>,
}

/// One part of the index as the UI prints it: "Drills 75% × 40".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartScore {
    pub part: Part,
    /// 0–100; 0 when missing.
    pub value: u8,
    pub weight: u32,
    /// Nothing recorded yet (no drill, no card, no path): counted as 0 and shown as missing.
    pub missing: bool,
}

/// A trainee's readiness index with its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub score: u8,
    pub parts: [PartScore; 3],
}

impl Readiness {
    /// Whether any part had nothing recorded.
    pub fn has_missing(&self) -> bool {
        self.parts.iter().any(|p| p.missing)
    }
}

/// The readiness index:
///
/// ```text
/// drills = round( average of the last N drill scores )          N = last_drills, default 3
/// score  = round( (w_path·path + w_drills·drills + w_cards·cards) / (w_path + w_drills + w_cards) )
/// ```
///
/// with weights 40/40/20 by default, each `round` half up to a whole percent. The index is
/// computed from the part values as printed, so a reader can redo the sum. A missing part
/// counts as 0 and is flagged; all weights 0 give 0. Values above 100 are read as 100.
pub fn readiness(input: ReadinessInput<'_>, weights: &ReadinessWeights) -> Readiness {
    let n = (weights.last_drills.max(1) as usize).min(input.drills.len());
    let recent = &input.drills[input.drills.len() - n..];
    let drill_sum: u64 = recent.iter().map(|&d| u64::from(d.min(100))).sum();
    let drills = whole_percent(drill_sum, 100 * n as u64);
    let part = |part, value: Option<u8>, weight| PartScore {
        part,
        value: value.unwrap_or(0).min(100),
        weight,
        missing: value.is_none(),
    };
    let parts = [
        part(Part::Path, input.path, weights.path),
        part(Part::Drills, drills, weights.drills),
        part(Part::Flashcards, input.flashcards, weights.flashcards),
    ];
    let points: u64 = parts
        .iter()
        .map(|p| u64::from(p.weight) * u64::from(p.value))
        .sum();
    let total: u64 = parts.iter().map(|p| u64::from(p.weight)).sum();
    Readiness {
        score: whole_percent(points, total * 100).unwrap_or(0),
        parts,
    }
}

/// The percents of `trainee`'s finished drills scored in full against `rubric`, oldest first:
/// the `drills` of [`ReadinessInput`]. Drills still running, not fully scored, or with scores
/// the rubric rejects are left out.
pub fn drill_scores(drills: &[Drill], trainee: &Id, rubric: &Rubric) -> Vec<u8> {
    let mut done: Vec<&Drill> = drills
        .iter()
        .filter(|d| &d.trainee == trainee && d.finished_at.is_some())
        .collect();
    sort_small_by(&mut done, |a, b| a.started_at.cmp(&b.started_at));
    done.into_iter()
        .filter_map(|d| score(rubric, &d.scores).ok())
        .filter(|card| card.verdict != Verdict::Incomplete)
        .filter_map(|card| card.percent)
        .collect()
}

/// A trainee's place in the class.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<'a> {
    /// 1 for the best; equal scores share a rank and the next rank is skipped (1, 1, 3).
    pub rank: usize,
    pub trainee: &'a Trainee,
    pub score: u8,
}

/// The class ranked by readiness, best first, equal scores by name (case-insensitive), then
/// by id so the order never depends on the input.
pub fn rank<'a>(class: &[(&'a Trainee, u8)]) -> Vec<Ranked<'a>> {
    let mut order: Vec<(&'a Trainee, u8, String)> = class
        .iter()
        .map(|&(t, s)| (t, s, t.name.fold_case()))
        .collect();
    sort_small_by(&mut order, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    let mut ranked: Vec<Ranked<'a>> = Vec::with_capacity(order.len());
    for (i, (trainee, score, _)) in order.into_iter().enumerate() {
        let rank = match ranked.last() {
            Some(prev) if prev.score == score => prev.rank,
            _ => i + 1,
        };
        ranked.push(Ranked {
            rank,
            trainee,
            score,
        });
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::training::fixtures::{all, at, drill, id, six_criteria, trainee};

    fn index(path: Option<u8>, drills: &[u8], flashcards: Option<u8>) -> Readiness {
        let input = ReadinessInput {
            path,
            drills,
            flashcards,
        };
        readiness(input, &ReadinessWeights::default())
    }

    #[test]
    fn readiness_weighs_path_drills_and_flashcards_40_40_20() {
        let r = index(Some(50), &[80], Some(100));
        // (40·50 + 40·80 + 20·100) / 100
        assert_eq!(r.score, 72);
        assert!(!r.has_missing());
        let weights: Vec<_> = r.parts.iter().map(|p| (p.part, p.weight)).collect();
        assert_eq!(
            weights,
            [(Part::Path, 40), (Part::Drills, 40), (Part::Flashcards, 20)]
        );
    }

    #[test]
    fn only_the_last_three_drills_count() {
        let r = index(Some(100), &[0, 0, 70, 80, 91], Some(100));
        assert_eq!(r.parts[1].value, 80); // (70 + 80 + 91) / 3 = 80.33
        let r = index(Some(0), &[60, 65], Some(0));
        assert_eq!(r.parts[1].value, 63); // 62.5 rounds up
        assert_eq!(r.score, 25); // 40·63 / 100 = 25.2
    }

    #[test]
    fn no_drills_yet_counts_as_zero_and_is_flagged() {
        let r = index(Some(100), &[], Some(100));
        assert_eq!(r.score, 60);
        assert_eq!(
            r.parts[1],
            PartScore {
                part: Part::Drills,
                value: 0,
                weight: 40,
                missing: true
            }
        );
        assert!(r.has_missing());
        let empty = index(None, &[], None);
        assert_eq!(empty.score, 0);
        assert!(empty.parts.iter().all(|p| p.missing));
    }

    #[test]
    fn custom_weights_are_relative_and_all_zero_gives_zero() {
        let input = ReadinessInput {
            path: Some(50),
            drills: &[80],
            flashcards: Some(100),
        };
        let small = ReadinessWeights {
            path: 2,
            drills: 2,
            flashcards: 1,
            last_drills: 1,
        };
        assert_eq!(readiness(input, &small).score, 72);
        let none = ReadinessWeights {
            path: 0,
            drills: 0,
            flashcards: 0,
            last_drills: 0,
        };
        assert_eq!(readiness(input, &none).score, 0);
    }

    #[test]
    fn drill_scores_are_the_finished_fully_scored_drills_oldest_first() {
        let r = six_criteria();
        let mut late = drill("d1", "t1", all(&r, 5));
        late.started_at = at(2026, 3, 20, 9);
        let early = drill("d2", "t1", all(&r, 3));
        let mut running = drill("d3", "t1", all(&r, 4));
        running.finished_at = None;
        let partial = drill("d4", "t1", all(&r, 4)[1..].to_vec());
        let other = drill("d5", "t2", all(&r, 1));
        let drills = [late, early, running, partial, other];
        assert_eq!(drill_scores(&drills, &id("t1"), &r), [50, 100]);
    }

    #[test]
    fn stored_weights_without_a_field_take_the_default() {
        let w: ReadinessWeights = crate::json::from_str(r#"{"path":50}"#).unwrap();
        assert_eq!((w.path, w.drills, w.last_drills), (50, 40, 3));
    }

    #[test]
    fn equal_scores_share_a_rank_and_the_next_is_skipped() {
        let (bo, ann, cy, di) = (
            trainee("t1", "bo"),
            trainee("t2", "Ann"),
            trainee("t3", "Cy"),
            trainee("t4", "Di"),
        );
        let ranked = rank(&[(&bo, 80), (&ann, 90), (&cy, 80), (&di, 70)]);
        let got: Vec<_> = ranked
            .iter()
            .map(|r| (r.rank, r.trainee.name.as_str(), r.score))
            .collect();
        assert_eq!(
            got,
            [(1, "Ann", 90), (2, "bo", 80), (2, "Cy", 80), (4, "Di", 70)]
        );
    }

    #[test]
    fn ties_share_the_first_rank_too() {
        let (a, b, c) = (trainee("a", "A"), trainee("b", "B"), trainee("c", "C"));
        let ranks: Vec<_> = rank(&[(&c, 50), (&b, 90), (&a, 90)])
            .iter()
            .map(|r| (r.rank, r.trainee.name.clone()))
            .collect();
        assert_eq!(ranks, [(1, "A".into()), (1, "B".into()), (3, "C".into())]);
        assert!(rank(&[]).is_empty());
    }
}
