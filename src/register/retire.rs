//! Retiring an entry from the register, or restoring it.

use leptos::prelude::*;
use scrutineer_core::domain::register::RegisterEntry;
use scrutineer_core::form::{FieldError, FormField};
use scrutineer_core::register::retire::{retire_or_restore, suggested_retirement, RetireField};

use crate::browser;
use crate::components::{message_for, settle, summary_of, ErrorSummary, TextField};
use crate::workspace::use_workspace;

#[component]
pub(super) fn RetireForm(entry: RegisterEntry) -> impl IntoView {
    let workspace = use_workspace();
    let errors: RwSignal<Vec<FieldError<RetireField>>> = RwSignal::new(vec![]);
    let from = RwSignal::new(
        suggested_retirement(&entry)
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(String::new());
    let id = entry.id.clone();
    let retired = entry.retired.is_some();
    let error = move |f: RetireField| Signal::derive(message_for(errors, f));
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = workspace.snapshot().with_untracked(|s| {
                let (from, reason) = (from.get_untracked(), reason.get_untracked());
                retire_or_restore(s, &id, retired, &from, &reason, browser::today())
            });
            if let Some((next, done)) = settle(errors, "retire-errors", result) {
                reason.set(String::new());
                workspace.edit(done, next);
            }
        }
    };
    let reason_field = if retired {
        RetireField::RestoreReason
    } else {
        RetireField::Reason
    };
    let from_field = RetireField::From;
    view! {
        <h2>{if retired { "Restore to the register" } else { "Retire this entry" }}</h2>
        <p>{if retired { "It returns to the register from the quarter it left." } else { "It leaves the register from the quarter you give and is kept, with its history. You can restore it later." }}</p>
        <form class="form" on:submit=submit data-testid="retire-form" novalidate>
            <ErrorSummary id="retire-errors" errors=summary_of(errors)/>
            {(!retired).then(|| view! {
                <TextField id=from_field.id() label=from_field.label() hint="The first quarter it is no longer on the register, for example Q3 2019/20" value=Signal::derive(move || from.get()) on_input=Callback::new(move |v| from.set(v)) error=error(from_field)/>
            })}
            <TextField id=reason_field.id() label=reason_field.label() value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=error(reason_field)/>
            <button class=if retired { "button" } else { "button button--warning" } type="submit">{if retired { format!("Restore {id}") } else { format!("Retire {id}") }}</button>
        </form>
    }
}
