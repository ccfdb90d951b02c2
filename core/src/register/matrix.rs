//! The 5 x 5 matrix: its cells, where each entry is placed, the words for
//! its axes, the drawing's units and the risk appetite line.

use crate::domain::risk::{impact_label, likelihood_label, Band, EntryKind, Score, ScoreBands};
use crate::domain::snapshot::count_of;
use crate::register::bands::tone_key;
use crate::register::filter::RegisterFilter;
use crate::register::rows::{id_cmp, Layer, Row};
use crate::sort;

/// Markers a cell shows before it shows a count instead.
pub const SHOWN_IN_CELL: usize = 4;

/// One square of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixCell {
    pub impact: u8,
    pub likelihood: u8,
    pub band: Option<Band>,
    /// The ids of the entries placed here, in reference order.
    pub entries: Vec<String>,
}

impl MatrixCell {
    /// The markers the cell shows, and how many more it holds: all of them
    /// up to [`SHOWN_IN_CELL`], else one fewer and a "+4" for the rest.
    pub fn shown_markers(&self) -> (Vec<String>, usize) {
        let count = self.entries.len();
        let shown: Vec<String> = if count > SHOWN_IN_CELL {
            self.entries[..SHOWN_IN_CELL - 1].to_vec()
        } else {
            self.entries.clone()
        };
        let more = count - shown.len();
        (shown, more)
    }

    /// The band's name, or "No band".
    pub fn band_name(&self) -> String {
        self.band
            .as_ref()
            .map_or_else(|| "No band".to_owned(), |b| b.name.clone())
    }

    /// The band's colour as the style names it ("none" for no band).
    pub fn tone(&self) -> &'static str {
        self.band.as_ref().map_or("none", |b| tone_key(b.tone))
    }

    /// The cell in the matrix's table: "12 Medium: CR2, CR3", or "... none".
    pub fn table_text(&self) -> String {
        let band = self
            .band
            .as_ref()
            .map(|b| b.name.as_str())
            .unwrap_or_default();
        let ids = if self.entries.is_empty() {
            "none".to_owned()
        } else {
            self.entries.join(", ")
        };
        format!("{} {band}: {ids}", self.score())
    }

    pub fn score(&self) -> u8 {
        self.impact * self.likelihood
    }

    /// What the cell says to a screen reader, and holds: "Impact 4 Major,
    /// likelihood 3 Possible: score 12, Medium. 7 risks."
    pub fn describe(&self, kind: EntryKind) -> String {
        let band = self.band.as_ref().map_or("no band", |b| b.name.as_str());
        let count = count_of(self.entries.len(), kind.key(), kind.plural());
        format!(
            "Impact {}, likelihood {}: score {}, {band}. {count}.",
            impact_step(kind, self.impact),
            likelihood_step(self.likelihood),
            self.score()
        )
    }

    /// "12 (Major/Possible)".
    pub fn label(&self, kind: EntryKind) -> String {
        Score::Rated {
            impact: self.impact,
            likelihood: self.likelihood,
        }
        .label(kind)
    }
}

/// A 5 x 5 matrix of one kind of entry, impact 5 in the top row.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub kind: EntryKind,
    /// Five rows of five cells: impact 5 down to 1, likelihood 1 to 5 across.
    pub rows: Vec<Vec<MatrixCell>>,
    /// Entries whose score the pack printed as a bare product with more than
    /// one possible cell (12 is 3 x 4 or 4 x 3), with that score.
    pub unplaced: Vec<(String, Score)>,
    /// Entries with no score of this layer.
    pub unscored: Vec<String>,
}

impl Matrix {
    /// Places `rows` (of every kind; only `kind` is kept) by their shown score.
    pub fn build(rows: &[Row], kind: EntryKind, bands: &ScoreBands) -> Matrix {
        let mut grid: Vec<Vec<MatrixCell>> = (1..=5u8)
            .rev()
            .map(|impact| {
                (1..=5u8)
                    .map(|likelihood| MatrixCell {
                        impact,
                        likelihood,
                        band: bands.band_of(impact * likelihood).cloned(),
                        entries: vec![],
                    })
                    .collect()
            })
            .collect();
        let mut unplaced = vec![];
        let mut unscored = vec![];
        let mut sorted: Vec<&Row> = rows.iter().filter(|r| r.kind == kind).collect();
        sort::by(&mut sorted, |a, b| id_cmp(&a.id, &b.id));
        for row in sorted {
            match row.shown {
                None => unscored.push(row.id.clone()),
                Some(score) => match score.cell() {
                    Some((i, l)) => grid[usize::from(5 - i)][usize::from(l - 1)]
                        .entries
                        .push(row.id.clone()),
                    None => unplaced.push((row.id.clone(), score)),
                },
            }
        }
        Matrix {
            kind,
            rows: grid,
            unplaced,
            unscored,
        }
    }

    /// The cell of this matrix that `filter` chose, where it holds more
    /// entries than it shows.
    pub fn chosen_full_cell(&self, filter: &RegisterFilter) -> Option<&MatrixCell> {
        let (impact, likelihood) = filter.cell.filter(|_| filter.kind == Some(self.kind))?;
        self.cell(impact, likelihood)
            .filter(|c| c.entries.len() > SHOWN_IN_CELL)
    }

    /// What the grid cannot show, in words: entries whose printed score
    /// more than one cell gives, and entries with no score of `layer`.
    pub fn off_grid(&self, layer: Layer) -> (Option<String>, Option<String>) {
        let which = layer.label().to_lowercase();
        let unplaced: Vec<String> = self
            .unplaced
            .iter()
            .map(|(id, s)| format!("{id} ({})", s.value()))
            .collect();
        let unplaced = (!unplaced.is_empty()).then(|| {
            format!(
                "Not on the grid: {}. The pack printed only the {which} score, which more than one cell gives.",
                unplaced.join(", ")
            )
        });
        let unscored = (!self.unscored.is_empty())
            .then(|| format!("No {which} score: {}.", self.unscored.join(", ")));
        (unplaced, unscored)
    }

    pub fn placed(&self) -> usize {
        self.rows.iter().flatten().map(|c| c.entries.len()).sum()
    }

    pub fn cell(&self, impact: u8, likelihood: u8) -> Option<&MatrixCell> {
        self.rows
            .get(usize::from(5u8.checked_sub(impact)?))?
            .get(usize::from(likelihood.checked_sub(1)?))
    }
}

/// The words for an axis step, e.g. "4 Major", "3 Possible".
pub fn impact_step(kind: EntryKind, impact: u8) -> String {
    format!("{impact} {}", impact_label(kind, impact).unwrap_or("?"))
}

pub fn likelihood_step(likelihood: u8) -> String {
    format!(
        "{likelihood} {}",
        likelihood_label(likelihood).unwrap_or("?")
    )
}

/// The matrix drawing is 500 x 500 units: cells of 100, impact 5 at the top.
pub const CELL: f64 = 100.0;

/// The centre of a cell in drawing units.
pub fn cell_centre((impact, likelihood): (u8, u8)) -> (f64, f64) {
    (
        (f64::from(likelihood) - 0.5) * CELL,
        (5.5 - f64::from(impact)) * CELL,
    )
}

/// The risk appetite as a stepped line between the cells at or under it and
/// those above, as SVG path data in drawing units. `None` for no appetite or
/// one that no cell exceeds.
pub fn appetite_path(appetite: Option<u8>) -> Option<String> {
    let appetite = appetite.filter(|a| *a < 25)?;
    // For each likelihood column, the height (in cells from the bottom)
    // of the cells within appetite.
    let heights: Vec<u8> = (1..=5u8)
        .map(|l| (1..=5u8).filter(|i| i * l <= appetite).count() as u8)
        .collect();
    let y = |h: u8| (5.0 - f64::from(h)) * CELL;
    let mut path = format!("M 0 {}", y(heights[0]));
    for (col, h) in heights.iter().enumerate() {
        let x_end = (col as f64 + 1.0) * CELL;
        path.push_str(&format!(" H {x_end}"));
        if let Some(next) = heights.get(col + 1) {
            if next != h {
                path.push_str(&format!(" V {}", y(*next)));
            }
        }
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::filter::RegisterFilter;
    use crate::register::fixtures::{day, demo_snapshot, every_row, ids, q};
    use crate::register::rows::{rows, Layer, Sort};

    #[test]
    fn the_matrix_places_rated_and_unambiguous_scores_and_lists_the_rest() {
        let s = demo_snapshot();
        let list = every_row(&s, "Q2 2019/20", "2019-09-30");
        let bands = ScoreBands::three();
        let risks = Matrix::build(&list, EntryKind::Risk, &bands);
        let cell = risks.cell(4, 3).expect("cell");
        assert_eq!(cell.score(), 12);
        assert_eq!(cell.label(EntryKind::Risk), "12 (Major/Possible)");
        assert_eq!(
            cell.describe(EntryKind::Risk),
            "Impact 4 Major, likelihood 3 Possible: score 12, Medium. 7 risks."
        );
        assert_eq!(
            risks.cell(5, 5).expect("cell").describe(EntryKind::Risk),
            "Impact 5 Catastrophic, likelihood 5 Certain: score 25, High. 0 risks."
        );
        assert_eq!(cell.band.as_ref().map(|b| b.name.as_str()), Some("Medium"));
        assert_eq!(
            cell.entries,
            vec!["CR2", "CR3", "CR5", "CR7", "CR8", "CR9", "CR12"]
        );
        assert_eq!(
            risks.cell(4, 4).expect("cell").entries,
            vec!["CR1", "CR4", "CR10"]
        );
        assert_eq!(risks.unscored, vec!["CR6", "CR11"]);
        assert_eq!(risks.placed(), 10);
        assert_eq!(risks.rows[0][0].impact, 5, "impact 5 is the top row");
        assert_eq!(
            risks.rows[4][4].likelihood, 5,
            "likelihood 5 is the right column"
        );
        let opportunities = Matrix::build(&list, EntryKind::Opportunity, &bands);
        assert_eq!(
            opportunities.cell(5, 3).expect("cell").entries,
            vec!["CO2", "CO4"]
        );
        assert_eq!(
            opportunities
                .cell(5, 3)
                .expect("cell")
                .label(EntryKind::Opportunity),
            "15 (Outstanding/Possible)"
        );
        assert_eq!(opportunities.unscored, vec!["CO3"]);

        let inherent = RegisterFilter {
            layer: Layer::Inherent,
            ..Default::default()
        };
        let list = rows(&s, &inherent, &q("Q2 2019/20"), day("2019-09-30"), true);
        let by_inherent = Matrix::build(&list, EntryKind::Risk, &bands);
        assert_eq!(
            by_inherent.cell(5, 5).expect("cell").entries,
            vec!["CR9"],
            "printed 25 is only 5 x 5"
        );
        assert!(by_inherent
            .unplaced
            .contains(&("CR1".to_owned(), Score::Printed { value: 20 })));
    }

    #[test]
    fn cells_follow_whichever_bands_the_settings_hold() {
        let s = demo_snapshot();
        let list = every_row(&s, "Q2 2019/20", "2019-09-30");
        let three = Matrix::build(&list, EntryKind::Risk, &ScoreBands::three());
        let four = Matrix::build(&list, EntryKind::Risk, &ScoreBands::four());
        let band = |m: &Matrix, i, l| m.cell(i, l).and_then(|c| c.band.clone()).map(|b| b.name);
        assert_eq!(band(&three, 2, 2).as_deref(), Some("Low"));
        assert_eq!(band(&four, 2, 2).as_deref(), Some("Medium"));
        assert_eq!(band(&three, 4, 3).as_deref(), Some("Medium"));
        assert_eq!(band(&four, 4, 3).as_deref(), Some("High"));
        assert_eq!(band(&four, 5, 5).as_deref(), Some("Very high"));
        let high = RegisterFilter {
            band: Some("High".into()),
            sort: Sort::Id,
            ..Default::default()
        };
        let mut four_bands = s.clone();
        four_bands.settings.score_bands = ScoreBands::four();
        let now = q("Q2 2019/20");
        assert_eq!(
            ids(&rows(&four_bands, &high, &now, day("2019-09-30"), false)),
            vec!["CR2", "CR3", "CR5", "CR7", "CR8", "CR9", "CR12"],
            "under four bands, 12 is High and 15-16 are Very high"
        );
    }

    #[test]
    fn the_appetite_line_steps_between_cells_within_and_above_it() {
        assert_eq!(appetite_path(None), None);
        assert_eq!(appetite_path(Some(25)), None);
        // Appetite 12: column 1 holds impact 1-5 (5), column 2 up to 5 (10),
        // column 3 up to 4, column 4 up to 3, column 5 up to 2.
        assert_eq!(
            appetite_path(Some(12)).as_deref(),
            Some("M 0 0 H 100 H 200 V 100 H 300 V 200 H 400 V 300 H 500")
        );
        assert_eq!(
            appetite_path(Some(4)).as_deref(),
            Some("M 0 100 H 100 V 300 H 200 V 400 H 300 H 400 V 500 H 500")
        );
    }

    #[test]
    fn a_cell_shows_four_markers_or_three_and_a_count_and_the_grid_names_the_rest() {
        let s = demo_snapshot();
        let list = every_row(&s, "Q2 2019/20", "2019-09-30");
        let risks = Matrix::build(&list, EntryKind::Risk, &s.settings.score_bands);
        let full = risks.cell(4, 3).expect("cell");
        assert_eq!(
            full.shown_markers(),
            (
                vec!["CR2".to_owned(), "CR3".to_owned(), "CR5".to_owned()],
                4
            )
        );
        let three = risks.cell(4, 4).expect("cell");
        assert_eq!(three.shown_markers().1, 0);
        assert_eq!(three.shown_markers().0.len(), 3);
        assert_eq!(three.band_name(), "High");
        assert_eq!(three.tone(), "red");
        assert_eq!(three.table_text(), "16 High: CR1, CR4, CR10");
        assert_eq!(risks.cell(1, 1).expect("cell").table_text(), "1 Low: none");
        let chosen = RegisterFilter {
            cell: Some((4, 3)),
            kind: Some(EntryKind::Risk),
            ..Default::default()
        };
        assert_eq!(risks.chosen_full_cell(&chosen), Some(full));
        let other_kind = RegisterFilter {
            kind: Some(EntryKind::Opportunity),
            ..chosen.clone()
        };
        assert_eq!(risks.chosen_full_cell(&other_kind), None);
        let small = RegisterFilter {
            cell: Some((4, 4)),
            ..chosen
        };
        assert_eq!(risks.chosen_full_cell(&small), None, "it shows them all");
        assert_eq!(
            risks.off_grid(Layer::Residual),
            (None, Some("No residual score: CR6, CR11.".to_owned()))
        );
        let inherent = RegisterFilter {
            layer: Layer::Inherent,
            ..Default::default()
        };
        let list = rows(&s, &inherent, &q("Q2 2019/20"), day("2019-09-30"), true);
        let by_inherent = Matrix::build(&list, EntryKind::Risk, &s.settings.score_bands);
        let (unplaced, _) = by_inherent.off_grid(Layer::Inherent);
        assert!(unplaced
            .expect("unplaced")
            .starts_with("Not on the grid: CR1 (20)"));
        let empty = MatrixCell {
            impact: 1,
            likelihood: 1,
            band: None,
            entries: vec![],
        };
        assert_eq!(
            (empty.band_name().as_str(), empty.tone()),
            ("No band", "none")
        );
    }
}
