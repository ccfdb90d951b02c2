//! Performance indicators: the overview by service area, one indicator's
//! page with its details, comparators and notes, and the figures form.

mod edit;
mod enter;
mod overview;

pub use enter::EnterFiguresPage;
pub(crate) use overview::{AreaTableView, RagKey};
pub use overview::{IndicatorPage, IndicatorsPage};
