//! The figures CSV's tests: export, import, faults and what is not read.

use super::*;
use crate::domain::indicator::{ComparatorKind, Indicator};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::Value;
use crate::file::csv::{parse_rows, write_rows};
use crate::text::plain_number;

#[test]
fn the_export_is_long_form_with_one_row_per_figure() {
    let demo = Snapshot::demo();
    let text = export_figures(&demo);
    assert!(
        text.starts_with("\u{feff}indicator_id,indicator,service_area,good_is,unit,period,value,")
    );
    let rows = parse_rows(&text).expect("our own CSV reads");
    assert_eq!(rows[0], HEADER);
    // One row per figure; a comparator that finds no free cell of its
    // kind on its indicator's rows gets a row of its own, so each
    // indicator has as many rows as its figures or its comparators of
    // any one kind, whichever is more; one with none has a row of its own.
    let expected: usize = demo
        .indicators
        .iter()
        .map(|i| {
            let most = COMPARATOR_COLUMNS
                .iter()
                .map(|(kind, _, _)| i.comparators.iter().filter(|c| c.kind == *kind).count())
                .max()
                .unwrap_or(0);
            i.values.len().max(most).max(1)
        })
        .sum();
    assert_eq!(rows.len(), expected + 1);
    assert!(rows[1..].iter().all(|r| r.len() == HEADER.len()));
    // Each comparator is written exactly once.
    let comparators: usize = demo.indicators.iter().map(|i| i.comparators.len()).sum();
    let written: usize = rows[1..]
        .iter()
        .map(|r| r[10..13].iter().filter(|c| !c.is_empty()).count())
        .sum();
    assert_eq!(written, comparators);
    let cla = rows
        .iter()
        .find(|r| r[0] == "children-looked-after" && r[5] == "Q1 2019/20")
        .expect("CLA Q1");
    assert_eq!(
        &cla[3..10],
        ["L", "rate per 10,000", "Q1 2019/20", "84.6", "2096", "", ""]
    );
    // Its two England averages state no period: each goes on the next
    // row with the cell free, as printed ("64.0"), its period empty.
    let england: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "children-looked-after" && !r[10].is_empty())
        .map(|r| (r[5].as_str(), r[10].as_str(), r[14].as_str()))
        .collect();
    assert_eq!(england, [("2016/17", "62.0", ""), ("2017/18", "64.0", "")]);
    // Comparators with a period sit on their own period's row.
    let exclusions = rows
        .iter()
        .find(|r| r[0] == "fixed-term-exclusions" && r[5] == "2017/18")
        .expect("exclusions 2017/18");
    assert_eq!(
        &exclusions[10..17],
        [
            "5.08",
            "4.69",
            "5.92",
            "North West",
            "2017/18",
            "2017/18",
            "2017/18"
        ]
    );
    let name_with_comma = rows
        .iter()
        .find(|r| r[0] == "referrals")
        .expect("referrals");
    assert_eq!(
        name_with_comma[1],
        "Number and rate (per 10k) of referrals during the year"
    );
    let missing = rows
        .iter()
        .find(|r| r[0] == "children-in-need" && r[5] == "2018/19")
        .expect("CIN 2018/19");
    assert_eq!(
        (missing[6].as_str(), missing[9].as_str()),
        ("", "Not reported")
    );
}

#[test]
fn a_comparator_with_no_free_row_gets_a_row_of_its_own() {
    use crate::domain::indicator::Comparator;
    let mut demo = Snapshot::demo();
    let ehc = demo
        .indicators
        .iter_mut()
        .find(|i| i.id == "ehc-plans")
        .expect("EHC plans, which hold no figures");
    assert!(ehc.values.is_empty());
    for (period, value) in [(Some("2017"), 6351.0), (None, 6665.0)] {
        ehc.comparators.push(Comparator {
            kind: ComparatorKind::England,
            name: None,
            period: period.map(|p| p.parse().expect("period")),
            value: Value::figure(value, 0),
            source: None,
        });
    }
    let text = export_figures(&demo);
    let rows = parse_rows(&text).expect("reads");
    let own: Vec<(&str, &str, &str, &str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "ehc-plans")
        .map(|r| {
            (
                r[5].as_str(),
                r[6].as_str(),
                r[9].as_str(),
                r[10].as_str(),
                r[14].as_str(),
            )
        })
        .collect();
    assert_eq!(
        own,
        [("2017", "", "", "6351", "2017"), ("", "", "", "6665", "")]
    );
    let imported = import_figures(&demo, &text).expect("reads");
    assert_eq!(imported.changes, vec![]);
    assert_eq!(imported.snapshot, demo);
}

#[test]
fn a_file_written_before_the_period_columns_reads_back_unchanged() {
    // Until the period columns, every row repeated the latest comparator
    // of each kind: reading such a file back must not invent comparators.
    let demo = Snapshot::demo();
    let text = export_figures(&demo);
    let rows = parse_rows(&text).expect("reads");
    let mut old = vec![rows[0][..13].to_vec()];
    for row in &rows[1..] {
        let Some(indicator) = demo.indicators.iter().find(|i| i.id == row[0]) else {
            continue;
        };
        if row[5].is_empty() {
            continue; // a comparator-only row: the old form had none
        }
        let latest = |kind| {
            indicator
                .comparator(kind)
                .and_then(|c| c.value.number())
                .map(plain_number)
                .unwrap_or_default()
        };
        let mut cells: Vec<String> = row[..10].to_vec();
        cells.push(latest(ComparatorKind::England));
        cells.push(latest(ComparatorKind::Region));
        cells.push(latest(ComparatorKind::StatisticalNeighbours));
        old.push(cells);
    }
    let imported = import_figures(&demo, &write_rows(&old)).expect("reads");
    let comparators_changed: Vec<&Change> = imported
        .changes
        .iter()
        .filter(|c| c.comparator.is_some())
        .collect();
    assert_eq!(comparators_changed, Vec::<&Change>::new());
    let held = |s: &Snapshot| {
        s.indicators
            .iter()
            .map(|i| i.comparators.len())
            .sum::<usize>()
    };
    assert_eq!(held(&imported.snapshot), held(&demo));
}

#[test]
fn without_period_columns_a_changed_comparator_replaces_the_latest_once() {
    let demo = Snapshot::demo();
    let held = demo
        .indicators
        .iter()
        .find(|i| i.id == "children-looked-after")
        .and_then(|i| i.comparator(ComparatorKind::England).cloned())
        .expect("CLA has an England average");
    let csv = "indicator_id,period,value,england\n\
               children-looked-after,Q4 2018/19,,65\n\
               children-looked-after,Q1 2019/20,,65\n";
    let imported = import_figures(&demo, csv).expect("reads");
    let changed: Vec<(&str, Option<&str>, &str)> = imported
        .changes
        .iter()
        .map(|c| (c.period.as_str(), c.before.as_deref(), c.after.as_str()))
        .collect();
    assert_eq!(changed.len(), 1, "one figure, not one per row: {changed:?}");
    assert_eq!(
        changed[0].1,
        Some(
            held.value
                .display(crate::domain::value::Unit::RatePer10000)
                .as_str()
        )
    );
    let cla = |s: &Snapshot| {
        s.indicators
            .iter()
            .find(|i| i.id == "children-looked-after")
            .map(|i| i.comparators.len())
    };
    assert_eq!(cla(&imported.snapshot), cla(&demo), "replaced, none added");
    let after = imported
        .snapshot
        .indicators
        .iter()
        .find(|i| i.id == "children-looked-after")
        .and_then(|i| i.comparator(ComparatorKind::England).cloned())
        .expect("still there");
    assert_eq!(
        (after.period, after.value.number()),
        (held.period, Some(65.0))
    );

    let two = "indicator_id,period,value,england\n\
               children-looked-after,Q4 2018/19,,65\n\
               children-looked-after,Q1 2019/20,,66\n";
    let errors = import_figures(&demo, two).expect_err("two different figures");
    assert_eq!((errors[0].row, errors[0].column), (3, Some("england")));
    assert!(
        errors[0]
            .message
            .contains("row 2 already gives children-looked-after"),
        "{}",
        errors[0]
    );
}

#[test]
fn export_then_import_changes_nothing() {
    let demo = Snapshot::demo();
    let imported = import_figures(&demo, &export_figures(&demo)).expect("reads");
    assert_eq!(imported.changes, vec![]);
    assert_eq!(imported.snapshot, demo);
}

#[test]
fn a_new_quarter_from_excel_is_previewed_as_changes() {
    let demo = Snapshot::demo();
    let csv = "period,indicator_id,value,numerator\n\
               Q2 2019/20,children-looked-after,86.8,\"2,150\"\n\
               Q1 2019/20,children-looked-after,84.6,2096\n\
               Q2 2019/20,re-referrals,19.9%,\n";
    let imported = import_figures(&demo, csv).expect("reads");
    let shown: Vec<(String, Option<String>, String)> = imported
        .changes
        .iter()
        .map(|c| {
            (
                format!("{} {}", c.indicator_id, c.period),
                c.before.clone(),
                c.after.clone(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "children-looked-after Q2 2019/20".to_owned(),
                None,
                "2,150 / 86.8".to_owned()
            ),
            (
                "re-referrals Q2 2019/20".to_owned(),
                None,
                "19.9%".to_owned()
            ),
        ]
    );
    assert_eq!(crate::file::validate::validate(&imported.snapshot), vec![]);
}

#[test]
fn every_bad_row_is_named_by_row_and_column_and_nothing_is_applied() {
    let demo = Snapshot::demo();
    let csv = "indicator_id,period,value,numerator\n\
               children-looked-after,Q2 2019/20,86.8,2150\n\
               nobody,Q2 2019/20,1,\n\
               children-looked-after,Q9 2019/20,1,\n\
               re-referrals,Q2 2019/20,lots,\n\
               re-referrals,Q3 2019/20,120,\n\
               contacts,Q2 2019/20,9000,many\n\
               children-looked-after,Q2 2019/20,87,\n";
    let errors = import_figures(&demo, csv).expect_err("six faults");
    let places: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
        .collect();
    assert_eq!(
        places,
        [
            "3:indicator_id",
            "4:period",
            "5:value",
            "6:value",
            "7:numerator",
            "8:period"
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "Row 3, column indicator_id: there is no indicator with the id \u{201c}nobody\u{201d}; to add indicators from a file, bring it in on the Data page's \u{201c}Bring in your council's spreadsheets\u{201d}"
    );
    assert_eq!(
        errors[5].message,
        "row 2 already gives children-looked-after for Q2 2019/20"
    );
}

#[test]
fn a_file_without_the_needed_columns_says_which() {
    let demo = Snapshot::demo();
    let errors = import_figures(&demo, "id,when,figure\nx,y,z\n").expect_err("no columns");
    assert_eq!(
        errors[0].to_string(),
        "Row 1: the header row has no column named indicator_id or period or value"
    );
    assert_eq!(import_figures(&demo, "").expect_err("empty")[0].row, 1);
}

fn indicator<'a>(snapshot: &'a Snapshot, id: &str) -> &'a Indicator {
    snapshot
        .indicators
        .iter()
        .find(|i| i.id == id)
        .expect("a demo indicator")
}

fn shown(changes: &[Change]) -> Vec<(String, String, Option<String>, String)> {
    changes
        .iter()
        .map(|c| {
            (
                c.indicator_id.clone(),
                c.period.clone(),
                c.before.clone(),
                c.after.clone(),
            )
        })
        .collect()
}

#[test]
fn a_file_with_only_the_england_column_filled_adds_that_comparator() {
    let demo = Snapshot::demo();
    // Each comparator with its own period, or none stated.
    let csv = "indicator_id,period,value,england,england_period\n\
               repeat-child-protection,2018/19,,5.9%,2018/19\n\
               repeat-child-protection,,,6.0,\n";
    let imported = import_figures(&demo, csv).expect("reads");
    assert_eq!(
        shown(&imported.changes),
        [
            (
                "repeat-child-protection".to_owned(),
                "England average (2018/19)".to_owned(),
                None,
                "5.9%".to_owned()
            ),
            (
                "repeat-child-protection".to_owned(),
                "England average (period not stated)".to_owned(),
                None,
                "6.0%".to_owned()
            ),
        ]
    );
    assert!(imported
        .changes
        .iter()
        .all(|c| c.comparator == Some(ComparatorKind::England)));
    assert_eq!(imported.counted(), "2 comparators");
    let held = &indicator(&imported.snapshot, "repeat-child-protection").comparators;
    assert_eq!(held.len(), 2);
    assert_eq!(held[0].period, Some("2018/19".parse().expect("year")));
    assert_eq!(held[0].value, Value::figure(5.9, 1));
    assert_eq!((held[1].period, held[1].source.as_deref()), (None, None));
    let before = indicator(&demo, "repeat-child-protection");
    let after = indicator(&imported.snapshot, "repeat-child-protection");
    assert_eq!(
        after.values, before.values,
        "an empty value leaves the figure"
    );
    assert_eq!(crate::file::validate::validate(&imported.snapshot), vec![]);
}

#[test]
fn the_period_columns_give_each_comparator_its_own_period_and_name() {
    let demo = Snapshot::demo();
    let csv = "indicator_id,period,value,england,england_period,region,region_name,region_period\n\
               permanent-exclusions,2018/19,0.20%,0.11,2018/19,0.14,North West,Apr 18 - Mar 19\n\
               repeat-child-protection,Q1 2019/20,,,,5.1%,,\n";
    let imported = import_figures(&demo, csv).expect("reads");
    assert_eq!(
        shown(&imported.changes),
        [
            (
                "permanent-exclusions".to_owned(),
                "2018/19".to_owned(),
                None,
                "0.20%".to_owned()
            ),
            (
                "permanent-exclusions".to_owned(),
                "England average (2018/19)".to_owned(),
                None,
                "0.11%".to_owned()
            ),
            (
                "permanent-exclusions".to_owned(),
                "North West average (Apr 18 - Mar 19)".to_owned(),
                None,
                "0.14%".to_owned()
            ),
            (
                "repeat-child-protection".to_owned(),
                "Regional average (period not stated)".to_owned(),
                None,
                "5.1%".to_owned()
            ),
        ]
    );
    assert_eq!(imported.counted(), "1 figure and 3 comparators");
    let region = indicator(&imported.snapshot, "repeat-child-protection")
        .comparator(ComparatorKind::Region)
        .expect("added");
    assert_eq!(
        (region.name.as_deref(), region.period),
        (None, None),
        "an empty region_name and an empty region_period state neither"
    );
    // Without a region_name column, a new region takes the name the
    // other indicators use; without a period column, the row's period.
    let csv = "indicator_id,period,value,region\nrepeat-child-protection,Q1 2019/20,,5.1%\n";
    let imported = import_figures(&demo, csv).expect("reads");
    let region = indicator(&imported.snapshot, "repeat-child-protection")
        .comparator(ComparatorKind::Region)
        .expect("added");
    assert_eq!(
        (region.name.as_deref(), region.period),
        (
            Some("North West"),
            Some("Q1 2019/20".parse().expect("quarter"))
        )
    );
}

#[test]
fn a_comparator_replaces_the_held_one_of_its_kind_and_period() {
    let demo = Snapshot::demo();
    let csv = "indicator_id,period,value,england,england_period\n\
               permanent-exclusions,2017/18,0.19%,,\n\
               permanent-exclusions,2017/18,,0.12,2017/18\n\
               children-looked-after,,,65.0,\n";
    let imported = import_figures(&demo, csv).expect("a comparator-only row is no repeat");
    assert_eq!(
        shown(&imported.changes),
        [
            (
                "permanent-exclusions".to_owned(),
                "England average (2017/18)".to_owned(),
                Some("0.10%".to_owned()),
                "0.12%".to_owned()
            ),
            (
                "children-looked-after".to_owned(),
                "England average (period not stated)".to_owned(),
                Some("64.0".to_owned()),
                "65.0".to_owned()
            ),
        ]
    );
    let before = indicator(&demo, "permanent-exclusions");
    let after = indicator(&imported.snapshot, "permanent-exclusions");
    assert_eq!(after.comparators.len(), before.comparators.len());
    let replaced = after
        .comparators
        .iter()
        .find(|c| {
            c.kind == ComparatorKind::England && c.period == Some("2017/18".parse().expect("y"))
        })
        .expect("held");
    assert_eq!(
        (replaced.value.number(), replaced.source.as_deref()),
        (Some(0.12), None),
        "typed, so no longer from the pack"
    );
    assert_eq!(
        after.comparators[0], before.comparators[0],
        "the 2016/17 average is untouched"
    );
    // Of two England averages with no period, the later is replaced.
    let cla = indicator(&imported.snapshot, "children-looked-after");
    let england: Vec<Option<f64>> = cla
        .comparators
        .iter()
        .filter(|c| c.kind == ComparatorKind::England)
        .map(|c| c.value.number())
        .collect();
    assert_eq!(england, [Some(62.0), Some(65.0)]);
}

#[test]
fn a_bad_comparator_cell_is_refused_by_row_and_column() {
    let demo = Snapshot::demo();
    let csv = "indicator_id,period,value,england,region,region_period\n\
               children-looked-after,Q1 2019/20,,abc,,\n\
               re-referrals,Q1 2019/20,,140,,\n\
               re-referrals,,,,16.0,Q9 2019/20\n\
               contacts,,,,5%,\n\
               contacts,,,9000,,\n";
    let errors = import_figures(&demo, csv).expect_err("four faults");
    let places: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
        .collect();
    assert_eq!(
        places,
        ["2:england", "3:england", "4:region_period", "5:region"]
    );
    assert_eq!(
        errors[0].to_string(),
        "Row 2, column england: \u{201c}abc\u{201d} is not a number"
    );
    assert_eq!(
        errors[1].message,
        "a percentage must be from 0 to 100, not 140"
    );
    assert!(
        errors[2]
            .message
            .starts_with("\u{201c}Q9 2019/20\u{201d} is not a period"),
        "{}",
        errors[2].message
    );
    assert!(
        errors[3].message.contains("not a percentage"),
        "{}",
        errors[3].message
    );
}

#[test]
fn filled_columns_that_are_not_read_are_named() {
    let demo = Snapshot::demo();
    let imported = import_figures(&demo, &export_figures(&demo)).expect("reads");
    assert_eq!(
        imported.not_read,
        ["The columns indicator, service_area, good_is, unit, target, target_rule and tolerance were not read: names, service areas, polarity, units and targets are changed on each indicator's page."]
    );
    // Said even when nothing differs; empty columns are not mentioned.
    let csv = "indicator_id,period,value,unit,notes,comment,,england_period\n\
               contacts,Q1 2019/20,,count,check this,,x,2018/19\n";
    let imported = import_figures(&demo, csv).expect("reads");
    assert_eq!(imported.changes, vec![]);
    assert_eq!(imported.counted(), "no figures");
    assert_eq!(
        imported.not_read,
        [
            "The column unit was not read: units are changed on each indicator's page.",
            "The column england_period was not read: the file has no england column for it to give the period of.",
            "The column \u{201c}notes\u{201d} is not one this file form has, so it was not read.",
            "Column 7 has no heading, so it was not read.",
        ]
    );
    let csv = "indicator_id,period,value,good_is,Notes,Comment\ncontacts,,,H,a,b\n";
    assert_eq!(
        import_figures(&demo, csv).expect("reads").not_read,
        [
            "The column good_is was not read: polarity is changed on each indicator's page.",
            "The columns \u{201c}Notes\u{201d} and \u{201c}Comment\u{201d} are not ones this file form has, so they were not read.",
        ]
    );
    let headless = "indicator_id,period,value,,\ncontacts,,,a,b\n";
    assert_eq!(
        import_figures(&demo, headless).expect("reads").not_read,
        ["Columns 4 and 5 have no heading, so they were not read."]
    );
    let plain = "indicator_id,period,value\ncontacts,Q1 2019/20,9000\n";
    assert_eq!(
        import_figures(&demo, plain).expect("reads").not_read,
        Vec::<String>::new()
    );
}

#[test]
fn what_the_page_says_about_a_file_is_worded_here() {
    let demo = Snapshot::demo();
    let same = import_figures(&demo, &export_figures(&demo)).expect("our own file");
    assert_eq!(
        unchanged_message("figures.csv", &same),
        "\u{201c}figures.csv\u{201d} holds no figures or comparators that differ from those open now. The columns indicator, service_area, good_is, unit, target, target_rule and tolerance were not read: names, service areas, polarity, units and targets are changed on each indicator's page."
    );
    // A refusal is worded by `file::read::ReadFileError`, the same on every page.
    let faults = import_figures(
        &demo,
        "indicator_id,period,value\nre-referrals,Q2 2019/20,x\n",
    )
    .expect_err("not a number");
    let refused = crate::file::read::ReadFileError::Rows(faults);
    assert_eq!(
        refused.message("a.csv"),
        "Could not open \u{201c}a.csv\u{201d}: 1 row has a problem. Nothing has been changed. Correct the rows in the spreadsheet and choose the file again."
    );
    assert_eq!(refused.faults().len(), 1);
    assert!(
        refused.faults()[0].starts_with("Row 2, column value"),
        "{:?}",
        refused.faults()
    );
}

#[test]
fn a_semicolon_file_as_european_excel_writes_it_is_read() {
    let demo = Snapshot::demo();
    let csv = "\u{feff}indicator_id;period;value;numerator\r\n\
               \r\n\
               children-looked-after;Q2 2019/20;86.8;2150\r\n\
               ;;;\r\n\
               re-referrals;Q2 2019/20;19.9%;\r\n";
    let imported = import_figures(&demo, csv).expect("reads");
    assert_eq!(imported.changes.len(), 2);
    // A comma in a figure could be a decimal comma: refused, not guessed,
    // and each named by its row in the spreadsheet (blank rows count).
    let csv = "indicator_id;period;value;numerator;england\r\n\
               \r\n\
               children-looked-after;Q2 2019/20;86,8;2,150;\r\n\
               re-referrals;Q2 2019/20;19.9;;17,5\r\n";
    let errors = import_figures(&demo, csv).expect_err("decimal commas");
    let places: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
        .collect();
    assert_eq!(places, ["3:value", "3:numerator", "4:england"]);
    assert_eq!(
        errors[0].to_string(),
        "Row 3, column value: \u{201c}86,8\u{201d} has a comma, and in a file separated by semicolons that may be a decimal comma: write the figure with a decimal point (12.5) and no thousands commas, or save the file from Excel as \u{201c}CSV UTF-8 (Comma delimited)\u{201d}"
    );
}

#[test]
fn rows_are_named_as_the_spreadsheet_numbers_them_past_blank_lines() {
    let demo = Snapshot::demo();
    let csv = "\n\
               indicator_id,period,value\n\
               \n\
               ,,\n\
               re-referrals,Q2 2019/20,\"many\nlines\"\n\
               nobody,Q2 2019/20,1\n";
    let errors = import_figures(&demo, csv).expect_err("faults");
    let places: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}", e.row, e.column.unwrap_or("-")))
        .collect();
    assert_eq!(places, ["5:value", "6:indicator_id"]);
    let errors = import_figures(&demo, "\n\nid,when\n").expect_err("no columns");
    assert_eq!(errors[0].row, 3, "the header's own row");
}

#[test]
fn hostile_names_from_an_imported_file_cannot_run_in_a_spreadsheet() {
    let mut snapshot = Snapshot::demo();
    let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"Open\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ];
    for (indicator, name) in snapshot.indicators.iter_mut().zip(hostile) {
        indicator.name = name.to_owned();
    }
    let text = export_figures(&snapshot);
    let raw = crate::file::csv::cells_as_a_spreadsheet_reads_them(&text);
    let live: Vec<&String> = raw
        .iter()
        .filter(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r']) && c.parse::<f64>().is_err())
        .collect();
    assert!(live.is_empty(), "cells a spreadsheet would run: {live:?}");
    for name in hostile {
        assert!(
            raw.contains(&format!("'{name}")),
            "{name} is written, made inert"
        );
    }
    // Brought back in, the figures are the same, and the names as they were.
    let rows = parse_rows(&text).expect("our own CSV reads");
    let name_column = rows[0]
        .iter()
        .position(|h| h == "indicator")
        .expect("a name column");
    for name in hostile {
        assert!(
            rows.iter().any(|r| r[name_column] == name),
            "{name} reads back"
        );
    }
    let imported = import_figures(&snapshot, &text).expect("reads");
    assert_eq!(imported.snapshot, snapshot);
}

#[test]
fn figures_with_more_places_than_printed_write_out_and_read_back_unchanged() {
    let mut snapshot = Snapshot::demo();
    let percent = snapshot
        .indicators
        .iter()
        .position(|i| i.unit == crate::domain::value::Unit::Percent && !i.values.is_empty())
        .expect("a percentage with figures");
    snapshot.indicators[percent].values[0].value = Value::Figure {
        value: 0.04,
        decimals: 1,
        numerator: Some(1.89),
        denominator: None,
    };
    let text = export_figures(&snapshot);
    let imported = import_figures(&snapshot, &text).expect("reads");
    assert_eq!(imported.changes, vec![], "nothing changed");
}
