use super::*;
use crate::bring_in::columns::{normalise, ColumnsError};
use crate::bring_in::testing::fresh;
use crate::bring_in::testing::table;
use crate::domain::complaints::Outcome;
use crate::file::validate::validate;

fn fy(label: &str) -> Period {
    label.parse().expect("a financial year")
}

fn year_of(s: &Snapshot, procedure: Procedure, year: &str) -> ComplaintsYear {
    s.complaints
        .iter()
        .find(|c| c.procedure == procedure && c.year == fy(year))
        .cloned()
        .unwrap_or_else(|| panic!("{procedure:?} {year}"))
}

fn plan(s: &Snapshot, t: &Table) -> Plan {
    plan_complaints(s, t, &vec![]).unwrap_or_else(|e| panic!("refused: {e:?}"))
}

fn faults(s: &Snapshot, t: &Table) -> Vec<String> {
    match plan_complaints(s, t, &vec![]) {
        Err(Refused::Faults(faults)) => faults.iter().map(Fault::to_string).collect(),
        other => panic!("expected faults, got {other:?}"),
    }
}

/// The five years of the 2017/18 annual report (with the 2018/19 figures
/// the October 2019 minutes give) for the two statutory procedures, under
/// a title, in the headings an officer's workbook would use.
fn annual_report() -> Table {
    let mut t = table(&[
        &["Statutory social care complaints: five years"],
        &["Source: annual report 2017/18 and minutes of 15 October 2019"],
        &[],
        &[
            "Service",
            "Financial Year",
            "Complaints received",
            "Stage 0",
            "Stage 3",
            "Closed complaints",
            "Upheld",
            "Partially upheld",
            "Not upheld",
            "Withdrawn",
            "Still open",
            "Exceeded statutory timescale",
            "Compliments",
            "Joint complaints",
            "LGSCO enquiries",
            "LGSCO detailed investigations",
            "LGSCO upheld",
            "LGSCO not upheld",
            "LGSCO not investigated",
            "Local settlements",
            "Cost of investigations",
        ],
        &[
            "ASC", "2014/15", "", "", "", "", "", "", "", "", "", "", "", "", "", "27",
        ],
        &[
            "ASC", "2015/16", "", "", "", "", "", "", "", "", "", "", "", "", "", "30",
        ],
        &[
            "ASC", "2016/17", "479", "", "", "", "", "", "", "", "", "", "538", "33", "", "30", "",
            "", "", "£34,727",
        ],
        &[
            "ASC",
            "2017/18",
            "540",
            "",
            "",
            "425",
            "70",
            "87",
            "67",
            "12",
            "116",
            "11",
            "615",
            "27",
            "80",
            "37",
            "19",
            "",
            "",
            "£630,958.48",
            "0",
        ],
        &[
            "ASC", "2018/19", "538", "-", "-", "-", "", "", "", "", "", "", "692",
        ],
        &[
            "CSC", "2014/15", "", "", "", "", "", "", "", "", "", "", "", "", "", "31",
        ],
        &[
            "CSC", "2015/16", "", "", "", "", "", "", "", "", "", "", "", "", "", "39",
        ],
        &[
            "CSC", "2016/17", "220", "", "", "", "", "", "", "", "", "", "58", "", "", "47", "",
            "", "", "9,180",
        ],
        &[
            "CSC",
            "2017/18",
            "265",
            "150",
            "0",
            "205",
            "",
            "",
            "",
            "",
            "",
            "132",
            "148",
            "",
            "85",
            "23",
            "7",
            "2",
            "14",
            "£7,100",
            "£6,090.15",
        ],
        &["CSC", "2018/19", "289"],
    ]);
    t.sheet = Some("Five years".into());
    t
}

/// A demo year with only what a row of figures can give.
fn figures_only(mut c: ComplaintsYear) -> ComplaintsYear {
    c.categories.clear();
    c.compliments_by_service.clear();
    c.notes.clear();
    c.source = None;
    c
}

#[test]
fn the_annual_reports_five_years_give_the_demos_figures() {
    let p = plan(&fresh("2019-03-31"), &annual_report());
    assert_eq!(p.created, ["10 years of complaints figures"]);
    assert!(p.changed.is_empty(), "nothing was held");
    assert_eq!(p.not_read, Vec::<String>::new());
    assert_eq!(validate(&p.snapshot), vec![]);
    let demo = Snapshot::demo();
    let statutory = |c: &&ComplaintsYear| {
        matches!(
            c.procedure,
            Procedure::AdultSocialCare | Procedure::ChildrenStatutory
        )
    };
    let expected: Vec<ComplaintsYear> = demo
        .complaints
        .iter()
        .filter(statutory)
        .cloned()
        .map(figures_only)
        .collect();
    assert_eq!(expected.len(), 10);
    assert_eq!(p.snapshot.complaints.to_vec(), expected);
}

#[test]
fn how_headings_and_cells_were_read_is_shown() {
    let p = plan(&fresh("2019-03-31"), &annual_report());
    let said = |place: &str| {
        p.understood
            .iter()
            .find(|u| u.place == place)
            .map(|u| (u.printed.as_str(), u.understood.as_str()))
    };
    assert_eq!(
        said("Column \u{201c}Partially upheld\u{201d}"),
        Some(("Partially upheld", "Partly upheld"))
    );
    assert_eq!(
        said("Column \u{201c}LGSCO detailed investigations\u{201d}"),
        Some((
            "LGSCO detailed investigations",
            "Ombudsman detailed investigations"
        ))
    );
    assert_eq!(
        said("Sheet \u{201c}Five years\u{201d}, row 5, column \u{201c}Service\u{201d}"),
        Some(("ASC", "Adult social care (statutory)"))
    );
    assert_eq!(
        p.understood.iter().filter(|u| u.printed == "ASC").count(),
        1,
        "each printed name once"
    );
    assert!(
        p.understood.iter().all(|u| u.printed != "2017/18"),
        "a year printed as Scrutineer prints it needs no note"
    );
}

#[test]
fn headings_in_other_words_and_case_are_found() {
    let t = table(&[
        &[
            "SERVICE AREA",
            "financial_year",
            "Total Complaints",
            "stage one",
            "Stage  Two",
            "Outside timescale",
            "LGSCO FINAL DECISIONS",
            "Settlements paid",
            "Early resolution/signposted",
            "Notes",
        ],
        &[
            "Children's social care",
            "17/18",
            "1,234",
            "100",
            "20",
            "3",
            "9",
            "£1,250",
            "40",
            "late figures",
        ],
        &["corporate", "2018-19", "1188"],
    ]);
    let p = plan(&fresh("2019-03-31"), &t);
    let csc = year_of(&p.snapshot, Procedure::ChildrenStatutory, "2017/18");
    assert_eq!(csc.received, Some(1234));
    assert_eq!(
        csc.stages,
        [
            StageCount {
                stage: 1,
                count: 100
            },
            StageCount {
                stage: 2,
                count: 20
            }
        ]
    );
    assert_eq!(csc.exceeded_timescale, Some(3));
    assert_eq!(
        csc.outcomes,
        [OutcomeCount {
            outcome: Outcome::EarlyResolution,
            count: 40
        }]
    );
    let ombudsman = csc.ombudsman.expect("the Ombudsman's figures");
    assert_eq!(ombudsman.decisions, Some(9));
    assert_eq!(ombudsman.settlements_paid, Some(1250.0));
    assert_eq!(
        year_of(&p.snapshot, Procedure::Corporate, "2018/19").received,
        Some(1188)
    );
    assert_eq!(
        p.not_read,
        ["Column \u{201c}Notes\u{201d} is not read: its heading names none of the complaints figures (the template lists the headings read)."]
    );
    assert!(p
        .understood
        .iter()
        .any(|u| u.printed == "17/18" && u.understood == "2017/18"));
    assert_eq!(validate(&p.snapshot), vec![]);
}

#[test]
fn procedures_are_read_by_key_label_and_the_words_officers_use() {
    use Procedure::*;
    for (text, expected) in [
        ("adult_social_care", AdultSocialCare),
        ("Adult social care (statutory)", AdultSocialCare),
        ("Adults", AdultSocialCare),
        ("asc", AdultSocialCare),
        ("Childrens Social Care", ChildrenStatutory),
        ("Children\u{2019}s social care", ChildrenStatutory),
        ("CSC", ChildrenStatutory),
        ("Children", ChildrenStatutory),
        (
            "Children's social care (non-statutory)",
            ChildrenNonStatutory,
        ),
        ("Non-statutory CSC", ChildrenNonStatutory),
        ("CORPORATE", Corporate),
        ("Corporate (non-statutory)", Corporate),
    ] {
        assert_eq!(read_procedure(text), Some(expected), "{text}");
    }
    assert_eq!(read_procedure("Highways"), None);
    assert_eq!(read_procedure(""), None);
}

#[test]
fn no_heading_names_two_columns_and_every_figure_has_one() {
    let mut seen = HashMap::new();
    for spec in COMPLAINTS_COLUMNS {
        for name in std::iter::once(&spec.key).chain(spec.also) {
            if let Some(other) = seen.insert(normalise(name), spec.key) {
                assert_eq!(other, spec.key, "\u{201c}{name}\u{201d} names two columns");
            }
        }
    }
    for field in FigureField::all() {
        let keys: Vec<&str> = FIGURE_COLUMNS
            .iter()
            .filter(|(_, f)| *f == field)
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(keys.len(), 1, "{field:?}");
        let spec = COMPLAINTS_COLUMNS
            .iter()
            .find(|s| s.key == keys[0])
            .expect("a column");
        assert!(
            spec.matches(field.label()),
            "the form's label {:?}",
            field.label()
        );
    }
    assert_eq!(COMPLAINTS_COLUMNS.len(), FIGURE_COLUMNS.len() + 2);
}

#[test]
fn every_fault_is_given_by_row_and_column_and_nothing_is_stored() {
    let t = table(&[
        &[
            "Procedure",
            "Year",
            "Received",
            "Stage 2",
            "Compliments",
            "Settlements",
        ],
        &["Adults", "2017/18", "12.5", "", "-3", "£12.345"],
        &["Adults", "2018/19", "abc", "4", "", ""],
        &["Adlts", "Q1 2017/18", "", "", "", ""],
        &["", "2017", "1", "", "", ""],
        &["Corporate", "", "", "", "", ""],
        &["CSC", "16/17", "1", "", "", ""],
        &["Children's social care", "2016-17", "2", "", "", ""],
    ]);
    assert_eq!(
        faults(&fresh("2019-03-31"), &t),
        [
            "Row 2, column \u{201c}Received\u{201d}: Complaints received must be a whole number, like 540 (the cell reads \u{201c}12.5\u{201d})",
            "Row 2, column \u{201c}Compliments\u{201d}: Compliments received cannot be below zero (the cell reads \u{201c}-3\u{201d})",
            "Row 2, column \u{201c}Settlements\u{201d}: Local settlements paid (£) must be an amount in pounds, like 7,100 or 630,958.48 (the cell reads \u{201c}£12.345\u{201d})",
            "Row 3, column \u{201c}Received\u{201d}: Complaints received must be a number, like 540, or blank if the report does not give it (the cell reads \u{201c}abc\u{201d})",
            "Row 3, column \u{201c}Stage 2\u{201d}: Adult social care (statutory) has no stage 2 (its stages are 0 and 1): leave the cell blank",
            "Row 4, column \u{201c}Procedure\u{201d}: \u{201c}Adlts\u{201d} is not a complaints procedure Scrutineer knows: give one of adult social care, children's social care, children's non-statutory, corporate (ASC, CSC, Adults and Children are read too)",
            "Row 4, column \u{201c}Year\u{201d}: Complaints are counted by financial year: enter one like 2019/20, not \u{201c}Q1 2017/18\u{201d}",
            "Row 5, column \u{201c}Procedure\u{201d}: the complaints procedure is missing: give one of adult social care, children's social care, children's non-statutory, corporate (ASC, CSC, Adults and Children are read too)",
            "Row 5, column \u{201c}Year\u{201d}: Complaints are counted by financial year: enter one like 2019/20, not \u{201c}2017\u{201d}",
            "Row 6, column \u{201c}Year\u{201d}: Enter the financial year, like 2019/20",
            "Row 8, column \u{201c}Year\u{201d}: Children's social care (statutory) 2016/17 is on row 7 as well: give each procedure and year on one row",
        ]
    );
}

#[test]
fn a_workbooks_faults_name_the_sheet() {
    let mut t = table(&[&["Procedure", "Year", "Received"], &["ASC", "2017/18", "x"]]);
    t.sheet = Some("ASC".into());
    assert_eq!(
        faults(&fresh("2019-03-31"), &t),
        ["Sheet \u{201c}ASC\u{201d}, row 2, column \u{201c}Received\u{201d}: Complaints received must be a number, like 540, or blank if the report does not give it (the cell reads \u{201c}x\u{201d})"]
    );
}

#[test]
fn figures_that_do_not_add_up_are_kept_as_printed() {
    let t = table(&[
        &[
            "Procedure",
            "Year",
            "Received",
            "Stage 0",
            "Stage 1",
            "Closed",
            "Upheld",
        ],
        &["ASC", "2017/18", "10", "150", "20", "5", "9"],
    ]);
    let p = plan(&fresh("2019-03-31"), &t);
    let asc = year_of(&p.snapshot, Procedure::AdultSocialCare, "2017/18");
    assert_eq!(asc.stages.iter().map(|s| s.count).sum::<u32>(), 170);
    assert_eq!(asc.outcomes[0].count, 9);
}

#[test]
fn importing_what_is_held_changes_nothing() {
    let first = plan(&fresh("2019-03-31"), &annual_report());
    let again = plan(&first.snapshot, &annual_report());
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.snapshot, first.snapshot);
    let demo = Snapshot::demo();
    let onto_demo = plan(&demo, &annual_report());
    assert!(onto_demo.is_empty(), "{:?}", onto_demo.changed);
    assert_eq!(onto_demo.snapshot, demo);
}

#[test]
fn a_changed_figure_is_listed_and_nothing_else_is_touched() {
    let demo = Snapshot::demo();
    let t = table(&[
        &[
            "Procedure",
            "Year",
            "Received",
            "Compliments",
            "Closed",
            "LGSCO decisions",
            "Settlements",
        ],
        &["ASC", "2017/18", "541", "", "425", "", "£630,958.48"],
        &["ASC", "2018/19", "538", "-", "400", "", ""],
        &["Corporate", "2018/19", "", "", "", "35", ""],
        &["Corporate", "2019/20", "1,201", "", "", "", ""],
    ]);
    let p = plan(&demo, &t);
    assert_eq!(p.created, ["1 year of complaints figures"]);
    let changed: Vec<(&str, &str, &str)> = p
        .changed
        .iter()
        .map(|c| (c.what.as_str(), c.now.as_str(), c.from_file.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            (
                "Complaints received, Adult social care (statutory) 2017/18",
                "540",
                "541"
            ),
            (
                "Closed with an outcome recorded, Adult social care (statutory) 2018/19",
                "Not recorded",
                "400"
            ),
            (
                "Ombudsman decisions made, Corporate (non-statutory) 2018/19",
                "34",
                "35"
            ),
        ]
    );
    let before = year_of(&demo, Procedure::AdultSocialCare, "2017/18");
    let after = year_of(&p.snapshot, Procedure::AdultSocialCare, "2017/18");
    assert_eq!(
        after,
        ComplaintsYear {
            received: Some(541),
            ..before
        },
        "a blank cell leaves the held figure, notes and source alone"
    );
    assert_eq!(
        year_of(&p.snapshot, Procedure::Corporate, "2018/19").compliments,
        Some(8794)
    );
    assert_eq!(
        p.snapshot.complaints.len(),
        demo.complaints.len() + 1,
        "the new year is added"
    );
    assert_eq!(validate(&p.snapshot), vec![]);
}

#[test]
fn a_new_row_with_no_figures_adds_nothing_and_says_so() {
    let t = table(&[
        &["Procedure", "Year", "Received"],
        &["Corporate", "2019/20", "-"],
    ]);
    let p = plan(&fresh("2019-03-31"), &t);
    assert!(p.is_empty());
    assert!(p.snapshot.complaints.is_empty());
    assert_eq!(
        p.not_read,
        ["Row 2 (Corporate (non-statutory) 2019/20) gives no figures, so it adds nothing."]
    );
}

#[test]
fn a_needed_column_not_found_can_be_chosen() {
    let t = table(&[
        &["Client group", "Year", "Received"],
        &["ASC", "2017/18", "540"],
    ]);
    let Err(Refused::Columns(ColumnsError::Unmatched { missing, .. })) =
        plan_complaints(&fresh("2019-03-31"), &t, &vec![])
    else {
        panic!("procedure is not named");
    };
    assert_eq!(missing[0].key, "procedure");
    let p = plan_complaints(&fresh("2019-03-31"), &t, &vec![("procedure", 0)]).expect("chosen");
    assert_eq!(
        year_of(&p.snapshot, Procedure::AdultSocialCare, "2017/18").received,
        Some(540)
    );
}

#[test]
fn the_template_imports_without_faults() {
    let template = complaints_template();
    assert_eq!(template.file_name, "scrutineer-complaints-template.csv");
    assert_eq!(template.columns.len(), COMPLAINTS_COLUMNS.len());
    let rows = crate::file::csv::parse_rows(&template.csv).expect("the template's CSV");
    assert_eq!(rows.len(), 2);
    let p = plan(&fresh("2019-03-31"), &Table::csv(rows));
    assert_eq!(p.created, ["1 year of complaints figures"]);
    assert_eq!(p.not_read, Vec::<String>::new());
    let asc = year_of(&p.snapshot, Procedure::AdultSocialCare, "2017/18");
    let demo = figures_only(year_of(
        &Snapshot::demo(),
        Procedure::AdultSocialCare,
        "2017/18",
    ));
    assert_eq!(asc, demo, "the example row is the report's adult 2017/18");
    assert_eq!(validate(&p.snapshot), vec![]);
}

#[test]
fn the_report_s_own_layout_years_across_and_a_row_per_figure_is_read() {
    let rows: Vec<Vec<String>> = [
        vec!["Adult social care complaints and compliments", "", "", ""],
        vec!["", "2015/16", "2016/17", "2017/18"],
        vec!["Complaints received", "", "479", "540"],
        vec!["Upheld", "", "", "70"],
        vec!["Compliments", "", "538", "615"],
        vec!["Assessment", "", "197", "83"],
    ]
    .into_iter()
    .map(|r| r.into_iter().map(str::to_owned).collect())
    .collect();
    let table = Table::csv(rows);
    let empty = Snapshot::empty(
        "",
        "",
        chrono::NaiveDate::from_ymd_opt(2019, 6, 30).expect("a day"),
    );
    let plan = plan_complaints(&empty, &table, &vec![]).expect("read");
    let year = |label: &str| {
        let year: Period = label.parse().expect("a year");
        plan.snapshot
            .complaints
            .iter()
            .find(|c| c.year == year && c.procedure == Procedure::AdultSocialCare)
            .cloned()
    };
    assert_eq!(year("2017/18").and_then(|c| c.received), Some(540));
    assert_eq!(year("2016/17").and_then(|c| c.compliments), Some(538));
    assert!(plan.understood[0]
        .understood
        .starts_with("A column for each financial year"));
    assert!(
        plan.not_read
            .iter()
            .any(|l| l.contains("\u{201c}Assessment\u{201d}")),
        "{:?}",
        plan.not_read
    );
    // A fault is at the sheet's own row and column.
    let mut bad = table.clone();
    bad.rows[3][3] = "lots".into();
    let Err(Refused::Faults(faults)) = plan_complaints(&empty, &bad, &vec![]) else {
        panic!("refused");
    };
    let shown = faults[0].to_string();
    assert!(
        shown.starts_with("Row 4, column \u{201c}2017/18\u{201d}: "),
        "{shown}"
    );
}
