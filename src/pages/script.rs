//! A call script: read mode (the whole graph as an outline, branches visible) and practice
//! mode (one step at a time, choosing the customer's response). The live call mode of the
//! deals issue reuses the practice view with answers saved to the deal.

use crate::domain::playbook::Industry;
use crate::domain::script::{Choice, Script, Step, StepKind, Walk};
use crate::domain::Id;
use crate::i18n::{fill, industry_name, section_name, texts, Texts};
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The deepest indent of the outline (style/main.css has a rule for each depth up to it).
const MAX_INDENT: usize = 6;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Read,
    Practice,
}

/// The script page for `id`.
#[component]
pub fn ScriptPage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    // A practice this tab was in (before a reload, or a look at another page) resumes.
    let saved = crate::dom::session_get(&practice_key(&id));
    let saved_industry = saved.as_deref().and_then(Walk::encoded_industry);
    let mode = RwSignal::new(match saved_industry {
        Some(_) => Mode::Practice,
        None => Mode::Read,
    });
    let industry = RwSignal::new(saved_industry.unwrap_or(Industry::Generic));
    let key = StoredValue::new(practice_key(&id));
    let script = Memo::new(move |_| state.playbook.with(|p| p.script(&id).cloned()));
    let mode_button = move |m: Mode, label: fn(&Texts) -> &'static str| {
        let pick = move |_| {
            if m == Mode::Read {
                crate::dom::session_set(&key.get_value(), None);
            }
            mode.set(m);
        };
        view! {
            <button type="button" aria-pressed=move || (mode.get() == m).to_string() on:click=pick>
                {label(t)}
            </button>
        }
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        {move || match script.get() {
            None => view! {
                <h1>{t.not_found_title}</h1>
                <p>{t.script_missing}</p>
            }.into_any(),
            Some(script) => {
                let (title, summary) = (script.title.clone(), script.summary.clone());
                let script = StoredValue::new(script);
                view! {
                    <h1>{title.get(locale()).to_owned()}</h1>
                    <p class="intro">{summary.get(locale()).to_owned()}</p>
                    <div class="script-controls">
                        <div role="group" aria-label=t.script_mode class="segmented">
                            {mode_button(Mode::Read, |t| t.script_read)}
                            {mode_button(Mode::Practice, |t| t.script_practice)}
                        </div>
                        <label class="field">
                            <span class="field-label">{t.industry}</span>
                            <select on:change=move |ev| {
                                let v = event_target_value(&ev);
                                industry.set(Industry::from_code(&v).unwrap_or_default());
                            }>
                                {Industry::ALL.into_iter().rev().map(|i| view! {
                                    <option value=i.code() selected=move || industry.get() == i>{industry_name(t, i)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <p class="hint">{t.script_industry_hint}</p>
                    {move || {
                        let s = script.get_value();
                        match mode.get() {
                            Mode::Read => view! { <Outline script=s industry=industry.get()/> }.into_any(),
                            Mode::Practice => view! { <Practice script=s industry=industry.get()/> }.into_any(),
                        }
                    }}
                }.into_any()
            }
        }}
    }
}

/// Where the tab keeps the practice walk of a script (`Walk::encode`).
fn practice_key(script: &Id) -> String {
    format!("sp-practice-{script}")
}

/// The label of a step's kind, e.g. "Ask" or "Word for word".
fn kind_label(t: &Texts, kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Say { verbatim: true } => t.step_verbatim,
        StepKind::Say { .. } => t.step_say,
        StepKind::Ask { .. } => t.step_ask,
        _ => t.step_coach,
    }
}

fn kind_class(kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Say { verbatim: true } => "step verbatim",
        StepKind::Say { .. } => "step say",
        StepKind::Ask { .. } => "step ask",
        _ => "step coach",
    }
}

/// Read mode: every step once, branches indented under the step they leave from.
#[component]
fn Outline(script: Script, industry: Industry) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    // The step each depth was last at, to name the branch an indented entry comes from.
    let mut at_depth: Vec<Id> = Vec::new();
    let rows = script
        .outline(Some(industry))
        .into_iter()
        .filter_map(|entry| {
            let step = script.step(&entry.step)?.clone();
            let parent = entry
                .depth
                .checked_sub(1)
                .and_then(|d| at_depth.get(d))
                .cloned();
            at_depth.truncate(entry.depth);
            at_depth.push(entry.step.clone());
            let branch = entry
                .via
                .zip(parent)
                .and_then(|(i, p)| script.step(&p)?.branches.get(i).map(|b| b.label.clone()));
            Some((entry, step, branch))
        })
        .collect::<Vec<_>>();
    view! {
        <ol class="outline">
            {rows.into_iter().map(|(entry, step, branch)| {
                let text = step.clone();
                // A data attribute, not an inline style: the CSP allows no inline styles.
                let depth = entry.depth.min(MAX_INDENT).to_string();
                let section = step.section;
                view! {
                    <li data-depth=depth class=kind_class(&step.kind)>
                        {branch.map(|label| view! {
                            <p class="via">{fill(t.if_customer_says, &[("label", label.get(locale()))])}</p>
                        })}
                        {if entry.revisit {
                            view! { <p class="revisit">{fill(t.back_to_step, &[("text", text.text_for(industry, locale()))])}</p> }.into_any()
                        } else {
                            let kind = step.kind.clone();
                            view! {
                                <p class="step-meta">
                                    <span class="tag">{section_name(t, section)}</span>
                                    <span class="kind">{kind_label(t, &kind)}</span>
                                </p>
                                <p class="step-text">{text.text_for(industry, locale()).to_owned()}</p>
                            }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Practice mode: one step at a time; the customer's likely responses take the branch.
#[component]
fn Practice(script: Script, industry: Industry) -> impl IntoView {
    let state = use_app_state();
    let locale = move || state.locale();
    let t = texts(locale());
    let key = practice_key(&script.id);
    let resumed = crate::dom::session_get(&key)
        .and_then(|text| Walk::resume(&script, &text))
        .filter(|w| w.industry() == industry);
    let script = StoredValue::new(script);
    let walk = RwSignal::new(resumed.or_else(|| script.with_value(|s| Walk::start(s, industry))));
    // Every move is kept for the tab, so a reload resumes the call where it was.
    let key = StoredValue::new(key);
    let save = move || {
        walk.with_untracked(|w| {
            let text = w.as_ref().map(Walk::encode);
            crate::dom::session_set(&key.get_value(), text.as_deref())
        })
    };
    let blocked = RwSignal::new(false);
    let step = move || {
        walk.with(|w| {
            w.as_ref()
                .and_then(|w| script.with_value(|s| w.current_step(s).cloned()))
        })
    };
    let choices = move || {
        walk.with(|w| {
            w.as_ref()
                .map(|w| script.with_value(|s| w.choices(s)))
                .unwrap_or_default()
        })
    };
    let finished = move || {
        walk.with(|w| {
            w.as_ref()
                .is_some_and(|w| script.with_value(|s| w.is_finished(s)))
        })
    };

    let choose = move |index: usize| {
        walk.update(|w| {
            if let Some(w) = w {
                blocked.set(
                    script.with_value(|s| w.advance(s, index)).is_err()
                        && script.with_value(|s| w.can_advance(s)).is_err(),
                );
            }
        });
        save();
    };
    let finish = move || {
        walk.update(|w| {
            if let Some(w) = w {
                blocked.set(script.with_value(|s| w.finish(s)).is_err());
            }
        });
        save();
    };
    let back = move || {
        walk.update(|w| {
            if let Some(w) = w {
                w.back();
            }
        });
        save();
        blocked.set(false);
    };
    let restart = move || {
        walk.set(script.with_value(|s| Walk::start(s, industry)));
        save();
        blocked.set(false);
    };
    // Number keys choose a response, as the issue asks for keyboard-only use.
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        let typing = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| match el.tag_name().as_str() {
                // A ticked checkbox keeps the focus: number keys still choose.
                "INPUT" => !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("checkbox" | "radio")
                ),
                "TEXTAREA" | "SELECT" => true,
                _ => false,
            });
        if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if let Some(n) = e
            .key()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=9).contains(n))
        {
            if n <= choices().len() {
                e.prevent_default();
                choose(n - 1);
            }
        }
    });
    on_cleanup(move || keys.remove());

    let step_view = move || {
        step().map(|step: Step| {
            let kind = step.kind.clone();
            let section = step.section;
            let verbatim = kind.is_verbatim();
            let id = step.id.clone();
            let ticked = {
                let id = id.clone();
                move || walk.with(|w| w.as_ref().is_some_and(|w| w.is_ticked(&id)))
            };
            let text = step.clone();
            view! {
                <article class=kind_class(&step.kind) aria-live="polite">
                    <p class="step-meta">
                        <span class="tag">{section_name(t, section)}</span>
                        <span class="kind">{kind_label(t, &kind)}</span>
                    </p>
                    <p class="step-text big">{text.text_for(industry, locale()).to_owned()}</p>
                    {verbatim.then(|| view! {
                        <label class="tick">
                            <input type="checkbox" prop:checked=ticked.clone() on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                walk.update(|w| if let Some(w) = w { if on { w.tick() } else { w.untick() } });
                                save();
                                blocked.set(false);
                            }/>
                            {t.tick_verbatim}
                        </label>
                    })}
                    {step.kind.field().map(|_| view! {
                        <label class="field">
                            <span class="field-label">{t.answer_label}</span>
                            <input type="text" autocomplete="off"/>
                        </label>
                    })}
                </article>
            }
        })
    };
    // Drawn again only when the walk reaches or leaves its end.
    let done = Memo::new(move |_| finished());
    view! {
        <section class="practice" aria-label=t.script_practice>
            {move || if done.get() { view! {
                // The closing line is still on screen: it is what the rep says last.
                {step_view}
                <p class="done" role="status">{t.practice_done}</p>
                <button type="button" class="primary" on:click=move |_| restart()>{t.restart}</button>
            }.into_any() } else { view! {
                {step_view}
                {move || blocked.get().then(|| view! { <p class="field-error" role="alert">{t.verbatim_first}</p> })}
                <div class="choices">
                    {move || choices().into_iter().enumerate().map(|(i, choice)| {
                        let label = match &choice {
                            Choice::Branch { label, .. } => label.get(locale()).to_owned(),
                            Choice::Next { .. } => t.next.to_owned(),
                        };
                        view! {
                            <button type="button" on:click=move |_| choose(i)>
                                <kbd>{i + 1}</kbd>" "{label}
                            </button>
                        }
                    }).collect_view()}
                    {move || step().is_some_and(|s| s.end).then(|| view! {
                        <button type="button" class="primary" on:click=move |_| finish()>{t.finish}</button>
                    })}
                </div>
                <p class="hint">{t.choose_hint}</p>
                <div class="practice-nav">
                    <button type="button" on:click=move |_| back() disabled=move || walk.with(|w| w.as_ref().is_none_or(|w| w.breadcrumb().len() < 2))>
                        {t.back}
                    </button>
                    <button type="button" class="quiet" on:click=move |_| restart()>{t.restart}</button>
                </div>
            }.into_any() }}
            <details class="path">
                <summary>{t.path_so_far}</summary>
                <ol>
                    {move || walk.with(|w| w.as_ref().map(|w| w.breadcrumb().to_vec()).unwrap_or_default()).into_iter().filter_map(|id| {
                        let step = script.with_value(|s| s.step(&id).cloned())?;
                        Some(view! { <li>{step.text_for(industry, locale()).to_owned()}</li> })
                    }).collect_view()}
                </ol>
            </details>
        </section>
    }
}
