//! One fuzzy term matched the way fzf does: the term's characters in order
//! anywhere in the text, scored with fuzzy-matcher's Skim v2 algorithm. This
//! is what `versus search --lines` (a drop-in for `fzf --filter`) uses for a
//! fuzzy term; the app matches words instead (`words`).
//!
//! Speed: a cheap byte-level in-order pre-filter rejects most texts and hands
//! the matcher only the part of a text a match can use; long texts are scored
//! on their match window (see [`FuzzyTerm::span`]). fuzzy-matcher is used
//! only here and in `words`, so it can be swapped (nucleo-matcher is the
//! maintained, faster alternative) without touching anything else.

use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Texts longer than this many bytes are scored on their match window only.
const LONG_TEXT: usize = 128;

fn matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    // Smart case, as in fzf and skim: case-insensitive unless the query has an uppercase letter.
    MATCHER.get_or_init(|| SkimMatcherV2::default().smart_case())
}

/// Whether `query` matches case-sensitively (it has an uppercase letter).
pub(crate) fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// A query prepared once per keystroke.
#[derive(Debug, Clone)]
pub(crate) struct FuzzyTerm {
    text: String,
    case_sensitive: bool,
    /// The query's bytes, ASCII-lowercased when case-insensitive; `None` when
    /// the query is not ASCII (the pre-filter then compares characters).
    ascii: Option<Vec<u8>>,
}

impl FuzzyTerm {
    pub(crate) fn new(text: &str) -> FuzzyTerm {
        let case_sensitive = is_case_sensitive(text);
        let ascii = text
            .is_ascii()
            .then(|| if case_sensitive { text.as_bytes().to_vec() } else { text.to_ascii_lowercase().into_bytes() });
        FuzzyTerm { text: text.to_string(), case_sensitive, ascii }
    }

    /// The part of `text` the matcher needs to see, or `None` when the query
    /// cannot match: every query character must occur in order (a cheap byte
    /// scan, with the matcher's case rule: it folds ASCII only).
    ///
    /// Full algorithm: from the character before the first possible match (the
    /// first match's bonus depends on it) to the last occurrence of the final
    /// query character. Scoring this part gives exactly the whole text's score
    /// and saves converting and scanning the rest.
    ///
    /// Long texts (`window`): only the window fzf's v1 algorithm would score —
    /// the greedy match's end, then back from there to the nearest start of
    /// the query — plus the character before it, for the first match's bonus.
    /// The full algorithm then scores that window, so long and short texts
    /// are scored on one scale, at a cost bound by the window rather than by
    /// the length of an answer. (fuzzy-matcher's own linear path was tried
    /// first: it scores on a different scale, and 0.3.7 stores a
    /// window-relative index as an absolute one — `simple_match` sets
    /// `start_idx = idx` — charging a late match for every character before it.)
    fn span(&self, text: &str, window: bool) -> Option<Range<usize>> {
        let Some(pattern) = &self.ascii else {
            return self.may_match_chars(text).then_some(0..text.len());
        };
        let fold = |b: u8| if self.case_sensitive { b } else { b.to_ascii_lowercase() };
        let bytes = text.as_bytes();
        let (&last, _) = pattern.split_last()?;
        let mut want = pattern.iter();
        let mut next = *want.next()?;
        let mut first = None;
        let mut end = None;
        for (i, &b) in bytes.iter().enumerate() {
            if fold(b) == next {
                first.get_or_insert(i);
                match want.next() {
                    Some(&n) => next = n,
                    None => {
                        end = Some(i + 1);
                        break;
                    }
                }
            }
        }
        let (first, greedy_end) = (first?, end?);
        let end = if window {
            greedy_end
        } else {
            bytes.iter().rposition(|&b| fold(b) == last).map_or(greedy_end, |i| i + 1)
        };
        let first = if window && pattern.len() > 1 {
            // Walk back from the end, matching the query from its last character.
            let mut want = pattern.iter().rev();
            let mut next = want.next();
            let mut start = first;
            for i in (first..end).rev() {
                if Some(&fold(bytes[i])) == next {
                    start = i;
                    next = want.next();
                    if next.is_none() {
                        break;
                    }
                }
            }
            start
        } else {
            first
        };
        let start = text[..first].char_indices().next_back().map_or(0, |(i, _)| i);
        Some(start..end)
    }

    /// The character-by-character form of the in-order check, for non-ASCII queries.
    fn may_match_chars(&self, text: &str) -> bool {
        let fold = |c: char| if self.case_sensitive { c } else { c.to_ascii_lowercase() };
        let mut want = self.text.chars().map(fold).peekable();
        for c in text.chars() {
            if want.peek() == Some(&fold(c)) {
                want.next();
            }
        }
        want.peek().is_none()
    }

    /// The Skim v2 score of `text`, or `None` when it does not match. A
    /// case-insensitive term is matched against the text ASCII-lowercased
    /// (the caller folds non-ASCII text), but only the part the matcher needs
    /// is copied. Lowercasing keeps every byte offset, and spares exact-case
    /// words the matcher's penalty for a case mismatch.
    pub(crate) fn score(&self, text: &str) -> Option<i64> {
        self.score_with(text, text.len() > LONG_TEXT, matcher())
    }

    fn score_with(&self, text: &str, window: bool, matcher: &SkimMatcherV2) -> Option<i64> {
        if self.text.is_empty() {
            return Some(0);
        }
        let span = self.span(text, window)?;
        let part = &text[span];
        if self.case_sensitive || !part.bytes().any(|b| b.is_ascii_uppercase()) {
            return matcher.fuzzy_match(part, &self.text);
        }
        // Lowercase only the part the matcher sees, in a reused buffer.
        thread_local!(static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
        LOWER.with_borrow_mut(|lower| {
            lower.clear();
            lower.extend(part.chars().map(|c| c.to_ascii_lowercase()));
            matcher.fuzzy_match(lower, &self.text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_agrees_with_the_matcher() {
        let texts = ["Flask", "flask", "FLASK", "lfask", "Fl_ask", "ɸlask", "日本"];
        for q in ["fl", "Fl", "FL", "ask", "sk", "ɸl", "本", "z"] {
            let term = FuzzyTerm::new(q);
            for t in texts {
                let real = matcher().fuzzy_match(t, q).is_some();
                assert_eq!(term.score(t).is_some(), real, "term {q:?} text {t:?}");
            }
        }
    }

    /// Short texts: scoring the span gives exactly the matcher's score of the
    /// whole (lowercased) text. Long texts: exactly the matcher's score of the
    /// window described at [`FuzzyTerm::span`], found here the slow way.
    #[test]
    fn scores_are_the_matchers_scores_of_the_text_or_its_window() {
        let faq = crate::data::default_comparison().map(|c| c.faq).unwrap_or_default();
        let mut texts: Vec<String> = faq.iter().flat_map(|f| [f.question.to_string(), f.answer.to_string()]).collect();
        texts.extend(
            ["ab", "a", "xaxbxaxb", "Größe für Flask", "FLASK flask FlAsK", "__init__.py_faster"].map(String::from),
        );
        let queries =
            ["f", "fa", "fast", "faster", "dj", "django", "Dj", "admin panel", "ORM", "a", "ab", "x", "k", "sk", "ö"];
        for raw in &texts {
            for q in queries {
                let term = FuzzyTerm::new(q);
                let t = if is_case_sensitive(q) { raw.clone() } else { raw.to_ascii_lowercase() };
                let t = t.as_str();
                let want = if t.len() > LONG_TEXT && q.chars().count() > 1 && q.is_ascii() {
                    let eq = |a: char, b: char| if is_case_sensitive(q) { a == b } else { a.eq_ignore_ascii_case(&b) };
                    let chars: Vec<(usize, char)> = t.char_indices().collect();
                    let pat: Vec<char> = q.chars().collect();
                    let (mut k, mut end) = (0, None);
                    for (n, &(_, c)) in chars.iter().enumerate() {
                        if k < pat.len() && eq(c, pat[k]) {
                            k += 1;
                            if k == pat.len() {
                                end = Some(n);
                            }
                        }
                    }
                    end.and_then(|end| {
                        let (mut k, mut start) = (pat.len(), end);
                        for n in (0..=end).rev() {
                            if k > 0 && eq(chars[n].1, pat[k - 1]) {
                                k -= 1;
                                start = n;
                            }
                        }
                        let from = chars[start.saturating_sub(1)].0;
                        let to = chars[end].0 + chars[end].1.len_utf8();
                        matcher().fuzzy_match(&t[from..to], q)
                    })
                } else if t.len() > LONG_TEXT {
                    // One character: the window is the first occurrence and the one before it.
                    term.span(t, true).and_then(|r| matcher().fuzzy_match(&t[r], q))
                } else {
                    matcher().fuzzy_match(t, q)
                };
                assert_eq!(term.score(t), want, "term {q:?} on {t:?}");
            }
        }
    }

    #[test]
    fn unicode_terms() {
        assert!(FuzzyTerm::new("röß").score("Größe").is_some());
        assert!(FuzzyTerm::new("röß").score("Grosse").is_none());
        assert!(FuzzyTerm::new("テキ").score("日本語のテキスト").is_some());
    }
}
