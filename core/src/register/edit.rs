//! Adding an entry, or editing or adding one quarter of it, from its form:
//! the whole new snapshot or every field that is wrong, so a refused change
//! leaves the data as it was. The score pickers' agreement with typed scores.

use crate::text::excerpt;
use chrono::NaiveDate;

use crate::dates::{read_date, DateProblem};
use crate::domain::period::Period;
use crate::domain::register::{Assessment, HistoryNote, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::Snapshot;
use crate::file::validate::YEARS;
use crate::form::{FieldError, FormField};
use crate::register::rows::{score_text, wording};

/// Which of the two entry forms: adding an entry (`#/risks/new`) or
/// changing one of its quarters (on the entry's page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    New,
    Edit,
}

impl Editor {
    /// What the form's element ids start with.
    fn prefix(self) -> &'static str {
        match self {
            Editor::New => "new-",
            Editor::Edit => "edit-",
        }
    }

    /// This form's `input`.
    pub fn field(self, input: EntryInput) -> EntryField {
        EntryField {
            editor: self,
            input,
        }
    }
}

/// An input of the entry forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryInput {
    /// The reference, given only when adding.
    Id,
    /// Risk or opportunity, chosen only when adding.
    Kind,
    Quarter,
    Title,
    Description,
    RiskType,
    Consequences,
    Controls,
    Inherent,
    Actions,
    Residual,
    Target,
    Owner,
    Direction,
    NextReview,
    /// Why the scores changed, asked only when editing.
    Reason,
}

impl EntryInput {
    /// The input's label; the words of some follow the kind of entry
    /// ("Possible consequences" of a risk, "Possible benefits" of an
    /// opportunity).
    pub fn label(self, kind: EntryKind) -> &'static str {
        let words = wording(kind);
        match self {
            EntryInput::Id => "Reference",
            EntryInput::Kind => "Risk or opportunity",
            EntryInput::Quarter => "Quarter",
            EntryInput::Title => "Title",
            EntryInput::Description => "Description",
            EntryInput::RiskType => "Type",
            EntryInput::Consequences => words.consequences,
            EntryInput::Controls => words.controls,
            EntryInput::Inherent => "Inherent score (before actions)",
            EntryInput::Actions => words.actions,
            EntryInput::Residual => "Residual score (after actions)",
            EntryInput::Target => "Target score",
            EntryInput::Owner => "Owner",
            EntryInput::Direction => "Direction of travel and commentary",
            EntryInput::NextReview => "Next review",
            EntryInput::Reason => "Reason for the change",
        }
    }

    fn key(self) -> &'static str {
        match self {
            EntryInput::Id => "id",
            EntryInput::Kind => "kind",
            EntryInput::Quarter => "quarter",
            EntryInput::Title => "title",
            EntryInput::Description => "description",
            EntryInput::RiskType => "risk_type",
            EntryInput::Consequences => "consequences",
            EntryInput::Controls => "controls",
            EntryInput::Inherent => "inherent",
            EntryInput::Actions => "actions",
            EntryInput::Residual => "residual",
            EntryInput::Target => "target",
            EntryInput::Owner => "owner",
            EntryInput::Direction => "direction",
            EntryInput::NextReview => "next_review",
            EntryInput::Reason => "reason",
        }
    }
}

/// A field of one of the entry forms: "edit-title" is the edit form's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryField {
    pub editor: Editor,
    pub input: EntryInput,
}

impl FormField for EntryField {
    fn id(self) -> String {
        format!("{}{}", self.editor.prefix(), self.input.key())
    }
}

/// An entry's quarter as typed into its form. Scores are written as the
/// packs write them ("16 (Major/Likely)", "4x4" or "16").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryForm {
    pub id: String,
    pub kind: EntryKind,
    /// The quarter this assessment is for, e.g. "Q3 2019/20".
    pub quarter: String,
    pub title: String,
    pub description: String,
    pub risk_type: String,
    pub consequences: String,
    pub controls: String,
    pub inherent: String,
    pub actions: String,
    pub residual: String,
    pub target: String,
    pub owner: String,
    pub direction: String,
    /// "YYYY-MM-DD" from a date input, or "31/10/2019".
    pub next_review: String,
    /// Why the scores changed; needed when they did.
    pub reason: String,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn score_field(score: Option<Score>, kind: EntryKind) -> String {
    score.map(|s| s.label(kind)).unwrap_or_default()
}

impl EntryForm {
    /// A new entry's form for `quarter`.
    pub fn blank(kind: EntryKind, quarter: Option<Period>) -> EntryForm {
        EntryForm {
            kind,
            quarter: quarter.map(|q| q.to_string()).unwrap_or_default(),
            ..EntryForm::default()
        }
    }

    /// The form for `entry` in `quarter`: its assessment then, or, to add
    /// that quarter, a copy of the latest before it.
    pub fn of(entry: &RegisterEntry, quarter: &Period) -> EntryForm {
        let source = entry.assessment(quarter).or_else(|| {
            entry
                .assessments
                .iter()
                .filter(|a| a.period.timeline_cmp(quarter).is_lt())
                .max_by(|a, b| a.period.timeline_cmp(&b.period))
        });
        let kind = entry.kind;
        let mut form = EntryForm {
            id: entry.id.clone(),
            kind,
            quarter: quarter.to_string(),
            ..EntryForm::default()
        };
        if let Some(a) = source {
            form.title = a.title.clone();
            form.description = text(&a.description);
            form.risk_type = text(&a.risk_type);
            form.consequences = text(&a.consequences);
            form.controls = text(&a.controls);
            form.inherent = score_field(a.inherent, kind);
            form.actions = text(&a.actions);
            form.residual = score_field(a.residual, kind);
            form.target = score_field(a.target, kind);
            form.owner = text(&a.owner);
            form.direction = text(&a.direction);
            form.next_review = a.next_review.map(|d| d.to_string()).unwrap_or_default();
        }
        form
    }
}

fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// What `save_entry` did, for the confirmation and undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub snapshot: Snapshot,
    pub id: String,
    /// "Added CR13", "Saved CR2 for Q2 2019/20", "Added Q3 2019/20 to CR2".
    pub done: String,
}

/// Why a new entry's reference cannot be used, if it cannot.
fn reference_fault(snapshot: &Snapshot, id: &str) -> Option<String> {
    reference_form_fault(id).or_else(|| {
        snapshot
            .register
            .iter()
            .any(|e| e.id.eq_ignore_ascii_case(id))
            .then(|| format!("{id} is already on the register: choose another reference"))
    })
}

/// Why `id` cannot be a reference at all, whatever the register holds: empty,
/// with a space, / ? or #, or a word the app's addresses use.
pub(crate) fn reference_form_fault(id: &str) -> Option<String> {
    if id.is_empty() {
        Some("Enter a reference, for example CR13 or CO5".to_owned())
    } else if id
        .chars()
        .any(|c| c.is_whitespace() || c == '/' || c == '?' || c == '#')
    {
        Some("A reference cannot contain spaces, / ? or #: write it as the pack does, for example CR1.2".to_owned())
    } else if ["new", "bands"].contains(&id.to_lowercase().as_str()) {
        Some(format!(
            "\u{201c}{}\u{201d} is a word the app uses: choose a reference such as CR13",
            excerpt(id)
        ))
    } else {
        None
    }
}

/// The quarter as typed, within the years the app holds.
pub(crate) fn read_quarter(text: &str) -> Result<Period, String> {
    match text.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { start_year, .. }) if YEARS.contains(&start_year) => Ok(p),
        Ok(Period::Quarter { .. }) => Err(format!(
            "Give a quarter from {} to {}",
            YEARS.start(),
            YEARS.end()
        )),
        _ => Err(format!(
            "Enter the quarter as the packs write it, for example Q3 2019/20, not \u{201c}{}\u{201d}",
            text.trim()
        )),
    }
}

/// A score as typed (blank is none); `what` names it in the message.
pub(crate) fn read_score(what: &str, text: &str) -> Result<Option<Score>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Score::parse(t)
        .map(Some)
        .map_err(|e| format!("The {what} score: {e}"))
}

/// The next review date as typed (blank is none).
pub(crate) fn read_review(text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match read_date(text) {
        Ok(d) => Ok(Some(d)),
        Err(DateProblem::NotADate) => {
            Err("Enter the next review as a date, for example 31/10/2019".to_owned())
        }
        Err(DateProblem::OutsideYears(_)) => Err(format!(
            "Enter the next review as a date from {} to {}, with the year in full, for example 31/10/2019",
            YEARS.start(),
            YEARS.end()
        )),
    }
}

/// The form's three scores, as read.
type Scores = (Option<Score>, Option<Score>, Option<Score>);

/// The form read field by field: its reference, kind, quarter and scores,
/// with each fault at its field, in the form's order.
struct Read {
    id: String,
    kind: EntryKind,
    quarter: Option<Period>,
    scores: Scores,
    next_review: Option<NaiveDate>,
    errors: Vec<FieldError<EntryField>>,
}

fn read_form(snapshot: &Snapshot, existing: Option<&RegisterEntry>, form: &EntryForm) -> Read {
    let editor = if existing.is_some() {
        Editor::Edit
    } else {
        Editor::New
    };
    let mut errors = vec![];
    let mut fault = |input: EntryInput, message: String| {
        errors.push(FieldError::new(editor.field(input), message));
    };
    let id = match existing {
        Some(e) => e.id.clone(),
        None => form.id.trim().to_owned(),
    };
    if existing.is_none() {
        if let Some(message) = reference_fault(snapshot, &id) {
            fault(EntryInput::Id, message);
        }
    }
    let quarter = read_quarter(&form.quarter)
        .map_err(|m| fault(EntryInput::Quarter, m))
        .ok();
    if form.title.trim().is_empty() {
        fault(
            EntryInput::Title,
            "Enter the title as the register words it".to_owned(),
        );
    }
    let mut score = |input: EntryInput, what: &str, text: &str| {
        read_score(what, text)
            .map_err(|m| fault(input, m))
            .ok()
            .flatten()
    };
    let scores = (
        score(EntryInput::Inherent, "inherent", &form.inherent),
        score(EntryInput::Residual, "residual", &form.residual),
        score(EntryInput::Target, "target", &form.target),
    );
    let next_review = read_review(&form.next_review)
        .map_err(|m| fault(EntryInput::NextReview, m))
        .ok()
        .flatten();
    Read {
        id,
        kind: existing.map_or(form.kind, |e| e.kind),
        quarter,
        scores,
        next_review,
        errors,
    }
}

/// "Residual score from 12 (Major/Possible) to 8 (Major/Unlikely) in Q2
/// 2019/20": the scores that differ from `was`, or `None` where none do.
fn score_changes(
    was: &Assessment,
    now: Scores,
    kind: EntryKind,
    quarter: Period,
) -> Option<String> {
    let moved: Vec<String> = [
        ("Inherent", was.inherent, now.0),
        ("Residual", was.residual, now.1),
        ("Target", was.target, now.2),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(name, a, b)| {
        format!(
            "{name} score from {} to {}",
            score_text(a, kind),
            score_text(b, kind)
        )
    })
    .collect();
    (!moved.is_empty()).then(|| format!("{} in {quarter}", moved.join("; ")))
}

fn assessment_of(
    form: &EntryForm,
    read: &Read,
    quarter: Period,
    earlier: Option<&Assessment>,
) -> Assessment {
    let (inherent, residual, target) = read.scores;
    Assessment {
        period: quarter,
        title: form.title.trim().to_owned(),
        description: optional(&form.description),
        risk_type: optional(&form.risk_type),
        consequences: optional(&form.consequences),
        controls: optional(&form.controls),
        inherent,
        actions: optional(&form.actions),
        residual,
        target,
        owner: optional(&form.owner),
        direction: optional(&form.direction),
        next_review: read.next_review,
        notes: earlier.map(|a| a.notes.clone()).unwrap_or_default(),
        source: earlier.and_then(|a| a.source.clone()),
    }
}

/// The faults only a whole read form shows: a changed score with no
/// reason, and a quarter from which the entry has left the register.
fn check_change(
    existing: Option<&RegisterEntry>,
    form: &EntryForm,
    read: &mut Read,
    quarter: Period,
) {
    let earlier = existing.and_then(|e| e.assessment(&quarter));
    let scores_changed = earlier.is_some_and(|a| (a.inherent, a.residual, a.target) != read.scores);
    if scores_changed && form.reason.trim().is_empty() && read.errors.is_empty() {
        read.errors.push(FieldError::new(
            Editor::Edit.field(EntryInput::Reason),
            "Say why the score changed: the reason is kept in the entry's history",
        ));
    }
    if let Some(e) = existing {
        if let Some(r) = e
            .retired
            .as_ref()
            .filter(|r| r.period.timeline_cmp(&quarter).is_le())
        {
            read.errors.push(FieldError::new(
                Editor::Edit.field(EntryInput::Quarter),
                format!(
                    "{} left the register from {}: restore it before adding {}",
                    e.id, r.period, quarter
                ),
            ));
        }
    }
}

/// A history note for `change`, where a reason was given.
fn note(today: NaiveDate, quarter: Period, change: String, reason: &str) -> Option<HistoryNote> {
    (!reason.is_empty()).then(|| HistoryNote {
        on: today,
        period: quarter,
        change,
        reason: reason.to_owned(),
    })
}

/// The snapshot with the form's entry added (`original` is `None`) or its
/// quarter changed, or every field that is wrong.
pub fn save_entry(
    snapshot: &Snapshot,
    original: Option<&str>,
    form: &EntryForm,
    today: NaiveDate,
) -> Result<Saved, Vec<FieldError<EntryField>>> {
    let existing = original.and_then(|id| snapshot.register.iter().find(|e| e.id == id));
    let mut read = read_form(snapshot, existing, form);
    let Some(quarter) = read.quarter else {
        return Err(read.errors);
    };
    check_change(existing, form, &mut read, quarter);
    if !read.errors.is_empty() {
        return Err(read.errors);
    }
    let earlier = existing.and_then(|e| e.assessment(&quarter));
    let assessment = assessment_of(form, &read, quarter, earlier);
    let (id, kind, reason) = (read.id.clone(), read.kind, form.reason.trim());
    let mut next = snapshot.clone();
    let done = match existing {
        None => {
            next.register.push(RegisterEntry {
                id: id.clone(),
                kind,
                assessments: vec![assessment],
                retired: None,
                history: note(
                    today,
                    quarter,
                    format!("Added to the register in {quarter}"),
                    reason,
                )
                .into_iter()
                .collect(),
            });
            format!("Added {id}")
        }
        Some(_) => {
            let entry = next
                .register
                .iter_mut()
                .find(|e| e.id == id)
                .ok_or_else(|| {
                    vec![FieldError::new(
                        Editor::Edit.field(EntryInput::Id),
                        format!("{id} is no longer on the register"),
                    )]
                })?;
            let (done, change) = match earlier {
                Some(was) => (
                    format!("Saved {id} for {quarter}"),
                    score_changes(was, read.scores, kind, quarter),
                ),
                None => (
                    format!("Added {quarter} to {id}"),
                    Some(format!("{quarter} assessment added")),
                ),
            };
            match entry.assessments.iter_mut().find(|a| a.period == quarter) {
                Some(slot) => *slot = assessment,
                None => entry.assessments.push(assessment),
            }
            entry
                .history
                .extend(change.and_then(|c| note(today, quarter, c, reason)));
            done
        }
    };
    Ok(Saved {
        snapshot: next,
        id,
        done,
    })
}

/// The cell (impact, likelihood) a score typed in a form gives, for the
/// form's impact and likelihood pickers; `None` while it gives no one cell.
pub fn score_cell(text: &str) -> Option<(u8, u8)> {
    Score::parse(text).ok()?.cell()
}

/// The form's text for a score chosen with the pickers, as packs write it:
/// "16 (Major/Likely)".
pub fn chosen_score(impact: u8, likelihood: u8, kind: EntryKind) -> Option<String> {
    Score::rated(impact, likelihood).ok().map(|s| s.label(kind))
}

/// The pickers' choice as a typed score gives it: (impact, likelihood),
/// 0 for "Choose" where the text gives no one cell.
pub fn picked_of(text: &str) -> (u8, u8) {
    score_cell(text).unwrap_or((0, 0))
}

/// A picker's value: "" for "Choose" (0), else the step, "4".
pub fn picker_value(step: u8) -> String {
    if step == 0 {
        String::new()
    } else {
        step.to_string()
    }
}

/// A picker's step from its value: 0 for "Choose".
pub fn picker_step(value: &str) -> u8 {
    value.parse().unwrap_or(0)
}

/// A change of one picker (`impact` or `likelihood`, the other `None`)
/// from `picked`, with the score's text as it stands: the pickers' new
/// choice, and the text to write, if it changes. Both chosen write the
/// score; a picker set back to "Choose" clears a score that had a cell.
pub fn pick_score(
    picked: (u8, u8),
    impact: Option<u8>,
    likelihood: Option<u8>,
    text: &str,
    kind: EntryKind,
) -> ((u8, u8), Option<String>) {
    let next = (impact.unwrap_or(picked.0), likelihood.unwrap_or(picked.1));
    let write = chosen_score(next.0, next.1, kind)
        .or_else(|| ((next.0 == 0 || next.1 == 0) && score_cell(text).is_some()).then(String::new));
    (next, write)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{day, entry, q};
    use crate::register::retire::retire_entry;

    #[test]
    fn score_pickers_and_typed_scores_agree() {
        assert_eq!(
            chosen_score(4, 4, EntryKind::Risk).as_deref(),
            Some("16 (Major/Likely)")
        );
        assert_eq!(
            chosen_score(5, 3, EntryKind::Opportunity).as_deref(),
            Some("15 (Outstanding/Possible)")
        );
        assert_eq!(chosen_score(6, 1, EntryKind::Risk), None);
        for typed in ["16 (Major/Likely)", "4x4", "4 x 4"] {
            assert_eq!(score_cell(typed), Some((4, 4)), "{typed}");
        }
        assert_eq!(score_cell("25"), Some((5, 5)), "only one cell gives 25");
        assert_eq!(score_cell("12"), None, "12 is 3 x 4 or 4 x 3");
        assert_eq!(score_cell("lots"), None);
        let text = chosen_score(3, 2, EntryKind::Risk).expect("valid");
        assert_eq!(
            score_cell(&text),
            Some((3, 2)),
            "what the pickers write reads back as the same cell"
        );
    }

    #[test]
    fn a_new_entry_is_checked_field_by_field() {
        let s = Snapshot::demo();
        let form = EntryForm {
            id: "CR 2".into(),
            kind: EntryKind::Risk,
            quarter: "Q5 2019/20".into(),
            title: " ".into(),
            inherent: "16 (Major/Possible)".into(),
            residual: "7".into(),
            next_review: "next week".into(),
            ..EntryForm::default()
        };
        let errors = save_entry(&s, None, &form, day("2019-10-01")).expect_err("refused");
        let fields: Vec<String> = errors.iter().map(|e| e.field.id()).collect();
        assert_eq!(
            fields,
            vec![
                "new-id",
                "new-quarter",
                "new-title",
                "new-inherent",
                "new-residual",
                "new-next_review"
            ]
        );
        assert!(
            errors[3].message.contains("says 16, but 4 x 3 is 12"),
            "{}",
            errors[3].message
        );
        assert!(errors[4]
            .message
            .contains("7 cannot come from a 5 x 5 grid"));
        let taken = EntryForm {
            id: "cr2".into(),
            ..EntryForm::blank(EntryKind::Risk, Some(q("Q2 2019/20")))
        };
        let errors = save_entry(&s, None, &taken, day("2019-10-01")).expect_err("refused");
        assert_eq!(
            errors[0].message,
            "cr2 is already on the register: choose another reference"
        );
    }

    #[test]
    fn a_new_entry_is_added_with_its_scores_and_review_date() {
        let s = Snapshot::demo();
        let form = EntryForm {
            id: "CR13".into(),
            kind: EntryKind::Risk,
            quarter: "Q2 2019/20".into(),
            title: "Cyber attack on council systems".into(),
            risk_type: "Technological".into(),
            inherent: "20 (Catastrophic/Likely)".into(),
            residual: "4x3".into(),
            target: "8".into(),
            owner: "Director of Digital".into(),
            next_review: "31/12/2019".into(),
            ..EntryForm::default()
        };
        let saved = save_entry(&s, None, &form, day("2019-10-01")).expect("saved");
        assert_eq!(saved.done, "Added CR13");
        let cr13 = entry(&saved.snapshot, "CR13");
        let a = cr13.latest().expect("assessed");
        assert_eq!(
            a.residual,
            Some(Score::Rated {
                impact: 4,
                likelihood: 3
            })
        );
        assert_eq!(a.target, Some(Score::Printed { value: 8 }));
        assert_eq!(a.next_review, Some(day("2019-12-31")));
        assert_eq!(a.description, None, "blank is nothing, not an empty text");
        assert_eq!(crate::file::validate::validate(&saved.snapshot), vec![]);
    }

    #[test]
    fn editing_a_score_needs_a_reason_and_records_what_moved() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let cr2 = entry(&s, "CR2");
        let mut form = EntryForm::of(cr2, &now);
        assert_eq!(form.residual, "12 (Major/Possible)");
        assert_eq!(form.inherent, "12");
        form.residual = "8 (Major/Unlikely)".into();
        let errors = save_entry(&s, Some("CR2"), &form, day("2019-10-01")).expect_err("no reason");
        assert_eq!(
            errors.iter().map(|e| e.field.id()).collect::<Vec<_>>(),
            vec!["edit-reason"]
        );
        form.reason = "Peer challenge".into();
        let saved = save_entry(&s, Some("CR2"), &form, day("2019-10-01")).expect("saved");
        assert_eq!(saved.done, "Saved CR2 for Q2 2019/20");
        let history = &entry(&saved.snapshot, "CR2").history;
        assert_eq!(
            history[0].change,
            "Residual score from 12 (Major/Possible) to 8 (Major/Unlikely) in Q2 2019/20"
        );
        // Wording only: no reason needed, nothing added to the history.
        let mut words = EntryForm::of(cr2, &now);
        words.direction = "Improving".into();
        let saved = save_entry(&s, Some("CR2"), &words, day("2019-10-01")).expect("saved");
        assert!(entry(&saved.snapshot, "CR2").history.is_empty());
        assert_eq!(
            entry(&saved.snapshot, "CR2")
                .assessment(&now)
                .and_then(|a| a.direction.clone())
                .as_deref(),
            Some("Improving")
        );
    }

    #[test]
    fn a_new_quarter_starts_from_the_latest_assessment() {
        let s = Snapshot::demo();
        let next_q = q("Q3 2019/20");
        let form = EntryForm::of(entry(&s, "CR2"), &next_q);
        assert_eq!(form.quarter, "Q3 2019/20");
        assert_eq!(
            form.residual, "12 (Major/Possible)",
            "copied from Q2 2019/20"
        );
        let saved = save_entry(&s, Some("CR2"), &form, day("2019-12-01")).expect("saved");
        assert_eq!(saved.done, "Added Q3 2019/20 to CR2");
        assert_eq!(entry(&saved.snapshot, "CR2").assessments.len(), 3);
        assert_eq!(
            crate::register::quarters(&saved.snapshot).last(),
            Some(&next_q)
        );
    }

    #[test]
    fn an_edit_to_a_quarter_after_retirement_is_refused() {
        let s = Snapshot::demo();
        let retired =
            retire_entry(&s, "CR3", "Q3 2019/20", "Merged", day("2019-10-01")).expect("retired");
        let form = EntryForm::of(entry(&retired, "CR3"), &q("Q3 2019/20"));
        let errors =
            save_entry(&retired, Some("CR3"), &form, day("2019-10-01")).expect_err("refused");
        assert_eq!(errors[0].field, Editor::Edit.field(EntryInput::Quarter));
        assert!(errors[0].message.contains("restore it"));
    }

    #[test]
    fn each_form_names_its_fields_by_their_element_ids() {
        assert_eq!(Editor::New.field(EntryInput::Id).id(), "new-id");
        assert_eq!(Editor::New.field(EntryInput::Kind).id(), "new-kind");
        assert_eq!(
            Editor::Edit.field(EntryInput::RiskType).id(),
            "edit-risk_type"
        );
        assert_eq!(
            Editor::Edit.field(EntryInput::NextReview).id(),
            "edit-next_review"
        );
        assert_eq!(Editor::Edit.field(EntryInput::Reason).id(), "edit-reason");
        // An edit's faults are the edit form's.
        let s = Snapshot::demo();
        let mut form = EntryForm::of(entry(&s, "CR2"), &q("Q2 2019/20"));
        form.title = String::new();
        let errors = save_entry(&s, Some("CR2"), &form, day("2019-10-01")).expect_err("refused");
        assert_eq!(errors[0].field, Editor::Edit.field(EntryInput::Title));
        let opportunity = EntryForm::blank(EntryKind::Opportunity, None);
        assert_eq!(opportunity.kind, EntryKind::Opportunity);
        assert_eq!(EntryForm::default().kind, EntryKind::Risk);
        assert_eq!(
            EntryInput::Consequences.label(EntryKind::Opportunity),
            "Possible benefits"
        );
        assert_eq!(
            EntryInput::Actions.label(EntryKind::Risk),
            "Mitigating actions"
        );
        assert_eq!(
            EntryInput::Reason.label(EntryKind::Risk),
            "Reason for the change"
        );
    }

    #[test]
    fn the_pickers_write_a_score_once_both_are_chosen_and_clear_it_when_unset() {
        let kind = EntryKind::Risk;
        assert_eq!(pick_score((0, 0), Some(4), None, "", kind), ((4, 0), None));
        assert_eq!(
            pick_score((4, 0), None, Some(3), "", kind),
            ((4, 3), Some("12 (Major/Possible)".to_owned()))
        );
        assert_eq!(
            pick_score((4, 3), Some(0), None, "12 (Major/Possible)", kind),
            ((0, 3), Some(String::new())),
            "Choose clears a score that had a cell"
        );
        assert_eq!(
            pick_score((0, 0), None, Some(0), "12", kind),
            ((0, 0), None),
            "a printed score with no cell is kept"
        );
        assert_eq!(picked_of("4x4"), (4, 4));
        assert_eq!(picked_of("12"), (0, 0));
        assert_eq!(picker_value(0), "");
        assert_eq!(picker_value(5), "5");
        assert_eq!(picker_step(""), 0);
        assert_eq!(picker_step("3"), 3);
    }
}
