//! The second pack the journeys compare the demo with,
//! `tests/fixtures/demo-a-year-earlier.json`, is the file
//! `Snapshot::demo_a_year_earlier` exports: a change to the demo cannot
//! leave the journeys comparing with an out-of-date pack.
//! `UPDATE_FIXTURES=1 cargo test -p scrutineer-core --test packs` writes it.

use std::path::PathBuf;

use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::format::{export, import};

#[test]
fn the_earlier_demo_pack_file_is_the_one_the_demo_gives() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/demo-a-year-earlier.json");
    let at = chrono::DateTime::parse_from_rfc3339("2018-10-15T09:00:00Z")
        .expect("a time")
        .to_utc();
    let written = export(&Snapshot::demo_a_year_earlier(), at, "fixture");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &written).expect("written");
    }
    let file = std::fs::read_to_string(&path).expect("the fixture");
    assert!(
        file == written,
        "{} is out of date: run `UPDATE_FIXTURES=1 cargo test -p scrutineer-core --test packs` and commit it",
        path.display()
    );
    assert_eq!(
        import(&file).expect("it opens").snapshot,
        Snapshot::demo_a_year_earlier()
    );
}
