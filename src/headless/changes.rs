//! `versus diff OLD NEW`: what changed between two versions of a
//! comparison, by tab, the weights that changed, and which decisions flip —
//! your saved answers and the records in `--records DIR`, each replayed
//! against both versions.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::{load, print_json, print_out, warn};
use crate::data::{self, Comparison};
use crate::diff::{self, Outcome};
use crate::export::ReportFormat;
use crate::record;

/// One set of answers, replayed against both versions.
struct Decision {
    what: String,
    old: Outcome,
    new: Outcome,
}

pub fn diff(old_arg: &Path, new_arg: &Path, records: Option<&Path>, format: ReportFormat) -> ExitCode {
    if matches!(format, ReportFormat::Madr | ReportFormat::Answers) {
        warn("versus diff writes text, markdown or json");
        return ExitCode::from(2);
    }
    let Some(old) = version(old_arg) else { return ExitCode::from(2) };
    let Ok((named, new)) = load(Some(new_arg)) else { return ExitCode::from(2) };
    let mut decisions = Vec::new();
    // Your saved answers to the new version's comparison, if any.
    let identity = crate::saved::identity(named.shipped(), named.path.as_deref());
    if let Some(saved) = crate::saved::path_for(&identity).and_then(|p| crate::saved::load(&p, &identity, &new).saved)
        && saved.answers.iter().any(Option::is_some)
    {
        let (answers, importance) = crate::wizard::ids(&new, &saved.answers, &saved.importance);
        decisions.push(Decision {
            what: "your saved answers".into(),
            old: diff::outcome(&old, &answers, &importance),
            new: diff::outcome(&new, &answers, &importance),
        });
    }
    if let Some(dir) = records {
        match records_in(dir) {
            Ok(found) => {
                for (file, block) in found {
                    let (o, n) = if block.members.is_empty() {
                        (
                            diff::outcome(&old, &block.answers, &block.importance),
                            diff::outcome(&new, &block.answers, &block.importance),
                        )
                    } else {
                        (diff::group_outcome(&old, &block.members), diff::group_outcome(&new, &block.members))
                    };
                    decisions.push(Decision { what: data::printable(&file.display().to_string()), old: o, new: n });
                }
            }
            Err(why) => {
                warn(&why);
                return ExitCode::from(2);
            }
        }
    }
    let changes = diff::changes(&old, &new);
    let weights = diff::weights(&old, &new);
    let code = if changes.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    match format {
        ReportFormat::Json => print_json(&as_json(&changes, &weights, &decisions)),
        _ => print_out(&prose(&old, &new, &changes, &weights, &decisions, format == ReportFormat::Markdown)),
    };
    code
}

/// `versus diff SOURCE/comparison`: the comparison before the last update
/// (git's ORIG_HEAD, which a fast-forward sets) against it now.
pub fn diff_since_update(name: &Path, records: Option<&Path>, format: ReportFormat) -> ExitCode {
    let text = name.display().to_string();
    let (source, comparison) = match text.split_once('/') {
        Some((s, c)) if crate::sources::find(s, c).is_some() => (s.to_string(), c.to_string()),
        _ => {
            warn(&format!(
                "{}: with one argument, name a source's comparison (SOURCE/comparison) to see what the last update changed; else give OLD and NEW",
                data::printable(&text)
            ));
            return ExitCode::from(2);
        }
    };
    if crate::sources::text_at(&text, "ORIG_HEAD").is_err() {
        warn(&format!("{source}/{comparison}: no version before an update yet (versus update {source} makes one)"));
        return ExitCode::from(2);
    }
    diff(Path::new(&format!("{text}@ORIG_HEAD")), name, records, format)
}

/// A version to compare: `SOURCE/comparison@REF` (that comparison at a git
/// revision of its source), else what `--data` would name.
fn version(arg: &Path) -> Option<Comparison> {
    if let Some((name, reference)) = arg.to_str().and_then(|a| a.rsplit_once('@')).filter(|(n, _)| n.contains('/'))
        && !arg.exists()
    {
        let loaded = crate::sources::text_at(name, reference)
            .and_then(|text| data::load_str(&text, &format!("{name}@{reference}")).map_err(|e| e.to_string()));
        return match loaded {
            Ok(c) => Some(c),
            Err(why) => {
                warn(&data::printable(&why));
                None
            }
        };
    }
    load(Some(arg)).ok().map(|(_, c)| c)
}

/// The versus records in `dir` (Markdown files with an answers block; others are not records here).
fn records_in(dir: &Path) -> Result<Vec<(PathBuf, record::Block)>, String> {
    let mut files = Vec::new();
    super::recheck::markdown_files(dir, 0, &mut files)
        .map_err(|e| format!("{}: {}", data::printable(&dir.display().to_string()), data::printable(&e.to_string())))?;
    files.sort();
    Ok(files.into_iter().filter_map(|f| record::read_in_folder(&f).ok().map(|b| (f, b))).collect())
}

fn prose(
    old: &Comparison,
    new: &Comparison,
    changes: &[diff::Change],
    weights: &[diff::Weight],
    decisions: &[Decision],
    md: bool,
) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let count = |k: fn(&diff::Kind) -> bool| changes.iter().filter(|c| k(&c.kind)).count();
    let flipped = decisions.iter().filter(|d| d.old != d.new).count();
    let title = if old.title == new.title { new.title.to_string() } else { format!("{} → {}", old.title, new.title) };
    if changes.is_empty() {
        let _ = writeln!(out, "{}{title}: no changes.", if md { "# " } else { "" });
        return out;
    }
    let _ = writeln!(
        out,
        "{}{title}: {} ({} added, {} removed, {} changed); {}; {}.",
        if md { "# " } else { "" },
        data::count(changes.len(), "change", "changes"),
        count(|k| matches!(k, diff::Kind::Added(_))),
        count(|k| matches!(k, diff::Kind::Removed(_))),
        count(|k| matches!(k, diff::Kind::Changed(..))),
        data::count(weights.len(), "weight changed", "weights changed"),
        match decisions.len() {
            0 => "no saved decision to replay (--records DIR adds a folder of records)".to_string(),
            n => format!(
                "{flipped} of {} {}",
                data::count(n, "decision", "decisions"),
                if flipped == 1 { "changes" } else { "change" }
            ),
        }
    );
    let mut tab = None;
    for c in changes {
        if tab != Some(c.tab) {
            tab = Some(c.tab);
            let _ = if md { writeln!(out, "\n## {}\n", c.tab.title()) } else { writeln!(out, "\n{}", c.tab.title()) };
        }
        let _ =
            writeln!(out, "{}{}", if md { "- " } else { "  " }, if md { c.line().replace('`', "'") } else { c.line() });
    }
    if !weights.is_empty() {
        let _ = if md { writeln!(out, "\n## Changed weights\n") } else { writeln!(out, "\nChanged weights") };
        for w in weights {
            let v = |x: Option<f64>| {
                x.map_or("none".to_string(), |x| crate::wizard::points(x).trim_start_matches('+').to_string())
            };
            let _ = writeln!(
                out,
                "{}{}={} · {}: {} → {}",
                if md { "- " } else { "  " },
                w.question,
                w.option,
                w.subject,
                v(w.old),
                v(w.new)
            );
        }
    }
    if !decisions.is_empty() {
        let _ = if md { writeln!(out, "\n## Decisions\n") } else { writeln!(out, "\nDecisions") };
        for d in decisions {
            let verdict = if d.old == d.new {
                format!("holds ({})", d.old.words())
            } else {
                format!("changes ({} → {})", d.old.words(), d.new.words())
            };
            let _ = writeln!(out, "{}{}: {verdict}", if md { "- " } else { "  " }, d.what);
        }
    }
    out
}

fn as_json(changes: &[diff::Change], weights: &[diff::Weight], decisions: &[Decision]) -> String {
    let outcome = |o: &Outcome| match o {
        Outcome::Leads(n) => json!({"leader": n}),
        Outcome::Tie(t) => json!({"tied": t}),
        Outcome::Nothing => json!({}),
    };
    let value = json!({
        "changes": changes.iter().map(|c| {
            let (kind, old, new) = match &c.kind {
                diff::Kind::Added(v) => ("added", None, Some(v)),
                diff::Kind::Removed(v) => ("removed", Some(v), None),
                diff::Kind::Changed(a, b) => ("changed", Some(a), Some(b)),
            };
            json!({"tab": c.tab.title(), "path": c.path, "kind": kind, "old": old, "new": new})
        }).collect::<Vec<_>>(),
        "weights": weights.iter().map(|w| json!({
            "question": w.question, "option": w.option, "subject": w.subject, "old": w.old, "new": w.new,
        })).collect::<Vec<_>>(),
        "decisions": decisions.iter().map(|d| json!({
            "what": d.what,
            "status": if d.old == d.new { "holds" } else { "changes" },
            "old": outcome(&d.old),
            "new": outcome(&d.new),
        })).collect::<Vec<_>>(),
    });
    format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
}
