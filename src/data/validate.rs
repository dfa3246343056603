//! The rules a parsed comparison must follow. Each broken rule becomes a
//! [`Problem`] naming the path of the bad value, e.g.
//! `wizard.questions[2].options[1].weights: unknown subject "fastapi"`.

use std::collections::HashSet;
use std::fmt;

use super::model::{Comparison, Row};
use super::per_subject::PerSubject;

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

/// Every rule broken by `c`, in file order; empty when it is valid.
/// The largest weight, for or against, one answer may give a subject: enough
/// for any scale a person would write, small enough that sums stay exact.
pub const MAX_WEIGHT: f64 = 10.0;

pub fn validate(c: &Comparison) -> Vec<Problem> {
    let mut check = Checker { subjects: c.subjects.iter().map(|s| s.id.to_string()).collect(), problems: Vec::new() };
    check.text("title", &c.title);
    check.text("summary", &c.summary);

    if c.subjects.len() < 2 {
        check.problem("subjects", format!("a comparison needs at least 2 subjects; found {}", c.subjects.len()));
    }
    let mut ids = HashSet::new();
    for (i, s) in c.subjects.iter().enumerate() {
        let at = format!("subjects[{i}]");
        check.id(&format!("{at}.id"), &s.id, &mut ids, "subject id");
        check.text(&format!("{at}.name"), &s.name);
        check.text(&format!("{at}.description"), &s.description);
        if let Some(url) = &s.homepage {
            check.url(&format!("{at}.homepage"), url);
        }
    }

    check.covers("key_features", &c.key_features, |check, at, list| {
        for (i, f) in list.iter().enumerate() {
            check.text(&format!("{at}[{i}].name"), &f.name);
            check.text(&format!("{at}[{i}].detail"), &f.detail);
            check.keywords(&format!("{at}[{i}]"), &f.keywords);
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
    });
    check.rows("pros_cons_table", &c.pros_cons_table);

    for (i, u) in c.use_cases.iter().enumerate() {
        let at = format!("use_cases[{i}]");
        check.text(&format!("{at}.domain"), &u.domain);
        check.keywords(&at, &u.keywords);
        check.covers(&format!("{at}.fits"), &u.fits, |check, at, fit| {
            check.text(&format!("{at}.why"), &fit.why);
            for (j, e) in fit.examples.iter().enumerate() {
                check.text(&format!("{at}.examples[{j}]"), e);
            }
        });
    }

    for (i, f) in c.factors.iter().enumerate() {
        let at = format!("factors[{i}]");
        check.text(&format!("{at}.name"), &f.name);
        check.keywords(&at, &f.keywords);
        check.covers(&format!("{at}.summary"), &f.summary, |check, at, v| check.text(at, v));
        check.covers(&format!("{at}.discussion"), &f.discussion, |check, at, v| check.text(at, v));
    }

    check.rows("decision", &c.decision);
    if let Some(v) = &c.verdict {
        check.text("verdict.summary", &v.summary);
        check.covers("verdict.choose_if", &v.choose_if, |check, at, t| check.text(at, t));
    }

    for (i, f) in c.faq.iter().enumerate() {
        let at = format!("faq[{i}]");
        check.text(&format!("{at}.question"), &f.question);
        check.text(&format!("{at}.answer"), &f.answer);
        for (j, t) in f.tags.iter().enumerate() {
            check.text(&format!("{at}.tags[{j}]"), t);
        }
    }

    if let Some(m) = c.wizard.tie_margin
        && !(m.is_finite() && (0.0..=1.0).contains(&m))
    {
        check.problem("wizard.tie_margin", format!("expected a number from 0.0 to 1.0; found {m}"));
    }
    let mut question_ids = HashSet::new();
    for (i, q) in c.wizard.questions.iter().enumerate() {
        let at = format!("wizard.questions[{i}]");
        check.id(&format!("{at}.id"), &q.id, &mut question_ids, "question id");
        check.text(&format!("{at}.prompt"), &q.prompt);
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
            check.text(&format!("{at}.label"), &o.label);
            check.text(&format!("{at}.why"), &o.why);
            check.weights(&format!("{at}.weights"), &o.weights);
            check.reasons(&format!("{at}.reasons"), &o.reasons, &o.weights);
        }
    }

    for (i, s) in c.sources.iter().enumerate() {
        check.text(&format!("sources[{i}].title"), &s.title);
        check.url(&format!("sources[{i}].url"), &s.url);
    }
    check.problems
}

struct Checker {
    subjects: Vec<String>,
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: String) {
        self.problems.push(Problem { path: path.to_string(), message });
    }

    /// Required text: empty after sanitizing counts as missing.
    fn text(&mut self, path: &str, value: &str) {
        if value.is_empty() {
            self.problem(path, "must not be empty".into());
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>, what: &str) {
        if id.is_empty() {
            self.problem(path, "must not be empty".into());
        } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            self.problem(path, format!("{what} \"{id}\" may only use letters, digits, '_' and '-'"));
        } else if !seen.insert(id.to_string()) {
            self.problem(path, format!("duplicate {what} \"{id}\""));
        }
    }

    fn url(&mut self, path: &str, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            self.problem(path, format!("expected an http:// or https:// URL; found \"{url}\""));
        }
    }

    fn rows(&mut self, path: &str, rows: &[Row]) {
        for (i, row) in rows.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.text(&format!("{at}.name"), &row.name);
            self.covers(&format!("{at}.values"), &row.values, |check, at, v| check.text(at, v));
            if let Some(d) = &row.detail {
                self.text(&format!("{at}.detail"), d);
            }
            self.keywords(&at, &row.keywords);
        }
    }

    /// Search keywords: none may be empty.
    fn keywords(&mut self, at: &str, keywords: &[super::text::Line]) {
        for (j, k) in keywords.iter().enumerate() {
            self.text(&format!("{at}.keywords[{j}]"), k);
        }
    }

    /// A per-subject map must name every declared subject exactly once, and no other.
    fn covers<T>(&mut self, path: &str, map: &PerSubject<T>, mut each: impl FnMut(&mut Self, &str, &T)) {
        let mut seen = HashSet::new();
        for (id, value) in map.iter() {
            if !self.subjects.iter().any(|s| s == id) {
                self.problem(path, format!("unknown subject \"{id}\" (declared: {})", self.declared()));
            } else if !seen.insert(id) {
                self.problem(path, format!("subject \"{id}\" is given twice"));
            } else {
                each(self, &format!("{path}.{id}"), value);
            }
        }
        let missing: Vec<String> = self.subjects.iter().filter(|s| !seen.contains(s.as_str())).cloned().collect();
        for id in missing {
            self.problem(path, format!("missing subject \"{id}\""));
        }
    }

    /// Weights may leave subjects out (they score 0) but must name only declared ones, once, with finite numbers.
    fn weights(&mut self, path: &str, weights: &PerSubject<f64>) {
        let mut seen = HashSet::new();
        for (id, w) in weights.iter() {
            if !self.subjects.iter().any(|s| s == id) {
                self.problem(path, format!("unknown subject \"{id}\" (declared: {})", self.declared()));
            } else if !seen.insert(id) {
                self.problem(path, format!("subject \"{id}\" is given twice"));
            } else if !w.is_finite() || w.abs() > MAX_WEIGHT {
                let found = if w.is_finite() { w.to_string() } else { format!("{w}") };
                self.problem(
                    &format!("{path}.{id}"),
                    format!("expected a number from -{MAX_WEIGHT} to {MAX_WEIGHT}; found {found}"),
                );
            }
        }
    }

    /// Per-subject reasons: declared subjects, once each, not empty, and only
    /// for subjects the option moves (a reason for nothing would mislead).
    fn reasons(&mut self, path: &str, reasons: &PerSubject<super::text::Text>, weights: &PerSubject<f64>) {
        let mut seen = HashSet::new();
        for (id, text) in reasons.iter() {
            if !self.subjects.iter().any(|s| s == id) {
                self.problem(path, format!("unknown subject \"{id}\" (declared: {})", self.declared()));
            } else if !seen.insert(id) {
                self.problem(path, format!("subject \"{id}\" is given twice"));
            } else if weights.get(id).is_none_or(|w| *w == 0.0) {
                self.problem(
                    &format!("{path}.{id}"),
                    format!("a reason for \"{id}\", but the option gives it no weight"),
                );
            } else {
                self.text(&format!("{path}.{id}"), text);
            }
        }
    }

    fn declared(&self) -> String {
        self.subjects.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
    }
}
