//! The comparators on an indicator's page: those held, each removable, and
//! the form that adds one or replaces the one of its kind and period.

use leptos::prelude::*;
use scrutineer_core::domain::indicator::Comparator;
use scrutineer_core::domain::value::Unit;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::indicators::comparators::{
    comparator_kind_of_key, comparator_label, comparator_period, figure_hint, remove_comparator,
    save_comparator, ComparatorField, ComparatorForm, COMPARATOR_KINDS,
};

use crate::components::Radio;
use crate::components::{message_for, settle, summary_of, ErrorSummary, TableRegion, TextField};
use crate::workspace::use_workspace;

/// The England, regional and statistical neighbour figures held for an
/// indicator, each with a Remove button, and a form to add one or replace the
/// one of the same kind and period.
#[component]
pub fn ComparatorsEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(
        workspace
            .snapshot()
            .with_untracked(|s| ComparatorForm::new(s)),
    );
    let errors: RwSignal<Vec<FieldError<ComparatorField>>> = RwSignal::new(vec![]);
    let unit = {
        let id = id.clone();
        workspace.snapshot().with_untracked(|s| {
            s.indicators
                .iter()
                .find(|i| i.id == id)
                .map_or(Unit::Number, |i| i.unit)
        })
    };
    let field = move |get: fn(&ComparatorForm) -> String| Signal::derive(move || form.with(get));
    let setter = move |set: fn(&mut ComparatorForm, String)| {
        Callback::new(move |v: String| form.update(|f| set(f, v)))
    };
    let error = move |name: ComparatorField| Signal::derive(message_for(errors, name));
    let summary = summary_of(errors);
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        let result = workspace
            .snapshot()
            .with_untracked(|s| save_comparator(s, &save_id, &typed));
        if let Some(next) = settle(errors, "comparator-errors", result) {
            workspace.edit_if_changed(format!("Saved the {}", typed.label()), next);
        }
    };
    let kind_error = error(ComparatorField::Kind);
    let kind_error_id = format!("{}-error", ComparatorField::KIND_GROUP);
    let described = {
        let id = kind_error_id.clone();
        Signal::derive(move || kind_error.with(|e| e.is_some()).then(|| id.clone()))
    };
    let radios = COMPARATOR_KINDS
        .iter()
        .map(|&(key, kind)| {
            view! {
                <Radio
                    name=ComparatorField::KIND_GROUP
                    value=key
                    label=kind.label()
                    autocomplete="off"
                    described_by=described
                    checked=Signal::derive(move || form.with(|f| f.kind == Some(kind)))
                    on_choose=Callback::new(move |v: &str| form.update(|f| f.kind = comparator_kind_of_key(v)))
                />
            }
        })
        .collect_view();
    view! {
        <h2 id="edit-comparators">"Add or remove a comparator"</h2>
        <p>"England, regional and statistical neighbour figures, as the pack prints them beside the council's own. A comparator of the same kind and period as one held replaces it."</p>
        <HeldComparators id=id.clone() unit=unit errors=errors/>
        <form class="form" novalidate on:submit=save data-testid="comparator-form">
            <ErrorSummary id="comparator-errors" errors=summary/>
            <div class="form-group" class:form-group--error=move || kind_error.with(|e| e.is_some())>
                <fieldset class="fieldset fieldset--small">
                    <legend class="label">"Whose figure"</legend>
                    {move || kind_error.get().map(|m| view! { <p class="error-message" id=kind_error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    {radios}
                </fieldset>
            </div>
            <Show when=move || form.with(ComparatorForm::is_region)>
                <TextField id=ComparatorField::Name.id() label="Name of the region" hint="As the pack heads its column, for example North West." value=field(|f| f.name.clone()) on_input=setter(|f, v| f.name = v) error=error(ComparatorField::Name)/>
            </Show>
            <TextField id=ComparatorField::Period.id() label="Period (optional)" hint="The period the comparator describes, as the pack prints it: 2017/18, Q1 2018/19, Apr 17 - Mar 18. Leave empty where the pack does not say." value=field(|f| f.period.clone()) on_input=setter(|f, v| f.period = v) error=error(ComparatorField::Period)/>
            <TextField id=ComparatorField::Value.id() label="Figure" hint=figure_hint(unit) inputmode="decimal" value=field(|f| f.value.clone()) on_input=setter(|f, v| f.value = v) error=error(ComparatorField::Value)/>
            <button type="submit" class="button">"Save comparator"</button>
        </form>
    }
}

/// The comparators held for indicator `id`, each with a Remove button; a
/// refused removal is shown among the form's `errors`.
#[component]
fn HeldComparators(
    id: String,
    /// The indicator's unit, to print the figures.
    unit: Unit,
    errors: RwSignal<Vec<FieldError<ComparatorField>>>,
) -> impl IntoView {
    let workspace = use_workspace();
    let held = {
        let id = id.clone();
        move || {
            workspace.snapshot().with(|s| {
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
            .snapshot()
            .with_untracked(|s| remove_comparator(s, &remove_id, &c));
        match result {
            Ok(next) => {
                errors.set(vec![]);
                workspace.edit(format!("Removed the {label}"), next);
            }
            Err(list) => errors.set(list),
        }
    };
    move || {
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
                        <td>{comparator_period(&c)}</td>
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
    }
}
