//! Property: for any snapshot the app can hold, export then import gives back
//! an equal snapshot, and the stored record reads back equal too.
//!
//! Snapshots are generated from a seeded pseudo-random source (no extra
//! crates), 300 cases, covering every period kind, unit, missing reason,
//! score form and complaints field, with awkward text (quotes, emoji, RTL,
//! newlines). A failure prints the case number and the seed to replay.

// A test may sort with the standard library (core/clippy.toml).
#![allow(clippy::disallowed_methods)]

use chrono::{DateTime, NaiveDate, Utc};
use scrutineer_core::domain::complaints::{
    ComplaintsYear, LabelledCount, Ombudsman, Outcome, OutcomeCount, Procedure, StageCount,
};
use scrutineer_core::domain::indicator::{
    Commentary, Comparator, ComparatorKind, CompareWith, Indicator, Observation, RagOverride,
    Rebasing, ServiceArea,
};
use scrutineer_core::domain::period::{Period, YearMonth};
use scrutineer_core::domain::rag::{Polarity, Rag, Target, TargetRule};
use scrutineer_core::domain::register::{Assessment, HistoryNote, RegisterEntry, Retirement};
use scrutineer_core::domain::risk::{EntryKind, Score, POSSIBLE_SCORES};
use scrutineer_core::domain::snapshot::{Settings, Snapshot, Source};
use scrutineer_core::domain::value::{MissingReason, Unit, Value};
use scrutineer_core::file::format::{export, import, import_careful, import_quick, VERSION};
use scrutineer_core::file::store::{decode, decode_careful, decode_quick, encode, Stored};
use scrutineer_core::file::validate::validate;

/// xorshift64*: small, seeded, good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn text(&mut self) -> String {
        const WORDS: [&str; 12] = [
            "Children's",
            "\"quoted\"",
            "caf\u{e9}",
            "\u{1f4ca}",
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
            "line\nbreak",
            "tab\there",
            "back\\slash",
            "50%",
            "<b>tag</b>",
            "&amp;",
            "CR1.2",
        ];
        let n = 1 + self.below(6);
        (0..n)
            .map(|_| *self.pick(&WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn opt<T>(&mut self, make: impl FnOnce(&mut Rng) -> T) -> Option<T> {
        if self.chance(50) {
            Some(make(self))
        } else {
            None
        }
    }
}

fn period(r: &mut Rng) -> Period {
    let year = r.range(1990, 2090) as i32;
    let month = |r: &mut Rng, year| YearMonth::new(year, r.range(1, 12) as u32).expect("month");
    match r.below(7) {
        0 => Period::FinancialYear { start_year: year },
        1 => Period::Quarter {
            start_year: year,
            quarter: r.range(1, 4) as u8,
        },
        2 => Period::Month(month(r, year)),
        3 => Period::CalendarYear(year),
        4 => Period::AsAt(
            NaiveDate::from_ymd_opt(year, 1, 1).expect("date") + chrono::Days::new(r.below(365)),
        ),
        5 => {
            let first = month(r, year);
            let next = year + r.range(0, 1) as i32;
            let last = month(r, next);
            let (first, last) = if last < first {
                (last, first)
            } else {
                (first, last)
            };
            Period::MonthRange { first, last }
        }
        _ => Period::YearRange {
            first: year,
            last: year + r.range(1, 5) as i32,
        },
    }
}

fn value(r: &mut Rng, unit: Unit) -> Value {
    if r.chance(15) {
        return Value::missing(*r.pick(&[
            MissingReason::NotReported,
            MissingReason::NewMeasure,
            MissingReason::NotYetAvailable,
            MissingReason::NotCollected,
            MissingReason::NotApplicable,
        ]));
    }
    let decimals = r.range(0, 3) as u8;
    let scale = 10f64.powi(i32::from(decimals));
    let top = if unit == Unit::Percent {
        100.0
    } else {
        5_000_000.0
    };
    let v = ((r.below(1_000_000) as f64 / 1_000_000.0) * top * scale).round() / scale;
    Value::Figure {
        value: v,
        decimals,
        numerator: r.opt(|r| r.below(100_000) as f64),
        denominator: r.opt(|r| r.below(1_000_000) as f64),
    }
}

/// A number with every binary place used, as a share or a rate typed at
/// full precision gives (2.7027027027027026): `below(n) / (1 + below(d))`.
fn ratio(r: &mut Rng, n: u64, d: u64) -> f64 {
    r.below(n) as f64 / (1 + r.below(d)) as f64
}

fn target(r: &mut Rng) -> Target {
    Target {
        value: ratio(r, 100_000, 97),
        rule: if r.chance(50) {
            TargetRule::Directional {
                amber_within: ratio(r, 2_000, 37).min(20.0),
            }
        } else {
            let green_within = ratio(r, 250, 37);
            TargetRule::GoalPost {
                green_within,
                amber_within: green_within + ratio(r, 2_000, 37).min(20.0),
            }
        },
    }
}

fn score(r: &mut Rng) -> Score {
    if r.chance(50) {
        Score::Rated {
            impact: r.range(1, 5) as u8,
            likelihood: r.range(1, 5) as u8,
        }
    } else {
        Score::Printed {
            value: *r.pick(&POSSIBLE_SCORES),
        }
    }
}

fn snapshot(r: &mut Rng) -> Snapshot {
    let sources: Vec<Source> = (0..r.below(4))
        .map(|i| Source {
            id: format!("source-{i}"),
            title: r.text(),
            date: r
                .opt(|r| NaiveDate::from_ymd_opt(r.range(1995, 2030) as i32, 3, 31).expect("date")),
            reference: r.opt(Rng::text),
        })
        .collect();
    let source_ids: Vec<Option<String>> = std::iter::once(None)
        .chain(sources.iter().map(|s| Some(s.id.clone())))
        .collect();
    let areas: Vec<ServiceArea> = (0..1 + r.below(4))
        .map(|i| ServiceArea {
            id: format!("area-{i}"),
            name: r.text(),
            directorate: r.opt(Rng::text),
            commentary: (0..r.below(2))
                .map(|_| Commentary {
                    period: period(r),
                    text: r.text(),
                    source: r.pick(&source_ids).clone(),
                })
                .collect(),
        })
        .collect();
    let units = [
        Unit::Count,
        Unit::Number,
        Unit::Percent,
        Unit::RatePer1000,
        Unit::RatePer10000,
        Unit::RatePer100000,
        Unit::Days,
        Unit::Money,
    ];
    let indicators: Vec<Indicator> = (0..r.below(8))
        .map(|i| {
            let unit = *r.pick(&units);
            let mut periods: Vec<Period> = (0..r.below(7)).map(|_| period(r)).collect();
            periods.sort_by(|a, b| a.timeline_cmp(b));
            periods.dedup();
            // A change of process at one of its periods, now and then.
            let rebasings: Vec<Rebasing> = periods
                .iter()
                .skip(1)
                .take(r.below(2) as usize)
                .map(|p| Rebasing {
                    period: *p,
                    reason: r.text(),
                })
                .collect();
            Indicator {
                id: format!("indicator-{i}"),
                service_area: format!("area-{}", r.below(areas.len() as u64)),
                name: r.text(),
                group: r.opt(Rng::text),
                unit,
                polarity: *r.pick(&[Polarity::High, Polarity::Low, Polarity::None]),
                compare_with: *r.pick(&[CompareWith::PreviousPeriod, CompareWith::SameLastYear]),
                definition: r.opt(Rng::text),
                owner: r.opt(Rng::text),
                target: r.opt(target),
                source: r.pick(&source_ids).clone(),
                values: periods
                    .into_iter()
                    .map(|p| Observation {
                        period: p,
                        value: value(r, unit),
                        target: r.opt(target),
                        rag_override: r.opt(|r| RagOverride {
                            rag: *r.pick(&[Rag::Green, Rag::Amber, Rag::Red]),
                            reason: r.text(),
                        }),
                        note: r.opt(Rng::text),
                        source: r.pick(&source_ids).clone(),
                    })
                    .collect(),
                comparators: (0..r.below(3))
                    .map(|_| Comparator {
                        kind: *r.pick(&[
                            ComparatorKind::England,
                            ComparatorKind::Region,
                            ComparatorKind::StatisticalNeighbours,
                        ]),
                        name: r.opt(Rng::text),
                        period: r.opt(period),
                        value: value(r, unit),
                        source: r.pick(&source_ids).clone(),
                    })
                    .collect(),
                commentary: (0..r.below(2))
                    .map(|_| Commentary {
                        period: period(r),
                        text: r.text(),
                        source: None,
                    })
                    .collect(),
                notes: (0..r.below(2)).map(|_| r.text()).collect(),
                rebasings,
            }
        })
        .collect();
    let register: Vec<RegisterEntry> = (0..r.below(5))
        .map(|i| {
            let kind = *r.pick(&[EntryKind::Risk, EntryKind::Opportunity]);
            let mut quarters: Vec<Period> = (0..1 + r.below(3))
                .map(|_| Period::Quarter {
                    start_year: r.range(2015, 2030) as i32,
                    quarter: r.range(1, 4) as u8,
                })
                .collect();
            quarters.sort_by(|a, b| a.timeline_cmp(b));
            quarters.dedup();
            RegisterEntry {
                id: format!("C{}{i}", if kind == EntryKind::Risk { "R" } else { "O" }),
                kind,
                assessments: quarters
                    .into_iter()
                    .map(|q| Assessment {
                        period: q,
                        title: r.text(),
                        description: r.opt(Rng::text),
                        risk_type: r.opt(Rng::text),
                        consequences: r.opt(Rng::text),
                        controls: r.opt(Rng::text),
                        inherent: r.opt(score),
                        actions: r.opt(Rng::text),
                        residual: r.opt(score),
                        target: r.opt(score),
                        owner: r.opt(Rng::text),
                        direction: r.opt(Rng::text),
                        next_review: r.opt(|r| {
                            NaiveDate::from_ymd_opt(
                                r.range(2015, 2030) as i32,
                                r.range(1, 12) as u32,
                                1,
                            )
                            .expect("date")
                        }),
                        notes: (0..r.below(2)).map(|_| r.text()).collect(),
                        source: r.pick(&source_ids).clone(),
                    })
                    .collect(),
                retired: r.opt(|r| Retirement {
                    period: Period::Quarter {
                        start_year: 2031,
                        quarter: 1,
                    },
                    reason: r.text(),
                }),
                history: (0..r.below(3))
                    .map(|_| HistoryNote {
                        on: NaiveDate::from_ymd_opt(r.range(2015, 2030) as i32, 6, 1)
                            .expect("date"),
                        period: Period::Quarter {
                            start_year: r.range(2015, 2030) as i32,
                            quarter: r.range(1, 4) as u8,
                        },
                        change: r.text(),
                        reason: r.text(),
                    })
                    .collect(),
            }
        })
        .collect();
    let outcomes = [
        Outcome::Upheld,
        Outcome::PartlyUpheld,
        Outcome::NotUpheld,
        Outcome::Withdrawn,
        Outcome::EarlyResolution,
        Outcome::NotInvestigated,
        Outcome::StillOpen,
    ];
    let mut complaints = vec![];
    for year in 2010..2010 + r.below(6) as i32 {
        for procedure in Procedure::ALL {
            if r.chance(60) {
                continue;
            }
            let mut c = ComplaintsYear::new(Period::FinancialYear { start_year: year }, procedure);
            c.received = r.opt(|r| r.below(2000) as u32);
            c.stages = (0..r.below(4) as u8)
                .map(|stage| StageCount {
                    stage,
                    count: r.below(300) as u32,
                })
                .collect();
            c.closed = r.opt(|r| r.below(2000) as u32);
            c.outcomes = (0..r.below(4))
                .map(|i| OutcomeCount {
                    outcome: outcomes[i as usize],
                    count: r.below(300) as u32,
                })
                .collect();
            c.categories = (0..r.below(3))
                .map(|_| LabelledCount {
                    label: r.text(),
                    count: r.below(200) as u32,
                })
                .collect();
            c.exceeded_timescale = r.opt(|r| r.below(100) as u32);
            c.compliments = r.opt(|r| r.below(9000) as u32);
            c.compliments_by_service = (0..r.below(2))
                .map(|_| LabelledCount {
                    label: r.text(),
                    count: 1,
                })
                .collect();
            c.joint_with_nhs = r.opt(|r| r.below(50) as u32);
            c.ombudsman = r.opt(|r| Ombudsman {
                enquiries: r.opt(|r| r.below(100) as u32),
                investigations: r.opt(|r| r.below(100) as u32),
                decisions: r.opt(|r| r.below(100) as u32),
                outcomes: vec![OutcomeCount {
                    outcome: Outcome::Upheld,
                    count: r.below(20) as u32,
                }],
                settlements_paid: r.opt(|r| r.below(100_000_000) as f64 / 100.0),
            });
            c.investigation_cost = r.opt(|r| r.below(1_000_000) as f64 / 100.0);
            c.notes = (0..r.below(2)).map(|_| r.text()).collect();
            c.source = r.pick(&source_ids).clone();
            complaints.push(c);
        }
    }
    Snapshot {
        organisation: r.text(),
        title: r.text(),
        as_at: NaiveDate::from_ymd_opt(r.range(1995, 2090) as i32, 6, 30).expect("date"),
        prepared_by: r.opt(Rng::text),
        accessibility_contact: r.opt(Rng::text),
        settings: Settings {
            score_bands: scrutineer_core::domain::risk::ScoreBands::four(),
            opportunity_bands: r
                .opt(|_| scrutineer_core::domain::risk::ScoreBands::three().mirrored()),
            risk_appetite: r.opt(|r| *r.pick(&POSSIBLE_SCORES)),
            amber_within: ratio(r, 100, 7),
            small_numbers: r.range(0, 1_000) as u32,
        },
        sources: sources.into(),
        service_areas: areas.into(),
        indicators: indicators.into(),
        register: register.into(),
        complaints: complaints.into(),
    }
}

#[test]
fn export_then_import_gives_back_an_equal_snapshot() {
    let seed = 0x5C2u64;
    let mut r = Rng(seed);
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .expect("instant")
        .with_timezone(&Utc);
    for case in 0..300 {
        let original = snapshot(&mut r);
        assert_eq!(
            validate(&original),
            vec![],
            "case {case} (seed {seed:#x}) is not a valid snapshot"
        );
        let text = export(&original, at, "test");
        let opened = import(&text).unwrap_or_else(|e| panic!("case {case} (seed {seed:#x}): {e}"));
        assert!(
            import_quick(&text) == Ok(opened.clone())
                && import_careful(&text) == Ok(opened.clone()),
            "case {case} (seed {seed:#x}): the quick and careful readers differ"
        );
        assert_eq!(
            opened.snapshot, original,
            "case {case} (seed {seed:#x}) changed on the way"
        );
        assert_eq!(
            opened.integrity,
            scrutineer_core::file::fingerprint::Integrity::AsExported,
            "case {case} (seed {seed:#x}): an unchanged file read as changed"
        );
        let stored = Stored::unsaved(original.clone()).next(original.clone(), at);
        let record = encode(&stored);
        let (back, _) = decode(&record).unwrap_or_else(|e| panic!("case {case}: {e}"));
        assert!(
            decode_quick(&record) == Ok((back.clone(), VERSION))
                && decode_careful(&record) == Ok((back.clone(), VERSION)),
            "case {case} (seed {seed:#x}): the quick and careful decoders differ"
        );
        assert_eq!(
            back, stored,
            "case {case} (seed {seed:#x}) changed in storage"
        );
    }
}

/// The fingerprint worked out on its own: SHA-256 of serde_json's compact text.
fn sha256_of_compact(snapshot: &Snapshot) -> String {
    use sha2::Digest;
    let compact = serde_json::to_string(snapshot).expect("text");
    sha2::Sha256::digest(compact.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file text as Scrutineer wrote it before issue 20: the envelope built
/// as a JSON tree (its keys in the order inserted, since the workspace's
/// serde_json keeps `preserve_order`), then printed.
fn written_through_a_tree(snapshot: &Snapshot, at: DateTime<Utc>, app_version: &str) -> String {
    let tree = serde_json::json!({
        "type": "scrutineer-snapshot",
        "version": scrutineer_core::file::format::VERSION,
        "exported_at": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "app_version": app_version,
        // The fingerprint, of the snapshot written compactly by serde_json.
        "content_sha256": sha256_of_compact(snapshot),
        "snapshot": serde_json::to_value(snapshot).expect("a tree"),
    });
    serde_json::to_string_pretty(&tree).expect("text") + "\n"
}

/// The stored record's text as it was written through a JSON tree.
fn stored_through_a_tree(stored: &Stored) -> String {
    let instant = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut tree = serde_json::Map::new();
    tree.insert("type".into(), "scrutineer-store".into());
    tree.insert(
        "version".into(),
        scrutineer_core::file::format::VERSION.into(),
    );
    tree.insert("revision".into(), stored.revision.into());
    if let Some(t) = stored.saved_at {
        tree.insert("saved_at".into(), instant(t).into());
    }
    if let Some(r) = stored.exported_revision {
        tree.insert("exported_revision".into(), r.into());
    }
    if let Some(t) = stored.exported_at {
        tree.insert("exported_at".into(), instant(t).into());
    }
    let snapshot = serde_json::to_value(&*stored.snapshot).expect("a tree");
    tree.insert("snapshot".into(), snapshot);
    serde_json::to_string(&tree).expect("text")
}

/// Files and stored records are byte-identical to those written before,
/// whatever the writer's route: the demo, the Lancashire pack, a synthetic
/// pack and 300 generated snapshots, exported and stored. (`assert!`, not
/// `assert_eq!`, so a failure names the case without printing whole files.)
#[test]
fn the_written_text_is_byte_identical_to_the_json_tree_route() {
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .expect("instant")
        .with_timezone(&Utc);
    let synthetic = scrutineer_core::file::synthetic::Size {
        indicators: 60,
        quarters: 12,
        risks: 30,
        risk_quarters: 4,
        complaint_years: 3,
    };
    let mut packs = vec![
        Snapshot::demo(),
        scrutineer_core::file::demo::lancashire(),
        scrutineer_core::file::synthetic::snapshot(2026, synthetic),
    ];
    let mut r = Rng(0x90_1d);
    packs.extend((0..300).map(|_| snapshot(&mut r)));
    for (case, pack) in packs.into_iter().enumerate() {
        assert!(
            export(&pack, at, "test") == written_through_a_tree(&pack, at, "test"),
            "case {case}: the exported text changed"
        );
        let stored = Stored::unsaved(pack.clone()).next(pack, at).exported(at);
        assert!(
            encode(&stored) == stored_through_a_tree(&stored),
            "case {case}: the stored text changed"
        );
        let unsaved = Stored::unsaved(stored.snapshot.clone());
        assert!(
            encode(&unsaved) == stored_through_a_tree(&unsaved),
            "case {case}: the unsaved record's text changed"
        );
    }
}
