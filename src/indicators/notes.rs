//! One period's rating by hand, with its reason, and its commentary.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::rag::Rag;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::indicators::notes::set_period_notes;

use crate::components::{message_for, TextField};
use crate::workspace::use_workspace;

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
