//! Checks of a whole snapshot that the types alone cannot make: unique ids,
//! references that resolve, scores on the grid, percentages from 0 to 100,
//! sane dates. Each problem names the item and the field.
//!
//! These are the rules a file must meet to be opened. Figures that merely
//! disagree with each other (540 received but 425 closed + 116 open) are not
//! refused: they are what a scrutiny committee asks about.

use crate::domain::value::group_thousands;
use crate::text::excerpt;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::domain::complaints::ComplaintsYear;
use crate::domain::indicator::{Indicator, ServiceArea};
use crate::domain::period::Period;
use crate::domain::register::RegisterEntry;
use crate::domain::snapshot::{Settings, Snapshot, Source, CONTACT_MAX_CHARS};
use crate::domain::value::{Unit, Value};

/// One thing wrong with a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the file: `indicators[12].values[3].value`.
    pub path: String,
    /// The item in words: `indicator "csc-referrals"`.
    pub item: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.item, self.path, self.message)
    }
}

/// The earliest and latest years a date in a pack may fall in.
pub use crate::dates::YEARS;

/// The most indicators a pack holds and stays quick to read on a tablet
/// (the benchmarks measure 1,000; pages grow with the rows they show).
pub const MOST_INDICATORS: usize = 3_000;
/// The most figures one indicator holds (33 years of months).
pub const MOST_FIGURES_EACH: usize = 400;
/// The most entries the risk and opportunity register holds.
pub const MOST_ENTRIES: usize = 1_000;
/// The most quarters' assessments one register entry holds (50 years).
pub const MOST_ASSESSMENTS_EACH: usize = 200;

/// Where `snapshot` holds more than Scrutineer keeps, each with what to do:
/// a file past a limit is refused, and a change that would pass one is not
/// made. Counting only: cheap enough to check before every change.
pub fn over_limits(snapshot: &Snapshot) -> Vec<Problem> {
    /// A count past `most`, said with what it counts, why it is kept so
    /// low and what to do: "it has 3,001 indicators, and Scrutineer keeps
    /// at most 3,000 so that …: split the pack …".
    fn past(n: usize, most: usize, what: &str, why_and_what_to_do: &str) -> Option<String> {
        (n > most).then(|| {
            format!(
                "it has {} {what}, and Scrutineer keeps at most {}{why_and_what_to_do}",
                group_thousands(n as f64, 0),
                group_thousands(most as f64, 0)
            )
        })
    }
    let mut problems = vec![];
    let mut over = |path: String, item: String, message: Option<String>| {
        if let Some(message) = message {
            problems.push(Problem {
                path,
                item,
                message,
            });
        }
    };
    over(
        "indicators".to_owned(),
        "the pack".to_owned(),
        past(
            snapshot.indicators.len(),
            MOST_INDICATORS,
            "indicators",
            " so that its pages stay quick on a tablet: split the pack, for example by directorate",
        ),
    );
    for (i, indicator) in snapshot.indicators.iter().enumerate() {
        // Checked before every change: words are made only for one past it.
        if let Some(message) = past(
            indicator.values.len(),
            MOST_FIGURES_EACH,
            "figures",
            " for one indicator: keep the older ones in a pack of their own",
        ) {
            over(
                format!("indicators[{i}].values"),
                format!("indicator \u{201c}{}\u{201d}", excerpt(&indicator.id)),
                Some(message),
            );
        }
    }
    over(
        "register".to_owned(),
        "the register".to_owned(),
        past(
            snapshot.register.len(),
            MOST_ENTRIES,
            "entries",
            " so that the matrix stays readable: retire closed entries into a pack of their own",
        ),
    );
    for (i, entry) in snapshot.register.iter().enumerate() {
        if let Some(message) = past(
            entry.assessments.len(),
            MOST_ASSESSMENTS_EACH,
            "quarters' assessments",
            " for one entry: keep the older ones in a pack of their own",
        ) {
            over(
                format!("register[{i}].assessments"),
                format!("entry \u{201c}{}\u{201d}", excerpt(&entry.id)),
                Some(message),
            );
        }
    }
    problems
}

/// Every problem in `snapshot`, in file order. Empty when it can be opened.
pub fn validate(snapshot: &Snapshot) -> Vec<Problem> {
    let over = over_limits(snapshot);
    if !over.is_empty() {
        // Past a limit, the rest is not worth checking one by one.
        return over;
    }
    let mut v = Checker::default();
    pack_details(&mut v, snapshot);
    settings(&mut v, &snapshot.settings);
    let sources = sources(&mut v, &snapshot.sources);
    let mut refs = Refs {
        sources: &sources,
        v: &mut v,
    };
    let areas = service_areas(&mut refs, &snapshot.service_areas);
    indicators(&mut refs, &areas, &snapshot.indicators);
    register(&mut refs, &snapshot.register);
    complaints(&mut refs, &snapshot.complaints);
    v.problems
}

fn pack_details(v: &mut Checker, snapshot: &Snapshot) {
    v.text(
        "snapshot",
        "organisation",
        &snapshot.organisation,
        "the council's name",
    );
    v.text("snapshot", "title", &snapshot.title, "the pack's title");
    v.date("snapshot", "as_at", snapshot.as_at);
    if let Some(contact) = &snapshot.accessibility_contact {
        let length = contact.chars().count();
        if length > CONTACT_MAX_CHARS {
            v.push(
                "accessibility_contact",
                "snapshot",
                format!("the accessibility contact has {length} characters; give at most {CONTACT_MAX_CHARS}: one email address, phone number or web address"),
            );
        }
    }
}

fn settings(v: &mut Checker, settings: &Settings) {
    if let Err(e) = settings.score_bands.check() {
        v.push("settings.score_bands", "settings", e.to_string());
    }
    if let Some(Err(e)) = settings.opportunity_bands.as_ref().map(|b| b.check()) {
        v.push(
            "settings.opportunity_bands",
            "settings",
            format!("the opportunities' bands: {e}"),
        );
    }
    if let Some(appetite) = settings.risk_appetite {
        if !(1..=25).contains(&appetite) {
            v.push(
                "settings.risk_appetite",
                "settings",
                format!("risk appetite must be a score from 1 to 25, not {appetite}"),
            );
        }
    }
    let tolerance = settings.amber_within;
    if !(0.0..=100.0).contains(&tolerance) {
        v.push(
            "settings.amber_within",
            "settings",
            format!("the amber tolerance must be from 0 to 100 percentage points, not {tolerance}"),
        );
    }
    let under = settings.small_numbers;
    if under > crate::domain::small::MOST_UNDER {
        v.push(
            "settings.small_numbers",
            "settings",
            format!(
                "the small-number threshold must be a whole number from 0 to {}, not {under}",
                crate::domain::small::MOST_UNDER
            ),
        );
    }
}

/// Checks the sources; returns their ids, for references to them.
fn sources<'s>(v: &mut Checker, sources: &'s [Source]) -> HashSet<&'s str> {
    let ids = v.unique_ids("sources", "source", sources.iter().map(|s| s.id.as_str()));
    for (i, source) in sources.iter().enumerate() {
        let item = format!("source \u{201c}{}\u{201d}", source.id);
        v.text(
            &item,
            &format!("sources[{i}].title"),
            &source.title,
            "a title",
        );
        if let Some(date) = source.date {
            v.date(&item, &format!("sources[{i}].date"), date);
        }
    }
    ids
}

/// Checks the service areas; returns their ids, for indicators' references.
fn service_areas<'s>(refs: &mut Refs, areas: &'s [ServiceArea]) -> HashSet<&'s str> {
    let ids = refs.v.unique_ids(
        "service_areas",
        "service area",
        areas.iter().map(|a| a.id.as_str()),
    );
    for (i, area) in areas.iter().enumerate() {
        let item = format!("service area \u{201c}{}\u{201d}", area.id);
        let at = format!("service_areas[{i}]");
        refs.v
            .text(&item, &format!("{at}.name"), &area.name, "a name");
        for (j, c) in area.commentary.iter().enumerate() {
            refs.source(
                &item,
                &format!("{at}.commentary[{j}].source"),
                c.source.as_deref(),
            );
        }
    }
    ids
}

fn indicators(refs: &mut Refs, areas: &HashSet<&str>, indicators: &[Indicator]) {
    refs.v.unique_ids(
        "indicators",
        "indicator",
        indicators.iter().map(|x| x.id.as_str()),
    );
    for (i, ind) in indicators.iter().enumerate() {
        let item = format!("indicator \u{201c}{}\u{201d}", ind.id);
        let at = format!("indicators[{i}]");
        refs.v
            .text(&item, &format!("{at}.name"), &ind.name, "a name");
        if !areas.contains(ind.service_area.as_str()) {
            refs.v.push(
                &format!("{at}.service_area"),
                &item,
                format!(
                    "its service area \u{201c}{}\u{201d} is not in service_areas",
                    ind.service_area
                ),
            );
        }
        refs.source(&item, &format!("{at}.source"), ind.source.as_deref());
        let mut periods: HashMap<Period, usize> = HashMap::new();
        for (j, obs) in ind.values.iter().enumerate() {
            let path = format!("{at}.values[{j}]");
            if let Some(first) = periods.insert(obs.period, j) {
                refs.v.push(
                    &format!("{path}.period"),
                    &item,
                    format!(
                        "there are two values for {} (values[{first}] and values[{j}])",
                        obs.period
                    ),
                );
            }
            refs.v
                .value(&item, &format!("{path}.value"), &obs.value, ind.unit);
            refs.source(&item, &format!("{path}.source"), obs.source.as_deref());
            if let Some(o) = &obs.rag_override {
                if o.reason.trim().is_empty() {
                    refs.v.push(
                        &format!("{path}.rag_override.reason"),
                        &item,
                        "a rating set by hand needs a reason".to_owned(),
                    );
                }
            }
        }
        for (j, c) in ind.comparators.iter().enumerate() {
            let path = format!("{at}.comparators[{j}]");
            refs.v
                .value(&item, &format!("{path}.value"), &c.value, ind.unit);
            refs.source(&item, &format!("{path}.source"), c.source.as_deref());
        }
        for (j, c) in ind.commentary.iter().enumerate() {
            refs.source(
                &item,
                &format!("{at}.commentary[{j}].source"),
                c.source.as_deref(),
            );
        }
        let mut rebased: HashMap<Period, usize> = HashMap::new();
        for (j, r) in ind.rebasings.iter().enumerate() {
            let path = format!("{at}.rebasings[{j}]");
            if let Some(first) = rebased.insert(r.period, j) {
                refs.v.push(
                    &format!("{path}.period"),
                    &item,
                    format!(
                        "its control limits start again at {} twice (rebasings[{first}] and rebasings[{j}])",
                        r.period
                    ),
                );
            }
            if r.reason.trim().is_empty() {
                refs.v.push(
                    &format!("{path}.reason"),
                    &item,
                    "a change of process needs a reason".to_owned(),
                );
            }
        }
    }
}

fn register(refs: &mut Refs, register: &[RegisterEntry]) {
    refs.v.unique_ids(
        "register",
        "register entry",
        register.iter().map(|e| e.id.as_str()),
    );
    for (i, entry) in register.iter().enumerate() {
        let item = format!("register entry \u{201c}{}\u{201d}", entry.id);
        let at = format!("register[{i}]");
        if entry.assessments.is_empty() {
            refs.v.push(
                &format!("{at}.assessments"),
                &item,
                "it has no assessment: give at least one quarter's".to_owned(),
            );
        }
        let mut quarters: HashSet<Period> = HashSet::new();
        for (j, a) in entry.assessments.iter().enumerate() {
            let path = format!("{at}.assessments[{j}]");
            if !quarters.insert(a.period) {
                refs.v.push(
                    &format!("{path}.period"),
                    &item,
                    format!("there are two assessments for {}", a.period),
                );
            }
            refs.v
                .text(&item, &format!("{path}.title"), &a.title, "a title");
            for (field, score) in [
                ("inherent", &a.inherent),
                ("residual", &a.residual),
                ("target", &a.target),
            ] {
                if let Some(Err(e)) = score.map(|s| s.check()) {
                    refs.v.push(
                        &format!("{path}.{field}"),
                        &item,
                        format!("{field} score: {e}"),
                    );
                }
            }
            if let Some(date) = a.next_review {
                refs.v.date(&item, &format!("{path}.next_review"), date);
            }
            refs.source(&item, &format!("{path}.source"), a.source.as_deref());
        }
        for (j, note) in entry.history.iter().enumerate() {
            let path = format!("{at}.history[{j}]");
            refs.v.date(&item, &format!("{path}.on"), note.on);
            if note.reason.trim().is_empty() {
                refs.v.push(
                    &format!("{path}.reason"),
                    &item,
                    "every change in its history needs the reason it was made".to_owned(),
                );
            }
        }
        if let Some(r) = &entry.retired {
            if r.reason.trim().is_empty() {
                refs.v.push(
                    &format!("{at}.retired.reason"),
                    &item,
                    "a retired entry needs the reason it left the register".to_owned(),
                );
            }
        }
    }
}

fn complaints(refs: &mut Refs, complaints: &[ComplaintsYear]) {
    let mut seen = HashMap::new();
    for (i, year) in complaints.iter().enumerate() {
        let item = format!("complaints for {} {}", year.procedure.label(), year.year);
        let at = format!("complaints[{i}]");
        if !matches!(year.year, Period::FinancialYear { .. }) {
            refs.v.push(
                &format!("{at}.year"),
                &item,
                format!(
                    "complaints are counted by financial year such as 2018/19, not {}",
                    year.year
                ),
            );
        }
        if let Some(first) = seen.insert((year.year, year.procedure), i) {
            refs.v.push(
                &at,
                &item,
                format!("complaints[{first}] already holds this year and procedure"),
            );
        }
        for (j, s) in year.stages.iter().enumerate() {
            if s.stage > 3 {
                refs.v.push(
                    &format!("{at}.stages[{j}].stage"),
                    &item,
                    format!(
                        "stages run from 0 (early resolution) to 3 (review panel), not {}",
                        s.stage
                    ),
                );
            }
        }
        for (field, amount) in [
            ("investigation_cost", year.investigation_cost),
            (
                "ombudsman.settlements_paid",
                year.ombudsman.as_ref().and_then(|o| o.settlements_paid),
            ),
        ] {
            if let Some(amount) = amount {
                if amount < 0.0 {
                    refs.v.push(
                        &format!("{at}.{field}"),
                        &item,
                        format!("an amount of money cannot be negative: {amount}"),
                    );
                }
            }
        }
        refs.source(&item, &format!("{at}.source"), year.source.as_deref());
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, path: &str, item: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_owned(),
            item: item.to_owned(),
            message,
        });
    }

    fn text(&mut self, item: &str, path: &str, text: &str, what: &str) {
        if text.trim().is_empty() {
            self.push(
                path,
                item,
                format!("it has no {}: give {what}", field_name(path)),
            );
        }
    }

    fn date(&mut self, item: &str, path: &str, date: NaiveDate) {
        if !YEARS.contains(&date.year()) {
            self.push(
                path,
                item,
                format!(
                    "the date {date} is not plausible: give a year from {} to {}",
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
    }

    fn value(&mut self, item: &str, path: &str, value: &Value, unit: Unit) {
        if let Some(problem) = value.range_problem(unit) {
            self.push(path, item, problem);
        }
    }

    /// Reports empty and repeated ids; returns the set of ids.
    fn unique_ids<'a>(
        &mut self,
        list: &str,
        noun: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if id.trim().is_empty() {
                self.push(
                    &path,
                    &format!("{noun} {}", i + 1),
                    "it has no id".to_owned(),
                );
            } else if let Some(first) = seen.insert(id, i) {
                self.push(
                    &path,
                    &format!("{noun} \u{201c}{}\u{201d}", excerpt(id)),
                    format!("the id \u{201c}{}\u{201d} is used twice ({list}[{first}] and {list}[{i}]): ids must be unique", excerpt(id)),
                );
            }
        }
        seen.into_keys().collect()
    }
}

fn field_name(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

struct Refs<'s, 'c> {
    sources: &'s HashSet<&'s str>,
    v: &'c mut Checker,
}

impl Refs<'_, '_> {
    fn source(&mut self, item: &str, path: &str, id: Option<&str>) {
        if let Some(id) = id {
            if !self.sources.contains(id) {
                self.v.push(
                    path,
                    item,
                    format!(
                        "its source \u{201c}{}\u{201d} is not in sources",
                        excerpt(id)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::{Indicator, Observation, ServiceArea};
    use crate::domain::rag::Polarity;
    use crate::domain::register::{Assessment, RegisterEntry};
    use crate::domain::risk::{EntryKind, Score};

    fn base() -> Snapshot {
        let mut s = Snapshot::empty(
            "Anytown",
            "Scrutiny",
            NaiveDate::from_ymd_opt(2019, 6, 30).expect("date"),
        );
        s.service_areas.push(ServiceArea {
            id: "csc".into(),
            name: "Children's Social Care".into(),
            directorate: None,
            commentary: vec![],
        });
        s.indicators.push(Indicator {
            id: "over-45-days".into(),
            service_area: "csc".into(),
            name: "Assessments over 45 days".into(),
            group: None,
            unit: Unit::Percent,
            polarity: Polarity::Low,
            compare_with: Default::default(),
            definition: None,
            owner: None,
            target: None,
            source: None,
            values: vec![Observation {
                period: "Q1 2019/20".parse().expect("period"),
                value: Value::figure(15.4, 1),
                target: None,
                rag_override: None,
                note: None,
                source: None,
            }],
            comparators: vec![],
            commentary: vec![],
            notes: vec![],
            rebasings: vec![],
        });
        s.register.push(RegisterEntry {
            id: "CR1".into(),
            kind: EntryKind::Risk,
            assessments: vec![Assessment {
                inherent: Some(Score::Printed { value: 20 }),
                ..Assessment::new(
                    "Q2 2019/20".parse().expect("period"),
                    "Reshaping the County Council",
                )
            }],
            retired: None,
            history: vec![],
        });
        s
    }

    fn paths(s: &Snapshot) -> Vec<String> {
        validate(s).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_pack_past_a_limit_is_refused_with_what_to_do_and_one_at_it_is_kept() {
        let at_limit = |s: &mut Snapshot, most: usize| {
            let first = s.indicators[0].clone();
            while s.indicators.len() < most {
                let mut next = first.clone();
                next.id = format!("copy-{}", s.indicators.len());
                s.indicators.push(next);
            }
        };
        let mut s = base();
        at_limit(&mut s, MOST_INDICATORS);
        assert_eq!(validate(&s), vec![]);
        at_limit(&mut s, MOST_INDICATORS + 1);
        let problems = validate(&s);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "indicators");
        assert_eq!(
            problems[0].message,
            "it has 3,001 indicators, and Scrutineer keeps at most 3,000 so that its pages stay quick on a tablet: split the pack, for example by directorate"
        );

        let mut s = base();
        let first = s.indicators[0].values[0].clone();
        let months = |n: usize| -> Vec<_> {
            (0..n)
                .map(|m| {
                    let mut o = first.clone();
                    o.period = crate::domain::period::Period::Month(
                        crate::domain::period::YearMonth::new(1990, 1)
                            .expect("a month")
                            .offset(m as i32),
                    );
                    o
                })
                .collect()
        };
        s.indicators[0].values = months(MOST_FIGURES_EACH);
        assert_eq!(validate(&s), vec![]);
        s.indicators[0].values = months(MOST_FIGURES_EACH + 1);
        assert_eq!(paths(&s), ["indicators[0].values"]);

        let mut s = base();
        let entry = s.register[0].clone();
        for i in 1..=MOST_ENTRIES {
            let mut next = entry.clone();
            next.id = format!("R{i}");
            s.register.push(next);
        }
        let problems = validate(&s);
        assert_eq!(paths(&s), ["register"]);
        assert!(problems[0]
            .message
            .starts_with("it has 1,001 entries, and Scrutineer keeps at most 1,000"));
        s.register.pop();
        assert_eq!(validate(&s), vec![]);

        let mut s = base();
        let first = s.register[0].assessments[0].clone();
        let quarters = |n: usize| -> Vec<_> {
            (0..n)
                .map(|q| {
                    let mut a = first.clone();
                    a.period = crate::domain::period::Period::Quarter {
                        start_year: 1990 + (q / 4) as i32,
                        quarter: (q % 4) as u8 + 1,
                    };
                    a
                })
                .collect()
        };
        s.register[0].assessments = quarters(MOST_ASSESSMENTS_EACH);
        assert_eq!(validate(&s), vec![]);
        s.register[0].assessments = quarters(MOST_ASSESSMENTS_EACH + 1);
        assert_eq!(paths(&s), ["register[0].assessments"]);
    }

    #[test]
    fn a_sound_snapshot_has_no_problems() {
        assert_eq!(validate(&base()), vec![]);
    }

    #[test]
    fn each_rule_names_the_item_and_field_at_fault() {
        type Break = fn(&mut Snapshot);
        let cases: [(Break, &str, &str); 12] = [
            (
                |s| s.organisation.clear(),
                "organisation",
                "no organisation",
            ),
            (
                |s| s.accessibility_contact = Some("x".repeat(CONTACT_MAX_CHARS + 1)),
                "accessibility_contact",
                "has 201 characters; give at most 200",
            ),
            (
                |s| s.indicators[0].service_area = "nowhere".into(),
                "indicators[0].service_area",
                "\u{201c}nowhere\u{201d} is not in service_areas",
            ),
            (
                |s| {
                    let first = s.indicators[0].clone();
                    s.indicators.push(first)
                },
                "indicators[1].id",
                "used twice (indicators[0] and indicators[1])",
            ),
            (
                |s| s.indicators[0].values[0].value = Value::figure(112.0, 0),
                "indicators[0].values[0].value",
                "from 0 to 100, not 112",
            ),
            (
                |s| {
                    let again = s.indicators[0].values[0].clone();
                    s.indicators[0].values.push(again);
                },
                "indicators[0].values[1].period",
                "two values for Q1 2019/20",
            ),
            (
                |s| {
                    s.register[0].assessments[0].inherent = Some(Score::Rated {
                        impact: 6,
                        likelihood: 2,
                    })
                },
                "register[0].assessments[0].inherent",
                "impact must be from 1 to 5, not 6",
            ),
            (
                |s| s.register[0].assessments[0].residual = Some(Score::Printed { value: 7 }),
                "register[0].assessments[0].residual",
                "7 cannot come from a 5 x 5 grid",
            ),
            (
                |s| s.indicators[0].values[0].source = Some("minutes".into()),
                "indicators[0].values[0].source",
                "\u{201c}minutes\u{201d} is not in sources",
            ),
            (
                |s| s.as_at = NaiveDate::from_ymd_opt(1019, 6, 30).expect("date"),
                "as_at",
                "1019-06-30 is not plausible",
            ),
            (
                |s| s.settings.score_bands.0.clear(),
                "settings.score_bands",
                "there are no bands",
            ),
            (
                |s| s.settings.small_numbers = 1_001,
                "settings.small_numbers",
                "a whole number from 0 to 1000, not 1001",
            ),
        ];
        for (break_it, path, words) in cases {
            let mut s = base();
            break_it(&mut s);
            let problems = validate(&s);
            assert_eq!(problems.len(), 1, "{path}: {problems:?}");
            assert_eq!(problems[0].path, path);
            assert!(
                problems[0].message.contains(words),
                "{path}: {}",
                problems[0].message
            );
        }
    }

    #[test]
    fn the_item_is_named_in_words() {
        let mut s = base();
        s.indicators[0].values[0].value = Value::figure(-3.0, 0);
        let problem = &validate(&s)[0];
        assert_eq!(
            problem.to_string(),
            "indicator \u{201c}over-45-days\u{201d} (indicators[0].values[0].value): a percentage must be from 0 to 100, not -3"
        );
    }

    #[test]
    fn a_change_of_process_needs_a_reason_and_one_period_once() {
        use crate::domain::indicator::Rebasing;
        let mut s = base();
        let q1: Period = "Q1 2019/20".parse().expect("period");
        s.indicators[0].rebasings = vec![
            Rebasing {
                period: q1,
                reason: "New way of counting".into(),
            },
            Rebasing {
                period: q1,
                reason: "  ".into(),
            },
        ];
        let problems = validate(&s);
        assert_eq!(
            paths(&s),
            vec![
                "indicators[0].rebasings[1].period",
                "indicators[0].rebasings[1].reason"
            ]
        );
        assert!(
            problems[0]
                .message
                .contains("Q1 2019/20 twice (rebasings[0] and rebasings[1])"),
            "{}",
            problems[0].message
        );
        s.indicators[0].rebasings.pop();
        assert!(validate(&s).is_empty(), "one with a reason is fine");
    }

    #[test]
    fn a_register_entry_needs_a_quarter_and_complaints_need_a_financial_year() {
        let mut s = base();
        s.register[0].assessments.clear();
        s.complaints
            .push(crate::domain::complaints::ComplaintsYear::new(
                "Q1 2019/20".parse().expect("period"),
                crate::domain::complaints::Procedure::Corporate,
            ));
        assert_eq!(
            paths(&s),
            vec!["register[0].assessments", "complaints[0].year"]
        );
    }
}
