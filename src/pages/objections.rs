//! The objection finder: search the library as you type, filter by category and industry.

use crate::domain::objection::{find, Category};
use crate::domain::playbook::Industry;
use crate::i18n::{category_name, fill, industry_name, texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Objection finder page; with `only`, it shows that one objection (from a search hit).
#[component]
pub fn ObjectionsPage(#[prop(optional)] only: Option<crate::domain::Id>) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(None::<Category>);
    let industry = RwSignal::new(Industry::Generic);
    let single = only.is_some();
    let results = Memo::new(move |_| {
        state.playbook.with(|p| match &only {
            Some(id) => p
                .objections
                .iter()
                .filter(|o| &o.id == id)
                .cloned()
                .collect::<Vec<_>>(),
            None => find(&p.objections, category.get(), industry.get(), &query.get())
                .into_iter()
                .cloned()
                .collect(),
        })
    });
    let on_category = move |ev| {
        let v = event_target_value(&ev);
        category.set(Category::from_code(&v));
    };
    let on_industry = move |ev| {
        let v = event_target_value(&ev);
        industry.set(Industry::from_code(&v).unwrap_or_default());
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        <h1>{t.objections_title}</h1>
        <p class="intro">{t.objections_intro}</p>
        {single.then(|| view! { <p><a href=Route::Objections.href()>{t.show_all_objections}</a></p> })}
        <div class="filters" role="search" hidden=single>
            <label class="field">
                <span class="field-label">{t.objections_search}</span>
                <input type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span class="field-label">{t.category}</span>
                <select on:change=on_category>
                    <option value="">{t.all_categories}</option>
                    {Category::ALL[..6].iter().map(|c| {
                        let c = *c;
                        view! { <option value=c.code()>{category_name(t, c)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{t.industry}</span>
                <select on:change=on_industry prop:value=move || industry.get().code()>
                    {Industry::ALL.into_iter().rev().map(|i| {
                        view! { <option value=i.code()>{industry_name(t, i)}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <p class="count" role="status">{move || fill(t.objections_count, &[("n", &results.with(Vec::len).to_string())])}</p>
        {move || results.with(Vec::is_empty).then(|| view! { <p class="empty-state">{t.objections_none}</p> })}
        <div class="objection-list">
            // Drawn again as a whole on each keystroke: a few dozen cards, and a keyed <For>
            // would add its diffing code to the wasm.
            {move || results.get().into_iter().map(|o| view! { <ObjectionCard objection=o/> }).collect_view()}
        </div>
    }
}

/// One objection with its answers (static: the page is drawn again on a change of language).
#[component]
fn ObjectionCard(objection: crate::domain::objection::Objection) -> impl IntoView {
    let locale = use_app_state().locale();
    let t = texts(locale);
    let o = objection;
    let text = |l: &crate::domain::LocalizedText| l.get(locale).to_owned();
    let insight = (!o.insight.is_empty()).then(|| {
        view! { <p><strong>{t.objection_insight}": "</strong>{text(&o.insight)}</p> }
    });
    let follow_up = (!o.follow_up.is_empty()).then(|| {
        view! { <p class="follow-up"><strong>{t.objection_follow_up}": "</strong>{text(&o.follow_up)}</p> }
    });
    let responses = o
        .responses
        .iter()
        .map(|r| view! { <li>{text(r)}</li> })
        .collect_view();
    view! {
        <article class="objection">
            <p class="tag">{category_name(t, o.category)}</p>
            <h2>"“"{text(&o.objection)}"”"</h2>
            {insight}
            <h3>{t.objection_responses}</h3>
            <ol>{responses}</ol>
            {follow_up}
        </article>
    }
}
