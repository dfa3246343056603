//! Nothing versus prints obeys its input: arguments, paths and file names
//! carrying escape sequences (OSC, CSI), C1 controls (U+009B), DEL or
//! bidirectional overrides reach stdout and stderr only sanitized, or, in
//! JSON, escaped. Through the real binary, in every place that quotes them:
//! clap's own errors, `versus new`, `screenshot --out`, `list` and its JSON,
//! unknown names and unreadable files.

mod common;

use std::process::Output;

use common::{Home, err, out};

/// Every family at once: an OSC title, a CSI clear, the C1 CSI, DEL and the
/// bidirectional override and isolate.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}2J\u{7f}\u{202e}\u{2066}";

/// A home with an empty comparisons folder.
fn home(tag: &str) -> Home {
    let home = Home::new(&format!("output-{tag}"));
    std::fs::create_dir_all(home.comparisons()).expect("comparisons dir");
    home
}

impl Home {
    fn versus(&self, args: &[&str]) -> Output {
        self.command(args).env_remove("NO_COLOR").output().expect("the binary runs")
    }
}

/// No byte of stdout or stderr a terminal would obey: no ESC, no other
/// control but newline, no C1 (U+009B among them), no DEL, no bidi control.
fn assert_clean(o: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        assert!(!bytes.contains(&0x1b), "{what}: ESC on {stream}: {:?}", String::from_utf8_lossy(bytes));
        let text = String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{what}: {stream} is not UTF-8"));
        for c in text.chars() {
            let bidi =
                matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            assert!(!bidi && (!c.is_control() || c == '\n'), "{what}: {c:?} on {stream}: {text:?}");
        }
    }
}

#[test]
fn clap_errors_quote_arguments_sanitized_plain_and_with_clap_exit_codes() {
    let home = home("clap");
    let theme = format!("--theme={HOSTILE}");
    let unknown_flag = format!("--{HOSTILE}");
    let subcommand = format!("frob{HOSTILE}");
    for args in [
        vec!["--theme", HOSTILE],
        vec![theme.as_str()],
        vec![subcommand.as_str()],
        vec![unknown_flag.as_str()],
        vec!["search", "x", "--limit", HOSTILE],
        vec!["completions", HOSTILE],
    ] {
        let o = home.versus(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: clap's usage exit code");
        assert!(err(&o).starts_with("error: "), "{args:?}: {}", err(&o));
        assert!(out(&o).is_empty(), "{args:?}: errors go to stderr");
        assert_clean(&o, &format!("{args:?}"));
    }
    let o = home.versus(&["--theme", HOSTILE]);
    assert!(err(&o).contains("invalid value '' for '--theme <THEME>'"), "{}", err(&o));
    // Help and the version still go to stdout, with exit 0.
    for args in [["--help"], ["--version"]] {
        let o = home.versus(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!out(&o).is_empty() && err(&o).is_empty(), "{args:?}");
        assert_clean(&o, &format!("{args:?}"));
    }
}

#[test]
fn new_quotes_names_and_subjects_sanitized() {
    let home = home("new");
    let name = format!("a{HOSTILE}-vs-b{HOSTILE}");
    let o = home.versus(&["new", &name]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("--subjects \"a,b\""), "the hint: {}", err(&o));
    assert_clean(&o, "new with a hostile name");
    let subjects = format!("A,B{HOSTILE}");
    let o = home.versus(&["new", "tea-vs-coffee", "--subjects", &subjects]);
    assert_eq!(o.status.code(), Some(1), "a subject the loader would change is refused");
    assert!(err(&o).contains("cannot name a subject: no control or direction characters"), "{}", err(&o));
    assert_clean(&o, "new with a hostile subject");
}

#[test]
fn screenshot_errors_quote_the_path_sanitized() {
    let home = home("screenshot");
    std::fs::write(home.dir.join("file"), "not a directory").expect("write");
    let out_dir = home.dir.join(format!("file/shots{HOSTILE}"));
    let o = home.versus(&["screenshot", "--out", &out_dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot write screenshots to "), "{}", err(&o));
    assert_clean(&o, "screenshot --out");
}

#[test]
fn unknown_names_and_unreadable_files_are_quoted_sanitized() {
    let home = home("names");
    let name = format!("nothing{HOSTILE}");
    let path = home.dir.join(format!("missing{HOSTILE}.ron")).display().to_string();
    for args in [
        vec!["--data", name.as_str(), "export"],
        vec!["check", name.as_str(), path.as_str()],
        vec!["config", "--check", path.as_str()],
        vec!["recheck", path.as_str()],
        vec!["search", name.as_str()],
    ] {
        let o = home.versus(&args);
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert!(!err(&o).is_empty(), "{args:?}");
        assert_clean(&o, &format!("{args:?}"));
    }
}

#[test]
fn list_shows_hostile_file_names_sanitized_and_json_escapes_them_exactly() {
    let home = home("list");
    let name = "ev\u{9b}il\u{202e}x\u{7f}\u{2067}";
    let file = home.dir.join(format!("data/versus/comparisons/{name}.ron"));
    std::fs::write(&file, include_str!("fixtures/minimal.ron")).expect("write");
    let plain = home.versus(&["list"]);
    assert_clean(&plain, "list");
    // U+009B starts a control sequence, which the sanitizer drops with its final byte (the i).
    assert!(out(&plain).contains("evlx "), "{}", out(&plain));

    let json = home.versus(&["list", "--json"]);
    assert_clean(&json, "list --json");
    let text = out(&json);
    assert!(text.contains(r#""name": "ev\u009bil\u202ex\u007f\u2067""#), "escaped, not dropped: {text}");
    let rows: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let row = rows.as_array().expect("a list").iter().find(|r| r["from"] != "shipped").expect("the user's file");
    assert_eq!(row["name"], name, "a script reads the true name");
    assert_eq!(row["path"], file.display().to_string(), "and the true path");
}
