//! Form parts shared by every editor: a field's error, and a labelled input.

use leptos::prelude::*;
use scrutineer_core::form::{self, FieldError, FormField};

/// Settles a form's result: on success its errors are cleared and the value
/// given back; on refusal every error is shown and focus moves to the error
/// summary (the element with id `summary`) once it has appeared, so it is
/// read out.
pub fn settle<T, E: Send + Sync + 'static>(
    errors: RwSignal<Vec<E>>,
    summary: &'static str,
    result: Result<T, Vec<E>>,
) -> Option<T> {
    match result {
        Ok(value) => {
            errors.set(vec![]);
            Some(value)
        }
        Err(list) => {
            errors.set(list);
            request_animation_frame(move || crate::browser::focus_id(summary));
            None
        }
    }
}

/// The message for `field` among `errors`, as a reactive closure.
pub fn message_for<F: FormField>(
    errors: RwSignal<Vec<FieldError<F>>>,
    field: F,
) -> impl Fn() -> Option<String> + Copy {
    move || errors.with(|list| form::message_for(list, field).map(str::to_owned))
}

/// A form's errors for its [`ErrorSummary`]: each field's element id and its message.
pub fn summary_of<F: FormField>(
    errors: RwSignal<Vec<FieldError<F>>>,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || errors.with(|list| form::summary(list)))
}

/// A field's `aria-describedby`: its hint (where it has one), its error
/// (while it shows one) and any other parts while they show (a live note,
/// a pending change), each by id.
pub fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    described_by_with(hint_id, error_id, error, vec![])
}

/// [`described_by`] with `more`: (an element's id, whether it shows now).
pub fn described_by_with(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
    more: Vec<(String, Signal<bool>)>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids: Vec<String> = hint_id.iter().cloned().collect();
        for (id, shown) in &more {
            if shown.get() {
                ids.push(id.clone());
            }
        }
        if error.with(|e| e.is_some()) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled text area with its hint and error, shaped like [`TextField`].
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] rows: Option<u8>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    view! {
        <div class="form-group" class:form-group--error=move || error.with(|e| e.is_some())>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {move || error.get().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <textarea
                class="textarea"
                id=id
                rows=rows.unwrap_or(4)
                aria-describedby=described
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=move || value.get()
                on:input=move |e| on_input.run(event_target_value(&e))
            ></textarea>
        </div>
    }
}

/// A labelled input with its hint and error, GOV.UK shaped: the error is
/// read out with the field, and the field is marked invalid.
#[component]
pub fn TextField(
    /// The input's id; the hint and error take it with "-hint" and "-error".
    #[prop(into)]
    id: String,
    label: &'static str,
    /// The input's type: "text" unless given ("date", "search").
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The on-screen keyboard to offer: "decimal" for figures, "numeric" for counts.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Live text under the input, such as a worked example: read out as it
    /// changes, and with the field. Its id is the field's with "-note".
    #[prop(optional)]
    note: Option<Signal<Option<String>>>,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let input_id = id.clone();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let note_id = format!("{id}-note");
    let more = note
        .map(|n| {
            vec![(
                note_id.clone(),
                Signal::derive(move || n.with(|t| t.is_some())),
            )]
        })
        .unwrap_or_default();
    let described = described_by_with(hint.map(|_| hint_id.clone()), error_id.clone(), error, more);
    view! {
        <div class="form-group" class:form-group--error=move || error.with(|e| e.is_some())>
            <label class="label" for=input_id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {move || error.get().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <input
                class="input"
                id=input_id
                type=kind.unwrap_or("text")
                inputmode=inputmode
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                prop:value=move || value.get()
                on:input=move |e| on_input.run(event_target_value(&e))
            />
            {note.map(|note| view! {
                <p class="hint" id=note_id.clone() aria-live="polite">{move || note.get().unwrap_or_default()}</p>
            })}
        </div>
    }
}

/// "There is a problem": every error of a form, each a link that moves focus
/// to its field. The form focuses it (by `id`) after a refused save.
#[component]
pub fn ErrorSummary(
    /// The summary's id, to focus it.
    id: &'static str,
    /// Each fault as (the field's element id, the message).
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let title = format!("{id}-title");
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="error-summary" id=id tabindex="-1" aria-labelledby=title.clone()>
                <h2 class="error-summary__title" id=title.clone()>"There is a problem"</h2>
                <ul>
                    {move || errors.get().into_iter().map(|(target, message)| {
                        let href = format!("#{target}");
                        view! {
                            <li><a href=href on:click=move |ev| {
                                ev.prevent_default();
                                crate::browser::focus_id(&target);
                            }>{message}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
