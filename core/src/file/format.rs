//! The snapshot file: a versioned JSON envelope that officers email and
//! councillors open.
//!
//! ```json
//! {
//!   "type": "scrutineer-snapshot",
//!   "version": 3,
//!   "exported_at": "2019-07-02T09:30:00Z",
//!   "app_version": "0.1.0",
//!   "snapshot": { ... }
//! }
//! ```
//!
//! Reading goes through one gate, in this order, so the first thing wrong is
//! the thing reported: size, JSON syntax (line and column), `type`,
//! `version` (newer is refused, older is migrated step by step), the shape of
//! every field (with its path), then [`validate`](crate::file::validate::validate).
//! Writing is pretty-printed with a fixed field order, so two exports of the
//! same data are byte-identical and diff cleanly.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{Map, Value as Json};
use thiserror::Error;

use crate::domain::snapshot::Snapshot;
use crate::file::validate::{validate, Problem};

mod layout;

pub(crate) use layout::{write_text, Layout};

/// The `type` of a snapshot file.
pub const SNAPSHOT_TYPE: &str = "scrutineer-snapshot";
/// The `type` of the record kept in browser storage.
pub const STORE_TYPE: &str = "scrutineer-store";
/// The format version this build writes.
pub const VERSION: u64 = 3;
/// The largest file accepted: 20 MB.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why a file cannot be opened, in words that say what and where.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ImportError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is {} MB; the largest Scrutineer opens is {} MB.", megabytes(*.bytes), megabytes(*.limit))]
    TooLarge { bytes: usize, limit: usize },
    #[error("This is not a Scrutineer snapshot: it is not valid JSON (line {line}, column {column}: {reason}).")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("This is not a Scrutineer snapshot: it is JSON, but not an object with a \u{201c}type\u{201d}.")]
    NotAnObject,
    #[error("This is not a Scrutineer snapshot: its \u{201c}type\u{201d} is {found}, not \u{201c}{expected}\u{201d}.")]
    NotOurs {
        found: String,
        expected: &'static str,
    },
    #[error("The file has no usable \u{201c}version\u{201d} (found {found}); a Scrutineer snapshot has a whole number such as {VERSION}.")]
    NoVersion { found: String },
    #[error("The file is format version {version}, made by a newer Scrutineer; this one reads versions 1 to {supported}. Open it in the newer version, or ask whoever sent it for a file saved by this version.")]
    NewerVersion { version: u64, supported: u64 },
    #[error("The file has no \u{201c}snapshot\u{201d} object holding the data.")]
    NoSnapshot,
    #[error("The file does not fit the snapshot format at {path}: {reason}.")]
    WrongShape { path: String, reason: String },
    #[error("The file has {} that must be fixed before it can be opened: {}", problem_count(.problems.len()), list_problems(.problems))]
    Invalid { problems: Vec<Problem> },
}

/// A size in megabytes as the messages give it: "21", "1.5".
pub(crate) fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}

fn problem_count(n: usize) -> String {
    if n == 1 {
        "a problem".to_owned()
    } else {
        format!("{n} problems")
    }
}

fn list_problems(problems: &[Problem]) -> String {
    let mut text =
        crate::file::read::listed(problems.iter().map(ToString::to_string).collect()).join("; ");
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// A snapshot file read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub snapshot: Snapshot,
    /// The version the file was written in; below [`VERSION`] means it was migrated.
    pub from_version: u64,
    /// When it was exported, where the file says.
    pub exported_at: Option<DateTime<Utc>>,
    /// The version of Scrutineer that wrote it, where the file says.
    pub app_version: Option<String>,
}

impl Opened {
    pub fn migrated(&self) -> bool {
        self.from_version < VERSION
    }
}

/// The envelope as written; field order here is the order in the file.
#[derive(Serialize)]
struct Envelope<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u64,
    exported_at: String,
    app_version: &'a str,
    snapshot: &'a Snapshot,
}

/// The snapshot file's text: pretty-printed, stable order, ending in a newline.
pub fn export(snapshot: &Snapshot, exported_at: DateTime<Utc>, app_version: &str) -> String {
    let envelope = Envelope {
        kind: SNAPSHOT_TYPE,
        version: VERSION,
        exported_at: exported_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        app_version,
        snapshot,
    };
    let mut text = write_text(&envelope, Layout::pretty());
    text.push('\n');
    text
}

/// Reads `T` from a JSON tree, with the path of whatever does not fit.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    raw: Json,
    at: &str,
) -> Result<T, ImportError> {
    serde_path_to_error::deserialize(raw).map_err(|e| {
        let path = e.path().to_string();
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

/// Where a file chosen as a snapshot is plainly something else, which page
/// reads it: a spreadsheet of figures or cases chosen here by mistake. By its
/// name (".csv", ".xlsx", ".txt") or, whatever its name, by its text: a first
/// line that is not JSON but has commas, semicolons or tabs between words.
pub fn not_a_snapshot(name: &str, text: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let first = text.trim_start_matches('\u{feff}').trim_start();
    let looks_json = first.starts_with('{') || first.starts_with('[');
    let first_line = first.lines().next().unwrap_or("");
    let separated = first_line.contains([',', ';', '\t']);
    let spreadsheet = lower.ends_with(".csv")
        || lower.ends_with(".tsv")
        || (!looks_json && separated && !lower.ends_with(".json"));
    if spreadsheet {
        return Some(
            "it is a spreadsheet (CSV), not a Scrutineer snapshot. Indicator figures from a spreadsheet are opened on the Enter figures page (Indicators, then Enter figures); a complaints case list on the Complaints page, under Bring in a case list.".to_owned(),
        );
    }
    if lower.ends_with(".xlsx") || lower.ends_with(".xls") {
        return Some(
            "it is an Excel workbook, not a Scrutineer snapshot. Save the sheet as CSV in Excel, then open it on the Enter figures page (Indicators, then Enter figures).".to_owned(),
        );
    }
    None
}

/// Reads a snapshot file, migrating older versions.
pub fn import(text: &str) -> Result<Opened, ImportError> {
    let (mut object, version) = open_envelope(text, SNAPSHOT_TYPE)?;
    let exported_at = object
        .get("exported_at")
        .and_then(Json::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc));
    let app_version = object
        .get("app_version")
        .and_then(Json::as_str)
        .map(str::to_owned);
    let raw = object.remove("snapshot").ok_or(ImportError::NoSnapshot)?;
    let snapshot = read_snapshot(raw, version, "snapshot")?;
    Ok(Opened {
        snapshot,
        from_version: version,
        exported_at,
        app_version,
    })
}

/// Parses `text`, checks it is an object of `expected` type and a version this
/// build reads, and returns the object with its version.
pub(crate) fn open_envelope(
    text: &str,
    expected: &'static str,
) -> Result<(Map<String, Json>, u64), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let json: Json = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: json_reason(&e),
    })?;
    let Json::Object(object) = json else {
        return Err(ImportError::NotAnObject);
    };
    match object.get("type") {
        Some(Json::String(t)) if t == expected => {}
        Some(other) => {
            return Err(ImportError::NotOurs {
                found: describe(other),
                expected,
            })
        }
        None => return Err(ImportError::NotAnObject),
    }
    let version = match object.get("version") {
        Some(v) => v
            .as_u64()
            .filter(|&n| n >= 1)
            .ok_or_else(|| ImportError::NoVersion { found: describe(v) })?,
        None => {
            return Err(ImportError::NoVersion {
                found: "none".to_owned(),
            })
        }
    };
    if version > VERSION {
        return Err(ImportError::NewerVersion {
            version,
            supported: VERSION,
        });
    }
    Ok((object, version))
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
    let problems = validate(&snapshot);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(ImportError::Invalid { problems })
    }
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

/// A JSON value in a few words, for messages: `"abc"`, `3`, `a list`.
fn describe(value: &Json) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => {
            let short: String = s.chars().take(40).collect();
            format!("\u{201c}{short}\u{201d}")
        }
        Json::Array(_) => "a list".to_owned(),
        Json::Object(_) => "an object".to_owned(),
    }
}

/// serde_json's syntax message without its own " at line X column Y".
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    plain_serde(&text)
}

/// serde's words for types, in plain English.
fn plain_serde(message: &str) -> String {
    const WORDS: [(&str, &str); 14] = [
        ("invalid type: ", "found "),
        ("expected f64", "expected a number"),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected i32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a string", "expected text"),
        ("invalid value: integer", "found the number"),
        ("integer `", "the number `"),
        ("floating point `", "the number `"),
        ("string \"", "text \""),
        ("map, ", "an object, "),
        ("sequence, ", "a list, "),
    ];
    let mut text = message.to_owned();
    for (from, to) in WORDS {
        text = text.replace(from, to);
    }
    let text = text
        .trim_end_matches('.')
        .replace("EOF while parsing", "the file ends in the middle of");
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (found, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = allowed
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        return format!("\u{201c}{found}\u{201d} is not one of: {allowed}");
    }
    if text.contains("input is out of range") {
        return "not a real calendar date: write dates as year-month-day, e.g. 2019-06-30"
            .to_owned();
    }
    if text.contains("input contains invalid characters") || text.contains("premature end of input")
    {
        return "not a date: write dates as year-month-day, e.g. 2019-06-30".to_owned();
    }
    if let Some(rest) = text.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("there is no field \u{201c}{field}\u{201d} in this format");
    }
    if let Some(rest) = text.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("the field \u{201c}{field}\u{201d} is missing");
    }
    text.replace("struct ", "an object ").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_chosen_as_a_snapshot_says_which_page_reads_it() {
        let csv = "indicator_id,period,value\nx,Q1 2019/20,1\n";
        let by_name = not_a_snapshot("q2-figures.CSV", "{}").expect("a CSV by name");
        assert!(by_name.contains("Enter figures page"), "{by_name}");
        let by_text = not_a_snapshot("figures", csv).expect("a CSV by its text");
        assert!(by_text.contains("spreadsheet (CSV)"), "{by_text}");
        assert!(not_a_snapshot("cases.tsv", "a\tb").is_some());
        assert!(not_a_snapshot("pack.xlsx", "PK")
            .expect("a workbook")
            .contains("Excel"));
        // A snapshot, or JSON that is not one (refused later, with its own reason), passes.
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
            .expect("time")
            .to_utc();
        let ours = export(&Snapshot::demo(), at, "0.1.0");
        assert_eq!(not_a_snapshot("lancashire.json", &ours), None);
        assert_eq!(not_a_snapshot("notes.json", "a, b"), None);
        assert_eq!(not_a_snapshot("other", "{\"a\": 1}"), None);
    }

    fn when() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2019-07-02T09:30:00Z")
            .expect("instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn export_then_import_gives_back_the_demo() {
        let demo = Snapshot::demo();
        let text = export(&demo, when(), "0.1.0");
        let opened = import(&text).expect("opens");
        assert_eq!(opened.snapshot, demo);
        assert_eq!(opened.from_version, VERSION);
        assert!(!opened.migrated());
        assert_eq!(opened.exported_at, Some(when()));
        assert_eq!(opened.app_version.as_deref(), Some("0.1.0"));
    }

    #[test]
    fn two_exports_of_the_same_data_are_byte_identical_and_start_with_the_envelope() {
        let demo = Snapshot::demo();
        let first = export(&demo, when(), "0.1.0");
        assert_eq!(first, export(&demo.clone(), when(), "0.1.0"));
        let head: Vec<&str> = first.lines().take(5).collect();
        assert_eq!(
            head,
            [
                "{",
                "  \"type\": \"scrutineer-snapshot\",",
                "  \"version\": 3,",
                "  \"exported_at\": \"2019-07-02T09:30:00Z\",",
                "  \"app_version\": \"0.1.0\","
            ]
        );
        assert!(first.ends_with("}\n"));
    }

    #[test]
    fn a_version_1_file_migrates_to_an_empty_workspace_with_its_pack_details() {
        let v1 = r#"{"type":"scrutineer-snapshot","version":1,"exported_at":"2019-07-02T09:30:00Z",
            "app_version":"0.1.0","snapshot":{"organisation":"Anytown Borough Council",
            "title":"Overview and Scrutiny","as_at":"2019-06-30","prepared_by":"Policy team"}}"#;
        let opened = import(v1).expect("opens");
        assert!(opened.migrated());
        assert_eq!(opened.from_version, 1);
        assert_eq!(opened.snapshot.organisation, "Anytown Borough Council");
        assert_eq!(opened.snapshot.prepared_by.as_deref(), Some("Policy team"));
        assert!(opened.snapshot.is_empty());
        assert_eq!(
            opened.snapshot.settings,
            crate::domain::snapshot::Settings::default()
        );
    }

    #[test]
    fn a_version_2_file_opens_unchanged_as_version_3_and_an_entry_history_survives_a_round_trip() {
        let mut demo = Snapshot::demo();
        let v2 = export(&demo, when(), "0.2.0").replacen("\"version\": 3", "\"version\": 2", 1);
        let opened = import(&v2).expect("opens");
        assert_eq!(opened.from_version, 2);
        assert_eq!(opened.snapshot, demo);
        demo.register[0]
            .history
            .push(crate::domain::register::HistoryNote {
                on: chrono::NaiveDate::from_ymd_opt(2019, 10, 1).expect("date"),
                period: "Q2 2019/20".parse().expect("quarter"),
                change: "Residual score moved from 16 to 12".into(),
                reason: "Restructure agreed".into(),
            });
        let text = export(&demo, when(), "0.3.0");
        assert!(text.contains("\"reason\": \"Restructure agreed\""));
        assert_eq!(import(&text).expect("opens").snapshot, demo);
    }

    #[test]
    fn migration_leaves_what_a_version_1_file_already_has() {
        let raw = serde_json::json!({"organisation": "A", "sources": [{"id": "s", "title": "T"}]});
        let migrated = migrate(raw, 1);
        assert_eq!(migrated["sources"][0]["id"], "s");
        assert_eq!(migrated["indicators"], serde_json::json!([]));
        assert_eq!(migrate(migrated.clone(), VERSION), migrated);
    }

    #[test]
    fn the_size_gate_comes_before_parsing() {
        let huge = " ".repeat(MAX_BYTES + 1);
        assert_eq!(
            import(&huge),
            Err(ImportError::TooLarge {
                bytes: MAX_BYTES + 1,
                limit: MAX_BYTES
            })
        );
        assert_eq!(
            import(&huge).unwrap_err().to_string(),
            "The file is 20 MB; the largest Scrutineer opens is 20 MB."
        );
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
                import("{\"type\": \"scrutineer-snapshot\", \"version\": ").unwrap_err().to_string(),
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
