//! Tests of the year form: reading, checking and saving it.

use super::read::read_form;
use super::*;
use crate::complaints::report::{find, Choice};
use crate::domain::complaints::{LabelledCount, Outcome, OutcomeCount};
use crate::form::FormField;
use FigureField as F;
use YearField as Y;

fn fy(text: &str) -> Period {
    text.parse().expect("a year")
}

fn adult_2017() -> (Period, Procedure) {
    (fy("2017/18"), Procedure::AdultSocialCare)
}

fn form_of(s: &Snapshot, (year, p): (Period, Procedure)) -> YearForm {
    YearForm::of(find(s, year, p).expect("held"))
}

fn fields_of(errors: &[YearError]) -> Vec<YearField> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn every_field_has_its_own_key_and_the_form_round_trips_the_demo() {
    let ids: std::collections::BTreeSet<_> = YearField::all().map(|f| f.id()).collect();
    assert_eq!(ids.len(), YearField::all().count());
    let s = Snapshot::demo();
    for c in &s.complaints {
        let key = (c.year, c.procedure);
        let next = save_year(&s, Some(key), &YearForm::of(c))
            .expect("saves as it is")
            .snapshot;
        assert_eq!(
            find(&next, c.year, c.procedure),
            Some(c),
            "{} {:?}",
            c.year,
            c.procedure
        );
    }
}

#[test]
fn an_outcome_the_form_does_not_list_is_kept_and_touches_no_other_field() {
    let mut s = Snapshot::demo();
    let adult = s
        .complaints
        .iter_mut()
        .find(|c| c.year == fy("2017/18") && c.procedure == Procedure::AdultSocialCare)
        .expect("adult 2017/18");
    adult.outcomes.push(OutcomeCount {
        outcome: Outcome::NotInvestigated,
        count: 3,
    });
    // Saved outcomes are in the one order of the outcomes, as the packs list them.
    adult.outcomes.sort_by_key(|o| o.outcome);
    let form = form_of(&s, adult_2017());
    assert_eq!(form.text(F::Received), "540");
    let next = save_year(&s, Some(adult_2017()), &form)
        .expect("saves")
        .snapshot;
    assert_eq!(
        find(&next, fy("2017/18"), Procedure::AdultSocialCare),
        find(&s, fy("2017/18"), Procedure::AdultSocialCare)
    );
}

#[test]
fn the_form_shows_the_demo_figures_as_typed() {
    let s = Snapshot::demo();
    let form = form_of(&s, adult_2017());
    assert_eq!(form.text(F::Received), "540");
    assert_eq!(form.text(F::Outcome(Outcome::StillOpen)), "116");
    assert_eq!(form.text(F::Settlements), "630958.48");
    assert_eq!(form.text(F::Cost), "0");
    assert!(form
        .categories
        .starts_with("Care Provision: 128\nFinancial: 102"));
}

#[test]
fn a_change_is_saved_and_said() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert(F::Compliments, "620".into());
    let saved = save_year(&s, Some(adult_2017()), &form).expect("saves");
    assert_eq!(
        saved.choice,
        Choice {
            procedure: Procedure::AdultSocialCare,
            year: fy("2017/18")
        }
    );
    let (next, done) = (saved.snapshot, saved.done);
    assert_eq!(
        done,
        "Saved the 2017/18 figures for Adult social care (statutory)"
    );
    let c = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
    assert_eq!(c.compliments, Some(620));
    assert_eq!(
        c.source.as_deref(),
        Some("complaints-2017-18"),
        "its source is kept"
    );
    // One category bigger than the whole is refused at the list.
    form.categories.push_str("\nHome care: 1,020");
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(fields_of(&errors), [Y::Categories]);
    assert_eq!(
        errors[0].message,
        "Home care has 1,020 complaints, more than the 540 received"
    );
}

#[test]
fn parts_cannot_be_more_than_the_whole() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert(F::Closed, "600".into());
    form.figures.insert(F::Stage(0), "500".into());
    form.figures.insert(F::Stage(1), "100".into());
    form.figures.insert(F::Exceeded, "541".into());
    form.figures.insert(F::OmbudsmanInvestigations, "81".into());
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        fields_of(&errors),
        [
            Y::Figure(F::Closed),
            Y::Figure(F::Exceeded),
            Y::Figure(F::Stage(0)),
            Y::Figure(F::OmbudsmanInvestigations)
        ]
    );
    assert_eq!(
        errors[0].message,
        "Closed complaints (600) cannot be more than complaints received (540)"
    );
    assert_eq!(
        errors[2].message,
        "The stages add up to 600, more than the 540 complaints received"
    );

    let mut form = form_of(&s, adult_2017());
    form.figures
        .insert(F::Outcome(Outcome::Upheld), "300".into());
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        errors[0].message,
        "The outcomes of closed complaints add up to 466, more than the 425 closed"
    );
}

#[test]
fn a_share_needs_its_base() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.remove(&F::Closed);
    form.figures.remove(&F::Received);
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        fields_of(&errors),
        [Y::Figure(F::Received), Y::Figure(F::Closed)]
    );
    let mut form = form_of(&s, adult_2017());
    form.figures
        .insert(F::OmbudsmanInvestigations, String::new());
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(fields_of(&errors), [Y::Figure(F::OmbudsmanDecisions)]);
}

#[test]
fn each_figure_is_read_as_people_type_it() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert(F::Compliments, "six hundred".into());
    form.figures.insert(F::Joint, "-2".into());
    form.figures.insert(F::Stage(1), "12.5".into());
    form.figures.insert(F::Cost, "£1.234".into());
    form.figures.insert(F::Settlements, "£7,100.50".into());
    form.compliments_by_service = "Day care provision 165\nDay Care Provision: 3".into();
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        fields_of(&errors),
        [
            Y::Figure(F::Joint),
            Y::Figure(F::Compliments),
            Y::Figure(F::Stage(1)),
            Y::Figure(F::Cost),
            Y::ComplimentsByService
        ]
    );
    assert_eq!(
        errors[0].message,
        "Joint complaints with the NHS cannot be below zero"
    );
    assert_eq!(
        errors[2].message,
        "Stage 1 must be a whole number, like 540"
    );
    assert!(
        errors[4]
            .message
            .starts_with("Line 2 of the compliments by service repeats"),
        "{}",
        errors[4].message
    );
    form.figures.insert(F::Compliments, "1,000".into());
    form.figures.insert(F::Joint, "2".into());
    form.figures.insert(F::Stage(1), "12".into());
    form.figures.insert(F::Cost, "£1,234".into());
    form.compliments_by_service = "Day care provision 165\nHome care,\t20".into();
    let next = save_year(&s, Some(adult_2017()), &form)
        .expect("saves")
        .snapshot;
    let c = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
    assert_eq!(c.compliments, Some(1000));
    assert_eq!(c.investigation_cost, Some(1234.0));
    assert_eq!(
        c.ombudsman.as_ref().and_then(|o| o.settlements_paid),
        Some(7100.5)
    );
    assert_eq!(
        c.compliments_by_service[1],
        LabelledCount {
            label: "Home care".into(),
            count: 20
        }
    );
    let mut bad = form.clone();
    bad.categories = "Financial\nAssessment: 83".into();
    let errors = save_year(&s, Some(adult_2017()), &bad).expect_err("refused");
    assert_eq!(
        errors[0].message,
        "Line 1 of the services or categories needs a name then a whole number, like \u{201c}Financial: 102\u{201d}"
    );
}

#[test]
fn a_new_year_needs_a_financial_year_a_procedure_and_a_figure() {
    let s = Snapshot::demo();
    let mut form = YearForm::blank(Procedure::Corporate);
    form.year = "Q1 2019/20".into();
    let errors = save_year(&s, None, &form).expect_err("refused");
    assert_eq!(fields_of(&errors), [Y::Year]);
    assert!(
        errors[0].message.contains("not \u{201c}Q1 2019/20\u{201d}"),
        "{}",
        errors[0].message
    );
    form.year = "2018/19".into();
    let errors = save_year(&s, None, &form).expect_err("refused");
    assert_eq!(
        errors[0].message,
        "There are already figures for Corporate (non-statutory) in 2018/19: change those instead"
    );
    form.year = "2019/20".into();
    let errors = save_year(&s, None, &form).expect_err("refused");
    assert_eq!(fields_of(&errors), [Y::Figure(F::Received)]);
    form.set(Y::Procedure, "nonsense".into());
    let errors = save_year(&s, None, &form).expect_err("refused");
    assert_eq!(fields_of(&errors), [Y::Procedure]);
    assert_eq!(errors[0].message, "Choose the complaints procedure");
    form.set(Y::Procedure, "corporate".into());
    form.figures.insert(F::Received, "1,150".into());
    let saved = save_year(&s, None, &form).expect("adds");
    assert_eq!(
        saved.choice,
        Choice {
            procedure: Procedure::Corporate,
            year: fy("2019/20")
        }
    );
    let (next, done) = (saved.snapshot, saved.done);
    assert_eq!(
        done,
        "Added the 2019/20 figures for Corporate (non-statutory)"
    );
    assert_eq!(next.complaints.len(), s.complaints.len() + 1);
    assert_eq!(
        next.complaints.last().map(|c| (c.year, c.received)),
        Some((fy("2019/20"), Some(1150)))
    );
    // A new adult year goes among the adult years, in order.
    let mut adult = YearForm::blank(Procedure::AdultSocialCare);
    adult.year = "2013/14".into();
    adult.figures.insert(F::Received, "400".into());
    let next = save_year(&s, None, &adult).expect("adds").snapshot;
    assert_eq!(next.complaints[0].year, fy("2013/14"));
    // Nothing is changed by a refusal: the input snapshot is borrowed, and the
    // record removed in another tab is said.
    let (gone, _) = remove_year(&s, fy("2017/18"), Procedure::AdultSocialCare).expect("removes");
    let errors =
        save_year(&gone, Some(adult_2017()), &form_of(&s, adult_2017())).expect_err("refused");
    assert!(errors[0].message.contains("another tab"));
}

#[test]
fn an_address_names_the_year_to_change_only_where_it_is_held() {
    let s = Snapshot::demo();
    let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect()
    };
    assert_eq!(
        editing_of(
            &s,
            &q(&[("procedure", "adult_social_care"), ("year", "2017/18")])
        ),
        (Some(adult_2017()), Some(Procedure::AdultSocialCare))
    );
    assert_eq!(
        editing_of(&s, &q(&[("procedure", "corporate"), ("year", "2016/17")])),
        (None, Some(Procedure::Corporate)),
        "a year not held is added, for the procedure asked"
    );
    assert_eq!(editing_of(&s, &q(&[("procedure", "adults")])), (None, None));
}

#[test]
fn every_figure_keeps_its_element_id_label_and_group() {
    use Group::*;
    let expected = [
        ("fig-received", "Complaints received", Complaints),
        ("fig-closed", "Closed with an outcome recorded", Complaints),
        ("fig-exceeded", "Answered beyond the timescale", Complaints),
        ("fig-joint", "Joint complaints with the NHS", Complaints),
        ("fig-compliments", "Compliments received", Complaints),
        ("fig-stage-0", "Stage 0 (early resolution)", Stages),
        ("fig-stage-1", "Stage 1", Stages),
        ("fig-stage-2", "Stage 2", Stages),
        ("fig-stage-3", "Stage 3 (review panel)", Stages),
        ("fig-outcome-upheld", "Upheld", Outcomes),
        ("fig-outcome-partly_upheld", "Partly upheld", Outcomes),
        ("fig-outcome-not_upheld", "Not upheld", Outcomes),
        ("fig-outcome-withdrawn", "Withdrawn", Outcomes),
        (
            "fig-outcome-early_resolution",
            "Early resolution or signposted",
            Outcomes,
        ),
        ("fig-outcome-still_open", "Still open", Outcomes),
        (
            "fig-omb-enquiries",
            "Complaints and enquiries received",
            Ombudsman,
        ),
        (
            "fig-omb-investigations",
            "Detailed investigations",
            Ombudsman,
        ),
        ("fig-omb-decisions", "Decisions made", Ombudsman),
        ("fig-omb-upheld", "Decisions: upheld", Ombudsman),
        (
            "fig-omb-partly_upheld",
            "Decisions: partly upheld",
            Ombudsman,
        ),
        ("fig-omb-not_upheld", "Decisions: not upheld", Ombudsman),
        (
            "fig-omb-not_investigated",
            "Decisions: not investigated",
            Ombudsman,
        ),
        (
            "fig-omb-early_resolution",
            "Decisions: resolved early",
            Ombudsman,
        ),
        ("fig-omb-withdrawn", "Decisions: withdrawn", Ombudsman),
        (
            "fig-omb-settlements",
            "Local settlements paid (£)",
            Ombudsman,
        ),
        ("fig-cost", "Cost of independent investigations (£)", Money),
    ];
    let shown: Vec<(String, &str, Group)> = FigureField::all()
        .map(|f| (YearField::from(f).id(), f.label(), f.group()))
        .collect();
    let expected: Vec<(String, &str, Group)> = expected
        .iter()
        .map(|(id, label, group)| ((*id).to_owned(), *label, *group))
        .collect();
    assert_eq!(shown, expected);
    let money: Vec<FigureField> = FigureField::all().filter(|f| f.money()).collect();
    assert_eq!(money, [F::Settlements, F::Cost]);
    let grouped: Vec<FigureField> = Group::ALL.into_iter().flat_map(Group::figures).collect();
    assert_eq!(grouped, FigureField::all().collect::<Vec<_>>());
    assert_eq!(
        [
            Y::Year,
            Y::Procedure,
            Y::Categories,
            Y::ComplimentsByService,
            Y::Notes
        ]
        .map(|f| f.id()),
        [
            "fig-year",
            "fig-procedure",
            "fig-categories",
            "fig-compliments-by-service",
            "fig-notes"
        ]
    );
    assert_eq!(Group::Money.hint(), None);
    assert!(Group::Stages
        .hint()
        .is_some_and(|h| h.starts_with("How many complaints were settled at each stage")));
}

#[test]
fn the_procedure_key_chosen_names_its_procedure_and_back() {
    let mut form = YearForm::default();
    assert_eq!((form.procedure, form.value(Y::Procedure)), (None, ""));
    for p in Procedure::ALL {
        form.set(Y::Procedure, p.key().to_owned());
        assert_eq!(form.procedure, Some(p));
        assert_eq!(form.value(Y::Procedure), p.key());
    }
    // A key the page should never send is no choice (refused on save).
    form.set(Y::Procedure, "adults".into());
    assert_eq!((form.procedure, form.value(Y::Procedure)), (None, ""));
    form.set(Y::Procedure, String::new());
    assert_eq!(form.procedure, None);
}

#[test]
fn each_field_holds_what_was_typed_into_it() {
    let mut form = YearForm::blank(Procedure::Corporate);
    assert_eq!(form.value(Y::Procedure), "corporate");
    // The procedure is a choice, not text: tested on its own below.
    let typed = || {
        YearField::all()
            .enumerate()
            .filter(|(_, f)| *f != Y::Procedure)
    };
    for (i, field) in typed() {
        form.set(field, format!(" {i} "));
    }
    for (i, field) in typed() {
        assert_eq!(form.value(field), format!(" {i} "), "{field:?}");
    }
    assert_eq!(form.procedure, Some(Procedure::Corporate));
    assert_eq!(form.text(F::Received), "2", "a figure is read trimmed");
    assert_eq!(form.year, " 0 ");
    assert_eq!(form.notes, format!(" {} ", YearField::all().count() - 1));
    assert_eq!(Y::Categories.label(), "Complaints by service or category");
    assert_eq!(Y::Year.hint(), Some("Like 2019/20"));
    assert!(
        YearField::LISTS.iter().all(|f| f.hint().is_some()),
        "the page shows a hint under each list"
    );
}

#[test]
fn faults_are_listed_in_the_order_the_fields_are_set_out() {
    let ranks: Vec<usize> = YearField::all().map(|f| f.rank()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert!(Y::Procedure.rank() < Y::Figure(F::Received).rank());
    assert!(Y::Figure(F::Cost).rank() < Y::Categories.rank());
    assert_eq!(
        Y::Categories.rank(),
        Y::ComplimentsByService.rank(),
        "the lists' faults stay in the order they were found"
    );
}

#[test]
fn the_ombudsmans_decisions_are_shares_of_its_decisions_or_its_investigations() {
    let mut form = YearForm::blank(Procedure::Corporate);
    form.figures.insert(F::OmbudsmanDecisions, "10".into());
    form.figures.insert(F::OmbudsmanInvestigations, "30".into());
    form.figures
        .insert(F::OmbudsmanDecision(Outcome::Upheld), "8".into());
    form.figures
        .insert(F::OmbudsmanDecision(Outcome::NotUpheld), "4".into());
    let mut errors = vec![];
    let read = read_form(&form, &mut errors);
    assert!(errors.is_empty());
    let found = checks::parts_against_wholes(&read);
    assert_eq!(
        fields_of(&found),
        [Y::Figure(F::OmbudsmanDecision(Outcome::Upheld))]
    );
    assert_eq!(
        found[0].message,
        "The Ombudsman's decisions by outcome add up to 12, more than the 10 decisions made"
    );
    form.figures.remove(&F::OmbudsmanDecisions);
    form.figures.insert(F::OmbudsmanInvestigations, "11".into());
    form.figures.insert(F::OmbudsmanEnquiries, "9".into());
    let read = read_form(&form, &mut errors);
    let found = checks::parts_against_wholes(&read);
    assert_eq!(
        found.iter().map(|e| e.message.as_str()).collect::<Vec<_>>(),
        [
            "The Ombudsman's decisions by outcome add up to 12, more than the 11 investigations",
            "Detailed investigations (11) cannot be more than the enquiries the Ombudsman received (9)"
        ]
    );
    assert!(checks::parts_against_wholes(&read_form(
        &YearForm::blank(Procedure::Corporate),
        &mut errors
    ))
    .is_empty());
}

#[test]
fn a_save_keeps_the_stages_the_form_does_not_show() {
    let mut s = Snapshot::demo();
    let adult = s
        .complaints
        .iter_mut()
        .find(|c| c.year == fy("2017/18") && c.procedure == Procedure::AdultSocialCare)
        .expect("adult 2017/18");
    adult
        .stages
        .push(crate::domain::complaints::StageCount { stage: 4, count: 2 });
    let mut form = form_of(&s, adult_2017());
    assert!(!form.figures.contains_key(&F::Stage(4)), "not shown");
    form.figures.insert(F::Stage(1), "7".into());
    let next = save_year(&s, Some(adult_2017()), &form)
        .expect("saves")
        .snapshot;
    let c = find(&next, fy("2017/18"), Procedure::AdultSocialCare).expect("held");
    let stages: Vec<(u8, u32)> = c.stages.iter().map(|s| (s.stage, s.count)).collect();
    assert_eq!(stages.last(), Some(&(4, 2)));
    assert!(stages.contains(&(1, 7)));
}

#[test]
fn the_page_says_which_year_it_changes_and_leads_back_to_it() {
    let s = Snapshot::demo();
    assert_eq!(
        page_heading(Some(adult_2017())),
        "Change the 2017/18 figures: Adult social care (statutory)"
    );
    assert_eq!(page_heading(None), "Add a year's complaints figures");
    assert_eq!(
        back_href(Some(adult_2017())),
        "#/complaints?procedure=adult_social_care&year=2017/18"
    );
    assert_eq!(back_href(None), "#/complaints");
    assert_eq!(
        start_form(&s, Some(adult_2017()), None),
        form_of(&s, adult_2017())
    );
    assert_eq!(
        start_form(&s, None, Some(Procedure::Corporate)),
        YearForm::blank(Procedure::Corporate)
    );
    assert_eq!(
        start_form(&s, None, None).procedure,
        Some(Procedure::AdultSocialCare),
        "a new year starts on adult social care"
    );
}
