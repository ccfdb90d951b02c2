//! `#/enter`: one period's figures for many indicators, with the changes
//! listed before saving; the page also holds the CSV, add-indicator and
//! service-area forms.

use std::collections::BTreeMap;

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::indicators::entry::{
    enter_figures, entries_in_order, entry_period, held_figures, pending_changes, shown_text,
    suggested_period, EntryError, PendingChange,
};
use scrutineer_core::text::capitalise;

use super::add::{AddIndicator, ServiceAreaForm};
use super::from_csv::FiguresFromCsv;
use crate::browser;
use crate::components::{described_by_with, settle, ErrorSummary};
use crate::state::use_notices;
use crate::workspace::use_workspace;

/// `#/enter`: one period's figures for many indicators, as an officer
/// prepares the pack. Each box shows the figure held for the period as soon
/// as the period can be read; what the officer types replaces it (a box's
/// text is selected when it is focused), and every change is listed against
/// the held figure before it is saved. Saved all together or not at all;
/// undoable.
#[component]
pub fn EnterFiguresPage() -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let suggested = workspace.snapshot.with_untracked(suggested_period);
    let period_text = RwSignal::new(suggested.to_string());
    let period = Memo::new(move |_| period_text.with(|t| entry_period(t)));
    // What the officer typed, by indicator; every other box shows the held figure.
    let typed: RwSignal<BTreeMap<String, String>> = RwSignal::new(BTreeMap::new());
    let held = Memo::new(move |_| match period.get() {
        Ok(p) => workspace.snapshot.with(|s| held_figures(s, &p)),
        Err(_) => BTreeMap::new(),
    });
    let pending = Memo::new(move |_| match period.get() {
        Ok(p) => workspace
            .snapshot
            .with(|s| typed.with(|t| pending_changes(s, &p, t))),
        Err(_) => vec![],
    });
    let errors: RwSignal<Vec<EntryError>> = RwSignal::new(vec![]);
    // Errors belong to the period they were found for.
    Effect::new(move |previous: Option<Option<Period>>| {
        let current = period.with(|p| p.as_ref().ok().copied());
        if previous.is_some_and(|prev| prev != current) {
            errors.set(vec![]);
        }
        current
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(p) = period.get_untracked() else {
            browser::focus("#enter-period");
            return;
        };
        let result = workspace.snapshot.with_untracked(|s| {
            typed.with_untracked(|t| enter_figures(s, p, &entries_in_order(s, t)))
        });
        match settle(errors, "#enter-errors", result) {
            None => {}
            Some((_, 0)) => notices.status(format!("No figures for {p} were changed.")),
            Some((next, changed)) => {
                let noun = if changed == 1 { "figure" } else { "figures" };
                workspace.edit(format!("Entered {changed} {noun} for {p}"), next);
                typed.set(BTreeMap::new());
                let query = scrutineer_core::indicators::overview::Filter {
                    period: Some(p),
                    ..Default::default()
                }
                .to_query();
                browser::go(&format!("#/indicators?{query}"));
            }
        }
    };
    let error_for = move |id: String| {
        move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.indicator == id)
                    .map(|e| e.message.clone())
            })
        }
    };
    let areas = move || {
        workspace.snapshot.with(|s| {
            s.service_areas
                .iter()
                .map(|area| {
                    let fields = s
                        .indicators
                        .iter()
                        .filter(|i| i.service_area == area.id)
                        .map(|i| {
                            let id = i.id.clone();
                            let input_id = format!("enter-{id}");
                            let unit = capitalise(i.unit.describe());
                            let latest = i
                                .latest()
                                .map(|o| format!("Latest held: {} ({})", o.value.display(i.unit), o.period));
                            let hint = {
                                let id = id.clone();
                                move || {
                                    let shown_period = period.with(|p| p.as_ref().ok().copied());
                                    let held_now = held.with(|h| h.get(&id).cloned());
                                    match (shown_period, held_now, &latest) {
                                        (Some(p), Some(h), _) => format!("{unit}. Held for {p}: {h}."),
                                        (Some(p), None, Some(l)) => format!("{unit}. None held for {p}. {l}."),
                                        (_, _, Some(l)) => format!("{unit}. {l}."),
                                        (_, _, None) => format!("{unit}. No figure held yet."),
                                    }
                                }
                            };
                            let message = error_for(id.clone());
                            let has_error = {
                                let message = message.clone();
                                move || message().is_some()
                            };
                            let has_error_aria = has_error.clone();
                            let has_error_class = has_error.clone();
                            let change = {
                                let id = id.clone();
                                move || pending.with(|list| list.iter().find(|c| c.indicator == id).map(PendingChange::describe))
                            };
                            let value_id = id.clone();
                            let set_id = id.clone();
                            let hint_id = format!("{input_id}-hint");
                            let error_id = format!("{input_id}-error");
                            let change_id = format!("{input_id}-change");
                            let described = {
                                let change = change.clone();
                                described_by_with(
                                    Some(hint_id.clone()),
                                    error_id.clone(),
                                    Signal::derive(message.clone()),
                                    vec![(change_id.clone(), Signal::derive(move || change().is_some()))],
                                )
                            };
                            view! {
                                <div class="form-group" class:form-group--error=has_error_class>
                                    <label class="label" for=input_id.clone()>{i.name.clone()}</label>
                                    <p class="hint" id=hint_id>{hint}</p>
                                    {move || message().map(|m| view! {
                                        <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                                    })}
                                    <input
                                        class="input input--figure"
                                        id=input_id
                                        type="text"
                                        inputmode="decimal"
                                        autocomplete="off"
                                        aria-describedby=described
                                        aria-invalid=move || has_error_aria().then_some("true")
                                        prop:value=move || held.with(|h| typed.with(|t| shown_text(h, t, &value_id)))
                                        on:focus=browser::select_on_focus
                                        on:mouseup=browser::keep_focus_selection
                                        on:input=move |e| {
                                            let v = event_target_value(&e);
                                            typed.update(|t| { t.insert(set_id.clone(), v); });
                                        }
                                    />
                                    {move || change().map(|c| view! {
                                        <p class="change-note" id=change_id.clone() data-testid="pending-change">{c}</p>
                                    })}
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">{area.name.clone()}</legend>
                            {fields}
                        </fieldset>
                    }
                })
                .collect_view()
        })
    };
    let period_error = move || period.with(|p| p.as_ref().err().map(|e| e.0.clone()));
    // Each refused entry, named by its indicator, linking to its box.
    let summary = Signal::derive(move || {
        workspace.snapshot.with(|s| {
            errors.with(|list| {
                list.iter()
                    .map(|e| {
                        let name = s
                            .indicators
                            .iter()
                            .find(|i| i.id == e.indicator)
                            .map_or(e.indicator.as_str(), |i| i.name.as_str());
                        (
                            format!("enter-{}", e.indicator),
                            format!("{name}: {}", e.message),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let no_indicators = move || workspace.snapshot.with(|s| s.indicators.is_empty());
    view! {
        <p class="breadcrumb"><a href="#/indicators">"All indicators"</a></p>
        <h1 tabindex="-1">"Enter figures"</h1>
        <Show when=no_indicators>
            <div class="panel" data-testid="enter-empty">
                <h2 class="panel__title">"There are no indicators to enter figures for yet"</h2>
                <p>
                    "Add a service area, then its indicators, below; or bring them in from the spreadsheet "
                    "\u{201c}Download figures (CSV)\u{201d} writes."
                </p>
                <div class="button-group">
                    <button type="button" class="button button--secondary" on:click=move |_| browser::focus("#new-name")>"Add an indicator"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| browser::focus("#area-name")>"Add a service area"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| browser::focus("#figures-csv")>"Open figures from a spreadsheet"</button>
                </div>
            </div>
        </Show>
        <Show when=move || !no_indicators()>
        <p class="lede">
            "Type each figure as the pack prints it: 1,412, 57.5%, 1,412 / 57.5, or - where there is none. "
            "Each box shows the figure held for the period; what you type replaces it. "
            "Leave a box empty to leave that indicator as it is. Nothing is saved until every figure can be read."
        </p>
        <form class="form form--wide" novalidate on:submit=save data-testid="enter-form">
            <ErrorSummary id="enter-errors" errors=summary/>
            <div class="form-group" class:form-group--error=move || period_error().is_some()>
                <label class="label" for="enter-period">"Period"</label>
                <p class="hint" id="enter-period-hint">"A quarter such as Q2 2019/20, or a financial year such as 2019/20."</p>
                {move || period_error().map(|m| view! { <p class="error-message" id="enter-period-error"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                <input
                    class="input input--period"
                    id="enter-period"
                    type="text"
                    autocomplete="off"
                    aria-describedby=move || if period_error().is_some() { "enter-period-hint enter-period-error" } else { "enter-period-hint" }
                    aria-invalid=move || period_error().is_some().then_some("true")
                    prop:value=move || period_text.get()
                    on:input=move |e| period_text.set(event_target_value(&e))
                />
            </div>
            {areas}
            <PendingSummary pending=pending/>
            <button type="submit" class="button">"Save figures"</button>
        </form>
        </Show>
        <FiguresFromCsv/>
        <AddIndicator/>
        <ServiceAreaForm/>
    }
}

/// The figures the form will change, listed by the save button so the
/// officer checks them against those held before saving.
#[component]
fn PendingSummary(pending: Memo<Vec<PendingChange>>) -> impl IntoView {
    view! {
        <div class="panel panel--changes" data-testid="pending-changes" aria-live="polite">
            {move || pending.with(|list| {
                if list.is_empty() {
                    view! { <p class="secondary">"No figure will change yet."</p> }.into_any()
                } else {
                    let n = list.len();
                    view! {
                        <h2 class="panel__title">{format!("Saving will change {}", count_of(n, "figure", "figures"))}</h2>
                        <ul class="list">
                            {list.iter().map(|c| view! { <li><strong>{c.name.clone()}</strong>": "{c.describe()}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </div>
    }
}
