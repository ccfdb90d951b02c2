//! `#/enter`: one period's figures for many indicators, with the changes
//! listed before saving; the page also holds the CSV, add-indicator and
//! service-area forms.

use std::collections::BTreeMap;

use leptos::prelude::*;
use scrutineer_core::domain::indicator::Indicator;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::count_of;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::indicators::add::{AreaField, NewIndicatorField};
use scrutineer_core::indicators::entry::{
    enter_figures, entered_message, entries_in_order, entry_message, entry_period, entry_summary,
    figure_box_id, form_sections, held_figures, pending_changes, shown_text, suggested_period,
    unchanged_entry_message, BoxHint, EntryError, EntryField, PendingChange,
};
use scrutineer_core::indicators::overview::Filter;
use scrutineer_core::route::Route;

use super::add::{AddIndicator, ServiceAreaForm};
use super::from_csv::FiguresFromCsv;
use crate::browser;
use crate::components::{described_by_with, settle, ErrorSummary};
use crate::state::{use_notices, Notices};
use crate::workspace::{use_workspace, Workspace};

/// `#/enter`: one period's figures for many indicators, as an officer
/// prepares the pack. Each box shows the figure held for the period as soon
/// as the period can be read; what the officer types replaces it (a box's
/// text is selected when it is focused), and every change is listed against
/// the held figure before it is saved. Saved all together or not at all;
/// undoable.
#[component]
pub fn EnterFiguresPage() -> impl IntoView {
    let workspace = use_workspace();
    // Held by the page, as the form comes and goes with the indicators.
    let boxes = FigureBoxes::new(workspace);
    let no_indicators = move || workspace.snapshot().with(|s| s.indicators.is_empty());
    view! {
        <p class="breadcrumb"><a href=Route::Indicators.href()>"All indicators"</a></p>
        <h1 tabindex="-1">"Enter figures"</h1>
        <Show when=no_indicators>
            <NothingToEnter/>
        </Show>
        <Show when=move || !no_indicators()>
        <p class="lede">
            "Type each figure as the pack prints it: 1,412, 57.5%, 1,412 / 57.5, or - where there is none. "
            "Each box shows the figure held for the period; what you type replaces it. "
            "Leave a box empty to leave that indicator as it is. Nothing is saved until every figure can be read."
        </p>
        <EntryForm boxes=boxes/>
        </Show>
        <FiguresFromCsv/>
        <AddIndicator/>
        <ServiceAreaForm/>
    }
}

/// The figures form: the period, a box for each indicator in a fieldset
/// for its service area, the changes pending, and the save button.
#[component]
fn EntryForm(
    /// The form's state, held by the page.
    boxes: FigureBoxes,
) -> impl IntoView {
    let workspace = use_workspace();
    let notices = use_notices();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        boxes.save(workspace, notices);
    };
    // Each refused entry, named by its indicator, linking to its box.
    let summary = Signal::derive(move || {
        workspace
            .snapshot()
            .with(|s| boxes.errors.with(|list| entry_summary(s, list)))
    });
    view! {
        <form class="form form--wide" novalidate on:submit=save data-testid="enter-form">
            <ErrorSummary id="enter-errors" errors=summary/>
            <PeriodBox text=boxes.period_text period=boxes.period/>
            {move || area_fieldsets(workspace, boxes)}
            <PendingSummary pending=boxes.pending/>
            <button type="submit" class="button">"Save figures"</button>
        </form>
    }
}

/// A fieldset for each service area, in the form's order, holding its
/// indicators' figure boxes.
fn area_fieldsets(workspace: Workspace, boxes: FigureBoxes) -> impl IntoView {
    workspace.snapshot().with(|s| {
        form_sections(s)
            .into_iter()
            .map(|(area, indicators)| {
                let fields = indicators
                    .into_iter()
                    .map(|i| figure_box(boxes, i))
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
}

/// The page's first steps when there are no indicators: each button goes to its form.
#[component]
fn NothingToEnter() -> impl IntoView {
    let focus = |id: String| move |_| browser::focus_id(&id);
    view! {
        <div class="panel" data-testid="enter-empty">
            <h2 class="panel__title">"There are no indicators to enter figures for yet"</h2>
            <p>
                "Add a service area, then its indicators, below; or bring them in, with their figures, "
                "from the spreadsheets or the monitoring report you keep."
            </p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=focus(NewIndicatorField::Name.id())>"Add an indicator"</button>
                <button type="button" class="button button--secondary" on:click=focus(AreaField::Name.id())>"Add a service area"</button>
                <a class="button button--secondary" href=scrutineer_core::route::Route::BringIn.href() data-testid="enter-bring-in">"Bring in your spreadsheets"</a>
            </div>
        </div>
    }
}

/// The period the figures are for, with its hint and its fault.
#[component]
fn PeriodBox(
    /// The period as typed.
    text: RwSignal<String>,
    /// The period read from it, or why it cannot be.
    period: Memo<Result<Period, FieldError<EntryField>>>,
) -> impl IntoView {
    let id = EntryField::Period.id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = move || period.with(|p| p.as_ref().err().map(|e| e.message.clone()));
    let described = {
        let both = format!("{hint_id} {error_id}");
        let hint_id = hint_id.clone();
        move || {
            if error().is_some() {
                both.clone()
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error().is_some()>
            <label class="label" for=id.clone()>"Period"</label>
            <p class="hint" id=hint_id>"A quarter such as Q2 2019/20, or a financial year such as 2019/20."</p>
            {move || error().map(|m| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> })}
            <input
                class="input input--period"
                id=id
                type="text"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || text.get()
                on:input=move |e| text.set(event_target_value(&e))
            />
        </div>
    }
}

/// The figures form's state, which every figure box reads: the period as
/// typed and as read, the figures held for it, what was typed, the changes
/// pending and the refusals.
#[derive(Clone, Copy)]
struct FigureBoxes {
    period_text: RwSignal<String>,
    period: Memo<Result<Period, FieldError<EntryField>>>,
    held: Memo<BTreeMap<String, String>>,
    typed: RwSignal<BTreeMap<String, String>>,
    pending: Memo<Vec<PendingChange>>,
    errors: RwSignal<Vec<EntryError>>,
}

impl FigureBoxes {
    /// The form at the suggested period with nothing typed. Refusals belong
    /// to the period they were found for, and go when it changes.
    fn new(workspace: Workspace) -> FigureBoxes {
        let suggested = workspace.snapshot().with_untracked(|s| suggested_period(s));
        let period_text = RwSignal::new(suggested.to_string());
        let period = Memo::new(move |_| period_text.with(|t| entry_period(t)));
        // What the officer typed, by indicator; every other box shows the held figure.
        let typed: RwSignal<BTreeMap<String, String>> = RwSignal::new(BTreeMap::new());
        let held = Memo::new(move |_| match period.get() {
            Ok(p) => workspace.snapshot().with(|s| held_figures(s, &p)),
            Err(_) => BTreeMap::new(),
        });
        let pending = Memo::new(move |_| match period.get() {
            Ok(p) => workspace
                .snapshot()
                .with(|s| typed.with(|t| pending_changes(s, &p, t))),
            Err(_) => vec![],
        });
        let errors: RwSignal<Vec<EntryError>> = RwSignal::new(vec![]);
        Effect::new(move |previous: Option<Option<Period>>| {
            let current = period.with(|p| p.as_ref().ok().copied());
            if previous.is_some_and(|prev| prev != current) {
                errors.set(vec![]);
            }
            current
        });
        FigureBoxes {
            period_text,
            period,
            held,
            typed,
            pending,
            errors,
        }
    }

    /// Saves every figure typed for the period, all or none, then shows the
    /// overview at that period; or says that nothing changed, or shows the
    /// refusals. An unreadable period is focused instead.
    fn save(self, workspace: Workspace, notices: Notices) {
        let Ok(p) = self.period.get_untracked() else {
            browser::focus_id(&EntryField::Period.id());
            return;
        };
        let result = workspace.snapshot().with_untracked(|s| {
            self.typed
                .with_untracked(|t| enter_figures(s, p, &entries_in_order(s, t)))
        });
        match settle(self.errors, "enter-errors", result) {
            None => {}
            Some((_, 0)) => notices.status(unchanged_entry_message(&p)),
            Some((next, changed)) => {
                workspace.edit(entered_message(changed, &p), next);
                self.typed.set(BTreeMap::new());
                browser::go(&Filter::for_period(p).href());
            }
        }
    }
}

/// One indicator's figure box, with its hint, its fault and its pending change.
fn figure_box(boxes: FigureBoxes, i: &Indicator) -> impl IntoView {
    let FigureBoxes {
        period,
        held,
        typed,
        pending,
        errors,
        ..
    } = boxes;
    let id = i.id.clone();
    let input_id = figure_box_id(&id);
    let hint = {
        let (id, words) = (id.clone(), BoxHint::of(i));
        move || {
            let shown_period = period.with(|p| p.as_ref().ok().copied());
            held.with(|h| words.text(shown_period.as_ref(), h.get(&id).map(String::as_str)))
        }
    };
    let message = Signal::derive({
        let id = id.clone();
        move || errors.with(|list| entry_message(list, &id).map(str::to_owned))
    });
    let has_error = move || message.with(|m| m.is_some());
    let change = Signal::derive({
        let id = id.clone();
        move || {
            pending.with(|list| {
                list.iter()
                    .find(|c| c.indicator == id)
                    .map(PendingChange::describe)
            })
        }
    });
    let (value_id, set_id) = (id.clone(), id);
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let change_id = format!("{input_id}-change");
    let described = described_by_with(
        Some(hint_id.clone()),
        error_id.clone(),
        message,
        vec![(
            change_id.clone(),
            Signal::derive(move || change.with(|c| c.is_some())),
        )],
    );
    view! {
        <div class="form-group" class:form-group--error=has_error>
            <label class="label" for=input_id.clone()>{i.name.clone()}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || message.get().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <input
                class="input input--figure"
                id=input_id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || has_error().then_some("true")
                prop:value=move || held.with(|h| typed.with(|t| shown_text(h, t, &value_id)))
                on:focus=browser::select_on_focus
                on:mouseup=browser::keep_focus_selection
                on:input=move |e| {
                    let v = event_target_value(&e);
                    typed.update(|t| { t.insert(set_id.clone(), v); });
                }
            />
            {move || change.get().map(|c| view! {
                <p class="change-note" id=change_id.clone() data-testid="pending-change">{c}</p>
            })}
        </div>
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
