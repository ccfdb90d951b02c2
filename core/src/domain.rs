//! The domain: what a council scrutiny committee reads, as plain Rust types.

pub mod complaints;
pub mod indicator;
pub mod period;
pub mod rag;
pub mod register;
pub mod risk;
pub mod shared;
pub mod small;
pub mod snapshot;
pub mod value;
