//! Complaints by the stage they reached.

use super::figure::{counts_by_year, per_year, Figure};
use super::{find, share, Choice};
use crate::domain::snapshot::Snapshot;

fn stage_name(stage: u8) -> String {
    if stage == 0 {
        "Stage 0 (early resolution)".into()
    } else {
        format!("Stage {stage}")
    }
}

/// Complaints by the stage they reached, stacked per year.
pub fn stages(snapshot: &Snapshot, choice: &Choice) -> Figure {
    let window = choice.window(snapshot);
    let columns: Vec<(String, Vec<Option<u32>>)> = (0..=3u8)
        .map(|stage| {
            (
                stage_name(stage),
                per_year(snapshot, choice, &window, |c| {
                    c.stages.iter().find(|s| s.stage == stage).map(|s| s.count)
                }),
            )
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect();
    let this = find(snapshot, choice.year, choice.procedure);
    let summary = match this.filter(|c| !c.stages.is_empty()) {
        Some(c) => {
            let top = c
                .stages
                .iter()
                .max_by_key(|s| (s.count, std::cmp::Reverse(s.stage)))
                .expect("stages is not empty");
            let base = c
                .received
                .unwrap_or_else(|| c.stages.iter().map(|s| s.count).sum());
            format!(
                "In {}, {} {} complaints were settled at {}: more than at any other stage.",
                choice.year,
                share(top.count, base),
                choice.procedure.noun(),
                stage_name(top.stage).to_lowercase()
            )
        }
        None => format!(
            "No stage figures are given for {} complaints in {}.",
            choice.procedure.noun(),
            choice.year
        ),
    };
    let named: Vec<(&str, Vec<Option<u32>>)> = columns
        .iter()
        .map(|(name, v)| (name.as_str(), v.clone()))
        .collect();
    counts_by_year(
        "stages",
        format!(
            "Complaints by stage each year: {}",
            choice.procedure.label()
        ),
        &window,
        &named,
        &[],
        summary,
    )
}
