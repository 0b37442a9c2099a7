//! The proposal templates browser, with a preview.

use crate::domain::Id;
use leptos::prelude::*;

/// All templates, filterable by industry.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    view! { <h1>"Templates"</h1> }
}

/// One template with a preview filled from sample values.
#[component]
pub fn TemplatePage(id: Id) -> impl IntoView {
    view! { <h1>{id.to_string()}</h1> }
}
