//! Browser tests of storage outcomes: first visit, loaded, migrated, an
//! unreadable store kept aside, a full quota that keeps the data in memory,
//! another tab's newer save, and records moved from local storage into
//! IndexedDB. Each test starts from nothing stored and leaves nothing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use scrutineer::state::Notices;
use scrutineer::workspace::{Saved, Workspace};
use scrutineer::App;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::store::{
    encode, Stored, BEFORE_IMPORT_KEY, CORRUPT_KEY, KEY, REVISION_KEY,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, Storage};

mod common;
use common::{fresh_root, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> Storage {
    window()
        .local_storage()
        .expect("storage")
        .expect("local storage")
}

/// Mounts the app on `hash` with `stored` under the key (or nothing).
async fn mount_with(stored: Option<&str>, hash: &str) -> (HtmlElement, impl Drop) {
    common::clean().await;
    if let Some(text) = stored {
        common::seed(KEY, text).await;
    }
    window().location().set_hash(hash).expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;
    common::pause(50).await;
    (root, handle)
}

/// Opens the workspace on what is stored, with its messages shown, and
/// hands it to the test to act on directly.
async fn mount_workspace() -> (HtmlElement, impl Drop, Workspace) {
    let opened = std::rc::Rc::new(std::cell::Cell::new(None::<Workspace>));
    let root = fresh_root();
    let handle = {
        let opened = opened.clone();
        leptos::mount::mount_to(root.clone(), move || {
            let notices = Notices::new();
            provide_context(notices);
            let workspace = Workspace::open(notices, Saved::read());
            provide_context(workspace);
            opened.set(Some(workspace));
            view! { <scrutineer::components::MessageRegions/> }
        })
    };
    tick().await;
    let workspace = opened.get().expect("the workspace opened");
    (root, handle, workspace)
}

fn anytown(revision_saves: u64) -> String {
    let snapshot = Snapshot::empty(
        "Anytown Borough Council",
        "Overview and Scrutiny",
        chrono::NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
    );
    let mut stored = Stored::unsaved(snapshot.clone());
    for _ in 0..revision_saves {
        stored = stored.next(snapshot.clone(), chrono::DateTime::UNIX_EPOCH);
    }
    encode(&stored)
}

/// Types `value` into the pack details' organisation field and saves.
async fn save_organisation(root: &Element, value: &str) {
    let input: HtmlInputElement = root
        .query_selector("#details-organisation")
        .expect("selector")
        .expect("organisation field")
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    let button: HtmlElement = root
        .query_selector("[data-testid=details-form] button[type=submit]")
        .expect("selector")
        .expect("save button")
        .unchecked_into();
    button.click();
    tick().await;
}

#[wasm_bindgen_test]
async fn a_first_visit_shows_the_demo_and_stores_nothing_until_a_change() {
    let (root, handle) = mount_with(None, "#/data").await;
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Lancashire County Council"
    );
    assert_eq!(text_of(&root, "[role=alert]"), "");
    assert!(text_of(&root, "[data-testid=saved-state]").contains("built-in demo data"));
    assert_eq!(common::stored(KEY).await, None);

    save_organisation(&root, "Lancashire County Council (draft)").await;
    let saved = common::stored(KEY).await.expect("saved after a change");
    assert!(saved.contains("\"revision\":1"), "{saved}");
    assert!(saved.contains("Lancashire County Council (draft)"));
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn saved_data_loads_with_its_revision() {
    let (root, handle) = mount_with(Some(&anytown(3)), "#/data").await;
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Anytown Borough Council"
    );
    assert!(text_of(&root, "[data-testid=saved-state]").contains("(revision 3)"));
    assert!(!text_of(&root, "[data-testid=what-is-open]").contains("local storage"));
    assert_eq!(text_of(&root, "[role=alert]"), "");
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn an_older_format_is_migrated_and_the_user_told() {
    let v1 = r#"{"type":"scrutineer-store","version":1,"revision":2,"snapshot":{"organisation":"Oldtown Council","title":"Scrutiny","as_at":"2018-03-31"}}"#;
    let (root, handle) = mount_with(Some(v1), "#/data").await;
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Oldtown Council"
    );
    let status = text_of(&root, "[role=status]");
    assert!(
        status.contains("older version of Scrutineer (format 1)"),
        "{status}"
    );
    assert_eq!(
        common::stored(KEY).await.as_deref(),
        Some(v1),
        "not rewritten until a change"
    );
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn an_unreadable_store_is_kept_aside_and_never_overwritten() {
    let garbage = "{\"type\":\"scrutineer-store\",\"version\":2,\"revision\":9,\"snapshot\":";
    let (root, handle) = mount_with(Some(garbage), "#/data").await;
    let alert = text_of(&root, "[role=alert]");
    assert!(alert.contains("could not be read"), "{alert}");
    assert!(alert.contains("not valid JSON"), "{alert}");
    assert_eq!(common::stored(CORRUPT_KEY).await.as_deref(), Some(garbage));

    save_organisation(&root, "Changed Anyway").await;
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Changed Anyway",
        "the change is on screen"
    );
    assert_eq!(
        common::stored(KEY).await.as_deref(),
        Some(garbage),
        "and not saved over it"
    );
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn a_full_store_keeps_the_change_in_memory_and_the_saved_data_intact() {
    // Local storage's quota can be filled here (IndexedDB's is the disk's:
    // its full quota is a journey's, tests/e2e/storage.spec.ts), so this is
    // the path of a browser whose IndexedDB cannot be opened.
    common::clean().await;
    scrutineer::records::keep_in_local_storage();
    let before = anytown(1);
    storage().set_item(KEY, &before).expect("seed storage");
    window().location().set_hash("#/data").expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;
    let open = text_of(&root, "[data-testid=what-is-open]");
    assert!(
        open.contains("keeps it in local storage, which holds about 5 MB"),
        "{open}"
    );
    // Fill the rest of the quota.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    while storage()
        .set_item(&format!("filler-{filled}"), &chunk)
        .is_ok()
    {
        filled += 1;
        assert!(filled < 200, "the quota never filled");
    }
    let small = "y".repeat(1024);
    let mut extra = 0;
    while storage()
        .set_item(&format!("small-{extra}"), &small)
        .is_ok()
    {
        extra += 1;
    }

    // A change bigger than the room left.
    let longer = format!("Anytown {}", "and District ".repeat(300));
    save_organisation(&root, &longer).await;
    let alert = text_of(&root, "[role=alert]");
    assert!(alert.contains("could not be saved"), "{alert}");
    assert!(alert.contains("storage for Scrutineer is full"), "{alert}");
    assert!(alert.contains("Download a copy"), "{alert}");
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        longer.trim(),
        "the change stays on screen"
    );
    assert_eq!(
        common::stored(KEY).await,
        Some(before),
        "what was saved is unchanged"
    );

    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn newer_data_from_another_tab_is_never_saved_over() {
    let (root, handle) = mount_with(Some(&anytown(1)), "#/data").await;
    // Another tab saves revision 4 (a tab gets no storage event for its own writes).
    let theirs = anytown(4).replace("Anytown Borough Council", "Their Council");
    common::seed(KEY, &theirs).await;
    storage()
        .set_item(REVISION_KEY, "4")
        .expect("other tab's revision");

    save_organisation(&root, "My Council").await;
    let alert = text_of(&root, "[role=alert]");
    assert!(
        alert.contains("Another tab saved newer data (revision 4"),
        "{alert}"
    );
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "My Council",
        "mine stays on screen"
    );
    assert_eq!(
        common::stored(KEY).await.as_deref(),
        Some(theirs.as_str()),
        "theirs is kept"
    );

    let show_newer: HtmlElement = root
        .query_selector("[role=alert] button")
        .expect("selector")
        .expect("Show the newer data")
        .unchecked_into();
    assert_eq!(
        show_newer.text_content().unwrap_or_default(),
        "Show the newer data"
    );
    show_newer.click();
    common::pause(50).await;
    assert_eq!(
        text_of(&root, "[data-testid=organisation]"),
        "Their Council"
    );
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn the_data_before_an_import_is_read_even_in_an_older_format_and_can_be_put_back() {
    let v1 = r#"{"type":"scrutineer-store","version":1,"revision":2,"snapshot":{"organisation":"Oldtown Council","title":"Scrutiny","as_at":"2018-03-31"}}"#;
    common::clean().await;
    // Written to local storage, as before the records moved: moved at load.
    storage().set_item(KEY, &anytown(1)).expect("seed storage");
    storage()
        .set_item(BEFORE_IMPORT_KEY, v1)
        .expect("seed the data before an import");
    scrutineer::records::load().await;
    assert_eq!(storage().get_item(KEY).expect("read"), None, "moved");
    assert_eq!(storage().get_item(BEFORE_IMPORT_KEY).expect("read"), None);
    assert_eq!(common::stored(BEFORE_IMPORT_KEY).await.as_deref(), Some(v1));
    let (root, handle, workspace) = mount_workspace().await;
    // The quick reader cannot read format 1: the careful one answers a moment later.
    tick().await;
    workspace.undo_import();
    tick().await;
    let saved = common::stored(KEY).await.expect("saved");
    assert!(saved.contains("Oldtown Council"), "{saved}");
    assert_eq!(common::stored(BEFORE_IMPORT_KEY).await, None);
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn records_in_local_storage_move_into_indexeddb_unless_it_holds_a_newer_snapshot() {
    common::clean().await;
    storage().set_item(KEY, &anytown(2)).expect("seed storage");
    scrutineer::records::load().await;
    assert_eq!(
        scrutineer::records::place(),
        Some(scrutineer::records::Place::IndexedDb)
    );
    assert_eq!(common::stored(KEY).await, Some(anytown(2)), "copied in");
    assert_eq!(storage().get_item(KEY).expect("read"), None, "then removed");

    // An older tab wrote revision 1 after the move: the database's 2 is newer.
    storage().set_item(KEY, &anytown(1)).expect("seed storage");
    scrutineer::records::load().await;
    assert_eq!(
        common::stored(KEY).await,
        Some(anytown(2)),
        "the newer kept"
    );
    assert_eq!(
        storage().get_item(KEY).expect("read"),
        Some(anytown(1)),
        "the older copy is left, never deleted unread"
    );
    window().location().set_hash("#/data").expect("hash");
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <App saved=Saved::read()/> });
    tick().await;
    assert!(text_of(&root, "[data-testid=saved-state]").contains("(revision 2)"));
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn a_change_past_what_scrutineer_keeps_is_not_made_and_nothing_is_stored() {
    common::clean().await;
    let (root, handle, workspace) = mount_workspace().await;
    let mut big = Snapshot::demo();
    let first = big.indicators[0].clone();
    while big.indicators.len() <= scrutineer_core::file::validate::MOST_INDICATORS {
        let mut next = first.clone();
        next.id = format!("copy-{}", big.indicators.len());
        big.indicators.push(next);
    }
    assert!(!workspace.edit("Added the indicators", big));
    tick().await;
    let alert = text_of(&root, "[role=alert]");
    assert!(
        alert.contains("Not changed: with this change the pack would have 3,001 indicators, and Scrutineer keeps at most 3,000"),
        "{alert}"
    );
    assert_eq!(
        workspace.snapshot().get_untracked().indicators.len(),
        Snapshot::demo().indicators.len(),
        "the data on screen is as it was"
    );
    common::pause(50).await;
    assert_eq!(common::stored(KEY).await, None, "nothing stored");
    drop(handle);
    root.remove();
    common::clean().await;
}

#[wasm_bindgen_test]
async fn a_save_that_removes_another_record_does_both_in_one_write() {
    common::clean().await;
    scrutineer::records::load().await;
    scrutineer::records::write_now(BEFORE_IMPORT_KEY, &anytown(1))
        .await
        .expect("the copy stored");
    let finished = std::rc::Rc::new(std::cell::RefCell::new(None));
    {
        let finished = finished.clone();
        scrutineer::records::write_removing(KEY, &anytown(2), Some(BEFORE_IMPORT_KEY), move |r| {
            finished.replace(Some(r));
        });
    }
    // Read at once, as a view would: the removal shows before it is stored.
    assert_eq!(scrutineer::records::read(BEFORE_IMPORT_KEY), Ok(None));
    assert_eq!(scrutineer::records::read(KEY), Ok(Some(anytown(2))));
    for _ in 0..100 {
        if finished.borrow().is_some() {
            break;
        }
        common::pause(10).await;
    }
    assert_eq!(finished.take(), Some(Ok(())), "stored");
    // What this tab holds in memory once the write is done, then the database.
    assert_eq!(scrutineer::records::read(BEFORE_IMPORT_KEY), Ok(None));
    assert_eq!(scrutineer::records::read(KEY), Ok(Some(anytown(2))));
    assert_eq!(common::stored(KEY).await, Some(anytown(2)));
    assert_eq!(
        common::stored(BEFORE_IMPORT_KEY).await,
        None,
        "removed with it"
    );
    common::clean().await;
}
