//! The only code that touches persisted data.
//!
//! Every record lives under its own namespaced key (`sp:deal:<id>`), wrapped in a versioned
//! envelope (`{"schema": n, "data": …}`), so saving one edit writes one small value. Loading
//! migrates old envelopes step by step, sets unreadable values aside in quarantine keys, and
//! refuses to write anything once data from a newer schema is seen. The logic is generic over
//! [`Backend`] and tested natively with [`MemoryBackend`]; `web` binds it to localStorage.

pub mod backend;
pub mod backup;
pub mod envelope;
pub mod keys;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use backend::{Backend, MemoryBackend};
pub use envelope::CURRENT_SCHEMA;
pub use keys::Key;
pub use store::{Change, LoadReport, Loaded, Quarantined, Store};

/// Why storage could not do what was asked. Turned into words only in the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// localStorage is missing or disabled (private mode, blocked by policy).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// The browser's quota (about 5 MiB) is used up.
    #[error("storage is full")]
    QuotaExceeded,
    /// Data from a newer version of the app is present; writing could destroy it.
    #[error("data written by a newer version (schema {0}) is present: read-only")]
    ReadOnly(u32),
    /// Anything else the browser reported.
    #[error("storage failed: {0}")]
    Other(String),
}

/// Roughly what browsers allow one origin in localStorage: 5 MiB of UTF-16 text.
pub const QUOTA_BYTES: usize = 5 * 1024 * 1024;

/// Bytes a key and value take in localStorage, which counts UTF-16 code units.
pub fn stored_bytes(key: &str, value: &str) -> usize {
    2 * (key.encode_utf16().count() + value.encode_utf16().count())
}
