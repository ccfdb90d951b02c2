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
        let categorised: u32 = c.categories.iter().map(|s| s.count).sum();
        for (what, total, aside) in [
            ("The stages", staged, ""),
            (
                "The services or categories",
                categorised,
                " (one complaint can have more than one)",
            ),
        ] {
            if total > received {
                found.push(format!(
                    "{what} add up to {}, more than the {} complaints received{aside}.",
                    n(total),
                    n(received)
                ));
            }
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
