use super::*;
use crate::compare::{Comparison, Line};
use crate::domain::indicator::Commentary;
use crate::domain::register::{HistoryNote, Retirement};
use crate::domain::value::Value;

fn period(label: &str) -> Period {
    label.parse().expect("a period")
}

fn indicator<'a>(pack: &'a mut Snapshot, id: &str) -> &'a mut Indicator {
    pack.indicators
        .iter_mut()
        .find(|i| i.id == id)
        .expect("the demo's indicator")
}

fn entry<'a>(pack: &'a mut Snapshot, id: &str) -> &'a mut RegisterEntry {
    pack.register
        .iter_mut()
        .find(|e| e.id == id)
        .expect("the demo's entry")
}

/// The demo's indicator "contacts" given `value` for `label`'s period.
fn with_figure(mut pack: Snapshot, label: &str, value: f64) -> Snapshot {
    let p = period(label);
    let contacts = indicator(&mut pack, "contacts");
    let mut figure = contacts.values[0].clone();
    figure.period = p;
    figure.value = Value::figure(value, 0);
    match contacts.values.iter_mut().find(|o| o.period == p) {
        Some(o) => *o = figure,
        None => contacts.values.push(figure),
    }
    pack
}

fn figure(pack: &Snapshot, label: &str) -> Option<f64> {
    pack.indicators
        .iter()
        .find(|i| i.id == "contacts")?
        .value_for(&period(label))?
        .value
        .number()
}

fn keys(merge: &Merge) -> Vec<(Key, Outcome)> {
    merge
        .items
        .iter()
        .map(|i| (i.key.clone(), i.outcome))
        .collect()
}

fn words(c: &Comparison) -> Vec<String> {
    c.summary().iter().map(Line::words).collect()
}

fn choose(merge: &Merge, side: Side) -> Choices {
    merge
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Conflict)
        .map(|i| (i.key.clone(), side))
        .collect()
}

/// One change of every kind of item, made to a copy of `base`.
fn every_kind_changed(base: &Snapshot) -> Snapshot {
    let mut s = base.clone();
    s.title = "Quarter 3 performance".to_owned();
    s.settings.risk_appetite = Some(9);
    s.sources[0].title = "Quarterly report, revised".to_owned();
    s.service_areas[0].name = "Children and families".to_owned();
    s.service_areas[0].commentary.push(Commentary {
        period: period("Q3 2019/20"),
        text: "Caseloads fell in the autumn.".to_owned(),
        source: None,
    });
    indicator(&mut s, "referrals").commentary.push(Commentary {
        period: period("Q3 2019/20"),
        text: "Referrals rose after the schools' return.".to_owned(),
        source: None,
    });
    entry(&mut s, "CR2").history.push(HistoryNote {
        on: chrono::NaiveDate::from_ymd_opt(2019, 12, 2).expect("a date"),
        period: period("Q2 2019/20"),
        change: "Owner changed".to_owned(),
        reason: "Restructure".to_owned(),
    });
    indicator(&mut s, "contacts").owner = Some("Head of Service".to_owned());
    let first = indicator(&mut s, "referrals").values[0].period;
    indicator(&mut s, "referrals").values[0].value = Value::figure(1.0, 0);
    indicator(&mut s, "re-referrals")
        .values
        .retain(|o| o.period != first);
    let mut added = s.indicators[0].clone();
    added.id = "new-indicator".to_owned();
    added.name = "A new indicator".to_owned();
    s.indicators.push(added);
    s.indicators.retain(|i| i.id != "contacts-to-referral");
    let quarter = entry(&mut s, "CR1").assessments[0].period;
    entry(&mut s, "CR1").retired = Some(Retirement {
        period: quarter,
        reason: "Merged into CR2".to_owned(),
    });
    entry(&mut s, "CR2").assessments[0].owner = Some("Director of Finance".to_owned());
    let mut later = entry(&mut s, "CR3").assessments[0].clone();
    later.period = period("Q3 2019/20");
    entry(&mut s, "CR3").assessments.push(later);
    s.register.retain(|e| e.id != "CR4");
    s.complaints[0].received = Some(999);
    s.complaints.pop();
    s
}

#[test]
fn a_pack_merged_with_itself_changes_nothing() {
    for pack in [Snapshot::demo(), Snapshot::demo_a_year_earlier()] {
        for common in [Common::Unknown, Common::Known(&pack)] {
            let merge = Merge::of(&pack, &pack, common);
            assert!(merge.is_empty(), "{:?}", keys(&merge));
            assert_eq!(
                merge.combine(&pack, &pack, &Choices::new()),
                Ok(pack.clone())
            );
        }
    }
}

#[test]
fn every_kind_of_item_one_copy_changed_is_taken_from_it() {
    let base = Snapshot::demo();
    let changed = every_kind_changed(&base);
    assert_eq!(validate(&changed), vec![]);
    // Changed in the file: the result is the file; in the data open now: the
    // data open now. Nothing is asked.
    for (open, file, side) in [(&base, &changed, Side::File), (&changed, &base, Side::Open)] {
        let merge = Merge::of(open, file, Common::Known(&base));
        assert!(merge.common);
        assert_eq!(merge.counts(None).conflicts, 0, "{:?}", keys(&merge));
        let combined = merge
            .combine(open, file, &Choices::new())
            .expect("combined");
        assert_eq!(&combined, if side == Side::File { file } else { open });
        let kinds: Vec<&str> = merge
            .items
            .iter()
            .map(|i| match i.key {
                Key::Detail(_) => "detail",
                Key::Source(_) => "source",
                Key::Area(_) => "area",
                Key::AreaCommentary(..) => "area commentary",
                Key::Indicator(_) => "indicator",
                Key::IndicatorDetails(_) => "indicator details",
                Key::Figure(..) => "figure",
                Key::Commentary(..) => "commentary",
                Key::Entry(_) => "entry",
                Key::EntryDetails(_) => "entry details",
                Key::History(_) => "history",
                Key::Quarter(..) => "quarter",
                Key::Complaints(..) => "complaints",
            })
            .collect();
        for kind in [
            "detail",
            "source",
            "area",
            "area commentary",
            "indicator",
            "indicator details",
            "figure",
            "commentary",
            "entry",
            "entry details",
            "quarter",
            "complaints",
        ] {
            assert!(kinds.contains(&kind), "no {kind} item in {kinds:?}");
        }
        // A history is joined: only the changes the file notes and the data
        // open now lacks are an item.
        assert_eq!(kinds.contains(&"history"), side == Side::File, "{kinds:?}");
        // What was removed reads as removed, by the copy that removed it.
        assert!(merge
            .items
            .iter()
            .any(|i| i.key == Key::Entry("CR4".to_owned()) && i.outcome == Outcome::Removed(side)));
        assert!(merge
            .items
            .iter()
            .any(|i| i.key == Key::Indicator("new-indicator".to_owned())
                && i.outcome == Outcome::Changed(side)));
    }
}

#[test]
fn both_copies_changing_one_figure_is_the_persons_choice_either_way() {
    let base = Snapshot::demo();
    let open = with_figure(base.clone(), "2016/17", 100.0);
    let file = with_figure(base.clone(), "2016/17", 200.0);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    let key = Key::Figure("contacts".to_owned(), period("2016/17"));
    assert_eq!(keys(&merge), vec![(key.clone(), Outcome::Conflict)]);
    assert_eq!(
        merge.combine(&open, &file, &Choices::new()),
        Err(CombineError::Unchosen(1))
    );
    let item = &merge.items[0];
    assert_eq!(item.label, "Number of contacts during the year, 2016/17");
    assert_eq!(item.section, Section::Indicators);
    assert_eq!(item.href, Some("#/indicators/contacts".to_owned()));
    assert_eq!(item.rows[0].what, "Figure");
    assert_eq!(item.rows[0].open.as_deref(), Some("100"));
    assert_eq!(item.rows[0].file.as_deref(), Some("200"));
    for (side, value) in [(Side::Open, 100.0), (Side::File, 200.0)] {
        let choices = Choices::from([(key.clone(), side)]);
        let combined = merge.combine(&open, &file, &choices).expect("combined");
        assert_eq!(figure(&combined, "2016/17"), Some(value));
        assert_eq!(combined.indicators.len(), base.indicators.len());
    }
}

#[test]
fn a_figure_removed_in_one_copy_and_revised_in_the_other_is_asked() {
    let base = Snapshot::demo();
    let mut open = base.clone();
    indicator(&mut open, "contacts")
        .values
        .retain(|o| o.period != period("2016/17"));
    let file = with_figure(base.clone(), "2016/17", 5.0);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    let key = Key::Figure("contacts".to_owned(), period("2016/17"));
    assert_eq!(keys(&merge), vec![(key.clone(), Outcome::Conflict)]);
    // The copy without it says so in every row.
    assert!(merge.items[0]
        .rows
        .iter()
        .all(|r| r.open.is_none() && r.file.is_some()));
    let kept = merge
        .combine(&open, &file, &Choices::from([(key.clone(), Side::Open)]))
        .expect("combined");
    assert_eq!(figure(&kept, "2016/17"), None);
    let revised = merge
        .combine(&open, &file, &Choices::from([(key, Side::File)]))
        .expect("combined");
    assert_eq!(figure(&revised, "2016/17"), Some(5.0));
    // Put back in its place in time, not at the end.
    assert_eq!(
        indicator(&mut revised.clone(), "contacts").values[0].period,
        period("2016/17")
    );
}

#[test]
fn removed_in_one_copy_and_untouched_in_the_other_is_removed() {
    let base = Snapshot::demo();
    let mut file = base.clone();
    file.register.retain(|e| e.id != "CR2");
    let merge = Merge::of(&base, &file, Common::Known(&base));
    assert_eq!(
        keys(&merge),
        vec![(Key::Entry("CR2".to_owned()), Outcome::Removed(Side::File))]
    );
    let combined = merge
        .combine(&base, &file, &Choices::new())
        .expect("combined");
    assert!(combined.register.iter().all(|e| e.id != "CR2"));
}

#[test]
fn without_a_common_version_what_one_copy_lacks_is_kept_and_what_differs_is_asked() {
    let base = Snapshot::demo();
    // The open copy has a new year's figure; the file a new quarter of CR3
    // and a revised figure.
    let open = with_figure(base.clone(), "Q2 2019/20", 7.0);
    let mut file = with_figure(base.clone(), "2016/17", 8.0);
    let mut later = entry(&mut file, "CR3").assessments[0].clone();
    later.period = period("Q3 2019/20");
    entry(&mut file, "CR3").assessments.push(later);
    let merge = Merge::of(&open, &file, Common::Unknown);
    assert!(!merge.common);
    assert_eq!(
        keys(&merge),
        vec![
            (
                Key::Figure("contacts".to_owned(), period("2016/17")),
                Outcome::Conflict
            ),
            (
                Key::Figure("contacts".to_owned(), period("Q2 2019/20")),
                Outcome::Only(Side::Open)
            ),
            (
                Key::Quarter("CR3".to_owned(), period("Q3 2019/20")),
                Outcome::Only(Side::File)
            ),
        ]
    );
    assert_eq!(
        merge.counts(None),
        Counts {
            from_open: 1,
            from_file: 1,
            conflicts: 1
        }
    );
    assert_eq!(merge.counts(Some(Section::Register)).from_file, 1);
    assert_eq!(
        merge.counts(None).words(),
        "1 change taken from the file, 1 change kept from the data open now and 1 item to choose."
    );
    assert_eq!(
        merge.counts(Some(Section::Register)).words(),
        "1 change taken from the file."
    );
    assert_eq!(Counts::default().words(), "");
    let choices = choose(&merge, Side::File);
    assert_eq!(
        merge.done_words(&choices),
        "1 change taken from the file, 1 change kept from the data open now, and of the 1 item both held differently, 1 taken from the file and 0 kept."
    );
    let combined = merge.combine(&open, &file, &choices).expect("combined");
    assert_eq!(figure(&combined, "Q2 2019/20"), Some(7.0));
    assert_eq!(figure(&combined, "2016/17"), Some(8.0));
    let cr3 = combined.register.iter().find(|e| e.id == "CR3").unwrap();
    assert_eq!(cr3.assessments.last().unwrap().period, period("Q3 2019/20"));
}

#[test]
fn merged_then_compared_with_either_copy_shows_only_the_others_changes() {
    let base = Snapshot::demo();
    // One officer revises a figure, the other a complaints year.
    let open = with_figure(base.clone(), "2016/17", 123.0);
    let mut file = base.clone();
    file.complaints[0].received = Some(4321);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    assert_eq!(merge.counts(None).conflicts, 0);
    let combined = merge
        .combine(&open, &file, &Choices::new())
        .expect("combined");
    let against_open = Comparison::of(&combined, &open, "open", true);
    let against_file = Comparison::of(&combined, &file, "file", true);
    assert!(against_open.indicators.revised.is_empty());
    assert_eq!(
        against_open.complaints.revised.len(),
        1,
        "{:?}",
        words(&against_open)
    );
    assert_eq!(against_open.complaints.revised[0].now, "4,321");
    assert!(against_file.complaints.revised.is_empty());
    assert_eq!(
        against_file.indicators.revised.len(),
        1,
        "{:?}",
        words(&against_file)
    );
    assert_eq!(
        against_file.indicators.revised[0].now.as_deref(),
        Some("123")
    );
}

#[test]
fn a_conflict_shows_the_fields_that_differ_and_both_sources() {
    let base = Snapshot::demo();
    let mut open = base.clone();
    let mut file = base.clone();
    entry(&mut open, "CR2").assessments[0].owner = Some("Chief Executive".to_owned());
    entry(&mut file, "CR2").assessments[0].owner = Some("Director of Finance".to_owned());
    let merge = Merge::of(&open, &file, Common::Unknown);
    assert_eq!(merge.items.len(), 1, "{:?}", keys(&merge));
    let item = &merge.items[0];
    assert!(item.label.starts_with("CR2 "), "{}", item.label);
    assert!(
        item.href.as_deref().unwrap().starts_with("#/risks/CR2"),
        "{:?}",
        item.href
    );
    let what: Vec<&str> = item.rows.iter().map(|r| r.what).collect();
    assert_eq!(what, vec!["Owner", "Source"]);
    assert_eq!(item.rows[0].open.as_deref(), Some("Chief Executive"));
    assert_eq!(item.rows[0].file.as_deref(), Some("Director of Finance"));
    assert_eq!(item.rows[1].open, item.rows[1].file);
    assert!(item
        .slug()
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-'));
}

#[test]
fn two_quarters_packs_merged_keep_every_figure_of_both() {
    // The demo a year earlier and the demo: different quarters, so every
    // figure only one holds is kept, and what both hold differently asked.
    let (earlier, later) = (Snapshot::demo_a_year_earlier(), Snapshot::demo());
    let merge = Merge::of(&later, &earlier, Common::Unknown);
    let combined = merge
        .combine(&later, &earlier, &choose(&merge, Side::Open))
        .expect("combined");
    for pack in [&earlier, &later] {
        for i in pack.indicators.iter() {
            let held = combined
                .indicators
                .iter()
                .find(|c| c.id == i.id)
                .expect("kept");
            for o in &i.values {
                assert!(
                    held.value_for(&o.period).is_some(),
                    "{} {} lost",
                    i.id,
                    o.period
                );
            }
        }
        for e in pack.register.iter() {
            let held = combined
                .register
                .iter()
                .find(|c| c.id == e.id)
                .expect("kept");
            for a in &e.assessments {
                assert!(held.assessments.iter().any(|h| h.period == a.period));
            }
        }
    }
    // Choosing the open copy everywhere keeps what it holds as it holds it.
    for i in later.indicators.iter() {
        let held = combined.indicators.iter().find(|c| c.id == i.id).unwrap();
        for o in &i.values {
            assert_eq!(held.value_for(&o.period), Some(o));
        }
    }
}

#[test]
fn the_words_for_outcomes_and_refusals() {
    assert_eq!(Outcome::Only(Side::File).words(), "Only in the file");
    assert_eq!(
        Outcome::Removed(Side::Open).words(),
        "Removed in the data open now"
    );
    assert_eq!(
        CombineError::Unchosen(1).words(),
        "One item is in both copies with different values: choose which to keep."
    );
    assert!(CombineError::Unchosen(3).words().starts_with("3 items"));
}

#[test]
fn the_common_version_is_taken_only_from_fingerprints_that_match() {
    let (p, q, f, o) = ("p", "q", "f", "o");
    // What is open was opened from the file (or saved as it): the file is the base.
    assert_eq!(Lineage::of(Some(f), o, f, Some(p)), Lineage::FileIsBase);
    // The file was saved from exactly what is open.
    assert_eq!(Lineage::of(None, o, f, Some(o)), Lineage::OpenIsBase);
    // Both came from the same file.
    assert_eq!(
        Lineage::of(Some(p), o, f, Some(p)),
        Lineage::Version(p.to_owned())
    );
    // What is open came from another file (another was opened since, or
    // the workspace started empty, or a version was restored: none), or
    // the file says nothing: not known.
    assert_eq!(Lineage::of(Some(q), o, f, Some(p)), Lineage::Unknown);
    assert_eq!(Lineage::of(None, o, f, Some(p)), Lineage::Unknown);
    assert_eq!(Lineage::of(Some(p), o, f, None), Lineage::Unknown);
    assert_eq!(Lineage::of(None, o, f, None), Lineage::Unknown);
}

#[test]
fn with_a_wrong_common_version_removals_would_be_taken_so_none_is_guessed() {
    // Why the rule is strict: an unrelated version as the base reads what
    // the open copy never had as removed by it, and drops the file's work.
    let unrelated = Snapshot::demo_a_year_earlier();
    let open = Snapshot::demo();
    let mut file = unrelated.clone();
    file.title = "Officer B's copy".to_owned();
    let merge = Merge::of(&open, &file, Common::Known(&unrelated));
    assert!(merge.items.iter().any(|i| matches!(
        i.outcome,
        Outcome::Removed(Side::Open) | Outcome::Changed(Side::Open)
    )));
    // Without a base, nothing of the file's is dropped without asking.
    let unknown = Merge::of(&open, &file, Common::Unknown);
    assert!(unknown
        .items
        .iter()
        .all(|i| matches!(i.outcome, Outcome::Conflict | Outcome::Only(_))));
}

/// Removals still used, commentary by period and joined histories.
mod finer;
