//! The fields of an assessment, shared by the add and edit forms, and the
//! score field whose pickers and text always agree.

use leptos::prelude::*;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::register::edit::EntryForm;
use scrutineer_core::register::{wording, Wording};

use crate::components::{message_for, TextField};

/// The fields of an assessment, shared by the add and edit forms.
#[component]
pub(super) fn AssessmentFields(
    form: RwSignal<EntryForm>,
    errors: RwSignal<Vec<FieldError>>,
    prefix: &'static str,
    kind: Signal<EntryKind>,
) -> impl IntoView {
    let field = move |get: fn(&EntryForm) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut EntryForm, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let area = move |name: &'static str,
                     label: Signal<&'static str>,
                     get: fn(&EntryForm) -> String,
                     put: fn(&mut EntryForm, String)| {
        let id = format!("{prefix}{name}");
        view! {
            <div class="form-group">
                <label class="label" for=id.clone()>{label}</label>
                <textarea class="textarea" id=id rows="3" prop:value=move || form.with(get) on:input=move |e| form.update(|f| put(f, event_target_value(&e)))></textarea>
            </div>
        }
    };
    // The words follow the risk/opportunity choice without rebuilding the fields.
    let words =
        move |pick: fn(Wording) -> &'static str| Signal::derive(move || pick(wording(kind.get())));
    view! {
        <TextField id=format!("{prefix}quarter") label="Quarter" hint="For example Q3 2019/20" value=field(|f| f.quarter.clone()) on_input=set(|f, v| f.quarter = v) error=error("quarter")/>
        <TextField id=format!("{prefix}title") label="Title" value=field(|f| f.title.clone()) on_input=set(|f, v| f.title = v) error=error("title")/>
        {area("description", Signal::stored("Description"), |f| f.description.clone(), |f, v| f.description = v)}
        <TextField id=format!("{prefix}risk_type") label="Type" hint="For example Economic, Social, Legal/Political, People/Organisational" value=field(|f| f.risk_type.clone()) on_input=set(|f, v| f.risk_type = v) error=error("risk_type")/>
        {area("consequences", words(|w| w.consequences), |f| f.consequences.clone(), |f, v| f.consequences = v)}
        {area("controls", words(|w| w.controls), |f| f.controls.clone(), |f, v| f.controls = v)}
        <ScoreField id=format!("{prefix}inherent") label="Inherent score (before actions)" kind=kind value=field(|f| f.inherent.clone()) on_input=set(|f, v| f.inherent = v) error=error("inherent")/>
        {area("actions", words(|w| w.actions), |f| f.actions.clone(), |f, v| f.actions = v)}
        <ScoreField id=format!("{prefix}residual") label="Residual score (after actions)" kind=kind value=field(|f| f.residual.clone()) on_input=set(|f, v| f.residual = v) error=error("residual")/>
        <ScoreField id=format!("{prefix}target") label="Target score" kind=kind value=field(|f| f.target.clone()) on_input=set(|f, v| f.target = v) error=error("target")/>
        <TextField id=format!("{prefix}owner") label="Owner" value=field(|f| f.owner.clone()) on_input=set(|f, v| f.owner = v) error=error("owner")/>
        {area("direction", Signal::stored("Direction of travel and commentary"), |f| f.direction.clone(), |f, v| f.direction = v)}
        <TextField id=format!("{prefix}next_review") label="Next review" kind="date" hint="For example 31/10/2019" value=field(|f| f.next_review.clone()) on_input=set(|f, v| f.next_review = v) error=error("next_review")/>
        // A new entry has no earlier score to explain.
        {(prefix != "new-").then(|| view! {
            <TextField id=format!("{prefix}reason") label="Reason for the change" hint="Needed when a score changes; kept in the entry's history" value=field(|f| f.reason.clone()) on_input=set(|f, v| f.reason = v) error=error("reason")/>
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
    use scrutineer_core::register::edit::{chosen_score, score_cell};
    use scrutineer_core::register::{impact_step, likelihood_step};
    // A half-made choice (impact chosen, likelihood not yet) is kept here.
    let picked: RwSignal<(u8, u8)> =
        RwSignal::new(score_cell(&value.get_untracked()).unwrap_or((0, 0)));
    // Typed text that gives no one cell ("12", a typo) leaves both unchosen.
    Effect::new(move |_| picked.set(score_cell(&value.get()).unwrap_or((0, 0))));
    // A picker set to "Choose" (0) clears the score; both chosen write it.
    let choose = move |impact: Option<u8>, likelihood: Option<u8>| {
        let (i, l) = picked.get_untracked();
        let next = (impact.unwrap_or(i), likelihood.unwrap_or(l));
        picked.set(next);
        if let Some(text) = chosen_score(next.0, next.1, kind.get_untracked()) {
            on_input.run(text);
        } else if (next.0 == 0 || next.1 == 0) && score_cell(&value.get_untracked()).is_some() {
            on_input.run(String::new());
        }
    };
    let picked_of = |text: String| -> u8 { text.parse().unwrap_or(0) };
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
                    <select class="select" id=impact_id prop:value=move || picked.with(|p| if p.0 == 0 { String::new() } else { p.0.to_string() })
                        on:change=move |e| choose(Some(picked_of(event_target_value(&e))), None)>
                        <option value="">"Choose"</option>
                        {move || (1..=5u8).rev().map(|n| view! { <option value=n.to_string()>{impact_step(kind.get(), n)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label label--small" for=likelihood_id.clone()><span class="visually-hidden">{format!("{label}: ")}</span>"Likelihood"</label>
                    <select class="select" id=likelihood_id prop:value=move || picked.with(|p| if p.1 == 0 { String::new() } else { p.1.to_string() })
                        on:change=move |e| choose(None, Some(picked_of(event_target_value(&e))))>
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
