//! The reader's rehearsal: where a snapshot file may be chosen (the Data,
//! Compare and Combine pages), once the page has shown and the browser is
//! idle, the demo's file is read through the quick reader a few times
//! (`scrutineer_core::file::format::rehearse`) and its overview derived at
//! every period (`indicators::overview::rehearse`). Chromium runs wasm in
//! its baseline tier until a function has run for a while; after this, the
//! person's file is read, and first shown, by code compiled beyond it.
//!
//! Once per page load. Each read, and each overview, is an idle task of its
//! own (`requestIdleCallback`; where a browser has none, as Safari, there is
//! no rehearsal). Once a file is chosen in any `FileChooser`, what is left
//! is dropped: the next task ends it instead of running. Each task is
//! measured in the performance timeline as [`TASK`], and [`DONE`] marks the
//! end.

use std::cell::Cell;
use std::rc::Rc;

use crate::browser;

/// Each task's measure in the performance timeline.
pub const TASK: &str = "scrutineer:reader-rehearsal";
/// The mark at the rehearsal's end (all done, or dropped for a file).
pub const DONE: &str = "scrutineer:reader-rehearsed";

/// How many times the demo's file is read and its overview derived.
/// Measured on the 5.8 MB pack (bench/RESULTS.md): with one read and no
/// overview, the first check took 170 ms against 187 without and 102 for a
/// second check; with six reads, 122 to 138; with twelve rounds of read and
/// overview, no better than six, within the noise.
const ROUNDS: usize = 6;

thread_local! {
    static BEGUN: Cell<bool> = const { Cell::new(false) };
    static FILE_CHOSEN: Cell<bool> = const { Cell::new(false) };
}

/// A file has been chosen: its own reading warms the reader, and the
/// rehearsal must not take the main thread from it.
pub fn file_chosen() {
    FILE_CHOSEN.set(true);
}

/// Begins the rehearsal, unless it has begun in this page load or a file
/// has been chosen.
pub fn begin() {
    if BEGUN.replace(true) || FILE_CHOSEN.get() {
        return;
    }
    in_idle_time(|| {
        let file = browser::timed(TASK, scrutineer_core::file::format::rehearsal_file);
        round(Rc::new(file), ROUNDS);
    });
}

/// One round of `left`: the file read, then in a task of its own the
/// overview of what it read.
fn round(file: Rc<String>, left: usize) {
    if left == 0 {
        return browser::mark(DONE);
    }
    in_idle_time(move || {
        let Some(demo) = browser::timed(TASK, || scrutineer_core::file::format::rehearse(&file))
        else {
            // The file did not read back as written: nothing to rehearse on.
            return browser::mark(DONE);
        };
        in_idle_time(move || {
            browser::timed(TASK, || {
                scrutineer_core::indicators::overview::rehearse(&demo)
            });
            round(file, left - 1);
        });
    });
}

/// Runs `task` once the browser is idle, unless a file has been chosen by
/// then: the rehearsal ends there instead.
fn in_idle_time(task: impl FnOnce() + 'static) {
    browser::when_idle(move || {
        if FILE_CHOSEN.get() {
            browser::mark(DONE);
        } else {
            task();
        }
    });
}
