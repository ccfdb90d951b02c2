//! The indicator details form on an indicator's page: name, polarity,
//! definition, owner, target, its rule and tolerances, with the worked example.

use leptos::prelude::*;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::indicators::details::{edit_indicator, IndicatorForm};
use scrutineer_core::indicators::tolerance::tolerance_example;

use crate::components::{message_for, settle, summary_of_prefixed, ErrorSummary, TextField};
use crate::workspace::use_workspace;

/// Change an indicator's name, polarity, definition, owner and target.
#[component]
pub fn IndicatorEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let start = workspace.snapshot.with_untracked(|s| {
        s.indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| IndicatorForm::of(i, s.settings.amber_within))
            .unwrap_or_default()
    });
    let form = RwSignal::new(start);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let field = move |get: fn(&IndicatorForm) -> String| Signal::derive(move || form.with(get));
    let setter = move |set: fn(&mut IndicatorForm, String)| {
        Callback::new(move |v: String| form.update(|f| set(f, v)))
    };
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let summary = summary_of_prefixed(errors, "edit-");
    let example_id = id.clone();
    let example = Signal::derive(move || {
        workspace.snapshot.with(|s| {
            s.indicators
                .iter()
                .find(|i| i.id == example_id)
                .and_then(|i| form.with(|f| tolerance_example(i, f)))
        })
    });
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let result = workspace
            .snapshot
            .with_untracked(|s| edit_indicator(s, &save_id, &form.get_untracked()));
        if let Some(next) = settle(errors, "#indicator-errors", result) {
            workspace.edit_if_changed("Saved the indicator's details", next);
        }
    };
    let radio = move |name: &'static str,
                      value: &'static str,
                      label: &'static str,
                      get: fn(&IndicatorForm) -> String,
                      set: fn(&mut IndicatorForm, String)| {
        let input_id = format!("edit-{name}-{value}");
        view! {
            <div class="radio">
                <input
                    class="radio__input"
                    type="radio"
                    id=input_id.clone()
                    name=format!("edit-{name}")
                    value=value
                    prop:checked=move || form.with(get) == value
                    on:change=move |_| form.update(|f| set(f, value.to_owned()))
                />
                <label class="radio__label" for=input_id>{label}</label>
            </div>
        }
    };
    view! {
        <h2 id="edit-indicator">"Change this indicator"</h2>
        <form class="form" novalidate on:submit=save data-testid="indicator-form">
            <ErrorSummary id="indicator-errors" errors=summary/>
            <TextField id="edit-name" label="Name" value=field(|f| f.name.clone()) on_input=setter(|f, v| f.name = v) error=error("name")/>
            <fieldset class="fieldset fieldset--small">
                <legend class="label">"Good is"</legend>
                {radio("polarity", "high", "High: a bigger number is better", |f| f.polarity.clone(), |f, v| f.polarity = v)}
                {radio("polarity", "low", "Low: a smaller number is better", |f| f.polarity.clone(), |f, v| f.polarity = v)}
                {radio("polarity", "none", "Neither: context only", |f| f.polarity.clone(), |f, v| f.polarity = v)}
            </fieldset>
            <TextField id="edit-definition" label="Definition (optional)" value=field(|f| f.definition.clone()) on_input=setter(|f, v| f.definition = v) error=error("definition")/>
            <TextField id="edit-owner" label="Owner (optional)" value=field(|f| f.owner.clone()) on_input=setter(|f, v| f.owner = v) error=error("owner")/>
            <TextField id="edit-target" label="Target (optional)" hint="In the indicator's unit, as the pack prints its figures. Leave empty for no target." inputmode="decimal" value=field(|f| f.target.clone()) on_input=setter(|f, v| f.target = v) error=error("target")/>
            <fieldset class="fieldset fieldset--small" id="edit-rule">
                <legend class="label">"How the target is judged"</legend>
                {move || error("rule").get().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                {radio("rule", "directional", "Meet or beat it: amber within a tolerance below", |f| f.rule.clone(), |f, v| f.rule = v)}
                {radio("rule", "goal_post", "Close to the target either way", |f| f.rule.clone(), |f, v| f.rule = v)}
            </fieldset>
            <Show when=move || form.with(|f| f.rule == "goal_post")>
                <TextField id="edit-green_within" label="Green band (% of the target)" hint="A percentage of the target: how far either side of it a figure is still on track." inputmode="decimal" value=field(|f| f.green_within.clone()) on_input=setter(|f, v| f.green_within = v) error=error("green_within")/>
            </Show>
            <TextField id="edit-amber_within" label="Amber tolerance (% of the target)" hint="A percentage of the target, not points of the figure: how far short of the target (or over it, where less is better) a figure can be and still be slightly below rather than requiring improvement. For \u{201c}either way\u{201d}: how far either side of the target is amber." inputmode="decimal" note=example value=field(|f| f.amber_within.clone()) on_input=setter(|f, v| f.amber_within = v) error=error("amber_within")/>
            <button type="submit" class="button">"Save indicator"</button>
        </form>
    }
}
