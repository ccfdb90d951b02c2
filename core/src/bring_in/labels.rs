//! Column headings as monitoring reports print them: periods (in every
//! form the packs use), comparators, targets, and headings relative to the
//! report ("Latest available", "Rolling 3 month average"), each read into
//! the typed model or refused with the forms accepted.
//!
//! Headings relative to the report are resolved against the pack's as-at
//! date where that has one reading: "YTD 18/19" and "Rolling 12 months".
//! "This quarter", "Last quarter" and "Current" are not: a pack dated 15
//! August may mean the quarter in progress or the last one reported, so
//! those columns are [`ColumnLabel::CellsGivePeriod`] and each cell must
//! say its period in brackets.

use chrono::{Datelike, NaiveDate};

use crate::dates::{long_date, month_name};
use crate::domain::indicator::ComparatorKind;
use crate::domain::period::{Period, YearMonth};

/// What a column heading of a wide table (one column per period) means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnLabel {
    /// The council's figures for this period.
    Period(Period),
    /// A comparator's figures, with the period the heading gives, if any
    /// ("England average (2017/18)").
    Comparator {
        kind: ComparatorKind,
        period: Option<Period>,
    },
    /// The council's figures, each cell giving its own period in brackets:
    /// "Latest available", "Previous period", "Current", "This quarter".
    CellsGivePeriod,
    /// The indicator's target: "Target", "Target 2018/19", "Annual target".
    Target,
    /// How far below target still counts as amber: "Tolerance".
    Tolerance,
    /// Not a heading of figures (a name, a polarity, a note).
    Other,
}

/// The headings Scrutineer reads, for refusals.
const FORMS: &str = "Headings Scrutineer reads: periods such as \u{201c}2017/18\u{201d}, \u{201c}Q2 18/19\u{201d}, \u{201c}Q3 2018/19 (cumulative)\u{201d}, \u{201c}YTD 18/19\u{201d}, \u{201c}Mar 2019\u{201d}, \u{201c}as at 30 June 2018\u{201d}, \u{201c}Apr 17 - Mar 18\u{201d}, \u{201c}2014-17\u{201d} and \u{201c}Rolling 12 months\u{201d}; comparators such as \u{201c}England average\u{201d}, \u{201c}NW avg\u{201d} and \u{201c}Stat neighbours\u{201d}; \u{201c}Latest available\u{201d}, \u{201c}Previous period\u{201d} and \u{201c}Target\u{201d}";

/// Reads a heading; `as_at` is the pack's date, against which headings
/// relative to the report are resolved. `Err` is a heading that looks like
/// a period but cannot be read, with the reason and the forms accepted.
pub fn read_label(heading: &str, as_at: NaiveDate) -> Result<ColumnLabel, String> {
    read_label_in(heading, as_at, None)
}

/// Words beside a period that say the column holds the council's own
/// figures: "2018/19 Actual", "Outturn 2017/18", "Q1 result".
const FIGURE_WORDS: &[&str] = &[
    "actual",
    "actuals",
    "outturn",
    "result",
    "results",
    "performance",
    "value",
    "figure",
    "figures",
    "data",
    "position",
];

/// [`read_label`] for a table whose title names its financial year
/// (`year`, its first calendar year: "Performance report 2018/19"), so that
/// a heading that gives only a quarter ("Q1", "Quarter 2", "Q3 (Oct-Dec)")
/// or a month ("Apr", "January") is that year's.
pub fn read_label_in(
    heading: &str,
    as_at: NaiveDate,
    year: Option<i32>,
) -> Result<ColumnLabel, String> {
    let text = normalise(heading);
    if !has_word(&text, NOT_FIGURES) && !has_word(&text, &["target", "tolerance"]) {
        if let Some(period) = in_the_year(&text, year) {
            return period.map(ColumnLabel::Period).map_err(|reason| {
                format!(
                    "The heading \u{201c}{}\u{201d} cannot be read: {reason}. {FORMS}",
                    heading.trim()
                )
            });
        }
        let kept: Vec<&str> = heading
            .split_whitespace()
            .filter(|w| {
                !FIGURE_WORDS.contains(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .as_str(),
                )
            })
            .collect();
        let stripped = kept.join(" ");
        if !stripped.is_empty() && stripped.len() < heading.trim().len() {
            if let Ok(ColumnLabel::Period(p)) = read_label_in(&stripped, as_at, year) {
                return Ok(ColumnLabel::Period(p));
            }
        }
    }
    read_label_of(heading, &text, as_at)
}

/// A heading giving only a quarter or a month: that of the table's year,
/// `Err` where no title names one; `None` for any other heading.
fn in_the_year(text: &str, year: Option<i32>) -> Option<Result<Period, String>> {
    const QUARTER_FIRST_MONTHS: [u32; 4] = [4, 7, 10, 1];
    let (main, note) = match text.split_once('(') {
        Some((main, note)) => (main.trim(), Some(note.trim_end_matches(')').trim())),
        None => (text.trim(), None),
    };
    let main = main
        .split_whitespace()
        .filter(|w| !FIGURE_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ");
    let quarter = ["quarter", "qtr", "q"]
        .iter()
        .find_map(|p| main.strip_prefix(p)?.trim().parse::<u8>().ok())
        .filter(|q| (1..=4).contains(q));
    let month = (quarter.is_none()).then(|| month_of(&main)).flatten();
    if quarter.is_none() && month.is_none() {
        return None;
    }
    let Some(year) = year else {
        return Some(Err(
            "it does not say its financial year, and no title above the table names one: write the year with it, such as \u{201c}Q1 2018/19\u{201d}, or put the year in a title row above the headings (\u{201c}Performance report 2018/19\u{201d})".to_owned(),
        ));
    };
    if let Some(quarter) = quarter {
        // A note of months must be the quarter's: "Q1 (Apr-Jun)".
        let first = QUARTER_FIRST_MONTHS[usize::from(quarter) - 1];
        if let Some(note) = note {
            let named = note.split(|c: char| !c.is_alphabetic()).find_map(month_of);
            if named.is_some_and(|m| m != first) || (named.is_none() && !note.is_empty()) {
                return Some(Err(format!("the note \u{201c}({note})\u{201d} does not name the months of quarter {quarter}")));
            }
        }
        return Some(Ok(Period::Quarter {
            start_year: year,
            quarter,
        }));
    }
    if note.is_some() {
        return None;
    }
    let month = month?;
    let calendar_year = if month >= 4 { year } else { year + 1 };
    Some(
        YearMonth::new(calendar_year, month)
            .map(Period::Month)
            .ok_or_else(|| "it is not a month".to_owned()),
    )
}

/// Whether a heading gives only a quarter or a month ("Q1", "Quarter 2",
/// "Apr"): its year must come from elsewhere.
pub fn gives_no_year(heading: &str) -> bool {
    matches!(in_the_year(&normalise(heading), Some(2000)), Some(Ok(_)))
}

/// The month a word names on its own: "apr", "april", "sept".
fn month_of(word: &str) -> Option<u32> {
    let word = word.trim().trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    (1..=12).find(|&m| {
        let full = crate::dates::month_name(m)
            .unwrap_or_default()
            .to_lowercase();
        full == word || (word.len() == 3 && full.starts_with(word)) || (word == "sept" && m == 9)
    })
}

/// The financial year a table's title rows (or its sheet's name) name,
/// where exactly one is named: "Quarterly performance report 2018/19".
pub fn title_year<'a>(titles: impl IntoIterator<Item = &'a str>) -> Option<i32> {
    let mut years: Vec<i32> = vec![];
    for title in titles {
        for word in
            title.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        {
            if let Ok(period) = word.parse::<Period>() {
                let year = match period {
                    Period::FinancialYear { start_year }
                    | Period::Quarter { start_year, .. }
                    | Period::YearToDate { start_year, .. } => start_year,
                    _ => continue,
                };
                if !years.contains(&year) {
                    years.push(year);
                }
            }
        }
    }
    match years.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// The quarter a table's title rows (or its sheet's name) name, where
/// exactly one is named: "Corporate Risk Register Q2 2019/20".
pub fn title_quarter<'a>(titles: impl IntoIterator<Item = &'a str>) -> Option<Period> {
    let mut quarters: Vec<Period> = vec![];
    for title in titles {
        let words: Vec<&str> = title.split_whitespace().collect();
        for size in [3, 2] {
            for window in words.windows(size) {
                let text = window.join(" ");
                let text = text.trim_matches(|c: char| !c.is_alphanumeric());
                if let Ok(q @ Period::Quarter { .. }) = text.parse::<Period>() {
                    if !quarters.contains(&q) {
                        quarters.push(q);
                    }
                }
            }
        }
    }
    match quarters.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

fn read_label_of(heading: &str, text: &str, as_at: NaiveDate) -> Result<ColumnLabel, String> {
    let text = text.to_owned();
    let refuse = |reason: &str| {
        Err(format!(
            "The heading \u{201c}{}\u{201d} looks like a period but cannot be read: {reason}. {FORMS}",
            heading.trim()
        ))
    };
    if text.is_empty() || has_word(&text, NOT_FIGURES) {
        return Ok(ColumnLabel::Other);
    }
    if has_word(&text, &["tolerance"]) {
        return Ok(ColumnLabel::Tolerance);
    }
    if has_word(&text, &["target"]) {
        return Ok(ColumnLabel::Target);
    }
    if let Some((kind, rest)) = comparator(&text) {
        let rest = rest.trim_matches(['(', ')', ' ', ':', ',', '-']);
        if rest.is_empty() {
            return Ok(ColumnLabel::Comparator { kind, period: None });
        }
        match rest.parse::<Period>() {
            Ok(period) => {
                return Ok(ColumnLabel::Comparator {
                    kind,
                    period: Some(period),
                })
            }
            Err(e) if looks_like_period(rest) => return refuse(e.reason),
            Err(_) => {}
        }
    }
    if CELLS_GIVE_PERIOD.contains(&text.as_str()) {
        return Ok(ColumnLabel::CellsGivePeriod);
    }
    if let Ok(period) = heading.parse::<Period>() {
        return Ok(ColumnLabel::Period(period));
    }
    if let Some(resolved) = year_to_date(&text, as_at) {
        return resolved.map(ColumnLabel::Period).or_else(|r| refuse(&r));
    }
    if let Some(resolved) = rolling(&text, as_at) {
        return resolved.map(ColumnLabel::Period).or_else(|r| refuse(&r));
    }
    if let Some(resolved) = with_month_note(heading) {
        return resolved.map(ColumnLabel::Period).or_else(|r| refuse(&r));
    }
    match heading.parse::<Period>() {
        Ok(period) => Ok(ColumnLabel::Period(period)),
        Err(e) if looks_like_period(&text) => refuse(e.reason),
        Err(_) => Ok(ColumnLabel::Other),
    }
}

/// The region a regional comparator's heading names, for the comparator's
/// name: "North West" for "NW avg" or "North West average".
pub fn comparator_name(heading: &str) -> Option<String> {
    let text = normalise(heading);
    REGIONS
        .iter()
        .find(|(phrase, _)| after_phrase(&text, phrase).is_some())
        .map(|(_, name)| (*name).to_owned())
}

/// How a label was understood, in words for the preview: "Quarter 2 of
/// 2018/19 (July to September 2018)".
pub fn understood(label: &ColumnLabel) -> String {
    match label {
        ColumnLabel::Period(p) => describe(p),
        ColumnLabel::Comparator { kind, period } => match period {
            Some(p) => format!("{} ({p}: {})", kind.label(), span(p)),
            None => format!("{} (period not stated)", kind.label()),
        },
        ColumnLabel::CellsGivePeriod => {
            "The council\u{2019}s figures, each cell giving its own period in brackets".to_owned()
        }
        ColumnLabel::Target => "The indicator\u{2019}s target".to_owned(),
        ColumnLabel::Tolerance => "The tolerance around the target".to_owned(),
        ColumnLabel::Other => "Not figures: kept as printed".to_owned(),
    }
}

/// A period in plain words with its dates: "Quarter 2 of 2018/19 (July to
/// September 2018)", "Year to date to Q3 2018/19 (April to December 2018)".
pub fn describe(period: &Period) -> String {
    match *period {
        Period::FinancialYear { .. } => format!("Financial year {period} ({})", span(period)),
        Period::Quarter {
            start_year,
            quarter,
        } => format!(
            "Quarter {quarter} of {} ({})",
            Period::FinancialYear { start_year },
            span(period)
        ),
        Period::YearToDate {
            start_year,
            quarter,
        } => format!(
            "Year to date to Q{quarter} {} ({})",
            Period::FinancialYear { start_year },
            span(period)
        ),
        Period::Month(_) => format!("The month of {}", span(period)),
        Period::CalendarYear(year) => format!("Calendar year {year} ({})", span(period)),
        Period::AsAt(date) => format!("A snapshot as at {}", long_date(date)),
        Period::MonthRange { first, last } => {
            let months = (last.year - first.year) * 12 + last.month as i32 - first.month as i32 + 1;
            format!("{months} months: {}", span(period))
        }
        Period::YearRange { first, last } => {
            format!("{} years: {}", last - first + 1, span(period))
        }
    }
}

/// "July to September 2018", "April 2018 to March 2019", "March 2019".
fn span(period: &Period) -> String {
    let (start, end) = (period.start(), period.end());
    let month = |d: NaiveDate| month_name(d.month()).unwrap_or("?");
    if start == end {
        long_date(start)
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{} {}", month(start), start.year())
    } else if start.year() == end.year() {
        format!("{} to {} {}", month(start), month(end), end.year())
    } else {
        format!(
            "{} {} to {} {}",
            month(start),
            start.year(),
            month(end),
            end.year()
        )
    }
}

/// Words that mark a heading as not figures: names, polarities, notes.
const NOT_FIGURES: &[&str] = &[
    "rag",
    "comment",
    "comments",
    "commentary",
    "note",
    "notes",
    "direction",
    "dot",
    "trend",
    "status",
    "good",
    "polarity",
    "unit",
    "units",
    "measure",
    "indicator",
    "ref",
    "reference",
    "owner",
    "description",
    "frequency",
    "source",
];

/// Headings whose cells each give their own period.
const CELLS_GIVE_PERIOD: &[&str] = &[
    "latest",
    "latest available",
    "latest data",
    "latest figure",
    "latest position",
    "latest period",
    "most recent",
    "current",
    "current period",
    "current position",
    "previous",
    "previous period",
    "prior period",
    "last period",
    "this period",
    "this quarter",
    "current quarter",
    "last quarter",
    "previous quarter",
];

/// Comparator names, longest first, and whether a bare abbreviation needs
/// "avg" or "average" after it to count ("SE" alone may be a standard error).
const COMPARATORS: &[(&str, ComparatorKind, bool)] = &[
    (
        "statistical neighbours",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "statistical neighbour",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "cipfa nearest neighbours",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "cipfa neighbours",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "nearest neighbours",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "stat neighbours",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    (
        "stat neighbour",
        ComparatorKind::StatisticalNeighbours,
        false,
    ),
    ("stat nbrs", ComparatorKind::StatisticalNeighbours, false),
    ("cipfa", ComparatorKind::StatisticalNeighbours, false),
    ("sn", ComparatorKind::StatisticalNeighbours, true),
    ("england", ComparatorKind::England, false),
    ("national", ComparatorKind::England, false),
    ("eng", ComparatorKind::England, false),
    ("regional", ComparatorKind::Region, false),
    ("region", ComparatorKind::Region, false),
];

/// Regions of England by name and abbreviation, with the name to keep;
/// abbreviations other than NW need "avg" or "average" after them.
const REGIONS: &[(&str, &str)] = &[
    ("yorkshire and the humber", "Yorkshire and the Humber"),
    ("yorkshire and humber", "Yorkshire and the Humber"),
    ("east of england", "East of England"),
    ("east midlands", "East Midlands"),
    ("west midlands", "West Midlands"),
    ("north west", "North West"),
    ("north east", "North East"),
    ("south west", "South West"),
    ("south east", "South East"),
    ("london", "London"),
    ("nw", "North West"),
    ("ne", "North East"),
    ("yh", "Yorkshire and the Humber"),
    ("em", "East Midlands"),
    ("wm", "West Midlands"),
    ("ee", "East of England"),
    ("se", "South East"),
    ("sw", "South West"),
];

const AVERAGE: &[&str] = &["average", "avg", "mean", "value", "figure", "rate"];

/// A comparator heading's kind and what follows its name and "average".
fn comparator(text: &str) -> Option<(ComparatorKind, &str)> {
    let named = COMPARATORS
        .iter()
        .map(|&(phrase, kind, needs)| (phrase, kind, needs))
        .chain(REGIONS.iter().map(|&(phrase, _)| {
            (
                phrase,
                ComparatorKind::Region,
                phrase.len() == 2 && phrase != "nw",
            )
        }));
    for (phrase, kind, needs_average) in named {
        let Some(rest) = after_phrase(text, phrase) else {
            continue;
        };
        let after_average = AVERAGE.iter().find_map(|w| after_phrase(rest, w));
        if needs_average && after_average.is_none() {
            continue;
        }
        return Some((kind, after_average.unwrap_or(rest)));
    }
    None
}

/// The text after `phrase` at the start, where the phrase is whole words.
fn after_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(phrase)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(rest.trim_start_matches(['.', ' ']))
}

/// "ytd 18/19", "2018/19 ytd", "year to date", "cumulative 2018/19":
/// resolved to the last quarter ended by `as_at`. `None` where the heading
/// is not one of these.
fn year_to_date(text: &str, as_at: NaiveDate) -> Option<Result<Period, String>> {
    let mut rest = text.to_owned();
    let mut found = false;
    for word in [
        "(year to date)",
        "(cumulative)",
        "(ytd)",
        "year to date",
        "cumulative",
        "ytd",
    ] {
        if rest.contains(word) {
            rest = rest.replacen(word, " ", 1);
            found = true;
        }
    }
    if !found {
        return None;
    }
    let rest = rest.trim();
    let (last_year, last_quarter) = last_quarter_ended(as_at);
    let start_year = if rest.is_empty() {
        last_year
    } else {
        match rest.parse::<Period>() {
            Ok(Period::FinancialYear { start_year }) => start_year,
            _ => return None,
        }
    };
    let year = Period::FinancialYear { start_year };
    Some(if as_at >= year.end() {
        Ok(Period::YearToDate {
            start_year,
            quarter: 4,
        })
    } else if last_year == start_year {
        Ok(Period::YearToDate {
            start_year,
            quarter: last_quarter,
        })
    } else {
        Err(format!(
            "the pack is as at {}, before the first quarter of {year} ended, so there is no year to date to show",
            long_date(as_at)
        ))
    })
}

/// The financial year and quarter of the last quarter to end on or before `as_at`.
fn last_quarter_ended(as_at: NaiveDate) -> (i32, u8) {
    let next = as_at.succ_opt().unwrap_or(as_at);
    let (year, month) = (next.year(), next.month());
    // The quarter that `next` falls in has not ended; take the one before it.
    let start_year = if month >= 4 { year } else { year - 1 };
    let quarter = match month {
        4..=6 => 1,
        7..=9 => 2,
        10..=12 => 3,
        _ => 4,
    };
    if quarter == 1 {
        (start_year - 1, 4)
    } else {
        (start_year, quarter - 1)
    }
}

/// "Rolling 3 month average", "Rolling 12 months", "12 month rolling",
/// "Rolling year": that many months ending with the last whole month that
/// ended on or before `as_at`.
fn rolling(text: &str, as_at: NaiveDate) -> Option<Result<Period, String>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().position(|w| *w == "rolling")?;
    let next = |i: usize| words.get(i).copied().unwrap_or("");
    let count = |i: usize| {
        next(i)
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=120).contains(n))
    };
    let months = if at == 0 {
        match next(1) {
            "year" => Some(12),
            "quarter" => Some(3),
            _ => count(1).filter(|_| next(2).starts_with("month")),
        }
    } else if at == 2 && next(1).starts_with("month") {
        count(0)
    } else {
        return None;
    };
    let Some(months) = months else {
        return Some(Err(
            "a rolling heading needs the number of months, such as \u{201c}Rolling 12 months\u{201d}"
                .to_owned(),
        ));
    };
    let next_day = as_at.succ_opt().unwrap_or(as_at);
    let last = if next_day.month() != as_at.month() {
        YearMonth::of(as_at)
    } else {
        YearMonth::of(as_at).offset(-1)
    };
    Some(Ok(Period::MonthRange {
        first: last.offset(1 - months),
        last,
    }))
}

/// "Q2 2018/19 (Sep 18)": a period with the month it ends, or a day in it,
/// noted in brackets. Refused where the month is not in the period.
fn with_month_note(heading: &str) -> Option<Result<Period, String>> {
    let (base, note) = heading.trim().strip_suffix(')')?.rsplit_once('(')?;
    let base: Period = base.parse().ok()?;
    let note: Period = note.parse().ok()?;
    if !matches!(note, Period::Month(_) | Period::AsAt(_)) {
        return None;
    }
    Some(
        if note.start() >= base.start() && note.end() <= base.end() {
            Ok(base)
        } else {
            Err(format!(
                "{note} in brackets is not in {base} ({})",
                span(&base)
            ))
        },
    )
}

/// Lower case, one space between words, no trailing footnote marks.
fn normalise(heading: &str) -> String {
    let text = heading
        .trim()
        .trim_end_matches(['*', ':', '\u{2020}'])
        .to_lowercase();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether any of `words` is a whole word of `text`.
fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// Whether a heading that did not read looks like an attempt at a period:
/// a quarter (Q and a digit), "ytd", "rolling", "cumulative", a year, a
/// pair of years, or a month with a number.
fn looks_like_period(text: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let year = |w: &&str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    let quarter = |w: &&str| {
        let w = w.strip_prefix('q').unwrap_or("");
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let two_years = text.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && matches!(w[2], b'/' | b'-')
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    });
    words.iter().any(|w| {
        quarter(w)
            || year(w)
            || ["ytd", "rolling", "cumulative", "quarter", "qtr", "fy"].contains(w)
            || (has_digit && MONTHS.contains(w))
    }) || two_years
}

#[cfg(test)]
mod tests;
