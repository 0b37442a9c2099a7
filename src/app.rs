//! The app shell: header and navigation, storage banners, the page for the current route.

use crate::components::{AppHeader, ContentGate, StorageBanners, ToastArea};
use crate::dom;
use crate::i18n::texts;
use crate::pages::{
    ChecklistPage, ChecklistsPage, DashboardPage, DealPage, DealsPage, NotFoundPage,
    ObjectionsPage, PlaybookPage, ScriptPage, SettingsPage, StagePage, TemplatePage, TemplatesPage,
    TrainingPage,
};
use crate::routes::Route;
use crate::state::AppState;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(dom::browser_locale());
    provide_context(state);
    state.route.set(Route::parse(&dom::location_hash()));
    // On navigation (not on the first load) focus moves to the page, so keyboard and screen
    // reader users start at the new content.
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(Route::parse(&dom::location_hash()));
        dom::focus("main");
    });
    // Changes made in other tabs of the same origin.
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        state.apply_change(e.key(), e.new_value());
    });
    // The service worker installed a new version (index.html's script).
    let on_update = leptos::prelude::window_event_listener_untyped("sp-update", move |_| {
        state.update_ready.set(true)
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
        on_update.remove();
    });

    Effect::new(move |_| {
        let locale = state.locale();
        let t = texts(locale);
        let page = match state.route.get() {
            Route::Playbook => t.nav_playbook.to_owned(),
            Route::Stage(id) => state
                .playbook
                .with(|p| p.stage(&id).map(|s| s.name.get(locale).to_owned()))
                .unwrap_or_else(|| t.not_found_title.to_owned()),
            Route::Script(id) => state
                .playbook
                .with(|p| p.script(&id).map(|s| s.title.get(locale).to_owned()))
                .unwrap_or_else(|| t.not_found_title.to_owned()),
            Route::Checklists => t.checklists_title.to_owned(),
            Route::Checklist(id) => state
                .playbook
                .with(|p| p.checklist(&id).map(|c| c.title.get(locale).to_owned()))
                .unwrap_or_else(|| t.not_found_title.to_owned()),
            Route::Objections | Route::Objection(_) => t.objections_title.to_owned(),
            Route::Templates => t.templates_title.to_owned(),
            Route::Template(id) => state
                .playbook
                .with(|p| {
                    p.templates
                        .iter()
                        .find(|x| x.id == id)
                        .map(|x| x.title.get(locale).to_owned())
                })
                .unwrap_or_else(|| t.not_found_title.to_owned()),
            Route::Author | Route::Edit(..) => t.not_found_title.to_owned(),
            Route::Deals => t.nav_deals.to_owned(),
            Route::Deal(id) => state
                .deals
                .with(|m| m.get(&id).map(|d| d.customer.clone()))
                .unwrap_or_else(|| t.not_found_title.to_owned()),
            Route::Training => t.nav_training.to_owned(),
            Route::Dashboard => t.nav_dashboard.to_owned(),
            Route::Settings => t.nav_settings.to_owned(),
            Route::NotFound(_) => t.not_found_title.to_owned(),
        };
        dom::set_lang_and_title(locale.tag(), &format!("{page} · {}", t.app_name));
    });

    let page = move || match state.route.get() {
        Route::Playbook => view! { <ContentGate><PlaybookPage/></ContentGate> }.into_any(),
        Route::Stage(id) => {
            view! { <ContentGate><StagePage id=id.clone()/></ContentGate> }.into_any()
        }
        Route::Script(id) => {
            view! { <ContentGate><ScriptPage id=id.clone()/></ContentGate> }.into_any()
        }
        Route::Checklists => view! { <ContentGate><ChecklistsPage/></ContentGate> }.into_any(),
        Route::Checklist(id) => {
            view! { <ContentGate><ChecklistPage id=id.clone()/></ContentGate> }.into_any()
        }
        Route::Objections => view! { <ContentGate><ObjectionsPage/></ContentGate> }.into_any(),
        Route::Objection(id) => {
            view! { <ContentGate><ObjectionsPage only=id.clone()/></ContentGate> }.into_any()
        }
        Route::Templates => view! { <ContentGate><TemplatesPage/></ContentGate> }.into_any(),
        Route::Template(id) => {
            view! { <ContentGate><TemplatePage id=id.clone()/></ContentGate> }.into_any()
        }
        // Authoring lands with its size plan (see the playbook issue).
        Route::Author | Route::Edit(..) => view! { <NotFoundPage/> }.into_any(),
        Route::Deals => view! { <DealsPage/> }.into_any(),
        Route::Deal(id) => view! { <DealPage id/> }.into_any(),
        Route::Training => view! { <TrainingPage/> }.into_any(),
        Route::Dashboard => view! { <DashboardPage/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::NotFound(_) => view! { <NotFoundPage/> }.into_any(),
    };
    // Text is static within a render: a change of language renders the shell again (one
    // reactive read here instead of one per string keeps the wasm small).
    move || {
        let t = texts(state.locale());
        view! {
            <a class="skip-link" href="#main" on:click=move |ev| {
                ev.prevent_default();
                dom::focus("main");
            }>{t.skip_to_content}</a>
            <AppHeader/>
            <StorageBanners/>
            <main id="main" tabindex="-1">{page}</main>
            <ToastArea/>
        }
    }
}
