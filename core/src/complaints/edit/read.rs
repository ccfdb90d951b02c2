//! Reading what was typed: counts, pounds and "name: count" lines, each
//! refused with a message naming its field; the whole form read at once.

use std::collections::BTreeMap;

use super::fields::{FigureField, YearField};
use super::form::YearForm;
use crate::domain::complaints::LabelledCount;
use crate::form::FieldError;

/// A fault of the year form.
pub type YearError = FieldError<YearField>;

pub(super) fn fault(field: impl Into<YearField>, message: impl Into<String>) -> YearError {
    FieldError::new(field.into(), message)
}

/// Reads a count: blank is "not given"; thousands commas are allowed.
pub(crate) fn read_count(field: FigureField, text: &str) -> Result<Option<u32>, YearError> {
    let label = field.label();
    if text.is_empty() {
        return Ok(None);
    }
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if cleaned.starts_with('-') {
        return Err(fault(field, format!("{label} cannot be below zero")));
    }
    if cleaned.contains('.') && cleaned.parse::<f64>().is_ok() {
        return Err(fault(
            field,
            format!("{label} must be a whole number, like 540"),
        ));
    }
    match cleaned.parse::<u32>() {
        Ok(n) if n <= 10_000_000 => Ok(Some(n)),
        Ok(_) => Err(fault(field, format!("{label} must be 10,000,000 or fewer"))),
        Err(_) => Err(fault(
            field,
            format!("{label} must be a number, like 540, or blank if the report does not give it"),
        )),
    }
}

/// Reads pounds: "£7,100", "630958.48".
pub(crate) fn read_money(field: FigureField, text: &str) -> Result<Option<f64>, YearError> {
    let label = field.label();
    if text.is_empty() {
        return Ok(None);
    }
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '£'))
        .collect();
    let pence_ok = cleaned.split_once('.').is_none_or(|(_, p)| p.len() <= 2);
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 && pence_ok && v < 1e12 => Ok(Some(v)),
        Ok(v) if v < 0.0 => Err(fault(field, format!("{label} cannot be below zero"))),
        _ => Err(fault(
            field,
            format!("{label} must be an amount in pounds, like 7,100 or 630,958.48"),
        )),
    }
}

/// Reads "name: count" lines; a blank line is skipped.
fn read_lines(field: YearField, what: &str, text: &str) -> Result<Vec<LabelledCount>, YearError> {
    let mut list: Vec<LabelledCount> = vec![];
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let number = i + 1;
        // The count is the run of digits (and thousands commas) at the end.
        let digits = line
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == ',')
            .last()
            .map_or(line.len(), |(i, _)| i);
        let (label, count) = line.split_at(digits);
        let count = count.trim_start_matches(',');
        let label = label.trim_end_matches([':', ',', '\t', ' ', '-']).trim();
        let count: String = count.chars().filter(|c| *c != ',').collect();
        let parsed = count.parse::<u32>().ok().map(|count| (label, count));
        let Some((label, count)) = parsed.filter(|(label, _)| !label.is_empty()) else {
            return Err(fault(
                field,
                format!(
                    "Line {number} of {what} needs a name then a whole number, like \u{201c}Financial: 102\u{201d}"
                ),
            ));
        };
        if let Some(first) = list
            .iter()
            .position(|x| x.label.eq_ignore_ascii_case(label))
        {
            return Err(fault(
                field,
                format!(
                    "Line {number} of {what} repeats \u{201c}{label}\u{201d} from line {}: give each once",
                    first + 1
                ),
            ));
        }
        list.push(LabelledCount {
            label: label.to_owned(),
            count,
        });
    }
    Ok(list)
}

/// The form as read: every figure given, the two lists and the notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Read {
    counts: BTreeMap<FigureField, u32>,
    money: BTreeMap<FigureField, f64>,
    pub categories: Vec<LabelledCount>,
    pub by_service: Vec<LabelledCount>,
    pub notes: Vec<String>,
}

impl Read {
    /// A count given, where the field was not left blank.
    pub fn count(&self, field: FigureField) -> Option<u32> {
        self.counts.get(&field).copied()
    }

    /// An amount in pounds given.
    pub fn amount(&self, field: FigureField) -> Option<f64> {
        self.money.get(&field).copied()
    }

    /// Whether no figure and no list entry was given (notes aside).
    pub fn says_nothing(&self) -> bool {
        self.counts.is_empty()
            && self.money.is_empty()
            && self.categories.is_empty()
            && self.by_service.is_empty()
    }
}

/// Reads every figure and list of `form`, adding each fault to `errors`;
/// a refused field reads as not given.
pub(super) fn read_form(form: &YearForm, errors: &mut Vec<YearError>) -> Read {
    let mut read = Read::default();
    for f in FigureField::all() {
        let text = form.text(f);
        if f.money() {
            match read_money(f, text) {
                Ok(v) => read.money.extend(v.map(|v| (f, v))),
                Err(e) => errors.push(e),
            }
        } else {
            match read_count(f, text) {
                Ok(v) => read.counts.extend(v.map(|v| (f, v))),
                Err(e) => errors.push(e),
            }
        }
    }
    let mut list = |field: YearField, what: &str, text: &str| {
        read_lines(field, what, text)
            .map_err(|e| errors.push(e))
            .unwrap_or_default()
    };
    read.categories = list(
        YearField::Categories,
        "the services or categories",
        &form.categories,
    );
    read.by_service = list(
        YearField::ComplimentsByService,
        "the compliments by service",
        &form.compliments_by_service,
    );
    read.notes = form
        .notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    read
}
