//! Retiring an entry from a quarter, kept with its history, and restoring it.

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::{HistoryNote, RegisterEntry, Retirement};
use crate::domain::snapshot::{FieldError, Snapshot};
use crate::register::quarters::next_quarter;

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// The first quarter an entry would be off the register if retired now:
/// the quarter after its latest assessment.
pub fn suggested_retirement(entry: &RegisterEntry) -> Option<Period> {
    entry.latest().and_then(|a| next_quarter(&a.period))
}

/// The snapshot with entry `id` retired from `from` (the first quarter it is
/// no longer on the register), kept with its history.
pub fn retire_entry(
    snapshot: &Snapshot,
    id: &str,
    from: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, Vec<FieldError>> {
    let mut errors = vec![];
    let Some(entry) = snapshot.register.iter().find(|e| e.id == id) else {
        return Err(vec![field(
            "retire_from",
            format!("{id} is not on the register"),
        )]);
    };
    if entry.retired.is_some() {
        errors.push(field("retire_from", format!("{id} is already retired")));
    }
    let first = entry
        .assessments
        .iter()
        .map(|a| a.period)
        .min_by(Period::timeline_cmp);
    let period = match from.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { .. }) => {
            if first.is_some_and(|f| p.timeline_cmp(&f).is_le()) {
                errors.push(field(
                    "retire_from",
                    format!(
                        "{id} was first assessed in {}: it can leave the register from a later quarter",
                        first.map(|f| f.to_string()).unwrap_or_default()
                    ),
                ));
                None
            } else {
                Some(p)
            }
        }
        _ => {
            errors.push(field(
                "retire_from",
                format!(
                    "Enter the first quarter it is no longer on the register, for example Q3 2019/20, not \u{201c}{}\u{201d}",
                    from.trim()
                ),
            ));
            None
        }
    };
    let reason = reason.trim();
    if reason.is_empty() {
        errors.push(field(
            "retire_reason",
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
) -> Result<Snapshot, Vec<FieldError>> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(vec![field(
            "restore_reason",
            "Say why it returns to the register: the reason is kept with its history",
        )]);
    }
    let mut next = snapshot.clone();
    let Some(entry) = next.register.iter_mut().find(|e| e.id == id) else {
        return Err(vec![field(
            "restore_reason",
            format!("{id} is not on the register"),
        )]);
    };
    let Some(was) = entry.retired.take() else {
        return Err(vec![field(
            "restore_reason",
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
            vec!["retire_from", "retire_reason"]
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
}
