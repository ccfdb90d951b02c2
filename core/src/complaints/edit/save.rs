//! Saving the form into the snapshot (the year changed, or a new year and
//! procedure read from the form), and removing a year.

use super::checks::parts_against_wholes;
use super::fields::{FigureField, YearField};
use super::form::YearForm;
use super::read::{fault, read_form, YearError};
use super::record_mut;
use super::write::write_record;
use crate::complaints::report::{find, Choice};
use crate::domain::complaints::Procedure;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::snapshot::Snapshot;
use crate::file::validate::YEARS;
use crate::sort;
use crate::text::excerpt;

/// Reads the financial year of a new record.
pub(crate) fn read_year(text: &str) -> Result<Period, YearError> {
    let text = text.trim();
    match text.parse::<Period>() {
        _ if text.is_empty() => Err(fault(
            YearField::Year,
            "Enter the financial year, like 2019/20",
        )),
        Ok(p @ Period::FinancialYear { start_year }) if YEARS.contains(&start_year) => Ok(p),
        Ok(p) if p.kind() == PeriodKind::FinancialYear => Err(fault(
            YearField::Year,
            "Enter a financial year from 1990/91 to 2100/01",
        )),
        _ => Err(fault(
            YearField::Year,
            format!(
                "Complaints are counted by financial year: enter one like 2019/20, not \u{201c}{}\u{201d}", excerpt(text)),
        )),
    }
}

/// Which year and procedure a new record is for: one that is not held yet.
fn read_new_key(
    snapshot: &Snapshot,
    form: &YearForm,
    errors: &mut Vec<YearError>,
) -> Option<(Period, Procedure)> {
    let year = read_year(&form.year).map_err(|e| errors.push(e)).ok();
    let procedure = form.procedure;
    if procedure.is_none() {
        errors.push(fault(
            YearField::Procedure,
            "Choose the complaints procedure",
        ));
    }
    let (year, procedure) = (year?, procedure?);
    if find(snapshot, year, procedure).is_some() {
        errors.push(fault(
            YearField::Year,
            format!(
                "There are already figures for {} in {year}: change those instead",
                procedure.label()
            ),
        ));
        return None;
    }
    Some((year, procedure))
}

/// The year being changed, where it is still held (another tab may have
/// removed it).
fn still_held(
    snapshot: &Snapshot,
    (year, procedure): (Period, Procedure),
) -> Result<(Period, Procedure), YearError> {
    match find(snapshot, year, procedure) {
        Some(_) => Ok((year, procedure)),
        None => Err(fault(
            FigureField::Received,
            format!(
                "There are no figures for {} in {year} any more: they may have been changed in another tab",
                procedure.label()
            ),
        )),
    }
}

/// A saved year: the new snapshot, what was done, and the year and
/// procedure saved (for the page to show next).
#[derive(Clone, Debug, PartialEq)]
pub struct SavedYear {
    pub snapshot: Snapshot,
    pub done: String,
    pub choice: Choice,
}

/// Saves the form: the year `editing` changed, or a new year and procedure
/// from the form. Gives the new snapshot, what was done and which year it
/// was, or every fault, in the order the fields are set out.
pub fn save_year(
    snapshot: &Snapshot,
    editing: Option<(Period, Procedure)>,
    form: &YearForm,
) -> Result<SavedYear, Vec<YearError>> {
    let mut errors = vec![];
    let key = match editing {
        Some(key) => Some(still_held(snapshot, key).map_err(|e| vec![e])?),
        None => read_new_key(snapshot, form, &mut errors),
    };
    let read = read_form(form, &mut errors);
    errors.extend(parts_against_wholes(&read));
    if editing.is_none() && read.says_nothing() && errors.is_empty() {
        errors.push(fault(
            FigureField::Received,
            "Enter at least one figure: a year with no figures says nothing",
        ));
    }
    sort::by_key(&mut errors, |e| e.field.rank());
    let Some((year, procedure)) = key.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut next = snapshot.clone();
    write_record(record_mut(&mut next, year, procedure), read);
    let verb = if editing.is_some() { "Saved" } else { "Added" };
    Ok(SavedYear {
        snapshot: next,
        done: format!("{verb} the {year} figures for {}", procedure.label()),
        choice: Choice { procedure, year },
    })
}

/// Removes the figures of `procedure` in `year`.
pub fn remove_year(
    snapshot: &Snapshot,
    year: Period,
    procedure: Procedure,
) -> Option<(Snapshot, String)> {
    let mut next = snapshot.clone();
    let at = next
        .complaints
        .iter()
        .position(|c| c.year == year && c.procedure == procedure)?;
    next.complaints.remove(at);
    Some((
        next,
        format!("Removed the {year} figures for {}", procedure.label()),
    ))
}
