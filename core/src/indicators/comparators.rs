//! Comparators typed by hand: England, regional and statistical neighbour
//! figures, their labels, the usual region's name, saving and removing.

use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::text::capitalise;

/// What a comparator is called, with its period: "England average
/// (2017/18)", "North West average (period not stated)".
pub fn comparator_label(
    kind: crate::domain::indicator::ComparatorKind,
    name: Option<&str>,
    period: Option<&Period>,
) -> String {
    use crate::domain::indicator::ComparatorKind;
    let who = match (kind, name) {
        (ComparatorKind::Region, Some(name)) if !name.trim().is_empty() => {
            format!("{} average", name.trim())
        }
        _ => kind.label().to_owned(),
    };
    match period {
        Some(p) => format!("{who} ({p})"),
        None => format!("{who} (period not stated)"),
    }
}

/// The region's name other indicators give their regional comparators (the
/// most used, the first met where two are used as often): what a new
/// regional comparator is prefilled with.
pub fn usual_region_name(snapshot: &Snapshot) -> Option<String> {
    use crate::domain::indicator::ComparatorKind;
    let mut counts: Vec<(&str, usize)> = vec![];
    for c in snapshot.indicators.iter().flat_map(|i| &i.comparators) {
        let Some(name) = c.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        if c.kind != ComparatorKind::Region {
            continue;
        }
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    let most = counts.iter().map(|(_, c)| *c).max()?;
    counts
        .iter()
        .find(|(_, c)| *c == most)
        .map(|(n, _)| (*n).to_owned())
}

/// A comparator as typed into an indicator's "Comparators" form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComparatorForm {
    /// "england", "region" or "statistical_neighbours".
    pub kind: String,
    /// The region's name, e.g. "North West"; read for a regional comparator only.
    pub name: String,
    /// As the pack prints it: "2017/18", "Q1 2018/19", "Apr 17 - Mar 18"; blank where it does not say.
    pub period: String,
    /// As the pack prints it: "17.3%", "64.0", "1,412 / 57.5", "-".
    pub value: String,
}

impl ComparatorForm {
    /// An empty form, with the region's name other indicators use.
    pub fn new(snapshot: &Snapshot) -> ComparatorForm {
        ComparatorForm {
            name: usual_region_name(snapshot).unwrap_or_default(),
            ..ComparatorForm::default()
        }
    }
}

/// The comparator kinds an officer can choose, with their form keys.
pub const COMPARATOR_KINDS: [(&str, crate::domain::indicator::ComparatorKind); 3] = {
    use crate::domain::indicator::ComparatorKind;
    [
        ("england", ComparatorKind::England),
        ("region", ComparatorKind::Region),
        (
            "statistical_neighbours",
            ComparatorKind::StatisticalNeighbours,
        ),
    ]
};

fn example_figure(unit: crate::domain::value::Unit) -> &'static str {
    use crate::domain::value::Unit;
    match unit {
        Unit::Percent => "17.3%",
        Unit::Money => "\u{a3}2,300",
        Unit::Count => "1,412",
        _ => "64.0",
    }
}

/// The snapshot with the form's comparator added to indicator `id`, or
/// replacing the one held of the same kind and period (the last listed,
/// where several are). A figure typed by hand has no source. An unchanged
/// figure and name leave the snapshot as it is. Every fault is named at its
/// field ("kind", "name", "period", "value") and nothing changes.
pub fn save_comparator(
    snapshot: &Snapshot,
    id: &str,
    form: &ComparatorForm,
) -> Result<Snapshot, Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::indicator::{Comparator, ComparatorKind};
    use crate::domain::snapshot::FieldError;
    let Some(indicator) = snapshot.indicators.iter().find(|i| i.id == id) else {
        return Err(vec![FieldError {
            field: "kind",
            message: format!("There is no indicator with the id {id}"),
        }]);
    };
    let mut errors = vec![];
    let kind = COMPARATOR_KINDS
        .iter()
        .find(|(key, _)| *key == form.kind)
        .map(|(_, k)| *k);
    if kind.is_none() {
        errors.push(FieldError {
            field: "kind",
            message: "Choose whose figure this is: England, the region or statistical neighbours"
                .to_owned(),
        });
    }
    let name = form.name.trim();
    if kind == Some(ComparatorKind::Region) && name.is_empty() {
        errors.push(FieldError {
            field: "name",
            message: "Enter the region's name as the pack heads its column, for example North West"
                .to_owned(),
        });
    }
    let period_text = form.period.trim();
    let period = if period_text.is_empty() {
        None
    } else {
        match period_text.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FieldError {
                    field: "period",
                    message: capitalise(&e.to_string()),
                });
                None
            }
        }
    };
    let value_text = form.value.trim();
    let value = if value_text.is_empty() {
        errors.push(FieldError {
            field: "value",
            message: format!(
                "Enter the figure as the pack prints it, for example {}, or - where it shows none",
                example_figure(indicator.unit)
            ),
        });
        None
    } else {
        match Value::parse(value_text, indicator.unit) {
            Ok(v) => match v.range_problem(indicator.unit) {
                Some(problem) => {
                    errors.push(FieldError {
                        field: "value",
                        message: capitalise(&problem),
                    });
                    None
                }
                None => Some(v),
            },
            Err(e) => {
                errors.push(FieldError {
                    field: "value",
                    message: capitalise(&e.to_string()),
                });
                None
            }
        }
    };
    let (Some(kind), Some(value), true) = (kind, value, errors.is_empty()) else {
        return Err(errors);
    };
    let name = (kind == ComparatorKind::Region).then(|| name.to_owned());
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(errors);
    };
    let same = indicator
        .comparators
        .iter()
        .rposition(|c| c.kind == kind && c.period == period);
    match same {
        Some(j) => {
            let held = &mut indicator.comparators[j];
            if held.value != value || held.name != name {
                held.value = value;
                held.name = name;
                held.source = None;
            }
        }
        None => indicator.comparators.push(Comparator {
            kind,
            name,
            period,
            value,
            source: None,
        }),
    }
    Ok(next)
}

/// The snapshot without `held`, one of indicator `id`'s comparators (the
/// first equal to it), or why it cannot be removed.
pub fn remove_comparator(
    snapshot: &Snapshot,
    id: &str,
    held: &crate::domain::indicator::Comparator,
) -> Result<Snapshot, Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::snapshot::FieldError;
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(vec![FieldError {
            field: "kind",
            message: format!("There is no indicator with the id {id}"),
        }]);
    };
    let Some(at) = indicator.comparators.iter().position(|c| c == held) else {
        return Err(vec![FieldError {
            field: "kind",
            message: format!(
                "The {} is no longer held, so there is nothing to remove",
                comparator_label(held.kind, held.name.as_deref(), held.period.as_ref())
            ),
        }]);
    };
    indicator.comparators.remove(at);
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comparator_form(kind: &str, name: &str, period: &str, value: &str) -> ComparatorForm {
        ComparatorForm {
            kind: kind.into(),
            name: name.into(),
            period: period.into(),
            value: value.into(),
        }
    }

    #[test]
    fn a_comparator_is_added_or_replaces_the_one_of_its_kind_and_period() {
        use crate::domain::indicator::ComparatorKind;
        let demo = Snapshot::demo();
        assert_eq!(usual_region_name(&demo).as_deref(), Some("North West"));
        assert_eq!(ComparatorForm::new(&demo).name, "North West");
        let cla = |s: &Snapshot| {
            s.indicators
                .iter()
                .find(|i| i.id == "children-looked-after")
                .expect("CLA")
                .comparators
                .clone()
        };
        let held = cla(&demo).len();
        let next = save_comparator(
            &demo,
            "children-looked-after",
            &comparator_form("region", " North West ", "2018/19", "88.1"),
        )
        .expect("valid");
        let added = cla(&next);
        assert_eq!(added.len(), held + 1);
        let region = added.last().expect("added");
        assert_eq!(
            (
                region.kind,
                region.name.as_deref(),
                region.period,
                region
                    .value
                    .display(crate::domain::value::Unit::RatePer10000),
                region.source.as_deref()
            ),
            (
                ComparatorKind::Region,
                Some("North West"),
                Some("2018/19".parse().expect("y")),
                "88.1".to_owned(),
                None
            )
        );
        assert_eq!(
            comparator_label(region.kind, region.name.as_deref(), region.period.as_ref()),
            "North West average (2018/19)"
        );
        assert_eq!(crate::file::validate::validate(&next), vec![]);

        // The same kind and period again replaces it; the same figure changes nothing.
        let replaced = save_comparator(
            &next,
            "children-looked-after",
            &comparator_form("region", "North West", "2018/19", "88.3"),
        )
        .expect("valid");
        assert_eq!(cla(&replaced).len(), held + 1);
        assert_eq!(
            cla(&replaced).last().and_then(|c| c.value.number()),
            Some(88.3)
        );
        let same = save_comparator(
            &replaced,
            "children-looked-after",
            &comparator_form("region", "North West", "2018/19", "88.3"),
        )
        .expect("valid");
        assert_eq!(same, replaced);

        // Of the two England averages stating no period, the later is replaced,
        // and a name typed for England is not kept.
        let england = save_comparator(
            &demo,
            "children-looked-after",
            &comparator_form("england", "North West", "", "65.0"),
        )
        .expect("valid");
        let figures: Vec<(Option<f64>, Option<String>)> = cla(&england)
            .iter()
            .filter(|c| c.kind == ComparatorKind::England)
            .map(|c| (c.value.number(), c.name.clone()))
            .collect();
        assert_eq!(figures, [(Some(62.0), None), (Some(65.0), None)]);

        // Removing takes out that one only; it cannot be removed twice.
        let first = cla(&demo)[0].clone();
        let removed = remove_comparator(&demo, "children-looked-after", &first).expect("held");
        assert_eq!(cla(&removed), cla(&demo)[1..]);
        let again = remove_comparator(&removed, "children-looked-after", &first)
            .expect_err("no longer held");
        assert_eq!(
            again[0].message,
            "The England average (period not stated) is no longer held, so there is nothing to remove"
        );
        assert!(remove_comparator(&demo, "nobody", &first).is_err());
    }

    #[test]
    fn comparator_forms_are_refused_field_by_field_and_nothing_changes() {
        let demo = Snapshot::demo();
        let fields = |id: &str, form: ComparatorForm| -> Vec<(&'static str, String)> {
            save_comparator(&demo, id, &form)
                .expect_err("refused")
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect()
        };
        assert_eq!(
            fields("children-looked-after", comparator_form("", "", "", "")),
            [
                ("kind", "Choose whose figure this is: England, the region or statistical neighbours".to_owned()),
                ("value", "Enter the figure as the pack prints it, for example 64.0, or - where it shows none".to_owned()),
            ]
        );
        let three = fields(
            "children-looked-after",
            comparator_form("region", " ", "Q9 2019/20", "abc"),
        );
        let named: Vec<&str> = three.iter().map(|(f, _)| *f).collect();
        assert_eq!(named, ["name", "period", "value"]);
        assert_eq!(
            three[0].1,
            "Enter the region's name as the pack heads its column, for example North West"
        );
        assert!(
            three[1]
                .1
                .starts_with("\u{201c}Q9 2019/20\u{201d} is not a period Scrutineer recognises"),
            "{}",
            three[1].1
        );
        assert!(
            three[2]
                .1
                .starts_with("\u{201c}abc\u{201d} is not a figure."),
            "{}",
            three[2].1
        );
        assert_eq!(
            fields(
                "re-referrals",
                comparator_form("england", "", "2018/19", "140%")
            ),
            [(
                "value",
                "A percentage must be from 0 to 100, not 140".to_owned()
            )]
        );
        assert_eq!(
            fields("children-looked-after", comparator_form("statistical_neighbours", "", "", "57%")),
            [("value", "\u{201c}57%\u{201d} has a % sign but this measure is rate per 10,000, not a percentage".to_owned())]
        );
        assert_eq!(
            fields("nobody", comparator_form("england", "", "", "1")),
            [(
                "kind",
                "There is no indicator with the id nobody".to_owned()
            )]
        );
        // Any period the packs print is taken, and "-" keeps a comparator the pack shows as missing.
        let next = save_comparator(
            &demo,
            "re-referrals",
            &comparator_form("statistical_neighbours", "", "Apr 17 - Mar 18", "-"),
        )
        .expect("valid");
        assert_eq!(crate::file::validate::validate(&next), vec![]);
    }
}
