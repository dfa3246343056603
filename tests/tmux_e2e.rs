//! The real binary in a real terminal (tmux): every tab, help, the
//! expanded view, quitting with q, Ctrl-C and SIGTERM, a too-small window —
//! and after each exit, a terminal that is back in its normal mode.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The binary under test: the one cargo built for these tests, or the one
/// `VERSUS_E2E_BIN` names (a release build, say); no test builds anything.
fn release_binary() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var_os("VERSUS_E2E_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_versus")), PathBuf::from)
    })
}

/// A tmux server of our own, with one 120×40 window running `command` in `sh`.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, command: &str) -> Tmux {
        Tmux::start_with_state(
            name,
            command,
            &std::env::temp_dir().join(format!("versus-e2e-state-{}-{name}", std::process::id())),
        )
    }

    /// Like `start`, with the wizard's saved answers kept under `state` (XDG_STATE_HOME).
    fn start_with_state(name: &str, command: &str, state: &std::path::Path) -> Tmux {
        Tmux::start_sized(name, command, state, (120, 40))
    }

    fn start_sized(name: &str, command: &str, state: &std::path::Path, (w, h): (u16, u16)) -> Tmux {
        let tmux = Tmux { socket: format!("versus-e2e-{}-{name}", std::process::id()) };
        let command = format!("XDG_STATE_HOME='{}' {command}", state.display());
        // The pane runs a shell that starts versus and, after it exits, reports
        // its exit code and whether the terminal is back in canonical (cooked) mode.
        let script = format!("{command}; echo \"exit=$?\"; stty -a | grep -o -- '-*icanon'; sleep 60");
        let (w, h) = (w.to_string(), h.to_string());
        tmux.run(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", &w, "-y", &h, "sh", "-c", &script]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("NO_COLOR", "")
            .output()
            .expect("tmux is installed (CI installs it with apt-get)");
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "main"])
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "main", key]);
        }
    }

    /// Waits until every one of `texts` is on screen, or fails showing the screen.
    fn wait_for(&self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {texts:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn wait_gone(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{text:?} stayed on screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// After versus exits: its exit code is 0, the app is gone from the
    /// screen (alternate screen left) and the terminal is no longer raw.
    fn assert_clean_exit(&self) {
        self.assert_exit(0);
    }

    /// After versus exits with `code`: the terminal is back in cooked mode and the app is gone.
    fn assert_exit(&self, code: i32) {
        let screen = self.wait_for(&["exit=", "icanon"]);
        assert!(screen.contains(&format!("exit={code}")), "exit code {code} expected:\n{screen}");
        assert!(!screen.contains("-icanon"), "terminal left in raw mode:\n{screen}");
        assert!(!screen.contains("┌ Features"), "the app is still on screen:\n{screen}");
    }

    /// The pid of versus: the child of the pane's shell.
    fn app_pid(&self) -> String {
        let shell = self.run(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
        let out = Command::new("pgrep").args(["-P", shell.trim()]).output().expect("pgrep");
        String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}

#[test]
fn visit_every_tab_open_help_and_quit_with_q() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("tour", &bin);
    t.wait_for(&["┌ Features", "6 Decide", "Philosophy", "Batteries-included", "Lightweight"]);
    t.keys(&["2"]);
    t.wait_for(&["Django · Pros", "Flask · Pros", "+ With so much built in", "Cons"]);
    t.keys(&["Tab"]);
    t.wait_for(&["Who fits, and why", "★ signature", "Wagtail"]);
    t.keys(&["]"]);
    t.wait_for(&["Discussion", "Scalability", "One monolith"]);
    t.keys(&["Tab"]);
    t.wait_for(&["Questions", "6. Does Flask run faster than Django?", "Neither wins across the board"]);
    t.keys(&["j", "j", "j", "j", "j", "Enter"]);
    let expanded = t.wait_for(&["┌ FAQ ", "Does Flask run faster than Django?"]);
    assert!(!expanded.contains("1. Overall, which"), "the expanded answer covers the list:\n{expanded}");
    t.keys(&["Escape"]);
    t.wait_for(&["Questions", "1. Overall, which"]);
    t.keys(&["6"]);
    t.wait_for(&["Decide — questions", "Question 1 of 10", "How large and complex is the project?"]);
    t.keys(&["["]);
    t.wait_for(&["Questions"]);
    t.keys(&["?"]);
    t.wait_for(&["Keys — ? or Esc closes", "go to tab by number"]);
    t.keys(&["End"]);
    t.wait_for(&["Keys — ? or Esc closes", "click a tab", "start over"]);
    t.keys(&["?"]);
    t.wait_gone("Keys — ? or Esc closes");
    t.keys(&["q"]);
    t.assert_clean_exit();
}

/// At 80×24, as a new user: Esc on every tab with nothing open leaves the
/// app running; ←/→ move between the Pros/Cons columns; the Overview shows
/// the homepages; o opens one with the opener, c says what it copied.
#[test]
fn esc_never_quits_arrows_cross_columns_and_links_open_at_80x24() {
    let bin = release_binary().display().to_string();
    let dir = std::env::temp_dir().join(format!("versus-e2e-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let opened = dir.join("opened");
    let opener = dir.join("opener.sh");
    std::fs::write(&opener, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display())).expect("opener");
    let _ = Command::new("chmod").arg("+x").arg(&opener).status();
    let command = format!("VERSUS_OPENER='{}' {bin}", opener.display());
    let t = Tmux::start_sized("columns", &command, &dir.join("state"), (80, 24));
    t.wait_for(&["┌ Features", "Django vs Flask"]);
    for tab in ["1", "2", "3", "4", "5", "6", "7"] {
        t.keys(&[tab, "Escape", "Escape"]);
        // A key right after Esc would read as Alt and that key, in any terminal: a person pauses.
        std::thread::sleep(Duration::from_millis(150));
        t.wait_for(&["? help"]);
    }
    t.keys(&["2"]);
    // The position counts within the subject: Django has 6 pros, 4 cons and
    // 6 at-a-glance rows, Flask 6, 6 and 6.
    t.wait_for(&["Django · Pros", "Flask · Pros", " Django 1/16 "]);
    t.keys(&["Right"]);
    t.wait_for(&[" Flask 1/18 "]);
    t.keys(&["j", "j", "h"]);
    t.wait_for(&[" Django 3/16 "]);
    t.keys(&["l"]);
    t.wait_for(&[" Flask 3/18 "]);
    t.keys(&["Right"]);
    t.wait_for(&[" Flask 3/18 "]);
    t.keys(&["Enter"]);
    t.wait_for(&["shown whole here"]);
    t.keys(&["7", "j"]);
    t.wait_for(&["https://www.djangoproject.com/"]);
    t.keys(&["o"]);
    t.wait_for(&["Opening https://www.djangoproject.com/"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&opened).unwrap_or_default() != "https://www.djangoproject.com/" {
        assert!(Instant::now() < deadline, "the opener was not run with the homepage");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["j"]);
    t.wait_for(&["https://flask.palletsprojects.com/"]);
    t.keys(&["c"]);
    t.wait_for(&["Copied \"Flask\""]);
    t.keys(&["1", "o"]);
    t.wait_for(&["Nothing to open: the selection has no link"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_c_quits_cleanly() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("ctrlc", &bin);
    t.wait_for(&["┌ Features"]);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
}

#[test]
fn signals_restore_the_terminal_and_exit_with_128_plus_n() {
    let bin = release_binary().display().to_string();
    for (signal, code) in [("TERM", 143), ("QUIT", 131), ("INT", 130), ("HUP", 129)] {
        let t = Tmux::start(&format!("sig{signal}"), &bin);
        t.wait_for(&["┌ Features"]);
        let pid = t.app_pid();
        assert!(!pid.is_empty(), "versus is running");
        let status = Command::new("kill").args([&format!("-{signal}"), &pid]).status().expect("kill");
        assert!(status.success());
        t.assert_exit(code);
    }
}

/// A pane running an interactive shell (job control on), for Ctrl-Z and `fg`.
fn shell(name: &str) -> Tmux {
    let tmux = Tmux { socket: format!("versus-e2e-{}-{name}", std::process::id()) };
    tmux.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        "120",
        "-y",
        "40",
        "bash",
        "--norc",
        "--noprofile",
        "-i",
    ]);
    tmux.wait_for(&["bash-"]);
    tmux
}

#[test]
fn ctrl_z_gives_the_shell_a_sane_terminal_and_fg_brings_the_app_back() {
    let bin = release_binary().display().to_string();
    let state = std::env::temp_dir().join(format!("versus-e2e-suspend-{}", std::process::id()));
    let t = shell("suspend");
    t.keys(&[&format!("XDG_STATE_HOME={} {bin}; echo exit=$?", state.display()), "Enter"]);
    t.wait_for(&["┌ Features"]);
    for stop in ["C-z", "kill"] {
        if stop == "kill" {
            // The app is the pane shell's child (other tests run their own versus meanwhile).
            let pid = t.app_pid();
            assert!(Command::new("kill").args(["-TSTP", &pid]).status().expect("kill").success());
        } else {
            t.keys(&["C-z"]);
        }
        t.wait_for(&["Stopped"]);
        t.keys(&["clear; stty -a | grep -o -- '-*icanon' ; stty -a | grep -o -- ' -*echo '", "Enter"]);
        let screen = t.wait_for(&["icanon"]);
        assert!(!screen.contains("-icanon") && !screen.contains("-echo"), "the shell got a raw terminal:\n{screen}");
        assert!(!screen.contains("┌ Features"), "the app is still on screen:\n{screen}");
        t.keys(&["fg", "Enter"]);
        t.wait_for(&["┌ Features", "2 Pros"]);
        t.keys(&["5"]);
        t.wait_for(&["Questions"]);
        t.keys(&["1"]);
        t.wait_for(&["Detail"]);
    }
    t.keys(&["q"]);
    t.wait_gone("Pros/Cons");
    // After `fg` the shell reports the job's status as fg's own.
    t.keys(&["echo exit=$?", "Enter"]);
    t.wait_for(&["exit=0"]);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_10k_paste_into_the_filter_then_ctrl_c_quits_at_once() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("paste", &bin);
    t.wait_for(&["┌ Features"]);
    t.keys(&["5", "/"]);
    t.wait_for(&["/ "]);
    let text: String = "faster flask django\n".repeat(600).chars().take(10_240).collect();
    let file = std::env::temp_dir().join(format!("versus-paste-{}.txt", std::process::id()));
    std::fs::write(&file, text).expect("write");
    t.run(&["load-buffer", &file.display().to_string()]);
    t.run(&["paste-buffer", "-p", "-t", "main"]);
    t.wait_for(&["/ faster flask django faster"]);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_tiny_window_says_so_and_recovers() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("tiny", &format!("{bin} --data django-vs-flask-vs-fastapi"));
    t.wait_for(&["FastAPI"]);
    t.run(&["resize-window", "-t", "main", "-x", "30", "-y", "8"]);
    t.wait_for(&["Terminal too small"]);
    t.run(&["resize-window", "-t", "main", "-x", "1", "-y", "1"]);
    // Not a wait for something: the app is left at 1×1 for a while, drawing into it.
    std::thread::sleep(Duration::from_millis(300));
    t.run(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    t.wait_for(&["┌ Features", "FastAPI"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
}

/// The underlined (highlighted) characters of the first screen line whose text
/// contains `needle`, read with colours on (`capture-pane -e`).
fn underlined_on_line(tmux: &Tmux, needle: &str) -> String {
    let screen = tmux.run(&["capture-pane", "-p", "-e", "-t", "main"]);
    for line in screen.lines() {
        let (mut plain, mut underlined, mut on) = (String::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' && chars.peek() == Some(&'[') {
                chars.next();
                let params: String = chars.by_ref().take_while(|&p| p != 'm').collect();
                for p in params.split(';') {
                    match p {
                        "4" => on = true,
                        "0" | "" | "24" => on = false,
                        _ => {}
                    }
                }
                continue;
            }
            plain.push(c);
            if on {
                underlined.push(c);
            }
        }
        if plain.contains(needle) {
            return underlined;
        }
    }
    String::new()
}

#[test]
fn faq_search_and_search_everything() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("search", &bin);
    t.wait_for(&["┌ Features"]);
    t.keys(&["5"]);
    t.wait_for(&["Questions"]);
    t.keys(&["/", "f", "a", "s", "t", "e", "r"]);
    let screen = t.wait_for(&["/ faster", "/13 "]);
    // A word, not letters scattered over every answer: a few of the twelve
    // questions (its synonyms "fast" and "speed" included).
    let before_slash = screen.split("/ faster").nth(1).and_then(|r| r.split('/').next()).unwrap_or("");
    let kept: usize = before_slash.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(99);
    assert!(kept <= 4, "`/faster` keeps {kept} of 12:\n{screen}");
    let first = screen.lines().find(|l| l.contains("│") && l.contains(". ") && !l.contains("Question")).unwrap_or("");
    assert!(
        first.contains("1. Does Flask run faster than Django?  #6"),
        "first hit, ranked, with its number:\n{screen}"
    );
    assert_eq!(underlined_on_line(&t, "1. Does Flask run faster"), "faster", "the matched word is highlighted");
    t.keys(&["Enter"]);
    t.wait_for(&["For small and medium-sized apps it can, because"]);
    t.keys(&["Escape"]);
    t.wait_gone("/ faster");
    // A key right after Esc would read as Alt and that key, in any terminal: a person pauses.
    std::thread::sleep(Duration::from_millis(100));
    t.keys(&["C-p"]);
    t.wait_for(&["Search everything"]);
    t.keys(&["a", "d", "m", "i", "n"]);
    t.wait_for(&["> admin", "hits", "Admin panel: Auto-generated"]);
    t.keys(&["Enter"]);
    let screen = t.wait_gone("Search everything");
    assert!(screen.contains("Django builds a data-management interface"), "the admin-panel row's detail:\n{screen}");
    assert!(screen.contains("6/22"), "the admin-panel row is selected:\n{screen}");
    t.keys(&["q"]);
    t.assert_clean_exit();
}

/// Closing the terminal under the app (the window, the ssh session) must end
/// it, not leave it spinning on a dead tty.
#[test]
fn a_closed_terminal_ends_the_app() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("hangup", &bin);
    t.wait_for(&["┌ Features"]);
    let pid = t.app_pid();
    assert!(!pid.is_empty(), "versus is running");
    t.run(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break; // exited; waiting for its parent to reap it
        }
        assert!(Instant::now() < deadline, "versus (pid {pid}) still runs after its terminal closed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Answers every question of the default data by its number key, leaning
/// toward `subject`, and reads the recommendation.
/// Answers every question as someone leaning toward `subject` would, with
/// ↓ and Enter, in a window tall enough for the whole result; checks the
/// winner and that the page lists every reason `versus decide --saved` gives.
fn answer_toward(name: &str, subject: &str, other: &str, winner: &str) {
    let c = versus::data::default_comparison().expect("default data");
    let app = versus::app::App::new(c);
    let picks = common_options_toward(&app, subject, other);
    let bin = release_binary().display().to_string();
    let state = std::env::temp_dir().join(format!("versus-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let t = Tmux::start_sized(name, &bin, &state, (160, 120));
    t.wait_for(&["┌ Features"]);
    t.keys(&["6"]);
    t.wait_for(&["Question 1 of"]);
    for (i, pick) in picks.iter().enumerate() {
        for _ in 0..*pick {
            t.keys(&["Down"]);
        }
        t.keys(&["Enter"]);
        if i + 1 < picks.len() {
            t.wait_for(&[&format!("Question {} of", i + 2)]);
        }
    }
    t.wait_for(&["Your answers", &format!("{} of {}", picks.len(), picks.len())]);
    t.keys(&["r"]);
    let screen = t.wait_for(&[&format!("{winner} fits these answers best"), &format!("What counted for {winner}")]);
    assert!(screen.contains("█"), "the result has bars:\n{screen}");
    t.keys(&["q"]);
    t.assert_clean_exit();
    // Every reason, for and against each subject, is on the page.
    let out = Command::new(&bin)
        .args(["decide", "--saved", "--format", "json"])
        .env("XDG_STATE_HOME", &state)
        .output()
        .expect("versus decide runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let reasons: usize = report["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| s["for"].as_array().map_or(0, Vec::len) + s["against"].as_array().map_or(0, Vec::len))
        .sum();
    let shown = screen
        .lines()
        .filter(|l| l.trim_start_matches('│').trim_start().starts_with(['+', '-']) && l.contains(" — "))
        .count();
    assert_eq!(shown, reasons, "reasons on the page vs versus decide --saved:\n{screen}");
    let _ = std::fs::remove_dir_all(&state);
}

fn common_options_toward(app: &versus::app::App, subject: &str, other: &str) -> Vec<usize> {
    let index = |id: &str| app.data.subjects.iter().position(|s| s.id.as_str() == id).unwrap_or(0);
    versus::wizard::leaning(&app.data, index(subject), index(other)).into_iter().map(|o| o.unwrap_or(0)).collect()
}

#[test]
fn the_wizard_recommends_django_for_a_large_admin_heavy_content_site() {
    answer_toward("wizard-django", "django", "flask", "Django");
}

#[test]
fn the_wizard_recommends_flask_for_a_small_flexible_service() {
    answer_toward("wizard-flask", "flask", "django", "Flask");
}

#[test]
fn saved_answers_survive_every_tab_key_and_start_over_asks_and_undoes() {
    let bin = release_binary().display().to_string();
    let state = std::env::temp_dir().join(format!("versus-e2e-resume-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let file = state.join("versus/answers-django-vs-flask.json");
    {
        let t = Tmux::start_with_state("resume-1", &bin, &state);
        t.wait_for(&["┌ Features"]);
        t.keys(&["6"]);
        t.wait_for(&["Question 1 of 10"]);
        t.keys(&["Down", "Down", "Enter"]);
        t.wait_for(&["Question 2 of 10"]);
        t.keys(&["Enter"]);
        t.wait_for(&["Question 3 of 10"]);
        t.keys(&["q"]);
        t.assert_clean_exit();
    }
    let saved = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(saved.contains("\"size\": \"large\"") && saved.contains("\"admin\": \"essential\""), "{saved}");
    let t = Tmux::start_with_state("resume-2", &bin, &state);
    t.wait_for(&["┌ Features"]);
    t.keys(&["6"]);
    t.wait_for(&[
        "Your 2 answers of",
        "are back",
        "Large, complex application",
        "Yes, staff will edit data through it",
    ]);
    // Every key that switches tabs, pressed on the Decide tab, switches tabs and answers nothing.
    // Sent at once: each tab switch ends a batch, and the keys after it wait for its frame.
    t.keys(&["1", "6", "2", "6", "3", "6", "4", "6", "5", "6", "7", "6", "Tab", "BTab", "]", "[", "Escape"]);
    // A key right after Esc would read as Alt and that key, in any terminal: a person pauses.
    std::thread::sleep(Duration::from_millis(60));
    t.keys(&["6"]);
    t.wait_for(&["Your answers", "2 of 10", "Large, complex application"]);
    let saved = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(saved.contains("\"size\": \"large\"") && saved.contains("\"admin\": \"essential\""), "{saved}");
    // Start over asks; Esc keeps; y clears; u brings them back.
    t.keys(&["x"]);
    t.wait_for(&["Start over and clear your 2 answers?"]);
    t.keys(&["Escape"]);
    t.wait_gone("Start over and clear");
    t.keys(&["x"]);
    t.wait_for(&["Start over and clear your 2 answers?"]);
    t.keys(&["y"]);
    t.wait_for(&["Answers cleared", "Question 1 of 10"]);
    t.keys(&["u"]);
    t.wait_for(&["Your answers are back", "2 of 10", "Large, complex application"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let saved = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(saved.contains("\"size\": \"large\""), "undo saved them again: {saved}");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn the_result_page_reranks_live_and_writes_a_record_that_rechecks() {
    let bin = release_binary().display().to_string();
    let dir = std::env::temp_dir().join(format!("versus-e2e-record-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    // env -C: the app runs in `dir` (where it writes the record), with the test's state directory.
    let command = format!("env -C '{}' {bin}", dir.display());
    let t = Tmux::start_sized("record", &command, &dir.join("state"), (120, 50));
    t.wait_for(&["┌ Features"]);
    t.keys(&["6"]);
    t.wait_for(&["Question 1 of 10"]);
    t.keys(&["Enter", "r"]);
    t.wait_for(&["Flask fits these answers best", "Your answers", "What counted for Flask"]);
    // The highlighted answer (question 1) matters less and less: the leader goes, then comes back.
    t.keys(&["-", "-"]);
    t.wait_for(&["No answer pushes any way yet"]);
    t.keys(&["+", "+"]);
    t.wait_for(&["Flask fits these answers best"]);
    t.keys(&["w"]);
    t.wait_for(&["Decision record written to ./decision-django-vs-flask.md"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let record = dir.join("decision-django-vs-flask.md");
    let text = std::fs::read_to_string(&record).expect("the record exists");
    assert!(text.starts_with("---\nstatus: proposed\n") && text.contains("\n# Choose Flask"), "{text}");
    let out = Command::new(&bin).args(["recheck", &record.display().to_string()]).output().expect("recheck runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

/// At 80×24, in a project that keeps its records in docs/decisions: a tie's
/// record is offered there, numbered after its neighbour, or here; Enter
/// writes it there, and it rechecks.
#[test]
fn a_tie_record_goes_into_the_decision_folder_numbered_after_its_neighbours() {
    let bin = release_binary().display().to_string();
    let dir = std::env::temp_dir().join(format!("versus-e2e-adr-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let decisions = dir.join("docs/decisions");
    std::fs::create_dir_all(&decisions).expect("dir");
    std::fs::write(decisions.join("0001-use-postgres.md"), "# Use PostgreSQL\n").expect("neighbour");
    let command = format!("env -C '{}' {bin}", dir.display());
    let t = Tmux::start_sized("adr", &command, &dir.join("state"), (80, 24));
    t.wait_for(&["┌ Features"]);
    t.keys(&["6"]);
    t.wait_for(&["Question 1 of 10"]);
    // A small app that needs an admin panel: Django and Flask tie.
    t.keys(&["Enter", "Enter", "r"]);
    t.wait_for(&["No clear winner", "Tie between Django and Flask"]);
    t.keys(&["w"]);
    let name = "0002-django-vs-flask-no-clear-winner-yet.md";
    t.wait_for(&["Write the decision record to", &format!("docs/decisions/{name}"), "(here)", "Enter choose"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Decision record written to docs/decisions/0002"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let record = decisions.join(name);
    let text = std::fs::read_to_string(&record).expect("the record is in the folder");
    assert!(
        text.contains("\n# Django vs Flask: no clear winner yet\n") && !text.contains("### Consequences"),
        "{text}"
    );
    let out = Command::new(&bin).args(["recheck", &decisions.display().to_string()]).output().expect("recheck runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("holds: still no clear winner"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A data home with one comparison of the user's own, `rust-vs-go`, written by `versus new`.
fn data_home(tag: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let home = std::env::temp_dir().join(format!("versus-e2e-data-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let out = Command::new(release_binary())
        .args(["new", "rust-vs-go"])
        .env("XDG_DATA_HOME", &home)
        .output()
        .expect("versus new runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end());
    (home, file)
}

#[test]
fn the_picker_switches_the_whole_app_to_another_comparison() {
    let bin = release_binary().display().to_string();
    let (home, _) = data_home("picker");
    let state = std::env::temp_dir().join(format!("versus-e2e-picker-state-{}", std::process::id()));
    let t = Tmux::start_sized("picker", &format!("XDG_DATA_HOME='{}' {bin}", home.display()), &state, (80, 24));
    t.wait_for(&["Django vs Flask", "┌ Features"]);
    t.keys(&["C-o"]);
    let screen = t.wait_for(&["Open a comparison", "3 of 3", "• django-vs-flask ", "rust-vs-go", "(yours)"]);
    assert!(screen.contains("django-vs-flask-vs-…") || screen.contains("django-vs-flask-vs-fastapi"), "{screen}");
    // Type to filter, then Enter opens the one left.
    t.keys(&["r", "u", "s", "t", "-"]);
    t.wait_for(&["1 of 3", "Rust vs Go"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Rust vs Go ", "Opened Rust vs Go.", "productive with Rust"]);
    // The whole app follows: search finds the new comparison's entries, not the old one's.
    t.keys(&["C-p", "l", "e", "a", "r", "n"]);
    t.wait_for(&["Learning curve"]);
    // Esc, then what follows once it has been read (a key right after Esc reads as Alt and that key).
    t.keys(&["Escape"]);
    t.wait_gone("Search everything");
    t.keys(&["C-o"]);
    t.wait_for(&["• rust-vs-go"]);
    // Esc closes the picker and leaves the comparison as it was.
    t.keys(&["Escape"]);
    t.wait_gone("Open a comparison");
    t.keys(&["C-o", "Up", "Enter"]);
    t.wait_for(&["Django vs Flask vs FastAPI"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

/// A word in no comparison's name, title or subjects: the picker searches
/// their contents and lists those that have it, with how many entries do;
/// Enter opens one.
#[test]
fn the_picker_finds_comparisons_by_their_content_when_no_name_matches() {
    let bin = release_binary().display().to_string();
    let (home, _) = data_home("picker-content");
    let state = std::env::temp_dir().join(format!("versus-e2e-picker-content-state-{}", std::process::id()));
    let t =
        Tmux::start_sized("picker-content", &format!("XDG_DATA_HOME='{}' {bin}", home.display()), &state, (100, 30));
    t.wait_for(&["┌ Features"]);
    t.keys(&["C-o"]);
    t.wait_for(&["Open a comparison", "3 of 3"]);
    // "orm" is in no name, title or subject (fzf's fuzzy matching finds "jinja" in a title's letters).
    for k in ["o", "r", "m"] {
        t.keys(&[k]);
    }
    let screen = t.wait_for(&["2 of 3 by content", "django-vs-flask ", " entries"]);
    assert!(!screen.contains("rust-vs-go"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for(&["Opened Django vs Flask vs FastAPI"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn watch_reloads_rename_saves_and_keeps_the_last_good_version_under_a_banner() {
    let bin = release_binary().display().to_string();
    let (home, file) = data_home("watch");
    let dir = file.parent().expect("a directory").to_path_buf();
    let state = std::env::temp_dir().join(format!("versus-e2e-watch-state-{}", std::process::id()));
    let command = format!("XDG_DATA_HOME='{}' {bin} --data rust-vs-go --watch", home.display());
    let t = Tmux::start_sized("watch", &command, &state, (80, 24));
    t.wait_for(&["Rust vs Go ", "┌ Features"]);
    t.keys(&["3"]);
    t.wait_for(&["┌ Use cases"]);
    let original = std::fs::read_to_string(&file).expect("starter");
    // Saved the way vim and many IDEs save: a new file renamed over the old one.
    let rename_save = |text: &str| {
        let temp = dir.join(".rust-vs-go.ron.swp");
        std::fs::write(&temp, text).expect("write temp");
        std::fs::rename(&temp, &file).expect("rename over");
    };
    let revised = original.replacen("title: \"Rust vs Go\"", "title: \"Rust vs Go, revised\"", 1);
    assert_ne!(revised, original, "the starter's title line is as expected");
    rename_save(&revised);
    t.wait_for(&["Rust vs Go, revised", "┌ Use cases"]);

    // An invalid save: the banner names line and column, the last good version stays.
    let broken = revised.replacen("title: \"Rust vs Go, revised\",", "title: \"Rust vs Go, broken\" oops,", 1);
    let line = broken.lines().position(|l| l.contains("oops")).expect("the broken line") + 1;
    std::fs::write(&file, &broken).expect("write in place");
    let screen = t.wait_for(&["Not reloaded", &format!(":{line}:")]);
    assert!(screen.contains("Rust vs Go, revised") && screen.contains("┌ Use cases"), "{screen}");
    assert!(!screen.contains("broken\""), "{screen}");
    // Fixing it removes the banner.
    rename_save(&revised.replacen("Rust vs Go, revised", "Rust vs Go, fixed", 1));
    t.wait_for(&["Rust vs Go, fixed"]);
    t.wait_gone("Not reloaded");
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn watch_on_a_file_that_does_not_load_yet_waits_for_a_good_save() {
    let bin = release_binary().display().to_string();
    let (home, file) = data_home("watch-broken");
    let good = std::fs::read_to_string(&file).expect("starter");
    let broken = good.replacen("title: \"Rust vs Go\",", "title: \"Rust vs Go\" oops,", 1);
    std::fs::write(&file, &broken).expect("break it");
    let state = std::env::temp_dir().join(format!("versus-e2e-watch-broken-state-{}", std::process::id()));
    let command = format!("XDG_DATA_HOME='{}' {bin} --data rust-vs-go --watch", home.display());
    let t = Tmux::start_sized("watch-broken", &command, &state, (100, 30));
    t.wait_for(&["Expected comma", "waiting for a save that loads"]);
    std::fs::write(&file, good.replacen("title: \"Rust vs Go\"", "title: \"Rust vs Go, at last\"", 1)).expect("fix it");
    t.wait_for(&["Rust vs Go, at last", "┌ Features", "Watching rust-vs-go"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_remapped_quit_key_quits_and_the_help_and_status_line_show_it() {
    let bin = release_binary().display().to_string();
    let config = std::env::temp_dir().join(format!("versus-e2e-config-{}", std::process::id()));
    std::fs::create_dir_all(config.join("versus")).expect("config dir");
    let remap = "(\n  keys: {\n    \"quit\": [\"Q\", \"ctrl-c\"],\n    \"help\": [\"f1\"],\n  },\n)\n";
    std::fs::write(config.join("versus/config.ron"), remap).expect("write config");
    let state = config.join("state");
    let command = format!("XDG_CONFIG_HOME='{}' {bin}", config.display());
    let t = Tmux::start_sized("remap", &command, &state, (100, 30));
    // The status line shows the keys in effect (waited for: the tab's box can
    // be on screen before the rest of the first frame).
    t.wait_for(&["┌ Features", "F1 help", "Q quit"]);
    // q is no longer bound: the app keeps running.
    t.keys(&["q", "2"]);
    t.wait_for(&["Django · Pros"]);
    t.keys(&["F1"]);
    let help = t.wait_for(&["Keys — F1 or Esc closes", " quit (Ctrl-C always quits"]);
    let quit_row = help
        .lines()
        .find(|l| l.contains(" quit (Ctrl-C always quits"))
        .unwrap_or_else(|| panic!("no quit row:\n{help}"));
    assert!(quit_row.contains("Q Ctrl-C"), "{quit_row}");
    // Esc, then Q once help has closed (a key right after Esc reads as Alt and that key).
    t.keys(&["Escape"]);
    t.wait_gone("Keys — F1");
    t.keys(&["Q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&config);
}

/// Ctrl-C quits from a search line even when the config takes it off quit
/// everywhere: the terminal sends it, and nothing in config.ron removes it.
#[test]
fn ctrl_c_quits_a_search_line_whatever_the_config_says() {
    let bin = release_binary().display().to_string();
    let config = std::env::temp_dir().join(format!("versus-e2e-ctrl-c-{}", std::process::id()));
    std::fs::create_dir_all(config.join("versus")).expect("config dir");
    let remap = "(keys: {\"quit\": [\"Q\"]}, search_line_keys: {\"quit\": []}, mouse: false)\n";
    std::fs::write(config.join("versus/config.ron"), remap).expect("write config");
    let state = config.join("state");
    let command = format!("XDG_CONFIG_HOME='{}' {bin}", config.display());
    let t = Tmux::start_sized("ctrl-c-config", &command, &state, (100, 30));
    t.wait_for(&["┌ Features", "Q quit"]);
    t.keys(&["C-p"]);
    t.wait_for(&["Search everything"]);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&config);
}

#[test]
fn an_faq_filter_without_an_answer_points_to_the_rest_of_the_comparison() {
    let bin = release_binary().display().to_string();
    let state = std::env::temp_dir().join(format!("versus-e2e-state-{}-faq-pointer", std::process::id()));
    let t = Tmux::start_sized("faq-pointer", &bin, &state, (80, 24));
    t.wait_for(&["┌ Features"]);
    t.keys(&["5"]);
    t.wait_for(&["Questions"]);
    t.keys(&["/"]);
    for c in "gunicorn".chars() {
        t.keys(&[&c.to_string()]);
    }
    let screen = t.wait_for(&["/ gunicorn", "entries do elsewhere"]);
    assert!(screen.contains("Enter then Ctrl-P"), "the keys that show them:\n{screen}");
    // Enter keeps the filter; Ctrl-P opens the palette on the same words.
    t.keys(&["Enter", "C-p"]);
    let screen = t.wait_for(&["Search everything", "> gunicorn"]);
    assert!(screen.contains("Runs on any WSGI server"), "the hits the FAQ lacks:\n{screen}");
    t.keys(&["Escape"]);
    t.wait_gone("Search everything");
}

#[test]
fn a_raw_10k_paste_is_drained_and_ctrl_c_still_quits() {
    // Without bracketed paste (a terminal without it, or tmux paste-buffer
    // without -p) every character is a key; all of them must be read.
    let bin = release_binary().display().to_string();
    let t = Tmux::start("raw-paste", &bin);
    t.wait_for(&["┌ Features"]);
    t.keys(&["5", "/"]);
    t.wait_for(&["/ "]);
    let text: String = "faster flask django ".repeat(600).chars().take(10_000).collect();
    let file = std::env::temp_dir().join(format!("versus-raw-paste-{}.txt", std::process::id()));
    std::fs::write(&file, text).expect("write");
    t.run(&["load-buffer", &file.display().to_string()]);
    t.run(&["paste-buffer", "-t", "main"]);
    t.wait_for(&["/ faster flask django faster"]);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_stop_during_a_reload_never_paints_on_the_shell() {
    let bin = release_binary().display().to_string();
    let (home, file) = data_home("stop-reload");
    let dir = file.parent().expect("a directory").to_path_buf();
    let state = std::env::temp_dir().join(format!("versus-e2e-stop-reload-{}", std::process::id()));
    // A large, valid version of the file: loading and indexing it takes a
    // while (150,000 pros for a release build, about 0.4 s; a tenth of that
    // for the slower test build, so a reload still ends within a wait).
    let original = std::fs::read_to_string(&file).expect("starter");
    let count = if std::env::var_os("VERSUS_E2E_BIN").is_some() { 150_000 } else { 15_000 };
    let pros: Vec<String> = (0..count)
        .map(|n| format!("\"Pro {n} of Rust: memory safety without a garbage collector, and fearless concurrency.\""))
        .collect();
    let one = "pros: [\"(something Rust does well, in one sentence)\"]";
    assert!(original.contains(one), "the starter's first pros line is as expected");
    let large = original.replacen(one, &format!("pros: [{}]", pros.join(", ")), 1);
    let t = shell("stop-reload");
    let command = format!(
        "XDG_DATA_HOME='{}' XDG_STATE_HOME='{}' {bin} --data rust-vs-go --watch",
        home.display(),
        state.display()
    );
    for run in 0..10_u64 {
        // Each run starts on the small file; only the reload is large.
        std::fs::write(&file, &original).expect("write");
        t.keys(&["clear", "Enter"]);
        t.keys(&[&command, "Enter"]);
        t.wait_for(&["Rust vs Go ", "┌ Features"]);
        let temp = dir.join(".swap");
        std::fs::write(&temp, if run % 2 == 0 { &large } else { &original }).expect("write");
        std::fs::rename(&temp, &file).expect("rename over");
        // Stops at different moments of the reload: before, during and after it, whatever the machine's speed.
        std::thread::sleep(Duration::from_millis(40 + 60 * run));
        let pid = t.app_pid();
        assert!(Command::new("kill").args(["-TSTP", &pid]).status().expect("kill").success());
        t.wait_for(&["Stopped"]);
        t.keys(&["fg", "Enter"]);
        t.wait_for(&["┌ Features"]);
        t.keys(&["q"]);
        let screen = t.wait_gone("┌ Features");
        for drawn in ["Reloaded", "│", "┌", "Rust vs Go"] {
            assert!(!screen.contains(drawn), "run {run}: {drawn:?} was drawn on the shell's screen:\n{screen}");
        }
    }
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn special_files_never_freeze_the_picker_or_a_watched_reload() {
    let bin = release_binary().display().to_string();
    let (home, file) = data_home("special");
    let dir = file.parent().expect("a directory").to_path_buf();
    assert!(Command::new("mkfifo").arg(dir.join("fifo.ron")).status().is_ok_and(|s| s.success()));
    std::os::unix::fs::symlink("/dev/tty", dir.join("tty.ron")).expect("link");
    let state = std::env::temp_dir().join(format!("versus-e2e-special-{}", std::process::id()));
    let command = format!("XDG_DATA_HOME='{}' {bin} --data rust-vs-go --watch", home.display());
    let t = Tmux::start_sized("special", &command, &state, (100, 30));
    t.wait_for(&["Rust vs Go ", "┌ Features"]);
    t.keys(&["C-o"]);
    t.wait_for(&["Open a comparison", "5 of 5", "fifo", "tty", "cannot be opened"]);
    t.keys(&["^", "f", "i", "f", "o"]);
    t.wait_for(&["1 of 5", "not a regular file (a named pipe)"]);
    t.keys(&["Enter"]);
    t.wait_for(&["fifo cannot be opened"]);
    t.keys(&["Escape"]);
    t.wait_gone("Open a comparison");
    // The watched file replaced by a FIFO: refused at once, the app still answers keys.
    std::fs::remove_file(&file).expect("remove");
    assert!(Command::new("mkfifo").arg(&file).status().is_ok_and(|s| s.success()));
    t.wait_for(&["not a regular file"]);
    t.keys(&["2"]);
    t.wait_for(&["Rust · Pros"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&home);
    let _ = std::fs::remove_dir_all(&state);
}

/// Deciding together in the real terminal at 80×24: two colleagues' answer
/// files (written by `decide --format answers`) opened with `--with`; t shows
/// the Together page, an answer of your own joins the group live, E writes
/// your answer file, and w the group's record, which rechecks.
#[test]
fn together_with_two_answer_files_joins_you_live_and_writes_the_groups_record() {
    let bin = release_binary().display().to_string();
    let dir = std::env::temp_dir().join(format!("versus-e2e-together-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, answers) in [("alice", ["size=small", "team=flask_team"]), ("bob", ["size=large", "team=django_team"])] {
        let mut args = vec!["decide", "--format", "answers", "--as", name];
        for a in answers {
            args.extend(["--answer", a]);
        }
        let out = Command::new(&bin).args(&args).output().expect("decide runs");
        assert!(out.status.success());
        std::fs::write(dir.join(format!("{name}.json")), out.stdout).expect("write");
    }
    let command = format!("env -C '{}' USER=carol {bin} --with alice.json --with bob.json", dir.display());
    let t = Tmux::start_sized("together", &command, &dir.join("state"), (80, 24));
    t.wait_for(&["Deciding with alice, bob: t on the Decide tab"]);
    t.keys(&["6", "t"]);
    t.wait_for(&["Decide — together", "alice", "bob", "You have not answered yet"]);
    // Enter on the first question, the first option: your column joins.
    t.keys(&["Enter", "Enter"]);
    t.wait_for(&["Decide — together", "you", "group"]);
    t.wait_gone("You have not answered yet");
    t.keys(&["E"]);
    t.wait_for(&["Your answers written to ./answers-carol.json"]);
    t.keys(&["w"]);
    t.wait_for(&["Decision record written to"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let mine = std::fs::read_to_string(dir.join("answers-carol.json")).expect("the answer file");
    assert!(mine.contains("\"name\": \"carol\"") && mine.contains("\"size\": \"small\""), "{mine}");
    let record = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .expect("a record");
    let text = std::fs::read_to_string(&record).expect("record");
    assert!(text.contains("decision-makers: [\"alice\", \"bob\", \"carol\"]"), "{text}");
    let out = Command::new(&bin).args(["recheck", &record.display().to_string()]).output().expect("recheck runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}
