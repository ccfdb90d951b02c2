//! The year form: its fields in the groups they are set out in, and what
//! the officer typed, filled from a held year.

use std::collections::BTreeMap;

use crate::domain::complaints::{ComplaintsYear, LabelledCount, Outcome, Procedure};
use crate::text::plain_number;

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
}

/// One figure of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureField {
    /// The field's key: its input's id and the key of its errors.
    pub key: &'static str,
    pub label: &'static str,
    pub group: Group,
    /// Pounds (with pence) rather than a count.
    pub money: bool,
}

pub(super) const fn count(key: &'static str, label: &'static str, group: Group) -> FigureField {
    FigureField {
        key,
        label,
        group,
        money: false,
    }
}

/// Every figure of the form, in the order it is set out.
pub const FIELDS: [FigureField; 26] = [
    count("received", "Complaints received", Group::Complaints),
    count(
        "closed",
        "Closed with an outcome recorded",
        Group::Complaints,
    ),
    count(
        "exceeded",
        "Answered beyond the timescale",
        Group::Complaints,
    ),
    count("joint", "Joint complaints with the NHS", Group::Complaints),
    count("compliments", "Compliments received", Group::Complaints),
    count("stage-0", "Stage 0 (early resolution)", Group::Stages),
    count("stage-1", "Stage 1", Group::Stages),
    count("stage-2", "Stage 2", Group::Stages),
    count("stage-3", "Stage 3 (review panel)", Group::Stages),
    count("outcome-upheld", "Upheld", Group::Outcomes),
    count("outcome-partly_upheld", "Partly upheld", Group::Outcomes),
    count("outcome-not_upheld", "Not upheld", Group::Outcomes),
    count("outcome-withdrawn", "Withdrawn", Group::Outcomes),
    count(
        "outcome-early_resolution",
        "Early resolution or signposted",
        Group::Outcomes,
    ),
    count("outcome-still_open", "Still open", Group::Outcomes),
    count(
        "omb-enquiries",
        "Complaints and enquiries received",
        Group::Ombudsman,
    ),
    count(
        "omb-investigations",
        "Detailed investigations",
        Group::Ombudsman,
    ),
    count("omb-decisions", "Decisions made", Group::Ombudsman),
    count("omb-upheld", "Decisions: upheld", Group::Ombudsman),
    count(
        "omb-partly_upheld",
        "Decisions: partly upheld",
        Group::Ombudsman,
    ),
    count("omb-not_upheld", "Decisions: not upheld", Group::Ombudsman),
    count(
        "omb-not_investigated",
        "Decisions: not investigated",
        Group::Ombudsman,
    ),
    count(
        "omb-early_resolution",
        "Decisions: resolved early",
        Group::Ombudsman,
    ),
    count("omb-withdrawn", "Decisions: withdrawn", Group::Ombudsman),
    FigureField {
        key: "omb-settlements",
        label: "Local settlements paid (£)",
        group: Group::Ombudsman,
        money: true,
    },
    FigureField {
        key: "cost",
        label: "Cost of independent investigations (£)",
        group: Group::Money,
        money: true,
    },
];

/// Every figure of the form.
pub fn fields() -> impl Iterator<Item = &'static FigureField> {
    FIELDS.iter()
}

pub(super) fn outcome_key(prefix: &str, outcome: Outcome) -> String {
    format!("{prefix}-{}", outcome.key())
}

/// The form's own key for `key`, where the form has such a field.
pub(super) fn static_key(key: &str) -> Option<&'static str> {
    fields().find(|f| f.key == key).map(|f| f.key)
}

/// What the officer typed: every figure as text, and the lists one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearForm {
    /// "2019/20"; only read when adding a year.
    pub year: String,
    /// A procedure's key; only read when adding a year.
    pub procedure: String,
    pub figures: BTreeMap<&'static str, String>,
    /// "Care Provision: 128", one per line.
    pub categories: String,
    pub compliments_by_service: String,
    /// One note per line.
    pub notes: String,
}

pub(super) fn lines_of(list: &[LabelledCount]) -> String {
    list.iter()
        .map(|x| format!("{}: {}", x.label, x.count))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn money_text(pounds: f64) -> String {
    if pounds.fract() == 0.0 {
        plain_number(pounds)
    } else {
        format!("{pounds:.2}")
    }
}

impl YearForm {
    /// A blank form for a new year.
    pub fn blank(procedure: Procedure) -> YearForm {
        YearForm {
            procedure: procedure.key().into(),
            ..YearForm::default()
        }
    }

    /// The form filled with `c`'s figures.
    pub fn of(c: &ComplaintsYear) -> YearForm {
        let mut figures: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut put = |key: &str, value: Option<u32>| {
            // A figure the form has no field for (an outcome it does not
            // list) is kept by the save, not shown here.
            if let (Some(key), Some(v)) = (static_key(key), value) {
                figures.insert(key, v.to_string());
            }
        };
        put("received", c.received);
        put("closed", c.closed);
        put("exceeded", c.exceeded_timescale);
        put("joint", c.joint_with_nhs);
        put("compliments", c.compliments);
        for s in &c.stages {
            put(&format!("stage-{}", s.stage), Some(s.count));
        }
        for o in &c.outcomes {
            put(&outcome_key("outcome", o.outcome), Some(o.count));
        }
        if let Some(o) = &c.ombudsman {
            put("omb-enquiries", o.enquiries);
            put("omb-investigations", o.investigations);
            put("omb-decisions", o.decisions);
            for x in &o.outcomes {
                put(&outcome_key("omb", x.outcome), Some(x.count));
            }
            if let Some(p) = o.settlements_paid {
                figures.insert("omb-settlements", money_text(p));
            }
        }
        if let Some(p) = c.investigation_cost {
            figures.insert("cost", money_text(p));
        }
        YearForm {
            year: c.year.to_string(),
            procedure: c.procedure.key().into(),
            figures,
            categories: lines_of(&c.categories),
            compliments_by_service: lines_of(&c.compliments_by_service),
            notes: c.notes.join("\n"),
        }
    }

    pub(super) fn text(&self, key: &str) -> &str {
        self.figures.get(key).map_or("", |t| t.trim())
    }
}

pub(super) fn label_of(key: &str) -> &'static str {
    fields().find(|f| f.key == key).map_or("", |f| f.label)
}
