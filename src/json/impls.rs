//! `FromJson`/`ToJson` for the standard types records are made of, read as strictly as
//! serde reads them (a `u8` of 300 or of 1.5 is an error, not a wrapped or rounded number).

use super::de::invalid_type;
use super::{Error, FromJson, Number, ToJson, Value, Writer};
use crate::domain::Timestamp;
use std::collections::{BTreeMap, BTreeSet};

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, Error> {
        Ok(value.clone())
    }
}

impl ToJson for Value {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Value::Null => w.null(),
            Value::Bool(b) => w.bool(*b),
            Value::Number(Number::Int(n)) => w.int(*n),
            Value::Number(Number::UInt(n)) => w.uint(*n),
            Value::Number(Number::Float(text)) => w.raw(text),
            Value::String(s) => w.string(s),
            Value::Array(items) => items.as_slice().write_json(w),
            Value::Object(map) => map.write_json(w),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, Error> {
        value
            .as_bool()
            .ok_or_else(|| invalid_type(value, "a boolean"))
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

/// A whole number of `value` that fits `T`.
fn integer<T: TryFrom<i64>>(value: &Value, expected: &str) -> Result<T, Error> {
    let out_of_range = |n: &dyn std::fmt::Display| {
        Error::custom(format!("invalid value: integer `{n}`, expected {expected}"))
    };
    match value {
        Value::Number(Number::Int(n)) => T::try_from(*n).map_err(|_| out_of_range(n)),
        Value::Number(Number::UInt(n)) => Err(out_of_range(n)),
        _ => Err(invalid_type(value, expected)),
    }
}

macro_rules! integers {
    ($($t:ty => $write:ident as $as:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, Error> {
                integer(value, stringify!($t))
            }
        }
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                w.$write(*self as $as);
            }
        }
    )*};
}

integers!(u8 => int as i64, u16 => int as i64, u32 => int as i64, i32 => int as i64,
    i64 => int as i64, usize => uint as u64);

impl FromJson for u64 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value.as_u64() {
            Some(n) => Ok(n),
            None => integer(value, "u64"),
        }
    }
}

impl ToJson for u64 {
    fn write_json(&self, w: &mut Writer) {
        w.uint(*self);
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value.as_f64() {
            Some(f) if f.is_finite() => Ok(f),
            Some(_) => Err(Error::custom("number out of range")),
            None => Err(invalid_type(value, "f64")),
        }
    }
}

impl ToJson for f64 {
    fn write_json(&self, w: &mut Writer) {
        w.float(*self);
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Error> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| invalid_type(value, "a string"))
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let items = value
            .as_array()
            .ok_or_else(|| invalid_type(value, "a sequence"))?;
        // A plain loop: `collect` into a `Result` costs several times the code per type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item).map_err(|e| e.at_index(i))?);
        }
        Ok(out)
    }
}

/// A JSON array of `items`.
fn write_items<'a, T: ToJson + 'a>(w: &mut Writer, items: impl IntoIterator<Item = &'a T>) {
    w.begin_array();
    for item in items {
        w.item();
        item.write_json(w);
    }
    w.end_array();
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer) {
        write_items(w, self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        self.as_slice().write_json(w);
    }
}

impl<T: FromJson + Ord> FromJson for BTreeSet<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        Vec::<T>::from_json(value).map(|items| items.into_iter().collect())
    }
}

impl<T: ToJson> ToJson for BTreeSet<T> {
    fn write_json(&self, w: &mut Writer) {
        write_items(w, self);
    }
}

/// A type that can be the key of a JSON object.
pub trait JsonKey: Sized + Ord {
    fn from_key(key: &str) -> Result<Self, Error>;
    fn key(&self) -> &str;
}

impl JsonKey for String {
    fn from_key(key: &str) -> Result<Self, Error> {
        Ok(key.to_owned())
    }

    fn key(&self) -> &str {
        self
    }
}

impl<K: JsonKey, V: FromJson> FromJson for BTreeMap<K, V> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let map = value
            .as_object()
            .ok_or_else(|| invalid_type(value, "a map"))?;
        let mut out = BTreeMap::new();
        for (key, value) in map {
            let k = K::from_key(key).map_err(|e| e.at(key))?;
            out.insert(k, V::from_json(value).map_err(|e| e.at(key))?);
        }
        Ok(out)
    }
}

impl<K: JsonKey, V: ToJson> ToJson for BTreeMap<K, V> {
    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        for (key, value) in self {
            w.key(key.key());
            value.write_json(w);
        }
        w.end_object();
    }
}

/// RFC 3339 text, read with chrono's strict parser (see [`crate::domain::time`]).
impl FromJson for Timestamp {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let text = value
            .as_str()
            .ok_or_else(|| invalid_type(value, "a time"))?;
        crate::domain::time::parse(text)
            .ok_or_else(|| Error::custom(format!("not an RFC 3339 time: {text}")))
    }
}

impl ToJson for Timestamp {
    fn write_json(&self, w: &mut Writer) {
        w.string(&crate::domain::time::write(self));
    }
}

/// A calendar date as `2026-11-23`, as chrono writes it.
impl FromJson for chrono::NaiveDate {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let text = value
            .as_str()
            .ok_or_else(|| invalid_type(value, "a date"))?;
        crate::domain::time::parse_date(text)
            .ok_or_else(|| Error::custom(format!("not a date: {text}")))
    }
}

impl ToJson for chrono::NaiveDate {
    fn write_json(&self, w: &mut Writer) {
        w.string(&self.to_string());
    }
}
