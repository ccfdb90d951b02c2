//! Reads tests/fixtures/monitoring.xlsx (written by the `fixtures` example)
//! with the same code the Web Worker runs.

use scrutineer_workbook::{sheets, Sheet};

fn fixture() -> Vec<Sheet> {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/monitoring.xlsx"
    ))
    .expect("the fixture is there");
    sheets(&bytes).expect("the fixture reads")
}

#[test]
fn every_sheet_comes_in_order_by_name() {
    let names: Vec<_> = fixture().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Indicators", "Notes"]);
}

#[test]
fn indicators_read_as_the_spreadsheet_shows_them() {
    let sheets = fixture();
    let rows = &sheets[0].rows;
    assert_eq!(
        rows[0],
        [
            "Performance Measure",
            "Service area",
            "Good is",
            "Unit",
            "2016/17",
            "2017/18",
            "Q1 2018/19",
            "England average"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "Number of contacts during the year",
            "Children's Social Care",
            "L",
            "Number",
            "31,873",
            "33,253",
            "9,453",
            "-"
        ]
    );
    assert_eq!(
        rows[2],
        [
            "Percentage of contacts that led to a referral during the year",
            "Children's Social Care",
            "H",
            "%",
            "32.0%",
            "32.2%",
            "37.1%",
            "-"
        ]
    );
    assert_eq!(rows[3][4..], ["26.9%", "25.0%", "23.7%", "17.1%"]);
    assert_eq!(rows[4][4..], ["-", "22.0", "22.9", "-"]);
    assert_eq!(rows[5][4..], ["New measure", "26.0%", "31.9%", "-"]);
    assert_eq!(rows.len(), 6);
}

#[test]
fn notes_keep_dates_booleans_errors_and_gaps() {
    let sheets = fixture();
    let rows = &sheets[1].rows;
    assert_eq!(rows[0], ["As at", "2018-06-30"]);
    assert_eq!(rows[1], ["Published", "TRUE"]);
    assert_eq!(rows[2], ["Rate per 10,000", "#DIV/0!"]);
    assert_eq!(rows[3], ["Sum", "0.3"]);
    // An empty row stays, so row numbers are the spreadsheet's.
    assert_eq!(rows[4], Vec::<String>::new());
    assert_eq!(rows[5], ["", "", "Figures for Q1 are provisional."]);
    assert_eq!(rows.len(), 6);
}

/// Finding 8 (fuzz/regressions/workbook/): a damaged sheet whose cell
/// reference calamine 0.36.1 reads past what a u32 holds (it panics with
/// overflow checks, and wraps to another cell without). The references are
/// checked first, so the file is refused in plain words, naming the cell.
#[test]
fn finding_8_a_damaged_cell_reference_is_refused_before_calamine_reads_it() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions/workbook/a-column-past-what-a-number-holds.xlsx");
    let bytes = std::fs::read(path).expect("the file");
    let refused = scrutineer_workbook::sheets(&bytes).expect_err("refused");
    assert!(
        refused.contains("refers to cell “")
            && refused.contains("past the last cell a spreadsheet can have (XFD1048576)"),
        "{refused}"
    );
}

/// A sheet with content as far as its last cell would be laid out from A1
/// as 17 billion cells: refused by name, with where its content reaches,
/// as it is read; one just within the most is read. Content in one far
/// cell alone counts from A1 too, as the rows are laid out from A1.
#[test]
#[cfg(not(target_arch = "wasm32"))] // rust_xlsxwriter is a native dev-dependency
fn a_sheet_with_content_far_from_a1_is_refused_by_name() {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let small = workbook.add_worksheet().set_name("Figures").expect("name");
    small.write(0, 0, "Performance Measure").expect("cell");
    small.write(1999, 999, 2).expect("cell");
    let bytes = workbook.save_to_buffer().expect("written");
    let read = sheets(&bytes).expect("2,000,000 cells are read");
    assert_eq!(read[0].rows.len(), 2000);
    assert_eq!(read[0].rows[1999].len(), 1000);
    assert!(read[0].rows[1].is_empty());

    let far = workbook
        .add_worksheet()
        .set_name("Far corner")
        .expect("name");
    far.write(199, 16_383, 2).expect("cell");
    let bytes = workbook.save_to_buffer().expect("written");
    assert_eq!(
        sheets(&bytes).expect_err("refused"),
        "its sheet “Far corner” has content as far as row 200 and column XFD: from A1 that is 3,276,800 cells, and Scrutineer reads at most 2,000,000 from one sheet. Delete what is outside the table, or copy the table into a new workbook, and open that."
    );
}

/// Every workbook the fuzzer or the review found (fuzz/regressions/workbook/)
/// is read without the reader stopping (this build checks overflow, as the
/// fuzzer's does), each refused in plain words or read, and at once.
#[test]
fn every_damaged_workbook_found_is_refused_in_plain_words_or_read() {
    let folder =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/workbook");
    let expected = [
        (
            "a-column-past-what-a-number-holds.xlsx",
            "past the last cell a spreadsheet can have",
        ),
        (
            "a-cell-with-two-references.xlsx",
            "refers to cell “AAAAAAAAAAAAAAAAAAAA1”",
        ),
        (
            "a-sheet-part-not-named-xml.xlsx",
            "refers to cell “AAAAAAAAAAAAAAAAAAAA1”",
        ),
        (
            "a-dimension-that-ends-before-it-starts.xlsx",
            "gives its extent as “B2:A1”, which ends before it starts",
        ),
        (
            "row-ends-closing-other-elements.xlsx",
            "has content as far as row 3,002",
        ),
        (
            "a-cell-hidden-inside-a-value.xlsx",
            "has content as far as row 300 and column XFD",
        ),
        (
            "one-cell-far-from-a1.xlsx",
            "has content as far as row 200 and column XFD",
        ),
        ("a-prefixed-reference-in-the-formats.xlsx", ""),
    ];
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    let mut named: Vec<String> = expected.iter().map(|(f, _)| (*f).to_owned()).collect();
    named.sort();
    assert_eq!(
        files, named,
        "every input found is listed with what it gives"
    );
    for (file, says) in expected {
        let bytes = std::fs::read(folder.join(file)).expect("the file");
        let started = std::time::Instant::now();
        let outcome = std::panic::catch_unwind(|| sheets(&bytes));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{file}"
        );
        match outcome.unwrap_or_else(|_| panic!("{file}: the reader stopped")) {
            Err(refused) => assert!(
                !says.is_empty() && refused.contains(says),
                "{file}: {refused}"
            ),
            Ok(read) => assert!(says.is_empty() && !read.is_empty(), "{file}: read"),
        }
    }
}
