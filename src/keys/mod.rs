//! The keymaps, as data: which keys give which command, the name of each
//! command (what the help overlay shows and a config file remaps), and what
//! it does. One [`Keymap`] is in effect: the defaults with a config file's
//! changes. It drives the input mapping, the help overlay, the status line
//! and every key a view mentions, so what is shown is what works.

mod key;

use crossterm::event::{KeyCode, KeyEvent};

pub(crate) use key::KEY_SYNTAX;
pub use key::Key;
use key::{ch, ctrl, key};

use crate::wizard::WizardAction;

/// The key that quits in every mode (a search line, the wizard, help, the
/// palette, the picker), whatever a config file binds, as in most terminal
/// apps: no config can take the way out away. A config may list it under
/// `quit` and nowhere else.
pub(crate) const ALWAYS_QUITS: Key = ctrl('c');

/// What a binding does, before it is turned into an action for the current view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    Suspend,
    NextTab,
    PreviousTab,
    PaneLeft,
    PaneRight,
    /// Its keys go to the tabs in order: the first to tab 1.
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

/// A command's name, keys, and what help says it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding<C> {
    /// The action's name: shown in help, written in a config file.
    pub name: &'static str,
    pub keys: Vec<Key>,
    pub help: &'static str,
    pub command: C,
}

/// A binding as shipped.
struct Default<C: 'static> {
    name: &'static str,
    keys: &'static [Key],
    help: &'static str,
    command: C,
}

/// Every key the app understands outside a search line. Order is the order of the help overlay.
const MAIN: &[Default<KeyCommand>] = &[
    Default { name: "next_tab", keys: &[key(KeyCode::Tab), ch(']')], help: "next tab", command: KeyCommand::NextTab },
    Default {
        name: "previous_tab",
        keys: &[key(KeyCode::BackTab), ch('[')],
        help: "previous tab",
        command: KeyCommand::PreviousTab,
    },
    Default {
        name: "pane_left",
        keys: &[key(KeyCode::Left), ch('h')],
        help: "the pane or column to the left (Pros/Cons: the previous subject; else the list)",
        command: KeyCommand::PaneLeft,
    },
    Default {
        name: "pane_right",
        keys: &[key(KeyCode::Right), ch('l')],
        help: "the pane or column to the right (Pros/Cons: the next subject; else the text, where ↑↓ scroll)",
        command: KeyCommand::PaneRight,
    },
    Default {
        name: "go_to_tab",
        keys: &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7')],
        help: "go to tab by number",
        command: KeyCommand::TabByNumber,
    },
    Default {
        name: "down",
        keys: &[key(KeyCode::Down), ch('j')],
        help: "move down (scroll, where a page has no list)",
        command: KeyCommand::Down,
    },
    Default { name: "up", keys: &[key(KeyCode::Up), ch('k')], help: "move up", command: KeyCommand::Up },
    Default {
        name: "page_down",
        keys: &[key(KeyCode::PageDown), ctrl('d')],
        help: "a page down",
        command: KeyCommand::PageDown,
    },
    Default {
        name: "page_up",
        keys: &[key(KeyCode::PageUp), ctrl('u')],
        help: "a page up",
        command: KeyCommand::PageUp,
    },
    Default { name: "first", keys: &[key(KeyCode::Home), ch('g')], help: "first", command: KeyCommand::First },
    Default { name: "last", keys: &[key(KeyCode::End), ch('G')], help: "last", command: KeyCommand::Last },
    Default {
        name: "open",
        keys: &[key(KeyCode::Enter)],
        help: "open the selection full-screen, or close it again",
        command: KeyCommand::Expand,
    },
    Default {
        name: "scroll_down",
        keys: &[ch('J'), key(KeyCode::Char(' '))],
        help: "scroll the text pane down",
        command: KeyCommand::ScrollDown,
    },
    Default {
        name: "scroll_up",
        keys: &[ch('K'), key(KeyCode::Backspace)],
        help: "scroll the text pane up",
        command: KeyCommand::ScrollUp,
    },
    Default {
        name: "search",
        keys: &[ch('/')],
        help: "search: filter the FAQ (on the FAQ tab), search everything (elsewhere)",
        command: KeyCommand::Search,
    },
    Default {
        name: "search_everything",
        keys: &[ctrl('p'), ctrl('f'), ch(':')],
        help: "search everything and jump to a hit",
        command: KeyCommand::Palette,
    },
    Default {
        name: "open_link",
        keys: &[ch('o')],
        help: "open the selection's link (a homepage, a source) in the browser",
        command: KeyCommand::OpenLink,
    },
    Default {
        name: "copy",
        keys: &[ch('c')],
        help: "copy the selection's text to the clipboard (OSC 52, works over SSH)",
        command: KeyCommand::Copy,
    },
    Default {
        name: "comparisons",
        keys: &[ctrl('o')],
        help: "open another comparison: the shipped ones and your own, filtered as you type",
        command: KeyCommand::Picker,
    },
    Default { name: "help", keys: &[ch('?')], help: "show or hide this help", command: KeyCommand::Help },
    Default {
        name: "back",
        keys: &[key(KeyCode::Esc)],
        help: "close help, the open entry or the FAQ filter (never quits)",
        command: KeyCommand::Back,
    },
    Default {
        name: "quit",
        keys: &[ch('q'), ctrl('c')],
        help: "quit (Ctrl-C always quits, whatever config.ron says)",
        command: KeyCommand::Quit,
    },
    Default {
        name: "suspend",
        keys: &[ctrl('z')],
        help: "suspend to the shell (fg brings it back)",
        command: KeyCommand::Suspend,
    },
];

/// Keys of a search line (FAQ filter, palette, picker). Any other character is typed.
const LINE: &[Default<LineCommand>] = &[
    Default {
        name: "accept",
        keys: &[key(KeyCode::Enter)],
        help: "FAQ: keep the filter and go to the list · palette: jump to the hit",
        command: LineCommand::Accept,
    },
    Default {
        name: "cancel",
        keys: &[key(KeyCode::Esc)],
        help: "FAQ: clear the filter · palette: close",
        command: LineCommand::Cancel,
    },
    Default {
        name: "next_hit",
        keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        help: "next hit",
        command: LineCommand::Down,
    },
    Default {
        name: "previous_hit",
        keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        help: "previous hit",
        command: LineCommand::Up,
    },
    Default {
        name: "page_down",
        keys: &[key(KeyCode::PageDown)],
        help: "a page of hits down",
        command: LineCommand::PageDown,
    },
    Default { name: "page_up", keys: &[key(KeyCode::PageUp)], help: "a page of hits up", command: LineCommand::PageUp },
    Default { name: "first", keys: &[key(KeyCode::Home)], help: "best hit", command: LineCommand::First },
    Default { name: "last", keys: &[key(KeyCode::End)], help: "last hit", command: LineCommand::Last },
    Default {
        name: "delete_char",
        keys: &[key(KeyCode::Backspace)],
        help: "delete a character",
        command: LineCommand::Backspace,
    },
    Default { name: "delete_word", keys: &[ctrl('w')], help: "delete a word", command: LineCommand::DeleteWord },
    Default { name: "clear", keys: &[ctrl('u')], help: "clear the query", command: LineCommand::Clear },
    Default {
        name: "quit",
        keys: &[ctrl('c')],
        help: "quit (Ctrl-C always quits, whatever config.ron says)",
        command: LineCommand::Quit,
    },
];

/// Keys of the decision wizard (Decide tab). Other keys work as everywhere:
/// digits switch tabs here too.
const WIZARD: &[Default<WizardAction>] = &[
    Default {
        name: "next_option",
        keys: &[key(KeyCode::Down), ch('j')],
        help: "next option or answer (PgDn PgUp scroll the page)",
        command: WizardAction::Cursor(1),
    },
    Default {
        name: "previous_option",
        keys: &[key(KeyCode::Up), ch('k')],
        help: "previous option or answer",
        command: WizardAction::Cursor(-1),
    },
    Default {
        name: "choose",
        keys: &[key(KeyCode::Enter)],
        help: "choose the highlighted option; on the answers and result pages, change that answer",
        command: WizardAction::Pick,
    },
    Default {
        name: "more_important",
        keys: &[ch('+'), ch('=')],
        help: "this question matters more (importance: ignore, low, normal, high)",
        command: WizardAction::Importance(true),
    },
    Default {
        name: "less_important",
        keys: &[ch('-')],
        help: "this question matters less",
        command: WizardAction::Importance(false),
    },
    Default { name: "skip", keys: &[ch('s')], help: "skip this question", command: WizardAction::Skip },
    Default { name: "back", keys: &[ch('b')], help: "back a question, or a page", command: WizardAction::Back },
    Default {
        name: "forward",
        keys: &[ch('n')],
        help: "next question, keeping the answer",
        command: WizardAction::Forward,
    },
    Default {
        name: "answers",
        keys: &[ch('e')],
        help: "all answers, to review or change",
        command: WizardAction::Answers,
    },
    Default { name: "result", keys: &[ch('r')], help: "the result", command: WizardAction::Result },
    Default {
        name: "start_over",
        keys: &[ch('x')],
        help: "start over (asks first; confirm clears the answers, back keeps them)",
        command: WizardAction::Restart,
    },
    Default {
        name: "confirm",
        keys: &[ch('y')],
        help: "yes, start over (confirm)",
        command: WizardAction::Confirm(true),
    },
    Default {
        name: "undo",
        keys: &[ch('u')],
        help: "undo starting over (until you leave the tab)",
        command: WizardAction::Undo,
    },
    Default {
        name: "write_record",
        keys: &[ch('w')],
        help: "result page: write a decision record (MADR 4.0) here, or numbered into docs/decisions (asks)",
        command: WizardAction::Record,
    },
    Default {
        name: "copy_result",
        keys: &[ch('c')],
        help: "result page: copy the result as Markdown (as c copies the selection elsewhere)",
        command: WizardAction::Copy,
    },
    Default {
        name: "export_answers",
        keys: &[ch('E')],
        help: "result page: export your answers to a file, answers-NAME.json, for a colleague's --with",
        command: WizardAction::ExportAnswers,
    },
    Default {
        name: "together",
        keys: &[ch('t')],
        help: "together: the group's result with the answer files given by --with",
        command: WizardAction::Together,
    },
];

/// The query language of every search line (fzf's extended search), for the help overlay.
pub(crate) const SEARCH_SYNTAX_HELP: &[(&str, &str)] = &[
    ("flask fast", "both words (each matches a word, its start, its stem or a typo of it)"),
    ("'text", "exactly this text"),
    ("^text", "a text that starts with it"),
    ("text$", "a text that ends with it"),
    ("!text", "leave out entries that contain it"),
    ("a | b", "either"),
];

/// Mouse use, for the help overlay.
pub(crate) const MOUSE_HELP: &[(&str, &str)] = &[
    ("click a tab", "go to that tab"),
    ("click a row", "select it; click it again to open it"),
    ("wheel", "move through a list, or scroll the text under the pointer"),
];

/// The three keymaps in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub main: Vec<Binding<KeyCommand>>,
    pub line: Vec<Binding<LineCommand>>,
    pub wizard: Vec<Binding<WizardAction>>,
}

impl std::default::Default for Keymap {
    fn default() -> Keymap {
        fn table<C: Copy>(defaults: &[Default<C>]) -> Vec<Binding<C>> {
            defaults
                .iter()
                .map(|d| Binding { name: d.name, keys: d.keys.to_vec(), help: d.help, command: d.command })
                .collect()
        }
        Keymap { main: table(MAIN), line: table(LINE), wizard: table(WIZARD) }
    }
}

/// One row of the help overlay: keys, what they do, the action's name. A
/// row with no keys and no name starts a section titled by `help`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub help: String,
    pub name: &'static str,
}

/// The binding of `table` whose keys include this key press.
fn find<'a, C>(table: &'a [Binding<C>], event: &KeyEvent) -> Option<&'a Binding<C>> {
    table.iter().find(|b| b.keys.iter().any(|k| k.matches(event)))
}

/// How help writes a binding's keys: "q Ctrl-C", and "1–7" for a run of digits.
fn label<C>(b: &Binding<C>) -> String {
    let digits: Vec<u32> = b
        .keys
        .iter()
        .filter_map(|k| match k.code {
            KeyCode::Char(c) if k.modifiers.is_empty() => c.to_digit(10),
            _ => None,
        })
        .collect();
    let run = digits.len() == b.keys.len() && digits.len() > 2 && digits.windows(2).all(|w| w[1] == w[0] + 1);
    if run {
        return format!("{}–{}", digits[0], digits[digits.len() - 1]);
    }
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ")
}

/// The first key of `command` in `table`, as the status line writes it; empty when unbound.
fn first<C: PartialEq>(table: &[Binding<C>], command: &C) -> String {
    table.iter().find(|b| b.command == *command).and_then(|b| b.keys.first()).map_or(String::new(), Key::label)
}

impl Keymap {
    pub(crate) fn main_for(&self, event: &KeyEvent) -> Option<&Binding<KeyCommand>> {
        find(&self.main, event)
    }

    pub(crate) fn line_for(&self, event: &KeyEvent) -> Option<&Binding<LineCommand>> {
        find(&self.line, event)
    }

    pub(crate) fn wizard_for(&self, event: &KeyEvent) -> Option<&Binding<WizardAction>> {
        find(&self.wizard, event)
    }

    /// The first key of a command, as a hint writes it ("q", "Ctrl-O", "↓").
    pub fn key(&self, command: KeyCommand) -> String {
        first(&self.main, &command)
    }

    pub(crate) fn line_key(&self, command: LineCommand) -> String {
        first(&self.line, &command)
    }

    pub(crate) fn wizard_key(&self, action: WizardAction) -> String {
        first(&self.wizard, &action)
    }

    /// Two commands' first keys as one hint: "↑↓" for arrows, else "k j".
    pub fn pair(&self, a: KeyCommand, b: KeyCommand) -> String {
        join_pair(self.key(a), self.key(b))
    }

    pub(crate) fn pair_line(&self, a: LineCommand, b: LineCommand) -> String {
        join_pair(self.line_key(a), self.line_key(b))
    }

    pub(crate) fn wizard_pair(&self, a: WizardAction, b: WizardAction) -> String {
        join_pair(self.wizard_key(a), self.wizard_key(b))
    }

    /// Each tab's key, in tab order: go_to_tab's keys (empty where it has fewer).
    pub(crate) fn tab_keys(&self) -> Vec<String> {
        let keys = self.main.iter().find(|b| b.command == KeyCommand::TabByNumber).map_or(&[][..], |b| &b.keys[..]);
        keys.iter().map(Key::label).collect()
    }

    /// The help overlay's rows: the main keys, the search line's, the query
    /// syntax, the wizard's, then the mouse.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let section = |title: &str| HelpRow { keys: String::new(), help: title.to_string(), name: "" };
        let fixed = |(k, h): &(&str, &str)| HelpRow { keys: k.to_string(), help: h.to_string(), name: "" };
        let mut rows: Vec<HelpRow> = Vec::new();
        fn of<C>(table: &[Binding<C>]) -> impl Iterator<Item = HelpRow> + '_ {
            table.iter().map(|b| HelpRow { keys: label(b), help: b.help.into(), name: b.name })
        }
        rows.extend(of(&self.main));
        rows.push(section("In a search line (type to search):"));
        rows.extend(of(&self.line));
        rows.push(section("Search syntax (as in fzf; an uppercase letter makes a word case-sensitive):"));
        rows.extend(SEARCH_SYNTAX_HELP.iter().map(fixed));
        rows.push(section("On the Decide tab (the decision wizard):"));
        rows.extend(of(&self.wizard));
        rows.push(section("Mouse:"));
        rows.extend(MOUSE_HELP.iter().map(fixed));
        // Unbound actions still appear, so their names can be found to bind them.
        for row in &mut rows {
            if row.keys.is_empty() && !row.name.is_empty() {
                row.keys = "(none)".into();
            }
        }
        rows
    }

    /// A binding's keys as help writes them, by action name (any table).
    pub fn label_of(&self, name: &str) -> Option<String> {
        let main = self.main.iter().find(|b| b.name == name).map(label);
        main.or_else(|| self.line.iter().find(|b| b.name == name).map(label))
            .or_else(|| self.wizard.iter().find(|b| b.name == name).map(label))
    }

    /// The action names of each table, as a config file may write them.
    pub fn names() -> [Vec<&'static str>; 3] {
        [
            MAIN.iter().map(|d| d.name).collect(),
            LINE.iter().map(|d| d.name).collect(),
            WIZARD.iter().map(|d| d.name).collect(),
        ]
    }

    /// Keys that would not do what help says: bound twice within one table;
    /// or bound in the main table and, with another meaning, in the wizard's,
    /// which comes first on the Decide tab (down and next_option, up and
    /// previous_option, open and choose, copy and copy_result mean the same
    /// and may share keys). Each as (the key, the two actions).
    pub(crate) fn conflicts(&self) -> Vec<(String, &'static str, &'static str)> {
        const SAME: &[(&str, &str)] = &[
            ("down", "next_option"),
            ("up", "previous_option"),
            ("open", "choose"),
            ("copy", "copy_result"),
            ("back", "back"),
        ];
        let mut out = self.conflicts_within();
        for m in &self.main {
            for w in &self.wizard {
                if SAME.contains(&(m.name, w.name)) {
                    continue;
                }
                if let Some(k) = m.keys.iter().find(|k| w.keys.contains(k)) {
                    out.push((k.label(), m.name, w.name));
                }
            }
        }
        out
    }

    fn conflicts_within(&self) -> Vec<(String, &'static str, &'static str)> {
        fn of<C>(table: &[Binding<C>], out: &mut Vec<(String, &'static str, &'static str)>) {
            for (i, a) in table.iter().enumerate() {
                for b in &table[i + 1..] {
                    if let Some(k) = a.keys.iter().find(|k| b.keys.contains(k)) {
                        out.push((k.label(), a.name, b.name));
                    }
                }
            }
        }
        let mut out = Vec::new();
        of(&self.main, &mut out);
        of(&self.line, &mut out);
        of(&self.wizard, &mut out);
        out
    }
}

fn join_pair(a: String, b: String) -> String {
    let arrows = ["↑", "↓", "←", "→"];
    if arrows.contains(&a.as_str()) && arrows.contains(&b.as_str()) { format!("{a}{b}") } else { format!("{a} {b}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    #[test]
    fn no_key_is_bound_twice_and_names_are_unique() {
        assert_eq!(Keymap::default().conflicts(), []);
        for names in Keymap::names() {
            for (i, n) in names.iter().enumerate() {
                assert!(!names[i + 1..].contains(n), "{n} named twice");
                assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{n}");
            }
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let keys = Keymap::default();
        for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            let g = KeyEvent::new(KeyCode::Char('G'), modifiers);
            assert_eq!(keys.main_for(&g).map(|b| b.command), Some(KeyCommand::Last));
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keys.main_for(&ctrl_c).map(|b| b.command), Some(KeyCommand::Quit));
        let plain_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(keys.main_for(&plain_c).map(|b| b.command), Some(KeyCommand::Copy), "c copies; Ctrl-C quits");
        let alt_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::ALT);
        assert!(keys.main_for(&alt_c).is_none());
    }

    #[test]
    fn help_writes_keys_as_the_defaults_did() {
        let keys = Keymap::default();
        assert_eq!(keys.label_of("go_to_tab").as_deref(), Some("1–7"));
        assert_eq!(keys.label_of("quit").as_deref(), Some("q Ctrl-C"));
        assert_eq!(keys.label_of("previous_tab").as_deref(), Some("Shift-Tab ["));
        assert_eq!(keys.pair(KeyCommand::Up, KeyCommand::Down), "↑↓");
        assert_eq!(keys.key(KeyCommand::Picker), "Ctrl-O");
    }
}
