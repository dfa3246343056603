//! `--theme auto` asks the terminal for its background (OSC 11) before the
//! app starts: checked through the real binary on a pseudo-terminal this test
//! plays the terminal on — one that answers light, one that answers only the
//! device-attributes request (cannot say its colour), one that never answers.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

/// The terminal's answers: foreground black, background white, then its device attributes.
const LIGHT: &[u8] = b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?64;1;2;6;22c";
const DARK: &[u8] = b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\\x1b[?64;1;2;6;22c";
/// A terminal that knows device attributes but not colour queries.
const ATTRIBUTES_ONLY: &[u8] = b"\x1b[?62;22c";

/// Runs versus with `args` on a new pseudo-terminal (its controlling
/// terminal), answering the device-attributes request (`ESC [ c`, which the
/// probe sends after its colour queries) with `answer`; returns all it wrote.
fn on_terminal(args: &[&str], env: &[(&str, &str)], answer: Option<&[u8]>) -> String {
    let (mut master_fd, mut slave_fd) = (0, 0);
    // SAFETY: openpty writes two descriptors; the other pointers may be null.
    let rc = unsafe {
        libc::openpty(&mut master_fd, &mut slave_fd, std::ptr::null_mut(), std::ptr::null(), std::ptr::null())
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master_fd), OwnedFd::from_raw_fd(slave_fd)) };
    let home = std::env::temp_dir().join(format!("versus-theme-{}-{}", std::process::id(), args.join("-")));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).expect("home");
    let mut command = Command::new(env!("CARGO_BIN_EXE_versus"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("COLORFGBG")
        .env("TERM", "xterm-256color")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave.try_clone().expect("dup")));
    for (k, v) in env {
        command.env(k, v);
    }
    // SAFETY: between fork and exec only async-signal-safe calls: a new session whose
    // controlling terminal is the pseudo-terminal, so /dev/tty is it.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("versus starts");
    // The command holds copies of the terminal's other side: closed, so the end of output is seen.
    drop(command);
    drop(slave);
    let mut terminal = std::fs::File::from(master);
    let mut seen = Vec::new();
    let mut answered = false;
    let mut buf = [0u8; 4096];
    loop {
        // Linux reports EIO once the child has closed its side: all has been read.
        match terminal.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
        if let Some(answer) = answer
            && !answered
            && seen.windows(3).any(|w| w == b"\x1b[c")
        {
            terminal.write_all(answer).expect("answer");
            answered = true;
        }
    }
    let status = child.wait().expect("versus ends");
    assert!(status.success(), "{status}: {}", String::from_utf8_lossy(&seen));
    let _ = std::fs::remove_dir_all(&home);
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn a_terminal_that_says_it_is_light_gets_the_light_theme() {
    let out = on_terminal(&["config"], &[], Some(LIGHT));
    assert!(out.contains("\x1b]11;?"), "the background was asked: {out:?}");
    assert!(out.contains("theme: auto: light (the terminal's background, asked with OSC 11)"), "{out:?}");
    let dark = on_terminal(&["config"], &[("COLORFGBG", "0;15")], Some(DARK));
    assert!(dark.contains("theme: auto: dark (the terminal's background"), "its answer beats COLORFGBG: {dark:?}");
}

#[test]
fn a_terminal_that_cannot_say_falls_back_to_colorfgbg_then_dark() {
    let light = on_terminal(&["config"], &[("COLORFGBG", "0;15")], Some(ATTRIBUTES_ONLY));
    assert!(light.contains("theme: auto: light (COLORFGBG"), "{light:?}");
    let dark = on_terminal(&["config"], &[], Some(ATTRIBUTES_ONLY));
    assert!(dark.contains("theme: auto: dark (neither"), "{dark:?}");
}

/// A terminal that answers nothing: the probe gives up (after 50 ms,
/// `benches/compare.sh` times it) and versus goes on.
#[test]
fn a_terminal_that_never_answers_does_not_stop_versus() {
    let out = on_terminal(&["config"], &[], None);
    assert!(out.contains("theme: auto: dark (neither"), "{out:?}");
}

#[test]
fn a_named_theme_or_no_color_never_asks() {
    let out = on_terminal(&["config"], &[("NO_COLOR", "1")], Some(LIGHT));
    assert!(!out.contains("\x1b]11;?"), "asked anyway: {out:?}");
    assert!(out.contains("theme: no colour (NO_COLOR is set)"), "{out:?}");
    let config = std::env::temp_dir().join(format!("versus-theme-named-{}", std::process::id()));
    std::fs::create_dir_all(config.join("versus")).expect("dir");
    std::fs::write(config.join("versus/config.ron"), "(theme: \"light\")").expect("write");
    let out = on_terminal(&["config"], &[("XDG_CONFIG_HOME", config.to_str().expect("utf-8"))], Some(DARK));
    assert!(!out.contains("\x1b]11;?") && out.contains("theme: light"), "{out:?}");
    let _ = std::fs::remove_dir_all(&config);
}
