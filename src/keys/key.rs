//! One key press as the keymaps name it: how it is written in the help and
//! the config file, and how a config file's spelling is read back.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
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
pub(crate) const KEY_SYNTAX: &str = "a character (q, ?, ]), f1 to f12, or one of enter, esc, tab, shift-tab, backspace, space, up, \
     down, left, right, pageup, pagedown, home, end, delete, insert; alt- before any of them (alt-x), ctrl- before a \
     letter a to z (ctrl-c), space or a named key but enter, tab, shift-tab, esc and backspace (ctrl-down)";

impl Key {
    /// Whether this key press is this key. Shift is ignored (terminals differ
    /// on whether `G` arrives with it, and Shift-Tab is its own key).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        self.code == event.code && self.modifiers == event.modifiers - KeyModifiers::SHIFT
    }

    /// A plain character: what a search line types rather than obeys.
    pub(crate) fn is_typed(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && (self.modifiers - KeyModifiers::SHIFT).is_empty()
    }

    /// As help and the status line write it: `q`, `Ctrl-C`, `↓`, `PgDn`, `Space`.
    pub fn label(&self) -> String {
        self.written(true)
    }

    /// As a config file writes it: `q`, `ctrl-c`, `down`, `pagedown`.
    pub(crate) fn spelling(&self) -> String {
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

    /// Reads a config file's spelling of a key; the error says what may be
    /// written, or why a terminal cannot send that key.
    ///
    /// versus reads keys as a legacy terminal sends them (crossterm does not
    /// ask for the kitty keyboard protocol), so some keys that can be written
    /// never arrive, or arrive as another key: Ctrl goes only with the letters
    /// a to z and space, and not with i, m or h (a terminal sends those as
    /// Tab, Enter and Backspace), nor with Enter, Tab, Esc or Backspace; Alt
    /// with `[` or `O` starts the codes of the arrow and function keys. Those
    /// are refused with the reason, so no binding advertises a dead key.
    pub fn parse(text: &str) -> Result<Key, String> {
        let shown = text.escape_debug().to_string();
        let bad = || format!("unknown key \"{shown}\": write {KEY_SYNTAX}");
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, modifier) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else {
                break;
            };
            if modifiers.contains(modifier) {
                return Err(format!("{shown}: {prefix} is written twice; write each of ctrl- and alt- at most once"));
            }
            modifiers |= modifier;
            rest = &rest[prefix.len()..];
        }
        let ctrl = modifiers.contains(KeyModifiers::CONTROL);
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && (c == ' ' || !c.is_whitespace()) && !vanishes(c) => {
                if ctrl && let Some(why) = no_ctrl_with(c) {
                    return Err(format!("{shown}: {why}"));
                }
                // Ctrl with a letter arrives lowercase.
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
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
        if let Some(why) = unsendable(code, modifiers) {
            return Err(format!("{shown}: {why}"));
        }
        Ok(Key { code, modifiers })
    }
}

/// Why Ctrl with this character never reaches versus as that key, if it does not.
fn no_ctrl_with(c: char) -> Option<String> {
    let as_named = |name: &str| format!("a terminal sends it as {name}; bind {name} or another key");
    Some(match c.to_ascii_lowercase() {
        'i' => as_named("tab"),
        'm' => as_named("enter"),
        '[' => as_named("esc"),
        'h' => "many terminals send it for backspace (and ctrl-backspace), so it is no key of its own; \
                bind backspace or another letter"
            .into(),
        'a'..='z' | ' ' => return None,
        '0'..='9' => "terminals send no Ctrl with digits; use a letter, such as ctrl-q".into(),
        c if c.is_ascii() => "terminals send no Ctrl with punctuation (it arrives as another key or not at all); \
             use a letter, such as ctrl-q"
            .into(),
        _ => "terminals send Ctrl only with the letters a to z; use one of them, such as ctrl-q".into(),
    })
}

/// Why a key with these modifiers cannot be told from another, if it cannot.
fn unsendable(code: KeyCode, modifiers: KeyModifiers) -> Option<String> {
    let ctrl = modifiers.contains(KeyModifiers::CONTROL);
    let alt = modifiers.contains(KeyModifiers::ALT);
    let plain = |name: &str| {
        format!(
            "terminals send Ctrl with {name} as plain {name}, so versus cannot tell them apart; \
             bind {name} or ctrl- and a letter, such as ctrl-q"
        )
    };
    match code {
        KeyCode::Enter if ctrl => Some(plain("enter")),
        KeyCode::Tab if ctrl => Some(plain("tab")),
        KeyCode::BackTab if ctrl => Some(plain("shift-tab")),
        KeyCode::Esc if ctrl => Some(plain("esc")),
        KeyCode::Backspace if ctrl => Some(
            "terminals send Ctrl with backspace as plain backspace or as ctrl-h, so versus cannot tell it apart; \
             bind backspace or ctrl- and a letter, such as ctrl-q"
                .into(),
        ),
        KeyCode::Esc | KeyCode::BackTab if alt => Some(
            "terminals send Alt as a leading Esc, and Esc before this key arrives as esc alone; \
             use alt- and a letter, such as alt-x"
                .into(),
        ),
        KeyCode::Char(c @ ('[' | 'O')) if alt => Some(format!(
            "terminals send Alt-{c} as Esc {c}, the start of the arrow and function keys' codes, \
             so it never arrives alone; use alt- and another character, such as alt-x"
        )),
        _ => None,
    }
}

/// Whether the sanitizer drops this character (a bidirectional control, say):
/// bound to a key, it would reach the terminal in every hint that names it.
fn vanishes(c: char) -> bool {
    crate::data::sanitize(c.encode_utf8(&mut [0; 4])).is_empty()
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

    /// What a legacy terminal sends (crossterm's parser, kitty's protocol off):
    /// every key it can tell apart is accepted, in either case of spelling.
    #[test]
    fn keys_a_terminal_sends_are_accepted() {
        let with = |code, modifiers| Key { code, modifiers };
        let (c, a) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
        for (text, want) in [
            ("ctrl-a", ctrl('a')),
            ("ctrl-j", ctrl('j')),
            ("ctrl-Z", ctrl('z')),
            ("ctrl-space", ctrl(' ')),
            ("ctrl- ", ctrl(' ')),
            ("ctrl-down", with(KeyCode::Down, c)),
            ("ctrl-pagedown", with(KeyCode::PageDown, c)),
            ("ctrl-f5", with(KeyCode::F(5), c)),
            ("ctrl-delete", with(KeyCode::Delete, c)),
            ("alt-x", with(KeyCode::Char('x'), a)),
            ("alt-o", with(KeyCode::Char('o'), a)),
            ("alt-]", with(KeyCode::Char(']'), a)),
            ("alt-é", with(KeyCode::Char('é'), a)),
            ("alt-enter", with(KeyCode::Enter, a)),
            ("alt-backspace", with(KeyCode::Backspace, a)),
            ("ctrl-alt-x", with(KeyCode::Char('x'), c | a)),
            ("alt-ctrl-x", with(KeyCode::Char('x'), c | a)),
            ("é", ch('é')),
            ("[", ch('[')),
            ("Q", ch('Q')),
        ] {
            assert_eq!(Key::parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn keys_a_terminal_cannot_send_are_refused_with_the_reason() {
        let digits = "terminals send no Ctrl with digits; use a letter, such as ctrl-q";
        let punctuation = "terminals send no Ctrl with punctuation (it arrives as another key or not at all); use a \
                           letter, such as ctrl-q";
        let letters = "terminals send Ctrl only with the letters a to z; use one of them, such as ctrl-q";
        let alt_esc = "terminals send Alt as a leading Esc, and Esc before this key arrives as esc alone; use alt- \
                       and a letter, such as alt-x";
        for (text, why) in [
            ("ctrl-1", digits.to_string()),
            ("ctrl-2", digits.into()),
            ("ctrl-0", digits.into()),
            ("ctrl-?", punctuation.into()),
            ("ctrl-;", punctuation.into()),
            ("ctrl-/", punctuation.into()),
            ("ctrl-]", punctuation.into()),
            ("ctrl-é", letters.into()),
            ("ctrl-Ω", letters.into()),
            ("ctrl-i", "a terminal sends it as tab; bind tab or another key".into()),
            ("Ctrl-M", "a terminal sends it as enter; bind enter or another key".into()),
            ("ctrl-[", "a terminal sends it as esc; bind esc or another key".into()),
            (
                "ctrl-h",
                "many terminals send it for backspace (and ctrl-backspace), so it is no key of its own; bind \
                 backspace or another letter"
                    .into(),
            ),
            (
                "ctrl-enter",
                "terminals send Ctrl with enter as plain enter, so versus cannot tell them apart; bind enter or \
                 ctrl- and a letter, such as ctrl-q"
                    .into(),
            ),
            (
                "ctrl-tab",
                "terminals send Ctrl with tab as plain tab, so versus cannot tell them apart; bind tab or ctrl- \
                 and a letter, such as ctrl-q"
                    .into(),
            ),
            (
                "ctrl-shift-tab",
                "terminals send Ctrl with shift-tab as plain shift-tab, so versus cannot tell them apart; bind \
                 shift-tab or ctrl- and a letter, such as ctrl-q"
                    .into(),
            ),
            (
                "ctrl-esc",
                "terminals send Ctrl with esc as plain esc, so versus cannot tell them apart; bind esc or ctrl- \
                 and a letter, such as ctrl-q"
                    .into(),
            ),
            (
                "ctrl-backspace",
                "terminals send Ctrl with backspace as plain backspace or as ctrl-h, so versus cannot tell it \
                 apart; bind backspace or ctrl- and a letter, such as ctrl-q"
                    .into(),
            ),
            (
                "alt-[",
                "terminals send Alt-[ as Esc [, the start of the arrow and function keys' codes, so it never \
                 arrives alone; use alt- and another character, such as alt-x"
                    .into(),
            ),
            (
                "alt-O",
                "terminals send Alt-O as Esc O, the start of the arrow and function keys' codes, so it never \
                 arrives alone; use alt- and another character, such as alt-x"
                    .into(),
            ),
            ("alt-esc", alt_esc.into()),
            ("alt-shift-tab", alt_esc.into()),
            ("ctrl-ctrl-c", "ctrl- is written twice; write each of ctrl- and alt- at most once".into()),
            ("alt-ctrl-alt-x", "alt- is written twice; write each of ctrl- and alt- at most once".into()),
        ] {
            assert_eq!(Key::parse(text), Err(format!("{text}: {why}")), "{text}");
        }
        for invisible in ["\u{202e}", "\u{a0}", "ctrl-\u{9b}", "\u{7f}"] {
            let e = Key::parse(invisible).unwrap_err();
            assert!(e.starts_with("unknown key") && !e.contains(invisible), "{e}");
        }
    }

    #[test]
    fn labels_are_short_and_readable() {
        assert_eq!(ctrl('o').label(), "Ctrl-O");
        assert_eq!(key(KeyCode::Down).label(), "↓");
        assert_eq!(key(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(ch(' ').label(), "Space");
    }
}
