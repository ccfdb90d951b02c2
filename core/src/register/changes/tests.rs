//! Tests of what changed between quarters, on the seed registers and on
//! made-up ones.

use super::*;
use crate::register::arrows::{Arrow, ArrowSet};
use crate::register::fixtures::{demo_snapshot, every_row, q};
use crate::register::rows::{on_register_count, retired, Retired};

/// reference); an entry on both registers counts once for each quarter.
fn accounted(c: &Changes) -> Vec<(&'static str, Period, String)> {
    let mut all = vec![];
    for l in &c.new {
        all.push(("new", c.to, l.id.clone()));
    }
    for l in &c.left {
        all.push(("left", c.from, l.id.clone()));
    }
    let lists = [
        ("reworked", c.reworked()),
        ("up", c.moved(Ordering::Greater)),
        ("down", c.moved(Ordering::Less)),
        ("renumbered", c.renumbered()),
        ("unchanged", c.unchanged()),
    ];
    for (name, list) in lists {
        for e in list {
            all.push((name, c.to, e.id.clone()));
            all.push((name, c.from, e.was_id.clone().unwrap_or(e.id.clone())));
        }
    }
    all
}

/// Every entry on either register is in exactly one list.
fn assert_each_entry_once(s: &Snapshot, c: &Changes) {
    let all = accounted(c);
    let mut seen: Vec<(Period, String)> = all.iter().map(|(_, p, id)| (*p, id.clone())).collect();
    seen.sort_by(|a, b| a.0.timeline_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let count = seen.len();
    seen.dedup();
    assert_eq!(seen.len(), count, "an entry in two lists: {all:?}");
    let mut held: Vec<(Period, String)> = [c.from, c.to]
        .iter()
        .flat_map(|p| {
            s.register
                .iter()
                .filter(|e| e.on_register(p).is_some())
                .map(|e| (*p, e.id.clone()))
        })
        .collect();
    held.sort_by(|a, b| a.0.timeline_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    assert_eq!(seen, held, "every entry of both quarters: {all:?}");
    let total = c.new.len()
        + c.left.len()
        + 2 * (c.reworked().len()
            + c.moved(Ordering::Greater).len()
            + c.moved(Ordering::Less).len()
            + c.renumbered().len()
            + c.unchanged().len());
    assert_eq!(total, held.len());
}

/// The references in one list, as of the quarter it describes.
fn list_of(c: &Changes, name: &str) -> Vec<String> {
    let quarter = if name == "left" { c.from } else { c.to };
    accounted(c)
        .into_iter()
        .filter(|(list, p, _)| *list == name && *p == quarter)
        .map(|(_, _, id)| id)
        .collect()
}

#[test]
fn the_change_list_matches_the_seed_registers_cover_report() {
    let s = demo_snapshot();
    let changes = Changes::between(&s, q("Q2 2018/19"), q("Q2 2019/20"));
    assert_each_entry_once(&s, &changes);
    assert_eq!(on_register_count(&s, &q("Q2 2018/19")), 15);
    assert_eq!(on_register_count(&s, &q("Q2 2019/20")), 16);
    // New titles sharing at most 1 significant word with anything left
    // over: demand (CR4), ICT (CR11), intermediate care (CR12), Fair
    // Funding (CO3, which shares only "retention" with the old CO3) and
    // health partners (CO4).
    assert_eq!(
        list_of(&changes, "new"),
        vec!["CR4", "CR11", "CR12", "CO3", "CO4"]
    );
    // CR1 "Reshaping the County Council" replaces the operational plan
    // (2 of its 3 significant words); recruitment and retention went from
    // Children's Services (CR4) to the whole organisation (CR5: 4 of 5).
    let reworked: Vec<(&str, Option<&str>, &str)> = changes
        .reworked()
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.was_id.as_deref(),
                c.was_title.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        reworked,
        vec![
            (
                "CR1",
                None,
                "Delivering the Operational Plan to ensure a strong and sustainable County Council"
            ),
            (
                "CR5",
                Some("CR4"),
                "Recruit and retain experienced staff within Children's Services"
            ),
        ]
    );
    assert_eq!(
        changes.reworked()[1].line(),
        "CR5, was CR4: Recruit and retain experienced staff across the organisation \
         (previously \u{201c}Recruit and retain experienced staff within Children's Services\u{201d}), \
         down from 16 to 12 (Major/Possible)"
    );
    assert_eq!(
        changes.reworked()[0].line(),
        "CR1 Reshaping the County Council (previously \u{201c}Delivering the Operational Plan \
         to ensure a strong and sustainable County Council\u{201d})"
    );
    // Hospital discharge, adult social care provision, data breaches and
    // the recruitment opportunity are not on the 2019 register, though
    // their references are, for other entries.
    assert_eq!(
        list_of(&changes, "left"),
        vec!["CR9", "CR10", "CR12", "CO3"]
    );
    assert_eq!(
        changes.left[0].line_in(changes.from),
        "CR9 in Q2 2018/19: Discharge of patients from hospital into their own home or \
         enablement/short term care in a safe and timely manner"
    );
    assert!(changes.left.iter().all(|l| l.reason.is_none()));
    let renumbered: Vec<(String, String)> = changes
        .renumbered()
        .iter()
        .map(|c| (c.was_id.clone().unwrap_or_default(), c.id.clone()))
        .collect();
    assert_eq!(
        renumbered,
        vec![
            ("CR5".to_owned(), "CR6".to_owned()),
            ("CR6".to_owned(), "CR7".to_owned()),
            ("CR7".to_owned(), "CR8".to_owned()),
            ("CR11".to_owned(), "CR10".to_owned()),
        ]
    );
    // CR6 has no residual score in 2019: it cannot have moved, and says so.
    assert_eq!(
        changes.renumbered()[0].line(),
        "CR6, was CR5: Managing our data well and producing effective management information; \
         no residual score now (was 12)"
    );
    assert_eq!(
        changes.renumbered()[3].line(),
        "CR10, was CR11: Supporting disadvantaged families to fulfil their potential \
         (Troubled Families Programme)"
    );
    let moved = |way| {
        changes
            .moved(way)
            .iter()
            .map(|c| {
                format!(
                    "{} {}->{}",
                    c.reference(),
                    c.was_residual.map_or(0, |s| s.value()),
                    c.residual.map_or(0, |s| s.value())
                )
            })
            .collect::<Vec<_>>()
    };
    // The new CR9 is the old CR8 (special educational needs), not the old
    // CR9, which has left: renumbered and moved, it is only listed as down.
    assert_eq!(
        moved(Ordering::Less),
        vec!["CR2 16->12", "CR9, was CR8 16->12"]
    );
    assert_eq!(
        changes.moved(Ordering::Less)[0].line(),
        "CR2 Protect and safeguard children: down from 16 to 12 (Major/Possible)"
    );
    assert_eq!(
        changes.moved(Ordering::Less)[0].movement(),
        "Protect and safeguard children: down from 16 to 12 (Major/Possible)"
    );
    assert_eq!(
        changes.moved(Ordering::Less)[1].line(),
        "CR9, was CR8: Delivering a statutory service for children and young people with \
         special educational needs and/or disabilities: down from 16 to 12 (Major/Possible)"
    );
    assert!(
        moved(Ordering::Greater).is_empty(),
        "{:?}",
        moved(Ordering::Greater)
    );
    // CR3 lost only its closing full stop; the opportunities kept their titles and scores.
    assert_eq!(list_of(&changes, "unchanged"), vec!["CR3", "CO1", "CO2"]);
    assert_eq!(
        changes.summary(),
        "5 new, 2 re-worked, 4 no longer on the register, 0 scores up, 2 down, 4 renumbered, 3 unchanged"
    );
    // The rule the panel prints names every word it leaves out.
    let rule = matching_rule();
    assert!(rule.contains(&format!("do not count: {}. 3.", STOP_WORDS.join(", "))));
    assert!(rule.contains("more than half the significant words of the shorter title"));
    // CR2 moved from 4 x 4 (16 printed: only one cell) to 4 x 3, and so
    // did the re-worked CR5 (was CR4) and CR9 (was CR8). CR1 and CR10
    // stayed at 4 x 4; CR7 and CR8 printed a 12, which has two cells.
    let list = every_row(&s, "Q2 2019/20", "2019-09-30");
    assert_eq!(
        ArrowSet::from_key("movement"),
        Some(ArrowSet::SinceLastQuarter)
    );
    assert!(
        ArrowSet::SinceLastQuarter
            .arrows(&list, None, EntryKind::Risk)
            .is_empty(),
        "no earlier quarter"
    );
    assert!(ArrowSet::None
        .arrows(&list, Some(&changes), EntryKind::Risk)
        .is_empty());
    let arrows = ArrowSet::SinceLastQuarter.arrows(&list, Some(&changes), EntryKind::Risk);
    let arrow = |id: &str| Arrow {
        id: id.into(),
        from: (4, 4),
        to: (4, 3),
    };
    assert_eq!(arrows, vec![arrow("CR2"), arrow("CR5"), arrow("CR9")]);
    assert!(ArrowSet::SinceLastQuarter
        .arrows(&list, Some(&changes), EntryKind::Opportunity)
        .is_empty());
}

#[test]
fn a_retired_entry_is_listed_with_its_reason_and_scores_moving_up_are_found() {
    let mut s = demo_snapshot();
    let entry = s.register.iter_mut().find(|e| e.id == "CR3").expect("CR3");
    entry.retired = Some(crate::domain::register::Retirement {
        period: q("Q2 2019/20"),
        reason: "Covered by CR2".into(),
    });
    let co1 = s.register.iter_mut().find(|e| e.id == "CO1").expect("CO1");
    let a = co1
        .assessments
        .iter_mut()
        .find(|a| a.period == q("Q2 2019/20"))
        .expect("held");
    a.residual = Some(Score::Rated {
        impact: 5,
        likelihood: 4,
    });
    let changes = Changes::between(&s, q("Q2 2018/19"), q("Q2 2019/20"));
    assert_each_entry_once(&s, &changes);
    let gone = changes.left.iter().find(|l| l.id == "CR3").expect("listed");
    assert_eq!(gone.reason.as_deref(), Some("Covered by CR2"));
    assert_eq!(
        retired(&s),
        vec![Retired {
            id: "CR3".into(),
            title: "Complying with statutory requirements and duties relating to children looked after, children in need and children leaving care".into(),
            from: q("Q2 2019/20"),
            reason: "Covered by CR2".into(),
        }]
    );
    assert_eq!(on_register_count(&s, &q("Q2 2019/20")), 15);
    assert_eq!(on_register_count(&s, &q("Q2 2018/19")), 15);
    let up: Vec<&str> = changes
        .moved(Ordering::Greater)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(up, vec!["CO1"]);
    assert_eq!(
        changes.moved(Ordering::Greater)[0].line(),
        "CO1 Delivering growth and prosperity for the whole of Lancashire: up from 16 to 20 (Outstanding/Likely)"
    );
    assert_eq!(list_of(&changes, "unchanged"), vec!["CO2"]);
}

fn held(period: &str, title: &str, residual: Option<u8>) -> Assessment {
    Assessment {
        residual: residual.map(|value| Score::Printed { value }),
        ..Assessment::new(q(period), title)
    }
}

const BEFORE: &str = "Q1 2019/20";
const AFTER: &str = "Q2 2019/20";

fn entry(id: &str, assessments: Vec<Assessment>) -> RegisterEntry {
    RegisterEntry {
        id: id.into(),
        kind: if id.starts_with("CO") {
            EntryKind::Opportunity
        } else {
            EntryKind::Risk
        },
        assessments,
        retired: None,
        history: vec![],
    }
}

/// The changes between two quarters of a made-up register, checked to
/// list every entry once.
fn changes_of(register: Vec<RegisterEntry>) -> Changes {
    let mut s = demo_snapshot();
    s.register = register.into();
    let changes = Changes::between(&s, q(BEFORE), q(AFTER));
    assert_each_entry_once(&s, &changes);
    changes
}

/// Each list's lines, by name.
fn lines(c: &Changes) -> Vec<(&'static str, Vec<String>)> {
    let of = |list: Vec<&Continuing>| list.iter().map(|e| e.line()).collect::<Vec<_>>();
    vec![
        ("new", c.new.iter().map(Listed::line).collect()),
        ("reworked", of(c.reworked())),
        ("left", c.left.iter().map(|l| l.line_in(c.from)).collect()),
        ("up", of(c.moved(Ordering::Greater))),
        ("down", of(c.moved(Ordering::Less))),
        ("renumbered", of(c.renumbered())),
        ("unchanged", of(c.unchanged())),
    ]
    .into_iter()
    .filter(|(_, l)| !l.is_empty())
    .collect()
}

#[test]
fn the_same_title_under_a_new_reference_is_renumbered() {
    let changes = changes_of(vec![
        entry("CR1", vec![held(BEFORE, "Flooding", Some(12))]),
        entry(
            "CR2",
            vec![
                held(BEFORE, "Cyber attack", Some(12)),
                held(AFTER, "  flooding. ", Some(12)),
            ],
        ),
        entry("CR3", vec![held(AFTER, "Cyber Attack", Some(16))]),
    ]);
    assert_eq!(
        lines(&changes),
        vec![
            (
                "up",
                vec!["CR3, was CR2: Cyber Attack: up from 12 to 16".to_owned()]
            ),
            ("renumbered", vec!["CR2, was CR1:   flooding. ".to_owned()]),
        ]
    );
}

#[test]
fn a_reworded_title_under_the_same_reference_is_re_worked() {
    let changes = changes_of(vec![entry(
        "CR1",
        vec![
            held(BEFORE, "Delivering the budget for the council", Some(16)),
            held(AFTER, "Delivering a balanced budget", Some(16)),
        ],
    )]);
    // "delivering", "budget" of "delivering, balanced, budget": 2 of 3.
    assert_eq!(
        lines(&changes),
        vec![(
            "reworked",
            vec!["CR1 Delivering a balanced budget (previously \u{201c}Delivering the budget for the council\u{201d})".to_owned()]
        )]
    );
}

#[test]
fn a_reworded_title_under_a_new_reference_is_re_worked_and_renumbered() {
    let changes = changes_of(vec![
        entry(
            "CR4",
            vec![
                held(
                    BEFORE,
                    "Recruit and retain experienced staff within Children's Services",
                    Some(16),
                ),
                held(
                    AFTER,
                    "Increase in demand for Children's Services",
                    Some(16),
                ),
            ],
        ),
        entry(
            "CR5",
            vec![held(
                AFTER,
                "Recruit and retain experienced staff across the organisation",
                Some(12),
            )],
        ),
    ]);
    // The new CR4 shares "children" and "services" with the old: 2 of 5.
    assert_eq!(
        lines(&changes),
        vec![
            ("new", vec!["CR4 Increase in demand for Children's Services".to_owned()]),
            (
                "reworked",
                vec!["CR5, was CR4: Recruit and retain experienced staff across the organisation \
                      (previously \u{201c}Recruit and retain experienced staff within Children's Services\u{201d}), \
                      down from 16 to 12".to_owned()]
            ),
        ]
    );
}

#[test]
fn an_unrelated_entry_under_the_same_reference_is_new_and_the_old_one_has_left() {
    let changes = changes_of(vec![entry(
        "CO3",
        vec![
            held(BEFORE, "Develop and implement improved recruitment and retention practices to address increasing challenges", Some(16)),
            held(AFTER, "Fair Funding and Business Rate Retention", None),
        ],
    )]);
    assert_eq!(
        lines(&changes),
        vec![
            ("new", vec!["CO3 Fair Funding and Business Rate Retention".to_owned()]),
            (
                "left",
                vec!["CO3 in Q1 2019/20: Develop and implement improved recruitment and retention practices to address increasing challenges".to_owned()]
            ),
        ]
    );
    // Half the shorter title's words is not enough: "future" and
    // "provision" are 2 of "future, provision, ict, services".
    assert_eq!(
        rewording(
            "Adult social care provision is adequate and responsive to meet current and future demand",
            "Future provision of ICT services"
        ),
        None
    );
    assert_eq!(
        rewording(
            "Reshaping the County Council",
            "Delivering the Operational Plan to ensure a strong and sustainable County Council"
        ),
        Some((2, 3))
    );
}

#[test]
fn a_retired_entry_has_left_with_its_reason() {
    let mut gone = entry("CR7", vec![held(BEFORE, "Brexit", Some(9))]);
    gone.retired = Some(crate::domain::register::Retirement {
        period: q(AFTER),
        reason: "The UK has left the EU".into(),
    });
    let changes = changes_of(vec![
        gone,
        entry("CR8", vec![held(BEFORE, "Storms", Some(9))]),
    ]);
    assert_eq!(
        lines(&changes),
        vec![(
            "left",
            vec![
                "CR7 in Q1 2019/20: Brexit".to_owned(),
                "CR8 in Q1 2019/20: Storms".to_owned()
            ]
        )]
    );
    let reasons: Vec<Option<&str>> = changes.left.iter().map(|l| l.reason.as_deref()).collect();
    assert_eq!(reasons, vec![Some("The UK has left the EU"), None]);
}

#[test]
fn a_risk_never_matches_an_opportunity() {
    let changes = changes_of(vec![
        entry("CR1", vec![held(BEFORE, "Digital services", Some(12))]),
        entry("CO1", vec![held(AFTER, "Digital services", Some(12))]),
        entry(
            "CR2",
            vec![held(BEFORE, "Growth of the local economy", Some(8))],
        ),
        entry(
            "CO2",
            vec![held(
                AFTER,
                "Growth of the local economy across Lancashire",
                Some(8),
            )],
        ),
    ]);
    assert_eq!(
        lines(&changes),
        vec![
            (
                "new",
                vec![
                    "CO1 Digital services".to_owned(),
                    "CO2 Growth of the local economy across Lancashire".to_owned()
                ]
            ),
            (
                "left",
                vec![
                    "CR1 in Q1 2019/20: Digital services".to_owned(),
                    "CR2 in Q1 2019/20: Growth of the local economy".to_owned()
                ]
            ),
        ]
    );
}

#[test]
fn entries_sharing_a_title_keep_their_own_references() {
    // Two old entries and two new ones all called "Winter pressures":
    // CR2 and CR3 continue under their own references, whichever comes first.
    let changes = changes_of(vec![
        entry("CR1", vec![held(AFTER, "Winter pressures", Some(9))]),
        entry(
            "CR2",
            vec![
                held(BEFORE, "Winter pressures", Some(12)),
                held(AFTER, "Winter pressures", Some(8)),
            ],
        ),
        entry("CR3", vec![held(BEFORE, "Winter pressures", Some(16))]),
    ]);
    assert_eq!(
        lines(&changes),
        vec![(
            "down",
            vec![
                "CR1, was CR3: Winter pressures: down from 16 to 9".to_owned(),
                "CR2 Winter pressures: down from 12 to 8".to_owned(),
            ]
        ),]
    );
    // Re-worded titles go to the closest of the entries left over.
    let changes = changes_of(vec![
        entry(
            "CR1",
            vec![held(BEFORE, "Roads and bridges maintenance", Some(9))],
        ),
        entry(
            "CR2",
            vec![held(
                BEFORE,
                "Roads bridges and street lighting maintenance",
                Some(9),
            )],
        ),
        entry(
            "CR3",
            vec![held(
                AFTER,
                "Maintenance of roads, bridges and street lighting",
                Some(9),
            )],
        ),
    ]);
    assert_eq!(changes.reworked()[0].reference(), "CR3, was CR2");
    assert_eq!(list_of(&changes, "left"), vec!["CR1"]);
}
