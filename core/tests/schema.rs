//! The published schema is the one the types give: a model change that the
//! demo does not exercise cannot leave `public/snapshot.schema.json` wrong.

use std::path::PathBuf;

use scrutineer_core::file::schema::{snapshot_file, snapshot_file_text, PUBLISHED};

#[test]
fn the_published_schema_is_the_one_the_types_give() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(PUBLISHED);
    let published = std::fs::read_to_string(&path).expect("the published schema");
    assert!(
        published == snapshot_file_text(),
        "{PUBLISHED} is not what the types give: run `cargo run -p scrutineer-core --features schema --example schema` and commit the file"
    );
}

#[test]
fn the_schema_names_this_format_version_and_refuses_unknown_fields() {
    let schema = snapshot_file();
    assert_eq!(
        schema["properties"]["version"]["const"],
        scrutineer_core::file::format::VERSION
    );
    let title = schema["title"].as_str().unwrap();
    assert!(title.ends_with(&format!(
        "version {}",
        scrutineer_core::file::format::VERSION
    )));
    assert_eq!(schema["$defs"]["Snapshot"]["additionalProperties"], false);
}
