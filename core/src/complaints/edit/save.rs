//! Saving the form into the snapshot, and removing a year.

use std::collections::BTreeMap;

use super::checks::{fit, n, Fit};
use super::form::{fields, outcome_key, static_key, YearForm};
use super::read::{fault, read_count, read_lines, read_money};
use super::record_mut;
use crate::complaints::report::{find, Choice, COMPLAINT_OUTCOMES, OMBUDSMAN_OUTCOMES};
use crate::domain::complaints::{Ombudsman, Outcome, OutcomeCount, Procedure, StageCount};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::snapshot::{FieldError, Snapshot};
use crate::file::validate::YEARS;

/// Which year and procedure a new record is for.
fn read_new_key(
    snapshot: &Snapshot,
    form: &YearForm,
    errors: &mut Vec<FieldError>,
) -> Option<(Period, Procedure)> {
    let year = match form.year.trim().parse::<Period>() {
        _ if form.year.trim().is_empty() => {
            errors.push(fault("year", "Enter the financial year, like 2019/20"));
            None
        }
        Ok(p @ Period::FinancialYear { start_year }) if YEARS.contains(&start_year) => Some(p),
        Ok(p) if p.kind() == PeriodKind::FinancialYear => {
            errors.push(fault(
                "year",
                "Enter a financial year from 1990/91 to 2100/01",
            ));
            None
        }
        _ => {
            errors.push(fault(
                "year",
                format!(
                    "Complaints are counted by financial year: enter one like 2019/20, not \u{201c}{}\u{201d}",
                    form.year.trim()
                ),
            ));
            None
        }
    };
    let procedure = Procedure::from_key(form.procedure.trim());
    if procedure.is_none() {
        errors.push(fault("procedure", "Choose the complaints procedure"));
    }
    let (year, procedure) = (year?, procedure?);
    if find(snapshot, year, procedure).is_some() {
        errors.push(fault(
            "year",
            format!(
                "There are already figures for {} in {year}: change those instead",
                procedure.label()
            ),
        ));
        return None;
    }
    Some((year, procedure))
}

/// A saved year: the new snapshot, what was done, and the year and
/// procedure saved (for the page to show next).
#[derive(Clone, Debug, PartialEq)]
pub struct SavedYear {
    pub snapshot: Snapshot,
    pub done: String,
    pub choice: Choice,
}

/// The year and procedure an address (`procedure=…&year=…`) asks to
/// change, where both are held; otherwise `None`, with the procedure asked
/// for (if it reads) to start a new year with.
pub fn editing_of(
    snapshot: &Snapshot,
    query: &[(String, String)],
) -> (Option<(Period, Procedure)>, Option<Procedure>) {
    let asked = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let procedure = asked("procedure").and_then(Procedure::from_key);
    let year = asked("year").and_then(|y| y.parse::<Period>().ok());
    match (year, procedure) {
        (Some(y), Some(p)) if find(snapshot, y, p).is_some() => (Some((y, p)), Some(p)),
        _ => (None, procedure),
    }
}

/// Saves the form: the year `editing` changed, or a new year and procedure
/// from the form. Gives the new snapshot, what was done and which year it
/// was, or every fault.
pub fn save_year(
    snapshot: &Snapshot,
    editing: Option<(Period, Procedure)>,
    form: &YearForm,
) -> Result<SavedYear, Vec<FieldError>> {
    let mut errors = vec![];
    let key = match editing {
        Some((year, procedure)) => {
            if find(snapshot, year, procedure).is_none() {
                return Err(vec![fault(
                    "received",
                    format!(
                        "There are no figures for {} in {year} any more: they may have been changed in another tab",
                        procedure.label()
                    ),
                )]);
            }
            Some((year, procedure))
        }
        None => read_new_key(snapshot, form, &mut errors),
    };
    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    let mut money: BTreeMap<&'static str, f64> = BTreeMap::new();
    for f in fields() {
        let text = form.text(f.key);
        if f.money {
            match read_money(f.key, text) {
                Ok(Some(v)) => {
                    money.insert(f.key, v);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        } else {
            match read_count(f.key, text) {
                Ok(Some(v)) => {
                    counts.insert(f.key, v);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    let categories = read_lines("categories", "the services or categories", &form.categories)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let by_service = read_lines(
        "compliments-by-service",
        "the compliments by service",
        &form.compliments_by_service,
    )
    .map_err(|e| errors.push(e))
    .unwrap_or_default();
    let get = |key: &str| counts.get(key).copied();
    let received = get("received");
    let closed = get("closed");
    // Parts cannot exceed the whole.
    if let Some(received) = received {
        if let Some(closed) = closed.filter(|c| *c > received) {
            errors.push(fault(
                "closed",
                format!(
                    "Closed complaints ({}) cannot be more than complaints received ({})",
                    n(closed),
                    n(received)
                ),
            ));
        }
        let staged: u32 = (0..=3).filter_map(|s| get(&format!("stage-{s}"))).sum();
        if staged > received {
            errors.push(fault(
                "stage-0",
                format!(
                    "The stages add up to {}, more than the {} complaints received",
                    n(staged),
                    n(received)
                ),
            ));
        }
        for (key, what) in [
            ("exceeded", "Complaints answered beyond the timescale"),
            ("joint", "Joint complaints with the NHS"),
            ("outcome-still_open", "Complaints still open"),
        ] {
            if let Some(part) = get(key).filter(|p| *p > received) {
                errors.push(fault(
                    static_key(key).unwrap_or("received"),
                    format!(
                        "{what} ({}) cannot be more than complaints received ({})",
                        n(part),
                        n(received)
                    ),
                ));
            }
        }
        if let Some(x) = categories.iter().find(|x| x.count > received) {
            errors.push(fault(
                "categories",
                format!(
                    "{} has {} complaints, more than the {} received",
                    x.label,
                    n(x.count),
                    n(received)
                ),
            ));
        }
    } else if get("exceeded").is_some() {
        errors.push(fault(
            "received",
            "Enter complaints received as well: the share answered beyond the timescale is worked out from it",
        ));
    }
    let ended: Vec<u32> = COMPLAINT_OUTCOMES
        .iter()
        .filter(|o| **o != Outcome::StillOpen)
        .filter_map(|o| get(&outcome_key("outcome", *o)))
        .collect();
    match fit(&ended, closed) {
        Fit::NoBase => errors.push(fault(
            "closed",
            "Enter how many complaints were closed: the outcomes are shares of it",
        )),
        Fit::Over { total, base } => errors.push(fault(
            "outcome-upheld",
            format!(
                "The outcomes of closed complaints add up to {}, more than the {} closed",
                n(total),
                n(base)
            ),
        )),
        Fit::Fits => {}
    }
    let decided: Vec<u32> = OMBUDSMAN_OUTCOMES
        .iter()
        .filter_map(|o| get(&outcome_key("omb", *o)))
        .collect();
    let base = get("omb-decisions").or(get("omb-investigations"));
    match fit(&decided, base) {
        Fit::NoBase => errors.push(fault(
            "omb-decisions",
            "Enter the Ombudsman's decisions (or its investigations): the decisions by outcome are shares of it",
        )),
        Fit::Over { total, base } => errors.push(fault(
            "omb-upheld",
            format!(
                "The Ombudsman's decisions by outcome add up to {}, more than the {} {}",
                n(total),
                n(base),
                if get("omb-decisions").is_some() { "decisions made" } else { "investigations" }
            ),
        )),
        Fit::Fits => {}
    }
    if let (Some(enquiries), Some(investigations)) =
        (get("omb-enquiries"), get("omb-investigations"))
    {
        if investigations > enquiries {
            errors.push(fault(
                "omb-investigations",
                format!(
                    "Detailed investigations ({}) cannot be more than the enquiries the Ombudsman received ({})",
                    n(investigations),
                    n(enquiries)
                ),
            ));
        }
    }
    let notes: Vec<String> = form
        .notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let nothing =
        counts.is_empty() && money.is_empty() && categories.is_empty() && by_service.is_empty();
    if editing.is_none() && nothing && errors.is_empty() {
        errors.push(fault(
            "received",
            "Enter at least one figure: a year with no figures says nothing",
        ));
    }
    // Errors in the order the fields are set out.
    let order = |field: &str| {
        ["year", "procedure"]
            .iter()
            .position(|k| *k == field)
            .map(|i| i as isize - 10)
            .or_else(|| fields().position(|f| f.key == field).map(|i| i as isize))
            .unwrap_or(100)
    };
    errors.sort_by_key(|e| order(e.field));
    let Some((year, procedure)) = key.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut next = snapshot.clone();
    let record = record_mut(&mut next, year, procedure);
    record.received = received;
    record.closed = closed;
    record.exceeded_timescale = get("exceeded");
    record.joint_with_nhs = get("joint");
    record.compliments = get("compliments");
    // Stages and outcomes the form does not show are kept as they were.
    let mut stages: Vec<StageCount> = record
        .stages
        .iter()
        .filter(|s| s.stage > 3)
        .copied()
        .collect();
    stages.extend((0..=3u8).filter_map(|stage| {
        get(&format!("stage-{stage}")).map(|count| StageCount { stage, count })
    }));
    stages.sort_by_key(|s| s.stage);
    record.stages = stages;
    let mut outcomes: Vec<OutcomeCount> = record
        .outcomes
        .iter()
        .filter(|o| !COMPLAINT_OUTCOMES.contains(&o.outcome))
        .copied()
        .collect();
    outcomes.extend(COMPLAINT_OUTCOMES.iter().filter_map(|o| {
        get(&outcome_key("outcome", *o)).map(|count| OutcomeCount { outcome: *o, count })
    }));
    outcomes.sort_by_key(|o| o.outcome);
    record.outcomes = outcomes;
    record.categories = categories;
    record.compliments_by_service = by_service;
    let mut ombudsman = record.ombudsman.clone().unwrap_or_default();
    ombudsman.enquiries = get("omb-enquiries");
    ombudsman.investigations = get("omb-investigations");
    ombudsman.decisions = get("omb-decisions");
    let mut decisions: Vec<OutcomeCount> = ombudsman
        .outcomes
        .iter()
        .filter(|o| !OMBUDSMAN_OUTCOMES.contains(&o.outcome))
        .copied()
        .collect();
    decisions.extend(OMBUDSMAN_OUTCOMES.iter().filter_map(|o| {
        get(&outcome_key("omb", *o)).map(|count| OutcomeCount { outcome: *o, count })
    }));
    decisions.sort_by_key(|o| o.outcome);
    ombudsman.outcomes = decisions;
    ombudsman.settlements_paid = money.get("omb-settlements").copied();
    record.ombudsman = (ombudsman != Ombudsman::default()).then_some(ombudsman);
    record.investigation_cost = money.get("cost").copied();
    record.notes = notes;
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
