//! The 5 x 5 matrix: cells coloured and named by band, a marker per entry,
//! arrows, the appetite line, the entries it cannot place, and its table.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::register::arrows::Line;
use scrutineer_core::register::marker::{move_help, MarkerPlace};
use scrutineer_core::register::{
    appetite_path, arrow_lines, impact_step, likelihood_step, ArrowSet, Changes, Layer, Matrix,
    MatrixCell, RegisterFilter, Row,
};

use super::bands::BandTag;
use super::marker::{Marker, MovePanel, MoveState};
use crate::browser;
use crate::workspace::use_workspace;

/// One kind's matrix, its key, its moves and its table equivalent.
#[component]
pub(super) fn MatrixView(
    kind: EntryKind,
    quarter: Period,
    filter: Memo<RegisterFilter>,
    /// Every entry on the register this quarter, with the shown score.
    rows: Memo<Vec<Row>>,
    changes: Memo<Option<Changes>>,
    arrows: ReadSignal<ArrowSet>,
    /// Whether "Edit positions" is on: markers move only then, so reading
    /// (a swipe that starts on a marker) never moves a risk.
    editing: Signal<bool>,
) -> impl IntoView {
    let workspace = use_workspace();
    let snapshot = workspace.snapshot();
    let (plural, heading) = (kind.plural(), kind.heading());
    let matrix = Memo::new(move |_| {
        snapshot.with(|s| rows.with(|r| Matrix::build(r, kind, &s.settings.bands_for(kind))))
    });
    let residual = move || filter.with(|f| f.layer == Layer::Residual);
    let movable = Signal::derive(move || editing.get() && residual());
    let state = MoveState::new(kind, quarter, movable, rows);
    let lines = Memo::new(move |_| {
        let set = arrows.get();
        arrow_lines(&rows.with(|r| changes.with(|c| set.arrows(r, c.as_ref(), kind))))
    });
    let appetite = move || {
        snapshot
            .with(|s| s.settings.risk_appetite)
            .filter(|_| kind == EntryKind::Risk)
    };
    let layer = move || filter.with(|f| f.layer);
    let grid_label = move || {
        format!(
            "{heading} by {} score, {quarter}: impact up, likelihood across",
            layer().label().to_lowercase()
        )
    };
    let help_id = format!("move-help-{plural}");
    let help_text = move || move_help(kind, movable.get(), editing.get());

    view! {
        <section class="matrix-block" aria-label=format!("{heading} matrix") data-testid=format!("matrix-{plural}")>
            <div class="matrix-block__head">
                <h3 id=format!("matrix-{plural}")>{heading}</h3>
                <MatrixKey kind=kind appetite=Signal::derive(appetite)/>
            </div>
            <p class="hint" id=help_id.clone()>{help_text}</p>
            <div class="matrix" class:matrix--editing=move || movable.get()>
                <div class="matrix__y-title" aria-hidden="true">"Impact"</div>
                {(1..=5u8).rev().enumerate().map(|(row, impact)| view! {
                    <div class=format!("matrix__y-step matrix__row-{}", row + 1) aria-hidden="true">{impact_step(kind, impact)}</div>
                }).collect_view()}
                <div class="matrix__grid" role="group" aria-label=grid_label>
                    {move || matrix.get().rows.into_iter().flatten().map(|cell| view! {
                        <CellView cell=cell kind=kind filter=filter state=state help=help_id.clone()/>
                    }).collect_view()}
                    <MatrixOverlay kind=kind lines=lines appetite=Signal::derive(appetite)/>
                </div>
                {(1..=5u8).map(|l| view! {
                    <div class=format!("matrix__x-step matrix__column-{}", l + 1) aria-hidden="true">{likelihood_step(l)}</div>
                }).collect_view()}
                <div class="matrix__x-title" aria-hidden="true">"Likelihood"</div>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">{move || state.announcement.get()}</p>
            <ChosenCell matrix=matrix filter=filter state=state/>
            <MovePanel state=state/>
            <OffGrid matrix=matrix layer=Signal::derive(layer)/>
            {move || {
                let shown = lines.with(Vec::len);
                (shown > 0).then(|| view! {
                    <p class="hint" data-testid=format!("arrow-count-{plural}")>{format!("{} drawn.", count_of(shown, "arrow", "arrows"))}</p>
                })
            }}
            <details class="details">
                <summary class="details__summary">{format!("The {plural} matrix as a table")}</summary>
                <MatrixTable matrix=matrix kind=kind/>
            </details>
        </section>
    }
}

/// The drawing over the grid: the appetite line and the arrows.
#[component]
fn MatrixOverlay(
    kind: EntryKind,
    /// Each arrow's entry and line, in drawing units.
    lines: Memo<Vec<(String, Line)>>,
    appetite: Signal<Option<u8>>,
) -> impl IntoView {
    let arrow_id = format!("arrowhead-{}", kind.plural());
    let arrow_ref = format!("url(#{arrow_id})");
    view! {
        <svg class="matrix__overlay" viewBox="0 0 500 500" preserveAspectRatio="none" aria-hidden="true">
            <defs>
                <marker id=arrow_id.clone() viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z" class="matrix__arrowhead"/>
                </marker>
            </defs>
            {move || appetite_path(appetite.get()).map(|d| view! { <path class="matrix__appetite" d=d vector-effect="non-scaling-stroke"/> })}
            {move || {
                let arrow_ref = arrow_ref.clone();
                lines.get().into_iter().map(move |(id, (x1, y1, x2, y2))| view! {
                    <line class="matrix__arrow" data-arrow=id x1=x1 y1=y1 x2=x2 y2=y2 marker-end=arrow_ref.clone() vector-effect="non-scaling-stroke"/>
                }).collect_view()
            }}
        </svg>
    }
}

/// The bands in numbers, and the appetite line.
#[component]
fn MatrixKey(kind: EntryKind, appetite: Signal<Option<u8>>) -> impl IntoView {
    let snapshot = use_workspace().snapshot();
    let bands = move || snapshot.with(|s| s.settings.bands_for(kind).0);
    view! {
        <ul class="matrix-key" aria-label="Key">
            {move || bands().into_iter().map(|b| {
                let range = format!(" scores {} to {}", b.min, b.max);
                view! { <li><BandTag band=Some(b)/>{range}</li> }
            }).collect_view()}
            {move || appetite.get().map(|a| view! {
                <li><span class="matrix-key__appetite" aria-hidden="true"></span>{format!(" Risk appetite: residual score {a}. Cells above the line exceed it.")}</li>
            })}
            {(kind == EntryKind::Opportunity).then(|| view! { <li>"For opportunities a high score is good."</li> })}
        </ul>
    }
}

#[component]
fn CellView(
    cell: MatrixCell,
    kind: EntryKind,
    filter: Memo<RegisterFilter>,
    state: MoveState,
    help: String,
) -> impl IntoView {
    let at = (cell.impact, cell.likelihood);
    let (tone, band_name) = (cell.tone(), cell.band_name());
    let count = cell.entries.len();
    let chosen = move || filter.with(|f| f.chosen_cell(at, kind));
    let href = move || filter.with(|f| f.toggle_cell(at, kind, state.quarter).href());
    let label = format!("{} Show them in the register", cell.describe(kind));
    let (shown, more) = cell.shown_markers();
    let is_target = Memo::new(move |_| state.markers.with(|m| m.is_target(at)));
    let ghost = Memo::new(move |_| state.markers.with(|m| m.ghost(at)));

    view! {
        <div
            class=format!("matrix__cell cell--{tone}")
            class:matrix__cell--chosen=chosen
            class:matrix__cell--target=is_target
            data-cell=format!("{}-{}", cell.impact, cell.likelihood)
        >
            <a class="matrix__cell-link" href=href aria-label=label aria-current=move || chosen().then_some("true") on:click=move |_| if !chosen() { browser::reveal_after_render("#register-results") }>
                <span class="matrix__score">{cell.score()}</span>
                <span class="matrix__band">{band_name.clone()}</span>
                {(count > 0).then(|| view! { <span class="matrix__count">{format!("{count}")}</span> })}
            </a>
            <div class="matrix__markers">
                {shown.into_iter().map(|id| view! { <Marker id=id from=at place=MarkerPlace::Grid state=state help=help.clone()/> }).collect_view()}
                {(more > 0).then(|| view! {
                    <a class="marker marker--more" href=href aria-label=format!("{more} more in this cell: show them all")>{format!("+{more}")}</a>
                })}
                {move || ghost.get().map(|id| view! { <span class="marker marker--ghost" aria-hidden="true">{id}</span> })}
            </div>
        </div>
    }
}

/// Every entry of the chosen cell, when there are more than it shows.
#[component]
fn ChosenCell(
    matrix: Memo<Matrix>,
    filter: Memo<RegisterFilter>,
    state: MoveState,
) -> impl IntoView {
    let kind = state.kind;
    let plural = kind.plural();
    let chosen = move || filter.with(|f| matrix.with(|m| m.chosen_full_cell(f).cloned()));
    let help = format!("move-help-{plural}");
    view! {
        {move || chosen().map(|cell| {
            let at = (cell.impact, cell.likelihood);
            let help = help.clone();
            view! {
                <div class="chosen-cell" data-testid=format!("chosen-cell-{plural}")>
                    <p class="chosen-cell__title">{format!("{}: all {}", cell.label(kind), count_of(cell.entries.len(), kind.key(), plural))}</p>
                    <div class="matrix__markers" data-cell=format!("{}-{}", at.0, at.1)>
                        {cell.entries.iter().map(|id| view! { <Marker id=id.clone() from=at place=MarkerPlace::ChosenCell state=state help=help.clone()/> }).collect_view()}
                    </div>
                </div>
            }
        })}
    }
}

/// Entries the grid cannot place, said in words.
#[component]
fn OffGrid(matrix: Memo<Matrix>, layer: Signal<Layer>) -> impl IntoView {
    view! {
        {move || {
            let (unplaced, unscored) = matrix.with(|m| m.off_grid(layer.get()));
            view! {
                {unplaced.map(|text| view! { <p class="hint" data-testid="unplaced">{text}</p> })}
                {unscored.map(|text| view! { <p class="hint" data-testid="unscored">{text}</p> })}
            }
        }}
    }
}

/// The grid as a data table: impact by likelihood, with each cell's entries.
#[component]
pub(crate) fn MatrixTable(matrix: Memo<Matrix>, kind: EntryKind) -> impl IntoView {
    view! {
        <table class="table table--matrix" data-testid=format!("matrix-table-{}", kind.plural())>
            <caption class="visually-hidden">"Entries by impact (rows) and likelihood (columns)"</caption>
            <thead>
                <tr>
                    <th scope="col">"Impact \\ likelihood"</th>
                    {(1..=5u8).map(|l| view! { <th scope="col">{likelihood_step(l)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {move || matrix.get().rows.into_iter().map(|row| {
                    let impact = row.first().map_or(0, |c| c.impact);
                    view! {
                        <tr>
                            <th scope="row">{impact_step(kind, impact)}</th>
                            {row.into_iter().map(|c| view! {
                                <td class=format!("matrix-table__cell cell--{}", c.tone())>{c.table_text()}</td>
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
