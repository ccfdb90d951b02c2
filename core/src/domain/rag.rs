//! Red / amber / green ratings from a target, and direction of travel.
//!
//! As commercial tools (Camms) compute it: where more is better,
//! performance = actual / target; where less is better, 2 - actual / target.
//! Green at 100% or more, amber within the tolerance below that, red beyond.
//! Some councils rate "within +/- a tolerance of target" instead (goal post).
//!
//! Every tolerance is a percentage of the target, never points of the
//! figure itself: with a target of 50% and a tolerance of 5, amber runs from
//! 47.5% (95% of the target) up to 50%, so 47.6% is amber and 47.4% red; where
//! less is better, from 50% up to 52.5%. (Points of performance below 100%
//! and percent of the target are the same thing.)

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::period::{Period, UnlikePeriods};
use super::value::Value;

/// Which way is good, as the packs' "Good is High or Low" column says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// "H": a bigger number is better.
    High,
    /// "L": a smaller number is better.
    Low,
    /// "-": context only, no direction is good or bad.
    None,
}

impl Polarity {
    /// The packs' column: "H", "L" or "-".
    pub fn code(self) -> &'static str {
        match self {
            Polarity::High => "H",
            Polarity::Low => "L",
            Polarity::None => "-",
        }
    }

    /// Reads "H", "High", "L", "Low", "-", "" (any case). Text taken from PDFs
    /// sometimes prints H as a Cyrillic or Greek capital that looks the same:
    /// those are read as H.
    pub fn parse(text: &str) -> Option<Polarity> {
        let text: String = text
            .trim()
            .chars()
            .map(|c| {
                if matches!(c, '\u{041D}' | '\u{0397}') {
                    'H'
                } else {
                    c
                }
            })
            .collect();
        match text.to_ascii_lowercase().as_str() {
            "h" | "high" => Some(Polarity::High),
            "l" | "low" => Some(Polarity::Low),
            "" | "-" | "–" | "none" => Some(Polarity::None),
            _ => None,
        }
    }
}

/// A rating's three levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    /// The packs' key, as words that go with the colour.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "On track/good",
            Rag::Amber => "Slightly below desired level",
            Rag::Red => "Requires improvement",
        }
    }
}

/// How a target is judged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TargetRule {
    /// Meet or beat the target in the indicator's good direction; amber while
    /// the figure falls short of it by no more than `amber_within` percent of
    /// the target (performance of at least 100 - `amber_within`%): target 50,
    /// 5 -> amber from 47.5 (or, where less is better, up to 52.5).
    Directional { amber_within: f64 },
    /// Be close to the target either way: green within `green_within` percent
    /// of the target, amber within `amber_within` percent, red beyond: target
    /// 50, 5 and 10 -> green from 47.5 to 52.5, amber from 45 to 55.
    GoalPost {
        green_within: f64,
        amber_within: f64,
    },
}

/// What a figure is judged against.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: f64,
    pub rule: TargetRule,
}

/// The rating of one figure, or why there is none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rating {
    /// Rated, with performance as a percentage where a ratio applies.
    Rated { rag: Rag, performance: Option<f64> },
    /// No target was set for this period.
    NoTarget,
    /// The figure is missing, so it cannot be rated.
    Missing,
    /// The indicator is context only (polarity "-") and has no goal post target.
    ContextOnly,
}

const EPSILON: f64 = 1e-9;

/// Rates `value` against `target` for an indicator of `polarity`.
pub fn rate(value: &Value, target: Option<&Target>, polarity: Polarity) -> Rating {
    let Some(actual) = value.number() else {
        return Rating::Missing;
    };
    let Some(target) = target else {
        return Rating::NoTarget;
    };
    match target.rule {
        TargetRule::GoalPost {
            green_within,
            amber_within,
        } => {
            let distance = if target.value == 0.0 {
                if actual == 0.0 {
                    0.0
                } else {
                    f64::INFINITY
                }
            } else {
                ((actual - target.value) / target.value).abs() * 100.0
            };
            let rag = if distance <= green_within + EPSILON {
                Rag::Green
            } else if distance <= amber_within + EPSILON {
                Rag::Amber
            } else {
                Rag::Red
            };
            Rating::Rated {
                rag,
                performance: None,
            }
        }
        TargetRule::Directional { amber_within } => {
            let better_or_equal = match polarity {
                Polarity::High => actual >= target.value - EPSILON,
                Polarity::Low => actual <= target.value + EPSILON,
                Polarity::None => return Rating::ContextOnly,
            };
            if target.value == 0.0 {
                // A ratio to zero means nothing: meeting it is green, missing it red.
                let rag = if better_or_equal {
                    Rag::Green
                } else {
                    Rag::Red
                };
                return Rating::Rated {
                    rag,
                    performance: None,
                };
            }
            let ratio = actual / target.value;
            let performance = 100.0
                * if polarity == Polarity::High {
                    ratio
                } else {
                    2.0 - ratio
                };
            let rag = if better_or_equal {
                Rag::Green
            } else if performance >= 100.0 - amber_within - EPSILON {
                Rag::Amber
            } else {
                Rag::Red
            };
            Rating::Rated {
                rag,
                performance: Some(performance),
            }
        }
    }
}

/// Whether things got better, judged by polarity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Improving,
    NoChange,
    Worsening,
    /// Context-only measures went up or down without being better or worse.
    Rose,
    Fell,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Improving => "Improving",
            Direction::NoChange => "No change",
            Direction::Worsening => "Worsening",
            Direction::Rose => "Increased",
            Direction::Fell => "Decreased",
        }
    }
}

/// Why a direction of travel cannot be given.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DirectionError {
    #[error(transparent)]
    Unlike(#[from] UnlikePeriods),
    #[error("{earlier} comes after {later}: direction of travel needs the earlier period first")]
    OutOfOrder { earlier: String, later: String },
    #[error("there is no figure for {0}, so no direction of travel")]
    Missing(String),
}

/// Direction of travel from `earlier` to `later`, comparing like periods only.
pub fn direction(
    earlier: (&Period, &Value),
    later: (&Period, &Value),
    polarity: Polarity,
) -> Result<Direction, DirectionError> {
    let order = earlier.0.compare(later.0)?;
    if order != std::cmp::Ordering::Less {
        return Err(DirectionError::OutOfOrder {
            earlier: earlier.0.to_string(),
            later: later.0.to_string(),
        });
    }
    let before = earlier
        .1
        .number()
        .ok_or_else(|| DirectionError::Missing(earlier.0.to_string()))?;
    let after = later
        .1
        .number()
        .ok_or_else(|| DirectionError::Missing(later.0.to_string()))?;
    let change = after - before;
    if change.abs() <= EPSILON * before.abs().max(1.0) {
        return Ok(Direction::NoChange);
    }
    Ok(match (polarity, change > 0.0) {
        (Polarity::High, true) | (Polarity::Low, false) => Direction::Improving,
        (Polarity::High, false) | (Polarity::Low, true) => Direction::Worsening,
        (Polarity::None, true) => Direction::Rose,
        (Polarity::None, false) => Direction::Fell,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::MissingReason;

    fn v(x: f64) -> Value {
        Value::figure(x, 1)
    }

    fn directional(value: f64, amber_within: f64) -> Target {
        Target {
            value,
            rule: TargetRule::Directional { amber_within },
        }
    }

    fn rag_of(rating: Rating) -> Option<Rag> {
        match rating {
            Rating::Rated { rag, .. } => Some(rag),
            _ => None,
        }
    }

    /// Rates each (actual, expected rag, expected performance %) against `target`.
    fn check_directional(
        target: f64,
        amber_within: f64,
        polarity: Polarity,
        cases: &[(f64, Rag, f64)],
    ) {
        let t = directional(target, amber_within);
        for &(actual, rag, performance) in cases {
            match rate(&v(actual), Some(&t), polarity) {
                Rating::Rated {
                    rag: got,
                    performance: Some(p),
                } => {
                    assert_eq!(got, rag, "actual {actual}");
                    assert!(
                        (p - performance).abs() < 1e-9,
                        "actual {actual}: performance {p}"
                    );
                }
                other => panic!("actual {actual}: {other:?}"),
            }
        }
    }

    #[test]
    fn more_is_better_follows_actual_over_target() {
        check_directional(
            80.0,
            5.0,
            Polarity::High,
            &[
                (80.0, Rag::Green, 100.0), // exactly on target
                (90.0, Rag::Green, 112.5),
                (76.0, Rag::Amber, 95.0), // on the tolerance edge
                (75.9, Rag::Red, 94.875), // just beyond it
                (60.0, Rag::Red, 75.0),
            ],
        );
    }

    #[test]
    fn less_is_better_uses_two_minus_the_ratio() {
        check_directional(
            20.0,
            10.0,
            Polarity::Low,
            &[
                (20.0, Rag::Green, 100.0), // exactly on target
                (15.0, Rag::Green, 125.0),
                (22.0, Rag::Amber, 90.0), // on the tolerance edge
                (22.1, Rag::Red, 89.5),
                (25.0, Rag::Red, 75.0),
            ],
        );
    }

    #[test]
    fn a_zero_target_is_met_or_missed_without_a_ratio() {
        let t = directional(0.0, 5.0);
        assert_eq!(
            rate(&v(0.0), Some(&t), Polarity::Low),
            Rating::Rated {
                rag: Rag::Green,
                performance: None
            }
        );
        assert_eq!(
            rate(&v(1.0), Some(&t), Polarity::Low),
            Rating::Rated {
                rag: Rag::Red,
                performance: None
            }
        );
        assert_eq!(
            rate(&v(3.0), Some(&t), Polarity::High),
            Rating::Rated {
                rag: Rag::Green,
                performance: None
            }
        );
    }

    #[test]
    fn goal_post_rates_distance_either_side() {
        let t = Target {
            value: 100.0,
            rule: TargetRule::GoalPost {
                green_within: 5.0,
                amber_within: 10.0,
            },
        };
        for (actual, expected) in [
            (100.0, Rag::Green),
            (105.0, Rag::Green),
            (95.0, Rag::Green),
            (110.0, Rag::Amber),
            (89.0, Rag::Red),
        ] {
            assert_eq!(
                rag_of(rate(&v(actual), Some(&t), Polarity::None)),
                Some(expected),
                "{actual}"
            );
        }
    }

    #[test]
    fn missing_no_target_and_context_only_are_their_own_states() {
        let t = directional(50.0, 5.0);
        let missing = Value::missing(MissingReason::NewMeasure);
        assert_eq!(rate(&missing, Some(&t), Polarity::High), Rating::Missing);
        assert_eq!(rate(&v(10.0), None, Polarity::High), Rating::NoTarget);
        assert_eq!(
            rate(&v(10.0), Some(&t), Polarity::None),
            Rating::ContextOnly
        );
    }

    #[test]
    fn direction_follows_polarity_between_like_periods() {
        let q1_18: Period = "Q1 2018/19".parse().unwrap();
        let q1_19: Period = "Q1 2019/20".parse().unwrap();
        let up = ((&q1_18, &v(81.9)), (&q1_19, &v(84.6)));
        assert_eq!(
            direction(up.0, up.1, Polarity::Low),
            Ok(Direction::Worsening),
            "CLA rate rose"
        );
        assert_eq!(
            direction(up.0, up.1, Polarity::High),
            Ok(Direction::Improving)
        );
        assert_eq!(direction(up.0, up.1, Polarity::None), Ok(Direction::Rose));
        assert_eq!(
            direction((&q1_18, &v(5.0)), (&q1_19, &v(5.0)), Polarity::High),
            Ok(Direction::NoChange)
        );
    }

    #[test]
    fn direction_refuses_unlike_reversed_or_missing_periods() {
        let quarter: Period = "Q1 2018/19".parse().unwrap();
        let year: Period = "2018/19".parse().unwrap();
        let later: Period = "Q2 2018/19".parse().unwrap();
        assert!(matches!(
            direction((&quarter, &v(1.0)), (&year, &v(2.0)), Polarity::High),
            Err(DirectionError::Unlike(_))
        ));
        assert!(matches!(
            direction((&later, &v(1.0)), (&quarter, &v(2.0)), Polarity::High),
            Err(DirectionError::OutOfOrder { .. })
        ));
        let none = Value::missing(MissingReason::NotYetAvailable);
        assert_eq!(
            direction((&quarter, &none), (&later, &v(2.0)), Polarity::High),
            Err(DirectionError::Missing("Q1 2018/19".into()))
        );
    }

    #[test]
    fn polarity_reads_the_packs_column() {
        assert_eq!(Polarity::parse("H"), Some(Polarity::High));
        assert_eq!(Polarity::parse("low"), Some(Polarity::Low));
        assert_eq!(Polarity::parse("-"), Some(Polarity::None));
        assert_eq!(
            Polarity::parse("\u{041D}"),
            Some(Polarity::High),
            "Cyrillic En, as printed in a pack"
        );
        assert_eq!(Polarity::parse("X"), None);
        assert_eq!(Polarity::Low.code(), "L");
    }
}
