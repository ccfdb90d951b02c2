//! The finer rules: a removal the combination still uses is asked;
//! commentary is matched period by period; histories are joined.

use super::*;

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
