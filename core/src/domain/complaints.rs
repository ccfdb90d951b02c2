//! Complaints and compliments as the statutory annual report gives them: one
//! set of figures per financial year and procedure.
//!
//! Every figure is optional: a report that does not give a figure leaves it
//! missing, never zero. Percentages are not stored; counts and their base are.

use serde::{Deserialize, Serialize};

use super::period::Period;

/// The complaints procedure a figure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    /// Adult social care statutory procedure: one stage, six months at most.
    AdultSocialCare,
    /// Children's social care statutory procedure (Children Act 1989): three stages.
    ChildrenStatutory,
    /// Children's services complaints outside the statutory procedure.
    ChildrenNonStatutory,
    /// Corporate complaints, following the Ombudsman's complaint handling code.
    Corporate,
}

impl Procedure {
    pub const ALL: [Procedure; 4] = [
        Procedure::AdultSocialCare,
        Procedure::ChildrenStatutory,
        Procedure::ChildrenNonStatutory,
        Procedure::Corporate,
    ];

    /// The procedure's name in a sentence: "adult social care".
    pub fn noun(self) -> &'static str {
        match self {
            Procedure::AdultSocialCare => "adult social care",
            Procedure::ChildrenStatutory => "children's social care",
            Procedure::ChildrenNonStatutory => "children's non-statutory",
            Procedure::Corporate => "corporate",
        }
    }

    /// The name used in files and addresses: "adult_social_care".
    pub fn key(self) -> &'static str {
        match self {
            Procedure::AdultSocialCare => "adult_social_care",
            Procedure::ChildrenStatutory => "children_statutory",
            Procedure::ChildrenNonStatutory => "children_non_statutory",
            Procedure::Corporate => "corporate",
        }
    }

    pub fn from_key(key: &str) -> Option<Procedure> {
        Procedure::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Procedure::AdultSocialCare => "Adult social care (statutory)",
            Procedure::ChildrenStatutory => "Children's social care (statutory)",
            Procedure::ChildrenNonStatutory => "Children's social care (non-statutory)",
            Procedure::Corporate => "Corporate (non-statutory)",
        }
    }

    /// The stages the procedure has, 0 (early resolution) first: adult
    /// social care one formal stage; the Children Act procedure three (the
    /// third a review panel); the others the Ombudsman's code's two.
    pub fn stages(self) -> &'static [u8] {
        match self {
            Procedure::AdultSocialCare => &[0, 1],
            Procedure::ChildrenStatutory => &[0, 1, 2, 3],
            Procedure::ChildrenNonStatutory | Procedure::Corporate => &[0, 1, 2],
        }
    }
}

/// How a closed complaint ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Upheld,
    PartlyUpheld,
    NotUpheld,
    Withdrawn,
    /// Resolved early or signposted to another process.
    EarlyResolution,
    /// Used for Ombudsman decisions: closed after initial enquiries.
    NotInvestigated,
    StillOpen,
}

impl Outcome {
    /// The name used in files: "partly_upheld".
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Upheld => "upheld",
            Outcome::PartlyUpheld => "partly_upheld",
            Outcome::NotUpheld => "not_upheld",
            Outcome::Withdrawn => "withdrawn",
            Outcome::EarlyResolution => "early_resolution",
            Outcome::NotInvestigated => "not_investigated",
            Outcome::StillOpen => "still_open",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Upheld => "Upheld",
            Outcome::PartlyUpheld => "Partly upheld",
            Outcome::NotUpheld => "Not upheld",
            Outcome::Withdrawn => "Withdrawn",
            Outcome::EarlyResolution => "Early resolution or signposted",
            Outcome::NotInvestigated => "Not investigated",
            Outcome::StillOpen => "Still open",
        }
    }
}

/// A count at one stage: 0 early resolution, 1, 2 and 3 (review panel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageCount {
    pub stage: u8,
    pub count: u32,
}

/// A count of one outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeCount {
    pub outcome: Outcome,
    pub count: u32,
}

/// A count under a label the report uses: a service type, a category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LabelledCount {
    pub label: String,
    pub count: u32,
}

/// The Local Government and Social Care Ombudsman's figures for one year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ombudsman {
    /// Complaints and enquiries the Ombudsman received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enquiries: Option<u32>,
    /// Enquiries actively followed up with a detailed investigation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigations: Option<u32>,
    /// Final decisions made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<u32>,
    /// Decisions by outcome.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeCount>,
    /// Pounds paid in local settlements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlements_paid: Option<f64>,
}

/// One procedure's figures for one financial year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComplaintsYear {
    /// A financial year, e.g. "2017/18".
    pub year: Period,
    pub procedure: Procedure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageCount>,
    /// Closed complaints with an outcome recorded: the base of the outcomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeCount>,
    /// Complaints by service type or category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<LabelledCount>,
    /// Complaints that exceeded the procedure's timescale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exceeded_timescale: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliments: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compliments_by_service: Vec<LabelledCount>,
    /// Joint complaints with the NHS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_with_nhs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ombudsman: Option<Ombudsman>,
    /// Pounds spent on independent investigations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigation_cost: Option<f64>,
    /// What the report says that the figures cannot: disagreements, bases of percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ComplaintsYear {
    /// An empty record for `year` and `procedure`: every figure missing.
    pub fn new(year: Period, procedure: Procedure) -> ComplaintsYear {
        ComplaintsYear {
            year,
            procedure,
            received: None,
            stages: vec![],
            closed: None,
            outcomes: vec![],
            categories: vec![],
            exceeded_timescale: None,
            compliments: None,
            compliments_by_service: vec![],
            joint_with_nhs: None,
            ombudsman: None,
            investigation_cost: None,
            notes: vec![],
            source: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_year_writes_only_its_year_and_procedure() {
        let year = ComplaintsYear::new("2017/18".parse().expect("year"), Procedure::Corporate);
        let json = serde_json::to_string(&year).expect("serialises");
        assert_eq!(json, r#"{"year":"2017/18","procedure":"corporate"}"#);
        assert_eq!(
            serde_json::from_str::<ComplaintsYear>(&json).expect("parses"),
            year
        );
    }

    #[test]
    fn a_procedure_key_reads_back_and_matches_the_file_name() {
        for p in Procedure::ALL {
            assert_eq!(Procedure::from_key(p.key()), Some(p));
            assert_eq!(
                serde_json::to_string(&p).expect("serialises"),
                format!("\"{}\"", p.key())
            );
        }
        assert_eq!(Procedure::from_key("adults"), None);
    }

    #[test]
    fn an_outcome_key_is_its_name_in_files() {
        use Outcome::*;
        for o in [
            Upheld,
            PartlyUpheld,
            NotUpheld,
            Withdrawn,
            EarlyResolution,
            NotInvestigated,
            StillOpen,
        ] {
            assert_eq!(
                serde_json::to_string(&o).expect("serialises"),
                format!("\"{}\"", o.key())
            );
        }
    }

    #[test]
    fn every_procedure_has_early_resolution_and_at_most_three_stages() {
        for p in Procedure::ALL {
            assert_eq!(p.stages()[0], 0, "{p:?}");
            assert!(p.stages().iter().all(|s| *s <= 3), "{p:?}");
        }
        assert_eq!(Procedure::AdultSocialCare.stages(), [0, 1]);
        assert_eq!(Procedure::ChildrenStatutory.stages(), [0, 1, 2, 3]);
    }

    #[test]
    fn every_procedure_has_its_own_label() {
        let labels: std::collections::BTreeSet<_> =
            Procedure::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(labels.len(), Procedure::ALL.len());
    }
}
