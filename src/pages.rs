//! One view per route.

mod complaints;
mod complaints_cases;
mod complaints_figures;
mod data;
mod enter;
mod help;
mod indicator_edit;
mod indicators;
mod not_found;
mod pack;
mod risk_entry;
mod risk_matrix;
mod risks;

pub use complaints::ComplaintsPage;
pub use complaints_cases::ComplaintsCasesPage;
pub use complaints_figures::ComplaintsFiguresPage;
pub use data::DataPage;
pub use enter::EnterFiguresPage;
pub use help::HelpPage;
pub use indicators::{IndicatorPage, IndicatorsPage};
pub use not_found::NotFoundPage;
pub use pack::PackPage;
pub use risk_entry::{NewRiskEntryPage, RiskEntryPage, ScoreBandsPage};
pub use risks::RisksPage;
