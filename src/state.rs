//! App state in context: each value a small newtype reached through a `use_*` helper.

use std::sync::Arc;

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::read::ReadFileError;
use scrutineer_core::route::Route;

/// The snapshot on screen.
#[derive(Clone, Copy)]
pub struct SnapshotState(pub ReadSignal<Arc<Snapshot>>);

/// The view the URL fragment names.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

/// The address's query pairs (after `?`), which hold a view's filters.
#[derive(Clone, Copy)]
pub struct CurrentQuery(pub ReadSignal<Vec<(String, String)>>);

pub fn use_query() -> ReadSignal<Vec<(String, String)>> {
    expect_context::<CurrentQuery>().0
}

/// Whether a message is an error (announced at once) or a confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Status,
}

/// Something the user can do straight from a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the data on screen as a snapshot file.
    DownloadCopy,
    /// Download the stored text that could not be read.
    DownloadUnreadable,
    /// Remove the unreadable stored text, so changes are saved again.
    DiscardUnreadable,
    /// Put back the data as it was before the last import.
    UndoImport,
    /// Put back the data as it was before the latest edit.
    UndoEdit,
    /// Show the newer data another tab saved.
    LoadNewer,
    /// Go to the pack just opened: its indicators.
    GoToPack,
    /// Save this tab's data over the other tab's.
    KeepMine,
}

impl NoticeAction {
    pub fn label(self) -> &'static str {
        match self {
            NoticeAction::DownloadCopy => "Download a copy",
            NoticeAction::DownloadUnreadable => "Download the unreadable data",
            NoticeAction::DiscardUnreadable => "Remove it and save changes again",
            NoticeAction::UndoImport => "Undo import",
            NoticeAction::UndoEdit => "Undo",
            NoticeAction::LoadNewer => "Show the newer data",
            NoticeAction::GoToPack => "Go to the pack",
            NoticeAction::KeepMine => "Keep this tab's data",
        }
    }
}

/// One message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    pub actions: Vec<NoticeAction>,
    /// Faults listed under the text, such as each bad row of a refused file.
    pub items: Vec<String>,
    /// The id of the part of the page the message is about, where it is
    /// shown (see `NoticesHere`); `None`: at the top of every page.
    pub near: Option<&'static str>,
}

/// Messages to the user, shown in `role="alert"` and `role="status"` regions.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    /// Tells the user something went wrong; stays until dismissed or
    /// replaced by the next message.
    pub fn error(&self, text: impl Into<String>) {
        self.push(NoticeKind::Error, text.into(), vec![], None);
    }

    /// An error shown beside `near`, the part of the page that caused it.
    pub fn error_at(&self, near: &'static str, text: impl Into<String>) {
        self.push(NoticeKind::Error, text.into(), vec![], Some(near));
    }

    /// An error with things the user can do about it: it stays until they do.
    pub fn error_with(&self, text: impl Into<String>, actions: Vec<NoticeAction>) {
        self.push(NoticeKind::Error, text.into(), actions, None);
    }

    /// Confirms that something worked; replaces the previous confirmation.
    pub fn status(&self, text: impl Into<String>) {
        self.status_with(text, vec![]);
    }

    /// A confirmation with a follow-up action, such as "Undo import".
    pub fn status_with(&self, text: impl Into<String>, actions: Vec<NoticeAction>) {
        self.push(NoticeKind::Status, text.into(), actions, None);
    }

    /// A confirmation shown beside `near`, the part of the page that caused it.
    pub fn status_at(
        &self,
        near: &'static str,
        text: impl Into<String>,
        actions: Vec<NoticeAction>,
    ) {
        self.push(NoticeKind::Status, text.into(), actions, Some(near));
    }

    /// Says beside `near` why the file `name` was not read, listing its faults.
    pub fn refuse(&self, near: &'static str, name: &str, error: &ReadFileError) {
        self.add(Notice {
            id: 0,
            kind: NoticeKind::Error,
            text: error.message(name),
            actions: vec![],
            items: error.faults(),
            near: Some(near),
        });
    }

    /// Removes the messages shown beside `near` that offer nothing to do:
    /// what they said of the last file chosen there no longer applies. One
    /// that offers an action (Undo import) stays.
    pub fn clear_at(&self, near: &'static str) {
        self.list
            .update(|list| list.retain(|n| n.near != Some(near) || !n.actions.is_empty()));
    }

    /// Removes every error, once what they were about is resolved.
    pub fn clear_errors(&self) {
        self.list
            .update(|list| list.retain(|notice| notice.kind != NoticeKind::Error));
    }

    pub fn dismiss(&self, id: u64) {
        self.list
            .update(|list| list.retain(|notice| notice.id != id));
    }

    /// The messages of one kind shown `near` a part of the page (or, for
    /// `None`, at the top), oldest first.
    pub fn of_kind(&self, kind: NoticeKind, near: Option<&'static str>) -> Vec<Notice> {
        self.list.with(|list| {
            list.iter()
                .filter(|notice| notice.kind == kind && notice.near == near)
                .cloned()
                .collect()
        })
    }

    /// Adds a message. A new message replaces the ones before it in the same
    /// place, so that refusals never pile up; errors that wait for a decision
    /// (those with actions, such as unreadable saved data) stay until it is
    /// made, and the same one is never shown twice.
    fn push(
        &self,
        kind: NoticeKind,
        text: String,
        actions: Vec<NoticeAction>,
        near: Option<&'static str>,
    ) {
        self.add(Notice {
            id: 0,
            kind,
            text,
            actions,
            items: vec![],
            near,
        });
    }

    /// Adds `notice` under a new id, by the rules of [`Notices::push`].
    fn add(&self, notice: Notice) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|list| {
            list.retain(|n| {
                let waits = n.kind == NoticeKind::Error && !n.actions.is_empty();
                (n.near != notice.near || waits)
                    && !(n.kind == notice.kind && n.text == notice.text)
            });
            list.push(Notice { id, ..notice })
        });
    }

    /// Removes the errors that offer `action`, once what they warned of is over
    /// (storage has room again).
    pub fn resolve(&self, action: NoticeAction) {
        self.list.update(|list| {
            list.retain(|n| !(n.kind == NoticeKind::Error && n.actions.contains(&action)))
        });
    }

    /// Removes the plain messages (those waiting for no decision) everywhere:
    /// what they said no longer applies, as when the data is replaced.
    pub fn clear_plain(&self) {
        self.list
            .update(|list| list.retain(|n| n.kind == NoticeKind::Error && !n.actions.is_empty()));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_snapshot() -> ReadSignal<Arc<Snapshot>> {
    expect_context::<SnapshotState>().0
}

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<CurrentRoute>().0
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
