//! Complaints and compliments: the annual report's figures and charts, the
//! year form, case lists read from CSV, and working days.

pub mod calendar;
pub mod cases;
pub mod edit;
pub mod report;
