//! The proposal templates browser: every template with an industry filter, and one template
//! previewed with sample values or shown as its source.

use super::playbook::{industry_select, session_industry, shows};
use crate::components::{EmptyState, Markdown};
use crate::domain::playbook::StageKind;
use crate::domain::proposal::ProposalTemplate;
use crate::domain::Id;
use crate::i18n::browse::browse_texts;
use crate::i18n::{fill, industry_name, texts};
use crate::render::template::template_html;
use crate::routes::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Whether `template` serves `stage`: every proposal serves needs analysis and solution design
/// ("a tailored solution from standard templates", DOMAIN.md), and one with a pricing table
/// serves quote and contract too.
pub(super) fn serves(template: &ProposalTemplate, stage: StageKind) -> bool {
    match stage {
        StageKind::NeedsAnalysis => true,
        StageKind::QuoteAndContract => template.pricing,
        _ => false,
    }
}

/// All templates, filterable by industry.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let state = use_app_state();
    let locale = state.locale();
    let (t, b) = (texts(locale), browse_texts(locale));
    let industry = session_industry();
    let list = move || {
        let chosen = industry.get();
        state.playbook.with(|p| {
            let shown: Vec<_> = p
                .templates
                .iter()
                .filter(|x| shows(chosen, x.industry))
                .collect();
            if shown.is_empty() {
                let message = if p.templates.is_empty() {
                    b.templates_empty
                } else {
                    b.templates_none
                };
                return view! { <EmptyState message=message/> }.into_any();
            }
            view! {
                <ul class="card-list" data-testid="template-list">
                    {shown.into_iter().map(|x| {
                        let sections = fill(b.template_sections, &[("n", &x.sections.len().to_string())]);
                        view! {
                            <li>
                                <a href=Route::Template(x.id.clone()).href()>{x.title.get(locale).to_owned()}</a>
                                <p class="hint">{industry_name(t, x.industry)}" · "{sections}</p>
                                <Markdown source=x.description.get(locale).to_owned()/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <p class="breadcrumb"><a href=Route::Playbook.href()>{t.back_to_playbook}</a></p>
        <h1>{t.templates_title}</h1>
        <p class="intro">{b.templates_intro}</p>
        {industry_select(t, t.industry, industry)}
        {list}
    }
}

/// One template: its description, then each section previewed with sample values or its
/// source with the `{{variables}}` (see [`template_html`]).
#[component]
pub fn TemplatePage(id: Id) -> impl IntoView {
    let state = use_app_state();
    let locale = state.locale();
    let (t, b) = (texts(locale), browse_texts(locale));
    let page = move || {
        state
            .playbook
            .with(|p| match p.templates.iter().find(|x| x.id == id) {
                None => view! {
                    <h1>{t.not_found_title}</h1>
                    <p>{b.template_missing}</p>
                }
                .into_any(),
                Some(x) => view! {
                    <h1>{x.title.get(locale).to_owned()}</h1>
                    <div inner_html=template_html(p, x, locale)></div>
                }
                .into_any(),
            })
    };
    view! {
        <p class="breadcrumb"><a href=Route::Templates.href()>{t.templates_title}</a></p>
        {page}
    }
}
