use scrutineer_core::compare::{Comparison, Line};
use scrutineer_core::domain::snapshot::Snapshot;
fn main() {
    let c = Comparison::of(
        &Snapshot::demo(),
        &Snapshot::demo_a_year_earlier(),
        "“Q2 2018.json”",
    );
    println!("{}", c.heading());
    for l in c.summary() {
        println!("- {}", Line::words(&l));
    }
}
