//! The live regions that announce errors and confirmations.

use leptos::prelude::*;

use crate::state::{use_notices, Notice, NoticeAction, NoticeKind};
use crate::workspace::use_workspace;

/// Errors in `role="alert"`, confirmations in `role="status"`. Both regions
/// are always in the page, so screen readers announce what is added to them.
#[component]
pub fn MessageRegions() -> impl IntoView {
    let notices = use_notices();
    let list = move |kind: NoticeKind| {
        move || {
            notices
                .of_kind(kind)
                .into_iter()
                .map(|notice| view! { <MessageItem notice=notice/> })
                .collect_view()
        }
    };
    view! {
        <div class="messages">
            <div role="alert" class="messages__errors" data-testid="alerts">
                {list(NoticeKind::Error)}
            </div>
            <div role="status" class="messages__status" data-testid="statuses">
                {list(NoticeKind::Status)}
            </div>
        </div>
    }
}

/// One message with a button to dismiss it.
#[component]
fn MessageItem(notice: Notice) -> impl IntoView {
    let notices = use_notices();
    let workspace = use_workspace();
    let id = notice.id;
    let class = match notice.kind {
        NoticeKind::Error => "message message--error",
        NoticeKind::Status => "message message--status",
    };
    let prefix = match notice.kind {
        NoticeKind::Error => "Error: ",
        NoticeKind::Status => "Done: ",
    };
    view! {
        <div class=class>
            <p class="message__text">
                <strong>{prefix}</strong>
                {notice.text}
            </p>
            <div class="message__actions">
                {notice
                    .actions
                    .into_iter()
                    .map(|action| {
                        let run = move |_| {
                            // A download leaves the choice open; the others settle it.
                            if !matches!(action, NoticeAction::DownloadCopy | NoticeAction::DownloadUnreadable) {
                                notices.dismiss(id);
                            }
                            match action {
                                NoticeAction::DownloadCopy => {
                                    workspace.download_copy();
                                }
                                NoticeAction::DownloadUnreadable => workspace.download_unreadable(),
                                NoticeAction::DiscardUnreadable => workspace.discard_unreadable(),
                                NoticeAction::UndoImport => workspace.undo_import(),
                                NoticeAction::UndoEdit => workspace.undo_edit(),
                                NoticeAction::LoadNewer => workspace.load_newer(),
                                NoticeAction::KeepMine => workspace.keep_mine(),
                            }
                        };
                        view! {
                            <button type="button" class="button" on:click=run>
                                {action.label()}
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" class="button button--secondary" on:click=move |_| notices.dismiss(id)>
                    "Dismiss"
                </button>
            </div>
        </div>
    }
}
