//! Which procedure and year the report shows, read from its address; the
//! addresses of the report and of the year's form; the years its trend
//! charts cover.

use super::{find, procedures, years, WINDOW};
use crate::domain::complaints::Procedure;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::route::{link_note, unread_parts, Route};

/// The value of `key` in an address's query, where it is given.
pub(crate) fn asked<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The query naming a procedure and, where given, a year.
fn query(procedure: Procedure, year: Option<Period>) -> String {
    match year {
        Some(year) => format!("procedure={}&year={year}", procedure.key()),
        None => format!("procedure={}", procedure.key()),
    }
}

/// The report's address for `procedure`, at the year it opens on.
pub fn report_href(procedure: Procedure) -> String {
    Route::Complaints.href_with(&query(procedure, None))
}

/// The address of the form adding a year's figures for `procedure`.
pub fn add_figures_href(procedure: Procedure) -> String {
    Route::ComplaintsFigures.href_with(&query(procedure, None))
}

/// Which procedure and year the page shows, read from its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub procedure: Procedure,
    pub year: Period,
}

impl Choice {
    /// The address's choice where it names a procedure and a year held;
    /// otherwise the first procedure with figures and its latest year with
    /// a count of complaints received. `None` when nothing is held.
    pub fn from_query(snapshot: &Snapshot, query: &[(String, String)]) -> Option<Choice> {
        let asked = |key: &str| asked(query, key);
        let held = years(snapshot);
        let held_procedures = procedures(snapshot);
        let procedure = asked("procedure")
            .and_then(Procedure::from_key)
            .filter(|p| held_procedures.contains(p))
            .or_else(|| held_procedures.first().copied())?;
        let latest = held
            .iter()
            .rev()
            .find(|y| find(snapshot, **y, procedure).is_some_and(|c| c.received.is_some()))
            .or(held.last())
            .copied()?;
        let year = asked("year")
            .and_then(|y| y.parse::<Period>().ok())
            .filter(|y| held.contains(y))
            .unwrap_or(latest);
        Some(Choice { procedure, year })
    }

    /// What the page says about a link it could not follow in full.
    pub fn link_problem(snapshot: &Snapshot, query: &[(String, String)]) -> Option<String> {
        let held = years(snapshot);
        let unread = unread_parts(query, |key, value| match key {
            "procedure" => Procedure::from_key(value).is_some(),
            "year" => value.parse::<Period>().is_ok_and(|y| held.contains(&y)),
            _ => false,
        });
        link_note(&unread, None)
    }

    /// The address of this choice.
    pub fn href(&self) -> String {
        Route::Complaints.href_with(&query(self.procedure, Some(self.year)))
    }

    /// The address of the form changing this year's figures (or adding
    /// them, where none are held).
    pub fn figures_href(&self) -> String {
        Route::ComplaintsFigures.href_with(&query(self.procedure, Some(self.year)))
    }

    /// This year for the procedure whose key is `key`, where it reads.
    pub fn with_procedure_key(&self, key: &str) -> Option<Choice> {
        let procedure = Procedure::from_key(key)?;
        Some(Choice { procedure, ..*self })
    }

    /// This procedure in the year written `text`, where it reads.
    pub fn with_year_text(&self, text: &str) -> Option<Choice> {
        let year = text.parse().ok()?;
        Some(Choice { year, ..*self })
    }

    /// "Adult social care (statutory): 2017/18".
    pub fn heading(&self) -> String {
        format!("{}: {}", self.procedure.label(), self.year)
    }

    /// Said where no figures are held for the choice.
    pub fn nothing_held(&self) -> String {
        format!(
            "No figures are held for {} in {}.",
            self.procedure.noun(),
            self.year
        )
    }

    /// The years the trend charts show: up to [`WINDOW`] held years ending
    /// at the chosen one.
    pub fn window(&self, snapshot: &Snapshot) -> Vec<Period> {
        let held: Vec<Period> = years(snapshot)
            .into_iter()
            .filter(|y| y.timeline_cmp(&self.year).is_le())
            .collect();
        held[held.len().saturating_sub(WINDOW)..].to_vec()
    }

    /// The year before the chosen one, where figures are held for it.
    pub fn previous(&self, snapshot: &Snapshot) -> Option<Period> {
        let Period::FinancialYear { start_year } = self.year else {
            return None;
        };
        let before = Period::FinancialYear {
            start_year: start_year - 1,
        };
        years(snapshot).contains(&before).then_some(before)
    }
}
