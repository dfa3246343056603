//! The wizard's answers, kept between runs in the user's state directory
//! (`$XDG_STATE_HOME/versus`, else `~/.local/state/versus`), one JSON file per
//! comparison. Answers are stored by question and option id, so a file still
//! means the same after the data is reordered; ids that no longer exist are
//! dropped with a notice. A missing file is normal; an unreadable or corrupt
//! one is ignored with a notice. Nothing here can stop the app from starting.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::data::Comparison;

/// What was found on disk: answers (one slot per question) and, when
/// something was off, a one-line notice for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub answers: Vec<Option<usize>>,
    pub notice: Option<String>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct File {
    comparison: String,
    answers: BTreeMap<String, String>,
}

/// Where the answers for `c` live, or `None` when there is no home to put them in.
pub fn path_for(c: &Comparison) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| Path::new(&h).join(".local/state")))?;
    let slug: String = c
        .title
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    Some(base.join("versus").join(format!("answers-{slug}.json")))
}

/// Reads the saved answers for `c` from `path`.
pub fn load(path: &Path, c: &Comparison) -> Loaded {
    let questions = &c.wizard.questions;
    let mut answers = vec![None; questions.len()];
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded { answers, notice: None },
        Err(e) => {
            let notice = Some(format!("Saved answers in {} could not be read ({e}); starting afresh.", path.display()));
            return Loaded { answers, notice };
        }
    };
    let file: File = match serde_json::from_str(&text) {
        Ok(file) => file,
        Err(e) => {
            let notice = Some(format!("Saved answers in {} are damaged ({e}); starting afresh.", path.display()));
            return Loaded { answers, notice };
        }
    };
    let mut dropped = 0;
    for (question, option) in &file.answers {
        let found = questions
            .iter()
            .position(|q| q.id.as_str() == question)
            .and_then(|qi| questions[qi].options.iter().position(|o| o.id.as_str() == option).map(|oi| (qi, oi)));
        match found {
            Some((qi, oi)) => answers[qi] = Some(oi),
            None => dropped += 1,
        }
    }
    let notice =
        (dropped > 0).then(|| format!("{dropped} saved answer(s) no longer match the questions and were dropped."));
    Loaded { answers, notice }
}

/// Writes the answers for `c` to `path`, atomically: a temporary file in the
/// same directory, then a rename, so a crash leaves the old file or the new
/// one, never half of one.
pub fn save(path: &Path, c: &Comparison, answers: &[Option<usize>]) -> io::Result<()> {
    let questions = &c.wizard.questions;
    let file = File {
        comparison: c.title.to_string(),
        answers: questions
            .iter()
            .zip(answers)
            .filter_map(|(q, a)| a.and_then(|o| q.options.get(o)).map(|o| (q.id.to_string(), o.id.to_string())))
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
    write_atomically(path, &json, |f, bytes| f.write_all(bytes))
}

/// The atomic write itself, with the writing step passed in so a test can make it fail halfway.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().ok_or_else(|| io::Error::other("no directory"))?;
    std::fs::create_dir_all(dir)?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().map_or("answers".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let result = std::fs::File::create(&temp).and_then(|mut f| {
        write(&mut f, bytes)?;
        f.sync_all()
    });
    match result.and_then(|()| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comparison() -> Comparison {
        crate::data::open(None).expect("default data")
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("versus-saved-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn answers_survive_a_round_trip_by_id() {
        let c = comparison();
        let path = temp_dir("round").join("answers.json");
        let mut answers = vec![None; c.wizard.questions.len()];
        answers[0] = Some(2);
        answers[3] = Some(1);
        save(&path, &c, &answers).expect("saved");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(text.contains("\"size\": \"large\""), "{text}");
        assert_eq!(load(&path, &c), Loaded { answers, notice: None });
        let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
    }

    #[test]
    fn a_missing_file_is_no_answers_and_no_notice() {
        let c = comparison();
        let loaded = load(&temp_dir("missing").join("none.json"), &c);
        assert!(loaded.answers.iter().all(Option::is_none) && loaded.notice.is_none());
    }

    #[test]
    fn a_corrupt_file_is_ignored_with_a_notice() {
        let c = comparison();
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("answers.json");
        std::fs::write(&path, "{\"comparison\": \"Django vs Flask\", \"answ").expect("write");
        let loaded = load(&path, &c);
        assert!(loaded.answers.iter().all(Option::is_none));
        assert!(loaded.notice.as_deref().is_some_and(|n| n.contains("damaged") && n.contains("answers.json")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn answers_that_no_longer_match_the_data_are_dropped_with_a_notice() {
        let c = comparison();
        let dir = temp_dir("stale");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("answers.json");
        let json =
            r#"{"comparison": "Django vs Flask", "answers": {"size": "small", "removed": "x", "admin": "gone"}}"#;
        std::fs::write(&path, json).expect("write");
        let loaded = load(&path, &c);
        assert_eq!(loaded.answers[0], Some(0), "the answer that still matches is kept");
        assert_eq!(loaded.answers.iter().filter(|a| a.is_some()).count(), 1);
        assert_eq!(loaded.notice.as_deref(), Some("2 saved answer(s) no longer match the questions and were dropped."));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let c = comparison();
        let dir = temp_dir("atomic");
        let path = dir.join("answers.json");
        let mut answers = vec![None; c.wizard.questions.len()];
        answers[0] = Some(1);
        save(&path, &c, &answers).expect("first save");
        let before = std::fs::read(&path).expect("saved");
        let failed = write_atomically(&path, b"{\"comparison\": \"half", |f, bytes| {
            f.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).expect("still there"), before, "the old answers are intact");
        let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left: {leftovers:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_path_follows_xdg_and_names_the_comparison() {
        let c = comparison();
        let path = path_for(&c).expect("a home");
        assert!(path.ends_with("versus/answers-django-vs-flask.json"), "{}", path.display());
    }
}
