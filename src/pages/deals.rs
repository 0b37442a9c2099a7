//! The lead list: add a lead, find one as you type, open it.

use crate::components::EmptyState;
use crate::domain::deal::DealError;
use crate::domain::deal_list;
use crate::i18n::{fill, grade_name, status_name, texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Deals home: the quick-add form and the list.
#[component]
pub fn DealsPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<DealError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.add_deal(&name.get_untracked()) {
            Ok(_) => {
                name.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let error_text = move || {
        error.get().map(|e| match e {
            DealError::CustomerMissing => t.error_customer_missing.to_owned(),
            DealError::CustomerTooLong { max } => {
                fill(t.error_customer_too_long, &[("max", &max.to_string())])
            }
        })
    };
    let count = move || state.deals.with(|m| m.len());
    // Whether there is any lead: the list below is drawn again only when this changes.
    let any = Memo::new(move |_| count() > 0);
    // The searchable rows, rebuilt when the leads change, not on each keystroke.
    let rows = Memo::new(move |_| state.deals.with(|m| deal_list::rows(m.values())));
    let query = RwSignal::new(String::new());
    view! {
        <h1>{t.nav_deals}</h1>
        <p class="intro">{t.deals_intro}</p>
        <form class="quick-add" on:submit=submit novalidate>
            <label class="field">
                <span class="field-label">{t.customer_name}</span>
                <input
                    type="text"
                    autocomplete="off"
                    maxlength="400"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby="add-lead-error"
                />
            </label>
            <button type="submit" disabled=move || state.read_only().is_some()>{t.add_lead}</button>
            <p id="add-lead-error" class="field-error" role="alert">{error_text}</p>
        </form>
        {move || if any.get() { view! {
            <label class="field search-field">
                <span class="field-label">{t.search_leads}</span>
                <input
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            {move || rows.with(|rows| query.with(|q| {
                let found = deal_list::find(rows, q, deal_list::SHOWN);
                let (n, m) = (rows.len().to_string(), found.total.to_string());
                let mut summary = if q.trim().is_empty() {
                    fill(t.deals_count, &[("n", &n)])
                } else if found.total == 0 {
                    t.deals_none_match.to_owned()
                } else {
                    fill(t.deals_matching, &[("m", &m), ("n", &n)])
                };
                if found.total > found.shown.len() {
                    summary.push(' ');
                    summary.push_str(&fill(t.deals_shown, &[("shown", &found.shown.len().to_string())]));
                }
                view! {
                    <p class="count" role="status">{summary}</p>
                    <ul class="deal-list" aria-label=t.deal_list_label>
                        {found.shown.into_iter().map(|d| {
                            let href = Route::Deal(d.id.clone()).href();
                            let (grade, status) = (d.grade, d.status);
                            view! {
                                <li>
                                    <a href=href>{d.customer.clone()}</a>
                                    <span class="meta">
                                        <span class="number">{d.number.clone()}</span>
                                        <span class=format!("grade grade-{}", grade.code())>
                                            {grade_name(t, grade)}
                                        </span>
                                        <span class="status">{status_name(t, status)}</span>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }))}
        }.into_any() } else {
            view! { <EmptyState message=Signal::stored(t.deals_empty)/> }.into_any()
        }}
    }
}
