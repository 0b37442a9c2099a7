//! The storage keys: one per record, all under the `sp:` namespace.

use crate::domain::Id;

/// Every key the app owns starts with this, so other apps on the same origin are untouched.
pub const PREFIX: &str = "sp:";

/// A key the app reads and writes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    /// The schema version the stored data as a whole was last written with.
    Meta,
    Settings,
    Deal(Id),
    Trainee(Id),
    Drill(Id),
    /// A value that failed to load, set aside with its original key and when.
    Quarantine(String),
}

/// What kind of record a key holds, for counts in previews and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Meta,
    Settings,
    Deal,
    Trainee,
    Drill,
    Quarantine,
}

impl Key {
    /// The key as stored.
    pub fn as_string(&self) -> String {
        match self {
            Key::Meta => format!("{PREFIX}meta"),
            Key::Settings => format!("{PREFIX}settings"),
            Key::Deal(id) => format!("{PREFIX}deal:{id}"),
            Key::Trainee(id) => format!("{PREFIX}trainee:{id}"),
            Key::Drill(id) => format!("{PREFIX}drill:{id}"),
            Key::Quarantine(name) => format!("{PREFIX}quarantine:{name}"),
        }
    }

    /// Reads a stored key; `None` for keys that are not ours or that this version does not
    /// know (a newer version's collection), which are then left alone.
    pub fn parse(s: &str) -> Option<Key> {
        let rest = s.strip_prefix(PREFIX)?;
        let (head, tail) = match rest.split_once(':') {
            Some((h, t)) => (h, Some(t)),
            None => (rest, None),
        };
        let id = || tail.and_then(|t| Id::parse(t).ok());
        match (head, tail) {
            ("meta", None) => Some(Key::Meta),
            ("settings", None) => Some(Key::Settings),
            ("deal", Some(_)) => id().map(Key::Deal),
            ("trainee", Some(_)) => id().map(Key::Trainee),
            ("drill", Some(_)) => id().map(Key::Drill),
            ("quarantine", Some(t)) if !t.is_empty() => Some(Key::Quarantine(t.to_owned())),
            _ => None,
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Key::Meta => Kind::Meta,
            Key::Settings => Kind::Settings,
            Key::Deal(_) => Kind::Deal,
            Key::Trainee(_) => Kind::Trainee,
            Key::Drill(_) => Kind::Drill,
            Key::Quarantine(_) => Kind::Quarantine,
        }
    }

    /// The quarantine key for a value of this key that failed to load at `millis`.
    pub fn quarantined(&self, millis: i64) -> Key {
        let original = self.as_string();
        let name = original.strip_prefix(PREFIX).unwrap_or(&original);
        Key::Quarantine(format!("{name}@{millis}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_stored_form() {
        let id = Id::parse("abc-1").unwrap();
        for k in [
            Key::Meta,
            Key::Settings,
            Key::Deal(id.clone()),
            Key::Trainee(id.clone()),
            Key::Drill(id),
            Key::Quarantine("deal:abc-1@5".into()),
        ] {
            assert_eq!(Key::parse(&k.as_string()), Some(k));
        }
    }

    #[test]
    fn foreign_unknown_and_malformed_keys_are_not_ours() {
        for s in [
            "theme",
            "sp:goal:x",
            "sp:deal:",
            "sp:deal:BAD/ID",
            "sp:settings:x",
            "sp:meta:1",
        ] {
            assert_eq!(Key::parse(s), None, "{s}");
        }
    }

    #[test]
    fn quarantine_key_names_the_original_and_the_time() {
        let k = Key::Deal(Id::parse("d-1").unwrap()).quarantined(1234);
        assert_eq!(k.as_string(), "sp:quarantine:deal:d-1@1234");
    }
}
