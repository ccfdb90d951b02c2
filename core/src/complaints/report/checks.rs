//! Figures of one year that do not add up: questions for a councillor to ask.

use super::n;
use crate::domain::complaints::{ComplaintsYear, Outcome};

/// Figures of one year that do not add up: questions for a councillor to ask.
pub fn checks(c: &ComplaintsYear) -> Vec<String> {
    let mut found = vec![];
    let still_open = c
        .outcomes
        .iter()
        .find(|o| o.outcome == Outcome::StillOpen)
        .map(|o| o.count);
    if let (Some(received), Some(closed), Some(open)) = (c.received, c.closed, still_open) {
        if closed + open != received {
            found.push(format!(
                "{} closed plus {} still open is {}, but {} complaints were received.",
                n(closed),
                n(open),
                n(closed + open),
                n(received)
            ));
        }
    }
    if let Some(received) = c.received {
        let staged: u32 = c.stages.iter().map(|s| s.count).sum();
        if staged > received {
            found.push(format!(
                "The stages add up to {}, more than the {} complaints received.",
                n(staged),
                n(received)
            ));
        }
        let categorised: u32 = c.categories.iter().map(|s| s.count).sum();
        if categorised > received {
            found.push(format!(
                "The services or categories add up to {}, more than the {} complaints received (one complaint can have more than one).",
                n(categorised),
                n(received)
            ));
        }
    }
    if let Some(o) = &c.ombudsman {
        if let (Some(enquiries), Some(investigations)) = (o.enquiries, o.investigations) {
            if investigations > enquiries {
                found.push(format!(
                    "The Ombudsman investigated {} but received only {} enquiries.",
                    n(investigations),
                    n(enquiries)
                ));
            }
        }
    }
    found
}
