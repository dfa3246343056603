//! The keymap: one table that both handles keys and feeds the help overlay
//! and status line, so what is documented is what happens.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::{Action, App, Tab};
use crate::ui;

/// What a binding does, before it is turned into an [`Action`] for the current view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextTab,
    PreviousTab,
    TabByNumber,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    Expand,
    ScrollDown,
    ScrollUp,
    Help,
    Back,
    Quit,
    Search,
    Palette,
}

/// What a key does while a search line has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputCommand {
    Accept,
    Cancel,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    Backspace,
    DeleteWord,
    Clear,
    Quit,
}

/// What a key does on the Decide tab's wizard pages, before the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardCommand {
    Down,
    Up,
    Pick,
    PickNumber,
    Skip,
    Back,
    Forward,
    Answers,
    Result,
    Restart,
    Resume,
}

/// Keys of the decision wizard (Decide tab). Other keys work as everywhere.
pub const WIZARD_BINDINGS: &[Binding<WizardCommand>] = &[
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ j",
        help: "next option or answer (scrolls the result)",
        command: WizardCommand::Down,
    },
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ k",
        help: "previous option or answer",
        command: WizardCommand::Up,
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "choose the highlighted option; on the answers page, change that answer",
        command: WizardCommand::Pick,
    },
    Binding {
        keys: &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9')],
        label: "1–9",
        help: "choose option N (on a question page; elsewhere they switch tabs)",
        command: WizardCommand::PickNumber,
    },
    Binding { keys: &[ch('s')], label: "s", help: "skip this question", command: WizardCommand::Skip },
    Binding { keys: &[ch('b')], label: "b", help: "back a question, or a page", command: WizardCommand::Back },
    Binding {
        keys: &[ch('n')],
        label: "n",
        help: "next question, keeping the answer",
        command: WizardCommand::Forward,
    },
    Binding { keys: &[ch('e')], label: "e", help: "all answers, to review or change", command: WizardCommand::Answers },
    Binding { keys: &[ch('r')], label: "r", help: "the result", command: WizardCommand::Result },
    Binding { keys: &[ch('o')], label: "o", help: "start over", command: WizardCommand::Restart },
    Binding {
        keys: &[ch('c')],
        label: "c",
        help: "continue with the answers saved last time",
        command: WizardCommand::Resume,
    },
];

/// Keys of a search line (FAQ filter or palette). Any other character is typed.
pub const INPUT_BINDINGS: &[Binding<InputCommand>] = &[
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "FAQ: keep the filter and go to the list · palette: jump to the hit",
        command: InputCommand::Accept,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        help: "FAQ: clear the filter · palette: close",
        command: InputCommand::Cancel,
    },
    Binding {
        keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        label: "↓ Ctrl-N",
        help: "next hit",
        command: InputCommand::Down,
    },
    Binding {
        keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        label: "↑ Ctrl-P",
        help: "previous hit",
        command: InputCommand::Up,
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        label: "PgDn",
        help: "a page of hits down",
        command: InputCommand::PageDown,
    },
    Binding { keys: &[key(KeyCode::PageUp)], label: "PgUp", help: "a page of hits up", command: InputCommand::PageUp },
    Binding { keys: &[key(KeyCode::Home)], label: "Home", help: "best hit", command: InputCommand::First },
    Binding { keys: &[key(KeyCode::End)], label: "End", help: "last hit", command: InputCommand::Last },
    Binding {
        keys: &[key(KeyCode::Backspace)],
        label: "Backspace",
        help: "delete a character",
        command: InputCommand::Backspace,
    },
    Binding { keys: &[ctrl('w')], label: "Ctrl-W", help: "delete a word", command: InputCommand::DeleteWord },
    Binding { keys: &[ctrl('u')], label: "Ctrl-U", help: "clear the query", command: InputCommand::Clear },
    Binding { keys: &[ctrl('c')], label: "Ctrl-C", help: "quit", command: InputCommand::Quit },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

/// Keys, how the help overlay writes them, what they do, and the command they give.
pub struct Binding<C> {
    pub keys: &'static [Key],
    pub label: &'static str,
    pub help: &'static str,
    pub command: C,
}

/// Every key the app understands. Order is the order of the help overlay.
pub const BINDINGS: &[Binding<Command>] = &[
    Binding {
        keys: &[key(KeyCode::Tab), key(KeyCode::Right), ch('l')],
        label: "Tab → l",
        help: "next tab",
        command: Command::NextTab,
    },
    Binding {
        keys: &[key(KeyCode::BackTab), key(KeyCode::Left), ch('h')],
        label: "Shift-Tab ← h",
        help: "previous tab",
        command: Command::PreviousTab,
    },
    Binding {
        keys: &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6')],
        label: "1–6",
        help: "go to tab by number",
        command: Command::TabByNumber,
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ j",
        help: "move down (scroll, where a page has no list)",
        command: Command::Down,
    },
    Binding { keys: &[key(KeyCode::Up), ch('k')], label: "↑ k", help: "move up", command: Command::Up },
    Binding {
        keys: &[key(KeyCode::PageDown), ctrl('d')],
        label: "PgDn Ctrl-D",
        help: "a page down",
        command: Command::PageDown,
    },
    Binding {
        keys: &[key(KeyCode::PageUp), ctrl('u')],
        label: "PgUp Ctrl-U",
        help: "a page up",
        command: Command::PageUp,
    },
    Binding { keys: &[key(KeyCode::Home), ch('g')], label: "Home g", help: "first", command: Command::First },
    Binding { keys: &[key(KeyCode::End), ch('G')], label: "End G", help: "last", command: Command::Last },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "open the selection full-screen; Enter again closes it",
        command: Command::Expand,
    },
    Binding {
        keys: &[ch('J'), key(KeyCode::Char(' '))],
        label: "J Space",
        help: "scroll the text pane down",
        command: Command::ScrollDown,
    },
    Binding {
        keys: &[ch('K'), key(KeyCode::Backspace)],
        label: "K Backspace",
        help: "scroll the text pane up",
        command: Command::ScrollUp,
    },
    Binding {
        keys: &[ch('/')],
        label: "/",
        help: "search: filter the FAQ (on the FAQ tab), search everything (elsewhere)",
        command: Command::Search,
    },
    Binding {
        keys: &[ctrl('p'), ctrl('f'), ch(':')],
        label: "Ctrl-P Ctrl-F :",
        help: "search everything, then Enter jumps to the hit",
        command: Command::Palette,
    },
    Binding { keys: &[ch('?')], label: "?", help: "show or hide this help", command: Command::Help },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        help: "close help, the open entry or the FAQ filter; quit when nothing is open",
        command: Command::Back,
    },
    Binding { keys: &[ch('q'), ctrl('c')], label: "q Ctrl-C", help: "quit", command: Command::Quit },
];

/// Mouse use, for the help overlay.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("click a tab", "go to that tab"),
    ("click a row", "select it; click it again to open it"),
    ("wheel", "move through a list, or scroll the text under the pointer"),
];

/// The binding of `table` whose keys include this key press. Shift is ignored
/// (terminals differ on whether `G` arrives with it, and Shift-Tab is its own key).
fn find<C>(table: &'static [Binding<C>], event: &KeyEvent) -> Option<&'static Binding<C>> {
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    table.iter().find(|b| b.keys.iter().any(|k| k.code == event.code && k.modifiers == modifiers))
}

/// The binding for a key press, if any.
pub fn binding_for(event: &KeyEvent) -> Option<&'static Binding<Command>> {
    find(BINDINGS, event)
}

/// Turns a terminal event into an action for this app at this terminal size.
pub fn map_event(event: &Event, app: &App, area: Rect) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => map_key(k, app, area),
        Event::Mouse(m) => map_mouse(m, app, area),
        _ => None,
    }
}

/// The search-line binding for a key press, if any.
pub fn input_binding_for(event: &KeyEvent) -> Option<&'static Binding<InputCommand>> {
    find(INPUT_BINDINGS, event)
}

/// Keys while a search line has the keyboard: editing, moving through hits, leaving.
fn map_input_key(event: &KeyEvent, app: &App, area: Rect) -> Option<Action> {
    let page = if app.palette.is_some() { ui::palette_rows(area) } else { ui::list_rows(app, area) }.max(1) as isize;
    if let Some(b) = input_binding_for(event) {
        return Some(match b.command {
            InputCommand::Accept => Action::Accept,
            InputCommand::Cancel => Action::Cancel,
            InputCommand::Down => Action::Move(1),
            InputCommand::Up => Action::Move(-1),
            InputCommand::PageDown => Action::Move(page),
            InputCommand::PageUp => Action::Move(-page),
            InputCommand::First => Action::First,
            InputCommand::Last => Action::Last,
            InputCommand::Backspace => Action::Backspace,
            InputCommand::DeleteWord => Action::DeleteWord,
            InputCommand::Clear => Action::ClearQuery,
            InputCommand::Quit => Action::Quit,
        });
    }
    match event.code {
        KeyCode::Char(c) if !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// Keys on the wizard's pages; `None` lets the keymap have the key.
fn map_wizard_key(event: &KeyEvent, app: &App, area: Rect) -> Option<Action> {
    use crate::app::WizardPage;
    let b = find(WIZARD_BINDINGS, event)?;
    let result = app.wizard.page == WizardPage::Result;
    let scroll = |by: isize| Action::Scroll { by, max: ui::max_scroll(app, area) };
    Some(match b.command {
        WizardCommand::Down if result => scroll(1),
        WizardCommand::Up if result => scroll(-1),
        WizardCommand::Down => Action::WizardCursor(1),
        WizardCommand::Up => Action::WizardCursor(-1),
        WizardCommand::Pick if result => return None,
        WizardCommand::Pick => Action::WizardPick(None),
        WizardCommand::PickNumber => match (app.wizard.page, event.code) {
            (WizardPage::Question(_), KeyCode::Char(c)) => Action::WizardPick(Some(c.to_digit(10)? as usize - 1)),
            _ => return None,
        },
        WizardCommand::Skip => Action::WizardSkip,
        WizardCommand::Back => Action::WizardBack,
        WizardCommand::Forward => Action::WizardForward,
        WizardCommand::Answers => Action::WizardAnswers,
        WizardCommand::Result => Action::WizardResult,
        WizardCommand::Restart => Action::WizardRestart,
        WizardCommand::Resume if app.wizard.offer.is_some() => Action::WizardResume,
        WizardCommand::Resume => return None,
    })
}

pub fn map_key(event: &KeyEvent, app: &App, area: Rect) -> Option<Action> {
    if app.typing() {
        return map_input_key(event, app, area);
    }
    if app.tab == Tab::Decide
        && app.has_wizard()
        && !app.help
        && let Some(action) = map_wizard_key(event, app, area)
    {
        return Some(action);
    }
    let binding = binding_for(event)?;
    // Where there is no list to move through (help, an open entry, an empty
    // list), movement keys scroll the text.
    let scrolls = app.help || app.expanded || app.entry_count(app.tab) == 0;
    let page = if app.help { ui::palette_rows(area) } else { page_size(app, area, scrolls) }.max(1) as isize;
    let max = if app.help { ui::help_max_scroll(area) } else { ui::max_scroll(app, area) };
    let scroll = |by: isize| Action::Scroll { by, max };
    Some(match binding.command {
        Command::NextTab => Action::NextTab,
        Command::PreviousTab => Action::PreviousTab,
        Command::TabByNumber => match event.code {
            KeyCode::Char(c) => Action::GoToTab(Tab::from_index(c.to_digit(10)? as usize - 1)?),
            _ => return None,
        },
        Command::Down if scrolls => scroll(1),
        Command::Up if scrolls => scroll(-1),
        Command::PageDown if scrolls => scroll(page),
        Command::PageUp if scrolls => scroll(-page),
        Command::First if scrolls => scroll(isize::MIN / 2),
        Command::Last if scrolls => scroll(isize::MAX / 2),
        Command::Down => Action::Move(1),
        Command::Up => Action::Move(-1),
        Command::PageDown => Action::Move(page),
        Command::PageUp => Action::Move(-page),
        Command::First => Action::First,
        Command::Last => Action::Last,
        Command::Expand => Action::ToggleExpand,
        Command::ScrollDown => scroll(1),
        Command::ScrollUp => scroll(-1),
        Command::Help => Action::ToggleHelp,
        Command::Back => Action::Back,
        Command::Quit => Action::Quit,
        Command::Search => Action::Search,
        Command::Palette => Action::Palette,
    })
}

/// Rows a page key moves: the visible height of what is scrolling, at least 1.
fn page_size(app: &App, area: Rect, scrolls: bool) -> usize {
    let rows =
        if scrolls { ui::text_area(app, area).map_or(1, |r| r.height as usize) } else { ui::list_rows(app, area) };
    rows.max(1)
}

pub fn map_mouse(event: &MouseEvent, app: &App, area: Rect) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    let screen = ui::screen(area)?;
    let over_text = || ui::text_area(app, area).is_some_and(|r| r.contains((x, y).into()));
    let scroll = |by: isize| Action::Scroll { by, max: ui::max_scroll(app, area) };
    if app.palette.is_some() {
        return match event.kind {
            MouseEventKind::Down(MouseButton::Left) if !ui::in_palette(area, x, y) => Some(Action::Cancel),
            MouseEventKind::Down(MouseButton::Left) => {
                let i = ui::palette_hit_at(app, area, x, y)?;
                Some(if i == app.palette_selected {
                    Action::Accept
                } else {
                    Action::Move(i as isize - app.palette_selected as isize)
                })
            }
            MouseEventKind::ScrollDown => Some(Action::Move(1)),
            MouseEventKind::ScrollUp => Some(Action::Move(-1)),
            _ => None,
        };
    }
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if screen.tabs.contains((x, y).into()) {
                return ui::tab_at(app, screen.tabs, x).map(Action::GoToTab);
            }
            if app.help {
                return Some(Action::ToggleHelp);
            }
            let i = ui::entry_at(app, area, x, y)?;
            Some(if i == app.state().selected { Action::ToggleExpand } else { Action::Select(i) })
        }
        MouseEventKind::ScrollDown if app.help => None,
        MouseEventKind::ScrollUp if app.help => None,
        MouseEventKind::ScrollDown if over_text() || app.entry_count(app.tab) == 0 => Some(scroll(3)),
        MouseEventKind::ScrollUp if over_text() || app.entry_count(app.tab) == 0 => Some(scroll(-3)),
        MouseEventKind::ScrollDown => Some(Action::Move(1)),
        MouseEventKind::ScrollUp => Some(Action::Move(-1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_unique<'a>(keys: impl Iterator<Item = &'a Key>) {
        let all: Vec<&Key> = keys.collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} is bound twice");
        }
    }

    #[test]
    fn no_key_is_bound_twice() {
        assert_unique(BINDINGS.iter().flat_map(|b| b.keys));
        assert_unique(INPUT_BINDINGS.iter().flat_map(|b| b.keys));
        assert_unique(WIZARD_BINDINGS.iter().flat_map(|b| b.keys));
    }

    /// The status line writes keys in short form; each must be bound to what it claims.
    #[test]
    fn status_line_keys_do_what_they_say() {
        let claims = [
            (KeyCode::Char('?'), Command::Help),
            (KeyCode::Char('q'), Command::Quit),
            (KeyCode::Up, Command::Up),
            (KeyCode::Down, Command::Down),
            (KeyCode::Tab, Command::NextTab),
            (KeyCode::Left, Command::PreviousTab),
            (KeyCode::Right, Command::NextTab),
            (KeyCode::Enter, Command::Expand),
            (KeyCode::Esc, Command::Back),
            (KeyCode::Char('J'), Command::ScrollDown),
            (KeyCode::Char('K'), Command::ScrollUp),
            (KeyCode::Char('/'), Command::Search),
        ];
        for (code, command) in claims {
            let bound = binding_for(&KeyEvent::new(code, KeyModifiers::NONE)).map(|b| b.command);
            assert_eq!(bound, Some(command), "{code:?}");
        }
        let wizard = [
            (KeyCode::Enter, WizardCommand::Pick),
            (KeyCode::Char('1'), WizardCommand::PickNumber),
            (KeyCode::Char('9'), WizardCommand::PickNumber),
            (KeyCode::Char('s'), WizardCommand::Skip),
            (KeyCode::Char('b'), WizardCommand::Back),
            (KeyCode::Char('e'), WizardCommand::Answers),
            (KeyCode::Char('r'), WizardCommand::Result),
            (KeyCode::Char('o'), WizardCommand::Restart),
            (KeyCode::Down, WizardCommand::Down),
            (KeyCode::Up, WizardCommand::Up),
        ];
        for (code, command) in wizard {
            let bound = find(WIZARD_BINDINGS, &KeyEvent::new(code, KeyModifiers::NONE)).map(|b| b.command);
            assert_eq!(bound, Some(command), "{code:?}");
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            let g = KeyEvent::new(KeyCode::Char('G'), modifiers);
            assert_eq!(binding_for(&g).map(|b| b.command), Some(Command::Last));
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(binding_for(&ctrl_c).map(|b| b.command), Some(Command::Quit));
        let plain_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert!(binding_for(&plain_c).is_none());
    }
}
