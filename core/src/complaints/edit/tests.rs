//! Tests of the year form: reading, checking and saving it.

use super::*;
use crate::complaints::report::{find, Choice};
use crate::domain::complaints::{LabelledCount, Outcome, OutcomeCount};
use crate::domain::snapshot::FieldError;

fn fy(text: &str) -> Period {
    text.parse().expect("a year")
}

fn adult_2017() -> (Period, Procedure) {
    (fy("2017/18"), Procedure::AdultSocialCare)
}

fn form_of(s: &Snapshot, (year, p): (Period, Procedure)) -> YearForm {
    YearForm::of(find(s, year, p).expect("held"))
}

fn fields_of(errors: &[FieldError]) -> Vec<&'static str> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn every_field_has_its_own_key_and_the_form_round_trips_the_demo() {
    let keys: std::collections::BTreeSet<_> = fields().map(|f| f.key).collect();
    assert_eq!(keys.len(), fields().count());
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
    assert_eq!(form.text("received"), "540");
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
    assert_eq!(form.text("received"), "540");
    assert_eq!(form.text("outcome-still_open"), "116");
    assert_eq!(form.text("omb-settlements"), "630958.48");
    assert_eq!(form.text("cost"), "0");
    assert!(form
        .categories
        .starts_with("Care Provision: 128\nFinancial: 102"));
}

#[test]
fn a_change_is_saved_and_said() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert("compliments", "620".into());
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
    assert_eq!(fields_of(&errors), ["categories"]);
    assert_eq!(
        errors[0].message,
        "Home care has 1,020 complaints, more than the 540 received"
    );
}

#[test]
fn parts_cannot_be_more_than_the_whole() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert("closed", "600".into());
    form.figures.insert("stage-0", "500".into());
    form.figures.insert("stage-1", "100".into());
    form.figures.insert("exceeded", "541".into());
    form.figures.insert("omb-investigations", "81".into());
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        fields_of(&errors),
        ["closed", "exceeded", "stage-0", "omb-investigations"]
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
    form.figures.insert("outcome-upheld", "300".into());
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
    form.figures.remove("closed");
    form.figures.remove("received");
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(fields_of(&errors), ["received", "closed"]);
    let mut form = form_of(&s, adult_2017());
    form.figures.insert("omb-investigations", String::new());
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(fields_of(&errors), ["omb-decisions"]);
}

#[test]
fn each_figure_is_read_as_people_type_it() {
    let s = Snapshot::demo();
    let mut form = form_of(&s, adult_2017());
    form.figures.insert("compliments", "six hundred".into());
    form.figures.insert("joint", "-2".into());
    form.figures.insert("stage-1", "12.5".into());
    form.figures.insert("cost", "£1.234".into());
    form.figures.insert("omb-settlements", "£7,100.50".into());
    form.compliments_by_service = "Day care provision 165\nDay Care Provision: 3".into();
    let errors = save_year(&s, Some(adult_2017()), &form).expect_err("refused");
    assert_eq!(
        fields_of(&errors),
        [
            "joint",
            "compliments",
            "stage-1",
            "cost",
            "compliments-by-service"
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
    form.figures.insert("compliments", "1,000".into());
    form.figures.insert("joint", "2".into());
    form.figures.insert("stage-1", "12".into());
    form.figures.insert("cost", "£1,234".into());
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
    assert_eq!(fields_of(&errors), ["year"]);
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
    assert_eq!(fields_of(&errors), ["received"]);
    form.procedure = "nonsense".into();
    let errors = save_year(&s, None, &form).expect_err("refused");
    assert_eq!(fields_of(&errors), ["procedure"]);
    form.procedure = "corporate".into();
    form.figures.insert("received", "1,150".into());
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
    adult.figures.insert("received", "400".into());
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
