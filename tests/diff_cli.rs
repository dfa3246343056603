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

/// This month, as YYYY-MM: a date that is never too old.
fn this_month() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    // Days to a civil date (Howard Hinnant's algorithm), enough for the month.
    let z = days as i64 + 719_468;
    let (era, doe) = (z.div_euclid(146_097), z.rem_euclid(146_097));
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}")
}

#[test]
fn check_max_age_lists_old_claims_located_and_counts_undated_ones() {
    let now = this_month();
    let dir = versions(
        "dated",
        &[
            (
                "title: \"Kettle vs Teapot vs French press\",",
                "title: \"Kettle vs Teapot vs French press\",\n    as_of: \"2019-03\",",
            ),
            (
                r#"(title: "Kettle (Wikipedia)", url: "https://en.wikipedia.org/wiki/Kettle"),"#,
                &format!(
                    r#"(title: "Kettle (Wikipedia)", url: "https://en.wikipedia.org/wiki/Kettle", as_of: "{now}"),"#
                ),
            ),
            (
                r#"text: "Prices vary widely by shop and country; these are rough bands.","#,
                "text: \"Prices vary widely by shop and country; these are rough bands.\",\n                    as_of: \"2015-06\",",
            ),
            (r#"name: "Kettle","#, r#"name: "Kettle", version: "2nd edition","#),
        ],
    );
    let out = versus(&dir, &["check", "new.ron", "--max-age", "18mo"]);
    assert_eq!(out.status.code(), Some(1), "old claims fail the check");
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    // The comparison, the undated source and note (as old as the comparison) and the dated note; not the recent source.
    assert!(lines.iter().any(|l| l.contains("new.ron:8:13: the comparison: as of 2019-03")), "{err}");
    assert!(
        lines.iter().any(|l| l.contains("source \"French press (Wikipedia)\": as of 2019-03 (the comparison's date)")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("new.ron:52:29: Unconfirmed claim of the source on Features › Price: as of 2015-06")),
        "{err}"
    );
    assert!(
        lines.iter().any(|l| l.contains("Correction on Pros/Cons › Teapot: as of 2019-03 (the comparison's date)")),
        "{err}"
    );
    assert!(!err.contains("Kettle (Wikipedia)"), "{err}");
    assert_eq!(lines.len(), 4, "{err}");
    // Undated claims, in a comparison with no date at all, are counted.
    let out = versus(&dir, &["check", "old.ron", "--max-age", "2y"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("0 claims older than 24 months; 4 claims have no date"),
        "{}",
        text(&out.stdout)
    );
    // A date in the future is a finding, not a claim that is never old.
    std::fs::write(
        dir.join("future.ron"),
        std::fs::read_to_string(dir.join("new.ron")).unwrap().replace("2019-03", "9999-12"),
    )
    .unwrap();
    let future = versus(&dir, &["check", "future.ron", "--max-age", "18mo"]);
    assert_eq!(future.status.code(), Some(1));
    assert!(
        text(&future.stderr).contains("future.ron:8:13: the comparison: as of 9999-12, a date in the future"),
        "{}",
        text(&future.stderr)
    );
    // A malformed date is refused where it is.
    std::fs::write(
        dir.join("bad-date.ron"),
        std::fs::read_to_string(dir.join("new.ron")).unwrap().replace("2019-03", "March 2019"),
    )
    .unwrap();
    let out = versus(&dir, &["check", "bad-date.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("expected a date as YYYY-MM or YYYY-MM-DD"), "{}", text(&out.stderr));
    // The Markdown export and search carry the dates and the version.
    let md = text(&versus(&dir, &["export", "--data", "new.ron", "--format", "markdown"]).stdout);
    assert!(md.contains("As of 2019-03.") && md.contains("### Kettle 2nd edition"), "{md}");
    assert!(md.contains(&format!("(as of {now})")) && md.contains("(as of 2015-06)"), "{md}");
    let hits: serde_json::Value =
        serde_json::from_slice(&versus(&dir, &["search", "--data", "new.ron", "--json", "kettle boil"]).stdout)
            .expect("JSON");
    assert_eq!(hits[0]["as_of"], "2019-03");
    assert!(hits.as_array().unwrap().iter().any(|h| h["version"] == "2nd edition"), "{hits}");
}

#[test]
fn your_saved_answers_are_replayed_against_both_versions() {
    // "No time at all" now gives the kettle 0.5 instead of 2: someone in a hurry, alone, moves to the press.
    let dir = versions("saved", &[(r#"weights: {"kettle": 2.0}"#, r#"weights: {"kettle": 0.5}"#)]);
    let new_path = dir.join("new.ron");
    let c = versus::data::load_file(&new_path).expect("valid");
    let identity = versus::saved::identity(None, Some(&new_path));
    let state = dir.join("state/versus");
    std::fs::create_dir_all(&state).unwrap();
    let saved = versus::saved::Saved {
        answers: vec![Some(0), Some(0), None],
        importance: vec![versus::wizard::Importance::Normal; 3],
        saved_at: None,
    };
    versus::saved::save(&state.join(format!("answers-{identity}.json")), &identity, &c, &saved, None).expect("saved");
    let out = versus(&dir, &["diff", "old.ron", "new.ron"]);
    let shown = text(&out.stdout);
    assert!(shown.contains("Decisions\n  your saved answers: changes (Kettle → French press)\n"), "{shown}");
    // Answers that the weight does not touch hold.
    let saved = versus::saved::Saved { answers: vec![Some(1), Some(1), Some(0)], ..saved };
    versus::saved::save(&state.join(format!("answers-{identity}.json")), &identity, &c, &saved, None).expect("saved");
    let shown = text(&versus(&dir, &["diff", "old.ron", "new.ron"]).stdout);
    assert!(shown.contains("your saved answers: holds (Teapot)"), "{shown}");
}
