//! Opening a file over the data open now, or combining it with it: the
//! file is checked and held for the person to confirm; once confirmed, the
//! data before it is kept as a version and as the copy for Undo import,
//! and only then replaced.

use std::sync::Arc;

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::format::Opened;
use scrutineer_core::file::store::BEFORE_IMPORT_KEY;
use scrutineer_core::file::versions::Cause;

use super::{encode, read_snapshot_file, versions, ComparedFrom, Health, Workspace, OPEN_FILE};
use crate::browser;
use crate::records;
use crate::state::NoticeAction;

/// The combine page (`#/data/combine`), where what happens there is said.
pub const COMBINE: &str = "combine";

/// What replaces the data open now in an import.
enum Incoming {
    /// The file as it is.
    File(Opened),
    /// The file combined with the data open now; `file` is the file's
    /// fingerprint, `theirs` its data.
    Combined {
        snapshot: Snapshot,
        words: String,
        file: String,
        theirs: Arc<Snapshot>,
    },
}

impl Incoming {
    /// Where its messages go, and "open", "opened" or "combine", "combined".
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Incoming::File(_) => (OPEN_FILE, "open", "opened"),
            Incoming::Combined { .. } => (COMBINE, "combine", "combined"),
        }
    }
}

impl Workspace {
    /// Checks the text of a chosen file and, if it can be opened, holds it
    /// for the user to confirm; otherwise says why beside the file input.
    pub fn check_file(&self, name: String, text: String) {
        self.check_file_at(OPEN_FILE, name, text);
    }

    /// As [`Workspace::check_file`], saying why a file is refused at `near`.
    pub fn check_file_at(&self, near: &'static str, name: String, text: String) {
        self.import_token.update(|t| *t += 1);
        self.pending_import.set(None);
        match read_snapshot_file(&name, &text) {
            Ok(opened) => self.pending_import.set(Some((name, opened))),
            Err(e) => self.notices.refuse(near, &name, &e),
        }
    }

    /// Replaces the data with the checked file, keeping the old for undo:
    /// once the copy for undo is stored (where this tab saves at all).
    pub fn confirm_import(&self) {
        let Some((name, opened)) = self.pending_import.get_untracked() else {
            return;
        };
        self.replace_undoably(name, Incoming::File(opened));
    }

    /// Replaces the data with `combined`, the file waiting to be opened
    /// combined with it (`#/data/combine`), keeping the old for undo as an
    /// import does. `words` says what was taken from where.
    pub fn confirm_combined(&self, combined: Snapshot, words: String) {
        let Some((name, opened)) = self.pending_import.get_untracked() else {
            return;
        };
        let file = opened.fingerprint.clone();
        self.replace_undoably(
            name,
            Incoming::Combined {
                snapshot: combined,
                words,
                file,
                theirs: Arc::new(opened.snapshot),
            },
        );
    }

    fn replace_undoably(&self, name: String, incoming: Incoming) {
        let previous = self.snapshot.get_untracked();
        if self.health.get_untracked() != Health::Saving {
            return self.open_confirmed(name, incoming, previous);
        }
        // Confirmed once: the preview goes while the version and the undo
        // copy are stored.
        self.import_token.update(|t| *t += 1);
        let token = self.import_token.get_untracked();
        self.pending_import.set(None);
        let before = encode(&self.meta.with_untracked(|m| m.with(previous.clone())));
        let workspace = *self;
        leptos::task::spawn_local(async move {
            // The data before is kept as a version; where it cannot be, the
            // copy for Undo import still holds it, and the person is told.
            let cause = match incoming {
                Incoming::File(_) => Cause::BeforeImport { file: name.clone() },
                Incoming::Combined { .. } => Cause::BeforeCombine { file: name.clone() },
            };
            // The version and the copy for Undo import are stored at once:
            // both are waited on before the data is replaced.
            let (version, stored) = futures::future::join(
                workspace.keep_open(cause),
                records::write_now(BEFORE_IMPORT_KEY, &before),
            )
            .await;
            if let Err(why) = version {
                if !matches!(why, versions::NotKept::Unavailable) {
                    workspace.notices.error(format!(
                        "The data before \u{201c}{name}\u{201d} was not kept as a version ({}). Until your next change, Undo import brings it back; download a copy of it then if you need it.",
                        why.words()
                    ));
                }
            }
            if workspace.import_token.get_untracked() != token {
                return; // Another file was chosen meanwhile.
            }
            let (near, verb, doing) = incoming.words();
            match stored {
                Ok(()) if Arc::ptr_eq(&workspace.snapshot.get_untracked(), &previous) => {
                    workspace.open_confirmed(name, incoming, previous)
                }
                Ok(()) => workspace.notices.error_at(near, format!(
                    "Did not {verb} \u{201c}{name}\u{201d}: the data changed while it was being {doing}. Nothing else has been changed. Choose the file again."
                )),
                Err(e) => workspace.notices.error_at(near, format!(
                    "Could not {verb} \u{201c}{name}\u{201d}: there is no room to keep your current data for undo ({e}). Nothing has been changed. Download a copy, then try again."
                )),
            }
        });
    }

    fn open_confirmed(&self, name: String, incoming: Incoming, previous: Arc<Snapshot>) {
        self.pending_import.set(None);
        // A comparison with this file goes on with what was open before it:
        // what the file changed.
        let with_this = self
            .compared
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.from == ComparedFrom::Pending));
        if with_this {
            let (_, _, done) = incoming.words();
            self.compare_with(
                format!("the data before \u{201c}{name}\u{201d} was {done}"),
                previous.clone(),
                ComparedFrom::BeforeOpening,
            );
        }
        let based_on = self.meta.with_untracked(|m| m.based_on.clone());
        self.before_import.set(Some((previous, based_on)));
        self.showing_demo.set(false);
        let opened = match incoming {
            Incoming::File(opened) => opened,
            Incoming::Combined {
                snapshot,
                words,
                file,
                theirs,
            } => {
                // What is open now is no file's: the reminder to download a
                // copy stays until one is. The file it holds the changes of
                // is what its next file is based on.
                self.meta.update(|m| m.based_on = Some(file.clone()));
                self.snapshot.set(Arc::new(snapshot));
                self.save_as(None, None);
                self.keep_file(Cause::CombinedIn { file: name.clone() }, theirs, file);
                self.notices.status_at(
                    COMBINE,
                    format!("Combined \u{201c}{name}\u{201d} with the data that was open: {words} Download a copy to send the combined pack on."),
                    vec![NoticeAction::GoToPack, NoticeAction::UndoImport, NoticeAction::DownloadCopy],
                );
                return;
            }
        };
        let summary = opened.snapshot.summary();
        let migrated = if opened.migrated() {
            format!(
                " It was written by an older version (format {}) and has been brought up to date.",
                opened.from_version
            )
        } else {
            String::new()
        };
        // What is open now is exactly what a file holds (written when it says):
        // no reminder to download a copy of the file just opened. Saved with
        // that mark in one write (the large pack is encoded once, not twice).
        let at = opened.exported_at.unwrap_or_else(browser::now);
        // What is open came from this file: a file saved from it later
        // says so (`based_on`), so that the sender can combine it.
        let from = opened.fingerprint;
        self.meta.update(|m| m.based_on = Some(from.clone()));
        let opened_data = Arc::new(opened.snapshot);
        self.snapshot.set(opened_data.clone());
        if !self.save_as(Some(at), None) {
            // Not saved: the mark is on screen all the same.
            self.mark_exported_at(at);
        }
        self.keep_file(Cause::Opened { file: name.clone() }, opened_data, from);
        self.notices.status_at(
            OPEN_FILE,
            format!(
                "Opened \u{201c}{name}\u{201d}: {}, {}.{migrated}",
                summary.organisation, summary.as_at
            ),
            vec![NoticeAction::GoToPack, NoticeAction::UndoImport],
        );
    }

    /// Puts back the data as it was before the last import.
    pub fn undo_import(&self) {
        let Some((before, based_on)) = self.before_import.get_untracked() else {
            return;
        };
        let organisation = before.organisation.clone();
        self.before_import.set(None);
        self.showing_demo.set(false);
        self.meta.update(|m| m.based_on = based_on);
        self.snapshot.set(before);
        // Comparing with the data before the import is comparing with itself now.
        if self.compared.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|c| c.from == ComparedFrom::BeforeOpening)
        }) {
            self.compared.set(None);
        }
        // The copy goes in the same write as the save of the data it holds.
        self.save_as(None, Some(BEFORE_IMPORT_KEY));
        self.notices
            .status(format!("Import undone: {organisation}'s data is back."));
    }
}
