//! Timestamps in storage: RFC 3339, read with chrono's strict RFC 3339 parser.
//!
//! chrono's own serde impl parses through its general format engine, several KiB of wasm
//! that nothing else needs; these `#[serde(with = ...)]` modules read and write the same text.

use super::Timestamp;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{de::Error, Deserialize, Deserializer, Serializer};

fn parse(s: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        // RFC 3339 years have four digits. `0000-01-01T00:00:00+00:01` is year -1 in UTC, which
        // `write` cannot put back into RFC 3339: the next read of the record would fail.
        .filter(|t| (0..=9999).contains(&chrono::Datelike::year(t)))
}

fn write(t: &Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `#[serde(with = "crate::domain::time::rfc3339")]` on a `Timestamp`.
pub mod rfc3339 {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&write(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| D::Error::custom(format!("not an RFC 3339 time: {s}")))
    }
}

/// `#[serde(default, with = "crate::domain::time::rfc3339_opt")]` on an `Option<Timestamp>`.
pub mod rfc3339_opt {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_some(&write(t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse(&s)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("not an RFC 3339 time: {s}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        #[serde(with = "super::rfc3339")]
        at: super::Timestamp,
        #[serde(default, with = "super::rfc3339_opt")]
        maybe: Option<super::Timestamp>,
    }

    #[test]
    fn writes_what_chrono_writes_and_reads_it_back() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 5, 0).unwrap();
        let json = serde_json::to_string(&Record { at, maybe: None }).unwrap();
        assert_eq!(json, r#"{"at":"2026-11-23T09:05:00Z","maybe":null}"#);
        assert_eq!(
            serde_json::to_string(&at).unwrap(),
            r#""2026-11-23T09:05:00Z""#
        );
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Record { at, maybe: None });
    }

    #[test]
    fn reads_offsets_fractions_and_a_missing_optional() {
        let r: Record = serde_json::from_str(r#"{"at":"2026-11-23T17:05:00.250+08:00"}"#).unwrap();
        assert_eq!(r.at.to_rfc3339(), "2026-11-23T09:05:00.250+00:00");
        assert_eq!(r.maybe, None);
        let r: Record =
            serde_json::from_str(r#"{"at":"2026-11-23T09:05:00Z","maybe":"2026-11-24T00:00:00Z"}"#)
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
            assert!(serde_json::from_str::<Record>(bad).is_err(), "{bad}");
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
            assert!(serde_json::from_str::<Record>(bad).is_err(), "{bad}");
        }
        for edge in [
            r#"{"at":"0000-01-01T00:00:00Z"}"#,
            r#"{"at":"9999-12-31T23:59:59.999999999Z"}"#,
        ] {
            let r: Record = serde_json::from_str(edge).unwrap();
            let again = serde_json::to_string(&r).unwrap();
            assert_eq!(serde_json::from_str::<Record>(&again).unwrap(), r, "{edge}");
        }
    }
}
