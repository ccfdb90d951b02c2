//! Prints what Scrutineer says about each file given: `cargo run -p
//! scrutineer-core --example check_file -- tests/bad-files/*.json`.

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match scrutineer_core::file::format::import(&text) {
            Ok(opened) => println!(
                "{path}: opens ({} indicators)",
                opened.snapshot.indicators.len()
            ),
            Err(e) => println!("{path}: {e}"),
        }
    }
}
