//! Browser storage, and nothing else: read, write and remove whole strings
//! under a key, with every way that can fail named. What to store and what a
//! stored string means is decided in `scrutineer_core::file::store`.

use std::fmt;

use gloo_storage::Storage as _;

use crate::browser::error_name;

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives this page no storage (private browsing, or turned off).
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Any other refusal, with the browser's name for it.
    Failed(String),
    /// What the browser holds could not be read, with the reason.
    NotRead(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "this browser is not letting Scrutineer keep data (private browsing, or site data turned off)",
            ),
            StorageError::Full => f.write_str("this browser's storage for Scrutineer is full"),
            StorageError::Failed(name) => write!(f, "the browser refused to save ({name})"),
            StorageError::NotRead(why) => {
                write!(f, "the browser could not read what it holds ({why})")
            }
        }
    }
}

/// Whether local storage can be read and written at all.
pub fn available() -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let Some(storage) = storage else {
        return false;
    };
    let probe = "scrutineer.probe";
    let ok = storage.set_item(probe, "1").is_ok();
    let _ = storage.remove_item(probe);
    ok
}

fn raw() -> Result<web_sys::Storage, StorageError> {
    if web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_none()
    {
        return Err(StorageError::Unavailable);
    }
    Ok(gloo_storage::LocalStorage::raw())
}

/// The text under `key`, or `None` where there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    raw()?
        .get_item(key)
        .map_err(|e| StorageError::Failed(error_name(&e).unwrap_or_default()))
}

/// Stores `text` under `key`, whole or not at all.
pub fn write(key: &str, text: &str) -> Result<(), StorageError> {
    raw()?
        .set_item(key, text)
        .map_err(|e| match error_name(&e).as_deref() {
            Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
            Some("SecurityError") => StorageError::Unavailable,
            other => StorageError::Failed(other.unwrap_or("unknown").to_owned()),
        })
}

/// Removes `key`; removing what is not there is not an error.
pub fn remove(key: &str) -> Result<(), StorageError> {
    raw()?
        .remove_item(key)
        .map_err(|e| StorageError::Failed(error_name(&e).unwrap_or_default()))
}

/// Where this device remembers that "Edit positions" is on (the matrix's
/// markers can be moved). Absent means off: a copy is read-only by default.
pub const EDIT_POSITIONS_KEY: &str = "scrutineer.edit-positions";

/// Whether this device has "Edit positions" on.
pub fn edit_positions() -> bool {
    matches!(read(EDIT_POSITIONS_KEY), Ok(Some(v)) if v == "on")
}

/// Remembers "Edit positions"; where storage refuses, the switch still
/// works for this visit, and is off at the next.
pub fn set_edit_positions(on: bool) {
    let _ = if on {
        write(EDIT_POSITIONS_KEY, "on")
    } else {
        remove(EDIT_POSITIONS_KEY)
    };
}
