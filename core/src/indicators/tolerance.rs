//! The worked example under the tolerance box: how the target being typed
//! rates figures, in the indicator's unit, as the officer types.

use crate::domain::indicator::Indicator;
use crate::domain::value::{Unit, Value};
use crate::indicators::details::{exact_decimals, figure_decimals, typed_decimals, IndicatorForm};
use crate::text::{plain_number, read_number};

/// How the example shows figures: in the indicator's unit, with `places`
/// decimal places or more where a boundary needs them.
#[derive(Clone, Copy)]
struct Shown {
    unit: Unit,
    places: u8,
}

impl Shown {
    fn figure(self, x: f64) -> String {
        Value::figure(x, exact_decimals(x, self.places)).display(self.unit)
    }

    /// A distance of the figure itself: percentage points for a percentage.
    fn distance(self, x: f64) -> String {
        let shown = crate::domain::value::group_thousands(x, exact_decimals(x, self.places));
        match self.unit {
            Unit::Percent => format!("{shown} percentage points"),
            Unit::Money => format!("\u{a3}{shown}"),
            _ => shown,
        }
    }
}

fn percent(x: f64) -> String {
    format!("{}%", plain_number(x))
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
/// indicator has a "meet or beat" rule (which
/// [`crate::indicators::details::edit_indicator`] refuses).
pub fn tolerance_example(indicator: &Indicator, form: &IndicatorForm) -> Option<String> {
    let number = |t: &str| read_number(t).filter(|v| *v >= 0.0);
    let target = number(&form.target)?;
    let amber = number(&form.amber_within)?;
    let shown = Shown {
        unit: indicator.unit,
        places: figure_decimals(indicator).max(typed_decimals(&form.target)),
    };
    if form.is_goal_post() {
        let green = number(&form.green_within)?;
        return goal_post_example(shown, target, green, amber);
    }
    let high = match form.polarity {
        crate::domain::rag::Polarity::High => true,
        crate::domain::rag::Polarity::Low => false,
        crate::domain::rag::Polarity::None => return None,
    };
    Some(directional_example(shown, target, amber, high))
}

/// The example for a goal post: green and amber bands either side of the target.
fn goal_post_example(shown: Shown, target: f64, green: f64, amber: f64) -> Option<String> {
    if amber < green {
        return None;
    }
    let t = shown.figure(target);
    if target == 0.0 {
        return Some(format!(
            "With a target of {t}: exactly {t} is on track; any other figure requires improvement."
        ));
    }
    let floor = |x: f64| match shown.unit {
        Unit::Number | Unit::Money => x,
        _ => x.max(0.0),
    };
    let band = |within: f64| {
        let d = target * within / 100.0;
        format!(
            "within {} of the target either way ({} to {})",
            shown.distance(d),
            shown.figure(floor(target - d)),
            shown.figure(target + d)
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
    Some(format!(
        "With a target of {t}, green within {} and amber within {} of it: {on_track}{slightly_below}; further away requires improvement.",
        percent(green),
        percent(amber)
    ))
}

/// The example for "meet or beat it": `high` where more is better.
fn directional_example(shown: Shown, target: f64, amber: f64, high: bool) -> String {
    let t = shown.figure(target);
    let (better, worse, more, less) = if high {
        ("or more", "below", "from", "up to")
    } else {
        ("or less", "above", "above", "up to")
    };
    if target == 0.0 {
        return format!(
            "With a target of {t}: {t} {better} is on track; {worse} {t} requires improvement."
        );
    }
    if amber == 0.0 {
        return format!(
            "With a target of {t} and no tolerance: {t} {better} is on track; {worse} {t} requires improvement."
        );
    }
    let edge = if high {
        target * (100.0 - amber) / 100.0
    } else {
        target * (100.0 + amber) / 100.0
    };
    let e = shown.figure(edge);
    let amber_band = if high {
        format!("{more} {e} {less} {t}")
    } else {
        format!("{more} {t} {less} {e}")
    };
    format!(
        "With a target of {t} and a tolerance of {}: {t} {better} is on track; {amber_band} is slightly below; {worse} {e} requires improvement.",
        percent(amber)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rag::Polarity;
    use crate::domain::snapshot::Snapshot;
    use crate::indicators::details::{edit_indicator, polarity_of_key, rule_of_key};

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
            polarity: polarity_of_key(polarity).expect("a polarity key"),
            target: target.into(),
            rule: rule_of_key(rule).expect("a rule key"),
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
                polarity: form.polarity,
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
}
