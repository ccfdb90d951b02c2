//! Bar charts laid out for SVG: columns per year (stacked or side by side)
//! and horizontal rows per category. Every bar carries its label as printed,
//! and where it goes, so values can be read without hovering.

use super::{nice_ticks, round2, tick_decimals, Scale};
use crate::domain::value::group_thousands;
use crate::sort;

/// One figure of a series: its size, and the words printed on the chart
/// ("540", "98%", "7 of 15").
#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    pub value: f64,
    pub label: String,
    /// Printed without a bar: counts given where a percentage would say
    /// more than the numbers can bear.
    pub label_only: bool,
}

impl Datum {
    pub fn new(value: f64, label: impl Into<String>) -> Datum {
        Datum {
            value,
            label: label.into(),
            label_only: false,
        }
    }

    /// Words printed at the axis in place of a bar.
    pub fn label_only(label: impl Into<String>) -> Datum {
        Datum {
            value: 0.0,
            label: label.into(),
            label_only: true,
        }
    }

    /// A count labelled with thousands grouped.
    pub fn count(n: u32) -> Datum {
        Datum::new(f64::from(n), group_thousands(f64::from(n), 0))
    }
}

/// A named series with one slot per category on the axis; `None` is a
/// figure the report does not give (drawn as nothing, never as zero).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<Datum>>,
}

/// How the series of a column chart share a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// One column per slot, the series piled up in order from the axis.
    Stacked,
    /// The series side by side, first on the left.
    Grouped,
}

/// Where a bar's label sits, which says how it is anchored and styled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelPlace {
    /// Centred inside the bar, in the bar's text colour.
    Inside,
    /// Centred above a column.
    Above,
    /// Starting just beside the bar (a thin stacked segment, or a row bar's end).
    Beside,
    /// Where a figure is missing or too few for a percentage: centred or
    /// beside as the chart lays it out, in muted text.
    Muted { beside: bool },
}

impl LabelPlace {
    /// The label's SVG `text-anchor`.
    pub fn anchor(self) -> &'static str {
        match self {
            LabelPlace::Beside | LabelPlace::Muted { beside: true } => "start",
            _ => "middle",
        }
    }
}

/// One drawn bar (or stacked segment).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Which series it belongs to: its colour and its place in the key.
    pub series: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    /// The label's anchor point: its centre for inside labels, its left
    /// end for labels beside a stacked segment, its centre above a column.
    pub label_x: f64,
    pub label_y: f64,
    pub place: LabelPlace,
    /// For labels beside a stacked segment: the segment's middle, for a
    /// short leader line when the label had to move.
    pub leader_y: Option<f64>,
}

/// A vertical bar chart: categories (years) along the bottom, counts up
/// the side from zero.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnChart {
    pub width: f64,
    pub height: f64,
    /// The plotting area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    pub y_ticks: Vec<(f64, String)>,
    pub x_labels: Vec<(f64, String)>,
    pub bars: Vec<Bar>,
}

/// What a chart prints where the report gives no figure.
pub const NOT_GIVEN: &str = "Not given";

/// The height a label needs inside a bar (13px text with room above and below).
const INSIDE_HEIGHT: f64 = 18.0;
/// Labels beside a stack are kept this far apart.
const LABEL_GAP: f64 = 15.0;
/// Roughly how wide 13px bold digits are, per character.
const CHAR_WIDTH: f64 = 8.0;

/// Spreads `wanted` positions (any order) so none is closer than `gap` to
/// another, moving each the least it can while keeping their order.
/// Returns the new positions in the order given.
pub fn spread(wanted: &[f64], gap: f64) -> Vec<f64> {
    let order = sort::order(wanted.len(), &|a, b| wanted[a].total_cmp(&wanted[b]));
    // Clusters of labels pushed apart around their mean, merged until none overlap.
    let mut clusters: Vec<(f64, Vec<usize>)> = vec![];
    for i in order {
        clusters.push((wanted[i], vec![i]));
        loop {
            let n = clusters.len();
            if n < 2 {
                break;
            }
            let (start_a, members_a) = (clusters[n - 2].0, clusters[n - 2].1.len());
            if start_a + members_a as f64 * gap <= clusters[n - 1].0 {
                break;
            }
            let (_, b) = clusters.pop().expect("two clusters");
            let a = clusters.last_mut().expect("two clusters");
            a.1.extend(b);
            let mean = a.1.iter().map(|i| wanted[*i]).sum::<f64>() / a.1.len() as f64;
            a.0 = mean - (a.1.len() - 1) as f64 * gap / 2.0;
        }
    }
    let mut placed = vec![0.0; wanted.len()];
    for (start, members) in clusters {
        for (k, i) in members.into_iter().enumerate() {
            placed[i] = round2(start + k as f64 * gap);
        }
    }
    placed
}

fn y_axis(max: f64, percent: bool, plot: (f64, f64, f64, f64)) -> (Scale, Vec<(f64, String)>) {
    let ticks = if percent {
        vec![0.0, 25.0, 50.0, 75.0, 100.0]
    } else {
        nice_ticks(0.0, max.max(1.0), 5)
    };
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = Scale::new((0.0, top), (plot.3, plot.1));
    let decimals = tick_decimals(&ticks) as u8;
    let labels = ticks
        .iter()
        .map(|t| {
            let text = group_thousands(*t, decimals);
            (
                round2(y.at(*t)),
                if percent { format!("{text}%") } else { text },
            )
        })
        .collect();
    (y, labels)
}

/// One category's place along the x axis.
struct Slot {
    index: usize,
    centre: f64,
    width: f64,
}

/// One category's stacked column: the column takes 40% of the slot; labels
/// that do not fit inside go to its right, spread so none overlap.
fn stacked_column(bars: &mut Vec<Bar>, series: &[Series], slot: &Slot, y: &Scale) {
    let (i, centre, slot_width) = (slot.index, slot.centre, slot.width);
    // The column takes 40% of the slot; labels that do not fit
    // inside go to its right, spread so none overlap.
    let column = (slot_width * 0.4).min(90.0);
    let left = centre - column / 2.0;
    let mut base = 0.0;
    let mut outside: Vec<(usize, f64)> = vec![];
    for (k, s) in series.iter().enumerate() {
        let Some(d) = s.values.get(i).and_then(|d| d.as_ref()) else {
            continue;
        };
        if d.value <= 0.0 {
            continue;
        }
        let (bottom, top) = (y.at(base), y.at(base + d.value));
        base += d.value;
        let height = bottom - top;
        let inside = height >= INSIDE_HEIGHT && d.label.len() as f64 * CHAR_WIDTH + 6.0 <= column;
        let middle = (top + bottom) / 2.0;
        if !inside {
            outside.push((bars.len(), middle + 4.0));
        }
        bars.push(Bar {
            series: k,
            x: round2(left),
            y: round2(top),
            width: round2(column),
            height: round2(height),
            label: d.label.clone(),
            label_x: round2(if inside {
                left + column / 2.0
            } else {
                left + column + 6.0
            }),
            label_y: round2(middle + 4.5),
            place: if inside {
                LabelPlace::Inside
            } else {
                LabelPlace::Beside
            },
            leader_y: None,
        });
    }
    let wanted: Vec<f64> = outside.iter().map(|o| o.1).collect();
    for ((index, want), at) in outside.iter().zip(spread(&wanted, LABEL_GAP)) {
        let bar = &mut bars[*index];
        bar.label_y = at;
        if (at - want).abs() > 2.0 {
            bar.leader_y = Some(round2(want - 4.0));
        }
    }
}

/// One category's grouped columns, a column per series from the axis at `floor`.
fn grouped_columns(bars: &mut Vec<Bar>, series: &[Series], slot: &Slot, y: &Scale, floor: f64) {
    let (i, centre, slot_width) = (slot.index, slot.centre, slot.width);
    let n = series.len().max(1) as f64;
    let group = slot_width * 0.8;
    let each = group / n;
    let bar_width = each * 0.85;
    for (k, s) in series.iter().enumerate() {
        let left = centre - group / 2.0 + each * k as f64 + (each - bar_width) / 2.0;
        let Some(d) = s.values.get(i).and_then(|d| d.as_ref()) else {
            // A lone series says where a figure is missing, so a
            // gap is never read as zero.
            if series.len() == 1 {
                bars.push(Bar {
                    series: k,
                    x: round2(left),
                    y: floor,
                    width: round2(bar_width),
                    height: 0.0,
                    label: NOT_GIVEN.into(),
                    label_x: round2(left + bar_width / 2.0),
                    label_y: floor - 6.0,
                    place: LabelPlace::Muted { beside: false },
                    leader_y: None,
                });
            }
            continue;
        };
        let top = y.at(d.value.max(0.0));
        bars.push(Bar {
            series: k,
            x: round2(left),
            y: round2(top),
            width: round2(bar_width),
            height: round2(floor - top),
            label: d.label.clone(),
            label_x: round2(left + bar_width / 2.0),
            label_y: round2(top - 6.0),
            place: if d.label_only {
                LabelPlace::Muted { beside: false }
            } else {
                LabelPlace::Above
            },
            leader_y: None,
        });
    }
}

impl ColumnChart {
    /// Lays out `series` over the categories `x_labels` in a `width` by
    /// `height` box. `percent` fixes the scale at 0 to 100%. `None` when no
    /// series has a figure.
    pub fn layout(
        x_labels: &[String],
        series: &[Series],
        arrangement: Arrangement,
        percent: bool,
        width: f64,
        height: f64,
    ) -> Option<ColumnChart> {
        let slots = x_labels.len();
        if slots == 0 || series.iter().all(|s| s.values.iter().all(Option::is_none)) {
            return None;
        }
        let slot_total = |i: usize| -> f64 {
            series
                .iter()
                .filter_map(|s| s.values.get(i).and_then(|d| d.as_ref()))
                .map(|d| d.value)
                .sum()
        };
        let slot_max = |i: usize| -> f64 {
            series
                .iter()
                .filter_map(|s| s.values.get(i).and_then(|d| d.as_ref()))
                .map(|d| d.value)
                .fold(0.0, f64::max)
        };
        let max = (0..slots)
            .map(|i| match arrangement {
                Arrangement::Stacked => slot_total(i),
                Arrangement::Grouped => slot_max(i),
            })
            .fold(0.0, f64::max);
        let plot = (56.0, 24.0, width - 8.0, height - 36.0);
        let (y, y_ticks) = y_axis(max, percent, plot);
        let slot_width = (plot.2 - plot.0) / slots as f64;
        let centre = |i: usize| plot.0 + slot_width * (i as f64 + 0.5);
        let mut bars = vec![];
        for i in 0..slots {
            let slot = Slot {
                index: i,
                centre: centre(i),
                width: slot_width,
            };
            match arrangement {
                Arrangement::Stacked => stacked_column(&mut bars, series, &slot, &y),
                Arrangement::Grouped => grouped_columns(&mut bars, series, &slot, &y, plot.3),
            }
        }
        Some(ColumnChart {
            width,
            height,
            plot,
            y_ticks,
            x_labels: x_labels
                .iter()
                .enumerate()
                .map(|(i, l)| (round2(centre(i)), l.clone()))
                .collect(),
            bars,
        })
    }
}

/// A horizontal bar chart: one row per category, its name above its bars,
/// a bar per series, each with its figure at its end.
#[derive(Clone, Debug, PartialEq)]
pub struct RowChart {
    pub width: f64,
    pub height: f64,
    /// The left edge of the bars and the right edge of the longest.
    pub left: f64,
    pub right: f64,
    /// Each category's name and where its text sits.
    pub row_labels: Vec<(f64, String)>,
    pub bars: Vec<Bar>,
}

/// A bar's thickness in a row chart, and the space between rows.
const ROW_BAR: f64 = 22.0;
const ROW_LABEL: f64 = 22.0;
const ROW_GAP: f64 = 14.0;

impl RowChart {
    /// Lays out a row per `rows` label with a bar per series, scaled so the
    /// largest figure (and its label) fits `width`. `None` with no figures.
    pub fn layout(rows: &[String], series: &[Series], width: f64) -> Option<RowChart> {
        let max = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|d| d.value)
            .fold(f64::NEG_INFINITY, f64::max);
        if rows.is_empty() || !max.is_finite() {
            return None;
        }
        let widest_label = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .map(|d| d.label.len())
            .max()
            .unwrap_or(0) as f64
            * CHAR_WIDTH;
        let (left, right) = (4.0, width - widest_label - 12.0);
        let x = Scale::new((0.0, max.max(1.0)), (left, right));
        let row_height = ROW_LABEL + ROW_BAR * series.len() as f64 + ROW_GAP;
        let mut bars = vec![];
        let mut row_labels = vec![];
        for (i, name) in rows.iter().enumerate() {
            let top = i as f64 * row_height;
            row_labels.push((round2(top + 15.0), name.clone()));
            for (k, s) in series.iter().enumerate() {
                let bar_top = top + ROW_LABEL + ROW_BAR * k as f64;
                let Some(d) = s.values.get(i).and_then(|d| d.as_ref()) else {
                    bars.push(Bar {
                        series: k,
                        x: left,
                        y: round2(bar_top + 2.0),
                        width: 0.0,
                        height: ROW_BAR - 4.0,
                        label: format!("{}: {NOT_GIVEN}", s.name),
                        label_x: left,
                        label_y: round2(bar_top + ROW_BAR / 2.0 + 4.5),
                        place: LabelPlace::Muted { beside: true },
                        leader_y: None,
                    });
                    continue;
                };
                let end = x.at(d.value.max(0.0));
                bars.push(Bar {
                    series: k,
                    x: left,
                    y: round2(bar_top + 2.0),
                    width: round2(end - left),
                    height: ROW_BAR - 4.0,
                    label: d.label.clone(),
                    label_x: round2(end + 6.0),
                    label_y: round2(bar_top + ROW_BAR / 2.0 + 4.5),
                    place: LabelPlace::Beside,
                    leader_y: None,
                });
            }
        }
        Some(RowChart {
            width,
            height: round2(rows.len() as f64 * row_height),
            left,
            right: round2(right),
            row_labels,
            bars,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(name: &str, values: &[Option<u32>]) -> Series {
        Series {
            name: name.into(),
            values: values.iter().map(|v| v.map(Datum::count)).collect(),
        }
    }

    fn years(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{}/{}", 2015 + i, 16 + i)).collect()
    }

    #[test]
    fn spread_leaves_distant_labels_alone_and_parts_crowded_ones_evenly() {
        assert_eq!(spread(&[10.0, 50.0], 15.0), [10.0, 50.0]);
        // Two labels 5px apart move 5px each way around their middle.
        assert_eq!(spread(&[100.0, 105.0], 15.0), [95.0, 110.0]);
        // Order is kept whatever order they are given in.
        assert_eq!(spread(&[105.0, 100.0], 15.0), [110.0, 95.0]);
        // A cluster that grows pulls in its neighbour.
        let placed = spread(&[100.0, 101.0, 102.0, 118.0], 15.0);
        for pair in placed.windows(2) {
            assert!(pair[1] - pair[0] >= 15.0 - 1e-9, "{placed:?}");
        }
        assert!(spread(&[], 15.0).is_empty());
    }

    #[test]
    fn stacked_columns_pile_from_the_axis_and_reach_the_total() {
        let chart = ColumnChart::layout(
            &years(2),
            &[
                counts("Stage 0", &[Some(100), Some(150)]),
                counts("Stage 1", &[Some(50), Some(115)]),
            ],
            Arrangement::Stacked,
            false,
            600.0,
            300.0,
        )
        .expect("a chart");
        let (_, _, _, bottom) = chart.plot;
        assert_eq!(chart.bars.len(), 4);
        let first = &chart.bars[0];
        assert!(
            (first.y + first.height - bottom).abs() < 0.01,
            "stage 0 sits on the axis"
        );
        let second = &chart.bars[1];
        assert!(
            (second.y + second.height - first.y).abs() < 0.01,
            "stage 1 sits on stage 0"
        );
        // Ticks run from 0 past the tallest total (265).
        let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(ticks, ["0", "100", "200", "300"]);
        // A segment's height is its share of the scale.
        let per_unit = (bottom - chart.plot.1) / 300.0;
        assert!((chart.bars[2].height - 150.0 * per_unit).abs() < 0.02);
        assert!(chart.bars.iter().all(|b| b.place == LabelPlace::Inside));
    }

    #[test]
    fn thin_segments_put_their_labels_beside_the_column_without_overlapping() {
        let chart = ColumnChart::layout(
            &years(1),
            &[
                counts("Upheld", &[Some(400)]),
                counts("Partly", &[Some(3)]),
                counts("Withdrawn", &[Some(2)]),
                counts("Open", &[Some(1)]),
            ],
            Arrangement::Stacked,
            false,
            400.0,
            300.0,
        )
        .expect("a chart");
        let outside: Vec<&Bar> = chart
            .bars
            .iter()
            .filter(|b| b.place == LabelPlace::Beside)
            .collect();
        assert_eq!(outside.len(), 3);
        for pair in outside.windows(2) {
            assert!((pair[0].label_y - pair[1].label_y).abs() >= LABEL_GAP - 0.01);
        }
        assert!(outside.iter().all(|b| b.label_x > b.x + b.width));
        assert!(
            outside.iter().any(|b| b.leader_y.is_some()),
            "moved labels point back"
        );
    }

    #[test]
    fn missing_and_zero_figures_draw_nothing_and_no_figures_draw_no_chart() {
        let chart = ColumnChart::layout(
            &years(3),
            &[counts("Received", &[Some(479), None, Some(0)])],
            Arrangement::Stacked,
            false,
            600.0,
            300.0,
        )
        .expect("a chart");
        assert_eq!(chart.bars.len(), 1);
        assert_eq!(
            ColumnChart::layout(
                &years(2),
                &[counts("Received", &[None, None])],
                Arrangement::Grouped,
                false,
                600.0,
                300.0
            ),
            None
        );
    }

    #[test]
    fn grouped_columns_stand_side_by_side_with_labels_above() {
        let chart = ColumnChart::layout(
            &years(2),
            &[
                counts("Complaints", &[Some(479), Some(540)]),
                counts("Compliments", &[Some(538), Some(615)]),
            ],
            Arrangement::Grouped,
            false,
            600.0,
            300.0,
        )
        .expect("a chart");
        let (a, b) = (&chart.bars[0], &chart.bars[1]);
        assert_eq!((a.series, b.series), (0, 1));
        assert!(a.x + a.width <= b.x, "complaints left of compliments");
        assert!(b.height > a.height, "615 is taller than 479");
        assert!(a.label_y < a.y);
        assert_eq!(chart.x_labels[1].1, "2016/17");
        assert!(chart.x_labels[0].0 < chart.x_labels[1].0);
    }

    #[test]
    fn a_percentage_scale_runs_to_one_hundred() {
        let chart = ColumnChart::layout(
            &years(1),
            &[Series {
                name: "Within timescale".into(),
                values: vec![Some(Datum::new(98.0, "98%"))],
            }],
            Arrangement::Grouped,
            true,
            400.0,
            300.0,
        )
        .expect("a chart");
        let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(ticks, ["0%", "25%", "50%", "75%", "100%"]);
        assert_eq!(chart.bars[0].label, "98%");
        // A lone series marks a missing year instead of leaving a gap.
        let chart = ColumnChart::layout(
            &years(2),
            &[Series {
                name: "Within".into(),
                values: vec![None, Some(Datum::new(50.0, "50%"))],
            }],
            Arrangement::Grouped,
            true,
            400.0,
            300.0,
        )
        .expect("a chart");
        assert_eq!(
            (
                chart.bars[0].label.as_str(),
                chart.bars[0].height,
                chart.bars[0].place
            ),
            (NOT_GIVEN, 0.0, LabelPlace::Muted { beside: false })
        );
        assert_eq!(chart.bars[1].place, LabelPlace::Above);
        assert_eq!(LabelPlace::Beside.anchor(), "start");
        assert_eq!(LabelPlace::Above.anchor(), "middle");
    }

    #[test]
    fn rows_put_each_name_above_its_bars_and_the_longest_bar_leaves_room_for_its_label() {
        let chart = RowChart::layout(
            &["Care Provision".into(), "Financial".into()],
            &[
                counts("2016/17", &[None, Some(83)]),
                counts("2017/18", &[Some(128), Some(102)]),
            ],
            600.0,
        )
        .expect("a chart");
        assert_eq!(chart.bars.len(), 4);
        assert_eq!(
            chart.bars[0].label, "2016/17: Not given",
            "a missing figure is said, not drawn as zero"
        );
        assert_eq!(chart.bars[0].width, 0.0);
        assert_eq!(chart.row_labels[0].1, "Care Provision");
        let longest = chart.bars.iter().map(|b| b.x + b.width).fold(0.0, f64::max);
        assert!((longest - chart.right).abs() < 0.01);
        assert!(chart
            .bars
            .iter()
            .all(|b| b.label_x + b.label.len() as f64 * CHAR_WIDTH <= 600.0));
        // The second row's bars sit below the first row's.
        assert!(chart.bars[2].y > chart.bars[1].y);
        assert!(chart.row_labels[1].0 > chart.bars[1].y + chart.bars[1].height);
        assert_eq!(RowChart::layout(&[], &[], 600.0), None);
    }
}
