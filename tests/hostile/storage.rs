//! Backups and stored values against a store seeded with real data. Every rejected import must
//! leave storage byte for byte as it was; a value that cannot be read is set aside, never lost.
//!
//! Setups (`setup` in the manifest):
//! - `quota`: a quota that holds the seeded data and a little more, so an import runs out of
//!   space half way and must roll back what it already wrote;
//! - `disabled`: storage refuses every call after seeding (private mode, a policy);
//! - `read_only`: data from a newer version is present, so nothing may be written;
//! - `flaky_reads`: during the apply, reads fail after the first one (a browser withdrawing
//!   storage access mid-import);
//! - `full` (stored values): no room left to copy a bad value to its quarantine key.

use super::case::{check_both, variant, Case, Expect};
use chrono::{TimeZone, Utc};
use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::settings::Settings;
use sales_playbook::domain::{Id, Locale, Timestamp};
use sales_playbook::i18n::{describe_import_error, describe_storage_error, fill, texts};
use sales_playbook::storage::backup::ImportError;
use sales_playbook::storage::{stored_bytes, Backend, Key, MemoryBackend, StorageError, Store};
use std::cell::Cell;
use std::collections::BTreeMap;

/// The time of every load, in milliseconds (names quarantine keys).
const NOW_MILLIS: i64 = 1_795_000_000_000;

/// Room left by the `quota` setup: the first record of `fits_half_way.json` fits, the second
/// does not.
const HEADROOM_BYTES: usize = 1_500;

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

/// A [`MemoryBackend`] that counts writes and can make reads fail, to watch an import.
struct Watched {
    inner: MemoryBackend,
    writes: Cell<usize>,
    reads: Cell<usize>,
    /// Reads after this many fail.
    fail_reads_after: Cell<Option<usize>>,
}

impl Watched {
    fn new(inner: MemoryBackend) -> Self {
        Watched {
            inner,
            writes: Cell::new(0),
            reads: Cell::new(0),
            fail_reads_after: Cell::new(None),
        }
    }
}

impl Backend for Watched {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.reads.set(self.reads.get() + 1);
        if self
            .fail_reads_after
            .get()
            .is_some_and(|n| self.reads.get() > n)
        {
            return Err(StorageError::Other(
                "SecurityError: access withdrawn".into(),
            ));
        }
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.set(key, value)?;
        self.writes.set(self.writes.get() + 1);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

/// What a user of some weeks has stored: settings, two deals, a value quarantined earlier and
/// another app's key on the same origin.
fn seed_entries() -> Vec<(String, String)> {
    let store = Store::new(MemoryBackend::new());
    let settings = Settings {
        locale: Some(Locale::ZhCn),
        user_name: "王芳".into(),
        ..Default::default()
    };
    let put = |key: &Key, raw: Result<(), StorageError>| {
        raw.unwrap_or_else(|e| panic!("seeding {key:?}: {e}"));
    };
    put(&Key::Settings, store.put(&Key::Settings, &settings));
    for (n, customer) in [(1, "Acme 制造"), (2, "Beta Retail")] {
        let id = Id::parse(&format!("k1-seed000{n}")).unwrap();
        let mut deal = Deal::new(id.clone(), customer, &[], now()).unwrap();
        deal.notes = "Called; wants a demo 想看演示".into();
        let key = Key::Deal(id);
        put(&key, store.put(&key, &deal));
    }
    let b = store.backend();
    b.set("sp:quarantine:deal:k1-old00001@5", "{broken")
        .unwrap();
    b.set("theme", "dark").unwrap();
    store.load(NOW_MILLIS).expect("the seed loads");
    store.backend().snapshot().into_iter().collect()
}

/// A store holding the seed, under `setup`'s conditions; `extra` is stored raw as well.
fn seeded(setup: Option<&str>, extra: Option<(&str, &str)>) -> Result<Store<Watched>, String> {
    let mut entries = seed_entries();
    if setup == Some("read_only") {
        entries.push((
            "sp:meta".into(),
            r#"{"schema":9,"data":{"app":"9.0.0"}}"#.into(),
        ));
    }
    if let Some((k, v)) = extra {
        entries.push((k.into(), v.into()));
    }
    let used: usize = entries.iter().map(|(k, v)| stored_bytes(k, v)).sum();
    let backend = match setup {
        Some("quota") => MemoryBackend::new().with_quota(used + HEADROOM_BYTES),
        // Room for nothing more than is there.
        Some("full") => MemoryBackend::new().with_quota(used),
        None | Some("disabled" | "read_only" | "flaky_reads") => MemoryBackend::new(),
        Some(other) => return Err(format!("unknown setup {other:?}")),
    };
    for (k, v) in &entries {
        backend.set(k, v).map_err(|e| format!("seeding {k}: {e}"))?;
    }
    let store = Store::new(Watched::new(backend));
    match setup {
        Some("disabled") => store.backend().inner.disable(),
        Some("read_only") => {
            store.load(NOW_MILLIS).map_err(|e| e.to_string())?;
            if store.read_only() != Some(9) {
                return Err("the read_only setup did not make the store read-only".into());
            }
        }
        _ => {}
    }
    Ok(store)
}

/// Fails naming the first key that differs, when storage is not as it was.
fn unchanged(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
) -> Result<(), String> {
    if before == after {
        return Ok(());
    }
    let keys = before.keys().chain(after.keys());
    let changed: Vec<&String> = keys.filter(|k| before.get(*k) != after.get(*k)).collect();
    Err(format!("storage changed at {changed:?}"))
}

/// A backup file: rejected with storage unchanged, or imported as planned.
pub fn backup(case: &Case, input: &str) -> Result<(), String> {
    let store = seeded(case.setup.as_deref(), None)?;
    let before = store.backend().inner.snapshot();
    let planned = store.plan_import(input);
    match &case.expect {
        Expect::Rejected {
            error,
            during,
            en,
            zh,
        } => {
            let err = match (planned, during.as_deref()) {
                (Err(e), None | Some("plan")) => e,
                (Ok(plan), Some("apply")) => {
                    let backend = store.backend();
                    if case.setup.as_deref() == Some("flaky_reads") {
                        backend.fail_reads_after.set(Some(backend.reads.get() + 1));
                    }
                    let writes = backend.writes.get();
                    let applied = store.apply_import(&plan);
                    backend.fail_reads_after.set(None);
                    if case.setup.as_deref() == Some("quota") && backend.writes.get() == writes {
                        return Err("the import failed before writing anything, so the \
                                    rollback was not exercised"
                            .into());
                    }
                    match applied {
                        Ok(()) => return Err(format!("imported; expected {error}")),
                        Err(e) => ImportError::Storage(e),
                    }
                }
                (Ok(_), _) => return Err(format!("planned an import; expected {error}")),
                (Err(e), Some(_)) => {
                    return Err(format!(
                        "the plan failed ({e:?}); expected the apply to fail"
                    ))
                }
            };
            let got = variant(&format!("{err:?}"));
            if &got != error {
                return Err(format!("rejected with {err:?}; expected {error}"));
            }
            check_both(
                &describe_import_error(Locale::En, &err),
                &describe_import_error(Locale::ZhCn, &err),
                en,
                zh,
            )?;
            unchanged(&before, &store.backend().inner.snapshot())
        }
        Expect::Imported {
            added,
            updated,
            unchanged: same,
            customers,
        } => {
            let plan = planned.map_err(|e| format!("rejected with {e:?}; expected an import"))?;
            let counts = (
                plan.added.values().sum::<usize>(),
                plan.updated.values().sum::<usize>(),
                plan.unchanged,
            );
            if counts != (*added, *updated, *same) {
                return Err(format!(
                    "plans (added, updated, unchanged) = {counts:?}; expected {:?}",
                    (added, updated, same)
                ));
            }
            store
                .apply_import(&plan)
                .map_err(|e| format!("apply: {e}"))?;
            // The imported cases only add deals: everything stored before is as it was.
            let after = store.backend().inner.snapshot();
            if let Some((k, _)) = before.iter().find(|(k, v)| after.get(*k) != Some(*v)) {
                return Err(format!("the import changed {k}, which it does not hold"));
            }
            let loaded = store.load(NOW_MILLIS).map_err(|e| e.to_string())?;
            for customer in customers {
                if !loaded.deals.iter().any(|d| &d.customer == customer) {
                    return Err(format!("customer {customer:?} was not stored verbatim"));
                }
            }
            let again = store
                .plan_import(input)
                .map_err(|e| format!("a second import was rejected: {e:?}"))?;
            if !again.is_empty() {
                return Err("importing the same file twice would write again".into());
            }
            Ok(())
        }
        other => Err(format!("{other:?} is not an outcome of a backup import")),
    }
}

/// A raw value found in storage: set aside (never lost), or read-only protection.
pub fn stored(case: &Case, input: &str) -> Result<(), String> {
    let key = case.key.as_deref().ok_or("a stored case needs a `key`")?;
    let parsed = Key::parse(key).ok_or_else(|| format!("{key} is not a key of the app"))?;
    let store = seeded(case.setup.as_deref(), Some((key, input)))?;
    let before = store.backend().inner.snapshot();
    let loaded = store
        .load(NOW_MILLIS)
        .map_err(|e| format!("load failed: {e}"))?;
    let after = store.backend().inner.snapshot();
    match &case.expect {
        Expect::Quarantined {
            reason,
            moved,
            en,
            zh,
        } => {
            let report = &loaded.report;
            let [q] = report.quarantined.as_slice() else {
                return Err(format!(
                    "quarantined {:?}; expected {key}",
                    report.quarantined
                ));
            };
            if q.key != key || !q.reason.contains(reason.as_str()) {
                return Err(format!("quarantined {q:?}; expected {key} for {reason:?}"));
            }
            let target = parsed.quarantined(NOW_MILLIS).as_string();
            match (moved, &q.moved_to) {
                (true, Some(to)) if *to == target => {
                    if after.get(to).map(String::as_str) != Some(input) || after.contains_key(key) {
                        return Err(format!("{to} does not hold the value byte for byte"));
                    }
                }
                (false, None) => {
                    if after.get(key).map(String::as_str) != Some(input) {
                        return Err(format!("{key} no longer holds the value it could not move"));
                    }
                }
                _ => {
                    return Err(format!(
                        "moved to {:?}; expected moved: {moved}",
                        q.moved_to
                    ))
                }
            }
            let settings_read = parsed == Key::Settings || loaded.settings.user_name == "王芳";
            if loaded.deals.len() != 2 || !settings_read {
                return Err("the readable records did not all load".into());
            }
            let banner = |l: Locale| fill(texts(l).banner_quarantined, &[("n", "1")]);
            check_both(&banner(Locale::En), &banner(Locale::ZhCn), en, zh)?;
            let reload = store.load(NOW_MILLIS + 1).map_err(|e| e.to_string())?;
            let kept = reload.report.in_quarantine + reload.report.quarantined.len();
            if kept != 2 {
                return Err(format!(
                    "after a reload {kept} values are set aside; expected 2"
                ));
            }
            Ok(())
        }
        Expect::ReadOnly { schema, en, zh } => {
            if loaded.report.newer_schema != Some(*schema) || store.read_only() != Some(*schema) {
                return Err(format!(
                    "newer schema {:?}; expected {schema}",
                    loaded.report.newer_schema
                ));
            }
            unchanged(&before, &after)?;
            match store.put(&Key::Settings, &Settings::default()) {
                Err(StorageError::ReadOnly(s)) if s == *schema => {}
                other => return Err(format!("a save gave {other:?}; expected read-only")),
            }
            unchanged(&before, &store.backend().inner.snapshot())?;
            let n = schema.to_string();
            let banner = |l: Locale| fill(texts(l).banner_read_only, &[("schema", &n)]);
            check_both(&banner(Locale::En), &banner(Locale::ZhCn), en, zh)?;
            let err = StorageError::ReadOnly(*schema);
            check_both(
                &describe_storage_error(Locale::En, &err),
                &describe_storage_error(Locale::ZhCn, &err),
                en,
                zh,
            )
        }
        other => Err(format!("{other:?} is not an outcome of a stored value")),
    }
}
