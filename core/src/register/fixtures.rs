//! What the register's tests start from: quarters and days by their text,
//! the demo register, its entries and its rows.

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::RegisterEntry;
use crate::domain::risk::EntryKind;
use crate::domain::snapshot::Snapshot;
use crate::register::filter::RegisterFilter;
use crate::register::matrix::Matrix;
use crate::register::rows::{rows, Row};

pub fn demo_snapshot() -> Snapshot {
    Snapshot::demo()
}

/// A quarter by its text, "Q2 2019/20".
pub fn q(label: &str) -> Period {
    label.parse().expect("quarter")
}

/// A day by its text, "2019-09-30".
pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

/// The references of some rows, in their order.
pub fn ids(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

/// The entry `id` of the snapshot.
pub fn entry<'a>(s: &'a Snapshot, id: &str) -> &'a RegisterEntry {
    s.register.iter().find(|e| e.id == id).expect("entry")
}

/// Every row on the register in `quarter` as the matrices take them (no
/// filter, any cell), with `today` for overdue reviews.
pub fn every_row(s: &Snapshot, quarter: &str, today: &str) -> Vec<Row> {
    rows(s, &RegisterFilter::default(), &q(quarter), day(today), true)
}

/// The risks' matrix of `quarter` under the snapshot's bands.
pub fn risk_matrix(s: &Snapshot, quarter: &str, today: &str) -> Matrix {
    let list = every_row(s, quarter, today);
    Matrix::build(&list, EntryKind::Risk, &s.settings.score_bands)
}
