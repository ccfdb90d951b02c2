//! A complaints case list (CSV, one row per complaint) read, checked and
//! summed into the yearly figures, with response times in working days
//! against each procedure's timescale. This file holds one complaint of a
//! list; reading the file, summing it, bringing the sums into the
//! snapshot, what the page says of it and the timescales are beside it.

mod bring_in;
mod preview;
mod read;
mod sum;
mod timescale;

pub use bring_in::{apply_cases, CaseYear};
pub use preview::{preview_heading, summed_message};
pub use read::read_cases;
pub use sum::aggregate;
pub use timescale::{timescale, timescales_text, Timescale};

use chrono::{Datelike, NaiveDate};

use crate::complaints::calendar::working_days_between;
use crate::domain::complaints::{Outcome, Procedure};
use crate::domain::period::Period;

/// One complaint from a case list.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub reference: String,
    pub procedure: Procedure,
    pub received: NaiveDate,
    pub stage: u8,
    pub category: Option<String>,
    pub outcome: Outcome,
    pub acknowledged: Option<NaiveDate>,
    pub responded: Option<NaiveDate>,
}

impl Case {
    /// Working days from receipt to response, where it has been answered.
    pub fn working_days(&self) -> Option<u32> {
        self.responded
            .map(|r| working_days_between(self.received, r))
    }

    /// Whether the response went beyond the procedure's timescale; `None`
    /// while unanswered or where the stage has no timescale.
    pub fn exceeded(&self) -> Option<bool> {
        let t = timescale(self.procedure, self.stage)?;
        Some(t.exceeded(self.received, self.responded?))
    }
}

/// The financial year a date falls in.
pub fn financial_year(date: NaiveDate) -> Period {
    let start_year = if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    };
    Period::FinancialYear { start_year }
}

#[cfg(test)]
mod tests;
