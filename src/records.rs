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
    /// The browser has no IndexedDB, or refuses it here (some private
    /// windows): the records are in local storage.
    Local,
    /// IndexedDB is there but did not open in time: what it holds cannot be
    /// read, so nothing is read or saved this visit (never a first visit
    /// shown over data that is there).
    Stuck,
}

struct State {
    backend: Backend,
    /// The records as this tab will find them once its writes are done
    /// (IndexedDB only).
    mirror: HashMap<&'static str, Rc<str>>,
    /// The records as the database is known to hold them: what a failed
    /// write puts back.
    committed: HashMap<&'static str, Rc<str>>,
    /// Records the database could not give back, with the reason: read as
    /// that error, never as nothing stored.
    unreadable: HashMap<&'static str, String>,
    /// The snapshot's latest revision this tab wrote or read (IndexedDB only).
    revision: Option<u64>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        backend: Backend::Closed,
        mirror: HashMap::new(),
        committed: HashMap::new(),
        unreadable: HashMap::new(),
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
        Some(db) => db,
        None => match open_database().await {
            Opened::Database(db) => db,
            Opened::Refused => {
                STATE.with_borrow_mut(|s| s.backend = Backend::Local);
                return;
            }
            Opened::NoAnswer => {
                STATE.with_borrow_mut(|s| s.backend = Backend::Stuck);
                return;
            }
        },
    };
    let mut mirror = HashMap::new();
    let mut unreadable = HashMap::new();
    for key in RECORD_KEYS {
        let held = match get(&database, key).await {
            Ok(held) => held,
            Err(e) => {
                // Not read is not "nothing stored": nothing is moved over it,
                // and reading it says why.
                unreadable.insert(key, e.to_string());
                continue;
            }
        };
        let local = storage::read(key).ok().flatten();
        let kept = match migration(key, local.as_deref(), held.as_deref()) {
            Move::Nothing | Move::KeepDatabase => held,
            Move::Copy => {
                let local = local.unwrap_or_default();
                let copied = match put(&database, key, &local, None) {
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
        s.committed = mirror.clone();
        s.mirror = mirror;
        s.unreadable = unreadable;
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
        s.committed.clear();
        s.unreadable.clear();
        s.revision = None;
    });
}

/// Where the records are kept; `None` before [`load`] or where the browser
/// keeps nothing at all.
pub fn place() -> Option<Place> {
    STATE.with_borrow(|s| match s.backend {
        Backend::Indexed(_) | Backend::Stuck => Some(Place::IndexedDb),
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
    STATE.with_borrow(|s| match s.backend {
        Backend::Indexed(_) => match s.unreadable.get(key) {
            Some(why) => Err(StorageError::NotRead(why.clone())),
            None => Ok(s.mirror.get(key).map(|t| t.to_string())),
        },
        Backend::Stuck => Err(StorageError::NotRead(format!(
            "it did not open its storage within {} seconds; reload the page",
            OPEN_WAIT_MS / 1000
        ))),
        Backend::Local | Backend::Closed => storage::read(key),
    })
}

/// The text under `key` as the database holds it now (another tab may have
/// written it), kept in memory from then on; where the database cannot say,
/// what this tab holds.
pub async fn refresh(key: &'static str) -> Option<String> {
    let database = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    let Some(database) = database else {
        return read(key).ok().flatten();
    };
    let Ok(text) = get(&database, key).await else {
        return read(key).ok().flatten();
    };
    STATE.with_borrow_mut(|s| {
        s.unreadable.remove(key);
        match &text {
            Some(text) => {
                let held: Rc<str> = Rc::from(text.as_str());
                s.committed.insert(key, held.clone());
                s.mirror.insert(key, held)
            }
            None => {
                s.committed.remove(key);
                s.mirror.remove(key)
            }
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
    write_removing(key, text, None, finished)
}

/// [`write`], removing the record `remove` in the same transaction: both
/// or neither, so a reload as it ends never finds one done without the
/// other (the undo copy goes with the save of the data it held).
pub fn write_removing(
    key: &'static str,
    text: &str,
    remove: Option<&'static str>,
    finished: impl FnOnce(Result<(), StorageError>) + 'static,
) {
    let database = STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    });
    let Some(database) = database else {
        let stuck = STATE.with_borrow(|s| matches!(s.backend, Backend::Stuck));
        return finished(if stuck {
            Err(StorageError::Unavailable)
        } else {
            storage::write(key, text).inspect(|()| {
                if let Some(remove) = remove {
                    let _ = storage::remove(remove);
                }
            })
        });
    };
    let tx = match put(&database, key, text, remove) {
        Ok(tx) => tx,
        Err(e) => return finished(Err(e)),
    };
    let ours: Rc<str> = Rc::from(text);
    STATE.with_borrow_mut(|s| {
        s.mirror.insert(key, ours.clone());
        if let Some(remove) = remove {
            s.mirror.remove(remove);
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let result = done(&tx).await;
        STATE.with_borrow_mut(|s| {
            if let Some(remove) = remove {
                match (&result, s.committed.get(remove).cloned()) {
                    (Ok(()), _) => {
                        s.committed.remove(remove);
                    }
                    // Still there: say so to whoever reads next.
                    (Err(_), Some(held)) if !s.mirror.contains_key(remove) => {
                        s.mirror.insert(remove, held);
                    }
                    _ => {}
                }
            }
            if result.is_ok() {
                s.committed.insert(key, ours.clone());
            } else if s.mirror.get(key).is_some_and(|now| Rc::ptr_eq(now, &ours)) {
                // The database holds what it last took; unless a later write
                // has taken the key since.
                match s.committed.get(key) {
                    Some(held) => s.mirror.insert(key, held.clone()),
                    None => s.mirror.remove(key),
                };
            }
        });
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
        let deleted = done(&tx).await.is_ok();
        STATE.with_borrow_mut(|s| {
            if deleted {
                s.committed.remove(key);
            } else if !s.mirror.contains_key(key) {
                // Still there: say so to whoever reads next.
                if let Some(held) = s.committed.get(key).cloned() {
                    s.mirror.insert(key, held);
                }
            }
        });
    });
    Ok(())
}

/// The database, where the records are in IndexedDB.
fn indexed() -> Option<IdbDatabase> {
    STATE.with_borrow(|s| match &s.backend {
        Backend::Indexed(db) => Some(db.clone()),
        _ => None,
    })
}

/// Whether records can be kept aside ([`write_aside`]): only in IndexedDB
/// (local storage has no room for them).
pub fn aside_available() -> bool {
    indexed().is_some()
}

/// A record kept aside from those read at start (a version of the data):
/// read from the database only when asked for, never held in memory.
pub async fn read_aside(key: &str) -> Result<Option<String>, StorageError> {
    let database = indexed().ok_or(StorageError::Unavailable)?;
    get(&database, key).await
}

/// Every key in the database that starts with `prefix`.
pub async fn keys_aside(prefix: &str) -> Result<Vec<String>, StorageError> {
    let database = indexed().ok_or(StorageError::Unavailable)?;
    let tx = transaction(&database, IdbTransactionMode::Readonly)?;
    let request: IdbRequest = tx
        .object_store(RECORDS)
        .map_err(js_failure)?
        .get_all_keys()
        .map_err(js_failure)?;
    let keys: js_sys::Array = answer(&request).await?.unchecked_into();
    Ok(keys
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

/// Stores each of `put` and deletes each of `delete`, records kept aside,
/// in one transaction: all of it or none.
pub async fn write_aside(
    put: Vec<(String, String)>,
    delete: Vec<String>,
) -> Result<(), StorageError> {
    let database = indexed().ok_or(StorageError::Unavailable)?;
    let tx = transaction(&database, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(RECORDS).map_err(js_failure)?;
    let queued = put
        .iter()
        .try_for_each(|(key, text)| {
            store
                .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
                .map(|_| ())
        })
        .and_then(|()| {
            delete
                .iter()
                .try_for_each(|key| store.delete(&JsValue::from_str(key)).map(|_| ()))
        });
    if let Err(e) = queued {
        let _ = tx.abort();
        return Err(js_failure(e));
    }
    done(&tx).await
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
        // And those kept aside (the versions).
        if let Ok(tx) = transaction(&database, IdbTransactionMode::Readwrite) {
            if let Ok(store) = tx.object_store(RECORDS) {
                let _ = store.clear();
            }
            let _ = done(&tx).await;
        }
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

/// Takes back the announcement of `failed`, a save that did not reach the
/// database, to `back_to`; unless another tab has announced a later one
/// since, which stands.
pub fn withdraw(failed: u64, back_to: u64) {
    let announced = read_revision(storage::read(REVISION_KEY).ok().flatten().as_deref());
    if announced == Some(failed) {
        announce(back_to);
    }
    STATE.with_borrow_mut(|s| {
        if s.revision == Some(failed) {
            s.revision = Some(back_to);
        }
    });
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

/// How opening the database ended.
enum Opened {
    Database(IdbDatabase),
    /// No IndexedDB here, or it refused to open (some private windows).
    Refused,
    /// No answer within [`OPEN_WAIT_MS`].
    NoAnswer,
}

/// Opens the database with its store (made at the first visit, or when a
/// database of that name lacks it).
async fn open_database() -> Opened {
    let first = match open_version(None).await {
        Opened::Database(db) => db,
        other => return other,
    };
    if first.object_store_names().contains(RECORDS) {
        return Opened::Database(first);
    }
    // A database without the store (left by an open cut short): one version
    // up, whose upgrade makes it.
    let next = first.version() as u32 + 1;
    first.close();
    open_version(Some(next)).await
}

async fn open_version(version: Option<u32>) -> Opened {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else {
        return Opened::Refused;
    };
    let request = match version {
        Some(v) => factory.open_with_u32(DATABASE, v),
        None => factory.open(DATABASE),
    };
    let Ok(request) = request else {
        return Opened::Refused;
    };
    let upgrading = request.clone();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
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
    let no_answer = JsValue::from_str("no answer");
    let timeout = settled(|resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                resolve,
                OPEN_WAIT_MS,
                &no_answer,
            );
        }
    });
    let raced = JsFuture::from(Promise::race(&js_sys::Array::of2(&opened, &timeout))).await;
    if matches!(&raced, Ok(v) if v.as_string().as_deref() == Some("no answer")) {
        // The open may yet finish: its upgrade must still make the store,
        // and the connection it gives is closed, so that it blocks nothing.
        upgrade.forget();
        let late = request.clone();
        let close = Closure::once_into_js(move |_: web_sys::Event| {
            if let Some(db) = late
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                db.close();
            }
        });
        request.set_onsuccess(Some(close.unchecked_ref()));
        return Opened::NoAnswer;
    }
    request.set_onupgradeneeded(None);
    drop(upgrade);
    if raced.is_err() {
        return Opened::Refused;
    }
    let Some(db) = request
        .result()
        .ok()
        .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
    else {
        return Opened::Refused;
    };
    // A newer version elsewhere wants the database: let go, so it is not
    // blocked (this tab's next write then says storage is unavailable).
    let closing = db.clone();
    let release =
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| closing.close());
    db.set_onversionchange(Some(release.as_ref().unchecked_ref()));
    release.forget();
    Opened::Database(db)
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
fn put(
    database: &IdbDatabase,
    key: &str,
    text: &str,
    remove: Option<&str>,
) -> Result<IdbTransaction, StorageError> {
    let tx = transaction(database, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(RECORDS).map_err(js_failure)?;
    store
        .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
        .map_err(js_failure)?;
    if let Some(remove) = remove {
        // Both or neither: a delete that cannot start takes the put with it.
        if let Err(e) = store.delete(&JsValue::from_str(remove)) {
            let _ = tx.abort();
            return Err(js_failure(e));
        }
    }
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
    Ok(answer(&request).await?.as_string())
}

/// Waits for `request` to succeed, and gives its result.
async fn answer(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let answered = settled(|ok, fail| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(fail));
    });
    JsFuture::from(answered)
        .await
        .map_err(|_| failure(request.error().ok().flatten()))?;
    request.result().map_err(js_failure)
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
