//! What changed between two versions of a comparison: every entry added,
//! removed or changed, by tab, with the changed text; the wizard's weights
//! that changed; and which decisions the change flips — answers replayed
//! against both versions, each holding or changing (X → Y).
//!
//! The comparison is diffed as its JSON (the model's own field names), so
//! a new field of the format is diffed without code here: lists of entries
//! are matched by what names them (an id, a name, a domain, a question),
//! lists of sentences as sets, everything else by position.

use serde_json::Value;

use crate::data::{Comparison, sanitize};
use crate::tab::Tab;
use crate::wizard;

/// The longest text a change quotes, in characters (the rest is "…").
const MAX_QUOTED: usize = 400;

/// One difference, at `path` (the entry and field, in words).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub tab: Tab,
    pub path: Vec<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Added(String),
    Removed(String),
    Changed(String, String),
}

/// A wizard weight that changed: question and option ids, the subject's name, old and new (None: left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Weight {
    pub question: String,
    pub option: String,
    pub subject: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// The outcome of one set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Leads(String),
    Tie(Vec<String>),
    Nothing,
}

impl Outcome {
    pub fn words(&self) -> String {
        match self {
            Outcome::Leads(name) => name.clone(),
            Outcome::Tie(names) => format!("a tie of {}", names.join(" and ")),
            Outcome::Nothing => "nothing recommended".to_string(),
        }
    }
}

/// The outcome of `answers` (by id) against `c`.
pub fn outcome(
    c: &Comparison,
    answers: &std::collections::BTreeMap<String, String>,
    importance: &std::collections::BTreeMap<String, String>,
) -> Outcome {
    let replayed = wizard::replay(c, answers, importance);
    outcome_of(c, &wizard::score(c, &replayed.answers, &replayed.importance))
}

/// The outcome of a group's answers (by id) against `c`.
pub fn group_outcome(c: &Comparison, members: &[crate::record::MemberBlock]) -> Outcome {
    let members = members
        .iter()
        .map(|m| {
            let r = wizard::replay(c, &m.answers, &m.importance);
            wizard::Member { name: m.name.clone(), answers: r.answers, importance: r.importance }
        })
        .collect();
    outcome_of(c, &wizard::Group::new(c, members).card)
}

fn outcome_of(c: &Comparison, card: &wizard::Scorecard) -> Outcome {
    match &card.outcome {
        wizard::Outcome::Winner(s) => Outcome::Leads(c.subjects[*s].name.to_string()),
        wizard::Outcome::Tie(t) => Outcome::Tie(t.iter().map(|&s| c.subjects[s].name.to_string()).collect()),
        wizard::Outcome::NoAnswers => Outcome::Nothing,
    }
}

/// Every difference between `old` and `new`, in tab order (then as found).
pub fn changes(old: &Comparison, new: &Comparison) -> Vec<Change> {
    let (a, b) = (serde_json::to_value(old).unwrap_or(Value::Null), serde_json::to_value(new).unwrap_or(Value::Null));
    let mut out = Vec::new();
    let keys: Vec<&String> = match (&a, &b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut k: Vec<&String> = x.keys().chain(y.keys()).collect();
            k.sort();
            k.dedup();
            k
        }
        _ => Vec::new(),
    };
    for key in keys {
        let tab = tab_of(key);
        let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
        walk(tab, vec![field(key)], x, y, &mut out);
    }
    out.sort_by_key(|c| c.tab.index());
    out
}

/// The weights that changed, from the changes.
pub fn weights(old: &Comparison, new: &Comparison) -> Vec<Weight> {
    let mut out = Vec::new();
    for q in &new.wizard.questions {
        let Some(before) = old.wizard.questions.iter().find(|o| o.id == q.id) else { continue };
        for o in &q.options {
            let Some(was) = before.options.iter().find(|x| x.id == o.id) else { continue };
            for s in &new.subjects {
                let (a, b) = (was.weights.get(&s.id).copied(), o.weights.get(&s.id).copied());
                if a != b {
                    out.push(Weight {
                        question: q.id.to_string(),
                        option: o.id.to_string(),
                        subject: s.name.to_string(),
                        old: a,
                        new: b,
                    });
                }
            }
        }
    }
    out
}

/// The tab a top-level field of the format is shown on.
fn tab_of(key: &str) -> Tab {
    match key {
        "key_features" | "features" => Tab::Features,
        "pros_cons" | "pros_cons_table" => Tab::ProsCons,
        "use_cases" => Tab::UseCases,
        "factors" => Tab::Performance,
        "faq" => Tab::Faq,
        "wizard" => Tab::Decide,
        _ => Tab::Overview,
    }
}

/// A field name as a reader would say it.
fn field(key: &str) -> String {
    key.replace('_', " ")
}

/// What names an entry of a list: its id, name, domain, question or title.
fn name_of(v: &Value) -> Option<String> {
    ["id", "name", "domain", "question", "title"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::to_string)
}

fn walk(tab: Tab, path: Vec<String>, a: &Value, b: &Value, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    let push = |out: &mut Vec<Change>, path: Vec<String>, kind| out.push(Change { tab, path, kind });
    match (a, b) {
        (Value::Null, b) => push(out, path, Kind::Added(quote(b))),
        (a, Value::Null) => push(out, path, Kind::Removed(quote(a))),
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let mut p = path.clone();
                p.push(field(k));
                walk(tab, p, x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(x), Value::Array(y)) => list(tab, path, x, y, out),
        (a, b) => push(out, path, Kind::Changed(quote(a), quote(b))),
    }
}

/// Two lists: entries matched by name, sentences as sets, else by position.
fn list(tab: Tab, path: Vec<String>, x: &[Value], y: &[Value], out: &mut Vec<Change>) {
    let named = |l: &[Value]| !l.is_empty() && l.iter().all(|v| name_of(v).is_some());
    let strings = |l: &[Value]| l.iter().all(Value::is_string);
    let push = |out: &mut Vec<Change>, path: Vec<String>, kind| out.push(Change { tab, path, kind });
    if (named(x) || x.is_empty()) && (named(y) || y.is_empty()) && !(x.is_empty() && y.is_empty()) {
        // By name, through a map: thousands of renamed entries cost a pass each, not a pass per pair.
        let in_y: std::collections::HashMap<String, &Value> = y.iter().filter_map(|b| Some((name_of(b)?, b))).collect();
        let in_x: std::collections::HashSet<String> = x.iter().filter_map(name_of).collect();
        for a in x {
            let n = name_of(a).unwrap_or_default();
            let mut p = path.clone();
            p.push(quote_name(&n));
            match in_y.get(&n) {
                Some(b) => walk(tab, p, a, b, out),
                None => push(out, p, Kind::Removed(quote(a))),
            }
        }
        for b in y.iter().filter(|b| name_of(b).is_none_or(|n| !in_x.contains(&n))) {
            let mut p = path.clone();
            p.push(quote_name(&name_of(b).unwrap_or_default()));
            push(out, p, Kind::Added(quote(b)));
        }
    } else if strings(x) && strings(y) {
        let (sx, sy): (std::collections::HashSet<&Value>, std::collections::HashSet<&Value>) =
            (x.iter().collect(), y.iter().collect());
        for a in x.iter().filter(|a| !sy.contains(a)) {
            push(out, path.clone(), Kind::Removed(quote(a)));
        }
        for b in y.iter().filter(|b| !sx.contains(b)) {
            push(out, path.clone(), Kind::Added(quote(b)));
        }
    } else {
        for i in 0..x.len().max(y.len()) {
            let mut p = path.clone();
            p.push(format!("#{}", i + 1));
            walk(tab, p, x.get(i).unwrap_or(&Value::Null), y.get(i).unwrap_or(&Value::Null), out);
        }
    }
}

fn quote_name(n: &str) -> String {
    format!("\"{}\"", clip(&sanitize(n)))
}

/// A value in words: a string as itself, an entry by its name, anything else as JSON; bounded.
fn quote(v: &Value) -> String {
    let text = match v {
        Value::String(s) => format!("\"{s}\""),
        v if name_of(v).is_some() => format!("\"{}\"", name_of(v).unwrap_or_default()),
        v => v.to_string(),
    };
    clip(&sanitize(&text))
}

fn clip(s: &str) -> String {
    crate::data::clip(s, MAX_QUOTED).into_owned()
}

impl Change {
    /// "Security › values › flask: "Manual" → "Extensions"" and the like.
    pub fn line(&self) -> String {
        let path = self.path.join(" › ");
        match &self.kind {
            Kind::Added(v) => format!("+ {path}: {v}"),
            Kind::Removed(v) => format!("- {path}: {v}"),
            Kind::Changed(a, b) => format!("~ {path}: {a} → {b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_str;

    fn brewing() -> Comparison {
        load_str(include_str!("../tests/fixtures/brewing.ron"), "brewing.ron").expect("fixture")
    }

    #[test]
    fn the_same_comparison_has_no_changes() {
        assert_eq!(changes(&brewing(), &brewing()), []);
    }

    /// The brewing fixture with its text edited: `edits` are (before, after) replacements.
    fn edited(edits: &[(&str, &str)]) -> Comparison {
        let mut text = include_str!("../tests/fixtures/brewing.ron").to_string();
        for (a, b) in edits {
            assert!(text.contains(a), "{a}");
            text = text.replacen(a, b, 1);
        }
        load_str(&text, "brewing.ron").expect("still valid")
    }

    #[test]
    fn each_kind_of_change_is_found_on_its_tab_with_its_text() {
        let old = brewing();
        let new = edited(&[
            (r#""kettle": "2 minutes""#, r#""kettle": "3 minutes""#),
            (
                r#"(question: "Which is fastest?", answer: "The kettle: it only boils water.", tags: ["speed", "quick"]),"#,
                "",
            ),
            (
                r#"pros: ["A full-bodied cup without paper filters."]"#,
                r#"pros: ["A full-bodied cup without paper filters.", "Cheap filters."]"#,
            ),
            (r#"weights: {"kettle": 2.0}"#, r#"weights: {"kettle": 3.0}"#),
        ]);
        let found = changes(&old, &new);
        let lines: Vec<(Tab, String)> = found.iter().map(|c| (c.tab, c.line())).collect();
        assert!(
            lines.contains(&(
                Tab::Features,
                "~ features › \"Time to a cup\" › values › kettle: \"2 minutes\" → \"3 minutes\"".into()
            )),
            "{lines:#?}"
        );
        assert!(lines.iter().any(|(t, l)| *t == Tab::Faq && l.starts_with("- faq › \"")), "{lines:#?}");
        assert!(
            lines.contains(&(Tab::ProsCons, "+ pros cons › press › pros: \"Cheap filters.\"".into())),
            "{lines:#?}"
        );
        assert!(
            lines.iter().any(|(t, l)| *t == Tab::Decide && l.contains("weights › kettle: 2.0 → 3.0")),
            "{lines:#?}"
        );
        // In tab order.
        let tabs: Vec<usize> = found.iter().map(|c| c.tab.index()).collect();
        assert!(tabs.windows(2).all(|w| w[0] <= w[1]), "{tabs:?}");
        let w = weights(&old, &new);
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].question.as_str(), w[0].option.as_str(), w[0].old, w[0].new),
            ("hurry", "none", Some(2.0), Some(3.0))
        );
    }
}
