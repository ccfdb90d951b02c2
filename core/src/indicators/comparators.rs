//! Comparators typed by hand: England, regional and statistical neighbour
//! figures, their labels, the usual region's name, saving and removing.

use crate::domain::indicator::{Comparator, ComparatorKind};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Unit;
use crate::form::{FieldError, FormField};
use crate::indicators::entry::read_figure;
use crate::text::capitalise;

/// The fields of the comparator form, by their element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparatorField {
    /// "Whose figure": the radios; the field's id is the first radio's.
    Kind,
    Name,
    Period,
    Value,
}

impl ComparatorField {
    /// The name of the "Whose figure" radio group; each radio's id adds "-" and its key.
    pub const KIND_GROUP: &'static str = "comparator-kind";
}

impl FormField for ComparatorField {
    fn id(self) -> String {
        match self {
            ComparatorField::Kind => {
                format!("{}-{}", ComparatorField::KIND_GROUP, COMPARATOR_KINDS[0].0)
            }
            ComparatorField::Name => "comparator-name".to_owned(),
            ComparatorField::Period => "comparator-period".to_owned(),
            ComparatorField::Value => "comparator-value".to_owned(),
        }
    }
}

/// What a comparator is called, with its period: "England average
/// (2017/18)", "North West average (period not stated)".
pub fn comparator_label(
    kind: ComparatorKind,
    name: Option<&str>,
    period: Option<&Period>,
) -> String {
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

/// Whose figure a comparator is, for a table's row heading: "England
/// average", "Regional average (North West)".
pub fn comparator_who(comparator: &Comparator) -> String {
    match &comparator.name {
        Some(name) => format!("{} ({name})", comparator.kind.label()),
        None => comparator.kind.label().to_owned(),
    }
}

/// A comparator's period for a table: "2017/18", or "Not stated".
pub fn comparator_period(comparator: &Comparator) -> String {
    comparator
        .period
        .map_or_else(|| "Not stated".to_owned(), |p| p.to_string())
}

/// The region's name other indicators give their regional comparators (the
/// most used, the first met where two are used as often): what a new
/// regional comparator is prefilled with.
pub fn usual_region_name(snapshot: &Snapshot) -> Option<String> {
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
    /// Whose figure it is; `None` until one is chosen (or where the page
    /// sent a key [`COMPARATOR_KINDS`] does not hold).
    pub kind: Option<ComparatorKind>,
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

    /// Whether the form asks for the region's name.
    pub fn is_region(&self) -> bool {
        self.kind == Some(ComparatorKind::Region)
    }

    /// What a saved form's comparator is called, as [`comparator_label`]
    /// words it: "Saved the North West average (2018/19)".
    pub fn label(&self) -> String {
        let kind = self.kind.unwrap_or(ComparatorKind::England);
        let name = (kind == ComparatorKind::Region).then(|| self.name.trim());
        let period = self.period.trim().parse::<Period>().ok();
        comparator_label(kind, name, period.as_ref())
    }
}

/// The comparator kinds an officer can choose, with their form keys.
pub const COMPARATOR_KINDS: [(&str, ComparatorKind); 3] = [
    ("england", ComparatorKind::England),
    ("region", ComparatorKind::Region),
    (
        "statistical_neighbours",
        ComparatorKind::StatisticalNeighbours,
    ),
];

/// The comparator kind a form key names, if [`COMPARATOR_KINDS`] holds it.
pub fn comparator_kind_of_key(key: &str) -> Option<ComparatorKind> {
    COMPARATOR_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, kind)| *kind)
}

/// A comparator kind's form key, as [`COMPARATOR_KINDS`] gives it.
pub fn comparator_kind_key(kind: ComparatorKind) -> &'static str {
    COMPARATOR_KINDS
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("england", |(key, _)| *key)
}

fn example_figure(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "17.3%",
        Unit::Money => "\u{a3}2,300",
        Unit::Count => "1,412",
        _ => "64.0",
    }
}

/// What to type for a comparator's figure, by the indicator's unit.
pub fn figure_hint(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "As the pack prints it, for example 17.3%, or - where it shows none.",
        Unit::Money => "As the pack prints it, for example \u{a3}2,300, or - where it shows none.",
        Unit::RatePer1000 | Unit::RatePer10000 | Unit::RatePer100000 => {
            "As the pack prints it, for example 64.0 or 1,412 / 57.5, or - where it shows none."
        }
        _ => "As the pack prints it, for example 1,412, or - where it shows none.",
    }
}

/// The comparator the form gives (typed by hand, so with no source), or
/// every field that is wrong.
fn read_form(
    form: &ComparatorForm,
    unit: Unit,
) -> Result<Comparator, Vec<FieldError<ComparatorField>>> {
    let mut errors = vec![];
    let kind = form.kind;
    if kind.is_none() {
        errors.push(FieldError::new(
            ComparatorField::Kind,
            "Choose whose figure this is: England, the region or statistical neighbours",
        ));
    }
    let name = form.name.trim();
    if kind == Some(ComparatorKind::Region) && name.is_empty() {
        errors.push(FieldError::new(
            ComparatorField::Name,
            "Enter the region's name as the pack heads its column, for example North West",
        ));
    }
    let period_text = form.period.trim();
    let period = if period_text.is_empty() {
        None
    } else {
        match period_text.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                errors.push(FieldError::new(
                    ComparatorField::Period,
                    capitalise(&e.to_string()),
                ));
                None
            }
        }
    };
    let value_text = form.value.trim();
    let value = if value_text.is_empty() {
        errors.push(FieldError::new(
            ComparatorField::Value,
            format!(
                "Enter the figure as the pack prints it, for example {}, or - where it shows none",
                example_figure(unit)
            ),
        ));
        None
    } else {
        read_figure(value_text, unit)
            .map_err(|message| errors.push(FieldError::new(ComparatorField::Value, message)))
            .ok()
    };
    match (kind, value, errors.is_empty()) {
        (Some(kind), Some(value), true) => {
            let name = (kind == ComparatorKind::Region).then(|| name.to_owned());
            Ok(Comparator {
                kind,
                name,
                period,
                value,
                source: None,
            })
        }
        _ => Err(errors),
    }
}

fn no_such_indicator(id: &str) -> Vec<FieldError<ComparatorField>> {
    vec![FieldError::new(
        ComparatorField::Kind,
        format!("There is no indicator with the id {id}"),
    )]
}

/// The snapshot with the form's comparator added to indicator `id`, or
/// replacing the one held of the same kind and period (the last listed,
/// where several are). A figure typed by hand has no source. An unchanged
/// figure and name leave the snapshot as it is. Every fault is named at its
/// field and nothing changes.
pub fn save_comparator(
    snapshot: &Snapshot,
    id: &str,
    form: &ComparatorForm,
) -> Result<Snapshot, Vec<FieldError<ComparatorField>>> {
    let Some(indicator) = snapshot.indicators.iter().find(|i| i.id == id) else {
        return Err(no_such_indicator(id));
    };
    let Comparator {
        kind,
        name,
        period,
        value,
        ..
    } = read_form(form, indicator.unit)?;
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(no_such_indicator(id));
    };
    let same = indicator
        .comparators
        .iter()
        .rposition(|c| c.kind == kind && c.period == period);
    match same {
        Some(j) => {
            let held = &mut indicator.comparators[j];
            if !held.value.same_as(&value) || held.name != name {
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
    held: &Comparator,
) -> Result<Snapshot, Vec<FieldError<ComparatorField>>> {
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(no_such_indicator(id));
    };
    let Some(at) = indicator.comparators.iter().position(|c| c == held) else {
        return Err(vec![FieldError::new(
            ComparatorField::Kind,
            format!(
                "The {} is no longer held, so there is nothing to remove",
                comparator_label(held.kind, held.name.as_deref(), held.period.as_ref())
            ),
        )]);
    };
    indicator.comparators.remove(at);
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::Value;

    fn comparator_form(kind: &str, name: &str, period: &str, value: &str) -> ComparatorForm {
        ComparatorForm {
            kind: comparator_kind_of_key(kind),
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
        let fields = |id: &str, form: ComparatorForm| -> Vec<(ComparatorField, String)> {
            save_comparator(&demo, id, &form)
                .expect_err("refused")
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect()
        };
        assert_eq!(
            fields("children-looked-after", comparator_form("", "", "", "")),
            [
                (ComparatorField::Kind, "Choose whose figure this is: England, the region or statistical neighbours".to_owned()),
                (ComparatorField::Value, "Enter the figure as the pack prints it, for example 64.0, or - where it shows none".to_owned()),
            ]
        );
        let three = fields(
            "children-looked-after",
            comparator_form("region", " ", "Q9 2019/20", "abc"),
        );
        let named: Vec<ComparatorField> = three.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            named,
            [
                ComparatorField::Name,
                ComparatorField::Period,
                ComparatorField::Value
            ]
        );
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
                ComparatorField::Value,
                "A percentage must be from 0 to 100, not 140".to_owned()
            )]
        );
        assert_eq!(
            fields("children-looked-after", comparator_form("statistical_neighbours", "", "", "57%")),
            [(ComparatorField::Value, "\u{201c}57%\u{201d} has a % sign but this measure is rate per 10,000, not a percentage".to_owned())]
        );
        assert_eq!(
            fields("nobody", comparator_form("england", "", "", "1")),
            [(
                ComparatorField::Kind,
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

    #[test]
    fn each_comparator_kind_key_names_its_kind_and_back() {
        for (key, kind) in COMPARATOR_KINDS {
            assert_eq!(comparator_kind_of_key(key), Some(kind));
            assert_eq!(comparator_kind_key(kind), key);
        }
        assert_eq!(comparator_kind_of_key(""), None);
        assert_eq!(comparator_kind_of_key("Region"), None);
        // A key the page should never send is no choice, refused as none.
        let demo = Snapshot::demo();
        let refused = save_comparator(
            &demo,
            "children-looked-after",
            &comparator_form("regional", "North West", "", "1"),
        )
        .expect_err("no kind chosen");
        assert_eq!(
            (refused[0].field, refused[0].message.as_str()),
            (
                ComparatorField::Kind,
                "Choose whose figure this is: England, the region or statistical neighbours"
            )
        );
    }

    #[test]
    fn the_comparator_fields_and_words_are_worked_out_once() {
        use crate::domain::indicator::Comparator;
        assert_eq!(ComparatorField::Kind.id(), "comparator-kind-england");
        assert_eq!(ComparatorField::Name.id(), "comparator-name");
        assert_eq!(ComparatorField::Period.id(), "comparator-period");
        assert_eq!(ComparatorField::Value.id(), "comparator-value");
        let form = comparator_form("region", " West Midlands ", "2018/19", "1");
        assert!(form.is_region());
        assert_eq!(form.label(), "West Midlands average (2018/19)");
        let england = comparator_form("england", "West Midlands", "soon", "1");
        assert!(!england.is_region());
        assert_eq!(england.label(), "England average (period not stated)");
        assert_eq!(comparator_form("", "", "", "").kind, None);
        let held = Comparator {
            kind: ComparatorKind::Region,
            name: Some("West Midlands".into()),
            period: None,
            value: Value::figure(1.0, 0),
            source: None,
        };
        assert_eq!(comparator_who(&held), "Regional average (West Midlands)");
        assert_eq!(comparator_period(&held), "Not stated");
        assert_eq!(
            figure_hint(Unit::Money),
            "As the pack prints it, for example \u{a3}2,300, or - where it shows none."
        );
        assert_eq!(
            figure_hint(Unit::RatePer10000),
            "As the pack prints it, for example 64.0 or 1,412 / 57.5, or - where it shows none."
        );
    }
}
