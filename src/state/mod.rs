//! The reactive app state: built from storage once at start, changed only through the
//! operations here, each of which saves exactly the record it changed.

use crate::domain::clock::{SlaError, SlaSettings};
use crate::domain::deal::{Deal, DealError};
use crate::domain::playbook::Playbook;
use crate::domain::settings::Settings;
use crate::domain::timeline::{DealEvent, EventKind};
use crate::domain::{Id, Locale, Timestamp};
use crate::routes::Route;
use crate::storage::web::open_or_memory;
use crate::storage::{Backend, Key, LoadReport, StorageError, Store};
use chrono::{Datelike, TimeZone, Utc};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

mod other_tabs;

/// The store the app writes through.
pub type AppStore = Rc<Store<Box<dyn Backend>>>;

/// Something to tell the user briefly, with an optional way back.
#[derive(Clone, Debug)]
pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
}

/// Whether the default playbook has arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentStatus {
    Loading,
    Ready,
    Failed(String),
}

/// What an undo puts back.
#[derive(Clone, Debug)]
pub enum Undo {
    Deal(Box<Deal>),
    Entries(Vec<(String, String)>),
}

/// All reactive state, shared through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub settings: RwSignal<Settings>,
    /// The browser's preferred language, read once at start.
    pub browser_locale: Locale,
    pub deals: RwSignal<BTreeMap<Id, Deal>>,
    /// The playbook the team follows (the built-in default until packs and authoring land).
    pub playbook: RwSignal<Playbook>,
    pub content: RwSignal<ContentStatus>,
    /// What the last load found (quarantined values, newer schema).
    pub report: RwSignal<LoadReport>,
    /// Why storage cannot be used at all, when it cannot.
    pub unavailable: RwSignal<Option<StorageError>>,
    /// Keys whose latest change is only in memory, and the last error saving them.
    pub unsaved: RwSignal<BTreeSet<Key>>,
    pub save_error: RwSignal<Option<StorageError>>,
    /// Deals changed by another tab since this tab last showed them.
    pub changed_elsewhere: RwSignal<BTreeSet<Id>>,
    pub toast: RwSignal<Option<Toast>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The lead list's filters and order, kept in memory until the page is reloaded.
    pub lead_choices: RwSignal<crate::domain::deal_list::Choices>,
    /// The leads this tab added, which it renumbers if another tab gave one the same number.
    added_here: StoredValue<BTreeSet<Id>>,
    /// The dashboard's period ("week", "month" or "quarter"), owner and industry code (empty
    /// for all), kept like the lead list's: a language switch or a look at a deal keeps them.
    pub dashboard: (
        RwSignal<&'static str>,
        RwSignal<String>,
        RwSignal<&'static str>,
    ),
    store: StoredValue<AppStore, LocalStorage>,
}

/// The state from context; every component below `App` has it.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// The current time, read at the UI edge and passed into domain code.
pub fn now() -> Timestamp {
    Utc.timestamp_millis_opt(js_sys::Date::now() as i64)
        .single()
        .unwrap_or_default()
}

/// The time, brought up to date every 30 seconds while the calling view is shown: deadlines
/// turn due soon and overdue on screen without a reload.
pub fn ticking_now() -> ReadSignal<Timestamp> {
    let (time, set_time) = signal(now());
    let tick = set_interval_with_handle(
        move || set_time.set(now()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(tick) = tick {
            tick.clear();
        }
    });
    time
}

fn random_u64() -> u64 {
    (js_sys::Math::random() * 2f64.powi(52)) as u64
}

/// A new record id, made at `now`.
fn new_id(now: Timestamp) -> Id {
    Id::generate(now.timestamp_millis(), random_u64())
}

impl AppState {
    /// Loads everything from localStorage (or memory, when the browser forbids storage).
    pub fn load(browser_locale: Locale) -> AppState {
        let (backend, unavailable) = open_or_memory();
        let store: AppStore = Rc::new(Store::new(backend));
        let state = AppState {
            route: RwSignal::new(Route::Playbook),
            settings: RwSignal::new(Settings::default()),
            browser_locale,
            deals: RwSignal::new(BTreeMap::new()),
            playbook: RwSignal::new(Playbook::default()),
            content: RwSignal::new(ContentStatus::Loading),
            report: RwSignal::new(LoadReport::default()),
            unavailable: RwSignal::new(unavailable),
            unsaved: RwSignal::new(BTreeSet::new()),
            save_error: RwSignal::new(None),
            changed_elsewhere: RwSignal::new(BTreeSet::new()),
            toast: RwSignal::new(None),
            update_ready: RwSignal::new(crate::dom::html_data("update").is_some()),
            lead_choices: RwSignal::new([0; 7]),
            added_here: StoredValue::new(BTreeSet::new()),
            dashboard: (
                RwSignal::new("week"),
                RwSignal::new(String::new()),
                RwSignal::new(""),
            ),
            store: StoredValue::new_local(store),
        };
        state.reload();
        state.load_content();
        state
    }

    /// Fetches the default playbook served next to the app.
    pub fn load_content(&self) {
        let (playbook, content) = (self.playbook, self.content);
        content.set(ContentStatus::Loading);
        leptos::task::spawn_local(async move {
            let mut files = BTreeMap::new();
            for part in crate::content::PARTS {
                match crate::dom::fetch_text(&crate::content::url(part)).await {
                    Ok(text) => {
                        files.insert(part, text);
                    }
                    Err(reason) => {
                        content.set(ContentStatus::Failed(format!("{part}.json: {reason}")));
                        return;
                    }
                }
            }
            match crate::content::assemble(|part| files.get(part).cloned()) {
                Ok(p) => {
                    playbook.set(p);
                    content.set(ContentStatus::Ready);
                }
                Err(e) => content.set(ContentStatus::Failed(e.to_string())),
            }
        });
    }

    /// Reads all records again (at start, after an import, or when another tab reset data).
    pub fn reload(&self) {
        let store = self.store();
        match store.load(now().timestamp_millis()) {
            Ok(loaded) => {
                self.settings.set(loaded.settings);
                self.deals.set(
                    loaded
                        .deals
                        .into_iter()
                        .map(|d| (d.id.clone(), d))
                        .collect(),
                );
                self.report.set(loaded.report);
                // Leads that came to share a number (a tab closed before it heard of the
                // other's lead; a backup from another laptop): the later one is renumbered.
                if self.report.with_untracked(|r| r.newer_schema.is_none()) {
                    self.renumber_clashes(true);
                }
            }
            Err(e) => self.unavailable.set(Some(e)),
        }
    }

    pub fn store(&self) -> AppStore {
        self.store.get_value()
    }

    /// The UI language.
    pub fn locale(&self) -> Locale {
        self.settings
            .with(|s| s.effective_locale(self.browser_locale))
    }

    /// Whether writes are refused because newer data is present.
    pub fn read_only(&self) -> Option<u32> {
        self.report.with(|r| r.newer_schema)
    }

    /// Writes the in-memory value of `key` (or removes it when it is gone from memory).
    /// On failure the change stays in memory and is listed as unsaved.
    fn persist(&self, key: Key) {
        let store = self.store();
        let result = match &key {
            Key::Settings => store.put(&key, &self.settings.get_untracked()),
            Key::Deal(id) => match self.deals.with_untracked(|m| m.get(id).cloned()) {
                Some(deal) => store.put(&key, &deal),
                None => store.delete(&key),
            },
            _ => Ok(()),
        };
        match result {
            Ok(()) => {
                self.unsaved.update(|u| {
                    u.remove(&key);
                });
                if self.unsaved.with_untracked(BTreeSet::is_empty) {
                    self.save_error.set(None);
                }
            }
            Err(e) => {
                self.unsaved.update(|u| {
                    u.insert(key);
                });
                self.save_error.set(Some(e));
            }
        }
    }

    /// Tries again to save every change that failed to save.
    pub fn retry_unsaved(&self) {
        for key in self.unsaved.get_untracked() {
            self.persist(key);
        }
    }

    pub fn set_locale(&self, locale: Locale) {
        self.settings.update(|s| s.locale = Some(locale));
        self.persist(Key::Settings);
    }

    /// Saves the team's follow-up standards when they make sense.
    pub fn set_sla(&self, sla: SlaSettings) -> Result<(), SlaError> {
        sla.validate()?;
        self.settings.update(|s| s.sla = sla);
        self.persist(Key::Settings);
        Ok(())
    }

    /// Adds a lead for `customer`, assigned now; returns its id.
    pub fn add_deal(&self, customer: &str) -> Result<Id, DealError> {
        let now = now();
        let id = new_id(now);
        let deal = self.deals.with_untracked(|m| {
            let existing: Vec<&Deal> = m.values().collect();
            Deal::new(id.clone(), customer, &existing, now)
        })?;
        self.deals.update(|m| {
            m.insert(id.clone(), deal);
        });
        self.added_here.update_value(|a| {
            a.insert(id.clone());
        });
        self.persist(Key::Deal(id.clone()));
        Ok(id)
    }

    /// Changes one deal with `edit`, applied to its latest version (so an edit here never
    /// reverts fields another tab changed meanwhile), and saves it. A change of stage, status
    /// or grade goes into the deal's history.
    pub fn edit_deal(&self, id: &Id, edit: impl FnOnce(&mut Deal)) {
        let mut edit = Some(edit);
        self.edit_deal_with(id, &mut |d| {
            if let Some(edit) = edit.take() {
                edit(d)
            }
        });
    }

    /// `edit_deal`, compiled once rather than for each kind of edit.
    fn edit_deal_with(&self, id: &Id, edit: &mut dyn FnMut(&mut Deal)) {
        let now = now();
        let mut apply = |deal: &mut Deal| {
            let before = deal.clone();
            edit(deal);
            let changed = *deal != before;
            if changed {
                deal.updated_at = now;
                let events = crate::domain::timeline::diff(&before, deal, now, || new_id(now));
                deal.history.extend(events);
            }
            changed
        };
        if self.deals.with_untracked(|m| m.contains_key(id)) {
            let mut changed = false;
            self.deals
                .update(|m| changed = m.get_mut(id).is_some_and(apply));
            if changed {
                self.persist(Key::Deal(id.clone()));
            }
        } else {
            // A lead deleted while its page was open: what is typed into it goes with it into
            // the notice, and its Undo puts the lead back with it. The notice itself is not
            // drawn again (its Undo button may be under the pointer), only the page that shows
            // the lead.
            let changed = self.toast.update_untracked(|t| match t {
                Some(Toast {
                    undo: Some(Undo::Deal(d)),
                    ..
                }) if d.id == *id => apply(d),
                _ => false,
            });
            if changed {
                self.deals.notify();
            }
        }
    }

    /// The lead the current notice offers to put back, if it is `id`.
    pub fn offered_back(&self, id: &Id) -> Option<Deal> {
        self.toast.with(|t| match t {
            Some(Toast {
                undo: Some(Undo::Deal(d)),
                ..
            }) if d.id == *id => Some((**d).clone()),
            _ => None,
        })
    }

    /// Adds an event of `kind`, happening now, to a deal's history.
    pub fn record(&self, id: &Id, kind: EventKind) {
        let now = now();
        self.edit_deal(id, |d| {
            d.record(DealEvent {
                id: new_id(now),
                at: now,
                kind,
            })
        });
    }

    /// Deletes a deal, offering to undo.
    pub fn delete_deal(&self, id: &Id, message: String) {
        let mut removed = None;
        self.deals.update(|m| removed = m.remove(id));
        if let Some(deal) = removed {
            self.persist(Key::Deal(id.clone()));
            self.toast.set(Some(Toast {
                message,
                undo: Some(Undo::Deal(Box::new(deal))),
            }));
        }
    }

    /// Puts back what the current toast offers to undo.
    pub fn undo(&self) {
        let Some(Toast {
            undo: Some(undo), ..
        }) = self.toast.get_untracked()
        else {
            return;
        };
        self.toast.set(None);
        match undo {
            Undo::Deal(deal) => {
                let key = Key::Deal(deal.id.clone());
                self.deals.update(|m| {
                    m.insert(deal.id.clone(), *deal);
                });
                self.persist(key);
            }
            Undo::Entries(entries) => match self.store().restore(&entries) {
                Ok(()) => self.reload(),
                Err(e) => self.save_error.set(Some(e)),
            },
        }
    }

    /// Removes every record of the app, offering to undo.
    pub fn reset(&self, message: String) -> Result<(), StorageError> {
        let removed = self.store().reset()?;
        self.reload();
        self.unsaved.set(BTreeSet::new());
        self.save_error.set(None);
        self.toast.set(Some(Toast {
            message,
            undo: Some(Undo::Entries(removed)),
        }));
        Ok(())
    }
}

impl AppState {
    /// Downloads everything stored (and what is only in memory, when saving failed) as one
    /// backup file. Unsaved changes are included, so the file is the way to keep them.
    pub fn export_backup(&self) -> Result<(), StorageError> {
        let now = now();
        let mut backup = self.store().export(now)?;
        for key in self.unsaved.get_untracked() {
            let envelope = match &key {
                Key::Settings => Some(crate::storage::envelope::encode(
                    &self.settings.get_untracked(),
                )),
                Key::Deal(id) => self
                    .deals
                    .with_untracked(|m| m.get(id).map(crate::storage::envelope::encode)),
                _ => None,
            };
            match envelope.and_then(|text| crate::json::parse(&text).ok()) {
                Some(v) => backup.records.insert(key.as_string(), v),
                None => backup.records.remove(&key.as_string()),
            };
        }
        let text = crate::json::to_string_pretty(&backup);
        let d = now.date_naive();
        // Plain formatting: chrono's strftime machinery would add to the wasm.
        let name = format!(
            "sales-playbook-backup-{:04}-{:02}-{:02}.json",
            d.year(),
            d.month(),
            d.day()
        );
        if crate::dom::download(&name, "application/json", &text) {
            Ok(())
        } else {
            Err(StorageError::Other(
                "the browser refused the download".into(),
            ))
        }
    }
}
