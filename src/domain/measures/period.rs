//! The period a report covers: a week, a month or a quarter of the team's local calendar, or
//! any span, always half-open `[start, end)` so consecutive periods never share an instant.

use crate::domain::Timestamp;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, TimeDelta};

/// What kind of span a period is, so the previous one is of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    /// Monday 00:00 to the next Monday 00:00 at the offset.
    Week(FixedOffset),
    /// The 1st 00:00 to the next 1st 00:00 at the offset.
    Month(FixedOffset),
    /// 1 January, April, July or October 00:00 to the next quarter, at the offset.
    Quarter(FixedOffset),
    /// Any span; the previous one has the same length.
    Custom,
}

/// A span of time, `start` included, `end` excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Timestamp,
    pub end: Timestamp,
    pub kind: PeriodKind,
}

/// The instant of local midnight starting `date` at `offset`.
fn midnight(date: NaiveDate, offset: FixedOffset) -> Timestamp {
    let local = date.and_time(NaiveTime::MIN);
    local
        .checked_sub_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
        .unwrap_or(local)
        .and_utc()
}

fn local_date(t: Timestamp, offset: FixedOffset) -> NaiveDate {
    t.with_timezone(&offset).date_naive()
}

/// The first day of the month `months` after the month of `date` (0 ≤ months ≤ 12).
fn first_of_month_after(date: NaiveDate, months: u32) -> NaiveDate {
    let index = date.month0() + months;
    NaiveDate::from_ymd_opt(date.year() + (index / 12) as i32, index % 12 + 1, 1).unwrap_or(date)
}

impl Period {
    /// The span `[start, end)`; an `end` before `start` gives an empty period at `start`.
    pub fn custom(start: Timestamp, end: Timestamp) -> Period {
        Period {
            start,
            end: end.max(start),
            kind: PeriodKind::Custom,
        }
    }

    /// The local week (Monday to Monday) containing `t` at `offset`. An offset is fixed, so
    /// for a zone with daylight saving the UI passes the offset valid in that week.
    pub fn week(t: Timestamp, offset: FixedOffset) -> Period {
        let date = local_date(t, offset);
        let back = TimeDelta::days(i64::from(date.weekday().num_days_from_monday()));
        let monday = date.checked_sub_signed(back).unwrap_or(date);
        let start = midnight(monday, offset);
        Period {
            start,
            end: midnight(
                monday
                    .checked_add_signed(TimeDelta::days(7))
                    .unwrap_or(monday),
                offset,
            ),
            kind: PeriodKind::Week(offset),
        }
    }

    /// The local calendar month containing `t` at `offset`.
    pub fn month(t: Timestamp, offset: FixedOffset) -> Period {
        let first = first_of_month_after(local_date(t, offset), 0);
        Period {
            start: midnight(first, offset),
            end: midnight(first_of_month_after(first, 1), offset),
            kind: PeriodKind::Month(offset),
        }
    }

    /// The local calendar quarter containing `t` at `offset`.
    pub fn quarter(t: Timestamp, offset: FixedOffset) -> Period {
        let date = local_date(t, offset);
        let first = first_of_month_after(date, 0)
            .with_month0(date.month0() / 3 * 3)
            .unwrap_or(date);
        Period {
            start: midnight(first, offset),
            end: midnight(first_of_month_after(first, 3), offset),
            kind: PeriodKind::Quarter(offset),
        }
    }

    /// The period just before this one, of the same kind: last week, last month (whatever its
    /// length), last quarter, or the same length of time for a custom span.
    pub fn previous(&self) -> Period {
        let day_before = self
            .start
            .checked_sub_signed(TimeDelta::days(1))
            .unwrap_or(self.start);
        match self.kind {
            PeriodKind::Week(o) => Period::week(day_before, o),
            PeriodKind::Month(o) => Period::month(day_before, o),
            PeriodKind::Quarter(o) => Period::quarter(day_before, o),
            PeriodKind::Custom => {
                let length = self.end - self.start;
                let start = self.start.checked_sub_signed(length).unwrap_or(self.start);
                Period::custom(start, self.start)
            }
        }
    }

    /// Whether `t` falls in the period: at `start` yes, at `end` no.
    pub fn contains(&self, t: Timestamp) -> bool {
        self.start <= t && t < self.end
    }
}
