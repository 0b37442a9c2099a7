//! Long text written in Markdown, rendered safely (see `crate::markdown`).

use crate::markdown::to_html;
use leptos::prelude::*;

/// Renders Markdown; raw HTML in it shows as text and unsafe links are dropped.
#[component]
pub fn Markdown(#[prop(into)] source: Signal<String>) -> impl IntoView {
    view! { <div class="prose" inner_html=move || to_html(&source.get())></div> }
}
