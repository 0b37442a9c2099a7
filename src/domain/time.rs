//! Timestamps in storage: RFC 3339, read by [`parse`] (the grammar of chrono's strict
//! `parse_from_rfc3339`, which a test checks it against) and written with chrono's RFC 3339
//! writer (`crate::json` uses these for every `Timestamp`).
//!
//! chrono's parsers go through its general format engine: about 11 KiB of wasm for one fixed
//! grammar. The reader here is a few hundred bytes.

use super::Timestamp;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Utc};

/// Reads an RFC 3339 time (`2026-11-23T09:05:00Z`, `2026-11-23 17:05:00.25+08:00`); `None`
/// for anything else. As chrono does, it takes `T`, `t` or a space between date and time, `Z`
/// or `z` for UTC, `−` (U+2212) as a minus, a leap second (`:60`), and any number of fraction
/// digits (nanoseconds; later digits are dropped).
pub fn parse(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    // The value of `len` ASCII digits at `at`.
    let num = |at: usize, len: usize| -> Option<u32> {
        b.get(at..at + len)?.iter().try_fold(0, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let is = |at: usize, c: &[u8]| b.get(at).is_some_and(|x| c.contains(x));
    if !(is(4, b"-") && is(7, b"-") && is(10, b"Tt ") && is(13, b":") && is(16, b":")) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?)?;
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let mut at = 19;
    let mut nano = 0;
    if is(at, b".") {
        let digits = b[at + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        if digits == 0 {
            return None;
        }
        let kept = digits.min(9);
        nano = num(at + 1, kept)? * 10u32.pow(9 - kept as u32);
        at += 1 + digits;
    }
    let offset = match &s[at..] {
        "Z" | "z" => 0,
        rest => {
            let (sign, hm) = match rest.chars().next()? {
                '+' => (1, &rest[1..]),
                '-' => (-1, &rest[1..]),
                '\u{2212}' => (-1, &rest['\u{2212}'.len_utf8()..]),
                _ => return None,
            };
            let hm = hm.as_bytes();
            if hm.len() != 5 || hm[2] != b':' {
                return None;
            }
            let two = |i: usize| -> Option<i32> {
                let (a, b) = (hm[i], hm[i + 1]);
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i32::from(a - b'0') * 10 + i32::from(b - b'0'))
            };
            let (h, m) = (two(0)?, two(3)?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // chrono keeps a leap second as the 59th second with a nanosecond count past 10^9.
    let time = match second {
        60 => NaiveTime::from_hms_nano_opt(hour, minute, 59, nano + 1_000_000_000)?,
        _ => NaiveTime::from_hms_nano_opt(hour, minute, second, nano)?,
    };
    let t = FixedOffset::east_opt(offset)?
        .from_local_datetime(&date.and_time(time))
        .single()?
        .with_timezone(&Utc);
    // RFC 3339 years have four digits. `0000-01-01T00:00:00+00:01` is year -1 in UTC, which
    // `write` cannot put back into RFC 3339: the next read of the record would fail.
    (0..=9999).contains(&t.year()).then_some(t)
}

/// Reads a date as chrono writes one: `2026-11-23` (`+12026-11-23` or `-0001-01-01` outside
/// years 0 to 9999); one-digit months and days are taken too. `None` for anything else.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let number = |part: Option<&str>, max: usize| -> Option<i32> {
        let part = part?;
        let ok = (1..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse().ok())?
    };
    let mut parts = rest.split('-');
    let year = number(parts.next(), 6)?;
    let month = number(parts.next(), 2)?;
    let day = number(parts.next(), 2)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(sign * year, month as u32, day as u32)
}

/// Writes `t` in RFC 3339, in UTC, with as many fraction digits as it needs.
pub fn write(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use crate::json::Json;
    use chrono::TimeZone;

    #[derive(Debug, PartialEq, Json)]
    struct Record {
        at: super::Timestamp,
        #[json(default)]
        maybe: Option<super::Timestamp>,
    }

    #[test]
    fn writes_what_chrono_writes_and_reads_it_back() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 5, 0).unwrap();
        let json = crate::json::to_string(&Record { at, maybe: None });
        assert_eq!(json, r#"{"at":"2026-11-23T09:05:00Z","maybe":null}"#);
        assert_eq!(crate::json::to_string(&at), r#""2026-11-23T09:05:00Z""#);
        let back: Record = crate::json::from_str(&json).unwrap();
        assert_eq!(back, Record { at, maybe: None });
    }

    #[test]
    fn reads_offsets_fractions_and_a_missing_optional() {
        let r: Record = crate::json::from_str(r#"{"at":"2026-11-23T17:05:00.250+08:00"}"#).unwrap();
        assert_eq!(r.at.to_rfc3339(), "2026-11-23T09:05:00.250+00:00");
        assert_eq!(r.maybe, None);
        let r: Record = crate::json::from_str(
            r#"{"at":"2026-11-23T09:05:00Z","maybe":"2026-11-24T00:00:00Z"}"#,
        )
        .unwrap();
        assert!(r.maybe.is_some());
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in [
            r#"{"at":"yesterday"}"#,
            r#"{"at":"2026-13-01T00:00:00Z"}"#,
            r#"{"at":5}"#,
        ] {
            assert!(crate::json::from_str::<Record>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_a_time_whose_utc_year_cannot_be_written_back() {
        // Found by fuzzing the backup import (fuzz/regressions/backup_import/): the record was
        // imported, written as `-0001-12-31T23:59:00Z`, and quarantined at the next load.
        for bad in [
            r#"{"at":"0000-01-01T00:00:00+00:01"}"#,
            r#"{"at":"9999-12-31T23:59:59-00:01"}"#,
        ] {
            assert!(crate::json::from_str::<Record>(bad).is_err(), "{bad}");
        }
        for edge in [
            r#"{"at":"0000-01-01T00:00:00Z"}"#,
            r#"{"at":"9999-12-31T23:59:59.999999999Z"}"#,
        ] {
            let r: Record = crate::json::from_str(edge).unwrap();
            let again = crate::json::to_string(&r);
            assert_eq!(
                crate::json::from_str::<Record>(&again).unwrap(),
                r,
                "{edge}"
            );
        }
    }

    /// chrono's strict parser, with the year rule [`super::parse`] adds: the reference.
    fn chrono_parse(s: &str) -> Option<super::Timestamp> {
        chrono::DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&chrono::Utc))
            .filter(|t| (0..=9999).contains(&chrono::Datelike::year(t)))
    }

    #[test]
    fn reads_exactly_what_chronos_rfc_3339_parser_reads() {
        let years = [
            "2026",
            "0000",
            "9999",
            "1970",
            "2024",
            "202",
            "20266",
            "２０２６",
            "+202",
        ];
        let months = ["11", "02", "00", "13", "1", "1x"];
        let days = ["23", "29", "30", "31", "00", "32", "2"];
        let seps = ["T", "t", " ", "x", "", "TT"];
        let hours = ["09", "00", "23", "24", "9"];
        let minutes = ["05", "59", "60", "5"];
        let seconds = ["00", "59", "60", "61", "0"];
        let fractions = [
            "",
            ".5",
            ".250",
            ".123456789",
            ".1234567891234",
            ".",
            ".x",
            "..5",
        ];
        let offsets = [
            "Z",
            "z",
            "+00:00",
            "-00:00",
            "+08:00",
            "-05:30",
            "+23:59",
            "-23:59",
            "+24:00",
            "+05:60",
            "+0800",
            "+08",
            "\u{2212}08:00",
            "",
            "Z ",
            " Z",
            "+08:00:00",
            "ZZ",
            "+8:00",
        ];
        // Each list starts with well-formed parts; three picks in four take one of those, so
        // about a third of the texts are times and the rest fail in one or two places.
        let valid = [5, 2, 4, 3, 3, 2, 3, 5, 8];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut part = 0;
        let mut pick = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let k = valid[part % valid.len()];
            part += 1;
            let r = (seed >> 8) as usize;
            if !seed.is_multiple_of(4) {
                r % k
            } else {
                r % n
            }
        };
        let mut agreed_some = 0;
        for _ in 0..200_000 {
            let text = format!(
                "{}-{}-{}{}{}:{}:{}{}{}",
                years[pick(years.len())],
                months[pick(months.len())],
                days[pick(days.len())],
                seps[pick(seps.len())],
                hours[pick(hours.len())],
                minutes[pick(minutes.len())],
                seconds[pick(seconds.len())],
                fractions[pick(fractions.len())],
                offsets[pick(offsets.len())],
            );
            let ours = super::parse(&text);
            assert_eq!(ours, chrono_parse(&text), "{text:?}");
            agreed_some += usize::from(ours.is_some());
        }
        // Both valid and invalid times were tried.
        assert!((20_000..160_000).contains(&agreed_some), "{agreed_some}");
        for text in [
            "",
            "2026",
            "2026-11-23",
            "2026-11-23T09:05",
            "é",
            "2026-11-23T09:05:00é",
        ] {
            assert_eq!(super::parse(text), chrono_parse(text), "{text:?}");
        }
    }

    #[test]
    fn reads_the_dates_chrono_writes_and_nothing_chrono_refuses() {
        use chrono::NaiveDate;
        let mut day = NaiveDate::from_ymd_opt(-9999, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(99_999, 12, 31).unwrap();
        while day < last {
            assert_eq!(super::parse_date(&day.to_string()), Some(day), "{day}");
            day = day + chrono::Days::new(997);
        }
        for text in [
            "2026-11-23",
            "2026-1-5",
            "2026-02-29",
            "2024-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-32",
            "2026-11",
            "2026-11-23-",
            "+2026-11-23",
            "-0001-12-31",
            "2026/11/23",
            "２０２６-11-23",
            "2026-011-23",
            "",
            "-",
            "+",
            "2026--23",
            "x2026-11-23",
        ] {
            let chrono: Option<NaiveDate> = text.parse().ok();
            let ours = super::parse_date(text);
            assert!(
                ours.is_none() || ours == chrono,
                "{text:?}: {ours:?} {chrono:?}"
            );
            if text == "2026-11-23" || text == "2026-1-5" || text == "2024-02-29" {
                assert!(ours.is_some(), "{text:?}");
            }
        }
    }
}
