//! Native tests of the storage layer over an in-memory backend: envelope, migrations,
//! quarantine, read-only protection, quota and disabled storage, cross-tab changes, backups.

use chrono::{TimeZone, Utc};
use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::settings::Settings;
use sales_playbook::domain::{Id, Locale, Timestamp};
use sales_playbook::storage::backup::ImportError;
use sales_playbook::storage::keys::Kind;
use sales_playbook::storage::{Change, Key, MemoryBackend, StorageError, Store};

const NOW: i64 = 1_790_000_000_000;

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn deal(n: u64, customer: &str) -> Deal {
    Deal::new(Id::generate(NOW, n), customer, &[], now()).unwrap()
}

fn store_with(entries: &[(&str, &str)]) -> Store<MemoryBackend> {
    let backend = MemoryBackend::new();
    for (k, v) in entries {
        sales_playbook::storage::Backend::set(&backend, k, v).unwrap();
    }
    Store::new(backend)
}

#[test]
fn empty_storage_loads_defaults_and_records_the_schema() {
    let store = store_with(&[]);
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.settings, Settings::default());
    assert!(loaded.deals.is_empty());
    assert_eq!(loaded.report, Default::default());
    let meta = store.backend().snapshot()["sp:meta"].clone();
    assert!(meta.contains(r#""schema":1"#), "{meta}");
}

#[test]
fn saved_deals_and_settings_load_back() {
    let store = store_with(&[]);
    let (a, b) = (deal(1, "Acme"), deal(2, "华为供应商"));
    store.put(&Key::Deal(a.id.clone()), &a).unwrap();
    store.put(&Key::Deal(b.id.clone()), &b).unwrap();
    let settings = Settings {
        locale: Some(Locale::ZhCn),
        user_name: "Wang".into(),
        ..Default::default()
    };
    store.put(&Key::Settings, &settings).unwrap();

    let reopened = Store::new(MemoryBackend::new());
    for (k, v) in store.backend().snapshot() {
        sales_playbook::storage::Backend::set(reopened.backend(), &k, &v).unwrap();
    }
    let loaded = reopened.load(NOW).unwrap();
    assert_eq!(loaded.settings, settings);
    let mut customers: Vec<_> = loaded.deals.iter().map(|d| d.customer.as_str()).collect();
    customers.sort();
    assert_eq!(customers, ["Acme", "华为供应商"]);
}

#[test]
fn saving_one_deal_writes_only_that_deals_key() {
    let store = store_with(&[]);
    let deals: Vec<Deal> = (0..50).map(|i| deal(i, &format!("Customer {i}"))).collect();
    for d in &deals {
        store.put(&Key::Deal(d.id.clone()), d).unwrap();
    }
    let before = store.backend().snapshot();
    let mut edited = deals[7].clone();
    edited.notes = "Called, wants a demo".into();
    store.put(&Key::Deal(edited.id.clone()), &edited).unwrap();
    let after = store.backend().snapshot();
    let changed: Vec<_> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(changed, [Key::Deal(edited.id).as_string()]);
}

#[test]
fn unparseable_value_is_quarantined_and_everything_else_loads() {
    let good = deal(1, "Good Co");
    let good_raw = sales_playbook::storage::envelope::encode(&good);
    let good_key = Key::Deal(good.id.clone()).as_string();
    let store = store_with(&[
        (&good_key, &good_raw),
        ("sp:deal:bad-1", r#"{"schema":1,"data":{"id":"bad-1","cust"#),
    ]);
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.deals, vec![good]);
    let q = &loaded.report.quarantined;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].key, "sp:deal:bad-1");
    let moved = q[0].moved_to.clone().expect("moved to quarantine");
    let snap = store.backend().snapshot();
    assert_eq!(
        snap[&moved], r#"{"schema":1,"data":{"id":"bad-1","cust"#,
        "raw value kept verbatim"
    );
    assert!(!snap.contains_key("sp:deal:bad-1"));
    // The next load counts it as set aside and does not report it again.
    let again = store.load(NOW + 1).unwrap();
    assert!(again.report.quarantined.is_empty());
    assert_eq!(again.report.in_quarantine, 1);
}

#[test]
fn value_of_the_wrong_shape_is_quarantined_not_defaulted() {
    let store = store_with(&[("sp:settings", r#"{"schema":1,"data":{"locale":42}}"#)]);
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.report.quarantined.len(), 1);
    assert_eq!(loaded.settings, Settings::default());
}

#[test]
fn bad_value_stays_in_place_when_storage_is_too_full_to_quarantine_it() {
    let backend = MemoryBackend::new().with_quota(200);
    sales_playbook::storage::Backend::set(&backend, "sp:deal:bad-1", &"x".repeat(60)).unwrap();
    let store = Store::new(backend);
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.report.quarantined[0].moved_to, None);
    assert_eq!(store.backend().snapshot()["sp:deal:bad-1"], "x".repeat(60));
}

#[test]
fn newer_schema_record_makes_the_store_read_only_and_nothing_is_written() {
    let newer = r#"{"schema":2,"data":{"id":"n-1","customer":"From the future","assigned_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","pipeline":"x"}}"#;
    let store = store_with(&[
        ("sp:deal:n-1", newer),
        ("sp:deal:bad-1", "{oops"),
        ("sp:settings", r#"{"locale":"en"}"#),
    ]);
    let before = store.backend().snapshot();
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.report.newer_schema, Some(2));
    assert_eq!(loaded.deals.len(), 1, "newer record shown read-only");
    assert_eq!(
        loaded.report.quarantined[0].moved_to, None,
        "nothing moved while read-only"
    );
    assert_eq!(
        store.backend().snapshot(),
        before,
        "storage byte-for-byte unchanged"
    );
    let d = deal(9, "New");
    assert_eq!(
        store.put(&Key::Deal(d.id.clone()), &d),
        Err(StorageError::ReadOnly(2))
    );
    assert_eq!(store.reset(), Err(StorageError::ReadOnly(2)));
    assert_eq!(store.backend().snapshot(), before);
}

#[test]
fn newer_meta_alone_makes_the_store_read_only() {
    let store = store_with(&[("sp:meta", r#"{"schema":3,"data":{"app":"9.0.0"}}"#)]);
    assert_eq!(store.load(NOW).unwrap().report.newer_schema, Some(3));
    assert_eq!(
        store.put(&Key::Settings, &Settings::default()),
        Err(StorageError::ReadOnly(3))
    );
}

#[test]
fn schema_0_values_are_migrated_and_written_back_in_the_current_envelope() {
    let store = store_with(&[
        ("sp:settings", r#"{"locale":"zh-CN","user_name":"Li"}"#),
        (
            "sp:deal:old-1",
            r#"{"id":"old-1","customer":"Old Co","assigned_at":"2025-05-01T00:00:00Z","updated_at":"2025-05-01T00:00:00Z"}"#,
        ),
    ]);
    let loaded = store.load(NOW).unwrap();
    assert_eq!(loaded.report.migrated, 2);
    assert_eq!(loaded.settings.locale, Some(Locale::ZhCn));
    assert_eq!(loaded.deals[0].customer, "Old Co");
    let snap = store.backend().snapshot();
    assert!(snap["sp:settings"].contains(r#""schema":1"#));
    assert!(snap["sp:deal:old-1"].contains(r#""schema":1"#));
    assert_eq!(store.load(NOW).unwrap().report.migrated, 0, "migrated once");
}

#[test]
fn keys_of_other_apps_and_unknown_collections_are_left_alone() {
    let store = store_with(&[("theme", "dark"), ("sp:goal:g-1", "{}")]);
    store.load(NOW).unwrap();
    let snap = store.backend().snapshot();
    assert_eq!(snap["theme"], "dark");
    assert_eq!(snap["sp:goal:g-1"], "{}");
}

#[test]
fn a_save_over_quota_fails_with_quota_and_keeps_the_stored_value() {
    let store = Store::new(MemoryBackend::new().with_quota(2_000));
    let mut d = deal(1, "Acme");
    store.put(&Key::Deal(d.id.clone()), &d).unwrap();
    let before = store.backend().snapshot();
    d.notes = "n".repeat(5_000);
    assert_eq!(
        store.put(&Key::Deal(d.id.clone()), &d),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(store.backend().snapshot(), before);
}

#[test]
fn disabled_storage_fails_to_load_with_unavailable() {
    let backend = MemoryBackend::new();
    backend.disable();
    assert!(matches!(
        Store::new(backend).load(NOW),
        Err(StorageError::Unavailable(_))
    ));
}

#[test]
fn changes_from_other_tabs_decode_to_what_changed() {
    let store = store_with(&[]);
    let d = deal(1, "Acme");
    let key = Key::Deal(d.id.clone()).as_string();
    let raw = sales_playbook::storage::envelope::encode(&d);
    assert_eq!(
        store.decode_change(Some(&key), Some(&raw)),
        Change::Deal(d.id.clone(), Some(d.clone()))
    );
    assert_eq!(
        store.decode_change(Some(&key), None),
        Change::Deal(d.id.clone(), None)
    );
    assert_eq!(store.decode_change(None, None), Change::Reload);
    assert_eq!(
        store.decode_change(Some("other-app"), Some("x")),
        Change::Ignored
    );
    assert_eq!(
        store.decode_change(Some(&key), Some("{bad")),
        Change::Unreadable(key.clone())
    );
    assert_eq!(
        store.decode_change(Some("sp:meta"), Some(r#"{"schema":5,"data":{}}"#)),
        Change::Newer(5)
    );
    assert_eq!(
        store.read_only(),
        Some(5),
        "a newer tab makes this one stop writing"
    );
}

#[test]
fn usage_counts_utf16_bytes_of_our_keys_and_of_all_keys() {
    let store = store_with(&[("sp:settings", "{}"), ("other", "字")]);
    let u = store.usage().unwrap();
    assert_eq!(u.ours, 2 * ("sp:settings".len() + 2));
    assert_eq!(u.total, u.ours + 2 * ("other".len() + 1));
}

#[test]
fn reset_removes_all_app_data_and_restore_undoes_it() {
    let store = store_with(&[("theme", "dark")]);
    let d = deal(1, "Acme");
    store.put(&Key::Deal(d.id.clone()), &d).unwrap();
    store.put(&Key::Settings, &Settings::default()).unwrap();
    let before = store.backend().snapshot();
    let removed = store.reset().unwrap();
    assert_eq!(
        store.backend().snapshot().keys().collect::<Vec<_>>(),
        ["theme"]
    );
    store.restore(&removed).unwrap();
    assert_eq!(store.backend().snapshot(), before);
}

// ---- backups ----

fn filled_store() -> Store<MemoryBackend> {
    let store = store_with(&[]);
    for (i, name) in ["Acme", "上海精工机械", "Bistro & Co <b>"]
        .iter()
        .enumerate()
    {
        let d = deal(i as u64, name);
        store.put(&Key::Deal(d.id.clone()), &d).unwrap();
    }
    store
        .put(
            &Key::Settings,
            &Settings {
                locale: Some(Locale::ZhCn),
                user_name: "Zhang".into(),
                ..Default::default()
            },
        )
        .unwrap();
    store.load(NOW).unwrap();
    store
}

fn export_text(store: &Store<MemoryBackend>) -> String {
    sales_playbook::json::to_string_pretty(&store.export(now()).unwrap())
}

#[test]
fn a_backup_imported_into_a_clean_browser_restores_identical_records() {
    let source = filled_store();
    let text = export_text(&source);
    let target = store_with(&[]);
    let plan = target.plan_import(&text).unwrap();
    assert_eq!(plan.added.get(&Kind::Deal), Some(&3));
    assert_eq!(plan.added.get(&Kind::Settings), Some(&1));
    target.apply_import(&plan).unwrap();
    target.load(NOW).unwrap();
    assert_eq!(target.raw_entries().unwrap(), source.raw_entries().unwrap());
}

#[test]
fn import_preview_counts_added_updated_and_unchanged() {
    let source = filled_store();
    let target = filled_store_copy(&source);
    let mut d = source.load(NOW).unwrap().deals.remove(0);
    d.notes = "changed".into();
    source.put(&Key::Deal(d.id.clone()), &d).unwrap();
    let extra = deal(99, "Extra");
    source.put(&Key::Deal(extra.id.clone()), &extra).unwrap();
    let plan = target.plan_import(&export_text(&source)).unwrap();
    assert_eq!(plan.added.get(&Kind::Deal), Some(&1));
    assert_eq!(plan.updated.get(&Kind::Deal), Some(&1));
    assert_eq!(plan.unchanged, 3, "two deals and the settings");
    assert!(!plan.is_empty());
    assert!(target
        .plan_import(&export_text(&target))
        .unwrap()
        .is_empty());
}

fn filled_store_copy(source: &Store<MemoryBackend>) -> Store<MemoryBackend> {
    let copy = store_with(&[]);
    for (k, v) in source.backend().snapshot() {
        sales_playbook::storage::Backend::set(copy.backend(), &k, &v).unwrap();
    }
    copy
}

#[test]
fn invalid_backups_are_rejected_with_a_reason_and_change_nothing() {
    let target = filled_store();
    let before = target.backend().snapshot();
    let good = export_text(&filled_store());
    type Check = fn(&ImportError) -> bool;
    let cases: Vec<(String, Check)> = vec![
        ("{not json".into(), |e| matches!(e, ImportError::NotJson { .. })),
        (r#"{"hello":"world"}"#.into(), |e| matches!(e, ImportError::NotABackup { .. })),
        ("[]".into(), |e| matches!(e, ImportError::NotABackup { .. })),
        (good.replace(r#""schema": 1,"#, r#""schema": 9,"#), |e| matches!(e, ImportError::Newer(9))),
        (
            r#"{"format":"sales-playbook-backup","schema":1,"exported_at":"2026-11-23T00:00:00Z","records":{"sp:deal:a-1":{"schema":1,"data":{"id":"a-1"}}}}"#.into(),
            |e| matches!(e, ImportError::BadRecord { key, .. } if key == "sp:deal:a-1"),
        ),
        (
            r#"{"format":"sales-playbook-backup","schema":1,"exported_at":"2026-11-23T00:00:00Z","records":{"sp:deal:a-1":{"schema":1,"data":{"id":"b-2","customer":"X","assigned_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}}}}"#.into(),
            |e| matches!(e, ImportError::BadRecord { reason, .. } if reason.contains("b-2")),
        ),
        (
            r#"{"format":"sales-playbook-backup","schema":1,"exported_at":"2026-11-23T00:00:00Z","records":{"sp:../../etc":{}}}"#.into(),
            |e| matches!(e, ImportError::BadRecord { .. }),
        ),
        (format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)), |e| matches!(e, ImportError::NotJson { .. })),
        (" ".repeat(9 * 1024 * 1024), |e| matches!(e, ImportError::TooLarge { .. })),
    ];
    for (text, expected) in cases {
        let err = target.plan_import(&text).expect_err("must be rejected");
        assert!(
            expected(&err),
            "unexpected error {err:?} for {}",
            &text[..text.len().min(80)]
        );
        assert_eq!(target.backend().snapshot(), before);
    }
}

#[test]
fn an_import_that_runs_out_of_space_half_way_is_rolled_back() {
    let source = filled_store();
    let text = export_text(&source);
    let used: usize = target_bytes(&filled_store_copy(&source));
    let target = Store::new(MemoryBackend::new().with_quota(used / 2));
    let keep = deal(50, "Keep me");
    target.put(&Key::Deal(keep.id.clone()), &keep).unwrap();
    let before = target.backend().snapshot();
    let plan = target.plan_import(&text).unwrap();
    assert_eq!(target.apply_import(&plan), Err(StorageError::QuotaExceeded));
    assert_eq!(target.backend().snapshot(), before);
}

fn target_bytes(store: &Store<MemoryBackend>) -> usize {
    store.usage().unwrap().total
}

#[test]
fn export_keeps_quarantined_values_verbatim() {
    let store = store_with(&[("sp:deal:bad-1", "{broken")]);
    store.load(NOW).unwrap();
    let backup = store.export(now()).unwrap();
    assert_eq!(backup.unread.values().collect::<Vec<_>>(), ["{broken"]);
    let plan = store_with(&[])
        .plan_import(&sales_playbook::json::to_string(&backup))
        .unwrap();
    assert_eq!(plan.skipped, 1);
}
