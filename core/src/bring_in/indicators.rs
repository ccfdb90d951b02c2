//! Indicators, their service areas and figures from one spreadsheet, in
//! either of the two shapes councils keep them:
//!
//! - **long**: one row per indicator and period, as "Download figures
//!   (CSV)" writes it (`indicator_id`, `indicator`, `service_area`,
//!   `good_is`, `unit`, `period`, `value`, ...);
//! - **wide**: one row per indicator and one column per period, as
//!   monitoring reports print them ("Performance Measure", "Good is",
//!   "2016/17", "Q1 18/19", "England Average"), with rows naming a service
//!   area above its indicators.
//!
//! A row for an indicator the snapshot does not hold creates it (and its
//! service area); one it holds is found by id, or else by name. A figure for
//! a period already held that differs is listed as a change, never
//! overwritten silently. Any fault refuses the whole file.

use chrono::NaiveDate;

use super::cells::{infer_unit, read_cell, read_polarity, read_unit};
use super::columns::{self, normalise, ColumnSpec, ColumnsError, Found, Mapping, Unmatched};
use super::labels::{
    gives_no_year, read_label, read_label_in, title_year, understood, ColumnLabel,
};
use super::{Changed, Fault, Plan, Refused, Table, Template, Understood};
use crate::domain::indicator::{Comparator, ComparatorKind, Indicator, ServiceArea};
use crate::domain::period::Period;
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{MissingReason, Unit, Value};
use crate::indicators::add::unique_id;
use crate::text::{excerpt, read_number, slug};
mod apply;
mod figures;
mod headings;
mod which;

use headings::{col, unit_named, WIDE_KEYS};
pub use headings::{indicators_template, INDICATOR_COLUMNS, NO_AREA};

/// What a wide table's figure column holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Figures {
    /// The council's figures of this period (`None`: each cell gives its own).
    Own(Option<Period>),
    /// A comparator's, with the heading's period.
    Of(ComparatorKind, Option<Period>),
}

/// An indicator the file names: one the snapshot holds (its index there),
/// or one this import creates (its index in [`Reading::created`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum At {
    Held(usize),
    New(usize),
}

/// Which figure: the indicator, whose (`None`: the council's own), the period.
type FigureKey = (At, Option<ComparatorKind>, Option<Period>);

/// One figure or comparator the file gives, before it is applied.
struct Given {
    row: usize,
    column: usize,
    at: At,
    period: Option<Period>,
    /// `None` for the council's own figure.
    comparator: Option<ComparatorKind>,
    region_name: Option<String>,
    value: Value,
}

/// The import so far.
struct Reading<'a> {
    table: &'a Table,
    found: Found,
    /// The snapshot as it will be, less the indicators created.
    next: Snapshot,
    /// Indicators this import creates, in the file's order.
    created: Vec<Indicator>,
    created_areas: usize,
    faults: Vec<Fault>,
    given: Vec<Given>,
    /// Standing targets the file gives: indicator, row, column, target.
    targets: Vec<(At, usize, usize, Target)>,
    understood: Vec<Understood>,
    /// Sentences for held indicators the file describes otherwise.
    differing: Vec<String>,
    /// Columns read: by spec, or as figure columns.
    read_columns: Vec<usize>,
    /// Indicators and rows by id and name.
    index: which::Index,
    /// A wide table's column of standing targets, where it has one.
    target_col: Option<usize>,
    /// The financial year the table's title (or its sheet's name) names,
    /// for headings that give only a quarter or a month.
    year: Option<i32>,
}

/// Reads indicators and figures from `table` into `snapshot`, with columns
/// found by heading or `chosen` by the person. Headings relative to the
/// report ("YTD 18/19", "Rolling 3 month average") are resolved against the
/// snapshot's as-at date.
pub fn plan_indicators(
    snapshot: &Snapshot,
    table: &Table,
    chosen: &Mapping,
) -> Result<Plan, Refused> {
    let mut found = columns::find(table, &INDICATOR_COLUMNS, chosen).map_err(Refused::Columns)?;
    let merged;
    let mut two_rows = None;
    let table = match headings::two_heading_rows(table, &found) {
        Some((with_years, understood)) => {
            merged = with_years;
            two_rows = Some(understood);
            // Its headings are the merged ones now.
            found.headings = merged.rows[found.header_row].clone();
            &merged
        }
        None => table,
    };
    let long = col(&found, "period").is_some() && col(&found, "value").is_some();
    let named = col(&found, "indicator_id").is_some() || col(&found, "indicator").is_some();
    let mut reading = Reading {
        table,
        read_columns: INDICATOR_COLUMNS
            .iter()
            .zip(&found.at)
            .filter(|(spec, _)| long || WIDE_KEYS.contains(&spec.key))
            .filter_map(|(_, at)| *at)
            .collect(),
        found,
        next: snapshot.clone(),
        created: vec![],
        created_areas: 0,
        faults: vec![],
        given: vec![],
        targets: vec![],
        understood: vec![],
        differing: vec![],
        index: which::Index::default(),
        target_col: None,
        year: None,
    };
    let titles = table.rows[..reading.found.header_row]
        .iter()
        .flatten()
        .map(String::as_str)
        .chain(table.sheet.as_deref());
    reading.year = title_year(titles);
    reading.understood.extend(two_rows);
    let wide = if long {
        vec![]
    } else {
        let header_row = reading.found.header_row;
        reading.figure_columns(snapshot.as_at, header_row)
    };
    let has_figures = long || !wide.is_empty();
    if !named || (!has_figures && reading.faults.is_empty()) {
        let mut missing = vec![];
        if !named {
            missing.push(unmatched("indicator"));
        }
        if !has_figures {
            missing.extend([unmatched("period"), unmatched("value")]);
        }
        return Err(Refused::Columns(ColumnsError::Unmatched {
            found: reading.found,
            missing,
        }));
    }
    if !reading.faults.is_empty() {
        return Err(Refused::Faults(reading.faults));
    }
    reading.rows(long, wide, snapshot.as_at);
    reading.finish()
}

fn unmatched(key: &'static str) -> Unmatched {
    let accepts = INDICATOR_COLUMNS
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.accepts);
    Unmatched { key, accepts }
}

/// "Sentence one", "“a”, “b” and “c”".
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|i| format!("\u{201c}{}\u{201d}", excerpt(i)))
        .collect();
    super::and_list(&quoted)
}

impl Reading<'_> {
    fn heading(&self, column: usize) -> String {
        self.found.heading(column)
    }

    fn cell(&self, row: usize, column: Option<usize>) -> &str {
        column.map_or("", |c| self.table.cell(row, c))
    }

    fn fail(&mut self, row: usize, column: usize, message: impl Into<String>) {
        let heading = self.heading(column);
        let fault = self.table.fault(row, Some(&heading), message);
        self.faults.push(fault);
    }

    fn indicator(&self, at: At) -> &Indicator {
        match at {
            At::Held(i) => &self.next.indicators[i],
            At::New(i) => &self.created[i],
        }
    }

    fn indicator_mut(&mut self, at: At) -> &mut Indicator {
        match at {
            At::Held(i) => &mut self.next.indicators[i],
            At::New(i) => &mut self.created[i],
        }
    }

    /// The columns of a wide table whose headings name periods, comparators
    /// or a target; a heading that looks like a period but cannot be read
    /// is a fault.
    fn figure_columns(&mut self, as_at: NaiveDate, header_row: usize) -> Vec<(usize, Figures)> {
        let by_spec = [
            ("england", ComparatorKind::England),
            ("region", ComparatorKind::Region),
            (
                "statistical_neighbours",
                ComparatorKind::StatisticalNeighbours,
            ),
        ];
        let mut out = vec![];
        for (at, heading) in self.found.headings.clone().iter().enumerate() {
            let place = format!("Column \u{201c}{}\u{201d}", self.heading(at));
            let printed = heading.trim().to_owned();
            if let Some((_, kind)) = by_spec
                .iter()
                .find(|(k, _)| col(&self.found, k) == Some(at))
            {
                out.push((at, Figures::Of(*kind, None)));
                let understood = kind.label().to_owned();
                self.understood.push(Understood {
                    place,
                    printed,
                    understood,
                });
                continue;
            }
            if col(&self.found, "target") == Some(at) {
                self.target_column(at, place, printed);
                continue;
            }
            if self.found.at.contains(&Some(at)) || printed.is_empty() {
                continue;
            }
            let label = match read_label_in(heading, as_at, self.year) {
                Ok(label) => label,
                Err(reason) => {
                    self.fail(header_row, at, reason);
                    continue;
                }
            };
            let figures = match label {
                ColumnLabel::Period(p) => Figures::Own(Some(p)),
                ColumnLabel::CellsGivePeriod => Figures::Own(None),
                ColumnLabel::Comparator { kind, period } => Figures::Of(kind, period),
                ColumnLabel::Target => {
                    self.target_column(at, place, printed);
                    continue;
                }
                _ => continue,
            };
            let mut understood = understood(&label);
            if self.year.is_some() && read_label(heading, as_at).as_ref() != Ok(&label) {
                understood.push_str(", its year from the title above the table");
            }
            self.understood.push(Understood {
                place,
                printed,
                understood,
            });
            self.read_columns.push(at);
            out.push((at, figures));
        }
        out
    }

    /// Takes column `at` as the standing targets' column, if none is yet;
    /// another is left unread (and so named as not read).
    fn target_column(&mut self, at: usize, place: String, printed: String) {
        if self.target_col.is_some_and(|c| c != at) {
            return;
        }
        self.target_col = Some(at);
        if !self.read_columns.contains(&at) {
            self.read_columns.push(at);
        }
        if !normalise(&printed).eq("target") {
            self.understood.push(Understood {
                place,
                printed,
                understood: "A standing target for every period".to_owned(),
            });
        }
    }

    /// Whether `row` only names a service area: one filled cell, in the
    /// name column (or the first), and no id.
    fn area_heading(&self, row: usize) -> Option<String> {
        let cells = self.table.rows.get(row)?;
        let filled: Vec<usize> = (0..cells.len())
            .filter(|&c| !cells[c].trim().is_empty())
            .collect();
        let name_col = col(&self.found, "indicator").unwrap_or(0);
        match filled.as_slice() {
            [only] if *only == name_col || *only == 0 => Some(cells[*only].trim().to_owned()),
            _ => None,
        }
    }

    /// Whether `row` repeats a header (a pack pasted whole repeats its
    /// table's heading over each section, sometimes with other periods):
    /// its name cell is a heading ("Performance Measure"), or empty with at
    /// least two other cells and every one a heading or a period. Only a
    /// wide table has them.
    fn is_header(&self, row: usize, long: bool) -> bool {
        if long {
            return false;
        }
        let name_col = col(&self.found, "indicator");
        let name = self.cell(row, name_col);
        let named = INDICATOR_COLUMNS
            .iter()
            .find(|s| s.key == "indicator")
            .is_some_and(|s| s.matches(name));
        if named || !name.is_empty() {
            return named;
        }
        let filled: Vec<&String> = self.table.rows[row]
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .collect();
        filled.len() >= 2
            && filled.iter().all(|cell| {
                INDICATOR_COLUMNS.iter().any(|s| s.matches(cell))
                    || matches!(
                        read_label_in(cell, self.next.as_at, self.year),
                        Ok(ColumnLabel::Period(_)
                            | ColumnLabel::CellsGivePeriod
                            | ColumnLabel::Comparator { .. }
                            | ColumnLabel::Target)
                    )
            })
    }

    /// Reads every row below the header.
    fn rows(&mut self, long: bool, mut wide: Vec<(usize, Figures)>, as_at: NaiveDate) {
        let mut area: Option<String> = None;
        for row in self.found.header_row + 1..self.table.rows.len() {
            if self.table.is_blank(row) {
                continue;
            }
            if self.is_header(row, long) {
                // The next section's own headings: its periods may differ.
                // A heading the repeat leaves empty keeps the first one's.
                let first = std::mem::take(&mut self.found.headings);
                let width = first.len().max(self.table.rows[row].len());
                self.found.headings = (0..width)
                    .map(|c| match self.table.cell(row, c) {
                        "" => first.get(c).cloned().unwrap_or_default(),
                        heading => heading.to_owned(),
                    })
                    .collect();
                wide = if long {
                    vec![]
                } else {
                    self.figure_columns(as_at, row)
                };
                continue;
            }
            if let Some(name) = self.area_heading(row) {
                if col(&self.found, "service_area").is_none() {
                    self.understood.push(Understood {
                        place: format!("Row {}", row + 1),
                        printed: name.clone(),
                        understood: "A service area: the indicators below it belong to it"
                            .to_owned(),
                    });
                    area = Some(name);
                    continue;
                }
            }
            let Some(at) = self.indicator_of(row, area.as_deref(), long, &wide) else {
                continue;
            };
            if long {
                self.long_row(row, at);
            } else {
                for &(column, figures) in &wide {
                    self.wide_cell(row, column, at, figures);
                }
            }
            self.target(row, at);
        }
    }
}

#[cfg(test)]
mod tests;
