//! Plain, linear renderings of a whole comparison (Markdown for people and
//! screen readers, JSON for scripts) and of the wizard's result for a set of
//! answers. Pure functions of the model and the scoring.

use std::fmt::Write;

use crate::data::{Comparison, PerSubject, Row};
use crate::wizard::{self, Importance, Outcome, Scorecard};

/// One line of counts, as printed by `versus check`.
pub fn summary_line(c: &Comparison) -> String {
    let names: Vec<&str> = c.subjects.iter().map(|s| s.name.as_str()).collect();
    let key_features: usize = c.key_features.iter().map(|(_, v)| v.len()).sum();
    let pros_cons: usize = c.pros_cons.iter().map(|(_, pc)| pc.pros.len() + pc.cons.len()).sum();
    format!(
        "\"{}\": {} subjects ({}), {} key features, {} feature rows, {} pros/cons, {} use cases, \
         {} factors, {} decision rows, {} FAQs, {} wizard questions",
        c.title,
        c.subjects.len(),
        names.join(", "),
        key_features,
        c.features.len(),
        pros_cons,
        c.use_cases.len(),
        c.factors.len(),
        c.decision.len(),
        c.faq.len(),
        c.wizard.questions.len()
    )
}

/// The whole comparison as pretty-printed JSON (the model's own field names).
pub fn json(c: &Comparison) -> String {
    // The model holds only strings, numbers, booleans, lists and string-keyed
    // maps, and validation has ruled out NaN and infinities, so this cannot fail.
    let mut out = serde_json::to_string_pretty(c).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The whole comparison as Markdown, every section in tab order.
pub fn markdown(c: &Comparison) -> String {
    let mut md = Markdown { out: String::new(), c };
    md.all();
    md.out
}

struct Markdown<'a> {
    out: String,
    c: &'a Comparison,
}

impl Markdown<'_> {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn heading(&mut self, level: usize, title: &str) {
        let _ = writeln!(self.out, "{} {}\n", "#".repeat(level), title);
    }

    fn para(&mut self, text: &str) {
        for p in text.split("\n\n") {
            self.line(p);
            self.line("");
        }
    }

    fn name(&self, id: &str) -> String {
        self.c.subjects.iter().find(|s| s.id.as_str() == id).map_or(id.to_string(), |s| s.name.to_string())
    }

    /// A table with one column per subject, in the declared subject order.
    fn table(&mut self, first: &str, rows: &[Row]) {
        self.per_subject_table(first, rows.iter().map(|r| (r.name.as_str(), &r.values)));
        for row in rows.iter().filter(|r| r.detail.is_some()) {
            let detail = row.detail.as_deref().unwrap_or_default();
            let _ = writeln!(self.out, "- **{}**: {}", row.name, detail.replace("\n\n", " "));
        }
        if rows.iter().any(|r| r.detail.is_some()) {
            self.line("");
        }
    }

    fn per_subject_table<'r, T: AsRef<str> + 'r>(
        &mut self,
        first: &str,
        rows: impl Iterator<Item = (&'r str, &'r PerSubject<T>)>,
    ) {
        let subjects = &self.c.subjects;
        let header: Vec<String> = subjects.iter().map(|s| cell(&s.name)).collect();
        let _ = writeln!(self.out, "| {} | {} |", cell(first), header.join(" | "));
        let _ = writeln!(self.out, "|---|{}", "---|".repeat(subjects.len()));
        for (name, values) in rows {
            let cells: Vec<String> =
                subjects.iter().map(|s| values.get(&s.id).map_or(String::new(), |v| cell(v.as_ref()))).collect();
            let _ = writeln!(self.out, "| {} | {} |", cell(name), cells.join(" | "));
        }
        self.line("");
    }

    fn all(&mut self) {
        let c = self.c;
        self.heading(1, &c.title);
        self.para(&c.summary);
        for s in &c.subjects {
            self.heading(3, &s.name);
            self.para(&s.description);
            if let Some(url) = &s.homepage {
                self.para(&format!("Homepage: <{url}>"));
            }
        }

        self.heading(2, "Features");
        for (id, list) in c.key_features.iter() {
            self.heading(3, &format!("Key features of {}", self.name(id)));
            for f in list {
                let _ = writeln!(self.out, "- **{}**: {}", f.name, f.detail.replace("\n\n", " "));
            }
            self.line("");
        }
        self.heading(3, "Feature comparison");
        self.table("Feature", &c.features);

        self.heading(2, "Pros and cons");
        for (id, pc) in c.pros_cons.iter() {
            let name = self.name(id);
            for (label, items) in [("Pros", &pc.pros), ("Cons", &pc.cons)] {
                self.heading(3, &format!("{label} of {name}"));
                for item in items {
                    let _ = writeln!(self.out, "- {}", item.replace("\n\n", " "));
                }
                self.line("");
            }
        }
        if !c.pros_cons_table.is_empty() {
            self.heading(3, "Pros and cons at a glance");
            self.table("Aspect", &c.pros_cons_table);
        }

        self.heading(2, "Use cases");
        for u in &c.use_cases {
            self.heading(3, &u.domain);
            for (id, fit) in u.fits.iter() {
                let star = if fit.featured { " (a signature use case)" } else { "" };
                let _ = writeln!(self.out, "- **{}**{}: {}", self.name(id), star, fit.why.replace("\n\n", " "));
                if !fit.examples.is_empty() {
                    let ex: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
                    let _ = writeln!(self.out, "  - Examples: {}", ex.join(", "));
                }
            }
            self.line("");
        }

        self.heading(2, "Performance and security");
        self.per_subject_table("Factor", c.factors.iter().map(|f| (f.name.as_str(), &f.summary)));
        for f in &c.factors {
            self.heading(3, &f.name);
            for (id, text) in f.discussion.iter() {
                self.para(&format!("**{}**: {}", self.name(id), text));
            }
        }

        self.heading(2, "Decision snapshot");
        self.table("Criterion", &c.decision);
        if let Some(v) = &c.verdict {
            self.heading(3, "Verdict");
            self.para(&v.summary);
            for (id, text) in v.choose_if.iter() {
                let _ = writeln!(self.out, "- **{}**: {}", self.name(id), text.replace("\n\n", " "));
            }
            self.line("");
        }

        self.heading(2, "FAQ");
        for f in &c.faq {
            self.heading(3, &f.question);
            self.para(&f.answer);
            if !f.tags.is_empty() {
                let tags: Vec<&str> = f.tags.iter().map(|t| t.as_str()).collect();
                self.para(&format!("Tags: {}", tags.join(", ")));
            }
        }

        self.heading(2, "Decision wizard");
        for (i, q) in c.wizard.questions.iter().enumerate() {
            self.heading(3, &format!("{}. {} (`{}`)", i + 1, q.prompt, q.id));
            if let Some(help) = &q.help {
                self.para(help);
            }
            for o in &q.options {
                let weights: Vec<String> =
                    o.weights.iter().map(|(id, w)| format!("{} {:+}", self.name(id), w)).collect();
                let weights = if weights.is_empty() { "no effect".to_string() } else { weights.join(", ") };
                let _ = writeln!(self.out, "- `{}` {}: {} ({})", o.id, o.label, o.why.replace("\n\n", " "), weights);
            }
            self.line("");
        }

        if !c.sources.is_empty() {
            self.heading(2, "Sources");
            for s in &c.sources {
                let _ = writeln!(self.out, "- [{}]({})", s.title, s.url);
            }
        }
    }
}

/// A Markdown table cell: pipes escaped so they cannot split the cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace("\n\n", "<br>")
}

/// How `versus decide` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text, for a terminal or a screen reader.
    Text,
    /// Markdown, to paste into a design doc.
    Markdown,
    /// JSON, for scripts.
    Json,
}

/// The wizard's result for `answers` weighed by `importance`: the
/// recommendation in one sentence, every subject's score and how far behind
/// the leader it is, for each subject every answer that pushed it up or down
/// with the data's reason, the questions left unanswered, the decision
/// snapshot and the source's verdict.
pub fn decision_report(
    c: &Comparison,
    answers: &[Option<usize>],
    importance: &[Importance],
    format: ReportFormat,
) -> String {
    let card = wizard::score(c, answers, importance);
    match format {
        ReportFormat::Json => decision_json(c, answers, importance, &card),
        ReportFormat::Text | ReportFormat::Markdown => {
            decision_prose(c, answers, importance, &card, format == ReportFormat::Markdown)
        }
    }
}

fn level(importance: &[Importance], question: usize) -> Importance {
    importance.get(question).copied().unwrap_or_default()
}

fn decision_json(c: &Comparison, answers: &[Option<usize>], importance: &[Importance], card: &Scorecard) -> String {
    use serde_json::json;
    let questions = &c.wizard.questions;
    let list = |ks: &[wizard::Contribution]| {
        ks.iter()
            .map(|k| {
                let r = k.reason(c);
                json!({"question": r.question.id.as_str(), "prompt": r.question.prompt.as_str(),
                    "option": r.choice.id.as_str(), "label": r.choice.label.as_str(),
                    "importance": level(importance, k.question).id(), "points": r.points, "why": r.why})
            })
            .collect::<Vec<_>>()
    };
    let subjects: Vec<serde_json::Value> = card
        .ranking
        .iter()
        .map(|r| {
            json!({"id": c.subjects[r.subject].id.as_str(), "name": c.subjects[r.subject].name.as_str(),
                "points": r.points, "behind": r.behind, "bar": r.bar,
                "for": list(&r.pushed_for), "against": list(&r.pushed_against)})
        })
        .collect();
    let outcome = match &card.outcome {
        Outcome::Winner(s) => json!({"winner": c.subjects[*s].id.as_str()}),
        Outcome::Tie(t) => json!({"tie": t.iter().map(|&s| c.subjects[s].id.as_str()).collect::<Vec<_>>()}),
        Outcome::NoAnswers => json!("no_answers"),
    };
    let given: serde_json::Map<String, serde_json::Value> = questions
        .iter()
        .zip(answers)
        .filter_map(|(q, a)| a.and_then(|o| q.options.get(o)).map(|o| (q.id.to_string(), o.id.as_str().into())))
        .collect();
    let weighed: serde_json::Map<String, serde_json::Value> = questions
        .iter()
        .enumerate()
        .filter(|&(i, _)| level(importance, i) != Importance::Normal)
        .map(|(i, q)| (q.id.to_string(), level(importance, i).id().into()))
        .collect();
    let report = json!({"comparison": c.title.as_str(), "recommendation": wizard::recommendation(c, card),
        "outcome": outcome, "tie_margin": card.margin, "answered": card.answered, "questions": questions.len(),
        "answers": given, "importance": weighed, "subjects": subjects});
    format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default())
}

fn decision_prose(
    c: &Comparison,
    answers: &[Option<usize>],
    importance: &[Importance],
    card: &Scorecard,
    md: bool,
) -> String {
    let name = |s: usize| c.subjects[s].name.as_str();
    let questions = &c.wizard.questions;
    let sentence = wizard::recommendation(c, card);
    let mut out = String::new();
    let heading = |out: &mut String, title: &str| {
        let _ = if md { writeln!(out, "\n## {title}\n") } else { writeln!(out, "\n{title}:") };
    };
    if md {
        let _ = writeln!(out, "# Decision: {}\n\n**{sentence}**", c.title);
    } else {
        let _ = writeln!(out, "{sentence}");
    }
    heading(&mut out, &format!("Scores ({} of {} questions answered)", card.answered, questions.len()));
    if md {
        let _ = writeln!(out, "| Subject | Points | Behind the leader |\n|---|---|---|");
    }
    for r in &card.ranking {
        let behind = if r.behind > 0.0 { wizard::points(r.behind).replace('+', "") } else { "—".to_string() };
        let _ = if md {
            writeln!(out, "| {} | {} | {behind} |", cell(name(r.subject)), wizard::points(r.points))
        } else {
            writeln!(out, "  {:<12} {:>6}   behind by {behind}", name(r.subject), wizard::points(r.points))
        };
    }
    for r in &card.ranking {
        for (title, list) in [("for", &r.pushed_for), ("against", &r.pushed_against)] {
            if list.is_empty() {
                continue;
            }
            heading(&mut out, &format!("What counted {title} {}", name(r.subject)));
            for k in list {
                let reason = k.reason(c);
                let (q, o, why, p) =
                    (&reason.question.prompt, &reason.choice.label, reason.why, wizard::points(reason.points));
                let weight = match level(importance, k.question) {
                    Importance::Normal => String::new(),
                    other => format!(", {} importance", other.id()),
                };
                let _ = if md {
                    writeln!(out, "- **{q}** {o} ({p}{weight}): {why}")
                } else {
                    writeln!(out, "  {p:>4}  {q} — {o}{weight}: {why}")
                };
            }
        }
    }
    let open: Vec<&str> = questions
        .iter()
        .zip(answers.iter().chain(std::iter::repeat(&None)))
        .filter(|(_, a)| a.is_none())
        .map(|(q, _)| q.prompt.as_str())
        .collect();
    if !open.is_empty() {
        heading(&mut out, "Not answered");
        for prompt in open {
            let _ = writeln!(out, "{} {prompt}", if md { "-" } else { " " });
        }
    }
    if !c.decision.is_empty() {
        heading(&mut out, "Decision snapshot");
        if md {
            let names: Vec<String> = c.subjects.iter().map(|s| cell(&s.name)).collect();
            let _ = writeln!(out, "| Criterion | {} |\n|---|{}", names.join(" | "), "---|".repeat(names.len()));
        }
        for row in &c.decision {
            let values: Vec<String> =
                c.subjects.iter().map(|s| row.values.get(&s.id).map_or("", |v| v).to_string()).collect();
            let _ = if md {
                writeln!(
                    out,
                    "| {} | {} |",
                    cell(&row.name),
                    values.iter().map(|v| cell(v)).collect::<Vec<_>>().join(" | ")
                )
            } else {
                let pairs: Vec<String> =
                    c.subjects.iter().zip(&values).map(|(s, v)| format!("{}: {v}", s.name)).collect();
                writeln!(out, "  {} — {}", row.name, pairs.join(" · "))
            };
        }
    }
    if let Some(v) = &c.verdict {
        heading(&mut out, "The source's verdict");
        let _ = writeln!(out, "{}{}", if md { "" } else { "  " }, v.summary.replace("\n\n", " "));
        for s in &c.subjects {
            if let Some(text) = v.choose_if.get(&s.id) {
                let _ = writeln!(out, "{} {}: {}", if md { "-" } else { " " }, s.name, text.replace("\n\n", " "));
            }
        }
    }
    out
}
