//! Whether the data on screen is being kept, and its save history, with the
//! words the Data page says about them. The app's workspace holds these and
//! changes them as it saves; the decisions and wording are here, tested.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::snapshot::Snapshot;
use crate::file::store::{self, Stored};

/// Whether changes are being kept, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    /// Each change is saved in this browser.
    Saving,
    /// The browser gives no storage: changes last only while the tab is open.
    Unavailable,
    /// The browser's storage is full: the last change is only in this tab.
    Full,
    /// The stored data could not be read; it is kept aside and nothing is
    /// saved over it until the user decides.
    HoldingUnreadable,
    /// Another tab saved revision `theirs`, newer than this tab's.
    Conflict { theirs: u64 },
}

/// The save history of the data on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub revision: u64,
    pub saved_at: Option<DateTime<Utc>>,
    pub exported_revision: Option<u64>,
    pub exported_at: Option<DateTime<Utc>>,
    /// The fingerprint of the file the data was last opened from or saved as.
    pub based_on: Option<String>,
}

impl Meta {
    /// The history of a stored record.
    pub fn of(stored: &Stored) -> Meta {
        Meta {
            revision: stored.revision,
            saved_at: stored.saved_at,
            exported_revision: stored.exported_revision,
            exported_at: stored.exported_at,
            based_on: stored.based_on.clone(),
        }
    }

    /// A record of `snapshot` with this history. The snapshot is shared, not
    /// copied.
    pub fn with(&self, snapshot: impl Into<Arc<Snapshot>>) -> Stored {
        Stored {
            revision: self.revision,
            saved_at: self.saved_at,
            exported_revision: self.exported_revision,
            exported_at: self.exported_at,
            based_on: self.based_on.clone(),
            snapshot: snapshot.into(),
        }
    }

    /// Changes no file holds yet.
    pub fn needs_export(&self) -> bool {
        store::needs_export(self.revision, self.exported_revision)
    }
}

/// "Saved": whether and when the data on screen was saved in this browser.
/// `label` words an instant in the reader's time zone.
pub fn saved_text(
    health: Health,
    meta: &Meta,
    showing_demo: bool,
    label: impl Fn(DateTime<Utc>) -> String,
) -> String {
    match health {
        Health::Unavailable => {
            "Not saved: this browser is not letting Scrutineer keep data.".to_owned()
        }
        Health::HoldingUnreadable => {
            "Not saved: the data saved earlier could not be read and is waiting for your decision."
                .to_owned()
        }
        Health::Conflict { theirs } => {
            format!("Not saved: another tab saved newer data (revision {theirs}).")
        }
        Health::Full if meta.revision > 0 => {
            "The last change is not saved: this browser's storage is full.".to_owned()
        }
        _ => match meta.saved_at {
            Some(at) => format!(
                "Saved in this browser, {} (revision {}).",
                label(at),
                meta.revision
            ),
            None if showing_demo => {
                "This is the built-in demo data. Your changes will be saved in this browser."
                    .to_owned()
            }
            None => "Not changed yet.".to_owned(),
        },
    }
}

/// "Last copy in a file": when the data was last exported, and whether the
/// file holds everything on screen.
pub fn exported_text(meta: &Meta, label: impl Fn(DateTime<Utc>) -> String) -> String {
    match meta.exported_at {
        Some(at) if meta.exported_revision == Some(meta.revision) => {
            format!("{}: it holds everything on screen.", label(at))
        }
        Some(at) => format!("{}: changes have been made since.", label(at)),
        None => "Never from this browser.".to_owned(),
    }
}

/// What the browser said when asked to keep the data when space runs low.
pub fn persisted_text(persisted: Option<bool>) -> &'static str {
    match persisted {
        Some(true) => " The browser has agreed to keep it even when space runs low.",
        Some(false) => " The browser may clear it if space runs low, so keep a downloaded copy.",
        None => "",
    }
}

/// What the Data page adds where the browser keeps the data in local
/// storage (IndexedDB could not be opened): that room is small.
pub fn place_text(in_local_storage: bool) -> &'static str {
    if in_local_storage {
        " This browser keeps it in local storage, which holds about 5 MB: a large pack, with the copy kept for undoing an import, may not fit."
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_storage_is_said_to_be_small_and_indexeddb_is_not_mentioned() {
        assert!(place_text(true).contains("about 5 MB"));
        assert_eq!(place_text(false), "");
    }

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2019-07-02T09:30:00Z")
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn label(t: DateTime<Utc>) -> String {
        t.format("%-d %B %Y at %H:%M").to_string()
    }

    fn saved(revision: u64) -> Meta {
        Meta {
            revision,
            saved_at: Some(at()),
            ..Meta::default()
        }
    }

    #[test]
    fn saved_says_when_and_which_revision_or_why_not() {
        assert_eq!(
            saved_text(Health::Saving, &saved(4), false, label),
            "Saved in this browser, 2 July 2019 at 09:30 (revision 4)."
        );
        assert_eq!(
            saved_text(Health::Saving, &Meta::default(), true, label),
            "This is the built-in demo data. Your changes will be saved in this browser."
        );
        assert_eq!(
            saved_text(Health::Saving, &Meta::default(), false, label),
            "Not changed yet."
        );
        assert_eq!(
            saved_text(Health::Conflict { theirs: 9 }, &saved(4), false, label),
            "Not saved: another tab saved newer data (revision 9)."
        );
        assert!(saved_text(Health::Unavailable, &saved(4), false, label)
            .starts_with("Not saved: this browser"));
        assert!(
            saved_text(Health::HoldingUnreadable, &saved(4), false, label)
                .contains("waiting for your decision")
        );
        assert_eq!(
            saved_text(Health::Full, &saved(4), false, label),
            "The last change is not saved: this browser's storage is full."
        );
        // Full before anything was saved: what was saved before still stands.
        assert_eq!(
            saved_text(Health::Full, &Meta::default(), false, label),
            "Not changed yet."
        );
    }

    #[test]
    fn the_last_copy_says_whether_it_holds_everything_on_screen() {
        let exported = Meta {
            exported_revision: Some(4),
            exported_at: Some(at()),
            ..saved(4)
        };
        assert_eq!(
            exported_text(&exported, label),
            "2 July 2019 at 09:30: it holds everything on screen."
        );
        assert!(!exported.needs_export());
        let changed = Meta {
            revision: 5,
            ..exported.clone()
        };
        assert_eq!(
            exported_text(&changed, label),
            "2 July 2019 at 09:30: changes have been made since."
        );
        assert!(changed.needs_export());
        assert_eq!(
            exported_text(&Meta::default(), label),
            "Never from this browser."
        );
    }

    #[test]
    fn a_record_keeps_its_history_through_meta() {
        let stored = saved(3).with(Snapshot::demo());
        assert_eq!(Meta::of(&stored), saved(3));
        assert_eq!(persisted_text(None), "");
        assert!(persisted_text(Some(false)).contains("keep a downloaded copy"));
    }
}
