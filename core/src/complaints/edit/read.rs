//! Reading what was typed: counts, pounds and "name: count" lines, each
//! refused with a message naming its field.

use super::form::label_of;
use crate::domain::complaints::LabelledCount;
use crate::domain::snapshot::FieldError;

pub(super) fn fault(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Reads a count: blank is "not given"; thousands commas are allowed.
pub(super) fn read_count(key: &'static str, text: &str) -> Result<Option<u32>, FieldError> {
    let label = label_of(key);
    if text.is_empty() {
        return Ok(None);
    }
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if cleaned.starts_with('-') {
        return Err(fault(key, format!("{label} cannot be below zero")));
    }
    if cleaned.contains('.') && cleaned.parse::<f64>().is_ok() {
        return Err(fault(
            key,
            format!("{label} must be a whole number, like 540"),
        ));
    }
    match cleaned.parse::<u32>() {
        Ok(n) if n <= 10_000_000 => Ok(Some(n)),
        Ok(_) => Err(fault(key, format!("{label} must be 10,000,000 or fewer"))),
        Err(_) => Err(fault(
            key,
            format!("{label} must be a number, like 540, or blank if the report does not give it"),
        )),
    }
}

/// Reads pounds: "£7,100", "630958.48".
pub(super) fn read_money(key: &'static str, text: &str) -> Result<Option<f64>, FieldError> {
    let label = label_of(key);
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
        Ok(v) if v < 0.0 => Err(fault(key, format!("{label} cannot be below zero"))),
        _ => Err(fault(
            key,
            format!("{label} must be an amount in pounds, like 7,100 or 630,958.48"),
        )),
    }
}

/// Reads "name: count" lines; a blank line is skipped.
pub(super) fn read_lines(
    key: &'static str,
    what: &str,
    text: &str,
) -> Result<Vec<LabelledCount>, FieldError> {
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
                key,
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
                key,
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
