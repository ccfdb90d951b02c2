//! Entering a year's complaints figures for one procedure. Each change
//! returns the whole new snapshot or every fault at its field, so a refused
//! change leaves the data as it was. The form's typed fields, what was
//! typed, reading it, the checks of parts against their whole, the save,
//! what it writes and what the page says are each in a file below `edit/`.

mod checks;
mod fields;
mod form;
mod page;
mod read;
mod save;
mod write;

pub use fields::{Figure, FigureField, Group, YearField, STAGES};
pub use form::YearForm;
pub use page::{back_href, editing_of, page_heading, start_form};
pub use read::YearError;
pub(crate) use read::{read_count, read_money};
pub(crate) use save::read_year;
pub use save::{remove_year, save_year, SavedYear};

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
