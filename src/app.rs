//! The app: state in context, the fragment router and the page shell.

use leptos::prelude::*;
use scrutineer_core::route::Route;
use scrutineer_core::snapshot::Snapshot;

use crate::browser;
use crate::components::{MessageRegions, SiteFooter, SiteHeader, SiteNav, SkipLink};
use crate::pages::{
    ComplaintsPage, DataPage, HelpPage, IndicatorPage, IndicatorsPage, NotFoundPage, RisksPage,
};
use crate::state::{CurrentRoute, Notices, SnapshotState};

/// The whole app. Mount it once per page (or once per test).
#[component]
pub fn App() -> impl IntoView {
    let snapshot = RwSignal::new(Snapshot::demo());
    let (route, set_route) = signal(Route::from_hash(&browser::location_hash()));
    provide_context(SnapshotState(snapshot));
    provide_context(CurrentRoute(route));
    provide_context(Notices::new());

    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::from_hash(&browser::location_hash()));
    });
    on_cleanup(move || listener.remove());

    // Name the tab after the view; after a navigation (not the first load),
    // move focus to the new page's heading so screen readers announce it.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        browser::set_document_title(&format!("{} – Scrutineer", current.title()));
        if previous.is_some_and(|previous| previous != current) {
            browser::focus("#main h1");
        }
        current
    });

    view! {
        <SkipLink/>
        <SiteHeader/>
        <SiteNav/>
        <div class="page">
            <MessageRegions/>
            <main id="main" tabindex="-1">
                {move || page_for(route.get())}
            </main>
        </div>
        <SiteFooter/>
    }
}

fn page_for(route: Route) -> AnyView {
    match route {
        Route::Indicators => view! { <IndicatorsPage/> }.into_any(),
        Route::Indicator { id } => view! { <IndicatorPage id=id/> }.into_any(),
        Route::Risks => view! { <RisksPage/> }.into_any(),
        Route::Complaints => view! { <ComplaintsPage/> }.into_any(),
        Route::Data => view! { <DataPage/> }.into_any(),
        Route::Help => view! { <HelpPage/> }.into_any(),
        Route::NotFound { path } => view! { <NotFoundPage path=path/> }.into_any(),
    }
}
