//! The comparators on an indicator's page: those held, each removable, and
//! the form that adds one or replaces the one of its kind and period.

use leptos::prelude::*;
use scrutineer_core::domain::indicator::{Comparator, ComparatorKind};
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::domain::value::Unit;
use scrutineer_core::indicators::comparators::{
    comparator_label, remove_comparator, save_comparator, ComparatorForm, COMPARATOR_KINDS,
};

use crate::components::{message_for, settle, ErrorSummary, TableRegion, TextField};
use crate::workspace::use_workspace;

/// What to type for a comparator's figure, by the indicator's unit.
fn figure_hint(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "As the pack prints it, for example 17.3%, or - where it shows none.",
        Unit::Money => "As the pack prints it, for example \u{a3}2,300, or - where it shows none.",
        Unit::RatePer1000 | Unit::RatePer10000 | Unit::RatePer100000 => {
            "As the pack prints it, for example 64.0 or 1,412 / 57.5, or - where it shows none."
        }
        _ => "As the pack prints it, for example 1,412, or - where it shows none.",
    }
}

/// The England, regional and statistical neighbour figures held for an
/// indicator, each with a Remove button, and a form to add one or replace the
/// one of the same kind and period.
#[component]
pub fn ComparatorsEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(workspace.snapshot.with_untracked(ComparatorForm::new));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let unit = {
        let id = id.clone();
        workspace.snapshot.with_untracked(|s| {
            s.indicators
                .iter()
                .find(|i| i.id == id)
                .map_or(Unit::Number, |i| i.unit)
        })
    };
    let held = {
        let id = id.clone();
        move || {
            workspace.snapshot.with(|s| {
                s.indicators
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| i.comparators.clone())
                    .unwrap_or_default()
            })
        }
    };
    let remove_id = id.clone();
    let remove = move |c: Comparator| {
        let label = comparator_label(c.kind, c.name.as_deref(), c.period.as_ref());
        let result = workspace
            .snapshot
            .with_untracked(|s| remove_comparator(s, &remove_id, &c));
        match result {
            Ok(next) => {
                errors.set(vec![]);
                workspace.edit(format!("Removed the {label}"), next);
            }
            Err(list) => errors.set(list),
        }
    };
    let table = move || {
        let list = held();
        if list.is_empty() {
            return view! { <p data-testid="no-comparators">"No comparators are held for this indicator yet."</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|c| {
                let label = comparator_label(c.kind, c.name.as_deref(), c.period.as_ref());
                let remove = remove.clone();
                let gone = c.clone();
                view! {
                    <tr>
                        <th scope="row">{c.kind.label()}</th>
                        <td>{c.name.clone().unwrap_or_default()}</td>
                        <td>{c.period.map(|p| p.to_string()).unwrap_or_else(|| "Not stated".to_owned())}</td>
                        <td class="numeric">{c.value.display(unit)}</td>
                        <td>
                            <button
                                type="button"
                                class="button button--secondary button--small"
                                aria-label=format!("Remove the {label}")
                                on:click=move |_| remove(gone.clone())
                            >"Remove"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <TableRegion labelled_by="edit-comparators">
                <table class="table" data-testid="comparator-table">
                    <thead><tr>
                        <th scope="col">"Whose"</th><th scope="col">"Name"</th><th scope="col">"Period"</th>
                        <th scope="col" class="numeric">"Figure"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        }
        .into_any()
    };
    let field = move |get: fn(&ComparatorForm) -> String| Signal::derive(move || form.with(get));
    let setter = move |set: fn(&mut ComparatorForm, String)| {
        Callback::new(move |v: String| form.update(|f| set(f, v)))
    };
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let summary = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| {
                    let target = match e.field {
                        "kind" => "comparator-kind-england".to_owned(),
                        other => format!("comparator-{other}"),
                    };
                    (target, e.message.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        let result = workspace
            .snapshot
            .with_untracked(|s| save_comparator(s, &save_id, &typed));
        if let Some(next) = settle(errors, "#comparator-errors", result) {
            let kind = COMPARATOR_KINDS
                .iter()
                .find(|(key, _)| *key == typed.kind)
                .map_or(ComparatorKind::England, |(_, k)| *k);
            let name = (kind == ComparatorKind::Region).then(|| typed.name.trim());
            let period = typed.period.trim().parse::<Period>().ok();
            let label = comparator_label(kind, name, period.as_ref());
            workspace.edit_if_changed(format!("Saved the {label}"), next);
        }
    };
    let kind_error = error("kind");
    let radios = COMPARATOR_KINDS
        .iter()
        .map(|&(key, kind)| {
            let input_id = format!("comparator-kind-{key}");
            view! {
                <div class="radio">
                    <input
                        class="radio__input"
                        type="radio"
                        id=input_id.clone()
                        name="comparator-kind"
                        value=key
                        autocomplete="off"
                        aria-describedby=move || kind_error.with(|e| e.is_some()).then_some("comparator-kind-error")
                        prop:checked=move || form.with(|f| f.kind == key)
                        on:change=move |_| form.update(|f| f.kind = key.to_owned())
                    />
                    <label class="radio__label" for=input_id>{kind.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 id="edit-comparators">"Add or remove a comparator"</h2>
        <p>"England, regional and statistical neighbour figures, as the pack prints them beside the council's own. A comparator of the same kind and period as one held replaces it."</p>
        {table}
        <form class="form" novalidate on:submit=save data-testid="comparator-form">
            <ErrorSummary id="comparator-errors" errors=summary/>
            <div class="form-group" class:form-group--error=move || kind_error.with(|e| e.is_some())>
                <fieldset class="fieldset fieldset--small">
                    <legend class="label">"Whose figure"</legend>
                    {move || kind_error.get().map(|m| view! { <p class="error-message" id="comparator-kind-error"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    {radios}
                </fieldset>
            </div>
            <Show when=move || form.with(|f| f.kind == "region")>
                <TextField id="comparator-name" label="Name of the region" hint="As the pack heads its column, for example North West." value=field(|f| f.name.clone()) on_input=setter(|f, v| f.name = v) error=error("name")/>
            </Show>
            <TextField id="comparator-period" label="Period (optional)" hint="The period the comparator describes, as the pack prints it: 2017/18, Q1 2018/19, Apr 17 - Mar 18. Leave empty where the pack does not say." value=field(|f| f.period.clone()) on_input=setter(|f, v| f.period = v) error=error("period")/>
            <TextField id="comparator-value" label="Figure" hint=figure_hint(unit) inputmode="decimal" value=field(|f| f.value.clone()) on_input=setter(|f, v| f.value = v) error=error("value")/>
            <button type="submit" class="button">"Save comparator"</button>
        </form>
    }
}
