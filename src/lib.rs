//! Sales Playbook: an offline-first sales playbook that runs entirely in the browser.
//!
//! Data flows one way: storage → domain state → views; user actions flow back as domain
//! operations → state → storage. `domain`, `i18n` and the core of `storage` are pure Rust and
//! tested natively; the rest is compiled only for the browser.

pub mod domain;
pub mod i18n;
pub mod storage;
