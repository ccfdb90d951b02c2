//! Changes of process: the periods from which an indicator's control
//! limits start again (a new system, a changed definition), each with the
//! officer's reason. The chart's rules are `crate::spc`; this is the form.

use crate::domain::indicator::{Indicator, Rebasing};
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::form::{FieldError, FormField};
use crate::spc;

/// The fields of the form that records a change of process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RebasingField {
    Period,
    Reason,
}

impl FormField for RebasingField {
    fn id(self) -> String {
        match self {
            RebasingField::Period => "rebase-period",
            RebasingField::Reason => "rebase-reason",
        }
        .to_owned()
    }
}

/// The periods the limits could start again from: each of the charted
/// series after its first, not already a change of process.
pub fn choices(indicator: &Indicator) -> Vec<Period> {
    let held = indicator.rebased_periods();
    spc::series(indicator)
        .map(|(_, points)| {
            points
                .into_iter()
                .skip(1)
                .map(|(p, _)| p)
                .filter(|p| !held.contains(p))
                .collect()
        })
        .unwrap_or_default()
}

fn find<'a>(
    snapshot: &'a mut Snapshot,
    id: &str,
) -> Result<&'a mut Indicator, Vec<FieldError<RebasingField>>> {
    snapshot
        .indicators
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| {
            vec![FieldError::new(
                RebasingField::Period,
                format!("There is no indicator with the id {id}; it may have been removed in another tab"),
            )]
        })
}

/// `snapshot` with a change of process at `period` for indicator `id`, or
/// what is wrong with the form, field by field. Nothing is changed when
/// the form is refused.
pub fn add(
    snapshot: &Snapshot,
    id: &str,
    period: Option<Period>,
    reason: &str,
) -> Result<Snapshot, Vec<FieldError<RebasingField>>> {
    let mut next = snapshot.clone();
    let indicator = find(&mut next, id)?;
    let mut errors = vec![];
    match period {
        None => errors.push(FieldError::new(
            RebasingField::Period,
            "Choose the first period of the new process",
        )),
        Some(p) if indicator.rebased_periods().contains(&p) => errors.push(FieldError::new(
            RebasingField::Period,
            format!("The limits already start again at {p}"),
        )),
        Some(p) if !choices(indicator).contains(&p) => errors.push(FieldError::new(
            RebasingField::Period,
            format!("{p} is not one of the charted figures after the first, so the limits cannot start again there"),
        )),
        Some(_) => {}
    }
    let reason = reason.trim();
    if reason.is_empty() {
        errors.push(FieldError::new(
            RebasingField::Reason,
            "Give the reason the process changed, such as a new system or a changed definition; it is shown with the chart",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let period = period.expect("checked above");
    indicator.rebasings.push(Rebasing {
        period,
        reason: reason.to_owned(),
    });
    crate::sort::by(&mut indicator.rebasings, |a, b| {
        a.period.timeline_cmp(&b.period)
    });
    Ok(next)
}

/// `snapshot` without the change of process at `period` of indicator
/// `id`, or `None` where there is none to remove.
pub fn remove(snapshot: &Snapshot, id: &str, period: Period) -> Option<Snapshot> {
    let mut next = snapshot.clone();
    let indicator = next.indicators.iter_mut().find(|i| i.id == id)?;
    let before = indicator.rebasings.len();
    indicator.rebasings.retain(|r| r.period != period);
    (indicator.rebasings.len() < before).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rag::Polarity;
    use crate::domain::value::Unit;

    fn with_series(n: usize) -> Snapshot {
        let mut s = Snapshot::demo();
        let mut i = Indicator::new(
            "waits",
            &s.service_areas[0].id,
            "Average wait",
            Unit::Days,
            Polarity::Low,
        );
        let figures: Vec<f64> = (0..n).map(|k| 10.0 + (k % 3) as f64).collect();
        i.values = crate::spc::tests::quarterly_figures(&figures);
        s.indicators.push(i);
        s
    }

    fn p(text: &str) -> Period {
        text.parse().unwrap()
    }

    fn waits(s: &Snapshot) -> &Indicator {
        s.indicators.iter().find(|i| i.id == "waits").unwrap()
    }

    fn fields(e: &[FieldError<RebasingField>]) -> Vec<RebasingField> {
        e.iter().map(|e| e.field).collect()
    }

    #[test]
    fn the_limits_can_start_again_at_any_charted_figure_after_the_first() {
        let s = with_series(16);
        let c = choices(waits(&s));
        assert_eq!(c.len(), 15);
        assert_eq!(c.first(), Some(&p("Q2 2015/16")));
        assert_eq!(c.last(), Some(&p("Q4 2018/19")));
    }

    #[test]
    fn a_change_of_process_is_kept_in_order_with_its_reason_and_moves_the_limits() {
        let s = with_series(16);
        let once = add(&s, "waits", Some(p("Q1 2018/19")), "  New booking system ").unwrap();
        let twice = add(&once, "waits", Some(p("Q1 2017/18")), "Definition changed").unwrap();
        let held: Vec<(String, &str)> = waits(&twice)
            .rebasings
            .iter()
            .map(|r| (r.period.to_string(), r.reason.as_str()))
            .collect();
        assert_eq!(
            held,
            [
                ("Q1 2017/18".to_owned(), "Definition changed"),
                ("Q1 2018/19".to_owned(), "New booking system")
            ]
        );
        assert!(!choices(waits(&twice)).contains(&p("Q1 2018/19")));
        // Only the indicator changed; the chart now has a phase from Q1 2018/19.
        let mut without = twice.clone();
        without
            .indicators
            .iter_mut()
            .find(|i| i.id == "waits")
            .unwrap()
            .rebasings
            .clear();
        assert_eq!(without, s);
        let rebased = waits(&twice).rebased_periods();
        assert_ne!(
            crate::spc::summary(waits(&twice), &rebased),
            crate::spc::summary(waits(&s), &[])
        );
    }

    #[test]
    fn a_refused_form_says_what_is_wrong_with_each_field_and_changes_nothing() {
        let s = with_series(16);
        assert_eq!(
            fields(&add(&s, "waits", None, " ").unwrap_err()),
            [RebasingField::Period, RebasingField::Reason]
        );
        let first = add(&s, "waits", Some(p("Q1 2015/16")), "x").unwrap_err();
        assert_eq!(
            first[0].message,
            "Q1 2015/16 is not one of the charted figures after the first, so the limits cannot start again there"
        );
        let once = add(&s, "waits", Some(p("Q1 2018/19")), "x").unwrap();
        assert_eq!(
            add(&once, "waits", Some(p("Q1 2018/19")), "y").unwrap_err()[0].message,
            "The limits already start again at Q1 2018/19"
        );
        assert_eq!(
            fields(&add(&s, "gone", Some(p("Q1 2018/19")), "x").unwrap_err()),
            [RebasingField::Period]
        );
    }

    #[test]
    fn a_change_of_process_can_be_taken_back() {
        let s = with_series(16);
        let once = add(&s, "waits", Some(p("Q1 2018/19")), "x").unwrap();
        assert_eq!(remove(&once, "waits", p("Q1 2018/19")), Some(s.clone()));
        assert_eq!(remove(&s, "waits", p("Q1 2018/19")), None);
        assert_eq!(remove(&s, "gone", p("Q1 2018/19")), None);
    }
}
