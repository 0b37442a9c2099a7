//! The playbook home: the six stages of the sales process as a path.

use crate::components::EmptyState;
use crate::domain::playbook::StageKind;
use crate::i18n::{stage_name, texts};
use crate::state::use_app_state;
use leptos::prelude::*;

/// Playbook home. The stages are shown from the domain; their content comes with the
/// playbook issue, so until then the page says so.
#[component]
pub fn PlaybookPage() -> impl IntoView {
    let state = use_app_state();
    let t = move || texts(state.locale());
    view! {
        <h1>{move || t().nav_playbook}</h1>
        <p class="intro">{move || t().playbook_intro}</p>
        <ol class="stage-path">
            {StageKind::ALL
                .into_iter()
                .map(|stage| view! { <li>{move || stage_name(t(), stage)}</li> })
                .collect_view()}
        </ol>
        <EmptyState message=Signal::derive(move || t().playbook_empty)/>
    }
}
