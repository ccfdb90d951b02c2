//! Tests of the report's charts, sentences, choice and checks, on the demo.

use super::*;

fn demo() -> Snapshot {
    Snapshot::demo()
}

fn fy(text: &str) -> Period {
    text.parse().expect("a year")
}

fn choose(p: Procedure, y: &str) -> Choice {
    Choice {
        procedure: p,
        year: fy(y),
    }
}

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect()
}

#[test]
fn shares_give_counts_when_the_base_is_small() {
    assert_eq!(share(19, 37), "19 of 37 (51%)");
    assert_eq!(share(7, 15), "7 of 15");
    assert_eq!(share(1_188, 1_188), "1,188 of 1,188 (100%)");
    assert_eq!(percent(11, 540), Some(2));
    assert_eq!(percent(3, 19), None);
}

#[test]
fn changes_read_as_a_councillor_would_say_them() {
    assert_eq!(
        change(479, 540, fy("2016/17"), fy("2017/18")),
        "rose 13% from 479 in 2016/17 to 540 in 2017/18"
    );
    assert_eq!(
        change(93, 87, fy("2016/17"), fy("2017/18")),
        "fell 6% from 93 in 2016/17 to 87 in 2017/18"
    );
    assert_eq!(
        change(12, 15, fy("2016/17"), fy("2017/18")),
        "rose from 12 in 2016/17 to 15 in 2017/18"
    );
    assert_eq!(
        change(5, 5, fy("2016/17"), fy("2017/18")),
        "stayed at 5 in 2016/17 and 2017/18"
    );
}

#[test]
fn the_page_opens_on_adult_social_care_in_its_latest_counted_year() {
    let s = demo();
    let c = Choice::from_query(&s, &[]).expect("a choice");
    assert_eq!(c, choose(Procedure::AdultSocialCare, "2018/19"));
    let asked = Choice::from_query(
        &s,
        &q(&[("procedure", "children_statutory"), ("year", "2017/18")]),
    );
    assert_eq!(asked, Some(choose(Procedure::ChildrenStatutory, "2017/18")));
    // A year not held falls back, and the link says what it ignored.
    let stale = q(&[("year", "2031/32"), ("procedure", "adults")]);
    assert_eq!(Choice::from_query(&s, &stale), Some(c));
    let note = Choice::link_problem(&s, &stale).expect("a note");
    assert!(
        note.contains("year \u{201c}2031/32\u{201d}")
            && note.contains("procedure \u{201c}adults\u{201d}"),
        "{note}"
    );
    assert_eq!(Choice::link_problem(&s, &q(&[("year", "2017/18")])), None);
    assert_eq!(
        procedures(&s),
        Procedure::ALL,
        "the demo holds every procedure"
    );
    assert_eq!(
        Choice::from_query(&Snapshot::empty(&s.organisation, &s.title, s.as_at), &[]),
        None
    );
    assert_eq!(
        choose(Procedure::ChildrenStatutory, "2017/18").href(),
        "#/complaints?procedure=children_statutory&year=2017/18"
    );
}

#[test]
fn the_trend_shows_five_years_and_says_what_moved() {
    let s = demo();
    let f = trend(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    // The years before the first count are left off the chart.
    assert_eq!(f.labels, ["2016/17", "2017/18"]);
    assert_eq!(
        f.series.len(),
        3,
        "corporate has no count before 2018/19; {:?}",
        f.series.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    assert!(
        f.summary.starts_with(
            "Adult social care complaints rose 13% from 479 in 2016/17 to 540 in 2017/18."
        ),
        "{}",
        f.summary
    );
    assert!(
        f.summary.contains(
            "Children's social care complaints rose 20% from 220 in 2016/17 to 265 in 2017/18."
        ),
        "{}",
        f.summary
    );
    assert!(
        f.summary.contains(
            "Children's non-statutory complaints fell 6% from 93 in 2016/17 to 87 in 2017/18."
        ),
        "{}",
        f.summary
    );
    assert_eq!(f.table.rows[1][1], "540");
    assert_eq!(
        received_change(&s, Procedure::AdultSocialCare, fy("2017/18")).as_deref(),
        Some("rose 13% from 479 in 2016/17 to 540 in 2017/18")
    );
    assert_eq!(
        received_change(&s, Procedure::Corporate, fy("2018/19")),
        None
    );
    assert_eq!(
        received_sentence(&s, Procedure::Corporate, fy("2018/19")).as_deref(),
        Some("Corporate: 1,188 complaints in 2018/19, with no figure for the year before to compare.")
    );
    assert_eq!(f.table.rows[0][3], "93");
    let later = trend(&s, &choose(Procedure::AdultSocialCare, "2018/19"));
    assert_eq!(later.labels, ["2016/17", "2017/18", "2018/19"]);
    assert_eq!(
        later.table.rows[2][4], "1,188",
        "corporate has only 2018/19"
    );
    assert_eq!(later.table.rows[0][4], "Not given");
}

#[test]
fn compliments_stand_beside_complaints() {
    let s = demo();
    let f = compliments(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(
        f.summary,
        "In 2017/18 adult social care services received 615 compliments and 540 complaints: more compliments than complaints."
    );
    assert_eq!(
        f.table.head,
        ["Year", "Complaints received", "Compliments received"]
    );
    assert_eq!(f.table.rows[0], ["2016/17", "479", "538"]);
}

#[test]
fn stages_and_outcomes_say_what_the_report_says() {
    let s = demo();
    let st = stages(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
    assert_eq!(
        st.summary,
        "In 2017/18, 150 of 265 (57%) children's social care complaints were settled at stage 0 (early resolution): more than at any other stage."
    );
    assert_eq!(
        st.series
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Stage 0 (early resolution)", "Stage 3"]
    );
    let out = outcomes(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(
        out.summary,
        "Of 425 closed adult social care complaints in 2017/18, 157 (37%) were upheld or partly upheld."
    );
    assert_eq!(
        out.table.head.last().map(String::as_str),
        Some("Closed (the base)")
    );
    let none = outcomes(&s, &choose(Procedure::Corporate, "2018/19"));
    assert!(none.is_empty());
    assert_eq!(
        none.summary,
        "No outcomes are given for corporate complaints in 2018/19."
    );
}

#[test]
fn categories_compare_the_year_with_the_one_before() {
    let s = demo();
    let f = categories(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(
        f.labels,
        [
            "Care Provision",
            "Financial",
            "Assessment",
            "Support Planning"
        ]
    );
    assert_eq!(f.table.head, ["Service or category", "2016/17", "2017/18"]);
    assert_eq!(f.table.rows[0], ["Care Provision", "Not given", "128"]);
    assert_eq!(
        f.summary,
        "Care Provision was the most common subject of adult social care complaints in 2017/18, with 128. Assessment fell 58% from 197 in 2016/17 to 83 in 2017/18."
    );
}

#[test]
fn timeliness_is_a_share_of_complaints_received() {
    let s = demo();
    let f = timeliness(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
    assert_eq!(
        f.summary,
        "In 2017/18, 132 of 265 (50%) children's social care complaints went beyond the 10 working days (up to 20) timescale."
    );
    let last = f.series[0]
        .values
        .last()
        .cloned()
        .flatten()
        .expect("2017/18");
    assert_eq!(last.label, "50%");
    assert_eq!(
        f.table.rows.last().map(|r| r.last().cloned()),
        Some(Some("50%".into()))
    );
    assert_eq!(f.note, None);
}

#[test]
fn a_small_base_shows_counts_with_a_note() {
    let mut s = demo();
    let year = s
        .complaints
        .iter_mut()
        .find(|c| c.procedure == Procedure::ChildrenNonStatutory && c.year == fy("2017/18"))
        .expect("a year");
    year.received = Some(12);
    year.exceeded_timescale = Some(3);
    let f = timeliness(&s, &choose(Procedure::ChildrenNonStatutory, "2017/18"));
    let last = f.series[0]
        .values
        .last()
        .cloned()
        .flatten()
        .expect("2017/18");
    assert_eq!(last.label, "9 of 12");
    assert!(last.label_only, "a small base is printed, not drawn");
    assert!(f
        .note
        .as_deref()
        .is_some_and(|n| n.contains("fewer than 20")));
    assert_eq!(f.summary, "In 2017/18, 3 of 12 children's non-statutory complaints went beyond the 10 working days timescale.");
}

#[test]
fn the_ombudsman_rate_keeps_its_base() {
    let s = demo();
    let f = ombudsman(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(
        f.summary,
        "In 2017/18 the Ombudsman upheld 19 of 37 (51%) adult social care complaints it investigated."
    );
    assert_eq!(
        f.table.rows[0][..3],
        ["2014/15", "Not given", "27"],
        "investigations before any uphold count are kept"
    );
    let row = f.table.rows.last().expect("2017/18");
    assert_eq!(row[5], "51% of 37");
    assert_eq!(
        row[6], "Not given",
        "the report gives the other outcomes as percentages only"
    );
    assert_eq!(row[7], "£630,958.48");
    let children = ombudsman(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
    let row = children.table.rows.last().expect("2017/18");
    assert_eq!(row[6], "2 not upheld, 14 not investigated");
    assert_eq!(row[5], "30% of 23");
    let earlier = ombudsman(&s, &choose(Procedure::AdultSocialCare, "2016/17"));
    assert_eq!(
        earlier.summary,
        "In 2016/17 the Ombudsman investigated 30 adult social care complaints; how many it upheld is not given."
    );
}

#[test]
fn counts_under_the_threshold_are_flagged_and_shares_never_are() {
    let s = demo();
    let children = ombudsman(&s, &choose(Procedure::ChildrenStatutory, "2017/18"));
    let t = &children.table;
    let last = t.rows.len() - 1;
    let column = |name: &str| t.head.iter().position(|h| h == name).expect(name);
    let upheld = column("Upheld or partly upheld");
    let shown: u32 = t.rows[last][upheld].parse().expect("a count");
    // 30% of 23 is 7 upheld: under 10, so small; at a threshold of 7, not.
    assert_eq!(shown, 7);
    assert!(t.is_small(last, upheld, 10));
    assert!(!t.is_small(last, upheld, 7));
    assert!(
        !t.is_small(last, column("Uphold rate"), 1_000),
        "a share is not a count"
    );
    assert!(!t.is_small(last, 0, 1_000), "nor is the year");
    assert!(t.any_small(10));
    assert!(!t.any_small(0), "0 flags none");
    // Every count held in the trend's table is flagged exactly when under 10.
    let trend = trend(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    for (r, row) in trend.table.rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate().skip(1) {
            let count: Option<u32> = text.replace(',', "").parse().ok();
            assert_eq!(
                trend.table.is_small(r, c, 10),
                count.is_some_and(|n| n < 10),
                "{text}"
            );
        }
    }
}

#[test]
fn the_year_at_a_glance_leads_with_four_figures() {
    let s = demo();
    let (headline, more) = glance(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    let shown: Vec<(&str, &str, Option<&str>)> = headline
        .iter()
        .map(|h| (h.label, h.value.as_str(), h.detail.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "Complaints received",
                "540",
                Some("Rose 13% from 479 in 2016/17 to 540 in 2017/18")
            ),
            ("Compliments received", "615", None),
            (
                "Answered beyond the timescale",
                "11",
                Some("2% of 540 received")
            ),
            (
                "Upheld by the Ombudsman",
                "19",
                Some("51% of 37 investigated")
            ),
        ]
    );
    assert!(more.contains(&("Local settlements paid", "£630,958.48".to_owned())));
    assert!(more.contains(&(
        "Compliments by service",
        "Day care provision: 165".to_owned()
    )));
    assert!(more.contains(&("Cost of independent investigations", "£0".to_owned())));
    assert_eq!(more.last().map(|m| m.0), Some("Source"));
    let none = glance(&s, &choose(Procedure::Corporate, "2016/17"));
    assert_eq!(none, (vec![], vec![]));
}

#[test]
fn figures_that_do_not_add_up_are_flagged() {
    let s = demo();
    let adult = find(&s, fy("2017/18"), Procedure::AdultSocialCare).expect("adult 2017/18");
    assert_eq!(
        checks(adult),
        ["425 closed plus 116 still open is 541, but 540 complaints were received."]
    );
    let children = find(&s, fy("2017/18"), Procedure::ChildrenStatutory).expect("children");
    assert!(checks(children).is_empty());
}

#[test]
fn the_addresses_of_the_report_and_its_form_name_the_procedure_and_year() {
    let c = choose(Procedure::ChildrenStatutory, "2017/18");
    assert_eq!(
        c.figures_href(),
        "#/complaints/figures?procedure=children_statutory&year=2017/18"
    );
    assert_eq!(
        add_figures_href(Procedure::Corporate),
        "#/complaints/figures?procedure=corporate"
    );
    assert_eq!(
        report_href(Procedure::AdultSocialCare),
        "#/complaints?procedure=adult_social_care"
    );
    assert_eq!(asked(&q(&[("year", "2017/18")]), "year"), Some("2017/18"));
    assert_eq!(asked(&q(&[("year", "2017/18")]), "procedure"), None);
}

#[test]
fn a_picker_changes_one_part_of_the_choice_where_it_reads() {
    let c = choose(Procedure::AdultSocialCare, "2017/18");
    assert_eq!(
        c.with_procedure_key("corporate"),
        Some(choose(Procedure::Corporate, "2017/18"))
    );
    assert_eq!(c.with_procedure_key("adults"), None);
    assert_eq!(
        c.with_year_text("2016/17"),
        Some(choose(Procedure::AdultSocialCare, "2016/17"))
    );
    assert_eq!(c.with_year_text("last year"), None);
    assert_eq!(c.heading(), "Adult social care (statutory): 2017/18");
    assert_eq!(
        choose(Procedure::Corporate, "2016/17").nothing_held(),
        "No figures are held for corporate in 2016/17."
    );
}

#[test]
fn a_charts_link_finds_its_heading_by_element_id() {
    let s = demo();
    let f = trend(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(f.anchor(), "chart-trend");
}

#[test]
fn stages_categories_and_investigations_beyond_their_whole_are_flagged() {
    let s = demo();
    let mut c = find(&s, fy("2017/18"), Procedure::ChildrenStatutory)
        .expect("children")
        .clone();
    c.received = Some(10);
    c.closed = None;
    c.categories = vec![crate::domain::complaints::LabelledCount {
        label: "Financial".into(),
        count: 11,
    }];
    let o = c.ombudsman.get_or_insert_with(Default::default);
    o.enquiries = Some(1);
    o.investigations = Some(2);
    let found = checks(&c);
    assert!(
        found.contains(
            &"The stages add up to 150, more than the 10 complaints received.".to_owned()
        ),
        "{found:?}"
    );
    assert!(found.contains(&"The services or categories add up to 11, more than the 10 complaints received (one complaint can have more than one).".to_owned()), "{found:?}");
    assert_eq!(
        found.last().map(String::as_str),
        Some("The Ombudsman investigated 2 but received only 1 enquiries.")
    );
}

#[test]
fn categories_without_a_year_before_chart_the_chosen_year_alone() {
    let mut s = demo();
    for c in s
        .complaints
        .iter_mut()
        .filter(|c| c.procedure == Procedure::AdultSocialCare && c.year == fy("2016/17"))
    {
        c.categories.clear();
    }
    let f = categories(&s, &choose(Procedure::AdultSocialCare, "2017/18"));
    assert_eq!(f.table.head, ["Service or category", "2017/18"]);
    assert_eq!(f.series.len(), 1);
    assert_eq!(f.table.rows[0], ["Care Provision", "128"]);
    assert_eq!(
        f.summary,
        "Care Provision was the most common subject of adult social care complaints in 2017/18, with 128."
    );
    let none = categories(&s, &choose(Procedure::AdultSocialCare, "2016/17"));
    assert_eq!(
        none.summary,
        "No services or categories are given for adult social care complaints in 2016/17."
    );
}

#[test]
fn a_small_base_at_a_glance_gives_the_base_without_a_percentage() {
    let mut s = demo();
    let c = s
        .complaints
        .iter_mut()
        .find(|c| c.procedure == Procedure::ChildrenNonStatutory && c.year == fy("2017/18"))
        .expect("a year");
    c.received = Some(15);
    c.exceeded_timescale = Some(4);
    let (headline, _) = glance(&s, &choose(Procedure::ChildrenNonStatutory, "2017/18"));
    let beyond = headline
        .iter()
        .find(|h| h.label == "Answered beyond the timescale")
        .expect("shown");
    assert_eq!(beyond.detail.as_deref(), Some("Of 15 received"));
}
