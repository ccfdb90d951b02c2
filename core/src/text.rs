//! Small text helpers shared by the editors, the CSV reader and file names.

/// A number as plain text with no needless ".0": 5 -> "5", 84.6 -> "84.6".
pub fn plain_number(n: f64) -> String {
    let text = format!("{n}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// Reads a number as people type it in a spreadsheet or a form: thousands
/// commas and a trailing % are allowed. `None` for anything else.
pub fn read_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
    cleaned
        .trim_end_matches('%')
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// What the pages show where the pack does not say: "Not recorded".
pub fn or_not_recorded(text: Option<String>) -> String {
    text.unwrap_or_else(|| "Not recorded".to_owned())
}

/// The text with its first letter a capital, for a message that starts a sentence.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// An id or file name from a name: "Children's Social Care" -> "childrens-social-care".
/// Letters and digits are kept (lower case), apostrophes dropped, anything
/// else becomes a single hyphen.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The first `words` words of `text`, with an ellipsis where it was cut.
pub fn first_words(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{}\u{2026}", all[..words].join(" "))
    }
}

/// The longest excerpt of outside text a message quotes, in characters as
/// written (an ellipsis follows where it is cut).
pub const EXCERPT: usize = 80;

/// Outside text as a message may quote it: trimmed, at most [`EXCERPT`]
/// characters (cut with an ellipsis), and with every control or
/// direction-changing character written out (`\n`, `\u{202e}`), so a bad
/// cell can neither flood a message nor disguise it.
pub fn excerpt(text: &str) -> String {
    let text = text.trim();
    let mut out = String::new();
    // Counted as written, so characters written out count in full.
    let mut written = 0;
    for c in text.chars() {
        let shown = match c {
            '\n' => "\\n".to_owned(),
            '\r' => "\\r".to_owned(),
            '\t' => "\\t".to_owned(),
            c if c.is_control() || is_direction_mark(c) => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        };
        written += shown.chars().count();
        if written > EXCERPT {
            out.push('\u{2026}');
            break;
        }
        out.push_str(&shown);
    }
    out
}

/// Characters that reorder or hide the text around them (bidirectional
/// embeddings, overrides and isolates, and zero-width marks).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_show_what_would_hide() {
        assert_eq!(excerpt("  Q5 2018/19 "), "Q5 2018/19");
        let long = "x".repeat(1_000_000);
        let quoted = excerpt(&long);
        assert_eq!(quoted.chars().count(), EXCERPT + 1);
        assert!(quoted.ends_with('\u{2026}'));
        assert_eq!(excerpt("a\nb\tc\u{1b}[31m"), "a\\nb\\tc\\u{1b}[31m");
        assert_eq!(excerpt("abc\u{202e}fed"), "abc\\u{202e}fed");
        let hidden = excerpt(&"\u{16}".repeat(1_000));
        assert!(hidden.chars().count() <= EXCERPT + 1, "{hidden}");
        // Exactly the limit is not cut.
        assert_eq!(excerpt(&"y".repeat(EXCERPT)), "y".repeat(EXCERPT));
    }

    #[test]
    fn numbers_print_plainly_and_read_as_typed() {
        assert_eq!(plain_number(5.0), "5");
        assert_eq!(plain_number(84.6), "84.6");
        assert_eq!(read_number(" 2,150 "), Some(2150.0));
        assert_eq!(read_number("19.9%"), Some(19.9));
        assert_eq!(read_number("lots"), None);
        assert_eq!(read_number("inf"), None);
    }

    #[test]
    fn slugs_and_capitals() {
        assert_eq!(slug("Children's Social Care"), "childrens-social-care");
        assert_eq!(slug("% of A&E waits < 4 hours"), "of-a-e-waits-4-hours");
        assert_eq!(slug("  St. Helens\u{2019} Council!  "), "st-helens-council");
        assert_eq!(slug("***"), "");
        assert_eq!(capitalise("count"), "Count");
        assert_eq!(capitalise(""), "");
        assert_eq!(
            first_words("Delivering  the Operational Plan", 2),
            "Delivering the\u{2026}"
        );
        assert_eq!(first_words("Delivering the Plan", 3), "Delivering the Plan");
    }
}
