//! Adding an indicator (to a service area, or to a new one named on the
//! same form), and adding or renaming a service area.

use crate::domain::rag::Polarity;
use crate::domain::snapshot::Snapshot;
use crate::text::{read_number, slug};

fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { "item" } else { base };
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// A new indicator as typed: its name, service area id, unit and polarity words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewIndicator {
    pub name: String,
    /// A service area's id, or [`NEW_AREA`] to add the one named in `new_area`.
    pub service_area: String,
    /// The name of a service area to add with the indicator.
    pub new_area: String,
    /// A unit's key: "count", "percent", "rate_per_10000", ...
    pub unit: String,
    /// "high", "low" or "none".
    pub polarity: String,
    /// A standing target, as typed ("50%", "4.5"); empty for none.
    pub target: String,
}

/// The service-area choice that adds a new area with the indicator.
pub const NEW_AREA: &str = "+new";

/// The units an officer can choose, with their words.
pub const UNITS: [(&str, crate::domain::value::Unit); 8] = {
    use crate::domain::value::Unit;
    [
        ("count", Unit::Count),
        ("number", Unit::Number),
        ("percent", Unit::Percent),
        ("rate_per_1000", Unit::RatePer1000),
        ("rate_per_10000", Unit::RatePer10000),
        ("rate_per_100000", Unit::RatePer100000),
        ("days", Unit::Days),
        ("money", Unit::Money),
    ]
};

/// Adds an indicator with an id made from its name; returns the snapshot and the id.
pub fn add_indicator(
    snapshot: &Snapshot,
    new: &NewIndicator,
) -> Result<(Snapshot, String), Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::indicator::Indicator;
    use crate::domain::snapshot::FieldError;
    let mut errors = vec![];
    let name = new.name.trim();
    if name.is_empty() {
        errors.push(FieldError {
            field: "new-name",
            message: "Enter the indicator's name as the pack words it".to_owned(),
        });
    }
    // A new service area from the same form: checked as the area form checks it.
    let mut base = snapshot.clone();
    let mut area = new.service_area.clone();
    if new.service_area == NEW_AREA {
        match save_service_area(snapshot, None, &new.new_area, "") {
            Ok((with_area, id)) => {
                base = with_area;
                area = id;
            }
            Err(area_errors) => errors.extend(area_errors.into_iter().map(|e| FieldError {
                field: "new-area-name",
                message: e.message,
            })),
        }
    } else if snapshot.service_area(&new.service_area).is_none() {
        errors.push(FieldError {
            field: "new-area",
            message: "Choose the service area it belongs to, or add a new one".to_owned(),
        });
    }
    let unit = UNITS
        .iter()
        .find(|(key, _)| *key == new.unit)
        .map(|(_, u)| *u);
    if unit.is_none() {
        errors.push(FieldError {
            field: "new-unit",
            message: "Choose what the figures measure".to_owned(),
        });
    }
    let polarity = match new.polarity.as_str() {
        "high" => Some(Polarity::High),
        "low" => Some(Polarity::Low),
        "none" => Some(Polarity::None),
        _ => {
            errors.push(FieldError {
                field: "new-polarity",
                message: "Choose whether a high or a low figure is good, or neither".to_owned(),
            });
            None
        }
    };
    let target = if new.target.trim().is_empty() {
        None
    } else {
        match (read_number(&new.target), polarity) {
            (_, Some(Polarity::None)) => {
                errors.push(FieldError {
                    field: "new-target",
                    message: "An indicator that is context only (good is neither) has no target to meet: leave the target empty, or set one close to which it should stay on its page afterwards".to_owned(),
                });
                None
            }
            (Some(value), _) if value >= 0.0 => Some(crate::domain::rag::Target {
                value,
                rule: crate::domain::rag::TargetRule::Directional {
                    amber_within: snapshot.settings.amber_within,
                },
            }),
            _ => {
                errors.push(FieldError {
                    field: "new-target",
                    message:
                        "Enter the target as a number, for example 50% or 4.5, or leave it empty"
                            .to_owned(),
                });
                None
            }
        }
    };
    let (Some(unit), Some(polarity), true) = (unit, polarity, errors.is_empty()) else {
        return Err(errors);
    };
    let id = unique_id(&slug(name), |id| base.indicators.iter().any(|i| i.id == id));
    let mut next = base;
    // After the area's last indicator, so the tables keep the pack's order.
    let at = next
        .indicators
        .iter()
        .rposition(|i| i.service_area == area)
        .map_or(next.indicators.len(), |i| i + 1);
    let mut indicator = Indicator::new(&id, &area, name, unit, polarity);
    indicator.target = target;
    next.indicators.insert(at, indicator);
    Ok((next, id))
}

/// Adds a service area, or renames one (`id` given); names must be unique.
pub fn save_service_area(
    snapshot: &Snapshot,
    id: Option<&str>,
    name: &str,
    directorate: &str,
) -> Result<(Snapshot, String), Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::indicator::ServiceArea;
    use crate::domain::snapshot::FieldError;
    let name = name.trim();
    if name.is_empty() {
        return Err(vec![FieldError {
            field: "area-name",
            message: "Enter the service area's name".to_owned(),
        }]);
    }
    if snapshot
        .service_areas
        .iter()
        .any(|a| Some(a.id.as_str()) != id && a.name.eq_ignore_ascii_case(name))
    {
        return Err(vec![FieldError {
            field: "area-name",
            message: format!("There is already a service area called {name}"),
        }]);
    }
    let directorate = (!directorate.trim().is_empty()).then(|| directorate.trim().to_owned());
    let mut next = snapshot.clone();
    match id {
        Some(id) => {
            let Some(area) = next.service_areas.iter_mut().find(|a| a.id == id) else {
                return Err(vec![FieldError {
                    field: "area-name",
                    message: format!("There is no service area with the id {id}"),
                }]);
            };
            area.name = name.to_owned();
            area.directorate = directorate;
            Ok((next, id.to_owned()))
        }
        None => {
            let id = unique_id(&slug(name), |x| {
                snapshot.service_areas.iter().any(|a| a.id == x)
            });
            next.service_areas.push(ServiceArea {
                id: id.clone(),
                name: name.to_owned(),
                directorate,
                commentary: vec![],
            });
            Ok((next, id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_indicators_and_areas_get_ids_from_their_names() {
        assert_eq!(slug("Children's Social Care"), "childrens-social-care");
        assert_eq!(slug("% of A&E waits < 4 hours"), "of-a-e-waits-4-hours");
        let demo = Snapshot::demo();
        let (with_area, area) =
            save_service_area(&demo, None, "Trading Standards", "Growth").expect("new area");
        assert_eq!(area, "trading-standards");
        let new = NewIndicator {
            name: "Number of contacts during the year".into(),
            service_area: "childrens-social-care".into(),
            unit: "count".into(),
            polarity: "none".into(),
            ..NewIndicator::default()
        };
        let (next, id) = add_indicator(&with_area, &new).expect("valid");
        assert_eq!(id, "number-of-contacts-during-the-year");
        let (again, second) = add_indicator(&next, &new).expect("valid");
        assert_eq!(second, "number-of-contacts-during-the-year-2");
        // Placed after the area's last indicator, before the next area's.
        let pos = again
            .indicators
            .iter()
            .position(|i| i.id == second)
            .expect("added");
        assert_eq!(again.indicators[pos - 1].id, id);
        assert_eq!(again.indicators[pos + 1].service_area, "adoptions");
        assert_eq!(crate::file::validate::validate(&again), vec![]);

        let errors = add_indicator(&demo, &NewIndicator::default()).expect_err("empty");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["new-name", "new-area", "new-unit", "new-polarity"]);
        let dup = save_service_area(&demo, None, "adoptions", "").expect_err("duplicate name");
        assert!(dup[0]
            .message
            .contains("already a service area called adoptions"));
        let (renamed, _) =
            save_service_area(&demo, Some("adoptions"), "Adoption and fostering", "")
                .expect("rename");
        assert_eq!(
            renamed.service_area("adoptions").map(|a| a.name.as_str()),
            Some("Adoption and fostering")
        );
    }

    #[test]
    fn an_indicator_brings_its_new_service_area_and_its_target() {
        let empty = Snapshot::empty(
            "Anytown",
            "Scrutiny",
            chrono::NaiveDate::from_ymd_opt(2026, 9, 30).expect("date"),
        );
        let new = NewIndicator {
            name: "Household waste recycled".into(),
            service_area: NEW_AREA.into(),
            new_area: "Waste".into(),
            unit: "percent".into(),
            polarity: "high".into(),
            target: "50%".into(),
        };
        let (next, id) = add_indicator(&empty, &new).expect("valid");
        assert_eq!(next.service_areas.len(), 1);
        assert_eq!(next.service_areas[0].name, "Waste");
        let added = next.indicators.iter().find(|i| i.id == id).expect("added");
        assert_eq!(added.service_area, "waste");
        let target = added.target.expect("a target");
        assert_eq!(target.value, 50.0);
        assert_eq!(
            target.rule,
            crate::domain::rag::TargetRule::Directional {
                amber_within: empty.settings.amber_within
            }
        );
        assert_eq!(crate::file::validate::validate(&next), vec![]);

        // Each fault at its own field, and nothing added.
        let bad = NewIndicator {
            new_area: " ".into(),
            target: "lots".into(),
            ..new.clone()
        };
        let fields: Vec<_> = add_indicator(&empty, &bad)
            .expect_err("refused")
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["new-area-name", "new-target"]);
        let context_only = NewIndicator {
            polarity: "none".into(),
            ..new.clone()
        };
        let refused = add_indicator(&empty, &context_only).expect_err("no target to meet");
        assert_eq!(refused[0].field, "new-target");
        let taken = NewIndicator {
            new_area: "waste".into(),
            ..new
        };
        let again = add_indicator(&next, &taken).expect_err("the area exists");
        assert!(
            again[0]
                .message
                .contains("already a service area called waste"),
            "{:?}",
            again
        );
    }
}
