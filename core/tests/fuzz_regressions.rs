//! Every input the fuzzers found (fuzz/regressions/<target>/) read again by
//! its reader on stable, with the fuzz targets' own checks (no panic, what
//! is accepted reads back equal; fuzz/src/checks.rs, included here), and
//! within a time limit. An input whose finding is not fixed yet is listed in
//! `KNOWN` and has an ignored test of its own naming the finding; when it is
//! fixed, remove it from `KNOWN` and its test's `ignore`.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// Longer than any reader should take on a small input, even unoptimised.
const LIMIT: Duration = Duration::from_secs(5);

/// Inputs of findings not fixed yet, as `target/file`: skipped by the test
/// of the whole folder, each run by its own ignored test below.
const KNOWN: &[&str] = &[];

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
