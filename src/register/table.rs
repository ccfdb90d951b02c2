//! The register table of one kind, its filters, and the retired entries.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::register::{choices, retired, score_text, Layer, RegisterFilter, Row, Sort};
use scrutineer_core::route::Route;

use super::bands::BandTag;
use crate::browser;
use crate::components::TableRegion;
use crate::state::use_snapshot;

#[component]
pub(super) fn FilterForm(filter: Memo<RegisterFilter>, quarter: Period) -> impl IntoView {
    let snapshot = use_snapshot();
    let text = RwSignal::new(String::new());
    let band = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let risk_type = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let sort = RwSignal::new(String::new());
    Effect::new(move |_| {
        filter.with(|f| {
            text.set(f.text.clone());
            band.set(f.band.clone().unwrap_or_default());
            owner.set(f.owner.clone().unwrap_or_default());
            risk_type.set(f.risk_type.clone().unwrap_or_default());
            overdue.set(f.overdue);
            sort.set(f.sort.key().to_owned());
        });
    });
    // Follow edits: a new owner or band appears in the lists at once.
    let lists = Memo::new(move |_| snapshot.with(|s| choices(s, &quarter)));
    let bands = Memo::new(move |_| {
        snapshot.with(|s| {
            // Both kinds' band names, each once (opportunities may name their own).
            let mut names: Vec<String> = vec![];
            for kind in [EntryKind::Risk, EntryKind::Opportunity] {
                for band in s.settings.bands_for(kind).0 {
                    if !names.contains(&band.name) {
                        names.push(band.name);
                    }
                }
            }
            names
        })
    });
    let some = |v: String| Some(v).filter(|v| !v.trim().is_empty());
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = filter.with_untracked(|f| RegisterFilter {
            quarter: Some(quarter),
            text: text.get_untracked().trim().to_owned(),
            band: some(band.get_untracked()),
            owner: some(owner.get_untracked()),
            risk_type: some(risk_type.get_untracked()),
            overdue: overdue.get_untracked(),
            sort: Sort::from_key(&sort.get_untracked()).unwrap_or_default(),
            ..f.clone()
        });
        browser::go(&RegisterFilter::href(&next));
    };
    let select = |id: &'static str,
                  label: &'static str,
                  all: &'static str,
                  options: Signal<Vec<String>>,
                  value: RwSignal<String>| {
        view! {
            <div class="form-group">
                <label class="label" for=id>{label}</label>
                <select class="select" id=id on:change=move |e| value.set(event_target_value(&e)) prop:value=move || value.get()>
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
                <input class="input" id="register-search" type="search" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))/>
            </div>
            {select("filter-band", "Band", "All bands", bands.into(), band)}
            {select("filter-owner", "Owner", "All owners", Signal::derive(move || lists.with(|l| l.0.clone())), owner)}
            {select("filter-type", "Type", "All types", Signal::derive(move || lists.with(|l| l.1.clone())), risk_type)}
            <div class="form-group">
                <label class="label" for="register-sort">"Order"</label>
                <select class="select" id="register-sort" on:change=move |e| sort.set(event_target_value(&e)) prop:value=move || sort.get()>
                    {Sort::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="filter-overdue" prop:checked=move || overdue.get() on:change=move |e| overdue.set(event_target_checked(&e))/>
                    <label class="checkbox__label" for="filter-overdue">"Review overdue"</label>
                </div>
            </div>
            <div class="form-group">
                <button class="button" type="submit">"Apply filters"</button>
            </div>
        </form>
        {move || filter.with(|f| f.cell.map(|c| (c, f.kind))).map(|((i, l), kind)| {
            let clear = RegisterFilter::href(&filter.with(|f| RegisterFilter { cell: None, kind: None, ..f.clone() }));
            let which = kind.map_or("entries", EntryKind::plural);
            view! {
                <p class="inset" data-testid="cell-filter">
                    {format!("Showing only {which} in the cell impact {i}, likelihood {l} (score {}). ", i * l)}
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
                                    <td>{r.owner.clone().unwrap_or_else(|| "Not given".to_owned())}</td>
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
    let list = Memo::new(move |_| snapshot.with(retired));
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
