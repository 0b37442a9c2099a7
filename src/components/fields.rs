//! Labelled form fields that save on commit (change or blur), not on every keystroke, and keep
//! what the user is typing even when the record changes underneath (another tab).

use leptos::prelude::*;

/// A labelled text input (or textarea) over a stored value.
///
/// While the user types, the text lives in a local draft; `on_commit` runs on `change` with
/// the final text. Outside changes to `value` show immediately unless a draft is open.
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_commit: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let draft = RwSignal::new(None::<String>);
    let shown = move || draft.get().unwrap_or_else(|| value.get());
    let on_input = move |ev| draft.set(Some(event_target_value(&ev)));
    let on_change = move |_| {
        if let Some(text) = draft.get_untracked() {
            on_commit.run(text);
        }
        draft.set(None);
    };
    let control = if multiline {
        view! {
            <textarea rows="4" prop:value=shown on:input=on_input on:change=on_change disabled=disabled></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=kind prop:value=shown on:input=on_input on:change=on_change disabled=disabled/>
        }
        .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {control}
        </label>
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
