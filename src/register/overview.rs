//! `#/risks`: the register page for one quarter, with its quarter picker,
//! the matrices and their controls, what changed and the register table.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::domain::value::group_thousands;
use scrutineer_core::register::{
    on_register_count, previous_quarter, quarters, rows, ArrowSet, Changes, Layer, RegisterFilter,
};
use scrutineer_core::route::Route;

use super::changes::ChangesPanel;
use super::matrix::MatrixView;
use super::table::{EntryTable, FilterForm, RetiredList};
use crate::browser;
use crate::components::{EmptyState, LinkNote};
use crate::state::{use_query, use_snapshot};

/// `#/risks`: the matrix, what changed, and the register, for one quarter.
#[component]
pub fn RisksPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let query = use_query();
    let filter = Memo::new(move |_| query.with(|q| RegisterFilter::from_query(q)));
    let quarter = Memo::new(move |_| {
        let held = snapshot.with(|s| quarters(s));
        filter
            .with(|f| f.quarter)
            .filter(|q| held.contains(q))
            .or_else(|| held.last().copied())
    });
    let empty = move || snapshot.with(|s| s.register.is_empty());
    let link_problem = Signal::derive(move || {
        snapshot.with(|s| query.with(|q| RegisterFilter::link_problem(s, q)))
    });
    view! {
        <h1 tabindex="-1">"Risks and opportunities"</h1>
        <LinkNote text=link_problem/>
        <Show
            when=move || !empty()
            fallback=|| view! {
                <EmptyState what="risks or opportunities"/>
                <p><a class="button" href=Route::NewRiskEntry.href()>"Add a risk or opportunity"</a></p>
            }
        >
            {move || quarter.get().map(|q| view! { <Register filter=filter quarter=q/> })}
        </Show>
    }
}

#[component]
fn Register(filter: Memo<RegisterFilter>, quarter: Period) -> impl IntoView {
    let snapshot = use_snapshot();
    let today = browser::today();
    let all_rows =
        Memo::new(move |_| snapshot.with(|s| filter.with(|f| rows(s, f, &quarter, today, true))));
    let listed =
        Memo::new(move |_| snapshot.with(|s| filter.with(|f| rows(s, f, &quarter, today, false))));
    let changes = Memo::new(move |_| {
        snapshot.with(|s| previous_quarter(s, &quarter).map(|p| Changes::between(s, p, quarter)))
    });
    let arrows = RwSignal::new(ArrowSet::None);
    let editing = RwSignal::new(crate::storage::edit_positions());
    let layer = move || filter.with(|f| f.layer);
    view! {
        <div class="toolbar toolbar--compact toolbar--head">
            <QuarterPicker filter=filter quarter=quarter/>
        </div>
        <section aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{format!("The matrix, {quarter}")}</h2>
            <div class="matrix-controls">
                <fieldset class="fieldset fieldset--small">
                    <legend class="label">"Place entries by their"</legend>
                    <div class="segmented" data-testid="layer-switch">
                        {Layer::ALL.into_iter().map(|l| {
                            let href = move || RegisterFilter::href(&filter.with(|f| RegisterFilter { layer: l, quarter: Some(quarter), ..f.clone() }));
                            view! {
                                <a class="segmented__option" href=href aria-current=move || (layer() == l).then_some("true")>
                                    {format!("{} score", l.label())}
                                </a>
                            }
                        }).collect_view()}
                    </div>
                    <p class="hint">{move || format!("{} score: {}.", layer().label(), layer().meaning())}</p>
                </fieldset>
                <EditPositions editing=editing/>
                <div class="form-group form-group--inline">
                    <label class="label" for="arrows">"Arrows"</label>
                    <select class="select" id="arrows" data-testid="arrows" on:change=move |e| arrows.set(ArrowSet::from_key(&event_target_value(&e)).unwrap_or_default())>
                        <option value=ArrowSet::None.key()>"None"</option>
                        <option value=ArrowSet::Mitigation.key()>"From inherent to residual score"</option>
                        {move || changes.with(|c| c.as_ref().map(|c| view! {
                            <option value=ArrowSet::SinceLastQuarter.key()>{format!("Residual score since {}", c.from)}</option>
                        }))}
                    </select>
                </div>
            </div>
            <div class="matrices">
                {[EntryKind::Risk, EntryKind::Opportunity].into_iter().map(|kind| view! {
                    <MatrixView kind=kind quarter=quarter filter=filter rows=all_rows changes=changes arrows=arrows.read_only() editing=editing.into()/>
                }).collect_view()}
            </div>
        </section>
        {move || changes.get().map(|c| view! { <ChangesPanel changes=c/> })}
        <section aria-labelledby="register-heading">
            <div class="toolbar">
                <h2 id="register-heading">{format!("The register, {quarter}")}</h2>
                <div class="button-group button-group--tight">
                    <a class="button button--secondary" href=Route::NewRiskEntry.href() data-testid="add-entry">"Add a risk or opportunity"</a>
                    <a class="button button--secondary" href=Route::ScoreBands.href()>"Score bands and appetite"</a>
                </div>
            </div>
            <FilterForm filter=filter quarter=quarter/>
            <p class="results-line" id="register-results" tabindex="-1" role="status" data-testid="register-results">
                {move || {
                    let shown = listed.with(|l| l.len());
                    let total = snapshot.with(|s| on_register_count(s, &quarter));
                    format!("Showing {} of {}.", count_of(shown, "entry", "entries"), group_thousands(total as f64, 0))
                }}
                " "
                <Show when=move || filter.with(|f| f.narrows())>
                    <a href=move || RegisterFilter::href(&filter.with(|f| RegisterFilter { quarter: Some(quarter), ..f.cleared() }))>"Clear filters"</a>
                </Show>
            </p>
            {[EntryKind::Risk, EntryKind::Opportunity].into_iter().map(|kind| view! {
                <EntryTable kind=kind rows=listed layer=Signal::derive(layer)/>
            }).collect_view()}
            <RetiredList/>
        </section>
    }
}

#[component]
fn QuarterPicker(filter: Memo<RegisterFilter>, quarter: Period) -> impl IntoView {
    let snapshot = use_snapshot();
    let change = move |event: leptos::ev::Event| {
        let chosen: Option<Period> = event_target_value(&event).parse().ok();
        browser::go(&filter.with_untracked(|f| f.at_quarter(chosen)).href());
    };
    view! {
        <div class="form-group form-group--inline">
            <label class="label" for="quarter-picker">"Quarter"</label>
            <select class="select" id="quarter-picker" data-testid="quarter-picker" on:change=change>
                {move || snapshot.with(|s| quarters(s)).into_iter().rev().map(|p| {
                    let label = p.to_string();
                    view! { <option value=label.clone() selected=p == quarter>{label.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The switch that lets markers be moved: off unless this device turned it
/// on (remembered), so a councillor reading the matrix never moves a risk.
#[component]
fn EditPositions(editing: RwSignal<bool>) -> impl IntoView {
    let toggle = move |_| {
        let on = !editing.get_untracked();
        editing.set(on);
        crate::storage::set_edit_positions(on);
    };
    view! {
        <div class="edit-switch">
            <button
                type="button"
                class="switch"
                role="switch"
                id="edit-positions"
                aria-checked=move || if editing.get() { "true" } else { "false" }
                aria-describedby="move-help-risks"
                data-testid="edit-positions"
                on:click=toggle
            >
                <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
                <span class="switch__label">"Edit positions"</span>
                <span class="switch__state" aria-hidden="true">{move || if editing.get() { "On" } else { "Off" }}</span>
            </button>
        </div>
    }
}
