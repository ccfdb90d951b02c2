//! The year form's fields, typed: each figure, the year and procedure of a
//! new record and the three lists, with their element ids, labels, hints
//! and the groups the figures are set out in.

use crate::complaints::report::pounds;
use crate::complaints::report::{COMPLAINT_OUTCOMES, OMBUDSMAN_OUTCOMES};
use crate::domain::complaints::{ComplaintsYear, Outcome};
use crate::domain::value::group_thousands;
use crate::form::FormField;

/// The groups the form's figures are set out in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Complaints,
    Stages,
    Outcomes,
    Ombudsman,
    Money,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Complaints,
        Group::Stages,
        Group::Outcomes,
        Group::Ombudsman,
        Group::Money,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            Group::Complaints => "Complaints and compliments",
            Group::Stages => "Complaints by the stage they reached",
            Group::Outcomes => "Outcomes",
            Group::Ombudsman => "Local Government and Social Care Ombudsman",
            Group::Money => "Money",
        }
    }

    /// What the group's figures are, said under its heading.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Group::Complaints => Some("Leave a figure blank if the report does not give it: blank is never read as zero."),
            Group::Stages => Some("How many complaints were settled at each stage. Together they cannot be more than the complaints received."),
            Group::Outcomes => Some("Outcomes of the complaints closed in the year; together they cannot be more than the number closed. Still open is counted apart."),
            Group::Ombudsman => Some("Decisions by outcome are shares of the decisions made or, where those are not given, of the detailed investigations."),
            Group::Money => None,
        }
    }

    /// The group's figures, in the order they are set out.
    pub fn figures(self) -> impl Iterator<Item = FigureField> {
        FigureField::all().filter(move |f| f.group() == self)
    }
}

/// The stages the form has a figure for: 0 (early resolution) to 3 (review panel).
pub const STAGES: [u8; 4] = [0, 1, 2, 3];

/// One figure of the form: a count, or pounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureField {
    Received,
    Closed,
    /// Answered beyond the timescale.
    Exceeded,
    /// Joint complaints with the NHS.
    Joint,
    Compliments,
    /// One of [`STAGES`].
    Stage(u8),
    /// One of [`COMPLAINT_OUTCOMES`].
    Outcome(Outcome),
    OmbudsmanEnquiries,
    OmbudsmanInvestigations,
    OmbudsmanDecisions,
    /// One of [`OMBUDSMAN_OUTCOMES`].
    OmbudsmanDecision(Outcome),
    /// Pounds paid in local settlements.
    Settlements,
    /// Pounds spent on independent investigations.
    Cost,
}

impl FigureField {
    /// Every figure of the form, in the order it is set out.
    pub fn all() -> impl Iterator<Item = FigureField> {
        use FigureField::*;
        [Received, Closed, Exceeded, Joint, Compliments]
            .into_iter()
            .chain(STAGES.map(Stage))
            .chain(COMPLAINT_OUTCOMES.map(Outcome))
            .chain([
                OmbudsmanEnquiries,
                OmbudsmanInvestigations,
                OmbudsmanDecisions,
            ])
            .chain(OMBUDSMAN_OUTCOMES.map(OmbudsmanDecision))
            .chain([Settlements, Cost])
    }

    /// The figure's name in its element id: "received", "stage-0",
    /// "outcome-partly_upheld", "omb-upheld".
    fn key(self) -> String {
        match self {
            FigureField::Received => "received".into(),
            FigureField::Closed => "closed".into(),
            FigureField::Exceeded => "exceeded".into(),
            FigureField::Joint => "joint".into(),
            FigureField::Compliments => "compliments".into(),
            FigureField::Stage(s) => format!("stage-{s}"),
            FigureField::Outcome(o) => format!("outcome-{}", o.key()),
            FigureField::OmbudsmanEnquiries => "omb-enquiries".into(),
            FigureField::OmbudsmanInvestigations => "omb-investigations".into(),
            FigureField::OmbudsmanDecisions => "omb-decisions".into(),
            FigureField::OmbudsmanDecision(o) => format!("omb-{}", o.key()),
            FigureField::Settlements => "omb-settlements".into(),
            FigureField::Cost => "cost".into(),
        }
    }

    pub fn label(self) -> &'static str {
        use Outcome::*;
        match self {
            FigureField::Received => "Complaints received",
            FigureField::Closed => "Closed with an outcome recorded",
            FigureField::Exceeded => "Answered beyond the timescale",
            FigureField::Joint => "Joint complaints with the NHS",
            FigureField::Compliments => "Compliments received",
            FigureField::Stage(0) => "Stage 0 (early resolution)",
            FigureField::Stage(1) => "Stage 1",
            FigureField::Stage(2) => "Stage 2",
            FigureField::Stage(3) => "Stage 3 (review panel)",
            FigureField::Stage(_) => "Stage",
            FigureField::Outcome(o) => o.label(),
            FigureField::OmbudsmanEnquiries => "Complaints and enquiries received",
            FigureField::OmbudsmanInvestigations => "Detailed investigations",
            FigureField::OmbudsmanDecisions => "Decisions made",
            FigureField::OmbudsmanDecision(o) => match o {
                Upheld => "Decisions: upheld",
                PartlyUpheld => "Decisions: partly upheld",
                NotUpheld => "Decisions: not upheld",
                NotInvestigated => "Decisions: not investigated",
                EarlyResolution => "Decisions: resolved early",
                Withdrawn => "Decisions: withdrawn",
                StillOpen => "Decisions: still open",
            },
            FigureField::Settlements => "Local settlements paid (£)",
            FigureField::Cost => "Cost of independent investigations (£)",
        }
    }

    pub fn group(self) -> Group {
        match self {
            FigureField::Received
            | FigureField::Closed
            | FigureField::Exceeded
            | FigureField::Joint
            | FigureField::Compliments => Group::Complaints,
            FigureField::Stage(_) => Group::Stages,
            FigureField::Outcome(_) => Group::Outcomes,
            FigureField::OmbudsmanEnquiries
            | FigureField::OmbudsmanInvestigations
            | FigureField::OmbudsmanDecisions
            | FigureField::OmbudsmanDecision(_)
            | FigureField::Settlements => Group::Ombudsman,
            FigureField::Cost => Group::Money,
        }
    }

    /// Pounds (with pence) rather than a count.
    pub fn money(self) -> bool {
        matches!(self, FigureField::Settlements | FigureField::Cost)
    }
}

/// A field of the year form: where its input is, and what its faults are
/// raised against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearField {
    /// The financial year; only when adding a year.
    Year,
    /// The complaints procedure; only when adding a year.
    Procedure,
    Figure(FigureField),
    /// "Care Provision: 128", one per line.
    Categories,
    ComplimentsByService,
    Notes,
}

impl From<FigureField> for YearField {
    fn from(figure: FigureField) -> YearField {
        YearField::Figure(figure)
    }
}

impl FormField for YearField {
    /// "fig-" and the field's name: "fig-year", "fig-stage-0", "fig-notes".
    fn id(self) -> String {
        let name = match self {
            YearField::Year => "year".to_owned(),
            YearField::Procedure => "procedure".to_owned(),
            YearField::Figure(f) => f.key(),
            YearField::Categories => "categories".to_owned(),
            YearField::ComplimentsByService => "compliments-by-service".to_owned(),
            YearField::Notes => "notes".to_owned(),
        };
        format!("fig-{name}")
    }
}

impl YearField {
    /// The lists, one entry per line, in the order they are set out.
    pub const LISTS: [YearField; 3] = [
        YearField::Categories,
        YearField::ComplimentsByService,
        YearField::Notes,
    ];

    /// Every field of the form, in the order it is set out.
    pub fn all() -> impl Iterator<Item = YearField> {
        [YearField::Year, YearField::Procedure]
            .into_iter()
            .chain(FigureField::all().map(YearField::Figure))
            .chain(YearField::LISTS)
    }

    pub fn label(self) -> &'static str {
        match self {
            YearField::Year => "Financial year",
            YearField::Procedure => "Procedure",
            YearField::Figure(f) => f.label(),
            YearField::Categories => "Complaints by service or category",
            YearField::ComplimentsByService => "Compliments by service",
            YearField::Notes => "Notes on these figures",
        }
    }

    pub fn hint(self) -> Option<&'static str> {
        match self {
            YearField::Year => Some("Like 2019/20"),
            YearField::Categories => Some(
                "One per line: the name, then the number, like \u{201c}Financial: 102\u{201d}.",
            ),
            YearField::ComplimentsByService => {
                Some("One per line, like \u{201c}Day care provision: 165\u{201d}.")
            }
            YearField::Notes => {
                Some("One per line: where a figure came from, or why two figures disagree.")
            }
            YearField::Procedure | YearField::Figure(_) => None,
        }
    }

    /// Where the field's faults are listed: in the order the fields are set
    /// out, the year and procedure first; the lists' faults after every
    /// figure's, in the order they were found.
    pub(super) fn rank(self) -> usize {
        match self {
            YearField::Year => 0,
            YearField::Procedure => 1,
            YearField::Figure(f) => FigureField::all()
                .position(|x| x == f)
                .map_or(usize::MAX, |i| 2 + i),
            YearField::Categories | YearField::ComplimentsByService | YearField::Notes => {
                usize::MAX
            }
        }
    }
}

/// A figure of a year, as held or as a form or a cell gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Count(u32),
    Pounds(f64),
}

impl Figure {
    /// As the preview shows it: "1,234", "£630,958.48".
    pub fn shown(self) -> String {
        match self {
            Figure::Count(n) => group_thousands(f64::from(n), 0),
            Figure::Pounds(p) => pounds(p),
        }
    }

    /// Whether the two are the same figure (to the penny).
    pub fn same(self, other: Figure) -> bool {
        match (self, other) {
            (Figure::Count(a), Figure::Count(b)) => a == b,
            (Figure::Pounds(a), Figure::Pounds(b)) => (a - b).abs() < 0.005,
            _ => false,
        }
    }
}

impl FigureField {
    /// This figure of `c`, where it is held.
    pub fn held(self, c: &ComplaintsYear) -> Option<Figure> {
        let ombudsman = c.ombudsman.as_ref();
        let count = match self {
            FigureField::Received => c.received,
            FigureField::Closed => c.closed,
            FigureField::Exceeded => c.exceeded_timescale,
            FigureField::Joint => c.joint_with_nhs,
            FigureField::Compliments => c.compliments,
            FigureField::Stage(stage) => {
                c.stages.iter().rfind(|s| s.stage == stage).map(|s| s.count)
            }
            FigureField::Outcome(o) => c.outcomes.iter().rfind(|x| x.outcome == o).map(|x| x.count),
            FigureField::OmbudsmanEnquiries => ombudsman.and_then(|o| o.enquiries),
            FigureField::OmbudsmanInvestigations => ombudsman.and_then(|o| o.investigations),
            FigureField::OmbudsmanDecisions => ombudsman.and_then(|o| o.decisions),
            FigureField::OmbudsmanDecision(outcome) => ombudsman
                .and_then(|o| o.outcomes.iter().rfind(|x| x.outcome == outcome))
                .map(|x| x.count),
            FigureField::Settlements => {
                return ombudsman
                    .and_then(|o| o.settlements_paid)
                    .map(Figure::Pounds)
            }
            FigureField::Cost => return c.investigation_cost.map(Figure::Pounds),
        };
        count.map(Figure::Count)
    }
}
