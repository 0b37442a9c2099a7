//! Leads and deals: the toolkit's lead-grading and follow-up table (线索分级与跟进计划表).
//! The deals issue adds the grading rules, SLA clocks and CSV; the foundation fixes the record.

use super::clock::NextAction;
use super::grading::{self, GradingRules, Level, Signal, Signals};
use super::money;
use super::playbook::{Industry, StageKind};
use super::timeline::DealEvent;
use super::{Id, Timestamp};
use crate::json::Json;

mod number;
pub use number::{next_number, renumber_clashes, MAX_NUMBER_LEN};

/// Lead grade (线索分级).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Json)]
pub enum Grade {
    /// A clear near-term need: follow up first.
    A,
    /// A potential need.
    B,
    /// Long-term nurture.
    #[default]
    #[json(other)]
    C,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::A, Grade::B, Grade::C];

    /// The stored code (`A`, `B`, `C`), also used as a form value.
    pub fn code(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
        }
    }

    pub fn from_code(code: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Where the lead came from (线索来源).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Source {
    TradeShow,
    Website,
    Referral,
    #[default]
    #[json(other)]
    Other,
}

impl Source {
    pub const ALL: [Source; 4] = [
        Source::TradeShow,
        Source::Website,
        Source::Referral,
        Source::Other,
    ];
}

/// Where the lead stands (当前状态).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum Status {
    Following,
    Converted,
    Lost,
    /// Also what an unknown status reads as, so the lead is looked at again.
    #[default]
    #[json(other)]
    ToFollowUp,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::ToFollowUp,
        Status::Following,
        Status::Converted,
        Status::Lost,
    ];

    /// The stored code, also used as a form value.
    pub fn code(self) -> &'static str {
        match self {
            Status::ToFollowUp => "to_follow_up",
            Status::Following => "following",
            Status::Converted => "converted",
            Status::Lost => "lost",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Customer class for account care.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Json)]
#[json(rename_all = "snake_case")]
pub enum CustomerClass {
    HighValue,
    Potential,
    #[default]
    #[json(other)]
    General,
}

impl CustomerClass {
    pub const ALL: [CustomerClass; 3] = [
        CustomerClass::HighValue,
        CustomerClass::Potential,
        CustomerClass::General,
    ];
}

/// A lead or deal. Fields added by later versions carry `#[json(default)]`.
#[derive(Clone, Debug, PartialEq, Json)]
pub struct Deal {
    pub id: Id,
    /// The lead number people quote (线索编号), e.g. `L-0007`.
    #[json(default)]
    pub number: String,
    pub customer: String,
    #[json(default)]
    pub contact: String,
    #[json(default)]
    pub phone: String,
    #[json(default)]
    pub email: String,
    #[json(default)]
    pub source: Source,
    #[json(default)]
    pub industry: Industry,
    /// The grade that counts: the rep's override, else what the grading rules suggest.
    #[json(default)]
    pub grade: Grade,
    /// What the rep knows of the five grading signals (need, intent, timeline, budget,
    /// authority).
    #[json(default, skip_serializing_if = "Signals::is_unknown")]
    pub signals: Signals,
    /// The grade the rep chose over the rules' suggestion.
    #[json(default, skip_serializing_if = "Option::is_none")]
    pub grade_override: Option<Grade>,
    #[json(default)]
    pub stage: Option<StageKind>,
    #[json(default)]
    pub status: Status,
    #[json(default)]
    pub class: CustomerClass,
    #[json(default)]
    pub owner: String,
    #[json(default)]
    pub notes: String,
    /// Deal value in minor units of `currency` (cents, fen).
    #[json(default)]
    pub value_minor: i64,
    #[json(default)]
    pub currency: String,
    pub assigned_at: Timestamp,
    #[json(default)]
    pub first_follow_up_at: Option<Timestamp>,
    pub updated_at: Timestamp,
    /// The agreed next step (下一步行动) and when it is due.
    #[json(default, skip_serializing_if = "Option::is_none")]
    pub next_action: Option<NextAction>,
    /// What happened (跟进记录): calls, notes, follow-ups and the changes of stage, status and
    /// grade, in the order recorded.
    #[json(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<DealEvent>,
}

/// What is wrong with a deal a user entered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DealError {
    #[error("the customer name is required")]
    CustomerMissing,
    #[error("the customer name is longer than {max} characters")]
    CustomerTooLong { max: usize },
}

/// Longest customer name accepted; longer input is almost always a paste gone wrong.
pub const MAX_CUSTOMER_LEN: usize = 200;

impl Deal {
    /// A new lead, assigned now, with a number following the highest existing one.
    pub fn new(
        id: Id,
        customer: &str,
        existing: &[&Deal],
        now: Timestamp,
    ) -> Result<Deal, DealError> {
        let customer = validate_customer(customer)?;
        Ok(Deal {
            id,
            number: next_number(existing.iter().map(|d| d.number.as_str())),
            customer,
            contact: String::new(),
            phone: String::new(),
            email: String::new(),
            source: Source::default(),
            industry: Industry::default(),
            grade: Grade::default(),
            signals: Signals::default(),
            grade_override: None,
            stage: Some(StageKind::LeadDevelopment),
            status: Status::default(),
            class: CustomerClass::default(),
            owner: String::new(),
            notes: String::new(),
            value_minor: 0,
            currency: String::new(),
            assigned_at: now,
            first_follow_up_at: None,
            updated_at: now,
            next_action: None,
            history: Vec::new(),
        })
    }
}

/// How long a next action set without a due time has: one day.
pub const DEFAULT_NEXT_ACTION_HOURS: i64 = 24;

impl Deal {
    /// Records the first follow-up at `now` (once: a later call keeps the first time). A lead
    /// still "to follow up" becomes "following".
    pub fn log_first_follow_up(&mut self, now: Timestamp) {
        if self.first_follow_up_at.is_none() {
            self.first_follow_up_at = Some(now);
        }
        if self.status == Status::ToFollowUp {
            self.status = Status::Following;
        }
    }

    /// The grade the rules suggest for what is known of the lead.
    pub fn suggested_grade(&self, rules: &GradingRules) -> Grade {
        grading::suggest(rules, &self.signals)
    }

    /// Sets one grading signal and grades the lead again: the rules' suggestion, unless the
    /// rep chose the grade. A grade that differs from the suggestion with no override was
    /// entered or imported by hand before any signal: it becomes the override, not lost.
    pub fn set_signal(&mut self, signal: Signal, level: Level, rules: &GradingRules) {
        if self.grade_override.is_none() && self.grade != self.suggested_grade(rules) {
            self.grade_override = Some(self.grade);
        }
        self.signals.set(signal, level);
        self.grade = grading::effective(self.suggested_grade(rules), self.grade_override);
    }

    /// The rep's own grade; `None` follows the rules again.
    pub fn override_grade(&mut self, grade: Option<Grade>, rules: &GradingRules) {
        self.grade_override = grade;
        self.grade = grading::effective(self.suggested_grade(rules), grade);
    }

    /// Sets the value from what the rep typed, read in the deal's currency; a blank field is
    /// no value. Returns whether it was an amount: bad input is refused and the value kept.
    pub fn set_value_text(&mut self, text: &str) -> bool {
        let amount = match text.trim() {
            "" => Some(0),
            text => money::parse_amount(text, &self.currency),
        };
        if let Some(amount) = amount {
            self.value_minor = amount;
        }
        amount.is_some()
    }

    /// Adds `event` to the history. A call or follow-up is a contact: the first one is also
    /// the first follow-up ([`Deal::log_first_follow_up`]).
    pub fn record(&mut self, event: DealEvent) {
        if event.kind.is_contact() {
            self.log_first_follow_up(event.at);
        }
        self.history.push(event);
    }

    /// Sets what the next action is. A blank task removes the next action; a task after a
    /// finished one starts a new action, due [`DEFAULT_NEXT_ACTION_HOURS`] from `now`.
    pub fn set_next_action_task(&mut self, task: &str, now: Timestamp) {
        let task = task.trim();
        match &mut self.next_action {
            _ if task.is_empty() => self.next_action = None,
            Some(a) if a.done_at.is_none() => a.task = task.to_owned(),
            _ => {
                self.next_action = Some(NextAction {
                    task: task.to_owned(),
                    due: now + chrono::TimeDelta::hours(DEFAULT_NEXT_ACTION_HOURS),
                    done_at: None,
                })
            }
        }
    }

    /// Sets when the next action is due; a finished action becomes open again (it was moved),
    /// and a due time without an action starts one with no task yet.
    pub fn set_next_action_due(&mut self, due: Timestamp) {
        match &mut self.next_action {
            Some(a) => {
                a.due = due;
                a.done_at = None;
            }
            None => {
                self.next_action = Some(NextAction {
                    task: String::new(),
                    due,
                    done_at: None,
                })
            }
        }
    }

    /// Marks the next action done at `now`.
    pub fn complete_next_action(&mut self, now: Timestamp) {
        if let Some(a) = self.next_action.as_mut().filter(|a| a.done_at.is_none()) {
            a.done_at = Some(now);
        }
    }
}

/// Deals for the list: most recently assigned first, then by number.
pub fn newest_first<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<&'a Deal> {
    let mut list: Vec<&Deal> = deals.into_iter().collect();
    list.sort_by(|a, b| {
        b.assigned_at
            .cmp(&a.assigned_at)
            .then_with(|| b.number.cmp(&a.number))
    });
    list
}

/// Trims a customer name and checks it is present and of sane length.
pub fn validate_customer(name: &str) -> Result<String, DealError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DealError::CustomerMissing);
    }
    if name.chars().count() > MAX_CUSTOMER_LEN {
        return Err(DealError::CustomerTooLong {
            max: MAX_CUSTOMER_LEN,
        });
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests;
