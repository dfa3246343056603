//! `versus search --lines`: lines from standard input filtered the way
//! `fzf --filter` does it, so it can stand in for fzf in a script. Fuzzy
//! terms match their characters in order anywhere in the line (not words:
//! that is what fzf users expect here), with fzf's extended syntax, its
//! per-term smart case and its accent folding.

use std::borrow::Cow;

use super::corpus::{Hit, rank_by};
use super::fuzzy::FuzzyTerm;
use super::syntax::{Kind, Pattern, Term};

/// A parsed query, ready to test lines.
pub(crate) struct LineFilter {
    groups: Vec<Vec<(Term, Option<FuzzyTerm>)>>,
    /// Every line is ASCII (the caller knows it from one pass over the input),
    /// so no line needs folding beyond ASCII case.
    ascii: bool,
}

/// A fixed score per matched character for terms that match exactly, on the
/// fuzzy scorer's scale (a run of matched characters).
const EXACT_PER_CHAR: i64 = 16;

impl LineFilter {
    pub(crate) fn new(query: &str, ascii: bool) -> LineFilter {
        let groups = Pattern::parse(query)
            .groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|t| {
                        let fuzzy = (t.kind == Kind::Fuzzy).then(|| FuzzyTerm::new(&t.text));
                        (t, fuzzy)
                    })
                    .collect()
            })
            .collect();
        LineFilter { groups, ascii }
    }

    /// The line's score, or `None` when it does not match: every group must
    /// match, and a group matches when one of its terms does (an inverse term
    /// by being absent).
    pub(crate) fn score(&self, line: &str) -> Option<i64> {
        let mut total = 0;
        for group in &self.groups {
            let mut matched = None;
            for (term, fuzzy) in group {
                let found = term_score(term, fuzzy.as_ref(), line, self.ascii);
                match (found, term.inverse) {
                    (Some(score), false) => {
                        matched = Some(score);
                        break;
                    }
                    (None, true) => matched = matched.or(Some(0)),
                    _ => {}
                }
            }
            total += matched?;
        }
        Some(total)
    }
}

/// The line in the form `term` compares: folded as the term says. ASCII
/// lines are left as they are for fuzzy terms, whose matcher folds ASCII case
/// itself without copying.
fn folded<'a>(term: &Term, line: &'a str, ascii: bool) -> Cow<'a, str> {
    let ascii_fuzzy = term.kind == Kind::Fuzzy && (ascii || line.is_ascii());
    if ascii_fuzzy || !term.fold.changes(line) { Cow::Borrowed(line) } else { Cow::Owned(term.fold.apply(line)) }
}

fn term_score(term: &Term, fuzzy: Option<&FuzzyTerm>, line: &str, ascii: bool) -> Option<i64> {
    let text = folded(term, line, ascii);
    let text = text.as_ref();
    let pattern = term.text.as_str();
    let exact = EXACT_PER_CHAR * pattern.chars().count() as i64;
    // fzf ignores the text's leading (trailing) white space for a prefix
    // (suffix) unless the pattern itself starts (ends) with white space.
    let starts_blank = pattern.starts_with(char::is_whitespace);
    let ends_blank = pattern.ends_with(char::is_whitespace);
    let head = if starts_blank { text } else { text.trim_start() };
    match term.kind {
        Kind::Fuzzy => fuzzy.and_then(|f| f.score(text)),
        Kind::Exact => text.contains(pattern).then_some(exact),
        Kind::Prefix => head.starts_with(pattern).then_some(exact),
        Kind::Suffix => (if ends_blank { text } else { text.trim_end() }).ends_with(pattern).then_some(exact),
        Kind::Equal => (if ends_blank { head } else { head.trim_end() } == pattern).then_some(exact),
    }
}

/// The lines matching `query`, best first (ties to the shorter line, then
/// input order); every line, in order, for an empty query. A line's trailing
/// carriage return is not matched. `ascii`: whether every line is ASCII (the
/// caller knows it from reading them).
pub(crate) fn rank_lines_of(lines: &[&str], query: &str, ascii: bool) -> Vec<Hit> {
    let filter = LineFilter::new(query, ascii);
    if filter.groups.is_empty() {
        return (0..lines.len()).map(|i| Hit { index: i as u32, len: 0, score: 0, partial: false }).collect();
    }
    let score = |i: usize| {
        let line = lines[i].strip_suffix('\r').unwrap_or(lines[i]);
        filter.score(line).map(|s| (s, line.len() as u32))
    };
    rank_by(lines.len(), &score, &|| false).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matching<'a>(lines: &[&'a str], query: &str) -> Vec<&'a str> {
        let mut hits: Vec<usize> =
            rank_lines_of(lines, query, lines.iter().all(|l| l.is_ascii())).iter().map(|h| h.index as usize).collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| lines[i]).collect()
    }

    const LINES: &[&str] = &[
        "src/main.rs",
        "src/search/lines.rs",
        "README.md",
        "  indented readme",
        "core.go",
        "tools/build.rb",
        "Größe.txt",
        "École.md",
        "école",
        "Привет мир",
    ];

    #[test]
    fn fuzzy_terms_match_letters_in_order_anywhere() {
        assert_eq!(matching(LINES, "srs"), ["src/main.rs", "src/search/lines.rs"]);
        assert_eq!(matching(LINES, "sl rs"), ["src/search/lines.rs"]);
    }

    #[test]
    fn exact_prefix_suffix_equal_and_inverse() {
        assert_eq!(matching(LINES, "'search"), ["src/search/lines.rs"]);
        assert_eq!(matching(LINES, "^src .rs$"), ["src/main.rs", "src/search/lines.rs"]);
        assert_eq!(matching(LINES, "^indented"), ["  indented readme"], "leading blanks are ignored");
        assert_eq!(matching(LINES, "^core.go$"), ["core.go"]);
        assert_eq!(matching(LINES, "md$ !readme"), ["École.md"]);
        assert_eq!(matching(LINES, "^src !^src/s"), ["src/main.rs"]);
        assert_eq!(matching(LINES, ".go$ | .rb$"), ["core.go", "tools/build.rb"]);
        assert_eq!(matching(LINES, "!'rs | go$"), matching(LINES, "!'rs | go$"));
    }

    #[test]
    fn case_and_accents_per_term_in_every_script() {
        assert_eq!(matching(LINES, "readme"), ["README.md", "  indented readme"]);
        assert_eq!(matching(LINES, "README"), ["README.md"]);
        assert_eq!(matching(LINES, "ecole"), ["École.md", "école"]);
        assert_eq!(matching(LINES, "école"), ["École.md", "école"]);
        assert_eq!(matching(LINES, "École"), ["École.md"]);
        assert_eq!(matching(LINES, "привет"), ["Привет мир"]);
        assert_eq!(matching(LINES, "'grösse"), Vec::<&str>::new(), "ß is not ss");
        assert_eq!(matching(LINES, "größe"), ["Größe.txt"]);
    }

    #[test]
    fn an_empty_query_keeps_every_line_in_order() {
        assert_eq!(matching(LINES, "  "), LINES);
        assert_eq!(rank_lines_of(LINES, "", true)[0].index, 0);
    }
}
