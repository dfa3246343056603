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

use crate::app::{Action, App};
use crate::input;
use crate::search::Searcher;
use crate::ui::{self, ScreenMap, Theme};

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

/// How often the loop wakes while idle, to notice a termination signal.
const IDLE_WAKE: Duration = Duration::from_millis(250);
/// How often it looks for results while a search runs on the search thread.
const SEARCH_WAKE: Duration = Duration::from_millis(8);

/// Runs the app until the user quits or a termination signal arrives. The
/// wizard's answers are written to `answers_file` whenever they change.
/// Draws only when something changed: an event, a search result, a notice.
pub fn run(app: &mut App, theme: Theme, answers_file: Option<&std::path::Path>) -> Result<(), TuiError> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut session = Session::enter()?;
    let searcher = Searcher::start(Arc::clone(&app.corpora));
    let keys = input::help_rows();
    let mut saved_answers = app.wizard.answers.clone();
    let mut map = ScreenMap::default();
    let mut changed = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        changed |= app.run_searches(|request| searcher.run(request));
        for results in searcher.finished() {
            app.update(Action::Found(results));
            changed = true;
        }
        if app.wizard.answers != saved_answers {
            saved_answers = app.wizard.answers.clone();
            if let Some(path) = answers_file
                && let Err(e) = crate::saved::save(path, &app.data, &saved_answers)
            {
                app.update(Action::Notice(format!("Could not save your answers: {e}")));
            }
        }
        if changed {
            session.terminal.draw(|frame| map = ui::draw(frame, app, &theme, &keys))?;
            changed = false;
        }
        let wait = if app.searching() { SEARCH_WAKE } else { IDLE_WAKE };
        if event::poll(wait)? {
            let mut queued = || if event::poll(Duration::ZERO)? { event::read().map(Some) } else { Ok(None) };
            changed |= handle_queued(app, &map, &mut queued)?;
        }
    }
    Ok(())
}

/// Handles queued events in order, against the screen map of the last frame,
/// until the queue is empty, the app quits or the window is resized. Events
/// after a resize wait for a frame drawn at the new size, so that they are
/// mapped against what the user then sees. True when a redraw is due.
fn handle_queued(
    app: &mut App,
    map: &ScreenMap,
    next: &mut dyn FnMut() -> io::Result<Option<event::Event>>,
) -> io::Result<bool> {
    let mut changed = false;
    while !app.quit
        && let Some(event) = next()?
    {
        if let event::Event::Resize(..) = event {
            return Ok(true);
        }
        if let Some(action) = input::map_event(&event, app, map) {
            app.update(action);
            changed = true;
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;

    use crate::tab::Tab;
    use crate::ui::ListMap;

    fn click(column: u16, row: u16) -> Event {
        let kind = MouseEventKind::Down(MouseButton::Left);
        Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
    }

    fn app() -> App {
        App::new(crate::data::open(None).expect("default data"))
    }

    /// A map of a 100×30 frame whose list has entry 3 on row 5.
    fn drawn() -> ScreenMap {
        let row = Rect::new(1, 5, 50, 1);
        let list = ListMap { area: Rect::new(0, 1, 60, 20), rows: vec![(row, 3)], page: 18, len: 20 };
        ScreenMap { area: Rect::new(0, 0, 100, 30), list: Some(list), ..ScreenMap::default() }
    }

    #[test]
    fn events_after_a_resize_wait_for_a_frame_at_the_new_size() {
        let mut app = app();
        let mut queue = vec![Event::Resize(60, 20), click(10, 5)].into_iter();
        let redraw = handle_queued(&mut app, &drawn(), &mut || Ok(queue.next())).expect("handled");
        assert!(redraw, "a resize asks for a redraw");
        assert_eq!(app.state().selected, 0, "the click was not mapped against the old frame");
        assert_eq!(queue.next(), Some(click(10, 5)), "the click is still queued");
    }

    #[test]
    fn queued_events_are_handled_in_order_until_quit() {
        let mut app = app();
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let mut queue = vec![click(10, 5), key('2'), key('q'), key('1')].into_iter();
        let redraw = handle_queued(&mut app, &drawn(), &mut || Ok(queue.next())).expect("handled");
        assert!(redraw && app.quit);
        assert_eq!(app.states[Tab::Features.index()].selected, 3, "the click selected the entry drawn there");
        assert_eq!(app.tab, Tab::ProsCons, "keys after quit are left alone");
    }

    #[test]
    fn an_event_that_changes_nothing_asks_for_no_redraw() {
        let mut app = app();
        let mut queue = vec![Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE))].into_iter();
        assert!(!handle_queued(&mut app, &drawn(), &mut || Ok(queue.next())).expect("handled"));
    }
}
