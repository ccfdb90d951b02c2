//! Reading a workbook's sheets in the workbook reader, a Web Worker
//! (workbook/) kept out of the first load: it is fetched only when a
//! workbook is opened. Its message protocol is documented in
//! workbook/src/main.rs.
//!
//! Each read starts its own worker and ends it once the reply is in. A
//! worker's wasm memory grows to fit the largest workbook it has read and
//! never shrinks, so keeping one would hold that memory for as long as the
//! page is open; workbooks are opened seldom, and starting the worker again
//! costs only compiling its wasm, which the browser (or the offline service
//! worker) already holds.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use scrutineer_core::bring_in::Table;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// How long a workbook may take, start to finish, before the read is
/// abandoned.
const TIMEOUT_MS: i32 = 30_000;

/// The `<meta>` in index.html naming the reader's loader script (written by
/// scripts/post-build.mjs, the file name carrying the build's hash).
const READER_META: &str = r#"meta[name="scrutineer-workbook-reader"]"#;

/// Every sheet of the workbook `name`, from its bytes, as [`Table`]s with
/// the sheet's name; or what went wrong, in words to show the person.
pub async fn read_workbook(name: &str, bytes: Vec<u8>) -> Result<Vec<Table>, String> {
    let reply = ask_reader(name, bytes).await?;
    if let Some(error) = field(&reply, "error").as_string() {
        return Err(error);
    }
    let sheets = field(&reply, "sheets");
    if !Array::is_array(&sheets) {
        return Err(format!(
            "Scrutineer could not read “{name}”: the workbook reader gave no sheets."
        ));
    }
    Ok(Array::from(&sheets)
        .iter()
        .map(|sheet| Table {
            sheet: Some(field(&sheet, "name").as_string().unwrap_or_default()),
            rows: items(&field(&sheet, "rows"))
                .iter()
                .map(|row| {
                    items(&row)
                        .iter()
                        .map(|cell| cell.as_string().unwrap_or_default())
                        .collect()
                })
                .collect(),
        })
        .collect())
}

/// The address of the reader's loader, relative to the page.
fn reader_address() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(READER_META)
        .ok()??;
    meta.get_attribute("content").filter(|a| !a.is_empty())
}

/// Starts a worker, sends it the workbook once it is ready and gives its
/// reply, ending it either way.
async fn ask_reader(name: &str, bytes: Vec<u8>) -> Result<JsValue, String> {
    let stopped = || {
        format!("Scrutineer could not read “{name}”: the workbook reader stopped unexpectedly. Reload the page and try again.")
    };
    let address = reader_address().ok_or_else(|| {
        format!("Scrutineer could not read “{name}”: this page has no workbook reader. Reload the page and try again.")
    })?;
    let worker = Worker::new(&address).map_err(|_| stopped())?;

    let request = RefCell::new(Some(request(name, bytes)));

    // Settled by the first of: the reply, the worker failing, the timeout.
    let settle: Rc<RefCell<Option<Function>>> = Rc::default();
    let outcome = {
        let settle = settle.clone();
        Promise::new(&mut move |resolve, _| *settle.borrow_mut() = Some(resolve))
    };
    let finish = {
        let settle = settle.clone();
        move |value: &JsValue| {
            if let Some(resolve) = settle.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, value);
            }
        }
    };
    let on_message = {
        let worker = worker.clone();
        let finish = finish.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if field(&data, "ready").is_truthy() {
                if let Some((request, buffer)) = request.borrow_mut().take() {
                    if worker
                        .post_message_with_transfer(&request, &Array::of1(&buffer))
                        .is_err()
                    {
                        finish(&JsValue::UNDEFINED);
                    }
                }
            } else {
                finish(&data);
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn Fn(JsValue)>::new(move |_| finish(&JsValue::UNDEFINED))
    };
    let on_timeout = Closure::<dyn Fn()>::new(move || finish(&JsValue::FALSE));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let window = web_sys::window();
    let timer = window.as_ref().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok()
    });

    let reply = JsFuture::from(outcome).await.unwrap_or(JsValue::UNDEFINED);

    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.terminate();
    if let (Some(window), Some(timer)) = (window, timer) {
        window.clear_timeout_with_handle(timer);
    }
    drop((on_message, on_error, on_timeout));

    if reply == JsValue::FALSE {
        return Err(timed_out(name));
    }
    if !reply.is_object() {
        return Err(stopped());
    }
    Ok(reply)
}

/// The message for the worker, and its buffer, which is transferred to the
/// worker rather than copied.
fn request(name: &str, bytes: Vec<u8>) -> (Object, js_sys::ArrayBuffer) {
    let buffer = Uint8Array::from(bytes.as_slice()).buffer();
    let request = Object::new();
    let _ = Reflect::set(&request, &"name".into(), &name.into());
    let _ = Reflect::set(&request, &"bytes".into(), &buffer);
    (request, buffer)
}

fn timed_out(name: &str) -> String {
    format!(
        "Reading “{name}” took longer than {} seconds, so Scrutineer stopped. If the workbook is very large, save the sheet you need as a CSV file and bring that in instead.",
        TIMEOUT_MS / 1000
    )
}

fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// An array's items; none when `value` is not an array.
fn items(value: &JsValue) -> Array {
    if Array::is_array(value) {
        Array::from(value)
    } else {
        Array::new()
    }
}
