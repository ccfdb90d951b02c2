//! Complaints and compliments: the annual report's charts, the year's
//! figures form, and the case list read from CSV.

mod cases;
mod figures;
mod report;

pub use cases::ComplaintsCasesPage;
pub use figures::ComplaintsFiguresPage;
pub(crate) use report::figures;
pub use report::ComplaintsPage;
