//! The share of complaints answered within the procedure's timescale.

use super::figure::{label_of, per_year, share_datum, small_base_note, table_by_year, Figure};
use super::{find, percent, share, Choice};
use crate::charts::bars::{Series, NOT_GIVEN};
use crate::complaints::cases::timescale;
use crate::domain::snapshot::Snapshot;

/// The share answered within the procedure's timescale, year by year.
pub fn timeliness(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let received = per_year(snapshot, choice, &window, |c| c.received);
    let exceeded = per_year(snapshot, choice, &window, |c| c.exceeded_timescale);
    let within: Vec<Option<u32>> = received
        .iter()
        .zip(&exceeded)
        .map(|(r, e)| Some(r.as_ref()?.saturating_sub(*e.as_ref()?)))
        .collect();
    let limit = timescale(choice.procedure, 1)
        .map(|t| t.describe())
        .unwrap_or_else(|| "its".into());
    let values = within
        .iter()
        .zip(&received)
        .map(|(w, r)| Some(share_datum((*w)?, (*r)?)))
        .collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.and_then(|c| Some((c.exceeded_timescale?, c.received?))) {
        Some((over, base)) => format!(
            "In {}, {} {} complaints went beyond the {limit} timescale.",
            choice.year,
            share(over, base),
            choice.procedure.noun()
        ),
        None => format!(
            "No count of {} complaints beyond the timescale is given for {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    let mut table = table_by_year(
        &window,
        &[
            ("Beyond the timescale", exceeded.clone()),
            ("Within the timescale", within.clone()),
            ("Received (the base)", received.clone()),
        ],
    );
    table.head.push("Share within".into());
    for (row, (w, r)) in table.rows.iter_mut().zip(within.iter().zip(&received)) {
        row.push(match (w, r) {
            (Some(w), Some(r)) => percent(*w, *r)
                .map_or_else(|| "Too few for a percentage".into(), |p| format!("{p}%")),
            _ => NOT_GIVEN.into(),
        });
    }
    let bases: Vec<Option<u32>> = within
        .iter()
        .zip(&received)
        .map(|(w, r)| w.and(*r))
        .collect();
    Figure {
        id: "timeliness",
        title: format!(
            "Complaints answered within the timescale ({limit}): {}",
            choice.procedure.label()
        ),
        labels: label_of(&window),
        series: vec![Series {
            name: "Within the timescale".into(),
            values,
        }],
        summary,
        note: small_base_note(&bases),
        table,
    }
    .starting_at_first_figure()
}
