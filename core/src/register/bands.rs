//! The score bands form: each band's name, range and colour, and the risk
//! appetite, checked whole.

use crate::domain::risk::{Band, BandTone, BandsError, EntryKind, ScoreBands};
use crate::domain::snapshot::{FieldError, Snapshot};

fn field(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::filter::RegisterFilter;
    use crate::register::fixtures::{day, q};
    use crate::register::matrix::Matrix;
    use crate::register::rows::rows;

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
