//! What every fuzz target checks, one function per reader of outside input:
//! the reader must not panic on any bytes, and what it accepts must be
//! written back in a form it reads as the same thing ("parse, print, parse
//! again, equal"). A broken promise panics, which libFuzzer records as a
//! crash. `fuzz/fuzz_targets/` calls these under libFuzzer (nightly);
//! `core/tests/fuzz_regressions.rs` includes this file (`#[path]`) and runs
//! it over `fuzz/regressions/` on stable, so a finding stays fixed.
//!
//! Text readers get the bytes as a browser's `File.text()` gives them:
//! UTF-8, any bad sequence replaced.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use scrutineer_core::bring_in::{Kind, Table};
use scrutineer_core::complaints::cases::{aggregate, apply_cases, read_cases};
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::domain::value::{Unit, Value};
use scrutineer_core::file::csv::{read_bytes, read_rows, sniff_delimiter, write_rows};
use scrutineer_core::file::format::{export, import, import_careful, import_quick, not_a_snapshot};
use scrutineer_core::file::store::{decode, decode_careful, decode_quick, encode, loaded};
use scrutineer_core::file::validate::validate;
use scrutineer_core::indicators::csv::{export_figures, import_figures};
use scrutineer_core::route::{percent_decode, percent_encode, split_query, Route};

/// Every fuzz target by name, as `fuzz/fuzz_targets/` and
/// `fuzz/regressions/` name them, with its check. The workbook target is
/// apart (it needs the workbook crate): see `fuzz/src/lib.rs`.
pub const TARGETS: [(&str, Check); 9] = [
    ("snapshot_file", snapshot_file),
    ("stored", stored),
    ("figures_csv", figures_csv),
    ("case_list", case_list),
    ("csv_bytes", csv_bytes),
    ("bring_in", bring_in),
    ("period", period),
    ("value", value),
    ("route", route),
];

/// A target's check of one input: it panics where a promise is broken.
pub type Check = fn(&[u8]);

const UNITS: [Unit; 8] = [
    Unit::Count,
    Unit::Number,
    Unit::Percent,
    Unit::RatePer1000,
    Unit::RatePer10000,
    Unit::RatePer100000,
    Unit::Days,
    Unit::Money,
];

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The demo pack, built once: the snapshot the CSV readers read into.
pub fn demo() -> &'static Snapshot {
    static DEMO: OnceLock<Snapshot> = OnceLock::new();
    DEMO.get_or_init(Snapshot::demo)
}

fn at() -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_000_000, 0).expect("an instant")
}

/// A snapshot the app accepted must validate, export, and import again
/// equal: otherwise what it saves will not open, or opens changed. The demo
/// pack unchanged (a file that changes nothing) is not written again: the
/// round-trip test checks it, and writing it would cost most of a run.
pub fn reopens(snapshot: &Snapshot, what: &str) {
    if snapshot == demo() {
        return;
    }
    let problems = validate(snapshot);
    assert!(
        problems.is_empty(),
        "{what}: accepted a snapshot its own checks refuse: {problems:?}"
    );
    let written = export(snapshot, at(), "fuzz");
    match import(&written) {
        Ok(opened) => assert!(
            opened.snapshot == *snapshot,
            "{what}: the exported snapshot reopens changed"
        ),
        Err(e) => panic!("{what}: the exported snapshot does not reopen: {e}"),
    }
}

/// The file gate: `import` (quick, then careful) and both readers alone.
/// Words of serde's own that must never reach a person.
const SERDE_WORDS: [&str; 9] = [
    "internally tagged",
    "variant identifier",
    "map with a single key",
    "trailing input",
    "key must be a string",
    "recursion limit",
    "expected enum",
    "expected struct",
    "invalid type",
];

/// A message a person reads: at most `longest` characters, in the app's
/// own words, with no control character quoted raw.
pub fn plain(what: &str, message: &str, longest: usize) {
    let length = message.chars().count();
    assert!(
        length <= longest,
        "{what}: a message of {length} characters: {:?}",
        message.chars().take(400).collect::<String>()
    );
    for word in SERDE_WORDS {
        assert!(
            !message.contains(word),
            "{what}: {message:?} holds serde's {word:?}"
        );
    }
    assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: {message:?} quotes a control character"
    );
}

pub fn snapshot_file(data: &[u8]) {
    let text = text(data);
    let _ = not_a_snapshot("fuzz.json", &text);
    let careful = import_careful(&text);
    let quick = import_quick(&text);
    let either = import(&text);
    if let Ok(q) = &quick {
        assert!(
            careful.as_ref() == Ok(q),
            "the quick reader opened a file the careful reader reads otherwise: {:?}",
            careful.as_ref().err().map(ToString::to_string)
        );
    }
    match (&either, &careful) {
        (Ok(e), Ok(c)) => assert!(e == c, "import and the careful reader differ"),
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => {
            panic!("import and the careful reader disagree on whether the file opens")
        }
        (Err(_), Err(_)) => {}
    }
    match either {
        Ok(opened) => reopens(&opened.snapshot, "snapshot file"),
        Err(e) => plain("snapshot file", &e.to_string(), 4_000),
    }
}

/// Stored data: the record in local storage, read quickly and carefully.
pub fn stored(data: &[u8]) {
    let raw = text(data);
    let careful = decode_careful(&raw);
    if let Ok(q) = decode_quick(&raw) {
        assert!(
            careful.as_ref() == Ok(&q),
            "the quick decoder read a record the careful decoder reads otherwise"
        );
    }
    let decoded = decode(&raw);
    let _ = loaded(&raw, decoded.clone());
    if let Ok((record, _)) = decoded {
        reopens(&record.snapshot, "stored record");
        let again = encode(&record);
        match decode(&again) {
            Ok((back, _)) => assert!(back == record, "a stored record reads back changed"),
            Err(e) => panic!("a stored record, saved again, does not read back: {e}"),
        }
    }
}

/// The figures CSV, read into the demo pack.
pub fn figures_csv(data: &[u8]) {
    let text = text(data);
    if let Ok(read) = import_figures(demo(), &text) {
        reopens(&read.snapshot, "figures CSV");
        let written = export_figures(&read.snapshot);
        match import_figures(&read.snapshot, &written) {
            Ok(again) => assert!(
                again.changes.is_empty(),
                "the figures CSV, written and read again, changes {} figures: {:?}",
                again.changes.len(),
                again.changes.first()
            ),
            Err(e) => panic!("the figures CSV written back is refused: {e:?}"),
        }
    }
}

/// The case list, summed into the demo pack's complaints.
pub fn case_list(data: &[u8]) {
    let text = text(data);
    if let Err(faults) = read_cases(&text) {
        for fault in faults.iter().take(50) {
            plain("case list", &fault.to_string(), 600);
        }
    }
    if let Ok(cases) = read_cases(&text) {
        for case in &cases {
            let _ = case.working_days();
            let _ = case.exceeded();
        }
        let summed = aggregate(&cases);
        let (snapshot, _) = apply_cases(demo(), &summed);
        reopens(&snapshot, "case list");
    }
}

/// Rows with a blank row as no cells: a blank line and one empty cell are
/// the same to every reader (`file::csv::parse_rows` drops both).
fn blanks_as_empty(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| match row.as_slice() {
            [only] if only.trim().is_empty() => vec![],
            _ => row.clone(),
        })
        .collect()
}

/// The CSV bytes reader: encodings, delimiters, rows. Rows it reads,
/// written as CSV and read again, must be the same rows (a blank row
/// written as one empty cell).
pub fn csv_bytes(data: &[u8]) {
    if let Ok(read) = read_bytes(data) {
        let written = write_rows(&read.rows);
        let _ = sniff_delimiter(&written);
        match read_rows(&written) {
            Ok(rows) => assert!(
                blanks_as_empty(&rows) == blanks_as_empty(&read.rows),
                "rows written as CSV read back otherwise: {:?} became {:?}",
                read.rows.iter().take(3).collect::<Vec<_>>(),
                rows.iter().take(3).collect::<Vec<_>>()
            ),
            Err(e) => panic!("rows written as CSV are refused: {e:?}"),
        }
    }
}

/// A table read by every kind of bring-in, into the demo pack.
pub fn bring_in_table(table: &Table) {
    for kind in Kind::ALL {
        if let Ok(plan) = kind.plan(demo(), table, &vec![]) {
            reopens(&plan.snapshot, "bring-in");
            let _ = plan.counted();
        }
    }
}

/// Bringing in a council's spreadsheet saved as CSV.
pub fn bring_in(data: &[u8]) {
    if let Ok(read) = read_bytes(data) {
        bring_in_table(&Table::csv(read.rows));
    }
}

/// A period label: read, printed, read again, equal.
pub fn period(data: &[u8]) {
    let text = text(data);
    if let Ok(period) = Period::from_str(&text) {
        let label = period.to_string();
        match Period::from_str(&label) {
            Ok(again) => assert!(
                again == period,
                "{text:?} reads as {period:?}, printed {label:?}, which reads as {again:?}"
            ),
            Err(e) => panic!("{text:?} reads as {period:?}, printed {label:?}, refused: {e}"),
        }
        let _ = period.start();
        let _ = period.end();
        let _ = period.year_earlier();
    } else if let Err(e) = Period::from_str(&text) {
        plain("period", &e.to_string(), 600);
    }
}

/// A typed figure, for every unit: read, printed, read again, equal.
pub fn value(data: &[u8]) {
    let text = text(data);
    for unit in UNITS {
        if let Err(e) = Value::parse(&text, unit) {
            plain("value", &e.to_string(), 600);
        }
        if let Ok(value) = Value::parse(&text, unit) {
            let _ = value.range_problem(unit);
            let shown = value.display(unit);
            match Value::parse(&shown, unit) {
                Ok(again) => assert!(
                    again == value,
                    "{text:?} as {unit:?} reads as {value:?}, shows as {shown:?}, which reads as {again:?}"
                ),
                Err(e) => panic!(
                    "{text:?} as {unit:?} reads as {value:?}, shows as {shown:?}, refused: {e}"
                ),
            }
        }
    }
}

/// An address: the route it opens links back to the same route.
pub fn route(data: &[u8]) {
    let hash = text(data);
    let route = Route::from_hash(&hash);
    let _ = split_query(&hash);
    let _ = route.title();
    let href = route.href();
    let again = Route::from_hash(&href);
    assert!(
        again == route,
        "{hash:?} opens {route:?}, whose link {href:?} opens {again:?}"
    );
    let encoded = percent_encode(&hash);
    assert!(
        percent_decode(&encoded) == hash,
        "{hash:?} percent-encoded as {encoded:?} decodes otherwise"
    );
}
