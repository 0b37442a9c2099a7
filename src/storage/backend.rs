//! The key-value interface storage runs on, and an in-memory implementation for tests.

use super::{stored_bytes, StorageError};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A string key-value store with localStorage's semantics.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key, ours and other apps' on the same origin.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// A [`Backend`] in memory with an optional quota and a switch that makes writes fail, so
/// native tests can play out full and disabled storage.
#[derive(Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
    disabled: Cell<bool>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total stored bytes, as a browser quota does.
    pub fn with_quota(self, bytes: usize) -> Self {
        self.quota.set(Some(bytes));
        self
    }

    /// Makes every later call fail as if storage were disabled.
    pub fn disable(&self) {
        self.disabled.set(true);
    }

    /// A copy of everything stored, to compare before and after.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.disabled.get() {
            Err(StorageError::Unavailable("disabled".into()))
        } else {
            Ok(())
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Some(quota) = self.quota.get() {
            let map = self.map.borrow();
            let others: usize = map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| stored_bytes(k, v))
                .sum();
            if others + stored_bytes(key, value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_rejects_a_write_that_would_not_fit_and_keeps_the_old_value() {
        let b = MemoryBackend::new().with_quota(40);
        b.set("k", "small").unwrap();
        assert_eq!(
            b.set("k", &"x".repeat(100)),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(b.get("k").unwrap().as_deref(), Some("small"));
    }

    #[test]
    fn disabled_storage_fails_every_call() {
        let b = MemoryBackend::new();
        b.disable();
        assert!(matches!(b.get("k"), Err(StorageError::Unavailable(_))));
        assert!(matches!(b.set("k", "v"), Err(StorageError::Unavailable(_))));
    }
}
