use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::rag::Polarity;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::domain::value::group_thousands;
use scrutineer_core::indicators::overview::{
    default_period, overview, reporting_periods, AreaTable, Filter, Standing, Tally, Travel,
};
use scrutineer_core::route::Route;

use crate::components::{EmptyState, LinkNote, TableRegion};
use crate::state::{use_query, use_snapshot};

/// Every figure as a spreadsheet: long form, one row per indicator and period.
fn download_csv(
    snapshot: RwSignal<scrutineer_core::domain::snapshot::Snapshot>,
    notices: crate::state::Notices,
) {
    let (name, text) = snapshot.with_untracked(|s| {
        let stem = scrutineer_core::file::store::file_name(s);
        let stem = stem.trim_end_matches(".json").to_owned();
        (
            format!("{stem}-figures.csv"),
            scrutineer_core::indicators::csv::export_figures(s),
        )
    });
    if crate::browser::download(&name, &text, "text/csv") {
        notices.status(format!(
            "Downloaded \u{201c}{name}\u{201d}: every figure, one row each, for Excel."
        ));
    }
}

/// `#/indicators`: the quarter's performance at a glance, with filters in the address.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let query = use_query();
    let filter = Memo::new(move |_| query.with(|q| Filter::from_query(q)));
    // Worked out once per snapshot, not again at every change of period.
    let periods = Memo::new(move |_| snapshot.with(reporting_periods));
    let period = Memo::new(move |_| {
        filter
            .with(|f| f.period)
            .or_else(|| snapshot.with(default_period))
    });
    let empty = move || snapshot.with(|s| s.indicators.is_empty());
    // A mistyped or out-of-date link says what was not understood.
    let link_problem =
        Signal::derive(move || periods.with(|p| query.with(|q| Filter::link_problem(p, q))));
    view! {
        <h1 tabindex="-1">"Performance indicators"</h1>
        <LinkNote text=link_problem/>
        <Show when=move || !empty() fallback=|| view! { <EmptyState what="performance indicators"/> }>
            {move || period.get().map(|p| view! { <Overview filter=filter period=p periods=periods/> })}
        </Show>
    }
}

/// The picker, the counts, the filters and the tables for one period.
#[component]
fn Overview(filter: Memo<Filter>, period: Period, periods: Memo<Vec<Period>>) -> impl IntoView {
    let snapshot = use_snapshot();
    let notices = crate::state::use_notices();
    // Counts ignore the rating and direction filters, so they show the whole picture.
    let tally = Memo::new(move |_| {
        let base = filter.with(|f| Filter {
            standing: None,
            travel: None,
            ..f.clone()
        });
        snapshot.with(|s| {
            Tally::of(
                s.indicators.iter().filter(|i| base.matches(i, &period)),
                &period,
            )
        })
    });
    let tables = Memo::new(move |_| snapshot.with(|s| filter.with(|f| overview(s, f, &period))));
    let shown = move || tables.with(|t| t.iter().map(|a| a.rows.len()).sum::<usize>());
    let total = move || snapshot.with(|s| s.indicators.len());
    // A tapped count filters the tables: bring the person to the result.
    let show_results = move |_| crate::browser::reveal_after_render("#indicator-results");
    view! {
        <div class="toolbar toolbar--compact toolbar--head">
            <PeriodPicker filter=filter period=period periods=periods/>
        </div>
        <div class="count-bar">
            <section class="count-group" aria-labelledby="targets-heading">
                <h2 id="targets-heading" class="count-group__title">{format!("Are we achieving our targets? ({period})")}</h2>
                <ul class="count-chips" data-testid="standing-counts">
                    {Standing::ALL.into_iter().map(|s| {
                        let count = move || tally.with(|t| t.standing(s));
                        let target = move || filter.with(|f| Filter {
                            standing: (f.standing != Some(s)).then_some(s),
                            period: Some(period),
                            ..f.clone()
                        });
                        let current = move || filter.with(|f| f.standing == Some(s));
                        view! {
                            <li>
                                <a class="count-link" href=move || Filter::href(&target()) aria-current=move || current().then_some("true") on:click=show_results>
                                    <span class="count-link__number">{count}</span>
                                    " "
                                    <StandingBadge standing=s/>
                                    " "
                                    <span>{s.label()}</span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <section class="count-group" aria-labelledby="better-heading">
                <h2 id="better-heading" class="count-group__title">"Are we getting better?"</h2>
                <ul class="count-chips" data-testid="travel-counts">
                    {Travel::ALL.into_iter().map(|t| {
                        let count = move || tally.with(|x| x.travel(t));
                        let target = move || filter.with(|f| Filter {
                            travel: (f.travel != Some(t)).then_some(t),
                            period: Some(period),
                            ..f.clone()
                        });
                        let current = move || filter.with(|f| f.travel == Some(t));
                        view! {
                            <li>
                                <a class="count-link" href=move || Filter::href(&target()) aria-current=move || current().then_some("true") on:click=show_results>
                                    <span class="count-link__number">{count}</span>
                                    " "
                                    <TravelBadge travel=t/>
                                    " "
                                    <span>{t.label()}</span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </div>
        <FilterForm filter=filter period=period/>
        <div class="results-bar">
            <p class="results-line" id="indicator-results" tabindex="-1" data-testid="results-line" role="status">
                {move || format!("Showing {} of {}.", count_of(shown(), "indicator", "indicators"), group_thousands(total() as f64, 0))}
                " "
                <Show when=move || filter.with(|f| *f != Filter { period: f.period, ..Filter::default() })>
                    <a href=move || Filter::href(&Filter { period: Some(period), ..Filter::default() })>"Clear filters"</a>
                </Show>
            </p>
            <div class="button-group button-group--tight">
                <a class="button button--secondary" href=Route::EnterFigures.href() data-testid="enter-figures">"Enter figures"</a>
                <button type="button" class="button button--secondary" data-testid="download-csv" on:click=move |_| download_csv(snapshot, notices)>
                    "Download figures (CSV)"
                </button>
            </div>
        </div>
        // The count chips above are the key: each shape with its words.
        {move || tables.get().into_iter().map(|table| view! { <AreaTableView table=table period=period/> }).collect_view()}
    }
}

#[component]
fn PeriodPicker(filter: Memo<Filter>, period: Period, periods: Memo<Vec<Period>>) -> impl IntoView {
    let options = move || periods.get();
    let change = move |event: leptos::ev::Event| {
        let chosen: Option<Period> = event_target_value(&event).parse().ok();
        let next = filter.with_untracked(|f| Filter {
            period: chosen,
            ..f.clone()
        });
        crate::browser::go(&next.href());
    };
    view! {
        <div class="form-group form-group--inline">
            <label class="label" for="period-picker">"Reporting period"</label>
            <select class="select" id="period-picker" data-testid="period-picker" on:change=change>
                {move || options().into_iter().map(|p| {
                    let label = p.to_string();
                    view! { <option value=label.clone() selected=p == period>{label.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn FilterForm(filter: Memo<Filter>, period: Period) -> impl IntoView {
    let snapshot = use_snapshot();
    let area = RwSignal::new(filter.with_untracked(|f| f.area.clone().unwrap_or_default()));
    let worse = RwSignal::new(filter.with_untracked(|f| f.worse_than_england));
    let text = RwSignal::new(filter.with_untracked(|f| f.text.clone()));
    // Follow the address when it changes by a link (a count, "Clear filters").
    Effect::new(move |_| {
        filter.with(|f| {
            area.set(f.area.clone().unwrap_or_default());
            worse.set(f.worse_than_england);
            text.set(f.text.clone());
        });
    });
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = filter.with_untracked(|f| Filter {
            period: Some(period),
            area: Some(area.get_untracked()).filter(|a| !a.is_empty()),
            worse_than_england: worse.get_untracked(),
            text: text.get_untracked().trim().to_owned(),
            ..f.clone()
        });
        crate::browser::go(&next.href());
        crate::browser::reveal_after_render("#indicator-results");
    };
    view! {
        <details class="filters-details" prop:open=move || filter.with(|f| f.area.is_some() || f.worse_than_england || !f.text.is_empty())>
        <summary class="filters-details__summary" data-testid="filters-toggle">"Filter by service area, words or England"</summary>
        <form class="filters" on:submit=apply data-testid="filters" aria-label="Filter indicators">
            <div class="form-group">
                <label class="label" for="filter-area">"Service area"</label>
                <select class="select" id="filter-area" on:change=move |e| area.set(event_target_value(&e)) prop:value=move || area.get()>
                    <option value="">"All service areas"</option>
                    {move || snapshot.with(|s| s.service_areas.iter().map(|a| {
                        let id = a.id.clone();
                        view! { <option value=id>{a.name.clone()}</option> }
                    }).collect_view())}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="filter-text">"Search indicators"</label>
                <input class="input" id="filter-text" type="search" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))/>
            </div>
            <div class="form-group checkbox">
                <input class="checkbox__input" id="filter-england" type="checkbox" prop:checked=move || worse.get() on:change=move |e| worse.set(event_target_checked(&e))/>
                <label class="checkbox__label" for="filter-england">"Worse than England only"</label>
            </div>
            <button type="submit" class="button">"Apply filters"</button>
        </form>
        </details>
    }
}

#[component]
pub(crate) fn RagKey() -> impl IntoView {
    view! {
        <ul class="rag-key rag-key--inline" aria-label="Key">
            {[Standing::Green, Standing::Amber, Standing::Red].into_iter().map(|s| view! {
                <li><StandingBadge standing=s/>{format!(" {}", s.label())}</li>
            }).collect_view()}
            <li>"No mark: no target, or no figure"</li>
        </ul>
    }
}

/// The shape and colour of a standing; screen readers hear its words.
#[component]
fn StandingBadge(standing: Standing) -> impl IntoView {
    let (class, shape) = standing.badge();
    view! { <span class=class aria-hidden="true">{shape}</span> }
}

#[component]
fn TravelBadge(travel: Travel) -> impl IntoView {
    let (class, arrow) = travel.badge();
    view! { <span class=class aria-hidden="true">{arrow}</span> }
}

/// One service area's table; `pack` sets its heading one level down, under the pack's section.
#[component]
pub(crate) fn AreaTableView(
    table: AreaTable,
    period: Period,
    #[prop(optional)] pack: bool,
) -> impl IntoView {
    let heading = format!("area-{}", table.area_id);
    let heading_for_region = heading.clone();
    let any_elsewhere = table.any_elsewhere();
    // The rows are static: written as one piece of escaped HTML (see core's
    // `html` module), a 1,000-row pack draws in one DOM call, not 30,000.
    let body = table.rows_html();
    let shown = table.shown_columns();
    let mut shown = shown.into_iter();
    let chosen_head = shown
        .next()
        .map(|c| view! { <th scope="col" class="numeric chosen-period">{c.to_string()}</th> });
    let earlier_head = shown
        .map(|c| view! { <th scope="col" class="numeric">{c.to_string()}</th> })
        .collect_view();
    let AreaTable {
        area_name,
        show_region,
        region_name,
        show_neighbours,
        tally,
        ..
    } = table;
    let region_heading =
        region_name.map_or_else(|| "Regional average".to_owned(), |n| format!("{n} average"));
    view! {
        <section class="area">
            <div class="area__head">
                {if pack {
                    view! { <h3 id=heading.clone()>{area_name}</h3> }.into_any()
                } else {
                    view! { <h2 id=heading.clone()>{area_name}</h2> }.into_any()
                }}
                <p class="area__summary" data-testid="area-summary">{tally.summary()}</p>
            </div>
            <TableRegion labelled_by=heading_for_region sticky=true>
                <table class="table table--indicators">
                    <thead>
                        <tr>
                            <th scope="col" class="indicator-name">"Indicator"</th>
                            {chosen_head}
                            <th scope="col">"Direction"<span class="visually-hidden">{format!(", {period} against the period before")}</span></th>
                            <th scope="col" class="trend-cell">"Trend"</th>
                            <th scope="col">"Good is"</th>
                            {earlier_head}
                            {any_elsewhere.then(|| view! { <th scope="col" class="numeric">"Latest other period"</th> })}
                            <th scope="col" class="numeric">"England average"</th>
                            {show_region.then(|| view! { <th scope="col" class="numeric">{region_heading}</th> })}
                            {show_neighbours.then(|| view! { <th scope="col" class="numeric">"Statistical neighbours"</th> })}
                        </tr>
                    </thead>
                    <tbody inner_html=body></tbody>
                </table>
            </TableRegion>
        </section>
    }
}

/// `#/indicators/<id>`: one indicator in depth: what it measures, every
/// figure held with its rating and source, comparators and commentary.
#[component]
pub fn IndicatorPage(
    /// The indicator's id, as the link gave it.
    id: String,
) -> impl IntoView {
    let snapshot = use_snapshot();
    let wanted = id.clone();
    let found = move || snapshot.with(|s| s.indicators.iter().any(|i| i.id == wanted));
    let missing_id = id.clone();
    view! {
        <p class="breadcrumb"><a href="#/indicators">"All indicators"</a></p>
        <Show
            when=found
            fallback=move || view! {
                <h1 tabindex="-1">"Indicator " {missing_id.clone()}</h1>
                <p>"This snapshot has no indicator with the id " <strong>{missing_id.clone()}</strong> "."</p>
                <p>"Check the link, or go back to " <a href="#/indicators">"all indicators"</a> "."</p>
            }
        >
            {
                let id = id.clone();
                move || snapshot.with(|s| indicator_detail(s, &id))
            }
        </Show>
    }
}

fn indicator_detail(s: &scrutineer_core::domain::snapshot::Snapshot, id: &str) -> AnyView {
    use scrutineer_core::indicators::overview::rate_observation;
    let Some(ind) = s.indicators.iter().find(|i| i.id == id) else {
        return ().into_any();
    };
    let area = s
        .service_area(&ind.service_area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let source_title = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| s.source(id))
            .map(|src| src.title.clone())
            .unwrap_or_default()
    };
    let mut values: Vec<_> = ind.values.iter().collect();
    values.sort_by_key(|o| (o.period.end(), std::cmp::Reverse(o.period.start())));
    let rows = values
        .into_iter()
        .map(|o| {
            let rating = rate_observation(ind, o);
            let judged = match (rating.rag(), &rating.override_reason) {
                (Some(rag), Some(reason)) => format!("{} (set by hand: {reason})", rag.label()),
                (Some(rag), None) => rag.label().to_owned(),
                (None, _) => match rating.rating {
                    scrutineer_core::domain::rag::Rating::NoTarget => "No target".to_owned(),
                    scrutineer_core::domain::rag::Rating::ContextOnly => "Context only".to_owned(),
                    _ => "No figure".to_owned(),
                },
            };
            view! {
                <tr>
                    <th scope="row">{o.period.to_string()}</th>
                    <td class="numeric">{with_rate_base(o.value.display(ind.unit), ind.unit, &o.value)}</td>
                    <td>{judged}</td>
                    <td>{o.note.clone().unwrap_or_default()}</td>
                    <td>{source_title(&o.source)}</td>
                </tr>
            }
        })
        .collect_view();
    let comparators = ind
        .comparators
        .iter()
        .map(|c| {
            let who = match &c.name {
                Some(name) => format!("{} ({name})", c.kind.label()),
                None => c.kind.label().to_owned(),
            };
            view! {
                <tr>
                    <th scope="row">{who}</th>
                    <td>{c.period.map(|p| p.to_string()).unwrap_or_else(|| "Not stated".to_owned())}</td>
                    <td class="numeric">{c.value.display(ind.unit)}</td>
                    <td>{source_title(&c.source)}</td>
                </tr>
            }
        })
        .collect_view();
    let commentary = ind
        .commentary
        .iter()
        .map(|c| view! { <h3>{c.period.to_string()}</h3><p>{c.text.clone()}</p> })
        .collect_view();
    let notes = ind
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let chart = scrutineer_core::charts::LineChart::for_indicator(ind, 720.0, 320.0)
        .map(|c| view! { <IndicatorChart chart=c name=ind.name.clone()/> });
    let has_comparators = !ind.comparators.is_empty();
    let has_commentary = !ind.commentary.is_empty();
    let has_notes = !ind.notes.is_empty();
    view! {
        <h1 tabindex="-1">{ind.name.clone()}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt>"Service area"</dt><dd>{area}</dd></div>
            <div class="summary-list__row"><dt>"Good is"</dt><dd>{match ind.polarity {
                Polarity::High => "High: a bigger number is better",
                Polarity::Low => "Low: a smaller number is better",
                Polarity::None => "Neither: context only",
            }}</dd></div>
            <div class="summary-list__row"><dt>"Measured as"</dt><dd>{ind.unit.describe()}</dd></div>
            {ind.definition.clone().map(|d| view! { <div class="summary-list__row"><dt>"Definition"</dt><dd>{d}</dd></div> })}
            {ind.owner.clone().map(|o| view! { <div class="summary-list__row"><dt>"Owner"</dt><dd>{o}</dd></div> })}
            {ind.source.as_ref().and_then(|id| s.source(id)).map(|src| view! { <div class="summary-list__row"><dt>"Source"</dt><dd>{src.title.clone()}</dd></div> })}
            {scrutineer_core::indicators::edit::target_text(ind).map(|t| view! { <div class="summary-list__row"><dt>"Target"</dt><dd>{t}</dd></div> })}
        </dl>
        {chart}
        <h2 id="figures">"Figures"</h2>
        <TableRegion labelled_by="figures">
            <table class="table">
                <thead><tr>
                    <th scope="col">"Period"</th><th scope="col" class="numeric">"Figure"</th>
                    <th scope="col">"Rating"</th><th scope="col">"Note"</th><th scope="col">"Source"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableRegion>
        {has_comparators.then(|| view! {
            <h2 id="comparators">"Comparators"</h2>
            <TableRegion labelled_by="comparators">
                <table class="table">
                    <thead><tr>
                        <th scope="col">"Comparator"</th><th scope="col">"Period"</th>
                        <th scope="col" class="numeric">"Figure"</th><th scope="col">"Source"</th>
                    </tr></thead>
                    <tbody>{comparators}</tbody>
                </table>
            </TableRegion>
        })}
        {has_commentary.then(|| view! { <h2>"Commentary"</h2> {commentary} })}
        {has_notes.then(|| view! { <h2>"Notes"</h2> <ul>{notes}</ul> })}
        <super::edit::IndicatorEditor id=ind.id.clone()/>
        <super::edit::ComparatorsEditor id=ind.id.clone()/>
        <super::edit::PeriodNotesEditor id=ind.id.clone()/>
    }
    .into_any()
}

/// The indicator's figures over time as a line, with reference lines; every
/// figure is labelled, so nothing depends on hovering (tablets have none).
#[component]
fn IndicatorChart(chart: scrutineer_core::charts::LineChart, name: String) -> impl IntoView {
    let (left, _top, right, bottom) = chart.plot;
    let per = chart.kind.describe();
    let per = per.trim_start_matches("a ").to_owned();
    let caption = format!(
        "{name}, each {per}{}. Every figure is in the table below.",
        if chart.references.is_empty() {
            String::new()
        } else {
            format!(
                ", with {}",
                chart
                    .references
                    .iter()
                    .map(|r| r.2.clone())
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        }
    );
    let summary = format!(
        "Line chart of {} figures from {} to {}.",
        chart.points.len(),
        chart
            .x_ticks
            .first()
            .map(|t| t.1.clone())
            .unwrap_or_default(),
        chart
            .x_ticks
            .last()
            .map(|t| t.1.clone())
            .unwrap_or_default()
    );
    view! {
        <figure class="chart" data-testid="indicator-chart">
            <figcaption class="chart__caption">{caption}</figcaption>
            <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img" aria-label=summary>
                {chart.y_ticks.iter().map(|(y, label)| view! {
                    <line class="chart__grid" x1=left x2=right y1=*y y2=*y/>
                    <text class="chart__tick" x=left - 8.0 y=*y + 4.0 text-anchor="end">{label.clone()}</text>
                }).collect_view()}
                <line class="chart__axis" x1=left x2=right y1=bottom y2=bottom/>
                {chart.x_ticks.iter().map(|(x, label)| view! {
                    <text class="chart__tick" x=*x y=bottom + 22.0 text-anchor="middle">{label.clone()}</text>
                }).collect_view()}
                {chart.references.iter().map(|(y, label_y, label)| view! {
                    <line class="chart__reference" x1=left x2=right y1=*y y2=*y/>
                    <text class="chart__reference-label" x=right y=*label_y text-anchor="end">{label.clone()}</text>
                }).collect_view()}
                <path class="chart__line" d=chart.path.clone()/>
                {chart.points.iter().map(|(x, y, label)| view! {
                    <circle class="chart__point" cx=*x cy=*y r="4"/>
                    <text class="chart__value" x=*x y=*y - 10.0 text-anchor="middle">{label.clone()}</text>
                }).collect_view()}
            </svg>
        </figure>
    }
}

/// "1,412 / 57.5 per 10,000": a rate says what it is per, beside its number.
fn with_rate_base(
    shown: String,
    unit: scrutineer_core::domain::value::Unit,
    value: &scrutineer_core::domain::value::Value,
) -> String {
    match (unit.rate_base(), value.number()) {
        (Some(base), Some(_)) => format!("{shown} per {}", group_thousands(base, 0)),
        _ => shown,
    }
}
