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
    /// A comparison of a source (`versus source add`), as `SOURCE/comparison`.
    Source,
}

impl Identity {
    /// How a reader of the record is told where the data came from.
    pub(crate) fn describe(&self) -> String {
        match self.from {
            From::Shipped => format!("\"{}\", shipped with versus", self.comparison),
            From::Yours => format!("\"{}\", from the comparisons folder", self.comparison),
            From::File => format!("the file {}.ron", self.comparison),
            From::Source => format!("\"{}\", from a source (versus source list)", self.comparison),
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
    /// Whose answers these are, in an answer file (`decide --format answers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A group's decision: each person's answers (the record's own
    /// `answers` are then empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<MemberBlock>,
}

/// One person's answers in a group's record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberBlock {
    pub name: String,
    pub answers: BTreeMap<String, String>,
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
    read_with(path, Links::Follow)
}

/// [`read`] for a file found in a folder of records: a symbolic link there
/// is untrusted content naming a path, and is refused, never followed.
pub fn read_in_folder(path: &Path) -> Result<Block, RecordError> {
    read_with(path, Links::Refuse)
}

fn read_with(path: &Path, links: Links) -> Result<Block, RecordError> {
    let (bytes, skipped) =
        fsio::read_tail(path, MAX_TAIL, links).map_err(|e| RecordError::Unreadable(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    find(&text).map_err(|e| match e {
        RecordError::NoBlock { .. } => RecordError::NoBlock { tail_only: skipped },
        e => e,
    })
}

/// An answer file (`decide --format answers`, `e` in the app), which is a
/// block on its own, or a decision record whose block is read instead: the
/// whole file at most [`MAX_BLOCK`] bytes when it is JSON, its last
/// [`MAX_TAIL`] when it is a record.
pub fn read_answers(path: &Path) -> Result<Block, RecordError> {
    let (bytes, skipped) =
        fsio::read_tail(path, MAX_TAIL, Links::Follow).map_err(|e| RecordError::Unreadable(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    if !skipped && text.trim_start().starts_with('{') {
        if text.len() > MAX_BLOCK {
            return Err(RecordError::TooLarge);
        }
        return parse(&text);
    }
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
/// names in it, of any extension), numbered like its neighbours: one more
/// than the highest number, as wide as theirs and with their prefix if they
/// have one (`0004-…` after `0003-…`, `ADR-0013-…` after `ADR-0012-…`);
/// today's date (`20261207-…`) where they are all named by date, as
/// log4brains does; `0001-` in a folder of none. Numbers of more than eight
/// digits, and dates among numbers, are not counted.
pub fn numbered_name(existing: &[String], slug: &str, today: &str) -> String {
    // (prefix, digits) of each name that starts with an optional word and '-', then digits and '-'.
    let numbered: Vec<(&str, &str)> = existing
        .iter()
        .filter_map(|n| {
            let prefix_len =
                n.find(|c: char| !c.is_ascii_alphabetic()).filter(|&i| n[i..].starts_with('-')).map_or(0, |i| i + 1);
            let rest = &n[prefix_len..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0 && digits <= 8 && rest[digits..].starts_with('-')).then(|| (&n[..prefix_len], &rest[..digits]))
        })
        .collect();
    let is_date = |d: &str| d.len() == 8 && d.starts_with("20");
    if !numbered.is_empty() && numbered.iter().all(|(p, d)| p.is_empty() && is_date(d)) {
        return format!("{}-{slug}.md", today.replace('-', ""));
    }
    let counted: Vec<(&str, u64, usize)> = numbered
        .iter()
        .filter(|(_, d)| !is_date(d))
        .filter_map(|&(p, d)| Some((p, d.parse::<u64>().ok()?, d.len())))
        .collect();
    let (prefix, last) = counted.iter().max_by_key(|(_, n, _)| *n).map_or(("", 0), |&(p, n, _)| (p, n));
    let width = counted.iter().map(|(_, _, w)| *w).max().unwrap_or(4);
    format!("{prefix}{:0width$}-{slug}.md", last + 1)
}

/// The `status` of a record's front matter ("proposed", "superseded by
/// …"), read from the file's first 4 KiB; `None` when it has none.
pub fn status(path: &Path) -> Option<String> {
    let (head, _) = fsio::read_head(path, 4096, Links::Follow).ok()?;
    let head = String::from_utf8_lossy(&head).replace("\r\n", "\n");
    let matter = head.strip_prefix("---\n")?.split("\n---").next()?;
    matter.lines().find_map(|l| {
        let (key, value) = l.split_once(':')?;
        key.trim().eq_ignore_ascii_case("status").then(|| value.trim().trim_matches('"').to_string())
    })
}

/// The largest record `supersede` rewrites.
const MAX_SUPERSEDED: u64 = 4 << 20;

/// Marks the versus record at `path` as superseded by `by` (the new record's
/// title and date): the `status` of its front matter becomes "superseded by
/// …" (front matter is added to a record that has none). Refused, with the
/// file untouched, unless it is a regular file (not a link) that you own and
/// can write, with no other hard link, holding a versus record whose front
/// matter is plain `key: value` lines (nothing versus could mangle) and that
/// is not superseded already. Rewritten atomically, keeping its permissions
/// and line endings. The error is one line that quotes nothing of the file.
pub fn supersede(path: &Path, by: &str) -> Result<(), String> {
    let bytes = fsio::read(path, MAX_SUPERSEDED, Links::Refuse).map_err(|e| e.to_string())?;
    let meta = std::fs::symlink_metadata(path).map_err(|e| e.kind().to_string())?;
    check_writable(path, &meta)?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text; not changed".to_string())?;
    find(&text).map_err(|e| format!("not a versus record ({e}); not changed"))?;
    let crlf = text.contains("\r\n");
    let text = text.replace("\r\n", "\n");
    let status = format!("status: {}", serde_json::Value::from(format!("superseded by {by}")));
    let updated = match text.strip_prefix("---\n") {
        None => format!("---\n{status}\n---\n\n{text}"),
        Some(rest) => {
            let end = rest.find("\n---\n").ok_or("its front matter has no closing ---; not changed")?;
            let (matter, body) = rest.split_at(end);
            let mut lines: Vec<&str> = Vec::new();
            for line in matter.lines() {
                let key = line
                    .split_once(':')
                    .map(|(k, _)| k.trim())
                    .filter(|k| !k.is_empty() && !line.starts_with([' ', '\t', '-', '#']));
                let Some(key) = key else {
                    return Err("its front matter is not plain `key: value` lines; not changed".into());
                };
                if key.eq_ignore_ascii_case("status") {
                    if line.to_ascii_lowercase().contains("superseded") {
                        return Err("it is marked as superseded already; not changed".into());
                    }
                    continue;
                }
                lines.push(line);
            }
            let matter: Vec<&str> = std::iter::once(status.as_str()).chain(lines).collect();
            format!("---\n{}{body}", matter.join("\n"))
        }
    };
    let updated = if crlf { updated.replace('\n', "\r\n") } else { updated };
    fsio::write_atomic_with(path, ".versus-record-", updated.as_bytes(), io::Write::write_all)
        .and_then(|()| std::fs::set_permissions(path, meta.permissions()))
        // The error's own text would name the temporary file: its kind is enough.
        .map_err(|e| format!("could not rewrite it ({}); not changed", e.kind()))
}

/// Refuses a record versus must not replace: one you could not write in
/// place, one owned by another user (a new file would change its owner), or
/// one with other hard links (they would keep the old text).
fn check_writable(path: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| format!("you cannot write it ({}); not changed", e.kind()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        if meta.uid() != unsafe { libc::geteuid() } {
            return Err("it belongs to another user; not changed".into());
        }
        if meta.nlink() > 1 {
            return Err("it has other hard links, which would keep the old text; not changed".into());
        }
    }
    Ok(())
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
                name: None,
                members: Vec::new(),
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
        // Any extension counts; a date among numbers and an absurd number do not.
        assert_eq!(numbered_name(&names(&["0005-b.txt", "0007-c.rst", "notes.md"]), "x", today), "0008-x.md");
        assert_eq!(numbered_name(&names(&["0001-a.md", "20240101-b.md"]), "x", today), "0002-x.md");
        assert_eq!(numbered_name(&names(&["99999999999999999999999-a.md"]), "x", today), "0001-x.md");
        assert_eq!(numbered_name(&names(&["adr-0001-a.md", "ADR-0002-b.md"]), "x", today), "ADR-0003-x.md");
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
            name: None,
            members: Vec::new(),
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
