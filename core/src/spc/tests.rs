use super::*;
use crate::domain::indicator::Observation;
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{Unit, Value};
use crate::file::synthetic::{self, Size};

/// Quarters from Q1 2015/16, one per figure.
pub(crate) fn quarters(values: &[f64]) -> Vec<(Period, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (
                Period::Quarter {
                    start_year: 2015 + (i / 4) as i32,
                    quarter: (i % 4) as u8 + 1,
                },
                *v,
            )
        })
        .collect()
}

/// A figure of `v` (shown to `decimals` places) for `period`.
fn observation(period: Period, v: f64, decimals: u8) -> Observation {
    Observation {
        period,
        value: Value::figure(v, decimals),
        target: None,
        rag_override: None,
        note: None,
        source: None,
    }
}

/// Whole-number figures for quarters from Q1 2015/16, one per value.
pub(crate) fn quarterly_figures(values: &[f64]) -> Vec<Observation> {
    quarters(values)
        .into_iter()
        .map(|(period, v)| observation(period, v, 0))
        .collect()
}

fn chart(values: &[f64], polarity: Polarity) -> Xmr {
    Xmr::of(&quarters(values), polarity, &[]).expect("enough figures")
}

/// The figures (by place) each rule flags.
fn flagged(x: &Xmr, rule: Rule) -> Vec<usize> {
    x.points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rules.contains(&rule))
        .map(|(i, _)| i)
        .collect()
}

/// The rules any figure trips.
fn rules_tripped(x: &Xmr) -> Vec<Rule> {
    Rule::ALL
        .into_iter()
        .filter(|r| !flagged(x, *r).is_empty())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Fourteen figures of a stable process: no run of more than two on a
/// side, no trend, none near a limit.
const STABLE: [f64; 14] = [
    10.0, 12.0, 11.0, 13.0, 9.0, 12.0, 10.0, 11.0, 13.0, 10.0, 12.0, 11.0, 9.0, 12.0,
];

#[test]
fn the_limits_are_the_mean_and_2_66_mean_moving_ranges() {
    let x = chart(&STABLE, Polarity::High);
    let limits = x.latest().limits;
    // By hand: the figures sum to 155; the 13 moving ranges to 28.
    let (mean, range) = (155.0 / 14.0, 28.0 / 13.0);
    assert!(close(limits.mean, mean), "{limits:?}");
    assert!(close(limits.moving_range, range), "{limits:?}");
    assert!(close(limits.upper, mean + 2.66 * range));
    assert!(close(limits.lower, mean - 2.66 * range));
    assert!(close(limits.near_upper, mean + 2.66 * range * 2.0 / 3.0));
    assert!(close(limits.near_lower, mean - 2.66 * range * 2.0 / 3.0));
    assert_eq!(
        rules_tripped(&x),
        vec![],
        "a stable process signals nothing"
    );
    assert_eq!(x.variation(), Variation::Common);
    assert!(x.points.iter().all(|p| p.variation == Variation::Common));
    assert_eq!(x.processes.len(), 1);
    assert!(!x.latest().is_short());
}

#[test]
fn one_wild_figure_is_beyond_the_limits_and_its_moving_range_is_left_out() {
    let mut values = STABLE;
    values[13] = 30.0;
    let x = chart(&values, Polarity::High);
    // The range to 30 (21) is over 3.267 times the mean of all (46/13):
    // left out, the mean moving range is the other 12's, 25/12.
    assert!(close(x.latest().limits.moving_range, 25.0 / 12.0));
    assert_eq!(flagged(&x, Rule::BeyondLimit), vec![13]);
    assert_eq!(rules_tripped(&x), vec![Rule::BeyondLimit]);
    assert_eq!(x.variation(), Variation::Improving(Direction::Higher));
    // Where smaller is better, the same figure is concerning.
    let low = chart(&values, Polarity::Low);
    assert_eq!(low.variation(), Variation::Concerning(Direction::Higher));
    let neutral = chart(&values, Polarity::None);
    assert_eq!(neutral.variation(), Variation::Neutral(Direction::Higher));
}

#[test]
fn seven_in_a_row_on_one_side_of_the_mean_is_a_shift_and_six_is_not() {
    let six = [
        10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 10.0, 12.0, 10.0,
    ];
    let x = chart(&six, Polarity::High);
    assert_eq!(rules_tripped(&x), vec![], "{:?}", x.latest().limits);
    // One more 12 joins the run to the next: eight in a row.
    let mut seven = six;
    seven[11] = 12.0;
    let x = chart(&seven, Polarity::High);
    assert_eq!(flagged(&x, Rule::Shift), (5..=12).collect::<Vec<_>>());
    assert_eq!(rules_tripped(&x), vec![Rule::Shift]);
    assert_eq!(
        x.points[8].variation,
        Variation::Improving(Direction::Higher)
    );
    assert_eq!(
        x.variation(),
        Variation::Common,
        "the latest is not part of it"
    );
    assert_eq!(x.points[12].rules, vec![Rule::Shift]);
    // Below the mean where bigger is better: concerning.
    let below: Vec<f64> = seven.iter().map(|v| 22.0 - v).collect();
    let x = chart(&below, Polarity::High);
    assert_eq!(flagged(&x, Rule::Shift), (5..=12).collect::<Vec<_>>());
    assert_eq!(
        x.points[8].variation,
        Variation::Concerning(Direction::Lower)
    );
}

#[test]
fn a_figure_on_the_mean_breaks_a_run() {
    // Mean 11: the 11 at place 6 is on it, between two runs of six.
    let mut values = [12.0; 16];
    values[6] = 11.0;
    values[13..].copy_from_slice(&[7.0, 7.0, 7.0]);
    let x = chart(&values, Polarity::High);
    assert!(close(x.latest().limits.mean, 11.0));
    assert_eq!(flagged(&x, Rule::Shift), Vec::<usize>::new());
    values[6] = 12.0;
    let x = chart(&values, Polarity::High);
    assert_eq!(flagged(&x, Rule::Shift), (0..13).collect::<Vec<_>>());
}

#[test]
fn seven_rising_in_a_row_is_a_trend_in_its_own_direction_and_six_is_not() {
    let seven = [
        10.0, 12.0, 10.0, 12.0, 10.0, 12.0, 10.0, 9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0,
    ];
    let x = chart(&seven, Polarity::Low);
    assert_eq!(flagged(&x, Rule::Trend), (7..=13).collect::<Vec<_>>());
    assert_eq!(rules_tripped(&x), vec![Rule::Trend]);
    // Rising where smaller is better: concerning, even for the figures
    // still below the mean.
    assert!(x.points[7].value < x.latest().limits.mean);
    assert_eq!(
        x.points[7].variation,
        Variation::Concerning(Direction::Higher)
    );
    assert_eq!(x.variation(), Variation::Concerning(Direction::Higher));
    // A level step breaks it: six rising is no trend.
    let mut six = seven;
    six[8] = 9.0;
    let x = chart(&six, Polarity::Low);
    assert_eq!(flagged(&x, Rule::Trend), Vec::<usize>::new());
    // Falling: a trend too.
    let falling: Vec<f64> = seven.iter().map(|v| 22.0 - v).collect();
    let x = chart(&falling, Polarity::Low);
    assert_eq!(flagged(&x, Rule::Trend), (7..=13).collect::<Vec<_>>());
    assert_eq!(x.variation(), Variation::Improving(Direction::Lower));
}

#[test]
fn two_of_three_near_a_limit_on_its_side_signal_and_on_opposite_sides_do_not() {
    let mut values = [10.0, 12.0].repeat(7);
    values[10] = 16.5;
    values[11] = 17.0;
    let x = chart(&values, Polarity::High);
    let limits = x.latest().limits;
    assert!(
        16.5 > limits.near_upper && 17.0 < limits.upper,
        "{limits:?}"
    );
    assert_eq!(flagged(&x, Rule::TwoOfThree), vec![10, 11]);
    assert_eq!(rules_tripped(&x), vec![Rule::TwoOfThree]);
    assert_eq!(
        x.points[10].variation,
        Variation::Improving(Direction::Higher)
    );
    // One near the upper limit and the next near the lower: nothing (the
    // case plot-the-dots once got wrong).
    let mut apart = [1.0, -1.0].repeat(8);
    apart[14] = 5.5;
    apart[15] = -5.5;
    let x = chart(&apart, Polarity::High);
    assert!(x.latest().limits.near(5.5) && x.latest().limits.near(-5.5));
    assert_eq!(flagged(&x, Rule::TwoOfThree), Vec::<usize>::new());
    assert_eq!(x.variation(), Variation::Common);
}

#[test]
fn a_target_beyond_the_limits_is_met_or_missed_every_time_and_within_them_at_random() {
    let x = chart(&STABLE, Polarity::High);
    let limits = x.latest().limits;
    let above = limits.upper + 1.0;
    let below = limits.lower - 1.0;
    assert_eq!(x.assurance(above, Polarity::High), Some(Assurance::Fail));
    assert_eq!(x.assurance(above, Polarity::Low), Some(Assurance::Pass));
    assert_eq!(x.assurance(below, Polarity::High), Some(Assurance::Pass));
    assert_eq!(x.assurance(below, Polarity::Low), Some(Assurance::Fail));
    assert_eq!(
        x.assurance(limits.mean, Polarity::High),
        Some(Assurance::HitAndMiss)
    );
    assert_eq!(
        x.assurance(limits.upper, Polarity::High),
        Some(Assurance::HitAndMiss)
    );
    assert_eq!(x.assurance(above, Polarity::None), None);
}

#[test]
fn a_change_of_process_starts_new_limits_and_the_rules_look_within_each() {
    let mut values = [9.0, 11.0].repeat(6);
    values.extend([19.0, 21.0].repeat(6));
    let series = quarters(&values);
    // As one process: twelve below the mean, then twelve above.
    let one = Xmr::of(&series, Polarity::High, &[]).expect("a chart");
    assert_eq!(flagged(&one, Rule::Shift).len(), 24);
    // Re-based from the 13th quarter: two steady processes.
    let from = series[12].0;
    let two = Xmr::of(&series, Polarity::High, &[from]).expect("a chart");
    assert_eq!(two.processes.len(), 2);
    assert_eq!((two.processes[0].from, two.processes[0].to), (0, 12));
    assert!(close(two.processes[0].limits.mean, 10.0));
    assert!(close(two.processes[1].limits.mean, 20.0));
    assert_eq!(rules_tripped(&two), vec![]);
    assert_eq!(two.points[12].process, 1);
    assert_eq!(two.points[11].process, 0);
    // A re-basing at the first figure, or at a period not in the series,
    // changes nothing.
    let at_first = Xmr::of(&series, Polarity::High, &[series[0].0]).expect("a chart");
    assert_eq!(at_first, one);
    let elsewhere = Period::Quarter {
        start_year: 2030,
        quarter: 1,
    };
    assert_eq!(
        Xmr::of(&series, Polarity::High, &[elsewhere]).expect("a chart"),
        one
    );
    // A process shorter than the fewest is marked so.
    let late = Xmr::of(&series, Polarity::High, &[series[20].0]).expect("a chart");
    assert!(late.latest().is_short());
}

#[test]
fn too_few_figures_of_the_latest_kind_draw_no_limits() {
    assert_eq!(Xmr::of(&quarters(&STABLE[..11]), Polarity::High, &[]), None);
    let mut indicator = Indicator::new("i", "a", "An indicator", Unit::Count, Polarity::High);
    assert_eq!(of_indicator(&indicator, &[]), Spc::NoFigures);
    // Eleven quarters, given out of order, and a year: too few quarters.
    for (period, v) in quarters(&STABLE[..11]).into_iter().rev() {
        indicator.values.push(observation(period, v, 0));
    }
    indicator.values.push(observation(
        Period::FinancialYear { start_year: 2014 },
        50.0,
        0,
    ));
    assert_eq!(
        of_indicator(&indicator, &[]),
        Spc::TooFew {
            points: 11,
            kind: PeriodKind::Quarter
        }
    );
    // A twelfth quarter: the chart, of the quarters in time order.
    let (period, v) = quarters(&STABLE[..12])[11];
    indicator.values.push(observation(period, v, 0));
    let Spc::Chart(x) = of_indicator(&indicator, &[]) else {
        panic!("no chart");
    };
    let values: Vec<f64> = x.points.iter().map(|p| p.value).collect();
    assert_eq!(values, STABLE[..12].to_vec());
    // A latest figure of another kind decides the kind.
    indicator.values.push(observation(
        Period::FinancialYear { start_year: 2018 },
        40.0,
        0,
    ));
    assert_eq!(
        of_indicator(&indicator, &[]),
        Spc::TooFew {
            points: 2,
            kind: PeriodKind::FinancialYear
        }
    );
}

#[test]
fn every_synthetic_indicator_has_a_chart_and_the_demo_has_too_few_points() {
    let large = synthetic::snapshot(7, Size::LARGE);
    let charts = large
        .indicators
        .iter()
        .filter(|i| matches!(of_indicator(i, &[]), Spc::Chart(_)))
        .count();
    assert_eq!(charts, large.indicators.len());
    // The demo's series are a few quarters and years: none reaches twelve.
    let demo = Snapshot::demo();
    let most = demo
        .indicators
        .iter()
        .filter_map(|i| series(i).map(|(_, s)| s.len()))
        .max()
        .unwrap_or(0);
    assert!(most < FEWEST_POINTS, "{most}");
    assert!(demo
        .indicators
        .iter()
        .all(|i| !matches!(of_indicator(i, &[]), Spc::Chart(_))));
}

#[test]
fn the_words_for_rules_variation_and_assurance() {
    assert_eq!(
        Rule::Shift.words(),
        "one of 7 or more in a row on one side of the mean"
    );
    assert_eq!(
        Variation::Concerning(Direction::Lower).words(),
        "Special cause: concerning (lower)"
    );
    assert_eq!(Variation::Improving(Direction::Higher).key(), "improving");
    assert_eq!(
        Assurance::HitAndMiss.words(),
        "The target will be sometimes met and sometimes missed, by ordinary variation alone"
    );
    assert_eq!(
        Rule::TwoOfThree.words(),
        "one of 2 of 3 in a row close to a limit"
    );
}

#[test]
fn a_figure_beyond_a_limit_that_starts_a_trend_goes_the_way_it_lies_from_the_mean() {
    // A dip below the lower limit, then seven rising to the mean and past.
    let mut values = [10.0, 12.0].repeat(6);
    values.extend([-2.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0]);
    let x = chart(&values, Polarity::High);
    let dip = &x.points[12];
    assert_eq!(dip.rules, vec![Rule::BeyondLimit, Rule::Trend]);
    assert_eq!(dip.variation, Variation::Concerning(Direction::Lower));
    // The rest of the trend rises: improving where higher is better.
    assert_eq!(
        x.points[15].variation,
        Variation::Improving(Direction::Higher)
    );
    // And a peak above the upper limit that starts a fall goes higher.
    let peak: Vec<f64> = values.iter().map(|v| 22.0 - v).collect();
    let x = chart(&peak, Polarity::High);
    assert_eq!(
        x.points[12].variation,
        Variation::Improving(Direction::Higher)
    );
    assert_eq!(
        x.points[15].variation,
        Variation::Concerning(Direction::Lower)
    );
}

#[test]
fn figures_that_do_not_vary_draw_no_limits_and_signal_nothing() {
    // Steady at 100 but for one dip: screening its moving ranges would
    // leave none, so they are kept, and only the dip is beyond a limit.
    let mut dip = [100.0; 16];
    dip[6] = 90.0;
    let x = chart(&dip, Polarity::High);
    assert!(close(x.latest().limits.moving_range, 20.0 / 15.0));
    assert_eq!(flagged(&x, Rule::BeyondLimit), vec![6]);
    // Never moving at all: nothing to judge by.
    let values = [100.0; 16];
    let x = chart(&values, Polarity::High);
    assert!(x.latest().limits.is_flat(), "{:?}", x.latest().limits);
    assert_eq!(rules_tripped(&x), vec![]);
    assert_eq!(x.variation(), Variation::Common);
    assert_eq!(x.assurance(100.0, Polarity::High), None);
    let mut indicator = Indicator::new("i", "a", "An indicator", Unit::Percent, Polarity::High);
    for (period, v) in quarters(&values) {
        indicator.values.push(observation(period, v, 0));
    }
    assert_eq!(
        summary(&indicator, &[]).words(),
        "The figures do not vary enough to draw limits"
    );
}

#[test]
fn an_indicators_summary_says_its_variation_and_whether_its_target_is_reachable() {
    use crate::domain::rag::{Target, TargetRule};
    let mut indicator = Indicator::new("i", "a", "An indicator", Unit::Count, Polarity::High);
    for (period, v) in quarters(&STABLE[..8]) {
        indicator.values.push(observation(period, v, 0));
    }
    let few = summary(&indicator, &[]);
    assert_eq!(few.words(), "Too few points: 8 quarters (12 are needed)");
    assert_eq!((few.variation, few.assurance), (None, None));
    indicator.values.clear();
    for (period, v) in quarters(&STABLE) {
        indicator.values.push(observation(period, v, 0));
    }
    // Limits about 5.3 to 16.8: a target of 20 is beyond reach, of 11 hit
    // and miss; a later figure's own target wins over the indicator's.
    indicator.target = Some(Target {
        value: 20.0,
        rule: TargetRule::Directional { amber_within: 5.0 },
    });
    let s = summary(&indicator, &[]);
    assert_eq!(s.words(), "Common cause: ordinary variation");
    assert_eq!(s.variation, Some(Variation::Common));
    assert_eq!(s.assurance, Some(Assurance::Fail));
    let last = indicator.values.len() - 1;
    indicator.values[last].target = Some(Target {
        value: 11.0,
        rule: TargetRule::Directional { amber_within: 5.0 },
    });
    assert_eq!(
        summary(&indicator, &[]).assurance,
        Some(Assurance::HitAndMiss)
    );
    // To be close to 11 either way: within 80% (2.2 to 19.8) the limits
    // always are; within 10% they are not wholly in or out.
    let goal = |green_within: f64| Target {
        value: 11.0,
        rule: TargetRule::GoalPost {
            green_within,
            amber_within: green_within * 2.0,
        },
    };
    let Spc::Chart(x) = of_indicator(&indicator, &[]) else {
        panic!("no chart");
    };
    assert_eq!(
        x.assurance_for(&goal(80.0), Polarity::None),
        Some(Assurance::Pass)
    );
    assert_eq!(
        x.assurance_for(&goal(10.0), Polarity::None),
        Some(Assurance::HitAndMiss)
    );
    let far = Target {
        value: 100.0,
        rule: TargetRule::GoalPost {
            green_within: 5.0,
            amber_within: 10.0,
        },
    };
    assert_eq!(x.assurance_for(&far, Polarity::None), Some(Assurance::Fail));
    assert_eq!(
        Summary {
            spc: Spc::NoFigures,
            variation: None,
            assurance: None,
            target: None,
        }
        .words(),
        "No figures"
    );
}

#[test]
fn the_table_prints_each_figure_with_its_limits_and_its_signal_in_words() {
    let mut indicator = Indicator::new("i", "a", "An indicator", Unit::Percent, Polarity::High);
    let mut values = STABLE.to_vec();
    values[13] = 30.0;
    for (period, v) in quarters(&values) {
        indicator.values.push(observation(period, v, 1));
    }
    let Spc::Chart(x) = of_indicator(&indicator, &[]) else {
        panic!("no chart");
    };
    let show = printer(&indicator);
    assert_eq!(show(12.345), "12.35%", "one place more than the figures'");
    let table = rows(&x, &show);
    assert_eq!(table.len(), 14);
    assert_eq!(table[0].period, "Q1 2015/16");
    assert_eq!(table[0].figure, "10.00%");
    assert_eq!(table[0].signal, "Common cause: ordinary variation");
    assert_eq!(
        table[13].signal,
        "Special cause: improving (higher): beyond a process limit"
    );
    let limits = x.latest().limits;
    // By hand: mean 173/14, limits 2.66 times 25/12 either side of it.
    assert!(close(limits.mean, 173.0 / 14.0));
    assert_eq!(
        (
            table[13].lower.as_str(),
            table[13].mean.as_str(),
            table[13].upper.as_str()
        ),
        ("6.82%", "12.36%", "17.90%")
    );
    // A percentage's limits stay within 0 to 100; a count's above 0.
    let wide = chart(&[5.0, 95.0].repeat(7), Polarity::High);
    assert!(wide.latest().limits.upper > 100.0 && wide.latest().limits.lower < 0.0);
    let held = wide.clone().within(possible(Unit::Percent)).latest().limits;
    assert_eq!((held.lower, held.upper), (0.0, 100.0));
    let count = wide.clone().within(possible(Unit::Count)).latest().limits;
    assert_eq!(count.lower, 0.0);
    assert!(count.upper > 100.0);
    assert_eq!(wide.clone().within(possible(Unit::Number)), wide);
}
