//! Labelled form fields that save on commit (change or blur), not on every keystroke, and keep
//! what the user is typing even when the record changes underneath (another tab).

use crate::i18n::{fill, texts};
use crate::state::use_app_state;
use leptos::prelude::*;

/// A labelled text input (or textarea) over a stored value.
///
/// While the user types, the text lives in a local draft; `on_commit` runs on `change` (or on
/// leaving the field: a value set by autofill or a script may fire no `change`) with the final
/// text, once. Outside changes to `value` show immediately unless a draft is open.
///
/// Two tabs, one field: the later save wins, but never silently. When another tab saves this
/// field while a draft is open, the field says what was saved there and offers to take it;
/// saving the draft then replaces it knowingly.
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_commit: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let t = texts(use_app_state().locale());
    let draft = RwSignal::new(None::<String>);
    // The stored value when the draft began: a different stored value means another tab saved.
    let base = RwSignal::new(String::new());
    // The other tab's text that a save of this tab replaced, offered back until the next edit.
    let replaced = RwSignal::new(None::<String>);
    let shown = move || draft.get().unwrap_or_else(|| value.get());
    let on_input = move |ev| {
        if draft.with_untracked(Option::is_none) {
            base.set(value.get_untracked());
            replaced.set(None);
        }
        draft.set(Some(event_target_value(&ev)));
    };
    let commit = move || {
        if let Some(text) = draft.get_untracked() {
            let stored = value.get_untracked();
            if base.with_untracked(|b| *b != stored) {
                replaced.set(Some(stored));
            }
            on_commit.run(text);
        }
        draft.set(None);
    };
    // The other tab's text: while typing over it, and after saving over it. A memo, so the
    // notice (and its button, which may have focus) stays in place across the save.
    let theirs = Memo::new(move |_| {
        let stored = value.get();
        if draft.with(Option::is_some) && base.with(|b| *b != stored) {
            Some(stored)
        } else {
            replaced.get()
        }
    });
    let use_theirs = move |_| {
        if let Some(text) = theirs.get_untracked() {
            on_commit.run(text);
        }
        replaced.set(None);
        draft.set(None);
    };
    let conflict = move || {
        theirs.get().map(|stored| {
            let message = move || {
                let text = if draft.with(Option::is_some) { t.field_conflict } else { t.field_replaced };
                fill(text, &[("value", &stored)])
            };
            view! {
                <p class="field-conflict" role="status">
                    {message}
                    " "
                    // Focus stays in the field on a mouse press: no save of the draft first.
                    <button type="button" class="quiet" on:mousedown=|ev| ev.prevent_default() on:click=use_theirs>
                        {t.use_their_text}
                    </button>
                </p>
            }
        })
    };
    let control = if multiline {
        view! {
            <textarea rows="4" prop:value=shown on:input=on_input on:change=move |_| commit() on:blur=move |_| commit() disabled=disabled></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=kind prop:value=shown on:input=on_input on:change=move |_| commit() on:blur=move |_| commit() disabled=disabled/>
        }
        .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {control}
        </label>
        {conflict}
    }
}

/// A labelled select over a stored value; each choice saves at once.
#[component]
pub fn SelectField(
    label: &'static str,
    /// `(value, label)` pairs.
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] value: Signal<&'static str>,
    #[prop(into)] on_commit: Callback<String>,
    #[prop(optional)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select
                prop:value=value
                on:change=move |ev| on_commit.run(event_target_value(&ev))
                disabled=disabled
            >
                {options
                    .into_iter()
                    .map(|(v, l)| view! { <option value=v selected=move || v == value.get()>{l}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
