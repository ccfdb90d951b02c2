//! Adding an indicator (to a service area or a new one) and adding or
//! renaming a service area, on the figures page.

use leptos::prelude::*;
use scrutineer_core::indicators::add::{
    add_indicator, save_service_area, NewIndicator, NEW_AREA, UNITS,
};

use crate::browser;
use crate::components::{
    message_for, settle, summary_of_prefixed, ErrorSummary, NoticesHere, TextField,
};
use crate::workspace::use_workspace;

/// Where adding an indicator says what happened.
const ADD_INDICATOR: &str = "add-indicator";
/// Adds an indicator to a service area (or to a new one, named here), with
/// a target if it has one; its figures are then entered above. The form
/// stays, keeping the area, unit and polarity, so the next is quick to add.
#[component]
pub(super) fn AddIndicator() -> impl IntoView {
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
pub(super) fn ServiceAreaForm() -> impl IntoView {
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
