//! Helpers shared by the view tests: draw the real app into a TestBackend.

#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use versus::app::App;
use versus::data;
use versus::ui::{self, Theme};

pub const SHIPPED: [&str; 2] = ["django-vs-flask", "django-vs-flask-vs-fastapi"];

pub fn app(name: &str) -> App {
    let comparison = data::load_builtin(name).and_then(Result::ok).unwrap_or_else(|| panic!("{name} loads"));
    App::new(comparison)
}

/// Draws `app` at `width`×`height` and returns the terminal, for its buffer.
pub fn render(app: &App, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| ui::draw(frame, app, &theme)).expect("draw");
    terminal
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// For each wizard question, the option that favours `subject` most over
/// `other`: the answers of someone leaning that way.
pub fn options_toward(app: &App, subject: &str, other: &str) -> Vec<usize> {
    let index = |id: &str| app.data.subjects.iter().position(|s| s.id.as_str() == id).unwrap_or(0);
    versus::wizard::leaning(&app.data, index(subject), index(other)).into_iter().map(|o| o.unwrap_or(0)).collect()
}
