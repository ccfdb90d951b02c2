//! Officers' edits, as pure functions from one snapshot to the next. Each
//! either applies whole or is refused with every fault named at its field, so
//! nothing is half-saved.

use crate::domain::period::{Period, PeriodKind};
use crate::domain::rag::Polarity;
use crate::domain::value::Value;
use crate::snapshot::Snapshot;
use crate::text::{capitalise, plain_number, read_number, slug};

/// What an officer typed for one indicator in the "enter figures" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub indicator: String,
    /// As typed: "1,412", "57.5%", "1,412/57.5", "-", "New measure"; blank leaves it as it is.
    pub text: String,
}

/// A refused entry: which indicator, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError {
    pub indicator: String,
    pub message: String,
}

/// Why the period label itself is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError(pub String);

/// Reads the period an officer is entering figures for: a quarter or a year.
pub fn entry_period(label: &str) -> Result<Period, PeriodError> {
    let period: Period = label
        .parse()
        .map_err(|e: crate::domain::period::PeriodParseError| PeriodError(e.to_string()))?;
    match period.kind() {
        PeriodKind::Quarter | PeriodKind::FinancialYear => Ok(period),
        _ => Err(PeriodError(format!(
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

/// The snapshot with each non-blank entry set as the figure for `period`
/// (replacing one already there, keeping its target and source), or every
/// entry that cannot be read. Returns the number of figures changed with it.
pub fn enter_figures(
    snapshot: &Snapshot,
    period: Period,
    entries: &[Entry],
) -> Result<(Snapshot, usize), Vec<EntryError>> {
    let mut next = snapshot.clone();
    let mut errors = vec![];
    let mut changed = 0;
    for entry in entries {
        let text = entry.text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == entry.indicator) else {
            errors.push(EntryError {
                indicator: entry.indicator.clone(),
                message: "There is no such indicator".to_owned(),
            });
            continue;
        };
        let value = match Value::parse(text, indicator.unit) {
            Ok(v) => v,
            Err(e) => {
                errors.push(EntryError {
                    indicator: entry.indicator.clone(),
                    message: capitalise(&e.to_string()),
                });
                continue;
            }
        };
        if let Some(problem) = value.range_problem(indicator.unit) {
            errors.push(EntryError {
                indicator: entry.indicator.clone(),
                message: capitalise(&problem),
            });
            continue;
        }
        if indicator.set_figure(period, value) {
            changed += 1;
        }
    }
    if errors.is_empty() {
        Ok((next, changed))
    } else {
        Err(errors)
    }
}

/// An indicator's details as typed into its edit form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorForm {
    pub name: String,
    /// "high", "low" or "none".
    pub polarity: String,
    pub definition: String,
    pub owner: String,
    /// Blank for no standing target.
    pub target: String,
    /// "directional" or "goal_post".
    pub rule: String,
    /// Percentage points below target that are still amber (directional),
    /// or the amber band either side (goal post).
    pub amber_within: String,
    /// Goal post only: the green band either side, in percent of the target.
    pub green_within: String,
}

impl IndicatorForm {
    /// The form's starting values for `indicator`, with `default_amber` where it sets no tolerance.
    pub fn of(
        indicator: &crate::domain::indicator::Indicator,
        default_amber: f64,
    ) -> IndicatorForm {
        use crate::domain::rag::TargetRule;
        let (rule, amber, green) = match indicator.target.map(|t| t.rule) {
            Some(TargetRule::GoalPost {
                green_within,
                amber_within,
            }) => ("goal_post", amber_within, green_within),
            Some(TargetRule::Directional { amber_within }) => ("directional", amber_within, 0.0),
            None => ("directional", default_amber, 0.0),
        };
        IndicatorForm {
            name: indicator.name.clone(),
            polarity: match indicator.polarity {
                Polarity::High => "high",
                Polarity::Low => "low",
                Polarity::None => "none",
            }
            .to_owned(),
            definition: indicator.definition.clone().unwrap_or_default(),
            owner: indicator.owner.clone().unwrap_or_default(),
            target: indicator
                .target
                .map(|t| plain_number(t.value))
                .unwrap_or_default(),
            rule: rule.to_owned(),
            amber_within: plain_number(amber),
            green_within: if rule == "goal_post" {
                plain_number(green)
            } else {
                String::new()
            },
        }
    }
}

fn field_number(
    text: &str,
    field: &'static str,
    what: &str,
    errors: &mut Vec<crate::snapshot::FieldError>,
) -> Option<f64> {
    match read_number(text) {
        Some(v) if v >= 0.0 => Some(v),
        _ => {
            errors.push(crate::snapshot::FieldError {
                field,
                message: format!("Enter {what} as a number, for example 5"),
            });
            None
        }
    }
}

/// The snapshot with indicator `id` changed as the form says, or every field that is wrong.
pub fn edit_indicator(
    snapshot: &Snapshot,
    id: &str,
    form: &IndicatorForm,
) -> Result<Snapshot, Vec<crate::snapshot::FieldError>> {
    use crate::domain::rag::{Target, TargetRule};
    use crate::snapshot::FieldError;
    let mut errors = vec![];
    let name = form.name.trim();
    if name.is_empty() {
        errors.push(FieldError {
            field: "name",
            message: "Enter the indicator's name as the pack words it".to_owned(),
        });
    }
    let polarity = match form.polarity.as_str() {
        "high" => Polarity::High,
        "low" => Polarity::Low,
        _ => Polarity::None,
    };
    let target = if form.target.trim().is_empty() {
        None
    } else {
        let value = field_number(&form.target, "target", "the target", &mut errors);
        let amber = field_number(
            &form.amber_within,
            "amber_within",
            "the amber tolerance",
            &mut errors,
        );
        let rule = if form.rule == "goal_post" {
            let green = field_number(
                &form.green_within,
                "green_within",
                "the green band",
                &mut errors,
            );
            match (green, amber) {
                (Some(g), Some(a)) if a < g => {
                    errors.push(FieldError {
                        field: "amber_within",
                        message: format!("The amber band ({a}%) must be at least as wide as the green band ({g}%)"),
                    });
                    None
                }
                (Some(green_within), Some(amber_within)) => Some(TargetRule::GoalPost {
                    green_within,
                    amber_within,
                }),
                _ => None,
            }
        } else {
            if polarity == Polarity::None {
                errors.push(FieldError {
                    field: "rule",
                    message: "A context-only indicator (good is neither) can only have a goal post target: choose \u{201c}Close to the target either way\u{201d}".to_owned(),
                });
            }
            amber.map(|amber_within| TargetRule::Directional { amber_within })
        };
        match (value, rule) {
            (Some(value), Some(rule)) => Some(Target { value, rule }),
            _ => None,
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(vec![FieldError {
            field: "name",
            message: format!("There is no indicator with the id {id}"),
        }]);
    };
    let text = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
    indicator.name = name.to_owned();
    indicator.polarity = polarity;
    indicator.definition = text(&form.definition);
    indicator.owner = text(&form.owner);
    indicator.target = target;
    Ok(next)
}

/// Sets, for one period of one indicator, a rating by hand (with its reason)
/// or none, and the commentary (blank removes it).
pub fn set_period_notes(
    snapshot: &Snapshot,
    id: &str,
    period: Period,
    rating: Option<(crate::domain::rag::Rag, String)>,
    commentary: &str,
) -> Result<Snapshot, Vec<crate::snapshot::FieldError>> {
    use crate::domain::indicator::{Commentary, RagOverride};
    use crate::snapshot::FieldError;
    if let Some((_, reason)) = &rating {
        if reason.trim().is_empty() {
            return Err(vec![FieldError {
                field: "reason",
                message:
                    "Give the reason for setting the rating by hand; it is shown with the rating"
                        .to_owned(),
            }]);
        }
    }
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(vec![FieldError {
            field: "period",
            message: format!("There is no indicator with the id {id}"),
        }]);
    };
    match indicator.values.iter_mut().find(|o| o.period == period) {
        Some(o) => {
            o.rag_override = rating.map(|(rag, reason)| RagOverride {
                rag,
                reason: reason.trim().to_owned(),
            });
        }
        None if rating.is_some() => {
            return Err(vec![FieldError {
                field: "period",
                message: format!("There is no figure for {period} to rate"),
            }]);
        }
        None => {}
    }
    indicator.commentary.retain(|c| c.period != period);
    if !commentary.trim().is_empty() {
        indicator.commentary.push(Commentary {
            period,
            text: commentary.trim().to_owned(),
            source: None,
        });
    }
    Ok(next)
}

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
    pub service_area: String,
    /// A unit's key: "count", "percent", "rate_per_10000", ...
    pub unit: String,
    /// "high", "low" or "none".
    pub polarity: String,
}

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
) -> Result<(Snapshot, String), Vec<crate::snapshot::FieldError>> {
    use crate::domain::indicator::Indicator;
    use crate::snapshot::FieldError;
    let mut errors = vec![];
    let name = new.name.trim();
    if name.is_empty() {
        errors.push(FieldError {
            field: "new-name",
            message: "Enter the indicator's name as the pack words it".to_owned(),
        });
    }
    if snapshot.service_area(&new.service_area).is_none() {
        errors.push(FieldError {
            field: "new-area",
            message: "Choose the service area it belongs to".to_owned(),
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
    let (Some(unit), Some(polarity), true) = (unit, polarity, errors.is_empty()) else {
        return Err(errors);
    };
    let id = unique_id(&slug(name), |id| {
        snapshot.indicators.iter().any(|i| i.id == id)
    });
    let mut next = snapshot.clone();
    // After the area's last indicator, so the tables keep the pack's order.
    let at = next
        .indicators
        .iter()
        .rposition(|i| i.service_area == new.service_area)
        .map_or(next.indicators.len(), |i| i + 1);
    next.indicators.insert(
        at,
        Indicator::new(&id, &new.service_area, name, unit, polarity),
    );
    Ok((next, id))
}

/// Adds a service area, or renames one (`id` given); names must be unique.
pub fn save_service_area(
    snapshot: &Snapshot,
    id: Option<&str>,
    name: &str,
    directorate: &str,
) -> Result<(Snapshot, String), Vec<crate::snapshot::FieldError>> {
    use crate::domain::indicator::ServiceArea;
    use crate::snapshot::FieldError;
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
    use crate::dashboard::{travel, Travel};

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
        assert_eq!(crate::validate::validate(&next), vec![]);
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
    fn an_indicator_gets_a_target_and_its_ratings_follow() {
        use crate::dashboard::{standing, Standing};
        let demo = Snapshot::demo();
        let cla = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        let mut form = IndicatorForm::of(cla, 5.0);
        assert_eq!(
            (
                form.polarity.as_str(),
                form.target.as_str(),
                form.amber_within.as_str()
            ),
            ("low", "", "5")
        );
        form.target = "80".into();
        let next = edit_indicator(&demo, "children-looked-after", &form).expect("valid");
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        // 84.6 against 80, lower is better: 2 - 84.6/80 = 94.25%, beyond 5 points: red.
        assert_eq!(
            standing(cla, &"Q1 2019/20".parse().expect("q")),
            Standing::Red
        );
        // 81.9 against 80: 97.6%, within 5 points: amber.
        assert_eq!(
            standing(cla, &"Q1 2018/19".parse().expect("q")),
            Standing::Amber
        );
        assert_eq!(IndicatorForm::of(cla, 5.0).target, "80");
    }

    #[test]
    fn indicator_forms_are_refused_field_by_field() {
        let demo = Snapshot::demo();
        let contacts = demo
            .indicators
            .iter()
            .find(|i| i.id == "contacts")
            .expect("contacts");
        let mut form = IndicatorForm::of(contacts, 5.0);
        form.name = " ".into();
        form.target = "9,000".into();
        form.amber_within = "lots".into();
        let errors = edit_indicator(&demo, "contacts", &form).expect_err("faults");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "amber_within", "rule"]);
        form.name = "Contacts".into();
        form.rule = "goal_post".into();
        form.green_within = "10".into();
        form.amber_within = "5".into();
        let errors =
            edit_indicator(&demo, "contacts", &form).expect_err("amber narrower than green");
        assert!(
            errors[0].message.contains("at least as wide"),
            "{}",
            errors[0].message
        );
        form.amber_within = "15".into();
        assert!(edit_indicator(&demo, "contacts", &form).is_ok());
    }

    #[test]
    fn a_rating_set_by_hand_needs_a_reason_and_commentary_replaces_the_periods() {
        use crate::dashboard::{standing, Standing};
        use crate::domain::rag::Rag;
        let demo = Snapshot::demo();
        let q1: Period = "Q1 2019/20".parse().expect("q");
        let err = set_period_notes(
            &demo,
            "children-looked-after",
            q1,
            Some((Rag::Red, " ".into())),
            "",
        )
        .expect_err("no reason");
        assert_eq!(err[0].field, "reason");
        let next = set_period_notes(
            &demo,
            "children-looked-after",
            q1,
            Some((Rag::Red, "Highest rate since 2017".into())),
            "Rising again.",
        )
        .expect("valid");
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(standing(cla, &q1), Standing::Red);
        assert_eq!(cla.commentary.iter().filter(|c| c.period == q1).count(), 1);
        let cleared =
            set_period_notes(&next, "children-looked-after", q1, None, "").expect("valid");
        let cla = cleared
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(standing(cla, &q1), Standing::NoTarget);
        assert!(cla.commentary.iter().all(|c| c.period != q1));
    }

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
        assert_eq!(crate::validate::validate(&again), vec![]);

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
    fn only_quarters_and_years_take_entered_figures() {
        assert!(entry_period("2019/20").is_ok());
        assert!(entry_period("Q5 2019/20").is_err());
        let e = entry_period("June 2019").expect_err("a month");
        assert!(e.0.contains("not a month"), "{}", e.0);
    }
}
