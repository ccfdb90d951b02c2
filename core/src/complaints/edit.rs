//! Entering a year's complaints figures for one procedure, and bringing in
//! the figures summed from a case list. Each change returns the whole new
//! snapshot or every fault at its field, so a refused change leaves the
//! data as it was.

use std::collections::BTreeMap;

use crate::complaints::report::{find, Choice, COMPLAINT_OUTCOMES, OMBUDSMAN_OUTCOMES};
use crate::domain::complaints::{
    ComplaintsYear, LabelledCount, Ombudsman, Outcome, OutcomeCount, Procedure, StageCount,
};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::snapshot::{FieldError, Snapshot};
use crate::domain::value::group_thousands;
use crate::file::validate::YEARS;
use crate::text::plain_number;

/// The groups the form's figures are set out in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Complaints,
    Stages,
    Outcomes,
    Ombudsman,
    Money,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Complaints,
        Group::Stages,
        Group::Outcomes,
        Group::Ombudsman,
        Group::Money,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            Group::Complaints => "Complaints and compliments",
            Group::Stages => "Complaints by the stage they reached",
            Group::Outcomes => "Outcomes",
            Group::Ombudsman => "Local Government and Social Care Ombudsman",
            Group::Money => "Money",
        }
    }
}

/// One figure of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureField {
    /// The field's key: its input's id and the key of its errors.
    pub key: &'static str,
    pub label: &'static str,
    pub group: Group,
    /// Pounds (with pence) rather than a count.
    pub money: bool,
}

const fn count(key: &'static str, label: &'static str, group: Group) -> FigureField {
    FigureField {
        key,
        label,
        group,
        money: false,
    }
}

/// Every figure of the form, in the order it is set out.
pub const FIELDS: [FigureField; 26] = [
    count("received", "Complaints received", Group::Complaints),
    count(
        "closed",
        "Closed with an outcome recorded",
        Group::Complaints,
    ),
    count(
        "exceeded",
        "Answered beyond the timescale",
        Group::Complaints,
    ),
    count("joint", "Joint complaints with the NHS", Group::Complaints),
    count("compliments", "Compliments received", Group::Complaints),
    count("stage-0", "Stage 0 (early resolution)", Group::Stages),
    count("stage-1", "Stage 1", Group::Stages),
    count("stage-2", "Stage 2", Group::Stages),
    count("stage-3", "Stage 3 (review panel)", Group::Stages),
    count("outcome-upheld", "Upheld", Group::Outcomes),
    count("outcome-partly_upheld", "Partly upheld", Group::Outcomes),
    count("outcome-not_upheld", "Not upheld", Group::Outcomes),
    count("outcome-withdrawn", "Withdrawn", Group::Outcomes),
    count(
        "outcome-early_resolution",
        "Early resolution or signposted",
        Group::Outcomes,
    ),
    count("outcome-still_open", "Still open", Group::Outcomes),
    count(
        "omb-enquiries",
        "Complaints and enquiries received",
        Group::Ombudsman,
    ),
    count(
        "omb-investigations",
        "Detailed investigations",
        Group::Ombudsman,
    ),
    count("omb-decisions", "Decisions made", Group::Ombudsman),
    count("omb-upheld", "Decisions: upheld", Group::Ombudsman),
    count(
        "omb-partly_upheld",
        "Decisions: partly upheld",
        Group::Ombudsman,
    ),
    count("omb-not_upheld", "Decisions: not upheld", Group::Ombudsman),
    count(
        "omb-not_investigated",
        "Decisions: not investigated",
        Group::Ombudsman,
    ),
    count(
        "omb-early_resolution",
        "Decisions: resolved early",
        Group::Ombudsman,
    ),
    count("omb-withdrawn", "Decisions: withdrawn", Group::Ombudsman),
    FigureField {
        key: "omb-settlements",
        label: "Local settlements paid (£)",
        group: Group::Ombudsman,
        money: true,
    },
    FigureField {
        key: "cost",
        label: "Cost of independent investigations (£)",
        group: Group::Money,
        money: true,
    },
];

/// Every figure of the form.
pub fn fields() -> impl Iterator<Item = &'static FigureField> {
    FIELDS.iter()
}

fn outcome_key(prefix: &str, outcome: Outcome) -> String {
    format!("{prefix}-{}", outcome.key())
}

/// The form's own key for `key`, where the form has such a field.
fn static_key(key: &str) -> Option<&'static str> {
    fields().find(|f| f.key == key).map(|f| f.key)
}

/// What the officer typed: every figure as text, and the lists one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearForm {
    /// "2019/20"; only read when adding a year.
    pub year: String,
    /// A procedure's key; only read when adding a year.
    pub procedure: String,
    pub figures: BTreeMap<&'static str, String>,
    /// "Care Provision: 128", one per line.
    pub categories: String,
    pub compliments_by_service: String,
    /// One note per line.
    pub notes: String,
}

fn lines_of(list: &[LabelledCount]) -> String {
    list.iter()
        .map(|x| format!("{}: {}", x.label, x.count))
        .collect::<Vec<_>>()
        .join("\n")
}

fn money_text(pounds: f64) -> String {
    if pounds.fract() == 0.0 {
        plain_number(pounds)
    } else {
        format!("{pounds:.2}")
    }
}

impl YearForm {
    /// A blank form for a new year.
    pub fn blank(procedure: Procedure) -> YearForm {
        YearForm {
            procedure: procedure.key().into(),
            ..YearForm::default()
        }
    }

    /// The form filled with `c`'s figures.
    pub fn of(c: &ComplaintsYear) -> YearForm {
        let mut figures: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut put = |key: &str, value: Option<u32>| {
            // A figure the form has no field for (an outcome it does not
            // list) is kept by the save, not shown here.
            if let (Some(key), Some(v)) = (static_key(key), value) {
                figures.insert(key, v.to_string());
            }
        };
        put("received", c.received);
        put("closed", c.closed);
        put("exceeded", c.exceeded_timescale);
        put("joint", c.joint_with_nhs);
        put("compliments", c.compliments);
        for s in &c.stages {
            put(&format!("stage-{}", s.stage), Some(s.count));
        }
        for o in &c.outcomes {
            put(&outcome_key("outcome", o.outcome), Some(o.count));
        }
        if let Some(o) = &c.ombudsman {
            put("omb-enquiries", o.enquiries);
            put("omb-investigations", o.investigations);
            put("omb-decisions", o.decisions);
            for x in &o.outcomes {
                put(&outcome_key("omb", x.outcome), Some(x.count));
            }
            if let Some(p) = o.settlements_paid {
                figures.insert("omb-settlements", money_text(p));
            }
        }
        if let Some(p) = c.investigation_cost {
            figures.insert("cost", money_text(p));
        }
        YearForm {
            year: c.year.to_string(),
            procedure: c.procedure.key().into(),
            figures,
            categories: lines_of(&c.categories),
            compliments_by_service: lines_of(&c.compliments_by_service),
            notes: c.notes.join("\n"),
        }
    }

    fn text(&self, key: &str) -> &str {
        self.figures.get(key).map_or("", |t| t.trim())
    }
}

fn fault(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

fn label_of(key: &str) -> &'static str {
    fields().find(|f| f.key == key).map_or("", |f| f.label)
}

/// Reads a count: blank is "not given"; thousands commas are allowed.
fn read_count(key: &'static str, text: &str) -> Result<Option<u32>, FieldError> {
    let label = label_of(key);
    if text.is_empty() {
        return Ok(None);
    }
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if cleaned.starts_with('-') {
        return Err(fault(key, format!("{label} cannot be below zero")));
    }
    if cleaned.contains('.') && cleaned.parse::<f64>().is_ok() {
        return Err(fault(
            key,
            format!("{label} must be a whole number, like 540"),
        ));
    }
    match cleaned.parse::<u32>() {
        Ok(n) if n <= 10_000_000 => Ok(Some(n)),
        Ok(_) => Err(fault(key, format!("{label} must be 10,000,000 or fewer"))),
        Err(_) => Err(fault(
            key,
            format!("{label} must be a number, like 540, or blank if the report does not give it"),
        )),
    }
}

/// Reads pounds: "£7,100", "630958.48".
fn read_money(key: &'static str, text: &str) -> Result<Option<f64>, FieldError> {
    let label = label_of(key);
    if text.is_empty() {
        return Ok(None);
    }
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '£'))
        .collect();
    let pence_ok = cleaned.split_once('.').is_none_or(|(_, p)| p.len() <= 2);
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 && pence_ok && v < 1e12 => Ok(Some(v)),
        Ok(v) if v < 0.0 => Err(fault(key, format!("{label} cannot be below zero"))),
        _ => Err(fault(
            key,
            format!("{label} must be an amount in pounds, like 7,100 or 630,958.48"),
        )),
    }
}

/// Reads "name: count" lines; a blank line is skipped.
fn read_lines(key: &'static str, what: &str, text: &str) -> Result<Vec<LabelledCount>, FieldError> {
    let mut list: Vec<LabelledCount> = vec![];
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let number = i + 1;
        // The count is the run of digits (and thousands commas) at the end.
        let digits = line
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == ',')
            .last()
            .map_or(line.len(), |(i, _)| i);
        let (label, count) = line.split_at(digits);
        let count = count.trim_start_matches(',');
        let label = label.trim_end_matches([':', ',', '\t', ' ', '-']).trim();
        let count: String = count.chars().filter(|c| *c != ',').collect();
        let parsed = count.parse::<u32>().ok().map(|count| (label, count));
        let Some((label, count)) = parsed.filter(|(label, _)| !label.is_empty()) else {
            return Err(fault(
                key,
                format!(
                    "Line {number} of {what} needs a name then a whole number, like \u{201c}Financial: 102\u{201d}"
                ),
            ));
        };
        if let Some(first) = list
            .iter()
            .position(|x| x.label.eq_ignore_ascii_case(label))
        {
            return Err(fault(
                key,
                format!(
                    "Line {number} of {what} repeats \u{201c}{label}\u{201d} from line {}: give each once",
                    first + 1
                ),
            ));
        }
        list.push(LabelledCount {
            label: label.to_owned(),
            count,
        });
    }
    Ok(list)
}

/// How parts given sit against the whole they are shares of.
enum Fit {
    /// No parts, or parts within the whole.
    Fits,
    /// Parts given, but not the whole.
    NoBase,
    Over {
        total: u32,
        base: u32,
    },
}

fn fit(parts: &[u32], base: Option<u32>) -> Fit {
    let total: u32 = parts.iter().sum();
    match base {
        _ if parts.is_empty() => Fit::Fits,
        None => Fit::NoBase,
        Some(base) if total > base => Fit::Over { total, base },
        Some(_) => Fit::Fits,
    }
}

fn n(count: u32) -> String {
    group_thousands(f64::from(count), 0)
}

/// Which year and procedure a new record is for.
fn read_new_key(
    snapshot: &Snapshot,
    form: &YearForm,
    errors: &mut Vec<FieldError>,
) -> Option<(Period, Procedure)> {
    let year = match form.year.trim().parse::<Period>() {
        _ if form.year.trim().is_empty() => {
            errors.push(fault("year", "Enter the financial year, like 2019/20"));
            None
        }
        Ok(p @ Period::FinancialYear { start_year }) if YEARS.contains(&start_year) => Some(p),
        Ok(p) if p.kind() == PeriodKind::FinancialYear => {
            errors.push(fault(
                "year",
                "Enter a financial year from 1990/91 to 2100/01",
            ));
            None
        }
        _ => {
            errors.push(fault(
                "year",
                format!(
                    "Complaints are counted by financial year: enter one like 2019/20, not \u{201c}{}\u{201d}",
                    form.year.trim()
                ),
            ));
            None
        }
    };
    let procedure = Procedure::from_key(form.procedure.trim());
    if procedure.is_none() {
        errors.push(fault("procedure", "Choose the complaints procedure"));
    }
    let (year, procedure) = (year?, procedure?);
    if find(snapshot, year, procedure).is_some() {
        errors.push(fault(
            "year",
            format!(
                "There are already figures for {} in {year}: change those instead",
                procedure.label()
            ),
        ));
        return None;
    }
    Some((year, procedure))
}

/// The record of `procedure` in `year`, added (empty, in order: by
/// procedure, then year) when there is none.
fn record_mut(snapshot: &mut Snapshot, year: Period, procedure: Procedure) -> &mut ComplaintsYear {
    let at = match snapshot
        .complaints
        .iter()
        .position(|c| c.year == year && c.procedure == procedure)
    {
        Some(i) => i,
        None => {
            let at = snapshot
                .complaints
                .iter()
                .position(|c| {
                    (c.procedure, c.year.timeline_cmp(&year))
                        > (procedure, std::cmp::Ordering::Equal)
                })
                .unwrap_or(snapshot.complaints.len());
            snapshot
                .complaints
                .insert(at, ComplaintsYear::new(year, procedure));
            at
        }
    };
    &mut snapshot.complaints[at]
}

/// A saved year: the new snapshot, what was done, and the year and
/// procedure saved (for the page to show next).
#[derive(Clone, Debug, PartialEq)]
pub struct SavedYear {
    pub snapshot: Snapshot,
    pub done: String,
    pub choice: Choice,
}

/// The year and procedure an address (`procedure=…&year=…`) asks to
/// change, where both are held; otherwise `None`, with the procedure asked
/// for (if it reads) to start a new year with.
pub fn editing_of(
    snapshot: &Snapshot,
    query: &[(String, String)],
) -> (Option<(Period, Procedure)>, Option<Procedure>) {
    let asked = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let procedure = asked("procedure").and_then(Procedure::from_key);
    let year = asked("year").and_then(|y| y.parse::<Period>().ok());
    match (year, procedure) {
        (Some(y), Some(p)) if find(snapshot, y, p).is_some() => (Some((y, p)), Some(p)),
        _ => (None, procedure),
    }
}

/// Saves the form: the year `editing` changed, or a new year and procedure
/// from the form. Gives the new snapshot, what was done and which year it
/// was, or every fault.
pub fn save_year(
    snapshot: &Snapshot,
    editing: Option<(Period, Procedure)>,
    form: &YearForm,
) -> Result<SavedYear, Vec<FieldError>> {
    let mut errors = vec![];
    let key = match editing {
        Some((year, procedure)) => {
            if find(snapshot, year, procedure).is_none() {
                return Err(vec![fault(
                    "received",
                    format!(
                        "There are no figures for {} in {year} any more: they may have been changed in another tab",
                        procedure.label()
                    ),
                )]);
            }
            Some((year, procedure))
        }
        None => read_new_key(snapshot, form, &mut errors),
    };
    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    let mut money: BTreeMap<&'static str, f64> = BTreeMap::new();
    for f in fields() {
        let text = form.text(f.key);
        if f.money {
            match read_money(f.key, text) {
                Ok(Some(v)) => {
                    money.insert(f.key, v);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        } else {
            match read_count(f.key, text) {
                Ok(Some(v)) => {
                    counts.insert(f.key, v);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    let categories = read_lines("categories", "the services or categories", &form.categories)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let by_service = read_lines(
        "compliments-by-service",
        "the compliments by service",
        &form.compliments_by_service,
    )
    .map_err(|e| errors.push(e))
    .unwrap_or_default();
    let get = |key: &str| counts.get(key).copied();
    let received = get("received");
    let closed = get("closed");
    // Parts cannot exceed the whole.
    if let Some(received) = received {
        if let Some(closed) = closed.filter(|c| *c > received) {
            errors.push(fault(
                "closed",
                format!(
                    "Closed complaints ({}) cannot be more than complaints received ({})",
                    n(closed),
                    n(received)
                ),
            ));
        }
        let staged: u32 = (0..=3).filter_map(|s| get(&format!("stage-{s}"))).sum();
        if staged > received {
            errors.push(fault(
                "stage-0",
                format!(
                    "The stages add up to {}, more than the {} complaints received",
                    n(staged),
                    n(received)
                ),
            ));
        }
        for (key, what) in [
            ("exceeded", "Complaints answered beyond the timescale"),
            ("joint", "Joint complaints with the NHS"),
            ("outcome-still_open", "Complaints still open"),
        ] {
            if let Some(part) = get(key).filter(|p| *p > received) {
                errors.push(fault(
                    static_key(key).unwrap_or("received"),
                    format!(
                        "{what} ({}) cannot be more than complaints received ({})",
                        n(part),
                        n(received)
                    ),
                ));
            }
        }
        if let Some(x) = categories.iter().find(|x| x.count > received) {
            errors.push(fault(
                "categories",
                format!(
                    "{} has {} complaints, more than the {} received",
                    x.label,
                    n(x.count),
                    n(received)
                ),
            ));
        }
    } else if get("exceeded").is_some() {
        errors.push(fault(
            "received",
            "Enter complaints received as well: the share answered beyond the timescale is worked out from it",
        ));
    }
    let ended: Vec<u32> = COMPLAINT_OUTCOMES
        .iter()
        .filter(|o| **o != Outcome::StillOpen)
        .filter_map(|o| get(&outcome_key("outcome", *o)))
        .collect();
    match fit(&ended, closed) {
        Fit::NoBase => errors.push(fault(
            "closed",
            "Enter how many complaints were closed: the outcomes are shares of it",
        )),
        Fit::Over { total, base } => errors.push(fault(
            "outcome-upheld",
            format!(
                "The outcomes of closed complaints add up to {}, more than the {} closed",
                n(total),
                n(base)
            ),
        )),
        Fit::Fits => {}
    }
    let decided: Vec<u32> = OMBUDSMAN_OUTCOMES
        .iter()
        .filter_map(|o| get(&outcome_key("omb", *o)))
        .collect();
    let base = get("omb-decisions").or(get("omb-investigations"));
    match fit(&decided, base) {
        Fit::NoBase => errors.push(fault(
            "omb-decisions",
            "Enter the Ombudsman's decisions (or its investigations): the decisions by outcome are shares of it",
        )),
        Fit::Over { total, base } => errors.push(fault(
            "omb-upheld",
            format!(
                "The Ombudsman's decisions by outcome add up to {}, more than the {} {}",
                n(total),
                n(base),
                if get("omb-decisions").is_some() { "decisions made" } else { "investigations" }
            ),
        )),
        Fit::Fits => {}
    }
    if let (Some(enquiries), Some(investigations)) =
        (get("omb-enquiries"), get("omb-investigations"))
    {
        if investigations > enquiries {
            errors.push(fault(
                "omb-investigations",
                format!(
                    "Detailed investigations ({}) cannot be more than the enquiries the Ombudsman received ({})",
                    n(investigations),
                    n(enquiries)
                ),
            ));
        }
    }
    let notes: Vec<String> = form
        .notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let nothing =
        counts.is_empty() && money.is_empty() && categories.is_empty() && by_service.is_empty();
    if editing.is_none() && nothing && errors.is_empty() {
        errors.push(fault(
            "received",
            "Enter at least one figure: a year with no figures says nothing",
        ));
    }
    // Errors in the order the fields are set out.
    let order = |field: &str| {
        ["year", "procedure"]
            .iter()
            .position(|k| *k == field)
            .map(|i| i as isize - 10)
            .or_else(|| fields().position(|f| f.key == field).map(|i| i as isize))
            .unwrap_or(100)
    };
    errors.sort_by_key(|e| order(e.field));
    let Some((year, procedure)) = key.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut next = snapshot.clone();
    let record = record_mut(&mut next, year, procedure);
    record.received = received;
    record.closed = closed;
    record.exceeded_timescale = get("exceeded");
    record.joint_with_nhs = get("joint");
    record.compliments = get("compliments");
    // Stages and outcomes the form does not show are kept as they were.
    let mut stages: Vec<StageCount> = record
        .stages
        .iter()
        .filter(|s| s.stage > 3)
        .copied()
        .collect();
    stages.extend((0..=3u8).filter_map(|stage| {
        get(&format!("stage-{stage}")).map(|count| StageCount { stage, count })
    }));
    stages.sort_by_key(|s| s.stage);
    record.stages = stages;
    let mut outcomes: Vec<OutcomeCount> = record
        .outcomes
        .iter()
        .filter(|o| !COMPLAINT_OUTCOMES.contains(&o.outcome))
        .copied()
        .collect();
    outcomes.extend(COMPLAINT_OUTCOMES.iter().filter_map(|o| {
        get(&outcome_key("outcome", *o)).map(|count| OutcomeCount { outcome: *o, count })
    }));
    outcomes.sort_by_key(|o| o.outcome);
    record.outcomes = outcomes;
    record.categories = categories;
    record.compliments_by_service = by_service;
    let mut ombudsman = record.ombudsman.clone().unwrap_or_default();
    ombudsman.enquiries = get("omb-enquiries");
    ombudsman.investigations = get("omb-investigations");
    ombudsman.decisions = get("omb-decisions");
    let mut decisions: Vec<OutcomeCount> = ombudsman
        .outcomes
        .iter()
        .filter(|o| !OMBUDSMAN_OUTCOMES.contains(&o.outcome))
        .copied()
        .collect();
    decisions.extend(OMBUDSMAN_OUTCOMES.iter().filter_map(|o| {
        get(&outcome_key("omb", *o)).map(|count| OutcomeCount { outcome: *o, count })
    }));
    decisions.sort_by_key(|o| o.outcome);
    ombudsman.outcomes = decisions;
    ombudsman.settlements_paid = money.get("omb-settlements").copied();
    record.ombudsman = (ombudsman != Ombudsman::default()).then_some(ombudsman);
    record.investigation_cost = money.get("cost").copied();
    record.notes = notes;
    let verb = if editing.is_some() { "Saved" } else { "Added" };
    Ok(SavedYear {
        snapshot: next,
        done: format!("{verb} the {year} figures for {}", procedure.label()),
        choice: Choice { procedure, year },
    })
}

/// Removes the figures of `procedure` in `year`.
pub fn remove_year(
    snapshot: &Snapshot,
    year: Period,
    procedure: Procedure,
) -> Option<(Snapshot, String)> {
    let mut next = snapshot.clone();
    let at = next
        .complaints
        .iter()
        .position(|c| c.year == year && c.procedure == procedure)?;
    next.complaints.remove(at);
    Some((
        next,
        format!("Removed the {year} figures for {}", procedure.label()),
    ))
}

/// One year and procedure a case list gives figures for, and what it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseYear {
    pub year: Period,
    pub procedure: Procedure,
    /// Complaints received as held before, if any.
    pub before: Option<u32>,
    pub received: u32,
    pub exceeded: Option<u32>,
}

/// The note a case list leaves on each year it fills, so it can be replaced.
const CASE_NOTE: &str = "From a case list:";

/// Puts the yearly figures summed from a case list into the snapshot: for
/// each year and procedure it gives, the counts of complaints (received,
/// stages, closed, outcomes, categories, timeliness) are replaced, and what
/// a case list cannot give (compliments, the Ombudsman, costs, other notes)
/// is kept.
pub fn apply_cases(snapshot: &Snapshot, summed: &[ComplaintsYear]) -> (Snapshot, Vec<CaseYear>) {
    let mut next = snapshot.clone();
    let mut changes = vec![];
    for s in summed {
        let before = find(snapshot, s.year, s.procedure).and_then(|c| c.received);
        let record = record_mut(&mut next, s.year, s.procedure);
        record.received = s.received;
        record.stages = s.stages.clone();
        record.closed = s.closed;
        record.outcomes = s.outcomes.clone();
        record.categories = s.categories.clone();
        record.exceeded_timescale = s.exceeded_timescale;
        record.notes.retain(|n| !n.starts_with(CASE_NOTE));
        record.notes.extend(s.notes.iter().cloned());
        changes.push(CaseYear {
            year: s.year,
            procedure: s.procedure,
            before,
            received: s.received.unwrap_or(0),
            exceeded: s.exceeded_timescale,
        });
    }
    (next, changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fy(text: &str) -> Period {
        text.parse().expect("a year")
    }

    fn adult_2017() -> (Period, Procedure) {
        (fy("2017/18"), Procedure::AdultSocialCare)
    }

    fn form_of(s: &Snapshot, (year, p): (Period, Procedure)) -> YearForm {
        YearForm::of(find(s, year, p).expect("held"))
    }

    fn fields_of(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn every_field_has_its_own_key_and_the_form_round_trips_the_demo() {
        let keys: std::collections::BTreeSet<_> = fields().map(|f| f.key).collect();
        assert_eq!(keys.len(), fields().count());
        let s = Snapshot::demo();
        for c in &s.complaints {
            let key = (c.year, c.procedure);
            let next = save_year(&s, Some(key), &YearForm::of(c))
                .expect("saves as it is")
                .snapshot;
            assert_eq!(
                find(&next, c.year, c.procedure),
                Some(c),
                "{} {:?}",
                c.year,
                c.procedure
            );
        }
    }

    #[test]
    fn an_outcome_the_form_does_not_list_is_kept_and_touches_no_other_field() {
        let mut s = Snapshot::demo();
        let adult = s
            .complaints
            .iter_mut()
            .find(|c| c.year == fy("2017/18") && c.procedure == Procedure::AdultSocialCare)
            .expect("adult 2017/18");
        adult.outcomes.push(OutcomeCount {
            outcome: Outcome::NotInvestigated,
            count: 3,
        });
        // Saved outcomes are in the one order of the outcomes, as the packs list them.
        adult.outcomes.sort_by_key(|o| o.outcome);
        let form = form_of(&s, adult_2017());
        assert_eq!(form.text("received"), "540");
        let next = save_year(&s, Some(adult_2017()), &form)
            .expect("saves")
            .snapshot;
        assert_eq!(
            find(&next, fy("2017/18"), Procedure::AdultSocialCare),
            find(&s, fy("2017/18"), Procedure::AdultSocialCare)
        );
    }

    #[test]
    fn the_form_shows_the_demo_figures_as_typed() {
        let s = Snapshot::demo();
        let form = form_of(&s, adult_2017());
        assert_eq!(form.text("received"), "540");
        assert_eq!(form.text("outcome-still_open"), "116");
        assert_eq!(form.text("omb-settlements"), "630958.48");
        assert_eq!(form.text("cost"), "0");
        assert!(form
            .categories
            .starts_with("Care Provision: 128\nFinancial: 102"));
    }

    #[test]
    fn a_change_is_saved_and_said() {
        let s = Snapshot::demo();
        let mut form = form_of(&s, adult_2017());
        form.figures.insert("compliments", "620".into());
        let saved = save_year(&s, Some(adult_2017()), &form).expect("saves");
        assert_eq!(
            saved.choice,
            Choice {
                procedure: Procedure::AdultSocialCare,
                year: fy("2017/18")
            }
        );
        let (next, done) = (saved.snapshot, saved.done);
        assert_eq!(
            done,
            "Saved the 2017/18 figures for Adult social care (statutory)"
        );
        let c = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
        assert_eq!(c.compliments, Some(620));
        assert_eq!(
            c.source.as_deref(),
            Some("complaints-2017-18"),
            "its source is kept"
        );
        // One category bigger than the whole is refused at the list.
        form.categories.push_str("\nHome care: 1,020");
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["categories"]);
        assert_eq!(
            errors[0].message,
            "Home care has 1,020 complaints, more than the 540 received"
        );
    }

    #[test]
    fn parts_cannot_be_more_than_the_whole() {
        let s = Snapshot::demo();
        let mut form = form_of(&s, adult_2017());
        form.figures.insert("closed", "600".into());
        form.figures.insert("stage-0", "500".into());
        form.figures.insert("stage-1", "100".into());
        form.figures.insert("exceeded", "541".into());
        form.figures.insert("omb-investigations", "81".into());
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(
            fields_of(&errors),
            ["closed", "exceeded", "stage-0", "omb-investigations"]
        );
        assert_eq!(
            errors[0].message,
            "Closed complaints (600) cannot be more than complaints received (540)"
        );
        assert_eq!(
            errors[2].message,
            "The stages add up to 600, more than the 540 complaints received"
        );

        let mut form = form_of(&s, adult_2017());
        form.figures.insert("outcome-upheld", "300".into());
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(
            errors[0].message,
            "The outcomes of closed complaints add up to 466, more than the 425 closed"
        );
    }

    #[test]
    fn a_share_needs_its_base() {
        let s = Snapshot::demo();
        let mut form = form_of(&s, adult_2017());
        form.figures.remove("closed");
        form.figures.remove("received");
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["received", "closed"]);
        let mut form = form_of(&s, adult_2017());
        form.figures.insert("omb-investigations", String::new());
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["omb-decisions"]);
    }

    #[test]
    fn each_figure_is_read_as_people_type_it() {
        let s = Snapshot::demo();
        let mut form = form_of(&s, adult_2017());
        form.figures.insert("compliments", "six hundred".into());
        form.figures.insert("joint", "-2".into());
        form.figures.insert("stage-1", "12.5".into());
        form.figures.insert("cost", "£1.234".into());
        form.figures.insert("omb-settlements", "£7,100.50".into());
        form.compliments_by_service = "Day care provision 165\nDay Care Provision: 3".into();
        let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
        assert_eq!(
            fields_of(&errors),
            [
                "joint",
                "compliments",
                "stage-1",
                "cost",
                "compliments-by-service"
            ]
        );
        assert_eq!(
            errors[0].message,
            "Joint complaints with the NHS cannot be below zero"
        );
        assert_eq!(
            errors[2].message,
            "Stage 1 must be a whole number, like 540"
        );
        assert!(
            errors[4]
                .message
                .starts_with("Line 2 of the compliments by service repeats"),
            "{}",
            errors[4].message
        );
        form.figures.insert("compliments", "1,000".into());
        form.figures.insert("joint", "2".into());
        form.figures.insert("stage-1", "12".into());
        form.figures.insert("cost", "£1,234".into());
        form.compliments_by_service = "Day care provision 165\nHome care,\t20".into();
        let next = save_year(&s, Some(adult_2017()), &form)
            .expect("saves")
            .snapshot;
        let c = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
        assert_eq!(c.compliments, Some(1000));
        assert_eq!(c.investigation_cost, Some(1234.0));
        assert_eq!(
            c.ombudsman.as_ref().and_then(|o| o.settlements_paid),
            Some(7100.5)
        );
        assert_eq!(
            c.compliments_by_service[1],
            LabelledCount {
                label: "Home care".into(),
                count: 20
            }
        );
        let mut bad = form.clone();
        bad.categories = "Financial\nAssessment: 83".into();
        let errors = save_year(&s, Some(adult_2017()), &bad).expect_err("refused");
        assert_eq!(
            errors[0].message,
            "Line 1 of the services or categories needs a name then a whole number, like \u{201c}Financial: 102\u{201d}"
        );
    }

    #[test]
    fn a_new_year_needs_a_financial_year_a_procedure_and_a_figure() {
        let s = Snapshot::demo();
        let mut form = YearForm::blank(Procedure::Corporate);
        form.year = "Q1 2019/20".into();
        let errors = save_year(&s, None, &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["year"]);
        assert!(
            errors[0].message.contains("not \u{201c}Q1 2019/20\u{201d}"),
            "{}",
            errors[0].message
        );
        form.year = "2018/19".into();
        let errors = save_year(&s, None, &form).expect_err("refused");
        assert_eq!(errors[0].message, "There are already figures for Corporate (non-statutory) in 2018/19: change those instead");
        form.year = "2019/20".into();
        let errors = save_year(&s, None, &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["received"]);
        form.procedure = "nonsense".into();
        let errors = save_year(&s, None, &form).expect_err("refused");
        assert_eq!(fields_of(&errors), ["procedure"]);
        form.procedure = "corporate".into();
        form.figures.insert("received", "1,150".into());
        let saved = save_year(&s, None, &form).expect("adds");
        assert_eq!(
            saved.choice,
            Choice {
                procedure: Procedure::Corporate,
                year: fy("2019/20")
            }
        );
        let (next, done) = (saved.snapshot, saved.done);
        assert_eq!(
            done,
            "Added the 2019/20 figures for Corporate (non-statutory)"
        );
        assert_eq!(next.complaints.len(), s.complaints.len() + 1);
        assert_eq!(
            next.complaints.last().map(|c| (c.year, c.received)),
            Some((fy("2019/20"), Some(1150)))
        );
        // A new adult year goes among the adult years, in order.
        let mut adult = YearForm::blank(Procedure::AdultSocialCare);
        adult.year = "2013/14".into();
        adult.figures.insert("received", "400".into());
        let next = save_year(&s, None, &adult).expect("adds").snapshot;
        assert_eq!(next.complaints[0].year, fy("2013/14"));
        // Nothing is changed by a refusal: the input snapshot is borrowed, and the
        // record removed in another tab is said.
        let (gone, _) =
            remove_year(&s, fy("2017/18"), Procedure::AdultSocialCare).expect("removes");
        let errors =
            save_year(&gone, Some(adult_2017()), &form_of(&s, adult_2017())).expect_err("refused");
        assert!(errors[0].message.contains("another tab"));
    }

    #[test]
    fn an_address_names_the_year_to_change_only_where_it_is_held() {
        let s = Snapshot::demo();
        let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect()
        };
        assert_eq!(
            editing_of(
                &s,
                &q(&[("procedure", "adult_social_care"), ("year", "2017/18")])
            ),
            (Some(adult_2017()), Some(Procedure::AdultSocialCare))
        );
        assert_eq!(
            editing_of(&s, &q(&[("procedure", "corporate"), ("year", "2016/17")])),
            (None, Some(Procedure::Corporate)),
            "a year not held is added, for the procedure asked"
        );
        assert_eq!(editing_of(&s, &q(&[("procedure", "adults")])), (None, None));
    }

    #[test]
    fn a_case_list_replaces_the_counts_and_keeps_what_it_cannot_give() {
        let s = Snapshot::demo();
        let cases = crate::complaints::cases::read_cases(
            "reference,procedure,received,stage,category,outcome,acknowledged,responded
A-1,adult social care,2017-05-02,1,Financial,upheld,,2017-06-01
A-2,adult social care,2017-05-03,1,Financial,,,
K-1,corporate,2019-05-01,1,Highways,not upheld,2019-05-02,2019-05-30
K-2,corporate,2019-05-01,1,Highways,not upheld,2019-05-02,2019-05-10
",
        )
        .expect("reads");
        let summed = crate::complaints::cases::aggregate(&cases);
        let (next, changes) = apply_cases(&s, &summed);
        assert_eq!(
            changes,
            [
                CaseYear {
                    year: fy("2017/18"),
                    procedure: Procedure::AdultSocialCare,
                    before: Some(540),
                    received: 2,
                    exceeded: Some(0)
                },
                CaseYear {
                    year: fy("2019/20"),
                    procedure: Procedure::Corporate,
                    before: None,
                    received: 2,
                    exceeded: Some(1)
                },
            ]
        );
        let adult = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
        assert_eq!(adult.received, Some(2));
        assert_eq!(adult.compliments, Some(615), "compliments are kept");
        assert!(
            adult.ombudsman.is_some(),
            "the Ombudsman's figures are kept"
        );
        assert_eq!(
            adult
                .notes
                .iter()
                .filter(|n| n.starts_with(CASE_NOTE))
                .count(),
            1
        );
        // Bringing the same list in twice leaves one case-list note.
        let (again, _) = apply_cases(&next, &summed);
        let adult = find(&again, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
        assert_eq!(
            adult
                .notes
                .iter()
                .filter(|n| n.starts_with(CASE_NOTE))
                .count(),
            1
        );
        assert_eq!(again.complaints.len(), s.complaints.len() + 1);
    }
}
