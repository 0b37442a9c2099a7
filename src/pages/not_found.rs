//! What an unknown address shows.

use crate::i18n::texts;
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Says the page does not exist and offers the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <h1>{t.not_found_title}</h1>
        <p>{t.not_found_body}</p>
        <p><a href=Route::Playbook.href()>{t.not_found_home}</a></p>
    }
}
