//! One stage of the sales process: its goal, standard actions, exit criteria, time standards
//! and the guide for new hires.

use crate::components::Markdown;
use crate::domain::{Id, LocalizedText};
use crate::i18n::{texts, within};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The stage page for `id`.
#[component]
pub fn StagePage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let stage = Memo::new(move |_| state.playbook.with(|p| p.stage(&id).cloned()));
    let list = move |items: Vec<LocalizedText>| {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{move || i.get(locale()).to_owned()}</li> }).collect_view()}</ul> }
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        {move || match stage.get() {
            None => view! {
                <h1>{t.not_found_title}</h1>
                <p>{t.stage_missing}</p>
            }.into_any(),
            Some(stage) => {
                let (name, goal, guide) = (stage.name.clone(), stage.goal.clone(), stage.guide.clone());
                let standards = stage.time_standards.clone();
                let kind = stage.kind;
                let scripts = state.playbook.with(|p| {
                    p.scripts_for(kind).map(|s| (s.id.clone(), s.title.clone())).collect::<Vec<_>>()
                });
                let has_scripts = !scripts.is_empty();
                view! {
                    <h1>{move || name.get(locale()).to_owned()}</h1>
                    <p class="intro"><strong>{t.stage_goal}": "</strong>{move || goal.get(locale()).to_owned()}</p>
                    <div class="stage-columns">
                        <section aria-labelledby="stage-actions">
                            <h2 id="stage-actions">{t.stage_actions}</h2>
                            {list(stage.actions.clone())}
                        </section>
                        <section aria-labelledby="stage-exit">
                            <h2 id="stage-exit">{t.stage_exit}</h2>
                            {list(stage.exit_criteria.clone())}
                        </section>
                    </div>
                    <Show when={let empty = standards.is_empty(); move || !empty}>
                        <section aria-labelledby="stage-time">
                            <h2 id="stage-time">{t.stage_time}</h2>
                            <ul class="time-standards">
                                {standards.iter().map(|s| {
                                    let (what, hours) = (s.what.clone(), s.hours);
                                    view! {
                                        <li>
                                            <span class="badge">{move || within(t, hours)}</span>
                                            " "{move || what.get(locale()).to_owned()}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    </Show>
                    <Show when=move || has_scripts>
                        <section aria-labelledby="stage-scripts">
                            <h2 id="stage-scripts">{t.scripts_for_stage}</h2>
                            <ul class="link-list">
                                {scripts.iter().map(|(id, title)| {
                                    let (href, title) = (Route::Script(id.clone()).href(), title.clone());
                                    view! { <li><a href=href>{move || title.get(locale()).to_owned()}</a></li> }
                                }).collect_view()}
                            </ul>
                        </section>
                    </Show>
                    <section aria-labelledby="stage-guide">
                        <h2 id="stage-guide">{t.stage_guide}</h2>
                        <Markdown source=Signal::derive(move || guide.get(locale()).to_owned())/>
                    </section>
                }.into_any()
            }
        }}
    }
}
