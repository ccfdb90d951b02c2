//! What the indicator overview shows for one reporting period: each figure's
//! rating (with an officer's override), its direction of travel against the
//! right earlier figure, how it stands against England, and the counts that
//! answer "Are we achieving our targets?" and "Are we getting better?".
//!
//! Views only display these results; every rule lives here and is tested.

use std::cmp::Ordering;

use crate::domain::indicator::{ComparatorKind, CompareWith, Indicator, Observation};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::rag::{direction, rate, Direction, Polarity, Rag, Rating};
use crate::domain::snapshot::Snapshot;
use crate::sort;
use crate::spc::Assurance;

mod filter;
mod signal;
mod tables;

pub use filter::Filter;
pub use signal::{assurance_from_key, signal_at, Signal};
pub use tables::{overview, overview_counted, results_line, AreaTable, CellView, RowView, COLUMNS};

/// The periods a councillor can choose between: every quarter and financial
/// year that holds a figure, latest first.
pub fn reporting_periods(snapshot: &Snapshot) -> Vec<Period> {
    let mut periods = distinct(
        snapshot
            .indicators
            .iter()
            .flat_map(|i| i.values.iter().map(|o| o.period))
            .filter(|p| matches!(p.kind(), PeriodKind::Quarter | PeriodKind::FinancialYear)),
    );
    // Latest end first; at the same end, the shorter (a year's last quarter) first.
    sort::by(&mut periods, |a, b| b.timeline_cmp(a));
    periods
}

/// Each of `periods` once, in the order first met. A pack's figures fall in
/// a few dozen periods at most, so looking through those met so far is
/// quicker than sorting every figure's period (20,000 in a 1,000-indicator
/// pack) to drop the repeats.
pub(crate) fn distinct(periods: impl Iterator<Item = Period>) -> Vec<Period> {
    let mut seen: Vec<Period> = Vec::new();
    for period in periods {
        if !seen.contains(&period) {
            seen.push(period);
        }
    }
    seen
}

/// The period shown first: the latest quarter, or the latest of any kind.
pub fn default_period(snapshot: &Snapshot) -> Option<Period> {
    default_among(&reporting_periods(snapshot))
}

/// [`default_period`] of the `periods` [`reporting_periods`] gave, where
/// the caller has them already.
pub fn default_among(periods: &[Period]) -> Option<Period> {
    periods
        .iter()
        .find(|p| p.kind() == PeriodKind::Quarter)
        .or_else(|| periods.first())
        .copied()
}

/// Derives `snapshot`'s overview as `#/indicators` shows it, at every
/// reporting period: the counts, the tables and their rows' text. The app
/// runs this on the demo in idle time before a file is opened (with the
/// reader's rehearsal, `file::format::rehearse`), so that the first overview
/// of a large file is drawn by code Chromium has compiled beyond its
/// baseline tier. Gives the number of rows drawn.
pub fn rehearse(snapshot: &Snapshot) -> usize {
    let filter = Filter::default();
    let mut rows = 0;
    for period in reporting_periods(snapshot) {
        let (tables, tally) = overview_counted(snapshot, &filter, &period);
        std::hint::black_box(tally);
        for table in tables {
            std::hint::black_box((
                table.rows_html(),
                table.shown_columns(),
                table.small_note(),
                table.tally.summary(),
            ));
            rows += table.rows.len();
        }
    }
    rows
}

/// How one figure is rated, and whether by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct CellRating {
    pub rating: Rating,
    /// The officer's reason, where the rating was set by hand.
    pub override_reason: Option<String>,
}

impl CellRating {
    pub fn rag(&self) -> Option<Rag> {
        match self.rating {
            Rating::Rated { rag, .. } => Some(rag),
            _ => None,
        }
    }

    /// The rating in words, for an indicator's table of figures: "Green",
    /// "Red (set by hand: ...)", "No target", "Context only" or "No figure".
    pub fn words(&self) -> String {
        match (self.rag(), &self.rating) {
            (Some(rag), _) => rated_words(rag.label(), self.override_reason.as_deref()),
            (None, Rating::NoTarget) => "No target".to_owned(),
            (None, Rating::ContextOnly) => "Context only".to_owned(),
            (None, _) => "No figure".to_owned(),
        }
    }
}

/// A rating's words (`label`), with the officer's reason where it was set by
/// hand: "Requires improvement (set by hand: Highest rate since 2017)".
pub fn rated_words(label: &str, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => format!("{label} (set by hand: {reason})"),
        None => label.to_owned(),
    }
}

/// Rates a figure against its own target, else the indicator's; a hand-set
/// rating wins and carries its reason.
pub fn rate_observation(indicator: &Indicator, observation: &Observation) -> CellRating {
    if let Some(o) = &observation.rag_override {
        return CellRating {
            rating: Rating::Rated {
                rag: o.rag,
                performance: None,
            },
            override_reason: Some(o.reason.clone()),
        };
    }
    let target = observation.target.as_ref().or(indicator.target.as_ref());
    CellRating {
        rating: rate(&observation.value, target, indicator.polarity),
        override_reason: None,
    }
}

/// The figure direction of travel compares `period` with: the previous
/// period of the same kind, or the same period a year earlier.
pub fn earlier_figure<'a>(indicator: &'a Indicator, period: &Period) -> Option<&'a Observation> {
    match indicator.compare_with {
        CompareWith::SameLastYear => indicator.value_for(&period.year_earlier()),
        CompareWith::PreviousPeriod => indicator
            .values
            .iter()
            .filter(|o| o.period.compare(period) == Ok(Ordering::Less))
            .max_by(|a, b| a.period.timeline_cmp(&b.period)),
    }
}

/// Direction of travel at `period`, where there is a figure to compare with.
pub fn direction_at(indicator: &Indicator, period: &Period) -> Option<Direction> {
    let now = indicator.value_for(period)?;
    let before = earlier_figure(indicator, period)?;
    direction(
        (&before.period, &before.value),
        (&now.period, &now.value),
        indicator.polarity,
    )
    .ok()
}

/// Whether the figure for `period` is worse than the England average, by the
/// indicator's polarity. `None` where either is missing or polarity is "-".
pub fn worse_than_england(indicator: &Indicator, period: &Period) -> Option<bool> {
    let ours = indicator.value_for(period)?.value.number()?;
    let england = indicator
        .comparator(ComparatorKind::England)?
        .value
        .number()?;
    match indicator.polarity {
        Polarity::High => Some(ours < england),
        Polarity::Low => Some(ours > england),
        Polarity::None => None,
    }
}

/// Where an indicator stands in the chosen period, for the counts and filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    Green,
    Amber,
    Red,
    /// A figure, but no target to judge it by (or context only).
    NoTarget,
    /// No figure for the period, or a figure marked missing.
    Missing,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::Green,
        Standing::Amber,
        Standing::Red,
        Standing::NoTarget,
        Standing::Missing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Standing::Green => Rag::Green.label(),
            Standing::Amber => Rag::Amber.label(),
            Standing::Red => Rag::Red.label(),
            Standing::NoTarget => "No target",
            Standing::Missing => "No figure",
        }
    }

    /// The word used in addresses: `?rag=red`.
    pub fn key(self) -> &'static str {
        match self {
            Standing::Green => "green",
            Standing::Amber => "amber",
            Standing::Red => "red",
            Standing::NoTarget => "no-target",
            Standing::Missing => "missing",
        }
    }

    pub fn from_key(key: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The badge's class and its shape, so colour is never the only cue.
    pub fn badge(self) -> (&'static str, &'static str) {
        match self {
            Standing::Green => ("rag rag--green", "\u{25cf}"),
            Standing::Amber => ("rag rag--amber", "\u{25b2}"),
            Standing::Red => ("rag rag--red", "\u{25a0}"),
            Standing::NoTarget => ("rag rag--none", "\u{25cb}"),
            Standing::Missing => ("rag rag--none", "\u{2013}"),
        }
    }
}

/// The standing of `indicator` in `period`.
pub fn standing(indicator: &Indicator, period: &Period) -> Standing {
    match indicator.value_for(period) {
        Some(observation) => standing_of(&rate_observation(indicator, observation).rating),
        None => Standing::Missing,
    }
}

/// The standing a rating puts a figure in.
pub fn standing_of(rating: &Rating) -> Standing {
    match *rating {
        Rating::Rated {
            rag: Rag::Green, ..
        } => Standing::Green,
        Rating::Rated {
            rag: Rag::Amber, ..
        } => Standing::Amber,
        Rating::Rated { rag: Rag::Red, .. } => Standing::Red,
        Rating::Missing => Standing::Missing,
        Rating::NoTarget | Rating::ContextOnly => Standing::NoTarget,
    }
}

/// Direction in the words of the counts: improving, no change, worsening, or
/// not comparable (no earlier figure of the same kind, or context only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Travel {
    Improving,
    NoChange,
    Worsening,
    NotComparable,
}

impl Travel {
    pub const ALL: [Travel; 4] = [
        Travel::Improving,
        Travel::NoChange,
        Travel::Worsening,
        Travel::NotComparable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Travel::Improving => "Improving",
            Travel::NoChange => "No change",
            Travel::Worsening => "Worsening",
            Travel::NotComparable => "Not comparable",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Travel::Improving => "improving",
            Travel::NoChange => "no-change",
            Travel::Worsening => "worsening",
            Travel::NotComparable => "not-comparable",
        }
    }

    pub fn from_key(key: &str) -> Option<Travel> {
        Travel::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The arrow's class and the arrow itself.
    pub fn badge(self) -> (&'static str, &'static str) {
        match self {
            Travel::Improving => ("travel travel--better", "\u{2191}"),
            Travel::NoChange => ("travel", "\u{2192}"),
            Travel::Worsening => ("travel travel--worse", "\u{2193}"),
            Travel::NotComparable => ("travel", "\u{00b7}"),
        }
    }
}

/// "Good is" in a table: high, low, or a dash where neither is better.
pub fn polarity_words(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::High => "High",
        Polarity::Low => "Low",
        Polarity::None => "\u{2013}",
    }
}

pub fn travel(indicator: &Indicator, period: &Period) -> Travel {
    match direction_at(indicator, period) {
        Some(Direction::Improving) => Travel::Improving,
        Some(Direction::NoChange) => Travel::NoChange,
        Some(Direction::Worsening) => Travel::Worsening,
        _ => Travel::NotComparable,
    }
}

/// Counts of standings and directions for a set of indicators.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub standings: [usize; 5],
    pub travels: [usize; 4],
    /// By [`Signal::ALL`]'s order.
    pub signals: [usize; 5],
    /// By [`Assurance::ALL`]'s order.
    pub assurances: [usize; 3],
}

impl Tally {
    /// One line for a table's heading: "1 on track, 2 requiring improvement; 3 improving, 1 worsening".
    pub fn summary(&self) -> String {
        let part = |n: usize, words: &str| (n > 0).then(|| format!("{n} {words}"));
        let targets: Vec<String> = [
            part(self.standing(Standing::Green), "on track"),
            part(self.standing(Standing::Amber), "slightly below"),
            part(self.standing(Standing::Red), "requiring improvement"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let travel: Vec<String> = [
            part(self.travel(Travel::Improving), "improving"),
            part(self.travel(Travel::NoChange), "no change"),
            part(self.travel(Travel::Worsening), "worsening"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let targets = if targets.is_empty() {
            "No targets to judge".to_owned()
        } else {
            targets.join(", ")
        };
        let travel = if travel.is_empty() {
            "no direction of travel".to_owned()
        } else {
            travel.join(", ")
        };
        format!("{targets}; {travel}.")
    }

    pub fn of<'a>(indicators: impl IntoIterator<Item = &'a Indicator>, period: &Period) -> Tally {
        let mut tally = Tally::default();
        for indicator in indicators {
            tally.add(standing(indicator, period), travel(indicator, period));
            let (signal, assurance) = signal_at(indicator, period);
            tally.add_spc(signal, assurance);
        }
        tally
    }

    /// The counts for `period` of the indicators `filter` lets through,
    /// ignoring its standing and direction, so the counts show the whole
    /// picture while one of them filters the tables.
    pub fn for_filter(snapshot: &Snapshot, filter: &Filter, period: &Period) -> Tally {
        let base = filter.for_counts();
        Tally::of(
            snapshot
                .indicators
                .iter()
                .filter(|i| base.matches(i, period)),
            period,
        )
    }

    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: &Tally) {
        let add = |mine: &mut [usize], theirs: &[usize]| {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        };
        add(&mut self.standings, &other.standings);
        add(&mut self.travels, &other.travels);
        add(&mut self.signals, &other.signals);
        add(&mut self.assurances, &other.assurances);
    }

    /// Counts one indicator.
    pub fn add(&mut self, s: Standing, t: Travel) {
        if let Some(i) = Standing::ALL.iter().position(|x| *x == s) {
            self.standings[i] += 1;
        }
        if let Some(i) = Travel::ALL.iter().position(|x| *x == t) {
            self.travels[i] += 1;
        }
    }

    /// Counts one indicator's variation and assurance.
    pub fn add_spc(&mut self, s: Signal, a: Option<Assurance>) {
        if let Some(i) = Signal::ALL.iter().position(|x| *x == s) {
            self.signals[i] += 1;
        }
        if let Some(i) = a.and_then(|a| Assurance::ALL.iter().position(|x| *x == a)) {
            self.assurances[i] += 1;
        }
    }

    pub fn signal(&self, s: Signal) -> usize {
        Signal::ALL
            .iter()
            .position(|x| *x == s)
            .map_or(0, |i| self.signals[i])
    }

    pub fn assurance(&self, a: Assurance) -> usize {
        Assurance::ALL
            .iter()
            .position(|x| *x == a)
            .map_or(0, |i| self.assurances[i])
    }

    pub fn standing(&self, s: Standing) -> usize {
        Standing::ALL
            .iter()
            .position(|x| *x == s)
            .map_or(0, |i| self.standings[i])
    }

    pub fn travel(&self, t: Travel) -> usize {
        Travel::ALL
            .iter()
            .position(|x| *x == t)
            .map_or(0, |i| self.travels[i])
    }
}

#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;
