//! Indicator figures as CSV in long form, one row per indicator and period,
//! which Excel opens; and reading the same form back, with every fault named
//! by row and column, applied whole or not at all.

use crate::domain::indicator::{ComparatorKind, Indicator, Observation};
use crate::domain::period::Period;
use crate::domain::value::{MissingReason, Value};
use crate::snapshot::Snapshot;
use crate::text::{plain_number, read_number};

/// The columns, in order.
pub const HEADER: [&str; 13] = [
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
];

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn comparator(indicator: &Indicator, kind: ComparatorKind) -> String {
    indicator
        .comparator(kind)
        .and_then(|c| c.value.number())
        .map(plain_number)
        .unwrap_or_default()
}

/// Every figure as CSV, with a byte-order mark so Excel reads it as UTF-8.
pub fn export_figures(snapshot: &Snapshot) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for indicator in &snapshot.indicators {
        let area = snapshot
            .service_area(&indicator.service_area)
            .map(|a| a.name.as_str())
            .unwrap_or(&indicator.service_area);
        let mut values: Vec<&Observation> = indicator.values.iter().collect();
        values.sort_by_key(|o| (o.period.end(), std::cmp::Reverse(o.period.start())));
        for o in values {
            let (value, numerator, denominator, missing) = match &o.value {
                Value::Figure {
                    value,
                    decimals,
                    numerator,
                    denominator,
                } => (
                    // As printed: "32.0" keeps its decimal place.
                    format!("{value:.*}", usize::from(*decimals)),
                    numerator.map(plain_number).unwrap_or_default(),
                    denominator.map(plain_number).unwrap_or_default(),
                    String::new(),
                ),
                Value::Missing { reason } => (
                    String::new(),
                    String::new(),
                    String::new(),
                    reason.label().to_owned(),
                ),
            };
            let row = [
                indicator.id.clone(),
                indicator.name.clone(),
                area.to_owned(),
                indicator.polarity.code().to_owned(),
                indicator.unit.describe().to_owned(),
                o.period.to_string(),
                value,
                numerator,
                denominator,
                missing,
                comparator(indicator, ComparatorKind::England),
                comparator(indicator, ComparatorKind::Region),
                comparator(indicator, ComparatorKind::StatisticalNeighbours),
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

/// One figure a CSV file would change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub indicator_id: String,
    pub indicator: String,
    pub period: Period,
    /// As shown now; `None` where there is no figure yet.
    pub before: Option<String>,
    pub after: String,
}

/// What reading a CSV file would do: the changed snapshot and each change.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresImport {
    pub snapshot: Snapshot,
    pub changes: Vec<Change>,
}

fn decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.len()).unwrap_or(0))
}

/// Reads CSV text in the long form [`export_figures`] writes. Columns are
/// found by their header names, so their order may change; `indicator_id`,
/// `period` and `value` are required. Only figures are read: names, units
/// and comparators in the file are for people, not read back.
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
    let mut next = snapshot.clone();
    let mut errors = vec![];
    let mut changes = vec![];
    let mut seen: Vec<(String, Period, usize)> = vec![];
    for (i, row) in body.iter().enumerate() {
        let row_number = i + 2;
        let cell = |col: usize| row.get(col).map(|s| s.trim()).unwrap_or("");
        let mut fail = |column: &'static str, message: String| {
            errors.push(CsvError {
                row: row_number,
                column: Some(column),
                message,
            })
        };
        let id = cell(id_col);
        let Some(indicator) = next.indicators.iter_mut().find(|x| x.id == id) else {
            fail(
                "indicator_id",
                format!("there is no indicator with the id \u{201c}{id}\u{201d}"),
            );
            continue;
        };
        let period: Period = match cell(period_col).parse() {
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
        let value_text = cell(value_col);
        let missing_text = missing_col.map(cell).unwrap_or("");
        let value = if value_text.is_empty() {
            if missing_text.is_empty() {
                continue;
            }
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
        changes.push(Change {
            indicator_id: indicator.id.clone(),
            indicator: indicator.name.clone(),
            period,
            before: before.map(|b| b.display(indicator.unit)),
            after: value.display(indicator.unit),
        });
        indicator.set_figure(period, value);
    }
    if errors.is_empty() {
        Ok(FiguresImport {
            snapshot: next,
            changes,
        })
    } else {
        Err(errors)
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
        let figures: usize = demo.indicators.iter().map(|i| i.values.len()).sum();
        assert_eq!(rows.len(), figures + 1);
        let cla = rows
            .iter()
            .find(|r| r[0] == "children-looked-after" && r[5] == "Q1 2019/20")
            .expect("CLA Q1");
        assert_eq!(
            &cla[3..10],
            ["L", "rate per 10,000", "Q1 2019/20", "84.6", "2096", "", ""]
        );
        assert_eq!(cla[10], "64");
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
        assert_eq!(crate::validate::validate(&imported.snapshot), vec![]);
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
}
