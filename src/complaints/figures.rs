//! `#/complaints/figures`: the form changing one year's figures for one
//! procedure, or adding a year. Its fields are `YearField`s, so each input's
//! id, label and faults come from one place in core.

use leptos::prelude::*;
use scrutineer_core::complaints::edit::{
    back_href, editing_of, page_heading, remove_year, save_year, start_form, FigureField, Group,
    YearError, YearField, YearForm,
};
use scrutineer_core::complaints::report::report_href;
use scrutineer_core::domain::complaints::Procedure;
use scrutineer_core::domain::period::Period;
use scrutineer_core::form::FormField;

use crate::browser;
use crate::components::{message_for, settle, summary_of, ErrorSummary, TextArea, TextField};
use crate::state::use_query;
use crate::workspace::use_workspace;

/// `#/complaints/figures`: change one year's figures for one procedure, or
/// add a year. Every save is undoable.
#[component]
pub fn ComplaintsFiguresPage() -> impl IntoView {
    let workspace = use_workspace();
    let query = use_query();
    let (editing, procedure) = workspace
        .snapshot()
        .with_untracked(|s| query.with_untracked(|q| editing_of(s, q)));
    let start = workspace
        .snapshot()
        .with_untracked(|s| start_form(s, editing, procedure));
    let form = RwSignal::new(start);
    let errors: RwSignal<Vec<YearError>> = RwSignal::new(vec![]);
    let back = back_href(editing);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace
            .snapshot()
            .with_untracked(|s| form.with_untracked(|f| save_year(s, editing, f)));
        if let Some(saved) = settle(errors, "figures-errors", result) {
            workspace.edit_if_changed(saved.done, saved.snapshot);
            browser::go(&saved.choice.href());
        }
    };
    view! {
        <p><a class="back-link" href=back.clone()>"Back to complaints and compliments"</a></p>
        <h1 tabindex="-1">{page_heading(editing)}</h1>
        <ErrorSummary id="figures-errors" errors=summary_of(errors)/>
        <form class="form--wide" novalidate on:submit=save>
            {editing.is_none().then(|| view! { <WhichYear form=form errors=errors/> })}
            {Group::ALL.into_iter().map(|group| view! { <FigureGroup group=group form=form errors=errors/> }).collect_view()}
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Subjects, services and notes"</legend>
                {YearField::LISTS.into_iter().map(|field| view! { <ListField field=field form=form errors=errors/> }).collect_view()}
            </fieldset>
            <div class="button-group">
                <button class="button" type="submit" data-testid="save-figures">"Save figures"</button>
                <a class="button button--secondary" href=back>"Cancel"</a>
            </div>
        </form>
        {editing.map(|(year, procedure)| view! { <RemoveYear year=year procedure=procedure/> })}
    }
}

/// What `field` holds, read reactively.
fn value_of(form: RwSignal<YearForm>, field: YearField) -> Signal<String> {
    Signal::derive(move || form.with(|f| f.value(field).to_owned()))
}

/// Puts what was typed into `field`.
fn typed_into(form: RwSignal<YearForm>, field: YearField) -> Callback<String> {
    Callback::new(move |v: String| form.update(|f| f.set(field, v)))
}

/// The financial year and procedure of a new record.
#[component]
fn WhichYear(form: RwSignal<YearForm>, errors: RwSignal<Vec<YearError>>) -> impl IntoView {
    let year = YearField::Year;
    let procedure = YearField::Procedure;
    let procedure_error = message_for(errors, procedure);
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Which year and procedure"</legend>
            <TextField
                id=year.id()
                label=year.label()
                hint=year.hint().unwrap_or_default()
                value=value_of(form, year)
                on_input=typed_into(form, year)
                error=Signal::derive(message_for(errors, year))
            />
            <div class="form-group" class:form-group--error=move || procedure_error().is_some()>
                <label class="label" for=procedure.id()>{procedure.label()}</label>
                {move || procedure_error().map(|m| view! { <p class="error-message">{m}</p> })}
                <select class="select" id=procedure.id() on:change=move |e| form.update(|f| f.set(procedure, event_target_value(&e)))>
                    {Procedure::ALL.into_iter().map(|p| view! {
                        <option value=p.key() selected=move || form.with(|f| f.value(procedure) == p.key())>{p.label()}</option>
                    }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}

/// One group of figures under its heading and hint.
#[component]
fn FigureGroup(
    group: Group,
    form: RwSignal<YearForm>,
    errors: RwSignal<Vec<YearError>>,
) -> impl IntoView {
    let inputs = group
        .figures()
        .map(|figure: FigureField| {
            let field = YearField::from(figure);
            view! {
                <TextField
                    id=field.id()
                    label=field.label()
                    inputmode="decimal"
                    value=value_of(form, field)
                    on_input=typed_into(form, field)
                    error=Signal::derive(message_for(errors, field))
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{group.heading()}</legend>
            {group.hint().map(|h| view! { <p class="hint">{h}</p> })}
            <div class="figure-grid">{inputs}</div>
        </fieldset>
    }
}

/// One of the lists, one entry per line.
#[component]
fn ListField(
    field: YearField,
    form: RwSignal<YearForm>,
    errors: RwSignal<Vec<YearError>>,
) -> impl IntoView {
    view! {
        <TextArea
            id=field.id()
            label=field.label()
            hint=field.hint().unwrap_or_default()
            value=value_of(form, field)
            on_input=typed_into(form, field)
            error=Signal::derive(message_for(errors, field))
        />
    }
}

/// Removing the year being changed; undoable.
#[component]
fn RemoveYear(year: Period, procedure: Procedure) -> impl IntoView {
    let workspace = use_workspace();
    let remove = move |_| {
        if let Some((next, done)) = workspace
            .snapshot()
            .with_untracked(|s| remove_year(s, year, procedure))
        {
            workspace.edit(done, next);
            browser::go(&report_href(procedure));
        }
    };
    view! {
        <h2>"Remove these figures"</h2>
        <p>{format!("Removes every {year} figure for {}. You can undo it straight after.", procedure.noun())}</p>
        <button class="button button--warning" type="button" on:click=remove>{format!("Remove the {year} figures")}</button>
    }
}
