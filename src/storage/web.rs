//! The browser's localStorage as a [`Backend`].

use super::{Backend, MemoryBackend, StorageError};
use crate::dom::describe;
use wasm_bindgen::{JsCast, JsValue};

/// localStorage of this origin.
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    /// Opens localStorage; fails when the browser has it disabled or blocked.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStorage(storage)),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }
}

/// localStorage when the browser allows it, otherwise memory (the app still works for the
/// session and says so). The error says why storage is not available.
pub fn open_or_memory() -> (Box<dyn Backend>, Option<StorageError>) {
    match BrowserStorage::open().and_then(|s| s.keys().map(|_| s)) {
        Ok(storage) => (Box::new(storage), None),
        Err(e) => (Box::new(MemoryBackend::new()), Some(e)),
    }
}

impl Backend for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = self.0.length().map_err(to_error)?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = self.0.key(i).map_err(to_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

impl Backend for Box<dyn Backend> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// Chrome and Safari name a full quota `QuotaExceededError`, Firefox
/// `NS_ERROR_DOM_QUOTA_REACHED`; a `SecurityError` means storage is blocked.
fn to_error(e: JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::QuotaExceeded
        }
        Some(name) if name == "SecurityError" => StorageError::Unavailable(describe(&e)),
        _ => StorageError::Other(describe(&e)),
    }
}
