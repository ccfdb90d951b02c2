use leptos::prelude::*;

use crate::state::use_snapshot;

/// `#/data`: what is held, where it lives, and moving it in and out.
#[component]
pub fn DataPage() -> impl IntoView {
    let snapshot = use_snapshot();
    view! {
        <h1 tabindex="-1">"Data: import, export and share"</h1>
        <p class="lede">"What this browser holds, and where it is kept."</p>
        <h2>"What is open now"</h2>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>"Organisation"</dt>
                <dd>{move || snapshot.with(|s| s.organisation.clone())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>"Pack"</dt>
                <dd>{move || snapshot.with(|s| s.title.clone())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>"Figures"</dt>
                <dd>{move || snapshot.with(|s| s.as_at_label())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>"Prepared by"</dt>
                <dd>{move || snapshot.with(|s| s.prepared_by.clone().unwrap_or_else(|| "Not recorded".to_owned()))}</dd>
            </div>
        </dl>
        <h2>"Where your data lives"</h2>
        <p>
            "Everything you see is held in this browser on this device. Nothing is sent to a server, "
            "and nobody else can see it unless you send them a snapshot file."
        </p>
    }
}
