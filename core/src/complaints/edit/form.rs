//! What the officer typed into the year form: every figure as text keyed
//! by its field, and the lists one per line; filled from a held year.

use std::collections::BTreeMap;

use super::fields::{Figure, FigureField, YearField};
use crate::domain::complaints::{ComplaintsYear, LabelledCount, Procedure};
use crate::sort;
use crate::text::plain_number;

/// What the officer typed: every figure as text, and the lists one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearForm {
    /// "2019/20"; only read when adding a year.
    pub year: String,
    /// The procedure chosen; only read when adding a year. `None` where
    /// the page sent a key [`Procedure::from_key`] does not know.
    pub procedure: Option<Procedure>,
    pub figures: BTreeMap<FigureField, String>,
    /// "Care Provision: 128", one per line.
    pub categories: String,
    pub compliments_by_service: String,
    /// One note per line.
    pub notes: String,
}

fn lines_of(list: &[LabelledCount]) -> String {
    list.iter()
        .map(|x| format!("{}: {}", x.label, x.count))
        .collect::<Vec<_>>()
        .join("\n")
}

fn money_text(pounds: f64) -> String {
    if pounds.fract() == 0.0 {
        plain_number(pounds)
    } else {
        format!("{pounds:.2}")
    }
}

/// The figure `field` of `c` as the form shows it, where it is held.
fn held_text(field: FigureField, c: &ComplaintsYear) -> Option<String> {
    field.held(c).map(|figure| match figure {
        Figure::Count(n) => n.to_string(),
        Figure::Pounds(p) => money_text(p),
    })
}

impl YearForm {
    /// A blank form for a new year.
    pub fn blank(procedure: Procedure) -> YearForm {
        YearForm {
            procedure: Some(procedure),
            ..YearForm::default()
        }
    }

    /// The form filled with `c`'s figures. A figure the form has no field
    /// for (an outcome it does not list) is kept by the save, not shown here.
    pub fn of(c: &ComplaintsYear) -> YearForm {
        YearForm {
            year: c.year.to_string(),
            procedure: Some(c.procedure),
            figures: sort::into_map(FigureField::all().filter_map(|f| Some((f, held_text(f, c)?)))),
            categories: lines_of(&c.categories),
            compliments_by_service: lines_of(&c.compliments_by_service),
            notes: c.notes.join("\n"),
        }
    }

    /// What `field` holds, as typed (the procedure as its key, "" for none).
    pub fn value(&self, field: YearField) -> &str {
        match field {
            YearField::Year => &self.year,
            YearField::Procedure => self.procedure.map_or("", Procedure::key),
            YearField::Figure(f) => self.figures.get(&f).map_or("", String::as_str),
            YearField::Categories => &self.categories,
            YearField::ComplimentsByService => &self.compliments_by_service,
            YearField::Notes => &self.notes,
        }
    }

    /// Puts what was typed into `field` (for the procedure, the one its key names).
    pub fn set(&mut self, field: YearField, text: String) {
        match field {
            YearField::Year => self.year = text,
            YearField::Procedure => self.procedure = Procedure::from_key(text.trim()),
            YearField::Figure(f) => {
                self.figures.insert(f, text);
            }
            YearField::Categories => self.categories = text,
            YearField::ComplimentsByService => self.compliments_by_service = text,
            YearField::Notes => self.notes = text,
        }
    }

    /// The figure as typed, without the spaces around it.
    pub(super) fn text(&self, field: FigureField) -> &str {
        self.value(field.into()).trim()
    }
}
