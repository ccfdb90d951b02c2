//! The risk and opportunity register, one concern a file: its quarters, the
//! table's rows, filters and order, the 5 x 5 matrix with its arrows and
//! appetite line, what changed between two quarters and the matching rule,
//! the marker's moves on the matrix, and the forms that change the register
//! (an entry, retiring it, the score bands). The names most views need are
//! re-exported here.

pub mod arrows;
pub mod bands;
pub mod changes;
pub mod edit;
pub mod filter;
pub mod marker;
pub mod matrix;
pub mod moves;
pub mod quarters;
pub mod retire;
pub mod rows;

#[cfg(test)]
pub(crate) mod fixtures;

pub use arrows::{arrow_line, arrow_lines, mitigation_arrows, movement_arrows, Arrow, ArrowSet};
pub use changes::{matching_rule, Changes, Continuing, Listed, STOP_WORDS};
pub use filter::{entry_href, FilterChoices, RegisterFilter};
pub use matrix::{
    appetite_path, cell_centre, impact_step, likelihood_step, Matrix, MatrixCell, CELL,
    SHOWN_IN_CELL,
};
pub use quarters::{next_quarter, previous_quarter, quarters};
pub use rows::{
    band_names, choices, id_cmp, is_overdue, on_register_count, or_not_given, retired, rows,
    score_text, wording, Layer, Retired, Row, Sort, Wording,
};
