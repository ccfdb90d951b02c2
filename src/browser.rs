//! The few places the app touches the browser directly, outside views.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The current `location.hash`, or "" where there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the tab's title.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the first element matching `selector`, so that a
/// screen reader announces the new page after navigation.
pub fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Empties `#app` (its loading message) and returns it to mount into.
pub fn take_mount_point() -> Option<HtmlElement> {
    let element = web_sys::window()?.document()?.get_element_by_id("app")?;
    element.set_inner_html("");
    element.dyn_into::<HtmlElement>().ok()
}
