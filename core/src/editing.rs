//! Officers' edits, as pure functions from one snapshot to the next. Each
//! either applies whole or is refused with every fault named at its field, so
//! nothing is half-saved.

use crate::domain::indicator::Observation;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::value::{Value, ValueParseError};
use crate::snapshot::Snapshot;

/// What an officer typed for one indicator in the "enter figures" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub indicator: String,
    /// As typed: "1,412", "57.5%", "1,412/57.5", "-", "New measure"; blank leaves it as it is.
    pub text: String,
}

/// A refused entry: which indicator, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError {
    pub indicator: String,
    pub message: String,
}

/// Why the period label itself is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError(pub String);

/// Reads the period an officer is entering figures for: a quarter or a year.
pub fn entry_period(label: &str) -> Result<Period, PeriodError> {
    let period: Period = label
        .parse()
        .map_err(|e: crate::domain::period::PeriodParseError| PeriodError(e.to_string()))?;
    match period.kind() {
        PeriodKind::Quarter | PeriodKind::FinancialYear => Ok(period),
        _ => Err(PeriodError(format!(
            "Figures are entered for a quarter such as Q2 2019/20 or a financial year such as 2019/20, not {}",
            period.kind().describe()
        ))),
    }
}

/// The quarter after the latest one holding figures: what an officer
/// preparing the next pack enters. Q1 2019/20 when nothing is held yet for a
/// snapshot as at 30 June 2019.
pub fn suggested_period(snapshot: &Snapshot) -> Period {
    let latest = snapshot
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|o| o.period))
        .filter(|p| p.kind() == PeriodKind::Quarter)
        .max_by(|a, b| a.timeline_cmp(b));
    match latest {
        Some(Period::Quarter {
            start_year,
            quarter: 4,
        }) => Period::Quarter {
            start_year: start_year + 1,
            quarter: 1,
        },
        Some(Period::Quarter {
            start_year,
            quarter,
        }) => Period::Quarter {
            start_year,
            quarter: quarter + 1,
        },
        _ => {
            let d = snapshot.as_at;
            let (y, m) = (chrono::Datelike::year(&d), chrono::Datelike::month(&d));
            let start_year = if m >= 4 { y } else { y - 1 };
            let quarter = match m {
                4..=6 => 1,
                7..=9 => 2,
                10..=12 => 3,
                _ => 4,
            };
            Period::Quarter {
                start_year,
                quarter,
            }
        }
    }
}

/// The snapshot with each non-blank entry set as the figure for `period`
/// (replacing one already there, keeping its target and source), or every
/// entry that cannot be read. Returns the number of figures changed with it.
pub fn enter_figures(
    snapshot: &Snapshot,
    period: Period,
    entries: &[Entry],
) -> Result<(Snapshot, usize), Vec<EntryError>> {
    let mut next = snapshot.clone();
    let mut errors = vec![];
    let mut changed = 0;
    for entry in entries {
        let text = entry.text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(indicator) = next.indicators.iter_mut().find(|i| i.id == entry.indicator) else {
            errors.push(EntryError {
                indicator: entry.indicator.clone(),
                message: "There is no such indicator".to_owned(),
            });
            continue;
        };
        let value = match Value::parse(text, indicator.unit) {
            Ok(v) => v,
            Err(e) => {
                errors.push(EntryError {
                    indicator: entry.indicator.clone(),
                    message: sentence(&e),
                });
                continue;
            }
        };
        if let Value::Figure { value: v, .. } = &value {
            if indicator.unit == crate::domain::value::Unit::Percent && !(0.0..=100.0).contains(v) {
                errors.push(EntryError {
                    indicator: entry.indicator.clone(),
                    message: format!("A percentage must be from 0 to 100, not {v}"),
                });
                continue;
            }
        }
        match indicator.values.iter_mut().find(|o| o.period == period) {
            Some(existing) if existing.value == value => {}
            Some(existing) => {
                existing.value = value;
                existing.source = None;
                existing.note = None;
                changed += 1;
            }
            None => {
                indicator.values.push(Observation {
                    period,
                    value,
                    target: None,
                    rag_override: None,
                    note: None,
                    source: None,
                });
                changed += 1;
            }
        }
    }
    if errors.is_empty() {
        Ok((next, changed))
    } else {
        Err(errors)
    }
}

fn sentence(e: &ValueParseError) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::{travel, Travel};

    fn entry(indicator: &str, text: &str) -> Entry {
        Entry {
            indicator: indicator.into(),
            text: text.into(),
        }
    }

    #[test]
    fn entering_next_quarter_adds_figures_and_direction_follows() {
        let demo = Snapshot::demo();
        let q2 = entry_period("Q2 2019/20").expect("quarter");
        let (next, changed) = enter_figures(
            &demo,
            q2,
            &[
                entry("children-looked-after", "2,150/ 86.8"),
                entry("re-referrals", "560/ 19.9%"),
                entry("contacts", ""),
                entry("average-caseload", "New measure"),
            ],
        )
        .expect("all readable");
        assert_eq!(changed, 3);
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(
            cla.value_for(&q2)
                .map(|o| o.value.display(cla.unit))
                .as_deref(),
            Some("2,150 / 86.8")
        );
        assert_eq!(
            travel(cla, &q2),
            Travel::Worsening,
            "86.8 after 84.6, lower is better"
        );
        let contacts = next
            .indicators
            .iter()
            .find(|i| i.id == "contacts")
            .expect("contacts");
        assert!(contacts.value_for(&q2).is_none(), "blank leaves it alone");
        assert_eq!(crate::validate::validate(&next), vec![]);
    }

    #[test]
    fn one_unreadable_entry_refuses_them_all_naming_each_fault() {
        let demo = Snapshot::demo();
        let q2 = entry_period("Q2 2019/20").expect("quarter");
        let errors = enter_figures(
            &demo,
            q2,
            &[
                entry("children-looked-after", "2,150/ 86.8"),
                entry("re-referrals", "twenty"),
                entry("contacts", "12%"),
                entry("assessments-over-45-days", "140%"),
            ],
        )
        .expect_err("three faults");
        let who: Vec<&str> = errors.iter().map(|e| e.indicator.as_str()).collect();
        assert_eq!(
            who,
            ["re-referrals", "contacts", "assessments-over-45-days"]
        );
        assert!(
            errors[0]
                .message
                .starts_with("\u{201c}twenty\u{201d} is not a figure"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.contains("not a percentage"),
            "{}",
            errors[1].message
        );
        assert_eq!(
            errors[2].message,
            "A percentage must be from 0 to 100, not 140"
        );
    }

    #[test]
    fn replacing_a_figure_drops_its_old_source_and_an_equal_one_changes_nothing() {
        let demo = Snapshot::demo();
        let q1 = entry_period("Q1 2019/20").expect("quarter");
        let (same, changed) =
            enter_figures(&demo, q1, &[entry("children-looked-after", "2,096/84.6")]).expect("ok");
        assert_eq!((changed, &same), (0, &demo));
        let (next, changed) =
            enter_figures(&demo, q1, &[entry("children-looked-after", "2,097/84.7")]).expect("ok");
        assert_eq!(changed, 1);
        let cla = next
            .indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .expect("CLA");
        assert_eq!(
            cla.value_for(&q1).and_then(|o| o.source.clone()),
            None,
            "typed by hand, not from the pack"
        );
    }

    #[test]
    fn the_suggested_period_is_the_quarter_after_the_latest() {
        let demo = Snapshot::demo();
        assert_eq!(suggested_period(&demo).to_string(), "Q2 2019/20");
        let empty = Snapshot::empty(
            "A",
            "B",
            chrono::NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
        );
        assert_eq!(suggested_period(&empty).to_string(), "Q4 2023/24");
        let mut q4 = Snapshot::demo();
        let (next, _) = enter_figures(
            &q4,
            entry_period("Q4 2019/20").expect("q4"),
            &[entry("contacts", "9,000")],
        )
        .expect("ok");
        q4 = next;
        assert_eq!(suggested_period(&q4).to_string(), "Q1 2020/21");
    }

    #[test]
    fn only_quarters_and_years_take_entered_figures() {
        assert!(entry_period("2019/20").is_ok());
        assert!(entry_period("Q5 2019/20").is_err());
        let e = entry_period("June 2019").expect_err("a month");
        assert!(e.0.contains("not a month"), "{}", e.0);
    }
}
