//! The playbook home: the six stages of the sales process as a path, each with the scripts and
//! proposal templates that serve it for the industry chosen, and the ways into the playbook's
//! content.

use super::templates::serves;
use crate::components::EmptyState;
use crate::domain::playbook::Industry;
use crate::i18n::browse::browse_texts;
use crate::i18n::{industry_name, stage_name, texts, Texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// The industry chosen under "Show content for", kept while the tab is open (not in the
    /// URL): pages are built again on every visit and on a change of language.
    static INDUSTRY: Cell<Industry> = const { Cell::new(Industry::Generic) };
}

/// A signal holding the industry chosen this session, for a page's filter.
pub(super) fn session_industry() -> RwSignal<Industry> {
    RwSignal::new(INDUSTRY.with(Cell::get))
}

/// Whether content written for `of` shows under the filter `chosen`: "All industries" shows
/// everything, and content for every industry shows under any industry.
pub(super) fn shows(chosen: Industry, of: Industry) -> bool {
    chosen == Industry::Generic || of == Industry::Generic || of == chosen
}

/// A select of the industries, "All industries" first, that sets `industry` and remembers the
/// choice for the session.
pub(super) fn industry_select(
    t: &'static Texts,
    label: &'static str,
    industry: RwSignal<Industry>,
) -> impl IntoView {
    let chosen = industry.get_untracked();
    view! {
        <label class="field industry-filter">
            <span class="field-label">{label}</span>
            <select on:change=move |ev| {
                let i = Industry::from_code(&event_target_value(&ev)).unwrap_or_default();
                INDUSTRY.with(|c| c.set(i));
                industry.set(i);
            }>
                {Industry::ALL.into_iter().rev().map(|i| view! {
                    <option value=i.code() selected=i == chosen>{industry_name(t, i)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// A labelled row of links, or nothing when there is none.
fn links(label: &'static str, items: Vec<(String, String)>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        view! {
            <p class="stage-links">
                <span class="tag">{label}</span>
                {items.into_iter().map(|(href, title)| view! { <a href=href>{title}</a> }).collect_view()}
            </p>
        }
    })
}

/// Playbook home.
#[component]
pub fn PlaybookPage() -> impl IntoView {
    let state = use_app_state();
    let locale = state.locale();
    let t = texts(locale);
    let industry = session_industry();
    let stages = move || {
        let chosen = industry.get();
        state.playbook.with(|p| {
            if p.stages.is_empty() {
                return view! { <EmptyState message=t.playbook_empty/> }.into_any();
            }
            view! {
                <ol class="stage-path" aria-label=t.stage_path_label>
                    {p.stages.iter().map(|stage| {
                        let name = stage.name.get(locale);
                        let title = if name.is_empty() { stage_name(t, stage.kind) } else { name };
                        let scripts = p
                            .scripts_for(stage.kind)
                            .filter(|s| chosen == Industry::Generic || s.applies_to(chosen))
                            .map(|s| (Route::Script(s.id.clone()).href(), s.title.get(locale).to_owned()))
                            .collect();
                        let templates = p
                            .templates
                            .iter()
                            .filter(|x| serves(x, stage.kind) && shows(chosen, x.industry))
                            .map(|x| (Route::Template(x.id.clone()).href(), x.title.get(locale).to_owned()))
                            .collect();
                        view! {
                            <li>
                                <a href=Route::Stage(stage.id.clone()).href()>{title.to_owned()}</a>
                                <p>{stage.goal.get(locale).to_owned()}</p>
                                {links(t.scripts_title, scripts)}
                                {links(t.templates_title, templates)}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    };
    view! {
        <h1>{t.nav_playbook}</h1>
        <p class="intro">{t.playbook_intro}</p>
        {industry_select(t, browse_texts(locale).show_content_for, industry)}
        {stages}
        <ul class="playbook-links">
            <li><a href=Route::Checklists.href()>{t.checklists_title}</a></li>
            <li><a href=Route::Objections.href()>{t.objections_title}</a></li>
            <li><a href=Route::Templates.href()>{t.templates_title}</a></li>
        </ul>
    }
}
