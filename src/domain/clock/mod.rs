//! Follow-up clocks (跟进时效): the first-follow-up SLA, next actions and the "today" list.
//!
//! Time standard: first follow-up within 24 hours of assignment (in one company 35% of leads
//! missed it, the main leak). Every instant is UTC and `now` is a parameter. A user's local day
//! is given as an offset in minutes *east* of UTC, which the UI reads from the browser as
//! `-new Date().getTimezoneOffset()` (JavaScript counts the other way: UTC+8 gives -480 there).
//!
//! Daylight saving: deadlines are stored and compared as absolute instants, so a clock change
//! never moves one. Only "which local day is it" needs an offset, and the UI passes the offset
//! valid at `now`, so it is right on every day. [`today_with`] takes the offset as a rule of
//! time (the browser's `Date` gives it for any instant), which also places items due in the
//! last hour of a day on which the clocks change; [`today`] uses one fixed offset.

use super::deal::{Deal, Status};
use super::{Id, Timestamp};
use crate::json::Json;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// The follow-up time standards, editable per team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Json)]
#[json(default)]
pub struct SlaSettings {
    /// Hours from assignment to the first-follow-up deadline: 24.
    pub first_follow_up_hours: u32,
    /// Hours after assignment at which a lead not yet followed up raises the reminder: 2
    /// (the toolkit's "reminder 2 hours after assignment"); from then until the deadline it
    /// shows as due soon. A next action shows as due soon the same number of hours before it
    /// is due.
    pub reminder_after_hours: u32,
}

impl Default for SlaSettings {
    fn default() -> Self {
        SlaSettings {
            first_follow_up_hours: 24,
            reminder_after_hours: 2,
        }
    }
}

/// The longest SLA accepted: 90 days.
pub const MAX_SLA_HOURS: u32 = 24 * 90;

/// Why edited SLA settings cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlaError {
    #[error("the first follow-up must be due between 1 and {max} hours after assignment")]
    FollowUpHoursOutOfRange { max: u32 },
    #[error("the reminder {reminder} hours after assignment must come before the {deadline}-hour deadline")]
    ReminderNotBeforeDeadline { reminder: u32, deadline: u32 },
}

impl SlaSettings {
    /// Checks the deadline is 1 h to 90 days and the reminder falls inside it.
    pub fn validate(&self) -> Result<(), SlaError> {
        let (deadline, reminder) = (self.first_follow_up_hours, self.reminder_after_hours);
        if !(1..=MAX_SLA_HOURS).contains(&deadline) {
            return Err(SlaError::FollowUpHoursOutOfRange { max: MAX_SLA_HOURS });
        }
        if reminder >= deadline {
            return Err(SlaError::ReminderNotBeforeDeadline { reminder, deadline });
        }
        Ok(())
    }

    /// How long before the first-follow-up deadline the reminder comes.
    fn follow_up_window(&self) -> TimeDelta {
        hours(self.first_follow_up_hours) - hours(self.reminder_after_hours)
    }

    /// How long before a next action is due it shows as due soon.
    pub fn next_action_window(&self) -> TimeDelta {
        hours(self.reminder_after_hours)
    }
}

/// Hours as a duration; out-of-range stored values are capped rather than trusted.
fn hours(h: u32) -> TimeDelta {
    TimeDelta::hours(i64::from(h.min(MAX_SLA_HOURS)))
}

/// Where a deadline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DueState {
    /// More than the reminder window away.
    NotDue,
    /// Inside the reminder window, up to and including the deadline itself.
    DueSoon,
    /// The deadline has passed.
    Overdue,
    /// Done (on time or late).
    Done,
}

/// The state of a deadline: overdue strictly after `due`, due soon from `reminder` before it.
pub fn due_state(due: Timestamp, done: bool, reminder: TimeDelta, now: Timestamp) -> DueState {
    if done {
        DueState::Done
    } else if now > due {
        DueState::Overdue
    } else if now.checked_add_signed(reminder).is_none_or(|t| t >= due) {
        DueState::DueSoon
    } else {
        DueState::NotDue
    }
}

/// First follow-up deadline: assignment plus the SLA, in absolute hours.
pub fn first_follow_up_due(assigned_at: Timestamp, sla: &SlaSettings) -> Timestamp {
    assigned_at
        .checked_add_signed(hours(sla.first_follow_up_hours))
        .unwrap_or(Timestamp::MAX_UTC)
}

/// The first-follow-up state of a lead: not due, then due soon from the reminder (2 h after
/// assignment), overdue after the deadline (24 h); done once `first_follow_up_at` is recorded.
pub fn follow_up_state(deal: &Deal, sla: &SlaSettings, now: Timestamp) -> DueState {
    first_follow_up_state(
        deal.assigned_at,
        deal.first_follow_up_at.is_some(),
        sla,
        now,
    )
}

/// [`follow_up_state`] of a lead assigned at `assigned_at`, followed up or not (`done`).
pub fn first_follow_up_state(
    assigned_at: Timestamp,
    done: bool,
    sla: &SlaSettings,
    now: Timestamp,
) -> DueState {
    let due = first_follow_up_due(assigned_at, sla);
    due_state(due, done, sla.follow_up_window(), now)
}

/// Whether the first follow-up met the SLA (for 线索跟进及时率); `None` until it happens.
pub fn followed_up_in_time(deal: &Deal, sla: &SlaSettings) -> Option<bool> {
    let at = deal.first_follow_up_at?;
    Some(at <= first_follow_up_due(deal.assigned_at, sla))
}

/// The agreed next step of a deal (下一步行动): a task with a due date and time
/// ([`Deal::next_action`]).
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct NextAction {
    pub task: String,
    pub due: Timestamp,
    #[json(default)]
    pub done_at: Option<Timestamp>,
}

/// The state of a next action, with the same reminder window as the first follow-up.
pub fn next_action_state(action: &NextAction, sla: &SlaSettings, now: Timestamp) -> DueState {
    due_state(
        action.due,
        action.done_at.is_some(),
        sla.next_action_window(),
        now,
    )
}

/// A wall-clock time as a `datetime-local` input gives it, `2026-03-01T09:30` (seconds
/// allowed); `None` for anything else, including an empty field.
pub fn parse_input_time(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.trim().split_once('T')?;
    let mut d = date.split('-').map(|n| n.parse::<u32>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|n| n.parse::<u32>().ok());
    let (h, min) = (t.next()??, t.next()??);
    let s = t.next().unwrap_or(Some(0))?;
    if d.next().is_some() || t.next().is_some() || !(1000..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, day)?.and_hms_opt(h, min, s)
}

/// Offsets beyond ±18 h do not exist; larger values from a broken source are capped.
pub const MAX_OFFSET_MINUTES: i32 = 18 * 60;

fn offset(minutes_east: i32) -> TimeDelta {
    TimeDelta::minutes(i64::from(
        minutes_east.clamp(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES),
    ))
}

/// The wall-clock time at `t` in a zone `offset_minutes` east of UTC.
pub fn to_local(t: Timestamp, offset_minutes: i32) -> NaiveDateTime {
    let utc = t.naive_utc();
    utc.checked_add_signed(offset(offset_minutes))
        .unwrap_or(utc)
}

/// The instant of a wall-clock time, given the offset valid at that wall-clock time (for a
/// due time the UI reads it with `new Date(y, m, d, h, min).getTimezoneOffset()`).
pub fn from_local(local: NaiveDateTime, offset_minutes: i32) -> Timestamp {
    local
        .checked_sub_signed(offset(offset_minutes))
        .unwrap_or(local)
        .and_utc()
}

/// The local calendar date at `t`.
pub fn local_date(t: Timestamp, offset_minutes: i32) -> NaiveDate {
    to_local(t, offset_minutes).date()
}

/// The first instant of the next local day: "due today" means due before this.
pub fn end_of_local_day(now: Timestamp, offset_minutes: i32) -> Timestamp {
    let today = local_date(now, offset_minutes);
    let next = today.succ_opt().unwrap_or(today);
    from_local(next.and_time(NaiveTime::MIN), offset_minutes)
}

/// Whether `due` falls on the user's local today or earlier, each instant read with the
/// offset valid at it: across a clock change the deadline keeps its absolute time and still
/// lands on the right local day.
pub fn is_due_by_end_of_local_day(
    due: Timestamp,
    offset_at_due: i32,
    now: Timestamp,
    offset_at_now: i32,
) -> bool {
    local_date(due, offset_at_due) <= local_date(now, offset_at_now)
}

/// Why a deal is on the today list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DueKind {
    FirstFollowUp,
    NextAction,
}

/// A deal on the today list, with its most urgent deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodayItem {
    pub id: Id,
    pub kind: DueKind,
    pub due: Timestamp,
    pub overdue: bool,
}

/// The today list (今日待办) with one fixed offset, the one valid at `now`.
pub fn today(
    deals: &[(&Deal, Option<&NextAction>)],
    sla: &SlaSettings,
    now: Timestamp,
    offset_minutes: i32,
) -> Vec<TodayItem> {
    today_with(deals, sla, now, |_| offset_minutes)
}

/// The today list: deals whose first follow-up or next action is overdue, past its reminder
/// (due soon), or due before the end of the local day, each once with its earliest such
/// deadline, overdue first, then by deadline. Converted and lost deals and finished deadlines are left out. `offset_at(t)` is
/// the zone's offset (minutes east) at instant `t`.
pub fn today_with(
    deals: &[(&Deal, Option<&NextAction>)],
    sla: &SlaSettings,
    now: Timestamp,
    offset_at: impl Fn(Timestamp) -> i32,
) -> Vec<TodayItem> {
    let offset_now = offset_at(now);
    let mut items = Vec::new();
    for &(deal, action) in deals {
        if matches!(deal.status, Status::Converted | Status::Lost) {
            continue;
        }
        let follow_up = deal.first_follow_up_at.is_none().then(|| {
            let due = first_follow_up_due(deal.assigned_at, sla);
            (DueKind::FirstFollowUp, due, sla.follow_up_window())
        });
        let next = action
            .filter(|a| a.done_at.is_none())
            .map(|a| (DueKind::NextAction, a.due, sla.next_action_window()));
        let urgent = [follow_up, next]
            .into_iter()
            .flatten()
            .filter(|&(_, due, window)| {
                due_state(due, false, window, now) != DueState::NotDue
                    || is_due_by_end_of_local_day(due, offset_at(due), now, offset_now)
            })
            .map(|(kind, due, _)| (kind, due))
            .min_by_key(|&(_, due)| due);
        if let Some((kind, due)) = urgent {
            items.push(TodayItem {
                id: deal.id.clone(),
                kind,
                due,
                overdue: due < now,
            });
        }
    }
    let mut order: Vec<(bool, i64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (!t.overdue, t.due.timestamp_micros(), i))
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(.., i)| items[i].clone()).collect()
}

#[cfg(test)]
mod tests;
