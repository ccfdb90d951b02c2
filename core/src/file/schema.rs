//! The JSON Schema of the snapshot file, made from the types themselves, so a
//! change to the model changes the published schema with it
//! (`public/snapshot.schema.json`; a test checks the file equals this). Only
//! native builds have it: the `schema` feature, which the app never enables.

use serde_json::{json, Value as Json};

use crate::domain::snapshot::Snapshot;
use crate::file::format::{SNAPSHOT_TYPE, VERSION};

/// Where the schema is published, relative to the app's address.
pub const PUBLISHED: &str = "public/snapshot.schema.json";

/// The schema of a snapshot file: the envelope, and the snapshot from its types.
pub fn snapshot_file() -> Json {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let snapshot = generator.subschema_for::<Snapshot>();
    let definitions = generator.take_definitions(true);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://scrutineer.example/snapshot.schema.json",
        "title": format!("Scrutineer snapshot file, format version {VERSION}"),
        "description": "One council's committee pack: performance indicators, the risk and opportunity register, and complaints figures. Scrutineer checks more than this schema can (unique ids, references that resolve, percentages from 0 to 100) and names the item and field of anything wrong.",
        "type": "object",
        "additionalProperties": false,
        "required": ["type", "version", "exported_at", "app_version", "snapshot"],
        "properties": {
            "type": { "const": SNAPSHOT_TYPE },
            "version": { "const": VERSION },
            "exported_at": { "type": "string", "format": "date-time" },
            "app_version": { "type": "string" },
            "content_sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "The SHA-256 of the snapshot as Scrutineer writes it compactly, recorded at export: opening the file says whether its data still matches. It shows a change, not who made it."
            },
            "based_on": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "The content_sha256 of the file this data was last opened from or saved as before this one: when someone who holds that file combines this one with their data, it is the version both started from."
            },
            "snapshot": snapshot,
        },
        "$defs": definitions,
    })
}

/// The published file's text: pretty-printed, ending in a newline.
pub fn snapshot_file_text() -> String {
    let mut text = serde_json::to_string_pretty(&snapshot_file()).expect("a schema is JSON");
    text.push('\n');
    text
}
