//! An entry's marker on the matrix, moved by drag (mouse, pen, touch) or
//! keyboard, and the panel that asks for the move's reason.

use leptos::prelude::*;
use scrutineer_core::domain::period::Period;
use scrutineer_core::domain::risk::{EntryKind, Score};
use scrutineer_core::form::FormField;
use scrutineer_core::register::moves::{move_residual, MoveField};
use scrutineer_core::register::{score_text, Row};
use scrutineer_core::route::Route;

use crate::browser;
use crate::workspace::use_workspace;

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Drag {
    pub(super) id: String,
    from: (u8, u8),
    start: (i32, i32),
    moved: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct PendingMove {
    id: String,
    from: Option<Score>,
    to: (u8, u8),
}

#[derive(Clone, Copy)]
pub(super) struct MoveState {
    pub(super) kind: EntryKind,
    pub(super) quarter: Period,
    pub(super) movable: Signal<bool>,
    pub(super) drag: RwSignal<Option<Drag>>,
    /// The cell a drag or the arrow keys point at.
    pub(super) target: RwSignal<Option<(u8, u8)>>,
    /// The marker the arrow keys are moving.
    pub(super) keyed: RwSignal<Option<String>>,
    pub(super) pending: RwSignal<Option<PendingMove>>,
    /// A click that ends a drag must not also open the entry.
    pub(super) swallow_click: RwSignal<bool>,
    pub(super) announce: RwSignal<String>,
    pub(super) rows: Memo<Vec<Row>>,
}

impl MoveState {
    fn residual_of(&self, id: &str) -> Option<Score> {
        self.rows
            .with_untracked(|r| r.iter().find(|r| r.id == id).and_then(|r| r.residual))
    }

    fn cell_words(&self, (i, l): (u8, u8)) -> String {
        Score::Rated {
            impact: i,
            likelihood: l,
        }
        .label(self.kind)
    }

    fn propose(&self, id: &str, from: (u8, u8), to: (u8, u8)) {
        if from == to {
            self.announce
                .set(format!("{id} stays at {}.", self.cell_words(to)));
            return;
        }
        self.pending.set(Some(PendingMove {
            id: id.to_owned(),
            from: self.residual_of(id),
            to,
        }));
        let input = MoveField::Reason(self.kind).id();
        request_animation_frame(move || browser::focus_id(&input));
    }
}

/// An entry's marker: select to open it; drag or arrow keys to move it.
#[component]
pub(super) fn Marker(id: String, from: (u8, u8), state: MoveState, help: String) -> impl IntoView {
    let title = state
        .rows
        .with_untracked(|r| {
            r.iter()
                .find(|r| r.id == id)
                .map(|r| (r.title.clone(), r.shown_label()))
        })
        .unwrap_or_default();
    let label = format!("{id}: {}. {}", title.0, title.1);
    let open = Route::RiskEntry { id: id.clone() }.href();
    let dragging = {
        let id = id.clone();
        move || {
            state
                .drag
                .with(|d| d.as_ref().is_some_and(|d| d.id == id && d.moved))
                || state.keyed.with(|k| k.as_deref() == Some(id.as_str()))
        }
    };
    let down = {
        let id = id.clone();
        move |ev: leptos::ev::PointerEvent| {
            if !state.movable.get_untracked() || ev.button() != 0 {
                return;
            }
            if let Some(el) = event_target::<web_sys::Element>(&ev).into() {
                let _ = web_sys::Element::set_pointer_capture(&el, ev.pointer_id());
            }
            state.drag.set(Some(Drag {
                id: id.clone(),
                from,
                start: (ev.client_x(), ev.client_y()),
                moved: false,
            }));
            state.target.set(Some(from));
        }
    };
    let movement = move |ev: leptos::ev::PointerEvent| {
        let Some(drag) = state.drag.get_untracked() else {
            return;
        };
        let (dx, dy) = (ev.client_x() - drag.start.0, ev.client_y() - drag.start.1);
        if !drag.moved && dx * dx + dy * dy < 64 {
            return;
        }
        if !drag.moved {
            state.drag.update(|d| {
                if let Some(d) = d {
                    d.moved = true
                }
            });
        }
        let cell = browser::cell_at(f64::from(ev.client_x()), f64::from(ev.client_y()));
        if cell.is_some() && cell != state.target.get_untracked() {
            state.target.set(cell);
            if let Some(c) = cell {
                state.announce.set(format!("Over {}.", state.cell_words(c)));
            }
        }
    };
    let up = move |_ev: leptos::ev::PointerEvent| {
        let Some(drag) = state.drag.get_untracked() else {
            return;
        };
        let target = state.target.get_untracked();
        state.drag.set(None);
        state.target.set(None);
        if drag.moved {
            state.swallow_click.set(true);
            if let Some(to) = target {
                state.propose(&drag.id, drag.from, to);
            }
        }
    };
    let cancel = move |_ev: leptos::ev::PointerEvent| {
        state.drag.set(None);
        state.target.set(None);
    };
    let click = {
        let open = open.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if state.swallow_click.get_untracked() {
                state.swallow_click.set(false);
                return;
            }
            browser::go(&open);
        }
    };
    let key = {
        let id = id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let keyed_here = state
                .keyed
                .with_untracked(|k| k.as_deref() == Some(id.as_str()));
            let step = match ev.key().as_str() {
                "ArrowUp" => Some((1i8, 0i8)),
                "ArrowDown" => Some((-1, 0)),
                "ArrowRight" => Some((0, 1)),
                "ArrowLeft" => Some((0, -1)),
                _ => None,
            };
            if let Some((di, dl)) = step {
                if !state.movable.get_untracked() {
                    state.announce.set(
                        "To move markers, turn on Edit positions in the residual score view."
                            .to_owned(),
                    );
                    return;
                }
                ev.prevent_default();
                let (i, l) = if keyed_here {
                    state.target.get_untracked().unwrap_or(from)
                } else {
                    from
                };
                let next = (
                    (i as i8 + di).clamp(1, 5) as u8,
                    (l as i8 + dl).clamp(1, 5) as u8,
                );
                state.keyed.set(Some(id.clone()));
                state.target.set(Some(next));
                state.announce.set(format!(
                    "{id} to {}. Enter to confirm, Escape to cancel.",
                    state.cell_words(next)
                ));
                return;
            }
            match ev.key().as_str() {
                "Enter" if keyed_here => {
                    ev.prevent_default();
                    let to = state.target.get_untracked().unwrap_or(from);
                    state.keyed.set(None);
                    state.target.set(None);
                    state.propose(&id, from, to);
                }
                "Escape" if keyed_here => {
                    ev.prevent_default();
                    state.keyed.set(None);
                    state.target.set(None);
                    state.announce.set(format!("{id} stays where it was."));
                }
                _ => {}
            }
        }
    };
    let blur = {
        let id = id.clone();
        // Also runs as the page is left, after its signals are gone.
        move |_| {
            if state
                .keyed
                .try_with_untracked(|k| k.as_deref() == Some(id.as_str()))
                == Some(true)
            {
                state.keyed.try_set(None);
                state.target.try_set(None);
            }
        }
    };
    view! {
        <button
            type="button"
            class="marker"
            class:marker--movable=move || state.movable.get()
            class:marker--moving=dragging
            data-entry=id.clone()
            aria-label=label
            aria-describedby=help
            on:pointerdown=down
            on:pointermove=movement
            on:pointerup=up
            on:pointercancel=cancel
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
    let input_id = MoveField::Reason(kind).id();
    let error_id = format!("{input_id}-error");
    let cancel = move || {
        if let Some(p) = state.pending.get_untracked() {
            state.pending.set(None);
            reason.set(String::new());
            error.set(None);
            state.announce.set(format!("{} was not moved.", p.id));
            request_animation_frame(move || browser::focus(&format!("[data-entry='{}']", p.id)));
        }
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = state.pending.get_untracked() else {
            return;
        };
        let result = workspace.snapshot.with_untracked(|s| {
            move_residual(
                s,
                &p.id,
                &state.quarter,
                p.to,
                &reason.get_untracked(),
                browser::today(),
            )
        });
        match result {
            Ok(next) => {
                let to = state.cell_words(p.to);
                error.set(None);
                reason.set(String::new());
                state.pending.set(None);
                workspace.edit(format!("Moved {} to {to}", p.id), next);
                let id = p.id.clone();
                request_animation_frame(move || browser::focus(&format!("[data-entry='{id}']")));
            }
            Err(e) => {
                error.set(Some(e.to_string()));
                let input = MoveField::Reason(kind).id();
                request_animation_frame(move || browser::focus_id(&input));
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
                state.cell_words(p.to)
            );
            view! {
                <form class="move-panel" on:submit=confirm data-testid=format!("move-panel-{key}")>
                    <h4 class="move-panel__title">{heading}</h4>
                    <div class="form-group" class:form-group--error=move || error.with(|e| e.is_some())>
                        <label class="label" for=input_id.clone()>{MoveField::Reason(kind).label()}</label>
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
