//! The app's search (the FAQ filter, the palette, `versus search`): terms
//! match words, not letters scattered over a paragraph.
//!
//! A fuzzy term matches a word when it is the word, shares its English stem
//! ("companies" meets "company", "uses" meets "use"), starts it, sits inside
//! it (four letters or more), is one typo away from it (two for long terms;
//! `djnago` finds Django), or — fuzzy-matcher's part — its letters appear in
//! order within that one word, from its first letter ("cfg" in "config").
//! Hyphenated words also count joined ("realtime" finds "real-time").
//! Filler words of natural questions ("is", "the", "who", …) need not match
//! when other terms remain. Where a match lands weighs too: names and
//! questions above tags and keywords, above details and answers, above
//! examples and sources (`Field::weight`).
//!
//! Speed: every text is split into words once (on first search, or on the
//! search thread at start for large data), into a vocabulary of distinct
//! words and, per word, the entries and fields it occurs in. A keystroke then
//! costs one pass over the vocabulary per term and one visit per matching
//! occurrence, not a pass over every text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rust_stemmers::{Algorithm, Stemmer};

use super::corpus::{Corpus, Hit, rank_by};
use super::fold::Fold;
use super::syntax::{Kind, Pattern, Term};

/// Words natural questions carry that say nothing about what is asked.
const FILLER: &[&str] = &[
    "a", "an", "and", "are", "can", "could", "did", "do", "does", "for", "how", "i", "in", "is", "it", "its", "me",
    "my", "of", "on", "or", "should", "than", "that", "the", "there", "this", "to", "we", "what", "when", "where",
    "which", "who", "why", "will", "with", "would", "you", "your",
];

/// How well a term matches a word, best first.
mod quality {
    pub const EQUAL: u32 = 100;
    pub const STEM: u32 = 90;
    pub const PREFIX: u32 = 80;
    pub const TYPO: u32 = 60;
    pub const INSIDE: u32 = 50;
    pub const SCATTERED: u32 = 35;
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    MATCHER.get_or_init(|| SkimMatcherV2::default().respect_case())
}

/// FNV-1a: the vocabulary's hash. Words are short and come from the user's
/// own files, so a fast hash beats a DoS-resistant one (building the index
/// of a million entries is mostly hashing words).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Calls `emit(byte range, position)` for each word of `text`: each run of
/// letters and digits, and each hyphenated pair joined (at the first's position).
fn tokens(text: &str, mut emit: impl FnMut(Range<usize>, u16)) {
    let mut position: u16 = 0;
    let mut start = None;
    let mut previous: Option<Range<usize>> = None;
    let mut gap = String::new();
    let mut close = |range: Range<usize>, gap: &str, previous: &mut Option<Range<usize>>, position: &mut u16| {
        if let Some(p) = previous.take().filter(|_| gap == "-") {
            emit(p.start..range.end, position.saturating_sub(1));
        }
        emit(range.clone(), *position);
        *position = position.saturating_add(1);
        *previous = Some(range);
    };
    let ascii = text.is_ascii();
    let chars =
        text.char_indices().map(|(i, c)| (i, c, if ascii { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }));
    for (i, c, word_char) in chars {
        if word_char {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                close(s..i, &gap, &mut previous, &mut position);
                gap.clear();
            }
            if previous.is_some() {
                gap.push(c);
            }
        }
    }
    if let Some(s) = start {
        close(s..text.len(), &gap, &mut previous, &mut position);
    }
}

/// A distinct word of the corpus.
#[derive(Debug, Clone)]
struct Word {
    text: Box<str>,
    /// Lowercased, Latin accents removed: what most terms compare with.
    folded: Box<str>,
    stem: Box<str>,
}

/// Where a word occurs: an entry, and the weight of the field it is in.
#[derive(Debug, Clone, Copy)]
struct Posting {
    entry: u32,
    weight: u8,
}

/// The vocabulary of a corpus and where each word occurs.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    words: Vec<Word>,
    postings: Vec<Vec<Posting>>,
}

impl WordIndex {
    pub fn build(corpus: &Corpus) -> WordIndex {
        let mut lookup: HashMap<Box<str>, u32, std::hash::BuildHasherDefault<Fnv>> = HashMap::default();
        let mut index = WordIndex::default();
        // The last text (numbered across the corpus) each word was seen in, so
        // a word is recorded once per text.
        let mut last_seen: Vec<u64> = Vec::new();
        let mut text_number = 0u64;
        for entry in 0..corpus.len() {
            for (field, text) in corpus.fields(entry) {
                text_number += 1;
                tokens(text, |range, _| {
                    let word = &text[range];
                    let id = match lookup.get(word) {
                        Some(&id) => id as usize,
                        None => {
                            let id = index.words.len();
                            lookup.insert(word.into(), id as u32);
                            let folded = Fold { case: true, accents: true }.apply(word);
                            let stem = stemmer().stem(&folded).into_owned().into_boxed_str();
                            index.words.push(Word { text: word.into(), folded: folded.into(), stem });
                            index.postings.push(Vec::new());
                            last_seen.push(0);
                            id
                        }
                    };
                    if last_seen[id] != text_number {
                        last_seen[id] = text_number;
                        let weight = field.weight() as u8;
                        index.postings[id].push(Posting { entry: entry as u32, weight });
                    }
                });
            }
        }
        index.postings.iter_mut().for_each(|p| p.shrink_to_fit());
        index
    }
}

/// A fuzzy term, ready to compare with words.
#[derive(Debug, Clone)]
struct WordTerm {
    text: String,
    stem: String,
    chars: usize,
    fold: Fold,
}

impl WordTerm {
    fn new(term: &Term) -> WordTerm {
        let lower = Fold { case: true, accents: term.fold.accents }.apply(&term.text);
        WordTerm {
            stem: stemmer().stem(&lower).into_owned(),
            chars: term.text.chars().count(),
            text: term.text.clone(),
            fold: term.fold,
        }
    }

    /// The word as this term compares it.
    fn form<'a>(&self, word: &'a Word) -> std::borrow::Cow<'a, str> {
        if self.fold.case && self.fold.accents {
            std::borrow::Cow::Borrowed(&word.folded)
        } else {
            std::borrow::Cow::Owned(self.fold.apply(&word.text))
        }
    }

    /// How well this term matches a word (its form as [`WordTerm::form`]
    /// gives it, and its stem); 0 for no match.
    fn quality(&self, form: &str, stem: &str) -> u32 {
        let t = self.text.as_str();
        if form == t {
            return quality::EQUAL;
        }
        let same_start = form.chars().next() == t.chars().next();
        // Stems and typos are for case-insensitive terms: a capital in the
        // term asks for that exact spelling.
        let loose = self.fold.case;
        if loose && self.chars >= 3 && stem == self.stem && same_start {
            return quality::STEM;
        }
        if let Some(rest) = form.strip_prefix(t) {
            return quality::PREFIX - rest.chars().count().min(10) as u32;
        }
        if self.chars < 3 {
            return 0;
        }
        let form_chars = form.chars().count();
        let typos = if self.chars >= 8 { 2 } else { 1 };
        if loose
            && self.chars >= 4
            && form_chars.abs_diff(self.chars) <= typos
            && (same_start || form.chars().nth(1) == t.chars().next())
            && strsim::damerau_levenshtein(form, t) <= typos
        {
            return quality::TYPO;
        }
        if self.chars >= 4 && form.contains(t) {
            return quality::INSIDE;
        }
        if same_start && form_chars <= 3 * self.chars && matcher().fuzzy_match(form, t).is_some() {
            return quality::SCATTERED;
        }
        0
    }

    /// Byte ranges of `word` (a word of some text, in its original form) that
    /// this term matched, or `None` when it does not match.
    fn marks(&self, word: &str) -> Option<Vec<Range<usize>>> {
        let form = self.fold.apply(word);
        let folded = Fold { case: true, accents: true }.apply(word);
        let stem = stemmer().stem(&folded);
        let q = self.quality(&form, &stem);
        let chars = |n: usize| word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
        match q {
            0 => None,
            quality::INSIDE => {
                let at = form.find(self.text.as_str())?;
                let first = form[..at].chars().count();
                Some(std::iter::once(chars(first)..chars(first + self.chars)).collect())
            }
            quality::SCATTERED => {
                let (_, indices) = matcher().fuzzy_indices(&form, &self.text)?;
                Some(indices.into_iter().map(|n| chars(n)..chars(n + 1)).collect())
            }
            q if (quality::PREFIX - 10..quality::PREFIX).contains(&q) => {
                Some(std::iter::once(0..chars(self.chars)).collect())
            }
            _ => Some(std::iter::once(0..word.len()).collect()),
        }
    }
}

/// One alternative of a group: a fuzzy word term, or an exact kind.
#[derive(Debug, Clone)]
struct Alternative {
    term: Term,
    word: Option<WordTerm>,
}

#[derive(Debug, Clone)]
struct Group {
    alternatives: Vec<Alternative>,
    /// A lone filler word, which need not match (when other terms remain).
    optional: bool,
}

/// A query for the app's search, parsed once per keystroke.
#[derive(Debug, Clone, Default)]
pub struct Query {
    groups: Vec<Group>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let pattern = Pattern::parse(text);
        let mut groups: Vec<Group> = pattern
            .groups
            .into_iter()
            .map(|g| {
                let filler = g.len() == 1
                    && g[0].kind == Kind::Fuzzy
                    && !g[0].inverse
                    && FILLER.contains(&g[0].text.to_lowercase().as_str());
                let alternatives = g
                    .into_iter()
                    .map(|term| {
                        let word = (term.kind == Kind::Fuzzy && !term.inverse).then(|| WordTerm::new(&term));
                        Alternative { term, word }
                    })
                    .collect();
                Group { alternatives, optional: filler }
            })
            .collect();
        if groups.iter().all(|g| g.optional) {
            groups.iter_mut().for_each(|g| g.optional = false);
        }
        Query { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The byte ranges of `text` this query matched, sorted and merged where
    /// they touch. Filler words are not marked.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let alternatives = self.groups.iter().filter(|g| !g.optional).flat_map(|g| &g.alternatives);
        for alt in alternatives.filter(|a| !a.term.inverse) {
            match &alt.word {
                Some(word) => tokens(text, |range, _| {
                    if let Some(marks) = word.marks(&text[range.clone()]) {
                        ranges.extend(marks.into_iter().map(|r| r.start + range.start..r.end + range.start));
                    }
                }),
                None => ranges.extend(exact_ranges(&alt.term, text)),
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// Where an exact-kind term (`'word`, `^word`, `word$`, `^word$`) matches
/// `text`, as byte ranges.
fn exact_ranges(term: &Term, text: &str) -> Vec<Range<usize>> {
    let folded = term.fold.apply(text);
    // Folding keeps one character for one, so character positions carry over.
    let to_bytes = |r: Range<usize>| {
        let chars_before = folded[..r.start].chars().count();
        let chars_in = folded[r].chars().count();
        let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        byte(chars_before)..byte(chars_before + chars_in)
    };
    let t = term.text.as_str();
    let trimmed_start = folded.len() - folded.trim_start().len();
    let trimmed_end = folded.trim_end().len();
    let found = match term.kind {
        Kind::Exact | Kind::Fuzzy => folded.match_indices(t).map(|(i, _)| i..i + t.len()).collect(),
        Kind::Prefix => {
            folded[trimmed_start..].starts_with(t).then(|| trimmed_start..trimmed_start + t.len()).into_iter().collect()
        }
        Kind::Suffix => {
            folded[..trimmed_end].ends_with(t).then(|| trimmed_end - t.len()..trimmed_end).into_iter().collect()
        }
        Kind::Equal => (folded.trim() == t).then_some(trimmed_start..trimmed_end).into_iter().collect::<Vec<_>>(),
    };
    found.into_iter().map(to_bytes).collect()
}

/// How well an exact-kind term matches the entry's best text: its weight at
/// full quality, or 0.
fn exact_score(term: &Term, corpus: &Corpus, entry: usize) -> u32 {
    corpus
        .fields(entry)
        .filter(|(_, text)| !exact_ranges(term, text).is_empty())
        .map(|(field, _)| quality::EQUAL * field.weight() / 100)
        .max()
        .unwrap_or(0)
}

/// Each entry's best score for `group` (0: not matched; an inverse term that
/// is absent counts as matched with 1).
fn group_scores(corpus: &Corpus, index: &WordIndex, group: &Group, cancelled: &dyn Fn() -> bool) -> Option<Vec<u32>> {
    let mut best = vec![0u32; corpus.len()];
    for alt in &group.alternatives {
        if cancelled() {
            return None;
        }
        match &alt.word {
            Some(word) => {
                for (w, postings) in index.words.iter().zip(&index.postings) {
                    let q = word.quality(&word.form(w), &w.stem);
                    if q == 0 {
                        continue;
                    }
                    for p in postings {
                        let score = q * p.weight as u32 / 100 + 1;
                        let slot = &mut best[p.entry as usize];
                        *slot = (*slot).max(score);
                    }
                }
            }
            None => {
                for (entry, slot) in best.iter_mut().enumerate() {
                    let score = exact_score(&alt.term, corpus, entry);
                    let score = if alt.term.inverse { u32::from(score == 0) } else { score };
                    *slot = (*slot).max(score);
                }
            }
        }
    }
    Some(best)
}

/// The entries of `corpus` matching `query`, best first (ties to the shorter
/// first text, then data order); every entry in data order for an empty query.
/// `None` when `cancelled` said stop.
pub fn rank(corpus: &Corpus, query: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Hit>> {
    if query.is_empty() {
        return Some((0..corpus.len()).map(|i| Hit { index: i as u32, len: 0, score: 0 }).collect());
    }
    let index = corpus.words();
    let mut total = vec![0i64; corpus.len()];
    let mut missing = vec![false; corpus.len()];
    for group in &query.groups {
        let scores = group_scores(corpus, index, group, cancelled)?;
        for ((t, m), s) in total.iter_mut().zip(missing.iter_mut()).zip(scores) {
            *t += s as i64;
            *m |= s == 0 && !group.optional;
        }
    }
    let score = |i: usize| (!missing[i]).then(|| (total[i], corpus.first_len(i)));
    rank_by(corpus.len(), &score, cancelled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::corpus::Field;

    fn corpus(items: &[&str]) -> Corpus {
        let mut c = Corpus::new();
        for item in items {
            c.push([(Field::Name, *item)]);
        }
        c
    }

    fn ranked(items: &[&str], query: &str) -> Vec<String> {
        let c = corpus(items);
        let hits = rank(&c, &Query::new(query), &|| false).unwrap_or_default();
        hits.iter().map(|h| items[h.index as usize].to_string()).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(text, |r, _| out.push(&text[r]));
        out
    }

    #[test]
    fn words_and_joined_hyphenated_pairs() {
        assert_eq!(
            words("Real-time, e-commerce & Django's ORM"),
            ["Real", "Real-time", "time", "e", "e-commerce", "commerce", "Django", "s", "ORM"]
        );
    }

    #[test]
    fn terms_match_words_not_scattered_letters() {
        let items = ["Is Flask faster than Django?", "Does the framework support form validation?"];
        assert_eq!(ranked(&items, "faster"), ["Is Flask faster than Django?"]);
        assert_eq!(ranked(&items, "orm"), Vec::<String>::new(), "no word starts with orm");
        assert_eq!(ranked(&items, "frm"), ["Does the framework support form validation?"], "letters within one word");
    }

    #[test]
    fn stems_prefixes_typos_and_compounds() {
        assert_eq!(ranked(&["Do any big companies use Django?"], "company"), ["Do any big companies use Django?"]);
        assert_eq!(ranked(&["Who uses it"], "use"), ["Who uses it"]);
        assert_eq!(ranked(&["Django admin"], "djnago"), ["Django admin"]);
        assert_eq!(ranked(&["Django admin"], "adm"), ["Django admin"]);
        assert_eq!(ranked(&["real-time updates"], "realtime"), ["real-time updates"]);
        assert_eq!(ranked(&["JavaScript front ends"], "script"), ["JavaScript front ends"]);
    }

    #[test]
    fn better_matches_rank_first() {
        let items = ["Administration guide", "The admin panel", "Admin"];
        assert_eq!(ranked(&items, "admin"), ["Admin", "The admin panel", "Administration guide"]);
    }

    #[test]
    fn filler_words_need_not_match_unless_they_are_all_there_is() {
        let items = ["Do any big companies use Django?", "Which database?"];
        assert_eq!(ranked(&items, "who uses django"), ["Do any big companies use Django?"]);
        assert_eq!(ranked(&items, "which"), ["Which database?"]);
    }

    #[test]
    fn operators_in_the_app() {
        let items = ["Flask security", "Django security", "Flask templates"];
        assert_eq!(ranked(&items, "security !django"), ["Flask security"]);
        assert_eq!(ranked(&items, "^flask"), ["Flask security", "Flask templates"]);
        assert_eq!(ranked(&items, "templates$ | ^django"), ["Django security", "Flask templates"]);
        assert_eq!(ranked(&items, "'sk sec"), ["Flask security"]);
    }

    #[test]
    fn unicode_case_and_accents() {
        let items = ["École normale", "Über uns", "Привет мир"];
        assert_eq!(ranked(&items, "école"), ["École normale"]);
        assert_eq!(ranked(&items, "ecole"), ["École normale"]);
        assert_eq!(ranked(&items, "über"), ["Über uns"]);
        assert_eq!(ranked(&items, "привет"), ["Привет мир"]);
        assert_eq!(ranked(&items, "Привет"), ["Привет мир"]);
        assert!(ranked(&items, "ПРИВЕТ").is_empty(), "an uppercase term is case-sensitive");
    }

    #[test]
    fn highlights_cover_the_matched_words_on_char_boundaries() {
        let q = Query::new("is flask faster");
        let text = "Is Flask faster than Django?";
        let marked: Vec<&str> = q.highlights(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["Flask", "faster"], "filler is not marked");
        let text = "Größe für École";
        let marked: Vec<&str> = Query::new("ecol").highlights(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["École"], "a stem match marks the whole word");
        let text = "Größe: Übergröße";
        let marked: Vec<&str> = Query::new("uberg").highlights(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["Überg"], "a prefix marks what was typed");
        let text = "the config file";
        let marked: Vec<&str> = Query::new("cfg").highlights(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["c", "f", "g"]);
    }

    #[test]
    fn a_cancelled_search_returns_nothing() {
        let items: Vec<String> = (0..5000).map(|i| format!("line {i}")).collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        assert!(rank(&corpus(&refs), &Query::new("line"), &|| true).is_none());
    }

    #[test]
    fn an_empty_query_keeps_data_order() {
        assert_eq!(ranked(&["b", "a", "c"], ""), ["b", "a", "c"]);
    }
}
