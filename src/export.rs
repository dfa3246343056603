//! Plain, linear renderings of a whole comparison (Markdown for people and
//! screen readers, JSON for scripts) and of the wizard's result for a set of
//! answers. Pure functions of the model and the scoring.

use std::fmt::Write;

use crate::data::{Comparison, PerSubject, Row};

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

/// The wizard's result for `answers`: the recommendation in one sentence,
/// every subject's score, and for each subject the answers that pushed it up
/// and down with the data's reason for each.
pub fn decision_report(c: &Comparison, answers: &[Option<usize>], format: ReportFormat) -> String {
    use crate::wizard::{self, Outcome};
    let card = wizard::score(c, answers);
    let name = |s: usize| c.subjects[s].name.as_str();
    let questions = &c.wizard.questions;
    let sentence = wizard::recommendation(c, &card);
    if format == ReportFormat::Json {
        let subjects: Vec<serde_json::Value> = card
            .ranking
            .iter()
            .map(|r| {
                let list = |ks: &[wizard::Contribution]| {
                    ks.iter()
                        .map(|k| {
                            let r = k.reason(c);
                            serde_json::json!({"question": r.question.id.as_str(), "prompt": r.question.prompt.as_str(),
                                "option": r.choice.id.as_str(), "label": r.choice.label.as_str(),
                                "points": r.points, "why": r.choice.why.as_str()})
                        })
                        .collect::<Vec<_>>()
                };
                serde_json::json!({"id": c.subjects[r.subject].id.as_str(), "name": name(r.subject),
                    "points": r.points, "share": r.share, "for": list(&r.pushed_for), "against": list(&r.pushed_against)})
            })
            .collect();
        let outcome = match &card.outcome {
            Outcome::Winner(s) => serde_json::json!({"winner": c.subjects[*s].id.as_str()}),
            Outcome::Tie(t) => {
                serde_json::json!({"tie": t.iter().map(|&s| c.subjects[s].id.as_str()).collect::<Vec<_>>()})
            }
            Outcome::NoAnswers => serde_json::json!("no_answers"),
        };
        let given: serde_json::Map<String, serde_json::Value> = questions
            .iter()
            .zip(answers)
            .filter_map(|(q, a)| a.and_then(|o| q.options.get(o)).map(|o| (q.id.to_string(), o.id.as_str().into())))
            .collect();
        let report = serde_json::json!({"comparison": c.title.as_str(), "recommendation": sentence, "outcome": outcome,
            "tie_margin": card.margin, "answered": card.answered, "questions": questions.len(),
            "answers": given, "subjects": subjects});
        return format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default());
    }
    let md = format == ReportFormat::Markdown;
    let mut out = String::new();
    if md {
        let _ = writeln!(out, "# Decision: {}\n\n**{sentence}**\n", c.title);
        let _ = writeln!(out, "## Scores\n\n| Subject | Points | Share of its possible range |\n|---|---|---|");
    } else {
        let _ = writeln!(out, "{sentence}\n\nScores ({} of {} questions answered):", card.answered, questions.len());
    }
    for r in &card.ranking {
        if md {
            let _ = writeln!(out, "| {} | {:+} | {:.0}% |", cell(name(r.subject)), r.points, r.share * 100.0);
        } else {
            let _ = writeln!(
                out,
                "  {:<12} {:>+6}  ({:.0}% of its possible range)",
                name(r.subject),
                r.points,
                r.share * 100.0
            );
        }
    }
    for r in &card.ranking {
        for (title, list) in [("for", &r.pushed_for), ("against", &r.pushed_against)] {
            if list.is_empty() {
                continue;
            }
            let _ = if md {
                writeln!(out, "\n## What counted {title} {}\n", name(r.subject))
            } else {
                writeln!(out, "\nWhat counted {title} {}:", name(r.subject))
            };
            for k in list {
                let wizard::Reason { question, choice, points } = k.reason(c);
                let (q, o, why) = (&question.prompt, &choice.label, &choice.why);
                let _ = if md {
                    writeln!(out, "- **{q}** {o} ({points:+}): {why}")
                } else {
                    writeln!(out, "  {points:+}  {q} — {o}: {why}")
                };
            }
        }
    }
    let skipped: Vec<&str> = questions
        .iter()
        .zip(answers.iter().chain(std::iter::repeat(&None)))
        .filter(|(_, a)| a.is_none())
        .map(|(q, _)| q.id.as_str())
        .collect();
    if !skipped.is_empty() {
        let _ = writeln!(out, "\n{}Not answered: {}", if md { "_" } else { "" }, skipped.join(", "));
        if md {
            out.pop();
            out.push_str("_\n");
        }
    }
    out
}
