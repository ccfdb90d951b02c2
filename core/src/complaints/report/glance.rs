//! The chosen year at a glance: four headline figures, then every other
//! figure held.

use super::ombudsman::base_word;
use super::{find, n, ombudsman_upheld, percent, pounds, received_change, Choice};
use crate::domain::complaints::ComplaintsYear;
use crate::domain::snapshot::Snapshot;
use crate::text::capitalise;

/// A headline figure: what it counts, the number, and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub label: &'static str,
    pub value: String,
    pub detail: Option<String>,
}

/// "2% of 540 received", or "Of 15 received" for a small base.
fn of_base(part: u32, base: u32, what: &str) -> String {
    match percent(part, base) {
        Some(p) => format!("{p}% of {} {what}", n(base)),
        None => format!("Of {} {what}", n(base)),
    }
}

/// Up to four headline figures: received, compliments, beyond the
/// timescale, upheld by the Ombudsman.
fn headlines(snapshot: &Snapshot, choice: &Choice, c: &ComplaintsYear) -> Vec<Headline> {
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
            detail: Some(of_base(over, base, "received")),
        });
    }
    if let Some((upheld, base)) = ombudsman_upheld(c) {
        headline.push(Headline {
            label: "Upheld by the Ombudsman",
            value: n(upheld),
            detail: Some(of_base(upheld, base, base_word(c))),
        });
    }
    headline
}

/// Every other figure held, as (label, value), and the source's title.
fn others(snapshot: &Snapshot, c: &ComplaintsYear) -> Vec<(&'static str, String)> {
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
    more
}

/// The chosen year at a glance: up to four headline figures (received,
/// compliments, beyond the timescale, upheld by the Ombudsman), then every
/// other figure held, as (label, value).
pub fn glance(
    snapshot: &Snapshot,
    choice: &Choice,
) -> (Vec<Headline>, Vec<(&'static str, String)>) {
    match find(snapshot, choice.year, choice.procedure) {
        Some(c) => (headlines(snapshot, choice, c), others(snapshot, c)),
        None => (vec![], vec![]),
    }
}
