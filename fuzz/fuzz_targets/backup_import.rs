//! Backup import (`Store::plan_import`, then `Store::apply_import`) over an in-memory store
//! seeded with a little real data. Never panics, and:
//! - a rejected import leaves storage exactly as it was: a plan that fails, and an apply that
//!   fails half way on a store whose quota the import may exceed (so the rollback runs);
//! - with room to spare a planned import applies; importing the same file again then changes
//!   nothing, the store's export imports back as a no-op, and a load reads every record
//!   (nothing imported is quarantined, nothing makes the store read-only).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sales_playbook::domain::deal::Deal;
use sales_playbook::domain::settings::Settings;
use sales_playbook::domain::training::{Drill, Trainee};
use sales_playbook::domain::{Id, Locale};
use sales_playbook::storage::{stored_bytes, Backend, Key, MemoryBackend, Store};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const NOW_MILLIS: i64 = 1_790_000_000_000;

/// What a browser in use holds: settings, two deals, a trainee, a drill, a quarantined value
/// and another app's key. Built once; each run copies it into a fresh backend.
fn seed() -> &'static BTreeMap<String, String> {
    static SEED: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    SEED.get_or_init(|| {
        let now = fuzz_common::now();
        let store = Store::new(MemoryBackend::new());
        let settings = Settings {
            locale: Some(Locale::ZhCn),
            user_name: "王芳".into(),
            ..Default::default()
        };
        store.put(&Key::Settings, &settings).expect("room");
        for (n, customer) in [(1, "Acme"), (2, "华东机械有限公司")] {
            let mut deal =
                Deal::new(Id::generate(NOW_MILLIS, n), customer, &[], now).expect("valid");
            deal.number = format!("L-{n:04}");
            deal.phone = "+86 138 0013 8000".into();
            store.put(&Key::Deal(deal.id.clone()), &deal).expect("room");
        }
        let trainee = Trainee {
            id: Id::generate(NOW_MILLIS, 3),
            name: "Li Lei".into(),
            role: Default::default(),
            team: "East".into(),
            start_date: None,
        };
        store
            .put(&Key::Trainee(trainee.id.clone()), &trainee)
            .expect("room");
        let drill = Drill {
            id: Id::generate(NOW_MILLIS, 4),
            trainee: trainee.id.clone(),
            industry: Default::default(),
            started_at: now,
            finished_at: None,
            scores: vec![],
        };
        store
            .put(&Key::Drill(drill.id.clone()), &drill)
            .expect("room");
        let backend = store.backend();
        backend
            .set("sp:quarantine:deal:x-1@5", "{\"broken")
            .expect("room");
        backend.set("other-app", "theirs").expect("room");
        backend.snapshot()
    })
}

/// A store holding [`seed`] over `backend`.
fn seeded(backend: MemoryBackend) -> Store<MemoryBackend> {
    for (key, value) in seed() {
        backend.set(key, value).expect("room for the seed");
    }
    Store::new(backend)
}

/// Bytes the seed takes, as the quota counts them.
fn seed_bytes() -> usize {
    seed().iter().map(|(k, v)| stored_bytes(k, v)).sum()
}

fuzz_target!(|data: &[u8]| {
    let text = fuzz_common::text(data);
    let store = seeded(MemoryBackend::new());
    let before = seed();

    let plan = match store.plan_import(text) {
        Err(_) => {
            assert_eq!(&store.backend().snapshot(), before, "a rejected plan wrote");
            return;
        }
        Ok(plan) => plan,
    };
    assert_eq!(&store.backend().snapshot(), before, "planning wrote");
    if plan.is_empty() {
        return;
    }

    // A quota the import may not fit in: a failed apply must undo every write.
    let room = 64 * (text.len() % 97);
    let tight = seeded(MemoryBackend::new().with_quota(seed_bytes() + room));
    if let Ok(plan) = tight.plan_import(text) {
        if let Err(e) = tight.apply_import(&plan) {
            assert_eq!(
                &tight.backend().snapshot(),
                before,
                "a failed apply ({e}) was not undone"
            );
        }
    }

    // Plenty of room: the import applies whole.
    store
        .apply_import(&plan)
        .expect("an import with room to spare applies");
    let again = store
        .plan_import(text)
        .expect("an imported file plans again");
    assert!(again.is_empty(), "a second import would change {again:?}");
    let export = store.export(fuzz_common::now()).expect("exports");
    let json = sales_playbook::json::to_string(&export);
    let replay = store.plan_import(&json).expect("an export imports");
    assert!(
        replay.is_empty(),
        "re-importing an export changes {replay:?}"
    );
    let loaded = store.load(NOW_MILLIS).expect("loads");
    assert!(
        loaded.report.quarantined.is_empty(),
        "imported records do not load: {:?}\ninput: {text:?}",
        loaded.report.quarantined
    );
    assert_eq!(
        loaded.report.newer_schema, None,
        "an import made the store read-only"
    );
});
