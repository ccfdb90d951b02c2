//! The comparators a CSV file gives, matched with those held: an equal one
//! changes nothing, another replaces the held one of its kind and period or
//! is added.

use crate::domain::indicator::{Comparator, ComparatorKind, Indicator};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::indicators::comparators::{comparator_label, usual_region_name};

use super::Change;

/// A comparator read from a row, waiting to be matched with those held.
pub(super) struct Incoming {
    pub(super) row: usize,
    pub(super) indicator: usize,
    pub(super) kind: ComparatorKind,
    /// The region's name; `None` where the file has no `region_name` column.
    pub(super) name: Option<Option<String>>,
    pub(super) period: Option<Period>,
    pub(super) value: Value,
}

/// Applies the comparators read: first each equal to one held is matched
/// with it (so a file that repeats what is held changes nothing, even where
/// several of a kind have the same period), then each other replaces the
/// last unmatched one held of its kind and period, or is added.
pub(super) fn apply_comparators(
    snapshot: &Snapshot,
    next: &mut Snapshot,
    incoming: Vec<Incoming>,
    changes: &mut Vec<(usize, Change)>,
) {
    // Which held comparators, by indicator, a comparator read has been matched with.
    let mut matched: Vec<Vec<bool>> = next
        .indicators
        .iter()
        .map(|i| vec![false; i.comparators.len()])
        .collect();
    let rest: Vec<Incoming> = incoming
        .into_iter()
        .filter(|c| {
            let held = &next.indicators[c.indicator].comparators;
            !match_equal(held, &mut matched[c.indicator], c)
        })
        .collect();
    let region = usual_region_name(snapshot);
    for c in rest {
        let (row, at) = (c.row, c.indicator);
        let indicator = &mut next.indicators[at];
        if let Some(change) = replace_or_add(indicator, &mut matched[at], c, &region) {
            changes.push((row, change));
        }
    }
}

/// Marks the first unmatched comparator in `held` equal to `c` as matched
/// in `done`; whether there was one.
fn match_equal(held: &[Comparator], done: &mut [bool], c: &Incoming) -> bool {
    let equal = held.iter().zip(done.iter()).position(|(h, done)| {
        !done
            && h.kind == c.kind
            && h.period == c.period
            && h.value.same_as(&c.value)
            && c.name.as_ref().is_none_or(|n| *n == h.name)
    });
    if let Some(j) = equal {
        done[j] = true;
    }
    equal.is_some()
}

/// Puts `c` in place of the indicator's last unmatched comparator of its
/// kind and period (keeping its name unless the file gives one), or adds it
/// (a region without a name taking `region`, the usual one); marks it
/// matched in `done`, and says what changed.
fn replace_or_add(
    indicator: &mut Indicator,
    done: &mut Vec<bool>,
    c: Incoming,
    region: &Option<String>,
) -> Option<Change> {
    let same = indicator
        .comparators
        .iter()
        .zip(done.iter())
        .rposition(|(h, done)| !done && h.kind == c.kind && h.period == c.period);
    let unit = indicator.unit;
    let (at, before) = match same {
        Some(j) => {
            let held = &mut indicator.comparators[j];
            let before = held.value.display(unit);
            held.value = c.value;
            if let Some(name) = c.name {
                held.name = name;
            }
            held.source = None;
            done[j] = true;
            (j, Some(before))
        }
        None => {
            let name = match c.name {
                Some(name) => name,
                None if c.kind == ComparatorKind::Region => region.clone(),
                None => None,
            };
            indicator.comparators.push(Comparator {
                kind: c.kind,
                name,
                period: c.period,
                value: c.value,
                source: None,
            });
            done.push(true);
            (indicator.comparators.len() - 1, None)
        }
    };
    let now = indicator.comparators.get(at)?;
    Some(Change {
        indicator_id: indicator.id.clone(),
        indicator: indicator.name.clone(),
        period: comparator_label(now.kind, now.name.as_deref(), now.period.as_ref()),
        comparator: Some(now.kind),
        before,
        after: now.value.display(unit),
    })
}
