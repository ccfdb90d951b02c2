//! What browser storage holds, and the decisions about it, kept pure so they
//! are tested natively. The browser module only reads and writes strings.
//!
//! The stored record is an envelope like the snapshot file's, with a
//! revision number that rises with every save, so one tab never silently
//! overwrites newer data saved by another, and the revision last exported, so
//! the app can remind people to export.

use std::sync::{Arc, Weak};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use crate::domain::snapshot::Snapshot;
use crate::file::format::{
    open_envelope, quick_envelope, read_instant, read_snapshot, read_straight, write_text,
    ImportError, Layout, QuickError, STORE_TYPE, VERSION,
};

/// The localStorage key of the working data.
pub const KEY: &str = "scrutineer.snapshot";
/// Where an unreadable record is kept aside until the user decides.
pub const CORRUPT_KEY: &str = "scrutineer.snapshot.unreadable";
/// The record as it was before the last import, for "undo import".
pub const BEFORE_IMPORT_KEY: &str = "scrutineer.snapshot.before-import";

/// The working data with its save history.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// Rises by one with every save; 0 for data never saved.
    pub revision: u64,
    pub saved_at: Option<DateTime<Utc>>,
    /// The revision that was last exported to a file, if any.
    pub exported_revision: Option<u64>,
    pub exported_at: Option<DateTime<Utc>>,
    /// The fingerprint of the file the data was last opened from or saved
    /// as (see `format::export_based_on`).
    pub based_on: Option<String>,
    /// Shared, not copied: the app's undo steps and saves hold the same data.
    pub snapshot: Arc<Snapshot>,
}

impl Stored {
    /// Data not yet saved: the demo on a first visit.
    pub fn unsaved(snapshot: impl Into<Arc<Snapshot>>) -> Stored {
        Stored {
            revision: 0,
            saved_at: None,
            exported_revision: None,
            exported_at: None,
            based_on: None,
            snapshot: snapshot.into(),
        }
    }

    /// Whether there are changes no file holds: saved since the last export.
    pub fn needs_export(&self) -> bool {
        needs_export(self.revision, self.exported_revision)
    }

    /// The next revision to save `snapshot` as.
    pub fn next(&self, snapshot: impl Into<Arc<Snapshot>>, now: DateTime<Utc>) -> Stored {
        Stored {
            revision: self.revision + 1,
            saved_at: Some(now),
            snapshot: snapshot.into(),
            ..self.clone()
        }
    }

    /// The record once exported now.
    pub fn exported(&self, now: DateTime<Utc>) -> Stored {
        Stored {
            exported_revision: Some(self.revision),
            exported_at: Some(now),
            ..self.clone()
        }
    }
}

/// Whether revision `revision` holds changes that no exported file holds.
pub fn needs_export(revision: u64, exported_revision: Option<u64>) -> bool {
    revision > 0 && exported_revision != Some(revision)
}

#[derive(Serialize)]
struct Record<'a, S> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u64,
    revision: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_revision: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    based_on: Option<&'a str>,
    /// `()`, written as `null` and replaced by the data's own text (see
    /// `around`); the data itself in the tests, which write it whole.
    snapshot: S,
}

fn instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The text stored under [`KEY`]: compact, since nobody reads it.
pub fn encode(stored: &Stored) -> String {
    around(stored, &write_text(&*stored.snapshot, Layout::compact()))
}

/// A stored record of `stored`'s history around `snapshot`, the data's
/// compact text already written.
fn around(stored: &Stored, snapshot: &str) -> String {
    if snapshot.is_empty() {
        return String::new(); // The data could not be written: as `write_text`.
    }
    // The record ends `"snapshot":null}`: the data's text goes in place of
    // the null, as the serializer would have written it there.
    let head = write_text(&record(stored, ()), Layout::compact());
    match head.strip_suffix("null}") {
        Some(head) => {
            let mut text = String::with_capacity(head.len() + snapshot.len() + 1);
            text.push_str(head);
            text.push_str(snapshot);
            text.push('}');
            text
        }
        None => String::new(),
    }
}

/// The record of `stored`'s history, holding `snapshot`.
fn record<S>(stored: &Stored, snapshot: S) -> Record<'_, S> {
    Record {
        kind: STORE_TYPE,
        version: VERSION,
        revision: stored.revision,
        saved_at: stored.saved_at.map(instant),
        exported_revision: stored.exported_revision,
        exported_at: stored.exported_at.map(instant),
        based_on: stored.based_on.as_deref(),
        snapshot,
    }
}

/// Writes stored records, writing the data's own text once for every
/// record of the same data: its save, its version and its copy for Undo
/// import differ only in their history. Holds the last data's text, and the
/// data only weakly: it keeps no data alive, and while it is held no other
/// data can take the same place in memory and be mistaken for it.
#[derive(Default)]
pub struct Encoder {
    last: Option<(Weak<Snapshot>, String)>,
}

impl Encoder {
    /// The same text as [`encode`].
    pub fn encode(&mut self, stored: &Stored) -> String {
        match &self.last {
            Some((data, text)) if std::ptr::eq(data.as_ptr(), Arc::as_ptr(&stored.snapshot)) => {
                around(stored, text)
            }
            _ => {
                let text = write_text(&*stored.snapshot, Layout::compact());
                let record = around(stored, &text);
                self.last = (!text.is_empty()).then(|| (Arc::downgrade(&stored.snapshot), text));
                record
            }
        }
    }
}

/// What loading at start found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first visit, or after the data was cleared.
    FirstVisit,
    /// The stored data, read as it was.
    Loaded(Stored),
    /// The stored data, written by an older version and brought up to date.
    Migrated { stored: Stored, from_version: u64 },
    /// The stored text cannot be read. It must be kept aside, not overwritten.
    Corrupt { raw: String, error: ImportError },
}

/// Decides what the stored text (if any) holds.
pub fn load(raw: Option<&str>) -> Loaded {
    match raw {
        None => Loaded::FirstVisit,
        Some(raw) => loaded(raw, decode(raw)),
    }
}

/// What the stored text `raw` holds, given how it decoded: the app reads it
/// quickly first, and only fetches the careful reader when it must.
pub fn loaded(raw: &str, decoded: Result<(Stored, u64), ImportError>) -> Loaded {
    match decoded {
        Ok((stored, from_version)) if from_version < VERSION => Loaded::Migrated {
            stored,
            from_version,
        },
        Ok((stored, _)) => Loaded::Loaded(stored),
        Err(error) => Loaded::Corrupt {
            raw: raw.to_owned(),
            error,
        },
    }
}

/// Reads a stored record and the version it was written in: quickly where
/// it can, carefully where it must (see [`crate::file::format`]).
pub fn decode(raw: &str) -> Result<(Stored, u64), ImportError> {
    decode_quick(raw).or_else(|quick| quick.or_careful(|| decode_careful(raw)))
}

/// Reads a stored record of this version straight into the model, as
/// [`import_quick`](crate::file::format::import_quick) reads a file.
pub fn decode_quick(raw: &str) -> Result<(Stored, u64), QuickError> {
    let (head, snapshot) = quick_envelope(raw, STORE_TYPE)?;
    let snapshot = read_straight(snapshot)?;
    Ok((stored(snapshot, &head), VERSION))
}

/// Reads a stored record carefully, migrating older versions, as
/// [`import_careful`](crate::file::format::import_careful) reads a file.
pub fn decode_careful(raw: &str) -> Result<(Stored, u64), ImportError> {
    let (mut object, version) = open_envelope(raw, STORE_TYPE)?;
    let raw_snapshot = object.remove("snapshot").ok_or(ImportError::NoSnapshot)?;
    let snapshot = read_snapshot(raw_snapshot, version, "snapshot")?;
    Ok((stored(snapshot, &object), version))
}

/// `snapshot` with the save history the record's other fields (`head`) give.
fn stored(snapshot: Snapshot, head: &Map<String, Json>) -> Stored {
    Stored {
        revision: head.get("revision").and_then(Json::as_u64).unwrap_or(0),
        saved_at: read_instant(head, "saved_at"),
        exported_revision: head.get("exported_revision").and_then(Json::as_u64),
        exported_at: read_instant(head, "exported_at"),
        based_on: crate::file::fingerprint::read_field(head, "based_on"),
        snapshot: Arc::new(snapshot),
    }
}

/// Only the revision of a stored record, cheaply, for the two-tab check.
/// `None` when nothing usable is stored.
pub fn stored_revision(raw: Option<&str>) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        #[serde(rename = "type")]
        kind: String,
        revision: u64,
    }
    let head: Head = serde_json::from_str(raw?).ok()?;
    (head.kind == STORE_TYPE).then_some(head.revision)
}

/// What to do before writing revision `ours + 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavePlan {
    /// Storage holds what this tab last saw (or nothing): write.
    Write,
    /// Another tab saved revision `theirs` since: do not overwrite it.
    Conflict { theirs: u64 },
}

/// Compares what storage holds now with the revision this tab last saw.
pub fn plan_save(raw_now: Option<&str>, ours: u64) -> SavePlan {
    plan_save_after(stored_revision(raw_now), ours)
}

/// [`plan_save`] where the latest stored revision is known without the record.
pub fn plan_save_after(theirs: Option<u64>, ours: u64) -> SavePlan {
    match theirs {
        Some(theirs) if theirs > ours => SavePlan::Conflict { theirs },
        _ => SavePlan::Write,
    }
}

/// The small local-storage key that other tabs watch where the records are
/// kept in IndexedDB (which tells no other tab of a change): the revision
/// of the snapshot just saved, written as each save starts.
pub const REVISION_KEY: &str = "scrutineer.snapshot.revision";

/// The keys of the bulk records, each one string: kept in IndexedDB where
/// the browser has it, else in local storage.
pub const RECORD_KEYS: [&str; 3] = [KEY, BEFORE_IMPORT_KEY, CORRUPT_KEY];

/// The revision written under [`REVISION_KEY`].
pub fn read_revision(text: Option<&str>) -> Option<u64> {
    text?.trim().parse().ok()
}

/// What to do with a record found in local storage when the records are
/// kept in IndexedDB (the first visit since they moved, or a tab of an
/// older version that still writes local storage).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Nothing is in local storage under the key.
    Nothing,
    /// Copy it into the database, read it back, and only when the two
    /// agree remove it from local storage.
    Copy,
    /// The database holds a newer snapshot: leave the old copy where it is
    /// (never deleted unread) and use the database's.
    KeepDatabase,
}

/// Whether the record under `key` in local storage (`local`) is moved into
/// the database, which holds `indexed`. Local storage is written only by a
/// version before the move (or a tab of one), so its copy is taken where the
/// database has none, holds the same, or (the snapshot) holds an earlier
/// revision than local storage's; otherwise the database's stands and the
/// other copy is left where it is, never deleted unread.
pub fn migration(key: &str, local: Option<&str>, indexed: Option<&str>) -> Move {
    match (local, indexed) {
        (None, _) => Move::Nothing,
        (Some(_), None) => Move::Copy,
        (Some(local), Some(indexed)) if local == indexed => Move::Copy,
        (Some(local), Some(indexed)) if key == KEY => {
            match (stored_revision(Some(local)), stored_revision(Some(indexed))) {
                (Some(later), Some(earlier)) if later > earlier => Move::Copy,
                _ => Move::KeepDatabase,
            }
        }
        (Some(_), Some(_)) => Move::KeepDatabase,
    }
}

/// A file name for an export: "lancashire-county-council-2019-06-30.json".
pub fn file_name(snapshot: &Snapshot) -> String {
    let slug = crate::text::slug(&snapshot.organisation);
    let slug = if slug.is_empty() { "scrutineer" } else { &slug };
    format!("{slug}-{}.json", snapshot.as_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_keeps_the_file_its_data_came_from() {
        let fingerprint = crate::file::fingerprint::of(&small());
        let stored = Stored {
            based_on: Some(fingerprint.clone()),
            ..Stored::unsaved(small()).next(small(), now())
        };
        let (read, _) = decode(&encode(&stored)).expect("reads");
        assert_eq!(read.based_on, Some(fingerprint));
        assert_eq!(read, stored);
        let (none, _) = decode(&encode(&Stored::unsaved(small()))).expect("reads");
        assert_eq!(none.based_on, None);
        assert!(!encode(&Stored::unsaved(small())).contains("based_on"));
    }

    /// The record as one serializer writes it, the data in its place: what
    /// `encode` wrote before it wrote the data's text once for every record.
    fn written_whole(stored: &Stored) -> String {
        serde_json::to_string(&record(stored, &*stored.snapshot)).expect("writes")
    }

    #[test]
    fn a_record_is_the_data_written_in_its_place_whatever_its_history() {
        let data = Arc::new(Snapshot::demo());
        let unsaved = Stored::unsaved(data.clone());
        let saved = unsaved.next(data.clone(), now());
        let histories = [
            unsaved.clone(),
            saved.clone(),
            saved.exported(now()),
            Stored {
                based_on: Some(crate::file::fingerprint::of(&data)),
                ..saved.exported(now())
            },
        ];
        let mut encoder = Encoder::default();
        for stored in &histories {
            let whole = written_whole(stored);
            assert_eq!(encode(stored), whole);
            // The same data again: its text is reused, and the record is the same.
            assert_eq!(encoder.encode(stored), whole);
            assert_eq!(decode(&whole).expect("reads").0, *stored);
        }
    }

    #[test]
    fn the_encoder_keeps_no_data_alive() {
        let mut encoder = Encoder::default();
        let data = Arc::new(small());
        let held = Arc::downgrade(&data);
        encoder.encode(&Stored::unsaved(data));
        assert!(held.upgrade().is_none(), "only the encoder would hold it");
    }

    #[test]
    fn the_encoder_writes_other_data_afresh_not_the_last_data_written() {
        let mut encoder = Encoder::default();
        let first = Stored::unsaved(small());
        assert_eq!(encoder.encode(&first), encode(&first));
        // Equal data in another allocation, then changed data: each its own text.
        let copy = Stored::unsaved(small());
        assert_eq!(encoder.encode(&copy), encode(&copy));
        let mut changed = small();
        changed.organisation = "Elsewhere Council".to_owned();
        let changed = first.next(changed, now());
        let record = encoder.encode(&changed);
        assert_eq!(record, encode(&changed));
        assert!(record.contains("Elsewhere Council"));
        assert_eq!(decode(&record).expect("reads").0, changed);
    }

    #[test]
    fn a_record_moves_from_local_storage_unless_the_database_holds_a_newer_snapshot() {
        let at = |revision: u64| {
            let mut stored = Stored::unsaved(small());
            for _ in 0..revision {
                stored = stored.next(small(), now());
            }
            encode(&stored)
        };
        assert_eq!(migration(KEY, None, Some(&at(2))), Move::Nothing);
        assert_eq!(migration(KEY, Some(&at(2)), None), Move::Copy);
        assert_eq!(migration(KEY, Some(&at(3)), Some(&at(2))), Move::Copy);
        assert_eq!(
            migration(KEY, Some(&at(2)), Some(&at(2))),
            Move::Copy,
            "the same"
        );
        assert_eq!(
            migration(KEY, Some(&at(2)), Some(&at(5))),
            Move::KeepDatabase
        );
        // The same revision told differently: the database's stands.
        let other = encode(&Stored::unsaved(small()).next(
            Snapshot::empty("Elsewhere", "Pack", chrono::NaiveDate::MIN),
            now(),
        ));
        assert_eq!(
            migration(KEY, Some(&other), Some(&at(1))),
            Move::KeepDatabase
        );
        // Unreadable text in local storage is moved as it is, to be kept aside.
        assert_eq!(migration(KEY, Some("garbage"), None), Move::Copy);
        assert_eq!(
            migration(KEY, Some("garbage"), Some(&at(1))),
            Move::KeepDatabase
        );
        assert_eq!(
            migration(KEY, Some(&at(1)), Some("garbage")),
            Move::KeepDatabase
        );
        assert_eq!(
            migration(BEFORE_IMPORT_KEY, Some("a"), Some("b")),
            Move::KeepDatabase
        );
        assert_eq!(
            migration(BEFORE_IMPORT_KEY, Some("a"), Some("a")),
            Move::Copy
        );
        assert_eq!(migration(CORRUPT_KEY, Some("a"), None), Move::Copy);
        assert_eq!(read_revision(Some(" 7 ")), Some(7));
        assert_eq!(read_revision(Some("x")), None);
        assert_eq!(
            plan_save_after(Some(7), 6),
            SavePlan::Conflict { theirs: 7 }
        );
        assert_eq!(plan_save_after(Some(6), 6), SavePlan::Write);
        assert_eq!(plan_save_after(None, 6), SavePlan::Write);
    }
    use chrono::NaiveDate;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2019-07-02T09:30:00Z")
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn small() -> Snapshot {
        Snapshot::empty(
            "Anytown Borough Council",
            "Overview and Scrutiny",
            NaiveDate::from_ymd_opt(2019, 6, 30).expect("date"),
        )
    }

    #[test]
    fn nothing_stored_is_a_first_visit() {
        assert_eq!(load(None), Loaded::FirstVisit);
    }

    #[test]
    fn a_saved_record_loads_with_its_history() {
        let stored = Stored::unsaved(small())
            .next(small(), now())
            .exported(now());
        assert_eq!(load(Some(&encode(&stored))), Loaded::Loaded(stored));
    }

    #[test]
    fn unreadable_text_is_corrupt_and_kept_whole() {
        for raw in [
            "{\"type\":\"scrutineer-store\",",
            "",
            "[]",
            "{\"type\":\"other\"}",
        ] {
            match load(Some(raw)) {
                Loaded::Corrupt { raw: kept, .. } => assert_eq!(kept, raw),
                other => panic!("{raw:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn a_version_1_record_is_migrated() {
        let raw = r#"{"type":"scrutineer-store","version":1,"revision":4,
            "snapshot":{"organisation":"A","title":"B","as_at":"2019-06-30"}}"#;
        match load(Some(raw)) {
            Loaded::Migrated {
                stored,
                from_version,
            } => {
                assert_eq!(from_version, 1);
                assert_eq!(stored.revision, 4);
                assert!(stored.snapshot.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_record_of_this_version_reads_quickly_as_carefully_and_an_older_one_carefully() {
        let stored = Stored::unsaved(Snapshot::demo())
            .next(Snapshot::demo(), now())
            .exported(now());
        let raw = encode(&stored);
        assert_eq!(decode_quick(&raw), Ok((stored.clone(), VERSION)));
        assert_eq!(decode_careful(&raw), Ok((stored, VERSION)));
        let v1 = r#"{"type":"scrutineer-store","version":1,"revision":4,
            "snapshot":{"organisation":"A","title":"B","as_at":"2019-06-30"}}"#;
        assert_eq!(decode_quick(v1), Err(QuickError::NeedsCareful));
        assert_eq!(decode(v1), decode_careful(v1));
        // A snapshot file is not a stored record, in the careful reader's words.
        let file = crate::file::format::export(&small(), now(), "0.1.0");
        let refused = decode_careful(&file).unwrap_err();
        assert_eq!(
            decode_quick(&file),
            Err(QuickError::Refused(refused.clone()))
        );
        assert_eq!(decode(&file), Err(refused));
    }

    #[test]
    fn the_export_reminder_follows_saves_and_exports() {
        let first = Stored::unsaved(small());
        assert!(!first.needs_export(), "untouched demo data needs no export");
        let saved = first.next(small(), now());
        assert!(saved.needs_export());
        let exported = saved.exported(now());
        assert!(!exported.needs_export());
        assert!(exported.next(small(), now()).needs_export());
    }

    #[test]
    fn a_newer_revision_from_another_tab_is_never_overwritten() {
        let stored = Stored::unsaved(small()).next(small(), now());
        let raw = encode(&stored.next(small(), now()));
        assert_eq!(plan_save(Some(&raw), 1), SavePlan::Conflict { theirs: 2 });
        assert_eq!(plan_save(Some(&raw), 2), SavePlan::Write);
        assert_eq!(plan_save(None, 0), SavePlan::Write);
        assert_eq!(plan_save(Some("not json"), 3), SavePlan::Write);
    }

    #[test]
    fn file_names_come_from_organisation_and_date() {
        assert_eq!(
            file_name(&small()),
            "anytown-borough-council-2019-06-30.json"
        );
        let mut odd = small();
        odd.organisation = "  St. Helens' Council!  ".into();
        assert_eq!(file_name(&odd), "st-helens-council-2019-06-30.json");
        odd.organisation = "***".into();
        assert_eq!(file_name(&odd), "scrutineer-2019-06-30.json");
    }
}
