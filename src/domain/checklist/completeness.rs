//! Needs-research completeness (需求调研完整率) of one checklist for one deal.

use super::Checklist;
use crate::domain::field::Answers;
use crate::domain::Id;

/// The needs-research completeness standard, in percent: required discovery items answered /
/// required items ≥ 85% (process-health measures, 需求调研完整率).
pub const COMPLETENESS_STANDARD: u8 = 85;

/// How much of a checklist a deal's answers cover.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completeness {
    /// Items that count as required: the required ones, or every item when none is marked.
    pub required: usize,
    /// Of those, the ones answered.
    pub answered_required: usize,
    /// Items answered, required or not.
    pub answered: usize,
    /// All items.
    pub total: usize,
    /// The required items not answered yet, in item order.
    pub missing_required: Vec<Id>,
}

impl Completeness {
    /// Answered required items as a percentage (0–100); nothing required means 100%.
    pub fn percent(&self) -> f64 {
        if self.required == 0 {
            return 100.0;
        }
        self.answered_required as f64 * 100.0 / self.required as f64
    }

    /// The percentage rounded down, for display: a deal shown at 85% always meets the
    /// standard (rounding 84.6% up to 85% would not).
    pub fn whole_percent(&self) -> u8 {
        match self.required {
            0 => 100,
            r => u8::try_from(self.answered_required.min(r) * 100 / r).unwrap_or(100),
        }
    }

    /// Whether the deal meets the needs-research completeness standard (≥ 85%). Computed in
    /// whole numbers so that exactly 85% meets it whatever floating point makes of 17/20.
    pub fn meets_standard(&self) -> bool {
        self.answered_required * 100 >= self.required * usize::from(COMPLETENESS_STANDARD)
    }
}

/// How complete `checklist` is given `answers`. An item counts as answered when its field has
/// an answer that says something (blank text does not count, `No` does).
///
/// A checklist with no item marked required asks for all of them (a team that does not mark
/// items means every question matters); an empty checklist is complete.
pub fn completeness(checklist: &Checklist, answers: &Answers) -> Completeness {
    let any_required = checklist.items.iter().any(|i| i.required);
    let mut c = Completeness {
        total: checklist.items.len(),
        ..Completeness::default()
    };
    for item in &checklist.items {
        let answered = item.is_answered(answers);
        c.answered += usize::from(answered);
        if item.required || !any_required {
            c.required += 1;
            if answered {
                c.answered_required += 1;
            } else {
                c.missing_required.push(item.id.clone());
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::Framework;
    use super::*;
    use crate::domain::field::Answer;

    /// A custom checklist of `n` required items, the first `answered` of them answered.
    fn answered_of(answered: usize, n: usize) -> Completeness {
        let items = (0..n)
            .map(|i| item(&format!("q{i}"), &format!("f{i}"), "", true))
            .collect();
        let list = checklist(Framework::Custom, items);
        let given: Vec<_> = (0..answered)
            .map(|i| (format!("f{i}"), text("yes")))
            .collect();
        completeness(&list, &given.into_iter().collect())
    }

    #[test]
    fn completeness_counts_only_required_items() {
        let (list, _) = bant();
        let answers = answers(&[
            ("budget_range", text("50-80k")),
            ("approval_path", text("CFO then board")),
            ("priority", text("high")),
        ]);
        let c = completeness(&list, &answers);
        assert_eq!((c.answered_required, c.required), (1, 5));
        assert_eq!((c.answered, c.total), (3, 8));
        assert_eq!(c.percent(), 20.0);
        assert!(!c.meets_standard());
    }

    #[test]
    fn missing_required_lists_the_unanswered_required_items_in_order() {
        let (list, _) = bant();
        let c = completeness(&list, &answers(&[("pain", text("stockouts"))]));
        let missing: Vec<_> = c.missing_required.iter().map(Id::as_str).collect();
        assert_eq!(
            missing,
            [
                "budget-range",
                "budget-allocated",
                "decision-maker",
                "decision-date"
            ]
        );
    }

    #[test]
    fn an_empty_checklist_is_complete() {
        let c = completeness(&checklist(Framework::Spin, Vec::new()), &Answers::new());
        assert_eq!(c.percent(), 100.0);
        assert_eq!(c.whole_percent(), 100);
        assert!(c.meets_standard());
    }

    #[test]
    fn without_required_items_every_item_counts_as_required() {
        let list = checklist(
            Framework::Spin,
            vec![
                item("s", "situation", "situation", false),
                item("p", "problem", "problem", false),
            ],
        );
        let c = completeness(&list, &answers(&[("problem", text("late orders"))]));
        assert_eq!((c.answered_required, c.required), (1, 2));
        assert_eq!(c.missing_required, [id("s")]);
        assert_eq!(c.percent(), 50.0);
    }

    #[test]
    fn blank_text_answers_do_not_count_but_a_no_does() {
        let (list, _) = bant();
        let answers = answers(&[
            ("budget_range", text("   ")),
            ("budget_allocated", Answer::YesNo(false)),
        ]);
        let c = completeness(&list, &answers);
        assert_eq!(c.answered_required, 1);
        assert_eq!(c.missing_required[0], id("budget-range"));
    }

    #[test]
    fn answers_to_fields_the_checklist_does_not_ask_do_not_count() {
        let (list, _) = bant();
        let c = completeness(&list, &answers(&[("store_count", text("12"))]));
        assert_eq!((c.answered, c.answered_required), (0, 0));
    }

    #[test]
    fn exactly_85_percent_meets_the_standard() {
        let c = answered_of(17, 20);
        assert_eq!(c.percent(), 85.0);
        assert_eq!(c.whole_percent(), 85);
        assert!(c.meets_standard());
    }

    #[test]
    fn just_under_85_percent_does_not_meet_the_standard() {
        let c = answered_of(849, 1000);
        assert!((c.percent() - 84.9).abs() < 1e-9);
        assert_eq!(c.whole_percent(), 84);
        assert!(!c.meets_standard());
    }
}
