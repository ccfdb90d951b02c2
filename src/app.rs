//! The app: state in context, the fragment router and the page shell.

use leptos::prelude::*;
use scrutineer_core::route::Route;

use crate::browser;
use crate::components::{
    ExportReminder, MessageRegions, SiteFooter, SiteHeader, SiteNav, SkipLink,
};
use crate::offline::{UpdateBanner, UpdateReady};
use crate::state::{CurrentQuery, CurrentRoute, Notices, SnapshotState};
use crate::workspace::{Saved, Workspace};

/// The whole app. Mount it once per page (or once per test). `offline`
/// registers the service worker that keeps the app for use offline (the built
/// app only: tests that mount the app have no `sw.js` to register).
#[component]
pub fn App(
    /// What this browser holds, read before the app is shown ([`Saved`]).
    saved: Saved,
    #[prop(optional)] offline: bool,
) -> impl IntoView {
    let notices = Notices::new();
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    if offline {
        crate::offline::register(update_ready);
    }
    let workspace = Workspace::open(notices, saved);
    let (route, set_route) = signal(Route::from_hash(&browser::location_hash()));
    let (query, set_query) = signal(query_of(&browser::location_hash()));
    provide_context(SnapshotState(workspace.snapshot()));
    provide_context(CurrentRoute(route));
    provide_context(CurrentQuery(query));
    provide_context(notices);
    provide_context(workspace);

    // Another tab saved: take its newer data (never overwriting this tab's unsaved change).
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        workspace.storage_changed(event.key(), event.new_value());
    });
    on_cleanup(move || storage_listener.remove());

    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = browser::location_hash();
        // A new query alone (a filter) keeps the page, so focus stays put.
        let next = Route::from_hash(&hash);
        if route.get_untracked() != next {
            set_route.set(next);
        }
        set_query.set(query_of(&hash));
    });
    on_cleanup(move || listener.remove());

    // Name the tab after the view; after a navigation (not the first load),
    // move focus to the new page's heading so screen readers announce it
    // (once it is shown: a page loaded on demand arrives a moment later).
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        browser::set_document_title(&format!("{} – Scrutineer", current.title()));
        if previous.is_some_and(|previous| previous != current) {
            browser::focus_when_shown("#main h1");
        }
        current
    });

    view! {
        <SkipLink/>
        <SiteHeader/>
        <SiteNav/>
        <div class="page">
            <MessageRegions/>
            <UpdateBanner/>
            <ExportReminder/>
            <main id="main" tabindex="-1">
                {move || crate::pages::page_for(route.get())}
            </main>
        </div>
        <SiteFooter/>
    }
}

fn query_of(hash: &str) -> Vec<(String, String)> {
    scrutineer_core::route::split_query(hash).1
}
