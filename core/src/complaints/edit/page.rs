//! The figures page: which year its address asks to change, the form it
//! starts with, its heading and where it leads back to.

use super::form::YearForm;
use crate::complaints::report::{asked, find, Choice};
use crate::domain::complaints::Procedure;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::route::Route;

/// The year and procedure an address (`procedure=…&year=…`) asks to
/// change, where both are held; otherwise `None`, with the procedure asked
/// for (if it reads) to start a new year with.
pub fn editing_of(
    snapshot: &Snapshot,
    query: &[(String, String)],
) -> (Option<(Period, Procedure)>, Option<Procedure>) {
    let asked = |key: &str| asked(query, key);
    let procedure = asked("procedure").and_then(Procedure::from_key);
    let year = asked("year").and_then(|y| y.parse::<Period>().ok());
    match (year, procedure) {
        (Some(y), Some(p)) if find(snapshot, y, p).is_some() => (Some((y, p)), Some(p)),
        _ => (None, procedure),
    }
}

/// The form the page starts with: the held year's figures, or a blank
/// form for `procedure` (adult social care where none is asked for).
pub fn start_form(
    snapshot: &Snapshot,
    editing: Option<(Period, Procedure)>,
    procedure: Option<Procedure>,
) -> YearForm {
    match editing {
        Some((year, p)) => find(snapshot, year, p)
            .map(YearForm::of)
            .unwrap_or_default(),
        None => YearForm::blank(procedure.unwrap_or(Procedure::AdultSocialCare)),
    }
}

/// The page's heading: the year being changed, or adding one.
pub fn page_heading(editing: Option<(Period, Procedure)>) -> String {
    match editing {
        Some((year, procedure)) => format!("Change the {year} figures: {}", procedure.label()),
        None => "Add a year's complaints figures".to_owned(),
    }
}

/// Where Back and Cancel lead: the report at the year being changed, or
/// the report as it opens.
pub fn back_href(editing: Option<(Period, Procedure)>) -> String {
    match editing {
        Some((year, procedure)) => Choice { procedure, year }.href(),
        None => Route::Complaints.href(),
    }
}
