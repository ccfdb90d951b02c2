//! An entry's marker on the matrix, moved by drag (mouse, pen, touch) or
//! keyboard, and the panel that asks for the move's reason. What a press,
//! a key or a drop means is decided by the reducer in
//! `scrutineer_core::register::marker`; this file only turns DOM events
//! into its events and its effects into the DOM.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::EntryKind;
use scrutineer_core::form::FormField;
use scrutineer_core::register::marker::{
    cell_words, marker_element_id, step, Effect, Grab, Key, MarkerEvent, MarkerPlace, MarkerState,
    PendingMove,
};
use scrutineer_core::register::moves::{move_residual, MoveField};
use scrutineer_core::register::{score_text, Row};
use scrutineer_core::route::Route;

use crate::browser;
use crate::workspace::use_workspace;

/// One matrix's markers: their state, and what the view needs to read it.
#[derive(Clone, Copy)]
pub(super) struct MoveState {
    pub(super) kind: EntryKind,
    pub(super) quarter: Period,
    /// Whether "Edit positions" is on in the residual score view.
    pub(super) movable: Signal<bool>,
    pub(super) markers: RwSignal<MarkerState>,
    pub(super) pending: Memo<Option<PendingMove>>,
    pub(super) announcement: Memo<String>,
    pub(super) rows: Memo<Vec<Row>>,
}

impl MoveState {
    pub(super) fn new(
        kind: EntryKind,
        quarter: Period,
        movable: Signal<bool>,
        rows: Memo<Vec<Row>>,
    ) -> MoveState {
        let markers = RwSignal::new(MarkerState::new(kind));
        MoveState {
            kind,
            quarter,
            movable,
            markers,
            pending: Memo::new(move |_| markers.with(|m| m.pending.clone())),
            announcement: Memo::new(move |_| markers.with(|m| m.announcement.clone())),
            rows,
        }
    }

    /// Steps the markers' state with `event` and carries out its effects on
    /// `dom`, the DOM event it came from. After the page is left (a blur as
    /// it goes) there is nothing to do.
    fn send(self, event: MarkerEvent, dom: Option<&web_sys::Event>) {
        let Some(current) = self.markers.try_get_untracked() else {
            return;
        };
        let (next, effects) = step(current.clone(), event);
        if next != current {
            self.markers.try_set(next);
        }
        for effect in effects {
            self.carry_out(effect, dom);
        }
    }

    fn carry_out(self, effect: Effect, dom: Option<&web_sys::Event>) {
        match effect {
            Effect::CapturePointer => {
                let pointer = dom.and_then(|e| e.dyn_ref::<web_sys::PointerEvent>());
                let target = dom
                    .and_then(|e| e.target())
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let (Some(pointer), Some(target)) = (pointer, target) {
                    let _ = target.set_pointer_capture(pointer.pointer_id());
                }
            }
            Effect::FindCell((x, y)) => {
                let cell = browser::cell_at(f64::from(x), f64::from(y));
                self.send(MarkerEvent::Over(cell), None);
            }
            Effect::PreventDefault => {
                if let Some(e) = dom {
                    e.prevent_default();
                }
            }
            Effect::AskReason => {
                let input = MoveField::Reason(self.kind).id();
                request_animation_frame(move || browser::focus_id(&input));
            }
            Effect::FocusMarker(id) => request_animation_frame(move || focus_marker(&id)),
            Effect::Open(id) => browser::go(&Route::RiskEntry { id }.href()),
        }
    }
}

/// Focuses entry `id`'s marker: in the grid, else in the chosen cell's list.
fn focus_marker(id: &str) {
    let present = |element: &String| document().get_element_by_id(element).is_some();
    if let Some(element) = [MarkerPlace::Grid, MarkerPlace::ChosenCell]
        .map(|place| marker_element_id(place, id))
        .iter()
        .find(|element| present(element))
    {
        browser::focus_id(element);
    }
}

/// An entry's marker: select to open it; drag or arrow keys to move it.
#[component]
pub(super) fn Marker(
    id: String,
    /// Its cell, (impact, likelihood).
    from: (u8, u8),
    /// In the grid or in the chosen cell's list: its element id says which.
    place: MarkerPlace,
    state: MoveState,
    help: String,
) -> impl IntoView {
    let (title, shown, residual) = state
        .rows
        .with_untracked(|r| {
            r.iter()
                .find(|r| r.id == id)
                .map(|r| (r.title.clone(), r.shown_label(), r.residual))
        })
        .unwrap_or_default();
    let label = format!("{id}: {title}. {shown}");
    let grab = Grab {
        id: id.clone(),
        from,
        residual,
    };
    let moving = {
        let id = id.clone();
        Memo::new(move |_| state.markers.with(|m| m.moving(&id)))
    };
    let send = move |event: MarkerEvent, dom: &web_sys::Event| state.send(event, Some(dom));
    let down = {
        let grab = grab.clone();
        move |ev: leptos::ev::PointerEvent| {
            let event = MarkerEvent::PointerDown {
                marker: grab.clone(),
                at: (ev.client_x(), ev.client_y()),
                primary: ev.button() == 0,
                movable: state.movable.get_untracked(),
            };
            send(event, &ev);
        }
    };
    let movement = move |ev: leptos::ev::PointerEvent| {
        send(
            MarkerEvent::PointerMove {
                at: (ev.client_x(), ev.client_y()),
            },
            &ev,
        )
    };
    let click = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| send(MarkerEvent::Click { id: id.clone() }, &ev)
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        let event = MarkerEvent::Key {
            marker: grab.clone(),
            key: Key::from_name(&ev.key()),
            movable: state.movable.get_untracked(),
        };
        send(event, &ev);
    };
    let blur = {
        let id = id.clone();
        move |ev: leptos::ev::FocusEvent| send(MarkerEvent::Blur { id: id.clone() }, &ev)
    };
    view! {
        <button
            type="button"
            class="marker"
            class:marker--movable=move || state.movable.get()
            class:marker--moving=moving
            id=marker_element_id(place, &id)
            data-entry=id.clone()
            aria-label=label
            aria-describedby=help
            on:pointerdown=down
            on:pointermove=movement
            on:pointerup=move |ev| send(MarkerEvent::PointerUp, &ev)
            on:pointercancel=move |ev| send(MarkerEvent::PointerCancel, &ev)
            on:click=click
            on:keydown=key
            on:blur=blur
        >
            {id.clone()}
        </button>
    }
}

/// Asks for the reason for a move, then makes it (undoably).
#[component]
pub(super) fn MovePanel(state: MoveState) -> impl IntoView {
    let workspace = use_workspace();
    let reason = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let kind = state.kind;
    let key = kind.plural();
    let field = MoveField::Reason(kind);
    let input_id = field.id();
    let error_id = format!("{input_id}-error");
    let cancel = move || {
        reason.set(String::new());
        error.set(None);
        state.send(MarkerEvent::Cancel, None);
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = state.pending.get_untracked() else {
            return;
        };
        let result = workspace.snapshot().with_untracked(|s| {
            let reason = reason.get_untracked();
            move_residual(s, &p.id, &state.quarter, p.to, &reason, browser::today())
        });
        match result {
            Ok(next) => {
                error.set(None);
                reason.set(String::new());
                state.send(MarkerEvent::Saved, None);
                let to = cell_words(kind, p.to);
                workspace.edit(format!("Moved {} to {to}", p.id), next);
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                state.carry_out(Effect::AskReason, None);
            }
        }
    };
    view! {
        {move || state.pending.get().map(|p| {
            let (input_id, error_id) = (input_id.clone(), error_id.clone());
            let heading = format!(
                "Move {} from {} to {}?",
                p.id,
                score_text(p.from, kind),
                cell_words(kind, p.to)
            );
            view! {
                <form class="move-panel" on:submit=confirm data-testid=format!("move-panel-{key}")>
                    <h4 class="move-panel__title">{heading}</h4>
                    <div class="form-group" class:form-group--error=move || error.with(|e| e.is_some())>
                        <label class="label" for=input_id.clone()>{field.label()}</label>
                        <p class="hint">"One line, kept in the entry's history. You can undo the move afterwards."</p>
                        {move || error.get().map(|m| view! {
                            <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                        })}
                        <input class="input" id=input_id.clone() type="text" autocomplete="off"
                            aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                            prop:value=move || reason.get()
                            on:input=move |e| reason.set(event_target_value(&e))
                            on:keydown=move |e: leptos::ev::KeyboardEvent| if e.key() == "Escape" { e.prevent_default(); cancel(); }
                        />
                    </div>
                    <div class="button-group">
                        <button class="button" type="submit">{format!("Move {}", p.id)}</button>
                        <button class="button button--secondary" type="button" on:click=move |_| cancel()>"Cancel"</button>
                    </div>
                </form>
            }
        })}
    }
}
