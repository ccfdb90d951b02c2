//! Versions kept in this browser (see `scrutineer_core::file::versions`
//! for what is kept and what is dropped), carried out: one keep or removal
//! at a time in this browser ([`in_turn`]: in this tab, and across its tabs
//! by a Web Lock), each a read of the index and one transaction writing the
//! version's text and the index together. A keep that replaces the data is
//! awaited before the data is replaced, so a version that could not be
//! kept is known before anything is lost.

use std::cell::RefCell;
use std::future::Future;
use std::sync::Arc;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::fingerprint;
use scrutineer_core::file::format::QuickError;
use scrutineer_core::file::saving::Meta;
use scrutineer_core::file::store;
use scrutineer_core::file::versions::{
    body_key, held_elsewhere, id_of_key, room_for_versions, Cause, Index, Keep, Kept, Unreadable,
    BODY_PREFIX, INDEX_KEY,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{encode, ComparedFrom, Workspace};
use crate::browser;
use crate::records;
use crate::storage::StorageError;

/// The Data page's list of versions, where what happens to one is said.
pub const VERSIONS: &str = "versions";

/// What the Data page knows of the versions: not yet read, read, or an
/// index that cannot be read (left as it is).
pub type Listed = Option<Result<Index, Unreadable>>;

thread_local! {
    /// The last job given a turn: the next waits for it.
    static LAST: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The Web Lock every tab of this site asks for before it reads or writes
/// the versions.
const LOCK: &str = "scrutineer.versions";

/// Runs `job` once every job given a turn before it in this tab has ended,
/// and while no other tab of this browser runs one, so two keeps never read
/// the same index and one write over the other.
async fn in_turn<T>(job: impl Future<Output = T>) -> T {
    let mut finish: Option<Function> = None;
    let mine = Promise::new(&mut |resolve, _| finish = Some(resolve));
    let before = LAST.with_borrow_mut(|last| last.replace(mine));
    if let Some(before) = before {
        let _ = JsFuture::from(before).await;
    }
    let release = across_tabs().await;
    let answer = job.await;
    if let Some(release) = release {
        let _ = release.call0(&JsValue::NULL);
    }
    if let Some(finish) = finish {
        let _ = finish.call0(&JsValue::NULL);
    }
    answer
}

/// Waits for the versions' Web Lock and gives what lets it go; `None`
/// where the browser has no locks (or refuses one), when this tab's turn
/// alone keeps order.
async fn across_tabs() -> Option<Function> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    let request: Function = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;
    // Held until `release` is called: the lock's callback answers with it.
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut granted_fn: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| granted_fn = Some(resolve));
    let granted_fn = granted_fn?;
    let on_grant = {
        let granted_fn = granted_fn.clone();
        Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            let _ = granted_fn.call1(&JsValue::NULL, &JsValue::TRUE);
            held.into()
        })
    };
    // A refusal (no lock manager here) lets the job go ahead unlocked.
    let refused = {
        let granted_fn = granted_fn.clone();
        Closure::once_into_js(move |_e: JsValue| {
            let _ = granted_fn.call1(&JsValue::NULL, &JsValue::FALSE);
        })
    };
    let Ok(asked) = request.call2(&locks, &JsValue::from_str(LOCK), &on_grant) else {
        return None;
    };
    // Once asked, the answer is awaited whatever it is: a lock granted and
    // never let go would stop every tab.
    let asked: Promise = asked.unchecked_into();
    let catch = Reflect::get(&asked, &JsValue::from_str("catch"))
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok());
    match catch {
        Some(catch) => {
            let _ = catch.call1(&asked, &refused);
        }
        // Not a promise after all: go ahead, and let go of any lock at once.
        None => {
            let _ = granted_fn.call1(&JsValue::NULL, &JsValue::FALSE);
        }
    }
    let locked = JsFuture::from(granted).await.ok()?.as_bool() == Some(true);
    match (locked, release) {
        (true, release) => release,
        (false, Some(release)) => {
            // Granted late, or never: it must not be held.
            let _ = release.call0(&JsValue::NULL);
            None
        }
        (false, None) => None,
    }
}

/// Why a version was not kept.
#[derive(Clone, Debug, PartialEq)]
pub enum NotKept {
    /// The records are in local storage (no room for versions) or nowhere.
    Unavailable,
    /// The index cannot be read: nothing more is kept until the versions
    /// are removed.
    Unreadable,
    /// There is no room for it, even with every version that may go gone.
    NoRoom,
    Failed(StorageError),
}

impl NotKept {
    pub fn words(&self) -> String {
        match self {
            NotKept::Unavailable => "this browser has no room for versions".to_owned(),
            NotKept::Unreadable => {
                "the list of versions kept in this browser cannot be read".to_owned()
            }
            NotKept::NoRoom => "there is no room for it in this browser".to_owned(),
            NotKept::Failed(e) => e.to_string(),
        }
    }
}

async fn read_index() -> Result<Index, NotKept> {
    let text = records::read_aside(INDEX_KEY)
        .await
        .map_err(NotKept::Failed)?;
    Index::read(text.as_deref()).map_err(|Unreadable| NotKept::Unreadable)
}

/// Keeps `snapshot` as a version for `cause`; `elsewhere`: its data is in
/// a file too, or is the demo or empty (it may then be dropped to make
/// room). `record` is the length of the data's own record, for which room
/// is left.
async fn keep(
    cause: Cause,
    snapshot: Arc<Snapshot>,
    elsewhere: bool,
    record: u64,
    fingerprint: Option<String>,
) -> Result<Index, NotKept> {
    if !records::aside_available() {
        return Err(NotKept::Unavailable);
    }
    in_turn(async move {
        // Three independent questions, asked at once: one wait, not three.
        let (index, keys, estimate) = futures::future::join3(
            read_index(),
            records::keys_aside(BODY_PREFIX),
            browser::storage_estimate(),
        )
        .await;
        let index = index?;
        let stored: Vec<u64> = keys
            .map_err(NotKept::Failed)?
            .iter()
            .filter_map(|k| id_of_key(k))
            .collect();
        let text = encode(&Meta::default().with(snapshot.clone()));
        let id = index.next_id(&stored);
        let kept = Kept::new(
            id,
            browser::now(),
            cause,
            &snapshot,
            fingerprint.unwrap_or_else(|| fingerprint::of(&snapshot)),
            text.len(),
            elsewhere,
        );
        let room = match estimate {
            Some((quota, usage)) => room_for_versions(quota, usage, index.bytes(), record),
            None => u64::MAX,
        };
        match index.keep(kept, room) {
            Keep::NoRoom => Err(NotKept::NoRoom),
            Keep::Held { index } => {
                records::write_aside(vec![(INDEX_KEY.to_owned(), index.write())], vec![])
                    .await
                    .map_err(NotKept::Failed)?;
                Ok(index)
            }
            Keep::Write {
                mut index,
                mut drop,
            } => loop {
                let put = vec![
                    (body_key(id), text.clone()),
                    (INDEX_KEY.to_owned(), index.write()),
                ];
                let delete = drop.iter().map(|d| body_key(*d)).collect();
                match records::write_aside(put, delete).await {
                    Ok(()) => return Ok(index),
                    // The estimate was generous: drop the next that may go.
                    Err(StorageError::Full) => {
                        match index.drop_order().into_iter().find(|d| *d != id) {
                            Some(next) => {
                                drop.push(next);
                                index = index.without(&[next]);
                            }
                            None => return Err(NotKept::NoRoom),
                        }
                    }
                    Err(e) => return Err(NotKept::Failed(e)),
                }
            },
        }
    })
    .await
}

/// The data of version `kept`, or why it cannot be read, in words.
async fn read_version(kept: &Kept) -> Result<Snapshot, String> {
    let text = match records::read_aside(&body_key(kept.id)).await {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Err(
                "That version is no longer kept in this browser. Nothing has been changed."
                    .to_owned(),
            )
        }
        Err(e) => {
            return Err(format!(
                "That version could not be read ({e}). Nothing has been changed."
            ))
        }
    };
    let decoded = match store::decode_quick(&text) {
        Ok(decoded) => Some(Ok(decoded)),
        Err(QuickError::Refused(e)) => Some(Err(e)),
        Err(QuickError::NeedsCareful) => crate::pages::decode_carefully(text).await,
    };
    match decoded {
        Some(Ok((stored, _))) => Ok((*stored.snapshot).clone()),
        Some(Err(e)) => Err(format!(
            "That version could not be read ({e}). Nothing has been changed."
        )),
        None => Err("That version could not be read: part of Scrutineer could not be fetched. Check the connection and try again. Nothing has been changed.".to_owned()),
    }
}

impl Workspace {
    /// The versions kept in this browser, once read ([`Workspace::read_versions`]).
    pub fn versions(&self) -> ReadSignal<Listed> {
        self.versions.read_only()
    }

    /// Reads the index of versions (the Data page, when it opens).
    pub fn read_versions(&self) {
        let versions = self.versions;
        leptos::task::spawn_local(async move {
            let listed = in_turn(read_index()).await;
            versions.try_set(match listed {
                Ok(index) => Some(Ok(index)),
                Err(NotKept::Unreadable) => Some(Err(Unreadable)),
                Err(_) => Some(Ok(Index::default())),
            });
        });
    }

    /// Whether versions are kept here now: the records are in IndexedDB
    /// and saving works.
    pub fn keeps_versions(&self) -> bool {
        records::aside_available() && self.health.get_untracked() == super::Health::Saving
    }

    /// Whether the data open now is held elsewhere: exported since its last
    /// change, the built-in demo, or empty.
    fn held_elsewhere_now(&self) -> bool {
        let elsewhere = self
            .snapshot
            .with_untracked(|s| held_elsewhere(s, self.showing_demo.get_untracked()));
        elsewhere || !self.meta.with_untracked(Meta::needs_export)
    }

    /// The length of the data's own record, as last written.
    fn record_bytes(&self) -> u64 {
        records::read(store::KEY)
            .ok()
            .flatten()
            .map_or(0, |t| t.len() as u64)
    }

    /// Keeps the data open now as a version for `cause`, and says whether
    /// it was kept; the list on the Data page follows.
    pub(super) async fn keep_open(&self, cause: Cause) -> Result<(), NotKept> {
        let elsewhere = self.held_elsewhere_now();
        self.keep_data(cause, self.snapshot.get_untracked(), elsewhere, None)
            .await
    }

    /// Keeps `snapshot` as a version for `cause` (`elsewhere`: its data is
    /// in a file too; `fingerprint`: its fingerprint, where already worked
    /// out), and says whether it was kept; the list follows.
    pub(super) async fn keep_data(
        &self,
        cause: Cause,
        snapshot: Arc<Snapshot>,
        elsewhere: bool,
        fingerprint: Option<String>,
    ) -> Result<(), NotKept> {
        if self.health.get_untracked() != super::Health::Saving {
            return Err(NotKept::Unavailable);
        }
        let kept = keep(cause, snapshot, elsewhere, self.record_bytes(), fingerprint).await;
        match &kept {
            Ok(index) => {
                self.versions.try_set(Some(Ok(index.clone())));
            }
            Err(NotKept::Unreadable) => {
                self.versions.try_set(Some(Err(Unreadable)));
            }
            Err(_) => {}
        }
        kept.map(|_| ())
    }

    /// Keeps the data open now, then (unless that failed and the data is in
    /// no file) runs `then`; says at the top why not. `what` is what was
    /// asked: "start with an empty workspace". One at a time: a second
    /// press while the first is being kept does nothing more; and where the
    /// data changed meanwhile (another tab's save, an edit), `then` does not
    /// run, since the version kept is not what it would replace.
    pub(super) fn keep_then(
        &self,
        cause: Cause,
        what: &'static str,
        then: impl FnOnce() + 'static,
    ) {
        if self.replacing.get_value() {
            return self.say_under_way();
        }
        self.replacing.set_value(true);
        let workspace = *self;
        let elsewhere = self.held_elsewhere_now();
        let before = self.snapshot.get_untracked();
        leptos::task::spawn_local(async move {
            let kept = workspace.keep_open(cause).await;
            workspace.replacing.try_set_value(false);
            let unchanged = workspace
                .snapshot
                .try_with_untracked(|now| Arc::ptr_eq(now, &before));
            match (kept, unchanged) {
                (_, None) => {}
                (_, Some(false)) => workspace.notices.error(format!(
                    "Did not {what}: the data changed while a version of it was being kept. Nothing has been replaced; try again."
                )),
                (Ok(()), Some(true)) => then(),
                (Err(_), Some(true)) if elsewhere => then(),
                (Err(why), Some(true)) => workspace.notices.error_with(
                    format!(
                        "Did not {what}: the data open now has changes that are in no file, and a version of it could not be kept in this browser ({}). Nothing has been changed. Download a copy first, then try again.",
                        why.words()
                    ),
                    vec![super::NoticeAction::DownloadCopy],
                ),
            }
        });
    }

    /// Says that a press was not taken: another replacement is under way.
    fn say_under_way(&self) {
        self.notices.status(
            "Already under way: a version of the data open now is being kept before it is replaced.",
        );
    }

    /// Keeps `snapshot`, just downloaded (or shared) as `file` with its
    /// `fingerprint`, as a version: a version of the same data already kept
    /// is marked exported instead.
    pub(super) fn keep_downloaded(
        &self,
        file: String,
        snapshot: Arc<Snapshot>,
        fingerprint: String,
    ) {
        let workspace = *self;
        leptos::task::spawn_local(async move {
            // It is in a file now: a version not kept loses nothing.
            let _ = workspace
                .keep_data(
                    Cause::Downloaded { file },
                    snapshot,
                    true,
                    Some(fingerprint),
                )
                .await;
        });
    }

    /// Keeps the file just opened or combined in (`snapshot`, with its
    /// `fingerprint`, already worked out as it was read) as a version,
    /// so that a file later saved from another copy of it can be combined
    /// with what is open knowing where both started. It is in a file: not
    /// keeping it loses nothing, and it may go to make room.
    pub(super) fn keep_file(&self, cause: Cause, snapshot: Arc<Snapshot>, fingerprint: String) {
        let workspace = *self;
        leptos::task::spawn_local(async move {
            let _ = workspace
                .keep_data(cause, snapshot, true, Some(fingerprint))
                .await;
        });
    }

    /// Makes room for the data's own save by removing every version whose
    /// data is in a file (oldest first, all of them), then saves again;
    /// says so. Nothing where no version may go.
    pub(super) fn make_room_for_save(&self) {
        if !records::aside_available() {
            return;
        }
        let workspace = *self;
        leptos::task::spawn_local(async move {
            let freed = in_turn(async {
                let index = read_index().await.ok()?;
                let drop = index.drop_order();
                if drop.is_empty() {
                    return None;
                }
                let next = index.without(&drop);
                let delete = drop.iter().map(|d| body_key(*d)).collect();
                records::write_aside(vec![(INDEX_KEY.to_owned(), next.write())], delete)
                    .await
                    .ok()?;
                Some((next, drop.len()))
            })
            .await;
            if let Some((next, n)) = freed {
                workspace.versions.try_set(Some(Ok(next)));
                workspace.notices.status(format!(
                    "To make room for your data, {} kept in this browser were removed (each is in a file already).",
                    scrutineer_core::domain::snapshot::count_of(n, "version", "versions")
                ));
                workspace.save_as(None, None);
            }
        });
    }

    /// Removes the version `kept`, if it is still kept (the list on screen
    /// may be out of date: another tab may have removed it); nothing else
    /// changes.
    pub fn remove_version(&self, kept: Kept) {
        let workspace = *self;
        leptos::task::spawn_local(async move {
            let removed: Result<(Index, bool), NotKept> = in_turn(async {
                let index = read_index().await?;
                if index.find(&kept).is_none() {
                    return Ok((index, false));
                }
                let next = index.without(&[kept.id]);
                records::write_aside(
                    vec![(INDEX_KEY.to_owned(), next.write())],
                    vec![body_key(kept.id)],
                )
                .await
                .map_err(NotKept::Failed)?;
                Ok((next, true))
            })
            .await;
            match removed {
                Ok((next, was_kept)) => {
                    workspace.versions.try_set(Some(Ok(next)));
                    workspace.notices.status_at(
                        VERSIONS,
                        if was_kept {
                            "The version was removed."
                        } else {
                            "That version was no longer kept (another tab may have removed it): the list is brought up to date."
                        },
                        vec![],
                    );
                }
                Err(e) => workspace.notices.error_at(
                    VERSIONS,
                    format!(
                        "Could not remove the version ({}). Nothing has been changed.",
                        e.words()
                    ),
                ),
            }
        });
    }

    /// Removes every version and the index (for an index that cannot be
    /// read: the person chose to, so that versions are kept again).
    pub fn remove_all_versions(&self) {
        let workspace = *self;
        leptos::task::spawn_local(async move {
            let removed = in_turn(async {
                let delete = records::keys_aside(BODY_PREFIX).await?;
                // A fresh index that remembers the ids given, so that none is
                // given twice.
                let fresh = Index {
                    kept: vec![],
                    last_id: delete
                        .iter()
                        .filter_map(|k| id_of_key(k))
                        .max()
                        .unwrap_or(0),
                };
                records::write_aside(vec![(INDEX_KEY.to_owned(), fresh.write())], delete).await?;
                Ok::<Index, StorageError>(fresh)
            })
            .await;
            match removed {
                Ok(fresh) => {
                    workspace.versions.try_set(Some(Ok(fresh)));
                    workspace.notices.status_at(
                        VERSIONS,
                        "Every version kept in this browser was removed. New ones will be kept from now on.",
                        vec![],
                    );
                }
                Err(e) => workspace.notices.error_at(
                    VERSIONS,
                    format!("Could not remove the versions ({e}). Nothing has been changed."),
                ),
            }
        });
    }

    /// Reads version `kept`, if it is still kept (the list on screen may
    /// be out of date), and hands its data to `then`; says why not at
    /// [`VERSIONS`] where it cannot be read.
    fn with_version(&self, kept: Kept, then: impl FnOnce(Option<Snapshot>) + 'static) {
        let workspace = *self;
        leptos::task::spawn_local(async move {
            let listed = in_turn(read_index()).await;
            let read = match &listed {
                Ok(index) if index.find(&kept).is_none() => Err(
                    "That version is no longer kept in this browser (another tab may have removed it): the list is brought up to date. Nothing has been changed."
                        .to_owned(),
                ),
                _ => read_version(&kept).await,
            };
            // Only where it changed: the list redrawn would lose the focus.
            if let Ok(index) = listed {
                let changed = workspace.versions.try_with_untracked(|v| {
                    v.as_ref().and_then(|v| v.as_ref().ok()) != Some(&index)
                });
                if changed == Some(true) {
                    workspace.versions.try_set(Some(Ok(index)));
                }
            }
            match read {
                Ok(snapshot) => then(Some(snapshot)),
                Err(why) => {
                    workspace.notices.error_at(VERSIONS, why);
                    then(None)
                }
            }
        });
    }

    /// The data both the data open now and the file waiting to be opened
    /// started from, where it is known, with how to name it: the file
    /// itself (what is open was opened from it), the data open now (the
    /// file was saved from it), or a version kept here of the file it was
    /// based on. Lineage is only ever taken from fingerprints that match
    /// exactly; where none does, `None`, and every difference is asked.
    pub async fn common_version(&self) -> Option<(String, Arc<Snapshot>)> {
        use scrutineer_core::merge::Lineage;
        let (file, based_on, snapshot) = self.pending_import.with_untracked(|p| {
            p.as_ref().map(|(_, o)| {
                (
                    o.fingerprint.clone(),
                    o.based_on.clone(),
                    Arc::new(o.snapshot.clone()),
                )
            })
        })?;
        let open = self.snapshot.get_untracked();
        let open_based_on = self.meta.with_untracked(|m| m.based_on.clone());
        match Lineage::of(
            open_based_on.as_deref(),
            &fingerprint::of(&open),
            &file,
            based_on.as_deref(),
        ) {
            Lineage::FileIsBase => Some((
                "this file: the data open now was opened from it".to_owned(),
                snapshot,
            )),
            Lineage::OpenIsBase => Some((
                "the data open now: the file was saved from it".to_owned(),
                open,
            )),
            Lineage::Version(fp) => {
                let index = in_turn(read_index()).await.ok()?;
                let kept = index
                    .kept
                    .iter()
                    .filter(|k| k.fingerprint == fp)
                    .max_by_key(|k| (k.kept_at, k.id))?
                    .clone();
                let name = kept.name(&format!("on {}", browser::instant_label(kept.kept_at)));
                let base = read_version(&kept).await.ok()?;
                // The text kept must be the data its fingerprint names.
                (fingerprint::of(&base) == fp).then(|| (name, Arc::new(base)))
            }
            Lineage::Unknown => None,
        }
    }

    /// Compares the data open now with version `kept`, then shows the
    /// comparison.
    pub fn compare_with_version(&self, kept: Kept, when: String) {
        let workspace = *self;
        let name = kept.name(&when);
        self.with_version(kept, move |snapshot| {
            if let Some(snapshot) = snapshot {
                workspace.compare_with(name, Arc::new(snapshot), ComparedFrom::Version);
                browser::go(&scrutineer_core::route::Route::Compare.href());
            }
        });
    }

    /// Puts version `kept` back as the data open now, undoably (Undo),
    /// keeping what was open as a version first.
    /// A second press while the first is under way does nothing more.
    pub fn restore_version(&self, kept: Kept, when: String) {
        if self.replacing.get_value() {
            return self.say_under_way();
        }
        self.replacing.set_value(true);
        let workspace = *self;
        let said = format!("Restored {}", kept.name(&when));
        self.with_version(kept, move |snapshot| {
            workspace.replacing.try_set_value(false);
            let Some(snapshot) = snapshot else {
                return;
            };
            workspace.keep_then(Cause::BeforeRestore, "restore the version", move || {
                // Which file it came from is not known: a combine with it
                // asks about every difference rather than guess.
                workspace.meta.update(|m| m.based_on = None);
                workspace.edit_at(VERSIONS, said, snapshot);
            });
        });
    }
}
