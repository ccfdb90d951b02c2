//! Dates as the packs print them: "30 June 2019".

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The full English name of a month numbered 1 to 12.
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTHS
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

/// "30 June 2019": day without a leading zero, month in full, as GOV.UK writes dates.
pub fn long_date(date: NaiveDate) -> String {
    let month = month_name(date.month()).unwrap_or("?");
    format!("{} {} {}", date.day(), month, date.year())
}

/// The years Scrutineer keeps: every date and period read from outside
/// (a file, a form, a spreadsheet) falls in them, so whatever it accepts it
/// can also write back and read again as the same value.
pub const YEARS: RangeInclusive<i32> = 1990..=2100;

/// Why a typed date was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date in either form (or not a real day, such as 31/02/2019).
    NotADate,
    /// A real date, in a year outside [`YEARS`] (often a year of two digits).
    OutsideYears(i32),
}

impl DateProblem {
    /// Plain words for a message about `text`, with the forms accepted.
    pub fn describe(self, text: &str) -> String {
        match self {
            DateProblem::NotADate => format!(
                "\u{201c}{}\u{201d} is not a date: write it as 31/10/2019 or 2019-10-31",
                crate::text::excerpt(text)
            ),
            DateProblem::OutsideYears(year) => format!(
                "\u{201c}{}\u{201d} is in the year {year}: Scrutineer keeps dates from {} to {}. Write the year in full, as 31/10/2019 or 2019-10-31",
                crate::text::excerpt(text),
                YEARS.start(),
                YEARS.end()
            ),
        }
    }
}

/// Reads a date as a date input gives it (2019-10-31) or as people type it
/// (31/10/2019), in a year Scrutineer keeps.
pub fn read_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let t = text.trim();
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .map_err(|_| DateProblem::NotADate)?;
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(DateProblem::OutsideYears(date.year()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_either_form_and_only_in_the_years_kept() {
        let day = NaiveDate::from_ymd_opt(2019, 10, 31).expect("valid date");
        assert_eq!(read_date(" 2019-10-31 "), Ok(day));
        assert_eq!(read_date("31/10/2019"), Ok(day));
        assert_eq!(read_date("31/02/2019"), Err(DateProblem::NotADate));
        assert_eq!(read_date("soon"), Err(DateProblem::NotADate));
        // Two-digit years read as the first century: refused, with the reason.
        assert_eq!(read_date("29-03-13"), Err(DateProblem::OutsideYears(29)));
        assert_eq!(read_date("13/03/29"), Err(DateProblem::OutsideYears(29)));
        assert_eq!(read_date("0001-01-01"), Err(DateProblem::OutsideYears(1)));
        assert_eq!(
            read_date("2101-01-01"),
            Err(DateProblem::OutsideYears(2101))
        );
        assert!(read_date("1990-01-01").is_ok() && read_date("2100-12-31").is_ok());
        assert_eq!(
            DateProblem::OutsideYears(29).describe("29-03-13"),
            "\u{201c}29-03-13\u{201d} is in the year 29: Scrutineer keeps dates from 1990 to 2100. Write the year in full, as 31/10/2019 or 2019-10-31"
        );
    }

    #[test]
    fn long_dates_have_no_leading_zero_and_a_full_month() {
        let date = NaiveDate::from_ymd_opt(2019, 6, 30).expect("valid date");
        assert_eq!(long_date(date), "30 June 2019");
        let date = NaiveDate::from_ymd_opt(2018, 9, 1).expect("valid date");
        assert_eq!(long_date(date), "1 September 2018");
    }

    #[test]
    fn month_names_cover_one_to_twelve_only() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }
}
