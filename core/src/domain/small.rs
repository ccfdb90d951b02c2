//! Small numbers: figures too few to read a change into.
//!
//! As statistical disclosure practice does, a count under the council's
//! threshold ([`Settings::small_numbers`], 10 unless it sets its own) is
//! flagged as small wherever it is shown, and so is a percentage or rate
//! made of such a count. A percentage of fewer than [`SMALL_BASE`] is shown
//! as the count it is ("7 of 15"), never as a percentage, which would make a
//! change of one look like a change of several points.
//!
//! [`Settings::small_numbers`]: crate::domain::snapshot::Settings::small_numbers

use crate::domain::value::{group_thousands, places, Unit, Value};

/// A count under this is small unless the council sets its own threshold.
pub const DEFAULT_UNDER: u32 = 10;

/// The highest threshold a council can set.
pub const MOST_UNDER: u32 = 1_000;

/// The fewest a percentage is given of; under it, the count is given instead.
pub const SMALL_BASE: u32 = 20;

/// Why a figure is flagged as small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Small {
    /// A count under the threshold.
    Count,
    /// A percentage or rate made of a count under the threshold.
    MadeOf,
    /// A percentage of fewer than [`SMALL_BASE`], shown as its count.
    Base,
}

impl Small {
    /// Words for a reader, as a footnote or a screen reader gives them.
    pub fn words(self, under: u32) -> String {
        match self {
            Small::Count => format!("a small number: fewer than {}", grouped(under)),
            Small::MadeOf => format!("made of a small number: fewer than {}", grouped(under)),
            Small::Base => {
                format!("out of fewer than {SMALL_BASE}, so given as a count, not a percentage")
            }
        }
    }
}

/// The threshold as a reader sees it: "1,000".
fn grouped(under: u32) -> String {
    group_thousands(f64::from(under), 0)
}

/// The note under a table of indicators that flags small numbers.
pub fn note(under: u32) -> String {
    format!(
        "\u{201c}small\u{201d} marks a count under {}, or a figure made of one, too few to read a change into. A percentage of fewer than {SMALL_BASE} is given as its count.",
        grouped(under)
    )
}

/// The note under a chart of counts whose table flags small ones.
pub fn counts_key(under: u32) -> String {
    format!(
        "Counts under {} are too few to read a change into: the figures\u{2019} table marks them \u{201c}small\u{201d}.",
        grouped(under)
    )
}

/// The key under a chart that draws small numbers hollow.
pub fn hollow_key(under: u32) -> String {
    format!(
        "A hollow point is a small number: a count under {}, or a figure made of one, too few to read a change into.",
        grouped(under)
    )
}

/// The count a figure is made of and the base it is of, where the figure
/// holds them or they can be worked out from it: a percentage's part and
/// whole (the whole from the part and the percentage as printed, where it
/// comes out whole), a rate's count (from its population), a count itself.
fn parts(value: &Value, unit: Unit) -> (Option<f64>, Option<f64>) {
    let Value::Figure {
        value,
        decimals,
        numerator,
        denominator,
    } = value
    else {
        return (None, None);
    };
    match unit {
        Unit::Count => (Some(*value), None),
        Unit::Percent => {
            let base =
                denominator.or_else(|| numerator.and_then(|n| whole_of(n, *value, *decimals)));
            let count = numerator.or_else(|| base.map(|b| (value * b / 100.0).round()));
            (count, base)
        }
        _ => match unit.rate_base() {
            Some(per) => (
                numerator.or_else(|| denominator.map(|d| (value * d / per).round())),
                None,
            ),
            None => (None, None),
        },
    }
}

/// The whole that `part` is `percent` of, as printed to `decimals` places,
/// where one whole number gives it: 3 and 25.0% give 12.
fn whole_of(part: f64, percent: f64, decimals: u8) -> Option<f64> {
    if !(percent > 0.0 && part >= 0.0 && part.fract() == 0.0) {
        return None;
    }
    let whole = (part * 100.0 / percent).round();
    let half_place = 0.5 * 10f64.powi(-i32::from(decimals)) + 1e-9;
    (whole >= part && whole > 0.0 && (part * 100.0 / whole - percent).abs() <= half_place)
        .then_some(whole)
}

/// Whether `value`, of an indicator measured in `unit`, is a small number
/// under the threshold `under`; a threshold of 0 flags none.
pub fn small(value: &Value, unit: Unit, under: u32) -> Option<Small> {
    if under == 0 {
        return None;
    }
    let (count, base) = parts(value, unit);
    if unit == Unit::Percent && small_base(base).is_some() {
        return Some(Small::Base);
    }
    let below = count.is_some_and(|x| x >= 0.0 && x < f64::from(under));
    match unit {
        _ if !below => None,
        Unit::Count => Some(Small::Count),
        Unit::Percent | Unit::RatePer1000 | Unit::RatePer10000 | Unit::RatePer100000 => {
            Some(Small::MadeOf)
        }
        _ => None,
    }
}

/// A base under [`SMALL_BASE`] (and above zero).
fn small_base(base: Option<f64>) -> Option<f64> {
    base.filter(|d| *d > 0.0 && *d < f64::from(SMALL_BASE))
}

/// The figure as a reader sees it: as [`Value::display`] shows it, except a
/// percentage of fewer than [`SMALL_BASE`], which is given as its count, "7
/// of 15" (the count or the base worked out where only one is held).
pub fn reading(value: &Value, unit: Unit) -> String {
    if unit == Unit::Percent {
        let (part, base) = parts(value, unit);
        if let (Some(part), Some(base)) = (part, small_base(base)) {
            return format!(
                "{} of {}",
                group_thousands(part, places(part)),
                group_thousands(base, places(base))
            );
        }
    }
    value.display(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::MissingReason;

    fn made_of(value: f64, numerator: f64, denominator: Option<f64>) -> Value {
        Value::Figure {
            value,
            decimals: 1,
            numerator: Some(numerator),
            denominator,
        }
    }

    #[test]
    fn a_count_under_the_threshold_is_small_and_one_at_it_is_not() {
        let count = |x: f64| small(&Value::figure(x, 0), Unit::Count, DEFAULT_UNDER);
        assert_eq!(count(0.0), Some(Small::Count));
        assert_eq!(count(9.0), Some(Small::Count));
        assert_eq!(count(10.0), None);
        assert_eq!(count(1_412.0), None);
        assert_eq!(
            small(&Value::figure(9.0, 0), Unit::Count, 0),
            None,
            "a threshold of 0 flags none"
        );
        assert_eq!(
            small(&Value::figure(40.0, 0), Unit::Count, 50),
            Some(Small::Count),
            "the council's own threshold is used"
        );
        assert_eq!(
            small(&Value::figure(-3.0, 0), Unit::Count, DEFAULT_UNDER),
            None,
            "a change below zero is not a small count"
        );
    }

    #[test]
    fn other_units_are_small_only_when_made_of_a_small_count() {
        let days = Value::figure(4.5, 1);
        assert_eq!(small(&days, Unit::Days, DEFAULT_UNDER), None);
        assert_eq!(small(&Value::figure(3.0, 0), Unit::Number, 10), None);
        let rate = made_of(3.1, 6.0, Some(19_400.0));
        assert_eq!(
            small(&rate, Unit::RatePer10000, DEFAULT_UNDER),
            Some(Small::MadeOf)
        );
        let big = made_of(57.5, 1_412.0, Some(245_565.0));
        assert_eq!(small(&big, Unit::RatePer10000, DEFAULT_UNDER), None);
        let share = made_of(30.0, 6.0, Some(20.0));
        assert_eq!(
            small(&share, Unit::Percent, DEFAULT_UNDER),
            Some(Small::MadeOf)
        );
        assert_eq!(
            small(&Value::missing(MissingReason::NewMeasure), Unit::Count, 10),
            None,
            "a missing figure is not a small one"
        );
    }

    #[test]
    fn a_percentage_of_fewer_than_twenty_is_given_as_its_count() {
        let share = made_of(46.7, 7.0, Some(15.0));
        assert_eq!(small(&share, Unit::Percent, 1), Some(Small::Base));
        assert_eq!(small(&share, Unit::Percent, 0), None, "0 flags none");
        assert_eq!(
            reading(&share, Unit::Percent),
            "7 of 15",
            "but the count is still given"
        );
        // Without the count, it is worked out from the percentage: 40% of 15.
        let no_count = Value::Figure {
            value: 40.0,
            decimals: 0,
            numerator: None,
            denominator: Some(15.0),
        };
        assert_eq!(reading(&no_count, Unit::Percent), "6 of 15");
        let twenty = made_of(35.0, 7.0, Some(20.0));
        assert_eq!(
            reading(&twenty, Unit::Percent),
            twenty.display(Unit::Percent)
        );
        assert_ne!(small(&twenty, Unit::Percent, 10), Some(Small::Base));
        // A rate's population is no base for a percentage.
        let rate = made_of(3.1, 6.0, Some(12.0));
        assert_eq!(
            reading(&rate, Unit::RatePer10000),
            rate.display(Unit::RatePer10000)
        );
        let plain = Value::figure(88.76, 2);
        assert_eq!(reading(&plain, Unit::Percent), "88.76%");
    }

    #[test]
    fn a_base_or_count_not_held_is_worked_out_from_the_figure_where_it_comes_out_whole() {
        // "3 / 25.0%": 3 is 25.0% of 12.
        let typed = Value::parse("3 / 25.0%", Unit::Percent).expect("reads");
        assert_eq!(reading(&typed, Unit::Percent), "3 of 12");
        assert_eq!(small(&typed, Unit::Percent, 10), Some(Small::Base));
        // 7 / 46.7%: 46.7% of 15 is 7.005, printed to one place.
        let rounded = Value::parse("7 / 46.7%", Unit::Percent).expect("reads");
        assert_eq!(reading(&rounded, Unit::Percent), "7 of 15");
        // 11 / 57.9% is 11 of 19; 12 / 57.1% is 12 of 21: not small.
        let nineteen = Value::parse("11 / 57.9%", Unit::Percent).expect("reads");
        assert_eq!(reading(&nineteen, Unit::Percent), "11 of 19");
        let big = Value::parse("12 / 57.1%", Unit::Percent).expect("reads");
        assert_eq!(reading(&big, Unit::Percent), "12 / 57.1%");
        assert_eq!(small(&big, Unit::Percent, 10), None, "12 is not under 10");
        assert_eq!(small(&big, Unit::Percent, 13), Some(Small::MadeOf));
        // A part that is no whole count, or a percentage no whole base gives, is left alone.
        let odd = Value::parse("1.89 / 19.0%", Unit::Percent).expect("reads");
        assert_eq!(reading(&odd, Unit::Percent), "1.89 / 19.0%");
        let none = Value::parse("3 / 31.0%", Unit::Percent).expect("reads");
        assert_eq!(
            reading(&none, Unit::Percent),
            "3 / 31.0%",
            "3 of 9.68 is no count"
        );
        let zero = Value::parse("0 / 0.0%", Unit::Percent).expect("reads");
        assert_eq!(reading(&zero, Unit::Percent), "0 / 0.0%");
        // A rate's count from its population: 3.1 per 10,000 of 19,400 is 6.
        let rate = Value::Figure {
            value: 3.1,
            decimals: 1,
            numerator: None,
            denominator: Some(19_400.0),
        };
        assert_eq!(small(&rate, Unit::RatePer10000, 10), Some(Small::MadeOf));
        assert_eq!(small(&rate, Unit::RatePer10000, 6), None);
        // A percentage with neither count nor base held cannot be judged.
        assert_eq!(small(&Value::figure(40.0, 1), Unit::Percent, 1_000), None);
    }

    #[test]
    fn the_words_name_the_threshold() {
        assert_eq!(Small::Count.words(10), "a small number: fewer than 10");
        assert!(Small::MadeOf.words(5).ends_with("fewer than 5"));
        assert!(Small::Base.words(10).contains("fewer than 20"));
        assert!(note(5).contains("under 5"));
        assert!(hollow_key(7).contains("a count under 7"));
        assert!(note(1_000).contains("a count under 1,000,"));
        assert!(counts_key(1_000).starts_with("Counts under 1,000 are too few"));
    }
}
