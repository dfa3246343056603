//! The headless commands (check, export, search, decide, screenshot): plain
//! output for scripts, pipes and screen readers. They never touch the
//! terminal's modes.

mod changes;
pub mod complete;
pub mod man;
mod recheck;
pub mod source;
mod together;

pub use changes::{diff, diff_since_update};
pub use together::{People, decide_together, read_people};

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::catalogue::{self, Named};
use crate::data::{self, Comparison, LoadError};
use crate::entries::Entries;
use crate::export;
use crate::export::ReportFormat;
use crate::record;
use crate::search::{self, Corpora, Query};
use crate::wizard;
pub use recheck::recheck;

/// `versus check NAME|FILE…`: each argument named the way `--data` names a comparison.
/// The data format's reference, `versus help format`: README's section "The
/// data format" (fields, conventions, the author's checks, validation
/// rules), compiled in, so someone who ran `cargo install` has it offline
/// and it can never differ from README.
pub fn format_reference() -> String {
    let readme = include_str!("../../README.md");
    let start = readme.find("\n## The data format").map_or(0, |i| i + 1);
    let rest = &readme[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 4);
    rest[..end].trim_end().to_string() + "\n"
}

/// What `versus check` is asked beyond validity.
#[derive(Debug, Clone, Default)]
pub struct CheckArgs {
    /// The rules every shipped comparison keeps ([`crate::audit::strict`]).
    pub strict: bool,
    /// A source text to compare the wording with ([`crate::audit::shared_runs`]).
    pub against: Option<PathBuf>,
    /// List the claims older than this many months ([`crate::audit::stale`]).
    pub max_age: Option<u32>,
}

/// The most runs of shared words `check --against` lists per comparison.
const MAX_RUNS_SHOWN: usize = 50;

/// The RON text of a comparison, for findings located in it.
fn ron_text(named: &Named) -> Option<String> {
    match &named.path {
        Some(path) => {
            let bytes = crate::fsio::read(path, data::MAX_FILE_BYTES, crate::fsio::Links::Follow).ok()?;
            String::from_utf8(bytes).ok()
        }
        None => data::BUILTIN.iter().find(|(n, _)| *n == named.name).map(|(_, text)| text.to_string()),
    }
}

/// The audits `--strict` and `--against` ask for; true when any finding fails the check.
fn audit(named: &Named, c: &Comparison, args: &CheckArgs, source: Option<&str>) -> bool {
    let Some(ron) = ron_text(named) else { return false };
    let file = data::printable(
        &named.path.as_ref().map_or_else(|| format!("data/{}.ron", named.name), |p| p.display().to_string()),
    );
    let mut failed = false;
    if let Some(months) = args.max_age {
        let stale = crate::audit::stale(c, &ron, data::date::Date::today(), months);
        for f in &stale.old {
            failed = true;
            warn(&format!("{file}:{}:{}: {}", f.line, f.column, data::printable(&f.message)));
        }
        say(&format!(
            "{file}: {} older than {months} months{}",
            data::count(stale.old.len(), "claim", "claims"),
            match stale.undated {
                0 => String::new(),
                n => format!(
                    "; {} no date (as_of on the comparison dates them all)",
                    data::count(n, "claim has", "claims have")
                ),
            }
        ));
    }
    if args.strict {
        for f in crate::audit::strict(c, &ron) {
            failed = true;
            warn(&format!("{file}:{}:{}: {}", f.line, f.column, data::printable(&f.message)));
        }
    }
    if let (Some(source), Some(path)) = (source, &args.against) {
        let runs = crate::audit::shared_runs(&ron, source, 6);
        let (long, short): (Vec<_>, Vec<_>) = runs.iter().partition(|r| r.words >= 8);
        let src = data::printable(&path.display().to_string());
        for r in long.iter().take(MAX_RUNS_SHOWN) {
            warn(&format!(
                "{file}:{}:{}: {} words shared with {src}:{}: \"{}\"",
                r.line,
                r.column,
                r.words,
                r.source_line,
                data::clip(&data::printable(&r.text), 300)
            ));
        }
        if long.len() > MAX_RUNS_SHOWN {
            warn(&format!("{file}: … and {} more runs of 8 or more words", long.len() - MAX_RUNS_SHOWN));
        }
        say(&format!(
            "{file}: {} shared with {src} ({} of 6 or 7)",
            data::count(long.len(), "run of 8 or more words", "runs of 8 or more words"),
            short.len()
        ));
        failed |= !long.is_empty();
    }
    failed
}

pub fn check(args: &[PathBuf], options: &CheckArgs) -> ExitCode {
    let mut failed = false;
    // The source text is read once, the safe way, and bounded.
    let source = match &options.against {
        Some(path) => match crate::fsio::read(path, data::MAX_FILE_BYTES, crate::fsio::Links::Follow) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => {
                warn(&format!("{}: {e}", data::printable(&path.display().to_string())));
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    for arg in args {
        let named = match catalogue::resolve(Some(arg)) {
            Ok(named) => named,
            Err(unknown) => {
                failed = true;
                warn(&unknown.to_string());
                continue;
            }
        };
        match named.load() {
            Ok(c) => {
                if audit(&named, &c, options, source.as_deref()) {
                    failed = true;
                } else {
                    say(&format!(
                        "ok: {}: {}",
                        data::printable(&named.shown()),
                        data::sanitize_line(&export::summary_line(&c))
                    ));
                }
            }
            Err(e) => {
                failed = true;
                report(e);
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// What `--data` names; an unknown name is reported with the names that exist.
fn resolve(data: Option<&Path>) -> Result<Named, ExitCode> {
    catalogue::resolve(data).map_err(|unknown| {
        warn(&unknown.to_string());
        ExitCode::FAILURE
    })
}

/// Resolves and loads what `--data` names (or the default), reporting a failure.
pub fn load(data: Option<&Path>) -> Result<(Named, Comparison), ExitCode> {
    let named = resolve(data)?;
    let c = named.load().map_err(|e| {
        report(e);
        ExitCode::FAILURE
    })?;
    Ok((named, c))
}

/// `versus --watch`: like [`load`], but a file that does not load yet is
/// waited for: its error is printed, then again after each save, until a
/// save loads (the author fixes it in the editor beside). Ctrl-C stops.
pub fn load_watching(data: Option<&Path>) -> Result<(Named, Comparison), ExitCode> {
    let named = resolve(data)?;
    let Some(path) = named.path.clone() else {
        warn(&format!(
            "--watch follows a file; \"{}\" is built into versus. Try `versus new NAME`, then --data NAME --watch.",
            data::printable(&named.name)
        ));
        return Err(ExitCode::from(2));
    };
    // Watching starts before the first read, so a save in between is not missed.
    let mut watch = crate::watch::FileWatch::start(&path).map_err(|e| {
        warn(&format!("cannot watch {}: {e}", data::printable(&path.display().to_string())));
        ExitCode::FAILURE
    })?;
    loop {
        match named.load() {
            Ok(c) => return Ok((named, c)),
            Err(e) => report(e),
        }
        warn("waiting for a save that loads (Ctrl-C stops)…");
        while !watch.changed() {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// `versus config [--check] [FILE]`: the config file in use (or FILE) read as
/// the app reads it. Exit 0 when it is fine (or there is none), 1 with the
/// located error otherwise. Plain `versus config` also says which theme the
/// app would use here, and why (`ask`: the terminal's answer, for auto).
pub fn config(file: Option<&Path>, check: bool, ask: impl FnOnce() -> crate::ui::Asked) -> ExitCode {
    let code = config_file(file);
    if code == ExitCode::SUCCESS && !check && file.is_none() {
        let config = crate::config::load().unwrap_or_default();
        let (_, why) = config.theme_asking(None, ask);
        say(&format!("theme: {why}"));
    }
    code
}

fn config_file(file: Option<&Path>) -> ExitCode {
    let path = match file {
        Some(f) => f.to_path_buf(),
        None => match crate::config::path() {
            Some(p) if std::fs::symlink_metadata(&p).is_ok() => p,
            Some(p) => {
                say(&format!(
                    "no config file at {} (the defaults are in use; `versus config --default` prints them)",
                    data::printable(&p.display().to_string())
                ));
                return ExitCode::SUCCESS;
            }
            None => {
                say("no config directory (set XDG_CONFIG_HOME or HOME); the defaults are in use");
                return ExitCode::SUCCESS;
            }
        },
    };
    match crate::config::load_file(&path) {
        Ok(_) => {
            say(&format!("ok: {}", data::printable(&path.display().to_string())));
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// `versus config --keys [ACTION]`: every action a config file can bind (or
/// one), with its keys as the config in use (or FILE) sets them and what it
/// does. Exit 1 when the config does not read, 2 for an unknown action.
pub fn config_keys(file: Option<&Path>, action: Option<&str>) -> ExitCode {
    let config = match file {
        Some(f) => crate::config::load_file(f),
        None => crate::config::load(),
    };
    let config = match config {
        Ok(config) => config,
        Err(e) => {
            warn(&e.to_string());
            return ExitCode::FAILURE;
        }
    };
    // As help shows them: by section (everywhere, a search line, the wizard), each action with its keys.
    let mut section = "Everywhere but in a search line:".to_string();
    let mut text = String::new();
    let mut shown = 0;
    let rows = config.keys.help_rows();
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let keys_width = rows.iter().filter(|r| !r.name.is_empty()).map(|r| r.keys.chars().count()).max().unwrap_or(0);
    for row in rows {
        if row.name.is_empty() {
            if row.keys.is_empty() {
                section = row.help;
            }
            continue;
        }
        if action.is_some_and(|a| a != row.name) {
            continue;
        }
        let heading = std::mem::take(&mut section);
        if !heading.is_empty() {
            text.push_str(&format!("{}{heading}\n", if shown > 0 { "\n" } else { "" }));
        }
        text.push_str(&format!("  {:<width$}  {:<keys_width$}  {}\n", row.name, row.keys, row.help));
        shown += 1;
    }
    if shown == 0 {
        let names: Vec<String> = complete::actions("").into_iter().map(|(name, _)| name).collect();
        warn(&format!("no action {:?}: the actions are {}", data::printable(action.unwrap_or("")), names.join(", ")));
        return ExitCode::from(2);
    }
    print_out(&text)
}

/// `versus man --dir DIR`: writes the pages and prints their paths, one a line.
pub fn man_dir(cli: clap::Command, dir: &Path) -> ExitCode {
    match man::write_dir(cli, &man_sections(), dir) {
        Ok(written) => {
            let names: Vec<String> = written.iter().map(|p| data::printable(&p.display().to_string())).collect();
            print_out(&(names.join("\n") + "\n"))
        }
        Err(e) => {
            warn(&format!("cannot write the manual pages into {}: {e}", data::printable(&dir.display().to_string())));
            ExitCode::FAILURE
        }
    }
}

/// What the manual page has beyond `--help` (clap's generator writes that
/// part): the keys in effect, the files and the environment, as roff.
pub fn man_sections() -> String {
    let text = man::roff_text;
    let mut out = String::from(
        ".SH KEYS\nThe default keys in the app (\\fB?\\fR shows the ones in effect; a config file remaps them by the name in brackets):\n",
    );
    // The defaults, not the keys of whoever generated the page.
    let keys = crate::config::Config::default().keys;
    for row in keys.help_rows() {
        if row.keys.is_empty() {
            out.push_str(&format!(".PP\n{}\n", text(&row.help)));
        } else {
            let name = if row.name.is_empty() { String::new() } else { format!(" [{}]", row.name) };
            out.push_str(&format!(".TP\n\\fB{}\\fR\n{}{}\n", text(&row.keys), text(&row.help), name));
        }
    }
    let entries: &[(&str, &str)] = &[
        (
            "~/.config/versus/config.ron",
            "Settings: keys by action name, colours by role, theme, mouse (versus config --default prints a complete one). Under $XDG_CONFIG_HOME/versus when that is set.",
        ),
        (
            "~/.local/share/versus/comparisons/NAME.ron",
            "Your own comparisons, opened by NAME (versus list, versus new). Under $XDG_DATA_HOME/versus/comparisons when that is set.",
        ),
        (
            "~/.local/state/versus/answers-*.json",
            "The wizard's answers, one file per comparison. Under $XDG_STATE_HOME/versus when that is set.",
        ),
    ];
    out.push_str(".SH DATA FORMAT\n\\fBversus help format\\fR prints the reference for comparison files: every field, its conventions, the author's checks and the validation rules.\n");
    out.push_str(".SH FILES\n");
    for (file, what) in entries {
        out.push_str(&format!(".TP\n\\fI{}\\fR\n{}\n", text(file), text(what)));
    }
    let env: &[(&str, &str)] = &[
        ("NO_COLOR", "Set and not empty: no colour at all, only bold, underline and reverse."),
        (
            "COLORFGBG",
            "Read by the auto theme (the default) to tell a light background from a dark one when the terminal does not answer when asked for its background colour (OSC 11).",
        ),
        ("XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME", "Where the files above live; relative values are ignored."),
        ("VERSUS_OPENER", "The program that opens links (o); else xdg-open, or open on macOS."),
    ];
    out.push_str(".SH ENVIRONMENT\n");
    for (name, what) in env {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", text(name), text(what)));
    }
    out
}

/// `versus list`: every comparison the user can open, shipped and their own,
/// with its title, subjects and where it comes from, or why it cannot be
/// opened. Plain columns, or JSON.
pub fn list(json: bool) -> ExitCode {
    let (listed, more) = catalogue::list();
    if json {
        let rows: Vec<serde_json::Value> = listed
            .iter()
            .map(|l| {
                let (title, subjects, error) = match &l.content {
                    Ok(s) => (Some(s.title.clone()), s.subjects.clone(), None),
                    Err(e) => (None, Vec::new(), Some(e.clone())),
                };
                serde_json::json!({
                    // The exact name and path: print_json escapes what the JSON writer leaves raw.
                    "name": l.named.name,
                    "from": l.named.kind,
                    "path": l.named.path.as_ref().map(|p| p.display().to_string()),
                    "title": title,
                    "subjects": subjects,
                    "error": error,
                    "shadowed": l.shadowed,
                })
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
        out.push('\n');
        return print_json(&out);
    }
    let cell = |l: &catalogue::Listed| -> [String; 4] {
        let from = match (&l.named.path, l.named.kind) {
            (_, catalogue::Kind::Source) => format!("source {}", l.named.name.split('/').next().unwrap_or("")),
            (Some(p), _) => data::printable(&p.display().to_string()),
            (None, kind) => kind.label().to_string(),
        };
        let (title, subjects) = match &l.content {
            Ok(s) => (s.title.clone(), s.subjects.join(", ")),
            Err(_) => ("(cannot be opened)".to_string(), String::new()),
        };
        [data::printable(&l.named.name), title, subjects, from]
    };
    let rows: Vec<[String; 4]> = listed.iter().map(cell).collect();
    let header = ["NAME", "TITLE", "SUBJECTS", "FROM"].map(String::from);
    let width = |k: usize| {
        std::iter::once(&header).chain(&rows).map(|r| unicode_width::UnicodeWidthStr::width(r[k].as_str())).max()
    };
    let widths: Vec<usize> = (0..3).map(|k| width(k).unwrap_or(0).min(40)).collect();
    let pad = |s: &str, w: usize| {
        let s = crate::data::clip(s, w);
        let used = unicode_width::UnicodeWidthStr::width(s.as_ref());
        format!("{s}{}", " ".repeat(w.saturating_sub(used)))
    };
    let mut out = String::new();
    for (row, listed) in std::iter::once((&header, None)).chain(rows.iter().zip(listed.iter().map(Some))) {
        let line = format!(
            "{}  {}  {}  {}",
            pad(&row[0], widths[0]),
            pad(&row[1], widths[1]),
            pad(&row[2], widths[2]),
            row[3]
        );
        out.push_str(line.trim_end());
        out.push('\n');
        if let Some(l) = listed {
            if let Err(e) = &l.content {
                out.push_str(&format!("    error: {e}\n"));
            }
            if l.shadowed {
                out.push_str("    note: a shipped comparison has this name; open this one by its path\n");
            }
        }
    }
    if more > 0 {
        out.push_str(&format!("… and {} not listed\n", data::count(more, "more file", "more files")));
    }
    let dir = catalogue::user_dir().map_or_else(
        || "no directory for your own comparisons (set XDG_DATA_HOME or HOME)".to_string(),
        |d| {
            format!(
                "Your own comparisons live in {}; versus new NAME starts one.",
                data::printable(&d.display().to_string())
            )
        },
    );
    out.push_str(&format!("\n{dir}\n"));
    let code = print_out(&out);
    if listed.iter().any(|l| l.content.is_err()) { ExitCode::FAILURE } else { code }
}

/// `versus new NAME [--subjects a,b]`: writes a starter file and prints its path.
pub fn new(name: &str, subjects: Option<&str>) -> ExitCode {
    match catalogue::create(name, subjects) {
        Ok(path) => {
            let shown = data::printable(&path.display().to_string());
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let code = print_out(&format!("{shown}\n"));
            warn(&format!(
                "wrote a starter comparison. Fill it in, check it with `versus check {name}`,\n\
                 and watch it live while you edit with `versus --data {name} --watch`."
            ));
            code
        }
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// Prints a load error with miette: the file, line, column and the offending
/// line. Everything in it that came from the file or its name (the name, the
/// message, the cut-down source line) was sanitized by the loader; miette adds
/// only its frame (and colour, on a terminal that wants it).
pub fn report(e: LoadError) {
    // Unwrapped lines keep each "file: path: message" problem on one line for grep.
    let _ = miette::set_hook(Box::new(|_| Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())));
    let _ = writeln!(io::stderr().lock(), "{:?}", miette::Report::new(e));
}

// Everything the headless commands print goes through one of the functions
// below, and so through the sanitizer (or, for JSON, its escapes): file
// names, arguments and messages that quote them can carry escape sequences,
// C1 controls and bidirectional overrides, and none of those reach the
// terminal. Load errors go through `report` above, whose text the loader
// sanitized; `search --lines` prints the lines it was given byte for byte,
// as fzf does.

/// A message to stderr after "versus: ", [`data::sanitize`]d whole.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "versus: {}", data::sanitize(message));
}

/// One line to stdout, sanitized. A closed pipe (`versus check … | head`) is
/// not worth a panic, which is what `println!` would do.
fn say(line: &str) {
    let _ = writeln!(io::stdout(), "{}", data::sanitize(line));
}

/// Writes text to stdout, sanitized; a closed pipe (`versus export | head`)
/// is a normal end, not an error.
pub fn print_out(text: &str) -> ExitCode {
    write_out(&data::sanitize(text))
}

/// Writes JSON to stdout with what a terminal would obey escaped
/// ([`data::escape_json`]): still the exact values, for scripts.
pub fn print_json(json: &str) -> ExitCode {
    write_out(&data::escape_json(json))
}

fn write_out(text: &str) -> ExitCode {
    finish(io::stdout().lock().write_all(text.as_bytes()).and_then(|_| io::stdout().lock().flush()))
}

/// A command line clap could not read (or `--help`, `--version`): its text,
/// plain (no colour) and sanitized, since it quotes the arguments; help and
/// the version to stdout, errors to stderr; clap's exit code.
pub fn command_line_error(e: &clap::Error) -> ExitCode {
    let text = data::sanitize(&e.render().to_string());
    let written = if e.use_stderr() {
        io::stderr().lock().write_all(text.as_bytes()).and_then(|_| io::stderr().lock().flush())
    } else {
        io::stdout().lock().write_all(text.as_bytes()).and_then(|_| io::stdout().lock().flush())
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// The longest query `versus search` takes (the app's search lines take 200).
const MAX_QUERY_CHARS: usize = 1000;

/// `versus search QUERY`: every entry of every tab, best first; at most
/// `limit` (0: no limit). Exit 1 when nothing matches, with or without `--json`.
pub fn search(c: &Comparison, query: &str, limit: usize, json: bool) -> ExitCode {
    // A question is a few words; thousands make the ranking slower than quadratic for nothing.
    if query.chars().count() > MAX_QUERY_CHARS {
        warn(&format!("a query is at most {MAX_QUERY_CHARS} characters; this one has {}", query.chars().count()));
        return ExitCode::from(2);
    }
    let (rows, unmatched) = search_rows(c, query, limit);
    let code = if json {
        let mut out = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
        out.push('\n');
        print_json(&out)
    } else {
        let mut out = String::new();
        for r in &rows {
            if r.partial && (r.rank == 1 || !rows[r.rank - 2].partial) {
                let full = r.rank - 1;
                out.push_str(&format!("-- {} --\n", search::partial_heading(full)));
            }
            let name = |id: &str| c.subjects.iter().find(|s| s.id.as_str() == id).map(|s| s.name.to_string());
            let subject = r.subject.as_deref().and_then(name).map_or(String::new(), |n| format!(" · {n}"));
            out.push_str(&format!(
                "{}. [{}{}] {} ({} tab, entry {})\n",
                r.rank, r.kind, subject, r.text, r.tab, r.entry
            ));
        }
        print_out(&out)
    };
    if !unmatched.is_empty() {
        let words: Vec<String> = unmatched.iter().map(|w| data::sanitize(w)).collect();
        warn(&format!("not found anywhere: {}", words.join(", ")));
    }
    if rows.is_empty() {
        warn(&format!("nothing matches \"{query}\""));
        return ExitCode::from(1);
    }
    code
}

/// The hits of `query` in `c`, best first, at most `limit` (0: no limit),
/// and the query's words found nowhere.
fn search_rows(c: &Comparison, query: &str, limit: usize) -> (Vec<SearchRow>, Vec<String>) {
    let corpora = Corpora::build(c, &Entries::build(c));
    let q = Query::parse(query, &corpora.lexicon);
    let ranked = search::search(&corpora.everything, &q, &|| false).unwrap_or_default();
    let hits = &ranked.hits;
    let limit = if limit == 0 { usize::MAX } else { limit };
    let rows: Vec<SearchRow> = hits
        .iter()
        .take(limit)
        .enumerate()
        .map(|(rank, hit)| {
            let i = hit.index as usize;
            let found = corpora.found[i];
            let text = corpora.line(i);
            let matches = corpora
                .everything
                .fields(i)
                .filter_map(|(field, t)| {
                    let ranges: Vec<[usize; 2]> = q.highlights(t).into_iter().map(|r| [r.start, r.end]).collect();
                    (!ranges.is_empty()).then(|| FieldMatch { field: field.label(), text: t.to_string(), ranges })
                })
                .collect();
            SearchRow {
                comparison: None,
                rank: rank + 1,
                score: hit.score,
                partial: hit.partial,
                kind: found.kind.label(),
                subject: found.subject.map(|s| c.subjects[s].id.to_string()),
                version: found.subject.and_then(|s| c.subjects[s].version.as_ref()).map(|v| v.to_string()),
                as_of: c.as_of.as_ref().map(|d| d.to_string()),
                tab: found.place.tab.title(),
                entry: found.place.entry + 1,
                matched: q.highlights(&text).into_iter().map(|r| [r.start, r.end]).collect(),
                text,
                matches,
            }
        })
        .collect();
    (rows, ranked.unmatched.iter().map(|w| w.to_string()).collect())
}

/// `versus search --all QUERY`: every comparison you can open (shipped,
/// yours, your sources') that has every word of the query somewhere, each
/// with its hits that match every word, best
/// first (at most `limit` each); the comparisons with the most such hits
/// first. Exit 1 when nothing matches anywhere.
pub fn search_all(query: &str, limit: usize, json: bool) -> ExitCode {
    if query.chars().count() > MAX_QUERY_CHARS {
        warn(&format!("a query is at most {MAX_QUERY_CHARS} characters; this one has {}", query.chars().count()));
        return ExitCode::from(2);
    }
    let (listed, _) = catalogue::list();
    let mut found: Vec<(String, String, Vec<SearchRow>, usize)> = Vec::new();
    for l in listed.iter().filter(|l| l.content.is_ok() && !l.shadowed) {
        let Ok(c) = l.named.load() else { continue };
        let (rows, unmatched) = search_rows(&c, query, 0);
        let mut full: Vec<SearchRow> = rows.into_iter().filter(|r| !r.partial).collect();
        // A word this comparison has nowhere: it is not about the query at all.
        if full.is_empty() || !unmatched.is_empty() {
            continue;
        }
        let total = full.len();
        full.truncate(if limit == 0 { usize::MAX } else { limit });
        for r in &mut full {
            r.comparison = Some(l.named.name.clone());
        }
        found.push((l.named.name.clone(), c.title.to_string(), full, total));
    }
    found.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    // Output stays bounded however large the catalogue: the comparisons with the most hits.
    const MAX_COMPARISONS: usize = 100;
    if found.len() > MAX_COMPARISONS {
        warn(&format!("{} comparisons match; the {MAX_COMPARISONS} with the most hits are listed", found.len()));
        found.truncate(MAX_COMPARISONS);
    }
    if found.is_empty() {
        warn(&format!("nothing matches \"{query}\" in any comparison"));
        return ExitCode::from(1);
    }
    if json {
        let rows: Vec<&SearchRow> = found.iter().flat_map(|(_, _, rows, _)| rows).collect();
        return print_json(&format!("{}\n", serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())));
    }
    let mut out = String::new();
    for (name, title, rows, total) in &found {
        out.push_str(&format!("{name} — {title}: {}\n", data::count(*total, "hit", "hits")));
        for r in rows {
            out.push_str(&format!("  {}. [{}] {} ({} tab, entry {})\n", r.rank, r.kind, r.text, r.tab, r.entry));
        }
    }
    print_out(&out)
}

#[derive(serde::Serialize)]
struct SearchRow {
    /// The comparison, in `search --all`.
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<String>,
    rank: usize,
    score: i64,
    /// The entry matches some of the query's words, not all (these come last).
    partial: bool,
    kind: &'static str,
    subject: Option<String>,
    /// The version of the subject the comparison speaks of, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    /// The comparison's date (as_of), when it has one: how old the claim is.
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    tab: &'static str,
    /// 1-based position in the tab's list.
    entry: usize,
    /// The line shown for the entry.
    text: String,
    /// Byte ranges of `text` the query matched.
    matched: Vec<[usize; 2]>,
    /// Every field of the entry the query matched, with byte ranges into its text.
    matches: Vec<FieldMatch>,
}

#[derive(serde::Serialize)]
struct FieldMatch {
    field: &'static str,
    text: String,
    ranges: Vec<[usize; 2]>,
}

/// `versus search --lines QUERY`: like `fzf --filter`, lines from stdin that
/// match, best first, printed byte for byte as they were read (invalid UTF-8
/// included: it is matched as if replaced by U+FFFD). Exit 1 when none match,
/// as fzf does.
pub fn search_lines(query: &str, limit: usize) -> ExitCode {
    let mut input = Vec::new();
    if let Err(e) = io::stdin().lock().read_to_end(&mut input) {
        warn(&format!("cannot read standard input: {e}"));
        return ExitCode::FAILURE;
    }
    // Lines that are not valid UTF-8 are matched as if repaired (repairing
    // never adds or removes a line break) and printed as they were read.
    let ascii = input.is_ascii();
    let text = match std::str::from_utf8(&input) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(&input),
    };
    let valid = matches!(text, std::borrow::Cow::Borrowed(_));
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let raw: Option<Vec<&[u8]>> = (!valid).then(|| input.split(|&b| b == b'\n').collect());
    let hits = search::lines::rank_lines_of(&lines, query, ascii);
    let limit = if limit == 0 { usize::MAX } else { limit };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = hits.iter().take(limit).try_for_each(|h| {
        let i = h.index as usize;
        out.write_all(raw.as_ref().map_or(lines[i].as_bytes(), |raw| raw[i]))?;
        out.write_all(b"\n")
    });
    let code = finish(written.and_then(|_| out.flush()));
    if hits.is_empty() { ExitCode::from(1) } else { code }
}

/// `versus startup-frame`: the app's start-up (index, state, first frame)
/// drawn into an off-screen buffer. Prints the frame's cell count so the work
/// cannot be skipped.
pub fn startup_frame(comparison: Comparison, width: u16, height: u16) -> ExitCode {
    let app = crate::app::App::new(comparison);
    let theme = crate::ui::Theme::from_env();
    let drawn = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .and_then(|mut t| t.draw(|frame| _ = crate::ui::draw(frame, &app, &theme)).map(|f| f.buffer.content.len()));
    match drawn {
        Ok(cells) => print_out(&format!("{cells}\n")),
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// "KEY=VALUE" arguments as pairs, or the malformed ones as errors.
fn key_values(args: &[String], what: &str, errors: &mut Vec<String>) -> Vec<(String, String)> {
    args.iter()
        .filter_map(|a| match a.split_once('=') {
            Some((k, v)) => Some((k.trim().to_string(), v.trim().to_string())),
            None => {
                errors.push(format!("expected {what}, got {a:?}"));
                None
            }
        })
        .collect()
}

/// `versus decide`: the wizard's verdict and its reasons, from `--answer`
/// and `--importance` pairs, or from the answers the app saved (`--saved`,
/// which the pairs then change). Every bad pair is reported at once. With no
/// answers at all it lists the questions and their options instead.
pub fn decide(c: &Comparison, named: &Named, args: &DecideArgs, format: ReportFormat) -> ExitCode {
    if format != ReportFormat::Madr && (!args.decision_makers.is_empty() || args.supersedes.is_some()) {
        warn("--decision-maker and --supersedes are for a decision record: add --format madr");
        return ExitCode::from(2);
    }
    if args.as_name.is_some() && format != ReportFormat::Answers {
        warn("--as names the person in an answer file (--format answers) or among --with files");
        return ExitCode::from(2);
    }
    let (answers, importance) = match own_answers(c, named, args) {
        Ok(own) => own,
        Err(code) => return code,
    };
    if format == ReportFormat::Answers {
        let Some(name) = args.as_name.clone().or_else(export::who) else {
            warn("no login name to put in the answer file: give one with --as NAME");
            return ExitCode::from(2);
        };
        return print_out(&export::answers_file(
            c,
            &named.record_identity(),
            &answers,
            &importance,
            &name,
            &export::date(),
        ));
    }
    if answers.iter().all(Option::is_none) && format == ReportFormat::Text {
        let mut out = String::from(
            "Answer with --answer QUESTION=OPTION (repeatable), weigh with --importance QUESTION=ignore|low|normal|high,\nor use the answers saved in the app with --saved. The questions:\n",
        );
        for q in &c.wizard.questions {
            let options: Vec<String> = q.options.iter().map(|o| format!("{} ({})", o.id, o.label)).collect();
            out.push_str(&format!("  {}: {}\n      {}\n", q.id, q.prompt, options.join(", ")));
        }
        return print_out(&out);
    }
    if format == ReportFormat::Madr {
        return match record_with(c, named, &answers, &importance, args) {
            Ok(record) => print_out(&record),
            Err(why) => {
                warn(&why);
                ExitCode::from(2)
            }
        };
    }
    let report = export::decision_report(c, &answers, &importance, format);
    if format == ReportFormat::Json { print_json(&report) } else { print_out(&report) }
}

/// The answers and importance `versus decide` was given: `--answer` and
/// `--importance` over the saved ones with `--saved`. Every bad id is
/// reported, then `Err` with the exit code.
pub(crate) fn own_answers(
    c: &Comparison,
    named: &Named,
    args: &DecideArgs,
) -> Result<(Vec<Option<usize>>, Vec<wizard::Importance>), ExitCode> {
    let mut errors = Vec::new();
    let answer_pairs = key_values(&args.answers, "QUESTION=OPTION", &mut errors);
    let level_pairs = key_values(&args.importance, "QUESTION=LEVEL", &mut errors);
    let given = wizard::answers_from_ids(c, &answer_pairs).unwrap_or_else(|e| {
        errors.extend(e);
        Vec::new()
    });
    let levels = wizard::importance_from_ids(c, &level_pairs).unwrap_or_else(|e| {
        errors.extend(e);
        Vec::new()
    });
    if !errors.is_empty() {
        for e in &errors {
            warn(e);
        }
        return Err(ExitCode::from(2));
    }
    let (mut answers, mut importance) = (vec![None; c.wizard.questions.len()], levels.clone());
    if args.saved {
        let identity = crate::saved::identity(named.shipped(), named.path.as_deref());
        let Some(path) = crate::saved::path_for(&identity) else {
            warn("no state directory (set XDG_STATE_HOME or HOME) to read saved answers from");
            return Err(ExitCode::from(2));
        };
        let loaded = crate::saved::load(&path, &identity, c);
        if let Some(notice) = &loaded.notice {
            warn(notice);
        }
        let Some(saved) = loaded.saved else {
            warn(&format!("no saved answers for this comparison in {}", data::sanitize(&path.display().to_string())));
            return Err(ExitCode::from(1));
        };
        answers = saved.answers;
        importance = saved.importance;
        for (i, l) in levels.iter().enumerate() {
            if level_pairs.iter().any(|(q, _)| c.wizard.questions[i].id.as_str() == q) {
                importance[i] = *l;
            }
        }
    }
    for (i, a) in given.iter().enumerate() {
        if a.is_some() {
            answers[i] = *a;
        }
    }
    Ok((answers, importance))
}

/// The decision record `decide --format madr` prints, after marking the
/// record it supersedes as superseded; `Err` (one line, nothing written or
/// printed) when that record cannot be marked.
fn record_with(
    c: &Comparison,
    named: &Named,
    answers: &[Option<usize>],
    importance: &[wizard::Importance],
    args: &DecideArgs,
) -> Result<String, String> {
    let mut meta = export::RecordMeta::today();
    if !args.decision_makers.is_empty() {
        meta.decision_makers = args
            .decision_makers
            .iter()
            .map(|n| data::clip(data::sanitize_line(n).trim(), data::MAX_NAME_CHARS).into_owned())
            .filter(|n| !n.is_empty())
            .collect();
    }
    meta.supersedes = args.supersedes.as_ref().map(|p| p.display().to_string());
    if let Some(old) = &args.supersedes {
        let report = wizard::Report::new(c, answers, importance);
        let by = format!("{} ({})", export::record_title(c, &report), meta.date);
        let shown = data::printable(&old.display().to_string());
        record::supersede(old, &by).map_err(|why| format!("--supersedes {shown}: {}", data::printable(&why)))?;
        warn(&format!("{shown}: marked as superseded"));
    }
    Ok(export::madr(c, &named.record_identity(), answers, importance, &meta))
}

/// What `versus decide` was asked.
#[derive(Debug, Clone, Default)]
pub struct DecideArgs {
    pub answers: Vec<String>,
    pub importance: Vec<String>,
    pub saved: bool,
    /// For a record: who decided (default: the login name).
    pub decision_makers: Vec<String>,
    /// For a record: the record it replaces.
    pub supersedes: Option<std::path::PathBuf>,
    /// Other people's answer files (or records), for a group's result.
    pub with: Vec<PathBuf>,
    /// Whose answers these are, in an answer file or among `--with` files.
    pub as_name: Option<String>,
}

/// `versus screenshot --out DIR`: every scene as SVG and plain text.
pub fn screenshot(c: &Comparison, out: &Path, width: u16, height: u16) -> ExitCode {
    let written = std::fs::create_dir_all(out).and_then(|()| {
        for (name, buffer) in crate::screenshots::scenes(c, width, height) {
            std::fs::write(out.join(format!("{name}.svg")), crate::ui::svg::render(&buffer))?;
            std::fs::write(out.join(format!("{name}.txt")), crate::screenshots::text(&buffer))?;
            say(&data::printable(&out.join(format!("{name}.svg")).display().to_string()));
        }
        Ok(())
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("cannot write screenshots to {}: {e}", data::printable(&out.display().to_string())));
            ExitCode::FAILURE
        }
    }
}
