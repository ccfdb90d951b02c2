//! What this browser holds, read before the app is shown (`Saved`), and
//! reading a stored record with the quick reader or, when it cannot, the
//! careful one fetched for it.

use scrutineer_core::file::store::{self, Loaded, Stored, KEY};

use crate::records;

/// What this browser holds, read before the app is shown.
pub enum Saved {
    /// The browser gives this page no storage.
    Unavailable,
    /// Storage is there, but reading it, or the part of the app that reads
    /// it, failed; nothing is saved over it.
    Unreadable(String),
    /// What was found: nothing, the record, or a record to keep aside.
    Found(Loaded),
}

impl Saved {
    /// The stored text, or why it cannot be had.
    fn raw() -> Result<Option<String>, Saved> {
        if !records::available() {
            return Err(Saved::Unavailable);
        }
        records::read(KEY).map_err(|e| Saved::Unreadable(e.to_string()))
    }

    /// Reads what is stored, with every reader at hand (the browser tests,
    /// and any build that keeps the whole app in one wasm), once
    /// [`records::load`] has run.
    pub fn read() -> Saved {
        match Saved::raw() {
            Ok(raw) => Saved::Found(store::load(raw.as_deref())),
            Err(saved) => saved,
        }
    }

    /// Reads what is stored quickly; only a record that needs the careful
    /// reader (an older format, or one that does not read straight) waits
    /// for that reader's chunk, which the first load does not carry. `None`
    /// when that chunk could not be fetched: the app must not start then, so
    /// nothing can be saved over the record.
    #[cfg(feature = "split")]
    pub async fn read_on_demand() -> Option<Saved> {
        use scrutineer_core::file::format::QuickError;
        loop {
            let raw = match Saved::raw() {
                Ok(Some(raw)) => raw,
                Ok(None) => return Some(Saved::Found(Loaded::FirstVisit)),
                Err(saved) => return Some(saved),
            };
            let decoded = match store::decode_quick(&raw) {
                Ok(decoded) => Ok(decoded),
                Err(QuickError::Refused(error)) => Err(error),
                Err(QuickError::NeedsCareful) => {
                    let decoded = crate::pages::decode_carefully(raw.clone()).await?;
                    // Another tab may have saved while the reader was fetched
                    // (before this tab listens for it): read what is there now.
                    if records::refresh(KEY).await.as_ref() != Some(&raw) {
                        continue;
                    }
                    decoded
                }
            };
            return Some(Saved::Found(store::loaded(&raw, decoded)));
        }
    }
}

/// Reads a stored record and hands what it holds to `then`: at once when the
/// quick reader reads it (a record of this version), otherwise once the
/// careful reader has (whose chunk the release build fetches first); `None`
/// when neither can read it.
pub(super) fn read_stored_then(raw: String, then: impl FnOnce(Option<Stored>) + 'static) {
    use scrutineer_core::file::format::QuickError;
    match store::decode_quick(&raw) {
        Ok((stored, _)) => then(Some(stored)),
        Err(QuickError::Refused(_)) => then(None),
        Err(QuickError::NeedsCareful) => leptos::task::spawn_local(async move {
            let careful = crate::pages::decode_carefully(raw).await;
            then(careful.and_then(Result::ok).map(|(stored, _)| stored));
        }),
    }
}
