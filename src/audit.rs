//! What an author checks beyond a file's validity: `versus check --strict`
//! (the rules every shipped comparison keeps: a source for every correction,
//! a note or a source for every company example, a level for every fit, no
//! starter placeholder or example.com left, no note about the file's own
//! history) and `versus check --against SOURCE.txt` (the runs of words a
//! comparison shares with the text it was written from). Each finding is
//! located in the file (line and column) like a load error.

use std::collections::HashMap;

use crate::data::date::Date;
use crate::data::{Comparison, Note, NoteKind, sanitize_line};
use crate::entries::all_notes;

/// One string literal of a RON file: its text as written (escapes and line
/// breaks as in the file) and where its first character is.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Literal {
    text: String,
    line: usize,
    column: usize,
}

/// Every string literal of a RON file, in order; `//` and `/* */` comments skipped.
fn literals(ron: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = ron.chars().peekable();
    let advance = |c: char, line: &mut usize, column: &mut usize| {
        if c == '\n' {
            *line += 1;
            *column = 1;
        } else {
            *column += 1;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    advance(c, &mut line, &mut column);
                    if c == '\n' {
                        break;
                    }
                }
                continue;
            }
            '/' if chars.peek() == Some(&'*') => {
                advance(c, &mut line, &mut column);
                let mut last = ' ';
                for c in chars.by_ref() {
                    advance(c, &mut line, &mut column);
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                continue;
            }
            '"' => {
                advance(c, &mut line, &mut column);
                let (start_line, start_column) = (line, column);
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    advance(c, &mut line, &mut column);
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                advance(escaped, &mut line, &mut column);
                                text.push(if escaped == 'n' { '\n' } else { escaped });
                            }
                        }
                        '"' => break,
                        c => text.push(c),
                    }
                }
                out.push(Literal { text, line: start_line, column: start_column });
                continue;
            }
            _ => {}
        }
        advance(c, &mut line, &mut column);
    }
    out
}

/// Words for comparing texts: lowercased, curly quotes straightened, split
/// at everything but letters, digits and an apostrophe inside a word.
fn words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let c = if matches!(c, '\u{2018}' | '\u{2019}') { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !current.is_empty()) {
            if current.is_empty() {
                start = i;
            }
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push((start, std::mem::take(&mut current).trim_end_matches('\'').to_string()));
        }
    }
    if !current.is_empty() {
        out.push((start, current.trim_end_matches('\'').to_string()));
    }
    out.into_iter()
}

/// A finding, located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Where the literal holding `text` (or starting like it) is, for a finding
/// about a value of the model: the first literal whose words start with
/// the text's first words. (1, 1) when the file does not have it.
fn locate(literals: &[Literal], text: &str) -> (usize, usize) {
    let want: Vec<String> = words(text).map(|(_, w)| w).take(8).collect();
    literals
        .iter()
        .find(|l| !want.is_empty() && words(&l.text).map(|(_, w)| w).take(want.len()).eq(want.iter().cloned()))
        .map_or((1, 1), |l| (l.line, l.column))
}

/// Claims older than an age (`check --max-age`): each located, with its
/// date and what it is; and how many claims have no date at all (neither
/// their own nor the comparison's).
pub struct Stale {
    pub old: Vec<Finding>,
    pub undated: usize,
}

/// The claims of `c` (read from `ron`) dated more than `max_months` before
/// `today`: the comparison's own date, each source's, each note's (a source
/// or note without one is as old as the comparison).
pub fn stale(c: &Comparison, ron: &str, today: Date, max_months: u32) -> Stale {
    let literals = literals(ron);
    let mut out = Stale { old: Vec::new(), undated: 0 };
    let whole = c.as_of.as_deref().and_then(Date::parse);
    if let Some(d) = c.as_of.as_deref() {
        let (line, column) = locate_date(&literals, d, "");
        let age = whole.map_or(0, |w| w.months_until(today));
        if whole.is_some_and(|w| w > today) {
            out.old.push(Finding { line, column, message: format!("the comparison: as of {d}, a date in the future") });
        } else if age > max_months {
            out.old.push(Finding { line, column, message: format!("the comparison: as of {d}, {age} months old") });
        }
    }
    let mut claim = |what: String, own: Option<&str>, near: &str| {
        let (date, inherited) = match own.and_then(Date::parse) {
            Some(d) => (Some(d), false),
            None => (whole, true),
        };
        let Some(date) = date else {
            out.undated += 1;
            return;
        };
        let age = date.months_until(today);
        if date > today {
            // A future date of the comparison's own is reported once, for the comparison.
            if let (Some(d), false) = (own, inherited) {
                let (line, column) = locate_date(&literals, d, near);
                out.old.push(Finding { line, column, message: format!("{what}: as of {d}, a date in the future") });
            }
        } else if age > max_months {
            // Located at its own date where it has one, else at the text it dates.
            let (line, column) = match own {
                Some(d) if !inherited => locate_date(&literals, d, near),
                _ => locate(&literals, near),
            };
            let shown = c.as_of.as_deref().filter(|_| inherited).or(own).unwrap_or("");
            let whose = if inherited { " (the comparison's date)" } else { "" };
            out.old.push(Finding { line, column, message: format!("{what}: as of {shown}{whose}, {age} months old") });
        }
    };
    for s in &c.sources {
        claim(format!("source \"{}\"", s.title), s.as_of.as_deref(), &s.title);
    }
    for n in all_notes(c) {
        let what = format!("{} on {}", n.note.kind.label(), n.place);
        claim(what, n.note.as_of.as_deref(), &n.note.text);
    }
    out.old.sort_by_key(|f| (f.line, f.column));
    out
}

/// Where the date `date` is written as a literal, the first such after the
/// literal that starts like `near` (the entry it dates); else the first at all.
fn locate_date(literals: &[Literal], date: &str, near: &str) -> (usize, usize) {
    let (line, column) = if near.is_empty() { (0, 0) } else { locate(literals, near) };
    let after = literals.iter().find(|l| l.text == date && (l.line, l.column) >= (line, column));
    after.or_else(|| literals.iter().find(|l| l.text == date)).map_or((1, 1), |l| (l.line, l.column))
}

/// Phrases of a note that talks about the file's own editing rather than the subject.
const HISTORY: [&str; 8] = [
    "this file",
    "earlier version",
    "previous version",
    "in this edit",
    "was updated to",
    "changelog",
    "we changed",
    "this data file",
];

/// The strict rules, for the comparison `c` read from `ron`.
pub fn strict(c: &Comparison, ron: &str) -> Vec<Finding> {
    let lits = literals(ron);
    let mut out = Vec::new();
    let at = |text: &str, message: String| {
        let (line, column) = locate(&lits, text);
        Finding { line, column, message }
    };
    for n in all_notes(c) {
        let note: &Note = n.note;
        let place = sanitize_line(&n.place);
        if note.kind == NoteKind::Correction && note.source.is_none() {
            out.push(at(&note.text, format!("a Correction without a source ({place}): give the URL that backs it")));
        }
        let lower = note.text.to_lowercase();
        if let Some(phrase) = HISTORY.iter().find(|p| lower.contains(*p)) {
            out.push(at(
                &note.text,
                format!("a note about the file's own history (\"{phrase}\", {place}): say what is true of the subject"),
            ));
        }
    }
    for u in &c.use_cases {
        for (id, fit) in u.fits.iter() {
            let name = c.subject_name(id).unwrap_or(id);
            if fit.level().is_none() {
                out.push(at(&fit.why, format!("a fit without a level ({} › {name}): set `level`", u.domain)));
            }
            let sourced = fit.notes.iter().any(|n| n.about.is_none() && n.source.is_some());
            for example in &fit.examples {
                let noted = fit.notes.iter().any(|n| n.about.as_deref() == Some(example.as_str()));
                if !noted && !sourced {
                    out.push(at(
                        example,
                        format!(
                            "an example without a note or a source ({} › {name} › {example}): say where it is reported",
                            u.domain
                        ),
                    ));
                }
            }
        }
    }
    for l in &lits {
        let t = l.text.trim();
        let placeholder = t.len() > 2 && t.starts_with('(') && t.ends_with(')') && !t[1..t.len() - 1].contains(')');
        let example_url = ["example.com", "example.org", "example.net"].iter().any(|d| t.contains(d));
        if placeholder {
            out.push(Finding { line: l.line, column: l.column, message: "starter placeholder text left in".into() });
        } else if example_url {
            out.push(Finding { line: l.line, column: l.column, message: "an example.com address left in".into() });
        }
    }
    out.sort_by_key(|f| (f.line, f.column));
    out
}

/// A run of words a comparison shares with a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedRun {
    pub words: usize,
    /// Where it starts in the comparison's file.
    pub line: usize,
    pub column: usize,
    /// The line of the source text it starts on.
    pub source_line: usize,
    /// The words, as compared.
    pub text: String,
}

/// The runs of at least `min` words (compared as [`words`]) that the string
/// literals of `ron` share with `source`, longest match at each place, in
/// file order. Words are matched across literals, as a reader would read
/// consecutive strings.
pub fn shared_runs(ron: &str, source: &str, min: usize) -> Vec<SharedRun> {
    let min = min.max(1);
    // (word, line, column) of every word of every literal.
    let mut data: Vec<(String, usize, usize)> = Vec::new();
    for l in literals(ron) {
        for (offset, w) in words(&l.text) {
            let before = &l.text[..offset];
            let line = l.line + before.matches('\n').count();
            let column = match before.rfind('\n') {
                Some(i) => before[i + 1..].chars().count() + 1,
                None => l.column + before.chars().count(),
            };
            data.push((w, line, column));
        }
    }
    let mut src: Vec<(String, usize)> = Vec::new();
    for (n, line) in source.lines().enumerate() {
        src.extend(words(line).map(|(_, w)| (w, n + 1)));
    }
    let key = |s: &[(String, usize)]| s.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" ");
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for j in 0..src.len().saturating_sub(min - 1) {
        index.entry(key(&src[j..j + min])).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + min <= data.len() {
        let gram = data[i..i + min].iter().map(|(w, _, _)| w.as_str()).collect::<Vec<_>>().join(" ");
        let best = index.get(&gram).and_then(|starts| {
            starts
                .iter()
                .map(|&j| {
                    let mut len = min;
                    while i + len < data.len() && j + len < src.len() && data[i + len].0 == src[j + len].0 {
                        len += 1;
                    }
                    (len, j)
                })
                .max_by_key(|&(len, j)| (len, std::cmp::Reverse(j)))
        });
        match best {
            Some((len, j)) => {
                let text = data[i..i + len].iter().map(|(w, _, _)| w.as_str()).collect::<Vec<_>>().join(" ");
                out.push(SharedRun { words: len, line: data[i].1, column: data[i].2, source_line: src[j].1, text });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_found_with_their_place_and_comments_skipped() {
        let ron = "(\n  // \"not this\"\n  a: \"one\", /* \"nor this\" */ b: \"two\\\"s\nthree\",\n)";
        let got: Vec<(String, usize, usize)> = literals(ron).into_iter().map(|l| (l.text, l.line, l.column)).collect();
        assert_eq!(got, [("one".into(), 3, 7), ("two\"s\nthree".into(), 3, 34)]);
    }

    #[test]
    fn shared_runs_are_found_across_case_punctuation_and_line_breaks() {
        let source = "Intro line.\nDjango is a high-level Python web framework that encourages rapid development\nand clean design.\n";
        let ron = "(\n  summary: \"Our view: django is a HIGH level python web framework, that encourages rapid\n    development; we like it.\",\n)";
        let runs = shared_runs(ron, source, 8);
        assert_eq!(runs.len(), 1, "{runs:?}");
        let r = &runs[0];
        assert_eq!((r.words, r.line, r.column, r.source_line), (12, 2, 23, 2), "{r:?}");
        assert_eq!(r.text, "django is a high level python web framework that encourages rapid development");
        assert!(shared_runs(ron, source, 13).is_empty(), "twelve words are not thirteen");
        assert!(shared_runs("(a: \"nothing in common here at all today friends\")", source, 8).is_empty());
    }

    #[test]
    fn curly_apostrophes_and_case_fold() {
        let words: Vec<String> = words("Flask’s CORE isn't 'big'").map(|(_, w)| w).collect();
        assert_eq!(words, ["flask's", "core", "isn't", "big"]);
    }
}
