//! Browser tests of the risk matrix: its cells as rendered, and a keyboard
//! move that asks for a reason and is saved with it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use scrutineer::workspace::Saved;
use scrutineer::App;
use scrutineer_core::file::store::{decode, KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

mod common;
use common::{fresh_root, storage, text_of, type_into};

wasm_bindgen_test_configure!(run_in_browser);

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn ids_in(root: &Element, cell: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!(
            "[data-testid=matrix-risks] .matrix__grid [data-cell=\"{cell}\"] [data-entry]"
        ))
        .expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn a_keyboard_move_needs_a_reason_and_is_saved_with_it() {
    common::clean().await;
    window().location().set_hash("#/risks").expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;

    assert_eq!(
        text_of(
            &root,
            "[data-testid=matrix-risks] [data-cell=\"4-3\"] .matrix__count"
        ),
        "7"
    );
    assert_eq!(ids_in(&root, "4-4"), vec!["CR1", "CR4", "CR10"]);

    let marker: HtmlElement = root
        .query_selector("[data-testid=matrix-risks] .matrix__grid [data-entry=CR10]")
        .expect("selector")
        .expect("CR10 marker")
        .unchecked_into();
    // Read-only until "Edit positions" is on: the arrow keys point nowhere.
    marker.focus().expect("focus");
    press(&marker, "ArrowDown");
    tick().await;
    assert!(
        root.query_selector(".matrix__cell--target")
            .expect("selector")
            .is_none(),
        "no move while reading"
    );
    let switch: HtmlElement = root
        .query_selector("[data-testid=edit-positions]")
        .expect("selector")
        .expect("the switch")
        .unchecked_into();
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    switch.click();
    tick().await;
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    assert_eq!(
        storage()
            .get_item("scrutineer.edit-positions")
            .expect("read")
            .as_deref(),
        Some("on"),
        "remembered on this device"
    );

    marker.focus().expect("focus");
    press(&marker, "ArrowDown");
    tick().await;
    assert!(
        root.query_selector("[data-cell=\"3-4\"].matrix__cell--target")
            .expect("selector")
            .is_some(),
        "the arrow key points at impact 3, likelihood 4"
    );
    press(&marker, "Enter");
    tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=move-panel-risks] h4"),
        "Move CR10 from 16 (Major/Likely) to 12 (Moderate/Likely)?"
    );

    let submit: HtmlElement = root
        .query_selector("[data-testid=move-panel-risks] button[type=submit]")
        .expect("selector")
        .expect("move button")
        .unchecked_into();
    submit.click();
    tick().await;
    assert!(
        text_of(&root, "[data-testid=move-panel-risks] .error-message")
            .contains("Say why CR10 moved")
    );
    assert_eq!(
        common::stored(KEY).await,
        None,
        "a refused move stores nothing"
    );

    type_into(&root, "#move-reason-risks", "Funding confirmed");
    submit.click();
    tick().await;

    assert_eq!(ids_in(&root, "3-4"), vec!["CR10"]);
    let stored = common::stored(KEY).await.expect("saved");
    let snapshot = decode(&stored).expect("readable").0.snapshot;
    let cr10 = snapshot
        .register
        .iter()
        .find(|e| e.id == "CR10")
        .expect("CR10");
    assert_eq!(cr10.history.len(), 1);
    assert_eq!(cr10.history[0].reason, "Funding confirmed");
    assert_eq!(
        cr10.history[0].change,
        "Residual score moved from 16 (Major/Likely) to 12 (Moderate/Likely)"
    );

    drop(handle);
    root.remove();
    common::clean().await;
}
