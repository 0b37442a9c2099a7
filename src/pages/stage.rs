//! One stage of the sales process: its goal, standard actions, exit criteria, time standards,
//! the scripts and proposal templates that serve it, and the guide for new hires.

use super::templates::serves;
use crate::components::Markdown;
use crate::domain::{Id, LocalizedText};
use crate::i18n::{texts, within};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// A section listing links, or nothing when there is none.
fn link_section(
    heading_id: &'static str,
    heading: &'static str,
    links: Vec<(String, String)>,
) -> Option<impl IntoView> {
    (!links.is_empty()).then(|| {
        view! {
            <section aria-labelledby=heading_id>
                <h2 id=heading_id>{heading}</h2>
                <ul class="link-list">
                    {links.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The stage page for `id`.
#[component]
pub fn StagePage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = state.locale();
    let t = texts(locale);
    let stage = Memo::new(move |_| state.playbook.with(|p| p.stage(&id).cloned()));
    let list = move |items: Vec<LocalizedText>| {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{i.get(locale).to_owned()}</li> }).collect_view()}</ul> }
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        {move || match stage.get() {
            None => view! {
                <h1>{t.not_found_title}</h1>
                <p>{t.stage_missing}</p>
            }.into_any(),
            Some(stage) => {
                let kind = stage.kind;
                let (scripts, templates) = state.playbook.with(|p| {
                    let scripts = p
                        .scripts_for(kind)
                        .map(|s| (Route::Script(s.id.clone()).href(), s.title.get(locale).to_owned()))
                        .collect::<Vec<_>>();
                    let templates = p
                        .templates
                        .iter()
                        .filter(|x| serves(x, kind))
                        .map(|x| (Route::Template(x.id.clone()).href(), x.title.get(locale).to_owned()))
                        .collect::<Vec<_>>();
                    (scripts, templates)
                });
                let standards = (!stage.time_standards.is_empty()).then(|| view! {
                    <section aria-labelledby="stage-time">
                        <h2 id="stage-time">{t.stage_time}</h2>
                        <ul class="time-standards">
                            {stage.time_standards.iter().map(|s| view! {
                                <li>
                                    <span class="badge">{within(t, s.hours)}</span>
                                    " "{s.what.get(locale).to_owned()}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                });
                view! {
                    <h1>{stage.name.get(locale).to_owned()}</h1>
                    <p class="intro"><strong>{t.stage_goal}": "</strong>{stage.goal.get(locale).to_owned()}</p>
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
                    {standards}
                    {link_section("stage-scripts", t.scripts_for_stage, scripts)}
                    {link_section("stage-templates", t.templates_title, templates)}
                    <section aria-labelledby="stage-guide">
                        <h2 id="stage-guide">{t.stage_guide}</h2>
                        <Markdown source=stage.guide.get(locale).to_owned()/>
                    </section>
                }.into_any()
            }
        }}
    }
}
