//! Indicator figures as CSV in long form, one row per indicator and period,
//! which Excel opens; and reading the same form back, with every fault named
//! by row and column, applied whole or not at all.
//!
//! Comparators (England, regional and statistical neighbour figures) ride on
//! the rows of their indicator, each written exactly once: on its own
//! period's row where there is one, otherwise on the next row of the
//! indicator with that comparator's cell free, otherwise on a row of its own
//! with no figure. Each has its own period column, as the packs give each
//! comparator its own period.

use crate::domain::indicator::{Comparator, ComparatorKind, Indicator, Observation};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{MissingReason, Value, ValueParseError};
use crate::indicators::edit::{comparator_label, usual_region_name};
use crate::text::{plain_number, read_number};

/// The columns, in order. Those after `statistical_neighbours` were added
/// later, at the end, so readers that find columns by name keep working.
pub const HEADER: [&str; 17] = [
    "indicator_id",
    "indicator",
    "service_area",
    "good_is",
    "unit",
    "period",
    "value",
    "numerator",
    "denominator",
    "missing_reason",
    "england",
    "region",
    "statistical_neighbours",
    "region_name",
    "england_period",
    "region_period",
    "statistical_neighbours_period",
];

/// Each comparator kind with its value column and its period column.
const COMPARATOR_COLUMNS: [(ComparatorKind, &str, &str); 3] = [
    (ComparatorKind::England, "england", "england_period"),
    (ComparatorKind::Region, "region", "region_period"),
    (
        ComparatorKind::StatisticalNeighbours,
        "statistical_neighbours",
        "statistical_neighbours_period",
    ),
];

/// Columns written for people and not read back, with what they hold.
const FOR_PEOPLE: [(&str, &str); 4] = [
    ("indicator", "names"),
    ("service_area", "service areas"),
    ("good_is", "polarity"),
    ("unit", "units"),
];

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn slot(kind: ComparatorKind) -> usize {
    match kind {
        ComparatorKind::England => 0,
        ComparatorKind::Region => 1,
        ComparatorKind::StatisticalNeighbours => 2,
    }
}

/// A comparator's figure as its cell holds it: "64.0", "17.3" (a percentage,
/// as the value column writes it), "1412 / 57.5", or why it is missing.
fn comparator_cell(value: &Value) -> String {
    match value {
        Value::Figure {
            value,
            decimals,
            numerator,
            ..
        } => {
            let main = format!("{value:.*}", usize::from(*decimals));
            match numerator {
                Some(n) => format!("{} / {main}", plain_number(*n)),
                None => main,
            }
        }
        Value::Missing { reason } => reason.label().to_owned(),
    }
}

/// One row of an indicator as written: a figure (or none) and a comparator
/// of each kind (or none).
struct OutRow<'a> {
    period: Option<Period>,
    figure: Option<&'a Observation>,
    comparators: [Option<&'a Comparator>; 3],
}

/// The indicator's rows: its figures in time order, each comparator placed
/// once, with rows of their own for comparators that do not fit.
fn rows_of(indicator: &Indicator) -> Vec<OutRow<'_>> {
    let mut values: Vec<&Observation> = indicator.values.iter().collect();
    values.sort_by_key(|o| (o.period.end(), std::cmp::Reverse(o.period.start())));
    let mut rows: Vec<OutRow> = values
        .into_iter()
        .map(|o| OutRow {
            period: Some(o.period),
            figure: Some(o),
            comparators: [None; 3],
        })
        .collect();
    let mut placed = vec![false; indicator.comparators.len()];
    // First each on its own period's row.
    for (i, c) in indicator.comparators.iter().enumerate() {
        let k = slot(c.kind);
        if let Some(row) = rows
            .iter_mut()
            .find(|r| c.period.is_some() && r.period == c.period && r.comparators[k].is_none())
        {
            row.comparators[k] = Some(c);
            placed[i] = true;
        }
    }
    // Then the rest, those with a period first: a row of their own period
    // made for an earlier one, the next free row, or a new row.
    let rest = indicator
        .comparators
        .iter()
        .zip(&placed)
        .filter(|(_, done)| !**done)
        .map(|(c, _)| c);
    let (dated, undated): (Vec<&Comparator>, Vec<&Comparator>) =
        rest.partition(|c| c.period.is_some());
    for c in dated.into_iter().chain(undated) {
        let k = slot(c.kind);
        let free = rows
            .iter()
            .position(|r| c.period.is_some() && r.period == c.period && r.comparators[k].is_none())
            .or_else(|| rows.iter().position(|r| r.comparators[k].is_none()));
        match free {
            Some(at) => rows[at].comparators[k] = Some(c),
            None => {
                let mut comparators = [None; 3];
                comparators[k] = Some(c);
                rows.push(OutRow {
                    period: c.period,
                    figure: None,
                    comparators,
                });
            }
        }
    }
    rows
}

/// Every figure and comparator as CSV, with a byte-order mark so Excel reads it as UTF-8.
pub fn export_figures(snapshot: &Snapshot) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for indicator in &snapshot.indicators {
        let area = snapshot
            .service_area(&indicator.service_area)
            .map(|a| a.name.as_str())
            .unwrap_or(&indicator.service_area);
        for r in rows_of(indicator) {
            let (value, numerator, denominator, missing) = match r.figure.map(|o| &o.value) {
                Some(Value::Figure {
                    value,
                    decimals,
                    numerator,
                    denominator,
                }) => (
                    // As printed: "32.0" keeps its decimal place.
                    format!("{value:.*}", usize::from(*decimals)),
                    numerator.map(plain_number).unwrap_or_default(),
                    denominator.map(plain_number).unwrap_or_default(),
                    String::new(),
                ),
                Some(Value::Missing { reason }) => (
                    String::new(),
                    String::new(),
                    String::new(),
                    reason.label().to_owned(),
                ),
                None => Default::default(),
            };
            let figure = |k: usize| {
                r.comparators[k]
                    .map(|c| comparator_cell(&c.value))
                    .unwrap_or_default()
            };
            let period_of = |k: usize| {
                r.comparators[k]
                    .and_then(|c| c.period)
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            };
            let row = [
                indicator.id.clone(),
                indicator.name.clone(),
                area.to_owned(),
                indicator.polarity.code().to_owned(),
                indicator.unit.describe().to_owned(),
                r.period.map(|p| p.to_string()).unwrap_or_default(),
                value,
                numerator,
                denominator,
                missing,
                figure(0),
                figure(1),
                figure(2),
                r.comparators[1]
                    .and_then(|c| c.name.clone())
                    .unwrap_or_default(),
                period_of(0),
                period_of(1),
                period_of(2),
            ];
            out.push_str(&row.iter().map(|f| quote(f)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold
/// commas, quotes and line breaks). `Err` names the row of an unclosed quote.
pub fn parse_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut row_number = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                row_number += 1;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            row: row_number,
            column: None,
            message: "a quoted field is never closed".to_owned(),
        });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

/// A fault in a CSV file: its row (1 is the header) and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub row: usize,
    pub column: Option<&'static str>,
    pub message: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(column) => write!(f, "Row {}, column {column}: {}", self.row, self.message),
            None => write!(f, "Row {}: {}", self.row, self.message),
        }
    }
}

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
        use crate::domain::snapshot::count_of;
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
}

fn decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.len()).unwrap_or(0))
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A sentence for each kind of column in `header` that has a filled cell
/// in `body` but is not read.
fn not_read(header: &[String], body: &[Vec<String>]) -> Vec<String> {
    let filled = |col: usize| {
        body.iter()
            .any(|r| r.get(col).is_some_and(|c| !c.trim().is_empty()))
    };
    let has = |name: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    let mut for_people: Vec<(String, &str)> = vec![];
    let mut unknown: Vec<String> = vec![];
    let mut unnamed: Vec<String> = vec![];
    let mut alone: Vec<String> = vec![];
    for (col, heading) in header.iter().enumerate() {
        let name = heading.trim();
        if !filled(col) {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if name.is_empty() {
            unnamed.push(format!("{}", col + 1));
        } else if let Some((_, what)) = FOR_PEOPLE.iter().find(|(c, _)| *c == lower) {
            for_people.push((name.to_owned(), what));
        } else if let Some((_, of, _)) = COMPARATOR_COLUMNS
            .iter()
            .find(|(_, _, period)| *period == lower)
            .filter(|(_, of, _)| !has(of))
        {
            alone.push(format!(
                "The column {name} was not read: the file has no {of} column for it to give the period of."
            ));
        } else if lower == "region_name" && !has("region") {
            alone.push(
                "The column region_name was not read: the file has no region column for it to name."
                    .to_owned(),
            );
        } else if !HEADER.contains(&lower.as_str()) {
            unknown.push(format!("\u{201c}{name}\u{201d}"));
        }
    }
    let mut sentences = vec![];
    if !for_people.is_empty() {
        let columns: Vec<String> = for_people.iter().map(|(c, _)| c.clone()).collect();
        let what: Vec<String> = for_people.iter().map(|(_, w)| (*w).to_owned()).collect();
        let (noun, verb) = if columns.len() == 1 {
            ("column", "was")
        } else {
            ("columns", "were")
        };
        let are = if what == ["polarity"] { "is" } else { "are" };
        sentences.push(format!(
            "The {noun} {} {verb} not read: {} {are} changed on each indicator's page.",
            and_list(&columns),
            and_list(&what)
        ));
    }
    sentences.extend(alone);
    // One sentence for a list of columns, worded for one or for several.
    let mut about =
        |list: &[String], one: &dyn Fn(&str) -> String, many: &dyn Fn(&str) -> String| match list {
            [] => {}
            [only] => sentences.push(one(only)),
            _ => sentences.push(many(&and_list(list))),
        };
    about(
        &unknown,
        &|c| format!("The column {c} is not one this file form has, so it was not read."),
        &|c| format!("The columns {c} are not ones this file form has, so they were not read."),
    );
    about(
        &unnamed,
        &|c| format!("Column {c} has no heading, so it was not read."),
        &|c| format!("Columns {c} have no heading, so they were not read."),
    );
    sentences
}

/// A comparator read from a row, waiting to be matched with those held.
struct Incoming {
    row: usize,
    indicator: usize,
    kind: ComparatorKind,
    /// The region's name; `None` where the file has no `region_name` column.
    name: Option<Option<String>>,
    period: Option<Period>,
    value: Value,
}

/// Reads CSV text in the long form [`export_figures`] writes. Columns are
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
    let rows = parse_rows(text).map_err(|e| vec![e])?;
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message:
                "the file is empty: it needs a header row naming indicator_id, period and value"
                    .to_owned(),
        }]);
    };
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(id_col), Some(period_col), Some(value_col)) =
        (find("indicator_id"), find("period"), find("value"))
    else {
        let missing: Vec<&str> = ["indicator_id", "period", "value"]
            .into_iter()
            .filter(|n| find(n).is_none())
            .collect();
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: format!(
                "the header row has no column named {}",
                missing.join(" or ")
            ),
        }]);
    };
    let numerator_col = find("numerator");
    let denominator_col = find("denominator");
    let missing_col = find("missing_reason");
    let region_name_col = find("region_name");
    let comparator_cols: Vec<(
        ComparatorKind,
        &'static str,
        usize,
        &'static str,
        Option<usize>,
    )> = COMPARATOR_COLUMNS
        .iter()
        .filter_map(|&(kind, name, period)| {
            find(name).map(|col| (kind, name, col, period, find(period)))
        })
        .collect();
    let mut next = snapshot.clone();
    let mut errors = vec![];
    let mut changes: Vec<(usize, Change)> = vec![];
    let mut incoming: Vec<Incoming> = vec![];
    let mut seen: Vec<(String, Period, usize)> = vec![];
    for (i, row) in body.iter().enumerate() {
        let row_number = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |col: usize| row.get(col).map(|s| s.trim()).unwrap_or("");
        let mut fail = |column: &'static str, message: String| {
            errors.push(CsvError {
                row: row_number,
                column: Some(column),
                message,
            })
        };
        let id = cell(id_col);
        let Some(at) = next.indicators.iter().position(|x| x.id == id) else {
            fail(
                "indicator_id",
                format!("there is no indicator with the id \u{201c}{id}\u{201d}"),
            );
            continue;
        };
        let indicator = &mut next.indicators[at];
        let period_text = cell(period_col);
        let period: Result<Period, _> = period_text.parse();
        if let (false, Err(e)) = (period_text.is_empty(), &period) {
            fail("period", e.to_string());
            continue;
        }
        for &(kind, column, col, period_column, period_col) in &comparator_cols {
            let text = cell(col);
            if text.is_empty() {
                continue;
            }
            let value = match Value::parse(text, indicator.unit) {
                Ok(v) => v,
                Err(ValueParseError::NotAFigure { .. }) => {
                    fail(column, format!("\u{201c}{text}\u{201d} is not a number"));
                    continue;
                }
                Err(e) => {
                    fail(column, e.to_string());
                    continue;
                }
            };
            if let Some(problem) = value.range_problem(indicator.unit) {
                fail(column, problem);
                continue;
            }
            // Files written before the period columns repeat the latest
            // comparator of each kind on every row: that figure, without a
            // period of its own, is the one held, not a new one for the row.
            // (That form wrote the number alone: "64" for 64.0.)
            let repeats_held = indicator.comparator(kind).is_some_and(|h| {
                h.value == value
                    || h.value
                        .number()
                        .zip(value.number())
                        .is_some_and(|(a, b)| (a - b).abs() < 1e-9)
            });
            if period_col.is_none() && repeats_held {
                continue;
            }
            let at_period = match period_col {
                Some(pc) if cell(pc).is_empty() => None,
                Some(pc) => match cell(pc).parse::<Period>() {
                    Ok(p) => Some(p),
                    Err(e) => {
                        fail(period_column, e.to_string());
                        continue;
                    }
                },
                // Without a period column the file gives one figure of each
                // kind per indicator, as the old form did: the latest held.
                None => match indicator.comparator(kind) {
                    Some(held) => held.period,
                    None => period.as_ref().ok().copied(),
                },
            };
            if period_col.is_none() {
                let earlier = incoming
                    .iter()
                    .find(|c: &&Incoming| c.indicator == at && c.kind == kind);
                match earlier {
                    Some(c) if c.value == value => continue,
                    Some(c) => {
                        let (first, shown) = (c.row, c.value.display(indicator.unit));
                        fail(
                            column,
                            format!(
                                "row {first} already gives {id} the {} {shown}; without a {column}_period column a file gives one such figure for each indicator",
                                kind.label()
                            ),
                        );
                        continue;
                    }
                    None => {}
                }
            }
            let name = (kind == ComparatorKind::Region)
                .then(|| {
                    region_name_col.map(|c| {
                        let name = cell(c);
                        (!name.is_empty()).then(|| name.to_owned())
                    })
                })
                .flatten();
            incoming.push(Incoming {
                row: row_number,
                indicator: at,
                kind,
                name,
                period: at_period,
                value,
            });
        }
        let value_text = cell(value_col);
        let missing_text = missing_col.map(cell).unwrap_or("");
        if value_text.is_empty() && missing_text.is_empty() {
            continue;
        }
        let period = match period {
            Ok(p) => p,
            Err(e) => {
                fail("period", e.to_string());
                continue;
            }
        };
        if let Some((_, _, first)) = seen.iter().find(|(x, p, _)| x == id && *p == period) {
            fail(
                "period",
                format!("row {first} already gives {id} for {period}"),
            );
            continue;
        }
        seen.push((id.to_owned(), period, row_number));
        let value = if value_text.is_empty() {
            match Value::parse(missing_text, indicator.unit) {
                Ok(v @ Value::Missing { .. }) => v,
                _ => {
                    fail(
                        "missing_reason",
                        format!(
                            "\u{201c}{missing_text}\u{201d} is not a reason a figure is missing; use one of {}",
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
                    );
                    continue;
                }
            }
        } else {
            let Some(v) = read_number(value_text) else {
                fail(
                    "value",
                    format!("\u{201c}{value_text}\u{201d} is not a number"),
                );
                continue;
            };
            let mut part = |col: Option<usize>, name: &'static str| -> Result<Option<f64>, ()> {
                let text = col.map(cell).unwrap_or("");
                if text.is_empty() {
                    return Ok(None);
                }
                read_number(text)
                    .map(Some)
                    .ok_or_else(|| fail(name, format!("\u{201c}{text}\u{201d} is not a number")))
            };
            let (Ok(numerator), Ok(denominator)) = (
                part(numerator_col, "numerator"),
                part(denominator_col, "denominator"),
            ) else {
                continue;
            };
            Value::Figure {
                value: v,
                decimals: decimals(value_text),
                numerator,
                denominator,
            }
        };
        if let Some(problem) = value.range_problem(indicator.unit) {
            fail("value", problem);
            continue;
        }
        let before = indicator.value_for(&period).map(|o| o.value.clone());
        if before.as_ref() == Some(&value) {
            continue;
        }
        changes.push((
            row_number,
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
    if !errors.is_empty() {
        return Err(errors);
    }
    apply_comparators(snapshot, &mut next, incoming, &mut changes);
    changes.sort_by_key(|(row, _)| *row);
    Ok(FiguresImport {
        snapshot: next,
        changes: changes.into_iter().map(|(_, c)| c).collect(),
        not_read: not_read(header, body),
    })
}

/// Applies the comparators read: first each equal to one held is matched
/// with it (so a file that repeats what is held changes nothing, even where
/// several of a kind have the same period), then each other replaces the
/// last unmatched one held of its kind and period, or is added.
fn apply_comparators(
    snapshot: &Snapshot,
    next: &mut Snapshot,
    incoming: Vec<Incoming>,
    changes: &mut Vec<(usize, Change)>,
) {
    let mut matched: Vec<Vec<bool>> = next
        .indicators
        .iter()
        .map(|i| vec![false; i.comparators.len()])
        .collect();
    let mut rest = vec![];
    for c in incoming {
        let held = &next.indicators[c.indicator].comparators;
        let done = &mut matched[c.indicator];
        let equal = held.iter().zip(done.iter()).position(|(h, done)| {
            !done
                && h.kind == c.kind
                && h.period == c.period
                && h.value == c.value
                && c.name.as_ref().is_none_or(|n| *n == h.name)
        });
        match equal {
            Some(j) => done[j] = true,
            None => rest.push(c),
        }
    }
    let region = usual_region_name(snapshot);
    for c in rest {
        let indicator = &mut next.indicators[c.indicator];
        let done = &mut matched[c.indicator];
        let same = indicator
            .comparators
            .iter()
            .zip(done.iter())
            .rposition(|(h, done)| !done && h.kind == c.kind && h.period == c.period);
        let unit = indicator.unit;
        let before = match same {
            Some(j) => {
                let held = &mut indicator.comparators[j];
                let before = held.value.display(unit);
                held.value = c.value;
                if let Some(name) = c.name {
                    held.name = name;
                }
                held.source = None;
                done[j] = true;
                Some(before)
            }
            None => {
                let name = match c.name {
                    Some(name) => name,
                    None if c.kind == ComparatorKind::Region => region.clone(),
                    None => None,
                };
                indicator.comparators.push(Comparator {
                    kind: c.kind,
                    name,
                    period: c.period,
                    value: c.value,
                    source: None,
                });
                done.push(true);
                None
            }
        };
        let Some(now) = (match same {
            Some(j) => indicator.comparators.get(j),
            None => indicator.comparators.last(),
        }) else {
            continue;
        };
        changes.push((
            c.row,
            Change {
                indicator_id: indicator.id.clone(),
                indicator: indicator.name.clone(),
                period: comparator_label(now.kind, now.name.as_deref(), now.period.as_ref()),
                comparator: Some(now.kind),
                before,
                after: now.value.display(unit),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_is_long_form_with_one_row_per_figure() {
        let demo = Snapshot::demo();
        let text = export_figures(&demo);
        assert!(text
            .starts_with("\u{feff}indicator_id,indicator,service_area,good_is,unit,period,value,"));
        let rows = parse_rows(&text).expect("our own CSV reads");
        assert_eq!(rows[0], HEADER);
        // One row per figure; a comparator that finds no free cell of its
        // kind on its indicator's rows gets a row of its own, so each
        // indicator has as many rows as its figures or its comparators of
        // any one kind, whichever is more.
        let expected: usize = demo
            .indicators
            .iter()
            .map(|i| {
                let most = COMPARATOR_COLUMNS
                    .iter()
                    .map(|(kind, _, _)| i.comparators.iter().filter(|c| c.kind == *kind).count())
                    .max()
                    .unwrap_or(0);
                i.values.len().max(most)
            })
            .sum();
        assert_eq!(rows.len(), expected + 1);
        assert!(rows[1..].iter().all(|r| r.len() == HEADER.len()));
        // Each comparator is written exactly once.
        let comparators: usize = demo.indicators.iter().map(|i| i.comparators.len()).sum();
        let written: usize = rows[1..]
            .iter()
            .map(|r| r[10..13].iter().filter(|c| !c.is_empty()).count())
            .sum();
        assert_eq!(written, comparators);
        let cla = rows
            .iter()
            .find(|r| r[0] == "children-looked-after" && r[5] == "Q1 2019/20")
            .expect("CLA Q1");
        assert_eq!(
            &cla[3..10],
            ["L", "rate per 10,000", "Q1 2019/20", "84.6", "2096", "", ""]
        );
        // Its two England averages state no period: each goes on the next
        // row with the cell free, as printed ("64.0"), its period empty.
        let england: Vec<(&str, &str, &str)> = rows
            .iter()
            .filter(|r| r[0] == "children-looked-after" && !r[10].is_empty())
            .map(|r| (r[5].as_str(), r[10].as_str(), r[14].as_str()))
            .collect();
        assert_eq!(england, [("2016/17", "62.0", ""), ("2017/18", "64.0", "")]);
        // Comparators with a period sit on their own period's row.
        let exclusions = rows
            .iter()
            .find(|r| r[0] == "fixed-term-exclusions" && r[5] == "2017/18")
            .expect("exclusions 2017/18");
        assert_eq!(
            &exclusions[10..17],
            [
                "5.08",
                "4.69",
                "5.92",
                "North West",
                "2017/18",
                "2017/18",
                "2017/18"
            ]
        );
        let name_with_comma = rows
            .iter()
            .find(|r| r[0] == "referrals")
            .expect("referrals");
        assert_eq!(
            name_with_comma[1],
            "Number and rate (per 10k) of referrals during the year"
        );
        let missing = rows
            .iter()
            .find(|r| r[0] == "children-in-need" && r[5] == "2018/19")
            .expect("CIN 2018/19");
        assert_eq!(
            (missing[6].as_str(), missing[9].as_str()),
            ("", "Not reported")
        );
    }

    #[test]
    fn a_comparator_with_no_free_row_gets_a_row_of_its_own() {
        use crate::domain::indicator::Comparator;
        let mut demo = Snapshot::demo();
        let ehc = demo
            .indicators
            .iter_mut()
            .find(|i| i.id == "ehc-plans")
            .expect("EHC plans, which hold no figures");
        assert!(ehc.values.is_empty());
        for (period, value) in [(Some("2017"), 6351.0), (None, 6665.0)] {
            ehc.comparators.push(Comparator {
                kind: ComparatorKind::England,
                name: None,
                period: period.map(|p| p.parse().expect("period")),
                value: Value::figure(value, 0),
                source: None,
            });
        }
        let text = export_figures(&demo);
        let rows = parse_rows(&text).expect("reads");
        let own: Vec<(&str, &str, &str, &str, &str)> = rows
            .iter()
            .filter(|r| r[0] == "ehc-plans")
            .map(|r| {
                (
                    r[5].as_str(),
                    r[6].as_str(),
                    r[9].as_str(),
                    r[10].as_str(),
                    r[14].as_str(),
                )
            })
            .collect();
        assert_eq!(
            own,
            [("2017", "", "", "6351", "2017"), ("", "", "", "6665", "")]
        );
        let imported = import_figures(&demo, &text).expect("reads");
        assert_eq!(imported.changes, vec![]);
        assert_eq!(imported.snapshot, demo);
    }

    #[test]
    fn a_file_written_before_the_period_columns_reads_back_unchanged() {
        // Until the period columns, every row repeated the latest comparator
        // of each kind: reading such a file back must not invent comparators.
        let demo = Snapshot::demo();
        let text = export_figures(&demo);
        let rows = parse_rows(&text).expect("reads");
        let mut old = rows[0][..13].join(",") + "\n";
        for row in &rows[1..] {
            let Some(indicator) = demo.indicators.iter().find(|i| i.id == row[0]) else {
                continue;
            };
            if row[5].is_empty() {
                continue; // a comparator-only row: the old form had none
            }
            let latest = |kind| {
                indicator
                    .comparator(kind)
                    .and_then(|c| c.value.number())
                    .map(plain_number)
                    .unwrap_or_default()
            };
            let mut cells: Vec<String> = row[..10].to_vec();
            cells.push(latest(ComparatorKind::England));
            cells.push(latest(ComparatorKind::Region));
            cells.push(latest(ComparatorKind::StatisticalNeighbours));
            old.push_str(&cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
            old.push('\n');
        }
        let imported = import_figures(&demo, &old).expect("reads");
        let comparators_changed: Vec<&Change> = imported
            .changes
            .iter()
            .filter(|c| c.comparator.is_some())
            .collect();
        assert_eq!(comparators_changed, Vec::<&Change>::new());
        let held = |s: &Snapshot| {
            s.indicators
                .iter()
                .map(|i| i.comparators.len())
                .sum::<usize>()
        };
        assert_eq!(held(&imported.snapshot), held(&demo));
    }

    #[test]
    fn without_period_columns_a_changed_comparator_replaces_the_latest_once() {
        let demo = Snapshot::demo();
        let held = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .and_then(|i| i.comparator(ComparatorKind::England).cloned())
            .expect("CLA has an England average");
        let csv = "indicator_id,period,value,england\n\
                   children-looked-after,Q4 2018/19,,65\n\
                   children-looked-after,Q1 2019/20,,65\n";
        let imported = import_figures(&demo, csv).expect("reads");
        let changed: Vec<(&str, Option<&str>, &str)> = imported
            .changes
            .iter()
            .map(|c| (c.period.as_str(), c.before.as_deref(), c.after.as_str()))
            .collect();
        assert_eq!(changed.len(), 1, "one figure, not one per row: {changed:?}");
        assert_eq!(
            changed[0].1,
            Some(
                held.value
                    .display(crate::domain::value::Unit::RatePer10000)
                    .as_str()
            )
        );
        let cla = |s: &Snapshot| {
            s.indicators
                .iter()
                .find(|i| i.id == "children-looked-after")
                .map(|i| i.comparators.len())
        };
        assert_eq!(cla(&imported.snapshot), cla(&demo), "replaced, none added");
        let after = imported
            .snapshot
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .and_then(|i| i.comparator(ComparatorKind::England).cloned())
            .expect("still there");
        assert_eq!(
            (after.period, after.value.number()),
            (held.period, Some(65.0))
        );

        let two = "indicator_id,period,value,england\n\
                   children-looked-after,Q4 2018/19,,65\n\
                   children-looked-after,Q1 2019/20,,66\n";
        let errors = import_figures(&demo, two).expect_err("two different figures");
        assert_eq!((errors[0].row, errors[0].column), (3, Some("england")));
        assert!(
            errors[0]
                .message
                .contains("row 2 already gives children-looked-after"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn export_then_import_changes_nothing() {
        let demo = Snapshot::demo();
        let imported = import_figures(&demo, &export_figures(&demo)).expect("reads");
        assert_eq!(imported.changes, vec![]);
        assert_eq!(imported.snapshot, demo);
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let rows =
            parse_rows("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n").expect("reads");
        assert_eq!(
            rows,
            [vec!["a", "b, c", "say \"hi\""], vec!["two\nlines", "x", ""]]
        );
        assert_eq!(
            parse_rows("a,\"open").unwrap_err().to_string(),
            "Row 1: a quoted field is never closed"
        );
    }

    #[test]
    fn a_new_quarter_from_excel_is_previewed_as_changes() {
        let demo = Snapshot::demo();
        let csv = "period,indicator_id,value,numerator\n\
                   Q2 2019/20,children-looked-after,86.8,\"2,150\"\n\
                   Q1 2019/20,children-looked-after,84.6,2096\n\
                   Q2 2019/20,re-referrals,19.9%,\n";
        let imported = import_figures(&demo, csv).expect("reads");
        let shown: Vec<(String, Option<String>, String)> = imported
            .changes
            .iter()
            .map(|c| {
                (
                    format!("{} {}", c.indicator_id, c.period),
                    c.before.clone(),
                    c.after.clone(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "children-looked-after Q2 2019/20".to_owned(),
                    None,
                    "2,150 / 86.8".to_owned()
                ),
                (
                    "re-referrals Q2 2019/20".to_owned(),
                    None,
                    "19.9%".to_owned()
                ),
            ]
        );
        assert_eq!(crate::file::validate::validate(&imported.snapshot), vec![]);
    }

    #[test]
    fn every_bad_row_is_named_by_row_and_column_and_nothing_is_applied() {
        let demo = Snapshot::demo();
        let csv = "indicator_id,period,value,numerator\n\
                   children-looked-after,Q2 2019/20,86.8,2150\n\
                   nobody,Q2 2019/20,1,\n\
                   children-looked-after,Q9 2019/20,1,\n\
                   re-referrals,Q2 2019/20,lots,\n\
                   re-referrals,Q3 2019/20,120,\n\
                   contacts,Q2 2019/20,9000,many\n\
                   children-looked-after,Q2 2019/20,87,\n";
        let errors = import_figures(&demo, csv).expect_err("six faults");
        let places: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
            .collect();
        assert_eq!(
            places,
            [
                "3:indicator_id",
                "4:period",
                "5:value",
                "6:value",
                "7:numerator",
                "8:period"
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "Row 3, column indicator_id: there is no indicator with the id \u{201c}nobody\u{201d}"
        );
        assert_eq!(
            errors[5].message,
            "row 2 already gives children-looked-after for Q2 2019/20"
        );
    }

    #[test]
    fn a_file_without_the_needed_columns_says_which() {
        let demo = Snapshot::demo();
        let errors = import_figures(&demo, "id,when,figure\nx,y,z\n").expect_err("no columns");
        assert_eq!(
            errors[0].to_string(),
            "Row 1: the header row has no column named indicator_id or period or value"
        );
        assert_eq!(import_figures(&demo, "").expect_err("empty")[0].row, 1);
    }

    fn indicator<'a>(snapshot: &'a Snapshot, id: &str) -> &'a Indicator {
        snapshot
            .indicators
            .iter()
            .find(|i| i.id == id)
            .expect("a demo indicator")
    }

    fn shown(changes: &[Change]) -> Vec<(String, String, Option<String>, String)> {
        changes
            .iter()
            .map(|c| {
                (
                    c.indicator_id.clone(),
                    c.period.clone(),
                    c.before.clone(),
                    c.after.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_file_with_only_the_england_column_filled_adds_that_comparator() {
        let demo = Snapshot::demo();
        // Each comparator with its own period, or none stated.
        let csv = "indicator_id,period,value,england,england_period\n\
                   repeat-child-protection,2018/19,,5.9%,2018/19\n\
                   repeat-child-protection,,,6.0,\n";
        let imported = import_figures(&demo, csv).expect("reads");
        assert_eq!(
            shown(&imported.changes),
            [
                (
                    "repeat-child-protection".to_owned(),
                    "England average (2018/19)".to_owned(),
                    None,
                    "5.9%".to_owned()
                ),
                (
                    "repeat-child-protection".to_owned(),
                    "England average (period not stated)".to_owned(),
                    None,
                    "6.0%".to_owned()
                ),
            ]
        );
        assert!(imported
            .changes
            .iter()
            .all(|c| c.comparator == Some(ComparatorKind::England)));
        assert_eq!(imported.counted(), "2 comparators");
        let held = &indicator(&imported.snapshot, "repeat-child-protection").comparators;
        assert_eq!(held.len(), 2);
        assert_eq!(held[0].period, Some("2018/19".parse().expect("year")));
        assert_eq!(held[0].value, Value::figure(5.9, 1));
        assert_eq!((held[1].period, held[1].source.as_deref()), (None, None));
        let before = indicator(&demo, "repeat-child-protection");
        let after = indicator(&imported.snapshot, "repeat-child-protection");
        assert_eq!(
            after.values, before.values,
            "an empty value leaves the figure"
        );
        assert_eq!(crate::file::validate::validate(&imported.snapshot), vec![]);
    }

    #[test]
    fn the_period_columns_give_each_comparator_its_own_period_and_name() {
        let demo = Snapshot::demo();
        let csv = "indicator_id,period,value,england,england_period,region,region_name,region_period\n\
                   permanent-exclusions,2018/19,0.20%,0.11,2018/19,0.14,North West,Apr 18 - Mar 19\n\
                   repeat-child-protection,Q1 2019/20,,,,5.1%,,\n";
        let imported = import_figures(&demo, csv).expect("reads");
        assert_eq!(
            shown(&imported.changes),
            [
                (
                    "permanent-exclusions".to_owned(),
                    "2018/19".to_owned(),
                    None,
                    "0.20%".to_owned()
                ),
                (
                    "permanent-exclusions".to_owned(),
                    "England average (2018/19)".to_owned(),
                    None,
                    "0.11%".to_owned()
                ),
                (
                    "permanent-exclusions".to_owned(),
                    "North West average (Apr 18 - Mar 19)".to_owned(),
                    None,
                    "0.14%".to_owned()
                ),
                (
                    "repeat-child-protection".to_owned(),
                    "Regional average (period not stated)".to_owned(),
                    None,
                    "5.1%".to_owned()
                ),
            ]
        );
        assert_eq!(imported.counted(), "1 figure and 3 comparators");
        let region = indicator(&imported.snapshot, "repeat-child-protection")
            .comparator(ComparatorKind::Region)
            .expect("added");
        assert_eq!(
            (region.name.as_deref(), region.period),
            (None, None),
            "an empty region_name and an empty region_period state neither"
        );
        // Without a region_name column, a new region takes the name the
        // other indicators use; without a period column, the row's period.
        let csv = "indicator_id,period,value,region\nrepeat-child-protection,Q1 2019/20,,5.1%\n";
        let imported = import_figures(&demo, csv).expect("reads");
        let region = indicator(&imported.snapshot, "repeat-child-protection")
            .comparator(ComparatorKind::Region)
            .expect("added");
        assert_eq!(
            (region.name.as_deref(), region.period),
            (
                Some("North West"),
                Some("Q1 2019/20".parse().expect("quarter"))
            )
        );
    }

    #[test]
    fn a_comparator_replaces_the_held_one_of_its_kind_and_period() {
        let demo = Snapshot::demo();
        let csv = "indicator_id,period,value,england,england_period\n\
                   permanent-exclusions,2017/18,0.19%,,\n\
                   permanent-exclusions,2017/18,,0.12,2017/18\n\
                   children-looked-after,,,65.0,\n";
        let imported = import_figures(&demo, csv).expect("a comparator-only row is no repeat");
        assert_eq!(
            shown(&imported.changes),
            [
                (
                    "permanent-exclusions".to_owned(),
                    "England average (2017/18)".to_owned(),
                    Some("0.10%".to_owned()),
                    "0.12%".to_owned()
                ),
                (
                    "children-looked-after".to_owned(),
                    "England average (period not stated)".to_owned(),
                    Some("64.0".to_owned()),
                    "65.0".to_owned()
                ),
            ]
        );
        let before = indicator(&demo, "permanent-exclusions");
        let after = indicator(&imported.snapshot, "permanent-exclusions");
        assert_eq!(after.comparators.len(), before.comparators.len());
        let replaced = after
            .comparators
            .iter()
            .find(|c| {
                c.kind == ComparatorKind::England && c.period == Some("2017/18".parse().expect("y"))
            })
            .expect("held");
        assert_eq!(
            (replaced.value.number(), replaced.source.as_deref()),
            (Some(0.12), None),
            "typed, so no longer from the pack"
        );
        assert_eq!(
            after.comparators[0], before.comparators[0],
            "the 2016/17 average is untouched"
        );
        // Of two England averages with no period, the later is replaced.
        let cla = indicator(&imported.snapshot, "children-looked-after");
        let england: Vec<Option<f64>> = cla
            .comparators
            .iter()
            .filter(|c| c.kind == ComparatorKind::England)
            .map(|c| c.value.number())
            .collect();
        assert_eq!(england, [Some(62.0), Some(65.0)]);
    }

    #[test]
    fn a_bad_comparator_cell_is_refused_by_row_and_column() {
        let demo = Snapshot::demo();
        let csv = "indicator_id,period,value,england,region,region_period\n\
                   children-looked-after,Q1 2019/20,,abc,,\n\
                   re-referrals,Q1 2019/20,,140,,\n\
                   re-referrals,,,,16.0,Q9 2019/20\n\
                   contacts,,,,5%,\n\
                   contacts,,,9000,,\n";
        let errors = import_figures(&demo, csv).expect_err("four faults");
        let places: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
            .collect();
        assert_eq!(
            places,
            ["2:england", "3:england", "4:region_period", "5:region"]
        );
        assert_eq!(
            errors[0].to_string(),
            "Row 2, column england: \u{201c}abc\u{201d} is not a number"
        );
        assert_eq!(
            errors[1].message,
            "a percentage must be from 0 to 100, not 140"
        );
        assert!(
            errors[2]
                .message
                .starts_with("\u{201c}Q9 2019/20\u{201d} is not a period"),
            "{}",
            errors[2].message
        );
        assert!(
            errors[3].message.contains("not a percentage"),
            "{}",
            errors[3].message
        );
    }

    #[test]
    fn filled_columns_that_are_not_read_are_named() {
        let demo = Snapshot::demo();
        let imported = import_figures(&demo, &export_figures(&demo)).expect("reads");
        assert_eq!(
            imported.not_read,
            ["The columns indicator, service_area, good_is and unit were not read: names, service areas, polarity and units are changed on each indicator's page."]
        );
        // Said even when nothing differs; empty columns are not mentioned.
        let csv = "indicator_id,period,value,unit,notes,comment,,england_period\n\
                   contacts,Q1 2019/20,,count,check this,,x,2018/19\n";
        let imported = import_figures(&demo, csv).expect("reads");
        assert_eq!(imported.changes, vec![]);
        assert_eq!(imported.counted(), "no figures");
        assert_eq!(
            imported.not_read,
            [
                "The column unit was not read: units are changed on each indicator's page.",
                "The column england_period was not read: the file has no england column for it to give the period of.",
                "The column \u{201c}notes\u{201d} is not one this file form has, so it was not read.",
                "Column 7 has no heading, so it was not read.",
            ]
        );
        let csv = "indicator_id,period,value,good_is,Notes,Comment\ncontacts,,,H,a,b\n";
        assert_eq!(
            import_figures(&demo, csv).expect("reads").not_read,
            [
                "The column good_is was not read: polarity is changed on each indicator's page.",
                "The columns \u{201c}Notes\u{201d} and \u{201c}Comment\u{201d} are not ones this file form has, so they were not read.",
            ]
        );
        let headless = "indicator_id,period,value,,\ncontacts,,,a,b\n";
        assert_eq!(
            import_figures(&demo, headless).expect("reads").not_read,
            ["Columns 4 and 5 have no heading, so they were not read."]
        );
        let plain = "indicator_id,period,value\ncontacts,Q1 2019/20,9000\n";
        assert_eq!(
            import_figures(&demo, plain).expect("reads").not_read,
            Vec::<String>::new()
        );
    }
}
