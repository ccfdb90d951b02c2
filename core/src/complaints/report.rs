//! The complaints annual report as figures for charts: which years to show,
//! each chart's series and data table, a plain-English sentence per chart,
//! and the figures that do not add up.
//!
//! Percentages are only ever worked out here, from a count and its base;
//! a base under [`SMALL_BASE`] gives the counts instead. This file holds
//! what every chart shares (the held years, shares, changes); each chart
//! has a file of its own below `report/`.

mod categories;
mod checks;
mod choice;
mod figure;
mod glance;
mod ombudsman;
mod outcomes;
mod stages;
mod timeliness;
mod trend;

pub use categories::categories;
pub use checks::checks;
pub(crate) use choice::asked;
pub use choice::{add_figures_href, report_href, Choice};
pub use figure::{Figure, Table};
pub use glance::{glance, Headline};
pub use ombudsman::{ombudsman, ombudsman_upheld};
pub use outcomes::outcomes;
pub use stages::stages;
pub use timeliness::timeliness;
pub use trend::{compliments, received_change, received_sentence, trend};

use crate::domain::complaints::{ComplaintsYear, Outcome, Procedure};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::group_thousands;
use crate::sort;

pub use crate::domain::small::SMALL_BASE;

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
    sort::by(&mut years, |a, b| a.timeline_cmp(b));
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

/// Pounds as the report prints them: "£7,100", "£630,958.48".
pub(crate) fn pounds(amount: f64) -> String {
    let decimals = if amount.fract() == 0.0 { 0 } else { 2 };
    format!("£{}", group_thousands(amount, decimals))
}

#[cfg(test)]
mod tests;
