use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::{Band, EntryKind};
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::domain::value::group_thousands;
use scrutineer_core::register::edit::tone_key;
use scrutineer_core::register::{
    choices, entry_href, on_register_count, previous_quarter, quarters, retired, rows, score_text,
    ArrowSet, Changes, Continuing, Layer, Listed, RegisterFilter, Row, Sort,
};
use scrutineer_core::route::Route;
use scrutineer_core::text::first_words;

use super::matrix::MatrixView;
use crate::browser;
use crate::components::{EmptyState, LinkNote, TableRegion};
use crate::state::{use_query, use_snapshot};

/// A band's name with its colour, never colour alone.
#[component]
pub fn BandTag(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => {
            let class = format!("band-tag band-tag--{}", tone_key(b.tone));
            view! { <span class=class>{b.name}</span> }.into_any()
        }
        None => view! { <span class="band-tag band-tag--none">"No band"</span> }.into_any(),
    }
}

/// `#/risks`: the matrix, what changed, and the register, for one quarter.
#[component]
pub fn RisksPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let query = use_query();
    let filter = Memo::new(move |_| query.with(|q| RegisterFilter::from_query(q)));
    let quarter = Memo::new(move |_| {
        let held = snapshot.with(quarters);
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
                <p><a class="button" href="#/risks/new">"Add a risk or opportunity"</a></p>
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
        let next = filter.with_untracked(|f| RegisterFilter {
            quarter: chosen,
            cell: None,
            kind: None,
            ..f.clone()
        });
        browser::go(&RegisterFilter::href(&next));
    };
    view! {
        <div class="form-group form-group--inline">
            <label class="label" for="quarter-picker">"Quarter"</label>
            <select class="select" id="quarter-picker" data-testid="quarter-picker" on:change=change>
                {move || snapshot.with(quarters).into_iter().rev().map(|p| {
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

/// What changed since the quarter before, as the cover report lists it:
/// every entry of either quarter in exactly one list, matched as the rule
/// printed under the lists says.
#[component]
pub(crate) fn ChangesPanel(changes: Changes) -> impl IntoView {
    let from = changes.from;
    let to = changes.to;
    // The reference links to the entry at the quarter the words describe;
    // the rest of the line follows it.
    let item = |id: &str, at: Period, line: String, reason: Option<String>| {
        let rest = line.strip_prefix(id).map(str::to_owned).unwrap_or(line);
        let href = entry_href(id, at);
        let reason = reason.map(|d| first_words(&d, 12));
        view! {
            <li>
                <a href=href>{id.to_owned()}</a>{rest}
                {reason.map(|d| view! { <span class="secondary">{format!(" (reason: {d})")}</span> })}
            </li>
        }
    };
    let continuing = move |items: Vec<&Continuing>| {
        let count = items.len();
        let body = items
            .into_iter()
            .map(|c| item(&c.id, to, c.line(), None))
            .collect_view()
            .into_any();
        (count, body)
    };
    let new = |items: &[Listed]| {
        let body = items
            .iter()
            .map(|l| item(&l.id, to, l.line(), None))
            .collect_view()
            .into_any();
        (items.len(), body)
    };
    // An entry that has left is named with its quarter: its reference may
    // now belong to another entry.
    let left = |items: &[Listed]| {
        let body = items
            .iter()
            .map(|l| item(&l.id, from, l.line_in(from), l.reason.clone()))
            .collect_view()
            .into_any();
        (items.len(), body)
    };
    let group = |title: &str, test: &'static str, (count, body): (usize, AnyView)| {
        view! {
            <div class="changes__group" data-testid=test>
                <h3 class="changes__title">{format!("{title} ({count})")}</h3>
                {if count == 0 { view! { <p class="secondary">"None."</p> }.into_any() } else { view! { <ul class="changes__list">{body}</ul> }.into_any() }}
            </div>
        }
    };
    view! {
        <section class="panel changes" aria-labelledby="changes-heading" data-testid="changes">
            <h2 class="panel__title" id="changes-heading">{format!("What changed since {from}")}</h2>
            <p>{changes.summary()}"."</p>
            <div class="changes__groups">
                {group("New entries", "changes-new", new(&changes.new))}
                {group("Re-worked: title reworded", "changes-reworked", continuing(changes.reworked()))}
                {group("No longer on the register", "changes-left", left(&changes.left))}
                {group("Residual score went up", "changes-up", continuing(changes.moved(std::cmp::Ordering::Greater)))}
                {group("Residual score went down", "changes-down", continuing(changes.moved(std::cmp::Ordering::Less)))}
                {group("Renumbered: same title, new reference", "changes-renumbered", continuing(changes.renumbered()))}
                {group("Unchanged: same reference and title", "changes-unchanged", continuing(changes.unchanged()))}
            </div>
            <p class="hint" data-testid="changes-rule">{scrutineer_core::register::matching_rule()}</p>
        </section>
    }
}

#[component]
fn FilterForm(filter: Memo<RegisterFilter>, quarter: Period) -> impl IntoView {
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
fn RetiredList() -> impl IntoView {
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
