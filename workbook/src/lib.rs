//! Scrutineer's workbook reader: every sheet of a workbook as rows of the
//! cell text a person sees in the spreadsheet, from the file's bytes.
//!
//! The reading is plain Rust ([`sheets`]), tested natively; the Web Worker
//! around it (src/main.rs) is the only part that needs a browser. The app
//! loads that worker only when a workbook is opened, so calamine is not
//! part of the first load.
//!
//! Cell text:
//! - numbers as the cell's number format shows them in .xlsx files
//!   ("32.0%" for 0.32 formatted "0.0%", "31,873", "22.0"); in "General"
//!   and other formats, up to 10 significant digits without binary noise
//!   (0.1 + 0.2 is "0.3") and integers without ".0";
//! - dates as ISO dates ("2018-06-30"), with the time when there is one
//!   ("2018-06-30 14:05"); durations as hours, minutes and seconds;
//! - TRUE and FALSE; errors as Excel shows them ("#DIV/0!"); empty cells "".

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Xlsx, XlsxError};

pub mod number;
pub mod references;
mod styles;

use number::Shown;

/// One sheet: its name and its rows from row 1 and column A, each row
/// without its trailing empty cells, and no empty rows after the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Every sheet of an .xlsx (or .xlsm) workbook, in the workbook's order;
/// or why it cannot be read, in plain words, to follow "“pack.xlsx” is not
/// a workbook Scrutineer can read: ".
///
/// Older .xls files and OpenDocument .ods files are refused with a way
/// round (save as .xlsx): calamine reads them, but not their number
/// formats, so a percentage would come in as 0.321 rather than "32.1%";
/// and their readers would add 110 KB (43 KB brotli) to the worker.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    const SAVE_AS: &str =
        "Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and open that.";
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(format!(
            "it is an older Excel file (.xls), or one protected by a password. {SAVE_AS}"
        ));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(
            "it is not an Excel workbook (.xlsx). A CSV file can be brought in as it is."
                .to_owned(),
        );
    }
    references::check(bytes)?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        XlsxError::Zip(_) => "it is damaged: its contents cannot be unpacked.".to_owned(),
        XlsxError::FileNotFound(_) => format!("it is not an Excel workbook (.xlsx); it may be an OpenDocument spreadsheet (.ods). {SAVE_AS}"),
        e => format!("it could not be opened; it may be damaged ({e})."),
    })?;
    let formats = styles::read(bytes);
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let rows = rows(&mut workbook, &name, formats.get(&name))?;
        sheets.push(Sheet { name, rows });
    }
    if sheets.is_empty() {
        return Err("it has no sheets.".to_owned());
    }
    Ok(sheets)
}

/// A sheet's rows from A1, read cell by cell as calamine's reader gives
/// them (not laid out as one block by calamine, which would ask for every
/// cell between the first and the last before anything could be checked),
/// refused once the rows and columns from A1 to its last cell with content
/// would hold more than [`references::MOST_CELLS`].
fn rows(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    shown: Option<&HashMap<(u32, u32), Shown>>,
) -> Result<Vec<Vec<String>>, String> {
    let unread = |e: XlsxError| {
        format!(
            "its sheet “{}” could not be read ({e}).",
            references::shortened(name)
        )
    };
    let mut reader = match workbook.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(vec![]),
        Err(e) => return Err(unread(e)),
    };
    let mut cells: Vec<((u32, u32), String)> = vec![];
    let (mut last_row, mut last_column) = (0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(unread)? {
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        (last_row, last_column) = (last_row.max(row), last_column.max(column));
        let span = (u64::from(last_row) + 1) * (u64::from(last_column) + 1);
        if span > references::MOST_CELLS {
            return Err(format!(
                "its sheet “{}” has content as far as row {} and column {}: from A1 that is {} cells, and Scrutineer reads at most {} from one sheet. Delete what is outside the table, or copy the table into a new workbook, and open that.",
                references::shortened(name),
                references::grouped(u64::from(last_row) + 1),
                references::name(0, last_column).trim_end_matches('1'),
                references::grouped(span),
                references::grouped(references::MOST_CELLS),
            ));
        }
        let format = shown.and_then(|s| s.get(&(row, column))).copied();
        cells.push(((row, column), text(&Data::from(value.clone()), format)));
    }
    let mut rows: Vec<Vec<String>> = vec![];
    for ((row, column), text) in cells {
        if text.is_empty() {
            continue;
        }
        let (row, column) = (row as usize, column as usize);
        if rows.len() <= row {
            rows.resize(row + 1, vec![]);
        }
        let cells = &mut rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
    }
    Ok(rows)
}

/// A cell as a person sees it; `format` is the cell's number format when
/// it is a plain number format.
pub fn text(cell: &Data, format: Option<Shown>) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => match format {
            Some(shown) => shown.show(*i as f64),
            None => i.to_string(),
        },
        Data::Float(f) => format.unwrap_or(Shown::GENERAL).show(*f),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(d) => date_text(d),
    }
}

/// "2018-06-30", "2018-06-30 14:05", "14:05" (a time of day alone), or a
/// duration as "26:30:00".
fn date_text(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        let seconds = (d.as_f64() * 86_400.0).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let s = seconds.abs();
        return format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    let time = match second {
        0 => format!("{hour:02}:{minute:02}"),
        _ => format!("{hour:02}:{minute:02}:{second:02}"),
    };
    if d.as_f64() < 1.0 && d.as_f64() >= 0.0 {
        return time;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    if (hour, minute, second) == (0, 0, 0) {
        date
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    #[test]
    fn cells_read_as_people_see_them() {
        assert_eq!(text(&Data::Empty, None), "");
        assert_eq!(text(&Data::Int(31873), None), "31873");
        assert_eq!(text(&Data::Float(32.0), None), "32");
        assert_eq!(text(&Data::Float(0.1 + 0.2), None), "0.3");
        assert_eq!(text(&Data::Bool(true), None), "TRUE");
        assert_eq!(text(&Data::Error(CellErrorType::Div0), None), "#DIV/0!");
        let percent = Shown::from_code("0.0%");
        assert_eq!(text(&Data::Float(0.213), percent), "21.3%");
        assert_eq!(text(&Data::Int(1), percent), "100.0%");
        let date = |serial| {
            Data::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        assert_eq!(text(&date(43281.0), None), "2018-06-30");
        assert_eq!(text(&date(43281.5), None), "2018-06-30 12:00");
        assert_eq!(text(&date(0.25), None), "06:00");
        let hours = Data::DateTime(ExcelDateTime::new(1.1, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(text(&hours, None), "26:24:00");
    }

    #[test]
    fn other_files_are_refused_in_plain_words() {
        let refused = sheets(b"Performance Measure,2016/17\n").unwrap_err();
        assert!(
            refused.starts_with("it is not an Excel workbook (.xlsx)"),
            "{refused}"
        );
        let old = sheets(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap_err();
        assert!(old.starts_with("it is an older Excel file (.xls)"), "{old}");
        let damaged = sheets(b"PK\x03\x04 not really a zip").unwrap_err();
        assert_eq!(damaged, "it is damaged: its contents cannot be unpacked.");
    }
}
