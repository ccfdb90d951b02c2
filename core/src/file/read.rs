//! Why a chosen file was not read, for every page that reads one: a snapshot
//! on the Data page, figures from a spreadsheet, a complaints case list. One
//! type, one wording ("Could not open …. Nothing has been changed."), and one
//! limit on how many faults are listed; the rest are counted.

use crate::text::excerpt;
use thiserror::Error;

use crate::domain::snapshot::count_of;
use crate::file::csv::CsvError;
use crate::file::format::{megabytes, ImportError, MAX_BYTES};

/// How many faults a refusal lists; the rest are counted ("And 4 more.").
pub const LISTED: usize = 10;

/// Why a chosen file was not read. Nothing is changed by any of them.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ReadFileError {
    /// Over [`MAX_BYTES`]: refused before it is read.
    #[error("it is {} MB, and the largest Scrutineer opens is {} MB", megabytes(*.bytes), megabytes(MAX_BYTES))]
    TooLarge { bytes: usize },
    /// The browser could not read it, in the browser's words.
    #[error("{0}")]
    Unreadable(String),
    /// Plainly another kind of file: the sentence says which page reads it.
    #[error("{0}")]
    Elsewhere(String),
    /// A snapshot file that cannot be opened.
    #[error("{0}")]
    Snapshot(ImportError),
    /// A spreadsheet with faulty rows, each fault by row and column.
    #[error("{}", rows_head(.0.len()))]
    Rows(Vec<CsvError>),
    /// A workbook the reader could not read, in its own whole sentence
    /// (which names the file).
    #[error("{0}")]
    Workbook(String),
    /// A spreadsheet (or a workbook's sheet) brought in with faults, each by
    /// sheet, row and column.
    #[error("{}", rows_head(.0.len()))]
    Sheet(Vec<crate::bring_in::Fault>),
    /// Bytes that are not text in any encoding Excel writes: a UTF-16 file
    /// cut short or with half of a character pair (see
    /// [`crate::file::csv::decode`]).
    #[error("its text cannot be read ({}, on row {})", .0.message, .0.row)]
    Undecodable(CsvError),
}

fn rows_head(faults: usize) -> String {
    match faults {
        1 => "1 row has a problem".to_owned(),
        _ => format!("{faults} problems"),
    }
}

impl ReadFileError {
    /// The file's size, if it is over the limit.
    pub fn check_size(bytes: usize) -> Result<(), ReadFileError> {
        if bytes > MAX_BYTES {
            Err(ReadFileError::TooLarge { bytes })
        } else {
            Ok(())
        }
    }

    /// What the person is told about the file `name`.
    pub fn message(&self, name: &str) -> String {
        let name = format!("\u{201c}{}\u{201d}", excerpt(name));
        match self {
            ReadFileError::Elsewhere(advice) => {
                format!("Could not open {name}: {advice} Nothing has been changed.")
            }
            ReadFileError::Snapshot(ImportError::Invalid { problems }) => format!(
                "Could not open {name}. The file has {} that must be fixed before it can be opened. Nothing has been changed.",
                count_of(problems.len(), "problem", "problems")
            ),
            ReadFileError::Snapshot(e) => {
                format!("Could not open {name}. {e} Nothing has been changed.")
            }
            ReadFileError::Rows(_) | ReadFileError::Sheet(_) => format!(
                "Could not open {name}: {self}. Nothing has been changed. Correct the rows in the spreadsheet and choose the file again."
            ),
            ReadFileError::Undecodable(_) => format!(
                "Could not open {name}: {self}. Nothing has been changed. Save the sheet again in Excel as \u{201c}CSV UTF-8 (Comma delimited)\u{201d} and choose the file again."
            ),
            ReadFileError::Workbook(sentence) => format!("{sentence} Nothing has been changed."),
            ReadFileError::TooLarge { .. } | ReadFileError::Unreadable(_) => {
                format!("Could not open {name}: {self}. Nothing has been changed.")
            }
        }
    }

    /// The faults listed under the message: at most [`LISTED`], then how
    /// many more there are.
    pub fn faults(&self) -> Vec<String> {
        let all: Vec<String> = match self {
            ReadFileError::Snapshot(ImportError::Invalid { problems }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            ReadFileError::Rows(faults) => faults.iter().map(ToString::to_string).collect(),
            ReadFileError::Sheet(faults) => faults.iter().map(ToString::to_string).collect(),
            _ => vec![],
        };
        listed(all)
    }
}

/// At most [`LISTED`] of `all`, then "And N more." for the rest.
pub fn listed(all: Vec<String>) -> Vec<String> {
    let more = all.len().saturating_sub(LISTED);
    let mut shown: Vec<String> = all.into_iter().take(LISTED).collect();
    if more > 0 {
        shown.push(format!("And {more} more."));
    }
    shown
}

impl From<ImportError> for ReadFileError {
    fn from(e: ImportError) -> Self {
        ReadFileError::Snapshot(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::validate::Problem;

    fn row(row: usize, message: &str) -> CsvError {
        CsvError {
            row,
            column: Some("value"),
            message: message.to_owned(),
        }
    }

    #[test]
    fn every_refusal_names_the_file_and_says_nothing_changed() {
        let cases = [
            (
                ReadFileError::TooLarge { bytes: 21 * 1024 * 1024 },
                "Could not open \u{201c}huge.json\u{201d}: it is 21 MB, and the largest Scrutineer opens is 20 MB. Nothing has been changed.",
            ),
            (
                ReadFileError::Unreadable("the browser could not read it".into()),
                "Could not open \u{201c}huge.json\u{201d}: the browser could not read it. Nothing has been changed.",
            ),
            (
                ReadFileError::Elsewhere("it is a spreadsheet (CSV), not a Scrutineer snapshot.".into()),
                "Could not open \u{201c}huge.json\u{201d}: it is a spreadsheet (CSV), not a Scrutineer snapshot. Nothing has been changed.",
            ),
            (
                ReadFileError::Undecodable(
                    crate::file::csv::decode(&[0xFF, 0xFE, 0x41, 0x00, 0x42])
                        .expect_err("an odd number of bytes"),
                ),
                "Could not open \u{201c}huge.json\u{201d}: its text cannot be read (the file is UTF-16 but ends halfway through a character, at byte 4, on row 1). Nothing has been changed. Save the sheet again in Excel as \u{201c}CSV UTF-8 (Comma delimited)\u{201d} and choose the file again.",
            ),
            (
                ReadFileError::Workbook(
                    "\u{201c}huge.json\u{201d} is not a workbook Scrutineer can read: it is damaged.".into(),
                ),
                "\u{201c}huge.json\u{201d} is not a workbook Scrutineer can read: it is damaged. Nothing has been changed.",
            ),
            (
                ReadFileError::Snapshot(ImportError::Empty),
                "Could not open \u{201c}huge.json\u{201d}. The file is empty. Nothing has been changed.",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.message("huge.json"), message);
            assert_eq!(error.faults(), Vec::<String>::new());
        }
    }

    #[test]
    fn faulty_rows_are_counted_in_the_message_and_listed_under_it() {
        let one = ReadFileError::Rows(vec![row(3, "\u{201c}lots\u{201d} is not a number")]);
        assert_eq!(
            one.message("q2.csv"),
            "Could not open \u{201c}q2.csv\u{201d}: 1 row has a problem. Nothing has been changed. Correct the rows in the spreadsheet and choose the file again."
        );
        assert_eq!(
            one.faults(),
            ["Row 3, column value: \u{201c}lots\u{201d} is not a number"]
        );
        let many = ReadFileError::Rows((2..16).map(|r| row(r, "not a number")).collect());
        assert!(many.message("q2.csv").contains(": 14 problems."));
        let faults = many.faults();
        assert_eq!(faults.len(), LISTED + 1);
        assert_eq!(faults[0], "Row 2, column value: not a number");
        assert_eq!(faults[LISTED], "And 4 more.");
    }

    #[test]
    fn a_snapshot_with_problems_lists_them_under_one_sentence() {
        let problems: Vec<Problem> = (0..12)
            .map(|i| Problem {
                path: format!("sources[{i}].title"),
                item: format!("source \u{201c}s{i}\u{201d}"),
                message: "it has no title: give a title".into(),
            })
            .collect();
        let error = ReadFileError::from(ImportError::Invalid { problems });
        assert_eq!(
            error.message("pack.json"),
            "Could not open \u{201c}pack.json\u{201d}. The file has 12 problems that must be fixed before it can be opened. Nothing has been changed."
        );
        let faults = error.faults();
        assert_eq!(
            faults[0],
            "source \u{201c}s0\u{201d} (sources[0].title): it has no title: give a title"
        );
        assert_eq!(faults.last().map(String::as_str), Some("And 2 more."));
    }

    #[test]
    fn the_size_limit_is_checked_before_reading() {
        assert_eq!(ReadFileError::check_size(MAX_BYTES), Ok(()));
        assert_eq!(
            ReadFileError::check_size(MAX_BYTES + 1),
            Err(ReadFileError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }
}
