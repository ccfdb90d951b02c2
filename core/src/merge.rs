//! Combining the data open now with a file: two officers' copies of one
//! pack, each with its own work, made into one without losing either's.
//!
//! The copies are matched item by item, the smallest things a person
//! changes on their own: one pack detail or setting, one source, one service
//! area, an indicator's details (everything but its figures), one figure of
//! one indicator and period, a register entry's details (its kind,
//! retirement and history), one quarter's assessment of an entry, one
//! complaints year. An indicator or entry only one copy holds is one item.
//!
//! With the version both copies came from ([`Common::Known`]), an item only
//! one copy changed since then is taken from it, a removal included; where
//! both changed it differently (or one removed what the other changed) the
//! person chooses. Without it ([`Common::Unknown`]), an item only one copy
//! holds is taken, and any item both hold differently is the person's to
//! choose: nothing either officer entered is dropped without asking.

use std::collections::HashMap;
use std::hash::Hash;

use crate::compare::{bands_text, source_title, target_words};
use crate::complaints::edit::FigureField;
use crate::dates::long_date;
use crate::domain::complaints::{ComplaintsYear, Procedure};
use crate::domain::indicator::{Indicator, Observation, ServiceArea};
use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
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
    /// A pack detail or setting, by its label.
    Detail(&'static str),
    Source(String),
    Area(String),
    /// A whole indicator, where one copy lacks it.
    Indicator(String),
    /// An indicator's details: everything but its figures.
    IndicatorDetails(String),
    Figure(String, Period),
    /// A whole register entry, where one copy lacks it.
    Entry(String),
    /// An entry's kind, retirement and history.
    EntryDetails(String),
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
}

impl MergeItem {
    /// A test hook and element id for the item: "figure-CSC-01-2019-Q1".
    pub fn slug(&self) -> String {
        let raw = match &self.key {
            Key::Detail(what) => format!("detail-{what}"),
            Key::Source(id) => format!("source-{id}"),
            Key::Area(id) => format!("area-{id}"),
            Key::Indicator(id) => format!("indicator-{id}"),
            Key::IndicatorDetails(id) => format!("indicator-details-{id}"),
            Key::Figure(id, p) => format!("figure-{id}-{}", p),
            Key::Entry(id) => format!("entry-{id}"),
            Key::EntryDetails(id) => format!("entry-details-{id}"),
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

/// The two copies matched item by item: every item they do not hold alike.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// Whether the version both came from was known.
    pub common: bool,
    pub items: Vec<MergeItem>,
}

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
fn decide<T: PartialEq>(open: Option<&T>, file: Option<&T>, base: Base<&T>) -> Option<Outcome> {
    if open == file {
        return None;
    }
    Some(match base {
        Base::Unknown => match (open, file) {
            (None, _) => Outcome::Only(Side::File),
            (_, None) => Outcome::Only(Side::Open),
            _ => Outcome::Conflict,
        },
        Base::Known(base) if open == base => match file {
            None => Outcome::Removed(Side::File),
            Some(_) => Outcome::Changed(Side::File),
        },
        Base::Known(base) if file == base => match open {
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

fn detail_fields(s: &Snapshot) -> Vec<(&'static str, String)> {
    vec![
        ("Organisation", s.organisation.clone()),
        ("Title", s.title.clone()),
        ("As at", long_date(s.as_at)),
        ("Prepared by", or_none(&s.prepared_by)),
        ("Accessibility contact", or_none(&s.accessibility_contact)),
        (
            "Amber tolerance",
            format!("{}%", plain_number(s.settings.amber_within)),
        ),
        (
            "Risk appetite",
            s.settings
                .risk_appetite
                .map_or_else(|| "none".to_owned(), |a| a.to_string()),
        ),
        ("Risk score bands", bands_text(&s.settings.score_bands)),
        (
            "Opportunity score bands",
            s.settings
                .opportunity_bands
                .as_ref()
                .map_or_else(|| "the risks' bands".to_owned(), bands_text),
        ),
    ]
}

/// Whether two snapshots hold the detail named `what` alike.
fn detail_same(what: &str, a: &Snapshot, b: &Snapshot) -> bool {
    match what {
        "Organisation" => a.organisation == b.organisation,
        "Title" => a.title == b.title,
        "As at" => a.as_at == b.as_at,
        "Prepared by" => a.prepared_by == b.prepared_by,
        "Accessibility contact" => a.accessibility_contact == b.accessibility_contact,
        "Amber tolerance" => a.settings.amber_within == b.settings.amber_within,
        "Risk appetite" => a.settings.risk_appetite == b.settings.risk_appetite,
        "Risk score bands" => a.settings.score_bands == b.settings.score_bands,
        _ => a.settings.opportunity_bands == b.settings.opportunity_bands,
    }
}

/// Copies the detail named `what` from `from` into `to`.
fn take_detail(what: &str, to: &mut Snapshot, from: &Snapshot) {
    match what {
        "Organisation" => to.organisation = from.organisation.clone(),
        "Title" => to.title = from.title.clone(),
        "As at" => to.as_at = from.as_at,
        "Prepared by" => to.prepared_by = from.prepared_by.clone(),
        "Accessibility contact" => to.accessibility_contact = from.accessibility_contact.clone(),
        "Amber tolerance" => to.settings.amber_within = from.settings.amber_within,
        "Risk appetite" => to.settings.risk_appetite = from.settings.risk_appetite,
        "Risk score bands" => to.settings.score_bands = from.settings.score_bands.clone(),
        _ => to.settings.opportunity_bands = from.settings.opportunity_bands.clone(),
    }
}

fn source_fields(s: &Source) -> Vec<(&'static str, String)> {
    vec![
        ("Title", s.title.clone()),
        ("Date", s.date.map_or_else(|| "none".to_owned(), long_date)),
        ("Reference", or_none(&s.reference)),
    ]
}

fn area_fields(a: &ServiceArea) -> Vec<(&'static str, String)> {
    vec![
        ("Name", a.name.clone()),
        ("Directorate", or_none(&a.directorate)),
        (
            "Commentary",
            commentary_text(a.commentary.iter().map(|c| (c.period, c.text.as_str()))),
        ),
    ]
}

fn commentary_text<'a>(items: impl Iterator<Item = (Period, &'a str)>) -> String {
    let parts: Vec<String> = items
        .map(|(p, text)| format!("{p}: {}", crate::text::excerpt(text)))
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join("; ")
    }
}

/// An indicator's details, the same in both copies but for its figures.
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
    ) && (&a.commentary, &a.notes) == (&b.commentary, &b.notes)
}

/// An indicator's details as one value to decide on (compared by
/// [`indicator_details_same`]).
struct Details<'a>(&'a Indicator);

impl PartialEq for Details<'_> {
    fn eq(&self, other: &Self) -> bool {
        indicator_details_same(self.0, other.0)
    }
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
            "Commentary",
            commentary_text(i.commentary.iter().map(|c| (c.period, c.text.as_str()))),
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

fn entry_details_same(a: &RegisterEntry, b: &RegisterEntry) -> bool {
    (a.kind, &a.retired, &a.history) == (b.kind, &b.retired, &b.history)
}

struct EntryDetails<'a>(&'a RegisterEntry);

impl PartialEq for EntryDetails<'_> {
    fn eq(&self, other: &Self) -> bool {
        entry_details_same(self.0, other.0)
    }
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
        (
            "History",
            match e.history.len() {
                0 => "none".to_owned(),
                1 => "1 change noted".to_owned(),
                n => format!("{n} changes noted"),
            },
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
        };
        details(&mut c, base);
        indicators(&mut c, base);
        register(&mut c, base);
        complaints(&mut c, base);
        Merge {
            common: matches!(common, Common::Known(_)),
            items: c.items,
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
    /// items taken from the file, 2 kept from the data open now, and of the
    /// 3 both held differently, 1 taken from the file and 2 kept."
    pub fn done_words(&self, choices: &Choices) -> String {
        let counts = self.counts(None);
        let mut parts = vec![];
        if counts.from_file > 0 {
            parts.push(format!(
                "{} taken from the file",
                count_of(counts.from_file, "item", "items")
            ));
        }
        if counts.from_open > 0 {
            parts.push(format!(
                "{} kept from the data open now",
                count_of(counts.from_open, "item", "items")
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
                group_thousands(counts.conflicts as f64, 0),
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
        let mut out = open.clone();
        let mut taker = Taker::new(&out, file);
        for item in &self.items {
            let side = item
                .outcome
                .taken()
                .or_else(|| choices.get(&item.key).copied())
                .unwrap_or(Side::Open);
            if side == Side::File {
                taker.take(&mut out, &item.key);
            }
        }
        taker.finish(&mut out);
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
    fn new(out: &Snapshot, file: &'f Snapshot) -> Taker<'f> {
        Taker {
            file,
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
            Key::Detail(what) => take_detail(what, out, file),
            Key::Source(id) => put(
                &mut out.sources,
                |s| s.id == *id,
                file.sources.iter().find(|s| s.id == *id),
            ),
            Key::Area(id) => put(
                &mut out.service_areas,
                |a| a.id == *id,
                file.service_areas.iter().find(|a| a.id == *id),
            ),
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
                *ours = Indicator {
                    values,
                    ..(*theirs).clone()
                };
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
                ours.history = theirs.history.clone();
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
    let open_fields = detail_fields(open);
    let file_fields = detail_fields(file);
    for ((what, open_text), (_, file_text)) in open_fields.into_iter().zip(file_fields) {
        // Compared by value, shown in words.
        let same = |a: &Snapshot, b: &Snapshot| detail_same(what, a, b);
        let outcome = if same(open, file) {
            None
        } else {
            Some(match base {
                Base::Known(Some(b)) if same(open, b) => Outcome::Changed(Side::File),
                Base::Known(Some(b)) if same(file, b) => Outcome::Changed(Side::Open),
                _ => Outcome::Conflict,
            })
        };
        c.push(
            outcome,
            Key::Detail(what),
            Section::Details,
            what.to_owned(),
            Some(Route::Data.href()),
            || {
                vec![Row {
                    what,
                    open: Some(open_text),
                    file: Some(file_text),
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

fn indicators(c: &mut Collector<'_>, base: Base<&Snapshot>) {
    let (open, file) = (c.open, c.file);
    for (id, o, f) in paired(&open.service_areas, &file.service_areas, |a| a.id.clone()) {
        let b = base.map(|b| b.service_areas.iter().find(|a| a.id == id));
        let label = format!(
            "Service area \u{201c}{}\u{201d}",
            o.or(f).map_or(id.as_str(), |a| a.name.as_str())
        );
        c.push(
            decide(o, f, b),
            Key::Area(id),
            Section::Indicators,
            label,
            None,
            || rows(o.map(area_fields), f.map(area_fields), &[]),
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
        fn details(x: Option<&Indicator>) -> Option<Details<'_>> {
            x.map(Details)
        }
        let detail_base = match b {
            Base::Unknown => Base::Unknown,
            Base::Known(b) => Base::Known(details(b)),
        };
        let detail_base_ref = match &detail_base {
            Base::Unknown => Base::Unknown,
            Base::Known(b) => Base::Known(b.as_ref()),
        };
        c.push(
            decide(details(o).as_ref(), details(f).as_ref(), detail_base_ref),
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
        let detail_base = match b {
            Base::Unknown => Base::Unknown,
            Base::Known(b) => Base::Known(b.map(EntryDetails)),
        };
        let detail_base_ref = match &detail_base {
            Base::Unknown => Base::Unknown,
            Base::Known(b) => Base::Known(b.as_ref()),
        };
        let latest = oe.assessments.last().map(|a| entry_href(&id, a.period));
        c.push(
            decide(
                Some(&EntryDetails(oe)),
                Some(&EntryDetails(fe)),
                detail_base_ref,
            ),
            Key::EntryDetails(id.clone()),
            Section::Register,
            format!("{title}: its details"),
            latest,
            || rows(Some(entry_fields(oe)), Some(entry_fields(fe)), &[]),
        );
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
