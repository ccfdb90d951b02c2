//! The snapshot file: a versioned JSON envelope that officers email and
//! councillors open.
//!
//! ```json
//! {
//!   "type": "scrutineer-snapshot",
//!   "version": 3,
//!   "exported_at": "2019-07-02T09:30:00Z",
//!   "app_version": "0.1.0",
//!   "content_sha256": "9f2c…",
//!   "snapshot": { ... }
//! }
//! ```
//!
//! Reading goes through one gate, in this order, so the first thing wrong is
//! the thing reported: size, JSON syntax (line and column), `type`,
//! `version` (newer is refused, older is migrated step by step), the shape of
//! every field (with its path), then [`validate`](crate::file::validate::validate).
//! Two readers keep that gate. The quick one ([`import_quick`]) reads a file
//! of this version straight into the model; the careful one
//! ([`import_careful`]) builds a JSON tree, migrates it and says where a
//! field does not fit. Whatever the quick reader cannot answer, or might word
//! differently, it leaves to the careful one, so every message is the
//! careful reader's. [`import`] asks one, then the other.
//!
//! Writing is pretty-printed with a fixed field order, so two exports of the
//! same data are byte-identical and diff cleanly.

use crate::text::excerpt;
use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value as Json};
use thiserror::Error;

use crate::domain::snapshot::Snapshot;
use crate::file::fingerprint::Integrity;
use crate::file::validate::{validate, Problem};

mod careful;
mod layout;

pub(crate) use careful::read_snapshot;
pub use careful::{import_careful, migrate};
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
    /// Whether its data is as it was exported (its fingerprint).
    pub integrity: Integrity,
    /// Its data's fingerprint ([`crate::file::fingerprint::of`]), worked
    /// out once as it is read: what it is opened, saved and kept as.
    pub fingerprint: String,
    /// The fingerprint of the file its data was last opened from or saved
    /// as before it, where it says (see [`export_based_on`]).
    pub based_on: Option<String>,
}

impl Opened {
    /// `snapshot`, read from a file of `from_version` whose other envelope
    /// fields are `head`.
    fn new(snapshot: Snapshot, from_version: u64, head: &Map<String, Json>) -> Opened {
        let fingerprint = crate::file::fingerprint::of(&snapshot);
        Opened {
            from_version,
            exported_at: read_instant(head, "exported_at"),
            app_version: head
                .get("app_version")
                .and_then(Json::as_str)
                .map(str::to_owned),
            based_on: crate::file::fingerprint::read_field(head, "based_on"),
            integrity: if from_version < VERSION {
                Integrity::NotRecorded
            } else {
                Integrity::against(head, &fingerprint)
            },
            fingerprint,
            snapshot,
        }
    }

    pub fn migrated(&self) -> bool {
        self.from_version < VERSION
    }
}

/// An envelope field's instant, where it holds one in RFC 3339.
pub(crate) fn read_instant(head: &Map<String, Json>, key: &str) -> Option<DateTime<Utc>> {
    head.get(key)
        .and_then(Json::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The envelope as written; field order here is the order in the file.
#[derive(Serialize)]
struct Envelope<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u64,
    exported_at: String,
    app_version: &'a str,
    /// See [`crate::file::fingerprint`].
    content_sha256: String,
    /// The fingerprint of the file the data was last opened from or saved
    /// as before this one: the version the sender's copy and the
    /// recipient's have in common, for combining them (`merge`).
    #[serde(skip_serializing_if = "Option::is_none")]
    based_on: Option<&'a str>,
    snapshot: &'a Snapshot,
}

/// The snapshot file's text: pretty-printed, stable order, ending in a newline.
pub fn export(snapshot: &Snapshot, exported_at: DateTime<Utc>, app_version: &str) -> String {
    export_based_on(snapshot, exported_at, app_version, None).0
}

/// [`export`], recording the fingerprint of the file the data was last
/// opened from or saved as (`based_on`); also gives this file's fingerprint.
pub fn export_based_on(
    snapshot: &Snapshot,
    exported_at: DateTime<Utc>,
    app_version: &str,
    based_on: Option<&str>,
) -> (String, String) {
    let fingerprint = crate::file::fingerprint::of(snapshot);
    let envelope = Envelope {
        kind: SNAPSHOT_TYPE,
        version: VERSION,
        exported_at: exported_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        app_version,
        content_sha256: fingerprint.clone(),
        based_on,
        snapshot,
    };
    let mut text = write_text(&envelope, Layout::pretty());
    text.push('\n');
    (text, fingerprint)
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

/// Reads a snapshot file, migrating older versions: quickly where it can,
/// carefully where it must, refused in the careful reader's words.
pub fn import(text: &str) -> Result<Opened, ImportError> {
    import_quick(text).or_else(|quick| quick.or_careful(|| import_careful(text)))
}

/// Why the quick reader gave no snapshot.
#[derive(Clone, Debug, PartialEq)]
pub enum QuickError {
    /// The file is refused, in the very words the careful reader would use.
    Refused(ImportError),
    /// Only the careful reader can answer: the file is an older version to
    /// migrate, or its snapshot does not read straight into the model and
    /// saying where takes the careful reader's field paths. The answer may
    /// still be that the file opens.
    NeedsCareful,
}

impl QuickError {
    /// The refusal as it stands, or what the `careful` reader answers.
    pub fn or_careful<T>(
        self,
        careful: impl FnOnce() -> Result<T, ImportError>,
    ) -> Result<T, ImportError> {
        match self {
            QuickError::Refused(error) => Err(error),
            QuickError::NeedsCareful => careful(),
        }
    }
}

/// Reads a snapshot file of this version straight into the model, with no
/// JSON tree, migration or field paths: what opens nearly every file, in
/// about half the careful reader's time and without a tree of the whole file
/// in memory. [`QuickError::NeedsCareful`] says to ask [`import_careful`],
/// which the app may load only then.
pub fn import_quick(text: &str) -> Result<Opened, QuickError> {
    let (head, raw) = quick_envelope(text, SNAPSHOT_TYPE)?;
    let snapshot = read_straight(raw)?;
    Ok(Opened::new(snapshot, VERSION, &head))
}

/// The built-in demo as a snapshot file: what the app rehearses its reader
/// on ([`rehearse`]).
pub fn rehearsal_file() -> String {
    export(&Snapshot::demo(), DateTime::<Utc>::UNIX_EPOCH, "rehearsal")
}

/// Reads `file` ([`rehearsal_file`]) through the very quick reader a chosen
/// file goes through; gives what it read where that is what was written (its
/// fingerprint matches the one the file records). The app runs
/// this a few times, in idle time, when a page where a snapshot file is
/// chosen first shows: Chromium runs wasm in its baseline tier until a
/// function has run for a while, so a large file read by cold code takes
/// about twice as long as the same file read again (bench/RESULTS.md).
/// After the rehearsals the person's file is read by code already compiled
/// beyond that tier. Each takes about 1 ms natively.
pub fn rehearse(file: &str) -> Option<Snapshot> {
    import_quick(file)
        .ok()
        .filter(|opened| opened.integrity == Integrity::AsExported)
        .map(|opened| opened.snapshot)
}

/// The quick reader's gate: `text` must be an envelope of `expected` type at
/// this version. Returns its other fields and the snapshot's raw text.
pub(crate) fn quick_envelope<'a>(
    text: &'a str,
    expected: &'static str,
) -> Result<(Map<String, Json>, &'a RawValue), QuickError> {
    let body = opening(text).map_err(QuickError::Refused)?;
    let Ok(Head { fields, snapshot }) = serde_json::from_str::<Head>(body) else {
        return Err(careful_refusal(text, expected));
    };
    let version = check_head(&fields, expected).map_err(|_| careful_refusal(text, expected))?;
    if version < VERSION {
        return Err(QuickError::NeedsCareful);
    }
    let snapshot = snapshot.ok_or(QuickError::Refused(ImportError::NoSnapshot))?;
    Ok((fields, snapshot))
}

/// What the careful gate says of a file the quick one stumbled on. The
/// quick gate skims the snapshot's text rather than reading it, so a flaw in
/// there (a number too large for any field) could be found first by the
/// careful gate; asking it keeps every refusal, and its order, as it was.
fn careful_refusal(text: &str, expected: &'static str) -> QuickError {
    match open_envelope(text, expected) {
        Err(error) => QuickError::Refused(error),
        Ok(_) => QuickError::NeedsCareful,
    }
}

/// The snapshot read straight from its text, then validated. Anything that
/// does not fit is left to the careful reader, which says where.
pub(crate) fn read_straight(raw: &RawValue) -> Result<Snapshot, QuickError> {
    let snapshot: Snapshot =
        serde_json::from_str(raw.get()).map_err(|_| QuickError::NeedsCareful)?;
    checked(snapshot).map_err(QuickError::Refused)
}

/// The snapshot, if it passes [`validate`]; else every problem found.
fn checked(snapshot: Snapshot) -> Result<Snapshot, ImportError> {
    let problems = validate(&snapshot);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(ImportError::Invalid { problems })
    }
}

/// An envelope as the quick reader takes it: the fields beside the snapshot
/// as JSON values, just as the careful reader has them, and the snapshot as
/// its raw text, checked as JSON but not yet read.
struct Head<'a> {
    fields: Map<String, Json>,
    snapshot: Option<&'a RawValue>,
}

impl<'de> Deserialize<'de> for Head<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(HeadVisitor)
    }
}

struct HeadVisitor;

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Head<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    /// A field given twice keeps its last value, as in a JSON tree.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head<'de>, A::Error> {
        let mut head = Head {
            fields: Map::new(),
            snapshot: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == "snapshot" {
                head.snapshot = Some(map.next_value()?);
            } else {
                let value = map.next_value()?;
                head.fields.insert(key, value);
            }
        }
        Ok(head)
    }
}

/// The checks before parsing: size, then (past a byte-order mark) that there
/// is more than spaces. Returns the text to parse.
fn opening(text: &str) -> Result<&str, ImportError> {
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
    Ok(text)
}

/// The careful gate: parses `text` as a JSON tree, checks it is an object of
/// `expected` type and a version this build reads, and returns the object
/// with its version.
pub(crate) fn open_envelope(
    text: &str,
    expected: &'static str,
) -> Result<(Map<String, Json>, u64), ImportError> {
    let json: Json = serde_json::from_str(opening(text)?).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: json_reason(&e),
    })?;
    let Json::Object(object) = json else {
        return Err(ImportError::NotAnObject);
    };
    let version = check_head(&object, expected)?;
    Ok((object, version))
}

/// The envelope's `type` must be `expected`, and its `version` one this
/// build reads: returns the version.
fn check_head(head: &Map<String, Json>, expected: &'static str) -> Result<u64, ImportError> {
    match head.get("type") {
        Some(Json::String(t)) if t == expected => {}
        Some(other) => {
            return Err(ImportError::NotOurs {
                found: describe(other),
                expected,
            })
        }
        None => return Err(ImportError::NotAnObject),
    }
    let version = match head.get("version") {
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
    Ok(version)
}

/// A JSON value in a few words, for messages: `"abc"`, `3`, `a list`.
fn describe(value: &Json) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => {
            let short: String = s.chars().take(40).collect();
            format!("\u{201c}{}\u{201d}", excerpt(&short))
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
        return shorten_quotes(&format!(
            "\u{201c}{}\u{201d} is not one of: {allowed}",
            excerpt(found)
        ));
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
        return format!(
            "there is no field \u{201c}{}\u{201d} in this format",
            excerpt(field)
        );
    }
    if let Some(rest) = text.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("the field \u{201c}{}\u{201d} is missing", excerpt(field));
    }
    if text.contains("trailing characters") {
        return "there is more after the end of the file's data".to_owned();
    }
    if text.contains("trailing input") {
        return "not a date: write dates as year-month-day, e.g. 2019-06-30".to_owned();
    }
    if text.contains("recursion limit exceeded") {
        return "lists or objects are nested too deeply here for a Scrutineer file".to_owned();
    }
    if text.contains("key must be a string") {
        return "a name in an object is not text in double quotes".to_owned();
    }
    let text = shorten_quotes(&text.replace("struct ", "an object "));
    if SERDE_WORDS.iter().any(|word| text.contains(word)) {
        return "this is not the kind of value that belongs here".to_owned();
    }
    text.replace('`', "")
}

/// Words of serde's own that mean nothing to a person: a message still
/// holding one after [`plain_serde`] is replaced by plain words whole.
const SERDE_WORDS: [&str; 14] = [
    "enum",
    "variant",
    "identifier",
    "tagged",
    "tuple",
    "newtype",
    "map with",
    "unit ",
    "i64",
    "u16",
    "usize",
    "f32",
    "Option",
    "struct",
];

/// Every quoted part of a message ("…" or `…`, where a backslash escapes the
/// next character, as serde writes them) cut to a short excerpt, and the
/// whole at most a few lines long.
fn shorten_quotes(text: &str) -> String {
    const LONGEST: usize = 400;
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let mut inner = String::new();
        let mut closed = false;
        while let Some(d) = chars.next() {
            if d == '\\' {
                inner.push(d);
                if let Some(e) = chars.next() {
                    inner.push(e);
                }
                continue;
            }
            if d == c {
                closed = true;
                break;
            }
            inner.push(d);
        }
        out.push_str(&excerpt(&inner));
        if closed {
            out.push(c);
        }
    }
    if out.chars().count() > LONGEST {
        let cut: String = out.chars().take(LONGEST).collect();
        return format!("{cut}\u{2026}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opened_file_carries_its_data_s_fingerprint_worked_out_once() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let demo = Snapshot::demo();
        let opened = import(&export(&demo, at, "test")).expect("opens");
        assert_eq!(opened.fingerprint, crate::file::fingerprint::of(&demo));
        assert_eq!(opened.integrity, Integrity::AsExported);
        // Edited after export: the fingerprint is of what was read, and no
        // longer matches what the file records.
        let edited = export(&demo, at, "test").replacen(&demo.title, "Another pack", 1);
        let opened = import(&edited).expect("opens");
        assert_eq!(opened.integrity, Integrity::Changed);
        assert_eq!(
            opened.fingerprint,
            crate::file::fingerprint::of(&opened.snapshot)
        );
        assert_ne!(opened.fingerprint, crate::file::fingerprint::of(&demo));
    }

    #[test]
    fn a_file_records_what_it_was_based_on_and_reads_it_back_only_as_a_fingerprint() {
        let demo = Snapshot::demo();
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let earlier = crate::file::fingerprint::of(&Snapshot::demo_a_year_earlier());
        let (text, fingerprint) = export_based_on(&demo, at, "test", Some(&earlier));
        assert_eq!(fingerprint, crate::file::fingerprint::of(&demo));
        let opened = import(&text).expect("opens");
        assert_eq!(opened.based_on.as_deref(), Some(earlier.as_str()));
        assert_eq!(opened.integrity, Integrity::AsExported);
        // Without it, none is written; one that is not a fingerprint is not read.
        let plain = export(&demo, at, "test");
        assert!(!plain.contains("based_on"));
        assert_eq!(import(&plain).unwrap().based_on, None);
        for odd in [
            "\"ABC\"",
            "\"x\"",
            "12",
            &format!("\"{}\"", earlier.to_uppercase()),
        ] {
            let text = text.replacen(&format!("\"{earlier}\""), odd, 1);
            assert_eq!(import(&text).unwrap().based_on, None, "{odd}");
        }
    }

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
    fn a_file_without_an_accessibility_contact_reads_and_writes_back_byte_for_byte() {
        let demo = Snapshot::demo();
        assert_eq!(demo.accessibility_contact, None);
        let before = export(&demo, when(), "0.1.0");
        assert!(!before.contains("accessibility_contact"));
        let opened = import(&before).expect("opens");
        assert_eq!(opened.snapshot.accessibility_contact, None);
        assert_eq!(export(&opened.snapshot, when(), "0.1.0"), before);
    }

    #[test]
    fn an_accessibility_contact_is_written_after_prepared_by_and_read_by_both_readers() {
        let mut demo = Snapshot::demo();
        demo.accessibility_contact = Some("accessibility@lancashire.gov.uk".into());
        let text = export(&demo, when(), "0.1.0");
        assert!(text.contains(
            "\"prepared_by\": \"Business Intelligence\",\n    \"accessibility_contact\": \"accessibility@lancashire.gov.uk\",\n    \"settings\""
        ));
        assert_eq!(import_quick(&text).expect("opens quickly").snapshot, demo);
        readers_agree(&text);
        // An older file may carry it too: the careful reader keeps it.
        let v2 = text.replacen("\"version\": 3", "\"version\": 2", 1);
        assert_eq!(import(&v2).expect("opens").snapshot, demo);
        let long = text.replacen(
            "accessibility@lancashire.gov.uk",
            &"x".repeat(crate::domain::snapshot::CONTACT_MAX_CHARS + 1),
            1,
        );
        assert!(import(&long)
            .unwrap_err()
            .to_string()
            .contains("(accessibility_contact): the accessibility contact has 201 characters"));
        readers_agree(&long);
    }

    /// The quick reader either gives what the careful one gives, or leaves
    /// the file to it; and `import` always gives the careful reader's answer.
    fn readers_agree(text: &str) {
        let careful = import_careful(text);
        match import_quick(text) {
            Ok(opened) => assert_eq!(Ok(opened), careful, "{text:.80}"),
            Err(QuickError::Refused(error)) => assert_eq!(Err(error), careful, "{text:.80}"),
            Err(QuickError::NeedsCareful) => {}
        }
        assert_eq!(import(text), careful, "{text:.80}");
    }

    #[test]
    fn the_quick_reader_opens_a_file_of_this_version_as_the_careful_one_does() {
        for snapshot in [Snapshot::demo(), crate::file::demo::lancashire()] {
            let text = export(&snapshot, when(), "0.1.0");
            let quick = import_quick(&text).expect("opens quickly");
            assert_eq!(quick.snapshot, snapshot);
            assert_eq!(Ok(quick), import_careful(&text));
        }
    }

    #[test]
    fn the_rehearsal_reads_the_demo_back_through_the_quick_reader() {
        // If the demo stopped reading straight (a field the quick reader
        // leaves to the careful one, a problem validation finds), the
        // rehearsal would warm less of the reader than a file needs.
        let file = rehearsal_file();
        assert_eq!(rehearse(&file), Some(Snapshot::demo()));
        // Not a file changed since it was written: it opens, but is not what
        // the rehearsal wrote.
        let changed = file.replacen("Lancashire County Council", "Anytown Borough Council", 1);
        assert_ne!(changed, file);
        assert!(matches!(import_quick(&changed), Ok(o) if o.integrity == Integrity::Changed));
        assert_eq!(rehearse(&changed), None);
        // Nor one the quick reader leaves to the careful one.
        let older = file.replacen("\"version\": 3", "\"version\": 2", 1);
        assert_eq!(import_quick(&older), Err(QuickError::NeedsCareful));
        assert_eq!(rehearse(&older), None);
    }

    #[test]
    fn an_older_version_is_left_to_the_careful_reader_which_migrates_it() {
        let v2 = export(&Snapshot::demo(), when(), "0.2.0").replacen(
            "\"version\": 3",
            "\"version\": 2",
            1,
        );
        assert_eq!(import_quick(&v2), Err(QuickError::NeedsCareful));
        let opened = import(&v2).expect("opens");
        assert_eq!(opened.from_version, 2);
        assert_eq!(opened.snapshot, Snapshot::demo());
        let v1 = r#"{"type":"scrutineer-snapshot","version":1,"snapshot":{"organisation":"A","title":"T","as_at":"2019-06-30"}}"#;
        assert_eq!(import_quick(v1), Err(QuickError::NeedsCareful));
        assert!(import(v1).expect("opens").migrated());
    }

    #[test]
    fn a_snapshot_that_does_not_fit_is_explained_by_the_careful_reader() {
        let text = export(&Snapshot::demo(), when(), "0.1.0").replacen(
            "\"as_at\": \"2019-06-30\"",
            "\"as_at\": \"2019-02-30\"",
            1,
        );
        assert_eq!(import_quick(&text), Err(QuickError::NeedsCareful));
        assert_eq!(
            import(&text).unwrap_err().to_string(),
            "The file does not fit the snapshot format at snapshot.as_at: not a real calendar date: write dates as year-month-day, e.g. 2019-06-30."
        );
        readers_agree(&text);
    }

    /// Files the quick gate could take differently from the careful one: a
    /// field given twice, a number too large hidden in the snapshot while the
    /// envelope is wrong too, text after the object, a byte-order mark.
    #[test]
    fn awkward_files_get_the_careful_readers_answer_word_for_word() {
        let good = export(&Snapshot::demo(), when(), "0.1.0");
        let body = good.split_once("\"snapshot\": ").expect("a snapshot").1;
        let body = body
            .trim_end()
            .strip_suffix('}')
            .expect("the envelope closes");
        let ours = |version: &str, snapshot: &str| {
            format!(
                r#"{{"type": "scrutineer-snapshot", "version": {version}, "snapshot": {snapshot}}}"#
            )
        };
        let too_large = r#"{"x": 1e400}"#;
        let texts = [
            String::new(),
            "\u{feff}  ".to_owned(),
            "[]".to_owned(),
            "[1e400]".to_owned(),
            r#""scrutineer-snapshot""#.to_owned(),
            r#"{"type": "scrutineer-snapshot", "version": 3}"#.to_owned(),
            ours("3", "null"),
            ours("9", "{}"),
            ours("3", too_large).replacen("scrutineer-snapshot", "other", 1),
            ours(r#""3""#, too_large),
            ours("3", too_large),
            ours("3", "{}"),
            format!("\u{feff}{good}"),
            format!("{good} x"),
            good.replacen(r#""version": 3,"#, r#""version": 3, "version": 3,"#, 1),
            good.replacen(r#""type": "#, r#""type": 1, "type": "#, 1),
            ours("3", &format!(r#"5, "snapshot": {body}"#)),
            good.replacen(r#""title": "#, r#""title": "First", "title": "#, 1),
        ];
        for text in &texts {
            readers_agree(text);
        }
        // A field given twice keeps its last value, as it always did.
        let twice = texts.last().expect("the title given twice");
        assert_eq!(import_quick(twice), Err(QuickError::NeedsCareful));
        assert_eq!(import(twice).expect("opens").snapshot, Snapshot::demo());
    }

    /// With two faults, the one reported is the first in the file: the
    /// careful reader's JSON tree keeps the file's order (serde_json's
    /// `preserve_order`, which is why the workspace keeps that feature).
    #[test]
    fn of_two_faults_the_first_in_the_file_is_reported() {
        let text = export(&Snapshot::demo(), when(), "0.1.0")
            .replacen("\"title\": \"", "\"title\": 5, \"x\": \"", 1)
            .replacen("\"as_at\": \"2019-06-30\"", "\"as_at\": \"2019-02-30\"", 1);
        assert_eq!(
            import(&text).unwrap_err().to_string(),
            "The file does not fit the snapshot format at snapshot.title: found the number 5, expected text."
        );
        readers_agree(&text);
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
}
