//! What changed between two packs: the data open now and another pack (a
//! file someone emailed, the file an import would open), section by
//! section, and a plain-English summary of it first.
//!
//! The earlier pack (by its as-at date; the data open now when both have
//! the same date) is "before", the other "after", so a Q3 pack compared
//! with the Q2 pack open now reads as what changed since Q2, whichever way
//! round it was asked.
//!
//! What is matched with what:
//! - indicators by id; a figure by its indicator and period; a rating is
//!   each indicator's rating at its latest figure in each pack;
//! - register entries as the quarterly cover report matches them
//!   ([`Changes::between_registers`], each pack's latest quarter);
//! - complaints years by procedure and year, each figure of the year form;
//! - the pack details and settings field by field.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::complaints::edit::{Figure, FigureField};
use crate::dates::long_date;
use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::indicator::{Indicator, Observation};
use crate::domain::period::Period;
use crate::domain::rag::TargetRule;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::ScoreBands;
use crate::domain::snapshot::{count_of, Snapshot};
use crate::indicators::details::target_text;
use crate::indicators::overview::{rate_observation, standing_of, Standing};
use crate::register::changes::{Changes, Continuing};
use crate::register::filter::entry_href;
use crate::register::quarters::quarters;
use crate::register::rows::score_text;
use crate::route::Route;
use crate::sort;

#[cfg(test)]
mod tests;

/// One of the two packs compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// "the data open now", "“Q3 pack.json”".
    pub name: String,
    pub as_at: NaiveDate,
    /// Whether this is the data open now.
    pub open: bool,
}

impl Side {
    /// "the pack as at 30 September 2019 (the data open now)".
    pub fn label(&self) -> String {
        format!("the pack as at {} ({})", long_date(self.as_at), self.name)
    }
}

/// What changed between two packs.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Whether the two packs hold exactly the same data.
    pub same: bool,
    pub before: Side,
    pub after: Side,
    pub details: Vec<DetailChange>,
    pub indicators: IndicatorChanges,
    /// `None` where neither pack has a register.
    pub register: Option<RegisterChanges>,
    pub complaints: ComplaintsChanges,
}

/// A pack detail or setting that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailChange {
    /// "Organisation", "As at", "Risk appetite".
    pub what: &'static str,
    pub was: String,
    pub now: String,
}

/// An indicator named, with its address where it is in the data open now.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub route: Option<Route>,
}

impl Named {
    pub fn href(&self) -> Option<String> {
        self.route.as_ref().map(Route::href)
    }
}

/// How an indicator's rating at its latest figure moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Turn {
    /// Red now, not before.
    NewlyRed,
    /// Red before, Amber or Green now.
    Recovered,
    /// Green now, Amber or unrated before.
    NewlyGreen,
    /// Green before, Amber now.
    FellToAmber,
    /// Rated before, not now (no figure, or no target).
    NoLongerRated,
    /// Not rated before, Amber now.
    NewlyAmber,
}

impl Turn {
    pub const ALL: [Turn; 6] = [
        Turn::NewlyRed,
        Turn::Recovered,
        Turn::NewlyGreen,
        Turn::FellToAmber,
        Turn::NewlyAmber,
        Turn::NoLongerRated,
    ];

    /// How the summary counts them, in the pack's words for the ratings:
    /// "3 indicators are newly rated “Requires improvement” (red)".
    fn counted(self, n: usize) -> String {
        let indicators = count_of(n, "indicator", "indicators");
        let is = if n == 1 { "is" } else { "are" };
        let red = "\u{201c}Requires improvement\u{201d} (red)";
        let amber = "\u{201c}Slightly below desired level\u{201d} (amber)";
        let green = "\u{201c}On track/good\u{201d} (green)";
        match self {
            Turn::NewlyRed => format!("{indicators} {is} newly rated {red}"),
            Turn::Recovered => format!("{indicators} recovered from {red}"),
            Turn::NewlyGreen => format!("{indicators} {is} newly rated {green}"),
            Turn::FellToAmber => format!("{indicators} fell from {green} to {amber}"),
            Turn::NewlyAmber => format!("{indicators} {is} newly rated {amber}"),
            Turn::NoLongerRated => {
                let has = if n == 1 { "has" } else { "have" };
                format!("{indicators} no longer {has} a rating")
            }
        }
    }

    fn of(was: Standing, now: Standing) -> Option<Turn> {
        use Standing::*;
        let rated = |s: Standing| matches!(s, Green | Amber | Red);
        Some(match (was, now) {
            (a, b) if a == b => return None,
            (_, Red) => Turn::NewlyRed,
            (Red, Green | Amber) => Turn::Recovered,
            (_, Green) => Turn::NewlyGreen,
            (Green, Amber) => Turn::FellToAmber,
            (_, Amber) => Turn::NewlyAmber,
            (a, _) if rated(a) => Turn::NoLongerRated,
            _ => return None,
        })
    }
}

/// An indicator whose rating at its latest figure differs.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingChange {
    pub indicator: Named,
    pub turn: Turn,
    /// The period of the latest figure and its standing, before and after.
    pub was: Option<(Period, Standing)>,
    pub now: Option<(Period, Standing)>,
}

impl RatingChange {
    /// "Amber (Q2 2019/20)", "No figure".
    pub fn was_text(&self) -> String {
        rated_text(self.was)
    }
    pub fn now_text(&self) -> String {
        rated_text(self.now)
    }
}

fn rated_text(rated: Option<(Period, Standing)>) -> String {
    match rated {
        Some((period, standing)) => format!("{} ({period})", standing.label()),
        None => Standing::Missing.label().to_owned(),
    }
}

/// A figure both packs hold for the same indicator and period, different;
/// or one only one pack holds (`was` or `now` is `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct FigureChange {
    pub indicator: Named,
    pub period: Period,
    /// As shown, with its unit: "32.1%".
    pub was: Option<String>,
    pub now: Option<String>,
    /// The source each pack gives for it, by title.
    pub was_source: Option<String>,
    pub now_source: Option<String>,
}

/// An indicator's standing target that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChange {
    pub indicator: Named,
    pub was: String,
    pub now: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorChanges {
    /// In the later pack only, in its order.
    pub added: Vec<Named>,
    /// In the earlier pack only, in its order.
    pub removed: Vec<Named>,
    pub ratings: Vec<RatingChange>,
    /// Figures both hold, different.
    pub revised: Vec<FigureChange>,
    /// Figures only the later pack holds, of indicators both hold.
    pub new_figures: Vec<FigureChange>,
    /// Figures only the earlier pack holds, of indicators both hold.
    pub dropped_figures: Vec<FigureChange>,
    pub targets: Vec<TargetChange>,
}

/// A register entry's owner or next review date that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDetail {
    pub id: String,
    pub title: String,
    /// "Owner" or "Next review".
    pub what: &'static str,
    pub was: String,
    pub now: String,
    /// Where the entry is in the data open now.
    pub href: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegisterChanges {
    /// The earlier pack's latest quarter to the later's.
    pub changes: Changes,
    pub details: Vec<EntryDetail>,
    /// Whether the data open now is the later pack (else the earlier).
    pub open_is_later: bool,
}

impl RegisterChanges {
    /// The address of an entry on the later register as `id` (and on the
    /// earlier as `was_id`, where it was renumbered), in the data open now
    /// and its quarter there.
    pub fn continuing_href(&self, id: &str, was_id: Option<&str>) -> String {
        if self.open_is_later {
            entry_href(id, self.changes.to)
        } else {
            entry_href(was_id.unwrap_or(id), self.changes.from)
        }
    }

    /// The address of an entry on the later register only, where that is
    /// the data open now.
    pub fn new_href(&self, id: &str) -> Option<String> {
        self.open_is_later.then(|| entry_href(id, self.changes.to))
    }

    /// The address of an entry on the earlier register only, where that is
    /// the data open now.
    pub fn left_href(&self, id: &str) -> Option<String> {
        (!self.open_is_later).then(|| entry_href(id, self.changes.from))
    }
}

/// A complaints year one pack holds, or a figure of a year both hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearHeld {
    pub procedure: Procedure,
    pub year: Period,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComplaintsFigure {
    pub procedure: Procedure,
    pub year: Period,
    /// The year form's label: "Complaints received".
    pub figure: &'static str,
    /// "1,234", or "not recorded".
    pub was: String,
    pub now: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintsChanges {
    pub added: Vec<YearHeld>,
    pub removed: Vec<YearHeld>,
    pub revised: Vec<ComplaintsFigure>,
}

/// One line of the summary: its words, then the items it names (each a
/// link where the item is in the data open now), at most
/// [`Line::MOST_ITEMS`] of them and how many more the section lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub items: Vec<Item>,
    pub more: usize,
}

/// An item a summary line names: its name or reference (the link, where
/// it is in the data open now), then what is said of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub label: String,
    /// What follows the link: ": 32.1% to 33.0%", " from 16 to 12".
    pub rest: String,
    /// Where the item is in the data open now, if it is there.
    pub href: Option<String>,
}

impl Item {
    fn new(label: &str, rest: String, href: Option<String>) -> Item {
        Item {
            label: label.to_owned(),
            rest,
            href,
        }
    }

    /// A register entry's line, "CR1 Reshaping …", as its reference and
    /// the rest.
    fn entry(id: &str, line: String, href: Option<String>) -> Item {
        let rest = line.strip_prefix(id).map(str::to_owned).unwrap_or(line);
        Item::new(id, rest, href)
    }
}

impl Line {
    pub const MOST_ITEMS: usize = 5;

    fn new(text: String, items: Vec<Item>) -> Line {
        let more = items.len().saturating_sub(Line::MOST_ITEMS);
        let mut items = items;
        items.truncate(Line::MOST_ITEMS);
        Line { text, items, more }
    }

    fn plain(text: String) -> Line {
        Line {
            text,
            items: vec![],
            more: 0,
        }
    }

    /// The line as plain text, for tests and the printed pack: "3
    /// indicators are newly rated Red: A, B, C and 2 more".
    pub fn words(&self) -> String {
        let mut text = self.text.clone();
        if !self.items.is_empty() {
            let labels: Vec<String> = self
                .items
                .iter()
                .map(|i| format!("{}{}", i.label, i.rest))
                .collect();
            text.push_str(": ");
            text.push_str(&labels.join("; "));
            if self.more > 0 {
                text.push_str(&format!(" and {} more", self.more));
            }
        }
        text
    }
}

impl Comparison {
    /// The data open now against `other` (named as the person knows it,
    /// "“Q3 pack.json”"), the earlier of the two by as-at date as "before".
    /// Where both have the same date, `other_first` says which was first:
    /// the data before a file was opened, or a version kept, came first;
    /// a file not yet opened comes after what is open (what opening it
    /// would change).
    pub fn of(
        open: &Snapshot,
        other: &Snapshot,
        other_name: &str,
        other_first: bool,
    ) -> Comparison {
        let open_side = Side {
            name: "the data open now".to_owned(),
            as_at: open.as_at,
            open: true,
        };
        let other_side = Side {
            name: other_name.to_owned(),
            as_at: other.as_at,
            open: false,
        };
        let other_earlier = other.as_at < open.as_at || (other.as_at == open.as_at && other_first);
        if other_earlier {
            Comparison::between(other, other_side, open, open_side, open)
        } else {
            Comparison::between(open, open_side, other, other_side, open)
        }
    }

    fn between(
        earlier: &Snapshot,
        before: Side,
        later: &Snapshot,
        after: Side,
        open: &Snapshot,
    ) -> Comparison {
        Comparison {
            same: earlier == later,
            details: details(earlier, later),
            indicators: indicators(earlier, later, open),
            register: register(earlier, later, after.open),
            complaints: complaints(earlier, later),
            before,
            after,
        }
    }

    /// Whether nothing the comparison lists differs (names, commentary,
    /// notes or sources may: see [`Comparison::same`]).
    pub fn is_empty(&self) -> bool {
        let i = &self.indicators;
        self.details.is_empty()
            && i.added.is_empty()
            && i.removed.is_empty()
            && i.ratings.is_empty()
            && i.revised.is_empty()
            && i.new_figures.is_empty()
            && i.dropped_figures.is_empty()
            && i.targets.is_empty()
            && self.register.as_ref().is_none_or(|r| {
                let c = &r.changes;
                r.details.is_empty()
                    && c.new.is_empty()
                    && c.left.is_empty()
                    && c.continuing
                        .iter()
                        .all(|e| e.was_id.is_none() && e.was_title.is_none() && e.moved().is_none())
            })
            && self.complaints.added.is_empty()
            && self.complaints.removed.is_empty()
            && self.complaints.revised.is_empty()
    }

    /// "Since the pack as at 30 June 2019 (the data open now)".
    pub fn heading(&self) -> String {
        format!("Since {}", self.before.label())
    }

    /// The summary, most telling first: the pack details, ratings, figures
    /// revised (by period), new and dropped figures, indicators added and
    /// removed, targets, the register's movements, complaints.
    pub fn summary(&self) -> Vec<Line> {
        let mut lines = vec![];
        for d in &self.details {
            lines.push(Line::plain(format!(
                "{} changed from {} to {}",
                d.what,
                quoted(&d.was),
                quoted(&d.now)
            )));
        }
        let i = &self.indicators;
        for turn in Turn::ALL {
            let items: Vec<Item> = i
                .ratings
                .iter()
                .filter(|r| r.turn == turn)
                .map(|r| item(&r.indicator))
                .collect();
            if !items.is_empty() {
                lines.push(Line::new(turn.counted(items.len()), items));
            }
        }
        for (period, changes) in by_period(&i.revised) {
            let n = changes.len();
            let text = format!(
                "{} for {period} {}",
                count_of(n, "figure", "figures"),
                if n == 1 {
                    "was revised"
                } else {
                    "were revised"
                }
            );
            lines.push(Line::new(
                text,
                changes.iter().map(|c| figure_item(c)).collect(),
            ));
        }
        // New and dropped figures are many (a quarter's report adds one
        // for every indicator): one line each, counted by period.
        for (list, one, many) in [
            (&i.new_figures, "figure is new", "figures are new"),
            (
                &i.dropped_figures,
                "figure is no longer in the pack",
                "figures are no longer in the pack",
            ),
        ] {
            if list.is_empty() {
                continue;
            }
            let groups = by_period(list);
            let counts: Vec<String> = groups
                .iter()
                .map(|(period, changes)| format!("{period} ({})", changes.len()))
                .collect();
            let text = match groups.as_slice() {
                [(period, _)] => format!("{} for {period}", count_of(list.len(), one, many)),
                _ => format!("{}: {}", count_of(list.len(), one, many), counts.join(", ")),
            };
            lines.push(Line::plain(text));
        }
        if !i.added.is_empty() {
            let text = format!(
                "{} added",
                count_of(i.added.len(), "indicator was", "indicators were")
            );
            lines.push(Line::new(text, i.added.iter().map(item).collect()));
        }
        if !i.removed.is_empty() {
            let text = format!(
                "{} no longer in the pack",
                count_of(i.removed.len(), "indicator is", "indicators are")
            );
            lines.push(Line::new(text, i.removed.iter().map(item).collect()));
        }
        if !i.targets.is_empty() {
            let text = format!("{} changed", count_of(i.targets.len(), "target", "targets"));
            let items = i
                .targets
                .iter()
                .map(|t| {
                    Item::new(
                        &t.indicator.name,
                        format!(": {} to {}", t.was, t.now),
                        t.indicator.href(),
                    )
                })
                .collect();
            lines.push(Line::new(text, items));
        }
        if let Some(r) = &self.register {
            lines.extend(register_lines(r));
        }
        let c = &self.complaints;
        for (list, words) in [(&c.added, "added"), (&c.removed, "no longer in the pack")] {
            if !list.is_empty() {
                let text = format!(
                    "{} {words}",
                    count_of(list.len(), "complaints year", "complaints years")
                );
                let items = list
                    .iter()
                    .map(|y| {
                        Item::new(
                            &format!("{} {}", y.procedure.label(), y.year),
                            String::new(),
                            Some(Route::Complaints.href()),
                        )
                    })
                    .collect();
                lines.push(Line::new(text, items));
            }
        }
        if !c.revised.is_empty() {
            let text = format!(
                "{} revised",
                count_of(
                    c.revised.len(),
                    "complaints figure was",
                    "complaints figures were"
                )
            );
            let items = c
                .revised
                .iter()
                .map(|f| {
                    Item::new(
                        &format!("{} {}", f.procedure.label(), f.year),
                        format!(", {}: {} to {}", f.figure, f.was, f.now),
                        Some(Route::Complaints.href()),
                    )
                })
                .collect();
            lines.push(Line::new(text, items));
        }
        lines
    }
}

/// A register title as the summary gives it: its first ten words (the
/// register's own list below gives it whole).
fn short(title: &str) -> String {
    crate::text::first_words(title.trim_end_matches('.'), 10)
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{text}\u{201d}")
}

fn item(named: &Named) -> Item {
    Item::new(&named.name, String::new(), named.href())
}

/// "Percentage of …: 32.1% to 33.0%".
fn figure_item(change: &FigureChange) -> Item {
    let rest = match (&change.was, &change.now) {
        (Some(was), Some(now)) => format!(": {was} to {now}"),
        (None, Some(now)) => format!(": {now}"),
        (Some(was), None) => format!(": was {was}"),
        (None, None) => String::new(),
    };
    Item::new(&change.indicator.name, rest, change.indicator.href())
}

/// The changes grouped by period, latest period first, each in list order.
fn by_period(list: &[FigureChange]) -> Vec<(Period, Vec<&FigureChange>)> {
    let mut groups: Vec<(Period, Vec<&FigureChange>)> = vec![];
    for change in list {
        match groups.iter_mut().find(|(p, _)| *p == change.period) {
            Some((_, group)) => group.push(change),
            None => groups.push((change.period, vec![change])),
        }
    }
    sort::by(&mut groups, |a, b| b.0.timeline_cmp(&a.0));
    groups
}

fn register_lines(r: &RegisterChanges) -> Vec<Line> {
    use std::cmp::Ordering;
    let c = &r.changes;
    let mut lines = vec![];
    let entry = |e: &Continuing, line: String| {
        Item::entry(
            &e.id,
            line,
            Some(r.continuing_href(&e.id, e.was_id.as_deref())),
        )
    };
    for (way, one, many) in [
        (
            Ordering::Greater,
            "register score rose",
            "register scores rose",
        ),
        (
            Ordering::Less,
            "register score fell",
            "register scores fell",
        ),
    ] {
        let moved = c.moved(way);
        if !moved.is_empty() {
            let items = moved
                .iter()
                .map(|e| {
                    entry(
                        e,
                        format!(
                            "{}{} from {} to {}",
                            e.reference(),
                            if e.was_id.is_some() { "," } else { "" },
                            score_text(e.was_residual, e.kind),
                            score_text(e.residual, e.kind)
                        ),
                    )
                })
                .collect();
            lines.push(Line::new(count_of(moved.len(), one, many), items));
        }
    }
    if !c.new.is_empty() {
        let items = c
            .new
            .iter()
            .map(|l| Item::new(&l.id, format!(" {}", short(&l.title)), r.new_href(&l.id)))
            .collect();
        let text = format!(
            "{} new on the register in {}",
            count_of(c.new.len(), "entry is", "entries are"),
            c.to
        );
        lines.push(Line::new(text, items));
    }
    if !c.left.is_empty() {
        let items = c
            .left
            .iter()
            .map(|l| {
                Item::new(
                    &l.id,
                    format!(" in {}: {}", c.from, short(&l.title)),
                    r.left_href(&l.id),
                )
            })
            .collect();
        let text = format!(
            "{} no longer on the register",
            count_of(c.left.len(), "entry is", "entries are")
        );
        lines.push(Line::new(text, items));
    }
    let reworked = c.reworked();
    if !reworked.is_empty() {
        let items = reworked.iter().map(|e| entry(e, e.line())).collect();
        let text = count_of(
            reworked.len(),
            "entry was re-worked",
            "entries were re-worked",
        );
        lines.push(Line::new(text, items));
    }
    let renumbered = c.renumbered();
    if !renumbered.is_empty() {
        let items = renumbered.iter().map(|e| entry(e, e.reference())).collect();
        let text = count_of(
            renumbered.len(),
            "entry was renumbered",
            "entries were renumbered",
        );
        lines.push(Line::new(text, items));
    }
    for (what, one, many) in [
        ("Owner", "entry has a new owner", "entries have a new owner"),
        (
            "Next review",
            "entry has a new review date",
            "entries have a new review date",
        ),
    ] {
        let items: Vec<Item> = r
            .details
            .iter()
            .filter(|d| d.what == what)
            .map(|d| {
                Item::new(
                    &d.id,
                    format!(": {} to {}", d.was, d.now),
                    Some(d.href.clone()),
                )
            })
            .collect();
        if !items.is_empty() {
            lines.push(Line::new(count_of(items.len(), one, many), items));
        }
    }
    lines
}

fn details(earlier: &Snapshot, later: &Snapshot) -> Vec<DetailChange> {
    let or_none = |o: &Option<String>| o.clone().unwrap_or_else(|| "none".to_owned());
    let appetite = |s: &Snapshot| {
        s.settings
            .risk_appetite
            .map_or_else(|| "none".to_owned(), |a| a.to_string())
    };
    let tolerance =
        |s: &Snapshot| format!("{}%", crate::text::plain_number(s.settings.amber_within));
    let fields: [(&'static str, String, String); 9] = [
        (
            "Organisation",
            earlier.organisation.clone(),
            later.organisation.clone(),
        ),
        ("Title", earlier.title.clone(), later.title.clone()),
        ("As at", long_date(earlier.as_at), long_date(later.as_at)),
        (
            "Prepared by",
            or_none(&earlier.prepared_by),
            or_none(&later.prepared_by),
        ),
        (
            "Accessibility contact",
            or_none(&earlier.accessibility_contact),
            or_none(&later.accessibility_contact),
        ),
        ("Amber tolerance", tolerance(earlier), tolerance(later)),
        ("Risk appetite", appetite(earlier), appetite(later)),
        (
            "Risk score bands",
            bands_text(&earlier.settings.score_bands),
            bands_text(&later.settings.score_bands),
        ),
        (
            "Small numbers",
            small_numbers_text(earlier),
            small_numbers_text(later),
        ),
    ];
    let mut changes: Vec<DetailChange> = fields
        .into_iter()
        .filter(|(_, was, now)| was != now)
        .map(|(what, was, now)| DetailChange { what, was, now })
        .collect();
    let opportunity = |s: &Snapshot| {
        s.settings
            .opportunity_bands
            .as_ref()
            .map_or_else(|| "the risks' bands".to_owned(), bands_text)
    };
    let (was, now) = (opportunity(earlier), opportunity(later));
    if was != now {
        changes.push(DetailChange {
            what: "Opportunity score bands",
            was,
            now,
        });
    }
    changes
}

/// The small-number threshold in words: "counts under 10", or "none flagged".
pub(crate) fn small_numbers_text(s: &Snapshot) -> String {
    match s.settings.small_numbers {
        0 => "none flagged".to_owned(),
        under => format!("counts under {under}"),
    }
}

/// "Low 1–4, Medium 5–12, High 15–25".
pub(crate) fn bands_text(bands: &ScoreBands) -> String {
    let parts: Vec<String> = bands
        .0
        .iter()
        .map(|b| format!("{} {}\u{2013}{}", b.name, b.min, b.max))
        .collect();
    parts.join(", ")
}

fn rated(indicator: &Indicator) -> Option<(Period, Standing)> {
    let latest = indicator.latest()?;
    Some((
        latest.period,
        standing_of(&rate_observation(indicator, latest).rating),
    ))
}

/// "50.0%, amber within 5%", "50.0% either way, green within 2.5%, amber
/// within 5%", "none".
pub(crate) fn target_words(indicator: &Indicator) -> String {
    let within = |x: f64| format!("{}%", crate::text::plain_number(x));
    match (target_text(indicator), indicator.target.map(|t| t.rule)) {
        (
            Some(text),
            Some(TargetRule::GoalPost {
                green_within,
                amber_within,
            }),
        ) => format!(
            "{text} either way, green within {}, amber within {}",
            within(green_within),
            within(amber_within)
        ),
        (Some(text), Some(TargetRule::Directional { amber_within })) => {
            format!("{text}, amber within {}", within(amber_within))
        }
        (Some(text), None) => text,
        (None, _) => "none".to_owned(),
    }
}

pub(crate) fn source_title(snapshot: &Snapshot, id: &Option<String>) -> Option<String> {
    let id = id.as_ref()?;
    Some(
        snapshot
            .source(id)
            .map_or_else(|| id.clone(), |s| s.title.clone()),
    )
}

fn indicators(earlier: &Snapshot, later: &Snapshot, open: &Snapshot) -> IndicatorChanges {
    let in_open: HashMap<&str, ()> = open
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), ()))
        .collect();
    let named = |i: &Indicator| Named {
        id: i.id.clone(),
        name: i.name.clone(),
        route: in_open
            .contains_key(i.id.as_str())
            .then(|| Route::Indicator { id: i.id.clone() }),
    };
    let was_by_id: HashMap<&str, &Indicator> = earlier
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let now_ids: HashMap<&str, ()> = later
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), ()))
        .collect();
    let mut changes = IndicatorChanges {
        removed: earlier
            .indicators
            .iter()
            .filter(|i| !now_ids.contains_key(i.id.as_str()))
            .map(named)
            .collect(),
        ..IndicatorChanges::default()
    };
    for now in later.indicators.iter() {
        let Some(was) = was_by_id.get(now.id.as_str()) else {
            changes.added.push(named(now));
            continue;
        };
        // The same indicator in both (most, between two packs): nothing to
        // list, and a rating depends on the indicator alone.
        if *was == now {
            continue;
        }
        let this = named(now);
        let (rated_was, rated_now) = (rated(was), rated(now));
        let standing = |r: Option<(Period, Standing)>| r.map_or(Standing::Missing, |(_, s)| s);
        if let Some(turn) = Turn::of(standing(rated_was), standing(rated_now)) {
            changes.ratings.push(RatingChange {
                indicator: this.clone(),
                turn,
                was: rated_was,
                now: rated_now,
            });
        }
        let was_figures: HashMap<Period, &Observation> =
            was.values.iter().map(|o| (o.period, o)).collect();
        let now_periods: HashMap<Period, ()> = now.values.iter().map(|o| (o.period, ())).collect();
        let change =
            |period: Period, a: Option<&Observation>, b: Option<&Observation>| FigureChange {
                indicator: this.clone(),
                period,
                was: a.map(|o| o.value.display(was.unit)),
                now: b.map(|o| o.value.display(now.unit)),
                was_source: a.and_then(|o| source_title(earlier, &o.source)),
                now_source: b.and_then(|o| source_title(later, &o.source)),
            };
        let mut periods: Vec<&Observation> = now.values.iter().collect();
        sort::by(&mut periods, |a, b| a.period.timeline_cmp(&b.period));
        for observation in periods {
            match was_figures.get(&observation.period) {
                Some(before) if !before.value.same_as(&observation.value) => changes
                    .revised
                    .push(change(observation.period, Some(before), Some(observation))),
                Some(_) => {}
                None => {
                    changes
                        .new_figures
                        .push(change(observation.period, None, Some(observation)))
                }
            }
        }
        let mut dropped: Vec<&Observation> = was
            .values
            .iter()
            .filter(|o| !now_periods.contains_key(&o.period))
            .collect();
        sort::by(&mut dropped, |a, b| a.period.timeline_cmp(&b.period));
        for observation in dropped {
            changes
                .dropped_figures
                .push(change(observation.period, Some(observation), None));
        }
        let (target_was, target_now) = (target_words(was), target_words(now));
        if was.target != now.target {
            changes.targets.push(TargetChange {
                indicator: this,
                was: target_was,
                now: target_now,
            });
        }
    }
    changes
}

fn register(earlier: &Snapshot, later: &Snapshot, open_is_later: bool) -> Option<RegisterChanges> {
    let (from, to) = match (quarters(earlier).last(), quarters(later).last()) {
        (None, None) => return None,
        (Some(from), None) => (*from, *from),
        (None, Some(to)) => (*to, *to),
        (Some(from), Some(to)) => (*from, *to),
    };
    let changes = Changes::between_registers(&earlier.register, from, &later.register, to);
    let assessed = |register: &[RegisterEntry], id: &str, quarter: Period| -> Option<Assessment> {
        register
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.on_register(&quarter))
            .cloned()
    };
    let mut details = vec![];
    for entry in &changes.continuing {
        let was_id = entry.was_id.as_deref().unwrap_or(&entry.id);
        let (Some(was), Some(now)) = (
            assessed(&earlier.register, was_id, from),
            assessed(&later.register, &entry.id, to),
        ) else {
            continue;
        };
        let or_none = |o: Option<String>| o.unwrap_or_else(|| "none".to_owned());
        for (what, a, b) in [
            (
                "Owner",
                or_none(was.owner.clone()),
                or_none(now.owner.clone()),
            ),
            (
                "Next review",
                or_none(was.next_review.map(long_date)),
                or_none(now.next_review.map(long_date)),
            ),
        ] {
            if a != b {
                details.push(EntryDetail {
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    what,
                    was: a,
                    now: b,
                    href: if open_is_later {
                        entry_href(&entry.id, to)
                    } else {
                        entry_href(was_id, from)
                    },
                });
            }
        }
    }
    Some(RegisterChanges {
        changes,
        details,
        open_is_later,
    })
}

fn complaints(earlier: &Snapshot, later: &Snapshot) -> ComplaintsChanges {
    let key = |c: &ComplaintsYear| (c.procedure, c.year);
    let was: HashMap<(Procedure, Period), &ComplaintsYear> =
        earlier.complaints.iter().map(|c| (key(c), c)).collect();
    let now: HashMap<(Procedure, Period), &ComplaintsYear> =
        later.complaints.iter().map(|c| (key(c), c)).collect();
    let mut changes = ComplaintsChanges::default();
    let held = |c: &ComplaintsYear| YearHeld {
        procedure: c.procedure,
        year: c.year,
    };
    for year in later.complaints.iter() {
        let Some(before) = was.get(&key(year)) else {
            changes.added.push(held(year));
            continue;
        };
        for field in FigureField::all() {
            let shown =
                |f: Option<Figure>| f.map_or_else(|| "not recorded".to_owned(), |f| f.shown());
            let (a, b) = (field.held(before), field.held(year));
            let same = match (a, b) {
                (Some(a), Some(b)) => a.same(b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                changes.revised.push(ComplaintsFigure {
                    procedure: year.procedure,
                    year: year.year,
                    figure: field.label(),
                    was: shown(a),
                    now: shown(b),
                });
            }
        }
    }
    changes.removed = earlier
        .complaints
        .iter()
        .filter(|c| !now.contains_key(&key(c)))
        .map(held)
        .collect();
    changes
}
