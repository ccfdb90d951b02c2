//! Every input the fuzzers found (fuzz/regressions/<target>/) read again by
//! its reader on stable, with the fuzz targets' own checks (no panic, what
//! is accepted reads back equal; fuzz/src/checks.rs, included here), and
//! within a time limit. Each finding's inputs are listed in `KNOWN` and
//! read by a test of its own that names the finding (all nine are fixed;
//! the workbook's inputs, finding 8 and the review's, are read by the
//! workbook crate's tests, workbook/tests/fixture.rs).

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// Longer than any reader should take on a small input, even unoptimised.
const LIMIT: Duration = Duration::from_secs(5);

/// Inputs of the findings, as `target/file`: skipped by the test of the
/// whole folder, each read by its finding's own test below.
const KNOWN: &[&str] = &[
    "period/year-range-2118-09-prints-as-2118-2209",
    "period/year-range-2121-04-prints-as-2121-2204",
    "value/numerator-1.89-of-57-percent-shows-as-2",
    "value/numerator-0.512-of-7-percent-after-a-form-feed-shows-as-1",
    "case_list/control-characters-in-a-procedure-quoted-long.csv",
    "case_list/control-characters-in-an-outcome-quoted-long.csv",
    "csv_bytes/rows-written-read-back-otherwise",
    "value/numerator-with-five-places-shown-with-two",
    "value/figure-just-over-4.5-billion-shown-short",
    "value/numerator-in-trillions-with-places",
    "route/encoded-slash-alone-links-to-the-indicators",
    "route/encoded-slash-at-the-end-links-without-it",
    "route/encoded-slash-between-empty-segments",
    "case_list/received-in-year-29-counts-working-days-day-by-day.csv",
    "case_list/received-in-year-1008-gives-complaints-year-1008-09-that-does-not-reopen.csv",
];

fn regressions() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions")
}

/// Runs the check of `target` over the input `name`, giving what went wrong.
fn run(target: &str, name: &str) -> Result<(), String> {
    let (_, check) = checks::TARGETS
        .iter()
        .find(|(t, _)| *t == target)
        .unwrap_or_else(|| panic!("no fuzz target {target}"));
    let bytes = fs::read(regressions().join(target).join(name)).expect(name);
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| check(&bytes)));
    let took = started.elapsed();
    match outcome {
        Err(e) => Err(format!(
            "{target}/{name}: {}",
            e.downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| e.downcast_ref::<&str>().copied())
                .unwrap_or("panicked")
        )),
        Ok(()) if took > LIMIT => Err(format!("{target}/{name}: took {took:?}")),
        Ok(()) => Ok(()),
    }
}

#[test]
fn every_input_the_fuzzers_found_is_read_without_fault() {
    let mut failures = vec![];
    let mut read = 0;
    for (target, _) in checks::TARGETS {
        let Ok(entries) = fs::read_dir(regressions().join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if KNOWN.contains(&format!("{target}/{name}").as_str()) {
                continue;
            }
            read += 1;
            if let Err(e) = run(target, &name) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{read} inputs read:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_known_finding_has_its_input() {
    for known in KNOWN {
        assert!(regressions().join(known).is_file(), "{known} is missing");
    }
}

/// Runs the known finding `known` (`target/file`).
fn known(known: &str) {
    let (target, name) = known.split_once('/').expect("target/file");
    assert!(KNOWN.contains(&known), "{known} is not listed in KNOWN");
    if let Err(e) = run(target, name) {
        panic!("{e}");
    }
}

#[test]
fn finding_1_a_year_range_into_the_next_century_prints_as_a_label_that_is_refused() {
    known("period/year-range-2118-09-prints-as-2118-2209");
    known("period/year-range-2121-04-prints-as-2121-2204");
}

#[test]
fn finding_2_a_numerator_with_decimals_shows_rounded_and_reads_back_changed() {
    known("value/numerator-1.89-of-57-percent-shows-as-2");
    known("value/numerator-0.512-of-7-percent-after-a-form-feed-shows-as-1");
}

#[test]
fn finding_3_an_encoded_slash_in_an_unknown_address_links_elsewhere() {
    known("route/encoded-slash-alone-links-to-the-indicators");
    known("route/encoded-slash-at-the-end-links-without-it");
    known("route/encoded-slash-between-empty-segments");
}

#[test]
fn finding_4_a_case_in_year_29_is_accepted_and_counted_slowly() {
    known("case_list/received-in-year-29-counts-working-days-day-by-day.csv");
}

#[test]
fn finding_5_a_case_in_year_1008_gives_a_pack_that_does_not_reopen() {
    known("case_list/received-in-year-1008-gives-complaints-year-1008-09-that-does-not-reopen.csv");
}

#[test]
fn finding_6_a_large_figure_shows_fewer_places_than_it_holds_and_reads_back_changed() {
    known("value/numerator-with-five-places-shown-with-two");
    known("value/figure-just-over-4.5-billion-shown-short");
    known("value/numerator-in-trillions-with-places");
}

#[test]
fn finding_7_a_cell_of_control_characters_is_quoted_past_the_excerpt() {
    known("case_list/control-characters-in-a-procedure-quoted-long.csv");
    known("case_list/control-characters-in-an-outcome-quoted-long.csv");
}

#[test]
fn finding_9_rows_of_odd_bytes_written_as_csv_read_back_otherwise() {
    known("csv_bytes/rows-written-read-back-otherwise");
}
