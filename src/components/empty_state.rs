//! What a section shows when there is nothing in it yet, and the steps that
//! lead a new council from an empty workspace to its first pack.

use leptos::prelude::*;
use scrutineer_core::route::Route;

/// What a section shows when the open snapshot holds nothing for it: never
/// a dead end, it lists the ways to fill it.
#[component]
pub fn EmptyState(
    /// What is missing, in plain words, e.g. "performance indicators".
    what: &'static str,
) -> impl IntoView {
    view! {
        <div class="panel panel--empty" data-testid="empty-state">
            <h2 class="panel__title">"Nothing to show yet"</h2>
            <p>"The open snapshot holds no " {what} "."</p>
            <GettingStarted/>
        </div>
    }
}

/// The steps of setting up a pack, each a link to where it is done.
#[component]
pub fn GettingStarted() -> impl IntoView {
    let steps = [
        (
            Route::Data,
            "Check the pack details",
            "your council's name, the pack's title and its date",
        ),
        (
            Route::BringIn,
            "Bring in your spreadsheets",
            "indicators, the register and complaints, from the CSV files or Excel workbooks you keep",
        ),
        (
            Route::EnterFigures,
            "Add service areas and indicators",
            "by hand, then enter each quarter's figures",
        ),
        (
            Route::NewRiskEntry,
            "Add risks and opportunities",
            "with their scores, owners and controls",
        ),
        (
            Route::ComplaintsFigures,
            "Add a year's complaints figures",
            "or bring in a case list",
        ),
        (
            Route::Data,
            "Or open a snapshot file",
            "that someone sent you",
        ),
    ];
    view! {
        <ol class="steps" data-testid="getting-started">
            {steps.into_iter().map(|(route, label, detail)| view! {
                <li><a href=route.href()>{label}</a>{format!(": {detail}.")}</li>
            }).collect_view()}
        </ol>
    }
}
