//! Complaints figures as the annual report prints them: five years side by
//! side, one row per figure ("Complaints received", "Upheld", ...), the
//! procedure named in the title above ("Adult social care complaints").
//! Read by turning the table to one row per procedure and year, and every
//! fault, heading and note turned back to the sheet's own rows and columns.

use super::super::columns::ColumnSpec;
use super::super::{Fault, Table, Understood};
use super::columns::read_procedure;
use super::COMPLAINTS_COLUMNS;
use crate::domain::complaints::Procedure;
use crate::domain::period::Period;
use crate::text::excerpt;

/// The table turned to one row per year, and how to turn its places back.
pub(super) struct Across {
    pub(super) table: Table,
    /// For each column of the turned table (after procedure and year), the
    /// sheet's row (0-based) and its heading as printed.
    figure_rows: Vec<(usize, String)>,
    /// For each row of the turned table (after its header), the sheet's
    /// column heading (the year as printed).
    years: Vec<String>,
    pub(super) understood: Understood,
    pub(super) not_read: Option<String>,
}

/// The procedure the title rows (or the sheet's name) name, where exactly
/// one is: runs of up to four words, each read as a procedure.
fn title_procedure<'a>(titles: impl IntoIterator<Item = &'a str>) -> Option<Procedure> {
    let mut found: Vec<Procedure> = vec![];
    for title in titles {
        let words: Vec<&str> = title.split_whitespace().collect();
        for size in (1..=4).rev() {
            for window in words.windows(size) {
                if let Some(p) = read_procedure(&window.join(" ")) {
                    if !found.contains(&p) {
                        found.push(p);
                    }
                }
            }
        }
    }
    match found.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

fn spec_of(label: &str) -> Option<&'static ColumnSpec> {
    COMPLAINTS_COLUMNS
        .iter()
        .find(|s| s.key != "procedure" && s.key != "year" && s.matches(label))
}

/// The table turned, where it has a row of financial years (two at least)
/// and its title names one procedure; `None` otherwise.
pub(super) fn years_across(table: &Table) -> Option<Across> {
    let filled: Vec<usize> = (0..table.rows.len())
        .filter(|&r| !table.is_blank(r))
        .take(10)
        .collect();
    let is_year = |text: &str| matches!(text.parse::<Period>(), Ok(Period::FinancialYear { .. }));
    let header = *filled
        .iter()
        .find(|&&r| table.rows[r].iter().filter(|c| is_year(c.trim())).count() >= 2)?;
    let year_columns: Vec<usize> = (0..table.rows[header].len())
        .filter(|&c| is_year(table.cell(header, c)))
        .collect();
    let titles = table.rows[..header]
        .iter()
        .flatten()
        .map(String::as_str)
        .chain(table.sheet.as_deref())
        .chain((0..year_columns[0]).map(|c| table.cell(header, c)));
    let procedure = title_procedure(titles)?;
    let label_of = |r: usize| {
        (0..year_columns[0])
            .map(|c| table.cell(r, c))
            .find(|t| !t.is_empty())
    };
    let mut figure_rows = vec![];
    let mut unread = vec![];
    for r in header + 1..table.rows.len() {
        let Some(label) = label_of(r) else { continue };
        match spec_of(label) {
            Some(spec)
                if !figure_rows.iter().any(|(_, l): &(usize, String)| {
                    spec_of(l).is_some_and(|s| s.key == spec.key)
                }) =>
            {
                figure_rows.push((r, label.to_owned()))
            }
            _ if (year_columns.iter().any(|&c| !table.cell(r, c).is_empty())) => {
                unread.push(format!("\u{201c}{}\u{201d}", excerpt(label)))
            }
            _ => {}
        }
    }
    if figure_rows.is_empty() {
        return None;
    }
    let mut rows = vec![];
    let mut head = vec!["procedure".to_owned(), "year".to_owned()];
    head.extend(figure_rows.iter().map(|(_, label)| label.clone()));
    rows.push(head);
    let years: Vec<String> = year_columns
        .iter()
        .map(|&c| table.cell(header, c).to_owned())
        .collect();
    for (&c, year) in year_columns.iter().zip(&years) {
        let mut row = vec![procedure.label().to_owned(), year.clone()];
        row.extend(
            figure_rows
                .iter()
                .map(|&(r, _)| table.cell(r, c).to_owned()),
        );
        rows.push(row);
    }
    let not_read = (!unread.is_empty()).then(|| {
        format!(
            "The rows {} were not read: Scrutineer holds no such figure for a year.",
            crate::bring_in::and_list(&unread)
        )
    });
    Some(Across {
        table: Table { sheet: table.sheet.clone(), rows },
        figure_rows,
        years,
        understood: Understood {
            place: format!("Row {}", header + 1),
            printed: table.rows[header].iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(", "),
            understood: format!("A column for each financial year and a row for each figure, all for {}, the procedure the title names", procedure.label()),
        },
        not_read,
    })
}

impl Across {
    /// A fault of the turned table, at the sheet's own row and column.
    pub(super) fn place(&self, fault: Fault) -> Fault {
        let year = fault
            .row
            .and_then(|r| r.checked_sub(2))
            .and_then(|i| self.years.get(i));
        let figure = fault
            .column
            .as_deref()
            .and_then(|c| self.figure_rows.iter().find(|(_, label)| label == c));
        match (figure, year) {
            (Some((r, _)), Some(year)) => Fault {
                sheet: fault.sheet,
                row: Some(r + 1),
                column: Some(year.clone()),
                message: fault.message,
            },
            (None, Some(year)) => Fault {
                row: None,
                column: Some(year.clone()),
                ..fault
            },
            _ => fault,
        }
    }

    /// A heading's place in the turned table ("Column “Upheld”") as the
    /// sheet's row.
    pub(super) fn row_place(&self, place: &str) -> String {
        self.figure_rows
            .iter()
            .find(|(_, label)| place == format!("Column \u{201c}{}\u{201d}", excerpt(label)))
            .map_or_else(
                || place.to_owned(),
                |(r, label)| format!("Row {}, \u{201c}{label}\u{201d}", r + 1),
            )
    }
}
