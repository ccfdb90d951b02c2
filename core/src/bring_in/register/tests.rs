use chrono::NaiveDate;

use super::*;
use crate::bring_in::columns::{self, ColumnsError};
use crate::bring_in::testing::fresh;
use crate::bring_in::testing::table;
use crate::file::validate::validate;

fn q(label: &str) -> Period {
    label.parse().expect("a quarter")
}

fn entry<'s>(s: &'s Snapshot, id: &str) -> &'s RegisterEntry {
    s.register.iter().find(|e| e.id == id).expect("held")
}

fn faults(result: Result<Plan, Refused>) -> Vec<String> {
    match result {
        Err(Refused::Faults(faults)) => faults.iter().map(ToString::to_string).collect(),
        other => panic!("expected faults, not {other:?}"),
    }
}

const SEED_HEADINGS: &[&str] = &[
    "Risk Identification Number (RIN)",
    "Description",
    "Risk Type",
    "Possible Risk Consequences",
    "Current Controls",
    "Risk Score",
    "Mitigating Actions",
    "Residual Score",
    "Risk Owner",
    "Direction of Travel",
    "Quarter",
];

/// Rows of the seed register (Q2 2018/19 and Q2 2019/20) as a spreadsheet
/// holds them, cells shortened, under the pack's own title and headings.
fn seed() -> Table {
    table(&[
        &["Corporate Risk & Opportunity Register"],
        &[],
        SEED_HEADINGS,
        &[
            "CR2",
            "Protect and safeguard children",
            "Social",
            "Children are put at risk of harm.",
            "Clear line of sight to front-line practice at all levels",
            "25",
            "New Children and Families Board to be established",
            "16",
            "Director of Children's Services",
            "The risk is being managed",
            "Q2 2018/19",
        ],
        &[
            "CR12",
            "Unlawful disclosure of personal or commercial data",
            "Organisational/reputational/financial",
            "Potential impact on the data subject",
            "Information Security Incident Management Policy.",
            "16 (Major/Likely)",
            "Extra controls created to comply with GDPR",
            "12 (Major/Possible)",
            "Director of Corporate Services",
            "Downwards",
            "Q2 2018/19",
        ],
        &[
            "CO2",
            "Apprenticeship Levy and Apprentice % in Public Sector",
            "Political Economic Social Reputational Organisational",
            "Increase in Apprentices in the workforce",
            "The Apprenticeship Levy is live from April 2017",
            "12",
            "Maximise the benefits of the Apprenticeship Levy",
            "15",
            "Dir of Corporate Services",
            "Upwards",
            "Q2 2018/19",
        ],
        &[],
        &[
            "CR2",
            "Protect and safeguard children",
            "People/Service delivery",
            "Children are put at risk of harm.",
            "The protection and safeguarding of children, and oversight, is at all levels",
            "12",
            "Getting to Good Plan is now completed",
            "12 (Major/Possible)",
            "Director of Children's Services",
            "Safeguarding arrangements have been strengthened",
            "Q2 2019/20",
        ],
        &[
            "CR12",
            "Intermediate care for older people in a residential setting",
            "People/ Organisational",
            "Operational issues leading to service failures",
            "A review of the Lancashire intermediate care system was commissioned",
            "16 (Major/Likely)",
            "The Carnall Farrer Review of Intermediate Care concluded",
            "12 Major/ Possible",
            "Executive Director for Adult Services and Health & Wellbeing",
            "The revised timeline we are working to",
            "Q2 19/20",
        ],
        &[
            "CO2",
            "Apprenticeship Levy and Apprentice % in Public Sector",
            "People/ organisation",
            "Increase in Apprentices in the workforce",
            "The Apprenticeship Levy was live from April 2017",
            "",
            "Learning and Development are speaking to Heads of Service",
            "15 (Outstanding/Possible)",
            "Dir of Corporate Services",
            "We now have more Standards available to us",
            "Q2 2019/20",
        ],
        &[
            "CO4",
            "Working collaboratively with key health partners",
            "Organisational /financial",
            "Opportunity to work more closely with Health partners",
            "Engagement through Lancashire-wide forums",
            "12",
            "Outline proposals in respect of public health grant developed",
            "5x3",
            "Executive Director of Adult Services & Health & Wellbeing",
            "",
            "Q2 2019/20",
        ],
    ])
}

#[test]
fn the_seed_register_comes_into_an_empty_pack_with_both_quarters() {
    let plan = plan_register(&fresh("2019-09-30"), &seed(), &vec![]).expect("no faults");
    assert_eq!(plan.created, ["4 entries", "7 quarterly assessments"]);
    assert!(plan.changed.is_empty());
    assert!(plan.not_read.is_empty(), "{:?}", plan.not_read);
    let s = &plan.snapshot;
    assert_eq!(
        s.register.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["CR2", "CR12", "CO2", "CO4"]
    );
    let cr2 = entry(s, "CR2");
    assert_eq!(cr2.kind, EntryKind::Risk);
    let earlier = cr2.assessment(&q("Q2 2018/19")).expect("Q2 2018/19");
    assert_eq!(earlier.title, "Protect and safeguard children");
    assert_eq!(earlier.risk_type.as_deref(), Some("Social"));
    assert_eq!(earlier.inherent, Some(Score::Printed { value: 25 }));
    assert_eq!(
        earlier.residual,
        Some(Score::Printed { value: 16 }),
        "a bare product is kept as printed"
    );
    assert_eq!(
        earlier.description, None,
        "the description column is the title"
    );
    assert_eq!(
        earlier.owner.as_deref(),
        Some("Director of Children's Services")
    );
    let later = entry(s, "CR12")
        .assessment(&q("Q2 2019/20"))
        .expect("Q2 19/20");
    assert_eq!(
        later.title,
        "Intermediate care for older people in a residential setting"
    );
    assert_eq!(
        later.inherent,
        Some(Score::rated(4, 4).expect("on the grid"))
    );
    assert_eq!(
        later.residual,
        Some(Score::rated(4, 3).expect("on the grid"))
    );
    let co2 = entry(s, "CO2");
    assert_eq!(co2.kind, EntryKind::Opportunity);
    let co2_now = co2.assessment(&q("Q2 2019/20")).expect("held");
    assert_eq!(co2_now.inherent, None, "a blank score is no score");
    assert_eq!(
        co2_now.residual,
        Some(Score::rated(5, 3).expect("on the grid"))
    );
    assert_eq!(
        entry(s, "CO4").latest().and_then(|a| a.residual),
        Some(Score::rated(5, 3).expect("on the grid"))
    );
    assert_eq!(validate(s), vec![]);

    let understood = |place: &str| {
        plan.understood
            .iter()
            .find(|u| u.place == place)
            .map(|u| (u.printed.as_str(), u.understood.as_str()))
    };
    assert_eq!(
        understood("Column \u{201c}Description\u{201d}").map(|u| u.1),
        Some("The title: the sheet has no title column, so its description is the title, as the packs print it")
    );
    assert_eq!(
        understood("Column \u{201c}Risk Score\u{201d}").map(|u| u.1),
        Some("Inherent score (before actions)")
    );
    assert_eq!(
        understood("Row 5, column \u{201c}Risk Identification Number (RIN)\u{201d}"),
        Some((
            "CR12",
            "A risk: its reference begins CR, as the register numbers risks"
        ))
    );
    assert_eq!(
        understood("Row 6, column \u{201c}Risk Identification Number (RIN)\u{201d}"),
        Some((
            "CO2",
            "An opportunity: its reference begins CO, as the register numbers opportunities"
        ))
    );
    assert_eq!(
        understood("Row 9, column \u{201c}Residual Score\u{201d}"),
        Some(("12 Major/ Possible", "12 (Major/Possible)"))
    );
    assert_eq!(
        understood("Row 11, column \u{201c}Residual Score\u{201d}"),
        Some(("5x3", "15 (Outstanding/Possible)")),
        "an opportunity's words"
    );
    assert_eq!(
        understood("Row 4, column \u{201c}Residual Score\u{201d}"),
        None,
        "16 is read as printed"
    );
}

#[test]
fn headings_in_other_words_and_case_below_title_rows_are_found() {
    let t = table(&[
        &["Lancashire County Council"],
        &["Risk register, second quarter"],
        &[
            "REF",
            "risk or opportunity",
            "QUARTER",
            "risk title",
            "Risk  Description",
            "Owner",
            "net score",
            "Impact",
            "Likelihood",
            "Target",
            "next review date",
            "RAG",
        ],
        &[
            "cr13",
            "R",
            "q3 2019/20",
            "Cyber attack on council systems",
            "Ransomware stops services",
            "Director of Digital",
            "",
            "4",
            "3",
            "8",
            "31/12/2019",
            "Amber",
        ],
        &[
            "CO9",
            "opportunity",
            "Q3 2019/20",
            "Shared services",
            "",
            "CMT",
            "16",
            "4",
            "4",
            "",
            "",
            "Green",
        ],
    ]);
    let plan = plan_register(&fresh("2019-09-30"), &t, &vec![]).expect("no faults");
    assert_eq!(plan.created, ["2 entries", "2 quarterly assessments"]);
    let cr13 = entry(&plan.snapshot, "cr13");
    assert_eq!(cr13.kind, EntryKind::Risk);
    let a = cr13.latest().expect("assessed");
    assert_eq!(a.description.as_deref(), Some("Ransomware stops services"));
    assert_eq!(a.residual, Some(Score::rated(4, 3).expect("on the grid")));
    assert_eq!(a.target, Some(Score::Printed { value: 8 }));
    assert_eq!(a.next_review, NaiveDate::from_ymd_opt(2019, 12, 31));
    let co9 = entry(&plan.snapshot, "CO9");
    assert_eq!(co9.kind, EntryKind::Opportunity);
    assert_eq!(
        co9.latest().and_then(|a| a.residual),
        Some(Score::rated(4, 4).expect("on the grid")),
        "16 with its impact and likelihood beside it"
    );
    assert_eq!(
        plan.not_read,
        ["The column \u{201c}RAG\u{201d} is not read: the register holds nothing under that heading"]
    );
    assert!(plan
        .understood
        .iter()
        .any(|u| u.place == "Column \u{201c}Impact\u{201d}"
            && u.understood == "The residual score's impact"));
    assert!(
        !plan
            .understood
            .iter()
            .any(|u| u.understood.starts_with("A risk:")),
        "the kind column says which"
    );
    assert_eq!(validate(&plan.snapshot), vec![]);
}

#[test]
fn every_fault_is_given_with_its_row_and_column_and_nothing_is_applied() {
    let t = table(&[
        &[
            "Ref",
            "Type of entry",
            "R/O",
            "Quarter",
            "Title",
            "Residual score",
            "Impact",
            "Likelihood",
        ],
        &["CR1", "", "Maybe", "Q1 2019/20", "Budget", "16", "", ""],
        &["CR2", "", "", "Quarter 2", "Safeguarding", "", "", ""],
        &["CR3", "", "", "Q1 2019/20", "Complying", "high", "", ""],
        &["CR4", "", "", "Q1 2019/20", "Recruit", "", "4", ""],
        &["CR4", "", "", "Q1 2019/20", "Recruit", "", "", ""],
        &["CR5", "", "Risk", "Q1 2019/20", "Data", "", "", ""],
        &["CR5", "", "Opportunity", "Q2 2019/20", "Data", "", "", ""],
        &["", "", "", "Q2 2019/20", "No reference", "", "", ""],
        &["CR6", "", "", "Q2 2019/20", "", "12", "4", "4"],
        &["CR7", "", "", "2019/20", "Systems", "", "", ""],
        &["CR8", "", "", "Q1 2019/20", "", "", "", ""],
    ]);
    assert_eq!(
        faults(plan_register(&fresh("2019-09-30"), &t, &vec![])),
        [
            "Row 2, column \u{201c}R/O\u{201d}: \u{201c}Maybe\u{201d} is neither a risk nor an opportunity: write Risk or Opportunity (R or O)",
            "Row 3, column \u{201c}Quarter\u{201d}: Enter the quarter as the packs write it, for example Q3 2019/20, not \u{201c}Quarter 2\u{201d}",
            "Row 4, column \u{201c}Residual score\u{201d}: The residual score: \u{201c}high\u{201d} is not a score. Write it as the packs do, e.g. \u{201c}16 (Major/Likely)\u{201d} or \u{201c}16\u{201d}",
            "Row 5, column \u{201c}Likelihood\u{201d}: the residual impact is given but not its likelihood: give both, each 1 to 5",
            "Row 6, column \u{201c}Quarter\u{201d}: CR4 for Q1 2019/20 is also in row 5: give each entry's quarter once",
            "Row 8, column \u{201c}R/O\u{201d}: CR5 is a risk in row 7 but an opportunity here: an entry is one or the other",
            "Row 9, column \u{201c}Ref\u{201d}: this row has no reference: give each row its entry's reference, for example CR1",
            "Row 10, column \u{201c}Residual score\u{201d}: \u{201c}12\u{201d} disagrees with the impact 4 and likelihood 4 beside it, which give 16",
            "Row 11, column \u{201c}Quarter\u{201d}: Enter the quarter as the packs write it, for example Q3 2019/20, not \u{201c}2019/20\u{201d}",
            "Row 12, column \u{201c}Title\u{201d}: CR8 has no title for Q1 2019/20: give the title as the register words it",
        ]
    );
}

#[test]
fn a_fault_in_a_workbook_names_its_sheet() {
    let mut t = table(&[
        &["Ref", "Quarter", "Title"],
        &["CR 11", "Q1 2019/20", "Future provision of ICT services"],
    ]);
    t.sheet = Some("Register".into());
    assert_eq!(
        faults(plan_register(&fresh("2019-09-30"), &t, &vec![])),
        ["Sheet \u{201c}Register\u{201d}, row 2, column \u{201c}Ref\u{201d}: A reference cannot contain spaces, / ? or #: write it as the pack does, for example CR1.2"]
    );
}

#[test]
fn a_second_import_of_the_same_table_changes_nothing() {
    let first = plan_register(&fresh("2019-09-30"), &seed(), &vec![]).expect("no faults");
    let again = plan_register(&first.snapshot, &seed(), &vec![]).expect("no faults");
    assert!(again.is_empty(), "{:?} {:?}", again.created, again.changed);
    assert_eq!(again.snapshot, first.snapshot);
}

#[test]
fn a_changed_score_is_listed_never_silently_overwritten() {
    let first = plan_register(&fresh("2019-09-30"), &seed(), &vec![]).expect("no faults");
    let mut t = seed();
    // CR12 in Q2 2019/20: residual 12 (Major/Possible) becomes 16; the
    // owner is blank, which keeps the owner held.
    t.rows[8][7] = "L4 I4".into();
    t.rows[8][8] = String::new();
    // CR2 in Q2 2019/20: "12" for the held 12 (Major/Possible) keeps its cell.
    t.rows[7][7] = "12".into();
    t.rows[7][2] = "People".into();
    let plan = plan_register(&first.snapshot, &t, &vec![]).expect("no faults");
    assert!(plan.created.is_empty());
    assert_eq!(
        plan.changed,
        [
            Changed {
                what: "CR2 type, Q2 2019/20".into(),
                now: "People/Service delivery".into(),
                from_file: "People".into(),
            },
            Changed {
                what: "CR12 residual score, Q2 2019/20".into(),
                now: "12 (Major/Possible)".into(),
                from_file: "16 (Major/Likely)".into(),
            },
        ]
    );
    let cr12 = entry(&plan.snapshot, "CR12")
        .assessment(&q("Q2 2019/20"))
        .expect("held");
    assert_eq!(
        cr12.residual,
        Some(Score::rated(4, 4).expect("on the grid"))
    );
    assert_eq!(
        cr12.owner.as_deref(),
        Some("Executive Director for Adult Services and Health & Wellbeing")
    );
    assert_eq!(
        entry(&plan.snapshot, "CR2")
            .assessment(&q("Q2 2019/20"))
            .and_then(|a| a.residual),
        Some(Score::rated(4, 3).expect("on the grid"))
    );
    // Nothing changes in the snapshot the plan was made from.
    assert_eq!(
        entry(&first.snapshot, "CR12")
            .assessment(&q("Q2 2019/20"))
            .and_then(|a| a.residual),
        Some(Score::rated(4, 3).expect("on the grid"))
    );
}

#[test]
fn rows_for_the_demo_register_add_quarters_and_respect_its_entries() {
    let demo = Snapshot::demo();
    let t = table(&[
        &["Ref", "Quarter", "Title", "Residual", "Risk or opportunity"],
        &[
            "cr2",
            "Q3 2019/20",
            "Protect and safeguard children",
            "12 (Major/Possible)",
            "",
        ],
        &[
            "CO1",
            "Q3 2019/20",
            "Delivering growth and prosperity",
            "16",
            "",
        ],
    ]);
    let plan = plan_register(&demo, &t, &vec![]).expect("no faults");
    assert_eq!(plan.created, ["2 quarterly assessments"]);
    let cr2 = entry(&plan.snapshot, "CR2");
    assert_eq!(cr2.assessments.len(), 3, "added to the held CR2");
    assert_eq!(validate(&plan.snapshot), vec![]);
    let t = table(&[
        &["Ref", "Quarter", "Title", "R/O"],
        &[
            "CR2",
            "Q3 2019/20",
            "Protect and safeguard children",
            "Opportunity",
        ],
    ]);
    assert_eq!(
        faults(plan_register(&demo, &t, &vec![])),
        ["Row 2, column \u{201c}R/O\u{201d}: CR2 is a risk on the register, not an opportunity: an entry cannot change between the two; give the other a reference of its own"]
    );
}

#[test]
fn a_file_without_a_needed_column_asks_for_it() {
    let t = table(&[&["Ref", "Title"], &["CR1", "Budget"]]);
    let Err(Refused::Columns(ColumnsError::Unmatched { missing, .. })) =
        plan_register(&fresh("2019-09-30"), &t, &vec![])
    else {
        panic!("no quarter column");
    };
    assert_eq!(
        missing.iter().map(|m| m.key).collect::<Vec<_>>(),
        ["quarter"]
    );
    let t = table(&[&["Ref", "Quarter"], &["CR1", "Q1 2019/20"]]);
    let Err(Refused::Columns(ColumnsError::Unmatched { missing, .. })) =
        plan_register(&fresh("2019-09-30"), &t, &vec![])
    else {
        panic!("no title or description column");
    };
    assert_eq!(missing.iter().map(|m| m.key).collect::<Vec<_>>(), ["title"]);
    let chosen = vec![("quarter", 1), ("title", 0)];
    let t = table(&[&["Heading", "When"], &["Budget", "Q1 2019/20"]]);
    let Err(Refused::Columns(ColumnsError::Unmatched { missing, .. })) =
        plan_register(&fresh("2019-09-30"), &t, &chosen)
    else {
        panic!("no reference");
    };
    assert_eq!(
        missing.iter().map(|m| m.key).collect::<Vec<_>>(),
        ["reference"]
    );
}

#[test]
fn a_second_table_s_headings_are_not_read_as_an_entry() {
    let mut t = seed();
    let mut headings: Vec<String> = SEED_HEADINGS.iter().map(|h| (*h).to_owned()).collect();
    headings[0] = "Opportunity Identification Number".into();
    t.rows.insert(5, headings);
    let plan = plan_register(&fresh("2019-09-30"), &t, &vec![]).expect("no faults");
    assert_eq!(plan.created, ["4 entries", "7 quarterly assessments"]);
    assert_eq!(
        plan.not_read,
        ["Row 6 repeats the headings and is read as headings, not as an entry"]
    );
}

#[test]
fn the_template_imports_without_faults() {
    let template = register_template();
    assert_eq!(template.file_name, "scrutineer-register-template.csv");
    let rows = crate::file::csv::parse_rows(&template.csv).expect("CSV");
    assert_eq!(rows[0].len(), rows[1].len(), "a cell for every column");
    let plan = plan_register(&fresh("2019-09-30"), &Table::csv(rows), &vec![]).expect("no faults");
    assert_eq!(plan.created, ["1 entry", "1 quarterly assessment"]);
    assert!(plan.not_read.is_empty());
    let cr12 = entry(&plan.snapshot, "CR12").latest().expect("assessed");
    assert_eq!(
        cr12.residual,
        Some(Score::rated(4, 3).expect("on the grid"))
    );
    assert_eq!(validate(&plan.snapshot), vec![]);
    assert!(template
        .columns
        .iter()
        .any(|(key, required, _)| *key == "quarter" && *required));
}

#[test]
fn no_heading_names_two_columns() {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for spec in REGISTER_COLUMNS {
        for name in std::iter::once(&spec.key).chain(spec.also) {
            let name = columns::normalise(name);
            if let Some(other) = seen.insert(name.clone(), spec.key) {
                panic!("\u{201c}{name}\u{201d} names both {other} and {}", spec.key);
            }
        }
    }
}

#[test]
fn a_register_of_one_quarter_takes_the_quarter_its_title_names() {
    let t = table(&[
        &["Corporate Risk Register Q2 2019/20"],
        &["Risk Ref", "Risk Title", "Current Score", "Risk Owner"],
        &[
            "CR1",
            "Funding gap",
            "16 (Major/Likely)",
            "Director of Finance",
        ],
        &["CR2", "Recruitment", "12", "Director of People"],
    ]);
    let plan = plan_register(&fresh("2019-09-30"), &t, &vec![]).expect("read");
    assert_eq!(plan.snapshot.register.len(), 2);
    assert!(entry(&plan.snapshot, "CR1")
        .assessments
        .iter()
        .all(|a| a.period == q("Q2 2019/20")));
    assert!(plan.understood.iter().any(|u| u
        .understood
        .starts_with("Every row is an assessment for Q2 2019/20")));
    // With two quarters in the title, neither is guessed: the quarter column is asked for.
    let mut two = t.clone();
    two.rows[0][0] = "Register Q1 2019/20 and Q2 2019/20".into();
    assert!(matches!(
        plan_register(&fresh("2019-09-30"), &two, &vec![]),
        Err(Refused::Columns(ColumnsError::Unmatched { .. }))
    ));
}
