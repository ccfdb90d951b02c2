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
fn a_removal_the_other_copy_still_uses_is_asked_and_taking_it_is_refused() {
    let base = Snapshot::demo();
    // The open copy removed a service area and its indicators; the file
    // added an indicator to it.
    let area = base.service_areas[0].id.clone();
    let mut open = base.clone();
    open.service_areas.retain(|a| a.id != area);
    open.indicators.retain(|i| i.service_area != area);
    let mut file = base.clone();
    let mut added = file.indicators[0].clone();
    added.id = "added".to_owned();
    file.indicators.push(added);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    // The area's removal alone is asked, with the reason.
    let asked: Vec<&MergeItem> = merge
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Conflict)
        .collect();
    assert_eq!(asked.len(), 1, "{:?}", keys(&merge));
    assert_eq!(asked[0].key, Key::Area(area.clone()));
    assert_eq!(
        asked[0].why.as_deref(),
        Some("The data open now removed this service area, but 1 indicator the combination may keep is in it. To keep the area, choose “Take the file's”: taking the removal would leave it in no service area, and the combination would be refused.")
    );
    // Taking the removal is refused, with the problem; keeping the area
    // keeps it and the file's indicator in it.
    let take_removal = choose(&merge, Side::Open);
    let Err(CombineError::Invalid(problems)) = merge.combine(&open, &file, &take_removal) else {
        panic!("combined a pack with an indicator outside any area");
    };
    assert!(problems[0].to_string().contains("added"), "{problems:?}");
    let words = CombineError::Invalid(problems).words();
    assert!(
        words.starts_with("The combined pack cannot be opened: "),
        "{words}"
    );
    assert!(words.contains("Nothing has been changed"), "{words}");
    let kept = merge
        .combine(&open, &file, &choose(&merge, Side::File))
        .expect("combined");
    assert!(kept.service_areas.iter().any(|a| a.id == area));
    assert!(kept.indicators.iter().any(|i| i.id == "added"));
    assert_eq!(validate(&kept), vec![]);
}

#[test]
fn a_source_one_copy_removed_and_the_other_newly_cites_is_asked() {
    let base = Snapshot::demo();
    let unused = "unused-source".to_owned();
    let mut base_with = base.clone();
    let mut source = base.sources[0].clone();
    source.id = unused.clone();
    base_with.sources.push(source);
    // The file removed the source nothing cited; the open copy cited it in
    // a new figure.
    let mut file = base_with.clone();
    file.sources.retain(|s| s.id != unused);
    let mut open = with_figure(base_with.clone(), "Q3 2019/20", 42.0);
    let contacts = indicator(&mut open, "contacts");
    let at = contacts.values.len() - 1;
    contacts.values[at].source = Some(unused.clone());
    let merge = Merge::of(&open, &file, Common::Known(&base_with));
    let item = merge
        .items
        .iter()
        .find(|i| i.key == Key::Source(unused.clone()))
        .expect("the source is an item");
    assert_eq!(item.outcome, Outcome::Conflict);
    assert!(
        item.why.as_deref().is_some_and(|w| w.starts_with(
            "The file removed this source, but 1 item the combination may keep cites it. To keep the source, choose “Keep what is open now”"
        )),
        "{:?}",
        item.why
    );
    // Untouched elsewhere, the same removal is taken without asking.
    let quiet = Merge::of(&base_with, &file, Common::Known(&base_with));
    assert_eq!(
        keys(&quiet),
        vec![(Key::Source(unused.clone()), Outcome::Removed(Side::File))]
    );
    let kept = merge
        .combine(&open, &file, &choose(&merge, Side::Open))
        .expect("combined");
    assert_eq!(figure(&kept, "Q3 2019/20"), Some(42.0));
    assert!(kept.sources.iter().any(|s| s.id == unused));
}

#[test]
fn a_source_the_open_copy_removed_and_the_files_changed_figure_cites_is_asked() {
    // The open copy stopped citing a source and removed it; the file revised
    // the figure that cited it, still citing it. Taking the file's figure
    // needs the source: its removal is asked.
    let mut base = Snapshot::demo();
    let cited = "cited-source".to_owned();
    let mut source = base.sources[0].clone();
    source.id = cited.clone();
    base.sources.push(source);
    indicator(&mut base, "contacts").values[0].source = Some(cited.clone());
    let first = indicator(&mut base, "contacts").values[0]
        .period
        .to_string();
    let mut open = base.clone();
    indicator(&mut open, "contacts").values[0].source = None;
    open.sources.retain(|s| s.id != cited);
    let mut file = base.clone();
    indicator(&mut file, "contacts").values[0].value = Value::figure(1.0, 0);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    let item = merge
        .items
        .iter()
        .find(|i| i.key == Key::Source(cited.clone()))
        .expect("the source is an item");
    assert_eq!(item.outcome, Outcome::Conflict, "{:?}", keys(&merge));
    assert!(
        item.why
            .as_deref()
            .is_some_and(|w| w.contains("choose “Take the file's”")),
        "{:?}",
        item.why
    );
    // The file's figure with its source: a pack that opens.
    let theirs = merge
        .combine(&open, &file, &choose(&merge, Side::File))
        .expect("combined");
    assert!(theirs.sources.iter().any(|s| s.id == cited));
    assert_eq!(figure(&theirs, &first), Some(1.0));
    // The open copy's figure without it: also one that opens.
    let ours = merge
        .combine(&open, &file, &choose(&merge, Side::Open))
        .expect("combined");
    assert!(!ours.sources.iter().any(|s| s.id == cited));
}

#[test]
fn keeping_a_removed_area_keeps_asking_about_what_it_uses() {
    // The file removed a service area, its indicators and the source only
    // its commentary cited; the open copy added an indicator to the area.
    let mut base = Snapshot::demo();
    let area = base.service_areas[0].id.clone();
    let only = "area-source".to_owned();
    let mut source = base.sources[0].clone();
    source.id = only.clone();
    base.sources.push(source);
    base.service_areas[0].commentary.push(Commentary {
        period: period("Q1 2019/20"),
        text: "A quiet quarter.".to_owned(),
        source: Some(only.clone()),
    });
    assert_eq!(validate(&base), vec![]);
    let mut file = base.clone();
    file.service_areas.retain(|a| a.id != area);
    file.indicators.retain(|i| i.service_area != area);
    file.sources.retain(|s| s.id != only);
    let mut open = base.clone();
    let mut added = open.indicators[0].clone();
    added.id = "added".to_owned();
    added.service_area = area.clone();
    open.indicators.push(added);
    let merge = Merge::of(&open, &file, Common::Known(&base));
    // Both the area and the source its commentary cites are asked: there is
    // a way to a pack that opens.
    for key in [Key::Area(area.clone()), Key::Source(only.clone())] {
        let item = merge.items.iter().find(|i| i.key == key).expect("an item");
        assert_eq!(item.outcome, Outcome::Conflict, "{key:?}");
        assert!(item.why.is_some());
    }
    let kept = merge
        .combine(&open, &file, &choose(&merge, Side::Open))
        .expect("combined");
    assert!(kept.indicators.iter().any(|i| i.id == "added"));
    assert_eq!(validate(&kept), vec![]);
}

#[test]
fn a_change_the_open_copy_took_out_of_a_history_is_not_put_back() {
    let base = Snapshot::demo();
    let note = |day: u32, change: &str| HistoryNote {
        on: chrono::NaiveDate::from_ymd_opt(2019, 12, day).expect("a date"),
        period: period("Q2 2019/20"),
        change: change.to_owned(),
        reason: "Quarterly review".to_owned(),
    };
    let mut noted = base.clone();
    entry(&mut noted, "CR2").history.push(note(1, "Retired"));
    // The open copy undid it; the file, from the same version, noted another.
    let open = base.clone();
    let mut file = noted.clone();
    entry(&mut file, "CR2")
        .history
        .push(note(2, "Owner changed"));
    let history = |pack: &Snapshot| -> Vec<String> {
        pack.register
            .iter()
            .find(|e| e.id == "CR2")
            .expect("CR2")
            .history
            .iter()
            .map(|n| n.change.clone())
            .collect()
    };
    let merge = Merge::of(&open, &file, Common::Known(&noted));
    let combined = merge
        .combine(&open, &file, &choose(&merge, Side::Open))
        .expect("combined");
    assert!(history(&combined).contains(&"Owner changed".to_owned()));
    assert!(!history(&combined).contains(&"Retired".to_owned()));
    let item = merge
        .items
        .iter()
        .find(|i| i.key == Key::History("CR2".to_owned()))
        .expect("the history is an item");
    assert_eq!(
        item.rows[0].file.as_deref(),
        Some("2 December 2019, Q2 2019/20: Owner changed (Quarterly review)")
    );
    // Without the version both came from, both are added: nothing is lost.
    let merge = Merge::of(&open, &file, Common::Unknown);
    let combined = merge
        .combine(&open, &file, &choose(&merge, Side::Open))
        .expect("combined");
    assert!(history(&combined).contains(&"Retired".to_owned()));
}

#[test]
fn commentary_and_histories_of_one_item_edited_in_both_copies_are_all_kept() {
    let base = Snapshot::demo();
    let q3 = period("Q3 2019/20");
    let note = |day: u32, change: &str| HistoryNote {
        on: chrono::NaiveDate::from_ymd_opt(2019, 12, day).expect("a date"),
        period: period("Q2 2019/20"),
        change: change.to_owned(),
        reason: "Quarterly review".to_owned(),
    };
    // One officer wrote Q3's commentary on an indicator and changed CR2's
    // Q2 owner; the other changed the indicator's owner, wrote the area's
    // Q3 commentary and moved CR2's Q1 score. Each noted a change in CR2's
    // history.
    let mut open = base.clone();
    indicator(&mut open, "referrals")
        .commentary
        .push(Commentary {
            period: q3,
            text: "Referrals rose.".to_owned(),
            source: None,
        });
    entry(&mut open, "CR2")
        .history
        .push(note(3, "Owner changed"));
    let mut file = base.clone();
    indicator(&mut file, "referrals").owner = Some("Head of Early Help".to_owned());
    file.service_areas[0].commentary.push(Commentary {
        period: q3,
        text: "A steady quarter.".to_owned(),
        source: None,
    });
    entry(&mut file, "CR2")
        .history
        .push(note(2, "Residual score moved"));
    entry(&mut file, "CR2")
        .history
        .push(note(4, "Target score moved"));
    for (common, asked) in [(Common::Known(&base), 0), (Common::Unknown, 1)] {
        let merge = Merge::of(&open, &file, common);
        // Nothing is asked where a version both came from is known; without
        // it, only the indicator's details, which both hold differently.
        assert_eq!(merge.counts(None).conflicts, asked, "{:?}", keys(&merge));
        let combined = merge
            .combine(&open, &file, &choose(&merge, Side::File))
            .expect("combined");
        let referrals = indicator(&mut combined.clone(), "referrals").clone();
        assert_eq!(referrals.owner.as_deref(), Some("Head of Early Help"));
        assert_eq!(
            referrals.commentary.last().map(|c| c.text.as_str()),
            Some("Referrals rose.")
        );
        assert_eq!(
            combined.service_areas[0]
                .commentary
                .last()
                .map(|c| c.text.as_str()),
            Some("A steady quarter.")
        );
        let history: Vec<&str> = combined
            .register
            .iter()
            .find(|e| e.id == "CR2")
            .expect("CR2")
            .history
            .iter()
            .map(|n| n.change.as_str())
            .collect();
        assert_eq!(
            &history[history.len() - 3..],
            [
                "Residual score moved",
                "Owner changed",
                "Target score moved"
            ]
        );
    }
    // Both copies writing one period's commentary differently is asked.
    let mut other = base.clone();
    indicator(&mut other, "referrals")
        .commentary
        .push(Commentary {
            period: q3,
            text: "Referrals fell.".to_owned(),
            source: None,
        });
    let merge = Merge::of(&open, &other, Common::Known(&base));
    assert!(merge
        .items
        .iter()
        .any(|i| i.key == Key::Commentary("referrals".to_owned(), q3)
            && i.outcome == Outcome::Conflict));
    let theirs = merge
        .combine(&open, &other, &choose(&merge, Side::File))
        .expect("combined");
    let texts: Vec<&str> = theirs
        .indicators
        .iter()
        .find(|i| i.id == "referrals")
        .expect("referrals")
        .commentary
        .iter()
        .filter(|c| c.period == q3)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Referrals fell."]);
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
