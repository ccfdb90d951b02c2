//! Officers' edits, as pure functions from one snapshot to the next. Each
//! either applies whole or is refused with every fault named at its field, so
//! nothing is half-saved.

use crate::domain::period::{Period, PeriodKind};
use crate::domain::rag::Polarity;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
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
    /// The amber tolerance as a percentage of the target: how far short of
    /// the target (or over it, where less is better) a figure can be and
    /// still be amber (directional); or the amber band either side of the
    /// target (goal post). 5 with a target of 50 makes 47.5 to 50 amber.
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
    errors: &mut Vec<crate::domain::snapshot::FieldError>,
) -> Option<f64> {
    match read_number(text) {
        Some(v) if v >= 0.0 => Some(v),
        _ => {
            errors.push(crate::domain::snapshot::FieldError {
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
) -> Result<Snapshot, Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::rag::{Target, TargetRule};
    use crate::domain::snapshot::FieldError;
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
) -> Result<Snapshot, Vec<crate::domain::snapshot::FieldError>> {
    use crate::domain::indicator::{Commentary, RagOverride};
    use crate::domain::snapshot::FieldError;
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

/// Decimal places as typed: "50" has 0, "47.50" has 2.
fn typed_decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.trim().len()).unwrap_or(0))
}

/// The fewest decimal places from `at_least` (up to two more) that show `x` exactly.
fn exact_decimals(x: f64, at_least: u8) -> u8 {
    (at_least..=at_least.saturating_add(2))
        .find(|&d| {
            let scale = 10f64.powi(i32::from(d));
            ((x * scale).round() / scale - x).abs() <= 1e-9 * x.abs().max(1.0)
        })
        .unwrap_or(at_least.saturating_add(2))
}

/// The indicator's standing target as its figures print: "50.0%" for a
/// percentage whose figures have one decimal place, "4.5 days", "1,200":
/// never "50.00". `None` where it has no target.
pub fn target_text(indicator: &crate::domain::indicator::Indicator) -> Option<String> {
    let target = indicator.target?.value;
    let decimals = indicator
        .values
        .iter()
        .filter_map(|o| match o.value {
            Value::Figure { decimals, .. } => Some(decimals),
            Value::Missing { .. } => None,
        })
        .max()
        .unwrap_or(0);
    Some(Value::figure(target, exact_decimals(target, decimals)).display(indicator.unit))
}

/// Words a worked example of how the target in `form` rates figures of
/// `indicator`, as the officer types, in the indicator's unit:
///
/// "With a target of 50.0% and a tolerance of 5%: 50.0% or more is on track;
/// from 47.5% up to 50.0% is slightly below; below 47.5% requires improvement."
///
/// The tolerance is a percentage of the target, as [`crate::domain::rag::rate`]
/// applies it. Figures show with the decimal places the indicator's figures
/// (or the typed target) have, and more where a boundary needs them. `None`
/// where the target or a tolerance cannot be read, or a context-only
/// indicator has a "meet or beat" rule (which [`edit_indicator`] refuses).
pub fn tolerance_example(
    indicator: &crate::domain::indicator::Indicator,
    form: &IndicatorForm,
) -> Option<String> {
    use crate::domain::value::Unit;
    let number = |t: &str| read_number(t).filter(|v| *v >= 0.0);
    let target = number(&form.target)?;
    let amber = number(&form.amber_within)?;
    let unit = indicator.unit;
    let figure_decimals = indicator
        .values
        .iter()
        .filter_map(|o| match o.value {
            Value::Figure { decimals, .. } => Some(decimals),
            Value::Missing { .. } => None,
        })
        .max()
        .unwrap_or(0);
    let places = figure_decimals.max(typed_decimals(&form.target));
    let show = |x: f64| Value::figure(x, exact_decimals(x, places)).display(unit);
    let t = show(target);
    let percent = |x: f64| format!("{}%", plain_number(x));
    if form.rule == "goal_post" {
        let green = number(&form.green_within)?;
        if amber < green {
            return None;
        }
        if target == 0.0 {
            return Some(format!(
                "With a target of {t}: exactly {t} is on track; any other figure requires improvement."
            ));
        }
        // Distances are of the figure itself: percentage points for a percentage.
        let distance = |x: f64| {
            let shown = crate::domain::value::group_thousands(x, exact_decimals(x, places));
            match unit {
                Unit::Percent => format!("{shown} percentage points"),
                Unit::Money => format!("\u{a3}{shown}"),
                _ => shown,
            }
        };
        let floor = |x: f64| match unit {
            Unit::Number | Unit::Money => x,
            _ => x.max(0.0),
        };
        let band = |within: f64| {
            let d = target * within / 100.0;
            format!(
                "within {} of the target either way ({} to {})",
                distance(d),
                show(floor(target - d)),
                show(target + d)
            )
        };
        let on_track = if green == 0.0 {
            format!("exactly {t} is on track")
        } else {
            format!("{} is on track", band(green))
        };
        let slightly_below = if amber > green {
            format!("; {} is slightly below", band(amber))
        } else {
            String::new()
        };
        return Some(format!(
            "With a target of {t}, green within {} and amber within {} of it: {on_track}{slightly_below}; further away requires improvement.",
            percent(green),
            percent(amber)
        ));
    }
    let high = match form.polarity.as_str() {
        "high" => true,
        "low" => false,
        _ => return None,
    };
    let (better, worse, more, less) = if high {
        ("or more", "below", "from", "up to")
    } else {
        ("or less", "above", "above", "up to")
    };
    if target == 0.0 {
        return Some(format!(
            "With a target of {t}: {t} {better} is on track; {worse} {t} requires improvement."
        ));
    }
    if amber == 0.0 {
        return Some(format!(
            "With a target of {t} and no tolerance: {t} {better} is on track; {worse} {t} requires improvement."
        ));
    }
    let edge = if high {
        target * (100.0 - amber) / 100.0
    } else {
        target * (100.0 + amber) / 100.0
    };
    let e = show(edge);
    let amber_band = if high {
        format!("{more} {e} {less} {t}")
    } else {
        format!("{more} {t} {less} {e}")
    };
    Some(format!(
        "With a target of {t} and a tolerance of {}: {t} {better} is on track; {amber_band} is slightly below; {worse} {e} requires improvement.",
        percent(amber)
    ))
}

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
    use crate::indicators::overview::{travel, Travel};

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
    fn an_indicator_gets_a_target_and_its_ratings_follow() {
        use crate::indicators::overview::{standing, Standing};
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
        // 84.6 against 80, lower is better: 2 - 84.6/80 = 94.25%, more than
        // 5% of the target over it (84.0): red.
        assert_eq!(
            standing(cla, &"Q1 2019/20".parse().expect("q")),
            Standing::Red
        );
        // 81.9 against 80: 97.6%, within 5% of the target over it: amber.
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
        use crate::domain::rag::Rag;
        use crate::indicators::overview::{standing, Standing};
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
    fn a_target_prints_in_the_indicators_unit_and_decimals() {
        use crate::domain::rag::{Target, TargetRule};
        use crate::domain::value::Unit;
        let rule = TargetRule::Directional { amber_within: 5.0 };
        let mut ind = percent_indicator(Polarity::High, Unit::Percent);
        assert_eq!(target_text(&ind), None);
        ind.target = Some(Target { value: 50.0, rule });
        assert_eq!(
            target_text(&ind).as_deref(),
            Some("50.0%"),
            "as its figures: one decimal place"
        );
        ind.target = Some(Target { value: 47.25, rule });
        assert_eq!(
            target_text(&ind).as_deref(),
            Some("47.25%"),
            "more places where the target needs them"
        );
        let mut count =
            crate::domain::indicator::Indicator::new("c", "a", "C", Unit::Count, Polarity::Low);
        count.target = Some(Target {
            value: 1200.0,
            rule,
        });
        assert_eq!(target_text(&count).as_deref(), Some("1,200"));
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

    fn percent_indicator(
        polarity: Polarity,
        unit: crate::domain::value::Unit,
    ) -> crate::domain::indicator::Indicator {
        let mut ind = crate::domain::indicator::Indicator::new("x", "a", "X", unit, polarity);
        ind.set_figure("Q1 2019/20".parse().expect("q"), Value::figure(47.6, 1));
        ind
    }

    fn tolerance_form(
        polarity: &str,
        target: &str,
        rule: &str,
        amber: &str,
        green: &str,
    ) -> IndicatorForm {
        IndicatorForm {
            name: "X".into(),
            polarity: polarity.into(),
            target: target.into(),
            rule: rule.into(),
            amber_within: amber.into(),
            green_within: green.into(),
            ..IndicatorForm::default()
        }
    }

    /// The rating `rate` gives `actual` against the target the form sets.
    fn rag_for(form: &IndicatorForm, actual: f64) -> crate::domain::rag::Rag {
        use crate::domain::rag::{rate, Rating};
        let next = edit_indicator(
            &Snapshot::demo(),
            "contacts",
            &IndicatorForm {
                polarity: form.polarity.clone(),
                ..form.clone()
            },
        )
        .expect("a valid form");
        let ind = next
            .indicators
            .iter()
            .find(|i| i.id == "contacts")
            .expect("contacts");
        match rate(&Value::figure(actual, 3), ind.target.as_ref(), ind.polarity) {
            Rating::Rated { rag, .. } => rag,
            other => panic!("{actual}: {other:?}"),
        }
    }

    /// The figures in a sentence: "47.5%" -> 47.5, "£2,300" -> 2300.
    fn figures_in(text: &str) -> Vec<f64> {
        text.split([' ', '(', ')', ';', ':'])
            .filter_map(|w| read_number(w.trim_start_matches('\u{a3}')))
            .collect()
    }

    #[test]
    fn the_tolerance_is_a_percentage_of_the_target_and_the_example_says_so() {
        use crate::domain::rag::Rag;
        use crate::domain::value::Unit;
        let high = tolerance_form("high", "50", "directional", "5", "");
        let ind = percent_indicator(Polarity::High, Unit::Percent);
        assert_eq!(
            tolerance_example(&ind, &high).as_deref(),
            Some("With a target of 50.0% and a tolerance of 5%: 50.0% or more is on track; from 47.5% up to 50.0% is slightly below; below 47.5% requires improvement.")
        );
        for (actual, rag) in [
            (50.0, Rag::Green),
            (49.9, Rag::Amber),
            (47.6, Rag::Amber),
            (47.5, Rag::Amber),
            (47.4, Rag::Red),
            // 5 points of the figure below the target: not amber.
            (45.2, Rag::Red),
        ] {
            assert_eq!(rag_for(&high, actual), rag, "{actual}");
        }

        let low = tolerance_form("low", "50", "directional", "5", "");
        let ind = percent_indicator(Polarity::Low, Unit::Number);
        assert_eq!(
            tolerance_example(&ind, &low).as_deref(),
            Some("With a target of 50.0 and a tolerance of 5%: 50.0 or less is on track; above 50.0 up to 52.5 is slightly below; above 52.5 requires improvement.")
        );
        for (actual, rag) in [
            (50.0, Rag::Green),
            (50.1, Rag::Amber),
            (52.5, Rag::Amber),
            (52.6, Rag::Red),
        ] {
            assert_eq!(rag_for(&low, actual), rag, "{actual}");
        }

        let post = tolerance_form("none", "50", "goal_post", "10", "5");
        let ind = percent_indicator(Polarity::None, Unit::Percent);
        assert_eq!(
            tolerance_example(&ind, &post).as_deref(),
            Some("With a target of 50.0%, green within 5% and amber within 10% of it: within 2.5 percentage points of the target either way (47.5% to 52.5%) is on track; within 5.0 percentage points of the target either way (45.0% to 55.0%) is slightly below; further away requires improvement.")
        );
        for (actual, rag) in [
            (47.5, Rag::Green),
            (52.5, Rag::Green),
            (47.4, Rag::Amber),
            (55.0, Rag::Amber),
            (45.0, Rag::Amber),
            (44.9, Rag::Red),
            (55.1, Rag::Red),
        ] {
            assert_eq!(rag_for(&post, actual), rag, "{actual}");
        }
    }

    #[test]
    fn every_example_boundary_is_where_the_rating_changes() {
        use crate::domain::rag::Rag;
        use crate::domain::value::Unit;
        let nudge = 1e-6;
        for (target, amber) in [
            ("50", "5"),
            ("84.6", "5"),
            ("80", "5"),
            ("20", "10"),
            ("9,000", "2.5"),
            ("33.3", "7"),
        ] {
            let high = tolerance_form("high", target, "directional", amber, "");
            let text = tolerance_example(&percent_indicator(Polarity::High, Unit::Number), &high)
                .expect("readable");
            // "With a target of T and a tolerance of A%: T or more ...; from E up to T ...; below E ..."
            let n = figures_in(&text);
            let (t, edge) = (n[0], n[3]);
            assert_eq!(n[5], edge, "{text}");
            assert_eq!(rag_for(&high, t), Rag::Green, "{text}");
            assert_eq!(rag_for(&high, t - nudge), Rag::Amber, "{text}");
            assert_eq!(rag_for(&high, edge), Rag::Amber, "{text}");
            assert_eq!(rag_for(&high, edge - nudge * 10.0), Rag::Red, "{text}");

            let low = tolerance_form("low", target, "directional", amber, "");
            let text = tolerance_example(&percent_indicator(Polarity::Low, Unit::Number), &low)
                .expect("readable");
            // "... T or less ...; above T up to E ...; above E ..."
            let n = figures_in(&text);
            let edge = n[4];
            assert_eq!(n[5], edge, "{text}");
            assert_eq!(rag_for(&low, t), Rag::Green, "{text}");
            assert_eq!(rag_for(&low, t + nudge), Rag::Amber, "{text}");
            assert_eq!(rag_for(&low, edge), Rag::Amber, "{text}");
            assert_eq!(rag_for(&low, edge + nudge * 10.0), Rag::Red, "{text}");

            let post = tolerance_form("none", target, "goal_post", amber, "1");
            let text = tolerance_example(&percent_indicator(Polarity::None, Unit::Number), &post)
                .expect("readable");
            // "... green within 1% and amber within A% of it: within G ... (L1 to H1) ...; within A ... (L2 to H2) ..."
            let n = figures_in(&text);
            let (low1, high1, low2, high2) = (n[4], n[5], n[7], n[8]);
            for (edge, inside, outside) in [
                (low1, Rag::Green, Rag::Amber),
                (high1, Rag::Green, Rag::Amber),
                (low2, Rag::Amber, Rag::Red),
                (high2, Rag::Amber, Rag::Red),
            ] {
                let out = if edge < t { -1.0 } else { 1.0 } * nudge * 10.0;
                assert_eq!(rag_for(&post, edge), inside, "{edge} in {text}");
                assert_eq!(rag_for(&post, edge + out), outside, "{edge} in {text}");
            }
        }
    }

    #[test]
    fn the_example_needs_a_target_and_tolerances_it_can_read() {
        use crate::domain::value::Unit;
        let ind = percent_indicator(Polarity::High, Unit::Percent);
        let example = |f: IndicatorForm| tolerance_example(&ind, &f);
        assert_eq!(
            example(tolerance_form("high", "", "directional", "5", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("high", "fifty", "directional", "5", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("high", "50", "directional", "lots", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("high", "50", "directional", "", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("none", "50", "directional", "5", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("high", "50", "goal_post", "5", "")),
            None
        );
        assert_eq!(
            example(tolerance_form("high", "50", "goal_post", "5", "10")),
            None,
            "amber narrower than green"
        );
        assert_eq!(
            example(tolerance_form("high", "50", "directional", "0", "")).as_deref(),
            Some("With a target of 50.0% and no tolerance: 50.0% or more is on track; below 50.0% requires improvement.")
        );
        assert_eq!(
            example(tolerance_form("low", "0", "directional", "5", "")).as_deref(),
            Some(
                "With a target of 0.0%: 0.0% or less is on track; above 0.0% requires improvement."
            )
        );
        assert_eq!(
            example(tolerance_form("high", "50", "goal_post", "5", "5")).as_deref(),
            Some("With a target of 50.0%, green within 5% and amber within 5% of it: within 2.5 percentage points of the target either way (47.5% to 52.5%) is on track; further away requires improvement.")
        );
        let money =
            crate::domain::indicator::Indicator::new("m", "a", "M", Unit::Money, Polarity::Low);
        assert_eq!(
            tolerance_example(&money, &tolerance_form("low", "2,000", "directional", "10", "")).as_deref(),
            Some("With a target of \u{a3}2,000 and a tolerance of 10%: \u{a3}2,000 or less is on track; above \u{a3}2,000 up to \u{a3}2,200 is slightly below; above \u{a3}2,200 requires improvement.")
        );
    }

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

    #[test]
    fn only_quarters_and_years_take_entered_figures() {
        assert!(entry_period("2019/20").is_ok());
        assert!(entry_period("Q5 2019/20").is_err());
        let e = entry_period("June 2019").expect_err("a month");
        assert!(e.0.contains("not a month"), "{}", e.0);
    }
}
