//! Dates, numbers and sizes written the way each language writes them.

use crate::domain::Locale;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `23 Nov 2026` / `2026年11月23日`.
pub fn date(locale: Locale, d: NaiveDate) -> String {
    match locale.supported() {
        Locale::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        _ => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[d.month0() as usize],
            d.year()
        ),
    }
}

/// A local date and time: `23 Nov 2026, 14:05` / `2026年11月23日 14:05`.
pub fn date_time(locale: Locale, dt: NaiveDateTime) -> String {
    let sep = if locale.supported() == Locale::ZhCn {
        " "
    } else {
        ", "
    };
    format!(
        "{}{sep}{:02}:{:02}",
        date(locale, dt.date()),
        dt.hour(),
        dt.minute()
    )
}

/// An integer with thousands separators: `1,234,567` (both languages group by three).
pub fn integer(_locale: Locale, n: i64) -> String {
    crate::domain::money::grouped(n)
}

/// A share as a percentage with one decimal: `12.5%`.
pub fn percent(_locale: Locale, part: f64, whole: f64) -> String {
    if whole <= 0.0 {
        return "0%".into();
    }
    let tenths = (part / whole * 1000.0).round() as i64;
    let places = if tenths % 10 == 0 { 0 } else { 1 };
    format!("{}%", decimal(part / whole * 100.0, places))
}

/// `value` with `places` decimals, rounded half away from zero: `decimal(1.25, 1)` is `1.3`.
/// Integer arithmetic, so the wasm carries no float formatting machinery.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, frac) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

/// A byte count in KiB or MiB: `12.3 KiB`.
pub fn bytes(locale: Locale, n: usize) -> String {
    match n {
        0..=1023 => format!("{} B", integer(locale, n as i64)),
        1024..=1_048_575 => format!("{} KiB", decimal(n as f64 / 1024.0, 1)),
        _ => format!("{} MiB", decimal(n as f64 / 1_048_576.0, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_languages_convention() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(date(Locale::En, d), "3 Nov 2026");
        assert_eq!(date(Locale::ZhCn, d), "2026年11月3日");
        let dt = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(date_time(Locale::En, dt), "3 Nov 2026, 09:05");
        assert_eq!(date_time(Locale::ZhCn, dt), "2026年11月3日 09:05");
    }

    #[test]
    fn integers_are_grouped_by_thousands() {
        assert_eq!(integer(Locale::En, 0), "0");
        assert_eq!(integer(Locale::En, 999), "999");
        assert_eq!(integer(Locale::ZhCn, 1234567), "1,234,567");
        assert_eq!(integer(Locale::En, -1000), "-1,000");
        assert_eq!(integer(Locale::En, i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn percentages_round_to_one_decimal_and_survive_an_empty_whole() {
        assert_eq!(percent(Locale::En, 1.0, 8.0), "12.5%");
        assert_eq!(percent(Locale::En, 9.0, 10.0), "90%");
        assert_eq!(percent(Locale::En, 1.0, 0.0), "0%");
    }

    #[test]
    fn decimals_round_half_away_from_zero_and_pad_the_fraction() {
        assert_eq!(decimal(1.25, 1), "1.3");
        assert_eq!(decimal(2.0, 2), "2.00");
        assert_eq!(decimal(0.05, 2), "0.05");
        assert_eq!(decimal(-1.25, 1), "-1.3");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(decimal(7.96, 0), "8");
    }

    #[test]
    fn sizes_pick_a_readable_unit() {
        assert_eq!(bytes(Locale::En, 512), "512 B");
        assert_eq!(bytes(Locale::En, 1536), "1.5 KiB");
        assert_eq!(bytes(Locale::En, 5 * 1_048_576), "5.00 MiB");
    }
}
