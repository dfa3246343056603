//! Every comparison the user can open, by one kind of name: the shipped
//! ones (compiled in), the user's own (`$XDG_DATA_HOME/versus/comparisons/
//! NAME.ron`, else `~/.local/share/…`), and any file by its path. Every
//! command resolves its argument here, so a name that works in one works in
//! all, and an unknown one gets the list of names that exist.

mod new;
mod starter;

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

pub use new::NewError;
pub use new::create;
pub use starter::starter;

use crate::data::{self, Comparison, LoadError};
use crate::record;

/// Where a comparison comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Compiled into versus.
    Shipped,
    /// A file in the user's comparisons directory.
    User,
    /// A file named by its path.
    File,
    /// A file of a source (a git repository of comparisons), named `SOURCE/comparison`.
    Source,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Shipped => "shipped",
            Kind::User => "yours",
            Kind::File => "file",
            Kind::Source => "source",
        }
    }
}

/// A comparison, named: what to load and how to refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The name to type: a shipped or user comparison's name, or the path as given.
    pub name: String,
    pub kind: Kind,
    /// The file, for user comparisons and files.
    pub path: Option<PathBuf>,
}

impl Named {
    /// The comparison `versus` opens with no `--data`.
    pub fn default_comparison() -> Named {
        Named { name: data::DEFAULT.to_string(), kind: Kind::Shipped, path: None }
    }

    /// Loads and validates it.
    pub fn load(&self) -> Result<Comparison, LoadError> {
        match &self.path {
            Some(path) => data::load_file(path),
            None if self.name == data::DEFAULT => data::default_comparison(),
            // Only the shipped list makes a Named without a path; a name not in it is an error, never another comparison.
            None => data::load_builtin(&self.name).unwrap_or_else(|| {
                Err(LoadError::Io { path: data::printable(&self.name), error: std::io::ErrorKind::NotFound.into() })
            }),
        }
    }

    /// The shipped comparison's name, if it is one: what identifies its saved answers.
    pub fn shipped(&self) -> Option<&str> {
        (self.kind == Kind::Shipped).then_some(self.name.as_str())
    }

    /// How messages name it: a user comparison by its name, anything else as
    /// `--data` would (a shipped name or a path).
    pub fn shown(&self) -> String {
        match self.kind {
            Kind::User | Kind::Source => self.name.clone(),
            _ => self.origin(),
        }
    }

    /// What a decision record names as its data, so `versus recheck` finds it
    /// again: the shipped name, or the file's path.
    pub fn origin(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => self.name.clone(),
        }
    }
}

impl Named {
    /// How a decision record names it, so `versus recheck` finds it again
    /// through the catalogue: never by path (a file given by path is named
    /// by its file name, and rechecking it needs `--data`).
    pub(crate) fn record_identity(&self) -> record::Identity {
        let (comparison, from) = match (self.kind, &self.path) {
            (Kind::Shipped, _) => (self.name.clone(), record::From::Shipped),
            (Kind::User, _) => (self.name.clone(), record::From::Yours),
            (Kind::Source, _) => (self.name.clone(), record::From::Source),
            (Kind::File, Some(path)) => {
                let stem = path.file_stem().map_or_else(|| self.name.clone(), |s| s.to_string_lossy().into_owned());
                (stem, record::From::File)
            }
            (Kind::File, None) => (self.name.clone(), record::From::File),
        };
        record::Identity { comparison, from }
    }
}

/// The comparison a decision record names, found in the catalogue: a
/// shipped one by name, or one of the user's by name in their folder. A
/// record never makes versus open a path; a record of a file given by path,
/// or a name the catalogue does not have, is an error saying to pass `--data`.
pub(crate) fn for_record(identity: &record::Identity) -> Result<Named, String> {
    let name = &identity.comparison;
    let shown = data::printable(name);
    match identity.from {
        record::From::Shipped => shipped().find(|n| &n.name == name).ok_or_else(|| {
            format!("the record was made from the shipped comparison \"{shown}\", which this versus does not have; give it with --data")
        }),
        record::From::Yours => user_named(name).ok_or_else(|| {
            format!("the record was made from your comparison \"{shown}\", which is not in your comparisons folder; give it with --data")
        }),
        record::From::Source => source_named(name).ok_or_else(|| {
            format!("the record was made from \"{shown}\" of a source you do not have (versus source add); give it with --data")
        }),
        record::From::File => Err(format!(
            "the record was made from the file {shown}.ron, given by its path; versus opens no path a record names: give it with --data FILE"
        )),
    }
}

/// The user's comparison of this name, looked up directly so that every
/// file opens by name, however many there are. Any name the listing shows
/// opens, except one that could leave the folder (a path separator) or that
/// has control characters; anything at the path but a folder counts, so a
/// pipe or a broken link says what is wrong with it rather than "no such name".
fn user_named(name: &str) -> Option<Named> {
    if name.chars().any(|c| std::path::is_separator(c) || c.is_control()) {
        return None;
    }
    let path = user_dir()?.join(format!("{name}.ron"));
    (std::fs::symlink_metadata(&path).is_ok() && is_comparison_file(name, &path)).then(|| Named {
        name: name.to_string(),
        kind: Kind::User,
        path: Some(path),
    })
}

/// `SOURCE/comparison`, when that source has that comparison.
fn source_named(name: &str) -> Option<Named> {
    let (source, comparison) = name.split_once('/')?;
    let path = crate::sources::find(source, comparison)?;
    Some(Named { name: name.to_string(), kind: Kind::Source, path: Some(path) })
}

/// Every comparison of every source, as `SOURCE/comparison`.
fn source_files() -> Vec<Named> {
    let Some(root) = crate::sources::dir() else { return Vec::new() };
    crate::sources::names()
        .into_iter()
        .flat_map(|s| {
            crate::sources::comparisons_in(&root.join(&s)).into_iter().map(move |(n, path)| Named {
                name: format!("{s}/{n}"),
                kind: Kind::Source,
                path: Some(path),
            })
        })
        .collect()
}

/// Whether `NAME.ron` at `path` is a comparison of the user's: not hidden
/// (editors' swap and backup files are) and not a folder. A link that leads
/// nowhere counts: opening or listing it says so.
fn is_comparison_file(name: &str, path: &Path) -> bool {
    !name.is_empty() && !name.starts_with('.') && !path.is_dir()
}

/// A name that is neither a file, a shipped comparison nor one of the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub given: String,
    /// Every name that would have worked.
    pub names: Vec<String>,
    /// The closest of them, when one is close.
    pub closest: Option<String>,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no comparison or file named \"{}\"", data::printable(&self.given))?;
        if let Some(closest) = &self.closest {
            write!(f, "; did you mean \"{}\"?", data::printable(closest))?;
        }
        // At most a few dozen, however many a folder or a source holds.
        const SHOWN: usize = 24;
        let names: Vec<String> = self.names.iter().take(SHOWN).map(|n| data::printable(n)).collect();
        let more = match self.names.len().saturating_sub(SHOWN) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        write!(f, "\nThe comparisons: {}{more} (versus list shows them all).", names.join(", "))
    }
}

impl std::error::Error for Unknown {}

/// The user's comparisons directory: `$XDG_DATA_HOME/versus/comparisons` when
/// XDG_DATA_HOME is set and absolute (a relative one is ignored, as the XDG
/// spec says), else `$HOME/.local/share/versus/comparisons`.
pub(crate) fn user_dir() -> Option<PathBuf> {
    user_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

fn user_dir_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    crate::xdg::versus_dir_from(crate::xdg::Base::Data, xdg_data_home, home).map(|dir| dir.join("comparisons"))
}

/// The most user files listed: a directory of many thousands is a mistake,
/// and the listing stays bounded. Any file opens by name however many there are.
pub(crate) const MAX_USER_FILES: usize = 2000;

/// The user's comparison files, sorted by name: `*.ron` regular files (or
/// links to them) in [`user_dir`], at most [`MAX_USER_FILES`], and how many
/// more there were.
pub(crate) fn user_files() -> (Vec<Named>, usize) {
    let Some(dir) = user_dir() else { return (Vec::new(), 0) };
    user_files_in(&dir)
}

fn user_files_in(dir: &Path) -> (Vec<Named>, usize) {
    let Ok(read) = std::fs::read_dir(dir) else { return (Vec::new(), 0) };
    let mut found: Vec<Named> = read
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".ron")?.to_string();
            is_comparison_file(&name, &path).then_some(Named { name, kind: Kind::User, path: Some(path) })
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    let more = found.len().saturating_sub(MAX_USER_FILES);
    found.truncate(MAX_USER_FILES);
    (found, more)
}

/// The shipped comparisons.
pub fn shipped() -> impl Iterator<Item = Named> {
    data::BUILTIN.iter().map(|(n, _)| Named { name: n.to_string(), kind: Kind::Shipped, path: None })
}

/// What `arg` names, the way every command reads `--data` and `check`'s
/// arguments: none is the default comparison. Something that looks like a
/// path (it has a `/` or ends in `.ron`) is that file when it exists. A bare
/// word is a shipped comparison's name, then a user comparison's (with or
/// without `.ron`), and only then a file of that name in the current
/// directory, so a folder or stray file named like a comparison never takes
/// its place. Anything else that looks like a path is a file (its error will
/// say it cannot be read); any other bare word is an [`Unknown`] name.
pub fn resolve(arg: Option<&Path>) -> Result<Named, Unknown> {
    let Some(arg) = arg else { return Ok(Named::default_comparison()) };
    let as_file = || Named { name: arg.display().to_string(), kind: Kind::File, path: Some(arg.to_path_buf()) };
    let Some(text) = arg.to_str() else { return Ok(as_file()) };
    let looks_like_path = text.contains(std::path::MAIN_SEPARATOR) || text.contains('/') || text.ends_with(".ron");
    if looks_like_path && arg.exists() {
        return Ok(as_file());
    }
    if let Some(named) = shipped().find(|n| n.name == text) {
        return Ok(named);
    }
    let stem = text.strip_suffix(".ron").unwrap_or(text);
    if let Some(named) = user_named(stem) {
        return Ok(named);
    }
    if let Some(named) = source_named(stem) {
        return Ok(named);
    }
    let (user, _) = user_files();
    if looks_like_path || arg.is_file() {
        return Ok(as_file());
    }
    let mut names: Vec<String> = shipped()
        .chain(user)
        .chain(source_files())
        .map(|n| n.name)
        .filter(|n| !n.chars().any(char::is_control))
        .collect();
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    let closest = closest(text, &names);
    Err(Unknown { given: text.to_string(), names, closest })
}

/// The name the user most likely meant: the one that has the most of the
/// subjects they typed ("django-vs-fastapi" means the three-way file, not
/// django-vs-flask), then the nearest by edit distance; none when nothing
/// is near enough to be a slip.
fn closest(given: &str, names: &[String]) -> Option<String> {
    let given = given.to_lowercase();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && *w != "vs").map(String::from).collect()
    };
    let wanted = words(&given);
    names
        .iter()
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let has = words(&lower);
            let missing = wanted.iter().filter(|w| !has.contains(w)).count();
            let distance = strsim::levenshtein(&given, &lower);
            let near = distance <= (lower.chars().count() / 3).max(2);
            // Containment and shared words count only when they are words, not a letter or two.
            let related = (lower.len() >= 3 && given.contains(&lower))
                || (given.len() >= 3 && lower.contains(&given))
                || wanted.iter().any(|w| w.len() >= 3 && has.contains(w));
            (near || related).then_some((missing, distance, n))
        })
        .min_by_key(|(missing, distance, _)| (*missing, *distance))
        .map(|(_, _, n)| n.clone())
}

/// One comparison of the catalogue, with what it holds or why it cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub named: Named,
    /// Its title and subjects' names, or the error (one line, sanitized).
    pub content: Result<Summary, String>,
    /// A user comparison whose name a shipped one already has: it opens by path only.
    pub shadowed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub title: String,
    pub subjects: Vec<String>,
}

impl Summary {
    pub(crate) fn of_head(head: data::Head) -> Summary {
        Summary { title: head.title, subjects: head.subjects }
    }

    pub fn of(c: &Comparison) -> Summary {
        Summary {
            title: data::sanitize_line(&c.title),
            subjects: c.subjects.iter().map(|s| data::sanitize_line(&s.name)).collect(),
        }
    }
}

/// Everything the user can open: the shipped comparisons, then the user's,
/// each with its title and subjects (read from the head of its file only:
/// opening or `versus check` reads the rest) or why it cannot be opened (a
/// broken file never hides the others); and how many user files were left out.
pub fn list() -> (Vec<Listed>, usize) {
    let mut listed = Vec::new();
    let more = list_each(&mut |l| listed.push(l));
    (listed, more)
}

/// [`list`], one comparison at a time as each is read, for a listing that
/// draws as it goes; returns how many user files were left out.
pub(crate) fn list_each(each: &mut dyn FnMut(Listed)) -> usize {
    let shipped_names: Vec<String> = shipped().map(|n| n.name).collect();
    for named in shipped() {
        let content = named.load().map(|c| Summary::of(&c)).map_err(|e| one_line(&e));
        each(Listed { named, content, shadowed: false });
    }
    let (user, more) = user_files();
    for named in user {
        let content = if named.name.chars().any(char::is_control) {
            Err("its file name has control characters; rename the file to open it by name".to_string())
        } else {
            match &named.path {
                Some(path) => data::load_head(path).map(Summary::of_head).map_err(|e| one_line(&e)),
                None => named.load().map(|c| Summary::of(&c)).map_err(|e| one_line(&e)),
            }
        };
        let shadowed = shipped_names.contains(&named.name);
        each(Listed { named, content, shadowed });
    }
    for named in source_files() {
        let content = match &named.path {
            Some(path) => data::load_head(path).map(Summary::of_head).map_err(|e| one_line(&e)),
            None => named.load().map(|c| Summary::of(&c)).map_err(|e| one_line(&e)),
        };
        each(Listed { named, content, shadowed: false });
    }
    more
}

/// A load error on one line: the first line of its message (already
/// sanitized by the loader), and how many problems followed.
pub fn one_line(e: &LoadError) -> String {
    let text = e.to_string();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_string();
    match lines.count() {
        0 => first,
        n => format!("{first} (and {})", data::count(n, "more problem", "more problems")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_directory_follows_xdg_and_ignores_relative_values() {
        let dir = user_dir_from(Some("/x/data".into()), Some("/home/u".into()));
        assert_eq!(dir, Some(PathBuf::from("/x/data/versus/comparisons")));
        let dir = user_dir_from(Some("rel".into()), Some("/home/u".into()));
        assert_eq!(dir, Some(PathBuf::from("/home/u/.local/share/versus/comparisons")));
        assert_eq!(user_dir_from(None, Some("rel".into())), None);
    }

    #[test]
    fn near_misses_find_the_name_meant() {
        let names: Vec<String> =
            ["django-vs-flask", "django-vs-flask-vs-fastapi", "rust-vs-go"].map(String::from).to_vec();
        assert_eq!(closest("django-vs-flsk", &names).as_deref(), Some("django-vs-flask"));
        assert_eq!(closest("django-vs-fastapi", &names).as_deref(), Some("django-vs-flask-vs-fastapi"));
        assert_eq!(closest("rust", &names).as_deref(), Some("rust-vs-go"));
        assert_eq!(closest("haskell-vs-ocaml", &names), None);
        let with_short = [names.clone(), vec!["x".to_string()]].concat();
        assert_eq!(closest("nonexistent-thing", &with_short), None, "one letter in common is not a match");
    }

    #[test]
    fn a_bare_word_is_a_name_before_it_is_a_folder_or_file_here() {
        // The test's working directory is the crate root, which has a `data` folder and `src`.
        assert!(Path::new("data").is_dir());
        assert!(resolve(Some(Path::new("data"))).is_err(), "a folder is not a comparison");
        let shipped = resolve(Some(Path::new("django-vs-flask"))).unwrap();
        assert_eq!(shipped.kind, Kind::Shipped);
        let file = resolve(Some(Path::new("data/django-vs-flask.ron"))).unwrap();
        assert_eq!(file.kind, Kind::File);
        assert_eq!(resolve(Some(Path::new("Cargo.toml"))).unwrap().kind, Kind::File, "an existing file by bare name");
    }

    #[test]
    fn user_files_skip_hidden_and_other_files_and_are_sorted() {
        let dir = std::env::temp_dir().join(format!("versus-catalogue-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub.ron")).unwrap();
        for f in ["b.ron", "a.ron", ".a.ron.swp", ".hidden.ron", "notes.txt", "c.ron~"] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let (files, more) = user_files_in(&dir);
        let names: Vec<&str> = files.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(more, 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
