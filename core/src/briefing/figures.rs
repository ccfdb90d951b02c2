//! Indicator figures that do not add up: a percentage or a rate that its
//! own count and population do not give, or a part larger than its whole.
//! (A percentage outside 0 to 100 never gets this far: a file holding one
//! is refused when it is opened.)

use super::{figure_source, indicator_href, is_share, Point, Section};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{group_thousands, Unit, Value};
use crate::indicators::details::exact_decimals;

/// How far a figure worked out from its count and population may sit from
/// the figure given and still be taken as the same: one part in a hundred
/// of the figure (a population rounded to the nearest hundred moves a rate
/// by less), and never less than half the last decimal place shown.
pub const SHARE_ALLOWANCE: f64 = 0.01;

fn count(x: f64) -> String {
    group_thousands(x, exact_decimals(x, 0))
}

/// What is wrong with `value`, a figure of an indicator measured in
/// `unit`, where its parts do not give it; `None` where they do or where
/// it gives no parts to check.
pub fn figure_fault(unit: Unit, value: &Value) -> Option<String> {
    let Value::Figure {
        value,
        decimals,
        numerator: Some(part),
        denominator: Some(whole),
    } = *value
    else {
        return None;
    };
    if !is_share(unit) {
        return None;
    }
    if unit == Unit::Percent && part > whole {
        return Some(format!(
            "{} is more than the {} it is a percentage of.",
            count(part),
            count(whole)
        ));
    }
    if whole <= 0.0 {
        return Some(format!(
            "{} is given as a share of {}, which has nothing to share.",
            count(part),
            count(whole)
        ));
    }
    let base = unit.rate_base().unwrap_or(100.0);
    let worked = part / whole * base;
    let half_place = 0.5 / 10f64.powi(i32::from(decimals));
    let allowed = (value.abs() * SHARE_ALLOWANCE).max(half_place) + 1e-9;
    if (worked - value).abs() <= allowed {
        return None;
    }
    let factor = 10f64.powi(i32::from(decimals));
    let shown = |x: f64| Value::figure((x * factor).round() / factor, decimals).display(unit);
    let per = match unit {
        Unit::Percent => format!("{} of {} is {}", count(part), count(whole), shown(worked)),
        _ => format!(
            "{} in a population of {} gives a {} of {}",
            count(part),
            count(whole),
            unit.describe(),
            shown(worked)
        ),
    };
    Some(format!("{per}, not the {} given.", shown(value)))
}

/// Every figure of every indicator whose parts do not give it.
pub(super) fn not_adding_up(snapshot: &Snapshot) -> Section {
    let mut points = vec![];
    for i in snapshot.indicators.iter() {
        for o in &i.values {
            if let Some(fault) = figure_fault(i.unit, &o.value) {
                points.push(Point {
                    label: i.name.clone(),
                    href: indicator_href(i),
                    why: format!("{}: {fault}", o.period),
                    ask: "Which figure is right: the count, the population or the figure reported?"
                        .to_owned(),
                    source: figure_source(snapshot, i, o),
                });
            }
        }
    }
    Section {
        key: "figures",
        heading: "Indicator figures that do not add up".to_owned(),
        points,
    }
}
