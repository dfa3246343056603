//! Installing into a user's setup, as they meet it: `--version`, shell
//! completions, the manual page and the config file, through the real binary.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn versus_with(config_home: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_STATE_HOME", config_home.join("state"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn temp(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("versus-config-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("versus")).expect("temp dir");
    dir
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn have(tool: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {tool}")]).output().is_ok_and(|o| o.status.success())
}

#[test]
fn version_names_the_data_format() {
    let o = versus_with(&temp("version"), &["--version"]);
    assert_eq!(out(&o), format!("versus {} (data format 1)\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_parse_in_each_shell() {
    let home = temp("completions");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = versus_with(&home, &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", err(&o));
        let script = out(&o);
        // The script calls versus back at each TAB, so it knows the data.
        assert!(script.contains("COMPLETE") && script.contains("versus"), "{shell}: {script}");
    }
    let bash = versus_with(&home, &["completions", "bash"]);
    let file = home.join("versus.bash");
    std::fs::write(&file, &bash.stdout).expect("write");
    let check = Command::new("bash").arg("-n").arg(&file).output().expect("bash runs");
    assert!(check.status.success(), "bash -n: {}", err(&check));
    for (shell, flag) in [("zsh", "-n"), ("fish", "--no-execute")] {
        if have(shell) {
            let o = versus_with(&home, &["completions", shell]);
            let file = home.join(format!("versus.{shell}"));
            std::fs::write(&file, &o.stdout).expect("write");
            let check = Command::new(shell).arg(flag).arg(&file).output().expect("shell runs");
            assert!(check.status.success(), "{shell} {flag}: {}", err(&check));
        }
    }
}

/// What the shell's script receives at a TAB: `COMPLETE=fish versus -- versus …`
/// (fish's protocol: one `value<TAB>description` per line, the last word the one completed).
fn completing(home: &std::path::Path, line: &[&str]) -> Vec<String> {
    let o = Command::new(env!("CARGO_BIN_EXE_versus"))
        .args(["--", "versus"])
        .args(line)
        .env("COMPLETE", "fish")
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{line:?}: {}", err(&o));
    out(&o).lines().map(str::to_string).collect()
}

fn values(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|l| l.split('\t').next().unwrap_or("")).collect()
}

#[test]
fn completion_offers_comparison_names_question_ids_and_actions() {
    let home = temp("dynamic");
    let mine = home.join("data/versus/comparisons");
    std::fs::create_dir_all(&mine).expect("dir");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.ron"), mine.join("tea-vs-coffee.ron"))
        .expect("copy");

    // --data: every comparison by name, shipped and the user's, each with its title.
    let data = completing(&home, &["--data", ""]);
    assert!(data.contains(&"django-vs-flask\tDjango vs Flask".to_string()), "{data:?}");
    assert!(
        values(&data).contains(&"django-vs-flask-vs-fastapi") && values(&data).contains(&"tea-vs-coffee"),
        "{data:?}"
    );
    assert_eq!(values(&completing(&home, &["export", "--data", "tea"])), ["tea-vs-coffee"]);
    // A path once it looks like one.
    let path = completing(&home, &["--data", &format!("{}/", mine.display())]);
    assert!(path.iter().any(|p| p.ends_with("tea-vs-coffee.ron")), "{path:?}");

    // --answer: the question ids of the comparison on the line (the default without --data), then the options.
    let questions =
        values(&completing(&home, &["decide", "--answer", ""])).iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(questions.contains(&"team=".to_string()) && questions.iter().all(|q| q.ends_with('=')), "{questions:?}");
    let options = completing(&home, &["decide", "--answer", "team="]);
    assert!(values(&options).contains(&"team=flask_team"), "{options:?}");
    assert!(options.iter().all(|o| o.contains('\t')), "each option says what it is: {options:?}");
    let three = values(&completing(&home, &["decide", "--data", "django-vs-flask-vs-fastapi", "--answer", ""]))
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>();
    assert!(three.contains(&"project_size=".to_string()) && !three.contains(&"team=".to_string()), "{three:?}");
    let after =
        completing(&home, &["decide", "--answer", "x=y", "--data=django-vs-flask-vs-fastapi", "--answer", "proj"]);
    assert_eq!(values(&after), ["project_size="]);
    assert_eq!(
        values(&completing(&home, &["decide", "--importance", "team="])),
        ["team=ignore", "team=low", "team=normal", "team=high"]
    );
    // A --data that does not load: nothing offered, nothing printed but the candidates.
    assert!(completing(&home, &["decide", "--data", "/no/such.ron", "--answer", ""]).is_empty());

    // config --key: the action names a config file binds.
    let actions = completing(&home, &["config", "--key", "ne"]);
    assert_eq!(values(&actions), ["next_tab", "next_hit", "next_option"]);

    // Hidden commands are never offered, and options only where they act.
    let commands = values(&completing(&home, &[""])).iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(commands.contains(&"decide".to_string()) && !commands.iter().any(|c| c == "startup-frame"), "{commands:?}");
    for command in ["list", "new", "check", "config"] {
        let options = completing(&home, &[command, "--"]);
        assert!(!values(&options).contains(&"--data"), "{command}: {options:?}");
    }
    assert!(values(&completing(&home, &["export", "--"])).contains(&"--data"));
}

/// The bash script as bash runs it at a TAB: `versus --data dj<TAB>`.
#[test]
fn bash_completes_through_the_script() {
    let home = temp("bash-dynamic");
    let script = out(&versus_with(&home, &["completions", "bash"]));
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_versus")).parent().expect("bin dir").to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let run = format!(
        "{script}\nCOMP_WORDS=(versus --data dj); COMP_CWORD=2; COMP_TYPE=9; _clap_complete_versus versus dj versus; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let o = Command::new("bash")
        .args(["-c", &run])
        .env("PATH", path)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("bash runs");
    assert!(o.status.success(), "{}", err(&o));
    let offered = out(&o);
    assert!(
        offered.lines().any(|l| l == "django-vs-flask") && offered.contains("django-vs-flask-vs-fastapi"),
        "{offered}"
    );
}

#[test]
fn config_keys_lists_each_action_with_its_keys_as_configured() {
    let home = temp("keys");
    let all = versus_with(&home, &["config", "--keys"]);
    assert!(all.status.success(), "{}", err(&all));
    let text = out(&all);
    assert!(
        text.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()[..]
            == ["quit", "q", "Ctrl-C", "quit", "(Ctrl-C", "always", "quits,", "whatever", "config.ron", "says)"]),
        "{text}"
    );
    assert!(text.contains("In a search line") && text.contains("On the Decide tab"), "{text}");
    std::fs::write(home.join("versus/config.ron"), "(keys: { \"quit\": [\"ctrl-q\"] })").expect("write");
    let one = out(&versus_with(&home, &["config", "--key", "quit"]));
    assert!(one.lines().next().is_some_and(|l| l.starts_with("Everywhere")), "{one}");
    assert!(one.split_whitespace().collect::<Vec<_>>().windows(2).any(|w| w == ["quit", "Ctrl-Q"]), "{one}");
    let unknown = versus_with(&home, &["config", "--key", "qiut"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(err(&unknown).contains("no action \"qiut\"") && err(&unknown).contains("quit"), "{}", err(&unknown));
}

#[test]
fn data_before_a_command_that_reads_none_is_refused() {
    let home = temp("data-where");
    let o = versus_with(&home, &["--data", "django-vs-flask", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--data does nothing for `versus list`"), "{}", err(&o));
    let help = out(&versus_with(&home, &["list", "--help"]));
    assert!(!help.contains("--data"), "{help}");
    let new_help = out(&versus_with(&home, &["new", "--help"]));
    assert!(!new_help.contains("--data"), "{new_help}");
    // Before or after a command that reads one, it means the same.
    let before = versus_with(&home, &["--data", "django-vs-flask-vs-fastapi", "export", "--format", "json"]);
    let after = versus_with(&home, &["export", "--format", "json", "--data", "django-vs-flask-vs-fastapi"]);
    assert!(before.status.success() && before.stdout == after.stdout);
}

#[test]
fn the_manual_page_renders() {
    let o = versus_with(&temp("man"), &["man"]);
    assert!(o.status.success(), "{}", err(&o));
    let page = out(&o);
    let th = page.lines().find(|l| l.starts_with(".TH")).expect("a .TH header");
    assert!(th.contains("versus 1") && th.contains(env!("CARGO_PKG_VERSION")), "{th}");
    for section in
        [".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", "config.ron"]
    {
        assert!(page.contains(section), "the page lacks {section}");
    }
    // Every command with its options, on this one page; no page it does not write is named.
    for option in ["versus decide [OPTIONS]", "\\-\\-importance", "\\-\\-supersedes", "\\-\\-strict", "\\-\\-keys"] {
        assert!(page.contains(option), "the page lacks {option}");
    }
    assert!(!page.contains("versus\\-check(1)") && !page.contains("SEE ALSO"), "names pages not written");
    // Rendered as a reader sees it, with whatever renderer the machine has (CI installs groff).
    let rendered = if have("groff") {
        let mut child = Command::new("groff")
            .args(["-man", "-Tutf8", "-P-cbou"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("groff runs");
        std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), page.as_bytes()).expect("write");
        let o = child.wait_with_output().expect("groff ends");
        assert!(o.status.success(), "groff: {}", err(&o));
        Some(out(&o))
    } else {
        None
    };
    if let Some(text) = rendered {
        let plain = text;
        assert!(plain.contains("NAME") && plain.contains("Compare technologies side by side"), "{plain}");
        assert!(plain.contains("quit (Ctrl-C always") && plain.contains("[quit]"), "{plain}");
        assert!(plain.contains("NO_COLOR"), "{plain}");
        assert!(!plain.contains('â'), "every character survives groff's Latin-1 reading: {plain}");
    }
}

/// groff's warnings (-ww) on a page, rendered as a reader's `man` would.
fn groff_warnings(page: &std::path::Path) -> String {
    let o = Command::new("groff").args(["-man", "-Tutf8", "-ww", "-z"]).arg(page).output().expect("groff runs");
    assert!(o.status.success());
    err(&o)
}

#[test]
fn man_dir_writes_a_page_per_command_and_the_format() {
    let home = temp("man-dir");
    let root = home.join("man");
    let o = versus_with(&home, &["man", "--dir", &root.display().to_string()]);
    assert!(o.status.success(), "{}", err(&o));
    let written: Vec<String> = out(&o).lines().map(str::to_string).collect();
    let mut names: Vec<String> = ["man1", "man5"]
        .iter()
        .flat_map(|s| std::fs::read_dir(root.join(s)).expect("the folder is made"))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let dir = |name: &str| root.join(if name.ends_with(".5") { "man5" } else { "man1" }).join(name);
    names.sort();
    assert_eq!(written.len(), names.len(), "{written:?}");
    for page in ["versus.1", "versus-decide.1", "versus-recheck.1", "versus-config.1", "versus.5"] {
        assert!(names.contains(&page.to_string()), "{page} in {names:?}");
    }
    assert!(!names.iter().any(|n| n.contains("startup")), "no page for a hidden command: {names:?}");
    // SEE ALSO names exactly the pages written, and nothing else.
    let main = std::fs::read_to_string(dir("versus.1")).expect("versus.1");
    let see_also = main.split(".SH SEE ALSO").nth(1).expect("SEE ALSO");
    let named: Vec<String> = see_also
        .lines()
        .filter_map(|l| l.strip_prefix(".BR "))
        .map(|l| {
            let (name, section) = l.split_once(' ').expect("name (section)");
            format!("{}.{}", name.replace("\\-", "-"), section.trim_matches(|c| "(),".contains(c)))
        })
        .collect();
    let mut others: Vec<String> = names.iter().filter(|n| *n != "versus.1").cloned().collect();
    others.sort();
    let mut named_sorted = named.clone();
    named_sorted.sort();
    assert_eq!(named_sorted, others);
    // versus.5 is the format's reference: every field of README's table.
    let five = std::fs::read_to_string(dir("versus.5")).expect("versus.5");
    for field in ["pros_cons_table", "subjects[].homepage", "synonyms", "Validation rules"] {
        assert!(five.contains(field), "versus.5 lacks {field}");
    }
    if have("groff") {
        for name in &names {
            let warnings = groff_warnings(&dir(name));
            assert!(warnings.is_empty(), "{name}: {warnings}");
        }
        let page = home.join("versus-one.1");
        std::fs::write(&page, out(&versus_with(&home, &["man"]))).expect("write");
        assert_eq!(groff_warnings(&page), "", "versus man");
    }
}

#[test]
fn the_default_config_checks_and_every_mistake_is_located() {
    let home = temp("check");
    let default = versus_with(&home, &["config", "--default"]);
    let file = home.join("versus/config.ron");
    std::fs::write(&file, &default.stdout).expect("write");
    let ok = versus_with(&home, &["config", "--check"]);
    assert!(ok.status.success(), "{}", err(&ok));
    assert_eq!(out(&ok), format!("ok: {}\n", file.display()));

    std::fs::write(&file, "(\n  keys: {\n    \"qiut\": [\"x\"],\n  },\n)\n").expect("write");
    let typo = versus_with(&home, &["config", "--check"]);
    assert_eq!(typo.status.code(), Some(1));
    let e = err(&typo);
    assert!(e.contains(&format!("{}:3:", file.display())), "line and column: {e}");
    assert!(e.contains("unknown action \"qiut\" in keys; did you mean \"quit\"? the actions there: next_tab,"), "{e}");
    assert!(e.contains(" quit, suspend"), "the valid names: {e}");

    // The app does not start on a config it cannot read whole.
    let refused = versus_with(&home, &["--data", "django-vs-flask"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(err(&refused).contains("unknown action \"qiut\""), "{}", err(&refused));

    let other = home.join("other.ron");
    std::fs::write(&other, "(colors: (key: \"bold blu\"))").expect("write");
    let colour = versus_with(&home, &["config", "--check", &other.display().to_string()]);
    assert!(
        err(&colour).contains(":1:") && err(&colour).contains("unknown colour or style \"blu\""),
        "{}",
        err(&colour)
    );

    let _ = std::fs::remove_file(&file);
    let none = versus_with(&home, &["config"]);
    assert!(none.status.success() && out(&none).contains("no config file at"), "{}", out(&none));
}

#[test]
fn the_readme_config_example_checks() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## Your settings").expect("the section")..];
    let start = section.find("```ron\n").expect("an example") + "```ron\n".len();
    let example = &section[start..start + section[start..].find("```").expect("closed")];
    let home = temp("readme");
    let file = home.join("example.ron");
    std::fs::write(&file, example).expect("write");
    let o = versus_with(&home, &["config", "--check", &file.display().to_string()]);
    assert!(o.status.success(), "README's example: {}", err(&o));
    let direct = versus_with(&home, &["config", &file.display().to_string()]);
    assert!(direct.status.success() && out(&direct).starts_with("ok: "), "config FILE checks it too");
}

/// No config locks a user in: a key a terminal cannot send, `quit` without a
/// key, a search line without a way out, or Ctrl-C given to anything but
/// quit is refused, with the reason (and the place, for a key).
#[test]
fn configs_that_would_lock_a_user_in_are_refused() {
    let home = temp("lockout");
    let file = home.join("versus/config.ron");
    let digits = "terminals send no Ctrl with digits; use a letter, such as ctrl-q";
    let punctuation = "terminals send no Ctrl with punctuation (it arrives as another key or not at all); use a letter, such as ctrl-q";
    let plain = |name: &str| {
        format!(
            "terminals send Ctrl with {name} as plain {name}, so versus cannot tell them apart; bind {name} or \
             ctrl- and a letter, such as ctrl-q"
        )
    };
    let ctrl_c = |name: &str, section: &str| {
        format!(
            "ctrl-c always quits versus, whatever the config says, so it cannot be {name}'s key in {section}; give \
             {name} another key"
        )
    };
    let cases: Vec<(String, String)> = vec![
        ("(keys: {\"quit\": [\"ctrl-1\"], \"suspend\": []})".into(), format!(":1:19: ctrl-1: {digits}")),
        ("(keys: {\"quit\": [\"ctrl-2\"]})".into(), format!(":1:19: ctrl-2: {digits}")),
        ("(keys: {\"quit\": [\"ctrl-?\"]})".into(), format!(":1:19: ctrl-?: {punctuation}")),
        ("(keys: {\"quit\": [\"ctrl-;\"]})".into(), format!(":1:19: ctrl-;: {punctuation}")),
        ("(keys: {\"quit\": [\"ctrl-/\"]})".into(), format!(":1:19: ctrl-/: {punctuation}")),
        (
            "(keys: {\"quit\": [\"ctrl-é\"]})".into(),
            ":1:19: ctrl-é: terminals send Ctrl only with the letters a to z; use one of them, such as ctrl-q".into(),
        ),
        (
            "(keys: {\"quit\": [\"alt-[\"]})".into(),
            ":1:19: alt-[: terminals send Alt-[ as Esc [, the start of the arrow and function keys' codes, so it \
             never arrives alone; use alt- and another character, such as alt-x"
                .into(),
        ),
        (
            "(keys: {\"quit\": [\"ctrl-ctrl-c\"]})".into(),
            ":1:19: ctrl-ctrl-c: ctrl- is written twice; write each of ctrl- and alt- at most once".into(),
        ),
        ("(keys: {\"quit\": [\"ctrl-enter\"]})".into(), format!(":1:19: ctrl-enter: {}", plain("enter"))),
        ("(keys: {\"quit\": [\"ctrl-tab\"]})".into(), format!(":1:19: ctrl-tab: {}", plain("tab"))),
        (
            "(keys: {\"quit\": [\"ctrl-i\"]})".into(),
            ":1:19: ctrl-i: a terminal sends it as tab; bind tab or another key".into(),
        ),
        (
            "(keys: {\"quit\": [\"ctrl-h\"]})".into(),
            ":1:19: ctrl-h: many terminals send it for backspace (and ctrl-backspace), so it is no key of its own; \
             bind backspace or another letter"
                .into(),
        ),
        (
            "(keys: {\"quit\": []})".into(),
            ": quit needs at least one key in keys: without one there is no way out".into(),
        ),
        (
            "(\n  mouse: false,\n  search_line_keys: {\"cancel\": [], \"accept\": [], \"quit\": []},\n)".into(),
            ": cancel or accept needs at least one key in search_line_keys: they are the ways out of a search line \
             that keep versus open (ctrl-c quits it)"
                .into(),
        ),
        ("(keys: {\"quit\": [\"q\"], \"copy\": [\"ctrl-c\"]})".into(), format!(": {}", ctrl_c("copy", "keys"))),
        (
            "(search_line_keys: {\"quit\": [], \"cancel\": [\"ctrl-c\"]})".into(),
            format!(": {}", ctrl_c("cancel", "search_line_keys")),
        ),
        ("(wizard_keys: {\"skip\": [\"ctrl-C\"]})".into(), format!(": {}", ctrl_c("skip", "wizard_keys"))),
    ];
    for (config, want) in cases {
        std::fs::write(&file, &config).expect("write");
        let o = versus_with(&home, &["config", "--check"]);
        assert_eq!(o.status.code(), Some(1), "{config}: {}", out(&o));
        assert_eq!(err(&o), format!("versus: {}{want}\n", file.display()), "{config}");
    }
    // What a terminal can send stays accepted, Ctrl-C under quit included.
    std::fs::write(
        &file,
        "(keys: {\"quit\": [\"ctrl-q\", \"ctrl-c\"], \"search\": [\"ctrl-space\", \"alt-/\", \"ctrl-down\"]}, \
         search_line_keys: {\"cancel\": [], \"quit\": []})",
    )
    .expect("write");
    let ok = versus_with(&home, &["config", "--check"]);
    assert!(ok.status.success(), "{}", err(&ok));
}

/// The manual page documents the default keys, not those of whoever
/// generated it: a config that remaps quit changes nothing in the page.
#[test]
fn the_manual_page_shows_the_default_keys_whatever_the_config() {
    let plain = out(&versus_with(&temp("man-plain"), &["man"]));
    let home = temp("man-remapped");
    std::fs::create_dir_all(home.join("versus")).expect("dir");
    std::fs::write(home.join("versus/config.ron"), "(keys: {\"quit\": [\"x\"]})").expect("write");
    let remapped = out(&versus_with(&home, &["man"]));
    assert_eq!(plain, remapped, "the page follows no one's config");
    assert!(plain.contains("The default keys"), "it says they are the defaults");
}
