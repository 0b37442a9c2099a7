//! The top bar: the app's name, the main navigation and the language switch.

use super::SearchEverywhere;
use crate::domain::Locale;
use crate::i18n::texts;
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Header with navigation to the five areas and the language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    let link = move |route: Route, label: fn(&crate::i18n::Texts) -> &'static str| {
        let href = route.href();
        let current =
            move || (state.route.with(Route::area) == Some(route.clone())).then_some("page");
        view! { <li><a href=href aria-current=current>{label(t)}</a></li> }
    };
    view! {
        <header class="app-header">
            <a class="brand" href=Route::Playbook.href()>{t.app_name}</a>
            <nav aria-label=t.nav_label>
                <ul>
                    {link(Route::Playbook, |t| t.nav_playbook)}
                    {link(Route::Deals, |t| t.nav_deals)}
                    {link(Route::Training, |t| t.nav_training)}
                    {link(Route::Dashboard, |t| t.nav_dashboard)}
                    {link(Route::Settings, |t| t.nav_settings)}
                </ul>
            </nav>
            <SearchEverywhere/>
            <LanguageSelect/>
        </header>
    }
}

/// Switches the UI language at once; the choice is saved.
#[component]
fn LanguageSelect() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <label class="language">
            <span class="visually-hidden">{t.language}</span>
            <select
                prop:value=move || state.locale().tag()
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        state.set_locale(locale);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
