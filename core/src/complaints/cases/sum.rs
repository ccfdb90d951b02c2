//! A case list summed into one record per financial year and procedure.

use std::collections::BTreeMap;

use super::{financial_year, Case};
use crate::domain::complaints::{
    ComplaintsYear, LabelledCount, Outcome, OutcomeCount, Procedure, StageCount,
};
use crate::domain::period::Period;
use crate::sort;

fn bump<K: Ord>(map: &mut BTreeMap<K, u32>, key: K) {
    *map.entry(key).or_insert(0) += 1;
}

/// The yearly figures of a case list: one record per financial year (of
/// receipt) and procedure, earliest first.
pub fn aggregate(cases: &[Case]) -> Vec<ComplaintsYear> {
    let mut groups: BTreeMap<(i32, Procedure), Vec<&Case>> = BTreeMap::new();
    for case in cases {
        let Period::FinancialYear { start_year } = financial_year(case.received) else {
            continue;
        };
        groups
            .entry((start_year, case.procedure))
            .or_default()
            .push(case);
    }
    groups
        .into_iter()
        .map(|((start_year, procedure), list)| {
            let mut year = ComplaintsYear::new(Period::FinancialYear { start_year }, procedure);
            let mut stages = BTreeMap::new();
            let mut outcomes = BTreeMap::new();
            let mut categories: BTreeMap<String, u32> = BTreeMap::new();
            let mut exceeded = 0;
            let mut timed = 0;
            for case in &list {
                bump(&mut stages, case.stage);
                bump(&mut outcomes, case.outcome);
                if let Some(c) = &case.category {
                    bump(&mut categories, c.clone());
                }
                if let Some(over) = case.exceeded() {
                    timed += 1;
                    if over {
                        exceeded += 1;
                    }
                }
            }
            year.received = Some(list.len() as u32);
            year.stages = stages.into_iter().map(|(stage, count)| StageCount { stage, count }).collect();
            let closed = list.iter().filter(|c| c.outcome != Outcome::StillOpen).count() as u32;
            year.closed = Some(closed);
            year.outcomes = outcomes
                .into_iter()
                .map(|(outcome, count)| OutcomeCount { outcome, count })
                .collect();
            let mut categories: Vec<LabelledCount> = categories
                .into_iter()
                .map(|(label, count)| LabelledCount { label, count })
                .collect();
            sort::by(&mut categories, |a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            year.categories = categories;
            if timed > 0 {
                year.exceeded_timescale = Some(exceeded);
                year.notes.push(format!(
                    "From a case list: {exceeded} of {timed} answered complaints with a timescale exceeded it."
                ));
            }
            year
        })
        .collect()
}
