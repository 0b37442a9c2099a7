//! Banners above the page: a new version ready to load, and what storage could not do
//! (read-only newer data, values set aside, failed saves, storage not available). Each says
//! what happened and what to do.

use crate::i18n::{describe_storage_error, fill, texts};
use crate::state::use_app_state;
use leptos::prelude::*;

/// All storage banners, shown above the page while they apply.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let export = move |_| {
        if let Err(e) = state.export_backup() {
            state.save_error.set(Some(e));
        }
    };
    let export_button = move || {
        view! {
            <button type="button" on:click=export>{t.export_all}</button>
        }
    };
    let quarantined = RwSignal::new(true);
    view! {
        <div class="banners">
            {move || state.update_ready.get().then(|| view! {
                <div class="banner info" role="status" data-testid="banner-update">
                    <p>{t.update_ready}</p>
                    <button type="button" class="primary" on:click=|_| crate::dom::dispatch("sp-reload")>{t.reload}</button>
                </div>
            })}
            {move || state.read_only().map(|schema| view! {
                <div class="banner warning" role="alert" data-testid="banner-read-only">
                    <p>{fill(t.banner_read_only, &[("schema", &schema.to_string())])}</p>
                    {export_button()}
                </div>
            })}
            {move || state.unavailable.get().map(|e| view! {
                <div class="banner error" role="alert" data-testid="banner-unavailable">
                    <p>{fill(t.banner_unavailable, &[("reason", &describe_storage_error(locale(), &e))])}</p>
                    {export_button()}
                </div>
            })}
            {move || state.save_error.get().map(|e| view! {
                <div class="banner error" role="alert" data-testid="banner-save-failed">
                    <p>{fill(t.banner_save_failed, &[("reason", &describe_storage_error(locale(), &e))])}</p>
                    {export_button()}
                    <button type="button" on:click=move |_| state.retry_unsaved()>{t.retry}</button>
                </div>
            })}
            {move || {
                let n = state.report.with(|r| r.quarantined.len());
                (n > 0 && quarantined.get()).then(|| view! {
                    <div class="banner warning" role="alert" data-testid="banner-quarantined">
                        <p>{fill(t.banner_quarantined, &[("n", &n.to_string())])}</p>
                        <button type="button" class="quiet" on:click=move |_| quarantined.set(false)>
                            {t.dismiss}
                        </button>
                    </div>
                })
            }}
        </div>
    }
}
