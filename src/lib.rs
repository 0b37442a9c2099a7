//! Sales Playbook: an offline-first sales playbook that runs entirely in the browser.
//!
//! Data flows one way: storage → domain state → views; user actions flow back as domain
//! operations → state → storage. `domain`, `i18n`, `routes` and the core of `storage` are pure
//! Rust and tested natively; the rest is compiled only for the browser.

pub mod content;
pub mod domain;
pub mod i18n;
pub mod json;
pub mod markdown;
pub mod render;
pub mod routes;
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mounts the app on `<body>`: the whole of `main.rs`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // Readable panic messages in the console while developing; the release build leaves the
    // hook's formatting code out (about 1 KiB brotli of the budget).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    dom::mark_ready();
}
