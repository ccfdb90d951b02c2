//! How much of a monitoring report's tables bringing in reads as printed.
//!
//! Usage: `cargo run -p scrutineer-core --example bring_in_report -- FILE...`
//! where each FILE is text with tab-separated tables (as a report's PDF
//! gives them when copied, or a sheet saved as "Unicode Text"). Each table
//! starts at a row naming the indicator column ("Performance Measure") and
//! runs to the first empty line; each is brought into an empty workspace on
//! its own, and the figures printed are: the tables read whole, the figure
//! cells read, and every fault.

use chrono::NaiveDate;
use scrutineer_core::bring_in::indicators::plan_indicators;
use scrutineer_core::bring_in::{Refused, Table};
use scrutineer_core::domain::snapshot::Snapshot;

fn main() {
    let as_at = NaiveDate::from_ymd_opt(2019, 6, 30).expect("a date");
    let (mut tables, mut whole, mut cells, mut read) = (0, 0, 0usize, 0usize);
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("a readable file");
        let lines: Vec<&str> = text.lines().collect();
        let mut at = 0;
        while at < lines.len() {
            let first = lines[at]
                .split('\t')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let header = lines[at].contains('\t')
                && (first.contains("measure")
                    || first.contains("indicator")
                    || lines[at].to_ascii_lowercase().contains("good is"));
            if !header {
                at += 1;
                continue;
            }
            let end = (at..lines.len())
                .find(|&i| lines[i].trim().is_empty())
                .unwrap_or(lines.len());
            let rows: Vec<Vec<String>> = lines[at..end]
                .iter()
                .map(|l| l.split('\t').map(str::to_owned).collect())
                .collect();
            let filled: usize = rows[1..]
                .iter()
                .map(|r| r.iter().skip(2).filter(|c| !c.trim().is_empty()).count())
                .sum();
            tables += 1;
            cells += filled;
            let mut table = Table::csv(rows);
            if table.rows[0][0].trim().is_empty() {
                // A heading the PDF lost: the first column is the measure.
                table.rows[0][0] = "Performance Measure".to_owned();
            }
            match plan_indicators(&Snapshot::empty("", "", as_at), &table, &vec![]) {
                Ok(_) => {
                    whole += 1;
                    read += filled;
                }
                Err(Refused::Faults(faults)) => {
                    // A refused heading loses its whole column; any other
                    // fault, its own cell (or, for a row's unit, the row's).
                    let mut bad: std::collections::HashSet<(usize, usize)> = Default::default();
                    for f in &faults {
                        let (Some(row), Some(column)) = (f.row, f.column.as_deref()) else {
                            continue;
                        };
                        let Some(c) = table.rows[0].iter().position(|h| h.trim() == column) else {
                            continue;
                        };
                        let filled_in =
                            |r: usize| table.rows[r].get(c).is_some_and(|x| !x.trim().is_empty());
                        if row == 1 {
                            bad.extend(
                                (1..table.rows.len())
                                    .filter(|&r| filled_in(r))
                                    .map(|r| (r, c)),
                            );
                        } else if c == 0 {
                            let r = row - 1;
                            bad.extend(
                                (2..table.rows[r].len())
                                    .filter(|&k| {
                                        table.rows[r].get(k).is_some_and(|x| !x.trim().is_empty())
                                    })
                                    .map(|k| (r, k)),
                            );
                        } else {
                            bad.insert((row - 1, c));
                        }
                    }
                    read += filled.saturating_sub(bad.len());
                    println!("{path}, line {}: {} faults", at + 1, faults.len());
                    for f in &faults {
                        println!("  {f}");
                    }
                }
                Err(Refused::Columns(e)) => {
                    println!("{path}, line {}: columns not found: {e:?}", at + 1)
                }
            }
            at = end;
        }
    }
    println!("tables: {tables}, read whole: {whole}");
    println!(
        "figure cells: {cells}, read as printed: {read} ({:.0}%)",
        if cells == 0 {
            0.0
        } else {
            100.0 * read as f64 / cells as f64
        }
    );
}
