//! Bringing a council's own pack in from the spreadsheets officers keep:
//! indicators, the register and complaints, from CSV text or a workbook's
//! sheet, each read whole or not at all and previewed before anything is
//! stored.
//!
//! Every reader here takes a [`Table`] (rows of cell text, as a CSV file or
//! a workbook sheet gives them) and gives a [`Plan`]: the snapshot it would
//! make, what it creates and changes, and how it understood what was
//! printed; or every [`Fault`] by sheet, row and column.

use crate::text::excerpt;
use std::fmt;

use crate::domain::snapshot::{count_of, Snapshot};

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
            place.push(format!("Sheet \u{201c}{}\u{201d}", excerpt(sheet)));
        }
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column \u{201c}{}\u{201d}", excerpt(column)));
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

/// What a plan creates, counted in words, the empty counts left out:
/// `[(2, "entry", "entries"), (0, ..)]` gives `["2 entries"]`.
pub fn created_counts(counts: &[(usize, &str, &str)]) -> Vec<String> {
    counts
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count_of(*n, one, many))
        .collect()
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

impl Plan {
    /// What the plan does, worded with `bring` and `change` ("brings in",
    /// "changes"; "brought in", "changed").
    fn worded(&self, bring: &str, change: &str) -> String {
        let created = (!self.created.is_empty()).then(|| and_list(&self.created));
        let changed = (!self.changed.is_empty())
            .then(|| count_of(self.changed.len(), "held figure", "held figures"));
        match (created, changed) {
            (None, None) => format!("{bring} nothing new"),
            (Some(created), None) => format!("{bring} {created}"),
            (None, Some(changed)) => format!("{change} {changed}"),
            (Some(created), Some(changed)) => format!("{bring} {created}, and {change} {changed}"),
        }
    }

    /// What the plan does, in words: "brings in 12 indicators and 48
    /// figures, and changes 2 held figures".
    pub fn counted(&self) -> String {
        self.worded("brings in", "changes")
    }

    /// The preview's heading: "“pack.xlsx”, sheet “Indicators”, brings in …".
    pub fn preview_heading(&self, source: &Source) -> String {
        let comma = if source.sheet.is_some() { "," } else { "" };
        format!("{}{comma} {}", source.named(), self.counted())
    }

    /// What the undo history says once it is used: "Brought in 12
    /// indicators and 48 figures from “pack.xlsx”".
    pub fn done_message(&self, source: &Source) -> String {
        let done = crate::text::capitalise(&self.worded("brought in", "changed"));
        format!("{done} from {}", source.named())
    }
}

/// The file (and, for a workbook, the sheet) a plan reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub file: String,
    pub sheet: Option<String>,
}

impl Source {
    /// The file `file`, and `table`'s sheet where it is a workbook's.
    pub fn of(file: &str, table: &Table) -> Source {
        Source {
            file: file.to_owned(),
            sheet: table.sheet.clone(),
        }
    }

    /// How it is named in messages: "“pack.xlsx”", or "“pack.xlsx”, sheet
    /// “Indicators”".
    pub fn named(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!(
                "\u{201c}{}\u{201d}, sheet \u{201c}{sheet}\u{201d}",
                self.file
            ),
            None => format!("\u{201c}{}\u{201d}", self.file),
        }
    }
}

/// What a part of the bring-in page reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Indicators,
    Register,
    Complaints,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Indicators, Kind::Register, Kind::Complaints];

    /// Reads `table` into `snapshot`, with the columns `chosen` by hand.
    pub fn plan(
        self,
        snapshot: &Snapshot,
        table: &Table,
        chosen: &columns::Mapping,
    ) -> Result<Plan, Refused> {
        let plan = match self {
            Kind::Indicators => indicators::plan_indicators(snapshot, table, chosen),
            Kind::Register => register::plan_register(snapshot, table, chosen),
            Kind::Complaints => complaints::plan_complaints(snapshot, table, chosen),
        }?;
        // A snapshot the file checks would refuse (which the reader should
        // have caught by row and column) is refused here too, so that
        // nothing stored can fail to load.
        let problems = crate::file::validate::validate(&plan.snapshot);
        if problems.is_empty() {
            return Ok(plan);
        }
        Err(Refused::Faults(
            problems
                .iter()
                .map(|p| {
                    table.fault_of_all(format!(
                        "the file would give a snapshot Scrutineer cannot keep: {p}"
                    ))
                })
                .collect(),
        ))
    }

    pub fn template(self) -> Template {
        match self {
            Kind::Indicators => indicators::indicators_template(),
            Kind::Register => register::register_template(),
            Kind::Complaints => complaints::complaints_template(),
        }
    }

    /// The start of the part's element ids and test ids: "indicators".
    pub fn key(self) -> &'static str {
        match self {
            Kind::Indicators => "indicators",
            Kind::Register => "register",
            Kind::Complaints => "complaints",
        }
    }

    /// The part's heading.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Indicators => "Indicators and their figures",
            Kind::Register => "The risk and opportunity register",
            Kind::Complaints => "Complaints and compliments",
        }
    }

    /// What the spreadsheet holds, for the part's first paragraph.
    pub fn shape(self) -> &'static str {
        match self {
            Kind::Indicators => "Either one row per indicator and period (as \u{201c}Download figures (CSV)\u{201d} writes it), or your monitoring report's table as it is: one row per indicator, a column for each period (\u{201c}2017/18\u{201d}, \u{201c}Q1 18/19\u{201d}, \u{201c}YTD 18/19\u{201d}), and comparator columns such as \u{201c}England average\u{201d}. A row naming only a service area puts the indicators below it in that area. Indicators not held yet are added, with their service areas.",
            Kind::Register => "One row per entry and quarter: its reference, title, whether it is a risk or an opportunity, and that quarter's scores as your register prints them (\u{201c}16 (Major/Likely)\u{201d}, \u{201c}4x4\u{201d}, \u{201c}L4 I4\u{201d}). New entries are added, and each quarter's assessment with them.",
            Kind::Complaints => "One row per complaints procedure and financial year, with columns for complaints received, each stage, each outcome, those that exceeded the timescale, compliments and the Ombudsman's figures; or the annual report's own table, a column for each year and a row for each figure, under a title naming the procedure.",
        }
    }
}

/// In a file separated by semicolons (as Excel writes CSV in most of
/// Europe), each cell holding a figure with a comma: "12,5" may be 12.5 or
/// 125, so such files are refused rather than guessed at.
pub fn decimal_commas(table: &Table) -> Vec<Fault> {
    let mut faults = vec![];
    for (r, row) in table.rows.iter().enumerate() {
        for cell in row {
            let text = cell.trim();
            let figure_like = text.contains(',')
                && text.chars().any(|c| c.is_ascii_digit())
                && text.chars().all(|c| {
                    c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | ' ' | '-' | '£' | '/')
                });
            if figure_like {
                faults.push(table.fault(r, None, crate::file::csv::decimal_comma(text)));
            }
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_with_a_comma_in_a_semicolon_file_is_refused_not_guessed() {
        let table = Table::csv(vec![
            vec!["Indicator".into(), "2017/18".into()],
            vec!["Recycling, re-use".into(), "42,5".into()],
            vec!["Visits".into(), "1,234".into()],
            vec!["Calls".into(), "81.5%".into()],
        ]);
        let faults: Vec<String> = decimal_commas(&table)
            .iter()
            .map(|f| f.to_string())
            .collect();
        assert_eq!(faults.len(), 2, "{faults:?}");
        assert!(
            faults[0].starts_with("Row 2: \u{201c}42,5\u{201d} has a comma"),
            "{}",
            faults[0]
        );
        assert!(faults[1].starts_with("Row 3: \u{201c}1,234\u{201d}"));
    }

    #[test]
    fn the_preview_and_undo_words_count_what_is_created_and_changed() {
        let mut plan = Plan {
            snapshot: Snapshot::demo(),
            created: vec!["2 service areas".into(), "4 indicators".into()],
            changed: vec![],
            understood: vec![],
            not_read: vec![],
        };
        let table = Table {
            sheet: Some("Q2".into()),
            rows: vec![],
        };
        let sheet = Source::of("pack.xlsx", &table);
        assert_eq!(
            plan.preview_heading(&sheet),
            "\u{201c}pack.xlsx\u{201d}, sheet \u{201c}Q2\u{201d}, brings in 2 service areas and 4 indicators"
        );
        assert_eq!(
            plan.done_message(&sheet),
            "Brought in 2 service areas and 4 indicators from \u{201c}pack.xlsx\u{201d}, sheet \u{201c}Q2\u{201d}"
        );
        let file = Source::of("a.csv", &Table::default());
        assert_eq!(
            plan.preview_heading(&file),
            "\u{201c}a.csv\u{201d} brings in 2 service areas and 4 indicators"
        );
        plan.changed.push(Changed {
            what: "x".into(),
            now: "1".into(),
            from_file: "2".into(),
        });
        assert_eq!(
            plan.done_message(&file),
            "Brought in 2 service areas and 4 indicators, and changed 1 held figure from \u{201c}a.csv\u{201d}"
        );
        plan.created.clear();
        assert_eq!(
            plan.done_message(&file),
            "Changed 1 held figure from \u{201c}a.csv\u{201d}"
        );
        assert_eq!(plan.counted(), "changes 1 held figure");
        assert!(!plan.is_empty());
    }
}

/// Whether a chosen file is a workbook (an .xlsx is a zip file) rather
/// than text, by its first bytes or its name.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    bytes.starts_with(b"PK\x03\x04")
        || [".xlsx", ".xlsm", ".xls", ".ods"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// A CSV file's bytes as a [`Table`], with how its text was read ("Read as
/// UTF-8 text, its cells separated by commas."). In a file separated by
/// semicolons a figure with a comma is refused by its row ([`decimal_commas`]).
pub fn csv_table(bytes: &[u8]) -> Result<(Table, String), crate::file::read::ReadFileError> {
    use crate::file::csv::{read_bytes, Delimiter};
    use crate::file::read::ReadFileError;
    let csv = read_bytes(bytes).map_err(ReadFileError::Undecodable)?;
    let read_as = format!(
        "Read as {} text, its cells separated by {}.",
        csv.encoding.describe(),
        csv.delimiter.describe()
    );
    let table = Table::csv(csv.rows);
    if csv.delimiter == Delimiter::Semicolon {
        let faults = decimal_commas(&table);
        if !faults.is_empty() {
            return Err(ReadFileError::Sheet(faults));
        }
    }
    Ok((table, read_as))
}

impl Table {
    /// The sheet's name and how many rows have anything in them, for the
    /// sheet picker: "Indicators (12 rows)".
    pub fn label(&self) -> String {
        let filled = (0..self.rows.len()).filter(|&r| !self.is_blank(r)).count();
        format!(
            "{} ({})",
            self.sheet.as_deref().unwrap_or("The file"),
            count_of(filled, "row", "rows")
        )
    }

    /// Up to `n` rows with anything in them below row `header` (0-based).
    pub fn sample(&self, header: usize, n: usize) -> Vec<Vec<String>> {
        (header + 1..self.rows.len())
            .filter(|&r| !self.is_blank(r))
            .take(n)
            .map(|r| self.rows[r].clone())
            .collect()
    }
}

impl Kind {
    /// The sheet to show first: the first whose columns are found, else the
    /// first with anything in it.
    pub fn first_sheet(self, snapshot: &Snapshot, tables: &[Table]) -> usize {
        tables
            .iter()
            .position(|t| !matches!(self.plan(snapshot, t, &vec![]), Err(Refused::Columns(_))))
            .or_else(|| {
                tables
                    .iter()
                    .position(|t| (0..t.rows.len()).any(|r| !t.is_blank(r)))
            })
            .unwrap_or(0)
    }
}

/// How a column is offered when the person chooses one: "Column 2: Good is".
pub fn column_label(at: usize, heading: &str) -> String {
    let heading = heading.trim();
    let heading = if heading.is_empty() {
        "(no heading)"
    } else {
        heading
    };
    format!("Column {}: {heading}", at + 1)
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    #[test]
    fn a_chosen_file_is_a_workbook_by_its_bytes_or_its_name() {
        assert!(is_workbook("pack.bin", b"PK\x03\x04rest"));
        assert!(is_workbook("Pack.XLSX", b""));
        assert!(!is_workbook("pack.csv", b"a,b\n"));
    }

    #[test]
    fn a_csv_file_is_read_with_its_encoding_and_separator_said() {
        let (table, read_as) = csv_table(b"a;b\r\nx;1.5\r\n").expect("reads");
        assert_eq!(table.rows, [vec!["a", "b"], vec!["x", "1.5"]]);
        assert_eq!(
            read_as,
            "Read as UTF-8 text, its cells separated by semicolons."
        );
        let refused = csv_table(b"a;b\r\nx;1,5\r\n").expect_err("a decimal comma");
        assert!(matches!(refused, crate::file::read::ReadFileError::Sheet(ref f) if f.len() == 1));
        assert_eq!(table.label(), "The file (2 rows)");
        assert_eq!(table.sample(0, 5), [vec!["x", "1.5"]]);
        assert_eq!(column_label(1, " "), "Column 2: (no heading)");
    }

    #[test]
    fn a_plan_whose_snapshot_could_not_be_kept_is_refused_whole() {
        // A pack with no council's name cannot be stored: whatever the file
        // brings, nothing is planned that would then fail to load.
        let nameless = Snapshot::empty(
            "",
            "Pack",
            chrono::NaiveDate::from_ymd_opt(2019, 6, 30).expect("a day"),
        );
        let table = testing::table(&[&["Performance Measure", "2017/18"], &["Visits", "12"]]);
        let Err(Refused::Faults(faults)) = Kind::Indicators.plan(&nameless, &table, &vec![]) else {
            panic!("refused");
        };
        let shown: Vec<String> = faults.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["the file would give a snapshot Scrutineer cannot keep: snapshot (organisation): it has no organisation: give the council's name"]
        );
        let named = Snapshot::empty("Anytown", "Pack", nameless.as_at);
        assert!(Kind::Indicators.plan(&named, &table, &vec![]).is_ok());
    }

    #[test]
    fn the_first_sheet_shown_is_the_first_whose_columns_are_found() {
        let notes = Table {
            sheet: Some("Notes".into()),
            rows: vec![vec!["Written by".into()]],
        };
        let figures = Table {
            sheet: Some("Q1".into()),
            rows: vec![
                vec!["Performance Measure".into(), "2017/18".into()],
                vec!["Visits".into(), "12".into()],
            ],
        };
        let demo = Snapshot::demo();
        assert_eq!(
            Kind::Indicators.first_sheet(&demo, &[notes.clone(), figures]),
            1
        );
        assert_eq!(Kind::Indicators.first_sheet(&demo, &[notes]), 0);
    }
}

/// What the readers' tests share: a table of cells, and a new council's
/// empty pack.
#[cfg(test)]
pub(crate) mod testing {
    use super::Table;
    use crate::domain::snapshot::{DetailsForm, Snapshot};

    /// A CSV file's table of these cells.
    pub(crate) fn table(rows: &[&[&str]]) -> Table {
        Table::csv(
            rows.iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        )
    }

    /// An empty pack of a new council, dated `as_at` ("2019-09-30"), made
    /// as the Data page makes one.
    pub(crate) fn fresh(as_at: &str) -> Snapshot {
        let form = DetailsForm {
            organisation: "Anytown Borough Council".into(),
            title: "Scrutiny Committee".into(),
            as_at: as_at.into(),
            prepared_by: String::new(),
            accessibility_contact: String::new(),
            small_numbers: String::new(),
        };
        let today = chrono::NaiveDate::from_ymd_opt(2019, 10, 1).expect("a day");
        Snapshot::fresh(&form, today).expect("a new pack")
    }
}
