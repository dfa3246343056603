//! The machine-readable part of a decision record: which comparison it was
//! made from (by name, never by path), the date, the leader, and the answers
//! by id, as a typed, versioned JSON block after a marker at the end of the
//! Markdown. `versus recheck` reads it back.
//!
//! A record is untrusted: it may come from anyone through git. So nothing in
//! it is ever opened as a path; the block is found by the *last* marker that
//! starts a line and is followed by a JSON fence (everything versus writes
//! from the comparison's data comes before it, so data cannot plant a
//! block of its own); only the file's last [`MAX_TAIL`] bytes are read, and
//! the block itself is at most [`MAX_BLOCK`] bytes; and any block that is
//! not exactly this shape is refused with one line that quotes none of it.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::Path;

use crate::fsio::{self, Links};

/// Written before the answers block.
pub const MARKER: &str = "<!-- versus:record -->";
const FENCE: &str = "```json";

/// The format written; 1 named the data by path and is read only when that
/// "path" is a bare name.
pub const VERSION: u32 = 2;

/// How much of the end of a record file is read: the block is always last.
pub(crate) const MAX_TAIL: u64 = 1 << 20;
/// The longest answers block: ids for every question of the largest comparison fit many times over.
pub(crate) const MAX_BLOCK: usize = 256 * 1024;

/// Which comparison a record was made from, as the catalogue names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// A shipped or user comparison's name, or a file's name without `.ron`.
    pub comparison: String,
    pub from: From,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum From {
    /// Compiled into versus.
    Shipped,
    /// In the user's comparisons folder.
    Yours,
    /// A file given by its path: recheck needs `--data`.
    File,
}

impl Identity {
    /// How a reader of the record is told where the data came from.
    pub(crate) fn describe(&self) -> String {
        match self.from {
            From::Shipped => format!("\"{}\", shipped with versus", self.comparison),
            From::Yours => format!("\"{}\", from the comparisons folder", self.comparison),
            From::File => format!("the file {}.ron", self.comparison),
        }
    }
}

/// The answers block.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub version: u32,
    /// A shipped or user comparison's name, or a file's name without `.ron`.
    pub comparison: String,
    pub from: From,
    /// The comparison's title when the record was written.
    pub title: String,
    pub date: String,
    /// The leading subject's id; none for a tie or no answers.
    pub leader: Option<String>,
    /// The subjects' ids tied at the top, when it was a tie (left out otherwise,
    /// so a record that chose one reads in versus before ties were recorded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tied: Vec<String>,
    /// Question id → option id.
    pub answers: BTreeMap<String, String>,
    /// Question id → importance level, for levels other than normal.
    #[serde(default)]
    pub importance: BTreeMap<String, String>,
}

/// The first format: the comparison as `data`, a shipped name or a path.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockV1 {
    #[allow(dead_code)]
    version: u32,
    data: String,
    title: String,
    date: String,
    leader: Option<String>,
    answers: BTreeMap<String, String>,
    #[serde(default)]
    importance: BTreeMap<String, String>,
}

/// Only the version, to choose the shape.
#[derive(serde::Deserialize)]
struct Versioned {
    version: u32,
}

impl Block {
    pub fn identity(&self) -> Identity {
        Identity { comparison: self.comparison.clone(), from: self.from }
    }
}

/// Why a record could not be read. Never quotes the file's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    Unreadable(String),
    NoBlock {
        tail_only: bool,
    },
    TooLarge,
    Malformed(String),
    Newer(u32),
    /// A version-1 record that names its data by path.
    ByPath,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Unreadable(e) => write!(f, "{e}"),
            RecordError::NoBlock { tail_only } => {
                write!(f, "no answers block (a line `{MARKER}`, then a ```json block)")?;
                if *tail_only {
                    write!(f, " in its last {} KiB, where versus writes it", MAX_TAIL >> 10)?;
                }
                Ok(())
            }
            RecordError::TooLarge => write!(f, "the answers block is over {} KiB; not read", MAX_BLOCK >> 10),
            RecordError::Malformed(e) => write!(f, "the answers block is not a versus record: {e}"),
            RecordError::Newer(v) => {
                write!(f, "the answers block is format {v}, from a newer versus (this one reads 1 and {VERSION})")
            }
            RecordError::ByPath => write!(
                f,
                "this record, from an older versus, names its data by a path, which versus does not open \
                 from a record; give the comparison with --data"
            ),
        }
    }
}

/// The block as versus writes it, marker first, to end a record.
pub fn render(block: &Block) -> String {
    // serde_json escapes every control character and never starts a line
    // with a backtick, so the closing fence is the first line that does.
    let json = serde_json::to_string_pretty(block).unwrap_or_default();
    format!("{MARKER}\n{FENCE}\n{json}\n```\n")
}

/// Reads the block at the end of the record file at `path`.
pub fn read(path: &Path) -> Result<Block, RecordError> {
    let (bytes, skipped) =
        fsio::read_tail(path, MAX_TAIL, Links::Follow).map_err(|e| RecordError::Unreadable(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    find(&text).map_err(|e| match e {
        RecordError::NoBlock { .. } => RecordError::NoBlock { tail_only: skipped },
        e => e,
    })
}

/// The folders where teams keep decision records, as adr-tools
/// (`doc/adr`) and log4brains or MADR's own examples (`docs/decisions`) lay
/// them out; `w` in the app offers the first that exists.
pub const DECISION_FOLDERS: [&str; 3] = ["docs/decisions", "docs/adr", "doc/adr"];

/// A file-name slug of `title`: ASCII letters and digits lowercased, every
/// other run one '-', at most 60 characters; "decision" when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "decision".to_string() } else { out.to_string() }
}

/// The next file name in a folder of numbered records (`existing`: the
/// names in it), numbered like its neighbours: one more than the highest
/// number, as wide as theirs (`0004-…` after `0003-…`); today's date
/// (`20261207-…`) where they are named by date, as log4brains does; `0001-`
/// in a folder of none.
pub fn numbered_name(existing: &[String], slug: &str, today: &str) -> String {
    let numbers: Vec<&str> = existing
        .iter()
        .filter(|n| n.ends_with(".md"))
        .filter_map(|n| {
            let digits = n.len() - n.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0 && n[digits..].starts_with('-')).then(|| &n[..digits])
        })
        .collect();
    let by_date = !numbers.is_empty() && numbers.iter().all(|d| d.len() == 8 && d.starts_with("20"));
    if by_date {
        return format!("{}-{slug}.md", today.replace('-', ""));
    }
    let width = numbers.iter().map(|d| d.len()).max().unwrap_or(4);
    let next = numbers.iter().filter_map(|d| d.parse::<u64>().ok()).max().map_or(1, |n| n.saturating_add(1));
    format!("{next:0width$}-{slug}.md")
}

/// The largest record `supersede` rewrites.
const MAX_SUPERSEDED: u64 = 4 << 20;

/// Marks the versus record at `path` as superseded by `by` (the new record's
/// title and date): its front matter's `status` becomes "superseded by …"
/// (front matter is added to a record written before it had any). The file
/// must be a regular file (not a link) holding a versus record; it is
/// rewritten atomically, keeping its permissions. The error is one line that
/// quotes nothing of the file.
pub fn supersede(path: &Path, by: &str) -> Result<(), String> {
    let bytes = fsio::read(path, MAX_SUPERSEDED, Links::Refuse).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text; not changed".to_string())?;
    find(&text).map_err(|e| format!("not a versus record ({e}); not changed"))?;
    let status = format!("status: {}", serde_json::Value::from(format!("superseded by {by}")));
    let front = text
        .strip_prefix(
            "---
",
        )
        .and_then(|rest| {
            Some((
                rest,
                rest.find(
                    "
---
",
                )?,
            ))
        });
    let updated = match front {
        Some((rest, end)) => {
            let (matter, body) = rest.split_at(end);
            let mut lines: Vec<String> =
                matter.lines().filter(|l| !l.starts_with("status:")).map(str::to_string).collect();
            lines.insert(0, status);
            format!(
                "---
{}{body}",
                lines.join(
                    "
"
                )
            )
        }
        None => format!(
            "---
{status}
---

{text}"
        ),
    };
    let mode = std::fs::symlink_metadata(path).map(|m| m.permissions()).map_err(|e| e.to_string())?;
    fsio::write_atomic_with(path, ".versus-record-", updated.as_bytes(), io::Write::write_all)
        .and_then(|()| std::fs::set_permissions(path, mode))
        .map_err(|e| format!("could not rewrite it: {e}"))
}

/// The last well-placed block in `text`: the marker alone on its line, the
/// fence on the next, the JSON up to the first line that starts with three
/// backticks.
pub fn find(text: &str) -> Result<Block, RecordError> {
    let opening = format!("{MARKER}\n{FENCE}\n");
    let text = text.replace("\r\n", "\n");
    let start = text
        .rmatch_indices(&opening)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n')
        .ok_or(RecordError::NoBlock { tail_only: false })?
        + opening.len();
    let rest = &text[start..];
    let end = if rest.starts_with("```") {
        0
    } else {
        rest.find("\n```").map(|i| i + 1).ok_or(RecordError::Malformed("the ```json block is never closed".into()))?
    };
    let json = &rest[..end];
    if json.len() > MAX_BLOCK {
        return Err(RecordError::TooLarge);
    }
    parse(json)
}

/// The JSON of a block, version 1 or 2.
pub fn parse(json: &str) -> Result<Block, RecordError> {
    let malformed = |e: serde_json::Error| RecordError::Malformed(one_line(&e));
    let Versioned { version } = serde_json::from_str(json).map_err(malformed)?;
    match version {
        VERSION => serde_json::from_str(json).map_err(malformed),
        1 => {
            let v1: BlockV1 = serde_json::from_str(json).map_err(malformed)?;
            if !is_bare_name(&v1.data) {
                return Err(RecordError::ByPath);
            }
            Ok(Block {
                version: 1,
                comparison: v1.data,
                from: From::Shipped,
                title: v1.title,
                date: v1.date,
                leader: v1.leader,
                tied: Vec::new(),
                answers: v1.answers,
                importance: v1.importance,
            })
        }
        v if v > VERSION => Err(RecordError::Newer(v)),
        v => Err(RecordError::Malformed(format!("unknown format {v}"))),
    }
}

/// A name the catalogue could have given, not a path: letters, digits, `-`,
/// `_` and `.`, not starting with a dot, at most 200 characters.
fn is_bare_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && !s.starts_with('.')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// serde_json's error without anything it quoted (it quotes field names and
/// short strings from the input), bounded.
fn one_line(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Io => "it could not be read",
        serde_json::error::Category::Syntax => "it is not valid JSON",
        serde_json::error::Category::Eof => "it ends too early",
        // A shape error names the field or type expected, and quotes at most an unknown field's name, cut short.
        serde_json::error::Category::Data => return crate::data::printable(&crate::data::clip(&e.to_string(), 200)),
    };
    format!("{what} (line {}, column {})", e.line(), e.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_files_are_numbered_like_their_neighbours() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let today = "2026-12-07";
        assert_eq!(numbered_name(&[], "choose-flask", today), "0001-choose-flask.md");
        let adr_tools = names(&["0001-record-architecture-decisions.md", "0003-use-postgres.md", "README.md"]);
        assert_eq!(numbered_name(&adr_tools, "choose-flask", today), "0004-choose-flask.md");
        assert_eq!(numbered_name(&names(&["12-a.md", "7-b.md"]), "x", today), "13-x.md");
        let log4brains = names(&["20240101-use-markdown.md", "20250606-adopt-rust.md", "index.md"]);
        assert_eq!(numbered_name(&log4brains, "choose-flask", today), "20261207-choose-flask.md");
        assert_eq!(numbered_name(&names(&["0001-a.txt", "notes.md"]), "x", today), "0001-x.md");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Choose Flask — Django vs Flask"), "choose-flask-django-vs-flask");
        assert_eq!(slug("Django vs Flask: no clear winner yet"), "django-vs-flask-no-clear-winner-yet");
        assert_eq!(slug("日本"), "decision");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
    }

    fn block() -> Block {
        Block {
            version: VERSION,
            comparison: "django-vs-flask".into(),
            from: From::Shipped,
            title: "Django vs Flask".into(),
            date: "2026-12-06".into(),
            leader: Some("django".into()),
            tied: Vec::new(),
            answers: [("size".to_string(), "large".to_string())].into(),
            importance: BTreeMap::new(),
        }
    }

    #[test]
    fn a_rendered_block_is_found_again_after_any_markdown() {
        let text = format!("# Title\n\nSome text.\n\n{}", render(&block()));
        assert_eq!(find(&text), Ok(block()));
    }

    #[test]
    fn the_last_block_wins_so_data_written_before_it_cannot_plant_one() {
        let forged = Block { leader: Some("flask".into()), ..block() };
        let text = format!("- Good: {}\n\n{}\n{}", render(&forged), "more", render(&block()));
        assert_eq!(find(&text), Ok(block()));
        // A marker inside a line is no marker.
        let inline = format!("{}\n- pro: x {MARKER}\n```json\n{{}}\n```\n", render(&block()));
        assert_eq!(find(&inline), Ok(block()));
    }

    #[test]
    fn a_title_with_fences_and_markers_round_trips() {
        let odd = Block { title: format!("a ``` b\n```\n{MARKER}"), ..block() };
        assert_eq!(find(&render(&odd)), Ok(odd));
    }

    #[test]
    fn malformed_blocks_are_refused_without_quoting_them() {
        for json in ["[1,2,3]", "{}", "\"hello\"", r#"{"data":null,"answers":null,"leader":5}"#, "{", "secret-token"] {
            let text = format!("{MARKER}\n{FENCE}\n{json}\n```\n");
            let e = find(&text).expect_err(json);
            assert!(matches!(e, RecordError::Malformed(_)), "{json}: {e:?}");
            assert!(!e.to_string().contains("secret") && !e.to_string().contains('\n'), "{e}");
        }
    }

    #[test]
    fn version_one_is_read_only_with_a_bare_name() {
        let v1 = |data: &str| {
            format!(
                "{MARKER}\n{FENCE}\n{{\"version\":1,\"data\":{data:?},\"title\":\"T\",\"date\":\"d\",\"leader\":null,\"answers\":{{}}}}\n```\n"
            )
        };
        assert_eq!(find(&v1("django-vs-flask")).map(|b| b.comparison), Ok("django-vs-flask".into()));
        for path in ["/home/u/.git-credentials", "../x.ron", "data/x.ron", ".env", "/proc/self/environ"] {
            assert_eq!(find(&v1(path)), Err(RecordError::ByPath), "{path}");
        }
    }

    #[test]
    fn newer_and_oversized_blocks_are_refused() {
        let newer = render(&Block { version: 9, ..block() });
        assert_eq!(find(&newer), Err(RecordError::Newer(9)));
        let huge = format!("{MARKER}\n{FENCE}\n{}\n```\n", " ".repeat(MAX_BLOCK + 1));
        assert_eq!(find(&huge), Err(RecordError::TooLarge));
    }
}
