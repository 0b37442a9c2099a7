//! JSON for everything the app stores, imports and fetches: a strict parser, a writer, and
//! the `FromJson`/`ToJson` traits that `#[derive(Json)]` (the `derive/` crate) implements
//! with serde's layout and attribute names.
//!
//! Why not serde: its generic visitors were 14 % of the wasm, the largest part after the
//! view library; reading every record from one [`Value`] type and writing to one [`Writer`]
//! does the same job in a fraction of the code. Stored data, backups and packs keep exactly
//! the format serde wrote.

mod impls;
mod parse;
mod value;
mod write;

#[cfg(test)]
mod tests;

pub use impls::JsonKey;
pub use sales_playbook_derive::Json;
pub use value::{Map, Number, Value};
pub use write::Writer;

use std::fmt;

/// Reads a value of `Self` from parsed JSON.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;

    /// What a missing member of this type reads as: `None` for an `Option`, otherwise
    /// nothing, so the member is required.
    fn missing() -> Option<Self> {
        None
    }
}

/// Writes `self` as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut Writer);

    /// The members of a record, without the braces: how an internally tagged enum puts a
    /// record's members beside its tag.
    fn write_members(&self, w: &mut Writer) {
        let _ = w;
    }
}

/// Why a text is not JSON (with the line and column), or why a value does not fit the
/// expected record (with where in it, e.g. `steps[3].kind`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: String,
    path: String,
    line: usize,
    column: usize,
    eof: bool,
}

impl Error {
    pub(crate) fn syntax(message: &str, line: usize, column: usize, eof: bool) -> Self {
        Error {
            message: message.into(),
            path: String::new(),
            line,
            column,
            eof,
        }
    }

    /// An error in the words of the caller.
    pub fn custom(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            path: String::new(),
            line: 0,
            column: 0,
            eof: false,
        }
    }

    /// The line of a syntax error (from 1); 0 for a value that does not fit.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of a syntax error, in characters (from 1; 0 at the very start).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Whether the text ends in the middle of a value.
    pub fn is_eof(&self) -> bool {
        self.eof
    }

    /// The same error, one member further out.
    pub fn at(mut self, key: &str) -> Self {
        if !self.path.is_empty() && !self.path.starts_with('[') {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, key);
        self
    }

    /// The same error, one array element further out.
    pub fn at_index(mut self, index: usize) -> Self {
        if !self.path.is_empty() && !self.path.starts_with('[') {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, &format!("[{index}]"));
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.line > 0 {
            write!(f, " at line {} column {}", self.line, self.column)
        } else if !self.path.is_empty() {
            write!(f, " at {}", self.path)
        } else {
            Ok(())
        }
    }
}

impl std::error::Error for Error {}

/// Parses JSON text; of duplicate keys in an object the last wins.
pub fn parse(text: &str) -> Result<Value, Error> {
    parse::parse(text, false)
}

/// Reads a `T` from JSON text. An object with a key twice is an error, as serde's derive
/// rejects a record with a field twice: one of the two would be lost silently.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    T::from_json(&parse::parse(text, true)?)
}

/// Reads a `T` from a parsed value.
pub fn from_value<T: FromJson>(value: &Value) -> Result<T, Error> {
    T::from_json(value)
}

/// The compact JSON text of `value`.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(false);
    value.write_json(&mut w);
    w.finish()
}

/// The JSON text of `value`, indented by two spaces.
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(true);
    value.write_json(&mut w);
    w.finish()
}

/// `value` as a parsed [`Value`].
pub fn to_value<T: ToJson + ?Sized>(value: &T) -> Value {
    // Our own text always parses.
    parse::parse(&to_string(value), false).unwrap_or_default()
}

/// The helpers `#[derive(Json)]` calls.
#[doc(hidden)]
pub mod de {
    use super::{Error, FromJson, Map, Value};

    pub fn invalid_type(value: &Value, expected: &str) -> Error {
        Error::custom(format!(
            "invalid type: {}, expected {expected}",
            value.kind()
        ))
    }

    pub fn object<'a>(value: &'a Value, expected: &str) -> Result<&'a Map, Error> {
        value
            .as_object()
            .ok_or_else(|| invalid_type(value, expected))
    }

    /// A required member (or an `Option`, `None` when missing).
    pub fn field<T: FromJson>(map: &Map, key: &str) -> Result<T, Error> {
        match map.get(key) {
            Some(value) => T::from_json(value).map_err(|e| e.at(key)),
            None => T::missing().ok_or_else(|| Error::custom(format!("missing field `{key}`"))),
        }
    }

    /// A member that has a default: `None` when missing.
    pub fn field_opt<T: FromJson>(map: &Map, key: &str) -> Result<Option<T>, Error> {
        map.get(key)
            .map(|value| T::from_json(value).map_err(|e| e.at(key)))
            .transpose()
    }

    /// The name of a unit variant.
    pub fn name<'a>(value: &'a Value, expected: &str) -> Result<&'a str, Error> {
        value.as_str().ok_or_else(|| invalid_type(value, expected))
    }

    /// The variant of an internally or adjacently tagged enum.
    pub fn tag<'a>(map: &'a Map, tag: &str) -> Result<&'a str, Error> {
        match map.get(tag) {
            Some(value) => name(value, "a variant name").map_err(|e| e.at(tag)),
            None => Err(Error::custom(format!("missing field `{tag}`"))),
        }
    }

    /// An externally tagged variant: a name (`"deleted"`) or a map of one member
    /// (`{"put": value}`).
    pub fn external<'a>(
        value: &'a Value,
        expected: &str,
    ) -> Result<(&'a str, Option<&'a Value>), Error> {
        match value {
            Value::String(name) => Ok((name, None)),
            Value::Object(map) if map.len() == 1 => {
                let (name, inner) = map.iter().next().expect("one member");
                Ok((name, Some(inner)))
            }
            _ => Err(invalid_type(value, expected)),
        }
    }

    pub fn unknown_variant(name: &str, expected: &[&str]) -> Error {
        Error::custom(format!(
            "unknown variant `{name}`, expected one of `{}`",
            expected.join("`, `")
        ))
    }
}

/// Test fixtures: serde_json's `json!`, as this crate's [`Value`]. Only for tests (which have
/// serde_json as a dev-dependency).
#[doc(hidden)]
#[macro_export]
macro_rules! json_value {
    ($($t:tt)+) => {
        $crate::json::parse(&::serde_json::json!($($t)+).to_string()).expect("json! writes JSON")
    };
}
