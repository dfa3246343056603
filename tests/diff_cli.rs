//! `versus diff`, through the real binary: what changed between two
//! versions of a comparison, and which recorded decisions the change flips.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn versus(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A folder with old.ron (the brewing fixture) and new.ron (it, edited).
fn versions(name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("versus-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("records")).expect("dir");
    let old = std::fs::read_to_string(format!("{}/tests/fixtures/brewing.ron", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut new = old.clone();
    for (a, b) in edits {
        assert!(new.contains(a), "{a}");
        new = new.replacen(a, b, 1);
    }
    std::fs::write(dir.join("old.ron"), old).unwrap();
    std::fs::write(dir.join("new.ron"), new).unwrap();
    dir
}

/// A decision record for `answers`, made from old.ron, in records/NAME.md.
fn record(dir: &Path, name: &str, answers: &[&str]) {
    let mut args = vec!["decide", "--data", "old.ron", "--format", "madr"];
    for a in answers {
        args.extend(["--answer", a]);
    }
    let out = versus(dir, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(dir.join("records").join(format!("{name}.md")), out.stdout).unwrap();
}

#[test]
fn a_weight_change_flips_one_record_and_not_another() {
    // "No time at all" now gives the kettle 0.5 instead of 2.
    let dir = versions("weights", &[(r#"weights: {"kettle": 2.0}"#, r#"weights: {"kettle": 0.5}"#)]);
    record(&dir, "hurried", &["hurry=none", "people=one"]);
    record(&dir, "tea-for-all", &["hurry=some", "people=many", "drink=tea"]);
    let out = versus(&dir, &["diff", "old.ron", "new.ron", "--records", "records"]);
    assert_eq!(out.status.code(), Some(1), "they differ");
    let shown = text(&out.stdout);
    assert!(shown.contains("Changed weights\n  hurry=none · Kettle: 2 → 0.5\n"), "{shown}");
    assert!(shown.contains("records/hurried.md: changes (Kettle → French press)"), "{shown}");
    assert!(shown.contains("records/tea-for-all.md: holds (Teapot)"), "{shown}");
    assert!(shown.starts_with("Kettle vs Teapot vs French press: 1 change (0 added, 0 removed, 1 changed); 1 weight changed; 1 of 2 decisions changes."), "{shown}");
    let v: serde_json::Value = serde_json::from_slice(
        &versus(&dir, &["diff", "old.ron", "new.ron", "--records", "records", "--format", "json"]).stdout,
    )
    .expect("JSON");
    assert_eq!(v["weights"][0]["old"], 2.0);
    assert_eq!(v["weights"][0]["new"], 0.5);
    assert_eq!(v["decisions"][0]["status"], "changes");
    assert_eq!(v["decisions"][0]["new"]["leader"], "French press");
    assert_eq!(v["decisions"][1]["status"], "holds");
    assert_eq!(v["changes"][0]["tab"], "Decide");
}

#[test]
fn entries_added_removed_and_changed_are_listed_by_tab_with_their_text() {
    let dir = versions(
        "entries",
        &[
            (r#""kettle": "2 minutes""#, r#""kettle": "3 minutes""#),
            (
                r#"(question: "Which is fastest?", answer: "The kettle: it only boils water.", tags: ["speed", "quick"]),"#,
                "",
            ),
            (
                r#"pros: ["A full-bodied cup without paper filters."]"#,
                r#"pros: ["A full-bodied cup without paper filters.", "Cheap filters."]"#,
            ),
        ],
    );
    let out = versus(&dir, &["diff", "old.ron", "new.ron", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1));
    let md = text(&out.stdout);
    let features = md.find("## Features").expect("Features");
    let pros = md.find("## Pros/Cons").expect("Pros/Cons");
    let faq = md.find("## FAQ").expect("FAQ");
    assert!(features < pros && pros < faq, "in tab order: {md}");
    assert!(md.contains("- ~ features › \"Time to a cup\" › values › kettle: \"2 minutes\" → \"3 minutes\""), "{md}");
    assert!(md.contains("- + pros cons › press › pros: \"Cheap filters.\""), "{md}");
    assert!(md.contains("- - faq › \"Which is fastest?\""), "{md}");
    // The same file: no changes, exit 0.
    let same = versus(&dir, &["diff", "old.ron", "old.ron"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(text(&same.stdout).ends_with(": no changes.\n"), "{}", text(&same.stdout));
    // A file that does not load: exit 2, located.
    std::fs::write(dir.join("bad.ron"), "(title: ").unwrap();
    let bad = versus(&dir, &["diff", "old.ron", "bad.ron"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("bad.ron"), "{}", text(&bad.stderr));
}
