//! `versus new NAME`: a starter file in the user's comparisons directory.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{shipped, starter, user_dir};
use crate::data::{self, MAX_NAME_CHARS, MAX_SUBJECTS};

/// Why no file was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error(
        "\"{0}\" cannot name a comparison: use letters, digits, '-', '_' and '.', at most 64, not starting with '.' or '-'{1}"
    )]
    BadName(String, String),
    #[error("\"{0}\" is a shipped comparison; choose another name")]
    Shipped(String),
    #[error("{0} already exists; open it with --data, or choose another name")]
    Exists(String),
    #[error("{0}")]
    Subjects(String),
    #[error("no place for your comparisons: set XDG_DATA_HOME or HOME to an absolute path")]
    NoDirectory,
    #[error("cannot write {path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// Writes the starter comparison `NAME.ron` into the user's directory (made
/// if missing) and returns its path. The subjects are `subjects`, or else
/// read from a name of the form `a-vs-b[-vs-c…]`. Never overwrites a file.
pub fn create(name: &str, subjects: Option<&str>) -> Result<PathBuf, NewError> {
    let dir = user_dir().ok_or(NewError::NoDirectory)?;
    create_in(&dir, name, subjects)
}

fn create_in(dir: &Path, name: &str, subjects: Option<&str>) -> Result<PathBuf, NewError> {
    let name = name.strip_suffix(".ron").unwrap_or(name);
    let valid = !name.is_empty()
        && name.chars().count() <= 64
        && !name.starts_with(['.', '-'])
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        let hint = if split_vs(name).len() > 1 && !name.contains(['/', '\\']) {
            let subjects = data::printable(&split_vs(name).join(","));
            format!("; name it with letters and '-', and give the subjects apart: --subjects \"{subjects}\"")
        } else {
            String::new()
        };
        return Err(NewError::BadName(data::printable(name), hint));
    }
    if shipped().any(|n| n.name == name) {
        return Err(NewError::Shipped(name.to_string()));
    }
    let subjects = subject_names(name, subjects)?;
    let title = subjects.join(" vs ");
    let text = starter(&title, &subjects);
    let path = dir.join(format!("{name}.ron"));
    let shown = || data::printable(&path.display().to_string());
    std::fs::create_dir_all(dir)
        .map_err(|error| NewError::Io { path: data::printable(&dir.display().to_string()), error })?;
    // create_new: never over an existing file, nor through a link planted there.
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(NewError::Exists(shown())),
        Err(error) => return Err(NewError::Io { path: shown(), error }),
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|error| NewError::Io { path: shown(), error })?;
    Ok(path)
}

/// The subjects' names: from `--subjects a,b,c`, else from a NAME like
/// `rust-vs-go` (each part with a capital first letter).
fn subject_names(name: &str, given: Option<&str>) -> Result<Vec<String>, NewError> {
    let names: Vec<String> = match given {
        Some(list) => list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        None => {
            let parts = split_vs(name);
            if parts.len() < 2 {
                return Err(NewError::Subjects(format!(
                    "name the subjects: versus new {name} --subjects A,B (or call it a-vs-b)"
                )));
            }
            parts.iter().map(|p| capitalised(&p.replace(['-', '_'], " "))).collect()
        }
    };
    if names.len() < 2 || names.len() > MAX_SUBJECTS {
        return Err(NewError::Subjects(format!(
            "a comparison has 2 to {MAX_SUBJECTS} subjects; --subjects gave {}",
            names.len()
        )));
    }
    let shown = |n: &str| data::printable(&n.escape_debug().to_string());
    for (i, n) in names.iter().enumerate() {
        // What the loader would strip (escapes, controls, direction overrides) cannot be in a name.
        if data::sanitize_line(n) != *n || n.chars().count() > MAX_NAME_CHARS {
            return Err(NewError::Subjects(format!(
                "\"{}\" cannot name a subject: no control or direction characters, at most {MAX_NAME_CHARS} characters",
                shown(n)
            )));
        }
        // As `versus check` will: names that read the same are one subject twice.
        if names[..i].iter().any(|m| data::lookalike_key(m) == data::lookalike_key(n)) {
            return Err(NewError::Subjects(format!(
                "\"{}\" is named twice; a comparison needs different subjects",
                shown(n)
            )));
        }
    }
    Ok(names)
}

/// The parts of a name like `rust-vs-go`, `Rust_VS_Go` or `a-vs-b-vs-c`.
fn split_vs(name: &str) -> Vec<String> {
    let lower = name.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 4 <= lower.len() {
        // Bytes, not a str slice: a name may have multi-byte characters anywhere.
        let sep = &lower.as_bytes()[i..i + 4];
        if sep == b"-vs-" || sep == b"_vs_" {
            parts.push(name[start..i].to_string());
            start = i + 4;
            i += 4;
        } else {
            i += 1;
        }
    }
    parts.push(name[start..].to_string());
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(tag: &str) -> PathBuf {
        std::env::temp_dir().join(format!("versus-new-{tag}-{}", std::process::id()))
    }

    #[test]
    fn subjects_come_from_the_flag_or_the_name() {
        assert_eq!(subject_names("rust-vs-go", None).unwrap(), ["Rust", "Go"]);
        assert_eq!(subject_names("Rust-VS-Go", None).unwrap(), ["Rust", "Go"]);
        assert_eq!(subject_names("postgres_vs_mysql", None).unwrap(), ["Postgres", "Mysql"]);
        assert!(matches!(subject_names("a-vs-a", None), Err(NewError::Subjects(_))));
        assert_eq!(split_vs("日本-vs-ça"), ["日本", "ça"]);
        assert!(matches!(subject_names("x", Some("A,a")), Err(NewError::Subjects(_))));
        assert_eq!(subject_names("x", Some(" Vue , React,, Svelte ")).unwrap(), ["Vue", "React", "Svelte"]);
        assert!(matches!(subject_names("mine", None), Err(NewError::Subjects(_))));
        assert!(matches!(subject_names("x", Some("one")), Err(NewError::Subjects(_))));
        assert!(matches!(subject_names("x", Some("a,b\u{1b}]0;x")), Err(NewError::Subjects(_))));
        // Names `versus check` would refuse as look-alikes, refused before a file is written.
        for twice in ["Tea,T\u{200b}ea", "Tea,Ｔｅａ", "Tea,tea\u{2060}"] {
            let e = subject_names("x", Some(twice)).unwrap_err().to_string();
            assert!(e.contains("is named twice") && !e.contains('\u{200b}'), "{twice:?}: {e}");
        }
        let e = subject_names("x", Some("Tea,\u{202e}Tea")).unwrap_err().to_string();
        assert!(e.contains("\"\\u{202e}Tea\" cannot name a subject"), "{e}");
    }

    #[test]
    fn a_new_file_loads_and_is_never_written_twice() {
        let dir = temp("twice");
        let path = create_in(&dir, "rust-vs-go", None).unwrap();
        assert_eq!(path, dir.join("rust-vs-go.ron"));
        let c = data::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.title.as_str(), "Rust vs Go");
        assert!(matches!(create_in(&dir, "rust-vs-go", None), Err(NewError::Exists(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_and_shipped_names_are_refused() {
        let dir = temp("bad");
        for bad in ["", "../x", "a/b", ".hidden", "-x", "a b", "x\u{1b}"] {
            assert!(matches!(create_in(&dir, bad, Some("a,b")), Err(NewError::BadName(..))), "{bad:?}");
        }
        assert!(matches!(create_in(&dir, "django-vs-flask", None), Err(NewError::Shipped(_))));
        assert!(!dir.exists());
    }
}
