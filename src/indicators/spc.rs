//! An indicator's statistical process control on its page: whether a
//! change is real and whether its target can be met, as an XmR chart with
//! a table of every figure, its limits and what it signals. The rules are
//! `scrutineer_core::spc`; the geometry `scrutineer_core::charts::xmr`.

use leptos::prelude::*;
use scrutineer_core::charts::xmr::XmrChart;
use scrutineer_core::domain::indicator::Indicator;
use scrutineer_core::spc::{self, Spc, Variation, FEWEST_POINTS};

use crate::components::TableRegion;

/// The section "Is the change real?" of an indicator's page.
pub(super) fn spc_section(ind: &Indicator) -> impl IntoView {
    let summary = spc::summary(ind, &ind.rebased_periods());
    let body = match &summary.spc {
        Spc::NoFigures => view! {
            <p data-testid="spc-too-few">"There are no figures yet to judge."</p>
        }
        .into_any(),
        Spc::TooFew { .. } => view! {
            <p data-testid="spc-too-few">
                {format!(
                    "{}. With {FEWEST_POINTS} or more figures of one kind, this shows whether a change is real or the ordinary variation of the figures; until then the direction shown compares each figure with one before it, which ordinary variation can move either way.",
                    summary.words()
                )}
            </p>
        }
        .into_any(),
        Spc::Chart(x) => {
            let show = spc::printer(ind);
            // The target the assurance is judged against.
            let target = summary.target.as_ref().map(|t| t.value);
            let chart = XmrChart::layout(x, &show, target, 720.0, 320.0);
            let rows = spc::rows(x, &show);
            let variation = summary.variation.unwrap_or(Variation::Common);
            let said = summary.words();
            let assurance = summary.assurance.map(|a| {
                view! {
                    <div class="summary-list__row">
                        <dt>"Target"</dt>
                        <dd data-testid="spc-assurance">{a.words()}</dd>
                    </div>
                }
            });
            view! {
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt>"Latest figure"</dt>
                        <dd>
                            <span class=format!("spc-tag spc-tag--{}", variation.key()) data-testid="spc-variation">
                                {said}
                            </span>
                        </dd>
                    </div>
                    {assurance}
                </dl>
                <XmrSvg chart=chart name=ind.name.clone()/>
                <TableRegion labelled_by="spc-table-caption">
                    <table class="table" data-testid="spc-table">
                        <caption class="table__caption" id="spc-table-caption">
                            "Every figure with its process's mean and limits, and what it signals"
                        </caption>
                        <thead><tr>
                            <th scope="col">"Period"</th>
                            <th scope="col" class="numeric">"Figure"</th>
                            <th scope="col" class="numeric">"Mean"</th>
                            <th scope="col" class="numeric">"Lower limit"</th>
                            <th scope="col" class="numeric">"Upper limit"</th>
                            <th scope="col">"Signal"</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.period}</th>
                                    <td class="numeric">{r.figure}</td>
                                    <td class="numeric">{r.mean}</td>
                                    <td class="numeric">{r.lower}</td>
                                    <td class="numeric">{r.upper}</td>
                                    <td>{r.signal}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableRegion>
            }
            .into_any()
        }
    };
    view! {
        <section class="spc" aria-labelledby="spc-heading" data-testid="spc">
            <h2 id="spc-heading">"Is the change real?"</h2>
            <p class="secondary">
                "Statistical process control (NHS England\u{2019}s \u{201c}Making Data Count\u{201d}): the figures\u{2019} mean and natural limits say which changes are the ordinary variation of the process and which are a real change."
            </p>
            {body}
        </section>
    }
}

/// The XmR chart: marks shaped by what they signal (a circle for ordinary
/// variation, a triangle pointing the way of a real change), a band of
/// limits for each process, every line labelled.
#[component]
fn XmrSvg(chart: XmrChart, name: String) -> impl IntoView {
    let (left, _top, right, bottom) = chart.plot;
    let special = chart
        .marks
        .iter()
        .filter(|m| m.variation.is_special())
        .count();
    let label = format!(
        "XmR chart of {} figures of {name}: {} a real change. Every figure is in the table below.",
        chart.marks.len(),
        match special {
            0 => "none signals".to_owned(),
            1 => "1 signals".to_owned(),
            n => format!("{n} signal"),
        }
    );
    view! {
        <figure class="chart" data-testid="spc-chart">
            <figcaption class="chart__caption">
                {format!("{name}: its figures, mean and process limits")}
            </figcaption>
            <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart.width, chart.height) role="img" aria-label=label>
                {chart.y_ticks.iter().map(|(y, tick)| view! {
                    <line class="chart__grid" x1=left x2=right y1=*y y2=*y/>
                    <text class="chart__tick" x=left - 8.0 y=*y + 4.0 text-anchor="end">{tick.clone()}</text>
                }).collect_view()}
                <line class="chart__axis" x1=left x2=right y1=bottom y2=bottom/>
                {chart.x_ticks.iter().map(|(x, tick)| view! {
                    <text class="chart__tick" x=*x y=bottom + 22.0 text-anchor="middle">{tick.clone()}</text>
                }).collect_view()}
                {chart.bands.iter().map(|b| view! {
                    <line class="spc__limit" x1=b.x1 x2=b.x2 y1=b.upper y2=b.upper/>
                    <line class="spc__mean" x1=b.x1 x2=b.x2 y1=b.mean y2=b.mean/>
                    <line class="spc__limit" x1=b.x1 x2=b.x2 y1=b.lower y2=b.lower/>
                }).collect_view()}
                {chart.target.map(|y| view! {
                    <line class="chart__reference" x1=left x2=right y1=y y2=y/>
                })}
                {chart.labels.iter().map(|(_, label_y, text)| view! {
                    <text class="spc__label" x=right + 8.0 y=*label_y + 10.0>{text.clone()}</text>
                }).collect_view()}
                <path class="chart__line spc__line" d=chart.path.clone()/>
                {chart.marks.iter().map(|m| view! {
                    <path class=format!("spc__mark spc__mark--{}", m.variation.key()) d=m.shape()/>
                }).collect_view()}
            </svg>
            <ul class="chart-key" aria-hidden="true">
                <li class="chart-key__item"><svg width="18" height="18" viewBox="0 0 18 18"><circle class="spc__mark spc__mark--common" cx="9" cy="9" r="5"/></svg>"Ordinary variation"</li>
                <li class="chart-key__item"><svg width="34" height="18" viewBox="0 0 34 18"><path class="spc__mark spc__mark--improving" d="M8 2L15 15L1 15Z M26 16L33 3L19 3Z"/></svg>"Special cause, improving (filled)"</li>
                <li class="chart-key__item"><svg width="34" height="18" viewBox="0 0 34 18"><path class="spc__mark spc__mark--concerning" d="M8 3L14 14L2 14Z M26 15L32 4L20 4Z"/></svg>"Special cause, concerning (hollow)"</li>
                <li class="chart-key__item"><svg width="34" height="18" viewBox="0 0 34 18"><path class="spc__mark spc__mark--neutral" d="M8 2L15 15L1 15Z M26 16L33 3L19 3Z"/></svg>"Special cause, where neither way is better"</li>
                <li class="chart-key__item">"A triangle points up for higher than usual, down for lower"</li>
            </ul>
        </figure>
    }
}
