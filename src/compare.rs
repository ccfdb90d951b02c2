//! `#/compare`: what changed between the data open now and another pack (a
//! file chosen here, or the file waiting to be opened on the Data page).
//! Comparing changes nothing; the comparison itself is worked out by
//! `scrutineer_core::compare`, and this only lays it out: the summary
//! first, each line naming its items as links, then every list as a table.

use std::sync::Arc;

use leptos::prelude::*;
use scrutineer_core::compare::{Comparison, Item, Line, Named};
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::route::Route;

use crate::components::{FileChooser, TableRegion};
use crate::register::ChangesPanel;
use crate::workspace::{use_workspace, COMPARE_FILE};

#[component]
pub fn ComparePage() -> impl IntoView {
    // A snapshot file is chosen here: the reader is warmed in idle time.
    crate::rehearsal::begin();
    let workspace = use_workspace();
    // Worked out once per change of either pack, and shared, not copied.
    let comparison = Memo::new(move |_| {
        let open = workspace.snapshot().get();
        workspace
            .compared()
            .with(|c| c.as_ref().map(|c| Arc::new(c.with(&open))))
    });
    let chooser = move |label: &'static str| {
        view! {
            <FileChooser
                id="compare-file-input"
                label=label
                hint="A Scrutineer snapshot (.json): one someone emailed you, or a copy you downloaded earlier. Nothing open now is changed."
                accept=".json,application/json"
                testid="compare-file"
                at=COMPARE_FILE
                on_text=Callback::new(move |(name, text)| workspace.check_comparison_file(name, text))
            />
        }
    };
    let stop = move |_| {
        workspace.stop_comparing();
        crate::browser::focus_when_shown("#compare-file-input");
    };
    view! {
        <h1 tabindex="-1">"What changed between two packs"</h1>
        {move || match comparison.get() {
            None => view! {
                <p class="lede">
                    "See what changed between the data open now and another pack: ratings that turned, "
                    "figures revised, new figures, risks that moved, complaints years added. Comparing changes nothing."
                </p>
                {chooser("Choose a pack to compare with")}
            }
            .into_any(),
            Some(c) => view! {
                <Compared comparison=c/>
                <h2 id="compare-another">"Compare with another pack"</h2>
                {chooser("Choose another pack")}
                <p>
                    <button type="button" class="button button--secondary" data-testid="stop-comparing" on:click=stop>
                        "Stop comparing"
                    </button>
                </p>
            }
            .into_any(),
        }}
    }
}

/// The most rows a table of the comparison shows; the rest are counted.
const MOST_ROWS: usize = 200;

/// "and 1,000 more, not shown", under a table cut at [`MOST_ROWS`].
fn more_rows(total: usize) -> Option<AnyView> {
    (total > MOST_ROWS).then(|| {
        view! {
            <p class="secondary" data-testid="compare-more-rows">
                {format!(
                    "The first {MOST_ROWS} are shown; {} more are not.",
                    scrutineer_core::domain::value::group_thousands((total - MOST_ROWS) as f64, 0)
                )}
            </p>
        }
        .into_any()
    })
}

/// The summary, then each section's tables.
#[component]
fn Compared(comparison: Arc<Comparison>) -> impl IntoView {
    let later = comparison.after.label();
    let lines = comparison.summary();
    let summary = if comparison.same {
        view! { <p data-testid="compare-nothing">"Nothing differs: the two packs hold the same data."</p> }
            .into_any()
    } else if lines.is_empty() {
        view! {
            <p data-testid="compare-nothing">
                "None of the figures, ratings, targets, register entries' scores, owners or review dates, or complaints figures differ. "
                "Other details do: names, definitions, comparators, commentary, notes or sources."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="list--bullet compare__summary" data-testid="compare-summary">
                {lines.into_iter().map(|line| view! { <SummaryLine line=line/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let details = comparison.details.clone();
    let register = comparison.register.clone();
    view! {
        <section class="panel" aria-labelledby="compare-heading" data-testid="compare">
            <h2 class="panel__title" id="compare-heading" tabindex="-1">{comparison.heading()}</h2>
            <p class="secondary" data-testid="compare-later">{format!("To {later}.")}</p>
            {summary}
        </section>
        {(!details.is_empty()).then(|| view! {
            <h2 id="compare-details">"Pack details and settings"</h2>
            <TableRegion labelled_by="compare-details">
                <table class="table" data-testid="compare-details-table">
                    <thead><tr><th scope="col">"Detail"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>
                        {details.into_iter().map(|d| view! {
                            <tr><th scope="row">{d.what}</th><td>{d.was}</td><td>{d.now}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableRegion>
        })}
        <IndicatorTables comparison=comparison.clone()/>
        {register.map(|r| {
            let open_is_later = r.open_is_later;
            view! {
                <h2 id="compare-register">"Risks and opportunities"</h2>
                <ChangesPanel changes=r.changes.clone() open_is_later=open_is_later/>
                <EntryDetails details=r.details/>
            }
        })}
        <ComplaintTables complaints=comparison.complaints.clone()/>
    }
}

/// "3 indicators are newly rated …: A; B; C and 2 more".
#[component]
fn SummaryLine(line: Line) -> impl IntoView {
    let Line { text, items, more } = line;
    let count = items.len();
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let separator = if i + 1 < count { "; " } else { "" };
            view! { <ItemLink item=item/>{separator} }
        })
        .collect_view();
    view! {
        <li>
            {text}
            {(count > 0).then_some(": ")}
            {items}
            {(more > 0).then(|| format!(" and {more} more (listed below)"))}
        </li>
    }
}

#[component]
fn ItemLink(item: Item) -> impl IntoView {
    let Item { label, rest, href } = item;
    let named = match href {
        Some(href) => view! { <a href=href>{label}</a> }.into_any(),
        None => view! { <span>{label}</span> }.into_any(),
    };
    view! { {named}{rest} }
}

fn indicator_cell(named: &Named) -> AnyView {
    match &named.route {
        Some(route) => view! { <a href=route.href()>{named.name.clone()}</a> }.into_any(),
        None => view! { <span>{named.name.clone()}</span> }.into_any(),
    }
}

fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "\u{2013}".to_owned())
}

#[component]
fn IndicatorTables(comparison: Arc<Comparison>) -> impl IntoView {
    let indicators = &comparison.indicators;
    let any = !(indicators.ratings.is_empty()
        && indicators.revised.is_empty()
        && indicators.new_figures.is_empty()
        && indicators.dropped_figures.is_empty()
        && indicators.added.is_empty()
        && indicators.removed.is_empty()
        && indicators.targets.is_empty());
    let ratings = (!indicators.ratings.is_empty()).then(|| {
        let rows = indicators.ratings.iter().take(MOST_ROWS).map(|r| view! {
            <tr><th scope="row">{indicator_cell(&r.indicator)}</th><td>{r.was_text()}</td><td>{r.now_text()}</td></tr>
        }).collect_view();
        view! {
            <h3 id="compare-ratings">{format!("Ratings at the latest figure ({})", indicators.ratings.len())}</h3>
            <TableRegion labelled_by="compare-ratings" sticky=true>
                <table class="table" data-testid="compare-ratings-table">
                    <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
            {more_rows(indicators.ratings.len())}
        }
    });
    let revised = (!indicators.revised.is_empty()).then(|| {
        let rows = indicators.revised.iter().take(MOST_ROWS).map(|f| view! {
            <tr>
                <th scope="row">{indicator_cell(&f.indicator)}</th>
                <td>{f.period.to_string()}</td>
                <td>{or_dash(f.was.clone())}</td><td>{or_dash(f.now.clone())}</td>
                <td>{or_dash(f.was_source.clone())}</td><td>{or_dash(f.now_source.clone())}</td>
            </tr>
        }).collect_view();
        view! {
            <h3 id="compare-revised">{format!("Figures revised ({})", indicators.revised.len())}</h3>
            <TableRegion labelled_by="compare-revised" sticky=true>
                <table class="table" data-testid="compare-revised-table">
                    <thead><tr>
                        <th scope="col">"Indicator"</th><th scope="col">"Period"</th>
                        <th scope="col">"Before"</th><th scope="col">"After"</th>
                        <th scope="col">"Source before"</th><th scope="col">"Source after"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
            {more_rows(indicators.revised.len())}
        }
    });
    // New and dropped figures are many: folded, their rows built only once opened.
    let one_side = |new: bool, id: &'static str, title: &'static str, testid: &'static str| {
        let list = |c: &Comparison| {
            if new {
                c.indicators.new_figures.len()
            } else {
                c.indicators.dropped_figures.len()
            }
        };
        let total = list(&comparison);
        (total > 0).then(|| {
            let opened = RwSignal::new(false);
            let comparison = comparison.clone();
            let rows = move || {
                opened.get().then(|| {
                    let figures = if new {
                        &comparison.indicators.new_figures
                    } else {
                        &comparison.indicators.dropped_figures
                    };
                    figures
                        .iter()
                        .take(MOST_ROWS)
                        .map(|f| view! {
                            <tr>
                                <th scope="row">{indicator_cell(&f.indicator)}</th>
                                <td>{f.period.to_string()}</td>
                                <td>{or_dash(f.now.clone().or_else(|| f.was.clone()))}</td>
                            </tr>
                        })
                        .collect_view()
                })
            };
            view! {
                <details class="details" data-testid=testid on:toggle=move |_| opened.set(true)>
                    <summary><span id=id>{format!("{title} ({total})")}</span></summary>
                    <TableRegion labelled_by=id sticky=true>
                        <table class="table">
                            <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Period"</th><th scope="col">"Figure"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </TableRegion>
                    {more_rows(total)}
                </details>
            }
        })
    };
    let named_list = |list: &[Named],
                      id: &'static str,
                      title: &'static str,
                      testid: &'static str| {
        (!list.is_empty()).then(|| view! {
            <h3 id=id>{format!("{title} ({})", list.len())}</h3>
            <ul class="list--bullet" data-testid=testid>
                {list.iter().take(MOST_ROWS).map(|n| view! { <li>{indicator_cell(n)}</li> }).collect_view()}
            </ul>
            {more_rows(list.len())}
        })
    };
    let targets = (!indicators.targets.is_empty()).then(|| {
        let rows = indicators.targets.iter().take(MOST_ROWS).map(|t| view! {
            <tr><th scope="row">{indicator_cell(&t.indicator)}</th><td>{t.was.clone()}</td><td>{t.now.clone()}</td></tr>
        }).collect_view();
        view! {
            <h3 id="compare-targets">{format!("Targets changed ({})", indicators.targets.len())}</h3>
            <TableRegion labelled_by="compare-targets" sticky=true>
                <table class="table" data-testid="compare-targets-table">
                    <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
            {more_rows(indicators.targets.len())}
        }
    });
    let added = named_list(
        &indicators.added,
        "compare-added",
        "Indicators added",
        "compare-added",
    );
    let removed = named_list(
        &indicators.removed,
        "compare-removed",
        "Indicators no longer in the pack",
        "compare-removed",
    );
    let new_figures = one_side(
        true,
        "compare-new-figures",
        "New figures",
        "compare-new-figures",
    );
    let dropped = one_side(
        false,
        "compare-dropped-figures",
        "Figures no longer in the pack",
        "compare-dropped-figures",
    );
    any.then(|| {
        view! {
            <h2 id="compare-indicators">"Performance indicators"</h2>
            {ratings}
            {revised}
            {new_figures}
            {dropped}
            {added}
            {removed}
            {targets}
        }
    })
}

#[component]
fn EntryDetails(details: Vec<scrutineer_core::compare::EntryDetail>) -> impl IntoView {
    (!details.is_empty()).then(|| view! {
        <h3 id="compare-entry-details">{format!("Owners and review dates ({})", details.len())}</h3>
        <TableRegion labelled_by="compare-entry-details">
            <table class="table" data-testid="compare-entry-details-table">
                <thead><tr><th scope="col">"Entry"</th><th scope="col">"What"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                <tbody>
                    {details.into_iter().map(|d| {
                        let entry = view! { <a href=d.href.clone()>{d.id.clone()}</a> };
                        view! {
                            <tr>
                                <th scope="row">{entry}" "<span class="secondary">{d.title}</span></th>
                                <td>{d.what}</td><td>{d.was}</td><td>{d.now}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableRegion>
    })
}

#[component]
fn ComplaintTables(complaints: scrutineer_core::compare::ComplaintsChanges) -> impl IntoView {
    let years = |list: &[scrutineer_core::compare::YearHeld]| {
        list.iter()
            .map(|y| format!("{} {}", y.procedure.label(), y.year))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let any = !(complaints.added.is_empty()
        && complaints.removed.is_empty()
        && complaints.revised.is_empty());
    any.then(|| view! {
        <h2 id="compare-complaints">"Complaints and compliments"</h2>
        {(!complaints.added.is_empty()).then(|| view! {
            <p data-testid="compare-years-added">
                {format!("{} added: {}.", count_of(complaints.added.len(), "Year", "Years"), years(&complaints.added))}
                " "<a href=Route::Complaints.href()>"See the complaints report"</a>
            </p>
        })}
        {(!complaints.removed.is_empty()).then(|| view! {
            <p data-testid="compare-years-removed">
                {format!("{} no longer in the pack: {}.", count_of(complaints.removed.len(), "Year", "Years"), years(&complaints.removed))}
            </p>
        })}
        {(!complaints.revised.is_empty()).then(|| view! {
            <h3 id="compare-complaints-revised">{format!("Figures revised ({})", complaints.revised.len())}</h3>
            <TableRegion labelled_by="compare-complaints-revised">
                <table class="table" data-testid="compare-complaints-table">
                    <thead><tr>
                        <th scope="col">"Procedure and year"</th><th scope="col">"Figure"</th>
                        <th scope="col">"Before"</th><th scope="col">"After"</th>
                    </tr></thead>
                    <tbody>
                        {complaints.revised.iter().map(|f| view! {
                            <tr>
                                <th scope="row">{format!("{} {}", f.procedure.label(), f.year)}</th>
                                <td>{f.figure}</td><td>{f.was.clone()}</td><td>{f.now.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableRegion>
        })}
    })
}
