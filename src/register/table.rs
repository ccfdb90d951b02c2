//! The register table of one kind, its filters, and the retired entries.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::register::{
    band_names, choices, or_not_given, retired, score_text, FilterChoices, Layer, RegisterFilter,
    Row, Sort,
};
use scrutineer_core::route::Route;

use super::bands::BandTag;
use crate::browser;
use crate::components::TableRegion;
use crate::state::use_snapshot;

#[component]
pub(super) fn FilterForm(filter: Memo<RegisterFilter>, quarter: Period) -> impl IntoView {
    let snapshot = use_snapshot();
    let form = RwSignal::new(FilterChoices::default());
    Effect::new(move |_| form.set(filter.with(RegisterFilter::choices)));
    // Follow edits: a new owner or band appears in the lists at once.
    let lists = Memo::new(move |_| snapshot.with(|s| choices(s, &quarter)));
    let bands = Memo::new(move |_| snapshot.with(|s| band_names(s)));
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = form.with_untracked(|c| filter.with_untracked(|f| f.applied(quarter, c)));
        browser::go(&next.href());
    };
    let value = move |get: fn(&FilterChoices) -> String| move || form.with(get);
    let set = move |put: fn(&mut FilterChoices, String)| {
        move |e: leptos::ev::Event| form.update(|c| put(c, event_target_value(&e)))
    };
    let select = move |id: &'static str,
                       label: &'static str,
                       all: &'static str,
                       options: Signal<Vec<String>>,
                       get: fn(&FilterChoices) -> String,
                       put: fn(&mut FilterChoices, String)| {
        view! {
            <div class="form-group">
                <label class="label" for=id>{label}</label>
                <select class="select" id=id on:change=set(put) prop:value=value(get)>
                    <option value="">{all}</option>
                    {move || options.get().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="filters" on:submit=apply data-testid="register-filters" aria-label="Filter the register">
            <div class="form-group">
                <label class="label" for="register-search">"Search"</label>
                <input class="input" id="register-search" type="search" prop:value=value(|c| c.text.clone()) on:input=set(|c, v| c.text = v)/>
            </div>
            {select("filter-band", "Band", "All bands", bands.into(), |c| c.band.clone(), |c, v| c.band = v)}
            {select("filter-owner", "Owner", "All owners", Signal::derive(move || lists.with(|l| l.0.clone())), |c| c.owner.clone(), |c, v| c.owner = v)}
            {select("filter-type", "Type", "All types", Signal::derive(move || lists.with(|l| l.1.clone())), |c| c.risk_type.clone(), |c, v| c.risk_type = v)}
            <div class="form-group">
                <label class="label" for="register-sort">"Order"</label>
                <select class="select" id="register-sort" on:change=set(|c, v| c.sort = v) prop:value=value(|c| c.sort.clone())>
                    {Sort::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="filter-overdue" prop:checked=move || form.with(|c| c.overdue) on:change=move |e| form.update(|c| c.overdue = event_target_checked(&e))/>
                    <label class="checkbox__label" for="filter-overdue">"Review overdue"</label>
                </div>
            </div>
            <div class="form-group">
                <button class="button" type="submit">"Apply filters"</button>
            </div>
        </form>
        {move || filter.with(|f| f.cell_note()).map(|note| {
            let clear = filter.with(|f| f.at_quarter(f.quarter).href());
            view! {
                <p class="inset" data-testid="cell-filter">
                    {note}
                    <a href=clear>"Show every cell"</a>
                </p>
            }
        })}
    }
}

/// The entries of one kind that pass the filters.
#[component]
pub(crate) fn EntryTable(
    kind: EntryKind,
    rows: Memo<Vec<Row>>,
    layer: Signal<Layer>,
) -> impl IntoView {
    let (plural, heading) = (kind.plural(), kind.heading());
    let id = format!("register-{plural}");
    let (anchor, region) = (id.clone(), id.clone());
    let mine = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .filter(|r| r.kind == kind)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 id=anchor>{heading}</h3>
        <Show when=move || mine.with(|m| !m.is_empty()) fallback=move || view! { <p>{format!("No {plural} match these filters.")}</p> }>
            <TableRegion labelled_by=region.clone()>
                <table class="table table--register" data-testid=format!("table-{plural}")>
                    <thead>
                        <tr>
                            <th scope="col">"Ref"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">{move || format!("{} score", layer.get().label())}</th>
                            <th scope="col">"Inherent"</th>
                            <th scope="col">"Residual"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Owner"</th>
                            <th scope="col">"Next review"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || mine.get().into_iter().map(|r| {
                            let href = Route::RiskEntry { id: r.id.clone() }.href();
                            let review = r.next_review.map(scrutineer_core::dates::long_date).unwrap_or_else(|| "Not set".to_owned());
                            view! {
                                <tr>
                                    <th scope="row"><a href=href>{r.id.clone()}</a></th>
                                    <td>{r.title.clone()}{r.risk_type.clone().map(|t| view! { <br/><span class="secondary">{t}</span> })}</td>
                                    <td class="nowrap">{r.shown_label()}" "<BandTag band=r.band.clone()/></td>
                                    <td>{score_text(r.inherent, r.kind)}</td>
                                    <td>{score_text(r.residual, r.kind)}</td>
                                    <td>{score_text(r.target, r.kind)}</td>
                                    <td>{or_not_given(r.owner.clone())}</td>
                                    <td>{review}{r.overdue.then(|| view! { " " <strong class="tag tag--red">"Overdue"</strong> })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </TableRegion>
        </Show>
    }
}

/// Entries that have left (or are to leave) the register, kept with their reasons.
#[component]
pub(super) fn RetiredList() -> impl IntoView {
    let snapshot = use_snapshot();
    let list = Memo::new(move |_| snapshot.with(|s| retired(s)));
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <h3>"Retired entries"</h3>
            <p class="hint">"Kept for their history. Open one to restore it."</p>
            <ul class="list" data-testid="retired">
                {move || list.get().into_iter().map(|r| {
                    let href = Route::RiskEntry { id: r.id.clone() }.href();
                    view! { <li><a href=href>{r.id}</a>{format!(" {}: off the register from {}. Reason: {}", r.title, r.from, r.reason)}</li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}
