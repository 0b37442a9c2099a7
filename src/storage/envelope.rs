//! The versioned envelope every stored value is wrapped in, and the migrations that bring a
//! value from any earlier schema to the current one.
//!
//! Schema history:
//! - **0**: a bare value with no envelope (what a hand edit, an early prototype or another
//!   tool writes). Migrated by wrapping it; its fields already match schema 1.
//! - **1**: `{"schema": 1, "data": <record>}` (current).
//!
//! A new schema adds a step to [`step`] and a fixture test of the format it migrates from.

use super::keys::Kind;
use crate::json::{FromJson, ToJson, Value};
#[cfg(test)]
use crate::json_value as json;

/// The schema this version of the app writes.
pub const CURRENT_SCHEMA: u32 = 1;

/// A stored value, read and brought up to date.
#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    /// Written by this schema.
    Current(T),
    /// Written by an older schema and migrated; should be written back in the current one.
    Migrated(T),
    /// Written by a newer schema. `data` is what this version could make of it (unknown fields
    /// dropped), or `None`; either way the value must not be overwritten.
    Newer { schema: u32, data: Option<T> },
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("does not match the expected record: {0}")]
    Shape(String),
    #[error("migration from schema {from} failed: {reason}")]
    Migration { from: u32, reason: String },
}

/// Wraps a record in the current envelope.
pub fn encode<T: ToJson + ?Sized>(data: &T) -> String {
    let data = crate::json::to_string(data);
    format!("{{\"schema\":{CURRENT_SCHEMA},\"data\":{data}}}")
}

/// A typed value from a JSON value.
pub fn from_json<T: FromJson>(value: &Value) -> Result<T, crate::json::Error> {
    T::from_json(value)
}

/// Reads a stored value of `kind`, migrating it if it is older.
pub fn decode<T: FromJson>(kind: Kind, raw: &str) -> Result<Decoded<T>, DecodeError> {
    let value = crate::json::parse(raw).map_err(|e| DecodeError::Json(e.to_string()))?;
    decode_value(kind, value)
}

/// As [`decode`], for a value already parsed (backups hold records as JSON values).
pub fn decode_value<T: FromJson>(kind: Kind, value: Value) -> Result<Decoded<T>, DecodeError> {
    let (schema, data) = split(value);
    let shape = |e: crate::json::Error| DecodeError::Shape(e.to_string());
    if schema > CURRENT_SCHEMA {
        return Ok(Decoded::Newer {
            schema,
            data: from_json(&data).ok(),
        });
    }
    if schema == CURRENT_SCHEMA {
        return from_json(&data).map(Decoded::Current).map_err(shape);
    }
    let migrated = migrate(kind, schema, data)?;
    from_json(&migrated).map(Decoded::Migrated).map_err(shape)
}

/// The schema of a stored value and its payload. A value is an envelope only when it is an
/// object of exactly `schema` (a whole number) and `data`; anything else is a schema-0 value.
fn split(value: Value) -> (u32, Value) {
    if let Value::Object(map) = &value {
        let schema = map.get("schema").and_then(Value::as_u64);
        if let (2, Some(schema), true) = (map.len(), schema, map.contains_key("data")) {
            let schema = u32::try_from(schema).unwrap_or(u32::MAX);
            if let Value::Object(mut map) = value {
                return (schema, map.remove("data").unwrap_or(Value::Null));
            }
        }
    }
    (0, value)
}

/// Applies the steps from `from` up to [`CURRENT_SCHEMA`], one at a time.
pub fn migrate(kind: Kind, from: u32, mut data: Value) -> Result<Value, DecodeError> {
    for version in from..CURRENT_SCHEMA {
        data = step(kind, version, data).map_err(|reason| DecodeError::Migration {
            from: version,
            reason,
        })?;
    }
    Ok(data)
}

/// One migration step: `data` of schema `from` to schema `from + 1`.
fn step(kind: Kind, from: u32, data: Value) -> Result<Value, String> {
    match (from, kind) {
        // 0 → 1: only the envelope is new. A bare record must at least be an object
        // (settings and records are), otherwise it is not something we wrote.
        (0, Kind::Meta) => Ok(data),
        (0, _) if data.is_object() => Ok(data),
        (0, _) => Err("expected an object".into()),
        (v, _) => Err(format!("no migration from schema {v}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deal::Deal;
    use crate::domain::settings::Settings;
    use crate::domain::Locale;

    #[test]
    fn current_envelope_round_trips() {
        let s = Settings {
            locale: Some(Locale::ZhCn),
            user_name: "王芳".into(),
            ..Default::default()
        };
        let raw = encode(&s);
        assert!(raw.starts_with(r#"{"data":"#) || raw.contains(r#""schema":1"#));
        assert_eq!(
            decode::<Settings>(Kind::Settings, &raw),
            Ok(Decoded::Current(s))
        );
    }

    #[test]
    fn schema_0_bare_settings_fixture_is_migrated() {
        // Fixture: settings as stored before the envelope existed.
        let raw = r#"{"locale":"zh-CN","user_name":"Li Lei"}"#;
        let got = decode::<Settings>(Kind::Settings, raw).unwrap();
        let want = Settings {
            locale: Some(Locale::ZhCn),
            user_name: "Li Lei".into(),
            ..Default::default()
        };
        assert_eq!(got, Decoded::Migrated(want));
    }

    #[test]
    fn schema_0_bare_deal_fixture_is_migrated() {
        let raw = r#"{"id":"k1-00000001","customer":"Acme","grade":"A",
            "assigned_at":"2026-01-05T08:00:00Z","updated_at":"2026-01-05T08:00:00Z"}"#;
        match decode::<Deal>(Kind::Deal, raw).unwrap() {
            Decoded::Migrated(d) => assert_eq!(d.customer, "Acme"),
            other => panic!("expected a migration, got {other:?}"),
        }
    }

    #[test]
    fn schema_0_value_that_is_not_an_object_fails_migration() {
        assert_eq!(
            decode::<Settings>(Kind::Settings, "42"),
            Err(DecodeError::Migration {
                from: 0,
                reason: "expected an object".into()
            })
        );
    }

    #[test]
    fn newer_schema_is_reported_with_what_could_be_read() {
        let raw = r#"{"schema":7,"data":{"locale":"en","user_name":"A","new_thing":true}}"#;
        match decode::<Settings>(Kind::Settings, raw).unwrap() {
            Decoded::Newer {
                schema: 7,
                data: Some(s),
            } => assert_eq!(s.user_name, "A"),
            other => panic!("{other:?}"),
        }
        let unreadable = r#"{"schema":9,"data":"opaque"}"#;
        assert_eq!(
            decode::<Settings>(Kind::Settings, unreadable).unwrap(),
            Decoded::Newer {
                schema: 9,
                data: None
            }
        );
    }

    #[test]
    fn truncated_json_and_wrong_shape_are_errors_not_defaults() {
        assert!(matches!(
            decode::<Settings>(Kind::Settings, r#"{"schema":1,"da"#),
            Err(DecodeError::Json(_))
        ));
        assert!(matches!(
            decode::<Deal>(Kind::Deal, r#"{"schema":1,"data":{"customer":5}}"#),
            Err(DecodeError::Shape(_))
        ));
    }

    #[test]
    fn an_object_with_extra_keys_beside_schema_is_a_bare_value() {
        let (schema, _) = split(json!({"schema": 1, "data": {}, "x": 1}));
        assert_eq!(schema, 0);
    }
}
