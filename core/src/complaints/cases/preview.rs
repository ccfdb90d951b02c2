//! What the case-list page says of a file previewed year by year before its
//! figures are used (a refusal is worded by `file::read`, as on every page).

use super::bring_in::CaseYear;
use crate::complaints::report::Choice;
use crate::domain::snapshot::count_of;
use crate::domain::value::group_thousands;

/// "“cases.csv”: 6 complaints in 4 years and procedures".
pub fn preview_heading(name: &str, cases: usize, years: usize) -> String {
    format!(
        "\u{201c}{name}\u{201d}: {} in {}",
        count_of(cases, "complaint", "complaints"),
        count_of(years, "year and procedure", "years and procedures")
    )
}

/// What is said once the list's figures are used.
pub fn summed_message(name: &str, cases: usize) -> String {
    format!(
        "Summed {} from \u{201c}{name}\u{201d}",
        count_of(cases, "complaint", "complaints")
    )
}

impl CaseYear {
    /// The preview's row: the year, the procedure, complaints received now
    /// and in the file, and how many went beyond the timescale.
    pub fn cells(&self) -> [String; 5] {
        let count = |c: u32| group_thousands(f64::from(c), 0);
        [
            self.year.to_string(),
            self.procedure.label().to_owned(),
            self.before.map(count).unwrap_or_else(|| "None".into()),
            count(self.received),
            self.exceeded
                .map(count)
                .unwrap_or_else(|| "None answered yet".into()),
        ]
    }

    /// The report's choice of this year and procedure.
    pub fn choice(&self) -> Choice {
        Choice {
            procedure: self.procedure,
            year: self.year,
        }
    }
}
