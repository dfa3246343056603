//! The interactive session: terminal set-up, the event loop, and the promise
//! that the terminal is given back as it was — on quit, on error, on panic,
//! on Ctrl-C and on SIGTERM/SIGHUP.

use std::io::{self, IsTerminal, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::App;
use crate::keys;
use crate::searcher::Searcher;
use crate::ui::{self, Theme};

/// Why the interactive view did not start, or ended badly.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the interactive view needs a terminal, but {0} is not one.\n\
         For plain output use `versus export` (Markdown, or `--format json`)."
    )]
    NotATerminal(&'static str),
    #[error("terminal error: {0}")]
    Io(#[from] io::Error),
}

/// Undoes everything `enter` did. Safe to call more than once, and from a panic hook.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
}

/// Restores the terminal when dropped, whatever path leaves the event loop.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    fn enter() -> Result<Session, TuiError> {
        if !io::stdin().is_terminal() {
            return Err(TuiError::NotATerminal("standard input"));
        }
        if !io::stdout().is_terminal() {
            return Err(TuiError::NotATerminal("standard output"));
        }
        // Restore before the default hook prints, so the message lands on a sane screen.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        terminal::enable_raw_mode()?;
        let session = Session { terminal: Terminal::new(CrosstermBackend::new(io::stdout()))? };
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// How long the event loop gets to finish by itself after a termination signal.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Turns SIGTERM, SIGHUP and SIGINT into `stop`, which the event loop checks.
/// When the terminal itself has gone away (SIGHUP), crossterm 0.29 can spin
/// forever inside `event::poll` reading the dead tty, and the loop never sees
/// the flag; so if the loop has not ended within [`SIGNAL_GRACE`], this
/// thread restores what it can and exits the process itself.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Runs the app until the user quits or a termination signal arrives. The
/// wizard's answers are written to `answers_file` whenever they change.
pub fn run(app: &mut App, theme: Theme, answers_file: Option<&std::path::Path>) -> Result<(), TuiError> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut session = Session::enter()?;
    let searcher = Searcher::start(Arc::clone(&app.index));
    let mut saved_answers = app.wizard.answers.clone();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        searcher.serve(app);
        if app.wizard.answers != saved_answers {
            saved_answers = app.wizard.answers.clone();
            if let Some(path) = answers_file
                && let Err(e) = crate::saved::save(path, &app.data, &saved_answers)
            {
                app.update(crate::app::Action::WizardNotice(format!("Could not save your answers: {e}")));
            }
        }
        session.terminal.draw(|frame| ui::draw(frame, app, &theme))?;
        // Wake up now and then to notice signals, and often while a search runs
        // so its results show as soon as they are ready. Handle every queued
        // event before redrawing.
        let wait = if app.searching() { Duration::from_millis(8) } else { Duration::from_millis(200) };
        if !event::poll(wait)? {
            continue;
        }
        let size = session.terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        loop {
            let ev = event::read()?;
            let area = match ev {
                event::Event::Resize(w, h) => Rect::new(0, 0, w, h),
                _ => area,
            };
            if let Some(action) = keys::map_event(&ev, app, area) {
                app.update(action);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}
