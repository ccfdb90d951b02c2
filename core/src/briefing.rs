//! The briefing (`#/briefing`): what needs the committee's attention, each
//! point linked to where it is, explained in a sentence from the figures,
//! with a question a councillor could ask and where the figure came from.
//!
//! Nothing is invented: every point is a rule applied to the data held.
//! Indicators are judged at the overview's first period (the latest
//! quarter), the register at its latest quarter against the one before,
//! complaints at each procedure's latest year against the year before.
//! Reviews are overdue when their date had passed by the pack's as-at
//! date, so the briefing of a pack reads the same whenever it is opened.

use crate::compare::Comparison;
use crate::complaints::report::{checks, share, Choice};
use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::indicator::{Indicator, Observation};
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::EntryKind;
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::{Unit, Value};
use crate::indicators::details::{exact_decimals, figure_decimals, target_text};
use crate::indicators::overview::{
    default_period, earlier_figure, rate_observation, standing, Standing,
};
use crate::register::changes::Changes;
use crate::register::filter::entry_href;
use crate::register::quarters::{previous_quarter, quarters};
use crate::register::rows::score_text;
use crate::route::Route;
use crate::spc::{self, Assurance, Spc, Variation};

mod figures;
#[cfg(test)]
mod tests;

pub use figures::{figure_fault, SHARE_ALLOWANCE};

/// One thing to ask about.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// What it is about: an indicator's name, "CR3 Protect and safeguard children".
    pub label: String,
    /// Where it is in the app.
    pub href: String,
    /// Why it is here, in a sentence from the figures.
    pub why: String,
    /// A question a councillor could ask.
    pub ask: String,
    /// Where the figures came from.
    pub source: String,
}

/// The points one rule found.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// For test hooks and anchors: "newly-red", "concerning".
    pub key: &'static str,
    pub heading: String,
    pub points: Vec<Point>,
}

/// What needs the committee's attention.
#[derive(Clone, Debug, PartialEq)]
pub struct Briefing {
    /// The period indicators are judged at, where any figure is held.
    pub period: Option<Period>,
    /// The register quarter, and the one it is compared with.
    pub quarter: Option<Period>,
    pub previous_quarter: Option<Period>,
    /// Sections with something to ask about, most telling first.
    pub sections: Vec<Section>,
    /// The headings of the checks that found nothing, so a quiet briefing
    /// still says what was looked at.
    pub clear: Vec<String>,
    /// What was judged at which period, in a sentence.
    pub scope: String,
}

impl Briefing {
    /// "7 points to ask about", for a heading and the printed page.
    pub fn summary(&self) -> String {
        let points: usize = self.sections.iter().map(|s| s.points.len()).sum();
        match points {
            0 => "Nothing the checks look for needs the committee's attention.".to_owned(),
            n => format!(
                "{} in {}.",
                count_of(n, "point to ask about", "points to ask about"),
                count_of(self.sections.len(), "section", "sections")
            ),
        }
    }
}

/// The briefing of `snapshot`, with what changed since the pack it is
/// compared with, if any.
pub fn briefing(snapshot: &Snapshot, compared: Option<&Comparison>) -> Briefing {
    let period = default_period(snapshot);
    let register_quarter = quarters(snapshot).last().copied();
    let before = register_quarter.and_then(|q| previous_quarter(snapshot, &q));
    let mut all: Vec<(Section, bool)> = vec![];
    let mut add = |section: Section| {
        let found = !section.points.is_empty();
        all.push((section, found));
    };
    if let Some(p) = period {
        add(newly_red(snapshot, &p));
        // Each indicator's variation and assurance, worked out once for both checks.
        let charted: Vec<(&Indicator, spc::Summary)> = snapshot
            .indicators
            .iter()
            .map(|i| (i, spc::summary_at(i, &i.rebased_periods(), &p)))
            .collect();
        add(concerning(&charted, snapshot.settings.small_numbers));
        add(unreachable(&charted));
    }
    add(figures::not_adding_up(snapshot));
    if let Some(q) = register_quarter {
        add(highest(snapshot, &q));
        if let Some(b) = before {
            let changes = Changes::between(snapshot, b, q);
            add(scores_up(snapshot, &changes));
            add(new_entries(snapshot, &changes));
        }
        add(overdue(snapshot, &q));
    }
    add(later_answers(snapshot));
    add(complaints_checks(snapshot));
    if let Some(c) = compared {
        add(since(c));
    }
    let scope = scope_of(snapshot, period, register_quarter, before);
    let clear = all
        .iter()
        .filter(|(_, found)| !found)
        .map(|(s, _)| s.heading.clone())
        .collect();
    Briefing {
        period,
        quarter: register_quarter,
        previous_quarter: before,
        sections: all
            .into_iter()
            .filter(|(_, f)| *f)
            .map(|(s, _)| s)
            .collect(),
        clear,
        scope,
    }
}

/// "Judged: indicators at Q1 2019/20, the register at Q2 2019/20 against
/// Q2 2018/19, and complaints at each procedure's latest year."
fn scope_of(
    snapshot: &Snapshot,
    period: Option<Period>,
    quarter: Option<Period>,
    before: Option<Period>,
) -> String {
    let mut parts = vec![];
    if let Some(p) = period {
        parts.push(format!("indicators at {p}"));
    }
    match (quarter, before) {
        (Some(q), Some(b)) => parts.push(format!("the register at {q} against {b}")),
        (Some(q), None) => parts.push(format!("the register at {q}, the only quarter held")),
        _ => {}
    }
    if !snapshot.complaints.is_empty() {
        parts.push("complaints at each procedure's latest year".to_owned());
    }
    let Some(last) = parts.pop() else {
        return "No indicator figures, register or complaints are held yet.".to_owned();
    };
    let listed = if parts.is_empty() {
        last
    } else {
        format!("{}, and {last}", parts.join(", "))
    };
    let mut sentence = format!("Judged: {listed}.");
    if quarter.is_some() {
        sentence.push_str(&format!(
            " Review dates are checked against the pack's date, {}.",
            crate::dates::long_date(snapshot.as_at)
        ));
    }
    sentence
}

/// "the Q1 2019/20 figure, from Cabinet report 12 September 2019", or
/// without "from" where no source is named.
fn figure_source(snapshot: &Snapshot, indicator: &Indicator, o: &Observation) -> String {
    let from = from_source(
        snapshot,
        o.source.as_deref().or(indicator.source.as_deref()),
    );
    format!("The {} figure{from}", o.period)
}

/// ", from Cabinet report 12 September 2019" for the source with `id`; empty
/// where none is named, or the file holds no such source.
fn from_source(snapshot: &Snapshot, id: Option<&str>) -> String {
    id.and_then(|id| snapshot.source(id))
        .map(|s| format!(", from {}", s.title))
        .unwrap_or_default()
}

/// " The figures are small numbers: …", where any of `figures` is one
/// under the council's threshold, so the reason says to read it with care.
fn small_caution(under: u32, indicator: &Indicator, figures: &[&Observation]) -> String {
    let small: Vec<&Observation> = figures
        .iter()
        .copied()
        .filter(|o| crate::domain::small::small(&o.value, indicator.unit, under).is_some())
        .collect();
    match small.as_slice() {
        [] => String::new(),
        [one] => format!(
            " The {} figure is a small number (a count under {under}, or made of one): too few to read much into a change.",
            one.period
        ),
        _ => format!(
            " These are small numbers (counts under {under}, or made of them): too few to read much into a change."
        ),
    }
}

fn indicator_href(indicator: &Indicator) -> String {
    Route::Indicator {
        id: indicator.id.clone(),
    }
    .href()
}

/// Indicators rated Requires improvement at `period` whose figure before
/// was rated otherwise.
fn newly_red(snapshot: &Snapshot, period: &Period) -> Section {
    let red = Rag::Red.label();
    let points = snapshot
        .indicators
        .iter()
        .filter(|i| standing(i, period) == Standing::Red)
        .filter_map(|i| {
            let now = i.value_for(period)?;
            let before = earlier_figure(i, period)?;
            let was = rate_observation(i, before);
            let was_red = was.rag() == Some(Rag::Red);
            let was_words = match was.rag() {
                Some(rag) => format!("rated {}", rag.label()),
                None => match was.words().as_str() {
                    "No target" => "without a target to rate it by".to_owned(),
                    other => format!("not rated ({})", other.to_lowercase()),
                },
            };
            (!was_red).then(|| Point {
                label: i.name.clone(),
                href: indicator_href(i),
                why: format!(
                    "{} in {}: {} (target {}). In {} it was {}, {}.{}",
                    red,
                    period,
                    crate::domain::small::reading(&now.value, i.unit),
                    target_of(i, now),
                    before.period,
                    crate::domain::small::reading(&before.value, i.unit),
                    was_words,
                    small_caution(snapshot.settings.small_numbers, i, &[now, before])
                ),
                ask: format!(
                    "What changed since {} to move this to {}, and what will bring it back to target?",
                    before.period,
                    red.to_lowercase()
                ),
                source: figure_source(snapshot, i, now),
            })
        })
        .collect();
    Section {
        key: "newly-red",
        heading: format!("Newly rated {red}"),
        points,
    }
}

/// The target a figure is rated against, as the pack writes it.
fn target_of(indicator: &Indicator, o: &Observation) -> String {
    match &o.target {
        Some(t) => {
            let places = exact_decimals(t.value, figure_decimals(indicator));
            Value::figure(t.value, places).display(indicator.unit)
        }
        None => target_text(indicator).unwrap_or_else(|| "none set".to_owned()),
    }
}

/// "the 16 quarters Q1 2015/16 to Q4 2018/19": what a chart was drawn from.
fn chart_source(chart: &spc::Xmr) -> String {
    match (chart.points.first(), chart.points.last()) {
        (Some(first), Some(last)) => format!(
            "XmR chart of {} figures, {} to {}",
            chart.points.len(),
            first.period,
            last.period
        ),
        _ => "XmR chart".to_owned(),
    }
}

/// Indicators whose latest charted figure at the period is a special cause
/// in the direction that is bad.
fn concerning(charted: &[(&Indicator, spc::Summary)], under: u32) -> Section {
    let points = charted
        .iter()
        .filter_map(|(i, summary)| {
            let (Spc::Chart(chart), Some(v @ Variation::Concerning(_))) =
                (&summary.spc, summary.variation)
            else {
                return None;
            };
            let last = chart.points.last()?;
            let caution = i
                .value_for(&last.period)
                .map(|o| small_caution(under, i, &[o]))
                .unwrap_or_default();
            let show = spc::printer(i);
            let rules: Vec<String> = last.rules.iter().map(|r| r.words()).collect();
            let limits = chart.latest().limits;
            Some(Point {
                label: i.name.clone(),
                href: indicator_href(i),
                why: format!(
                    "{}: the {} figure, {}, is {}. Ordinary variation runs from {} to {} about a mean of {}.{caution}",
                    v.words(),
                    last.period,
                    show(last.value),
                    rules.join(" and "),
                    show(limits.lower),
                    show(limits.upper),
                    show(limits.mean)
                ),
                ask: "This is more than ordinary variation: what caused it, and is it expected to last?"
                    .to_owned(),
                source: chart_source(chart),
            })
        })
        .collect();
    Section {
        key: "concerning",
        heading: "Changes that are real, and concerning".to_owned(),
        points,
    }
}

/// Indicators whose process limits lie wholly on the wrong side of their
/// target at the period: it will be missed every time unless the process changes.
fn unreachable(charted: &[(&Indicator, spc::Summary)]) -> Section {
    let points = charted
        .iter()
        .filter_map(|(i, summary)| {
            let (Spc::Chart(chart), Some(Assurance::Fail), Some(target)) =
                (&summary.spc, summary.assurance, summary.target)
            else {
                return None;
            };
            let show = spc::printer(i);
            let limits = chart.latest().limits;
            Some(Point {
                label: i.name.clone(),
                href: indicator_href(i),
                why: format!(
                    "The target of {} lies outside the process limits, {} to {}: as things run now it will be missed every time.",
                    show(target.value),
                    show(limits.lower),
                    show(limits.upper)
                ),
                ask: "Is the target realistic with the service as it runs now, and what would have to change to meet it?"
                    .to_owned(),
                source: chart_source(chart),
            })
        })
        .collect();
    Section {
        key: "unreachable",
        heading: "Targets the limits say will not be met".to_owned(),
        points,
    }
}

/// "CR3 Protect and safeguard children".
fn entry_label(entry: &RegisterEntry, a: &Assessment) -> String {
    format!("{} {}", entry.id, a.title)
}

/// "Risk register, Q2 2019/20, from …".
fn register_source(snapshot: &Snapshot, entry: &RegisterEntry, a: &Assessment) -> String {
    let register = match entry.kind {
        EntryKind::Risk => "Risk register",
        EntryKind::Opportunity => "Opportunity register",
    };
    let from = from_source(snapshot, a.source.as_deref());
    format!("{register}, {}{from}", a.period)
}

/// Risks on the register in `quarter` whose residual score is in the
/// highest band, or above the council's appetite where it sets one.
fn highest(snapshot: &Snapshot, quarter: &Period) -> Section {
    let bands = snapshot.settings.bands_for(EntryKind::Risk);
    let top = bands.0.last().cloned();
    let appetite = snapshot.settings.risk_appetite;
    let points = snapshot
        .register
        .iter()
        .filter(|e| e.kind == EntryKind::Risk)
        .filter_map(|e| {
            let a = e.on_register(quarter)?;
            let score = a.residual?;
            let in_top = top
                .as_ref()
                .filter(|t| bands.band_of(score.value()) == Some(*t));
            let above = appetite.filter(|limit| score.value() > *limit);
            let mut why = format!("Residual score {}", score_text(Some(score), e.kind));
            match (in_top, above) {
                (None, None) => return None,
                (Some(band), None) => {
                    why.push_str(&format!(", in the highest band ({}).", band.name))
                }
                (None, Some(limit)) => {
                    why.push_str(&format!(", above the council's appetite of {limit}."))
                }
                (Some(band), Some(limit)) => why.push_str(&format!(
                    ", in the highest band ({}) and above the council's appetite of {limit}.",
                    band.name
                )),
            }
            let target = a
                .target
                .map(|t| format!(" The target score is {}.", score_text(Some(t), e.kind)))
                .unwrap_or_default();
            why.push_str(&target);
            Some(Point {
                label: entry_label(e, a),
                href: entry_href(&e.id, *quarter),
                why,
                ask: "Are the controls and actions enough to bring this risk down, and by when?"
                    .to_owned(),
                source: register_source(snapshot, e, a),
            })
        })
        .collect();
    Section {
        key: "highest",
        heading: match appetite {
            Some(_) => "Risks in the highest band or above appetite".to_owned(),
            None => "Risks in the highest band".to_owned(),
        },
        points,
    }
}

/// Risks whose residual score rose since the quarter before.
fn scores_up(snapshot: &Snapshot, changes: &Changes) -> Section {
    let points = changes
        .moved(std::cmp::Ordering::Greater)
        .into_iter()
        .filter(|c| c.kind == EntryKind::Risk)
        .filter_map(|c| {
            let entry = snapshot.register.iter().find(|e| e.id == c.id)?;
            let a = entry.on_register(&changes.to)?;
            Some(Point {
                label: entry_label(entry, a),
                href: entry_href(&entry.id, changes.to),
                why: format!(
                    "Residual score up from {} in {} to {} in {}.",
                    score_text(c.was_residual, c.kind),
                    changes.from,
                    score_text(c.residual, c.kind),
                    changes.to
                ),
                ask: format!(
                    "What made this risk more likely or more serious since {}, and are the actions keeping up?",
                    changes.from
                ),
                source: register_source(snapshot, entry, a),
            })
        })
        .collect();
    Section {
        key: "scores-up",
        heading: format!("Risk scores up since {}", changes.from),
        points,
    }
}

/// Entries on the register now that were not on it the quarter before.
fn new_entries(snapshot: &Snapshot, changes: &Changes) -> Section {
    let points = changes
        .new
        .iter()
        .filter_map(|listed| {
            let entry = snapshot.register.iter().find(|e| e.id == listed.id)?;
            let a = entry.on_register(&changes.to)?;
            let noun = match entry.kind {
                EntryKind::Risk => "risk",
                EntryKind::Opportunity => "opportunity",
            };
            Some(Point {
                label: entry_label(entry, a),
                href: entry_href(&entry.id, changes.to),
                why: format!(
                    "A new {noun} in {}, not on the register in {}; {}, owner {}.",
                    changes.to,
                    changes.from,
                    a.residual.map_or_else(
                        || "no residual score given".to_owned(),
                        |r| format!("residual score {}", score_text(Some(r), entry.kind))
                    ),
                    a.owner.as_deref().unwrap_or("not given")
                ),
                ask: format!(
                    "What brought this {noun} onto the register now, and who is acting on it?"
                ),
                source: register_source(snapshot, entry, a),
            })
        })
        .collect();
    Section {
        key: "new-entries",
        heading: format!("New on the register since {}", changes.from),
        points,
    }
}

/// Entries on the register in `quarter` whose next review date had passed
/// by the pack's as-at date.
fn overdue(snapshot: &Snapshot, quarter: &Period) -> Section {
    let as_at = snapshot.as_at;
    let points = snapshot
        .register
        .iter()
        .filter_map(|e| {
            let a = e.on_register(quarter)?;
            let due = a.next_review.filter(|d| *d < as_at)?;
            Some(Point {
                label: entry_label(e, a),
                href: entry_href(&e.id, *quarter),
                why: format!(
                    "Its next review was due on {}, before the pack's date of {}; owner {}.",
                    crate::dates::long_date(due),
                    crate::dates::long_date(as_at),
                    a.owner.as_deref().unwrap_or("not given")
                ),
                ask: "Has this been reviewed since, and if not, when will it be?".to_owned(),
                source: register_source(snapshot, e, a),
            })
        })
        .collect();
    Section {
        key: "overdue",
        heading: "Reviews overdue at the pack's date".to_owned(),
        points,
    }
}

/// Each procedure's latest year with both a count received and a count
/// answered beyond the timescale, and the year before it where it has both.
fn timeliness_pairs(snapshot: &Snapshot) -> Vec<(&ComplaintsYear, &ComplaintsYear)> {
    let judged =
        |c: &&ComplaintsYear| c.received.is_some_and(|r| r > 0) && c.exceeded_timescale.is_some();
    Procedure::ALL
        .iter()
        .filter_map(|p| {
            let mut years: Vec<&ComplaintsYear> = snapshot
                .complaints
                .iter()
                .filter(|c| c.procedure == *p)
                .filter(judged)
                .collect();
            crate::sort::by(&mut years, |a, b| a.year.timeline_cmp(&b.year));
            let now = *years.last()?;
            let before = years
                .iter()
                .rev()
                .find(|c| c.year == now.year.year_earlier())?;
            Some((now, *before))
        })
        .collect()
}

/// Procedures where a larger share of complaints was answered beyond the
/// timescale in their latest year than in the year before.
fn later_answers(snapshot: &Snapshot) -> Section {
    let late = |c: &ComplaintsYear| {
        let (over, base) = (c.exceeded_timescale.unwrap_or(0), c.received.unwrap_or(0));
        (over, base, f64::from(over) / f64::from(base.max(1)))
    };
    let points = timeliness_pairs(snapshot)
        .into_iter()
        .filter_map(|(now, before)| {
            let (over, base, share_now) = late(now);
            let (was_over, was_base, share_before) = late(before);
            (share_now > share_before).then(|| Point {
                label: now.procedure.label().to_owned(),
                href: Choice {
                    procedure: now.procedure,
                    year: now.year,
                }
                .href(),
                why: format!(
                    "Answered beyond the timescale: {} complaints in {}, up from {} in {}.",
                    share(over, base),
                    now.year,
                    share(was_over, was_base),
                    before.year
                ),
                ask: "Why were more complaints answered late this year, and what is being done to answer them in time?"
                    .to_owned(),
                source: complaints_source(snapshot, now),
            })
        })
        .collect();
    Section {
        key: "timeliness",
        heading: "Complaints answered in time: a smaller share".to_owned(),
        points,
    }
}

fn complaints_source(snapshot: &Snapshot, c: &ComplaintsYear) -> String {
    let from = from_source(snapshot, c.source.as_deref());
    format!("{} complaints, {}{from}", c.procedure.label(), c.year)
}

/// The complaints figures of any year held that do not add up: each
/// procedure in turn, latest year first.
fn complaints_checks(snapshot: &Snapshot) -> Section {
    let mut points = vec![];
    for p in Procedure::ALL {
        let mut years: Vec<&ComplaintsYear> = snapshot
            .complaints
            .iter()
            .filter(|c| c.procedure == p)
            .collect();
        crate::sort::by(&mut years, |a, b| b.year.timeline_cmp(&a.year));
        for c in years {
            for found in checks(c) {
                points.push(Point {
                    label: format!("{}, {}", p.label(), c.year),
                    href: Choice {
                        procedure: p,
                        year: c.year,
                    }
                    .href(),
                    why: found,
                    ask: "Which of these figures is right, and can the report be corrected?"
                        .to_owned(),
                    source: complaints_source(snapshot, c),
                });
            }
        }
    }
    Section {
        key: "complaints-checks",
        heading: "Complaints figures that do not add up".to_owned(),
        points,
    }
}

/// What changed since the pack compared with: the comparison's summary,
/// a point a line.
fn since(c: &Comparison) -> Section {
    let points = c
        .summary()
        .into_iter()
        .map(|line| Point {
            label: line.text.clone(),
            href: Route::Compare.href(),
            why: match line.words().strip_prefix(&line.text) {
                Some(rest) if !line.items.is_empty() => {
                    rest.trim_start_matches(": ").to_owned() + "."
                }
                _ => String::new(),
            },
            ask: "Which of these changes were expected, and which need explaining?".to_owned(),
            source: format!("Comparison with {}", c.before.label()),
        })
        .filter(|p| !p.label.is_empty())
        .collect();
    Section {
        key: "since",
        heading: c.heading(),
        points,
    }
}

/// The indicators' figures a unit and its parts can be checked by.
pub(crate) fn is_share(unit: Unit) -> bool {
    unit == Unit::Percent || unit.rate_base().is_some()
}
