//! Comparing the data open now with another pack (`#/compare`): a file
//! chosen to compare with, the file waiting to be opened, the data before
//! the last import, or a version kept here. Comparing changes nothing and
//! is never stored.

use std::sync::Arc;

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::Snapshot;

use super::{read_snapshot_file, Workspace};
use crate::browser;

/// What the data open now is compared with (`#/compare`).
#[derive(Clone, Debug, PartialEq)]
pub struct ComparedWith {
    /// As the person knows it: "“Q3 pack.json”".
    pub name: String,
    pub snapshot: Arc<Snapshot>,
    pub from: ComparedFrom,
}

/// Where the pack compared with came from, which decides which came first
/// when both have the same as-at date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparedFrom {
    /// A file chosen to compare with: it comes after what is open.
    File,
    /// The file waiting to be opened: what opening it would change.
    Pending,
    /// The data before the file just opened: it came first.
    BeforeOpening,
    /// A version kept in this browser: it came first.
    Version,
}

impl ComparedWith {
    /// The comparison of `open` with this pack.
    pub fn with(&self, open: &Snapshot) -> scrutineer_core::compare::Comparison {
        let first = matches!(
            self.from,
            ComparedFrom::BeforeOpening | ComparedFrom::Version
        );
        scrutineer_core::compare::Comparison::of(open, &self.snapshot, &self.name, first)
    }
}

/// The compare page's file chooser, where what happens to a chosen file is said.
pub const COMPARE_FILE: &str = "compare-file";

impl Workspace {
    /// Compares the data open now with `snapshot`, named `name`
    /// ("“Q3 pack.json”"), from `from`.
    pub fn compare_with(&self, name: String, snapshot: Arc<Snapshot>, from: ComparedFrom) {
        self.compared.set(Some(ComparedWith {
            name,
            snapshot,
            from,
        }));
    }

    /// Compares with a chosen file, once it is read and checked as any file
    /// to open is, and says so; a refusal is said at [`COMPARE_FILE`] and
    /// the comparison shown before, if any, stays.
    pub fn check_comparison_file(&self, name: String, text: String) {
        match read_snapshot_file(&name, &text) {
            Ok(opened) => {
                let (head, _) = opened
                    .integrity
                    .words()
                    .split_once(": ")
                    .unwrap_or(("", ""));
                self.notices.status_at(
                    COMPARE_FILE,
                    format!("Comparing with \u{201c}{name}\u{201d}. {head}."),
                    vec![],
                );
                self.compare_with(
                    format!("\u{201c}{name}\u{201d}"),
                    Arc::new(opened.snapshot),
                    ComparedFrom::File,
                );
                browser::focus_when_shown("#compare-heading");
            }
            Err(e) => self.notices.refuse(COMPARE_FILE, &name, &e),
        }
    }

    /// Compares with the file waiting to be opened (from its preview).
    pub fn compare_with_pending(&self) -> bool {
        let Some((name, opened)) = self.pending_import.get_untracked() else {
            return false;
        };
        self.compare_with(
            format!("\u{201c}{name}\u{201d}"),
            Arc::new(opened.snapshot),
            ComparedFrom::Pending,
        );
        true
    }

    /// Stops comparing; nothing changes.
    pub fn stop_comparing(&self) {
        self.compared.set(None);
    }
}
