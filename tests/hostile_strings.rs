//! Data strings are untrusted: escape sequences and control characters placed
//! in every string of a file never survive loading.

use versus::data::{self, Comparison};

/// Terminal attacks of every family, raw (`\\\\` here is RON's escaped backslash, for the
/// backslash of the string terminator `ESC \`).
const PAYLOAD: &str =
    "\u{1b}[31m\u{1b}]0;pwned\u{7}\u{9b}2J\u{1b}P1$r\u{1b}\\\\\u{1b}]8;;http://x\u{1b}\\\\\u{7}\u{202e}\u{0}\u{8}\r";

/// Puts `PAYLOAD` at both ends of every string literal of a RON source,
/// leaving comments alone. Returns the new source and how many strings it touched.
fn inject(src: &str) -> (String, usize) {
    let mut out = String::with_capacity(src.len() * 2);
    let mut chars = src.chars().peekable();
    let mut touched = 0;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                out.push(c);
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                touched += 1;
                out.push('"');
                out.push_str(PAYLOAD);
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            out.push(c);
                            out.extend(chars.next());
                        }
                        '"' => break,
                        c => out.push(c),
                    }
                }
                out.push_str(PAYLOAD);
                out.push('"');
            }
            c => out.push(c),
        }
    }
    (out, touched)
}

fn assert_clean(value: &serde_json::Value, path: &str) {
    match value {
        serde_json::Value::String(s) => {
            for c in s.chars() {
                let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
                assert!(!bidi && (!c.is_control() || c == '\n'), "{path}: {c:?} survived in {s:?}");
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                assert_clean(v, &format!("{path}[{i}]"));
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                assert_clean(&serde_json::Value::String(k.clone()), path);
                assert_clean(v, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

fn check(src: &str, origin: &str) {
    let clean: Comparison = data::load_str(src, origin).unwrap_or_else(|e| panic!("{e}"));
    let (hostile, touched) = inject(src);
    assert!(touched > 20, "the injection reached only {touched} strings");
    assert!(hostile.matches('\u{1b}').count() >= touched * 2);
    let loaded = data::load_str(&hostile, origin).unwrap_or_else(|e| panic!("{e}"));

    let json: serde_json::Value = serde_json::from_str(&versus::export::json(&loaded)).expect("json");
    assert_clean(&json, "");
    assert!(!versus::export::markdown(&loaded).contains('\u{1b}'));
    // Nothing else changed: the sequences vanish, the text around them stays.
    assert_eq!(loaded, clean);
}

#[test]
fn escape_sequences_in_every_string_of_the_minimal_file_are_removed() {
    let (_, touched) = inject(include_str!("fixtures/minimal.ron"));
    assert!(touched > 60);
    let src = include_str!("fixtures/minimal.ron");
    let clean = data::load_str(src, "m").expect("loads");
    let (hostile, _) = inject(src);
    let loaded = data::load_str(&hostile, "m").expect("loads");
    assert_eq!(loaded, clean);
}

#[test]
fn escape_sequences_in_every_string_of_each_shipped_file_are_removed() {
    for (name, src) in data::BUILTIN {
        check(src, name);
    }
}
