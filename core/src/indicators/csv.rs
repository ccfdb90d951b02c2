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

use crate::domain::indicator::ComparatorKind;

mod export;
mod import;
mod not_read;

pub use export::export_figures;
pub use import::{import_figures, unchanged_message, Change, FiguresImport};

/// The columns, in order. Those after `statistical_neighbours` were added
/// later, at the end, so readers that find columns by name keep working.
pub const HEADER: [&str; 21] = [
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
    "target",
    "target_rule",
    "tolerance",
    "green_within",
];

/// Each comparator kind with its value column and its period column.
pub(crate) const COMPARATOR_COLUMNS: [(ComparatorKind, &str, &str); 3] = [
    (ComparatorKind::England, "england", "england_period"),
    (ComparatorKind::Region, "region", "region_period"),
    (
        ComparatorKind::StatisticalNeighbours,
        "statistical_neighbours",
        "statistical_neighbours_period",
    ),
];

/// Columns written for people and not read back, with what they hold.
pub(crate) const FOR_PEOPLE: [(&str, &str); 8] = [
    ("indicator", "names"),
    ("service_area", "service areas"),
    ("good_is", "polarity"),
    ("unit", "units"),
    ("target", "targets"),
    ("target_rule", "targets"),
    ("tolerance", "targets"),
    ("green_within", "targets"),
];

#[cfg(test)]
mod tests;
