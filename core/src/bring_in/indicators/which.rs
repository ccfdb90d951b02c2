//! Which indicator a row names: one held, one an earlier row made, or a
//! new one with its service area, polarity and unit.

use crate::text::excerpt;
use std::collections::HashMap;

use super::*;

/// Where the reading finds indicators and rows without scanning: the held
/// indicators by id, every indicator (held or made) by its name, the file's
/// own ids of those it makes, and the rows of each indicator the file names.
#[derive(Default)]
pub(super) struct Index {
    built: bool,
    held_ids: HashMap<String, usize>,
    names: HashMap<String, Vec<At>>,
    file_ids: HashMap<String, At>,
    rows: HashMap<String, Vec<usize>>,
}

impl Reading<'_> {
    /// Builds the [`Index`] once.
    fn index(&mut self) {
        if self.index.built {
            return;
        }
        let mut index = Index {
            built: true,
            ..Index::default()
        };
        for (i, indicator) in self.next.indicators.iter().enumerate() {
            index.held_ids.insert(indicator.id.clone(), i);
            index
                .names
                .entry(normalise(&indicator.name))
                .or_default()
                .push(At::Held(i));
        }
        for r in self.found.header_row + 1..self.table.rows.len() {
            index.rows.entry(self.row_key(r)).or_default().push(r);
        }
        self.index = index;
    }

    /// What names a row's indicator: its id, or else its name.
    fn row_key(&self, row: usize) -> String {
        match self.cell(row, col(&self.found, "indicator_id")) {
            "" => format!(
                "name:{}",
                normalise(
                    self.cell(row, col(&self.found, "indicator"))
                        .trim_start_matches(['-', '\u{2022}', '\u{2013}'])
                )
            ),
            id => format!("id:{id}"),
        }
    }

    /// The indicator a row names, found or created; `None` after a fault.
    pub(super) fn indicator_of(
        &mut self,
        row: usize,
        area_heading: Option<&str>,
        long: bool,
        wide: &[(usize, Figures)],
    ) -> Option<At> {
        let id_col = col(&self.found, "indicator_id");
        let name_col = col(&self.found, "indicator");
        let id = self.cell(row, id_col).to_owned();
        // A bullet before the name ("- Number of families") is the pack's layout.
        let name = self
            .cell(row, name_col)
            .trim_start_matches(['-', '\u{2022}', '\u{2013}'])
            .trim()
            .to_owned();
        let key = normalise(&name);
        // A row with an id is that indicator, held or made by an earlier row;
        // an id neither gives is a new indicator, whatever its name.
        self.index();
        if !id.is_empty() {
            if let Some(&i) = self.index.held_ids.get(&id) {
                self.check_description(row, i);
                return Some(At::Held(i));
            }
            if let Some(&at) = self.index.file_ids.get(&id) {
                return Some(at);
            }
        } else {
            // Without one, the same name in the same service area (where the
            // row says which) is the same indicator.
            let area = self.area_named(row, area_heading).map(|a| normalise(&a));
            let area_of = |i: &Indicator| {
                self.next
                    .service_area(&i.service_area)
                    .map_or_else(|| normalise(&i.service_area), |a| normalise(&a.name))
            };
            let named = self.index.names.get(&key).cloned().unwrap_or_default();
            let same = |at: &At| {
                area.as_ref()
                    .is_none_or(|a| *a == area_of(self.indicator(*at)))
            };
            match named.into_iter().find(same) {
                Some(At::Held(i)) => {
                    self.check_description(row, i);
                    return Some(At::Held(i));
                }
                Some(at) => return Some(at),
                None => {}
            }
        }
        if name.is_empty() {
            let column = id_col.or(name_col).unwrap_or(0);
            let message = if id.is_empty() {
                "the row has figures but no indicator: give its name".to_owned()
            } else {
                format!("there is no indicator with the id \u{201c}{}\u{201d}, and the row gives no name to add it by: give its name in the indicator column", excerpt(&id))
            };
            self.fail(row, column, message);
            return None;
        }
        let polarity = self.polarity(row);
        let unit = self.unit(row, &name, long, wide);
        let (Some(polarity), Some(unit)) = (polarity, unit) else {
            return None;
        };
        let area = self.area_for(row, area_heading);
        let base = if !id.is_empty() && slug(&id) == id {
            id.clone()
        } else {
            slug(&name)
        };
        if !id.is_empty() && slug(&id) != id {
            self.understood.push(Understood {
                place: format!("Row {}, column \u{201c}{}\u{201d}", row + 1, self.heading(id_col.unwrap_or(0))),
                printed: id.clone(),
                understood: format!("Not an id Scrutineer can use in a link (lower-case letters, digits and hyphens): the indicator is given the id \u{201c}{}\u{201d}, made from its name", slug(&name)),
            });
        }
        let taken = |x: &str| {
            self.next.indicators.iter().any(|i| i.id == x) || self.created.iter().any(|i| i.id == x)
        };
        let new_id = unique_id(&base, taken);
        self.created
            .push(Indicator::new(&new_id, &area, &name, unit, polarity));
        let at = At::New(self.created.len() - 1);
        if !id.is_empty() {
            self.index.file_ids.insert(id, at);
        }
        self.index.names.entry(key).or_default().push(at);
        Some(at)
    }

    /// For a held indicator, a sentence where the file describes it otherwise.
    pub(super) fn check_description(&mut self, row: usize, at: usize) {
        // Unreadable words are faults whether or not the indicator is held.
        if col(&self.found, "good_is").is_some() {
            self.polarity(row);
        }
        let unit_col = col(&self.found, "unit");
        if unit_col.is_some() && !self.cell(row, unit_col).is_empty() {
            self.unit_cell(row);
        }
        let indicator = &self.next.indicators[at];
        let mut differs = vec![];
        let text = |key: &str| self.cell(row, col(&self.found, key));
        if read_polarity(text("good_is")).is_some_and(|p| p != indicator.polarity)
            && !text("good_is").is_empty()
        {
            differs.push("good is");
        }
        if unit_named(text("unit")).is_some_and(|u| u != indicator.unit) {
            differs.push("unit");
        }
        let area = text("service_area");
        let held_area = self
            .next
            .service_area(&indicator.service_area)
            .map_or(indicator.service_area.as_str(), |a| a.name.as_str());
        if !area.is_empty()
            && normalise(area) != normalise(held_area)
            && area != indicator.service_area
        {
            differs.push("service area");
        }
        if differs.is_empty() {
            return;
        }
        let line = format!(
            "The file gives \u{201c}{}\u{201d} a different {} from the one held (row {}); that was not changed: change it on the indicator's page if the file is right.",
            indicator.name,
            differs.join(" and "),
            row + 1
        );
        let start = line.split(" (row").next().unwrap_or_default().to_owned();
        if !self.differing.iter().any(|d| d.starts_with(&start)) {
            self.differing.push(line);
        }
    }

    /// The service area a row names: its `service_area` cell, else the
    /// heading row above it.
    pub(super) fn area_named(&self, row: usize, heading: Option<&str>) -> Option<String> {
        // Without a service area column, a directorate column names the area.
        let area_col = col(&self.found, "service_area").or(col(&self.found, "directorate"));
        let cell = self.cell(row, area_col);
        match (cell.is_empty(), heading) {
            (false, _) => Some(cell.to_owned()),
            (true, Some(h)) => Some(h.to_owned()),
            (true, None) => None,
        }
    }

    /// The id of the service area a new indicator goes in: the row's
    /// `service_area` cell, else the heading row above it, else [`NO_AREA`];
    /// created where the snapshot has none of that name.
    pub(super) fn area_for(&mut self, row: usize, heading: Option<&str>) -> String {
        let name = self
            .area_named(row, heading)
            .unwrap_or_else(|| NO_AREA.to_owned());
        let key = normalise(&name);
        if let Some(area) = self
            .next
            .service_areas
            .iter()
            .find(|a| normalise(&a.name) == key || a.id == name)
        {
            return area.id.clone();
        }
        if name == NO_AREA {
            self.understood.push(Understood {
                place: format!("Row {}", row + 1),
                printed: String::new(),
                understood: format!("No service area is given: indicators without one go in \u{201c}{NO_AREA}\u{201d}, and can be moved on their pages"),
            });
        }
        let id = unique_id(&slug(&name), |x| {
            self.next.service_areas.iter().any(|a| a.id == x)
        });
        // The directorate it is filed under, where a directorate column
        // gives one beside a service area column.
        let directorate = col(&self.found, "service_area")
            .and(col(&self.found, "directorate"))
            .map(|c| self.table.cell(row, c).to_owned());
        self.next.service_areas.push(ServiceArea {
            id: id.clone(),
            name,
            directorate: directorate.filter(|d| !d.is_empty()),
            commentary: vec![],
        });
        self.created_areas += 1;
        id
    }

    pub(super) fn polarity(&mut self, row: usize) -> Option<Polarity> {
        let Some(c) = col(&self.found, "good_is") else {
            return Some(Polarity::None);
        };
        let text = self.table.cell(row, c).to_owned();
        let polarity = read_polarity(&text);
        if polarity.is_none() {
            self.fail(row, c, format!("\u{201c}{}\u{201d} is not a polarity: write H where a high figure is good, L where a low one is, or - for neither", excerpt(&text)));
        }
        polarity
    }

    /// The row's `unit` cell read, or a fault.
    pub(super) fn unit_cell(&mut self, row: usize) -> Option<Unit> {
        let c = col(&self.found, "unit")?;
        let text = self.table.cell(row, c).to_owned();
        let unit = unit_named(&text);
        if unit.is_none() {
            self.fail(row, c, format!("\u{201c}{}\u{201d} is not a unit: use count, number, percentage, rate per 1,000, rate per 10,000, rate per 100,000, days or pounds", excerpt(&text)));
        }
        unit
    }

    /// A new indicator's unit: its `unit` cell, else worked out from its
    /// name and every figure cell the file gives it.
    pub(super) fn unit(
        &mut self,
        row: usize,
        name: &str,
        long: bool,
        wide: &[(usize, Figures)],
    ) -> Option<Unit> {
        let unit_col = col(&self.found, "unit");
        if unit_col.is_some() && !self.cell(row, unit_col).is_empty() {
            return self.unit_cell(row);
        }
        let columns: Vec<usize> = if long {
            col(&self.found, "value").into_iter().collect()
        } else {
            wide.iter()
                .filter(|(_, f)| matches!(f, Figures::Own(_)))
                .map(|(c, _)| *c)
                .collect()
        };
        let name_col = col(&self.found, "indicator");
        let same: Vec<usize> = self.index.rows.get(&self.row_key(row)).map_or_else(
            || vec![row],
            |rows| rows.iter().copied().filter(|&r| r >= row).collect(),
        );
        let cells: Vec<&str> = same
            .into_iter()
            .flat_map(|r| columns.iter().map(move |&c| (r, c)))
            .map(|(r, c)| self.table.cell(r, c))
            .filter(|t| !t.is_empty())
            .collect();
        let unit = infer_unit(name, &cells);
        // "1,412 / 57.5", not the "/" of a bracketed period: "4,305 (Q4, 2016/17)".
        let pair = cells.iter().find(|c| {
            let figure = c.split('(').next().unwrap_or_default();
            figure.contains('/') && figure.chars().any(|d| d.is_ascii_digit())
        });
        if let (Some(pair), None, false) = (pair, unit.rate_base(), unit == Unit::Percent) {
            let message = format!(
                "\u{201c}{}\u{201d} is a number and a rate, but neither the indicator's name nor a unit column says what the rate is per: add a unit column giving rate per 1,000, rate per 10,000 or rate per 100,000", excerpt(pair));
            self.fail(row, name_col.unwrap_or(0), message);
            return None;
        }
        self.understood.push(Understood {
            place: format!("Row {}", row + 1),
            printed: name.to_owned(),
            understood: format!(
                "Measured as a {}, worked out from its name and figures (a unit column would say)",
                unit.describe()
            ),
        });
        Some(unit)
    }
}
