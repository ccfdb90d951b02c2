//! Risk and opportunity scoring: impact x likelihood on a 5 x 5 grid, and the
//! council's own banding of scores.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Whether an entry is a risk (high is bad) or an opportunity (high is good).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    // A new entry's form starts as a risk.
    #[default]
    Risk,
    Opportunity,
}

impl EntryKind {
    pub const ALL: [EntryKind; 2] = [EntryKind::Risk, EntryKind::Opportunity];

    /// As the address and the forms write it: "risk", "opportunity".
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Risk => "risk",
            EntryKind::Opportunity => "opportunity",
        }
    }

    pub fn from_key(key: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// "risks", "opportunities": also ids and test hooks.
    pub fn plural(self) -> &'static str {
        match self {
            EntryKind::Risk => "risks",
            EntryKind::Opportunity => "opportunities",
        }
    }

    /// "Risks", "Opportunities": a heading.
    pub fn heading(self) -> &'static str {
        match self {
            EntryKind::Risk => "Risks",
            EntryKind::Opportunity => "Opportunities",
        }
    }
}

/// The words for impact 1 to 5. Opportunities call 5 "Outstanding".
pub fn impact_label(kind: EntryKind, impact: u8) -> Option<&'static str> {
    Some(match (impact, kind) {
        (1, _) => "Insignificant",
        (2, _) => "Minor",
        (3, _) => "Moderate",
        (4, _) => "Major",
        (5, EntryKind::Risk) => "Catastrophic",
        (5, EntryKind::Opportunity) => "Outstanding",
        _ => return None,
    })
}

/// The words for likelihood 1 to 5.
pub fn likelihood_label(likelihood: u8) -> Option<&'static str> {
    Some(match likelihood {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        5 => "Certain",
        _ => return None,
    })
}

/// Every score a 5 x 5 grid can give: 14 distinct products.
pub const POSSIBLE_SCORES: [u8; 14] = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25];

/// A score as the register gives it: with impact and likelihood, or only the
/// product where that is all the pack printed. A product is never split into
/// a guessed impact and likelihood.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Score {
    Rated { impact: u8, likelihood: u8 },
    Printed { value: u8 },
}

/// Why a score is not valid, in words an officer can act on.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ScoreError {
    #[error("impact must be from 1 to 5, not {0}")]
    Impact(u8),
    #[error("likelihood must be from 1 to 5, not {0}")]
    Likelihood(u8),
    #[error("{0} cannot come from a 5 x 5 grid: a score is one of 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20 or 25")]
    Impossible(u8),
    #[error("\u{201c}{text}\u{201d} says {printed}, but {impact} x {likelihood} is {product}")]
    Mismatch {
        text: String,
        printed: u8,
        impact: u8,
        likelihood: u8,
        product: u8,
    },
    #[error("\u{201c}{0}\u{201d} is not a score. Write it as the packs do, e.g. \u{201c}16 (Major/Likely)\u{201d} or \u{201c}16\u{201d}")]
    Unreadable(String),
}

impl Score {
    /// A checked impact x likelihood score.
    pub fn rated(impact: u8, likelihood: u8) -> Result<Score, ScoreError> {
        let score = Score::Rated { impact, likelihood };
        score.check()?;
        Ok(score)
    }

    /// Confirms the parts are on the grid.
    pub fn check(&self) -> Result<(), ScoreError> {
        match *self {
            Score::Rated { impact, likelihood } => {
                if !(1..=5).contains(&impact) {
                    return Err(ScoreError::Impact(impact));
                }
                if !(1..=5).contains(&likelihood) {
                    return Err(ScoreError::Likelihood(likelihood));
                }
                Ok(())
            }
            Score::Printed { value } if POSSIBLE_SCORES.contains(&value) => Ok(()),
            Score::Printed { value } => Err(ScoreError::Impossible(value)),
        }
    }

    /// The score, impact x likelihood.
    pub fn value(&self) -> u8 {
        match *self {
            Score::Rated { impact, likelihood } => impact.saturating_mul(likelihood),
            Score::Printed { value } => value,
        }
    }

    /// The grid cell as (impact, likelihood), where it is known: rated, or a
    /// printed product that only one cell gives (1, 9, 16, 25). 12 could be
    /// 3 x 4 or 4 x 3, so it has no cell.
    pub fn cell(&self) -> Option<(u8, u8)> {
        match *self {
            Score::Rated { impact, likelihood } => Some((impact, likelihood)),
            Score::Printed { value } => {
                let mut cells = (1..=5u8)
                    .flat_map(|i| (1..=5u8).map(move |l| (i, l)))
                    .filter(|(i, l)| i * l == value);
                match (cells.next(), cells.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            }
        }
    }

    /// As the packs write it: "16 (Major/Likely)", or "16" where only the product is known.
    pub fn label(&self, kind: EntryKind) -> String {
        match *self {
            Score::Rated { impact, likelihood } => format!(
                "{} ({}/{})",
                self.value(),
                impact_label(kind, impact).unwrap_or("?"),
                likelihood_label(likelihood).unwrap_or("?")
            ),
            Score::Printed { value } => value.to_string(),
        }
    }

    /// Reads "16 (Major/Likely)", "16 (Major /Likely)", "16 Major/ Likely",
    /// "4x4" (impact first), "16", and the parts named as spreadsheets name
    /// them, in either order: "L4 I4", "I4 x L4", "Likelihood 4 Impact 4".
    pub fn parse(text: &str) -> Result<Score, ScoreError> {
        let unreadable = || ScoreError::Unreadable(crate::text::excerpt(text));
        let trimmed = text.trim();
        if let Some((impact, likelihood)) = named_parts(trimmed) {
            return Score::rated(impact, likelihood);
        }
        if let Some((left, right)) = trimmed.split_once(['x', 'X', '×']) {
            let impact = left.trim().parse().map_err(|_| unreadable())?;
            let likelihood = right.trim().parse().map_err(|_| unreadable())?;
            return Score::rated(impact, likelihood);
        }
        let digits = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (number, rest) = trimmed.split_at(digits);
        let rest = rest
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        let words = (!rest.is_empty()).then_some(rest);
        let printed: u8 = number.parse().map_err(|_| unreadable())?;
        let Some(words) = words else {
            let score = Score::Printed { value: printed };
            score.check()?;
            return Ok(score);
        };
        let (impact_word, likelihood_word) = words.split_once('/').ok_or_else(unreadable)?;
        let impact = level_from_word(impact_word, |n| {
            [
                impact_label(EntryKind::Risk, n),
                impact_label(EntryKind::Opportunity, n),
            ]
        })
        .ok_or_else(unreadable)?;
        let likelihood = level_from_word(likelihood_word, |n| [likelihood_label(n), None])
            .ok_or_else(unreadable)?;
        let score = Score::rated(impact, likelihood)?;
        if score.value() != printed {
            return Err(ScoreError::Mismatch {
                text: crate::text::excerpt(trimmed),
                printed,
                impact,
                likelihood,
                product: score.value(),
            });
        }
        Ok(score)
    }
}

/// Impact and likelihood where each is named before its number: "I4 L3",
/// "L3 I4", "Impact 4, Likelihood 3", "I4 x L3". `None` for any other form.
fn named_parts(text: &str) -> Option<(u8, u8)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Part {
        Impact,
        Likelihood,
    }
    let lower = text.to_lowercase();
    if !lower.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let mut tokens = vec![];
    let mut rest = lower.as_str();
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        rest = &rest[start..];
        let digit = rest.starts_with(|c: char| c.is_ascii_digit());
        let end = rest
            .find(|c: char| !c.is_alphanumeric() || c.is_ascii_digit() != digit)
            .unwrap_or(rest.len());
        tokens.push(&rest[..end]);
        rest = &rest[end..];
    }
    let (mut impact, mut likelihood, mut pending) = (None, None, None);
    for token in tokens {
        match token {
            "i" | "impact" => pending = Some(Part::Impact),
            "l" | "likelihood" => pending = Some(Part::Likelihood),
            "x" | "by" | "and" if pending.is_none() => {}
            number => {
                let value: u8 = number.parse().ok()?;
                let slot = match pending.take()? {
                    Part::Impact => &mut impact,
                    Part::Likelihood => &mut likelihood,
                };
                if slot.replace(value).is_some() {
                    return None;
                }
            }
        }
    }
    match (impact, likelihood, pending) {
        (Some(i), Some(l), None) => Some((i, l)),
        _ => None,
    }
}

fn level_from_word(word: &str, labels: impl Fn(u8) -> [Option<&'static str>; 2]) -> Option<u8> {
    let word = word.trim();
    (1..=5).find(|&n| {
        labels(n)
            .iter()
            .flatten()
            .any(|label| label.eq_ignore_ascii_case(word))
    })
}

/// How a band is shown: each has a colour and, always, its name as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BandTone {
    Green,
    Yellow,
    Amber,
    Red,
}

/// One band of scores, e.g. "High: 15 to 25".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    pub min: u8,
    pub max: u8,
    pub tone: BandTone,
}

/// The council's banding of scores, lowest band first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ScoreBands(pub Vec<Band>);

/// Why a banding cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BandsError {
    #[error("there are no bands: give at least one, covering scores 1 to 25")]
    Empty,
    #[error("band \u{201c}{name}\u{201d} has no name")]
    Unnamed { name: String },
    #[error("band \u{201c}{name}\u{201d} runs from {min} to {max}: its lowest score must not be above its highest")]
    Reversed { name: String, min: u8, max: u8 },
    #[error("score {score} is in no band: bands must cover every score from 1 to 25")]
    Uncovered { score: u8 },
    #[error("score {score} is in both \u{201c}{first}\u{201d} and \u{201c}{second}\u{201d}: bands must not overlap")]
    Overlap {
        score: u8,
        first: String,
        second: String,
    },
}

impl ScoreBands {
    fn band(name: &str, min: u8, max: u8, tone: BandTone) -> Band {
        Band {
            name: name.to_owned(),
            min,
            max,
            tone,
        }
    }

    /// Three bands: 1-6 low, 8-12 medium, 15-25 high.
    pub fn three() -> ScoreBands {
        ScoreBands(vec![
            Self::band("Low", 1, 6, BandTone::Green),
            Self::band("Medium", 8, 12, BandTone::Amber),
            Self::band("High", 15, 25, BandTone::Red),
        ])
    }

    /// Four bands: 1-3 low, 4-6 medium, 8-12 high, 15-25 very high.
    pub fn four() -> ScoreBands {
        ScoreBands(vec![
            Self::band("Low", 1, 3, BandTone::Green),
            Self::band("Medium", 4, 6, BandTone::Yellow),
            Self::band("High", 8, 12, BandTone::Amber),
            Self::band("Very high", 15, 25, BandTone::Red),
        ])
    }

    /// The same bands with their colours in the other order, so that the
    /// highest band of an opportunity (where high is good) is green, not the
    /// risks' red: what opportunities use until the council sets their own.
    pub fn mirrored(&self) -> ScoreBands {
        let tones: Vec<BandTone> = self.0.iter().rev().map(|b| b.tone).collect();
        ScoreBands(
            self.0
                .iter()
                .zip(tones)
                .map(|(b, tone)| Band { tone, ..b.clone() })
                .collect(),
        )
    }

    /// Every possible score must fall in exactly one band.
    pub fn check(&self) -> Result<(), BandsError> {
        if self.0.is_empty() {
            return Err(BandsError::Empty);
        }
        for band in &self.0 {
            if band.name.trim().is_empty() {
                return Err(BandsError::Unnamed {
                    name: format!("{} to {}", band.min, band.max),
                });
            }
            if band.min > band.max {
                return Err(BandsError::Reversed {
                    name: band.name.clone(),
                    min: band.min,
                    max: band.max,
                });
            }
        }
        for score in POSSIBLE_SCORES {
            let mut holding = self
                .0
                .iter()
                .filter(|band| (band.min..=band.max).contains(&score));
            let first = holding.next().ok_or(BandsError::Uncovered { score })?;
            if let Some(second) = holding.next() {
                return Err(BandsError::Overlap {
                    score,
                    first: first.name.clone(),
                    second: second.name.clone(),
                });
            }
        }
        Ok(())
    }

    /// The band a score falls in.
    pub fn band_of(&self, score: u8) -> Option<&Band> {
        self.0
            .iter()
            .find(|band| (band.min..=band.max).contains(&score))
    }

    /// The published schemes, for presets.
    pub fn published() -> [ScoreBands; 2] {
        [ScoreBands::three(), ScoreBands::four()]
    }

    /// The ranges alone: "1-6, 8-12, 15-25".
    pub fn ranges(&self) -> String {
        self.0
            .iter()
            .map(|b| format!("{}-{}", b.min, b.max))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// For the legend: "Low 1-6, Medium 8-12, High 15-25".
    pub fn legend(&self) -> String {
        self.0
            .iter()
            .map(|b| format!("{} {}-{}", b.name, b.min, b.max))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Default for ScoreBands {
    fn default() -> Self {
        ScoreBands::three()
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(EntryKind::Risk))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_from_their_keys() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(EntryKind::from_key("Risk"), None);
        assert_eq!(EntryKind::Opportunity.plural(), "opportunities");
    }

    #[test]
    fn exactly_fourteen_products_exist_on_the_grid() {
        let mut products: Vec<u8> = (1..=5).flat_map(|i| (1..=5).map(move |l| i * l)).collect();
        products.sort_unstable();
        products.dedup();
        assert_eq!(products, POSSIBLE_SCORES);
    }

    #[test]
    fn scores_read_and_print_as_the_packs_write_them() {
        let score = Score::parse("16 (Major/Likely)").unwrap();
        assert_eq!(
            score,
            Score::Rated {
                impact: 4,
                likelihood: 4
            }
        );
        assert_eq!(score.label(EntryKind::Risk), "16 (Major/Likely)");
        assert_eq!(
            Score::parse("16 (Major /Likely)").unwrap(),
            score,
            "the 2019 register's spacing"
        );
        assert_eq!(
            Score::parse("16 Major/ Likely").unwrap(),
            score,
            "the 2019 register's residual column, without brackets"
        );
        assert_eq!(
            Score::parse("12 Major/ possible").unwrap().cell(),
            Some((4, 3))
        );
        assert_eq!(
            Score::parse("12 (Major/Possible)").unwrap().cell(),
            Some((4, 3))
        );
        assert_eq!(Score::parse("4 x 5").unwrap().value(), 20);
        let opportunity = Score::rated(5, 3).unwrap();
        assert_eq!(
            opportunity.label(EntryKind::Opportunity),
            "15 (Outstanding/Possible)"
        );
        assert_eq!(
            opportunity.label(EntryKind::Risk),
            "15 (Catastrophic/Possible)"
        );
    }

    #[test]
    fn spreadsheets_name_impact_and_likelihood_in_either_order() {
        let four_by_three = Score::Rated {
            impact: 4,
            likelihood: 3,
        };
        for text in [
            "I4 L3",
            "L3 I4",
            "l3 i4",
            "I4 x L3",
            "Impact 4 Likelihood 3",
            "Likelihood 3, Impact 4",
            "Impact: 4 / Likelihood: 3",
            "4 x 3",
            "4x3",
        ] {
            assert_eq!(Score::parse(text), Ok(four_by_three), "{text}");
        }
        assert_eq!(Score::parse("L4 I6"), Err(ScoreError::Impact(6)));
        for text in [
            "I4",
            "I4 I3",
            "L4 L3 I2",
            "Impact four Likelihood 3",
            "I4 L3 high",
        ] {
            assert!(
                matches!(Score::parse(text), Err(ScoreError::Unreadable(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_bare_product_stays_a_product_with_no_guessed_cell() {
        let score = Score::parse("20").unwrap();
        assert_eq!(score, Score::Printed { value: 20 });
        assert_eq!(score.cell(), None);
        assert_eq!(score.label(EntryKind::Risk), "20");
        assert_eq!(Score::Printed { value: 12 }.cell(), None, "3 x 4 or 4 x 3");
        assert_eq!(
            Score::Printed { value: 16 }.cell(),
            Some((4, 4)),
            "only 4 x 4"
        );
        assert_eq!(Score::Printed { value: 25 }.cell(), Some((5, 5)));
        assert_eq!(Score::Printed { value: 9 }.cell(), Some((3, 3)));
    }

    #[test]
    fn impossible_and_inconsistent_scores_are_refused() {
        assert_eq!(Score::parse("7"), Err(ScoreError::Impossible(7)));
        assert_eq!(Score::parse("0"), Err(ScoreError::Impossible(0)));
        assert_eq!(Score::rated(6, 1), Err(ScoreError::Impact(6)));
        assert_eq!(Score::rated(1, 0), Err(ScoreError::Likelihood(0)));
        let err = Score::parse("16 (Major/Possible)").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\u{201c}16 (Major/Possible)\u{201d} says 16, but 4 x 3 is 12"
        );
        assert!(matches!(
            Score::parse("16 (Huge/Likely)"),
            Err(ScoreError::Unreadable(_))
        ));
        assert!(matches!(
            Score::parse("high"),
            Err(ScoreError::Unreadable(_))
        ));
    }

    #[test]
    fn both_published_bandings_are_valid_and_band_scores() {
        for (bands, expected) in [
            (
                ScoreBands::three(),
                [
                    ("Low", 1),
                    ("Low", 6),
                    ("Medium", 8),
                    ("Medium", 12),
                    ("High", 15),
                    ("High", 25),
                ],
            ),
            (
                ScoreBands::four(),
                [
                    ("Low", 3),
                    ("Medium", 4),
                    ("Medium", 6),
                    ("High", 8),
                    ("Very high", 15),
                    ("Very high", 25),
                ],
            ),
        ] {
            assert_eq!(bands.check(), Ok(()));
            for (name, score) in expected {
                assert_eq!(
                    bands.band_of(score).map(|b| b.name.as_str()),
                    Some(name),
                    "score {score}"
                );
            }
        }
        assert_eq!(
            ScoreBands::four().legend(),
            "Low 1-3, Medium 4-6, High 8-12, Very high 15-25"
        );
        assert_eq!(ScoreBands::three().ranges(), "1-6, 8-12, 15-25");
    }

    #[test]
    fn gaps_overlaps_and_reversed_bands_are_refused() {
        let mut gap = ScoreBands::three();
        gap.0[1].min = 9;
        assert_eq!(gap.check(), Err(BandsError::Uncovered { score: 8 }));

        let mut overlap = ScoreBands::three();
        overlap.0[0].max = 8;
        assert_eq!(
            overlap.check(),
            Err(BandsError::Overlap {
                score: 8,
                first: "Low".into(),
                second: "Medium".into()
            })
        );

        let mut reversed = ScoreBands::three();
        reversed.0[2].min = 26;
        assert!(matches!(reversed.check(), Err(BandsError::Reversed { .. })));
        assert_eq!(ScoreBands(vec![]).check(), Err(BandsError::Empty));

        // 7 is not a product, so a band may end at 6 or 7 alike.
        let mut seven = ScoreBands::three();
        seven.0[0].max = 7;
        assert_eq!(seven.check(), Ok(()));
    }

    #[test]
    fn scores_serialise_with_a_kind_tag() {
        let json = serde_json::to_string(&Score::rated(4, 4).unwrap()).unwrap();
        assert_eq!(json, r#"{"kind":"rated","impact":4,"likelihood":4}"#);
        let printed: Score = serde_json::from_str(r#"{"kind":"printed","value":20}"#).unwrap();
        assert_eq!(printed.value(), 20);
    }
}
