//! The page for an address that names no view, with the way back.

use leptos::prelude::*;
use scrutineer_core::route::Section;

/// Any fragment that names no view.
#[component]
pub fn NotFoundPage(
    /// What the link asked for, decoded, e.g. "/reports/2019".
    path: String,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>
            "There is no page at " <code data-testid="missing-path">{path}</code> "."
            " If you followed a link from an email, it may have been cut short or typed wrongly."
        </p>
        <p>"You can go to:"</p>
        <ul class="link-list">
            {Section::ALL
                .into_iter()
                .map(|section| {
                    view! {
                        <li>
                            <a href=section.route().href()>{section.route().title()}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
