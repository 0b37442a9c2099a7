//! The lead list: add a lead, find one as you type, open it.

use crate::components::EmptyState;
use crate::domain::clock::{self, DueKind, DueState};
use crate::domain::deal::DealError;
use crate::domain::deal::{Grade, Status};
use crate::domain::deal_list::{self, slot, Choices, Sort};
use crate::domain::playbook::{Industry, StageKind};
use crate::i18n::{
    due_badge, due_kind_name, fill, format, grade_name, industry_name, list_summary, sort_name,
    stage_name, status_name, texts, Texts,
};
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
    let choices = state.lead_choices;
    let order = Memo::new(move |_| choices.with(deal_list::order));
    // The searchable rows in the chosen order, rebuilt when the leads or the order change,
    // not on each keystroke; the owners they have; the filter chosen.
    let rows = Memo::new(move |_| {
        let mut rows = state.deals.with(|m| deal_list::rows(m.values()));
        deal_list::sort(&mut rows, order.get());
        rows
    });
    let owners =
        Memo::new(move |_| rows.with(|r| deal_list::owners(r.iter().map(|r| r.owner.as_str()))));
    let chosen = Memo::new(move |_| choices.with(|c| owners.with(|o| deal_list::chosen(c, o))));
    let query = RwSignal::new(String::new());
    let now = crate::state::ticking_now();
    let sla = move || state.settings.with(|s| s.sla);
    let show_today = RwSignal::new(false);
    // Leads with a deadline due today or overdue, overdue first (clock::today_with).
    let today = Memo::new(move |_| {
        let (now, sla) = (now.get(), sla());
        state.deals.with(|m| {
            let deals: Vec<_> = m.values().map(|d| (d, d.next_action.as_ref())).collect();
            clock::today_with(&deals, &sla, now, crate::dom::offset_minutes_at)
        })
    });
    let when = move |t| format::date_time(state.locale(), crate::dom::local_time(t));
    let badge = move |overdue: bool, kind: DueKind| {
        let state = if overdue {
            DueState::Overdue
        } else {
            DueState::DueSoon
        };
        due_badge(t, state).map(|(class, label)| {
            view! { <span class=class>{label}" · "{due_kind_name(t, kind)}</span> }
        })
    };
    let all_list = move || {
        view! {
            <label class="field search-field">
                <span class="field-label">{t.search_leads}</span>
                <input
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            {filter_bar(t, choices, owners)}
            {move || rows.with(|rows| query.with(|q| chosen.with(|(f, _)| {
                let (now, sla) = (now.get(), sla());
                let found = deal_list::find_with(rows, q, |r| f.keeps(r, &sla, now), deal_list::SHOWN);
                let summary = list_summary(t, rows.len(), &found, q, f);
                view! {
                    <p class="count" role="status">{summary}</p>
                    <ul class="deal-list" aria-label=t.deal_list_label>
                        {found.shown.into_iter().map(|d| {
                            let href = Route::Deal(d.id.clone()).href();
                            let (grade, status) = (d.grade, d.status);
                            let urgent = deal_list::urgent(d, &sla, now);
                            view! {
                                <li>
                                    <a href=href>{d.customer.clone()}</a>
                                    <span class="meta">
                                        <span class="number">{d.number.clone()}</span>
                                        <span class=format!("grade grade-{}", grade.code())>
                                            {grade_name(t, grade)}
                                        </span>
                                        <span class="status">{status_name(t, status)}</span>
                                        {urgent.map(|u| badge(u.overdue, u.kind))}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })))}
        }
    };
    let today_list = move || {
        today.with(|items| {
            if items.is_empty() {
                return view! { <p class="hint" role="status">{t.today_empty}</p> }.into_any();
            }
            state.deals.with(|m| {
                view! {
            <ul class="deal-list" aria-label=t.deal_list_label>
                {items.iter().filter_map(|item| {
                    let d = m.get(&item.id)?;
                    let task = d.next_action.as_ref().map(|a| a.task.clone()).unwrap_or_default();
                    let detail = match item.kind {
                        DueKind::NextAction if !task.is_empty() => format!("{task} · "),
                        _ => String::new(),
                    };
                    Some(view! {
                        <li>
                            <a href=Route::Deal(d.id.clone()).href()>{d.customer.clone()}</a>
                            <span class="meta">
                                {badge(item.overdue, item.kind)}
                                <span>{detail}{fill(t.due_at, &[("time", &when(item.due))])}</span>
                            </span>
                        </li>
                    })
                }).collect_view()}
            </ul>
        }.into_any()
            })
        })
    };
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
            <div role="group" class="segmented" aria-label=t.deal_views>
                <button type="button" aria-pressed=move || (!show_today.get()).to_string()
                    on:click=move |_| show_today.set(false)>{t.view_all}</button>
                <button type="button" aria-pressed=move || show_today.get().to_string()
                    on:click=move |_| show_today.set(true)>
                    {move || fill(t.view_today, &[("n", &today.with(|l| l.len()).to_string())])}
                </button>
            </div>
            {move || if show_today.get() { today_list().into_any() } else { all_list().into_any() }}
        }.into_any() } else {
            view! { <EmptyState message=Signal::stored(t.deals_empty)/> }.into_any()
        }}
    }
}

/// The lead list's filters (grade, stage, status, industry, owner, overdue) and its order,
/// kept in `choices` (see [`Choices`]).
fn filter_bar(
    t: &'static Texts,
    choices: RwSignal<Choices>,
    owners: Memo<Vec<String>>,
) -> impl IntoView {
    let fixed =
        |list: Vec<&'static str>| Signal::stored(list.into_iter().map(String::from).collect());
    let select = |at, label, first, options| choice(choices, at, label, first, options);
    let any = t.filter_any;
    view! {
        <div class="lead-filters" role="group" aria-label=t.lead_filters>
            {select(slot::GRADE, t.grade, any, fixed(Grade::ALL.map(|g| grade_name(t, g)).to_vec()))}
            {select(slot::STAGE, t.deal_stage, any, fixed(StageKind::ALL.map(|s| stage_name(t, s)).to_vec()))}
            {select(slot::STATUS, t.status, any, fixed(Status::ALL.map(|s| status_name(t, s)).to_vec()))}
            {select(slot::INDUSTRY, t.industry, any, fixed(Industry::ALL.map(|i| industry_name(t, i)).to_vec()))}
            {select(slot::OWNER, t.owner, any, owners.into())}
            <label class="tick">
                <input type="checkbox" prop:checked=move || choices.with(|c| c[slot::OVERDUE] == 1)
                    on:change=move |ev| {
                        let on = usize::from(event_target_checked(&ev));
                        choices.update(|c| c[slot::OVERDUE] = on);
                    }/>
                {t.overdue_only}
            </label>
            // The order: "newest first" stands where the filters have "any".
            {select(slot::ORDER, t.sort_by, t.sort_newest, fixed(Sort::ALL[1..].iter().map(|&s| sort_name(t, s)).collect()))}
            {move || choices.with(deal_list::filtering).then(|| view! {
                <button type="button" class="quiet" on:click=move |_| choices.update(deal_list::clear_filters)>
                    {t.clear_filters}
                </button>
            })}
        </div>
    }
}

/// A labelled select over `choices[at]`: option 0 is `first`, then `options` from 1.
fn choice(
    choices: RwSignal<Choices>,
    at: usize,
    label: &'static str,
    first: &'static str,
    options: Signal<Vec<String>>,
) -> impl IntoView {
    let value = move || choices.with(|c| c[at]);
    // Marks the chosen option when the options are drawn (the owners change); `prop:value`
    // follows later choices, so drawing them does not depend on the choice.
    let chosen = move |n: usize| choices.with_untracked(|c| c[at]) == n;
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select
                prop:value=move || value().to_string()
                on:change=move |ev| {
                    let n = event_target_value(&ev).parse().unwrap_or(0);
                    choices.update(|c| c[at] = n);
                }
            >
                <option value="0">{first}</option>
                {move || options.with(|list| list.iter().enumerate().map(|(i, o)| {
                    let n = i + 1;
                    view! { <option value=n.to_string() selected=chosen(n)>{o.clone()}</option> }
                }).collect_view())}
            </select>
        </label>
    }
}
