//! The discovery checklists: a list, and each checklist with its questions by dimension and
//! the rule that qualifies a lead.

use crate::domain::checklist::{Checklist, Framework};
use crate::domain::Id;
use crate::i18n::{fill, texts, Texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

fn rule(t: &Texts, framework: Framework) -> &'static str {
    match framework {
        Framework::Bant => t.rule_bant,
        Framework::Meddpicc => t.rule_meddpicc,
        _ => t.rule_completeness,
    }
}

fn counts(t: &Texts, c: &Checklist) -> String {
    let required = c.items.iter().filter(|i| i.required).count();
    fill(
        t.checklist_items,
        &[
            ("n", &c.items.len().to_string()),
            ("r", &required.to_string()),
        ],
    )
}

/// All checklists.
#[component]
pub fn ChecklistsPage() -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        <h1>{t.checklists_title}</h1>
        <p class="intro">{t.checklists_intro}</p>
        <ul class="card-list">
            {move || state.playbook.with(|p| p.checklists.iter().map(|c| {
                let (href, title, description) = (Route::Checklist(c.id.clone()).href(), c.title.clone(), c.description.clone());
                let c = c.clone();
                view! {
                    <li>
                        <a href=href>{move || title.get(locale()).to_owned()}</a>
                        <p>{move || description.get(locale()).to_owned()}</p>
                        <p class="hint">{move || counts(t, &c)}</p>
                    </li>
                }
            }).collect_view())}
        </ul>
    }
}

/// One checklist, its questions grouped by dimension.
#[component]
pub fn ChecklistPage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let checklist = Memo::new(move |_| state.playbook.with(|p| p.checklist(&id).cloned()));
    view! {
        <p class="breadcrumb"><a href=Route::Checklists.href()>{t.checklists_title}</a></p>
        {move || match checklist.get() {
            None => view! {
                <h1>{t.not_found_title}</h1>
                <p>{t.checklist_missing}</p>
            }.into_any(),
            Some(c) => {
                let (title, description, framework) = (c.title.clone(), c.description.clone(), c.framework);
                let groups: Vec<(String, Vec<_>)> = c
                    .groups()
                    .into_iter()
                    .map(|g| (g.to_owned(), c.items_in(g).cloned().collect()))
                    .collect();
                let summary = c.clone();
                view! {
                    <h1>{move || title.get(locale()).to_owned()}</h1>
                    <p class="intro">{move || description.get(locale()).to_owned()}</p>
                    <p class="rule"><strong>{move || counts(t, &summary)}</strong>" · "{move || rule(t, framework)}</p>
                    {groups.into_iter().map(|(_, items)| view! {
                        <ol class="checklist">
                            {items.into_iter().map(|item| {
                                let (question, hint, field, required) = (item.question.clone(), item.hint.clone(), item.field.clone(), item.required);
                                let label = move || state.playbook.with(|p| p.field_label(&field, locale()));
                                view! {
                                    <li>
                                        <p class="question">
                                            {move || question.get(locale()).to_owned()}
                                            <Show when=move || required><span class="badge">{t.required}</span></Show>
                                        </p>
                                        <p class="hint">{move || hint.get(locale()).to_owned()}</p>
                                        <p class="field-name">{move || fill(t.captured_as, &[("field", &label())])}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }).collect_view()}
                }.into_any()
            }
        }}
    }
}
