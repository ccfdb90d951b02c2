//! Combining the data open now with a file: two officers' copies of one
//! pack, each with its own work, made into one without losing either's.
//!
//! The copies are matched item by item, the smallest things a person
//! changes on their own: one pack detail or setting, one source, a service
//! area's name and directorate, its commentary for one period, an
//! indicator's details (everything but its figures and commentary), one
//! figure of one indicator and period, its commentary for one period, a
//! register entry's kind and retirement, one quarter's assessment of an
//! entry, one complaints year. An indicator or entry only one copy holds is
//! one item. An entry's history is a record of what was done, so histories
//! are joined, never chosen between: the changes the file notes that the
//! data open now lacks (and, where known, the version both came from) are
//! added.
//!
//! With the version both copies came from ([`Common::Known`]), an item only
//! one copy changed since then is taken from it, a removal included; where
//! both changed it differently (or one removed what the other changed) the
//! person chooses. Without it ([`Common::Unknown`]), an item only one copy
//! holds is taken, and any item both hold differently is the person's to
//! choose: nothing either officer entered is dropped without asking. A
//! removal that what the combination may keep still uses (a source a figure
//! cites, a service area with indicators in it) is asked too, and says why.

use std::collections::HashMap;
use std::hash::Hash;

use crate::compare::{bands_text, source_title, target_words};
use crate::complaints::edit::FigureField;
use crate::dates::long_date;
use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::indicator::{Commentary, Indicator, Observation, ServiceArea};
use crate::domain::period::Period;
use crate::domain::register::{Assessment, HistoryNote, RegisterEntry};
use crate::domain::snapshot::{count_of, Snapshot, Source};
use crate::domain::value::group_thousands;
use crate::file::validate::{over_limits, validate, Problem};
use crate::indicators::comparators::comparator_label;
use crate::indicators::details::polarity_choice;
use crate::register::filter::entry_href;
use crate::register::rows::score_text;
use crate::route::Route;
use crate::text::plain_number;

#[cfg(test)]
mod tests;

/// One of the two copies combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The data open now.
    Open,
    /// The file being opened.
    File,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Open, Side::File];

    /// "the data open now", "the file".
    pub fn words(self) -> &'static str {
        match self {
            Side::Open => "the data open now",
            Side::File => "the file",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Side::Open => "open",
            Side::File => "file",
        }
    }

    /// The choice that keeps this copy's: the combine page's radio label.
    pub fn choice_words(self) -> &'static str {
        match self {
            Side::Open => "Keep what is open now",
            Side::File => "Take the file's",
        }
    }

    fn other(self) -> Side {
        match self {
            Side::Open => Side::File,
            Side::File => Side::Open,
        }
    }
}

/// The version both copies came from, if it is known.
#[derive(Clone, Copy, Debug)]
pub enum Common<'a> {
    Known(&'a Snapshot),
    Unknown,
}

/// Which data both copies started from, decided from fingerprints alone
/// (see `file::format::export_based_on`): exact matches only, never a
/// guess, since a wrong common version takes one copy's removals without
/// asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lineage {
    /// The data open now was opened from (or last saved as) this very file.
    FileIsBase,
    /// The file was saved from exactly the data open now.
    OpenIsBase,
    /// Both came from the file with this fingerprint: the data open now was
    /// last opened from or saved as it, and the file says it is based on it.
    Version(String),
    /// Not known: every difference is asked.
    Unknown,
}

impl Lineage {
    /// `open_based_on`: the file the data open now was last opened from or
    /// saved as; `open`: its fingerprint now; `file` and `file_based_on`:
    /// the file's fingerprint and the one it records.
    pub fn of(
        open_based_on: Option<&str>,
        open: &str,
        file: &str,
        file_based_on: Option<&str>,
    ) -> Lineage {
        if open_based_on == Some(file) {
            Lineage::FileIsBase
        } else if file_based_on == Some(open) {
            Lineage::OpenIsBase
        } else {
            match (open_based_on, file_based_on) {
                (Some(a), Some(b)) if a == b => Lineage::Version(a.to_owned()),
                _ => Lineage::Unknown,
            }
        }
    }
}

/// The parts of the pack, in the order the page sets them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Details,
    Indicators,
    Register,
    Complaints,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Details,
        Section::Indicators,
        Section::Register,
        Section::Complaints,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            Section::Details => "Pack details, settings and sources",
            Section::Indicators => "Indicators",
            Section::Register => "Risk and opportunity register",
            Section::Complaints => "Complaints and compliments",
        }
    }

    /// For element ids and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            Section::Details => "details",
            Section::Indicators => "indicators",
            Section::Register => "register",
            Section::Complaints => "complaints",
        }
    }
}

/// Which item: what the two copies are matched on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Detail(Detail),
    Source(String),
    /// A service area's name and directorate, or the whole area where one
    /// copy lacks it.
    Area(String),
    /// A service area's commentary for one period.
    AreaCommentary(String, Period),
    /// A whole indicator, where one copy lacks it.
    Indicator(String),
    /// An indicator's details: everything but its figures and commentary.
    IndicatorDetails(String),
    Figure(String, Period),
    /// An indicator's commentary for one period.
    Commentary(String, Period),
    /// A whole register entry, where one copy lacks it.
    Entry(String),
    /// An entry's kind and retirement.
    EntryDetails(String),
    /// The changes noted in an entry's history that only the file holds:
    /// histories are joined, never chosen between.
    History(String),
    Quarter(String, Period),
    Complaints(Procedure, Period),
}

/// What happens to an item the copies do not hold alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Only this copy holds it (and no common version says the other
    /// removed it): taken.
    Only(Side),
    /// Only this copy changed it (or added it) since the common version:
    /// taken.
    Changed(Side),
    /// This copy removed it, and the other did not change it: removed.
    Removed(Side),
    /// Both hold it differently with no common version, both changed it
    /// differently, or one removed what the other changed: the person
    /// chooses.
    Conflict,
}

impl Outcome {
    /// The copy whose state of the item is taken without asking.
    pub fn taken(self) -> Option<Side> {
        match self {
            Outcome::Only(s) | Outcome::Changed(s) | Outcome::Removed(s) => Some(s),
            Outcome::Conflict => None,
        }
    }

    /// "Only in the file", "Changed in the data open now", "Removed in the
    /// file", "Both copies differ: choose".
    pub fn words(self) -> String {
        match self {
            Outcome::Only(s) => format!("Only in {}", s.words()),
            Outcome::Changed(s) => format!("Changed in {}", s.words()),
            Outcome::Removed(s) => format!("Removed in {}", s.words()),
            Outcome::Conflict => "Both copies differ: choose".to_owned(),
        }
    }
}

/// One field of an item as each copy holds it; `None` where that copy does
/// not hold the item at all.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub what: &'static str,
    pub open: Option<String>,
    pub file: Option<String>,
}

/// An item the copies do not hold alike.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeItem {
    pub key: Key,
    pub section: Section,
    /// "Children looked after per 10,000, Q1 2019/20".
    pub label: String,
    /// Where the item is shown, as the data open now holds it.
    pub href: Option<String>,
    pub outcome: Outcome,
    /// The fields that differ (every field, where one copy lacks the item
    /// or none differs in words), with the sources where either has one.
    pub rows: Vec<Row>,
    /// Why the person is asked, where the rows alone do not say: "The file
    /// removed this source, but 2 items the combination may keep cite it.
    /// To keep the source, choose ..."
    pub why: Option<String>,
}

impl MergeItem {
    /// A test hook and element id for the item: "figure-CSC-01-2019-Q1".
    pub fn slug(&self) -> String {
        let raw = match &self.key {
            Key::Detail(what) => format!("detail-{}", what.label()),
            Key::Source(id) => format!("source-{id}"),
            Key::Area(id) => format!("area-{id}"),
            Key::AreaCommentary(id, p) => format!("area-commentary-{id}-{p}"),
            Key::Indicator(id) => format!("indicator-{id}"),
            Key::IndicatorDetails(id) => format!("indicator-details-{id}"),
            Key::Figure(id, p) => format!("figure-{id}-{}", p),
            Key::Commentary(id, p) => format!("commentary-{id}-{p}"),
            Key::Entry(id) => format!("entry-{id}"),
            Key::EntryDetails(id) => format!("entry-details-{id}"),
            Key::History(id) => format!("history-{id}"),
            Key::Quarter(id, p) => format!("quarter-{id}-{}", p),
            Key::Complaints(procedure, year) => {
                format!("complaints-{}-{}", procedure.key(), year)
            }
        };
        raw.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect()
    }
}

/// How the items of one section came out: counts for the page's summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub from_open: usize,
    pub from_file: usize,
    pub conflicts: usize,
}

impl Counts {
    /// "2 changes taken from the file and 1 item to choose.": the counts
    /// that are not nought. A removal taken is a change.
    pub fn words(self) -> String {
        let parts: Vec<String> = [
            (self.from_file, "change", "changes", "taken from the file"),
            (
                self.from_open,
                "change",
                "changes",
                "kept from the data open now",
            ),
            (self.conflicts, "item", "items", "to choose"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many, what)| format!("{} {what}", count_of(n, one, many)))
        .collect();
        match parts.as_slice() {
            [] => String::new(),
            [one] => format!("{one}."),
            [rest @ .., last] => format!("{} and {last}.", rest.join(", ")),
        }
    }
}

/// The two copies matched item by item: every item they do not hold alike.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// Whether the version both came from was known.
    pub common: bool,
    pub items: Vec<MergeItem>,
    /// For each entry with a [`Key::History`] item: the changes the file
    /// notes that are added to its history.
    notes: Notes,
}

/// The changes noted in the file's history of each entry that the
/// combination adds, by entry id.
type Notes = HashMap<String, Vec<HistoryNote>>;

/// The person's choice for each item both copies changed.
pub type Choices = HashMap<Key, Side>;

/// Why the copies cannot be combined as chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum CombineError {
    /// Items both changed and not yet chosen: how many.
    Unchosen(usize),
    /// The combined pack breaks a rule any file must keep: every problem.
    Invalid(Vec<Problem>),
}

impl CombineError {
    pub fn words(&self) -> String {
        match self {
            CombineError::Unchosen(1) => {
                "One item is in both copies with different values: choose which to keep.".to_owned()
            }
            CombineError::Unchosen(n) => format!(
                "{n} items are in both copies with different values: choose which to keep for each."
            ),
            CombineError::Invalid(problems) => {
                let first: Vec<String> = problems.iter().take(3).map(|p| p.to_string()).collect();
                format!(
                    "The combined pack cannot be opened: {}{}. Nothing has been changed; choose the other copy for the items named, or cancel.",
                    first.join("; "),
                    if problems.len() > 3 {
                        format!(" and {} more", problems.len() - 3)
                    } else {
                        String::new()
                    }
                )
            }
        }
    }
}

/// The item's state in the version both came from.
#[derive(Clone, Copy)]
enum Base<T> {
    Unknown,
    Known(Option<T>),
}

impl<'a, T> Base<&'a T> {
    fn map<U>(self, f: impl FnOnce(&'a T) -> Option<&'a U>) -> Base<&'a U> {
        match self {
            Base::Unknown => Base::Unknown,
            Base::Known(b) => Base::Known(b.and_then(f)),
        }
    }
}

/// What becomes of an item held as `open` and `file`, given the version
/// both came from; `None` where the copies hold it alike.
fn decide<T: PartialEq + ?Sized>(
    open: Option<&T>,
    file: Option<&T>,
    base: Base<&T>,
) -> Option<Outcome> {
    decide_by(open, file, base, |a, b| a == b)
}

/// [`decide`], with the copies of an item held alike where `same` says.
fn decide_by<T: ?Sized>(
    open: Option<&T>,
    file: Option<&T>,
    base: Base<&T>,
    same: impl Fn(&T, &T) -> bool,
) -> Option<Outcome> {
    let alike = |a: Option<&T>, b: Option<&T>| match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    if alike(open, file) {
        return None;
    }
    Some(match base {
        Base::Unknown => match (open, file) {
            (None, _) => Outcome::Only(Side::File),
            (_, None) => Outcome::Only(Side::Open),
            _ => Outcome::Conflict,
        },
        Base::Known(base) if alike(open, base) => match file {
            None => Outcome::Removed(Side::File),
            Some(_) => Outcome::Changed(Side::File),
        },
        Base::Known(base) if alike(file, base) => match open {
            None => Outcome::Removed(Side::Open),
            Some(_) => Outcome::Changed(Side::Open),
        },
        Base::Known(_) => Outcome::Conflict,
    })
}

/// The keys of `open` then those only `file` holds, in each one's order,
/// with each side's item.
fn paired<'a, T, K: Eq + Hash + Clone>(
    open: &'a [T],
    file: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<(K, Option<&'a T>, Option<&'a T>)> {
    let in_file: HashMap<K, &T> = file.iter().map(|x| (key(x), x)).collect();
    let in_open: HashMap<K, &T> = open.iter().map(|x| (key(x), x)).collect();
    let mut pairs: Vec<(K, Option<&T>, Option<&T>)> = open
        .iter()
        .map(|x| (key(x), Some(x), in_file.get(&key(x)).copied()))
        .collect();
    pairs.extend(
        file.iter()
            .filter(|x| !in_open.contains_key(&key(x)))
            .map(|x| (key(x), None, Some(x))),
    );
    pairs
}

fn lookup<'a, T, K: PartialEq>(list: &'a [T], key: impl Fn(&T) -> K, k: &K) -> Option<&'a T> {
    list.iter().find(|x| key(x) == *k)
}

/// Rows of the fields that differ between `open` and `file` (each as
/// [`fields`] lists them); every field where one is missing, or where none
/// differs in words. `always` fields (sources) are kept where either side
/// has one.
fn rows(
    open: Option<Vec<(&'static str, String)>>,
    file: Option<Vec<(&'static str, String)>>,
    always: &[&str],
) -> Vec<Row> {
    match (open, file) {
        (Some(o), Some(f)) => {
            let all: Vec<Row> = o
                .into_iter()
                .zip(f)
                .map(|((what, open), (_, file))| Row {
                    what,
                    open: Some(open),
                    file: Some(file),
                })
                .collect();
            let differ: Vec<Row> = all
                .iter()
                .filter(|r| {
                    r.open != r.file
                        || (always.contains(&r.what) && (r.open.as_deref() != Some("none")))
                })
                .cloned()
                .collect();
            if differ.iter().any(|r| r.open != r.file) {
                differ
            } else {
                all
            }
        }
        (o, f) => {
            let present = o.clone().or(f.clone()).unwrap_or_default();
            present
                .into_iter()
                .map(|(what, text)| Row {
                    what,
                    open: o.as_ref().map(|_| text.clone()),
                    file: f.as_ref().map(|_| text.clone()),
                })
                .collect()
        }
    }
}

fn or_none(text: &Option<String>) -> String {
    text.clone().unwrap_or_else(|| "none".to_owned())
}

/// A pack detail or setting: each is one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    Organisation,
    Title,
    AsAt,
    PreparedBy,
    AccessibilityContact,
    AmberTolerance,
    RiskAppetite,
    ScoreBands,
    OpportunityBands,
    SmallNumbers,
}

impl Detail {
    pub const ALL: [Detail; 10] = [
        Detail::Organisation,
        Detail::Title,
        Detail::AsAt,
        Detail::PreparedBy,
        Detail::AccessibilityContact,
        Detail::AmberTolerance,
        Detail::RiskAppetite,
        Detail::ScoreBands,
        Detail::OpportunityBands,
        Detail::SmallNumbers,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Detail::Organisation => "Organisation",
            Detail::Title => "Title",
            Detail::AsAt => "As at",
            Detail::PreparedBy => "Prepared by",
            Detail::AccessibilityContact => "Accessibility contact",
            Detail::AmberTolerance => "Amber tolerance",
            Detail::RiskAppetite => "Risk appetite",
            Detail::ScoreBands => "Risk score bands",
            Detail::OpportunityBands => "Opportunity score bands",
            Detail::SmallNumbers => "Small numbers",
        }
    }

    /// The detail as `s` holds it, in words.
    fn text(self, s: &Snapshot) -> String {
        match self {
            Detail::Organisation => s.organisation.clone(),
            Detail::Title => s.title.clone(),
            Detail::AsAt => long_date(s.as_at),
            Detail::PreparedBy => or_none(&s.prepared_by),
            Detail::AccessibilityContact => or_none(&s.accessibility_contact),
            Detail::AmberTolerance => format!("{}%", plain_number(s.settings.amber_within)),
            Detail::RiskAppetite => s
                .settings
                .risk_appetite
                .map_or_else(|| "none".to_owned(), |a| a.to_string()),
            Detail::ScoreBands => bands_text(&s.settings.score_bands),
            Detail::OpportunityBands => s
                .settings
                .opportunity_bands
                .as_ref()
                .map_or_else(|| "the risks' bands".to_owned(), bands_text),
            Detail::SmallNumbers => crate::compare::small_numbers_text(s),
        }
    }

    /// Whether `a` and `b` hold the detail alike (by value, not words).
    fn same(self, a: &Snapshot, b: &Snapshot) -> bool {
        match self {
            Detail::Organisation => a.organisation == b.organisation,
            Detail::Title => a.title == b.title,
            Detail::AsAt => a.as_at == b.as_at,
            Detail::PreparedBy => a.prepared_by == b.prepared_by,
            Detail::AccessibilityContact => a.accessibility_contact == b.accessibility_contact,
            Detail::AmberTolerance => a.settings.amber_within == b.settings.amber_within,
            Detail::RiskAppetite => a.settings.risk_appetite == b.settings.risk_appetite,
            Detail::ScoreBands => a.settings.score_bands == b.settings.score_bands,
            Detail::OpportunityBands => {
                a.settings.opportunity_bands == b.settings.opportunity_bands
            }
            Detail::SmallNumbers => a.settings.small_numbers == b.settings.small_numbers,
        }
    }

    /// Copies the detail from `from` into `to`.
    fn take(self, to: &mut Snapshot, from: &Snapshot) {
        match self {
            Detail::Organisation => to.organisation = from.organisation.clone(),
            Detail::Title => to.title = from.title.clone(),
            Detail::AsAt => to.as_at = from.as_at,
            Detail::PreparedBy => to.prepared_by = from.prepared_by.clone(),
            Detail::AccessibilityContact => {
                to.accessibility_contact = from.accessibility_contact.clone()
            }
            Detail::AmberTolerance => to.settings.amber_within = from.settings.amber_within,
            Detail::RiskAppetite => to.settings.risk_appetite = from.settings.risk_appetite,
            Detail::ScoreBands => to.settings.score_bands = from.settings.score_bands.clone(),
            Detail::OpportunityBands => {
                to.settings.opportunity_bands = from.settings.opportunity_bands.clone()
            }
            Detail::SmallNumbers => to.settings.small_numbers = from.settings.small_numbers,
        }
    }
}

fn source_fields(s: &Source) -> Vec<(&'static str, String)> {
    vec![
        ("Title", s.title.clone()),
        ("Date", s.date.map_or_else(|| "none".to_owned(), long_date)),
        ("Reference", or_none(&s.reference)),
    ]
}

/// A service area's name and directorate: its commentary is matched period
/// by period.
fn area_same(a: &ServiceArea, b: &ServiceArea) -> bool {
    (&a.name, &a.directorate) == (&b.name, &b.directorate)
}

fn area_fields(a: &ServiceArea) -> Vec<(&'static str, String)> {
    vec![
        ("Name", a.name.clone()),
        ("Directorate", or_none(&a.directorate)),
    ]
}

fn whole_area_fields(a: &ServiceArea) -> Vec<(&'static str, String)> {
    let mut fields = area_fields(a);
    fields.push(("Commentary", commentary_periods(&a.commentary)));
    fields
}

/// "none", "for Q1 2019/20 and Q2 2019/20".
fn commentary_periods(commentary: &[Commentary]) -> String {
    let periods: Vec<String> = by_period(commentary)
        .iter()
        .map(|(p, _)| p.to_string())
        .collect();
    if periods.is_empty() {
        "none".to_owned()
    } else {
        format!("for {}", periods.join(", "))
    }
}

/// Commentary grouped by period, in the order each period first appears:
/// one period's commentary is one item, however many paragraphs it has.
fn by_period(commentary: &[Commentary]) -> Vec<(Period, Vec<&Commentary>)> {
    let mut groups: Vec<(Period, Vec<&Commentary>)> = vec![];
    for c in commentary {
        match groups.iter_mut().find(|(p, _)| *p == c.period) {
            Some((_, group)) => group.push(c),
            None => groups.push((c.period, vec![c])),
        }
    }
    groups
}

fn commentary_fields(s: &Snapshot, group: &[&Commentary]) -> Vec<(&'static str, String)> {
    let texts: Vec<&str> = group.iter().map(|c| c.text.as_str()).collect();
    let sources: Vec<String> = group
        .iter()
        .filter_map(|c| source_title(s, &c.source))
        .collect();
    vec![
        ("Commentary", texts.join(" ")),
        (
            "Source",
            if sources.is_empty() {
                "none".to_owned()
            } else {
                sources.join("; ")
            },
        ),
    ]
}

/// Puts the file's commentary for `period` (`theirs`, perhaps none) in
/// place of `ours` for it, in time order where it is new.
fn put_commentary(ours: &mut Vec<Commentary>, period: Period, theirs: &[Commentary]) {
    let at = ours.iter().position(|c| c.period == period);
    ours.retain(|c| c.period != period);
    let place = at.unwrap_or_else(|| {
        ours.iter()
            .position(|c| c.period.timeline_cmp(&period).is_gt())
            .unwrap_or(ours.len())
    });
    let theirs = theirs.iter().filter(|c| c.period == period).cloned();
    ours.splice(place..place, theirs);
}

/// An indicator's details, the same in both copies but for its figures and
/// commentary.
fn indicator_details_same(a: &Indicator, b: &Indicator) -> bool {
    (
        &a.service_area,
        &a.name,
        &a.group,
        a.unit,
        a.polarity,
        a.compare_with,
        &a.definition,
        &a.owner,
        &a.target,
        &a.source,
        &a.comparators,
    ) == (
        &b.service_area,
        &b.name,
        &b.group,
        b.unit,
        b.polarity,
        b.compare_with,
        &b.definition,
        &b.owner,
        &b.target,
        &b.source,
        &b.comparators,
    ) && a.notes == b.notes
}

fn indicator_fields(s: &Snapshot, i: &Indicator) -> Vec<(&'static str, String)> {
    let area = s
        .service_areas
        .iter()
        .find(|a| a.id == i.service_area)
        .map_or_else(|| i.service_area.clone(), |a| a.name.clone());
    let comparators: Vec<String> = i
        .comparators
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                comparator_label(c.kind, c.name.as_deref(), c.period.as_ref()),
                c.value.display(i.unit)
            )
        })
        .collect();
    vec![
        ("Name", i.name.clone()),
        ("Service area", area),
        ("Group", or_none(&i.group)),
        ("Unit", i.unit.describe().to_owned()),
        ("Good is", polarity_choice(i.polarity).1.to_owned()),
        (
            "Direction compared with",
            match i.compare_with {
                crate::domain::indicator::CompareWith::PreviousPeriod => "the period before",
                crate::domain::indicator::CompareWith::SameLastYear => {
                    "the same period a year earlier"
                }
            }
            .to_owned(),
        ),
        ("Definition", or_none(&i.definition)),
        ("Owner", or_none(&i.owner)),
        ("Target", target_words(i)),
        (
            "Source",
            source_title(s, &i.source).unwrap_or_else(|| "none".to_owned()),
        ),
        (
            "Comparators",
            if comparators.is_empty() {
                "none".to_owned()
            } else {
                comparators.join("; ")
            },
        ),
        (
            "Notes",
            if i.notes.is_empty() {
                "none".to_owned()
            } else {
                i.notes.join("; ")
            },
        ),
    ]
}

fn whole_indicator_fields(s: &Snapshot, i: &Indicator) -> Vec<(&'static str, String)> {
    let mut fields = indicator_fields(s, i);
    fields.truncate(2);
    fields.push((
        "Figures",
        figures_text(
            i.values.len(),
            i.latest().map(|o| (o.period, o.value.display(i.unit))),
        ),
    ));
    fields
}

fn figures_text(n: usize, latest: Option<(Period, String)>) -> String {
    match (n, latest) {
        (0, _) => "none".to_owned(),
        (1, Some((p, v))) => format!("1 figure: {p} {v}"),
        (n, Some((p, v))) => format!("{n} figures, the latest {p} {v}"),
        (n, None) => format!("{n} figures, none a number"),
    }
}

fn observation_fields(s: &Snapshot, i: &Indicator, o: &Observation) -> Vec<(&'static str, String)> {
    vec![
        ("Figure", o.value.display(i.unit)),
        (
            "Target for this period",
            o.target
                .map_or_else(|| "none".to_owned(), |t| plain_number(t.value)),
        ),
        (
            "Rated by hand",
            o.rag_override.as_ref().map_or_else(
                || "no".to_owned(),
                |r| format!("{}: {}", r.rag.label(), r.reason),
            ),
        ),
        ("Note", or_none(&o.note)),
        (
            "Source",
            source_title(s, &o.source).unwrap_or_else(|| "none".to_owned()),
        ),
    ]
}

/// An entry's kind and retirement: its history is joined, its quarters
/// matched one by one.
fn entry_details_same(a: &RegisterEntry, b: &RegisterEntry) -> bool {
    (a.kind, &a.retired) == (b.kind, &b.retired)
}

/// The changes the file notes in an entry's history that the combination
/// adds: those the data open now does not note, nor (where it is known)
/// the version both came from, since the open copy then took them out
/// (an undone retirement, say).
fn notes_to_add(
    file: &[HistoryNote],
    open: &[HistoryNote],
    base: Option<&[HistoryNote]>,
) -> Vec<HistoryNote> {
    file.iter()
        .filter(|n| !open.contains(n) && !base.is_some_and(|b| b.contains(n)))
        .cloned()
        .collect()
}

/// An entry's history with the file's changes `added`, in date order. A
/// history is a record of what was done: joining never loses what either
/// officer did.
fn joined_history(ours: &[HistoryNote], added: &[HistoryNote]) -> Vec<HistoryNote> {
    let mut all: Vec<HistoryNote> = ours.to_vec();
    all.extend(added.iter().filter(|n| !ours.contains(n)).cloned());
    // Stable: notes of one day keep each copy's order, this copy's first.
    crate::sort::by_key(&mut all, |n| n.on);
    all
}

fn history_fields(added: &[HistoryNote]) -> Vec<(&'static str, String)> {
    let added: Vec<String> = added
        .iter()
        .map(|n| {
            format!(
                "{}, {}: {} ({})",
                long_date(n.on),
                n.period,
                n.change,
                n.reason
            )
        })
        .collect();
    vec![("Changes noted only in the file", added.join("; "))]
}

fn entry_title(e: &RegisterEntry) -> String {
    let title = e
        .assessments
        .iter()
        .max_by(|a, b| a.period.timeline_cmp(&b.period))
        .map_or("", |a| a.title.as_str());
    format!("{} {}", e.id, title)
}

fn kind_words(kind: crate::domain::risk::EntryKind) -> &'static str {
    match kind {
        crate::domain::risk::EntryKind::Risk => "Risk",
        crate::domain::risk::EntryKind::Opportunity => "Opportunity",
    }
}

fn entry_fields(e: &RegisterEntry) -> Vec<(&'static str, String)> {
    vec![
        ("Kind", kind_words(e.kind).to_owned()),
        (
            "Retired",
            e.retired.as_ref().map_or_else(
                || "no".to_owned(),
                |r| format!("{}: {}", r.period, r.reason),
            ),
        ),
    ]
}

fn whole_entry_fields(e: &RegisterEntry) -> Vec<(&'static str, String)> {
    let quarters: Vec<String> = e.assessments.iter().map(|a| a.period.to_string()).collect();
    vec![
        ("Entry", entry_title(e)),
        ("Kind", kind_words(e.kind).to_owned()),
        ("Quarters", quarters.join(", ")),
    ]
}

fn assessment_fields(
    s: &Snapshot,
    e: &RegisterEntry,
    a: &Assessment,
) -> Vec<(&'static str, String)> {
    let score = |x: &Option<crate::domain::risk::Score>| score_text(*x, e.kind);
    vec![
        ("Title", a.title.clone()),
        ("Description", or_none(&a.description)),
        ("Type", or_none(&a.risk_type)),
        ("Consequences", or_none(&a.consequences)),
        ("Controls", or_none(&a.controls)),
        ("Inherent score", score(&a.inherent)),
        ("Actions", or_none(&a.actions)),
        ("Residual score", score(&a.residual)),
        ("Target score", score(&a.target)),
        ("Owner", or_none(&a.owner)),
        ("Direction", or_none(&a.direction)),
        (
            "Next review",
            a.next_review.map_or_else(|| "none".to_owned(), long_date),
        ),
        (
            "Notes",
            if a.notes.is_empty() {
                "none".to_owned()
            } else {
                a.notes.join("; ")
            },
        ),
        (
            "Source",
            source_title(s, &a.source).unwrap_or_else(|| "none".to_owned()),
        ),
    ]
}

fn complaints_fields(c: &ComplaintsYear) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = FigureField::all()
        .map(|f| {
            (
                f.label(),
                f.held(c)
                    .map_or_else(|| "not recorded".to_owned(), |x| x.shown()),
            )
        })
        .collect();
    let categories: Vec<String> = c
        .categories
        .iter()
        .map(|x| format!("{} {}", x.label, x.count))
        .collect();
    fields.push((
        "Categories",
        if categories.is_empty() {
            "none".to_owned()
        } else {
            categories.join("; ")
        },
    ));
    fields
}

/// Collects the items of both copies, in the order the page shows them.
struct Collector<'a> {
    open: &'a Snapshot,
    file: &'a Snapshot,
    items: Vec<MergeItem>,
    notes: Notes,
}

impl Collector<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        outcome: Option<Outcome>,
        key: Key,
        section: Section,
        label: String,
        href: Option<String>,
        rows: impl FnOnce() -> Vec<Row>,
    ) {
        if let Some(outcome) = outcome {
            self.items.push(MergeItem {
                key,
                section,
                label,
                href,
                outcome,
                rows: rows(),
                why: None,
            });
        }
    }
}

impl Merge {
    /// The data open now and a file, item by item, given the version both
    /// came from where it is known.
    pub fn of(open: &Snapshot, file: &Snapshot, common: Common<'_>) -> Merge {
        let base: Base<&Snapshot> = match common {
            Common::Known(s) => Base::Known(Some(s)),
            Common::Unknown => Base::Unknown,
        };
        let mut c = Collector {
            open,
            file,
            items: vec![],
            notes: Notes::new(),
        };
        details(&mut c, base);
        indicators(&mut c, base);
        register(&mut c, base);
        complaints(&mut c, base);
        let (mut items, notes) = (c.items, c.notes);
        ask_where_still_used(&mut items, &notes, open, file);
        Merge {
            common: matches!(common, Common::Known(_)),
            items,
            notes,
        }
    }

    /// Whether the copies hold everything alike.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn in_section(&self, section: Section) -> impl Iterator<Item = &MergeItem> {
        self.items.iter().filter(move |i| i.section == section)
    }

    /// How many items come from each copy and how many the person chooses,
    /// in `section` or (with `None`) in all.
    pub fn counts(&self, section: Option<Section>) -> Counts {
        let mut counts = Counts::default();
        for item in self
            .items
            .iter()
            .filter(|i| section.is_none_or(|s| i.section == s))
        {
            match item.outcome.taken() {
                Some(Side::Open) => counts.from_open += 1,
                Some(Side::File) => counts.from_file += 1,
                None => counts.conflicts += 1,
            }
        }
        counts
    }

    /// The conflicts not yet chosen in `choices`.
    pub fn unchosen(&self, choices: &Choices) -> usize {
        self.items
            .iter()
            .filter(|i| i.outcome == Outcome::Conflict && !choices.contains_key(&i.key))
            .count()
    }

    /// What combining with `choices` did, for the message after it: "4
    /// changes taken from the file, 2 kept from the data open now, and of
    /// the 3 items both held differently, 1 taken from the file and 2 kept."
    pub fn done_words(&self, choices: &Choices) -> String {
        let counts = self.counts(None);
        let mut parts = vec![];
        if counts.from_file > 0 {
            parts.push(format!(
                "{} taken from the file",
                count_of(counts.from_file, "change", "changes")
            ));
        }
        if counts.from_open > 0 {
            parts.push(format!(
                "{} kept from the data open now",
                count_of(counts.from_open, "change", "changes")
            ));
        }
        if counts.conflicts > 0 {
            let from_file = self
                .items
                .iter()
                .filter(|i| {
                    i.outcome == Outcome::Conflict && choices.get(&i.key) == Some(&Side::File)
                })
                .count();
            parts.push(format!(
                "of the {} both held differently, {} taken from the file and {} kept",
                count_of(counts.conflicts, "item", "items"),
                group_thousands(from_file as f64, 0),
                group_thousands((counts.conflicts - from_file) as f64, 0),
            ));
        }
        match parts.len() {
            0 => "nothing differed.".to_owned(),
            1 => format!("{}.", parts[0]),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{}, and {last}.", parts.join(", "))
            }
        }
    }

    /// The combined pack: `open` with every item taken or chosen from
    /// `file`, checked as any file is. Refused while a conflict is unchosen.
    pub fn combine(
        &self,
        open: &Snapshot,
        file: &Snapshot,
        choices: &Choices,
    ) -> Result<Snapshot, CombineError> {
        let unchosen = self.unchosen(choices);
        if unchosen > 0 {
            return Err(CombineError::Unchosen(unchosen));
        }
        let out = put_together(&self.items, &self.notes, open, file, choices, Side::Open);
        let mut problems = over_limits(&out);
        if problems.is_empty() {
            problems = validate(&out);
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(CombineError::Invalid(problems))
        }
    }
}

/// `open` with every item taken from the file, or chosen from it in
/// `choices`; items not chosen come from `unchosen`.
fn put_together(
    items: &[MergeItem],
    notes: &Notes,
    open: &Snapshot,
    file: &Snapshot,
    choices: &Choices,
    unchosen: Side,
) -> Snapshot {
    let mut out = open.clone();
    let mut taker = Taker::new(&out, file, notes);
    for item in items {
        let side = item
            .outcome
            .taken()
            .or_else(|| choices.get(&item.key).copied())
            .unwrap_or(unchosen);
        if side == Side::File {
            taker.take(&mut out, &item.key);
        }
    }
    taker.finish(&mut out);
    out
}

/// How many things cite each source, and how many indicators each service
/// area holds.
fn uses(s: &Snapshot) -> (HashMap<&str, usize>, HashMap<&str, usize>) {
    // (Counted in the snapshot itself: the trials below are dropped after.)
    let mut sources: HashMap<&str, usize> = HashMap::new();
    fn count<'s>(sources: &mut HashMap<&'s str, usize>, id: &'s Option<String>) {
        if let Some(id) = id {
            *sources.entry(id.as_str()).or_default() += 1;
        }
    }
    let mut cite = |id| count(&mut sources, id);
    for a in &s.service_areas {
        a.commentary.iter().for_each(|c| cite(&c.source));
    }
    for i in &s.indicators {
        cite(&i.source);
        i.values.iter().for_each(|o| cite(&o.source));
        i.comparators.iter().for_each(|c| cite(&c.source));
        i.commentary.iter().for_each(|c| cite(&c.source));
    }
    for e in &s.register {
        e.assessments.iter().for_each(|a| cite(&a.source));
    }
    s.complaints.iter().for_each(|y| cite(&y.source));
    let mut areas: HashMap<&str, usize> = HashMap::new();
    for i in &s.indicators {
        *areas.entry(i.service_area.as_str()).or_default() += 1;
    }
    (sources, areas)
}

/// A removal taken without asking must not leave the combination citing a
/// source it no longer holds, or an indicator in a service area it no
/// longer holds (one officer removed a source nothing cited, the other
/// cited it in a new figure). Where what the combination may keep still
/// uses the item, the person is asked instead, and told why: "may keep",
/// since it is counted with every choice left both ways (whichever copy
/// the person picks for each item asked), and again after each removal
/// turned into a question (keeping a removed area may keep the sources its
/// commentary cites), until none more is.
fn ask_where_still_used(items: &mut [MergeItem], notes: &Notes, open: &Snapshot, file: &Snapshot) {
    let referenced = |i: &MergeItem| {
        matches!(
            (i.outcome, &i.key),
            (Outcome::Removed(_), Key::Source(_) | Key::Area(_))
        )
    };
    while items.iter().any(referenced) {
        // How many things use each removed source or area, the most of the
        // two ways every question may be answered.
        let mut used: HashMap<Key, usize> = HashMap::new();
        for unchosen in Side::BOTH {
            let trial = put_together(items, notes, open, file, &Choices::new(), unchosen);
            let (sources, areas) = uses(&trial);
            for item in items.iter().filter(|i| referenced(i)) {
                let n = match &item.key {
                    Key::Source(id) => sources.get(id.as_str()),
                    Key::Area(id) => areas.get(id.as_str()),
                    _ => None,
                };
                if let Some(&n) = n {
                    let most = used.entry(item.key.clone()).or_default();
                    *most = (*most).max(n);
                }
            }
        }
        if used.is_empty() {
            return;
        }
        for item in items.iter_mut() {
            let (Outcome::Removed(side), Some(&n)) = (item.outcome, used.get(&item.key)) else {
                continue;
            };
            item.outcome = Outcome::Conflict;
            item.why = Some(still_used_words(&item.key, side, n));
        }
    }
}

/// "The file removed this source, but 1 item the combination may keep
/// cites it. To keep the source, choose “Keep what is open now”: ..."
fn still_used_words(key: &Key, remover: Side, n: usize) -> String {
    let keep = remover.other().choice_words();
    let one = n == 1;
    let (users, left) = match key {
        Key::Area(_) => (
            format!(
                "{} the combination may keep {} in it",
                count_of(n, "indicator", "indicators"),
                if one { "is" } else { "are" }
            ),
            format!(
                "To keep the area, choose \u{201c}{keep}\u{201d}: taking the removal would leave {} in no service area, and the combination would be refused.",
                if one { "it" } else { "them" }
            ),
        ),
        _ => (
            format!(
                "{} the combination may keep {} it",
                count_of(n, "item", "items"),
                if one { "cites" } else { "cite" }
            ),
            format!(
                "To keep the source, choose \u{201c}{keep}\u{201d}: taking the removal would leave {} citing nothing, and the combination would be refused.",
                if one { "it" } else { "them" }
            ),
        ),
    };
    let what = match key {
        Key::Area(_) => "service area",
        _ => "source",
    };
    format!(
        "{} removed this {what}, but {users}. {left}",
        capitalised(remover.words())
    )
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Puts `value` (or, with `None`, nothing) where `matches` finds an item of
/// `list`, or at its end. For the short lists (sources, areas, complaints).
fn put<T: Clone>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool, value: Option<&T>) {
    match (list.iter().position(matches), value) {
        (Some(at), Some(v)) => list[at] = v.clone(),
        (Some(at), None) => {
            list.remove(at);
        }
        (None, Some(v)) => list.push(v.clone()),
        (None, None) => {}
    }
}

/// Puts `value` for `period` in `list`, in time order where it is new.
fn put_in_time<T: Clone>(
    list: &mut Vec<T>,
    period: Period,
    at: impl Fn(&T) -> Period,
    value: Option<&T>,
) {
    match (list.iter().position(|x| at(x) == period), value) {
        (Some(i), Some(v)) => list[i] = v.clone(),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(v)) => {
            let place = list
                .iter()
                .position(|x| at(x).timeline_cmp(&period).is_gt())
                .unwrap_or(list.len());
            list.insert(place, v.clone());
        }
        (None, None) => {}
    }
}

/// Where each indicator and entry is, in the file and in the pack being
/// made, so that taking a thousand items is not a thousand searches.
struct Taker<'f> {
    file: &'f Snapshot,
    notes: &'f Notes,
    file_indicators: HashMap<&'f str, &'f Indicator>,
    file_entries: HashMap<&'f str, &'f RegisterEntry>,
    indicators: HashMap<String, usize>,
    entries: HashMap<String, usize>,
    /// Whole indicators and entries the file does not hold: removed last,
    /// so the places above stay true.
    drop_indicators: Vec<String>,
    drop_entries: Vec<String>,
}

impl<'f> Taker<'f> {
    fn new(out: &Snapshot, file: &'f Snapshot, notes: &'f Notes) -> Taker<'f> {
        Taker {
            file,
            notes,
            file_indicators: file.indicators.iter().map(|i| (i.id.as_str(), i)).collect(),
            file_entries: file.register.iter().map(|e| (e.id.as_str(), e)).collect(),
            indicators: out
                .indicators
                .iter()
                .enumerate()
                .map(|(n, i)| (i.id.clone(), n))
                .collect(),
            entries: out
                .register
                .iter()
                .enumerate()
                .map(|(n, e)| (e.id.clone(), n))
                .collect(),
            drop_indicators: vec![],
            drop_entries: vec![],
        }
    }

    /// Makes `out` hold the item `key` as the file holds it.
    fn take(&mut self, out: &mut Snapshot, key: &Key) {
        let file = self.file;
        match key {
            Key::Detail(what) => what.take(out, file),
            Key::Source(id) => put(
                &mut out.sources,
                |s| s.id == *id,
                file.sources.iter().find(|s| s.id == *id),
            ),
            Key::Area(id) => {
                let theirs = file.service_areas.iter().find(|a| a.id == *id);
                match (out.service_areas.iter_mut().find(|a| a.id == *id), theirs) {
                    // Both hold it: its name and directorate; its
                    // commentary is taken period by period.
                    (Some(ours), Some(theirs)) => {
                        ours.name = theirs.name.clone();
                        ours.directorate = theirs.directorate.clone();
                    }
                    _ => put(&mut out.service_areas, |a| a.id == *id, theirs),
                }
            }
            Key::AreaCommentary(id, period) => {
                let theirs = file.service_areas.iter().find(|a| a.id == *id);
                let ours = out.service_areas.iter_mut().find(|a| a.id == *id);
                if let (Some(ours), Some(theirs)) = (ours, theirs) {
                    put_commentary(&mut ours.commentary, *period, &theirs.commentary);
                }
            }
            Key::Indicator(id) => match (
                self.file_indicators.get(id.as_str()),
                self.indicators.get(id),
            ) {
                (Some(theirs), Some(&at)) => out.indicators[at] = (*theirs).clone(),
                (Some(theirs), None) => {
                    self.indicators.insert(id.clone(), out.indicators.len());
                    out.indicators.push((*theirs).clone());
                }
                (None, _) => self.drop_indicators.push(id.clone()),
            },
            Key::IndicatorDetails(id) => {
                let (Some(theirs), Some(&at)) = (
                    self.file_indicators.get(id.as_str()),
                    self.indicators.get(id),
                ) else {
                    return;
                };
                let ours = &mut out.indicators[at];
                let values = std::mem::take(&mut ours.values);
                let commentary = std::mem::take(&mut ours.commentary);
                *ours = Indicator {
                    values,
                    commentary,
                    ..(*theirs).clone()
                };
            }
            Key::Commentary(id, period) => {
                if let (Some(theirs), Some(&at)) = (
                    self.file_indicators.get(id.as_str()),
                    self.indicators.get(id),
                ) {
                    put_commentary(
                        &mut out.indicators[at].commentary,
                        *period,
                        &theirs.commentary,
                    );
                }
            }
            Key::Figure(id, period) => {
                let theirs = self
                    .file_indicators
                    .get(id.as_str())
                    .and_then(|i| i.value_for(period));
                if let Some(&at) = self.indicators.get(id) {
                    put_in_time(
                        &mut out.indicators[at].values,
                        *period,
                        |o| o.period,
                        theirs,
                    );
                }
            }
            Key::Entry(id) => match (self.file_entries.get(id.as_str()), self.entries.get(id)) {
                (Some(theirs), Some(&at)) => out.register[at] = (*theirs).clone(),
                (Some(theirs), None) => {
                    self.entries.insert(id.clone(), out.register.len());
                    out.register.push((*theirs).clone());
                }
                (None, _) => self.drop_entries.push(id.clone()),
            },
            Key::EntryDetails(id) => {
                let (Some(theirs), Some(&at)) =
                    (self.file_entries.get(id.as_str()), self.entries.get(id))
                else {
                    return;
                };
                let ours = &mut out.register[at];
                ours.kind = theirs.kind;
                ours.retired = theirs.retired.clone();
            }
            Key::History(id) => {
                if let (Some(added), Some(&at)) = (self.notes.get(id), self.entries.get(id)) {
                    let ours = &mut out.register[at];
                    ours.history = joined_history(&ours.history, added);
                }
            }
            Key::Quarter(id, period) => {
                let theirs = self
                    .file_entries
                    .get(id.as_str())
                    .and_then(|e| e.assessments.iter().find(|a| a.period == *period));
                if let Some(&at) = self.entries.get(id) {
                    put_in_time(
                        &mut out.register[at].assessments,
                        *period,
                        |a| a.period,
                        theirs,
                    );
                }
            }
            Key::Complaints(procedure, year) => put(
                &mut out.complaints,
                |c| c.procedure == *procedure && c.year == *year,
                file.complaints
                    .iter()
                    .find(|c| c.procedure == *procedure && c.year == *year),
            ),
        }
    }

    /// Removes the whole indicators and entries the file does not hold.
    fn finish(self, out: &mut Snapshot) {
        if !self.drop_indicators.is_empty() {
            out.indicators
                .retain(|i| !self.drop_indicators.contains(&i.id));
        }
        if !self.drop_entries.is_empty() {
            out.register.retain(|e| !self.drop_entries.contains(&e.id));
        }
    }
}

fn details(c: &mut Collector<'_>, base: Base<&Snapshot>) {
    let (open, file) = (c.open, c.file);
    for what in Detail::ALL {
        c.push(
            decide_by(Some(open), Some(file), base, |x, y| what.same(x, y)),
            Key::Detail(what),
            Section::Details,
            what.label().to_owned(),
            Some(Route::Data.href()),
            || {
                vec![Row {
                    what: what.label(),
                    open: Some(what.text(open)),
                    file: Some(what.text(file)),
                }]
            },
        );
    }
    for (id, o, f) in paired(&open.sources, &file.sources, |s| s.id.clone()) {
        let b = base.map(|b| b.sources.iter().find(|s| s.id == id));
        let label = format!(
            "Source \u{201c}{}\u{201d}",
            o.or(f).map_or(id.as_str(), |s| s.title.as_str())
        );
        c.push(
            decide(o, f, b),
            Key::Source(id),
            Section::Details,
            label,
            Some(format!("{}#sources", Route::Data.href())),
            || rows(o.map(source_fields), f.map(source_fields), &[]),
        );
    }
}

/// One item for each period whose commentary the copies hold differently.
#[allow(clippy::too_many_arguments)]
fn commentary(
    c: &mut Collector<'_>,
    open: &[Commentary],
    file: &[Commentary],
    base: Base<&Vec<Commentary>>,
    key: impl Fn(Period) -> Key,
    name: &str,
    href: &Option<String>,
) {
    let base = match base {
        Base::Unknown => None,
        Base::Known(b) => Some(by_period(b.map_or(&[], |v| v.as_slice()))),
    };
    let (ours, theirs) = (by_period(open), by_period(file));
    for (period, o, f) in paired(&ours, &theirs, |g| g.0) {
        let b = match &base {
            None => Base::Unknown,
            Some(groups) => Base::Known(groups.iter().find(|g| g.0 == period)),
        };
        let (s_open, s_file) = (c.open, c.file);
        c.push(
            decide(o, f, b),
            key(period),
            Section::Indicators,
            format!("{name}: commentary for {period}"),
            href.clone(),
            || {
                rows(
                    o.map(|g| commentary_fields(s_open, &g.1)),
                    f.map(|g| commentary_fields(s_file, &g.1)),
                    &["Source"],
                )
            },
        );
    }
}

fn indicators(c: &mut Collector<'_>, base: Base<&Snapshot>) {
    let (open, file) = (c.open, c.file);
    for (id, o, f) in paired(&open.service_areas, &file.service_areas, |a| a.id.clone()) {
        let b = base.map(|b| b.service_areas.iter().find(|a| a.id == id));
        let name = o.or(f).map_or(id.as_str(), |a| a.name.as_str()).to_owned();
        let label = format!("Service area \u{201c}{name}\u{201d}");
        let (Some(oa), Some(fa)) = (o, f) else {
            c.push(
                decide(o, f, b),
                Key::Area(id),
                Section::Indicators,
                label,
                None,
                || rows(o.map(whole_area_fields), f.map(whole_area_fields), &[]),
            );
            continue;
        };
        c.push(
            decide_by(o, f, b, area_same),
            Key::Area(id.clone()),
            Section::Indicators,
            label.clone(),
            None,
            || rows(Some(area_fields(oa)), Some(area_fields(fa)), &[]),
        );
        commentary(
            c,
            &oa.commentary,
            &fa.commentary,
            b.map(|a| Some(&a.commentary)),
            |p| Key::AreaCommentary(id.clone(), p),
            &label,
            &None,
        );
    }
    for (id, o, f) in paired(&open.indicators, &file.indicators, |i| i.id.clone()) {
        let b = base.map(|b| b.indicators.iter().find(|i| i.id == id));
        let name = o.or(f).map_or(id.as_str(), |i| i.name.as_str()).to_owned();
        let href = o.map(|_| Route::Indicator { id: id.clone() }.href());
        let (Some(oi), Some(fi)) = (o, f) else {
            c.push(
                decide(o, f, b),
                Key::Indicator(id),
                Section::Indicators,
                name,
                href,
                || {
                    rows(
                        o.map(|i| whole_indicator_fields(open, i)),
                        f.map(|i| whole_indicator_fields(file, i)),
                        &[],
                    )
                },
            );
            continue;
        };
        if oi == fi {
            continue;
        }
        c.push(
            decide_by(o, f, b, indicator_details_same),
            Key::IndicatorDetails(id.clone()),
            Section::Indicators,
            format!("{name}: its details"),
            href.clone(),
            || {
                rows(
                    Some(indicator_fields(open, oi)),
                    Some(indicator_fields(file, fi)),
                    &[],
                )
            },
        );
        for (period, ov, fv) in paired(&oi.values, &fi.values, |v| v.period) {
            let bv = b.map(|b| lookup(&b.values, |v| v.period, &period));
            c.push(
                decide(ov, fv, bv),
                Key::Figure(id.clone(), period),
                Section::Indicators,
                format!("{name}, {period}"),
                href.clone(),
                || {
                    rows(
                        ov.map(|v| observation_fields(open, oi, v)),
                        fv.map(|v| observation_fields(file, fi, v)),
                        &["Source"],
                    )
                },
            );
        }
        commentary(
            c,
            &oi.commentary,
            &fi.commentary,
            b.map(|i| Some(&i.commentary)),
            |p| Key::Commentary(id.clone(), p),
            &name,
            &href,
        );
    }
}

fn register(c: &mut Collector<'_>, base: Base<&Snapshot>) {
    let (open, file) = (c.open, c.file);
    for (id, o, f) in paired(&open.register, &file.register, |e| e.id.clone()) {
        let b = base.map(|b| b.register.iter().find(|e| e.id == id));
        let title = entry_title(o.or(f).unwrap_or_else(|| unreachable!()));
        let (Some(oe), Some(fe)) = (o, f) else {
            let href = o
                .and_then(|e| e.assessments.last())
                .map(|a| entry_href(&id, a.period));
            c.push(
                decide(o, f, b),
                Key::Entry(id),
                Section::Register,
                title,
                href,
                || rows(o.map(whole_entry_fields), f.map(whole_entry_fields), &[]),
            );
            continue;
        };
        if oe == fe {
            continue;
        }
        let latest = oe.assessments.last().map(|a| entry_href(&id, a.period));
        c.push(
            decide_by(o, f, b, entry_details_same),
            Key::EntryDetails(id.clone()),
            Section::Register,
            format!("{title}: its details"),
            latest.clone(),
            || rows(Some(entry_fields(oe)), Some(entry_fields(fe)), &[]),
        );
        let base_history = match b {
            Base::Known(Some(be)) => Some(be.history.as_slice()),
            _ => None,
        };
        let added = notes_to_add(&fe.history, &oe.history, base_history);
        if !added.is_empty() {
            let fields = history_fields(&added);
            c.notes.insert(id.clone(), added);
            c.push(
                Some(match base {
                    Base::Known(_) => Outcome::Changed(Side::File),
                    Base::Unknown => Outcome::Only(Side::File),
                }),
                Key::History(id.clone()),
                Section::Register,
                format!("{title}: its history"),
                latest,
                || {
                    fields
                        .into_iter()
                        .map(|(what, text)| Row {
                            what,
                            open: Some("not noted".to_owned()),
                            file: Some(text),
                        })
                        .collect()
                },
            );
        }
        for (period, oa, fa) in paired(&oe.assessments, &fe.assessments, |a| a.period) {
            let ba = b.map(|b| lookup(&b.assessments, |a| a.period, &period));
            c.push(
                decide(oa, fa, ba),
                Key::Quarter(id.clone(), period),
                Section::Register,
                format!("{title}, {period}"),
                oa.map(|_| entry_href(&id, period)),
                || {
                    rows(
                        oa.map(|a| assessment_fields(open, oe, a)),
                        fa.map(|a| assessment_fields(file, fe, a)),
                        &["Source"],
                    )
                },
            );
        }
    }
}

fn complaints(c: &mut Collector<'_>, base: Base<&Snapshot>) {
    let (open, file) = (c.open, c.file);
    let key = |y: &ComplaintsYear| (y.procedure, y.year);
    for ((procedure, year), o, f) in paired(&open.complaints, &file.complaints, key) {
        let b = base.map(|b| lookup(&b.complaints, key, &(procedure, year)));
        c.push(
            decide(o, f, b),
            Key::Complaints(procedure, year),
            Section::Complaints,
            format!("{} complaints, {year}", procedure.label()),
            Some(Route::Complaints.href()),
            || rows(o.map(complaints_fields), f.map(complaints_fields), &[]),
        );
    }
}
