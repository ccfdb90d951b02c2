//! Bringing the risk and opportunity register in from a spreadsheet: one
//! row per entry and quarter, scores as registers print them ("16
//! (Major/Likely)", "16", "4x4", "L4 I4"), or as separate impact and
//! likelihood columns.
//!
//! A new reference creates an entry; each row adds that quarter's
//! assessment. Where the snapshot already holds the entry's assessment for
//! the quarter, every field the file gives differently is listed in
//! [`Plan::changed`], never overwritten silently; a blank cell, or a column
//! the file does not have, keeps what is held. A bare product such as "12"
//! is kept as printed, with no guessed cell, as the register's forms keep it.

use std::collections::HashMap;

use super::columns::{ColumnSpec, Mapping};
use super::{Changed, Fault, Plan, Refused, Table, Template, Understood};
use crate::dates::long_date;
use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::Snapshot;
use crate::register::edit::read_quarter;
use crate::register::rows::{or_not_given, score_text};
use crate::sort;

mod cells;
mod headings;

use cells::{read_row, Row};
pub use headings::REGISTER_COLUMNS;
use headings::{columns_understood, find_columns, not_read, repeats_header, Columns};

/// The kind of a new entry that no row names: from its reference, as the
/// packs number them (CR1 a risk, CO1 an opportunity).
fn kind_from_reference(reference: &str) -> (EntryKind, String) {
    let upper = reference.to_uppercase();
    if upper.starts_with("CO") {
        (
            EntryKind::Opportunity,
            "An opportunity: its reference begins CO, as the register numbers opportunities"
                .to_owned(),
        )
    } else if upper.starts_with("CR") {
        (
            EntryKind::Risk,
            "A risk: its reference begins CR, as the register numbers risks".to_owned(),
        )
    } else {
        (
            EntryKind::Risk,
            "A risk: the file does not say risk or opportunity, and its reference begins neither CR nor CO".to_owned(),
        )
    }
}

/// One entry as the file gives it: its id (as held, or as first printed),
/// its kind, and whether the snapshot holds it.
struct FileEntry {
    id: String,
    kind: EntryKind,
    held: bool,
}

/// The plan of bringing the register in `table` into `snapshot`, with the
/// person's `chosen` columns; or every fault by row and column, with
/// nothing applied.
pub fn plan_register(
    snapshot: &Snapshot,
    table: &Table,
    chosen: &Mapping,
) -> Result<Plan, Refused> {
    let (found, title, title_from_description, quarter) = find_columns(table, chosen)?;
    let cols = Columns {
        found: &found,
        title,
        quarter,
    };
    let mut faults = vec![];
    let mut understood = columns_understood(&cols, title_from_description);
    if let Some(quarter) = quarter {
        understood.push(Understood {
            place: "The title above the table".to_owned(),
            printed: quarter.to_string(),
            understood: format!("Every row is an assessment for {quarter}: the sheet has no quarter column, and its title names this quarter"),
        });
    }
    let mut not_read = not_read(table, &cols);
    let mut rows = vec![];
    let mut read = vec![];
    for r in found.header_row + 1..table.rows.len() {
        if table.is_blank(r) {
            continue;
        }
        if repeats_header(table, &cols, r) {
            not_read.push(format!(
                "Row {} repeats the headings and is read as headings, not as an entry",
                r + 1
            ));
            continue;
        }
        read.push(r);
        match read_row(table, &cols, r) {
            Ok(row) => rows.push(row),
            Err(mut more) => faults.append(&mut more),
        }
    }
    duplicates(table, &cols, &read, &mut faults);
    let entries = check_entries(snapshot, table, &cols, &rows, &mut faults, &mut understood);
    if !faults.is_empty() {
        sort::by_key(&mut faults, |f| f.row);
        return Err(Refused::Faults(faults));
    }
    let mut next = snapshot.clone();
    let mut created = (0, 0);
    let mut changed = vec![];
    for row in &rows {
        let key = row.reference.to_uppercase();
        let entry = &entries[&key];
        let register = &mut next.register;
        let at = match register.iter().position(|e| e.id == entry.id) {
            Some(at) => at,
            None => {
                created.0 += 1;
                register.push(RegisterEntry {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    assessments: vec![],
                    retired: None,
                    history: vec![],
                });
                register.len() - 1
            }
        };
        let held = &mut register[at];
        for (layer, score, printed) in &row.scores {
            if score.label(entry.kind) != *printed {
                understood.push(Understood {
                    place: format!(
                        "Row {}, column \u{201c}{}\u{201d}",
                        row.at + 1,
                        cols.heading(layer.keys()[0])
                            .or_else(|| cols.heading(layer.keys()[1]))
                            .unwrap_or_default()
                    ),
                    printed: printed.clone(),
                    understood: score.label(entry.kind),
                });
            }
        }
        match held
            .assessments
            .iter_mut()
            .find(|a| a.period == row.quarter)
        {
            Some(assessment) => {
                changed.extend(apply(assessment, row, &entry.id, entry.kind, true));
            }
            None => {
                created.1 += 1;
                let mut assessment = Assessment::new(row.quarter, "");
                apply(&mut assessment, row, &entry.id, entry.kind, false);
                held.assessments.push(assessment);
            }
        }
    }
    let created = super::created_counts(&[
        (created.0, "entry", "entries"),
        (created.1, "quarterly assessment", "quarterly assessments"),
    ]);
    Ok(Plan {
        snapshot: next,
        created,
        changed,
        understood,
        not_read,
    })
}

/// Each entry the rows name, with the faults between rows: a risk in one
/// row and an opportunity in another, a kind other than the one held, a
/// quarter after the entry left the register, and a new quarter with no
/// title.
fn check_entries(
    snapshot: &Snapshot,
    table: &Table,
    cols: &Columns,
    rows: &[Row],
    faults: &mut Vec<Fault>,
    understood: &mut Vec<Understood>,
) -> HashMap<String, FileEntry> {
    let mut entries: HashMap<String, FileEntry> = HashMap::new();
    let mut first_kind: HashMap<String, (EntryKind, usize)> = HashMap::new();
    let heading = |key: &str| cols.heading(key);
    for row in rows {
        let key = row.reference.to_uppercase();
        let held = snapshot
            .register
            .iter()
            .find(|e| e.id.eq_ignore_ascii_case(&row.reference));
        if let Some(kind) = row.kind {
            match (held, first_kind.get(&key)) {
                (Some(e), _) if e.kind != kind => faults.push(table.fault(
                    row.at,
                    heading("kind").as_deref(),
                    format!(
                        "{} is {} on the register, not {}: an entry cannot change between the two; give the other a reference of its own",
                        e.id,
                        article(e.kind),
                        article(kind)
                    ),
                )),
                (_, Some((first, at))) if *first != kind => faults.push(table.fault(
                    row.at,
                    heading("kind").as_deref(),
                    format!(
                        "{} is {} in row {} but {} here: an entry is one or the other",
                        row.reference,
                        article(*first),
                        at + 1,
                        article(kind)
                    ),
                )),
                _ => {
                    first_kind.entry(key.clone()).or_insert((kind, row.at));
                }
            }
        }
        if let Some(e) = held {
            if let Some(r) = e
                .retired
                .as_ref()
                .filter(|r| r.period.timeline_cmp(&row.quarter).is_le())
            {
                faults.push(table.fault(
                    row.at,
                    heading("quarter").as_deref(),
                    format!(
                        "{} left the register from {}: restore it before bringing in {}",
                        e.id, r.period, row.quarter
                    ),
                ));
            }
        }
        let new_quarter = held.is_none_or(|e| e.assessment(&row.quarter).is_none());
        if new_quarter && row.title.is_none() {
            faults.push(table.fault(
                row.at,
                heading("title").as_deref(),
                format!(
                    "{} has no title for {}: give the title as the register words it",
                    row.reference, row.quarter
                ),
            ));
        }
        entries.entry(key).or_insert_with(|| match held {
            Some(e) => FileEntry {
                id: e.id.clone(),
                kind: e.kind,
                held: true,
            },
            None => FileEntry {
                id: row.reference.clone(),
                kind: EntryKind::Risk,
                held: false,
            },
        });
    }
    // The kinds of new entries: as a row names them, or from the reference.
    let mut inferred: Vec<(usize, Understood)> = vec![];
    for (key, entry) in entries.iter_mut().filter(|(_, e)| !e.held) {
        match first_kind.get(key) {
            Some((kind, _)) => entry.kind = *kind,
            None => {
                let (kind, why) = kind_from_reference(&entry.id);
                entry.kind = kind;
                let at = rows
                    .iter()
                    .find(|r| r.reference.to_uppercase() == *key)
                    .map_or(0, |r| r.at);
                inferred.push((
                    at,
                    Understood {
                        place: format!(
                            "Row {}, column \u{201c}{}\u{201d}",
                            at + 1,
                            heading("reference").unwrap_or_default()
                        ),
                        printed: entry.id.clone(),
                        understood: why,
                    },
                ));
            }
        }
    }
    sort::by_key(&mut inferred, |(at, _)| *at);
    understood.extend(inferred.into_iter().map(|(_, u)| u));
    entries
}

/// A fault for each row (of those `read`) giving an entry's quarter that an
/// earlier row gives, whatever else is wrong with either.
fn duplicates(table: &Table, cols: &Columns, read: &[usize], faults: &mut Vec<Fault>) {
    let mut seen: HashMap<(String, Period), usize> = HashMap::new();
    let cell = |r: usize, key: &str| cols.at(key).map_or("", |at| table.cell(r, at));
    for &r in read {
        let reference = cell(r, "reference");
        let quarter = match (cell(r, "quarter"), cols.quarter) {
            ("", Some(quarter)) => quarter,
            (text, _) => match read_quarter(text) {
                Ok(quarter) => quarter,
                Err(_) => continue,
            },
        };
        if reference.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert((reference.to_uppercase(), quarter), r) {
            faults.push(table.fault(
                r,
                cols.heading("quarter").as_deref(),
                format!(
                    "{reference} for {quarter} is also in row {}: give each entry's quarter once",
                    first + 1
                ),
            ));
        }
    }
}

/// "a risk", "an opportunity".
fn article(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Risk => "a risk",
        EntryKind::Opportunity => "an opportunity",
    }
}

/// Applies what `row` gives to `assessment`, returning each value it changes
/// where the assessment is `held` (a new one's changes are not listed). A
/// printed product equal to a held rated score keeps the held cell.
fn apply(
    assessment: &mut Assessment,
    row: &Row,
    id: &str,
    kind: EntryKind,
    held: bool,
) -> Vec<Changed> {
    let quarter = row.quarter;
    let mut changed = vec![];
    let mut change = |what: &str, now: String, from_file: String| {
        if held {
            changed.push(Changed {
                what: format!("{id} {what}, {quarter}"),
                now,
                from_file,
            });
        }
    };
    if let Some(title) = &row.title {
        if assessment.title != *title {
            change("title", assessment.title.clone(), title.clone());
            assessment.title.clone_from(title);
        }
    }
    for (text, value) in &row.texts {
        let slot = text.slot(assessment);
        if slot.as_deref() != Some(value.as_str()) {
            change(text.what(), or_not_given(slot.clone()), value.clone());
            *slot = Some(value.clone());
        }
    }
    for (layer, score, _) in &row.scores {
        let slot = layer.slot(assessment);
        let same = match (*slot, *score) {
            (Some(held), Score::Printed { value }) => held.value() == value,
            (held, _) => held == Some(*score),
        };
        if !same {
            change(
                &format!("{} score", layer.what()),
                score_text(*slot, kind),
                score.label(kind),
            );
            *slot = Some(*score);
        }
    }
    if let Some(date) = row.next_review {
        if assessment.next_review != Some(date) {
            change(
                "next review",
                assessment
                    .next_review
                    .map_or_else(|| "Not given".to_owned(), long_date),
                long_date(date),
            );
            assessment.next_review = Some(date);
        }
    }
    changed
}

/// The register's template: its columns (scores as printed; the separate
/// impact and likelihood columns are read but not in the template) and one
/// row of the seed register, CR12 in Q2 2019/20.
pub fn register_template() -> Template {
    let specs: Vec<ColumnSpec> = REGISTER_COLUMNS
        .iter()
        .copied()
        .filter(|s| !s.key.ends_with("_impact") && !s.key.ends_with("_likelihood"))
        .collect();
    Template::of(
        "scrutineer-register-template.csv",
        &specs,
        &[
            "CR12",
            "Risk",
            "Q2 2019/20",
            "Intermediate care for older people in a residential setting",
            "",
            "People/ Organisational",
            "Operational issues leading to service failures",
            "A review of the Lancashire intermediate care system was commissioned using money from the Better Care Fund",
            "16 (Major/Likely)",
            "The Carnall Farrer Review of Intermediate Care concluded with the final report at the end of May 2019",
            "12 (Major/Possible)",
            "",
            "Executive Director for Adult Services and Health & Wellbeing",
            "",
            "The revised timeline we are working to is: w/c 8 July, update modelling for all areas",
        ],
    )
}

#[cfg(test)]
mod tests;
