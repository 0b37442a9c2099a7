//! Native tests of the measures on small fixtures whose values are worked out by hand.
//! Unless a test says otherwise the period is the UTC week of Monday 2 March 2026:
//! `[2 Mar 00:00Z, 9 Mar 00:00Z)`.

mod discovery;
mod follow_up;
mod funnel;
mod period;
mod report;
mod training;
mod won;

use super::*;
use crate::domain::deal::{Deal, Status};
use crate::domain::playbook::StageKind;
use crate::domain::timeline::{DealEvent, EventKind};
use crate::domain::{Id, Timestamp};
use chrono::{FixedOffset, TimeZone};

/// An instant in 2026 (month, day, hour, minute) in UTC.
fn t(month: u32, day: u32, h: u32, min: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, month, day, h, min, 0)
        .unwrap()
}

/// An instant in March 2026, UTC.
fn mar(day: u32, h: u32, min: u32) -> Timestamp {
    t(3, day, h, min)
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn ids(names: &[&str]) -> Vec<Id> {
    names.iter().map(|n| id(n)).collect()
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

/// The UTC week of Monday 2 March 2026.
fn week() -> Period {
    Period::week(mar(4, 12, 0), utc())
}

/// Deals, their events and discovery counts, built up by each test.
#[derive(Default)]
struct Book {
    deals: Vec<Deal>,
    /// Events recorded so far, for their ids.
    events: usize,
    discovery: BTreeMap<Id, (u32, u32)>,
}

impl Book {
    /// Adds a lead assigned at `assigned`, with defaults elsewhere, and returns it to adjust.
    fn lead(&mut self, name: &str, assigned: Timestamp) -> &mut Deal {
        let mut d = Deal::new(id(name), "Acme", &[], assigned).unwrap();
        d.number = name.to_owned();
        self.deals.push(d);
        self.deals.last_mut().unwrap()
    }

    fn deal(&mut self, name: &str) -> &mut Deal {
        let name = id(name);
        self.deals.iter_mut().find(|d| d.id == name).unwrap()
    }

    fn event(&mut self, deal: &str, at: Timestamp, kind: EventKind) {
        self.events += 1;
        let n = self.events;
        self.deal(deal).history.push(DealEvent {
            id: id(&format!("e{n}")),
            at,
            kind,
        });
    }

    /// Records a follow-up contact.
    fn contact(&mut self, deal: &str, at: Timestamp) {
        self.event(deal, at, EventKind::FollowUp);
    }

    /// Marks the deal converted, with the event at `at`.
    fn win(&mut self, deal: &str, at: Timestamp) {
        let d = self.deal(deal);
        let from = d.status;
        d.status = Status::Converted;
        self.event(
            deal,
            at,
            EventKind::StatusChanged {
                from,
                to: Status::Converted,
            },
        );
    }

    /// Moves the deal to `to`, with the event at `at`.
    fn move_to(&mut self, deal: &str, to: StageKind, at: Timestamp) {
        let d = self.deal(deal);
        let from = d.stage;
        d.stage = Some(to);
        self.event(deal, at, EventKind::StageChanged { from, to: Some(to) });
    }

    fn data(&self) -> Dataset<'_> {
        self.filtered(&Filter::default())
    }

    fn filtered(&self, filter: &Filter) -> Dataset<'_> {
        Dataset::new(&self.deals, &self.discovery, filter)
    }
}

#[test]
fn a_share_is_in_basis_points_rounded_half_away_from_zero() {
    let bp = |n, d| Measure::new(Unit::BasisPoints, n, d, Vec::new()).value;
    assert_eq!(bp(2, 3), Some(6667));
    assert_eq!(bp(1, 3), Some(3333));
    assert_eq!(bp(1, 32), Some(313), "312.5 rounds up");
    assert_eq!(bp(17, 20), Some(8500));
    assert_eq!(bp(0, 7), Some(0));
    assert_eq!(bp(0, 0), None, "no data, never 0% or NaN");
    let days = |n, d| Measure::new(Unit::Days, n, d, Vec::new()).value;
    assert_eq!(days(71, 4), Some(18));
    assert_eq!(days(41, 2), Some(21), "20.5 rounds up");
    assert_eq!(days(-5, 2), Some(-3), "halves away from zero");
    let m = Measure::count_of(ids(&["a", "b", "c"]), ids(&["b"]));
    assert_eq!((m.value, m.numerator, m.denominator), (Some(1), 1, 3));
}

#[test]
fn huge_numbers_saturate_instead_of_overflowing() {
    let m = Measure::new(Unit::BasisPoints, i64::MAX, 1, Vec::new());
    assert_eq!(m.value, Some(i64::MAX));
    let m = Measure::new(Unit::Minor, i64::MIN, 1, Vec::new());
    assert_eq!(m.value, Some(i64::MIN));
}

#[test]
fn currencies_sum_under_their_trimmed_upper_case_code() {
    let mut sums = ByCurrency::new();
    add_amount(&mut sums, "CNY", 100);
    add_amount(&mut sums, " cny ", 50);
    add_amount(&mut sums, "USD", i64::MAX);
    add_amount(&mut sums, "usd", 1);
    add_amount(&mut sums, "", 7);
    let got: Vec<_> = sums.iter().map(|(c, v)| (c.as_str(), *v)).collect();
    assert_eq!(got, [("", 7), ("CNY", 150), ("USD", i64::MAX)]);
}

#[test]
fn a_filter_keeps_one_owners_deals_in_any_case_in_one_industry_and_their_events() {
    use crate::domain::playbook::Industry;
    let mut b = Book::default();
    b.lead("a", mar(2, 9, 0)).owner = " Li Wei ".into();
    b.lead("b", mar(2, 9, 0)).owner = "LI WEI".into();
    b.deal("b").industry = Industry::Retail;
    b.lead("c", mar(2, 9, 0)).owner = "Zhang Min".into();
    b.contact("a", mar(2, 10, 0));
    b.contact("c", mar(2, 10, 0));
    let li = Filter {
        owner: Some("Li Wei".into()),
        industry: None,
    };
    let data = b.filtered(&li);
    let names: Vec<_> = data.deals().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
    assert_eq!(data.events(&id("a")).len(), 1);
    assert!(data.events(&id("c")).is_empty(), "other owners' events go");
    let retail = Filter {
        industry: Some(Industry::Retail),
        ..li
    };
    let data = b.filtered(&retail);
    let names: Vec<_> = data.deals().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["b"]);
    assert_eq!(b.data().deals().len(), 3);
}
