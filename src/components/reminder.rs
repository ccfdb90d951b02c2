//! The reminder to download a copy while changes are held in this browser only.

use leptos::prelude::*;

use crate::workspace::use_workspace;

/// Shown while there are changes no file holds: browsers (Safari above all)
/// may delete a site's data after days unused, and a tablet can be lost.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let workspace = use_workspace();
    let show = move || workspace.meta().with(|m| m.needs_export());
    view! {
        <Show when=show>
            <section class="reminder" aria-label="Changes not downloaded" data-testid="export-reminder">
                <p class="reminder__text">
                    <strong>"Changes only in this browser. "</strong>
                    "Download a copy to keep them safe and to share them: browsers can delete data after a week unused."
                </p>
                <button type="button" class="button button--secondary" on:click=move |_| { workspace.download_copy(); }>
                    "Download a copy"
                </button>
            </section>
        </Show>
    }
}
