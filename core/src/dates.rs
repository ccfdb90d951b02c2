//! Dates as the packs print them: "30 June 2019".

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

/// Reads a date as a date input gives it (2019-10-31) or as people type it (31/10/2019).
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

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
