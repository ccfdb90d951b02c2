//! Reading figures and comparators back from long-form CSV: every fault by
//! row and column, applied whole or not at all, each change listed.

use crate::domain::indicator::{Comparator, ComparatorKind};
use crate::domain::period::Period;
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::{MissingReason, Value, ValueParseError};
use crate::indicators::comparators::{comparator_label, usual_region_name};
use crate::indicators::csv::not_read::not_read;
use crate::indicators::csv::{parse_rows, CsvError, COMPARATOR_COLUMNS};
use crate::text::read_number;

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

/// What the page says when a file changes nothing: that, and what in it
/// was not read.
pub fn unchanged_message(name: &str, import: &FiguresImport) -> String {
    let not_read = import.not_read.join(" ");
    format!(
        "\u{201c}{name}\u{201d} holds no figures or comparators that differ from those open now. {not_read}"
    )
    .trim_end()
    .to_owned()
}

/// What the page says when file `name` is refused: how many faults, the
/// first ten of them, and that nothing has changed.
pub fn refusal_message(name: &str, errors: &[CsvError]) -> String {
    const LISTED: usize = 10;
    let mut list: Vec<String> = errors
        .iter()
        .take(LISTED)
        .map(ToString::to_string)
        .collect();
    if errors.len() > LISTED {
        list.push(format!("and {} more", errors.len() - LISTED));
    }
    format!(
        "Could not open \u{201c}{name}\u{201d}: {}: {} Nothing has been changed.",
        count_of(errors.len(), "row has a problem", "problems"),
        list.join("; ") + "."
    )
}

fn decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.len()).unwrap_or(0))
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
