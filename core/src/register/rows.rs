//! The register table: which score a view shows, its order, one row per
//! entry on the register in a quarter that passes the filters, retired
//! entries and the choices the filter lists offer.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{Band, EntryKind, Score, ScoreBands};
use crate::domain::snapshot::Snapshot;
use crate::register::filter::RegisterFilter;
use crate::sort;

/// Which score the matrix places entries by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layer {
    Inherent,
    #[default]
    Residual,
    Target,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Inherent, Layer::Residual, Layer::Target];

    pub fn key(self) -> &'static str {
        match self {
            Layer::Inherent => "inherent",
            Layer::Residual => "residual",
            Layer::Target => "target",
        }
    }

    pub fn from_key(key: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.key() == key)
    }

    /// "Inherent": the score before mitigating actions.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Inherent => "Inherent",
            Layer::Residual => "Residual",
            Layer::Target => "Target",
        }
    }

    /// What the score means, for a hint.
    pub fn meaning(self) -> &'static str {
        match self {
            Layer::Inherent => "before mitigating actions",
            Layer::Residual => "after mitigating actions: the current position",
            Layer::Target => "what the owner aims for",
        }
    }

    pub fn score(self, assessment: &Assessment) -> Option<Score> {
        match self {
            Layer::Inherent => assessment.inherent,
            Layer::Residual => assessment.residual,
            Layer::Target => assessment.target,
        }
    }
}

/// How the register table is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Highest score first, then by id.
    #[default]
    Score,
    Id,
    Owner,
    /// Earliest next review first; none last.
    Review,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Score, Sort::Id, Sort::Owner, Sort::Review];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Score => "score",
            Sort::Id => "id",
            Sort::Owner => "owner",
            Sort::Review => "review",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Score => "Highest score first",
            Sort::Id => "Reference (CR1, CR2 ...)",
            Sort::Owner => "Owner",
            Sort::Review => "Next review, soonest first",
        }
    }
}

/// Orders references as people read them: CR2 before CR10, CR1 before CR1.2.
pub fn id_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(text: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = vec![];
        for c in text.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((d, s)) if *d == digit => s.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (left, right) = (chunks(a), chunks(b));
    for (x, y) in left.iter().zip(&right) {
        let order = match (x, y) {
            ((true, p), (true, q)) => p
                .parse::<u64>()
                .unwrap_or(u64::MAX)
                .cmp(&q.parse::<u64>().unwrap_or(u64::MAX)),
            ((_, p), (_, q)) => p.to_lowercase().cmp(&q.to_lowercase()),
        };
        if order.is_ne() {
            return order;
        }
    }
    left.len().cmp(&right.len())
}

/// Whether a next review date has passed on `today`.
pub fn is_overdue(assessment: &Assessment, today: NaiveDate) -> bool {
    assessment.next_review.is_some_and(|d| d < today)
}

/// One line of the register table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub kind: EntryKind,
    pub title: String,
    pub risk_type: Option<String>,
    pub owner: Option<String>,
    pub inherent: Option<Score>,
    pub residual: Option<Score>,
    pub target: Option<Score>,
    /// The score of the layer the filter shows.
    pub shown: Option<Score>,
    /// The band of the shown score.
    pub band: Option<Band>,
    pub next_review: Option<NaiveDate>,
    pub overdue: bool,
    pub direction: Option<String>,
}

impl Row {
    fn of(
        entry: &RegisterEntry,
        a: &Assessment,
        layer: Layer,
        bands: &ScoreBands,
        today: NaiveDate,
    ) -> Row {
        let shown = layer.score(a);
        Row {
            id: entry.id.clone(),
            kind: entry.kind,
            title: a.title.clone(),
            risk_type: a.risk_type.clone(),
            owner: a.owner.clone(),
            inherent: a.inherent,
            residual: a.residual,
            target: a.target,
            shown,
            band: shown.and_then(|s| bands.band_of(s.value()).cloned()),
            next_review: a.next_review,
            overdue: is_overdue(a, today),
            direction: a.direction.clone(),
        }
    }

    /// The shown score as the packs write it, or why there is none.
    pub fn shown_label(&self) -> String {
        score_text(self.shown, self.kind)
    }
}

/// The register's words for the fields that differ between risks and
/// opportunities, as the pack heads its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording {
    pub consequences: &'static str,
    pub controls: &'static str,
    pub actions: &'static str,
}

pub fn wording(kind: EntryKind) -> Wording {
    match kind {
        EntryKind::Risk => Wording {
            consequences: "Possible consequences",
            controls: "Current controls",
            actions: "Mitigating actions",
        },
        EntryKind::Opportunity => Wording {
            consequences: "Possible benefits",
            controls: "Progress to date",
            actions: "Maximising actions",
        },
    }
}

/// A detail as given, or "Not given".
pub fn or_not_given(value: Option<String>) -> String {
    value.unwrap_or_else(|| "Not given".to_owned())
}

/// Both kinds' band names, each once (opportunities may name their own),
/// for the filter's list.
pub fn band_names(snapshot: &Snapshot) -> Vec<String> {
    let mut names: Vec<String> = vec![];
    for kind in EntryKind::ALL {
        for band in snapshot.settings.bands_for(kind).0 {
            if !names.contains(&band.name) {
                names.push(band.name);
            }
        }
    }
    names
}

/// "16 (Major/Likely)", or "Not scored" where the pack gives none.
pub fn score_text(score: Option<Score>, kind: EntryKind) -> String {
    score
        .map(|s| s.label(kind))
        .unwrap_or_else(|| "Not scored".to_owned())
}

fn matches(filter: &RegisterFilter, row: &Row, ignore_cell: bool) -> bool {
    let same = |want: &Option<String>, have: &Option<String>| {
        want.as_deref().is_none_or(|w| {
            have.as_deref()
                .is_some_and(|h| h.trim().eq_ignore_ascii_case(w.trim()))
        })
    };
    if !same(&filter.owner, &row.owner) || !same(&filter.risk_type, &row.risk_type) {
        return false;
    }
    if let Some(band) = &filter.band {
        if !row
            .band
            .as_ref()
            .is_some_and(|b| b.name.eq_ignore_ascii_case(band))
        {
            return false;
        }
    }
    if filter.overdue && !row.overdue {
        return false;
    }
    if !ignore_cell {
        if filter.kind.is_some_and(|k| k != row.kind) {
            return false;
        }
        if let Some(cell) = filter.cell {
            if row.shown.and_then(|s| s.cell()) != Some(cell) {
                return false;
            }
        }
    }
    if !filter.text.is_empty() {
        let needle = filter.text.to_lowercase();
        let hay = [
            Some(row.id.as_str()),
            Some(row.title.as_str()),
            row.owner.as_deref(),
            row.risk_type.as_deref(),
            row.direction.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
        if !hay.contains(&needle) {
            return false;
        }
    }
    true
}

/// The entries on the register in `quarter` that pass `filter`, in its order.
/// With `ignore_cell`, a chosen matrix cell (and the kind chosen with it) does
/// not narrow them: the matrices show every cell.
pub fn rows(
    snapshot: &Snapshot,
    filter: &RegisterFilter,
    quarter: &Period,
    today: NaiveDate,
    ignore_cell: bool,
) -> Vec<Row> {
    let risk_bands = snapshot.settings.bands_for(EntryKind::Risk);
    let opportunity_bands = snapshot.settings.bands_for(EntryKind::Opportunity);
    let mut list: Vec<Row> = snapshot
        .register
        .iter()
        .filter_map(|e| {
            let bands = match e.kind {
                EntryKind::Risk => &risk_bands,
                EntryKind::Opportunity => &opportunity_bands,
            };
            e.on_register(quarter)
                .map(|a| Row::of(e, a, filter.layer, bands, today))
        })
        .filter(|row| matches(filter, row, ignore_cell))
        .collect();
    let by_id = |a: &Row, b: &Row| id_cmp(&a.id, &b.id);
    match filter.sort {
        Sort::Score => sort::by(&mut list, |a, b| {
            let score = |r: &Row| r.shown.map_or(0, |s| s.value());
            score(b).cmp(&score(a)).then_with(|| by_id(a, b))
        }),
        Sort::Id => sort::by(&mut list, by_id),
        Sort::Owner => sort::by(&mut list, |a, b| {
            let owner = |r: &Row| r.owner.clone().unwrap_or_default().to_lowercase();
            match (a.owner.is_some(), b.owner.is_some()) {
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => owner(a).cmp(&owner(b)),
            }
            .then_with(|| by_id(a, b))
        }),
        Sort::Review => sort::by(&mut list, |a, b| match (a.next_review, b.next_review) {
            (Some(x), Some(y)) => x.cmp(&y).then_with(|| by_id(a, b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => by_id(a, b),
        }),
    }
    list
}

/// How many entries were on the register in `quarter`.
pub fn on_register_count(snapshot: &Snapshot, quarter: &Period) -> usize {
    snapshot
        .register
        .iter()
        .filter(|e| e.on_register(quarter).is_some())
        .count()
}

/// An entry that has left (or is to leave) the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
    pub id: String,
    /// Its latest title.
    pub title: String,
    pub from: Period,
    pub reason: String,
}

/// Every retired entry, in reference order, kept with its reason.
pub fn retired(snapshot: &Snapshot) -> Vec<Retired> {
    let mut list: Vec<Retired> = snapshot
        .register
        .iter()
        .filter_map(|e| {
            let r = e.retired.as_ref()?;
            Some(Retired {
                id: e.id.clone(),
                title: e.latest().map(|a| a.title.clone()).unwrap_or_default(),
                from: r.period,
                reason: r.reason.clone(),
            })
        })
        .collect();
    sort::by(&mut list, |a, b| id_cmp(&a.id, &b.id));
    list
}

/// The distinct owners and types on the register in `quarter`, for the filter lists.
pub fn choices(snapshot: &Snapshot, quarter: &Period) -> (Vec<String>, Vec<String>) {
    let mut owners = vec![];
    let mut types = vec![];
    for a in snapshot
        .register
        .iter()
        .filter_map(|e| e.on_register(quarter))
    {
        for (list, value) in [(&mut owners, &a.owner), (&mut types, &a.risk_type)] {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                if !list.iter().any(|x: &String| x.eq_ignore_ascii_case(v)) {
                    list.push(v.to_owned());
                }
            }
        }
    }
    sort::by_key(&mut owners, |s| s.to_lowercase());
    sort::by_key(&mut types, |s| s.to_lowercase());
    (owners, types)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{day, demo_snapshot, ids, q};

    #[test]
    fn opportunities_use_their_own_column_words() {
        assert_eq!(wording(EntryKind::Risk).actions, "Mitigating actions");
        assert_eq!(
            wording(EntryKind::Opportunity).consequences,
            "Possible benefits"
        );
        assert_eq!(wording(EntryKind::Opportunity).controls, "Progress to date");
    }

    #[test]
    fn references_sort_as_people_read_them() {
        let mut list = vec!["CR10", "CO2", "CR1.2", "CR2", "CR1", "cr1.10"];
        list.sort_by(|a, b| id_cmp(a, b));
        assert_eq!(list, vec!["CO2", "CR1", "CR1.2", "cr1.10", "CR2", "CR10"]);
    }

    #[test]
    fn rows_filter_by_band_owner_cell_search_and_sort_by_score() {
        let s = demo_snapshot();
        let now = q("Q2 2019/20");
        let today = day("2019-09-30");
        let all = rows(&s, &RegisterFilter::default(), &now, today, false);
        assert_eq!(all.len(), 16);
        // Highest residual first: 16s (CR1, CR4, CR10, CO1), then 15 (CO2, CO4).
        assert_eq!(
            ids(&all[..6]),
            vec!["CO1", "CR1", "CR4", "CR10", "CO2", "CO4"]
        );

        let high = RegisterFilter {
            band: Some("high".into()),
            ..Default::default()
        };
        assert_eq!(
            ids(&rows(&s, &high, &now, today, false)),
            vec!["CO1", "CR1", "CR4", "CR10", "CO2", "CO4"]
        );
        let cell = RegisterFilter {
            cell: Some((4, 4)),
            sort: Sort::Id,
            ..Default::default()
        };
        assert_eq!(
            ids(&rows(&s, &cell, &now, today, false)),
            vec!["CO1", "CR1", "CR4", "CR10"]
        );
        let risk_cell = RegisterFilter {
            kind: Some(EntryKind::Risk),
            ..cell.clone()
        };
        assert_eq!(
            ids(&rows(&s, &risk_cell, &now, today, false)),
            vec!["CR1", "CR4", "CR10"],
            "a tap on the risks matrix shows its risks only"
        );
        assert_eq!(
            rows(&s, &cell, &now, today, true).len(),
            16,
            "the matrix ignores the cell"
        );
        let owner = RegisterFilter {
            owner: Some("director of children's services".into()),
            sort: Sort::Id,
            ..Default::default()
        };
        assert_eq!(
            ids(&rows(&s, &owner, &now, today, false)),
            vec!["CR2", "CR3", "CR4"]
        );
        let search = RegisterFilter {
            text: "ICT".into(),
            ..Default::default()
        };
        assert_eq!(ids(&rows(&s, &search, &now, today, false)), vec!["CR11"]);
        let inherent = RegisterFilter {
            layer: Layer::Inherent,
            ..Default::default()
        };
        let by_inherent = rows(&s, &inherent, &now, today, false);
        assert_eq!(by_inherent[0].id, "CR9", "inherent 25");
        assert_eq!(by_inherent[0].shown_label(), "25");
    }

    #[test]
    fn overdue_reviews_are_judged_against_the_day_given() {
        let mut s = demo_snapshot();
        let now = q("Q2 2019/20");
        let entry = s.register.iter_mut().find(|e| e.id == "CR2").expect("CR2");
        let a = entry
            .assessments
            .iter_mut()
            .find(|a| a.period == now)
            .expect("held");
        a.next_review = Some(day("2019-10-31"));
        let overdue = RegisterFilter {
            overdue: true,
            ..Default::default()
        };
        assert!(
            rows(&s, &overdue, &now, day("2019-10-31"), false).is_empty(),
            "due today is not overdue"
        );
        assert_eq!(
            ids(&rows(&s, &overdue, &now, day("2019-11-01"), false)),
            vec!["CR2"]
        );
        let by_review = RegisterFilter {
            sort: Sort::Review,
            ..Default::default()
        };
        assert_eq!(
            rows(&s, &by_review, &now, day("2019-11-01"), false)[0].id,
            "CR2"
        );
    }

    #[test]
    fn retired_entries_leave_the_register_from_their_quarter() {
        let mut s = demo_snapshot();
        let entry = s.register.iter_mut().find(|e| e.id == "CR2").expect("CR2");
        entry.retired = Some(crate::domain::register::Retirement {
            period: q("Q2 2019/20"),
            reason: "Merged into CR3".into(),
        });
        let all = RegisterFilter::default();
        let now = rows(&s, &all, &q("Q2 2019/20"), day("2019-09-30"), false);
        assert!(!now.iter().any(|r| r.id == "CR2"));
        let then = rows(&s, &all, &q("Q2 2018/19"), day("2019-09-30"), false);
        assert!(then.iter().any(|r| r.id == "CR2"), "still there in history");
    }

    #[test]
    fn details_not_given_say_so_and_band_names_are_listed_once() {
        assert_eq!(or_not_given(None), "Not given");
        assert_eq!(or_not_given(Some("Economic".into())), "Economic");
        let mut s = demo_snapshot();
        assert_eq!(band_names(&s), vec!["Low", "Medium", "High"]);
        let mut own = s.settings.score_bands.clone();
        own.0[2].name = "Excellent".into();
        s.settings.opportunity_bands = Some(own);
        assert_eq!(band_names(&s), vec!["Low", "Medium", "High", "Excellent"]);
    }
}
