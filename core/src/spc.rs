//! Statistical process control for an indicator's figures: an XmR chart
//! says whether a change is real (special cause) or the ordinary variation
//! of the process (common cause), and whether a target can be met at all.
//!
//! The method is NHS England's "Making Data Count", with its rules as the
//! NHS-R community's plot-the-dots applies them:
//! - the mean of the figures and the mean moving range (the mean difference
//!   between each figure and the one before), leaving out moving ranges of
//!   [`OUTLIER_RANGE`] times the mean or more (one wild figure does not
//!   widen the limits);
//! - natural process limits at the mean plus and minus [`LIMIT_SCALE`]
//!   times the mean moving range; "near a limit" is beyond two thirds of
//!   the way from the mean to it;
//! - special cause: a figure beyond a limit; a run of [`RUN`] figures on
//!   one side of the mean (a shift); a run of [`RUN`] figures each higher,
//!   or each lower, than the one before (a trend); two of three figures in
//!   a row near a limit, all three on its side of the mean;
//! - fewer than [`FEWEST_POINTS`] figures are too few to draw limits from.
//!
//! A change of process (a re-basing: a new way of counting, a new service)
//! starts new limits from its period; the rules look within each process.

use crate::domain::indicator::Indicator;
use crate::domain::period::{Day, Period, PeriodKind};
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::value::Unit;

#[cfg(test)]
pub(crate) mod tests;

/// Fewer figures than this and limits are not worth drawing: the chart
/// says so (plot-the-dots warns below 12).
pub const FEWEST_POINTS: usize = 12;
/// From the mean moving range to the natural process limits.
pub const LIMIT_SCALE: f64 = 2.66;
/// A moving range this many times the mean one is left out of it.
pub const OUTLIER_RANGE: f64 = 3.267;
/// A run this long on one side of the mean, or rising or falling, is a
/// shift or a trend.
pub const RUN: usize = 7;

/// One process's centre line and limits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub mean: f64,
    /// The mean moving range, outliers left out.
    pub moving_range: f64,
    pub upper: f64,
    pub lower: f64,
    /// Two thirds of the way from the mean to each limit.
    pub near_upper: f64,
    pub near_lower: f64,
}

impl Limits {
    /// The limits of `values`, one process's figures in time order.
    pub fn of(values: &[f64]) -> Limits {
        let n = values.len().max(1) as f64;
        let mean = values.iter().sum::<f64>() / n;
        let ranges: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
        let average = |r: &[f64]| {
            if r.is_empty() {
                0.0
            } else {
                r.iter().sum::<f64>() / r.len() as f64
            }
        };
        let all = average(&ranges);
        let kept: Vec<f64> = ranges
            .iter()
            .copied()
            .filter(|r| *r < OUTLIER_RANGE * all)
            .collect();
        // Screening that leaves no variation at all (steady figures with one
        // jump) would put every figure beyond limits of width 0: keep them.
        let screened = average(&kept);
        let moving_range = if kept.is_empty() || screened == 0.0 {
            all
        } else {
            screened
        };
        let reach = LIMIT_SCALE * moving_range;
        Limits {
            mean,
            moving_range,
            upper: mean + reach,
            lower: mean - reach,
            near_upper: mean + reach * 2.0 / 3.0,
            near_lower: mean - reach * 2.0 / 3.0,
        }
    }

    /// Whether the figures never move: then there are no limits to judge
    /// by, and nothing signals.
    pub fn is_flat(&self) -> bool {
        self.moving_range == 0.0
    }

    fn beyond(&self, y: f64) -> bool {
        y > self.upper || y < self.lower
    }

    fn near(&self, y: f64) -> bool {
        !self.beyond(y) && (y > self.near_upper || y < self.near_lower)
    }

    /// Which side of the mean `y` is on: `None` on it.
    fn side(&self, y: f64) -> Option<Direction> {
        if y > self.mean {
            Some(Direction::Higher)
        } else if y < self.mean {
            Some(Direction::Lower)
        } else {
            None
        }
    }
}

/// Higher or lower: than the mean, or than the figure before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Higher,
    Lower,
}

/// A special-cause rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    BeyondLimit,
    Shift,
    Trend,
    TwoOfThree,
}

impl Rule {
    pub const ALL: [Rule; 4] = [
        Rule::BeyondLimit,
        Rule::Shift,
        Rule::Trend,
        Rule::TwoOfThree,
    ];

    /// "beyond a process limit", for a figure's row in the chart's table.
    pub fn words(self) -> String {
        match self {
            Rule::BeyondLimit => "beyond a process limit".to_owned(),
            Rule::Shift => format!("one of {RUN} or more in a row on one side of the mean"),
            Rule::Trend => format!("one of {RUN} or more in a row each rising or each falling"),
            Rule::TwoOfThree => "one of 2 of 3 in a row close to a limit".to_owned(),
        }
    }
}

/// What a figure, or an indicator's latest, says about its process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variation {
    /// Ordinary variation: nothing to explain.
    Common,
    /// Special cause, in the direction that is good.
    Improving(Direction),
    /// Special cause, in the direction that is bad.
    Concerning(Direction),
    /// Special cause where neither direction is good or bad.
    Neutral(Direction),
}

impl Variation {
    fn judged(direction: Direction, polarity: Polarity) -> Variation {
        match (polarity, direction) {
            (Polarity::None, d) => Variation::Neutral(d),
            (Polarity::High, Direction::Higher) | (Polarity::Low, Direction::Lower) => {
                Variation::Improving(direction)
            }
            _ => Variation::Concerning(direction),
        }
    }

    pub fn is_special(self) -> bool {
        self != Variation::Common
    }

    /// "Special cause: improving (higher)".
    pub fn words(self) -> &'static str {
        match self {
            Variation::Common => "Common cause: ordinary variation",
            Variation::Improving(Direction::Higher) => "Special cause: improving (higher)",
            Variation::Improving(Direction::Lower) => "Special cause: improving (lower)",
            Variation::Concerning(Direction::Higher) => "Special cause: concerning (higher)",
            Variation::Concerning(Direction::Lower) => "Special cause: concerning (lower)",
            Variation::Neutral(Direction::Higher) => "Special cause: higher",
            Variation::Neutral(Direction::Lower) => "Special cause: lower",
        }
    }

    /// For CSS classes and test hooks: "common", "improving", "concerning",
    /// "neutral".
    pub fn key(self) -> &'static str {
        match self {
            Variation::Common => "common",
            Variation::Improving(_) => "improving",
            Variation::Concerning(_) => "concerning",
            Variation::Neutral(_) => "neutral",
        }
    }
}

/// Whether the process, as its limits say, meets a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Assurance {
    /// The target is beyond the limits on the bad side: met every time
    /// unless the process changes.
    Pass,
    /// The target is beyond the limits on the good side: missed every time
    /// unless the process changes.
    Fail,
    /// The target is within the limits: met and missed at random.
    HitAndMiss,
}

impl Assurance {
    pub const ALL: [Assurance; 3] = [Assurance::Fail, Assurance::HitAndMiss, Assurance::Pass];

    /// A table cell's or a count's words: "Target missed every time".
    pub fn short(self) -> &'static str {
        match self {
            Assurance::Pass => "Target met every time",
            Assurance::Fail => "Target missed every time",
            Assurance::HitAndMiss => "Target hit and miss",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Assurance::Pass => {
                "The target is likely to be met every time while the figures vary as they do"
            }
            Assurance::Fail => {
                "The target is likely to be missed every time unless something changes"
            }
            Assurance::HitAndMiss => {
                "The target will be sometimes met and sometimes missed, by ordinary variation alone"
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Assurance::Pass => "pass",
            Assurance::Fail => "fail",
            Assurance::HitAndMiss => "hit-and-miss",
        }
    }
}

/// One figure on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub period: Period,
    pub value: f64,
    /// The rules it is part of, in [`Rule`]'s order: none for common cause.
    pub rules: Vec<Rule>,
    pub variation: Variation,
    /// Which of the chart's processes it belongs to.
    pub process: usize,
}

/// A run of figures with limits of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Process {
    /// Its first and one past its last point.
    pub from: usize,
    pub to: usize,
    pub limits: Limits,
}

impl Process {
    /// Fewer than [`FEWEST_POINTS`]: its limits are a rough guide only.
    pub fn is_short(&self) -> bool {
        self.to - self.from < FEWEST_POINTS
    }
}

/// An XmR chart of one series.
#[derive(Clone, Debug, PartialEq)]
pub struct Xmr {
    pub points: Vec<Point>,
    pub processes: Vec<Process>,
}

/// An indicator's SPC, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Spc {
    /// No figure is a number.
    NoFigures,
    /// Too few figures of the latest figure's kind: how many there are.
    TooFew {
        points: usize,
        kind: PeriodKind,
    },
    Chart(Xmr),
}

impl Xmr {
    /// The chart of `series` (in time order), judged by `polarity`, with a
    /// new process from each period of `rebased` that is in it (after its
    /// first). `None` with fewer than [`FEWEST_POINTS`] figures.
    pub fn of(series: &[(Period, f64)], polarity: Polarity, rebased: &[Period]) -> Option<Xmr> {
        if series.len() < FEWEST_POINTS {
            return None;
        }
        let mut starts: Vec<usize> = vec![0];
        starts.extend(
            series
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(_, (p, _))| rebased.contains(p))
                .map(|(i, _)| i),
        );
        let processes: Vec<Process> = starts
            .iter()
            .enumerate()
            .map(|(n, &from)| {
                let to = starts.get(n + 1).copied().unwrap_or(series.len());
                let values: Vec<f64> = series[from..to].iter().map(|(_, v)| *v).collect();
                Process {
                    from,
                    to,
                    limits: Limits::of(&values),
                }
            })
            .collect();
        let mut points: Vec<Point> = series
            .iter()
            .map(|(period, value)| Point {
                period: *period,
                value: *value,
                rules: vec![],
                variation: Variation::Common,
                process: 0,
            })
            .collect();
        for (n, process) in processes.iter().enumerate() {
            let values: Vec<f64> = series[process.from..process.to]
                .iter()
                .map(|(_, v)| *v)
                .collect();
            let found = signals(&values, &process.limits);
            for (i, (rules, direction)) in found.into_iter().enumerate() {
                let point = &mut points[process.from + i];
                point.process = n;
                if let Some(direction) = direction {
                    point.variation = Variation::judged(direction, polarity);
                }
                point.rules = rules;
            }
        }
        Some(Xmr { points, processes })
    }

    /// What the latest figure says: the indicator's variation.
    pub fn variation(&self) -> Variation {
        self.points
            .last()
            .map_or(Variation::Common, |p| p.variation)
    }

    /// The limits the latest figure is judged by.
    pub fn latest(&self) -> &Process {
        // Never empty: `of` makes at least one process of twelve figures.
        &self.processes[self.processes.len() - 1]
    }

    /// Whether the latest process meets `target`, where a direction is
    /// good (`None` where neither is).
    pub fn assurance(&self, target: f64, polarity: Polarity) -> Option<Assurance> {
        let limits = self.latest().limits;
        if limits.is_flat() {
            return None;
        }
        let higher_is_good = match polarity {
            Polarity::High => true,
            Polarity::Low => false,
            Polarity::None => return None,
        };
        Some(if target > limits.upper {
            if higher_is_good {
                Assurance::Fail
            } else {
                Assurance::Pass
            }
        } else if target < limits.lower {
            if higher_is_good {
                Assurance::Pass
            } else {
                Assurance::Fail
            }
        } else {
            Assurance::HitAndMiss
        })
    }
}

impl Xmr {
    /// Whether the latest process meets `target` as its rule reads: a
    /// directional target by [`Xmr::assurance`]; one to be close to either
    /// way is met every time where the limits lie within its green band,
    /// missed every time where they lie wholly outside it.
    pub fn assurance_for(&self, target: &Target, polarity: Polarity) -> Option<Assurance> {
        match target.rule {
            TargetRule::Directional { .. } => self.assurance(target.value, polarity),
            TargetRule::GoalPost { green_within, .. } => {
                let reach = (target.value * green_within / 100.0).abs();
                let (low, high) = (target.value - reach, target.value + reach);
                let limits = self.latest().limits;
                if limits.is_flat() {
                    return None;
                }
                Some(if limits.lower >= low && limits.upper <= high {
                    Assurance::Pass
                } else if limits.upper < low || limits.lower > high {
                    Assurance::Fail
                } else {
                    Assurance::HitAndMiss
                })
            }
        }
    }
}

/// What the overview, the briefing and the printed pack say of an
/// indicator's SPC.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub spc: Spc,
    /// The latest figure's variation, where there is a chart.
    pub variation: Option<Variation>,
    /// Whether its target will be met, where there is a chart, a target
    /// and a good direction.
    pub assurance: Option<Assurance>,
    /// The target judged against: the latest charted figure's own, or the
    /// indicator's.
    pub target: Option<Target>,
}

impl Summary {
    /// "Too few points (8 quarters; 12 are needed)", or the variation's
    /// words.
    pub fn words(&self) -> String {
        match (&self.spc, self.variation) {
            (Spc::NoFigures, _) => "No figures".to_owned(),
            (Spc::TooFew { points, kind }, _) => {
                format!(
                    "Too few points: {points} {} ({FEWEST_POINTS} are needed)",
                    plural(*kind, *points)
                )
            }
            (Spc::Chart(x), _) if x.latest().limits.is_flat() => {
                "The figures do not vary enough to draw limits".to_owned()
            }
            (Spc::Chart(_), Some(v)) => v.words().to_owned(),
            (Spc::Chart(_), None) => Variation::Common.words().to_owned(),
        }
    }
}

/// "quarters", "financial years": figures of `kind`, `n` of them.
fn plural(kind: PeriodKind, n: usize) -> String {
    let one = n == 1;
    let word = |single: &str, many: &str| {
        if one {
            single.to_owned()
        } else {
            many.to_owned()
        }
    };
    match kind {
        PeriodKind::FinancialYear => word("financial year", "financial years"),
        PeriodKind::Quarter => word("quarter", "quarters"),
        PeriodKind::Month => word("month", "months"),
        PeriodKind::CalendarYear => word("calendar year", "calendar years"),
        PeriodKind::AsAt => word("snapshot", "snapshots"),
        PeriodKind::MonthRange(m) => {
            word(&format!("{m}-month range"), &format!("{m}-month ranges"))
        }
        PeriodKind::YearRange(y) => word(&format!("{y}-year range"), &format!("{y}-year ranges")),
        PeriodKind::YearToDate(q) => word(
            &format!("year to date to Q{q}"),
            &format!("years to date to Q{q}"),
        ),
    }
}

/// An indicator's SPC summary: its chart's variation, and its assurance
/// against the latest figure's target (or the indicator's).
pub fn summary(indicator: &Indicator, rebased: &[Period]) -> Summary {
    summary_to(indicator, rebased, None)
}

/// The summary as it stood at `period`: from the figures up to its end
/// (what the overview shows for a period chosen).
pub fn summary_at(indicator: &Indicator, rebased: &[Period], period: &Period) -> Summary {
    summary_to(indicator, rebased, Some(period.end_day()))
}

fn summary_to(indicator: &Indicator, rebased: &[Period], until: Option<Day>) -> Summary {
    let spc = of_indicator_to(indicator, rebased, until);
    let (variation, assurance, target) = match &spc {
        Spc::Chart(x) => {
            let latest = x.points.last().and_then(|p| indicator.value_for(&p.period));
            let target = latest
                .and_then(|o| o.target.as_ref())
                .or(indicator.target.as_ref())
                .cloned();
            (
                Some(x.variation()),
                target
                    .as_ref()
                    .and_then(|t| x.assurance_for(t, indicator.polarity)),
                target,
            )
        }
        _ => (None, None, None),
    };
    Summary {
        spc,
        variation,
        assurance,
        target,
    }
}

/// For each figure of one process: the rules it is part of, and the
/// direction of its special cause (`None` for common cause). A trend
/// takes its own direction; the other rules, the figure's side of the mean.
fn signals(values: &[f64], limits: &Limits) -> Vec<(Vec<Rule>, Option<Direction>)> {
    let n = values.len();
    if limits.is_flat() {
        // No variation to judge against: every figure would be "beyond".
        return vec![(vec![], None); n];
    }
    let sides: Vec<Option<Direction>> = values.iter().map(|y| limits.side(*y)).collect();
    let mut rules: Vec<Vec<Rule>> = vec![vec![]; n];
    let mut trend: Vec<Option<Direction>> = vec![None; n];
    for (i, y) in values.iter().enumerate() {
        if limits.beyond(*y) {
            rules[i].push(Rule::BeyondLimit);
        }
    }
    for end in RUN.saturating_sub(1)..n {
        let run = end + 1 - RUN..=end;
        let side = sides[end];
        if side.is_some() && sides[run.clone()].iter().all(|s| *s == side) {
            for i in run.clone() {
                if !rules[i].contains(&Rule::Shift) {
                    rules[i].push(Rule::Shift);
                }
            }
        }
        let steps: Vec<Option<Direction>> = values[run.clone()]
            .windows(2)
            .map(|w| {
                if w[1] > w[0] {
                    Some(Direction::Higher)
                } else if w[1] < w[0] {
                    Some(Direction::Lower)
                } else {
                    None
                }
            })
            .collect();
        if steps[0].is_some() && steps.iter().all(|s| *s == steps[0]) {
            for i in run {
                if !rules[i].contains(&Rule::Trend) {
                    rules[i].push(Rule::Trend);
                }
                trend[i] = steps[0];
            }
        }
    }
    for start in 0..n.saturating_sub(2) {
        let window = start..start + 3;
        let side = sides[start];
        let one_side = side.is_some() && sides[window.clone()].iter().all(|s| *s == side);
        let near: Vec<usize> = window.filter(|&i| limits.near(values[i])).collect();
        if one_side && near.len() >= 2 {
            for i in near {
                if !rules[i].contains(&Rule::TwoOfThree) {
                    rules[i].push(Rule::TwoOfThree);
                }
            }
        }
    }
    rules
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            crate::sort::ascending(&mut r);
            // A figure beyond a limit goes the way it lies from the mean,
            // even where it starts or ends a trend (as plot-the-dots has it).
            let direction = if r.is_empty() {
                None
            } else if r.contains(&Rule::BeyondLimit) {
                sides[i]
            } else {
                trend[i].or(sides[i])
            };
            (r, direction)
        })
        .collect()
}

/// The series an indicator's chart is drawn from: its figures that are
/// numbers, of the kind of period its latest figure is (quarters, say,
/// leaving out its years), in time order.
pub fn series(indicator: &Indicator) -> Option<(PeriodKind, Vec<(Period, f64)>)> {
    series_to(indicator, None)
}

/// [`series`] of the figures of periods ending by `until`, where given.
fn series_to(
    indicator: &Indicator,
    until: Option<Day>,
) -> Option<(PeriodKind, Vec<(Period, f64)>)> {
    let held = |o: &&crate::domain::indicator::Observation| {
        until.is_none_or(|end| o.period.end_day() <= end)
    };
    let kind = indicator
        .values
        .iter()
        .filter(held)
        .filter(|o| o.value.number().is_some())
        .max_by(|a, b| a.period.timeline_cmp(&b.period))?
        .period
        .kind();
    let mut points: Vec<(Period, f64)> = indicator
        .values
        .iter()
        .filter(held)
        .filter(|o| o.period.kind() == kind)
        .filter_map(|o| Some((o.period, o.value.number()?)))
        .collect();
    crate::sort::by(&mut points, |a, b| a.0.timeline_cmp(&b.0));
    Some((kind, points))
}

/// The figures `unit` can hold: a limit past them is drawn at them (a
/// count's lower limit of -3 is 0; a percentage's upper of 116% is 100%).
fn possible(unit: Unit) -> (Option<f64>, Option<f64>) {
    match unit {
        Unit::Percent => (Some(0.0), Some(100.0)),
        Unit::Number | Unit::Money => (None, None),
        _ => (Some(0.0), None),
    }
}

impl Xmr {
    /// The chart with each process's limits held within `low` and `high`:
    /// what a figure cannot pass, a limit does not either. The rules are
    /// unchanged by it (no figure lies past what is possible).
    pub fn within(mut self, (low, high): (Option<f64>, Option<f64>)) -> Xmr {
        for p in &mut self.processes {
            let l = &mut p.limits;
            if let Some(low) = low {
                l.lower = l.lower.max(low);
                l.near_lower = l.near_lower.max(low);
            }
            if let Some(high) = high {
                l.upper = l.upper.min(high);
                l.near_upper = l.near_upper.min(high);
            }
        }
        self
    }
}

/// An indicator's SPC: its chart where it has [`FEWEST_POINTS`] figures or
/// more of one kind, or why not; its limits within what its unit can hold.
pub fn of_indicator(indicator: &Indicator, rebased: &[Period]) -> Spc {
    of_indicator_to(indicator, rebased, None)
}

fn of_indicator_to(indicator: &Indicator, rebased: &[Period], until: Option<Day>) -> Spc {
    let Some((kind, points)) = series_to(indicator, until) else {
        return Spc::NoFigures;
    };
    match Xmr::of(&points, indicator.polarity, rebased) {
        Some(chart) => Spc::Chart(chart.within(possible(indicator.unit))),
        None => Spc::TooFew {
            points: points.len(),
            kind,
        },
    }
}

/// How the chart and its table print a figure, a mean or a limit of
/// `indicator`: as its figures are printed, with one more decimal place
/// than the most they have (at most three), in its unit.
pub fn printer(indicator: &Indicator) -> impl Fn(f64) -> String {
    use crate::domain::value::Value;
    let most = crate::indicators::details::figure_decimals(indicator);
    let places = (most + 1).min(3);
    let unit = indicator.unit;
    move |v: f64| {
        let factor = 10f64.powi(i32::from(places));
        Value::figure((v * factor).round() / factor, places).display(unit)
    }
}

/// One row of the chart's table: the figure, its process's mean and
/// limits, and what it signals in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub period: String,
    pub figure: String,
    pub mean: String,
    pub lower: String,
    pub upper: String,
    pub signal: String,
}

/// The chart's table, a row a figure, oldest first: every signal in words.
pub fn rows(chart: &Xmr, show: &impl Fn(f64) -> String) -> Vec<Row> {
    chart
        .points
        .iter()
        .map(|p| {
            let limits = chart.processes[p.process].limits;
            let signal = if p.rules.is_empty() {
                Variation::Common.words().to_owned()
            } else {
                let rules: Vec<String> = p.rules.iter().map(|r| r.words()).collect();
                format!("{}: {}", p.variation.words(), rules.join("; "))
            };
            Row {
                period: p.period.to_string(),
                figure: show(p.value),
                mean: show(limits.mean),
                lower: show(limits.lower),
                upper: show(limits.upper),
                signal,
            }
        })
        .collect()
}
