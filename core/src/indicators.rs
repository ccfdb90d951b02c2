//! Performance indicators: the overview tables (ratings, direction, filters),
//! the figures form, an indicator's page and its details, comparators and
//! period notes, adding indicators and service areas, and CSV.

pub mod add;
pub mod comparators;
pub mod csv;
pub mod details;
pub mod entry;
pub mod notes;
pub mod overview;
pub mod page;
pub mod rebasing;
pub mod rows_html;
pub mod tolerance;
