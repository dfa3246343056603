//! Sources: git repositories of comparisons, cloned with the user's own
//! `git` into `$XDG_DATA_HOME/versus/sources/NAME`. A source's comparisons
//! are the RON files at its top level or under `comparisons/`, named
//! `NAME/comparison` everywhere a name is accepted. Nothing here runs at
//! start-up: only `versus source add` and `versus update` reach the network.
//!
//! A repository is untrusted: it is cloned with `core.symlinks=false` (a
//! link arrives as a small text file, never pointing elsewhere), only
//! regular files are listed, git never prompts, and a clone is only ever
//! fast-forwarded — a diverged or edited clone is left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::data::{self, Comparison};

/// The data format this versus reads; a source may pin the one it needs in
/// `versus.ron` at its top (`(format: 1)`).
pub const FORMAT: u32 = 1;

/// Where the sources are cloned.
pub fn dir() -> Option<PathBuf> {
    crate::xdg::versus_dir_from(crate::xdg::Base::Data, std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
        .map(|d| d.join("sources"))
}

/// A source's name: letters, digits, `-` and `_`, not starting with `-`, at most 64.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

/// One source, as `versus source list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Info {
    pub name: String,
    pub url: String,
    pub commit: String,
    pub date: String,
    pub comparisons: usize,
    /// Why it cannot be used, when it cannot (a newer format, a broken clone).
    pub error: Option<String>,
}

/// The comparisons of the source cloned at `root`: (name without `.ron`, path),
/// sorted; regular files only, links and hidden files skipped.
pub fn comparisons_in(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in [root.to_path_buf(), root.join("comparisons")] {
        let Ok(read) = std::fs::read_dir(&dir) else { continue };
        for entry in read.flatten().take(10_000) {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".ron")) else {
                continue;
            };
            let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
            if regular && !name.starts_with('.') && valid_name(name) && !out.iter().any(|(n, _)| n == name) {
                out.push((name.to_string(), path));
            }
        }
    }
    out.sort();
    out
}

/// The sources cloned, by name, sorted.
pub fn names() -> Vec<String> {
    let Some(dir) = dir() else { return Vec::new() };
    let Ok(read) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> = read
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| valid_name(n))
        .collect();
    names.sort();
    names
}

/// The comparison `NAME/comparison`, when the source and the file exist.
pub fn find(source: &str, comparison: &str) -> Option<PathBuf> {
    if !valid_name(source) || !valid_name(comparison) {
        return None;
    }
    let root = dir()?.join(source);
    comparisons_in(&root).into_iter().find(|(n, _)| n == comparison).map(|(_, p)| p)
}

/// How long git may take: a clone or a fetch over the network, and anything else.
const NETWORK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);
const LOCAL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// `git` with prompts off, the transports a repository is fetched over
/// (file, git, http(s), ssh: never `ext::` or `fd::`) and the user's config,
/// run in `dir` when given; its stdout on success, else its first stderr
/// line. A git that does not finish in time (a server that accepts and never
/// answers) is stopped: one line, and nothing is left half done by versus.
fn git(dir: Option<&Path>, args: &[&str]) -> Result<String, String> {
    let mut command = Command::new("git");
    if let Some(dir) = dir {
        command.arg("-C").arg(dir);
    }
    let network = args.iter().any(|a| matches!(*a, "clone" | "fetch"));
    let limit = if network { NETWORK_TIMEOUT } else { LOCAL_TIMEOUT };
    if std::env::var_os("GIT_SSH_COMMAND").is_none() {
        // ssh never asks either, and gives up on a host that does not answer.
        command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes -o ConnectTimeout=30");
    }
    let mut child = command
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ASKPASS", "")
        .env("SSH_ASKPASS", "")
        .env("GIT_ALLOW_PROTOCOL", "file:git:http:https:ssh")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git ({e}); versus uses the git program you have: install it"))?;
    // Read both pipes beside the wait, so a full pipe never stops git.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = std::io::Read::read_to_end(&mut p, &mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("git did not finish within {} s; stopped", limit.as_secs()));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
            Err(e) => return Err(format!("git: {e}")),
        }
    };
    let out = std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    };
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("git failed");
        Err(data::printable(&data::clip(line, 300)))
    }
}

/// Refuses a source that pins a data format newer than this versus reads.
fn check_format(root: &Path) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Pin {
        format: u32,
    }
    let path = root.join("versus.ron");
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file()) {
        return Ok(());
    }
    let bytes =
        crate::fsio::read(&path, 64 * 1024, crate::fsio::Links::Refuse).map_err(|e| format!("versus.ron: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let pin: Pin = ron::from_str(&text)
        .map_err(|e| format!("versus.ron: expected (format: N): {}", data::printable(&e.code.to_string())))?;
    if pin.format > FORMAT {
        return Err(format!(
            "it needs data format {}; this versus ({}) reads format {FORMAT}: update versus to read it",
            pin.format,
            env!("CARGO_PKG_VERSION")
        ));
    }
    Ok(())
}

/// Clones `url` (a git URL or a local path) as source `name`, at `reference`
/// when given; nothing is left behind when it fails.
pub fn add(name: &str, url: &str, reference: Option<&str>) -> Result<Info, String> {
    if !valid_name(name) {
        return Err(format!(
            "\"{}\" cannot name a source: use letters, digits, - and _ (at most 64)",
            data::printable(name)
        ));
    }
    let root = dir().ok_or("no data directory (set XDG_DATA_HOME or HOME)")?;
    let target = root.join(name);
    if std::fs::symlink_metadata(&target).is_ok() {
        return Err(format!("a source named {name} exists already: versus source remove {name} first"));
    }
    std::fs::create_dir_all(&root).map_err(|e| format!("{}: {e}", data::printable(&root.display().to_string())))?;
    let target_arg = target.display().to_string();
    let mut args = vec!["-c", "core.symlinks=false", "clone", "--quiet", "--no-recurse-submodules"];
    if let Some(r) = reference {
        args.extend(["--branch", r]);
    }
    args.extend(["--", url, &target_arg]);
    let cloned = git(None, &args).and_then(|_| git(Some(&target), &["config", "core.symlinks", "false"]));
    let checked = cloned.and_then(|_| check_format(&target));
    if let Err(why) = checked {
        let _ = std::fs::remove_dir_all(&target);
        return Err(why);
    }
    Ok(info(name))
}

/// Removes source `name` and its clone.
pub fn remove(name: &str) -> Result<(), String> {
    let target = dir().filter(|_| valid_name(name)).map(|d| d.join(name));
    match target {
        Some(t) if t.is_dir() => std::fs::remove_dir_all(&t)
            .map_err(|e| format!("cannot remove {}: {e}", data::printable(&t.display().to_string()))),
        _ => Err(format!("no source named {}; versus source list shows them", data::printable(name))),
    }
}

/// What `versus source list` says of source `name`.
pub fn info(name: &str) -> Info {
    let root = dir().unwrap_or_default().join(name);
    let at = |args: &[&str]| git(Some(&root), args);
    let mut error = check_format(&root).err();
    let commit = at(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|e| {
        error.get_or_insert(e);
        String::new()
    });
    Info {
        name: name.to_string(),
        url: at(&["remote", "get-url", "origin"]).unwrap_or_default(),
        date: at(&["log", "-1", "--format=%cs"]).unwrap_or_default(),
        comparisons: comparisons_in(&root).len(),
        commit,
        error,
    }
}

/// What an update did to one source.
#[derive(Debug)]
pub enum Updated {
    /// Nothing new upstream.
    Current,
    /// Fast-forwarded from `old` to `new`; each comparison that changed,
    /// with its version before (None: new in this update) and after (None: removed).
    Forward { old: String, new: String, changed: Vec<(String, Option<Comparison>, Option<Comparison>)> },
}

/// Fetches source `name` and fast-forwards it; a diverged or edited clone
/// is left alone, with why.
pub fn update(name: &str) -> Result<Updated, String> {
    let root = dir().filter(|_| valid_name(name)).map(|d| d.join(name)).filter(|d| d.is_dir());
    let root =
        root.ok_or_else(|| format!("no source named {}; versus source list shows them", data::printable(name)))?;
    let at = |args: &[&str]| git(Some(&root), args);
    if !at(&["status", "--porcelain", "--untracked-files=no"])?.is_empty() {
        return Err("its clone has local changes; left alone (commit or discard them, then update)".into());
    }
    at(&["fetch", "--quiet", "--no-recurse-submodules", "origin"])
        .map_err(|e| format!("cannot fetch ({e}); nothing changed"))?;
    let old = at(&["rev-parse", "HEAD"])?;
    let upstream = at(&["rev-parse", "@{upstream}"]).map_err(|e| format!("it follows no branch ({e}); left alone"))?;
    if old == upstream {
        return Ok(Updated::Current);
    }
    if at(&["merge-base", "--is-ancestor", "HEAD", "@{upstream}"]).is_err() {
        return Err("its history has diverged from upstream; left alone (versus only fast-forwards)".into());
    }
    let before: Vec<(String, Option<Comparison>)> = comparisons_in(&root)
        .into_iter()
        .map(|(n, p)| {
            let relative = p.strip_prefix(&root).map(|r| r.display().to_string()).unwrap_or_default();
            (n, show(&root, &old, &relative).ok().and_then(|t| data::load_str(&t, &relative).ok()))
        })
        .collect();
    at(&["merge", "--ff-only", "--quiet", "@{upstream}"])?;
    if let Err(why) = check_format(&root) {
        // A newer format arrived: go back to what worked.
        let _ = at(&["reset", "--hard", "--quiet", &old]);
        return Err(why);
    }
    let new = at(&["rev-parse", "HEAD"])?;
    let after: Vec<(String, Option<Comparison>)> =
        comparisons_in(&root).into_iter().map(|(n, p)| (n, data::load_file(&p).ok())).collect();
    let mut changed = Vec::new();
    for (n, old_c) in &before {
        let new_c = after.iter().find(|(m, _)| m == n).and_then(|(_, c)| c.clone());
        if *old_c != new_c {
            changed.push((n.clone(), old_c.clone(), new_c));
        }
    }
    for (n, c) in after.iter().filter(|(n, _)| !before.iter().any(|(m, _)| m == n)) {
        changed.push((n.clone(), None, c.clone()));
    }
    changed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Updated::Forward { old: old[..old.len().min(9)].to_string(), new: new[..new.len().min(9)].to_string(), changed })
}

/// The text of `SOURCE/comparison` at git `reference` (a commit, a tag,
/// `HEAD~1`): for `versus diff NAME@REF NAME`.
pub fn text_at(name: &str, reference: &str) -> Result<String, String> {
    let (source, comparison) = name
        .split_once('/')
        .ok_or_else(|| format!("{name}@{reference}: name a source's comparison as SOURCE/comparison@REF"))?;
    let path =
        find(source, comparison).ok_or_else(|| format!("no comparison {name} in your sources (versus source list)"))?;
    let root = dir().unwrap_or_default().join(source);
    let relative = path.strip_prefix(&root).map(|r| r.display().to_string()).unwrap_or_default();
    if reference.starts_with('-') || reference.contains(':') {
        return Err(format!("{}: not a git revision", data::printable(reference)));
    }
    show(&root, reference, &relative)
}

/// A file's text at a git revision, refused unread when it is larger than
/// a comparison may be (git would hand over the whole of it).
fn show(root: &Path, revision: &str, relative: &str) -> Result<String, String> {
    let object = format!("{revision}:{relative}");
    let size: u64 =
        git(Some(root), &["cat-file", "-s", &object])?.parse().map_err(|_| format!("{object}: not a file"))?;
    if size > data::MAX_FILE_BYTES {
        return Err(format!(
            "{}: {size} bytes, over the {} a comparison may have",
            data::printable(&object),
            data::MAX_FILE_BYTES
        ));
    }
    git(Some(root), &["cat-file", "blob", &object])
}
