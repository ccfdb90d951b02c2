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
                .of_kind(kind, None)
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

/// The messages about one part of a page (`at`, the id given to
/// [`crate::state::Notices::error_at`] and `status_at`), shown there rather than at the
/// top, where the person is looking. Its regions are live, so they are
/// announced too, and a new error takes focus, as a GOV.UK error summary does.
#[component]
pub fn NoticesHere(at: &'static str) -> impl IntoView {
    let notices = use_notices();
    let list = move |kind: NoticeKind| {
        move || {
            notices
                .of_kind(kind, Some(at))
                .into_iter()
                .map(|notice| view! { <MessageItem notice=notice/> })
                .collect_view()
        }
    };
    Effect::new(move |shown: Option<Option<u64>>| {
        let latest = notices
            .of_kind(NoticeKind::Error, Some(at))
            .last()
            .map(|n| n.id);
        if latest.is_some() && shown.is_some_and(|s| s != latest) {
            if let Some(id) = latest {
                request_animation_frame(move || crate::browser::focus_id(&format!("notice-{id}")));
            }
        }
        latest
    });
    view! {
        <div class="messages messages--here" data-testid=format!("notices-{at}")>
            <div role="alert" class="messages__errors">{list(NoticeKind::Error)}</div>
            <div role="status" class="messages__status">{list(NoticeKind::Status)}</div>
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
        <div class=class id=format!("notice-{id}") tabindex="-1">
            <p class="message__text">
                <strong>{prefix}</strong>
                {notice.text}
            </p>
            {(!notice.items.is_empty()).then(|| view! {
                <ul class="message__list">
                    {notice.items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                </ul>
            })}
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
                                NoticeAction::GoToPack => crate::browser::go(&scrutineer_core::route::Route::Indicators.href()),
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
