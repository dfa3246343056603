//! The wizard's answers, kept between runs: one JSON file per comparison,
//! `answers-<identity>.json` in the state directory (`$XDG_STATE_HOME/versus`,
//! else `~/.local/state/versus`; relative values are ignored). The identity is
//! a shipped comparison's name, or a user file's stem plus a hash of its path.
//! The file holds answers and non-normal importance levels by question and
//! option id, so it still means the same after the data is reordered:
//!
//! `{"version": 2, "identity": "…", "title": "…", "saved_at": 1764000000,
//!   "answers": {"size": "large"}, "importance": {"size": "high"}}`
//!
//! (the old `{"comparison": "<title>", "answers": {…}}` is still read).
//!
//! Nothing here can stop the app from starting, and the file is untrusted:
//! - only a regular file is read (never a symlink, FIFO or device), opened
//!   without following links or blocking, and at most 1 MiB of it;
//! - a missing file is normal; a file of another comparison, a refused or
//!   damaged one, or ids that no longer exist yield a one-line, sanitized
//!   notice; a damaged file is first copied to `<file>.damaged`;
//! - writes go to an exclusively created, randomly named temporary file
//!   (mode 0600, in a 0700 directory), are fsynced, then renamed over the
//!   target, which is never written through a symlink;
//! - when another instance changed the file since we read or wrote it, its
//!   version is first copied to `<file>.other` (see [`Written::kept_other`]).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::data::{Comparison, sanitize_line};
use crate::fsio::{self, Links, ReadError};
use crate::wizard::Importance;

/// One set of saved answers: one slot per question of the comparison, in question order.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Option index per question.
    pub answers: Vec<Option<usize>>,
    /// Per question (Normal when not stored).
    pub importance: Vec<Importance>,
    /// Unix seconds of the write; None when never saved (or an old-format file).
    pub saved_at: Option<u64>,
}

/// What was found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// None: nothing usable (missing, refused, damaged, other comparison).
    pub saved: Option<Saved>,
    /// One line for the user when something was off.
    pub notice: Option<String>,
    /// What the file looked like when read, for [`save`]'s conflict check.
    /// None when the file was missing or is not ours to replace silently
    /// (another comparison's, too large, newer format), so a save keeps it
    /// as `<file>.other` first.
    pub stamp: Option<Stamp>,
}

/// A fingerprint of the file's bytes (length + a 64-bit hash of the content), to notice another writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    hash: u64,
}

impl Stamp {
    fn of(bytes: &[u8]) -> Stamp {
        Stamp { len: bytes.len() as u64, hash: fnv1a(bytes) }
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub stamp: Stamp,
    /// When another process had changed the file since we read or last wrote it: where its version was kept.
    pub kept_other: Option<PathBuf>,
}

/// The most of a file that is ever read: real answer files are a few hundred bytes.
const MAX_BYTES: u64 = 1024 * 1024;

/// The format written; 1 is the old `{"comparison", "answers"}` file.
const VERSION: u64 = 2;

/// The state directory: `$XDG_STATE_HOME/versus` when XDG_STATE_HOME is set,
/// non-empty and absolute (a relative one is ignored, as the XDG spec says),
/// else `$HOME/.local/state/versus` (HOME must be absolute too); None when neither.
pub(crate) fn state_dir() -> Option<PathBuf> {
    state_dir_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// [`state_dir`] with the variables passed in, so tests need not touch the environment.
fn state_dir_from(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    crate::xdg::versus_dir_from(crate::xdg::Base::State, xdg_state_home, home)
}

/// A stable identity for a comparison: for a shipped comparison its name
/// (e.g. "django-vs-flask"); for a user file the file's stem, sanitised to
/// `[a-z0-9-]` (at most 40 chars, "comparison" if empty), plus '-' and 8 hex
/// digits of a hash of the file's canonical path (the path as given when it
/// cannot be resolved). The hash keeps two files of the same or an all
/// non-ASCII name apart. With neither, the default shipped comparison's name
/// (what `data::default_comparison()` opens).
pub fn identity(shipped_name: Option<&str>, file: Option<&Path>) -> String {
    match (shipped_name, file) {
        (Some(name), _) => slug(name, usize::MAX),
        (None, Some(file)) => {
            let stem = file.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
            let resolved = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
            let h = fnv1a(&path_bytes(&resolved));
            format!("{}-{:08x}", slug(&stem, 40), (h ^ (h >> 32)) as u32)
        }
        (None, None) => crate::data::DEFAULT.to_string(),
    }
}

/// Lowercase ASCII letters and digits; every run of anything else becomes one
/// '-', none at either end; "comparison" when nothing is left.
fn slug(raw: &str, max: usize) -> String {
    let mut out = String::new();
    for ch in raw.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(max);
    let out = out.trim_end_matches('-');
    if out.is_empty() { "comparison".to_string() } else { out.to_string() }
}

/// The file for an identity: `state_dir()/answers-<identity>.json`; None when
/// there is no state directory or the identity is not `[a-z0-9-]+` (so it can
/// never name a path outside the directory).
pub(crate) fn path_for(identity: &str) -> Option<PathBuf> {
    path_in(&state_dir()?, identity)
}

fn path_in(dir: &Path, identity: &str) -> Option<PathBuf> {
    let valid =
        !identity.is_empty() && identity.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    valid.then(|| dir.join(format!("answers-{identity}.json")))
}

/// The file as stored, and as read from older versions.
#[derive(serde::Deserialize)]
struct OnDisk {
    #[serde(default)]
    version: Option<u64>,
    #[serde(default)]
    identity: Option<String>,
    /// The comparison's title in version 1 files.
    #[serde(default)]
    comparison: Option<String>,
    #[serde(default)]
    saved_at: Option<u64>,
    answers: BTreeMap<String, String>,
    #[serde(default)]
    importance: BTreeMap<String, String>,
}

#[derive(serde::Serialize)]
struct ToDisk<'a> {
    version: u64,
    identity: &'a str,
    title: &'a str,
    saved_at: u64,
    answers: BTreeMap<&'a str, &'a str>,
    importance: BTreeMap<&'a str, &'static str>,
}

/// Reads saved answers for comparison `c` with identity `identity` from `path`.
pub fn load(path: &Path, identity: &str, c: &Comparison) -> Loaded {
    let nothing = |notice: Option<String>, stamp: Option<Stamp>| Loaded { saved: None, notice, stamp };
    let file = show(path);
    let bytes = match read_bounded(path) {
        Ok(Found::Missing) => return nothing(None, None),
        Ok(Found::Refused(kind)) => {
            return nothing(Some(format!("Saved answers in {file} are {kind}, not a regular file; not read.")), None);
        }
        Ok(Found::TooLarge) => {
            return nothing(Some(format!("Saved answers in {file} are too large (over 1 MiB); not read.")), None);
        }
        Ok(Found::Bytes(bytes)) => bytes,
        Err(e) => {
            let e = sanitize_line(&e.to_string());
            return nothing(Some(format!("Saved answers in {file} could not be read ({e}); starting afresh.")), None);
        }
    };
    let stamp = Stamp::of(&bytes);
    let disk: OnDisk = match serde_json::from_slice(&bytes) {
        Ok(disk) => disk,
        Err(e) => return damaged(path, &bytes, &e.to_string()),
    };
    let version = disk.version.unwrap_or(1);
    let ours = match version {
        1 => disk.comparison.as_deref().map(|t| t == c.title.as_str()),
        VERSION => disk.identity.as_deref().map(|i| i == identity),
        _ => {
            let notice = format!("Saved answers in {file} are from a newer versus (format {version}); set aside.");
            return nothing(Some(notice), None);
        }
    };
    match ours {
        None => damaged(path, &bytes, "no comparison or identity in it"),
        // Not ours: no stamp, so a save keeps it as `.other` rather than replacing it.
        Some(false) => nothing(Some(format!("Saved answers in {file} belong to another comparison; set aside.")), None),
        Some(true) => {
            let (saved, notice) = decode(&disk, c);
            Loaded { saved: Some(saved), notice, stamp: Some(stamp) }
        }
    }
}

/// A file that does not parse: kept as `<file>.damaged` before a save could
/// replace it. Its stamp is returned only when that copy exists; otherwise the
/// next save keeps it as `<file>.other` instead.
fn damaged(path: &Path, bytes: &[u8], error: &str) -> Loaded {
    let (file, error) = (show(path), sanitize_line(error));
    let backup = sibling(path, "damaged");
    let (kept, stamp) = match write_atomically(&backup, bytes, |f, b| f.write_all(b)) {
        Ok(()) => (format!("a copy was kept in {}", show(&backup)), Some(Stamp::of(bytes))),
        Err(e) => (format!("no copy could be kept ({})", sanitize_line(&e.to_string())), None),
    };
    let notice = format!("Saved answers in {file} are damaged ({error}); {kept}; starting afresh.");
    Loaded { saved: None, notice: Some(notice), stamp }
}

/// Ids to indices, dropping (and counting) what no longer exists.
fn decode(disk: &OnDisk, c: &Comparison) -> (Saved, Option<String>) {
    let questions = &c.wizard.questions;
    let question = |id: &str| questions.iter().position(|q| q.id.as_str() == id);
    let mut answers = vec![None; questions.len()];
    let mut importance = vec![Importance::default(); questions.len()];
    let mut dropped = (0, 0);
    for (q, o) in &disk.answers {
        let found =
            question(q).and_then(|qi| questions[qi].options.iter().position(|x| x.id.as_str() == o).map(|oi| (qi, oi)));
        match found {
            Some((qi, oi)) => answers[qi] = Some(oi),
            None => dropped.0 += 1,
        }
    }
    for (q, level) in &disk.importance {
        match (question(q), Importance::parse(level)) {
            (Some(qi), Some(level)) => importance[qi] = level,
            _ => dropped.1 += 1,
        }
    }
    let notices = [dropped_notice(dropped.0, "answer"), dropped_notice(dropped.1, "importance level")];
    let notice = notices.into_iter().flatten().collect::<Vec<_>>().join(" ");
    let saved = Saved { answers, importance, saved_at: disk.saved_at };
    (saved, (!notice.is_empty()).then_some(notice))
}

/// "1 saved answer no longer matches … was dropped." / "3 saved answers no longer match … were dropped."
fn dropped_notice(n: usize, what: &str) -> Option<String> {
    match n {
        0 => None,
        1 => Some(format!("1 saved {what} no longer matches the questions and was dropped.")),
        n => Some(format!("{n} saved {what}s no longer match the questions and were dropped.")),
    }
}

/// Writes `saved` (saved_at is set to now in the file), atomically. `expected`
/// is the stamp from load or from the previous save: when the file on disk no
/// longer matches it, another instance wrote it, and its version is kept as
/// `<file>.other` first. Refuses to write through a symlink or over anything
/// but a regular file.
pub fn save(
    path: &Path,
    identity: &str,
    c: &Comparison,
    saved: &Saved,
    expected: Option<Stamp>,
) -> io::Result<Written> {
    let bytes = encode(identity, c, saved, now())?;
    let kept_other = keep_other_version(path, expected)?;
    write_atomically(path, &bytes, |f, b| f.write_all(b))?;
    Ok(Written { stamp: Stamp::of(&bytes), kept_other })
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The file's bytes: answers and non-normal importance by id; out-of-range slots are skipped.
fn encode(identity: &str, c: &Comparison, saved: &Saved, saved_at: u64) -> io::Result<Vec<u8>> {
    let questions = &c.wizard.questions;
    let answers = questions
        .iter()
        .zip(&saved.answers)
        .filter_map(|(q, a)| a.and_then(|o| q.options.get(o)).map(|o| (q.id.as_str(), o.id.as_str())))
        .collect();
    let importance = questions
        .iter()
        .zip(&saved.importance)
        .filter(|(_, i)| **i != Importance::Normal)
        .map(|(q, i)| (q.id.as_str(), i.id()))
        .collect();
    let disk = ToDisk { version: VERSION, identity, title: c.title.as_str(), saved_at, answers, importance };
    serde_json::to_vec_pretty(&disk).map_err(io::Error::other)
}

/// When the file on disk is not what we last saw, keeps it as `<file>.other`
/// so the rename that follows destroys nothing. Returns where it went.
fn keep_other_version(path: &Path, expected: Option<Stamp>) -> io::Result<Option<PathBuf>> {
    let other = sibling(path, "other");
    match read_bounded(path)? {
        Found::Missing => Ok(None),
        Found::Refused(kind) => {
            Err(io::Error::other(format!("{} is {kind}, not a regular file; not writing there", show(path))))
        }
        Found::Bytes(bytes) if Some(Stamp::of(&bytes)) == expected => Ok(None),
        Found::Bytes(bytes) => write_atomically(&other, &bytes, |f, b| f.write_all(b)).map(|()| Some(other)),
        // Too large to copy within the read limit: moved aside whole instead.
        Found::TooLarge => std::fs::rename(path, &other).map(|()| Some(other)),
    }
}

/// `<file>.<suffix>` beside `path`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// What is at a path, read without following links, blocking or reading without bound.
enum Found {
    Missing,
    /// Not a regular file: what it is instead ("a symbolic link", …).
    Refused(&'static str),
    TooLarge,
    Bytes(Vec<u8>),
}

fn read_bounded(path: &Path) -> io::Result<Found> {
    // Never through a link: versus writes this file, so a link there was planted.
    match fsio::read(path, MAX_BYTES, Links::Refuse) {
        Ok(bytes) => Ok(Found::Bytes(bytes)),
        // Gone between a look and the open (another instance's rename) is missing too.
        Err(ReadError::Missing) => Ok(Found::Missing),
        Err(ReadError::NotRegular(kind)) => Ok(Found::Refused(kind)),
        Err(ReadError::TooLarge { .. }) => Ok(Found::TooLarge),
        Err(ReadError::Io(e)) => Err(e),
    }
}

/// Writes `bytes` to `path` atomically (see [`fsio::write_atomic_with`]) in
/// the state directory, made private to the user when it is created. The
/// writing step is passed in so a test can make it fail halfway.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    fsio::write_atomic_with(path, ".answers-", bytes, write)
}

/// The state directory is private to the user (0700) when we create it.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// FNV-1a: a hash that is the same in every run and every build (std's
/// hashers promise neither), for identities and stamps.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    return std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    return path.to_string_lossy().as_bytes().to_vec();
}

/// A path for a notice: no escape sequences or control characters.
fn show(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Line;

    const ID: &str = "django-vs-flask";

    fn comparison() -> Comparison {
        crate::data::default_comparison().expect("default data")
    }

    /// A fresh, empty directory for one test (created), unique by name and pid.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("versus-saved-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    fn cleanup(dir: &Path) {
        let _ = std::fs::remove_dir_all(dir);
    }

    fn blank(c: &Comparison) -> Saved {
        let n = c.wizard.questions.len();
        Saved { answers: vec![None; n], importance: vec![Importance::Normal; n], saved_at: None }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn answers_and_importance_survive_a_round_trip_by_id() {
        let c = comparison();
        let dir = temp_dir("round");
        let path = dir.join("answers.json");
        let mut saved = blank(&c);
        saved.answers[0] = Some(2);
        saved.answers[3] = Some(1);
        saved.importance[0] = Importance::High;
        saved.importance[2] = Importance::Ignore;
        let written = save(&path, ID, &c, &saved, None).expect("saved");
        assert_eq!(written.kept_other, None);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for part in [
            "\"version\": 2",
            "\"identity\": \"django-vs-flask\"",
            "\"title\": \"Django vs Flask\"",
            "\"size\": \"large\"",
            "\"size\": \"high\"",
            "\"arch\": \"ignore\"",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert!(!text.contains("normal"), "only non-normal levels are stored: {text}");
        let loaded = load(&path, ID, &c);
        let back = loaded.saved.expect("answers");
        assert!(back.saved_at.is_some_and(|t| t + 60 > now()), "saved_at is now");
        assert_eq!(Saved { saved_at: None, ..back }, saved);
        assert_eq!((loaded.notice, loaded.stamp), (None, Some(written.stamp)));
        cleanup(&dir);
    }

    #[test]
    fn a_missing_file_is_nothing_and_no_notice() {
        let c = comparison();
        let dir = temp_dir("missing");
        assert_eq!(load(&dir.join("none.json"), ID, &c), Loaded { saved: None, notice: None, stamp: None });
        cleanup(&dir);
    }

    #[test]
    fn another_comparisons_file_is_set_aside_untouched() {
        let c = comparison();
        let dir = temp_dir("other-id");
        let path = dir.join("answers.json");
        let json =
            r#"{"version": 2, "identity": "x-12345678", "title": "X", "saved_at": 1, "answers": {"size": "small"}}"#;
        std::fs::write(&path, json).expect("write");
        let loaded = load(&path, ID, &c);
        let expected = format!("Saved answers in {} belong to another comparison; set aside.", path.display());
        assert_eq!((loaded.saved, loaded.notice.as_deref()), (None, Some(expected.as_str())));
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some(json), "the file is untouched");
        assert_eq!(names(&dir), ["answers.json"]);
        // A later save keeps it rather than replacing it.
        let written = save(&path, ID, &c, &blank(&c), loaded.stamp).expect("saved");
        assert_eq!(written.kept_other, Some(sibling(&path, "other")));
        assert_eq!(std::fs::read_to_string(sibling(&path, "other")).ok().as_deref(), Some(json));
        cleanup(&dir);
    }

    #[test]
    fn the_old_format_is_read_when_its_title_matches() {
        let c = comparison();
        let dir = temp_dir("v1");
        let path = dir.join("answers.json");
        std::fs::write(&path, r#"{"comparison": "Django vs Flask", "answers": {"size": "medium"}}"#).expect("write");
        let loaded = load(&path, "anything", &c);
        let saved = loaded.saved.expect("read");
        assert_eq!((saved.answers[0], saved.saved_at, loaded.notice), (Some(1), None, None));
        std::fs::write(&path, r#"{"comparison": "Vue vs React", "answers": {"size": "medium"}}"#).expect("write");
        let loaded = load(&path, ID, &c);
        assert!(loaded.saved.is_none() && loaded.notice.is_some_and(|n| n.contains("another comparison")));
        cleanup(&dir);
    }

    #[test]
    fn a_newer_format_is_set_aside() {
        let c = comparison();
        let dir = temp_dir("newer");
        let path = dir.join("answers.json");
        std::fs::write(&path, r#"{"version": 3, "identity": "django-vs-flask", "answers": {}}"#).expect("write");
        let loaded = load(&path, ID, &c);
        assert!(loaded.saved.is_none() && loaded.stamp.is_none());
        assert!(loaded.notice.is_some_and(|n| n.contains("newer")));
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn anything_but_a_regular_file_is_refused_unread() {
        let c = comparison();
        let dir = temp_dir("refused");
        let real = dir.join("real.json");
        save(&real, ID, &c, &blank(&c), None).expect("saved");
        let link = dir.join("link.json");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let sub = dir.join("sub.json");
        std::fs::create_dir(&sub).expect("dir");
        let fifo = dir.join("fifo.json");
        let have_fifo = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        let mut cases = vec![(link, "a symbolic link"), (sub, "a directory"), (PathBuf::from("/dev/null"), "a device")];
        if have_fifo {
            // Opening a FIFO for reading would wait for a writer: this test would hang.
            cases.push((fifo, "a named pipe"));
        }
        for (path, kind) in cases {
            let loaded = load(&path, ID, &c);
            assert!(loaded.saved.is_none() && loaded.stamp.is_none(), "{}", path.display());
            let notice = loaded.notice.unwrap_or_default();
            assert!(notice.contains(kind) && notice.contains("not read") && !notice.contains('\n'), "{notice}");
        }
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn the_open_itself_neither_follows_links_nor_waits_on_a_pipe() {
        let dir = temp_dir("open-flags");
        let target = dir.join("target");
        std::fs::write(&target, "x").expect("target");
        let link = dir.join("link");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        // Even were the path swapped for a link after the lstat, the open fails.
        assert!(fsio::open_nonblocking(&link, Links::Refuse).is_err());
        let fifo = dir.join("fifo");
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            // Returns at once instead of waiting for a writer; the fstat then refuses it.
            assert!(fsio::open_nonblocking(&fifo, Links::Refuse).is_ok());
        }
        cleanup(&dir);
    }

    #[test]
    fn a_file_over_a_mebibyte_is_refused_and_moved_aside_by_a_save() {
        let c = comparison();
        let dir = temp_dir("large");
        let path = dir.join("answers.json");
        let big = vec![b' '; MAX_BYTES as usize + 1];
        std::fs::write(&path, &big).expect("write");
        let loaded = load(&path, ID, &c);
        assert!(loaded.saved.is_none() && loaded.stamp.is_none());
        assert!(loaded.notice.as_deref().is_some_and(|n| n.contains("too large")), "{:?}", loaded.notice);
        let written = save(&path, ID, &c, &blank(&c), loaded.stamp).expect("saved");
        assert_eq!(written.kept_other, Some(sibling(&path, "other")));
        assert_eq!(std::fs::read(sibling(&path, "other")).expect("kept").len(), big.len());
        assert!(load(&path, ID, &c).saved.is_some());
        cleanup(&dir);
    }

    #[test]
    fn unknown_ids_and_levels_are_dropped_and_counted() {
        let c = comparison();
        let dir = temp_dir("stale");
        let path = dir.join("answers.json");
        let one = r#"{"version": 2, "identity": "django-vs-flask", "answers": {"size": "small", "removed": "x"}}"#;
        std::fs::write(&path, one).expect("write");
        let loaded = load(&path, ID, &c);
        let saved = loaded.saved.expect("kept");
        assert_eq!((saved.answers[0], saved.answers.iter().flatten().count()), (Some(0), 1));
        assert_eq!(loaded.notice.as_deref(), Some("1 saved answer no longer matches the questions and was dropped."));
        let three = r#"{"version": 2, "identity": "django-vs-flask",
            "answers": {"size": "small", "removed": "x", "admin": "gone", "arch": "nope"},
            "importance": {"size": "urgent", "admin": "low", "gone": "high"}}"#;
        std::fs::write(&path, three).expect("write");
        let loaded = load(&path, ID, &c);
        let saved = loaded.saved.expect("kept");
        assert_eq!((saved.importance[1], saved.importance[0]), (Importance::Low, Importance::Normal));
        assert_eq!(
            loaded.notice.as_deref(),
            Some(
                "3 saved answers no longer match the questions and were dropped. \
                 2 saved importance levels no longer match the questions and were dropped."
            )
        );
        cleanup(&dir);
    }

    #[test]
    fn a_damaged_file_is_copied_aside_before_anything_replaces_it() {
        let c = comparison();
        let dir = temp_dir("damaged");
        let path = dir.join("answers.json");
        let backup = sibling(&path, "damaged");
        std::fs::write(&backup, "an older damaged file").expect("older");
        let broken = b"{\"version\": 2, \"identity\": \"django-vs-fl";
        std::fs::write(&path, broken).expect("write");
        let loaded = load(&path, ID, &c);
        assert!(loaded.saved.is_none());
        let notice = loaded.notice.unwrap_or_default();
        assert!(notice.contains("damaged") && notice.contains(&backup.display().to_string()), "{notice}");
        assert_eq!(std::fs::read(&backup).expect("backup"), broken, "the older copy is replaced");
        assert_eq!(std::fs::read(&path).expect("original"), broken, "the original is left");
        // With the copy kept, the next save replaces the file without another copy.
        assert_eq!(save(&path, ID, &c, &blank(&c), loaded.stamp).expect("saved").kept_other, None);
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn the_damaged_copy_never_follows_a_planted_symlink() {
        let c = comparison();
        let dir = temp_dir("damaged-link");
        let path = dir.join("answers.json");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").expect("victim");
        std::os::unix::fs::symlink(&victim, sibling(&path, "damaged")).expect("symlink");
        std::fs::write(&path, "not json").expect("write");
        let loaded = load(&path, ID, &c);
        assert!(loaded.notice.is_some_and(|n| n.contains("a copy was kept")));
        assert_eq!(std::fs::read_to_string(&victim).ok().as_deref(), Some("precious"));
        assert_eq!(std::fs::read_to_string(sibling(&path, "damaged")).ok().as_deref(), Some("not json"));
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn saving_makes_a_private_directory_and_file_and_leaves_no_temporary() {
        use std::os::unix::fs::PermissionsExt;
        let c = comparison();
        let dir = temp_dir("private");
        let state = dir.join("state").join("versus");
        let path = state.join("answers-x.json");
        save(&path, ID, &c, &blank(&c), None).expect("saved");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!((mode(&state), mode(&path)), (0o700, 0o600));
        assert_eq!(names(&state), ["answers-x.json"]);
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_old_predictable_temporary_name_is_never_followed() {
        let c = comparison();
        let dir = temp_dir("temp-link");
        let path = dir.join("answers.json");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").expect("victim");
        let old_temp = dir.join(format!(".answers.json.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old_temp).expect("symlink");
        save(&path, ID, &c, &blank(&c), None).expect("saved");
        assert_eq!(std::fs::read_to_string(&victim).ok().as_deref(), Some("precious"));
        assert!(std::fs::symlink_metadata(&old_temp).is_ok_and(|m| m.file_type().is_symlink()));
        assert!(load(&path, ID, &c).saved.is_some());
        cleanup(&dir);
    }

    #[test]
    fn temporary_names_are_fresh_each_time() {
        let dir = temp_dir("temp-names");
        let mut seen = Vec::new();
        for n in 0..2 {
            let path = dir.join(format!("answers-{n}.json"));
            write_atomically(&path, b"x", |f, b| {
                seen.extend(names(&dir).into_iter().filter(|n| n.starts_with(".answers-")));
                f.write_all(b)
            })
            .expect("written");
        }
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert_ne!(seen[0], seen[1]);
        assert!(seen.iter().all(|n| n.ends_with(".tmp") && n.len() > ".answers-.tmp".len() + 5), "{seen:?}");
        cleanup(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_target_is_refused_not_written_through() {
        let c = comparison();
        let dir = temp_dir("target-link");
        let path = dir.join("answers.json");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").expect("victim");
        std::os::unix::fs::symlink(&victim, &path).expect("symlink");
        let result = save(&path, ID, &c, &blank(&c), None);
        assert!(result.is_err_and(|e| e.to_string().contains("symbolic link")));
        assert_eq!(std::fs::read_to_string(&victim).ok().as_deref(), Some("precious"));
        assert!(std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()));
        assert_eq!(names(&dir), ["answers.json", "victim"], "no temporary is left");
        cleanup(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let c = comparison();
        let dir = temp_dir("atomic");
        let path = dir.join("answers.json");
        let mut saved = blank(&c);
        saved.answers[0] = Some(1);
        save(&path, ID, &c, &saved, None).expect("first save");
        let before = std::fs::read(&path).expect("saved");
        let failed = write_atomically(&path, b"{\"version\": 2, \"half", |f, bytes| {
            f.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).expect("still there"), before, "the old answers are intact");
        assert_eq!(names(&dir), ["answers.json"], "no temporary file is left");
        cleanup(&dir);
    }

    #[test]
    fn one_instance_saving_again_keeps_nothing_aside() {
        let c = comparison();
        let dir = temp_dir("one-writer");
        let path = dir.join("answers.json");
        let mut saved = blank(&c);
        let mut stamp = load(&path, ID, &c).stamp;
        for answer in 0..3 {
            saved.answers[0] = Some(answer);
            let written = save(&path, ID, &c, &saved, stamp).expect("saved");
            assert_eq!(written.kept_other, None);
            stamp = Some(written.stamp);
        }
        assert_eq!(names(&dir), ["answers.json"]);
        cleanup(&dir);
    }

    #[test]
    fn two_instances_keep_each_others_answers_as_other() {
        let c = comparison();
        let dir = temp_dir("two-writers");
        let path = dir.join("answers.json");
        let other = sibling(&path, "other");
        let answer = |i| {
            let mut s = blank(&c);
            s.answers[0] = Some(i);
            s
        };
        // Both start with no file.
        let (a0, b0) = (load(&path, ID, &c).stamp, load(&path, ID, &c).stamp);
        let a1 = save(&path, ID, &c, &answer(0), a0).expect("a saves");
        assert_eq!(a1.kept_other, None, "nothing was there");
        let a_bytes = std::fs::read(&path).expect("a's file");
        let b1 = save(&path, ID, &c, &answer(2), b0).expect("b saves");
        assert_eq!(b1.kept_other.as_deref(), Some(other.as_path()), "b keeps a's version");
        assert_eq!(std::fs::read(&other).expect("kept"), a_bytes);
        let b_bytes = std::fs::read(&path).expect("b's file");
        assert_eq!(load(&path, ID, &c).saved.map(|s| s.answers[0]), Some(Some(2)));
        let a2 = save(&path, ID, &c, &answer(1), Some(a1.stamp)).expect("a saves again");
        assert_eq!(a2.kept_other.as_deref(), Some(other.as_path()), "a keeps b's version");
        assert_eq!(std::fs::read(&other).expect("kept"), b_bytes, "the older .other is replaced");
        assert_eq!(load(&path, ID, &c).saved.map(|s| s.answers[0]), Some(Some(1)));
        cleanup(&dir);
    }

    #[test]
    fn the_state_dir_follows_xdg_and_ignores_relative_values() {
        let os = |s: &str| Some(OsString::from(s));
        let dir = |x: Option<OsString>, h: Option<OsString>| state_dir_from(x, h);
        assert_eq!(dir(os("/x/state"), os("/home/u")), Some(PathBuf::from("/x/state/versus")));
        assert_eq!(dir(os("rel/state"), os("/home/u")), Some(PathBuf::from("/home/u/.local/state/versus")));
        assert_eq!(dir(os(""), os("/home/u")), Some(PathBuf::from("/home/u/.local/state/versus")));
        assert_eq!(dir(None, os("/home/u")), Some(PathBuf::from("/home/u/.local/state/versus")));
        assert_eq!(dir(None, os("home/u")), None);
        assert_eq!(dir(os("rel"), os("")), None);
        assert_eq!(dir(None, None), None);
    }

    #[test]
    fn paths_name_the_identity_and_nothing_else() {
        let base = Path::new("/s/versus");
        assert_eq!(path_in(base, ID), Some(PathBuf::from("/s/versus/answers-django-vs-flask.json")));
        for bad in ["", "../x", "a/b", "A", "a.b"] {
            assert_eq!(path_in(base, bad), None, "{bad}");
        }
    }

    #[test]
    fn identities_are_stable_and_keep_files_apart() {
        assert_eq!(identity(Some("django-vs-flask"), None), "django-vs-flask");
        assert_eq!(
            identity(Some("django-vs-flask-vs-fastapi"), Some(Path::new("/x.ron"))),
            "django-vs-flask-vs-fastapi"
        );
        assert_eq!(identity(None, None), crate::data::DEFAULT);
        let dir = temp_dir("identity");
        let (one, two) = (dir.join("a"), dir.join("b"));
        for d in [&one, &two] {
            std::fs::create_dir_all(d).expect("dir");
            std::fs::write(d.join("Ωμέγα.ron"), "").expect("file");
        }
        let (x, y) = (identity(None, Some(&one.join("Ωμέγα.ron"))), identity(None, Some(&two.join("Ωμέγα.ron"))));
        assert!(x.starts_with("comparison-") && x.len() == "comparison-".len() + 8, "{x}");
        assert_ne!(x, y, "non-ASCII names in different places never share an identity");
        assert_eq!(x, identity(None, Some(&one.join("Ωμέγα.ron"))), "stable");
        let relative = identity(None, Some(Path::new("no/such/My  Stack__vs..Other!.ron")));
        assert!(relative.starts_with("my-stack-vs-other-"), "{relative}");
        let long = identity(None, Some(Path::new(&format!("/none/{}.ron", "ab-".repeat(30)))));
        let stem = &long[..long.len() - 9];
        assert!(stem.len() <= 40 && !stem.ends_with('-') && path_in(Path::new("/s"), &long).is_some(), "{long}");
        cleanup(&dir);
    }

    #[test]
    fn the_slug_keeps_only_lowercase_ascii_letters_digits_and_single_dashes() {
        assert_eq!(slug("--Django  vs__Flask--", 40), "django-vs-flask");
        assert_eq!(slug("日本語", 40), "comparison");
        assert_eq!(slug("abcdef", 3), "abc");
    }

    #[cfg(unix)]
    #[test]
    fn notices_carry_no_control_characters() {
        let c = comparison();
        let dir = temp_dir("escapes");
        let evil = dir.join("\u{1b}]0;owned\u{7}\u{1b}[2J");
        std::fs::create_dir_all(&evil).expect("dir");
        let path = evil.join("answers.json");
        std::fs::write(&path, "{\"answers\": \"\u{1b}[31m\u{9b}1m\"}").expect("write");
        let notice = load(&path, ID, &c).notice.unwrap_or_default();
        assert!(notice.contains("damaged"), "{notice}");
        assert!(!notice.chars().any(char::is_control), "{notice:?}");
        let other = r#"{"version": 2, "identity": "elsewhere", "answers": {}}"#;
        std::fs::write(&path, other).expect("write");
        let notice = load(&path, ID, &c).notice.unwrap_or_default();
        assert!(notice.contains("another comparison") && !notice.chars().any(char::is_control), "{notice:?}");
        cleanup(&dir);
    }

    #[test]
    fn a_title_change_does_not_matter_to_a_version_2_file() {
        let c = comparison();
        let dir = temp_dir("title");
        let path = dir.join("answers.json");
        let mut saved = blank(&c);
        saved.answers[1] = Some(0);
        save(&path, ID, &c, &saved, None).expect("saved");
        let mut renamed = c.clone();
        renamed.title = Line::new("Django versus Flask");
        assert_eq!(load(&path, ID, &renamed).saved.map(|s| s.answers), Some(saved.answers));
        cleanup(&dir);
    }
}
