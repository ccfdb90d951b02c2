//! The overview's tables: their shape, their rows' HTML (ratings in words,
//! small numbers, escaping), each area's counts and the results line.

use super::tests::{demo, ind, period};
use super::*;
use crate::domain::indicator::RagOverride;
use crate::domain::value::{Unit, Value};

#[test]
fn the_overview_is_shaped_like_the_packs_tables() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    let tables = overview(&s, &Filter::default(), &q1);
    assert_eq!(tables.len(), s.service_areas.len());
    let csc = &tables[0];
    assert_eq!(csc.area_name, "Children's Social Care");
    let columns: Vec<String> = csc.columns.iter().map(ToString::to_string).collect();
    assert_eq!(
        columns,
        [
            "Q1 2018/19",
            "Q2 2018/19",
            "Q3 2018/19",
            "Q4 2018/19",
            "2018/19",
            "Q1 2019/20"
        ]
    );
    assert!(csc.show_region && !csc.show_neighbours);
    let cla = csc
        .rows
        .iter()
        .find(|r| r.id == "children-looked-after")
        .expect("CLA");
    assert_eq!(cla.cells[5].text, "2,096 / 84.6");
    assert_eq!(cla.cells[5].standing, Some(Standing::NoTarget));
    assert_eq!(
        cla.cells[4].text, "Not reported",
        "the pack's \"-\" for 2018/19"
    );
    assert_eq!(cla.cells[4].standing, Some(Standing::Missing));
    assert_eq!(cla.england.as_deref(), Some("64.0"));
    assert_eq!(
        cla.travel,
        Travel::Improving,
        "84.6 after 85.9, lower is better"
    );
    assert_eq!(
        cla.trend,
        [Some(81.9), Some(82.8), Some(84.0), Some(85.9), Some(84.6)]
    );

    let yot = tables
        .iter()
        .find(|t| t.area_id == "youth-offending")
        .expect("YOT");
    assert_eq!(
        yot.columns,
        [q1],
        "YOT figures are rolling years, not quarters: only the chosen period's column, empty"
    );
    let fte = &yot.rows[0];
    assert_eq!(fte.cells[0].text, "");
    assert_eq!(
        fte.latest_elsewhere
            .as_ref()
            .map(|(p, v)| (p.to_string(), v.clone())),
        Some(("Jan 18 - Dec 18".to_owned(), "191".to_owned()))
    );
    assert_eq!(fte.england.as_deref(), Some("238 (Jan 18 - Dec 18)"));

    let earlier = overview(&s, &Filter::default(), &period("Q1 2018/19"));
    let cla_then = earlier[0]
        .rows
        .iter()
        .find(|r| r.id == "children-looked-after")
        .expect("CLA");
    assert_eq!(
        cla_then.cells.last().map(|c| c.text.as_str()),
        Some("2,021 / 81.9"),
        "no later column"
    );
}

/// The text of each `<td>` of one row of `html`, without markup.
fn row_cells(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("<tr data-indicator=\"{id}\">"))
        .expect(id);
    let row = &html[start..start + html[start..].find("</tr>").expect("row end")];
    let mut cells = Vec::new();
    for part in row.split("<td").skip(1) {
        let mut text = String::new();
        let mut in_tag = true;
        for c in part.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        cells.push(text);
    }
    cells
}

#[test]
fn rows_html_writes_one_row_per_indicator_with_every_column() {
    let s = demo();
    let tables = overview(&s, &Filter::default(), &period("Q1 2019/20"));
    let csc = &tables[0];
    let html = csc.rows_html();
    assert_eq!(html.matches("<tr ").count(), csc.rows.len());
    assert_eq!(html.matches("</tr>").count(), csc.rows.len());
    assert!(html.contains(
        "<th scope=\"row\" class=\"indicator-name\"><a href=\"#/indicators/children-looked-after\">"
    ));
    let cells = row_cells(&html, "children-looked-after");
    // The chosen period, change since last, variation, trend, good is,
    // five earlier periods, England, North West.
    assert_eq!(
        cells.len(),
        1 + 3 + 1 + (csc.columns.len() - 1) + 2,
        "{cells:?}"
    );
    assert_eq!(csc.shown_columns()[0], period("Q1 2019/20"), "chosen first");
    assert_eq!(
        csc.shown_columns()[1..],
        csc.columns[..csc.columns.len() - 1]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>(),
        "then earlier ones, newest first"
    );
    assert_eq!(cells[0], "2,096 / 84.6", "no target: no rating words");
    assert_eq!(cells[1], "\u{2191} Improving");
    assert_eq!(cells[2], "Too few points", "the demo's quarters are few");
    assert_eq!(cells[3], "", "the sparkline has no text");
    assert_eq!(cells[4], "Low");
    assert_eq!(cells[5], "Not reported", "the period before");
    assert_eq!(cells[cells.len() - 2], "64.0", "England");
    assert!(
        html.contains("<svg class=\"sparkline\" width=\"60\" height=\"20\" viewBox=\"0 0 60 20\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M"),
        "the trend is drawn"
    );
    assert!(html.contains("stroke-width=\"1.5\"></path></svg></td><td>Low</td>"));
}

#[test]
fn a_small_count_is_flagged_in_its_cell_and_the_table_says_what_the_flag_means() {
    let mut s = demo();
    let q1 = period("Q1 2019/20");
    let shown = |s: &Snapshot, id: &str| {
        let table = overview(s, &Filter::default(), &q1)
            .into_iter()
            .find(|t| t.rows.iter().any(|r| r.id == id))
            .expect("its table");
        let cells = row_cells(&table.rows_html(), id);
        (table.small_note(), cells[0].clone())
    };
    let id = s
        .indicators
        .iter()
        .find(|i| {
            i.unit == Unit::Count
                && i.value_for(&q1)
                    .and_then(|o| o.value.number())
                    .is_some_and(|v| v >= 10.0)
        })
        .map(|i| i.id.clone())
        .expect("a count of 10 or more in Q1");
    let (note, before) = shown(&s, &id);
    assert!(!before.contains("small"), "{before}");
    assert_eq!(note, None, "no flag, no note");
    let ind = s.indicators.iter_mut().find(|i| i.id == id).expect(&id);
    ind.set_figure(q1, Value::figure(4.0, 0));
    let (note, after) = shown(&s, &id);
    assert_eq!(note, Some(crate::domain::small::note(10)));
    assert!(
        after.starts_with("4small, a small number: fewer than 10"),
        "the flag, then its words for a screen reader: {after}"
    );
    s.settings.small_numbers = 4;
    let (_, at_threshold) = shown(&s, &id);
    assert!(
        !at_threshold.contains("small"),
        "4 is not under 4: {at_threshold}"
    );
}

#[test]
fn rows_html_gives_ratings_in_words_and_escapes_what_a_file_holds() {
    let mut s = demo();
    let q1 = period("Q1 2019/20");
    let tables = overview(&s, &Filter::default(), &q1);
    let (area, row) = tables
        .iter()
        .find_map(|t| {
            t.rows
                .iter()
                .find(|r| r.standing == Standing::Red)
                .map(|r| (t.area_id.clone(), r.id.clone()))
        })
        .expect("a red indicator");
    let html = overview(&s, &Filter::default(), &q1)
        .into_iter()
        .find(|t| t.area_id == area)
        .expect("area")
        .rows_html();
    let cells = row_cells(&html, &row);
    assert!(
        cells
            .iter()
            .any(|c| c.ends_with("% \u{25a0} Requires improvement")),
        "the shape and the words go with the colour: {cells:?}"
    );

    let hostile = s.indicators.iter_mut().find(|i| i.id == row).expect("row");
    hostile.name = "<img src=x onerror=alert(1)> & \"more\"".to_owned();
    let html = overview(&s, &Filter::default(), &q1)
        .into_iter()
        .find(|t| t.area_id == area)
        .expect("area")
        .rows_html();
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;"));
    assert!(!html.contains("<img"));
}

#[test]
fn each_area_says_its_counts_in_one_line() {
    let s = demo();
    let tables = overview(&s, &Filter::default(), &period("Q1 2019/20"));
    let lines: Vec<(&str, String)> = tables
        .iter()
        .map(|t| (t.area_id.as_str(), t.tally.summary()))
        .collect();
    let find = |id: &str| {
        lines
            .iter()
            .find(|(a, _)| *a == id)
            .map(|(_, l)| l.clone())
            .expect(id)
    };
    assert_eq!(find("adoptions"), "No targets to judge; 2 worsening.");
    assert_eq!(
        find("highways-and-street-lighting"),
        "3 on track, 2 requiring improvement; 4 improving, 1 worsening."
    );
}

#[test]
fn a_filtered_overview_leaves_out_empty_areas() {
    let s = demo();
    let filter = Filter {
        standing: Some(Standing::Red),
        ..Filter::default()
    };
    let tables = overview(&s, &filter, &period("Q1 2019/20"));
    let ids: Vec<&str> = tables
        .iter()
        .flat_map(|t| t.rows.iter().map(|r| r.id.as_str()))
        .collect();
    assert_eq!(ids, ["defects-2-days", "defects-5-days"]);
    assert_eq!(tables.len(), 1);
}

#[test]
fn the_regional_column_is_headed_with_the_comparators_own_region() {
    let mut s = demo();
    for c in s
        .indicators
        .iter_mut()
        .flat_map(|i| i.comparators.iter_mut())
        .filter(|c| c.kind == ComparatorKind::Region)
    {
        c.name = Some("West Midlands".into());
    }
    let tables = overview(&s, &Filter::default(), &period("Q1 2019/20"));
    let csc = &tables[0];
    assert!(csc.show_region);
    assert_eq!(csc.region_name.as_deref(), Some("West Midlands"));
    assert_eq!(csc.region_heading(), "West Midlands average");
    for c in s
        .indicators
        .iter_mut()
        .flat_map(|i| i.comparators.iter_mut())
    {
        c.name = None;
    }
    let unnamed = overview(&s, &Filter::default(), &period("Q1 2019/20"));
    assert_eq!(unnamed[0].region_heading(), "Regional average");
}

#[test]
fn a_rating_set_by_hand_is_worded_with_its_reason_in_one_place() {
    assert_eq!(
        rated_words("Requires improvement", Some("Highest rate since 2017")),
        "Requires improvement (set by hand: Highest rate since 2017)"
    );
    assert_eq!(rated_words("On track", None), "On track");
    let s = demo();
    let claims = ind(&s, "payment-by-results-claims");
    let mut obs = claims.value_for(&period("Q1 2018/19")).expect("Q1").clone();
    assert_eq!(
        rate_observation(claims, &obs).words(),
        Rag::Amber.label(),
        "98.4% of the target"
    );
    obs.rag_override = Some(RagOverride {
        rag: Rag::Green,
        reason: "Claim window closed".into(),
    });
    let by_hand = rate_observation(claims, &obs);
    assert_eq!(
        by_hand.words(),
        format!("{} (set by hand: Claim window closed)", Rag::Green.label())
    );
    let cell = CellView {
        text: "1".into(),
        standing: Some(Standing::Green),
        override_reason: Some("Claim window closed".into()),
        note: None,
        small: None,
        under: 10,
    };
    assert_eq!(cell.rating_words(), by_hand.words());
    let later = claims.value_for(&period("Q2 2018/19")).expect("Q2");
    assert_eq!(rate_observation(claims, later).words(), "No target");
    let context = CellRating {
        rating: Rating::ContextOnly,
        override_reason: None,
    };
    assert_eq!(context.words(), "Context only");
    let missing = CellRating {
        rating: Rating::Missing,
        override_reason: None,
    };
    assert_eq!(missing.words(), "No figure");
}

#[test]
fn the_results_line_counts_the_rows_shown_against_all_held() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    let tables = overview(&s, &Filter::default(), &q1);
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    assert_eq!(
        results_line(&tables, s.indicators.len()),
        format!("Showing {rows} indicators of {}.", s.indicators.len())
    );
    let search = Filter {
        text: "ADOPTIVE".into(),
        ..Filter::default()
    };
    assert_eq!(
        results_line(&overview(&s, &search, &q1), 1412),
        "Showing 2 indicators of 1,412."
    );
    assert_eq!(
        results_line::<AreaTable>(&[], 1),
        "Showing 0 indicators of 1."
    );
}
