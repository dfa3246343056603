//! Plain, linear renderings of a whole comparison (Markdown for people and
//! screen readers, JSON for scripts) and of the wizard's result for a set of
//! answers. Pure functions of the model and the scoring.

use std::fmt::Write;

use crate::data::{Comparison, Note, PerSubject, Row, count};
use crate::record;
use crate::wizard::{self, Importance, Outcome};

pub mod group;

/// One line of counts, as printed by `versus check`.
pub fn summary_line(c: &Comparison) -> String {
    let names: Vec<&str> = c.subjects.iter().map(|s| s.name.as_str()).collect();
    let key_features: usize = c.key_features.iter().map(|(_, v)| v.len()).sum();
    let pros_cons: usize = c.pros_cons.iter().map(|(_, pc)| pc.pros.len() + pc.cons.len()).sum();
    format!(
        // Quoted as a string literal: a quote inside the title is escaped, not a second end.
        "{:?}: {} ({}), {}, {}, {}, {}, {}, {}, {}, {}",
        c.title.as_str(),
        count(c.subjects.len(), "subject", "subjects"),
        names.join(", "),
        count(key_features, "key feature", "key features"),
        count(c.features.len(), "feature row", "feature rows"),
        count(pros_cons, "pro/con", "pros/cons"),
        count(c.use_cases.len(), "use case", "use cases"),
        count(c.factors.len(), "factor", "factors"),
        count(c.decision.len(), "decision row", "decision rows"),
        count(c.faq.len(), "FAQ", "FAQs"),
        count(c.wizard.questions.len(), "wizard question", "wizard questions")
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
            self.line(&block(p));
            self.line("");
        }
    }

    /// One note on one line: its kind, what it is about (a subject id is
    /// shown as the subject's name), its text and its source.
    fn note(&self, n: &Note) -> String {
        self.note_about(n, true)
    }

    /// A note written right after the pro or con it is about: its `about`
    /// (the start of that item) would only repeat it.
    fn note_on_item(&self, n: &Note) -> String {
        self.note_about(n, false)
    }

    fn note_about(&self, n: &Note, show_about: bool) -> String {
        let about = match n.about.as_deref().filter(|_| show_about) {
            Some(a) if self.c.subjects.iter().any(|s| s.id.as_str() == a) => format!(" (about “{}”)", self.name(a)),
            Some(a) => format!(" (about “{a}”)"),
            None => String::new(),
        };
        let source = n.source.as_ref().map_or(String::new(), |url| format!(" — source: <{url}>"));
        let date = n.as_of.as_ref().map_or(String::new(), |d| format!(" (as of {d})"));
        format!("*{}*{about}: {}{source}{date}", n.kind.label(), n.text.replace("\n\n", " "))
    }

    /// Notes nested under the list item just written.
    fn sub_notes(&mut self, notes: &[Note]) {
        for n in notes {
            let line = self.note(n);
            let _ = writeln!(self.out, "  - {line}");
        }
    }

    /// Notes after an entry written as paragraphs, one paragraph each.
    fn para_notes<'n>(&mut self, notes: impl IntoIterator<Item = &'n Note>) {
        for n in notes {
            let line = self.note(n);
            self.line(&line);
            self.line("");
        }
    }

    fn name(&self, id: &str) -> String {
        self.c.subject_name(id).unwrap_or(id).to_string()
    }

    /// A table with one column per subject, in the declared subject order.
    fn table(&mut self, first: &str, rows: &[Row]) {
        self.per_subject_table(first, rows.iter().map(|r| (r.name.as_str(), &r.values)));
        // Each row's detail, then its notes, as a list after the table.
        let explained = |r: &&Row| r.detail.is_some() || !r.notes.is_empty();
        for row in rows.iter().filter(explained) {
            let _ = match row.detail.as_deref() {
                Some(detail) => writeln!(self.out, "- **{}**: {}", row.name, detail.replace("\n\n", " ")),
                None => writeln!(self.out, "- **{}**", row.name),
            };
            self.sub_notes(&row.notes);
        }
        if rows.iter().any(|r| explained(&r)) {
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
        if let Some(date) = &c.as_of {
            self.para(&format!("As of {date}."));
        }
        self.para(&c.summary);
        self.heading(2, "Subjects");
        for s in &c.subjects {
            match &s.version {
                Some(v) => self.heading(3, &format!("{} {v}", s.name)),
                None => self.heading(3, &s.name),
            }
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
                self.sub_notes(&f.notes);
            }
            self.line("");
        }
        self.heading(3, "Feature comparison");
        self.table("Feature", &c.features);

        self.heading(2, "Pros and cons");
        for (id, pc) in c.pros_cons.iter() {
            let name = self.name(id);
            // A note goes after the first pro or con its `about` starts; any
            // left over (none, once validated) after both lists.
            let mut placed = vec![false; pc.notes.len()];
            for (label, items) in [("Pros", &pc.pros), ("Cons", &pc.cons)] {
                self.heading(3, &format!("{label} of {name}"));
                for item in items {
                    let _ = writeln!(self.out, "- {}", block(&item.replace("\n\n", " ")));
                    for (n, done) in pc.notes.iter().zip(&mut placed) {
                        if !*done && n.about.as_deref().is_some_and(|a| item.starts_with(a)) {
                            *done = true;
                            let line = self.note_on_item(n);
                            let _ = writeln!(self.out, "  - {line}");
                        }
                    }
                }
                self.line("");
            }
            self.para_notes(pc.notes.iter().zip(&placed).filter(|(_, done)| !**done).map(|(n, _)| n));
        }
        if !c.pros_cons_table.is_empty() {
            self.heading(3, "Pros and cons at a glance");
            self.table("Aspect", &c.pros_cons_table);
        }

        self.heading(2, "Use cases");
        for u in &c.use_cases {
            self.heading(3, &u.domain);
            for (id, fit) in u.fits.iter() {
                let level = fit.level().map_or(String::new(), |l| format!(" ({} {})", l.mark(), l.label()));
                let _ = writeln!(self.out, "- **{}**{level}: {}", self.name(id), fit.why.replace("\n\n", " "));
                if !fit.examples.is_empty() {
                    let ex: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
                    let _ = writeln!(self.out, "  - Examples: {}", ex.join(", "));
                }
                self.sub_notes(&fit.notes);
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
            self.para_notes(&f.notes);
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
            self.para_notes(&v.notes);
        }

        self.heading(2, "FAQ");
        for f in &c.faq {
            self.heading(3, &f.question);
            self.para(&f.answer);
            self.para_notes(&f.notes);
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
                let date = s.as_of.as_ref().map_or(String::new(), |d| format!(" (as of {d})"));
                let _ = writeln!(self.out, "- [{}]({}){date}", s.title, s.url);
            }
        }
    }
}

/// A paragraph or list item's text that cannot open a heading of its own:
/// a leading `#` is escaped (the data's text is not Markdown).
fn block(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with('#') { format!("\\{s}").into() } else { s.into() }
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
    /// A decision record (MADR) to keep with the project; `versus recheck` replays it.
    Madr,
    /// Your answers as a file to hand to a colleague: `versus decide --with FILE` reads it.
    Answers,
}

/// The wizard's result for `answers` weighed by `importance`: the
/// recommendation in one sentence, how firm it is, every subject's score and
/// how far behind the leader it is, for each subject every answer that pushed
/// it up or down with the data's reason, what would change the outcome, the
/// questions left unanswered, the decision snapshot and the verdict. Rendered
/// from the same [`wizard::Report`] as the result page and the record.
pub fn decision_report(
    c: &Comparison,
    answers: &[Option<usize>],
    importance: &[Importance],
    format: ReportFormat,
) -> String {
    let report = wizard::Report::new(c, answers, importance);
    match format {
        ReportFormat::Json => decision_json(c, &report, answers, importance),
        ReportFormat::Text | ReportFormat::Markdown | ReportFormat::Madr | ReportFormat::Answers => {
            let firmness = wizard::firmness(c, answers, importance);
            decision_prose(c, &report, firmness.as_ref(), format != ReportFormat::Text)
        }
    }
}

fn decision_json(
    c: &Comparison,
    report: &wizard::Report,
    answers: &[Option<usize>],
    importance: &[Importance],
) -> String {
    use serde_json::json;
    let firmness = wizard::firmness(c, answers, importance);
    let firmness = firmness.as_ref();
    let card = &report.card;
    let questions = &c.wizard.questions;
    let id = |s: usize| c.subjects[s].id.as_str();
    let list = |ks: &[wizard::Contribution]| {
        ks.iter()
            .map(|k| {
                let r = k.reason(c);
                let level = report.answered.iter().find(|a| a.question == k.question).map(|a| a.importance);
                json!({"question": r.question.id.as_str(), "prompt": r.question.prompt.as_str(),
                    "option": r.choice.id.as_str(), "label": r.choice.label.as_str(),
                    "importance": level.unwrap_or_default().id(), "points": r.points, "why": r.why})
            })
            .collect::<Vec<_>>()
    };
    let subjects: Vec<serde_json::Value> = card
        .ranking
        .iter()
        .map(|r| {
            // + 0.0 turns a -0.0 (nothing scored) into 0.
            json!({"id": id(r.subject), "name": c.subjects[r.subject].name.as_str(),
                "points": r.points + 0.0, "behind": r.behind + 0.0, "bar": r.bar,
                "for": list(&r.pushed_for), "against": list(&r.pushed_against)})
        })
        .collect();
    let outcome = match &card.outcome {
        Outcome::Winner(s) => json!({"winner": id(*s)}),
        Outcome::Tie(t) => json!({"tie": t.iter().map(|&s| id(s)).collect::<Vec<_>>()}),
        Outcome::NoAnswers => json!("no_answers"),
    };
    let given: serde_json::Map<String, serde_json::Value> = report
        .answered
        .iter()
        .map(|a| {
            let q = &questions[a.question];
            (q.id.to_string(), q.options[a.option].id.as_str().into())
        })
        .collect();
    let weighed: serde_json::Map<String, serde_json::Value> = report
        .answered
        .iter()
        .filter(|a| a.importance != Importance::Normal)
        .map(|a| (questions[a.question].id.to_string(), a.importance.id().into()))
        .collect();
    let tip = |t: &wizard::Tip| {
        let q = &questions[t.question];
        let change = match t.change {
            wizard::Change::Answer(o) => json!({"answer": q.options[o].id.as_str()}),
            wizard::Change::Importance(l) => json!({"importance": l.id()}),
        };
        json!({"kind": wizard::tip_kind(t), "question": q.id.as_str(), "change": change,
            "leader": t.leader.map(id), "lead": t.lead, "text": wizard::tip_line(c, t)})
    };
    let driver = |d: &wizard::Driver| {
        let q = &questions[d.answer.question];
        json!({"question": q.id.as_str(), "option": q.options[d.answer.option].id.as_str(),
            "importance": d.answer.importance.id(), "favours": id(d.favours), "gap": d.gap,
            "text": wizard::driver_line(c, report, d)})
    };
    let report_json = json!({"comparison": c.title.as_str(), "recommendation": wizard::recommendation(c, card),
        "leader": report.leader.map(id), "tied": report.tied.iter().map(|&s| id(s)).collect::<Vec<_>>(),
        "robustness": report.robustness().label(), "robustness_text": report.robustness_line(c),
        "firmness": firmness.map(|f| json!({"leader": id(f.leader), "settings": f.settings, "holds": f.holds,
            "percent": f.percent(), "sampled": f.sampled,
            "critical": f.critical.map(|(q, level)| json!({"question": questions[q].id.as_str(), "importance": level.id()})),
            "text": f.line(c)})),
        "tipping": report.tips().map(tip).collect::<Vec<_>>(),
        "drivers": report.drivers.iter().map(driver).collect::<Vec<_>>(),
        "outcome": outcome, "tie_margin": card.margin, "answered": card.answered, "questions": questions.len(),
        "unanswered": report.unanswered.iter().map(|&q| questions[q].id.as_str()).collect::<Vec<_>>(),
        "answers": given, "importance": weighed, "subjects": subjects});
    format!("{}\n", serde_json::to_string_pretty(&report_json).unwrap_or_default())
}

fn decision_prose(c: &Comparison, report: &wizard::Report, firmness: Option<&wizard::Firmness>, md: bool) -> String {
    let card = &report.card;
    let name = |s: usize| c.subjects[s].name.as_str();
    let questions = &c.wizard.questions;
    let sentence = wizard::recommendation(c, card);
    let mut out = String::new();
    let heading = |out: &mut String, title: &str| {
        let _ = if md { writeln!(out, "\n## {title}\n") } else { writeln!(out, "\n{title}:") };
    };
    let robustness = report.robustness_line(c);
    if md {
        let _ = writeln!(out, "# Decision: {}\n\n**{sentence}** {robustness}", c.title);
    } else {
        let _ = writeln!(out, "{sentence} {robustness}");
    }
    if let Some(f) = firmness {
        let _ = writeln!(out, "{}{}", if md { "\n" } else { "" }, f.line(c));
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
    let level = |q: usize| report.answered.iter().find(|a| a.question == q).map(|a| a.importance).unwrap_or_default();
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
                let weight = match level(k.question) {
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
    if report.tips().next().is_some() {
        heading(&mut out, report.tips_heading());
        for tip in report.tips() {
            let _ = writeln!(out, "{} {}", if md { "-" } else { " " }, wizard::tip_line(c, tip));
        }
    }
    if !report.unanswered.is_empty() {
        heading(&mut out, "Not answered");
        for &q in &report.unanswered {
            let _ = writeln!(out, "{} {}", if md { "-" } else { " " }, questions[q].prompt);
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
        heading(&mut out, &v.heading());
        let _ = writeln!(out, "{}{}", if md { "" } else { "  " }, v.summary.replace("\n\n", " "));
        for s in &c.subjects {
            if let Some(text) = v.choose_if.get(&s.id) {
                let _ = writeln!(out, "{} {}: {}", if md { "-" } else { " " }, s.name, text.replace("\n\n", " "));
            }
        }
    }
    out
}

/// Who and when, for a decision record's front matter.
#[derive(Debug, Clone, Default)]
pub struct RecordMeta {
    /// The day written, YYYY-MM-DD.
    pub date: String,
    /// Who made the decision (MADR's `decision-makers`).
    pub decision_makers: Vec<String>,
    /// The record this one replaces, as the user named it.
    pub supersedes: Option<String>,
}

impl RecordMeta {
    /// Today, decided by the login name when there is one: no prompt.
    pub fn today() -> RecordMeta {
        RecordMeta { date: date(), decision_makers: login_name().into_iter().collect(), supersedes: None }
    }
}

/// The user's login name: `$USER`, else `$LOGNAME`, else the account's name
/// from the password database (a shell in a container may set neither).
fn login_name() -> Option<String> {
    let from_env = ["USER", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok()).filter(|n| !n.trim().is_empty());
    from_env.or_else(account_name)
}

#[cfg(unix)]
fn account_name() -> Option<String> {
    let mut pwd = std::mem::MaybeUninit::<libc::passwd>::uninit();
    let mut buf = vec![0 as libc::c_char; 4096];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes only into `pwd` and `buf` (whose length it is
    // given) and sets `result` to `pwd` on success; pw_name then points into
    // `buf`, which outlives its use here.
    let found = unsafe { libc::getpwuid_r(libc::getuid(), pwd.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut result) };
    if found != 0 || result.is_null() {
        return None;
    }
    // SAFETY: on success `pwd` is initialised and pw_name is a NUL-terminated string in `buf`.
    let name = unsafe { std::ffi::CStr::from_ptr((*result).pw_name) };
    Some(name.to_string_lossy().into_owned()).filter(|n| !n.is_empty())
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// A YAML list of names, each a JSON string (JSON is YAML), sanitized.
fn yaml_list(names: &[String]) -> String {
    let names: Vec<String> =
        names.iter().map(|n| serde_json::Value::from(crate::data::sanitize_line(n)).to_string()).collect();
    format!("[{}]", names.join(", "))
}

/// A link to a file by its path, as Markdown: the path as the text, with
/// what Markdown reads as markup escaped, and as the target in `<…>`.
fn markdown_link(path: &str) -> String {
    let mut text = String::new();
    for c in path.chars() {
        if "\\`*_[]<>#!|".contains(c) {
            text.push('\\');
        }
        text.push(c);
    }
    let target: String = path.chars().filter(|c| !matches!(c, '<' | '>')).collect();
    format!("[{text}](<{target}>)")
}

/// The answers block of one person's report: what a record embeds and an
/// answer file is.
pub(crate) fn block_of(
    c: &Comparison,
    identity: &record::Identity,
    report: &wizard::Report,
    (answers, importance): (&[Option<usize>], &[Importance]),
    date: &str,
) -> record::Block {
    let (answers, importance) = wizard::ids(c, answers, importance);
    record::Block {
        version: record::VERSION,
        comparison: identity.comparison.clone(),
        from: identity.from,
        title: c.title.to_string(),
        date: date.to_string(),
        leader: report.leader.map(|s| c.subjects[s].id.to_string()),
        tied: report.tied.iter().map(|&s| c.subjects[s].id.to_string()).collect(),
        answers,
        importance,
        name: None,
        members: Vec::new(),
    }
}

/// One person's answer file: their answers and importance by id, their
/// name, the comparison's identity and the date, as the JSON block a
/// decision record embeds (`versus decide --with` reads either).
pub fn answers_file(
    c: &Comparison,
    identity: &record::Identity,
    answers: &[Option<usize>],
    importance: &[Importance],
    name: &str,
    date: &str,
) -> String {
    let report = wizard::Report::new(c, answers, importance);
    let mut block = block_of(c, identity, &report, (answers, importance), date);
    block.name =
        Some(crate::data::clip(crate::data::sanitize_line(name).trim(), crate::data::MAX_NAME_CHARS).into_owned());
    let mut json = serde_json::to_string_pretty(&block).unwrap_or_default();
    json.push('\n');
    json
}

/// The login name, for an answer file's or a record's author when none is given.
pub fn who() -> Option<String> {
    login_name()
}

/// The record's title: the choice, or that there is none.
pub fn record_title(c: &Comparison, report: &wizard::Report) -> String {
    match report.leader {
        Some(s) => format!("Choose {} — {}", c.subjects[s].name, c.title),
        None => format!("{}: no clear winner yet", c.title),
    }
}

/// A decision record in the MADR 4.0 layout: YAML front matter (status,
/// date, decision-makers, consulted, informed), context and problem,
/// decision drivers (those for the choice, then those against), considered
/// options, the outcome with its consequences and how to confirm it, the
/// pros and cons of every option, more information (what would change it,
/// what was not answered, sources), and the answers as JSON for
/// `versus recheck` ([`record`]). A tie chooses nothing: it says what
/// separates the tied options and what would break the tie, and has no
/// consequences. `identity` names the comparison as the catalogue does
/// (never by path). Text from the data cannot open a comment or a code
/// block: `<!--` and three backticks are escaped.
pub fn madr(
    c: &Comparison,
    identity: &record::Identity,
    answers: &[Option<usize>],
    importance: &[Importance],
    meta: &RecordMeta,
) -> String {
    let report = wizard::Report::new(c, answers, importance);
    let card = &report.card;
    let name = |s: usize| c.subjects[s].name.as_str();
    let questions = &c.wizard.questions;
    let para = |t: &str| t.replace("\n\n", " ");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "---\nstatus: proposed\ndate: {}\ndecision-makers: {}\nconsulted: []\ninformed: []\n---\n",
        meta.date,
        yaml_list(&meta.decision_makers)
    );
    let _ = writeln!(out, "# {}\n", record_title(c, &report));
    let _ = writeln!(out, "## Context and Problem Statement\n\n{}\n", para(&c.summary));
    let _ = writeln!(out, "Written by versus from the comparison \"{}\" ({}).", c.title, identity.describe());
    if let Some(old) = &meta.supersedes {
        let _ = writeln!(out, "It supersedes the record {}.", markdown_link(&crate::data::sanitize_line(old)));
    }
    if report.answered.is_empty() {
        let _ = writeln!(out, "\nNo question was answered.");
    } else {
        let _ = writeln!(out, "\nThe situation, as answered:\n");
        for a in &report.answered {
            let q = &questions[a.question];
            let weight = match a.importance {
                Importance::Normal => String::new(),
                other => format!(" ({} importance)", other.id()),
            };
            let _ = writeln!(out, "- {} — {}{weight}", q.prompt, q.options[a.option].label);
        }
    }
    let _ = writeln!(out, "\n## Decision Drivers\n");
    match report.between {
        _ if report.drivers.is_empty() => {
            let _ = writeln!(out, "No answer separates the options.");
        }
        Some((a, b)) => {
            let sides: [(usize, String); 2] = match report.leader {
                Some(l) => [(l, format!("For {}:", name(l))), (b, format!("Against it, for {}:", name(b)))],
                None => [(a, format!("For {}:", name(a))), (b, format!("For {}:", name(b)))],
            };
            let mut first = true;
            for (subject, title) in sides {
                let drivers: Vec<String> =
                    report.drivers_for(subject).map(|d| wizard::driver_line(c, &report, d)).collect();
                if drivers.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "{}{title}\n", if first { "" } else { "\n" });
                first = false;
                for d in drivers {
                    let _ = writeln!(out, "- {d}");
                }
            }
        }
        None => {}
    }
    let _ = writeln!(out, "\n## Considered Options\n");
    for s in &c.subjects {
        let _ = writeln!(out, "- {}", s.name);
    }
    let _ = writeln!(out, "\n## Decision Outcome\n");
    let sentence = wizard::recommendation(c, card);
    let _ = match report.leader {
        Some(s) => writeln!(out, "Chosen option: \"{}\", because {sentence}", name(s)),
        None => writeln!(out, "No option chosen. {sentence}"),
    };
    let _ = writeln!(out, "{}", report.robustness_line(c));
    if let Some(f) = wizard::firmness(c, answers, importance) {
        let _ = writeln!(out, "{}", f.line(c));
    }
    if let Some(s) = report.leader {
        let _ = writeln!(out, "\n### Consequences\n");
        if let Some(pc) = c.pros_cons.get(&c.subjects[s].id) {
            for pro in &pc.pros {
                let _ = writeln!(out, "- Good: {}", para(pro));
            }
            for con in &pc.cons {
                let _ = writeln!(out, "- Bad: {}", para(con));
            }
        }
        if let Some(top) = card.ranking.iter().find(|r| r.subject == s) {
            for k in &top.pushed_against {
                let _ = writeln!(out, "- Bad: {}", para(k.reason(c).why));
            }
        }
    }
    let _ = writeln!(out, "\n### Confirmation\n");
    let with_data = if identity.from == record::From::File { " (with `--data` naming the file)" } else { "" };
    let _ = writeln!(
        out,
        "`versus recheck` on this file{with_data} replays the answers below against the current comparison: \
         it exits 0 while the outcome holds and 1 when it changes. `versus recheck` on the folder of \
         records checks them all, for example in CI when the comparison is updated."
    );
    let _ = writeln!(out, "\n## Pros and Cons of the Options");
    for s in &c.subjects {
        let _ = writeln!(out, "\n### {}\n\n{}\n", s.name, para(s.description.split("\n\n").next().unwrap_or("")));
        if let Some(pc) = c.pros_cons.get(&s.id) {
            for p in &pc.pros {
                let _ = writeln!(out, "- Good: {}", para(p));
            }
            for row in &c.pros_cons_table {
                if let Some(v) = row.values.get(&s.id) {
                    let _ = writeln!(out, "- Neutral: {}: {}", row.name, v);
                }
            }
            for con in &pc.cons {
                let _ = writeln!(out, "- Bad: {}", para(con));
            }
        }
    }
    let _ = writeln!(out, "\n## More Information\n");
    if report.tips().next().is_none() {
        let _ = writeln!(out, "No single change of an answer or of its importance would change this outcome.");
    } else {
        let _ = writeln!(out, "{}:\n", report.tips_heading());
        for tip in report.tips() {
            let _ = writeln!(out, "- {}", wizard::tip_line(c, tip));
        }
    }
    if !report.unanswered.is_empty() {
        let _ = writeln!(out, "\nNot answered:\n");
        for &q in &report.unanswered {
            let _ = writeln!(out, "- {}", questions[q].prompt);
        }
    }
    let block = block_of(c, identity, &report, (answers, importance), &meta.date);
    record_end(out, c, identity, "Replayed", &block)
}

/// How every decision record ends: the sources and where the data came
/// from, then the answers block `versus recheck` replays (`whose`: "Replayed",
/// or "Each person's, replayed"). Nothing written before the block may open
/// a comment (where a marker could hide) or a code block, so `<!--` and
/// code fences in it are escaped.
pub(crate) fn record_end(
    mut out: String,
    c: &Comparison,
    identity: &record::Identity,
    whose: &str,
    block: &record::Block,
) -> String {
    let _ = writeln!(out, "\nSources:\n");
    for s in &c.sources {
        let _ = writeln!(out, "- [{}]({})", s.title, s.url);
    }
    let _ = writeln!(out, "- Comparison data: {}", identity.describe());
    let mut out = out.replace("<!--", "&lt;!--").replace("```", "\\`\\`\\`");
    let _ = write!(
        out,
        "\n## Answers\n\n{whose} by `versus recheck` against the current data.\n\n{}",
        record::render(block)
    );
    out
}

/// A Unix time as "2026-11-25 14:03 UTC" (the civil date from days, after
/// Howard Hinnant's algorithm); [`date`] is its first ten characters.
pub(crate) fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Today's date, YYYY-MM-DD, in UTC.
pub fn date() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    utc(now)[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// The JSON report and the decision record render the same report as
        /// the result page: the same leader or tie, robustness line and tips.
        #[test]
        fn the_json_and_the_record_say_what_the_report_says(
            which in 0usize..2,
            picks in prop::collection::vec(0usize..6, 12),
            weights in prop::collection::vec(0usize..4, 12),
        ) {
            let name = ["django-vs-flask", "django-vs-flask-vs-fastapi"][which];
            let c = crate::data::load_builtin(name).and_then(Result::ok).expect("shipped");
            let (answers, importance) = wizard::report::answer_set(&c, &picks, &weights);
            let report = wizard::Report::new(&c, &answers, &importance);
            let id = |s: usize| c.subjects[s].id.to_string();

            let json: serde_json::Value =
                serde_json::from_str(&decision_report(&c, &answers, &importance, ReportFormat::Json)).expect("JSON");
            let identity = record::Identity { comparison: name.into(), from: record::From::Shipped };
            let meta = RecordMeta { date: "2026-01-01".into(), ..RecordMeta::default() };
            let madr = madr(&c, &identity, &answers, &importance, &meta);
            let block = record::find(&madr).expect("a record block");

            prop_assert_eq!(json["leader"].as_str().map(str::to_string), report.leader.map(id));
            prop_assert_eq!(&block.leader, &report.leader.map(id));
            let tied: Vec<String> = report.tied.iter().map(|&s| id(s)).collect();
            prop_assert_eq!(&block.tied, &tied);
            prop_assert_eq!(json["tied"].as_array().map(Vec::len), Some(tied.len()));
            let robustness = report.robustness_line(&c);
            prop_assert_eq!(json["robustness_text"].as_str(), Some(robustness.as_str()));
            prop_assert!(madr.contains(&robustness), "record lacks {}", robustness);
            let tips: Vec<String> = report.tips().map(|t| wizard::tip_line(&c, t)).collect();
            let json_tips: Vec<String> = json["tipping"].as_array().expect("tips").iter()
                .filter_map(|t| t["text"].as_str().map(str::to_string)).collect();
            prop_assert_eq!(&json_tips, &tips);
            for tip in &tips {
                prop_assert!(madr.contains(&format!("- {tip}\n")), "record lacks {}", tip);
            }
        }
    }

    #[test]
    fn dates_are_written_in_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc(1_764_079_380), "2025-11-25 14:03 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00 UTC");
    }
}
