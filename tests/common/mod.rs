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
