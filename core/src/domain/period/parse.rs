//! Reading the labels the packs print, forgiving spacing, case, dashes,
//! apostrophes and the common spellings of months ("Sept", "June", "Jun"),
//! and strict where a label has two readings ("Q1 2018", "FY 2018").

use super::*;
use crate::dates::YEARS;

const EMPTY: &str = "it is empty";
const QUARTER: &str = "a quarter is Q1 to Q4 followed by a financial year";
const QUARTER_ONE_YEAR: &str = "with one year a quarter could be of the calendar year or of the financial year: write Q1 2018/19 for April to June 2018, or Jan 18 - Mar 18 for January to March 2018";
const FY_ONE_YEAR: &str = "a financial year named by one year could be the year starting or the year ending then: write it like 2018/19";
const CALENDAR: &str = "a calendar year is four figures, such as 2017";
const AS_AT: &str = "an \u{201c}as at\u{201d} date needs a day, a month and a year";
const BACKWARDS: &str = "the range ends before it starts";
const YTD_QUARTER: &str =
    "a year to date needs the quarter it runs to, such as Q3 2018/19 (cumulative)";
const NOTE: &str =
    "the note in brackets changes what the period means, and is not one Scrutineer can read";
const ROLLING_YEAR: &str = "a rolling year covers 12 months";
const FORM: &str = "its form is not one the packs use";
const OUTSIDE_YEARS: &str =
    "Scrutineer keeps periods from January 1990 to the end of 2100/01, and this one falls outside them";

pub(super) fn period(label: &str) -> Result<Period, PeriodParseError> {
    let text = normalise(label);
    let read = if text.is_empty() {
        Err(EMPTY)
    } else {
        read(&text).and_then(within_years)
    };
    read.map_err(|reason| PeriodParseError {
        label: crate::text::excerpt(label),
        reason,
    })
}

/// The period, when it falls within the years Scrutineer keeps: from the
/// first day of the first year to the end of the financial year that starts
/// in the last (31 March 2101).
fn within_years(period: Period) -> Result<Period, &'static str> {
    let first = ymd(*YEARS.start(), 1, 1);
    let last = ymd(YEARS.end() + 1, 3, 31);
    if period.start() >= first && period.end() <= last {
        Ok(period)
    } else {
        Err(OUTSIDE_YEARS)
    }
}

/// Lower case, one space between words, dashes as "-", no apostrophes
/// ("Jun '18"), and without brackets around the whole label ("(2014-17)").
fn normalise(label: &str) -> String {
    let mut text = label.trim();
    while let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = inner.trim();
    }
    if !text.contains(')') {
        text = text.trim_start_matches('(');
    }
    if !text.contains('(') {
        text = text.trim_end_matches(')');
    }
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2018}' | '\u{2019}'))
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(text: &str) -> Result<Period, &'static str> {
    if let Some((base, note)) = bracketed_note(text) {
        return with_note(base, note);
    }
    if let Some(rest) = after_word(text, &["year to date", "ytd", "cumulative"]) {
        return year_to_date(rest);
    }
    for suffix in [" year to date", " ytd", " cumulative"] {
        if let Some(base) = text.strip_suffix(suffix) {
            return year_to_date(base);
        }
    }
    if let Some(rest) = after_word(text, &["financial year", "fin year", "fy"]) {
        return financial_year(rest)
            .map(|start_year| Period::FinancialYear { start_year })
            .ok_or(if full_year(rest).is_some() {
                FY_ONE_YEAR
            } else {
                FORM
            });
    }
    if let Some(rest) = after_word(text, &["calendar year", "calendar", "cal", "cy"]) {
        return full_year(rest).map(Period::CalendarYear).ok_or(CALENDAR);
    }
    if let Some(rest) = after_word(text, &["snapshot as at", "as at", "as of", "at"]) {
        return date(rest).map(Period::AsAt).ok_or(AS_AT);
    }
    if let Some(rest) = after_word(
        text,
        &["rolling year", "rolling 12 months", "rolling 12 month"],
    ) {
        return rolling(rest, Some(12));
    }
    if let Some(rest) = after_word(text, &["rolling"]) {
        return rolling(rest, None);
    }
    if let Some(period) = months_to(text) {
        return period;
    }
    if let Some(rest) = after_word(text, &["quarter", "qtr", "q"]) {
        return quarter(rest);
    }
    if let Some((year, q)) = text.rsplit_once(' ') {
        if let Some(digit) = q.strip_prefix('q') {
            return quarter(&format!("{digit} {year}"));
        }
    }
    if let Some(day) = date(text) {
        return Ok(Period::AsAt(day));
    }
    if let Some(period) = months_of_financial_year(text) {
        return period;
    }
    if let Some((left, right)) = split_range(text) {
        if let Some((first, last)) = month_pair(left, right) {
            return month_range(first, last);
        }
        if let Some((first, last)) = year_range(left, right) {
            return if first < last {
                Ok(Period::YearRange { first, last })
            } else {
                Err(BACKWARDS)
            };
        }
    }
    if let Some(start_year) = financial_year(text) {
        return Ok(Period::FinancialYear { start_year });
    }
    if let Some(month) = month_year(text) {
        return Ok(Period::Month(month));
    }
    if let Some(year) = full_year(text) {
        return Ok(Period::CalendarYear(year));
    }
    Err(FORM)
}

/// "q3 2018/19 (cumulative)" -> ("q3 2018/19", "cumulative").
fn bracketed_note(text: &str) -> Option<(&str, &str)> {
    let (base, note) = text.strip_suffix(')')?.rsplit_once('(')?;
    Some((base.trim(), note.trim()))
}

fn with_note(base: &str, note: &str) -> Result<Period, &'static str> {
    match note {
        "cumulative" | "year to date" | "ytd" | "cumulative ytd" | "cumulative year to date" => {
            year_to_date(base)
        }
        "full year" | "whole year" | "full-year" => match read(base)? {
            year @ Period::FinancialYear { .. } => Ok(year),
            _ => Err(NOTE),
        },
        _ => Err(NOTE),
    }
}

/// The text after one of `words` at the start, where the word ends there
/// ("fy18/19", "fy: 2018/19", "q2"), not inside a longer word.
fn after_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|word| {
        let rest = text.strip_prefix(word)?;
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(rest.trim_start_matches([' ', ':', ',', '.']))
    })
}

/// "q3 2018/19" (or "Apr-Dec 2018/19") as a year to date. A financial year
/// alone is refused: a year to date part way through it names no quarter.
fn year_to_date(text: &str) -> Result<Period, &'static str> {
    match read(text.trim()) {
        Ok(Period::Quarter {
            start_year,
            quarter,
        })
        | Ok(Period::YearToDate {
            start_year,
            quarter,
        }) => Ok(Period::YearToDate {
            start_year,
            quarter,
        }),
        _ => Err(YTD_QUARTER),
    }
}

/// After "q" or "quarter": "2 2018/19", "2, 18-19", "1-2 2018" (calendar
/// quarters, a run of months), "1-3 2018/19" (a year to date).
fn quarter(rest: &str) -> Result<Period, &'static str> {
    let digit = |c: Option<char>| {
        c.and_then(|c| c.to_digit(10))
            .filter(|d| (1..=4).contains(d))
            .map(|d| d as u8)
    };
    let mut chars = rest.trim().chars();
    let first = digit(chars.next()).ok_or(QUARTER)?;
    let mut tail = chars.as_str();
    let mut last = None;
    for sep in ["-", " - ", " to ", "&", " & "] {
        if let Some(after) = tail.strip_prefix(sep) {
            let after = after.trim_start();
            let after = after.strip_prefix('q').unwrap_or(after);
            let mut chars = after.chars();
            last = Some(digit(chars.next()).ok_or(QUARTER)?);
            tail = chars.as_str();
            break;
        }
    }
    if tail.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(QUARTER);
    }
    let year = tail.trim_start_matches([' ', ',']).trim();
    let year = after_word(year, &["fy"]).unwrap_or(year);
    if let Some(start_year) = financial_year(year) {
        return match last {
            None => Ok(Period::Quarter {
                start_year,
                quarter: first,
            }),
            Some(last) if last <= first => Err(BACKWARDS),
            Some(quarter) if first == 1 => Ok(Period::YearToDate {
                start_year,
                quarter,
            }),
            Some(last) => {
                let (year, month) = quarter_first_month(start_year, first);
                let start = YearMonth { year, month };
                let (year, month) = quarter_first_month(start_year, last);
                let end = YearMonth { year, month }.offset(2);
                Ok(Period::MonthRange {
                    first: start,
                    last: end,
                })
            }
        };
    }
    match (full_year(year), last) {
        (Some(_), None) => Err(QUARTER_ONE_YEAR),
        (Some(_), Some(last)) if last <= first => Err(BACKWARDS),
        (Some(year), Some(last)) => Ok(Period::MonthRange {
            first: YearMonth {
                year,
                month: u32::from(first) * 3 - 2,
            },
            last: YearMonth {
                year,
                month: u32::from(last) * 3,
            },
        }),
        (None, _) => Err(QUARTER),
    }
}

/// After "rolling" or "rolling year": "july 17 to june 18", "jan to dec 18",
/// "to mar 18"; with `months`, the range must be that long.
fn rolling(rest: &str, months: Option<i32>) -> Result<Period, &'static str> {
    let rest = rest.trim();
    if let Some(to) = after_word(rest, &["to", "ending"]) {
        let last = month_year(to).ok_or(FORM)?;
        let months = months.ok_or(FORM)?;
        return Ok(Period::MonthRange {
            first: last.offset(1 - months),
            last,
        });
    }
    let (left, right) = split_range(rest).ok_or(FORM)?;
    let (first, last) = month_pair(left, right).ok_or(FORM)?;
    match months {
        Some(n) if first.months_through(last) != n => Err(ROLLING_YEAR),
        _ => month_range(first, last),
    }
}

/// "year to mar 18", "12 months to march 2018", "3 months ending jun 18".
fn months_to(text: &str) -> Option<Result<Period, &'static str>> {
    let (count, rest) = if let Some(rest) = after_word(text, &["year"]) {
        (12, rest)
    } else {
        let (count, rest) = text.split_once(' ')?;
        let count: i32 = count.parse().ok().filter(|n| (1..=120).contains(n))?;
        (count, after_word(rest, &["months", "month"])?)
    };
    let to = after_word(rest, &["to", "ending", "ended"])?;
    let last = month_year(to)?;
    Some(Ok(Period::MonthRange {
        first: last.offset(1 - count),
        last,
    }))
}

fn month_range(first: YearMonth, last: YearMonth) -> Result<Period, &'static str> {
    if first <= last {
        Ok(Period::MonthRange { first, last })
    } else {
        Err(BACKWARDS)
    }
}

/// "apr 17" and "mar 18", or "jan" and "dec 18" (the first month's year
/// taken from the last, a year earlier where the month comes later).
fn month_pair(left: &str, right: &str) -> Option<(YearMonth, YearMonth)> {
    let last = month_year(right)?;
    let first = month_year(left).or_else(|| {
        let month = month_number(left)?;
        let year = if month > last.month {
            last.year - 1
        } else {
            last.year
        };
        YearMonth::new(year, month)
    })?;
    Some((first, last))
}

/// "apr-dec 2018/19": months of a financial year. From April to the end of a
/// quarter it is a year to date; April to March is the year itself.
fn months_of_financial_year(text: &str) -> Option<Result<Period, &'static str>> {
    let (months, year) = text.rsplit_once(' ')?;
    let start_year = financial_year(year)?;
    let (left, right) = split_range(months)?;
    let in_year = |name: &str| {
        let month = month_number(name)?;
        let year = if month >= 4 {
            start_year
        } else {
            start_year + 1
        };
        YearMonth::new(year, month)
    };
    let (first, last) = (in_year(left)?, in_year(right)?);
    if first.month == 4 && last.month % 3 == 0 {
        let quarter = (first.months_through(last) / 3) as u8;
        return Some(Ok(if quarter == 4 {
            Period::FinancialYear { start_year }
        } else {
            Period::YearToDate {
                start_year,
                quarter,
            }
        }));
    }
    if first.month % 3 == 1 && first.months_through(last) == 3 {
        return Some(Ok(Period::Quarter {
            start_year,
            quarter: ((first.month + 8) % 12 / 3 + 1) as u8,
        }));
    }
    Some(month_range(first, last))
}

/// Splits "apr 17 - mar 18" or "2014-17" at the dash that separates two ends.
fn split_range(text: &str) -> Option<(&str, &str)> {
    for sep in [" - ", " to ", "-"] {
        if let Some((left, right)) = text.split_once(sep) {
            return Some((left.trim(), right.trim()));
        }
    }
    None
}

/// "2017/18", "17/18", "2017-18", "2017/2018" read as a financial year (the
/// dash form only where the second part is the next year).
fn financial_year(text: &str) -> Option<i32> {
    let (left, right) = text.split_once('/').or_else(|| text.split_once('-'))?;
    let start = year(left.trim())?;
    let right = right.trim();
    let end: i32 = right.parse().ok()?;
    let matches = match right.len() {
        2 => end == (start + 1).rem_euclid(100),
        4 => end == start + 1,
        _ => false,
    };
    matches.then_some(start)
}

/// "2014-17" (first and last year of a run, not consecutive ones).
fn year_range(left: &str, right: &str) -> Option<(i32, i32)> {
    let first = full_year(left)?;
    let last = match right.len() {
        2 => {
            let tail: i32 = right.parse().ok()?;
            let century = first - first.rem_euclid(100);
            let last = century + tail;
            if last < first {
                last + 100
            } else {
                last
            }
        }
        4 => full_year(right)?,
        _ => return None,
    };
    // "2017-18" is a financial year, read by financial_year; two
    // consecutive years as a range are written in full: "2017-2018".
    let least = if right.len() == 4 { 1 } else { 2 };
    (last - first >= least).then_some((first, last))
}

/// "30 june 2018", "31st march 19", "30/06/2018", "30.6.18", "2018-06-30":
/// days first, as dates are written in the UK.
fn date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    if let [day, month, year] = parts[..] {
        let day: u32 = day
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        return NaiveDate::from_ymd_opt(year_of(year)?, month_number(month)?, day);
    }
    let sep = ['/', '.', '-'].into_iter().find(|&c| text.contains(c))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (day, month, year) = if a.len() == 4 { (c, b, a) } else { (a, b, c) };
    if day.len() > 2 || month.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year_of(year)?, month.parse().ok()?, day.parse().ok()?)
}

fn year_of(text: &str) -> Option<i32> {
    year(text).filter(|_| text.bytes().all(|b| b.is_ascii_digit()))
}

/// "June 2018", "Jun 18", "jul16", "Sept16", "March 17", "mar-19".
fn month_year(text: &str) -> Option<YearMonth> {
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (name, digits) = text.split_at(split);
    let month = month_number(name.trim().trim_end_matches(['-', ',', ' ']))?;
    let digits = digits.trim();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    YearMonth::new(year(digits)?, month)
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    (1..=12).find(|&m| {
        let full = month_name(m).unwrap_or_default().to_ascii_lowercase();
        full.starts_with(&name) || (name == "sept" && m == 9)
    })
}

/// A year as 4 digits, or 2 digits taken as 20xx.
fn year(text: &str) -> Option<i32> {
    match text.len() {
        2 => text.parse::<i32>().ok().map(|y| 2000 + y),
        4 => full_year(text),
        _ => None,
    }
}

fn full_year(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Any four figures: a year outside those kept is refused with its reason.
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: &str) -> Period {
        label
            .parse()
            .unwrap_or_else(|e| panic!("{label:?} should parse: {e}"))
    }

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    fn quarter(start_year: i32, quarter: u8) -> Period {
        Period::Quarter {
            start_year,
            quarter,
        }
    }

    fn ytd(start_year: i32, quarter: u8) -> Period {
        Period::YearToDate {
            start_year,
            quarter,
        }
    }

    fn day(year: i32, month: u32, day: u32) -> Period {
        Period::AsAt(NaiveDate::from_ymd_opt(year, month, day).unwrap())
    }

    fn months(first: YearMonth, last: YearMonth) -> Period {
        Period::MonthRange { first, last }
    }

    #[test]
    fn generous_forms_with_one_reading_are_read() {
        let fy = Period::FinancialYear { start_year: 2018 };
        let cases: &[(&str, Period)] = &[
            ("Quarter 2 2018/19", quarter(2018, 2)),
            ("Quarter 2, 2018/19", quarter(2018, 2)),
            ("Qtr 2 2018/19", quarter(2018, 2)),
            ("Q2 2018-19", quarter(2018, 2)),
            ("Q2 18-19", quarter(2018, 2)),
            ("Q2 2018/2019", quarter(2018, 2)),
            ("Q2 FY 2018/19", quarter(2018, 2)),
            ("2018/19 Q2", quarter(2018, 2)),
            ("Q4, 2016/17", quarter(2016, 4)),
            ("Q2 18/19", quarter(2018, 2)),
            ("Jul-Sep 2018/19", quarter(2018, 2)),
            ("Jan-Mar 2018/19", quarter(2018, 4)),
            ("2018-19", fy),
            ("2018 – 19", fy),
            ("FY 2018/19", fy),
            ("FY18/19", fy),
            ("Financial year 2018/19", fy),
            ("2018/19 (full year)", fy),
            ("Apr-Mar 2018/19", fy),
            ("Sept 2018", Period::Month(ym(2018, 9))),
            ("September 2018", Period::Month(ym(2018, 9))),
            ("Mar-19", Period::Month(ym(2019, 3))),
            ("Jun '18", Period::Month(ym(2018, 6))),
            ("Jun \u{2019}18", Period::Month(ym(2018, 6))),
            ("as at 30/06/2018", day(2018, 6, 30)),
            ("As at 30.06.18", day(2018, 6, 30)),
            ("At 30 June 2018", day(2018, 6, 30)),
            ("Snapshot as at 31 March 2019", day(2019, 3, 31)),
            ("30 June 2018", day(2018, 6, 30)),
            ("30/06/2018", day(2018, 6, 30)),
            ("2018-06-30", day(2018, 6, 30)),
            ("2017", Period::CalendarYear(2017)),
            ("Cal 2017", Period::CalendarYear(2017)),
            ("Calendar year 2017", Period::CalendarYear(2017)),
            ("Apr 17 - Mar 18", months(ym(2017, 4), ym(2018, 3))),
            ("Apr 17 – Mar 18", months(ym(2017, 4), ym(2018, 3))),
            ("Apr 2017 to Mar 2018", months(ym(2017, 4), ym(2018, 3))),
            ("April 2017 - March 2018", months(ym(2017, 4), ym(2018, 3))),
            ("Jan to Dec 18", months(ym(2018, 1), ym(2018, 12))),
            ("Oct to Mar 18", months(ym(2017, 10), ym(2018, 3))),
            (
                "rolling year July 17 to June 18",
                months(ym(2017, 7), ym(2018, 6)),
            ),
            (
                "rolling year Jan to Dec 18",
                months(ym(2018, 1), ym(2018, 12)),
            ),
            (
                "Rolling 12 months to Mar 18",
                months(ym(2017, 4), ym(2018, 3)),
            ),
            ("12 months to March 2018", months(ym(2017, 4), ym(2018, 3))),
            ("Year to March 2018", months(ym(2017, 4), ym(2018, 3))),
            ("3 months ending Jun 18", months(ym(2018, 4), ym(2018, 6))),
            ("Q1-2 2018", months(ym(2018, 1), ym(2018, 6))),
            ("Q1-Q2 2018", months(ym(2018, 1), ym(2018, 6))),
            ("Q2-3 2018/19", months(ym(2018, 7), ym(2018, 12))),
            ("Q3-Q4 2018/19", months(ym(2018, 10), ym(2019, 3))),
            (
                "(2014-17)",
                Period::YearRange {
                    first: 2014,
                    last: 2017,
                },
            ),
            (
                "2014-2017",
                Period::YearRange {
                    first: 2014,
                    last: 2017,
                },
            ),
            (
                "2014 to 2017",
                Period::YearRange {
                    first: 2014,
                    last: 2017,
                },
            ),
        ];
        for (label, expected) in cases {
            assert_eq!(p(label), *expected, "{label}");
        }
    }

    #[test]
    fn a_year_to_date_is_its_own_kind_and_reads_in_several_forms() {
        for label in [
            "Q3 2018/19 (cumulative)",
            "Q3 18/19 (Cumulative)",
            "Q3 2018/19 (year to date)",
            "Q3 2018/19 (YTD)",
            "Q3 2018/19 YTD",
            "Q3 2018/19 cumulative",
            "YTD Q3 2018/19",
            "Year to date Q3 18/19",
            "Cumulative Q3 2018-19",
            "Apr-Dec 2018/19",
            "Apr-Dec 2018/19 (year to date)",
            "April to December 2018/19",
            "Q1-3 2018/19",
            "Q1-Q3 18/19",
        ] {
            assert_eq!(p(label), ytd(2018, 3), "{label}");
        }
        let q3 = ytd(2018, 3);
        assert_eq!(q3.to_string(), "Q3 2018/19 (cumulative)");
        assert_eq!(q3.to_string().parse::<Period>(), Ok(q3));
        assert_eq!(q3.start(), NaiveDate::from_ymd_opt(2018, 4, 1).unwrap());
        assert_eq!(q3.end(), NaiveDate::from_ymd_opt(2018, 12, 31).unwrap());
        assert_eq!(
            ytd(2018, 4).end(),
            NaiveDate::from_ymd_opt(2019, 3, 31).unwrap()
        );
        assert_eq!(q3.kind(), PeriodKind::YearToDate(3));
        assert_eq!(q3.kind().describe(), "a year to date to Q3");
        assert_eq!(q3.year_earlier(), ytd(2017, 3));
        assert_eq!(q3.compare(&ytd(2017, 3)), Ok(std::cmp::Ordering::Greater));
        let err = q3.compare(&quarter(2018, 3)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Q3 2018/19 (cumulative) is a year to date to Q3 and Q3 2018/19 is a quarter: periods of different kinds cannot be compared"
        );
        assert!(
            q3.compare(&ytd(2018, 2)).is_err(),
            "Q2 and Q3 to date differ"
        );
        let json = serde_json::to_string(&q3).unwrap();
        assert_eq!(json, "\"Q3 2018/19 (cumulative)\"");
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), q3);
    }

    #[test]
    fn every_kind_prints_a_label_that_reads_back() {
        for period in [
            quarter(2018, 2),
            ytd(2019, 1),
            ytd(1999, 4),
            Period::FinancialYear { start_year: 2018 },
            Period::Month(ym(2018, 9)),
            months(ym(2018, 1), ym(2018, 6)),
            day(2018, 6, 30),
            Period::CalendarYear(2017),
            Period::YearRange {
                first: 2014,
                last: 2017,
            },
        ] {
            let label = period.to_string();
            assert_eq!(label.parse::<Period>(), Ok(period), "{label}");
        }
    }

    #[test]
    fn ambiguous_and_broken_forms_are_refused_with_the_reason() {
        for (label, reason) in [
            ("Q1 2018", QUARTER_ONE_YEAR),
            ("Q2 2019", QUARTER_ONE_YEAR),
            ("Q4", QUARTER),
            ("Q12 2018/19", QUARTER),
            ("Q3-2 2018/19", BACKWARDS),
            ("FY 2018", FY_ONE_YEAR),
            ("FY2018", FY_ONE_YEAR),
            ("Cal 17/18", CALENDAR),
            ("YTD 18/19", YTD_QUARTER),
            ("2018/19 (cumulative)", YTD_QUARTER),
            ("June 2018 YTD", YTD_QUARTER),
            ("Q4 2018/19 (rolling figures)", NOTE),
            ("Q4 2018/19 (or 2018/19)", NOTE),
            ("Q2 2018/19 (Sep 18)", NOTE),
            ("rolling year Jan to Jun 18", ROLLING_YEAR),
            ("as at 30 June", AS_AT),
            ("as at 06/31/2018", AS_AT),
            ("Jan 18 - Dec 17", BACKWARDS),
            ("Rolling 3 month average", FORM),
        ] {
            let err = label.parse::<Period>().unwrap_err();
            assert_eq!(err.reason, reason, "{label:?}");
        }
        assert_eq!(
            "Q1 2018".parse::<Period>().unwrap_err().to_string(),
            "\u{201c}Q1 2018\u{201d} is not a period Scrutineer recognises: with one year a quarter could be of the calendar year or of the financial year: write Q1 2018/19 for April to June 2018, or Jan 18 - Mar 18 for January to March 2018. Write it like \u{201c}2017/18\u{201d}, \u{201c}Q1 2018/19\u{201d}, \u{201c}Q3 2018/19 (cumulative)\u{201d}, \u{201c}June 2018\u{201d}, \u{201c}as at 30 June 2018\u{201d}, \u{201c}Apr 17 - Mar 18\u{201d} or \u{201c}2014-17\u{201d}"
        );
    }

    #[test]
    fn periods_outside_the_years_kept_are_refused_with_the_reason() {
        for label in [
            "2118-09",
            "1989/90",
            "Q1 1985/86",
            "June 2101",
            "as at 31 December 1989",
            "1950-2000",
            "2101",
        ] {
            let err = label.parse::<Period>().unwrap_err();
            assert_eq!(err.reason, OUTSIDE_YEARS, "{label:?}");
        }
        assert!(OUTSIDE_YEARS.contains(&format!(
            "January {} to the end of {}/{:02}",
            YEARS.start(),
            YEARS.end(),
            (YEARS.end() + 1) % 100
        )));
        // The edges are kept, and a year ending in 2101 with them.
        assert_eq!(p("1990/91"), Period::FinancialYear { start_year: 1990 });
        assert_eq!(p("Q4 2100/01"), quarter(2100, 4));
        assert_eq!(p("Dec 2100"), Period::Month(ym(2100, 12)));
        assert_eq!(p("Jan 2101 - Mar 2101"), months(ym(2101, 1), ym(2101, 3)));
        assert_eq!(
            "Apr 2101".parse::<Period>().unwrap_err().reason,
            OUTSIDE_YEARS
        );
    }

    #[test]
    fn a_long_or_hidden_label_is_quoted_short_and_escaped() {
        let long = format!("Q1 {}", "9".repeat(100_000));
        let err = long.parse::<Period>().unwrap_err();
        assert!(
            err.label.chars().count() <= crate::text::EXCERPT + 1,
            "{}",
            err.label
        );
        let err = "Q1\u{202e} 2018/19\n".parse::<Period>().unwrap_err();
        assert_eq!(err.label, "Q1\\u{202e} 2018/19");
    }

    /// Every period of every kind in the years kept.
    fn every_period() -> Vec<Period> {
        let mut all = vec![];
        for year in YEARS {
            all.push(Period::FinancialYear { start_year: year });
            all.push(Period::CalendarYear(year));
            for q in 1..=4 {
                all.push(quarter(year, q));
                all.push(ytd(year, q));
            }
            for month in 1..=12 {
                let first = ym(year, month);
                all.push(Period::Month(first));
                for length in [1, 2, 3, 6, 12, 13, 24, 36] {
                    all.push(months(first, first.offset(length - 1)));
                }
                for day in [1, 9, 28] {
                    all.push(Period::AsAt(
                        NaiveDate::from_ymd_opt(year, month, day).expect("a day"),
                    ));
                }
            }
            all.push(Period::AsAt(
                NaiveDate::from_ymd_opt(year, 12, 31).expect("a day"),
            ));
            for length in [1, 2, 3, 5, 10, 50, 99, 100, 110] {
                all.push(Period::YearRange {
                    first: year,
                    last: year + length,
                });
            }
        }
        all
    }

    #[test]
    fn every_period_accepted_prints_a_label_that_reads_back_as_itself() {
        let mut kept = 0;
        for period in every_period() {
            let label = period.to_string();
            match label.parse::<Period>() {
                Ok(again) => {
                    assert_eq!(again, period, "{label:?}");
                    kept += 1;
                }
                // Refused only for running past the years kept.
                Err(e) => {
                    assert_eq!(e.reason, OUTSIDE_YEARS, "{label:?}");
                    assert!(period.end() > ymd(YEARS.end() + 1, 3, 31), "{label:?}");
                }
            }
        }
        assert!(kept > 15_000, "{kept}");
    }

    #[test]
    fn any_label_read_prints_a_label_that_reads_back_as_the_same_period() {
        // Labels put together from the pieces the packs use, and noise: any
        // that reads must print a label that reads back as the same period.
        const PIECES: [&str; 34] = [
            "Q",
            "q3",
            "2018",
            "18",
            "/",
            "-",
            " - ",
            " ",
            "19",
            "2019/20",
            "Apr",
            "March",
            "sept",
            "(",
            ")",
            "cumulative",
            "ytd",
            "as at",
            "31st",
            "30",
            "fy",
            "to",
            "rolling",
            "year",
            "12 months",
            "0",
            "00",
            "99",
            "2099",
            "2100",
            "1990",
            "1989",
            "2118",
            "09",
        ];
        let mut seed: u64 = 0x5eed_2026_1201;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut read = 0;
        for _ in 0..200_000 {
            let count = 1 + next() % 6;
            let label: String = (0..count)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            if let Ok(period) = label.parse::<Period>() {
                read += 1;
                let printed = period.to_string();
                assert_eq!(
                    printed.parse::<Period>(),
                    Ok(period),
                    "{label:?} printed {printed:?}"
                );
            }
        }
        assert!(read > 1_000, "{read}");
    }
}
