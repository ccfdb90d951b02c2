//! Performance indicators: the overview tables (ratings, direction, filters),
//! the figures form, an indicator's details and comparators, and CSV.

pub mod csv;
pub mod edit;
pub mod entry;
pub mod overview;
pub mod rows_html;
