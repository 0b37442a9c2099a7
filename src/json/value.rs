//! A parsed JSON document.

use std::collections::BTreeMap;
use std::fmt;

/// An object's members. Keys are sorted and unique (the last of duplicate keys wins), as in
/// `serde_json`'s default `Value`.
pub type Map = BTreeMap<String, Value>;

/// A JSON number: whole numbers that fit an `i64` (or, above it, a `u64`) stay exact; any
/// other number is kept as written and read as an `f64` only when asked. (Records hold
/// whole numbers: this keeps float parsing and printing, 5 KB of wasm, out of the app.)
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    UInt(u64),
    /// With a fraction or an exponent, or too large for a `u64`: the text as written.
    Float(Box<str>),
}

/// Any JSON value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Value {
    /// The member `key` of an object; `None` for a missing key or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(Number::Int(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Int(n)) => u64::try_from(*n).ok(),
            Value::Number(Number::UInt(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(Number::Int(n)) => Some(*n as f64),
            Value::Number(Number::UInt(n)) => Some(*n as f64),
            Value::Number(Number::Float(text)) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// What the value is, in the words of a type error: "integer `5`", "map", "null".
    pub(crate) fn kind(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(Number::Int(n)) => format!("integer `{n}`"),
            Value::Number(Number::UInt(n)) => format!("integer `{n}`"),
            Value::Number(Number::Float(text)) => format!("floating point `{text}`"),
            Value::String(s) => format!("string {}", crate::json::to_string(s.as_str())),
            Value::Array(_) => "sequence".into(),
            Value::Object(_) => "map".into(),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(Number::Int(n))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// The compact JSON text of the value.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::to_string(self))
    }
}
