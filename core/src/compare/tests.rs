use super::*;
use crate::domain::complaints::Procedure;
use crate::domain::rag::{Polarity, Target};
use crate::domain::value::{Unit, Value};
use crate::file::validate::validate;
use crate::register::filter::entry_href;

fn period(label: &str) -> Period {
    label.parse().expect("a period")
}

fn words(comparison: &Comparison) -> Vec<String> {
    comparison.summary().iter().map(Line::words).collect()
}

/// The demo's indicator `id`, to change in a copy.
fn indicator<'a>(pack: &'a mut Snapshot, id: &str) -> &'a mut Indicator {
    pack.indicators
        .iter_mut()
        .find(|i| i.id == id)
        .expect("the demo's indicator")
}

#[test]
fn a_pack_compared_with_itself_shows_nothing() {
    let demo = Snapshot::demo();
    let comparison = Comparison::of(&demo, &demo, "“same.json”", false);
    assert!(comparison.is_empty(), "{:?}", words(&comparison));
    assert_eq!(comparison.summary(), vec![]);
    let earlier = Snapshot::demo_a_year_earlier();
    assert!(Comparison::of(&earlier, &earlier, "x", false).is_empty());
}

#[test]
fn the_earlier_pack_is_before_whichever_is_open() {
    let (earlier, later) = (Snapshot::demo_a_year_earlier(), Snapshot::demo());
    let opened_later = Comparison::of(&later, &earlier, "“Q2 2018.json”", false);
    let opened_earlier = Comparison::of(&earlier, &later, "“Q1 2019.json”", false);
    assert_eq!(
        opened_later.heading(),
        "Since the pack as at 30 September 2018 (“Q2 2018.json”)"
    );
    assert_eq!(
        opened_earlier.heading(),
        "Since the pack as at 30 September 2018 (the data open now)"
    );
    assert!(opened_later.after.open && !opened_earlier.after.open);
    // The same changes either way round; only the links differ.
    assert_eq!(words(&opened_later), words(&opened_earlier));
}

#[test]
fn the_demo_a_year_earlier_is_a_pack_the_app_opens() {
    let earlier = Snapshot::demo_a_year_earlier();
    assert_eq!(validate(&earlier), vec![]);
    assert_eq!(quarters(&earlier), vec![period("Q2 2018/19")]);
    assert!(earlier
        .indicators
        .iter()
        .flat_map(|i| &i.values)
        .all(|o| o.period.end() <= NaiveDate::from_ymd_opt(2018, 6, 30).expect("date")));
}

#[test]
fn a_year_of_the_demo_reads_as_the_committee_would_ask() {
    let comparison = Comparison::of(
        &Snapshot::demo(),
        &Snapshot::demo_a_year_earlier(),
        "f",
        false,
    );
    let lines = words(&comparison);
    assert_eq!(
        lines[0],
        "As at changed from “30 September 2018” to “30 June 2019”"
    );
    let register = comparison.register.as_ref().expect("both have a register");
    assert_eq!(
        (register.changes.from, register.changes.to),
        (period("Q2 2018/19"), period("Q2 2019/20"))
    );
    // The figures the Q1 2019/20 report added, counted for its quarter.
    let new_in_q1 = comparison
        .indicators
        .new_figures
        .iter()
        .filter(|f| f.period == period("Q1 2019/20"))
        .count();
    assert!(new_in_q1 > 40, "{new_in_q1}");
    let total = comparison.indicators.new_figures.len();
    let new = lines
        .iter()
        .find(|l| l.starts_with(&format!("{total} figures are new: ")))
        .expect("one line for the new figures");
    assert!(
        new.contains(&format!("Q1 2019/20 ({new_in_q1}), ")),
        "{new}"
    );
    // The targets are the same: a figure with more places does not make
    // the same target read as another.
    assert_eq!(comparison.indicators.targets, vec![]);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("1 complaints year added") || l.contains("complaints years added")));
    // The register between the two packs' quarters, as the cover report
    // matches entries: each named by its reference, long titles cut short.
    assert_eq!(register.changes.moved(std::cmp::Ordering::Greater).len(), 0);
    assert!(lines.contains(
        &"2 register scores fell: CR2 from 16 to 12 (Major/Possible); CR9, was CR8, from 16 to 12 (Major/Possible)".to_owned()
    ));
    let new = lines
        .iter()
        .find(|l| l.starts_with("5 entries are new on the register in Q2 2019/20: "))
        .expect("the new entries");
    assert!(
        new.contains("CR4 Increase in demand, including rise in number of contacts and\u{2026}; CR11 Future provision of ICT services;"),
        "{new}"
    );
    assert!(lines.iter().any(|l| l.starts_with(
        "4 entries are no longer on the register: CR9 in Q2 2018/19: Discharge of patients"
    )));
}

#[test]
fn a_revised_figure_gives_both_values_and_sources() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    let id = earlier.indicators[0].id.clone();
    let first = &earlier.indicators[0];
    let observation = first.values.last().expect("a figure").clone();
    let was = observation.value.display(first.unit);
    indicator(&mut later, &id).set_figure(observation.period, Value::figure(40_000.0, 0));
    let comparison = Comparison::of(&earlier, &later, "“revised.json”", false);
    assert_eq!(comparison.indicators.revised.len(), 1);
    let revised = &comparison.indicators.revised[0];
    assert_eq!(revised.period, observation.period);
    assert_eq!(revised.was.as_deref(), Some(was.as_str()));
    assert_eq!(revised.now.as_deref(), Some("40,000"));
    assert_eq!(
        revised.was_source,
        observation
            .source
            .as_ref()
            .and_then(|s| earlier.source(s))
            .map(|s| s.title.clone())
    );
    assert_eq!(
        revised.now_source, None,
        "an officer's figure has no source"
    );
    assert_eq!(
        revised.indicator.route,
        Some(Route::Indicator { id: id.clone() })
    );
    assert_eq!(
        words(&comparison),
        vec![format!(
            "1 figure for {} was revised: {}: {was} to 40,000",
            observation.period, first.name
        )]
    );
}

#[test]
fn the_same_figure_shown_alike_is_not_a_revision() {
    // 0.04 with 1 place or 2 prints as 0.04 either way; 0.5 with 2 does not.
    let earlier = rated_pack(&[]);
    let with = |value: Value| {
        let mut pack = earlier.clone();
        indicator(&mut pack, "test-rated").set_figure(period("Q1 2018/19"), value);
        pack
    };
    let (a, b) = (with(Value::figure(0.04, 1)), with(Value::figure(0.04, 2)));
    assert!(Comparison::of(&a, &b, "f", false)
        .indicators
        .revised
        .is_empty());
    let (a, b) = (with(Value::figure(0.5, 1)), with(Value::figure(0.5, 2)));
    let revised = Comparison::of(&a, &b, "f", false).indicators.revised;
    assert_eq!(
        revised
            .iter()
            .map(|r| (r.was.clone(), r.now.clone()))
            .collect::<Vec<_>>(),
        vec![(Some("0.5%".to_owned()), Some("0.50%".to_owned()))]
    );
}

/// An indicator where more is better, with a target of 50 and figures.
fn rated_pack(figures: &[(&str, f64)]) -> Snapshot {
    let mut pack = Snapshot::demo();
    let mut indicator = Indicator::new(
        "test-rated",
        &pack.service_areas[0].id,
        "Percentage rated",
        Unit::Percent,
        Polarity::High,
    );
    indicator.target = Some(Target {
        value: 50.0,
        rule: TargetRule::Directional { amber_within: 5.0 },
    });
    for (p, v) in figures {
        indicator.set_figure(period(p), Value::figure(*v, 1));
    }
    pack.indicators.push(indicator);
    pack
}

#[test]
fn ratings_at_the_latest_figure_turn_red_recover_and_turn_green() {
    let cases = [
        // (earlier figures, later figures, turn)
        (
            vec![("Q1 2018/19", 55.0)],
            vec![("Q1 2018/19", 55.0), ("Q2 2018/19", 30.0)],
            Some(Turn::NewlyRed),
        ),
        (
            vec![("Q1 2018/19", 30.0)],
            vec![("Q1 2018/19", 30.0), ("Q2 2018/19", 48.0)],
            Some(Turn::Recovered),
        ),
        (
            vec![("Q1 2018/19", 48.0)],
            vec![("Q1 2018/19", 48.0), ("Q2 2018/19", 60.0)],
            Some(Turn::NewlyGreen),
        ),
        (
            vec![("Q1 2018/19", 60.0)],
            vec![("Q1 2018/19", 48.0)],
            Some(Turn::FellToAmber),
        ),
        (vec![], vec![("Q1 2018/19", 48.0)], Some(Turn::NewlyAmber)),
        (
            vec![("Q1 2018/19", 48.0)],
            vec![],
            Some(Turn::NoLongerRated),
        ),
        // Another figure, the same rating: no change of rating.
        (vec![("Q1 2018/19", 55.0)], vec![("Q2 2018/19", 60.0)], None),
    ];
    for (was, now, turn) in cases {
        let comparison = Comparison::of(&rated_pack(&was), &rated_pack(&now), "f", false);
        let found: Vec<Turn> = comparison
            .indicators
            .ratings
            .iter()
            .filter(|r| r.indicator.id == "test-rated")
            .map(|r| r.turn)
            .collect();
        assert_eq!(
            found,
            turn.into_iter().collect::<Vec<_>>(),
            "{was:?} to {now:?}"
        );
    }
    let comparison = Comparison::of(
        &rated_pack(&[("Q1 2018/19", 55.0)]),
        &rated_pack(&[("Q2 2018/19", 30.0)]),
        "f",
        false,
    );
    let change = &comparison.indicators.ratings[0];
    assert_eq!(change.was_text(), "On track/good (Q1 2018/19)");
    assert_eq!(change.now_text(), "Requires improvement (Q2 2018/19)");
    assert_eq!(
        words(&comparison)[0],
        "1 indicator is newly rated “Requires improvement” (red): Percentage rated"
    );
}

#[test]
fn every_change_of_standing_gives_one_turn_or_none() {
    use Standing::*;
    for was in Standing::ALL {
        for now in Standing::ALL {
            let turn = Turn::of(was, now);
            let rated = |s| matches!(s, Green | Amber | Red);
            assert_eq!(
                turn.is_some(),
                was != now && (rated(was) || rated(now)),
                "{was:?} to {now:?}"
            );
        }
    }
}

#[test]
fn figures_new_and_dropped_and_indicators_added_and_removed() {
    let mut earlier = rated_pack(&[("Q1 2018/19", 55.0), ("Q2 2018/19", 56.0)]);
    earlier.as_at = NaiveDate::from_ymd_opt(2018, 9, 30).expect("date");
    let mut later = rated_pack(&[("Q2 2018/19", 56.0), ("Q3 2018/19", 57.0)]);
    let gone = later.indicators.remove(0);
    let mut added = Indicator::new(
        "test-added",
        &gone.service_area,
        "A new measure",
        Unit::Count,
        Polarity::High,
    );
    added.set_figure(period("Q3 2018/19"), Value::figure(3.0, 0));
    later.indicators.push(added);
    let open = later.clone();
    let c = Comparison::of(&open, &earlier, "f", false);
    let i = &c.indicators;
    assert_eq!(
        i.new_figures
            .iter()
            .map(|f| (f.period, f.now.clone()))
            .collect::<Vec<_>>(),
        vec![(period("Q3 2018/19"), Some("57.0%".to_owned()))]
    );
    assert_eq!(
        i.dropped_figures
            .iter()
            .map(|f| (f.period, f.was.clone()))
            .collect::<Vec<_>>(),
        vec![(period("Q1 2018/19"), Some("55.0%".to_owned()))]
    );
    assert_eq!(
        i.added.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["test-added"]
    );
    assert_eq!(
        i.removed.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        [gone.id.as_str()]
    );
    // The removed indicator is not in the data open now: no link.
    assert_eq!(i.removed[0].route, None);
    assert_eq!(
        i.added[0].route,
        Some(Route::Indicator {
            id: "test-added".into()
        })
    );
    let lines = words(&c);
    assert!(
        lines.contains(&"1 figure is new for Q3 2018/19".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"1 figure is no longer in the pack for Q1 2018/19".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"1 indicator was added: A new measure".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&format!(
            "1 indicator is no longer in the pack: {}",
            gone.name
        )),
        "{lines:?}"
    );
}

#[test]
fn a_changed_target_is_listed_with_both() {
    let earlier = rated_pack(&[("Q1 2018/19", 55.0)]);
    let mut later = earlier.clone();
    indicator(&mut later, "test-rated").target = Some(Target {
        value: 60.0,
        rule: TargetRule::GoalPost {
            green_within: 2.0,
            amber_within: 5.0,
        },
    });
    let c = Comparison::of(&earlier, &later, "f", false);
    assert_eq!(c.indicators.targets.len(), 1);
    assert_eq!(
        (
            c.indicators.targets[0].was.as_str(),
            c.indicators.targets[0].now.as_str()
        ),
        (
            "50.0%, amber within 5%",
            "60.0% either way, green within 2%, amber within 5%"
        )
    );
    assert!(words(&c)
        .contains(&"1 target changed: Percentage rated: 50.0%, amber within 5% to 60.0% either way, green within 2%, amber within 5%".to_owned()));
}

#[test]
fn a_summary_line_names_five_items_and_counts_the_rest() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    let q = period("Q1 2019/20");
    let mut changed = 0;
    for i in later.indicators.iter_mut() {
        if let Some(n) = i.value_for(&q).and_then(|o| o.value.number()) {
            i.set_figure(q, Value::figure(n + 1.0, 1));
            changed += 1;
        }
    }
    let lines = Comparison::of(&earlier, &later, "f", false).summary();
    let line = lines
        .iter()
        .find(|l| l.text.contains("revised"))
        .expect("the revised line");
    assert_eq!(line.items.len(), Line::MOST_ITEMS);
    assert_eq!(line.more, changed - Line::MOST_ITEMS);
    assert!(line
        .words()
        .ends_with(&format!(" and {} more", changed - 5)));
    assert!(line
        .text
        .starts_with(&format!("{changed} figures for Q1 2019/20 were revised")));
}

#[test]
fn register_scores_owners_and_review_dates_between_two_packs() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    let q = period("Q2 2019/20");
    let entry = later
        .register
        .iter_mut()
        .find(|e| e.on_register(&q).is_some_and(|a| a.residual.is_some()))
        .expect("an entry with a residual score");
    let id = entry.id.clone();
    let assessment = entry
        .assessments
        .iter_mut()
        .find(|a| a.period == q)
        .expect("Q2");
    let was_owner = assessment
        .owner
        .clone()
        .unwrap_or_else(|| "none".to_owned());
    assessment.owner = Some("Director of Resources".to_owned());
    let c = Comparison::of(&earlier, &later, "f", false);
    let register = c.register.as_ref().expect("a register");
    assert_eq!((register.changes.from, register.changes.to), (q, q));
    assert_eq!(
        register.details,
        vec![EntryDetail {
            id: id.clone(),
            title: later
                .register
                .iter()
                .find(|e| e.id == id)
                .and_then(|e| e.on_register(&q))
                .map(|a| a.title.clone())
                .expect("title"),
            what: "Owner",
            was: was_owner.clone(),
            now: "Director of Resources".to_owned(),
            href: entry_href(&id, q),
        }]
    );
    assert_eq!(
        words(&c),
        vec![format!(
            "1 entry has a new owner: {id}: {was_owner} to Director of Resources"
        )]
    );
}

#[test]
fn a_register_only_one_pack_has_is_all_new() {
    let mut earlier = Snapshot::demo();
    earlier.register = Default::default();
    let later = Snapshot::demo();
    let c = Comparison::of(&earlier, &later, "f", false);
    let register = c.register.as_ref().expect("one pack has a register");
    assert!(register.changes.left.is_empty() && register.changes.continuing.is_empty());
    assert_eq!(
        register.changes.new.len(),
        later
            .register
            .iter()
            .filter(|e| e.on_register(&period("Q2 2019/20")).is_some())
            .count()
    );
    let mut none = Snapshot::demo();
    none.register = Default::default();
    assert_eq!(Comparison::of(&none, &none, "f", false).register, None);
}

#[test]
fn complaints_years_added_removed_and_figures_revised() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    let year = later
        .complaints
        .iter_mut()
        .find(|c| c.procedure == Procedure::AdultSocialCare && c.received.is_some())
        .expect("a year");
    let (y, was) = (year.year, year.received.expect("received"));
    year.received = Some(was + 10);
    let last = later.complaints.len() - 1;
    let removed = later.complaints.remove(last);
    let c = Comparison::of(&earlier, &later, "f", false);
    assert_eq!(
        c.complaints.revised,
        vec![ComplaintsFigure {
            procedure: Procedure::AdultSocialCare,
            year: y,
            figure: "Complaints received",
            was: was.to_string(),
            now: (was + 10).to_string(),
        }]
    );
    assert_eq!(
        c.complaints.removed,
        vec![YearHeld {
            procedure: removed.procedure,
            year: removed.year
        }]
    );
    assert!(c.complaints.added.is_empty());
}

#[test]
fn pack_details_and_settings_field_by_field() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    later.organisation = "Anytown Borough Council".to_owned();
    later.settings.risk_appetite = Some(12);
    later.settings.amber_within = 10.0;
    later.settings.small_numbers = 5;
    let c = Comparison::of(&earlier, &later, "f", false);
    let whats: Vec<&str> = c.details.iter().map(|d| d.what).collect();
    assert_eq!(
        whats,
        [
            "Organisation",
            "Amber tolerance",
            "Risk appetite",
            "Small numbers"
        ]
    );
    assert_eq!(c.details[1].now, "10%");
    assert_eq!(
        (c.details[3].was.as_str(), c.details[3].now.as_str()),
        ("counts under 10", "counts under 5")
    );
    assert!(words(&c)[0].starts_with("Organisation changed from “"));
}

#[test]
fn on_the_same_date_the_caller_says_which_came_first() {
    let earlier = Snapshot::demo();
    let mut later = earlier.clone();
    let id = earlier.indicators[0].id.clone();
    let o = earlier.indicators[0].values[0].clone();
    indicator(&mut later, &id).set_figure(o.period, Value::figure(99.0, 0));
    let was = o.value.display(earlier.indicators[0].unit);
    // A file not yet opened comes after what is open: what opening it changes.
    let preview = Comparison::of(&earlier, &later, "“re-issue.json”", false);
    assert_eq!(
        preview.indicators.revised[0].was.as_deref(),
        Some(was.as_str())
    );
    assert!(preview.before.open);
    // Once opened, the data before it came first: the same change, the same way.
    let opened = Comparison::of(&later, &earlier, "the data before", true);
    assert_eq!(
        opened.indicators.revised[0].was.as_deref(),
        Some(was.as_str())
    );
    assert_eq!(opened.indicators.revised[0].now.as_deref(), Some("99"));
    assert!(opened.after.open);
    assert_eq!(words(&preview), words(&opened));
}

#[test]
fn register_links_go_to_the_entry_as_the_data_open_now_holds_it() {
    let (earlier, later) = (Snapshot::demo_a_year_earlier(), Snapshot::demo());
    let (from, to) = (period("Q2 2018/19"), period("Q2 2019/20"));
    let items = |c: &Comparison, starts: &str| -> Vec<(String, Option<String>)> {
        c.summary()
            .into_iter()
            .find(|l| l.text.starts_with(starts))
            .map(|l| l.items.into_iter().map(|i| (i.label, i.href)).collect())
            .unwrap_or_default()
    };
    // The later pack open: CR9 (was CR8) at Q2 2019/20; CR9 that left links nowhere.
    let later_open = Comparison::of(&later, &earlier, "f", false);
    let fell = items(&later_open, "2 register scores fell");
    assert!(
        fell.contains(&("CR9".to_owned(), Some(entry_href("CR9", to)))),
        "{fell:?}"
    );
    assert!(items(&later_open, "4 entries are no longer")
        .iter()
        .all(|(_, href)| href.is_none()));
    assert!(items(&later_open, "5 entries are new")
        .iter()
        .all(|(_, href)| href.is_some()));
    // The earlier pack open: CR9 is CR8 there, at Q2 2018/19; the new entries link nowhere.
    let earlier_open = Comparison::of(&earlier, &later, "f", false);
    let fell = items(&earlier_open, "2 register scores fell");
    assert!(
        fell.contains(&("CR9".to_owned(), Some(entry_href("CR8", from)))),
        "{fell:?}"
    );
    assert!(items(&earlier_open, "5 entries are new")
        .iter()
        .all(|(_, href)| href.is_none()));
    let left = items(&earlier_open, "4 entries are no longer");
    assert!(
        left.contains(&("CR9".to_owned(), Some(entry_href("CR9", from)))),
        "{left:?}"
    );
    // A score that moved under a new reference says so.
    assert!(words(&later_open)
        .iter()
        .any(|l| l.contains("CR9, was CR8, from 16 to 12")));
}

#[test]
fn the_same_data_is_told_apart_from_differences_the_lists_leave_out() {
    let demo = Snapshot::demo();
    assert!(Comparison::of(&demo, &demo, "f", false).same);
    let mut renamed = demo.clone();
    renamed.indicators[0].name.push_str(" (renamed)");
    let c = Comparison::of(&demo, &renamed, "f", false);
    assert!(!c.same && c.is_empty(), "a name is not one of the lists");
}
