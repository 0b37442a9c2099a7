//! The lead list: every lead, newest first, found as you type.
//!
//! The text to search is built once each time the leads change ([`rows`]); a keystroke then
//! only scans it ([`find`]) and the list draws at most [`SHOWN`] rows, so typing stays within
//! a frame with thousands of leads (measured by `make bench`).

use super::clock::{due_state, first_follow_up_state, DueKind, DueState, SlaSettings};
use super::deal::{newest_first, Deal, Grade, Status};
use super::playbook::{Industry, StageKind};
use super::{Id, Timestamp};
use crate::domain::fold::FoldCase;

mod filter;
pub use filter::{
    chosen, clear_filters, filtering, order, owners, slot, sort, Choices, Filter, Sort,
};

/// Most leads the list draws; typing more narrows it.
pub const SHOWN: usize = 100;

/// One lead as the list shows it, with its searchable text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: Id,
    pub number: String,
    pub customer: String,
    pub grade: Grade,
    pub status: Status,
    /// `None` before the lead is placed in a stage.
    pub stage: Option<StageKind>,
    pub industry: Industry,
    pub owner: String,
    assigned_at: Timestamp,
    followed_up: bool,
    /// When the next action is due, while it is not done.
    next_due: Option<Timestamp>,
    /// Customer, number, contact, phone, email and owner, in lower case, a line each (the
    /// customer first: sorting by customer compares this).
    text: String,
}

/// A deadline of a lead that needs the rep now: which one, and whether it is past.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Urgent {
    pub kind: DueKind,
    pub overdue: bool,
}

/// The deadline of `row` to flag in the list at `now`: an overdue one first, else one due
/// soon; the first follow-up before the next action. `None` when neither needs the rep yet,
/// and for converted and lost leads. Next actions use the reminder window of `sla`.
pub fn urgent(row: &Row, sla: &SlaSettings, now: Timestamp) -> Option<Urgent> {
    if matches!(row.status, Status::Converted | Status::Lost) {
        return None;
    }
    let follow_up = first_follow_up_state(row.assigned_at, row.followed_up, sla, now);
    let next = (row.next_due).map(|due| due_state(due, false, sla.next_action_window(), now));
    let states = [
        (DueKind::FirstFollowUp, follow_up),
        (DueKind::NextAction, next.unwrap_or(DueState::NotDue)),
    ];
    let pick = |wanted| states.into_iter().find(|&(_, s)| s == wanted);
    let (kind, state) = pick(DueState::Overdue).or_else(|| pick(DueState::DueSoon))?;
    Some(Urgent {
        kind,
        overdue: state == DueState::Overdue,
    })
}

/// What a search found: the rows to draw and how many matched in all.
#[derive(Debug, PartialEq)]
pub struct Found<'a> {
    pub shown: Vec<&'a Row>,
    pub total: usize,
}

/// The list's rows, newest first.
pub fn rows<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<Row> {
    newest_first(deals)
        .into_iter()
        .map(|d| Row {
            id: d.id.clone(),
            number: d.number.clone(),
            customer: d.customer.clone(),
            grade: d.grade,
            status: d.status,
            stage: d.stage,
            industry: d.industry,
            owner: d.owner.trim().to_owned(),
            assigned_at: d.assigned_at,
            followed_up: d.first_follow_up_at.is_some(),
            next_due: d
                .next_action
                .as_ref()
                .filter(|a| a.done_at.is_none())
                .map(|a| a.due),
            text: [
                &d.customer,
                &d.number,
                &d.contact,
                &d.phone,
                &d.email,
                &d.owner,
            ]
            .map(|s| s.as_str())
            .join("\n")
            .fold_case(),
        })
        .collect()
}

/// The rows holding every word of `query` (any case, in any of the searched fields), in list
/// order, at most `limit` of them. An empty query matches every row.
pub fn find<'a>(rows: &'a [Row], query: &str, limit: usize) -> Found<'a> {
    find_with(rows, query, |_| true, limit)
}

/// [`find`], among the rows `keep` keeps (the list's filters).
pub fn find_with<'a>(
    rows: &'a [Row],
    query: &str,
    keep: impl Fn(&Row) -> bool,
    limit: usize,
) -> Found<'a> {
    let query = query.fold_case();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found = Found {
        shown: Vec::new(),
        total: 0,
    };
    for row in rows {
        if keep(row) && words.iter().all(|w| row.text.contains(w)) {
            found.total += 1;
            if found.shown.len() < limit {
                found.shown.push(row);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn deal(n: u32, customer: &str) -> Deal {
        let at =
            Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap() + chrono::Duration::hours(n.into());
        let mut d = Deal::new(Id::generate(n.into(), n.into()), customer, &[], at).unwrap();
        d.number = format!("L-{n:04}");
        d
    }

    fn customers(found: &Found) -> Vec<String> {
        found.shown.iter().map(|r| r.customer.clone()).collect()
    }

    #[test]
    fn an_empty_query_lists_every_lead_newest_first() {
        let deals = [
            deal(1, "Early Co"),
            deal(3, "Late Co"),
            deal(2, "Middle Co"),
        ];
        let rows = rows(&deals);
        let found = find(&rows, "  ", SHOWN);
        assert_eq!(customers(&found), ["Late Co", "Middle Co", "Early Co"]);
        assert_eq!(found.total, 3);
    }

    #[test]
    fn every_word_must_match_in_any_field_and_any_case() {
        let mut with_contact = deal(1, "Acme Tools");
        with_contact.contact = "Wang Fang".into();
        with_contact.phone = "+86 138 0000 1111".into();
        let deals = [
            with_contact,
            deal(2, "Acme Retail 零售"),
            deal(3, "Beta Works"),
        ];
        let rows = rows(&deals);
        assert_eq!(
            customers(&find(&rows, "ACME", SHOWN)),
            ["Acme Retail 零售", "Acme Tools"]
        );
        assert_eq!(customers(&find(&rows, "acme wang", SHOWN)), ["Acme Tools"]);
        assert_eq!(customers(&find(&rows, "1111", SHOWN)), ["Acme Tools"]);
        assert_eq!(customers(&find(&rows, "零售", SHOWN)), ["Acme Retail 零售"]);
        assert_eq!(customers(&find(&rows, "l-0003", SHOWN)), ["Beta Works"]);
        assert_eq!(find(&rows, "acme gamma", SHOWN).total, 0);
    }

    #[test]
    fn notes_are_not_searched() {
        let mut d = deal(1, "Acme");
        d.notes = "mentions Globex".into();
        assert_eq!(find(&rows(&[d]), "globex", SHOWN).total, 0);
    }

    #[test]
    fn at_most_the_limit_is_shown_but_every_match_is_counted() {
        let deals: Vec<Deal> = (1..=250)
            .map(|n| deal(n, &format!("Customer {n}")))
            .collect();
        let rows = rows(&deals);
        let found = find(&rows, "customer", SHOWN);
        assert_eq!(found.total, 250);
        assert_eq!(found.shown.len(), SHOWN);
        assert_eq!(found.shown[0].customer, "Customer 250", "newest first");
        let narrow = find(&rows, "customer 24", SHOWN);
        assert_eq!(
            narrow.total, 13,
            "24, 124, 224 and 240-249 (words match inside words)"
        );
    }

    fn flag(d: &Deal, now: Timestamp) -> Option<(DueKind, bool)> {
        let row = &rows([d])[0];
        urgent(row, &SlaSettings::default(), now).map(|u| (u.kind, u.overdue))
    }

    #[test]
    fn a_lead_is_flagged_from_the_reminder_until_it_is_followed_up() {
        let mut d = deal(0, "Acme");
        let at = d.assigned_at;
        let h = |n| at + chrono::Duration::hours(n);
        assert_eq!(flag(&d, h(1)), None, "fresh");
        assert_eq!(flag(&d, h(2)), Some((DueKind::FirstFollowUp, false)));
        assert_eq!(flag(&d, h(25)), Some((DueKind::FirstFollowUp, true)));
        d.first_follow_up_at = Some(h(26));
        assert_eq!(flag(&d, h(27)), None, "followed up");
        d.first_follow_up_at = None;
        d.status = Status::Lost;
        assert_eq!(flag(&d, h(27)), None, "lost leads need nothing");
    }

    #[test]
    fn an_overdue_next_action_comes_before_a_first_follow_up_only_due_soon() {
        use crate::domain::clock::NextAction;
        let mut d = deal(0, "Acme");
        let at = d.assigned_at;
        let h = |n| at + chrono::Duration::hours(n);
        d.next_action = Some(NextAction {
            task: "Send the quote".into(),
            due: h(1),
            done_at: None,
        });
        assert_eq!(
            flag(&d, h(0)),
            Some((DueKind::NextAction, false)),
            "due soon"
        );
        assert_eq!(flag(&d, h(3)), Some((DueKind::NextAction, true)));
        d.first_follow_up_at = Some(h(1));
        assert_eq!(flag(&d, h(3)), Some((DueKind::NextAction, true)));
        d.next_action.as_mut().unwrap().done_at = Some(h(2));
        assert_eq!(flag(&d, h(3)), None, "done");
    }
}
