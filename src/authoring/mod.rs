//! Authoring for trainers: the playbook's contents with edit, duplicate, reorder and delete,
//! one entity's form editor, and team packs.

use leptos::prelude::*;

/// The contents of the playbook, part by part, and packs.
#[component]
pub fn AuthorPage() -> impl IntoView {
    view! { <h1>"Author"</h1> }
}

/// The form editor of one entity.
#[component]
pub fn EditPage(part: String, key: String) -> impl IntoView {
    view! { <h1>{part}" "{key}</h1> }
}
