use leptos::prelude::*;

/// What a section shows when the open snapshot holds nothing for it.
#[component]
pub fn EmptyState(
    /// What is missing, in plain words, e.g. "performance indicators".
    what: &'static str,
) -> impl IntoView {
    view! {
        <div class="panel panel--empty" data-testid="empty-state">
            <h2 class="panel__title">"Nothing to show yet"</h2>
            <p>"The open snapshot holds no " {what} "."</p>
            <p>
                "To see a committee pack, open a snapshot file someone sent you on the "
                <a href="#/data">"Data"</a>
                " page."
            </p>
        </div>
    }
}
