//! Every transition of the marker's reducer, and its element id.

use super::*;

fn cr10() -> Grab {
    Grab {
        id: "CR10".into(),
        from: (4, 4),
        residual: Some(Score::Printed { value: 16 }),
    }
}

fn start() -> MarkerState {
    MarkerState::new(EntryKind::Risk)
}

fn key(state: MarkerState, k: Key) -> (MarkerState, Vec<Effect>) {
    step(
        state,
        MarkerEvent::Key {
            marker: cr10(),
            key: k,
            movable: true,
        },
    )
}

/// A press on CR10 at (100, 100), with "Edit positions" on.
fn pressed() -> MarkerState {
    let (state, effects) = step(
        start(),
        MarkerEvent::PointerDown {
            marker: cr10(),
            at: (100, 100),
            primary: true,
            movable: true,
        },
    );
    assert_eq!(effects, vec![Effect::CapturePointer]);
    state
}

#[test]
fn keys_are_named_as_keyboard_events_name_them() {
    assert_eq!(Key::from_name("ArrowUp"), Key::Up);
    assert_eq!(Key::from_name("ArrowLeft"), Key::Left);
    assert_eq!(Key::from_name("Enter"), Key::Enter);
    assert_eq!(Key::from_name("Escape"), Key::Escape);
    assert_eq!(Key::from_name("a"), Key::Other);
}

#[test]
fn arrow_keys_point_at_the_next_cell_within_the_grid() {
    let (state, effects) = key(start(), Key::Down);
    assert_eq!(effects, vec![Effect::PreventDefault]);
    assert_eq!(state.keyed.as_deref(), Some("CR10"));
    assert_eq!(state.target, Some((3, 4)));
    assert_eq!(
        state.announcement,
        "CR10 to 12 (Moderate/Likely). Enter to confirm, Escape to cancel."
    );
    assert!(state.is_target((3, 4)));
    assert!(!state.is_target((4, 4)));
    assert_eq!(state.ghost((3, 4)).as_deref(), Some("CR10"));
    assert!(state.moving("CR10"));
    assert!(!state.moving("CR1"));
    // From the cell pointed at, not the marker's own.
    let (state, _) = key(state, Key::Left);
    assert_eq!(state.target, Some((3, 3)));
    // Never off the grid.
    let (state, _) = key(state, Key::Up);
    let (state, _) = key(state, Key::Up);
    let (state, _) = key(state, Key::Up);
    assert_eq!(state.target, Some((5, 3)));
    let mut state = state;
    for _ in 0..6 {
        state = key(state, Key::Right).0;
    }
    assert_eq!(state.target, Some((5, 5)));
    for _ in 0..6 {
        state = key(state, Key::Down).0;
        state = key(state, Key::Left).0;
    }
    assert_eq!(state.target, Some((1, 1)));
}

#[test]
fn while_reading_the_arrow_keys_explain_how_to_turn_on_edit_positions() {
    let (state, effects) = step(
        start(),
        MarkerEvent::Key {
            marker: cr10(),
            key: Key::Down,
            movable: false,
        },
    );
    assert!(effects.is_empty(), "the page scrolls as usual");
    assert_eq!(state.target, None);
    assert_eq!(state.keyed, None);
    assert_eq!(
        state.announcement,
        "To move markers, turn on Edit positions in the residual score view."
    );
    // Enter and Escape on a marker not being moved do nothing.
    let (same, effects) = key(start(), Key::Enter);
    assert_eq!((same, effects), (start(), vec![]));
    let (same, effects) = key(start(), Key::Escape);
    assert_eq!((same, effects), (start(), vec![]));
    let (same, effects) = key(start(), Key::Other);
    assert_eq!((same, effects), (start(), vec![]));
}

#[test]
fn enter_with_a_cell_pointed_at_asks_for_the_reason() {
    let (state, _) = key(start(), Key::Down);
    let (state, effects) = key(state, Key::Enter);
    assert_eq!(effects, vec![Effect::PreventDefault, Effect::AskReason]);
    assert_eq!(
        state.pending,
        Some(PendingMove {
            id: "CR10".into(),
            from: Some(Score::Printed { value: 16 }),
            to: (3, 4),
        })
    );
    assert_eq!(state.keyed, None);
    assert_eq!(state.target, None);
    // Back to its own cell is no move.
    let (state, _) = key(start(), Key::Down);
    let (state, _) = key(state, Key::Up);
    let (state, effects) = key(state, Key::Enter);
    assert_eq!(effects, vec![Effect::PreventDefault]);
    assert_eq!(state.pending, None);
    assert_eq!(state.announcement, "CR10 stays at 16 (Major/Likely).");
}

#[test]
fn escape_or_leaving_the_marker_cancels_a_keyboard_move() {
    let (state, _) = key(start(), Key::Down);
    let (state, effects) = key(state, Key::Escape);
    assert_eq!(effects, vec![Effect::PreventDefault]);
    assert_eq!((state.keyed.clone(), state.target), (None, None));
    assert_eq!(state.announcement, "CR10 stays where it was.");
    let (state, _) = key(start(), Key::Down);
    let (other, _) = step(state.clone(), MarkerEvent::Blur { id: "CR1".into() });
    assert_eq!(other, state, "another marker's blur changes nothing");
    let (state, effects) = step(state, MarkerEvent::Blur { id: "CR10".into() });
    assert!(effects.is_empty());
    assert_eq!((state.keyed, state.target), (None, None));
}

#[test]
fn a_press_only_starts_a_drag_with_the_main_button_while_editing() {
    for (primary, movable) in [(false, true), (true, false)] {
        let (state, effects) = step(
            start(),
            MarkerEvent::PointerDown {
                marker: cr10(),
                at: (0, 0),
                primary,
                movable,
            },
        );
        assert_eq!((state, effects), (start(), vec![]));
    }
    let state = pressed();
    assert_eq!(state.target, Some((4, 4)));
    assert!(!state.moving("CR10"), "not until it moves");
    assert!(state.is_target((4, 4)));
    // Moves without a drag are ignored.
    let (same, effects) = step(start(), MarkerEvent::PointerMove { at: (500, 500) });
    assert_eq!((same, effects), (start(), vec![]));
    let (same, _) = step(start(), MarkerEvent::Over(Some((1, 1))));
    assert_eq!(same, start());
}

#[test]
fn a_drag_starts_past_the_threshold_and_follows_the_cells_it_is_over() {
    let state = pressed();
    let (state, effects) = step(state, MarkerEvent::PointerMove { at: (105, 105) });
    assert!(effects.is_empty(), "7 pixels is a press, not a drag");
    assert!(!state.drag.as_ref().expect("drag").moved);
    let (state, effects) = step(state, MarkerEvent::PointerMove { at: (108, 100) });
    assert_eq!(effects, vec![Effect::FindCell((108, 100))]);
    assert!(state.moving("CR10"));
    // Once moved, every move looks for the cell.
    let (state, effects) = step(state, MarkerEvent::PointerMove { at: (101, 100) });
    assert_eq!(effects, vec![Effect::FindCell((101, 100))]);
    let (state, _) = step(state, MarkerEvent::Over(None));
    assert_eq!(
        state.target,
        Some((4, 4)),
        "off the grid keeps the last cell"
    );
    let (state, _) = step(state, MarkerEvent::Over(Some((4, 2))));
    assert_eq!(state.target, Some((4, 2)));
    assert_eq!(state.announcement, "Over 8 (Major/Unlikely).");
    assert_eq!(state.ghost((4, 2)).as_deref(), Some("CR10"));
}

#[test]
fn a_drop_asks_for_the_reason_and_swallows_its_click() {
    let state = pressed();
    let (state, _) = step(state, MarkerEvent::PointerMove { at: (200, 100) });
    let (state, _) = step(state, MarkerEvent::Over(Some((4, 2))));
    let (state, effects) = step(state, MarkerEvent::PointerUp);
    assert_eq!(effects, vec![Effect::AskReason]);
    assert_eq!(state.drag, None);
    assert_eq!(state.target, None);
    assert_eq!(state.pending.as_ref().map(|p| p.to), Some((4, 2)));
    let (state, effects) = step(state, MarkerEvent::Click { id: "CR10".into() });
    assert_eq!(effects, vec![Effect::PreventDefault], "the drop's click");
    assert!(!state.swallow_click);
    let (_, effects) = step(state, MarkerEvent::Click { id: "CR10".into() });
    assert_eq!(
        effects,
        vec![Effect::PreventDefault, Effect::Open("CR10".into())]
    );
}

#[test]
fn a_press_without_a_drag_opens_the_entry_and_a_cancelled_drag_does_nothing() {
    let (state, effects) = step(pressed(), MarkerEvent::PointerUp);
    assert!(effects.is_empty());
    assert_eq!(state, start());
    let (_, effects) = step(state, MarkerEvent::Click { id: "CR10".into() });
    assert_eq!(
        effects,
        vec![Effect::PreventDefault, Effect::Open("CR10".into())]
    );
    let (same, effects) = step(start(), MarkerEvent::PointerUp);
    assert_eq!((same, effects), (start(), vec![]));
    let state = pressed();
    let (state, _) = step(state, MarkerEvent::PointerMove { at: (200, 100) });
    let (state, effects) = step(state, MarkerEvent::PointerCancel);
    assert!(effects.is_empty());
    assert_eq!((state.drag, state.target), (None, None));
    // Dropped where it started: no move, said so.
    let (state, _) = step(pressed(), MarkerEvent::PointerMove { at: (200, 100) });
    let (state, effects) = step(state, MarkerEvent::PointerUp);
    assert!(effects.is_empty());
    assert_eq!(state.pending, None);
    assert_eq!(state.announcement, "CR10 stays at 16 (Major/Likely).");
    assert!(state.swallow_click);
}

#[test]
fn the_move_panel_cancels_with_focus_back_on_the_marker_or_saves() {
    let (state, _) = key(start(), Key::Down);
    let (waiting, _) = key(state, Key::Enter);
    let (state, effects) = step(waiting.clone(), MarkerEvent::Cancel);
    assert_eq!(effects, vec![Effect::FocusMarker("CR10".into())]);
    assert_eq!(state.pending, None);
    assert_eq!(state.announcement, "CR10 was not moved.");
    let (state, effects) = step(waiting, MarkerEvent::Saved);
    assert_eq!(effects, vec![Effect::FocusMarker("CR10".into())]);
    assert_eq!(state.pending, None);
    for event in [MarkerEvent::Cancel, MarkerEvent::Saved] {
        let (same, effects) = step(start(), event);
        assert_eq!((same, effects), (start(), vec![]));
    }
}

#[test]
fn a_marker_id_holds_no_quote_bracket_or_space_whatever_the_reference() {
    let odd = "CR1'\"] x";
    let grid = marker_element_id(MarkerPlace::Grid, odd);
    assert_eq!(grid, "marker-grid-CR1%27%22%5D%20x");
    assert!(!grid.contains(['\'', '"', ']', ' ']));
    assert_eq!(
        marker_element_id(MarkerPlace::ChosenCell, "CR10"),
        "marker-chosen-CR10"
    );
    assert_ne!(
        marker_element_id(MarkerPlace::Grid, "CR1"),
        marker_element_id(MarkerPlace::ChosenCell, "CR1"),
        "one marker in the grid and one in the chosen cell's list"
    );
}

#[test]
fn the_help_line_says_how_markers_move_or_how_to_let_them() {
    assert!(move_help(EntryKind::Risk, true, true).starts_with("Editing positions: drag"));
    assert!(move_help(EntryKind::Opportunity, true, true).ends_with("open the opportunity."));
    assert_eq!(
        move_help(EntryKind::Risk, false, true),
        "Markers move only in the residual score view. Select a marker to open its entry."
    );
    assert!(move_help(EntryKind::Risk, false, false)
        .contains("turn on \u{201c}Edit positions\u{201d} (remembered on this device)"));
    assert_eq!(
        cell_words(EntryKind::Opportunity, (5, 3)),
        "15 (Outstanding/Possible)"
    );
}
