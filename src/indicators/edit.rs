use leptos::prelude::*;
use scrutineer_core::domain::indicator::{Comparator, ComparatorKind};
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::rag::Rag;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::domain::value::Unit;
use scrutineer_core::indicators::edit::{
    comparator_label, edit_indicator, remove_comparator, save_comparator, set_period_notes,
    tolerance_example, ComparatorForm, IndicatorForm, COMPARATOR_KINDS,
};

use crate::components::{
    message_for, settle, summary_of_prefixed, ErrorSummary, TableRegion, TextField,
};
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

/// What to type for a comparator's figure, by the indicator's unit.
fn figure_hint(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "As the pack prints it, for example 17.3%, or - where it shows none.",
        Unit::Money => "As the pack prints it, for example \u{a3}2,300, or - where it shows none.",
        Unit::RatePer1000 | Unit::RatePer10000 | Unit::RatePer100000 => {
            "As the pack prints it, for example 64.0 or 1,412 / 57.5, or - where it shows none."
        }
        _ => "As the pack prints it, for example 1,412, or - where it shows none.",
    }
}

/// The England, regional and statistical neighbour figures held for an
/// indicator, each with a Remove button, and a form to add one or replace the
/// one of the same kind and period.
#[component]
pub fn ComparatorsEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let form = RwSignal::new(workspace.snapshot.with_untracked(ComparatorForm::new));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let unit = {
        let id = id.clone();
        workspace.snapshot.with_untracked(|s| {
            s.indicators
                .iter()
                .find(|i| i.id == id)
                .map_or(Unit::Number, |i| i.unit)
        })
    };
    let held = {
        let id = id.clone();
        move || {
            workspace.snapshot.with(|s| {
                s.indicators
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| i.comparators.clone())
                    .unwrap_or_default()
            })
        }
    };
    let remove_id = id.clone();
    let remove = move |c: Comparator| {
        let label = comparator_label(c.kind, c.name.as_deref(), c.period.as_ref());
        let result = workspace
            .snapshot
            .with_untracked(|s| remove_comparator(s, &remove_id, &c));
        match result {
            Ok(next) => {
                errors.set(vec![]);
                workspace.edit(format!("Removed the {label}"), next);
            }
            Err(list) => errors.set(list),
        }
    };
    let table = move || {
        let list = held();
        if list.is_empty() {
            return view! { <p data-testid="no-comparators">"No comparators are held for this indicator yet."</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|c| {
                let label = comparator_label(c.kind, c.name.as_deref(), c.period.as_ref());
                let remove = remove.clone();
                let gone = c.clone();
                view! {
                    <tr>
                        <th scope="row">{c.kind.label()}</th>
                        <td>{c.name.clone().unwrap_or_default()}</td>
                        <td>{c.period.map(|p| p.to_string()).unwrap_or_else(|| "Not stated".to_owned())}</td>
                        <td class="numeric">{c.value.display(unit)}</td>
                        <td>
                            <button
                                type="button"
                                class="button button--secondary button--small"
                                aria-label=format!("Remove the {label}")
                                on:click=move |_| remove(gone.clone())
                            >"Remove"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <TableRegion labelled_by="edit-comparators">
                <table class="table" data-testid="comparator-table">
                    <thead><tr>
                        <th scope="col">"Whose"</th><th scope="col">"Name"</th><th scope="col">"Period"</th>
                        <th scope="col" class="numeric">"Figure"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableRegion>
        }
        .into_any()
    };
    let field = move |get: fn(&ComparatorForm) -> String| Signal::derive(move || form.with(get));
    let setter = move |set: fn(&mut ComparatorForm, String)| {
        Callback::new(move |v: String| form.update(|f| set(f, v)))
    };
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let summary = Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .map(|e| {
                    let target = match e.field {
                        "kind" => "comparator-kind-england".to_owned(),
                        other => format!("comparator-{other}"),
                    };
                    (target, e.message.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = form.get_untracked();
        let result = workspace
            .snapshot
            .with_untracked(|s| save_comparator(s, &save_id, &typed));
        if let Some(next) = settle(errors, "#comparator-errors", result) {
            let kind = COMPARATOR_KINDS
                .iter()
                .find(|(key, _)| *key == typed.kind)
                .map_or(ComparatorKind::England, |(_, k)| *k);
            let name = (kind == ComparatorKind::Region).then(|| typed.name.trim());
            let period = typed.period.trim().parse::<Period>().ok();
            let label = comparator_label(kind, name, period.as_ref());
            workspace.edit_if_changed(format!("Saved the {label}"), next);
        }
    };
    let kind_error = error("kind");
    let radios = COMPARATOR_KINDS
        .iter()
        .map(|&(key, kind)| {
            let input_id = format!("comparator-kind-{key}");
            view! {
                <div class="radio">
                    <input
                        class="radio__input"
                        type="radio"
                        id=input_id.clone()
                        name="comparator-kind"
                        value=key
                        autocomplete="off"
                        aria-describedby=move || kind_error.with(|e| e.is_some()).then_some("comparator-kind-error")
                        prop:checked=move || form.with(|f| f.kind == key)
                        on:change=move |_| form.update(|f| f.kind = key.to_owned())
                    />
                    <label class="radio__label" for=input_id>{kind.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 id="edit-comparators">"Add or remove a comparator"</h2>
        <p>"England, regional and statistical neighbour figures, as the pack prints them beside the council's own. A comparator of the same kind and period as one held replaces it."</p>
        {table}
        <form class="form" novalidate on:submit=save data-testid="comparator-form">
            <ErrorSummary id="comparator-errors" errors=summary/>
            <div class="form-group" class:form-group--error=move || kind_error.with(|e| e.is_some())>
                <fieldset class="fieldset fieldset--small">
                    <legend class="label">"Whose figure"</legend>
                    {move || kind_error.get().map(|m| view! { <p class="error-message" id="comparator-kind-error"><span class="visually-hidden">"Error: "</span>{m}</p> })}
                    {radios}
                </fieldset>
            </div>
            <Show when=move || form.with(|f| f.kind == "region")>
                <TextField id="comparator-name" label="Name of the region" hint="As the pack heads its column, for example North West." value=field(|f| f.name.clone()) on_input=setter(|f, v| f.name = v) error=error("name")/>
            </Show>
            <TextField id="comparator-period" label="Period (optional)" hint="The period the comparator describes, as the pack prints it: 2017/18, Q1 2018/19, Apr 17 - Mar 18. Leave empty where the pack does not say." value=field(|f| f.period.clone()) on_input=setter(|f, v| f.period = v) error=error("period")/>
            <TextField id="comparator-value" label="Figure" hint=figure_hint(unit) inputmode="decimal" value=field(|f| f.value.clone()) on_input=setter(|f, v| f.value = v) error=error("value")/>
            <button type="submit" class="button">"Save comparator"</button>
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
