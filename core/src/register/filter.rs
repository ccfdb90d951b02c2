//! The register's filters as held in the address, so a view can be
//! emailed, and the address of an entry at a quarter.

use crate::domain::period::Period;
use crate::domain::risk::EntryKind;
use crate::domain::snapshot::Snapshot;
use crate::register::quarters::quarters;
use crate::register::rows::{Layer, Sort};
use crate::route::percent_encode;

/// The register's filters, as held in the address so a view can be emailed:
/// `#/risks?quarter=Q2%202019%2F20&show=inherent&band=High&cell=4-3&q=data`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    pub quarter: Option<Period>,
    pub layer: Layer,
    /// A band's name, as the settings spell it.
    pub band: Option<String>,
    pub owner: Option<String>,
    pub risk_type: Option<String>,
    pub overdue: bool,
    /// Risks only, or opportunities only (set with a cell, by tapping it).
    pub kind: Option<EntryKind>,
    /// One matrix cell, as (impact, likelihood).
    pub cell: Option<(u8, u8)>,
    pub text: String,
    pub sort: Sort,
}

/// The filter form's fields as typed: blank is "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterChoices {
    pub text: String,
    pub band: String,
    pub owner: String,
    pub risk_type: String,
    pub overdue: bool,
    /// A [`Sort`]'s key.
    pub sort: String,
}

fn read_cell(text: &str) -> Option<(u8, u8)> {
    let (i, l) = text.split_once('-')?;
    let (i, l) = (i.trim().parse().ok()?, l.trim().parse().ok()?);
    ((1..=5).contains(&i) && (1..=5).contains(&l)).then_some((i, l))
}

impl RegisterFilter {
    /// Reads the query pairs of an address; what cannot be read is ignored
    /// here and reported by [`RegisterFilter::unread`].
    pub fn from_query(pairs: &[(String, String)]) -> RegisterFilter {
        let mut filter = RegisterFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "quarter" => filter.quarter = value.parse().ok(),
                "show" => filter.layer = Layer::from_key(value).unwrap_or_default(),
                "band" if !value.is_empty() => filter.band = Some(value.to_owned()),
                "owner" if !value.is_empty() => filter.owner = Some(value.to_owned()),
                "type" if !value.is_empty() => filter.risk_type = Some(value.to_owned()),
                "overdue" => filter.overdue = value == "yes",
                "kind" => filter.kind = EntryKind::from_key(value),
                "cell" => filter.cell = read_cell(value),
                "q" => filter.text = value.to_owned(),
                "sort" => filter.sort = Sort::from_key(value).unwrap_or_default(),
                _ => {}
            }
        }
        filter
    }

    /// What in the address could not be read, in words.
    pub fn unread(pairs: &[(String, String)]) -> Vec<String> {
        crate::route::unread_parts(pairs, |key, value| match key {
            "quarter" => value.parse::<Period>().is_ok(),
            "show" => Layer::from_key(value).is_some(),
            "overdue" => value == "yes",
            "kind" => EntryKind::from_key(value).is_some(),
            "cell" => read_cell(value).is_some(),
            "sort" => Sort::from_key(value).is_some(),
            "band" | "owner" | "type" | "q" => true,
            _ => false,
        })
    }

    /// What the register says about its link: parts not understood, and a
    /// quarter it has no assessments for.
    pub fn link_problem(snapshot: &Snapshot, pairs: &[(String, String)]) -> Option<String> {
        let missing = RegisterFilter::from_query(pairs)
            .quarter
            .filter(|q| !quarters(snapshot).contains(q))
            .map(|q| {
                format!(
                    "The register has no assessments for {q}: showing the latest quarter instead."
                )
            });
        crate::route::link_note(&RegisterFilter::unread(pairs), missing)
    }

    /// The register's address with this filter.
    pub fn href(&self) -> String {
        crate::route::Route::Risks.href_with(&self.to_query())
    }

    /// The query part of the address, without the "?".
    pub fn to_query(&self) -> String {
        let mut parts = vec![];
        if let Some(q) = &self.quarter {
            parts.push(format!("quarter={}", percent_encode(&q.to_string())));
        }
        if self.layer != Layer::default() {
            parts.push(format!("show={}", self.layer.key()));
        }
        for (key, value) in [
            ("band", &self.band),
            ("owner", &self.owner),
            ("type", &self.risk_type),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}={}", percent_encode(v)));
            }
        }
        if self.overdue {
            parts.push("overdue=yes".to_owned());
        }
        if let Some(kind) = self.kind {
            parts.push(format!("kind={}", kind.key()));
        }
        if let Some((i, l)) = self.cell {
            parts.push(format!("cell={i}-{l}"));
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.key()));
        }
        parts.join("&")
    }

    /// Whether anything narrows the list (the quarter, view and order do not).
    pub fn narrows(&self) -> bool {
        self.band.is_some()
            || self.owner.is_some()
            || self.risk_type.is_some()
            || self.overdue
            || self.kind.is_some()
            || self.cell.is_some()
            || !self.text.is_empty()
    }

    /// The address a tap on the cell at `at` of `kind`'s matrix goes to: the
    /// register narrowed to that cell, or, if it is chosen, to every cell.
    pub fn toggle_cell(&self, at: (u8, u8), kind: EntryKind, quarter: Period) -> RegisterFilter {
        let same = self.chosen_cell(at, kind);
        RegisterFilter {
            cell: (!same).then_some(at),
            kind: (!same).then_some(kind),
            quarter: Some(quarter),
            ..self.clone()
        }
    }

    /// Whether the cell at `at` of `kind`'s matrix is the one chosen.
    pub fn chosen_cell(&self, at: (u8, u8), kind: EntryKind) -> bool {
        self.cell == Some(at) && self.kind == Some(kind)
    }

    /// The same filter at another quarter (or the latest), with no cell
    /// chosen: cells are chosen on one quarter's matrix.
    pub fn at_quarter(&self, quarter: Option<Period>) -> RegisterFilter {
        RegisterFilter {
            quarter,
            cell: None,
            kind: None,
            ..self.clone()
        }
    }

    /// The filter with the filter form's choices at `quarter`, keeping the
    /// view and any chosen cell.
    pub fn applied(&self, quarter: Period, form: &FilterChoices) -> RegisterFilter {
        let some = |v: &str| Some(v.to_owned()).filter(|v| !v.trim().is_empty());
        RegisterFilter {
            quarter: Some(quarter),
            text: form.text.trim().to_owned(),
            band: some(&form.band),
            owner: some(&form.owner),
            risk_type: some(&form.risk_type),
            overdue: form.overdue,
            sort: Sort::from_key(&form.sort).unwrap_or_default(),
            ..self.clone()
        }
    }

    /// The filter form's choices as this filter holds them.
    pub fn choices(&self) -> FilterChoices {
        FilterChoices {
            text: self.text.clone(),
            band: self.band.clone().unwrap_or_default(),
            owner: self.owner.clone().unwrap_or_default(),
            risk_type: self.risk_type.clone().unwrap_or_default(),
            overdue: self.overdue,
            sort: self.sort.key().to_owned(),
        }
    }

    /// "Showing only risks in the cell impact 4, likelihood 3 (score 12). ",
    /// while a cell is chosen.
    pub fn cell_note(&self) -> Option<String> {
        let (i, l) = self.cell?;
        let which = self.kind.map_or("entries", EntryKind::plural);
        Some(format!(
            "Showing only {which} in the cell impact {i}, likelihood {l} (score {}). ",
            i * l
        ))
    }

    /// The same filter without what narrows the list.
    pub fn cleared(&self) -> RegisterFilter {
        RegisterFilter {
            quarter: self.quarter,
            layer: self.layer,
            sort: self.sort,
            ..RegisterFilter::default()
        }
    }
}

/// An entry's page at one quarter.
pub fn entry_href(id: &str, quarter: Period) -> String {
    let at = RegisterFilter {
        quarter: Some(quarter),
        ..RegisterFilter::default()
    };
    crate::route::Route::RiskEntry { id: id.to_owned() }.href_with(&at.to_query())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::q;
    use crate::register::rows::{Layer, Sort};

    #[test]
    fn the_filter_round_trips_through_the_address_and_names_what_it_cannot_read() {
        let filter = RegisterFilter {
            quarter: Some(q("Q2 2019/20")),
            layer: Layer::Inherent,
            band: Some("High".into()),
            owner: Some("Director of Children's Services".into()),
            risk_type: None,
            overdue: true,
            kind: Some(EntryKind::Risk),
            cell: Some((4, 3)),
            text: "data & systems".into(),
            sort: Sort::Review,
        };
        let query = filter.to_query();
        let pairs = crate::route::split_query(&format!("#/risks?{query}")).1;
        assert_eq!(RegisterFilter::from_query(&pairs), filter);
        assert_eq!(RegisterFilter::default().to_query(), "");
        assert_eq!(RegisterFilter::default().href(), "#/risks");
        assert_eq!(
            entry_href("CR1", q("Q2 2019/20")),
            "#/risks/CR1?quarter=Q2%202019%2F20"
        );
        let odd =
            crate::route::split_query("#/risks?cell=6-1&show=sideways&colour=red&overdue=yes").1;
        assert_eq!(
            RegisterFilter::unread(&odd),
            vec![
                "cell \u{201c}6-1\u{201d}",
                "show \u{201c}sideways\u{201d}",
                "colour \u{201c}red\u{201d}"
            ]
        );
        let s = Snapshot::demo();
        let stale = crate::route::split_query("#/risks?quarter=Q4%202020%2F21&show=sideways").1;
        assert_eq!(
            RegisterFilter::link_problem(&s, &stale).as_deref(),
            Some("This link asks for show \u{201c}sideways\u{201d}, which Scrutineer does not understand, so that part is ignored. The register has no assessments for Q4 2020/21: showing the latest quarter instead.")
        );
        assert_eq!(RegisterFilter::link_problem(&s, &pairs), None);
        assert!(filter.narrows());
        assert!(!filter.cleared().narrows());
        assert_eq!(filter.cleared().layer, Layer::Inherent);
    }

    #[test]
    fn a_tap_chooses_a_cell_or_clears_it_and_the_form_applies_its_choices() {
        let now = q("Q2 2019/20");
        let start = RegisterFilter {
            layer: Layer::Inherent,
            ..Default::default()
        };
        let chosen = start.toggle_cell((4, 3), EntryKind::Risk, now);
        assert_eq!(chosen.cell, Some((4, 3)));
        assert_eq!(chosen.kind, Some(EntryKind::Risk));
        assert_eq!(chosen.quarter, Some(now));
        assert_eq!(chosen.layer, Layer::Inherent);
        assert!(chosen.chosen_cell((4, 3), EntryKind::Risk));
        assert!(!chosen.chosen_cell((4, 3), EntryKind::Opportunity));
        let cleared = chosen.toggle_cell((4, 3), EntryKind::Risk, now);
        assert_eq!((cleared.cell, cleared.kind), (None, None));
        let moved = chosen.toggle_cell((4, 3), EntryKind::Opportunity, now);
        assert_eq!(
            moved.kind,
            Some(EntryKind::Opportunity),
            "the other matrix's cell"
        );
        assert_eq!(
            chosen.cell_note().as_deref(),
            Some("Showing only risks in the cell impact 4, likelihood 3 (score 12). ")
        );
        assert_eq!(start.cell_note(), None);
        let earlier = chosen.at_quarter(Some(q("Q2 2018/19")));
        assert_eq!((earlier.cell, earlier.kind), (None, None));
        assert_eq!(earlier.layer, Layer::Inherent);
        let form = FilterChoices {
            text: "  data ".into(),
            band: " ".into(),
            owner: "Director of Digital".into(),
            risk_type: String::new(),
            overdue: true,
            sort: "owner".into(),
        };
        let applied = chosen.applied(now, &form);
        assert_eq!(applied.text, "data");
        assert_eq!(applied.band, None, "blank is every band");
        assert_eq!(applied.owner.as_deref(), Some("Director of Digital"));
        assert!(applied.overdue);
        assert_eq!(applied.sort, Sort::Owner);
        assert_eq!(applied.cell, Some((4, 3)), "the chosen cell stays");
        let back = applied.choices();
        assert_eq!(back.owner, "Director of Digital");
        assert_eq!(back.sort, "owner");
        assert_eq!(RegisterFilter::default().choices().sort, "score");
    }
}
