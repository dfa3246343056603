//! Deciding together, through the real binary: answer files written by
//! `decide --format answers`, read back by `decide --with`, in every format,
//! and refused in one line each when they cannot be combined.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn versus(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env("XDG_STATE_HOME", dir.join("state"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn brewing() -> String {
    format!("{}/tests/fixtures/brewing.ron", env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("versus-together-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes NAME.json: NAME's answers (question=option pairs) to the comparison in `data`.
fn answer_file(dir: &Path, data: &[&str], name: &str, answers: &[&str]) -> String {
    let mut args: Vec<&str> = data.to_vec();
    args.extend(["decide", "--format", "answers", "--as", name]);
    for a in answers {
        args.extend(["--answer", a]);
    }
    let out = versus(dir, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = format!("{name}.json");
    std::fs::write(dir.join(&file), &out.stdout).expect("write");
    file
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn an_answer_file_names_the_person_the_comparison_and_the_date() {
    let dir = temp_dir("file");
    let file = answer_file(&dir, &[], "ada", &["size=small", "team=flask_team"]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).expect("JSON");
    assert_eq!(v["name"], "ada");
    assert_eq!(v["comparison"], "django-vs-flask");
    assert_eq!(v["title"], "Django vs Flask");
    assert_eq!(v["answers"]["team"], "flask_team");
    assert_eq!(v["date"].as_str().map(str::len), Some(10));
    // Without --as, the login name.
    let out = versus(&dir, &["decide", "--answer", "size=small", "--format", "answers"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["name"], "tester");
    // --as means nothing to a report.
    let out = versus(&dir, &["decide", "--answer", "size=small", "--as", "ada"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn people_who_agree_reach_full_consensus_and_the_leader_each_has() {
    let dir = temp_dir("agree");
    let same = ["size=large", "admin=essential", "team=django_team"];
    let files: Vec<String> = ["ann", "bo", "cy"].iter().map(|n| answer_file(&dir, &[], n, &same)).collect();
    let mut args = vec!["decide", "--format", "json"];
    for f in &files {
        args.extend(["--with", f.as_str()]);
    }
    let v = json(&versus(&dir, &args));
    assert_eq!(v["group"]["result"]["leader"], "django");
    for p in v["people"].as_array().expect("people") {
        assert_eq!(p["leader"], "django", "{p}");
    }
    assert_eq!(v["consensus"]["same_leader"], 3);
    assert_eq!(v["consensus"]["agreement"], 1.0);
    assert_eq!(v["disagreements"].as_array().map(Vec::len), Some(0));
    let plain = versus(&dir, &[&["decide"][..], &args[3..]].concat());
    let plain = String::from_utf8_lossy(&plain.stdout);
    assert!(plain.contains("Consensus: 3 of 3 people have Django as their own leader (100 %)"), "{plain}");
}

#[test]
fn a_split_ranks_the_question_that_decides_first_and_names_who_answered_what() {
    let dir = temp_dir("split");
    let data = ["--data", &brewing()].map(String::from);
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    // ann leans to the kettle by time, bo to the press; both want tea. Time decides; cups only tie.
    let ann = answer_file(&dir, &data, "ann", &["hurry=none", "people=many", "drink=tea"]);
    let bo = answer_file(&dir, &data, "bo", &["hurry=some", "people=one", "drink=tea"]);
    let args = [&data[..], &["decide", "--with", &ann, "--with", &bo, "--format", "json"]].concat();
    let v = json(&versus(&dir, &args));
    let first = &v["disagreements"][0];
    assert_eq!(first["question"], "hurry", "{v}");
    assert_eq!(first["unanimous_flips"]["option"], "none");
    assert_eq!(first["unanimous_flips"]["leader"], "kettle");
    assert_eq!(first["sides"][0]["people"][0], "ann");
    assert_eq!(v["agreed"][0]["question"], "drink");
    let md = versus(&dir, &[&data[..], &["decide", "--with", &ann, "--with", &bo, "--format", "markdown"]].concat());
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("1. How much time do you have? (if everyone answered \"None at all\", Kettle would lead"),
        "{md}"
    );
    assert!(md.contains("   - None at all: ann\n   - A few minutes: bo\n"), "{md}");
}

#[test]
fn the_group_result_does_not_depend_on_the_order_of_the_files() {
    let dir = temp_dir("order");
    let a = answer_file(&dir, &[], "ann", &["size=small", "admin=none", "arch=api", "team=flask_team"]);
    let b = answer_file(&dir, &[], "bo", &["size=large", "admin=essential", "arch=monolith", "team=django_team"]);
    let c = answer_file(&dir, &[], "cy", &["size=medium", "admin=nice", "arch=api", "team=new"]);
    let run = |files: [&str; 3]| {
        let mut args = vec!["decide", "--format", "json"];
        for f in files {
            args.extend(["--with", f]);
        }
        json(&versus(&dir, &args))
    };
    let forward = run([&a, &b, &c]);
    let backward = run([&c, &a, &b]);
    for key in ["group", "consensus", "agreed", "unanswered"] {
        assert_eq!(forward[key], backward[key], "{key}");
    }
    let questions = |v: &serde_json::Value| {
        v["disagreements"].as_array().unwrap().iter().map(|d| d["question"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(questions(&forward), questions(&backward));
    assert_eq!(forward["tips"].as_array().map(Vec::len), backward["tips"].as_array().map(Vec::len));
}

#[test]
fn files_that_cannot_be_combined_are_refused_one_line_each() {
    let dir = temp_dir("refused");
    let ann = answer_file(&dir, &[], "ann", &["size=small"]);
    let three = answer_file(&dir, &["--data", "django-vs-flask-vs-fastapi"], "dee", &["project_size=small_service"]);
    let text_of = std::fs::read_to_string(dir.join(&ann)).unwrap();
    std::fs::write(dir.join("bad.json"), text_of.replace("\"size\"", "\"sizes\"").replace("\"ann\"", "\"bad\""))
        .unwrap();
    std::fs::copy(dir.join(&ann), dir.join("ann-again.json")).unwrap();
    let out = versus(
        &dir,
        &[
            "decide",
            "--with",
            &ann,
            "--with",
            &three,
            "--with",
            "bad.json",
            "--with",
            "ann-again.json",
            "--with",
            "nowhere.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing merged, nothing printed");
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines.iter().any(|l| l.contains("nowhere.json: ") && l.contains("no such file")), "{err}");
    assert!(
        lines.iter().any(|l| l.contains("dee.json: answers for \"Django vs Flask vs FastAPI\"")
            && l.contains("not \"Django vs Flask\"")),
        "{err}"
    );
    assert!(lines.iter().any(|l| l.contains("bad.json: question \"sizes\"") && l.contains("is not in")), "{err}");
    assert!(lines.iter().any(|l| l.contains("ann.json and ann-again.json both hold answers by \"ann\"")), "{err}");
}

#[test]
fn your_own_answers_join_the_group_and_a_group_record_rechecks() {
    let dir = temp_dir("record");
    let bo = answer_file(&dir, &[], "bo", &["size=large", "admin=essential", "team=django_team"]);
    let cy = answer_file(&dir, &[], "cy", &["size=small", "admin=none", "team=flask_team"]);
    let out = versus(
        &dir,
        &["decide", "--with", &bo, "--with", &cy, "--answer", "size=large", "--as", "me", "--format", "madr"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let record = text(&out.stdout);
    assert!(record.contains("decision-makers: [\"bo\", \"cy\", \"me\"]"), "{record}");
    assert!(record.contains("| Question | bo | cy | me | Effect |"), "{record}");
    std::fs::write(dir.join("group.md"), &record).unwrap();
    let out = versus(&dir, &["recheck", "group.md"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("holds: Django still leads"), "{}", text(&out.stdout));
    // A record is an answer file too: its people join another.
    let dee = answer_file(&dir, &[], "dee", &["size=small", "admin=none", "arch=api", "team=flask_team"]);
    let v = json(&versus(&dir, &["decide", "--with", "group.md", "--with", &dee, "--format", "json"]));
    let names: Vec<&str> = v["people"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["bo", "cy", "me", "dee"]);
}

/// README's "Deciding together" example: the answer files written by its
/// `> FILE` lines, then the group's result compared line for line with what
/// README shows (up to its "…").
#[test]
fn the_readme_example_prints_what_readme_shows() {
    let dir = temp_dir("readme");
    let readme = include_str!("../README.md");
    let block = readme
        .split("```console\n")
        .find(|b| b.contains("--format answers --as alice > alice.json"))
        .and_then(|b| b.split("```").next())
        .expect("README's example");
    let mut lines = block.lines().peekable();
    let mut compared = 0;
    while let Some(line) = lines.next() {
        let Some(command) = line.strip_prefix("$ versus ") else { continue };
        let mut shown = Vec::new();
        while let Some(next) = lines.peek().filter(|l| !l.starts_with("$ ")) {
            shown.push(next.to_string());
            lines.next();
        }
        let (command, into) = match command.split_once(" > ") {
            Some((c, file)) => (c, Some(file.trim())),
            None => (command, None),
        };
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = versus(&dir, &args);
        assert!(out.status.success(), "$ versus {command}: {}", text(&out.stderr));
        match into {
            Some(file) => std::fs::write(dir.join(file), &out.stdout).expect("write"),
            None => {
                let got = text(&out.stdout);
                let expected: Vec<&str> = shown.iter().map(String::as_str).take_while(|l| *l != "…").collect();
                let got: Vec<&str> = got.lines().take(expected.len()).collect();
                assert_eq!(got, expected, "$ versus {command}");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 1);
}
