//! Versions kept in this browser: the data as it was before each import,
//! each "start empty", each return to the demo and each restore, and as
//! each download wrote it, so any of them can be looked at, compared with
//! or restored.
//!
//! Each version is the stored record's compact text kept under its own key
//! ([`body_key`]); an index ([`INDEX_KEY`]) lists them, oldest first, with
//! what the Data page shows. Both are written in one transaction, one keep
//! at a time. An index that cannot be read is never written over: nothing
//! more is kept until the person removes the versions ([`Index::read`]). A
//! new version's id is past every id in the index and every version key in
//! storage ([`Index::next_id`]), so no version's text is ever written over.
//!
//! What to drop ([`Index::keep`]): as many are kept as storage allows, up
//! to [`MOST_KEPT`], within the room left after the data's own record and
//! its copies ([`room_for_versions`]), the oldest dropped first; never a
//! version holding changes that were never exported (the only copy of
//! someone's work), and the same data is kept once.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::snapshot::{count_of, Snapshot};

/// The index's key.
pub const INDEX_KEY: &str = "scrutineer.versions";
/// What every version's key starts with.
pub const BODY_PREFIX: &str = "scrutineer.version.";
/// The most versions kept, however much room there is.
pub const MOST_KEPT: usize = 30;

/// The key a version's text is kept under.
pub fn body_key(id: u64) -> String {
    format!("{BODY_PREFIX}{id}")
}

/// The id of a version's key, for a key that is one.
pub fn id_of_key(key: &str) -> Option<u64> {
    key.strip_prefix(BODY_PREFIX)?.parse().ok()
}

/// Why a version was kept. Written as `{"kind": "before_import", "file":
/// "Q3.json"}`, the file only where the kind has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CauseRecord", into = "CauseRecord")]
pub enum Cause {
    /// The data before a file was opened over it.
    BeforeImport { file: String },
    /// The data before a file was combined with it.
    BeforeCombine { file: String },
    /// The data before starting with an empty workspace.
    BeforeStartEmpty,
    /// The data before the demo was brought back over it.
    BeforeDemo,
    /// The data before a version was restored over it.
    BeforeRestore,
    /// The data as a download (or a share) wrote it.
    Downloaded { file: String },
    /// A file as it was opened: what later files saved from it, or from
    /// another copy of it, were based on (so that they can be combined).
    Opened { file: String },
    /// A file as it was combined with the data open then.
    CombinedIn { file: String },
}

/// A cause as it is written: a flat record, read and written by serde's
/// plain struct code. (Serde's internally tagged enum buffers every field of
/// every record before it looks at the kind: its reader alone was 12 KB of
/// the app's first load.)
#[derive(Serialize, Deserialize)]
struct CauseRecord {
    kind: CauseKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<String>,
}

/// A cause's kind, written by its name (`"before_import"`) and read only
/// from text, as the tagged enum read its tag.
#[derive(Clone, Copy)]
enum CauseKind {
    BeforeImport,
    BeforeCombine,
    BeforeStartEmpty,
    BeforeDemo,
    BeforeRestore,
    Downloaded,
    Opened,
    CombinedIn,
}

impl CauseKind {
    const ALL: [CauseKind; 8] = [
        CauseKind::BeforeImport,
        CauseKind::BeforeCombine,
        CauseKind::BeforeStartEmpty,
        CauseKind::BeforeDemo,
        CauseKind::BeforeRestore,
        CauseKind::Downloaded,
        CauseKind::Opened,
        CauseKind::CombinedIn,
    ];
    /// The names, in the order of [`CauseKind::ALL`].
    const NAMES: [&'static str; 8] = [
        "before_import",
        "before_combine",
        "before_start_empty",
        "before_demo",
        "before_restore",
        "downloaded",
        "opened",
        "combined_in",
    ];

    fn name(self) -> &'static str {
        CauseKind::NAMES[self as usize]
    }
}

impl Serialize for CauseKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for CauseKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CauseKind, D::Error> {
        let name = String::deserialize(d)?;
        CauseKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, &CauseKind::NAMES))
    }
}

impl From<Cause> for CauseRecord {
    fn from(cause: Cause) -> CauseRecord {
        let (kind, file) = match cause {
            Cause::BeforeImport { file } => (CauseKind::BeforeImport, Some(file)),
            Cause::BeforeCombine { file } => (CauseKind::BeforeCombine, Some(file)),
            Cause::BeforeStartEmpty => (CauseKind::BeforeStartEmpty, None),
            Cause::BeforeDemo => (CauseKind::BeforeDemo, None),
            Cause::BeforeRestore => (CauseKind::BeforeRestore, None),
            Cause::Downloaded { file } => (CauseKind::Downloaded, Some(file)),
            Cause::Opened { file } => (CauseKind::Opened, Some(file)),
            Cause::CombinedIn { file } => (CauseKind::CombinedIn, Some(file)),
        };
        CauseRecord { kind, file }
    }
}

impl TryFrom<CauseRecord> for Cause {
    type Error = &'static str;

    /// A kind that names a file needs its file as text. A kind without one
    /// ignores a stray file in text or `null`, as the tagged enum did; one of
    /// another type (a number, a list) it refuses, where the tagged enum
    /// ignored it. Scrutineer never writes a file for such a kind.
    fn try_from(record: CauseRecord) -> Result<Cause, &'static str> {
        let file = move || record.file.ok_or("missing field `file`");
        Ok(match record.kind {
            CauseKind::BeforeImport => Cause::BeforeImport { file: file()? },
            CauseKind::BeforeCombine => Cause::BeforeCombine { file: file()? },
            CauseKind::BeforeStartEmpty => Cause::BeforeStartEmpty,
            CauseKind::BeforeDemo => Cause::BeforeDemo,
            CauseKind::BeforeRestore => Cause::BeforeRestore,
            CauseKind::Downloaded => Cause::Downloaded { file: file()? },
            CauseKind::Opened => Cause::Opened { file: file()? },
            CauseKind::CombinedIn => Cause::CombinedIn { file: file()? },
        })
    }
}

impl Cause {
    /// "Before “Q3.json” was opened", "Downloaded as “x.json”".
    pub fn words(&self) -> String {
        match self {
            Cause::BeforeImport { file } => format!("Before \u{201c}{file}\u{201d} was opened"),
            Cause::BeforeCombine { file } => {
                format!("Before \u{201c}{file}\u{201d} was combined with it")
            }
            Cause::BeforeStartEmpty => "Before starting with an empty workspace".to_owned(),
            Cause::BeforeDemo => "Before the demo data was brought back".to_owned(),
            Cause::BeforeRestore => "Before a version was restored".to_owned(),
            Cause::Downloaded { file } => format!("Downloaded as \u{201c}{file}\u{201d}"),
            Cause::Opened { file } => format!("Opened from \u{201c}{file}\u{201d}"),
            Cause::CombinedIn { file } => {
                format!("\u{201c}{file}\u{201d} as it was combined in")
            }
        }
    }
}

/// One version, as the index lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub id: u64,
    #[serde(deserialize_with = "crate::dates::serde_read::instant")]
    pub kept_at: DateTime<Utc>,
    pub cause: Cause,
    pub organisation: String,
    #[serde(deserialize_with = "crate::dates::serde_read::date")]
    pub as_at: NaiveDate,
    /// The length of its text.
    pub bytes: u64,
    /// Whether this data is held elsewhere too: exported (downloaded or
    /// shared) as it is, the built-in demo, or an empty pack. If not, this
    /// may be the only copy of its changes, and it is never dropped.
    pub exported: bool,
    /// Its data's fingerprint (`file::fingerprint::of`): the same data is
    /// kept once.
    pub fingerprint: String,
}

impl Kept {
    /// A version of `snapshot` (with `fingerprint`) kept at `at` for
    /// `cause`, its text `bytes` long.
    pub fn new(
        id: u64,
        at: DateTime<Utc>,
        cause: Cause,
        snapshot: &Snapshot,
        fingerprint: String,
        bytes: usize,
        exported: bool,
    ) -> Kept {
        Kept {
            id,
            kept_at: at,
            cause,
            organisation: snapshot.organisation.clone(),
            as_at: snapshot.as_at,
            bytes: bytes as u64,
            exported,
            fingerprint,
        }
    }

    /// How the compare page names it: "the version kept on 2 December 2026
    /// at 09:30 (before “Q3.json” was opened)".
    pub fn name(&self, when: &str) -> String {
        let cause = self.cause.words();
        let mut first = cause.chars();
        let cause = match first.next() {
            Some(c) => c.to_lowercase().collect::<String>() + first.as_str(),
            None => cause,
        };
        format!("the version kept {when} ({cause})")
    }
}

/// Whether `snapshot` is held elsewhere whatever happens to its version:
/// the built-in demo, or a pack with nothing in it but its details (as
/// starting empty makes it). Service areas or sources typed in are work.
pub fn held_elsewhere(snapshot: &Snapshot, showing_demo: bool) -> bool {
    showing_demo
        || (snapshot.indicators.is_empty()
            && snapshot.register.is_empty()
            && snapshot.complaints.is_empty()
            && snapshot.service_areas.is_empty()
            && snapshot.sources.is_empty())
}

/// The index of versions, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub kept: Vec<Kept>,
    /// The highest id ever given (gone or not), so that an id is never
    /// given twice: a list on screen from before names no other version.
    #[serde(default)]
    pub last_id: u64,
}

/// The stored index could not be read: it is left as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// What keeping a version comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Write the version's text and this index, and delete these versions.
    Write { index: Index, drop: Vec<u64> },
    /// The same data is kept already: write this index (its mark of
    /// whether it was exported brought up to date), nothing else.
    Held { index: Index },
    /// There is no room for it, even with every version that may go gone.
    NoRoom,
}

impl Index {
    /// The index as stored: none stored is an empty index; one that cannot
    /// be read is [`Unreadable`], to be left alone, not written over.
    pub fn read(text: Option<&str>) -> Result<Index, Unreadable> {
        match text {
            None => Ok(Index::default()),
            Some(t) => serde_json::from_str(t).map_err(|_| Unreadable),
        }
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The id a new version gets: past every id in the index and every
    /// version key in storage (`stored`), so no text is written over.
    pub fn next_id(&self, stored: &[u64]) -> u64 {
        self.kept
            .iter()
            .map(|k| k.id)
            .chain(stored.iter().copied())
            .chain([self.last_id])
            .max()
            .map_or(1, |id| id + 1)
    }

    /// `version` as this index lists it, if it is still kept: the same id,
    /// time and data (a list read earlier may be out of date).
    pub fn find(&self, version: &Kept) -> Option<&Kept> {
        self.kept.iter().find(|k| {
            (k.id, k.kept_at, &k.fingerprint) == (version.id, version.kept_at, &version.fingerprint)
        })
    }

    /// The room the versions take.
    pub fn bytes(&self) -> u64 {
        self.kept.iter().map(|k| k.bytes).sum()
    }

    /// "3 versions, 1.2 MB".
    pub fn summary(&self) -> String {
        format!(
            "{}, {}",
            count_of(self.kept.len(), "version", "versions"),
            size(self.bytes())
        )
    }

    /// Keeping `new` within `room` bytes for all the versions: dropping the
    /// oldest that may go (see [`Index::drop_order`]) past [`MOST_KEPT`]
    /// or past `room`. The same data kept already is kept once, marked
    /// exported if either was.
    pub fn keep(&self, new: Kept, room: u64) -> Keep {
        if let Some(held) = self
            .kept
            .iter()
            .position(|k| k.fingerprint == new.fingerprint)
        {
            let mut index = self.clone();
            index.kept[held].exported |= new.exported;
            return Keep::Held { index };
        }
        let mut next = self.clone();
        let id = new.id;
        next.last_id = next.last_id.max(id);
        next.kept.push(new);
        let mut drop = vec![];
        for old in next.drop_order() {
            if next.kept.len() <= MOST_KEPT && next.bytes() <= room {
                break;
            }
            if old == id {
                continue;
            }
            drop.push(old);
            next.kept.retain(|k| k.id != old);
        }
        if next.kept.len() > MOST_KEPT || next.bytes() > room {
            return Keep::NoRoom;
        }
        Keep::Write { index: next, drop }
    }

    /// This index with the versions holding data with `fingerprint` marked
    /// exported (a download of data already kept).
    pub fn exported(&self, fingerprint: &str) -> Index {
        let mut index = self.clone();
        for k in index
            .kept
            .iter_mut()
            .filter(|k| k.fingerprint == fingerprint)
        {
            k.exported = true;
        }
        index
    }

    /// This index without `ids`.
    pub fn without(&self, ids: &[u64]) -> Index {
        Index {
            kept: self
                .kept
                .iter()
                .filter(|k| !ids.contains(&k.id))
                .cloned()
                .collect(),
            last_id: self.last_id,
        }
    }

    /// Which versions may be dropped to make room, in the order to drop
    /// them: oldest first, never one holding changes never exported.
    pub fn drop_order(&self) -> Vec<u64> {
        let mut order: Vec<&Kept> = self.kept.iter().filter(|k| k.exported).collect();
        crate::sort::by(&mut order, |a, b| {
            a.kept_at.cmp(&b.kept_at).then(a.id.cmp(&b.id))
        });
        order.into_iter().map(|k| k.id).collect()
    }
}

/// The room the versions may take in all: what the browser allows this
/// site (`quota`) less what it uses (`usage`) other than the versions
/// (`versions`), less room for the data's own record three times over
/// (`record`: the record, the copy kept for Undo import, and a save in
/// progress) and a margin of 1 MB, so that keeping versions never stops
/// the data itself being saved.
pub fn room_for_versions(quota: u64, usage: u64, versions: u64, record: u64) -> u64 {
    let others = usage.saturating_sub(versions);
    quota
        .saturating_sub(others)
        .saturating_sub(record.saturating_mul(3))
        .saturating_sub(1_000_000)
}

/// "1.2 MB", "640 KB".
pub fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: u64 = u64::MAX;

    fn kept(id: u64, minutes: i64, exported: bool) -> Kept {
        let mut demo = Snapshot::demo();
        demo.title = format!("Version {id}");
        let fingerprint = crate::file::fingerprint::of(&demo);
        Kept::new(
            id,
            DateTime::UNIX_EPOCH + chrono::Duration::minutes(minutes),
            Cause::Downloaded {
                file: format!("{id}.json"),
            },
            &demo,
            fingerprint,
            1_000,
            exported,
        )
    }

    fn ids(index: &Index) -> Vec<u64> {
        index.kept.iter().map(|k| k.id).collect()
    }

    #[test]
    fn the_oldest_exported_go_first_and_never_the_only_copy_of_unexported_changes() {
        let index = Index {
            kept: vec![
                kept(1, 0, false),
                kept(2, 1, true),
                kept(3, 2, true),
                kept(4, 3, true),
            ],
            last_id: 0,
        };
        assert_eq!(index.drop_order(), vec![2, 3, 4], "1 is unexported");
    }

    #[test]
    fn past_the_most_kept_the_oldest_that_may_go_goes() {
        let mut index = Index::default();
        for id in 1..=MOST_KEPT as u64 {
            index.kept.push(kept(id, id as i64, id != 1));
        }
        let Keep::Write { index: next, drop } = index.keep(kept(99, 1_000, true), ROOM) else {
            panic!("not kept");
        };
        assert_eq!(drop, vec![2], "1 holds unexported changes");
        assert_eq!(next.kept.len(), MOST_KEPT);
        assert!(ids(&next).contains(&1) && ids(&next).contains(&99));
        // Within the most, nothing goes.
        let Keep::Write { index: small, drop } = Index::default().keep(kept(1, 0, true), ROOM)
        else {
            panic!("not kept");
        };
        assert_eq!((small.kept.len(), drop), (1, vec![]));
    }

    #[test]
    fn within_the_room_left_the_oldest_go_and_where_nothing_may_go_it_is_not_kept() {
        let index = Index {
            kept: vec![kept(1, 0, true), kept(2, 1, false), kept(3, 2, true)],
            last_id: 0,
        };
        // Room for three of 1,000 bytes: the oldest exported goes.
        let Keep::Write { index: next, drop } = index.keep(kept(4, 3, false), 3_000) else {
            panic!("not kept");
        };
        assert_eq!(drop, vec![1]);
        assert_eq!(ids(&next), vec![2, 3, 4]);
        // Room for one: the two unexported cannot go, so the new one is not kept.
        assert_eq!(index.keep(kept(4, 3, false), 1_000), Keep::NoRoom);
        // An exported one may be dropped to make room, but not itself.
        assert_eq!(Index::default().keep(kept(1, 0, true), 999), Keep::NoRoom);
    }

    #[test]
    fn the_same_data_is_kept_once_and_a_download_marks_it_exported() {
        let index = Index {
            kept: vec![kept(1, 0, false)],
            last_id: 0,
        };
        let again = Kept {
            id: 2,
            exported: true,
            ..kept(1, 5, true)
        };
        let Keep::Held { index: held } = index.keep(again, ROOM) else {
            panic!("kept twice");
        };
        assert_eq!(ids(&held), vec![1]);
        assert!(held.kept[0].exported, "a download of it marks it exported");
        let fingerprint = index.kept[0].fingerprint.clone();
        assert!(index.exported(&fingerprint).kept[0].exported);
        assert!(!index.exported("other").kept[0].exported);
    }

    #[test]
    fn an_unreadable_index_is_not_taken_for_an_empty_one_and_ids_are_never_used_again() {
        let index = Index {
            kept: vec![kept(1, 0, false), kept(7, 1, true)],
            last_id: 0,
        };
        assert_eq!(Index::read(Some(&index.write())), Ok(index.clone()));
        assert_eq!(Index::read(Some("not json")), Err(Unreadable));
        assert_eq!(Index::read(None), Ok(Index::default()));
        assert_eq!(index.next_id(&[]), 8);
        assert_eq!(
            index.next_id(&[3, 12]),
            13,
            "a text kept under 12 is not written over"
        );
        assert_eq!(Index::default().next_id(&[]), 1);
        assert_eq!(index.without(&[1]).kept.len(), 1);
        // The newest removed, its id is not given again: a list read before
        // the removal names no version kept after it.
        let Keep::Write { index: more, .. } = index.keep(kept(8, 2, true), ROOM) else {
            panic!("not kept");
        };
        let fewer = more.without(&[8]);
        assert_eq!(fewer.next_id(&[1, 7]), 9);
        assert_eq!(Index::read(Some(&fewer.write())), Ok(fewer.clone()));
        // An index written before ids were recorded still reads.
        assert_eq!(Index::read(Some(r#"{"kept":[]}"#)), Ok(Index::default()));
        // A version is found only while the same one is kept.
        let listed = more.kept[2].clone();
        assert_eq!(more.find(&listed), Some(&listed));
        assert_eq!(fewer.find(&listed), None);
        let other = Kept {
            kept_at: listed.kept_at + chrono::Duration::minutes(1),
            ..listed.clone()
        };
        assert_eq!(more.find(&other), None);
        assert_eq!(id_of_key(&body_key(42)), Some(42));
        assert_eq!(id_of_key(INDEX_KEY), None);
        assert_eq!(id_of_key("scrutineer.version.x"), None);
    }

    #[test]
    fn the_room_for_versions_leaves_the_data_room_to_be_saved() {
        // 100 MB allowed, 20 MB used of which 12 MB are versions, a 5 MB record.
        assert_eq!(
            room_for_versions(100_000_000, 20_000_000, 12_000_000, 5_000_000),
            100_000_000 - 8_000_000 - 15_000_000 - 1_000_000
        );
        assert_eq!(room_for_versions(10_000_000, 9_000_000, 0, 5_000_000), 0);
    }

    #[test]
    fn the_demo_and_an_empty_pack_are_held_elsewhere() {
        let demo = Snapshot::demo();
        assert!(held_elsewhere(&demo, true));
        assert!(!held_elsewhere(&demo, false));
        let mut empty = demo.clone();
        empty.indicators = Default::default();
        empty.register = Default::default();
        empty.complaints = Default::default();
        assert!(
            !held_elsewhere(&empty, false),
            "its service areas and sources are work"
        );
        empty.service_areas = Default::default();
        empty.sources = Default::default();
        assert!(held_elsewhere(&empty, false));
    }

    #[test]
    fn sizes_counts_and_names_read_as_a_person_says_them() {
        assert_eq!(size(640_100), "641 KB");
        assert_eq!(size(5_800_000), "5.8 MB");
        let index = Index {
            kept: vec![kept(1, 0, true), kept(2, 1, true)],
            last_id: 0,
        };
        assert_eq!(index.summary(), "2 versions, 2 KB");
        let before = Kept {
            cause: Cause::BeforeImport {
                file: "Q3.json".into(),
            },
            ..kept(3, 0, false)
        };
        assert_eq!(
            before.name("on 2 December 2026 at 09:30"),
            "the version kept on 2 December 2026 at 09:30 (before “Q3.json” was opened)"
        );
        let file = || "Q3.json".to_owned();
        assert_eq!(
            Cause::Opened { file: file() }.words(),
            "Opened from “Q3.json”"
        );
        assert_eq!(
            Cause::CombinedIn { file: file() }.words(),
            "“Q3.json” as it was combined in"
        );
        assert_eq!(
            serde_json::to_string(&Cause::Opened { file: file() })
                .ok()
                .as_deref(),
            Some(r#"{"kind":"opened","file":"Q3.json"}"#)
        );
    }

    /// The enum as it was written before its flat record: serde's internally
    /// tagged derive, which every version kept so far was written by.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        BeforeImport { file: String },
        BeforeCombine { file: String },
        BeforeStartEmpty,
        BeforeDemo,
        BeforeRestore,
        Downloaded { file: String },
        Opened { file: String },
        CombinedIn { file: String },
    }

    #[test]
    fn a_cause_is_written_and_read_as_the_tagged_enum_wrote_and_read_it() {
        let file = || "Q3 \u{201c}final\u{201d}.json".to_owned();
        let pairs = [
            (
                Cause::BeforeImport { file: file() },
                Tagged::BeforeImport { file: file() },
            ),
            (
                Cause::BeforeCombine { file: file() },
                Tagged::BeforeCombine { file: file() },
            ),
            (Cause::BeforeStartEmpty, Tagged::BeforeStartEmpty),
            (Cause::BeforeDemo, Tagged::BeforeDemo),
            (Cause::BeforeRestore, Tagged::BeforeRestore),
            (
                Cause::Downloaded { file: file() },
                Tagged::Downloaded { file: file() },
            ),
            (
                Cause::Opened { file: file() },
                Tagged::Opened { file: file() },
            ),
            (
                Cause::CombinedIn { file: file() },
                Tagged::CombinedIn { file: file() },
            ),
        ];
        for (cause, tagged) in &pairs {
            let written = serde_json::to_string(cause).expect("writes");
            assert_eq!(written, serde_json::to_string(tagged).expect("writes"));
            assert_eq!(
                serde_json::from_str::<Cause>(&written).ok().as_ref(),
                Some(cause)
            );
        }
        // Records as a hand, an older build or a damaged store may have them:
        // each is read, or refused, as the tagged enum read or refused it.
        let records = [
            r#"{"file":"a.json","kind":"opened"}"#,
            r#"{"kind":"opened"}"#,
            r#"{"kind":"opened","file":null}"#,
            r#"{"kind":"opened","file":7}"#,
            r#"{"kind":{"opened":null},"file":"a.json"}"#,
            r#"{"kind":{"before_demo":null}}"#,
            r#"{"kind":["opened"],"file":"a.json"}"#,
            r#"{"kind":"before_demo","file":null}"#,
            r#"{"kind":"before_demo","file":"a.json"}"#,
            r#"{"kind":"before_demo","colour":"red"}"#,
            r#"{"kind":"downloaded","file":"a.json","extra":[1,2]}"#,
            r#"{"kind":"Opened","file":"a.json"}"#,
            r#"{"kind":"lost","file":"a.json"}"#,
            r#"{"file":"a.json"}"#,
            r#"{"kind":7}"#,
            r#"{}"#,
            r#"[]"#,
            r#"["opened","a.json"]"#,
            r#"["before_demo"]"#,
            r#""opened""#,
            r#"null"#,
        ];
        for record in records {
            let now = serde_json::from_str::<Cause>(record)
                .ok()
                .map(|c| serde_json::to_string(&c).ok());
            let then = serde_json::from_str::<Tagged>(record)
                .ok()
                .map(|t| serde_json::to_string(&t).ok());
            assert_eq!(now, then, "{record}");
        }
        assert!(serde_json::from_str::<Cause>(r#"{"kind":"opened"}"#).is_err());
        // The one difference: a stray file of another type than text, on a
        // kind without a file, is refused where the tagged enum ignored it.
        let stray = r#"{"kind":"before_demo","file":7}"#;
        assert!(serde_json::from_str::<Tagged>(stray).is_ok());
        assert!(serde_json::from_str::<Cause>(stray).is_err());
    }
}
