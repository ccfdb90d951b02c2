//! Browser tests of the shell: run with `cargo test --target wasm32-unknown-unknown`
//! (wasm-bindgen-test-runner drives headless Chromium through chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use scrutineer::components::MessageRegions;
use scrutineer::state::{NoticeAction, Notices};
use scrutineer::workspace::{Saved, Workspace};
use scrutineer::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;
use common::{fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

/// Sets `location.hash` before anything is mounted.
fn set_hash(hash: &str) {
    window().location().set_hash(hash).expect("set hash");
}

/// Sets `location.hash`, then waits for the browser's `hashchange` and the re-render.
async fn go_to(hash: &str) {
    window().location().set_hash(hash).expect("set hash");
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("set timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timeout");
    tick().await;
}

#[wasm_bindgen_test]
async fn the_shell_mounts_with_header_navigation_and_footer() {
    common::clean().await;
    set_hash("#/indicators");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;

    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Lancashire County Council"
    );
    assert_eq!(text_of(&root, "[data-testid=as-at]"), "as at 30 June 2019");
    assert_eq!(text_of(&root, "main h1"), "Performance indicators");

    let links = root
        .query_selector_all("nav[aria-label=Sections] a")
        .expect("selector");
    let labels: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i).and_then(|node| node.text_content()))
        .collect();
    assert_eq!(
        labels,
        [
            "Briefing",
            "Indicators",
            "Risks",
            "Complaints",
            "Print pack",
            "Data",
            "Help"
        ]
    );
    assert_eq!(text_of(&root, "[aria-current=page]"), "Indicators");
    assert!(text_of(&root, "footer").contains("Your data stays in this browser"));
    assert!(root
        .query_selector("[role=alert]")
        .expect("selector")
        .is_some());
    assert!(root
        .query_selector("[role=status]")
        .expect("selector")
        .is_some());

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn navigation_follows_the_fragment_and_unknown_routes_say_so() {
    common::clean().await;
    set_hash("#/indicators");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;

    go_to("#/risks").await;
    assert_eq!(text_of(&root, "main h1"), "Risks and opportunities");
    assert_eq!(text_of(&root, "[aria-current=page]"), "Risks");
    assert_eq!(document().title(), "Risks and opportunities – Scrutineer");

    go_to("#/indicators/CSC%2001").await;
    assert_eq!(text_of(&root, "main h1"), "Indicator CSC 01");
    assert_eq!(text_of(&root, "[aria-current=page]"), "Indicators");

    go_to("#/nowhere/at/all").await;
    assert_eq!(text_of(&root, "main h1"), "Page not found");
    assert_eq!(
        text_of(&root, "[data-testid=missing-path]"),
        "/nowhere/at/all"
    );
    assert!(root
        .query_selector("[aria-current=page]")
        .expect("selector")
        .is_none());

    drop(handle);
    root.remove();
    set_hash("");
}

#[wasm_bindgen_test]
async fn errors_are_alerts_and_confirmations_are_statuses() {
    common::clean().await;
    let root = fresh_root();
    let notices = Notices::new();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(notices);
        provide_context(Workspace::open(notices, Saved::read()));
        view! { <MessageRegions/> }
    });
    tick().await;
    assert_eq!(text_of(&root, "[role=alert]"), "");
    assert_eq!(text_of(&root, "[role=status]"), "");

    notices.error("The file is not JSON: line 3, column 7.");
    tick().await;
    assert!(
        text_of(&root, "[role=alert]").contains("Error: The file is not JSON: line 3, column 7.")
    );
    let dismiss: HtmlElement = root
        .query_selector("[role=alert] button")
        .expect("selector")
        .expect("a dismiss button")
        .unchecked_into();
    dismiss.click();
    tick().await;
    assert_eq!(text_of(&root, "[role=alert]"), "");

    // A new message replaces the old in the same place: refusals never pile up.
    notices.error("The file is not JSON: line 3, column 7.");
    notices.status("Snapshot exported.");
    notices.status("Snapshot imported.");
    tick().await;
    let status = text_of(&root, "[role=status]");
    assert!(status.contains("Snapshot imported."), "{status}");
    assert!(
        !status.contains("exported"),
        "a new confirmation replaces the old: {status}"
    );
    assert_eq!(
        text_of(&root, "[role=alert]"),
        "",
        "the refusal was replaced by the news after it"
    );

    // A warning that waits for a decision stays, and is never shown twice.
    let warning = "Your change could not be saved: the browser's storage is full.";
    notices.error_with(warning, vec![NoticeAction::DownloadCopy]);
    notices.error_with(warning, vec![NoticeAction::DownloadCopy]);
    notices.status("Snapshot exported.");
    tick().await;
    let alerts = text_of(&root, "[role=alert]");
    assert_eq!(alerts.matches(warning).count(), 1, "{alerts}");
    notices.resolve(NoticeAction::DownloadCopy);
    tick().await;
    assert_eq!(
        text_of(&root, "[role=alert]"),
        "",
        "gone once it no longer holds"
    );

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_waiting_new_version_is_offered_with_a_reload_button() {
    use scrutineer::offline::{UpdateBanner, UpdateReady};
    let root = fresh_root();
    let ready = RwSignal::new(false);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(UpdateReady(ready));
        view! { <UpdateBanner/> }
    });
    tick().await;
    let region = root
        .query_selector("[role=status]")
        .expect("selector")
        .expect("the status region is in the page before anything is announced");
    assert_eq!(region.text_content().unwrap_or_default(), "");

    ready.set(true);
    tick().await;
    let offer = text_of(&root, "[data-testid=update-ready]");
    assert!(
        offer.contains("A new version of Scrutineer is ready"),
        "{offer}"
    );
    assert!(offer.contains("Your data stays as it is"), "{offer}");
    assert_eq!(
        text_of(&root, "[data-testid=update-ready] button"),
        "Reload now"
    );

    drop(handle);
    root.remove();
}
