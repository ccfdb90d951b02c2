//! Adding an entry, or editing or adding one quarter of it, from its form:
//! the whole new snapshot or every field that is wrong, so a refused change
//! leaves the data as it was. The score pickers' agreement with typed scores.

use chrono::NaiveDate;

use crate::dates::read_date;
use crate::domain::period::Period;
use crate::domain::register::{Assessment, HistoryNote, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::{FieldError, Snapshot};
use crate::file::validate::YEARS;
use crate::register::rows::score_text;

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// An entry's quarter as typed into its form. Scores are written as the
/// packs write them ("16 (Major/Likely)", "4x4" or "16").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryForm {
    pub id: String,
    /// "risk" or "opportunity".
    pub kind: String,
    /// The quarter this assessment is for, e.g. "Q3 2019/20".
    pub quarter: String,
    pub title: String,
    pub description: String,
    pub risk_type: String,
    pub consequences: String,
    pub controls: String,
    pub inherent: String,
    pub actions: String,
    pub residual: String,
    pub target: String,
    pub owner: String,
    pub direction: String,
    /// "YYYY-MM-DD" from a date input, or "31/10/2019".
    pub next_review: String,
    /// Why the scores changed; needed when they did.
    pub reason: String,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn score_field(score: Option<Score>, kind: EntryKind) -> String {
    score.map(|s| s.label(kind)).unwrap_or_default()
}

impl EntryForm {
    /// A new entry's form for `quarter`.
    pub fn blank(kind: EntryKind, quarter: Option<Period>) -> EntryForm {
        EntryForm {
            kind: kind.key().to_owned(),
            quarter: quarter.map(|q| q.to_string()).unwrap_or_default(),
            ..EntryForm::default()
        }
    }

    /// The form for `entry` in `quarter`: its assessment then, or, to add
    /// that quarter, a copy of the latest before it.
    pub fn of(entry: &RegisterEntry, quarter: &Period) -> EntryForm {
        let source = entry.assessment(quarter).or_else(|| {
            entry
                .assessments
                .iter()
                .filter(|a| a.period.timeline_cmp(quarter).is_lt())
                .max_by(|a, b| a.period.timeline_cmp(&b.period))
        });
        let kind = entry.kind;
        let mut form = EntryForm {
            id: entry.id.clone(),
            kind: kind.key().to_owned(),
            quarter: quarter.to_string(),
            ..EntryForm::default()
        };
        if let Some(a) = source {
            form.title = a.title.clone();
            form.description = text(&a.description);
            form.risk_type = text(&a.risk_type);
            form.consequences = text(&a.consequences);
            form.controls = text(&a.controls);
            form.inherent = score_field(a.inherent, kind);
            form.actions = text(&a.actions);
            form.residual = score_field(a.residual, kind);
            form.target = score_field(a.target, kind);
            form.owner = text(&a.owner);
            form.direction = text(&a.direction);
            form.next_review = a.next_review.map(|d| d.to_string()).unwrap_or_default();
        }
        form
    }
}

fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// What `save_entry` did, for the confirmation and undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub snapshot: Snapshot,
    pub id: String,
    /// "Added CR13", "Saved CR2 for Q2 2019/20", "Added Q3 2019/20 to CR2".
    pub done: String,
}

/// The snapshot with the form's entry added (`original` is `None`) or its
/// quarter changed, or every field that is wrong.
pub fn save_entry(
    snapshot: &Snapshot,
    original: Option<&str>,
    form: &EntryForm,
    today: NaiveDate,
) -> Result<Saved, Vec<FieldError>> {
    let mut errors = vec![];
    let existing = original.and_then(|id| snapshot.register.iter().find(|e| e.id == id));
    let id = match existing {
        Some(e) => e.id.clone(),
        None => form.id.trim().to_owned(),
    };
    if existing.is_none() {
        if id.is_empty() {
            errors.push(field("id", "Enter a reference, for example CR13 or CO5"));
        } else if id
            .chars()
            .any(|c| c.is_whitespace() || c == '/' || c == '?' || c == '#')
        {
            errors.push(field(
                "id",
                "A reference cannot contain spaces, / ? or #: write it as the pack does, for example CR1.2",
            ));
        } else if ["new", "bands"].contains(&id.to_lowercase().as_str()) {
            errors.push(field(
                "id",
                format!(
                    "\u{201c}{id}\u{201d} is a word the app uses: choose a reference such as CR13"
                ),
            ));
        } else if snapshot
            .register
            .iter()
            .any(|e| e.id.eq_ignore_ascii_case(&id))
        {
            errors.push(field(
                "id",
                format!("{id} is already on the register: choose another reference"),
            ));
        }
    }
    let kind = match existing {
        Some(e) => Some(e.kind),
        None => {
            let kind = EntryKind::from_key(&form.kind);
            if kind.is_none() {
                errors.push(field(
                    "kind",
                    "Choose whether this is a risk or an opportunity",
                ));
            }
            kind
        }
    };
    let quarter = match form.quarter.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { start_year, .. }) if YEARS.contains(&start_year) => Some(p),
        Ok(Period::Quarter { .. }) => {
            errors.push(field(
                "quarter",
                format!("Give a quarter from {} to {}", YEARS.start(), YEARS.end()),
            ));
            None
        }
        _ => {
            errors.push(field(
                "quarter",
                format!(
                    "Enter the quarter as the packs write it, for example Q3 2019/20, not \u{201c}{}\u{201d}",
                    form.quarter.trim()
                ),
            ));
            None
        }
    };
    let title = form.title.trim();
    if title.is_empty() {
        errors.push(field("title", "Enter the title as the register words it"));
    }
    let mut score = |name: &'static str, what: &str, text: &str| -> Option<Score> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match Score::parse(t) {
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(field(name, format!("The {what} score: {e}")));
                None
            }
        }
    };
    let inherent = score("inherent", "inherent", &form.inherent);
    let residual = score("residual", "residual", &form.residual);
    let target = score("target", "target", &form.target);
    let next_review = if form.next_review.trim().is_empty() {
        None
    } else {
        match read_date(&form.next_review) {
            Some(d) if YEARS.contains(&chrono::Datelike::year(&d)) => Some(d),
            _ => {
                errors.push(field(
                    "next_review",
                    "Enter the next review as a date, for example 31/10/2019",
                ));
                None
            }
        }
    };
    let (Some(kind), Some(quarter)) = (kind, quarter) else {
        return Err(errors);
    };
    let earlier = existing.and_then(|e| e.assessment(&quarter));
    let scores_changed =
        earlier.is_some_and(|a| (a.inherent, a.residual, a.target) != (inherent, residual, target));
    let reason = form.reason.trim();
    if scores_changed && reason.is_empty() && errors.is_empty() {
        errors.push(field(
            "reason",
            "Say why the score changed: the reason is kept in the entry's history",
        ));
    }
    if let Some(e) = existing {
        if let Some(r) = &e.retired {
            if r.period.timeline_cmp(&quarter).is_le() {
                errors.push(field(
                    "quarter",
                    format!(
                        "{} left the register from {}: restore it before adding {}",
                        e.id, r.period, quarter
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let assessment = Assessment {
        period: quarter,
        title: title.to_owned(),
        description: optional(&form.description),
        risk_type: optional(&form.risk_type),
        consequences: optional(&form.consequences),
        controls: optional(&form.controls),
        inherent,
        actions: optional(&form.actions),
        residual,
        target,
        owner: optional(&form.owner),
        direction: optional(&form.direction),
        next_review,
        notes: earlier.map(|a| a.notes.clone()).unwrap_or_default(),
        source: earlier.and_then(|a| a.source.clone()),
    };
    let mut next = snapshot.clone();
    let done;
    match existing {
        None => {
            done = format!("Added {id}");
            let mut entry = RegisterEntry {
                id: id.clone(),
                kind,
                assessments: vec![assessment],
                retired: None,
                history: vec![],
            };
            if !reason.is_empty() {
                entry.history.push(HistoryNote {
                    on: today,
                    period: quarter,
                    change: format!("Added to the register in {quarter}"),
                    reason: reason.to_owned(),
                });
            }
            next.register.push(entry);
        }
        Some(_) => {
            let entry = next
                .register
                .iter_mut()
                .find(|e| e.id == id)
                .ok_or_else(|| vec![field("id", format!("{id} is no longer on the register"))])?;
            let change = match earlier {
                Some(was) => {
                    let moved: Vec<String> = [
                        ("Inherent", was.inherent, inherent),
                        ("Residual", was.residual, residual),
                        ("Target", was.target, target),
                    ]
                    .into_iter()
                    .filter(|(_, a, b)| a != b)
                    .map(|(name, a, b)| {
                        format!(
                            "{name} score from {} to {}",
                            score_text(a, kind),
                            score_text(b, kind)
                        )
                    })
                    .collect();
                    done = format!("Saved {id} for {quarter}");
                    (!moved.is_empty()).then(|| format!("{} in {quarter}", moved.join("; ")))
                }
                None => {
                    done = format!("Added {quarter} to {id}");
                    Some(format!("{quarter} assessment added"))
                }
            };
            match entry.assessments.iter_mut().find(|a| a.period == quarter) {
                Some(slot) => *slot = assessment,
                None => entry.assessments.push(assessment),
            }
            if let (Some(change), false) = (change, reason.is_empty()) {
                entry.history.push(HistoryNote {
                    on: today,
                    period: quarter,
                    change,
                    reason: reason.to_owned(),
                });
            }
        }
    }
    Ok(Saved {
        snapshot: next,
        id,
        done,
    })
}

/// The cell (impact, likelihood) a score typed in a form gives, for the
/// form's impact and likelihood pickers; `None` while it gives no one cell.
pub fn score_cell(text: &str) -> Option<(u8, u8)> {
    Score::parse(text).ok()?.cell()
}

/// The form's text for a score chosen with the pickers, as packs write it:
/// "16 (Major/Likely)".
pub fn chosen_score(impact: u8, likelihood: u8, kind: EntryKind) -> Option<String> {
    Score::rated(impact, likelihood).ok().map(|s| s.label(kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{day, entry, q};
    use crate::register::retire::retire_entry;

    #[test]
    fn score_pickers_and_typed_scores_agree() {
        assert_eq!(
            chosen_score(4, 4, EntryKind::Risk).as_deref(),
            Some("16 (Major/Likely)")
        );
        assert_eq!(
            chosen_score(5, 3, EntryKind::Opportunity).as_deref(),
            Some("15 (Outstanding/Possible)")
        );
        assert_eq!(chosen_score(6, 1, EntryKind::Risk), None);
        for typed in ["16 (Major/Likely)", "4x4", "4 x 4"] {
            assert_eq!(score_cell(typed), Some((4, 4)), "{typed}");
        }
        assert_eq!(score_cell("25"), Some((5, 5)), "only one cell gives 25");
        assert_eq!(score_cell("12"), None, "12 is 3 x 4 or 4 x 3");
        assert_eq!(score_cell("lots"), None);
        let text = chosen_score(3, 2, EntryKind::Risk).expect("valid");
        assert_eq!(
            score_cell(&text),
            Some((3, 2)),
            "what the pickers write reads back as the same cell"
        );
    }

    #[test]
    fn a_new_entry_is_checked_field_by_field() {
        let s = Snapshot::demo();
        let form = EntryForm {
            id: "CR 2".into(),
            kind: "risk".into(),
            quarter: "Q5 2019/20".into(),
            title: " ".into(),
            inherent: "16 (Major/Possible)".into(),
            residual: "7".into(),
            next_review: "next week".into(),
            ..EntryForm::default()
        };
        let errors = save_entry(&s, None, &form, day("2019-10-01")).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "id",
                "quarter",
                "title",
                "inherent",
                "residual",
                "next_review"
            ]
        );
        assert!(
            errors[3].message.contains("says 16, but 4 x 3 is 12"),
            "{}",
            errors[3].message
        );
        assert!(errors[4]
            .message
            .contains("7 cannot come from a 5 x 5 grid"));
        let taken = EntryForm {
            id: "cr2".into(),
            ..EntryForm::blank(EntryKind::Risk, Some(q("Q2 2019/20")))
        };
        let errors = save_entry(&s, None, &taken, day("2019-10-01")).expect_err("refused");
        assert_eq!(
            errors[0].message,
            "cr2 is already on the register: choose another reference"
        );
    }

    #[test]
    fn a_new_entry_is_added_with_its_scores_and_review_date() {
        let s = Snapshot::demo();
        let form = EntryForm {
            id: "CR13".into(),
            kind: "risk".into(),
            quarter: "Q2 2019/20".into(),
            title: "Cyber attack on council systems".into(),
            risk_type: "Technological".into(),
            inherent: "20 (Catastrophic/Likely)".into(),
            residual: "4x3".into(),
            target: "8".into(),
            owner: "Director of Digital".into(),
            next_review: "31/12/2019".into(),
            ..EntryForm::default()
        };
        let saved = save_entry(&s, None, &form, day("2019-10-01")).expect("saved");
        assert_eq!(saved.done, "Added CR13");
        let cr13 = entry(&saved.snapshot, "CR13");
        let a = cr13.latest().expect("assessed");
        assert_eq!(
            a.residual,
            Some(Score::Rated {
                impact: 4,
                likelihood: 3
            })
        );
        assert_eq!(a.target, Some(Score::Printed { value: 8 }));
        assert_eq!(a.next_review, Some(day("2019-12-31")));
        assert_eq!(a.description, None, "blank is nothing, not an empty text");
        assert_eq!(crate::file::validate::validate(&saved.snapshot), vec![]);
    }

    #[test]
    fn editing_a_score_needs_a_reason_and_records_what_moved() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let cr2 = entry(&s, "CR2");
        let mut form = EntryForm::of(cr2, &now);
        assert_eq!(form.residual, "12 (Major/Possible)");
        assert_eq!(form.inherent, "12");
        form.residual = "8 (Major/Unlikely)".into();
        let errors = save_entry(&s, Some("CR2"), &form, day("2019-10-01")).expect_err("no reason");
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["reason"]
        );
        form.reason = "Peer challenge".into();
        let saved = save_entry(&s, Some("CR2"), &form, day("2019-10-01")).expect("saved");
        assert_eq!(saved.done, "Saved CR2 for Q2 2019/20");
        let history = &entry(&saved.snapshot, "CR2").history;
        assert_eq!(
            history[0].change,
            "Residual score from 12 (Major/Possible) to 8 (Major/Unlikely) in Q2 2019/20"
        );
        // Wording only: no reason needed, nothing added to the history.
        let mut words = EntryForm::of(cr2, &now);
        words.direction = "Improving".into();
        let saved = save_entry(&s, Some("CR2"), &words, day("2019-10-01")).expect("saved");
        assert!(entry(&saved.snapshot, "CR2").history.is_empty());
        assert_eq!(
            entry(&saved.snapshot, "CR2")
                .assessment(&now)
                .and_then(|a| a.direction.clone())
                .as_deref(),
            Some("Improving")
        );
    }

    #[test]
    fn a_new_quarter_starts_from_the_latest_assessment() {
        let s = Snapshot::demo();
        let next_q = q("Q3 2019/20");
        let form = EntryForm::of(entry(&s, "CR2"), &next_q);
        assert_eq!(form.quarter, "Q3 2019/20");
        assert_eq!(
            form.residual, "12 (Major/Possible)",
            "copied from Q2 2019/20"
        );
        let saved = save_entry(&s, Some("CR2"), &form, day("2019-12-01")).expect("saved");
        assert_eq!(saved.done, "Added Q3 2019/20 to CR2");
        assert_eq!(entry(&saved.snapshot, "CR2").assessments.len(), 3);
        assert_eq!(
            crate::register::quarters(&saved.snapshot).last(),
            Some(&next_q)
        );
    }

    #[test]
    fn an_edit_to_a_quarter_after_retirement_is_refused() {
        let s = Snapshot::demo();
        let retired =
            retire_entry(&s, "CR3", "Q3 2019/20", "Merged", day("2019-10-01")).expect("retired");
        let form = EntryForm::of(entry(&retired, "CR3"), &q("Q3 2019/20"));
        let errors =
            save_entry(&retired, Some("CR3"), &form, day("2019-10-01")).expect_err("refused");
        assert_eq!(errors[0].field, "quarter");
        assert!(errors[0].message.contains("restore it"));
    }
}
