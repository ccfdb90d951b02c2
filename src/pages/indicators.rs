use leptos::prelude::*;

use crate::components::EmptyState;

/// `#/indicators`: the quarter's performance at a glance.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Performance indicators"</h1>
        <p class="lede">"How the council is doing against its targets, by service area."</p>
        <EmptyState what="performance indicators"/>
    }
}

/// `#/indicators/<id>`: one indicator in depth.
#[component]
pub fn IndicatorPage(
    /// The indicator's id, as the link gave it.
    id: String,
) -> impl IntoView {
    view! {
        <p class="breadcrumb"><a href="#/indicators">"All indicators"</a></p>
        <h1 tabindex="-1">"Indicator " {id.clone()}</h1>
        <p>"This snapshot has no indicator with the id " <strong>{id}</strong> "."</p>
        <p>
            "Check the link, or go back to "
            <a href="#/indicators">"all indicators"</a>
            "."
        </p>
    }
}
