//! The real release binary in a real terminal (tmux): every tab, help, the
//! expanded view, quitting with q, Ctrl-C and SIGTERM, a too-small window —
//! and after each exit, a terminal that is back in its normal mode.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Builds the release binary once for all tests in this file.
fn release_binary() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--release", "--quiet", "--bin", "versus"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "release build failed");
        let target =
            std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| format!("{}/target", env!("CARGO_MANIFEST_DIR")));
        PathBuf::from(target).join("release/versus")
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
        let tmux = Tmux { socket: format!("versus-e2e-{}-{name}", std::process::id()) };
        let command = format!("XDG_STATE_HOME='{}' {command}", state.display());
        // The pane runs a shell that starts versus and, after it exits, reports
        // its exit code and whether the terminal is back in canonical (cooked) mode.
        let script = format!("{command}; echo \"exit=$?\"; stty -a | grep -o -- '-*icanon'; sleep 60");
        tmux.run(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "120", "-y", "40", "sh", "-c", &script]);
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
        let screen = self.wait_for(&["exit=", "icanon"]);
        assert!(screen.contains("exit=0"), "exit code:\n{screen}");
        assert!(!screen.contains("-icanon"), "terminal left in raw mode:\n{screen}");
        assert!(!screen.contains("Pros/Cons"), "the app is still on screen:\n{screen}");
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
    t.wait_for(&["1 Features", "6 Decide", "Philosophy", "Batteries-included", "Lightweight"]);
    t.keys(&["2"]);
    t.wait_for(&["Pros and cons", "Pros", "Cons", "+ The batteries-included", "At a glance"]);
    t.keys(&["Tab"]);
    t.wait_for(&["Who fits, and why", "★ signature", "Wagtail"]);
    t.keys(&["l"]);
    t.wait_for(&["Discussion", "Scalability", "Monolithic, good for big systems"]);
    t.keys(&["Right"]);
    t.wait_for(&["Questions", "6. Is Flask faster than Django?", "Neither wins outright"]);
    t.keys(&["j", "j", "j", "j", "j", "Enter"]);
    let expanded = t.wait_for(&["┌ FAQ ", "Is Flask faster than Django?"]);
    assert!(!expanded.contains("1. Which is better"), "the expanded answer covers the list:\n{expanded}");
    t.keys(&["Escape"]);
    t.wait_for(&["Questions", "1. Which is better"]);
    t.keys(&["6"]);
    t.wait_for(&["Decide — questions", "Question 1 of 10", "How large and complex is the project?"]);
    t.keys(&["h"]);
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

#[test]
fn ctrl_c_quits_cleanly() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("ctrlc", &bin);
    t.wait_for(&["1 Features"]);
    t.keys(&["C-c"]);
    t.assert_clean_exit();
}

#[test]
fn sigterm_restores_the_terminal() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("sigterm", &bin);
    t.wait_for(&["1 Features"]);
    let pid = t.app_pid();
    assert!(!pid.is_empty(), "versus is running");
    let status = Command::new("kill").args(["-TERM", &pid]).status().expect("kill");
    assert!(status.success());
    t.assert_clean_exit();
}

#[test]
fn a_tiny_window_says_so_and_recovers() {
    let bin = release_binary().display().to_string();
    let t = Tmux::start("tiny", &format!("{bin} --data django-vs-flask-vs-fastapi"));
    t.wait_for(&["FastAPI"]);
    t.run(&["resize-window", "-t", "main", "-x", "30", "-y", "8"]);
    t.wait_for(&["Terminal too small"]);
    t.run(&["resize-window", "-t", "main", "-x", "1", "-y", "1"]);
    std::thread::sleep(Duration::from_millis(300));
    t.run(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    t.wait_for(&["1 Features", "FastAPI"]);
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
    t.wait_for(&["1 Features"]);
    t.keys(&["5"]);
    t.wait_for(&["Questions"]);
    t.keys(&["/", "f", "a", "s", "t", "e", "r"]);
    let screen = t.wait_for(&["/ faster", "/12 "]);
    // A word, not letters scattered over every answer: a few of the twelve questions.
    let before_slash = screen.split("/ faster").nth(1).and_then(|r| r.split('/').next()).unwrap_or("");
    let kept: usize = before_slash.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(99);
    assert!(kept <= 3, "`/faster` keeps {kept} of 12:\n{screen}");
    let first = screen.lines().find(|l| l.contains("│") && l.contains(". ") && !l.contains("Question")).unwrap_or("");
    assert!(first.contains("1. Is Flask faster than Django?  #6"), "first hit, ranked, with its number:\n{screen}");
    assert_eq!(underlined_on_line(&t, "1. Is Flask faster"), "faster", "the matched word is highlighted");
    t.keys(&["Enter"]);
    t.wait_for(&["For small and medium-sized apps it can be"]);
    std::thread::sleep(Duration::from_millis(100));
    t.keys(&["Escape"]);
    t.wait_gone("/ faster");
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
    t.wait_for(&["1 Features"]);
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
fn answer_toward(name: &str, subject: &str, other: &str, winner: &str) {
    let c = versus::data::open(None).expect("default data");
    let app = versus::app::App::new(c);
    let picks: Vec<String> = common_options_toward(&app, subject, other).iter().map(|o| (o + 1).to_string()).collect();
    let bin = release_binary().display().to_string();
    let t = Tmux::start(name, &bin);
    t.wait_for(&["1 Features"]);
    t.keys(&["6"]);
    t.wait_for(&["Question 1 of"]);
    for pick in &picks {
        t.keys(&[pick]);
    }
    t.wait_for(&["Your answers", &format!("{} of {}", picks.len(), picks.len())]);
    t.keys(&["r"]);
    let screen = t.wait_for(&[&format!("{winner} fits these answers best"), &format!("What counted for {winner}")]);
    assert!(screen.contains("█"), "the result has bars:\n{screen}");
    t.keys(&["q"]);
    t.assert_clean_exit();
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
fn the_wizard_offers_the_answers_saved_last_time() {
    let bin = release_binary().display().to_string();
    let state = std::env::temp_dir().join(format!("versus-e2e-resume-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    {
        let t = Tmux::start_with_state("resume-1", &bin, &state);
        t.wait_for(&["1 Features"]);
        t.keys(&["6"]);
        t.wait_for(&["Question 1 of 10"]);
        t.keys(&["3", "1"]);
        t.wait_for(&["Question 3 of 10"]);
        t.keys(&["q"]);
        t.assert_clean_exit();
    }
    let saved = std::fs::read_to_string(state.join("versus/answers-django-vs-flask.json")).unwrap_or_default();
    assert!(saved.contains("\"size\": \"large\"") && saved.contains("\"admin\": \"essential\""), "{saved}");
    let t = Tmux::start_with_state("resume-2", &bin, &state);
    t.wait_for(&["1 Features"]);
    t.keys(&["6"]);
    t.wait_for(&["You answered 2 questions last time"]);
    t.keys(&["c"]);
    t.wait_for(&["Your answers", "Large, complex application", "Yes, staff will edit data through it"]);
    t.keys(&["q"]);
    t.assert_clean_exit();
    let _ = std::fs::remove_dir_all(&state);
}
