//! Retiring an entry from a quarter, kept with its history, and restoring it.

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::{HistoryNote, RegisterEntry, Retirement};
use crate::domain::snapshot::Snapshot;
use crate::form::{FieldError, FormField};
use crate::register::quarters::next_quarter;

/// A field of the retire form (or, for a retired entry, the restore form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetireField {
    /// The first quarter the entry is no longer on the register.
    From,
    Reason,
    RestoreReason,
}

impl RetireField {
    pub fn label(self) -> &'static str {
        match self {
            RetireField::From => "Off the register from",
            RetireField::Reason | RetireField::RestoreReason => "Reason",
        }
    }
}

impl FormField for RetireField {
    fn id(self) -> String {
        match self {
            RetireField::From => "retire_from",
            RetireField::Reason => "retire_reason",
            RetireField::RestoreReason => "restore_reason",
        }
        .to_owned()
    }
}

fn field(field: RetireField, message: impl Into<String>) -> FieldError<RetireField> {
    FieldError::new(field, message)
}

/// The first quarter an entry would be off the register if retired now:
/// the quarter after its latest assessment.
pub fn suggested_retirement(entry: &RegisterEntry) -> Option<Period> {
    entry.latest().and_then(|a| next_quarter(&a.period))
}

/// The quarter typed for the entry to leave from: one after its first
/// assessment.
fn leaving_quarter(entry: &RegisterEntry, from: &str) -> Result<Period, String> {
    let first = entry
        .assessments
        .iter()
        .map(|a| a.period)
        .min_by(Period::timeline_cmp);
    match from.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { .. }) => match first {
            Some(f) if p.timeline_cmp(&f).is_le() => Err(format!(
                "{} was first assessed in {f}: it can leave the register from a later quarter",
                entry.id
            )),
            _ => Ok(p),
        },
        _ => Err(format!(
            "Enter the first quarter it is no longer on the register, for example Q3 2019/20, not \u{201c}{}\u{201d}",
            from.trim()
        )),
    }
}

/// The snapshot with entry `id` retired from `from` (the first quarter it is
/// no longer on the register), kept with its history.
pub fn retire_entry(
    snapshot: &Snapshot,
    id: &str,
    from: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, Vec<FieldError<RetireField>>> {
    let mut errors = vec![];
    let Some(entry) = snapshot.register.iter().find(|e| e.id == id) else {
        return Err(vec![field(
            RetireField::From,
            format!("{id} is not on the register"),
        )]);
    };
    if entry.retired.is_some() {
        errors.push(field(RetireField::From, format!("{id} is already retired")));
    }
    let period = leaving_quarter(entry, from)
        .map_err(|m| errors.push(field(RetireField::From, m)))
        .ok();
    let reason = reason.trim();
    if reason.is_empty() {
        errors.push(field(
            RetireField::Reason,
            "Say why it leaves the register: the reason is kept with its history",
        ));
    }
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut next = snapshot.clone();
    if let Some(entry) = next.register.iter_mut().find(|e| e.id == id) {
        entry.retired = Some(Retirement {
            period,
            reason: reason.to_owned(),
        });
        entry.history.push(HistoryNote {
            on: today,
            period,
            change: format!("Retired: off the register from {period}"),
            reason: reason.to_owned(),
        });
    }
    Ok(next)
}

/// The snapshot with retired entry `id` back on the register.
pub fn restore_entry(
    snapshot: &Snapshot,
    id: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, Vec<FieldError<RetireField>>> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(vec![field(
            RetireField::RestoreReason,
            "Say why it returns to the register: the reason is kept with its history",
        )]);
    }
    let mut next = snapshot.clone();
    let Some(entry) = next.register.iter_mut().find(|e| e.id == id) else {
        return Err(vec![field(
            RetireField::RestoreReason,
            format!("{id} is not on the register"),
        )]);
    };
    let Some(was) = entry.retired.take() else {
        return Err(vec![field(
            RetireField::RestoreReason,
            format!("{id} is not retired"),
        )]);
    };
    entry.history.push(HistoryNote {
        on: today,
        period: was.period,
        change: format!("Restored to the register (it had left from {})", was.period),
        reason: reason.to_owned(),
    });
    Ok(next)
}

/// What the entry page's retire form does: restores entry `id` where it
/// is `retired`, else retires it from `from`; with the words for the
/// confirmation ("Retired CR3", "Restored CR3 to the register").
pub fn retire_or_restore(
    snapshot: &Snapshot,
    id: &str,
    retired: bool,
    from: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<(Snapshot, String), Vec<FieldError<RetireField>>> {
    if retired {
        restore_entry(snapshot, id, reason, today)
            .map(|next| (next, format!("Restored {id} to the register")))
    } else {
        retire_entry(snapshot, id, from, reason, today).map(|next| (next, format!("Retired {id}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{day, entry, q};

    #[test]
    fn retiring_keeps_the_entry_and_needs_a_reason_and_a_later_quarter() {
        let s = Snapshot::demo();
        let today = day("2019-10-01");
        let cr3 = entry(&s, "CR3");
        assert_eq!(suggested_retirement(cr3), Some(q("Q3 2019/20")));
        let errors = retire_entry(&s, "CR3", "Q2 2018/19", "", today).expect_err("refused");
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec![RetireField::From, RetireField::Reason]
        );
        assert!(errors[0].message.contains("first assessed in Q2 2018/19"));
        let retired =
            retire_entry(&s, "CR3", "Q3 2019/20", "Merged into CR2", today).expect("retired");
        let cr3 = entry(&retired, "CR3");
        assert_eq!(cr3.assessments.len(), 2, "history kept");
        assert_eq!(
            cr3.retired.as_ref().map(|r| r.reason.as_str()),
            Some("Merged into CR2")
        );
        assert!(cr3.on_register(&q("Q2 2019/20")).is_some());
        assert!(cr3.on_register(&q("Q3 2019/20")).is_none());
        assert_eq!(crate::file::validate::validate(&retired), vec![]);
        let again =
            retire_entry(&retired, "CR3", "Q3 2019/20", "again", today).expect_err("already");
        assert_eq!(again[0].message, "CR3 is already retired");

        assert!(restore_entry(&retired, "CR3", " ", today).is_err());
        let back = restore_entry(&retired, "CR3", "Demerged", today).expect("restored");
        let cr3 = entry(&back, "CR3");
        assert_eq!(cr3.retired, None);
        assert_eq!(cr3.history.len(), 2);
        assert_eq!(
            cr3.history[1].change,
            "Restored to the register (it had left from Q3 2019/20)"
        );
    }

    #[test]
    fn the_retire_form_retires_or_restores_and_names_its_fields() {
        let s = Snapshot::demo();
        let today = day("2019-10-01");
        let (retired, done) =
            retire_or_restore(&s, "CR3", false, "Q3 2019/20", "Merged", today).expect("retired");
        assert_eq!(done, "Retired CR3");
        assert!(entry(&retired, "CR3").retired.is_some());
        let errors =
            retire_or_restore(&retired, "CR3", true, "", " ", today).expect_err("no reason");
        assert_eq!(errors[0].field, RetireField::RestoreReason);
        let (back, done) =
            retire_or_restore(&retired, "CR3", true, "", "Demerged", today).expect("restored");
        assert_eq!(done, "Restored CR3 to the register");
        assert_eq!(entry(&back, "CR3").retired, None);
        let ids: Vec<String> = [
            RetireField::From,
            RetireField::Reason,
            RetireField::RestoreReason,
        ]
        .into_iter()
        .map(FormField::id)
        .collect();
        assert_eq!(ids, vec!["retire_from", "retire_reason", "restore_reason"]);
        assert_eq!(RetireField::From.label(), "Off the register from");
        let unknown = retire_entry(&s, "CR99", "Q3 2019/20", "x", today).expect_err("absent");
        assert_eq!(unknown[0].message, "CR99 is not on the register");
        let typo = retire_entry(&s, "CR3", "soon", "x", today).expect_err("typo");
        assert_eq!(
            typo[0].message,
            "Enter the first quarter it is no longer on the register, for example Q3 2019/20, not \u{201c}soon\u{201d}"
        );
    }
}
