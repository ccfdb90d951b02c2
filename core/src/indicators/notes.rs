//! One period's notes on an indicator: a rating set by hand, with its
//! reason, and the commentary.

use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
