//! A wide table's scrolling region, named by its heading.

use leptos::prelude::*;

/// A wide table that scrolls sideways inside itself, never the page: a
/// keyboard can reach it (to scroll), and it is a region named by its
/// heading. It never scrolls down inside itself (that would trap a swipe on
/// a tablet): the page does.
#[component]
pub fn TableRegion(
    /// The id of the heading that names the table.
    #[prop(into)]
    labelled_by: String,
    /// Keep the first column (the indicator's name) in view as it scrolls sideways.
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
