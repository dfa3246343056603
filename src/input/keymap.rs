//! The keymaps, as data: which keys give which command, how help writes
//! them and what it says they do. The same tables drive the mapping and the
//! help overlay, so what is documented is what happens.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::wizard::WizardAction;

/// What a binding does, before it is turned into an [`Action`] for the current view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    Suspend,
    NextTab,
    PreviousTab,
    PaneLeft,
    PaneRight,
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
    OpenLink,
    Copy,
    Picker,
}

/// What a key does while a search line has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCommand {
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

/// Keys of the decision wizard (Decide tab). Other keys work as everywhere:
/// digits switch tabs here too.
pub const WIZARD_BINDINGS: &[Binding<WizardAction>] = &[
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ j",
        help: "next option or answer (PgDn PgUp scroll the page)",
        command: WizardAction::Cursor(1),
    },
    Binding {
        keys: &[key(KeyCode::Up), ch('k')],
        label: "↑ k",
        help: "previous option or answer",
        command: WizardAction::Cursor(-1),
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "choose the highlighted option; on the answers and result pages, change that answer",
        command: WizardAction::Pick,
    },
    Binding {
        keys: &[ch('+'), ch('=')],
        label: "+",
        help: "this question matters more (importance: ignore, low, normal, high)",
        command: WizardAction::Importance(true),
    },
    Binding {
        keys: &[ch('-')],
        label: "-",
        help: "this question matters less",
        command: WizardAction::Importance(false),
    },
    Binding { keys: &[ch('s')], label: "s", help: "skip this question", command: WizardAction::Skip },
    Binding { keys: &[ch('b')], label: "b", help: "back a question, or a page", command: WizardAction::Back },
    Binding { keys: &[ch('n')], label: "n", help: "next question, keeping the answer", command: WizardAction::Forward },
    Binding { keys: &[ch('e')], label: "e", help: "all answers, to review or change", command: WizardAction::Answers },
    Binding { keys: &[ch('r')], label: "r", help: "the result", command: WizardAction::Result },
    Binding {
        keys: &[ch('x')],
        label: "x",
        help: "start over (asks first: y clears the answers, Esc keeps them)",
        command: WizardAction::Restart,
    },
    Binding { keys: &[ch('y')], label: "y", help: "yes, start over", command: WizardAction::Confirm(true) },
    Binding {
        keys: &[ch('u')],
        label: "u",
        help: "undo starting over (until you leave the tab)",
        command: WizardAction::Undo,
    },
    Binding {
        keys: &[ch('w')],
        label: "w",
        help: "result page: write a decision record (MADR) into the current directory",
        command: WizardAction::Record,
    },
    Binding {
        keys: &[ch('c')],
        label: "c",
        help: "result page: copy the result as Markdown (as c copies the selection elsewhere)",
        command: WizardAction::Copy,
    },
];

/// Keys of a search line (FAQ filter or palette). Any other character is typed.
pub const LINE_BINDINGS: &[Binding<LineCommand>] = &[
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "FAQ: keep the filter and go to the list · palette: jump to the hit",
        command: LineCommand::Accept,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        help: "FAQ: clear the filter · palette: close",
        command: LineCommand::Cancel,
    },
    Binding {
        keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        label: "↓ Ctrl-N",
        help: "next hit",
        command: LineCommand::Down,
    },
    Binding {
        keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        label: "↑ Ctrl-P",
        help: "previous hit",
        command: LineCommand::Up,
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        label: "PgDn",
        help: "a page of hits down",
        command: LineCommand::PageDown,
    },
    Binding { keys: &[key(KeyCode::PageUp)], label: "PgUp", help: "a page of hits up", command: LineCommand::PageUp },
    Binding { keys: &[key(KeyCode::Home)], label: "Home", help: "best hit", command: LineCommand::First },
    Binding { keys: &[key(KeyCode::End)], label: "End", help: "last hit", command: LineCommand::Last },
    Binding {
        keys: &[key(KeyCode::Backspace)],
        label: "Backspace",
        help: "delete a character",
        command: LineCommand::Backspace,
    },
    Binding { keys: &[ctrl('w')], label: "Ctrl-W", help: "delete a word", command: LineCommand::DeleteWord },
    Binding { keys: &[ctrl('u')], label: "Ctrl-U", help: "clear the query", command: LineCommand::Clear },
    Binding { keys: &[ctrl('c')], label: "Ctrl-C", help: "quit", command: LineCommand::Quit },
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
pub const BINDINGS: &[Binding<KeyCommand>] = &[
    Binding { keys: &[key(KeyCode::Tab), ch(']')], label: "Tab ]", help: "next tab", command: KeyCommand::NextTab },
    Binding {
        keys: &[key(KeyCode::BackTab), ch('[')],
        label: "Shift-Tab [",
        help: "previous tab",
        command: KeyCommand::PreviousTab,
    },
    Binding {
        keys: &[key(KeyCode::Left), ch('h')],
        label: "← h",
        help: "the pane or column to the left (Pros/Cons: the previous subject; else the list)",
        command: KeyCommand::PaneLeft,
    },
    Binding {
        keys: &[key(KeyCode::Right), ch('l')],
        label: "→ l",
        help: "the pane or column to the right (Pros/Cons: the next subject; else the text, where ↑↓ scroll)",
        command: KeyCommand::PaneRight,
    },
    Binding {
        keys: &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7')],
        label: "1–7",
        help: "go to tab by number",
        command: KeyCommand::TabByNumber,
    },
    Binding {
        keys: &[key(KeyCode::Down), ch('j')],
        label: "↓ j",
        help: "move down (scroll, where a page has no list)",
        command: KeyCommand::Down,
    },
    Binding { keys: &[key(KeyCode::Up), ch('k')], label: "↑ k", help: "move up", command: KeyCommand::Up },
    Binding {
        keys: &[key(KeyCode::PageDown), ctrl('d')],
        label: "PgDn Ctrl-D",
        help: "a page down",
        command: KeyCommand::PageDown,
    },
    Binding {
        keys: &[key(KeyCode::PageUp), ctrl('u')],
        label: "PgUp Ctrl-U",
        help: "a page up",
        command: KeyCommand::PageUp,
    },
    Binding { keys: &[key(KeyCode::Home), ch('g')], label: "Home g", help: "first", command: KeyCommand::First },
    Binding { keys: &[key(KeyCode::End), ch('G')], label: "End G", help: "last", command: KeyCommand::Last },
    Binding {
        keys: &[key(KeyCode::Enter)],
        label: "Enter",
        help: "open the selection full-screen; Enter again closes it",
        command: KeyCommand::Expand,
    },
    Binding {
        keys: &[ch('J'), key(KeyCode::Char(' '))],
        label: "J Space",
        help: "scroll the text pane down",
        command: KeyCommand::ScrollDown,
    },
    Binding {
        keys: &[ch('K'), key(KeyCode::Backspace)],
        label: "K Backspace",
        help: "scroll the text pane up",
        command: KeyCommand::ScrollUp,
    },
    Binding {
        keys: &[ch('/')],
        label: "/",
        help: "search: filter the FAQ (on the FAQ tab), search everything (elsewhere)",
        command: KeyCommand::Search,
    },
    Binding {
        keys: &[ctrl('p'), ctrl('f'), ch(':')],
        label: "Ctrl-P Ctrl-F :",
        help: "search everything, then Enter jumps to the hit",
        command: KeyCommand::Palette,
    },
    Binding {
        keys: &[ch('o')],
        label: "o",
        help: "open the selection's link (a homepage, a source) in the browser",
        command: KeyCommand::OpenLink,
    },
    Binding {
        keys: &[ch('c')],
        label: "c",
        help: "copy the selection's text to the clipboard (OSC 52, works over SSH)",
        command: KeyCommand::Copy,
    },
    Binding {
        keys: &[ctrl('o')],
        label: "Ctrl-O",
        help: "open another comparison: the shipped ones and your own, filtered as you type",
        command: KeyCommand::Picker,
    },
    Binding { keys: &[ch('?')], label: "?", help: "show or hide this help", command: KeyCommand::Help },
    Binding {
        keys: &[key(KeyCode::Esc)],
        label: "Esc",
        help: "close help, the open entry or the FAQ filter (never quits)",
        command: KeyCommand::Back,
    },
    Binding { keys: &[ch('q'), ctrl('c')], label: "q Ctrl-C", help: "quit", command: KeyCommand::Quit },
    Binding {
        keys: &[ctrl('z')],
        label: "Ctrl-Z",
        help: "suspend to the shell (fg brings it back)",
        command: KeyCommand::Suspend,
    },
];

/// The query language of every search line (fzf's extended search), for the help overlay.
pub const SEARCH_SYNTAX_HELP: &[(&str, &str)] = &[
    ("flask fast", "both words (each matches a word, its start, its stem or a typo of it)"),
    ("'text", "exactly this text"),
    ("^text", "a text that starts with it"),
    ("text$", "a text that ends with it"),
    ("!text", "leave out entries that contain it"),
    ("a | b", "either"),
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
pub fn binding_for(event: &KeyEvent) -> Option<&'static Binding<KeyCommand>> {
    find(BINDINGS, event)
}

/// The search-line binding for a key press, if any.
pub(super) fn line_binding_for(event: &KeyEvent) -> Option<&'static Binding<LineCommand>> {
    find(LINE_BINDINGS, event)
}

/// The wizard binding for a key press, if any.
pub(super) fn wizard_binding_for(event: &KeyEvent) -> Option<&'static Binding<WizardAction>> {
    find(WIZARD_BINDINGS, event)
}

/// The help overlay's rows: (keys, what they do): the keymap, the search
/// line's keys, the wizard's, then the mouse. An empty key starts a section.
pub fn help_rows() -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| (b.label, b.help))
        .chain([("", "In a search line (type to search):")])
        .chain(LINE_BINDINGS.iter().map(|b| (b.label, b.help)))
        .chain([("", "Search syntax (as in fzf; an uppercase letter makes a word case-sensitive):")])
        .chain(SEARCH_SYNTAX_HELP.iter().copied())
        .chain([("", "On the Decide tab (the decision wizard):")])
        .chain(WIZARD_BINDINGS.iter().map(|b| (b.label, b.help)))
        .chain([("", "Mouse:")])
        .chain(MOUSE_HELP.iter().copied())
        .collect()
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
        assert_unique(LINE_BINDINGS.iter().flat_map(|b| b.keys));
        assert_unique(WIZARD_BINDINGS.iter().flat_map(|b| b.keys));
    }

    /// The status line writes keys in short form; each must be bound to what it claims.
    #[test]
    fn status_line_keys_do_what_they_say() {
        let claims = [
            (KeyCode::Char('?'), KeyCommand::Help),
            (KeyCode::Char('q'), KeyCommand::Quit),
            (KeyCode::Up, KeyCommand::Up),
            (KeyCode::Down, KeyCommand::Down),
            (KeyCode::Tab, KeyCommand::NextTab),
            (KeyCode::Left, KeyCommand::PaneLeft),
            (KeyCode::Right, KeyCommand::PaneRight),
            (KeyCode::Enter, KeyCommand::Expand),
            (KeyCode::Esc, KeyCommand::Back),
            (KeyCode::Char('J'), KeyCommand::ScrollDown),
            (KeyCode::Char('K'), KeyCommand::ScrollUp),
            (KeyCode::Char('/'), KeyCommand::Search),
        ];
        for (code, command) in claims {
            let bound = binding_for(&KeyEvent::new(code, KeyModifiers::NONE)).map(|b| b.command);
            assert_eq!(bound, Some(command), "{code:?}");
        }
        let ctrl_o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(binding_for(&ctrl_o).map(|b| b.command), Some(KeyCommand::Picker), "^O");
        let wizard = [
            (KeyCode::Enter, WizardAction::Pick),
            (KeyCode::Char('+'), WizardAction::Importance(true)),
            (KeyCode::Char('-'), WizardAction::Importance(false)),
            (KeyCode::Char('u'), WizardAction::Undo),
            (KeyCode::Char('s'), WizardAction::Skip),
            (KeyCode::Char('b'), WizardAction::Back),
            (KeyCode::Char('e'), WizardAction::Answers),
            (KeyCode::Char('r'), WizardAction::Result),
            (KeyCode::Char('x'), WizardAction::Restart),
            (KeyCode::Down, WizardAction::Cursor(1)),
            (KeyCode::Up, WizardAction::Cursor(-1)),
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
            assert_eq!(binding_for(&g).map(|b| b.command), Some(KeyCommand::Last));
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(binding_for(&ctrl_c).map(|b| b.command), Some(KeyCommand::Quit));
        let plain_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(binding_for(&plain_c).map(|b| b.command), Some(KeyCommand::Copy), "c copies; Ctrl-C quits");
        let alt_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT);
        assert!(binding_for(&alt_c).is_none());
    }
}
