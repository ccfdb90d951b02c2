//! The entry point: a panic hook, then the app mounted (see `lib.rs`).

fn main() {
    console_error_panic_hook::set_once();
    scrutineer::start();
}
