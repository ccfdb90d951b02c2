//! The "enter figures" form's rules: which figure each box starts from, what
//! the officer has changed, and the entries to save, in the form's order.
//!
//! A box starts from the figure already held for the chosen period, shown as
//! soon as the period can be read. Only what the officer types counts as an
//! edit, so a box typed over is never mixed with the figure it replaces, and
//! a change of period keeps every edit while the untouched boxes follow it.

use std::collections::{BTreeMap, HashMap};

use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::indicators::edit::Entry;

/// Each indicator's figure for `period`, as the pack prints it, by indicator id.
pub fn held_figures(snapshot: &Snapshot, period: &Period) -> BTreeMap<String, String> {
    snapshot
        .indicators
        .iter()
        .filter_map(|i| {
            i.value_for(period)
                .map(|o| (i.id.clone(), o.value.display(i.unit)))
        })
        .collect()
}

/// What a box shows: the officer's text where they typed, else the held figure.
pub fn shown_text(
    held: &BTreeMap<String, String>,
    typed: &BTreeMap<String, String>,
    indicator: &str,
) -> String {
    typed
        .get(indicator)
        .or_else(|| held.get(indicator))
        .cloned()
        .unwrap_or_default()
}

/// A figure the form would change, for the officer to check before saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingChange {
    pub indicator: String,
    pub name: String,
    /// The figure held now, as printed; `None` where there is none yet.
    pub held: Option<String>,
    /// The figure as it will be saved, as printed.
    pub new: String,
}

impl PendingChange {
    /// "Changes 251 to 260", or "New figure: 260".
    pub fn describe(&self) -> String {
        match &self.held {
            Some(held) => format!("Changes {held} to {}", self.new),
            None => format!("New figure: {}", self.new),
        }
    }
}

/// Every typed figure that reads and differs from the one held for `period`,
/// in the snapshot's order. A box left empty, typed as the same figure in
/// another form ("2757" for "2,757"), or not yet readable, changes nothing
/// here (an unreadable one is refused when the form is saved).
pub fn pending_changes(
    snapshot: &Snapshot,
    period: &Period,
    typed: &BTreeMap<String, String>,
) -> Vec<PendingChange> {
    snapshot
        .indicators
        .iter()
        .filter_map(|i| {
            let text = typed.get(&i.id)?.trim();
            if text.is_empty() {
                return None;
            }
            let value = Value::parse(text, i.unit).ok()?;
            if value.range_problem(i.unit).is_some() {
                return None;
            }
            let held = i.value_for(period).map(|o| &o.value);
            (held != Some(&value)).then(|| PendingChange {
                indicator: i.id.clone(),
                name: i.name.clone(),
                held: held.map(|v| v.display(i.unit)),
                new: value.display(i.unit),
            })
        })
        .collect()
}

/// The typed entries in the snapshot's order (so refusals are listed as the
/// form shows them), each indicator once; ids the snapshot no longer holds last.
pub fn entries_in_order(snapshot: &Snapshot, typed: &BTreeMap<String, String>) -> Vec<Entry> {
    let position: HashMap<&str, usize> = snapshot
        .indicators
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id.as_str(), n))
        .collect();
    let mut entries: Vec<Entry> = typed
        .iter()
        .map(|(id, text)| Entry {
            indicator: id.clone(),
            text: text.clone(),
        })
        .collect();
    entries.sort_by_key(|e| {
        position
            .get(e.indicator.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::edit::enter_figures;

    fn q(label: &str) -> Period {
        label.parse().expect("a period")
    }

    fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn boxes_start_from_the_held_figures_and_show_what_was_typed() {
        let demo = Snapshot::demo();
        let held = held_figures(&demo, &q("Q1 2019/20"));
        assert_eq!(
            held.get("children-looked-after").map(String::as_str),
            Some("2,096 / 84.6")
        );
        let none = typed(&[]);
        assert_eq!(
            shown_text(&held, &none, "children-looked-after"),
            "2,096 / 84.6"
        );
        let mine = typed(&[("children-looked-after", "2,100 / 85.0")]);
        assert_eq!(
            shown_text(&held, &mine, "children-looked-after"),
            "2,100 / 85.0"
        );
        assert_eq!(shown_text(&held, &mine, "no-such-indicator"), "");
    }

    #[test]
    fn a_correction_is_a_change_against_the_held_figure_never_appended_to_it() {
        let demo = Snapshot::demo();
        let period = q("Q1 2019/20");
        let held = held_figures(&demo, &period);
        let was = held["children-looked-after"].clone();
        // The officer's text replaces the box; nothing of the held figure stays in it.
        let mine = typed(&[("children-looked-after", "2,800 / 113.0")]);
        let changes = pending_changes(&demo, &period, &mine);
        assert_eq!(
            changes,
            vec![PendingChange {
                indicator: "children-looked-after".into(),
                name: demo
                    .indicators
                    .iter()
                    .find(|i| i.id == "children-looked-after")
                    .map(|i| i.name.clone())
                    .expect("held"),
                held: Some(was.clone()),
                new: "2,800 / 113.0".into(),
            }]
        );
        assert_eq!(
            changes[0].describe(),
            format!("Changes {was} to 2,800 / 113.0")
        );
        let (saved, n) =
            enter_figures(&demo, period, &entries_in_order(&demo, &mine)).expect("reads");
        assert_eq!(n, 1);
        let shown = held_figures(&saved, &period);
        assert_eq!(shown["children-looked-after"], "2,800 / 113.0");
    }

    #[test]
    fn the_same_figure_typed_another_way_empty_or_unreadable_boxes_change_nothing() {
        let demo = Snapshot::demo();
        let period = q("Q1 2019/20");
        let held = held_figures(&demo, &period);
        let text = &held["children-looked-after"];
        assert!(
            text.contains(','),
            "a figure with a thousands comma: {text}"
        );
        let plain = text.replace(',', "");
        let mine = typed(&[
            ("children-looked-after", &plain),
            ("referrals", ""),
            ("contacts", "lots"),
        ]);
        assert_eq!(pending_changes(&demo, &period, &mine), vec![]);
    }

    #[test]
    fn a_period_with_no_figures_lists_new_ones() {
        let demo = Snapshot::demo();
        let period = q("Q3 2019/20");
        assert!(held_figures(&demo, &period).is_empty());
        let mine = typed(&[("children-looked-after", "2,150 / 86.8")]);
        let changes = pending_changes(&demo, &period, &mine);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].describe(), "New figure: 2,150 / 86.8");
    }

    #[test]
    fn entries_follow_the_snapshots_order_and_unknown_ids_come_last() {
        let demo = Snapshot::demo();
        let first = demo.indicators[0].id.clone();
        let third = demo.indicators[2].id.clone();
        let mine = typed(&[("zzz-gone", "1"), (&third, "2"), (&first, "3")]);
        let order: Vec<String> = entries_in_order(&demo, &mine)
            .into_iter()
            .map(|e| e.indicator)
            .collect();
        assert_eq!(order, vec![first, third, "zzz-gone".to_owned()]);
    }
}
