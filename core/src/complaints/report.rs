//! The complaints annual report as figures for charts: which years to show,
//! each chart's series and data table, a plain-English sentence per chart,
//! and the figures that do not add up.
//!
//! Percentages are only ever worked out here, from a count and its base;
//! a base under [`SMALL_BASE`] gives the counts instead.

use crate::charts::bars::{Datum, Series, NOT_GIVEN};
use crate::complaints::cases::timescale;
use crate::domain::complaints::{ComplaintsYear, Outcome, Procedure};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::group_thousands;
use crate::route::{link_note, unread_parts};
use crate::text::capitalise;

/// Below this base a percentage says more than the numbers can bear.
pub const SMALL_BASE: u32 = 20;

/// How many years the trend charts show, ending at the chosen year.
pub const WINDOW: usize = 5;

/// The outcomes of a complaints procedure, in the order they stack.
pub const COMPLAINT_OUTCOMES: [Outcome; 6] = [
    Outcome::Upheld,
    Outcome::PartlyUpheld,
    Outcome::NotUpheld,
    Outcome::Withdrawn,
    Outcome::EarlyResolution,
    Outcome::StillOpen,
];

/// The Ombudsman's decisions, in the order they are listed.
pub const OMBUDSMAN_OUTCOMES: [Outcome; 6] = [
    Outcome::Upheld,
    Outcome::PartlyUpheld,
    Outcome::NotUpheld,
    Outcome::NotInvestigated,
    Outcome::EarlyResolution,
    Outcome::Withdrawn,
];

fn n(count: u32) -> String {
    group_thousands(f64::from(count), 0)
}

/// "19 of 37 (51%)", or "7 of 15" when the base is too small for a percentage.
pub fn share(part: u32, base: u32) -> String {
    match percent(part, base) {
        Some(p) => format!("{} of {} ({p}%)", n(part), n(base)),
        None => format!("{} of {}", n(part), n(base)),
    }
}

/// "157 (37%)" where the base has been said already; "7" for a small base.
fn part_of(part: u32, base: u32) -> String {
    match percent(part, base) {
        Some(p) => format!("{} ({p}%)", n(part)),
        None => n(part),
    }
}

/// `part` as a whole percentage of `base`, when the base is big enough.
pub fn percent(part: u32, base: u32) -> Option<u32> {
    (base >= SMALL_BASE).then(|| (f64::from(part) * 100.0 / f64::from(base)).round() as u32)
}

/// Every financial year with complaints figures, earliest first.
pub fn years(snapshot: &Snapshot) -> Vec<Period> {
    let mut years: Vec<Period> = snapshot.complaints.iter().map(|c| c.year).collect();
    years.sort_by(|a, b| a.timeline_cmp(b));
    years.dedup();
    years
}

/// The procedures with any figures held, in the report's order.
pub fn procedures(snapshot: &Snapshot) -> Vec<Procedure> {
    Procedure::ALL
        .into_iter()
        .filter(|p| snapshot.complaints.iter().any(|c| c.procedure == *p))
        .collect()
}

/// The figures of `procedure` in `year`, if any are held.
pub fn find(snapshot: &Snapshot, year: Period, procedure: Procedure) -> Option<&ComplaintsYear> {
    snapshot
        .complaints
        .iter()
        .find(|c| c.year == year && c.procedure == procedure)
}

/// Which procedure and year the page shows, read from its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub procedure: Procedure,
    pub year: Period,
}

impl Choice {
    /// The address's choice where it names a procedure and a year held;
    /// otherwise the first procedure with figures and its latest year with
    /// a count of complaints received. `None` when nothing is held.
    pub fn from_query(snapshot: &Snapshot, query: &[(String, String)]) -> Option<Choice> {
        let asked = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let held = years(snapshot);
        let held_procedures = procedures(snapshot);
        let procedure = asked("procedure")
            .and_then(Procedure::from_key)
            .filter(|p| held_procedures.contains(p))
            .or_else(|| held_procedures.first().copied())?;
        let latest = held
            .iter()
            .rev()
            .find(|y| find(snapshot, **y, procedure).is_some_and(|c| c.received.is_some()))
            .or(held.last())
            .copied()?;
        let year = asked("year")
            .and_then(|y| y.parse::<Period>().ok())
            .filter(|y| held.contains(y))
            .unwrap_or(latest);
        Some(Choice { procedure, year })
    }

    /// What the page says about a link it could not follow in full.
    pub fn link_problem(snapshot: &Snapshot, query: &[(String, String)]) -> Option<String> {
        let held = years(snapshot);
        let unread = unread_parts(query, |key, value| match key {
            "procedure" => Procedure::from_key(value).is_some(),
            "year" => value.parse::<Period>().is_ok_and(|y| held.contains(&y)),
            _ => false,
        });
        link_note(&unread, None)
    }

    /// The address of this choice.
    pub fn href(&self) -> String {
        crate::route::Route::Complaints.href_with(&format!(
            "procedure={}&year={}",
            self.procedure.key(),
            self.year
        ))
    }

    /// The years the trend charts show: up to [`WINDOW`] held years ending
    /// at the chosen one.
    pub fn window(&self, snapshot: &Snapshot) -> Vec<Period> {
        let held: Vec<Period> = years(snapshot)
            .into_iter()
            .filter(|y| y.timeline_cmp(&self.year).is_le())
            .collect();
        held[held.len().saturating_sub(WINDOW)..].to_vec()
    }

    /// The year before the chosen one, where figures are held for it.
    pub fn previous(&self, snapshot: &Snapshot) -> Option<Period> {
        let Period::FinancialYear { start_year } = self.year else {
            return None;
        };
        let before = Period::FinancialYear {
            start_year: start_year - 1,
        };
        years(snapshot).contains(&before).then_some(before)
    }
}

/// A table of the same figures as a chart: a header row, then rows whose
/// first cell names the row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One chart of the report, ready to draw: its title, series, sentence,
/// note and table. `series` is empty when there is nothing to chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// An id for the page: headings and tests find the chart by it.
    pub id: &'static str,
    pub title: String,
    /// The categories along the axis (years), or the rows of a row chart.
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// One or two sentences in plain English, computed from the figures.
    pub summary: String,
    /// Said under the chart, e.g. why a year shows counts not a percentage.
    pub note: Option<String>,
    pub table: Table,
}

impl Figure {
    /// Drops the years at the start where neither the chart nor its table
    /// has a figure, keeping the last year: a chart starts where its
    /// figures do.
    fn starting_at_first_figure(mut self) -> Figure {
        let charted = |i: usize| {
            self.series
                .iter()
                .any(|s| s.values.get(i).is_some_and(Option::is_some))
        };
        let tabled = |i: usize| {
            self.table
                .rows
                .get(i)
                .is_some_and(|row| row.iter().skip(1).any(|c| c != NOT_GIVEN))
        };
        let first = (0..self.labels.len())
            .find(|i| charted(*i) || tabled(*i))
            .unwrap_or(self.labels.len().saturating_sub(1));
        self.labels.drain(..first);
        for s in &mut self.series {
            s.values.drain(..first.min(s.values.len()));
        }
        self.table.rows.drain(..first.min(self.table.rows.len()));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().all(Option::is_none))
    }
}

fn cell(value: Option<u32>) -> String {
    value.map(n).unwrap_or_else(|| NOT_GIVEN.into())
}

fn label_of(years: &[Period]) -> Vec<String> {
    years.iter().map(Period::to_string).collect()
}

/// "rose 13% from 479 in 2016/17 to 540 in 2017/18"; a small base says the
/// counts only.
fn change(before: u32, after: u32, from: Period, to: Period) -> String {
    let verb = match after.cmp(&before) {
        std::cmp::Ordering::Greater => "rose",
        std::cmp::Ordering::Less => "fell",
        std::cmp::Ordering::Equal => {
            return format!("stayed at {} in {from} and {to}", n(after));
        }
    };
    let by = if before >= SMALL_BASE {
        let pct = (f64::from(after.abs_diff(before)) * 100.0 / f64::from(before)).round();
        format!(" {pct}%")
    } else {
        String::new()
    };
    format!(
        "{verb}{by} from {} in {from} to {} in {to}",
        n(before),
        n(after)
    )
}

/// How one procedure's received count moved into `year` from the year
/// before: "rose 13% from 479 in 2016/17 to 540 in 2017/18". `None` without
/// both counts.
pub fn received_change(snapshot: &Snapshot, procedure: Procedure, year: Period) -> Option<String> {
    let now = find(snapshot, year, procedure)?.received?;
    let before_year = Choice { procedure, year }.previous(snapshot)?;
    let before = find(snapshot, before_year, procedure)?.received?;
    Some(change(before, now, before_year, year))
}

/// How one procedure's received count moved into `year`, as a sentence.
pub fn received_sentence(
    snapshot: &Snapshot,
    procedure: Procedure,
    year: Period,
) -> Option<String> {
    let now = find(snapshot, year, procedure)?.received?;
    let who = capitalise(procedure.noun());
    Some(match received_change(snapshot, procedure, year) {
        Some(moved) => format!("{who} complaints {moved}."),
        None => format!(
            "{who}: {} complaints in {year}, with no figure for the year before to compare.",
            n(now)
        ),
    })
}

/// Graph 1 of the report: complaints received each year, every procedure.
pub fn trend(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let procedures: Vec<Procedure> = Procedure::ALL
        .into_iter()
        .filter(|p| {
            window
                .iter()
                .any(|y| find(snapshot, *y, *p).is_some_and(|c| c.received.is_some()))
        })
        .collect();
    let series: Vec<Series> = procedures
        .iter()
        .map(|p| Series {
            name: p.label().into(),
            values: window
                .iter()
                .map(|y| {
                    find(snapshot, *y, *p)
                        .and_then(|c| c.received)
                        .map(Datum::count)
                })
                .collect(),
        })
        .collect();
    // The chosen procedure's sentence first, then the others'.
    let mut order = procedures.clone();
    order.sort_by_key(|p| *p != choice.procedure);
    let sentences: Vec<String> = order
        .iter()
        .filter_map(|p| received_sentence(snapshot, *p, choice.year))
        .collect();
    let summary = if sentences.is_empty() {
        format!(
            "No procedure has a count of complaints received for {}.",
            choice.year
        )
    } else {
        sentences.join(" ")
    };
    let mut head = vec!["Year".to_owned()];
    head.extend(procedures.iter().map(|p| p.label().to_owned()));
    Figure {
        id: "trend",
        title: "Complaints received each year, by procedure".into(),
        labels: label_of(&window),
        table: Table {
            head,
            rows: window
                .iter()
                .map(|y| {
                    let mut row = vec![y.to_string()];
                    row.extend(
                        procedures
                            .iter()
                            .map(|p| cell(find(snapshot, *y, *p).and_then(|c| c.received))),
                    );
                    row
                })
                .collect(),
        },
        series,
        summary,
        note: None,
    }
    .starting_at_first_figure()
}

fn per_year(
    snapshot: &Snapshot,
    choice: &Choice,
    window: &[Period],
    pick: impl Fn(&ComplaintsYear) -> Option<u32>,
) -> Vec<Option<u32>> {
    window
        .iter()
        .map(|y| find(snapshot, *y, choice.procedure).and_then(&pick))
        .collect()
}

fn count_series(name: &str, values: &[Option<u32>]) -> Series {
    Series {
        name: name.into(),
        values: values.iter().map(|v| v.map(Datum::count)).collect(),
    }
}

fn table_by_year(window: &[Period], columns: &[(&str, Vec<Option<u32>>)]) -> Table {
    let mut head = vec!["Year".to_owned()];
    head.extend(columns.iter().map(|(name, _)| (*name).to_owned()));
    Table {
        head,
        rows: window
            .iter()
            .enumerate()
            .map(|(i, y)| {
                let mut row = vec![y.to_string()];
                row.extend(columns.iter().map(|(_, values)| cell(values[i])));
                row
            })
            .collect(),
    }
}

/// A figure of counts per year: a series per column, the same columns in
/// its table, then `extra` columns in the table only (a base).
fn counts_by_year(
    id: &'static str,
    title: String,
    window: &[Period],
    columns: &[(&str, Vec<Option<u32>>)],
    extra: &[(&str, Vec<Option<u32>>)],
    summary: String,
) -> Figure {
    let tabled: Vec<(&str, Vec<Option<u32>>)> = columns.iter().chain(extra).cloned().collect();
    Figure {
        id,
        title,
        labels: label_of(window),
        series: columns
            .iter()
            .map(|(name, v)| count_series(name, v))
            .collect(),
        summary,
        note: None,
        table: table_by_year(window, &tabled),
    }
    .starting_at_first_figure()
}

/// Compliments beside complaints, year by year, for the chosen procedure.
pub fn compliments(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let received = per_year(snapshot, choice, &window, |c| c.received);
    let compliments = per_year(snapshot, choice, &window, |c| c.compliments);
    let this = find(snapshot, choice.year, choice.procedure);
    let who = choice.procedure.noun();
    let summary = match (
        this.and_then(|c| c.compliments),
        this.and_then(|c| c.received),
    ) {
        (Some(praise), Some(complaints)) => format!(
            "In {} {who} services received {} compliments and {} complaints: {}.",
            choice.year,
            n(praise),
            n(complaints),
            match praise.cmp(&complaints) {
                std::cmp::Ordering::Greater => "more compliments than complaints",
                std::cmp::Ordering::Less => "fewer compliments than complaints",
                std::cmp::Ordering::Equal => "as many compliments as complaints",
            }
        ),
        (Some(praise), None) => format!(
            "In {} {who} services received {} compliments; the count of complaints is not given.",
            choice.year,
            n(praise)
        ),
        _ => format!(
            "No count of {who} compliments is given for {}.",
            choice.year
        ),
    };
    counts_by_year(
        "compliments",
        format!(
            "Compliments and complaints each year: {}",
            choice.procedure.label()
        ),
        &window,
        &[
            ("Complaints received", received),
            ("Compliments received", compliments),
        ],
        &[],
        summary,
    )
}

fn stage_name(stage: u8) -> String {
    if stage == 0 {
        "Stage 0 (early resolution)".into()
    } else {
        format!("Stage {stage}")
    }
}

/// Complaints by the stage they reached, stacked per year.
pub fn stages(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let columns: Vec<(String, Vec<Option<u32>>)> = (0..=3u8)
        .map(|stage| {
            (
                stage_name(stage),
                per_year(snapshot, choice, &window, |c| {
                    c.stages.iter().find(|s| s.stage == stage).map(|s| s.count)
                }),
            )
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.filter(|c| !c.stages.is_empty()) {
        Some(c) => {
            let top = c
                .stages
                .iter()
                .max_by_key(|s| (s.count, std::cmp::Reverse(s.stage)))
                .expect("stages is not empty");
            let base = c
                .received
                .unwrap_or_else(|| c.stages.iter().map(|s| s.count).sum());
            format!(
                "In {}, {} {} complaints were settled at {}: more than at any other stage.",
                choice.year,
                share(top.count, base),
                choice.procedure.noun(),
                stage_name(top.stage).to_lowercase()
            )
        }
        None => format!(
            "No stage figures are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    let named: Vec<(&str, Vec<Option<u32>>)> = columns
        .iter()
        .map(|(name, v)| (name.as_str(), v.clone()))
        .collect();
    counts_by_year(
        "stages",
        format!(
            "Complaints by stage each year: {}",
            choice.procedure.label()
        ),
        &window,
        &named,
        &[],
        summary,
    )
}

/// Outcomes of complaints, stacked per year, with the base of closed complaints.
pub fn outcomes(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let columns: Vec<(&str, Vec<Option<u32>>)> = COMPLAINT_OUTCOMES
        .iter()
        .map(|o| {
            (
                o.label(),
                per_year(snapshot, choice, &window, |c| {
                    c.outcomes.iter().find(|x| x.outcome == *o).map(|x| x.count)
                }),
            )
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect();
    let closed = per_year(snapshot, choice, &window, |c| c.closed);
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.filter(|c| !c.outcomes.is_empty()) {
        Some(c) => {
            let count = |o: Outcome| {
                c.outcomes
                    .iter()
                    .filter(|x| x.outcome == o)
                    .map(|x| x.count)
                    .sum::<u32>()
            };
            let ended: u32 = c
                .outcomes
                .iter()
                .filter(|x| x.outcome != Outcome::StillOpen)
                .map(|x| x.count)
                .sum();
            let base = c.closed.unwrap_or(ended);
            let upheld = count(Outcome::Upheld) + count(Outcome::PartlyUpheld);
            format!(
                "Of {} closed {} complaints in {}, {} were upheld or partly upheld.",
                n(base),
                choice.procedure.noun(),
                choice.year,
                part_of(upheld, base)
            )
        }
        None => format!(
            "No outcomes are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    counts_by_year(
        "outcomes",
        format!(
            "Outcomes of complaints each year: {}",
            choice.procedure.label()
        ),
        &window,
        &columns,
        &[("Closed (the base)", closed)],
        summary,
    )
}

/// Complaints by service or category: the chosen year against the year before.
pub fn categories(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let this = find(snapshot, choice.year, choice.procedure);
    let previous = choice
        .previous(snapshot)
        .and_then(|p| find(snapshot, p, choice.procedure).map(|c| (p, c)))
        .filter(|(_, c)| !c.categories.is_empty());
    let count_in = |c: Option<&ComplaintsYear>, label: &str| {
        c.and_then(|c| {
            c.categories
                .iter()
                .find(|x| x.label == label)
                .map(|x| x.count)
        })
    };
    let mut labels: Vec<String> = this
        .map(|c| c.categories.iter().map(|x| x.label.clone()).collect())
        .unwrap_or_default();
    labels.sort_by_key(|l| std::cmp::Reverse(count_in(this, l)));
    if let Some((_, before)) = previous {
        for x in &before.categories {
            if !labels.contains(&x.label) {
                labels.push(x.label.clone());
            }
        }
    }
    let mut series = vec![];
    let mut head = vec!["Service or category".to_owned()];
    if let Some((year, before)) = previous {
        series.push(Series {
            name: year.to_string(),
            values: labels
                .iter()
                .map(|l| count_in(Some(before), l).map(Datum::count))
                .collect(),
        });
        head.push(year.to_string());
    }
    series.push(Series {
        name: choice.year.to_string(),
        values: labels
            .iter()
            .map(|l| count_in(this, l).map(Datum::count))
            .collect(),
    });
    head.push(choice.year.to_string());
    let rows = labels
        .iter()
        .map(|l| {
            let mut row = vec![l.clone()];
            if let Some((_, before)) = previous {
                row.push(cell(count_in(Some(before), l)));
            }
            row.push(cell(count_in(this, l)));
            row
        })
        .collect();
    let top = this.and_then(|c| c.categories.iter().max_by_key(|x| x.count));
    let summary = match top {
        Some(top) => {
            let mut text = format!(
                "{} was the most common subject of {} complaints in {}, with {}.",
                top.label,
                choice.procedure.noun(),
                choice.year,
                n(top.count)
            );
            // The biggest move among categories given in both years.
            if let Some((year, before)) = previous {
                let moved = this
                    .into_iter()
                    .flat_map(|c| c.categories.iter())
                    .filter_map(|x| count_in(Some(before), &x.label).map(|b| (x, b)))
                    .filter(|(x, b)| x.count != *b)
                    .max_by_key(|(x, b)| x.count.abs_diff(*b));
                if let Some((x, b)) = moved {
                    text.push_str(&format!(
                        " {} {}.",
                        x.label,
                        change(b, x.count, year, choice.year)
                    ));
                }
            }
            text
        }
        None => format!(
            "No services or categories are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    Figure {
        id: "categories",
        title: format!(
            "Complaints by service or category: {}",
            choice.procedure.label()
        ),
        labels,
        series,
        summary,
        note: Some(
            "A report may give only the main categories, and one complaint can have more than one."
                .into(),
        ),
        table: Table { head, rows },
    }
}

/// A share for a chart: its percentage, or its counts when the base is small.
fn share_datum(part: u32, base: u32) -> Datum {
    match percent(part, base) {
        Some(p) => Datum::new(f64::from(p), format!("{p}%")),
        None => Datum::label_only(format!("{} of {}", n(part), n(base))),
    }
}

fn small_base_note(bases: &[Option<u32>]) -> Option<String> {
    bases.iter().flatten().any(|b| *b < SMALL_BASE).then(|| {
        format!("Where fewer than {SMALL_BASE} complaints are counted, the chart gives the counts, not a percentage.")
    })
}

/// The share answered within the procedure's timescale, year by year.
pub fn timeliness(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let received = per_year(snapshot, choice, &window, |c| c.received);
    let exceeded = per_year(snapshot, choice, &window, |c| c.exceeded_timescale);
    let within: Vec<Option<u32>> = received
        .iter()
        .zip(&exceeded)
        .map(|(r, e)| Some(r.as_ref()?.saturating_sub(*e.as_ref()?)))
        .collect();
    let limit = timescale(choice.procedure, 1)
        .map(|t| t.describe())
        .unwrap_or_else(|| "its".into());
    let values = within
        .iter()
        .zip(&received)
        .map(|(w, r)| Some(share_datum((*w)?, (*r)?)))
        .collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.and_then(|c| Some((c.exceeded_timescale?, c.received?))) {
        Some((over, base)) => format!(
            "In {}, {} {} complaints went beyond the {limit} timescale.",
            choice.year,
            share(over, base),
            choice.procedure.noun()
        ),
        None => format!(
            "No count of {} complaints beyond the timescale is given for {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    let mut table = table_by_year(
        &window,
        &[
            ("Beyond the timescale", exceeded.clone()),
            ("Within the timescale", within.clone()),
            ("Received (the base)", received.clone()),
        ],
    );
    table.head.push("Share within".into());
    for (row, (w, r)) in table.rows.iter_mut().zip(within.iter().zip(&received)) {
        row.push(match (w, r) {
            (Some(w), Some(r)) => percent(*w, *r)
                .map_or_else(|| "Too few for a percentage".into(), |p| format!("{p}%")),
            _ => NOT_GIVEN.into(),
        });
    }
    let bases: Vec<Option<u32>> = within
        .iter()
        .zip(&received)
        .map(|(w, r)| w.and(*r))
        .collect();
    Figure {
        id: "timeliness",
        title: format!(
            "Complaints answered within the timescale ({limit}): {}",
            choice.procedure.label()
        ),
        labels: label_of(&window),
        series: vec![Series {
            name: "Within the timescale".into(),
            values,
        }],
        summary,
        note: small_base_note(&bases),
        table,
    }
    .starting_at_first_figure()
}

/// The Ombudsman's upheld decisions (upheld or partly upheld) and the base
/// they are a share of: decisions where given, otherwise investigations.
pub fn ombudsman_upheld(c: &ComplaintsYear) -> Option<(u32, u32)> {
    let o = c.ombudsman.as_ref()?;
    let upheld: Option<u32> = o
        .outcomes
        .iter()
        .filter(|x| matches!(x.outcome, Outcome::Upheld | Outcome::PartlyUpheld))
        .map(|x| x.count)
        .reduce(|a, b| a + b);
    Some((upheld?, o.decisions.or(o.investigations)?))
}

/// The Ombudsman's uphold rate, year by year, with its base.
pub fn ombudsman(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let rate: Vec<Option<(u32, u32)>> = window
        .iter()
        .map(|y| find(snapshot, *y, choice.procedure).and_then(ombudsman_upheld))
        .collect();
    let pick = |f: fn(&crate::domain::complaints::Ombudsman) -> Option<u32>| {
        per_year(snapshot, choice, &window, |c| {
            c.ombudsman.as_ref().and_then(f)
        })
    };
    let enquiries = pick(|o| o.enquiries);
    let investigations = pick(|o| o.investigations);
    let decisions = pick(|o| o.decisions);
    let upheld: Vec<Option<u32>> = rate.iter().map(|r| r.map(|(u, _)| u)).collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.and_then(ombudsman_upheld) {
        Some((upheld, base)) => {
            let decided = this
                .and_then(|c| c.ombudsman.as_ref())
                .is_some_and(|o| o.decisions.is_some());
            format!(
                "In {} the Ombudsman upheld {} {} complaints it {}.",
                choice.year,
                share(upheld, base),
                choice.procedure.noun(),
                if decided { "decided" } else { "investigated" }
            )
        }
        None => match this.and_then(|c| c.ombudsman.as_ref()).and_then(|o| o.investigations) {
            Some(inv) => format!(
                "In {} the Ombudsman investigated {} {} complaints; how many it upheld is not given.",
                choice.year,
                n(inv),
                choice.procedure.noun()
            ),
            None => format!(
                "No Ombudsman decisions are given for {} complaints in {}.",
                choice.procedure.noun(),
                choice.year
            ),
        },
    };
    let mut table = table_by_year(
        &window,
        &[
            ("Enquiries", enquiries),
            ("Detailed investigations", investigations),
            ("Decisions", decisions),
            ("Upheld or partly upheld", upheld),
        ],
    );
    table.head.push("Uphold rate".into());
    table.head.push("Other decisions".into());
    table.head.push("Settlements paid".into());
    for ((row, r), y) in table.rows.iter_mut().zip(&rate).zip(&window) {
        let held = find(snapshot, *y, choice.procedure).and_then(|c| c.ombudsman.as_ref());
        row.push(match r {
            Some((u, b)) => match percent(*u, *b) {
                Some(p) => format!("{p}% of {}", n(*b)),
                None => format!("{} of {}", n(*u), n(*b)),
            },
            None => NOT_GIVEN.into(),
        });
        let others: Vec<String> = held
            .into_iter()
            .flat_map(|o| o.outcomes.iter())
            .filter(|x| !matches!(x.outcome, Outcome::Upheld | Outcome::PartlyUpheld))
            .map(|x| format!("{} {}", n(x.count), x.outcome.label().to_lowercase()))
            .collect();
        row.push(if others.is_empty() {
            NOT_GIVEN.into()
        } else {
            others.join(", ")
        });
        row.push(
            held.and_then(|o| o.settlements_paid)
                .map(pounds)
                .unwrap_or_else(|| NOT_GIVEN.into()),
        );
    }
    let bases: Vec<Option<u32>> = rate.iter().map(|r| r.map(|(_, b)| b)).collect();
    Figure {
        id: "ombudsman",
        title: format!(
            "Ombudsman complaints upheld each year: {}",
            choice.procedure.label()
        ),
        labels: label_of(&window),
        series: vec![Series {
            name: "Upheld or partly upheld".into(),
            values: rate
                .iter()
                .map(|r| r.map(|(u, b)| share_datum(u, b)))
                .collect(),
        }],
        summary,
        note: small_base_note(&bases),
        table,
    }
    .starting_at_first_figure()
}

/// A headline figure: what it counts, the number, and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub label: &'static str,
    pub value: String,
    pub detail: Option<String>,
}

fn pounds(amount: f64) -> String {
    let decimals = if amount.fract() == 0.0 { 0 } else { 2 };
    format!("£{}", group_thousands(amount, decimals))
}

/// The chosen year at a glance: up to four headline figures (received,
/// compliments, beyond the timescale, upheld by the Ombudsman), then every
/// other figure held, as (label, value).
pub fn glance(
    snapshot: &Snapshot,
    choice: &Choice,
) -> (Vec<Headline>, Vec<(&'static str, String)>) {
    let Some(c) = find(snapshot, choice.year, choice.procedure) else {
        return (vec![], vec![]);
    };
    let mut headline = vec![];
    if let Some(r) = c.received {
        headline.push(Headline {
            label: "Complaints received",
            value: n(r),
            detail: received_change(snapshot, choice.procedure, choice.year)
                .map(|t| capitalise(&t)),
        });
    }
    if let Some(v) = c.compliments {
        headline.push(Headline {
            label: "Compliments received",
            value: n(v),
            detail: None,
        });
    }
    if let (Some(over), Some(base)) = (c.exceeded_timescale, c.received) {
        headline.push(Headline {
            label: "Answered beyond the timescale",
            value: n(over),
            detail: Some(match percent(over, base) {
                Some(p) => format!("{p}% of {} received", n(base)),
                None => format!("Of {} received", n(base)),
            }),
        });
    }
    if let Some((upheld, base)) = ombudsman_upheld(c) {
        let of = if c.ombudsman.as_ref().is_some_and(|o| o.decisions.is_some()) {
            "decided"
        } else {
            "investigated"
        };
        headline.push(Headline {
            label: "Upheld by the Ombudsman",
            value: n(upheld),
            detail: Some(match percent(upheld, base) {
                Some(p) => format!("{p}% of {} {of}", n(base)),
                None => format!("Of {} {of}", n(base)),
            }),
        });
    }
    let mut more: Vec<(&'static str, String)> = vec![];
    let mut put = |label: &'static str, value: Option<String>| {
        if let Some(v) = value {
            more.push((label, v));
        }
    };
    put("Closed with an outcome recorded", c.closed.map(n));
    put(
        "Compliments by service",
        (!c.compliments_by_service.is_empty()).then(|| {
            c.compliments_by_service
                .iter()
                .map(|x| format!("{}: {}", x.label, n(x.count)))
                .collect::<Vec<_>>()
                .join("; ")
        }),
    );
    put("Joint complaints with the NHS", c.joint_with_nhs.map(n));
    if let Some(o) = &c.ombudsman {
        put("Ombudsman enquiries", o.enquiries.map(n));
        put("Ombudsman detailed investigations", o.investigations.map(n));
        put("Ombudsman decisions", o.decisions.map(n));
        put("Local settlements paid", o.settlements_paid.map(pounds));
    }
    put(
        "Cost of independent investigations",
        c.investigation_cost.map(pounds),
    );
    put(
        "Source",
        c.source
            .as_ref()
            .and_then(|id| snapshot.source(id))
            .map(|src| src.title.clone()),
    );
    (headline, more)
}

/// Figures of one year that do not add up: questions for a councillor to ask.
pub fn checks(c: &ComplaintsYear) -> Vec<String> {
    let mut found = vec![];
    let still_open = c
        .outcomes
        .iter()
        .find(|o| o.outcome == Outcome::StillOpen)
        .map(|o| o.count);
    if let (Some(received), Some(closed), Some(open)) = (c.received, c.closed, still_open) {
        if closed + open != received {
            found.push(format!(
                "{} closed plus {} still open is {}, but {} complaints were received.",
                n(closed),
                n(open),
                n(closed + open),
                n(received)
            ));
        }
    }
    if let Some(received) = c.received {
        let staged: u32 = c.stages.iter().map(|s| s.count).sum();
        if staged > received {
            found.push(format!(
                "The stages add up to {}, more than the {} complaints received.",
                n(staged),
                n(received)
            ));
        }
        let categorised: u32 = c.categories.iter().map(|s| s.count).sum();
        if categorised > received {
            found.push(format!(
                "The services or categories add up to {}, more than the {} complaints received (one complaint can have more than one).",
                n(categorised),
                n(received)
            ));
        }
    }
    if let Some(o) = &c.ombudsman {
        if let (Some(enquiries), Some(investigations)) = (o.enquiries, o.investigations) {
            if investigations > enquiries {
                found.push(format!(
                    "The Ombudsman investigated {} but received only {} enquiries.",
                    n(investigations),
                    n(enquiries)
                ));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Snapshot {
        Snapshot::demo()
    }

    fn fy(text: &str) -> Period {
        text.parse().expect("a year")
    }

    fn choose(p: Procedure, y: &str) -> Choice {
        Choice {
            procedure: p,
            year: fy(y),
        }
    }

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    }

    #[test]
    fn shares_give_counts_when_the_base_is_small() {
        assert_eq!(share(19, 37), "19 of 37 (51%)");
        assert_eq!(share(7, 15), "7 of 15");
        assert_eq!(share(1_188, 1_188), "1,188 of 1,188 (100%)");
        assert_eq!(percent(11, 540), Some(2));
        assert_eq!(percent(3, 19), None);
    }

    #[test]
    fn changes_read_as_a_councillor_would_say_them() {
        assert_eq!(
            change(479, 540, fy("2016/17"), fy("2017/18")),
            "rose 13% from 479 in 2016/17 to 540 in 2017/18"
        );
        assert_eq!(
            change(93, 87, fy("2016/17"), fy("2017/18")),
            "fell 6% from 93 in 2016/17 to 87 in 2017/18"
        );
        assert_eq!(
            change(12, 15, fy("2016/17"), fy("2017/18")),
            "rose from 12 in 2016/17 to 15 in 2017/18"
        );
        assert_eq!(
            change(5, 5, fy("2016/17"), fy("2017/18")),
            "stayed at 5 in 2016/17 and 2017/18"
        );
    }

    #[test]
    fn the_page_opens_on_adult_social_care_in_its_latest_counted_year() {
        let s = demo();
        let c = Choice::from_query(&s, &[]).expect("a choice");
        assert_eq!(c, choose(Procedure::AdultSocialCare, "2018/19"));
        let asked = Choice::from_query(
            &s,
            &q(&[("procedure", "children_statutory"), ("year", "2017/18")]),
        );
        assert_eq!(asked, Some(choose(Procedure::ChildrenStatutory, "2017/18")));
        // A year not held falls back, and the link says what it ignored.
        let stale = q(&[("year", "2031/32"), ("procedure", "adults")]);
        assert_eq!(Choice::from_query(&s, &stale), Some(c));
        let note = Choice::link_problem(&s, &stale).expect("a note");
        assert!(
            note.contains("year \u{201c}2031/32\u{201d}")
                && note.contains("procedure \u{201c}adults\u{201d}"),
            "{note}"
        );
        assert_eq!(Choice::link_problem(&s, &q(&[("year", "2017/18")])), None);
        assert_eq!(
            procedures(&s),
            Procedure::ALL,
            "the demo holds every procedure"
        );
        assert_eq!(
            Choice::from_query(&Snapshot::empty(&s.organisation, &s.title, s.as_at), &[]),
            None
        );
        assert_eq!(
            choose(Procedure::ChildrenStatutory, "2017/18").href(),
            "#/complaints?procedure=children_statutory&year=2017/18"
        );
    }

    #[test]
    fn the_trend_shows_five_years_and_says_what_moved() {
        let s = demo();
        let f = trend(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        // The years before the first count are left off the chart.
        assert_eq!(f.labels, ["2016/17", "2017/18"]);
        assert_eq!(
            f.series.len(),
            3,
            "corporate has no count before 2018/19; {:?}",
            f.series.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
        assert!(
            f.summary.starts_with(
                "Adult social care complaints rose 13% from 479 in 2016/17 to 540 in 2017/18."
            ),
            "{}",
            f.summary
        );
        assert!(
            f.summary.contains(
                "Children's social care complaints rose 20% from 220 in 2016/17 to 265 in 2017/18."
            ),
            "{}",
            f.summary
        );
        assert!(
            f.summary.contains(
                "Children's non-statutory complaints fell 6% from 93 in 2016/17 to 87 in 2017/18."
            ),
            "{}",
            f.summary
        );
        assert_eq!(f.table.rows[1][1], "540");
        assert_eq!(
            received_change(&s, Procedure::AdultSocialCare, fy("2017/18")).as_deref(),
            Some("rose 13% from 479 in 2016/17 to 540 in 2017/18")
        );
        assert_eq!(
            received_change(&s, Procedure::Corporate, fy("2018/19")),
            None
        );
        assert_eq!(
            received_sentence(&s, Procedure::Corporate, fy("2018/19")).as_deref(),
            Some("Corporate: 1,188 complaints in 2018/19, with no figure for the year before to compare.")
        );
        assert_eq!(f.table.rows[0][3], "93");
        let later = trend(&s, &choose(Procedure::AdultSocialCare, "2018/19"));
        assert_eq!(later.labels, ["2016/17", "2017/18", "2018/19"]);
        assert_eq!(
            later.table.rows[2][4], "1,188",
            "corporate has only 2018/19"
        );
        assert_eq!(later.table.rows[0][4], "Not given");
    }

    #[test]
    fn compliments_stand_beside_complaints() {
        let s = demo();
        let f = compliments(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        assert_eq!(
            f.summary,
            "In 2017/18 adult social care services received 615 compliments and 540 complaints: more compliments than complaints."
        );
        assert_eq!(
            f.table.head,
            ["Year", "Complaints received", "Compliments received"]
        );
        assert_eq!(f.table.rows[0], ["2016/17", "479", "538"]);
    }

    #[test]
    fn stages_and_outcomes_say_what_the_report_says() {
        let s = demo();
        let st = stages(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
        assert_eq!(
            st.summary,
            "In 2017/18, 150 of 265 (57%) children's social care complaints were settled at stage 0 (early resolution): more than at any other stage."
        );
        assert_eq!(
            st.series
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            ["Stage 0 (early resolution)", "Stage 3"]
        );
        let out = outcomes(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        assert_eq!(
            out.summary,
            "Of 425 closed adult social care complaints in 2017/18, 157 (37%) were upheld or partly upheld."
        );
        assert_eq!(
            out.table.head.last().map(String::as_str),
            Some("Closed (the base)")
        );
        let none = outcomes(&s, &choose(Procedure::Corporate, "2018/19"));
        assert!(none.is_empty());
        assert_eq!(
            none.summary,
            "No outcomes are given for corporate complaints in 2018/19."
        );
    }

    #[test]
    fn categories_compare_the_year_with_the_one_before() {
        let s = demo();
        let f = categories(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        assert_eq!(
            f.labels,
            [
                "Care Provision",
                "Financial",
                "Assessment",
                "Support Planning"
            ]
        );
        assert_eq!(f.table.head, ["Service or category", "2016/17", "2017/18"]);
        assert_eq!(f.table.rows[0], ["Care Provision", "Not given", "128"]);
        assert_eq!(
            f.summary,
            "Care Provision was the most common subject of adult social care complaints in 2017/18, with 128. Assessment fell 58% from 197 in 2016/17 to 83 in 2017/18."
        );
    }

    #[test]
    fn timeliness_is_a_share_of_complaints_received() {
        let s = demo();
        let f = timeliness(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
        assert_eq!(
            f.summary,
            "In 2017/18, 132 of 265 (50%) children's social care complaints went beyond the 10 working days (up to 20) timescale."
        );
        let last = f.series[0]
            .values
            .last()
            .cloned()
            .flatten()
            .expect("2017/18");
        assert_eq!(last.label, "50%");
        assert_eq!(
            f.table.rows.last().map(|r| r.last().cloned()),
            Some(Some("50%".into()))
        );
        assert_eq!(f.note, None);
    }

    #[test]
    fn a_small_base_shows_counts_with_a_note() {
        let mut s = demo();
        let year = s
            .complaints
            .iter_mut()
            .find(|c| c.procedure == Procedure::ChildrenNonStatutory && c.year == fy("2017/18"))
            .expect("a year");
        year.received = Some(12);
        year.exceeded_timescale = Some(3);
        let f = timeliness(&s, &choose(Procedure::ChildrenNonStatutory, "2017/18"));
        let last = f.series[0]
            .values
            .last()
            .cloned()
            .flatten()
            .expect("2017/18");
        assert_eq!(last.label, "9 of 12");
        assert!(last.label_only, "a small base is printed, not drawn");
        assert!(f
            .note
            .as_deref()
            .is_some_and(|n| n.contains("fewer than 20")));
        assert_eq!(f.summary, "In 2017/18, 3 of 12 children's non-statutory complaints went beyond the 10 working days timescale.");
    }

    #[test]
    fn the_ombudsman_rate_keeps_its_base() {
        let s = demo();
        let f = ombudsman(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        assert_eq!(
            f.summary,
            "In 2017/18 the Ombudsman upheld 19 of 37 (51%) adult social care complaints it investigated."
        );
        assert_eq!(
            f.table.rows[0][..3],
            ["2014/15", "Not given", "27"],
            "investigations before any uphold count are kept"
        );
        let row = f.table.rows.last().expect("2017/18");
        assert_eq!(row[5], "51% of 37");
        assert_eq!(
            row[6], "Not given",
            "the report gives the other outcomes as percentages only"
        );
        assert_eq!(row[7], "£630,958.48");
        let children = ombudsman(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
        let row = children.table.rows.last().expect("2017/18");
        assert_eq!(row[6], "2 not upheld, 14 not investigated");
        assert_eq!(row[5], "30% of 23");
        let earlier = ombudsman(&s, &choose(Procedure::AdultSocialCare, "2016/17"));
        assert_eq!(
            earlier.summary,
            "In 2016/17 the Ombudsman investigated 30 adult social care complaints; how many it upheld is not given."
        );
    }

    #[test]
    fn the_year_at_a_glance_leads_with_four_figures() {
        let s = demo();
        let (headline, more) = glance(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
        let shown: Vec<(&str, &str, Option<&str>)> = headline
            .iter()
            .map(|h| (h.label, h.value.as_str(), h.detail.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "Complaints received",
                    "540",
                    Some("Rose 13% from 479 in 2016/17 to 540 in 2017/18")
                ),
                ("Compliments received", "615", None),
                (
                    "Answered beyond the timescale",
                    "11",
                    Some("2% of 540 received")
                ),
                (
                    "Upheld by the Ombudsman",
                    "19",
                    Some("51% of 37 investigated")
                ),
            ]
        );
        assert!(more.contains(&("Local settlements paid", "£630,958.48".to_owned())));
        assert!(more.contains(&(
            "Compliments by service",
            "Day care provision: 165".to_owned()
        )));
        assert!(more.contains(&("Cost of independent investigations", "£0".to_owned())));
        assert_eq!(more.last().map(|m| m.0), Some("Source"));
        let none = glance(&s, &choose(Procedure::Corporate, "2016/17"));
        assert_eq!(none, (vec![], vec![]));
    }

    #[test]
    fn figures_that_do_not_add_up_are_flagged() {
        let s = demo();
        let adult = find(&s, fy("2017/18"), Procedure::AdultSocialCare).expect("adult 2017/18");
        assert_eq!(
            checks(adult),
            ["425 closed plus 116 still open is 541, but 540 complaints were received."]
        );
        let children = find(&s, fy("2017/18"), Procedure::ChildrenStatutory).expect("children");
        assert!(checks(children).is_empty());
    }
}
