//! Backups: everything the app stores, as one JSON file, and importing such a file with a
//! preview, validation of every record, and a rollback if a write fails half way.

use super::envelope::{decode_value, encode, Decoded, CURRENT_SCHEMA};
use super::keys::{Key, Kind};
use super::{Backend, StorageError, Store};
use crate::domain::deal::Deal;
use crate::domain::settings::Settings;
use crate::domain::training::{Drill, Trainee};
use crate::domain::{Id, Timestamp};
use crate::json::{FromJson, Json, ToJson, Value};
use std::collections::BTreeMap;

/// The `format` marker of a backup file.
pub const FORMAT: &str = "sales-playbook-backup";

/// Largest backup accepted. localStorage holds about 5 MiB of UTF-16, which is at most about
/// 7.5 MiB of UTF-8 JSON, so a larger file cannot be a backup of this app.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// A backup file.
#[derive(Debug, Clone, PartialEq, Json)]
pub struct Backup {
    pub format: String,
    pub schema: u32,
    pub exported_at: Timestamp,
    /// Records by storage key, each as its stored envelope.
    #[json(default)]
    pub records: BTreeMap<String, Value>,
    /// Values this version could not read (quarantined, or of collections it does not know),
    /// kept verbatim so an export loses nothing. Not imported.
    #[json(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unread: BTreeMap<String, String>,
}

/// Why a file cannot be imported. Nothing has been changed when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; a backup is at most {max}")]
    TooLarge { bytes: usize, max: usize },
    /// `detail` is the parser's own (English) words; `line` and `column` say where, and
    /// `ends_early` whether the file stops in the middle (cut off while copying).
    #[error("the file is not valid JSON: {detail}")]
    NotJson {
        detail: String,
        line: usize,
        column: usize,
        ends_early: bool,
    },
    /// The file could not be read as text.
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    /// JSON, but not a backup: `format` is the file's own marker, if it has one (a backup's
    /// own marker here means the file is a damaged backup).
    #[error("the file is not a Sales Playbook backup")]
    NotABackup { format: Option<String> },
    #[error("the backup was made by a newer version (schema {0})")]
    Newer(u32),
    #[error("record {key} is invalid: {reason}")]
    BadRecord { key: String, reason: String },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What an import would change, shown to the user before anything is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    pub added: BTreeMap<Kind, usize>,
    pub updated: BTreeMap<Kind, usize>,
    pub unchanged: usize,
    /// Entries in the file that are not imported (its `unread` part).
    pub skipped: usize,
    /// Key and value to write, in the current schema.
    writes: Vec<(String, String)>,
}

impl ImportPlan {
    /// Whether applying the plan would change anything.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

impl<B: Backend> Store<B> {
    /// Everything stored, as a backup made at `now`.
    pub fn export(&self, now: Timestamp) -> Result<Backup, StorageError> {
        let mut backup = Backup {
            format: FORMAT.into(),
            schema: CURRENT_SCHEMA,
            exported_at: now,
            records: BTreeMap::new(),
            unread: BTreeMap::new(),
        };
        for (key, raw) in self.raw_entries()? {
            match Key::parse(&key) {
                Some(Key::Meta) => {}
                Some(Key::Quarantine(_)) | None => {
                    backup.unread.insert(key, raw);
                }
                Some(_) => match crate::json::parse(&raw) {
                    Ok(value) => {
                        backup.records.insert(key, value);
                    }
                    Err(_) => {
                        backup.unread.insert(key, raw);
                    }
                },
            }
        }
        Ok(backup)
    }

    /// Reads and checks a backup file and works out what importing it would change. Every
    /// record is validated first: one bad record rejects the whole file.
    pub fn plan_import(&self, text: &str) -> Result<ImportPlan, ImportError> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge {
                bytes: text.len(),
                max: MAX_IMPORT_BYTES,
            });
        }
        // A byte-order mark, as Windows editors write before UTF-8, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value = crate::json::parse(text).map_err(|e| ImportError::NotJson {
            detail: e.to_string(),
            line: e.line(),
            column: e.column(),
            ends_early: e.is_eof(),
        })?;
        let format = value.get("format").and_then(Value::as_str);
        let not_a_backup = || ImportError::NotABackup {
            format: format.map(|f| f.chars().take(60).collect()),
        };
        if format != Some(FORMAT) {
            return Err(not_a_backup());
        }
        let backup: Backup = super::envelope::from_json(&value).map_err(|_| not_a_backup())?;
        if backup.schema > CURRENT_SCHEMA {
            return Err(ImportError::Newer(backup.schema));
        }
        let mut plan = ImportPlan {
            skipped: backup.unread.len(),
            ..Default::default()
        };
        for (key_str, record) in backup.records {
            let bad = |reason: String| ImportError::BadRecord {
                key: key_str.clone(),
                reason,
            };
            let key = Key::parse(&key_str).ok_or_else(|| bad("unknown key".into()))?;
            let value = normalize(&key, record).map_err(|e| match e {
                Normalize::Newer(schema) => ImportError::Newer(schema),
                Normalize::Invalid(reason) => bad(reason),
            })?;
            match self.backend().get(&key_str)? {
                Some(current) if current == value => {
                    plan.unchanged += 1;
                    continue;
                }
                Some(_) => *plan.updated.entry(key.kind()).or_default() += 1,
                None => *plan.added.entry(key.kind()).or_default() += 1,
            }
            plan.writes.push((key_str, value));
        }
        Ok(plan)
    }

    /// Writes a planned import. If any write fails, every write already made is undone, so
    /// storage is as it was before.
    pub fn apply_import(&self, plan: &ImportPlan) -> Result<(), StorageError> {
        self.writable()?;
        let backend = self.backend();
        // Every old value is read before anything is written: a read failing half way through
        // the writes would return with the writes before it left in place.
        let mut before: Vec<(&str, Option<String>)> = Vec::with_capacity(plan.writes.len());
        for (key, _) in &plan.writes {
            before.push((key, backend.get(key)?));
        }
        for (done, (key, value)) in plan.writes.iter().enumerate() {
            if let Err(e) = backend.set(key, value) {
                for (key, old) in before[..done].iter().rev() {
                    let _ = match old {
                        Some(old) => backend.set(key, old),
                        None => backend.remove(key),
                    };
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

enum Normalize {
    Newer(u32),
    Invalid(String),
}

/// Decodes one record of a backup into its type and re-encodes it in the current schema.
fn normalize(key: &Key, value: Value) -> Result<String, Normalize> {
    fn typed<T: FromJson + ToJson>(kind: Kind, value: Value) -> Result<T, Normalize> {
        match decode_value::<T>(kind, value) {
            Ok(Decoded::Current(v) | Decoded::Migrated(v)) => Ok(v),
            Ok(Decoded::Newer { schema, .. }) => Err(Normalize::Newer(schema)),
            Err(e) => Err(Normalize::Invalid(e.to_string())),
        }
    }
    fn same_id(key_id: &Id, record_id: &Id) -> Result<(), Normalize> {
        if key_id == record_id {
            Ok(())
        } else {
            Err(Normalize::Invalid(format!("holds record {record_id}")))
        }
    }
    Ok(match key {
        Key::Settings => encode(&typed::<Settings>(Kind::Settings, value)?),
        Key::Deal(id) => {
            let deal: Deal = typed(Kind::Deal, value)?;
            same_id(id, &deal.id)?;
            encode(&deal)
        }
        Key::Trainee(id) => {
            let trainee: Trainee = typed(Kind::Trainee, value)?;
            same_id(id, &trainee.id)?;
            encode(&trainee)
        }
        Key::Drill(id) => {
            let drill: Drill = typed(Kind::Drill, value)?;
            same_id(id, &drill.id)?;
            encode(&drill)
        }
        Key::Meta | Key::Quarantine(_) => return Err(Normalize::Invalid("not a record".into())),
    })
}
