//! The chosen year at a glance: four headline figures, then every other
//! figure held.

use super::{find, n, ombudsman_upheld, percent, pounds, received_change, Choice};
use crate::domain::snapshot::Snapshot;
use crate::text::capitalise;

/// A headline figure: what it counts, the number, and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub label: &'static str,
    pub value: String,
    pub detail: Option<String>,
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
