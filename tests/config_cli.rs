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
        assert!(plain.contains("quit [quit]") && plain.contains("NO_COLOR"), "{plain}");
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
