//! Reading a RON file into a validated [`Comparison`], with errors that point
//! at the file, line and column (syntax) or the path of the bad value (rules).
//!
//! The file is hostile until proven otherwise, and so is everything an error
//! says about it: file names, ron's messages and the source shown under a
//! syntax error all pass through [`sanitize`](super::text::sanitize), and are
//! cut to a bounded length. A syntax error shows a window of at most
//! [`SNIPPET_RADIUS`] characters either side of the error column, never the
//! whole line. Lines and columns count characters, from 1, in the text after
//! a UTF-8 byte-order mark is dropped and CRLF and lone CR line endings become
//! LF.

use std::borrow::Cow;
use std::path::Path;

use miette::{Diagnostic, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use ron::extensions::Extensions;

use super::model::Comparison;
use super::text::{clip, sanitize_line};
use super::validate::{Problem, find_problems};
use crate::fsio::{Links, ReadError};

/// Larger files are refused before parsing: no real comparison comes close,
/// and the limit keeps a mistaken `--data /dev/zero` from eating memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Characters of source shown either side of a syntax error's column.
pub const SNIPPET_RADIUS: usize = 60;

/// The longest file name or error message shown, in characters: enough for
/// ron's longest (a misspelt field, with every valid name listed).
const MAX_SHOWN_CHARS: usize = 1000;

#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum LoadError {
    #[error("{path}: cannot read: {}", printable(&.error.to_string()))]
    Io { path: String, error: std::io::Error },

    #[error("{path}: not a regular file ({kind}); not read")]
    NotRegular { path: String, kind: &'static str },

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

/// A file name or message made fit to print: [`sanitize`](super::text::sanitize)d,
/// on one line, at most 1,000 characters.
pub(crate) fn printable(s: &str) -> String {
    clip(&sanitize_line(s), MAX_SHOWN_CHARS).into_owned()
}

/// The file is not well-formed RON, or does not have the shape of a comparison.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{origin}:{line}:{column}: {message}")]
#[diagnostic(code(versus::syntax), help("`versus help format` describes the data format"))]
pub struct SyntaxError {
    /// The file, sanitized.
    pub origin: String,
    pub line: usize,
    /// In characters, from 1.
    pub column: usize,
    /// What was expected, sanitized and bounded.
    pub message: String,
    #[source_code]
    snippet: Snippet,
    #[label("{message}")]
    span: SourceSpan,
}

/// The file parsed, but some values break the rules of the format.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{}", render_problems(origin, problems, *more))]
#[diagnostic(code(versus::invalid))]
pub struct InvalidError {
    pub origin: String,
    /// The first [`MAX_PROBLEMS`](super::validate::MAX_PROBLEMS) problems, in file order.
    pub problems: Vec<Problem>,
    /// How many more there were.
    pub more: usize,
}

fn render_problems(origin: &str, problems: &[Problem], more: usize) -> String {
    let origin = printable(origin);
    let mut lines: Vec<String> =
        problems.iter().map(|p| format!("{origin}: {}: {}", printable(&p.path), printable(&p.message))).collect();
    if more > 0 {
        let s = if more == 1 { "" } else { "s" };
        lines.push(format!("{origin}: … and {more} more problem{s}"));
    }
    lines.join("\n")
}

/// Loads a comparison from a file on disk: a regular file (or a link to
/// one) of at most [`MAX_FILE_BYTES`], opened without waiting (a FIFO or
/// `/dev/tty` is refused, never read).
pub fn load_file(path: &Path) -> Result<Comparison, LoadError> {
    let shown_path = path.display().to_string();
    let bytes = crate::fsio::read(path, MAX_FILE_BYTES, Links::Follow).map_err(|e| read_error(&shown_path, e))?;
    load_bytes(&bytes, &shown_path)
}

/// A file that could not be read, as a load error naming it.
pub(super) fn read_error(shown_path: &str, e: ReadError) -> LoadError {
    let path = printable(shown_path);
    match e {
        ReadError::Missing => LoadError::Io { path, error: std::io::ErrorKind::NotFound.into() },
        ReadError::NotRegular(kind) => LoadError::NotRegular { path, kind },
        ReadError::TooLarge { size, .. } => LoadError::TooLarge { path, size },
        ReadError::Io(error) => LoadError::Io { path, error },
    }
}

/// Loads a comparison from bytes that should be UTF-8 RON; `origin` names them in errors.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Comparison, LoadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let bytes = normalise_line_ends(bytes);
    match std::str::from_utf8(&bytes) {
        Ok(src) => parse(src, origin),
        Err(e) => {
            // Everything before the bad byte is valid, so it locates it exactly.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = 1 + valid.bytes().filter(|&b| b == b'\n').count();
            let column = 1 + valid.rsplit('\n').next().unwrap_or("").chars().count();
            let shown_src = String::from_utf8_lossy(&bytes);
            Err(syntax_error(origin, &shown_src, line, column, "expected UTF-8 text; found an invalid byte"))
        }
    }
}

/// Loads a comparison from RON source text; `origin` names it in errors.
pub fn load_str(src: &str, origin: &str) -> Result<Comparison, LoadError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.contains('\r') { parse(&src.replace("\r\n", "\n").replace('\r', "\n"), origin) } else { parse(src, origin) }
}

/// CRLF and lone CR become LF, so that lines are counted the same whatever
/// wrote the file. Borrowed when there is no CR.
pub(super) fn normalise_line_ends(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().copied().peekable();
    while let Some(b) = iter.next() {
        if b == b'\r' {
            iter.next_if_eq(&b'\n');
            out.push(b'\n');
        } else {
            out.push(b);
        }
    }
    Cow::Owned(out)
}

/// Parses and validates `src`, whose line ends are already LF only.
fn parse(src: &str, origin: &str) -> Result<Comparison, LoadError> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let comparison: Comparison = options.from_str(src).map_err(|e| located(src, origin, &e))?;
    let problems = find_problems(&comparison);
    if problems.is_empty() {
        Ok(comparison)
    } else {
        Err(LoadError::Invalid(InvalidError {
            origin: printable(origin),
            problems: problems.list,
            more: problems.more,
        }))
    }
}

/// ron's error, placed where a reader would look for it.
pub(super) fn located(src: &str, origin: &str, e: &ron::error::SpannedError) -> LoadError {
    let start = (e.span.start.line, e.span.start.col);
    let found = skip_blank(src, start, (e.span.end.line, e.span.end.col));
    let (line, column) = match e.code {
        // A comma missing at the end of a line is missing there, not at
        // the next field, which is lines further down and correct.
        ron::Error::ExpectedComma => {
            let previous = after_previous_token(src, found);
            if previous.0 < found.0 { previous } else { found }
        }
        _ => found,
    };
    syntax_error(origin, src, line, column, &e.code.to_string())
}

/// ron starts some errors where the previous token ended, before the
/// whitespace (newlines included) up to what it could not accept: the error
/// is where that whitespace ends, within the span ron gives.
fn skip_blank(src: &str, start: (usize, usize), end: (usize, usize)) -> (usize, usize) {
    if end <= start {
        return start;
    }
    let (a, b) = (offset_of(src, start), offset_of(src, end));
    let gap = src.get(a..b).unwrap_or_default();
    let blank = &gap[..gap.len() - gap.trim_start().len()];
    match blank.rfind('\n') {
        None => (start.0, start.1 + blank.chars().count()),
        Some(i) => (start.0 + blank.matches('\n').count(), 1 + blank[i + 1..].chars().count()),
    }
}

/// Where the token before `at` ends (1-based line and character column): the
/// place of a missing comma. Comments between are skipped too.
fn after_previous_token(src: &str, at: (usize, usize)) -> (usize, usize) {
    let offset = offset_of(src, at);
    let mut end = 0;
    for (i, line) in src[..offset].split_inclusive('\n').scan(0, |pos, l| {
        let start = *pos;
        *pos += l.len();
        Some((start, l))
    }) {
        // The line without a `//` comment (a `//` inside a string is rare enough
        // here: the error would then point a little later on the same line).
        let code = line.find("//").map_or(line, |c| &line[..c]);
        let trimmed = code.trim_end();
        if !trimmed.is_empty() {
            end = i + trimmed.len();
        }
    }
    if end == 0 {
        return at;
    }
    let line = 1 + src[..end].matches('\n').count();
    let column = 1 + src[..end].rsplit('\n').next().unwrap_or("").chars().count();
    (line, column)
}

/// Byte offset of a 1-based (line, character column), clamped to the line.
fn offset_of(src: &str, (line, column): (usize, usize)) -> usize {
    let (start, end) = line_bounds(src, line);
    start + char_offset(&src[start..end], column.saturating_sub(1))
}

pub(super) fn syntax_error(origin: &str, src: &str, line: usize, column: usize, message: &str) -> LoadError {
    let origin = printable(origin);
    let (snippet, offset) = Snippet::new(&origin, src, line.max(1), column.max(1));
    LoadError::Syntax(Box::new(SyntaxError {
        origin,
        line,
        column,
        message: printable(message),
        snippet,
        span: (offset, 0).into(),
    }))
}

/// The source shown under a syntax error: the line of the error and the
/// lines either side, each cut to the same window of columns around the
/// error, sanitized. It reports lines and columns as they are in the file,
/// so that miette's header and gutter agree with the error's own position.
#[derive(Debug)]
struct Snippet {
    name: String,
    text: String,
    /// The file's line number (0-based) of the first line of `text`.
    first_line: usize,
    /// Where in `text` the error is.
    offset: usize,
    /// The error's column in the file, 0-based characters.
    column: usize,
}

impl Snippet {
    /// The snippet for an error at 1-based `line` and character `column` of
    /// `src`, and the error's byte offset in the snippet's text.
    fn new(name: &str, src: &str, line: usize, column: usize) -> (Snippet, usize) {
        let (start, end) = line_bounds(src, line);
        let col = column - 1;
        // A cut that would hide only a few characters is not worth its mark.
        let lo = if col > SNIPPET_RADIUS + 16 { col - SNIPPET_RADIUS } else { 0 };
        let hi = col.saturating_add(SNIPPET_RADIUS);
        let mut text = String::new();
        let mut first_line = line - 1;
        if start > 0 && src.as_bytes()[start - 1] == b'\n' {
            let prev_end = start - 1;
            let prev_start = src[..prev_end].rfind('\n').map_or(0, |i| i + 1);
            text.push_str(&window(&src[prev_start..prev_end], lo, hi));
            text.push('\n');
            first_line -= 1;
        }
        let this = &src[start..end];
        let at = char_offset(this, col);
        // Cut at the error point and sanitize either side, so that the error
        // point survives whatever sanitizing removes around it.
        let before = window(&this[..at], lo, usize::MAX);
        let after = window(&this[at..], 0, hi - col.min(hi));
        text.push_str(&before);
        let offset = text.len();
        text.push_str(&after);
        if after.is_empty() {
            // Something to point at: miette draws no marker past the end.
            text.push(' ');
        }
        if end < src.len() {
            let next_start = end + 1;
            let next_end = src[next_start..].find('\n').map_or(src.len(), |i| next_start + i);
            text.push('\n');
            text.push_str(&window(&src[next_start..next_end], lo, hi));
        }
        (Snippet { name: name.to_string(), text, first_line, offset, column: col }, offset)
    }
}

/// Byte range of 1-based line `line` of `src`, without its newline; empty at
/// the end of `src` past its last line.
fn line_bounds(src: &str, line: usize) -> (usize, usize) {
    let start = if line <= 1 {
        0
    } else {
        src.bytes().enumerate().filter(|&(_, b)| b == b'\n').nth(line - 2).map_or(src.len(), |(i, _)| i + 1)
    };
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    (start, end)
}

/// Byte offset of the character at 0-based `n` in `s`, or its length.
fn char_offset(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Characters `lo..hi` of `line`, sanitized, with `…` where the line goes on
/// beyond either end.
fn window(line: &str, lo: usize, hi: usize) -> String {
    let from = char_offset(line, lo);
    let to = if hi == usize::MAX { line.len() } else { from + char_offset(&line[from..], hi - lo) };
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&sanitize_line(&line[from..to]));
    if to < line.len() {
        out.push('…');
    }
    out
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, context_lines_before, context_lines_after)?;
        // miette's own column counts bytes of the cut line; the error's is in the file, in characters.
        let column =
            if span.offset() == self.offset && context_lines_before == 0 { self.column } else { inner.column() };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            self.first_line + inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_number() {
        let src = "ab\nçd\n";
        assert_eq!(line_bounds(src, 1), (0, 2));
        assert_eq!(line_bounds(src, 2), (3, 6));
        assert_eq!(line_bounds(src, 3), (7, 7));
        assert_eq!(line_bounds(src, 9), (7, 7));
    }

    #[test]
    fn the_window_is_cut_in_characters_and_marked() {
        let line = "日本語".repeat(100);
        let w = window(&line, 10, 20);
        assert_eq!(w.chars().count(), 12);
        assert!(w.starts_with('…') && w.ends_with('…'));
        assert_eq!(window("short", 0, 60), "short");
        assert_eq!(window("a\u{1b}]0;x\u{7}b", 0, 60), "ab");
    }

    #[test]
    fn the_snippet_is_bounded_and_points_at_the_error() {
        let long = "x".repeat(100_000);
        let src = format!("(\n  title: \"{long}\" oops\n)\n");
        let column = 2 + "title: \"".len() + long.len() + 3;
        let (snippet, offset) = Snippet::new("f.ron", &src, 2, column);
        assert!(snippet.text.len() < 500, "{}", snippet.text.len());
        assert_eq!(snippet.first_line, 0);
        assert!(snippet.text[offset..].starts_with("oops"), "{}", &snippet.text[offset..]);
    }

    #[test]
    fn errors_start_after_the_blank_before_them() {
        let src = "(\n    \u{1b}title: 1,\n)";
        assert_eq!(skip_blank(src, (1, 2), (2, 5)), (2, 5));
        assert_eq!(skip_blank(src, (2, 1), (2, 6)), (2, 5));
        assert_eq!(skip_blank(src, (2, 5), (2, 8)), (2, 5));
        assert_eq!(skip_blank(src, (2, 5), (2, 5)), (2, 5));
        assert_eq!(offset_of("ab\nçd\n", (2, 2)), 5);
    }

    #[test]
    fn a_missing_comma_is_shown_where_the_value_before_it_ends() {
        let src = "(\n    title: \"x\" // the title\n\n    summary: \"y\",\n)\n";
        let e = parse(src, "f.ron").unwrap_err();
        assert_eq!(e.position(), Some((2, 15)), "{e}");
        // On one line, the next token is what the eye looks for.
        let same_line = "(title: \"x\" summary: \"y\")";
        assert_eq!(parse(same_line, "f.ron").unwrap_err().position(), Some((1, 13)));
    }

    #[test]
    fn a_position_past_the_end_is_shown_at_the_end() {
        for src in ["", "(", "(\n", "ab\nçd", "ab\nçd\n"] {
            for (line, column) in [(1, 1), (1, 9), (2, 1), (2, 5), (3, 1), (9, 9)] {
                let (snippet, offset) = Snippet::new("f", src, line, column);
                assert!(
                    snippet.text.is_char_boundary(offset) && offset <= snippet.text.len(),
                    "{src:?} {line}:{column}"
                );
            }
        }
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(&*normalise_line_ends(b"a\r\nb\rc\n\r"), b"a\nb\nc\n\n");
        assert!(matches!(normalise_line_ends(b"a\nb"), Cow::Borrowed(_)));
    }
}
