//! The "enter figures" form's rules: which figure each box starts from, what
//! the officer has changed, and the entries to save, in the form's order.
//!
//! A box starts from the figure already held for the chosen period, shown as
//! soon as the period can be read. Only what the officer types counts as an
//! edit, so a box typed over is never mixed with the figure it replaces, and
//! a change of period keeps every edit while the untouched boxes follow it.

use std::collections::{BTreeMap, HashMap};

use crate::domain::indicator::{Indicator, ServiceArea};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::{Unit, Value};
use crate::form::{FieldError, FormField};
use crate::sort;
use crate::text::capitalise;

/// Each indicator's figure for `period`, as the pack prints it, by indicator id.
pub fn held_figures(snapshot: &Snapshot, period: &Period) -> BTreeMap<String, String> {
    sort::into_map(snapshot.indicators.iter().filter_map(|i| {
        i.value_for(period)
            .map(|o| (i.id.clone(), o.value.display(i.unit)))
    }))
}

/// What a box shows: the officer's text where they typed, else the held figure.
pub fn shown_text(
    held: &BTreeMap<String, String>,
    typed: &BTreeMap<String, String>,
    indicator: &str,
) -> String {
    typed
        .get(indicator)
        .or_else(|| held.get(indicator))
        .cloned()
        .unwrap_or_default()
}

/// A figure the form would change, for the officer to check before saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingChange {
    pub indicator: String,
    pub name: String,
    /// The figure held now, as printed; `None` where there is none yet.
    pub held: Option<String>,
    /// The figure as it will be saved, as printed.
    pub new: String,
}

impl PendingChange {
    /// "Changes 251 to 260", or "New figure: 260".
    pub fn describe(&self) -> String {
        match &self.held {
            Some(held) => format!("Changes {held} to {}", self.new),
            None => format!("New figure: {}", self.new),
        }
    }
}

/// Every typed figure that reads and differs from the one held for `period`,
/// in the snapshot's order. A box left empty, typed as the same figure in
/// another form ("2757" for "2,757"), or not yet readable, changes nothing
/// here (an unreadable one is refused when the form is saved).
pub fn pending_changes(
    snapshot: &Snapshot,
    period: &Period,
    typed: &BTreeMap<String, String>,
) -> Vec<PendingChange> {
    snapshot
        .indicators
        .iter()
        .filter_map(|i| {
            let text = typed.get(&i.id)?.trim();
            if text.is_empty() {
                return None;
            }
            let value = read_figure(text, i.unit).ok()?;
            let held = i.value_for(period).map(|o| &o.value);
            (!held.is_some_and(|h| h.same_as(&value))).then(|| PendingChange {
                indicator: i.id.clone(),
                name: i.name.clone(),
                held: held.map(|v| v.display(i.unit)),
                new: value.display(i.unit),
            })
        })
        .collect()
}

/// The typed entries in the snapshot's order (so refusals are listed as the
/// form shows them), each indicator once; ids the snapshot no longer holds last.
pub fn entries_in_order(snapshot: &Snapshot, typed: &BTreeMap<String, String>) -> Vec<Entry> {
    let position: HashMap<&str, usize> = snapshot
        .indicators
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id.as_str(), n))
        .collect();
    let mut entries: Vec<Entry> = typed
        .iter()
        .map(|(id, text)| Entry {
            indicator: id.clone(),
            text: text.clone(),
        })
        .collect();
    sort::by_key(&mut entries, |e| {
        position
            .get(e.indicator.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    entries
}

/// What an officer typed for one indicator in the "enter figures" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub indicator: String,
    /// As typed: "1,412", "57.5%", "1,412/57.5", "-", "New measure"; blank leaves it as it is.
    pub text: String,
}

/// The fields of the figures form that are one per form: the period box.
/// Each indicator's figure box is named by the indicator: see [`figure_box_id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryField {
    Period,
}

impl FormField for EntryField {
    fn id(self) -> String {
        match self {
            EntryField::Period => "enter-period".to_owned(),
        }
    }
}

/// The element id of an indicator's figure box: "enter-" and the indicator's id.
pub fn figure_box_id(indicator: &str) -> String {
    format!("enter-{indicator}")
}

/// A refused entry: which indicator, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError {
    pub indicator: String,
    pub message: String,
}

/// The message for `indicator`'s box among `errors`, if it was refused.
pub fn entry_message<'a>(errors: &'a [EntryError], indicator: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.indicator == indicator)
        .map(|e| e.message.as_str())
}

/// The error summary's lines: each refused entry's box, and its message
/// after the indicator's name ("Contacts: ..."), in the order refused.
pub fn entry_summary(snapshot: &Snapshot, errors: &[EntryError]) -> Vec<(String, String)> {
    let names: HashMap<&str, &str> = snapshot
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .collect();
    errors
        .iter()
        .map(|e| {
            let name = names
                .get(e.indicator.as_str())
                .copied()
                .unwrap_or(e.indicator.as_str());
            (
                figure_box_id(&e.indicator),
                format!("{name}: {}", e.message),
            )
        })
        .collect()
}

/// Reads the period an officer is entering figures for: a quarter or a year.
pub fn entry_period(label: &str) -> Result<Period, FieldError<EntryField>> {
    let period: Period = label
        .parse()
        .map_err(|e: crate::domain::period::PeriodParseError| {
            FieldError::new(EntryField::Period, e.to_string())
        })?;
    match period.kind() {
        PeriodKind::Quarter | PeriodKind::FinancialYear => Ok(period),
        _ => Err(FieldError::new(EntryField::Period, format!(
            "Figures are entered for a quarter such as Q2 2019/20 or a financial year such as 2019/20, not {}",
            period.kind().describe()
        ))),
    }
}
/// The quarter after the latest one holding figures: what an officer
/// preparing the next pack enters. Q1 2019/20 when nothing is held yet for a
/// snapshot as at 30 June 2019.
pub fn suggested_period(snapshot: &Snapshot) -> Period {
    let latest = snapshot
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|o| o.period))
        .filter(|p| p.kind() == PeriodKind::Quarter)
        .max_by(|a, b| a.timeline_cmp(b));
    match latest {
        Some(Period::Quarter {
            start_year,
            quarter: 4,
        }) => Period::Quarter {
            start_year: start_year + 1,
            quarter: 1,
        },
        Some(Period::Quarter {
            start_year,
            quarter,
        }) => Period::Quarter {
            start_year,
            quarter: quarter + 1,
        },
        _ => {
            let d = snapshot.as_at;
            let (y, m) = (chrono::Datelike::year(&d), chrono::Datelike::month(&d));
            let start_year = if m >= 4 { y } else { y - 1 };
            let quarter = match m {
                4..=6 => 1,
                7..=9 => 2,
                10..=12 => 3,
                _ => 4,
            };
            Period::Quarter {
                start_year,
                quarter,
            }
        }
    }
}

/// A figure as typed, in `unit`, or why it cannot be one (a sentence).
pub(crate) fn read_figure(text: &str, unit: Unit) -> Result<Value, String> {
    let value = Value::parse(text, unit).map_err(|e| capitalise(&e.to_string()))?;
    match value.range_problem(unit) {
        Some(problem) => Err(capitalise(&problem)),
        None => Ok(value),
    }
}

/// The snapshot with each non-blank entry set as the figure for `period`
/// (replacing one already there, keeping its target and source), or every
/// entry that cannot be read. Returns the number of figures changed with it.
pub fn enter_figures(
    snapshot: &Snapshot,
    period: Period,
    entries: &[Entry],
) -> Result<(Snapshot, usize), Vec<EntryError>> {
    let mut next = snapshot.clone();
    let position: HashMap<String, usize> = next
        .indicators
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id.clone(), n))
        .collect();
    let mut errors = vec![];
    let mut changed = 0;
    for entry in entries {
        let text = entry.text.trim();
        if text.is_empty() {
            continue;
        }
        let refuse = |message: String| EntryError {
            indicator: entry.indicator.clone(),
            message,
        };
        let Some(&at) = position.get(&entry.indicator) else {
            errors.push(refuse("There is no such indicator".to_owned()));
            continue;
        };
        let indicator = &mut next.indicators[at];
        match read_figure(text, indicator.unit) {
            Ok(value) => changed += usize::from(indicator.set_figure(period, value)),
            Err(message) => errors.push(refuse(message)),
        }
    }
    if errors.is_empty() {
        Ok((next, changed))
    } else {
        Err(errors)
    }
}

/// The form's boxes in the order it shows them: each service area with its
/// indicators, in the snapshot's order (an indicator whose area is not held
/// has no box). Linear in the indicators and areas.
pub fn form_sections(snapshot: &Snapshot) -> Vec<(&ServiceArea, Vec<&Indicator>)> {
    let mut by_area: HashMap<&str, Vec<&Indicator>> = HashMap::new();
    for indicator in &snapshot.indicators {
        by_area
            .entry(indicator.service_area.as_str())
            .or_default()
            .push(indicator);
    }
    snapshot
        .service_areas
        .iter()
        .map(|area| {
            let indicators = by_area.get(area.id.as_str()).cloned().unwrap_or_default();
            (area, indicators)
        })
        .collect()
}

/// The hint under an indicator's box, worked out once per box: its unit, and
/// the latest figure held of any period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxHint {
    unit: String,
    latest: Option<String>,
}

impl BoxHint {
    pub fn of(indicator: &Indicator) -> BoxHint {
        BoxHint {
            unit: capitalise(indicator.unit.describe()),
            latest: indicator.latest().map(|o| {
                format!(
                    "Latest held: {} ({})",
                    o.value.display(indicator.unit),
                    o.period
                )
            }),
        }
    }

    /// The hint for the period shown (where it can be read) and the figure
    /// held for it (`held`, as printed), else the latest held.
    pub fn text(&self, period: Option<&Period>, held: Option<&str>) -> String {
        let unit = &self.unit;
        match (period, held, &self.latest) {
            (Some(p), Some(h), _) => format!("{unit}. Held for {p}: {h}."),
            (Some(p), None, Some(l)) => format!("{unit}. None held for {p}. {l}."),
            (_, _, Some(l)) => format!("{unit}. {l}."),
            (_, _, None) => format!("{unit}. No figure held yet."),
        }
    }
}

/// What the undo history says after a save: "Entered 3 figures for Q2 2019/20".
pub fn entered_message(changed: usize, period: &Period) -> String {
    format!(
        "Entered {} for {period}",
        count_of(changed, "figure", "figures")
    )
}

/// What the page says when a save changes no figure: "No figures for Q2
/// 2019/20 were changed." (nothing goes into the undo history).
pub fn unchanged_entry_message(period: &Period) -> String {
    format!("No figures for {period} were changed.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::overview::{travel, Travel};

    fn q(label: &str) -> Period {
        label.parse().expect("a period")
    }

    fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn boxes_start_from_the_held_figures_and_show_what_was_typed() {
        let demo = Snapshot::demo();
        let held = held_figures(&demo, &q("Q1 2019/20"));
        assert_eq!(
            held.get("children-looked-after").map(String::as_str),
            Some("2,096 / 84.6")
        );
        let none = typed(&[]);
        assert_eq!(
            shown_text(&held, &none, "children-looked-after"),
            "2,096 / 84.6"
        );
        let mine = typed(&[("children-looked-after", "2,100 / 85.0")]);
        assert_eq!(
            shown_text(&held, &mine, "children-looked-after"),
            "2,100 / 85.0"
        );
        assert_eq!(shown_text(&held, &mine, "no-such-indicator"), "");
    }

    #[test]
    fn a_correction_is_a_change_against_the_held_figure_never_appended_to_it() {
        let demo = Snapshot::demo();
        let period = q("Q1 2019/20");
        let held = held_figures(&demo, &period);
        let was = held["children-looked-after"].clone();
        // The officer's text replaces the box; nothing of the held figure stays in it.
        let mine = typed(&[("children-looked-after", "2,800 / 113.0")]);
        let changes = pending_changes(&demo, &period, &mine);
        assert_eq!(
            changes,
            vec![PendingChange {
                indicator: "children-looked-after".into(),
                name: demo
                    .indicators
                    .iter()
                    .find(|i| i.id == "children-looked-after")
                    .map(|i| i.name.clone())
                    .expect("held"),
                held: Some(was.clone()),
                new: "2,800 / 113.0".into(),
            }]
        );
        assert_eq!(
            changes[0].describe(),
            format!("Changes {was} to 2,800 / 113.0")
        );
        let (saved, n) =
            enter_figures(&demo, period, &entries_in_order(&demo, &mine)).expect("reads");
        assert_eq!(n, 1);
        let shown = held_figures(&saved, &period);
        assert_eq!(shown["children-looked-after"], "2,800 / 113.0");
    }

    #[test]
    fn the_same_figure_typed_another_way_empty_or_unreadable_boxes_change_nothing() {
        let demo = Snapshot::demo();
        let period = q("Q1 2019/20");
        let held = held_figures(&demo, &period);
        let text = &held["children-looked-after"];
        assert!(
            text.contains(','),
            "a figure with a thousands comma: {text}"
        );
        let plain = text.replace(',', "");
        let mine = typed(&[
            ("children-looked-after", &plain),
            ("referrals", ""),
            ("contacts", "lots"),
        ]);
        assert_eq!(pending_changes(&demo, &period, &mine), vec![]);
    }

    #[test]
    fn a_period_with_no_figures_lists_new_ones() {
        let demo = Snapshot::demo();
        let period = q("Q3 2019/20");
        assert!(held_figures(&demo, &period).is_empty());
        let mine = typed(&[("children-looked-after", "2,150 / 86.8")]);
        let changes = pending_changes(&demo, &period, &mine);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].describe(), "New figure: 2,150 / 86.8");
    }

    #[test]
    fn entries_follow_the_snapshots_order_and_unknown_ids_come_last() {
        let demo = Snapshot::demo();
        let first = demo.indicators[0].id.clone();
        let third = demo.indicators[2].id.clone();
        let mine = typed(&[("zzz-gone", "1"), (&third, "2"), (&first, "3")]);
        let order: Vec<String> = entries_in_order(&demo, &mine)
            .into_iter()
            .map(|e| e.indicator)
            .collect();
        assert_eq!(order, vec![first, third, "zzz-gone".to_owned()]);
    }

    fn entry(indicator: &str, text: &str) -> Entry {
        Entry {
            indicator: indicator.into(),
            text: text.into(),
        }
    }

    #[test]
    fn entering_next_quarter_adds_figures_and_direction_follows() {
        let demo = Snapshot::demo();
        let q2 = entry_period("Q2 2019/20").expect("quarter");
        let (next, changed) = enter_figures(
            &demo,
            q2,
            &[
                entry("children-looked-after", "2,150/ 86.8"),
                entry("re-referrals", "560/ 19.9%"),
                entry("contacts", ""),
                entry("average-caseload", "New measure"),
            ],
        )
        .expect("all readable");
        assert_eq!(changed, 3);
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(
            cla.value_for(&q2)
                .map(|o| o.value.display(cla.unit))
                .as_deref(),
            Some("2,150 / 86.8")
        );
        assert_eq!(
            travel(cla, &q2),
            Travel::Worsening,
            "86.8 after 84.6, lower is better"
        );
        let contacts = next
            .indicators
            .iter()
            .find(|i| i.id == "contacts")
            .expect("contacts");
        assert!(contacts.value_for(&q2).is_none(), "blank leaves it alone");
        assert_eq!(crate::file::validate::validate(&next), vec![]);
    }

    #[test]
    fn one_unreadable_entry_refuses_them_all_naming_each_fault() {
        let demo = Snapshot::demo();
        let q2 = entry_period("Q2 2019/20").expect("quarter");
        let errors = enter_figures(
            &demo,
            q2,
            &[
                entry("children-looked-after", "2,150/ 86.8"),
                entry("re-referrals", "twenty"),
                entry("contacts", "12%"),
                entry("assessments-over-45-days", "140%"),
            ],
        )
        .expect_err("three faults");
        let who: Vec<&str> = errors.iter().map(|e| e.indicator.as_str()).collect();
        assert_eq!(
            who,
            ["re-referrals", "contacts", "assessments-over-45-days"]
        );
        assert!(
            errors[0]
                .message
                .starts_with("\u{201c}twenty\u{201d} is not a figure"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.contains("not a percentage"),
            "{}",
            errors[1].message
        );
        assert_eq!(
            errors[2].message,
            "A percentage must be from 0 to 100, not 140"
        );
    }

    #[test]
    fn replacing_a_figure_drops_its_old_source_and_an_equal_one_changes_nothing() {
        let demo = Snapshot::demo();
        let q1 = entry_period("Q1 2019/20").expect("quarter");
        let (same, changed) =
            enter_figures(&demo, q1, &[entry("children-looked-after", "2,096/84.6")]).expect("ok");
        assert_eq!((changed, &same), (0, &demo));
        let (next, changed) =
            enter_figures(&demo, q1, &[entry("children-looked-after", "2,097/84.7")]).expect("ok");
        assert_eq!(changed, 1);
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(
            cla.value_for(&q1).and_then(|o| o.source.clone()),
            None,
            "typed by hand, not from the pack"
        );
    }

    #[test]
    fn the_suggested_period_is_the_quarter_after_the_latest() {
        let demo = Snapshot::demo();
        assert_eq!(suggested_period(&demo).to_string(), "Q2 2019/20");
        let empty = Snapshot::empty(
            "A",
            "B",
            chrono::NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
        );
        assert_eq!(suggested_period(&empty).to_string(), "Q4 2023/24");
        let mut q4 = Snapshot::demo();
        let (next, _) = enter_figures(
            &q4,
            entry_period("Q4 2019/20").expect("q4"),
            &[entry("contacts", "9,000")],
        )
        .expect("ok");
        q4 = next;
        assert_eq!(suggested_period(&q4).to_string(), "Q1 2020/21");
    }

    #[test]
    fn only_quarters_and_years_take_entered_figures() {
        assert!(entry_period("2019/20").is_ok());
        assert!(entry_period("Q5 2019/20").is_err());
        let e = entry_period("June 2019").expect_err("a month");
        assert_eq!(e.field, EntryField::Period);
        assert!(e.message.contains("not a month"), "{}", e.message);
    }

    #[test]
    fn the_form_is_grouped_by_area_in_the_snapshots_order() {
        let demo = Snapshot::demo();
        let sections = form_sections(&demo);
        let areas: Vec<&str> = sections.iter().map(|(a, _)| a.id.as_str()).collect();
        let held: Vec<&str> = demo.service_areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(areas, held);
        // Each area's boxes are the old quadratic filter's, in the same order.
        for (area, indicators) in &sections {
            let expected: Vec<&str> = demo
                .indicators
                .iter()
                .filter(|i| i.service_area == area.id)
                .map(|i| i.id.as_str())
                .collect();
            let got: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(got, expected, "{}", area.id);
        }
        let boxes: usize = sections.iter().map(|(_, i)| i.len()).sum();
        assert_eq!(boxes, demo.indicators.len());
        // An indicator of an area not held gets no box.
        let mut orphan = demo.clone();
        orphan.indicators[0].service_area = "gone".into();
        let boxes: usize = form_sections(&orphan).iter().map(|(_, i)| i.len()).sum();
        assert_eq!(boxes, demo.indicators.len() - 1);
    }

    #[test]
    fn box_hints_say_the_unit_and_the_held_or_latest_figure() {
        use crate::domain::indicator::Indicator;
        use crate::domain::rag::Polarity;
        use crate::domain::value::Unit;
        let demo = Snapshot::demo();
        let cla = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        let q1 = q("Q1 2019/20");
        assert_eq!(
            BoxHint::of(cla).text(Some(&q1), Some("2,096 / 84.6")),
            "Rate per 10,000. Held for Q1 2019/20: 2,096 / 84.6."
        );
        assert_eq!(
            BoxHint::of(cla).text(Some(&q("Q3 2019/20")), None),
            "Rate per 10,000. None held for Q3 2019/20. Latest held: 2,096 / 84.6 (Q1 2019/20)."
        );
        assert_eq!(
            BoxHint::of(cla).text(None, None),
            "Rate per 10,000. Latest held: 2,096 / 84.6 (Q1 2019/20)."
        );
        let new = Indicator::new("n", "a", "N", Unit::Count, Polarity::High);
        assert_eq!(
            BoxHint::of(&new).text(Some(&q1), None),
            "Count. No figure held yet."
        );
    }

    #[test]
    fn refusals_are_summarised_by_name_and_linked_to_their_boxes() {
        let demo = Snapshot::demo();
        assert_eq!(EntryField::Period.id(), "enter-period");
        assert_eq!(figure_box_id("contacts"), "enter-contacts");
        let errors = vec![
            EntryError {
                indicator: "contacts".into(),
                message: "Enter a number".into(),
            },
            EntryError {
                indicator: "gone".into(),
                message: "There is no such indicator".into(),
            },
        ];
        let name = demo
            .indicators
            .iter()
            .find(|i| i.id == "contacts")
            .map(|i| i.name.clone())
            .expect("contacts");
        assert_eq!(
            entry_summary(&demo, &errors),
            vec![
                (
                    "enter-contacts".to_owned(),
                    format!("{name}: Enter a number")
                ),
                (
                    "enter-gone".to_owned(),
                    "gone: There is no such indicator".to_owned()
                ),
            ]
        );
        assert_eq!(entry_message(&errors, "contacts"), Some("Enter a number"));
        assert_eq!(entry_message(&errors, "referrals"), None);
        let q2 = q("Q2 2019/20");
        assert_eq!(entered_message(1, &q2), "Entered 1 figure for Q2 2019/20");
        assert_eq!(entered_message(3, &q2), "Entered 3 figures for Q2 2019/20");
        assert_eq!(
            unchanged_entry_message(&q2),
            "No figures for Q2 2019/20 were changed."
        );
    }
}
