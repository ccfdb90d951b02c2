//! The fields of an assessment, shared by the add and edit forms, and the
//! score field whose pickers and text always agree.

use leptos::prelude::*;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::register::edit::{
    pick_score, picked_of, picker_step, picker_value, Editor, EntryField, EntryForm, EntryInput,
};
use scrutineer_core::register::{impact_step, likelihood_step};

use crate::components::{message_for, TextField};

/// The fields of an assessment, shared by the add and edit forms.
#[component]
pub(super) fn AssessmentFields(
    form: RwSignal<EntryForm>,
    errors: RwSignal<Vec<FieldError<EntryField>>>,
    /// Which form: the ids start "new-" or "edit-".
    editor: Editor,
    kind: Signal<EntryKind>,
) -> impl IntoView {
    let field = move |get: fn(&EntryForm) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut EntryForm, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };
    let id = move |input: EntryInput| editor.field(input).id();
    let error = move |input: EntryInput| Signal::derive(message_for(errors, editor.field(input)));
    // The labels follow the risk/opportunity choice without rebuilding the fields.
    let label = move |input: EntryInput| Signal::derive(move || input.label(kind.get()));
    let fixed = move |input: EntryInput| input.label(EntryKind::default());
    let area = move |input: EntryInput,
                     get: fn(&EntryForm) -> String,
                     put: fn(&mut EntryForm, String)| {
        view! {
            <div class="form-group">
                <label class="label" for=id(input)>{label(input)}</label>
                <textarea class="textarea" id=id(input) rows="3" prop:value=move || form.with(get) on:input=move |e| form.update(|f| put(f, event_target_value(&e)))></textarea>
            </div>
        }
    };
    use EntryInput as I;
    view! {
        <TextField id=id(I::Quarter) label=fixed(I::Quarter) hint="For example Q3 2019/20" value=field(|f| f.quarter.clone()) on_input=set(|f, v| f.quarter = v) error=error(I::Quarter)/>
        <TextField id=id(I::Title) label=fixed(I::Title) value=field(|f| f.title.clone()) on_input=set(|f, v| f.title = v) error=error(I::Title)/>
        {area(I::Description, |f| f.description.clone(), |f, v| f.description = v)}
        <TextField id=id(I::RiskType) label=fixed(I::RiskType) hint="For example Economic, Social, Legal/Political, People/Organisational" value=field(|f| f.risk_type.clone()) on_input=set(|f, v| f.risk_type = v) error=error(I::RiskType)/>
        {area(I::Consequences, |f| f.consequences.clone(), |f, v| f.consequences = v)}
        {area(I::Controls, |f| f.controls.clone(), |f, v| f.controls = v)}
        <ScoreField id=id(I::Inherent) label=fixed(I::Inherent) kind=kind value=field(|f| f.inherent.clone()) on_input=set(|f, v| f.inherent = v) error=error(I::Inherent)/>
        {area(I::Actions, |f| f.actions.clone(), |f, v| f.actions = v)}
        <ScoreField id=id(I::Residual) label=fixed(I::Residual) kind=kind value=field(|f| f.residual.clone()) on_input=set(|f, v| f.residual = v) error=error(I::Residual)/>
        <ScoreField id=id(I::Target) label=fixed(I::Target) kind=kind value=field(|f| f.target.clone()) on_input=set(|f, v| f.target = v) error=error(I::Target)/>
        <TextField id=id(I::Owner) label=fixed(I::Owner) value=field(|f| f.owner.clone()) on_input=set(|f, v| f.owner = v) error=error(I::Owner)/>
        {area(I::Direction, |f| f.direction.clone(), |f, v| f.direction = v)}
        <TextField id=id(I::NextReview) label=fixed(I::NextReview) kind="date" hint="For example 31/10/2019" value=field(|f| f.next_review.clone()) on_input=set(|f, v| f.next_review = v) error=error(I::NextReview)/>
        // A new entry has no earlier score to explain.
        {(editor == Editor::Edit).then(|| view! {
            <TextField id=id(I::Reason) label=fixed(I::Reason) hint="Needed when a score changes; kept in the entry's history" value=field(|f| f.reason.clone()) on_input=set(|f, v| f.reason = v) error=error(I::Reason)/>
        })}
    }
}

/// A score chosen by impact and likelihood, or typed as the pack prints it
/// ("16 (Major/Likely)", "4x4", or "16" where only the score is printed):
/// the pickers and the text always agree.
#[component]
fn ScoreField(
    /// The text box's id; the pickers take it with "-impact" and "-likelihood".
    id: String,
    label: &'static str,
    kind: Signal<EntryKind>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    // A half-made choice (impact chosen, likelihood not yet) is kept here.
    let picked: RwSignal<(u8, u8)> = RwSignal::new(picked_of(&value.get_untracked()));
    // Typed text that gives no one cell ("12", a typo) leaves both unchosen.
    Effect::new(move |_| picked.set(picked_of(&value.get())));
    let choose = move |impact: Option<u8>, likelihood: Option<u8>| {
        let (next, write) = value.with_untracked(|text| {
            pick_score(
                picked.get_untracked(),
                impact,
                likelihood,
                text,
                kind.get_untracked(),
            )
        });
        picked.set(next);
        if let Some(text) = write {
            on_input.run(text);
        }
    };
    let (impact_id, likelihood_id, hint_id, error_id) = (
        format!("{id}-impact"),
        format!("{id}-likelihood"),
        format!("{id}-hint"),
        format!("{id}-error"),
    );
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(|e| e.is_some()) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <fieldset class="fieldset fieldset--small score-field" class:form-group--error=move || error.with(|e| e.is_some())>
            <legend class="label">{label}</legend>
            {move || error.get().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <div class="score-field__pickers">
                <div class="form-group">
                    <label class="label label--small" for=impact_id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Impact"</label>
                    <select class="select" id=impact_id prop:value=move || picker_value(picked.get().0)
                        on:change=move |e| choose(Some(picker_step(&event_target_value(&e))), None)>
                        <option value="">"Choose"</option>
                        {move || (1..=5u8).rev().map(|n| view! { <option value=n.to_string()>{impact_step(kind.get(), n)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label label--small" for=likelihood_id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Likelihood"</label>
                    <select class="select" id=likelihood_id prop:value=move || picker_value(picked.get().1)
                        on:change=move |e| choose(None, Some(picker_step(&event_target_value(&e))))>
                        <option value="">"Choose"</option>
                        {(1..=5u8).map(|n| view! { <option value=n.to_string()>{likelihood_step(n)}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="form-group">
                <label class="label label--small" for=id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Score, as the pack prints it"</label>
                <p class="hint" id=hint_id>"Set by the choices above, or type it: 16 (Major/Likely), 4x4, or 16 where only the score is printed."</p>
                <input
                    class="input input--score"
                    id=id
                    type="text"
                    autocomplete="off"
                    aria-describedby=described
                    aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                    prop:value=move || value.get()
                    on:input=move |e| on_input.run(event_target_value(&e))
                />
            </div>
        </fieldset>
    }
}
