//! The bulk records: the snapshot, the copy kept before an import and an
//! unreadable copy kept aside, one string each under the keys of
//! [`RECORD_KEYS`]. They live in IndexedDB where the browser has it (local
//! storage's 5 MB holds too little for a large pack and the copy an import
//! keeps), else in local storage as before.
//!
//! The workspace reads them at once, from a copy in memory filled by
//! [`load`] at start. A write changes that copy, starts its transaction at
//! once (so writes reach the database in the order made) and reports how it
//! ended; a write that fails puts the copy back as the database still holds
//! it. Records found in local storage (written before the move, or by a tab
//! of an older version) are copied in, read back and compared, and only then
//! removed from local storage ([`store::migration`] decides).
//!
//! IndexedDB tells no other tab of a change, so each save of the snapshot
//! also writes its revision under [`REVISION_KEY`] in local storage
//! ([`announce`]): other tabs get a storage event and read the record again,
//! and the two-tab check ([`latest_revision`]) sees a newer revision at once.
//!
//! Why web-sys, not a crate: `idb` 0.6 (the smallest of the three) reports an
//! aborted transaction without its error, so a full quota could not be told
//! from any other failure, and it brings tokio's channels into the first
//! load; the four calls used here (open, get, put, delete) take a page.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Promise};
use scrutineer_core::file::store::{
    self, migration, read_revision, Move, KEY, RECORD_KEYS, REVISION_KEY,
};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::storage::{self, StorageError};

/// The database and its one object store: keys are [`RECORD_KEYS`], values strings.
const DATABASE: &str = "scrutineer";
const RECORDS: &str = "records";

/// How long opening the database may take before local storage is used
/// instead (some WebKit versions never answer an open in private windows).
const OPEN_WAIT_MS: i32 = 3000;

enum Backend {
    /// [`load`] has not run.
    Closed,
    Indexed(IdbDatabase),
    /// IndexedDB could not be opened: the records are in local storage.
    Local,
}

struct State {
    backend: Backend,
    /// The records as this tab knows the database holds them (IndexedDB only).
    mirror: HashMap<&'static str, Rc<str>>,
    /// The snapshot's latest revision this tab wrote or read (IndexedDB only).
    revision: Option<u64>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        backend: Backend::Closed,
        mirror: HashMap::new(),
        revision: None,
    });
}

/// Where the records are kept, for the Data page and the benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    IndexedDb,
    LocalStorage,
}

/// Opens the records (once) and reads every one into memory, moving any
/// found in local storage into the database first. Call before the first
/// [`read`]; calling again reads them afresh.
pub async fn load() {
    let open = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    let database = match open {
        Some(db) => Some(db),
        None => open_database().await.ok(),
    };
    let Some(database) = database else {
        STATE.with_borrow_mut(|s| s.backend = Backend::Local);
        return;
    };
    let mut mirror = HashMap::new();
    for key in RECORD_KEYS {
        let held = get(&database, key).await.ok().flatten();
        let local = storage::read(key).ok().flatten();
        let kept = match migration(key, local.as_deref(), held.as_deref()) {
            Move::Nothing | Move::KeepDatabase => held,
            Move::Copy => {
                let local = local.unwrap_or_default();
                let copied = match put(&database, key, &local) {
                    Ok(tx) => done(&tx).await.is_ok(),
                    Err(_) => false,
                };
                let same =
                    copied && get(&database, key).await.ok().flatten().as_ref() == Some(&local);
                if same {
                    let _ = storage::remove(key);
                }
                // Either way this tab uses the copy from local storage; where
                // the database did not take it whole, the old key stays.
                Some(local)
            }
        };
        if let Some(text) = kept {
            mirror.insert(key, Rc::<str>::from(text));
        }
    }
    let revision = store::stored_revision(mirror.get(KEY).map(|t| &**t));
    STATE.with_borrow_mut(|s| {
        s.backend = Backend::Indexed(database);
        s.mirror = mirror;
        s.revision = revision;
    });
}

/// Keeps the records in local storage from now on, as where IndexedDB
/// cannot be opened: the browser tests check that path with it. Records
/// already in the database stay there, unread, until the next [`load`]
/// after a reload.
pub fn keep_in_local_storage() {
    STATE.with_borrow_mut(|s| {
        s.backend = Backend::Local;
        s.mirror.clear();
        s.revision = None;
    });
}

/// Where the records are kept; `None` before [`load`] or where the browser
/// keeps nothing at all.
pub fn place() -> Option<Place> {
    STATE.with_borrow(|s| match s.backend {
        Backend::Indexed(_) => Some(Place::IndexedDb),
        Backend::Local if storage::available() => Some(Place::LocalStorage),
        _ => None,
    })
}

/// Whether the records can be kept at all in this browser.
pub fn available() -> bool {
    place().is_some()
}

/// The text under `key`, or `None` where there is none.
pub fn read(key: &'static str) -> Result<Option<String>, StorageError> {
    let held = STATE.with_borrow(|s| match s.backend {
        Backend::Indexed(_) => Some(s.mirror.get(key).map(|t| t.to_string())),
        _ => None,
    });
    match held {
        Some(held) => Ok(held),
        None => storage::read(key),
    }
}

/// The text under `key` as the database holds it now (another tab may have
/// written it), kept in memory from then on.
pub async fn refresh(key: &'static str) -> Option<String> {
    let database = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    let Some(database) = database else {
        return storage::read(key).ok().flatten();
    };
    let text = get(&database, key).await.ok().flatten();
    STATE.with_borrow_mut(|s| {
        match &text {
            Some(text) => s.mirror.insert(key, Rc::from(text.as_str())),
            None => s.mirror.remove(key),
        };
        if key == KEY {
            s.revision = store::stored_revision(text.as_deref());
        }
    });
    text
}

/// Stores `text` under `key`, whole or not at all, and calls `finished`
/// with how it ended: at once where the records are in local storage, when
/// the transaction ends where they are in IndexedDB. Meanwhile (and after a
/// failure, as before it) [`read`] gives what the database will hold.
pub fn write(
    key: &'static str,
    text: &str,
    finished: impl FnOnce(Result<(), StorageError>) + 'static,
) {
    let database = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    let Some(database) = database else {
        return finished(storage::write(key, text));
    };
    let tx = match put(&database, key, text) {
        Ok(tx) => tx,
        Err(e) => return finished(Err(e)),
    };
    let ours: Rc<str> = Rc::from(text);
    let before = STATE.with_borrow_mut(|s| s.mirror.insert(key, ours.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let result = done(&tx).await;
        if result.is_err() {
            STATE.with_borrow_mut(|s| {
                // The database holds what it did; unless a later write took the key.
                if s.mirror.get(key).is_some_and(|now| Rc::ptr_eq(now, &ours)) {
                    match before {
                        Some(before) => s.mirror.insert(key, before),
                        None => s.mirror.remove(key),
                    };
                }
            });
        }
        finished(result);
    });
}

/// [`write`], waited for.
pub async fn write_now(key: &'static str, text: &str) -> Result<(), StorageError> {
    let result: Rc<RefCell<Option<Result<(), StorageError>>>> = Rc::default();
    let mut wake: Option<Function> = None;
    let woken = settled(|resolve, _| wake = Some(resolve.clone()));
    let slot = result.clone();
    write(key, text, move |ended| {
        *slot.borrow_mut() = Some(ended);
        if let Some(wake) = wake {
            let _ = wake.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(woken).await;
    let ended = result.borrow_mut().take();
    ended.unwrap_or_else(|| Err(StorageError::Failed("unknown".to_owned())))
}

/// Removes `key`; removing what is not there is not an error.
pub fn remove(key: &'static str) -> Result<(), StorageError> {
    let database = STATE.with_borrow_mut(|s| match &s.backend {
        Backend::Indexed(db) => {
            s.mirror.remove(key);
            if key == KEY {
                s.revision = None;
            }
            Some(db.clone())
        }
        _ => None,
    });
    let Some(database) = database else {
        return storage::remove(key);
    };
    if key == KEY {
        let _ = storage::remove(REVISION_KEY);
    }
    let tx = transaction(&database, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(RECORDS).map_err(js_failure)?;
    store.delete(&JsValue::from_str(key)).map_err(js_failure)?;
    wasm_bindgen_futures::spawn_local(async move {
        let _ = done(&tx).await;
    });
    Ok(())
}

/// Removes every record (the browser tests start each from nothing).
pub async fn remove_all() {
    for key in RECORD_KEYS {
        let _ = remove(key);
    }
    let _ = storage::remove(REVISION_KEY);
    let database = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    if let Some(database) = database {
        // A read after the deletes waits for them.
        let _ = get(&database, KEY).await;
    }
}

/// Tells other tabs that this one saved the snapshot at `revision` (see the
/// module's notes); a no-op where the records are in local storage, whose
/// own storage events say so.
pub fn announce(revision: u64) {
    let indexed = STATE.with_borrow_mut(|s| match s.backend {
        Backend::Indexed(_) => {
            s.revision = Some(revision);
            true
        }
        _ => false,
    });
    if indexed && revision == 0 {
        // Nothing saved (a first save that failed): nothing to announce.
        let _ = storage::remove(REVISION_KEY);
    } else if indexed {
        let _ = storage::write(REVISION_KEY, &revision.to_string());
    }
}

/// The latest revision of the snapshot saved by any tab, as far as this one
/// can tell now: what the two-tab check compares with.
pub fn latest_revision() -> Option<u64> {
    let ours = STATE.with_borrow(|s| match s.backend {
        Backend::Indexed(_) => Some(s.revision),
        _ => None,
    });
    match ours {
        Some(ours) => {
            let announced = read_revision(storage::read(REVISION_KEY).ok().flatten().as_deref());
            ours.max(announced)
        }
        None => store::stored_revision(storage::read(KEY).ok().flatten().as_deref()),
    }
}

/// A promise settled by the first of two event handlers set by `set`.
fn settled(set: impl FnOnce(&Function, &Function)) -> Promise {
    let mut set = Some(set);
    Promise::new(&mut |resolve, reject| {
        if let Some(set) = set.take() {
            set(&resolve, &reject);
        }
    })
}

/// Opens the database, making its store on the first visit; `Err` where the
/// browser has no IndexedDB, refuses it, or does not answer in time.
async fn open_database() -> Result<IdbDatabase, StorageError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StorageError::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(js_failure)?;
    let upgrading = request.clone();
    let upgrade = Closure::once(move |_: web_sys::Event| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            if !db.object_store_names().contains(RECORDS) {
                let _ = db.create_object_store(RECORDS);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = settled(|ok, fail| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(fail));
    });
    let timeout = settled(|_, fail| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(fail, OPEN_WAIT_MS);
        }
    });
    let raced = JsFuture::from(Promise::race(&js_sys::Array::of2(&opened, &timeout))).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    raced.map_err(|_| failure(request.error().ok().flatten()))?;
    request
        .result()
        .map_err(js_failure)?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| StorageError::Failed("not a database".to_owned()))
}

fn transaction(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StorageError> {
    database
        .transaction_with_str_and_mode(RECORDS, mode)
        .map_err(js_failure)
}

/// Starts storing `text` under `key`: the transaction, to wait on with [`done`].
fn put(database: &IdbDatabase, key: &str, text: &str) -> Result<IdbTransaction, StorageError> {
    let tx = transaction(database, IdbTransactionMode::Readwrite)?;
    tx.object_store(RECORDS)
        .map_err(js_failure)?
        .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
        .map_err(js_failure)?;
    Ok(tx)
}

/// The text under `key` in the database.
async fn get(database: &IdbDatabase, key: &str) -> Result<Option<String>, StorageError> {
    let tx = transaction(database, IdbTransactionMode::Readonly)?;
    let request: IdbRequest = tx
        .object_store(RECORDS)
        .map_err(js_failure)?
        .get(&JsValue::from_str(key))
        .map_err(js_failure)?;
    let answered = settled(|ok, fail| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(fail));
    });
    JsFuture::from(answered)
        .await
        .map_err(|_| failure(request.error().ok().flatten()))?;
    Ok(request.result().map_err(js_failure)?.as_string())
}

/// Waits for a transaction to commit; `Err` with the browser's reason where
/// it aborted (a full quota is [`StorageError::Full`]).
async fn done(tx: &IdbTransaction) -> Result<(), StorageError> {
    let ended = settled(|ok, fail| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(fail));
    });
    JsFuture::from(ended)
        .await
        .map(|_| ())
        .map_err(|_| failure(tx.error()))
}

fn failure(error: Option<DomException>) -> StorageError {
    match error.map(|e| e.name()).as_deref() {
        Some("QuotaExceededError") => StorageError::Full,
        Some("SecurityError") | Some("InvalidStateError") => StorageError::Unavailable,
        Some(name) => StorageError::Failed(name.to_owned()),
        None => StorageError::Failed("aborted".to_owned()),
    }
}

fn js_failure(error: JsValue) -> StorageError {
    failure(error.dyn_into::<DomException>().ok())
}
