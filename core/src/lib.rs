//! Scrutineer's pure core: everything that can be decided without a browser.
//!
//! No crate here may depend on `web-sys`, `wasm-bindgen` or `leptos`; the
//! compiler enforces that, and every module is tested natively with
//! `cargo test -p scrutineer-core`.

pub mod calendar;
pub mod cases;
pub mod charts;
pub mod complaints_edit;
pub mod complaints_report;
pub mod csv;
pub mod dashboard;
pub mod dates;
pub mod demo;
pub mod domain;
pub mod editing;
pub mod figure_entry;
pub mod file_format;
pub mod html;
pub mod pack;
pub mod register;
pub mod register_edit;
pub mod route;
pub mod share;
pub mod snapshot;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod validate;
