//! Every CSV the app reads and writes, through the `csv` crate, and files
//! as Excel writes them: UTF-8 with or without a byte order mark,
//! Windows-1252 (Excel's "CSV (Comma delimited)"), UTF-16 (Excel's "Unicode
//! Text", tab-separated), and semicolons where a European locale uses
//! them. Shared by the figures import, the complaints case lists and the
//! words for a refused file, with a fault named by row and column.

use crate::text::excerpt;
use csv::ReaderBuilder;

/// How a file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 after a byte order mark (Excel's "CSV UTF-8"); the mark is dropped.
    Utf8WithBom,
    /// UTF-16, little-endian, after its byte order mark (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16, big-endian, after its byte order mark.
    Utf16Be,
    /// Windows-1252, which Excel's "CSV (Comma delimited)" writes: any file
    /// that is not UTF-8.
    Windows1252,
}

impl Encoding {
    /// The encoding in words, for a preview: "UTF-8 with a byte order mark".
    pub fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8WithBom => "UTF-8 with a byte order mark",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16 (Excel\u{2019}s Unicode Text)",
            Encoding::Windows1252 => "Windows-1252 (Excel\u{2019}s CSV)",
        }
    }
}

/// A file's text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// How the bytes were read.
    pub encoding: Encoding,
}

/// Reads a file's bytes as text. A byte order mark says UTF-8 or UTF-16
/// (little- or big-endian); without one, bytes that are valid UTF-8 are
/// UTF-8, and any others are Windows-1252, which every byte is. `Err` is a
/// UTF-16 file with an odd number of bytes or half of a surrogate pair,
/// naming the byte and the row it is on.
pub fn decode(bytes: &[u8]) -> Result<Decoded, CsvError> {
    let decoded = |text: String, encoding| Ok(Decoded { text, encoding });
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(text) => decoded(text.to_owned(), Encoding::Utf8WithBom),
            // A mark then other bytes: read as Excel's own encoding, without the mark.
            Err(_) => decoded(windows_1252(rest), Encoding::Windows1252),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decoded(utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decoded(utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => decoded(text.to_owned(), Encoding::Utf8),
        Err(_) => decoded(windows_1252(bytes), Encoding::Windows1252),
    }
}

/// UTF-16 after its two-byte mark, each unit read by `unit`.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, CsvError> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    let mut text = String::with_capacity(units.len());
    let mut at = 0; // in units
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16();
            }
            Err(_) => {
                return Err(decode_fault(
                    &text,
                    format!(
                        "the file is UTF-16 but has half of a character pair at byte {}",
                        2 + 2 * at
                    ),
                ))
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(decode_fault(
            &text,
            format!(
                "the file is UTF-16 but ends halfway through a character, at byte {}",
                1 + bytes.len()
            ),
        ));
    }
    Ok(text)
}

/// A fault in decoding, on the row after the text read so far.
fn decode_fault(read: &str, message: String) -> CsvError {
    CsvError {
        row: 1 + read.matches('\n').count(),
        column: None,
        message,
    }
}

/// Windows-1252 as WHATWG reads it: 0x80 to 0x9F by the table below (the
/// five bytes the code page leaves undefined keep their Latin-1 code
/// points), every other byte as Latin-1.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// What separates the fields of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`: CSV as Excel writes it in English.
    Comma,
    /// `;`: CSV where a European locale writes decimal commas.
    Semicolon,
    /// A tab: Excel's "Unicode Text".
    Tab,
}

impl Delimiter {
    /// The delimiter as the byte the reader splits on.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The delimiter in words, for a preview: "semicolons".
    pub fn describe(self) -> &'static str {
        match self {
            Delimiter::Comma => "commas",
            Delimiter::Semicolon => "semicolons",
            Delimiter::Tab => "tabs",
        }
    }
}

/// How many lines [`sniff_delimiter`] looks at.
const SNIFFED_LINES: usize = 10;

/// The delimiter of `text`, from its first few non-blank lines, counting
/// only what is outside quotes. Tabs if the header has one (Excel's
/// "Unicode Text"); semicolons if the header has semicolons and no commas,
/// or every line has more semicolons than commas (decimal commas stay in
/// their cells); otherwise commas.
pub fn sniff_delimiter(text: &str) -> Delimiter {
    let lines = counted_lines(text);
    let Some(header) = lines.first() else {
        return Delimiter::Comma;
    };
    if header.tabs > 0 {
        Delimiter::Tab
    } else if (header.semicolons > 0 && header.commas == 0)
        || lines.iter().all(|l| l.semicolons > l.commas)
    {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

/// The delimiters outside quotes on one line.
#[derive(Default)]
struct Counted {
    commas: usize,
    semicolons: usize,
    tabs: usize,
    filled: bool,
}

/// The first [`SNIFFED_LINES`] non-blank lines (a quoted line break does
/// not end one), each with its delimiters counted outside quotes.
fn counted_lines(text: &str) -> Vec<Counted> {
    let mut lines = vec![];
    let mut line = Counted::default();
    let mut quoted = false;
    for c in text.trim_start_matches('\u{feff}').chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            ',' => line.commas += 1,
            ';' => line.semicolons += 1,
            '\t' => line.tabs += 1,
            '\n' | '\r' => {
                if line.filled {
                    lines.push(std::mem::take(&mut line));
                    if lines.len() == SNIFFED_LINES {
                        return lines;
                    }
                }
                continue;
            }
            _ => {}
        }
        line.filled |= !c.is_whitespace();
    }
    if line.filled {
        lines.push(line);
    }
    lines
}

/// Splits CSV text into rows of fields, numbered as a spreadsheet numbers
/// them: index `i` is row `i + 1`. A blank line is kept as a row with no
/// cells, a quoted field may hold delimiters, quotes and line breaks (its
/// row is still one row), and a trailing blank line is not a row. A byte
/// order mark is dropped and the delimiter found by [`sniff_delimiter`].
/// `Err` names the row where a quoted field opens that is never closed.
pub fn read_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let delimiter = sniff_delimiter(text).byte();
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows: Vec<Vec<String>> = vec![];
    // The crate skips blank lines, and its positions do not say where a
    // record's text starts, so rows are counted here: a record's row is one
    // more than the line breaks before it, less those inside quoted fields.
    let mut breaks_before = 0;
    let mut breaks_inside = 0;
    let mut scanned = 0;
    let mut record = csv::StringRecord::new();
    loop {
        let from = reader.position().byte();
        let more = reader.read_record(&mut record).map_err(|e| CsvError {
            row: rows.len() + 1,
            column: None,
            message: format!("the file could not be read as CSV ({e})"),
        })?;
        if !more {
            break;
        }
        let from = usize::try_from(from)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        let start = from
            + bytes[from..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        breaks_before += line_breaks(&bytes[scanned..start]);
        scanned = start;
        let blank_to = breaks_before.saturating_sub(breaks_inside);
        if rows.len() < blank_to {
            rows.resize_with(blank_to, Vec::new);
        }
        let cells: Vec<String> = record.iter().map(|c| live(c).to_owned()).collect();
        breaks_inside += cells
            .iter()
            .map(|c| line_breaks(c.as_bytes()))
            .sum::<usize>();
        rows.push(cells);
    }
    if ends_in_quotes(&bytes[scanned..], delimiter) {
        return Err(CsvError {
            row: rows.len(),
            column: None,
            message: "a quoted field that opens on this row is never closed".to_owned(),
        });
    }
    Ok(rows)
}

/// The line breaks in `text`: CRLF, LF or a lone CR, as the reader takes them.
fn line_breaks(text: &[u8]) -> usize {
    text.iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Whether the last record, `raw` from its start to the end of the file,
/// ends inside a quoted field: the states the `csv` crate reads by.
fn ends_in_quotes(raw: &[u8], delimiter: u8) -> bool {
    #[derive(PartialEq)]
    enum State {
        Start,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::Start;
    for &b in raw {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        state = match state {
            State::Start if b == b'"' => State::Quoted,
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            _ if ends_field => State::Start,
            _ => State::Unquoted,
        };
    }
    state == State::Quoted
}

/// [`read_rows`] without its blank rows: a row with no cells, or one cell
/// of spaces. Index `i` is not row `i + 1` where the file has blank lines.
pub fn parse_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = read_rows(text)?;
    rows.retain(|r| !is_blank(r));
    Ok(rows)
}

/// Whether every cell of `row` is empty or spaces, as the rows Excel
/// writes for blank lines inside a table (",,,"); true of a blank line.
pub fn is_empty_row<S: AsRef<str>>(row: &[S]) -> bool {
    row.iter().all(|c| c.as_ref().trim().is_empty())
}

/// A row with nothing in it: no cells, or one cell of spaces.
fn is_blank<S: AsRef<str>>(row: &[S]) -> bool {
    match row {
        [] => true,
        [only] => only.as_ref().trim().is_empty(),
        _ => false,
    }
}

/// A file's rows, and how they were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadCsv {
    /// The rows as [`read_rows`] gives them.
    pub rows: Vec<Vec<String>>,
    /// How the bytes were turned into text.
    pub encoding: Encoding,
    /// What separates the fields.
    pub delimiter: Delimiter,
}

/// Reads a file's bytes as rows: [`decode`], then [`read_rows`].
pub fn read_bytes(bytes: &[u8]) -> Result<ReadCsv, CsvError> {
    let Decoded { text, encoding } = decode(bytes)?;
    Ok(ReadCsv {
        rows: read_rows(&text)?,
        encoding,
        delimiter: sniff_delimiter(&text),
    })
}

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as it may be written to a spreadsheet: one that a spreadsheet
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe, OWASP's rule against CSV
/// injection, so a hostile name in an imported file cannot run in Excel. A
/// number (-5, +2.5) stays a number.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_apostrophe(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Whether [`inert`] puts an apostrophe before `cell`: it starts a formula
/// (not a number), perhaps after apostrophes of its own, which then read
/// back as its own.
fn needs_apostrophe(cell: &str) -> bool {
    let after = cell.trim_start_matches('\'');
    after.starts_with(FORMULA_STARTS) && !after.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A cell as read: the apostrophe [`inert`] put before it is taken off, so
/// a file written here reads back as it was.
fn live(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_apostrophe(rest) => rest,
        _ => cell,
    }
}

/// Writes rows as CSV (RFC 4180) with commas, each line ended by CRLF as
/// Excel writes, a field quoted only where it must be, and every cell made
/// [`inert`].
pub fn write_rows<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for row in rows {
        if let [only] = &row[..] {
            if only.as_ref().is_empty() {
                // One empty cell, quoted, so the line is not blank.
                out.push_str("\"\"\r\n");
                continue;
            }
        }
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = inert(cell.as_ref());
            // Quoted where it must be, and where it holds another
            // delimiter (a tab or semicolon), so that reading it again
            // finds commas, as written.
            if cell.contains([',', '"', '\r', '\n', '\t', ';']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Every cell of `text` as a spreadsheet reads it (the csv crate, with no
/// apostrophe taken off), in order: what the tests of inert cells compare.
#[cfg(test)]
pub(crate) fn cells_as_a_spreadsheet_reads_them(text: &str) -> Vec<String> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .flat_map(|r| {
            r.expect("a record")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Why a figure with a comma is refused in a file separated by
/// semicolons, as Excel writes CSV where a comma is the decimal mark:
/// "12,5" could be 12.5 or 125.
pub fn decimal_comma(text: &str) -> String {
    format!("\u{201c}{}\u{201d} has a comma, and in a file separated by semicolons that may be a decimal comma: write the figure with a decimal point (12.5) and no thousands commas, or save the file from Excel as \u{201c}CSV UTF-8 (Comma delimited)\u{201d}", excerpt(text))
}

/// A fault in a CSV file: its row (1 is the header) and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// The row, as the spreadsheet numbers it.
    pub row: usize,
    /// The column's heading, where the fault is in one cell.
    pub column: Option<&'static str>,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(column) => write!(f, "Row {}, column {column}: {}", self.row, self.message),
            None => write!(f, "Row {}: {}", self.row, self.message),
        }
    }
}

#[cfg(test)]
mod tests;
