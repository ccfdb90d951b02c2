use super::*;
use crate::file::csv::parse_rows;
use crate::indicators::csv::export_figures;

fn table(text: &str) -> Table {
    Table::csv(
        text.lines()
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect(),
    )
}

fn empty() -> Snapshot {
    Snapshot::empty(
        "Anytown",
        "Pack",
        NaiveDate::from_ymd_opt(2018, 6, 30).expect("a date"),
    )
}

fn plan(snapshot: &Snapshot, t: &Table) -> Plan {
    match plan_indicators(snapshot, t, &vec![]) {
        Ok(plan) => plan,
        Err(Refused::Faults(faults)) => panic!(
            "refused: {:#?}",
            faults.iter().map(ToString::to_string).collect::<Vec<_>>()
        ),
        Err(e) => panic!("refused: {e:?}"),
    }
}

/// An indicator's periods, in the order its figures are held.
fn periods_of(indicator: &Indicator) -> Vec<String> {
    indicator
        .values
        .iter()
        .map(|o| o.period.to_string())
        .collect()
}

fn faults(snapshot: &Snapshot, t: &Table) -> Vec<String> {
    match plan_indicators(snapshot, t, &vec![]) {
        Err(Refused::Faults(faults)) => faults.iter().map(ToString::to_string).collect(),
        other => panic!("expected faults, got {other:?}"),
    }
}

/// What an indicator is, for comparing snapshots made apart: its id, name,
/// area's name, polarity, unit, figures and comparators, in a stable order.
fn described(s: &Snapshot) -> Vec<String> {
    let mut out: Vec<String> = s
        .indicators
        .iter()
        .map(|i| {
            let area = s
                .service_area(&i.service_area)
                .map(|a| a.name.clone())
                .unwrap_or_default();
            let mut values: Vec<String> = i
                .values
                .iter()
                .map(|o| format!("{}={:?}", o.period, o.value))
                .collect();
            values.sort();
            let mut comparators: Vec<String> = i
                .comparators
                .iter()
                .map(|c| {
                    format!(
                        "{:?}/{:?}/{:?}={:?}",
                        c.kind,
                        c.name,
                        c.period.map(|p| p.to_string()),
                        c.value
                    )
                })
                .collect();
            comparators.sort();
            // Two equal comparators (the same figure from two reports) are one.
            comparators.dedup();
            format!(
                "{} | {} | {area} | {:?} | {:?} | {values:?} | {comparators:?}",
                i.id, i.name, i.polarity, i.unit
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_export_brought_into_an_empty_workspace_gives_back_every_indicator_area_and_figure() {
    let mut packs = vec![Snapshot::demo()];
    for seed in 1..=6 {
        packs.push(crate::file::synthetic::snapshot(
            seed,
            crate::file::synthetic::Size {
                indicators: 30,
                quarters: 6,
                risks: 0,
                risk_quarters: 0,
                complaint_years: 0,
            },
        ));
    }
    for pack in packs {
        let rows = parse_rows(&export_figures(&pack)).expect("the export reads");
        let into = Snapshot::empty("", "", pack.as_at);
        let plan = plan(&into, &Table::csv(rows));
        let (got, want) = (described(&plan.snapshot), described(&pack));
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{}", pack.organisation);
        }
        assert_eq!(got.len(), want.len());
        let areas = |s: &Snapshot| {
            let mut names: Vec<String> = s
                .service_areas
                .iter()
                .filter(|a| s.indicators.iter().any(|i| i.service_area == a.id))
                .map(|a| a.name.clone())
                .collect();
            names.sort();
            names
        };
        assert_eq!(areas(&plan.snapshot), areas(&pack));
        assert!(plan.changed.is_empty());
        // And brought in again, it changes nothing.
        let rows = parse_rows(&export_figures(&plan.snapshot)).expect("reads");
        let again = plan_indicators(&plan.snapshot, &Table::csv(rows), &vec![]).expect("again");
        assert!(again.is_empty(), "{:?} {:?}", again.created, again.changed);
    }
}

const SEED_TABLE: &str = "Quarterly performance monitoring report\t\t\t\t\t
\t\t\t\t\t
Performance Measure\tGood is High or Low\t2016/17\t2017/18\tQ1 18/19\tEngland Average
Children's Social Care\t\t\t\t\t
Number of contacts during the year\t-\t31,873\t33,253\t9,453\t-
Percentage of contacts that led to a referral during the year\tH\t32.0%\t32.2%\t37.1%\t-
Number and percentage of referrals that are re-referrals during the year\tL\t1,890/ 19.0%\t1,937/ 19.0%\t660/ 19.5%\t21.9%
Percentage of staff who are experienced social workers (3+ years) (snapshot as at 30 June)\tH\tNew measure\t26.0%\t31.9%\t-
Adoptions\t\t\t\t\t
Average time between a child entering care and moving in with their adoptive family, for children who have been adopted (days)\tL\t489\t426\t386\t520 (2014-17)";

#[test]
fn a_monitoring_report_table_makes_its_areas_indicators_figures_and_comparators() {
    let plan = plan(&empty(), &table(SEED_TABLE));
    assert_eq!(
        plan.created,
        [
            "2 service areas",
            "5 indicators",
            "15 figures",
            "5 comparators"
        ]
    );
    let s = &plan.snapshot;
    let names: Vec<&str> = s.service_areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Children's Social Care", "Adoptions"]);
    let contacts = &s.indicators[0];
    assert_eq!(contacts.name, "Number of contacts during the year");
    assert_eq!(contacts.polarity, Polarity::None);
    let q1: Period = "Q1 2018/19".parse().expect("a quarter");
    assert_eq!(
        contacts
            .value_for(&q1)
            .map(|o| o.value.display(contacts.unit)),
        Some("9,453".to_owned())
    );
    let re = &s.indicators[2];
    assert_eq!(re.unit, Unit::Percent);
    assert_eq!(
        re.value_for(&q1).map(|o| o.value.clone()),
        Some(Value::Figure {
            value: 19.5,
            decimals: 1,
            numerator: Some(660.0),
            denominator: None
        })
    );
    let england = re.comparator(ComparatorKind::England).expect("England");
    assert_eq!(
        (england.period, england.value.display(re.unit)),
        (None, "21.9%".to_owned())
    );
    let staff = &s.indicators[3];
    let first: Period = "2016/17".parse().expect("a year");
    assert_eq!(
        staff.value_for(&first).map(|o| o.value.clone()),
        Some(Value::missing(MissingReason::NewMeasure))
    );
    let adoption = &s.indicators[4];
    assert_eq!(
        s.service_area(&adoption.service_area)
            .map(|a| a.name.as_str()),
        Some("Adoptions")
    );
    let england = adoption
        .comparator(ComparatorKind::England)
        .expect("England");
    assert_eq!(
        england.period.map(|p| p.to_string()),
        Some("2014-17".to_owned())
    );
    // Each heading is shown as printed and as understood.
    assert!(plan
        .understood
        .iter()
        .any(|u| u.printed == "Q1 18/19" && u.place == "Column \u{201c}Q1 18/19\u{201d}"));
    assert!(plan
        .understood
        .iter()
        .any(|u| u.printed == "Adoptions" && u.understood.starts_with("A service area")));
    assert!(
        crate::file::validate::validate(s).is_empty(),
        "{:?}",
        crate::file::validate::validate(s)
    );
}

#[test]
fn a_figure_held_for_a_period_is_a_change_listed_never_a_silent_overwrite() {
    let first = plan(&empty(), &table(SEED_TABLE)).snapshot;
    let changed = SEED_TABLE.replace("9,453", "9,500");
    let plan = plan(&first, &table(&changed));
    assert!(plan.created.is_empty(), "{:?}", plan.created);
    assert_eq!(
        plan.changed,
        [Changed {
            what: "Number of contacts during the year, Q1 2018/19".to_owned(),
            now: "9,453".to_owned(),
            from_file: "9,500".to_owned(),
        }]
    );
}

#[test]
fn the_long_form_creates_indicators_by_name_and_updates_them_by_id() {
    let text = "indicator,service_area,good_is,unit,period,value,target,tolerance
Visits to libraries,Libraries,H,count,2017/18,\"3,573,465\",,
Visits to libraries,Libraries,H,count,Q1 2018/19,\"879,387\",,
Recycling,Waste,H,percentage,2017/18,42,50,5";
    let t = Table::csv(parse_rows(text).expect("reads"));
    let plan = plan(&empty(), &t);
    assert_eq!(
        plan.created,
        ["2 service areas", "2 indicators", "3 figures", "1 target"]
    );
    let ids: Vec<&str> = plan
        .snapshot
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["visits-to-libraries", "recycling"]);
    let recycling = &plan.snapshot.indicators[1];
    assert_eq!(
        recycling.target,
        Some(Target {
            value: 50.0,
            rule: TargetRule::Directional { amber_within: 5.0 }
        })
    );
    let update = "indicator_id,period,value\nrecycling,Q1 2018/19,43\n";
    let next = plan_indicators(
        &plan.snapshot,
        &Table::csv(parse_rows(update).expect("reads")),
        &vec![],
    )
    .expect("an update");
    assert_eq!(next.created, ["1 figure"]);
}

#[test]
fn every_fault_is_named_by_row_and_column_and_nothing_is_applied() {
    let text = "Performance Measure\tGood is\t2017/18\tQ1 18/19
Contacts\tX\t1\t2
Visits\tH\t12,34\t5
\tH\t1\t2";
    let all = faults(&empty(), &table(text));
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0], "Row 2, column \u{201c}Good is\u{201d}: \u{201c}X\u{201d} is not a polarity: write H where a high figure is good, L where a low one is, or - for neither");
    assert!(
        all[1].starts_with(
            "Row 3, column \u{201c}2017/18\u{201d}: \u{201c}12,34\u{201d} is not a figure."
        ),
        "{}",
        all[1]
    );
    assert_eq!(all[2], "Row 4, column \u{201c}Performance Measure\u{201d}: the row has figures but no indicator: give its name");
    // Words that cannot be read are faults for a held indicator too.
    let held = "Performance Measure\tGood is\tUnit\t2017/18\nNumber of contacts during the year\tX\tparsecs\t1";
    assert_eq!(
        faults(&Snapshot::demo(), &table(held)),
        [
            "Row 2, column \u{201c}Good is\u{201d}: \u{201c}X\u{201d} is not a polarity: write H where a high figure is good, L where a low one is, or - for neither",
            "Row 2, column \u{201c}Unit\u{201d}: \u{201c}parsecs\u{201d} is not a unit: use count, number, percentage, rate per 1,000, rate per 10,000, rate per 100,000, days or pounds",
        ]
    );
    let twice = "indicator,period,value\nContacts,2017/18,1\nContacts,2017/18,2\n";
    assert_eq!(
        faults(&empty(), &Table::csv(parse_rows(twice).expect("reads"))),
        ["Row 3, column \u{201c}value\u{201d}: row 2 already gives Contacts a figure for 2017/18"]
    );
    let unknown = "indicator_id,period,value\nnot-held,2017/18,1\n";
    assert_eq!(
        faults(&empty(), &Table::csv(parse_rows(unknown).expect("reads"))),
        ["Row 2, column \u{201c}indicator_id\u{201d}: there is no indicator with the id \u{201c}not-held\u{201d}, and the row gives no name to add it by: give its name in the indicator column"]
    );
}

#[test]
fn a_file_without_the_columns_needed_asks_for_them_by_name() {
    let t = table("Name of PI\tComments\nContacts\tfine");
    let Err(Refused::Columns(ColumnsError::Unmatched { found, missing })) =
        plan_indicators(&empty(), &t, &vec![])
    else {
        panic!("columns are missing");
    };
    let keys: Vec<&str> = missing.iter().map(|m| m.key).collect();
    assert_eq!(keys, ["indicator", "period", "value"]);
    assert_eq!(found.headings, ["Name of PI", "Comments"]);
    // Chosen by hand, the name column is read; the figures are still needed.
    let Err(Refused::Columns(ColumnsError::Unmatched { missing, .. })) =
        plan_indicators(&empty(), &t, &vec![("indicator", 0)])
    else {
        panic!("figures are missing");
    };
    assert_eq!(missing.len(), 2);
}

#[test]
fn the_template_brings_itself_in() {
    let template = indicators_template();
    let t = Table::csv(parse_rows(&template.csv).expect("reads"));
    let plan = plan(&empty(), &t);
    assert_eq!(
        plan.created,
        [
            "1 service area",
            "1 indicator",
            "1 figure",
            "1 comparator",
            "1 target"
        ]
    );
    assert_eq!(template.columns.len(), INDICATOR_COLUMNS.len());
}

#[test]
fn a_report_pasted_whole_repeats_its_headings_with_other_periods_and_bullets_its_names() {
    let text = "Performance Measure\tGood is\t2016/17\t2017/18
Health Checks\t\t\t
Number of NHS Health Checks offered\tH\t75,892\t96,920
\tGood is High or Low\tQ1 2018/19\tEngland Average
Troubled Families Unit\t\t\t
- Number of families attached to the programme\tH\t10,169\tn/a";
    let plan = plan(&empty(), &table(text));
    let s = &plan.snapshot;
    let families = s
        .indicators
        .iter()
        .find(|i| i.name == "Number of families attached to the programme")
        .expect("the bullet is not part of the name");
    let q1: Period = "Q1 2018/19".parse().expect("a quarter");
    assert!(
        families.value_for(&q1).is_some(),
        "the repeated heading's periods are used below it"
    );
    assert_eq!(
        s.service_area(&families.service_area)
            .map(|a| a.name.as_str()),
        Some("Troubled Families Unit")
    );
}

#[test]
fn a_number_and_rate_with_no_base_named_asks_for_a_unit_column_once() {
    let text = "Performance Measure\tGood is\t2016/17\t2017/18
Number and rate of referrals during the year\tL\t9,907/ 403.9\t10,337/ 419.4";
    assert_eq!(
        faults(&empty(), &table(text)),
        ["Row 2, column \u{201c}Performance Measure\u{201d}: \u{201c}9,907/ 403.9\u{201d} is a number and a rate, but neither the indicator's name nor a unit column says what the rate is per: add a unit column giving rate per 1,000, rate per 10,000 or rate per 100,000"]
    );
    let with_unit = "Performance Measure\tGood is\tUnit\t2016/17\nNumber and rate of referrals during the year\tL\trate per 10,000\t9,907/ 403.9";
    let plan = plan(&empty(), &table(with_unit));
    assert_eq!(plan.snapshot.indicators[0].unit, Unit::RatePer10000);
}

#[test]
fn two_columns_of_one_period_that_disagree_are_named() {
    let text = "Performance Indicator\tis: H/L\t2018/19\t2018/19 (full year)
Adults receiving direct payments\tH\t26.5%\t30.4%";
    let all = faults(&empty(), &table(text));
    assert_eq!(
        all,
        ["Row 2, column \u{201c}2018/19 (full year)\u{201d}: the column \u{201c}2018/19\u{201d} already gives Adults receiving direct payments a figure for 2018/19, and a different figure"]
    );
}

#[test]
fn a_figure_its_unit_cannot_hold_is_refused_in_the_long_form_too() {
    let text = "indicator,unit,period,value\nRecycling,percentage,2017/18,150\n";
    let all = faults(&empty(), &Table::csv(parse_rows(text).expect("reads")));
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].starts_with("Row 2, column \u{201c}value\u{201d}: "),
        "{}",
        all[0]
    );
}

#[test]
fn indicators_of_one_name_stay_apart_by_their_ids_and_by_their_areas() {
    let long = "indicator_id,indicator,service_area,period,value
complaints-adults,Number of complaints,Adults,2017/18,540
complaints-children,Number of complaints,Children,2017/18,265";
    let plan = plan(&empty(), &Table::csv(parse_rows(long).expect("reads")));
    assert_eq!(
        plan.created,
        ["2 service areas", "2 indicators", "2 figures"]
    );
    let wide = "Performance Measure\t2017/18
Adults\t
Number of complaints\t540
Children\t
Number of complaints\t265";
    let plan = plan_indicators(&empty(), &table(wide), &vec![]).expect("read");
    assert_eq!(
        plan.created,
        ["2 service areas", "2 indicators", "2 figures"]
    );
    let ids: Vec<&str> = plan
        .snapshot
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["number-of-complaints", "number-of-complaints-2"]);
}

#[test]
fn a_file_of_ids_alone_is_read_row_by_row_never_as_headings() {
    let text = "indicator_id,period,value,england_period\ncontacts,2019/20,\"9,000\",2018/19\nre-referrals,Q2 2019/20,21.0,Q1 2019/20\n";
    let plan = plan(
        &Snapshot::demo(),
        &Table::csv(parse_rows(text).expect("reads")),
    );
    assert_eq!(plan.created, ["2 figures"]);
}

#[test]
fn a_wide_table_names_the_columns_it_does_not_read_and_takes_one_standing_target() {
    let text = "Performance Measure\tGood is\tActual\tTarget\tTarget 2019/20\t2017/18
Recycling\tH\t42\t50%\t55%\t42%
Landfill\tL\t\t-\t\t12%";
    let plan = plan(&empty(), &table(text));
    assert_eq!(
        plan.created,
        ["1 service area", "2 indicators", "2 figures", "1 target"]
    );
    assert_eq!(
        plan.snapshot.indicators[0].target.map(|t| t.value),
        Some(50.0)
    );
    assert_eq!(
        plan.snapshot.indicators[1].target, None,
        "\"-\" is no target"
    );
    assert!(
        plan.not_read
            .iter()
            .any(|l| l.contains("\u{201c}Actual\u{201d}")
                && l.contains("\u{201c}Target 2019/20\u{201d}")),
        "{:?}",
        plan.not_read
    );
}

#[test]
fn quarters_and_months_without_a_year_take_the_year_the_title_names() {
    let text = "Quarterly performance report 2018/19\t\t\t\t
Performance Measure\tQ1 (Apr-Jun)\tQuarter 2\tQ3 Actual\t2017/18 Outturn
Contacts\t9,453\t9,870\t9,100\t33,253";
    let plan = plan(&empty(), &table(text));
    let periods = periods_of(&plan.snapshot.indicators[0]);
    assert_eq!(
        periods,
        ["Q1 2018/19", "Q2 2018/19", "Q3 2018/19", "2017/18"]
    );
    assert!(plan.understood.iter().any(|u| u.printed == "Quarter 2"
        && u.understood
            .ends_with("its year from the title above the table")));
    let monthly = "Performance 2018-19\t\t
Measure\tApr\tJanuary
Calls\t81%\t79%";
    let months = plan_indicators(&empty(), &table(monthly), &vec![]).expect("read");
    let periods = periods_of(&months.snapshot.indicators[0]);
    assert_eq!(periods, ["April 2018", "January 2019"]);
}

#[test]
fn a_quarter_without_a_year_anywhere_is_refused_saying_how_to_give_it() {
    let text = "Performance Measure\tQ1\tQ2\nContacts\t1\t2";
    let all = faults(&empty(), &table(text));
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[0].starts_with("Row 1, column \u{201c}Q1\u{201d}: The heading \u{201c}Q1\u{201d} cannot be read: it does not say its financial year, and no title above the table names one"), "{}", all[0]);
    let wrong_note = "Report 2018/19\t\nPerformance Measure\tQ1 (Jul-Sep)\nContacts\t1";
    let all = faults(&empty(), &table(wrong_note));
    assert!(
        all[0].contains("does not name the months of quarter 1"),
        "{}",
        all[0]
    );
    // Two years in the title: neither is taken.
    let two = "Report 2017/18 and 2018/19\t\nPerformance Measure\tQ1\nContacts\t1";
    assert_eq!(faults(&empty(), &table(two)).len(), 1);
}

#[test]
fn a_year_over_its_quarters_in_two_heading_rows_gives_each_quarter_its_year() {
    // As a workbook gives a merged "2018/19" over Q1 to Q4: the year in
    // the first cell it spans, the others empty.
    let text = "Performance Measure\tGood is\t2017/18\t2018/19\t\t\t
\t\t\tQ1\tQ2\tQ3\tQ4
Contacts\t-\t33,253\t9,453\t9,870\t9,100\t9,400";
    let plan = plan(&empty(), &table(text));
    let periods = periods_of(&plan.snapshot.indicators[0]);
    assert_eq!(
        periods,
        [
            "2017/18",
            "Q1 2018/19",
            "Q2 2018/19",
            "Q3 2018/19",
            "Q4 2018/19"
        ]
    );
    assert!(plan
        .understood
        .iter()
        .any(|u| u.place == "Rows 1 and 2" && u.printed == "2018/19 over Q1"));
}

#[test]
fn a_directorate_column_files_each_new_area_under_it_or_names_the_area_where_none_is_given() {
    let both = "Directorate,Service,Indicator,2017/18
Education and Children's Services,Adoptions,Adoptions in the year,25
Growth and Environment,Waste,Recycling rate,42%";
    let plan = plan(&empty(), &Table::csv(parse_rows(both).expect("reads")));
    let area = |s: &Snapshot, name: &str| s.service_areas.iter().find(|a| a.name == name).cloned();
    assert_eq!(
        area(&plan.snapshot, "Adoptions").and_then(|a| a.directorate),
        Some("Education and Children's Services".to_owned())
    );
    let only = "Directorate,Indicator,2017/18\nGrowth and Environment,Recycling rate,42%";
    let plan = plan_indicators(
        &empty(),
        &Table::csv(parse_rows(only).expect("reads")),
        &vec![],
    )
    .expect("read");
    let made = area(&plan.snapshot, "Growth and Environment").expect("the directorate is the area");
    assert_eq!(made.directorate, None);
}
