//! Several series as lines over the same categories (years), on one axis
//! from zero, each point labelled; labels in the same column are spread so
//! they never overlap.

use super::bars::{spread, Series};
use super::{line_path, nice_ticks, round2, tick_decimals, Scale};
use crate::domain::value::group_thousands;

/// One series drawn as a line with a marker and a label at every figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub series: usize,
    pub path: String,
    /// Each figure's point, its label, and where the label sits.
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub label_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinesChart {
    pub width: f64,
    pub height: f64,
    pub plot: (f64, f64, f64, f64),
    pub y_ticks: Vec<(f64, String)>,
    pub x_labels: Vec<(f64, String)>,
    pub lines: Vec<Line>,
}

/// A series' marker as SVG path data centred on (x, y): a circle, square,
/// triangle or diamond in turn, so lines differ by shape as well as colour.
pub fn marker(series: usize, x: f64, y: f64) -> String {
    let r = 5.0;
    let (x, y) = (round2(x), round2(y));
    match series % 4 {
        0 => format!(
            "M{} {y} a{r} {r} 0 1 0 {} 0 a{r} {r} 0 1 0 -{} 0 Z",
            x - r,
            2.0 * r,
            2.0 * r
        ),
        1 => format!(
            "M{} {} h{} v{} h-{} Z",
            x - r + 0.5,
            y - r + 0.5,
            2.0 * r - 1.0,
            2.0 * r - 1.0,
            2.0 * r - 1.0
        ),
        2 => format!(
            "M{x} {} L{} {} L{} {} Z",
            y - r - 1.0,
            x + r + 1.0,
            y + r,
            x - r - 1.0,
            y + r
        ),
        _ => format!(
            "M{x} {} L{} {y} L{x} {} L{} {y} Z",
            y - r - 1.0,
            x + r + 1.0,
            y + r + 1.0,
            x - r - 1.0
        ),
    }
}

/// Value labels in one column stay this far apart (13px text).
const GAP: f64 = 15.0;

/// Spreads the labels of the points at `column_x`, so none overlap.
fn spread_column(lines: &mut [Line], column_x: f64) {
    let mut at: Vec<(usize, usize)> = vec![];
    for (l, line) in lines.iter().enumerate() {
        for (p, point) in line.points.iter().enumerate() {
            if point.x == column_x {
                at.push((l, p));
            }
        }
    }
    let wanted: Vec<f64> = at
        .iter()
        .map(|(l, p)| lines[*l].points[*p].label_y)
        .collect();
    for ((l, p), placed) in at.into_iter().zip(spread(&wanted, GAP)) {
        lines[l].points[p].label_y = placed;
    }
}

impl LinesChart {
    /// Lays out `series` over `x_labels` in a `width` by `height` box.
    /// `None` when no series has a figure.
    pub fn layout(
        x_labels: &[String],
        series: &[Series],
        width: f64,
        height: f64,
    ) -> Option<LinesChart> {
        let max = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|d| d.value)
            .fold(f64::NEG_INFINITY, f64::max);
        if x_labels.is_empty() || !max.is_finite() {
            return None;
        }
        let ticks = nice_ticks(0.0, max.max(1.0), 5);
        let top = ticks.last().copied().unwrap_or(1.0);
        let plot = (56.0, 28.0, width - 24.0, height - 36.0);
        let y = Scale::new((0.0, top), (plot.3, plot.1));
        let x = Scale::new(
            (0.0, (x_labels.len().max(2) - 1) as f64),
            (plot.0 + 28.0, plot.2 - 28.0),
        );
        let x_at = |i: usize| {
            if x_labels.len() == 1 {
                (plot.0 + plot.2) / 2.0
            } else {
                x.at(i as f64)
            }
        };
        let mut lines: Vec<Line> = series
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let points: Vec<Option<(f64, f64)>> = (0..x_labels.len())
                    .map(|i| {
                        s.values
                            .get(i)
                            .and_then(|d| d.as_ref())
                            .map(|d| (round2(x_at(i)), round2(y.at(d.value))))
                    })
                    .collect();
                Line {
                    series: k,
                    path: line_path(&points),
                    points: points
                        .iter()
                        .zip(&s.values)
                        .filter_map(|(p, d)| {
                            let ((px, py), d) = (p.as_ref()?, d.as_ref()?);
                            Some(Point {
                                x: *px,
                                y: *py,
                                label: d.label.clone(),
                                label_y: py - 10.0,
                            })
                        })
                        .collect(),
                }
            })
            .collect();
        for i in 0..x_labels.len() {
            spread_column(&mut lines, round2(x_at(i)));
        }
        let decimals = tick_decimals(&ticks) as u8;
        Some(LinesChart {
            width,
            height,
            plot,
            y_ticks: ticks
                .iter()
                .map(|t| (round2(y.at(*t)), group_thousands(*t, decimals)))
                .collect(),
            x_labels: x_labels
                .iter()
                .enumerate()
                .map(|(i, l)| (round2(x_at(i)), l.clone()))
                .collect(),
            lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::bars::Datum;

    fn counts(name: &str, values: &[Option<u32>]) -> Series {
        Series {
            name: name.into(),
            values: values.iter().map(|v| v.map(Datum::count)).collect(),
        }
    }

    #[test]
    fn lines_rise_with_their_figures_and_lift_the_pen_over_gaps() {
        let chart = LinesChart::layout(
            &["2015/16".into(), "2016/17".into(), "2017/18".into()],
            &[
                counts("Adult", &[Some(400), None, Some(540)]),
                counts("Children", &[None, Some(220), Some(265)]),
            ],
            640.0,
            320.0,
        )
        .expect("a chart");
        let adult = &chart.lines[0];
        assert_eq!(adult.points.len(), 2);
        assert!(
            adult.points[1].y < adult.points[0].y,
            "540 is higher than 400"
        );
        assert_eq!(adult.path.matches('M').count(), 2, "{}", adult.path);
        assert_eq!(chart.lines[1].points[0].label, "220");
        let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(ticks, ["0", "200", "400", "600"]);
    }

    #[test]
    fn labels_of_close_figures_in_one_column_do_not_overlap() {
        let chart = LinesChart::layout(
            &["2016/17".into(), "2017/18".into()],
            &[
                counts("A", &[Some(93), Some(87)]),
                counts("B", &[Some(90), Some(265)]),
            ],
            640.0,
            320.0,
        )
        .expect("a chart");
        let first: Vec<f64> = chart.lines.iter().map(|l| l.points[0].label_y).collect();
        assert!((first[0] - first[1]).abs() >= GAP - 0.01, "{first:?}");
        // Far-apart labels stay just above their points.
        assert_eq!(
            chart.lines[1].points[1].label_y,
            chart.lines[1].points[1].y - 10.0
        );
    }

    #[test]
    fn each_series_has_its_own_marker_shape_centred_on_its_point() {
        let shapes: std::collections::BTreeSet<String> =
            (0..4).map(|k| marker(k, 0.0, 0.0)).collect();
        assert_eq!(shapes.len(), 4);
        assert_eq!(marker(1, 10.0, 20.0), "M5.5 15.5 h9 v9 h-9 Z");
        assert_eq!(marker(2, 10.0, 20.0), "M10 14 L16 25 L4 25 Z");
        assert_eq!(marker(4, 1.0, 1.0), marker(0, 1.0, 1.0));
    }

    #[test]
    fn one_year_sits_in_the_middle_and_no_figures_make_no_chart() {
        let chart = LinesChart::layout(
            &["2017/18".into()],
            &[counts("A", &[Some(5)])],
            600.0,
            300.0,
        )
        .expect("a chart");
        assert_eq!(chart.x_labels[0].0, (chart.plot.0 + chart.plot.2) / 2.0);
        assert_eq!(
            LinesChart::layout(&["2017/18".into()], &[counts("A", &[None])], 600.0, 300.0),
            None
        );
    }
}
