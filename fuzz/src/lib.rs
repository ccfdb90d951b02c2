//! Scrutineer's fuzz targets share their checks with the stable regression
//! tests: see `checks.rs`, which `core/tests/fuzz_regressions.rs` includes.

pub mod checks;

use scrutineer_core::bring_in::Table;

/// The workbook reader (an .xlsx file's bytes); each sheet it gives is then
/// read by every kind of bring-in, as the app does with a chosen sheet.
pub fn workbook(data: &[u8]) {
    if let Ok(sheets) = scrutineer_workbook::sheets(data) {
        for sheet in sheets {
            checks::bring_in_table(&Table {
                sheet: Some(sheet.name),
                rows: sheet.rows,
            });
        }
    }
}
