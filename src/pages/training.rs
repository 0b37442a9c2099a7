//! Training: onboarding paths and drills (filled in by the training issue).

use crate::components::EmptyState;
use crate::i18n::texts;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Training home, empty until trainees and drills exist.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <h1>{t.nav_training}</h1>
        <p class="intro">{t.training_intro}</p>
        <EmptyState message=Signal::derive(move || t.training_empty)/>
    }
}
