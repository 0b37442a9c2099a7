//! Follow-up timeliness (线索跟进及时率) and the overdue work at a moment, both judged with the
//! follow-up clocks of [`crate::domain::clock`].

use super::{Dataset, Measure, Period};
use crate::domain::clock::{self, DueState, SlaSettings};
use crate::domain::deal::{Deal, Status};
use crate::domain::timeline;
use crate::domain::{Id, Timestamp};
use chrono::TimeDelta;

/// Follow-up timeliness over a period, with the leads not judged yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeliness {
    /// Leads first contacted within the SLA / leads judged; standard ≥ 90%.
    pub measure: Measure,
    /// Leads assigned in the period, not contacted yet, whose deadline has not passed at
    /// `now`: left out of both sides until they are met or missed.
    pub pending: Vec<Id>,
}

/// Whether the first-follow-up deadline of a lead not contacted yet has passed at `now`
/// (strictly after the deadline, as the clock says).
fn follow_up_overdue(deal: &Deal, sla: &SlaSettings, now: Timestamp) -> bool {
    let due = clock::first_follow_up_due(deal.assigned_at, sla);
    clock::due_state(due, false, TimeDelta::zero(), now) == DueState::Overdue
}

/// Follow-up timeliness: of the leads assigned in `period`, the share first contacted within
/// the SLA (a contact at the deadline minute is in time, as in
/// [`clock::followed_up_in_time`]). The first contact is the timeline's
/// ([`timeline::first_contact_at`]). A lead without a contact counts as missed once its
/// deadline has passed at `now`, and as pending before. A lead counts whatever its status
/// now: a lead lost without a contact was still missed.
pub fn follow_up_timeliness(
    data: &Dataset,
    period: &Period,
    sla: &SlaSettings,
    now: Timestamp,
) -> Timeliness {
    let (mut judged, mut in_time, mut pending) = (Vec::new(), Vec::new(), Vec::new());
    for deal in data.deals() {
        if !period.contains(deal.assigned_at) {
            continue;
        }
        match timeline::first_contact_at(deal, data.events(&deal.id)) {
            Some(contact) => {
                if contact <= clock::first_follow_up_due(deal.assigned_at, sla) {
                    in_time.push(deal.id.clone());
                }
                judged.push(deal.id.clone());
            }
            None if follow_up_overdue(deal, sla, now) => judged.push(deal.id.clone()),
            None => pending.push(deal.id.clone()),
        }
    }
    Timeliness {
        measure: Measure::share(judged, in_time),
        pending,
    }
}

/// Work that is late at a moment: not tied to a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    /// Open leads never contacted whose first-follow-up deadline has passed, counted among
    /// the open leads never contacted.
    pub first_follow_ups: Measure,
    /// Open deals whose next action is past due, counted among the open deals with a next
    /// action not done.
    pub next_actions: Measure,
}

/// Overdue first follow-ups and next actions at `now`. Converted and lost deals are left out,
/// as on the today list.
pub fn overdue(data: &Dataset, sla: &SlaSettings, now: Timestamp) -> Overdue {
    let (mut waiting, mut late_follow_ups) = (Vec::new(), Vec::new());
    let (mut actions, mut late_actions) = (Vec::new(), Vec::new());
    for deal in data.deals() {
        if matches!(deal.status, Status::Converted | Status::Lost) {
            continue;
        }
        if timeline::first_contact_at(deal, data.events(&deal.id)).is_none() {
            if follow_up_overdue(deal, sla, now) {
                late_follow_ups.push(deal.id.clone());
            }
            waiting.push(deal.id.clone());
        }
        if let Some(action) = &deal.next_action {
            match clock::next_action_state(action, sla, now) {
                DueState::Done => {}
                DueState::Overdue => {
                    late_actions.push(deal.id.clone());
                    actions.push(deal.id.clone());
                }
                DueState::NotDue | DueState::DueSoon => actions.push(deal.id.clone()),
            }
        }
    }
    Overdue {
        first_follow_ups: Measure::count_of(waiting, late_follow_ups),
        next_actions: Measure::count_of(actions, late_actions),
    }
}
