//! Large synthetic data for the benchmarks: a snapshot of 1,000 indicators
//! over 20 quarters with comparators, 200 risks over 8 quarters and ten
//! years of complaints, and a case list of 20,000 complaints. Built from a
//! seed, so every run measures the same bytes.

use chrono::NaiveDate;

use crate::domain::complaints::{
    ComplaintsYear, LabelledCount, Outcome, OutcomeCount, Procedure, StageCount,
};
use crate::domain::indicator::{Comparator, ComparatorKind, Indicator, Observation, ServiceArea};
use crate::domain::period::Period;
use crate::domain::rag::Polarity;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::Snapshot;
use crate::domain::value::{Unit, Value};

/// A small, fast pseudo-random generator (SplitMix64): the same seed gives
/// the same sequence on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `low..=high`.
    pub fn between(&mut self, low: u32, high: u32) -> u32 {
        low + (self.next_u64() % u64::from(high - low + 1)) as u32
    }

    /// A number in `low..high` with one decimal place.
    pub fn tenths(&mut self, low: f64, high: f64) -> f64 {
        let span = ((high - low) * 10.0) as u32;
        low + f64::from(self.between(0, span)) / 10.0
    }
}

/// How big a synthetic snapshot is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub indicators: usize,
    pub quarters: usize,
    pub risks: usize,
    pub risk_quarters: usize,
    pub complaint_years: usize,
}

impl Size {
    /// The size issue 7 measures.
    pub const LARGE: Size = Size {
        indicators: 1_000,
        quarters: 20,
        risks: 200,
        risk_quarters: 8,
        complaint_years: 10,
    };
}

fn quarter(index: usize) -> Period {
    // Q1 2015/16 onwards.
    Period::Quarter {
        start_year: 2015 + (index / 4) as i32,
        quarter: (index % 4) as u8 + 1,
    }
}

/// A snapshot of `size`, the same for the same `seed`. It passes the
/// snapshot's own validation.
pub fn snapshot(seed: u64, size: Size) -> Snapshot {
    let mut rng = Rng::new(seed);
    let as_at = NaiveDate::from_ymd_opt(2020, 3, 31).expect("a date");
    let mut s = Snapshot::empty("Synthetic County Council", "Benchmark pack", as_at);
    let areas = 20;
    s.service_areas = (0..areas)
        .map(|a| ServiceArea {
            id: format!("area-{a:02}"),
            name: format!("Service area {a:02}"),
            directorate: Some(format!("Directorate {}", a % 4 + 1)),
            commentary: vec![],
        })
        .collect();
    s.indicators = indicators(&mut rng, size, areas).into();
    s.register = register(&mut rng, size).into();
    s.complaints = complaints(&mut rng, size).into();
    s
}

/// `size.indicators` indicators over `size.quarters` quarters, spread over
/// `areas` service areas, each with its three comparators.
fn indicators(rng: &mut Rng, size: Size, areas: usize) -> Vec<Indicator> {
    let units = [Unit::Count, Unit::Percent, Unit::Days, Unit::RatePer10000];
    (0..size.indicators)
        .map(|i| {
            let unit = units[i % units.len()];
            let polarity = [Polarity::High, Polarity::Low, Polarity::None][i % 3];
            let (low, high) = match unit {
                Unit::Percent => (20.0, 95.0),
                Unit::Days => (5.0, 120.0),
                _ => (50.0, 900.0),
            };
            let values = (0..size.quarters)
                .map(|q| Observation {
                    period: quarter(q),
                    value: Value::Figure {
                        value: rng.tenths(low, high),
                        decimals: 1,
                        numerator: None,
                        denominator: None,
                    },
                    target: None,
                    rag_override: None,
                    note: None,
                    source: None,
                })
                .collect();
            let comparators = [
                ComparatorKind::England,
                ComparatorKind::Region,
                ComparatorKind::StatisticalNeighbours,
            ]
            .into_iter()
            .map(|kind| Comparator {
                kind,
                name: (kind == ComparatorKind::Region).then(|| "North West".to_owned()),
                period: Some(quarter(size.quarters.saturating_sub(1))),
                value: Value::Figure {
                    value: rng.tenths(low, high),
                    decimals: 1,
                    numerator: None,
                    denominator: None,
                },
                source: None,
            })
            .collect();
            Indicator {
                id: format!("ind-{i:04}"),
                service_area: format!("area-{:02}", i % areas),
                name: format!("Synthetic indicator {i:04}"),
                group: None,
                unit,
                polarity,
                compare_with: Default::default(),
                definition: None,
                owner: None,
                target: None,
                source: None,
                values,
                comparators,
                commentary: vec![],
                notes: vec![],
                rebasings: vec![],
            }
        })
        .collect()
}

/// `size.risks` register entries (every tenth an opportunity), each assessed
/// in the last `size.risk_quarters` quarters.
fn register(rng: &mut Rng, size: Size) -> Vec<RegisterEntry> {
    let owners = [
        "Chief Executive",
        "Director of Finance",
        "Director of Adult Services",
        "Director of Children's Services",
        "Director of Highways",
    ];
    (0..size.risks)
        .map(|r| {
            let kind = if r % 10 == 9 {
                EntryKind::Opportunity
            } else {
                EntryKind::Risk
            };
            let assessments = (0..size.risk_quarters)
                .map(|q| {
                    let rated = |rng: &mut Rng| Score::Rated {
                        impact: rng.between(1, 5) as u8,
                        likelihood: rng.between(1, 5) as u8,
                    };
                    Assessment {
                        period: quarter(size.quarters.saturating_sub(size.risk_quarters) + q),
                        title: format!("Synthetic risk {r:03}"),
                        description: None,
                        risk_type: Some(
                            ["Financial", "Operational", "Reputational"][r % 3].to_owned(),
                        ),
                        consequences: Some(
                            "Services fall short of what residents need.".to_owned(),
                        ),
                        controls: Some("Monthly monitoring by the management team.".to_owned()),
                        inherent: Some(rated(rng)),
                        actions: Some("Review the action plan each quarter.".to_owned()),
                        residual: Some(rated(rng)),
                        target: None,
                        owner: Some(owners[r % owners.len()].to_owned()),
                        direction: None,
                        next_review: None,
                        notes: vec![],
                        source: None,
                    }
                })
                .collect();
            let prefix = if kind == EntryKind::Opportunity {
                "SO"
            } else {
                "SR"
            };
            RegisterEntry {
                id: format!("{prefix}{r}"),
                kind,
                assessments,
                retired: None,
                history: vec![],
            }
        })
        .collect()
}

/// `size.complaint_years` years of figures for every procedure.
fn complaints(rng: &mut Rng, size: Size) -> Vec<ComplaintsYear> {
    let mut years = vec![];
    for procedure in Procedure::ALL {
        for y in 0..size.complaint_years {
            let received = rng.between(80, 1_200);
            let closed = received * 9 / 10;
            let upheld = closed / 4;
            let partly = closed / 5;
            let not_upheld = closed - upheld - partly;
            let mut year = ComplaintsYear::new(
                Period::FinancialYear {
                    start_year: 2010 + y as i32,
                },
                procedure,
            );
            year.received = Some(received);
            year.closed = Some(closed);
            year.stages = vec![
                StageCount {
                    stage: 0,
                    count: received / 2,
                },
                StageCount {
                    stage: 1,
                    count: received / 3,
                },
                StageCount {
                    stage: 2,
                    count: received / 10,
                },
            ];
            year.outcomes = vec![
                OutcomeCount {
                    outcome: Outcome::Upheld,
                    count: upheld,
                },
                OutcomeCount {
                    outcome: Outcome::PartlyUpheld,
                    count: partly,
                },
                OutcomeCount {
                    outcome: Outcome::NotUpheld,
                    count: not_upheld,
                },
            ];
            year.categories = ["Assessment", "Financial", "Care provision", "Communication"]
                .iter()
                .enumerate()
                .map(|(k, label)| LabelledCount {
                    label: (*label).into(),
                    count: received / (k as u32 + 3),
                })
                .collect();
            year.exceeded_timescale = Some(rng.between(0, received / 5));
            year.compliments = Some(rng.between(50, 2_000));
            years.push(year);
        }
    }
    years
}

/// A case list of `rows` complaints (CSV with a header), the same for the
/// same `seed`, that `cases::read_cases` reads without a fault.
pub fn case_list(seed: u64, rows: usize) -> String {
    let mut rng = Rng::new(seed);
    let procedures = [
        "adult social care",
        "children statutory",
        "children non-statutory",
        "corporate",
    ];
    let outcomes = [
        "upheld",
        "partly upheld",
        "not upheld",
        "withdrawn",
        "early resolution",
        "",
    ];
    let start = NaiveDate::from_ymd_opt(2015, 4, 1).expect("a date");
    let mut table: Vec<Vec<String>> = vec![[
        "reference",
        "procedure",
        "received",
        "stage",
        "category",
        "outcome",
        "acknowledged",
        "responded",
    ]
    .map(str::to_owned)
    .to_vec()];
    for i in 0..rows {
        let received = start + chrono::Days::new(u64::from(rng.between(0, 5 * 365)));
        let outcome = outcomes[rng.between(0, 5) as usize];
        let answered = !outcome.is_empty();
        let acknowledged = received + chrono::Days::new(u64::from(rng.between(0, 3)));
        let responded = received + chrono::Days::new(u64::from(rng.between(1, 60)));
        table.push(vec![
            format!("C-{i:05}"),
            procedures[i % procedures.len()].to_owned(),
            received.format("%Y-%m-%d").to_string(),
            rng.between(0, 2).to_string(),
            ["Assessment", "Financial", "Care provision", "Communication"]
                [rng.between(0, 3) as usize]
                .to_owned(),
            outcome.to_owned(),
            acknowledged.format("%Y-%m-%d").to_string(),
            if answered {
                responded.format("%Y-%m-%d").to_string()
            } else {
                String::new()
            },
        ]);
    }
    crate::file::csv::write_rows(&table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_differs() {
        let small = Size {
            indicators: 20,
            quarters: 4,
            risks: 10,
            risk_quarters: 2,
            complaint_years: 2,
        };
        assert_eq!(snapshot(7, small), snapshot(7, small));
        assert_ne!(snapshot(7, small), snapshot(8, small));
        assert_eq!(case_list(7, 50), case_list(7, 50));
        let mut a = Rng::new(1);
        let mut b = Rng::new(1);
        assert_eq!(
            (0..5).map(|_| a.next_u64()).collect::<Vec<_>>(),
            (0..5).map(|_| b.next_u64()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_large_snapshot_has_the_measured_size_and_is_valid() {
        let s = snapshot(2026, Size::LARGE);
        assert_eq!(s.indicators.len(), 1_000);
        assert!(s
            .indicators
            .iter()
            .all(|i| i.values.len() == 20 && i.comparators.len() == 3));
        assert_eq!(s.register.len(), 200);
        assert!(s.register.iter().all(|e| e.assessments.len() == 8));
        assert_eq!(s.complaints.len(), 40);
        assert_eq!(crate::file::validate::validate(&s), vec![]);
        // It survives the file format whole.
        let text = crate::file::format::export(&s, chrono::DateTime::UNIX_EPOCH, "bench");
        let opened = crate::file::format::import(&text).expect("opens");
        assert_eq!(opened.snapshot, s);
    }

    #[test]
    fn the_case_list_reads_without_a_fault() {
        let text = case_list(2026, 20_000);
        let cases = crate::complaints::cases::read_cases(&text).expect("reads");
        assert_eq!(cases.len(), 20_000);
        let summed = crate::complaints::cases::aggregate(&cases);
        let total: u32 = summed.iter().filter_map(|y| y.received).sum();
        assert_eq!(total, 20_000);
    }
}
