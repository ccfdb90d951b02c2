//! `#/complaints`: the annual complaints report as live charts for the
//! procedure and year in the address, its picker and the year at a glance.

use leptos::prelude::*;
use scrutineer_core::complaints::report::{
    self as report, add_figures_href, checks, find, Choice, Figure,
};
use scrutineer_core::domain::snapshot::Snapshot;
use scrutineer_core::route::Route;

use crate::browser;
use crate::components::{ChartKind, EmptyState, FigureBlock, LinkNote};
use crate::state::{use_query, use_snapshot};

/// `#/complaints`: the statutory annual report as live charts, for one
/// procedure and year chosen in the address.
#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let snapshot = use_snapshot();
    let query = use_query();
    let choice = Memo::new(move |_| snapshot.with(|s| query.with(|q| Choice::from_query(s, q))));
    let link_problem =
        Signal::derive(move || snapshot.with(|s| query.with(|q| Choice::link_problem(s, q))));
    view! {
        <h1 tabindex="-1">"Complaints and compliments"</h1>
        <p class="lede">
            "The annual complaints report as charts: complaints and compliments by year, stage, outcome and subject, with timeliness and the Ombudsman's decisions."
        </p>
        <LinkNote text=link_problem/>
        {move || match choice.get() {
            Some(c) => view! { <Report choice=c/> }.into_any(),
            None => view! {
                <EmptyState what="complaints or compliments figures"/>
                <div class="button-group">
                    <a class="button" href=Route::ComplaintsFigures.href()>"Add a year's figures"</a>
                    <a class="button button--secondary" href=Route::ComplaintsCases.href()>"Bring in a case list"</a>
                </div>
            }.into_any(),
        }}
    }
}

/// The report's seven figures in order, each with how it is drawn.
pub(crate) fn figures(s: &Snapshot, choice: &Choice) -> [(Figure, ChartKind); 7] {
    [
        (report::trend(s, choice), ChartKind::Lines),
        (report::compliments(s, choice), ChartKind::Grouped),
        (report::stages(s, choice), ChartKind::Stacked),
        (report::outcomes(s, choice), ChartKind::Stacked),
        (report::categories(s, choice), ChartKind::Rows),
        (report::timeliness(s, choice), ChartKind::Percent),
        (report::ombudsman(s, choice), ChartKind::Percent),
    ]
}

#[component]
fn Report(choice: Choice) -> impl IntoView {
    let snapshot = use_snapshot();
    // With the small-number threshold, so a change to it alone redraws the flags.
    let figures =
        Memo::new(move |_| snapshot.with(|s| (figures(s, &choice), s.settings.small_numbers)));
    let edit = choice.figures_href();
    let add = add_figures_href(choice.procedure);
    let held =
        Memo::new(move |_| snapshot.with(|s| find(s, choice.year, choice.procedure).is_some()));
    view! {
        <Picker choice=choice/>
        <div class="button-group">
            {move || if held.get() {
                view! { <a class="button" href=edit.clone() data-testid="change-figures">{format!("Change the {} figures", choice.year)}</a> }.into_any()
            } else {
                view! { <a class="button" href=edit.clone()>{format!("Add figures for {}", choice.year)}</a> }.into_any()
            }}
            <a class="button button--secondary" href=add>"Add another year"</a>
            <a class="button button--secondary" href=Route::ComplaintsCases.href()>"Bring in a case list"</a>
        </div>
        <AtAGlance choice=choice/>
        <nav class="contents" aria-label="Charts on this page">
            <h2 class="contents__title">"Charts"</h2>
            <ol class="contents__list">
                {move || figures.get().0.into_iter().map(|(f, _)| {
                    let anchor = f.anchor();
                    view! {
                        <li><a href=format!("#{anchor}") on:click=move |ev| {
                            ev.prevent_default();
                            browser::focus_id(&anchor);
                        }>{f.title.clone()}</a></li>
                    }
                }).collect_view()}
            </ol>
        </nav>
        {move || {
            let (drawn, under) = figures.get();
            drawn.into_iter().map(|(f, kind)| view! { <FigureBlock figure=f kind=kind under=under/> }).collect_view()
        }}
    }
}

/// The procedure and year, chosen from what is held; a choice changes the address.
#[component]
fn Picker(choice: Choice) -> impl IntoView {
    let snapshot = use_snapshot();
    let pick_procedure = move |event: leptos::ev::Event| {
        if let Some(chosen) = choice.with_procedure_key(&event_target_value(&event)) {
            browser::go(&chosen.href());
        }
    };
    let pick_year = move |event: leptos::ev::Event| {
        if let Some(chosen) = choice.with_year_text(&event_target_value(&event)) {
            browser::go(&chosen.href());
        }
    };
    view! {
        <div class="toolbar toolbar--start">
            <div class="form-group form-group--inline">
                <label class="label" for="procedure-picker">"Procedure"</label>
                <select class="select" id="procedure-picker" data-testid="procedure-picker" on:change=pick_procedure>
                    {move || snapshot.with(|s| report::procedures(s)).into_iter().map(|p| view! {
                        <option value=p.key() selected=p == choice.procedure>{p.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-group form-group--inline">
                <label class="label" for="year-picker">"Year"</label>
                <select class="select" id="year-picker" data-testid="year-picker" on:change=pick_year>
                    {move || snapshot.with(|s| report::years(s)).into_iter().rev().map(|y| {
                        let label = y.to_string();
                        view! { <option value=label.clone() selected=y == choice.year>{label.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

/// The chosen year's headline figures, what does not add up, and the
/// report's own notes.
#[component]
fn AtAGlance(choice: Choice) -> impl IntoView {
    let snapshot = use_snapshot();
    move || {
        snapshot.with(|s| {
            let heading = choice.heading();
            let Some(c) = find(s, choice.year, choice.procedure) else {
                return view! {
                    <section class="glance" aria-labelledby="glance-heading">
                        <h2 id="glance-heading">{heading}</h2>
                        <p>{choice.nothing_held()}</p>
                    </section>
                }
                .into_any();
            };
            let (headline, more) = report::glance(s, &choice);
            let problems = checks(c);
            let notes = c.notes.clone();
            view! {
                <section class="glance" aria-labelledby="glance-heading">
                    <h2 id="glance-heading">{heading}</h2>
                    <ul class="headlines" data-testid="headlines">
                        {headline.into_iter().map(|h| view! {
                            <li class="headline">
                                <span class="headline__label">{h.label}</span>
                                <span class="headline__value">{h.value}</span>
                                {h.detail.map(|d| view! { <span class="headline__detail">{d}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                    {(!more.is_empty()).then(|| view! {
                        <dl class="summary-list summary-list--compact" data-testid="glance">
                            {more.into_iter().map(|(k, v)| view! {
                                <div class="summary-list__row"><dt>{k}</dt><dd>{v}</dd></div>
                            }).collect_view()}
                        </dl>
                    })}
                    {(!problems.is_empty()).then(|| view! {
                        <div class="panel panel--warning" data-testid="checks">
                            <h3 class="panel__title">"Figures that do not add up"</h3>
                            <p>"Worth asking about: the figures as held disagree with each other."</p>
                            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {(!notes.is_empty()).then(|| view! {
                        <details class="details">
                            <summary class="details__summary">{format!("Notes on these figures ({})", notes.len())}</summary>
                            <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        </details>
                    })}
                </section>
            }
            .into_any()
        })
    }
}
