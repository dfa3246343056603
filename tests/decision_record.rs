//! The decision record: MADR headings in order as a Markdown parser reads
//! them, the answers kept in it for `versus recheck`, which exits 0 while
//! the choice holds and 1, naming the change, when the data has moved.

use std::process::{Command, Output};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use versus::data;
use versus::export;
use versus::record;
use versus::wizard;

fn versus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_versus")).args(args).output().expect("versus runs")
}

/// (level, text) of every heading, in order.
fn headings(md: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let n = [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H3, HeadingLevel::H4]
                    .iter()
                    .position(|l| *l == level)
                    .map_or(9, |i| i + 1);
                current = Some((n, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

fn record(name: &str, toward: usize, against: usize) -> String {
    let c = data::load_builtin(name).and_then(Result::ok).expect("shipped");
    let answers = wizard::leaning(&c, toward, against);
    let identity = record::Identity { comparison: name.to_string(), from: record::From::Shipped };
    export::madr(&c, &identity, &answers, &[], "2026-11-25")
}

#[test]
fn a_record_has_the_madr_headings_in_order_and_steps_one_level_at_a_time() {
    for name in ["django-vs-flask", "django-vs-flask-vs-fastapi"] {
        let md = record(name, 1, 0);
        let got: Vec<String> = headings(&md).into_iter().skip(1).map(|(l, t)| format!("{l} {t}")).collect();
        assert_eq!(
            got,
            [
                "2 Status",
                "2 Context and Problem Statement",
                "2 Decision Drivers",
                "2 Considered Options",
                "2 Decision Outcome",
                "3 Consequences",
                "2 Revisit When",
                "2 Sources",
                "2 Answers"
            ],
            "{name}:\n{md}"
        );
        let levels: Vec<usize> = headings(&md).iter().map(|(l, _)| *l).collect();
        assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "heading levels step by one: {levels:?}");
        assert!(headings(&md)[0].1.starts_with("Choose Flask"), "{name}: {:?}", headings(&md)[0]);
    }
}

/// A whole record, pinned on a fixture (`tests/fixtures/brewing.ron`) so that
/// editing the shipped prose changes no snapshot.
#[test]
fn a_record_of_a_fixture_comparison() {
    let path = format!("{}/tests/fixtures/brewing.ron", env!("CARGO_MANIFEST_DIR"));
    let c = data::load_file(std::path::Path::new(&path)).expect("the fixture loads");
    let identity = record::Identity { comparison: "brewing".into(), from: record::From::Yours };
    for (toward, against, name) in [(1, 2, "record-brewing-teapot"), (2, 0, "record-brewing-press")] {
        let answers = wizard::leaning(&c, toward, against);
        insta::assert_snapshot!(name, export::madr(&c, &identity, &answers, &[], "2026-11-25"));
    }
}

#[test]
fn recheck_holds_for_a_fresh_record_and_names_the_change_when_the_data_moved() {
    let dir = std::env::temp_dir().join(format!("versus-recheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let data_file = dir.join("drinks.ron");
    let minimal = include_str!("fixtures/minimal.ron");
    std::fs::write(&data_file, minimal).expect("write data");
    let data_arg = data_file.display().to_string();
    let o = versus(&["decide", "--data", &data_arg, "--answer", "time=morning", "--format", "madr"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rec = dir.join("decision.md");
    std::fs::write(&rec, &o.stdout).expect("write record");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("# Choose Coffee") && text.contains(record::MARKER), "{text}");

    // A file given by its path is named in the record by its file name only: recheck is told where it is.
    let same = versus(&["recheck", &rec.display().to_string(), "--data", &data_arg]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&same.stdout),
        String::from_utf8_lossy(&same.stderr)
    );
    assert!(String::from_utf8_lossy(&same.stdout).starts_with("holds: Coffee still leads"));

    // The data now says a morning favours tea instead.
    let edited = minimal.replace(
        "weights: {\"coffee\": 2.0}, why: \"Coffee wakes you faster.\"",
        "weights: {\"tea\": 2.0}, why: \"Tea, after all.\"",
    );
    assert_ne!(edited, minimal, "the fixture still has the morning option");
    std::fs::write(&data_file, edited).expect("edit data");
    let moved = versus(&["recheck", &rec.display().to_string(), "--data", &data_arg]);
    assert_eq!(moved.status.code(), Some(1));
    let out = String::from_utf8_lossy(&moved.stdout);
    assert!(out.contains("changed: the record chose Coffee; the current data gives Tea"), "{out}");

    let garbage = dir.join("notes.md");
    std::fs::write(&garbage, "# Just notes\n").expect("write");
    assert_eq!(versus(&["recheck", &garbage.display().to_string()]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
