//! The overview's tables, one per service area, shaped like the packs'
//! tables, and their rows as escaped HTML.

use crate::domain::indicator::{ComparatorKind, Indicator};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::rag::Polarity;
use crate::domain::small::{reading, small, Small};
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::group_thousands;
use crate::indicators::overview::{
    polarity_words, rate_observation, rated_words, signal_at, standing, standing_of, travel,
    Filter, Signal, Standing, Tally, Travel,
};
use crate::indicators::rows_html::Html;
use crate::route::Route;
use crate::sort;
use crate::spc::Assurance;

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
    /// The council's small-number threshold the cells were flagged against.
    pub small_under: u32,
}

impl AreaTable {
    /// The regional comparator column's heading: the region's own name
    /// ("West Midlands average"), or "Regional average" where none is given.
    pub fn region_heading(&self) -> String {
        self.region_name.as_deref().map_or_else(
            || ComparatorKind::Region.label().to_owned(),
            |n| format!("{n} average"),
        )
    }

    /// Whether any figure in the table is flagged as a small number, so the
    /// table needs the note that says what the flag means.
    pub fn any_small(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.small.is_some()))
    }

    /// The note under the table that says what "small" means, where any
    /// figure is flagged.
    pub fn small_note(&self) -> Option<String> {
        self.any_small()
            .then(|| crate::domain::small::note(self.small_under))
    }

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
            let link = Route::Indicator { id: row.id.clone() }.href();
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
                .raw("</td><td class=\"spc-cell\">")
                .element(
                    "span",
                    &[("class", &format!("spc-tag spc-tag--{}", row.signal.key()))],
                    row.signal.label(),
                );
            if let Some(a) = row.assurance {
                html.raw("<br>").element(
                    "span",
                    &[(
                        "class",
                        &format!("spc-assurance spc-assurance--{}", a.key()),
                    )],
                    a.short(),
                );
            }
            html.raw("</td><td class=\"trend-cell\">");
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
    /// What its latest figure's variation says, at the chosen period.
    pub signal: Signal,
    /// Whether its target can be met, where there are limits and a target.
    pub assurance: Option<Assurance>,
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
    /// Why the figure is a small number, if it is.
    pub small: Option<Small>,
    /// The threshold it was judged against, for the flag's words.
    pub under: u32,
}

impl CellView {
    /// The words a screen reader hears after the figure: its rating, and why
    /// it was set by hand. Empty where there is no rating.
    pub fn rating_words(&self) -> String {
        match (self.standing, &self.override_reason) {
            (Some(s @ (Standing::Green | Standing::Amber | Standing::Red)), reason) => {
                rated_words(s.label(), reason.as_deref())
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
        if let Some(small) = self.small {
            small_flag_html(html, small, self.under);
        }
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

fn cell(indicator: &Indicator, period: &Period, under: u32) -> CellView {
    match indicator.value_for(period) {
        None => CellView {
            text: String::new(),
            standing: None,
            override_reason: None,
            note: None,
            small: None,
            under,
        },
        Some(o) => {
            let rating = rate_observation(indicator, o);
            CellView {
                text: reading(&o.value, indicator.unit),
                standing: Some(standing_of(&rating.rating)),
                override_reason: rating.override_reason,
                note: o.note.clone(),
                small: small(&o.value, indicator.unit, under),
                under,
            }
        }
    }
}

/// A small number's flag after its figure: "small" on screen and in print,
/// why in words to a screen reader. The app's `SmallFlag` writes the same.
pub fn small_flag_html(html: &mut Html, small: Small, under: u32) {
    html.raw("<span class=\"small-flag\"><span aria-hidden=\"true\">small</span>")
        .element(
            "span",
            &[("class", "visually-hidden")],
            &format!(", {}", small.words(under)),
        )
        .raw("</span>");
}

/// The columns of an area's table: its indicators' quarters and years up to
/// `period`, as the packs print them (a year after the quarter that ends
/// it), the last [`COLUMNS`] ending with `period`, which always has its
/// column, even where none of them has a figure for it yet.
fn area_columns(indicators: &[&Indicator], period: &Period) -> Vec<Period> {
    let last_day = period.end_day();
    let mut columns = super::distinct(
        indicators
            .iter()
            .flat_map(|i| i.values.iter().map(|o| o.period))
            .filter(|p| {
                matches!(p.kind(), PeriodKind::Quarter | PeriodKind::FinancialYear)
                    && p.end_day() <= last_day
            }),
    );
    sort::by_key(&mut columns, |p| {
        (p.end_day(), std::cmp::Reverse(p.start_day()))
    });
    columns.retain(|p| p != period);
    let skip = columns.len().saturating_sub(COLUMNS - 1);
    let mut columns: Vec<Period> = columns.into_iter().skip(skip).collect();
    columns.push(*period);
    columns
}

/// One indicator's row in a table of `columns`, at the chosen `period`.
fn row_view(i: &Indicator, columns: &[Period], period: &Period, under: u32) -> RowView {
    let (signal, assurance) = signal_at(i, period);
    let newest_in_columns = columns
        .iter()
        .filter(|c| i.value_for(c).is_some())
        .map(|c| c.end_day())
        .max();
    let latest_elsewhere = i
        .values
        .iter()
        .filter(|o| !columns.contains(&o.period) && o.period.end_day() <= period.end_day())
        .filter(|o| newest_in_columns.is_none_or(|end| o.period.end_day() > end))
        .max_by(|a, b| a.period.timeline_cmp(&b.period))
        .map(|o| (o.period, reading(&o.value, i.unit)));
    RowView {
        id: i.id.clone(),
        name: i.name.clone(),
        polarity: i.polarity,
        standing: standing(i, period),
        cells: columns.iter().map(|c| cell(i, c, under)).collect(),
        latest_elsewhere,
        england: comparator_text(i, ComparatorKind::England),
        region: comparator_text(i, ComparatorKind::Region),
        neighbours: comparator_text(i, ComparatorKind::StatisticalNeighbours),
        travel: travel(i, period),
        signal,
        assurance,
        trend: columns
            .iter()
            .filter(|c| c.kind() == period.kind())
            .map(|c| i.value_for(c).and_then(|o| o.value.number()))
            .collect(),
    }
}

/// The overview's tables and the counts above them, as [`overview`] and
/// [`Tally::for_filter`] give them. Where the filter chooses no standing,
/// direction, variation or assurance, the counts are of the same indicators
/// as the tables' rows, so they are added up from the rows rather than
/// every indicator judged a second time.
pub fn overview_counted(
    snapshot: &Snapshot,
    filter: &Filter,
    period: &Period,
) -> (Vec<AreaTable>, Tally) {
    let tables = overview(snapshot, filter, period);
    let tally = if counted_from_rows(snapshot, filter) {
        let mut tally = Tally::default();
        for table in &tables {
            tally.merge(&table.tally);
        }
        tally
    } else {
        Tally::for_filter(snapshot, filter, period)
    };
    (tables, tally)
}

/// Whether the counts for `filter` are of exactly the indicators of its
/// tables' rows: the counts' filter is the tables' own, and each indicator
/// is in one table (its service area held, and held once; the file's checks
/// refuse anything else).
pub(crate) fn counted_from_rows(snapshot: &Snapshot, filter: &Filter) -> bool {
    if filter.for_counts() != *filter {
        return false;
    }
    let areas: std::collections::HashSet<&str> = snapshot
        .service_areas
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    areas.len() == snapshot.service_areas.len()
        && snapshot
            .indicators
            .iter()
            .all(|i| areas.contains(i.service_area.as_str()))
}

/// The line above the tables: "Showing 3 indicators of 1,240.", counting
/// the rows of `tables` against the `total` held.
pub fn results_line<T: std::borrow::Borrow<AreaTable>>(tables: &[T], total: usize) -> String {
    let shown: usize = tables.iter().map(|a| a.borrow().rows.len()).sum();
    format!(
        "Showing {} of {}.",
        count_of(shown, "indicator", "indicators"),
        group_thousands(total as f64, 0)
    )
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
            let columns = area_columns(&indicators, period);
            let rows: Vec<RowView> = indicators
                .iter()
                .map(|i| row_view(i, &columns, period, snapshot.settings.small_numbers))
                .collect();
            let mut tally = Tally::default();
            for row in &rows {
                tally.add(row.standing, row.travel);
                tally.add_spc(row.signal, row.assurance);
            }
            Some(AreaTable {
                tally,
                small_under: snapshot.settings.small_numbers,
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
