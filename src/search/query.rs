//! Fuzzy search: ranking with fuzzy-matcher's Skim v2 algorithm, smart case,
//! highlight positions as byte ranges, and the tricks that keep it fast on
//! large data — a cheap in-order pre-filter, narrowing to the previous hits
//! when the query grows, all cores for large candidate sets, cancellation,
//! and no allocation per candidate.
//!
//! Long texts (FAQ answers, discussions) are scored on one match window
//! rather than in full, because the full algorithm costs text length × query
//! length per text and made typing into 100k answers take most of a second
//! (see `Query::span`). Highlights always use the whole text: only the few
//! visible texts need them, and it finds the best occurrence.
//!
//! Ranking: score, then the shorter text (as fzf breaks ties), then data order.
//!
//! Pure logic: no terminal types. fuzzy-matcher is used only here, so it can
//! be swapped (nucleo-matcher is the maintained, faster alternative) without
//! touching anything else.

use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Below this many entries one thread is faster than starting several.
const PARALLEL_THRESHOLD: usize = 4_096;
/// Entries scored between two looks at the cancel flag.
const CANCEL_STRIDE: usize = 2_048;

/// Texts longer than this many bytes are scored on their match window only.
const LONG_TEXT: usize = 128;
/// What a match in an entry's second or later text (an answer, a detail)
/// gives up against a match in its first (a question, a name): one matched
/// character's worth.
const SECONDARY_PENALTY: i64 = 16;

fn matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    // Smart case, as in fzf and skim: case-insensitive unless the query has an uppercase letter.
    MATCHER.get_or_init(|| SkimMatcherV2::default().smart_case())
}

/// The same matcher limited to one score-matrix element, which makes it take
/// its linear path (the one fuzzy-matcher uses for large inputs) every time.
fn linear_matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    MATCHER.get_or_init(|| SkimMatcherV2::default().smart_case().element_limit(1))
}

/// Whether `query` matches case-sensitively (it has an uppercase letter).
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// A query prepared once per keystroke.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    case_sensitive: bool,
    /// The query's bytes, ASCII-lowercased when case-insensitive; `None` when
    /// the query is not ASCII (the pre-filter then compares characters).
    ascii: Option<Vec<u8>>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let case_sensitive = is_case_sensitive(text);
        let ascii = text
            .is_ascii()
            .then(|| if case_sensitive { text.as_bytes().to_vec() } else { text.to_ascii_lowercase().into_bytes() });
        Query { text: text.to_string(), case_sensitive, ascii }
    }

    /// `text` in the form this query is matched against: as it is for a
    /// case-sensitive query, ASCII-lowercased otherwise. Lowercasing keeps
    /// every byte offset, and spares exact-case words the matcher's penalty
    /// for a case mismatch, which would otherwise rank "admin" above "Admin"
    /// for the query `admin` — the opposite of what case-insensitive means.
    pub fn prepare<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.case_sensitive || !text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
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
    /// case-insensitive query is matched against the text ASCII-lowercased
    /// (see [`Query::prepare`]), but only the part the matcher needs is copied.
    pub fn score(&self, text: &str) -> Option<i64> {
        self.score_with(text, matcher())
    }

    /// Like [`Query::score`], for an entry's second or later text (an answer,
    /// a detail): a long one is scored by fuzzy-matcher's linear path on its
    /// match window, which costs a fraction of the full algorithm. It ranks
    /// under the entry's first text anyway ([`SECONDARY_PENALTY`]).
    fn score_secondary(&self, text: &str) -> Option<i64> {
        self.score_with(text, if text.len() > LONG_TEXT { linear_matcher() } else { matcher() })
    }

    fn score_with(&self, text: &str, matcher: &SkimMatcherV2) -> Option<i64> {
        if self.text.is_empty() {
            return Some(0);
        }
        let span = self.span(text, text.len() > LONG_TEXT)?;
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

    /// The byte ranges of `text` that the query matched, merged where adjacent.
    /// Empty when it does not match. fuzzy-matcher gives character indices;
    /// they are turned into byte ranges here, on character boundaries.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let prepared = self.prepare(text);
        if self.text.is_empty() || self.span(&prepared, false).is_none() {
            return Vec::new();
        }
        let Some((_, indices)) = matcher().fuzzy_indices(&prepared, &self.text) else { return Vec::new() };
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(indices.len());
        let mut wanted = indices.iter().copied().peekable();
        for (n, (byte, c)) in text.char_indices().enumerate() {
            if wanted.peek() != Some(&n) {
                continue;
            }
            wanted.next();
            let end = byte + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == byte => last.end = end,
                _ => ranges.push(byte..end),
            }
        }
        ranges
    }
}

/// One matching entry: its index among the candidates, its score, and the
/// length of its matching text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    /// Length in bytes of the text that matched: the tie-breaker.
    pub len: u32,
    pub score: i64,
}

/// Texts to search, stored in one buffer (no allocation per candidate, good
/// cache behaviour). Each entry owns one or more texts; an entry's score is
/// the best of its texts' scores (an FAQ entry: its question and its answer).
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    buf: String,
    /// Byte range of each text in `buf`.
    texts: Vec<(u32, u32)>,
    /// Index of each entry's first text; the entry's texts run to the next entry's first.
    entries: Vec<u32>,
}

impl Corpus {
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Adds an entry made of `texts`; returns its index.
    pub fn push<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) -> usize {
        self.entries.push(self.texts.len() as u32);
        for t in texts {
            let start = self.buf.len() as u32;
            self.buf.push_str(t);
            self.texts.push((start, self.buf.len() as u32));
        }
        self.entries.len() - 1
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The texts of entry `i`.
    pub fn texts(&self, i: usize) -> impl Iterator<Item = &str> {
        let first = self.entries[i] as usize;
        let end = self.entries.get(i + 1).map_or(self.texts.len(), |&e| e as usize);
        self.texts[first..end].iter().map(|&(s, e)| &self.buf[s as usize..e as usize])
    }

    /// Best (score, text length) of entry `i`; a later text gives up
    /// [`SECONDARY_PENALTY`], and the earlier text wins ties.
    fn score(&self, i: usize, query: &Query) -> Option<(i64, u32)> {
        let buf = &self.buf;
        let first = self.entries[i] as usize;
        let end = self.entries.get(i + 1).map_or(self.texts.len(), |&e| e as usize);
        let mut best: Option<(i64, u32)> = None;
        for (k, &(s, e)) in self.texts[first..end].iter().enumerate() {
            let text = &buf[s as usize..e as usize];
            let (score, penalty) =
                if k == 0 { (query.score(text), 0) } else { (query.score_secondary(text), SECONDARY_PENALTY) };
            if let Some(score) = score {
                let candidate = (score - penalty, e - s);
                if best.is_none_or(|b| candidate.0 > b.0) {
                    best = Some(candidate);
                }
            }
        }
        best
    }
}

/// The entries of `corpus` matching `query`, best first, ties in entry order.
/// `within` limits the search to earlier hits: pass the previous result when
/// the new query extends the previous one (every match of the longer query
/// is a match of the shorter). `cancelled` is polled now and then; when it
/// returns true the search stops and returns `None`.
pub fn rank(
    corpus: &Corpus,
    query: &Query,
    within: Option<&[Hit]>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    rank_by(corpus.len(), &|i| corpus.score(i, query), query.is_empty(), within, cancelled)
}

/// Like [`rank`], over lines of text (`versus search --lines`).
pub fn rank_lines(lines: &[&str], query: &Query) -> Vec<Hit> {
    let score = |i: usize| query.score(lines[i]).map(|s| (s, lines[i].len() as u32));
    rank_by(lines.len(), &score, query.is_empty(), None, &|| false).unwrap_or_default()
}

/// The ranking engine: `score(i)` for each of `count` entries (or those in
/// `within`), on every core when there are many, best first, ties by index.
fn rank_by(
    count: usize,
    score: &(dyn Fn(usize) -> Option<(i64, u32)> + Sync),
    everything: bool,
    within: Option<&[Hit]>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    if everything {
        return Some((0..count).map(|i| Hit { index: i as u32, len: 0, score: 0 }).collect());
    }
    let scope = within.map_or(count, <[Hit]>::len);
    let nth = |k: usize| within.map_or(k, |w| w[k].index as usize);
    let scan = |range: Range<usize>| -> Option<Vec<Hit>> {
        let mut hits = Vec::new();
        for chunk_start in range.clone().step_by(CANCEL_STRIDE) {
            if cancelled() {
                return None;
            }
            for k in chunk_start..(chunk_start + CANCEL_STRIDE).min(range.end) {
                let i = nth(k);
                if let Some((score, len)) = score(i) {
                    hits.push(Hit { index: i as u32, len, score });
                }
            }
        }
        Some(hits)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each part is scored and sorted on its own thread, then the sorted parts are merged.
    let scan_sorted = |range: Range<usize>| {
        let mut hits = scan(range)?;
        hits.sort_unstable_by(best_first);
        Some(hits)
    };
    let hits = if scope < PARALLEL_THRESHOLD || threads == 1 {
        scan_sorted(0..scope)?
    } else {
        let per = scope.div_ceil(threads);
        let parts: Vec<Option<Vec<Hit>>> = std::thread::scope(|s| {
            let handles: Vec<_> =
                (0..threads).map(|t| s.spawn(move || scan_sorted(t * per..((t + 1) * per).min(scope)))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or(None)).collect()
        });
        let mut merged: Vec<Hit> = Vec::new();
        for part in parts {
            merged = merge(merged, part?);
        }
        merged
    };
    if cancelled() {
        return None;
    }
    Some(hits)
}

/// The ranking order: higher score first, then the shorter text, then the earlier entry.
fn best_first(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.len.cmp(&b.len)).then(a.index.cmp(&b.index))
}

/// Merges two lists sorted best first into one.
fn merge(a: Vec<Hit>, b: Vec<Hit>) -> Vec<Hit> {
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if best_first(&a[i], &b[j]).is_le() {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Whether the hits for `previous` can be narrowed to answer `next`: every
/// match of a longer query is a match of its prefix (and a case-sensitive
/// match is also a case-insensitive one, so smart case changes nothing).
pub fn extends(previous: &str, next: &str) -> bool {
    !previous.is_empty() && next.starts_with(previous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> bool {
        false
    }

    fn corpus(items: &[&str]) -> Corpus {
        let mut c = Corpus::new();
        for item in items {
            c.push([*item]);
        }
        c
    }

    fn ranked(items: &[&str], query: &str) -> Vec<String> {
        let c = corpus(items);
        let hits = rank(&c, &Query::new(query), None, &never).unwrap_or_default();
        hits.iter().map(|h| items[h.index as usize].to_string()).collect()
    }

    #[test]
    fn an_exact_match_outranks_a_scattered_one() {
        let got = ranked(&["Is Flask lighter than Django?", "Is Flask faster than Django?"], "faster");
        assert_eq!(got[0], "Is Flask faster than Django?");
        let got = ranked(&["deferred abstraction layer", "a faster layer"], "faster");
        assert_eq!(got[0], "a faster layer");
    }

    #[test]
    fn smart_case() {
        let items = ["django admin", "Django Admin"];
        assert_eq!(ranked(&items, "admin").len(), 2, "lowercase query ignores case");
        assert_eq!(ranked(&items, "Admin"), ["Django Admin"], "an uppercase letter makes it case-sensitive");
    }

    #[test]
    fn empty_query_keeps_data_order() {
        assert_eq!(ranked(&["b", "a", "c"], ""), ["b", "a", "c"]);
    }

    #[test]
    fn non_matching_entries_are_left_out() {
        assert!(ranked(&["flask", "django"], "xyz").is_empty());
    }

    #[test]
    fn unicode_text_and_queries() {
        assert_eq!(ranked(&["Größe", "Grosse", "日本語のテキスト"], "röß"), ["Größe"]);
        assert_eq!(ranked(&["日本語のテキスト", "english"], "テキ"), ["日本語のテキスト"]);
    }

    #[test]
    fn an_entry_scores_its_best_text() {
        let mut c = Corpus::new();
        c.push(["unrelated question", "but the answer talks about admin"]);
        c.push(["nothing", "here"]);
        let hits = rank(&c, &Query::new("admin"), None, &never).unwrap_or_default();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 0);
    }

    #[test]
    fn highlights_are_the_matched_characters_on_char_boundaries() {
        let q = Query::new("fst");
        let text = "Is Flask faster?";
        let ranges = q.highlights(text);
        let picked: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(picked.to_lowercase(), "fst");
        let text = "Größe für alle, fast";
        let ranges = Query::new("ßfa").highlights(text);
        for r in &ranges {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?}");
        }
        let picked: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(picked, "ßfa");
    }

    #[test]
    fn long_texts_still_rank_and_highlight_the_best_occurrence() {
        let long =
            format!("{} and at last the word faster", "filler words all about setting up real systems ".repeat(4));
        assert!(long.len() > LONG_TEXT);
        let q = Query::new("faster");
        assert!(q.score(&long).is_some());
        let ranges = q.highlights(&long);
        assert_eq!(ranges.len(), 1, "one contiguous run: {ranges:?}");
        assert_eq!(&long[ranges[0].clone()], "faster");
    }

    #[test]
    fn contiguous_matches_merge_into_one_range() {
        assert_eq!(Query::new("faster").highlights("Is Flask faster?"), vec![9..15]);
    }

    #[test]
    fn prefilter_agrees_with_the_matcher() {
        let texts = ["Flask", "flask", "FLASK", "lfask", "Fl_ask", "ɸlask", "日本"];
        for q in ["fl", "Fl", "FL", "ask", "sk", "ɸl", "本", "z"] {
            let query = Query::new(q);
            for t in texts {
                let real = matcher().fuzzy_match(t, q).is_some();
                assert_eq!(query.score(t).is_some(), real, "query {q:?} text {t:?}");
            }
        }
    }

    /// Short texts: scoring the span gives exactly the matcher's score of the
    /// whole (prepared) text. Long texts: exactly the matcher's score of the
    /// window described at [`Query::span`], found here the slow way.
    #[test]
    fn scores_are_the_matchers_scores_of_the_text_or_its_window() {
        let faq = crate::data::open(None).map(|c| c.faq).unwrap_or_default();
        let mut texts: Vec<String> = faq.iter().flat_map(|f| [f.question.to_string(), f.answer.to_string()]).collect();
        texts.extend(
            ["ab", "a", "xaxbxaxb", "Größe für Flask", "FLASK flask FlAsK", "__init__.py_faster"].map(String::from),
        );
        let queries =
            ["f", "fa", "fast", "faster", "dj", "django", "Dj", "admin panel", "ORM", "a", "ab", "x", "k", "sk", "ö"];
        for raw in &texts {
            for q in queries {
                let query = Query::new(q);
                let t = query.prepare(raw);
                let t = t.as_ref();
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
                    query.span(t, true).and_then(|r| matcher().fuzzy_match(&t[r], q))
                } else {
                    matcher().fuzzy_match(t, q)
                };
                assert_eq!(query.score(t), want, "query {q:?} on {t:?}");
            }
        }
    }

    #[test]
    fn case_insensitive_queries_do_not_penalise_capitals() {
        let mut c = Corpus::new();
        c.push(["Built-in features: ORM, auth, admin, i18n"]);
        c.push(["Admin panel"]);
        let hits = rank(&c, &Query::new("admin"), None, &never).unwrap_or_default();
        assert_eq!(hits[0].index, 1, "the name that is the query comes first");
    }

    #[test]
    fn a_match_in_the_first_text_beats_the_same_match_in_a_later_one() {
        let mut c = Corpus::new();
        c.push(["nothing here", "the admin page"]);
        c.push(["the admin page", "nothing here"]);
        let hits = rank(&c, &Query::new("admin"), None, &never).unwrap_or_default();
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(hits[0].score - hits[1].score, SECONDARY_PENALTY);
    }

    #[test]
    fn ties_go_to_the_shorter_text() {
        let got = ranked(&["admin panel for staff", "admin panel"], "admin");
        assert_eq!(got[0], "admin panel");
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_full_search() {
        let items: Vec<String> = (0..5000).map(|i| format!("How do I configure item {i} for deployment?")).collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        let c = corpus(&refs);
        let first = rank(&c, &Query::new("cfg"), None, &never).unwrap_or_default();
        let narrowed = rank(&c, &Query::new("cfgdeploy"), Some(&first), &never).unwrap_or_default();
        let full = rank(&c, &Query::new("cfgdeploy"), None, &never).unwrap_or_default();
        assert_eq!(narrowed, full);
        assert_eq!(full.len(), 5000);
    }

    #[test]
    fn large_searches_use_threads_and_agree_with_one_thread() {
        let items: Vec<String> = (0..40_000).map(|i| format!("entry {i} about {}", i % 7)).collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        let c = corpus(&refs);
        let hits = rank(&c, &Query::new("12 about 3"), None, &never).unwrap_or_default();
        let single: Vec<Hit> = {
            let q = Query::new("12 about 3");
            let mut v: Vec<Hit> = (0..c.len())
                .filter_map(|i| c.score(i, &q).map(|(score, len)| Hit { index: i as u32, len, score }))
                .collect();
            v.sort_unstable_by(best_first);
            v
        };
        assert_eq!(hits, single);
    }

    #[test]
    fn a_cancelled_search_returns_nothing() {
        let items: Vec<String> = (0..50_000).map(|i| format!("line {i}")).collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        assert!(rank(&corpus(&refs), &Query::new("line"), None, &|| true).is_none());
    }

    #[test]
    fn extension_rules() {
        assert!(extends("fa", "fas"));
        assert!(!extends("", "f"));
        assert!(!extends("fas", "fa"));
        assert!(extends("fa", "faS"), "a case-sensitive match is also a case-insensitive one");
        assert!(!extends("Fa", "Fb"));
    }
}
