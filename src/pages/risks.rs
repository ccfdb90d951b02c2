use leptos::prelude::*;

use crate::components::EmptyState;

/// `#/risks`: the corporate risk and opportunity register.
#[component]
pub fn RisksPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Risks and opportunities"</h1>
        <p class="lede">
            "The corporate risk and opportunity register: each entry scored by impact and likelihood."
        </p>
        <EmptyState what="risks or opportunities"/>
    }
}
