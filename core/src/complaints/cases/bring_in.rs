//! Bringing a summed case list into the snapshot, and what it changes.

use crate::complaints::edit::record_mut;
use crate::complaints::report::find;
use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;

/// One year and procedure a case list gives figures for, and what it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseYear {
    pub year: Period,
    pub procedure: Procedure,
    /// Complaints received as held before, if any.
    pub before: Option<u32>,
    pub received: u32,
    pub exceeded: Option<u32>,
}

/// The note a case list leaves on each year it fills, so it can be replaced.
pub(super) const CASE_NOTE: &str = "From a case list:";

/// Puts the yearly figures summed from a case list into the snapshot: for
/// each year and procedure it gives, the counts of complaints (received,
/// stages, closed, outcomes, categories, timeliness) are replaced, and what
/// a case list cannot give (compliments, the Ombudsman, costs, other notes)
/// is kept.
pub fn apply_cases(snapshot: &Snapshot, summed: &[ComplaintsYear]) -> (Snapshot, Vec<CaseYear>) {
    let mut next = snapshot.clone();
    let mut changes = vec![];
    for s in summed {
        let before = find(snapshot, s.year, s.procedure).and_then(|c| c.received);
        let record = record_mut(&mut next, s.year, s.procedure);
        record.received = s.received;
        record.stages = s.stages.clone();
        record.closed = s.closed;
        record.outcomes = s.outcomes.clone();
        record.categories = s.categories.clone();
        record.exceeded_timescale = s.exceeded_timescale;
        record.notes.retain(|n| !n.starts_with(CASE_NOTE));
        record.notes.extend(s.notes.iter().cloned());
        changes.push(CaseYear {
            year: s.year,
            procedure: s.procedure,
            before,
            received: s.received.unwrap_or(0),
            exceeded: s.exceeded_timescale,
        });
    }
    (next, changes)
}
