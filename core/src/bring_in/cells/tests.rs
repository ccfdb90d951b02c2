use chrono::NaiveDate;

use super::*;
use crate::bring_in::labels::{read_label, ColumnLabel};
use crate::domain::period::YearMonth;

fn p(label: &str) -> Period {
    label.parse().unwrap()
}

fn figure(value: f64, decimals: u8) -> Value {
    Value::figure(value, decimals)
}

fn read(text: &str, unit: Unit, column: Option<&str>) -> Cell {
    read_cell(text, unit, column.map(p)).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn figures_as_printed_are_read() {
    let pair = |n: f64, v: f64, d: u8| Value::Figure {
        value: v,
        decimals: d,
        numerator: Some(n),
        denominator: None,
    };
    for (text, unit, value) in [
        ("2,010/81.2", Unit::RatePer10000, pair(2010.0, 81.2, 1)),
        ("1,412/ 57.5", Unit::RatePer10000, pair(1412.0, 57.5, 1)),
        ("1,890/ 19.0%", Unit::Percent, pair(1890.0, 19.0, 1)),
        ("21.3 %", Unit::Percent, figure(21.3, 1)),
        ("82.00%", Unit::Percent, figure(82.0, 2)),
        ("12, 345", Unit::Count, figure(12345.0, 0)),
        ("4,007,475", Unit::Count, figure(4_007_475.0, 0)),
        ("4.6", Unit::Days, figure(4.6, 1)),
        ("43%*", Unit::Percent, figure(43.0, 0)),
        ("\u{a3}2,300", Unit::Money, figure(2300.0, 0)),
        ("\u{a3}1.2m", Unit::Money, figure(1_200_000.0, 0)),
        ("\u{a3}1,200k", Unit::Money, figure(1_200_000.0, 0)),
        ("\u{a3}2.5 million", Unit::Money, figure(2_500_000.0, 0)),
    ] {
        let cell = read(text, unit, None);
        assert_eq!(
            cell,
            Cell {
                value,
                period: None
            },
            "{text}"
        );
    }
}

#[test]
fn words_for_no_figure_map_to_their_reason() {
    use MissingReason::*;
    for (text, reason) in [
        ("-", NotReported),
        ("\u{2013}", NotReported),
        ("", NotReported),
        ("n/a", NotApplicable),
        ("N/A", NotApplicable),
        ("New measure", NewMeasure),
        ("Not yet available", NotYetAvailable),
        ("Due in Q4", NotYetAvailable),
        ("Available in Q4", NotYetAvailable),
        ("Due March 2019", NotYetAvailable),
        ("TBC", NotYetAvailable),
        ("Awaited", NotYetAvailable),
        ("Data awaited", NotYetAvailable),
        ("Not collected", NotCollected),
    ] {
        assert_eq!(
            read(text, Unit::Percent, None).value,
            Value::missing(reason),
            "{text}"
        );
    }
}

#[test]
fn bracketed_periods_are_kept_with_the_figure() {
    let ym = |y, m| YearMonth::new(y, m).unwrap();
    for (text, unit, column, value, period) in [
        (
            "180 (Jan 17 - Dec 17)",
            Unit::RatePer100000,
            None,
            figure(180.0, 0),
            p("Jan 17 - Dec 17"),
        ),
        (
            "520 (2014-17)",
            Unit::Days,
            None,
            figure(520.0, 0),
            p("2014-17"),
        ),
        (
            "841 (2017)",
            Unit::Count,
            None,
            figure(841.0, 0),
            Period::CalendarYear(2017),
        ),
        (
            "4.05% (2015/16)",
            Unit::Percent,
            None,
            figure(4.05, 2),
            p("2015/16"),
        ),
        (
            "91.1% (March 17)",
            Unit::Percent,
            None,
            figure(91.1, 1),
            Period::Month(ym(2017, 3)),
        ),
        (
            "1,093 (Jun 18)",
            Unit::Number,
            None,
            figure(1093.0, 0),
            Period::Month(ym(2018, 6)),
        ),
        (
            "50.7% (17/18)",
            Unit::Percent,
            None,
            figure(50.7, 1),
            p("2017/18"),
        ),
        (
            "4,305 (Q4, 2016/17)",
            Unit::Count,
            None,
            figure(4305.0, 0),
            p("Q4 2016/17"),
        ),
        (
            "80% (Q4 18/19)",
            Unit::Percent,
            None,
            figure(80.0, 0),
            p("Q4 2018/19"),
        ),
        (
            "50% (Q4)",
            Unit::Percent,
            Some("2016/17"),
            figure(50.0, 0),
            p("Q4 2016/17"),
        ),
        (
            "50% (Q4)",
            Unit::Percent,
            Some("Q1 2018/19"),
            figure(50.0, 0),
            p("Q4 2018/19"),
        ),
        (
            "43% (2018/19 provisional)*",
            Unit::Percent,
            None,
            figure(43.0, 0),
            p("2018/19"),
        ),
        (
            "54.4% (rolling year July 17 to June 18)",
            Unit::Percent,
            None,
            figure(54.4, 1),
            p("Jul 17 - Jun 18"),
        ),
        (
            "52.1% (rolling year Jan to Dec 18)",
            Unit::Percent,
            None,
            figure(52.1, 1),
            p("Jan 18 - Dec 18"),
        ),
    ] {
        let cell = read(text, unit, column);
        assert_eq!(
            cell,
            Cell {
                value,
                period: Some(period)
            },
            "{text}"
        );
    }
    let three_months = read("2,079 (3m)", Unit::Count, Some("Q1 2018/19"));
    assert_eq!(
        three_months,
        Cell {
            value: figure(2079.0, 0),
            period: None
        }
    );
}

#[test]
fn cells_without_one_reading_are_refused_with_the_reason() {
    let refused =
        |text: &str, unit, column: Option<&str>| read_cell(text, unit, column.map(p)).unwrap_err();
    assert_eq!(
        refused("7,950 (2,301)", Unit::Count, None),
        format!("\u{201c}7,950 (2,301)\u{201d} has a second figure in brackets, 2,301, which is not a period: put it in a column of its own. {FORMS}")
    );
    assert_eq!(
        refused("2,097 (rolling figure)", Unit::Count, Some("2017/18")),
        format!("\u{201c}2,097 (rolling figure)\u{201d} says it is a rolling figure but not which months it covers: give them, such as 2,097 (Apr 17 - Mar 18). {FORMS}")
    );
    assert_eq!(
        refused("50% (Q4)", Unit::Percent, Some("June 2018")),
        format!("\u{201c}50% (Q4)\u{201d} names Q4 without its year, and its column, June 2018, is not a financial year or a quarter of one: write it like 50% (Q4 2017/18). {FORMS}")
    );
    assert_eq!(
        refused("Not available", Unit::Count, None),
        format!("\u{201c}Not available\u{201d} could mean the figure is not yet available or is not collected: write \u{201c}Not yet available\u{201d} or \u{201c}Not collected\u{201d}. {FORMS}")
    );
    for (text, unit, column, part) in [
        ("50% (Q4)", Unit::Percent, None, "its column gives none"),
        (
            "2,079 (3m)",
            Unit::Count,
            Some("2017/18"),
            "says it covers 3 months, but its column is 2017/18, a financial year",
        ),
        ("*", Unit::Count, None, "marks a figure withheld"),
        ("c", Unit::Count, None, "marks a figure withheld"),
        (
            "24,078 (Q4) 104,229 (2018/19)",
            Unit::Count,
            None,
            "holds two figures",
        ),
        (
            "61% (as reported)",
            Unit::Percent,
            None,
            "has a note in brackets, \u{201c}as reported\u{201d}",
        ),
        ("lots", Unit::Count, None, "is not a figure"),
        ("\u{a3}1.2m", Unit::Count, None, "is not a figure"),
        ("2,010/81.2", Unit::Number, None, "has two figures"),
        (
            "21.3 %",
            Unit::Days,
            None,
            "has a % sign but this measure is days",
        ),
    ] {
        let err = refused(text, unit, column);
        assert!(err.contains(part), "{text}: {err}");
        assert!(err.starts_with('\u{201c}'), "quotes the text: {err}");
        assert!(err.ends_with(FORMS), "lists the forms: {err}");
    }
}

#[test]
fn units_are_read_from_a_unit_column() {
    for (text, unit) in [
        ("%", Unit::Percent),
        ("Percentage", Unit::Percent),
        ("per cent", Unit::Percent),
        ("Number", Unit::Number),
        ("No.", Unit::Number),
        ("Count", Unit::Count),
        ("Rate per 10,000", Unit::RatePer10000),
        ("per 10k", Unit::RatePer10000),
        ("Rate (per 10,000)", Unit::RatePer10000),
        ("Rate per 100,000", Unit::RatePer100000),
        ("per 1,000", Unit::RatePer1000),
        ("Days", Unit::Days),
        ("\u{a3}", Unit::Money),
        ("Money", Unit::Money),
        ("Pounds", Unit::Money),
    ] {
        assert_eq!(read_unit(text), Some(unit), "{text}");
    }
    for text in ["\u{a3}000", "\u{a3}m", "Rate", "per 100", "Ratio", "Weeks"] {
        assert_eq!(read_unit(text), None, "{text}");
    }
}

#[test]
fn units_are_inferred_from_the_name_then_the_cells() {
    for (name, cells, unit) in [
        (
            "Number and rate (per 10k) of referrals during the year",
            &["10,337/ 419.4"][..],
            Unit::RatePer10000,
        ),
        (
            "Rate of Children Looked After (CLA) number/per 10,000",
            &["1,968/79.7"],
            Unit::RatePer10000,
        ),
        (
            "Rate per 100,000 local youth of first time entrants",
            &["180 (Jan 17 - Dec 17)"],
            Unit::RatePer100000,
        ),
        (
            "Permanent admissions per 100,000 pop aged 65+",
            &["742.3"],
            Unit::RatePer100000,
        ),
        (
            "Number and percentage of referrals that are re-referrals",
            &["1,890/ 19.0%"],
            Unit::Percent,
        ),
        (
            "% of recycling, re-use and composting",
            &["-"],
            Unit::Percent,
        ),
        (
            "Percentage of contacts that led to a referral",
            &[],
            Unit::Percent,
        ),
        (
            "Average time between a child entering care and moving in (days)",
            &["489"],
            Unit::Days,
        ),
        (
            "Days between a local authority receiving court authority and a match",
            &["236"],
            Unit::Days,
        ),
        (
            "Average number of working days to repair a street lighting fault",
            &["4.6"],
            Unit::Days,
        ),
        (
            "Number of contacts during the year",
            &["31,873"],
            Unit::Count,
        ),
        (
            "Cost of independent investigations",
            &["\u{a3}2,300"],
            Unit::Money,
        ),
        (
            "Average caseload per social worker",
            &["22.0"],
            Unit::Number,
        ),
        (
            "Number and rate of referrals during the year",
            &["9,907/ 403.9"],
            Unit::Number,
        ),
    ] {
        assert_eq!(infer_unit(name, cells), unit, "{name}");
    }
}

#[test]
fn polarities_are_read_in_their_printed_forms() {
    use Polarity::*;
    for (text, polarity) in [
        ("H", High),
        ("High", High),
        ("Higher is better", High),
        ("Bigger is better", High),
        ("\u{041D}", High),
        ("\u{043D}", High),
        ("Good is: H", High),
        ("L", Low),
        ("Low", Low),
        ("Lower is better", Low),
        ("Smaller is better", Low),
        ("-", None),
        ("n/a", None),
        ("", None),
        ("Neither", None),
        ("Context", None),
    ] {
        assert_eq!(read_polarity(text), Some(polarity), "{text:?}");
    }
    for text in ["H/L", "Either", "Target"] {
        assert_eq!(read_polarity(text), Option::None, "{text}");
    }
}

/// Headings and figure cells copied from the seed monitoring reports
/// (/work/shared/seeds/000_*.txt and 001_*.txt), as printed.
#[test]
fn the_seed_reports_headings_and_cells_are_read() {
    let as_at = NaiveDate::from_ymd_opt(2018, 6, 30).unwrap();
    let headings = [
        "Performance Measure",
        "Good is High or Low",
        "Good is: H/L",
        "2016/17",
        "2017/18",
        "Q1 18/19",
        "Q1 2018/19",
        "Q2 18/19",
        "Q4 2018/19",
        "Q1 19/20",
        "England Average",
        "Previous Period",
        "Latest Available",
        "2017/18 (full year)",
        "Q4 2018/19 (rolling figures)",
        "Q4 2018/19 (or 2018/19)",
    ];
    let refused_headings = ["Q4 2018/19 (rolling figures)", "Q4 2018/19 (or 2018/19)"];
    let cells: &[(&str, Unit, Option<&str>)] = &[
        ("31,873", Unit::Count, Some("2016/17")),
        ("32.0%", Unit::Percent, Some("2016/17")),
        ("9,907/ 403.9", Unit::RatePer10000, Some("2016/17")),
        ("1,890/ 19.0%", Unit::Percent, Some("2016/17")),
        ("548.2", Unit::RatePer10000, None),
        ("1,825/74.3", Unit::RatePer10000, Some("2016/17")),
        ("New measure", Unit::Percent, Some("2016/17")),
        ("22.9", Unit::Number, Some("Q1 2018/19")),
        ("520 (2014-17)", Unit::Days, None),
        ("180 (Jan 17 - Dec 17)", Unit::RatePer100000, None),
        ("39.6% (April 16 - June 16)", Unit::Percent, None),
        ("39.2% (Jul16 - Sept16)", Unit::Percent, None),
        ("207 (Oct 17 - Sept 18)", Unit::RatePer100000, None),
        ("4.05% (2015/16)", Unit::Percent, None),
        ("91.1% (March 17)", Unit::Percent, None),
        ("90.3% (Jun 18)", Unit::Percent, None),
        ("4,007,475", Unit::Count, Some("2016/17")),
        ("50% (Q4)", Unit::Percent, Some("2016/17")),
        ("2,079 (3m)", Unit::Count, Some("Q1 2018/19")),
        ("88.2% (3m)", Unit::Percent, Some("Q1 2018/19")),
        ("1,093 (Jun 18)", Unit::Number, Some("Q1 2018/19")),
        ("82.00%", Unit::Percent, None),
        ("50.7% (17/18)", Unit::Percent, None),
        ("4,305 (Q4, 2016/17)", Unit::Count, Some("2016/17")),
        ("841 (2017)", Unit::Count, Some("2016/17")),
        ("n/a", Unit::Count, None),
        ("-", Unit::Count, None),
        ("95.65%", Unit::Percent, Some("Q4 2018/19")),
        (
            "43% (2018/19 provisional)*",
            Unit::Percent,
            Some("Q4 2018/19"),
        ),
        ("80% (Q4 18/19)", Unit::Percent, Some("Q4 2018/19")),
        ("1,232 (Mar 18)", Unit::Number, Some("2017/18 (full year)")),
        (
            "54.4% (rolling year July 17 to June 18)",
            Unit::Percent,
            Some("Q1 2018/19"),
        ),
        (
            "52.1% (rolling year Jan to Dec 18)",
            Unit::Percent,
            Some("Q3 2018/19"),
        ),
        ("49.1% (Q4 2018/19)", Unit::Percent, None),
        ("2,097 (rolling figure)", Unit::Count, Some("2017/18")),
        (
            "24,078 (Q4) 104,229 (2018/19)",
            Unit::Count,
            Some("Q4 2018/19"),
        ),
    ];
    let refused_cells = ["2,097 (rolling figure)", "24,078 (Q4) 104,229 (2018/19)"];
    let mut read = 0;
    for heading in headings {
        let result = read_label(heading, as_at);
        if refused_headings.contains(&heading) {
            assert!(result.is_err(), "{heading} should be refused");
        } else {
            assert!(result.is_ok(), "{heading}: {result:?}");
            read += 1;
        }
    }
    assert_eq!(
        read_label("Q1 18/19", as_at),
        Ok(ColumnLabel::Period(p("Q1 2018/19")))
    );
    for &(text, unit, column) in cells {
        let result = read_cell(text, unit, column.map(p));
        if refused_cells.contains(&text) {
            assert!(result.is_err(), "{text} should be refused");
        } else {
            assert!(result.is_ok(), "{text}: {result:?}");
            read += 1;
        }
    }
    let total = headings.len() + cells.len();
    println!(
        "read {read} of {total} seed headings and cells ({}%)",
        read * 100 / total
    );
    assert_eq!(total - read, refused_headings.len() + refused_cells.len());
}

#[test]
fn nil_days_and_spaced_thousands_read_and_annual_measures_are_not_collected() {
    let shown = |text: &str, unit: Unit| read_cell(text, unit, None).map(|c| c.value.display(unit));
    assert_eq!(shown("Nil", Unit::Count), Ok("0".to_owned()));
    assert_eq!(shown("12 days", Unit::Days), Ok("12".to_owned()));
    assert_eq!(shown("4.5 working days", Unit::Days), Ok("4.5".to_owned()));
    assert!(
        shown("12 days", Unit::Count).is_err(),
        "days only for a measure in days"
    );
    assert_eq!(shown("1 234", Unit::Count), Ok("1,234".to_owned()));
    assert_eq!(
        shown("12 345 678", Unit::Count),
        Ok("12,345,678".to_owned())
    );
    assert!(shown("12 34", Unit::Count).is_err(), "not groups of three");
    assert_eq!(
        shown("Annual measure", Unit::Percent),
        Ok("Not collected".to_owned())
    );
    assert_eq!(
        shown("Not due", Unit::Percent),
        Ok("Not yet available".to_owned())
    );
}
