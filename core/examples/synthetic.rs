//! Writes the benchmarks' large synthetic snapshot and case list:
//! `cargo run --release -p scrutineer-core --example synthetic -- [folder] [seed] [indicators]`
//! (default `target/bench`, seed 2026, the large pack's 1,000 indicators; more
//! indicators scale the register with them, to measure the limits). The same
//! arguments write the same bytes.

use scrutineer_core::file::synthetic::{case_list, snapshot, Size};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench".into()));
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2026);
    let indicators: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(Size::LARGE.indicators);
    std::fs::create_dir_all(&folder)?;
    let size = Size {
        indicators,
        risks: Size::LARGE.risks * indicators / Size::LARGE.indicators,
        ..Size::LARGE
    };
    let large = snapshot(seed, size);
    let text =
        scrutineer_core::file::format::export(&large, chrono::DateTime::UNIX_EPOCH, "synthetic");
    std::fs::write(folder.join("large-snapshot.json"), &text)?;
    let cases = case_list(seed, 20_000);
    std::fs::write(folder.join("cases-20000.csv"), &cases)?;
    println!(
        "wrote {} ({:.1} MB) and {} ({:.1} MB)",
        folder.join("large-snapshot.json").display(),
        text.len() as f64 / 1e6,
        folder.join("cases-20000.csv").display(),
        cases.len() as f64 / 1e6
    );
    Ok(())
}
