//! What a checklist's framework says about a deal: BANT's dimensions met, MEDDPICC's scores,
//! or, for every other framework, whether discovery is complete enough.
//!
//! Verdicts are typed (group keys, numbers, flags); the UI words them in both languages.

use super::{completeness, Checklist, Framework, BANT_GROUPS, MEDDPICC_GROUPS};
use crate::domain::field::{Answer, Answers};

/// BANT's common rule: a deal is qualified when 3 of its 4 dimensions are met.
pub const BANT_DIMENSIONS_TO_QUALIFY: usize = 3;

/// The lowest MEDDPICC element score ("each is scored 1–10").
pub const MEDDPICC_SCORE_MIN: u8 = 1;
/// The highest MEDDPICC element score.
pub const MEDDPICC_SCORE_MAX: u8 = 10;
/// The playbook's default: MEDDPICC qualifies when the average element score is at least 7.
pub const MEDDPICC_QUALIFYING_AVERAGE: f64 = 7.0;
/// The playbook's default: no MEDDPICC element may score below 4, whatever the average.
pub const MEDDPICC_ELEMENT_FLOOR: u8 = 4;

/// The framework's verdict on a deal.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// BANT: the dimensions met and not met, in BANT order; qualified when at least
    /// [`BANT_DIMENSIONS_TO_QUALIFY`] are met.
    Bant {
        met: Vec<&'static str>,
        unmet: Vec<&'static str>,
        qualified: bool,
    },
    /// MEDDPICC: each element's score in order (`None` = not scored yet); the average of the
    /// scored ones, rounded to one decimal; the lowest-scored element(s); and the verdict,
    /// `None` until every element is scored.
    Meddpicc {
        scores: Vec<(&'static str, Option<u8>)>,
        average: Option<f64>,
        weakest: Vec<&'static str>,
        qualified: Option<bool>,
    },
    /// Any other framework: the completeness percentage and whether it meets the standard.
    Completeness { percent: f64, qualified: bool },
}

impl Verdict {
    /// Whether the deal qualifies; `None` while the framework cannot tell yet.
    pub fn qualified(&self) -> Option<bool> {
        match self {
            Verdict::Bant { qualified, .. } | Verdict::Completeness { qualified, .. } => {
                Some(*qualified)
            }
            Verdict::Meddpicc { qualified, .. } => *qualified,
        }
    }
}

/// The verdict of `checklist`'s framework on a deal with `answers`.
pub fn verdict(checklist: &Checklist, answers: &Answers) -> Verdict {
    match checklist.framework {
        Framework::Bant => bant_verdict(checklist, answers),
        Framework::Meddpicc => meddpicc_verdict(checklist, answers),
        _ => {
            let c = completeness(checklist, answers);
            Verdict::Completeness {
                percent: c.percent(),
                qualified: c.meets_standard(),
            }
        }
    }
}

/// BANT: "qualified when 3 of 4 are met" (DOMAIN, needs-discovery checklists).
fn bant_verdict(checklist: &Checklist, answers: &Answers) -> Verdict {
    let (met, unmet): (Vec<_>, Vec<_>) = BANT_GROUPS
        .into_iter()
        .partition(|group| dimension_met(checklist, group, answers));
    let qualified = met.len() >= BANT_DIMENSIONS_TO_QUALIFY;
    Verdict::Bant {
        met,
        unmet,
        qualified,
    }
}

/// A BANT dimension is met when its required items (all its items, if none is required) are
/// answered and no yes/no question in it was answered "no" ("budget allocated? no" fails
/// Budget). A dimension the checklist has no item for is never met: nothing is known about it.
fn dimension_met(checklist: &Checklist, group: &str, answers: &Answers) -> bool {
    let items: Vec<_> = checklist.items_in(group).collect();
    let any_required = items.iter().any(|i| i.required);
    let answered = items
        .iter()
        .filter(|i| i.required || !any_required)
        .all(|i| i.is_answered(answers));
    let said_no = items
        .iter()
        .any(|i| matches!(answers.get(&i.field), Some(Answer::YesNo(false))));
    !items.is_empty() && answered && !said_no
}

/// MEDDPICC: each element scored 1–10 (DOMAIN); qualified by the playbook's defaults.
fn meddpicc_verdict(checklist: &Checklist, answers: &Answers) -> Verdict {
    let scores: Vec<_> = MEDDPICC_GROUPS
        .into_iter()
        .map(|group| (group, element_score(checklist, group, answers)))
        .collect();
    let scored: Vec<_> = scores
        .iter()
        .filter_map(|&(group, score)| Some((group, score?)))
        .collect();
    let sum: u32 = scored.iter().map(|&(_, s)| u32::from(s)).sum();
    let count = scored.len() as f64;
    let average = (!scored.is_empty()).then(|| (f64::from(sum) / count * 10.0).round() / 10.0);
    let lowest = scored.iter().map(|&(_, s)| s).min();
    let weakest = scored
        .iter()
        .filter(|&&(_, s)| Some(s) == lowest)
        .map(|&(group, _)| group)
        .collect();
    // Judged on the exact sum, not the rounded average: 6.875 shows as 6.9 and fails.
    let qualified = (scored.len() == MEDDPICC_GROUPS.len()).then(|| {
        f64::from(sum) >= MEDDPICC_QUALIFYING_AVERAGE * count
            && scored.iter().all(|&(_, s)| s >= MEDDPICC_ELEMENT_FLOOR)
    });
    Verdict::Meddpicc {
        scores,
        average,
        weakest,
        qualified,
    }
}

/// An element's score: the first score answer among its items. A score outside 1–10 (from a
/// field with another scale, or a bad import) does not count as scored.
fn element_score(checklist: &Checklist, group: &str, answers: &Answers) -> Option<u8> {
    checklist
        .items_in(group)
        .find_map(|i| match answers.get(&i.field) {
            Some(&Answer::Score(s)) => Some(s),
            _ => None,
        })
        .filter(|s| (MEDDPICC_SCORE_MIN..=MEDDPICC_SCORE_MAX).contains(s))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn bant_outcome(answers: &Answers) -> (Vec<&'static str>, Vec<&'static str>, bool) {
        let (list, _) = bant();
        match verdict(&list, answers) {
            Verdict::Bant {
                met,
                unmet,
                qualified,
            } => (met, unmet, qualified),
            other => panic!("not a BANT verdict: {other:?}"),
        }
    }

    fn meddpicc_outcome(answers: &Answers) -> Verdict {
        verdict(&meddpicc().0, answers)
    }

    #[test]
    fn bant_is_qualified_when_three_of_four_dimensions_are_met() {
        let mut answers = bant_all_met();
        answers.remove("decision_date");
        let (met, unmet, qualified) = bant_outcome(&answers);
        assert_eq!(met, ["budget", "authority", "need"]);
        assert_eq!(unmet, ["timeline"]);
        assert!(qualified);
        let (met, _, qualified) = bant_outcome(&bant_all_met());
        assert_eq!(met.len(), 4);
        assert!(qualified);
    }

    #[test]
    fn bant_is_not_qualified_with_two_dimensions_met() {
        let mut answers = bant_all_met();
        answers.remove("decision_date");
        answers.insert("decision_maker".into(), text(" "));
        let (met, unmet, qualified) = bant_outcome(&answers);
        assert_eq!(met, ["budget", "need"]);
        assert_eq!(unmet, ["authority", "timeline"]);
        assert!(!qualified);
    }

    #[test]
    fn a_no_to_a_yes_no_question_fails_its_bant_dimension() {
        let mut answers = bant_all_met();
        answers.insert("budget_allocated".into(), Answer::YesNo(false));
        let (_, unmet, qualified) = bant_outcome(&answers);
        assert_eq!(unmet, ["budget"]);
        assert!(qualified, "three dimensions are still met");
    }

    #[test]
    fn a_bant_dimension_the_checklist_has_no_item_for_is_never_met() {
        let list = checklist(
            Framework::Bant,
            vec![
                item("b", "budget", "budget", true),
                item("a", "authority", "authority", true),
                item("n", "need", "need", true),
            ],
        );
        let answers = answers(&[
            ("budget", text("50k")),
            ("authority", text("CFO")),
            ("need", text("speed")),
        ]);
        let v = verdict(&list, &answers);
        assert_eq!(v.qualified(), Some(true));
        assert!(matches!(v, Verdict::Bant { unmet, .. } if unmet == ["timeline"]));
    }

    #[test]
    fn a_bant_dimension_without_required_items_needs_all_of_them() {
        let list = checklist(
            Framework::Bant,
            vec![
                item("t1", "decision_date", "timeline", false),
                item("t2", "go_live", "timeline", false),
            ],
        );
        let partly = answers(&[("decision_date", text("June"))]);
        assert!(!dimension_met(&list, "timeline", &partly));
        let fully = answers(&[("decision_date", text("June")), ("go_live", text("Q3"))]);
        assert!(dimension_met(&list, "timeline", &fully));
    }

    #[test]
    fn meddpicc_is_not_scorable_until_every_element_has_a_score() {
        let mut answers = meddpicc_scores([9; 8]);
        answers.remove("score_competition");
        let v = meddpicc_outcome(&answers);
        assert_eq!(v.qualified(), None);
        let Verdict::Meddpicc {
            scores, average, ..
        } = v
        else {
            panic!("not a MEDDPICC verdict");
        };
        assert_eq!(scores[7], ("competition", None));
        assert_eq!(average, Some(9.0));
        assert_eq!(meddpicc_outcome(&Answers::new()).qualified(), None);
    }

    #[test]
    fn meddpicc_qualifies_with_an_average_of_seven_and_no_element_below_four() {
        let v = meddpicc_outcome(&meddpicc_scores([7, 7, 7, 7, 7, 7, 4, 10]));
        assert_eq!(v.qualified(), Some(true));
        assert!(matches!(v, Verdict::Meddpicc { average: Some(a), .. } if a == 7.0));
    }

    #[test]
    fn one_meddpicc_element_at_three_fails_however_high_the_average() {
        let v = meddpicc_outcome(&meddpicc_scores([10, 10, 10, 10, 10, 10, 10, 3]));
        let Verdict::Meddpicc {
            average,
            weakest,
            qualified,
            ..
        } = v
        else {
            panic!("not a MEDDPICC verdict");
        };
        assert_eq!(average, Some(9.1));
        assert_eq!(weakest, ["competition"]);
        assert_eq!(qualified, Some(false));
    }

    #[test]
    fn meddpicc_average_is_rounded_to_one_decimal_but_judged_exactly() {
        // 55 / 8 = 6.875: shown as 6.9, still below 7.
        let v = meddpicc_outcome(&meddpicc_scores([7, 7, 7, 7, 7, 7, 7, 6]));
        assert_eq!(v.qualified(), Some(false));
        assert!(matches!(v, Verdict::Meddpicc { average: Some(a), .. } if a == 6.9));
        // 22 / 3 = 7.333…, shown as 7.3 while the other elements wait for a score.
        let partial = answers(&[
            ("score_metrics", Answer::Score(8)),
            ("score_economic_buyer", Answer::Score(7)),
            ("score_champion", Answer::Score(7)),
        ]);
        let v = meddpicc_outcome(&partial);
        assert!(matches!(v, Verdict::Meddpicc { average: Some(a), .. } if a == 7.3));
    }

    #[test]
    fn meddpicc_weakest_lists_every_element_tied_for_lowest() {
        let v = meddpicc_outcome(&meddpicc_scores([5, 8, 5, 8, 8, 8, 8, 8]));
        let Verdict::Meddpicc { weakest, .. } = v else {
            panic!("not a MEDDPICC verdict");
        };
        assert_eq!(weakest, ["metrics", "decision_criteria"]);
    }

    #[test]
    fn a_meddpicc_score_outside_one_to_ten_counts_as_not_scored() {
        let v = meddpicc_outcome(&meddpicc_scores([0, 8, 8, 8, 8, 8, 8, 11]));
        let Verdict::Meddpicc {
            scores, weakest, ..
        } = v
        else {
            panic!("not a MEDDPICC verdict");
        };
        assert_eq!((scores[0].1, scores[7].1), (None, None));
        assert_eq!(weakest.len(), 6);
    }

    #[test]
    fn other_frameworks_qualify_when_completeness_meets_the_standard() {
        let items = (0..7).map(|i| item(&format!("s{i}"), &format!("f{i}"), "situation", true));
        let list = checklist(Framework::Spin, items.collect());
        let six: Vec<_> = (0..6).map(|i| (format!("f{i}"), text("x"))).collect();
        let v = verdict(&list, &six.into_iter().collect());
        // 6 / 7 = 85.7%
        assert_eq!(v.qualified(), Some(true));
        let five: Vec<_> = (0..5).map(|i| (format!("f{i}"), text("x"))).collect();
        let v = verdict(&list, &five.into_iter().collect());
        assert!(matches!(v, Verdict::Completeness { qualified: false, percent } if percent < 85.0));
    }
}
