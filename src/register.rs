//! The risk and opportunity register: the page with its 5 x 5 matrix, the
//! register table and what changed between quarters; one entry's page and
//! its forms; adding an entry; the score bands.

mod bands;
mod changes;
mod entry;
mod fields;
mod marker;
mod matrix;
mod new_entry;
mod overview;
mod retire;
mod table;

pub use bands::ScoreBandsPage;
pub(crate) use changes::ChangesPanel;
pub use entry::RiskEntryPage;
pub(crate) use matrix::MatrixTable;
pub use new_entry::NewRiskEntryPage;
pub use overview::RisksPage;
pub(crate) use table::EntryTable;
