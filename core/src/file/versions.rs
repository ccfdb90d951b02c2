//! Versions kept in this browser: the data as it was before each import,
//! each "start empty" and each restore, and as each download wrote it, so
//! any of them can be looked at, compared with or restored.
//!
//! Each version is a snapshot file's text kept under its own key
//! ([`body_key`]); an index ([`INDEX_KEY`]) lists them, oldest first, with
//! what the Data page shows. Both are written in one transaction. The rule
//! of what to drop ([`drop_order`]): as many are kept as storage allows, up
//! to [`MOST_KEPT`], the oldest dropped first, but never a version holding
//! changes that were never exported (the only copy of someone's work).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::snapshot::{count_of, Snapshot};

/// The index's key.
pub const INDEX_KEY: &str = "scrutineer.versions";
/// The most versions kept, however much room there is.
pub const MOST_KEPT: usize = 30;

/// The key a version's text is kept under.
pub fn body_key(id: u64) -> String {
    format!("scrutineer.version.{id}")
}

/// Why a version was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// The data before a file was opened over it.
    BeforeImport { file: String },
    /// The data before starting with an empty workspace.
    BeforeStartEmpty,
    /// The data before a version was restored over it.
    BeforeRestore,
    /// The data as a download wrote it.
    Downloaded { file: String },
}

impl Cause {
    /// "Before “Q3.json” was opened", "Downloaded as “x.json”".
    pub fn words(&self) -> String {
        match self {
            Cause::BeforeImport { file } => format!("Before \u{201c}{file}\u{201d} was opened"),
            Cause::BeforeStartEmpty => "Before starting with an empty workspace".to_owned(),
            Cause::BeforeRestore => "Before a version was restored".to_owned(),
            Cause::Downloaded { file } => format!("Downloaded as \u{201c}{file}\u{201d}"),
        }
    }
}

/// One version, as the index lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub id: u64,
    pub kept_at: DateTime<Utc>,
    pub cause: Cause,
    pub organisation: String,
    pub as_at: NaiveDate,
    /// The length of its text.
    pub bytes: u64,
    /// Whether a file holding this data was exported (downloaded or
    /// shared): if not, this may be the only copy of its changes.
    pub exported: bool,
    /// Its data's fingerprint (`file::fingerprint`), so the same data is
    /// not kept twice in a row.
    #[serde(default)]
    pub fingerprint: String,
}

impl Kept {
    /// A version of `snapshot` kept at `at` for `cause`, its text `bytes` long.
    pub fn new(
        id: u64,
        at: DateTime<Utc>,
        cause: Cause,
        snapshot: &Snapshot,
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
            fingerprint: crate::file::fingerprint::of(snapshot),
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

/// The index of versions, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub kept: Vec<Kept>,
}

impl Index {
    /// The index as stored; an index that cannot be read is empty (the
    /// versions' texts stay where they are and are not listed).
    pub fn read(text: Option<&str>) -> Index {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The id a new version gets: one more than any held.
    pub fn next_id(&self) -> u64 {
        self.kept.iter().map(|k| k.id).max().map_or(1, |id| id + 1)
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

    /// Whether the newest version already holds data with `fingerprint`
    /// (a second download of the same data): then it is not kept again.
    pub fn newest_holds(&self, fingerprint: &str) -> bool {
        self.kept
            .iter()
            .max_by_key(|k| (k.kept_at, k.id))
            .is_some_and(|k| k.fingerprint == fingerprint)
    }

    /// This index with `new` added, and which to drop to stay within
    /// [`MOST_KEPT`] (see [`drop_order`]).
    pub fn with(&self, new: Kept) -> (Index, Vec<u64>) {
        let mut next = self.clone();
        next.kept.push(new);
        let over = next.kept.len().saturating_sub(MOST_KEPT);
        let dropped: Vec<u64> = drop_order(&next).into_iter().take(over).collect();
        next.kept.retain(|k| !dropped.contains(&k.id));
        (next, dropped)
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
        }
    }
}

/// Which versions may be dropped to make room, in the order to drop them:
/// oldest first, never one holding changes never exported, and never the
/// newest (the one being kept).
pub fn drop_order(index: &Index) -> Vec<u64> {
    let newest = index.kept.iter().map(|k| k.id).max();
    let mut order: Vec<&Kept> = index
        .kept
        .iter()
        .filter(|k| k.exported && Some(k.id) != newest)
        .collect();
    crate::sort::by(&mut order, |a, b| {
        a.kept_at.cmp(&b.kept_at).then(a.id.cmp(&b.id))
    });
    order.into_iter().map(|k| k.id).collect()
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

    fn kept(id: u64, minutes: i64, exported: bool) -> Kept {
        Kept::new(
            id,
            DateTime::UNIX_EPOCH + chrono::Duration::minutes(minutes),
            Cause::Downloaded {
                file: format!("{id}.json"),
            },
            &Snapshot::demo(),
            1_000,
            exported,
        )
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
        };
        assert_eq!(
            drop_order(&index),
            vec![2, 3],
            "1 is unexported; 4 is the newest"
        );
    }

    #[test]
    fn past_the_most_kept_the_oldest_droppable_goes() {
        let mut index = Index::default();
        for id in 1..=MOST_KEPT as u64 {
            index.kept.push(kept(id, id as i64, id != 1));
        }
        let (next, dropped) = index.with(kept(99, 1_000, true));
        assert_eq!(dropped, vec![2], "1 holds unexported changes");
        assert_eq!(next.kept.len(), MOST_KEPT);
        assert!(next.kept.iter().any(|k| k.id == 1) && next.kept.iter().any(|k| k.id == 99));
        // Within the most, nothing goes.
        let (small, none) = Index::default().with(kept(1, 0, true));
        assert_eq!((small.kept.len(), none), (1, vec![]));
    }

    #[test]
    fn the_same_data_is_not_kept_twice_in_a_row() {
        let index = Index {
            kept: vec![kept(1, 0, true)],
        };
        assert!(index.newest_holds(&crate::file::fingerprint::of(&Snapshot::demo())));
        let mut other = Snapshot::demo();
        other.organisation = "Anytown".into();
        assert!(!index.newest_holds(&crate::file::fingerprint::of(&other)));
        assert!(!Index::default().newest_holds(&crate::file::fingerprint::of(&other)));
    }

    #[test]
    fn the_index_reads_back_and_an_unreadable_one_is_empty() {
        let index = Index {
            kept: vec![kept(1, 0, false), kept(7, 1, true)],
        };
        assert_eq!(Index::read(Some(&index.write())), index);
        assert_eq!(Index::read(Some("not json")), Index::default());
        assert_eq!(Index::read(None), Index::default());
        assert_eq!(index.next_id(), 8);
        assert_eq!(Index::default().next_id(), 1);
        assert_eq!(index.without(&[1]).kept.len(), 1);
    }

    #[test]
    fn sizes_counts_and_names_read_as_a_person_says_them() {
        assert_eq!(size(640_100), "641 KB");
        assert_eq!(size(5_800_000), "5.8 MB");
        let index = Index {
            kept: vec![kept(1, 0, true), kept(2, 1, true)],
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
    }
}
