//! Writes the benchmarks' large synthetic snapshot and case list:
//! `cargo run --release -p scrutineer-core --example synthetic -- [folder] [seed]`
//! (default `target/bench`, seed 2026). The same seed writes the same bytes.

use scrutineer_core::file::synthetic::{case_list, snapshot, Size};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench".into()));
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2026);
    std::fs::create_dir_all(&folder)?;
    let large = snapshot(seed, Size::LARGE);
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
