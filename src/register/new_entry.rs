//! `#/risks/new`: adding a risk or an opportunity.

use leptos::prelude::*;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::register::edit::{save_entry, Editor, EntryField, EntryForm, EntryInput};
use scrutineer_core::register::quarters;
use scrutineer_core::route::Route;

use super::fields::AssessmentFields;
use crate::browser;
use crate::components::{message_for, settle, summary_of, ErrorSummary, TextField};
use crate::workspace::use_workspace;

/// `#/risks/new`: add a risk or an opportunity.
#[component]
pub fn NewRiskEntryPage() -> impl IntoView {
    let workspace = use_workspace();
    let latest = workspace
        .snapshot()
        .with_untracked(|s| quarters(s).last().copied());
    let form = RwSignal::new(EntryForm::blank(EntryKind::Risk, latest));
    let errors: RwSignal<Vec<FieldError<EntryField>>> = RwSignal::new(vec![]);
    let kind = Signal::derive(move || form.with(|f| f.kind));
    let (kind_field, id_field) = (
        Editor::New.field(EntryInput::Kind),
        Editor::New.field(EntryInput::Id),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace
            .snapshot()
            .with_untracked(|s| save_entry(s, None, &form.get_untracked(), browser::today()));
        if let Some(saved) = settle(errors, "new-entry-errors", result) {
            let href = Route::RiskEntry { id: saved.id }.href();
            if workspace.edit(saved.done, saved.snapshot) {
                browser::go(&href);
            }
        }
    };
    let radio = move |value: EntryKind, label: &'static str| {
        let id = format!("{}-{}", kind_field.id(), value.key());
        view! {
            <div class="radio">
                <input class="radio__input" type="radio" name="kind" id=id.clone() value=value.key()
                    prop:checked=move || form.with(|f| f.kind == value)
                    on:change=move |_| form.update(|f| f.kind = value)/>
                <label class="radio__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <p class="breadcrumb"><a href=Route::Risks.href()>"Risks and opportunities"</a></p>
        <h1 tabindex="-1">"Add a risk or opportunity"</h1>
        <form class="form" on:submit=save data-testid="new-entry-form" novalidate>
            <ErrorSummary id="new-entry-errors" errors=summary_of(errors)/>
            <fieldset class="fieldset fieldset--small" id=kind_field.id()>
                <legend class="label">{EntryInput::Kind.label(EntryKind::Risk)}</legend>
                {radio(EntryKind::Risk, "Risk: a high score is bad")}
                {radio(EntryKind::Opportunity, "Opportunity: a high score is good")}
            </fieldset>
            <TextField id=id_field.id() label=EntryInput::Id.label(EntryKind::Risk) hint="As the pack numbers it, for example CR13 or CO5" value=Signal::derive(move || form.with(|f| f.id.clone())) on_input=Callback::new(move |v| form.update(|f| f.id = v)) error=Signal::derive(message_for(errors, id_field))/>
            <AssessmentFields form=form errors=errors editor=Editor::New kind=kind/>
            <button class="button" type="submit">"Add to the register"</button>
        </form>
    }
}
