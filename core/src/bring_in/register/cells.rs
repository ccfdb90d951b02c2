//! One row of a register sheet read: its reference, kind and quarter, its
//! texts, and its scores from a score column or impact and likelihood
//! columns.

use crate::text::excerpt;
use chrono::NaiveDate;

use super::super::{Fault, Table};
use super::headings::Columns;
use crate::domain::period::Period;
use crate::domain::register::Assessment;
use crate::domain::risk::{EntryKind, Score};
use crate::register::edit::{read_quarter, read_review, read_score, reference_form_fault};

/// The text fields of an assessment that a column may give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Text {
    Description,
    Type,
    Consequences,
    Controls,
    Actions,
    Owner,
    Direction,
}

impl Text {
    pub(super) const ALL: [Text; 7] = [
        Text::Description,
        Text::Type,
        Text::Consequences,
        Text::Controls,
        Text::Actions,
        Text::Owner,
        Text::Direction,
    ];

    pub(super) fn key(self) -> &'static str {
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
    pub(super) fn what(self) -> &'static str {
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

    pub(super) fn slot(self, a: &mut Assessment) -> &mut Option<String> {
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
pub(super) enum Layer {
    Inherent,
    Residual,
    Target,
}

impl Layer {
    pub(super) const ALL: [Layer; 3] = [Layer::Inherent, Layer::Residual, Layer::Target];

    /// The keys of its score, impact and likelihood columns.
    pub(super) fn keys(self) -> [&'static str; 3] {
        match self {
            Layer::Inherent => ["inherent", "inherent_impact", "inherent_likelihood"],
            Layer::Residual => ["residual", "residual_impact", "residual_likelihood"],
            Layer::Target => ["target", "target_impact", "target_likelihood"],
        }
    }

    pub(super) fn what(self) -> &'static str {
        self.keys()[0]
    }

    pub(super) fn slot(self, a: &mut Assessment) -> &mut Option<Score> {
        match self {
            Layer::Inherent => &mut a.inherent,
            Layer::Residual => &mut a.residual,
            Layer::Target => &mut a.target,
        }
    }
}

/// What one row gives for its entry's quarter: `None` where the column is
/// absent or the cell blank.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    /// The 0-based row of the table.
    pub(super) at: usize,
    pub(super) reference: String,
    pub(super) kind: Option<EntryKind>,
    pub(super) quarter: Period,
    pub(super) title: Option<String>,
    pub(super) texts: Vec<(Text, String)>,
    pub(super) scores: Vec<(Layer, Score, String)>,
    pub(super) next_review: Option<NaiveDate>,
}

/// Reads "Risk", "R", "Opportunity", "O", "Opp" in any case.
pub(super) fn read_kind(text: &str) -> Option<EntryKind> {
    match text.trim().to_lowercase().as_str() {
        "risk" | "r" => Some(EntryKind::Risk),
        "opportunity" | "o" | "opp" => Some(EntryKind::Opportunity),
        _ => None,
    }
}

/// A level of 1 to 5 from an impact or likelihood cell.
pub(super) fn read_level(text: &str) -> Option<u8> {
    text.trim().parse().ok().filter(|n| (1..=5).contains(n))
}

/// Reads one layer's score from its score column and its impact and
/// likelihood columns, which must agree where both are filled. `Ok(None)`
/// where all are blank; `Err` is each fault.
pub(super) fn read_layer(
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
        (Some(i), Some(l)) => match (read_level(&i), read_level(&l)) {
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
                    format!(
                        "\u{201c}{}\u{201d} is not a level: give a whole number from 1 to 5",
                        excerpt(&text)
                    ),
                ));
                None
            }
        },
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
                        "\u{201c}{}\u{201d} disagrees with the impact {i} and likelihood {l} beside it, which give {}",
                        excerpt(&text),
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
pub(super) fn read_row(table: &Table, cols: &Columns, r: usize) -> Result<Row, Vec<Fault>> {
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
    let quarter = if let (true, Some(quarter)) = (quarter_text.is_empty(), cols.quarter) {
        Some(quarter)
    } else if quarter_text.is_empty() {
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
                format!("\u{201c}{}\u{201d} is neither a risk nor an opportunity: write Risk or Opportunity (R or O)", excerpt(kind_text)),
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
