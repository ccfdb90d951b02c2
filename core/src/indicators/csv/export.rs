//! Writing every figure and comparator as long-form CSV for Excel.

use crate::domain::indicator::{Comparator, ComparatorKind, Indicator, Observation};
use crate::domain::period::Period;
use crate::domain::rag::{Target, TargetRule};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::file::csv::write_rows;
use crate::indicators::csv::HEADER;
use crate::sort;
use crate::text::plain_number;

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
            let places = Value::shown_places(*value, *decimals);
            let main = format!("{value:.*}", usize::from(places));
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
    sort::by_key(&mut values, |o| {
        (o.period.end(), std::cmp::Reverse(o.period.start()))
    });
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
    if rows.is_empty() {
        // An indicator with nothing yet still has its row, so that the file
        // brought into another workspace gives it back.
        rows.push(OutRow {
            period: None,
            figure: None,
            comparators: [None; 3],
        });
    }
    rows
}

/// The standing target's cells: its value, rule, amber tolerance and (for a
/// goal post) green tolerance; empty where there is none.
fn target_cells(target: Option<&Target>) -> [String; 4] {
    match target {
        None => Default::default(),
        Some(Target {
            value,
            rule: TargetRule::Directional { amber_within },
        }) => [
            plain_number(*value),
            "directional".to_owned(),
            plain_number(*amber_within),
            String::new(),
        ],
        Some(Target {
            value,
            rule:
                TargetRule::GoalPost {
                    green_within,
                    amber_within,
                },
        }) => [
            plain_number(*value),
            "goal post".to_owned(),
            plain_number(*amber_within),
            plain_number(*green_within),
        ],
    }
}

/// Every figure and comparator as CSV, with a byte-order mark so Excel reads it as UTF-8.
pub fn export_figures(snapshot: &Snapshot) -> String {
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| (*h).to_owned()).collect()];
    for indicator in &snapshot.indicators {
        let area = snapshot
            .service_area(&indicator.service_area)
            .map(|a| a.name.as_str())
            .unwrap_or(&indicator.service_area);
        let [target, rule, tolerance, green] = target_cells(indicator.target.as_ref());
        for r in rows_of(indicator) {
            let (value, numerator, denominator, missing) = match r.figure.map(|o| &o.value) {
                Some(Value::Figure {
                    value,
                    decimals,
                    numerator,
                    denominator,
                }) => (
                    // As printed: "32.0" keeps its decimal place, and a
                    // value with more places than printed keeps them all.
                    format!(
                        "{value:.*}",
                        usize::from(Value::shown_places(*value, *decimals))
                    ),
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
            rows.push(vec![
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
                target.clone(),
                rule.clone(),
                tolerance.clone(),
                green.clone(),
            ]);
        }
    }
    format!("\u{feff}{}", write_rows(&rows))
}
