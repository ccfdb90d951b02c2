//! Small read-only blocks shared by pages.

use leptos::prelude::*;

/// What a link asked for and the page could not honour, when there is something to say.
#[component]
pub fn LinkNote(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    move || {
        text.get().map(|text| {
            view! { <div class="inset" role="note" data-testid="link-problem"><p>{text}</p></div> }
        })
    }
}

/// One row of a summary list.
#[component]
pub fn SummaryRow(
    /// What the row is.
    label: &'static str,
    /// Its value.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}
