//! `#/risks/new`: adding a risk or an opportunity.

use leptos::prelude::*;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::register::edit::{save_entry, EntryForm};
use scrutineer_core::register::quarters;
use scrutineer_core::route::Route;

use super::fields::AssessmentFields;
use crate::browser;
use crate::components::{message_for, settle, summary_of_prefixed, ErrorSummary, TextField};
use crate::workspace::use_workspace;

/// `#/risks/new`: add a risk or an opportunity.
#[component]
pub fn NewRiskEntryPage() -> impl IntoView {
    let workspace = use_workspace();
    let latest = workspace
        .snapshot
        .with_untracked(|s| quarters(s).last().copied());
    let form = RwSignal::new(EntryForm::blank(EntryKind::Risk, latest));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let kind = Signal::derive(move || {
        if form.with(|f| f.kind == "opportunity") {
            EntryKind::Opportunity
        } else {
            EntryKind::Risk
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = workspace
            .snapshot
            .with_untracked(|s| save_entry(s, None, &form.get_untracked(), browser::today()));
        if let Some(saved) = settle(errors, "#new-entry-errors", result) {
            let href = Route::RiskEntry { id: saved.id }.href();
            if workspace.edit(saved.done, saved.snapshot) {
                browser::go(&href);
            }
        }
    };
    let radio = move |value: &'static str, label: &'static str| {
        let id = format!("new-kind-{value}");
        view! {
            <div class="radio">
                <input class="radio__input" type="radio" name="kind" id=id.clone() value=value
                    prop:checked=move || form.with(|f| f.kind == value)
                    on:change=move |_| form.update(|f| f.kind = value.to_owned())/>
                <label class="radio__label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <p class="breadcrumb"><a href="#/risks">"Risks and opportunities"</a></p>
        <h1 tabindex="-1">"Add a risk or opportunity"</h1>
        <form class="form" on:submit=save data-testid="new-entry-form" novalidate>
            <ErrorSummary id="new-entry-errors" errors=summary_of_prefixed(errors, "new-")/>
            <fieldset class="fieldset fieldset--small" id="new-kind">
                <legend class="label">"Risk or opportunity"</legend>
                {radio("risk", "Risk: a high score is bad")}
                {radio("opportunity", "Opportunity: a high score is good")}
            </fieldset>
            <TextField id="new-id" label="Reference" hint="As the pack numbers it, for example CR13 or CO5" value=Signal::derive(move || form.with(|f| f.id.clone())) on_input=Callback::new(move |v| form.update(|f| f.id = v)) error=Signal::derive(message_for(errors, "id"))/>
            <AssessmentFields form=form errors=errors prefix="new-" kind=kind/>
            <button class="button" type="submit">"Add to the register"</button>
        </form>
    }
}
