//! Native timings of the pure work behind the benchmarks' browser figures, to
//! show where a slow figure's time goes without a browser profiler:
//! `cargo run --release -p scrutineer-core --example timings`
//! Each line is the median of 7 runs on the large synthetic snapshot.

use std::time::Instant;

use scrutineer_core::compare::Comparison;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::format;
use scrutineer_core::file::saving::Meta;
use scrutineer_core::file::synthetic::{snapshot, Size};
use scrutineer_core::file::{store, versions};
use scrutineer_core::indicators::overview::{overview, reporting_periods, Filter, Tally};
use scrutineer_core::merge::{Common, Merge};

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    scrutineer_core::sort::by(&mut times, f64::total_cmp);
    times[3]
}

fn main() {
    let large = snapshot(2026, Size::LARGE);
    let text = format::export(&large, chrono::DateTime::UNIX_EPOCH, "synthetic");
    println!(
        "large snapshot: {:.1} MB, {} indicators",
        text.len() as f64 / 1e6,
        large.indicators.len()
    );
    let line = |what: &str, ms: f64| println!("{ms:9.2} ms  {what}");
    // A version kept in the browser is the compact record of its data.
    for (name, pack) in [
        ("the demo", Snapshot::demo()),
        ("the large pack", large.clone()),
    ] {
        let bytes = store::encode(&Meta::default().with(pack)).len() as u64;
        println!(
            "a version of {name}: {} ({bytes} bytes); {} versions (the most kept) take {}",
            versions::size(bytes),
            versions::MOST_KEPT,
            versions::size(bytes * versions::MOST_KEPT as u64)
        );
    }

    line(
        "serde_json::from_str to a JSON tree",
        median_ms(|| {
            let _: serde_json::Value = serde_json::from_str(&text).expect("json");
        }),
    );
    line(
        "format::import (quick: straight to the model, validate)",
        median_ms(|| {
            format::import(&text).expect("import");
        }),
    );
    line(
        "format::import_careful (tree, migrate, model with paths, validate)",
        median_ms(|| {
            format::import_careful(&text).expect("import");
        }),
    );
    let stored = scrutineer_core::file::store::Stored::unsaved(large.clone());
    let record = scrutineer_core::file::store::encode(&stored);
    line(
        "store::decode (quick: the stored record, compact)",
        median_ms(|| {
            scrutineer_core::file::store::decode(&record).expect("decode");
        }),
    );
    line(
        "store::decode_careful",
        median_ms(|| {
            scrutineer_core::file::store::decode_careful(&record).expect("decode");
        }),
    );
    line(
        "validate",
        median_ms(|| {
            assert!(scrutineer_core::file::validate::validate(&large).is_empty());
        }),
    );
    // Bringing the large pack's figures export in: into an empty workspace
    // (every indicator new) and into the pack itself (every figure held).
    let figures = scrutineer_core::indicators::csv::export_figures(&large);
    let rows = scrutineer_core::file::csv::read_rows(&figures).expect("the export reads");
    let table = scrutineer_core::bring_in::Table::csv(rows);
    let empty = scrutineer_core::domain::snapshot::Snapshot::empty("Anytown", "Pack", large.as_at);
    let bring_in = scrutineer_core::bring_in::Kind::Indicators;
    line(
        &format!(
            "bring in its figures CSV ({} rows) to an empty workspace",
            table.rows.len()
        ),
        median_ms(|| {
            bring_in.plan(&empty, &table, &vec![]).expect("read");
        }),
    );
    line(
        "bring in its figures CSV to the pack itself",
        median_ms(|| {
            bring_in.plan(&large, &table, &vec![]).expect("read");
        }),
    );
    line(
        "export (pretty file text)",
        median_ms(|| {
            format::export(&large, chrono::DateTime::UNIX_EPOCH, "synthetic");
        }),
    );
    line(
        "store::encode (compact record text)",
        median_ms(|| {
            scrutineer_core::file::store::encode(&stored);
        }),
    );
    let periods = reporting_periods(&large);
    let period = *periods.last().expect("a period");
    let filter = Filter::default();
    line(
        "reporting_periods",
        median_ms(|| {
            reporting_periods(&large);
        }),
    );
    line(
        "overview of 1,000 indicators, one period",
        median_ms(|| {
            overview(&large, &filter, &period);
        }),
    );
    line(
        "variation and assurance (SPC) of 1,000 indicators, one period",
        median_ms(|| {
            for i in &large.indicators {
                std::hint::black_box(scrutineer_core::indicators::overview::signal_at(i, &period));
            }
        }),
    );
    line(
        "every indicator's figures sorted by period (timeline_cmp)",
        median_ms(|| {
            for i in &large.indicators {
                let mut periods: Vec<_> = i.values.iter().map(|o| o.period).collect();
                scrutineer_core::sort::by(&mut periods, |a, b| a.timeline_cmp(b));
                std::hint::black_box(periods);
            }
        }),
    );
    let tables = overview(&large, &filter, &period);
    line(
        "rows_html of every area",
        median_ms(|| {
            for t in &tables {
                t.rows_html();
            }
        }),
    );
    line(
        "tally of 1,000 indicators",
        median_ms(|| {
            Tally::of(large.indicators.iter(), &period);
        }),
    );
    // Compare: the pack with a copy of itself, and with a copy whose every
    // indicator has one figure more (a quarter's report).
    let mut next = large.clone();
    for indicator in next.indicators.iter_mut() {
        if let Some(latest) = indicator.values.last().cloned() {
            if let Some(period) = scrutineer_core::register::next_quarter(&latest.period) {
                indicator.set_figure(period, latest.value);
            }
        }
    }
    line(
        "compare::Comparison::of, the large pack with a copy of itself",
        median_ms(|| {
            Comparison::of(&large, &large.clone(), "copy", false);
        }),
    );
    line(
        "compare::Comparison::of, with a figure more for every indicator",
        median_ms(|| {
            Comparison::of(&large, &next, "next", false).summary();
        }),
    );
    // Combine: the pack with a copy of itself (nothing to combine), and
    // with a copy whose every indicator has one figure more (each taken
    // without asking), then the combined pack made and checked.
    line(
        "merge::Merge::of, the large pack with a copy of itself",
        median_ms(|| {
            Merge::of(&large, &large.clone(), Common::Unknown);
        }),
    );
    line(
        "merge::Merge::of and combine, with a figure more for every indicator",
        median_ms(|| {
            let merge = Merge::of(&large, &next, Common::Unknown);
            merge
                .combine(&large, &next, &Default::default())
                .expect("combined");
        }),
    );
}
