//! One radio of a group, as the forms and the combine page draw them.

use leptos::prelude::*;

/// A radio input with its label. Its id is the group's `name`, "-" and its
/// `value`, so a field's id names the group once.
#[component]
pub fn Radio(
    /// The group's name (a field's id).
    #[prop(into)]
    name: String,
    /// The form key this radio chooses.
    value: &'static str,
    label: &'static str,
    /// Whether this radio is the one chosen.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with `value` when it is chosen.
    on_choose: Callback<&'static str>,
    /// `aria-describedby`, where the group shows an error.
    #[prop(optional, into)]
    described_by: Option<Signal<Option<String>>>,
    /// "off" where the browser must not restore a choice on reload.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// A test hook.
    #[prop(optional, into)]
    testid: Option<String>,
) -> impl IntoView {
    let input_id = format!("{name}-{value}");
    view! {
        <div class="radio">
            <input
                class="radio__input"
                type="radio"
                id=input_id.clone()
                name=name
                value=value
                autocomplete=autocomplete
                data-testid=testid
                aria-describedby=move || described_by.and_then(|d| d.get())
                prop:checked=move || checked.get()
                on:change=move |_| on_choose.run(value)
            />
            <label class="radio__label" for=input_id>{label}</label>
        </div>
    }
}
