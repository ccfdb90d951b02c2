//! The columns of a complaints spreadsheet: the procedure, the financial
//! year and one column per figure of the year form, each with the headings
//! officers commonly give it; and the procedures as they are written.

use crate::bring_in::columns::{normalise, ColumnSpec};
use crate::complaints::edit::FigureField;
use crate::domain::complaints::Procedure;

const COUNT: &str = "a whole number, like 540; blank or \u{201c}-\u{201d} where not given";
const MONEY: &str = "pounds, like \u{a3}7,100 or 630,958.48; blank where not given";

const fn figure(key: &'static str, also: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        also,
        required: false,
        accepts: COUNT,
    }
}

const fn money(key: &'static str, also: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec {
        key,
        also,
        required: false,
        accepts: MONEY,
    }
}

/// The columns a complaints spreadsheet may have, one row per procedure
/// and financial year. Only `procedure` and `year` are needed; each figure
/// column is also found by the year form's label for it. A heading of
/// "Early resolution" alone is the outcome (its key), not stage 0: the
/// preview says so, and the person may choose the column for `stage_0`.
pub const COMPLAINTS_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "procedure",
        also: &[
            "Complaints procedure",
            "Service",
            "Service area",
            "Complaint type",
            "Type of complaint",
        ],
        required: true,
        accepts: "adult social care, children's social care, children's non-statutory or corporate (also ASC, CSC, Adults, Children)",
    },
    ColumnSpec {
        key: "year",
        also: &["Financial year", "FY", "Year ending", "Reporting year", "Period"],
        required: true,
        accepts: "a financial year, like 2017/18, 2017-18 or 17/18",
    },
    figure(
        "received",
        &[
            "Complaints received",
            "Total complaints",
            "Total received",
            "Number of complaints",
            "Complaints",
            "Total complaints received",
        ],
    ),
    figure(
        "stage_0",
        &[
            "Stage 0 (early resolution)",
            "Stage zero",
            "Early resolution stage",
            "Early resolution (stage 0)",
            "Stage 0 early resolution",
        ],
    ),
    figure("stage_1", &["Stage 1", "Stage one", "Stage 1 complaints"]),
    figure(
        "stage_2",
        &["Stage 2", "Stage two", "Stage 2 complaints", "Stage 2 investigation"],
    ),
    figure(
        "stage_3",
        &[
            "Stage 3 (review panel)",
            "Stage three",
            "Review panel",
            "Stage 3 review panel",
            "Review panels",
        ],
    ),
    figure(
        "closed",
        &[
            "Closed with an outcome recorded",
            "Complaints closed",
            "Closed complaints",
            "Closed with outcome",
            "Total closed",
        ],
    ),
    figure("upheld", &["Complaints upheld", "Fully upheld"]),
    figure(
        "partly_upheld",
        &["Partly upheld", "Partially upheld", "Upheld in part"],
    ),
    figure("not_upheld", &["Not upheld", "Complaints not upheld"]),
    figure("withdrawn", &["Complaints withdrawn"]),
    figure(
        "early_resolution",
        &[
            "Early resolution or signposted",
            "Early resolution/signposted",
            "Early resolution / signposted",
            "Resolved early or signposted",
            "Resolved early",
            "Signposted",
        ],
    ),
    figure(
        "still_open",
        &["Still open", "Open", "Open at year end", "Remain open"],
    ),
    figure(
        "exceeded_timescale",
        &[
            "Answered beyond the timescale",
            "Exceeded timescale",
            "Exceeded statutory timescale",
            "Exceeded the statutory timescale",
            "Outside timescale",
            "Out of timescale",
            "Beyond timescale",
        ],
    ),
    figure(
        "compliments",
        &["Compliments received", "Number of compliments", "Total compliments"],
    ),
    figure(
        "joint_with_nhs",
        &[
            "Joint complaints with the NHS",
            "Joint with the NHS",
            "Joint complaints",
            "Joint NHS complaints",
            "NHS joint complaints",
        ],
    ),
    figure(
        "ombudsman_enquiries",
        &[
            "Complaints and enquiries received",
            "LGSCO enquiries",
            "LGO enquiries",
            "Ombudsman complaints and enquiries",
            "LGSCO complaints and enquiries",
        ],
    ),
    figure(
        "ombudsman_investigations",
        &[
            "Detailed investigations",
            "LGSCO investigations",
            "LGO investigations",
            "Ombudsman detailed investigations",
            "LGSCO detailed investigations",
        ],
    ),
    figure(
        "ombudsman_decisions",
        &[
            "Decisions made",
            "LGSCO decisions",
            "LGO decisions",
            "Final decisions",
            "Ombudsman final decisions",
            "LGSCO final decisions",
        ],
    ),
    figure(
        "ombudsman_upheld",
        &["Decisions: upheld", "LGSCO upheld", "Upheld by the Ombudsman"],
    ),
    figure(
        "ombudsman_partly_upheld",
        &["Decisions: partly upheld", "LGSCO partly upheld"],
    ),
    figure(
        "ombudsman_not_upheld",
        &["Decisions: not upheld", "LGSCO not upheld"],
    ),
    figure(
        "ombudsman_not_investigated",
        &[
            "Decisions: not investigated",
            "LGSCO not investigated",
            "Not investigated",
        ],
    ),
    figure(
        "ombudsman_early_resolution",
        &[
            "Decisions: resolved early",
            "Ombudsman resolved early",
            "LGSCO early resolution",
            "LGSCO resolved early",
        ],
    ),
    figure(
        "ombudsman_withdrawn",
        &["Decisions: withdrawn", "LGSCO withdrawn"],
    ),
    money(
        "settlements_paid",
        &[
            "Local settlements paid (\u{a3})",
            "Local settlements paid",
            "Local settlements",
            "Settlements",
            "LGSCO settlements",
            "Ombudsman settlements",
            "Remedy payments",
        ],
    ),
    money(
        "investigation_cost",
        &[
            "Cost of independent investigations (\u{a3})",
            "Cost of independent investigations",
            "Cost of investigations",
            "Investigation costs",
            "Independent investigation costs",
        ],
    ),
];

/// The figure each figure column gives, by the column's key.
pub(super) const FIGURE_COLUMNS: [(&str, FigureField); 26] = {
    use crate::domain::complaints::Outcome::*;
    use FigureField::*;
    [
        ("received", Received),
        ("stage_0", Stage(0)),
        ("stage_1", Stage(1)),
        ("stage_2", Stage(2)),
        ("stage_3", Stage(3)),
        ("closed", Closed),
        ("upheld", FigureField::Outcome(Upheld)),
        ("partly_upheld", FigureField::Outcome(PartlyUpheld)),
        ("not_upheld", FigureField::Outcome(NotUpheld)),
        ("withdrawn", FigureField::Outcome(Withdrawn)),
        ("early_resolution", FigureField::Outcome(EarlyResolution)),
        ("still_open", FigureField::Outcome(StillOpen)),
        ("exceeded_timescale", Exceeded),
        ("compliments", Compliments),
        ("joint_with_nhs", Joint),
        ("ombudsman_enquiries", OmbudsmanEnquiries),
        ("ombudsman_investigations", OmbudsmanInvestigations),
        ("ombudsman_decisions", OmbudsmanDecisions),
        ("ombudsman_upheld", OmbudsmanDecision(Upheld)),
        ("ombudsman_partly_upheld", OmbudsmanDecision(PartlyUpheld)),
        ("ombudsman_not_upheld", OmbudsmanDecision(NotUpheld)),
        (
            "ombudsman_not_investigated",
            OmbudsmanDecision(NotInvestigated),
        ),
        (
            "ombudsman_early_resolution",
            OmbudsmanDecision(EarlyResolution),
        ),
        ("ombudsman_withdrawn", OmbudsmanDecision(Withdrawn)),
        ("settlements_paid", Settlements),
        ("investigation_cost", Cost),
    ]
};

/// The figure the column `key` gives, where it gives one.
pub(super) fn figure_of(key: &str) -> Option<FigureField> {
    FIGURE_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, f)| *f)
}

/// The other words officers write for each procedure, beside its key,
/// label and name in a sentence.
fn other_names(procedure: Procedure) -> &'static [&'static str] {
    match procedure {
        Procedure::AdultSocialCare => &[
            "Adult social care",
            "Adults",
            "Adult",
            "ASC",
            "Adult services",
            "Adult social care statutory",
        ],
        Procedure::ChildrenStatutory => &[
            "Children",
            "Children's",
            "CSC",
            "Children's social care statutory",
            "Children's statutory",
            "Children statutory",
            "CSC statutory",
            "Statutory CSC",
        ],
        Procedure::ChildrenNonStatutory => &[
            "Children's non-statutory",
            "Children non-statutory",
            "Children's social care non-statutory",
            "CSC non-statutory",
            "Non-statutory CSC",
            "Non-statutory children's",
            "Non-statutory children's social care",
        ],
        Procedure::Corporate => &[
            "Corporate",
            "Corporate complaints",
            "Corporate non-statutory",
            "Council",
        ],
    }
}

/// A name reduced for comparing: as [`normalise`], with apostrophes
/// dropped so that "Children's" and "Childrens" are one.
fn words(text: &str) -> String {
    normalise(&text.replace(['\'', '\u{2019}'], ""))
}

/// The procedure a cell names: its key ("adult_social_care"), its label,
/// its name in a sentence, or the words officers use ("ASC", "Adults",
/// "Children's social care", "CSC", "Corporate"), case and spacing ignored.
pub fn read_procedure(text: &str) -> Option<Procedure> {
    if let Some(p) = Procedure::from_key(text.trim()) {
        return Some(p);
    }
    let text = words(text);
    Procedure::ALL.into_iter().find(|p| {
        [p.key(), p.label(), p.noun()]
            .iter()
            .chain(other_names(*p))
            .any(|name| words(name) == text)
    })
}
