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
    let date = parse(t, YEAR_MONTH_DAY)
        .or_else(|_| parse(t, DAY_MONTH_YEAR))
        .map_err(|_| DateProblem::NotADate)?;
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(DateProblem::OutsideYears(date.year()))
    }
}

// Reading dates without chrono's format machinery. chrono's parser reads any
// format string it is given, and with it came its strftime and RFC 2822
// readers: about 22 KB of the app's first load, for the three forms below.
// These read exactly what chrono reads for them, with its faults in its
// words (tested against chrono itself), so the file's messages are as they
// were.

/// One step of a date's form.
#[derive(Clone, Copy)]
pub enum Part {
    /// A year: up to four digits, or any number after a sign.
    Year,
    /// A month, one or two digits.
    Month,
    /// A day of the month, one or two digits.
    Day,
    /// This character.
    Literal(char),
    /// Any whitespace, or none.
    Space,
}

/// `2019-10-31`, as a date input gives it (chrono's `%Y-%m-%d`).
pub const YEAR_MONTH_DAY: &[Part] = &[
    Part::Year,
    Part::Literal('-'),
    Part::Month,
    Part::Literal('-'),
    Part::Day,
];

/// `31/10/2019`, as people type it (chrono's `%d/%m/%Y`).
pub const DAY_MONTH_YEAR: &[Part] = &[
    Part::Day,
    Part::Literal('/'),
    Part::Month,
    Part::Literal('/'),
    Part::Year,
];

/// A date as a Scrutineer file writes it, read as chrono's `NaiveDate`
/// reads a date from text (whitespace allowed around the dashes and after).
pub const IN_A_FILE: &[Part] = &[
    Part::Year,
    Part::Space,
    Part::Literal('-'),
    Part::Month,
    Part::Space,
    Part::Literal('-'),
    Part::Day,
    Part::Space,
];

/// Why text is not a date, in chrono's kinds and words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// A number too large, a month or day out of its range, or no such day.
    OutOfRange,
    /// A character where another belongs.
    Invalid,
    /// The text ends before the date does.
    TooShort,
    /// More after the date.
    TooLong,
    /// A form without a year, a month or a day (none of the forms here).
    NotEnough,
}

impl std::fmt::Display for DateFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateFault::OutOfRange => "input is out of range",
            DateFault::Invalid => "input contains invalid characters",
            DateFault::TooShort => "premature end of input",
            DateFault::TooLong => "trailing input",
            DateFault::NotEnough => "input is not enough for unique date and time",
        })
    }
}

/// Reads `text` as a date in `form`.
pub fn parse(text: &str, form: &[Part]) -> Result<NaiveDate, DateFault> {
    let (mut year, mut month, mut day) = (None, None, None);
    let mut rest = text;
    for part in form {
        match *part {
            Part::Literal(c) => {
                if rest.len() < c.len_utf8() {
                    return Err(DateFault::TooShort);
                }
                rest = rest.strip_prefix(c).ok_or(DateFault::Invalid)?;
            }
            Part::Space => rest = rest.trim_start(),
            Part::Year => {
                rest = rest.trim_start();
                let (after, n) = if let Some(digits) = rest.strip_prefix('-') {
                    let (after, n) = number(digits, usize::MAX)?;
                    (after, -n)
                } else if let Some(digits) = rest.strip_prefix('+') {
                    number(digits, usize::MAX)?
                } else {
                    number(rest, 4)?
                };
                year = Some(i32::try_from(n).map_err(|_| DateFault::OutOfRange)?);
                rest = after;
            }
            Part::Month | Part::Day => {
                rest = rest.trim_start();
                let (after, n) = number(rest, 2)?;
                let (slot, most) = match part {
                    Part::Month => (&mut month, 12),
                    _ => (&mut day, 31),
                };
                if !(1..=most).contains(&n) {
                    return Err(DateFault::OutOfRange);
                }
                *slot = Some(n as u32);
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        return Err(DateFault::TooLong);
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            NaiveDate::from_ymd_opt(y, m, d).ok_or(DateFault::OutOfRange)
        }
        _ => Err(DateFault::NotEnough),
    }
}

/// At least one and at most `most` ASCII digits at the start of `text`,
/// and what follows them.
fn number(text: &str, most: usize) -> Result<(&str, i64), DateFault> {
    let digits = text
        .bytes()
        .take(most)
        .take_while(u8::is_ascii_digit)
        .count();
    if text.is_empty() {
        return Err(DateFault::TooShort);
    }
    if digits == 0 {
        return Err(DateFault::Invalid);
    }
    let mut n = 0i64;
    for b in text[..digits].bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(b - b'0')))
            .ok_or(DateFault::OutOfRange)?;
    }
    Ok((&text[digits..], n))
}

/// Serde readers of dates and instants, for `deserialize_with`: a file's
/// date as chrono's own reader reads it ([`IN_A_FILE`]), an instant in
/// RFC 3339 as chrono writes one, each refused in chrono's words.
pub mod serde_read {
    use std::fmt;

    use chrono::{DateTime, NaiveDate, Utc};
    use serde::de::{Deserialize, Deserializer, Error, Visitor};

    /// A date, `2019-06-30`.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DateText)
    }

    /// A date or `null`.
    pub fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<FileDate>::deserialize(d)?.map(|FileDate(date)| date))
    }

    /// An instant in RFC 3339, `2026-12-03T16:41:19.123Z`, as chrono writes
    /// one in the years 0 to 9999 (chrono's own reader also took an offset
    /// without its colon, and a year beyond 9999 with a sign).
    pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(InstantText)
    }

    struct FileDate(NaiveDate);

    impl<'de> Deserialize<'de> for FileDate {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FileDate, D::Error> {
            date(d).map(FileDate)
        }
    }

    struct DateText;

    impl Visitor<'_> for DateText {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a formatted date string")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<NaiveDate, E> {
            super::parse(text, super::IN_A_FILE).map_err(E::custom)
        }
    }

    struct InstantText;

    impl Visitor<'_> for InstantText {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
            DateTime::parse_from_rfc3339(text)
                .map(|t| t.with_timezone(&Utc))
                .map_err(E::custom)
        }
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

    /// Text that is nearly a date, built from pieces of dates and what
    /// people put between them: every length, sign, separator and
    /// whitespace chrono treats in its own way.
    fn nearly_dates() -> Vec<String> {
        const PIECES: [&str; 26] = [
            "2019",
            "19",
            "0",
            "00",
            "7",
            "+2019",
            "-5",
            "+",
            "-",
            "/",
            " ",
            "\t",
            "\u{3000}",
            "x",
            "\u{e9}",
            "12",
            "13",
            "31",
            "32",
            "02",
            "29",
            "30",
            "1990",
            "262144",
            "99999999999999999999",
            "010",
        ];
        let mut texts: Vec<String> = [
            "2019-10-31",
            "2019-6-3",
            " 2019 - 10 - 31 ",
            "2019-10-31 ",
            "2019-10-31x",
            "2019-02-29",
            "2020-02-29",
            "+12019-01-01",
            "-0001-01-01",
            "20191-01-01",
            "31/10/2019",
            "31/10/19",
            "1/2/2019",
            "2019/10/31",
            "",
            " ",
            "2019-",
            "2019-10",
            "2019-10-",
            "2019-10-31\u{3000}",
            "\u{3000}2019-10-31",
            "2019-1031",
            "0000-00-00",
        ]
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..30_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let pieces = 1 + (seed % 7) as usize;
            let text: String = (0..pieces)
                .map(|k| PIECES[((seed >> (8 + 5 * k)) % PIECES.len() as u64) as usize])
                .collect();
            texts.push(text);
        }
        texts
    }

    #[test]
    fn dates_are_read_and_refused_exactly_as_chrono_reads_and_refuses_them() {
        type Read = Result<NaiveDate, String>;
        for text in nearly_dates() {
            let ours = |form| -> Read { parse(&text, form).map_err(|e| e.to_string()) };
            let theirs = |format| -> Read {
                NaiveDate::parse_from_str(&text, format).map_err(|e| e.to_string())
            };
            assert_eq!(
                ours(YEAR_MONTH_DAY),
                theirs("%Y-%m-%d"),
                "{text:?} as %Y-%m-%d"
            );
            assert_eq!(
                ours(DAY_MONTH_YEAR),
                theirs("%d/%m/%Y"),
                "{text:?} as %d/%m/%Y"
            );
            let from_str: Read = text.parse::<NaiveDate>().map_err(|e| e.to_string());
            assert_eq!(ours(IN_A_FILE), from_str, "{text:?} as a file's date");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct Dated {
        #[serde(deserialize_with = "serde_read::date")]
        on: NaiveDate,
        #[serde(default, deserialize_with = "serde_read::optional_date")]
        next: Option<NaiveDate>,
        #[serde(deserialize_with = "serde_read::instant")]
        at: chrono::DateTime<chrono::Utc>,
    }

    #[derive(Debug, serde::Deserialize)]
    struct ChronoDated {
        on: NaiveDate,
        #[serde(default)]
        next: Option<NaiveDate>,
        at: chrono::DateTime<chrono::Utc>,
    }

    #[test]
    fn a_file_s_dates_and_instants_are_read_as_chrono_s_serde_reads_what_is_written() {
        use chrono::{TimeZone, Utc};
        let day = NaiveDate::from_ymd_opt(2019, 6, 30).expect("a day");
        for nanos in [0, 1, 120_000_000, 123_456_789, 999_999_999] {
            let at = Utc
                .timestamp_opt(1_764_000_000, nanos)
                .single()
                .expect("an instant");
            let text = serde_json::json!({
                "on": day, "next": day, "at": at,
            })
            .to_string();
            let read: Dated = serde_json::from_str(&text).expect("read");
            assert_eq!(
                (read.on, read.next, read.at),
                (day, Some(day), at),
                "{text}"
            );
        }
        let cases = [
            r#"{"on":"2019-06-30","at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"2019-06-30","next":null,"at":"2026-12-03T16:41:19+01:00"}"#,
            r#"{"on":" 2019-6-30 ","next":"2019-02-29","at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"30/06/2019","at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":20190630,"at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"2019-06-30","next":7,"at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"2019-06-31","at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"2019-06-30x","at":"2026-12-03T16:41:19Z"}"#,
            r#"{"on":"2019-06-30","at":7}"#,
            r#"{"on":"2019-06-30","at":"2026-12-03T16:41:19.5z"}"#,
            r#"{"on":"2019-06-30","at":"2026-12-03 16:41:19Z"}"#,
        ];
        for text in cases {
            let ours = serde_json::from_str::<Dated>(text)
                .map(|d| (d.on, d.next, d.at))
                .map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<ChronoDated>(text)
                .map(|d| (d.on, d.next, d.at))
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
        // The differences, none of them written by Scrutineer (its instants
        // are chrono's RFC 3339 in the years 0 to 9999): chrono's relaxed
        // reader also took an offset without a colon, and a year with a sign.
        for at in ["2026-12-03T16:41:19+0100", "+10000-01-01T00:00:00Z"] {
            let text = format!(r#"{{"on":"2019-06-30","at":"{at}"}}"#);
            assert!(serde_json::from_str::<ChronoDated>(&text).is_ok(), "{at}");
            assert!(serde_json::from_str::<Dated>(&text).is_err(), "{at}");
        }
        // And an instant that is not one is refused by both, in other words
        // (the index of versions, the only reader, keeps no words).
        let text = r#"{"on":"2019-06-30","at":"x"}"#;
        assert!(serde_json::from_str::<ChronoDated>(text).is_err());
        assert!(serde_json::from_str::<Dated>(text).is_err());
    }
}
