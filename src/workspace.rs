//! The working data and every action that changes it: load at start, save
//! after each change, import, undo import, export, share, start empty, and
//! keeping two tabs in step. What to do is decided by `scrutineer_core::file::store`;
//! this module carries it out and tells the user.
//!
//! Rules kept here: nothing stored is overwritten by a failed action; an
//! unreadable store is kept aside until the user decides; a newer revision
//! saved by another tab is never silently overwritten; when storage fails the
//! data stays in memory and the user is told and offered a download.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use scrutineer_core::domain::snapshot::{count_of, Snapshot};
use scrutineer_core::file::format::{export_based_on, Opened, VERSION};
use scrutineer_core::file::read::ReadFileError;
pub use scrutineer_core::file::saving::{Health, Meta};
use scrutineer_core::file::store::{
    self, file_name, plan_save_after, Encoder, Loaded, SavePlan, Stored, BEFORE_IMPORT_KEY,
    CORRUPT_KEY, KEY, REVISION_KEY,
};
use scrutineer_core::file::validate::over_limits;

use crate::browser;
use crate::records;
use crate::state::{NoticeAction, Notices};
use crate::storage::StorageError;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 50;

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The working data in context. Its signals are private: views read them
/// through the read-only signals below and change the data only through the
/// actions, so every change is saved, undoable and checked against other tabs.
/// The snapshot is shared (`Arc`), never deep-copied, between what is on
/// screen, what is being saved, the export mark and each undo step.
#[derive(Clone, Copy)]
pub struct Workspace {
    snapshot: RwSignal<Arc<Snapshot>>,
    meta: RwSignal<Meta>,
    health: RwSignal<Health>,
    /// Whether the browser agreed to keep the data when space runs low.
    persisted: RwSignal<Option<bool>>,
    /// The data as it was before the last import, for "undo import".
    /// With the file that data was last opened from or saved as.
    before_import: RwSignal<Option<(Arc<Snapshot>, Option<String>)>>,
    /// Whether the built-in demo is on screen, unchanged: true until the
    /// first stored data is loaded or the first change is made.
    showing_demo: RwSignal<bool>,
    /// A file read and checked, waiting for the user to confirm it.
    pending_import: RwSignal<Option<(String, Opened)>>,
    /// The pack the data open now is compared with (`#/compare`): its name
    /// as the person knows it and its data. Never stored: comparing
    /// changes nothing.
    compared: RwSignal<Option<ComparedWith>>,
    /// The versions kept in this browser, once read (the Data page asks).
    versions: RwSignal<Listed>,
    /// Edits that can be undone, latest last: what was done, and the data before it.
    undo_stack: RwSignal<Vec<(String, Arc<Snapshot>)>>,
    /// What storage is known to hold (its revision and marks): what `meta`
    /// goes back to when a save fails.
    saved_meta: RwSignal<Meta>,
    /// Counts files chosen, cancelled and confirmed: a confirmed import goes
    /// ahead only if nothing else was chosen while its undo copy was stored.
    import_token: RwSignal<u64>,
    /// Whether a start empty, a return to the demo or a restore is under
    /// way (a version being kept first): a second press does nothing more.
    replacing: StoredValue<bool>,
    notices: Notices,
}

/// A chosen file read as a snapshot, or why not: a spreadsheet or other file
/// chosen here by mistake is named as such before its text is parsed.
fn read_snapshot_file(name: &str, text: &str) -> Result<Opened, ReadFileError> {
    if let Some(elsewhere) = scrutineer_core::file::format::not_a_snapshot(name, text) {
        return Err(ReadFileError::Elsewhere(elsewhere));
    }
    Ok(scrutineer_core::file::format::import(text)?)
}

thread_local! {
    /// The data's own text, written once for its save, its version and its
    /// copy for Undo import (a 1,000-indicator pack's is 2.6 MB), held until
    /// other data is written.
    static ENCODER: std::cell::RefCell<Encoder> = std::cell::RefCell::default();
}

/// A stored record's text: [`store::encode`]'s, the data written once.
fn encode(stored: &Stored) -> String {
    ENCODER.with_borrow_mut(|encoder| encoder.encode(stored))
}

mod saved;
use saved::read_stored_then;
pub use saved::Saved;
mod versions;
use scrutineer_core::file::versions::Cause;
pub use versions::{Listed, VERSIONS};
mod compare;
pub use compare::{ComparedFrom, ComparedWith, COMPARE_FILE};
mod import;
pub use import::COMBINE;

/// The id of the Data page's "Open a snapshot file" part, where what
/// happens to a chosen file is said.
pub const OPEN_FILE: &str = "open-file";

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

impl Workspace {
    /// The data on screen.
    pub fn snapshot(&self) -> ReadSignal<Arc<Snapshot>> {
        self.snapshot.read_only()
    }

    /// Its save history: revision, when saved, when last exported.
    pub fn meta(&self) -> ReadSignal<Meta> {
        self.meta.read_only()
    }

    /// Whether changes are being kept, and if not, why.
    pub fn health(&self) -> ReadSignal<Health> {
        self.health.read_only()
    }

    /// Whether the browser agreed to keep the data when space runs low.
    pub fn persisted(&self) -> ReadSignal<Option<bool>> {
        self.persisted.read_only()
    }

    /// Whether the built-in demo is on screen, unchanged.
    pub fn showing_demo(&self) -> ReadSignal<bool> {
        self.showing_demo.read_only()
    }

    /// A file read and checked, waiting for the user to confirm it.
    pub fn pending_import(&self) -> ReadSignal<Option<(String, Opened)>> {
        self.pending_import.read_only()
    }

    /// The pack the data open now is compared with, if any.
    pub fn compared(&self) -> ReadSignal<Option<ComparedWith>> {
        self.compared.read_only()
    }

    /// Lets go of the file waiting to be confirmed; nothing changes.
    pub fn cancel_import(&self) {
        self.import_token.update(|t| *t += 1);
        self.pending_import.set(None);
    }

    /// Takes what this browser holds (read by [`Saved`]) and says what was found.
    pub fn open(notices: Notices, saved: Saved) -> Workspace {
        let workspace = Workspace {
            snapshot: RwSignal::new(Arc::new(Snapshot::demo())),
            meta: RwSignal::new(Meta::default()),
            health: RwSignal::new(Health::Saving),
            persisted: RwSignal::new(None),
            before_import: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            compared: RwSignal::new(None),
            versions: RwSignal::new(None),
            showing_demo: RwSignal::new(true),
            undo_stack: RwSignal::new(vec![]),
            saved_meta: RwSignal::new(Meta::default()),
            import_token: RwSignal::new(0),
            replacing: StoredValue::new(false),
            notices,
        };
        let loaded = match saved {
            Saved::Unavailable => {
                workspace.health.set(Health::Unavailable);
                notices.error_with(
                    format!(
                        "Changes cannot be saved: {}. You can read and change the data, but changes are lost when this tab closes. Download a copy to keep them.",
                        StorageError::Unavailable
                    ),
                    vec![NoticeAction::DownloadCopy],
                );
                return workspace;
            }
            Saved::Unreadable(reason) => {
                workspace.health.set(Health::Unavailable);
                notices.error_with(
                    format!("The saved data could not be read: {reason}. Showing the demo data; nothing has been changed."),
                    vec![NoticeAction::DownloadCopy],
                );
                return workspace;
            }
            Saved::Found(loaded) => loaded,
        };
        match loaded {
            Loaded::FirstVisit => {}
            Loaded::Loaded(stored) => workspace.adopt(stored),
            Loaded::Migrated {
                stored,
                from_version,
            } => {
                workspace.adopt(stored);
                notices.status(format!(
                    "Your saved data was written by an older version of Scrutineer (format {from_version}) and has been brought up to date (format {VERSION}). It is saved in the new format with your next change."
                ));
            }
            Loaded::Corrupt { raw, error } => workspace.hold_unreadable(&raw, &error.to_string()),
        }
        if let Ok(Some(before)) = records::read(BEFORE_IMPORT_KEY) {
            read_stored_then(before, move |stored| {
                if let Some(stored) = stored {
                    workspace
                        .before_import
                        .try_set(Some((stored.snapshot, stored.based_on)));
                }
            });
        }
        workspace
    }

    fn adopt(&self, stored: Stored) {
        self.showing_demo.set(false);
        self.meta.set(Meta::of(&stored));
        self.saved_meta.set(Meta::of(&stored));
        self.snapshot.set(stored.snapshot);
    }

    fn hold_unreadable(&self, raw: &str, reason: &str) {
        self.health.set(Health::HoldingUnreadable);
        let notices = self.notices;
        let reason = reason.to_owned();
        let tell = move |kept: bool| {
            notices.error_with(
                format!(
                    "The data saved in this browser could not be read ({reason}) It has been {}, and nothing will be saved over it until you decide. Showing the demo data meanwhile.",
                    if kept { "kept aside unchanged" } else { "left where it is, unchanged" }
                ),
                vec![NoticeAction::DownloadUnreadable, NoticeAction::DiscardUnreadable],
            );
        };
        // Keep the text aside, unless an earlier unreadable copy is already
        // there: never overwrite one the user has not decided about.
        match records::read(CORRUPT_KEY) {
            Ok(Some(_)) => tell(true),
            _ => records::write(CORRUPT_KEY, raw, move |result| tell(result.is_ok())),
        }
    }

    /// Makes `snapshot` the working data and saves it. Returns whether it was
    /// saved; either way it is on screen and the user has been told.
    fn commit(&self, snapshot: impl Into<Arc<Snapshot>>) -> bool {
        self.showing_demo.set(false);
        self.snapshot.set(snapshot.into());
        self.save()
    }

    /// An officer's edit: applied, saved, confirmed as `done`, and undoable.
    pub fn edit(&self, done: impl Into<String>, snapshot: Snapshot) -> bool {
        self.edit_near(None, done.into(), snapshot)
    }

    /// [`Workspace::edit`], confirmed beside `near`, the part of the page
    /// the person used (see `NoticesHere`).
    pub fn edit_at(&self, near: &'static str, done: impl Into<String>, snapshot: Snapshot) -> bool {
        self.edit_near(Some(near), done.into(), snapshot)
    }

    fn edit_near(&self, near: Option<&'static str>, done: String, snapshot: Snapshot) -> bool {
        // A change that would take the pack past what Scrutineer keeps is not
        // made: saved, it could not be opened again.
        if let Some(problem) = over_limits(&snapshot).first() {
            let text = format!(
                "Not changed: with this change {} {}.",
                problem.item,
                problem.message.replacen("it has", "would have", 1)
            );
            match near {
                Some(near) => self.notices.error_at(near, text),
                None => self.notices.error(text),
            }
            return false;
        }
        let before = self.snapshot.get_untracked();
        let saved = self.commit(snapshot);
        self.undo_stack.update(|stack| {
            stack.push((done.clone(), before));
            if stack.len() > UNDO_LIMIT {
                stack.remove(0);
            }
        });
        if saved {
            let text = format!("{done}.");
            match near {
                Some(near) => self
                    .notices
                    .status_at(near, text, vec![NoticeAction::UndoEdit]),
                None => self.notices.status_with(text, vec![NoticeAction::UndoEdit]),
            }
        }
        saved
    }

    /// [`Workspace::edit`] when `snapshot` differs from what is open; otherwise
    /// says so and saves nothing.
    pub fn edit_if_changed(&self, done: impl Into<String>, snapshot: Snapshot) -> bool {
        self.edit_if_changed_near(None, done.into(), snapshot)
    }

    /// [`Workspace::edit_if_changed`], answered beside `near`.
    pub fn edit_if_changed_at(
        &self,
        near: &'static str,
        done: impl Into<String>,
        snapshot: Snapshot,
    ) -> bool {
        self.edit_if_changed_near(Some(near), done.into(), snapshot)
    }

    fn edit_if_changed_near(
        &self,
        near: Option<&'static str>,
        done: String,
        snapshot: Snapshot,
    ) -> bool {
        if self.snapshot.with_untracked(|s| **s == snapshot) {
            let text = "Nothing has changed, so there was nothing to save.";
            match near {
                Some(near) => self.notices.status_at(near, text, vec![]),
                None => self.notices.status(text),
            }
            return false;
        }
        self.edit_near(near, done, snapshot)
    }

    /// Puts back the data as it was before the latest edit.
    pub fn undo_edit(&self) {
        let Some((done, before)) = self.undo_stack.try_update(|stack| stack.pop()).flatten() else {
            self.notices.status("There is nothing to undo.");
            return;
        };
        // Which file the data came from is not known for an earlier step (a
        // file may have been opened since): a combine asks about every
        // difference rather than guess.
        self.meta.update(|m| m.based_on = None);
        self.commit(before);
        let more = if self.undo_stack.with_untracked(|s| s.is_empty()) {
            vec![]
        } else {
            vec![NoticeAction::UndoEdit]
        };
        self.notices.status_with(format!("Undone: {done}."), more);
    }

    fn save(&self) -> bool {
        self.save_as(None, None)
    }

    /// Saves the data on screen as a new revision; with `exported_at`, one
    /// that a file written then holds whole (an import), in the same write;
    /// with `then_remove`, removing that record in the same write.
    fn save_as(
        &self,
        exported_at: Option<DateTime<Utc>>,
        then_remove: Option<&'static str>,
    ) -> bool {
        match self.health.get_untracked() {
            Health::Unavailable | Health::HoldingUnreadable | Health::Conflict { .. } => {
                self.remind_unsaved();
                return false;
            }
            Health::Saving | Health::Full => {}
        }
        let ours = self.meta.with_untracked(|m| m.revision);
        if let SavePlan::Conflict { theirs } = plan_save_after(records::latest_revision(), ours) {
            self.health.set(Health::Conflict { theirs });
            self.notices.error_with(
                format!(
                    "Another tab saved newer data (revision {theirs}; this tab has revision {ours}). Your change is on screen in this tab only and has not been saved over it."
                ),
                vec![NoticeAction::LoadNewer, NoticeAction::KeepMine],
            );
            return false;
        }
        let first_save = ours == 0;
        let next = self
            .meta
            .with_untracked(|m| m.with(self.snapshot.get_untracked()))
            .next(self.snapshot.get_untracked(), browser::now());
        let next = match exported_at {
            Some(at) => next.exported(at),
            None => next,
        };
        // Taken at once (the next save follows on from it, and other tabs
        // are told); put back if the write fails.
        let meta = Meta::of(&next);
        self.meta.set(meta.clone());
        let failed_at_once = std::rc::Rc::new(std::cell::Cell::new(false));
        let failed = failed_at_once.clone();
        let workspace = *self;
        let revision = next.revision;
        records::write_removing(
            KEY,
            &encode(&next),
            then_remove,
            move |result| match result {
                Ok(()) => workspace.saved(first_save, meta),
                Err(e) => {
                    failed.set(true);
                    workspace.not_saved(revision, e);
                }
            },
        );
        // After the write has started, so a tab that reads on hearing of it
        // reads what this one wrote.
        if !failed_at_once.get() {
            records::announce(next.revision);
        }
        !failed_at_once.get()
    }

    /// A save reached storage, which now holds `meta`.
    fn saved(&self, first_save: bool, meta: Meta) {
        // Saves end in the order made: the latest to end is the latest held.
        self.saved_meta.set(meta);
        if self.health.get_untracked() == Health::Full {
            // The "could not be saved" warning no longer holds.
            self.health.set(Health::Saving);
            self.notices.resolve(NoticeAction::DownloadCopy);
            self.notices
                .status("Saved: there is room in this browser again.");
        }
        if first_save {
            self.ask_to_persist();
        }
    }

    /// The save of `revision` failed: storage holds what it last took (see
    /// `saved_meta`), and the change stays on screen.
    fn not_saved(&self, revision: u64, e: StorageError) {
        if self.meta.with_untracked(|m| m.revision) == revision {
            let mut held = self.saved_meta.get_untracked();
            records::withdraw(revision, held.revision);
            // Storage holds its revision; what is on screen keeps its own
            // lineage, and its changes are in no file unless they were.
            let now = self.meta.get_untracked();
            held.based_on = now.based_on.clone();
            if now.needs_export() {
                held.exported_revision = None;
            }
            self.meta.set(held);
        }
        if e == StorageError::Full {
            self.health.set(Health::Full);
            // Versions whose data is in a file may go to make room.
            self.make_room_for_save();
        }
        self.notices.error_with(
            format!("Your change could not be saved: {e}. It is kept in this tab until you close it; download a copy to keep it. What was saved before is unchanged."),
            vec![NoticeAction::DownloadCopy],
        );
    }

    fn remind_unsaved(&self) {
        let why = match self.health.get_untracked() {
            Health::Unavailable => "this browser is not letting Scrutineer keep data",
            Health::HoldingUnreadable => "the unreadable saved data is waiting for your decision",
            _ => "another tab has saved newer data",
        };
        self.notices
            .status(format!("Changed in this tab only, not saved: {why}."));
    }

    fn ask_to_persist(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            persisted.set(browser::persist_storage().await);
        });
    }

    /// The export file's name, text and fingerprint for the data on screen,
    /// recording the file it was last opened from or saved as.
    pub fn export_file(&self) -> (String, String, String) {
        let based_on = self.meta.with_untracked(|m| m.based_on.clone());
        self.snapshot.with_untracked(|s| {
            let (text, fingerprint) =
                export_based_on(s, browser::now(), APP_VERSION, based_on.as_deref());
            (file_name(s), text, fingerprint)
        })
    }

    /// Downloads the data as a snapshot file; false where the browser refused.
    pub fn download_copy(&self) -> bool {
        let (name, text, fingerprint) = self.export_file();
        if browser::download(&name, &text, "application/json") {
            self.mark_exported(fingerprint.clone());
            self.keep_downloaded(name.clone(), self.snapshot.get_untracked(), fingerprint);
            self.notices.status(format!(
                "Downloaded \u{201c}{name}\u{201d}. Email it, or keep it somewhere safe."
            ));
            true
        } else {
            self.notices
                .error("The browser refused the download. Try again, or use another browser.");
            false
        }
    }

    /// Offers the file to the device's share sheet, downloading it where the
    /// device refuses. The data is marked exported only if it is still what
    /// was shared: a change made while the sheet was open is in no file.
    pub fn share_copy(&self) {
        let (name, text, fingerprint) = self.export_file();
        let shared = self.snapshot.get_untracked();
        let workspace = *self;
        leptos::task::spawn_local(async move {
            match browser::share_file(&name, &text).await {
                browser::Shared::Shared => {
                    let unchanged = workspace
                        .snapshot
                        .try_with_untracked(|now| Arc::ptr_eq(now, &shared));
                    if unchanged == Some(true) {
                        workspace.mark_exported(fingerprint.clone());
                        workspace
                            .notices
                            .status(format!("Shared \u{201c}{name}\u{201d}."));
                    } else {
                        // The data open now came from the file just shared:
                        // a reply saved from that file combines knowing so.
                        workspace
                            .meta
                            .update(|m| m.based_on = Some(fingerprint.clone()));
                        workspace.notices.status(format!(
                            "Shared \u{201c}{name}\u{201d}. It holds the data as it was when you chose to share: the changes made since are in no file yet."
                        ));
                    }
                    workspace.keep_downloaded(name.clone(), shared, fingerprint);
                }
                browser::Shared::Cancelled => {}
                browser::Shared::Refused => {
                    workspace.download_copy();
                }
            }
        });
    }

    /// Records that a file with `fingerprint` was written now of the data
    /// on screen.
    fn mark_exported(&self, fingerprint: String) {
        self.meta.update(|m| m.based_on = Some(fingerprint));
        self.mark_exported_at(browser::now());
    }

    /// Records that a file written at `at` holds the data on screen.
    fn mark_exported_at(&self, at: DateTime<Utc>) {
        let now = at;
        let stored = self
            .meta
            .with_untracked(|m| m.with(self.snapshot.get_untracked()))
            .exported(now);
        // Record the export in storage where this tab may write; on screen either way.
        let may_write = stored.revision > 0
            && self.health.get_untracked() == Health::Saving
            && plan_save_after(records::latest_revision(), stored.revision) == SavePlan::Write;
        if may_write {
            records::write(KEY, &encode(&stored), |_| {});
        }
        self.meta.set(Meta::of(&stored));
    }

    /// Replaces the data with `fresh`, an empty workspace for a new pack
    /// (see [`Snapshot::fresh`]), once the data open now is kept as a
    /// version (not at all where that failed and the data is in no file),
    /// and gives `then` whether it was saved. The old
    /// pack's messages and undo steps go (an Undo would bring it back); a
    /// warning that saving failed stays, with what to do about it. The page
    /// that asked says what to do next.
    pub fn start_empty(&self, fresh: Snapshot, then: impl FnOnce(bool) + 'static) {
        let workspace = *self;
        self.keep_then(
            Cause::BeforeStartEmpty,
            "start with an empty workspace",
            move || {
                workspace.notices.clear_plain();
                workspace.undo_stack.set(vec![]);
                workspace.meta.update(|m| m.based_on = None);
                then(workspace.commit(fresh));
            },
        );
    }

    /// Replaces the data with the built-in demo.
    pub fn restore_demo(&self) {
        let workspace = *self;
        self.keep_then(Cause::BeforeDemo, "bring back the demo data", move || {
            workspace.put_back_demo()
        });
    }

    fn put_back_demo(&self) {
        self.meta.update(|m| m.based_on = None);
        self.commit(Snapshot::demo());
        self.notices
            .status("The demo data is back: Lancashire County Council's packs of 2018 and 2019.");
    }

    /// Saves the unreadable stored text as a file for someone to look at.
    pub fn download_unreadable(&self) {
        let raw = records::read(CORRUPT_KEY)
            .ok()
            .flatten()
            .or_else(|| records::read(KEY).ok().flatten());
        match raw {
            Some(raw) => {
                let name = format!("scrutineer-unreadable-{}.txt", browser::today());
                if browser::download(&name, &raw, "text/plain") {
                    self.notices.status(format!(
                        "Downloaded the unreadable data as \u{201c}{name}\u{201d}."
                    ));
                }
            }
            None => self
                .notices
                .error("The unreadable data is no longer in this browser."),
        }
    }

    /// Lets go of the unreadable data, so changes are saved again.
    pub fn discard_unreadable(&self) {
        let _ = records::remove(CORRUPT_KEY);
        let _ = records::remove(KEY);
        self.meta.set(Meta::default());
        self.saved_meta.set(Meta::default());
        self.health.set(Health::Saving);
        self.notices.clear_errors();
        self.notices.status(
            "The unreadable data has been removed. Changes are saved in this browser again.",
        );
    }

    /// Takes the newer data another tab saved.
    pub fn load_newer(&self) {
        let workspace = *self;
        leptos::task::spawn_local(async move { workspace.load_newer_now().await });
    }

    async fn load_newer_now(&self) {
        let Some(raw) = records::refresh(KEY).await else {
            self.notices
                .error("The other tab's data could not be read; this tab's data is unchanged.");
            return;
        };
        let workspace = *self;
        read_stored_then(raw, move |stored| match stored {
            Some(stored) => {
                let revision = stored.revision;
                workspace.adopt(stored);
                workspace.health.set(Health::Saving);
                workspace.notices.clear_errors();
                workspace.notices.status(format!(
                    "Showing the newer data saved by another tab (revision {revision})."
                ));
            }
            None => workspace
                .notices
                .error("The other tab's data could not be read; this tab's data is unchanged."),
        });
    }

    /// Saves this tab's data over the other tab's, at the user's request.
    pub fn keep_mine(&self) {
        if let Health::Conflict { theirs } = self.health.get_untracked() {
            self.meta.update(|m| m.revision = theirs);
            self.health.set(Health::Saving);
            self.notices.clear_errors();
            if self.save() {
                self.notices
                    .status("Saved this tab's data over the other tab's.");
            }
        }
    }

    /// Another tab wrote `new_value` under `key` in local storage: the
    /// snapshot itself (records kept there), or the revision it saved
    /// (records kept in IndexedDB, read again from there).
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        let workspace = *self;
        match key.as_deref() {
            Some(KEY) => {
                if let Some(text) = new_value {
                    workspace.take_stored(text);
                }
            }
            // Only a revision newer than this tab's is worth reading.
            Some(REVISION_KEY)
                if store::read_revision(new_value.as_deref()).is_some_and(|theirs| {
                    theirs > workspace.meta.with_untracked(|m| m.revision)
                }) =>
            {
                leptos::task::spawn_local(async move {
                    if let Some(text) = records::refresh(KEY).await {
                        workspace.take_stored(text);
                    }
                })
            }
            _ => {}
        }
    }

    fn take_stored(&self, text: String) {
        let workspace = *self;
        read_stored_then(text, move |stored| {
            if let Some(stored) = stored {
                workspace.take_from_other_tab(stored);
            }
        });
    }

    /// Shows what another tab saved, if it is newer and this tab has no
    /// change of its own waiting.
    fn take_from_other_tab(&self, stored: Stored) {
        let ours = self.meta.with_untracked(|m| m.revision);
        if stored.revision <= ours {
            return;
        }
        if matches!(self.health.get_untracked(), Health::Conflict { .. }) {
            return;
        }
        let summary = stored.snapshot.summary();
        self.adopt(stored);
        self.notices.status(format!(
            "Updated: another tab saved changes ({}, {}).",
            summary.organisation,
            count_of(summary.indicators, "indicator", "indicators")
        ));
    }
}
