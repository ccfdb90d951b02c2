//! The columns of an indicators spreadsheet: their names, the other
//! headings officers use for each, and the template.

use super::*;

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
pub const INDICATOR_COLUMNS: [ColumnSpec; 22] = [
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
        &["Service area", "Service", "Area", "Theme", "Service area name"],
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
    spec(
        "directorate",
        &["Directorate", "Department", "Portfolio"],
        "the directorate the service area is filed under; without a service_area column, the directorate is the area",
    ),
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
            "Education and Children's Services",
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
pub(super) const WIDE_KEYS: [&str; 13] = [
    "indicator_id",
    "indicator",
    "service_area",
    "directorate",
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

pub(super) fn col(found: &Found, key: &str) -> Option<usize> {
    found.column(&INDICATOR_COLUMNS, key)
}

/// The unit a `unit` cell names: the words this app writes, or the other
/// words sheets use.
pub(super) fn unit_named(text: &str) -> Option<Unit> {
    crate::indicators::add::UNITS
        .iter()
        .map(|(_, u)| *u)
        .find(|u| u.describe().eq_ignore_ascii_case(text.trim()))
        .or_else(|| crate::indicators::add::unit_of_key(text.trim()))
        .or_else(|| read_unit(text))
}

/// A table whose headings take two rows, as reports print a year over its
/// quarters ("2018/19" in a merged cell over "Q1 | Q2 | Q3 | Q4"): the
/// table with each quarter's or month's heading given the year above it
/// (from the nearest filled cell to its left, as a merged cell spans), and
/// the second heading row emptied, so rows keep their numbers. `None` where
/// the headings take one row.
pub(super) fn two_heading_rows(table: &Table, found: &Found) -> Option<(Table, Understood)> {
    let top = found.header_row;
    let below = (top + 1..table.rows.len()).find(|&r| !table.is_blank(r))?;
    let name_col = col(found, "indicator").unwrap_or(0);
    let cells = &table.rows[below];
    let filled: Vec<usize> = (0..cells.len())
        .filter(|&c| !cells[c].trim().is_empty())
        .collect();
    let only_periods = filled.len() >= 2
        && !filled.contains(&name_col)
        && filled.iter().all(|&c| gives_no_year(&cells[c]));
    if !only_periods {
        return None;
    }
    let mut merged = table.clone();
    for &c in &filled {
        let year = (0..=c)
            .rev()
            .take_while(|&k| k != name_col)
            .map(|k| table.cell(top, k))
            .find(|t| !t.is_empty())
            .and_then(|t| title_year([t]))?;
        let heading = format!(
            "{} {year}/{:02}",
            cells[c].trim(),
            (year + 1).rem_euclid(100)
        );
        if merged.rows[top].len() <= c {
            merged.rows[top].resize(c + 1, String::new());
        }
        merged.rows[top][c] = heading;
    }
    merged.rows[below] = vec![];
    let understood = Understood {
        place: format!("Rows {} and {}", top + 1, below + 1),
        printed: format!(
            "{} over {}",
            table.cell(top, filled[0]),
            cells[filled[0]].trim()
        ),
        understood:
            "Two rows of headings: each quarter or month takes its year from the heading above it"
                .to_owned(),
    };
    Some((merged, understood))
}
