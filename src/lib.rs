//! Scrutineer's browser app: thin Leptos views over `scrutineer-core`.

pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
pub mod state;
pub mod storage;
pub mod workspace;

pub use app::App;

/// Mounts the app into `#app`, replacing the loading message there
/// (or onto `<body>` when the page has no `#app`).
pub fn start() {
    match browser::take_mount_point() {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
