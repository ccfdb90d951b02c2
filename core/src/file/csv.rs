//! Generic CSV reading (RFC 4180), and a fault named by row and column:
//! shared by the figures import, the complaints case lists and the words
//! for a refused file.

/// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold
/// commas, quotes and line breaks). `Err` names the row of an unclosed quote.
pub fn parse_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut row_number = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                row_number += 1;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            row: row_number,
            column: None,
            message: "a quoted field is never closed".to_owned(),
        });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

/// Writes rows as CSV (RFC 4180), each line ended by CRLF as Excel writes.
pub fn write_rows<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                let c = c.as_ref();
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_owned()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A fault in a CSV file: its row (1 is the header) and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub row: usize,
    pub column: Option<&'static str>,
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
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let rows =
            parse_rows("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n").expect("reads");
        assert_eq!(
            rows,
            [vec!["a", "b, c", "say \"hi\""], vec!["two\nlines", "x", ""]]
        );
        assert_eq!(
            parse_rows("a,\"open").unwrap_err().to_string(),
            "Row 1: a quoted field is never closed"
        );
    }
}
