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
    let locale = state.locale();
    let t = texts(locale);
    // Static within a render: the page is drawn again when the playbook or language changes.
    let list = move || {
        state.playbook.with(|p| {
            p.checklists
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            <a href=Route::Checklist(c.id.clone()).href()>{c.title.get(locale).to_owned()}</a>
                            <p>{c.description.get(locale).to_owned()}</p>
                            <p class="hint">{counts(t, c)}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        <h1>{t.checklists_title}</h1>
        <p class="intro">{t.checklists_intro}</p>
        <ul class="card-list">{list}</ul>
    }
}

/// One checklist, its questions grouped by dimension.
#[component]
pub fn ChecklistPage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = state.locale();
    let t = texts(locale);
    let page = move || {
        state.playbook.with(|p| match p.checklist(&id) {
            None => view! {
                <h1>{t.not_found_title}</h1>
                <p>{t.checklist_missing}</p>
            }
            .into_any(),
            Some(c) => {
                let groups = c
                    .groups()
                    .into_iter()
                    .map(|g| {
                        let items = c
                            .items_in(g)
                            .map(|item| {
                                let label = p.field_label(&item.field, locale);
                                view! {
                                    <li>
                                        <p class="question">
                                            {item.question.get(locale).to_owned()}
                                            {item.required.then(|| view! { <span class="badge">{t.required}</span> })}
                                        </p>
                                        <p class="hint">{item.hint.get(locale).to_owned()}</p>
                                        <p class="field-name">{fill(t.captured_as, &[("field", &label)])}</p>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ol class="checklist">{items}</ol> }
                    })
                    .collect_view();
                view! {
                    <h1>{c.title.get(locale).to_owned()}</h1>
                    <p class="intro">{c.description.get(locale).to_owned()}</p>
                    <p class="rule"><strong>{counts(t, c)}</strong>" · "{rule(t, c.framework)}</p>
                    {groups}
                }
                .into_any()
            }
        })
    };
    view! {
        <p class="breadcrumb"><a href=Route::Checklists.href()>{t.checklists_title}</a></p>
        {page}
    }
}
