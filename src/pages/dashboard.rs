//! Dashboard: the period's process-health measures against their targets and the period
//! before, the work overdue now, the funnel, and lead → won by grade and source. Every card
//! opens to the deals behind its number. The numbers are `domain::measures`; their wording is
//! `i18n::measures`; this page only lays them out.

use crate::components::{EmptyState, SelectField};
use crate::domain::deal_list;
use crate::domain::measures::{overdue, trend, Dataset, Filter, Period};
use crate::domain::playbook::Industry;
use crate::i18n::measures::{
    cards, funnel_rows, lead_rows, off_target, overdue_cards, period_label, scope, Card, Row,
};
use crate::i18n::{fill, grade_name, industry_name, source_name, texts, Texts};
use crate::routes::Route;
use crate::state::{use_app_state, AppState};
use chrono::FixedOffset;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Everything the dashboard shows, computed once per change of the data or the filters.
#[derive(Clone, PartialEq)]
struct Board {
    period: String,
    /// The owner and industry the measures are for, on the printed report.
    scope: String,
    cards: Vec<Card>,
    off_target: Vec<String>,
    overdue: [Card; 2],
    funnel: Vec<Row>,
    by_grade: Vec<Row>,
    by_source: Vec<Row>,
}

/// The measures of the chosen period, owner and industry.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    let (kind, owner, industry) = state.dashboard;
    let any = Memo::new(move |_| state.deals.with(|m| !m.is_empty()));
    let owners = Memo::new(move |_| {
        state
            .deals
            .with(|m| deal_list::owners(m.values().map(|d| d.owner.as_str())))
    });
    let board = Memo::new(move |_| {
        let now = crate::state::now();
        let offset = FixedOffset::east_opt(crate::dom::offset_minutes_at(now) * 60)
            .unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
        let period = match kind.get() {
            "month" => Period::month(now, offset),
            "quarter" => Period::quarter(now, offset),
            _ => Period::week(now, offset),
        };
        let filter = Filter {
            owner: Some(owner.get()).filter(|o| !o.is_empty()),
            industry: Industry::from_code(industry.get()),
        };
        let scope = scope(t, &filter);
        let (sla, targets) = state.settings.with(|s| (s.sla, s.targets));
        state.deals.with(|m| {
            // Discovery answers are not recorded per deal yet: completeness says "No data".
            let discovery = BTreeMap::new();
            let data = Dataset::new(m.values(), &discovery, &filter);
            let trend = trend(&data, &period, &sla, now);
            let cards = cards(t, &trend, &targets);
            Board {
                period: period_label(t, state.locale(), &period, offset),
                scope,
                off_target: off_target(t, &cards),
                cards,
                overdue: overdue_cards(t, &overdue(&data, &sla, now)),
                funnel: funnel_rows(t, &trend.current.funnel),
                by_grade: lead_rows(&trend.current.by_grade, |g| grade_name(t, g)),
                by_source: lead_rows(&trend.current.by_source, |s| source_name(t, s)),
            }
        })
    });
    let industries: Vec<_> = std::iter::once(("", t.all_industries))
        .chain(
            Industry::ALL
                .iter()
                .map(|i| (i.code(), industry_name(t, *i))),
        )
        .collect();
    let filters = view! {
        <div class="filters dashboard-filters" hidden=move || !any.get()>
            <SelectField label=t.dash_period
                options=vec![("week", t.period_week), ("month", t.period_month), ("quarter", t.period_quarter)]
                value=kind
                on_commit=move |v: String| kind.set(match v.as_str() { "month" => "month", "quarter" => "quarter", _ => "week" })/>
            <label class="field">
                <span class="field-label">{t.owner}</span>
                <select prop:value=move || owner.get() on:change=move |ev| owner.set(event_target_value(&ev))>
                    <option value="">{t.all_owners}</option>
                    // Marked when drawn, as the page is drawn again with an owner chosen.
                    {move || owners.get().into_iter().map(|o| {
                        let (label, chosen) = (o.clone(), owner.with_untracked(|c| *c == o));
                        view! { <option value=o selected=chosen>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <SelectField label=t.industry options=industries value=industry
                on_commit=move |v: String| industry.set(Industry::from_code(&v).map_or("", Industry::code))/>
        </div>
    };
    // Printed, the page is the process-health report: its title and scope, the measures, what
    // is off target and the overdue deals by name (print.css drops the controls). The names are
    // drawn when printing starts, not on each change: a card can stand for thousands of deals.
    let printing = RwSignal::new(false);
    let on_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    on_cleanup(move || on_print.remove());
    let print = move |_| {
        printing.set(true);
        // Once the names are drawn: the print dialog blocks until it closes.
        set_timeout(
            || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        <h1 class="no-print">{t.nav_dashboard}</h1>
        <p class="print-only report-title">{t.report_title}</p>
        <p class="intro">{t.dashboard_intro}</p>
        {filters}
        {move || if any.get() {
            board.with(|b| {
                let b = b.clone();
                let lists: Vec<_> = b.overdue.iter().map(|c| (c.label, c.deals.clone())).collect();
                let overdue_names = move || printing.get().then(|| state.deals.with_untracked(|m| {
                    lists.iter().filter(|(_, ids)| !ids.is_empty()).map(|(label, ids)| {
                        let names = ids.iter().filter_map(|id| m.get(id)).map(|d| view! { <li>{d.number.clone()}" "{d.customer.clone()}</li> }).collect_view();
                        view! { <h3>{*label}</h3><ul>{names}</ul> }
                    }).collect_view()
                }));
                view! {
                    <p class="actions"><button type="button" on:click=print>{t.print_report}</button></p>
                    <h2 data-testid="period">{b.period}</h2>
                    <p class="print-only" data-testid="report-scope">{b.scope}</p>
                    <div class="cards">{b.cards.into_iter().map(|c| card(t, state, c)).collect_view()}</div>
                    <section data-testid="off-target"><h2>{t.off_target}</h2><ul>{b.off_target.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul></section>
                    <h2>{t.overdue_title}</h2>
                    <div class="cards">{b.overdue.into_iter().map(|c| card(t, state, c)).collect_view()}</div>
                    <div class="print-only" data-testid="overdue-list">{overdue_names}</div>
                    {table(t.funnel_title, vec![t.kind_stage, t.col_reached, t.col_conversion], b.funnel)}
                    {table(t.by_grade_title, vec![t.grade, t.col_leads, t.col_won, t.col_share], b.by_grade)}
                    {table(t.by_source_title, vec![t.source, t.col_leads, t.col_won, t.col_share], b.by_source)}
                }
            }).into_any()
        } else {
            view! { <EmptyState message=Signal::derive(move || t.dashboard_empty)/> }.into_any()
        }}
    }
}

/// A measure: its value, target and verdict, its change, and the deals behind it.
fn card(t: &'static Texts, state: AppState, c: Card) -> impl IntoView {
    let verdict = c.verdict.map(|ok| {
        let (class, text) = if ok {
            ("verdict ok", t.on_target)
        } else {
            ("verdict off", t.off_target)
        };
        view! { <span class=class>{text}</span> }
    });
    let n = c.deals.len();
    let ids = c.deals;
    // The links are drawn when the list is first opened: a card can stand for thousands of
    // deals, and drawing them all on each change of period would take most of its time.
    let open = RwSignal::new(false);
    let deals = (n > 0).then(|| {
        let links = move || {
            open.get().then(|| {
                state.deals.with_untracked(|m| {
                    ids.iter()
                        .filter_map(|id| m.get(id))
                        .map(|d| view! { <li><a href=Route::Deal(d.id.clone()).href()>{d.customer.clone()}</a></li> })
                        .collect_view()
                })
            })
        };
        view! {
            <details>
                <summary on:click=move |_| open.set(true)>{fill(t.deals_behind, &[("n", &n.to_string())])}</summary>
                <ul>{links}</ul>
            </details>
        }
    });
    view! {
        <section class="card" data-testid=c.key>
            <h3>{c.label}</h3>
            <p class="card-value">{c.value}</p>
            <p class="card-target">{c.target}" "{verdict}</p>
            {c.change.map(|change| view! { <p class="card-change">{change}</p> })}
            <p class="card-basis">{c.basis}</p>
            <p class="hint">{c.hint}</p>
            {deals}
        </section>
    }
}

/// A table with a caption, column headings and one row per entry, its first cell a heading.
fn table(caption: &'static str, head: Vec<&'static str>, rows: Vec<Row>) -> impl IntoView {
    view! {
        <table class="measures">
            <caption>{caption}</caption>
            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, cells)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
