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

/// Mounts the app into `#app`, replacing the loading message there
/// (or onto `<body>` when the page has no `#app`), with the offline service
/// worker, which only the built app has.
pub fn start() {
    match browser::take_mount_point() {
        Some(root) => leptos::mount::mount_to(root, || view! { <App offline=true/> }).forget(),
        None => leptos::mount::mount_to_body(|| view! { <App offline=true/> }),
    }
}
