use super::*;
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::risk::Score;

fn demo() -> Snapshot {
    Snapshot::demo()
}

fn period(text: &str) -> Period {
    text.parse().unwrap()
}

fn section<'a>(b: &'a Briefing, key: &str) -> Option<&'a Section> {
    b.sections.iter().find(|s| s.key == key)
}

fn labels(s: &Section) -> Vec<&str> {
    s.points.iter().map(|p| p.label.as_str()).collect()
}

fn ids(s: &Section) -> Vec<&str> {
    s.points
        .iter()
        .map(|p| p.label.split(' ').next().unwrap())
        .collect()
}

/// A demo pack with a waiting time that stood at about 11 days for twelve
/// quarters, then jumped to 20 and more: a real change, and one that is
/// bad, since fewer days are better; its target of 5 days lies below
/// every figure the process gives.
fn with_a_shift() -> Snapshot {
    let mut s = demo();
    let figures = [
        10.0, 11.0, 10.0, 12.0, 11.0, 10.0, 11.0, 12.0, 10.0, 11.0, 10.0, 11.0, 20.0, 21.0, 22.0,
        23.0, 23.0,
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
    s.indicators.push(i);
    s
}

#[test]
fn the_demo_briefing_judges_the_latest_quarter_and_register() {
    let b = briefing(&demo(), None);
    assert_eq!(b.period, Some(period("Q1 2019/20")));
    assert_eq!(b.quarter, Some(period("Q2 2019/20")));
    assert_eq!(b.previous_quarter, Some(period("Q2 2018/19")));
    let keys: Vec<&str> = b.sections.iter().map(|s| s.key).collect();
    assert_eq!(
        keys,
        ["newly-red", "highest", "new-entries", "complaints-checks"]
    );
    assert_eq!(b.summary(), "10 points to ask about in 4 sections.");
    assert_eq!(
        b.scope,
        format!(
            "Judged: indicators at Q1 2019/20, the register at Q2 2019/20 against Q2 2018/19, and complaints at each procedure's latest year. Review dates are checked against the pack's date, {}.",
            crate::dates::long_date(demo().as_at)
        )
    );
    assert_eq!(
        b.clear,
        [
            "Changes that are real, and concerning",
            "Targets the limits say will not be met",
            "Indicator figures that do not add up",
            "Risk scores up since Q2 2018/19",
            "Reviews overdue at the pack's date",
            "Complaints answered in time: a smaller share",
        ]
    );
}

#[test]
fn every_point_links_explains_asks_and_names_its_source() {
    for b in [
        briefing(&demo(), None),
        briefing(&with_a_shift(), None),
        briefing(
            &demo(),
            Some(&Comparison::of(
                &demo(),
                &Snapshot::demo_a_year_earlier(),
                "“Q2 2018.json”",
                false,
            )),
        ),
    ] {
        for s in &b.sections {
            assert!(
                !s.points.is_empty(),
                "{} is listed with nothing in it",
                s.key
            );
            for p in &s.points {
                assert!(p.href.starts_with("#/"), "{p:?}");
                assert!(
                    !matches!(Route::from_hash(&p.href), Route::NotFound { .. }),
                    "{} does not lead anywhere",
                    p.href
                );
                assert!(!p.label.is_empty() && !p.ask.is_empty(), "{p:?}");
                assert!(p.ask.ends_with('?'), "{p:?}");
                assert!(!p.source.is_empty(), "{p:?}");
                if s.key != "since" {
                    assert!(p.why.ends_with('.'), "{p:?}");
                }
            }
        }
    }
}

fn parts(value: f64, decimals: u8, part: f64, whole: f64) -> Value {
    Value::Figure {
        value,
        decimals,
        numerator: Some(part),
        denominator: Some(whole),
    }
}

#[test]
fn newly_red_is_each_indicator_red_now_whose_figure_before_was_not() {
    let s = demo();
    let b = briefing(&s, None);
    let now = period("Q1 2019/20");
    let red = section(&b, "newly-red").unwrap();
    // Worked out here from each figure's own rating.
    let expected: Vec<&Indicator> = s
        .indicators
        .iter()
        .filter(|i| {
            i.value_for(&now)
                .is_some_and(|o| rate_observation(i, o).rag() == Some(Rag::Red))
        })
        .filter(|i| {
            earlier_figure(i, &now).is_some_and(|o| rate_observation(i, o).rag() != Some(Rag::Red))
        })
        .collect();
    assert_eq!(
        labels(red),
        expected.iter().map(|i| i.name.as_str()).collect::<Vec<_>>()
    );
    assert!(!expected.is_empty());
    for (p, i) in red.points.iter().zip(&expected) {
        let figure = i.value_for(&now).unwrap();
        let before = earlier_figure(i, &now).unwrap();
        assert_eq!(p.href, format!("#/indicators/{}", i.id));
        for shown in [
            figure.value.display(i.unit),
            before.value.display(i.unit),
            before.period.to_string(),
        ] {
            assert!(p.why.contains(&shown), "{} lacks {shown}", p.why);
        }
        assert!(
            p.source.starts_with("The Q1 2019/20 figure, from "),
            "{}",
            p.source
        );
    }
    // The demo's one: urgent carriageway defects fell to 88.76% against a
    // target of 95%, from 94.14% rated slightly below.
    assert_eq!(
        red.points[0].why,
        "Requires improvement in Q1 2019/20: 88.76% (target 95.00%). In Q4 2018/19 it was 94.14%, rated Slightly below desired level."
    );
}

#[test]
fn a_figure_red_twice_running_is_not_newly_red() {
    let s = with_a_shift();
    let b = briefing(&s, None);
    assert!(!labels(section(&b, "newly-red").unwrap()).contains(&"Average wait"));
}

#[test]
fn the_highest_band_lists_every_risk_scored_in_it_and_no_other() {
    let s = demo();
    let b = briefing(&s, None);
    let q = period("Q2 2019/20");
    let top = s
        .settings
        .bands_for(EntryKind::Risk)
        .0
        .last()
        .cloned()
        .unwrap();
    let expected: Vec<&str> = s
        .register
        .iter()
        .filter(|e| e.kind == EntryKind::Risk)
        .filter(|e| {
            e.on_register(&q)
                .and_then(|a| a.residual)
                .is_some_and(|r| (top.min..=top.max).contains(&r.value()))
        })
        .map(|e| e.id.as_str())
        .collect();
    let highest = section(&b, "highest").unwrap();
    assert_eq!(ids(highest), expected);
    assert_eq!(ids(highest), ["CR1", "CR4", "CR10"]);
    for p in &highest.points {
        assert_eq!(
            p.why,
            format!(
                "Residual score 16 (Major/Likely), in the highest band ({}).",
                top.name
            )
        );
        assert!(p.href.ends_with("?quarter=Q2%202019%2F20"), "{}", p.href);
    }
    assert_eq!(highest.heading, "Risks in the highest band");
}

#[test]
fn an_appetite_adds_the_risks_above_it() {
    let mut s = demo();
    s.settings.risk_appetite = Some(12);
    let b = briefing(&s, None);
    let q = period("Q2 2019/20");
    let highest = section(&b, "highest").unwrap();
    let above: Vec<&str> = s
        .register
        .iter()
        .filter(|e| e.kind == EntryKind::Risk)
        .filter(|e| {
            e.on_register(&q)
                .and_then(|a| a.residual)
                .is_some_and(|r| r.value() > 12)
        })
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids(highest), above);
    assert_eq!(
        highest.heading,
        "Risks in the highest band or above appetite"
    );
    assert!(highest.points[0]
        .why
        .ends_with("in the highest band (High) and above the council's appetite of 12."));
}

#[test]
fn new_entries_are_those_on_the_register_now_and_not_the_quarter_before() {
    let s = demo();
    let b = briefing(&s, None);
    let (now, before) = (period("Q2 2019/20"), period("Q2 2018/19"));
    let new = section(&b, "new-entries").unwrap();
    let changes = Changes::between(&s, before, now);
    assert_eq!(
        ids(new),
        changes
            .new
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>()
    );
    assert_eq!(ids(new), ["CR4", "CR11", "CR12", "CO3", "CO4"]);
    // Entries are followed by title, since the register renumbers: CR4
    // was "Recruit and retain experienced staff" a year before.
    let titles_before: Vec<&str> = s
        .register
        .iter()
        .filter_map(|e| e.on_register(&before))
        .map(|a| a.title.as_str())
        .collect();
    for id in ids(new) {
        let e = s.register.iter().find(|e| e.id == id).unwrap();
        let a = e.on_register(&now).unwrap();
        assert!(
            !titles_before.contains(&a.title.as_str()),
            "{id} was there before"
        );
        assert!(changes.continuing.iter().all(|c| c.id != id));
    }
    let cr11 = &new.points[1];
    assert!(cr11.why.contains("no residual score given"), "{}", cr11.why);
    assert!(new.points[4]
        .why
        .starts_with("A new opportunity in Q2 2019/20"));
}

#[test]
fn a_residual_score_that_rose_is_listed_with_both_scores() {
    let mut s = demo();
    let (now, before) = (period("Q2 2019/20"), period("Q2 2018/19"));
    let steady = Changes::between(&s, before, now)
        .continuing
        .into_iter()
        .find(|c| {
            c.kind == EntryKind::Risk
                && c.was_title.is_none()
                && c.residual.is_some()
                && c.residual.map(|r| r.value()) == c.was_residual.map(|r| r.value())
        })
        .unwrap();
    let was = steady.was_residual;
    let risen = Score::rated(5, 5).unwrap();
    let entry = s.register.iter_mut().find(|e| e.id == steady.id).unwrap();
    let a = entry
        .assessments
        .iter_mut()
        .find(|a| a.period == now)
        .unwrap();
    a.residual = Some(risen);
    let b = briefing(&s, None);
    let up = section(&b, "scores-up").unwrap();
    assert_eq!(ids(up), [steady.id.as_str()]);
    assert_eq!(
        up.points[0].why,
        format!(
            "Residual score up from {} in Q2 2018/19 to {} in Q2 2019/20.",
            score_text(was, EntryKind::Risk),
            score_text(Some(risen), EntryKind::Risk)
        )
    );
}

#[test]
fn a_review_is_overdue_only_when_its_date_passed_before_the_packs() {
    let mut s = demo();
    let q = period("Q2 2019/20");
    let set = |s: &mut Snapshot, due| {
        let e = s.register.iter_mut().find(|e| e.id == "CR1").unwrap();
        e.assessments
            .iter_mut()
            .find(|a| a.period == q)
            .unwrap()
            .next_review = Some(due);
    };
    let as_at = s.as_at;
    set(&mut s, as_at);
    assert!(section(&briefing(&s, None), "overdue").is_none());
    set(&mut s, as_at.pred_opt().unwrap());
    let b = briefing(&s, None);
    let overdue = section(&b, "overdue").unwrap();
    assert_eq!(ids(overdue), ["CR1"]);
    assert!(overdue.points[0]
        .why
        .starts_with("Its next review was due on "));
}

#[test]
fn timeliness_down_compares_the_share_answered_late_with_the_year_before() {
    let mut s = demo();
    let adult = |s: &mut Snapshot, year: &str| -> usize {
        let y = period(year);
        s.complaints
            .iter()
            .position(|c| c.procedure == Procedure::AdultSocialCare && c.year == y)
            .unwrap()
    };
    let (now, before) = (adult(&mut s, "2018/19"), adult(&mut s, "2017/18"));
    let (late_before, received_before) = (
        s.complaints[before].exceeded_timescale.unwrap(),
        s.complaints[before].received.unwrap(),
    );
    let received = s.complaints[now].received.unwrap();
    // Late in the same share as the year before: not listed.
    s.complaints[now].exceeded_timescale = Some(late_before * received / received_before);
    assert!(section(&briefing(&s, None), "timeliness").is_none());
    s.complaints[now].exceeded_timescale = Some(60);
    let b = briefing(&s, None);
    let late = section(&b, "timeliness").unwrap();
    assert_eq!(labels(late), [Procedure::AdultSocialCare.label()]);
    assert_eq!(
        late.points[0].why,
        format!(
            "Answered beyond the timescale: {} complaints in 2018/19, up from {} in 2017/18.",
            share(60, received),
            share(late_before, received_before)
        )
    );
}

#[test]
fn complaints_checks_are_every_check_of_every_year_held() {
    let s = demo();
    let b = briefing(&s, None);
    let found = section(&b, "complaints-checks").unwrap();
    let expected: usize = s.complaints.iter().map(|c| checks(c).len()).sum();
    assert_eq!(found.points.len(), expected);
    let adult = s
        .complaints
        .iter()
        .find(|c| c.procedure == Procedure::AdultSocialCare && c.year == period("2017/18"))
        .unwrap();
    let (closed, received) = (adult.closed.unwrap(), adult.received.unwrap());
    let p = &found.points[0];
    assert_eq!(p.label, "Adult social care (statutory), 2017/18");
    assert!(
        p.why.starts_with(&format!("{closed} closed plus ")),
        "{}",
        p.why
    );
    assert!(
        p.why
            .ends_with(&format!("but {received} complaints were received.")),
        "{}",
        p.why
    );
}

#[test]
fn a_real_change_for_the_worse_and_a_target_out_of_reach_are_listed_from_the_chart() {
    let s = with_a_shift();
    let b = briefing(&s, None);
    let waits = s.indicators.iter().find(|i| i.id == "waits").unwrap();
    let summary = spc::summary_at(waits, &[], &period("Q1 2019/20"));
    let Spc::Chart(chart) = &summary.spc else {
        panic!("17 figures make a chart")
    };
    let limits = chart.latest().limits;
    let concerning = section(&b, "concerning").unwrap();
    assert_eq!(labels(concerning), ["Average wait"]);
    let why = &concerning.points[0].why;
    assert!(why.starts_with("Special cause: concerning"), "{why}");
    assert!(
        why.contains("the Q1 2019/20 figure, 23.0, is beyond a process limit"),
        "{why}"
    );
    assert!(
        why.contains(&format!("from {:.1} to {:.1}", limits.lower, limits.upper)),
        "{why} against {limits:?}"
    );
    let unreachable = section(&b, "unreachable").unwrap();
    assert_eq!(labels(unreachable), ["Average wait"]);
    assert!(unreachable.points[0]
        .why
        .starts_with("The target of 5.0 lies outside"));
    assert_eq!(
        unreachable.points[0].source,
        "XmR chart of 17 figures, Q1 2015/16 to Q1 2019/20"
    );
}

#[test]
fn a_change_of_process_moves_the_limits_the_briefing_judges_by() {
    let mut s = with_a_shift();
    let waits = s.indicators.iter_mut().find(|i| i.id == "waits").unwrap();
    waits.rebasings.push(crate::domain::indicator::Rebasing {
        period: period("Q1 2018/19"),
        reason: "New booking system".to_owned(),
    });
    let b = briefing(&s, None);
    // Judged against its own new level, the latest figure is ordinary.
    assert!(section(&b, "concerning").is_none_or(|c| !labels(c).contains(&"Average wait")));
}

#[test]
fn a_share_is_checked_against_its_own_count_and_whole() {
    let pct = Unit::Percent;
    assert_eq!(figure_fault(pct, &parts(20.8, 1, 574.0, 2757.0)), None);
    assert_eq!(
        figure_fault(pct, &parts(25.0, 1, 574.0, 2757.0)).as_deref(),
        Some("574 of 2,757 is 20.8%, not the 25.0% given.")
    );
    assert_eq!(
        figure_fault(pct, &parts(100.0, 0, 120.0, 100.0)).as_deref(),
        Some("120 is more than the 100 it is a percentage of.")
    );
    assert!(figure_fault(pct, &parts(0.0, 0, 0.0, 0.0))
        .unwrap()
        .contains("which has nothing to share"));
    // Within one part in a hundred, or rounding to the places shown.
    assert_eq!(figure_fault(pct, &parts(50.4, 1, 50.0, 100.0)), None);
    assert_eq!(figure_fault(pct, &parts(3.0, 0, 5.0, 200.0)), None);
    assert!(figure_fault(pct, &parts(51.0, 1, 50.0, 100.0)).is_some());
    let rate = Unit::RatePer10000;
    assert_eq!(figure_fault(rate, &parts(52.1, 1, 574.0, 110_200.0)), None);
    assert_eq!(
        figure_fault(rate, &parts(60.0, 1, 574.0, 110_200.0)).as_deref(),
        Some("574 in a population of 110,200 gives a rate per 10,000 of 52.1, not the 60.0 given.")
    );
    // A count, or a figure without its parts, has nothing to check.
    assert_eq!(figure_fault(Unit::Count, &parts(9.0, 0, 1.0, 2.0)), None);
    assert_eq!(figure_fault(pct, &Value::figure(250.0, 0)), None);
}

#[test]
fn a_figure_its_parts_do_not_give_is_listed_with_its_period() {
    let mut s = demo();
    assert!(section(&briefing(&s, None), "figures").is_none());
    let i = s
        .indicators
        .iter_mut()
        .find(|i| i.unit == Unit::Percent)
        .unwrap();
    let name = i.name.clone();
    let o = &mut i.values[0];
    let at = o.period;
    o.value = parts(80.0, 1, 30.0, 60.0);
    let b = briefing(&s, None);
    let figures = section(&b, "figures").unwrap();
    assert_eq!(labels(figures), [name.as_str()]);
    assert_eq!(
        figures.points[0].why,
        format!("{at}: 30 of 60 is 50.0%, not the 80.0% given.")
    );
}

#[test]
fn what_changed_since_is_the_comparisons_summary_a_point_a_line() {
    let (now, earlier) = (demo(), Snapshot::demo_a_year_earlier());
    let c = Comparison::of(&now, &earlier, "“Q2 2018.json”", false);
    let b = briefing(&now, Some(&c));
    let since = b.sections.last().unwrap();
    assert_eq!(since.key, "since");
    assert_eq!(since.heading, c.heading());
    assert_eq!(
        labels(since),
        c.summary()
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
    );
    assert!(since.points.iter().all(|p| p.href == "#/compare"));
    // Compared with itself, nothing changed: the check is listed as clear.
    let same = Comparison::of(&now, &now, "“same.json”", false);
    let quiet = briefing(&now, Some(&same));
    assert!(section(&quiet, "since").is_none());
    assert!(quiet.clear.contains(&same.heading()));
}

#[test]
fn an_empty_pack_has_nothing_to_ask_and_says_so() {
    let s = Snapshot::empty("Anyshire", "Pack", demo().as_at);
    let b = briefing(&s, None);
    assert!(b.sections.is_empty());
    assert_eq!(b.period, None);
    assert_eq!(
        b.scope,
        "No indicator figures, register or complaints are held yet."
    );
    assert_eq!(
        b.summary(),
        "Nothing the checks look for needs the committee's attention."
    );
    let one = Briefing {
        sections: vec![Section {
            key: "x",
            heading: "X".to_owned(),
            points: briefing(&demo(), None).sections[0].points.clone(),
        }],
        ..b
    };
    assert_eq!(one.summary(), "1 point to ask about in 1 section.");
}
