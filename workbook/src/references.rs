//! The cell references in a workbook, checked before calamine reads it.
//!
//! calamine 0.36 (and 0.38) reads a reference such as "A1" with unchecked
//! arithmetic: a damaged one ("AAAAAAAAA1", a row of eleven digits)
//! overflows, which in a build with overflow checks stops the worker and
//! otherwise wraps to some other cell. And it lays a sheet out as one block
//! from its first cell with content to its last, so a sheet with content in
//! A1 and XFD1048576 asks for 17 billion cells. This reads every XML part
//! of the zip as calamine would (the same zip and XML readers, a part's
//! bytes kept even when its checksum is wrong) and refuses, in plain
//! words, a reference past the last cell a spreadsheet can have, or a
//! sheet larger than Scrutineer reads.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::styles;

/// Excel's last column, XFD.
pub const LAST_COLUMN: u32 = 16_384;
/// Excel's last row.
pub const LAST_ROW: u32 = 1_048_576;
/// The most cells one sheet may span, from its first cell with content to
/// its last, counting the empty ones between (as calamine lays them out).
pub const MOST_CELLS: u64 = 2_000_000;

const SAVE_AGAIN: &str = "Open it in Excel or LibreOffice, save it again and open that.";

/// `Ok` when every reference can be read and every sheet is within
/// [`MOST_CELLS`]; otherwise why not, to follow "is not a workbook
/// Scrutineer can read: ". A zip that cannot be opened passes: calamine
/// then says why.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let names = sheet_names(&mut zip);
    let parts: Vec<String> = zip
        .file_names()
        .filter(|n| n.to_ascii_lowercase().ends_with(".xml"))
        .map(str::to_owned)
        .collect();
    for path in parts {
        let xml = part(&mut zip, &path);
        let what = || match names.get(&path.to_ascii_lowercase()) {
            Some(name) => format!("its sheet “{name}”"),
            None => format!("its part “{}”", shortened(&path)),
        };
        check_part(&xml).map_err(|problem| problem.say(&what()))?;
    }
    Ok(())
}

/// What is wrong with one part.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    /// A reference that is not a cell a spreadsheet can have.
    PastTheLastCell(String),
    /// Content spanning more than [`MOST_CELLS`]: first and last cell.
    TooLarge { first: (u32, u32), last: (u32, u32) },
}

impl Problem {
    fn say(&self, what: &str) -> String {
        match self {
            Problem::PastTheLastCell(reference) => format!(
                "{what} refers to cell “{}”, past the last cell a spreadsheet can have ({}); the file may be damaged. {SAVE_AGAIN}",
                shortened(reference),
                name(LAST_ROW - 1, LAST_COLUMN - 1),
            ),
            Problem::TooLarge { first, last } => format!(
                "{what} has content from {} to {}, {} cells, and Scrutineer reads at most {} from one sheet. Delete what is outside the table, or copy the table into a new workbook, and open that.",
                name(first.0, first.1),
                name(last.0, last.1),
                grouped(span(*first, *last)),
                grouped(MOST_CELLS),
            ),
        }
    }
}

/// A part's bytes, as far as they can be read: a checksum found wrong at
/// the end keeps what was read, as calamine's reader has read it too.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Ok(mut file) = zip.by_name(name) {
        let _ = file.read_to_end(&mut bytes);
    }
    bytes
}

/// Each sheet's part path, in lower case as calamine finds parts, to its
/// name.
fn sheet_names(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> HashMap<String, String> {
    let targets = styles::targets(&part(zip, "xl/_rels/workbook.xml.rels"));
    styles::sheets(&part(zip, "xl/workbook.xml"))
        .into_iter()
        .filter_map(|(name, id)| {
            let target = targets.get(&id)?;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("xl/{target}"),
            };
            Some((path.to_ascii_lowercase(), name))
        })
        .collect()
}

/// Every reference calamine reads in one part (a cell's `r`, a row's `r`,
/// the `ref` of a dimension, shared formula, merged cell, hyperlink or
/// table), and the span of its cells with content.
fn check_part(xml: &[u8]) -> Result<(), Problem> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buffer = Vec::new();
    // Where the next cell is when one has no `r`: calamine counts on.
    let (mut row, mut column) = (0u32, 0u32);
    let mut cell: Option<(u32, u32)> = None;
    let mut has_content = false;
    let mut span: Option<((u32, u32), (u32, u32))> = None;
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"row" => {
                    if let Some(r) = raw_attr(&e, b"r") {
                        row = reference(&r)?.0 + 1;
                    } else {
                        row += 1;
                    }
                    column = 0;
                }
                b"c" => {
                    let at = match raw_attr(&e, b"r") {
                        Some(r) => reference(&r)?,
                        None => (row.saturating_sub(1), column),
                    };
                    column = at.1.saturating_add(1);
                    cell = Some(at);
                    has_content = false;
                }
                b"v" | b"is" if cell.is_some() => has_content = true,
                name @ (b"dimension" | b"f" | b"mergeCell" | b"hyperlink" | b"table") => {
                    if let Some(range) = raw_attr(&e, b"ref") {
                        // A formula's `ref` is read only when it is shared.
                        if name != b"f" || raw_attr(&e, b"t").as_deref() == Some("shared") {
                            dimension(&range)?;
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                if let (Some(at), true) = (cell.take(), has_content) {
                    let (first, last) = span.map_or((at, at), |(first, last)| {
                        (
                            (first.0.min(at.0), first.1.min(at.1)),
                            (last.0.max(at.0), last.1.max(at.1)),
                        )
                    });
                    if self::span(first, last) > MOST_CELLS {
                        return Err(Problem::TooLarge { first, last });
                    }
                    span = Some((first, last));
                }
            }
            _ => {}
        }
        buffer.clear();
    }
    Ok(())
}

/// An attribute's raw text, as calamine reads it (unescaped only where it
/// must be: a reference has nothing to escape).
fn raw_attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// "A1:C3" or "B2" as calamine reads a dimension.
fn dimension(text: &str) -> Result<(), Problem> {
    for part in text.split(':') {
        reference(part)?;
    }
    Ok(())
}

/// A reference's 0-based (row, column), the column 0 when it has none.
/// A reference with other characters, or no row, is left for calamine to
/// refuse; one past the last row or column, however many letters or
/// digits, is refused here. `$` (as in "$A$1") is not a cell reference
/// calamine reads, and is left to it too.
fn reference(text: &str) -> Result<(u32, u32), Problem> {
    let past = || Problem::PastTheLastCell(text.to_owned());
    let bytes = text.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = bytes[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let mut column: u32 = 0;
    for b in &bytes[..letters] {
        column = column
            .checked_mul(26)
            .and_then(|c| c.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1))
            .filter(|c| *c <= LAST_COLUMN)
            .ok_or_else(past)?;
    }
    let mut row: u32 = 0;
    for b in &bytes[letters..letters + digits] {
        row = row
            .checked_mul(10)
            .and_then(|r| r.checked_add(u32::from(b - b'0')))
            .filter(|r| *r <= LAST_ROW)
            .ok_or_else(past)?;
    }
    Ok((row.saturating_sub(1), column.saturating_sub(1)))
}

/// How many cells a block from `first` to `last` holds.
fn span(first: (u32, u32), last: (u32, u32)) -> u64 {
    (u64::from(last.0 - first.0) + 1) * (u64::from(last.1 - first.1) + 1)
}

/// A cell's name, "XFD1048576" for (1048575, 16383).
fn name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// 2,000,000.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most 24 characters, then "…": a damaged reference can be long.
fn shortened(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(24).collect();
    if text.chars().count() > 24 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_up_to_the_last_cell_are_read() {
        assert_eq!(reference("A1"), Ok((0, 0)));
        assert_eq!(reference("e2"), Ok((1, 4)));
        assert_eq!(reference("XFD1048576"), Ok((1_048_575, 16_383)));
        assert_eq!(reference("17"), Ok((16, 0)));
    }

    #[test]
    fn references_past_the_last_cell_are_refused_however_long() {
        for past in [
            "XFE1",
            "A1048577",
            "AAAAAAAAAAAAA1",
            "A99999999999999999999",
        ] {
            assert_eq!(
                reference(past),
                Err(Problem::PastTheLastCell(past.to_owned())),
                "{past}"
            );
        }
    }

    #[test]
    fn names_and_reference_read_back() {
        for (row, column) in [
            (0, 0),
            (9, 25),
            (9, 26),
            (99, 701),
            (99, 702),
            (1_048_575, 16_383),
        ] {
            assert_eq!(reference(&name(row, column)), Ok((row, column)));
        }
        assert_eq!(name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(name(0, 27), "AB1");
    }

    fn sheet(cells: &str) -> String {
        format!(r#"<worksheet><sheetData>{cells}</sheetData></worksheet>"#)
    }

    #[test]
    fn a_sheet_spanning_more_than_scrutineer_reads_is_refused_with_its_corners() {
        let xml = sheet(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#,
        );
        let problem = check_part(xml.as_bytes()).unwrap_err();
        assert_eq!(
            problem.say("its sheet “Figures”"),
            "its sheet “Figures” has content from A1 to XFD1048576, 17,179,869,184 cells, and Scrutineer reads at most 2,000,000 from one sheet. Delete what is outside the table, or copy the table into a new workbook, and open that."
        );
    }

    #[test]
    fn empty_cells_far_away_do_not_count_towards_the_span() {
        let xml = sheet(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="3"/></row>"#,
        );
        assert_eq!(check_part(xml.as_bytes()), Ok(()));
        // Two thousand rows of a thousand columns is the most.
        let xml = sheet(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="2000"><c r="ALL2000"><v>2</v></c></row>"#,
        );
        assert_eq!(check_part(xml.as_bytes()), Ok(()));
        let xml = sheet(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="2001"><c r="ALL2001"><v>2</v></c></row>"#,
        );
        assert!(check_part(xml.as_bytes()).is_err());
    }

    #[test]
    fn cells_without_a_reference_count_on_from_the_one_before() {
        let first = r#"<row r="1"><c r="A1"><v>1</v></c></row>"#;
        // ALK2000 and then ALL2000: two thousand rows of a thousand columns.
        let xml = sheet(&format!(
            r#"{first}<row r="2000"><c r="ALK2000"><v/></c><c><v>2</v></c></row>"#
        ));
        assert_eq!(check_part(xml.as_bytes()), Ok(()));
        // ALL2000 and then ALM2000, one column more.
        let xml = sheet(&format!(
            r#"{first}<row r="2000"><c r="ALL2000"><v/></c><c><v>2</v></c></row>"#
        ));
        assert!(check_part(xml.as_bytes()).is_err());
        // A row without `r` follows the one before.
        let xml = sheet(&format!(
            r#"{first}<row r="1999"/><row><c r="ALM2000"><v>2</v></c></row>"#
        ));
        assert!(check_part(xml.as_bytes()).is_err());
    }

    #[test]
    fn every_range_calamine_reads_is_checked() {
        for xml in [
            r#"<worksheet><dimension ref="A1:AAAAAAAAAAA9"/></worksheet>"#,
            r#"<worksheet><mergeCells><mergeCell ref="A1:B99999999999"/></mergeCells></worksheet>"#,
            r#"<worksheet><hyperlinks><hyperlink ref="ZZZZZZZ1"/></hyperlinks></worksheet>"#,
            r#"<table ref="A1:XFE4"/>"#,
            r#"<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A99999999999" si="0">1</f></c></row></sheetData></worksheet>"#,
            r#"<worksheet><sheetData><row r="99999999999"/></sheetData></worksheet>"#,
        ] {
            assert!(
                matches!(check_part(xml.as_bytes()), Err(Problem::PastTheLastCell(_))),
                "{xml}"
            );
        }
        // A formula's own ref, not shared, is not read as a range.
        let xml = r#"<worksheet><sheetData><row r="1"><c r="A1"><f ref="not a range">1</f></c></row></sheetData></worksheet>"#;
        assert_eq!(check_part(xml.as_bytes()), Ok(()));
    }

    #[test]
    fn a_damaged_reference_is_named_shortly_and_the_way_round_given() {
        let problem = Problem::PastTheLastCell("A".repeat(40) + "1");
        let said = problem.say("its sheet “Figures”");
        assert_eq!(
            said,
            "its sheet “Figures” refers to cell “AAAAAAAAAAAAAAAAAAAAAAAA…”, past the last cell a spreadsheet can have (XFD1048576); the file may be damaged. Open it in Excel or LibreOffice, save it again and open that."
        );
    }
}
