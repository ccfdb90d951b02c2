//! What a saved form writes into its record: every figure the form shows,
//! replaced; the stages and outcomes it does not show, kept as they were.

use super::fields::{FigureField, STAGES};
use super::read::Read;
use crate::complaints::report::{COMPLAINT_OUTCOMES, OMBUDSMAN_OUTCOMES};
use crate::domain::complaints::{ComplaintsYear, Ombudsman, Outcome, OutcomeCount, StageCount};
use crate::sort;

/// The `held` entries the form does not show (`shown` is false), kept,
/// with those the form gives, in order of `key`.
fn merged<T: Copy, K: Ord>(
    held: &[T],
    shown: impl Fn(&T) -> bool,
    given: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let mut all: Vec<T> = held.iter().filter(|x| !shown(x)).copied().collect();
    all.extend(given);
    sort::by_key(&mut all, key);
    all
}

/// Outcomes: those of `listed` from the form, the others as held, in the
/// one order of the outcomes.
fn merged_outcomes(
    held: &[OutcomeCount],
    listed: &[Outcome],
    given: impl Fn(Outcome) -> Option<u32>,
) -> Vec<OutcomeCount> {
    merged(
        held,
        |o| listed.contains(&o.outcome),
        listed
            .iter()
            .filter_map(|o| given(*o).map(|count| OutcomeCount { outcome: *o, count })),
        |o| o.outcome,
    )
}

/// The Ombudsman's figures from the form, over those held; none where
/// nothing is left.
fn ombudsman_of(held: Option<Ombudsman>, read: &Read) -> Option<Ombudsman> {
    let mut o = held.unwrap_or_default();
    o.enquiries = read.count(FigureField::OmbudsmanEnquiries);
    o.investigations = read.count(FigureField::OmbudsmanInvestigations);
    o.decisions = read.count(FigureField::OmbudsmanDecisions);
    o.outcomes = merged_outcomes(&o.outcomes, &OMBUDSMAN_OUTCOMES, |x| {
        read.count(FigureField::OmbudsmanDecision(x))
    });
    o.settlements_paid = read.amount(FigureField::Settlements);
    (o != Ombudsman::default()).then_some(o)
}

/// Writes the form as read into `record`.
pub(super) fn write_record(record: &mut ComplaintsYear, read: Read) {
    record.received = read.count(FigureField::Received);
    record.closed = read.count(FigureField::Closed);
    record.exceeded_timescale = read.count(FigureField::Exceeded);
    record.joint_with_nhs = read.count(FigureField::Joint);
    record.compliments = read.count(FigureField::Compliments);
    record.stages = merged(
        &record.stages,
        |s| STAGES.contains(&s.stage),
        STAGES.iter().filter_map(|stage| {
            read.count(FigureField::Stage(*stage))
                .map(|count| StageCount {
                    stage: *stage,
                    count,
                })
        }),
        |s| s.stage,
    );
    record.outcomes = merged_outcomes(&record.outcomes, &COMPLAINT_OUTCOMES, |o| {
        read.count(FigureField::Outcome(o))
    });
    record.ombudsman = ombudsman_of(record.ombudsman.take(), &read);
    record.investigation_cost = read.amount(FigureField::Cost);
    record.categories = read.categories;
    record.compliments_by_service = read.by_service;
    record.notes = read.notes;
}
