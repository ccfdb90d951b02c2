//! The register's columns: the headings officers use for each, what each
//! is read as, and what in the file is not read.

use super::super::columns::{self, ColumnSpec, ColumnsError, Found, Mapping};
use super::super::labels::title_quarter;
use super::super::{Refused, Table, Understood};
use crate::domain::period::Period;
use crate::text::excerpt;

pub(super) const SCORE: &str =
    "a score as registers print it: 16 (Major/Likely), 4x4 (impact first), L4 I4 or 16";

pub(super) const fn spec(
    key: &'static str,
    also: &'static [&'static str],
    required: bool,
    accepts: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        key,
        also,
        required,
        accepts,
    }
}

/// The register's columns, in the template's order, with the headings
/// officers use for each (the seed packs' among them: "Risk Identification
/// Number (RIN)", "Risk Score", "Residual Score", "Progress to date").
pub const REGISTER_COLUMNS: &[ColumnSpec] = &[
    spec(
        "reference",
        &[
            "Ref",
            "Risk ref",
            "Risk reference",
            "ID",
            "Risk ID",
            "Risk No",
            "Risk number",
            "Risk Identification Number (RIN)",
            "Risk Identification Number",
            "RIN",
            "Opportunity Identification Number",
            "Opportunity ref",
            "Opportunity ID",
        ],
        true,
        "the entry's reference as the register prints it, e.g. CR1, CR1.2 or CO2",
    ),
    spec(
        "kind",
        &["Risk or opportunity", "R/O", "Risk/Opportunity"],
        false,
        "Risk or Opportunity (R or O); where blank, a reference beginning CO is an opportunity and any other a risk",
    ),
    spec(
        "quarter",
        &["Period", "Reporting quarter", "Qtr", "Review quarter"],
        true,
        "the quarter the assessment is for, e.g. Q2 2019/20 or Q2 19/20",
    ),
    spec(
        "title",
        &[
            "Risk title",
            "Opportunity title",
            "Risk",
            "Opportunity",
            "Risk name",
            "Name",
        ],
        true,
        "the title as the register words it; where there is no title column, the description is the title, as the packs print it",
    ),
    spec(
        "description",
        &[
            "Risk description",
            "Opportunity description",
            "Details",
        ],
        false,
        "a longer description of the entry",
    ),
    spec(
        "type",
        &[
            "Risk type",
            "Opportunity type",
            "Category",
            "Risk category",
            "Type of risk",
        ],
        false,
        "as the register prints it, e.g. Economic or People/Organisational",
    ),
    spec(
        "consequences",
        &[
            "Possible consequences",
            "Possible risk consequences",
            "Possible benefits",
            "Benefits",
        ],
        false,
        "possible consequences (of an opportunity: possible benefits)",
    ),
    spec(
        "controls",
        &[
            "Current controls",
            "Existing controls",
            "Controls in place",
            "Progress to date",
        ],
        false,
        "current controls (of an opportunity: progress to date)",
    ),
    spec(
        "inherent",
        &[
            "Inherent score",
            "Inherent risk score",
            "Risk score",
            "Opportunity score",
            "Gross score",
            "Gross risk score",
            "Original score",
            "Score before actions",
        ],
        false,
        SCORE,
    ),
    spec(
        "inherent_impact",
        &["Gross impact"],
        false,
        "the inherent impact, 1 to 5, beside an inherent likelihood column",
    ),
    spec(
        "inherent_likelihood",
        &["Gross likelihood"],
        false,
        "the inherent likelihood, 1 to 5, beside an inherent impact column",
    ),
    spec(
        "actions",
        &[
            "Mitigating actions",
            "Maximising actions",
            "Further actions",
            "Planned actions",
            "Action plan",
        ],
        false,
        "mitigating (of an opportunity: maximising) actions",
    ),
    spec(
        "residual",
        &[
            "Residual score",
            "Residual risk score",
            "Residual opportunity score",
            "Net score",
            "Net risk score",
            "Current score",
            "Current risk score",
            "Score after actions",
        ],
        false,
        SCORE,
    ),
    spec(
        "residual_impact",
        &["Net impact", "Current impact", "Impact"],
        false,
        "the residual impact, 1 to 5, beside a residual likelihood column (a column headed only Impact is this)",
    ),
    spec(
        "residual_likelihood",
        &[
            "Net likelihood",
            "Current likelihood",
            "Likelihood",
        ],
        false,
        "the residual likelihood, 1 to 5, beside a residual impact column (a column headed only Likelihood is this)",
    ),
    spec(
        "target",
        &["Target score", "Target risk score"],
        false,
        SCORE,
    ),
    spec(
        "target_impact",
        &[],
        false,
        "the target impact, 1 to 5, beside a target likelihood column",
    ),
    spec(
        "target_likelihood",
        &[],
        false,
        "the target likelihood, 1 to 5, beside a target impact column",
    ),
    spec(
        "owner",
        &[
            "Risk owner",
            "Opportunity owner",
            "Lead officer",
            "Responsible officer",
        ],
        false,
        "who owns the entry, e.g. Director of Children's Services",
    ),
    spec(
        "next_review",
        &["Next review date", "Review date", "Date of next review"],
        false,
        "a date, e.g. 31/10/2019 or 2019-10-31",
    ),
    spec(
        "direction",
        &[
            "Direction of travel",
            "Direction of travel and commentary",
            "DoT",
            "Trend",
            "Commentary",
            "Comments",
        ],
        false,
        "the direction of travel and commentary, as the register words it",
    ),
];

/// What each column is read as, for the preview.
pub(super) fn meaning(key: &str) -> &'static str {
    match key {
        "reference" => "The entry's reference",
        "kind" => "Risk or opportunity",
        "quarter" => "The quarter of the assessment",
        "title" => "The title",
        "description" => "The description",
        "type" => "The type",
        "consequences" => "Possible consequences (of an opportunity: possible benefits)",
        "controls" => "Current controls (of an opportunity: progress to date)",
        "inherent" => "Inherent score (before actions)",
        "inherent_impact" => "The inherent score's impact",
        "inherent_likelihood" => "The inherent score's likelihood",
        "actions" => "Mitigating (of an opportunity: maximising) actions",
        "residual" => "Residual score (after actions)",
        "residual_impact" => "The residual score's impact",
        "residual_likelihood" => "The residual score's likelihood",
        "target" => "Target score",
        "target_impact" => "The target score's impact",
        "target_likelihood" => "The target score's likelihood",
        "owner" => "The owner",
        "next_review" => "The next review date",
        "direction" => "Direction of travel and commentary",
        _ => "Not read",
    }
}

/// Where each column is: `Found`, with the description standing in for a
/// missing title column.
pub(super) struct Columns<'f> {
    pub(super) found: &'f Found,
    pub(super) title: usize,
    /// Without a quarter column, the one quarter the register's title names.
    pub(super) quarter: Option<Period>,
}

impl Columns<'_> {
    pub(super) fn at(&self, key: &str) -> Option<usize> {
        if key == "title" {
            return Some(self.title);
        }
        let at = self.found.column(REGISTER_COLUMNS, key);
        if key == "description" && at == Some(self.title) {
            return None;
        }
        at
    }

    pub(super) fn heading(&self, key: &str) -> Option<String> {
        self.at(key).map(|at| self.found.heading(at))
    }
}

/// The columns, with the description column as the title where the sheet
/// has no title column (as the seed packs print the register).
pub(super) fn find_columns(
    table: &Table,
    chosen: &Mapping,
) -> Result<(Found, usize, bool, Option<Period>), Refused> {
    match columns::find(table, REGISTER_COLUMNS, chosen) {
        Ok(found) => {
            let title = found.column(REGISTER_COLUMNS, "title").unwrap_or_default();
            Ok((found, title, false, None))
        }
        Err(ColumnsError::Unmatched { found, mut missing }) => {
            // A register of one quarter often names it in its title, not in a column.
            let titles = table.rows[..found.header_row]
                .iter()
                .flatten()
                .map(String::as_str)
                .chain(table.sheet.as_deref());
            let quarter = missing
                .iter()
                .any(|m| m.key == "quarter")
                .then(|| title_quarter(titles))
                .flatten();
            if quarter.is_some() {
                missing.retain(|m| m.key != "quarter");
            }
            let title = found.column(REGISTER_COLUMNS, "title");
            let description = found.column(REGISTER_COLUMNS, "description");
            let only_title = missing.iter().all(|m| m.key == "title");
            match (title, description) {
                (Some(title), _) if missing.is_empty() => Ok((found, title, false, quarter)),
                (_, Some(description)) if only_title => Ok((found, description, true, quarter)),
                _ => Err(Refused::Columns(ColumnsError::Unmatched { found, missing })),
            }
        }
        Err(e) => Err(Refused::Columns(e)),
    }
}

/// How each column's heading was read.
pub(super) fn columns_understood(cols: &Columns, title_from_description: bool) -> Vec<Understood> {
    let mut out = vec![];
    for spec in REGISTER_COLUMNS {
        let Some(at) = cols.at(spec.key) else {
            continue;
        };
        let heading = cols.found.heading(at);
        let understood = if spec.key == "title" && title_from_description {
            "The title: the sheet has no title column, so its description is the title, as the packs print it".to_owned()
        } else {
            meaning(spec.key).to_owned()
        };
        out.push(Understood {
            place: format!("Column \u{201c}{}\u{201d}", excerpt(&heading)),
            printed: heading,
            understood,
        });
    }
    out
}

/// Sentences about the headed columns not read, and cells in columns with
/// no heading.
pub(super) fn not_read(table: &Table, cols: &Columns) -> Vec<String> {
    let used: Vec<usize> = REGISTER_COLUMNS
        .iter()
        .filter_map(|s| cols.at(s.key))
        .collect();
    let headings = &cols.found.headings;
    let unread: Vec<String> = headings
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.trim().is_empty() && !used.contains(i))
        .map(|(_, h)| format!("\u{201c}{}\u{201d}", h.trim()))
        .collect();
    let mut out = vec![];
    match unread.as_slice() {
        [] => {}
        [one] => out.push(format!(
            "The column {one} is not read: the register holds nothing under that heading"
        )),
        [rest @ .., last] => out.push(format!(
            "The columns {} and {last} are not read: the register holds nothing under those headings",
            rest.join(", ")
        )),
    }
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    for at in 0..width {
        let headed = headings.get(at).is_some_and(|h| !h.trim().is_empty());
        let filled =
            (cols.found.header_row + 1..table.rows.len()).any(|r| !table.cell(r, at).is_empty());
        if !headed && filled && !used.contains(&at) {
            out.push(format!("Column {} has no heading and is not read", at + 1));
        }
    }
    out
}

/// Whether a row repeats the header (a second table's headings, such as the
/// opportunities' below the risks').
pub(super) fn repeats_header(table: &Table, cols: &Columns, r: usize) -> bool {
    let reference = cols.at("reference").map_or("", |at| table.cell(r, at));
    REGISTER_COLUMNS[0].matches(reference)
}
