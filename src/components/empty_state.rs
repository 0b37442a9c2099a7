//! What a list or page shows when there is nothing in it yet.

use leptos::prelude::*;

/// A short message that says what to do to fill the empty place.
#[component]
pub fn EmptyState(#[prop(into)] message: Signal<&'static str>) -> impl IntoView {
    view! { <p class="empty-state" data-testid="empty-state">{message}</p> }
}
