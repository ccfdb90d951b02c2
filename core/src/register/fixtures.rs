//! What the register's tests start from: quarters and days by their text,
//! the demo register, its entries and its rows.

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::RegisterEntry;
use crate::domain::snapshot::Snapshot;
use crate::register::rows::Row;

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
