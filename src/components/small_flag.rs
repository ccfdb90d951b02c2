//! The flag after a small number (see core's `domain::small`).

use leptos::prelude::*;
use scrutineer_core::domain::small::Small;

/// "small" after a figure on screen and in print; why, in words, to a
/// screen reader. The same markup as core's `small_flag_html`, which writes
/// it into the overview's rows.
#[component]
pub fn SmallFlag(small: Small, under: u32) -> impl IntoView {
    view! {
        <span class="small-flag">
            <span aria-hidden="true">"small"</span>
            <span class="visually-hidden">{format!(", {}", small.words(under))}</span>
        </span>
    }
}
