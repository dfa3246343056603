//! Untrusted text from data files, made safe for a terminal.
//!
//! Every string in a comparison passes through [`sanitize`] while it is being
//! deserialized, so no escape sequence or control character can reach the
//! screen, a pipe or an export. Two wrappers then fix the whitespace rules:
//! [`Line`] for names and labels (one line, whitespace collapsed) and [`Text`]
//! for prose (paragraphs kept, lines inside a paragraph joined, so authors may
//! wrap long strings in the RON file).

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Removes terminal escape sequences (ESC, CSI, OSC, DCS and friends, in their
/// 7-bit and C1 forms), every other control character except newline and tab,
/// and the Unicode bidirectional overrides that can make text lie about its
/// order. Carriage returns become newlines; Unicode's line and paragraph
/// separators, spaces.
pub(crate) fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // ESC, optional intermediates (0x20–0x2F), one final byte.
                Some(' '..='/') => {
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next();
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            // Line and paragraph separators break lines in some terminals: a space keeps the words apart.
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// CSI: parameter and intermediate bytes up to a final byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if matches!(c, '@'..='~') || !matches!(c, ' '..='?') {
            return;
        }
    }
}

/// OSC, DCS, SOS, PM, APC: everything up to BEL, ST (`ESC \` or U+009C), or the end.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// Every Unicode bidirectional formatting character (the Arabic letter mark,
/// the left-to-right and right-to-left marks, embeddings, overrides and
/// isolates), and the byte-order mark / zero-width no-break space.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// JSON text made safe to print without changing what it says: every
/// character [`sanitize`] would drop that the JSON writer leaves raw (DEL, the
/// C1 controls such as U+009B, the bidirectional controls) written as a
/// `\u` escape of four hex digits. Such characters can only be inside strings (JSON's own
/// syntax is ASCII, and the writer escapes the C0 controls), so a script
/// still reads the exact text: a file's true name, say.
pub(crate) fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if (c.is_control() && !c.is_ascii_whitespace()) || is_bidi_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that show nothing: Unicode's default-ignorable code points
/// (zero-width spaces and joiners, the soft hyphen, word joiners, the
/// bidirectional controls, variation selectors, Hangul fillers, tags) and
/// the interlinear annotation controls, the format characters (category Cf)
/// a name could hide.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// What a name looks like, for telling names apart: without invisible
/// characters ([`is_invisible`]), in compatibility form (NFKC: a no-break
/// space is a space, `Ａ` is `A`, `ﬁ` is `fi`), case-folded, with whitespace
/// collapsed. Two names with the same key read the same on screen: `A`,
/// `\u{202e}A`, `A\u{200b}`, `a` and `Ａ`. (Letters of other scripts that
/// merely resemble Latin ones, such as Cyrillic `А`, keep their own key.)
pub(crate) fn lookalike_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    let folded: String = visible.nfkc().collect::<String>().to_lowercase().nfkc().collect();
    collapse(&folded)
}

/// "1 use case", "3 use cases": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` cut to at most `max` characters, the cut marked with a final `…`
/// (which counts toward `max`). Borrowed when it already fits.
pub(crate) fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = s.char_indices().nth(max.saturating_sub(1)).map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &s[..keep]))
        }
    }
}

/// [`sanitize`]d, then on one line: newlines and tabs become spaces. For
/// file names and messages that are printed inside a line of their own.
pub fn sanitize_line(input: &str) -> String {
    sanitize(input).replace(['\n', '\t'], " ")
}

/// Collapses every run of whitespace (newlines and tabs included) into one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `s` is already what [`Line`] makes of it: no control or
/// direction characters, no whitespace but single inner spaces. Most strings
/// are, and can then be kept without copying.
fn is_clean_line(s: &str) -> bool {
    !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| c == ' ' || !(c.is_whitespace() || c.is_control() || is_bidi_control(c)))
}

/// True when `s` is already what [`Text`] makes of it: clean lines joined by
/// single blank lines.
fn is_clean_text(s: &str) -> bool {
    s.split("\n\n").all(|p| !p.is_empty() && is_clean_line(p))
}

macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident, $normalize:path, $is_clean:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn new(raw: &str) -> Self {
                Self($normalize(&sanitize(raw)))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                Self::new(raw)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                Ok(if $is_clean(&raw) { Self(raw) } else { Self::new(&raw) })
            }
        }
    };
}

text_type!(
    /// A one-line string: a name, label, id or table cell.
    Line,
    collapse,
    is_clean_line
);

text_type!(
    /// Prose: paragraphs separated by `\n\n`, each paragraph on one line.
    Text,
    paragraphs,
    is_clean_text
);

/// Splits on blank lines into paragraphs and collapses the whitespace inside each.
fn paragraphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut current = String::new();
    for line in s.split('\n').chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&collapse(&current));
                current.clear();
            }
        } else {
            current.push_str(line);
            current.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_of_every_kind() {
        let cases = [
            ("a\u{1b}[31mred\u{1b}[0m b", "ared b"),
            ("x\u{1b}]0;title\u{7}y", "xy"),
            ("x\u{1b}]8;;http://e.vil\u{1b}\\link\u{1b}]8;;\u{1b}\\y", "xlinky"),
            ("x\u{9b}2Jy", "xy"),
            ("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y", "xy"),
            ("x\u{1b}(By", "xy"),
            ("x\u{1b}cy", "xy"),
            ("bell\u{7}\u{8}\u{0}\u{7f}\u{85}", "bell"),
            ("left\u{202e}right", "leftright"),
            (
                "a\u{61c}b\u{200e}c\u{200f}d\u{202a}\u{202b}\u{202c}\u{202d}e\u{2066}\u{2067}\u{2068}\u{2069}f\u{feff}g",
                "abcdefg",
            ),
            ("unterminated \u{1b}]0;title", "unterminated "),
            ("one\u{2028}line\u{2029}here", "one line here"),
        ];
        for (raw, want) in cases {
            assert_eq!(sanitize(raw), want, "input {raw:?}");
        }
    }

    #[test]
    fn json_keeps_every_character_but_escapes_what_a_terminal_would_obey() {
        let hostile = "a\u{9b}2J\u{7f}\u{202e}b\u{2066}\u{1b}[0m\u{85}\u{feff} 日本";
        let json = serde_json::to_string_pretty(&serde_json::json!({ "name": hostile, "list": [hostile] })).unwrap();
        let safe = escape_json(&json);
        assert_eq!(sanitize(&safe), safe, "nothing left to strip: {safe}");
        assert!(safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u007f"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["name"], hostile, "the exact text");
        assert_eq!(back["list"][0], hostile);
        let plain =
            serde_json::to_string_pretty(&serde_json::json!({ "name": "Größe — 日本語", "n": [1, 2] })).unwrap();
        assert_eq!(escape_json(&plain), plain, "anything else is left as it was");
    }

    #[test]
    fn lookalike_names_share_a_key() {
        let same = [
            "Tea",
            "\u{202e}Tea",
            "T\u{200b}ea",
            "Tea\u{feff}",
            "te\u{ad}a",
            "TEA",
            "Ｔｅａ",
            " Tea\u{a0}",
            "Te\u{2060}a\u{fe0f}",
        ];
        for name in same {
            assert_eq!(lookalike_key(name), "tea", "{name:?}");
        }
        assert_eq!(lookalike_key("Green\u{a0}\u{a0}Tea"), lookalike_key("green tea"));
        assert_eq!(lookalike_key("ﬁlter"), lookalike_key("Filter"));
        assert_eq!(lookalike_key("Cafe\u{301}"), lookalike_key("CAFÉ"), "composed or not");
        for different in ["Teas", "Tee", "Té", "Т\u{435}a"] {
            assert_ne!(lookalike_key(different), "tea", "{different:?}");
        }
    }

    #[test]
    fn clean_strings_are_recognised_exactly() {
        for s in ["one line", "Größe — 日本語", "a", "x: y · z"] {
            assert!(is_clean_line(s), "{s:?}");
            assert_eq!(Line::new(s).as_str(), s);
        }
        for s in [
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "new\nline",
            "esc\u{1b}[0m",
            "bidi\u{202e}",
            "nbsp\u{a0}x",
            "",
        ] {
            assert!(!is_clean_line(s) || s.is_empty() && Line::new(s).as_str() == s, "{s:?}");
            if !s.is_empty() {
                assert_ne!(Line::new(s).as_str(), s, "{s:?} is not clean, so normalising changes it");
            }
        }
        assert!(is_clean_text("para one\n\npara two"));
        assert!(!is_clean_text("para one\n\n\npara two"));
        assert!(!is_clean_text("wrapped\nline"));
    }

    #[test]
    fn clip_counts_characters_and_marks_the_cut() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("exactly10!", 10), "exactly10!");
        assert_eq!(clip("日本語日本語", 4), "日本語…");
    }

    #[test]
    fn keeps_ordinary_unicode() {
        assert_eq!(sanitize("Größe — 日本語 🚀"), "Größe — 日本語 🚀");
    }

    #[test]
    fn line_collapses_all_whitespace() {
        assert_eq!(Line::new("  two\n\tlines\r\n here ").as_str(), "two lines here");
    }

    #[test]
    fn text_keeps_paragraphs_and_joins_wrapped_lines() {
        let t = Text::new("First line\n    wrapped.\n\n\n\tSecond\r\n\r\nThird  ");
        assert_eq!(t.as_str(), "First line wrapped.\n\nSecond\n\nThird");
    }
}
