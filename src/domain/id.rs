//! Record identifiers: short, URL-safe, sortable by creation time.

use crate::json::{Error, FromJson, JsonKey, ToJson, Value, Writer};
use std::fmt;

/// The identifier of a stored record (a deal, a script, a drill…).
///
/// Ids go into storage keys and URLs, so only `[0-9a-z-]` is allowed; anything else read from
/// outside is rejected by [`Id::parse`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid id: \"{0}\"")]
pub struct InvalidId(pub String);

/// Longest id accepted from outside; generated ids are about 20 characters.
const MAX_LEN: usize = 64;

impl Id {
    /// Makes a new id from the creation time and some random bits, both supplied by the caller
    /// (the UI reads the clock and `Math.random`; tests pass fixed values).
    pub fn generate(now_millis: i64, entropy: u64) -> Self {
        let time = to_base36(now_millis.max(0) as u64);
        let rand = to_base36(entropy % 36u64.pow(8));
        Id(format!("{time}-{rand:0>8}"))
    }

    /// Accepts an id read from a URL, a file or storage.
    pub fn parse(s: &str) -> Result<Self, InvalidId> {
        let ok = !s.is_empty()
            && s.len() <= MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-');
        if ok {
            Ok(Id(s.to_owned()))
        } else {
            Err(InvalidId(s.chars().take(MAX_LEN).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Stored as its text, checked when read.
impl FromJson for Id {
    fn from_json(value: &Value) -> Result<Self, Error> {
        Id::from_key(&String::from_json(value)?)
    }
}

impl ToJson for Id {
    fn write_json(&self, w: &mut Writer) {
        w.string(&self.0);
    }
}

impl JsonKey for Id {
    fn from_key(key: &str) -> Result<Self, Error> {
        Id::parse(key).map_err(|e| Error::custom(e.to_string()))
    }

    fn key(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = InvalidId;
    fn try_from(s: String) -> Result<Self, InvalidId> {
        Id::parse(&s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_sort_by_time() {
        let a = Id::generate(1_700_000_000_000, 42);
        let b = Id::generate(1_700_000_000_001, 7);
        assert!(Id::parse(a.as_str()).is_ok());
        assert!(a < b, "{a} should sort before {b}");
    }

    #[test]
    fn same_time_different_entropy_gives_different_ids() {
        assert_ne!(Id::generate(5, 1), Id::generate(5, 2));
    }

    #[test]
    fn parse_rejects_unsafe_characters_and_empty() {
        for bad in ["", "a/b", "A", "x y", "<script>", "../etc", &"a".repeat(65)] {
            assert!(Id::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn deserializing_a_bad_id_fails_instead_of_accepting_it() {
        assert!(crate::json::from_str::<Id>("\"ok-1\"").is_ok());
        assert!(crate::json::from_str::<Id>("\"no/slash\"").is_err());
    }
}
