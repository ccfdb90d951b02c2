//! The few places the app touches the browser directly, outside views.

use scrutineer_core::file::read::ReadFileError;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The current `location.hash`, or "" where there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The page's whole address, view and all: what a copied link holds.
pub fn location_href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// Puts `text` on the clipboard. False where the browser has no clipboard
/// here (not a secure context) or refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Sets the tab's title.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the first element matching `selector`, so that a
/// screen reader announces the new page after navigation. The selector is
/// fixed text (`&'static str`): one is never built from data; an element
/// named by data is focused with [`focus_id`].
pub fn focus_first(selector: &'static str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves focus to the first element matching `selector` once it is on the
/// page: at once if it is there, otherwise at the next frames (a page whose
/// code is still being fetched), for about ten seconds. A later call replaces
/// an earlier one, and focus is moved only while it is still where it was at
/// the call (the link that was followed, say) or rests nowhere in particular,
/// so it never leaves where the person has since put it.
pub fn focus_when_shown(selector: &'static str) {
    thread_local! {
        static LATEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    fn active() -> Option<web_sys::Element> {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element())
    }
    fn attempt(
        selector: &'static str,
        call: u32,
        origin: Option<web_sys::Element>,
        frames_left: u32,
    ) {
        let unmoved = match active() {
            None => true,
            Some(now) => {
                origin.as_ref() == Some(&now) || now.tag_name() == "BODY" || now.id() == "main"
            }
        };
        if LATEST.get() != call || !unmoved {
            return;
        }
        let found = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(selector).ok().flatten())
            .is_some();
        if found {
            focus_first(selector);
        } else if frames_left > 0 {
            leptos::prelude::request_animation_frame(move || {
                attempt(selector, call, origin, frames_left - 1)
            });
        }
    }
    let call = LATEST.get().wrapping_add(1);
    LATEST.set(call);
    attempt(selector, call, active(), 600);
}

/// Focuses the element whose id is `id`, if there is one. Ids are looked up
/// as they are, never made into a selector, so an id holding a quote or a
/// bracket (an entry's reference, a file's name) is found like any other.
pub fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
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

/// Now, from the browser's clock: the one place the app reads it.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    let millis = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// Today's date where the user is.
pub fn today() -> chrono::NaiveDate {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

fn file_of(name: &str, text: &str, mime: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

/// Opens the browser's print dialogue (where "Save as PDF" is one printer).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Saves `text` as a download named `name`. Returns false where the browser refused.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let Some(file) = file_of(name, text, mime) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) else {
        return false;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Let the download start before the address is released.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    true
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether the device can hand a file to its share sheet (tablets, phones).
pub fn can_share_files() -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    let has = |name: &str| js_sys::Reflect::has(&navigator, &name.into()).unwrap_or(false);
    if !has("canShare") || !has("share") {
        return false;
    }
    let Some(file) = file_of("check.json", "{}", "application/json") else {
        return false;
    };
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    navigator.can_share_with_data(&data)
}

/// What came of offering a file to the share sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Shared,
    /// The person closed the share sheet.
    Cancelled,
    /// The device refused this file: offer a download instead.
    Refused,
}

/// Offers the file to the device's share sheet (mail, messages, files).
/// The share data holds the file alone, as [`can_share_files`] checked it:
/// Safari and Chrome on iPad refuse, or share only the words, when a title or
/// text comes with the files. The file's name says what it is.
pub async fn share_file(name: &str, text: &str) -> Shared {
    let (Some(navigator), Some(file)) = (navigator(), file_of(name, text, "application/json"))
    else {
        return Shared::Refused;
    };
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    if !navigator.can_share_with_data(&data) {
        return Shared::Refused;
    }
    match wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Shared,
        Err(e) if error_name(&e).as_deref() == Some("AbortError") => Shared::Cancelled,
        Err(_) => Shared::Refused,
    }
}

/// The `name` of a thrown DOMException, e.g. "QuotaExceededError".
pub fn error_name(error: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
}

/// Reads a file's bytes, or why the browser could not, in its words.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadFileError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            ReadFileError::Unreadable(
                error_name(&e).unwrap_or_else(|| "the browser could not read it".to_owned()),
            )
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a file as text in whichever encoding Excel wrote it (UTF-8 with or
/// without a byte order mark, UTF-16, Windows-1252), the mark dropped: see
/// [`scrutineer_core::file::csv::decode`].
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadFileError> {
    let bytes = read_file_bytes(file).await?;
    scrutineer_core::file::csv::decode(&bytes)
        .map(|decoded| decoded.text)
        .map_err(ReadFileError::Undecodable)
}

/// Asks the browser to keep this site's storage when space runs low.
/// `None` where the browser has no such request.
pub async fn persist_storage() -> Option<bool> {
    let navigator = navigator()?;
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return None;
    }
    let manager = navigator.storage();
    if !js_sys::Reflect::has(&manager, &"persist".into()).unwrap_or(false) {
        return None;
    }
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
}

/// What the browser allows this site to store and what it uses, in bytes
/// (`navigator.storage.estimate()`); `None` where it does not say.
pub async fn storage_estimate() -> Option<(u64, u64)> {
    let navigator = navigator()?;
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return None;
    }
    let manager = navigator.storage();
    let promise = manager.estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| v as u64)
    };
    Some((number("quota")?, number("usage")?))
}

/// An instant in the user's time zone: "22 November 2026 at 14:32".
pub fn instant_label(at: chrono::DateTime<chrono::Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string("en-GB", &options)
        .as_string()
        .unwrap_or_else(|| at.to_rfc3339())
}

/// Reads the file chosen in the `<input type="file">` that fired `event`
/// and gives `then` its name and text (decoded as [`read_text`] does), or
/// why it could not be read (too large, unreadable, or not text). Nothing
/// happens when no file was chosen.
pub fn read_chosen(
    event: &web_sys::Event,
    then: impl FnOnce(String, Result<String, ReadFileError>) + 'static,
) {
    let Some(file) = take_chosen_file(event) else {
        return;
    };
    let name = file.name();
    if let Err(too_large) = ReadFileError::check_size(file.size() as usize) {
        then(name, Err(too_large));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = read_text(&file).await;
        then(name, text);
    });
}

/// The name and bytes of the file chosen in the `<input type="file">` that
/// fired `event`, for a workbook, or why they could not be read (too large,
/// or unreadable). `None` when no file was chosen. The input is emptied as
/// the future first runs, as [`take_chosen_file`] does.
pub async fn read_chosen_bytes(
    event: &web_sys::Event,
) -> Option<(String, Result<Vec<u8>, ReadFileError>)> {
    let file = take_chosen_file(event)?;
    let name = file.name();
    if let Err(too_large) = ReadFileError::check_size(file.size() as usize) {
        return Some((name, Err(too_large)));
    }
    let bytes = read_file_bytes(&file).await;
    Some((name, bytes))
}

/// The file a person chose in the `<input type="file">` that fired `event`.
/// The input is emptied, so choosing the same file again (after fixing it)
/// fires again.
pub fn take_chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The matrix cell under a point on screen, read from the `data-cell`
/// ("impact-likelihood") of the cell element there, for dragging.
pub fn cell_at(x: f64, y: f64) -> Option<(u8, u8)> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(x as f32, y as f32)?;
    let cell = element.closest("[data-cell]").ok().flatten()?;
    let value = cell.get_attribute("data-cell")?;
    let (impact, likelihood) = value.split_once('-')?;
    Some((impact.parse().ok()?, likelihood.parse().ok()?))
}

/// Goes to `hash` (such as "#/risks?cell=4-3").
pub fn go(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

thread_local! {
    /// The input that focus has just reached by a press, whose selection
    /// the press's release must not undo.
    static JUST_FOCUSED: std::cell::RefCell<Option<web_sys::HtmlInputElement>> =
        const { std::cell::RefCell::new(None) };
}

/// Selects a figure box's whole text as focus reaches it, so that what the
/// person types replaces the figure instead of being added to its end (a
/// tap puts the caret at the end). Tapping again places the caret to edit.
pub fn select_on_focus(event: web_sys::FocusEvent) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    select_all(&input);
    JUST_FOCUSED.with(|f| *f.borrow_mut() = Some(input.clone()));
    // A tap's mouse events come after focus, and may move the caret: select
    // again once they are done, unless the person has already typed.
    let at_focus = input.value();
    leptos::prelude::set_timeout(
        move || {
            if is_focused(&input) && input.value() == at_focus {
                select_all(&input);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The release of the press that focused a box would put the caret back
/// (WebKit and Blink do): keep the selection [`select_on_focus`] made.
pub fn keep_focus_selection(event: web_sys::MouseEvent) {
    let just = JUST_FOCUSED.with(|f| f.borrow_mut().take());
    let same = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .zip(just)
        .is_some_and(|(target, just)| target == just);
    if same {
        event.prevent_default();
    }
}

fn select_all(input: &web_sys::HtmlInputElement) {
    let end = input.value().encode_utf16().count() as u32;
    // setSelectionRange rather than select(): iPadOS Safari ignores select() here.
    let _ = input.set_selection_range(0, end);
}

fn is_focused(element: &web_sys::HtmlInputElement) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == ***element)
}

/// Once the view has redrawn (after the address change a link or form just
/// made), scrolls the element matching `selector` to the top of the screen
/// and moves focus to it, so that a tap's result is where the person looks
/// and a screen reader reads it.
pub fn reveal_after_render(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(move || reveal(selector));
    });
}

fn reveal(selector: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    element.scroll_into_view();
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Runs `job` once the browser is idle (`requestIdleCallback`, at most two
/// seconds on). Where the browser has no such call (Safari), `job` never
/// runs.
pub fn when_idle(job: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback: js_sys::Function = Closure::once_into_js(job).unchecked_into();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(2_000);
    let _ = window.request_idle_callback_with_options(&callback, &options);
}

/// Runs `job` and records how long it took in the page's performance
/// timeline (User Timing) as a measure named `name`: a browser's
/// performance panel and the benchmarks see it.
pub fn timed<T>(name: &str, job: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let answer = job();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    answer
}

/// Marks this moment in the page's performance timeline as `name`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
