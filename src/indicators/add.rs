//! Adding an indicator (to a service area or a new one) and adding or
//! renaming a service area, on the figures page.

use leptos::prelude::*;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::indicators::add::{
    add_indicator, added_message, unit_of_key, AreaField, AreaForm, NewIndicator,
    NewIndicatorField, NEW_AREA, UNITS,
};
use scrutineer_core::indicators::details::{polarity_of_key, POLARITY_CHOICES};

use crate::browser;
use crate::components::{message_for, settle, summary_of, ErrorSummary, NoticesHere, TextField};
use crate::workspace::use_workspace;

/// Where adding an indicator says what happened.
const ADD_INDICATOR: &str = "add-indicator";

/// A select's error message, where it shows one.
fn shown(message: Option<String>) -> Option<impl IntoView> {
    message.map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })
}

/// Adds an indicator to a service area (or to a new one, named here), with
/// a target if it has one; its figures are then entered above. The form
/// stays, keeping the area, unit and polarity, so the next is quick to add.
#[component]
pub(super) fn AddIndicator() -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(NewIndicator::default());
    let errors: RwSignal<Vec<FieldError<NewIndicatorField>>> = RwSignal::new(vec![]);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        let result = workspace
            .snapshot()
            .with_untracked(|s| add_indicator(s, &typed));
        if let Some((next, id)) = settle(errors, "add-indicator-errors", result) {
            let (message, area_id) = added_message(&next, &id, &typed.name);
            workspace.edit_at(ADD_INDICATOR, message, next);
            form.set(typed.next_after(&area_id));
            request_animation_frame(|| browser::focus_id(&NewIndicatorField::Name.id()));
        }
    };
    let err = move |f: NewIndicatorField| message_for(errors, f);
    let text = move |get: fn(&NewIndicator) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut NewIndicator, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };
    let summary = summary_of(errors);
    let (area, unit, polarity) = (
        NewIndicatorField::Area,
        NewIndicatorField::Unit,
        NewIndicatorField::Polarity,
    );
    view! {
        <h2 id="add-indicator">"Add an indicator"</h2>
        <form class="form" novalidate on:submit=add data-testid="add-indicator">
            <ErrorSummary id="add-indicator-errors" errors=summary/>
            <TextField
                id=NewIndicatorField::Name.id()
                label="Name"
                value=text(|f| f.name.clone())
                on_input=set(|f, v| f.name = v)
                error=Signal::derive(err(NewIndicatorField::Name))
            />
            <SelectField form=form field=area label="Service area" error=Signal::derive(err(area)) get=|f| f.service_area.clone() set=|f, v| f.service_area = v>
                <option value="">"Choose a service area"</option>
                {move || workspace.snapshot().with(|s| s.service_areas.iter().map(|a| view! { <option value=a.id.clone()>{a.name.clone()}</option> }).collect_view())}
                <option value=NEW_AREA>"A new service area\u{2026}"</option>
            </SelectField>
            <Show when=move || form.with(NewIndicator::adds_area)>
                <TextField
                    id=NewIndicatorField::AreaName.id()
                    label="Name of the new service area"
                    value=text(|f| f.new_area.clone())
                    on_input=set(|f, v| f.new_area = v)
                    error=Signal::derive(err(NewIndicatorField::AreaName))
                />
            </Show>
            <SelectField form=form field=unit label="Measured as" error=Signal::derive(err(unit)) get=|f| f.unit_key().to_owned() set=|f, v| f.unit = unit_of_key(&v)>
                <option value="">"Choose what the figures measure"</option>
                {UNITS.iter().map(|(key, unit)| view! { <option value=*key>{unit.describe()}</option> }).collect_view()}
            </SelectField>
            <SelectField form=form field=polarity label="Good is" error=Signal::derive(err(polarity)) get=|f| f.polarity_key().to_owned() set=|f, v| f.polarity = polarity_of_key(&v)>
                <option value="">"Choose"</option>
                {POLARITY_CHOICES.iter().map(|(key, _, words)| view! { <option value=*key>{*words}</option> }).collect_view()}
            </SelectField>
            <TextField
                id=NewIndicatorField::Target.id()
                label="Target (optional)"
                hint="As the pack prints it, for example 50% or 4.5. Tolerances and goal posts are set on the indicator's page."
                inputmode="decimal"
                value=text(|f| f.target.clone())
                on_input=set(|f, v| f.target = v)
                error=Signal::derive(err(NewIndicatorField::Target))
            />
            <button type="submit" class="button">"Add indicator"</button>
        </form>
        <NoticesHere at=ADD_INDICATOR/>
    }
}

/// A select of the add-indicator form, with its label and its error; its
/// options are the children.
#[component]
fn SelectField(
    /// The form it is part of.
    form: RwSignal<NewIndicator>,
    /// Which field it is (its element id).
    field: NewIndicatorField,
    label: &'static str,
    /// Its error, where the form was refused for it.
    error: Signal<Option<String>>,
    /// Reads its value from the form.
    get: fn(&NewIndicator) -> String,
    /// Puts the value chosen in the form.
    set: fn(&mut NewIndicator, String),
    children: Children,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <label class="label" for=field.id()>{label}</label>
            {move || shown(error.get())}
            <select class="select" id=field.id() prop:value=move || form.with(get) on:change=move |e| form.update(|f| set(f, event_target_value(&e)))>
                {children()}
            </select>
        </div>
    }
}

/// Adds a service area, or renames one.
#[component]
pub(super) fn ServiceAreaForm() -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(AreaForm::default());
    let errors: RwSignal<Vec<FieldError<AreaField>>> = RwSignal::new(vec![]);
    let choose = move |e: leptos::ev::Event| {
        let id = event_target_value(&e);
        form.set(
            workspace
                .snapshot()
                .with_untracked(|s| AreaForm::of(s, &id)),
        );
        errors.set(vec![]);
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        match workspace.snapshot().with_untracked(|s| typed.save(s)) {
            Ok((next, _)) => {
                errors.set(vec![]);
                workspace.edit(typed.saved_message(), next);
                form.set(AreaForm::default());
            }
            Err(list) => errors.set(list),
        }
    };
    let name_error = message_for(errors, AreaField::Name);
    view! {
        <h2 id="service-areas">"Add or rename a service area"</h2>
        <form class="form" novalidate on:submit=save data-testid="area-form">
            <div class="form-group">
                <label class="label" for=AreaField::Which.id()>"Service area"</label>
                <select class="select" id=AreaField::Which.id() prop:value=move || form.with(|f| f.which.clone()) on:change=choose>
                    <option value="">"A new service area"</option>
                    {move || workspace.snapshot().with(|s| s.service_areas.iter().map(|a| view! { <option value=a.id.clone()>{a.name.clone()}</option> }).collect_view())}
                </select>
            </div>
            <TextField
                id=AreaField::Name.id()
                label="Name"
                value=Signal::derive(move || form.with(|f| f.name.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.name = v))
                error=Signal::derive(name_error)
            />
            <TextField
                id=AreaField::Directorate.id()
                label="Directorate (optional)"
                value=Signal::derive(move || form.with(|f| f.directorate.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| f.directorate = v))
                error=Signal::derive(|| None)
            />
            <button type="submit" class="button">"Save service area"</button>
        </form>
    }
}
