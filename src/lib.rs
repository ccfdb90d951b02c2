//! Scrutineer's browser app: thin Leptos views over `scrutineer-core`.

pub mod app;
pub mod bring_in;
pub mod browser;
pub mod complaints;
pub mod components;
pub mod data;
pub mod help;
pub mod indicators;
pub mod not_found;
pub mod offline;
pub mod pack;
pub mod pages;
pub mod register;
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
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async { mount(workspace::Saved::read_on_demand().await) });
    #[cfg(not(feature = "split"))]
    mount(workspace::Saved::read());
}

fn mount(saved: workspace::Saved) {
    match browser::take_mount_point() {
        Some(root) => {
            leptos::mount::mount_to(root, move || view! { <App saved offline=true/> }).forget()
        }
        None => leptos::mount::mount_to_body(move || view! { <App saved offline=true/> }),
    }
}
