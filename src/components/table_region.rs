use leptos::prelude::*;

/// A wide table that scrolls inside itself, never the page: a keyboard can
/// reach it (to scroll), and it is a region named by its heading.
#[component]
pub fn TableRegion(
    /// The id of the heading that names the table.
    #[prop(into)]
    labelled_by: String,
    /// Keep the header row and first column in view (tall pack tables).
    #[prop(optional)]
    sticky: bool,
    children: Children,
) -> impl IntoView {
    let class = if sticky {
        "table-scroll table-scroll--sticky"
    } else {
        "table-scroll"
    };
    view! {
        <div class=class tabindex="0" role="region" aria-labelledby=labelled_by>
            {children()}
        </div>
    }
}
