//! Entering a year's complaints figures for one procedure. Each change
//! returns the whole new snapshot or every fault at its field, so a refused
//! change leaves the data as it was. The form and its fields, reading what
//! was typed, the checks of parts against their whole and the save are
//! each in a file below `edit/`.

mod checks;
mod form;
mod read;
mod save;

pub use form::{fields, FigureField, Group, YearForm, FIELDS};
pub use save::{editing_of, remove_year, save_year, SavedYear};

use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;

/// The record of `procedure` in `year`, added (empty, in order: by
/// procedure, then year) when there is none.
pub(crate) fn record_mut(
    snapshot: &mut Snapshot,
    year: Period,
    procedure: Procedure,
) -> &mut ComplaintsYear {
    let at = match snapshot
        .complaints
        .iter()
        .position(|c| c.year == year && c.procedure == procedure)
    {
        Some(i) => i,
        None => {
            let at = snapshot
                .complaints
                .iter()
                .position(|c| {
                    (c.procedure, c.year.timeline_cmp(&year))
                        > (procedure, std::cmp::Ordering::Equal)
                })
                .unwrap_or(snapshot.complaints.len());
            snapshot
                .complaints
                .insert(at, ComplaintsYear::new(year, procedure));
            at
        }
    };
    &mut snapshot.complaints[at]
}

#[cfg(test)]
mod tests;
