//! Complaints by service or category: the chosen year against the year before.

use super::figure::{cell, Figure, Table};
use super::{change, find, n, Choice};
use crate::charts::bars::{Datum, Series};
use crate::domain::complaints::ComplaintsYear;
use crate::domain::snapshot::Snapshot;

/// Complaints by service or category: the chosen year against the year before.
pub fn categories(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let this = find(snapshot, choice.year, choice.procedure);
    let previous = choice
        .previous(snapshot)
        .and_then(|p| find(snapshot, p, choice.procedure).map(|c| (p, c)))
        .filter(|(_, c)| !c.categories.is_empty());
    let count_in = |c: Option<&ComplaintsYear>, label: &str| {
        c.and_then(|c| {
            c.categories
                .iter()
                .find(|x| x.label == label)
                .map(|x| x.count)
        })
    };
    let mut labels: Vec<String> = this
        .map(|c| c.categories.iter().map(|x| x.label.clone()).collect())
        .unwrap_or_default();
    labels.sort_by_key(|l| std::cmp::Reverse(count_in(this, l)));
    if let Some((_, before)) = previous {
        for x in &before.categories {
            if !labels.contains(&x.label) {
                labels.push(x.label.clone());
            }
        }
    }
    let mut series = vec![];
    let mut head = vec!["Service or category".to_owned()];
    if let Some((year, before)) = previous {
        series.push(Series {
            name: year.to_string(),
            values: labels
                .iter()
                .map(|l| count_in(Some(before), l).map(Datum::count))
                .collect(),
        });
        head.push(year.to_string());
    }
    series.push(Series {
        name: choice.year.to_string(),
        values: labels
            .iter()
            .map(|l| count_in(this, l).map(Datum::count))
            .collect(),
    });
    head.push(choice.year.to_string());
    let rows = labels
        .iter()
        .map(|l| {
            let mut row = vec![l.clone()];
            if let Some((_, before)) = previous {
                row.push(cell(count_in(Some(before), l)));
            }
            row.push(cell(count_in(this, l)));
            row
        })
        .collect();
    let top = this.and_then(|c| c.categories.iter().max_by_key(|x| x.count));
    let summary = match top {
        Some(top) => {
            let mut text = format!(
                "{} was the most common subject of {} complaints in {}, with {}.",
                top.label,
                choice.procedure.noun(),
                choice.year,
                n(top.count)
            );
            // The biggest move among categories given in both years.
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
        None => format!(
            "No services or categories are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    Figure {
        id: "categories",
        title: format!(
            "Complaints by service or category: {}",
            choice.procedure.label()
        ),
        labels,
        series,
        summary,
        note: Some(
            "A report may give only the main categories, and one complaint can have more than one."
                .into(),
        ),
        table: Table { head, rows },
    }
}
