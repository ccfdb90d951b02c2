//! The score bands form: each band's name, range and colour, and the risk
//! appetite, checked whole; which kind's bands the page shows.

use crate::domain::risk::{Band, BandTone, BandsError, EntryKind, ScoreBands};
use crate::domain::snapshot::Snapshot;
use crate::form::{FieldError, FormField};
use crate::route::Route;
use crate::sort;

/// One band as typed into the settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BandRow {
    pub name: String,
    pub min: String,
    pub max: String,
    /// The colour chosen; `None` until one is.
    pub tone: Option<BandTone>,
}

/// The most bands the form offers.
pub const MAX_BANDS: usize = 5;

/// A field of the bands form: one of the four of a band's row (its index,
/// from 0), or the risk appetite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandField {
    Name(usize),
    Min(usize),
    Max(usize),
    Tone(usize),
    Appetite,
}

impl BandField {
    /// The field's label beside its input.
    pub fn label(self) -> &'static str {
        match self {
            BandField::Name(_) => "Name",
            BandField::Min(_) => "From score",
            BandField::Max(_) => "To score",
            BandField::Tone(_) => "Colour",
            BandField::Appetite => "Risk appetite (optional)",
        }
    }
}

impl FormField for BandField {
    /// "band-1-name" for the first row's name; "appetite".
    fn id(self) -> String {
        let (row, part) = match self {
            BandField::Name(i) => (i, "name"),
            BandField::Min(i) => (i, "min"),
            BandField::Max(i) => (i, "max"),
            BandField::Tone(i) => (i, "tone"),
            BandField::Appetite => return "appetite".to_owned(),
        };
        format!("band-{}-{part}", row + 1)
    }
}

fn field(field: BandField, message: impl Into<String>) -> FieldError<BandField> {
    FieldError::new(field, message)
}

/// The colours a band can take, in the order the form offers them.
pub const TONES: [BandTone; 4] = [
    BandTone::Green,
    BandTone::Yellow,
    BandTone::Amber,
    BandTone::Red,
];

/// A colour as the form's options and the style's classes name it: "green".
pub fn tone_key(tone: BandTone) -> &'static str {
    match tone {
        BandTone::Green => "green",
        BandTone::Yellow => "yellow",
        BandTone::Amber => "amber",
        BandTone::Red => "red",
    }
}

/// The colour an option names, if it names one.
pub fn tone_from_key(key: &str) -> Option<BandTone> {
    TONES.into_iter().find(|t| tone_key(*t) == key)
}

/// A new band's row: empty, amber until a colour is chosen.
pub fn new_band_row() -> BandRow {
    BandRow {
        tone: Some(BandTone::Amber),
        ..BandRow::default()
    }
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
            tone: Some(b.tone),
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

/// Whose bands the page's address asks for: opportunities' with
/// `for=opportunities`, else the risks'.
pub fn bands_kind(query: &[(String, String)]) -> EntryKind {
    if query
        .iter()
        .any(|(k, v)| k == "for" && v == "opportunities")
    {
        EntryKind::Opportunity
    } else {
        EntryKind::Risk
    }
}

/// The bands page's address for `kind`'s bands.
pub fn bands_href(kind: EntryKind) -> String {
    match kind {
        EntryKind::Risk => Route::ScoreBands.href(),
        EntryKind::Opportunity => Route::ScoreBands.href_with("for=opportunities"),
    }
}

/// One row read, or `None` with its faults added to `errors`.
fn read_row(i: usize, row: &BandRow, errors: &mut Vec<FieldError<BandField>>) -> Option<Band> {
    let name = row.name.trim();
    if name.is_empty() {
        errors.push(field(
            BandField::Name(i),
            "Enter the band's name, for example High",
        ));
    }
    let mut bound = |f: BandField, text: &str, which: &str| match text.trim().parse::<u8>() {
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
    let min = bound(BandField::Min(i), &row.min, "lowest");
    let max = bound(BandField::Max(i), &row.max, "highest");
    if row.tone.is_none() {
        errors.push(field(BandField::Tone(i), "Choose the band's colour"));
    }
    Some(Band {
        name: name.to_owned(),
        min: min?,
        max: max?,
        tone: row.tone?,
    })
}

/// The appetite typed, for risks; opportunities keep the one set.
fn read_appetite(
    snapshot: &Snapshot,
    kind: EntryKind,
    appetite: &str,
    errors: &mut Vec<FieldError<BandField>>,
) -> Option<u8> {
    if kind == EntryKind::Opportunity {
        return snapshot.settings.risk_appetite;
    }
    let text = appetite.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<u8>() {
        Ok(n) if (1..=25).contains(&n) => Some(n),
        _ => {
            errors.push(field(
                BandField::Appetite,
                "Enter the risk appetite as a score from 1 to 25, or leave it blank",
            ));
            None
        }
    }
}

/// The field a fault of the bands as a whole is shown at: the lowest score
/// of the band it names, else the first band's.
fn fault_field(error: &BandsError, bands: &[(usize, Band)]) -> BandField {
    let at = |name: &str| bands.iter().find(|(_, b)| b.name == name).map(|(i, _)| *i);
    let row = match error {
        BandsError::Reversed { name, .. } => at(name),
        BandsError::Overlap { second, .. } => at(second),
        BandsError::Unnamed { .. } | BandsError::Empty | BandsError::Uncovered { .. } => None,
    };
    BandField::Min(row.unwrap_or(0))
}

/// The snapshot with new score bands for `kind` (and, for risks, the
/// appetite), or every field that is wrong.
pub fn save_bands(
    snapshot: &Snapshot,
    kind: EntryKind,
    rows: &[BandRow],
    appetite: &str,
) -> Result<Snapshot, Vec<FieldError<BandField>>> {
    let mut errors = vec![];
    if rows.is_empty() || rows.len() > MAX_BANDS {
        errors.push(field(
            BandField::Name(0),
            format!("Give from 1 to {MAX_BANDS} bands that cover scores 1 to 25"),
        ));
    }
    let bands: Vec<(usize, Band)> = rows
        .iter()
        .take(MAX_BANDS)
        .enumerate()
        .filter_map(|(i, row)| read_row(i, row, &mut errors).map(|b| (i, b)))
        .collect();
    let appetite_value = read_appetite(snapshot, kind, appetite, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut ordered: Vec<Band> = bands.iter().map(|(_, b)| b.clone()).collect();
    sort::by_key(&mut ordered, |b| b.min);
    let candidate = ScoreBands(ordered);
    if let Err(e) = candidate.check() {
        let message = crate::text::capitalise(&e.to_string());
        return Err(vec![field(fault_field(&e, &bands), message)]);
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
    use crate::register::fixtures::risk_matrix;

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
            row.tone = Some(if row.name == "High" {
                BandTone::Green
            } else {
                BandTone::Yellow
            });
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
            tone: tone_from_key(tone),
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
        let m = risk_matrix(&next, "Q2 2019/20", "2019-10-01");
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
        assert_eq!(errors[0].field, BandField::Min(1));
        assert_eq!(errors[0].field.id(), "band-2-min");
        assert!(errors[0]
            .message
            .contains("both \u{201c}Low\u{201d} and \u{201c}High\u{201d}"));
        let typed = [row("", "one", "30", "purple")];
        let errors = save_bands(&s, EntryKind::Risk, &typed, "26").expect_err("typing");
        assert_eq!(
            errors.iter().map(|e| e.field.id()).collect::<Vec<_>>(),
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

    #[test]
    fn the_fields_name_their_elements_and_the_address_names_whose_bands() {
        assert_eq!(BandField::Name(0).id(), "band-1-name");
        assert_eq!(BandField::Tone(4).id(), "band-5-tone");
        assert_eq!(BandField::Appetite.id(), "appetite");
        assert_eq!(BandField::Min(2).label(), "From score");
        assert_eq!(BandField::Tone(0).label(), "Colour");
        for tone in TONES {
            assert_eq!(tone_from_key(tone_key(tone)), Some(tone));
        }
        assert_eq!(tone_from_key("purple"), None);
        assert_eq!(new_band_row().tone, Some(BandTone::Amber));
        let query = crate::route::split_query(&bands_href(EntryKind::Opportunity)).1;
        assert_eq!(bands_kind(&query), EntryKind::Opportunity);
        assert_eq!(bands_href(EntryKind::Risk), "#/risks/bands");
        assert_eq!(bands_kind(&[]), EntryKind::Risk);
        let other = vec![("for".to_owned(), "risks".to_owned())];
        assert_eq!(bands_kind(&other), EntryKind::Risk);
    }
}
