//! The decision record: MADR headings in order as a Markdown parser reads
//! them, the answers kept in it for `versus recheck`, which exits 0 while
//! the choice holds and 1, naming the change, when the data has moved.

use std::process::{Command, Output};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
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
    // Front matter is read as metadata, as GitHub and MADR tools do, not as a heading.
    for event in Parser::new_ext(md, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
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

/// A fixed date and decision maker, so records compare across runs.
fn meta() -> export::RecordMeta {
    export::RecordMeta { date: "2026-11-25".into(), decision_makers: vec!["Ada".into()], supersedes: None }
}

fn record(name: &str, toward: usize, against: usize) -> String {
    let c = data::load_builtin(name).and_then(Result::ok).expect("shipped");
    let answers = wizard::leaning(&c, toward, against);
    let identity = record::Identity { comparison: name.to_string(), from: record::From::Shipped };
    export::madr(&c, &identity, &answers, &[], &meta())
}

#[test]
fn a_record_has_the_madr_headings_in_order_and_steps_one_level_at_a_time() {
    for name in ["django-vs-flask", "django-vs-flask-vs-fastapi"] {
        let md = record(name, 1, 0);
        let got: Vec<String> = headings(&md).into_iter().skip(1).map(|(l, t)| format!("{l} {t}")).collect();
        let c = data::load_builtin(name).and_then(Result::ok).expect("shipped");
        let mut want: Vec<String> = [
            "2 Context and Problem Statement",
            "2 Decision Drivers",
            "2 Considered Options",
            "2 Decision Outcome",
            "3 Consequences",
            "3 Confirmation",
            "2 Pros and Cons of the Options",
        ]
        .map(String::from)
        .to_vec();
        want.extend(c.subjects.iter().map(|s| format!("3 {}", s.name)));
        want.extend(["2 More Information".to_string(), "2 Answers".to_string()]);
        assert_eq!(got, want, "{name}:\n{md}");
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
        insta::assert_snapshot!(name, export::madr(&c, &identity, &answers, &[], &meta()));
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
    assert!(out.contains("changed: the record chose Coffee; now Tea leads"), "{out}");

    let garbage = dir.join("notes.md");
    std::fs::write(&garbage, "# Just notes\n").expect("write");
    assert_eq!(versus(&["recheck", &garbage.display().to_string()]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// MADR 4.0's front matter, read as YAML: the keys it defines, with the
/// decision makers given (or the login name) as a list.
#[test]
fn the_front_matter_is_madr_yaml() {
    use yaml_rust2::YamlLoader;
    let md = record("django-vs-flask", 1, 0);
    let front = md.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).map(|(f, _)| f);
    let docs = YamlLoader::load_from_str(front.expect("front matter first")).expect("YAML");
    let doc = &docs[0];
    assert_eq!(doc["status"].as_str(), Some("proposed"));
    assert_eq!(doc["date"].as_str(), Some("2026-11-25"));
    assert_eq!(doc["decision-makers"][0].as_str(), Some("Ada"));
    for key in ["consulted", "informed"] {
        assert!(doc[key].as_vec().is_some_and(|v| v.is_empty()), "{key}: {:?}", doc[key]);
    }
    // A name that would break YAML (a quote, a colon, a newline) stays one string.
    let odd = export::RecordMeta { decision_makers: vec!["O'Neil: \"ops\"\nteam".into()], ..meta() };
    let c = data::load_builtin("django-vs-flask").and_then(Result::ok).expect("shipped");
    let identity = record::Identity { comparison: "django-vs-flask".into(), from: record::From::Shipped };
    let md = export::madr(&c, &identity, &wizard::leaning(&c, 1, 0), &[], &odd);
    let front = md.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).map(|(f, _)| f);
    let docs = YamlLoader::load_from_str(front.expect("front matter")).expect("YAML");
    assert_eq!(docs[0]["decision-makers"].as_vec().map(Vec::len), Some(1));
}

/// A scratch folder with the fixture comparison, where answering "morning"
/// and "calm" ties Coffee and Tea.
struct Scratch {
    dir: std::path::PathBuf,
    data: std::path::PathBuf,
}

const TIE_QUESTION: &str = r#"            (id: "mood", prompt: "How do you feel?", options: [
                (id: "calm", label: "Calm", weights: {"tea": 2.0}, why: "Tea suits a calm hour."),
                (id: "rushed", label: "Rushed", weights: {"coffee": 1.0}, why: "Coffee is quicker to drink."),
            ]),
        ],"#;

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("versus-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let data = dir.join("drinks.ron");
        std::fs::write(&data, Self::fixture()).expect("write data");
        Scratch { dir, data }
    }

    fn fixture() -> String {
        let minimal = include_str!("fixtures/minimal.ron");
        let with_tie = minimal.replacen("            ]),\n        ],", &format!("            ]),\n{TIE_QUESTION}"), 1);
        assert_ne!(with_tie, minimal, "the fixture's wizard ends as expected");
        with_tie
    }

    fn edit(&self, from: &str, to: &str) {
        let text = std::fs::read_to_string(&self.data).expect("read");
        assert!(text.contains(from), "{from}");
        std::fs::write(&self.data, text.replace(from, to)).expect("edit");
    }

    /// `versus decide … --format madr` written to `file`.
    fn record(&self, file: &str, answers: &[&str]) -> (std::path::PathBuf, String) {
        let data = self.data.display().to_string();
        let mut args = vec!["decide", "--data", &data, "--format", "madr", "--decision-maker", "Ada"];
        for a in answers {
            args.extend(["--answer", a]);
        }
        let o = versus(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let path = self.dir.join(file);
        std::fs::write(&path, &o.stdout).expect("write record");
        (path, String::from_utf8_lossy(&o.stdout).into_owned())
    }

    fn recheck(&self, what: &std::path::Path) -> (Option<i32>, String, String) {
        let o = versus(&["recheck", &what.display().to_string(), "--data", &self.data.display().to_string()]);
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The text under heading `title`, up to the next heading of any level.
fn section<'a>(md: &'a str, title: &str) -> Option<&'a str> {
    let start = md.find(&format!("\n{title}\n"))? + title.len() + 2;
    let rest = &md[start..];
    Some(rest.find("\n#").map_or(rest, |end| &rest[..end]))
}

#[test]
fn a_tie_record_chooses_nothing_and_says_what_would_break_the_tie() {
    let s = Scratch::new("tie");
    let (rec, md) = s.record("tie.md", &["time=morning", "mood=calm"]);
    assert!(md.contains("\n# Tea vs Coffee: no clear winner yet\n"), "{md}");
    let drivers = section(&md, "## Decision Drivers").expect("drivers");
    assert!(drivers.contains("For Coffee:") && drivers.contains("For Tea:"), "{drivers}");
    assert!(
        drivers.contains("When will you drink it? — Morning") && drivers.contains("How do you feel? — Calm"),
        "{drivers}"
    );
    let outcome = section(&md, "## Decision Outcome").expect("outcome");
    assert!(outcome.contains("No option chosen.") && outcome.contains("Tie between"), "{outcome}");
    assert!(section(&md, "### Consequences").is_none(), "a tie has no consequences:\n{md}");
    let more = section(&md, "## More Information").expect("more information");
    assert!(more.contains("What would break the tie:") && more.contains("- Answer: if \""), "{more}");
    let situation = section(&md, "## Context and Problem Statement").expect("context");
    assert!(
        situation.contains("- When will you drink it? — Morning") && situation.contains("- How do you feel? — Calm")
    );

    let (code, out, err) = s.recheck(&rec);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(out, "holds: still no clear winner (Tea and Coffee are tied).\n");

    // Calm now favours tea more: the tie is broken.
    s.edit(
        r#"weights: {"tea": 2.0}, why: "Tea suits a calm hour.""#,
        r#"weights: {"tea": 4.0}, why: "Tea suits a calm hour.""#,
    );
    let (code, out, err) = s.recheck(&rec);
    assert_eq!(code, Some(1), "{out}{err}");
    assert_eq!(out, "changed: the record found no clear winner (Tea and Coffee tied); now Tea leads (by 2 points).\n");
}

#[test]
fn a_record_whose_option_is_gone_names_it_once_and_says_it_can_be_why() {
    let s = Scratch::new("gone");
    let (rec, _) = s.record("tie.md", &["time=morning", "mood=calm"]);
    s.edit(r#"(id: "calm", label: "Calm""#, r#"(id: "serene", label: "Serene""#);
    let (code, out, err) = s.recheck(&rec);
    assert_eq!(code, Some(1), "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "changed: the record found no clear winner (Tea and Coffee tied); now Coffee leads (by 2 points) \
             (1 recorded answer no longer counts, which can be why.)",
            "  no longer in the data: option \"calm\" of question \"mood\"",
        ],
        "{out}"
    );
}

#[test]
fn a_record_of_another_comparison_is_refused_in_one_line_naming_both() {
    let s = Scratch::new("other");
    let (rec, _) = s.record("drinks.md", &["time=morning"]);
    let o = versus(&["recheck", &rec.display().to_string(), "--data", "django-vs-flask"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("this record is for \"Tea vs Coffee\" (drinks)") && err.contains("not \"Django vs Flask\""),
        "{err}"
    );
    assert!(err.contains("recheck it with --data drinks"), "{err}");
}

#[test]
fn recheck_of_a_folder_checks_every_record_one_line_each() {
    let s = Scratch::new("folder");
    let decisions = s.dir.join("decisions");
    std::fs::create_dir_all(&decisions).expect("dir");
    for (file, answers) in [
        ("0001-coffee.md", &["time=morning"][..]),
        ("0002-tie.md", &["time=morning", "mood=calm"][..]),
        ("0003-tea.md", &["time=evening"][..]),
    ] {
        let (path, _) = s.record(file, answers);
        std::fs::rename(&path, decisions.join(file)).expect("move");
    }
    std::fs::write(decisions.join("0000-by-hand.md"), "# Use PostgreSQL\n\nWritten by hand.\n").expect("write");
    // Records in a subfolder are records too.
    std::fs::create_dir_all(decisions.join("2026")).expect("dir");
    std::fs::rename(decisions.join("0003-tea.md"), decisions.join("2026/0003-tea.md")).expect("move");
    let (code, out, err) = s.recheck(&decisions);
    assert_eq!(code, Some(0), "{out}{err}");
    // Calm now favours tea more: only the tie changes.
    s.edit(
        r#"weights: {"tea": 2.0}, why: "Tea suits a calm hour.""#,
        r#"weights: {"tea": 4.0}, why: "Tea suits a calm hour.""#,
    );
    let (code, out, err) = s.recheck(&decisions);
    assert_eq!(code, Some(1), "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "three records and the file without one: {out}");
    assert!(lines[0].ends_with("0001-coffee.md: holds: Coffee still leads (by 2 points)"), "{out}");
    assert!(lines[1].contains("0002-tie.md: changed: the record found no clear winner"), "{out}");
    assert!(lines[2].ends_with("2026/0003-tea.md: holds: Tea still leads (by 3 points)"), "{out}");
    assert!(
        lines[3].starts_with("(1 Markdown file without a versus record not checked: ")
            && lines[3].ends_with("0000-by-hand.md)"),
        "{out}"
    );

    let o = versus(&["recheck", "--json", &decisions.display().to_string(), "--data", &s.data.display().to_string()]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let statuses: Vec<&str> = json.as_array().expect("array").iter().filter_map(|r| r["status"].as_str()).collect();
    assert_eq!(statuses, ["holds", "changed", "holds", "not a record"]);
}

#[test]
fn a_new_record_supersedes_an_old_one_and_marks_it() {
    let s = Scratch::new("supersede");
    let (old, _) = s.record("0001-coffee.md", &["time=morning"]);
    let data = s.data.display().to_string();
    let old_arg = old.display().to_string();
    let o =
        versus(&["decide", "--data", &data, "--answer", "time=evening", "--format", "madr", "--supersedes", &old_arg]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let new = String::from_utf8_lossy(&o.stdout);
    assert!(new.contains(&format!("It supersedes the record [{old_arg}](<{old_arg}>).")), "{new}");
    let old_text = std::fs::read_to_string(&old).expect("read");
    let status = old_text.lines().find(|l| l.starts_with("status:")).expect("a status line");
    assert!(status.starts_with("status: \"superseded by Choose Tea"), "{status}");
    assert_eq!(old_text.matches("status:").count(), 1, "one status:\n{old_text}");
    // It is still a record that rechecks on its own; in a folder, it is named and not rechecked.
    assert_eq!(s.recheck(&old).0, Some(0));
    let (code, out, _) = s.recheck(&s.dir);
    assert_eq!(code, Some(0));
    assert!(out.contains("0001-coffee.md: not rechecked: superseded by Choose Tea"), "{out}");

    // Superseded already, hand-edited front matter, or no versus record: refused, nothing printed, nothing changed.
    let refused = |old: &std::path::Path| {
        let arg = old.display().to_string();
        let before = std::fs::read(old).expect("read");
        let o =
            versus(&["decide", "--data", &data, "--answer", "time=evening", "--format", "madr", "--supersedes", &arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}");
        assert!(o.stdout.is_empty(), "nothing printed for {arg}");
        assert_eq!(String::from_utf8_lossy(&o.stderr).lines().count(), 1);
        assert_eq!(std::fs::read(old).expect("read"), before, "{arg} unchanged");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(refused(&old).contains("marked as superseded already"));
    let (edited, text) = s.record("0002-edited.md", &["time=morning"]);
    std::fs::write(&edited, text.replace("status: proposed", "status: >\n  accepted after\n  review")).expect("edit");
    assert!(refused(&edited).contains("not plain `key: value` lines"));
    let by_hand = s.dir.join("by-hand.md");
    std::fs::write(&by_hand, "---\nstatus: accepted\n---\n# Use tea\n").expect("write");
    assert!(refused(&by_hand).contains("not a versus record"));

    // Windows line endings are kept, and the front matter is edited in place.
    let (crlf, text) = s.record("0003-crlf.md", &["time=morning"]);
    std::fs::write(&crlf, text.replace('\n', "\r\n")).expect("write");
    let arg = crlf.display().to_string();
    let o = versus(&["decide", "--data", &data, "--answer", "time=evening", "--format", "madr", "--supersedes", &arg]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let after = std::fs::read_to_string(&crlf).expect("read");
    assert!(after.starts_with("---\r\nstatus: \"superseded by Choose Tea"), "{after}");
    assert_eq!(after.matches("---\r\n").count(), 2, "one front matter");
    assert!(!after.replace("\r\n", "").contains('\n'), "every line ends in CRLF");

    // The record options are for a record only.
    let o = versus(&["decide", "--data", &data, "--answer", "time=evening", "--decision-maker", "Ada"]);
    assert_eq!(o.status.code(), Some(2));
}
