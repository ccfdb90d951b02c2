//! What was read, applied to the snapshot: each change listed, each new
//! thing counted, or every fault.

use super::*;
use crate::sort;

/// What applying the file did so far: each held value changed, and how
/// many figures, comparators and targets are new.
#[derive(Default)]
struct Tally {
    changed: Vec<Changed>,
    figures: usize,
    comparators: usize,
    targets: usize,
}

/// Each figure applied: by which, where in the file and its value.
type Seen = std::collections::HashMap<FigureKey, Vec<((usize, usize), Value)>>;

impl Reading<'_> {
    /// Applies what was read, or gives every fault.
    pub(super) fn finish(mut self) -> Result<Plan, Refused> {
        let mut tally = Tally::default();
        let mut seen: Seen = Seen::new();
        for g in std::mem::take(&mut self.given) {
            if self.repeats(&seen, &g) {
                continue;
            }
            seen.entry((g.at, g.comparator, g.period))
                .or_default()
                .push(((g.row, g.column), g.value.clone()));
            match g.comparator {
                None => self.apply_figure(g, &mut tally),
                Some(kind) => self.apply_comparator(kind, g, &mut tally),
            }
        }
        self.apply_targets(&mut tally);
        if !self.faults.is_empty() {
            sort::by_key(&mut self.faults, |f| f.row);
            return Err(Refused::Faults(self.faults));
        }
        let not_read = self.not_read();
        let created_count = self.created.len();
        let mut next = self.next;
        for indicator in self.created {
            // After its area's last indicator, so the tables keep the file's order.
            let at = next
                .indicators
                .iter()
                .rposition(|i| i.service_area == indicator.service_area)
                .map_or(next.indicators.len(), |i| i + 1);
            next.indicators.insert(at, indicator);
        }
        let created = super::super::created_counts(&[
            (self.created_areas, "service area", "service areas"),
            (created_count, "indicator", "indicators"),
            (tally.figures, "figure", "figures"),
            (tally.comparators, "comparator", "comparators"),
            (tally.targets, "target", "targets"),
        ]);
        Ok(Plan {
            snapshot: next,
            created,
            changed: tally.changed,
            understood: self.understood,
            not_read,
        })
    }

    /// Whether an earlier cell gave the same figure; a fault where it gave
    /// another. A comparator whose period is not stated is one of several a
    /// pack may hold (each from its own report): only the same figure again
    /// is the same one.
    fn repeats(&mut self, seen: &Seen, g: &Given) -> bool {
        let undated = g.comparator.is_some() && g.period.is_none();
        let Some(((first_row, first_column), value)) =
            seen.get(&(g.at, g.comparator, g.period)).and_then(|given| {
                given
                    .iter()
                    .find(|(_, value)| !undated || value.same_as(&g.value))
            })
        else {
            return false;
        };
        if !value.same_as(&g.value) {
            let what = match (g.comparator, g.period) {
                (None, Some(p)) => format!("a figure for {p}"),
                (Some(k), Some(p)) => format!("the {} for {p}", k.label()),
                (Some(k), None) => format!("the {} (period not stated)", k.label()),
                (None, None) => "a figure".to_owned(),
            };
            let name = &self.indicator(g.at).name;
            let message = if *first_row == g.row {
                format!(
                    "the column \u{201c}{}\u{201d} already gives {name} {what}, and a different figure",
                    self.heading(*first_column)
                )
            } else {
                format!("row {} already gives {name} {what}", first_row + 1)
            };
            self.fail(g.row, g.column, message);
        }
        true
    }

    /// The council's own figure: new, changed (and listed), or as held.
    fn apply_figure(&mut self, g: Given, tally: &mut Tally) {
        let Some(period) = g.period else { return };
        let indicator = self.indicator(g.at);
        let unit = indicator.unit;
        match indicator.value_for(&period).map(|o| &o.value) {
            Some(b) if *b == g.value => return,
            Some(b) => tally.changed.push(Changed {
                what: format!("{}, {period}", indicator.name),
                now: b.display(unit),
                from_file: g.value.display(unit),
            }),
            None => tally.figures += 1,
        }
        self.indicator_mut(g.at).set_figure(period, g.value);
    }

    /// A comparator: one held of its kind and period is replaced (and the
    /// change listed), otherwise it is added.
    fn apply_comparator(&mut self, kind: ComparatorKind, g: Given, tally: &mut Tally) {
        let indicator = self.indicator(g.at);
        let unit = indicator.unit;
        let held = indicator.comparators.iter().position(|c| {
            c.kind == kind
                && c.period == g.period
                && (g.period.is_some() || c.value.same_as(&g.value))
        });
        let when = g
            .period
            .map_or_else(|| "period not stated".to_owned(), |p| p.to_string());
        let held_name = held.and_then(|i| indicator.comparators[i].name.clone());
        match held.map(|i| &indicator.comparators[i]) {
            Some(h)
                if h.value.same_as(&g.value)
                    && (g.region_name.is_none() || h.name == g.region_name) =>
            {
                return
            }
            Some(h) => tally.changed.push(Changed {
                what: format!("{}, {} ({when})", indicator.name, kind.label()),
                now: h.value.display(unit),
                from_file: g.value.display(unit),
            }),
            None => tally.comparators += 1,
        }
        let comparator = Comparator {
            kind,
            name: g.region_name.or(held_name),
            period: g.period,
            value: g.value,
            source: None,
        };
        let list = &mut self.indicator_mut(g.at).comparators;
        match held {
            Some(i) => list[i] = comparator,
            None => list.push(comparator),
        }
    }

    /// Each standing target: new, changed (and listed), or as held.
    fn apply_targets(&mut self, tally: &mut Tally) {
        for (at, _, _, target) in std::mem::take(&mut self.targets) {
            let indicator = self.indicator(at);
            match indicator.target {
                Some(t) if t == target => continue,
                Some(t) => tally.changed.push(Changed {
                    what: format!("{}, target", indicator.name),
                    now: target_text(&t, indicator.unit),
                    from_file: target_text(&target, indicator.unit),
                }),
                None => tally.targets += 1,
            }
            self.indicator_mut(at).target = Some(target);
        }
    }

    /// Sentences for the filled columns not read, and the held indicators
    /// the file describes otherwise.
    pub(super) fn not_read(&self) -> Vec<String> {
        let width = self.table.rows.iter().map(Vec::len).max().unwrap_or(0);
        let unread: Vec<String> = (0..width)
            .filter(|c| !self.read_columns.contains(c))
            .filter(|&c| {
                (self.found.header_row + 1..self.table.rows.len())
                    .any(|r| !self.table.cell(r, c).is_empty() && self.area_heading(r).is_none())
            })
            .map(|c| self.heading(c))
            .collect();
        let mut out = vec![];
        if !unread.is_empty() {
            let (word, verb) = if unread.len() == 1 {
                ("column", "was")
            } else {
                ("columns", "were")
            };
            out.push(format!(
                "The {word} {} {verb} not read: Scrutineer does not hold what {}.",
                quoted_list(&unread),
                if unread.len() == 1 {
                    "it gives"
                } else {
                    "they give"
                }
            ));
        }
        out.extend(self.differing.iter().cloned());
        out
    }
}

/// A target as the preview shows it: "50.0% (amber within 5%)".
pub(super) fn target_text(target: &Target, unit: Unit) -> String {
    let shown = Value::figure(target.value, 1).display(unit);
    match target.rule {
        TargetRule::Directional { amber_within } => {
            format!("{shown} (amber within {amber_within}%)")
        }
        TargetRule::GoalPost {
            green_within,
            amber_within,
        } => {
            format!(
                "{shown} (goal post: green within {green_within}%, amber within {amber_within}%)"
            )
        }
    }
}
