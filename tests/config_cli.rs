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
        for word in ["versus", "completions", "list", "watch", "theme"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
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

#[test]
fn the_manual_page_renders() {
    let o = versus_with(&temp("man"), &["man"]);
    assert!(o.status.success(), "{}", err(&o));
    let page = out(&o);
    let th = page.lines().find(|l| l.starts_with(".TH")).expect("a .TH header");
    assert!(th.contains("versus 1") && th.contains(env!("CARGO_PKG_VERSION")), "{th}");
    for section in
        [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS", ".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", "config.ron"]
    {
        assert!(page.contains(section), "the page lacks {section}");
    }
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

/// Completions offer what a user may type: every visible command, never a
/// hidden one (`startup-frame` is for benchmarks).
#[test]
fn completions_leave_hidden_commands_out() {
    for shell in ["bash", "zsh", "fish"] {
        let o = versus_with(&temp("complete"), &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", err(&o));
        let script = out(&o);
        assert!(!script.contains("startup-frame"), "{shell} offers the hidden command");
        for command in ["recheck", "decide", "check", "help"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
}
