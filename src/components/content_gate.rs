//! Shows a page's content once the default playbook has arrived, and says so while it loads
//! or when it could not be loaded (with a retry).

use crate::i18n::{fill, texts};
use crate::state::{use_app_state, ContentStatus};
use leptos::prelude::*;

/// Renders `children` when the playbook is ready; until then a page titled Playbook that says
/// it is loading, or why it failed.
#[component]
pub fn ContentGate(children: ChildrenFn) -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        {move || match state.content.get() {
            ContentStatus::Ready => children().into_any(),
            ContentStatus::Loading => view! {
                <h1>{t.nav_playbook}</h1>
                <p class="loading" role="status">{t.content_loading}</p>
            }
            .into_any(),
            ContentStatus::Failed(reason) => view! {
                <h1>{t.nav_playbook}</h1>
                <div class="banner error" role="alert" data-testid="content-failed">
                    <p>{fill(t.content_failed, &[("reason", &reason)])}</p>
                    <button type="button" on:click=move |_| state.load_content()>{t.retry}</button>
                </div>
            }.into_any(),
        }}
    }
}
