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

use chrono::NaiveDate;

use super::columns::{self, ColumnSpec, ColumnsError, Found, Mapping};
use super::{Changed, Fault, Plan, Refused, Table, Template, Understood};
use crate::dates::long_date;
use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::{count_of, Snapshot};
use crate::register::edit::{read_quarter, read_review, read_score, reference_form_fault};
use crate::register::rows::{or_not_given, score_text};

const SCORE: &str =
    "a score as registers print it: 16 (Major/Likely), 4x4 (impact first), L4 I4 or 16";

const fn spec(
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
fn meaning(key: &str) -> &'static str {
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

/// The text fields of an assessment that a column may give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Description,
    Type,
    Consequences,
    Controls,
    Actions,
    Owner,
    Direction,
}

impl Text {
    const ALL: [Text; 7] = [
        Text::Description,
        Text::Type,
        Text::Consequences,
        Text::Controls,
        Text::Actions,
        Text::Owner,
        Text::Direction,
    ];

    fn key(self) -> &'static str {
        match self {
            Text::Description => "description",
            Text::Type => "type",
            Text::Consequences => "consequences",
            Text::Controls => "controls",
            Text::Actions => "actions",
            Text::Owner => "owner",
            Text::Direction => "direction",
        }
    }

    /// As a change names it: "CR4 owner, Q1 2019/20".
    fn what(self) -> &'static str {
        match self {
            Text::Description => "description",
            Text::Type => "type",
            Text::Consequences => "consequences",
            Text::Controls => "controls",
            Text::Actions => "actions",
            Text::Owner => "owner",
            Text::Direction => "direction of travel",
        }
    }

    fn slot(self, a: &mut Assessment) -> &mut Option<String> {
        match self {
            Text::Description => &mut a.description,
            Text::Type => &mut a.risk_type,
            Text::Consequences => &mut a.consequences,
            Text::Controls => &mut a.controls,
            Text::Actions => &mut a.actions,
            Text::Owner => &mut a.owner,
            Text::Direction => &mut a.direction,
        }
    }
}

/// The three scores of an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Inherent,
    Residual,
    Target,
}

impl Layer {
    const ALL: [Layer; 3] = [Layer::Inherent, Layer::Residual, Layer::Target];

    /// The keys of its score, impact and likelihood columns.
    fn keys(self) -> [&'static str; 3] {
        match self {
            Layer::Inherent => ["inherent", "inherent_impact", "inherent_likelihood"],
            Layer::Residual => ["residual", "residual_impact", "residual_likelihood"],
            Layer::Target => ["target", "target_impact", "target_likelihood"],
        }
    }

    fn what(self) -> &'static str {
        self.keys()[0]
    }

    fn slot(self, a: &mut Assessment) -> &mut Option<Score> {
        match self {
            Layer::Inherent => &mut a.inherent,
            Layer::Residual => &mut a.residual,
            Layer::Target => &mut a.target,
        }
    }
}

/// Where each column is: `Found`, with the description standing in for a
/// missing title column.
struct Columns<'f> {
    found: &'f Found,
    title: usize,
}

impl Columns<'_> {
    fn at(&self, key: &str) -> Option<usize> {
        if key == "title" {
            return Some(self.title);
        }
        let at = self.found.column(REGISTER_COLUMNS, key);
        if key == "description" && at == Some(self.title) {
            return None;
        }
        at
    }

    fn heading(&self, key: &str) -> Option<String> {
        self.at(key).map(|at| self.found.heading(at))
    }
}

/// What one row gives for its entry's quarter: `None` where the column is
/// absent or the cell blank.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    /// The 0-based row of the table.
    at: usize,
    reference: String,
    kind: Option<EntryKind>,
    quarter: Period,
    title: Option<String>,
    texts: Vec<(Text, String)>,
    scores: Vec<(Layer, Score, String)>,
    next_review: Option<NaiveDate>,
}

/// Reads "Risk", "R", "Opportunity", "O", "Opp" in any case.
fn read_kind(text: &str) -> Option<EntryKind> {
    match text.trim().to_lowercase().as_str() {
        "risk" | "r" => Some(EntryKind::Risk),
        "opportunity" | "o" | "opp" => Some(EntryKind::Opportunity),
        _ => None,
    }
}

/// A level of 1 to 5 from an impact or likelihood cell.
fn read_level(text: &str) -> Option<u8> {
    text.trim().parse().ok().filter(|n| (1..=5).contains(n))
}

/// Reads one layer's score from its score column and its impact and
/// likelihood columns, which must agree where both are filled. `Ok(None)`
/// where all are blank; `Err` is each fault.
fn read_layer(
    table: &Table,
    cols: &Columns,
    r: usize,
    layer: Layer,
) -> Result<Option<(Score, String)>, Vec<Fault>> {
    let [score_key, impact_key, likelihood_key] = layer.keys();
    let cell = |key: &str| {
        cols.at(key)
            .map(|at| table.cell(r, at).to_owned())
            .filter(|c| !c.is_empty())
    };
    let heading = |key: &str| cols.heading(key);
    let mut faults = vec![];
    let printed = cell(score_key);
    let score = match &printed {
        Some(text) => match read_score(layer.what(), text) {
            Ok(score) => score,
            Err(message) => {
                faults.push(table.fault(r, heading(score_key).as_deref(), message));
                None
            }
        },
        None => None,
    };
    let pair = match (cell(impact_key), cell(likelihood_key)) {
        (None, None) => None,
        (Some(i), Some(l)) => {
            match (read_level(&i), read_level(&l)) {
                (Some(i), Some(l)) => Some((
                    Score::Rated {
                        impact: i,
                        likelihood: l,
                    },
                    format!("impact {i}, likelihood {l}"),
                )),
                (i_read, _) => {
                    let (key, text) = if i_read.is_none() {
                        (impact_key, i)
                    } else {
                        (likelihood_key, l)
                    };
                    faults.push(table.fault(
                    r,
                    heading(key).as_deref(),
                    format!("\u{201c}{text}\u{201d} is not a level: give a whole number from 1 to 5"),
                ));
                    None
                }
            }
        }
        (Some(_), None) => {
            faults.push(table.fault(
                r,
                heading(likelihood_key).as_deref(),
                format!(
                    "the {} impact is given but not its likelihood: give both, each 1 to 5",
                    layer.what()
                ),
            ));
            None
        }
        (None, Some(_)) => {
            faults.push(table.fault(
                r,
                heading(impact_key).as_deref(),
                format!(
                    "the {} likelihood is given but not its impact: give both, each 1 to 5",
                    layer.what()
                ),
            ));
            None
        }
    };
    if !faults.is_empty() {
        return Err(faults);
    }
    Ok(match (score, pair, printed) {
        (Some(score), Some((rated, _)), Some(text)) => {
            let agrees = match score {
                Score::Printed { value } => value == rated.value(),
                Score::Rated { .. } => score == rated,
            };
            if !agrees {
                let (i, l) = rated.cell().unwrap_or_default();
                return Err(vec![table.fault(
                    r,
                    heading(score_key).as_deref(),
                    format!(
                        "\u{201c}{text}\u{201d} disagrees with the impact {i} and likelihood {l} beside it, which give {}",
                        rated.value()
                    ),
                )]);
            }
            Some((rated, text))
        }
        (Some(score), None, Some(text)) => Some((score, text)),
        (None, Some(pair), _) => Some(pair),
        _ => None,
    })
}

/// Reads row `r`, or gives its faults.
fn read_row(table: &Table, cols: &Columns, r: usize) -> Result<Row, Vec<Fault>> {
    let cell = |key: &str| cols.at(key).map_or("", |at| table.cell(r, at));
    let heading = |key: &str| cols.heading(key);
    let mut faults = vec![];
    let reference = cell("reference").to_owned();
    if reference.is_empty() {
        faults.push(table.fault(
            r,
            heading("reference").as_deref(),
            "this row has no reference: give each row its entry's reference, for example CR1",
        ));
    } else if let Some(message) = reference_form_fault(&reference) {
        faults.push(table.fault(r, heading("reference").as_deref(), message));
    }
    let quarter_text = cell("quarter");
    let quarter = if quarter_text.is_empty() {
        faults.push(table.fault(
            r,
            heading("quarter").as_deref(),
            "this row has no quarter: give the quarter the assessment is for, for example Q2 2019/20",
        ));
        None
    } else {
        read_quarter(quarter_text)
            .map_err(|m| faults.push(table.fault(r, heading("quarter").as_deref(), m)))
            .ok()
    };
    let kind_text = cell("kind");
    let kind = if kind_text.is_empty() {
        None
    } else {
        let kind = read_kind(kind_text);
        if kind.is_none() {
            faults.push(table.fault(
                r,
                heading("kind").as_deref(),
                format!("\u{201c}{kind_text}\u{201d} is neither a risk nor an opportunity: write Risk or Opportunity (R or O)"),
            ));
        }
        kind
    };
    let mut scores = vec![];
    for layer in Layer::ALL {
        match read_layer(table, cols, r, layer) {
            Ok(Some((score, printed))) => scores.push((layer, score, printed)),
            Ok(None) => {}
            Err(mut more) => faults.append(&mut more),
        }
    }
    let next_review = read_review(cell("next_review"))
        .map_err(|m| faults.push(table.fault(r, heading("next_review").as_deref(), m)))
        .ok()
        .flatten();
    let given = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    let texts = Text::ALL
        .into_iter()
        .filter_map(|t| given(cell(t.key())).map(|v| (t, v)))
        .collect();
    match quarter {
        Some(quarter) if faults.is_empty() => Ok(Row {
            at: r,
            reference,
            kind,
            quarter,
            title: given(cell("title")),
            texts,
            scores,
            next_review,
        }),
        _ => Err(faults),
    }
}

/// The columns, with the description column as the title where the sheet
/// has no title column (as the seed packs print the register).
fn find_columns(table: &Table, chosen: &Mapping) -> Result<(Found, usize, bool), Refused> {
    match columns::find(table, REGISTER_COLUMNS, chosen) {
        Ok(found) => {
            let title = found.column(REGISTER_COLUMNS, "title").unwrap_or_default();
            Ok((found, title, false))
        }
        Err(ColumnsError::Unmatched { found, missing }) => {
            let only_title = missing.iter().all(|m| m.key == "title");
            match found.column(REGISTER_COLUMNS, "description") {
                Some(description) if only_title => Ok((found, description, true)),
                _ => Err(Refused::Columns(ColumnsError::Unmatched { found, missing })),
            }
        }
        Err(e) => Err(Refused::Columns(e)),
    }
}

/// How each column's heading was read.
fn columns_understood(cols: &Columns, title_from_description: bool) -> Vec<Understood> {
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
            place: format!("Column \u{201c}{heading}\u{201d}"),
            printed: heading,
            understood,
        });
    }
    out
}

/// Sentences about the headed columns not read, and cells in columns with
/// no heading.
fn not_read(table: &Table, cols: &Columns) -> Vec<String> {
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
fn repeats_header(table: &Table, cols: &Columns, r: usize) -> bool {
    let reference = cols.at("reference").map_or("", |at| table.cell(r, at));
    REGISTER_COLUMNS[0].matches(reference)
}

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
/// its kind, and its rows.
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
    let (found, title, title_from_description) = find_columns(table, chosen)?;
    let cols = Columns {
        found: &found,
        title,
    };
    let mut faults = vec![];
    let mut understood = columns_understood(&cols, title_from_description);
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
        faults.sort_by_key(|f| f.row);
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
                let mut assessment = Assessment {
                    period: row.quarter,
                    title: String::new(),
                    description: None,
                    risk_type: None,
                    consequences: None,
                    controls: None,
                    inherent: None,
                    actions: None,
                    residual: None,
                    target: None,
                    owner: None,
                    direction: None,
                    next_review: None,
                    notes: vec![],
                    source: None,
                };
                apply(&mut assessment, row, &entry.id, entry.kind, false);
                held.assessments.push(assessment);
            }
        }
    }
    let created = [
        (created.0, "entry", "entries"),
        (created.1, "quarterly assessment", "quarterly assessments"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count_of(n, one, many))
    .collect();
    Ok(Plan {
        snapshot: next,
        created,
        changed,
        understood,
        not_read,
    })
}

/// Each entry the rows name, with the faults between rows: a risk in one row and an opportunity in another, a kind
/// other than the one held, a quarter after the entry left the register,
/// and a new quarter with no title.
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
    inferred.sort_by_key(|(at, _)| *at);
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
        let Ok(quarter) = read_quarter(cell(r, "quarter")) else {
            continue;
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
