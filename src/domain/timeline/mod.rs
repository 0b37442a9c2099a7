//! What happened to a deal (跟进记录 and its history): calls, notes, follow-ups and the stage,
//! status and grade changes the dashboard measures read.
//!
//! A deal keeps its events in its own record ([`Deal::history`]): deleting, restoring, backing
//! up or syncing a deal takes its history along. The app records history by diffing a deal
//! before and after an edit ([`diff`]), so no view has to remember to log a change. Every
//! function here reads a slice of events and never assumes it is sorted unless it says so.

use super::deal::{Deal, Grade, Status};
use super::playbook::StageKind;
use super::{Id, Timestamp};
use crate::json::Json;

/// One thing that happened to a deal at a moment.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
pub struct DealEvent {
    pub id: Id,
    pub at: Timestamp,
    pub kind: EventKind,
}

/// What happened. Stored as `{"type": "call", "note": "…"}`; a type written by a later version
/// reads as [`EventKind::Unknown`] so the rest of the history still loads.
#[derive(Clone, Debug, PartialEq, Eq, Json)]
#[json(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// The lead was entered or imported.
    Created,
    /// A phone call, with what was said.
    Call {
        #[json(default)]
        note: String,
    },
    /// A call made with the script on screen (live call mode): the script's title, how long
    /// it took, the steps said, the answers given as `Label: value` and the notes, frozen in
    /// the language of the call.
    LiveCall {
        #[json(default)]
        script: String,
        #[json(default)]
        seconds: u32,
        #[json(default)]
        path: Vec<String>,
        #[json(default)]
        answers: Vec<String>,
        #[json(default)]
        note: String,
    },
    /// A note that is not a contact.
    Note {
        #[json(default)]
        text: String,
    },
    /// A contact made with the customer (any channel).
    FollowUp,
    StageChanged {
        #[json(default)]
        from: Option<StageKind>,
        #[json(default)]
        to: Option<StageKind>,
    },
    StatusChanged {
        #[json(default)]
        from: Status,
        #[json(default)]
        to: Status,
    },
    GradeChanged {
        #[json(default)]
        from: Grade,
        #[json(default)]
        to: Grade,
    },
    /// A proposal went out, made from the named template.
    ProposalSent {
        #[json(default)]
        template: String,
    },
    /// A demo took place; `advanced` when the deal moved on after it (demo pass rate).
    DemoHeld {
        #[json(default)]
        advanced: bool,
    },
    /// A kind of event this version does not know.
    #[json(other)]
    Unknown,
}

impl EventKind {
    /// Whether the event is a contact with the customer: a follow-up or a call.
    pub fn is_contact(&self) -> bool {
        matches!(
            self,
            EventKind::FollowUp | EventKind::Call { .. } | EventKind::LiveCall { .. }
        )
    }

    /// What was said: a call's note or a note's text; empty for any other event.
    pub fn said(&self) -> &str {
        match self {
            EventKind::Call { note } | EventKind::LiveCall { note, .. } => note,
            EventKind::Note { text } => text,
            _ => "",
        }
    }
}

/// Sorts events by time; events at the same instant keep their recorded order.
pub fn sort_by_time(events: &mut [&DealEvent]) {
    // The standard stable sort: one deal's history is short, but the measures sort the
    // histories of thousands of deals, where an insertion sort could go quadratic.
    events.sort_by_key(|e| e.at);
}

/// `events`, oldest first (stable for equal times).
pub fn in_order(events: &[DealEvent]) -> Vec<&DealEvent> {
    let mut list: Vec<&DealEvent> = events.iter().collect();
    sort_by_time(&mut list);
    list
}

/// `events` for reading, newest first (of two at the same instant, the later recorded first).
pub fn newest_first(events: &[DealEvent]) -> Vec<&DealEvent> {
    let mut list = in_order(events);
    list.reverse();
    list
}

/// The event `created` for a new or imported deal, at its assignment time.
pub fn created(deal: &Deal, id: Id) -> DealEvent {
    DealEvent {
        id,
        at: deal.assigned_at,
        kind: EventKind::Created,
    }
}

/// The earliest time among `events` whose kind matches.
fn first(events: &[&DealEvent], is: impl Fn(&EventKind) -> bool) -> Option<Timestamp> {
    events.iter().filter(|e| is(&e.kind)).map(|e| e.at).min()
}

/// When the deal was first contacted: the earlier of its first follow-up or call event and
/// the first follow-up time on the record (线索表 首次跟进时间, which imports fill without any
/// event). `events` are the deal's own.
pub fn first_contact_at(deal: &Deal, events: &[&DealEvent]) -> Option<Timestamp> {
    let from_events = first(events, EventKind::is_contact);
    match (from_events, deal.first_follow_up_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// When the deal was won: the first change of status to converted.
pub fn won_at(events: &[&DealEvent]) -> Option<Timestamp> {
    first(events, |k| {
        matches!(
            k,
            EventKind::StatusChanged {
                to: Status::Converted,
                ..
            }
        )
    })
}

/// When the deal was lost: the first change of status to lost.
pub fn lost_at(events: &[&DealEvent]) -> Option<Timestamp> {
    first(events, |k| {
        matches!(
            k,
            EventKind::StatusChanged {
                to: Status::Lost,
                ..
            }
        )
    })
}

/// The stage a deal was in at `t`, from its stage changes: the `to` of the latest change at or
/// before `t` (of two at the same instant, the later in `events`), else the `from` of the
/// first change after `t`. `None` when the history does not tell (no stage change at all),
/// when the deal was created after `t`, or when the deal had no stage then.
pub fn stage_at(events: &[&DealEvent], t: Timestamp) -> Option<StageKind> {
    let born = first(events, |k| matches!(k, EventKind::Created));
    if born.is_some_and(|b| b > t) {
        return None;
    }
    let mut last: Option<(Timestamp, Option<StageKind>)> = None;
    let mut next: Option<(Timestamp, Option<StageKind>)> = None;
    for e in events {
        let EventKind::StageChanged { from, to } = e.kind else {
            continue;
        };
        if e.at <= t {
            if last.is_none_or(|(at, _)| e.at >= at) {
                last = Some((e.at, to));
            }
        } else if next.is_none_or(|(at, _)| e.at < at) {
            next = Some((e.at, from));
        }
    }
    last.or(next).and_then(|(_, stage)| stage)
}

/// The events an edit makes: one for each of stage, status and grade that changed, in that
/// order, at `at`, with ids from `new_id`. Other fields (name, notes, value) leave no event.
pub fn diff(
    before: &Deal,
    after: &Deal,
    at: Timestamp,
    mut new_id: impl FnMut() -> Id,
) -> Vec<DealEvent> {
    let mut kinds = Vec::new();
    if before.stage != after.stage {
        kinds.push(EventKind::StageChanged {
            from: before.stage,
            to: after.stage,
        });
    }
    if before.status != after.status {
        kinds.push(EventKind::StatusChanged {
            from: before.status,
            to: after.status,
        });
    }
    if before.grade != after.grade {
        kinds.push(EventKind::GradeChanged {
            from: before.grade,
            to: after.grade,
        });
    }
    kinds
        .into_iter()
        .map(|kind| DealEvent {
            id: new_id(),
            at,
            kind,
        })
        .collect()
}

#[cfg(test)]
mod tests;
