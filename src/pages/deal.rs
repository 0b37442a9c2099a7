//! One lead: its facts, editable in place, its history, and its deletion.

use crate::components::{SelectField, TextField};
use crate::domain::clock::{self, DueState};
use crate::domain::deal::{validate_customer, CustomerClass, Deal, Grade, Source, Status};
use crate::domain::grading::{Level, Signal as GradingSignal};
use crate::domain::money;
use crate::domain::playbook::{Industry, StageKind};
use crate::domain::timeline::{self, EventKind};
use crate::domain::Id;
use crate::i18n::{self, fill, format, grade_name, status_name, texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The deal page for `id`; says so when the lead does not exist in this browser.
#[component]
pub fn DealPage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    // Notices from before this page was open are stale.
    state.changed_elsewhere.update(|c| {
        c.remove(&id);
    });
    // A memo, so the editor (and what is being typed) is drawn again only when the deal
    // appears or goes, not on every save. A lead deleted (in another tab) while shown here
    // stays while the notice offers it back, so what is being typed is not lost.
    let exists = {
        let id = id.clone();
        Memo::new(move |shown: Option<&bool>| {
            state.deals.with(|m| m.contains_key(&id))
                || (shown == Some(&true) && state.offered_back(&id).is_some())
        })
    };
    view! {
        <p class="breadcrumb"><a href=Route::Deals.href()>{t.back_to_deals}</a></p>
        {move || if exists.get() {
            view! { <DealEditor id=id.clone()/> }.into_any()
        } else {
            view! { <h1>{t.not_found_title}</h1><p>{t.deal_not_found}</p> }.into_any()
        }}
    }
}

/// The editable facts of an existing deal.
#[component]
fn DealEditor(id: Id) -> impl IntoView {
    let state = use_app_state();
    let t = texts(state.locale());
    let deal = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .deals
                .with(|m| m.get(&id).cloned())
                .or_else(|| state.offered_back(&id))
        })
    };
    let read = move |f: fn(&Deal) -> String| {
        Signal::derive(move || deal.with(|d| d.as_ref().map(f).unwrap_or_default()))
    };
    let disabled = Signal::derive(move || state.read_only().is_some());
    let edit = {
        let id = id.clone();
        move |apply: fn(&mut Deal, String)| {
            let id = id.clone();
            Callback::new(move |value: String| state.edit_deal(&id, |d| apply(d, value)))
        }
    };
    let customer_error = RwSignal::new(false);
    let commit_customer = {
        let id = id.clone();
        Callback::new(move |value: String| match validate_customer(&value) {
            Ok(name) => {
                customer_error.set(false);
                state.edit_deal(&id, |d| d.customer = name);
            }
            Err(_) => customer_error.set(true),
        })
    };
    // Grading: the five signals, the rules' suggestion, and the rep's override.
    let rules = move || state.settings.with_untracked(|s| s.grading);
    let mut grade_options = vec![("", t.grade_follow_rules)];
    grade_options.extend(Grade::ALL.iter().map(|g| (g.code(), grade_name(t, *g))));
    let levels = choices(&Level::ALL, |l| i18n::level_name(t, l));
    let signal_fields = GradingSignal::ALL
        .into_iter()
        .map(|signal| {
            let id = id.clone();
            let value = move || {
                deal.with(|d| {
                    d.as_ref()
                        .map_or("", |d| index_of(&Level::ALL, Some(d.signals.get(signal))))
                })
            };
            let set = Callback::new(move |v: String| {
                if let Some(level) = pick(&Level::ALL, &v) {
                    state.edit_deal(&id, |d| d.set_signal(signal, level, &rules()));
                }
            });
            view! {
                <SelectField label=i18n::signal_name(t, signal) options=levels.clone()
                    value=Signal::derive(value) on_commit=set disabled/>
            }
        })
        .collect_view();
    let suggestion = move || {
        let rules = state.settings.with(|s| s.grading);
        deal.with(|d| d.as_ref().map(|d| i18n::grade_suggestion(t, d, &rules)))
    };
    let status_options: Vec<_> = Status::ALL
        .iter()
        .map(|s| (s.code(), status_name(t, *s)))
        .collect();
    // The other choices are drawn by their place in the domain's list of values.
    let stages = choices(&StageKind::ALL, |s| i18n::stage_name(t, s));
    let sources = choices(&Source::ALL, |s| i18n::source_name(t, s));
    let industries = choices(&Industry::ALL, |i| i18n::industry_name(t, i));
    let classes = choices(&CustomerClass::ALL, |c| i18n::class_name(t, c));
    let chosen = move |f: fn(&Deal) -> &'static str| {
        Signal::derive(move || deal.with(|d| d.as_ref().map_or("", f)))
    };
    let value_error = RwSignal::new(false);
    let set_value = {
        let id = id.clone();
        Callback::new(move |text: String| {
            let mut ok = true;
            state.edit_deal(&id, |d| ok = d.set_value_text(&text));
            value_error.set(!ok);
        })
    };
    let assigned = move || {
        deal.with(|d| {
            d.as_ref()
                .map(|d| format::date_time(state.locale(), crate::dom::local_time(d.assigned_at)))
        })
    };
    let now = crate::state::ticking_now();
    let when = move |t| format::date_time(state.locale(), crate::dom::local_time(t));
    let due_badge = move |st: DueState| {
        i18n::due_badge(t, st).map(|(class, label)| view! { " " <span class=class>{label}</span> })
    };
    // The first follow-up: when it is due and where it stands, or when it happened.
    let first_follow_up = move || {
        let sla = state.settings.with(|s| s.sla);
        deal.with(|d| {
            let d = d.as_ref()?;
            Some(match d.first_follow_up_at {
                Some(at) => {
                    let on_time = clock::followed_up_in_time(d, &sla) == Some(true);
                    let text = if on_time {
                        t.first_follow_up_on_time
                    } else {
                        t.first_follow_up_late
                    };
                    (fill(text, &[("time", &when(at))]), None)
                }
                None => {
                    let due = clock::first_follow_up_due(d.assigned_at, &sla);
                    let hours = sla.first_follow_up_hours.to_string();
                    let text = fill(
                        t.first_follow_up_pending,
                        &[("time", &when(due)), ("hours", &hours)],
                    );
                    (text, Some(clock::follow_up_state(d, &sla, now.get())))
                }
            })
        })
    };
    // Whether the buttons show: these change with the deal, not with the clock.
    let follow_up_pending = Memo::new(move |_| {
        deal.with(|d| d.as_ref().is_some_and(|d| d.first_follow_up_at.is_none()))
    });
    let action_open = Memo::new(move |_| {
        deal.with(|d| {
            let action = d.as_ref().and_then(|d| d.next_action.as_ref());
            action.is_some_and(|a| a.done_at.is_none())
        })
    });
    let log_follow_up = {
        let id = id.clone();
        move |_| state.record(&id, EventKind::FollowUp)
    };
    // A call or a note for the history, with what was said.
    let entry = RwSignal::new(String::new());
    let log = {
        let id = id.clone();
        move |call: bool| {
            let text = entry.get_untracked().trim().to_owned();
            let kind = if call {
                EventKind::Call { note: text }
            } else {
                EventKind::Note { text }
            };
            state.record(&id, kind);
            entry.set(String::new());
        }
    };
    let log_note = log.clone();
    let no_entry = move || disabled.get() || entry.with(|e| e.trim().is_empty());
    // Newest first, ending with the assignment, which every lead has.
    let history = move || {
        deal.with(|d| {
            let d = d.as_ref()?;
            let mut rows: Vec<_> = timeline::newest_first(&d.history)
                .into_iter()
                .map(|e| {
                    (
                        e.at,
                        i18n::event_label(t, &e.kind),
                        e.kind.said().to_owned(),
                    )
                })
                .collect();
            rows.push((d.assigned_at, t.event_assigned.into(), String::new()));
            Some(rows)
        })
    };
    // The next action's state: done, or open with its deadline's badge and a Done button.
    let next_state = move || {
        let sla = state.settings.with(|s| s.sla);
        deal.with(|d| {
            let a = d.as_ref()?.next_action.as_ref()?;
            Some(match a.done_at {
                Some(at) => Err(fill(t.next_action_done, &[("time", &when(at))])),
                None => Ok(clock::next_action_state(a, &sla, now.get())),
            })
        })
    };
    let complete = {
        let id = id.clone();
        move |_| state.edit_deal(&id, |d| d.complete_next_action(crate::state::now()))
    };
    let set_task = {
        let id = id.clone();
        Callback::new(move |task: String| {
            state.edit_deal(&id, |d| d.set_next_action_task(&task, crate::state::now()))
        })
    };
    let due_error = RwSignal::new(false);
    let set_due = {
        let id = id.clone();
        Callback::new(move |text: String| {
            // The offset of the time entered, not of today's: across a clock change they differ.
            let local = clock::parse_input_time(&text);
            let read = |offset_at| {
                let offset = crate::dom::offset_minutes_at(offset_at);
                local.map(|l| clock::from_local(l, offset))
            };
            match read(crate::state::now()).and_then(read) {
                Some(due) => {
                    due_error.set(false);
                    state.edit_deal(&id, |d| d.set_next_action_due(due));
                }
                None => due_error.set(true),
            }
        })
    };
    let confirming = RwSignal::new(false);
    let delete = {
        let id = id.clone();
        move |_| {
            let name =
                deal.with_untracked(|d| d.as_ref().map(|d| d.customer.clone()).unwrap_or_default());
            state.delete_deal(&id, fill(t.lead_deleted, &[("name", &name)]));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&Route::Deals.href());
            }
        }
    };
    let changed_elsewhere = {
        let id = id.clone();
        Memo::new(move |_| state.changed_elsewhere.with(|c| c.contains(&id)))
    };
    let dismiss_changed = {
        let id = id.clone();
        move |_| {
            state.changed_elsewhere.update(|c| {
                c.remove(&id);
            })
        }
    };

    view! {
        <h1 id="page-title" tabindex="-1">{move || deal.with(|d| d.as_ref().map(|d| d.customer.clone()))}</h1>
        {move || changed_elsewhere.get().then(|| view! {
            <div class="banner info" role="status" data-testid="changed-elsewhere">
                <p>{t.changed_elsewhere}</p>
                <button type="button" class="quiet" on:click=dismiss_changed.clone()>{t.dismiss}</button>
            </div>
        })}
        <dl class="facts">
            <dt>{t.lead_number}</dt>
            <dd>{move || deal.with(|d| d.as_ref().map(|d| d.number.clone()))}</dd>
            <dt>{t.assigned_at}</dt>
            <dd>{assigned}</dd>
        </dl>
        <div class="form-grid">
            <TextField label=t.customer_name value=read(|d| d.customer.clone())
                on_commit=commit_customer disabled/>
            {move || customer_error.get().then(|| view! { <p class="field-error" role="alert">{t.error_customer_missing}</p> })}
            <TextField label=t.contact value=read(|d| d.contact.clone())
                on_commit=edit(|d, v| d.contact = v) disabled/>
            <TextField label=t.phone value=read(|d| d.phone.clone()) kind="tel"
                on_commit=edit(|d, v| d.phone = v) disabled/>
            <TextField label=t.email value=read(|d| d.email.clone()) kind="email"
                on_commit=edit(|d, v| d.email = v) disabled/>
            <SelectField label=t.status options=status_options
                value=Signal::derive(move || deal.with(|d| d.as_ref().map_or("to_follow_up", |d| d.status.code())))
                on_commit=edit(|d, v| d.status = Status::from_code(&v).unwrap_or(d.status)) disabled/>
            <SelectField label=t.deal_stage options=stages
                value=chosen(|d| index_of(&StageKind::ALL, d.stage))
                on_commit=edit(|d, v| d.stage = pick(&StageKind::ALL, &v).or(d.stage)) disabled/>
            <SelectField label=t.source options=sources
                value=chosen(|d| index_of(&Source::ALL, Some(d.source)))
                on_commit=edit(|d, v| d.source = pick(&Source::ALL, &v).unwrap_or(d.source)) disabled/>
            <SelectField label=t.industry options=industries
                value=chosen(|d| index_of(&Industry::ALL, Some(d.industry)))
                on_commit=edit(|d, v| d.industry = pick(&Industry::ALL, &v).unwrap_or(d.industry)) disabled/>
            <SelectField label=t.customer_class options=classes
                value=chosen(|d| index_of(&CustomerClass::ALL, Some(d.class)))
                on_commit=edit(|d, v| d.class = pick(&CustomerClass::ALL, &v).unwrap_or(d.class)) disabled/>
            <TextField label=t.owner value=read(|d| d.owner.clone())
                on_commit=edit(|d, v| d.owner = v.trim().to_owned()) disabled/>
            <TextField label=t.deal_value on_commit=set_value disabled
                value=read(|d| if d.value_minor == 0 { String::new() } else { money::format_plain(d.value_minor, &d.currency) })/>
            {move || value_error.get().then(|| view! { <p class="field-error" role="alert">{t.error_amount}</p> })}
            <TextField label=t.currency value=read(|d| d.currency.clone())
                on_commit=edit(|d, v| d.currency = v.trim().to_ascii_uppercase()) disabled/>
            <TextField label=t.notes value=read(|d| d.notes.clone()) multiline=true
                on_commit=edit(|d, v| d.notes = v) disabled/>
        </div>
        <section class="grading" aria-labelledby="grading-title">
            <h2 id="grading-title">{t.grading_title}</h2>
            <div class="form-grid">
                {signal_fields}
                <SelectField label=t.grade options=grade_options
                    value=Signal::derive(move || deal.with(|d| d.as_ref().and_then(|d| d.grade_override).map_or("", Grade::code)))
                    on_commit=Callback::new({
                        let id = id.clone();
                        move |v: String| state.edit_deal(&id, |d| d.override_grade(Grade::from_code(&v), &rules()))
                    }) disabled/>
            </div>
            <p data-testid="grade-suggestion">{suggestion}</p>
        </section>
        <section class="follow-up" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">{t.follow_up_title}</h2>
            {move || first_follow_up().map(|(text, st)| view! {
                <p data-testid="first-follow-up">{text}{st.and_then(due_badge)}</p>
            })}
            // Apart from the text, which the clock redraws: a redraw must not take the focus.
            {move || follow_up_pending.get().then(|| view! {
                <button type="button" on:click=log_follow_up.clone() disabled=disabled>{t.log_follow_up}</button>
            })}
            <div class="form-grid">
                <TextField label=t.next_action on_commit=set_task disabled
                    value=read(|d| d.next_action.as_ref().map(|a| a.task.clone()).unwrap_or_default())/>
                <TextField label=t.next_action_due kind="datetime-local" on_commit=set_due disabled
                    value=read(|d| d.next_action.as_ref().map(|a| input_time(a.due)).unwrap_or_default())/>
                {move || due_error.get().then(|| view! { <p class="field-error" role="alert">{t.error_due_time}</p> })}
            </div>
            {move || next_state().map(|st| match st {
                Err(done) => view! { <p data-testid="next-action-state">{done}</p> }.into_any(),
                Ok(st) => view! { <p data-testid="next-action-state">{due_badge(st)}</p> }.into_any(),
            })}
            {move || action_open.get().then(|| view! {
                <button type="button" on:click=complete.clone() disabled=disabled>{t.mark_done}</button>
            })}
        </section>
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{t.history_title}</h2>
            <label class="field">
                <span class="field-label">{t.history_entry}</span>
                <textarea rows="3" prop:value=entry disabled=disabled
                    on:input=move |ev| entry.set(event_target_value(&ev))></textarea>
            </label>
            <p class="actions">
                <button type="button" disabled=disabled on:click=move |_| log(true)>{t.log_call}</button>
                " "
                <button type="button" disabled=no_entry on:click=move |_| log_note(false)>{t.add_note}</button>
            </p>
            <ol class="timeline" data-testid="timeline">
                {move || history().unwrap_or_default().into_iter().map(|(at, label, text)| view! {
                    <li>
                        <span class="when">{when(at)}</span>" "<strong>{label}</strong>
                        {(!text.is_empty()).then(|| view! { <p>{text}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="danger-zone">
            {move || if confirming.get() {
                view! {
                    <div role="alertdialog" aria-labelledby="confirm-delete-text" class="confirm">
                        <p id="confirm-delete-text">{t.confirm_delete_lead}</p>
                        <button type="button" class="danger" on:click=delete.clone()>{t.confirm_delete}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="danger" disabled=disabled on:click=move |_| confirming.set(true)>
                        {t.delete_lead}
                    </button>
                }.into_any()
            }}
        </section>
    }
}

/// Form values of a choice: its place in the list of values.
const PLACES: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
// Every list drawn with `choices` has a form value for each of its values.
const _: () = assert!(
    StageKind::ALL.len() <= PLACES.len()
        && Source::ALL.len() <= PLACES.len()
        && Industry::ALL.len() <= PLACES.len()
        && CustomerClass::ALL.len() <= PLACES.len()
        && Level::ALL.len() <= PLACES.len()
);

/// `(value, label)` pairs for a select over `all`.
fn choices<T: Copy>(
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter()
        .zip(PLACES)
        .map(|(v, place)| (place, name(*v)))
        .collect()
}

/// The form value of `v` among `all`; empty when it is none of them.
fn index_of<T: PartialEq>(all: &[T], v: Option<T>) -> &'static str {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .and_then(|i| PLACES.get(i).copied())
        .unwrap_or("")
}

/// The value a form value stands for.
fn pick<T: Copy>(all: &[T], place: &str) -> Option<T> {
    place
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}

/// `t` as a `datetime-local` input shows it: `2026-03-01T09:30`, on the browser's clock.
fn input_time(t: crate::domain::Timestamp) -> String {
    use chrono::{Datelike, Timelike};
    let l = crate::dom::local_time(t);
    let (y, mo, d, h, mi) = (l.year(), l.month(), l.day(), l.hour(), l.minute());
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}")
}
