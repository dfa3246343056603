//! `versus recheck RECORD.md|DIR`: replays the answers decision records keep
//! against the current data and says, per record, whether its outcome holds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::{print_json, print_out, warn};
use crate::catalogue::{self, Named};
use crate::data::{self, Comparison};
use crate::record::{self, Block};
use crate::wizard::{self, Report};

/// The most "no longer in the data" lines printed for one record.
const MAX_GONE_SHOWN: usize = 12;

/// The most files of a folder looked at.
const MAX_FILES: usize = 10_000;

/// What a recheck found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Holds,
    Changed,
    /// The record or its data could not be read, or they do not belong together.
    Refused,
}

/// One record rechecked.
struct Rechecked {
    verdict: Verdict,
    /// The outcome in one line ("holds: Flask still leads (by 3 points).").
    line: String,
    /// Recorded answers whose question or option is gone, as the record names them.
    gone: Vec<String>,
    json: serde_json::Value,
}

/// `versus recheck PATH`: a record, or every record in a folder (one line
/// each). Exit 0 when every outcome holds, 1 when one changed, 2 when a
/// record or its data could not be read or do not belong together. A path
/// inside a record is never opened: the record names its comparison, which
/// the catalogue finds (or `--data` gives).
pub fn recheck(path: &Path, data_arg: Option<&Path>, as_json: bool) -> ExitCode {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return recheck_folder(path, data_arg, as_json);
    }
    let r = recheck_one(path, data_arg);
    let code = exit_code([r.verdict]);
    if as_json {
        print_json(&format!("{}\n", serde_json::to_string_pretty(&r.json).unwrap_or_default()));
        return code;
    }
    if r.verdict == Verdict::Refused {
        warn(&format!("{}: {}", shown(path), r.line));
        return code;
    }
    let mut out = format!("{}\n", r.line);
    for g in r.gone.iter().take(MAX_GONE_SHOWN) {
        out.push_str(&format!("  no longer in the data: {g}\n"));
    }
    if r.gone.len() > MAX_GONE_SHOWN {
        let more = data::count(r.gone.len() - MAX_GONE_SHOWN, "more answer", "more answers");
        out.push_str(&format!("  … and {more} no longer in the data\n"));
    }
    let _ = print_out(&out);
    code
}

fn exit_code(verdicts: impl IntoIterator<Item = Verdict>) -> ExitCode {
    let mut worst = 0;
    for v in verdicts {
        worst = worst.max(match v {
            Verdict::Holds => 0,
            Verdict::Changed => 1,
            Verdict::Refused => 2,
        });
    }
    ExitCode::from(worst)
}

fn shown(path: &Path) -> String {
    data::printable(&path.display().to_string())
}

/// How deep `recheck DIR` looks into subfolders (`docs/decisions/2024/…`).
const MAX_DEPTH: usize = 8;

/// The `.md` files under `dir` and its subfolders (not hidden ones), at
/// most [`MAX_FILES`] and [`MAX_DEPTH`] deep; links to folders are not followed.
pub(super) fn markdown_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)?.take(MAX_FILES).filter_map(Result::ok) {
        if out.len() >= MAX_FILES {
            break;
        }
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        match entry.file_type() {
            Ok(t) if t.is_dir() && !hidden && depth < MAX_DEPTH => {
                let _ = markdown_files(&path, depth + 1, out);
            }
            // A link is listed, to be refused when read: a link in a folder of records is never followed.
            Ok(t) if !t.is_dir() && path.extension().is_some_and(|x| x == "md") => out.push(path),
            _ => {}
        }
    }
    Ok(())
}

/// Every versus record under `dir` (subfolders included), in path order, one
/// line each. Markdown files without a record (decisions written by hand)
/// are named and left alone; superseded records are named and not
/// rechecked: neither changes the exit code.
fn recheck_folder(dir: &Path, data_arg: Option<&Path>, as_json: bool) -> ExitCode {
    let mut files = Vec::new();
    if let Err(e) = markdown_files(dir, 0, &mut files) {
        warn(&format!("{}: {}", shown(dir), data::printable(&e.to_string())));
        return ExitCode::from(2);
    }
    files.sort();
    let mut results = Vec::new();
    let mut skipped = Vec::new();
    let mut superseded = Vec::new();
    for file in files {
        let read = record::read_in_folder(&file);
        // A file with no record block is not a versus record: not an error here.
        if matches!(read, Err(record::RecordError::NoBlock { .. })) {
            skipped.push(file);
            continue;
        }
        if let Some(status) = record::status(&file).filter(|s| s.to_ascii_lowercase().starts_with("superseded")) {
            superseded.push((file, status));
            continue;
        }
        results.push((file.clone(), recheck_read(&file, read, data_arg)));
    }
    let code = exit_code(results.iter().map(|(_, r)| r.verdict));
    if as_json {
        let mut list: Vec<serde_json::Value> = results.iter().map(|(_, r)| r.json.clone()).collect();
        list.extend(
            superseded.iter().map(
                |(f, status)| json!({"record": f.display().to_string(), "status": "superseded", "message": status}),
            ),
        );
        list.extend(skipped.iter().map(|f| json!({"record": f.display().to_string(), "status": "not a record"})));
        print_json(&format!("{}\n", serde_json::to_string_pretty(&list).unwrap_or_default()));
        return code;
    }
    let mut out = String::new();
    for (file, r) in &results {
        // A change already says how many answers no longer count.
        let gone = match r.gone.len() {
            n if n > 0 && r.verdict == Verdict::Holds => {
                format!(" ({} no longer in the data)", data::count(n, "recorded answer", "recorded answers"))
            }
            _ => String::new(),
        };
        let line = r.line.trim_end_matches('.');
        let verdict = if r.verdict == Verdict::Refused { "refused: " } else { "" };
        out.push_str(&format!("{}: {verdict}{line}{gone}\n", shown(file)));
    }
    for (file, status) in &superseded {
        let status = data::clip(&data::printable(status), data::MAX_NAME_CHARS).into_owned();
        out.push_str(&format!("{}: not rechecked: {status}\n", shown(file)));
    }
    if results.is_empty() && superseded.is_empty() {
        out.push_str(&format!("{}: no versus decision records here\n", shown(dir)));
    }
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().take(5).map(|f| shown(f)).collect();
        let more = if skipped.len() > 5 { ", …" } else { "" };
        out.push_str(&format!(
            "({} without a versus record not checked: {}{more})\n",
            data::count(skipped.len(), "Markdown file", "Markdown files"),
            names.join(", ")
        ));
    }
    let _ = print_out(&out);
    code
}

/// Rechecks the record at `path`.
fn recheck_one(path: &Path, data_arg: Option<&Path>) -> Rechecked {
    recheck_read(path, record::read(path), data_arg)
}

/// Rechecks the record at `path`, its block already read (a folder reads each file once).
fn recheck_read(path: &Path, read: Result<Block, record::RecordError>, data_arg: Option<&Path>) -> Rechecked {
    let refused = |line: String| Rechecked {
        verdict: Verdict::Refused,
        json: json!({"record": path.display().to_string(), "status": "refused", "message": line}),
        line: data::printable(&line),
        gone: Vec::new(),
    };
    let block = match read {
        Ok(block) => block,
        Err(e) => return refused(e.to_string()),
    };
    let (named, c) = match comparison_for(&block, data_arg) {
        Ok(found) => found,
        Err(why) => return refused(why),
    };
    if !block.members.is_empty() {
        // A group's record: every member's answers replayed, the group scored again.
        let mut gone = Vec::new();
        let members = block
            .members
            .iter()
            .map(|m| {
                let replayed = wizard::replay(&c, &m.answers, &m.importance);
                gone.extend(replayed.gone.into_iter().map(|g| format!("{}: {g}", m.name)));
                wizard::Member { name: m.name.clone(), answers: replayed.answers, importance: replayed.importance }
            })
            .collect();
        let group = wizard::Group::new(&c, members);
        let now =
            Now { leader: group.leader, tied: group.tied.clone(), lead: group.lead, robustness: group.robustness };
        return outcome(path, &block, &named, &c, &now, gone);
    }
    let replayed = wizard::replay(&c, &block.answers, &block.importance);
    let report = Report::new(&c, &replayed.answers, &replayed.importance);
    let now =
        Now { leader: report.leader, tied: report.tied.clone(), lead: report.lead, robustness: report.robustness() };
    outcome(path, &block, &named, &c, &now, replayed.gone)
}

/// The outcome the record's answers give today: one person's or a group's.
struct Now {
    leader: Option<usize>,
    tied: Vec<usize>,
    lead: f64,
    robustness: wizard::Robustness,
}

/// The comparison to replay `block` against: `--data` when given, else the
/// one the record names, through the catalogue. Refused in one line naming
/// both when they plainly differ: `--data` names another comparison under
/// another title, or the record's own name now has another title (a forged
/// or mistaken record; `--data` with that name says it was only renamed).
fn comparison_for(block: &Block, data_arg: Option<&Path>) -> Result<(Named, Comparison), String> {
    let named = match data_arg {
        Some(arg) => catalogue::resolve(Some(arg)).map_err(|unknown| unknown.to_string())?,
        None => catalogue::for_record(&block.identity())?,
    };
    let c = named.load().map_err(|e| data::printable(&e.to_string()))?;
    if c.title.as_str() == block.title {
        return Ok((named, c));
    }
    let same_name = named.record_identity() == block.identity();
    match (same_name, data_arg) {
        (true, Some(_)) => Ok((named, c)),
        (true, None) => Err(format!(
            "this record is for \"{}\", but the comparison {} is now \"{}\"; if it was only renamed, \
             recheck with --data {}",
            block.title, block.comparison, c.title, block.comparison
        )),
        (false, _) => Err(format!(
            "this record is for \"{}\" ({}), not \"{}\" ({}); recheck it with --data {}",
            block.title,
            block.comparison,
            c.title,
            named.shown(),
            block.comparison
        )),
    }
}

/// The recorded outcome against the current one, in words.
fn outcome(path: &Path, block: &Block, named: &Named, c: &Comparison, report: &Now, gone: Vec<String>) -> Rechecked {
    let name_of = |id: &str| {
        c.subjects
            .iter()
            .find(|s| s.id.as_str() == id)
            .map_or(format!("\"{id}\" (no longer in the data)"), |s| s.name.to_string())
    };
    let names = |ids: &[String]| ids.iter().map(|id| name_of(id)).collect::<Vec<_>>().join(" and ");
    let now_leader = report.leader.map(|s| c.subjects[s].id.to_string());
    let now_tied: Vec<String> = report.tied.iter().map(|&s| c.subjects[s].id.to_string()).collect();
    let lead = wizard::points_word(report.lead);
    let same_tie = {
        let (mut a, mut b) = (block.tied.clone(), now_tied.clone());
        a.sort();
        b.sort();
        // A record from before ties were kept says only that nothing led.
        block.tied.is_empty() || a == b
    };
    let holds = now_leader == block.leader && (now_leader.is_some() || same_tie);
    let now = match (&now_leader, now_tied.is_empty()) {
        (Some(id), _) => format!("{} leads (by {lead})", name_of(id)),
        (None, false) => format!("there is no clear winner ({} are tied)", names(&now_tied)),
        (None, true) => "nothing is recommended (no answer pushes any way)".to_string(),
    };
    let line = match (&block.leader, holds) {
        (Some(id), true) => format!("holds: {} still leads (by {lead}).", name_of(id)),
        (None, true) if !now_tied.is_empty() => {
            format!("holds: still no clear winner ({} are tied).", names(&now_tied))
        }
        (None, true) => "holds: still nothing to recommend.".to_string(),
        (Some(id), false) => format!("changed: the record chose {}; now {now}.", name_of(id)),
        (None, false) if !block.tied.is_empty() => {
            format!("changed: the record found no clear winner ({} tied); now {now}.", names(&block.tied))
        }
        (None, false) => format!("changed: the record had no recommendation; now {now}."),
    };
    let line = if !holds && !gone.is_empty() {
        let n = data::count(gone.len(), "recorded answer no longer counts", "recorded answers no longer count");
        format!("{} ({n}, which can be why.)", line.trim_end_matches('.'))
    } else {
        line
    };
    let verdict = if holds { Verdict::Holds } else { Verdict::Changed };
    let json = json!({
        "record": path.display().to_string(),
        "status": if holds { "holds" } else { "changed" },
        "comparison": named.shown(),
        "recorded": {"leader": block.leader, "tied": block.tied, "date": block.date},
        "now": {"leader": now_leader, "tied": now_tied, "lead": report.lead,
            "robustness": report.robustness.label()},
        "gone": gone,
        "message": line,
    });
    Rechecked { verdict, line, gone, json }
}
