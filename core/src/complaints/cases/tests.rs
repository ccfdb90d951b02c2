//! Tests of reading, timing and summing case lists.

use super::bring_in::CASE_NOTE;
use super::*;
use crate::complaints::report::find;
use crate::domain::complaints::{LabelledCount, OutcomeCount, StageCount};
use crate::domain::snapshot::Snapshot;

fn fy(text: &str) -> Period {
    text.parse().expect("a year")
}

fn d(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

const GOOD: &str = "reference,procedure,received,stage,category,outcome,acknowledged,responded
C-001,children statutory,16/12/2019,1,Social work practice,partly upheld,17/12/2019,02/01/2020
C-002,children statutory,16/12/2019,1,Social work practice,upheld,17/12/2019,20/01/2020
A-001,adult social care,2019-04-01,1,Home care,not upheld,,2019-09-30
A-002,adult social care,2019-04-01,1,Home care,upheld,,2019-10-02
A-003,Adult Social Care,2019-03-29,1,Residential care,,,
K-001,corporate,02/04/2019,0,Highways,early resolution,02/04/2019,03/04/2019
";

#[test]
fn each_procedure_says_its_timescales_in_words() {
    assert_eq!(timescales_text(Procedure::AdultSocialCare), "6 months");
    assert_eq!(
        timescales_text(Procedure::ChildrenStatutory),
        "stage 1: 10 working days (up to 20); stage 2: 25 working days (up to 65)"
    );
    assert_eq!(
        timescales_text(Procedure::Corporate),
        "stage 1: 10 working days; stage 2: 20 working days"
    );
}

#[test]
fn timescales_follow_each_procedure() {
    assert_eq!(
        timescale(Procedure::ChildrenStatutory, 1)
            .map(Timescale::describe)
            .as_deref(),
        Some("10 working days (up to 20)")
    );
    assert_eq!(
        timescale(Procedure::Corporate, 2)
            .map(Timescale::describe)
            .as_deref(),
        Some("20 working days")
    );
    assert_eq!(
        timescale(Procedure::AdultSocialCare, 1)
            .map(Timescale::describe)
            .as_deref(),
        Some("6 months")
    );
    assert_eq!(
        timescale(Procedure::ChildrenStatutory, 3),
        None,
        "the review panel"
    );
    assert_eq!(timescale(Procedure::Corporate, 0), None, "early resolution");
    // 20 working days from 16 December 2019 run to 16 January 2020
    // (10 to 2 January, past Christmas, Boxing Day and New Year's Day).
    let stage1 = timescale(Procedure::ChildrenStatutory, 1).expect("set");
    assert_eq!(
        crate::complaints::calendar::add_working_days(d("2019-12-16"), 20),
        d("2020-01-16")
    );
    assert!(!stage1.exceeded(d("2019-12-16"), d("2020-01-16")));
    assert!(stage1.exceeded(d("2019-12-16"), d("2020-01-17")));
    let adult = timescale(Procedure::AdultSocialCare, 1).expect("set");
    assert!(!adult.exceeded(d("2019-04-01"), d("2019-10-01")));
    assert!(adult.exceeded(d("2019-04-01"), d("2019-10-02")));
}

#[test]
fn financial_years_start_in_april() {
    assert_eq!(financial_year(d("2019-03-31")).to_string(), "2018/19");
    assert_eq!(financial_year(d("2019-04-01")).to_string(), "2019/20");
}

#[test]
fn a_case_list_is_summed_by_financial_year_and_procedure() {
    let cases = read_cases(GOOD).expect("reads");
    assert_eq!(cases.len(), 6);
    assert_eq!(
        cases[0].working_days(),
        Some(10),
        "Christmas, Boxing Day and New Year skipped"
    );
    let years = aggregate(&cases);
    let labels: Vec<String> = years
        .iter()
        .map(|y| format!("{} {}", y.year, y.procedure.label()))
        .collect();
    assert_eq!(
        labels,
        [
            "2018/19 Adult social care (statutory)",
            "2019/20 Adult social care (statutory)",
            "2019/20 Children's social care (statutory)",
            "2019/20 Corporate (non-statutory)",
        ]
    );
    let adult_2018 = &years[0];
    assert_eq!(adult_2018.received, Some(1));
    assert_eq!(adult_2018.closed, Some(0));
    assert_eq!(
        adult_2018.exceeded_timescale, None,
        "still open: not yet timed"
    );
    let adult = &years[1];
    assert_eq!(adult.received, Some(2));
    assert_eq!(
        adult.exceeded_timescale,
        Some(1),
        "2 October is past six months"
    );
    assert_eq!(
        adult.categories,
        vec![LabelledCount {
            label: "Home care".into(),
            count: 2
        }]
    );
    let children = &years[2];
    assert_eq!(
        children.exceeded_timescale,
        Some(1),
        "20 January is past 20 working days"
    );
    assert_eq!(
        children.outcomes,
        vec![
            OutcomeCount {
                outcome: Outcome::Upheld,
                count: 1
            },
            OutcomeCount {
                outcome: Outcome::PartlyUpheld,
                count: 1
            }
        ]
    );
    assert_eq!(children.stages, vec![StageCount { stage: 1, count: 2 }]);
    let corporate = &years[3];
    assert_eq!(
        corporate.exceeded_timescale, None,
        "stage 0 has no timescale"
    );
}

#[test]
fn bad_rows_are_named_by_row_and_column_and_nothing_is_read() {
    let text = "reference,procedure,received,stage,category,outcome,acknowledged,responded
C-001,children statutory,16/12/2019,1,,upheld,,02/01/2020
C-001,childrens,31/02/2019,4,,lost,,
C-003,corporate,10/01/2020,1,,upheld,09/01/2020,
C-004,corporate,10/01/2020,2,,not upheld,,09/01/2020
";
    let errors = read_cases(text).expect_err("refused");
    let named: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        named,
        [
            "Row 3, column reference: C-001 is also on row 2: each complaint once",
            "Row 3, column procedure: \u{201c}childrens\u{201d} is not a procedure: write adult social care, children statutory, children non-statutory or corporate",
            "Row 3, column received: \u{201c}31/02/2019\u{201d} is not a date: write it as 31/10/2019 or 2019-10-31",
            "Row 3, column stage: \u{201c}4\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3",
            "Row 3, column outcome: \u{201c}lost\u{201d} is not an outcome: upheld, partly upheld, not upheld, withdrawn, early resolution, or blank while open",
            "Row 4, column acknowledged: the acknowledgement (2020-01-09) is before the complaint was received (2020-01-10)",
            "Row 4, column responded: a closed complaint needs the date of its response",
            "Row 5, column responded: the response (2020-01-09) is before the complaint was received (2020-01-10)",
        ]
    );
    let no_columns = read_cases("ref,when\nC-1,2019-01-01\n").expect_err("refused");
    assert!(no_columns[0]
        .to_string()
        .starts_with("Row 1: the header row has no reference, procedure, received, stage column"));
    assert!(
        read_cases("reference,procedure,received,stage\n").is_err(),
        "no complaints"
    );
}

#[test]
fn a_case_list_replaces_the_counts_and_keeps_what_it_cannot_give() {
    let s = Snapshot::demo();
    let cases = read_cases(
        "reference,procedure,received,stage,category,outcome,acknowledged,responded
A-1,adult social care,2017-05-02,1,Financial,upheld,,2017-06-01
A-2,adult social care,2017-05-03,1,Financial,,,
K-1,corporate,2019-05-01,1,Highways,not upheld,2019-05-02,2019-05-30
K-2,corporate,2019-05-01,1,Highways,not upheld,2019-05-02,2019-05-10
",
    )
    .expect("reads");
    let summed = aggregate(&cases);
    let (next, changes) = apply_cases(&s, &summed);
    assert_eq!(
        changes,
        [
            CaseYear {
                year: fy("2017/18"),
                procedure: Procedure::AdultSocialCare,
                before: Some(540),
                received: 2,
                exceeded: Some(0)
            },
            CaseYear {
                year: fy("2019/20"),
                procedure: Procedure::Corporate,
                before: None,
                received: 2,
                exceeded: Some(1)
            },
        ]
    );
    let adult = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
    assert_eq!(adult.received, Some(2));
    assert_eq!(adult.compliments, Some(615), "compliments are kept");
    assert!(
        adult.ombudsman.is_some(),
        "the Ombudsman's figures are kept"
    );
    assert_eq!(
        adult
            .notes
            .iter()
            .filter(|n| n.starts_with(CASE_NOTE))
            .count(),
        1
    );
    // Bringing the same list in twice leaves one case-list note.
    let (again, _) = apply_cases(&next, &summed);
    let adult = find(&again, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
    assert_eq!(
        adult
            .notes
            .iter()
            .filter(|n| n.starts_with(CASE_NOTE))
            .count(),
        1
    );
    assert_eq!(again.complaints.len(), s.complaints.len() + 1);
}

#[test]
fn the_page_says_what_a_list_changes() {
    assert_eq!(
        preview_heading("cases.csv", 1, 1),
        "\u{201c}cases.csv\u{201d}: 1 complaint in 1 year and procedure"
    );
    assert_eq!(
        summed_message("cases.csv", 1),
        "Summed 1 complaint from \u{201c}cases.csv\u{201d}"
    );
    assert_eq!(
        preview_heading("cases.csv", 1_200, 1),
        "\u{201c}cases.csv\u{201d}: 1,200 complaints in 1 year and procedure"
    );
    assert_eq!(
        preview_heading("cases.csv", 6, 4),
        "\u{201c}cases.csv\u{201d}: 6 complaints in 4 years and procedures"
    );
    assert_eq!(
        summed_message("cases.csv", 2_500),
        "Summed 2,500 complaints from \u{201c}cases.csv\u{201d}"
    );
    let now = CaseYear {
        year: fy("2019/20"),
        procedure: Procedure::Corporate,
        before: None,
        received: 1_150,
        exceeded: None,
    };
    assert_eq!(
        now.cells(),
        [
            "2019/20",
            "Corporate (non-statutory)",
            "None",
            "1,150",
            "None answered yet"
        ]
    );
    let held = CaseYear {
        before: Some(1_188),
        exceeded: Some(12),
        ..now.clone()
    };
    assert_eq!(held.cells()[2..], ["1,188", "1,150", "12"]);
    assert_eq!(
        now.choice().href(),
        "#/complaints?procedure=corporate&year=2019/20"
    );
}

#[test]
fn columns_are_found_by_header_in_any_order_and_case() {
    let cases = read_cases(" Stage ,REFERENCE,Received,procedure\n1,C-1,2019-05-01,corporate\n")
        .expect("reads");
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].reference, "C-1");
    assert_eq!(cases[0].stage, 1);
    assert_eq!(cases[0].outcome, Outcome::StillOpen, "no outcome column");
    assert_eq!(cases[0].category, None);
    let missing = read_cases("reference,stage\nC-1,1\n").expect_err("refused");
    assert_eq!(
        missing[0].to_string(),
        "Row 1: the header row has no procedure, received column: the columns are reference, procedure, received, stage, category, outcome, acknowledged, responded"
    );
}

#[test]
fn a_case_list_as_excel_writes_it_skips_empty_rows_and_numbers_faults_by_spreadsheet_row() {
    // Semicolons, a mark, and the ";;;" rows Excel writes for blank lines.
    let text = "\u{feff}reference;procedure;received;stage\r\n\
                ;;;\r\n\
                C-1;corporate;2019-05-01;1\r\n\
                \r\n\
                C-2;corporate;2019-05-02;9\r\n";
    let errors = read_cases(text).expect_err("refused");
    assert_eq!(
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        ["Row 5, column stage: \u{201c}9\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3"]
    );
    let cases = read_cases(&text.replace(";9\r", ";2\r")).expect("reads");
    assert_eq!(cases.len(), 2);
    let none = read_cases("\r\nreference,procedure,received,stage\r\n,,,\r\n").expect_err("empty");
    assert_eq!(
        none[0].to_string(),
        "Row 3: there are no complaints below the header row"
    );
}
