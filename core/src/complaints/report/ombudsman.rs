//! The Ombudsman's decisions: its uphold rate year by year, with its base.

use super::figure::{
    label_of, per_year, share_datum, small_base_note, table_by_year, Figure, Table,
};
use super::{find, n, percent, pounds, share, Choice};
use crate::charts::bars::{Series, NOT_GIVEN};
use crate::domain::complaints::{ComplaintsYear, Ombudsman, Outcome};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;

/// The Ombudsman's upheld decisions (upheld or partly upheld) and the base
/// they are a share of: decisions where given, otherwise investigations.
pub fn ombudsman_upheld(c: &ComplaintsYear) -> Option<(u32, u32)> {
    let o = c.ombudsman.as_ref()?;
    let upheld: Option<u32> = o
        .outcomes
        .iter()
        .filter(|x| matches!(x.outcome, Outcome::Upheld | Outcome::PartlyUpheld))
        .map(|x| x.count)
        .reduce(|a, b| a + b);
    Some((upheld?, o.decisions.or(o.investigations)?))
}

/// What the Ombudsman's upheld decisions are a share of: "decided" where
/// its decisions are given, otherwise "investigated".
pub(super) fn base_word(c: &ComplaintsYear) -> &'static str {
    if c.ombudsman.as_ref().is_some_and(|o| o.decisions.is_some()) {
        "decided"
    } else {
        "investigated"
    }
}

/// The chart's sentence: the chosen year's uphold rate, or what is given.
fn summary_of(choice: &Choice, this: Option<&ComplaintsYear>) -> String {
    if let Some(c) = this {
        if let Some((upheld, base)) = ombudsman_upheld(c) {
            return format!(
                "In {} the Ombudsman upheld {} {} complaints it {}.",
                choice.year,
                share(upheld, base),
                choice.procedure.noun(),
                base_word(c)
            );
        }
    }
    match this
        .and_then(|c| c.ombudsman.as_ref())
        .and_then(|o| o.investigations)
    {
        Some(inv) => format!(
            "In {} the Ombudsman investigated {} {} complaints; how many it upheld is not given.",
            choice.year,
            n(inv),
            choice.procedure.noun()
        ),
        None => format!(
            "No Ombudsman decisions are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    }
}

/// A year's last three cells: the uphold rate with its base, the other
/// decisions, and the settlements paid.
fn more_cells(held: Option<&Ombudsman>, rate: Option<(u32, u32)>) -> [String; 3] {
    let rate = match rate {
        Some((u, b)) => match percent(u, b) {
            Some(p) => format!("{p}% of {}", n(b)),
            None => format!("{} of {}", n(u), n(b)),
        },
        None => NOT_GIVEN.into(),
    };
    let others: Vec<String> = held
        .into_iter()
        .flat_map(|o| o.outcomes.iter())
        .filter(|x| !matches!(x.outcome, Outcome::Upheld | Outcome::PartlyUpheld))
        .map(|x| format!("{} {}", n(x.count), x.outcome.label().to_lowercase()))
        .collect();
    let others = if others.is_empty() {
        NOT_GIVEN.into()
    } else {
        others.join(", ")
    };
    let settlements = held
        .and_then(|o| o.settlements_paid)
        .map(pounds)
        .unwrap_or_else(|| NOT_GIVEN.into());
    [rate, others, settlements]
}

/// The table: the counts each year, then the rate, the other decisions
/// and the settlements.
fn table_of(
    snapshot: &Snapshot,
    choice: &Choice,
    window: &[Period],
    rate: &[Option<(u32, u32)>],
) -> Table {
    let pick = |f: fn(&Ombudsman) -> Option<u32>| {
        per_year(snapshot, choice, window, |c| {
            c.ombudsman.as_ref().and_then(f)
        })
    };
    let upheld: Vec<Option<u32>> = rate.iter().map(|r| r.map(|(u, _)| u)).collect();
    let mut table = table_by_year(
        window,
        &[
            ("Enquiries", pick(|o| o.enquiries)),
            ("Detailed investigations", pick(|o| o.investigations)),
            ("Decisions", pick(|o| o.decisions)),
            ("Upheld or partly upheld", upheld),
        ],
    );
    table
        .head
        .extend(["Uphold rate", "Other decisions", "Settlements paid"].map(String::from));
    for ((row, r), y) in table.rows.iter_mut().zip(rate).zip(window) {
        let held = find(snapshot, *y, choice.procedure).and_then(|c| c.ombudsman.as_ref());
        row.extend(more_cells(held, *r));
    }
    table
}

/// The Ombudsman's uphold rate, year by year, with its base.
pub fn ombudsman(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let rate: Vec<Option<(u32, u32)>> = window
        .iter()
        .map(|y| find(snapshot, *y, choice.procedure).and_then(ombudsman_upheld))
        .collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let bases: Vec<Option<u32>> = rate.iter().map(|r| r.map(|(_, b)| b)).collect();
    Figure {
        id: "ombudsman",
        title: format!(
            "Ombudsman complaints upheld each year: {}",
            choice.procedure.label()
        ),
        labels: label_of(&window),
        series: vec![Series {
            name: "Upheld or partly upheld".into(),
            values: rate
                .iter()
                .map(|r| r.map(|(u, b)| share_datum(u, b)))
                .collect(),
        }],
        summary: summary_of(choice, this),
        note: small_base_note(&bases),
        table: table_of(snapshot, choice, &window, &rate),
    }
    .starting_at_first_figure()
}
