//! Scrutineer's pure core: everything that can be decided without a browser.
//!
//! No crate here may depend on `web-sys`, `wasm-bindgen` or `leptos`; the
//! compiler enforces that, and every module is tested natively with
//! `cargo test -p scrutineer-core`.

pub mod bring_in;
pub mod charts;
pub mod complaints;
pub mod dates;
pub mod domain;
pub mod file;
pub mod form;
pub mod indicators;
pub mod pack;
pub mod register;
pub mod route;
pub mod sort;
pub mod text;
