//! Reading and writing CSV: encodings, delimiters, quoting, row numbers.

use super::*;

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn windows_1252_is_read_as_excel_writes_it() {
    // "Café,£5,–" as Excel's "CSV (Comma delimited)" saves it.
    let bytes = b"Caf\xE9,\xA35,\x96\r\n";
    let read = read_bytes(bytes).expect("reads");
    assert_eq!(read.encoding, Encoding::Windows1252);
    assert_eq!(read.delimiter, Delimiter::Comma);
    assert_eq!(read.rows, [["Café", "£5", "–"]]);
    // Every byte of 0x80 to 0x9F: the five undefined keep their Latin-1
    // code points, as WHATWG reads them.
    let high: Vec<u8> = (0x80..=0x9F).collect();
    let text = decode(&high).expect("every byte is Windows-1252").text;
    assert_eq!(
        text,
        "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
    );
    assert_eq!(decode(b"\xA0\xFF").expect("reads").text, "\u{A0}ÿ");
}

#[test]
fn utf16_with_its_mark_is_read_either_way_round_with_tabs() {
    let text = "name\tfigure\r\nCafé\t£5\r\n";
    for (big_endian, encoding) in [(false, Encoding::Utf16Le), (true, Encoding::Utf16Be)] {
        let read = read_bytes(&utf16(text, big_endian)).expect("reads");
        assert_eq!(read.encoding, encoding);
        assert_eq!(read.delimiter, Delimiter::Tab);
        assert_eq!(read.rows, [["name", "figure"], ["Café", "£5"]]);
    }
    assert_eq!(
        Encoding::Utf16Le.describe(),
        "UTF-16 (Excel\u{2019}s Unicode Text)"
    );
}

#[test]
fn broken_utf16_is_refused_naming_the_byte_and_row() {
    let mut odd = utf16("a\nb", false);
    odd.push(0x41);
    assert_eq!(
        decode(&odd).unwrap_err().to_string(),
        "Row 2: the file is UTF-16 but ends halfway through a character, at byte 8"
    );
    let mut unpaired = utf16("a\nb", false);
    unpaired.extend([0x00, 0xD8, 0x41, 0x00]); // a high surrogate, then "A"
    assert_eq!(
        decode(&unpaired).unwrap_err().to_string(),
        "Row 2: the file is UTF-16 but has half of a character pair at byte 8"
    );
}

#[test]
fn utf8_is_read_with_or_without_its_mark() {
    let plain = decode("Café,£5,–".as_bytes()).expect("reads");
    assert_eq!(
        (plain.text.as_str(), plain.encoding),
        ("Café,£5,–", Encoding::Utf8)
    );
    let marked = read_bytes("\u{feff}Café,£5,–\r\n".as_bytes()).expect("reads");
    assert_eq!(marked.encoding, Encoding::Utf8WithBom);
    assert_eq!(marked.rows, [["Café", "£5", "–"]]);
    assert_eq!(
        read_rows("\u{feff}a,b").expect("reads"),
        [["a", "b"]],
        "a mark left in the text is dropped too"
    );
    assert_eq!(Encoding::Utf8.describe(), "UTF-8");
    assert_eq!(
        Encoding::Utf8WithBom.describe(),
        "UTF-8 with a byte order mark"
    );
    assert_eq!(
        Encoding::Windows1252.describe(),
        "Windows-1252 (Excel\u{2019}s CSV)"
    );
}

#[test]
fn the_delimiter_is_found_outside_quotes() {
    let cases = [
        ("a,b,c\n1,2,3\n", Delimiter::Comma),
        ("a;b;c\n1;2;3\n", Delimiter::Semicolon),
        ("a\tb\n1\t2\n", Delimiter::Tab),
        ("\n\na;b\n", Delimiter::Semicolon),
        // Commas inside quotes do not count.
        ("\"x, y\";b\n\"1,2\";3\n", Delimiter::Semicolon),
        // More semicolons than commas on every line.
        ("name;value, in £;note\nA;12,5;x\n", Delimiter::Semicolon),
        // A semicolon in a comma file's text.
        ("name,note\nA,see B; C\nD,E\n", Delimiter::Comma),
        // A tab in the header's text, inside quotes.
        ("\"a\tb\",c\n", Delimiter::Comma),
        ("", Delimiter::Comma),
        ("one\n", Delimiter::Comma),
    ];
    for (text, delimiter) in cases {
        assert_eq!(sniff_delimiter(text), delimiter, "{text:?}");
    }
    assert_eq!(
        [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab].map(Delimiter::describe),
        ["commas", "semicolons", "tabs"]
    );
}

#[test]
fn a_semicolon_file_keeps_its_decimal_commas_as_text() {
    let rows =
        read_rows("indicator_id;period;value\r\ncontacts;Q1 2019/20;12,5\r\n").expect("reads");
    assert_eq!(
        rows,
        [
            vec!["indicator_id", "period", "value"],
            vec!["contacts", "Q1 2019/20", "12,5"]
        ]
    );
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
    let rows = read_rows("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n").expect("reads");
    assert_eq!(
        rows,
        [vec!["a", "b, c", "say \"hi\""], vec!["two\nlines", "x", ""]]
    );
    let rows = read_rows("a;\"b; c\";\"12,5\"\n").expect("reads");
    assert_eq!(rows, [["a", "b; c", "12,5"]]);
    let rows = read_rows("a\t\"b\tc\"\t\"d\r\ne\"\n").expect("reads");
    assert_eq!(rows, [["a", "b\tc", "d\r\ne"]]);
    // A quote inside an unquoted field is kept as it is.
    assert_eq!(
        read_rows("5\" pipe,x\n").expect("reads"),
        [["5\" pipe", "x"]]
    );
}

#[test]
fn blank_lines_are_rows_numbered_as_the_spreadsheet_does() {
    let text = "head,er\r\n\r\none,\"two\nlines\"\r\n\r\n\r\nthree,3\r\n\r\n";
    let rows = read_rows(text).expect("reads");
    let empty: Vec<&str> = vec![];
    assert_eq!(
        rows,
        [
            vec!["head", "er"],
            empty.clone(),
            vec!["one", "two\nlines"],
            empty.clone(),
            empty,
            vec!["three", "3"],
        ],
        "row 6 is three, after the quoted line break; the last blank line is no row"
    );
    assert_eq!(
        read_rows("\n\na\n").expect("reads"),
        [vec![], vec![], vec!["a"]]
    );
    assert_eq!(
        read_rows("a\r\rb\r").expect("reads"),
        [vec!["a"], vec![], vec!["b"]],
        "old Mac line ends"
    );
    assert_eq!(read_rows("").expect("reads"), Vec::<Vec<String>>::new());
    assert_eq!(read_rows("a\n").expect("reads"), [["a"]]);
    assert_eq!(
        parse_rows(text).expect("reads"),
        [
            vec!["head", "er"],
            vec!["one", "two\nlines"],
            vec!["three", "3"]
        ],
        "parse_rows drops them"
    );
    assert_eq!(parse_rows("a\n  \nb\n").expect("reads"), [["a"], ["b"]]);
}

#[test]
fn an_unclosed_quote_is_refused_with_the_row_it_opens_on() {
    assert_eq!(
        read_rows("a,\"open").unwrap_err().to_string(),
        "Row 1: a quoted field that opens on this row is never closed"
    );
    assert_eq!(
        read_rows("a,b\n\nc,\"open\nmore\n\nstill,open\n")
            .unwrap_err()
            .to_string(),
        "Row 3: a quoted field that opens on this row is never closed"
    );
    assert_eq!(
        read_rows("a,\"x\"\"\n").unwrap_err().row,
        1,
        "an escaped quote does not close"
    );
    assert_eq!(
        read_rows("a,\"closed\"\"\"\n").expect("closed"),
        [["a", "closed\""]]
    );
    assert!(read_rows("a,\"x\"y\n").is_ok(), "closed, then text");
}

#[test]
fn what_is_written_reads_back_the_same() {
    let awkward = vec![
        vec!["plain", "with, comma", "say \"hi\"", "two\r\nlines", ""],
        vec![
            "semi;colon",
            "tab\there",
            " spaced ",
            "Café £5 – “quoted”",
            "12,5",
        ],
        vec!["", "", "", "", ""],
        vec!["\"", "=1+1", "line\nbreak", "'", "last"],
    ];
    let text = write_rows(&awkward);
    assert!(text.starts_with("plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\r\nlines\",\r\n"));
    assert!(text.ends_with("\r\n"));
    assert_eq!(read_rows(&text).expect("reads"), awkward);
    assert_eq!(
        write_rows(&[vec!["a", "b"], vec!["c", "d"]]),
        "a,b\r\nc,d\r\n"
    );
    assert_eq!(write_rows::<&str>(&[]), "");
}

#[test]
fn a_file_of_bytes_is_decoded_then_read() {
    let read = read_bytes(b"a;b\r\n1,5;\x80 2\r\n").expect("reads");
    assert_eq!(
        read,
        ReadCsv {
            rows: vec![
                vec!["a".into(), "b".into()],
                vec!["1,5".into(), "€ 2".into()]
            ],
            encoding: Encoding::Windows1252,
            delimiter: Delimiter::Semicolon,
        }
    );
    let mut broken = utf16("a\t\"b", false);
    broken.push(0);
    assert_eq!(read_bytes(&broken).unwrap_err().row, 1);
    assert!(read_bytes(&utf16("a\t\"b", false)).is_err(), "never closed");
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_inert_and_read_back_as_they_were() {
    let hostile = vec![
        vec![
            "=HYPERLINK(\"http://evil.example\",\"Click\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
        ],
        vec!["\tindented", "\rreturn", "-5", "+2.5"],
        vec!["-inf", "1e3", "plain", "a=b"],
        vec!["'=already quoted", "'plain", "''+two", "'"],
    ];
    let text = write_rows(&hostile);
    let cells = parse_rows(&text)
        .map(|rows| rows.concat())
        .unwrap_or_default();
    let raw = cells_as_a_spreadsheet_reads_them(&text);
    // What a spreadsheet sees: no cell starts a formula, and numbers are numbers.
    assert_eq!(
        raw,
        [
            "'=HYPERLINK(\"http://evil.example\",\"Click\")",
            "'+1+1",
            "'-2+3",
            "'@SUM(A1)",
            "'\tindented",
            "'\rreturn",
            "-5",
            "+2.5",
            "'-inf",
            "1e3",
            "plain",
            "a=b",
            "''=already quoted",
            "'plain",
            "'''+two",
            "'"
        ]
    );
    // What Scrutineer reads back: the cells as they were.
    assert_eq!(cells, hostile.concat());
}
