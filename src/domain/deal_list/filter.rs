//! Narrowing and ordering the lead list: by grade, stage, status, industry, owner and overdue
//! deadlines, and by the column a rep sorts on.

use super::{urgent, Row};
use crate::domain::clock::SlaSettings;
use crate::domain::deal::{Grade, Status};
use crate::domain::fold::{same_in_any_case, FoldCase};
use crate::domain::playbook::{Industry, StageKind};
use crate::domain::Timestamp;
use std::cmp::Ordering;

/// What the list is narrowed to; `None` (and `overdue: false`) lets every lead through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub grade: Option<Grade>,
    pub stage: Option<StageKind>,
    pub status: Option<Status>,
    pub industry: Option<Industry>,
    /// An owner as [`owners`] lists them; compared in any case.
    pub owner: Option<String>,
    /// Only leads with a deadline past at the time given to [`Filter::keeps`].
    pub overdue: bool,
}

impl Filter {
    /// Whether any part of the filter is set.
    pub fn is_set(&self) -> bool {
        *self != Filter::default()
    }

    /// Whether `row` passes every part that is set; "overdue" uses the deadlines of the list's
    /// flags ([`urgent`]), so a lead the list marks overdue is one this keeps.
    pub fn keeps(&self, row: &Row, sla: &SlaSettings, now: Timestamp) -> bool {
        self.grade.is_none_or(|g| row.grade == g)
            && self.stage.is_none_or(|s| row.stage == Some(s))
            && self.status.is_none_or(|s| row.status == s)
            && self.industry.is_none_or(|i| row.industry == i)
            && self
                .owner
                .as_ref()
                .is_none_or(|o| same_in_any_case(&row.owner, o))
            && (!self.overdue || urgent(row, sla, now).is_some_and(|u| u.overdue))
    }
}

/// The orders the list can be in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest assignment first: how [`super::rows`] builds the list.
    #[default]
    Newest,
    /// Customer name, A to Z in any case.
    Customer,
    /// Lead number, in the order of the text (numbers are written to the same width).
    Number,
    /// A, then B, then C.
    Grade,
    /// In the order of the sales process; leads without a stage last.
    Stage,
    /// The soonest open next action first; leads without one last.
    NextAction,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::Newest,
        Sort::Customer,
        Sort::Number,
        Sort::Grade,
        Sort::Stage,
        Sort::NextAction,
    ];
}

/// Puts `rows` (newest first, as [`super::rows`] gives them) in the order `by`; rows that tie
/// keep their order, so the newest comes first among equals.
pub fn sort(rows: &mut [Row], by: Sort) {
    // One comparison for every order: each sort call is a copy of the sort in the wasm.
    rows.sort_by(|a, b| match by {
        Sort::Newest => Ordering::Equal,
        // The searchable text starts with the customer in lower case and a line break.
        Sort::Customer => a.text.cmp(&b.text),
        Sort::Number => a.number.cmp(&b.number),
        Sort::Grade => a.grade.cmp(&b.grade),
        Sort::Stage => (a.stage.is_none(), a.stage).cmp(&(b.stage.is_none(), b.stage)),
        Sort::NextAction => {
            (a.next_due.is_none(), a.next_due).cmp(&(b.next_due.is_none(), b.next_due))
        }
    });
}

/// The lead list's controls as the list keeps them: for each of grade, stage, status,
/// industry and owner the number of the option chosen (0 for any, then each value from 1 in
/// the order of its `ALL`, owners as [`owners`] lists them), 1 for "overdue only", and the
/// number of the order in [`Sort::ALL`]. Kept in memory until a reload, so a rep who opens a lead
/// and comes back finds the list as it was.
pub type Choices = [usize; 7];

/// The places in [`Choices`].
pub mod slot {
    pub const GRADE: usize = 0;
    pub const STAGE: usize = 1;
    pub const STATUS: usize = 2;
    pub const INDUSTRY: usize = 3;
    pub const OWNER: usize = 4;
    pub const OVERDUE: usize = 5;
    pub const ORDER: usize = 6;
}

/// The filter and the order `choices` stand for, given the owners the list offers. An option
/// number past the end of its list (an owner whose last lead went) chooses nothing.
pub fn chosen(choices: &Choices, owners: &[String]) -> (Filter, Sort) {
    fn pick<T: Clone>(all: &[T], option: usize) -> Option<T> {
        all.get(option.checked_sub(1)?).cloned()
    }
    let filter = Filter {
        grade: pick(&Grade::ALL, choices[slot::GRADE]),
        stage: pick(&StageKind::ALL, choices[slot::STAGE]),
        status: pick(&Status::ALL, choices[slot::STATUS]),
        industry: pick(&Industry::ALL, choices[slot::INDUSTRY]),
        owner: pick(owners, choices[slot::OWNER]),
        overdue: choices[slot::OVERDUE] == 1,
    };
    (filter, order(choices))
}

/// The order `choices` stand for.
pub fn order(choices: &Choices) -> Sort {
    Sort::ALL
        .get(choices[slot::ORDER])
        .copied()
        .unwrap_or_default()
}

/// Whether any filter is chosen (the order is not a filter).
pub fn filtering(choices: &Choices) -> bool {
    choices
        .iter()
        .enumerate()
        .any(|(at, &n)| at != slot::ORDER && n > 0)
}

/// Sets every filter back to "any", keeping the order.
pub fn clear_filters(choices: &mut Choices) {
    let order = choices[slot::ORDER];
    *choices = [0; 7];
    choices[slot::ORDER] = order;
}

/// The owners among `names` (the leads' owners), each once: trimmed, compared in any case,
/// spelt as the first in byte order (so the list does not change with the leads' order), A to
/// Z; a blank name adds none. The lead list and the dashboard offer these.
pub fn owners<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut list: Vec<(String, &str)> = names
        .into_iter()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| (o.fold_case(), o))
        .collect();
    list.sort_unstable();
    list.dedup_by(|a, b| a.0 == b.0);
    list.into_iter().map(|(_, o)| o.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{find_with, rows};
    use super::*;
    use crate::domain::clock::NextAction;
    use crate::domain::deal::Deal;
    use crate::domain::Id;
    use chrono::{Duration, TimeZone, Utc};

    fn at(hours: i64) -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap() + Duration::hours(hours)
    }

    /// Four leads assigned an hour apart (`L-0001` first), all followed up.
    fn leads() -> Vec<Deal> {
        let spec = [
            (
                "Bolt Works",
                Grade::B,
                StageKind::NeedsAnalysis,
                Industry::Manufacturing,
                "Li Wei",
            ),
            (
                "acme Retail",
                Grade::A,
                StageKind::LeadDevelopment,
                Industry::Retail,
                "li wei",
            ),
            (
                "Cedar Law",
                Grade::C,
                StageKind::QuoteAndContract,
                Industry::ProfessionalServices,
                "",
            ),
            (
                "Atlas Soft",
                Grade::A,
                StageKind::NeedsAnalysis,
                Industry::Software,
                "Zhang Min",
            ),
        ];
        spec.iter()
            .enumerate()
            .map(|(i, &(customer, grade, stage, industry, owner))| {
                let n = i as i64 + 1;
                let mut d = Deal::new(Id::generate(n, n as u64), customer, &[], at(n)).unwrap();
                d.number = format!("L-{n:04}");
                d.grade = grade;
                d.stage = Some(stage);
                d.industry = industry;
                d.owner = owner.into();
                d.log_first_follow_up(at(n));
                d
            })
            .collect()
    }

    fn customers(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.customer.as_str()).collect()
    }

    fn kept(filter: &Filter, deals: &[Deal], now: Timestamp) -> Vec<String> {
        let rows = rows(deals);
        let sla = SlaSettings::default();
        let found = find_with(&rows, "", |r| filter.keeps(r, &sla, now), 100);
        found.shown.iter().map(|r| r.customer.clone()).collect()
    }

    #[test]
    fn an_empty_filter_keeps_every_lead_and_is_not_set() {
        let f = Filter::default();
        assert!(!f.is_set());
        assert_eq!(kept(&f, &leads(), at(10)).len(), 4);
    }

    #[test]
    fn each_part_of_the_filter_narrows_and_the_parts_combine() {
        let deals = leads();
        let grade_a = Filter {
            grade: Some(Grade::A),
            ..Filter::default()
        };
        assert!(grade_a.is_set());
        assert_eq!(
            kept(&grade_a, &deals, at(10)),
            ["Atlas Soft", "acme Retail"]
        );
        let analysis = Filter {
            stage: Some(StageKind::NeedsAnalysis),
            ..grade_a.clone()
        };
        assert_eq!(kept(&analysis, &deals, at(10)), ["Atlas Soft"]);
        let retail = Filter {
            industry: Some(Industry::Retail),
            ..Filter::default()
        };
        assert_eq!(kept(&retail, &deals, at(10)), ["acme Retail"]);
        let lost = Filter {
            status: Some(Status::Lost),
            ..Filter::default()
        };
        assert!(kept(&lost, &deals, at(10)).is_empty());
    }

    #[test]
    fn the_owner_filter_matches_in_any_case() {
        let f = Filter {
            owner: Some("LI WEI".into()),
            ..Filter::default()
        };
        assert_eq!(kept(&f, &leads(), at(10)), ["acme Retail", "Bolt Works"]);
    }

    #[test]
    fn overdue_keeps_the_leads_the_list_flags_overdue() {
        let mut deals = leads();
        // Due at hour 20: not overdue at hour 10, overdue at hour 21.
        deals[2].next_action = Some(NextAction {
            task: "Send the contract".into(),
            due: at(20),
            done_at: None,
        });
        let f = Filter {
            overdue: true,
            ..Filter::default()
        };
        assert!(kept(&f, &deals, at(10)).is_empty());
        assert_eq!(kept(&f, &deals, at(21)), ["Cedar Law"]);
        // A lead never followed up is overdue after the SLA's 24 hours.
        let mut fresh = leads();
        fresh[0].first_follow_up_at = None;
        assert_eq!(kept(&f, &fresh, at(1 + 25)), ["Bolt Works"]);
    }

    #[test]
    fn sorting_orders_by_the_column_and_keeps_the_newest_first_among_equals() {
        let deals = leads();
        let sorted = |by| {
            let mut r = rows(&deals);
            sort(&mut r, by);
            customers(&r).join(", ")
        };
        let expected = [
            (
                Sort::Newest,
                "Atlas Soft, Cedar Law, acme Retail, Bolt Works",
            ),
            (
                Sort::Customer,
                "acme Retail, Atlas Soft, Bolt Works, Cedar Law",
            ),
            (
                Sort::Number,
                "Bolt Works, acme Retail, Cedar Law, Atlas Soft",
            ),
            (
                Sort::Grade,
                "Atlas Soft, acme Retail, Bolt Works, Cedar Law",
            ),
            (
                Sort::Stage,
                "acme Retail, Atlas Soft, Bolt Works, Cedar Law",
            ),
        ];
        for (by, list) in expected {
            assert_eq!(sorted(by), list, "{by:?}");
        }
    }

    #[test]
    fn next_action_order_puts_the_soonest_first_and_leads_without_one_last() {
        let mut deals = leads();
        for (i, hours) in [(0, 30), (2, 12)] {
            deals[i].next_action = Some(NextAction {
                task: "Call back".into(),
                due: at(hours),
                done_at: None,
            });
        }
        // A done action does not count.
        deals[3].next_action = Some(NextAction {
            task: "Demo".into(),
            due: at(5),
            done_at: Some(at(6)),
        });
        let mut r = rows(&deals);
        sort(&mut r, Sort::NextAction);
        assert_eq!(
            customers(&r),
            ["Cedar Law", "Bolt Works", "Atlas Soft", "acme Retail"]
        );
    }

    #[test]
    fn choices_stand_for_a_filter_and_an_order() {
        let owners = ["Li Wei".to_owned(), "Zhang Min".to_owned()];
        assert_eq!(chosen(&[0; 7], &owners), (Filter::default(), Sort::Newest));
        let mut c = [0; 7];
        c[slot::GRADE] = 1;
        c[slot::STAGE] = 2;
        c[slot::STATUS] = 4;
        c[slot::INDUSTRY] = 5;
        c[slot::OWNER] = 2;
        c[slot::OVERDUE] = 1;
        c[slot::ORDER] = 5;
        let expected = Filter {
            grade: Some(Grade::A),
            stage: Some(StageKind::NeedsAnalysis),
            status: Some(Status::Lost),
            industry: Some(Industry::Generic),
            owner: Some("Zhang Min".into()),
            overdue: true,
        };
        assert_eq!(chosen(&c, &owners), (expected, Sort::NextAction));
    }

    #[test]
    fn a_choice_past_its_list_chooses_nothing() {
        let mut c = [0; 7];
        c[slot::OWNER] = 3;
        c[slot::GRADE] = 9;
        c[slot::ORDER] = 99;
        let owners = ["li wei".to_owned()];
        assert_eq!(chosen(&c, &owners), (Filter::default(), Sort::Newest));
    }

    #[test]
    fn clearing_the_filters_keeps_the_order() {
        let mut c = [0; 7];
        c[slot::ORDER] = 1;
        assert!(!filtering(&c), "an order is not a filter");
        c[slot::OVERDUE] = 1;
        c[slot::OWNER] = 2;
        assert!(filtering(&c));
        clear_filters(&mut c);
        assert!(!filtering(&c));
        assert_eq!(order(&c), Sort::Customer);
    }

    #[test]
    fn owners_are_listed_once_each_a_to_z_without_blanks() {
        let mut r = rows(&leads());
        let of = |r: &[Row]| owners(r.iter().map(|r| r.owner.as_str()));
        assert_eq!(of(&r), ["Li Wei", "Zhang Min"]);
        r.reverse();
        assert_eq!(of(&r), ["Li Wei", "Zhang Min"], "whatever the rows' order");
        assert_eq!(
            owners([
                "  li wei ",
                "Li Wei",
                "",
                " ",
                "zhang min",
                "Zhang Min",
                "李伟"
            ]),
            ["Li Wei", "Zhang Min", "李伟"],
            "trimmed, once in any case, spelt as the first in byte order"
        );
    }
}
