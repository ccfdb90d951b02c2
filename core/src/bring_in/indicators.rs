//! Indicators, their service areas and figures from one spreadsheet, in
//! either of the two shapes councils keep them:
//!
//! - **long**: one row per indicator and period, as "Download figures
//!   (CSV)" writes it (`indicator_id`, `indicator`, `service_area`,
//!   `good_is`, `unit`, `period`, `value`, ...);
//! - **wide**: one row per indicator and one column per period, as
//!   monitoring reports print them ("Performance Measure", "Good is",
//!   "2016/17", "Q1 18/19", "England Average"), with rows naming a service
//!   area above its indicators.
//!
//! A row for an indicator the snapshot does not hold creates it (and its
//! service area); one it holds is found by id, or else by name. A figure for
//! a period already held that differs is listed as a change, never
//! overwritten silently. Any fault refuses the whole file.

use chrono::NaiveDate;

use super::cells::{infer_unit, read_cell, read_polarity, read_unit};
use super::columns::{self, normalise, ColumnSpec, ColumnsError, Found, Mapping, Unmatched};
use super::labels::{read_label, understood, ColumnLabel};
use super::{Changed, Fault, Plan, Refused, Table, Template, Understood};
use crate::domain::indicator::{Comparator, ComparatorKind, Indicator, ServiceArea};
use crate::domain::period::Period;
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::snapshot::{count_of, Snapshot};
use crate::domain::value::{MissingReason, Unit, Value};
use crate::indicators::add::unique_id;
use crate::text::{read_number, slug};

const fn spec(
    key: &'static str,
    also: &'static [&'static str],
    accepts: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        key,
        also,
        required: false,
        accepts,
    }
}

/// The columns of the long form, with the other headings officers use for
/// each. None is required on its own: a file needs the indicator's id or
/// name, and either `period` and `value` or columns headed by periods.
pub const INDICATOR_COLUMNS: [ColumnSpec; 21] = [
    spec(
        "indicator_id",
        &["ID", "Ref", "Reference", "PI ref", "PI code", "Indicator ref", "Indicator code", "Indicator ID", "KPI ref", "Code"],
        "Scrutineer's id for the indicator, such as re-referrals; leave empty to make one from the name",
    ),
    spec(
        "indicator",
        &["Indicator name", "Performance measure", "Performance indicator", "Measure", "Measure name", "PI", "PI name", "PI description", "KPI", "KPI name", "Name", "Description", "Performance Indicator name", "Indicator title"],
        "the indicator's name as the pack words it",
    ),
    spec(
        "service_area",
        &["Service area", "Service", "Directorate", "Area", "Department", "Portfolio", "Theme", "Service area name"],
        "the service area it belongs to; a new name adds the area",
    ),
    spec(
        "good_is",
        &["Good is", "Polarity", "Good is High or Low", "Good is: H/L", "Good is H/L", "H/L", "High or low", "Higher or lower is better", "Direction of good", "Good performance is", "Is high good"],
        "H where a high figure is good, L where a low one is, - for neither",
    ),
    spec(
        "unit",
        &["Units", "Unit of measure", "Measure type", "Format"],
        "count, number, percentage, rate per 1,000, rate per 10,000, rate per 100,000, days or pounds; worked out from the name and figures where empty",
    ),
    spec(
        "period",
        &["Reporting period", "Time period", "Quarter", "Month", "Year"],
        "the period, such as 2017/18, Q1 2018/19, Q2 18/19, Jun 2018, as at 30 June 2018 or Apr 17 - Mar 18",
    ),
    spec(
        "value",
        &["Actual", "Figure", "Result", "Outturn", "Actual value"],
        "the figure as printed: 1,412, 57.5%, 1,412 / 57.5, or -, New measure, n/a, Due in Q4 where there is none",
    ),
    spec("numerator", &["Number", "Count"], "the count a rate or percentage is made of"),
    spec("denominator", &["Population", "Base", "Total"], "the population or total a rate or percentage is of"),
    spec(
        "missing_reason",
        &["Missing reason", "Reason missing", "Why missing"],
        "why there is no figure: Not reported, New measure, Not yet available, Not collected or Not applicable",
    ),
    spec("england", &["England", "England average", "England avg", "National", "National average"], "the England average, as printed"),
    spec("region", &["Region", "Regional", "Regional average", "Regional avg"], "the regional average, as printed"),
    spec(
        "statistical_neighbours",
        &["Statistical neighbours", "Statistical neighbour average", "Stat neighbours", "SN average", "SN avg"],
        "the statistical neighbours' average, as printed",
    ),
    spec("region_name", &["Region name"], "the region's name, such as North West"),
    spec("england_period", &["England period"], "the period of the England figure"),
    spec("region_period", &["Region period", "Regional period"], "the period of the regional figure"),
    spec(
        "statistical_neighbours_period",
        &["Statistical neighbours period"],
        "the period of the statistical neighbours' figure",
    ),
    spec("target", &["Target", "Annual target", "Target value"], "a standing target for every period, as a number such as 50% or 4.5"),
    spec(
        "target_rule",
        &["Target rule", "Rating rule"],
        "directional (meet or beat the target, the default) or goal post (stay close to it either way)",
    ),
    spec(
        "tolerance",
        &["Amber tolerance", "Amber within", "Tolerance %"],
        "how far short of the target, as a percentage of it, is still amber: 5%",
    ),
    spec("green_within", &["Green tolerance", "Green within"], "for a goal post target, how close to it is green: 2.5%"),
];

/// The downloadable template: the long form with one filled example row.
pub fn indicators_template() -> Template {
    let mut template = Template::of(
        "scrutineer-indicators-template.csv",
        &INDICATOR_COLUMNS,
        &[
            "re-referrals",
            "Number and percentage of referrals that are re-referrals during the year",
            "Children's Social Care",
            "L",
            "percentage",
            "Q1 2018/19",
            "19.5",
            "660",
            "",
            "",
            "21.9",
            "",
            "",
            "",
            "2016/17",
            "",
            "",
            "20",
            "directional",
            "5",
            "",
        ],
    );
    // A long-form file needs the indicator (by id or name), its period and
    // its figure; the specs mark none as needed, since a wide table has no
    // period or value column.
    for (name, needed, _) in &mut template.columns {
        *needed = matches!(*name, "indicator" | "period" | "value");
    }
    template
}

/// The columns of the long form a wide table reads too; the others (a
/// period or value column without the other) are named as not read.
const WIDE_KEYS: [&str; 12] = [
    "indicator_id",
    "indicator",
    "service_area",
    "good_is",
    "unit",
    "england",
    "region",
    "statistical_neighbours",
    "region_name",
    "target",
    "target_rule",
    "tolerance",
];

/// The service area of indicators a file places under none: named so that
/// an officer sees where they went and can move them.
pub const NO_AREA: &str = "Service area not given";

fn col(found: &Found, key: &str) -> Option<usize> {
    found.column(&INDICATOR_COLUMNS, key)
}

/// The unit a `unit` cell names: the words this app writes, or the other
/// words sheets use.
fn unit_named(text: &str) -> Option<Unit> {
    crate::indicators::add::UNITS
        .iter()
        .map(|(_, u)| *u)
        .find(|u| u.describe().eq_ignore_ascii_case(text.trim()))
        .or_else(|| crate::indicators::add::unit_of_key(text.trim()))
        .or_else(|| read_unit(text))
}

/// What a wide table's figure column holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Figures {
    /// The council's figures of this period (`None`: each cell gives its own).
    Own(Option<Period>),
    /// A comparator's, with the heading's period.
    Of(ComparatorKind, Option<Period>),
}

/// An indicator the file names: one the snapshot holds (its index there),
/// or one this import creates (its index in [`Reading::created`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Held(usize),
    New(usize),
}

/// Which figure: the indicator, whose (`None`: the council's own), the period.
type FigureKey = (At, Option<ComparatorKind>, Option<Period>);

/// One figure or comparator the file gives, before it is applied.
struct Given {
    row: usize,
    column: usize,
    at: At,
    period: Option<Period>,
    /// `None` for the council's own figure.
    comparator: Option<ComparatorKind>,
    region_name: Option<String>,
    value: Value,
}

/// The import so far.
struct Reading<'a> {
    table: &'a Table,
    found: Found,
    /// The snapshot as it will be, less the indicators created.
    next: Snapshot,
    /// Indicators this import creates, in the file's order.
    created: Vec<Indicator>,
    created_areas: usize,
    faults: Vec<Fault>,
    given: Vec<Given>,
    /// Standing targets the file gives: indicator, row, column, target.
    targets: Vec<(At, usize, usize, Target)>,
    understood: Vec<Understood>,
    /// Sentences for held indicators the file describes otherwise.
    differing: Vec<String>,
    /// Columns read: by spec, or as figure columns.
    read_columns: Vec<usize>,
    /// The ids the file gives indicators it creates (where Scrutineer gave
    /// another, because the file's cannot be used in a link).
    file_ids: Vec<(String, At)>,
    /// A wide table's column of standing targets, where it has one.
    target_col: Option<usize>,
}

/// Reads indicators and figures from `table` into `snapshot`, with columns
/// found by heading or `chosen` by the person. Headings relative to the
/// report ("YTD 18/19", "Rolling 3 month average") are resolved against the
/// snapshot's as-at date.
pub fn plan_indicators(
    snapshot: &Snapshot,
    table: &Table,
    chosen: &Mapping,
) -> Result<Plan, Refused> {
    let found = columns::find(table, &INDICATOR_COLUMNS, chosen).map_err(Refused::Columns)?;
    let long = col(&found, "period").is_some() && col(&found, "value").is_some();
    let named = col(&found, "indicator_id").is_some() || col(&found, "indicator").is_some();
    let mut reading = Reading {
        table,
        read_columns: INDICATOR_COLUMNS
            .iter()
            .zip(&found.at)
            .filter(|(spec, _)| long || WIDE_KEYS.contains(&spec.key))
            .filter_map(|(_, at)| *at)
            .collect(),
        found,
        next: snapshot.clone(),
        created: vec![],
        created_areas: 0,
        faults: vec![],
        given: vec![],
        targets: vec![],
        understood: vec![],
        differing: vec![],
        file_ids: vec![],
        target_col: None,
    };
    let wide = if long {
        vec![]
    } else {
        let header_row = reading.found.header_row;
        reading.figure_columns(snapshot.as_at, header_row)
    };
    let has_figures = long || !wide.is_empty();
    if !named || (!has_figures && reading.faults.is_empty()) {
        let mut missing = vec![];
        if !named {
            missing.push(unmatched("indicator"));
        }
        if !has_figures {
            missing.extend([unmatched("period"), unmatched("value")]);
        }
        return Err(Refused::Columns(ColumnsError::Unmatched {
            found: reading.found,
            missing,
        }));
    }
    if !reading.faults.is_empty() {
        return Err(Refused::Faults(reading.faults));
    }
    reading.rows(long, wide, snapshot.as_at);
    reading.finish(snapshot)
}

fn unmatched(key: &'static str) -> Unmatched {
    let accepts = INDICATOR_COLUMNS
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.accepts);
    Unmatched { key, accepts }
}

/// "Sentence one", "“a”, “b” and “c”".
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|i| format!("\u{201c}{i}\u{201d}"))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

impl Reading<'_> {
    fn heading(&self, column: usize) -> String {
        self.found.heading(column)
    }

    fn cell(&self, row: usize, column: Option<usize>) -> &str {
        column.map_or("", |c| self.table.cell(row, c))
    }

    fn fail(&mut self, row: usize, column: usize, message: impl Into<String>) {
        let heading = self.heading(column);
        let fault = self.table.fault(row, Some(&heading), message);
        self.faults.push(fault);
    }

    fn indicator(&self, at: At) -> &Indicator {
        match at {
            At::Held(i) => &self.next.indicators[i],
            At::New(i) => &self.created[i],
        }
    }

    fn indicator_mut(&mut self, at: At) -> &mut Indicator {
        match at {
            At::Held(i) => &mut self.next.indicators[i],
            At::New(i) => &mut self.created[i],
        }
    }

    /// The columns of a wide table whose headings name periods, comparators
    /// or a target; a heading that looks like a period but cannot be read
    /// is a fault.
    fn figure_columns(&mut self, as_at: NaiveDate, header_row: usize) -> Vec<(usize, Figures)> {
        let by_spec = [
            ("england", ComparatorKind::England),
            ("region", ComparatorKind::Region),
            (
                "statistical_neighbours",
                ComparatorKind::StatisticalNeighbours,
            ),
        ];
        let mut out = vec![];
        for (at, heading) in self.found.headings.clone().iter().enumerate() {
            let place = format!("Column \u{201c}{}\u{201d}", self.heading(at));
            let printed = heading.trim().to_owned();
            if let Some((_, kind)) = by_spec
                .iter()
                .find(|(k, _)| col(&self.found, k) == Some(at))
            {
                out.push((at, Figures::Of(*kind, None)));
                let understood = kind.label().to_owned();
                self.understood.push(Understood {
                    place,
                    printed,
                    understood,
                });
                continue;
            }
            if col(&self.found, "target") == Some(at) {
                self.target_column(at, place, printed);
                continue;
            }
            if self.found.at.contains(&Some(at)) || printed.is_empty() {
                continue;
            }
            let label = match read_label(heading, as_at) {
                Ok(label) => label,
                Err(reason) => {
                    self.fail(header_row, at, reason);
                    continue;
                }
            };
            let figures = match label {
                ColumnLabel::Period(p) => Figures::Own(Some(p)),
                ColumnLabel::CellsGivePeriod => Figures::Own(None),
                ColumnLabel::Comparator { kind, period } => Figures::Of(kind, period),
                ColumnLabel::Target => {
                    self.target_column(at, place, printed);
                    continue;
                }
                _ => continue,
            };
            let understood = understood(&label);
            self.understood.push(Understood {
                place,
                printed,
                understood,
            });
            self.read_columns.push(at);
            out.push((at, figures));
        }
        out
    }

    /// Takes column `at` as the standing targets' column, if none is yet;
    /// another is left unread (and so named as not read).
    fn target_column(&mut self, at: usize, place: String, printed: String) {
        if self.target_col.is_some_and(|c| c != at) {
            return;
        }
        self.target_col = Some(at);
        if !self.read_columns.contains(&at) {
            self.read_columns.push(at);
        }
        if !normalise(&printed).eq("target") {
            self.understood.push(Understood {
                place,
                printed,
                understood: "A standing target for every period".to_owned(),
            });
        }
    }

    /// Whether `row` only names a service area: one filled cell, in the
    /// name column (or the first), and no id.
    fn area_heading(&self, row: usize) -> Option<String> {
        let cells = self.table.rows.get(row)?;
        let filled: Vec<usize> = (0..cells.len())
            .filter(|&c| !cells[c].trim().is_empty())
            .collect();
        let name_col = col(&self.found, "indicator").unwrap_or(0);
        match filled.as_slice() {
            [only] if *only == name_col || *only == 0 => Some(cells[*only].trim().to_owned()),
            _ => None,
        }
    }

    /// Whether `row` repeats a header (a pack pasted whole repeats its
    /// table's heading over each section, sometimes with other periods):
    /// its name cell is a heading ("Performance Measure"), or empty with at
    /// least two other cells and every one a heading or a period. Only a
    /// wide table has them.
    fn is_header(&self, row: usize, long: bool) -> bool {
        if long {
            return false;
        }
        let name_col = col(&self.found, "indicator");
        let name = self.cell(row, name_col);
        let named = INDICATOR_COLUMNS
            .iter()
            .find(|s| s.key == "indicator")
            .is_some_and(|s| s.matches(name));
        if named || !name.is_empty() {
            return named;
        }
        let filled: Vec<&String> = self.table.rows[row]
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .collect();
        filled.len() >= 2
            && filled.iter().all(|cell| {
                INDICATOR_COLUMNS.iter().any(|s| s.matches(cell))
                    || matches!(
                        read_label(cell, self.next.as_at),
                        Ok(ColumnLabel::Period(_)
                            | ColumnLabel::CellsGivePeriod
                            | ColumnLabel::Comparator { .. }
                            | ColumnLabel::Target)
                    )
            })
    }

    /// Reads every row below the header.
    fn rows(&mut self, long: bool, mut wide: Vec<(usize, Figures)>, as_at: NaiveDate) {
        let mut area: Option<String> = None;
        for row in self.found.header_row + 1..self.table.rows.len() {
            if self.table.is_blank(row) {
                continue;
            }
            if self.is_header(row, long) {
                // The next section's own headings: its periods may differ.
                // A heading the repeat leaves empty keeps the first one's.
                let first = std::mem::take(&mut self.found.headings);
                let width = first.len().max(self.table.rows[row].len());
                self.found.headings = (0..width)
                    .map(|c| match self.table.cell(row, c) {
                        "" => first.get(c).cloned().unwrap_or_default(),
                        heading => heading.to_owned(),
                    })
                    .collect();
                wide = if long {
                    vec![]
                } else {
                    self.figure_columns(as_at, row)
                };
                continue;
            }
            if let Some(name) = self.area_heading(row) {
                if col(&self.found, "service_area").is_none() {
                    self.understood.push(Understood {
                        place: format!("Row {}", row + 1),
                        printed: name.clone(),
                        understood: "A service area: the indicators below it belong to it"
                            .to_owned(),
                    });
                    area = Some(name);
                    continue;
                }
            }
            let Some(at) = self.indicator_of(row, area.as_deref(), long, &wide) else {
                continue;
            };
            if long {
                self.long_row(row, at);
            } else {
                for &(column, figures) in &wide {
                    self.wide_cell(row, column, at, figures);
                }
            }
            self.target(row, at);
        }
    }

    /// The indicator a row names, found or created; `None` after a fault.
    fn indicator_of(
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
        if !id.is_empty() {
            if let Some(i) = self.next.indicators.iter().position(|i| i.id == id) {
                self.check_description(row, i);
                return Some(At::Held(i));
            }
            if let Some((_, at)) = self.file_ids.iter().find(|(x, _)| *x == id) {
                return Some(*at);
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
            let same = |i: &Indicator| {
                !key.is_empty()
                    && normalise(&i.name) == key
                    && area.as_ref().is_none_or(|a| *a == area_of(i))
            };
            if let Some(i) = self.next.indicators.iter().position(&same) {
                self.check_description(row, i);
                return Some(At::Held(i));
            }
            if let Some(i) = self.created.iter().position(&same) {
                return Some(At::New(i));
            }
        }
        if name.is_empty() {
            let column = id_col.or(name_col).unwrap_or(0);
            let message = if id.is_empty() {
                "the row has figures but no indicator: give its name".to_owned()
            } else {
                format!("there is no indicator with the id \u{201c}{id}\u{201d}, and the row gives no name to add it by: give its name in the indicator column")
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
            self.file_ids.push((id, at));
        }
        Some(at)
    }

    /// For a held indicator, a sentence where the file describes it otherwise.
    fn check_description(&mut self, row: usize, at: usize) {
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
    fn area_named(&self, row: usize, heading: Option<&str>) -> Option<String> {
        let cell = self.cell(row, col(&self.found, "service_area"));
        match (cell.is_empty(), heading) {
            (false, _) => Some(cell.to_owned()),
            (true, Some(h)) => Some(h.to_owned()),
            (true, None) => None,
        }
    }

    /// The id of the service area a new indicator goes in: the row's
    /// `service_area` cell, else the heading row above it, else [`NO_AREA`];
    /// created where the snapshot has none of that name.
    fn area_for(&mut self, row: usize, heading: Option<&str>) -> String {
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
        self.next.service_areas.push(ServiceArea {
            id: id.clone(),
            name,
            directorate: None,
            commentary: vec![],
        });
        self.created_areas += 1;
        id
    }

    fn polarity(&mut self, row: usize) -> Option<Polarity> {
        let Some(c) = col(&self.found, "good_is") else {
            return Some(Polarity::None);
        };
        let text = self.table.cell(row, c).to_owned();
        let polarity = read_polarity(&text);
        if polarity.is_none() {
            self.fail(row, c, format!("\u{201c}{text}\u{201d} is not a polarity: write H where a high figure is good, L where a low one is, or - for neither"));
        }
        polarity
    }

    /// The row's `unit` cell read, or a fault.
    fn unit_cell(&mut self, row: usize) -> Option<Unit> {
        let c = col(&self.found, "unit")?;
        let text = self.table.cell(row, c).to_owned();
        let unit = unit_named(&text);
        if unit.is_none() {
            self.fail(row, c, format!("\u{201c}{text}\u{201d} is not a unit: use count, number, percentage, rate per 1,000, rate per 10,000, rate per 100,000, days or pounds"));
        }
        unit
    }

    /// A new indicator's unit: its `unit` cell, else worked out from its
    /// name and every figure cell the file gives it.
    fn unit(
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
        let key = normalise(name);
        let cells: Vec<&str> = (row..self.table.rows.len())
            .filter(|&r| r == row || normalise(self.cell(r, name_col)) == key)
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
                "\u{201c}{pair}\u{201d} is a number and a rate, but neither the indicator's name nor a unit column says what the rate is per: add a unit column giving rate per 1,000, rate per 10,000 or rate per 100,000"
            );
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

    /// The figure (or why it is missing) and comparators of a long row.
    fn long_row(&mut self, row: usize, at: At) {
        let period_col = col(&self.found, "period").unwrap_or(0);
        let period_text = self.table.cell(row, period_col).to_owned();
        let period = match (period_text.is_empty(), period_text.parse::<Period>()) {
            (true, _) => None,
            (false, Ok(p)) => Some(p),
            (false, Err(e)) => return self.fail(row, period_col, e.to_string()),
        };
        for (key, kind) in [
            ("england", ComparatorKind::England),
            ("region", ComparatorKind::Region),
            (
                "statistical_neighbours",
                ComparatorKind::StatisticalNeighbours,
            ),
        ] {
            let Some(c) = col(&self.found, key) else {
                continue;
            };
            let period_key = format!("{key}_period");
            let own = match col(&self.found, &period_key) {
                None => Some(period),
                Some(pc) => match self.table.cell(row, pc) {
                    "" => Some(None),
                    text => match text.parse::<Period>() {
                        Ok(p) => Some(Some(p)),
                        Err(e) => {
                            self.fail(row, pc, e.to_string());
                            None
                        }
                    },
                },
            };
            if let Some(p) = own {
                self.comparator_cell(row, c, at, kind, p);
            }
        }
        let value_col = col(&self.found, "value").unwrap_or(0);
        let value_text = self.table.cell(row, value_col).to_owned();
        let missing_col = col(&self.found, "missing_reason");
        let missing_text = self.cell(row, missing_col).to_owned();
        if value_text.is_empty() && missing_text.is_empty() {
            return;
        }
        let Some(period) = period else {
            return self.fail(row, period_col, "the row gives a figure but no period");
        };
        let unit = self.indicator(at).unit;
        let value = if value_text.is_empty() {
            match Value::parse(&missing_text, unit) {
                Ok(v @ Value::Missing { .. }) => v,
                _ => {
                    let reasons = [
                        MissingReason::NotReported,
                        MissingReason::NewMeasure,
                        MissingReason::NotYetAvailable,
                        MissingReason::NotCollected,
                        MissingReason::NotApplicable,
                    ]
                    .map(|r| r.label())
                    .join(", ");
                    let message = format!("\u{201c}{missing_text}\u{201d} is not a reason a figure is missing; use one of {reasons}");
                    return self.fail(row, missing_col.unwrap_or(value_col), message);
                }
            }
        } else {
            match read_cell(&value_text, unit, Some(period)) {
                Ok(cell) if cell.period.is_some_and(|p| p != period) => {
                    let message = format!("the figure \u{201c}{value_text}\u{201d} gives its own period, but the row's is {period}");
                    return self.fail(row, value_col, message);
                }
                Ok(cell) => cell.value,
                Err(reason) => return self.fail(row, value_col, reason),
            }
        };
        let value = match self.parts(row, value) {
            Some(v) => v,
            None => return,
        };
        if let Some(problem) = value.range_problem(unit) {
            return self.fail(row, value_col, problem);
        }
        self.given.push(Given {
            row,
            column: value_col,
            at,
            period: Some(period),
            comparator: None,
            region_name: None,
            value,
        });
    }

    /// The figure with the row's numerator and denominator, where given.
    fn parts(&mut self, row: usize, value: Value) -> Option<Value> {
        let mut part = |key: &str| -> Result<Option<f64>, ()> {
            let Some(c) = col(&self.found, key) else {
                return Ok(None);
            };
            let text = self.table.cell(row, c).to_owned();
            if text.is_empty() {
                return Ok(None);
            }
            match read_number(&text) {
                Some(n) if n >= 0.0 => Ok(Some(n)),
                _ => {
                    self.fail(row, c, format!("\u{201c}{text}\u{201d} is not a number"));
                    Err(())
                }
            }
        };
        let (n, d) = (part("numerator"), part("denominator"));
        let (Ok(n), Ok(d)) = (n, d) else {
            return None;
        };
        Some(match value {
            Value::Figure {
                value,
                decimals,
                numerator,
                denominator,
            } => Value::Figure {
                value,
                decimals,
                numerator: n.or(numerator),
                denominator: d.or(denominator),
            },
            missing => missing,
        })
    }

    /// A comparator's cell, where filled.
    fn comparator_cell(
        &mut self,
        row: usize,
        column: usize,
        at: At,
        kind: ComparatorKind,
        period: Option<Period>,
    ) {
        let text = self.table.cell(row, column).to_owned();
        if text.is_empty() {
            return;
        }
        let unit = self.indicator(at).unit;
        let cell = match read_cell(&text, unit, period) {
            Ok(cell) => cell,
            Err(reason) => return self.fail(row, column, reason),
        };
        if let Some(problem) = cell.value.range_problem(unit) {
            return self.fail(row, column, problem);
        }
        let region_name = (kind == ComparatorKind::Region)
            .then(|| self.cell(row, col(&self.found, "region_name")).to_owned())
            .filter(|n| !n.is_empty());
        self.given.push(Given {
            row,
            column,
            at,
            period: cell.period.or(period),
            comparator: Some(kind),
            region_name,
            value: cell.value,
        });
    }

    /// A wide row's cell in a figure column.
    fn wide_cell(&mut self, row: usize, column: usize, at: At, figures: Figures) {
        let text = self.table.cell(row, column).to_owned();
        if text.is_empty() {
            return;
        }
        let unit = self.indicator(at).unit;
        match figures {
            Figures::Of(kind, period) => self.comparator_cell(row, column, at, kind, period),
            Figures::Own(period) => {
                let cell = match read_cell(&text, unit, period) {
                    Ok(cell) => cell,
                    Err(reason) => return self.fail(row, column, reason),
                };
                let Some(own) = cell.period.or(period) else {
                    let message = format!("\u{201c}{text}\u{201d} does not say its period, and the column does not either: write it after the figure in brackets, such as \u{201c}180 (Apr 17 - Mar 18)\u{201d}");
                    return self.fail(row, column, message);
                };
                if cell.period.is_some_and(|p| Some(p) != period) {
                    self.understood.push(Understood {
                        place: format!(
                            "Row {}, column \u{201c}{}\u{201d}",
                            row + 1,
                            self.heading(column)
                        ),
                        printed: text.clone(),
                        understood: format!("A figure for {own}"),
                    });
                }
                if let Some(problem) = cell.value.range_problem(unit) {
                    return self.fail(row, column, problem);
                }
                self.given.push(Given {
                    row,
                    column,
                    at,
                    period: Some(own),
                    comparator: None,
                    region_name: None,
                    value: cell.value,
                });
            }
        }
    }

    /// The row's standing target, where it gives one.
    fn target(&mut self, row: usize, at: At) {
        let Some(c) = col(&self.found, "target").or(self.target_col) else {
            return;
        };
        let text = self.table.cell(row, c).to_owned();
        // "-" or "n/a" under a target: there is none for this indicator.
        if text.is_empty() || matches!(Value::parse(&text, Unit::Number), Ok(Value::Missing { .. }))
        {
            return;
        }
        let Some(value) = read_number(&text).filter(|v| *v >= 0.0) else {
            return self.fail(row, c, format!("\u{201c}{text}\u{201d} is not a target: write it as a number, such as 50% or 4.5"));
        };
        let percent = |key: &str, this: &mut Self| -> Result<Option<f64>, ()> {
            let Some(pc) = col(&this.found, key) else {
                return Ok(None);
            };
            let text = this.table.cell(row, pc).to_owned();
            if text.is_empty() {
                return Ok(None);
            }
            match read_number(&text) {
                Some(v) if (0.0..=100.0).contains(&v) => Ok(Some(v)),
                _ => {
                    this.fail(row, pc, format!("\u{201c}{text}\u{201d} is not a tolerance: write it as a percentage of the target from 0 to 100, such as 5%"));
                    Err(())
                }
            }
        };
        let (Ok(amber), Ok(green)) = (percent("tolerance", self), percent("green_within", self))
        else {
            return;
        };
        let amber = amber.unwrap_or(self.next.settings.amber_within);
        let rule_col = col(&self.found, "target_rule");
        let rule_text = normalise(self.cell(row, rule_col));
        let rule = match rule_text.as_str() {
            "" | "directional" => TargetRule::Directional {
                amber_within: amber,
            },
            "goal post" | "goalpost" => match green {
                Some(green_within) if green_within <= amber => TargetRule::GoalPost {
                    green_within,
                    amber_within: amber,
                },
                Some(_) => {
                    return self.fail(
                        row,
                        col(&self.found, "green_within").unwrap_or(c),
                        "a goal post's green tolerance must be no wider than its amber one",
                    );
                }
                None => {
                    return self.fail(row, rule_col.unwrap_or(c), "a goal post target needs its green tolerance in the green_within column, such as 2.5%");
                }
            },
            _ => {
                let printed = self.cell(row, rule_col).to_owned();
                return self.fail(row, rule_col.unwrap_or(c), format!("\u{201c}{printed}\u{201d} is not a target rule: write directional or goal post"));
            }
        };
        if self.indicator(at).polarity == Polarity::None
            && matches!(rule, TargetRule::Directional { .. })
        {
            return self.fail(row, c, "an indicator that is context only (good is -) has no target to meet: leave the target empty, or make it a goal post");
        }
        let target = Target { value, rule };
        if let Some((_, first, _, t)) = self.targets.iter().find(|(a, ..)| *a == at) {
            if *t != target {
                let message = format!(
                    "row {} already gives this indicator a different target",
                    first + 1
                );
                self.fail(row, c, message);
            }
            return;
        }
        self.targets.push((at, row, c, target));
    }

    /// Applies what was read, or gives every fault.
    fn finish(mut self, snapshot: &Snapshot) -> Result<Plan, Refused> {
        let mut changed = vec![];
        let (mut figures, mut comparators, mut targets) = (0, 0, 0);
        let mut seen: Vec<(FigureKey, (usize, usize), Value)> = vec![];
        for g in std::mem::take(&mut self.given) {
            // A comparator whose period is not stated is one of several a
            // pack may hold (each from its own report): only the same
            // figure again is the same one.
            let undated = g.comparator.is_some() && g.period.is_none();
            if let Some((.., first, value)) = seen.iter().find(|(key, _, value)| {
                *key == (g.at, g.comparator, g.period) && (!undated || *value == g.value)
            }) {
                if *value != g.value {
                    let what = match (g.comparator, g.period) {
                        (None, Some(p)) => format!("a figure for {p}"),
                        (Some(k), Some(p)) => format!("the {} for {p}", k.label()),
                        (Some(k), None) => format!("the {} (period not stated)", k.label()),
                        (None, None) => "a figure".to_owned(),
                    };
                    let (first_row, first_column) = *first;
                    let name = &self.indicator(g.at).name;
                    let message = if first_row == g.row {
                        format!(
                            "the column \u{201c}{}\u{201d} already gives {name} {what}, and a different figure",
                            self.heading(first_column)
                        )
                    } else {
                        format!("row {} already gives {name} {what}", first_row + 1)
                    };
                    self.fail(g.row, g.column, message);
                }
                continue;
            }
            seen.push((
                (g.at, g.comparator, g.period),
                (g.row, g.column),
                g.value.clone(),
            ));
            let indicator = self.indicator(g.at);
            let unit = indicator.unit;
            let name = indicator.name.clone();
            match g.comparator {
                None => {
                    let Some(period) = g.period else { continue };
                    let before = indicator.value_for(&period).map(|o| o.value.clone());
                    match before {
                        Some(b) if b == g.value => continue,
                        Some(b) => changed.push(Changed {
                            what: format!("{name}, {period}"),
                            now: b.display(unit),
                            from_file: g.value.display(unit),
                        }),
                        None => figures += 1,
                    }
                    self.indicator_mut(g.at).set_figure(period, g.value);
                }
                Some(kind) => {
                    let held = indicator.comparators.iter().position(|c| {
                        c.kind == kind
                            && c.period == g.period
                            && (g.period.is_some() || c.value == g.value)
                    });
                    let when = g
                        .period
                        .map_or_else(|| "period not stated".to_owned(), |p| p.to_string());
                    match held.map(|i| &indicator.comparators[i]) {
                        Some(h)
                            if h.value == g.value
                                && (g.region_name.is_none() || h.name == g.region_name) =>
                        {
                            continue
                        }
                        Some(h) => changed.push(Changed {
                            what: format!("{name}, {} ({when})", kind.label()),
                            now: h.value.display(unit),
                            from_file: g.value.display(unit),
                        }),
                        None => comparators += 1,
                    }
                    let comparator = Comparator {
                        kind,
                        name: g.region_name.or_else(|| {
                            held.and_then(|i| self.indicator(g.at).comparators[i].name.clone())
                        }),
                        period: g.period,
                        value: g.value,
                        source: None,
                    };
                    let list = &mut self.indicator_mut(g.at).comparators;
                    match held {
                        Some(i) => list[i] = comparator,
                        None => list.push(comparator),
                    }
                }
            }
        }
        for (at, _, _, target) in std::mem::take(&mut self.targets) {
            let indicator = self.indicator(at);
            match indicator.target {
                Some(t) if t == target => continue,
                Some(t) => changed.push(Changed {
                    what: format!("{}, target", indicator.name),
                    now: target_text(&t, indicator.unit),
                    from_file: target_text(&target, indicator.unit),
                }),
                None => targets += 1,
            }
            self.indicator_mut(at).target = Some(target);
        }
        if !self.faults.is_empty() {
            self.faults.sort_by_key(|f| f.row);
            return Err(Refused::Faults(self.faults));
        }
        let not_read = self.not_read();
        let created_count = self.created.len();
        let mut next = self.next;
        for indicator in self.created {
            // After its area's last indicator, so the tables keep the file's order.
            let at = next
                .indicators
                .iter()
                .rposition(|i| i.service_area == indicator.service_area)
                .map_or(next.indicators.len(), |i| i + 1);
            next.indicators.insert(at, indicator);
        }
        let created = [
            (self.created_areas, "service area", "service areas"),
            (created_count, "indicator", "indicators"),
            (figures, "figure", "figures"),
            (comparators, "comparator", "comparators"),
            (targets, "target", "targets"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count_of(n, one, many))
        .collect();
        let _ = snapshot;
        Ok(Plan {
            snapshot: next,
            created,
            changed,
            understood: self.understood,
            not_read,
        })
    }

    /// Sentences for the filled columns not read, and the held indicators
    /// the file describes otherwise.
    fn not_read(&self) -> Vec<String> {
        let width = self.table.rows.iter().map(Vec::len).max().unwrap_or(0);
        let unread: Vec<String> = (0..width)
            .filter(|c| !self.read_columns.contains(c))
            .filter(|&c| {
                (self.found.header_row + 1..self.table.rows.len())
                    .any(|r| !self.table.cell(r, c).is_empty() && self.area_heading(r).is_none())
            })
            .map(|c| self.heading(c))
            .collect();
        let mut out = vec![];
        if !unread.is_empty() {
            let (word, verb) = if unread.len() == 1 {
                ("column", "was")
            } else {
                ("columns", "were")
            };
            out.push(format!(
                "The {word} {} {verb} not read: Scrutineer does not hold what {}.",
                quoted_list(&unread),
                if unread.len() == 1 {
                    "it gives"
                } else {
                    "they give"
                }
            ));
        }
        out.extend(self.differing.iter().cloned());
        out
    }
}

/// A target as the preview shows it: "50.0% (amber within 5%)".
fn target_text(target: &Target, unit: Unit) -> String {
    let shown = Value::figure(target.value, 1).display(unit);
    match target.rule {
        TargetRule::Directional { amber_within } => {
            format!("{shown} (amber within {amber_within}%)")
        }
        TargetRule::GoalPost {
            green_within,
            amber_within,
        } => {
            format!(
                "{shown} (goal post: green within {green_within}%, amber within {amber_within}%)"
            )
        }
    }
}

#[cfg(test)]
mod tests;
