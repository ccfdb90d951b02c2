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
use crate::indicators::rows_html::Html;

/// The periods a councillor can choose between: every quarter and financial
/// year that holds a figure, latest first.
pub fn reporting_periods(snapshot: &Snapshot) -> Vec<Period> {
    let mut periods: Vec<Period> = snapshot
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|o| o.period))
        .filter(|p| matches!(p.kind(), PeriodKind::Quarter | PeriodKind::FinancialYear))
        .collect();
    // Latest end first; at the same end, the shorter (a year's last quarter) first.
    periods.sort_by(|a, b| b.timeline_cmp(a));
    periods.dedup();
    periods
}

/// The period shown first: the latest quarter, or the latest of any kind.
pub fn default_period(snapshot: &Snapshot) -> Option<Period> {
    let periods = reporting_periods(snapshot);
    periods
        .iter()
        .find(|p| p.kind() == PeriodKind::Quarter)
        .or_else(|| periods.first())
        .copied()
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
        }
        tally
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

/// The overview's filters, as held in the address so a view can be emailed:
/// `#/indicators?period=Q1%202019%2F20&area=adoptions&rag=red&travel=worsening&england=worse&q=care`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub period: Option<Period>,
    pub area: Option<String>,
    pub standing: Option<Standing>,
    pub travel: Option<Travel>,
    pub worse_than_england: bool,
    pub text: String,
}

impl Filter {
    /// Reads the query pairs of an address; unknown or unreadable values are ignored.
    pub fn from_query(pairs: &[(String, String)]) -> Filter {
        let mut filter = Filter::default();
        for (key, value) in pairs {
            match key.as_str() {
                "period" => filter.period = value.parse().ok(),
                "area" if !value.is_empty() => filter.area = Some(value.clone()),
                "rag" => filter.standing = Standing::from_key(value),
                "travel" => filter.travel = Travel::from_key(value),
                "england" => filter.worse_than_england = value == "worse",
                "q" => filter.text = value.trim().to_owned(),
                _ => {}
            }
        }
        filter
    }

    /// What in the address could not be read, in words, so a mistyped or
    /// out-of-date link says so instead of silently showing something else.
    pub fn unread(pairs: &[(String, String)]) -> Vec<String> {
        crate::route::unread_parts(pairs, |key, value| match key {
            "period" => value.parse::<Period>().is_ok(),
            "rag" => Standing::from_key(value).is_some(),
            "travel" => Travel::from_key(value).is_some(),
            "england" => value == "worse",
            "area" | "q" => true,
            _ => false,
        })
    }

    /// What the overview says about its link: parts not understood, and a
    /// period with no figures.
    /// `periods` are the snapshot's [`reporting_periods`], worked out once by the caller.
    pub fn link_problem(periods: &[Period], pairs: &[(String, String)]) -> Option<String> {
        let no_figures = Filter::from_query(pairs)
            .period
            .filter(|p| !periods.contains(p))
            .map(|p| {
                format!("No indicator has a figure for {p}: choose another reporting period.")
            });
        crate::route::link_note(&Filter::unread(pairs), no_figures)
    }

    /// The overview's address with this filter.
    pub fn href(&self) -> String {
        crate::route::Route::Indicators.href_with(&self.to_query())
    }

    /// The query part of the address, without the "?"; empty with no filter.
    pub fn to_query(&self) -> String {
        use crate::route::percent_encode;
        let mut parts = vec![];
        if let Some(p) = &self.period {
            parts.push(format!("period={}", percent_encode(&p.to_string())));
        }
        if let Some(a) = &self.area {
            parts.push(format!("area={}", percent_encode(a)));
        }
        if let Some(s) = self.standing {
            parts.push(format!("rag={}", s.key()));
        }
        if let Some(t) = self.travel {
            parts.push(format!("travel={}", t.key()));
        }
        if self.worse_than_england {
            parts.push("england=worse".to_owned());
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        parts.join("&")
    }

    /// Whether `indicator` passes every filter but the period, at `period`.
    pub fn matches(&self, indicator: &Indicator, period: &Period) -> bool {
        if self
            .area
            .as_deref()
            .is_some_and(|a| a != indicator.service_area)
        {
            return false;
        }
        if self
            .standing
            .is_some_and(|s| standing(indicator, period) != s)
        {
            return false;
        }
        if self.travel.is_some_and(|t| travel(indicator, period) != t) {
            return false;
        }
        if self.worse_than_england && worse_than_england(indicator, period) != Some(true) {
            return false;
        }
        if !self.text.is_empty() {
            let needle = self.text.to_lowercase();
            let hay = format!(
                "{} {} {}",
                indicator.name,
                indicator.id,
                indicator.group.as_deref().unwrap_or("")
            )
            .to_lowercase();
            if !hay.contains(&needle) {
                return false;
            }
        }
        true
    }
}

/// How many period columns an area's table shows, ending at the chosen period.
pub const COLUMNS: usize = 6;

/// One service area's table for the overview, shaped like the packs' tables.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaTable {
    pub area_id: String,
    pub area_name: String,
    /// Quarters and years, oldest first, ending at the chosen period (which
    /// always has its column, filled or not).
    pub columns: Vec<Period>,
    pub show_region: bool,
    /// The region the regional comparators are of ("North West"), as they name it.
    pub region_name: Option<String>,
    pub show_neighbours: bool,
    pub rows: Vec<RowView>,
    /// The area's counts for the chosen period.
    pub tally: Tally,
}

impl AreaTable {
    /// Whether any row has a figure for a period outside the columns, so the
    /// table needs a "Latest other period" column.
    pub fn any_elsewhere(&self) -> bool {
        self.rows.iter().any(|r| r.latest_elsewhere.is_some())
    }

    /// The columns in the order the table shows them: the chosen period
    /// first, beside the indicator's name, then the earlier ones, newest
    /// first, so that at tablet widths what is being judged never needs a
    /// sideways swipe and only the history scrolls.
    pub fn shown_columns(&self) -> Vec<Period> {
        self.columns.iter().rev().copied().collect()
    }

    /// The table's body rows as HTML, every value escaped (see [`crate::indicators::rows_html`]),
    /// in the order of [`AreaTable::shown_columns`]: name, the chosen period's
    /// figure, direction, trend, polarity, earlier figures, comparators.
    pub fn rows_html(&self) -> String {
        let any_elsewhere = self.any_elsewhere();
        let mut html = Html::with_capacity(self.rows.len() * 900);
        for row in &self.rows {
            let link = format!("#/indicators/{}", crate::route::percent_encode(&row.id));
            html.open("tr", &[("data-indicator", &row.id)])
                .raw("<th scope=\"row\" class=\"indicator-name\">")
                .element("a", &[("href", &link)], &row.name)
                .raw("</th>");
            let mut cells = row.cells.iter().rev();
            if let Some(chosen) = cells.next() {
                chosen.write_html(&mut html);
            }
            let (class, arrow) = row.travel.badge();
            html.raw("<td class=\"travel-cell\">")
                .element("span", &[("class", class), ("aria-hidden", "true")], arrow)
                .text(" ")
                .text(row.travel.label())
                .raw("</td><td class=\"trend-cell\">");
            let trend = crate::charts::sparkline(&row.trend, 60.0, 20.0);
            if !trend.is_empty() {
                html.raw("<svg class=\"sparkline\" width=\"60\" height=\"20\" viewBox=\"0 0 60 20\" aria-hidden=\"true\" focusable=\"false\">")
                    .raw("<path")
                    .attr("d", &trend)
                    .raw(" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"></path></svg>");
            }
            html.raw("</td>")
                .element("td", &[], polarity_words(row.polarity));
            for cell in cells {
                cell.write_html(&mut html);
            }
            let numeric = |html: &mut Html, text: Option<&str>| {
                html.element("td", &[("class", "numeric")], text.unwrap_or_default());
            };
            if any_elsewhere {
                let elsewhere = row
                    .latest_elsewhere
                    .as_ref()
                    .map(|(p, v)| format!("{v} ({p})"));
                numeric(&mut html, elsewhere.as_deref());
            }
            numeric(&mut html, row.england.as_deref());
            if self.show_region {
                numeric(&mut html, row.region.as_deref());
            }
            if self.show_neighbours {
                numeric(&mut html, row.neighbours.as_deref());
            }
            html.raw("</tr>");
        }
        html.finish()
    }
}

/// One indicator's row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub id: String,
    pub name: String,
    pub polarity: Polarity,
    /// Where it stands in the chosen period.
    pub standing: Standing,
    /// One per column.
    pub cells: Vec<CellView>,
    /// The latest figure held for a period that is not a column (a rolling
    /// year, a month), with that period, where the columns hold nothing newer.
    pub latest_elsewhere: Option<(Period, String)>,
    pub england: Option<String>,
    pub region: Option<String>,
    pub neighbours: Option<String>,
    pub travel: Travel,
    /// The figures of the columns of the chosen period's kind, for a sparkline.
    pub trend: Vec<Option<f64>>,
}

/// One figure in a table, with its standing.
#[derive(Clone, Debug, PartialEq)]
pub struct CellView {
    /// As the pack prints it; "" where there is no figure at all.
    pub text: String,
    /// `None` where there is no figure for the period.
    pub standing: Option<Standing>,
    pub override_reason: Option<String>,
    pub note: Option<String>,
}

impl CellView {
    /// The words a screen reader hears after the figure: its rating, and why
    /// it was set by hand. Empty where there is no rating.
    pub fn rating_words(&self) -> String {
        match (self.standing, &self.override_reason) {
            (Some(s @ (Standing::Green | Standing::Amber | Standing::Red)), Some(reason)) => {
                format!("{} (set by hand: {reason})", s.label())
            }
            (Some(s @ (Standing::Green | Standing::Amber | Standing::Red)), None) => {
                s.label().to_owned()
            }
            _ => String::new(),
        }
    }

    fn write_html(&self, html: &mut Html) {
        html.raw("<td class=\"numeric\"");
        if let Some(note) = &self.note {
            html.attr("title", note);
        }
        html.raw(">").text(&self.text);
        let words = self.rating_words();
        if let (false, Some(standing)) = (words.is_empty(), self.standing) {
            let (class, shape) = standing.badge();
            html.text(" ")
                .element("span", &[("class", class), ("aria-hidden", "true")], shape)
                // Heard, not seen, on screen (the shape and colour show it);
                // printed as words, since a pack may be copied in black and white.
                .element(
                    "span",
                    &[("class", "visually-hidden rating-words")],
                    &format!(" {words}"),
                );
        }
        if self.override_reason.is_some() {
            html.raw("<span class=\"override-mark\" aria-hidden=\"true\">*</span>");
        }
        html.raw("</td>");
    }
}

fn comparator_text(indicator: &Indicator, kind: ComparatorKind) -> Option<String> {
    let c = indicator.comparator(kind)?;
    let value = c.value.display(indicator.unit);
    Some(match &c.period {
        Some(p) => format!("{value} ({p})"),
        None => value,
    })
}

fn cell(indicator: &Indicator, period: &Period) -> CellView {
    match indicator.value_for(period) {
        None => CellView {
            text: String::new(),
            standing: None,
            override_reason: None,
            note: None,
        },
        Some(o) => {
            let rating = rate_observation(indicator, o);
            CellView {
                text: o.value.display(indicator.unit),
                standing: Some(standing_of(&rating.rating)),
                override_reason: rating.override_reason,
                note: o.note.clone(),
            }
        }
    }
}

/// The overview's tables for `period`, with only the indicators `filter` lets through.
pub fn overview(snapshot: &Snapshot, filter: &Filter, period: &Period) -> Vec<AreaTable> {
    snapshot
        .service_areas
        .iter()
        .filter_map(|area| {
            let indicators: Vec<&Indicator> = snapshot
                .indicators
                .iter()
                .filter(|i| i.service_area == area.id && filter.matches(i, period))
                .collect();
            if indicators.is_empty() {
                return None;
            }
            let mut columns: Vec<Period> = indicators
                .iter()
                .flat_map(|i| i.values.iter().map(|o| o.period))
                .filter(|p| {
                    matches!(p.kind(), PeriodKind::Quarter | PeriodKind::FinancialYear)
                        && p.end() <= period.end()
                })
                .collect();
            // As the packs print them: a year after the quarter that ends it.
            columns.sort_by_key(|p| (p.end(), std::cmp::Reverse(p.start())));
            columns.dedup();
            // The chosen period always has its column, last, even where none
            // of the area's indicators has a figure for it yet.
            columns.retain(|p| p != period);
            let skip = columns.len().saturating_sub(COLUMNS - 1);
            let mut columns: Vec<Period> = columns.into_iter().skip(skip).collect();
            columns.push(*period);
            let rows = indicators
                .iter()
                .map(|i| {
                    let newest_in_columns = columns
                        .iter()
                        .filter(|c| i.value_for(c).is_some())
                        .map(|c| c.end())
                        .max();
                    let latest_elsewhere = i
                        .values
                        .iter()
                        .filter(|o| !columns.contains(&o.period) && o.period.end() <= period.end())
                        .filter(|o| newest_in_columns.is_none_or(|end| o.period.end() > end))
                        .max_by(|a, b| a.period.timeline_cmp(&b.period))
                        .map(|o| (o.period, o.value.display(i.unit)));
                    RowView {
                        id: i.id.clone(),
                        name: i.name.clone(),
                        polarity: i.polarity,
                        standing: standing(i, period),
                        cells: columns.iter().map(|c| cell(i, c)).collect(),
                        latest_elsewhere,
                        england: comparator_text(i, ComparatorKind::England),
                        region: comparator_text(i, ComparatorKind::Region),
                        neighbours: comparator_text(i, ComparatorKind::StatisticalNeighbours),
                        travel: travel(i, period),
                        trend: columns
                            .iter()
                            .filter(|c| c.kind() == period.kind())
                            .map(|c| i.value_for(c).and_then(|o| o.value.number()))
                            .collect(),
                    }
                })
                .collect::<Vec<_>>();
            let mut tally = Tally::default();
            for row in &rows {
                tally.add(row.standing, row.travel);
            }
            Some(AreaTable {
                tally,
                area_id: area.id.clone(),
                area_name: area.name.clone(),
                show_region: rows.iter().any(|r| r.region.is_some()),
                region_name: indicators
                    .iter()
                    .filter_map(|i| i.comparator(ComparatorKind::Region))
                    .find_map(|c| c.name.clone()),
                show_neighbours: rows.iter().any(|r| r.neighbours.is_some()),
                columns,
                rows,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::RagOverride;
    use crate::domain::rag::{Target, TargetRule};

    fn period(label: &str) -> Period {
        label.parse().expect("period")
    }

    fn demo() -> Snapshot {
        Snapshot::demo()
    }

    fn ind<'a>(s: &'a Snapshot, id: &str) -> &'a Indicator {
        s.indicators.iter().find(|i| i.id == id).expect(id)
    }

    #[test]
    fn the_picker_offers_quarters_and_years_latest_first_and_defaults_to_the_latest_quarter() {
        let s = demo();
        let periods: Vec<String> = reporting_periods(&s)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            &periods[..4],
            ["Q1 2019/20", "Q4 2018/19", "2018/19", "Q3 2018/19"]
        );
        assert!(periods.contains(&"2016/17".to_owned()));
        assert!(
            !periods.iter().any(|p| p.contains(" - ")),
            "rolling years are not report periods"
        );
        assert_eq!(default_period(&s), Some(period("Q1 2019/20")));
    }

    #[test]
    fn direction_compares_like_with_like_as_the_indicator_says() {
        let s = demo();
        let q1 = period("Q1 2019/20");
        // Referrals: Q1 2019/20 (111.2) after Q4 2018/19 (129.0), lower is better.
        let referrals = ind(&s, "referrals");
        assert_eq!(
            earlier_figure(referrals, &q1).map(|o| o.period),
            Some(period("Q4 2018/19"))
        );
        assert_eq!(direction_at(referrals, &q1), Some(Direction::Improving));
        // Library visits are seasonal: Q1 2019/20 (871,039) against Q1 2018/19 (879,387).
        let visits = ind(&s, "library-visits");
        assert_eq!(
            earlier_figure(visits, &q1).map(|o| o.period),
            Some(period("Q1 2018/19"))
        );
        assert_eq!(travel(visits, &q1), Travel::Worsening);
        // A year is compared with the year before, never with a quarter.
        let y = period("2018/19");
        assert_eq!(
            earlier_figure(referrals, &y).map(|o| o.period),
            Some(period("2017/18"))
        );
        // Contacts are context only.
        assert_eq!(
            travel(ind(&s, "contacts"), &period("Q1 2018/19")),
            Travel::NotComparable
        );
    }

    #[test]
    fn standings_use_the_figure_target_then_the_indicator_target_and_overrides_win() {
        let s = demo();
        // Street lighting, target 5 days (lower is better): 4.79 in Q1 2019/20 is green.
        let lighting = ind(&s, "street-lighting-repair-days");
        assert_eq!(standing(lighting, &period("Q1 2019/20")), Standing::Green);
        // 6.34 in Q4 2018/19: performance 2 - 6.34/5 = 73%, beyond a 5-point tolerance: red.
        assert_eq!(standing(lighting, &period("Q4 2018/19")), Standing::Red);
        // Payment by results: 2,409 against the Q1 2018/19 target of 2,447 is 98.4%: amber.
        let claims = ind(&s, "payment-by-results-claims");
        assert_eq!(standing(claims, &period("Q1 2018/19")), Standing::Amber);
        assert_eq!(standing(claims, &period("Q2 2018/19")), Standing::NoTarget);
        assert_eq!(
            standing(ind(&s, "children-in-need"), &period("2018/19")),
            Standing::Missing
        );
        assert_eq!(
            standing(ind(&s, "first-time-entrants"), &period("Q1 2019/20")),
            Standing::Missing
        );

        let mut obs = claims.value_for(&period("Q1 2018/19")).expect("Q1").clone();
        obs.rag_override = Some(RagOverride {
            rag: Rag::Green,
            reason: "Claim window closed after quarter end".into(),
        });
        let cell = rate_observation(claims, &obs);
        assert_eq!(cell.rag(), Some(Rag::Green));
        assert_eq!(
            cell.override_reason.as_deref(),
            Some("Claim window closed after quarter end")
        );
    }

    #[test]
    fn worse_than_england_follows_polarity() {
        let s = demo();
        let q1 = period("Q1 2019/20");
        assert_eq!(
            worse_than_england(ind(&s, "children-looked-after"), &q1),
            Some(true),
            "84.6 vs 64.0, low is good"
        );
        assert_eq!(
            worse_than_england(ind(&s, "direct-payments"), &q1),
            Some(false),
            "31.3% vs 28.5%, high is good"
        );
        assert_eq!(
            worse_than_england(ind(&s, "children-in-need"), &q1),
            None,
            "no England figure"
        );
    }

    #[test]
    fn the_tally_counts_every_indicator_once() {
        let s = demo();
        let q1 = period("Q1 2019/20");
        let tally = Tally::of(&s.indicators, &q1);
        assert_eq!(tally.standings.iter().sum::<usize>(), s.indicators.len());
        assert_eq!(tally.travels.iter().sum::<usize>(), s.indicators.len());
        // Targets in the demo for Q1 2019/20: the four defect measures, street lighting and claims.
        assert_eq!(
            tally.standing(Standing::Green)
                + tally.standing(Standing::Amber)
                + tally.standing(Standing::Red),
            6
        );
        let adoptions = Tally::of(
            s.indicators
                .iter()
                .filter(|i| i.service_area == "adoptions"),
            &q1,
        );
        assert_eq!(
            adoptions.travel(Travel::Worsening),
            2,
            "546 after 395 days, 204 after 90"
        );
    }

    #[test]
    fn filters_round_trip_through_the_address_and_select_indicators() {
        let filter = Filter {
            period: Some(period("Q1 2019/20")),
            area: Some("childrens-social-care".into()),
            standing: None,
            travel: Some(Travel::Worsening),
            worse_than_england: true,
            text: "plan & care".into(),
        };
        let query = filter.to_query();
        assert_eq!(
            query,
            "period=Q1%202019%2F20&area=childrens-social-care&travel=worsening&england=worse&q=plan%20%26%20care"
        );
        let (_, pairs) = crate::route::split_query(&format!("#/indicators?{query}"));
        assert_eq!(Filter::from_query(&pairs), filter);
        assert_eq!(Filter::default().to_query(), "");

        let s = demo();
        let q1 = period("Q1 2019/20");
        let worse = Filter {
            area: Some("childrens-social-care".into()),
            worse_than_england: true,
            ..Filter::default()
        };
        let ids: Vec<&str> = s
            .indicators
            .iter()
            .filter(|i| worse.matches(i, &q1))
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["child-protection-plans", "children-looked-after"]);
        let search = Filter {
            text: "ADOPTIVE".into(),
            ..Filter::default()
        };
        assert_eq!(
            s.indicators
                .iter()
                .filter(|i| search.matches(i, &q1))
                .count(),
            2
        );
    }

    #[test]
    fn the_overview_is_shaped_like_the_packs_tables() {
        let s = demo();
        let q1 = period("Q1 2019/20");
        let tables = overview(&s, &Filter::default(), &q1);
        assert_eq!(tables.len(), s.service_areas.len());
        let csc = &tables[0];
        assert_eq!(csc.area_name, "Children's Social Care");
        let columns: Vec<String> = csc.columns.iter().map(ToString::to_string).collect();
        assert_eq!(
            columns,
            [
                "Q1 2018/19",
                "Q2 2018/19",
                "Q3 2018/19",
                "Q4 2018/19",
                "2018/19",
                "Q1 2019/20"
            ]
        );
        assert!(csc.show_region && !csc.show_neighbours);
        let cla = csc
            .rows
            .iter()
            .find(|r| r.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(cla.cells[5].text, "2,096 / 84.6");
        assert_eq!(cla.cells[5].standing, Some(Standing::NoTarget));
        assert_eq!(
            cla.cells[4].text, "Not reported",
            "the pack's \"-\" for 2018/19"
        );
        assert_eq!(cla.cells[4].standing, Some(Standing::Missing));
        assert_eq!(cla.england.as_deref(), Some("64.0"));
        assert_eq!(
            cla.travel,
            Travel::Improving,
            "84.6 after 85.9, lower is better"
        );
        assert_eq!(
            cla.trend,
            [Some(81.9), Some(82.8), Some(84.0), Some(85.9), Some(84.6)]
        );

        let yot = tables
            .iter()
            .find(|t| t.area_id == "youth-offending")
            .expect("YOT");
        assert_eq!(
            yot.columns,
            [q1],
            "YOT figures are rolling years, not quarters: only the chosen period's column, empty"
        );
        let fte = &yot.rows[0];
        assert_eq!(fte.cells[0].text, "");
        assert_eq!(
            fte.latest_elsewhere
                .as_ref()
                .map(|(p, v)| (p.to_string(), v.clone())),
            Some(("Jan 18 - Dec 18".to_owned(), "191".to_owned()))
        );
        assert_eq!(fte.england.as_deref(), Some("238 (Jan 18 - Dec 18)"));

        let earlier = overview(&s, &Filter::default(), &period("Q1 2018/19"));
        let cla_then = earlier[0]
            .rows
            .iter()
            .find(|r| r.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(
            cla_then.cells.last().map(|c| c.text.as_str()),
            Some("2,021 / 81.9"),
            "no later column"
        );
    }

    /// The text of each `<td>` of one row of `html`, without markup.
    fn row_cells(html: &str, id: &str) -> Vec<String> {
        let start = html
            .find(&format!("<tr data-indicator=\"{id}\">"))
            .expect(id);
        let row = &html[start..start + html[start..].find("</tr>").expect("row end")];
        let mut cells = Vec::new();
        for part in row.split("<td").skip(1) {
            let mut text = String::new();
            let mut in_tag = true;
            for c in part.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            cells.push(text);
        }
        cells
    }

    #[test]
    fn rows_html_writes_one_row_per_indicator_with_every_column() {
        let s = demo();
        let tables = overview(&s, &Filter::default(), &period("Q1 2019/20"));
        let csc = &tables[0];
        let html = csc.rows_html();
        assert_eq!(html.matches("<tr ").count(), csc.rows.len());
        assert_eq!(html.matches("</tr>").count(), csc.rows.len());
        assert!(html.contains(
            "<th scope=\"row\" class=\"indicator-name\"><a href=\"#/indicators/children-looked-after\">"
        ));
        let cells = row_cells(&html, "children-looked-after");
        // The chosen period, direction, trend, good is, five earlier periods, England, North West.
        assert_eq!(
            cells.len(),
            1 + 2 + 1 + (csc.columns.len() - 1) + 2,
            "{cells:?}"
        );
        assert_eq!(csc.shown_columns()[0], period("Q1 2019/20"), "chosen first");
        assert_eq!(
            csc.shown_columns()[1..],
            csc.columns[..csc.columns.len() - 1]
                .iter()
                .rev()
                .copied()
                .collect::<Vec<_>>(),
            "then earlier ones, newest first"
        );
        assert_eq!(cells[0], "2,096 / 84.6", "no target: no rating words");
        assert_eq!(cells[1], "\u{2191} Improving");
        assert_eq!(cells[2], "", "the sparkline has no text");
        assert_eq!(cells[3], "Low");
        assert_eq!(cells[4], "Not reported", "the period before");
        assert_eq!(cells[cells.len() - 2], "64.0", "England");
        assert!(
            html.contains("<svg class=\"sparkline\" width=\"60\" height=\"20\" viewBox=\"0 0 60 20\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M"),
            "the trend is drawn"
        );
        assert!(html.contains("stroke-width=\"1.5\"></path></svg></td><td>Low</td>"));
    }

    #[test]
    fn rows_html_gives_ratings_in_words_and_escapes_what_a_file_holds() {
        let mut s = demo();
        let q1 = period("Q1 2019/20");
        let tables = overview(&s, &Filter::default(), &q1);
        let (area, row) = tables
            .iter()
            .find_map(|t| {
                t.rows
                    .iter()
                    .find(|r| r.standing == Standing::Red)
                    .map(|r| (t.area_id.clone(), r.id.clone()))
            })
            .expect("a red indicator");
        let html = overview(&s, &Filter::default(), &q1)
            .into_iter()
            .find(|t| t.area_id == area)
            .expect("area")
            .rows_html();
        let cells = row_cells(&html, &row);
        assert!(
            cells
                .iter()
                .any(|c| c.ends_with("% \u{25a0} Requires improvement")),
            "the shape and the words go with the colour: {cells:?}"
        );

        let hostile = s.indicators.iter_mut().find(|i| i.id == row).expect("row");
        hostile.name = "<img src=x onerror=alert(1)> & \"more\"".to_owned();
        let html = overview(&s, &Filter::default(), &q1)
            .into_iter()
            .find(|t| t.area_id == area)
            .expect("area")
            .rows_html();
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn each_area_says_its_counts_in_one_line() {
        let s = demo();
        let tables = overview(&s, &Filter::default(), &period("Q1 2019/20"));
        let lines: Vec<(&str, String)> = tables
            .iter()
            .map(|t| (t.area_id.as_str(), t.tally.summary()))
            .collect();
        let find = |id: &str| {
            lines
                .iter()
                .find(|(a, _)| *a == id)
                .map(|(_, l)| l.clone())
                .expect(id)
        };
        assert_eq!(find("adoptions"), "No targets to judge; 2 worsening.");
        assert_eq!(
            find("highways-and-street-lighting"),
            "3 on track, 2 requiring improvement; 4 improving, 1 worsening."
        );
    }

    #[test]
    fn a_filtered_overview_leaves_out_empty_areas() {
        let s = demo();
        let filter = Filter {
            standing: Some(Standing::Red),
            ..Filter::default()
        };
        let tables = overview(&s, &filter, &period("Q1 2019/20"));
        let ids: Vec<&str> = tables
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.id.as_str()))
            .collect();
        assert_eq!(ids, ["defects-2-days", "defects-5-days"]);
        assert_eq!(tables.len(), 1);
    }

    #[test]
    fn what_a_link_gets_wrong_is_named() {
        let (_, pairs) = crate::route::split_query(
            "#/indicators?period=Q9%202019%2F20&rag=purple&travel=worsening&colour=red&q=care",
        );
        assert_eq!(
            Filter::unread(&pairs),
            [
                "period \u{201c}Q9 2019/20\u{201d}",
                "rag \u{201c}purple\u{201d}",
                "colour \u{201c}red\u{201d}"
            ]
        );
        let good = Filter {
            travel: Some(Travel::Improving),
            ..Filter::default()
        }
        .to_query();
        let (_, pairs) = crate::route::split_query(&format!("#/indicators?{good}"));
        assert_eq!(Filter::unread(&pairs), Vec::<String>::new());
        let demo = Snapshot::demo();
        assert_eq!(
            Filter::link_problem(&reporting_periods(&demo), &pairs),
            None
        );
        let (_, empty_period) = crate::route::split_query("#/indicators?period=Q4%202030%2F31");
        assert_eq!(
            Filter::link_problem(&reporting_periods(&demo), &empty_period).as_deref(),
            Some("No indicator has a figure for Q4 2030/31: choose another reporting period.")
        );
    }

    #[test]
    fn a_goal_post_target_rates_context_measures_too() {
        let s = demo();
        let mut contacts = ind(&s, "contacts").clone();
        contacts.target = Some(Target {
            value: 9_000.0,
            rule: TargetRule::GoalPost {
                green_within: 5.0,
                amber_within: 10.0,
            },
        });
        // 9,453 is 5.03% above 9,000: amber.
        assert_eq!(standing(&contacts, &period("Q1 2018/19")), Standing::Amber);
    }
}
