//! One lead: its facts, editable in place, and its deletion.

use crate::components::{SelectField, TextField};
use crate::domain::deal::{validate_customer, Deal, Grade, Status};
use crate::domain::Id;
use crate::i18n::{fill, format, grade_name, status_name, texts};
use crate::routes::Route;
use crate::state::use_app_state;
use chrono::{Duration, FixedOffset, Offset};
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
    // appears or goes, not on every save.
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.deals.with(|m| m.contains_key(&id)))
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
        Memo::new(move |_| state.deals.with(|m| m.get(&id).cloned()))
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
    let grade_options: Vec<_> = Grade::ALL
        .iter()
        .map(|g| (g.code(), grade_name(t, *g)))
        .collect();
    let status_options: Vec<_> = Status::ALL
        .iter()
        .map(|s| (s.code(), status_name(t, *s)))
        .collect();
    let assigned = move || {
        deal.with(|d| {
            d.as_ref().map(|d| {
                let offset = local_offset(&d.assigned_at);
                format::date_time(
                    state.locale(),
                    (d.assigned_at.with_timezone(&offset)).naive_local(),
                )
            })
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
            <SelectField label=t.grade options=grade_options
                value=Signal::derive(move || deal.with(|d| d.as_ref().map_or("C", |d| d.grade.code())))
                on_commit=edit(|d, v| d.grade = Grade::from_code(&v).unwrap_or(d.grade)) disabled/>
            <SelectField label=t.status options=status_options
                value=Signal::derive(move || deal.with(|d| d.as_ref().map_or("to_follow_up", |d| d.status.code())))
                on_commit=edit(|d, v| d.status = Status::from_code(&v).unwrap_or(d.status)) disabled/>
            <TextField label=t.notes value=read(|d| d.notes.clone()) multiline=true
                on_commit=edit(|d, v| d.notes = v) disabled/>
        </div>
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

/// The browser's UTC offset at `at` (so a date across a DST change shows its own offset).
fn local_offset(at: &crate::domain::Timestamp) -> FixedOffset {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let minutes_west = date.get_timezone_offset() as i64;
    FixedOffset::east_opt((-Duration::minutes(minutes_west)).num_seconds() as i32)
        .unwrap_or_else(|| chrono::Utc.fix())
}
