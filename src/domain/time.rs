//! Timestamps in storage: RFC 3339, read with chrono's strict RFC 3339 parser and written
//! with chrono's RFC 3339 writer (`crate::json` uses these for every `Timestamp`).
//!
//! chrono's own serde impl parses through its general format engine, several KiB of wasm
//! that nothing else needs.

use super::Timestamp;
use chrono::{DateTime, SecondsFormat, Utc};

/// Reads an RFC 3339 time; `None` for anything else.
pub fn parse(s: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        // RFC 3339 years have four digits. `0000-01-01T00:00:00+00:01` is year -1 in UTC, which
        // `write` cannot put back into RFC 3339: the next read of the record would fail.
        .filter(|t| (0..=9999).contains(&chrono::Datelike::year(t)))
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
}
