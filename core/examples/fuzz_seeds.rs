//! Writes the seed corpus of every fuzz target (see `fuzz/`), so the seeds
//! are made again from the code rather than kept as binaries: the demo pack
//! exported, stored and as its figures CSV, a synthetic pack and case list,
//! the bad-file corpus (tests/bad-files), the workbook fixtures
//! (tests/fixtures), the bring-in templates, the period labels, figures and
//! addresses listed in fuzz/seeds/, and the committee packs' tables in
//! /work/shared/seeds where that folder exists. `scripts/fuzz` runs it:
//! `cargo run -p scrutineer-core --example fuzz_seeds -- fuzz/corpus`.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use scrutineer_core::bring_in::Kind;
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::file::format::export;
use scrutineer_core::file::store::{encode, Stored};
use scrutineer_core::file::synthetic::{self, Size};
use scrutineer_core::indicators::csv::export_figures;
use scrutineer_core::route::Route;

/// The committee packs the demo was read from, on the machines that hold them.
const SHARED_SEEDS: &str = "/work/shared/seeds";

struct Corpus(PathBuf);

impl Corpus {
    /// Writes `bytes` as the seed `name` of `target`.
    fn put(&self, target: &str, name: &str, bytes: &[u8]) {
        let dir = self.0.join(target);
        fs::create_dir_all(&dir).expect("a corpus folder");
        fs::write(dir.join(name), bytes).expect("a seed");
    }

    /// Writes every file of `folder` ending in `ext` as a seed of each of `targets`.
    fn put_folder(&self, targets: &[&str], folder: &Path, ext: &str) {
        let Ok(entries) = fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(ext) {
                let bytes = fs::read(&path).expect("a file");
                for target in targets {
                    self.put(target, &name, &bytes);
                }
            }
        }
    }

    /// Writes each line of the list `fuzz/seeds/<list>` as a seed of `target`.
    fn put_lines(&self, target: &str, list: &Path) {
        let text = fs::read_to_string(list).expect("a seed list");
        for (i, line) in text.lines().enumerate() {
            self.put(target, &format!("line-{i:03}"), line.as_bytes());
        }
    }
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/corpus".to_owned());
    let corpus = Corpus(PathBuf::from(out));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let at = DateTime::from_timestamp(1_796_000_000, 0).expect("an instant");
    let small = Size {
        indicators: 6,
        quarters: 5,
        risks: 4,
        risk_quarters: 3,
        complaint_years: 2,
    };
    let packs = [
        ("demo", Snapshot::demo()),
        ("synthetic", synthetic::snapshot(21, small)),
    ];

    for (name, pack) in &packs {
        corpus.put(
            "snapshot_file",
            &format!("{name}.json"),
            export(pack, at, "seed").as_bytes(),
        );
        let record = encode(&Stored::unsaved(pack.clone()).next(pack.clone(), at));
        corpus.put("stored", &format!("{name}.json"), record.as_bytes());
        let figures = export_figures(pack);
        for target in ["figures_csv", "csv_bytes", "bring_in"] {
            corpus.put(target, &format!("{name}-figures.csv"), figures.as_bytes());
        }
        for observation in pack.indicators.iter().flat_map(|i| &i.values) {
            corpus.put(
                "period",
                &format!(
                    "{name}-{}",
                    observation.period.to_string().replace('/', "_")
                ),
                observation.period.to_string().as_bytes(),
            );
        }
        for indicator in &pack.indicators {
            for (i, observation) in indicator.values.iter().enumerate().take(3) {
                let shown = observation.value.display(indicator.unit);
                corpus.put(
                    "value",
                    &format!("{name}-{}-{i}", indicator.id),
                    shown.as_bytes(),
                );
                corpus.put(
                    "route",
                    &format!("{name}-{}", indicator.id),
                    Route::Indicator {
                        id: indicator.id.clone(),
                    }
                    .href_with("area=Adult%20Services&rag=red")
                    .as_bytes(),
                );
            }
        }
    }
    let cases = synthetic::case_list(21, 40);
    for target in ["case_list", "csv_bytes", "bring_in"] {
        corpus.put(target, "synthetic-cases.csv", cases.as_bytes());
    }
    // The same CSV as Excel writes it in other encodings and delimiters.
    let figures = export_figures(&Snapshot::demo());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(figures.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    corpus.put("csv_bytes", "demo-figures-utf16.csv", &utf16);
    corpus.put(
        "csv_bytes",
        "demo-figures-semicolons.csv",
        figures.replace(',', ";").as_bytes(),
    );
    corpus.put(
        "csv_bytes",
        "windows-1252.csv",
        b"name,value\r\nCaf\xe9,\x80 12\r\n",
    );
    for kind in Kind::ALL {
        let template = kind.template();
        corpus.put("bring_in", template.file_name, template.csv.as_bytes());
        corpus.put("csv_bytes", template.file_name, template.csv.as_bytes());
    }

    corpus.put_folder(
        &["snapshot_file", "stored"],
        &root.join("tests/bad-files"),
        ".json",
    );
    corpus.put_folder(&["workbook"], &root.join("tests/fixtures"), ".xlsx");
    corpus.put_folder(&["csv_bytes", "bring_in"], Path::new(SHARED_SEEDS), ".txt");
    // The tables in the committee packs: their tab-separated lines alone.
    if let Ok(entries) = fs::read_dir(SHARED_SEEDS) {
        for entry in entries.flatten() {
            let text = fs::read_to_string(entry.path()).unwrap_or_default();
            let table: Vec<&str> = text.lines().filter(|l| l.contains('\t')).collect();
            let name = format!("tables-{}", entry.file_name().to_string_lossy());
            for target in ["csv_bytes", "bring_in"] {
                corpus.put(target, &name, table.join("\n").as_bytes());
            }
        }
    }

    let seeds = root.join("fuzz/seeds");
    corpus.put_lines("period", &seeds.join("periods.txt"));
    corpus.put_lines("value", &seeds.join("values.txt"));
    corpus.put_lines("route", &seeds.join("routes.txt"));
}
