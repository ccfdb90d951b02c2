//! Changing the register: moving a residual score on the matrix, adding and
//! editing an entry's quarter, retiring and restoring, and the score bands.
//! Each returns the whole new snapshot or every field that is wrong, so a
//! refused change leaves the data as it was.

use chrono::NaiveDate;
use thiserror::Error;

use crate::dates::read_date;
use crate::domain::period::Period;
use crate::domain::register::{Assessment, HistoryNote, RegisterEntry, Retirement};
use crate::domain::risk::{Band, BandTone, BandsError, EntryKind, Score, ScoreBands};
use crate::domain::snapshot::{FieldError, Snapshot};
use crate::file::validate::YEARS;
use crate::register::{next_quarter, score_text};

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Why a marker could not be moved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MoveError {
    #[error("Say why {0} moved: the reason is kept in its history")]
    NoReason(String),
    #[error("{0} is not on the register in {1}")]
    NotOnRegister(String, Period),
    #[error("{id} is already at {score}")]
    SameCell { id: String, score: String },
    #[error("impact and likelihood must each be from 1 to 5")]
    OffGrid,
}

/// The snapshot with entry `id`'s residual score in `quarter` set to the
/// cell (impact, likelihood), and the move and its reason in its history.
pub fn move_residual(
    snapshot: &Snapshot,
    id: &str,
    quarter: &Period,
    (impact, likelihood): (u8, u8),
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, MoveError> {
    let to = Score::rated(impact, likelihood).map_err(|_| MoveError::OffGrid)?;
    let mut next = snapshot.clone();
    let entry = next
        .register
        .iter_mut()
        .find(|e| e.id == id && e.on_register(quarter).is_some())
        .ok_or_else(|| MoveError::NotOnRegister(id.to_owned(), *quarter))?;
    let kind = entry.kind;
    let reason = reason.trim();
    let assessment = entry
        .assessments
        .iter_mut()
        .find(|a| a.period == *quarter)
        .ok_or_else(|| MoveError::NotOnRegister(id.to_owned(), *quarter))?;
    if assessment.residual.and_then(|s| s.cell()) == Some((impact, likelihood)) {
        return Err(MoveError::SameCell {
            id: id.to_owned(),
            score: to.label(kind),
        });
    }
    if reason.is_empty() {
        return Err(MoveError::NoReason(id.to_owned()));
    }
    let change = format!(
        "Residual score moved from {} to {}",
        score_text(assessment.residual, kind),
        to.label(kind)
    );
    assessment.residual = Some(to);
    entry.history.push(HistoryNote {
        on: today,
        period: *quarter,
        change,
        reason: reason.to_owned(),
    });
    Ok(next)
}

/// An entry's quarter as typed into its form. Scores are written as the
/// packs write them ("16 (Major/Likely)", "4x4" or "16").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryForm {
    pub id: String,
    /// "risk" or "opportunity".
    pub kind: String,
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
            kind: kind.key().to_owned(),
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
            kind: kind.key().to_owned(),
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

/// The snapshot with the form's entry added (`original` is `None`) or its
/// quarter changed, or every field that is wrong.
pub fn save_entry(
    snapshot: &Snapshot,
    original: Option<&str>,
    form: &EntryForm,
    today: NaiveDate,
) -> Result<Saved, Vec<FieldError>> {
    let mut errors = vec![];
    let existing = original.and_then(|id| snapshot.register.iter().find(|e| e.id == id));
    let id = match existing {
        Some(e) => e.id.clone(),
        None => form.id.trim().to_owned(),
    };
    if existing.is_none() {
        if id.is_empty() {
            errors.push(field("id", "Enter a reference, for example CR13 or CO5"));
        } else if id
            .chars()
            .any(|c| c.is_whitespace() || c == '/' || c == '?' || c == '#')
        {
            errors.push(field(
                "id",
                "A reference cannot contain spaces, / ? or #: write it as the pack does, for example CR1.2",
            ));
        } else if ["new", "bands"].contains(&id.to_lowercase().as_str()) {
            errors.push(field(
                "id",
                format!(
                    "\u{201c}{id}\u{201d} is a word the app uses: choose a reference such as CR13"
                ),
            ));
        } else if snapshot
            .register
            .iter()
            .any(|e| e.id.eq_ignore_ascii_case(&id))
        {
            errors.push(field(
                "id",
                format!("{id} is already on the register: choose another reference"),
            ));
        }
    }
    let kind = match existing {
        Some(e) => Some(e.kind),
        None => {
            let kind = EntryKind::from_key(&form.kind);
            if kind.is_none() {
                errors.push(field(
                    "kind",
                    "Choose whether this is a risk or an opportunity",
                ));
            }
            kind
        }
    };
    let quarter = match form.quarter.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { start_year, .. }) if YEARS.contains(&start_year) => Some(p),
        Ok(Period::Quarter { .. }) => {
            errors.push(field(
                "quarter",
                format!("Give a quarter from {} to {}", YEARS.start(), YEARS.end()),
            ));
            None
        }
        _ => {
            errors.push(field(
                "quarter",
                format!(
                    "Enter the quarter as the packs write it, for example Q3 2019/20, not \u{201c}{}\u{201d}",
                    form.quarter.trim()
                ),
            ));
            None
        }
    };
    let title = form.title.trim();
    if title.is_empty() {
        errors.push(field("title", "Enter the title as the register words it"));
    }
    let mut score = |name: &'static str, what: &str, text: &str| -> Option<Score> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match Score::parse(t) {
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(field(name, format!("The {what} score: {e}")));
                None
            }
        }
    };
    let inherent = score("inherent", "inherent", &form.inherent);
    let residual = score("residual", "residual", &form.residual);
    let target = score("target", "target", &form.target);
    let next_review = if form.next_review.trim().is_empty() {
        None
    } else {
        match read_date(&form.next_review) {
            Some(d) if YEARS.contains(&chrono::Datelike::year(&d)) => Some(d),
            _ => {
                errors.push(field(
                    "next_review",
                    "Enter the next review as a date, for example 31/10/2019",
                ));
                None
            }
        }
    };
    let (Some(kind), Some(quarter)) = (kind, quarter) else {
        return Err(errors);
    };
    let earlier = existing.and_then(|e| e.assessment(&quarter));
    let scores_changed =
        earlier.is_some_and(|a| (a.inherent, a.residual, a.target) != (inherent, residual, target));
    let reason = form.reason.trim();
    if scores_changed && reason.is_empty() && errors.is_empty() {
        errors.push(field(
            "reason",
            "Say why the score changed: the reason is kept in the entry's history",
        ));
    }
    if let Some(e) = existing {
        if let Some(r) = &e.retired {
            if r.period.timeline_cmp(&quarter).is_le() {
                errors.push(field(
                    "quarter",
                    format!(
                        "{} left the register from {}: restore it before adding {}",
                        e.id, r.period, quarter
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let assessment = Assessment {
        period: quarter,
        title: title.to_owned(),
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
        next_review,
        notes: earlier.map(|a| a.notes.clone()).unwrap_or_default(),
        source: earlier.and_then(|a| a.source.clone()),
    };
    let mut next = snapshot.clone();
    let done;
    match existing {
        None => {
            done = format!("Added {id}");
            let mut entry = RegisterEntry {
                id: id.clone(),
                kind,
                assessments: vec![assessment],
                retired: None,
                history: vec![],
            };
            if !reason.is_empty() {
                entry.history.push(HistoryNote {
                    on: today,
                    period: quarter,
                    change: format!("Added to the register in {quarter}"),
                    reason: reason.to_owned(),
                });
            }
            next.register.push(entry);
        }
        Some(_) => {
            let entry = next
                .register
                .iter_mut()
                .find(|e| e.id == id)
                .ok_or_else(|| vec![field("id", format!("{id} is no longer on the register"))])?;
            let change = match earlier {
                Some(was) => {
                    let moved: Vec<String> = [
                        ("Inherent", was.inherent, inherent),
                        ("Residual", was.residual, residual),
                        ("Target", was.target, target),
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
                    done = format!("Saved {id} for {quarter}");
                    (!moved.is_empty()).then(|| format!("{} in {quarter}", moved.join("; ")))
                }
                None => {
                    done = format!("Added {quarter} to {id}");
                    Some(format!("{quarter} assessment added"))
                }
            };
            match entry.assessments.iter_mut().find(|a| a.period == quarter) {
                Some(slot) => *slot = assessment,
                None => entry.assessments.push(assessment),
            }
            if let (Some(change), false) = (change, reason.is_empty()) {
                entry.history.push(HistoryNote {
                    on: today,
                    period: quarter,
                    change,
                    reason: reason.to_owned(),
                });
            }
        }
    }
    Ok(Saved {
        snapshot: next,
        id,
        done,
    })
}

/// The first quarter an entry would be off the register if retired now:
/// the quarter after its latest assessment.
pub fn suggested_retirement(entry: &RegisterEntry) -> Option<Period> {
    entry.latest().and_then(|a| next_quarter(&a.period))
}

/// The snapshot with entry `id` retired from `from` (the first quarter it is
/// no longer on the register), kept with its history.
pub fn retire_entry(
    snapshot: &Snapshot,
    id: &str,
    from: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, Vec<FieldError>> {
    let mut errors = vec![];
    let Some(entry) = snapshot.register.iter().find(|e| e.id == id) else {
        return Err(vec![field(
            "retire_from",
            format!("{id} is not on the register"),
        )]);
    };
    if entry.retired.is_some() {
        errors.push(field("retire_from", format!("{id} is already retired")));
    }
    let first = entry
        .assessments
        .iter()
        .map(|a| a.period)
        .min_by(Period::timeline_cmp);
    let period = match from.trim().parse::<Period>() {
        Ok(p @ Period::Quarter { .. }) => {
            if first.is_some_and(|f| p.timeline_cmp(&f).is_le()) {
                errors.push(field(
                    "retire_from",
                    format!(
                        "{id} was first assessed in {}: it can leave the register from a later quarter",
                        first.map(|f| f.to_string()).unwrap_or_default()
                    ),
                ));
                None
            } else {
                Some(p)
            }
        }
        _ => {
            errors.push(field(
                "retire_from",
                format!(
                    "Enter the first quarter it is no longer on the register, for example Q3 2019/20, not \u{201c}{}\u{201d}",
                    from.trim()
                ),
            ));
            None
        }
    };
    let reason = reason.trim();
    if reason.is_empty() {
        errors.push(field(
            "retire_reason",
            "Say why it leaves the register: the reason is kept with its history",
        ));
    }
    let Some(period) = period.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut next = snapshot.clone();
    if let Some(entry) = next.register.iter_mut().find(|e| e.id == id) {
        entry.retired = Some(Retirement {
            period,
            reason: reason.to_owned(),
        });
        entry.history.push(HistoryNote {
            on: today,
            period,
            change: format!("Retired: off the register from {period}"),
            reason: reason.to_owned(),
        });
    }
    Ok(next)
}

/// The snapshot with retired entry `id` back on the register.
pub fn restore_entry(
    snapshot: &Snapshot,
    id: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<Snapshot, Vec<FieldError>> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(vec![field(
            "restore_reason",
            "Say why it returns to the register: the reason is kept with its history",
        )]);
    }
    let mut next = snapshot.clone();
    let Some(entry) = next.register.iter_mut().find(|e| e.id == id) else {
        return Err(vec![field(
            "restore_reason",
            format!("{id} is not on the register"),
        )]);
    };
    let Some(was) = entry.retired.take() else {
        return Err(vec![field(
            "restore_reason",
            format!("{id} is not retired"),
        )]);
    };
    entry.history.push(HistoryNote {
        on: today,
        period: was.period,
        change: format!("Restored to the register (it had left from {})", was.period),
        reason: reason.to_owned(),
    });
    Ok(next)
}

/// One band as typed into the settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BandRow {
    pub name: String,
    pub min: String,
    pub max: String,
    /// "green", "yellow", "amber" or "red".
    pub tone: String,
}

/// The most bands the form offers.
pub const MAX_BANDS: usize = 5;

/// Field names of each band row: (name, min, max, tone).
pub const BAND_FIELDS: [[&str; 4]; MAX_BANDS] = [
    ["band-1-name", "band-1-min", "band-1-max", "band-1-tone"],
    ["band-2-name", "band-2-min", "band-2-max", "band-2-tone"],
    ["band-3-name", "band-3-min", "band-3-max", "band-3-tone"],
    ["band-4-name", "band-4-min", "band-4-max", "band-4-tone"],
    ["band-5-name", "band-5-min", "band-5-max", "band-5-tone"],
];

pub fn tone_key(tone: BandTone) -> &'static str {
    match tone {
        BandTone::Green => "green",
        BandTone::Yellow => "yellow",
        BandTone::Amber => "amber",
        BandTone::Red => "red",
    }
}

fn tone_from_key(key: &str) -> Option<BandTone> {
    [
        BandTone::Green,
        BandTone::Yellow,
        BandTone::Amber,
        BandTone::Red,
    ]
    .into_iter()
    .find(|t| tone_key(*t) == key)
}

/// Bands as the settings form shows them.
pub fn band_rows(bands: &ScoreBands) -> Vec<BandRow> {
    bands
        .0
        .iter()
        .map(|b| BandRow {
            name: b.name.clone(),
            min: b.min.to_string(),
            max: b.max.to_string(),
            tone: tone_key(b.tone).to_owned(),
        })
        .collect()
}

/// The settings form's starting rows (for `kind`'s bands) and appetite.
pub fn bands_form(snapshot: &Snapshot, kind: EntryKind) -> (Vec<BandRow>, String) {
    let rows = band_rows(&snapshot.settings.bands_for(kind));
    let appetite = snapshot
        .settings
        .risk_appetite
        .map(|a| a.to_string())
        .unwrap_or_default();
    (rows, appetite)
}

/// The snapshot with new score bands for `kind` (and, for risks, the
/// appetite), or every field that is wrong.
pub fn save_bands(
    snapshot: &Snapshot,
    kind: EntryKind,
    rows: &[BandRow],
    appetite: &str,
) -> Result<Snapshot, Vec<FieldError>> {
    let mut errors = vec![];
    if rows.is_empty() || rows.len() > MAX_BANDS {
        errors.push(field(
            "band-1-name",
            format!("Give from 1 to {MAX_BANDS} bands that cover scores 1 to 25"),
        ));
    }
    let mut bands = vec![];
    for (row, names) in rows.iter().zip(BAND_FIELDS) {
        let [name_f, min_f, max_f, tone_f] = names;
        let name = row.name.trim();
        if name.is_empty() {
            errors.push(field(name_f, "Enter the band's name, for example High"));
        }
        let mut bound = |f: &'static str, text: &str, which: &str| match text.trim().parse::<u8>() {
            Ok(n) if (1..=25).contains(&n) => Some(n),
            _ => {
                errors.push(field(
                    f,
                    format!(
                        "Enter the {which} score of band {} as a whole number from 1 to 25",
                        if name.is_empty() { "(unnamed)" } else { name }
                    ),
                ));
                None
            }
        };
        let min = bound(min_f, &row.min, "lowest");
        let max = bound(max_f, &row.max, "highest");
        let tone = tone_from_key(&row.tone);
        if tone.is_none() {
            errors.push(field(tone_f, "Choose the band's colour"));
        }
        if let (Some(min), Some(max), Some(tone)) = (min, max, tone) {
            bands.push((
                names,
                Band {
                    name: name.to_owned(),
                    min,
                    max,
                    tone,
                },
            ));
        }
    }
    let appetite_value = if kind == EntryKind::Opportunity {
        snapshot.settings.risk_appetite
    } else if appetite.trim().is_empty() {
        None
    } else {
        match appetite.trim().parse::<u8>() {
            Ok(n) if (1..=25).contains(&n) => Some(n),
            _ => {
                errors.push(field(
                    "appetite",
                    "Enter the risk appetite as a score from 1 to 25, or leave it blank",
                ));
                None
            }
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ordered = bands.clone();
    ordered.sort_by_key(|(_, b)| b.min);
    let candidate = ScoreBands(ordered.iter().map(|(_, b)| b.clone()).collect());
    if let Err(e) = candidate.check() {
        let at = |name: &str| {
            bands
                .iter()
                .find(|(_, b)| b.name == name)
                .map(|(names, _)| names)
        };
        let target = match &e {
            BandsError::Reversed { name, .. } => at(name).map(|n| n[1]),
            BandsError::Overlap { second, .. } => at(second).map(|n| n[1]),
            BandsError::Unnamed { .. } | BandsError::Empty | BandsError::Uncovered { .. } => None,
        };
        let message = crate::text::capitalise(&e.to_string());
        errors.push(field(target.unwrap_or("band-1-min"), message));
        return Err(errors);
    }
    let mut next = snapshot.clone();
    match kind {
        EntryKind::Risk => next.settings.score_bands = candidate,
        EntryKind::Opportunity => next.settings.opportunity_bands = Some(candidate),
    }
    next.settings.risk_appetite = appetite_value;
    Ok(next)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opportunities_are_coloured_so_high_is_good_until_the_council_sets_their_own() {
        use crate::domain::risk::BandTone;
        let s = Snapshot::demo();
        let risk = s.settings.bands_for(EntryKind::Risk);
        let opportunity = s.settings.bands_for(EntryKind::Opportunity);
        let high = |b: &ScoreBands| b.band_of(16).map(|b| (b.name.clone(), b.tone));
        assert_eq!(high(&risk), Some(("High".to_owned(), BandTone::Red)));
        assert_eq!(
            high(&opportunity),
            Some(("High".to_owned(), BandTone::Green)),
            "not the risks' red"
        );
        assert_eq!(opportunity.band_of(2).map(|b| b.tone), Some(BandTone::Red));
        assert_eq!(opportunity.check(), Ok(()));

        // The council's own: saved for opportunities only, the risks' bands and appetite untouched.
        let (mut rows, _) = bands_form(&s, EntryKind::Opportunity);
        for row in &mut rows {
            row.tone = if row.name == "High" {
                "green".into()
            } else {
                "yellow".into()
            };
        }
        let next = save_bands(&s, EntryKind::Opportunity, &rows, "25").expect("saved");
        assert_eq!(next.settings.score_bands, s.settings.score_bands);
        assert_eq!(
            next.settings.risk_appetite, s.settings.risk_appetite,
            "the appetite is for risks"
        );
        let own = next.settings.bands_for(EntryKind::Opportunity);
        assert_eq!(own.band_of(2).map(|b| b.tone), Some(BandTone::Yellow));
        assert_eq!(crate::file::validate::validate(&next), vec![]);
        let text = crate::file::format::export(&next, chrono::DateTime::UNIX_EPOCH, "0.1.0");
        let opened = crate::file::format::import(&text).expect("reads back");
        assert_eq!(
            opened.snapshot.settings.opportunity_bands,
            next.settings.opportunity_bands
        );
    }

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
    use crate::register::{rows, Matrix, RegisterFilter};

    fn q(label: &str) -> Period {
        label.parse().expect("quarter")
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn entry<'a>(s: &'a Snapshot, id: &str) -> &'a RegisterEntry {
        s.register.iter().find(|e| e.id == id).expect("entry")
    }

    #[test]
    fn moving_a_marker_sets_the_residual_and_keeps_the_reason() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let next = move_residual(
            &s,
            "CR2",
            &now,
            (4, 2),
            "  Peer challenge actions complete ",
            day("2019-10-01"),
        )
        .expect("moved");
        let cr2 = entry(&next, "CR2");
        assert_eq!(
            cr2.assessment(&now).and_then(|a| a.residual),
            Some(Score::Rated {
                impact: 4,
                likelihood: 2
            })
        );
        assert_eq!(
            cr2.history,
            vec![HistoryNote {
                on: day("2019-10-01"),
                period: now,
                change: "Residual score moved from 12 (Major/Possible) to 8 (Major/Unlikely)"
                    .into(),
                reason: "Peer challenge actions complete".into(),
            }]
        );
        assert_eq!(crate::file::validate::validate(&next), vec![]);
        // Only CR2 changed.
        let mut back = next.clone();
        back.register
            .iter_mut()
            .find(|e| e.id == "CR2")
            .expect("CR2")
            .clone_from(entry(&s, "CR2"));
        assert_eq!(back, s);
        let list = rows(
            &next,
            &RegisterFilter::default(),
            &now,
            day("2019-10-01"),
            true,
        );
        let m = Matrix::build(&list, EntryKind::Risk, &next.settings.score_bands);
        assert_eq!(m.cell(4, 2).expect("cell").entries, vec!["CR2"]);
    }

    #[test]
    fn a_move_without_a_reason_or_to_the_same_cell_or_of_an_absent_entry_is_refused() {
        let s = Snapshot::demo();
        let now = q("Q2 2019/20");
        let today = day("2019-10-01");
        assert_eq!(
            move_residual(&s, "CR2", &now, (4, 2), "  ", today),
            Err(MoveError::NoReason("CR2".into()))
        );
        assert_eq!(
            move_residual(&s, "CR2", &now, (4, 3), "why", today).map_err(|e| e.to_string()),
            Err("CR2 is already at 12 (Major/Possible)".into())
        );
        assert_eq!(
            move_residual(&s, "CO4", &q("Q2 2018/19"), (4, 3), "why", today),
            Err(MoveError::NotOnRegister("CO4".into(), q("Q2 2018/19")))
        );
        assert_eq!(
            move_residual(&s, "CR2", &now, (6, 1), "why", today),
            Err(MoveError::OffGrid)
        );
        // A printed score with no cell can be placed by a move.
        let placed = move_residual(&s, "CR6", &now, (3, 3), "First scored", today).expect("placed");
        assert_eq!(
            entry(&placed, "CR6").history[0].change,
            "Residual score moved from Not scored to 9 (Moderate/Possible)"
        );
    }

    #[test]
    fn a_new_entry_is_checked_field_by_field() {
        let s = Snapshot::demo();
        let form = EntryForm {
            id: "CR 2".into(),
            kind: "risk".into(),
            quarter: "Q5 2019/20".into(),
            title: " ".into(),
            inherent: "16 (Major/Possible)".into(),
            residual: "7".into(),
            next_review: "next week".into(),
            ..EntryForm::default()
        };
        let errors = save_entry(&s, None, &form, day("2019-10-01")).expect_err("refused");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "id",
                "quarter",
                "title",
                "inherent",
                "residual",
                "next_review"
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
            kind: "risk".into(),
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
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["reason"]
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
    fn retiring_keeps_the_entry_and_needs_a_reason_and_a_later_quarter() {
        let s = Snapshot::demo();
        let today = day("2019-10-01");
        let cr3 = entry(&s, "CR3");
        assert_eq!(suggested_retirement(cr3), Some(q("Q3 2019/20")));
        let errors = retire_entry(&s, "CR3", "Q2 2018/19", "", today).expect_err("refused");
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec!["retire_from", "retire_reason"]
        );
        assert!(errors[0].message.contains("first assessed in Q2 2018/19"));
        let retired =
            retire_entry(&s, "CR3", "Q3 2019/20", "Merged into CR2", today).expect("retired");
        let cr3 = entry(&retired, "CR3");
        assert_eq!(cr3.assessments.len(), 2, "history kept");
        assert_eq!(
            cr3.retired.as_ref().map(|r| r.reason.as_str()),
            Some("Merged into CR2")
        );
        assert!(cr3.on_register(&q("Q2 2019/20")).is_some());
        assert!(cr3.on_register(&q("Q3 2019/20")).is_none());
        assert_eq!(crate::file::validate::validate(&retired), vec![]);
        let again =
            retire_entry(&retired, "CR3", "Q3 2019/20", "again", today).expect_err("already");
        assert_eq!(again[0].message, "CR3 is already retired");

        assert!(restore_entry(&retired, "CR3", " ", today).is_err());
        let back = restore_entry(&retired, "CR3", "Demerged", today).expect("restored");
        let cr3 = entry(&back, "CR3");
        assert_eq!(cr3.retired, None);
        assert_eq!(cr3.history.len(), 2);
        assert_eq!(
            cr3.history[1].change,
            "Restored to the register (it had left from Q3 2019/20)"
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
        assert_eq!(errors[0].field, "quarter");
        assert!(errors[0].message.contains("restore it"));
    }

    fn row(name: &str, min: &str, max: &str, tone: &str) -> BandRow {
        BandRow {
            name: name.into(),
            min: min.into(),
            max: max.into(),
            tone: tone.into(),
        }
    }

    #[test]
    fn bands_can_be_changed_to_the_four_band_scheme_and_every_view_follows() {
        let s = Snapshot::demo();
        let (rows_now, appetite) = bands_form(&s, EntryKind::Risk);
        assert_eq!(rows_now.len(), 3);
        assert_eq!(appetite, "");
        let four = [
            row("Low", "1", "3", "green"),
            row("Medium", "4", "6", "yellow"),
            row("High", "8", "12", "amber"),
            row("Very high", "15", "25", "red"),
        ];
        assert_eq!(
            band_rows(&ScoreBands::four()),
            four,
            "the preset fills the form the same"
        );
        let next = save_bands(&s, EntryKind::Risk, &four, "12").expect("saved");
        assert_eq!(next.settings.score_bands, ScoreBands::four());
        assert_eq!(next.settings.risk_appetite, Some(12));
        let now = q("Q2 2019/20");
        let list = rows(
            &next,
            &RegisterFilter::default(),
            &now,
            day("2019-10-01"),
            true,
        );
        let m = Matrix::build(&list, EntryKind::Risk, &next.settings.score_bands);
        assert_eq!(
            m.cell(4, 3)
                .and_then(|c| c.band.clone())
                .map(|b| b.name)
                .as_deref(),
            Some("High")
        );
    }

    #[test]
    fn bad_bands_are_refused_at_the_field_with_the_reason() {
        let s = Snapshot::demo();
        let gap = [row("Low", "1", "6", "green"), row("High", "9", "25", "red")];
        let errors = save_bands(&s, EntryKind::Risk, &gap, "").expect_err("gap");
        assert_eq!(
            errors[0].message,
            "Score 8 is in no band: bands must cover every score from 1 to 25"
        );
        let overlap = [row("Low", "1", "8", "green"), row("High", "8", "25", "red")];
        let errors = save_bands(&s, EntryKind::Risk, &overlap, "").expect_err("overlap");
        assert_eq!(errors[0].field, "band-2-min");
        assert!(errors[0]
            .message
            .contains("both \u{201c}Low\u{201d} and \u{201c}High\u{201d}"));
        let typed = [row("", "one", "30", "purple")];
        let errors = save_bands(&s, EntryKind::Risk, &typed, "26").expect_err("typing");
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec![
                "band-1-name",
                "band-1-min",
                "band-1-max",
                "band-1-tone",
                "appetite"
            ]
        );
        assert_eq!(
            s.settings.score_bands,
            ScoreBands::three(),
            "the snapshot is untouched"
        );
    }
}
