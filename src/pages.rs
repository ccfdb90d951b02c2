//! Which page a route shows, and which pages load on demand.
//!
//! The first load carries the indicators overview (the landing page) and the
//! shell; every other page is compiled into its own lazily loaded wasm chunk
//! when the app is built with the `split` feature (the release build:
//! `scripts/split.mjs` cuts the chunks out after cargo). A chunk is fetched the
//! first time its page is opened, and the service worker keeps every chunk
//! for use offline once the app has loaded. Without the feature (the browser
//! tests, a plain `cargo build`) every page is in the one wasm and renders at
//! once.

use leptos::prelude::*;
use scrutineer_core::route::Route;

use crate::indicators::IndicatorsPage;
use crate::not_found::NotFoundPage;

/// The view of `route`.
pub fn page_for(route: Route) -> AnyView {
    match route {
        Route::Indicators => view! { <IndicatorsPage/> }.into_any(),
        Route::NotFound { path } => view! { <NotFoundPage path=path/> }.into_any(),
        other => on_demand(other),
    }
}

#[cfg(not(feature = "split"))]
fn on_demand(route: Route) -> AnyView {
    chunks::page(route)
}

/// A page from its chunk. Once the chunk is loaded the page is built at once;
/// before that, a "Loading" line (shown only if the fetch takes a moment)
/// until it arrives, or a way to try again if it cannot be fetched.
///
/// The page is never built inside a `Suspense`: a route's view is rebuilt in
/// place when its type is the same as the last route's, and two suspended
/// pages in a row would share the first one's disposed state.
#[cfg(feature = "split")]
fn on_demand(route: Route) -> AnyView {
    if let Some(page) = chunks::now(route.clone()) {
        return page;
    }
    let arrived = RwSignal::new(None::<bool>);
    let fetch = {
        let route = route.clone();
        move |retry: bool| {
            let route = route.clone();
            arrived.set(None);
            leptos::task::spawn_local(async move {
                let loaded = chunks::preload(route).await.is_ok();
                arrived.try_set(Some(loaded));
                // The Try again button is gone: its page's heading takes focus.
                if retry {
                    crate::browser::focus_when_shown("#main h1");
                }
            });
        }
    };
    fetch(false);
    let retry = Callback::new(move |()| fetch(true));
    view! {
        {move || match arrived.get() {
            None => view! { <p class="loading later" role="status">"Loading this page\u{2026}"</p> }
                .into_any(),
            Some(true) => chunks::now(route.clone())
                .unwrap_or_else(|| view! { <NotLoaded on_retry=retry/> }.into_any()),
            Some(false) => view! { <NotLoaded on_retry=retry/> }.into_any(),
        }}
    }
    .into_any()
}

/// The page's code could not be fetched: most likely the connection dropped
/// before the app was kept on this device for offline use. Nothing stored is
/// touched; trying again fetches it again.
#[cfg(feature = "split")]
#[component]
fn NotLoaded(
    /// Fetches the chunk again.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <h1>"This page could not be loaded"</h1>
        <p>
            "Scrutineer could not fetch this part of the app. Check the connection, then try again. "
            "If Scrutineer has been updated since this page was opened, reload the page instead. "
            "Your data is safe on this device. Once the app has loaded fully it is kept here and opens without a connection."
        </p>
        <p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </p>
    }
}

/// The careful reader's answer for a stored record the quick reader could
/// not read (an older format, or one that does not read straight), or `None`
/// when the reader's chunk could not be fetched.
#[cfg(feature = "split")]
pub async fn decode_carefully(raw: String) -> Option<Decoded> {
    chunks::careful(raw).await.ok()
}

/// The careful reader's answer (every reader is at hand in this build).
#[cfg(not(feature = "split"))]
pub async fn decode_carefully(raw: String) -> Option<Decoded> {
    Some(scrutineer_core::file::store::decode_careful(&raw))
}

type Decoded =
    Result<(scrutineer_core::file::store::Stored, u64), scrutineer_core::file::format::ImportError>;

mod chunks {
    use leptos::prelude::*;
    use scrutineer_core::route::Route;

    use crate::accessibility::AccessibilityPage;
    use crate::briefing::BriefingPage;
    use crate::bring_in::BringInPage;
    use crate::combine::CombinePage;
    use crate::compare::ComparePage;
    use crate::complaints::{ComplaintsCasesPage, ComplaintsFiguresPage, ComplaintsPage};
    use crate::data::DataPage;
    use crate::help::HelpPage;
    use crate::indicators::{EnterFiguresPage, IndicatorPage};
    use crate::pack::PackPage;
    use crate::register::{NewRiskEntryPage, RiskEntryPage, RisksPage, ScoreBandsPage};

    /// Writes each page's entry point once: in its chunk, with a function that
    /// only fetches the chunk (`split`), or a plain function (without it).
    macro_rules! chunk {
        ($chunk:ident, $name:ident / $preload:ident ( $($arg:ident : $ty:ty),* ) => $body:expr) => {
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split(
                $chunk,
                fallible,
                preload($preload),
                wasm_split_path = ::leptos::wasm_split
            )]
            fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
                Ok($body.into_any())
            }
            #[cfg(not(feature = "split"))]
            fn $name($($arg: $ty),*) -> AnyView {
                $body.into_any()
            }
        };
    }

    chunk!(reading, briefing_page / preload_briefing() => view! { <BriefingPage/> });
    chunk!(reading, indicator / preload_indicator(id: String) => view! { <IndicatorPage id=id/> });
    chunk!(editing, enter / preload_enter() => view! { <EnterFiguresPage/> });
    chunk!(reading, risks / preload_risks() => view! { <RisksPage/> });
    chunk!(editing, risk_entry / preload_risk_entry(id: String) => view! { <RiskEntryPage id=id/> });
    chunk!(editing, new_risk_entry / preload_new_risk_entry() => view! { <NewRiskEntryPage/> });
    chunk!(editing, score_bands / preload_score_bands() => view! { <ScoreBandsPage/> });
    chunk!(reading, complaints / preload_complaints() => view! { <ComplaintsPage/> });
    chunk!(reading, complaints_figures / preload_complaints_figures() => view! { <ComplaintsFiguresPage/> });
    chunk!(reading, complaints_cases / preload_complaints_cases() => view! { <ComplaintsCasesPage/> });
    chunk!(reading, pack / preload_pack() => view! { <PackPage/> });
    chunk!(editing, data / preload_data() => view! { <DataPage/> });
    chunk!(bring_in, bring_in / preload_bring_in() => view! { <BringInPage/> });
    chunk!(reading, help / preload_help() => view! { <HelpPage/> });
    chunk!(reading, accessibility / preload_accessibility() => view! { <AccessibilityPage/> });
    chunk!(reading, compare / preload_compare() => view! { <ComparePage/> });
    chunk!(editing, combine / preload_combine() => view! { <CombinePage/> });

    #[cfg(feature = "split")]
    use leptos::wasm_split::SplitLoaderError;

    /// The careful reader of stored records, in a chunk of its own: the
    /// first load reads a record of this version without it.
    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(careful, fallible, wasm_split_path = ::leptos::wasm_split)]
    pub(super) fn careful(raw: String) -> Result<super::Decoded, SplitLoaderError> {
        Ok(scrutineer_core::file::store::decode_careful(&raw))
    }

    /// The page of `route`, if its chunk is loaded: the page functions wait
    /// only for the chunk, so once it is in they are ready when first polled.
    #[cfg(feature = "split")]
    pub(super) fn now(route: Route) -> Option<AnyView> {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        let mut page = std::pin::pin!(build(route));
        match page.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(view)) => Some(view),
            Poll::Ready(Err(_)) | Poll::Pending => None,
        }
    }

    /// The chunk of `route`'s page, awaited (nothing is built).
    #[cfg(feature = "split")]
    pub(super) async fn preload(route: Route) -> Result<(), SplitLoaderError> {
        match route {
            Route::Briefing => preload_briefing().await,
            Route::Indicator { .. } => preload_indicator().await,
            Route::EnterFigures => preload_enter().await,
            Route::Risks => preload_risks().await,
            Route::RiskEntry { .. } => preload_risk_entry().await,
            Route::NewRiskEntry => preload_new_risk_entry().await,
            Route::ScoreBands => preload_score_bands().await,
            Route::Complaints => preload_complaints().await,
            Route::ComplaintsFigures => preload_complaints_figures().await,
            Route::ComplaintsCases => preload_complaints_cases().await,
            Route::Pack => preload_pack().await,
            Route::Data => preload_data().await,
            Route::BringIn => preload_bring_in().await,
            Route::Help => preload_help().await,
            Route::Accessibility => preload_accessibility().await,
            Route::Compare => preload_compare().await,
            Route::Combine => preload_combine().await,
            Route::Indicators | Route::NotFound { .. } => Ok(()),
        }
    }

    #[cfg(feature = "split")]
    async fn build(route: Route) -> Result<AnyView, SplitLoaderError> {
        match route {
            Route::Briefing => briefing_page().await,
            Route::Indicator { id } => indicator(id).await,
            Route::EnterFigures => enter().await,
            Route::Risks => risks().await,
            Route::RiskEntry { id } => risk_entry(id).await,
            Route::NewRiskEntry => new_risk_entry().await,
            Route::ScoreBands => score_bands().await,
            Route::Complaints => complaints().await,
            Route::ComplaintsFigures => complaints_figures().await,
            Route::ComplaintsCases => complaints_cases().await,
            Route::Pack => pack().await,
            Route::Data => data().await,
            Route::BringIn => bring_in().await,
            Route::Help => help().await,
            Route::Accessibility => accessibility().await,
            Route::Compare => compare().await,
            Route::Combine => combine().await,
            Route::Indicators | Route::NotFound { .. } => Ok(super::page_for(route)),
        }
    }

    /// The page of `route`, built at once.
    #[cfg(not(feature = "split"))]
    pub(super) fn page(route: Route) -> AnyView {
        match route {
            Route::Briefing => briefing_page(),
            Route::Indicator { id } => indicator(id),
            Route::EnterFigures => enter(),
            Route::Risks => risks(),
            Route::RiskEntry { id } => risk_entry(id),
            Route::NewRiskEntry => new_risk_entry(),
            Route::ScoreBands => score_bands(),
            Route::Complaints => complaints(),
            Route::ComplaintsFigures => complaints_figures(),
            Route::ComplaintsCases => complaints_cases(),
            Route::Pack => pack(),
            Route::Data => data(),
            Route::BringIn => bring_in(),
            Route::Help => help(),
            Route::Accessibility => accessibility(),
            Route::Compare => compare(),
            Route::Combine => combine(),
            Route::Indicators | Route::NotFound { .. } => super::page_for(route),
        }
    }
}
