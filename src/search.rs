//! Fuzzy search: ranking with fuzzy-matcher's Skim v2 algorithm, smart case,
//! highlight positions as byte ranges, and the tricks that keep it fast on
//! large data — a cheap in-order pre-filter, narrowing to the previous hits
//! when the query grows, all cores for large candidate sets, cancellation,
//! and no allocation per candidate.
//!
//! Long texts (FAQ answers, discussions) are ranked with Skim v2's linear
//! fallback — the one fuzzy-matcher itself switches to for large inputs
//! (`element_limit`) — because the full algorithm costs text length × query
//! length per text and made typing into 100k answers take most of a second.
//! Short texts (questions, names, lines) get the full algorithm. Highlights
//! always use the full algorithm: only the few visible texts need them, and
//! it finds the best occurrence rather than the first.
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

/// Texts longer than this many bytes are ranked with the linear algorithm.
const LONG_TEXT: usize = 128;

fn matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    // Smart case, as in fzf and skim: case-insensitive unless the query has an uppercase letter.
    MATCHER.get_or_init(|| SkimMatcherV2::default().smart_case())
}

/// The same matcher limited to one score-matrix element, which makes it take
/// its linear path every time.
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

    pub fn as_str(&self) -> &str {
        &self.text
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
    /// Linear algorithm (fzf v1 style): the greedy match's end, then back from
    /// there to the nearest start of the query — the window the algorithm
    /// scores. Handing over only that window keeps the per-text cost to the
    /// window instead of the whole answer. (It also sidesteps fuzzy-matcher
    /// 0.3.7's linear path storing a window-relative index as an absolute one
    /// — `simple_match` sets `start_idx = idx` — which charges a late match for
    /// every character before it.) One-character queries keep the character
    /// before, whose bonus they use.
    fn span(&self, text: &str, linear: bool) -> Option<Range<usize>> {
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
        let end = if linear {
            greedy_end
        } else {
            bytes.iter().rposition(|&b| fold(b) == last).map_or(greedy_end, |i| i + 1)
        };
        let start = if linear && pattern.len() > 1 {
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
            text[..first].char_indices().next_back().map_or(0, |(i, _)| i)
        };
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

    /// The Skim v2 score of `text`, or `None` when it does not match.
    pub fn score(&self, text: &str) -> Option<i64> {
        if self.text.is_empty() {
            return Some(0);
        }
        let linear = text.len() > LONG_TEXT;
        let span = self.span(text, linear)?;
        let m = if linear { linear_matcher() } else { matcher() };
        m.fuzzy_match(&text[span], &self.text)
    }

    /// The byte ranges of `text` that the query matched, merged where adjacent.
    /// Empty when it does not match. fuzzy-matcher gives character indices;
    /// they are turned into byte ranges here, on character boundaries.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if self.text.is_empty() || self.span(text, false).is_none() {
            return Vec::new();
        }
        let Some((_, indices)) = matcher().fuzzy_indices(text, &self.text) else { return Vec::new() };
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

/// One matching entry: its index among the candidates and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
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

    /// Best score of entry `i`; the first text wins ties.
    fn score(&self, i: usize, query: &Query) -> Option<i64> {
        self.texts(i).filter_map(|t| query.score(t)).reduce(|best, s| if s > best { s } else { best })
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
    rank_by(lines.len(), &|i| query.score(lines[i]), query.is_empty(), None, &|| false).unwrap_or_default()
}

/// The ranking engine: `score(i)` for each of `count` entries (or those in
/// `within`), on every core when there are many, best first, ties by index.
fn rank_by(
    count: usize,
    score: &(dyn Fn(usize) -> Option<i64> + Sync),
    everything: bool,
    within: Option<&[Hit]>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    if everything {
        return Some((0..count).map(|i| Hit { index: i as u32, score: 0 }).collect());
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
                if let Some(score) = score(i) {
                    hits.push(Hit { index: i as u32, score });
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

/// The ranking order: higher score first, then earlier entry.
fn best_first(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.index.cmp(&b.index))
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

    /// Scoring the span must give exactly the matcher's score of the whole text.
    #[test]
    fn scoring_a_span_equals_scoring_the_whole_text() {
        let faq = crate::data::open(None).map(|c| c.faq).unwrap_or_default();
        let mut texts: Vec<String> = faq.iter().flat_map(|f| [f.question.to_string(), f.answer.to_string()]).collect();
        texts.extend(
            ["ab", "a", "xaxbxaxb", "Größe für Flask", "FLASK flask FlAsK", "__init__.py_faster"].map(String::from),
        );
        let queries =
            ["f", "fa", "fast", "faster", "dj", "django", "Dj", "admin panel", "ORM", "a", "ab", "x", "k", "sk", "ö"];
        for t in &texts {
            for q in queries {
                let query = Query::new(q);
                if t.len() > LONG_TEXT && q.chars().count() > 1 && q.is_ascii() {
                    // The linear path scores the window found by a greedy
                    // forward pass then a backward pass (see `span`); found
                    // here the slow way, on characters.
                    let eq = |a: char, b: char| if is_case_sensitive(q) { a == b } else { a.eq_ignore_ascii_case(&b) };
                    let chars: Vec<(usize, char)> = t.char_indices().collect();
                    let pat: Vec<char> = q.chars().collect();
                    let mut k = 0;
                    let mut end = None;
                    for (n, &(_, c)) in chars.iter().enumerate() {
                        if k < pat.len() && eq(c, pat[k]) {
                            k += 1;
                            if k == pat.len() {
                                end = Some(n);
                            }
                        }
                    }
                    let want = end.and_then(|end| {
                        let mut k = pat.len();
                        let mut start = end;
                        for n in (0..=end).rev() {
                            if k > 0 && eq(chars[n].1, pat[k - 1]) {
                                k -= 1;
                                start = n;
                            }
                        }
                        let (from, to) = (chars[start].0, chars[end].0 + chars[end].1.len_utf8());
                        linear_matcher().fuzzy_match(&t[from..to], q)
                    });
                    assert_eq!(query.score(t), want, "query {q:?} on {t:?}");
                } else {
                    let m = if t.len() > LONG_TEXT { linear_matcher() } else { matcher() };
                    assert_eq!(query.score(t), m.fuzzy_match(t, q), "query {q:?} on {t:?}");
                }
            }
        }
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
            let mut v: Vec<Hit> =
                (0..c.len()).filter_map(|i| c.score(i, &q).map(|score| Hit { index: i as u32, score })).collect();
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
