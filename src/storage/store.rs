//! Loading and saving records over a [`Backend`]: quarantine, migration write-back,
//! read-only protection of newer data, and decoding of changes made in other tabs.

use super::envelope::{decode, encode, DecodeError, Decoded};
use super::keys::{Key, Kind, PREFIX};
use super::{stored_bytes, Backend, StorageError};
use crate::domain::deal::Deal;
use crate::domain::settings::Settings;
use crate::domain::training::{Drill, Trainee};
use crate::domain::Id;
use crate::json::{FromJson, ToJson};
use std::cell::Cell;

/// Storage for the app's records.
pub struct Store<B> {
    backend: B,
    /// The newest schema seen, when it is newer than ours: then nothing may be written.
    read_only: Cell<Option<u32>>,
}

/// Everything loaded at start, with what happened on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub settings: Settings,
    pub deals: Vec<Deal>,
    pub trainees: Vec<Trainee>,
    pub drills: Vec<Drill>,
    pub report: LoadReport,
}

/// What the user should be told after a load.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LoadReport {
    /// Values that failed to load this time.
    pub quarantined: Vec<Quarantined>,
    /// Set when data from a newer schema was found: the app must open read-only.
    pub newer_schema: Option<u32>,
    /// Values brought up from an older schema (and written back when allowed).
    pub migrated: usize,
    /// Values set aside by earlier loads and still kept.
    pub in_quarantine: usize,
}

/// A value that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// The key it was stored under.
    pub key: String,
    /// Where it was moved; `None` when it could not be moved and was left in place.
    pub moved_to: Option<String>,
    pub reason: String,
}

/// How storage use stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Bytes in the app's own keys.
    pub ours: usize,
    /// Bytes in all keys of this origin (the quota is shared).
    pub total: usize,
}

/// A change another tab made, as this tab should apply it.
// Short-lived, one at a time: a box per deal would cost an allocation for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Settings(Settings),
    /// A record written (`Some`) or removed (`None`).
    Deal(Id, Option<Deal>),
    Trainee(Id, Option<Trainee>),
    Drill(Id, Option<Drill>),
    /// Storage was cleared or reset elsewhere: reload everything.
    Reload,
    /// The other tab runs a newer version: stop writing.
    Newer(u32),
    /// A value this tab cannot read; it keeps what it has.
    Unreadable(String),
    /// Not ours, or nothing to do.
    Ignored,
}

/// One decoded record from the scan of all keys, before anything is written.
#[allow(clippy::large_enum_variant)] // as `Change`: one at a time, never stored in bulk
enum Scanned {
    Settings(Settings),
    Deal(Deal),
    Trainee(Trainee),
    Drill(Drill),
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Self {
        Store {
            backend,
            read_only: Cell::new(None),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The newer schema that makes this store read-only, if any.
    pub fn read_only(&self) -> Option<u32> {
        self.read_only.get()
    }

    fn note_newer(&self, schema: u32) {
        let newest = self.read_only.get().map_or(schema, |s| s.max(schema));
        self.read_only.set(Some(newest));
    }

    pub(crate) fn writable(&self) -> Result<(), StorageError> {
        match self.read_only.get() {
            Some(schema) => Err(StorageError::ReadOnly(schema)),
            None => Ok(()),
        }
    }

    /// Reads every record. Values that fail to parse are moved to quarantine keys, older ones
    /// are migrated, and newer ones switch the store to read-only. Nothing is moved or
    /// rewritten when the store is read-only. Fails only when storage cannot be read at all.
    pub fn load(&self, now_millis: i64) -> Result<Loaded, StorageError> {
        let mut loaded = Loaded::default();
        let mut failed: Vec<(Key, String, DecodeError)> = Vec::new();
        let mut migrated: Vec<(Key, String)> = Vec::new();
        let mut keys: Vec<Key> = self
            .backend
            .keys()?
            .iter()
            .filter_map(|k| Key::parse(k))
            .collect();
        keys.sort();
        for key in keys {
            let Some(raw) = self.backend.get(&key.as_string())? else {
                continue;
            };
            let result = match key.kind() {
                Kind::Quarantine => {
                    loaded.report.in_quarantine += 1;
                    continue;
                }
                Kind::Meta => match decode::<crate::json::Value>(Kind::Meta, &raw) {
                    Ok(Decoded::Newer { schema, .. }) => {
                        self.note_newer(schema);
                        continue;
                    }
                    Ok(_) => continue,
                    Err(e) => Err(e),
                },
                Kind::Settings => self.scan(&key, &raw, &mut migrated, Scanned::Settings),
                Kind::Deal => self.scan(&key, &raw, &mut migrated, Scanned::Deal),
                Kind::Trainee => self.scan(&key, &raw, &mut migrated, Scanned::Trainee),
                Kind::Drill => self.scan(&key, &raw, &mut migrated, Scanned::Drill),
            };
            // A record under another record's key would be saved to a second key and leave
            // the first behind when deleted: it is set aside like any unreadable value.
            let stored_id = match (&key, &result) {
                (Key::Deal(k), Ok(Some(Scanned::Deal(d)))) => (*k != d.id).then_some(&d.id),
                (Key::Trainee(k), Ok(Some(Scanned::Trainee(t)))) => (*k != t.id).then_some(&t.id),
                (Key::Drill(k), Ok(Some(Scanned::Drill(d)))) => (*k != d.id).then_some(&d.id),
                _ => None,
            };
            if let Some(id) = stored_id {
                let error = DecodeError::Shape(format!("holds record {id}"));
                failed.push((key, raw, error));
                continue;
            }
            match result {
                Ok(Some(Scanned::Settings(s))) => loaded.settings = s,
                Ok(Some(Scanned::Deal(d))) => loaded.deals.push(d),
                Ok(Some(Scanned::Trainee(t))) => loaded.trainees.push(t),
                Ok(Some(Scanned::Drill(d))) => loaded.drills.push(d),
                Ok(None) => {}
                Err(e) => failed.push((key, raw, e)),
            }
        }
        loaded.report.migrated = migrated.len();
        loaded.report.newer_schema = self.read_only.get();
        let writable = self.writable().is_ok();
        for (key, raw, error) in failed {
            let moved_to = if writable {
                self.quarantine(&key, &raw, now_millis)
            } else {
                None
            };
            loaded.report.quarantined.push(Quarantined {
                key: key.as_string(),
                moved_to,
                reason: error.to_string(),
            });
        }
        if writable {
            // Best effort: a value not written back is read and migrated again next time.
            for (key, value) in migrated {
                let _ = self.backend.set(&key.as_string(), &value);
            }
            self.write_meta();
        }
        Ok(loaded)
    }

    /// Decodes one record; a migrated one is queued for writing back in the current schema.
    fn scan<T: FromJson + ToJson>(
        &self,
        key: &Key,
        raw: &str,
        migrated: &mut Vec<(Key, String)>,
        wrap: impl Fn(T) -> Scanned,
    ) -> Result<Option<Scanned>, DecodeError> {
        Ok(match decode::<T>(key.kind(), raw)? {
            Decoded::Current(v) => Some(wrap(v)),
            Decoded::Migrated(v) => {
                migrated.push((key.clone(), encode(&v)));
                Some(wrap(v))
            }
            Decoded::Newer { schema, data } => {
                self.note_newer(schema);
                data.map(wrap)
            }
        })
    }

    /// Copies a bad value to a quarantine key, then removes the original. When the copy
    /// cannot be written (storage full), the original stays where it is.
    fn quarantine(&self, key: &Key, raw: &str, now_millis: i64) -> Option<String> {
        let target = key.quarantined(now_millis).as_string();
        self.backend.set(&target, raw).ok()?;
        if self.backend.remove(&key.as_string()).is_err() {
            return None;
        }
        Some(target)
    }

    fn write_meta(&self) {
        let meta = Key::Meta.as_string();
        let mut app = crate::json::Map::new();
        app.insert("app".into(), env!("CARGO_PKG_VERSION").into());
        let current = encode(&app);
        if self.backend.get(&meta).ok().flatten().as_deref() != Some(current.as_str()) {
            let _ = self.backend.set(&meta, &current);
        }
    }

    /// Writes one record under its own key.
    pub fn put<T: ToJson>(&self, key: &Key, value: &T) -> Result<(), StorageError> {
        self.writable()?;
        self.backend.set(&key.as_string(), &encode(value))
    }

    /// Removes one record.
    pub fn delete(&self, key: &Key) -> Result<(), StorageError> {
        self.writable()?;
        self.backend.remove(&key.as_string())
    }

    /// Every key the app owns with its raw value, including keys of collections this version
    /// does not know (so a backup or a reset misses nothing).
    pub fn raw_entries(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for key in self.backend.keys()? {
            if key.starts_with(PREFIX) {
                if let Some(value) = self.backend.get(&key)? {
                    out.push((key, value));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// How many bytes are stored.
    pub fn usage(&self) -> Result<Usage, StorageError> {
        let mut usage = Usage { ours: 0, total: 0 };
        for key in self.backend.keys()? {
            let bytes = self
                .backend
                .get(&key)?
                .map_or(0, |v| stored_bytes(&key, &v));
            usage.total += bytes;
            if key.starts_with(PREFIX) {
                usage.ours += bytes;
            }
        }
        Ok(usage)
    }

    /// Removes all the app's data and returns it, so the reset can be undone.
    pub fn reset(&self) -> Result<Vec<(String, String)>, StorageError> {
        self.writable()?;
        let entries = self.raw_entries()?;
        for (key, _) in &entries {
            self.backend.remove(key)?;
        }
        Ok(entries)
    }

    /// Writes back entries returned by [`Store::reset`].
    pub fn restore(&self, entries: &[(String, String)]) -> Result<(), StorageError> {
        self.writable()?;
        for (key, value) in entries {
            self.backend.set(key, value)?;
        }
        Ok(())
    }

    /// Turns a `storage` event (key and new value; both `None` for a clear) into a change.
    pub fn decode_change(&self, key: Option<&str>, new_value: Option<&str>) -> Change {
        let Some(key_str) = key else {
            return Change::Reload;
        };
        let Some(key) = Key::parse(key_str) else {
            return Change::Ignored;
        };
        let Some(raw) = new_value else {
            return match key {
                Key::Deal(id) => Change::Deal(id, None),
                Key::Trainee(id) => Change::Trainee(id, None),
                Key::Drill(id) => Change::Drill(id, None),
                Key::Settings => Change::Settings(Settings::default()),
                Key::Meta | Key::Quarantine(_) => Change::Ignored,
            };
        };
        /// Why a changed value is not applied.
        enum Skip {
            Newer(u32),
            Unreadable,
        }
        fn read<T: FromJson>(store_key: &Key, raw: &str) -> Result<T, Skip> {
            match decode::<T>(store_key.kind(), raw) {
                Ok(Decoded::Current(v) | Decoded::Migrated(v)) => Ok(v),
                Ok(Decoded::Newer { schema, .. }) => Err(Skip::Newer(schema)),
                Err(_) => Err(Skip::Unreadable),
            }
        }
        let change = match &key {
            Key::Settings => read(&key, raw).map(Change::Settings),
            Key::Deal(id) => read(&key, raw).map(|d| Change::Deal(id.clone(), Some(d))),
            Key::Trainee(id) => read(&key, raw).map(|t| Change::Trainee(id.clone(), Some(t))),
            Key::Drill(id) => read(&key, raw).map(|d| Change::Drill(id.clone(), Some(d))),
            Key::Meta => match decode::<crate::json::Value>(Kind::Meta, raw) {
                Ok(Decoded::Newer { schema, .. }) => Err(Skip::Newer(schema)),
                _ => Ok(Change::Ignored),
            },
            Key::Quarantine(_) => Ok(Change::Ignored),
        };
        match change {
            Ok(change) => change,
            Err(Skip::Newer(schema)) => {
                self.note_newer(schema);
                Change::Newer(schema)
            }
            Err(Skip::Unreadable) => Change::Unreadable(key.as_string()),
        }
    }
}
