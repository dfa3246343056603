//! Helpers shared by the tests: the shipped comparisons, drawing the real
//! app into a TestBackend, the screen as text, and feeding it events the way
//! the terminal loop does (mapped against the last frame's screen map).

#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use versus::app::App;
use versus::data;
use versus::ui::{self, ScreenMap, Theme};

pub const SHIPPED: [&str; 2] = ["django-vs-flask", "django-vs-flask-vs-fastapi"];

pub fn app(name: &str) -> App {
    let comparison = data::load_builtin(name).and_then(Result::ok).unwrap_or_else(|| panic!("{name} loads"));
    App::new(comparison)
}

/// Draws `app` at `width`×`height`; returns the terminal (for its buffer)
/// and what the frame drew.
pub fn draw(app: &App, width: u16, height: u16, theme: Theme) -> (Terminal<TestBackend>, ScreenMap) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut map = ScreenMap::default();
    terminal.draw(|frame| map = ui::draw(frame, app, &theme)).expect("draw");
    (terminal, map)
}

/// Draws `app` at `width`×`height` and returns the terminal, for its buffer.
pub fn render(app: &App, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
    draw(app, width, height, theme).0
}

/// What a frame of `app` at `width`×`height` drew.
pub fn screen_map(app: &App, width: u16, height: u16) -> ScreenMap {
    draw(app, width, height, Theme::NO_COLOR).1
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    versus::screenshots::text(terminal.backend().buffer())
}

/// Feeds `event` to the app as the terminal loop does: mapped against a
/// frame drawn at `width`×`height`, then applied.
/// What the app asked of the outside world in return (quit, open a link…).
pub fn send(app: &mut App, event: Event, width: u16, height: u16) -> Vec<versus::app::Effect> {
    let map = screen_map(app, width, height);
    match versus::input::map_event(&event, app, &map) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

/// A key press with no modifiers.
pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// For each wizard question, the option that favours `subject` most over
/// `other`: the answers of someone leaning that way.
pub fn options_toward(app: &App, subject: &str, other: &str) -> Vec<usize> {
    let index = |id: &str| app.data.subjects.iter().position(|s| s.id.as_str() == id).unwrap_or(0);
    versus::wizard::leaning(&app.data, index(subject), index(other)).into_iter().map(|o| o.unwrap_or(0)).collect()
}

/// Answers the wizard's questions in turn with these options, as a user
/// would: highlight the option, press Enter.
pub fn answer(app: &mut App, options: &[usize]) {
    use versus::app::Action;
    use versus::wizard::WizardAction;
    for &o in options {
        app.update(Action::Wizard(WizardAction::Cursor(-99)));
        app.update(Action::Wizard(WizardAction::Cursor(o as isize)));
        app.update(Action::Wizard(WizardAction::Pick));
    }
}

/// Runs `command` with its output piped and read as it comes (a full pipe
/// would stop the child), beside the wait; a run that has not returned
/// within `limit` is a hang: it is killed and the test fails, naming `what`.
/// A guard, not a measure of speed.
pub fn output_within(
    command: &mut std::process::Command,
    limit: std::time::Duration,
    what: &str,
) -> std::process::Output {
    use std::process::Stdio;
    let child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary runs");
    let pid = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output()));
    match receive.recv_timeout(limit) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("{what}: did not return within {limit:?}");
        }
    }
}

/// A scratch home for running the binary: its own folder as HOME and as the
/// working directory, with XDG data, state and config inside it, so the
/// machine's own comparisons, answers and config never leak in. Removed
/// when dropped. `tag` names it; each test of a file needs its own.
pub struct Home {
    pub dir: std::path::PathBuf,
}

impl Home {
    pub fn new(tag: &str) -> Home {
        let dir = std::env::temp_dir().join(format!("versus-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Home { dir }
    }

    /// Where the user's comparisons live: `$XDG_DATA_HOME/versus/comparisons`.
    pub fn comparisons(&self) -> std::path::PathBuf {
        self.dir.join("data/versus/comparisons")
    }

    /// The binary with `args`, in this home, reading nothing from standard input.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_versus"));
        command
            .args(args)
            .current_dir(&self.dir)
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env("XDG_STATE_HOME", self.dir.join("state"))
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("HOME", &self.dir)
            .stdin(std::process::Stdio::null());
        command
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A run's standard output, as text.
pub fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A run's standard error, as text.
pub fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
