//! The commented starter file `versus new` writes.
//!
//! [`starter`] returns the text of a complete, valid comparison whose every
//! section holds one example entry for the author to replace, and explains
//! each section in a comment for someone who has never seen the format.

use std::collections::HashSet;

use crate::data::{MAX_LINE_CHARS, MAX_NAME_CHARS, clip, sanitize_line};

/// The longest id [`subject_id`] makes, in characters: ids are typed by hand
/// in every per-subject map.
const MAX_ID_CHARS: usize = 40;

/// The column at which the starter's long strings are wrapped (the app joins
/// the lines again), as in the shipped files.
const WRAP: usize = 100;

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
    Starter { names: &names, ids: &ids, out: String::new() }.write(&title)
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

/// `s` as a RON string: in double quotes, with quotes and backslashes escaped
/// and control characters left out.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
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

/// The file being written.
struct Starter<'a> {
    names: &'a [String],
    ids: &'a [String],
    out: String,
}

impl Starter<'_> {
    /// The id of subject `i`, or of the first subject when there are fewer
    /// (a file for fewer than 2 subjects is invalid anyway, but no panic).
    fn id_at(&self, i: usize) -> String {
        self.ids.get(i).or(self.ids.first()).map_or_else(|| "subject".into(), String::clone)
    }

    /// The name of subject `i`, as [`Self::id_at`] picks it.
    fn name_at(&self, i: usize) -> String {
        self.names.get(i).or(self.names.first()).map_or_else(|| "Subject".into(), String::clone)
    }

    /// One line at `indent` levels of four spaces (an empty `text` writes a blank line).
    fn line(&mut self, indent: usize, text: &str) {
        if !text.is_empty() {
            for _ in 0..indent {
                self.out.push_str("    ");
            }
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    /// Comment lines at `indent`; an empty one is a bare `//`.
    fn comment(&mut self, indent: usize, lines: &[&str]) {
        for l in lines {
            self.line(indent, &if l.is_empty() { "//".to_string() } else { format!("// {l}") });
        }
    }

    /// `{before}"text"{after}` at `indent`, the string wrapped at its spaces
    /// to stay within [`WRAP`] columns where it can, its further lines
    /// indented one level more: the app reads the line breaks as spaces.
    fn string(&mut self, indent: usize, before: &str, text: &str, after: &str) {
        let quoted = quote(text);
        let mut current = format!("{}{before}", "    ".repeat(indent));
        let mut fresh = true;
        let words: Vec<&str> = quoted.split(' ').collect();
        for (i, word) in words.iter().enumerate() {
            let tail = if i + 1 == words.len() { after } else { "" };
            let width = current.chars().count() + usize::from(!fresh) + word.chars().count() + tail.chars().count();
            if !fresh && width > WRAP {
                self.out.push_str(&current);
                self.out.push('\n');
                current = "    ".repeat(indent + 1);
                fresh = true;
            }
            if !fresh {
                current.push(' ');
            }
            current.push_str(word);
            fresh = false;
        }
        current.push_str(after);
        self.out.push_str(&current);
        self.out.push('\n');
    }

    /// `key: {"id": "value", …},` one subject a line, the value made by
    /// `value` from the subject's name.
    fn per_subject(&mut self, indent: usize, key: &str, value: impl Fn(&str) -> String) {
        self.line(indent, &format!("{key}: {{"));
        let (ids, names) = (self.ids, self.names);
        for (id, name) in ids.iter().zip(names) {
            self.string(indent + 1, &format!("{}: ", quote(id)), &value(name), ",");
        }
        self.line(indent, "},");
    }

    /// `key: {"id": (…), …},` (or with `[…]` when `list`), the record's
    /// fields written by `fields` for each subject's index.
    fn per_subject_records(&mut self, indent: usize, key: &str, list: bool, fields: impl Fn(&mut Self, usize)) {
        let (open, close) = if list { ("[", "],") } else { ("(", "),") };
        self.line(indent, &format!("{key}: {{"));
        for i in 0..self.ids.len() {
            self.line(indent + 1, &format!("{}: {open}", quote(&self.ids[i])));
            fields(self, i);
            self.line(indent + 1, close);
        }
        self.line(indent, "},");
    }

    /// A table row with a name and an example cell per subject.
    fn row(&mut self, indent: usize, name: &str, value: impl Fn(&str) -> String) {
        self.line(indent, "(");
        self.line(indent + 1, &format!("name: {},", quote(name)));
        self.per_subject(indent + 1, "values", value);
        self.line(indent, "),");
    }

    fn write(mut self, title: &str) -> String {
        self.header(title);
        self.line(0, "(");
        self.about(title);
        self.subjects();
        self.features();
        self.pros_cons();
        self.use_cases();
        self.factors();
        self.decision();
        self.faq();
        self.wizard();
        self.sources();
        self.line(0, ")");
        self.out
    }

    fn header(&mut self, title: &str) {
        let first = format!("{title}: a comparison for the `versus` terminal app, started by `versus new`.");
        self.comment(0, &[&first]);
        self.comment(
            0,
            &[
                "",
                "This file is a starting point. Every section below holds one example entry: replace the text",
                "in (parentheses) with your own, and add as many entries to each list as you like. The app",
                "shows the file in seven tabs: Features, Pros/Cons, Use cases, Performance & security, FAQ,",
                "Decide and Overview; the comment above each section says where it appears.",
                "",
                "    versus check FILE            checks the file (FILE is its path): prints \"ok:\", or every",
                "                                 problem with its line and column or its path",
                "    versus --data NAME --watch   shows it in the app while you edit, reloading it when you",
                "                                 save (NAME is the file's name without \".ron\", or its path)",
                "",
                "The format is RON (https://github.com/ron-rs/ron): `(field: value, …)` is a record, `[a, b]` a",
                "list, `{\"key\": value}` a map, and text goes in double quotes (write \\\" for a quote and \\\\",
                "for a backslash). `//` starts a comment. A trailing comma is fine. A misspelt field name is",
                "an error, so a typo never goes unnoticed. Fields marked optional may be left out.",
                "README.md, section \"The data format\", describes every field.",
                "",
                "Text comes in two kinds:",
                "- one-line text (names, labels, table cells): line breaks and runs of spaces become one",
                "  space. Names, titles, labels, tags and keywords may be up to 200 characters long, other",
                "  lines (summaries, cells, prompts, questions, URLs) up to 1,000;",
                "- prose (descriptions, details, answers, reasons): wrap it over as many lines as you like",
                "  inside its quotes; a blank line starts a new paragraph.",
                "No required text may be empty.",
                "",
                "Per-subject maps: many fields hold one value per subject, written {\"id\": value, …} and keyed",
                "by the subject ids declared under `subjects`. Each must name every subject exactly once and",
                "no other; only the wizard's `weights` and `reasons` may leave subjects out.",
                "",
                "Notes (optional): key features, table rows, pros and cons, fits, factors, the verdict and",
                "FAQ entries may carry `notes: [(kind: …, about: \"…\", text: \"…\", source: \"https://…\")]`.",
                "`kind` is a bare word: Correction (the data departs from its source here), Unconfirmed (a",
                "claim of the source you could not check) or Context (background a reader should have).",
                "`text` is prose; `source` (optional) a URL that backs the note. `about` says what in the",
                "entry the note is about: a subject id on table rows, factors and the verdict, one of the",
                "`examples` on a fit, and on pros and cons (where it is required) the first words of the",
                "pro or con; leave it out to mean the whole entry, and always on key features and FAQ",
                "entries. Notes show beside their entry and all together on the Overview tab. The first",
                "feature row below carries an example.",
            ],
        );
    }

    fn about(&mut self, title: &str) {
        self.comment(1, &["The comparison's name: shown at the left of the tab bar and on the Overview tab."]);
        self.line(1, &format!("title: {},", quote(title)));
        self.line(0, "");
        let mut summary = format!("{}: {SUMMARY_TAIL}", compared(self.names));
        if summary.chars().count() > MAX_LINE_CHARS {
            summary = format!("{} subjects compared: {SUMMARY_TAIL}", self.names.len());
        }
        self.comment(1, &["One line saying what is compared and for whom: shown on the Overview tab."]);
        self.string(1, "summary: ", &summary, ",");
        self.line(0, "");
    }

    fn subjects(&mut self) {
        self.comment(
            1,
            &[
                "The things compared, 2 to 12, in the order every tab shows them (one column each); the",
                "Overview tab lists them with their descriptions. `id` is the short key every per-subject",
                "map below uses: letters, digits, '_' and '-', unique (rename it everywhere at once if you",
                "change it). `name` is what the app shows; `description` is one paragraph of prose;",
                "`homepage` (optional) is an http:// or https:// URL.",
            ],
        );
        self.line(1, "subjects: [");
        let (ids, names) = (self.ids, self.names);
        for (id, name) in ids.iter().zip(names) {
            self.line(2, "(");
            self.line(3, &format!("id: {},", quote(id)));
            self.line(3, &format!("name: {},", quote(name)));
            let description = format!("(one paragraph: what {name} is, who makes it and what it is for)");
            self.string(3, "description: ", &description, ",");
            self.line(3, "// homepage: \"https://…\",");
            self.line(2, "),");
        }
        self.line(1, "],");
        self.line(0, "");
    }

    fn features(&mut self) {
        self.comment(
            1,
            &[
                "Features tab, below the table: each subject's headline features, per subject, in the order",
                "they should be read. Each is a `name` and a `detail` (prose). `keywords` (optional, here and",
                "on table rows, use cases and factors) are words people might search for that the text",
                "does not use, such as synonyms: searched, never shown.",
            ],
        );
        self.per_subject_records(1, "key_features", true, |s, i| {
            s.line(3, "(");
            s.line(4, "name: \"(a headline feature)\",");
            let detail =
                format!("(what this feature of {} does and why it matters, in two or three sentences)", s.names[i]);
            s.string(4, "detail: ", &detail, ",");
            s.line(3, "),");
        });
        self.line(0, "");

        self.comment(
            1,
            &[
                "Features tab: the side-by-side feature table. Each row is a criterion: a `name` and one",
                "short cell per subject in `values`; `detail` (optional, prose) is shown when the row is",
                "selected. Rows in `pros_cons_table` and `decision` below are written the same way.",
            ],
        );
        self.line(1, "features: [");
        self.line(2, "(");
        self.line(3, "name: \"Learning curve\",");
        self.per_subject(3, "values", |name| format!("(how quickly a newcomer gets productive with {name})"));
        self.line(3, "detail: \"(optional: a longer explanation, shown when the row is selected)\",");
        self.line(3, "keywords: [\"ease of learning\", \"onboarding\"],");
        self.comment(3, &["An example note (see the top of the file); delete it if you have nothing to add."]);
        self.line(3, "notes: [");
        self.line(4, "(");
        self.line(5, "kind: Context,");
        let (id, name) = (self.id_at(0), self.name_at(0));
        self.line(5, &format!("about: {},", quote(&id)));
        self.string(5, "text: ", &format!("(background a reader should have about {name}'s learning curve)"), ",");
        self.line(4, "),");
        self.line(3, "],");
        self.line(2, "),");
        self.line(1, "],");
        self.line(0, "");
    }

    fn pros_cons(&mut self) {
        self.comment(
            1,
            &[
                "Pros/Cons tab: per subject, its advantages (`pros`) and drawbacks (`cons`), a sentence or",
                "a short paragraph of prose each.",
            ],
        );
        self.per_subject_records(1, "pros_cons", false, |s, i| {
            let name = &s.names[i];
            s.string(3, "pros: [", &format!("(something {name} does well, in one sentence)"), "],");
            s.string(3, "cons: [", &format!("(a limitation of {name} worth knowing before choosing it)"), "],");
        });
        self.line(0, "");

        self.comment(
            1,
            &[
                "Optional. Pros/Cons tab, under the lists: the pros and cons at a glance, as table rows",
                "(a `name` and a short cell per subject).",
            ],
        );
        self.line(1, "pros_cons_table: [");
        self.row(2, "Strongest point", |name| format!("({name}'s main advantage, in a few words)"));
        self.line(1, "],");
        self.line(0, "");
    }

    fn use_cases(&mut self) {
        self.comment(
            1,
            &[
                "Use cases tab: kinds of work (`domain`) and how well each subject fits each one. A fit's",
                "`level` is a bare word: Signature (★, one of the subject's signature uses), Good (✓),",
                "Possible (~, workable with effort or add-ons) or Poor (✗); leave it out for \"not rated\".",
                "`why` (prose) explains the fit, and `examples` (optional) names real projects or users.",
            ],
        );
        self.line(1, "use_cases: [");
        self.line(2, "(");
        self.line(3, "domain: \"Small projects\",");
        self.per_subject_records(3, "fits", false, |s, i| {
            s.line(5, &format!("level: {},", LEVELS[i % LEVELS.len()]));
            let why = format!("(why {} does or does not suit small projects; then set the level)", s.names[i]);
            s.string(5, "why: ", &why, ",");
            s.line(5, "examples: [],");
        });
        self.line(2, "),");
        self.line(1, "],");
        self.line(0, "");
    }

    fn factors(&mut self) {
        self.comment(
            1,
            &[
                "Performance & security tab: factors such as performance, scalability and security.",
                "`summary` is one line per subject, for the table; `discussion` the longer prose per",
                "subject, shown when the factor is selected.",
            ],
        );
        self.line(1, "factors: [");
        self.line(2, "(");
        self.line(3, "name: \"Performance\",");
        self.per_subject(3, "summary", |name| format!("({name}'s performance, in a few words)"));
        self.per_subject(3, "discussion", |name| {
            format!("(a paragraph on {name}'s performance: what is fast, what is slow and what it depends on)")
        });
        self.line(2, "),");
        self.line(1, "],");
        self.line(0, "");
    }

    fn decision(&mut self) {
        self.comment(
            1,
            &[
                "Decide and Overview tabs: the decision snapshot, the last word on each criterion, as",
                "table rows. The Decide tab shows it under the wizard's result (as a table of its own when",
                "there is no wizard).",
            ],
        );
        self.line(1, "decision: [");
        self.row(2, "Best for", |name| format!("(the kind of project {name} suits best)"));
        self.line(1, "],");
        self.line(0, "");

        self.comment(
            1,
            &[
                "Optional. Decide and Overview tabs: the overall verdict. `summary` is prose; `choose_if`",
                "says, per subject, when to choose it.",
            ],
        );
        self.line(1, "verdict: (");
        self.line(2, "summary: \"(two or three sentences: which one to choose, and what it depends on)\",");
        self.per_subject(2, "choose_if", |name| format!("(Choose {name} when …)"));
        self.line(1, "),");
        self.line(0, "");
    }

    fn faq(&mut self) {
        self.comment(
            1,
            &[
                "FAQ tab: questions people ask, with their answers (prose). `tags` (optional) are shown",
                "under the answer and help people find it.",
            ],
        );
        self.line(1, "faq: [");
        self.line(2, "(");
        self.line(3, "question: \"Which one is easier to learn?\",");
        self.line(3, "answer: \"(a short, direct answer, then the reasons)\",");
        self.line(3, "tags: [\"learning\", \"beginners\"],");
        self.line(2, "),");
        self.line(1, "],");
        self.line(0, "");
    }

    fn wizard(&mut self) {
        self.comment(
            1,
            &[
                "Decide tab: a wizard that asks `questions` one by one and recommends a subject from the",
                "answers. A question has an `id` (letters, digits, '_' and '-', unique), a `prompt`, an",
                "optional `help` (prose shown under it) and at least 2 `options`. An option has an `id`",
                "(unique within its question), a `label`, `weights`: the points it gives subjects, numbers",
                "from -10 to 10 (positive for, negative against; a subject left out gets 0), and `why`: the",
                "reason shown in the result under each subject the answer moves. `reasons` (optional) gives",
                "a subject its own reason where `why` speaks of another, and only for subjects the option",
                "gives a weight. Add questions until every subject can come out on top.",
            ],
        );
        self.line(1, "wizard: (");
        self.comment(
            2,
            &[
                "Optional: the leader and the runner-up count as a tie when closer than this fraction",
                "(0 to 1) of the widest gap the answers could have opened between them. Default 0.05.",
            ],
        );
        self.line(2, "// tie_margin: 0.05,");
        self.line(2, "questions: [");
        self.line(3, "(");
        self.line(4, "id: \"priority\",");
        self.line(4, "prompt: \"What matters most for your project?\",");
        self.line(4, "help: \"(optional: a hint that helps people answer)\",");
        self.line(4, "options: [");
        let (first, second) = (quote(&self.id_at(0)), quote(&self.id_at(1)));
        let (a, b) = (self.name_at(0), self.name_at(1));
        self.line(5, "(");
        self.line(6, "id: \"quick-start\",");
        self.line(6, "label: \"Getting started quickly\",");
        self.line(6, &format!("weights: {{{first}: 2.0}},"));
        let why = format!("(why a project that must start quickly should lean towards {a}; set the weights to match)");
        self.string(6, "why: ", &why, ",");
        self.line(5, "),");
        self.line(5, "(");
        self.line(6, "id: \"room-to-grow\",");
        self.line(6, "label: \"Room to grow\",");
        self.line(6, &format!("weights: {{{second}: 2.0, {first}: -1.0}},"));
        let why = format!("(why {b} suits a project that will grow; set the weights to match)");
        self.string(6, "why: ", &why, ",");
        let reason = format!("(why {a} counts less for a project that will grow)");
        self.line(6, "reasons: {");
        self.string(7, &format!("{first}: "), &reason, ",");
        self.line(6, "},");
        self.line(5, "),");
        self.line(4, "],");
        self.line(3, "),");
        self.line(2, "],");
        self.line(1, "),");
        self.line(0, "");
    }

    fn sources(&mut self) {
        self.comment(
            1,
            &["Optional. Overview tab: where the facts come from, each a `title` and an http:// or", "https:// `url`."],
        );
        self.line(1, "sources: [");
        self.line(2, "(");
        self.line(3, "title: \"(the article, documentation or book the facts come from)\",");
        self.line(3, "url: \"https://example.com/\",");
        self.line(2, "),");
        self.line(1, "],");
    }
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
