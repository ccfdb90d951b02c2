//! The release build cuts the pages other than the landing page out of the
//! app's wasm (`split` feature, src/pages.rs, scripts/split.mjs). The cutting
//! needs the linker's relocations, which `--emit-relocs` keeps; only the app's
//! own binary is linked with it, so the tests and the workbook worker are
//! built as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    if wasm && split {
        println!("cargo:rustc-link-arg-bin=scrutineer=--emit-relocs");
    }
}
