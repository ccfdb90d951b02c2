//! Bringing a council's own pack in from the spreadsheets officers keep:
//! indicators, the register and complaints, from CSV text or a workbook's
//! sheet, each read whole or not at all and previewed before anything is
//! stored.
//!
//! Every reader here takes a [`Table`] (rows of cell text, as a CSV file or
//! a workbook sheet gives them) and gives a [`Plan`]: the snapshot it would
//! make, what it creates and changes, and how it understood what was
//! printed; or every [`Fault`] by sheet, row and column.

use std::fmt;

use crate::domain::snapshot::Snapshot;

pub mod cells;
pub mod columns;
pub mod complaints;
pub mod indicators;
pub mod labels;
pub mod register;

/// One sheet of a workbook, or a CSV file: rows of cells as text, the first
/// row being row 1 of the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The workbook's sheet name; `None` for a CSV file.
    pub sheet: Option<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A CSV file's rows.
    pub fn csv(rows: Vec<Vec<String>>) -> Table {
        Table { sheet: None, rows }
    }

    /// The cell at `row` (0-based index into `rows`) and `column`, trimmed;
    /// "" where the row is short.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", |c| c.trim())
    }

    /// Whether row `row` (0-based) has nothing in it.
    pub fn is_blank(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(|c| c.trim().is_empty()))
    }

    /// A fault at `row` (0-based index) in the column headed `column`.
    pub fn fault(&self, row: usize, column: Option<&str>, message: impl Into<String>) -> Fault {
        Fault {
            sheet: self.sheet.clone(),
            row: Some(row + 1),
            column: column.map(str::to_owned),
            message: message.into(),
        }
    }

    /// A fault of the whole file or sheet.
    pub fn fault_of_all(&self, message: impl Into<String>) -> Fault {
        Fault {
            sheet: self.sheet.clone(),
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

/// What is wrong and where: the sheet (for workbooks), the row as the
/// spreadsheet numbers it (1 is the first), the column as headed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub sheet: Option<String>,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for Fault {
    /// "Sheet “Q1”, row 4, column “2017/18”: “12,34” is not a number".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = vec![];
        if let Some(sheet) = &self.sheet {
            place.push(format!("Sheet \u{201c}{sheet}\u{201d}"));
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column \u{201c}{column}\u{201d}"));
        }
        if place.is_empty() {
            return f.write_str(&self.message);
        }
        let place = crate::text::capitalise(&place.join(", "));
        write!(f, "{place}: {}", self.message)
    }
}

/// One label or cell as printed and as Scrutineer understood it, shown in
/// the preview so that nothing is guessed silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Understood {
    /// Where it is: "Column “Q2 18/19”", "Row 4, column “Residual”".
    pub place: String,
    pub printed: String,
    pub understood: String,
}

/// One thing an import changes that is held now: a figure, a score, a
/// count. New things are counted in [`Plan::created`], not listed here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// What changes: "Re-referrals, Q2 2018/19", "CR4 residual score, Q1 2019/20".
    pub what: String,
    /// As shown now.
    pub now: String,
    /// As the file gives it.
    pub from_file: String,
}

/// What an import would do, for the preview; nothing is stored until the
/// person confirms, and then [`Plan::snapshot`] is used whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub snapshot: Snapshot,
    /// What is created, counted in words: "12 indicators", "3 service areas",
    /// "48 figures"; empty counts left out.
    pub created: Vec<String>,
    /// Every held value the file changes, now and from the file.
    pub changed: Vec<Changed>,
    /// How each label (and each cell not read as a plain figure) was read.
    pub understood: Vec<Understood>,
    /// Sentences about what in the file was not read, so nothing is
    /// ignored silently.
    pub not_read: Vec<String>,
}

impl Plan {
    /// Whether using the plan would change nothing.
    pub fn is_empty(&self) -> bool {
        self.created.is_empty() && self.changed.is_empty()
    }
}

/// Why an import cannot be previewed: its columns (which the person may
/// map by hand), or the faults of its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    Columns(columns::ColumnsError),
    Faults(Vec<Fault>),
}

/// A downloadable template: its file name, its CSV (a header row and one
/// filled example row), and what each column accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub file_name: &'static str,
    pub csv: String,
    /// Each column's heading, whether it is needed, and what it accepts.
    pub columns: Vec<(&'static str, bool, &'static str)>,
}

impl Template {
    /// The template of `specs` with one example row (a cell per spec).
    pub fn of(
        file_name: &'static str,
        specs: &[columns::ColumnSpec],
        example: &[&str],
    ) -> Template {
        let header: Vec<&str> = specs.iter().map(|s| s.key).collect();
        Template {
            file_name,
            csv: crate::file::csv::write_rows(&[header, example.to_vec()]),
            columns: specs
                .iter()
                .map(|s| (s.key, s.required, s.accepts))
                .collect(),
        }
    }
}
