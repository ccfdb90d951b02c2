//! The number format of each cell of an .xlsx workbook. calamine reads a
//! cell's format only to tell dates from numbers, so a cell showing "21.3%"
//! would come out as 0.213: this reads the formats again from the
//! workbook's own parts (xl/styles.xml and each sheet's XML), with the zip
//! and XML readers calamine itself uses.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::number::Shown;

/// By sheet name, the cells (0-based row, column) whose number format is a
/// plain number format other than "General".
pub type Formats = HashMap<String, HashMap<(u32, u32), Shown>>;

/// Empty for a workbook other than .xlsx, or one whose parts cannot be
/// read: its numbers are then shown as "General".
pub fn read(bytes: &[u8]) -> Formats {
    read_parts(bytes).unwrap_or_default()
}

fn read_parts(bytes: &[u8]) -> Option<Formats> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let styles = cell_styles(&part(&mut zip, "xl/styles.xml")?);
    if styles.iter().all(|s| s.is_none_or(|s| s == Shown::GENERAL)) {
        return Some(Formats::new());
    }
    let targets = targets(&part(&mut zip, "xl/_rels/workbook.xml.rels")?);
    let mut formats = Formats::new();
    for (name, id) in sheets(&part(&mut zip, "xl/workbook.xml")?) {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{target}"),
        };
        if let Some(xml) = part(&mut zip, &path) {
            formats.insert(name, cells(&xml, &styles));
        }
    }
    Some(formats)
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut file = zip.by_name(name).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// An element opening (with its attributes) or closing, by local name.
enum Tag<'a> {
    Open(&'a BytesStart<'a>),
    Close(&'a [u8]),
}

fn walk(xml: &[u8], mut on: impl FnMut(Tag)) {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => on(Tag::Open(&e)),
            Ok(Event::Empty(e)) => {
                on(Tag::Open(&e));
                on(Tag::Close(e.local_name().as_ref()));
            }
            Ok(Event::End(e)) => on(Tag::Close(e.local_name().as_ref())),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buffer.clear();
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The last attribute named exactly `name` (a cell's `r`, as calamine
/// reads it: not `x:r`).
fn exact(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .filter(|a| a.key.as_ref() == name)
        .last()
        .and_then(|a| std::str::from_utf8(&a.value).ok().map(str::to_owned))
}

/// Each cell style (the `s` of a cell) and how it shows numbers; `None`
/// where it is not a plain number format (a date, text).
fn cell_styles(xml: &[u8]) -> Vec<Option<Shown>> {
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    walk(xml, |tag| match tag {
        Tag::Open(e) => match e.local_name().as_ref() {
            b"numFmt" => {
                if let (Some(id), Some(code)) = (attr(e, b"numFmtId"), attr(e, b"formatCode")) {
                    codes.insert(id, code);
                }
            }
            b"cellXfs" => in_cell_xfs = true,
            b"xf" if in_cell_xfs => {
                let id = attr(e, b"numFmtId").unwrap_or_else(|| "0".to_owned());
                let code = codes.get(&id).map(String::as_str).or_else(|| builtin(&id));
                styles.push(code.and_then(Shown::from_code));
            }
            _ => {}
        },
        Tag::Close(b"cellXfs") => in_cell_xfs = false,
        Tag::Close(_) => {}
    });
    styles
}

/// Excel's built-in number formats that are plain numbers.
fn builtin(id: &str) -> Option<&'static str> {
    Some(match id {
        "0" => "General",
        "1" => "0",
        "2" => "0.00",
        "3" | "37" | "38" => "#,##0",
        "4" | "39" | "40" => "#,##0.00",
        "9" => "0%",
        "10" => "0.00%",
        _ => return None,
    })
}

/// The workbook's sheets in order: name and relationship id.
pub(crate) fn sheets(xml: &[u8]) -> Vec<(String, String)> {
    let mut sheets = Vec::new();
    walk(xml, |tag| {
        if let Tag::Open(e) = tag {
            if e.local_name().as_ref() == b"sheet" {
                if let (Some(name), Some(id)) = (attr(e, b"name"), attr(e, b"id")) {
                    sheets.push((name, id));
                }
            }
        }
    });
    sheets
}

/// Relationship id to target part.
pub(crate) fn targets(xml: &[u8]) -> HashMap<String, String> {
    let mut targets = HashMap::new();
    walk(xml, |tag| {
        if let Tag::Open(e) = tag {
            if e.local_name().as_ref() == b"Relationship" {
                if let (Some(id), Some(target)) = (attr(e, b"Id"), attr(e, b"Target")) {
                    targets.insert(id, target);
                }
            }
        }
    });
    targets
}

/// A sheet's cells with a number format other than "General".
fn cells(xml: &[u8], styles: &[Option<Shown>]) -> HashMap<(u32, u32), Shown> {
    let mut cells = HashMap::new();
    let (mut row, mut column) = (0u32, 0u32);
    walk(xml, |tag| {
        let Tag::Open(e) = tag else { return };
        match e.local_name().as_ref() {
            b"row" => {
                row = exact(e, b"r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .map_or(row.saturating_add(1), |r| r.max(1));
                column = 0;
            }
            b"c" => {
                let at = exact(e, b"r")
                    .and_then(|r| reference(&r))
                    .unwrap_or((row.saturating_sub(1), column));
                column = at.1.saturating_add(1);
                let style = attr(e, b"s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(0);
                if let Some(Some(shown)) = styles.get(style) {
                    if *shown != Shown::GENERAL {
                        cells.insert(at, *shown);
                    }
                }
            }
            _ => {}
        }
    });
    cells
}

/// "E2" as (1, 4): 0-based row and column.
fn reference(text: &str) -> Option<(u32, u32)> {
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() {
        return None;
    }
    let mut column = 0u32;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        column = column
            .checked_mul(26)?
            .checked_add(c.to_ascii_uppercase() as u32 - 'A' as u32 + 1)?;
    }
    Some((digits.parse::<u32>().ok()?.checked_sub(1)?, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_zero_based() {
        assert_eq!(reference("A1"), Some((0, 0)));
        assert_eq!(reference("E2"), Some((1, 4)));
        assert_eq!(reference("AA10"), Some((9, 26)));
        assert_eq!(reference("10"), None);
        assert_eq!(reference("ZZZZZZZZ1"), None, "past what a number holds");
        assert_eq!(reference("A99999999999"), None);
    }

    #[test]
    fn a_prefixed_or_damaged_reference_does_not_stop_the_formats_being_read() {
        let styles = [Some(Shown::GENERAL), Shown::from_code("0.0%")];
        let xml = br#"<worksheet><sheetData><row r="4294967295"><c x:r="ZZZZZZZZZZZZ1" s="1"/><c s="1"/></row><row><c r="B2" r="C3" s="1"/></row></sheetData></worksheet>"#;
        let found = cells(xml, &styles);
        // The row after 4294967295 is not past what a number holds; C3 is the last `r`.
        assert!(found.contains_key(&(2, 2)), "{found:?}");
    }
}
