//! The rules a parsed comparison must follow. Each broken rule becomes a
//! [`Problem`] naming the path of the bad value, e.g.
//! `wizard.questions[2].options[1].weights: unknown subject "fastapi"`.
//!
//! The report is bounded whatever the file: at most [`MAX_PROBLEMS`]
//! problems are kept (the rest only counted), each path and message is cut
//! to a fixed length, and the declared subjects are listed once, not in every
//! problem. Checking is linear in the size of the file.

use std::collections::HashSet;
use std::fmt;

use super::model::{Comparison, FitLevel, Note, Row};
use super::per_subject::PerSubject;
use super::text::{clip, lookalike_key};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the value is, in field/index notation.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The largest weight, for or against, one answer may give a subject: enough
/// for any scale a person would write, small enough that sums stay exact.
pub(super) const MAX_WEIGHT: f64 = 10.0;

/// The most subjects a comparison may have: every view shows all of them side
/// by side (a table column, a bar, a line of the summary each), and no more
/// than this fit on a screen.
pub const MAX_SUBJECTS: usize = 12;

/// The longest name, label, id, title, tag, keyword or example, in
/// characters: they are laid out on one line, in columns and headings.
pub const MAX_NAME_CHARS: usize = 200;

/// The longest other one-line text (a summary, a table cell, a prompt, a
/// question, a URL), in characters.
pub(crate) const MAX_LINE_CHARS: usize = 1000;

/// Problems kept; beyond this they are only counted.
pub const MAX_PROBLEMS: usize = 100;

/// The longest path or message of one problem, in characters: room for the
/// list of declared subjects.
const MAX_MESSAGE_CHARS: usize = 600;

/// Data quoted inside a message (an id, a URL) is cut to this many characters.
const MAX_QUOTED_CHARS: usize = 40;

/// Subjects named in the one "declared: …" list.
const MAX_DECLARED_SHOWN: usize = 10;

/// What [`find_problems`] found: the first [`MAX_PROBLEMS`] problems, in file order,
/// and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Problems {
    pub list: Vec<Problem>,
    pub more: usize,
}

impl Problems {
    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }
}

/// The first [`MAX_PROBLEMS`] rules broken by `c`, in file order; empty when
/// it is valid. [`find_problems`] also counts the ones left out.
pub fn validate(c: &Comparison) -> Vec<Problem> {
    find_problems(c).list
}

/// Every rule broken by `c`: the first [`MAX_PROBLEMS`] in file order, and a
/// count of the rest.
pub(crate) fn find_problems(c: &Comparison) -> Problems {
    let mut subjects = Vec::new();
    let mut known = HashSet::new();
    for s in &c.subjects {
        if known.insert(s.id.as_str()) {
            subjects.push(s.id.as_str());
        }
    }
    let mut check = Checker {
        too_many: c.subjects.len() > MAX_SUBJECTS,
        subjects,
        known,
        problems: Problems::default(),
        declared_shown: false,
    };
    check.name("title", &c.title);
    check.line("summary", &c.summary);
    check.date("as_of", c.as_of.as_deref());

    if c.subjects.len() < 2 {
        check.problem("subjects", format!("a comparison needs at least 2 subjects; found {}", c.subjects.len()));
    }
    if check.too_many {
        check.problem(
            "subjects",
            format!(
                "a comparison shows every subject side by side, so at most {MAX_SUBJECTS} fit; found {}",
                c.subjects.len()
            ),
        );
    }
    let mut ids = HashSet::new();
    for (i, s) in c.subjects.iter().enumerate() {
        let at = format!("subjects[{i}]");
        check.id(&format!("{at}.id"), &s.id, &mut ids, "subject id");
        check.name(&format!("{at}.name"), &s.name);
        check.text(&format!("{at}.description"), &s.description);
        if let Some(url) = &s.homepage {
            check.url(&format!("{at}.homepage"), url);
        }
        if let Some(v) = &s.version {
            check.name(&format!("{at}.version"), v);
        }
    }

    check.lookalike_subjects(c);

    check.covers("key_features", &c.key_features, |check, at, list| {
        for (i, f) in list.iter().enumerate() {
            check.name(&format!("{at}[{i}].name"), &f.name);
            check.text(&format!("{at}[{i}].detail"), &f.detail);
            check.keywords(&format!("{at}[{i}]"), &f.keywords);
            check.notes(&format!("{at}[{i}]"), &f.notes, About::Nothing);
        }
    });
    check.rows("features", &c.features);
    check.covers("pros_cons", &c.pros_cons, |check, at, pc| {
        for (i, p) in pc.pros.iter().enumerate() {
            check.text(&format!("{at}.pros[{i}]"), p);
        }
        for (i, p) in pc.cons.iter().enumerate() {
            check.text(&format!("{at}.cons[{i}]"), p);
        }
        let items: Vec<&str> = pc.pros.iter().chain(&pc.cons).map(|t| t.as_str()).collect();
        check.notes(at, &pc.notes, About::ItemStart(&items));
    });
    check.rows("pros_cons_table", &c.pros_cons_table);

    for (i, u) in c.use_cases.iter().enumerate() {
        let at = format!("use_cases[{i}]");
        check.name(&format!("{at}.domain"), &u.domain);
        check.keywords(&at, &u.keywords);
        check.covers(&format!("{at}.fits"), &u.fits, |check, at, fit| {
            check.text(&format!("{at}.why"), &fit.why);
            for (j, e) in fit.examples.iter().enumerate() {
                check.name(&format!("{at}.examples[{j}]"), e);
            }
            if fit.featured && fit.level.is_some_and(|l| l != FitLevel::Signature) {
                let level = fit.level.map_or("", |l| l.label());
                check.problem(
                    &format!("{at}.level"),
                    format!("featured: true means the level is Signature; found {level} (drop one of the two)"),
                );
            }
            let examples: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
            check.notes(at, &fit.notes, About::Example(&examples));
        });
    }

    for (i, f) in c.factors.iter().enumerate() {
        let at = format!("factors[{i}]");
        check.name(&format!("{at}.name"), &f.name);
        check.keywords(&at, &f.keywords);
        check.covers(&format!("{at}.summary"), &f.summary, |check, at, v| check.line(at, v));
        check.covers(&format!("{at}.discussion"), &f.discussion, |check, at, v| check.text(at, v));
        check.notes(&at, &f.notes, About::Subject);
    }

    check.rows("decision", &c.decision);
    if let Some(v) = &c.verdict {
        check.text("verdict.summary", &v.summary);
        check.covers("verdict.choose_if", &v.choose_if, |check, at, t| check.text(at, t));
        check.notes("verdict", &v.notes, About::Subject);
    }

    for (i, f) in c.faq.iter().enumerate() {
        let at = format!("faq[{i}]");
        check.line(&format!("{at}.question"), &f.question);
        check.text(&format!("{at}.answer"), &f.answer);
        for (j, t) in f.tags.iter().enumerate() {
            check.name(&format!("{at}.tags[{j}]"), t);
        }
        check.notes(&at, &f.notes, About::Nothing);
    }

    if let Some(m) = c.wizard.tie_margin
        && !(m.is_finite() && (0.0..=1.0).contains(&m))
    {
        check.problem("wizard.tie_margin", format!("expected a number from 0.0 to 1.0; found {}", number(m)));
    }
    let mut question_ids = HashSet::new();
    for (i, q) in c.wizard.questions.iter().enumerate() {
        let at = format!("wizard.questions[{i}]");
        check.id(&format!("{at}.id"), &q.id, &mut question_ids, "question id");
        check.line(&format!("{at}.prompt"), &q.prompt);
        if let Some(help) = &q.help {
            check.text(&format!("{at}.help"), help);
        }
        if q.options.len() < 2 {
            check.problem(
                &format!("{at}.options"),
                format!("a question needs at least 2 options; found {}", q.options.len()),
            );
        }
        let mut option_ids = HashSet::new();
        for (j, o) in q.options.iter().enumerate() {
            let at = format!("{at}.options[{j}]");
            check.id(&format!("{at}.id"), &o.id, &mut option_ids, "option id");
            check.name(&format!("{at}.label"), &o.label);
            check.text(&format!("{at}.why"), &o.why);
            check.weights(&format!("{at}.weights"), &o.weights);
            check.reasons(&format!("{at}.reasons"), &o.reasons, &o.weights);
        }
    }

    for (i, s) in c.sources.iter().enumerate() {
        check.name(&format!("sources[{i}].title"), &s.title);
        check.url(&format!("sources[{i}].url"), &s.url);
        check.date(&format!("sources[{i}].as_of"), s.as_of.as_deref());
    }
    check.synonyms(&c.synonyms);
    check.problems
}

/// The most synonym groups, members of one group and words of one member:
/// every query is read against all of them.
pub(super) const MAX_SYNONYM_GROUPS: usize = 200;
pub(super) const MAX_SYNONYM_MEMBERS: usize = 24;
pub(super) const MAX_SYNONYM_WORDS: usize = 4;

/// A synonym as search compares it: its words, lowercased.
fn synonym_words(member: &str) -> Vec<String> {
    member.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// What a note's `about` may name, by the kind of entry it is on.
#[derive(Clone, Copy)]
enum About<'a> {
    Nothing,
    Subject,
    Example(&'a [&'a str]),
    /// The start of one of these pros and cons.
    ItemStart(&'a [&'a str]),
}

struct Checker<'c> {
    /// The declared subject ids, each once, in file order.
    subjects: Vec<&'c str>,
    known: HashSet<&'c str>,
    /// More subjects than fit: per-subject maps are then not checked against
    /// them (that would be a problem per map per subject).
    too_many: bool,
    problems: Problems,
    /// Whether a problem has listed the declared subjects yet.
    declared_shown: bool,
}

/// A number as a person would write it: 1e308 written out is 309 digits.
fn number(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e9 { x.to_string() } else { format!("{x:e}") }
}

/// `s` in quotes, cut short if long.
fn quoted(s: &str) -> String {
    format!("\"{}\"", clip(s, MAX_QUOTED_CHARS))
}

impl Checker<'_> {
    fn synonyms(&mut self, groups: &[Vec<super::text::Line>]) {
        if groups.len() > MAX_SYNONYM_GROUPS {
            self.problem("synonyms", format!("at most {MAX_SYNONYM_GROUPS} groups; found {}", groups.len()));
        }
        // Where each member was first seen: a member in two places would make
        // one word mean two things.
        let mut seen: std::collections::HashMap<Vec<String>, usize> = std::collections::HashMap::new();
        for (i, group) in groups.iter().enumerate().take(MAX_SYNONYM_GROUPS) {
            let at = format!("synonyms[{i}]");
            if group.len() < 2 {
                self.problem(&at, format!("a group needs at least 2 words or phrases; found {}", group.len()));
            }
            if group.len() > MAX_SYNONYM_MEMBERS {
                self.problem(&at, format!("at most {MAX_SYNONYM_MEMBERS} words or phrases; found {}", group.len()));
            }
            for (j, member) in group.iter().enumerate().take(MAX_SYNONYM_MEMBERS) {
                let at = format!("{at}[{j}]");
                self.name(&at, member);
                let words = synonym_words(member);
                if words.is_empty() {
                    self.problem(&at, "a synonym needs a letter or a digit".into());
                } else if words.len() > MAX_SYNONYM_WORDS {
                    self.problem(&at, format!("at most {MAX_SYNONYM_WORDS} words; found {}", words.len()));
                } else if let Some(&first) = seen.get(&words) {
                    let other =
                        if first == i { "earlier in this group".to_string() } else { format!("in synonyms[{first}]") };
                    self.problem(&at, format!("{} is already {other}: a word may mean one thing", quoted(member)));
                } else {
                    seen.insert(words, i);
                }
            }
        }
    }

    fn problem(&mut self, path: &str, message: String) {
        if self.problems.list.len() >= MAX_PROBLEMS {
            self.problems.more += 1;
            return;
        }
        self.problems.list.push(Problem {
            path: clip(path, MAX_MESSAGE_CHARS).into_owned(),
            message: clip(&message, MAX_MESSAGE_CHARS).into_owned(),
        });
    }

    /// An optional date: "YYYY-MM" or "YYYY-MM-DD", a real month and day.
    fn date(&mut self, path: &str, value: Option<&str>) {
        if let Some(v) = value
            && super::date::Date::parse(v).is_none()
        {
            self.problem(path, format!("expected a date as YYYY-MM or YYYY-MM-DD (2024-05, 2024-05-31); found {v:?}"));
        }
    }

    /// Required text: empty after sanitizing counts as missing.
    fn text(&mut self, path: &str, value: &str) {
        if value.is_empty() {
            self.problem(path, "must not be empty".into());
        }
    }

    /// Required one-line text of at most `max` characters.
    fn bounded(&mut self, path: &str, value: &str, max: usize, what: &str) {
        if value.is_empty() {
            self.problem(path, "must not be empty".into());
        } else if value.char_indices().nth(max).is_some() {
            let found = value.chars().count();
            self.problem(path, format!("is {found} characters long; {what} may be at most {max}"));
        }
    }

    /// A name, label, title, tag, keyword or example.
    fn name(&mut self, path: &str, value: &str) {
        self.bounded(path, value, MAX_NAME_CHARS, "a name, title or label");
    }

    /// Other one-line text: a summary, table cell, prompt or question.
    fn line(&mut self, path: &str, value: &str) {
        self.bounded(path, value, MAX_LINE_CHARS, "a line of text");
    }

    fn id<'a>(&mut self, path: &str, id: &'a str, seen: &mut HashSet<&'a str>, what: &str) {
        if id.is_empty() {
            self.problem(path, "must not be empty".into());
        } else if id.char_indices().nth(MAX_NAME_CHARS).is_some() {
            let found = id.chars().count();
            self.problem(path, format!("{what} is {found} characters long; an id may be at most {MAX_NAME_CHARS}"));
        } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            self.problem(path, format!("{what} {} may only use letters, digits, '_' and '-'", quoted(id)));
        } else if !seen.insert(id) {
            self.problem(path, format!("duplicate {what} {}", quoted(id)));
        }
    }

    /// Subjects must be told apart on screen: no two names that look the
    /// same ([`lookalike_key`]: the same once invisible characters, width
    /// and case are set aside), no two ids that differ only in case.
    /// Not checked with too many subjects, which is refused on its own (as
    /// the per-subject maps are not), so the report stays short.
    fn lookalike_subjects(&mut self, c: &Comparison) {
        if self.too_many {
            return;
        }
        let shown = |s: &str| quoted(&s.escape_debug().to_string());
        let mut names: Vec<(String, usize)> = Vec::new();
        let mut ids: Vec<(String, usize)> = Vec::new();
        for (i, s) in c.subjects.iter().enumerate() {
            let key = lookalike_key(&s.name);
            if key.is_empty() {
                // An empty name is the name check's problem; one of only invisible characters is this one's.
                if !s.name.is_empty() {
                    self.problem(
                        &format!("subjects[{i}].name"),
                        format!("{} shows nothing: it has only invisible characters", shown(&s.name)),
                    );
                }
            } else if let Some((_, j)) = names.iter().find(|(k, _)| *k == key) {
                self.problem(
                    &format!("subjects[{i}].name"),
                    format!(
                        "{} reads the same as subjects[{j}].name {} (once invisible characters, width and case \
                         are set aside); give each subject a name of its own",
                        shown(&s.name),
                        shown(&c.subjects[*j].name)
                    ),
                );
            } else {
                names.push((key, i));
            }
            let id = s.id.to_ascii_lowercase();
            match ids.iter().find(|(k, _)| *k == id) {
                // Exact duplicates are the id check's problem.
                Some((_, j)) if c.subjects[*j].id.as_str() != s.id.as_str() => self.problem(
                    &format!("subjects[{i}].id"),
                    format!(
                        "subject id {} and subjects[{j}].id {} differ only in case; give each subject an id of its own",
                        quoted(&s.id),
                        quoted(&c.subjects[*j].id)
                    ),
                ),
                Some(_) => {}
                None => ids.push((id, i)),
            }
        }
    }

    fn url(&mut self, path: &str, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            self.problem(path, format!("expected an http:// or https:// URL; found {}", quoted(url)));
        } else {
            self.bounded(path, url, MAX_LINE_CHARS, "a URL");
        }
    }

    fn rows(&mut self, path: &str, rows: &[Row]) {
        for (i, row) in rows.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.name(&format!("{at}.name"), &row.name);
            self.covers(&format!("{at}.values"), &row.values, |check, at, v| check.line(at, v));
            if let Some(d) = &row.detail {
                self.text(&format!("{at}.detail"), d);
            }
            self.keywords(&at, &row.keywords);
            self.notes(&at, &row.notes, About::Subject);
        }
    }

    /// Each note: text, an http(s) source if any, and an `about` that points
    /// at something in its entry (or is absent where there is nothing to point at).
    fn notes(&mut self, at: &str, notes: &[Note], about: About) {
        for (i, n) in notes.iter().enumerate() {
            let path = format!("{at}.notes[{i}]");
            self.text(&format!("{path}.text"), &n.text);
            if let Some(url) = &n.source {
                self.url(&format!("{path}.source"), url);
            }
            self.date(&format!("{path}.as_of"), n.as_of.as_deref());
            let Some(target) = n.about.as_deref() else {
                if let About::ItemStart(_) = about {
                    self.problem(
                        &format!("{path}.about"),
                        "expected the start of the pro or con the note is about".into(),
                    );
                }
                continue;
            };
            let path = format!("{path}.about");
            match about {
                About::Nothing => self.problem(&path, "this kind of entry takes no `about`; leave it out".into()),
                About::Subject if !self.known.contains(target) => self.unknown(&path, target),
                About::Subject => {}
                About::Example(examples) if !examples.contains(&target) => {
                    let message = format!("expected one of this fit's examples; found {}", quoted(target));
                    self.problem(&path, message);
                }
                About::Example(_) => {}
                About::ItemStart(items) => match items.iter().filter(|t| t.starts_with(target)).count() {
                    1 => {}
                    0 => self.problem(&path, format!("no pro or con starts with {}", quoted(target))),
                    n => self
                        .problem(&path, format!("{n} pros and cons start with {}; quote more of one", quoted(target))),
                },
            }
        }
    }

    /// Search keywords: none may be empty or over-long.
    fn keywords(&mut self, at: &str, keywords: &[super::text::Line]) {
        for (j, k) in keywords.iter().enumerate() {
            self.name(&format!("{at}.keywords[{j}]"), k);
        }
    }

    /// "unknown subject "x"", listing the declared subjects in the first such problem only.
    fn unknown(&mut self, path: &str, id: &str) {
        let message = if self.declared_shown {
            format!("unknown subject {}", quoted(id))
        } else {
            self.declared_shown = true;
            format!("unknown subject {} (declared: {})", quoted(id), self.declared())
        };
        self.problem(path, message);
    }

    /// A per-subject map must name every declared subject exactly once, and no other.
    fn covers<T>(&mut self, path: &str, map: &PerSubject<T>, mut each: impl FnMut(&mut Self, &str, &T)) {
        let mut seen = HashSet::new();
        for (id, value) in map.iter() {
            if !self.known.contains(id) {
                if !self.too_many {
                    self.unknown(path, id);
                }
            } else if !seen.insert(id) {
                self.problem(path, format!("subject {} is given twice", quoted(id)));
            } else {
                each(self, &format!("{path}.{id}"), value);
            }
        }
        if self.too_many {
            return;
        }
        for i in 0..self.subjects.len() {
            let id = self.subjects[i];
            if !seen.contains(id) {
                self.problem(path, format!("missing subject {}", quoted(id)));
            }
        }
    }

    /// Weights may leave subjects out (they score 0) but must name only declared ones, once, with finite numbers.
    fn weights(&mut self, path: &str, weights: &PerSubject<f64>) {
        let mut seen = HashSet::new();
        for (id, w) in weights.iter() {
            if !self.known.contains(id) {
                if !self.too_many {
                    self.unknown(path, id);
                }
            } else if !seen.insert(id) {
                self.problem(path, format!("subject {} is given twice", quoted(id)));
            } else if !w.is_finite() || w.abs() > MAX_WEIGHT {
                self.problem(
                    &format!("{path}.{id}"),
                    format!("expected a number from -{MAX_WEIGHT} to {MAX_WEIGHT}; found {}", number(*w)),
                );
            }
        }
    }

    /// Per-subject reasons: declared subjects, once each, not empty, and only
    /// for subjects the option moves (a reason for nothing would mislead).
    fn reasons(&mut self, path: &str, reasons: &PerSubject<super::text::Text>, weights: &PerSubject<f64>) {
        // Looked up once per reason: a map, so that long lists stay linear.
        let mut weight = std::collections::HashMap::new();
        for (id, w) in weights.iter() {
            weight.entry(id).or_insert(*w);
        }
        let mut seen = HashSet::new();
        for (id, text) in reasons.iter() {
            if !self.known.contains(id) {
                if !self.too_many {
                    self.unknown(path, id);
                }
            } else if !seen.insert(id) {
                self.problem(path, format!("subject {} is given twice", quoted(id)));
            } else if weight.get(id).is_none_or(|w| *w == 0.0) {
                self.problem(
                    &format!("{path}.{id}"),
                    format!("a reason for {}, but the option gives it no weight", quoted(id)),
                );
            } else {
                self.text(&format!("{path}.{id}"), text);
            }
        }
    }

    /// The declared subjects, quoted: the first [`MAX_DECLARED_SHOWN`], then how many more.
    fn declared(&self) -> String {
        let mut list: Vec<String> = self.subjects.iter().take(MAX_DECLARED_SHOWN).map(|s| quoted(s)).collect();
        if self.subjects.len() > MAX_DECLARED_SHOWN {
            list.push(format!("… and {} more", self.subjects.len() - MAX_DECLARED_SHOWN));
        }
        list.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_data_is_cut_short() {
        assert_eq!(quoted("tea"), "\"tea\"");
        assert_eq!(quoted(&"x".repeat(100)).chars().count(), MAX_QUOTED_CHARS + 2);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-11.0), "-11");
        assert_eq!(number(10.5), "10.5");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::NEG_INFINITY), "-inf");
    }
}
