//! `#/indicators/<id>`: one indicator in depth, with its chart, figures,
//! comparators, commentary and the forms that change them.

use leptos::prelude::*;
use scrutineer_core::charts::LineChart;
use scrutineer_core::domain::indicator::Indicator;
use scrutineer_core::domain::small::{hollow_key, note as small_note, small};
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::indicators::comparators::{comparator_period, comparator_who};
use scrutineer_core::indicators::overview::rate_observation;
use scrutineer_core::indicators::page::{
    figure_text, figures_in_order, source_title, summary_rows,
};
use scrutineer_core::route::Route;

use crate::components::{SmallFlag, TableRegion};
use crate::state::use_snapshot;

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
        <p class="breadcrumb"><a href=Route::Indicators.href()>"All indicators"</a></p>
        <Show
            when=found
            fallback=move || view! {
                <h1 tabindex="-1">"Indicator " {missing_id.clone()}</h1>
                <p>"This snapshot has no indicator with the id " <strong>{missing_id.clone()}</strong> "."</p>
                <p>"Check the link, or go back to " <a href=Route::Indicators.href()>"all indicators"</a> "."</p>
            }
        >
            {
                let id = id.clone();
                move || snapshot.with(|s| indicator_detail(s, &id))
            }
        </Show>
    }
}

/// One indicator's page below the breadcrumb: its details, chart, figures,
/// comparators, commentary and notes, then the forms that change them.
fn indicator_detail(s: &Snapshot, id: &str) -> AnyView {
    let Some(ind) = s.indicators.iter().find(|i| i.id == id) else {
        return ().into_any();
    };
    let summary = summary_rows(s, ind)
        .into_iter()
        .map(|(label, words)| view! { <div class="summary-list__row"><dt>{label}</dt><dd>{words}</dd></div> })
        .collect_view();
    let under = s.settings.small_numbers;
    let chart = LineChart::for_indicator(ind, under, 720.0, 320.0)
        .map(|c| view! { <IndicatorChart chart=c name=ind.name.clone() under=under/> });
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
    let has_commentary = !ind.commentary.is_empty();
    let has_notes = !ind.notes.is_empty();
    view! {
        <h1 tabindex="-1">{ind.name.clone()}</h1>
        <dl class="summary-list">{summary}</dl>
        {chart}
        {figures_table(s, ind)}
        {super::spc::spc_section(ind)}
        {(!ind.comparators.is_empty()).then(|| comparators_table(s, ind))}
        {has_commentary.then(|| view! { <h2>"Commentary"</h2> {commentary} })}
        {has_notes.then(|| view! { <h2>"Notes"</h2> <ul>{notes}</ul> })}
        <super::details::IndicatorEditor id=ind.id.clone()/>
        <super::comparators::ComparatorsEditor id=ind.id.clone()/>
        <super::notes::PeriodNotesEditor id=ind.id.clone()/>
    }
    .into_any()
}

/// Every figure held for the indicator, oldest first, with its rating,
/// note and source.
fn figures_table(s: &Snapshot, ind: &Indicator) -> impl IntoView {
    let under = s.settings.small_numbers;
    let figures = figures_in_order(ind);
    let any_small = figures
        .iter()
        .any(|o| small(&o.value, ind.unit, under).is_some());
    let rows = figures
        .into_iter()
        .map(|o| {
            let judged = rate_observation(ind, o).words();
            let flag = small(&o.value, ind.unit, under)
                .map(|k| view! { <SmallFlag small=k under=under/> });
            view! {
                <tr>
                    <th scope="row">{o.period.to_string()}</th>
                    <td class="numeric">{figure_text(&o.value, ind.unit)}{flag}</td>
                    <td>{judged}</td>
                    <td>{o.note.clone().unwrap_or_default()}</td>
                    <td>{source_title(s, o.source.as_deref())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
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
        {any_small.then(|| view! { <p class="table-note" data-testid="small-note">{small_note(under)}</p> })}
    }
}

/// The indicator's comparators, each with its period, figure and source.
fn comparators_table(s: &Snapshot, ind: &Indicator) -> impl IntoView {
    let rows = ind
        .comparators
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{comparator_who(c)}</th>
                    <td>{comparator_period(c)}</td>
                    <td class="numeric">{c.value.display(ind.unit)}</td>
                    <td>{source_title(s, c.source.as_deref())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="comparators">"Comparators"</h2>
        <TableRegion labelled_by="comparators">
            <table class="table">
                <thead><tr>
                    <th scope="col">"Comparator"</th><th scope="col">"Period"</th>
                    <th scope="col" class="numeric">"Figure"</th><th scope="col">"Source"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableRegion>
    }
}

/// The indicator's figures over time as a line, with reference lines; every
/// figure is labelled, so nothing depends on hovering (tablets have none).
#[component]
fn IndicatorChart(chart: LineChart, name: String, under: u32) -> impl IntoView {
    let any_small = chart.points.iter().any(|p| p.small.is_some());
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
                {chart.points.iter().map(|p| view! {
                    <circle class="chart__point" class:chart__point--small=p.small.is_some() cx=p.x cy=p.y r="4"/>
                    <text class="chart__value" x=p.x y=p.y - 10.0 text-anchor="middle">{p.label.clone()}</text>
                }).collect_view()}
            </svg>
            {any_small.then(|| view! {
                <p class="chart__key" data-testid="chart-small-key">
                    <svg class="chart__key-mark" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                        <circle class="chart__point chart__point--small" cx="7" cy="7" r="4"/>
                    </svg>
                    {format!(" {}", hollow_key(under))}
                </p>
            })}
        </figure>
    }
}
