//! Complaints received each year by every procedure (the report's first
//! graph), and compliments beside complaints for the chosen procedure.

use super::figure::{cell, counts_by_year, counts_row, label_of, per_year, Figure, Table};
use super::{change, find, n, Choice};
use crate::charts::bars::{Datum, Series};
use crate::domain::complaints::Procedure;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::sort;
use crate::text::capitalise;

/// How one procedure's received count moved into `year` from the year
/// before: "rose 13% from 479 in 2016/17 to 540 in 2017/18". `None` without
/// both counts.
pub fn received_change(snapshot: &Snapshot, procedure: Procedure, year: Period) -> Option<String> {
    let now = find(snapshot, year, procedure)?.received?;
    let before_year = Choice { procedure, year }.previous(snapshot)?;
    let before = find(snapshot, before_year, procedure)?.received?;
    Some(change(before, now, before_year, year))
}

/// How one procedure's received count moved into `year`, as a sentence.
pub fn received_sentence(
    snapshot: &Snapshot,
    procedure: Procedure,
    year: Period,
) -> Option<String> {
    let now = find(snapshot, year, procedure)?.received?;
    let who = capitalise(procedure.noun());
    Some(match received_change(snapshot, procedure, year) {
        Some(moved) => format!("{who} complaints {moved}."),
        None => format!(
            "{who}: {} complaints in {year}, with no figure for the year before to compare.",
            n(now)
        ),
    })
}

/// Graph 1 of the report: complaints received each year, every procedure.
pub fn trend(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let procedures: Vec<Procedure> = Procedure::ALL
        .into_iter()
        .filter(|p| {
            window
                .iter()
                .any(|y| find(snapshot, *y, *p).is_some_and(|c| c.received.is_some()))
        })
        .collect();
    let series: Vec<Series> = procedures
        .iter()
        .map(|p| Series {
            name: p.label().into(),
            values: window
                .iter()
                .map(|y| {
                    find(snapshot, *y, *p)
                        .and_then(|c| c.received)
                        .map(Datum::count)
                })
                .collect(),
        })
        .collect();
    // The chosen procedure's sentence first, then the others'.
    let mut order = procedures.clone();
    sort::by_key(&mut order, |p| *p != choice.procedure);
    let sentences: Vec<String> = order
        .iter()
        .filter_map(|p| received_sentence(snapshot, *p, choice.year))
        .collect();
    let summary = if sentences.is_empty() {
        format!(
            "No procedure has a count of complaints received for {}.",
            choice.year
        )
    } else {
        sentences.join(" ")
    };
    let mut head = vec!["Year".to_owned()];
    head.extend(procedures.iter().map(|p| p.label().to_owned()));
    Figure {
        id: "trend",
        title: "Complaints received each year, by procedure".into(),
        labels: label_of(&window),
        table: Table {
            head,
            rows: window
                .iter()
                .map(|y| {
                    let mut row = vec![y.to_string()];
                    row.extend(
                        procedures
                            .iter()
                            .map(|p| cell(find(snapshot, *y, *p).and_then(|c| c.received))),
                    );
                    row
                })
                .collect(),
            counts: window
                .iter()
                .map(|y| {
                    counts_row(
                        procedures
                            .iter()
                            .map(|p| find(snapshot, *y, *p).and_then(|c| c.received)),
                    )
                })
                .collect(),
        },
        series,
        summary,
        note: None,
    }
    .starting_at_first_figure()
}

/// Compliments beside complaints, year by year, for the chosen procedure.
pub fn compliments(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let received = per_year(snapshot, choice, &window, |c| c.received);
    let compliments = per_year(snapshot, choice, &window, |c| c.compliments);
    let this = find(snapshot, choice.year, choice.procedure);
    let who = choice.procedure.noun();
    let summary = match (
        this.and_then(|c| c.compliments),
        this.and_then(|c| c.received),
    ) {
        (Some(praise), Some(complaints)) => format!(
            "In {} {who} services received {} compliments and {} complaints: {}.",
            choice.year,
            n(praise),
            n(complaints),
            match praise.cmp(&complaints) {
                std::cmp::Ordering::Greater => "more compliments than complaints",
                std::cmp::Ordering::Less => "fewer compliments than complaints",
                std::cmp::Ordering::Equal => "as many compliments as complaints",
            }
        ),
        (Some(praise), None) => format!(
            "In {} {who} services received {} compliments; the count of complaints is not given.",
            choice.year,
            n(praise)
        ),
        _ => format!(
            "No count of {who} compliments is given for {}.",
            choice.year
        ),
    };
    counts_by_year(
        "compliments",
        format!(
            "Compliments and complaints each year: {}",
            choice.procedure.label()
        ),
        &window,
        &[
            ("Complaints received", received),
            ("Compliments received", compliments),
        ],
        &[],
        summary,
    )
}
