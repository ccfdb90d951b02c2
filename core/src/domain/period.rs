//! Reporting periods, typed: never strings in the model.
//!
//! The packs label periods in several ways, and two periods of different
//! kinds (a quarter and a rolling year) must never be compared as if alike.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::dates::month_name;

/// A calendar month of a year, e.g. June 2018.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl YearMonth {
    /// The month, where `month` is 1 to 12.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month a day falls in.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    fn last_day(self) -> NaiveDate {
        let (year, month) = if self.month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, self.month + 1)
        };
        NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The month `months` after this one (before it, when negative).
    pub fn offset(self, months: i32) -> YearMonth {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        YearMonth {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `later`, counting both ends.
    fn months_through(self, later: YearMonth) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32 + 1
    }

    /// "Apr 17" in this century, as the packs print; "Apr 1995" outside it,
    /// so the label reads back as the same month.
    fn short(self) -> String {
        let name = month_name(self.month).unwrap_or("???");
        if (2000..=2099).contains(&self.year) {
            format!("{} {:02}", &name[..3], self.year.rem_euclid(100))
        } else {
            format!("{} {}", &name[..3], self.year)
        }
    }
}

/// A reporting period as the packs use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Financial year 1 April `start_year` to 31 March the next: "2017/18".
    FinancialYear { start_year: i32 },
    /// Quarter of a financial year: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar: "Q1 2018/19".
    Quarter { start_year: i32, quarter: u8 },
    /// A calendar month: "June 2018".
    Month(YearMonth),
    /// A calendar year: "2017".
    CalendarYear(i32),
    /// A snapshot on one day, a stock not a flow: "as at 30 June 2018".
    AsAt(NaiveDate),
    /// A run of whole months, often a rolling year: "Apr 17 - Mar 18".
    MonthRange { first: YearMonth, last: YearMonth },
    /// A run of whole years, such as a three-year average: "2014-17".
    YearRange { first: i32, last: i32 },
    /// A cumulative figure for a financial year so far, from 1 April to the
    /// end of `quarter` (1 to 4): "Q3 2018/19 (cumulative)" is April to
    /// December 2018. Its own kind: never compared with a quarter.
    YearToDate { start_year: i32, quarter: u8 },
}

/// What kind of period this is: only periods of one kind can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    FinancialYear,
    Quarter,
    Month,
    CalendarYear,
    AsAt,
    /// A range of this many months.
    MonthRange(i32),
    /// A range of this many years.
    YearRange(i32),
    /// A year to date to this quarter: only Q3 year to date compares with
    /// Q3 year to date.
    YearToDate(u8),
}

impl PeriodKind {
    /// Plain words for messages: "a quarter", "a 12-month range".
    pub fn describe(self) -> String {
        match self {
            PeriodKind::FinancialYear => "a financial year".to_owned(),
            PeriodKind::Quarter => "a quarter".to_owned(),
            PeriodKind::Month => "a month".to_owned(),
            PeriodKind::CalendarYear => "a calendar year".to_owned(),
            PeriodKind::AsAt => "a snapshot on one day".to_owned(),
            PeriodKind::MonthRange(n) => format!("a {n}-month range"),
            PeriodKind::YearRange(n) => format!("a {n}-year range"),
            PeriodKind::YearToDate(q) => format!("a year to date to Q{q}"),
        }
    }
}

/// Why two periods cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{left} is {left_kind} and {right} is {right_kind}: periods of different kinds cannot be compared")]
pub struct UnlikePeriods {
    pub left: String,
    pub left_kind: String,
    pub right: String,
    pub right_kind: String,
}

/// Why a period label could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("\u{201c}{label}\u{201d} is not a period Scrutineer recognises: {reason}. Write it like \u{201c}2017/18\u{201d}, \u{201c}Q1 2018/19\u{201d}, \u{201c}Q3 2018/19 (cumulative)\u{201d}, \u{201c}June 2018\u{201d}, \u{201c}as at 30 June 2018\u{201d}, \u{201c}Apr 17 - Mar 18\u{201d} or \u{201c}2014-17\u{201d}")]
pub struct PeriodParseError {
    pub label: String,
    pub reason: &'static str,
}

impl Period {
    pub fn kind(&self) -> PeriodKind {
        match *self {
            Period::FinancialYear { .. } => PeriodKind::FinancialYear,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::Month(_) => PeriodKind::Month,
            Period::CalendarYear(_) => PeriodKind::CalendarYear,
            Period::AsAt(_) => PeriodKind::AsAt,
            Period::MonthRange { first, last } => {
                PeriodKind::MonthRange(first.months_through(last))
            }
            Period::YearRange { first, last } => PeriodKind::YearRange(last - first + 1),
            Period::YearToDate { quarter, .. } => PeriodKind::YearToDate(quarter),
        }
    }

    /// The first day the period covers.
    pub fn start(&self) -> NaiveDate {
        match self.first() {
            Bound::Ymd(year, month, day) => ymd(year, month, day),
            Bound::Date(date) => date,
        }
    }

    /// The first day as its year, month and day, or the day itself.
    fn first(&self) -> Bound {
        match *self {
            Period::FinancialYear { start_year } | Period::YearToDate { start_year, .. } => {
                Bound::Ymd(start_year, 4, 1)
            }
            Period::Quarter {
                start_year,
                quarter,
            } => {
                let (year, month) = quarter_first_month(start_year, quarter);
                Bound::Ymd(year, month, 1)
            }
            Period::Month(m) | Period::MonthRange { first: m, .. } => {
                Bound::Ymd(m.year, m.month, 1)
            }
            Period::CalendarYear(year) | Period::YearRange { first: year, .. } => {
                Bound::Ymd(year, 1, 1)
            }
            Period::AsAt(date) => Bound::Date(date),
        }
    }

    /// The last day as its year, month and day, or the day itself.
    fn last(&self) -> Bound {
        let month_end = |year: i32, month: u32| Bound::Ymd(year, month, days_in_month(year, month));
        match *self {
            Period::FinancialYear { start_year } => Bound::Ymd(start_year + 1, 3, 31),
            Period::Quarter {
                start_year,
                quarter,
            }
            | Period::YearToDate {
                start_year,
                quarter,
            } => {
                let (year, month) = quarter_first_month(start_year, quarter);
                month_end(year, month + 2)
            }
            Period::Month(m) | Period::MonthRange { last: m, .. } => month_end(m.year, m.month),
            Period::CalendarYear(year) | Period::YearRange { last: year, .. } => {
                Bound::Ymd(year, 12, 31)
            }
            Period::AsAt(date) => Bound::Date(date),
        }
    }

    /// The last day the period covers.
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::FinancialYear { start_year } => ymd(start_year + 1, 3, 31),
            Period::Quarter {
                start_year,
                quarter,
            }
            | Period::YearToDate {
                start_year,
                quarter,
            } => {
                let (year, month) = quarter_first_month(start_year, quarter);
                YearMonth {
                    year,
                    month: month + 2,
                }
                .last_day()
            }
            Period::Month(month) => month.last_day(),
            Period::CalendarYear(year) => ymd(year, 12, 31),
            Period::AsAt(date) => date,
            Period::MonthRange { last, .. } => last.last_day(),
            Period::YearRange { last, .. } => ymd(last, 12, 31),
        }
    }

    /// [`Period::start`] as a [`Day`]: worked out without building a date.
    pub fn start_day(&self) -> Day {
        Day::at(self.first(), || self.start())
    }

    /// [`Period::end`] as a [`Day`]: worked out without building a date.
    pub fn end_day(&self) -> Day {
        Day::at(self.last(), || self.end())
    }

    /// Orders two periods of the same kind by time; refuses unlike kinds with the reason.
    pub fn compare(&self, other: &Period) -> Result<Ordering, UnlikePeriods> {
        if self.kind() != other.kind() {
            return Err(UnlikePeriods {
                left: self.to_string(),
                left_kind: self.kind().describe(),
                right: other.to_string(),
                right_kind: other.kind().describe(),
            });
        }
        Ok(self.timeline_cmp(other))
    }

    /// A total order for laying periods out on a timeline (by end, then start),
    /// for display only: use [`Period::compare`] to judge one against another.
    pub fn timeline_cmp(&self, other: &Period) -> Ordering {
        (self.end_day(), self.start_day()).cmp(&(other.end_day(), other.start_day()))
    }

    /// The same period one year earlier (for "same quarter last year").
    pub fn year_earlier(&self) -> Period {
        match *self {
            Period::FinancialYear { start_year } => Period::FinancialYear {
                start_year: start_year - 1,
            },
            Period::Quarter {
                start_year,
                quarter,
            } => Period::Quarter {
                start_year: start_year - 1,
                quarter,
            },
            Period::Month(m) => Period::Month(YearMonth {
                year: m.year - 1,
                ..m
            }),
            Period::CalendarYear(year) => Period::CalendarYear(year - 1),
            Period::AsAt(date) => Period::AsAt(
                date.with_year(date.year() - 1)
                    .unwrap_or(date - chrono::Days::new(365)),
            ),
            Period::MonthRange { first, last } => Period::MonthRange {
                first: YearMonth {
                    year: first.year - 1,
                    ..first
                },
                last: YearMonth {
                    year: last.year - 1,
                    ..last
                },
            },
            Period::YearRange { first, last } => Period::YearRange {
                first: first - 1,
                last: last - 1,
            },
            Period::YearToDate {
                start_year,
                quarter,
            } => Period::YearToDate {
                start_year: start_year - 1,
                quarter,
            },
        }
    }
}

/// A day as one number that orders as the days do: for comparing periods'
/// starts and ends often (every row of a 1,000-indicator overview) without
/// building a date each time. Equal days are equal numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    /// Years whose days are worked out by arithmetic; beyond them (far
    /// outside any pack), through chrono's dates, as [`Period::start`] does.
    const PLAIN_YEARS: std::ops::RangeInclusive<i32> = -200_000..=200_000;

    /// `bound` as a number; through chrono's date (`date`, with its
    /// fallbacks) beyond the years worked out by arithmetic.
    fn at(bound: Bound, date: impl FnOnce() -> NaiveDate) -> Day {
        match bound {
            Bound::Ymd(year, month, day) if Day::PLAIN_YEARS.contains(&year) => {
                Day::ymd(year, month, day)
            }
            Bound::Ymd(..) => Day::of(date()),
            Bound::Date(day) => Day::of(day),
        }
    }

    /// `date` as a number.
    pub fn of(date: NaiveDate) -> Day {
        Day::ymd(date.year(), date.month(), date.day())
    }

    fn ymd(year: i32, month: u32, day: u32) -> Day {
        Day(i64::from(year) * 512 + i64::from(month) * 32 + i64::from(day))
    }
}

/// A period's first or last day: a year, month and day worked out from its
/// label, or a day it names (`AsAt`).
#[derive(Clone, Copy)]
enum Bound {
    Ymd(i32, u32, u32),
    Date(NaiveDate),
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn quarter_first_month(start_year: i32, quarter: u8) -> (i32, u32) {
    match quarter {
        1 => (start_year, 4),
        2 => (start_year, 7),
        3 => (start_year, 10),
        _ => (start_year + 1, 1),
    }
}

fn financial_year_label(start_year: i32) -> String {
    format!("{}/{:02}", start_year, (start_year + 1).rem_euclid(100))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::FinancialYear { start_year } => f.write_str(&financial_year_label(start_year)),
            Period::Quarter {
                start_year,
                quarter,
            } => {
                write!(f, "Q{quarter} {}", financial_year_label(start_year))
            }
            Period::Month(m) => write!(f, "{} {}", month_name(m.month).unwrap_or("?"), m.year),
            Period::CalendarYear(year) => write!(f, "{year}"),
            Period::AsAt(date) => write!(f, "as at {}", crate::dates::long_date(date)),
            Period::MonthRange { first, last } => write!(f, "{} - {}", first.short(), last.short()),
            Period::YearRange { first, last } if last - first < 2 || last / 100 != first / 100 => {
                write!(f, "{first}-{last}")
            }
            Period::YearRange { first, last } => write!(f, "{first}-{:02}", last.rem_euclid(100)),
            Period::YearToDate {
                start_year,
                quarter,
            } => write!(
                f,
                "Q{quarter} {} (cumulative)",
                financial_year_label(start_year)
            ),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodParseError;

    fn from_str(label: &str) -> Result<Period, PeriodParseError> {
        parse::period(label)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// In the file a period is its label, as the packs print it.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "description": "A period label as the packs print it: \"2017/18\", \"Q1 2018/19\", \"Q3 2018/19 (cumulative)\", \"June 2018\", \"as at 30 June 2018\", \"Apr 17 - Mar 18\", \"2014-17\", \"2017\"."
        })
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let label = String::deserialize(deserializer)?;
        label.parse().map_err(serde::de::Error::custom)
    }
}

mod parse;

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: &str) -> Period {
        label
            .parse()
            .unwrap_or_else(|e| panic!("{label:?} should parse: {e}"))
    }

    #[test]
    fn every_label_form_in_the_packs_parses_to_the_right_period() {
        let cases: &[(&str, Period)] = &[
            ("2017/18", Period::FinancialYear { start_year: 2017 }),
            ("17/18", Period::FinancialYear { start_year: 2017 }),
            ("(2016/17)", Period::FinancialYear { start_year: 2016 }),
            ("2018-19", Period::FinancialYear { start_year: 2018 }),
            (
                "Q1 2018/19",
                Period::Quarter {
                    start_year: 2018,
                    quarter: 1,
                },
            ),
            (
                "Q1 18/19",
                Period::Quarter {
                    start_year: 2018,
                    quarter: 1,
                },
            ),
            (
                "Q4 2016/17",
                Period::Quarter {
                    start_year: 2016,
                    quarter: 4,
                },
            ),
            (
                "Jun 18",
                Period::Month(YearMonth {
                    year: 2018,
                    month: 6,
                }),
            ),
            (
                "March 17",
                Period::Month(YearMonth {
                    year: 2017,
                    month: 3,
                }),
            ),
            (
                "June 2018",
                Period::Month(YearMonth {
                    year: 2018,
                    month: 6,
                }),
            ),
            ("2017", Period::CalendarYear(2017)),
            (
                "as at 30 June 2018",
                Period::AsAt(NaiveDate::from_ymd_opt(2018, 6, 30).unwrap()),
            ),
            (
                "As at 31st March 2019",
                Period::AsAt(NaiveDate::from_ymd_opt(2019, 3, 31).unwrap()),
            ),
            (
                "Apr 17 - Mar 18",
                Period::MonthRange {
                    first: YearMonth {
                        year: 2017,
                        month: 4,
                    },
                    last: YearMonth {
                        year: 2018,
                        month: 3,
                    },
                },
            ),
            (
                "Jan 17 - Dec 17",
                Period::MonthRange {
                    first: YearMonth {
                        year: 2017,
                        month: 1,
                    },
                    last: YearMonth {
                        year: 2017,
                        month: 12,
                    },
                },
            ),
            (
                "Jul16 - Sept16",
                Period::MonthRange {
                    first: YearMonth {
                        year: 2016,
                        month: 7,
                    },
                    last: YearMonth {
                        year: 2016,
                        month: 9,
                    },
                },
            ),
            (
                "April 16 - June 16",
                Period::MonthRange {
                    first: YearMonth {
                        year: 2016,
                        month: 4,
                    },
                    last: YearMonth {
                        year: 2016,
                        month: 6,
                    },
                },
            ),
            (
                "(2014-17)",
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
    fn canonical_labels_print_back_exactly() {
        for label in [
            "2017/18",
            "1999/00",
            "Q1 2018/19",
            "Q4 2019/20",
            "June 2018",
            "2017",
            "as at 30 June 2018",
            "Apr 17 - Mar 18",
            "Jul 16 - Sep 16",
            "2014-17",
        ] {
            assert_eq!(p(label).to_string(), label);
        }
        // Variant spellings print in the canonical form.
        assert_eq!(p("Jul16 - Sept16").to_string(), "Jul 16 - Sep 16");
        assert_eq!(p("Q1 18/19").to_string(), "Q1 2018/19");
    }

    #[test]
    fn periods_know_their_dates() {
        let q3 = p("Q3 2018/19");
        assert_eq!(q3.start(), NaiveDate::from_ymd_opt(2018, 10, 1).unwrap());
        assert_eq!(q3.end(), NaiveDate::from_ymd_opt(2018, 12, 31).unwrap());
        let q4 = p("Q4 2018/19");
        assert_eq!(q4.start(), NaiveDate::from_ymd_opt(2019, 1, 1).unwrap());
        assert_eq!(q4.end(), NaiveDate::from_ymd_opt(2019, 3, 31).unwrap());
        let fy = p("2019/20");
        assert_eq!(
            (fy.start(), fy.end()),
            (
                NaiveDate::from_ymd_opt(2019, 4, 1).unwrap(),
                NaiveDate::from_ymd_opt(2020, 3, 31).unwrap()
            )
        );
        assert_eq!(
            p("February 2020").end(),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
        assert_eq!(p("Apr 17 - Mar 18").kind(), PeriodKind::MonthRange(12));
        assert_eq!(p("Jul16 - Sept16").kind(), PeriodKind::MonthRange(3));
        assert_eq!(p("2014-17").kind(), PeriodKind::YearRange(4));
    }

    #[test]
    fn like_periods_order_by_time() {
        assert_eq!(
            p("Q4 2017/18").compare(&p("Q1 2018/19")),
            Ok(Ordering::Less)
        );
        assert_eq!(p("2018/19").compare(&p("2017/18")), Ok(Ordering::Greater));
        assert_eq!(
            p("Jan 17 - Dec 17").compare(&p("Apr 17 - Mar 18")),
            Ok(Ordering::Less)
        );
        let mut quarters = [p("Q2 2018/19"), p("Q4 2017/18"), p("Q1 2018/19")];
        quarters.sort_by(Period::timeline_cmp);
        let labels: Vec<String> = quarters.iter().map(Period::to_string).collect();
        assert_eq!(labels, ["Q4 2017/18", "Q1 2018/19", "Q2 2018/19"]);
    }

    #[test]
    fn unlike_periods_are_refused_with_the_reason() {
        let err = p("Q1 2018/19").compare(&p("Apr 17 - Mar 18")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Q1 2018/19 is a quarter and Apr 17 - Mar 18 is a 12-month range: periods of different kinds cannot be compared"
        );
        assert!(
            p("Jul16 - Sept16").compare(&p("Apr 17 - Mar 18")).is_err(),
            "3 and 12 months differ"
        );
        assert!(p("2017/18").compare(&p("2017")).is_err());
    }

    #[test]
    fn a_year_earlier_is_the_same_kind() {
        assert_eq!(p("Q1 2019/20").year_earlier(), p("Q1 2018/19"));
        assert_eq!(
            p("as at 29 February 2020").year_earlier().kind(),
            PeriodKind::AsAt
        );
        assert_eq!(p("Apr 17 - Mar 18").year_earlier(), p("Apr 16 - Mar 17"));
    }

    #[test]
    fn bad_labels_say_what_is_wrong() {
        for (label, reason) in [
            ("", "it is empty"),
            (
                "Q5 2018/19",
                "a quarter is Q1 to Q4 followed by a financial year",
            ),
            (
                "as at 31 June 2018",
                "an \u{201c}as at\u{201d} date needs a day, a month and a year",
            ),
            ("Mar 18 - Apr 17", "the range ends before it starts"),
            ("2017/19", "its form is not one the packs use"),
            ("New measure", "its form is not one the packs use"),
        ] {
            let err = label.parse::<Period>().unwrap_err();
            assert_eq!(err.reason, reason, "{label:?}");
            assert!(
                err.to_string().contains("Q1 2018/19"),
                "the message shows good forms"
            );
        }
    }

    #[test]
    fn periods_serialise_as_their_labels() {
        let json = serde_json::to_string(&p("Q1 2019/20")).unwrap();
        assert_eq!(json, "\"Q1 2019/20\"");
        let back: Period = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p("Q1 2019/20"));
        let err = serde_json::from_str::<Period>("\"Q9 2019/20\"").unwrap_err();
        assert!(err.to_string().contains("Q9 2019/20"));
    }

    #[test]
    fn labels_outside_this_century_and_two_year_ranges_read_back_as_themselves() {
        for period in [
            Period::MonthRange {
                first: YearMonth {
                    year: 1995,
                    month: 4,
                },
                last: YearMonth {
                    year: 1996,
                    month: 3,
                },
            },
            Period::YearRange {
                first: 2017,
                last: 2018,
            },
            Period::YearRange {
                first: 1998,
                last: 2001,
            },
        ] {
            let label = period.to_string();
            assert_eq!(label.parse::<Period>().as_ref(), Ok(&period), "{label}");
        }
        assert_eq!(
            Period::YearRange {
                first: 2017,
                last: 2018
            }
            .to_string(),
            "2017-2018"
        );
        assert_eq!(p("2017-18"), Period::FinancialYear { start_year: 2017 });
    }
}

#[cfg(test)]
mod day_tests {
    use super::*;

    /// Every kind of period over `years`, with each quarter and month.
    fn periods(years: impl Iterator<Item = i32>) -> Vec<Period> {
        let mut all = Vec::new();
        for year in years {
            all.push(Period::FinancialYear { start_year: year });
            all.push(Period::CalendarYear(year));
            all.push(Period::YearRange {
                first: year - 2,
                last: year,
            });
            for quarter in 1..=4 {
                all.push(Period::Quarter {
                    start_year: year,
                    quarter,
                });
                all.push(Period::YearToDate {
                    start_year: year,
                    quarter,
                });
            }
            for month in 1..=12 {
                let m = YearMonth { year, month };
                all.push(Period::Month(m));
                all.push(Period::MonthRange {
                    first: m.offset(-11),
                    last: m,
                });
                if let Some(day) = NaiveDate::from_ymd_opt(year, month, 28) {
                    all.push(Period::AsAt(day));
                }
            }
        }
        all
    }

    #[test]
    fn a_periods_first_and_last_days_are_its_dates_as_numbers() {
        // Leap years and not (1900, 2000, 2100, year 0 and before), and
        // years beyond chrono's dates, where the dates' own fallbacks stand.
        let years = (-8..=8)
            .chain(1896..=1904)
            .chain(1996..=2030)
            .chain(2096..=2104)
            .chain([
                -200_001, 199_999, 200_000, 200_001, 262_143, 262_144, 400_000,
            ]);
        let all = periods(years);
        assert!(all.len() > 3_000, "{}", all.len());
        for p in &all {
            assert_eq!(p.start_day(), Day::of(p.start()), "{p:?}");
            assert_eq!(p.end_day(), Day::of(p.end()), "{p:?}");
        }
        // Days order as dates do, so the timeline's order is the dates'.
        let sample: Vec<Period> = all.iter().step_by(7).copied().collect();
        for a in &sample {
            for b in &sample {
                assert_eq!(
                    a.timeline_cmp(b),
                    (a.end(), a.start()).cmp(&(b.end(), b.start())),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn february_ends_on_the_29th_only_in_a_leap_year() {
        let feb = |year| Period::Month(YearMonth { year, month: 2 }).end_day();
        assert_eq!(feb(2024), Day::ymd(2024, 2, 29));
        assert_eq!(feb(2000), Day::ymd(2000, 2, 29));
        assert_eq!(feb(1900), Day::ymd(1900, 2, 28));
        assert_eq!(feb(2023), Day::ymd(2023, 2, 28));
        // Q4 2023/24 ends on 31 March 2024 and Q3 2023/24 cumulative on 31 December 2023.
        let q4 = Period::Quarter {
            start_year: 2023,
            quarter: 4,
        };
        assert_eq!(q4.end_day(), Day::ymd(2024, 3, 31));
        let ytd = Period::YearToDate {
            start_year: 2023,
            quarter: 3,
        };
        assert_eq!(
            (ytd.start_day(), ytd.end_day()),
            (Day::ymd(2023, 4, 1), Day::ymd(2023, 12, 31))
        );
    }
}
