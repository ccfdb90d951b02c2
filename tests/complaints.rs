//! Browser tests of the complaints screens: the charts as rendered from the
//! demo, and a year's form that stores nothing until its parts fit the whole.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use scrutineer::workspace::Saved;
use scrutineer::App;
use scrutineer_core::domain::complaints::Procedure;
use scrutineer_core::file::store::{decode, KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;
use common::{fresh_root, text_of, type_into};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_charts_print_their_values_and_sentences() {
    common::clean().await;
    window()
        .location()
        .set_hash("#/complaints?procedure=adult_social_care&year=2017/18")
        .expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;

    assert!(text_of(&root, "[data-testid=summary-trend]").starts_with(
        "Adult social care complaints rose 13% from 479 in 2016/17 to 540 in 2017/18."
    ));
    let labels = root
        .query_selector_all("[data-testid=chart-compliments] text.chart__value")
        .expect("selector");
    let printed: Vec<String> = (0..labels.length())
        .filter_map(|i| labels.item(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert_eq!(
        printed,
        ["479", "538", "540", "615"],
        "every bar carries its value"
    );
    // Every chart has a table of its figures and a key where it has more than one series.
    let sections = root
        .query_selector_all("section.chart-section")
        .expect("selector");
    assert_eq!(sections.length(), 7);
    assert!(root
        .query_selector("[data-testid=chart-outcomes]")
        .expect("selector")
        .is_some());
    assert_eq!(
        root.query_selector_all("section.chart-section details table")
            .expect("selector")
            .length(),
        root.query_selector_all("section.chart-section .chart")
            .expect("selector")
            .length()
    );

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_year_with_more_closed_than_received_is_refused_and_stores_nothing() {
    common::clean().await;
    window()
        .location()
        .set_hash("#/complaints/figures?procedure=children_statutory&year=2017/18")
        .expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;

    type_into(&root, "#fig-closed", "300");
    let save: HtmlElement = root
        .query_selector("[data-testid=save-figures]")
        .expect("selector")
        .expect("save button")
        .unchecked_into();
    save.click();
    tick().await;
    assert_eq!(
        text_of(&root, "#fig-closed-error"),
        "Error: Closed complaints (300) cannot be more than complaints received (265)"
    );
    assert_eq!(
        common::stored(KEY).await,
        None,
        "a refused year stores nothing"
    );

    type_into(&root, "#fig-closed", "205");
    type_into(&root, "#fig-stage-1", "115");
    save.click();
    tick().await;
    let stored = common::stored(KEY).await.expect("saved");
    let snapshot = decode(&stored).expect("readable").0.snapshot;
    let year = snapshot
        .complaints
        .iter()
        .find(|c| c.procedure == Procedure::ChildrenStatutory && c.year.to_string() == "2017/18")
        .expect("children 2017/18");
    assert_eq!(
        year.stages
            .iter()
            .map(|s| (s.stage, s.count))
            .collect::<Vec<_>>(),
        [(0, 150), (1, 115), (3, 0)]
    );

    drop(handle);
    root.remove();
    common::clean().await;
    window().location().set_hash("").expect("hash");
}
