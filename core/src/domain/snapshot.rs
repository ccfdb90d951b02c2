//! The snapshot: everything one committee pack holds, as kept in the browser
//! and in a snapshot file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::long_date;
use crate::domain::complaints::ComplaintsYear;
use crate::domain::indicator::{Indicator, ServiceArea};
use crate::domain::register::RegisterEntry;
use crate::domain::risk::{EntryKind, ScoreBands};
use crate::domain::shared::Shared;
use crate::form::{self, FormField};
use crate::sort;

/// One council's committee pack.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The council, e.g. "Lancashire County Council".
    pub organisation: String,
    /// What the pack is, e.g. "Cabinet Committee on Performance Improvement".
    pub title: String,
    /// The date the figures describe ("as at 30 June 2019").
    #[serde(deserialize_with = "crate::dates::serde_read::date")]
    pub as_at: NaiveDate,
    /// Who prepared the pack, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<String>,
    /// Where to report an accessibility problem with the pack (an email
    /// address, a phone number or a web address), shown in the
    /// accessibility statement. Files written before it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility_contact: Option<String>,
    #[serde(default)]
    pub settings: Settings,
    /// The documents the figures were taken from.
    #[serde(default)]
    pub sources: Shared<Source>,
    #[serde(default)]
    pub service_areas: Shared<ServiceArea>,
    #[serde(default)]
    pub indicators: Shared<Indicator>,
    /// The risk and opportunity register.
    #[serde(default)]
    pub register: Shared<RegisterEntry>,
    /// Complaints and compliments, per financial year and procedure.
    #[serde(default)]
    pub complaints: Shared<ComplaintsYear>,
}

/// Choices that differ between councils.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// How risk scores are banded, lowest band first.
    #[serde(default)]
    pub score_bands: ScoreBands,
    /// How opportunity scores are banded, where the council sets its own;
    /// otherwise the risks' bands with their colours mirrored (see
    /// [`Settings::bands_for`]), since a high opportunity is good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity_bands: Option<ScoreBands>,
    /// The highest residual score the council is willing to carry, if it sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_appetite: Option<u8>,
    /// Amber tolerance, as a percentage of the target (5: a figure up to 5%
    /// of the target short of it is amber), for targets that do not set their own.
    #[serde(default = "default_amber_within")]
    pub amber_within: f64,
    /// Counts under this are flagged as small numbers wherever they are
    /// shown (see [`crate::domain::small`]); 0 flags none. Left out of a
    /// file when it is the usual 10.
    #[serde(
        default = "default_small_numbers",
        skip_serializing_if = "is_default_small_numbers"
    )]
    #[cfg_attr(feature = "schema", schemars(range(max = 1000)))]
    pub small_numbers: u32,
}

impl Settings {
    /// The bands scores of `kind` are shown in.
    pub fn bands_for(&self, kind: crate::domain::risk::EntryKind) -> ScoreBands {
        match kind {
            crate::domain::risk::EntryKind::Risk => self.score_bands.clone(),
            crate::domain::risk::EntryKind::Opportunity => self
                .opportunity_bands
                .clone()
                .unwrap_or_else(|| self.score_bands.mirrored()),
        }
    }
}

fn default_amber_within() -> f64 {
    5.0
}

fn default_small_numbers() -> u32 {
    crate::domain::small::DEFAULT_UNDER
}

fn is_default_small_numbers(under: &u32) -> bool {
    *under == crate::domain::small::DEFAULT_UNDER
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            score_bands: ScoreBands::default(),
            opportunity_bands: None,
            risk_appetite: None,
            amber_within: default_amber_within(),
            small_numbers: default_small_numbers(),
        }
    }
}

/// A document the figures came from: a committee report, minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The meeting or publication date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::serde_read::optional_date"
    )]
    pub date: Option<NaiveDate>,
    /// Where to find it: a web address, a file name, an agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// What a snapshot holds, in the counts a person checks before opening it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub organisation: String,
    pub title: String,
    pub as_at: String,
    pub service_areas: usize,
    pub indicators: usize,
    pub risks: usize,
    pub opportunities: usize,
    /// Distinct financial years with complaints figures, earliest first.
    pub complaint_years: Vec<String>,
    pub sources: usize,
}

impl Snapshot {
    /// "as at 30 June 2019", as the header shows it.
    pub fn as_at_label(&self) -> String {
        format!("as at {}", long_date(self.as_at))
    }

    /// A workspace with the pack details and nothing else.
    pub fn empty(organisation: &str, title: &str, as_at: NaiveDate) -> Snapshot {
        Snapshot {
            organisation: organisation.to_owned(),
            title: title.to_owned(),
            as_at,
            prepared_by: None,
            accessibility_contact: None,
            settings: Settings::default(),
            sources: Shared::default(),
            service_areas: Shared::default(),
            indicators: Shared::default(),
            register: Shared::default(),
            complaints: Shared::default(),
        }
    }

    /// Whether there is nothing but pack details.
    pub fn is_empty(&self) -> bool {
        self.service_areas.is_empty()
            && self.indicators.is_empty()
            && self.register.is_empty()
            && self.complaints.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let live = |kind: EntryKind| {
            self.register
                .iter()
                .filter(|e| e.kind == kind && e.retired.is_none())
                .count()
        };
        let mut years: Vec<_> = self.complaints.iter().map(|c| c.year).collect();
        sort::by(&mut years, |a, b| a.timeline_cmp(b));
        years.dedup();
        Summary {
            organisation: self.organisation.clone(),
            title: self.title.clone(),
            as_at: self.as_at_label(),
            service_areas: self.service_areas.len(),
            indicators: self.indicators.len(),
            risks: live(EntryKind::Risk),
            opportunities: live(EntryKind::Opportunity),
            complaint_years: years.iter().map(ToString::to_string).collect(),
            sources: self.sources.len(),
        }
    }

    /// The service area with `id`.
    pub fn service_area(&self, id: &str) -> Option<&ServiceArea> {
        self.service_areas.iter().find(|a| a.id == id)
    }

    /// The source document with `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The pack details as typed into the form, before checking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub organisation: String,
    pub title: String,
    /// As a date input gives it: "2019-06-30".
    pub as_at: String,
    pub prepared_by: String,
    pub accessibility_contact: String,
    /// The small-number threshold as typed: blank gives the usual 10.
    pub small_numbers: String,
}

/// The longest accessibility contact the pack details keep, in characters:
/// room for a long web address, not for a paragraph.
pub const CONTACT_MAX_CHARS: usize = 200;

/// The fields of the pack details form (the Data page's "Pack details").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailsField {
    Organisation,
    Title,
    AsAt,
    PreparedBy,
    AccessibilityContact,
    SmallNumbers,
}

impl DetailsField {
    fn key(self) -> &'static str {
        match self {
            DetailsField::Organisation => "organisation",
            DetailsField::Title => "title",
            DetailsField::AsAt => "as_at",
            DetailsField::PreparedBy => "prepared_by",
            DetailsField::AccessibilityContact => "accessibility_contact",
            DetailsField::SmallNumbers => "small_numbers",
        }
    }
}

impl FormField for DetailsField {
    fn id(self) -> String {
        format!("details-{}", self.key())
    }
}

/// The same fields in the form that starts an empty workspace ("Start again"),
/// which sits on the same page and so has ids of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewPackField(pub DetailsField);

impl FormField for NewPackField {
    fn id(self) -> String {
        format!("empty-{}", self.0.key())
    }
}

impl Snapshot {
    /// The form's starting values.
    pub fn details_form(&self) -> DetailsForm {
        DetailsForm {
            organisation: self.organisation.clone(),
            title: self.title.clone(),
            as_at: self.as_at.to_string(),
            prepared_by: self.prepared_by.clone().unwrap_or_default(),
            accessibility_contact: self.accessibility_contact.clone().unwrap_or_default(),
            small_numbers: self.settings.small_numbers.to_string(),
        }
    }

    /// A new, empty workspace for the pack the form names, or every field
    /// that is wrong: nothing of the data open before (its council's name,
    /// title or settings) carries over to the new pack.
    pub fn fresh(
        form: &DetailsForm,
        today: NaiveDate,
    ) -> Result<Snapshot, Vec<form::FieldError<NewPackField>>> {
        Snapshot::empty("", "", today)
            .with_details(form)
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| form::FieldError::new(NewPackField(e.field), e.message))
                    .collect()
            })
    }

    /// This snapshot with the form's details, or every field that is wrong.
    pub fn with_details(
        &self,
        form: &DetailsForm,
    ) -> Result<Snapshot, Vec<form::FieldError<DetailsField>>> {
        use form::FieldError;
        let mut errors = vec![];
        let organisation = form.organisation.trim();
        if organisation.is_empty() {
            errors.push(FieldError {
                field: DetailsField::Organisation,
                message: "Enter the council's name, for example Lancashire County Council"
                    .to_owned(),
            });
        }
        let title = form.title.trim();
        if title.is_empty() {
            errors.push(FieldError {
                field: DetailsField::Title,
                message: "Enter the pack's title, for example the committee's name".to_owned(),
            });
        }
        let as_at = match crate::dates::parse(form.as_at.trim(), crate::dates::YEAR_MONTH_DAY) {
            Ok(date) if crate::file::validate::YEARS.contains(&chrono::Datelike::year(&date)) => {
                Some(date)
            }
            Ok(_) => {
                errors.push(FieldError {
                    field: DetailsField::AsAt,
                    message: format!(
                        "The date must be in a year from {} to {}",
                        crate::file::validate::YEARS.start(),
                        crate::file::validate::YEARS.end()
                    ),
                });
                None
            }
            Err(_) => {
                errors.push(FieldError {
                    field: DetailsField::AsAt,
                    message: "Enter the date the figures describe, for example 30 June 2019"
                        .to_owned(),
                });
                None
            }
        };
        let contact = form.accessibility_contact.trim();
        if let Some(message) = contact_fault(contact) {
            errors.push(FieldError {
                field: DetailsField::AccessibilityContact,
                message,
            });
        }
        let small_numbers = small_numbers(&form.small_numbers);
        if let Err(message) = &small_numbers {
            errors.push(FieldError {
                field: DetailsField::SmallNumbers,
                message: message.clone(),
            });
        }
        match (as_at, small_numbers) {
            (Some(as_at), Ok(small_numbers)) if errors.is_empty() => {
                let prepared_by = form.prepared_by.trim();
                Ok(Snapshot {
                    organisation: organisation.to_owned(),
                    title: title.to_owned(),
                    as_at,
                    prepared_by: (!prepared_by.is_empty()).then(|| prepared_by.to_owned()),
                    accessibility_contact: (!contact.is_empty()).then(|| contact.to_owned()),
                    settings: Settings {
                        small_numbers,
                        ..self.settings.clone()
                    },
                    ..self.clone()
                })
            }
            _ => Err(errors),
        }
    }
}

/// The small-number threshold as typed: blank is the usual 10.
fn small_numbers(typed: &str) -> Result<u32, String> {
    use crate::domain::small::{DEFAULT_UNDER, MOST_UNDER};
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(DEFAULT_UNDER);
    }
    match typed.parse::<u32>() {
        Ok(under) if under <= MOST_UNDER => Ok(under),
        _ => Err(format!(
            "The small-number threshold must be a whole number from 0 to {MOST_UNDER}, for example {DEFAULT_UNDER}; \u{201c}{typed}\u{201d} is not"
        )),
    }
}

/// What is wrong with an accessibility contact, already trimmed, if
/// anything: the pack details form and a file's validation say the same.
pub fn contact_fault(contact: &str) -> Option<String> {
    let length = contact.chars().count();
    if length > CONTACT_MAX_CHARS {
        Some(format!(
            "The accessibility contact must be {CONTACT_MAX_CHARS} characters or fewer; it has {length}. Give one email address, phone number or web address"
        ))
    } else if contact.chars().any(char::is_control) {
        Some(
            "The accessibility contact must be on one line: give one email address, phone number or web address"
                .to_owned(),
        )
    } else {
        None
    }
}

/// Counts with their noun: "1 indicator", "55 indicators", "1,000 indicators".
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    let figure = crate::domain::value::group_thousands(count as f64, 0);
    format!("{figure} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_shares_the_lists_it_does_not_change() {
        let demo = Snapshot::demo();
        let form = DetailsForm {
            organisation: "Anytown Borough Council".into(),
            ..demo.details_form()
        };
        let edited = demo.with_details(&form).expect("valid");
        assert!(edited.indicators.same_as(&demo.indicators));
        assert!(edited.register.same_as(&demo.register));
        assert!(edited.complaints.same_as(&demo.complaints));
        let mut moved = edited.clone();
        moved.register[0].assessments.clear();
        assert!(
            !moved.register.same_as(&edited.register),
            "a change copies that list"
        );
        assert!(
            moved.indicators.same_as(&demo.indicators),
            "and only that list"
        );
        assert!(!edited.register[0].assessments.is_empty());
    }

    fn empty() -> Snapshot {
        Snapshot::empty(
            "Anytown Borough Council",
            "Overview and Scrutiny",
            NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
        )
    }

    #[test]
    fn a_fresh_workspace_takes_its_details_from_the_form_and_nothing_from_before() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let blank = DetailsForm {
            as_at: "2026-12-01".into(),
            ..DetailsForm::default()
        };
        let fields: Vec<String> = Snapshot::fresh(&blank, today)
            .expect_err("needs a name and title")
            .iter()
            .map(|e| e.field.id())
            .collect();
        assert_eq!(fields, ["empty-organisation", "empty-title"]);
        let form = DetailsForm {
            organisation: "Anytown Borough Council".into(),
            title: "Overview and Scrutiny".into(),
            as_at: "2026-09-30".into(),
            prepared_by: String::new(),
            accessibility_contact: String::new(),
            small_numbers: String::new(),
        };
        let fresh = Snapshot::fresh(&form, today).expect("valid");
        assert!(fresh.is_empty());
        assert_eq!(fresh.organisation, "Anytown Borough Council");
        assert_eq!(fresh.title, "Overview and Scrutiny");
        assert_eq!(
            fresh.as_at,
            NaiveDate::from_ymd_opt(2026, 9, 30).expect("date")
        );
        assert_eq!(fresh.settings, Settings::default());
        assert_eq!(crate::file::validate::validate(&fresh), vec![]);
    }

    #[test]
    fn an_empty_workspace_says_so_and_summarises_to_zero() {
        let snapshot = empty();
        assert!(snapshot.is_empty());
        let summary = snapshot.summary();
        assert_eq!(summary.as_at, "as at 31 March 2024");
        assert_eq!(
            (
                summary.indicators,
                summary.risks,
                summary.complaint_years.len()
            ),
            (0, 0, 0)
        );
    }

    #[test]
    fn a_header_only_snapshot_reads_with_default_settings() {
        let json = r#"{"organisation":"A","title":"B","as_at":"2024-03-31"}"#;
        let snapshot: Snapshot = serde_json::from_str(json).expect("parses");
        assert_eq!(snapshot.settings, Settings::default());
        assert_eq!(snapshot.settings.amber_within, 5.0);
    }

    #[test]
    fn pack_details_are_checked_field_by_field_and_nothing_else_changes() {
        let demo = Snapshot::demo();
        let mut form = demo.details_form();
        assert_eq!(form.as_at, "2019-06-30");
        form.organisation = "  Anytown Borough Council ".into();
        form.prepared_by = "   ".into();
        let edited = demo.with_details(&form).expect("valid");
        assert_eq!(edited.organisation, "Anytown Borough Council");
        assert_eq!(edited.prepared_by, None);
        assert_eq!(edited.indicators, demo.indicators);

        let bad = DetailsForm {
            organisation: " ".into(),
            title: "".into(),
            as_at: "1850-01-01".into(),
            prepared_by: String::new(),
            accessibility_contact: String::new(),
            small_numbers: String::new(),
        };
        let errors = demo.with_details(&bad).expect_err("three faults");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                DetailsField::Organisation,
                DetailsField::Title,
                DetailsField::AsAt
            ]
        );
        assert_eq!(DetailsField::AsAt.id(), "details-as_at");
        assert!(errors[2].message.contains("1990 to 2100"));
        let not_a_date = DetailsForm {
            as_at: "30/06/2019".into(),
            ..demo.details_form()
        };
        assert_eq!(
            demo.with_details(&not_a_date).expect_err("bad date")[0].field,
            DetailsField::AsAt
        );
    }

    #[test]
    fn the_small_number_threshold_is_a_whole_number_and_blank_is_ten() {
        let demo = Snapshot::demo();
        let mut form = demo.details_form();
        assert_eq!(form.small_numbers, "10");
        form.small_numbers = " 5 ".into();
        let edited = demo.with_details(&form).expect("valid");
        assert_eq!(edited.settings.small_numbers, 5);
        assert_eq!(edited.settings.score_bands, demo.settings.score_bands);
        assert_eq!(edited.indicators, demo.indicators);
        form.small_numbers = String::new();
        assert_eq!(
            edited
                .with_details(&form)
                .expect("valid")
                .settings
                .small_numbers,
            crate::domain::small::DEFAULT_UNDER
        );
        for typed in ["ten", "-1", "2.5", "1001"] {
            form.small_numbers = typed.into();
            let errors = edited.with_details(&form).expect_err(typed);
            assert_eq!(errors.len(), 1, "{typed}");
            assert_eq!(errors[0].field, DetailsField::SmallNumbers);
            assert_eq!(
                errors[0].message,
                format!(
                    "The small-number threshold must be a whole number from 0 to 1000, for example 10; \u{201c}{typed}\u{201d} is not"
                )
            );
        }
        form.small_numbers = "0".into();
        assert_eq!(
            demo.with_details(&form)
                .expect("0 flags none")
                .settings
                .small_numbers,
            0
        );
        // The usual threshold is left out of a file, and any other is kept.
        assert!(!serde_json::to_string(&demo.settings)
            .expect("json")
            .contains("small_numbers"));
        let json = serde_json::to_string(&edited.settings).expect("json");
        assert!(json.contains(r#""small_numbers":5"#), "{json}");
        let back: Settings = serde_json::from_str(&json).expect("reads");
        assert_eq!(back.small_numbers, 5);
    }

    #[test]
    fn the_accessibility_contact_is_trimmed_kept_and_cleared() {
        let demo = Snapshot::demo();
        assert_eq!(demo.accessibility_contact, None);
        let mut form = demo.details_form();
        assert_eq!(form.accessibility_contact, "");
        form.accessibility_contact = "  accessibility@anytown.gov.uk \t".into();
        let edited = demo.with_details(&form).expect("valid");
        assert_eq!(
            edited.accessibility_contact.as_deref(),
            Some("accessibility@anytown.gov.uk")
        );
        assert_eq!(
            edited.details_form().accessibility_contact,
            "accessibility@anytown.gov.uk"
        );
        assert_eq!(edited.indicators, demo.indicators);
        form.accessibility_contact = "   ".into();
        let cleared = edited.with_details(&form).expect("valid");
        assert_eq!(cleared.accessibility_contact, None);
        assert_eq!(cleared, demo);
    }

    #[test]
    fn an_accessibility_contact_too_long_or_on_two_lines_is_refused_saying_why() {
        let demo = Snapshot::demo();
        let at_most = format!(
            "https://anytown.gov.uk/{}",
            "a".repeat(CONTACT_MAX_CHARS - 23)
        );
        assert_eq!(at_most.chars().count(), CONTACT_MAX_CHARS);
        let form = DetailsForm {
            accessibility_contact: at_most.clone(),
            ..demo.details_form()
        };
        assert_eq!(
            demo.with_details(&form)
                .expect("the longest kept")
                .accessibility_contact,
            Some(at_most.clone())
        );
        let too_long = DetailsForm {
            accessibility_contact: format!("{at_most}é"),
            ..demo.details_form()
        };
        let errors = demo.with_details(&too_long).expect_err("too long");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, DetailsField::AccessibilityContact);
        assert_eq!(
            errors[0].message,
            "The accessibility contact must be 200 characters or fewer; it has 201. Give one email address, phone number or web address"
        );
        assert_eq!(
            DetailsField::AccessibilityContact.id(),
            "details-accessibility_contact"
        );
        let two_lines = DetailsForm {
            accessibility_contact: "01234 567890\nor email us".into(),
            ..demo.details_form()
        };
        let errors = demo.with_details(&two_lines).expect_err("two lines");
        assert!(errors[0].message.contains("on one line"), "{errors:?}");
        assert_eq!(contact_fault("0300 123 4567"), None);
    }

    #[test]
    fn counts_take_the_right_noun() {
        assert_eq!(count_of(1, "indicator", "indicators"), "1 indicator");
        assert_eq!(count_of(0, "indicator", "indicators"), "0 indicators");
        assert_eq!(count_of(55, "risk", "risks"), "55 risks");
        assert_eq!(count_of(20_000, "case", "cases"), "20,000 cases");
    }
}
