//! An indicator's details form: its name, polarity, definition, owner and
//! standing target with its rule and tolerances, and the target as printed.

use crate::domain::indicator::Indicator;
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::form::{FieldError, FormField};
use crate::text::{plain_number, read_number};

/// The fields of an indicator's details form, by their element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsField {
    Name,
    /// The "Good is" radios: the group's name; each radio adds "-" and its key.
    Polarity,
    Definition,
    Owner,
    Target,
    /// The "How the target is judged" radios, as [`DetailsField::Polarity`].
    Rule,
    GreenWithin,
    AmberWithin,
}

impl FormField for DetailsField {
    fn id(self) -> String {
        match self {
            DetailsField::Name => "edit-name",
            DetailsField::Polarity => "edit-polarity",
            DetailsField::Definition => "edit-definition",
            DetailsField::Owner => "edit-owner",
            DetailsField::Target => "edit-target",
            DetailsField::Rule => "edit-rule",
            DetailsField::GreenWithin => "edit-green_within",
            DetailsField::AmberWithin => "edit-amber_within",
        }
        .to_owned()
    }
}

/// "Good is", as the forms offer it: each polarity's form key and its words.
pub const POLARITY_CHOICES: [(&str, Polarity, &str); 3] = [
    ("high", Polarity::High, "High: a bigger number is better"),
    ("low", Polarity::Low, "Low: a smaller number is better"),
    ("none", Polarity::None, "Neither: context only"),
];

/// The polarity a form key names, if any.
pub fn polarity_of_key(key: &str) -> Option<Polarity> {
    POLARITY_CHOICES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, p, _)| *p)
}

/// A polarity's form key and its words, as [`POLARITY_CHOICES`] gives them.
pub fn polarity_choice(polarity: Polarity) -> (&'static str, &'static str) {
    POLARITY_CHOICES
        .iter()
        .find(|(_, p, _)| *p == polarity)
        .map_or(("none", "Neither: context only"), |(k, _, words)| {
            (*k, *words)
        })
}

/// How the form's target is judged: the choice of rule alone, its
/// tolerances being typed beside it (so not a [`TargetRule`], which holds them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleChoice {
    /// Meet or beat it: [`TargetRule::Directional`].
    #[default]
    Directional,
    /// Close to it either way: [`TargetRule::GoalPost`].
    GoalPost,
}

impl RuleChoice {
    /// The choice a held rule is.
    pub fn of(rule: TargetRule) -> RuleChoice {
        match rule {
            TargetRule::Directional { .. } => RuleChoice::Directional,
            TargetRule::GoalPost { .. } => RuleChoice::GoalPost,
        }
    }
}

/// "How the target is judged": each rule's form key, the rule and its words.
pub const RULE_CHOICES: [(&str, RuleChoice, &str); 2] = [
    (
        "directional",
        RuleChoice::Directional,
        "Meet or beat it: amber within a tolerance below",
    ),
    (
        "goal_post",
        RuleChoice::GoalPost,
        "Close to the target either way",
    ),
];

/// The rule a form key names, if any.
pub fn rule_of_key(key: &str) -> Option<RuleChoice> {
    RULE_CHOICES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, r, _)| *r)
}

/// A rule's form key, as [`RULE_CHOICES`] gives it.
pub fn rule_key(rule: RuleChoice) -> &'static str {
    RULE_CHOICES
        .iter()
        .find(|(_, r, _)| *r == rule)
        .map_or("directional", |(k, _, _)| *k)
}

/// An indicator's details as typed into its edit form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorForm {
    pub name: String,
    /// "Good is": neither where nothing was chosen.
    pub polarity: Polarity,
    pub definition: String,
    pub owner: String,
    /// Blank for no standing target.
    pub target: String,
    pub rule: RuleChoice,
    /// The amber tolerance as a percentage of the target: how far short of
    /// the target (or over it, where less is better) a figure can be and
    /// still be amber (directional); or the amber band either side of the
    /// target (goal post). 5 with a target of 50 makes 47.5 to 50 amber.
    pub amber_within: String,
    /// Goal post only: the green band either side, in percent of the target.
    pub green_within: String,
}

impl Default for IndicatorForm {
    /// An empty form: good is neither, a directional rule.
    fn default() -> IndicatorForm {
        IndicatorForm {
            name: String::new(),
            polarity: Polarity::None,
            definition: String::new(),
            owner: String::new(),
            target: String::new(),
            rule: RuleChoice::default(),
            amber_within: String::new(),
            green_within: String::new(),
        }
    }
}

impl IndicatorForm {
    /// The form's starting values for `indicator`, with `default_amber` where it sets no tolerance.
    pub fn of(indicator: &Indicator, default_amber: f64) -> IndicatorForm {
        let (rule, amber, green) = match indicator.target.map(|t| t.rule) {
            Some(TargetRule::GoalPost {
                green_within,
                amber_within,
            }) => (RuleChoice::GoalPost, amber_within, green_within),
            Some(TargetRule::Directional { amber_within }) => {
                (RuleChoice::Directional, amber_within, 0.0)
            }
            None => (RuleChoice::Directional, default_amber, 0.0),
        };
        IndicatorForm {
            name: indicator.name.clone(),
            polarity: indicator.polarity,
            definition: indicator.definition.clone().unwrap_or_default(),
            owner: indicator.owner.clone().unwrap_or_default(),
            target: indicator
                .target
                .map(|t| plain_number(t.value))
                .unwrap_or_default(),
            rule,
            amber_within: plain_number(amber),
            green_within: if rule == RuleChoice::GoalPost {
                plain_number(green)
            } else {
                String::new()
            },
        }
    }

    /// The form's starting values for the indicator with id `id`, with the
    /// snapshot's amber tolerance where it sets none; empty where there is
    /// no such indicator.
    pub fn for_id(snapshot: &Snapshot, id: &str) -> IndicatorForm {
        snapshot
            .indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| IndicatorForm::of(i, snapshot.settings.amber_within))
            .unwrap_or_default()
    }

    /// Whether the form's rule is a goal post, so the green band is asked for.
    pub fn is_goal_post(&self) -> bool {
        self.rule == RuleChoice::GoalPost
    }
}

fn field_number(
    text: &str,
    field: DetailsField,
    what: &str,
    errors: &mut Vec<FieldError<DetailsField>>,
) -> Option<f64> {
    match read_number(text) {
        Some(v) if v >= 0.0 => Some(v),
        _ => {
            errors.push(FieldError::new(
                field,
                format!("Enter {what} as a number, for example 5"),
            ));
            None
        }
    }
}

/// The target the form sets (`None` for none, or where a part is refused,
/// each fault pushed to `errors`).
fn read_target(
    form: &IndicatorForm,
    polarity: Polarity,
    errors: &mut Vec<FieldError<DetailsField>>,
) -> Option<Target> {
    if form.target.trim().is_empty() {
        return None;
    }
    let value = field_number(&form.target, DetailsField::Target, "the target", errors);
    let amber = field_number(
        &form.amber_within,
        DetailsField::AmberWithin,
        "the amber tolerance",
        errors,
    );
    let rule = if form.is_goal_post() {
        let green = field_number(
            &form.green_within,
            DetailsField::GreenWithin,
            "the green band",
            errors,
        );
        match (green, amber) {
            (Some(g), Some(a)) if a < g => {
                errors.push(FieldError::new(
                    DetailsField::AmberWithin,
                    format!(
                        "The amber band ({a}%) must be at least as wide as the green band ({g}%)"
                    ),
                ));
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
            errors.push(FieldError::new(
                DetailsField::Rule,
                "A context-only indicator (good is neither) can only have a goal post target: choose \u{201c}Close to the target either way\u{201d}",
            ));
        }
        amber.map(|amber_within| TargetRule::Directional { amber_within })
    };
    Some(Target {
        value: value?,
        rule: rule?,
    })
}

/// The snapshot with indicator `id` changed as the form says, or every field that is wrong.
pub fn edit_indicator(
    snapshot: &Snapshot,
    id: &str,
    form: &IndicatorForm,
) -> Result<Snapshot, Vec<FieldError<DetailsField>>> {
    let mut errors = vec![];
    let name = form.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(
            DetailsField::Name,
            "Enter the indicator's name as the pack words it",
        ));
    }
    let polarity = form.polarity;
    let target = read_target(form, polarity, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(vec![FieldError::new(
            DetailsField::Name,
            format!("There is no indicator with the id {id}"),
        )]);
    };
    let text = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
    indicator.name = name.to_owned();
    indicator.polarity = polarity;
    indicator.definition = text(&form.definition);
    indicator.owner = text(&form.owner);
    indicator.target = target;
    Ok(next)
}

/// Decimal places as typed: "50" has 0, "47.50" has 2.
pub(crate) fn typed_decimals(text: &str) -> u8 {
    text.trim()
        .trim_end_matches('%')
        .split_once('.')
        .map_or(0, |(_, f)| u8::try_from(f.trim().len()).unwrap_or(0))
}

/// The fewest decimal places from `at_least` (up to two more) that show `x` exactly.
pub(crate) fn exact_decimals(x: f64, at_least: u8) -> u8 {
    (at_least..=at_least.saturating_add(2))
        .find(|&d| {
            let scale = 10f64.powi(i32::from(d));
            ((x * scale).round() / scale - x).abs() <= 1e-9 * x.abs().max(1.0)
        })
        .unwrap_or(at_least.saturating_add(2))
}

/// The most decimal places any of the indicator's figures has (0 for none).
pub(crate) fn figure_decimals(indicator: &Indicator) -> u8 {
    indicator
        .values
        .iter()
        .filter_map(|o| match o.value {
            Value::Figure { decimals, .. } => Some(decimals),
            Value::Missing { .. } => None,
        })
        .max()
        .unwrap_or(0)
}

/// The indicator's standing target as its figures print: "50.0%" for a
/// percentage whose figures have one decimal place, "4.5 days", "1,200":
/// never "50.00". `None` where it has no target.
pub fn target_text(indicator: &Indicator) -> Option<String> {
    let target = indicator.target?.value;
    let decimals = figure_decimals(indicator);
    Some(Value::figure(target, exact_decimals(target, decimals)).display(indicator.unit))
}

#[cfg(test)]
mod tests {
    use super::*;

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
                form.polarity,
                form.target.as_str(),
                form.amber_within.as_str()
            ),
            (Polarity::Low, "", "5")
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
    fn the_form_starts_from_the_indicator_with_the_default_tolerance() {
        let mut demo = Snapshot::demo();
        demo.settings.amber_within = 7.5;
        for i in &mut demo.indicators {
            if i.id == "children-looked-after" {
                i.target = None;
            }
        }
        let cla = demo
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        let form = IndicatorForm::for_id(&demo, "children-looked-after");
        assert_eq!(form, IndicatorForm::of(cla, 7.5));
        assert_eq!(form.name, cla.name);
        assert_eq!(
            form.amber_within, "7.5",
            "no target: the snapshot's tolerance"
        );
        assert_eq!(
            IndicatorForm::for_id(&demo, "no-such-indicator"),
            IndicatorForm::default()
        );
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
        assert_eq!(
            fields,
            [
                DetailsField::Name,
                DetailsField::AmberWithin,
                DetailsField::Rule
            ]
        );
        form.name = "Contacts".into();
        form.rule = RuleChoice::GoalPost;
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
    fn the_details_fields_are_the_forms_element_ids_and_polarities_read_back() {
        let ids: Vec<String> = [
            DetailsField::Name,
            DetailsField::Polarity,
            DetailsField::Target,
            DetailsField::Rule,
            DetailsField::GreenWithin,
            DetailsField::AmberWithin,
        ]
        .map(DetailsField::id)
        .to_vec();
        assert_eq!(
            ids,
            [
                "edit-name",
                "edit-polarity",
                "edit-target",
                "edit-rule",
                "edit-green_within",
                "edit-amber_within"
            ]
        );
        for (key, polarity, words) in POLARITY_CHOICES {
            assert_eq!(polarity_of_key(key), Some(polarity));
            assert_eq!(polarity_choice(polarity), (key, words));
        }
        assert_eq!(polarity_of_key("sideways"), None);
        assert_eq!(
            polarity_choice(Polarity::Low).1,
            "Low: a smaller number is better"
        );
        let mut form = IndicatorForm::default();
        assert_eq!(form.polarity, Polarity::None);
        assert!(!form.is_goal_post());
        form.rule = RULE_CHOICES[1].1;
        assert!(form.is_goal_post());
    }

    #[test]
    fn each_rule_key_names_its_rule_and_back() {
        for (key, rule, _) in RULE_CHOICES {
            assert_eq!(rule_of_key(key), Some(rule));
            assert_eq!(rule_key(rule), key);
        }
        assert_eq!(rule_of_key("goal post"), None);
        assert_eq!(rule_of_key(""), None);
        assert_eq!(
            RuleChoice::of(TargetRule::GoalPost {
                green_within: 5.0,
                amber_within: 10.0
            }),
            RuleChoice::GoalPost
        );
        assert_eq!(
            RuleChoice::of(TargetRule::Directional { amber_within: 5.0 }),
            RuleChoice::Directional
        );
        assert_eq!(IndicatorForm::default().rule, RuleChoice::Directional);
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
        let mut count = Indicator::new("c", "a", "C", Unit::Count, Polarity::Low);
        count.target = Some(Target {
            value: 1200.0,
            rule,
        });
        assert_eq!(target_text(&count).as_deref(), Some("1,200"));
    }

    fn percent_indicator(polarity: Polarity, unit: crate::domain::value::Unit) -> Indicator {
        let mut ind = Indicator::new("x", "a", "X", unit, polarity);
        ind.set_figure("Q1 2019/20".parse().expect("q"), Value::figure(47.6, 1));
        ind
    }
}
