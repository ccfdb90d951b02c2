//! A file's fingerprint: the SHA-256 of its snapshot's canonical text (the
//! snapshot as Scrutineer writes it compactly: fixed field order, no
//! spacing), recorded in the envelope as `content_sha256` at every export.
//! Opening a file works it out again from what was read: the same, the
//! file holds exactly the data exported (spacing aside); different,
//! something in it changed afterwards (an edit in a text editor, a
//! spreadsheet's save, a cut-short attachment that still reads). It shows
//! that the data changed, not who changed it: anyone can write a file with
//! a fingerprint that matches.

use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};

use crate::domain::snapshot::Snapshot;
use crate::file::format::{write_text, Layout};

/// The envelope field the fingerprint is written in.
pub const FIELD: &str = "content_sha256";

/// Whether `text` is a fingerprint as Scrutineer writes one: 64 lower-case
/// hexadecimal digits.
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The fingerprint under `field` of an envelope's `head`, where it is one.
pub fn read_field(
    head: &serde_json::Map<String, serde_json::Value>,
    field: &str,
) -> Option<String> {
    head.get(field)
        .and_then(serde_json::Value::as_str)
        .filter(|t| is_fingerprint(t))
        .map(str::to_owned)
}

/// `snapshot`'s fingerprint: 64 lower-case hexadecimal digits.
pub fn of(snapshot: &Snapshot) -> String {
    hex(&Sha256::digest(
        write_text(snapshot, Layout::compact()).as_bytes(),
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a file's data is as it was exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// Its fingerprint matches the data it holds.
    AsExported,
    /// Its data no longer matches the fingerprint recorded at export.
    Changed,
    /// It records no fingerprint (written by an older Scrutineer, or by
    /// something else), or it was migrated from an older format.
    NotRecorded,
    /// It records something else where the fingerprint goes.
    Damaged,
}

impl Integrity {
    /// What the envelope `head` of a file of this format version records
    /// against the `snapshot` read from it. (A file of an older format is
    /// [`Integrity::NotRecorded`]: its data has been brought up to date.)
    pub fn of(head: &Map<String, Json>, snapshot: &Snapshot) -> Integrity {
        Integrity::against(head, &of(snapshot))
    }

    /// As [`Integrity::of`], for data whose fingerprint is already worked
    /// out (`fingerprint`): a large file's is worked out once, not once for
    /// this and again for what it is saved and kept as.
    pub fn against(head: &Map<String, Json>, fingerprint: &str) -> Integrity {
        let Some(recorded) = head.get(FIELD) else {
            return Integrity::NotRecorded;
        };
        let recorded = recorded
            .as_str()
            .filter(|h| h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        match recorded {
            None => Integrity::Damaged,
            Some(recorded) if recorded == fingerprint => Integrity::AsExported,
            Some(_) => Integrity::Changed,
        }
    }

    /// What the preview of a file says: a headline, ": ", then why.
    pub fn words(&self) -> &'static str {
        match self {
            Integrity::AsExported => "Unchanged since it was saved: its data matches the fingerprint Scrutineer recorded in the file. This catches changes made by accident; it does not prove who made the file.",
            Integrity::Changed => "Changed since it was saved: its data no longer matches the fingerprint Scrutineer recorded when the file was saved. It may have been edited in a text editor or a spreadsheet, or damaged in sending. Check the figures with whoever sent it. This shows that the data changed, not who changed it.",
            Integrity::NotRecorded => "No fingerprint: it was saved by an older version of Scrutineer, or by another program, so whether its data changed since cannot be told.",
            Integrity::Damaged => "Fingerprint damaged: what the file holds where the fingerprint goes is not one Scrutineer writes, so whether its data changed since cannot be told.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::format::{export, import};
    use crate::file::validate::validate;

    fn exported() -> String {
        export(&Snapshot::demo(), chrono::DateTime::UNIX_EPOCH, "test")
    }

    #[test]
    fn the_fingerprint_is_sha_256() {
        // FIPS 180-2's example: SHA-256 of "abc".
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let text = write_text(&Snapshot::demo(), Layout::compact());
        assert_eq!(of(&Snapshot::demo()), hex(&Sha256::digest(text.as_bytes())));
        assert_eq!(of(&Snapshot::demo()).len(), 64);
    }

    #[test]
    fn a_file_opened_as_exported_says_so_whatever_its_spacing() {
        let text = exported();
        assert!(text.contains(&format!("\"{FIELD}\": \"{}\"", of(&Snapshot::demo()))));
        assert_eq!(
            import(&text).expect("opens").integrity,
            Integrity::AsExported
        );
        let respaced = text.replace("\n  ", "\n    ");
        assert_eq!(
            import(&respaced).expect("opens").integrity,
            Integrity::AsExported
        );
    }

    #[test]
    fn a_figure_changed_in_a_text_editor_is_noticed() {
        let text = exported();
        let demo = Snapshot::demo();
        let observation = &demo.indicators[0].values[0];
        let number = observation.value.number().expect("a figure");
        let written = format!("\"value\": {}", crate::text::plain_number(number));
        assert!(text.contains(&written), "{written}");
        let edited = text.replacen(&written, &format!("\"value\": {}", number + 1.0), 1);
        let opened = import(&edited).expect("still a good file");
        assert_eq!(validate(&opened.snapshot), vec![]);
        assert_eq!(opened.integrity, Integrity::Changed);
        // So is a change to who prepared it.
        let named = text.replacen(
            "\"organisation\": \"Lancashire",
            "\"organisation\": \"Lanarkshire",
            1,
        );
        assert_eq!(import(&named).expect("opens").integrity, Integrity::Changed);
    }

    #[test]
    fn a_file_without_a_fingerprint_or_with_a_damaged_one_says_it_cannot_tell() {
        let text = exported();
        let line = format!("  \"{FIELD}\": \"{}\",\n", of(&Snapshot::demo()));
        assert!(text.contains(&line));
        let without = text.replacen(&line, "", 1);
        assert_eq!(
            import(&without).expect("opens").integrity,
            Integrity::NotRecorded
        );
        let short = text.replacen(&of(&Snapshot::demo()), "abc", 1);
        assert_eq!(import(&short).expect("opens").integrity, Integrity::Damaged);
        let fingerprint = of(&Snapshot::demo());
        let upper = text.replacen(&fingerprint, &fingerprint.to_uppercase(), 1);
        assert_eq!(
            import(&upper).expect("opens").integrity,
            Integrity::Damaged,
            "as the schema says: lower case"
        );
        // An older format, migrated: no fingerprint.
        let v1 = r#"{"type":"scrutineer-snapshot","version":1,"exported_at":"2019-07-02T09:30:00Z","app_version":"0.0.1","snapshot":{"organisation":"Oldtown Council","title":"Scrutiny","as_at":"2018-03-31"}}"#;
        assert_eq!(import(v1).expect("opens").integrity, Integrity::NotRecorded);
    }

    #[test]
    fn each_outcome_is_said_in_plain_words_and_a_change_is_not_called_tampering() {
        // Headline first, then why; none claims more than a change of data.
        let unchanged = Integrity::AsExported.words();
        assert!(unchanged.starts_with("Unchanged since it was saved"));
        assert!(unchanged.contains("does not prove who made the file"));
        assert!(Integrity::Changed.words().contains("not who changed it"));
        assert!(Integrity::NotRecorded.words().starts_with("No fingerprint"));
        assert!(Integrity::Damaged
            .words()
            .starts_with("Fingerprint damaged"));
        for integrity in [
            Integrity::AsExported,
            Integrity::Changed,
            Integrity::NotRecorded,
            Integrity::Damaged,
        ] {
            let words = integrity.words();
            assert!(!words.to_lowercase().contains("tamper"), "{words}");
            let (head, why) = words.split_once(": ").expect("a headline");
            assert!(!head.is_empty() && !why.is_empty());
        }
    }
}
