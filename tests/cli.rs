//! The headless commands, run as a user runs them: the real binary.

use std::process::{Command, Output, Stdio};

fn versus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_prints_one_line_per_valid_file() {
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let a = format!("{data}/django-vs-flask.ron");
    let b = format!("{data}/django-vs-flask-vs-fastapi.ron");
    let o = versus(&["check", &a, &b]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("ok: {a}: \"Django vs Flask\": 2 subjects (Django, Flask), 15 key features")),
        "{out}"
    );
    assert!(lines[1].contains("3 subjects (Django, Flask, FastAPI)"), "{out}");
}

#[test]
fn check_reports_syntax_errors_with_the_offending_line() {
    let dir = std::env::temp_dir().join(format!("versus-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.ron");
    let src = std::fs::read_to_string(fixture("minimal.ron")).expect("fixture");
    std::fs::write(&bad, src.replacen("name: \"Tea\",", "name: \"Tea\"", 1)).expect("write");
    let bad = bad.to_string_lossy().into_owned();

    let o = versus(&["check", &fixture("minimal.ron"), &bad]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("ok: "), "the valid file is still reported");
    let err = stderr(&o);
    assert!(err.contains(&format!("{bad}:6:33: Expected comma")), "{err}");
    assert!(err.contains("(id: \"tea\", name: \"Tea\" description:"), "shows the offending line: {err}");
}

#[test]
fn check_reports_rule_violations_by_path() {
    let dir = std::env::temp_dir().join(format!("versus-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("rules.ron");
    let src = std::fs::read_to_string(fixture("minimal.ron")).expect("fixture");
    std::fs::write(&bad, src.replacen("weights: {\"coffee\": 2.0}", "weights: {\"fastapi\": 2.0}", 1)).expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let o = versus(&["check", &bad]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{bad}: wizard.questions[0].options[0].weights: unknown subject \"fastapi\"")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_json_is_the_whole_comparison() {
    let o = versus(&["export", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["title"], "Django vs Flask");
    assert_eq!(v["faq"].as_array().map(Vec::len), Some(13));
    assert_eq!(v["subjects"][1]["id"], "flask");
    assert_eq!(v["key_features"]["django"].as_array().map(Vec::len), Some(8));
    assert!(v["wizard"]["questions"][0]["options"][0]["weights"].is_object());
}

#[test]
fn export_markdown_has_every_section_and_every_question() {
    let o = versus(&["export", "--format", "markdown"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    for heading in [
        "# Django vs Flask",
        "## Features",
        "### Key features of Django",
        "### Key features of Flask",
        "### Feature comparison",
        "## Pros and cons",
        "### Pros of Django",
        "### Cons of Flask",
        "## Use cases",
        "## Performance and security",
        "## Decision snapshot",
        "## FAQ",
        "## Decision wizard",
        "## Sources",
    ] {
        assert!(md.lines().any(|l| l == heading), "missing heading {heading:?}");
    }
    let c = versus::data::load_builtin("django-vs-flask").and_then(Result::ok).expect("default loads");
    for f in &c.faq {
        assert!(md.contains(&format!("### {}", f.question)), "missing FAQ {:?}", f.question);
    }
    assert!(md.contains("| Feature | Django | Flask |"));
}

#[test]
fn export_reads_data_by_file_or_by_shipped_name() {
    let by_name = versus(&["export", "--data", "django-vs-flask-vs-fastapi", "--format", "markdown"]);
    assert!(stdout(&by_name).contains("| Feature | Django | Flask | FastAPI |"));
    let by_file = versus(&["--data", &fixture("minimal.ron"), "export"]);
    assert!(stdout(&by_file).starts_with("# Tea vs Coffee\n"));
    let missing = versus(&["export", "--data", "/no/such.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("/no/such.ron: cannot read"));
}

#[test]
fn help_version_and_unknown_flags() {
    let help = versus(&["--help"]);
    assert!(help.status.success());
    for word in ["check", "export", "--data"] {
        assert!(stdout(&help).contains(word), "--help mentions {word}");
    }
    let version = versus(&["--version"]);
    assert_eq!(stdout(&version).trim(), format!("versus {} (data format 1)", env!("CARGO_PKG_VERSION")));
    let unknown = versus(&["--frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unexpected argument '--frobnicate'"));
}

#[test]
fn without_a_terminal_the_app_points_to_export_and_leaves_the_terminal_alone() {
    let o = versus(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("needs a terminal") && err.contains("versus export"), "{err}");
    assert!(o.stdout.is_empty(), "no escape sequences were written: {:?}", stdout(&o));
}

fn versus_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("output")
}

#[test]
fn search_ranks_every_entry_with_its_location() {
    let o = versus(&["search", "admin", "--limit", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "1. [Feature] Admin panel: Auto-generated · Not included (Features tab, entry 6)");
    assert!(out.contains("[Con · Flask]"), "{out}");
}

#[test]
fn search_json_has_locations_and_matched_ranges() {
    let o = versus(&["search", "faster", "--json", "--data", "django-vs-flask"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let hits = v.as_array().expect("an array");
    assert!(hits.len() <= 20 && !hits.is_empty());
    let faq = hits.iter().find(|h| h["kind"] == "FAQ").expect("an FAQ hit");
    assert_eq!(faq["text"], "Does Flask run faster than Django?");
    assert_eq!(faq["tab"], "FAQ");
    assert_eq!(faq["entry"], 6);
    assert_eq!(faq["matched"], serde_json::json!([[15, 21]]));
}

#[test]
fn search_with_no_hits_says_so() {
    let o = versus(&["search", "qqqqzzzz"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing matches"));
}

#[test]
fn a_query_of_thousands_of_words_is_refused_at_once() {
    let long = "e ".repeat(20_000);
    let o = versus(&["search", &long]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a query is at most 1000 characters; this one has 40000"), "{}", stderr(&o));
}

#[test]
fn search_marks_partial_matches_and_words_found_nowhere() {
    let o = versus(&["search", "flask admin zebra", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("not found anywhere: zebra"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let partial: Vec<bool> = v.as_array().expect("an array").iter().map(|h| h["partial"] == true).collect();
    let first = partial.iter().position(|&p| p).expect("some hits match only some words");
    assert!(first > 0 && partial[first..].iter().all(|&p| p), "every full hit first: {partial:?}");
    let text = stdout(&versus(&["search", "flask admin zebra"]));
    let divider = text.lines().position(|l| l == "-- matches some of your words --").expect("a divider line");
    assert_eq!(divider, first, "{text}");
}

#[test]
fn search_lines_filters_stdin_best_first_like_fzf() {
    let input = "How do I configure item 7 for deployment?\nunrelated line\nconfig deploy\nCFG DEPLOY\n";
    let o = versus_with_stdin(&["search", "--lines", "cfgdeploy"], input);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(!out.contains("unrelated"));
    assert!(lines.contains(&"How do I configure item 7 for deployment?"));

    let smart = versus_with_stdin(&["search", "--lines", "CFG"], input);
    assert_eq!(stdout(&smart), "CFG DEPLOY\n", "an uppercase query is case-sensitive");

    let none = versus_with_stdin(&["search", "--lines", "zzz"], input);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}

/// Every question of the shipped default, answered toward `subject` (the option
/// whose weights favour it most over the other subject).
fn answers_toward(subject: &str, other: &str) -> Vec<String> {
    let c = versus::data::default_comparison().expect("default data");
    let index = |id: &str| c.subjects.iter().position(|s| s.id.as_str() == id).unwrap_or(0);
    let picks = versus::wizard::leaning(&c, index(subject), index(other));
    c.wizard.questions.iter().zip(picks).map(|(q, o)| format!("{}={}", q.id, q.options[o.unwrap_or(0)].id)).collect()
}

fn decide_args(answers: &[String], extra: &[&str]) -> Vec<String> {
    let mut args = vec!["decide".to_string()];
    for a in answers {
        args.push("--answer".into());
        args.push(a.clone());
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

#[test]
fn decide_recommends_django_with_reasons_when_the_answers_lean_that_way() {
    let args = decide_args(&answers_toward("django", "flask"), &[]);
    let o = versus(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Django fits these answers best"), "{out}");
    assert!(out.contains("What counted for Django:"), "{out}");
    assert!(out.contains("Django generates a full admin interface"), "the option's reason is shown:\n{out}");
}

#[test]
fn decide_recommends_flask_as_json_when_the_answers_lean_that_way() {
    let args = decide_args(&answers_toward("flask", "django"), &["--format", "json"]);
    let o = versus(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["outcome"]["winner"], "flask");
    assert_eq!(v["answered"], v["questions"]);
    assert_eq!(v["subjects"][0]["id"], "flask");
    assert!(v["subjects"][0]["for"].as_array().is_some_and(|a| a.len() >= 3));
}

#[test]
fn decide_markdown_is_a_report_for_a_design_doc() {
    let o = versus(&["decide", "--answer", "admin=essential", "--format", "markdown"]);
    let md = stdout(&o);
    assert!(md.starts_with("# Decision: Django vs Flask\n\n**Django fits these answers best"), "{md}");
    assert!(
        md.contains("| Subject | Points | Behind the leader |") && md.contains("## What counted for Django"),
        "{md}"
    );
    assert!(md.contains("## Not answered\n\n- How large and complex is the project?"), "by prompt:\n{md}");
    assert!(md.contains("## Decision snapshot\n\n| Criterion | Django | Flask |"), "{md}");
    assert!(md.contains("## The source's verdict"), "{md}");
}

#[test]
fn decide_rejects_unknown_ids_listing_the_valid_ones() {
    let q = versus(&["decide", "--answer", "siz=large"]);
    assert_eq!(q.status.code(), Some(2));
    assert!(stderr(&q).contains("unknown question \"siz\"; the questions are: size, admin,"), "{}", stderr(&q));
    let all = versus(&["decide", "--answer", "siz=large", "--answer", "admin=maybe", "--importance", "size=urgent"]);
    let err = stderr(&all);
    assert_eq!(err.lines().filter(|l| l.starts_with("versus: ")).count(), 3, "every bad pair at once:\n{err}");
    let o = versus(&["decide", "--answer", "size=huge"]);
    assert!(stderr(&o).contains("question \"size\" has no option \"huge\"; its options are: small, medium, large"));
    let bad = versus(&["decide", "--answer", "size"]);
    assert!(stderr(&bad).contains("expected QUESTION=OPTION"));
}

#[test]
fn decide_without_answers_lists_the_questions() {
    let o = versus(&["decide", "--data", "django-vs-flask-vs-fastapi"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("Answer with --answer QUESTION=OPTION"), "{out}");
    let c = versus::data::load_builtin("django-vs-flask-vs-fastapi").and_then(Result::ok).expect("loads");
    for q in &c.wizard.questions {
        assert!(out.contains(&format!("  {}: {}", q.id, q.prompt)), "{out}");
    }
}

#[test]
fn decide_starts_from_the_answers_and_importance_saved_by_the_app() {
    let dir = std::env::temp_dir().join(format!("versus-cli-saved-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let c = versus::data::default_comparison().expect("default data");
    let flask = c.subjects.iter().position(|s| s.id.as_str() == "flask").expect("flask");
    let django = c.subjects.iter().position(|s| s.id.as_str() == "django").expect("django");
    let id = versus::saved::identity(Some("django-vs-flask"), None);
    let mut importance = vec![versus::wizard::Importance::Normal; c.wizard.questions.len()];
    importance[0] = versus::wizard::Importance::High;
    let saved =
        versus::saved::Saved { answers: versus::wizard::leaning(&c, flask, django), importance, saved_at: None };
    let path = dir.join("versus").join(format!("answers-{id}.json"));
    versus::saved::save(&path, &id, &c, &saved, None).expect("saved");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_versus")).args(args).env("XDG_STATE_HOME", &dir).output().expect("runs")
    };
    let o = run(&["decide", "--saved", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["outcome"]["winner"], "flask", "{v}");
    assert_eq!(v["importance"][c.wizard.questions[0].id.as_str()], "high");
    assert_eq!(v["answered"], v["questions"]);
    // --importance changes a saved level; --answer a saved answer.
    let q0 = c.wizard.questions[0].id.as_str();
    let o = run(&["decide", "--saved", "--importance", &format!("{q0}=ignore"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["importance"][q0], "ignore");
    let none = Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(["decide", "--saved"])
        .env("XDG_STATE_HOME", dir.join("empty"))
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1), "no saved answers is said, not guessed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// README's completion and manual lines, run as written in a fresh home
/// with this build of versus first on the PATH: they create their folders
/// and leave completion scripts and a manual page behind; the zsh one loads
/// under zsh when zsh is installed.
#[test]
fn the_readme_set_up_lines_work_in_a_fresh_home() {
    let readme = include_str!("../README.md");
    let section = readme.split("### Completions and the manual page").nth(1).expect("the section");
    let block = section.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).expect("its code block");
    let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.iter().any(|l| l.starts_with("mkdir -p")), "the folders are created:\n{block}");
    let home = std::env::temp_dir().join(format!("versus-readme-home-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).expect("home");
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_versus")).parent().expect("bin dir").to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    for line in &lines {
        let o = Command::new("bash")
            .args(["-e", "-c", line])
            .env("HOME", &home)
            .env("PATH", &path)
            .output()
            .expect("the shell runs");
        assert!(o.status.success(), "{line}: {}", String::from_utf8_lossy(&o.stderr));
    }
    // The zsh line leaves a .zshrc that zsh (where installed) reads without error, defining the completer.
    let zshrc = std::fs::read_to_string(home.join(".zshrc")).unwrap_or_default();
    assert!(zshrc.contains("versus completions zsh"), "{zshrc}");
    if Command::new("zsh").arg("-c").arg("true").output().is_ok_and(|o| o.status.success()) {
        let o = Command::new("zsh")
            .args([
                "-c",
                "autoload -Uz compinit && compinit -u && source ~/.zshrc && whence -w _clap_dynamic_completer_versus",
            ])
            .env("HOME", &home)
            .env("PATH", &path)
            .output()
            .expect("zsh runs");
        assert!(o.status.success(), "zsh: {}", String::from_utf8_lossy(&o.stderr));
    }
    for file in [
        ".local/share/bash-completion/completions/versus",
        ".config/fish/completions/versus.fish",
        ".local/share/man/man1/versus.1",
        ".local/share/man/man1/versus-decide.1",
        ".local/share/man/man5/versus.5",
    ] {
        let written = std::fs::metadata(home.join(file)).map(|m| m.len()).unwrap_or(0);
        assert!(written > 100, "{file} was written");
    }
    let _ = std::fs::remove_dir_all(&home);
}

/// `versus help format` is README's "The data format", built in: the same
/// text (so it can never differ), offline; load errors point to it.
#[test]
fn help_format_is_the_readmes_data_format_section() {
    let o = versus(&["help", "format"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let readme = include_str!("../README.md");
    let section = readme.split("\n## The data format").nth(1).and_then(|s| s.split("\n## ").next()).expect("section");
    assert_eq!(out.trim_end(), format!("## The data format{}", section).trim_end());
    for field in ["### Fields", "| `verdict` |", "### Validation rules", "`--strict`"] {
        assert!(out.contains(field), "{field}");
    }
    let help = versus(&["help", "decide"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: versus decide"));
    assert_eq!(versus(&["help", "nope"]).status.code(), Some(2));
    // A syntax error says where the format is described.
    let dir = std::env::temp_dir().join(format!("versus-help-format-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "(title: ").expect("write");
    let err = String::from_utf8_lossy(&versus(&["check", &bad.display().to_string()]).stderr).into_owned();
    assert!(err.contains("versus help format"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// README's console examples print what README shows: each `$ versus …`
/// line (without a pipe or a redirect) run here, its output compared line
/// for line with the lines below it (up to a "…", which stands for the rest).
#[test]
fn the_readme_console_examples_print_what_readme_shows() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("```console\n")
        .find(|b| b.starts_with("$ versus check data/"))
        .and_then(|b| b.split("```").next())
        .expect("README's console block");
    let mut checked = 0;
    let mut lines = block.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(command) = line.strip_prefix("$ versus ") else { continue };
        let mut shown = Vec::new();
        while let Some(next) = lines.peek().filter(|l| !l.starts_with("$ ") && !l.is_empty()) {
            shown.push(next.to_string());
            lines.next();
        }
        if command.contains('|') || command.contains('>') {
            continue;
        }
        let args: Vec<&str> = command.split_whitespace().collect();
        let o = Command::new(env!("CARGO_BIN_EXE_versus"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("XDG_STATE_HOME", std::env::temp_dir().join("versus-readme-console-none"))
            .env("NO_COLOR", "1")
            .output()
            .expect("runs");
        let out = String::from_utf8_lossy(&o.stdout);
        let got: Vec<&str> = out.lines().collect();
        let whole = shown.last().is_none_or(|l| l != "…");
        let expected: Vec<&str> = shown.iter().map(String::as_str).filter(|l| *l != "…").collect();
        if whole {
            assert_eq!(got, expected, "$ versus {command}");
        } else {
            assert_eq!(&got[..expected.len().min(got.len())], &expected[..], "$ versus {command}");
        }
        checked += 1;
    }
    assert!(checked >= 3, "the examples were found ({checked})");
}

/// `versus check` quotes a title as a string: a quote inside it is escaped.
#[test]
fn check_escapes_quotes_in_a_title() {
    let dir = std::env::temp_dir().join(format!("versus-quoted-title-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let minimal =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron")).expect("fixture");
    let file = dir.join("quoted.ron");
    std::fs::write(&file, minimal.replacen("title: \"Tea vs Coffee\"", "title: \"Tea \\\"vs\\\" Coffee\"", 1))
        .expect("write");
    let o = versus(&["check", &file.display().to_string()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(": \"Tea \\\"vs\\\" Coffee\": 2 subjects"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// How firm a choice is beyond single changes, in every format: the share of
/// importance settings (low, normal or high for each answered question, varied
/// together) that keep the leader, and the most critical question.
#[test]
fn decide_says_in_what_share_of_importance_settings_the_leader_holds() {
    let args = ["decide", "--answer", "size=large", "--answer", "admin=essential", "--answer", "team=flask_team"];
    let text = String::from_utf8_lossy(&versus(&args).stdout).into_owned();
    let second = text.lines().nth(1).unwrap_or("");
    assert!(
        second.starts_with("Django leads in ") && second.contains(" % of importance settings; most critical: "),
        "{text}"
    );
    let json = versus(&[&args[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let f = &v["firmness"];
    assert_eq!(f["leader"], "django");
    assert_eq!(f["settings"], 27, "3 levels of 3 answered questions, every one tried");
    assert_eq!(f["sampled"], false);
    let percent = f["percent"].as_f64().expect("percent");
    assert!(percent > 0.0 && percent <= 100.0, "{f}");
    assert_eq!(f["text"].as_str(), Some(second));
    let madr = String::from_utf8_lossy(
        &versus(&[&args[..], &["--format", "madr", "--decision-maker", "Ada"]].concat()).stdout,
    )
    .into_owned();
    assert!(madr.contains(second), "{madr}");
}
