//! One period's rating by hand, with its reason, and its commentary.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::rag::Rag;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::indicators::notes::{
    noted_periods, rating_of_key, set_period_notes, NotesField, PeriodNotes, RATING_CHOICES,
};

use crate::components::{message_for, TextArea, TextField};
use crate::workspace::use_workspace;

/// Set a rating by hand, with a reason, and the commentary for one period.
#[component]
pub fn PeriodNotesEditor(id: String) -> impl IntoView {
    let workspace = use_workspace();
    let periods: Vec<Period> = workspace
        .snapshot()
        .with_untracked(|s| noted_periods(s, &id));
    let Some(first) = periods.first().copied() else {
        return ().into_any();
    };
    let period = RwSignal::new(first);
    let current = {
        let id = id.clone();
        move |p: Period| {
            workspace
                .snapshot()
                .with_untracked(|s| PeriodNotes::of(s, &id, &p))
        }
    };
    let notes = RwSignal::new(current(first));
    let errors: RwSignal<Vec<FieldError<NotesField>>> = RwSignal::new(vec![]);
    let choose = move |e: leptos::ev::Event| {
        if let Ok(p) = event_target_value(&e).parse::<Period>() {
            period.set(p);
            notes.set(current(p));
            errors.set(vec![]);
        }
    };
    let save_id = id.clone();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = notes.get_untracked();
        let p = period.get_untracked();
        let result = workspace.snapshot().with_untracked(|s| {
            set_period_notes(s, &save_id, p, typed.chosen(), &typed.commentary)
        });
        match result {
            Ok(next) => {
                errors.set(vec![]);
                if workspace.snapshot().with_untracked(|s| **s != next) {
                    workspace.edit(format!("Saved the rating and commentary for {p}"), next);
                }
            }
            Err(list) => errors.set(list),
        }
    };
    let reason_error = Signal::derive(message_for(errors, NotesField::Reason));
    let rating_id = NotesField::Rating.id();
    let rating_hint = format!("{rating_id}-hint");
    view! {
        <h2 id="edit-period">"Rating by hand and commentary"</h2>
        <form class="form" novalidate on:submit=save data-testid="period-form">
            <div class="form-group">
                <label class="label" for=NotesField::Period.id()>"Period"</label>
                <select class="select" id=NotesField::Period.id() on:change=choose>
                    {periods.iter().map(|p| view! { <option value=p.to_string() selected=*p == first>{p.to_string()}</option> }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for=rating_id.clone()>"Rating"</label>
                <p class="hint" id=rating_hint.clone()>"Leave as \u{201c}From the target\u{201d} unless there is a reason the target does not tell the story."</p>
                <select class="select" id=rating_id aria-describedby=rating_hint prop:value=move || notes.with(PeriodNotes::rating_key) on:change=move |e| notes.update(|n| n.rating = rating_of_key(&event_target_value(&e)))>
                    <option value="">"From the target"</option>
                    {RATING_CHOICES.iter().map(|&(key, rag): &(&str, Rag)| view! { <option value=key>{rag.label()}</option> }).collect_view()}
                </select>
            </div>
            <TextField id=NotesField::Reason.id() label="Reason for the rating" hint="Shown with the rating wherever it appears." value=Signal::derive(move || notes.with(|n| n.reason.clone())) on_input=Callback::new(move |v| notes.update(|n| n.reason = v)) error=reason_error/>
            <TextArea id=NotesField::Commentary.id() label="Commentary" rows=5 value=Signal::derive(move || notes.with(|n| n.commentary.clone())) on_input=Callback::new(move |v| notes.update(|n| n.commentary = v)) error=Signal::derive(|| None)/>
            <button type="submit" class="button">"Save rating and commentary"</button>
        </form>
    }
    .into_any()
}
