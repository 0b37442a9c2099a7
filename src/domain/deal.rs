//! Leads and deals: the toolkit's lead-grading and follow-up table (线索分级与跟进计划表).
//! The deals issue adds the grading rules, SLA clocks and CSV; the foundation fixes the record.

use super::clock::NextAction;
use super::grading::{self, GradingRules, Level, Signal, Signals};
use super::playbook::{Industry, StageKind};
use super::timeline::DealEvent;
use super::{Id, Timestamp};
use crate::json::Json;

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

/// The longest lead number kept; a longer one in an imported file is refused.
pub const MAX_NUMBER_LEN: usize = 40;

/// Most digits (leading zeros aside) of a number [`next_number`] counts up from: the next
/// one, even after a carry (`…999` + 1), still fits [`MAX_NUMBER_LEN`] with its `L-`.
const MAX_COUNTED_DIGITS: usize = MAX_NUMBER_LEN - 3;

/// The next lead number, `L-` and four digits at least, one above the highest `L-n` in use.
/// Numbers are read as the duplicate rule compares them (trimmed, any case: `l-0009` is
/// `L-0009`) and counted as decimal text, so no number is too long to count up from and the
/// next one is never one in use. Numbers that do not follow the pattern (imported,
/// hand-typed) are ignored, and so are numbers too long to count up from within
/// [`MAX_NUMBER_LEN`] (the next number then skips any of them it would repeat).
pub fn next_number<'a>(existing: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let digits_of = |n: &'a str| {
        let n = n.trim();
        let digits = n.strip_prefix("L-").or_else(|| n.strip_prefix("l-"))?;
        let ok = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| digits.trim_start_matches('0'))
    };
    let mut max = "";
    for n in existing.clone().into_iter().filter_map(digits_of) {
        if n.len() <= MAX_COUNTED_DIGITS && (n.len(), n) > (max.len(), max) {
            max = n;
        }
    }
    // `max + 1`, digit by digit from the right; again while a longer, uncounted number has it.
    let mut next = max.as_bytes().to_vec();
    loop {
        let carried = next.iter_mut().rev().all(|d| {
            let nine = *d == b'9';
            *d = if nine { b'0' } else { *d + 1 };
            nine
        });
        if carried {
            next.insert(0, b'1');
        }
        let taken = existing.clone().into_iter().filter_map(digits_of);
        if !taken.into_iter().any(|n| n.as_bytes() == next.as_slice()) {
            break;
        }
    }
    format!("L-{:0>4}", String::from_utf8_lossy(&next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> Timestamp {
        chrono::Utc.with_ymd_and_hms(2026, 3, 1, h, 0, 0).unwrap()
    }

    #[test]
    fn new_lead_is_numbered_after_the_highest_existing_number() {
        assert_eq!(next_number([]), "L-0001");
        assert_eq!(next_number(["L-0003", "L-0010", "X-99", "L-abc"]), "L-0011");
        assert_eq!(next_number(["L-9999"]), "L-10000");
    }

    #[test]
    fn the_next_number_is_never_one_in_use_in_any_case() {
        // Found by fuzzing the CSV import (fuzz/regressions/csv_import/): a row without a
        // number was given `L-0001` beside a row numbered `l-0001`, and `L-4294967295` twice.
        assert_eq!(next_number(["l-0001", " L-0002 "]), "L-0003");
        assert_eq!(next_number(["L-4294967295"]), "L-4294967296");
        assert_eq!(next_number(["L-0000", "L-0099", "L-+5"]), "L-0100");
        // A number too long to count up from within MAX_NUMBER_LEN is skipped (counting up
        // from it gave a number the CSV import refuses; found by the long fuzz run).
        let long = format!("L-{}", "9".repeat(60));
        assert_eq!(next_number([long.as_str(), "L-12"]), "L-0013");
    }

    #[test]
    fn new_lead_starts_in_lead_development_waiting_for_follow_up() {
        let d = Deal::new(Id::generate(1, 1), "  Acme Tools  ", &[], at(9)).unwrap();
        assert_eq!(d.customer, "Acme Tools");
        assert_eq!(d.status, Status::ToFollowUp);
        assert_eq!(d.stage, Some(StageKind::LeadDevelopment));
        assert_eq!(d.assigned_at, at(9));
        assert_eq!(d.number, "L-0001");
    }

    #[test]
    fn codes_match_the_stored_form() {
        for g in Grade::ALL {
            assert_eq!(crate::json::to_string(&g), format!("\"{}\"", g.code()));
            assert_eq!(Grade::from_code(g.code()), Some(g));
        }
        for s in Status::ALL {
            assert_eq!(crate::json::to_string(&s), format!("\"{}\"", s.code()));
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Grade::from_code("S"), None);
    }

    #[test]
    fn list_shows_the_latest_assigned_lead_first() {
        let mut early = Deal::new(Id::generate(1, 1), "Early", &[], at(8)).unwrap();
        early.number = "L-0001".into();
        let late = Deal::new(Id::generate(2, 2), "Late", &[&early], at(15)).unwrap();
        let names: Vec<_> = newest_first([&early, &late])
            .iter()
            .map(|d| d.customer.as_str())
            .collect();
        assert_eq!(names, ["Late", "Early"]);
    }

    #[test]
    fn customer_name_is_required_and_bounded() {
        assert_eq!(validate_customer("   "), Err(DealError::CustomerMissing));
        let long = "字".repeat(MAX_CUSTOMER_LEN + 1);
        assert_eq!(
            validate_customer(&long),
            Err(DealError::CustomerTooLong {
                max: MAX_CUSTOMER_LEN
            })
        );
        assert!(validate_customer(&"字".repeat(MAX_CUSTOMER_LEN)).is_ok());
    }

    #[test]
    fn a_deal_from_a_future_version_with_unknown_values_still_reads() {
        let json = r#"{"id":"a-1","customer":"Acme","grade":"S","status":"paused",
            "source":"podcast","class":"vip","assigned_at":"2026-03-01T09:00:00Z",
            "updated_at":"2026-03-01T09:00:00Z","future_field":[1,2]}"#;
        let d: Deal = crate::json::from_str(json).unwrap();
        assert_eq!(
            (d.grade, d.status, d.source),
            (Grade::C, Status::ToFollowUp, Source::Other)
        );
        assert_eq!(d.class, CustomerClass::General);
    }

    fn lead() -> Deal {
        let t = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        Deal::new(Id::generate(1, 1), "Acme", &[], t).unwrap()
    }

    #[test]
    fn logging_the_first_follow_up_keeps_the_first_time_and_starts_following() {
        let mut d = lead();
        let t1 = d.assigned_at + chrono::TimeDelta::hours(3);
        d.log_first_follow_up(t1);
        assert_eq!(
            (d.first_follow_up_at, d.status),
            (Some(t1), Status::Following)
        );
        d.status = Status::Converted;
        d.log_first_follow_up(t1 + chrono::TimeDelta::hours(5));
        assert_eq!(d.first_follow_up_at, Some(t1), "the first time stays");
        assert_eq!(d.status, Status::Converted, "a later status is kept");
    }

    #[test]
    fn a_next_action_is_set_rescheduled_done_and_replaced() {
        let mut d = lead();
        let now = d.assigned_at;
        let h = |n| now + chrono::TimeDelta::hours(n);
        d.set_next_action_task("  ", now);
        assert_eq!(d.next_action, None, "blank sets nothing");
        d.set_next_action_task(" Send the quote ", now);
        let a = d.next_action.clone().unwrap();
        assert_eq!(
            (a.task.as_str(), a.due, a.done_at),
            ("Send the quote", h(24), None)
        );
        d.set_next_action_task("Send the revised quote", h(1));
        assert_eq!(
            d.next_action.as_ref().unwrap().due,
            h(24),
            "renaming keeps the due time"
        );
        d.complete_next_action(h(2));
        assert_eq!(d.next_action.as_ref().unwrap().done_at, Some(h(2)));
        d.complete_next_action(h(3));
        assert_eq!(
            d.next_action.as_ref().unwrap().done_at,
            Some(h(2)),
            "done once"
        );
        d.set_next_action_task("Book the demo", h(4));
        let a = d.next_action.clone().unwrap();
        assert_eq!(
            (a.task.as_str(), a.due, a.done_at),
            ("Book the demo", h(28), None)
        );
        d.complete_next_action(h(5));
        d.set_next_action_due(h(50));
        assert_eq!(
            d.next_action.as_ref().unwrap().done_at,
            None,
            "moved: open again"
        );
        d.set_next_action_task("", h(6));
        assert_eq!(d.next_action, None, "cleared");
        d.set_next_action_due(h(7));
        assert_eq!(
            d.next_action.as_ref().map(|a| (a.task.as_str(), a.due)),
            Some(("", h(7)))
        );
    }

    #[test]
    fn a_deal_without_a_next_action_stores_no_field_and_old_records_read() {
        let d = lead();
        let json = crate::json::to_string(&d);
        assert!(!json.contains("next_action"), "{json}");
        let back: Deal = crate::json::from_str(&json).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn a_number_too_long_to_count_up_from_is_skipped_and_the_next_one_always_fits() {
        let long = format!("L-{}", "8".repeat(39));
        assert_eq!(next_number([long.as_str(), "L-0007"]), "L-0008");
        let nines = format!("L-{}", "9".repeat(MAX_COUNTED_DIGITS));
        let next = next_number([nines.as_str()]);
        assert_eq!(next, format!("L-1{}", "0".repeat(MAX_COUNTED_DIGITS)));
        assert_eq!(next.len(), MAX_NUMBER_LEN);
        // That number is already used by an uncounted (longer) entry: the next one is taken.
        let used = next.clone();
        let again = next_number([nines.as_str(), used.as_str()]);
        assert_eq!(again, format!("L-1{}1", "0".repeat(MAX_COUNTED_DIGITS - 1)));
        assert!(again.len() <= MAX_NUMBER_LEN);
    }

    #[test]
    fn a_call_is_a_contact_and_a_note_is_not_and_both_stay_in_the_history() {
        use crate::domain::timeline::{DealEvent, EventKind};
        let event = |n: &str, h, kind| DealEvent {
            id: Id::parse(n).unwrap(),
            at: at(h),
            kind,
        };
        let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
        d.record(event(
            "e1",
            10,
            EventKind::Note {
                text: "asked around".into(),
            },
        ));
        assert_eq!((d.first_follow_up_at, d.status), (None, Status::ToFollowUp));
        d.record(event(
            "e2",
            11,
            EventKind::Call {
                note: "budget set".into(),
            },
        ));
        assert_eq!(
            (d.first_follow_up_at, d.status),
            (Some(at(11)), Status::Following)
        );
        d.record(event("e3", 12, EventKind::FollowUp));
        assert_eq!(
            d.first_follow_up_at,
            Some(at(11)),
            "the first contact stays"
        );
        assert_eq!(d.history.len(), 3);
        let json = crate::json::to_string(&d);
        assert!(json.contains(r#""history":[{"id":"e1""#), "{json}");
        assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
        // A deal stored before there was a history reads with an empty one, and writes none.
        d.history.clear();
        let json = crate::json::to_string(&d);
        assert!(!json.contains("history"), "{json}");
        assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
    }

    #[test]
    fn signals_grade_the_lead_unless_the_rep_chose_a_grade() {
        let rules = GradingRules::default();
        let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
        assert_eq!(d.grade, Grade::C);
        d.set_signal(Signal::Need, Level::High, &rules);
        d.set_signal(Signal::Intent, Level::High, &rules);
        assert_eq!((d.grade, d.grade_override), (Grade::B, None));
        for s in [Signal::Timeline, Signal::Budget] {
            d.set_signal(s, Level::High, &rules);
        }
        assert_eq!(d.grade, Grade::A);
        // The rep knows better; the rules' view is kept beside it.
        d.override_grade(Some(Grade::B), &rules);
        d.set_signal(Signal::Authority, Level::High, &rules);
        assert_eq!((d.grade, d.suggested_grade(&rules)), (Grade::B, Grade::A));
        d.override_grade(None, &rules);
        assert_eq!(d.grade, Grade::A);
        let json = crate::json::to_string(&d);
        assert!(json.contains(r#""signals":{"need":"high""#), "{json}");
        assert_eq!(crate::json::from_str::<Deal>(&json).unwrap(), d);
    }

    #[test]
    fn a_grade_entered_before_any_signal_becomes_the_override() {
        let rules = GradingRules::default();
        let mut d = Deal::new(Id::parse("d1").unwrap(), "Acme", &[], at(9)).unwrap();
        d.grade = Grade::A;
        assert!(!crate::json::to_string(&d).contains("signals"));
        d.set_signal(Signal::Need, Level::Medium, &rules);
        assert_eq!((d.grade, d.grade_override), (Grade::A, Some(Grade::A)));
    }
}
