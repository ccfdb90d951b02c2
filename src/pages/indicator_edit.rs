use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::rag::Rag;
use scrutineer_core::editing::{edit_indicator, set_period_notes, IndicatorForm};
use scrutineer_core::snapshot::FieldError;

use crate::components::{message_for, settle, ErrorSummary, TextField};
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
    let summary = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| (format!("edit-{}", e.field), e.message.clone()))
                .collect::<Vec<_>>()
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
            <TextField id="edit-target" label="Target (optional)" hint="Leave empty for no target." value=field(|f| f.target.clone()) on_input=setter(|f, v| f.target = v) error=error("target")/>
            <fieldset class="fieldset fieldset--small" id="edit-rule">
                <legend class="label">"How the target is judged"</legend>
                {move || error("rule").get().map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                {radio("rule", "directional", "Meet or beat it: amber within a tolerance below", |f| f.rule.clone(), |f, v| f.rule = v)}
                {radio("rule", "goal_post", "Close to the target either way", |f| f.rule.clone(), |f, v| f.rule = v)}
            </fieldset>
            <TextField id="edit-amber_within" label="Amber tolerance" hint="Percentage points of performance below target that are still amber (for \u{201c}either way\u{201d}: percent either side)." value=field(|f| f.amber_within.clone()) on_input=setter(|f, v| f.amber_within = v) error=error("amber_within")/>
            <Show when=move || form.with(|f| f.rule == "goal_post")>
                <TextField id="edit-green_within" label="Green band" hint="Percent either side of the target that is green." value=field(|f| f.green_within.clone()) on_input=setter(|f, v| f.green_within = v) error=error("green_within")/>
            </Show>
            <button type="submit" class="button">"Save indicator"</button>
        </form>
    }
}

/// Set a rating by hand, with a reason, and the commentary for one period.
#[component]
pub fn PeriodNotesEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let periods: Vec<Period> = workspace.snapshot.with_untracked(|s| {
        let mut p: Vec<Period> = s
            .indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.values.iter().map(|o| o.period).collect())
            .unwrap_or_default();
        p.sort_by(|a, b| b.timeline_cmp(a));
        p
    });
    let Some(first) = periods.first().copied() else {
        return ().into_any();
    };
    let period = RwSignal::new(first);
    let current = {
        let id = id.clone();
        move |p: Period| {
            workspace.snapshot.with_untracked(|s| {
                let ind = s.indicators.iter().find(|i| i.id == id);
                let obs = ind.and_then(|i| i.value_for(&p));
                let rating = obs
                    .and_then(|o| o.rag_override.as_ref())
                    .map(|o| (rag_key(o.rag).to_owned(), o.reason.clone()))
                    .unwrap_or_default();
                let commentary = ind
                    .and_then(|i| i.commentary.iter().find(|c| c.period == p))
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                (rating.0, rating.1, commentary)
            })
        }
    };
    let (r0, why0, c0) = current(first);
    let rating = RwSignal::new(r0);
    let reason = RwSignal::new(why0);
    let commentary = RwSignal::new(c0);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let choose = {
        let current = current.clone();
        move |e: leptos::ev::Event| {
            if let Ok(p) = event_target_value(&e).parse::<Period>() {
                period.set(p);
                let (r, w, c) = current(p);
                rating.set(r);
                reason.set(w);
                commentary.set(c);
                errors.set(vec![]);
            }
        }
    };
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = match rating.get_untracked().as_str() {
            "green" => Some((Rag::Green, reason.get_untracked())),
            "amber" => Some((Rag::Amber, reason.get_untracked())),
            "red" => Some((Rag::Red, reason.get_untracked())),
            _ => None,
        };
        let p = period.get_untracked();
        let result = workspace.snapshot.with_untracked(|s| {
            set_period_notes(s, &save_id, p, chosen, &commentary.get_untracked())
        });
        match result {
            Ok(next) => {
                errors.set(vec![]);
                if workspace.snapshot.with_untracked(|s| *s != next) {
                    workspace.edit(format!("Saved the rating and commentary for {p}"), next);
                }
            }
            Err(list) => errors.set(list),
        }
    };
    let reason_error = Signal::derive(message_for(errors, "reason"));
    view! {
        <h2 id="edit-period">"Rating by hand and commentary"</h2>
        <form class="form" novalidate on:submit=save data-testid="period-form">
            <div class="form-group">
                <label class="label" for="edit-period-choice">"Period"</label>
                <select class="select" id="edit-period-choice" on:change=choose>
                    {periods.iter().map(|p| view! { <option value=p.to_string() selected=*p == first>{p.to_string()}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="edit-rating">"Rating"</label>
                <p class="hint" id="edit-rating-hint">"Leave as \u{201c}From the target\u{201d} unless there is a reason the target does not tell the story."</p>
                <select class="select" id="edit-rating" aria-describedby="edit-rating-hint" prop:value=move || rating.get() on:change=move |e| rating.set(event_target_value(&e))>
                    <option value="">"From the target"</option>
                    <option value="green">{Rag::Green.label()}</option>
                    <option value="amber">{Rag::Amber.label()}</option>
                    <option value="red">{Rag::Red.label()}</option>
                </select>
            </div>
            <TextField id="edit-reason" label="Reason for the rating" hint="Shown with the rating wherever it appears." value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=reason_error/>
            <div class="form-group">
                <label class="label" for="edit-commentary">"Commentary"</label>
                <textarea class="textarea" id="edit-commentary" rows="5" prop:value=move || commentary.get() on:input=move |e| commentary.set(event_target_value(&e))></textarea>
            </div>
            <button type="submit" class="button">"Save rating and commentary"</button>
        </form>
    }
    .into_any()
}

fn rag_key(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "green",
        Rag::Amber => "amber",
        Rag::Red => "red",
    }
}
