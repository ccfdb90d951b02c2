//! Parts against the whole they are shares of: closed, stages, timeliness
//! and categories against complaints received, outcomes against those
//! closed, the Ombudsman's decisions against its decisions made (or its
//! investigations).

use super::fields::{FigureField, STAGES};
use super::read::{fault, Read, YearError};
use crate::complaints::report::{COMPLAINT_OUTCOMES, OMBUDSMAN_OUTCOMES};
use crate::domain::complaints::Outcome;
use crate::domain::value::group_thousands;

/// How parts given sit against the whole they are shares of.
enum Fit {
    /// No parts, or parts within the whole.
    Fits,
    /// Parts given, but not the whole.
    NoBase,
    Over {
        total: u32,
        base: u32,
    },
}

fn fit(parts: &[u32], base: Option<u32>) -> Fit {
    let total: u32 = parts.iter().sum();
    match base {
        _ if parts.is_empty() => Fit::Fits,
        None => Fit::NoBase,
        Some(base) if total > base => Fit::Over { total, base },
        Some(_) => Fit::Fits,
    }
}

fn n(count: u32) -> String {
    group_thousands(f64::from(count), 0)
}

/// Every part of the form that is more than its whole, or given without it.
pub(super) fn parts_against_wholes(read: &Read) -> Vec<YearError> {
    let mut errors = match read.count(FigureField::Received) {
        Some(received) => within_received(read, received),
        None if read.count(FigureField::Exceeded).is_some() => vec![fault(
            FigureField::Received,
            "Enter complaints received as well: the share answered beyond the timescale is worked out from it",
        )],
        None => vec![],
    };
    errors.extend(outcomes_within_closed(read));
    errors.extend(decisions_within_base(read));
    errors.extend(investigations_within_enquiries(read));
    errors
}

/// Closed, the stages, the timeliness, joint and still open counts and each
/// category are each no more than the complaints received.
fn within_received(read: &Read, received: u32) -> Vec<YearError> {
    let mut errors = vec![];
    if let Some(closed) = read.count(FigureField::Closed).filter(|c| *c > received) {
        errors.push(fault(
            FigureField::Closed,
            format!(
                "Closed complaints ({}) cannot be more than complaints received ({})",
                n(closed),
                n(received)
            ),
        ));
    }
    let staged: u32 = STAGES
        .iter()
        .filter_map(|s| read.count(FigureField::Stage(*s)))
        .sum();
    if staged > received {
        errors.push(fault(
            FigureField::Stage(0),
            format!(
                "The stages add up to {}, more than the {} complaints received",
                n(staged),
                n(received)
            ),
        ));
    }
    for (field, what) in [
        (
            FigureField::Exceeded,
            "Complaints answered beyond the timescale",
        ),
        (FigureField::Joint, "Joint complaints with the NHS"),
        (
            FigureField::Outcome(Outcome::StillOpen),
            "Complaints still open",
        ),
    ] {
        if let Some(part) = read.count(field).filter(|p| *p > received) {
            errors.push(fault(
                field,
                format!(
                    "{what} ({}) cannot be more than complaints received ({})",
                    n(part),
                    n(received)
                ),
            ));
        }
    }
    if let Some(x) = read.categories.iter().find(|x| x.count > received) {
        errors.push(fault(
            super::fields::YearField::Categories,
            format!(
                "{} has {} complaints, more than the {} received",
                x.label,
                n(x.count),
                n(received)
            ),
        ));
    }
    errors
}

/// The outcomes of closed complaints (still open aside) are shares of those closed.
fn outcomes_within_closed(read: &Read) -> Option<YearError> {
    let ended: Vec<u32> = COMPLAINT_OUTCOMES
        .iter()
        .filter(|o| **o != Outcome::StillOpen)
        .filter_map(|o| read.count(FigureField::Outcome(*o)))
        .collect();
    match fit(&ended, read.count(FigureField::Closed)) {
        Fit::NoBase => Some(fault(
            FigureField::Closed,
            "Enter how many complaints were closed: the outcomes are shares of it",
        )),
        Fit::Over { total, base } => Some(fault(
            FigureField::Outcome(Outcome::Upheld),
            format!(
                "The outcomes of closed complaints add up to {}, more than the {} closed",
                n(total),
                n(base)
            ),
        )),
        Fit::Fits => None,
    }
}

/// The Ombudsman's decisions by outcome are shares of its decisions made,
/// or where those are not given, of its investigations.
fn decisions_within_base(read: &Read) -> Option<YearError> {
    let decided: Vec<u32> = OMBUDSMAN_OUTCOMES
        .iter()
        .filter_map(|o| read.count(FigureField::OmbudsmanDecision(*o)))
        .collect();
    let decisions = read.count(FigureField::OmbudsmanDecisions);
    let base = decisions.or(read.count(FigureField::OmbudsmanInvestigations));
    match fit(&decided, base) {
        Fit::NoBase => Some(fault(
            FigureField::OmbudsmanDecisions,
            "Enter the Ombudsman's decisions (or its investigations): the decisions by outcome are shares of it",
        )),
        Fit::Over { total, base } => Some(fault(
            FigureField::OmbudsmanDecision(Outcome::Upheld),
            format!(
                "The Ombudsman's decisions by outcome add up to {}, more than the {} {}",
                n(total),
                n(base),
                if decisions.is_some() { "decisions made" } else { "investigations" }
            ),
        )),
        Fit::Fits => None,
    }
}

/// The Ombudsman investigates no more than the enquiries it received.
fn investigations_within_enquiries(read: &Read) -> Option<YearError> {
    let enquiries = read.count(FigureField::OmbudsmanEnquiries)?;
    let investigations = read.count(FigureField::OmbudsmanInvestigations)?;
    (investigations > enquiries).then(|| {
        fault(
            FigureField::OmbudsmanInvestigations,
            format!(
                "Detailed investigations ({}) cannot be more than the enquiries the Ombudsman received ({})",
                n(investigations),
                n(enquiries)
            ),
        )
    })
}
