//! Writes the snapshot file's JSON Schema, made from the types, to
//! `public/snapshot.schema.json`:
//! `cargo run -p scrutineer-core --features schema --example schema`.

use std::path::PathBuf;

use scrutineer_core::file::schema::{snapshot_file_text, PUBLISHED};

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(PUBLISHED);
    std::fs::write(&path, snapshot_file_text()).expect("write the schema");
    println!("wrote {PUBLISHED}");
}
