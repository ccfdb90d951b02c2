//! Performance indicators: the overview by service area, one indicator's
//! page with its details, comparators and notes, and the figures form.

mod add;
mod comparators;
mod details;
mod enter;
mod from_csv;
mod indicator;
mod notes;
mod overview;
mod spc;
mod table;

pub use enter::EnterFiguresPage;
pub use indicator::IndicatorPage;
pub use overview::IndicatorsPage;
pub(crate) use overview::RagKey;
pub(crate) use table::AreaTableView;
