//! The interactive session: terminal set-up, the event loop, and the promise
//! that the terminal is given back as it was — on quit, on error, on panic,
//! on Ctrl-C, on SIGTERM, SIGHUP, SIGINT and SIGQUIT (exit status 128 + N),
//! and while suspended (Ctrl-Z or SIGTSTP; `fg` takes the screen back).

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Effect};
use crate::catalogue::{self, Named};
use crate::data::Comparison;
use crate::input;
use crate::saved;
use crate::search::Searcher;
use crate::ui::{self, ScreenMap, Theme};
use crate::watch::FileWatch;

pub mod background;
mod effects;

/// Why the interactive view did not start, or ended badly.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the interactive view needs a terminal, but {0} is not one.\n\
         For plain output use `versus export` (Markdown, or `--format json`)."
    )]
    NotATerminal(&'static str),
    #[error(
        "the interactive view needs a terminal that can draw, but TERM is {0}.\n\
         Set TERM (for example TERM=xterm-256color), or for plain output use `versus export`."
    )]
    DumbTerminal(String),
    #[error("terminal error: {0}")]
    Io(#[from] io::Error),
}

/// Undoes everything `enter` did. Safe to call more than once, and from a panic hook.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
}

/// Takes the terminal over: raw mode, the alternate screen, mouse and
/// bracketed paste (a paste arrives as one event, not as keys).
fn take_over() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::Relaxed) { execute!(io::stdout(), EnableMouseCapture) } else { Ok(()) }
}

/// Whether to capture the mouse (config `mouse: false` leaves the terminal's
/// own selection working). Global because the panic and signal paths restore
/// the terminal without the session at hand.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// The termination signal that arrived, or 0.
static SIGNALLED: AtomicI32 = AtomicI32::new(0);
/// Set when the process was stopped and then continued: the loop takes the
/// terminal back and draws everything again.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Held while anything is written to the terminal, and by the signal thread
/// from giving the terminal back on SIGTSTP until the process is continued:
/// so no frame is ever drawn onto the shell's screen, whether the stop came
/// in the middle of a frame or during slow work (a reload) before one.
static TERMINAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn terminal_lock() -> std::sync::MutexGuard<'static, ()> {
    TERMINAL.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What wakes the event loop: a terminal event, or word that something else
/// may be ready (search results, a listing, the watched file, a signal). The
/// loop sleeps on one channel of these instead of polling each source.
enum Wake {
    Event(event::Event),
    /// The terminal could not be read: the session ends.
    InputError(io::Error),
    Ready,
}

/// A cheap handle that wakes the loop; each source gets a clone.
#[derive(Clone)]
struct Waker(std::sync::mpsc::Sender<Wake>);

impl Waker {
    fn wake(&self) {
        let _ = self.0.send(Wake::Ready);
    }

    /// As a plain closure, for the search thread and the file watcher.
    fn as_fn(&self) -> impl Fn() + Send + 'static {
        let waker = self.clone();
        move || waker.wake()
    }
}

/// Reads the terminal on a thread of its own and sends every event to the
/// loop. A blocking read needs no timeout: the loop is woken by the other
/// sources through the same channel.
fn read_input(send: std::sync::mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(event) => Wake::Event(event),
                Err(e) => Wake::InputError(e),
            };
            let failed = matches!(wake, Wake::InputError(_));
            if send.send(wake).is_err() || failed {
                return;
            }
        }
    });
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
        match std::env::var("TERM") {
            Ok(term) if !term.is_empty() && term != "dumb" => {}
            Ok(term) if !term.is_empty() => return Err(TuiError::DumbTerminal(crate::data::sanitize(&term))),
            _ => return Err(TuiError::DumbTerminal("not set".into())),
        }
        // Restore before the default hook prints, so the message lands on a sane screen.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let session = Session { terminal: Terminal::new(CrosstermBackend::new(io::stdout()))? };
        take_over()?;
        Ok(session)
    }

    /// Ctrl-Z: gives the terminal back and stops, as a shell expects; after
    /// `fg`, takes it over again and redraws everything.
    fn suspend(&mut self) -> io::Result<()> {
        // The signal thread restores the terminal and stops the process.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        while !RESUMED.load(Ordering::SeqCst) && SIGNALLED.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
        // The loop takes the terminal back, under the lock, before its next frame.
        Ok(())
    }

    /// After the process was continued: the terminal as the app needs it, and a full redraw.
    fn resume(&mut self) -> io::Result<()> {
        RESUMED.store(false, Ordering::SeqCst);
        take_over()?;
        // Not Terminal::clear: it asks the terminal where the cursor is, and
        // the input thread, not it, reads the answer. Clearing the screen and
        // both buffers forces the same full redraw.
        execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
        self.terminal.swap_buffers();
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// How long the event loop gets to finish by itself after a termination signal.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Turns SIGTERM, SIGHUP, SIGINT and SIGQUIT into [`SIGNALLED`], which the
/// event loop checks. When the terminal itself has gone away (SIGHUP),
/// crossterm 0.29 can spin forever inside `event::poll` reading the dead tty,
/// and the loop never sees the flag; so if the loop has not ended within
/// [`SIGNAL_GRACE`], this thread restores what it can and exits with 128 + N.
/// SIGTSTP (Ctrl-Z, or `kill -TSTP`) gives the terminal back before stopping.
fn watch_signals(waker: Waker) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                let writing = terminal_lock();
                restore();
                // Stop as the default action would; this returns on SIGCONT.
                let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                // Still holding the lock: the loop sees this before it can draw again.
                RESUMED.store(true, Ordering::SeqCst);
                drop(writing);
                waker.wake();
                continue;
            }
            SIGNALLED.store(signal, Ordering::SeqCst);
            waker.wake();
            std::thread::spawn(move || {
                std::thread::sleep(SIGNAL_GRACE);
                restore();
                std::process::exit(128 + signal);
            });
        }
    });
    Ok(())
}

/// Where the wizard's answers are kept, and what the file looked like when
/// this instance last read or wrote it (to notice another instance's writes).
pub(crate) struct AnswerStore {
    pub path: std::path::PathBuf,
    pub identity: String,
    pub stamp: Option<saved::Stamp>,
}

impl AnswerStore {
    /// Saves the wizard's answers; a notice for the user when that failed or
    /// when another instance's answers had to be set aside.
    fn save(&mut self, app: &App) -> Option<String> {
        let s = saved::Saved {
            answers: app.wizard.answers.clone(),
            importance: app.wizard.importance.clone(),
            saved_at: None,
        };
        match saved::save(&self.path, &self.identity, &app.data, &s, self.stamp) {
            Ok(written) => {
                self.stamp = Some(written.stamp);
                written.kept_other.map(|p| {
                    format!("Another versus changed your saved answers; its version is kept in {}.", p.display())
                })
            }
            Err(e) => Some(format!("Could not save your answers: {e}")),
        }
    }
}

/// Opens the interactive view on `comparison` (`named`, for its saved
/// answers), taking up the answers saved last time. With `watch`, the
/// comparison's file is reloaded whenever it changes; `together`, other
/// people's answers (`--with`), are scored with the user's on the Together page.
pub fn open(
    named: Named,
    comparison: Comparison,
    watch: bool,
    config: &crate::config::Config,
    theme: Theme,
    together: Vec<crate::wizard::Member>,
) -> Result<Ended, TuiError> {
    MOUSE.store(config.mouse, Ordering::Relaxed);
    let keys = Arc::new(config.keys.clone());
    let (mut app, store) = prepare(&named, comparison, &keys);
    if !together.is_empty() {
        let names: Vec<String> = together.iter().map(|m| m.name.clone()).collect();
        app.together = together;
        let key = app.keys.wizard_key(crate::wizard::WizardAction::Together);
        let notice = format!("Deciding with {}: {key} on the Decide tab shows the group's result.", names.join(", "));
        app.add_notice(notice.clone());
        app.update(Action::Status(notice));
    }
    let (send, wakes) = std::sync::mpsc::channel();
    let waker = Waker(send.clone());
    let mut watching = Watching { enabled: watch, file: None, waker: waker.clone() };
    match watching.follow(&named) {
        Some(notice) => {
            app.update(Action::Status(notice));
        }
        None if watching.file.is_some() => {
            let shown = crate::data::printable(&named.shown());
            app.update(Action::Status(format!("Watching {shown}: each save shows here.")));
        }
        None => {}
    }
    run(&mut app, theme, store, &mut watching, named, (send, wakes))
}

/// The app on `comparison`, and where its answers are kept, with the answers
/// saved last time taken up.
fn prepare(named: &Named, comparison: Comparison, keys: &Arc<crate::keys::Keymap>) -> (App, Option<AnswerStore>) {
    let mut app = App::new(comparison);
    app.keys = Arc::clone(keys);
    app.origin = named.origin();
    let identity = saved::identity(named.shipped(), named.path.as_deref());
    let mut store = saved::path_for(&identity).map(|path| AnswerStore { path, identity, stamp: None });
    if let Some(store) = &mut store {
        let loaded = saved::load(&store.path, &store.identity, &app.data);
        store.stamp = loaded.stamp;
        if let Some(s) = loaded.saved {
            app.restore_answers(s.answers, s.importance, s.saved_at.map(crate::export::utc).as_deref());
        }
        if let Some(notice) = loaded.notice {
            app.add_notice(notice);
        }
    }
    (app, store)
}

/// `--watch`: the file of the comparison on screen, while there is one.
pub struct Watching {
    enabled: bool,
    waker: Waker,
    file: Option<(std::path::PathBuf, FileWatch)>,
}

impl Watching {
    /// Watches `named`'s file (if it has one and watching is on); a notice when that failed.
    fn follow(&mut self, named: &Named) -> Option<String> {
        self.file = None;
        let path = named.path.as_ref().filter(|_| self.enabled)?;
        match FileWatch::start_waking(path, self.waker.as_fn()) {
            Ok(watch) => {
                self.file = Some((path.clone(), watch));
                None
            }
            Err(e) => {
                Some(format!("Cannot watch {} for changes: {e}", crate::data::printable(&path.display().to_string())))
            }
        }
    }

    /// The file, and its contents read again, when it changed and settled.
    fn changed(&mut self) -> Option<(std::path::PathBuf, Result<Comparison, crate::data::LoadError>)> {
        let (path, watch) = self.file.as_mut()?;
        watch.changed().then(|| (path.clone(), crate::data::load_file(path)))
    }

    /// When to look at the file again without being woken.
    fn next_look(&self) -> Option<Duration> {
        self.file.as_ref().and_then(|(_, w)| w.next_look())
    }
}

/// Takes in a reload of the watched file: the new version, or the banner
/// saying why it was not taken.
fn reloaded(app: &mut App, path: &std::path::Path, result: Result<Comparison, crate::data::LoadError>) {
    match result {
        Ok(c) => {
            let said = app.reload(c);
            app.update(Action::Status(said));
        }
        Err(e) => app.not_reloaded(path, &e),
    }
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// A termination signal: the process should exit with 128 + N.
    Signal(i32),
}

/// A search thread over the index of the comparison on screen, started
/// again whenever it is replaced or reloaded; its results wake the loop.
fn searcher_for(app: &App, waker: &Waker) -> Searcher {
    Searcher::start_waking(Arc::clone(&app.corpora), waker.as_fn())
}

/// Runs the app until the user quits or a termination signal arrives. The
/// wizard's answers are written to `store` whenever they change.
/// Draws only when something changed: an event, a search result, a notice.
fn run(
    app: &mut App,
    theme: Theme,
    mut store: Option<AnswerStore>,
    watching: &mut Watching,
    mut current: Named,
    (send, wakes): (std::sync::mpsc::Sender<Wake>, std::sync::mpsc::Receiver<Wake>),
) -> Result<Ended, TuiError> {
    let mut session = Session::enter()?;
    let waker = Waker(send.clone());
    watch_signals(waker.clone())?;
    read_input(send);
    let mut searcher = searcher_for(app, &waker);
    let mut listing: Option<Listing> = None;
    let mut contents: Option<ContentSearch> = None;
    let mut map = ScreenMap::default();
    let mut changed = true;
    // What the app asked for, in order; carried out before the next frame.
    let mut effects: VecDeque<Effect> = VecDeque::new();
    // A key split from an Esc it arrived with, waiting for the frame after the Esc.
    let mut leftover: Option<event::Event> = None;
    'session: while SIGNALLED.load(Ordering::Relaxed) == 0 {
        while let Some(effect) = effects.pop_front() {
            changed = true;
            let said = match effect {
                Effect::Quit => break 'session,
                Effect::Suspend => {
                    session.suspend()?;
                    continue;
                }
                Effect::SaveAnswers => match store.as_mut().and_then(|s| s.save(app)) {
                    Some(notice) => Action::Notice(notice),
                    None => continue,
                },
                Effect::SearchContents(query, names) => {
                    // A newer query replaces the search under way (dropping it stops it).
                    contents = Some(ContentSearch::start(query, names, waker.clone()));
                    continue;
                }
                Effect::ListComparisons => {
                    listing = Some(Listing::start(current.clone(), catalogue::Summary::of(&app.data), waker.clone()));
                    continue;
                }
                Effect::Open(named) => match named.load() {
                    Ok(comparison) => {
                        let (next, next_store) = prepare(&named, comparison, &app.keys);
                        *app = next;
                        store = next_store;
                        searcher = searcher_for(app, &waker);
                        // Effects asked of the comparison that was replaced are moot.
                        effects.clear();
                        let watched = watching.follow(&named);
                        current = named;
                        let title = crate::data::sanitize_line(&app.data.title);
                        Action::Status(watched.unwrap_or_else(|| format!("Opened {title}.")))
                    }
                    Err(e) => Action::Status(format!("Cannot open it: {}", catalogue::one_line(&e))),
                },
                // Said in the status line, where it is seen however far the page is scrolled.
                effect => {
                    match effects::carry_out(&effect, app, &theme, &effects::identity_of(store.as_ref(), app), &current)
                    {
                        Some(said) => said,
                        None => continue,
                    }
                }
            };
            effects.extend(app.update(said));
        }
        changed |= app.run_searches(|request| searcher.run(request));
        for results in searcher.finished() {
            effects.extend(app.update(Action::Found(results)));
            changed = true;
        }
        if let Some((more, done)) = listing.as_ref().and_then(Listing::next) {
            effects.extend(app.update(if done { Action::Listed(more) } else { Action::Listing(more) }));
            if done {
                listing = None;
            }
            changed = true;
        }
        if let Some(found) = contents.as_ref().and_then(ContentSearch::next) {
            effects.extend(app.update(found));
            contents = None;
            changed = true;
        }
        if let Some((path, result)) = watching.changed() {
            reloaded(app, &path, result);
            searcher = searcher_for(app, &waker);
            changed = true;
        }
        if !effects.is_empty() {
            continue;
        }
        {
            let _writing = terminal_lock();
            if RESUMED.load(Ordering::SeqCst) {
                session.resume()?;
                changed = true;
            }
            if changed {
                session.terminal.draw(|frame| map = ui::draw(frame, app, &theme))?;
                changed = false;
            }
        }
        // Asleep until something happens: a key, search results, a listing,
        // the watched file (or its settling time), a signal.
        let mut first = match watching.next_look() {
            _ if leftover.is_some() => None,
            Some(after) => wakes.recv_timeout(after).ok(),
            None => wakes.recv().ok(),
        };
        // Then every event already queued, in order; the other wakes only
        // bring the loop round to look at their sources.
        let mut queued = || -> io::Result<Option<event::Event>> {
            loop {
                let Some(wake) = first.take().or_else(|| wakes.try_recv().ok()) else { return Ok(None) };
                match wake {
                    Wake::Event(event) => return Ok(Some(event)),
                    Wake::InputError(e) => return Err(e),
                    Wake::Ready => {}
                }
            }
        };
        changed |= handle_queued(app, &map, &mut queued, &mut effects, &mut leftover)?;
    }
    Ok(match SIGNALLED.load(Ordering::SeqCst) {
        0 => Ended::Quit,
        signal => Ended::Signal(signal),
    })
}

/// The catalogue being listed for the picker, beside the loop: the picker
/// draws what has been read so far, and a slow or large file delays only itself.
struct Listing {
    received: std::sync::mpsc::Receiver<(Vec<catalogue::Listed>, bool)>,
}

impl Listing {
    /// How often what has been read is sent: often enough to draw as it
    /// comes, rarely enough that a large catalogue is not redrawn per file.
    const BATCH: Duration = Duration::from_millis(30);

    /// Lists the catalogue; `current` is added at the end when it is not in
    /// it (a file opened by path is still one to come back to).
    fn start(current: Named, summary: catalogue::Summary, waker: Waker) -> Listing {
        let (send, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let (mut batch, mut seen, mut sent) = (Vec::new(), false, std::time::Instant::now());
            catalogue::list_each(&mut |listed| {
                seen |= listed.named.origin() == current.origin();
                batch.push(listed);
                if sent.elapsed() >= Self::BATCH {
                    // A closed picker drops the receiver; the rest is read for nobody, and cheaply.
                    let _ = send.send((std::mem::take(&mut batch), false));
                    waker.wake();
                    sent = std::time::Instant::now();
                }
            });
            if !seen {
                batch.push(catalogue::Listed { named: current, content: Ok(summary), shadowed: false });
            }
            let _ = send.send((batch, true));
            waker.wake();
        });
        Listing { received }
    }

    /// What was read since last asked, and whether that was the end.
    fn next(&self) -> Option<(Vec<catalogue::Listed>, bool)> {
        let (mut more, mut done) = (Vec::new(), false);
        while let Ok((batch, last)) = self.received.try_recv() {
            more.extend(batch);
            done |= last;
        }
        // A listing thread that died says nothing more: end it rather than wait forever.
        if !done && more.is_empty() {
            return match self.received.try_recv() {
                Err(std::sync::mpsc::TryRecvError::Disconnected) => Some((Vec::new(), true)),
                _ => None,
            };
        }
        Some((more, done))
    }
}

/// The picker's search of the comparisons' content, beside the loop: each
/// comparison loaded and searched in turn, a large file skipped, and the
/// whole stopped when a newer query (or closing the picker) drops it.
struct ContentSearch {
    received: std::sync::mpsc::Receiver<Action>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl ContentSearch {
    /// Larger comparisons are not searched for the picker (`versus search --all` searches them).
    const MAX_BYTES: u64 = 2 << 20;

    fn start(query: String, names: Vec<Named>, waker: Waker) -> ContentSearch {
        let (send, received) = std::sync::mpsc::channel();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            let cancelled = || stopped.load(Ordering::Relaxed);
            let (mut found, mut skipped) = (Vec::new(), 0);
            for named in names {
                if cancelled() {
                    return;
                }
                let size = named.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());
                if size > Self::MAX_BYTES {
                    skipped += 1;
                    continue;
                }
                let Ok(c) = named.load() else { continue };
                if let Some(hits) = crate::search::content_hits(&c, &query, &cancelled) {
                    found.push((named.name, hits));
                }
            }
            found.sort_by(|a: &(String, usize), b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let _ = send.send(Action::ContentFound { query, found, skipped });
            waker.wake();
        });
        ContentSearch { received, stop }
    }

    fn next(&self) -> Option<Action> {
        self.received.try_recv().ok()
    }
}

impl Drop for ContentSearch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Handles queued events in order, against the screen map of the last frame,
/// until the queue is empty, the app quits, the window is resized or an event
/// changes what is laid out (another tab, mode, page or focused pane). The
/// events after that wait for a frame of the new layout, so that they are
/// mapped against what the user then sees ("2j" typed fast moves down the
/// Pros/Cons list, as it does typed slowly). True when a redraw is due.
fn handle_queued(
    app: &mut App,
    map: &ScreenMap,
    next: &mut dyn FnMut() -> io::Result<Option<event::Event>>,
    effects: &mut VecDeque<Effect>,
    leftover: &mut Option<event::Event>,
) -> io::Result<bool> {
    let mut changed = false;
    while let Some(event) = match leftover.take() {
        Some(event) => Some(event),
        None => next()?,
    } {
        if let event::Event::Resize(..) = event {
            return Ok(true);
        }
        // Esc and a key in one read: Esc now, the key as the next event (after a frame if Esc changed the layout).
        let event = match input::esc_then(&event, app, map) {
            Some((esc, key)) => {
                *leftover = Some(key);
                esc
            }
            None => event,
        };
        if let Some(action) = input::map_event(&event, app, map) {
            let before = layout(app);
            let asked = app.update(action);
            // After quit or suspend, the keys left belong to no one (quit) or to the app resumed.
            let stop = asked.iter().any(|e| matches!(e, Effect::Quit | Effect::Suspend));
            effects.extend(asked);
            changed = true;
            if stop || layout(app) != before {
                return Ok(true);
            }
        }
    }
    Ok(changed)
}

/// What decides the screen map's shape: the tab, who has the keyboard, the
/// wizard's page and which pane has the keys.
fn layout(app: &App) -> (crate::tab::Tab, crate::app::Mode, crate::wizard::WizardPage, bool) {
    (app.tab, app.mode(), app.wizard.page, app.state().detail_focused)
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
        App::new(crate::data::default_comparison().expect("default data"))
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
        let redraw = handle_queued(&mut app, &drawn(), &mut || Ok(queue.next()), &mut VecDeque::new(), &mut None)
            .expect("handled");
        assert!(redraw, "a resize asks for a redraw");
        assert_eq!(app.state().selected, 0, "the click was not mapped against the old frame");
        assert_eq!(queue.next(), Some(click(10, 5)), "the click is still queued");
    }

    #[test]
    fn queued_events_are_handled_in_order_until_quit() {
        let mut app = app();
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let mut queue = vec![click(10, 5), key('2'), key('q'), key('1')].into_iter().peekable();
        // As the loop does: a batch, a frame, the next batch.
        let (mut redraw, mut effects) = (false, VecDeque::new());
        while !effects.contains(&Effect::Quit) && queue.peek().is_some() {
            redraw |=
                handle_queued(&mut app, &drawn(), &mut || Ok(queue.next()), &mut effects, &mut None).expect("handled");
        }
        assert!(redraw && effects.contains(&Effect::Quit));
        assert_eq!(app.states[Tab::Features.index()].selected, 3, "the click selected the entry drawn there");
        assert_eq!(app.tab, Tab::ProsCons, "keys after quit are left alone");
    }

    #[test]
    fn events_after_a_tab_switch_wait_for_a_frame_of_that_tab() {
        let mut app = app();
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let mut queue = vec![key('2'), key('j')].into_iter();
        assert!(
            handle_queued(&mut app, &drawn(), &mut || Ok(queue.next()), &mut VecDeque::new(), &mut None)
                .expect("handled")
        );
        assert_eq!(app.tab, Tab::ProsCons);
        assert_eq!(queue.next(), Some(key('j')), "j waits for the Pros/Cons frame");
    }

    #[test]
    fn esc_and_a_key_read_as_one_alt_key_are_both_taken() {
        // Help open, then Esc and j typed fast: help closes, and j moves once the frame without help is drawn.
        let mut app = app();
        app.update(Action::ToggleHelp);
        let alt_j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT));
        let mut queue = vec![alt_j].into_iter();
        let mut leftover = None;
        assert!(
            handle_queued(&mut app, &drawn(), &mut || Ok(queue.next()), &mut VecDeque::new(), &mut leftover)
                .expect("handled")
        );
        assert_eq!(app.mode(), crate::app::Mode::Browse, "the Esc closed help");
        assert_eq!(leftover, Some(Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE))));
        handle_queued(&mut app, &drawn(), &mut || Ok(None), &mut VecDeque::new(), &mut leftover).expect("handled");
        assert_eq!((leftover, app.state().selected), (None, 1), "then j moved down");
    }

    #[test]
    fn an_event_that_changes_nothing_asks_for_no_redraw() {
        let mut app = app();
        let mut queue = vec![Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE))].into_iter();
        assert!(
            !handle_queued(&mut app, &drawn(), &mut || Ok(queue.next()), &mut VecDeque::new(), &mut None)
                .expect("handled")
        );
    }
}
