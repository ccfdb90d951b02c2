//! Adding an indicator (to a service area, or to a new one named on the
//! same form), and adding or renaming a service area.

use crate::domain::indicator::{Indicator, ServiceArea};
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Unit;
use crate::form::{FieldError, FormField};
use crate::indicators::details::polarity_choice;
use crate::text::{read_number, slug};

/// The fields of the add-indicator form, by their element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewIndicatorField {
    Name,
    /// The service area chosen (or [`NEW_AREA`]).
    Area,
    /// The name of a new service area added with the indicator.
    AreaName,
    Unit,
    Polarity,
    Target,
}

impl FormField for NewIndicatorField {
    fn id(self) -> String {
        match self {
            NewIndicatorField::Name => "new-name",
            NewIndicatorField::Area => "new-area",
            NewIndicatorField::AreaName => "new-area-name",
            NewIndicatorField::Unit => "new-unit",
            NewIndicatorField::Polarity => "new-polarity",
            NewIndicatorField::Target => "new-target",
        }
        .to_owned()
    }
}

/// The fields of the service area form, by their element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaField {
    /// Which area to rename, or none for a new one.
    Which,
    Name,
    Directorate,
}

impl FormField for AreaField {
    fn id(self) -> String {
        match self {
            AreaField::Which => "area-which",
            AreaField::Name => "area-name",
            AreaField::Directorate => "area-directorate",
        }
        .to_owned()
    }
}

pub(crate) fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
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
    /// What the figures measure; `None` until chosen (or where the page
    /// sent a key [`UNITS`] does not hold).
    pub unit: Option<Unit>,
    /// "Good is"; `None` until chosen, as `unit`.
    pub polarity: Option<Polarity>,
    /// A standing target, as typed ("50%", "4.5"); empty for none.
    pub target: String,
}

impl NewIndicator {
    /// Whether the form adds a new service area with the indicator.
    pub fn adds_area(&self) -> bool {
        self.service_area == NEW_AREA
    }

    /// The form ready for the next indicator after one was added to `area`:
    /// the area, unit and polarity kept, the rest emptied.
    pub fn next_after(&self, area: &str) -> NewIndicator {
        NewIndicator {
            service_area: area.to_owned(),
            unit: self.unit,
            polarity: self.polarity,
            ..NewIndicator::default()
        }
    }

    /// The unit select's value: the unit's key, or "" (its "Choose") for none.
    pub fn unit_key(&self) -> &'static str {
        self.unit.map_or("", unit_key)
    }

    /// The "Good is" select's value: the polarity's key, or "" for none.
    pub fn polarity_key(&self) -> &'static str {
        self.polarity.map_or("", |p| polarity_choice(p).0)
    }
}

/// The service-area choice that adds a new area with the indicator.
pub const NEW_AREA: &str = "+new";

/// The units an officer can choose, with their words.
pub const UNITS: [(&str, Unit); 8] = [
    ("count", Unit::Count),
    ("number", Unit::Number),
    ("percent", Unit::Percent),
    ("rate_per_1000", Unit::RatePer1000),
    ("rate_per_10000", Unit::RatePer10000),
    ("rate_per_100000", Unit::RatePer100000),
    ("days", Unit::Days),
    ("money", Unit::Money),
];

/// The unit a form key names, if [`UNITS`] holds it.
pub fn unit_of_key(key: &str) -> Option<Unit> {
    UNITS.iter().find(|(k, _)| *k == key).map(|(_, u)| *u)
}

/// A unit's form key, as [`UNITS`] gives it.
pub fn unit_key(unit: Unit) -> &'static str {
    UNITS
        .iter()
        .find(|(_, u)| *u == unit)
        .map_or("number", |(k, _)| *k)
}

/// The snapshot to add to (with the new area, where the form adds one) and
/// the area's id, or the faults of the area's part of the form.
fn area_for(
    snapshot: &Snapshot,
    new: &NewIndicator,
    errors: &mut Vec<FieldError<NewIndicatorField>>,
) -> (Snapshot, String) {
    if new.adds_area() {
        // A new service area from the same form: checked as the area form checks it.
        match save_service_area(snapshot, None, &new.new_area, "") {
            Ok(with_area) => return with_area,
            Err(area_errors) => errors.extend(
                area_errors
                    .into_iter()
                    .map(|e| FieldError::new(NewIndicatorField::AreaName, e.message)),
            ),
        }
    } else if snapshot.service_area(&new.service_area).is_none() {
        errors.push(FieldError::new(
            NewIndicatorField::Area,
            "Choose the service area it belongs to, or add a new one",
        ));
    }
    (snapshot.clone(), new.service_area.clone())
}

/// The standing target typed, if any, with the snapshot's usual tolerance.
fn new_target(
    snapshot: &Snapshot,
    new: &NewIndicator,
    polarity: Option<Polarity>,
    errors: &mut Vec<FieldError<NewIndicatorField>>,
) -> Option<Target> {
    if new.target.trim().is_empty() {
        return None;
    }
    match (read_number(&new.target), polarity) {
        (_, Some(Polarity::None)) => {
            errors.push(FieldError::new(
                NewIndicatorField::Target,
                "An indicator that is context only (good is neither) has no target to meet: leave the target empty, or set one close to which it should stay on its page afterwards",
            ));
            None
        }
        (Some(value), _) if value >= 0.0 => Some(Target {
            value,
            rule: TargetRule::Directional {
                amber_within: snapshot.settings.amber_within,
            },
        }),
        _ => {
            errors.push(FieldError::new(
                NewIndicatorField::Target,
                "Enter the target as a number, for example 50% or 4.5, or leave it empty",
            ));
            None
        }
    }
}

/// Adds an indicator with an id made from its name; returns the snapshot and the id.
pub fn add_indicator(
    snapshot: &Snapshot,
    new: &NewIndicator,
) -> Result<(Snapshot, String), Vec<FieldError<NewIndicatorField>>> {
    let mut errors = vec![];
    let name = new.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(
            NewIndicatorField::Name,
            "Enter the indicator's name as the pack words it",
        ));
    }
    let (base, area) = area_for(snapshot, new, &mut errors);
    let unit = new.unit;
    if unit.is_none() {
        errors.push(FieldError::new(
            NewIndicatorField::Unit,
            "Choose what the figures measure",
        ));
    }
    let polarity = new.polarity;
    if polarity.is_none() {
        errors.push(FieldError::new(
            NewIndicatorField::Polarity,
            "Choose whether a high or a low figure is good, or neither",
        ));
    }
    let target = new_target(snapshot, new, polarity, &mut errors);
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

/// What the add-indicator form says once indicator `id`, named as typed
/// (`name`), is added to `snapshot`; and the id of its service area.
pub fn added_message(snapshot: &Snapshot, id: &str, name: &str) -> (String, String) {
    let (area_id, area_name) = snapshot
        .indicators
        .iter()
        .find(|i| i.id == id)
        .and_then(|i| snapshot.service_area(&i.service_area))
        .map(|a| (a.id.clone(), a.name.clone()))
        .unwrap_or_default();
    (
        format!(
            "Added \u{201c}{}\u{201d} to {area_name}. Add the next one here, or enter its figures above",
            name.trim()
        ),
        area_id,
    )
}

/// A service area as typed into its form: which one (empty for a new one),
/// its name and directorate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaForm {
    pub which: String,
    pub name: String,
    pub directorate: String,
}

impl AreaForm {
    /// The form for renaming area `id` (empty for a new one, or an id not held).
    pub fn of(snapshot: &Snapshot, id: &str) -> AreaForm {
        let (name, directorate) = snapshot
            .service_area(id)
            .map(|a| (a.name.clone(), a.directorate.clone().unwrap_or_default()))
            .unwrap_or_default();
        AreaForm {
            which: id.to_owned(),
            name,
            directorate,
        }
    }

    /// Saves the form: [`save_service_area`], renaming where an area is chosen.
    pub fn save(
        &self,
        snapshot: &Snapshot,
    ) -> Result<(Snapshot, String), Vec<FieldError<AreaField>>> {
        let which = (!self.which.is_empty()).then_some(self.which.as_str());
        save_service_area(snapshot, which, &self.name, &self.directorate)
    }

    /// What saving it says: "Added the service area “Waste”", or "Saved ..." for a rename.
    pub fn saved_message(&self) -> String {
        let verb = if self.which.is_empty() {
            "Added"
        } else {
            "Saved"
        };
        format!(
            "{verb} the service area \u{201c}{}\u{201d}",
            self.name.trim()
        )
    }
}

/// Adds a service area, or renames one (`id` given); names must be unique.
pub fn save_service_area(
    snapshot: &Snapshot,
    id: Option<&str>,
    name: &str,
    directorate: &str,
) -> Result<(Snapshot, String), Vec<FieldError<AreaField>>> {
    let refuse = |message: String| Err(vec![FieldError::new(AreaField::Name, message)]);
    let name = name.trim();
    if name.is_empty() {
        return refuse("Enter the service area's name".to_owned());
    }
    if snapshot
        .service_areas
        .iter()
        .any(|a| Some(a.id.as_str()) != id && a.name.eq_ignore_ascii_case(name))
    {
        return refuse(format!("There is already a service area called {name}"));
    }
    let directorate = (!directorate.trim().is_empty()).then(|| directorate.trim().to_owned());
    let mut next = snapshot.clone();
    match id {
        Some(id) => {
            let Some(area) = next.service_areas.iter_mut().find(|a| a.id == id) else {
                return refuse(format!("There is no service area with the id {id}"));
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
            unit: Some(Unit::Count),
            polarity: Some(Polarity::None),
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
        assert_eq!(
            fields,
            [
                NewIndicatorField::Name,
                NewIndicatorField::Area,
                NewIndicatorField::Unit,
                NewIndicatorField::Polarity
            ]
        );
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
            unit: Some(Unit::Percent),
            polarity: Some(Polarity::High),
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
        assert_eq!(
            fields,
            [NewIndicatorField::AreaName, NewIndicatorField::Target]
        );
        let context_only = NewIndicator {
            polarity: Some(Polarity::None),
            ..new.clone()
        };
        let refused = add_indicator(&empty, &context_only).expect_err("no target to meet");
        assert_eq!(refused[0].field, NewIndicatorField::Target);
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

    #[test]
    fn after_adding_the_form_keeps_the_area_unit_and_polarity_and_says_where() {
        let demo = Snapshot::demo();
        let new = NewIndicator {
            name: " Household waste recycled ".into(),
            service_area: NEW_AREA.into(),
            new_area: "Waste".into(),
            unit: Some(Unit::Percent),
            polarity: Some(Polarity::High),
            target: "50%".into(),
        };
        assert!(new.adds_area());
        let (next, id) = add_indicator(&demo, &new).expect("valid");
        let (message, area) = added_message(&next, &id, &new.name);
        assert_eq!(
            message,
            "Added \u{201c}Household waste recycled\u{201d} to Waste. Add the next one here, or enter its figures above"
        );
        assert_eq!(area, "waste");
        let again = new.next_after(&area);
        assert_eq!(
            again,
            NewIndicator {
                service_area: "waste".into(),
                unit: Some(Unit::Percent),
                polarity: Some(Polarity::High),
                ..NewIndicator::default()
            }
        );
        assert!(!again.adds_area());
        assert_eq!(NewIndicatorField::AreaName.id(), "new-area-name");
        assert_eq!(AreaField::Name.id(), "area-name");
    }

    #[test]
    fn each_unit_key_names_its_unit_and_back_and_an_unknown_one_is_no_choice() {
        use crate::indicators::details::{polarity_of_key, POLARITY_CHOICES};
        for (key, unit) in UNITS {
            assert_eq!(unit_of_key(key), Some(unit));
            assert_eq!(unit_key(unit), key);
        }
        assert_eq!(unit_of_key(""), None);
        assert_eq!(unit_of_key("furlongs"), None);
        let mut form = NewIndicator::default();
        assert_eq!((form.unit_key(), form.polarity_key()), ("", ""));
        for (key, polarity, _) in POLARITY_CHOICES {
            form.polarity = polarity_of_key(key);
            assert_eq!(form.polarity, Some(polarity));
            assert_eq!(form.polarity_key(), key);
        }
        form.unit = unit_of_key("rate_per_10000");
        assert_eq!(form.unit_key(), "rate_per_10000");
        // Keys the page should never send are refused as no choice.
        let demo = Snapshot::demo();
        let unknown = NewIndicator {
            name: "Contacts".into(),
            service_area: "childrens-social-care".into(),
            unit: unit_of_key("furlongs"),
            polarity: polarity_of_key("sideways"),
            ..NewIndicator::default()
        };
        let refused: Vec<(NewIndicatorField, String)> = add_indicator(&demo, &unknown)
            .expect_err("no unit or polarity")
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect();
        assert_eq!(
            refused,
            [
                (
                    NewIndicatorField::Unit,
                    "Choose what the figures measure".to_owned()
                ),
                (
                    NewIndicatorField::Polarity,
                    "Choose whether a high or a low figure is good, or neither".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_area_form_renames_the_one_chosen_or_adds_one() {
        let demo = Snapshot::demo();
        let adoptions = AreaForm::of(&demo, "adoptions");
        assert_eq!(adoptions.which, "adoptions");
        assert_eq!(
            Some(adoptions.name.as_str()),
            demo.service_area("adoptions").map(|a| a.name.as_str())
        );
        let renamed = AreaForm {
            name: " Adoption and fostering ".into(),
            ..adoptions
        };
        assert_eq!(
            renamed.saved_message(),
            "Saved the service area \u{201c}Adoption and fostering\u{201d}"
        );
        let (next, id) = renamed.save(&demo).expect("renamed");
        assert_eq!(id, "adoptions");
        assert_eq!(
            next.service_area("adoptions").map(|a| a.name.as_str()),
            Some("Adoption and fostering")
        );
        let fresh = AreaForm {
            name: "Waste".into(),
            ..AreaForm::of(&demo, "")
        };
        assert_eq!(
            fresh,
            AreaForm {
                which: String::new(),
                name: "Waste".into(),
                directorate: String::new()
            }
        );
        assert_eq!(
            fresh.saved_message(),
            "Added the service area \u{201c}Waste\u{201d}"
        );
        let (added, id) = fresh.save(&demo).expect("added");
        assert_eq!(id, "waste");
        assert_eq!(added.service_areas.len(), demo.service_areas.len() + 1);
        let blank = AreaForm::default().save(&demo).expect_err("no name");
        assert_eq!(blank[0].field, AreaField::Name);
    }
}
