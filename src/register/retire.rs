//! Retiring an entry from the register, or restoring it.

use leptos::prelude::*;
use scrutineer_core::domain::register::RegisterEntry;
use scrutineer_core::domain::snapshot::FieldError;
use scrutineer_core::register::retire::{restore_entry, retire_entry, suggested_retirement};

use crate::browser;
use crate::components::{message_for, settle, summary_of_prefixed, ErrorSummary, TextField};
use crate::workspace::use_workspace;

#[component]
pub(super) fn RetireForm(entry: RegisterEntry) -> impl IntoView {
    let workspace = use_workspace();
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(vec![]);
    let from = RwSignal::new(
        suggested_retirement(&entry)
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(String::new());
    let id = entry.id.clone();
    let retired = entry.retired.is_some();
    let error = move |name: &'static str| Signal::derive(message_for(errors, name));
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let today = browser::today();
            let result = workspace.snapshot.with_untracked(|s| {
                if retired {
                    restore_entry(s, &id, &reason.get_untracked(), today)
                } else {
                    retire_entry(
                        s,
                        &id,
                        &from.get_untracked(),
                        &reason.get_untracked(),
                        today,
                    )
                }
            });
            if let Some(next) = settle(errors, "#retire-errors", result) {
                reason.set(String::new());
                let done = if retired {
                    format!("Restored {id} to the register")
                } else {
                    format!("Retired {id}")
                };
                workspace.edit(done, next);
            }
        }
    };
    view! {
        <h2>{if retired { "Restore to the register" } else { "Retire this entry" }}</h2>
        <p>{if retired { "It returns to the register from the quarter it left." } else { "It leaves the register from the quarter you give and is kept, with its history. You can restore it later." }}</p>
        <form class="form" on:submit=submit data-testid="retire-form" novalidate>
            <ErrorSummary id="retire-errors" errors=summary_of_prefixed(errors, "")/>
            {(!retired).then(|| view! {
                <TextField id="retire_from" label="Off the register from" hint="The first quarter it is no longer on the register, for example Q3 2019/20" value=Signal::derive(move || from.get()) on_input=Callback::new(move |v| from.set(v)) error=error("retire_from")/>
            })}
            {if retired {
                view! { <TextField id="restore_reason" label="Reason" value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=error("restore_reason")/> }.into_any()
            } else {
                view! { <TextField id="retire_reason" label="Reason" value=Signal::derive(move || reason.get()) on_input=Callback::new(move |v| reason.set(v)) error=error("retire_reason")/> }.into_any()
            }}
            <button class=if retired { "button" } else { "button button--warning" } type="submit">{if retired { format!("Restore {id}") } else { format!("Retire {id}") }}</button>
        </form>
    }
}
