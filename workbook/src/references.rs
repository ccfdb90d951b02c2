//! The cell references in a workbook, checked before calamine reads it.
//!
//! calamine 0.36 (and 0.38) reads a reference such as "A1" with unchecked
//! arithmetic: a damaged one ("AAAAAAAAA1", a row of eleven digits, a
//! dimension "B2:A1" that ends before it starts) overflows, which in a
//! build with overflow checks stops the worker and otherwise wraps to some
//! other cell. calamine finds a sheet's part through the workbook's
//! relationships, by any name; so this reads every part of the zip, as a
//! stream (a part's bytes kept even when its checksum is wrong, as
//! calamine reads them), with the XML reader calamine uses set up as it
//! sets it up, and checks every reference calamine's cell reader would
//! read in it: a `dimension`'s `ref` where `sheetData` follows, and each
//! `r` of every `row` and `c` inside `sheetData` (every one of them, where
//! an element repeats it). A part that is not a sheet has no `sheetData`
//! and is not refused.
//!
//! How many cells a sheet may hold is decided as it is read
//! ([`MOST_CELLS`], in lib.rs), from the positions calamine gives.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::styles;

/// Excel's last column, XFD.
pub const LAST_COLUMN: u32 = 16_384;
/// Excel's last row.
pub const LAST_ROW: u32 = 1_048_576;
/// The most cells one sheet may span from A1 to its last row and column
/// with content, counting the empty ones between (as its rows are laid out).
pub const MOST_CELLS: u64 = 2_000_000;

const SAVE_AGAIN: &str = "Open it in Excel or LibreOffice, save it again and open that.";

/// `Ok` when every reference calamine's cell reader would read can be
/// read; otherwise why not, to follow "is not a workbook Scrutineer can
/// read: ". A zip that cannot be opened passes: calamine then says why.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let names = sheet_names(&mut zip);
    for index in 0..zip.len() {
        let Ok(file) = zip.by_index(index) else {
            continue;
        };
        let path = file.name().to_owned();
        let what = || match names.get(&path.to_ascii_lowercase()) {
            Some(name) => format!("its sheet “{}”", shortened(name)),
            None => format!("its part “{}”", shortened(&path)),
        };
        check_part(BufReader::new(file)).map_err(|problem| problem.say(&what()))?;
    }
    Ok(())
}

/// What is wrong with one part.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    /// A cell reference that is not a cell a spreadsheet can have.
    PastTheLastCell(String),
    /// A row number past the last row a spreadsheet can have.
    PastTheLastRow(String),
    /// A range whose end comes before its start.
    Backwards(String),
}

impl Problem {
    fn say(&self, what: &str) -> String {
        let last = name(LAST_ROW - 1, LAST_COLUMN - 1);
        match self {
            Problem::PastTheLastCell(reference) => format!(
                "{what} refers to cell “{}”, past the last cell a spreadsheet can have ({last}); the file may be damaged. {SAVE_AGAIN}",
                shortened(reference),
            ),
            Problem::PastTheLastRow(row) => format!(
                "{what} has a row numbered “{}”, past the last row a spreadsheet can have ({}); the file may be damaged. {SAVE_AGAIN}",
                shortened(row),
                grouped(u64::from(LAST_ROW)),
            ),
            Problem::Backwards(range) => format!(
                "{what} gives its extent as “{}”, which ends before it starts; the file may be damaged. {SAVE_AGAIN}",
                shortened(range),
            ),
        }
    }
}

/// A part's bytes as far as they can be read: a read that fails (a
/// checksum found wrong at the end) ends the part, as it ends calamine's.
struct Lenient<R>(R);

impl<R: Read> Read for Lenient<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        Ok(self.0.read(buffer).unwrap_or(0))
    }
}

impl<R: BufRead> BufRead for Lenient<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        // Asked twice, as the borrow checker needs: once to see, once to give.
        if self.0.fill_buf().is_err() {
            return Ok(&[]);
        }
        self.0.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.0.consume(amount);
    }
}

fn whole(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Ok(file) = zip.by_name(name) {
        // A relationships part is small; one far larger is not read.
        let _ = Lenient(file).take(1 << 20).read_to_end(&mut bytes);
    }
    bytes
}

/// Each sheet's part path (as the workbook's relationships give it under
/// "xl/", in lower case) to its name: only to name the sheet in a message.
fn sheet_names(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> HashMap<String, String> {
    let targets = styles::targets(&whole(zip, "xl/_rels/workbook.xml.rels"));
    styles::sheets(&whole(zip, "xl/workbook.xml"))
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

/// Checks one part, read as a stream.
fn check_part(part: impl BufRead) -> Result<(), Problem> {
    let mut reader = Reader::from_reader(Lenient(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buffer = Vec::new();
    // A dimension's fault counts only where a sheet's cells follow.
    let mut dimension: Option<Problem> = None;
    let mut in_sheet_data = false;
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"dimension" if !in_sheet_data && dimension.is_none() => {
                    dimension = every(&e, b"ref")
                        .iter()
                        .try_for_each(|range| extent(range))
                        .err();
                }
                b"sheetData" => {
                    if let Some(problem) = dimension.take() {
                        return Err(problem);
                    }
                    in_sheet_data = true;
                }
                b"row" if in_sheet_data => {
                    for r in every(&e, b"r") {
                        row_number(&r)?;
                    }
                }
                b"c" if in_sheet_data => {
                    for r in every(&e, b"r") {
                        reference(&r)?;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"sheetData" => in_sheet_data = false,
            _ => {}
        }
        buffer.clear();
    }
    Ok(())
}

/// Every value of the attribute named exactly `name` (calamine matches the
/// whole name, so `x:r` is not an `r`), as raw text.
fn every(e: &BytesStart, name: &[u8]) -> Vec<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .filter(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
        .collect()
}

/// "A1:C3" or "B2" as calamine reads a dimension: each end a reference,
/// and the end not before the start.
fn extent(text: &str) -> Result<(), Problem> {
    let ends = text
        .split(':')
        .map(reference)
        .collect::<Result<Vec<_>, _>>()?;
    if let [start, end] = ends.as_slice() {
        if end.0 < start.0 || end.1 < start.1 {
            return Err(Problem::Backwards(text.to_owned()));
        }
    }
    Ok(())
}

/// A row's `r`: calamine reads it as a reference whose row it takes.
fn row_number(text: &str) -> Result<u32, Problem> {
    match reference(text) {
        Err(Problem::PastTheLastCell(_)) if text.bytes().all(|b| b.is_ascii_digit()) => {
            Err(Problem::PastTheLastRow(text.to_owned()))
        }
        other => other.map(|(row, _)| row),
    }
}

/// A reference's 0-based (row, column), the column 0 when it has none.
/// A reference with other characters, or no row, is left for calamine to
/// refuse (it stops at the first character that is neither a letter nor
/// a digit, before any arithmetic on it); one past the last row or
/// column, however many letters or digits, is refused here.
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

/// A cell's name, "XFD1048576" for (1048575, 16383).
pub fn name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8_lossy(&letters),
        u64::from(row) + 1
    )
}

/// 2,000,000.
pub fn grouped(n: u64) -> String {
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

/// At most 40 characters, then "…", without control characters or the
/// marks that change the direction of text: a damaged reference or a
/// sheet's name can be long, or written to mislead.
pub fn shortened(text: &str) -> String {
    let hidden = |c: &char| {
        c.is_control()
            || matches!(*c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    let kept: Vec<char> = text.chars().filter(|c| !hidden(c)).collect();
    let mut out: String = kept.iter().take(40).collect();
    if kept.len() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(xml: &str) -> Result<(), Problem> {
        check_part(xml.as_bytes())
    }

    fn sheet(cells: &str) -> String {
        format!(r#"<worksheet><dimension ref="A1"/><sheetData>{cells}</sheetData></worksheet>"#)
    }

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
        // Any position calamine gives is named without overflowing.
        assert!(name(u32::MAX, u32::MAX).ends_with("4294967296"));
    }

    #[test]
    fn every_reference_calamines_cell_reader_reads_is_checked() {
        for xml in [
            sheet(r#"<row r="1"><c r="AAAAAAAAAAAA1"><v>1</v></c></row>"#),
            sheet(r#"<row r="99999999999"><c><v>1</v></c></row>"#),
            // A second `r`: calamine may take either.
            sheet(r#"<row r="1"><c r="A1" r="AAAAAAAAAAAA1"><v>1</v></c></row>"#),
            // Nested where calamine would not look: checked all the same.
            sheet(r#"<row r="1"><c r="A1"><v>1<c r="AAAAAAAAAAAA1"/></v></c></row>"#),
            r#"<worksheet><dimension ref="A1:AAAAAAAAAAA9"/><sheetData/></worksheet>"#.to_owned(),
        ] {
            assert!(part(&xml).is_err(), "{xml}");
        }
        assert_eq!(
            part(r#"<worksheet><dimension ref="B2:A1"/><sheetData/></worksheet>"#),
            Err(Problem::Backwards("B2:A1".to_owned()))
        );
        assert_eq!(
            part(&sheet(r#"<row r="99999999999"/>"#)),
            Err(Problem::PastTheLastRow("99999999999".to_owned()))
        );
    }

    #[test]
    fn what_calamine_does_not_read_as_a_sheet_is_not_refused() {
        for xml in [
            // Another part's `r` and `dimension`, with no sheetData.
            r#"<root><c r="Sheet1"/><row r="99999999999"/><dimension ref="B2:A1"/></root>"#,
            // Outside sheetData, and a prefixed `x:r` (calamine reads only `r`).
            r#"<worksheet><mergeCells><mergeCell ref="A1:ZZZZZZZZ9"/></mergeCells><sheetData><row r="1"><c x:r="AAAAAAAAAAAA1"/></row></sheetData><hyperlinks><hyperlink ref="ZZZZZZZ1"/></hyperlinks></worksheet>"#,
            // Damaged past the reader's tolerance: calamine stops there too.
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"></c></row></sheetData>\u{0}\u{0}<<<<",
        ] {
            assert_eq!(part(xml), Ok(()), "{xml}");
        }
    }

    #[test]
    fn a_part_is_read_as_far_as_it_can_be_and_checked_that_far() {
        struct Failing<'a>(&'a [u8]);
        impl Read for Failing<'_> {
            fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Err(std::io::Error::other("bad checksum"));
                }
                let n = buffer.len().min(self.0.len());
                buffer[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let xml = sheet(r#"<row r="1"><c r="AAAAAAAAAAAA1"><v>1</v></c></row>"#);
        let read = check_part(BufReader::new(Failing(xml.as_bytes())));
        assert_eq!(
            read,
            Err(Problem::PastTheLastCell("AAAAAAAAAAAA1".to_owned()))
        );
    }

    #[test]
    fn each_problem_is_said_shortly_with_the_way_round() {
        let what = "its sheet “Figures”";
        assert_eq!(
            Problem::PastTheLastCell("A".repeat(45) + "1").say(what),
            "its sheet “Figures” refers to cell “AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…”, past the last cell a spreadsheet can have (XFD1048576); the file may be damaged. Open it in Excel or LibreOffice, save it again and open that."
        );
        assert_eq!(
            Problem::PastTheLastRow("99999999999".to_owned()).say(what),
            "its sheet “Figures” has a row numbered “99999999999”, past the last row a spreadsheet can have (1,048,576); the file may be damaged. Open it in Excel or LibreOffice, save it again and open that."
        );
        assert_eq!(
            Problem::Backwards("B2:A1".to_owned()).say(what),
            "its sheet “Figures” gives its extent as “B2:A1”, which ends before it starts; the file may be damaged. Open it in Excel or LibreOffice, save it again and open that."
        );
        assert_eq!(shortened("Fig\u{202e}ures\u{0}"), "Figures");
    }
}
