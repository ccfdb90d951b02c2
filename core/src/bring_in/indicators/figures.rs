//! A row's figures, comparators and target, read from its cells.

use super::*;
use crate::text::excerpt;

impl Reading<'_> {
    /// The figure (or why it is missing) and comparators of a long row.
    pub(super) fn long_row(&mut self, row: usize, at: At) {
        let period_col = col(&self.found, "period").unwrap_or(0);
        let period_text = self.table.cell(row, period_col).to_owned();
        let period = match (period_text.is_empty(), period_text.parse::<Period>()) {
            (true, _) => None,
            (false, Ok(p)) => Some(p),
            (false, Err(e)) => return self.fail(row, period_col, e.to_string()),
        };
        for (key, kind) in [
            ("england", ComparatorKind::England),
            ("region", ComparatorKind::Region),
            (
                "statistical_neighbours",
                ComparatorKind::StatisticalNeighbours,
            ),
        ] {
            let Some(c) = col(&self.found, key) else {
                continue;
            };
            let period_key = format!("{key}_period");
            let own = match col(&self.found, &period_key) {
                None => Some(period),
                Some(pc) => match self.table.cell(row, pc) {
                    "" => Some(None),
                    text => match text.parse::<Period>() {
                        Ok(p) => Some(Some(p)),
                        Err(e) => {
                            self.fail(row, pc, e.to_string());
                            None
                        }
                    },
                },
            };
            if let Some(p) = own {
                self.comparator_cell(row, c, at, kind, p);
            }
        }
        let value_col = col(&self.found, "value").unwrap_or(0);
        let value_text = self.table.cell(row, value_col).to_owned();
        let missing_col = col(&self.found, "missing_reason");
        let missing_text = self.cell(row, missing_col).to_owned();
        if value_text.is_empty() && missing_text.is_empty() {
            return;
        }
        let Some(period) = period else {
            return self.fail(row, period_col, "the row gives a figure but no period");
        };
        let unit = self.indicator(at).unit;
        let value = if value_text.is_empty() {
            match Value::parse(&missing_text, unit) {
                Ok(v @ Value::Missing { .. }) => v,
                _ => {
                    let reasons = [
                        MissingReason::NotReported,
                        MissingReason::NewMeasure,
                        MissingReason::NotYetAvailable,
                        MissingReason::NotCollected,
                        MissingReason::NotApplicable,
                    ]
                    .map(|r| r.label())
                    .join(", ");
                    let message = format!("\u{201c}{}\u{201d} is not a reason a figure is missing; use one of {reasons}", excerpt(&missing_text));
                    return self.fail(row, missing_col.unwrap_or(value_col), message);
                }
            }
        } else {
            match read_cell(&value_text, unit, Some(period)) {
                Ok(cell) if cell.period.is_some_and(|p| p != period) => {
                    let message = format!("the figure \u{201c}{}\u{201d} gives its own period, but the row's is {period}", excerpt(&value_text));
                    return self.fail(row, value_col, message);
                }
                Ok(cell) => cell.value,
                Err(reason) => return self.fail(row, value_col, reason),
            }
        };
        let value = match self.parts(row, value) {
            Some(v) => v,
            None => return,
        };
        if let Some(problem) = value.range_problem(unit) {
            return self.fail(row, value_col, problem);
        }
        self.given.push(Given {
            row,
            column: value_col,
            at,
            period: Some(period),
            comparator: None,
            region_name: None,
            value,
        });
    }

    /// The figure with the row's numerator and denominator, where given.
    pub(super) fn parts(&mut self, row: usize, value: Value) -> Option<Value> {
        let mut part = |key: &str| -> Result<Option<f64>, ()> {
            let Some(c) = col(&self.found, key) else {
                return Ok(None);
            };
            let text = self.table.cell(row, c).to_owned();
            if text.is_empty() {
                return Ok(None);
            }
            match read_number(&text) {
                Some(n) if n >= 0.0 => Ok(Some(n)),
                _ => {
                    self.fail(
                        row,
                        c,
                        format!("\u{201c}{}\u{201d} is not a number", excerpt(&text)),
                    );
                    Err(())
                }
            }
        };
        let (n, d) = (part("numerator"), part("denominator"));
        let (Ok(n), Ok(d)) = (n, d) else {
            return None;
        };
        Some(match value {
            Value::Figure {
                value,
                decimals,
                numerator,
                denominator,
            } => Value::Figure {
                value,
                decimals,
                numerator: n.or(numerator),
                denominator: d.or(denominator),
            }
            .kept(),
            missing => missing,
        })
    }

    /// A comparator's cell, where filled.
    pub(super) fn comparator_cell(
        &mut self,
        row: usize,
        column: usize,
        at: At,
        kind: ComparatorKind,
        period: Option<Period>,
    ) {
        let text = self.table.cell(row, column).to_owned();
        if text.is_empty() {
            return;
        }
        let unit = self.indicator(at).unit;
        let cell = match read_cell(&text, unit, period) {
            Ok(cell) => cell,
            Err(reason) => return self.fail(row, column, reason),
        };
        if let Some(problem) = cell.value.range_problem(unit) {
            return self.fail(row, column, problem);
        }
        let region_name = (kind == ComparatorKind::Region)
            .then(|| self.cell(row, col(&self.found, "region_name")).to_owned())
            .filter(|n| !n.is_empty());
        self.given.push(Given {
            row,
            column,
            at,
            period: cell.period.or(period),
            comparator: Some(kind),
            region_name,
            value: cell.value,
        });
    }

    /// A wide row's cell in a figure column.
    pub(super) fn wide_cell(&mut self, row: usize, column: usize, at: At, figures: Figures) {
        let text = self.table.cell(row, column).to_owned();
        if text.is_empty() {
            return;
        }
        let unit = self.indicator(at).unit;
        match figures {
            Figures::Of(kind, period) => self.comparator_cell(row, column, at, kind, period),
            Figures::Own(period) => {
                let cell = match read_cell(&text, unit, period) {
                    Ok(cell) => cell,
                    Err(reason) => return self.fail(row, column, reason),
                };
                let Some(own) = cell.period.or(period) else {
                    let message = format!("\u{201c}{}\u{201d} does not say its period, and the column does not either: write it after the figure in brackets, such as \u{201c}180 (Apr 17 - Mar 18)\u{201d}", excerpt(&text));
                    return self.fail(row, column, message);
                };
                if cell.period.is_some_and(|p| Some(p) != period) {
                    self.understood.push(Understood {
                        place: format!(
                            "Row {}, column \u{201c}{}\u{201d}",
                            row + 1,
                            self.heading(column)
                        ),
                        printed: text.clone(),
                        understood: format!("A figure for {own}"),
                    });
                }
                if let Some(problem) = cell.value.range_problem(unit) {
                    return self.fail(row, column, problem);
                }
                self.given.push(Given {
                    row,
                    column,
                    at,
                    period: Some(own),
                    comparator: None,
                    region_name: None,
                    value: cell.value,
                });
            }
        }
    }

    /// The row's standing target, where it gives one.
    pub(super) fn target(&mut self, row: usize, at: At) {
        let Some(c) = col(&self.found, "target").or(self.target_col) else {
            return;
        };
        let text = self.table.cell(row, c).to_owned();
        // "-" or "n/a" under a target: there is none for this indicator.
        if text.is_empty() || matches!(Value::parse(&text, Unit::Number), Ok(Value::Missing { .. }))
        {
            return;
        }
        let Some(value) = read_number(&text).filter(|v| *v >= 0.0) else {
            return self.fail(
                row,
                c,
                format!(
                    "\u{201c}{}\u{201d} is not a target: write it as a number, such as 50% or 4.5",
                    excerpt(&text)
                ),
            );
        };
        let percent = |key: &str, this: &mut Self| -> Result<Option<f64>, ()> {
            let Some(pc) = col(&this.found, key) else {
                return Ok(None);
            };
            let text = this.table.cell(row, pc).to_owned();
            if text.is_empty() {
                return Ok(None);
            }
            match read_number(&text) {
                Some(v) if (0.0..=100.0).contains(&v) => Ok(Some(v)),
                _ => {
                    this.fail(row, pc, format!("\u{201c}{}\u{201d} is not a tolerance: write it as a percentage of the target from 0 to 100, such as 5%", excerpt(&text)));
                    Err(())
                }
            }
        };
        let (Ok(amber), Ok(green)) = (percent("tolerance", self), percent("green_within", self))
        else {
            return;
        };
        let amber = amber.unwrap_or(self.next.settings.amber_within);
        let rule_col = col(&self.found, "target_rule");
        let rule_text = normalise(self.cell(row, rule_col));
        let rule = match rule_text.as_str() {
            "" | "directional" => TargetRule::Directional {
                amber_within: amber,
            },
            "goal post" | "goalpost" => match green {
                Some(green_within) if green_within <= amber => TargetRule::GoalPost {
                    green_within,
                    amber_within: amber,
                },
                Some(_) => {
                    return self.fail(
                        row,
                        col(&self.found, "green_within").unwrap_or(c),
                        "a goal post's green tolerance must be no wider than its amber one",
                    );
                }
                None => {
                    return self.fail(row, rule_col.unwrap_or(c), "a goal post target needs its green tolerance in the green_within column, such as 2.5%");
                }
            },
            _ => {
                let printed = self.cell(row, rule_col).to_owned();
                return self.fail(
                    row,
                    rule_col.unwrap_or(c),
                    format!(
                        "\u{201c}{}\u{201d} is not a target rule: write directional or goal post",
                        excerpt(&printed)
                    ),
                );
            }
        };
        if self.indicator(at).polarity == Polarity::None
            && matches!(rule, TargetRule::Directional { .. })
        {
            return self.fail(row, c, "an indicator that is context only (good is -) has no target to meet: leave the target empty, or make it a goal post");
        }
        let target = Target { value, rule };
        if let Some((_, first, _, t)) = self.targets.iter().find(|(a, ..)| *a == at) {
            if *t != target {
                let message = format!(
                    "row {} already gives this indicator a different target",
                    first + 1
                );
                self.fail(row, c, message);
            }
            return;
        }
        self.targets.push((at, row, c, target));
    }
}
