use std::collections::BTreeMap;

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::indicators::edit::{
    enter_figures, entry_period, suggested_period, EntryError,
};
use scrutineer_core::indicators::entry::{
    entries_in_order, held_figures, pending_changes, shown_text, PendingChange,
};
use scrutineer_core::text::capitalise;

use crate::browser;
use crate::components::{
    described_by_with, message_for, settle, summary_of_prefixed, ErrorSummary, NoticesHere,
    TextField,
};
use crate::state::use_notices;
use crate::workspace::use_workspace;

/// Where the figures-from-a-spreadsheet part of the page says what happened.
const FROM_CSV: &str = "from-csv";
/// Where adding an indicator says what happened.
const ADD_INDICATOR: &str = "add-indicator";

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

/// Adds an indicator to a service area (or to a new one, named here), with
/// a target if it has one; its figures are then entered above. The form
/// stays, keeping the area, unit and polarity, so the next is quick to add.
#[component]
fn AddIndicator() -> impl IntoView {
    use scrutineer_core::indicators::edit::{add_indicator, NewIndicator, NEW_AREA, UNITS};
    let workspace = use_workspace();
    let form = RwSignal::new(NewIndicator::default());
    let errors = RwSignal::new(vec![]);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = workspace
            .snapshot
            .with_untracked(|s| add_indicator(s, &form.get_untracked()));
        if let Some((next, id)) = settle(errors, "#add-indicator-errors", result) {
            let name = form.with_untracked(|f| f.name.trim().to_owned());
            let area = next
                .indicators
                .iter()
                .find(|i| i.id == id)
                .and_then(|i| next.service_area(&i.service_area))
                .map(|a| (a.id.clone(), a.name.clone()));
            let (area_id, area_name) = area.unwrap_or_default();
            workspace.edit_at(
                ADD_INDICATOR,
                format!("Added \u{201c}{name}\u{201d} to {area_name}. Add the next one here, or enter its figures above"),
                next,
            );
            form.update(|f| {
                f.name.clear();
                f.target.clear();
                f.new_area.clear();
                f.service_area = area_id;
            });
            request_animation_frame(|| browser::focus("#new-name"));
        }
    };
    let err = move |f: &'static str| message_for(errors, f);
    let shown = |m: Option<String>| {
        m.map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })
    };
    let adding_area = move || form.with(|f| f.service_area == NEW_AREA);
    let summary = summary_of_prefixed(errors, "");
    view! {
        <h2 id="add-indicator">"Add an indicator"</h2>
        <form class="form" novalidate on:submit=add data-testid="add-indicator">
            <ErrorSummary id="add-indicator-errors" errors=summary/>
            <TextField
                id="new-name"
                label="Name"
                value=Signal::derive(move || form.with(|f| f.name.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.name = v))
                error=Signal::derive(err("new-name"))
            />
            <div class="form-group" class:form-group--error=move || err("new-area")().is_some()>
                <label class="label" for="new-area">"Service area"</label>
                {move || shown(err("new-area")())}
                <select class="select" id="new-area" prop:value=move || form.with(|f| f.service_area.clone()) on:change=move |e| form.update(|f| f.service_area = event_target_value(&e))>
                    <option value="">"Choose a service area"</option>
                    {move || workspace.snapshot.with(|s| s.service_areas.iter().map(|a| view! { <option value=a.id.clone()>{a.name.clone()}</option> }).collect_view())}
                    <option value=NEW_AREA>"A new service area\u{2026}"</option>
                </select>
            </div>
            <Show when=adding_area>
                <TextField
                    id="new-area-name"
                    label="Name of the new service area"
                    value=Signal::derive(move || form.with(|f| f.new_area.clone()))
                    on_input=Callback::new(move |v: String| form.update(|f| f.new_area = v))
                    error=Signal::derive(err("new-area-name"))
                />
            </Show>
            <div class="form-group" class:form-group--error=move || err("new-unit")().is_some()>
                <label class="label" for="new-unit">"Measured as"</label>
                {move || shown(err("new-unit")())}
                <select class="select" id="new-unit" prop:value=move || form.with(|f| f.unit.clone()) on:change=move |e| form.update(|f| f.unit = event_target_value(&e))>
                    <option value="">"Choose what the figures measure"</option>
                    {UNITS.iter().map(|(key, unit)| view! { <option value=*key>{unit.describe()}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group" class:form-group--error=move || err("new-polarity")().is_some()>
                <label class="label" for="new-polarity">"Good is"</label>
                {move || shown(err("new-polarity")())}
                <select class="select" id="new-polarity" prop:value=move || form.with(|f| f.polarity.clone()) on:change=move |e| form.update(|f| f.polarity = event_target_value(&e))>
                    <option value="">"Choose"</option>
                    <option value="high">"High: a bigger number is better"</option>
                    <option value="low">"Low: a smaller number is better"</option>
                    <option value="none">"Neither: context only"</option>
                </select>
            </div>
            <TextField
                id="new-target"
                label="Target (optional)"
                hint="As the pack prints it, for example 50% or 4.5. Tolerances and goal posts are set on the indicator's page."
                inputmode="decimal"
                value=Signal::derive(move || form.with(|f| f.target.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.target = v))
                error=Signal::derive(err("new-target"))
            />
            <button type="submit" class="button">"Add indicator"</button>
        </form>
        <NoticesHere at=ADD_INDICATOR/>
    }
}

/// Adds a service area, or renames one.
#[component]
fn ServiceAreaForm() -> impl IntoView {
    use scrutineer_core::indicators::edit::save_service_area;
    let workspace = use_workspace();
    let which = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let directorate = RwSignal::new(String::new());
    let errors = RwSignal::new(vec![]);
    let choose = move |e: leptos::ev::Event| {
        let id = event_target_value(&e);
        let (n, d) = workspace.snapshot.with_untracked(|s| {
            s.service_area(&id)
                .map(|a| (a.name.clone(), a.directorate.clone().unwrap_or_default()))
                .unwrap_or_default()
        });
        which.set(id);
        name.set(n);
        directorate.set(d);
        errors.set(vec![]);
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let id = which.get_untracked();
        let id = (!id.is_empty()).then_some(id);
        let result = workspace.snapshot.with_untracked(|s| {
            save_service_area(
                s,
                id.as_deref(),
                &name.get_untracked(),
                &directorate.get_untracked(),
            )
        });
        match result {
            Ok((next, _)) => {
                errors.set(vec![]);
                let done = match id {
                    Some(_) => format!(
                        "Saved the service area \u{201c}{}\u{201d}",
                        name.get_untracked().trim()
                    ),
                    None => format!(
                        "Added the service area \u{201c}{}\u{201d}",
                        name.get_untracked().trim()
                    ),
                };
                workspace.edit(done, next);
                which.set(String::new());
                name.set(String::new());
                directorate.set(String::new());
            }
            Err(list) => errors.set(list),
        }
    };
    let name_error = message_for(errors, "area-name");
    view! {
        <h2 id="service-areas">"Add or rename a service area"</h2>
        <form class="form" novalidate on:submit=save data-testid="area-form">
            <div class="form-group">
                <label class="label" for="area-which">"Service area"</label>
                <select class="select" id="area-which" prop:value=move || which.get() on:change=choose>
                    <option value="">"A new service area"</option>
                    {move || workspace.snapshot.with(|s| s.service_areas.iter().map(|a| view! { <option value=a.id.clone()>{a.name.clone()}</option> }).collect_view())}
                </select>
            </div>
            <TextField
                id="area-name"
                label="Name"
                value=Signal::derive(move || name.get())
                on_input=Callback::new(move |v: String| name.set(v))
                error=Signal::derive(name_error)
            />
            <TextField
                id="area-directorate"
                label="Directorate (optional)"
                value=Signal::derive(move || directorate.get())
                on_input=Callback::new(move |v: String| directorate.set(v))
                error=Signal::derive(|| None)
            />
            <button type="submit" class="button">"Save service area"</button>
        </form>
    }
}

/// Figures from a spreadsheet: the long-form CSV the overview downloads.
/// Every change is listed before anything is replaced.
#[component]
fn FiguresFromCsv() -> impl IntoView {
    use scrutineer_core::indicators::csv::{import_figures, FiguresImport};
    let workspace = use_workspace();
    let notices = use_notices();
    let pending: RwSignal<Option<(String, FiguresImport)>> = RwSignal::new(None);
    let chosen = move |event: leptos::ev::Event| {
        pending.set(None);
        notices.read_chosen(&event, FROM_CSV, move |name, text| {
            match workspace
                .snapshot
                .with_untracked(|s| import_figures(s, &text))
            {
                Ok(result) if result.changes.is_empty() => {
                    let not_read = result.not_read.join(" ");
                    notices.status_at(
                        FROM_CSV,
                        format!(
                            "\u{201c}{name}\u{201d} holds no figures or comparators that differ from those open now. {not_read}"
                        )
                        .trim_end()
                        .to_owned(),
                        vec![],
                    );
                }
                Ok(result) => pending.set(Some((name, result))),
                Err(errors) => {
                    const LISTED: usize = 10;
                    let mut list: Vec<String> = errors
                        .iter()
                        .take(LISTED)
                        .map(ToString::to_string)
                        .collect();
                    if errors.len() > LISTED {
                        list.push(format!("and {} more", errors.len() - LISTED));
                    }
                    notices.error_at(FROM_CSV, format!(
                        "Could not open \u{201c}{name}\u{201d}: {} {} Nothing has been changed.",
                        if errors.len() == 1 {
                            "1 row has a problem:".to_owned()
                        } else {
                            format!("{} problems:", errors.len())
                        },
                        list.join("; ") + "."
                    ));
                }
            }
        });
    };
    let confirm = move |_| {
        if let Some((name, result)) = pending.get_untracked() {
            pending.set(None);
            workspace.edit_at(
                FROM_CSV,
                format!("Opened {} from \u{201c}{name}\u{201d}", result.counted()),
                result.snapshot,
            );
        }
    };
    view! {
        <h2 id="from-csv">"Or open figures from a spreadsheet"</h2>
        <p>
            "Use the CSV that \u{201c}Download figures (CSV)\u{201d} on the indicators page gives: one row per indicator and period, "
            "with the columns indicator_id, period and value (numerator, denominator and missing_reason are read too), "
            "and the comparators england, region and statistical_neighbours, each with its period in england_period, region_period "
            "and statistical_neighbours_period and the region's name in region_name. "
            "You will see every change before anything is replaced."
        </p>
        <div class="form-group">
            <label class="label" for="figures-csv">"Choose a CSV file"</label>
            <input class="file-input" id="figures-csv" type="file" accept=".csv,text/csv" data-testid="csv-input" on:change=chosen/>
        </div>
        <NoticesHere at=FROM_CSV/>
        {move || pending.get().map(|(name, result)| {
            let counted = result.counted();
            let not_read = (!result.not_read.is_empty()).then(|| view! {
                <div class="warning-text" data-testid="csv-not-read">
                    {result.not_read.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
                </div>
            });
            let rows = result.changes.iter().map(|c| view! {
                <tr>
                    <th scope="row">{c.indicator.clone()}</th>
                    <td>{c.period.to_string()}</td>
                    <td class="numeric">{c.before.clone().unwrap_or_else(|| "None".to_owned())}</td>
                    <td class="numeric">{c.after.clone()}</td>
                </tr>
            }).collect_view();
            view! {
                <section class="panel" data-testid="csv-preview">
                    <h3 id="csv-preview-heading">{format!("\u{201c}{name}\u{201d} changes {counted}")}</h3>
                    {not_read}
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="csv-preview-heading">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">"Indicator"</th><th scope="col">"Period, or comparator"</th>
                                <th scope="col" class="numeric">"Now"</th><th scope="col" class="numeric">"From the file"</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <div class="button-group">
                        <button type="button" class="button" data-testid="confirm-csv" on:click=confirm>"Use these figures"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </section>
            }
        })}
    }
}
