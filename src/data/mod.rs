//! Everything between a RON file and a validated, in-memory comparison.

use std::path::Path;

mod head;
mod load;
mod model;
mod per_subject;
mod text;
mod validate;

pub use head::{Head, MAX_HEAD_BYTES, load_head};
pub use load::{
    InvalidError, LoadError, MAX_FILE_BYTES, SNIPPET_RADIUS, SyntaxError, load_bytes, load_file, load_str, printable,
};
pub use model::*;
pub use per_subject::PerSubject;
pub use text::{Line, Text, clip, count, escape_json, is_invisible, lookalike_key, sanitize, sanitize_line};
pub use validate::{
    MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_PROBLEMS, MAX_SUBJECTS, Problem, Problems, find_problems, validate,
};

/// The shipped comparisons, compiled into the binary so `versus` needs no files.
pub const BUILTIN: &[(&str, &str)] = &[
    ("django-vs-flask", include_str!("../../data/django-vs-flask.ron")),
    ("django-vs-flask-vs-fastapi", include_str!("../../data/django-vs-flask-vs-fastapi.ron")),
];

/// The name of the comparison opened when no `--data` is given.
pub const DEFAULT: &str = "django-vs-flask";

/// Loads a shipped comparison by name (e.g. `django-vs-flask`).
pub fn load_builtin(name: &str) -> Option<Result<Comparison, LoadError>> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(n, src)| load_str(src, &format!("<built-in {n}>")))
}

/// The default comparison, parsed and validated when versus was built
/// (see build.rs): decoding it is several times faster than parsing RON.
const DEFAULT_PARSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/django-vs-flask.postcard"));

/// The shipped comparison `--data` names, if it names one (no file of that
/// name exists): what identifies its saved answers, whatever its title.
pub fn shipped_name(data: Option<&Path>) -> Option<&'static str> {
    match data {
        None => Some(DEFAULT),
        Some(path) if path.exists() => None,
        Some(path) => BUILTIN.iter().map(|(n, _)| *n).find(|n| path.to_str() == Some(n)),
    }
}

/// What `--data` names: nothing (the default), a file, or a shipped comparison
/// by name when no file of that name exists.
pub fn open(data: Option<&Path>) -> Result<Comparison, LoadError> {
    let name = match data {
        // Falls back to parsing the RON should the bytes ever not decode.
        None => match postcard::from_bytes::<Comparison>(DEFAULT_PARSED) {
            Ok(c) => return Ok(c),
            Err(_) => DEFAULT,
        },
        Some(path) if path.exists() => return load_file(path),
        Some(path) => match path.to_str() {
            Some(name) if BUILTIN.iter().any(|(n, _)| *n == name) => name,
            _ => return load_file(path),
        },
    };
    let (n, src) = BUILTIN.iter().find(|(n, _)| *n == name).unwrap_or(&BUILTIN[0]);
    load_str(src, &format!("<built-in {n}>"))
}
