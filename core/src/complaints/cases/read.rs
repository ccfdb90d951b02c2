//! Reading a case list: columns found by their header, every row checked,
//! and any fault refusing the whole file, named by row and column.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Case;
use crate::dates::read_date;
use crate::domain::complaints::{Outcome, Procedure};
use crate::indicators::csv::{parse_rows, CsvError};

const COLUMNS: [&str; 8] = [
    "reference",
    "procedure",
    "received",
    "stage",
    "category",
    "outcome",
    "acknowledged",
    "responded",
];

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

/// Reads a case list. Columns are found by header name (any order):
/// reference, procedure, received, stage, category, outcome, acknowledged,
/// responded. Every row is checked; any fault refuses the whole file, and
/// each is named by row and column.
pub fn read_cases(text: &str) -> Result<Vec<Case>, Vec<CsvError>> {
    let rows = parse_rows(text).map_err(|e| vec![e])?;
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: "the file is empty: it needs a header row and one row per complaint".into(),
        }]);
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let at = |name: &str| names.iter().position(|h| h == name);
    let missing: Vec<&str> = ["reference", "procedure", "received", "stage"]
        .into_iter()
        .filter(|c| at(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: format!(
                "the header row has no {} column: the columns are {}",
                missing.join(", "),
                COLUMNS.join(", ")
            ),
        }]);
    }
    let mut errors = vec![];
    let mut cases = vec![];
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, row) in body.iter().enumerate() {
        let number = i + 2;
        let cell = |name: &str| {
            at(name)
                .and_then(|c| row.get(c))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut fault = |column: &'static str, message: String| {
            errors.push(CsvError {
                row: number,
                column: Some(column),
                message,
            })
        };
        let reference = cell("reference").to_owned();
        if reference.is_empty() {
            fault("reference", "the complaint has no reference".into());
        } else if let Some(first) = seen.insert(reference.clone(), number) {
            fault(
                "reference",
                format!("{reference} is also on row {first}: each complaint once"),
            );
        }
        let procedure = read_procedure(cell("procedure"));
        if procedure.is_none() {
            fault(
                "procedure",
                format!(
                    "\u{201c}{}\u{201d} is not a procedure: write adult social care, children statutory, children non-statutory or corporate",
                    cell("procedure")
                ),
            );
        }
        let mut date = |column: &'static str, required: bool| -> Option<NaiveDate> {
            let text = cell(column);
            if text.is_empty() {
                if required {
                    fault(column, "the date is missing".into());
                }
                return None;
            }
            let parsed = read_date(text);
            if parsed.is_none() {
                fault(column, format!("\u{201c}{text}\u{201d} is not a date: write it as 31/10/2019 or 2019-10-31"));
            }
            parsed
        };
        let received = date("received", true);
        let acknowledged = date("acknowledged", false);
        let responded = date("responded", false);
        let stage = match cell("stage").parse::<u8>() {
            Ok(s) if s <= 3 => Some(s),
            _ => {
                fault(
                    "stage",
                    format!(
                        "\u{201c}{}\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3",
                        cell("stage")
                    ),
                );
                None
            }
        };
        let outcome = read_outcome(cell("outcome"));
        if outcome.is_none() {
            fault(
                "outcome",
                format!(
                    "\u{201c}{}\u{201d} is not an outcome: upheld, partly upheld, not upheld, withdrawn, early resolution, or blank while open",
                    cell("outcome")
                ),
            );
        }
        if let (Some(r), Some(done)) = (received, responded) {
            if done < r {
                fault(
                    "responded",
                    format!("the response ({done}) is before the complaint was received ({r})"),
                );
            }
        }
        if let (Some(r), Some(ack)) = (received, acknowledged) {
            if ack < r {
                fault(
                    "acknowledged",
                    format!(
                        "the acknowledgement ({ack}) is before the complaint was received ({r})"
                    ),
                );
            }
        }
        if outcome.is_some_and(|o| o != Outcome::StillOpen)
            && responded.is_none()
            && cell("responded").is_empty()
        {
            fault(
                "responded",
                "a closed complaint needs the date of its response".into(),
            );
        }
        if let (Some(procedure), Some(received), Some(stage), Some(outcome)) =
            (procedure, received, stage, outcome)
        {
            let category = Some(cell("category").to_owned()).filter(|c| !c.is_empty());
            cases.push(Case {
                reference,
                procedure,
                received,
                stage,
                category,
                outcome,
                acknowledged,
                responded,
            });
        }
    }
    if body.is_empty() {
        errors.push(CsvError {
            row: 2,
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
