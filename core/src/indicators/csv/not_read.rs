//! The sentences that name what in a file was not read, so nothing in it is
//! ignored silently.

use crate::indicators::csv::{COMPARATOR_COLUMNS, FOR_PEOPLE, HEADER};
use crate::text::excerpt;

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A sentence for each kind of column in `header` that has a filled cell
/// in `body` but is not read.
pub(super) fn not_read(header: &[String], body: &[Vec<String>]) -> Vec<String> {
    let filled = |col: usize| {
        body.iter()
            .any(|r| r.get(col).is_some_and(|c| !c.trim().is_empty()))
    };
    let has = |name: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    let mut for_people: Vec<(String, &str)> = vec![];
    let mut unknown: Vec<String> = vec![];
    let mut unnamed: Vec<String> = vec![];
    let mut alone: Vec<String> = vec![];
    for (col, heading) in header.iter().enumerate() {
        let name = heading.trim();
        if !filled(col) {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if name.is_empty() {
            unnamed.push(format!("{}", col + 1));
        } else if let Some((_, what)) = FOR_PEOPLE.iter().find(|(c, _)| *c == lower) {
            for_people.push((name.to_owned(), what));
        } else if let Some((_, of, _)) = COMPARATOR_COLUMNS
            .iter()
            .find(|(_, _, period)| *period == lower)
            .filter(|(_, of, _)| !has(of))
        {
            alone.push(format!(
                "The column {name} was not read: the file has no {of} column for it to give the period of."
            ));
        } else if lower == "region_name" && !has("region") {
            alone.push(
                "The column region_name was not read: the file has no region column for it to name."
                    .to_owned(),
            );
        } else if !HEADER.contains(&lower.as_str()) {
            unknown.push(format!("\u{201c}{}\u{201d}", excerpt(name)));
        }
    }
    let mut sentences = vec![];
    if !for_people.is_empty() {
        let columns: Vec<String> = for_people.iter().map(|(c, _)| c.clone()).collect();
        let mut what: Vec<String> = vec![];
        for (_, w) in &for_people {
            if !what.iter().any(|x| x == w) {
                what.push((*w).to_owned());
            }
        }
        let (noun, verb) = if columns.len() == 1 {
            ("column", "was")
        } else {
            ("columns", "were")
        };
        let are = if what == ["polarity"] { "is" } else { "are" };
        sentences.push(format!(
            "The {noun} {} {verb} not read: {} {are} changed on each indicator's page.",
            and_list(&columns),
            and_list(&what)
        ));
    }
    sentences.extend(alone);
    // One sentence for a list of columns, worded for one or for several.
    let mut about =
        |list: &[String], one: &dyn Fn(&str) -> String, many: &dyn Fn(&str) -> String| match list {
            [] => {}
            [only] => sentences.push(one(only)),
            _ => sentences.push(many(&and_list(list))),
        };
    about(
        &unknown,
        &|c| format!("The column {c} is not one this file form has, so it was not read."),
        &|c| format!("The columns {c} are not ones this file form has, so they were not read."),
    );
    about(
        &unnamed,
        &|c| format!("Column {c} has no heading, so it was not read."),
        &|c| format!("Columns {c} have no heading, so they were not read."),
    );
    sentences
}
