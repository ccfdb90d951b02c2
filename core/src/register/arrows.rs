//! Arrows on the matrix: from an entry's inherent cell to its residual
//! cell, or from last quarter's cell to this quarter's, and their lines.

use crate::domain::risk::{EntryKind, Score};
use crate::register::changes::Changes;
use crate::register::matrix::cell_centre;
use crate::register::rows::Row;

/// A line in drawing units, as (x1, y1, x2, y2).
pub type Line = (f64, f64, f64, f64);

/// An arrow on the matrix from one cell to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    pub id: String,
    /// (impact, likelihood)
    pub from: (u8, u8),
    pub to: (u8, u8),
}

impl Arrow {
    /// An arrow from one score's cell to another's, where both have a cell
    /// and they differ.
    fn between(id: &str, from: Option<Score>, to: Option<Score>) -> Option<Arrow> {
        let (from, to) = (from?.cell()?, to?.cell()?);
        (from != to).then(|| Arrow {
            id: id.to_owned(),
            from,
            to,
        })
    }
}

/// Arrows from each entry's inherent cell to its residual cell, where both
/// are known and differ.
pub fn mitigation_arrows(rows: &[Row], kind: EntryKind) -> Vec<Arrow> {
    rows.iter()
        .filter(|r| r.kind == kind)
        .filter_map(|r| Arrow::between(&r.id, r.inherent, r.residual))
        .collect()
}

/// Arrows from last quarter's residual cell to this quarter's, for entries
/// that continue (see [`Changes`]) and whose cell changed.
pub fn movement_arrows(changes: &Changes, rows: &[Row], kind: EntryKind) -> Vec<Arrow> {
    changes
        .continuing
        .iter()
        .filter(|c| c.kind == kind && rows.iter().any(|r| r.id == c.id))
        .filter_map(|c| Arrow::between(&c.id, c.was_residual, c.residual))
        .collect()
}

/// Which arrows the matrix draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArrowSet {
    #[default]
    None,
    /// From each entry's inherent score to its residual score.
    Mitigation,
    /// From last quarter's residual score to this quarter's.
    SinceLastQuarter,
}

impl ArrowSet {
    pub const ALL: [ArrowSet; 3] = [
        ArrowSet::None,
        ArrowSet::Mitigation,
        ArrowSet::SinceLastQuarter,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ArrowSet::None => "none",
            ArrowSet::Mitigation => "mitigation",
            ArrowSet::SinceLastQuarter => "movement",
        }
    }

    pub fn from_key(key: &str) -> Option<ArrowSet> {
        ArrowSet::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The arrows of this set for `kind`; `changes` is needed for movement.
    pub fn arrows(self, rows: &[Row], changes: Option<&Changes>, kind: EntryKind) -> Vec<Arrow> {
        match (self, changes) {
            (ArrowSet::Mitigation, _) => mitigation_arrows(rows, kind),
            (ArrowSet::SinceLastQuarter, Some(c)) => movement_arrows(c, rows, kind),
            _ => vec![],
        }
    }
}

/// The line of the `nth` of `count` arrows, as (x1, y1, x2, y2): arrows
/// that share a start and end are spread apart, and each stops short of the
/// cell centres so it does not cover a score.
pub fn arrow_line(arrow: &Arrow, nth: usize, count: usize) -> Line {
    let (x1, y1) = cell_centre(arrow.from);
    let (x2, y2) = cell_centre(arrow.to);
    let (dx, dy) = (x2 - x1, y2 - y1);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let spread = 10.0;
    let offset = (nth as f64 - (count.max(1) as f64 - 1.0) / 2.0) * spread;
    let (px, py) = (-uy * offset, ux * offset);
    let trim = 24.0_f64.min(length / 3.0);
    (
        x1 + ux * trim + px,
        y1 + uy * trim + py,
        x2 - ux * trim + px,
        y2 - uy * trim + py,
    )
}

/// Every arrow's line, spreading those that share both ends.
pub fn arrow_lines(arrows: &[Arrow]) -> Vec<(String, Line)> {
    arrows
        .iter()
        .map(|a| {
            let same: Vec<&Arrow> = arrows
                .iter()
                .filter(|b| b.from == a.from && b.to == a.to)
                .collect();
            let nth = same.iter().position(|b| b.id == a.id).unwrap_or(0);
            (a.id.clone(), arrow_line(a, nth, same.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{demo_snapshot, every_row};

    #[test]
    fn arrows_join_cell_centres_stopping_short_and_spreading_when_shared() {
        assert_eq!(cell_centre((5, 1)), (50.0, 50.0));
        assert_eq!(cell_centre((1, 5)), (450.0, 450.0));
        let arrow = Arrow {
            id: "CR2".into(),
            from: (4, 4),
            to: (4, 3),
        };
        let (x1, y1, x2, y2) = arrow_line(&arrow, 0, 1);
        assert_eq!((x1, y1, x2, y2), (326.0, 150.0, 274.0, 150.0));
        let twin = Arrow {
            id: "CR3".into(),
            ..arrow.clone()
        };
        let lines = arrow_lines(&[arrow, twin]);
        // Going left, the first of two sits below the centre line, the second above.
        assert_eq!(lines[0].1 .1, 155.0);
        assert_eq!(lines[1].1 .1, 145.0);
    }

    /// Which list each entry of either quarter is in, as (list, quarter,

    #[test]
    fn mitigation_arrows_need_both_cells() {
        let s = demo_snapshot();
        let list = every_row(&s, "Q2 2019/20", "2019-09-30");
        // CR12: inherent 4 x 4, residual 4 x 3; CR3, CR5 and CR8 print an
        // inherent 16 (only 4 x 4) and CR9 25 (only 5 x 5). CR4's printed 16
        // and residual 4 x 4 share a cell: no arrow. CR1's printed 20 has no cell.
        let arrows = mitigation_arrows(&list, EntryKind::Risk);
        let ids: Vec<&str> = arrows.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["CR3", "CR5", "CR8", "CR9", "CR12"]);
    }
}
