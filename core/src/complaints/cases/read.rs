//! Reading a case list: columns found by their header, every row checked,
//! and any fault refusing the whole file, named by row and column.

use crate::text::excerpt;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Case;
use crate::dates::read_date;
use crate::domain::complaints::{Outcome, Procedure};
use crate::file::csv::{is_empty_row, read_rows, CsvError};

/// A column of a case list, found by its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Reference,
    Procedure,
    Received,
    Stage,
    Category,
    Outcome,
    Acknowledged,
    Responded,
}

impl Column {
    /// Every column, in the order the page lists them.
    const ALL: [Column; 8] = [
        Column::Reference,
        Column::Procedure,
        Column::Received,
        Column::Stage,
        Column::Category,
        Column::Outcome,
        Column::Acknowledged,
        Column::Responded,
    ];

    /// The columns every case list needs.
    const NEEDED: [Column; 4] = [
        Column::Reference,
        Column::Procedure,
        Column::Received,
        Column::Stage,
    ];

    /// Its header, and its name in a fault.
    fn name(self) -> &'static str {
        match self {
            Column::Reference => "reference",
            Column::Procedure => "procedure",
            Column::Received => "received",
            Column::Stage => "stage",
            Column::Category => "category",
            Column::Outcome => "outcome",
            Column::Acknowledged => "acknowledged",
            Column::Responded => "responded",
        }
    }
}

/// Where each column is in the rows, found by header name in any order.
struct Columns(Vec<String>);

impl Columns {
    /// The header row's columns, or the fault naming those missing.
    fn of(header: &[String]) -> Result<Columns, CsvError> {
        let columns = Columns(header.iter().map(|h| h.trim().to_lowercase()).collect());
        let missing: Vec<&str> = Column::NEEDED
            .into_iter()
            .filter(|c| columns.at(*c).is_none())
            .map(Column::name)
            .collect();
        if missing.is_empty() {
            return Ok(columns);
        }
        let all: Vec<&str> = Column::ALL.map(Column::name).to_vec();
        Err(CsvError {
            row: 1,
            column: None,
            message: format!(
                "the header row has no {} column: the columns are {}",
                missing.join(", "),
                all.join(", ")
            ),
        })
    }

    fn at(&self, column: Column) -> Option<usize> {
        self.0.iter().position(|h| h == column.name())
    }
}

fn read_procedure(text: &str) -> Option<Procedure> {
    let t = text.trim().to_lowercase().replace(['\'', '\u{2019}'], "");
    Some(match t.as_str() {
        "adult" | "adults" | "adult social care" | "asc" | "adult_social_care" => {
            Procedure::AdultSocialCare
        }
        "children statutory"
        | "childrens statutory"
        | "childrens social care"
        | "csc"
        | "children_statutory" => Procedure::ChildrenStatutory,
        "children non-statutory" | "childrens non-statutory" | "children_non_statutory" => {
            Procedure::ChildrenNonStatutory
        }
        "corporate" => Procedure::Corporate,
        _ => return None,
    })
}

fn read_outcome(text: &str) -> Option<Outcome> {
    let t = text.trim().to_lowercase();
    Some(match t.as_str() {
        "upheld" => Outcome::Upheld,
        "partly upheld" | "partially upheld" | "part upheld" => Outcome::PartlyUpheld,
        "not upheld" => Outcome::NotUpheld,
        "withdrawn" => Outcome::Withdrawn,
        "early resolution" | "signposted" | "early resolution or signposted" => {
            Outcome::EarlyResolution
        }
        "" | "open" | "still open" => Outcome::StillOpen,
        _ => return None,
    })
}

/// One row being read: its cells by column, and the faults found in it.
struct RowReader<'a> {
    /// The row's number in the file, counting the header as 1.
    number: usize,
    row: &'a [String],
    columns: &'a Columns,
    errors: &'a mut Vec<CsvError>,
}

impl RowReader<'_> {
    fn cell(&self, column: Column) -> &str {
        self.columns
            .at(column)
            .and_then(|c| self.row.get(c))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn fault(&mut self, column: Column, message: String) {
        self.errors.push(CsvError {
            row: self.number,
            column: Some(column.name()),
            message,
        });
    }

    /// The reference: given, and not on an earlier row (`seen`).
    fn reference(&mut self, seen: &mut BTreeMap<String, usize>) -> String {
        let reference = self.cell(Column::Reference).to_owned();
        if reference.is_empty() {
            self.fault(Column::Reference, "the complaint has no reference".into());
        } else if let Some(first) = seen.insert(reference.clone(), self.number) {
            self.fault(
                Column::Reference,
                format!(
                    "{} is also on row {first}: each complaint once",
                    excerpt(&reference)
                ),
            );
        }
        reference
    }

    fn procedure(&mut self) -> Option<Procedure> {
        let text = self.cell(Column::Procedure).to_owned();
        let procedure = read_procedure(&text);
        if procedure.is_none() {
            self.fault(
                Column::Procedure,
                format!(
                    "\u{201c}{}\u{201d} is not a procedure: write adult social care, children statutory, children non-statutory or corporate", excerpt(&text)),
            );
        }
        procedure
    }

    fn date(&mut self, column: Column, required: bool) -> Option<NaiveDate> {
        let text = self.cell(column).to_owned();
        if text.is_empty() {
            if required {
                self.fault(column, "the date is missing".into());
            }
            return None;
        }
        match read_date(&text) {
            Ok(date) => Some(date),
            Err(problem) => {
                self.fault(column, problem.describe(&text));
                None
            }
        }
    }

    fn stage(&mut self) -> Option<u8> {
        let text = self.cell(Column::Stage).to_owned();
        match text.parse::<u8>() {
            Ok(s) if s <= 3 => Some(s),
            _ => {
                self.fault(
                    Column::Stage,
                    format!(
                        "\u{201c}{}\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3",
                        excerpt(&text)
                    ),
                );
                None
            }
        }
    }

    fn outcome(&mut self) -> Option<Outcome> {
        let text = self.cell(Column::Outcome).to_owned();
        let outcome = read_outcome(&text);
        if outcome.is_none() {
            self.fault(
                Column::Outcome,
                format!(
                    "\u{201c}{}\u{201d} is not an outcome: upheld, partly upheld, not upheld, withdrawn, early resolution, or blank while open", excerpt(&text)),
            );
        }
        outcome
    }

    /// The acknowledgement and response come after receipt, and a closed
    /// complaint has a response.
    fn dates_in_order(
        &mut self,
        received: Option<NaiveDate>,
        acknowledged: Option<NaiveDate>,
        responded: Option<NaiveDate>,
        outcome: Option<Outcome>,
    ) {
        if let (Some(r), Some(done)) = (received, responded) {
            if done < r {
                self.fault(
                    Column::Responded,
                    format!("the response ({done}) is before the complaint was received ({r})"),
                );
            }
        }
        if let (Some(r), Some(ack)) = (received, acknowledged) {
            if ack < r {
                self.fault(
                    Column::Acknowledged,
                    format!(
                        "the acknowledgement ({ack}) is before the complaint was received ({r})"
                    ),
                );
            }
        }
        if outcome.is_some_and(|o| o != Outcome::StillOpen)
            && responded.is_none()
            && self.cell(Column::Responded).is_empty()
        {
            self.fault(
                Column::Responded,
                "a closed complaint needs the date of its response".into(),
            );
        }
    }

    /// The row's complaint, each fault in it noted; `None` where a fault
    /// leaves it without a procedure, receipt, stage or outcome.
    fn case(&mut self, seen: &mut BTreeMap<String, usize>) -> Option<Case> {
        let reference = self.reference(seen);
        let procedure = self.procedure();
        let received = self.date(Column::Received, true);
        let acknowledged = self.date(Column::Acknowledged, false);
        let responded = self.date(Column::Responded, false);
        let stage = self.stage();
        let outcome = self.outcome();
        self.dates_in_order(received, acknowledged, responded, outcome);
        let category = Some(self.cell(Column::Category).to_owned()).filter(|c| !c.is_empty());
        Some(Case {
            reference,
            procedure: procedure?,
            received: received?,
            stage: stage?,
            category,
            outcome: outcome?,
            acknowledged,
            responded,
        })
    }
}

/// Reads a case list. Columns are found by header name (any order):
/// reference, procedure, received, stage, category, outcome, acknowledged,
/// responded. Every row is checked; any fault refuses the whole file, and
/// each is named by row and column.
pub fn read_cases(text: &str) -> Result<Vec<Case>, Vec<CsvError>> {
    let rows = read_rows(text).map_err(|e| vec![e])?;
    // Numbered as the spreadsheet numbers them; rows with nothing in them
    // are passed over, and the first that has something is the header.
    let mut filled = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (i + 1, row))
        .filter(|(_, row)| !is_empty_row(row));
    let Some((header_row, header)) = filled.next() else {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: "the file is empty: it needs a header row and one row per complaint".into(),
        }]);
    };
    let columns = Columns::of(header).map_err(|e| {
        vec![CsvError {
            row: header_row,
            ..e
        }]
    })?;
    let mut errors = vec![];
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let body: Vec<(usize, &Vec<String>)> = filled.collect();
    let cases: Vec<Case> = body
        .iter()
        .filter_map(|&(number, row)| {
            RowReader {
                number,
                row,
                columns: &columns,
                errors: &mut errors,
            }
            .case(&mut seen)
        })
        .collect();
    if body.is_empty() {
        errors.push(CsvError {
            row: header_row + 1,
            column: None,
            message: "there are no complaints below the header row".into(),
        });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}
