//! Pure domain: the types and rules of a sales playbook.
//!
//! Nothing in here touches the browser, storage or the clock: the current time is always a
//! parameter, so every rule is tested with plain `cargo test`.

pub mod audit;
pub mod checklist;
pub mod deal;
pub mod field;
pub mod id;
pub mod lint;
pub mod objection;
pub mod overlay;
pub mod pack;
pub mod playbook;
pub mod proposal;
pub mod script;
pub mod search;
pub mod settings;
pub mod template;
pub mod text;
pub mod time;
pub mod training;

pub use id::Id;
pub use text::{Locale, LocalizedText};

/// A point in time as stored: UTC, serialized as RFC 3339.
pub type Timestamp = chrono::DateTime<chrono::Utc>;
