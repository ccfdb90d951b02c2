//! The snapshot: everything one committee pack holds.
//!
//! This is the part every screen's header reads: whose data it is, what pack
//! it is, and the date it describes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::long_date;

/// One council's committee pack, as held in the browser and in a snapshot file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The council, e.g. "Lancashire County Council".
    pub organisation: String,
    /// What the pack is, e.g. "Cabinet Committee on Performance Improvement".
    pub title: String,
    /// The date the figures describe ("as at 30 June 2019").
    pub as_at: NaiveDate,
    /// Who prepared the pack, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<String>,
}

impl Snapshot {
    /// "as at 30 June 2019", as the header shows it.
    pub fn as_at_label(&self) -> String {
        format!("as at {}", long_date(self.as_at))
    }

    /// The seed council's pack: Lancashire County Council's Cabinet Committee on
    /// Performance Improvement, Quarter 1 2019/20 (seed pack 001).
    pub fn demo() -> Snapshot {
        Snapshot {
            organisation: "Lancashire County Council".to_owned(),
            title: "Cabinet Committee on Performance Improvement".to_owned(),
            as_at: NaiveDate::from_ymd_opt(2019, 6, 30).unwrap_or_default(),
            prepared_by: Some("Business Intelligence".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_describes_the_seed_council_at_the_end_of_q1_2019_20() {
        let demo = Snapshot::demo();
        assert_eq!(demo.organisation, "Lancashire County Council");
        assert_eq!(demo.as_at_label(), "as at 30 June 2019");
    }

    #[test]
    fn a_snapshot_round_trips_through_json() {
        let demo = Snapshot::demo();
        let json = serde_json::to_string(&demo).expect("serialises");
        let back: Snapshot = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, demo);
    }
}
