//! Outcomes of the complaints closed, with their base.

use super::figure::{counts_by_year, per_year, Figure};
use super::{find, n, part_of, Choice, COMPLAINT_OUTCOMES};
use crate::domain::complaints::Outcome;
use crate::domain::snapshot::Snapshot;

/// Outcomes of complaints, stacked per year, with the base of closed complaints.
pub fn outcomes(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let columns: Vec<(&str, Vec<Option<u32>>)> = COMPLAINT_OUTCOMES
        .iter()
        .map(|o| {
            (
                o.label(),
                per_year(snapshot, choice, &window, |c| {
                    c.outcomes.iter().find(|x| x.outcome == *o).map(|x| x.count)
                }),
            )
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect();
    let closed = per_year(snapshot, choice, &window, |c| c.closed);
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.filter(|c| !c.outcomes.is_empty()) {
        Some(c) => {
            let count = |o: Outcome| {
                c.outcomes
                    .iter()
                    .filter(|x| x.outcome == o)
                    .map(|x| x.count)
                    .sum::<u32>()
            };
            let ended: u32 = c
                .outcomes
                .iter()
                .filter(|x| x.outcome != Outcome::StillOpen)
                .map(|x| x.count)
                .sum();
            let base = c.closed.unwrap_or(ended);
            let upheld = count(Outcome::Upheld) + count(Outcome::PartlyUpheld);
            format!(
                "Of {} closed {} complaints in {}, {} were upheld or partly upheld.",
                n(base),
                choice.procedure.noun(),
                choice.year,
                part_of(upheld, base)
            )
        }
        None => format!(
            "No outcomes are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    counts_by_year(
        "outcomes",
        format!(
            "Outcomes of complaints each year: {}",
            choice.procedure.label()
        ),
        &window,
        &columns,
        &[("Closed (the base)", closed)],
        summary,
    )
}
