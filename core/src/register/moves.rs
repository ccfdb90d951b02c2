//! Moving a residual score on the matrix: the new cell, with the move and
//! its reason kept in the entry's history.

use chrono::NaiveDate;
use thiserror::Error;

use crate::domain::period::Period;
use crate::domain::register::HistoryNote;
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::Snapshot;
use crate::form::FormField;
use crate::register::rows::score_text;

/// The field of a matrix's move panel: the reason for a move of one kind's
/// marker (each matrix has its own panel).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveField {
    Reason(EntryKind),
}

impl MoveField {
    pub fn label(self) -> &'static str {
        match self {
            MoveField::Reason(_) => "Reason for the move",
        }
    }
}

impl FormField for MoveField {
    /// "move-reason-risks".
    fn id(self) -> String {
        match self {
            MoveField::Reason(kind) => format!("move-reason-{}", kind.plural()),
        }
    }
}

/// Why a marker could not be moved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MoveError {
    #[error("Say why {0} moved: the reason is kept in its history")]
    NoReason(String),
    #[error("{0} is not on the register in {1}")]
    NotOnRegister(String, Period),
    #[error("{id} is already at {score}")]
    SameCell { id: String, score: String },
    #[error("impact and likelihood must each be from 1 to 5")]
    OffGrid,
}

/// The snapshot with entry `id`'s residual score in `quarter` set to the
/// cell (impact, likelihood), and the move and its reason in its history.
pub fn move_residual(
    snapshot: &Snapshot,
    id: &str,
    quarter: &Period,
    (impact, likelihood): (u8, u8),
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, MoveError> {
    let to = Score::rated(impact, likelihood).map_err(|_| MoveError::OffGrid)?;
    let mut next = snapshot.clone();
    let entry = next
        .register
        .iter_mut()
        .find(|e| e.id == id && e.on_register(quarter).is_some())
        .ok_or_else(|| MoveError::NotOnRegister(id.to_owned(), *quarter))?;
    let kind = entry.kind;
    let reason = reason.trim();
    let assessment = entry
        .assessments
        .iter_mut()
        .find(|a| a.period == *quarter)
        .ok_or_else(|| MoveError::NotOnRegister(id.to_owned(), *quarter))?;
    if assessment.residual.and_then(|s| s.cell()) == Some((impact, likelihood)) {
        return Err(MoveError::SameCell {
            id: id.to_owned(),
            score: to.label(kind),
        });
    }
    if reason.is_empty() {
        return Err(MoveError::NoReason(id.to_owned()));
    }
    let change = format!(
        "Residual score moved from {} to {}",
        score_text(assessment.residual, kind),
        to.label(kind)
    );
    assessment.residual = Some(to);
    entry.history.push(HistoryNote {
        on: today,
        period: *quarter,
        change,
        reason: reason.to_owned(),
    });
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{day, entry, q, risk_matrix};

    #[test]
    fn moving_a_marker_sets_the_residual_and_keeps_the_reason() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let next = move_residual(
            &s,
            "CR2",
            &now,
            (4, 2),
            "  Peer challenge actions complete ",
            day("2019-10-01"),
        )
        .expect("moved");
        let cr2 = entry(&next, "CR2");
        assert_eq!(
            cr2.assessment(&now).and_then(|a| a.residual),
            Some(Score::Rated {
                impact: 4,
                likelihood: 2
            })
        );
        assert_eq!(
            cr2.history,
            vec![HistoryNote {
                on: day("2019-10-01"),
                period: now,
                change: "Residual score moved from 12 (Major/Possible) to 8 (Major/Unlikely)"
                    .into(),
                reason: "Peer challenge actions complete".into(),
            }]
        );
        assert_eq!(crate::file::validate::validate(&next), vec![]);
        // Only CR2 changed.
        let mut back = next.clone();
        back.register
            .iter_mut()
            .find(|e| e.id == "CR2")
            .expect("CR2")
            .clone_from(entry(&s, "CR2"));
        assert_eq!(back, s);
        let m = risk_matrix(&next, "Q2 2019/20", "2019-10-01");
        assert_eq!(m.cell(4, 2).expect("cell").entries, vec!["CR2"]);
    }

    #[test]
    fn a_move_without_a_reason_or_to_the_same_cell_or_of_an_absent_entry_is_refused() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let today = day("2019-10-01");
        assert_eq!(
            move_residual(&s, "CR2", &now, (4, 2), "  ", today),
            Err(MoveError::NoReason("CR2".into()))
        );
        assert_eq!(
            move_residual(&s, "CR2", &now, (4, 3), "why", today).map_err(|e| e.to_string()),
            Err("CR2 is already at 12 (Major/Possible)".into())
        );
        assert_eq!(
            move_residual(&s, "CO4", &q("Q2 2018/19"), (4, 3), "why", today),
            Err(MoveError::NotOnRegister("CO4".into(), q("Q2 2018/19")))
        );
        assert_eq!(
            move_residual(&s, "CR2", &now, (6, 1), "why", today),
            Err(MoveError::OffGrid)
        );
        // A printed score with no cell can be placed by a move.
        let placed = move_residual(&s, "CR6", &now, (3, 3), "First scored", today).expect("placed");
        assert_eq!(
            entry(&placed, "CR6").history[0].change,
            "Residual score moved from Not scored to 9 (Moderate/Possible)"
        );
    }

    #[test]
    fn each_matrix_has_its_own_reason_field() {
        assert_eq!(MoveField::Reason(EntryKind::Risk).id(), "move-reason-risks");
        assert_eq!(
            MoveField::Reason(EntryKind::Opportunity).id(),
            "move-reason-opportunities"
        );
        assert_eq!(
            MoveField::Reason(EntryKind::Risk).label(),
            "Reason for the move"
        );
    }
}
