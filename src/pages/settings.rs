//! Settings → Data: storage used, export, import with preview, reset with undo.

use crate::components::TextField;
use crate::dom;
use crate::domain::clock::{SlaError, SlaSettings};
use crate::i18n::{describe_import_error, describe_storage_error, fill, format, texts};
use crate::state::use_app_state;
use crate::storage::backup::{ImportError, ImportPlan};
use crate::storage::QUOTA_BYTES;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <h1>{t.nav_settings}</h1>
        <section aria-labelledby="settings-language">
            <h2 id="settings-language">{t.settings_language_title}</h2>
            <p>{t.settings_language_hint}</p>
        </section>
        <SlaSection/>
        <DataSection/>
    }
}

/// The team's follow-up time standards: the first-follow-up deadline and the reminder.
#[component]
fn SlaSection() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    let error = RwSignal::new(None::<SlaError>);
    let field = move |label: &'static str,
                      get: fn(&SlaSettings) -> u32,
                      set: fn(&mut SlaSettings, u32)| {
        let value = Signal::derive(move || state.settings.with(|s| get(&s.sla).to_string()));
        let commit = Callback::new(move |text: String| {
            let mut sla = state.settings.with_untracked(|s| s.sla);
            // Not a whole number: the same message as one out of range.
            set(&mut sla, text.trim().parse().unwrap_or(0));
            error.set(state.set_sla(sla).err());
        });
        view! { <TextField label value on_commit=commit kind="number" disabled=Signal::derive(move || state.read_only().is_some())/> }
    };
    let message = move || {
        error.get().map(|e| match e {
            SlaError::FollowUpHoursOutOfRange { max } => {
                fill(t.sla_error_range, &[("max", &max.to_string())])
            }
            SlaError::ReminderNotBeforeDeadline { .. } => t.sla_error_reminder.to_owned(),
        })
    };
    view! {
        <section aria-labelledby="settings-sla">
            <h2 id="settings-sla">{t.sla_title}</h2>
            <p>{t.sla_hint}</p>
            <div class="form-grid">
                {field(t.sla_hours, |s| s.first_follow_up_hours, |s, v| s.first_follow_up_hours = v)}
                {field(t.sla_reminder, |s| s.reminder_after_hours, |s, v| s.reminder_after_hours = v)}
            </div>
            <p class="field-error" role="alert" data-testid="sla-error">{message}</p>
        </section>
    }
}

/// Storage use, backup export and import, and reset.
#[component]
fn DataSection() -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    // Recomputed when records change while the page is open.
    let usage = Memo::new(move |_| {
        state.deals.track();
        state.settings.track();
        state.store().usage().ok()
    });
    let usage_text = move || {
        usage.get().map(|u| {
            fill(
                t.storage_used,
                &[
                    ("used", &format::bytes(locale(), u.total)),
                    ("quota", &format::bytes(locale(), QUOTA_BYTES)),
                    (
                        "percent",
                        &format::percent(locale(), u.total as f64, QUOTA_BYTES as f64),
                    ),
                ],
            )
        })
    };
    let records_text = move || {
        fill(
            t.storage_records,
            &[(
                "deals",
                &format::integer(locale(), state.deals.with(|m| m.len()) as i64),
            )],
        )
    };
    let in_quarantine = move || {
        state.report.with(|r| {
            r.in_quarantine
                + r.quarantined
                    .iter()
                    .filter(|q| q.moved_to.is_some())
                    .count()
        })
    };

    let export_error = RwSignal::new(None::<String>);
    let export = move |_| match state.export_backup() {
        Ok(()) => export_error.set(None),
        Err(e) => export_error.set(Some(describe_storage_error(locale(), &e))),
    };

    // Import: a plan to preview, or the reason the file was rejected.
    let plan = RwSignal::new(None::<ImportPlan>);
    let import_error = RwSignal::new(None::<ImportError>);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_file = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        plan.set(None);
        import_error.set(None);
        if file.size() > crate::storage::backup::MAX_IMPORT_BYTES as f64 {
            import_error.set(Some(ImportError::TooLarge {
                bytes: file.size() as usize,
                max: crate::storage::backup::MAX_IMPORT_BYTES,
            }));
            return;
        }
        spawn_local(async move {
            match dom::read_text(file).await {
                Ok(text) => match state.store().plan_import(&text) {
                    Ok(p) => plan.set(Some(p)),
                    Err(e) => import_error.set(Some(e)),
                },
                Err(e) => import_error.set(Some(ImportError::Unreadable(e))),
            }
        });
    };
    let clear_file = move || {
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let apply = move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        match state.store().apply_import(&p) {
            Ok(()) => {
                // Told before the reload, which may tell of leads it renumbered instead.
                state.toast.set(Some(crate::state::Toast {
                    message: t.import_done.into(),
                    undo: None,
                }));
                state.reload();
                plan.set(None);
                clear_file();
            }
            Err(e) => import_error.set(Some(ImportError::Storage(e))),
        }
    };
    let cancel_import = move |_| {
        plan.set(None);
        clear_file();
    };
    let preview = move || {
        plan.get().map(|p| {
            let sum = |m: &std::collections::BTreeMap<_, usize>| m.values().sum::<usize>().to_string();
            let summary = if p.is_empty() {
                t.import_nothing.to_owned()
            } else {
                fill(t.import_preview, &[("added", &sum(&p.added)), ("updated", &sum(&p.updated)), ("unchanged", &p.unchanged.to_string())])
            };
            let skipped = (p.skipped > 0).then(|| fill(t.import_skipped, &[("n", &p.skipped.to_string())]));
            let empty = p.is_empty();
            view! {
                <div class="import-preview" role="region" aria-label=t.import_backup data-testid="import-preview">
                    <p>{summary}</p>
                    {skipped.map(|s| view! { <p>{s}</p> })}
                    <button type="button" class="primary" disabled=empty on:click=apply>{t.import_confirm}</button>
                    <button type="button" on:click=cancel_import>{t.cancel}</button>
                </div>
            }
        })
    };
    let import_error_text = move || {
        import_error.get().map(|e| {
            fill(
                t.import_failed,
                &[("reason", &describe_import_error(locale(), &e))],
            )
        })
    };

    let confirming_reset = RwSignal::new(false);
    let reset_error = RwSignal::new(None::<String>);
    let reset = move |_| {
        confirming_reset.set(false);
        match state.reset(t.reset_done.into()) {
            Ok(()) => reset_error.set(None),
            Err(e) => reset_error.set(Some(describe_storage_error(locale(), &e))),
        }
    };

    view! {
        <section aria-labelledby="settings-data">
            <h2 id="settings-data">{t.settings_data_title}</h2>
            <p>{t.settings_data_hint}</p>
            <p data-testid="storage-used">{usage_text}</p>
            <p>{records_text}</p>
            <p data-testid="storage-persisted">{match crate::dom::html_data("persisted").as_deref() {
                Some("yes") => t.persist_yes,
                Some("no") => t.persist_no,
                _ => t.persist_unknown,
            }}</p>
            {move || {
                let n = in_quarantine();
                (n > 0).then(|| view! { <p>{fill(t.storage_quarantined, &[("n", &n.to_string())])}</p> })
            }}
            <p>
                <button type="button" on:click=export>{t.export_all}</button>
            </p>
            <p class="field-error" role="alert">{move || export_error.get()}</p>

            <h3>{t.import_backup}</h3>
            <label class="field">
                <span class="field-label">{t.import_choose_file}</span>
                <input type="file" accept=".json,application/json" node_ref=file_input on:change=on_file
                    disabled=move || state.read_only().is_some()/>
            </label>
            <p class="field-error" role="alert" data-testid="import-error">{import_error_text}</p>
            {preview}

            <h3>{t.reset_all}</h3>
            {move || if confirming_reset.get() {
                view! {
                    <div role="alertdialog" aria-labelledby="reset-warning" class="confirm">
                        <p id="reset-warning">{t.reset_warning}</p>
                        <button type="button" on:click=export>{t.export_all}</button>
                        <button type="button" class="danger" on:click=reset>{t.reset_confirm}</button>
                        <button type="button" on:click=move |_| confirming_reset.set(false)>{t.cancel}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="danger" disabled=move || state.read_only().is_some()
                        on:click=move |_| confirming_reset.set(true)>
                        {t.reset_all}
                    </button>
                }.into_any()
            }}
            <p class="field-error" role="alert">{move || reset_error.get()}</p>
        </section>
    }
}
