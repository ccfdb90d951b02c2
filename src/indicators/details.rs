//! The indicator details form on an indicator's page: name, polarity,
//! definition, owner, target, its rule and tolerances, with the worked example.

use leptos::prelude::*;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::indicators::details::{
    edit_indicator, polarity_of_key, rule_of_key, DetailsField, IndicatorForm, POLARITY_CHOICES,
    RULE_CHOICES,
};
use scrutineer_core::indicators::tolerance::tolerance_example;

use crate::components::Radio;
use crate::components::{message_for, settle, summary_of, ErrorSummary, TextField};
use crate::workspace::use_workspace;

/// Change an indicator's name, polarity, definition, owner and target.
#[component]
pub fn IndicatorEditor(
    /// The indicator's id.
    id: String,
) -> impl IntoView {
    let workspace = use_workspace();
    let start = workspace
        .snapshot()
        .with_untracked(|s| IndicatorForm::for_id(s, &id));
    let form = RwSignal::new(start);
    let errors: RwSignal<Vec<FieldError<DetailsField>>> = RwSignal::new(vec![]);
    let field = move |get: fn(&IndicatorForm) -> String| Signal::derive(move || form.with(get));
    let setter = move |set: fn(&mut IndicatorForm, String)| {
        Callback::new(move |v: String| form.update(|f| set(f, v)))
    };
    let error = move |name: DetailsField| Signal::derive(message_for(errors, name));
    let summary = summary_of(errors);
    let example_id = id.clone();
    let example = Signal::derive(move || {
        workspace.snapshot().with(|s| {
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
            .snapshot()
            .with_untracked(|s| edit_indicator(s, &save_id, &form.get_untracked()));
        if let Some(next) = settle(errors, "indicator-errors", result) {
            workspace.edit_if_changed("Saved the indicator's details", next);
        }
    };
    let polarity_radios = radios(
        form,
        DetailsField::Polarity,
        POLARITY_CHOICES,
        polarity_of_key,
        |f| f.polarity,
        |f, v| f.polarity = v,
    );
    let rule_radios = radios(
        form,
        DetailsField::Rule,
        RULE_CHOICES,
        rule_of_key,
        |f| f.rule,
        |f, v| f.rule = v,
    );
    view! {
        <h2 id="edit-indicator">"Change this indicator"</h2>
        <form class="form" novalidate on:submit=save data-testid="indicator-form">
            <ErrorSummary id="indicator-errors" errors=summary/>
            <TextField id=DetailsField::Name.id() label="Name" value=field(|f| f.name.clone()) on_input=setter(|f, v| f.name = v) error=error(DetailsField::Name)/>
            // An error summary's link lands on the group (named by its legend).
            <fieldset class="fieldset fieldset--small" id=DetailsField::Polarity.id() tabindex="-1">
                <legend class="label">"Good is"</legend>
                {polarity_radios}
            </fieldset>
            <TextField id=DetailsField::Definition.id() label="Definition (optional)" value=field(|f| f.definition.clone()) on_input=setter(|f, v| f.definition = v) error=error(DetailsField::Definition)/>
            <TextField id=DetailsField::Owner.id() label="Owner (optional)" value=field(|f| f.owner.clone()) on_input=setter(|f, v| f.owner = v) error=error(DetailsField::Owner)/>
            <TextField id=DetailsField::Target.id() label="Target (optional)" hint="In the indicator's unit, as the pack prints its figures. Leave empty for no target." inputmode="decimal" value=field(|f| f.target.clone()) on_input=setter(|f, v| f.target = v) error=error(DetailsField::Target)/>
            <fieldset class="fieldset fieldset--small" id=DetailsField::Rule.id() tabindex="-1">
                <legend class="label">"How the target is judged"</legend>
                {move || error(DetailsField::Rule).get().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                {rule_radios}
            </fieldset>
            <Show when=move || form.with(IndicatorForm::is_goal_post)>
                <TextField id=DetailsField::GreenWithin.id() label="Green band (% of the target)" hint="A percentage of the target: how far either side of it a figure is still on track." inputmode="decimal" value=field(|f| f.green_within.clone()) on_input=setter(|f, v| f.green_within = v) error=error(DetailsField::GreenWithin)/>
            </Show>
            <TextField id=DetailsField::AmberWithin.id() label="Amber tolerance (% of the target)" hint="A percentage of the target, not points of the figure: how far short of the target (or over it, where less is better) a figure can be and still be slightly below rather than requiring improvement. For \u{201c}either way\u{201d}: how far either side of the target is amber." inputmode="decimal" note=example value=field(|f| f.amber_within.clone()) on_input=setter(|f, v| f.amber_within = v) error=error(DetailsField::AmberWithin)/>
            <button type="submit" class="button">"Save indicator"</button>
        </form>
    }
}

/// A radio for each of `choices` (its form key, its choice and its words)
/// in the group named by `field`'s id: `get` reads the choice the form
/// holds; the key a radio sends is looked up with `of_key` and `set` puts
/// its choice there (a key it does not know changes nothing).
fn radios<T, const N: usize>(
    form: RwSignal<IndicatorForm>,
    field: DetailsField,
    choices: [(&'static str, T, &'static str); N],
    of_key: fn(&str) -> Option<T>,
    get: fn(&IndicatorForm) -> T,
    set: fn(&mut IndicatorForm, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    choices
        .into_iter()
        .map(|(key, choice, label)| {
            view! {
                <Radio
                    name=field.id()
                    value=key
                    label=label
                    checked=Signal::derive(move || form.with(|f| get(f) == choice))
                    on_choose=Callback::new(move |v: &str| {
                        if let Some(chosen) = of_key(v) {
                            form.update(|f| set(f, chosen));
                        }
                    })
                />
            }
        })
        .collect_view()
}
