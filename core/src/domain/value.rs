//! Figures as the packs print them, and the reasons a figure can be missing.
//!
//! Missing is never zero: "New measure", "Available in Q4" and "-" are kept as
//! distinct states and shown as words.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What an indicator's figures measure; every value of the indicator shares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count of things: contacts, visits, plans.
    Count,
    /// Any other number, e.g. an average caseload of 22.9.
    Number,
    /// A percentage from 0 to 100.
    Percent,
    /// A rate per 1,000 of a population.
    #[serde(rename = "rate_per_1000")]
    RatePer1000,
    /// A rate per 10,000, e.g. children looked after per 10,000 aged 0-17.
    #[serde(rename = "rate_per_10000")]
    RatePer10000,
    /// A rate per 100,000, e.g. first time entrants per 100,000 local youth.
    #[serde(rename = "rate_per_100000")]
    RatePer100000,
    /// A number of days.
    Days,
    /// Pounds sterling.
    Money,
}

impl Unit {
    /// The rate's base, for rates.
    pub fn rate_base(self) -> Option<f64> {
        match self {
            Unit::RatePer1000 => Some(1_000.0),
            Unit::RatePer10000 => Some(10_000.0),
            Unit::RatePer100000 => Some(100_000.0),
            _ => None,
        }
    }

    /// Words for a column heading or a label: "per 10,000".
    pub fn describe(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Number => "number",
            Unit::Percent => "percentage",
            Unit::RatePer1000 => "rate per 1,000",
            Unit::RatePer10000 => "rate per 10,000",
            Unit::RatePer100000 => "rate per 100,000",
            Unit::Days => "days",
            Unit::Money => "pounds",
        }
    }
}

/// Why there is no figure. Each is shown as words, never as 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingReason {
    /// "-": the pack shows nothing for this cell.
    NotReported,
    /// "New measure": the measure did not exist then.
    NewMeasure,
    /// "Available in Q4", "not yet available": the figure will come later.
    NotYetAvailable,
    /// The figure is not collected for this period or comparator.
    NotCollected,
    /// "n/a": the measure does not apply.
    NotApplicable,
}

impl MissingReason {
    pub fn label(self) -> &'static str {
        match self {
            MissingReason::NotReported => "Not reported",
            MissingReason::NewMeasure => "New measure",
            MissingReason::NotYetAvailable => "Not yet available",
            MissingReason::NotCollected => "Not collected",
            MissingReason::NotApplicable => "Not applicable",
        }
    }
}

/// One figure, or the reason there is none.
// Read from a file or storage, each number is kept to at most `MOST_PLACES`
// decimal places, so every figure can be written out exactly and read back
// as itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[serde(from = "InFile")]
pub enum Value {
    Figure {
        /// The headline figure: a count, a percentage (57.5 for 57.5%), a rate, days or pounds.
        value: f64,
        /// Decimal places as printed ("32.0%" has 1), so it shows as the pack shows it.
        #[serde(default)]
        decimals: u8,
        /// With a rate or a percentage, the number it is made of: 1,412 in "1,412 / 57.5".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        numerator: Option<f64>,
        /// With a rate or a percentage, the population or total it is of, where known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        denominator: Option<f64>,
    },
    Missing {
        reason: MissingReason,
    },
}

/// The most decimal places a figure keeps.
pub const MOST_PLACES: u8 = 6;

/// `x` to [`MOST_PLACES`] decimal places: itself where it already has so
/// few, else the number its six places write (so that, written with six
/// places, it reads back as itself at any size).
fn to_most_places(x: f64) -> f64 {
    if !x.is_finite() || exact_places(x).is_some() {
        return x;
    }
    format!("{x:.6}").parse().unwrap_or(x)
}

/// The fewest decimal places `d` (at most [`MOST_PLACES`]) whose decimal
/// `n / 10^d` is `x` itself, where there are so few.
fn exact_places(x: f64) -> Option<u8> {
    (0..=MOST_PLACES).find(|&d| {
        let scale = 10f64.powi(i32::from(d));
        let n = (x * scale).round();
        n.abs() >= 2f64.powi(53) || n / scale == x
    })
}

/// The fewest decimal places that write `x` exactly (at most [`MOST_PLACES`]):
/// 2 for 0.04, 0 for 1890, 2 for 1.89, 5 for 8,888,818.14888. Every figure a
/// reader gives (see [`Value::kept`]) written with them reads back as itself.
pub fn places(x: f64) -> u8 {
    if !x.is_finite() {
        return 0;
    }
    exact_places(x).unwrap_or(MOST_PLACES)
}

/// One figure, or the reason there is none.
// A value as a file or stored record holds it, before its numbers are kept
// to `MOST_PLACES`; the file's schema is this type's.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Value"))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum InFile {
    Figure {
        /// The headline figure: a count, a percentage (57.5 for 57.5%), a rate, days or pounds.
        value: f64,
        /// Decimal places as printed ("32.0%" has 1), so it shows as the pack shows it.
        #[serde(default)]
        decimals: u8,
        /// With a rate or a percentage, the number it is made of: 1,412 in "1,412 / 57.5".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        numerator: Option<f64>,
        /// With a rate or a percentage, the population or total it is of, where known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        denominator: Option<f64>,
    },
    Missing {
        reason: MissingReason,
    },
}

impl From<InFile> for Value {
    fn from(read: InFile) -> Value {
        match read {
            InFile::Figure {
                value,
                decimals,
                numerator,
                denominator,
            } => Value::Figure {
                value,
                decimals,
                numerator,
                denominator,
            }
            .kept(),
            InFile::Missing { reason } => Value::Missing { reason },
        }
    }
}

impl Value {
    /// The value as Scrutineer keeps it: every number to at most
    /// [`MOST_PLACES`] decimal places. Every reader of outside text (a file,
    /// a form, a spreadsheet) gives its figures so, and a figure so kept is
    /// written out and read back as itself.
    pub fn kept(self) -> Value {
        match self {
            Value::Figure {
                value,
                decimals,
                numerator,
                denominator,
            } => Value::Figure {
                value: to_most_places(value),
                decimals: decimals.min(MOST_PLACES),
                numerator: numerator.map(to_most_places),
                denominator: denominator.map(to_most_places),
            },
            missing => missing,
        }
    }

    /// The decimal places a figure is shown and written with: as printed
    /// ("32.0%" keeps its 1), or more where the value holds more (0.04 with
    /// 1 printed shows as 0.04, not as 0.0), so nothing is hidden.
    pub fn shown_places(value: f64, decimals: u8) -> u8 {
        decimals.max(places(value))
    }

    /// Whether two values are the same figure as shown: the same numbers,
    /// shown with the same places (0.04 printed with 1 place or with 2), or
    /// the same reason for none. A file that gives back what is held
    /// changes nothing.
    pub fn same_as(&self, other: &Value) -> bool {
        match (self, other) {
            (
                Value::Figure {
                    value: a,
                    decimals: da,
                    numerator: na,
                    denominator: ta,
                },
                Value::Figure {
                    value: b,
                    decimals: db,
                    numerator: nb,
                    denominator: tb,
                },
            ) => {
                a == b
                    && na == nb
                    && ta == tb
                    && Value::shown_places(*a, *da) == Value::shown_places(*b, *db)
            }
            _ => self == other,
        }
    }

    /// A figure with no numerator or denominator.
    pub fn figure(value: f64, decimals: u8) -> Value {
        Value::Figure {
            value,
            decimals,
            numerator: None,
            denominator: None,
        }
    }

    pub fn missing(reason: MissingReason) -> Value {
        Value::Missing { reason }
    }

    /// Why this figure cannot be right for `unit`, in words that start a
    /// sentence's middle: "a percentage must be from 0 to 100, not 112".
    pub fn range_problem(&self, unit: Unit) -> Option<String> {
        let Value::Figure {
            value, numerator, ..
        } = self
        else {
            return None;
        };
        if unit == Unit::Percent && !(0.0..=100.0).contains(value) {
            return Some(format!("a percentage must be from 0 to 100, not {value}"));
        }
        if matches!(unit, Unit::Count | Unit::Days) && *value < 0.0 {
            return Some(format!("a {} cannot be negative: {value}", unit.describe()));
        }
        if numerator.is_some_and(|n| n < 0.0) {
            return Some("the number beside the rate cannot be negative".to_owned());
        }
        None
    }

    /// The headline figure, or `None` where it is missing.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Figure { value, .. } => Some(*value),
            Value::Missing { .. } => None,
        }
    }

    /// Shows the value as the packs print it: "1,412 / 57.5", "19.0%", "New measure".
    pub fn display(&self, unit: Unit) -> String {
        match self {
            Value::Missing { reason } => reason.label().to_owned(),
            Value::Figure {
                value,
                decimals,
                numerator,
                ..
            } => {
                let shown = group_thousands(*value, Value::shown_places(*value, *decimals));
                let main = match unit {
                    Unit::Percent => format!("{shown}%"),
                    Unit::Money => format!("£{shown}"),
                    _ => shown,
                };
                match numerator {
                    Some(n) => format!("{} / {main}", group_thousands(*n, places(*n))),
                    None => main,
                }
            }
        }
    }
}

/// "1412.5" with 1 decimal -> "1,412.5"; negative numbers keep their sign.
pub fn group_thousands(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", usize::from(decimals), value.abs());
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Why typed text is not a value, with what would be accepted.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ValueParseError {
    #[error("\u{201c}{text}\u{201d} is not a figure. Type a number such as 1,412, a percentage such as 57.5%, a number and rate such as 1,412 / 57.5, or - where there is none")]
    NotAFigure { text: String },
    #[error("\u{201c}{text}\u{201d} has a % sign but this measure is {unit}, not a percentage")]
    PercentForOtherUnit { text: String, unit: &'static str },
    #[error("\u{201c}{text}\u{201d} has two figures; only a rate or a percentage can be written as \u{201c}number / rate\u{201d}")]
    PairForOtherUnit { text: String },
}

impl Value {
    /// Reads what people type from the packs: "1,412", "57.5%", "1,412/ 57.5",
    /// "£2,300", "-", "New measure", "Available in Q4", "n/a".
    pub fn parse(text: &str, unit: Unit) -> Result<Value, ValueParseError> {
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        let missing = match lower.as_str() {
            "" | "-" | "–" | "—" | "not reported" => Some(MissingReason::NotReported),
            "new measure" => Some(MissingReason::NewMeasure),
            "n/a" | "na" | "not applicable" => Some(MissingReason::NotApplicable),
            "not collected" => Some(MissingReason::NotCollected),
            _ if lower.starts_with("available in") || lower.contains("not yet available") => {
                Some(MissingReason::NotYetAvailable)
            }
            _ => None,
        };
        if let Some(reason) = missing {
            return Ok(Value::missing(reason));
        }
        let not_a_figure = || ValueParseError::NotAFigure {
            text: crate::text::excerpt(trimmed),
        };
        if let Some((left, right)) = trimmed.split_once('/') {
            if unit != Unit::Percent && unit.rate_base().is_none() {
                return Err(ValueParseError::PairForOtherUnit {
                    text: crate::text::excerpt(trimmed),
                });
            }
            let (numerator, _) = plain_number(left).ok_or_else(not_a_figure)?;
            let (value, decimals) = main_figure(right, unit, trimmed)?;
            return Ok(Value::Figure {
                value,
                decimals,
                numerator: Some(numerator),
                denominator: None,
            }
            .kept());
        }
        let (value, decimals) = main_figure(trimmed, unit, trimmed)?;
        Ok(Value::figure(value, decimals).kept())
    }
}

fn main_figure(text: &str, unit: Unit, whole: &str) -> Result<(f64, u8), ValueParseError> {
    let text = text.trim();
    let text = match text.strip_suffix('%') {
        Some(rest) if unit == Unit::Percent => rest,
        Some(_) => {
            return Err(ValueParseError::PercentForOtherUnit {
                text: crate::text::excerpt(whole),
                unit: unit.describe(),
            })
        }
        None => text,
    };
    let text = if unit == Unit::Money {
        text.trim_start_matches('£')
    } else {
        text
    };
    plain_number(text).ok_or_else(|| ValueParseError::NotAFigure {
        text: crate::text::excerpt(whole),
    })
}

/// "1,412.50" -> (1412.5, 2). Commas must group thousands properly.
fn plain_number(text: &str) -> Option<(f64, u8)> {
    let text = text.trim();
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').map_or((digits, ""), |(w, f)| (w, f));
    if whole.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let well_grouped = groups.iter().enumerate().all(|(i, g)| {
        !g.is_empty()
            && g.bytes().all(|b| b.is_ascii_digit())
            && (i == 0 && g.len() <= 3 || i > 0 && g.len() == 3 || groups.len() == 1)
    });
    if !well_grouped {
        return None;
    }
    let plain = format!(
        "{sign}{}.{}",
        groups.concat(),
        if fraction.is_empty() { "0" } else { fraction }
    );
    let value: f64 = plain.parse().ok()?;
    value
        .is_finite()
        .then_some((value, u8::try_from(fraction.len()).ok()?))
}

impl fmt::Display for MissingReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_kept_to_six_places_from_every_reader_and_large_ones_as_they_are() {
        let typed = Value::parse("12.1234567", Unit::Number).expect("reads");
        assert_eq!(typed, Value::figure(12.123457, MOST_PLACES));
        assert_eq!(typed.clone().kept(), typed, "kept once is kept");
        // Ten billions keep every digit they have: six places would not fit.
        let billions = Value::figure(12_345_678_901.25, 2);
        assert_eq!(billions.clone().kept(), billions);
        let huge = Value::figure(1e300, 0);
        assert_eq!(huge.clone().kept(), huge);
        // A refusal quotes a short excerpt of what was typed.
        let long = format!("{}%", "x".repeat(100_000));
        let refused = Value::parse(&long, Unit::Count).expect_err("not a figure");
        assert!(refused.to_string().chars().count() < 300, "{refused}");
    }

    #[test]
    fn a_figure_with_more_places_than_printed_shows_them_all() {
        let tiny = Value::figure(0.04, 1);
        assert_eq!(tiny.display(Unit::Percent), "0.04%");
        assert_eq!(Value::figure(32.0, 1).display(Unit::Percent), "32.0%");
        let pair = Value::Figure {
            value: 19.0,
            decimals: 1,
            numerator: Some(1.89),
            denominator: None,
        };
        assert_eq!(pair.display(Unit::Percent), "1.89 / 19.0%");
        assert_eq!(places(1890.0), 0);
        assert_eq!(places(0.3), 1);
        assert_eq!(
            places(8_888_818.148_88),
            5,
            "large numbers keep their places"
        );
        assert_eq!(places(1.15), 2);
        assert_eq!(places(1.0 / 3.0), MOST_PLACES);
    }

    #[test]
    fn numbers_read_from_a_file_are_kept_to_six_places() {
        let read: Value = serde_json::from_str(
            r#"{"kind":"figure","value":57.45612345,"decimals":9,"numerator":1.0000004}"#,
        )
        .expect("reads");
        assert_eq!(
            read,
            Value::Figure {
                value: 57.456123,
                decimals: MOST_PLACES,
                numerator: Some(1.0),
                denominator: None,
            }
        );
        // Kept to six places, a figure writes out and reads back as itself.
        let again: Value = serde_json::from_str(&serde_json::to_string(&read).expect("writes"))
            .expect("reads back");
        assert_eq!(again, read);
        assert_eq!(read.display(Unit::Percent), "1 / 57.456123%");
    }

    #[test]
    fn pack_cells_parse_and_print_back_as_printed() {
        let cases = [
            ("31,873", Unit::Count, "31,873"),
            ("32.0%", Unit::Percent, "32.0%"),
            ("46%", Unit::Percent, "46%"),
            ("9,907/ 403.9", Unit::RatePer10000, "9,907 / 403.9"),
            ("1,412/57.5", Unit::RatePer10000, "1,412 / 57.5"),
            ("1,890/ 19.0%", Unit::Percent, "1,890 / 19.0%"),
            ("22.9", Unit::Number, "22.9"),
            ("4,007,475", Unit::Count, "4,007,475"),
            ("£2,300", Unit::Money, "£2,300"),
            ("489", Unit::Days, "489"),
        ];
        for (text, unit, shown) in cases {
            let value = Value::parse(text, unit).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(value.display(unit), shown, "{text}");
        }
    }

    #[test]
    fn a_number_and_rate_pair_keeps_both() {
        let value = Value::parse("1,412 / 57.5", Unit::RatePer10000).unwrap();
        assert_eq!(
            value,
            Value::Figure {
                value: 57.5,
                decimals: 1,
                numerator: Some(1412.0),
                denominator: None
            }
        );
        assert_eq!(value.number(), Some(57.5));
    }

    #[test]
    fn missing_states_are_distinct_and_never_zero() {
        let cases = [
            ("-", MissingReason::NotReported),
            ("", MissingReason::NotReported),
            ("New measure", MissingReason::NewMeasure),
            ("Available in Q4", MissingReason::NotYetAvailable),
            ("n/a", MissingReason::NotApplicable),
            ("Not collected", MissingReason::NotCollected),
        ];
        for (text, reason) in cases {
            let value = Value::parse(text, Unit::Percent).unwrap();
            assert_eq!(value, Value::missing(reason), "{text:?}");
            assert_eq!(value.number(), None);
            assert_eq!(value.display(Unit::Percent), reason.label());
        }
    }

    #[test]
    fn bad_input_is_refused_with_the_reason() {
        let not_a_figure = |text: &str| ValueParseError::NotAFigure {
            text: text.to_owned(),
        };
        let cases = [
            ("abc", Unit::Count, not_a_figure("abc")),
            ("1,41,2", Unit::Count, not_a_figure("1,41,2")),
            ("12.3.4", Unit::Count, not_a_figure("12.3.4")),
            ("NaN", Unit::Count, not_a_figure("NaN")),
            (
                " 57% ",
                Unit::Days,
                ValueParseError::PercentForOtherUnit {
                    text: "57%".into(),
                    unit: "days",
                },
            ),
            (
                "3/4",
                Unit::Count,
                ValueParseError::PairForOtherUnit { text: "3/4".into() },
            ),
        ];
        for (text, unit, expected) in cases {
            assert_eq!(Value::parse(text, unit), Err(expected), "{text:?}");
        }
        let message = Value::parse("lots", Unit::Count).unwrap_err().to_string();
        assert!(
            message.starts_with("\u{201c}lots\u{201d} is not a figure."),
            "{message}"
        );
    }

    #[test]
    fn thousands_are_grouped_with_the_sign_kept() {
        assert_eq!(group_thousands(0.0, 0), "0");
        assert_eq!(group_thousands(999.0, 0), "999");
        assert_eq!(group_thousands(1000.0, 0), "1,000");
        assert_eq!(group_thousands(-1234567.891, 2), "-1,234,567.89");
        assert_eq!(group_thousands(-0.01, 1), "0.0");
    }

    #[test]
    fn values_serialise_with_a_kind_tag() {
        let value = Value::parse("1,412/57.5", Unit::RatePer10000).unwrap();
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"figure","value":57.5,"decimals":1,"numerator":1412.0}"#
        );
        assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), value);
        let missing = serde_json::to_string(&Value::missing(MissingReason::NewMeasure)).unwrap();
        assert_eq!(missing, r#"{"kind":"missing","reason":"new_measure"}"#);
    }

    #[test]
    fn every_missing_label_reads_back_as_itself() {
        for reason in [
            MissingReason::NotReported,
            MissingReason::NewMeasure,
            MissingReason::NotYetAvailable,
            MissingReason::NotCollected,
            MissingReason::NotApplicable,
        ] {
            let shown = Value::missing(reason).display(Unit::Count);
            assert_eq!(
                Value::parse(&shown, Unit::Count),
                Ok(Value::missing(reason)),
                "{shown}"
            );
        }
    }
}
