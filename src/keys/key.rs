//! One key press as the keymaps name it: how it is written in the help and
//! the config file, and how a config file's spelling is read back.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

/// Named keys, as a config file writes them (lowercase), and as help shows them.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "Shift-Tab"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("space", KeyCode::Char(' '), "Space"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("delete", KeyCode::Delete, "Del"),
    ("insert", KeyCode::Insert, "Ins"),
];

/// Other spellings a config file may use.
const ALIASES: &[(&str, &str)] = &[
    ("escape", "esc"),
    ("return", "enter"),
    ("backtab", "shift-tab"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
    ("del", "delete"),
];

/// What a config file may write, for the error that says so.
pub const KEY_SYNTAX: &str = "a character (q, ?, ]), ctrl- or alt- and a character (ctrl-c), f1 to f12, or one of \
     enter, esc, tab, shift-tab, backspace, space, up, down, left, right, pageup, pagedown, home, end, delete, insert";

impl Key {
    /// Whether this key press is this key. Shift is ignored (terminals differ
    /// on whether `G` arrives with it, and Shift-Tab is its own key).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.code == event.code && self.modifiers == event.modifiers - KeyModifiers::SHIFT
    }

    /// A plain character: what a search line types rather than obeys.
    pub fn is_typed(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && (self.modifiers - KeyModifiers::SHIFT).is_empty()
    }

    /// As help and the status line write it: `q`, `Ctrl-C`, `↓`, `PgDn`, `Space`.
    pub fn label(&self) -> String {
        self.written(true)
    }

    /// As a config file writes it: `q`, `ctrl-c`, `down`, `pagedown`.
    pub fn spelling(&self) -> String {
        self.written(false)
    }

    /// The key in help's words (`for_help`) or a config file's.
    fn written(&self, for_help: bool) -> String {
        let ctrl = self.modifiers.contains(KeyModifiers::CONTROL);
        let named = NAMED.iter().find(|(_, k, _)| *k == self.code).map(|(n, _, l)| if for_help { l } else { n });
        let base = match (named, self.code) {
            (Some(name), _) => name.to_string(),
            (None, KeyCode::Char(c)) if for_help && ctrl => c.to_uppercase().to_string(),
            (None, KeyCode::Char(c)) => c.to_string(),
            (None, KeyCode::F(n)) if for_help => format!("F{n}"),
            (None, KeyCode::F(n)) => format!("f{n}"),
            (None, _) => "?".into(),
        };
        let (ctrl_prefix, alt_prefix) = if for_help { ("Ctrl-", "Alt-") } else { ("ctrl-", "alt-") };
        let mut out = String::new();
        if ctrl {
            out.push_str(ctrl_prefix);
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str(alt_prefix);
        }
        out + &base
    }

    /// Reads a config file's spelling of a key; the error says what may be written.
    pub fn parse(text: &str) -> Result<Key, String> {
        let bad = || format!("unknown key \"{}\": write {KEY_SYNTAX}", text.escape_debug());
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // Ctrl with a letter arrives lowercase.
                let c = if modifiers.contains(KeyModifiers::CONTROL) { c.to_ascii_lowercase() } else { c };
                KeyCode::Char(c)
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let name = ALIASES.iter().find(|(a, _)| *a == lower).map_or(lower.as_str(), |(_, n)| n);
                match NAMED.iter().find(|(n, _, _)| *n == name) {
                    Some((_, code, _)) => *code,
                    None => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        Some(n @ 1..=12) => KeyCode::F(n),
                        _ => return Err(bad()),
                    },
                }
            }
        };
        // Terminals send these as Tab, Enter and Esc: bound, they would never arrive.
        if let (KeyCode::Char(c @ ('i' | 'm' | '[')), true) = (code, modifiers.contains(KeyModifiers::CONTROL)) {
            let same = match c {
                'i' => "tab",
                'm' => "enter",
                _ => "esc",
            };
            return Err(format!("ctrl-{c} reaches versus as {same} in a terminal; bind {same} or another key"));
        }
        Ok(Key { code, modifiers })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_read_back_to_the_same_key() {
        for k in [ch('q'), ch('G'), ch('?'), ctrl('c'), key(KeyCode::BackTab), key(KeyCode::PageDown), ch(' ')] {
            assert_eq!(Key::parse(&k.spelling()), Ok(k), "{}", k.spelling());
        }
        assert_eq!(Key::parse("Ctrl-C"), Ok(ctrl('c')));
        assert_eq!(Key::parse("Escape"), Ok(key(KeyCode::Esc)));
        assert_eq!(Key::parse("f5"), Ok(key(KeyCode::F(5))));
        assert_eq!(Key::parse("-"), Ok(ch('-')));
        assert_eq!(Key::parse("alt-x").map(|k| k.label()), Ok("Alt-x".to_string()));
        for bad in ["", "ctlr-c", "f13", "enterr", "\u{1b}"] {
            let e = Key::parse(bad).unwrap_err();
            assert!(e.contains("unknown key") && e.contains("ctrl-c") && !e.contains('\u{1b}'), "{e}");
        }
        assert!(Key::parse("\u{1b}[31m").unwrap_err().contains("\\u{1b}[31m"), "shown escaped, not dropped");
        assert!(Key::parse("ctrl-i").unwrap_err().contains("as tab"));
    }

    #[test]
    fn labels_are_short_and_readable() {
        assert_eq!(ctrl('o').label(), "Ctrl-O");
        assert_eq!(key(KeyCode::Down).label(), "↓");
        assert_eq!(key(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(ch(' ').label(), "Space");
    }
}
