//! A matrix marker's moves as a reducer: the drag (mouse, pen, touch), the
//! arrow keys, and the move waiting for its reason. The view turns DOM
//! events into [`MarkerEvent`]s and carries out the [`Effect`]s [`step`]
//! returns; everything it decides is here, tested without a browser. Also
//! the marker's element id, and the matrix's help line.

use crate::domain::risk::{EntryKind, Score};
use crate::route::percent_encode;

/// How far (in CSS pixels) a pointer travels before a press becomes a drag.
pub const DRAG_START: i32 = 8;

/// A marker as an event finds it: its entry, its cell and its residual score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grab {
    pub id: String,
    /// The cell it stands in, (impact, likelihood).
    pub from: (u8, u8),
    pub residual: Option<Score>,
}

/// A press on a marker, and whether it has yet moved far enough to drag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drag {
    pub marker: Grab,
    /// Where the press started, in client pixels.
    pub start: (i32, i32),
    pub moved: bool,
}

/// A move that waits for its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingMove {
    pub id: String,
    /// Its residual score now.
    pub from: Option<Score>,
    /// The cell it is to move to.
    pub to: (u8, u8),
}

/// One matrix's markers: what is being dragged or moved by keys, the cell
/// pointed at, the move waiting for its reason, and what was last said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkerState {
    pub kind: EntryKind,
    pub drag: Option<Drag>,
    /// The marker the arrow keys are moving.
    pub keyed: Option<String>,
    /// The cell a drag or the arrow keys point at.
    pub target: Option<(u8, u8)>,
    pub pending: Option<PendingMove>,
    /// A click that ends a drag must not also open the entry.
    pub swallow_click: bool,
    /// What the live region says.
    pub announcement: String,
}

/// A key pressed on a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    Enter,
    Escape,
    Other,
}

impl Key {
    /// The key of a keyboard event's `key`: "ArrowUp", "Enter", ...
    pub fn from_name(name: &str) -> Key {
        match name {
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "ArrowRight" => Key::Right,
            "ArrowLeft" => Key::Left,
            "Enter" => Key::Enter,
            "Escape" => Key::Escape,
            _ => Key::Other,
        }
    }

    /// An arrow's step as (impact, likelihood): up is more impact.
    fn step(self) -> Option<(i8, i8)> {
        match self {
            Key::Up => Some((1, 0)),
            Key::Down => Some((-1, 0)),
            Key::Right => Some((0, 1)),
            Key::Left => Some((0, -1)),
            Key::Enter | Key::Escape | Key::Other => None,
        }
    }
}

/// What happens to a matrix's markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkerEvent {
    /// A press on a marker; `primary` for the main button, `movable` while
    /// "Edit positions" is on in the residual score view.
    PointerDown {
        marker: Grab,
        at: (i32, i32),
        primary: bool,
        movable: bool,
    },
    PointerMove {
        at: (i32, i32),
    },
    /// The cell under the pointer, answering [`Effect::FindCell`].
    Over(Option<(u8, u8)>),
    PointerUp,
    PointerCancel,
    Click {
        id: String,
    },
    Key {
        marker: Grab,
        key: Key,
        movable: bool,
    },
    /// Focus left marker `id` (also as the page is left).
    Blur {
        id: String,
    },
    /// The move panel was cancelled.
    Cancel,
    /// The pending move was made.
    Saved,
}

/// What the view must do in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Keep the pointer's events on the pressed marker.
    CapturePointer,
    /// Find the cell at this point and send it back as [`MarkerEvent::Over`].
    FindCell((i32, i32)),
    /// The key or click is handled: the browser must not act on it too.
    PreventDefault,
    /// Focus the move panel's reason, once it has appeared.
    AskReason,
    /// Focus entry `id`'s marker, once the matrix is drawn again.
    FocusMarker(String),
    /// Open entry `id`'s page.
    Open(String),
}

/// "12 (Major/Possible)": a cell in words.
pub fn cell_words(kind: EntryKind, (impact, likelihood): (u8, u8)) -> String {
    Score::Rated { impact, likelihood }.label(kind)
}

impl MarkerState {
    pub fn new(kind: EntryKind) -> MarkerState {
        MarkerState {
            kind,
            drag: None,
            keyed: None,
            target: None,
            pending: None,
            swallow_click: false,
            announcement: String::new(),
        }
    }

    /// Whether the cell at `at` is where a drag or the arrow keys point.
    pub fn is_target(&self, at: (u8, u8)) -> bool {
        self.target == Some(at) && (self.drag.is_some() || self.keyed.is_some())
    }

    /// The entry whose shadow the cell at `at` shows, while it is the target.
    pub fn ghost(&self, at: (u8, u8)) -> Option<String> {
        if !self.is_target(at) {
            return None;
        }
        self.drag
            .as_ref()
            .map(|d| d.marker.id.clone())
            .or_else(|| self.keyed.clone())
    }

    /// Whether entry `id`'s marker is being dragged or moved by keys.
    pub fn moving(&self, id: &str) -> bool {
        self.drag
            .as_ref()
            .is_some_and(|d| d.marker.id == id && d.moved)
            || self.keyed.as_deref() == Some(id)
    }

    fn say(mut self, words: String) -> MarkerState {
        self.announcement = words;
        self
    }

    /// A move of `marker` to `to`: asked for its reason, or, to its own
    /// cell, no move at all.
    fn propose(mut self, marker: Grab, to: (u8, u8)) -> (MarkerState, Vec<Effect>) {
        if marker.from == to {
            let words = format!("{} stays at {}.", marker.id, cell_words(self.kind, to));
            return (self.say(words), vec![]);
        }
        self.pending = Some(PendingMove {
            id: marker.id,
            from: marker.residual,
            to,
        });
        (self, vec![Effect::AskReason])
    }
}

/// The state after `event`, and what the view must do.
pub fn step(state: MarkerState, event: MarkerEvent) -> (MarkerState, Vec<Effect>) {
    match event {
        MarkerEvent::PointerDown {
            marker,
            at,
            primary,
            movable,
        } => press(state, marker, at, primary && movable),
        MarkerEvent::PointerMove { at } => pointer_move(state, at),
        MarkerEvent::Over(cell) => over(state, cell),
        MarkerEvent::PointerUp => release(state),
        MarkerEvent::PointerCancel => (
            MarkerState {
                drag: None,
                target: None,
                ..state
            },
            vec![],
        ),
        MarkerEvent::Click { id } => click(state, id),
        MarkerEvent::Key {
            marker,
            key,
            movable,
        } => key_down(state, marker, key, movable),
        MarkerEvent::Blur { id } => blur(state, &id),
        MarkerEvent::Cancel => cancel(state),
        MarkerEvent::Saved => saved(state),
    }
}

fn saved(mut state: MarkerState) -> (MarkerState, Vec<Effect>) {
    match state.pending.take() {
        Some(p) => (state, vec![Effect::FocusMarker(p.id)]),
        None => (state, vec![]),
    }
}

fn press(
    mut state: MarkerState,
    marker: Grab,
    at: (i32, i32),
    may_move: bool,
) -> (MarkerState, Vec<Effect>) {
    if !may_move {
        return (state, vec![]);
    }
    state.target = Some(marker.from);
    state.drag = Some(Drag {
        marker,
        start: at,
        moved: false,
    });
    (state, vec![Effect::CapturePointer])
}

fn pointer_move(mut state: MarkerState, at: (i32, i32)) -> (MarkerState, Vec<Effect>) {
    let Some(drag) = state.drag.as_mut() else {
        return (state, vec![]);
    };
    let (dx, dy) = (at.0 - drag.start.0, at.1 - drag.start.1);
    if !drag.moved && dx * dx + dy * dy < DRAG_START * DRAG_START {
        return (state, vec![]);
    }
    drag.moved = true;
    (state, vec![Effect::FindCell(at)])
}

fn over(mut state: MarkerState, cell: Option<(u8, u8)>) -> (MarkerState, Vec<Effect>) {
    match cell {
        Some(c) if state.drag.is_some() && state.target != Some(c) => {
            state.target = Some(c);
            let words = format!("Over {}.", cell_words(state.kind, c));
            (state.say(words), vec![])
        }
        _ => (state, vec![]),
    }
}

fn release(mut state: MarkerState) -> (MarkerState, Vec<Effect>) {
    let Some(drag) = state.drag.take() else {
        return (state, vec![]);
    };
    let target = state.target.take();
    if !drag.moved {
        return (state, vec![]);
    }
    state.swallow_click = true;
    match target {
        Some(to) => state.propose(drag.marker, to),
        None => (state, vec![]),
    }
}

fn click(mut state: MarkerState, id: String) -> (MarkerState, Vec<Effect>) {
    if state.swallow_click {
        state.swallow_click = false;
        return (state, vec![Effect::PreventDefault]);
    }
    (state, vec![Effect::PreventDefault, Effect::Open(id)])
}

fn key_down(
    mut state: MarkerState,
    marker: Grab,
    key: Key,
    movable: bool,
) -> (MarkerState, Vec<Effect>) {
    let keyed_here = state.keyed.as_deref() == Some(marker.id.as_str());
    if let Some((di, dl)) = key.step() {
        if !movable {
            let words =
                "To move markers, turn on Edit positions in the residual score view.".to_owned();
            return (state.say(words), vec![]);
        }
        let (i, l) = match state.target {
            Some(at) if keyed_here => at,
            _ => marker.from,
        };
        let next = (
            (i as i8 + di).clamp(1, 5) as u8,
            (l as i8 + dl).clamp(1, 5) as u8,
        );
        let words = format!(
            "{} to {}. Enter to confirm, Escape to cancel.",
            marker.id,
            cell_words(state.kind, next)
        );
        state.keyed = Some(marker.id);
        state.target = Some(next);
        return (state.say(words), vec![Effect::PreventDefault]);
    }
    match key {
        Key::Enter if keyed_here => {
            let to = state.target.take().unwrap_or(marker.from);
            state.keyed = None;
            let (state, mut effects) = state.propose(marker, to);
            effects.insert(0, Effect::PreventDefault);
            (state, effects)
        }
        Key::Escape if keyed_here => {
            state.keyed = None;
            state.target = None;
            let words = format!("{} stays where it was.", marker.id);
            (state.say(words), vec![Effect::PreventDefault])
        }
        _ => (state, vec![]),
    }
}

fn blur(mut state: MarkerState, id: &str) -> (MarkerState, Vec<Effect>) {
    if state.keyed.as_deref() == Some(id) {
        state.keyed = None;
        state.target = None;
    }
    (state, vec![])
}

fn cancel(mut state: MarkerState) -> (MarkerState, Vec<Effect>) {
    match state.pending.take() {
        Some(p) => {
            let words = format!("{} was not moved.", p.id);
            (state.say(words), vec![Effect::FocusMarker(p.id)])
        }
        None => (state, vec![]),
    }
}

/// Where a marker button stands: in its cell on the grid, or in the list
/// of every entry of the chosen cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerPlace {
    Grid,
    ChosenCell,
}

/// The element id of entry `id`'s marker at `place`: the reference
/// percent-encoded, so a quote, a bracket or a space in it can neither
/// break the id nor reach a selector.
pub fn marker_element_id(place: MarkerPlace, id: &str) -> String {
    let at = match place {
        MarkerPlace::Grid => "grid",
        MarkerPlace::ChosenCell => "chosen",
    };
    format!("marker-{at}-{}", percent_encode(id))
}

/// The matrix's help line: how to open an entry, and how (or whether) its
/// markers move. `movable`: "Edit positions" is on in the residual view.
pub fn move_help(kind: EntryKind, movable: bool, editing: bool) -> String {
    let single = kind.key();
    if movable {
        format!("Editing positions: drag a marker to another cell, or focus it and use the arrow keys then Enter, to change its residual score; Escape cancels. Select a marker to open the {single}.")
    } else if editing {
        "Markers move only in the residual score view. Select a marker to open its entry."
            .to_owned()
    } else {
        format!("Select a marker to open the {single}. Markers stay put while you read: to move them, turn on \u{201c}Edit positions\u{201d} (remembered on this device).")
    }
}

#[cfg(test)]
mod tests;
