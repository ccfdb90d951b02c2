//! The Corporate Risk and Opportunity Register: entries, and each quarter's
//! assessment of them, so movement between quarters can be shown rather than
//! typed.
//!
//! Everything the pack prints for an entry can change from one quarter to the
//! next (even its title, when a number is re-used), so it lives on the
//! quarter's [`Assessment`]; the entry holds only what is permanent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::Period;
use super::risk::{EntryKind, Score};

/// One risk or opportunity, identified as the pack does: "CR1", "CO2".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RegisterEntry {
    pub id: String,
    pub kind: EntryKind,
    /// Each quarter's assessment, in any order.
    pub assessments: Vec<Assessment>,
    /// Set when the entry has left the register; it is kept for history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
    /// Changes made in Scrutineer with the reason given, oldest first: a
    /// marker dragged to another cell, a retirement, an edit with a reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryNote>,
}

/// One change to an entry and why it was made, as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HistoryNote {
    /// The day the change was made.
    #[serde(deserialize_with = "crate::dates::serde_read::date")]
    pub on: NaiveDate,
    /// The quarter whose assessment changed.
    pub period: Period,
    /// What changed, e.g. "Residual score moved from 12 (Major/Possible) to 8 (Major/Unlikely)".
    pub change: String,
    /// Why, in the words of whoever made it.
    pub reason: String,
}

/// What the register said about an entry in one quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The quarter, e.g. "Q2 2019/20".
    pub period: Period,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// "Economic", "People/Organisational": as the pack prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_type: Option<String>,
    /// Possible consequences (for an opportunity: possible benefits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<String>,
    /// Current controls (for an opportunity: progress to date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controls: Option<String>,
    /// The score before mitigating actions. `None` where the pack prints none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherent: Option<Score>,
    /// Mitigating (for an opportunity: maximising) actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<String>,
    /// The score after the actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<Score>,
    /// The score the owner aims for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Direction of travel and commentary, as the pack words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::serde_read::optional_date"
    )]
    pub next_review: Option<NaiveDate>,
    /// What the person who typed it in noticed: a garbled cell, a missing score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// When and why an entry left the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The first quarter it was no longer on the register.
    pub period: Period,
    pub reason: String,
}

impl Assessment {
    /// An assessment for `period` of an entry titled `title`, with nothing
    /// else recorded yet.
    pub fn new(period: Period, title: &str) -> Assessment {
        Assessment {
            period,
            title: title.to_owned(),
            description: None,
            risk_type: None,
            consequences: None,
            controls: None,
            inherent: None,
            actions: None,
            residual: None,
            target: None,
            owner: None,
            direction: None,
            next_review: None,
            notes: vec![],
            source: None,
        }
    }
}

impl RegisterEntry {
    /// The assessment for `period`, if the entry had one.
    pub fn assessment(&self, period: &Period) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.period == *period)
    }

    /// Whether the entry was on the register in `period`: assessed then, and
    /// not retired by then.
    pub fn on_register(&self, period: &Period) -> Option<&Assessment> {
        let retired = self
            .retired
            .as_ref()
            .is_some_and(|r| r.period.timeline_cmp(period).is_le());
        if retired {
            None
        } else {
            self.assessment(period)
        }
    }

    /// The most recent assessment.
    pub fn latest(&self) -> Option<&Assessment> {
        self.assessments
            .iter()
            .max_by(|a, b| a.period.timeline_cmp(&b.period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment(period: &str, title: &str, residual: &str) -> Assessment {
        Assessment {
            residual: Some(Score::parse(residual).expect("score")),
            ..Assessment::new(period.parse().expect("quarter"), title)
        }
    }

    #[test]
    fn the_latest_assessment_is_by_period_not_by_position() {
        let entry = RegisterEntry {
            id: "CR4".into(),
            kind: EntryKind::Risk,
            assessments: vec![
                assessment("Q2 2019/20", "Increase in demand", "16 Major/ Likely"),
                assessment("Q2 2018/19", "Recruit and retain", "16"),
            ],
            retired: None,
            history: vec![],
        };
        assert_eq!(
            entry.latest().map(|a| a.title.as_str()),
            Some("Increase in demand")
        );
        let earlier = entry
            .assessment(&"Q2 2018/19".parse().expect("quarter"))
            .expect("held");
        assert_eq!(earlier.title, "Recruit and retain");
        let json = serde_json::to_string(&entry).expect("serialises");
        assert_eq!(
            serde_json::from_str::<RegisterEntry>(&json).expect("parses"),
            entry
        );
    }
}
