//! A short message after an action, with Undo where the action can be undone.

use crate::i18n::texts;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Shows the current toast in a polite live region.
#[component]
pub fn ToastArea() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || state.toast.get().map(|toast| {
                let undo = toast.undo.is_some().then(|| view! {
                    <button type="button" on:click=move |_| state.undo()>{t.undo}</button>
                });
                view! {
                    <div class="toast">
                        <span>{toast.message}</span>
                        {undo}
                        <button type="button" class="quiet" on:click=move |_| state.toast.set(None)>
                            {t.dismiss}
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
