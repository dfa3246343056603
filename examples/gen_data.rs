//! Deterministic generator of large synthetic comparisons and of plain candidate lines, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_data -- N > /tmp/big.ron            # a valid comparison, N FAQ entries
//! cargo run --release --example gen_data -- --lines N > /tmp/lines.txt  # N plain question lines
//! ```
//!
//! The first form prints a complete comparison in the RON data format (subjects `alpha`, `beta`,
//! `gamma`) with every other section scaled from N; `versus check` accepts it. The second prints N
//! lines for `versus search --lines` against `fzf --filter`.
//!
//! The output is identical on every run: the prose is built from a fixed web/devops vocabulary,
//! chosen by a xorshift64* generator seeded with a constant, so fuzzy search sees realistic
//! selectivity. Every question contains its entry number, so no two questions are alike.
//!
//! Worst case for `--lines`: every line contains a "configure" word followed by a "deploy" word,
//! and so the letters c, f, g, d, e, p, l, o, y in that order: the query `cfgdeploy` matches every
//! line.

use std::fmt::{self, Display, Write as _};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gen_data N | gen_data --lines N";

/// `(id, name)` of the three subjects.
const SUBJECTS: [(&str, &str); 3] = [("alpha", "Alpha"), ("beta", "Beta"), ("gamma", "Gamma")];
const SUBJECT_NAMES: &[&str] = &["Alpha", "Beta", "Gamma"];

// The vocabulary. `rustfmt::skip` keeps many words to a line; rustfmt would give each word its own.

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "configure", "deploy", "migrate", "cache", "index", "replicate", "shard", "back up", "monitor", "restart",
    "scale", "rotate", "encrypt", "validate", "serialize", "compress", "throttle", "schedule", "provision",
    "upgrade", "roll back", "debug", "profile", "benchmark", "authenticate", "authorize", "route", "proxy",
    "bundle", "compile", "test", "lint", "mock", "seed", "query", "paginate", "render", "stream", "retry",
    "batch", "archive", "purge", "sync", "patch", "release", "tune", "isolate",
];

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "database", "cache", "migration", "template", "admin", "worker", "queue", "session", "token", "middleware",
    "router", "schema", "index", "replica", "shard", "backup", "monitor", "log", "metric", "container",
    "cluster", "pipeline", "release", "rollback", "endpoint", "request", "response", "header", "cookie", "form",
    "view", "model", "controller", "serializer", "fixture", "signal", "scheduler", "cron job", "webhook",
    "socket", "channel", "broker", "consumer", "producer", "topic", "partition", "volume", "secret",
    "certificate", "load balancer", "gateway", "service", "namespace", "pod", "node", "image", "registry",
    "build", "artifact", "branch", "commit", "test suite", "dashboard", "alert", "trace", "span", "profiler",
    "connection pool", "transaction", "lock", "cursor", "query plan", "ORM", "backend", "frontend", "API",
    "client", "SDK", "plugin", "extension", "hook", "environment", "sandbox", "staging", "CDN", "DNS record",
    "firewall", "user", "permission", "role", "tenant", "quota", "rate limit",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "async", "distributed", "stateless", "read-only", "encrypted", "cached", "idle", "stale", "slow", "large",
    "nested", "concurrent", "default", "custom", "legacy", "shared", "primary", "secondary", "ephemeral",
    "persistent", "hot", "cold", "blue-green", "canary",
];

/// Words with the letters c, f, g in order, for the `--lines` worst case.
const CFG_VERBS: &[&str] = &["configure", "reconfigure"];
const CFG_NOUNS: &[&str] = &["config", "configuration", "config file"];
/// Words with the letters d, e, p, l, o, y in order, for the `--lines` worst case.
const DEPLOY_NOUNS: &[&str] =
    &["deployment", "the next deploy", "a redeploy", "staging deploys", "production deployments", "each deploy"];
const DEPLOY_VERBS: &[&str] = &["deploy", "redeploy", "deploy it"];

const ORGS: &[&str] =
    &["Acme", "Globex", "Initech", "Hooli", "Contoso", "Northwind", "Umbrella", "Soylent", "Vandelay", "Wonka"];

/// FAQ questions; each holds `{n}` once, so every question is unique.
const QUESTIONS: &[&str] = &[
    "How do I configure item {n} for deployment?",
    "How do I {verb} the {noun} {n} for {noun}?",
    "Why does {noun} {n} {verb} slowly under {noun}?",
    "Can {subject} {verb} {noun} {n}?",
    "What happens to {noun} {n} when I {verb} the {noun}?",
    "Should I {verb} the {adj} {noun} {n} before each {noun}?",
    "Is {noun} {n} safe to {verb} during a {noun} upgrade?",
    "Which {noun} should {noun} {n} use with {subject}?",
];

/// `--lines` candidates: each holds a `{cfg}`/`{config}` word before a `{deploy}`/`{deployverb}` word,
/// and `{n}` once. The first template is listed twice to make it the most frequent.
const LINES: &[&str] = &[
    "How do I configure item {n} for deployment?",
    "How do I configure item {n} for deployment?",
    "How do I {cfg} the {noun} {n} for {deploy}?",
    "Why does {noun} {n} {verb} slowly after a {config} change before {deploy}?",
    "Can {subject} {verb} {noun} {n} with the {config} used to {deployverb}?",
    "What is the best way to {cfg} {noun} {n} before {deploy}?",
    "Where should the {config} for {noun} {n} live during {deploy}?",
    "Is it safe to {verb} {noun} {n} when the {config} changes during {deploy}?",
    "How can {subject} {cfg} the {adj} {noun} {n} to {deployverb} with zero downtime?",
];

/// Sentences of prose, about 50 to 90 characters each once filled.
const SENTENCES: &[&str] = &[
    "{Subject} can {verb} the {noun} through its {adj} {noun} layer.",
    "Set the {noun} option in the {noun} settings, then {verb} the {noun} again.",
    "Under heavy {noun} load the {noun} may {verb} more slowly than the {noun}.",
    "Most teams {verb} a {adj} {noun} first and {verb} the {noun} later.",
    "The {adj} {noun} keeps every {noun} consistent across each {noun}.",
    "Run \"{verb} {noun}\" from the admin console to check the {noun}.",
    "On Windows the {noun} settings live in C:\\ProgramData\\{Subject}\\conf.",
    "If the {noun} fails, {verb} the {noun} and retry with a {adj} {noun}.",
    "{Subject} ships a {adj} {noun} that can {verb} each {noun} without a restart.",
    "Avoid a {adj} {noun} here; {verb} the {noun} behind the {noun} instead.",
    "Metrics from the {noun} show when the {noun} starts to {verb} too often.",
    "You can also {verb} the {noun} per {noun}, which keeps the {noun} small.",
];

const CELL_VALUES: &[&str] =
    &["Yes", "No", "Partial", "Built-in", "Via plugin", "Experimental", "Third-party", "Planned", "Limited", "Full"];
const FACTOR_KINDS: &[&str] = &["performance", "scalability", "security"];
#[rustfmt::skip]
const FACTOR_SUMMARIES: &[&str] = &[
    "Fast", "Moderate", "Slow under {noun} load", "Scales with the {noun}", "Strong", "Needs {noun} tuning",
    "Good with a {adj} {noun}",
];
const WEIGHTS: &[f64] = &[-2.0, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 3.0];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [n] => n.parse().ok().map(|n| (false, n)),
        [flag, n] if flag == "--lines" => n.parse().ok().map(|n| (true, n)),
        _ => None,
    };
    let Some((lines, n)) = parsed else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };

    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if lines { write_lines(&mut out, n) } else { write_comparison(&mut out, n) };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `gen_data … | head`: a closed pipe is a normal end.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_data: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// xorshift64*: tiny, fast and good enough for picking words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Fills templates with words from the vocabulary.
struct Gen {
    rng: Rng,
}

impl Gen {
    fn new() -> Self {
        Gen { rng: Rng(0x9e37_79b9_7f4a_7c15) }
    }

    /// Appends `template` to `out`, each `{placeholder}` replaced by a fresh word; `{n}` is `n`.
    /// A capitalised placeholder (`{Noun}`) capitalises its word.
    fn fill_into(&mut self, template: &str, n: usize, out: &mut String) {
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = start + rest[start..].find('}').expect("unclosed placeholder");
            let key = &rest[start + 1..end];
            rest = &rest[end + 1..];
            let words = match key {
                "n" => {
                    let _ = write!(out, "{n}");
                    continue;
                }
                "verb" => VERBS,
                "noun" | "Noun" => NOUNS,
                "adj" | "Adj" => ADJECTIVES,
                "subject" | "Subject" => SUBJECT_NAMES,
                "cfg" => CFG_VERBS,
                "config" => CFG_NOUNS,
                "deploy" => DEPLOY_NOUNS,
                "deployverb" => DEPLOY_VERBS,
                "org" => ORGS,
                _ => panic!("unknown placeholder {{{key}}}"),
            };
            let word = self.rng.pick(words);
            // "a" before a vowel becomes "an".
            if out.ends_with(" a ") && word.starts_with(['a', 'e', 'i', 'o', 'A', 'E', 'I', 'O']) {
                out.insert(out.len() - 1, 'n');
            }
            if key.starts_with(|c: char| c.is_ascii_uppercase()) {
                let mut chars = word.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            } else {
                out.push_str(word);
            }
        }
        out.push_str(rest);
    }

    fn fill(&mut self, template: &str, n: usize) -> String {
        let mut out = String::new();
        self.fill_into(template, n, &mut out);
        out
    }

    /// One of `templates`, filled.
    fn any(&mut self, templates: &[&str], n: usize) -> String {
        let template = self.rng.pick(templates);
        self.fill(template, n)
    }

    /// Sentences until there are at least `min` of them and `min_len` characters, or `max` of them.
    fn prose(&mut self, min: usize, max: usize, min_len: usize) -> String {
        let mut out = String::new();
        for count in 0..max {
            if count >= min && out.len() >= min_len {
                break;
            }
            if count > 0 {
                out.push(' ');
            }
            let template = self.rng.pick(SENTENCES);
            self.fill_into(template, 0, &mut out);
        }
        out
    }

    /// One to three paragraphs of prose, separated by blank lines.
    fn paragraphs(&mut self) -> String {
        let mut out = self.prose(2, 3, 120);
        while out.matches("\n\n").count() < 2 && self.rng.one_in(3) {
            out.push_str("\n\n");
            out.push_str(&self.prose(1, 2, 80));
        }
        out
    }
}

/// A string as a RON literal, quoted, with `\`, `"` and newlines escaped.
struct Q<'a>(&'a str);

impl Display for Q<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let mut last = 0;
        for (i, c) in self.0.char_indices() {
            let escaped = match c {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => continue,
            };
            f.write_str(&self.0[last..i])?;
            f.write_str(escaped)?;
            last = i + c.len_utf8();
        }
        f.write_str(&self.0[last..])?;
        f.write_char('"')
    }
}

/// `{"alpha": "…", "beta": "…", "gamma": "…"}`, one value per subject from `value`.
fn per_subject(out: &mut impl Write, mut value: impl FnMut(&str) -> String) -> io::Result<()> {
    out.write_all(b"{")?;
    for (i, (id, name)) in SUBJECTS.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        write!(out, "{sep}{}: {}", Q(id), Q(&value(name)))?;
    }
    out.write_all(b"}")
}

/// A table row with a value per subject and, sometimes, a detail.
fn row(out: &mut impl Write, g: &mut Gen, name: &str, values: &[&str]) -> io::Result<()> {
    write!(out, "        (name: {}, values: ", Q(name))?;
    per_subject(out, |_| g.any(values, 0))?;
    if g.rng.one_in(3) {
        write!(out, ", detail: {}", Q(&g.prose(1, 2, 60)))?;
    }
    writeln!(out, "),")
}

/// A complete comparison with `n` FAQ entries and every other section scaled to match.
fn write_comparison(out: &mut impl Write, n: usize) -> io::Result<()> {
    let mut g = Gen::new();

    writeln!(out, "// Generated by `cargo run --release --example gen_data -- {n}`: synthetic data for benchmarks.")?;
    writeln!(out, "(")?;
    writeln!(out, "    title: {},", Q("Alpha vs Beta vs Gamma"))?;
    let summary = format!("A synthetic \"stress test\" comparison of three stacks, with {n} FAQ entries.");
    writeln!(out, "    summary: {},", Q(&summary))?;

    writeln!(out, "    subjects: [")?;
    for (id, name) in SUBJECTS {
        let description = format!("{name} is a synthetic web stack. {}", g.prose(1, 2, 80));
        let homepage = format!("https://example.com/{id}");
        writeln!(
            out,
            "        (id: {}, name: {}, description: {}, homepage: {}),",
            Q(id),
            Q(name),
            Q(&description),
            Q(&homepage)
        )?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    key_features: {{")?;
    for (id, _) in SUBJECTS {
        writeln!(out, "        {}: [", Q(id))?;
        for i in 1..=(n / 100).max(3) {
            let name = g.any(&["{Adj} {noun} {n}", "Built-in {noun} {n}", "{Noun} {verb} support {n}"], i);
            writeln!(out, "            (name: {}, detail: {}),", Q(&name), Q(&g.prose(1, 2, 80)))?;
        }
        writeln!(out, "        ],")?;
    }
    writeln!(out, "    }},")?;

    writeln!(out, "    features: [")?;
    for i in 1..=(n / 10).max(5) {
        let name = g.any(&["{Adj} {noun} {n}", "{Noun} {noun} support {n}", "Built-in {noun} for {noun} {n}"], i);
        row(out, &mut g, &name, CELL_VALUES)?;
    }
    writeln!(out, "    ],")?;

    let pros_cons = (n / 200).max(3);
    writeln!(out, "    pros_cons: {{")?;
    for (id, _) in SUBJECTS {
        writeln!(out, "        {}: (", Q(id))?;
        for list in ["pros", "cons"] {
            writeln!(out, "            {list}: [")?;
            for _ in 0..pros_cons {
                writeln!(out, "                {},", Q(&g.prose(1, 2, 70)))?;
            }
            writeln!(out, "            ],")?;
        }
        writeln!(out, "        ),")?;
    }
    writeln!(out, "    }},")?;

    writeln!(out, "    pros_cons_table: [")?;
    for name in ["Learning curve", "Performance", "Ecosystem", "Operations", "Community"] {
        row(out, &mut g, name, &["Low", "Medium", "High", "Mixed", "Depends on the {noun}"])?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    use_cases: [")?;
    for i in 1..=(n / 20).max(5) {
        let domain =
            g.any(&["{Adj} {noun} services {n}", "{Noun} {noun} pipelines {n}", "{Noun}-heavy workloads {n}"], i);
        writeln!(out, "        (domain: {}, fits: {{", Q(&domain))?;
        for (k, (id, _)) in SUBJECTS.iter().enumerate() {
            // Every use case features one subject in turn; others now and then.
            let featured = i % SUBJECTS.len() == k || g.rng.one_in(5);
            let why = g.prose(1, 2, 70);
            let examples: Vec<String> = (0..g.rng.below(3)).map(|_| g.fill("{org} {Noun} team", 0)).collect();
            write!(out, "            {}: (featured: {featured}, why: {}, examples: [", Q(id), Q(&why))?;
            for (j, e) in examples.iter().enumerate() {
                write!(out, "{}{}", if j == 0 { "" } else { ", " }, Q(e))?;
            }
            writeln!(out, "]),")?;
        }
        writeln!(out, "        }}),")?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    factors: [")?;
    for i in 1..=(n / 50).max(3) {
        let kind = g.rng.pick(FACTOR_KINDS);
        let name = g.fill(&format!("{{Noun}} {kind} {{n}}"), i);
        write!(out, "        (name: {}, summary: ", Q(&name))?;
        per_subject(out, |_| g.any(FACTOR_SUMMARIES, 0))?;
        write!(out, ", discussion: ")?;
        per_subject(out, |_| g.paragraphs())?;
        writeln!(out, "),")?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    decision: [")?;
    for i in 1..=(n / 50).max(5) {
        let name = g.any(&["Best for {noun} {noun} {n}", "{Noun} teams {n}", "{Adj} {noun} workloads {n}"], i);
        row(out, &mut g, &name, &["{Adj} {noun}", "{Noun} {noun}", "Strong {noun}", "Weak {noun}"])?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    verdict: (")?;
    writeln!(out, "        summary: {},", Q(&g.paragraphs()))?;
    write!(out, "        choose_if: ")?;
    per_subject(out, |name| {
        let reason = g.fill("you {verb} the {noun} often and need a {adj} {noun}.", 0);
        format!("Choose {name} if {reason}")
    })?;
    writeln!(out, ",\n    ),")?;

    writeln!(out, "    faq: [")?;
    let mut tags = String::new();
    for i in 1..=n {
        let question = g.any(QUESTIONS, i);
        let answer = g.prose(2, 3, 150);
        tags.clear();
        for j in 0..=g.rng.below(3) {
            let _ = write!(tags, "{}{}", if j == 0 { "" } else { ", " }, Q(g.rng.pick(NOUNS)));
        }
        writeln!(out, "        (question: {}, answer: {}, tags: [{tags}]),", Q(&question), Q(&answer))?;
    }
    writeln!(out, "    ],")?;

    writeln!(out, "    wizard: (")?;
    writeln!(out, "        tie_margin: 0.1,")?;
    writeln!(out, "        questions: [")?;
    for i in 1..=10 {
        let prompt = g.any(&["How often do you {verb} the {noun}?", "How often does your {noun} {verb} a {noun}?"], i);
        write!(out, "            (id: {}, prompt: {}, ", Q(&format!("q{i:02}")), Q(&prompt))?;
        if g.rng.one_in(2) {
            write!(out, "help: {}, ", Q(&g.prose(1, 1, 0)))?;
        }
        writeln!(out, "options: [")?;
        for (id, label) in [("rarely", "Rarely"), ("sometimes", "Sometimes"), ("often", "Often")] {
            write!(out, "                (id: {}, label: {}, weights: {{", Q(id), Q(label))?;
            // Weights for a random non-empty subset of the subjects.
            let first = g.rng.below(SUBJECTS.len());
            let mut sep = "";
            for (k, (subject, _)) in SUBJECTS.iter().enumerate() {
                if k == first || g.rng.one_in(2) {
                    write!(out, "{sep}{}: {:?}", Q(subject), g.rng.pick(WEIGHTS))?;
                    sep = ", ";
                }
            }
            writeln!(out, "}}, why: {}),", Q(&g.prose(1, 1, 0)))?;
        }
        writeln!(out, "            ]),")?;
    }
    writeln!(out, "        ],")?;
    writeln!(out, "    ),")?;

    writeln!(out, "    sources: [")?;
    writeln!(
        out,
        "        (title: {}, url: {}),",
        Q("versus synthetic data generator"),
        Q("https://example.com/versus/gen_data")
    )?;
    writeln!(out, "    ],")?;
    writeln!(out, ")")
}

/// `n` plain candidate lines, each containing `cfg…deploy` (see the module docs).
fn write_lines(out: &mut impl Write, n: usize) -> io::Result<()> {
    let mut g = Gen::new();
    let mut line = String::new();
    for i in 1..=n {
        line.clear();
        let template = g.rng.pick(LINES);
        g.fill_into(template, i, &mut line);
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
