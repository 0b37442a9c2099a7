//! Reusable pieces of the interface.

mod banners;
mod content_gate;
mod empty_state;
mod fields;
mod header;
mod markdown;
mod search;
mod toast;

pub use banners::StorageBanners;
pub use content_gate::ContentGate;
pub use empty_state::EmptyState;
pub use fields::{SelectField, TextField};
pub use header::AppHeader;
pub use markdown::Markdown;
pub use search::SearchEverywhere;
pub use toast::ToastArea;
