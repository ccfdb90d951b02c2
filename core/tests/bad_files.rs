//! The corpus of bad snapshot files in tests/bad-files: each must be refused
//! with a message containing the words listed for it in expected.json, and
//! the good file beside them must open.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use scrutineer_core::file::format::{import, import_careful, import_quick, QuickError};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-files")
}

#[test]
fn every_bad_file_is_refused_with_a_message_naming_the_place() {
    let expected: BTreeMap<String, Vec<String>> = serde_json::from_str(
        &fs::read_to_string(corpus().join("expected.json")).expect("expected.json"),
    )
    .expect("expected.json is a map of file name to words");
    assert!(
        expected.len() >= 30,
        "the corpus holds {} files",
        expected.len()
    );
    let mut failures = vec![];
    for (name, words) in &expected {
        let text = fs::read_to_string(corpus().join(name)).expect(name);
        match import(&text) {
            Ok(_) => failures.push(format!("{name}: opened, but should be refused")),
            Err(e) => {
                let message = e.to_string();
                for w in words {
                    if !message.contains(w.as_str()) {
                        failures.push(format!("{name}: {message:?} lacks {w:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_folder_is_listed_with_its_expected_message() {
    let expected = fs::read_to_string(corpus().join("expected.json")).expect("expected.json");
    for entry in fs::read_dir(corpus()).expect("folder") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        if name.ends_with(".json") && name != "expected.json" && name != "good.json" {
            assert!(
                expected.contains(&format!("\"{name}\"")),
                "{name} has no expected message"
            );
        }
    }
}

#[test]
fn the_good_file_the_bad_ones_are_made_from_opens() {
    let text = fs::read_to_string(corpus().join("good.json")).expect("good.json");
    let opened = import(&text).expect("the good file opens");
    assert_eq!(opened.snapshot.indicators.len(), 2);
}

/// Each bad file gets the same refusal from `import` as from the careful
/// reader, and the quick reader gives that very refusal or leaves the file
/// to the careful one.
#[test]
fn the_quick_reader_refuses_each_bad_file_in_the_careful_readers_words() {
    let expected = fs::read_to_string(corpus().join("expected.json")).expect("expected.json");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&expected).expect("expected.json is a map");
    for name in expected.keys().map(String::as_str).chain(["good.json"]) {
        let text = fs::read_to_string(corpus().join(name)).expect(name);
        let careful = import_careful(&text);
        assert_eq!(import(&text), careful, "{name}");
        match import_quick(&text) {
            Ok(opened) => assert_eq!(Ok(opened), careful, "{name}"),
            Err(QuickError::Refused(error)) => assert_eq!(Err(error), careful, "{name}"),
            Err(QuickError::NeedsCareful) => assert!(careful.is_err(), "{name}"),
        }
    }
}

/// Hostile changes to the good file, as a fuzzer made them: each is refused
/// with a message in plain words that quotes at most a short excerpt.
#[test]
fn hostile_files_get_short_messages_in_plain_words() {
    let pretty = fs::read_to_string(corpus().join("good.json")).expect("good.json");
    let tree: serde_json::Value = serde_json::from_str(&pretty).expect("good.json is JSON");
    let good = tree.to_string();
    let huge = "9".repeat(1_350_000);
    let nested = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let value = r#"{"kind":"figure","value":84.6,"decimals":1,"numerator":2096.0}"#;
    assert!(good.contains(value), "the good file holds the first figure");
    let hostile: Vec<(&str, String)> = vec![
        (
            "a figure without its kind",
            good.replacen(value, r#"{"value": 84.6}"#, 1),
        ),
        ("a figure as a bare object", good.replacen(value, "{}", 1)),
        (
            "a figure's kind unknown",
            good.replacen(value, r#"{"kind":"guess"}"#, 1),
        ),
        (
            "a huge period",
            good.replacen("\"Q1 2019/20\"", &format!("\"{huge}\""), 1),
        ),
        (
            "a huge unit",
            good.replacen("\"rate_per_10000\"", &format!("\"{huge}\u{202e}\\n\""), 1),
        ),
        ("nested lists", good.replacen(value, &nested, 1)),
        (
            "a name that is not text",
            good.replacen("{\"kind\":\"figure\"", "{1:\"figure\"", 1),
        ),
        ("text after the file", format!("{good} x")),
        (
            "a huge unknown field",
            good.replacen("\"id\":\"cla\"", &format!("\"{huge}\":1,\"id\":\"cla\""), 1),
        ),
        (
            "a date with a tail",
            good.replacen("\"as_at\":\"2019-06-30", "\"as_at\":\"2019-06-30x", 1),
        ),
    ];
    for (what, text) in hostile {
        let message = import(&text).expect_err(what).to_string();
        assert!(
            message.chars().count() < 600,
            "{what}: {} characters",
            message.len()
        );
        for word in [
            "enum",
            "variant",
            "identifier",
            "tagged",
            "map with",
            "trailing",
            "key must",
            "recursion",
            "\u{202e}",
            "\n",
        ] {
            assert!(
                !message.contains(word),
                "{what}: {message:?} holds {word:?}"
            );
        }
    }
}
