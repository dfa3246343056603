//! The interactive session: terminal set-up, the event loop, and the promise
//! that the terminal is given back as it was — on quit, on error, on panic,
//! on Ctrl-C and on SIGTERM/SIGHUP.

use std::io::{self, IsTerminal, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::{Action, App, SearchRequest, Target};
use crate::index::Index;
use crate::keys;
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

/// Searches over fewer entries than this run on the UI thread: they take well
/// under a frame. Larger ones go to the search thread.
const INLINE_SEARCH_ENTRIES: usize = 20_000;

/// A thread that runs large searches, newest first, abandoning any search
/// that a newer keystroke has made stale. Drawing never waits for it.
struct Searcher {
    requests: Sender<SearchRequest>,
    results: Receiver<Action>,
    /// Newest generation asked for, per target; older searches stop early.
    newest: Arc<[AtomicU64; 2]>,
}

fn slot(target: Target) -> usize {
    match target {
        Target::Faq => 0,
        Target::Palette => 1,
    }
}

impl Searcher {
    fn start(index: Arc<Index>) -> Searcher {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (outbox, results) = mpsc::channel();
        let newest: Arc<[AtomicU64; 2]> = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let seen = Arc::clone(&newest);
        std::thread::spawn(move || {
            while let Ok(first) = inbox.recv() {
                // Only the newest request per target matters.
                let mut queue: Vec<SearchRequest> = vec![first];
                queue.extend(inbox.try_iter());
                queue.reverse();
                let mut done = [false; 2];
                for request in queue {
                    if std::mem::replace(&mut done[slot(request.target)], true) {
                        continue;
                    }
                    let stale = || seen[slot(request.target)].load(Ordering::Relaxed) > request.generation;
                    if let Some(found) = request.run(&index, &stale)
                        && outbox.send(found).is_err()
                    {
                        return;
                    }
                }
            }
        });
        Searcher { requests, results, newest }
    }

    /// Runs what `app` needs: small searches at once, large ones on the thread;
    /// then takes in whatever the thread has finished.
    fn serve(&self, app: &mut App) {
        while let Some(request) = app.search_request() {
            app.update(Action::SearchSent { target: request.target, generation: request.generation });
            if request.corpus(&app.index).len() < INLINE_SEARCH_ENTRIES {
                if let Some(found) = request.run(&app.index.clone(), &|| false) {
                    app.update(found);
                }
            } else {
                self.newest[slot(request.target)].fetch_max(request.generation, Ordering::Relaxed);
                let _ = self.requests.send(request);
            }
        }
        for found in self.results.try_iter() {
            app.update(found);
        }
    }
}

/// Runs the app until the user quits or a termination signal arrives.
pub fn run(app: &mut App, theme: Theme) -> Result<(), TuiError> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut session = Session::enter()?;
    let searcher = Searcher::start(Arc::clone(&app.index));
    while !app.quit && !stop.load(Ordering::Relaxed) {
        searcher.serve(app);
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
