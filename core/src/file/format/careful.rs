//! The careful reader: the whole file as a JSON tree, migrated from its
//! version step by step, then read into the model with the path of whatever
//! does not fit. It words every refusal. The quick reader beside it opens
//! nearly every file without this code, so the app can load it only when a
//! file needs it: an older version, or a file with something to explain.

use serde_json::Value as Json;

use super::{
    checked, describe, open_envelope, plain_serde, ImportError, Opened, SNAPSHOT_TYPE, VERSION,
};
use crate::domain::snapshot::Snapshot;

/// Reads a snapshot file carefully, migrating older versions: what
/// [`import`](super::import) does when [`import_quick`](super::import_quick)
/// leaves a file to it.
pub fn import_careful(text: &str) -> Result<Opened, ImportError> {
    let (mut object, version) = open_envelope(text, SNAPSHOT_TYPE)?;
    let raw = object.remove("snapshot").ok_or(ImportError::NoSnapshot)?;
    let snapshot = read_snapshot(raw, version, "snapshot")?;
    Ok(Opened::new(snapshot, version, &object))
}

/// Reads `T` from a JSON tree, with the path of whatever does not fit.
fn from_json<T: serde::de::DeserializeOwned>(raw: Json, at: &str) -> Result<T, ImportError> {
    serde_path_to_error::deserialize(raw).map_err(|e| {
        // A hostile file's field name can be any length: quote a short excerpt.
        let path = crate::text::excerpt(&e.path().to_string());
        ImportError::WrongShape {
            path: if path == "." {
                at.to_owned()
            } else {
                format!("{at}.{path}")
            },
            reason: plain_serde(&e.into_inner().to_string()),
        }
    })
}

/// Migrates the raw snapshot from `version`, reads it with field paths in
/// errors, and validates it.
pub(crate) fn read_snapshot(raw: Json, version: u64, at: &str) -> Result<Snapshot, ImportError> {
    if !raw.is_object() {
        return Err(ImportError::WrongShape {
            path: at.to_owned(),
            reason: format!("expected an object, found {}", describe(&raw)),
        });
    }
    let raw = migrate(raw, version);
    let snapshot: Snapshot = from_json(raw, at)?;
    checked(snapshot)
}

/// The migration steps, oldest first: step `i` takes a snapshot from version
/// `i + 1` to version `i + 2`. The array's length is tied to [`VERSION`], so
/// raising the version without writing its step does not compile.
const STEPS: [fn(Json) -> Json; (VERSION - 1) as usize] = [v1_to_v2, v2_to_v3];

/// Brings a raw snapshot from `version` up to [`VERSION`], one step at a time.
/// (The import gate refuses versions below 1 and above [`VERSION`] first.)
pub fn migrate(mut raw: Json, version: u64) -> Json {
    let first = usize::try_from(version.max(1) - 1).unwrap_or(STEPS.len());
    for step in STEPS.iter().skip(first) {
        raw = step(raw);
    }
    raw
}

/// Version 3 adds each register entry's optional `history` of changes with
/// their reasons; a version 2 file needs no change.
fn v2_to_v3(raw: Json) -> Json {
    raw
}

/// Version 1 (Scrutineer 0.1) held the pack details only: organisation, title,
/// as_at, prepared_by. Version 2 adds settings, sources, service areas,
/// indicators, the register and complaints; a version 1 file opens with the
/// default settings and nothing else.
fn v1_to_v2(mut raw: Json) -> Json {
    if let Json::Object(object) = &mut raw {
        for (key, empty) in [
            ("sources", Json::Array(vec![])),
            ("service_areas", Json::Array(vec![])),
            ("indicators", Json::Array(vec![])),
            ("register", Json::Array(vec![])),
            ("complaints", Json::Array(vec![])),
        ] {
            object.entry(key).or_insert(empty);
        }
        object.entry("settings").or_insert_with(|| {
            serde_json::to_value(crate::domain::snapshot::Settings::default()).unwrap_or_default()
        });
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::validate::validate;

    #[test]
    fn migration_leaves_what_a_version_1_file_already_has() {
        let raw = serde_json::json!({"organisation": "A", "sources": [{"id": "s", "title": "T"}]});
        let migrated = migrate(raw, 1);
        assert_eq!(migrated["sources"][0]["id"], "s");
        assert_eq!(migrated["indicators"], serde_json::json!([]));
        assert_eq!(migrate(migrated.clone(), VERSION), migrated);
    }

    /// Each rewrite of serde's words, pinned against the message serde gives
    /// today (not a copy of it), so an upgrade that changes a message fails here.
    mod plain_words {
        use super::super::*;
        use serde::Deserialize;

        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Sample {
            number: Option<f64>,
            small: Option<u8>,
            count: Option<u32>,
            big: Option<u64>,
            signed: Option<i32>,
            list: Option<Vec<u8>>,
            text: Option<String>,
            day: Option<chrono::NaiveDate>,
            colour: Option<Colour>,
            inner: Option<Inner>,
        }

        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Colour {
            Red,
            Green,
        }

        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            title: String,
        }

        /// What a reader of this file is told about `json`.
        fn told(json: &str) -> String {
            match from_json::<Sample>(serde_json::from_str(json).expect("JSON"), "snapshot") {
                Err(ImportError::WrongShape { path, reason }) => format!("{path}: {reason}"),
                other => panic!("expected a wrong shape, got {other:?}"),
            }
        }

        #[test]
        fn types_are_named_in_plain_english() {
            assert_eq!(
                told(r#"{"number": "abc"}"#),
                "snapshot.number: found text \"abc\", expected a number"
            );
            assert_eq!(
                told(r#"{"small": 300}"#),
                "snapshot.small: found the number 300, expected a whole number from 0 to 255"
            );
            assert_eq!(
                told(r#"{"count": -1}"#),
                "snapshot.count: found the number -1, expected a whole number, 0 or more"
            );
            assert_eq!(
                told(r#"{"big": 1.5}"#),
                "snapshot.big: found the number 1.5, expected a whole number, 0 or more"
            );
            assert_eq!(
                told(r#"{"signed": "x"}"#),
                "snapshot.signed: found text \"x\", expected a whole number"
            );
            assert_eq!(
                told(r#"{"list": {}}"#),
                "snapshot.list: found an object, expected a list"
            );
            assert_eq!(
                told(r#"{"text": []}"#),
                "snapshot.text: found a list, expected text"
            );
            assert_eq!(
                told(r#"{"inner": 3}"#),
                "snapshot.inner: found the number 3, expected an object Inner"
            );
        }

        #[test]
        fn names_and_dates_are_explained() {
            assert_eq!(
                told(r#"{"colour": "blue"}"#),
                "snapshot.colour: \u{201c}blue\u{201d} is not one of: red or green"
            );
            assert_eq!(
                told(r#"{"shade": 1}"#),
                "snapshot.shade: there is no field \u{201c}shade\u{201d} in this format"
            );
            assert_eq!(
                told(r#"{"inner": {}}"#),
                "snapshot.inner: the field \u{201c}title\u{201d} is missing"
            );
            assert_eq!(
                told(r#"{"day": "2019-02-30"}"#),
                "snapshot.day: not a real calendar date: write dates as year-month-day, e.g. 2019-06-30"
            );
            assert_eq!(
                told(r#"{"day": "30/06/2019"}"#),
                "snapshot.day: not a date: write dates as year-month-day, e.g. 2019-06-30"
            );
            assert_eq!(
                told(r#"{"day": "2019-06"}"#),
                "snapshot.day: not a date: write dates as year-month-day, e.g. 2019-06-30",
                "a date cut short"
            );
        }

        #[test]
        fn a_file_cut_short_says_so_with_its_place() {
            assert_eq!(
                crate::file::format::import("{\"type\": \"scrutineer-snapshot\", \"version\": ").unwrap_err().to_string(),
                "This is not a Scrutineer snapshot: it is not valid JSON (line 1, column 43: the file ends in the middle of a value)."
            );
        }
    }

    #[test]
    fn there_is_one_migration_step_for_each_version_before_this_one() {
        assert_eq!(STEPS.len() as u64, VERSION - 1);
        // A version 1 file's pack details go through every step to a valid snapshot.
        let v1 = serde_json::json!({"organisation": "A", "title": "T", "as_at": "2019-06-30"});
        let snapshot: Snapshot = from_json(migrate(v1, 1), "snapshot").expect("reads");
        assert_eq!(validate(&snapshot), vec![]);
        assert_eq!(
            migrate(serde_json::json!({"x": 1}), VERSION),
            serde_json::json!({"x": 1})
        );
    }
}
