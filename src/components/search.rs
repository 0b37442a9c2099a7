//! Search everywhere: a dialog opened with Ctrl/Cmd+K (or the header button) that finds
//! stages and objections as you type, in both languages.

use crate::domain::search::{search, HitKind};
use crate::i18n::texts;
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Most results listed at once.
const LIMIT: usize = 12;

fn href(kind: HitKind, id: &crate::domain::Id) -> String {
    match kind {
        HitKind::Stage => Route::Stage(id.clone()).href(),
        HitKind::Script => Route::Script(id.clone()).href(),
        HitKind::Checklist => Route::Checklist(id.clone()).href(),
        HitKind::Objection => Route::Objection(id.clone()).href(),
    }
}

/// The header's search button and the dialog it opens.
#[component]
pub fn SearchEverywhere() -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let hits = Memo::new(move |_| {
        state
            .playbook
            .with(|p| search(p, &query.get(), locale(), LIMIT))
    });

    let show = move || {
        open.set(true);
        // Focus once the dialog is in the page.
        request_animation_frame(move || {
            if let Some(el) = input.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        });
    };
    let close = move || {
        open.set(false);
        crate::dom::focus("main");
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("k") {
            e.prevent_default();
            show();
        } else if e.key() == "Escape" && open.get_untracked() {
            close();
        }
    });
    on_cleanup(move || on_key.remove());

    let go = move |target: String| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&target);
        }
        open.set(false);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(first) = hits.with_untracked(|h| h.first().map(|h| href(h.kind, &h.id))) {
            go(first);
        }
    };
    // A click on the backdrop (not inside the panel) closes the dialog.
    let on_backdrop = move |ev: leptos::ev::MouseEvent| {
        let on_backdrop = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.class_list().contains("search-backdrop"));
        if on_backdrop {
            close();
        }
    };

    view! {
        <button type="button" class="search-button" aria-keyshortcuts="Control+K Meta+K" on:click=move |_| show()>
            {t.search_open}<kbd>"Ctrl K"</kbd>
        </button>
        {move || open.get().then(|| view! {
            <div class="search-backdrop" on:click=on_backdrop>
                <div class="search-panel" role="dialog" aria-modal="true" aria-labelledby="search-title">
                    <h2 id="search-title" class="visually-hidden">{t.search_title}</h2>
                    <form on:submit=on_submit role="search">
                        <label class="field">
                            <span class="field-label">{t.search_label}</span>
                            <input
                                type="search"
                                node_ref=input
                                autocomplete="off"
                                prop:value=move || query.get()
                                on:input=move |ev| query.set(event_target_value(&ev))
                            />
                        </label>
                    </form>
                    <p class="hint">{t.search_hint}</p>
                    {move || (!query.with(|q| q.trim().is_empty()) && hits.with(Vec::is_empty))
                        .then(|| view! { <p class="empty-state">{t.search_none}</p> })}
                    <ul class="search-results">
                        {move || hits.get().into_iter().map(|hit| {
                            let target = href(hit.kind, &hit.id);
                            let kind = hit.kind;
                            let label = match kind {
                                HitKind::Stage => t.kind_stage,
                                HitKind::Script => t.kind_script,
                                HitKind::Checklist => t.kind_checklist,
                                HitKind::Objection => t.kind_objection,
                            };
                            view! {
                                <li>
                                    <a href=target.clone() on:click=move |ev| { ev.prevent_default(); go(target.clone()); }>
                                        <span class="tag">{label}</span>
                                        <span class="title">{hit.title}</span>
                                        {hit.snippet.map(|s| view! { <span class="snippet">{s}</span> })}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        })}
    }
}
