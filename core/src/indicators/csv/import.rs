//! Reading figures and comparators back from long-form CSV: every fault by
//! row and column, applied whole or not at all, each change listed.

use crate::domain::indicator::ComparatorKind;
use crate::domain::period::Period;
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::{MissingReason, Value, ValueParseError};
use crate::file::csv::{is_empty_row, read_rows, sniff_delimiter, CsvError, Delimiter};
use crate::indicators::csv::not_read::not_read;
use crate::indicators::csv::COMPARATOR_COLUMNS;
use crate::sort;
use crate::text::excerpt;
use crate::text::read_number;

mod comparators;

use comparators::{apply_comparators, Incoming};

/// One figure or comparator a CSV file would change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub indicator_id: String,
    pub indicator: String,
    /// What changes, as the preview's period column words it: the figure's
    /// period ("Q2 2019/20"), or the comparator with its period ("England
    /// average (2017/18)", "North West average (period not stated)").
    pub period: String,
    /// Which comparator changes; `None` for the council's own figure.
    pub comparator: Option<ComparatorKind>,
    /// As shown now; `None` where there is none yet.
    pub before: Option<String>,
    pub after: String,
}

impl Change {
    /// What is held now, as the preview shows it: "None" where nothing is.
    pub fn before_text(&self) -> &str {
        self.before.as_deref().unwrap_or("None")
    }
}

/// What reading a CSV file would do: the changed snapshot, each change, and
/// what in the file was not read.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresImport {
    pub snapshot: Snapshot,
    /// In the file's row order: each row's figure, then its comparators.
    pub changes: Vec<Change>,
    /// A sentence for each kind of filled column that was not read, so that
    /// nothing in the file is ignored silently; given also when nothing changes.
    pub not_read: Vec<String>,
}

impl FiguresImport {
    /// The changes counted in words: "2 figures", "1 comparator",
    /// "3 figures and 1 comparator", "no figures".
    pub fn counted(&self) -> String {
        let comparators = self
            .changes
            .iter()
            .filter(|c| c.comparator.is_some())
            .count();
        let figures = self.changes.len() - comparators;
        match (figures, comparators) {
            (0, 0) => "no figures".to_owned(),
            (f, 0) => count_of(f, "figure", "figures"),
            (0, c) => count_of(c, "comparator", "comparators"),
            (f, c) => format!(
                "{} and {}",
                count_of(f, "figure", "figures"),
                count_of(c, "comparator", "comparators")
            ),
        }
    }

    /// The preview's heading: "“figures.csv” changes 2 figures".
    pub fn preview_heading(&self, name: &str) -> String {
        format!("\u{201c}{name}\u{201d} changes {}", self.counted())
    }

    /// What the undo history says once the changes are used: "Opened 2
    /// figures from “figures.csv”".
    pub fn opened_message(&self, name: &str) -> String {
        format!("Opened {} from \u{201c}{name}\u{201d}", self.counted())
    }
}

/// What the page says when a file changes nothing: that, and what in it
/// was not read.
pub fn unchanged_message(name: &str, import: &FiguresImport) -> String {
    let not_read = import.not_read.join(" ");
    format!(
        "\u{201c}{}\u{201d} holds no figures or comparators that differ from those open now. {not_read}", excerpt(name))
    .trim_end()
    .to_owned()
}

fn decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.len()).unwrap_or(0))
}

/// Reads CSV text in the long form [`crate::indicators::csv::export_figures`] writes. Columns are
/// found by their header names, so their order may change; `indicator_id`,
/// `period` and `value` are required.
///
/// Figures: a row whose `value` and `missing_reason` are empty gives no
/// figure, and may then leave `period` empty.
///
/// Comparators: a filled `england`, `region` or `statistical_neighbours`
/// cell gives that comparator, typed as the packs print it. Its period is
/// the `*_period` column's where the file has that column (empty: not
/// stated), otherwise the row's; a region's name is `region_name`'s. Each
/// replaces the held comparator of the same kind and period, or is added;
/// one equal to a held one changes nothing.
///
/// Names, service areas, polarity and units are for people and not read;
/// [`FiguresImport::not_read`] says so, and names any other filled column
/// that is not read.
pub fn import_figures(snapshot: &Snapshot, text: &str) -> Result<FiguresImport, Vec<CsvError>> {
    let rows = read_rows(text).map_err(|e| vec![e])?;
    // Numbered as the spreadsheet numbers them; rows with nothing in them
    // are passed over, and the first that has something is the header.
    let mut filled = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| (i + 1, cells))
        .filter(|(_, cells)| !is_empty_row(cells));
    let Some((header_row, header)) = filled.next() else {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message:
                "the file is empty: it needs a header row naming indicator_id, period and value"
                    .to_owned(),
        }]);
    };
    let columns = Columns::find(header).map_err(|e| {
        vec![CsvError {
            row: header_row,
            ..e
        }]
    })?;
    let mut reading = Reading {
        next: snapshot.clone(),
        errors: vec![],
        changes: vec![],
        incoming: vec![],
        seen: vec![],
    };
    let semicolons = sniff_delimiter(text) == Delimiter::Semicolon;
    for (number, cells) in filled {
        let row = Row { number, cells };
        let commas = if semicolons {
            columns.decimal_commas(row)
        } else {
            vec![]
        };
        if commas.is_empty() {
            reading.row(&columns, row);
        } else {
            reading.errors.extend(commas);
        }
    }
    let Reading {
        mut next,
        errors,
        mut changes,
        incoming,
        ..
    } = reading;
    if !errors.is_empty() {
        return Err(errors);
    }
    apply_comparators(snapshot, &mut next, incoming, &mut changes);
    sort::by_key(&mut changes, |(row, _)| *row);
    Ok(FiguresImport {
        snapshot: next,
        changes: changes.into_iter().map(|(_, c)| c).collect(),
        not_read: not_read(header, &rows[header_row..]),
    })
}

/// A comparator's columns in a file: its kind, its value column's name and
/// position, its period column's name and position (where the file has one).
struct ComparatorColumns {
    kind: ComparatorKind,
    name: &'static str,
    at: usize,
    period_name: &'static str,
    period_at: Option<usize>,
}

/// Where each column the import reads is in the file.
struct Columns {
    id: usize,
    period: usize,
    value: usize,
    numerator: Option<usize>,
    denominator: Option<usize>,
    missing: Option<usize>,
    region_name: Option<usize>,
    comparators: Vec<ComparatorColumns>,
}

impl Columns {
    /// The columns by their header names, or which needed ones are missing.
    fn find(header: &[String]) -> Result<Columns, CsvError> {
        let find = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let (Some(id), Some(period), Some(value)) =
            (find("indicator_id"), find("period"), find("value"))
        else {
            let missing: Vec<&str> = ["indicator_id", "period", "value"]
                .into_iter()
                .filter(|n| find(n).is_none())
                .collect();
            return Err(CsvError {
                row: 1,
                column: None,
                message: format!(
                    "the header row has no column named {}",
                    missing.join(" or ")
                ),
            });
        };
        let comparators = COMPARATOR_COLUMNS
            .iter()
            .filter_map(|&(kind, name, period_name)| {
                find(name).map(|at| ComparatorColumns {
                    kind,
                    name,
                    at,
                    period_name,
                    period_at: find(period_name),
                })
            })
            .collect();
        Ok(Columns {
            id,
            period,
            value,
            numerator: find("numerator"),
            denominator: find("denominator"),
            missing: find("missing_reason"),
            region_name: find("region_name"),
            comparators,
        })
    }
}

impl Columns {
    /// In a file separated by semicolons, as Excel writes it where a comma
    /// is the decimal mark, each figure cell holding a comma: "12,5" could
    /// be 12.5 or 125, so it is refused rather than guessed.
    fn decimal_commas(&self, row: Row) -> Vec<CsvError> {
        let figures = [
            Some((self.value, "value")),
            self.numerator.map(|at| (at, "numerator")),
            self.denominator.map(|at| (at, "denominator")),
        ];
        figures
            .into_iter()
            .flatten()
            .chain(self.comparators.iter().map(|c| (c.at, c.name)))
            .filter(|(at, _)| row.cell(*at).contains(','))
            .map(|(at, column)| {
                let text = row.cell(at);
                row.fault(column, crate::file::csv::decimal_comma(text))
            })
            .collect()
    }
}

/// One row of the file's body: its number (1 is the header) and its cells.
#[derive(Clone, Copy)]
struct Row<'a> {
    number: usize,
    cells: &'a [String],
}

impl Row<'_> {
    /// The cell in column `col`, trimmed; "" where the row is short.
    fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map(|s| s.trim()).unwrap_or("")
    }

    fn fault(&self, column: &'static str, message: String) -> CsvError {
        CsvError {
            row: self.number,
            column: Some(column),
            message,
        }
    }
}

/// The import so far: the snapshot with the figures read, every fault, each
/// change with its row, the comparators read, and the figures seen.
struct Reading {
    next: Snapshot,
    errors: Vec<CsvError>,
    changes: Vec<(usize, Change)>,
    incoming: Vec<Incoming>,
    /// Each figure read: its indicator, its period and its row.
    seen: Vec<(String, Period, usize)>,
}

impl Reading {
    fn fail(&mut self, row: Row, column: &'static str, message: String) {
        self.errors.push(row.fault(column, message));
    }

    /// Reads one row: its indicator and period, its comparators, its figure.
    fn row(&mut self, columns: &Columns, row: Row) {
        let id = row.cell(columns.id);
        let Some(at) = self.next.indicators.iter().position(|x| x.id == id) else {
            self.fail(
                row,
                "indicator_id",
                format!("there is no indicator with the id \u{201c}{}\u{201d}; to add indicators from a file, bring it in on the Data page's \u{201c}Bring in your council's spreadsheets\u{201d}", excerpt(id)),
            );
            return;
        };
        let period_text = row.cell(columns.period);
        let period: Result<Period, _> = period_text.parse();
        if let (false, Err(e)) = (period_text.is_empty(), &period) {
            self.fail(row, "period", e.to_string());
            return;
        }
        let row_period = period.as_ref().ok().copied();
        for c in &columns.comparators {
            self.comparator(columns, c, row, at, row_period);
        }
        let value_text = row.cell(columns.value);
        let missing_text = columns.missing.map(|c| row.cell(c)).unwrap_or("");
        if value_text.is_empty() && missing_text.is_empty() {
            return;
        }
        let period = match period {
            Ok(p) => p,
            Err(e) => return self.fail(row, "period", e.to_string()),
        };
        if let Some((_, _, first)) = self.seen.iter().find(|(x, p, _)| x == id && *p == period) {
            let message = format!("row {first} already gives {id} for {period}");
            return self.fail(row, "period", message);
        }
        self.seen.push((id.to_owned(), period, row.number));
        self.figure(columns, row, at, period);
    }

    /// Reads the comparator of columns `c` on `row` of indicator `at`, if its cell is filled.
    fn comparator(
        &mut self,
        columns: &Columns,
        c: &ComparatorColumns,
        row: Row,
        at: usize,
        row_period: Option<Period>,
    ) {
        let (kind, column) = (c.kind, c.name);
        let text = row.cell(c.at);
        if text.is_empty() {
            return;
        }
        let indicator = &self.next.indicators[at];
        let value = match Value::parse(text, indicator.unit) {
            Ok(v) => v,
            Err(ValueParseError::NotAFigure { .. }) => {
                return self.fail(
                    row,
                    column,
                    format!("\u{201c}{}\u{201d} is not a number", excerpt(text)),
                );
            }
            Err(e) => return self.fail(row, column, e.to_string()),
        };
        if let Some(problem) = value.range_problem(indicator.unit) {
            return self.fail(row, column, problem);
        }
        // Files written before the period columns repeat the latest
        // comparator of each kind on every row: that figure, without a
        // period of its own, is the one held, not a new one for the row.
        // (That form wrote the number alone: "64" for 64.0.)
        let repeats_held = indicator.comparator(kind).is_some_and(|h| {
            h.value.same_as(&value)
                || h.value
                    .number()
                    .zip(value.number())
                    .is_some_and(|(a, b)| (a - b).abs() < 1e-9)
        });
        if c.period_at.is_none() && repeats_held {
            return;
        }
        let at_period = match c.period_at {
            Some(pc) if row.cell(pc).is_empty() => None,
            Some(pc) => match row.cell(pc).parse::<Period>() {
                Ok(p) => Some(p),
                Err(e) => return self.fail(row, c.period_name, e.to_string()),
            },
            // Without a period column the file gives one figure of each
            // kind per indicator, as the old form did: the latest held.
            None => match indicator.comparator(kind) {
                Some(held) => held.period,
                None => row_period,
            },
        };
        if c.period_at.is_none() && !self.first_of_its_kind(row, at, kind, column, &value) {
            return;
        }
        let name = (kind == ComparatorKind::Region)
            .then(|| {
                columns.region_name.map(|col| {
                    let name = row.cell(col);
                    (!name.is_empty()).then(|| name.to_owned())
                })
            })
            .flatten();
        self.incoming.push(Incoming {
            row: row.number,
            indicator: at,
            kind,
            name,
            period: at_period,
            value,
        });
    }

    /// Without a period column, whether this is the first figure of `kind`
    /// for indicator `at` (a repeat of the same figure is skipped; a
    /// different one is refused).
    fn first_of_its_kind(
        &mut self,
        row: Row,
        at: usize,
        kind: ComparatorKind,
        column: &'static str,
        value: &Value,
    ) -> bool {
        let earlier = self
            .incoming
            .iter()
            .find(|c| c.indicator == at && c.kind == kind);
        match earlier {
            None => true,
            Some(c) if c.value.same_as(value) => false,
            Some(c) => {
                let indicator = &self.next.indicators[at];
                let (first, shown) = (c.row, c.value.display(indicator.unit));
                let message = format!(
                    "row {first} already gives {} the {} {shown}; without a {column}_period column a file gives one such figure for each indicator",
                    indicator.id,
                    kind.label()
                );
                self.fail(row, column, message);
                false
            }
        }
    }

    /// Reads the row's figure (or why it is missing) for indicator `at` in
    /// `period`, and sets it where it differs from the one held.
    fn figure(&mut self, columns: &Columns, row: Row, at: usize, period: Period) {
        let unit = self.next.indicators[at].unit;
        let value = match read_value(columns, row, unit) {
            Ok(v) => v,
            Err(faults) => return self.errors.extend(faults),
        };
        if let Some(problem) = value.range_problem(unit) {
            return self.fail(row, "value", problem);
        }
        let indicator = &mut self.next.indicators[at];
        let before = indicator.value_for(&period).map(|o| o.value.clone());
        if before.as_ref().is_some_and(|b| b.same_as(&value)) {
            return;
        }
        self.changes.push((
            row.number,
            Change {
                indicator_id: indicator.id.clone(),
                indicator: indicator.name.clone(),
                period: period.to_string(),
                comparator: None,
                before: before.map(|b| b.display(indicator.unit)),
                after: value.display(indicator.unit),
            },
        ));
        indicator.set_figure(period, value);
    }
}

/// The row's figure in `unit`: its value with numerator and denominator,
/// or the reason it is missing; or the row's faults.
fn read_value(
    columns: &Columns,
    row: Row,
    unit: crate::domain::value::Unit,
) -> Result<Value, Vec<CsvError>> {
    let value_text = row.cell(columns.value);
    if value_text.is_empty() {
        let missing_text = columns.missing.map(|c| row.cell(c)).unwrap_or("");
        return match Value::parse(missing_text, unit) {
            Ok(v @ Value::Missing { .. }) => Ok(v),
            _ => Err(vec![row.fault(
                "missing_reason",
                format!(
                    "\u{201c}{}\u{201d} is not a reason a figure is missing; use one of {}",
                    excerpt(missing_text),
                    [
                        MissingReason::NotReported,
                        MissingReason::NewMeasure,
                        MissingReason::NotYetAvailable,
                        MissingReason::NotCollected,
                        MissingReason::NotApplicable
                    ]
                    .map(|r| r.label())
                    .join(", ")
                ),
            )]),
        };
    }
    let Some(v) = read_number(value_text) else {
        return Err(vec![row.fault(
            "value",
            format!("\u{201c}{}\u{201d} is not a number", excerpt(value_text)),
        )]);
    };
    let part = |col: Option<usize>, name: &'static str| -> Result<Option<f64>, CsvError> {
        let text = col.map(|c| row.cell(c)).unwrap_or("");
        if text.is_empty() {
            return Ok(None);
        }
        read_number(text).map(Some).ok_or_else(|| {
            row.fault(
                name,
                format!("\u{201c}{}\u{201d} is not a number", excerpt(text)),
            )
        })
    };
    match (
        part(columns.numerator, "numerator"),
        part(columns.denominator, "denominator"),
    ) {
        (Ok(numerator), Ok(denominator)) => Ok(Value::Figure {
            value: v,
            decimals: decimals(value_text),
            numerator,
            denominator,
        }
        .kept()),
        (n, d) => Err(n.err().into_iter().chain(d.err()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_and_the_undo_history_name_the_file_and_count_its_changes() {
        let demo = Snapshot::demo();
        let mut one = import_figures(
            &demo,
            "indicator_id,period,value\nre-referrals,Q4 2030/31,12%\n",
        )
        .expect("a new quarter");
        assert_eq!(
            one.preview_heading("q4.csv"),
            "\u{201c}q4.csv\u{201d} changes 1 figure"
        );
        assert_eq!(
            one.opened_message("q4.csv"),
            "Opened 1 figure from \u{201c}q4.csv\u{201d}"
        );
        assert_eq!(one.changes[0].before_text(), "None", "nothing held yet");
        one.changes[0].before = Some("11%".into());
        assert_eq!(one.changes[0].before_text(), "11%");
    }
}
