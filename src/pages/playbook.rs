//! The playbook home: the six stages of the sales process as a path, and the ways into the
//! playbook's content.

use crate::components::EmptyState;
use crate::i18n::{stage_name, texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Playbook home.
#[component]
pub fn PlaybookPage() -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let has_stages = move || state.playbook.with(|p| !p.stages.is_empty());
    view! {
        <h1>{t.nav_playbook}</h1>
        <p class="intro">{t.playbook_intro}</p>
        <Show when=has_stages fallback=move || view! { <EmptyState message=Signal::derive(move || t.playbook_empty)/> }>
            <ol class="stage-path" aria-label=t.stage_path_label>
                {move || state.playbook.with(|p| {
                    p.stages
                        .iter()
                        .map(|stage| {
                            let href = Route::Stage(stage.id.clone()).href();
                            let (kind, name, goal) = (stage.kind, stage.name.clone(), stage.goal.clone());
                            let title = move || {
                                let n = name.get(locale());
                                if n.is_empty() { stage_name(t, kind).to_owned() } else { n.to_owned() }
                            };
                            view! {
                                <li>
                                    <a href=href>{title}</a>
                                    <p>{move || goal.get(locale()).to_owned()}</p>
                                </li>
                            }
                        })
                        .collect_view()
                })}
            </ol>
        </Show>
        <ul class="playbook-links">
            <li><a href=Route::Checklists.href()>{t.checklists_title}</a></li>
            <li><a href=Route::Objections.href()>{t.objections_title}</a></li>
        </ul>
    }
}
