//! Scrutineer's pure core: everything that can be decided without a browser.
//!
//! No crate here may depend on `web-sys`, `wasm-bindgen` or `leptos`; the
//! compiler enforces that, and every module is tested natively with
//! `cargo test -p scrutineer-core`.

// Tests may sort with the standard library; the app's code goes through
// `sort` (clippy.toml says why).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod accessibility;
pub mod briefing;
pub mod bring_in;
pub mod charts;
pub mod compare;
pub mod complaints;
pub mod dates;
pub mod domain;
pub mod file;
pub mod form;
pub mod indicators;
pub mod merge;
pub mod pack;
pub mod register;
pub mod route;
pub mod sort;
pub mod spc;
pub mod text;
