//! Dashboard: process-health measures (filled in by the dashboard issue).

use crate::components::EmptyState;
use crate::i18n::texts;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Dashboard home, empty until there are measures to show.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <h1>{t.nav_dashboard}</h1>
        <p class="intro">{t.dashboard_intro}</p>
        <EmptyState message=Signal::derive(move || t.dashboard_empty)/>
    }
}
