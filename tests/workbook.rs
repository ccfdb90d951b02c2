//! Browser tests of `read_workbook`'s side of the workbook reader's
//! protocol (workbook/src/main.rs), against stand-in readers: the test
//! runner cannot serve the real reader, which trunk builds. The real
//! reader's conversion is tested natively in workbook/tests/fixture.rs.
#![cfg(target_arch = "wasm32")]

use scrutineer::workbook::read_workbook;
use scrutineer_core::bring_in::Table;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Points the page's `<meta name="scrutineer-workbook-reader">` at a
/// stand-in reader with the script `script` (or removes it).
fn reader(script: Option<&str>) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    if let Some(old) = document
        .query_selector(r#"meta[name="scrutineer-workbook-reader"]"#)
        .expect("query")
    {
        old.remove();
    }
    if let Some(script) = script {
        let meta = document.create_element("meta").expect("meta");
        meta.set_attribute("name", "scrutineer-workbook-reader")
            .expect("name");
        let address = format!(
            "data:text/javascript,{}",
            js_sys::encode_uri_component(script)
        );
        meta.set_attribute("content", &address).expect("content");
        document
            .head()
            .expect("head")
            .append_child(&meta)
            .expect("append");
    }
}

#[wasm_bindgen_test]
async fn sheets_come_back_as_tables_named_by_sheet() {
    reader(Some(
        "postMessage({ ready: true });
         onmessage = (e) => {
           const bytes = new Uint8Array(e.data.bytes);
           postMessage({ sheets: [
             { name: 'Indicators', rows: [[e.data.name, String(bytes.length), String(bytes[0])], []] },
             { name: 'Notes', rows: [] },
           ] });
         };",
    ));
    let tables = read_workbook("pack.xlsx", vec![7, 8, 9])
        .await
        .expect("read");
    assert_eq!(
        tables,
        vec![
            Table {
                sheet: Some("Indicators".into()),
                rows: vec![vec!["pack.xlsx".into(), "3".into(), "7".into()], vec![]]
            },
            Table {
                sheet: Some("Notes".into()),
                rows: vec![]
            },
        ]
    );
}

#[wasm_bindgen_test]
async fn the_readers_refusal_is_passed_on() {
    reader(Some(
        "postMessage({ ready: true });
         onmessage = (e) => postMessage({ error: `“${e.data.name}” is not a workbook Scrutineer can read: it is not an Excel workbook (.xlsx).` });",
    ));
    let refused = read_workbook("pack.csv", b"a,b".to_vec())
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        "“pack.csv” is not a workbook Scrutineer can read: it is not an Excel workbook (.xlsx)."
    );
}

#[wasm_bindgen_test]
async fn a_reader_that_fails_is_reported() {
    reader(Some(
        "postMessage({ ready: true }); onmessage = () => { throw new Error('unreachable'); };",
    ));
    let failed = read_workbook("pack.xlsx", vec![1]).await.unwrap_err();
    assert!(
        failed.contains("the workbook reader stopped unexpectedly"),
        "{failed}"
    );
}

#[wasm_bindgen_test]
async fn a_page_without_the_reader_says_so() {
    reader(None);
    let missing = read_workbook("pack.xlsx", vec![1]).await.unwrap_err();
    assert!(
        missing.contains("this page has no workbook reader"),
        "{missing}"
    );
}
