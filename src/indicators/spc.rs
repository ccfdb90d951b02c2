//! An indicator's statistical process control on its page: whether a
//! change is real and whether its target can be met, as an XmR chart with
//! a table of every figure, its limits and what it signals. The rules are
//! `scrutineer_core::spc`; the geometry `scrutineer_core::charts::xmr`.

use leptos::prelude::*;
use scrutineer_core::charts::xmr::XmrChart;
use scrutineer_core::domain::indicator::Indicator;
use scrutineer_core::spc::{self, Spc, Variation, FEWEST_POINTS};

use scrutineer_core::domain::period::Period;
use scrutineer_core::form::FormField;
use scrutineer_core::indicators::rebasing::{self, RebasingField};

use crate::components::{
    described_by, message_for, settle, summary_of, ErrorSummary, NoticesHere, TableRegion,
    TextField,
};
use crate::workspace::use_workspace;

/// Where the change-of-process form's notices show.
const REBASING: &str = "rebasing";

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
                <Rebasings indicator=ind.clone()/>
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

/// The changes of process held, each with a Remove button, and the form
/// that records another: the period the new process starts, and why.
#[component]
fn Rebasings(indicator: Indicator) -> impl IntoView {
    let workspace = use_workspace();
    let id = indicator.id.clone();
    let choices = rebasing::choices(&indicator);
    let chosen = RwSignal::new(None::<Period>);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(vec![]);
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (period, why) = (chosen.get_untracked(), reason.get_untracked());
        let result = workspace
            .snapshot()
            .with_untracked(|s| rebasing::add(s, &save_id, period, &why));
        if let Some(next) = settle(errors, "rebase-errors", result) {
            let p = period.expect("a saved change of process has its period");
            workspace.edit_at(REBASING, format!("The limits now start again at {p}"), next);
        }
    };
    let held = indicator
        .rebasings
        .iter()
        .map(|r| {
            let (id, period) = (id.clone(), r.period);
            let remove = move |_| {
                let next = workspace
                    .snapshot()
                    .with_untracked(|s| rebasing::remove(s, &id, period));
                if let Some(next) = next {
                    workspace.edit_at(REBASING, format!("The limits no longer start again at {period}"), next);
                }
            };
            view! {
                <li class="rebasing">
                    <span>{format!("From {}: {}", r.period, r.reason)}</span>
                    " "
                    <button type="button" class="button button--secondary button--small" on:click=remove aria-label=format!("Remove the change of process at {}", r.period)>
                        "Remove"
                    </button>
                </li>
            }
        })
        .collect_view();
    let period_error = message_for(errors, RebasingField::Period);
    let period_id = RebasingField::Period.id();
    let period_error_id = format!("{period_id}-error");
    let hint_id = format!("{period_id}-hint");
    let described = described_by(
        Some(hint_id.clone()),
        period_error_id.clone(),
        Signal::derive(period_error),
    );
    view! {
        <h3 id="rebasing-heading">"Changes of process"</h3>
        <NoticesHere at=REBASING/>
        {match indicator.rebasings.is_empty() {
            true => view! {
                <p data-testid="rebasings">"None recorded: one set of limits is drawn from every figure."</p>
            }.into_any(),
            false => view! {
                <ul class="list--bullet rebasings" data-testid="rebasings">{held}</ul>
            }.into_any(),
        }}
        <details class="details" data-testid="rebasing-form">
            <summary>"Record a change of process"</summary>
            <p class="hint">
                "Where the way the service runs changed (a new system, a changed definition), its limits start again from the first period of the new process, so the new figures are judged against their own level. Give the reason: it is kept with the indicator."
            </p>
            <form class="form" novalidate on:submit=save>
                <ErrorSummary id="rebase-errors" errors=summary_of(errors)/>
                <div class="form-group" class:form-group--error=move || period_error().is_some()>
                    <label class="label" for=period_id.clone()>"First period of the new process"</label>
                    <p class="hint" id=hint_id>"One of the charted figures after the first."</p>
                    {move || period_error().map(|m| view! { <p class="error-message" id=period_error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    <select class="select" id=period_id aria-describedby=described on:change=move |e| chosen.set(event_target_value(&e).parse().ok())>
                        <option value="" selected=true>"Choose a period"</option>
                        {choices.iter().map(|p| view! { <option value=p.to_string()>{p.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <TextField id=RebasingField::Reason.id() label="Why the process changed" hint="Shown with the chart, for example \u{201c}New booking system from April 2018\u{201d}." value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=Signal::derive(message_for(errors, RebasingField::Reason))/>
                <button type="submit" class="button">"Start the limits again"</button>
            </form>
        </details>
    }
}
