use leptos::prelude::*;
use scrutineer_core::complaints::edit::{
    editing_of, fields, remove_year, save_year, Group, YearForm,
};
use scrutineer_core::complaints::report::{find, Choice};
use scrutineer_core::domain::complaints::Procedure;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::route::Route;

use crate::browser;
use crate::components::{
    message_for, settle, summary_of_prefixed, ErrorSummary, TextArea, TextField,
};
use crate::state::use_query;
use crate::workspace::use_workspace;

fn hint_of(group: Group) -> Option<&'static str> {
    match group {
        Group::Complaints => Some("Leave a figure blank if the report does not give it: blank is never read as zero."),
        Group::Stages => Some("How many complaints were settled at each stage. Together they cannot be more than the complaints received."),
        Group::Outcomes => Some("Outcomes of the complaints closed in the year; together they cannot be more than the number closed. Still open is counted apart."),
        Group::Ombudsman => Some("Decisions by outcome are shares of the decisions made or, where those are not given, of the detailed investigations."),
        Group::Money => None,
    }
}

/// `#/complaints/figures`: change one year's figures for one procedure, or
/// add a year. Every save is undoable.
#[component]
pub fn ComplaintsFiguresPage() -> impl IntoView {
    let workspace = use_workspace();
    let query = use_query();
    let (editing, procedure) = workspace
        .snapshot
        .with_untracked(|s| query.with_untracked(|q| editing_of(s, q)));
    let start = workspace.snapshot.with_untracked(|s| match editing {
        Some((y, p)) => find(s, y, p).map(YearForm::of).unwrap_or_default(),
        None => YearForm::blank(procedure.unwrap_or(Procedure::AdultSocialCare)),
    });
    let form = RwSignal::new(start);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let back = match editing {
        Some((year, procedure)) => Choice { procedure, year }.href(),
        None => Route::Complaints.href(),
    };
    let save = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = workspace
                .snapshot
                .with_untracked(|s| form.with_untracked(|f| save_year(s, editing, f)));
            if let Some(saved) = settle(errors, "#figures-errors", result) {
                workspace.edit_if_changed(saved.done, saved.snapshot);
                browser::go(&saved.choice.href());
            }
        }
    };
    let remove = {
        move |_| {
            let Some((year, procedure)) = editing else {
                return;
            };
            if let Some((next, done)) = workspace
                .snapshot
                .with_untracked(|s| remove_year(s, year, procedure))
            {
                workspace.edit(done, next);
                browser::go(
                    &Route::Complaints.href_with(&format!("procedure={}", procedure.key())),
                );
            }
        }
    };
    let heading = match editing {
        Some((year, procedure)) => format!("Change the {year} figures: {}", procedure.label()),
        None => "Add a year's complaints figures".to_owned(),
    };
    let figure = move |key: &'static str, label: &'static str| {
        view! {
            <TextField
                id=format!("fig-{key}")
                label=label
                inputmode="decimal"
                value=Signal::derive(move || form.with(|f| f.figures.get(key).cloned().unwrap_or_default()))
                on_input=Callback::new(move |v: String| form.update(|f| { f.figures.insert(key, v); }))
                error=Signal::derive(message_for(errors, key))
            />
        }
    };
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let inputs = fields()
                .filter(|f| f.group == group)
                .map(|f| figure(f.key, f.label))
                .collect_view();
            view! {
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{group.heading()}</legend>
                    {hint_of(group).map(|h| view! { <p class="hint">{h}</p> })}
                    <div class="figure-grid">{inputs}</div>
                </fieldset>
            }
        })
        .collect_view();
    let lines = move |key: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      get: fn(&YearForm) -> String,
                      put: fn(&mut YearForm, String)| {
        view! {
            <TextArea
                id=format!("fig-{key}")
                label=label
                hint=hint
                value=Signal::derive(move || form.with(get))
                on_input=Callback::new(move |v: String| form.update(|f| put(f, v)))
                error=Signal::derive(message_for(errors, key))
            />
        }
    };
    view! {
        <p><a class="back-link" href=back.clone()>"Back to complaints and compliments"</a></p>
        <h1 tabindex="-1">{heading}</h1>
        <ErrorSummary id="figures-errors" errors=summary_of_prefixed(errors, "fig-")/>
        <form class="form--wide" novalidate on:submit=save>
            {editing.is_none().then(|| view! {
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">"Which year and procedure"</legend>
                    <TextField
                        id="fig-year"
                        label="Financial year"
                        hint="Like 2019/20"
                        value=Signal::derive(move || form.with(|f| f.year.clone()))
                        on_input=Callback::new(move |v: String| form.update(|f| f.year = v))
                        error=Signal::derive(message_for(errors, "year"))
                    />
                    <div class="form-group" class:form-group--error=move || message_for(errors, "procedure")().is_some()>
                        <label class="label" for="fig-procedure">"Procedure"</label>
                        {move || message_for(errors, "procedure")().map(|m| view! { <p class="error-message">{m}</p> })}
                        <select class="select" id="fig-procedure" on:change=move |e| form.update(|f| f.procedure = event_target_value(&e))>
                            {Procedure::ALL.into_iter().map(|p| view! {
                                <option value=p.key() selected=move || form.with(|f| f.procedure == p.key())>{p.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </fieldset>
            })}
            {groups}
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Subjects, services and notes"</legend>
                {lines("categories", "Complaints by service or category", "One per line: the name, then the number, like \u{201c}Financial: 102\u{201d}.", |f| f.categories.clone(), |f, v| f.categories = v)}
                {lines("compliments-by-service", "Compliments by service", "One per line, like \u{201c}Day care provision: 165\u{201d}.", |f| f.compliments_by_service.clone(), |f, v| f.compliments_by_service = v)}
                {lines("notes", "Notes on these figures", "One per line: where a figure came from, or why two figures disagree.", |f| f.notes.clone(), |f, v| f.notes = v)}
            </fieldset>
            <div class="button-group">
                <button class="button" type="submit" data-testid="save-figures">"Save figures"</button>
                <a class="button button--secondary" href=back>"Cancel"</a>
            </div>
        </form>
        {editing.map(|(year, procedure)| view! {
            <h2>"Remove these figures"</h2>
            <p>{format!("Removes every {year} figure for {}. You can undo it straight after.", procedure.noun())}</p>
            <button class="button button--warning" type="button" on:click=remove>{format!("Remove the {year} figures")}</button>
        })}
    }
}
