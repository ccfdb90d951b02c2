//! Bringing a file in, the same way on every page that reads one (a snapshot,
//! figures from a spreadsheet, a complaints case list): choose it; a refusal
//! is said beside the input with every fault listed (up to the one limit);
//! otherwise what it would change is previewed, and nothing changes until the
//! person confirms.

use leptos::prelude::*;

use crate::components::NoticesHere;
use crate::state::use_notices;

/// A labelled file input with its messages beside it. `on_text` is given the
/// chosen file's name and text; a file too large or unreadable is refused
/// here, and `on_text` is not called. The page reads the text and either
/// shows a preview or refuses it with [`crate::state::Notices::refuse`] at
/// the same `at`.
#[component]
pub fn FileChooser(
    /// The input's id.
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The file types offered, as the `accept` attribute gives them.
    accept: &'static str,
    /// The input's `data-testid`, for journeys.
    testid: &'static str,
    /// Where this input's messages are shown (see [`NoticesHere`]).
    at: &'static str,
    /// Called once a file was chosen (`on_choose`, to let go of an earlier
    /// preview) and read (`on_text`). The messages shown at `at` about the
    /// last file are cleared at each choice.
    #[prop(optional)]
    on_choose: Option<Callback<()>>,
    on_text: Callback<(String, String)>,
) -> impl IntoView {
    let notices = use_notices();
    let hint_id = format!("{id}-hint");
    let chosen = move |event: leptos::ev::Event| {
        // The main thread is the file's now, not the reader's rehearsal's.
        crate::rehearsal::file_chosen();
        // A new choice: what was said of the last file, and its preview, go.
        notices.clear_at(at);
        if let Some(choose) = on_choose {
            choose.run(());
        }
        // The page may be gone by the time the file is read: then nothing runs.
        crate::browser::read_chosen(&event, move |name, text| match text {
            Ok(text) => {
                on_text.try_run((name, text));
            }
            Err(error) => notices.refuse(at, &name, &error),
        });
    };
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                class="file-input"
                id=id
                type="file"
                accept=accept
                aria-describedby=hint.map(|_| hint_id.clone())
                data-testid=testid
                on:change=chosen
            />
        </div>
        <NoticesHere at=at/>
    }
}

/// What a chosen file would change, with the choice to go ahead or not.
#[component]
pub fn PreviewPanel(
    /// The panel's heading, naming the file.
    heading: String,
    /// The heading's id, which labels the panel.
    heading_id: &'static str,
    /// The panel's `data-testid`.
    testid: &'static str,
    /// The button that brings the file in: its words and `data-testid`.
    confirm_label: &'static str,
    confirm_testid: &'static str,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    /// Another way to bring the file in, beside the first: its words, the
    /// address it goes to, and its `data-testid`.
    #[prop(optional)]
    alternative: Option<(&'static str, String, &'static str)>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby=heading_id data-testid=testid>
            <h3 id=heading_id tabindex="-1">{heading}</h3>
            {children()}
            <div class="button-group">
                <button type="button" class="button" data-testid=confirm_testid on:click=move |_| on_confirm.run(())>
                    {confirm_label}
                </button>
                {alternative.map(|(label, href, testid)| view! {
                    <a class="button button--secondary" href=href data-testid=testid>{label}</a>
                })}
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </section>
    }
}
