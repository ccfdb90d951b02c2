//! What the overview says of each indicator's statistical process control
//! at the period chosen: whether its latest change is real (the variation)
//! and whether its target can be met (the assurance), as one of a few
//! kinds a count and a filter can name.

use crate::domain::indicator::Indicator;
use crate::domain::period::Period;
use crate::spc::{self, Assurance, Spc, Variation};

/// An indicator's variation as the overview counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signal {
    /// Special cause, in the direction that is bad.
    Concerning,
    /// Special cause, in the direction that is good.
    Improving,
    /// Special cause where neither direction is better.
    Neutral,
    /// Ordinary variation, or figures that never move.
    Common,
    /// Fewer figures than the limits need, or none.
    TooFew,
}

impl Signal {
    pub const ALL: [Signal; 5] = [
        Signal::Concerning,
        Signal::Improving,
        Signal::Neutral,
        Signal::Common,
        Signal::TooFew,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Signal::Concerning => "Special cause: concerning",
            Signal::Improving => "Special cause: improving",
            Signal::Neutral => "Special cause: neither better nor worse",
            Signal::Common => "Common cause",
            Signal::TooFew => "Too few points",
        }
    }

    /// The word used in addresses: `?variation=concerning`, and the tag's class.
    pub fn key(self) -> &'static str {
        match self {
            Signal::Concerning => "concerning",
            Signal::Improving => "improving",
            Signal::Neutral => "neutral",
            Signal::Common => "common",
            Signal::TooFew => "too-few",
        }
    }

    pub fn from_key(key: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The kind an SPC summary's variation falls in.
    pub fn of(summary: &spc::Summary) -> Signal {
        match (&summary.spc, summary.variation) {
            (Spc::NoFigures | Spc::TooFew { .. }, _) => Signal::TooFew,
            (Spc::Chart(_), Some(Variation::Concerning(_))) => Signal::Concerning,
            (Spc::Chart(_), Some(Variation::Improving(_))) => Signal::Improving,
            (Spc::Chart(_), Some(Variation::Neutral(_))) => Signal::Neutral,
            (Spc::Chart(_), Some(Variation::Common) | None) => Signal::Common,
        }
    }
}

/// The words in addresses for an assurance: `?assurance=fail`.
pub fn assurance_from_key(key: &str) -> Option<Assurance> {
    Assurance::ALL.into_iter().find(|a| a.key() == key)
}

/// `indicator`'s variation and assurance as they stood at `period`.
pub fn signal_at(indicator: &Indicator, period: &Period) -> (Signal, Option<Assurance>) {
    let summary = spc::summary_at(indicator, &indicator.rebased_periods(), period);
    (Signal::of(&summary), summary.assurance)
}
