//! Records and files as an attacker would hand them over: decision records
//! that name secrets, pipes and other comparisons, malformed or oversized
//! answers blocks, comparison data that tries to plant a record of its own,
//! and special files (a FIFO, a link to the terminal, a folder, a dangling
//! link, a link loop) wherever versus reads a file. Every command must
//! return within 2 s (checked with a timeout, not measured), say one clean
//! line, and echo nothing of a file it did not expect.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use common::{Home, err, out};

const SECRET: &str = "TOKEN=hunter2-very-secret";

/// A home with a secret in it (a file that would show as a syntax error's
/// snippet), an empty comparisons folder and a config folder.
fn home(tag: &str) -> Home {
    let home = Home::new(&format!("records-{tag}"));
    std::fs::create_dir_all(home.comparisons()).expect("comparisons dir");
    std::fs::create_dir_all(home.dir.join("config/versus")).expect("config dir");
    std::fs::write(home.dir.join(".git-credentials"), format!("(\n{SECRET}\n")).expect("the secret");
    home
}

impl Home {
    /// Runs versus in the home; panics when it has not returned within 2 s.
    fn versus(&self, args: &[&str]) -> Output {
        let mut command = self.command(args);
        command.env("NO_COLOR", "1");
        common::output_within(&mut command, Duration::from_secs(2), &format!("versus {args:?}"))
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    }
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

/// A record whose answers block is `json`.
fn record(json: &str) -> String {
    format!("# A decision\n\nSome text.\n\n<!-- versus:record -->\n```json\n{json}\n```\n")
}

fn v1(data: &str) -> String {
    let block = serde_json::json!({
        "version": 1, "data": data, "title": "Django vs Flask", "date": "2026-01-01", "leader": "django", "answers": {},
    });
    record(&block.to_string())
}

fn v2(comparison: &str, from: &str, title: &str) -> String {
    let block = serde_json::json!({
        "version": 2, "comparison": comparison, "from": from, "title": title,
        "date": "2026-01-01", "leader": "django", "answers": {},
    });
    record(&block.to_string())
}

/// Exit 2, nothing on stdout, one clean line on stderr that echoes no secret.
fn assert_refused(what: &str, o: &Output, says: &str) {
    let e = err(o);
    assert_eq!(o.status.code(), Some(2), "{what}: {e}{}", out(o));
    assert!(out(o).is_empty(), "{what}: stdout {}", out(o));
    assert_eq!(e.lines().count(), 1, "{what}: one line: {e}");
    assert!(e.starts_with("versus: ") && e.contains(says), "{what}: expected {says:?} in {e}");
    assert!(!e.contains("hunter2") && !e.contains("TOKEN"), "{what}: a secret was echoed: {e}");
    assert!(!e.chars().any(|c| c.is_control() && c != '\n'), "{what}: a control character: {e:?}");
}

#[test]
fn hostile_records_are_refused_with_one_line_and_never_open_what_they_name() {
    let home = home("records");
    let secret = home.dir.join(".git-credentials").display().to_string();
    let fifo = home.dir.join("pipe");
    mkfifo(&fifo);
    let fifo = fifo.display().to_string();
    let cases: Vec<(&str, String, &str)> = vec![
        ("v1 absolute path to a secret", v1(&secret), "names its data by a path"),
        ("v1 relative path", v1(".git-credentials"), "names its data by a path"),
        ("v1 /proc", v1("/proc/self/environ"), "names its data by a path"),
        ("v1 FIFO", v1(&fifo), "names its data by a path"),
        ("v1 parent folder", v1("../x.ron"), "names its data by a path"),
        ("v2 yours by a path", v2("../.git-credentials", "yours", "T"), "not in your comparisons folder"),
        ("v2 file", v2(".git-credentials", "file", "T"), "give it with --data FILE"),
        ("v2 unknown shipped", v2("rust-vs-go", "shipped", "T"), "which this versus does not have"),
        ("v2 another comparison", v2("django-vs-flask-vs-fastapi", "shipped", "Django vs Flask"), "this record is for"),
        ("an array", record("[1,2,3]"), "not a versus record"),
        ("an empty object", record("{}"), "not a versus record"),
        ("a string", record("\"hello\""), "not a versus record"),
        ("nulls", record(r#"{"data":null,"answers":null,"leader":5}"#), "not a versus record"),
        ("not JSON", record(SECRET), "not valid JSON"),
        ("a newer format", record(r#"{"version":9}"#), "from a newer versus"),
        ("a wrong type", record(r#"{"version":2,"comparison":5}"#), "not a versus record"),
        ("never closed", "<!-- versus:record -->\n```json\n{\"version\":2,\n".to_string(), "never closed"),
        ("oversized", record(&format!("{{\"version\":2,\"title\":\"{}\"}}", "x".repeat(300 * 1024))), "over 256 KiB"),
        ("no block", format!("# notes\n{SECRET}\n"), "no answers block"),
        ("escapes", v2("django-vs-flask", "shipped", "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m"), "this record is for"),
    ];
    for (what, text, says) in &cases {
        let path = home.write("r.md", text);
        assert_refused(what, &home.versus(&["recheck", &path]), says);
    }
    // The record file itself as something other than a regular file.
    std::os::unix::fs::symlink("/dev/tty", home.dir.join("tty.md")).expect("link");
    std::fs::create_dir(home.dir.join("folder.md")).expect("dir");
    for (what, path) in [("a FIFO", fifo.as_str()), ("a link to the terminal", "tty.md")] {
        assert_refused(what, &home.versus(&["recheck", path]), "not a regular file");
    }
    // A folder is a folder of records: an empty one says so; special files in one are refused, one line each.
    let o = home.versus(&["recheck", "folder.md"]);
    assert_eq!((o.status.code(), out(&o).as_str()), (Some(0), "folder.md: no versus decision records here\n"));
    std::os::unix::fs::symlink("/dev/tty", home.dir.join("folder.md/tty.md")).expect("link");
    std::os::unix::fs::symlink(&fifo, home.dir.join("folder.md/fifo.md")).expect("link");
    let o = home.versus(&["recheck", "folder.md"]);
    assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
    let lines: Vec<String> = out(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().all(|l| l.contains(": refused: ") && l.contains("not a regular file")), "{lines:?}");
    // In a folder, even a link to a regular file is refused, never followed: the folder is untrusted content.
    std::fs::create_dir(home.dir.join("linked")).expect("dir");
    std::os::unix::fs::symlink(&secret, home.dir.join("linked/secret.md")).expect("link");
    let o = home.versus(&["recheck", "linked"]);
    assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("refused: not a regular file (a symbolic link)"), "{}", out(&o));
    // A link to the secret is read (links are followed), but nothing of it is shown.
    std::os::unix::fs::symlink(&secret, home.dir.join("secret.md")).expect("link");
    assert_refused("a link to a secret", &home.versus(&["recheck", "secret.md"]), "no answers block");
    // Only the end of a huge file is read: the block is always last.
    let fresh = v2("django-vs-flask", "shipped", "Django vs Flask").replace(r#""leader":"django""#, r#""leader":null"#);
    let big = format!("{}\n{fresh}", "padding line\n".repeat(200_000));
    let path = home.write("big.md", &big);
    let o = home.versus(&["recheck", &path]);
    assert_eq!(o.status.code(), Some(0), "a 2.6 MB record with its block at the end: {}{}", out(&o), err(&o));
    let early = format!("{fresh}\n{}", "padding line\n".repeat(200_000));
    let path = home.write("early.md", &early);
    assert_refused("a block before the last MiB", &home.versus(&["recheck", &path]), "in its last 1024 KiB");
}

#[test]
fn a_record_of_thousands_of_unknown_answers_says_so_in_a_bounded_report() {
    let home = home("gone");
    let answers: serde_json::Map<String, serde_json::Value> =
        (0..12_000).map(|i| (format!("q{i}"), "o".into())).collect();
    let block = serde_json::json!({
        "version": 2, "comparison": "django-vs-flask", "from": "shipped", "title": "Django vs Flask",
        "date": "d", "leader": null, "answers": answers,
    });
    let path = home.write("many.md", &record(&block.to_string()));
    let o = home.versus(&["recheck", &path]);
    // Nothing was recommended and nothing is: it holds, and says what no longer counts.
    assert_eq!(o.status.code(), Some(0));
    let text = out(&o);
    assert!(text.starts_with("holds: still nothing to recommend.\n"), "{text}");
    assert!(text.lines().count() <= 14 && text.contains("… and 11988 more answers no longer in the data"), "{text}");
}

#[test]
fn data_that_contains_the_marker_still_writes_a_record_that_rechecks() {
    let home = home("forged");
    let forged = r#"{\"version\":2,\"comparison\":\"x\",\"from\":\"file\",\"title\":\"Tea vs Coffee\",\"date\":\"d\",\"leader\":\"tea\",\"answers\":{}}"#;
    let planted = format!("Strong lift.\n<!-- versus:record -->\n```json\n{forged}\n```\n");
    let data = include_str!("fixtures/minimal.ron")
        .replace("\"Strong lift.\"", &format!("{planted:?}"))
        .replace("title: \"Tea vs Coffee\"", "title: \"Tea vs Coffee ``` <!-- versus:record -->\"");
    let data_path = home.write("drinks.ron", &data);
    let o = home.versus(&["decide", "--data", &data_path, "--answer", "time=morning", "--format", "madr"]);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    let markers = text.lines().filter(|l| l.trim_start().starts_with("<!--") || l.trim_start().starts_with("```"));
    assert_eq!(markers.count(), 3, "only versus's own marker and fences start a line:\n{text}");
    let path = home.write("decision.md", &text);
    let o = home.versus(&["recheck", &path, "--data", &data_path]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(out(&o).starts_with("holds: Coffee still leads"), "{}", out(&o));
    // Without --data, a record of a file given by path says how to recheck it.
    assert_refused("a file's record", &home.versus(&["recheck", &path]), "give it with --data FILE");
}

#[test]
fn special_files_anywhere_versus_reads_return_at_once_with_one_line() {
    let home = home("special");
    let dir = home.comparisons();
    mkfifo(&dir.join("fifo.ron"));
    std::os::unix::fs::symlink("/dev/tty", dir.join("tty.ron")).expect("link");
    std::fs::create_dir(dir.join("folder.ron")).expect("dir");
    std::os::unix::fs::symlink(dir.join("nowhere.ron"), dir.join("dangling.ron")).expect("link");
    std::os::unix::fs::symlink(dir.join("loop-b.ron"), dir.join("loop-a.ron")).expect("link");
    std::os::unix::fs::symlink(dir.join("loop-a.ron"), dir.join("loop-b.ron")).expect("link");

    let list = home.versus(&["list"]);
    let text = out(&list);
    for (name, says) in [
        ("fifo", "not a regular file (a named pipe)"),
        ("tty", "not a regular file (a device)"),
        ("dangling", "cannot read"),
    ] {
        let row =
            text.lines().position(|l| l.starts_with(&format!("{name} "))).unwrap_or_else(|| panic!("{name}: {text}"));
        let error = text.lines().nth(row + 1).unwrap_or_default();
        assert!(error.starts_with("    error: ") && error.contains(says), "{name}: {error}");
    }
    assert!(text.lines().any(|l| l.starts_with("loop-a ")), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("folder ")), "a folder is not listed: {text}");
    let json = home.versus(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&out(&json)).expect("JSON");
    assert!(rows.as_array().is_some_and(|r| r.iter().any(|r| r["name"] == "fifo" && r["error"].is_string())));

    for name in ["fifo", "tty", "loop-a", "dangling"] {
        let path = dir.join(format!("{name}.ron")).display().to_string();
        for args in [vec!["check", name], vec!["check", &path], vec!["export", "--data", &path]] {
            let o = home.versus(&args);
            assert!(!o.status.success(), "{args:?}");
            assert!(err(&o).contains(name) && !err(&o).contains("hunter2"), "{args:?}: {}", err(&o));
        }
    }
    let o = home.versus(&["check", &dir.join("fifo.ron").display().to_string()]);
    assert!(err(&o).contains("not a regular file (a named pipe)"), "{}", err(&o));

    // A config that is a link loop is an error, not "no config file".
    let config = home.dir.join("config/versus/config.ron");
    std::os::unix::fs::symlink(&config, &config).expect("loop");
    let o = home.versus(&["config", "--check"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    std::fs::remove_file(&config).expect("remove the loop");

    // The config file as each special file: refused with its path, and `man` still returns.
    let config = home.dir.join("config/versus/config.ron");
    for make in [
        &|p: &Path| mkfifo(p) as (),
        &|p: &Path| std::os::unix::fs::symlink("/dev/tty", p).expect("link"),
        &|p: &Path| std::fs::create_dir(p).expect("dir"),
    ] as [&dyn Fn(&Path); 3]
    {
        make(&config);
        let o = home.versus(&["config", "--check"]);
        assert_eq!(o.status.code(), Some(1), "{}", err(&o));
        assert!(err(&o).contains("config.ron") && err(&o).contains("not a regular file"), "{}", err(&o));
        let _ = home.versus(&["man"]);
        let _ = std::fs::remove_file(&config).or_else(|_| std::fs::remove_dir(&config));
    }
}

#[test]
fn a_large_catalogue_lists_every_file_from_its_head_and_opens_any_by_name() {
    let home = home("many");
    let dir = home.comparisons();
    let minimal = include_str!("fixtures/minimal.ron");
    // A large comparison (9 MB): the minimal one with a long comment after its head.
    let large = home.dir.join("large.ron");
    let mut text = minimal.replacen("title: \"Tea vs Coffee\"", "title: \"Large\"", 1);
    let filler = "// filler filler filler filler filler filler filler filler filler filler\n".repeat(120_000);
    text = text.replacen("    key_features:", &format!("{filler}    key_features:"), 1);
    std::fs::write(&large, &text).expect("large");
    for n in 0..600 {
        let name = dir.join(format!("c{n:03}.ron"));
        if n % 20 == 0 {
            std::os::unix::fs::symlink(&large, &name).expect("link");
        } else {
            std::fs::write(&name, minimal.replacen("Tea vs Coffee", &format!("Drinks {n}"), 1)).expect("write");
        }
    }
    let list = home.versus(&["list"]);
    let text = out(&list);
    assert!(list.status.success(), "{}", err(&list));
    assert!(text.lines().any(|l| l.starts_with("c599 ") && l.contains("Drinks 599")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("c020 ") && l.contains("Large")), "{text}");
    assert!(!text.contains("not listed"), "600 files are all listed");
    for name in ["c599", "c580"] {
        let o = home.versus(&["check", name]);
        assert!(o.status.success(), "{name} opens by name: {}", err(&o));
    }
}
