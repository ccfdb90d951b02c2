//! The register as the app shows it: its quarters, the table's filters and
//! sort, the 5 x 5 matrix with its arrows and appetite line, and what changed
//! between two quarters. Edits live in [`crate::register::edit`].

pub mod edit;

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{impact_label, likelihood_label, Band, EntryKind, Score, ScoreBands};
use crate::domain::snapshot::Snapshot;
use crate::route::percent_encode;

/// The quarters the register has assessments for, earliest first.
pub fn quarters(snapshot: &Snapshot) -> Vec<Period> {
    let mut list: Vec<Period> = snapshot
        .register
        .iter()
        .flat_map(|e| e.assessments.iter().map(|a| a.period))
        .collect();
    list.sort_by(Period::timeline_cmp);
    list.dedup();
    list
}

/// The register quarter before `quarter`, if there is one.
pub fn previous_quarter(snapshot: &Snapshot, quarter: &Period) -> Option<Period> {
    quarters(snapshot)
        .into_iter()
        .rfind(|q| q.timeline_cmp(quarter).is_lt())
}

/// The quarter after `period`: Q4 2018/19 is followed by Q1 2019/20.
pub fn next_quarter(period: &Period) -> Option<Period> {
    match *period {
        Period::Quarter {
            start_year,
            quarter: 4,
        } => Some(Period::Quarter {
            start_year: start_year + 1,
            quarter: 1,
        }),
        Period::Quarter {
            start_year,
            quarter,
        } => Some(Period::Quarter {
            start_year,
            quarter: quarter + 1,
        }),
        _ => None,
    }
}

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
        Sort::Score => list.sort_by(|a, b| {
            let score = |r: &Row| r.shown.map_or(0, |s| s.value());
            score(b).cmp(&score(a)).then_with(|| by_id(a, b))
        }),
        Sort::Id => list.sort_by(by_id),
        Sort::Owner => list.sort_by(|a, b| {
            let owner = |r: &Row| r.owner.clone().unwrap_or_default().to_lowercase();
            match (a.owner.is_some(), b.owner.is_some()) {
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => owner(a).cmp(&owner(b)),
            }
            .then_with(|| by_id(a, b))
        }),
        Sort::Review => list.sort_by(|a, b| match (a.next_review, b.next_review) {
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
    list.sort_by(|a, b| id_cmp(&a.id, &b.id));
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
    owners.sort_by_key(|s| s.to_lowercase());
    types.sort_by_key(|s| s.to_lowercase());
    (owners, types)
}

/// One square of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixCell {
    pub impact: u8,
    pub likelihood: u8,
    pub band: Option<Band>,
    /// The ids of the entries placed here, in reference order.
    pub entries: Vec<String>,
}

impl MatrixCell {
    pub fn score(&self) -> u8 {
        self.impact * self.likelihood
    }

    /// What the cell says to a screen reader, and holds: "Impact 4 Major,
    /// likelihood 3 Possible: score 12, Medium. 7 risks."
    pub fn describe(&self, kind: EntryKind) -> String {
        let band = self.band.as_ref().map_or("no band", |b| b.name.as_str());
        let count = self.entries.len();
        let noun = if count == 1 {
            kind.key()
        } else {
            kind.plural()
        };
        format!(
            "Impact {}, likelihood {}: score {}, {band}. {count} {noun}.",
            impact_step(kind, self.impact),
            likelihood_step(self.likelihood),
            self.score()
        )
    }

    /// "12 (Major/Possible)".
    pub fn label(&self, kind: EntryKind) -> String {
        Score::Rated {
            impact: self.impact,
            likelihood: self.likelihood,
        }
        .label(kind)
    }
}

/// A 5 x 5 matrix of one kind of entry, impact 5 in the top row.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub kind: EntryKind,
    /// Five rows of five cells: impact 5 down to 1, likelihood 1 to 5 across.
    pub rows: Vec<Vec<MatrixCell>>,
    /// Entries whose score the pack printed as a bare product with more than
    /// one possible cell (12 is 3 x 4 or 4 x 3), with that score.
    pub unplaced: Vec<(String, Score)>,
    /// Entries with no score of this layer.
    pub unscored: Vec<String>,
}

impl Matrix {
    /// Places `rows` (of every kind; only `kind` is kept) by their shown score.
    pub fn build(rows: &[Row], kind: EntryKind, bands: &ScoreBands) -> Matrix {
        let mut grid: Vec<Vec<MatrixCell>> = (1..=5u8)
            .rev()
            .map(|impact| {
                (1..=5u8)
                    .map(|likelihood| MatrixCell {
                        impact,
                        likelihood,
                        band: bands.band_of(impact * likelihood).cloned(),
                        entries: vec![],
                    })
                    .collect()
            })
            .collect();
        let mut unplaced = vec![];
        let mut unscored = vec![];
        let mut sorted: Vec<&Row> = rows.iter().filter(|r| r.kind == kind).collect();
        sorted.sort_by(|a, b| id_cmp(&a.id, &b.id));
        for row in sorted {
            match row.shown {
                None => unscored.push(row.id.clone()),
                Some(score) => match score.cell() {
                    Some((i, l)) => grid[usize::from(5 - i)][usize::from(l - 1)]
                        .entries
                        .push(row.id.clone()),
                    None => unplaced.push((row.id.clone(), score)),
                },
            }
        }
        Matrix {
            kind,
            rows: grid,
            unplaced,
            unscored,
        }
    }

    pub fn placed(&self) -> usize {
        self.rows.iter().flatten().map(|c| c.entries.len()).sum()
    }

    pub fn cell(&self, impact: u8, likelihood: u8) -> Option<&MatrixCell> {
        self.rows
            .get(usize::from(5u8.checked_sub(impact)?))?
            .get(usize::from(likelihood.checked_sub(1)?))
    }
}

/// The words for an axis step, e.g. "4 Major", "3 Possible".
pub fn impact_step(kind: EntryKind, impact: u8) -> String {
    format!("{impact} {}", impact_label(kind, impact).unwrap_or("?"))
}

pub fn likelihood_step(likelihood: u8) -> String {
    format!(
        "{likelihood} {}",
        likelihood_label(likelihood).unwrap_or("?")
    )
}

/// An arrow on the matrix from one cell to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    pub id: String,
    /// (impact, likelihood)
    pub from: (u8, u8),
    pub to: (u8, u8),
}

impl Arrow {
    /// An arrow from one score's cell to another's, where both have a cell
    /// and they differ.
    fn between(id: &str, from: Option<Score>, to: Option<Score>) -> Option<Arrow> {
        let (from, to) = (from?.cell()?, to?.cell()?);
        (from != to).then(|| Arrow {
            id: id.to_owned(),
            from,
            to,
        })
    }
}

/// Arrows from each entry's inherent cell to its residual cell, where both
/// are known and differ.
pub fn mitigation_arrows(rows: &[Row], kind: EntryKind) -> Vec<Arrow> {
    rows.iter()
        .filter(|r| r.kind == kind)
        .filter_map(|r| Arrow::between(&r.id, r.inherent, r.residual))
        .collect()
}

/// Arrows from last quarter's residual cell to this quarter's, for entries
/// that continue (see [`Changes`]) and whose cell changed.
pub fn movement_arrows(changes: &Changes, rows: &[Row], kind: EntryKind) -> Vec<Arrow> {
    changes
        .continuing
        .iter()
        .filter(|c| c.kind == kind && rows.iter().any(|r| r.id == c.id))
        .filter_map(|c| Arrow::between(&c.id, c.was_residual, c.residual))
        .collect()
}

/// Which arrows the matrix draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArrowSet {
    #[default]
    None,
    /// From each entry's inherent score to its residual score.
    Mitigation,
    /// From last quarter's residual score to this quarter's.
    SinceLastQuarter,
}

impl ArrowSet {
    pub const ALL: [ArrowSet; 3] = [
        ArrowSet::None,
        ArrowSet::Mitigation,
        ArrowSet::SinceLastQuarter,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ArrowSet::None => "none",
            ArrowSet::Mitigation => "mitigation",
            ArrowSet::SinceLastQuarter => "movement",
        }
    }

    pub fn from_key(key: &str) -> Option<ArrowSet> {
        ArrowSet::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The arrows of this set for `kind`; `changes` is needed for movement.
    pub fn arrows(self, rows: &[Row], changes: Option<&Changes>, kind: EntryKind) -> Vec<Arrow> {
        match (self, changes) {
            (ArrowSet::Mitigation, _) => mitigation_arrows(rows, kind),
            (ArrowSet::SinceLastQuarter, Some(c)) => movement_arrows(c, rows, kind),
            _ => vec![],
        }
    }
}

/// The matrix drawing is 500 x 500 units: cells of 100, impact 5 at the top.
pub const CELL: f64 = 100.0;

/// The centre of a cell in drawing units.
pub fn cell_centre((impact, likelihood): (u8, u8)) -> (f64, f64) {
    (
        (f64::from(likelihood) - 0.5) * CELL,
        (5.5 - f64::from(impact)) * CELL,
    )
}

/// The line of the `nth` of `count` arrows, as (x1, y1, x2, y2): arrows
/// that share a start and end are spread apart, and each stops short of the
/// cell centres so it does not cover a score.
pub fn arrow_line(arrow: &Arrow, nth: usize, count: usize) -> (f64, f64, f64, f64) {
    let (x1, y1) = cell_centre(arrow.from);
    let (x2, y2) = cell_centre(arrow.to);
    let (dx, dy) = (x2 - x1, y2 - y1);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let spread = 10.0;
    let offset = (nth as f64 - (count.max(1) as f64 - 1.0) / 2.0) * spread;
    let (px, py) = (-uy * offset, ux * offset);
    let trim = 24.0_f64.min(length / 3.0);
    (
        x1 + ux * trim + px,
        y1 + uy * trim + py,
        x2 - ux * trim + px,
        y2 - uy * trim + py,
    )
}

/// Every arrow's line, spreading those that share both ends.
pub fn arrow_lines(arrows: &[Arrow]) -> Vec<(String, (f64, f64, f64, f64))> {
    arrows
        .iter()
        .map(|a| {
            let same: Vec<&Arrow> = arrows
                .iter()
                .filter(|b| b.from == a.from && b.to == a.to)
                .collect();
            let nth = same.iter().position(|b| b.id == a.id).unwrap_or(0);
            (a.id.clone(), arrow_line(a, nth, same.len()))
        })
        .collect()
}

/// The risk appetite as a stepped line between the cells at or under it and
/// those above, as SVG path data in drawing units. `None` for no appetite or
/// one that no cell exceeds.
pub fn appetite_path(appetite: Option<u8>) -> Option<String> {
    let appetite = appetite.filter(|a| *a < 25)?;
    // For each likelihood column, the height (in cells from the bottom)
    // of the cells within appetite.
    let heights: Vec<u8> = (1..=5u8)
        .map(|l| (1..=5u8).filter(|i| i * l <= appetite).count() as u8)
        .collect();
    let y = |h: u8| (5.0 - f64::from(h)) * CELL;
    let mut path = format!("M 0 {}", y(heights[0]));
    for (col, h) in heights.iter().enumerate() {
        let x_end = (col as f64 + 1.0) * CELL;
        path.push_str(&format!(" H {x_end}"));
        if let Some(next) = heights.get(col + 1) {
            if next != h {
                path.push_str(&format!(" V {}", y(*next)));
            }
        }
    }
    Some(path)
}

/// Words left out when comparing titles for rewording, besides single letters
/// (the "s" of "Children's"): they say nothing about what an entry is.
pub const STOP_WORDS: [&str; 22] = [
    "across", "an", "and", "are", "as", "at", "by", "for", "from", "in", "into", "is", "its", "of",
    "on", "or", "our", "the", "their", "to", "with", "within",
];

/// How [`Changes::between`] decides that an entry on one register is the
/// same as one on the other, in plain English, for the change list to print.
///
/// The "more than half" threshold is chosen on the seed registers: the old
/// CR4 "Recruit and retain experienced staff within Children's Services" and
/// the new CR5 "Recruit and retain experienced staff across the organisation"
/// share 4 of the shorter title's 5 significant words, and the old CR1
/// "Delivering the Operational Plan to ensure a strong and sustainable County
/// Council" and the new CR1 "Reshaping the County Council" 2 of 3. At "half
/// or more", the unrelated new CR11 "Future provision of ICT services" would
/// be taken for the old CR10 "Adult social care provision is adequate ...
/// future demand" (2 of 4); the old and new CO3 share 1 of 5.
pub fn matching_rule() -> String {
    format!(
        "How entries are matched, in this order (a risk only ever matches a risk, and an opportunity \
         an opportunity): 1. The same entry: the titles match, ignoring case, spacing and a full stop, \
         comma, colon or semicolon at the end, under the same reference or, failing that, another one \
         (renumbered). 2. Re-worked: of the entries left, more than half the significant words of the \
         shorter title are in the other, under the same reference or, failing that, another one (the \
         pair sharing the largest part of the shorter title first). A word is a run of letters and \
         digits; single letters and these words do not count: {}. 3. Anything else this quarter is \
         new, and anything left over from the earlier quarter is no longer on the register.",
        STOP_WORDS.join(", ")
    )
}

/// Titles match whatever their spacing, case and closing full stop (or
/// comma, colon or semicolon).
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':'])
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// A title's significant words, lower case, each once.
fn significant_words(title: &str) -> Vec<String> {
    let mut words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Where one title is a rewording of the other (more than half the shorter
/// title's significant words are in the other): how many words they share,
/// and how many the shorter has.
fn rewording(a: &str, b: &str) -> Option<(usize, usize)> {
    let (a, b) = (significant_words(a), significant_words(b));
    let shorter = a.len().min(b.len());
    let shared = a.iter().filter(|w| b.contains(w)).count();
    (shared * 2 > shorter).then_some((shared, shorter))
}

/// An entry on both registers being compared: the same title (perhaps
/// renumbered), or a re-worded one.
#[derive(Clone, Debug, PartialEq)]
pub struct Continuing {
    pub id: String,
    /// Its reference on the earlier register, where it was renumbered.
    pub was_id: Option<String>,
    pub kind: EntryKind,
    pub title: String,
    /// Its title on the earlier register, where it was reworded ("re-worked").
    pub was_title: Option<String>,
    pub was_residual: Option<Score>,
    pub residual: Option<Score>,
}

impl Continuing {
    /// "Protect and safeguard children: down from 16 to 12 (Major/Possible)".
    pub fn movement(&self) -> String {
        format!("{}: {}", self.title, self.change())
    }

    /// "down from 16 to 12 (Major/Possible)".
    fn change(&self) -> String {
        let way = match self.moved() {
            Some(Ordering::Greater) => "up",
            Some(Ordering::Less) => "down",
            _ => "unchanged",
        };
        format!(
            "{way} from {} to {}",
            score_text(self.was_residual, self.kind),
            score_text(self.residual, self.kind)
        )
    }

    /// Up or down by residual score, where both quarters give one.
    pub fn moved(&self) -> Option<Ordering> {
        Some(self.residual?.value().cmp(&self.was_residual?.value())).filter(|o| o.is_ne())
    }

    /// "CR9, was CR8" where renumbered, else "CR9".
    pub fn reference(&self) -> String {
        match &self.was_id {
            Some(was) => format!("{}, was {was}", self.id),
            None => self.id.clone(),
        }
    }

    /// Where only one of the two quarters gives a residual score, what is known.
    fn score_note(&self) -> Option<String> {
        match (self.was_residual, self.residual) {
            (Some(was), None) => Some(format!(
                "no residual score now (was {})",
                score_text(Some(was), self.kind)
            )),
            (None, Some(now)) => Some(format!(
                "residual score now {}, none before",
                score_text(Some(now), self.kind)
            )),
            _ => None,
        }
    }

    /// The entry as the change list words it, starting with its reference:
    /// "CR9, was CR8: Delivering a statutory service ...: down from 16 to 12
    /// (Major/Possible)"; a re-worked one gives its earlier title, "CR1
    /// Reshaping the County Council (previously “Delivering the Operational
    /// Plan ...”)".
    pub fn line(&self) -> String {
        let head = match &self.was_id {
            Some(_) => format!("{}:", self.reference()),
            None => self.id.clone(),
        };
        let mut line = match &self.was_title {
            Some(was) => {
                let mut text = format!("{head} {} (previously \u{201c}{was}\u{201d})", self.title);
                if self.moved().is_some() {
                    text.push_str(&format!(", {}", self.change()));
                }
                text
            }
            None if self.moved().is_some() => format!("{head} {}", self.movement()),
            None => format!("{head} {}", self.title),
        };
        if let Some(note) = self.score_note() {
            line.push_str(&format!("; {note}"));
        }
        line
    }
}

/// An entry on one register only: new on the later, or no longer on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub kind: EntryKind,
    /// Its title on the register it is on.
    pub title: String,
    /// For one no longer on the register, the reason given when it was retired.
    pub reason: Option<String>,
}

impl Listed {
    /// "CR4 Increase in demand, ...".
    pub fn line(&self) -> String {
        format!("{} {}", self.id, self.title)
    }

    /// "CR9 in Q2 2018/19: Discharge of patients from hospital ...": for an
    /// entry that has left, whose reference may now mean another entry.
    pub fn line_in(&self, quarter: Period) -> String {
        format!("{} in {quarter}: {}", self.id, self.title)
    }
}

/// What changed on the register between two quarters, as the quarterly
/// cover report lists it. Entries are matched as [`matching_rule`] says;
/// every entry of either register is in exactly one of [`Changes::new`],
/// [`Changes::left`], [`Changes::reworked`], [`Changes::moved`] (up or
/// down), [`Changes::renumbered`] and [`Changes::unchanged`].
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub from: Period,
    pub to: Period,
    /// On the later register only, in its order.
    pub new: Vec<Listed>,
    /// On the earlier register only, in its order.
    pub left: Vec<Listed>,
    /// On both, by title or re-worded title, in the later register's order.
    pub continuing: Vec<Continuing>,
}

impl Changes {
    pub fn between(snapshot: &Snapshot, from: Period, to: Period) -> Changes {
        let kind_order = |k: EntryKind| k == EntryKind::Opportunity;
        let on = |period: &Period| {
            let mut list: Vec<(&RegisterEntry, &Assessment)> = snapshot
                .register
                .iter()
                .filter_map(|e| e.on_register(period).map(|a| (e, a)))
                .collect();
            list.sort_by(|a, b| {
                kind_order(a.0.kind)
                    .cmp(&kind_order(b.0.kind))
                    .then_with(|| id_cmp(&a.0.id, &b.0.id))
            });
            list
        };
        let (before, after) = (on(&from), on(&to));
        // For each entry of `after`, the entry of `before` it continues, and
        // whether it was reworded.
        let mut matched: Vec<Option<(usize, bool)>> = vec![None; after.len()];
        let mut used = vec![false; before.len()];
        // The same title: under the same reference first, then any.
        for same_reference in [true, false] {
            for (j, (entry, now)) in after.iter().enumerate() {
                if matched[j].is_some() {
                    continue;
                }
                let found = before.iter().enumerate().position(|(i, (e, was))| {
                    !used[i]
                        && e.kind == entry.kind
                        && (!same_reference || e.id == entry.id)
                        && same_title(&was.title, &now.title)
                });
                if let Some(i) = found {
                    used[i] = true;
                    matched[j] = Some((i, false));
                }
            }
        }
        // A reworded title under the same reference.
        for (j, (entry, now)) in after.iter().enumerate() {
            if matched[j].is_some() {
                continue;
            }
            let found = before.iter().enumerate().position(|(i, (e, was))| {
                !used[i]
                    && e.kind == entry.kind
                    && e.id == entry.id
                    && rewording(&was.title, &now.title).is_some()
            });
            if let Some(i) = found {
                used[i] = true;
                matched[j] = Some((i, true));
            }
        }
        // A reworded title under another reference: the pairs sharing the
        // largest part of the shorter title first, then the most words.
        let mut pairs: Vec<(usize, usize, (usize, usize))> = vec![];
        for (j, (entry, now)) in after.iter().enumerate() {
            for (i, (e, was)) in before.iter().enumerate() {
                if matched[j].is_none() && !used[i] && e.kind == entry.kind {
                    if let Some(overlap) = rewording(&was.title, &now.title) {
                        pairs.push((j, i, overlap));
                    }
                }
            }
        }
        pairs.sort_by(|(ja, ia, (sa, na)), (jb, ib, (sb, nb))| {
            (sb * na)
                .cmp(&(sa * nb))
                .then(sb.cmp(sa))
                .then(ja.cmp(jb))
                .then(ia.cmp(ib))
        });
        for (j, i, _) in pairs {
            if matched[j].is_none() && !used[i] {
                used[i] = true;
                matched[j] = Some((i, true));
            }
        }

        let mut new = vec![];
        let mut continuing = vec![];
        for ((entry, now), found) in after.iter().zip(&matched) {
            match found {
                Some((i, reworded)) => {
                    let (was_entry, was) = before[*i];
                    continuing.push(Continuing {
                        id: entry.id.clone(),
                        was_id: (was_entry.id != entry.id).then(|| was_entry.id.clone()),
                        kind: entry.kind,
                        title: now.title.clone(),
                        was_title: reworded.then(|| was.title.clone()),
                        was_residual: was.residual,
                        residual: now.residual,
                    });
                }
                None => new.push(Listed {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    title: now.title.clone(),
                    reason: None,
                }),
            }
        }
        let left: Vec<Listed> = before
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|((entry, was), _)| Listed {
                id: entry.id.clone(),
                kind: entry.kind,
                title: was.title.clone(),
                reason: entry
                    .retired
                    .as_ref()
                    .filter(|r| r.period.timeline_cmp(&to).is_le())
                    .map(|r| r.reason.clone()),
            })
            .collect();
        Changes {
            from,
            to,
            new,
            left,
            continuing,
        }
    }

    /// Continuing entries whose title was reworded, whether or not they were
    /// renumbered or their score moved.
    pub fn reworked(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_some())
            .collect()
    }

    /// Entries under the same title whose residual score went `way`
    /// (Greater: up), whether or not they were renumbered.
    pub fn moved(&self, way: Ordering) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.moved() == Some(way))
            .collect()
    }

    /// Entries under the same title and a new reference whose score did not
    /// move (or cannot be compared, one quarter giving none).
    pub fn renumbered(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.was_id.is_some() && c.moved().is_none())
            .collect()
    }

    /// Entries under the same reference and title whose score did not move
    /// (or cannot be compared).
    pub fn unchanged(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.was_id.is_none() && c.moved().is_none())
            .collect()
    }

    /// "5 new, 2 re-worked, 4 no longer on the register, 0 scores up, 2
    /// down, 4 renumbered, 3 unchanged": one count per list, for a heading.
    pub fn summary(&self) -> String {
        let up = self.moved(Ordering::Greater).len();
        format!(
            "{} new, {} re-worked, {} no longer on the register, {} {} up, {} down, {} renumbered, {} unchanged",
            self.new.len(),
            self.reworked().len(),
            self.left.len(),
            up,
            if up == 1 { "score" } else { "scores" },
            self.moved(Ordering::Less).len(),
            self.renumbered().len(),
            self.unchanged().len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn demo_snapshot() -> Snapshot {
        Snapshot::demo()
    }
    use crate::domain::risk::ScoreBands;

    fn q(label: &str) -> Period {
        label.parse().expect("quarter")
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn ids(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn quarters_come_from_the_assessments_in_time_order() {
        let s = demo_snapshot();
        assert_eq!(quarters(&s), vec![q("Q2 2018/19"), q("Q2 2019/20")]);
        assert_eq!(
            previous_quarter(&s, &q("Q2 2019/20")),
            Some(q("Q2 2018/19"))
        );
        assert_eq!(previous_quarter(&s, &q("Q2 2018/19")), None);
        assert_eq!(next_quarter(&q("Q4 2018/19")), Some(q("Q1 2019/20")));
        assert_eq!(next_quarter(&q("Q2 2019/20")), Some(q("Q3 2019/20")));
        assert_eq!(next_quarter(&q("2019/20")), None);
    }

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
    fn the_matrix_places_rated_and_unambiguous_scores_and_lists_the_rest() {
        let s = demo_snapshot();
        let list = rows(
            &s,
            &RegisterFilter::default(),
            &q("Q2 2019/20"),
            day("2019-09-30"),
            true,
        );
        let bands = ScoreBands::three();
        let risks = Matrix::build(&list, EntryKind::Risk, &bands);
        let cell = risks.cell(4, 3).expect("cell");
        assert_eq!(cell.score(), 12);
        assert_eq!(cell.label(EntryKind::Risk), "12 (Major/Possible)");
        assert_eq!(
            cell.describe(EntryKind::Risk),
            "Impact 4 Major, likelihood 3 Possible: score 12, Medium. 7 risks."
        );
        assert_eq!(
            risks.cell(5, 5).expect("cell").describe(EntryKind::Risk),
            "Impact 5 Catastrophic, likelihood 5 Certain: score 25, High. 0 risks."
        );
        assert_eq!(cell.band.as_ref().map(|b| b.name.as_str()), Some("Medium"));
        assert_eq!(
            cell.entries,
            vec!["CR2", "CR3", "CR5", "CR7", "CR8", "CR9", "CR12"]
        );
        assert_eq!(
            risks.cell(4, 4).expect("cell").entries,
            vec!["CR1", "CR4", "CR10"]
        );
        assert_eq!(risks.unscored, vec!["CR6", "CR11"]);
        assert_eq!(risks.placed(), 10);
        assert_eq!(risks.rows[0][0].impact, 5, "impact 5 is the top row");
        assert_eq!(
            risks.rows[4][4].likelihood, 5,
            "likelihood 5 is the right column"
        );
        let opportunities = Matrix::build(&list, EntryKind::Opportunity, &bands);
        assert_eq!(
            opportunities.cell(5, 3).expect("cell").entries,
            vec!["CO2", "CO4"]
        );
        assert_eq!(
            opportunities
                .cell(5, 3)
                .expect("cell")
                .label(EntryKind::Opportunity),
            "15 (Outstanding/Possible)"
        );
        assert_eq!(opportunities.unscored, vec!["CO3"]);

        let inherent = RegisterFilter {
            layer: Layer::Inherent,
            ..Default::default()
        };
        let list = rows(&s, &inherent, &q("Q2 2019/20"), day("2019-09-30"), true);
        let by_inherent = Matrix::build(&list, EntryKind::Risk, &bands);
        assert_eq!(
            by_inherent.cell(5, 5).expect("cell").entries,
            vec!["CR9"],
            "printed 25 is only 5 x 5"
        );
        assert!(by_inherent
            .unplaced
            .contains(&("CR1".to_owned(), Score::Printed { value: 20 })));
    }

    #[test]
    fn cells_follow_whichever_bands_the_settings_hold() {
        let s = demo_snapshot();
        let list = rows(
            &s,
            &RegisterFilter::default(),
            &q("Q2 2019/20"),
            day("2019-09-30"),
            true,
        );
        let three = Matrix::build(&list, EntryKind::Risk, &ScoreBands::three());
        let four = Matrix::build(&list, EntryKind::Risk, &ScoreBands::four());
        let band = |m: &Matrix, i, l| m.cell(i, l).and_then(|c| c.band.clone()).map(|b| b.name);
        assert_eq!(band(&three, 2, 2).as_deref(), Some("Low"));
        assert_eq!(band(&four, 2, 2).as_deref(), Some("Medium"));
        assert_eq!(band(&three, 4, 3).as_deref(), Some("Medium"));
        assert_eq!(band(&four, 4, 3).as_deref(), Some("High"));
        assert_eq!(band(&four, 5, 5).as_deref(), Some("Very high"));
        let high = RegisterFilter {
            band: Some("High".into()),
            sort: Sort::Id,
            ..Default::default()
        };
        let mut four_bands = s.clone();
        four_bands.settings.score_bands = ScoreBands::four();
        let now = q("Q2 2019/20");
        assert_eq!(
            ids(&rows(&four_bands, &high, &now, day("2019-09-30"), false)),
            vec!["CR2", "CR3", "CR5", "CR7", "CR8", "CR9", "CR12"],
            "under four bands, 12 is High and 15-16 are Very high"
        );
    }

    #[test]
    fn the_appetite_line_steps_between_cells_within_and_above_it() {
        assert_eq!(appetite_path(None), None);
        assert_eq!(appetite_path(Some(25)), None);
        // Appetite 12: column 1 holds impact 1-5 (5), column 2 up to 5 (10),
        // column 3 up to 4, column 4 up to 3, column 5 up to 2.
        assert_eq!(
            appetite_path(Some(12)).as_deref(),
            Some("M 0 0 H 100 H 200 V 100 H 300 V 200 H 400 V 300 H 500")
        );
        assert_eq!(
            appetite_path(Some(4)).as_deref(),
            Some("M 0 100 H 100 V 300 H 200 V 400 H 300 H 400 V 500 H 500")
        );
    }

    #[test]
    fn arrows_join_cell_centres_stopping_short_and_spreading_when_shared() {
        assert_eq!(cell_centre((5, 1)), (50.0, 50.0));
        assert_eq!(cell_centre((1, 5)), (450.0, 450.0));
        let arrow = Arrow {
            id: "CR2".into(),
            from: (4, 4),
            to: (4, 3),
        };
        let (x1, y1, x2, y2) = arrow_line(&arrow, 0, 1);
        assert_eq!((x1, y1, x2, y2), (326.0, 150.0, 274.0, 150.0));
        let twin = Arrow {
            id: "CR3".into(),
            ..arrow.clone()
        };
        let lines = arrow_lines(&[arrow, twin]);
        // Going left, the first of two sits below the centre line, the second above.
        assert_eq!(lines[0].1 .1, 155.0);
        assert_eq!(lines[1].1 .1, 145.0);
    }

    /// Which list each entry of either quarter is in, as (list, quarter,
    /// reference); an entry on both registers counts once for each quarter.
    fn accounted(c: &Changes) -> Vec<(&'static str, Period, String)> {
        let mut all = vec![];
        for l in &c.new {
            all.push(("new", c.to, l.id.clone()));
        }
        for l in &c.left {
            all.push(("left", c.from, l.id.clone()));
        }
        let lists = [
            ("reworked", c.reworked()),
            ("up", c.moved(Ordering::Greater)),
            ("down", c.moved(Ordering::Less)),
            ("renumbered", c.renumbered()),
            ("unchanged", c.unchanged()),
        ];
        for (name, list) in lists {
            for e in list {
                all.push((name, c.to, e.id.clone()));
                all.push((name, c.from, e.was_id.clone().unwrap_or(e.id.clone())));
            }
        }
        all
    }

    /// Every entry on either register is in exactly one list.
    fn assert_each_entry_once(s: &Snapshot, c: &Changes) {
        let all = accounted(c);
        let mut seen: Vec<(Period, String)> =
            all.iter().map(|(_, p, id)| (*p, id.clone())).collect();
        seen.sort_by(|a, b| a.0.timeline_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let count = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), count, "an entry in two lists: {all:?}");
        let mut held: Vec<(Period, String)> = [c.from, c.to]
            .iter()
            .flat_map(|p| {
                s.register
                    .iter()
                    .filter(|e| e.on_register(p).is_some())
                    .map(|e| (*p, e.id.clone()))
            })
            .collect();
        held.sort_by(|a, b| a.0.timeline_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        assert_eq!(seen, held, "every entry of both quarters: {all:?}");
        let total = c.new.len()
            + c.left.len()
            + 2 * (c.reworked().len()
                + c.moved(Ordering::Greater).len()
                + c.moved(Ordering::Less).len()
                + c.renumbered().len()
                + c.unchanged().len());
        assert_eq!(total, held.len());
    }

    /// The references in one list, as of the quarter it describes.
    fn list_of(c: &Changes, name: &str) -> Vec<String> {
        let quarter = if name == "left" { c.from } else { c.to };
        accounted(c)
            .into_iter()
            .filter(|(list, p, _)| *list == name && *p == quarter)
            .map(|(_, _, id)| id)
            .collect()
    }

    #[test]
    fn the_change_list_matches_the_seed_registers_cover_report() {
        let s = demo_snapshot();
        let changes = Changes::between(&s, q("Q2 2018/19"), q("Q2 2019/20"));
        assert_each_entry_once(&s, &changes);
        assert_eq!(on_register_count(&s, &q("Q2 2018/19")), 15);
        assert_eq!(on_register_count(&s, &q("Q2 2019/20")), 16);
        // New titles sharing at most 1 significant word with anything left
        // over: demand (CR4), ICT (CR11), intermediate care (CR12), Fair
        // Funding (CO3, which shares only "retention" with the old CO3) and
        // health partners (CO4).
        assert_eq!(
            list_of(&changes, "new"),
            vec!["CR4", "CR11", "CR12", "CO3", "CO4"]
        );
        // CR1 "Reshaping the County Council" replaces the operational plan
        // (2 of its 3 significant words); recruitment and retention went from
        // Children's Services (CR4) to the whole organisation (CR5: 4 of 5).
        let reworked: Vec<(&str, Option<&str>, &str)> = changes
            .reworked()
            .iter()
            .map(|c| {
                (
                    c.id.as_str(),
                    c.was_id.as_deref(),
                    c.was_title.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            reworked,
            vec![
                (
                    "CR1",
                    None,
                    "Delivering the Operational Plan to ensure a strong and sustainable County Council"
                ),
                (
                    "CR5",
                    Some("CR4"),
                    "Recruit and retain experienced staff within Children's Services"
                ),
            ]
        );
        assert_eq!(
            changes.reworked()[1].line(),
            "CR5, was CR4: Recruit and retain experienced staff across the organisation \
             (previously \u{201c}Recruit and retain experienced staff within Children's Services\u{201d}), \
             down from 16 to 12 (Major/Possible)"
        );
        assert_eq!(
            changes.reworked()[0].line(),
            "CR1 Reshaping the County Council (previously \u{201c}Delivering the Operational Plan \
             to ensure a strong and sustainable County Council\u{201d})"
        );
        // Hospital discharge, adult social care provision, data breaches and
        // the recruitment opportunity are not on the 2019 register, though
        // their references are, for other entries.
        assert_eq!(
            list_of(&changes, "left"),
            vec!["CR9", "CR10", "CR12", "CO3"]
        );
        assert_eq!(
            changes.left[0].line_in(changes.from),
            "CR9 in Q2 2018/19: Discharge of patients from hospital into their own home or \
             enablement/short term care in a safe and timely manner"
        );
        assert!(changes.left.iter().all(|l| l.reason.is_none()));
        let renumbered: Vec<(String, String)> = changes
            .renumbered()
            .iter()
            .map(|c| (c.was_id.clone().unwrap_or_default(), c.id.clone()))
            .collect();
        assert_eq!(
            renumbered,
            vec![
                ("CR5".to_owned(), "CR6".to_owned()),
                ("CR6".to_owned(), "CR7".to_owned()),
                ("CR7".to_owned(), "CR8".to_owned()),
                ("CR11".to_owned(), "CR10".to_owned()),
            ]
        );
        // CR6 has no residual score in 2019: it cannot have moved, and says so.
        assert_eq!(
            changes.renumbered()[0].line(),
            "CR6, was CR5: Managing our data well and producing effective management information; \
             no residual score now (was 12)"
        );
        assert_eq!(
            changes.renumbered()[3].line(),
            "CR10, was CR11: Supporting disadvantaged families to fulfil their potential \
             (Troubled Families Programme)"
        );
        let moved = |way| {
            changes
                .moved(way)
                .iter()
                .map(|c| {
                    format!(
                        "{} {}->{}",
                        c.reference(),
                        c.was_residual.map_or(0, |s| s.value()),
                        c.residual.map_or(0, |s| s.value())
                    )
                })
                .collect::<Vec<_>>()
        };
        // The new CR9 is the old CR8 (special educational needs), not the old
        // CR9, which has left: renumbered and moved, it is only listed as down.
        assert_eq!(
            moved(Ordering::Less),
            vec!["CR2 16->12", "CR9, was CR8 16->12"]
        );
        assert_eq!(
            changes.moved(Ordering::Less)[0].line(),
            "CR2 Protect and safeguard children: down from 16 to 12 (Major/Possible)"
        );
        assert_eq!(
            changes.moved(Ordering::Less)[0].movement(),
            "Protect and safeguard children: down from 16 to 12 (Major/Possible)"
        );
        assert_eq!(
            changes.moved(Ordering::Less)[1].line(),
            "CR9, was CR8: Delivering a statutory service for children and young people with \
             special educational needs and/or disabilities: down from 16 to 12 (Major/Possible)"
        );
        assert!(
            moved(Ordering::Greater).is_empty(),
            "{:?}",
            moved(Ordering::Greater)
        );
        // CR3 lost only its closing full stop; the opportunities kept their titles and scores.
        assert_eq!(list_of(&changes, "unchanged"), vec!["CR3", "CO1", "CO2"]);
        assert_eq!(
            changes.summary(),
            "5 new, 2 re-worked, 4 no longer on the register, 0 scores up, 2 down, 4 renumbered, 3 unchanged"
        );
        // The rule the panel prints names every word it leaves out.
        let rule = matching_rule();
        assert!(rule.contains(&format!("do not count: {}. 3.", STOP_WORDS.join(", "))));
        assert!(rule.contains("more than half the significant words of the shorter title"));
        // CR2 moved from 4 x 4 (16 printed: only one cell) to 4 x 3, and so
        // did the re-worked CR5 (was CR4) and CR9 (was CR8). CR1 and CR10
        // stayed at 4 x 4; CR7 and CR8 printed a 12, which has two cells.
        let list = rows(
            &s,
            &RegisterFilter::default(),
            &q("Q2 2019/20"),
            day("2019-09-30"),
            true,
        );
        assert_eq!(
            ArrowSet::from_key("movement"),
            Some(ArrowSet::SinceLastQuarter)
        );
        assert!(
            ArrowSet::SinceLastQuarter
                .arrows(&list, None, EntryKind::Risk)
                .is_empty(),
            "no earlier quarter"
        );
        assert!(ArrowSet::None
            .arrows(&list, Some(&changes), EntryKind::Risk)
            .is_empty());
        let arrows = ArrowSet::SinceLastQuarter.arrows(&list, Some(&changes), EntryKind::Risk);
        let arrow = |id: &str| Arrow {
            id: id.into(),
            from: (4, 4),
            to: (4, 3),
        };
        assert_eq!(arrows, vec![arrow("CR2"), arrow("CR5"), arrow("CR9")]);
        assert!(ArrowSet::SinceLastQuarter
            .arrows(&list, Some(&changes), EntryKind::Opportunity)
            .is_empty());
    }

    #[test]
    fn a_retired_entry_is_listed_with_its_reason_and_scores_moving_up_are_found() {
        let mut s = demo_snapshot();
        let entry = s.register.iter_mut().find(|e| e.id == "CR3").expect("CR3");
        entry.retired = Some(crate::domain::register::Retirement {
            period: q("Q2 2019/20"),
            reason: "Covered by CR2".into(),
        });
        let co1 = s.register.iter_mut().find(|e| e.id == "CO1").expect("CO1");
        let a = co1
            .assessments
            .iter_mut()
            .find(|a| a.period == q("Q2 2019/20"))
            .expect("held");
        a.residual = Some(Score::Rated {
            impact: 5,
            likelihood: 4,
        });
        let changes = Changes::between(&s, q("Q2 2018/19"), q("Q2 2019/20"));
        assert_each_entry_once(&s, &changes);
        let gone = changes.left.iter().find(|l| l.id == "CR3").expect("listed");
        assert_eq!(gone.reason.as_deref(), Some("Covered by CR2"));
        assert_eq!(
            retired(&s),
            vec![Retired {
                id: "CR3".into(),
                title: "Complying with statutory requirements and duties relating to children looked after, children in need and children leaving care".into(),
                from: q("Q2 2019/20"),
                reason: "Covered by CR2".into(),
            }]
        );
        assert_eq!(on_register_count(&s, &q("Q2 2019/20")), 15);
        assert_eq!(on_register_count(&s, &q("Q2 2018/19")), 15);
        let up: Vec<&str> = changes
            .moved(Ordering::Greater)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(up, vec!["CO1"]);
        assert_eq!(
            changes.moved(Ordering::Greater)[0].line(),
            "CO1 Delivering growth and prosperity for the whole of Lancashire: up from 16 to 20 (Outstanding/Likely)"
        );
        assert_eq!(list_of(&changes, "unchanged"), vec!["CO2"]);
    }

    fn held(period: &str, title: &str, residual: Option<u8>) -> Assessment {
        Assessment {
            period: q(period),
            title: title.into(),
            description: None,
            risk_type: None,
            consequences: None,
            controls: None,
            inherent: None,
            actions: None,
            residual: residual.map(|value| Score::Printed { value }),
            target: None,
            owner: None,
            direction: None,
            next_review: None,
            notes: vec![],
            source: None,
        }
    }

    const BEFORE: &str = "Q1 2019/20";
    const AFTER: &str = "Q2 2019/20";

    fn entry(id: &str, assessments: Vec<Assessment>) -> RegisterEntry {
        RegisterEntry {
            id: id.into(),
            kind: if id.starts_with("CO") {
                EntryKind::Opportunity
            } else {
                EntryKind::Risk
            },
            assessments,
            retired: None,
            history: vec![],
        }
    }

    /// The changes between two quarters of a made-up register, checked to
    /// list every entry once.
    fn changes_of(register: Vec<RegisterEntry>) -> Changes {
        let mut s = demo_snapshot();
        s.register = register;
        let changes = Changes::between(&s, q(BEFORE), q(AFTER));
        assert_each_entry_once(&s, &changes);
        changes
    }

    /// Each list's lines, by name.
    fn lines(c: &Changes) -> Vec<(&'static str, Vec<String>)> {
        let of = |list: Vec<&Continuing>| list.iter().map(|e| e.line()).collect::<Vec<_>>();
        vec![
            ("new", c.new.iter().map(Listed::line).collect()),
            ("reworked", of(c.reworked())),
            ("left", c.left.iter().map(|l| l.line_in(c.from)).collect()),
            ("up", of(c.moved(Ordering::Greater))),
            ("down", of(c.moved(Ordering::Less))),
            ("renumbered", of(c.renumbered())),
            ("unchanged", of(c.unchanged())),
        ]
        .into_iter()
        .filter(|(_, l)| !l.is_empty())
        .collect()
    }

    #[test]
    fn the_same_title_under_a_new_reference_is_renumbered() {
        let changes = changes_of(vec![
            entry("CR1", vec![held(BEFORE, "Flooding", Some(12))]),
            entry(
                "CR2",
                vec![
                    held(BEFORE, "Cyber attack", Some(12)),
                    held(AFTER, "  flooding. ", Some(12)),
                ],
            ),
            entry("CR3", vec![held(AFTER, "Cyber Attack", Some(16))]),
        ]);
        assert_eq!(
            lines(&changes),
            vec![
                (
                    "up",
                    vec!["CR3, was CR2: Cyber Attack: up from 12 to 16".to_owned()]
                ),
                ("renumbered", vec!["CR2, was CR1:   flooding. ".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_reworded_title_under_the_same_reference_is_re_worked() {
        let changes = changes_of(vec![entry(
            "CR1",
            vec![
                held(BEFORE, "Delivering the budget for the council", Some(16)),
                held(AFTER, "Delivering a balanced budget", Some(16)),
            ],
        )]);
        // "delivering", "budget" of "delivering, balanced, budget": 2 of 3.
        assert_eq!(
            lines(&changes),
            vec![(
                "reworked",
                vec!["CR1 Delivering a balanced budget (previously \u{201c}Delivering the budget for the council\u{201d})".to_owned()]
            )]
        );
    }

    #[test]
    fn a_reworded_title_under_a_new_reference_is_re_worked_and_renumbered() {
        let changes = changes_of(vec![
            entry(
                "CR4",
                vec![
                    held(
                        BEFORE,
                        "Recruit and retain experienced staff within Children's Services",
                        Some(16),
                    ),
                    held(
                        AFTER,
                        "Increase in demand for Children's Services",
                        Some(16),
                    ),
                ],
            ),
            entry(
                "CR5",
                vec![held(
                    AFTER,
                    "Recruit and retain experienced staff across the organisation",
                    Some(12),
                )],
            ),
        ]);
        // The new CR4 shares "children" and "services" with the old: 2 of 5.
        assert_eq!(
            lines(&changes),
            vec![
                ("new", vec!["CR4 Increase in demand for Children's Services".to_owned()]),
                (
                    "reworked",
                    vec!["CR5, was CR4: Recruit and retain experienced staff across the organisation \
                          (previously \u{201c}Recruit and retain experienced staff within Children's Services\u{201d}), \
                          down from 16 to 12".to_owned()]
                ),
            ]
        );
    }

    #[test]
    fn an_unrelated_entry_under_the_same_reference_is_new_and_the_old_one_has_left() {
        let changes = changes_of(vec![entry(
            "CO3",
            vec![
                held(BEFORE, "Develop and implement improved recruitment and retention practices to address increasing challenges", Some(16)),
                held(AFTER, "Fair Funding and Business Rate Retention", None),
            ],
        )]);
        assert_eq!(
            lines(&changes),
            vec![
                ("new", vec!["CO3 Fair Funding and Business Rate Retention".to_owned()]),
                (
                    "left",
                    vec!["CO3 in Q1 2019/20: Develop and implement improved recruitment and retention practices to address increasing challenges".to_owned()]
                ),
            ]
        );
        // Half the shorter title's words is not enough: "future" and
        // "provision" are 2 of "future, provision, ict, services".
        assert_eq!(
            rewording(
                "Adult social care provision is adequate and responsive to meet current and future demand",
                "Future provision of ICT services"
            ),
            None
        );
        assert_eq!(
            rewording(
                "Reshaping the County Council",
                "Delivering the Operational Plan to ensure a strong and sustainable County Council"
            ),
            Some((2, 3))
        );
    }

    #[test]
    fn a_retired_entry_has_left_with_its_reason() {
        let mut gone = entry("CR7", vec![held(BEFORE, "Brexit", Some(9))]);
        gone.retired = Some(crate::domain::register::Retirement {
            period: q(AFTER),
            reason: "The UK has left the EU".into(),
        });
        let changes = changes_of(vec![
            gone,
            entry("CR8", vec![held(BEFORE, "Storms", Some(9))]),
        ]);
        assert_eq!(
            lines(&changes),
            vec![(
                "left",
                vec![
                    "CR7 in Q1 2019/20: Brexit".to_owned(),
                    "CR8 in Q1 2019/20: Storms".to_owned()
                ]
            )]
        );
        let reasons: Vec<Option<&str>> = changes.left.iter().map(|l| l.reason.as_deref()).collect();
        assert_eq!(reasons, vec![Some("The UK has left the EU"), None]);
    }

    #[test]
    fn a_risk_never_matches_an_opportunity() {
        let changes = changes_of(vec![
            entry("CR1", vec![held(BEFORE, "Digital services", Some(12))]),
            entry("CO1", vec![held(AFTER, "Digital services", Some(12))]),
            entry(
                "CR2",
                vec![held(BEFORE, "Growth of the local economy", Some(8))],
            ),
            entry(
                "CO2",
                vec![held(
                    AFTER,
                    "Growth of the local economy across Lancashire",
                    Some(8),
                )],
            ),
        ]);
        assert_eq!(
            lines(&changes),
            vec![
                (
                    "new",
                    vec![
                        "CO1 Digital services".to_owned(),
                        "CO2 Growth of the local economy across Lancashire".to_owned()
                    ]
                ),
                (
                    "left",
                    vec![
                        "CR1 in Q1 2019/20: Digital services".to_owned(),
                        "CR2 in Q1 2019/20: Growth of the local economy".to_owned()
                    ]
                ),
            ]
        );
    }

    #[test]
    fn entries_sharing_a_title_keep_their_own_references() {
        // Two old entries and two new ones all called "Winter pressures":
        // CR2 and CR3 continue under their own references, whichever comes first.
        let changes = changes_of(vec![
            entry("CR1", vec![held(AFTER, "Winter pressures", Some(9))]),
            entry(
                "CR2",
                vec![
                    held(BEFORE, "Winter pressures", Some(12)),
                    held(AFTER, "Winter pressures", Some(8)),
                ],
            ),
            entry("CR3", vec![held(BEFORE, "Winter pressures", Some(16))]),
        ]);
        assert_eq!(
            lines(&changes),
            vec![(
                "down",
                vec![
                    "CR1, was CR3: Winter pressures: down from 16 to 9".to_owned(),
                    "CR2 Winter pressures: down from 12 to 8".to_owned(),
                ]
            ),]
        );
        // Re-worded titles go to the closest of the entries left over.
        let changes = changes_of(vec![
            entry(
                "CR1",
                vec![held(BEFORE, "Roads and bridges maintenance", Some(9))],
            ),
            entry(
                "CR2",
                vec![held(
                    BEFORE,
                    "Roads bridges and street lighting maintenance",
                    Some(9),
                )],
            ),
            entry(
                "CR3",
                vec![held(
                    AFTER,
                    "Maintenance of roads, bridges and street lighting",
                    Some(9),
                )],
            ),
        ]);
        assert_eq!(changes.reworked()[0].reference(), "CR3, was CR2");
        assert_eq!(list_of(&changes, "left"), vec!["CR1"]);
    }

    #[test]
    fn mitigation_arrows_need_both_cells() {
        let s = demo_snapshot();
        let list = rows(
            &s,
            &RegisterFilter::default(),
            &q("Q2 2019/20"),
            day("2019-09-30"),
            true,
        );
        // CR12: inherent 4 x 4, residual 4 x 3; CR3, CR5 and CR8 print an
        // inherent 16 (only 4 x 4) and CR9 25 (only 5 x 5). CR4's printed 16
        // and residual 4 x 4 share a cell: no arrow. CR1's printed 20 has no cell.
        let arrows = mitigation_arrows(&list, EntryKind::Risk);
        let ids: Vec<&str> = arrows.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["CR3", "CR5", "CR8", "CR9", "CR12"]);
    }
}
