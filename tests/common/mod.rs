//! Helpers shared by the browser tests.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A fresh element in the page for one test to mount into.
pub fn fresh_root() -> HtmlElement {
    let root = document().create_element("div").expect("create div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root.unchecked_into()
}

/// The text of the first element matching `selector`; fails the test when none does.
pub fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// The page's local storage.
pub fn storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("storage")
        .expect("local storage")
}

/// Types `text` into the input matching `selector`, as a person would (an `input` event).
pub fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no field {selector}"))
        .unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
}

/// Starts a test from nothing stored: local storage cleared, and the records
/// (IndexedDB) opened and emptied.
pub async fn clean() {
    storage().clear().expect("clear local storage");
    scrutineer::records::load().await;
    scrutineer::records::remove_all().await;
}

/// Stores `text` under the record `key`, as a save would.
pub async fn seed(key: &'static str, text: &str) {
    scrutineer::records::write_now(key, text)
        .await
        .expect("seed a record");
}

/// The record under `key` as the database holds it now.
pub async fn stored(key: &'static str) -> Option<String> {
    scrutineer::records::refresh(key).await
}

/// Waits `ms` milliseconds: long enough for the records' transactions
/// (IndexedDB answers in a later task, not at the next tick).
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer fires");
}
