//! What an indicator's own page says: the details at its head, its figures
//! in order with their sources, and a rate with what it is per.

use crate::domain::indicator::{Indicator, Observation};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{group_thousands, Unit, Value};
use crate::indicators::details::{polarity_choice, target_text};
use crate::sort;

/// The rows at the head of an indicator's page, each a label and its
/// words: service area, polarity and unit always; definition, owner,
/// source and target where it has them.
pub fn summary_rows(snapshot: &Snapshot, indicator: &Indicator) -> Vec<(&'static str, String)> {
    let area = snapshot
        .service_area(&indicator.service_area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let optional = [
        ("Definition", indicator.definition.clone()),
        ("Owner", indicator.owner.clone()),
        (
            "Source",
            indicator
                .source
                .as_deref()
                .and_then(|id| snapshot.source(id))
                .map(|s| s.title.clone()),
        ),
        ("Target", target_text(indicator)),
    ];
    let always = [
        ("Service area", area),
        ("Good is", polarity_choice(indicator.polarity).1.to_owned()),
        ("Measured as", indicator.unit.describe().to_owned()),
    ];
    always
        .into_iter()
        .chain(
            optional
                .into_iter()
                .filter_map(|(label, words)| words.map(|w| (label, w))),
        )
        .collect()
}

/// The indicator's figures as its table lists them: by the end of their
/// period, oldest first; of two ending together, the shorter (a quarter)
/// before the longer (its year).
pub fn figures_in_order(indicator: &Indicator) -> Vec<&Observation> {
    let mut values: Vec<&Observation> = indicator.values.iter().collect();
    sort::by_key(&mut values, |o| {
        (o.period.end(), std::cmp::Reverse(o.period.start()))
    });
    values
}

/// The title of the source with id `id`; empty where there is none, or no
/// such source.
pub fn source_title(snapshot: &Snapshot, id: Option<&str>) -> String {
    id.and_then(|id| snapshot.source(id))
        .map(|s| s.title.clone())
        .unwrap_or_default()
}

/// A figure as its table shows it: "1,412 / 57.5 per 10,000", a rate
/// saying what it is per beside its number; a percentage of fewer than 20
/// as its count, "7 of 15" (see [`crate::domain::small`]).
pub fn figure_text(value: &Value, unit: Unit) -> String {
    let shown = crate::domain::small::reading(value, unit);
    match (unit.rate_base(), value.number()) {
        (Some(base), Some(_)) => format!("{shown} per {}", group_thousands(base, 0)),
        _ => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::MissingReason;

    fn cla(s: &Snapshot) -> &Indicator {
        s.indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA")
    }

    #[test]
    fn the_head_of_the_page_shows_what_the_indicator_has() {
        let mut s = Snapshot::demo();
        let labels = |s: &Snapshot| -> Vec<&'static str> {
            summary_rows(s, cla(s))
                .into_iter()
                .map(|(l, _)| l)
                .collect()
        };
        let rows = summary_rows(&s, cla(&s));
        let area = s
            .service_area(&cla(&s).service_area)
            .map(|a| a.name.clone())
            .expect("its area");
        assert_eq!(rows[0], ("Service area", area));
        assert_eq!(
            rows[1],
            ("Good is", polarity_choice(cla(&s).polarity).1.to_owned())
        );
        assert_eq!(rows[2], ("Measured as", "rate per 10,000".to_owned()));
        let at = s
            .indicators
            .iter()
            .position(|i| i.id == "children-looked-after")
            .expect("CLA");
        let source = s.sources.first().map(|x| (x.id.clone(), x.title.clone()));
        let (source_id, title) = source.expect("the demo has sources");
        let indicator = &mut s.indicators[at];
        indicator.definition = Some("Children in care".into());
        indicator.owner = None;
        indicator.source = Some(source_id);
        indicator.target = None;
        assert_eq!(
            labels(&s),
            [
                "Service area",
                "Good is",
                "Measured as",
                "Definition",
                "Source"
            ]
        );
        assert_eq!(summary_rows(&s, cla(&s))[4], ("Source", title));
        let indicator = &mut s.indicators[at];
        indicator.definition = None;
        indicator.source = Some("no-such-source".into());
        assert_eq!(labels(&s), ["Service area", "Good is", "Measured as"]);
    }

    #[test]
    fn figures_are_listed_oldest_first_with_a_quarter_before_its_year() {
        let s = Snapshot::demo();
        let order = figures_in_order(cla(&s));
        assert_eq!(order.len(), cla(&s).values.len());
        for pair in order.windows(2) {
            let (a, b) = (pair[0].period, pair[1].period);
            assert!(
                a.end() < b.end() || (a.end() == b.end() && a.start() >= b.start()),
                "{a} before {b}"
            );
        }
    }

    #[test]
    fn a_source_is_named_by_its_title() {
        let s = Snapshot::demo();
        let first = s.sources.first().expect("the demo has sources");
        assert_eq!(source_title(&s, Some(&first.id)), first.title);
        assert_eq!(source_title(&s, Some("no-such-source")), "");
        assert_eq!(source_title(&s, None), "");
    }

    #[test]
    fn a_rate_says_what_it_is_per() {
        let rate = Value::Figure {
            value: 57.5,
            decimals: 1,
            numerator: Some(1412.0),
            denominator: None,
        };
        assert_eq!(
            figure_text(&rate, Unit::RatePer10000),
            "1,412 / 57.5 per 10,000"
        );
        assert_eq!(figure_text(&Value::figure(4.5, 1), Unit::Days), "4.5");
        let missing = Value::Missing {
            reason: MissingReason::NotReported,
        };
        assert_eq!(
            figure_text(&missing, Unit::RatePer1000),
            MissingReason::NotReported.label()
        );
    }
}
