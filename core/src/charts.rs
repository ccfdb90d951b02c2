//! Chart geometry: scales, "nice" ticks and SVG path data, so the views only
//! draw what is computed (and tested) here.
//!
//! Missing figures are gaps, never zeros: a line stops before a missing point
//! and starts again after it.

use std::fmt::Write as _;

use crate::sort;

pub mod bars;
pub mod lines;
pub mod xmr;

/// A linear map from data values to screen coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale { domain, range }
    }

    /// Where `value` falls on screen. A domain of one value maps to the range's middle.
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values covering `min..=max`, about `count` of them, stepping by
/// 1, 2 or 5 times a power of ten.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || count == 0 {
        return vec![];
    }
    let (min, max) = if min > max { (max, min) } else { (min, max) };
    if (max - min).abs() < f64::EPSILON {
        let step = nice_step(min.abs().max(1.0) / count as f64);
        let low = (min / step).floor() * step;
        return vec![low, low + step];
    }
    let step = nice_step((max - min) / count as f64);
    let first = (min / step).floor() * step;
    let last = (max / step).ceil() * step;
    let n = ((last - first) / step).round() as usize;
    (0..=n)
        .map(|i| tidy(first + i as f64 * step, step))
        .collect()
}

fn nice_step(rough: f64) -> f64 {
    let power = 10f64.powf(rough.log10().floor());
    let fraction = rough / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Removes floating-point dust such as 0.30000000000000004.
fn tidy(value: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let factor = 10f64.powi(decimals);
    let tidied = (value * factor).round() / factor;
    if tidied == 0.0 {
        0.0
    } else {
        tidied
    }
}

/// Decimal places that show every tick distinctly: 0 for steps of 1 or more.
pub fn tick_decimals(ticks: &[f64]) -> usize {
    match ticks {
        [a, b, ..] => {
            let step = (b - a).abs();
            if step >= 1.0 {
                0
            } else {
                (-step.log10().floor()) as usize
            }
        }
        _ => 0,
    }
}

/// SVG path data through the points in order, lifting the pen over gaps.
pub fn line_path(points: &[Option<(f64, f64)>]) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for point in points {
        match point {
            Some((x, y)) => {
                let command = if pen_down { 'L' } else { 'M' };
                if !d.is_empty() {
                    d.push(' ');
                }
                let _ = write!(d, "{command}{} {}", round2(*x), round2(*y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

pub(crate) fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A small trend line for a table cell: `values` spread across `width`,
/// scaled to `height` with a pixel of padding; gaps where missing.
pub fn sparkline(values: &[Option<f64>], width: f64, height: f64) -> String {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let (Some(min), Some(max)) = (
        present.iter().copied().reduce(f64::min),
        present.iter().copied().reduce(f64::max),
    ) else {
        return String::new();
    };
    let x = Scale::new(
        (0.0, values.len().saturating_sub(1) as f64),
        (1.0, width - 1.0),
    );
    let y = Scale::new((min, max), (height - 1.0, 1.0));
    let points: Vec<Option<(f64, f64)>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| (x.at(i as f64), y.at(v))))
        .collect();
    line_path(&points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_maps_ends_to_ends_and_flips_for_screen_y() {
        let y = Scale::new((0.0, 100.0), (200.0, 0.0));
        assert_eq!(y.at(0.0), 200.0);
        assert_eq!(y.at(100.0), 0.0);
        assert_eq!(y.at(25.0), 150.0);
        assert_eq!(Scale::new((5.0, 5.0), (0.0, 10.0)).at(5.0), 5.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        let cases: [(f64, f64, usize, &[f64]); 5] = [
            (0.0, 100.0, 5, &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]),
            (15.3, 26.6, 5, &[15.0, 20.0, 25.0, 30.0]),
            (
                871_039.0,
                928_172.0,
                4,
                &[860_000.0, 880_000.0, 900_000.0, 920_000.0, 940_000.0],
            ),
            (0.1, 0.21, 4, &[0.1, 0.15, 0.2, 0.25]),
            (57.0, 57.0, 4, &[40.0, 60.0]),
        ];
        for (min, max, count, expected) in cases {
            let ticks = nice_ticks(min, max, count);
            assert_eq!(ticks, expected, "{min}..{max}");
            assert!(ticks[0] <= min && *ticks.last().expect("ticks") >= max);
        }
        assert_eq!(nice_ticks(f64::NAN, 1.0, 4), Vec::<f64>::new());
    }

    #[test]
    fn tick_labels_get_the_decimals_their_step_needs() {
        assert_eq!(tick_decimals(&[0.0, 20.0]), 0);
        assert_eq!(tick_decimals(&[0.1, 0.125]), 2);
        assert_eq!(tick_decimals(&[14.0, 14.5]), 1);
    }

    #[test]
    fn lines_lift_the_pen_over_missing_figures() {
        let d = line_path(&[
            Some((0.0, 10.0)),
            Some((10.0, 5.5)),
            None,
            Some((30.0, 2.0)),
            Some((40.0, 1.0)),
        ]);
        assert_eq!(d, "M0 10 L10 5.5 M30 2 L40 1");
        assert_eq!(line_path(&[None, None]), "");
    }

    #[test]
    fn a_sparkline_spans_its_box_with_the_highest_figure_at_the_top() {
        let d = sparkline(
            &[Some(105.1), Some(100.0), None, Some(129.0), Some(111.2)],
            60.0,
            20.0,
        );
        assert_eq!(d, "M1 15.83 L15.5 19 M44.5 1 L59 12.05");
        assert_eq!(sparkline(&[None], 60.0, 20.0), "");
    }
}

/// The gap kept between reference labels, in pixels (13px text).
const LABEL_GAP: f64 = 16.0;

/// Puts each reference line's label just above its line, moving labels up
/// the fewest pixels needed so no two overlap.
fn place_labels(mut lines: Vec<(f64, String)>) -> Vec<(f64, f64, String)> {
    // Lowest on screen (largest y) first; each label sits above the one below it.
    sort::by(&mut lines, |a, b| b.0.total_cmp(&a.0));
    let mut placed: Vec<(f64, f64, String)> = vec![];
    for (y, label) in lines {
        let wanted = y - 6.0;
        let label_y = match placed.last() {
            Some((_, below, _)) if below - wanted < LABEL_GAP => below - LABEL_GAP,
            _ => wanted,
        };
        placed.push((y, round2(label_y), label));
    }
    placed
}

/// A line chart of one indicator's figures of one period kind, with its
/// comparators (England, region, statistical neighbours) and target as
/// labelled reference lines.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    /// The plotting area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    pub path: String,
    /// Each figure's point, with its label as a reader sees it.
    pub points: Vec<ChartPoint>,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(f64, String)>,
    /// Horizontal reference lines: the line's y, its label's y (nudged so
    /// labels never overlap), and the label.
    pub references: Vec<(f64, f64, String)>,
    /// What the x axis counts: "quarter", "financial year".
    pub kind: crate::domain::period::PeriodKind,
}

/// One figure on a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    /// The figure as a reader sees it ("7 of 15" for a small base).
    pub label: String,
    /// Why the figure is a small number, if it is: drawn hollow.
    pub small: Option<crate::domain::small::Small>,
}

impl LineChart {
    /// Lays out `indicator`'s figures of its most-used period kind (quarters
    /// first where there are two or more), flagging counts under `under` as
    /// small. `None` with fewer than two figures.
    pub fn for_indicator(
        indicator: &crate::domain::indicator::Indicator,
        under: u32,
        width: f64,
        height: f64,
    ) -> Option<LineChart> {
        use crate::domain::indicator::ComparatorKind;
        use crate::domain::period::PeriodKind;
        let count = |kind: PeriodKind| {
            indicator
                .values
                .iter()
                .filter(|o| o.period.kind() == kind && o.value.number().is_some())
                .count()
        };
        let kind = if count(PeriodKind::Quarter) >= 2 {
            PeriodKind::Quarter
        } else {
            // Otherwise the kind with the most figures (a tie goes to the first held).
            let mut kinds: Vec<PeriodKind> = vec![];
            for o in &indicator.values {
                if !kinds.contains(&o.period.kind()) {
                    kinds.push(o.period.kind());
                }
            }
            kinds.into_iter().rev().max_by_key(|k| count(*k))?
        };
        let mut values: Vec<_> = indicator
            .values
            .iter()
            .filter(|o| o.period.kind() == kind)
            .collect();
        sort::by(&mut values, |a, b| a.period.timeline_cmp(&b.period));
        let numbers: Vec<f64> = values.iter().filter_map(|o| o.value.number()).collect();
        if numbers.len() < 2 {
            return None;
        }
        let mut references: Vec<(f64, String)> = vec![];
        for kind in [
            ComparatorKind::England,
            ComparatorKind::Region,
            ComparatorKind::StatisticalNeighbours,
        ] {
            if let Some(c) = indicator.comparator(kind) {
                if let Some(v) = c.value.number() {
                    let who = match (kind, &c.name) {
                        (ComparatorKind::Region, Some(name)) => format!("{name} average"),
                        _ => kind.label().to_owned(),
                    };
                    references.push((v, format!("{who} {}", c.value.display(indicator.unit))));
                }
            }
        }
        if let Some(target) = &indicator.target {
            references.push((
                target.value,
                format!(
                    "Target {}",
                    crate::domain::value::group_thousands(target.value, 0)
                ),
            ));
        }
        let all = numbers
            .iter()
            .copied()
            .chain(references.iter().map(|r| r.0));
        let (min, max) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let ticks = nice_ticks(min, max, 5);
        let (first, last) = (*ticks.first()?, *ticks.last()?);
        let plot = (64.0, 16.0, width - 16.0, height - 40.0);
        let x = Scale::new(
            (0.0, (values.len() - 1) as f64),
            (plot.0 + 12.0, plot.2 - 12.0),
        );
        let y = Scale::new((first, last), (plot.3, plot.1));
        let decimals = tick_decimals(&ticks);
        let points: Vec<Option<(f64, f64)>> = values
            .iter()
            .enumerate()
            .map(|(i, o)| o.value.number().map(|v| (x.at(i as f64), y.at(v))))
            .collect();
        let labelled = values
            .iter()
            .zip(&points)
            .filter_map(|(o, p)| {
                p.map(|(px, py)| ChartPoint {
                    x: round2(px),
                    y: round2(py),
                    label: crate::domain::small::reading(&o.value, indicator.unit),
                    small: crate::domain::small::small(&o.value, indicator.unit, under),
                })
            })
            .collect();
        let every = values.len().div_ceil(8).max(1);
        Some(LineChart {
            width,
            height,
            plot,
            path: line_path(&points),
            points: labelled,
            y_ticks: ticks
                .iter()
                .map(|t| {
                    (
                        round2(y.at(*t)),
                        crate::domain::value::group_thousands(*t, decimals as u8),
                    )
                })
                .collect(),
            x_ticks: values
                .iter()
                .enumerate()
                .filter(|(i, _)| i % every == 0 || *i == values.len() - 1)
                .map(|(i, o)| (round2(x.at(i as f64)), o.period.to_string()))
                .collect(),
            references: place_labels(
                references
                    .into_iter()
                    .map(|(v, label)| (round2(y.at(v)), label))
                    .collect(),
            ),
            kind,
        })
    }
}

#[cfg(test)]
mod chart_tests {
    use super::*;
    use crate::domain::period::PeriodKind;

    #[test]
    fn a_quarterly_chart_of_children_looked_after_with_its_england_line() {
        let demo = crate::domain::snapshot::Snapshot::demo();
        let cla = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        let chart = LineChart::for_indicator(cla, 10, 640.0, 320.0).expect("a chart");
        assert_eq!(chart.kind, PeriodKind::Quarter);
        let labels: Vec<&str> = chart.x_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Q1 2018/19",
                "Q2 2018/19",
                "Q3 2018/19",
                "Q4 2018/19",
                "Q1 2019/20"
            ]
        );
        assert_eq!(chart.points.len(), 5);
        assert_eq!(chart.points[4].label, "2,096 / 84.6");
        let refs: Vec<&str> = chart.references.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(refs, ["England average 64.0"]);
        assert_eq!(
            chart.references[0].1,
            chart.references[0].0 - 6.0,
            "just above its line"
        );
        // Ticks 60 to 90 in fives: the England line (64.0) and every figure fit.
        let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(ticks, ["60", "65", "70", "75", "80", "85", "90"]);
        let (_, top, _, bottom) = chart.plot;
        assert!(chart.points.iter().all(|p| p.y >= top && p.y <= bottom));
        // Lower on screen is a smaller number: 81.9 sits below 85.9.
        assert!(chart.points[0].y > chart.points[3].y);
    }

    #[test]
    fn small_numbers_are_flagged_and_a_small_base_is_labelled_as_its_count() {
        use crate::domain::small::Small;
        use crate::domain::value::{Unit, Value};
        let demo = crate::domain::snapshot::Snapshot::demo();
        let mut ind = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA")
            .clone();
        ind.unit = Unit::Count;
        ind.comparators.clear();
        ind.target = None;
        ind.values = crate::spc::tests::quarterly_figures(&[6.0, 12.0, 10.0, 15.0]);
        let chart = LineChart::for_indicator(&ind, 10, 640.0, 320.0).expect("a chart");
        let flags: Vec<_> = chart.points.iter().map(|p| p.small).collect();
        let expected: Vec<_> = std::iter::once(Some(Small::Count))
            .chain(std::iter::repeat_n(None, chart.points.len() - 1))
            .collect();
        assert_eq!(flags, expected, "only the 6 is under 10");
        assert_eq!(chart.points.len(), 4);
        let none = LineChart::for_indicator(&ind, 0, 640.0, 320.0).expect("a chart");
        assert!(none.points.iter().all(|p| p.small.is_none()));

        ind.unit = Unit::Percent;
        for o in ind.values.iter_mut() {
            o.value = Value::Figure {
                value: 50.0,
                decimals: 1,
                numerator: Some(30.0),
                denominator: Some(60.0),
            };
        }
        ind.values[1].value = Value::Figure {
            value: 46.7,
            decimals: 1,
            numerator: Some(7.0),
            denominator: Some(15.0),
        };
        let chart = LineChart::for_indicator(&ind, 10, 640.0, 320.0).expect("a chart");
        assert_eq!(chart.points[1].label, "7 of 15");
        assert_eq!(chart.points[1].small, Some(Small::Base));
        assert_eq!(chart.points[0].label, "30 / 50.0%");
        assert_eq!(chart.points[0].small, None);
    }

    #[test]
    fn every_comparator_held_is_a_labelled_reference_line() {
        let demo = crate::domain::snapshot::Snapshot::demo();
        let over45 = demo
            .indicators
            .iter()
            .find(|i| i.id == "assessments-over-45-days")
            .expect("over 45");
        let chart = LineChart::for_indicator(over45, 10, 640.0, 320.0).expect("a chart");
        let labels: Vec<&str> = chart.references.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(
            labels,
            ["North West average 16.3%", "England average 17.3%"]
        );
        let gap = (chart.references[0].1 - chart.references[1].1).abs();
        assert!(gap >= 16.0, "labels {gap}px apart would overlap");
    }

    #[test]
    fn rolling_years_chart_when_there_are_no_quarters_and_one_figure_makes_no_chart() {
        let demo = crate::domain::snapshot::Snapshot::demo();
        let fte = demo
            .indicators
            .iter()
            .find(|i| i.id == "first-time-entrants")
            .expect("FTE");
        let chart = LineChart::for_indicator(fte, 10, 640.0, 320.0).expect("a chart");
        assert_eq!(chart.kind, PeriodKind::MonthRange(12));
        assert_eq!(chart.points.len(), 4);
        let perm = demo
            .indicators
            .iter()
            .find(|i| i.id == "ehc-plans")
            .expect("EHC");
        assert_eq!(LineChart::for_indicator(perm, 10, 640.0, 320.0), None);
    }
}
