//! Scrutineer's browser app: thin Leptos views over `scrutineer-core`.

pub mod accessibility;
pub mod app;
pub mod briefing;
pub mod bring_in;
pub mod browser;
pub mod combine;
pub mod compare;
pub mod complaints;
pub mod components;
pub mod data;
pub mod help;
pub mod indicators;
pub mod not_found;
pub mod offline;
pub mod pack;
pub mod pages;
pub mod records;
pub mod register;
pub mod rehearsal;
pub mod state;
pub mod storage;
pub mod workbook;
pub mod workspace;

pub use app::App;
use leptos::prelude::*;

/// Reads what this browser holds, then mounts the app into `#app`, replacing
/// the loading message there (or onto `<body>` when the page has no `#app`),
/// with the offline service worker, which only the built app has.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        records::load().await;
        #[cfg(feature = "split")]
        match workspace::Saved::read_on_demand().await {
            Some(saved) => mount(saved),
            None => not_started(),
        }
        #[cfg(not(feature = "split"))]
        mount(workspace::Saved::read());
    });
}

fn mount(saved: workspace::Saved) {
    match browser::take_mount_point() {
        Some(root) => {
            leptos::mount::mount_to(root, move || view! { <App saved offline=true/> }).forget()
        }
        None => leptos::mount::mount_to_body(move || view! { <App saved offline=true/> }),
    }
}

/// The data saved here needs the careful reader, whose chunk could not be
/// fetched: the app does not start, so nothing stored can change, and says
/// so in the page's own words.
#[cfg(feature = "split")]
fn not_started() {
    let view = || {
        view! {
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-header__app">"Scrutineer"</p>
                </div>
            </header>
            <main id="main" class="page" tabindex="-1">
                <h1>"Scrutineer could not open your saved data"</h1>
                <p>
                    "The data saved in this browser was written by an older version of Scrutineer. "
                    "The part of the app that brings it up to date could not be fetched. "
                    "Check the connection, then reload the page. Your data has not been changed."
                </p>
                <p>
                    <button type="button" class="button" on:click=|_| offline::reload()>
                        "Reload"
                    </button>
                </p>
            </main>
        }
    };
    match browser::take_mount_point() {
        Some(root) => leptos::mount::mount_to(root, view).forget(),
        None => leptos::mount::mount_to_body(view),
    }
}
