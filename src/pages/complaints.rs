use leptos::prelude::*;

use crate::components::EmptyState;

/// `#/complaints`: the statutory complaints and compliments report.
#[component]
pub fn ComplaintsPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Complaints and compliments"</h1>
        <p class="lede">
            "Complaints and compliments by year, stage, outcome and service, with Ombudsman figures."
        </p>
        <EmptyState what="complaints or compliments figures"/>
    }
}
