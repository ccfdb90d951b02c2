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
                "The "
                <a href="#/data">"Data"</a>
                " page says what is open now and where it is kept."
            </p>
        </div>
    }
}
