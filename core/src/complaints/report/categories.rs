//! Complaints by service or category: the chosen year against the year before.

use super::figure::{cell, counts_row, Figure, Table};
use super::{change, find, n, Choice};
use crate::charts::bars::{Datum, Series};
use crate::domain::complaints::ComplaintsYear;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::sort;

/// The count of the category `label` in `c`, where it is given.
fn count_in(c: Option<&ComplaintsYear>, label: &str) -> Option<u32> {
    c.and_then(|c| {
        c.categories
            .iter()
            .find(|x| x.label == label)
            .map(|x| x.count)
    })
}

/// The rows: this year's categories, most complaints first, then those
/// only the year before gives.
fn labels_of(this: Option<&ComplaintsYear>, before: Option<&ComplaintsYear>) -> Vec<String> {
    let mut labels: Vec<String> = this
        .map(|c| c.categories.iter().map(|x| x.label.clone()).collect())
        .unwrap_or_default();
    sort::by_key(&mut labels, |l| std::cmp::Reverse(count_in(this, l)));
    for x in before.iter().flat_map(|c| c.categories.iter()) {
        if !labels.contains(&x.label) {
            labels.push(x.label.clone());
        }
    }
    labels
}

/// The most common subject, then the biggest move among categories given
/// in both years.
fn summary_of(
    choice: &Choice,
    this: Option<&ComplaintsYear>,
    previous: Option<(Period, &ComplaintsYear)>,
) -> String {
    let top = this.and_then(|c| c.categories.iter().max_by_key(|x| x.count));
    let Some(top) = top else {
        return format!(
            "No services or categories are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        );
    };
    let mut text = format!(
        "{} was the most common subject of {} complaints in {}, with {}.",
        top.label,
        choice.procedure.noun(),
        choice.year,
        n(top.count)
    );
    if let Some((year, before)) = previous {
        let moved = this
            .into_iter()
            .flat_map(|c| c.categories.iter())
            .filter_map(|x| count_in(Some(before), &x.label).map(|b| (x, b)))
            .filter(|(x, b)| x.count != *b)
            .max_by_key(|(x, b)| x.count.abs_diff(*b));
        if let Some((x, b)) = moved {
            text.push_str(&format!(
                " {} {}.",
                x.label,
                change(b, x.count, year, choice.year)
            ));
        }
    }
    text
}

/// Complaints by service or category: the chosen year against the year before.
pub fn categories(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let this = find(snapshot, choice.year, choice.procedure);
    let previous = choice
        .previous(snapshot)
        .and_then(|p| find(snapshot, p, choice.procedure).map(|c| (p, c)))
        .filter(|(_, c)| !c.categories.is_empty());
    let labels = labels_of(this, previous.map(|(_, c)| c));
    // One column per year shown: the year before (where it gives
    // categories), then the chosen year.
    let years: Vec<(Period, Option<&ComplaintsYear>)> = previous
        .map(|(year, before)| (year, Some(before)))
        .into_iter()
        .chain([(choice.year, this)])
        .collect();
    let series = years
        .iter()
        .map(|(year, c)| Series {
            name: year.to_string(),
            values: labels
                .iter()
                .map(|l| count_in(*c, l).map(Datum::count))
                .collect(),
        })
        .collect();
    let mut head = vec!["Service or category".to_owned()];
    head.extend(years.iter().map(|(year, _)| year.to_string()));
    let rows = labels
        .iter()
        .map(|l| {
            let mut row = vec![l.clone()];
            row.extend(years.iter().map(|(_, c)| cell(count_in(*c, l))));
            row
        })
        .collect();
    let counts = labels
        .iter()
        .map(|l| counts_row(years.iter().map(|(_, c)| count_in(*c, l))))
        .collect();
    Figure {
        id: "categories",
        title: format!(
            "Complaints by service or category: {}",
            choice.procedure.label()
        ),
        summary: summary_of(choice, this, previous),
        labels,
        series,
        note: Some(
            "A report may give only the main categories, and one complaint can have more than one."
                .into(),
        ),
        table: Table { head, rows, counts },
    }
}
