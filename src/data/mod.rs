//! Everything between a RON file and a validated, in-memory comparison.

pub mod date;
mod head;
mod load;
mod model;
mod per_subject;
mod text;
mod validate;

pub(crate) use head::{Head, load_head};
pub(crate) use load::printable;
pub use load::{LoadError, MAX_FILE_BYTES, SNIPPET_RADIUS, load_bytes, load_file, load_str};
pub use model::*;
pub use per_subject::PerSubject;
pub use text::{Line, Text, count, sanitize_line};
pub(crate) use text::{clip, escape_json, lookalike_key, sanitize};
pub(crate) use validate::MAX_LINE_CHARS;
pub use validate::{MAX_NAME_CHARS, MAX_PROBLEMS, MAX_SUBJECTS, Problem, validate};

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

/// The comparison versus opens with no `--data` (`catalogue::resolve`
/// names the others), decoded from what build.rs parsed; parsed from its RON
/// should the bytes ever not decode.
pub fn default_comparison() -> Result<Comparison, LoadError> {
    match postcard::from_bytes::<Comparison>(DEFAULT_PARSED) {
        Ok(c) => Ok(c),
        Err(_) => load_builtin(DEFAULT).unwrap_or_else(|| load_str("", "<built-in>")),
    }
}
