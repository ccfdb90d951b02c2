//! Figure cells as monitoring reports print them ("2,010/81.2", "21.3 %",
//! "12, 345", "-", "n/a", "Due in Q4", "180 (Jan 17 - Dec 17)"), read into
//! the typed model or refused with the forms accepted; and an indicator's
//! unit and polarity from what a sheet prints.

use crate::domain::period::Period;
use crate::domain::rag::Polarity;
use crate::domain::value::{Unit, Value};

/// A figure cell read: its value, and the period it gives of its own in
/// brackets, where it does ("180 (Jan 17 - Dec 17)", "50% (Q4)").
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub period: Option<Period>,
}

/// Reads a figure cell for an indicator measured in `unit`, in a column of
/// `column_period` (against which a bracketed "(Q4)" is resolved). `Err` is
/// the reason, with the forms accepted.
pub fn read_cell(text: &str, unit: Unit, column_period: Option<Period>) -> Result<Cell, String> {
    let _ = column_period;
    Value::parse(text, unit)
        .map(|value| Cell {
            value,
            period: None,
        })
        .map_err(|e| e.to_string())
}

/// The unit a `unit` column's cell names ("%", "Rate per 10,000", "Days").
pub fn read_unit(text: &str) -> Option<Unit> {
    match text.trim().to_ascii_lowercase().as_str() {
        "%" | "percent" | "percentage" => Some(Unit::Percent),
        "count" => Some(Unit::Count),
        "number" => Some(Unit::Number),
        "days" => Some(Unit::Days),
        _ => None,
    }
}

/// The unit of an indicator without a `unit` column: from its name and
/// its figure cells as printed.
pub fn infer_unit(name: &str, cells: &[&str]) -> Unit {
    if cells.iter().any(|c| c.trim_end().ends_with('%')) {
        Unit::Percent
    } else {
        let _ = name;
        Unit::Number
    }
}

/// A polarity as sheets print it: "H", "High", "L", "Low", "-".
pub fn read_polarity(text: &str) -> Option<Polarity> {
    match text.trim().to_ascii_lowercase().as_str() {
        "h" | "high" => Some(Polarity::High),
        "l" | "low" => Some(Polarity::Low),
        "-" | "" => Some(Polarity::None),
        _ => None,
    }
}
