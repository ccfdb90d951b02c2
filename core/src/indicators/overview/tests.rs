//! The overview's tests: ratings, direction, filters and tables on the demo.

use super::*;
use crate::domain::indicator::RagOverride;
use crate::domain::rag::{Target, TargetRule};

pub(super) fn period(label: &str) -> Period {
    label.parse().expect("period")
}

pub(super) fn demo() -> Snapshot {
    Snapshot::demo()
}

pub(super) fn ind<'a>(s: &'a Snapshot, id: &str) -> &'a Indicator {
    s.indicators.iter().find(|i| i.id == id).expect(id)
}

#[test]
fn the_picker_offers_quarters_and_years_latest_first_and_defaults_to_the_latest_quarter() {
    let s = demo();
    let periods: Vec<String> = reporting_periods(&s)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        &periods[..4],
        ["Q1 2019/20", "Q4 2018/19", "2018/19", "Q3 2018/19"]
    );
    assert!(periods.contains(&"2016/17".to_owned()));
    assert!(
        !periods.iter().any(|p| p.contains(" - ")),
        "rolling years are not report periods"
    );
    assert_eq!(default_period(&s), Some(period("Q1 2019/20")));
}

#[test]
fn each_period_is_offered_once_in_timeline_order_as_sorting_every_figure_s_period_gives() {
    let mut s = demo();
    // Figures in another order: every indicator's in reverse, and the
    // indicators too.
    s.indicators.reverse();
    for i in s.indicators.iter_mut() {
        i.values.reverse();
    }
    // Every figure's period, sorted, with repeats dropped after: how the
    // periods were worked out before they were made distinct first.
    let mut every: Vec<Period> = s
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|o| o.period))
        .filter(|p| matches!(p.kind(), PeriodKind::Quarter | PeriodKind::FinancialYear))
        .collect();
    crate::sort::by(&mut every, |a, b| b.timeline_cmp(a));
    every.dedup();
    let periods = reporting_periods(&s);
    assert_eq!(periods, every);
    assert_eq!(periods, reporting_periods(&demo()));
    assert!(periods.len() >= 10, "{periods:?}");
    assert_eq!(
        super::distinct(
            [
                period("Q1 2019/20"),
                period("2018/19"),
                period("Q1 2019/20")
            ]
            .into_iter()
        ),
        [period("Q1 2019/20"), period("2018/19")],
        "the first met kept, in the order met"
    );
    assert_eq!(default_among(&periods), default_period(&s));
    assert_eq!(
        default_among(&[period("2018/19"), period("2017/18")]),
        Some(period("2018/19")),
        "with no quarter, the latest year"
    );
    assert_eq!(default_among(&[]), None);
}

#[test]
fn direction_compares_like_with_like_as_the_indicator_says() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    // Referrals: Q1 2019/20 (111.2) after Q4 2018/19 (129.0), lower is better.
    let referrals = ind(&s, "referrals");
    assert_eq!(
        earlier_figure(referrals, &q1).map(|o| o.period),
        Some(period("Q4 2018/19"))
    );
    assert_eq!(direction_at(referrals, &q1), Some(Direction::Improving));
    // Library visits are seasonal: Q1 2019/20 (871,039) against Q1 2018/19 (879,387).
    let visits = ind(&s, "library-visits");
    assert_eq!(
        earlier_figure(visits, &q1).map(|o| o.period),
        Some(period("Q1 2018/19"))
    );
    assert_eq!(travel(visits, &q1), Travel::Worsening);
    // A year is compared with the year before, never with a quarter.
    let y = period("2018/19");
    assert_eq!(
        earlier_figure(referrals, &y).map(|o| o.period),
        Some(period("2017/18"))
    );
    // Contacts are context only.
    assert_eq!(
        travel(ind(&s, "contacts"), &period("Q1 2018/19")),
        Travel::NotComparable
    );
}

#[test]
fn standings_use_the_figure_target_then_the_indicator_target_and_overrides_win() {
    let s = demo();
    // Street lighting, target 5 days (lower is better): 4.79 in Q1 2019/20 is green.
    let lighting = ind(&s, "street-lighting-repair-days");
    assert_eq!(standing(lighting, &period("Q1 2019/20")), Standing::Green);
    // 6.34 in Q4 2018/19: performance 2 - 6.34/5 = 73%, beyond a 5-point tolerance: red.
    assert_eq!(standing(lighting, &period("Q4 2018/19")), Standing::Red);
    // Payment by results: 2,409 against the Q1 2018/19 target of 2,447 is 98.4%: amber.
    let claims = ind(&s, "payment-by-results-claims");
    assert_eq!(standing(claims, &period("Q1 2018/19")), Standing::Amber);
    assert_eq!(standing(claims, &period("Q2 2018/19")), Standing::NoTarget);
    assert_eq!(
        standing(ind(&s, "children-in-need"), &period("2018/19")),
        Standing::Missing
    );
    assert_eq!(
        standing(ind(&s, "first-time-entrants"), &period("Q1 2019/20")),
        Standing::Missing
    );

    let mut obs = claims.value_for(&period("Q1 2018/19")).expect("Q1").clone();
    obs.rag_override = Some(RagOverride {
        rag: Rag::Green,
        reason: "Claim window closed after quarter end".into(),
    });
    let cell = rate_observation(claims, &obs);
    assert_eq!(cell.rag(), Some(Rag::Green));
    assert_eq!(
        cell.override_reason.as_deref(),
        Some("Claim window closed after quarter end")
    );
}

#[test]
fn worse_than_england_follows_polarity() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    assert_eq!(
        worse_than_england(ind(&s, "children-looked-after"), &q1),
        Some(true),
        "84.6 vs 64.0, low is good"
    );
    assert_eq!(
        worse_than_england(ind(&s, "direct-payments"), &q1),
        Some(false),
        "31.3% vs 28.5%, high is good"
    );
    assert_eq!(
        worse_than_england(ind(&s, "children-in-need"), &q1),
        None,
        "no England figure"
    );
}

#[test]
fn the_tally_counts_every_indicator_once() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    let tally = Tally::of(&s.indicators, &q1);
    assert_eq!(tally.standings.iter().sum::<usize>(), s.indicators.len());
    assert_eq!(tally.travels.iter().sum::<usize>(), s.indicators.len());
    // Targets in the demo for Q1 2019/20: the four defect measures, street lighting and claims.
    assert_eq!(
        tally.standing(Standing::Green)
            + tally.standing(Standing::Amber)
            + tally.standing(Standing::Red),
        6
    );
    let adoptions = Tally::of(
        s.indicators
            .iter()
            .filter(|i| i.service_area == "adoptions"),
        &q1,
    );
    assert_eq!(
        adoptions.travel(Travel::Worsening),
        2,
        "546 after 395 days, 204 after 90"
    );
}

#[test]
fn filters_round_trip_through_the_address_and_select_indicators() {
    let filter = Filter {
        period: Some(period("Q1 2019/20")),
        area: Some("childrens-social-care".into()),
        standing: None,
        travel: Some(Travel::Worsening),
        signal: None,
        assurance: None,
        worse_than_england: true,
        text: "plan & care".into(),
    };
    let query = filter.to_query();
    assert_eq!(
        query,
        "period=Q1%202019%2F20&area=childrens-social-care&travel=worsening&england=worse&q=plan%20%26%20care"
    );
    let (_, pairs) = crate::route::split_query(&format!("#/indicators?{query}"));
    assert_eq!(Filter::from_query(&pairs), filter);
    assert_eq!(Filter::default().to_query(), "");

    let s = demo();
    let q1 = period("Q1 2019/20");
    let worse = Filter {
        area: Some("childrens-social-care".into()),
        worse_than_england: true,
        ..Filter::default()
    };
    let ids: Vec<&str> = s
        .indicators
        .iter()
        .filter(|i| worse.matches(i, &q1))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["child-protection-plans", "children-looked-after"]);
    let search = Filter {
        text: "ADOPTIVE".into(),
        ..Filter::default()
    };
    assert_eq!(
        s.indicators
            .iter()
            .filter(|i| search.matches(i, &q1))
            .count(),
        2
    );
}

#[test]
fn what_a_link_gets_wrong_is_named() {
    let (_, pairs) = crate::route::split_query(
        "#/indicators?period=Q9%202019%2F20&rag=purple&travel=worsening&colour=red&q=care",
    );
    assert_eq!(
        Filter::unread(&pairs),
        [
            "period \u{201c}Q9 2019/20\u{201d}",
            "rag \u{201c}purple\u{201d}",
            "colour \u{201c}red\u{201d}"
        ]
    );
    let good = Filter {
        travel: Some(Travel::Improving),
        ..Filter::default()
    }
    .to_query();
    let (_, pairs) = crate::route::split_query(&format!("#/indicators?{good}"));
    assert_eq!(Filter::unread(&pairs), Vec::<String>::new());
    let demo = Snapshot::demo();
    assert_eq!(
        Filter::link_problem(&reporting_periods(&demo), &pairs),
        None
    );
    let (_, empty_period) = crate::route::split_query("#/indicators?period=Q4%202030%2F31");
    assert_eq!(
        Filter::link_problem(&reporting_periods(&demo), &empty_period).as_deref(),
        Some("No indicator has a figure for Q4 2030/31: choose another reporting period.")
    );
}

#[test]
fn a_goal_post_target_rates_context_measures_too() {
    let s = demo();
    let mut contacts = ind(&s, "contacts").clone();
    contacts.target = Some(Target {
        value: 9_000.0,
        rule: TargetRule::GoalPost {
            green_within: 5.0,
            amber_within: 10.0,
        },
    });
    // 9,453 is 5.03% above 9,000: amber.
    assert_eq!(standing(&contacts, &period("Q1 2018/19")), Standing::Amber);
}

#[test]
fn the_counts_ignore_the_standing_and_direction_filters_but_not_the_rest() {
    let s = demo();
    let q1 = period("Q1 2019/20");
    let all = Tally::of(&s.indicators, &q1);
    let red = Filter::for_period(q1)
        .toggle_standing(Standing::Red, q1)
        .toggle_travel(Travel::Worsening, q1);
    assert_eq!(Tally::for_filter(&s, &red, &q1), all);
    let adoptions = Filter {
        area: Some("adoptions".into()),
        ..red
    };
    let expected = Tally::of(
        s.indicators
            .iter()
            .filter(|i| i.service_area == "adoptions"),
        &q1,
    );
    assert_eq!(Tally::for_filter(&s, &adoptions, &q1), expected);
    assert_ne!(expected, all);
}

/// The demo with one more indicator (good is low) of sixteen quarters,
/// Q1 2015/16 to Q4 2018/19: twelve steady, then four far higher, with a
/// target of 5 that the steady figures' limits never reach.
fn with_a_shift() -> (Snapshot, Indicator) {
    use crate::domain::value::Unit;
    let mut s = demo();
    let figures = [
        10.0, 11.0, 10.0, 12.0, 11.0, 10.0, 11.0, 12.0, 10.0, 11.0, 10.0, 11.0, 20.0, 21.0, 22.0,
        23.0,
    ];
    let mut i = Indicator::new(
        "waits",
        &s.service_areas[0].id,
        "Average wait",
        Unit::Days,
        Polarity::Low,
    );
    i.target = Some(Target {
        value: 5.0,
        rule: TargetRule::Directional { amber_within: 5.0 },
    });
    i.values = crate::spc::tests::quarterly_figures(&figures);
    s.indicators.push(i.clone());
    (s, i)
}

#[test]
fn the_overview_says_whether_a_change_is_real_as_it_stood_at_the_period_chosen() {
    let (s, waits) = with_a_shift();
    let last = period("Q4 2018/19");
    let steady = period("Q4 2017/18");
    assert_eq!(
        signal_at(&waits, &last),
        (Signal::Concerning, Some(Assurance::Fail)),
        "far above the limits, good is low; a target below every limit"
    );
    assert_eq!(
        signal_at(&waits, &steady),
        (Signal::Common, Some(Assurance::Fail)),
        "at the twelfth quarter: ordinary variation, a target below every limit"
    );
    assert_eq!(
        signal_at(&waits, &period("Q3 2017/18")).0,
        Signal::TooFew,
        "eleven quarters are too few"
    );
    assert_eq!(
        signal_at(ind(&s, "children-looked-after"), &period("Q1 2019/20")).0,
        Signal::TooFew
    );

    // The counts and the filter.
    let concerning = Filter {
        signal: Some(Signal::Concerning),
        ..Filter::for_period(last)
    };
    let tables = overview(&s, &concerning, &last);
    let shown: Vec<&str> = tables
        .iter()
        .flat_map(|t| t.rows.iter().map(|r| r.id.as_str()))
        .collect();
    assert_eq!(shown, ["waits"]);
    assert_eq!(tables[0].rows[0].signal, Signal::Concerning);
    let tally = Tally::for_filter(&s, &concerning, &last);
    assert_eq!(
        tally.signal(Signal::Concerning),
        1,
        "counts ignore the filter"
    );
    assert_eq!(
        tally.signal(Signal::TooFew),
        s.indicators.len() - 1,
        "every demo indicator has too few quarters"
    );
    let failing = Filter {
        assurance: Some(Assurance::Fail),
        ..Filter::for_period(steady)
    };
    assert_eq!(failing.to_query(), "period=Q4%202017%2F18&assurance=fail");
    assert_eq!(
        Filter::from_query(&[
            ("variation".into(), "concerning".into()),
            ("assurance".into(), "hit-and-miss".into())
        ]),
        Filter {
            signal: Some(Signal::Concerning),
            assurance: Some(Assurance::HitAndMiss),
            ..Filter::default()
        }
    );
    assert_eq!(
        Filter::unread(&[("variation".into(), "worse".into())]).len(),
        1,
        "a variation the overview does not know is said"
    );
    let html = overview(&s, &failing, &steady)[0].rows_html();
    assert!(
        html.contains("<span class=\"spc-tag spc-tag--common\">Common cause</span><br><span class=\"spc-assurance spc-assurance--fail\">Target missed every time</span>"),
        "{html}"
    );
}

#[test]
fn a_change_of_process_starts_the_limits_again() {
    use crate::domain::indicator::Rebasing;
    let (_, mut waits) = with_a_shift();
    waits.rebasings = vec![Rebasing {
        period: period("Q1 2018/19"),
        reason: "Waits now counted from referral".into(),
    }];
    assert_eq!(
        signal_at(&waits, &period("Q4 2018/19")).0,
        Signal::Common,
        "within the new process's own limits, four rising figures are no signal"
    );
}

#[test]
fn the_rehearsal_draws_the_demo_at_every_period_and_nothing_of_an_empty_pack() {
    let demo = Snapshot::demo();
    let periods = reporting_periods(&demo);
    assert!(
        periods.len() > 1,
        "the demo has more than one period to rehearse"
    );
    let at_default = default_period(&demo).expect("a period");
    let default_rows: usize = overview(&demo, &Filter::default(), &at_default)
        .iter()
        .map(|t| t.rows.len())
        .sum();
    let rows = rehearse(&demo);
    // Every period is drawn, not only the one shown first.
    assert!(
        rows > default_rows,
        "{rows} rows against {default_rows} at one period"
    );
    let empty = Snapshot::empty("Anytown", "Pack", demo.as_at);
    assert_eq!(rehearse(&empty), 0);
}

#[test]
fn the_counts_added_up_from_the_tables_are_the_counts_of_every_indicator_judged() {
    let small = crate::file::synthetic::Size {
        indicators: 120,
        quarters: 12,
        risks: 0,
        risk_quarters: 0,
        complaint_years: 0,
    };
    let packs = [demo(), crate::file::synthetic::snapshot(7, small)];
    for s in &packs {
        let area = s.service_areas[1].id.clone();
        let filters = [
            Filter::default(),
            Filter {
                area: Some(area.clone()),
                ..Filter::default()
            },
            Filter {
                text: "0".to_owned(),
                worse_than_england: true,
                ..Filter::default()
            },
            // The counts ignore these; the tables do not.
            Filter {
                standing: Some(Standing::Red),
                ..Filter::default()
            },
            Filter {
                travel: Some(Travel::Improving),
                area: Some(area),
                ..Filter::default()
            },
            Filter {
                signal: Some(Signal::Common),
                ..Filter::default()
            },
        ];
        // The first three are added up from the rows; the rest judged again.
        let from_rows: Vec<bool> = filters
            .iter()
            .map(|f| tables::counted_from_rows(s, f))
            .collect();
        assert_eq!(from_rows, [true, true, true, false, false, false]);
        for period in reporting_periods(s) {
            for filter in &filters {
                let (_, tally) = overview_counted(s, filter, &period);
                assert_eq!(
                    tally,
                    Tally::for_filter(s, filter, &period),
                    "{period} {filter:?}"
                );
            }
        }
    }
}

#[test]
fn an_indicator_in_no_table_is_counted_all_the_same() {
    let q1 = period("Q1 2019/20");
    let all = Filter::default();
    // An indicator whose service area is not held (the file's checks refuse
    // one; data edited elsewhere may hold it), and an area held twice.
    let mut orphan = demo();
    orphan.indicators[0].service_area = "not-held".to_owned();
    let mut twice = demo();
    let first = twice.service_areas[0].clone();
    twice.service_areas.push(first);
    for s in [orphan, twice] {
        assert!(!tables::counted_from_rows(&s, &all));
        let (_, tally) = overview_counted(&s, &all, &q1);
        assert_eq!(tally, Tally::for_filter(&s, &all, &q1));
        assert_eq!(tally.standings.iter().sum::<usize>(), s.indicators.len());
    }
}
