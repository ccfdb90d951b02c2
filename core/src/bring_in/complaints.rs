//! Complaints figures from a spreadsheet: one row per procedure and
//! financial year, with a column for each figure of the year form
//! (received, each stage, each outcome, beyond the timescale, compliments,
//! joint complaints, the Ombudsman's figures and money). The case-list CSV
//! is read elsewhere ([`crate::complaints::cases`]).
//!
//! The file is read whole or not at all: every fault is given by row and
//! column, and a figure for a year the snapshot holds is a change shown in
//! the preview, never a silent overwrite. Counts and pounds are read as
//! the year form reads them, and the year as it reads a new year.

mod across;
mod columns;
#[cfg(test)]
mod tests;

pub use columns::{read_procedure, COMPLAINTS_COLUMNS};

use crate::text::excerpt;
use std::collections::{HashMap, HashSet};

use super::columns::{find, Found};
use super::{Changed, Fault, Plan, Refused, Table, Template, Understood};
use crate::complaints::edit::Figure;
use crate::complaints::edit::{read_count, read_money, read_year, record_mut, FigureField, Group};
use crate::domain::complaints::{ComplaintsYear, Ombudsman, OutcomeCount, Procedure, StageCount};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use columns::{figure_of, FIGURE_COLUMNS};

/// The name of a figure in the preview: the year form's label, with the
/// Ombudsman's figures saying whose they are.
fn figure_name(field: FigureField) -> String {
    let label = field.label();
    match field {
        FigureField::Settlements => label.to_owned(),
        _ if field.group() == Group::Ombudsman => {
            let mut rest = label.chars();
            let first = rest.next().map(|c| c.to_lowercase().to_string());
            format!("Ombudsman {}{}", first.unwrap_or_default(), rest.as_str())
        }
        _ => label.to_owned(),
    }
}

/// Whether a cell says the figure is not given: blank, a dash or "n/a".
fn not_given(text: &str) -> bool {
    matches!(text, "" | "-" | "\u{2013}" | "\u{2014}") || text.eq_ignore_ascii_case("n/a")
}

/// Reads a figure cell as the year form reads its field; `None` where not
/// given. `Err` is the form's message, with the cell as printed.
fn read_figure(field: FigureField, text: &str) -> Result<Option<Figure>, String> {
    if not_given(text) {
        return Ok(None);
    }
    let read = if field.money() {
        read_money(field, text).map(|v| v.map(Figure::Pounds))
    } else {
        read_count(field, text).map(|v| v.map(Figure::Count))
    };
    read.map_err(|e| {
        format!(
            "{} (the cell reads \u{201c}{}\u{201d})",
            e.message,
            excerpt(text)
        )
    })
}

/// Puts `count` into `list` as the one entry of `key`, in order of key.
fn put_in<T, K: Ord + Copy>(list: &mut Vec<T>, key: K, entry: T, key_of: impl Fn(&T) -> K) {
    list.retain(|x| key_of(x) != key);
    let at = list.partition_point(|x| key_of(x) < key);
    list.insert(at, entry);
}

/// Writes `figure` into `c` as the figure `field`.
fn put(c: &mut ComplaintsYear, field: FigureField, figure: Figure) {
    let (count, amount) = match figure {
        Figure::Count(n) => (Some(n), None),
        Figure::Pounds(p) => (None, Some(p)),
    };
    let n = count.unwrap_or_default();
    match field {
        FigureField::Received => c.received = count,
        FigureField::Closed => c.closed = count,
        FigureField::Exceeded => c.exceeded_timescale = count,
        FigureField::Joint => c.joint_with_nhs = count,
        FigureField::Compliments => c.compliments = count,
        FigureField::Stage(stage) => {
            put_in(&mut c.stages, stage, StageCount { stage, count: n }, |s| {
                s.stage
            });
        }
        FigureField::Outcome(outcome) => {
            put_in(
                &mut c.outcomes,
                outcome,
                OutcomeCount { outcome, count: n },
                |o| o.outcome,
            );
        }
        FigureField::Cost => c.investigation_cost = amount,
        _ => {
            let o = c.ombudsman.get_or_insert_with(Ombudsman::default);
            match field {
                FigureField::OmbudsmanEnquiries => o.enquiries = count,
                FigureField::OmbudsmanInvestigations => o.investigations = count,
                FigureField::OmbudsmanDecisions => o.decisions = count,
                FigureField::OmbudsmanDecision(outcome) => put_in(
                    &mut o.outcomes,
                    outcome,
                    OutcomeCount { outcome, count: n },
                    |x| x.outcome,
                ),
                _ => o.settlements_paid = amount,
            }
        }
    }
}

/// The place of a cell, for [`Understood`]: "Row 4, column “Service”".
fn place(table: &Table, row: usize, heading: &str) -> String {
    let at = format!("row {}, column \u{201c}{heading}\u{201d}", row + 1);
    match &table.sheet {
        Some(sheet) => format!("Sheet \u{201c}{}\u{201d}, {at}", excerpt(sheet)),
        None => crate::text::capitalise(&at),
    }
}

/// One row read whole: its year, procedure and every figure it gives.
struct Row {
    at: usize,
    year: Period,
    procedure: Procedure,
    figures: Vec<(FigureField, Figure)>,
}

/// The procedures "“{printed}” is not …" messages list.
fn procedures_accepted() -> String {
    let names: Vec<&str> = Procedure::ALL.iter().map(|p| p.noun()).collect();
    format!(
        "give one of {} (ASC, CSC, Adults and Children are read too)",
        names.join(", ")
    )
}

/// Stages in a sentence: "0 and 1", "0, 1, 2 and 3".
fn in_words(stages: &[u8]) -> String {
    match stages {
        [] => "none".to_owned(),
        [only] => only.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
            format!("{} and {last}", rest.join(", "))
        }
    }
}

/// What the rows of a table give, and what was said about them.
struct Reading<'a> {
    table: &'a Table,
    found: Found,
    faults: Vec<Fault>,
    understood: Vec<Understood>,
    /// The cells noted in `understood`: column and text printed.
    cells_noted: HashSet<(usize, String)>,
    not_read: Vec<String>,
}

impl Reading<'_> {
    fn column(&self, key: &str) -> Option<usize> {
        self.found.column(COMPLAINTS_COLUMNS, key)
    }

    /// Notes how a cell was read, once for each text printed in a column.
    fn understood(&mut self, row: usize, column: usize, understood: String) {
        let printed = self.table.cell(row, column).to_owned();
        if printed != understood && self.cells_noted.insert((column, printed.clone())) {
            self.understood.push(Understood {
                place: place(self.table, row, &self.found.heading(column)),
                printed,
                understood,
            });
        }
    }

    fn procedure(&mut self, row: usize) -> Option<Procedure> {
        let column = self.column("procedure")?;
        let text = self.table.cell(row, column);
        let heading = self.found.heading(column);
        let fault = if text.is_empty() {
            format!(
                "the complaints procedure is missing: {}",
                procedures_accepted()
            )
        } else if let Some(p) = read_procedure(text) {
            if p.key() != text {
                self.understood(row, column, p.label().to_owned());
            }
            return Some(p);
        } else {
            format!(
                "\u{201c}{}\u{201d} is not a complaints procedure Scrutineer knows: {}",
                excerpt(text),
                procedures_accepted()
            )
        };
        self.faults
            .push(self.table.fault(row, Some(&heading), fault));
        None
    }

    fn year(&mut self, row: usize) -> Option<Period> {
        let column = self.column("year")?;
        let text = self.table.cell(row, column);
        match read_year(text) {
            Ok(year) => {
                self.understood(row, column, year.to_string());
                Some(year)
            }
            Err(e) => {
                let heading = self.found.heading(column);
                self.faults
                    .push(self.table.fault(row, Some(&heading), e.message));
                None
            }
        }
    }

    /// Every figure the row gives, with the column it is in.
    fn figures(&mut self, row: usize) -> Vec<(FigureField, Figure, usize)> {
        let mut figures = vec![];
        for (key, field) in FIGURE_COLUMNS {
            let Some(column) = self.column(key) else {
                continue;
            };
            match read_figure(field, self.table.cell(row, column)) {
                Ok(Some(figure)) => figures.push((field, figure, column)),
                Ok(None) => {}
                Err(message) => {
                    let heading = self.found.heading(column);
                    self.faults
                        .push(self.table.fault(row, Some(&heading), message));
                }
            }
        }
        figures
    }

    /// Reads row `row`: `None` where it has a fault (each one noted).
    fn row(&mut self, row: usize) -> Option<Row> {
        let procedure = self.procedure(row);
        let year = self.year(row);
        let figures = self.figures(row);
        let procedure = procedure?;
        let whole = self.stages_held(row, procedure, &figures);
        Some(Row {
            at: row,
            year: year?,
            procedure,
            figures: figures.into_iter().map(|(f, x, _)| (f, x)).collect(),
        })
        .filter(|_| whole)
    }

    /// Whether every stage `figures` give is one `procedure` has; a fault
    /// for each that is not.
    fn stages_held(
        &mut self,
        row: usize,
        procedure: Procedure,
        figures: &[(FigureField, Figure, usize)],
    ) -> bool {
        let stages = procedure.stages();
        let mut held = true;
        for (field, _, column) in figures {
            let FigureField::Stage(stage) = field else {
                continue;
            };
            if !stages.contains(stage) {
                held = false;
                let heading = self.found.heading(*column);
                self.faults.push(self.table.fault(
                    row,
                    Some(&heading),
                    format!(
                        "{} has no stage {stage} (its stages are {}): leave the cell blank",
                        procedure.label(),
                        in_words(stages)
                    ),
                ));
            }
        }
        held
    }

    /// Headings of the header row that name no column read.
    fn headings_not_read(&mut self) {
        for (i, heading) in self.found.headings.iter().enumerate() {
            if !heading.trim().is_empty() && !self.found.at.contains(&Some(i)) {
                self.not_read.push(format!(
                    "Column \u{201c}{}\u{201d} is not read: its heading names none of the complaints figures (the template lists the headings read).",
                    heading.trim()
                ));
            }
        }
    }

    /// How each column found was understood.
    fn columns_understood(&mut self) {
        for (spec, at) in COMPLAINTS_COLUMNS.iter().zip(&self.found.at) {
            let Some(at) = *at else { continue };
            let understood = match spec.key {
                "procedure" => "Complaints procedure".to_owned(),
                "year" => "Financial year".to_owned(),
                key => figure_of(key).map_or_else(|| key.to_owned(), figure_name),
            };
            let heading = self.found.heading(at);
            self.understood.push(Understood {
                place: format!("Column \u{201c}{}\u{201d}", excerpt(&heading)),
                printed: heading,
                understood,
            });
        }
    }
}

/// Writes each row into a copy of `snapshot`: the copy, how many years it
/// creates, and every held figure it changes. A new row with no figures is
/// left out, with a sentence in `not_read`.
fn apply(
    snapshot: &Snapshot,
    rows: Vec<Row>,
    not_read: &mut Vec<String>,
) -> (Snapshot, usize, Vec<Changed>) {
    let mut next = snapshot.clone();
    let mut created = 0;
    let mut changed = vec![];
    for row in rows {
        let is_held = snapshot
            .complaints
            .iter()
            .any(|c| c.year == row.year && c.procedure == row.procedure);
        if !is_held && row.figures.is_empty() {
            not_read.push(format!(
                "Row {} ({} {}) gives no figures, so it adds nothing.",
                row.at + 1,
                row.procedure.label(),
                row.year
            ));
            continue;
        }
        created += usize::from(!is_held);
        let record = record_mut(&mut next, row.year, row.procedure);
        for (field, figure) in row.figures {
            let now = field.held(record);
            if now.is_some_and(|n| n.same(figure)) {
                continue;
            }
            if is_held {
                changed.push(Changed {
                    what: format!(
                        "{}, {} {}",
                        figure_name(field),
                        row.procedure.label(),
                        row.year
                    ),
                    now: crate::text::or_not_recorded(now.map(Figure::shown)),
                    from_file: figure.shown(),
                });
            }
            put(record, field, figure);
        }
    }
    (next, created, changed)
}

/// What importing `table` (one row per procedure and financial year) into
/// `snapshot` would do, or why it cannot be done; `chosen` maps columns
/// whose headings were not found.
///
/// A procedure and year not held is created; one held is changed figure by
/// figure, each figure that differs listed in [`Plan::changed`] with what is
/// held now and what the file gives. An empty cell (or "-", "n/a") leaves
/// the held figure alone, and an equal figure changes nothing. A stage the
/// procedure does not have, the same procedure and year on two rows, and
/// every cell that cannot be read are faults, all given at once. Figures
/// that do not add up (stages or outcomes beyond complaints received) are
/// kept as printed: the report shows them for a councillor to ask about.
pub fn plan_complaints(
    snapshot: &Snapshot,
    table: &Table,
    chosen: &super::columns::Mapping,
) -> Result<Plan, Refused> {
    match find(table, COMPLAINTS_COLUMNS, chosen) {
        Err(e @ super::columns::ColumnsError::Unmatched { .. }) => {
            // The report's own layout: the years across, a row per figure.
            let Some(across) = across::years_across(table) else {
                return Err(Refused::Columns(e));
            };
            match plan_rows(snapshot, &across.table, &vec![]) {
                Ok(mut plan) => {
                    for u in &mut plan.understood {
                        u.place = across.row_place(&u.place);
                    }
                    plan.understood.insert(0, across.understood.clone());
                    plan.not_read.extend(across.not_read.clone());
                    Ok(plan)
                }
                Err(Refused::Faults(faults)) => Err(Refused::Faults(
                    faults.into_iter().map(|f| across.place(f)).collect(),
                )),
                Err(other) => Err(other),
            }
        }
        _ => plan_rows(snapshot, table, chosen),
    }
}

/// [`plan_complaints`] of a table with one row per procedure and year.
fn plan_rows(
    snapshot: &Snapshot,
    table: &Table,
    chosen: &super::columns::Mapping,
) -> Result<Plan, Refused> {
    let found = find(table, COMPLAINTS_COLUMNS, chosen).map_err(Refused::Columns)?;
    let mut reading = Reading {
        table,
        found,
        faults: vec![],
        understood: vec![],
        cells_noted: HashSet::new(),
        not_read: vec![],
    };
    reading.columns_understood();
    reading.headings_not_read();
    let mut rows: Vec<Row> = vec![];
    let mut first_row: HashMap<(Period, Procedure), usize> = HashMap::new();
    for r in reading.found.header_row + 1..table.rows.len() {
        if table.is_blank(r) {
            continue;
        }
        let Some(row) = reading.row(r) else { continue };
        if let Some(first) = first_row.insert((row.year, row.procedure), r) {
            let column = reading.column("year");
            let heading = column.map(|c| reading.found.heading(c));
            reading.faults.push(table.fault(
                r,
                heading.as_deref(),
                format!(
                    "{} {} is on row {} as well: give each procedure and year on one row",
                    row.procedure.label(),
                    row.year,
                    first + 1
                ),
            ));
            continue;
        }
        rows.push(row);
    }
    if !reading.faults.is_empty() {
        return Err(Refused::Faults(reading.faults));
    }
    let Reading {
        understood,
        mut not_read,
        ..
    } = reading;
    let (next, created, changed) = apply(snapshot, rows, &mut not_read);
    let created = super::created_counts(&[(
        created,
        "year of complaints figures",
        "years of complaints figures",
    )]);
    Ok(Plan {
        snapshot: next,
        created,
        changed,
        understood,
        not_read,
    })
}

/// The complaints template: every column, and the adult social care
/// figures of the 2017/18 annual report as its example row.
pub fn complaints_template() -> Template {
    let example: Vec<&str> = COMPLAINTS_COLUMNS
        .iter()
        .map(|spec| match spec.key {
            "procedure" => "Adult social care",
            "year" => "2017/18",
            "received" => "540",
            "closed" => "425",
            "upheld" => "70",
            "partly_upheld" => "87",
            "not_upheld" => "67",
            "withdrawn" => "12",
            "still_open" => "116",
            "exceeded_timescale" => "11",
            "compliments" => "615",
            "joint_with_nhs" => "27",
            "ombudsman_enquiries" => "80",
            "ombudsman_investigations" => "37",
            "ombudsman_upheld" => "19",
            "settlements_paid" => "\u{a3}630,958.48",
            "investigation_cost" => "0",
            _ => "",
        })
        .collect();
    Template::of(
        "scrutineer-complaints-template.csv",
        COMPLAINTS_COLUMNS,
        &example,
    )
}
