//! One period's notes on an indicator: a rating set by hand, with its
//! reason, and the commentary.

use crate::domain::indicator::{Commentary, RagOverride};
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::snapshot::Snapshot;
use crate::form::{FieldError, FormField};
use crate::sort;

/// The fields of the period notes form, by their element ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesField {
    Period,
    Rating,
    Reason,
    Commentary,
}

impl FormField for NotesField {
    fn id(self) -> String {
        match self {
            NotesField::Period => "edit-period-choice",
            NotesField::Rating => "edit-rating",
            NotesField::Reason => "edit-reason",
            NotesField::Commentary => "edit-commentary",
        }
        .to_owned()
    }
}

/// The ratings that can be set by hand, with their form keys ("" is "From the target").
pub const RATING_CHOICES: [(&str, Rag); 3] = [
    ("green", Rag::Green),
    ("amber", Rag::Amber),
    ("red", Rag::Red),
];

/// One period's notes as the form holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodNotes {
    /// The rating set by hand; `None` for the rating from the target (as
    /// the page's "" is, and any key [`RATING_CHOICES`] does not hold).
    pub rating: Option<Rag>,
    pub reason: String,
    pub commentary: String,
}

impl PeriodNotes {
    /// The notes held for indicator `id` in `period` (empty where there are none).
    pub fn of(snapshot: &Snapshot, id: &str, period: &Period) -> PeriodNotes {
        let Some(indicator) = snapshot.indicators.iter().find(|i| i.id == id) else {
            return PeriodNotes::default();
        };
        let (rating, reason) = indicator
            .value_for(period)
            .and_then(|o| o.rag_override.as_ref())
            .map(|o| (Some(o.rag), o.reason.clone()))
            .unwrap_or_default();
        let commentary = indicator
            .commentary
            .iter()
            .find(|c| c.period == *period)
            .map(|c| c.text.clone())
            .unwrap_or_default();
        PeriodNotes {
            rating,
            reason,
            commentary,
        }
    }

    /// The rating chosen by hand, with the reason typed; `None` for the rating from the target.
    pub fn chosen(&self) -> Option<(Rag, String)> {
        self.rating.map(|rag| (rag, self.reason.clone()))
    }

    /// The rating select's value: the rating's key, or "" ("From the target").
    pub fn rating_key(&self) -> &'static str {
        self.rating.map_or("", rating_key)
    }
}

/// The rating a form key names, if [`RATING_CHOICES`] holds it ("" does not: it is "From the target").
pub fn rating_of_key(key: &str) -> Option<Rag> {
    RATING_CHOICES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, rag)| *rag)
}

/// A rating's form key, as [`RATING_CHOICES`] gives it.
pub fn rating_key(rag: Rag) -> &'static str {
    RATING_CHOICES
        .iter()
        .find(|(_, r)| *r == rag)
        .map_or("", |(k, _)| *k)
}

/// The periods indicator `id` holds figures for, latest first: those the form offers.
pub fn noted_periods(snapshot: &Snapshot, id: &str) -> Vec<Period> {
    let mut periods: Vec<Period> = snapshot
        .indicators
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.values.iter().map(|o| o.period).collect())
        .unwrap_or_default();
    sort::by(&mut periods, |a, b| b.timeline_cmp(a));
    periods
}

/// Sets, for one period of one indicator, a rating by hand (with its reason)
/// or none, and the commentary (blank removes it).
pub fn set_period_notes(
    snapshot: &Snapshot,
    id: &str,
    period: Period,
    rating: Option<(Rag, String)>,
    commentary: &str,
) -> Result<Snapshot, Vec<FieldError<NotesField>>> {
    if let Some((_, reason)) = &rating {
        if reason.trim().is_empty() {
            return Err(vec![FieldError::new(
                NotesField::Reason,
                "Give the reason for setting the rating by hand; it is shown with the rating",
            )]);
        }
    }
    let mut next = snapshot.clone();
    let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == id) else {
        return Err(vec![FieldError::new(
            NotesField::Period,
            format!("There is no indicator with the id {id}"),
        )]);
    };
    match indicator.values.iter_mut().find(|o| o.period == period) {
        Some(o) => {
            o.rag_override = rating.map(|(rag, reason)| RagOverride {
                rag,
                reason: reason.trim().to_owned(),
            });
        }
        None if rating.is_some() => {
            return Err(vec![FieldError::new(
                NotesField::Period,
                format!("There is no figure for {period} to rate"),
            )]);
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
        assert_eq!(err[0].field, NotesField::Reason);
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

    #[test]
    fn the_form_starts_from_the_periods_notes_and_reads_its_rating_back() {
        use crate::domain::rag::Rag;
        let demo = Snapshot::demo();
        let id = "children-looked-after";
        let periods = noted_periods(&demo, id);
        assert_eq!(periods[0].to_string(), "Q1 2019/20", "latest first");
        assert!(periods.windows(2).all(|w| w[0].timeline_cmp(&w[1]).is_ge()));
        assert!(noted_periods(&demo, "nobody").is_empty());
        let q1 = periods[0];
        let next = set_period_notes(
            &demo,
            id,
            q1,
            Some((Rag::Amber, "Data late".into())),
            "Rising.",
        )
        .expect("valid");
        let notes = PeriodNotes::of(&next, id, &q1);
        assert_eq!(
            notes,
            PeriodNotes {
                rating: Some(Rag::Amber),
                reason: "Data late".into(),
                commentary: "Rising.".into(),
            }
        );
        assert_eq!(notes.chosen(), Some((Rag::Amber, "Data late".to_owned())));
        assert_eq!(notes.rating_key(), "amber");
        let from_target = PeriodNotes {
            rating: None,
            ..notes
        };
        assert_eq!(from_target.chosen(), None);
        assert_eq!(
            PeriodNotes::of(&demo, "nobody", &q1),
            PeriodNotes::default()
        );
        assert_eq!(from_target.rating_key(), "");
        for (key, rag) in RATING_CHOICES {
            assert_eq!(rating_key(rag), key);
            assert_eq!(rating_of_key(key), Some(rag));
        }
        // "From the target", and a key the page should never send, set no rating.
        assert_eq!(rating_of_key(""), None);
        assert_eq!(rating_of_key("purple"), None);
        assert_eq!(NotesField::Reason.id(), "edit-reason");
        assert_eq!(NotesField::Period.id(), "edit-period-choice");
    }
}
