//! The geometry of an XmR chart (see [`crate::spc`]): the figures as a line
//! with a mark for each, its shape and class saying what it signals; each
//! process's mean and limits as lines across its own figures; the target.

use super::{line_path, nice_ticks, place_labels, round2, tick_decimals, Scale};
use crate::domain::value::group_thousands;
use crate::spc::{Direction, Variation, Xmr};

/// One figure's mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub variation: Variation,
    /// The figure as the chart's table prints it.
    pub label: String,
}

impl Mark {
    /// Its SVG shape: a circle for common cause, a triangle pointing the
    /// way of a special cause (so shape, not colour alone, says it).
    pub fn shape(&self) -> String {
        let (x, y) = (self.x, self.y);
        match self.variation {
            Variation::Common => format!("M{} {}m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0", x, y),
            Variation::Improving(d) | Variation::Concerning(d) | Variation::Neutral(d) => {
                let r = 6.0;
                match d {
                    Direction::Higher => format!(
                        "M{} {}L{} {}L{} {}Z",
                        round2(x),
                        round2(y - r),
                        round2(x + r),
                        round2(y + r * 0.7),
                        round2(x - r),
                        round2(y + r * 0.7)
                    ),
                    Direction::Lower => format!(
                        "M{} {}L{} {}L{} {}Z",
                        round2(x),
                        round2(y + r),
                        round2(x + r),
                        round2(y - r * 0.7),
                        round2(x - r),
                        round2(y - r * 0.7)
                    ),
                }
            }
        }
    }
}

/// One process's centre line and limits, across its own figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub x1: f64,
    pub x2: f64,
    pub mean: f64,
    pub upper: f64,
    pub lower: f64,
}

/// An XmR chart laid out in a `width` by `height` box.
#[derive(Clone, Debug, PartialEq)]
pub struct XmrChart {
    pub width: f64,
    pub height: f64,
    /// The plotting area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    pub path: String,
    pub marks: Vec<Mark>,
    pub bands: Vec<Band>,
    /// The latest process's lines and the target, labelled: the line's y,
    /// its label's y (nudged so labels never overlap), and the label.
    pub labels: Vec<(f64, f64, String)>,
    /// The target's line, where there is one.
    pub target: Option<f64>,
    pub y_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(f64, String)>,
}

impl XmrChart {
    /// Lays out `chart`, its figures printed by `show`, with `target` as a
    /// line where there is one.
    pub fn layout(
        chart: &Xmr,
        show: impl Fn(f64) -> String,
        target: Option<f64>,
        width: f64,
        height: f64,
    ) -> XmrChart {
        let values = chart.points.iter().map(|p| p.value);
        let limits = chart
            .processes
            .iter()
            .flat_map(|p| [p.limits.upper, p.limits.lower]);
        let (min, max) = values
            .chain(limits)
            .chain(target)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let ticks = nice_ticks(min, max, 5);
        let (first, last) = (
            ticks.first().copied().unwrap_or(min),
            ticks.last().copied().unwrap_or(max),
        );
        // Room on the right for the lines' labels.
        let plot = (64.0, 16.0, width - 150.0, height - 40.0);
        let n = chart.points.len().max(2);
        let x = Scale::new((0.0, (n - 1) as f64), (plot.0 + 8.0, plot.2 - 8.0));
        let y = Scale::new((first, last), (plot.3, plot.1));
        let at = |i: usize, v: f64| (round2(x.at(i as f64)), round2(y.at(v)));
        let marks: Vec<Mark> = chart
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (px, py) = at(i, p.value);
                Mark {
                    x: px,
                    y: py,
                    variation: p.variation,
                    label: show(p.value),
                }
            })
            .collect();
        let path = line_path(&marks.iter().map(|m| Some((m.x, m.y))).collect::<Vec<_>>());
        let bands: Vec<Band> = chart
            .processes
            .iter()
            .map(|p| Band {
                x1: round2(x.at(p.from as f64) - 4.0),
                x2: round2(x.at((p.to - 1) as f64) + 4.0),
                mean: round2(y.at(p.limits.mean)),
                upper: round2(y.at(p.limits.upper)),
                lower: round2(y.at(p.limits.lower)),
            })
            .collect();
        let latest = chart.latest().limits;
        let mut labelled = vec![
            (
                round2(y.at(latest.upper)),
                format!("Upper limit {}", show(latest.upper)),
            ),
            (
                round2(y.at(latest.mean)),
                format!("Mean {}", show(latest.mean)),
            ),
            (
                round2(y.at(latest.lower)),
                format!("Lower limit {}", show(latest.lower)),
            ),
        ];
        if let Some(t) = target {
            labelled.push((round2(y.at(t)), format!("Target {}", show(t))));
        }
        let decimals = tick_decimals(&ticks) as u8;
        // About five period labels fit across: each is some 80 px wide.
        let every = chart.points.len().div_ceil(5).max(1);
        let last = chart.points.len().saturating_sub(1);
        XmrChart {
            width,
            height,
            plot,
            path,
            bands,
            labels: place_labels(labelled),
            target: target.map(|t| round2(y.at(t))),
            y_ticks: ticks
                .iter()
                .map(|t| (round2(y.at(*t)), group_thousands(*t, decimals)))
                .collect(),
            x_ticks: chart
                .points
                .iter()
                .enumerate()
                // The last always, and none so near it that the two overlap.
                .filter(|(i, _)| *i == last || (i % every == 0 && last - i >= every))
                .map(|(i, p)| (marks[i].x, p.period.to_string()))
                .collect(),
            marks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rag::Polarity;
    use crate::spc::tests::quarters as series;

    #[test]
    fn marks_bands_and_labels_sit_in_the_plot_in_order() {
        let mut values = [
            10.0, 12.0, 11.0, 13.0, 9.0, 12.0, 10.0, 11.0, 13.0, 10.0, 12.0, 11.0, 9.0, 12.0,
        ]
        .to_vec();
        values.push(30.0);
        let chart = Xmr::of(&series(&values), Polarity::High, &[]).expect("a chart");
        let layout = XmrChart::layout(&chart, |v| format!("{v:.1}"), Some(20.0), 720.0, 320.0);
        assert_eq!(layout.marks.len(), 15);
        let (left, top, right, bottom) = layout.plot;
        for m in &layout.marks {
            assert!(
                m.x >= left && m.x <= right && m.y >= top && m.y <= bottom,
                "{m:?}"
            );
        }
        // The wild figure is a triangle pointing up; the others circles.
        assert_eq!(
            layout.marks[14].variation,
            Variation::Improving(Direction::Higher)
        );
        assert!(layout.marks[14].shape().ends_with('Z'));
        assert!(layout.marks[0].shape().contains('a'));
        // One band, across every figure; higher values higher on screen.
        assert_eq!(layout.bands.len(), 1);
        let band = layout.bands[0];
        assert!(band.upper < band.mean && band.mean < band.lower);
        assert!(band.x1 < layout.marks[0].x && band.x2 > layout.marks[14].x);
        let words: Vec<&str> = layout.labels.iter().map(|l| l.2.as_str()).collect();
        assert!(
            words.iter().any(|w| w.starts_with("Upper limit")),
            "{words:?}"
        );
        assert!(words.contains(&"Target 20.0"), "{words:?}");
        assert!(layout.target.is_some());
        // Labels never closer than their gap.
        let mut ys: Vec<f64> = layout.labels.iter().map(|l| l.1).collect();
        crate::sort::by(&mut ys, f64::total_cmp);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= 15.9), "{ys:?}");
        // The x axis names at most about eight quarters, the last always.
        assert_eq!(
            layout.x_ticks.last().map(|t| t.1.as_str()),
            Some("Q3 2018/19")
        );
        assert!(layout.x_ticks.len() <= 9);
        assert!(layout.path.starts_with('M'));
    }

    #[test]
    fn each_process_has_its_own_band() {
        let mut values = [9.0, 11.0].repeat(6);
        values.extend([19.0, 21.0].repeat(6));
        let s = series(&values);
        let chart = Xmr::of(&s, Polarity::Low, &[s[12].0]).expect("a chart");
        let layout = XmrChart::layout(&chart, |v| format!("{v}"), None, 720.0, 320.0);
        assert_eq!(layout.bands.len(), 2);
        assert!(layout.bands[0].x2 < layout.bands[1].x1);
        assert!(
            layout.bands[1].mean < layout.bands[0].mean,
            "the later process is higher"
        );
        assert!(layout.target.is_none());
        let words: Vec<&str> = layout.labels.iter().map(|l| l.2.as_str()).collect();
        assert!(
            words.contains(&"Mean 20"),
            "the latest process is labelled: {words:?}"
        );
    }
}
