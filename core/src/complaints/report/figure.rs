//! One chart of the report as data (its series, sentence, note and table),
//! and the builders the charts share: a figure per year, its table, shares
//! drawn as percentages or, on a small base, as counts.

use super::{find, n, percent, Choice, SMALL_BASE};
use crate::charts::bars::{Datum, Series, NOT_GIVEN};
use crate::domain::complaints::ComplaintsYear;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;

/// A table of the same figures as a chart: a header row, then rows whose
/// first cell names the row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The count each cell shows, by row and column, where it is a count
    /// (not a share, a rate or days): what is flagged as a small number.
    pub counts: Vec<Vec<Option<u32>>>,
}

impl Table {
    /// Whether the cell at `row` and `column` is a count under `under`.
    pub fn is_small(&self, row: usize, column: usize, under: u32) -> bool {
        self.counts
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .flatten()
            .is_some_and(|c| c < under)
    }

    /// Whether any count in the table is under `under`.
    pub fn any_small(&self, under: u32) -> bool {
        self.counts.iter().flatten().flatten().any(|c| *c < under)
    }
}

/// One chart of the report, ready to draw: its title, series, sentence,
/// note and table. `series` is empty when there is nothing to chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// An id for the page: headings and tests find the chart by it.
    pub id: &'static str,
    pub title: String,
    /// The categories along the axis (years), or the rows of a row chart.
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// One or two sentences in plain English, computed from the figures.
    pub summary: String,
    /// Said under the chart, e.g. why a year shows counts not a percentage.
    pub note: Option<String>,
    pub table: Table,
}

impl Figure {
    /// Drops the years at the start where neither the chart nor its table
    /// has a figure, keeping the last year: a chart starts where its
    /// figures do.
    pub(super) fn starting_at_first_figure(mut self) -> Figure {
        let charted = |i: usize| {
            self.series
                .iter()
                .any(|s| s.values.get(i).is_some_and(Option::is_some))
        };
        let tabled = |i: usize| {
            self.table
                .rows
                .get(i)
                .is_some_and(|row| row.iter().skip(1).any(|c| c != NOT_GIVEN))
        };
        let first = (0..self.labels.len())
            .find(|i| charted(*i) || tabled(*i))
            .unwrap_or(self.labels.len().saturating_sub(1));
        self.labels.drain(..first);
        for s in &mut self.series {
            s.values.drain(..first.min(s.values.len()));
        }
        self.table.rows.drain(..first.min(self.table.rows.len()));
        self.table
            .counts
            .drain(..first.min(self.table.counts.len()));
        self
    }

    /// The element id of the chart's heading, which a link to the chart
    /// moves focus to: "chart-trend".
    pub fn anchor(&self) -> String {
        format!("chart-{}", self.id)
    }

    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().all(Option::is_none))
    }
}

pub(super) fn cell(value: Option<u32>) -> String {
    value.map(n).unwrap_or_else(|| NOT_GIVEN.into())
}

/// A row's counts, after its first cell (which names the row).
pub(super) fn counts_row(counts: impl Iterator<Item = Option<u32>>) -> Vec<Option<u32>> {
    std::iter::once(None).chain(counts).collect()
}

pub(super) fn label_of(years: &[Period]) -> Vec<String> {
    years.iter().map(Period::to_string).collect()
}

pub(super) fn per_year(
    snapshot: &Snapshot,
    choice: &Choice,
    window: &[Period],
    pick: impl Fn(&ComplaintsYear) -> Option<u32>,
) -> Vec<Option<u32>> {
    window
        .iter()
        .map(|y| find(snapshot, *y, choice.procedure).and_then(&pick))
        .collect()
}

pub(super) fn count_series(name: &str, values: &[Option<u32>]) -> Series {
    Series {
        name: name.into(),
        values: values.iter().map(|v| v.map(Datum::count)).collect(),
    }
}

pub(super) fn table_by_year(window: &[Period], columns: &[(&str, Vec<Option<u32>>)]) -> Table {
    let mut head = vec!["Year".to_owned()];
    head.extend(columns.iter().map(|(name, _)| (*name).to_owned()));
    Table {
        head,
        rows: window
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let mut row = vec![y.to_string()];
                row.extend(columns.iter().map(|(_, values)| cell(values[i])));
                row
            })
            .collect(),
        counts: (0..window.len())
            .map(|i| counts_row(columns.iter().map(|(_, values)| values[i])))
            .collect(),
    }
}

/// A figure of counts per year: a series per column, the same columns in
/// its table, then `extra` columns in the table only (a base).
pub(super) fn counts_by_year(
    id: &'static str,
    title: String,
    window: &[Period],
    columns: &[(&str, Vec<Option<u32>>)],
    extra: &[(&str, Vec<Option<u32>>)],
    summary: String,
) -> Figure {
    let tabled: Vec<(&str, Vec<Option<u32>>)> = columns.iter().chain(extra).cloned().collect();
    Figure {
        id,
        title,
        labels: label_of(window),
        series: columns
            .iter()
            .map(|(name, v)| count_series(name, v))
            .collect(),
        summary,
        note: None,
        table: table_by_year(window, &tabled),
    }
    .starting_at_first_figure()
}

/// A share for a chart: its percentage, or its counts when the base is small.
pub(super) fn share_datum(part: u32, base: u32) -> Datum {
    match percent(part, base) {
        Some(p) => Datum::new(f64::from(p), format!("{p}%")),
        None => Datum::label_only(format!("{} of {}", n(part), n(base))),
    }
}

pub(super) fn small_base_note(bases: &[Option<u32>]) -> Option<String> {
    bases.iter().flatten().any(|b| *b < SMALL_BASE).then(|| {
        format!("Where fewer than {SMALL_BASE} complaints are counted, the chart gives the counts, not a percentage.")
    })
}
