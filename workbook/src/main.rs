//! The Web Worker that reads workbooks, built by trunk as a second wasm
//! (index.html: `data-type="worker"`) and started by the app's
//! `workbook::read_workbook` only when a workbook is opened.
//!
//! Messages, all plain objects:
//!
//! - worker to page, once started: `{ ready: true }`. Messages posted before
//!   it are lost (the wasm starts asynchronously), so the page waits for it.
//! - page to worker: `{ name: "pack.xlsx", bytes: ArrayBuffer }` (the
//!   buffer transferred, not copied); `bytes` may also be a `Uint8Array`.
//! - worker to page, one reply per workbook: either
//!   `{ sheets: [{ name: "Indicators", rows: [["Performance Measure", …], …] }, …] }`,
//!   every cell a string (see the crate's documentation for the text), or
//!   `{ error: "“pack.xlsx” is not a workbook Scrutineer can read: …" }`.
//!
//! Should reading fail outright (a panic aborts the wasm), the worker's
//! `error` event fires instead and the page says so.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use scrutineer_workbook::{sheets, Sheet};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = replies.post_message(&reply(&event.data()));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
    }

    fn reply(request: &JsValue) -> JsValue {
        let name = Reflect::get(request, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        let name = name.unwrap_or_else(|| "The file".to_owned());
        let bytes = Reflect::get(request, &"bytes".into()).unwrap_or(JsValue::UNDEFINED);
        let bytes = if bytes.is_object() {
            Uint8Array::new(&bytes).to_vec()
        } else {
            Vec::new()
        };
        match sheets(&bytes) {
            Ok(sheets) => object(&[("sheets", sheets.iter().map(sheet).collect::<Array>().into())]),
            Err(reason) => {
                let message = format!("“{name}” is not a workbook Scrutineer can read: {reason}");
                object(&[("error", message.into())])
            }
        }
    }

    fn sheet(sheet: &Sheet) -> JsValue {
        let rows: Array = sheet
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| JsValue::from_str(cell))
                    .collect::<Array>()
            })
            .collect();
        object(&[("name", sheet.name.as_str().into()), ("rows", rows.into())])
    }

    fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let object = Object::new();
        for (key, value) in fields {
            let _ = Reflect::set(&object, &(*key).into(), value);
        }
        object.into()
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
