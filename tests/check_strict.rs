//! `versus check --strict` and `--against`: each rule fails, located
//! (file:line:column), on a fixture made to break it, and passes on one that
//! keeps them all; the shipped comparisons keep them all.

mod common;

use std::process::Command;

fn versus(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_versus")).args(args).output().expect("versus runs")
}

/// The fixture with every fit rated and every example noted: strict-clean.
fn clean() -> String {
    include_str!("fixtures/minimal.ron")
        .replace(
            r#""tea": (why: "A slow start.", examples: ["Most of Britain"]),"#,
            r#""tea": (level: Good, why: "A slow start.", examples: ["Most of Britain"], notes: [(kind: Context, about: "Most of Britain", text: "Tea is the common hot drink there.", source: "https://en.wikipedia.org/wiki/Tea_in_the_United_Kingdom")]),"#,
        )
        .replace(
            r#""coffee": (featured: true, why: "Wakes you fast.", examples: ["Most of Italy"]),"#,
            r#""coffee": (featured: true, why: "Wakes you fast.", examples: ["Most of Italy"], notes: [(kind: Context, text: "Espresso is drunk standing, often early.", source: "https://en.wikipedia.org/wiki/Espresso")]),"#,
        )
}

fn check_file(dir: &std::path::Path, name: &str, text: &str) -> (Option<i32>, String, String) {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    let o = versus(&["check", "--strict", &path.display().to_string()]);
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// The line and column of the first occurrence of `needle` in `text`.
fn place(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} in the fixture"));
    let before = &text[..at];
    (before.matches('\n').count() + 1, at - before.rfind('\n').map_or(0, |i| i + 1) + 1)
}

#[test]
fn each_strict_rule_fails_located_and_a_clean_file_passes() {
    let home = common::Home::new("strict");
    let dir = home.dir.clone();
    let clean = clean();
    let (code, out, err) = check_file(&dir, "clean.ron", &clean);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.starts_with("ok: "), "{out}");

    let note = |kind: &str, text: &str| {
        clean.replace(
            r#"(name: "Caffeine", values: {"tea": "Moderate", "coffee": "High"}, detail: "Per cup, brewed the usual way."),"#,
            &format!(r#"(name: "Caffeine", values: {{"tea": "Moderate", "coffee": "High"}}, detail: "Per cup, brewed the usual way.", notes: [(kind: {kind}, text: "{text}")]),"#),
        )
    };
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "correction",
            note("Correction", "Brewed tea can match coffee."),
            "\"Brewed tea",
            "a Correction without a source",
        ),
        (
            "history",
            note("Context", "This file was fixed in an earlier version."),
            "\"This file",
            "a note about the file's own history",
        ),
        (
            "level",
            clean.replace(r#""tea": (level: Good, why: "A slow start.""#, r#""tea": (why: "A slow start.""#),
            "\"A slow start.",
            "a fit without a level",
        ),
        (
            "example",
            clean.replace(r#"examples: ["Most of Britain"]"#, r#"examples: ["Most of Britain", "Acme Tea Ltd"]"#),
            "\"Acme Tea Ltd",
            "an example without a note or a source",
        ),
        (
            "placeholder",
            clean.replace("Leaves steeped in hot water.", "(one paragraph: what Tea is)"),
            "\"(one paragraph",
            "starter placeholder text left in",
        ),
        (
            "example-url",
            clean.replace(
                "https://en.wikipedia.org/wiki/Tea\"),\n        (id: \"coffee\"",
                "https://example.com/\"),\n        (id: \"coffee\"",
            ),
            "\"https://example.com/",
            "an example.com address left in",
        ),
    ];
    for (name, text, needle, says) in cases {
        assert_ne!(text, clean, "{name}: the fixture changed");
        let file = format!("{name}.ron");
        let (code, out, err) = check_file(&dir, &file, &text);
        assert_eq!(code, Some(1), "{name}: {out}{err}");
        let (line, column) = place(&text, needle);
        let want = format!("versus: {}:{line}:{}: {says}", dir.join(&file).display(), column + 1);
        assert!(err.lines().any(|l| l.starts_with(&want)), "{name}: expected {want:?} in\n{err}");
        assert!(!out.contains("ok: "), "{name}: {out}");
    }
}

#[test]
fn against_lists_the_runs_a_file_shares_with_its_source() {
    let home = common::Home::new("against");
    let source = home.dir.join("article.txt");
    std::fs::write(&source, "An old article.\nCoffee gives a quick and strong lift that lasts all morning long.\n")
        .expect("write");
    let copied =
        clean().replace("A quick, strong lift.", "It gives a quick and strong lift that lasts all morning long.");
    let file = home.dir.join("copied.ron");
    std::fs::write(&file, &copied).expect("write");
    let o = versus(&["check", "--against", &source.display().to_string(), &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let (line, column) = place(&copied, "gives a quick");
    let want = format!(
        "versus: {}:{line}:{column}: 11 words shared with {}:2: \"gives a quick and strong lift that lasts all morning long\"",
        file.display(),
        source.display()
    );
    assert_eq!(err.lines().next(), Some(want.as_str()), "{err}");
    // Its own words pass.
    let own = home.dir.join("own.ron");
    std::fs::write(&own, clean()).expect("write");
    let o = versus(&["check", "--against", &source.display().to_string(), &own.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 runs of 8 or more words shared"));
}
