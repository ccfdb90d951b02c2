//! The flag after a small number (see core's `domain::small`).

use leptos::prelude::*;

/// "small" after a figure on screen and in print; "small number" to a
/// screen reader. The same markup as core's `small_flag_html`, which writes
/// it into the overview's rows.
#[component]
pub fn SmallFlag() -> impl IntoView {
    view! {
        <span class="small-flag">
            <span class="visually-hidden">", "</span>
            "small"
            <span class="visually-hidden">" number"</span>
        </span>
    }
}
