//! Figure cells as monitoring reports print them ("2,010/81.2", "21.3 %",
//! "12, 345", "-", "n/a", "Due in Q4", "180 (Jan 17 - Dec 17)"), read into
//! the typed model or refused with the forms accepted; and an indicator's
//! unit and polarity from what a sheet prints.
//!
//! Refused on purpose, each with its reason: "Not available" (not yet, or
//! never collected?), "*" and "c" (a figure withheld because it is small:
//! the model has no such state, and it is not a figure of none), a bare
//! number in brackets ("7,950 (2,301)": a second figure, not a period), and
//! "(rolling figure)" with no months (a rolling figure over which months?).

use crate::domain::period::Period;
use crate::domain::rag::Polarity;
use crate::domain::value::{MissingReason, Unit, Value, ValueParseError};
use crate::text::excerpt;

/// A figure cell read: its value, and the period it gives of its own in
/// brackets, where it does ("180 (Jan 17 - Dec 17)", "50% (Q4)").
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub period: Option<Period>,
}

/// The cells Scrutineer reads, for refusals.
const FORMS: &str = "Figure cells Scrutineer reads: 1,412, 57.5%, 1,412 / 57.5, \u{a3}2,300 or \u{a3}1.2m, a figure with its period in brackets such as 180 (Jan 17 - Dec 17) or 50% (Q4), and -, n/a, New measure, Not yet available, Due in Q4 or Not collected where there is none";

/// Reads a figure cell for an indicator measured in `unit`, in a column of
/// `column_period` (against which a bracketed "(Q4)" is resolved). `Err` is
/// the reason, with the forms accepted.
pub fn read_cell(text: &str, unit: Unit, column_period: Option<Period>) -> Result<Cell, String> {
    let shown = text.trim();
    let refuse = |why: String| Err(format!("\u{201c}{}\u{201d} {why}. {FORMS}", excerpt(shown)));
    let tidy = tidy(shown);
    let lower = tidy.to_lowercase();
    let lower = lower.trim_end_matches('.');
    if let Some(reason) = missing(lower) {
        return Ok(Cell {
            value: Value::missing(reason),
            period: None,
        });
    }
    if let Some(why) = refused_word(lower) {
        return refuse(why.to_owned());
    }
    let (figure, period) = match bracketed(&tidy) {
        Some((figure, note)) => match note_period(note, column_period) {
            Ok(period) => (figure, period),
            Err(why) => return refuse(why),
        },
        None => (tidy.as_str(), None),
    };
    if figure.contains('(') {
        return refuse("holds two figures: put each in a column of its own".to_owned());
    }
    let figure = plain_figure(figure, unit);
    let figure = figure.as_str();
    let value = match money(figure, unit) {
        Some(value) => Ok(value),
        None => Value::parse(figure, unit),
    };
    match value {
        Ok(value) => Ok(Cell { value, period }),
        Err(ValueParseError::NotAFigure { .. }) => refuse("is not a figure".to_owned()),
        Err(e) if figure == shown => Err(format!("{e}. {FORMS}")),
        Err(e) => refuse(format!("cannot be read: {e}")),
    }
}

/// Spacing and footnote marks that change nothing: "12, 345" is 12,345,
/// "21.3 %" is 21.3%, "43%*" is 43%.
fn tidy(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let after_comma = before == Some(',')
            && i >= 2
            && chars[i - 2].is_ascii_digit()
            && after.is_some_and(|a| a.is_ascii_digit());
        if c == ' ' && (after_comma || after == Some('%') || after == Some(' ')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim();
    let bare = out.trim_end_matches(['*', '\u{2020}']);
    if bare.chars().any(|c| c.is_ascii_digit()) {
        bare.trim().to_owned()
    } else {
        out.to_owned()
    }
}

/// A figure as [`Value::parse`] reads it: "Nil" is 0; "12 days" is 12 for
/// a measure in days; "1 234" (a space between thousands) is 1,234.
fn plain_figure(figure: &str, unit: Unit) -> String {
    if figure.eq_ignore_ascii_case("nil") {
        return "0".to_owned();
    }
    let lower = figure.to_lowercase();
    let figure = match unit {
        Unit::Days => [" working days", " days", " day", " wd"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))
            .map_or(figure, |rest| &figure[..rest.len()]),
        _ => figure,
    };
    // Groups of three digits after the first, each after one space.
    let groups: Vec<&str> = figure.split(' ').collect();
    let spaced_thousands = groups.len() > 1
        && groups[0].len() <= 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if spaced_thousands {
        groups.concat()
    } else {
        figure.to_owned()
    }
}

/// The reason a cell holds no figure, where its words say one thing.
fn missing(lower: &str) -> Option<MissingReason> {
    let starts = |words: &[&str]| words.iter().any(|w| lower.starts_with(w));
    Some(match lower {
        "" | "-" | "\u{2013}" | "\u{2014}" | "--" | "not reported" => MissingReason::NotReported,
        "n/a" | "na" | "n.a" | "not applicable" => MissingReason::NotApplicable,
        "not collected" | "data not collected" => MissingReason::NotCollected,
        "tbc" | "to be confirmed" | "awaited" | "data awaited" | "awaiting data" | "pending"
        | "to follow" | "not yet published" | "not due" | "not yet due" => {
            MissingReason::NotYetAvailable
        }
        // An annual (or quarterly) measure in another period's column.
        "annual measure" | "annual" | "annual only" | "reported annually" | "quarterly measure" => {
            MissingReason::NotCollected
        }
        _ if starts(&["new measure", "new indicator"]) => MissingReason::NewMeasure,
        _ if starts(&[
            "available in",
            "available from",
            "due in",
            "due ",
            "expected in",
        ]) || lower.contains("not yet available") =>
        {
            MissingReason::NotYetAvailable
        }
        _ => return None,
    })
}

/// Words that say there is no figure but not which of the reasons.
fn refused_word(lower: &str) -> Option<&'static str> {
    match lower {
        "not available" | "unavailable" | "no data" | "not known" => Some(
            "could mean the figure is not yet available or is not collected: write \u{201c}Not yet available\u{201d} or \u{201c}Not collected\u{201d}",
        ),
        "*" | "**" | "c" | "[c]" | "x" | "[x]" | "suppressed" | "~" => Some(
            "marks a figure withheld, usually because it is small; Scrutineer keeps no withheld figures: write - for none, or the figure",
        ),
        ".." | "..." | "?" => Some("is not a figure"),
        _ => None,
    }
}

/// "180 (Jan 17 - Dec 17)" -> ("180", "Jan 17 - Dec 17").
fn bracketed(text: &str) -> Option<(&str, &str)> {
    let (figure, note) = text.strip_suffix(')')?.rsplit_once('(')?;
    Some((figure.trim(), note.trim()))
}

/// The period a bracketed note gives; `None` where it adds nothing to the
/// column's ("(3m)" in a quarter's column, "(provisional)").
fn note_period(note: &str, column: Option<Period>) -> Result<Option<Period>, String> {
    let lower = note.to_lowercase();
    let lower = lower.replace("provisional", " ");
    let lower = lower.trim().trim_end_matches(',').trim();
    if lower.is_empty() {
        return Ok(None);
    }
    if lower.starts_with("rolling figure") {
        return Err("says it is a rolling figure but not which months it covers: give them, such as 2,097 (Apr 17 - Mar 18)".to_owned());
    }
    if let Some(count) = months_noted(lower) {
        return match column {
            Some(p) if months_of(&p) == Some(count) => Ok(None),
            Some(p) => Err(format!(
                "says it covers {count} months, but its column is {p}, {}",
                p.kind().describe()
            )),
            None => Err(format!(
                "says it covers {count} months, but its column gives no period to check that against"
            )),
        };
    }
    if let Some(quarter) = bare_quarter(lower) {
        return match column {
            Some(
                Period::FinancialYear { start_year }
                | Period::Quarter { start_year, .. }
                | Period::YearToDate { start_year, .. },
            ) => Ok(Some(Period::Quarter {
                start_year,
                quarter,
            })),
            Some(p) => Err(format!(
                "names Q{quarter} without its year, and its column, {p}, is not a financial year or a quarter of one: write it like 50% (Q{quarter} 2017/18)"
            )),
            None => Err(format!(
                "names Q{quarter} without its year, and its column gives none: write it like 50% (Q{quarter} 2017/18)"
            )),
        };
    }
    match lower.parse::<Period>() {
        Ok(period) => Ok(Some(period)),
        Err(_) if lower.chars().all(|c| c.is_ascii_digit() || ",.% ".contains(c)) => Err(format!(
            "has a second figure in brackets, {note}, which is not a period: put it in a column of its own"
        )),
        Err(e) => Err(format!(
            "has a note in brackets, \u{201c}{}\u{201d}, that is not a period Scrutineer reads ({})",
            excerpt(note),
            e.reason
        )),
    }
}

/// "3m", "3 months", "12 mths": the months a figure covers.
fn months_noted(lower: &str) -> Option<i32> {
    let split = lower.find(|c: char| !c.is_ascii_digit())?;
    let (count, word) = lower.split_at(split);
    let count: i32 = count.parse().ok()?;
    matches!(word.trim(), "m" | "month" | "months" | "mths" | "mth").then_some(count)
}

/// "q4", "quarter 4": a quarter with no year.
fn bare_quarter(lower: &str) -> Option<u8> {
    let digit = lower
        .strip_prefix("quarter")
        .or_else(|| lower.strip_prefix('q'))?
        .trim();
    match digit {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        _ => None,
    }
}

/// Whole months a period covers; `None` for a day.
fn months_of(period: &Period) -> Option<i32> {
    use chrono::Datelike;
    let (start, end) = (period.start(), period.end());
    (start != end)
        .then(|| (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1)
}

/// "£1.2m", "£1,200k", "£2.5 million": pounds in thousands or millions,
/// read for money only. The figure is kept in pounds.
fn money(text: &str, unit: Unit) -> Option<Value> {
    if unit != Unit::Money {
        return None;
    }
    let lower = text
        .trim()
        .trim_start_matches('\u{a3}')
        .trim()
        .to_lowercase();
    let (number, scale) = [("million", 6), ("bn", 9), ("m", 6), ("k", 3)]
        .into_iter()
        .find_map(|(suffix, scale)| Some((lower.strip_suffix(suffix)?.trim().to_owned(), scale)))?;
    let Ok(Value::Figure {
        value, decimals, ..
    }) = Value::parse(&number, Unit::Number)
    else {
        return None;
    };
    let pounds = value * 10f64.powi(scale);
    Some(Value::figure(pounds, decimals.saturating_sub(scale as u8)).kept())
}

/// The unit a `unit` column's cell names ("%", "Rate per 10,000", "Days").
/// `None` for words with more than one reading, or a scale ("£000").
pub fn read_unit(text: &str) -> Option<Unit> {
    let compact: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '.' | '(' | ')' | ':'))
        .collect();
    match compact.as_str() {
        "%" | "percent" | "percentage" | "percentages" | "pc" | "%age" => Some(Unit::Percent),
        "count" | "total" => Some(Unit::Count),
        "number" | "no" | "num" | "numeric" | "#" => Some(Unit::Number),
        "days" | "day" | "noofdays" | "numberofdays" | "workingdays" => Some(Unit::Days),
        "\u{a3}" | "money" | "pounds" | "gbp" | "\u{a3}s" | "sterling" | "cost" => {
            Some(Unit::Money)
        }
        _ if compact.starts_with("rate") || compact.starts_with("per") => rate_base(&compact),
        _ => None,
    }
}

/// The rate a text names by its base: "per 10,000", "per 10k", "per
/// 100,000 local youth" (spaces and commas ignored).
fn rate_base(text: &str) -> Option<Unit> {
    let compact: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | ','))
        .collect();
    compact.match_indices("per").find_map(|(at, _)| {
        let base: String = compact[at + 3..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == 'k')
            .collect();
        match base.as_str() {
            "1000" | "1k" => Some(Unit::RatePer1000),
            "10000" | "10k" => Some(Unit::RatePer10000),
            "100000" | "100k" => Some(Unit::RatePer100000),
            _ => None,
        }
    })
}

/// The unit of an indicator without a `unit` column: from its name and
/// its figure cells as printed. In order: a rate base in the name ("Rate
/// per 10,000", "number and rate (per 10k)"); a "%" in any cell; "£" in
/// the name or a cell; a name of a percentage ("Percentage of", "% of");
/// days ("(days)", "Days between", "Average ... days"); "Number of" is a
/// count; otherwise a plain number. A number/rate pair with no base named
/// stays a number, so its cells are refused and the unit must be given.
pub fn infer_unit(name: &str, cells: &[&str]) -> Unit {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(rate) = rate_base(&lower) {
        return rate;
    }
    if cells.iter().any(|c| c.contains('%')) {
        return Unit::Percent;
    }
    if lower.contains('\u{a3}') || cells.iter().any(|c| c.contains('\u{a3}')) {
        return Unit::Money;
    }
    if lower.starts_with("percentage") || lower.starts_with('%') || lower.contains("% of") {
        return Unit::Percent;
    }
    let days = words.contains(&"days");
    if lower.contains("(days)")
        || lower.starts_with("days ")
        || (days && words.contains(&"average") && !words.contains(&"within"))
    {
        return Unit::Days;
    }
    if lower.starts_with("number of") {
        return Unit::Count;
    }
    Unit::Number
}

/// A polarity as sheets print it: "H", "High", "Higher is better", "L",
/// "Low", "Smaller is better", "-", "n/a", "Neither", "Context". An H in
/// Cyrillic or Greek, as PDFs sometimes give it, is read as H.
pub fn read_polarity(text: &str) -> Option<Polarity> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{041D}' | '\u{043D}' | '\u{0397}' => 'h',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let text = text.trim_end_matches('.');
    let text = text
        .strip_prefix("good is")
        .map_or(text, |rest| rest.trim_start_matches([':', ' ']));
    match text {
        "h" | "high" | "higher" | "higher is better" | "high is good" | "bigger is better"
        | "more is better" | "larger is better" | "up" | "\u{2191}" => Some(Polarity::High),
        "l" | "low" | "lower" | "lower is better" | "low is good" | "smaller is better"
        | "less is better" | "fewer is better" | "down" | "\u{2193}" => Some(Polarity::Low),
        "" | "-" | "\u{2013}" | "\u{2014}" | "n/a" | "na" | "none" | "neither" | "context"
        | "context only" => Some(Polarity::None),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
