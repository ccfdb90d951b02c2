//! How long each procedure allows at each stage, and whether a response
//! went beyond it.

use chrono::{Months, NaiveDate};

use crate::complaints::calendar::working_days_between;
use crate::domain::complaints::Procedure;

/// How long a procedure allows at a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timescale {
    /// Working days for a response: the usual limit, and the furthest it
    /// may be extended (the same where no extension is allowed).
    WorkingDays { usual: u32, longest: u32 },
    /// Calendar months: adult social care's outer limit.
    Months(u32),
}

impl Timescale {
    /// "10 working days (up to 20)", "6 months".
    pub fn describe(self) -> String {
        match self {
            Timescale::WorkingDays { usual, longest } if usual == longest => {
                format!("{usual} working days")
            }
            Timescale::WorkingDays { usual, longest } => {
                format!("{usual} working days (up to {longest})")
            }
            Timescale::Months(n) => format!("{n} months"),
        }
    }

    /// Whether a response on `responded` to a complaint received on
    /// `received` went beyond the longest time allowed.
    pub fn exceeded(self, received: NaiveDate, responded: NaiveDate) -> bool {
        match self {
            Timescale::WorkingDays { longest, .. } => {
                working_days_between(received, responded) > longest
            }
            Timescale::Months(n) => received
                .checked_add_months(Months::new(n))
                .is_some_and(|limit| responded > limit),
        }
    }
}

/// The timescale of `procedure` at `stage`, where one is set: the
/// Children Act 1989 procedure (stage 1 10 working days, up to 20; stage 2
/// 25, up to 65), the Ombudsman's code for other complaints (stage 1 10,
/// stage 2 20), and adult social care's 6 months.
pub fn timescale(procedure: Procedure, stage: u8) -> Option<Timescale> {
    use Procedure::*;
    let days = |usual, longest| Some(Timescale::WorkingDays { usual, longest });
    match (procedure, stage) {
        (AdultSocialCare, _) => Some(Timescale::Months(6)),
        (ChildrenStatutory, 1) => days(10, 20),
        (ChildrenStatutory, 2) => days(25, 65),
        (ChildrenNonStatutory | Corporate, 1) => days(10, 10),
        (ChildrenNonStatutory | Corporate, 2) => days(20, 20),
        _ => None,
    }
}

/// A procedure's timescales in words: "6 months" where every stage has the
/// same, otherwise each stage's: "stage 1: 10 working days (up to 20);
/// stage 2: 25 working days (up to 65)".
pub fn timescales_text(procedure: Procedure) -> String {
    let (first, second) = (timescale(procedure, 1), timescale(procedure, 2));
    match (first, second) {
        (Some(a), Some(b)) if a == b => a.describe(),
        _ => [(1, first), (2, second)]
            .into_iter()
            .filter_map(|(stage, t)| t.map(|t| format!("stage {stage}: {}", t.describe())))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
