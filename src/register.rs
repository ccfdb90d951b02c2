//! The risk and opportunity register: the page with its 5 x 5 matrix, the
//! register table and what changed between quarters; one entry's page; the
//! score bands.

mod entry;
mod matrix;
mod overview;

pub use entry::{NewRiskEntryPage, RiskEntryPage, ScoreBandsPage};
pub(crate) use matrix::MatrixTable;
pub use overview::RisksPage;
pub(crate) use overview::{ChangesPanel, EntryTable};
