//! Reading a RON file into a validated [`Comparison`], with errors that point
//! at the file, line and column (syntax) or the path of the bad value (rules).

use std::io::Read;
use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};
use ron::extensions::Extensions;

use super::model::Comparison;
use super::validate::{Problem, validate};

/// Larger files are refused before parsing: no real comparison comes close,
/// and the limit keeps a mistaken `--data /dev/zero` from eating memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum LoadError {
    #[error("{path}: cannot read: {error}")]
    Io { path: String, error: std::io::Error },

    #[error("{path}: file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes (64 MiB)")]
    TooLarge { path: String, size: u64 },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Syntax(Box<SyntaxError>),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(InvalidError),
}

impl LoadError {
    /// `(line, column)` of a syntax error, 1-based.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax(e) => Some((e.line, e.column)),
            _ => None,
        }
    }

    /// The rule violations, for a file that parsed but broke the rules.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid(e) => &e.problems,
            _ => &[],
        }
    }
}

/// The file is not well-formed RON, or does not have the shape of a comparison.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{origin}:{line}:{column}: {message}")]
#[diagnostic(code(versus::syntax), help("the data format is described in README.md, section \"The data format\""))]
pub struct SyntaxError {
    pub origin: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{message}")]
    span: SourceSpan,
}

/// The file parsed, but some values break the rules of the format.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{}", render_problems(origin, problems))]
#[diagnostic(code(versus::invalid))]
pub struct InvalidError {
    pub origin: String,
    pub problems: Vec<Problem>,
}

fn render_problems(origin: &str, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{origin}: {p}")).collect();
    lines.join("\n")
}

/// Loads a comparison from a file on disk.
pub fn load_file(path: &Path) -> Result<Comparison, LoadError> {
    let shown = path.display().to_string();
    let io = |error| LoadError::Io { path: shown.clone(), error };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: shown, size });
    }
    // Read at most one byte past the limit: the metadata size of a pipe or
    // special file says nothing about how much it will yield.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: shown, size: bytes.len() as u64 });
    }
    load_bytes(&bytes, &shown)
}

/// Loads a comparison from bytes that should be UTF-8 RON; `origin` names them in errors.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Comparison, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(src) => load_str(src, origin),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = 1 + valid.matches('\n').count();
            let column = 1 + valid.rsplit('\n').next().unwrap_or("").chars().count();
            let shown = String::from_utf8_lossy(bytes).into_owned();
            Err(syntax_error(origin, &shown, line, column, 1, "expected UTF-8 text; found an invalid byte".into()))
        }
    }
}

/// Loads a comparison from RON source text; `origin` names it in errors.
pub fn load_str(src: &str, origin: &str) -> Result<Comparison, LoadError> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let comparison: Comparison = options.from_str(src).map_err(|e| {
        let start = byte_offset(src, e.span.start.line, e.span.start.col);
        let end = byte_offset(src, e.span.end.line, e.span.end.col).max(start);
        syntax_error(origin, src, e.span.start.line, e.span.start.col, end - start, e.code.to_string())
    })?;
    let problems = validate(&comparison);
    if problems.is_empty() {
        Ok(comparison)
    } else {
        Err(LoadError::Invalid(InvalidError { origin: origin.to_string(), problems }))
    }
}

fn syntax_error(origin: &str, src: &str, line: usize, column: usize, len: usize, message: String) -> LoadError {
    let offset = byte_offset(src, line, column);
    LoadError::Syntax(Box::new(SyntaxError {
        origin: origin.to_string(),
        line,
        column,
        message,
        source_code: NamedSource::new(origin, src.to_string()),
        span: (offset, len).into(),
    }))
}

/// Byte offset of a 1-based line and character column, clamped to the text.
fn byte_offset(src: &str, line: usize, column: usize) -> usize {
    let line_start =
        if line <= 1 { 0 } else { src.match_indices('\n').nth(line - 2).map_or(src.len(), |(i, _)| i + 1) };
    src[line_start..].char_indices().nth(column.saturating_sub(1)).map_or(src.len(), |(i, _)| line_start + i)
}

#[cfg(test)]
mod tests {
    use super::byte_offset;

    #[test]
    fn byte_offset_counts_characters_not_bytes() {
        let src = "ab\nçd\n";
        assert_eq!(byte_offset(src, 1, 1), 0);
        assert_eq!(byte_offset(src, 2, 1), 3);
        assert_eq!(byte_offset(src, 2, 2), 5);
        assert_eq!(byte_offset(src, 9, 9), src.len());
    }
}
