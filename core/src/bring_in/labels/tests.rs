use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The pack of the seeds' first report: as at 30 June 2018.
fn at_q1() -> NaiveDate {
    date(2018, 6, 30)
}

fn read(heading: &str) -> ColumnLabel {
    read_label(heading, at_q1()).unwrap_or_else(|e| panic!("{heading:?}: {e}"))
}

fn period(label: &str) -> ColumnLabel {
    ColumnLabel::Period(label.parse().unwrap())
}

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

#[test]
fn periods_in_every_form_are_read() {
    for (heading, expected) in [
        ("2016/17", "2016/17"),
        ("Q1 18/19", "Q1 2018/19"),
        ("Q2 2018/19", "Q2 2018/19"),
        ("Quarter 2 2018/19", "Q2 2018/19"),
        ("Q2 18-19", "Q2 2018/19"),
        ("18/19", "2018/19"),
        ("FY 2018/19", "2018/19"),
        ("2017/18 (full year)", "2017/18"),
        ("Mar 2019", "March 2019"),
        ("Q3 2018/19 (cumulative)", "Q3 2018/19 (cumulative)"),
        ("Q1-2 2018", "Jan 18 - Jun 18"),
        ("Apr 17 - Mar 18", "Apr 17 - Mar 18"),
        ("as at 30/06/2018", "as at 30 June 2018"),
    ] {
        assert_eq!(read(heading), period(expected), "{heading}");
    }
}

#[test]
fn a_quarter_with_its_month_noted_is_the_quarter_unless_the_month_is_outside_it() {
    assert_eq!(read("Q2 2018/19 (Sep 18)"), period("Q2 2018/19"));
    assert_eq!(read("Q4 2018/19 (Mar 19)"), period("Q4 2018/19"));
    let err = read_label("Q2 2018/19 (Dec 18)", at_q1()).unwrap_err();
    assert!(
        err.starts_with("The heading \u{201c}Q2 2018/19 (Dec 18)\u{201d} looks like a period but cannot be read: December 2018 in brackets is not in Q2 2018/19 (July to September 2018). Headings Scrutineer reads: periods such as"),
        "{err}"
    );
}

#[test]
fn a_year_to_date_is_resolved_against_the_pack_date() {
    let ytd = |start_year, quarter| {
        ColumnLabel::Period(Period::YearToDate {
            start_year,
            quarter,
        })
    };
    for (heading, as_at, expected) in [
        ("YTD 18/19", date(2018, 12, 31), ytd(2018, 3)),
        ("YTD 18/19", date(2019, 1, 15), ytd(2018, 3)),
        ("YTD 2018/19", date(2018, 9, 30), ytd(2018, 2)),
        ("2018/19 YTD", date(2018, 6, 30), ytd(2018, 1)),
        ("Year to date 2018-19", date(2019, 3, 31), ytd(2018, 4)),
        ("Cumulative 2018/19", date(2019, 11, 1), ytd(2018, 4)),
        ("2018/19 (cumulative)", date(2018, 10, 2), ytd(2018, 2)),
        ("YTD", date(2018, 12, 31), ytd(2018, 3)),
        ("YTD", date(2018, 5, 1), ytd(2017, 4)),
    ] {
        assert_eq!(
            read_label(heading, as_at),
            Ok(expected),
            "{heading} at {as_at}"
        );
    }
    let err = read_label("YTD 18/19", date(2018, 6, 29)).unwrap_err();
    assert!(
        err.starts_with("The heading \u{201c}YTD 18/19\u{201d} looks like a period but cannot be read: the pack is as at 29 June 2018, before the first quarter of 2018/19 ended, so there is no year to date to show. Headings"),
        "{err}"
    );
}

#[test]
fn rolling_months_end_with_the_last_whole_month_before_the_pack_date() {
    let range = |first, last| ColumnLabel::Period(Period::MonthRange { first, last });
    for (heading, as_at, expected) in [
        (
            "Rolling 3 month average",
            at_q1(),
            range(ym(2018, 4), ym(2018, 6)),
        ),
        (
            "Rolling 3 month average",
            date(2018, 8, 15),
            range(ym(2018, 5), ym(2018, 7)),
        ),
        (
            "Rolling 12 months",
            at_q1(),
            range(ym(2017, 7), ym(2018, 6)),
        ),
        ("12 month rolling", at_q1(), range(ym(2017, 7), ym(2018, 6))),
        (
            "3-month rolling average",
            at_q1(),
            range(ym(2018, 4), ym(2018, 6)),
        ),
        (
            "Rolling year",
            date(2019, 3, 31),
            range(ym(2018, 4), ym(2019, 3)),
        ),
    ] {
        assert_eq!(
            read_label(heading, as_at),
            Ok(expected.clone()),
            "{heading}"
        );
    }
    assert_eq!(
        understood(&read("Rolling 3 month average")),
        "3 months: April to June 2018"
    );
    assert!(read_label("Rolling average", at_q1())
        .unwrap_err()
        .contains("a rolling heading needs the number of months"));
}

#[test]
fn comparators_are_read_with_any_period_they_give() {
    let cmp = |kind, period: Option<&str>| ColumnLabel::Comparator {
        kind,
        period: period.map(|p| p.parse().unwrap()),
    };
    use ComparatorKind::*;
    for (heading, expected) in [
        ("England Average", cmp(England, None)),
        ("England", cmp(England, None)),
        ("England avg", cmp(England, None)),
        ("Eng avg.", cmp(England, None)),
        ("National", cmp(England, None)),
        ("National average", cmp(England, None)),
        ("England Average (2017/18)", cmp(England, Some("2017/18"))),
        ("England average 2017/18", cmp(England, Some("2017/18"))),
        ("North West", cmp(Region, None)),
        ("North West average", cmp(Region, None)),
        ("NW", cmp(Region, None)),
        ("NW avg", cmp(Region, None)),
        ("NW avg (Q1 18/19)", cmp(Region, Some("Q1 2018/19"))),
        ("Regional", cmp(Region, None)),
        ("Region", cmp(Region, None)),
        ("SE avg", cmp(Region, None)),
        ("London", cmp(Region, None)),
        ("Stat neighbours", cmp(StatisticalNeighbours, None)),
        (
            "Statistical neighbour average",
            cmp(StatisticalNeighbours, None),
        ),
        ("SN avg", cmp(StatisticalNeighbours, None)),
        ("CIPFA neighbours", cmp(StatisticalNeighbours, None)),
        ("Nearest neighbours", cmp(StatisticalNeighbours, None)),
    ] {
        assert_eq!(read(heading), expected, "{heading}");
    }
    assert_eq!(comparator_name("NW avg").as_deref(), Some("North West"));
    assert_eq!(
        comparator_name("North West average").as_deref(),
        Some("North West")
    );
    assert_eq!(comparator_name("England"), None);
    assert_eq!(
        read("SE"),
        ColumnLabel::Other,
        "SE alone may be a standard error"
    );
    assert!(read_label("England average (Q1 2018)", at_q1()).is_err());
}

#[test]
fn headings_relative_to_the_report_targets_and_notes() {
    for heading in [
        "Latest available",
        "Latest Available",
        "Latest",
        "Previous Period",
        "Current",
        "This quarter",
        "Last quarter",
    ] {
        assert_eq!(read(heading), ColumnLabel::CellsGivePeriod, "{heading}");
    }
    for heading in [
        "Target",
        "Target 2018/19",
        "Annual target",
        "2018/19 Target",
    ] {
        assert_eq!(read(heading), ColumnLabel::Target, "{heading}");
    }
    assert_eq!(read("Tolerance"), ColumnLabel::Tolerance);
    for heading in [
        "Performance Measure",
        "Performance Indicator",
        "Good is High or Low",
        "Good is: H/L",
        "Comments",
        "RAG",
        "Direction of travel",
        "Q1 RAG",
        "",
        "Lead officer",
    ] {
        assert_eq!(read(heading), ColumnLabel::Other, "{heading}");
    }
}

#[test]
fn headings_that_look_like_periods_but_do_not_read_are_refused() {
    for (heading, reason) in [
        (
            "Q1 2018",
            "with one year a quarter could be of the calendar year or of the financial year",
        ),
        (
            "Q4 2018/19 (rolling figures)",
            "the note in brackets changes what the period means",
        ),
        (
            "Q4 2018/19 (or 2018/19)",
            "the note in brackets changes what the period means",
        ),
        ("FY 2018", "a financial year named by one year"),
        (
            "YTD June 2018",
            "a year to date needs the quarter it runs to",
        ),
        ("Sept 2018/19", "its form is not one the packs use"),
        ("2018/20", "its form is not one the packs use"),
    ] {
        let err = read_label(heading, at_q1()).unwrap_err();
        assert!(err.contains(reason), "{heading}: {err}");
        assert!(
            err.contains("\u{201c}Stat neighbours\u{201d}"),
            "lists the forms: {err}"
        );
    }
    assert_eq!(
        read_label("Q1 2018", at_q1()).unwrap_err(),
        "The heading \u{201c}Q1 2018\u{201d} looks like a period but cannot be read: with one year a quarter could be of the calendar year or of the financial year: write Q1 2018/19 for April to June 2018, or Jan 18 - Mar 18 for January to March 2018. Headings Scrutineer reads: periods such as \u{201c}2017/18\u{201d}, \u{201c}Q2 18/19\u{201d}, \u{201c}Q3 2018/19 (cumulative)\u{201d}, \u{201c}YTD 18/19\u{201d}, \u{201c}Mar 2019\u{201d}, \u{201c}as at 30 June 2018\u{201d}, \u{201c}Apr 17 - Mar 18\u{201d}, \u{201c}2014-17\u{201d} and \u{201c}Rolling 12 months\u{201d}; comparators such as \u{201c}England average\u{201d}, \u{201c}NW avg\u{201d} and \u{201c}Stat neighbours\u{201d}; \u{201c}Latest available\u{201d}, \u{201c}Previous period\u{201d} and \u{201c}Target\u{201d}"
    );
}

#[test]
fn understood_gives_plain_words_with_dates() {
    for (heading, words) in [
        (
            "Q2 2018/19",
            "Quarter 2 of 2018/19 (July to September 2018)",
        ),
        ("Q4 18/19", "Quarter 4 of 2018/19 (January to March 2019)"),
        (
            "Q3 2018/19 (cumulative)",
            "Year to date to Q3 2018/19 (April to December 2018)",
        ),
        (
            "2017/18",
            "Financial year 2017/18 (April 2017 to March 2018)",
        ),
        ("Mar 2019", "The month of March 2019"),
        ("Cal 2017", "Calendar year 2017 (January to December 2017)"),
        ("as at 30 June 2018", "A snapshot as at 30 June 2018"),
        ("Apr 17 - Mar 18", "12 months: April 2017 to March 2018"),
        ("2014-17", "4 years: January 2014 to December 2017"),
        ("England avg", "England average (period not stated)"),
        (
            "England Average (2017/18)",
            "England average (2017/18: April 2017 to March 2018)",
        ),
        ("NW", "Regional average (period not stated)"),
        (
            "Latest available",
            "The council\u{2019}s figures, each cell giving its own period in brackets",
        ),
        ("Target", "The indicator\u{2019}s target"),
        ("Comments", "Not figures: kept as printed"),
    ] {
        assert_eq!(understood(&read(heading)), words, "{heading}");
    }
}
