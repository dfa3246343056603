//! The commented starter file `versus new` writes.
//!
//! [`starter`] fills in `starter.ron.in`, a template a non-Rust author can
//! edit, to give the text of a complete, valid comparison whose every
//! section holds one example entry for the author to replace, and explains
//! each section in a comment for someone who has never seen the format.

use std::collections::HashSet;

use crate::data::{MAX_LINE_CHARS, MAX_NAME_CHARS, clip, sanitize_line};

/// The longest id [`subject_id`] makes, in characters: ids are typed by hand
/// in every per-subject map.
const MAX_ID_CHARS: usize = 40;

/// A short id for a subject name: its ASCII letters (lowercased) and digits,
/// every other run of characters one '-', none at either end; "subject" when
/// nothing is left (a name in another script). Not made unique.
pub(crate) fn subject_id(name: &str) -> String {
    let mut id = String::new();
    let mut gap = false;
    for c in name.chars() {
        if id.len() >= MAX_ID_CHARS {
            break;
        }
        if c.is_ascii_alphanumeric() {
            if gap && !id.is_empty() {
                id.push('-');
            }
            gap = false;
            id.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if id.is_empty() { "subject".into() } else { id }
}

/// The text of a commented starter comparison titled `title` of `subjects`
/// (2 to 12 names): valid as it stands, every section with one example entry
/// whose text, in parentheses, the author replaces.
///
/// Names are kept as the app will show them: control characters and escape
/// sequences dropped, whitespace collapsed, cut to the longest name allowed;
/// a name left empty becomes "Subject N", an empty title "A vs B".
pub fn starter(title: &str, subjects: &[String]) -> String {
    let names: Vec<String> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Some(one_line(s, MAX_NAME_CHARS)).filter(|n| !n.is_empty()).unwrap_or(format!("Subject {}", i + 1))
        })
        .collect();
    let ids = unique_ids(&names);
    let title = Some(one_line(title, MAX_NAME_CHARS))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| one_line(&names.join(" vs "), MAX_NAME_CHARS));
    let mut summary = format!("{}: {SUMMARY_TAIL}", compared(&names));
    if summary.chars().count() > MAX_LINE_CHARS {
        summary = format!("{} subjects compared: {SUMMARY_TAIL}", names.len());
    }
    let at = |list: &[String], i: usize| list.get(i).or(list.first()).cloned().unwrap_or_default();
    let vars = [
        ("title", title),
        ("summary", summary),
        ("id1", at(&ids, 0)),
        ("name1", at(&names, 0)),
        ("id2", at(&ids, 1)),
        ("name2", at(&names, 1)),
    ];
    fill(TEMPLATE, &names, &ids, &vars)
}

/// `s` as the app will read it back: without control characters, escape
/// sequences or direction overrides, every run of whitespace one space, and
/// at most `max` characters.
fn one_line(s: &str, max: usize) -> String {
    let clean = sanitize_line(s);
    let words: Vec<&str> = clean.split_whitespace().collect();
    clip(&words.join(" "), max).into_owned()
}

/// An id per name, made unique by appending -2, -3 … to repeats.
fn unique_ids(names: &[String]) -> Vec<String> {
    let mut used = HashSet::new();
    names
        .iter()
        .map(|name| {
            let base = subject_id(name);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// `s` escaped for the inside of a RON string: quotes and backslashes
/// escaped, control characters left out.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// "A compared with B", "A compared with B and C", "A compared with B, C and D".
fn compared(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [first, rest @ ..] => {
            let (last, middle) = rest.split_last().unwrap_or((first, &[]));
            let mut list = middle.join(", ");
            if !list.is_empty() {
                list.push_str(" and ");
            }
            list.push_str(last);
            format!("{first} compared with {list}")
        }
    }
}

/// The fit levels, dealt out in turn so that the example shows every mark.
const LEVELS: [&str; 4] = ["Signature", "Good", "Possible", "Poor"];

/// What the example summary says after the names.
const SUMMARY_TAIL: &str = "(who this comparison is for and what it helps them decide)";

/// The template, with `{{…}}` fill-ins and `#each subject` … `#end` blocks
/// (its own header says how it reads).
const TEMPLATE: &str = include_str!("starter.ron.in");

/// The template filled in: `#` lines dropped, each block written once per
/// subject, every `{{name}}` replaced by its value from `vars` (escaped inside
/// a RON string, as it is in a comment).
fn fill(template: &str, names: &[String], ids: &[String], vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    let mut lines = template.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() == "#each subject" {
            let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim_end() != "#end").collect();
            for (i, (id, name)) in ids.iter().zip(names).enumerate() {
                let level = LEVELS[i % LEVELS.len()].to_string();
                let each = [("id", id.clone()), ("name", name.clone()), ("level", level)];
                for l in &block {
                    out.push_str(&fill_line(l, &each, vars));
                    out.push('\n');
                }
            }
        } else if !line.starts_with('#') {
            out.push_str(&fill_line(line, &[], vars));
            out.push('\n');
        }
    }
    out
}

/// One line with its `{{name}}`s replaced (from `each`, then `vars`); an
/// unknown one is left as it is, so a test can find it.
fn fill_line(line: &str, each: &[(&str, String)], vars: &[(&str, String)]) -> String {
    let comment = line.trim_start().starts_with("//");
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else { break };
        let key = &rest[start + 2..start + 2 + len];
        out.push_str(&rest[..start]);
        match each.iter().chain(vars).find(|(k, _)| *k == key) {
            Some((_, value)) if comment => out.push_str(value),
            Some((_, value)) => out.push_str(&escaped(value)),
            None => out.push_str(&rest[start..start + 4 + len]),
        }
        rest = &rest[start + 4 + len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Comparison, FitLevel, load_str};

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn load(title: &str, subjects: &[String]) -> Comparison {
        let text = starter(title, subjects);
        match load_str(&text, "starter") {
            Ok(c) => c,
            Err(e) => panic!("starter for {subjects:?} does not load: {e}\n{text}"),
        }
    }

    #[test]
    fn loads_for_two_three_and_twelve_subjects() {
        for n in [2, 3, 12] {
            let subjects: Vec<String> = (1..=n).map(|i| format!("Tool {i}")).collect();
            let c = load("Tools compared", &subjects);
            assert_eq!(c.title.as_str(), "Tools compared");
            assert_eq!(c.subjects.len(), n);
            for (s, name) in c.subjects.iter().zip(&subjects) {
                assert_eq!(s.name.as_str(), name);
            }
            // Every tab has something to show.
            assert!(c.key_features.len() == n && !c.features.is_empty() && !c.pros_cons_table.is_empty());
            assert!(!c.use_cases.is_empty() && !c.factors.is_empty() && !c.decision.is_empty());
            assert!(c.verdict.is_some() && !c.faq.is_empty() && !c.sources.is_empty());
            assert!(!c.wizard.questions.is_empty());
        }
    }

    #[test]
    fn summary_names_every_subject() {
        let c = load("Tea vs Coffee", &names(&["Tea", "Coffee"]));
        assert!(c.summary.starts_with("Tea compared with Coffee:"), "{}", c.summary.as_str());
        let c = load("Drinks", &names(&["Tea", "Coffee", "Cocoa", "Mate"]));
        assert!(c.summary.starts_with("Tea compared with Coffee, Cocoa and Mate:"), "{}", c.summary.as_str());
    }

    #[test]
    fn wizard_answers_favour_different_subjects() {
        let c = load("Tea vs Coffee", &names(&["Tea", "Coffee", "Cocoa"]));
        let options = &c.wizard.questions[0].options;
        assert!(options.len() >= 2);
        let best = |i: usize| {
            let w = &options[i].weights;
            w.iter().max_by(|a, b| a.1.total_cmp(b.1)).map(|(id, _)| id.to_string())
        };
        assert_eq!(best(0).as_deref(), Some("tea"));
        assert_eq!(best(1).as_deref(), Some("coffee"));
    }

    #[test]
    fn use_cases_show_every_fit_level() {
        let c = load("Four", &names(&["A", "B", "C", "D"]));
        let levels: Vec<_> = c.use_cases[0].fits.iter().map(|(_, f)| f.level()).collect();
        assert_eq!(levels, FitLevel::ALL.map(Some).to_vec());
    }

    #[test]
    fn odd_names_load_and_are_kept() {
        let odd = names(&["Say \"hi\"", "back\\slash", "Émile", "日本", "C++", "C#", "C 2", "end\\"]);
        let c = load("Odd \"names\" \\ here", &odd);
        assert_eq!(c.title.as_str(), "Odd \"names\" \\ here");
        for (s, name) in c.subjects.iter().zip(&odd) {
            assert_eq!(s.name.as_str(), name);
        }
        let ids: Vec<&str> = c.subjects.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["say-hi", "back-slash", "mile", "subject", "c", "c-2", "c-2-2", "end"]);
    }

    #[test]
    fn control_characters_are_dropped_and_blank_names_replaced() {
        let c = load("", &names(&["Te\u{7}a\u{1b}[31m", "\t \n", "Cof\u{202e}fee"]));
        let got: Vec<&str> = c.subjects.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(got, ["Tea", "Subject 2", "Coffee"]);
        assert_eq!(c.title.as_str(), "Tea vs Subject 2 vs Coffee");
    }

    #[test]
    fn the_longest_names_still_load() {
        let long: Vec<String> = (0..12).map(|i| format!("{i}{}", "x".repeat(300))).collect();
        let c = load(&"T".repeat(500), &long);
        assert!(c.subjects.iter().all(|s| s.name.chars().count() <= MAX_NAME_CHARS));
        assert!(c.subjects.iter().all(|s| s.id.len() <= MAX_ID_CHARS));
    }

    #[test]
    fn subject_ids() {
        assert_eq!(subject_id("Django"), "django");
        assert_eq!(subject_id("Node.js"), "node-js");
        assert_eq!(subject_id("  ASP.NET  Core 8 "), "asp-net-core-8");
        assert_eq!(subject_id("C++"), "c");
        assert_eq!(subject_id("C#"), "c");
        assert_eq!(subject_id("--a--b--"), "a-b");
        assert_eq!(subject_id("Émile"), "mile");
        assert_eq!(subject_id("Москва"), "subject");
        assert_eq!(subject_id("日本"), "subject");
        assert_eq!(subject_id(""), "subject");
        assert_eq!(subject_id(&"ab ".repeat(100)).len(), MAX_ID_CHARS);
        assert!(!subject_id(&"ab ".repeat(100)).ends_with('-'));
    }

    #[test]
    fn the_template_is_filled_in_whole() {
        let text = starter("Tea {{vs}} Coffee", &names(&["Tea", "Coffee", "Cocoa"]));
        let unfilled: Vec<&str> = text.lines().filter(|l| l.contains("{{") && !l.contains("{{vs}}")).collect();
        assert!(unfilled.is_empty(), "{unfilled:?}");
        assert!(!text.lines().any(|l| l.starts_with('#')), "a template note was written");
        // A block is written once per subject, in order.
        let ids: Vec<&str> =
            text.lines().filter_map(|l| l.trim().strip_prefix("id: \"")?.strip_suffix("\",")).collect();
        assert_eq!(&ids[..3], ["tea", "coffee", "cocoa"]);
        assert_eq!(text.matches("(Choose Cocoa when …)").count(), 1);
    }

    #[test]
    fn every_section_is_commented() {
        let text = starter("Tea vs Coffee", &names(&["Tea", "Coffee"]));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("// Tea vs Coffee"));
        assert!(text.contains("versus check FILE") && text.contains("versus --data NAME --watch"));
        let sections = [
            "title",
            "summary",
            "subjects",
            "key_features",
            "features",
            "pros_cons",
            "pros_cons_table",
            "use_cases",
            "factors",
            "decision",
            "verdict",
            "faq",
            "wizard",
            "sources",
        ];
        for section in sections {
            let at = lines
                .iter()
                .position(|l| l.starts_with(&format!("    {section}: ")))
                .unwrap_or_else(|| panic!("no top-level {section}"));
            assert!(lines[at - 1].trim_start().starts_with("//"), "no comment above {section}");
        }
        for word in ["Signature", "Good", "Possible", "Poor", "weights", "reasons", "notes", "tie_margin"] {
            assert!(lines.iter().any(|l| l.trim_start().starts_with("//") && l.contains(word)), "{word}");
        }
    }
}
