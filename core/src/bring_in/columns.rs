//! Finding a spreadsheet's columns by their headings: case, spacing and
//! punctuation ignored, with the names officers commonly use; and the
//! person's own choice of column where a needed one cannot be found.

use super::{Fault, Table};

/// A column a reader looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The name in Scrutineer's templates: "indicator_id", "good_is".
    pub key: &'static str,
    /// Other headings that mean the same, as officers write them
    /// ("Polarity", "Good is High or Low"); compared after [`normalise`].
    pub also: &'static [&'static str],
    /// Whether the reader cannot go on without it.
    pub required: bool,
    /// What the column accepts, for the templates' sheet and messages.
    pub accepts: &'static str,
}

/// A heading reduced for comparing: lower case, letters and digits only,
/// runs of anything else one space ("Good is: H/L" -> "good is h l").
pub fn normalise(heading: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in heading.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

impl ColumnSpec {
    /// Whether `heading` names this column.
    pub fn matches(&self, heading: &str) -> bool {
        let heading = normalise(heading);
        !heading.is_empty()
            && (heading == normalise(self.key) || self.also.iter().any(|a| normalise(a) == heading))
    }
}

/// The person's choice of column for a key, where the headings did not
/// give one: the key and the column's 0-based index.
pub type Mapping = Vec<(&'static str, usize)>;

/// Where each looked-for column is, by the order of the specs given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The 0-based index of the header row in the table.
    pub header_row: usize,
    /// For each spec, its column's 0-based index, where found or chosen.
    pub at: Vec<Option<usize>>,
    /// The headings as printed.
    pub headings: Vec<String>,
}

impl Found {
    /// The column of `key`, where found.
    pub fn column(&self, specs: &[ColumnSpec], key: &str) -> Option<usize> {
        specs
            .iter()
            .position(|s| s.key == key)
            .and_then(|i| self.at[i])
    }

    /// The heading of column `at`, as printed ("column 3" where it has none).
    pub fn heading(&self, at: usize) -> String {
        match self.headings.get(at).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => format!("column {}", at + 1),
        }
    }
}

/// A needed column that is not in the file: the person must choose one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub key: &'static str,
    pub accepts: &'static str,
}

/// Why the columns could not be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnsError {
    /// The table has no rows with anything in them.
    Empty(Fault),
    /// Needed columns that no heading names: the header row is known, so
    /// the person can map them by hand.
    Unmatched {
        found: Found,
        missing: Vec<Unmatched>,
    },
    /// A chosen column is outside the table, or two keys chose one column.
    BadMapping(Fault),
}

/// The header row: of the first ten rows with anything in them, the first
/// that names the most of `specs` (title rows above a table are common);
/// the first non-blank row where none names any.
pub fn header_row(table: &Table, specs: &[ColumnSpec]) -> Option<usize> {
    let filled: Vec<usize> = (0..table.rows.len())
        .filter(|&r| !table.is_blank(r))
        .take(10)
        .collect();
    let score = |r: usize| {
        table.rows[r]
            .iter()
            .filter(|h| specs.iter().any(|s| s.matches(h)))
            .count()
    };
    let best = filled
        .iter()
        .copied()
        .max_by_key(|&r| (score(r), usize::MAX - r))?;
    Some(if score(best) == 0 { filled[0] } else { best })
}

/// Finds every spec's column in `table`'s header row, taking `chosen` over
/// the headings; `Unmatched` where a required one is still not found.
pub fn find(table: &Table, specs: &[ColumnSpec], chosen: &Mapping) -> Result<Found, ColumnsError> {
    let Some(header_row) = header_row(table, specs) else {
        return Err(ColumnsError::Empty(table.fault_of_all(
            "the file is empty: it needs a header row naming its columns",
        )));
    };
    let headings = table.rows[header_row].clone();
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    for (key, at) in chosen {
        if *at >= width {
            return Err(ColumnsError::BadMapping(table.fault_of_all(format!(
                "the column chosen for {key} is column {}, but the file has {width}",
                at + 1
            ))));
        }
        if let Some((other, _)) = chosen.iter().find(|(k, a)| a == at && k != key) {
            return Err(ColumnsError::BadMapping(table.fault_of_all(format!(
                "column {} is chosen for both {other} and {key}",
                at + 1
            ))));
        }
    }
    let at: Vec<Option<usize>> = specs
        .iter()
        .map(|spec| {
            chosen
                .iter()
                .find(|(k, _)| *k == spec.key)
                .map(|(_, a)| *a)
                .or_else(|| {
                    headings
                        .iter()
                        .enumerate()
                        .position(|(i, h)| spec.matches(h) && !chosen.iter().any(|(_, a)| *a == i))
                })
        })
        .collect();
    let found = Found {
        header_row,
        at,
        headings,
    };
    let missing: Vec<Unmatched> = specs
        .iter()
        .zip(&found.at)
        .filter(|(s, a)| s.required && a.is_none())
        .map(|(s, _)| Unmatched {
            key: s.key,
            accepts: s.accepts,
        })
        .collect();
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(ColumnsError::Unmatched { found, missing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bring_in::testing::table;

    const SPECS: [ColumnSpec; 2] = [
        ColumnSpec {
            key: "indicator",
            also: &["Performance Measure", "Measure"],
            required: true,
            accepts: "the indicator's name",
        },
        ColumnSpec {
            key: "good_is",
            also: &["Polarity", "Good is High or Low", "Good is: H/L"],
            required: false,
            accepts: "High or Low",
        },
    ];

    #[test]
    fn headings_match_whatever_their_case_spacing_and_punctuation() {
        assert_eq!(normalise("  Good is: H/L "), "good is h l");
        assert_eq!(normalise("\u{feff}indicator_id"), "indicator id");
        assert!(SPECS[1].matches("GOOD IS  high or low"));
        assert!(SPECS[1].matches("good_is"));
        assert!(!SPECS[1].matches("Good"));
        assert!(!SPECS[0].matches(""));
    }

    #[test]
    fn the_header_row_is_found_below_a_title() {
        let t = table(&[
            &["Quarterly monitoring report", ""],
            &[],
            &["Performance Measure", "Polarity", "2017/18"],
            &["Contacts", "-", "33,253"],
        ]);
        let found = find(&t, &SPECS, &vec![]).expect("found");
        assert_eq!(found.header_row, 2);
        assert_eq!(found.at, [Some(0), Some(1)]);
        assert_eq!(found.heading(2), "2017/18");
        assert_eq!(found.column(&SPECS, "good_is"), Some(1));
    }

    #[test]
    fn a_needed_column_not_found_is_named_and_can_be_chosen_by_hand() {
        let t = table(&[&["Name of PI", "H/L"], &["Contacts", "-"]]);
        let Err(ColumnsError::Unmatched { found, missing }) = find(&t, &SPECS, &vec![]) else {
            panic!("indicator is not named");
        };
        assert_eq!(found.header_row, 0);
        assert_eq!(missing[0].key, "indicator");
        let found = find(&t, &SPECS, &vec![("indicator", 0), ("good_is", 1)]).expect("chosen");
        assert_eq!(found.at, [Some(0), Some(1)]);
        let Err(ColumnsError::BadMapping(fault)) = find(&t, &SPECS, &vec![("indicator", 5)]) else {
            panic!("outside the table");
        };
        assert_eq!(
            fault.to_string(),
            "the column chosen for indicator is column 6, but the file has 2"
        );
        assert!(matches!(
            find(&t, &SPECS, &vec![("indicator", 0), ("good_is", 0)]),
            Err(ColumnsError::BadMapping(_))
        ));
        assert!(matches!(
            find(&table(&[]), &SPECS, &vec![]),
            Err(ColumnsError::Empty(_))
        ));
    }

    #[test]
    fn a_fault_names_its_sheet_row_and_column() {
        let mut t = table(&[&["a"]]);
        assert_eq!(
            t.fault(3, Some("2017/18"), "\u{201c}x\u{201d} is not a number")
                .to_string(),
            "Row 4, column \u{201c}2017/18\u{201d}: \u{201c}x\u{201d} is not a number"
        );
        t.sheet = Some("Q1".into());
        assert_eq!(
            t.fault(0, None, "empty").to_string(),
            "Sheet \u{201c}Q1\u{201d}, row 1: empty"
        );
        assert_eq!(
            t.fault_of_all("no rows").to_string(),
            "Sheet \u{201c}Q1\u{201d}: no rows"
        );
    }
}
