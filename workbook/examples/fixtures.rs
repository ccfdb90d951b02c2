//! Writes tests/fixtures/monitoring.xlsx, the workbook the reader's tests
//! read: `cargo run -p scrutineer-workbook --example fixtures`.
//!
//! Sheet "Indicators" holds rows of a council's quarterly monitoring table
//! (children's social care, 2016/17 to Q1 2018/19), the percentages stored
//! as Excel stores them (0.32 with the format "0.0%"); sheet "Notes" holds
//! a date, a yes/no, a formula's error and a sum with binary noise.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};

    let percent = Format::new().set_num_format("0.0%");
    let count = Format::new().set_num_format("#,##0");
    let one_place = Format::new().set_num_format("0.0");
    let date = Format::new().set_num_format("d mmmm yyyy");

    let mut workbook = Workbook::new();
    // A fixed creation time, so the file is the same each time it is written.
    let created = ExcelDateTime::from_ymd(2018, 7, 31)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet().set_name("Indicators")?;
    let header = [
        "Performance Measure",
        "Service area",
        "Good is",
        "Unit",
        "2016/17",
        "2017/18",
        "Q1 2018/19",
        "England average",
    ];
    for (column, heading) in header.iter().enumerate() {
        sheet.write_string(0, column as u16, *heading)?;
    }
    let care = "Children's Social Care";
    // Measure, good is, unit, the four figures and their format.
    type Row<'a> = (&'a str, &'a str, &'a str, [Option<f64>; 4], &'a Format);
    let rows: [Row; 4] = [
        (
            "Number of contacts during the year",
            "L",
            "Number",
            [Some(31873.0), Some(33253.0), Some(9453.0), None],
            &count,
        ),
        (
            "Percentage of contacts that led to a referral during the year",
            "H",
            "%",
            [Some(0.32), Some(0.322), Some(0.371), None],
            &percent,
        ),
        (
            "Percentage of assessments completed during the year which took over 45 days",
            "L",
            "%",
            [Some(0.269), Some(0.25), Some(0.237), Some(0.171)],
            &percent,
        ),
        (
            "Average caseload per social worker (snapshot as at 30 June)",
            "L",
            "Number",
            [None, Some(22.0), Some(22.9), None],
            &one_place,
        ),
    ];
    for (at, (measure, good, unit, figures, format)) in rows.iter().enumerate() {
        let row = at as u32 + 1;
        sheet.write_string(row, 0, *measure)?;
        sheet.write_string(row, 1, care)?;
        sheet.write_string(row, 2, *good)?;
        sheet.write_string(row, 3, *unit)?;
        for (offset, figure) in figures.iter().enumerate() {
            let column = 4 + offset as u16;
            match figure {
                Some(value) => sheet.write_number_with_format(row, column, *value, format)?,
                None => sheet.write_string(row, column, "-")?,
            };
        }
    }
    sheet.write_string(5, 0, "Percentage of staff who are experienced social workers (3+ years) (snapshot as at 30 June)")?;
    sheet.write_string(5, 1, care)?;
    sheet.write_string(5, 2, "H")?;
    sheet.write_string(5, 3, "%")?;
    sheet.write_string(5, 4, "New measure")?;
    sheet.write_number_with_format(5, 5, 0.26, &percent)?;
    sheet.write_number_with_format(5, 6, 0.319, &percent)?;
    sheet.write_string(5, 7, "-")?;
    sheet.set_column_width(0, 60)?;

    let notes = workbook.add_worksheet().set_name("Notes")?;
    notes.write_string(0, 0, "As at")?;
    notes.write_datetime_with_format(0, 1, ExcelDateTime::from_ymd(2018, 6, 30)?, &date)?;
    notes.write_string(1, 0, "Published")?;
    notes.write_boolean(1, 1, true)?;
    notes.write_string(2, 0, "Rate per 10,000")?;
    notes.write_formula(2, 1, Formula::new("=1/0").set_result("#DIV/0!"))?;
    notes.write_string(3, 0, "Sum")?;
    notes.write_number(3, 1, 0.1 + 0.2)?;
    notes.write_string(5, 2, "Figures for Q1 are provisional.")?;

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/monitoring.xlsx"
    );
    workbook.save(path)?;
    println!("wrote {path}");

    // tests/fixtures/faults.xlsx: one sheet, "Q2", with a figure that cannot
    // be read, for the journey that refuses it by sheet, row and column.
    let mut faults = Workbook::new();
    faults.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = faults.add_worksheet().set_name("Q2")?;
    for (column, heading) in ["Performance Measure", "Good is", "2017/18", "Q2 2018/19"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *heading)?;
    }
    sheet.write_string(1, 0, "Number of contacts during the year")?;
    sheet.write_string(1, 1, "-")?;
    sheet.write_number_with_format(1, 2, 33253.0, &count)?;
    sheet.write_number_with_format(1, 3, 9870.0, &count)?;
    sheet.write_string(2, 0, "Number of visits to libraries")?;
    sheet.write_string(2, 1, "H")?;
    sheet.write_string(2, 2, "12,34")?;
    sheet.write_number_with_format(2, 3, 879387.0, &count)?;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/faults.xlsx");
    faults.save(path)?;
    println!("wrote {path}");
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
