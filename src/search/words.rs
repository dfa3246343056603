//! The app's search (the FAQ filter, the palette, `versus search`): terms
//! match words, not letters scattered over a paragraph.
//!
//! A fuzzy term matches a word when it is the word, shares its English stem
//! ("companies" meets "company", "uses" meets "use"), starts it, sits inside
//! it (four letters or more), is one typo away from it (two for long terms;
//! `djnago` finds Django), or — fuzzy-matcher's part — its letters appear in
//! order within that one word, from its first letter ("cfg" in "config").
//! Hyphenated words also count joined ("realtime" finds "real-time").
//!
//! A question is read, not matched word for word: runs of words the
//! [`Lexicon`] knows become one part (a subject, a synonym group, a kind of
//! entry), stop words only break ties, and the parts rank entries as BM25
//! does. Entries with every part come first, then (`partial`) those with
//! some; operator terms (`'`, `^`, `$`, `!`, `|`) must match, as in fzf.
//! Where a match lands weighs too (`Field::weight`).
//!
//! Speed: every text is split into words once (on first search, or on the
//! search thread at start for large data), into a vocabulary of distinct
//! words and, per word, the entries and fields it occurs in. A keystroke then
//! costs one pass over the vocabulary per term and one visit per matching
//! occurrence, not a pass over every text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::corpus::{Corpus, Hit, rank_by};
use super::fold::Fold;
use super::lexicon::{self, Class, Concept, Lexicon, Word as LexWord, stemmer};
use super::syntax::{Kind, Pattern, Term};

/// The fold every indexed word is compared in: no case, no accents.
const FOLD: Fold = Fold { case: true, accents: true };

/// How well a term matches a word, best first.
mod quality {
    pub(super) const EQUAL: u32 = 100;
    pub(super) const STEM: u32 = 90;
    pub(super) const PREFIX: u32 = 80;
    pub(super) const TYPO: u32 = 60;
    pub(super) const INSIDE: u32 = 50;
    pub(super) const SCATTERED: u32 = 35;
    /// Another member of the concept the typed words name: below the
    /// user's own word.
    pub(super) const SYNONYM: u32 = 70;
}

fn matcher() -> &'static SkimMatcherV2 {
    static MATCHER: OnceLock<SkimMatcherV2> = OnceLock::new();
    MATCHER.get_or_init(|| SkimMatcherV2::default().respect_case())
}

/// Calls `emit(byte range, position)` for each word of `text`: each run of
/// letters and digits, and each hyphenated pair joined (at the first's position).
pub fn tokens(text: &str, emit: impl FnMut(Range<usize>, u16)) {
    if text.is_ascii() { ascii_tokens(text.as_bytes(), emit) } else { unicode_tokens(text, emit) }
}

/// Which bytes are ASCII letters and digits: one load per byte instead of
/// three range tests, in the loop that reads every byte of a large corpus.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// [`tokens`] for ASCII text, byte by byte: most texts, and the bulk of
/// building the index of a large comparison.
fn ascii_tokens(b: &[u8], mut emit: impl FnMut(Range<usize>, u16)) {
    let (mut i, mut position) = (0, 0u16);
    let mut previous: Option<Range<usize>> = None;
    while i < b.len() {
        let gap = i;
        while i < b.len() && !WORD_BYTE[b[i] as usize] {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let start = i;
        while i < b.len() && WORD_BYTE[b[i] as usize] {
            i += 1;
        }
        if let Some(p) = previous.take().filter(|_| &b[gap..start] == b"-") {
            emit(p.start..i, position.saturating_sub(1));
        }
        emit(start..i, position);
        position = position.saturating_add(1);
        previous = Some(start..i);
    }
}

fn unicode_tokens(text: &str, mut emit: impl FnMut(Range<usize>, u16)) {
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

/// A distinct word of the corpus: where its spellings sit in the index's
/// one buffer of them ([`Segment::spelling`]), so a vocabulary of a million
/// words is not three million allocations.
#[derive(Debug, Clone, Copy)]
struct Word {
    text: Span,
    /// Lowercased, Latin accents removed: what most terms compare with.
    folded: Span,
    stem: Span,
}

/// A byte range of [`Segment::spelling`].
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

/// Where a word occurs: an entry, and the weight of the field it is in,
/// packed in four bytes (a million-entry corpus has tens of millions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting(u32);

/// The field weights there are (`Field::weight`), by the three bits a posting keeps.
const WEIGHTS: [u32; 8] = [100, 80, 70, 65, 55, 50, 40, 0];

/// Entries a posting can name: 2^29, far more than a comparison file can hold.
const MAX_INDEXED: usize = 1 << 29;

impl Posting {
    fn new(entry: usize, weight: u32) -> Posting {
        let class = WEIGHTS.iter().position(|&w| w == weight).unwrap_or(WEIGHTS.len() - 1) as u32;
        Posting(((entry as u32) << 3) | class)
    }

    fn entry(self) -> usize {
        (self.0 >> 3) as usize
    }

    fn weight(self) -> u32 {
        WEIGHTS[(self.0 & 7) as usize]
    }
}

/// A corpus with its word index, built on first use so that opening a large
/// comparison does not wait for it (the search thread builds it while the
/// user reads). Changing the corpus drops the index.
#[derive(Debug, Clone, Default)]
pub struct Indexed {
    corpus: Corpus,
    words: OnceLock<WordIndex>,
}

impl Indexed {
    pub fn new(corpus: Corpus) -> Indexed {
        Indexed { corpus, words: OnceLock::new() }
    }

    /// The word index, built on first use.
    pub fn words(&self) -> &WordIndex {
        self.words.get_or_init(|| WordIndex::build(&self.corpus))
    }
}

impl std::ops::Deref for Indexed {
    type Target = Corpus;

    fn deref(&self) -> &Corpus {
        &self.corpus
    }
}

impl std::ops::DerefMut for Indexed {
    fn deref_mut(&mut self) -> &mut Corpus {
        self.words = OnceLock::new();
        &mut self.corpus
    }
}

/// The vocabulary of a corpus and where each word occurs: one segment per
/// share of the entries, built side by side on the cores there are and never
/// merged (a word in two segments is two words; a search visits both).
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    segments: Vec<Segment>,
    /// Each entry's length in words, and the mean: long entries match more
    /// words by chance, so a match in one counts for less (BM25).
    lengths: Vec<u16>,
    mean_length: f32,
}

/// The words of some of the entries, and where each occurs.
#[derive(Debug, Clone, Default)]
struct Segment {
    words: Vec<Word>,
    /// Every word's spellings (as written, folded, stemmed), one after another;
    /// a folded form or stem equal to the one before it is not repeated.
    spelling: String,
    postings: Vec<Vec<Posting>>,
}

/// A word of the index as a search compares it.
struct Spelled<'a> {
    text: &'a str,
    folded: &'a str,
    stem: &'a str,
}

/// Word ids by their text, with each text's hash kept beside its id (a
/// lookup compares hashes before texts, and growing never rehashes a word).
type Lookup = hashbrown::HashTable<(u64, u32)>;

impl WordIndex {
    /// The index of every entry's words: on both cores for a large corpus,
    /// each indexing half the entries.
    pub fn build(corpus: &Corpus) -> WordIndex {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(2);
        let n = corpus.len().min(MAX_INDEXED);
        let parts: Vec<(Segment, Vec<u16>)> = if threads < 2 || n < PARALLEL_BUILD {
            vec![Segment::build(corpus, 0..n)]
        } else {
            std::thread::scope(|s| {
                let second = s.spawn(|| Segment::build(corpus, n / 2..n));
                let first = Segment::build(corpus, 0..n / 2);
                match second.join() {
                    Ok(second) => vec![first, second],
                    // A thread that panicked leaves its half unindexed; index it here.
                    Err(_) => vec![first, Segment::build(corpus, n / 2..n)],
                }
            })
        };
        let mut index = WordIndex::default();
        for (segment, lengths) in parts {
            index.segments.push(segment);
            index.lengths.extend(lengths);
        }
        let total: u64 = index.lengths.iter().map(|&l| l as u64).sum();
        index.mean_length = (total as f32 / n.max(1) as f32).max(1.0);
        index
    }

    /// Every word with its postings (a word in two segments comes twice).
    fn vocabulary(&self) -> impl Iterator<Item = (Spelled<'_>, &[Posting])> {
        self.segments.iter().flat_map(|s| s.words.iter().zip(&s.postings).map(move |(w, p)| (s.spelled(w), &p[..])))
    }
}

impl Segment {
    /// The segment of the entries in `range`, and each one's length in words.
    fn build(corpus: &Corpus, range: Range<usize>) -> (Segment, Vec<u16>) {
        // Most entries bring a word of their own (a number, a name): room for
        // one per entry spares the table most of its growing.
        let mut lookup = Lookup::with_capacity(range.len());
        let mut segment = Segment::default();
        let mut hot: Vec<(u32, u32)> = vec![(0, u32::MAX); HOT_SLOTS];
        let mut lengths = vec![0u16; range.len()];
        for entry in range.clone() {
            let mut length = 0u16;
            for (field, text) in corpus.fields(entry) {
                let posting = Posting::new(entry, field.weight());
                tokens(text, |range, _| {
                    length = length.saturating_add(1);
                    let word = &text[range];
                    // Most words are a few frequent ones: a small table that
                    // stays in cache finds them without touching the large one.
                    let hash = word_hash(word.as_bytes());
                    let slot = &mut hot[(hash as usize) & (HOT_SLOTS - 1)];
                    let cached = (slot.0 == (hash >> 32) as u32 && slot.1 != u32::MAX)
                        .then_some(slot.1 as usize)
                        .filter(|&id| segment.text(id) == word);
                    let id = match cached.or_else(|| segment.find(&lookup, hash, word)) {
                        Some(id) => id,
                        None => segment.add(word, hash, &mut lookup),
                    };
                    *slot = ((hash >> 32) as u32, id as u32);
                    // One posting per text the word is in (texts of one entry
                    // and weight, one after another, count once).
                    let postings = &mut segment.postings[id];
                    if postings.last() != Some(&posting) {
                        postings.push(posting);
                    }
                });
            }
            lengths[entry - range.start] = length;
        }
        // Long lists give back what doubling left unused; short ones are not
        // worth a reallocation each (a word seen once has room for just one).
        for p in &mut segment.postings {
            if p.capacity() - p.len() > 16 {
                p.shrink_to_fit();
            }
        }
        (segment, lengths)
    }

    /// The text of `s`.
    fn span(&self, s: Span) -> &str {
        &self.spelling[s.start as usize..(s.start + s.len) as usize]
    }

    fn spelled(&self, w: &Word) -> Spelled<'_> {
        Spelled { text: self.span(w.text), folded: self.span(w.folded), stem: self.span(w.stem) }
    }

    /// Word `id` as written.
    fn text(&self, id: usize) -> &str {
        self.span(self.words[id].text)
    }

    /// The id of `word`, whose hash is `hash`, if the segment has it.
    fn find(&self, lookup: &Lookup, hash: u64, word: &str) -> Option<usize> {
        lookup.find(hash, |&(h, id)| h == hash && self.text(id as usize) == word).map(|&(_, id)| id as usize)
    }

    /// Adds `word` (not yet in the segment), with its folded form and stem; returns its id.
    fn add(&mut self, word: &str, hash: u64, lookup: &mut Lookup) -> usize {
        let id = self.words.len();
        let text = self.push_spelling(word);
        let folded: Cow<str> = if FOLD.changes(word) { Cow::Owned(FOLD.apply(word)) } else { Cow::Borrowed(word) };
        // Numbers have no stem: most distinct words of a large corpus are numbers.
        let stem: Cow<str> =
            if folded.bytes().all(|b| b.is_ascii_digit()) { Cow::Borrowed(&folded) } else { stemmer().stem(&folded) };
        let stem_is_folded = *stem == *folded;
        let folded = if folded == word { text } else { self.push_spelling(&folded) };
        let stem = if stem_is_folded { folded } else { self.push_spelling(&stem) };
        self.words.push(Word { text, folded, stem });
        self.postings.push(Vec::with_capacity(1));
        lookup.insert_unique(hash, (hash, id as u32), |&(h, _)| h);
        id
    }

    fn push_spelling(&mut self, s: &str) -> Span {
        let start = self.spelling.len() as u32;
        self.spelling.push_str(s);
        Span { start, len: s.len() as u32 }
    }
}

/// Slots of the table of recently seen words while building (a power of two).
const HOT_SLOTS: usize = 1024;

/// The vocabulary's hash: eight bytes at a time, multiplied and rotated
/// (FxHash's scheme, as rustc uses). Words are short and come from the
/// user's own files, so a fast hash beats a DoS-resistant one: building the
/// index of a million entries hashes forty million words.
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h ^ u64::from_le_bytes(c.try_into().unwrap_or_default())).wrapping_mul(K);
    }
    // The last one to seven bytes read as wyhash does (overlapping reads, no
    // copy: a copied tail stalls the multiply that reads it).
    let rest = chunks.remainder();
    let n = rest.len();
    let tail = match n {
        0 => None,
        1..=3 => Some(((rest[0] as u64) << 16) | ((rest[n / 2] as u64) << 8) | rest[n - 1] as u64),
        _ => {
            let word = |at: usize| u32::from_le_bytes([rest[at], rest[at + 1], rest[at + 2], rest[at + 3]]) as u64;
            Some((word(0) << 32) | word(n - 4))
        }
    };
    if let Some(tail) = tail {
        h = (h ^ tail).wrapping_mul(K);
    }
    // The tables read both ends of the hash: mix the high bits into the low.
    h ^ (h >> 29) ^ h.rotate_left(26)
}

/// Below this many entries one thread builds the index faster than two.
const PARALLEL_BUILD: usize = 20_000;

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
    fn form<'a>(&self, text: &'a str, folded: &'a str) -> Cow<'a, str> {
        if self.fold.case && self.fold.accents { Cow::Borrowed(folded) } else { Cow::Owned(self.fold.apply(text)) }
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
        let folded = FOLD.apply(word);
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

/// One alternative of a strict group: a fuzzy word term, or an exact kind.
#[derive(Debug, Clone)]
struct Alternative {
    term: Term,
    word: Option<WordTerm>,
}

/// A part of the query that must match, as fzf means it: a term with an
/// operator (`'`, `^`, `$`, `!`) or alternatives joined by `|`.
#[derive(Debug, Clone)]
struct Strict {
    alternatives: Vec<Alternative>,
}

/// A plain word of the query, or a run of them that the lexicon knows:
/// ranked, and not required when other parts match.
#[derive(Debug, Clone)]
struct Soft {
    /// What the user typed for it.
    typed: String,
    /// How many words of the query it takes, and those words.
    span: usize,
    words: Vec<LexWord>,
    /// The user's own word, matched with stems, prefixes and typos (for a
    /// concept: when it is one word).
    word: Option<WordTerm>,
    /// The concept the words name, whose other members match too (by word
    /// or stem), and which may name a subject or a kind of entry.
    concept: Option<Concept>,
}

/// A query for the app's search, parsed once per keystroke.
#[derive(Debug, Clone, Default)]
pub struct Query {
    strict: Vec<Strict>,
    soft: Vec<Soft>,
    /// Stop words: never required, they only tell apart entries that match
    /// otherwise alike, by a little (a question worded like the FAQ's).
    stops: Vec<Soft>,
}

/// The hits of a query and the words of it that nothing matched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    /// Best first: every entry that matches all of the query's words that
    /// anything matches, then (`partial`) entries that match some.
    pub hits: Vec<Hit>,
    /// Words of the query found nowhere in the texts, as typed.
    pub unmatched: Vec<String>,
}

/// The heading above the hits that match only some of the words, after
/// `full` hits that match all of them.
pub(crate) fn partial_heading(full: usize) -> &'static str {
    if full == 0 { "none has all your words; these match some of them" } else { "matches some of your words" }
}

impl Query {
    /// A query over texts that are not a comparison: the built-in vocabulary only.
    pub fn new(text: &str) -> Query {
        Query::parse(text, Lexicon::built_in())
    }

    /// A query over a comparison whose subjects and synonyms `lexicon` holds.
    pub fn parse(text: &str, lexicon: &Lexicon) -> Query {
        let pattern = Pattern::parse(text);
        let mut query = Query::default();
        // Runs of plain words are read against the lexicon; anything else is strict.
        let mut run: Vec<Term> = Vec::new();
        for group in pattern.groups {
            let plain = group.len() == 1 && group[0].kind == Kind::Fuzzy && !group[0].inverse;
            if plain {
                run.extend(group);
                continue;
            }
            query.read_run(&std::mem::take(&mut run), lexicon);
            let alternatives = group
                .into_iter()
                .map(|term| {
                    let word = (term.kind == Kind::Fuzzy && !term.inverse).then(|| WordTerm::new(&term));
                    Alternative { term, word }
                })
                .collect();
            query.strict.push(Strict { alternatives });
        }
        query.read_run(&run, lexicon);
        if query.soft.is_empty() && query.strict.is_empty() {
            query.soft = std::mem::take(&mut query.stops);
        }
        query
    }

    fn read_run(&mut self, terms: &[Term], lexicon: &Lexicon) {
        let (parts, stops) = soft_parts(terms, lexicon);
        self.soft.extend(parts);
        self.stops.extend(stops);
    }

    pub fn is_empty(&self) -> bool {
        self.strict.is_empty() && self.soft.is_empty()
    }

    /// The byte ranges of `text` this query matched, sorted and merged where
    /// they touch. Stop words are not marked.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let strict = self.strict.iter().flat_map(|g| &g.alternatives).filter(|a| !a.term.inverse);
        for alt in strict {
            match &alt.word {
                Some(word) => ranges.extend(word_marks(word, text)),
                None => ranges.extend(exact_ranges(&alt.term, text)),
            }
        }
        for soft in &self.soft {
            if let Some(word) = &soft.word {
                ranges.extend(word_marks(word, text));
            }
            if let Some(concept) = &soft.concept {
                let members: Vec<&LexWord> = concept.members.iter().flatten().collect();
                tokens(text, |range, _| {
                    let w = LexWord::new(&text[range.clone()]);
                    if members.iter().any(|m| m.meets(&w)) {
                        ranges.push(range);
                    }
                });
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

/// Where `word` matched the words of `text`.
fn word_marks(word: &WordTerm, text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    tokens(text, |range, _| {
        if let Some(marks) = word.marks(&text[range.clone()]) {
            ranges.extend(marks.into_iter().map(|r| r.start + range.start..r.end + range.start));
        }
    });
    ranges
}

/// A run of plain terms, read left to right: the longest run of words a
/// concept of the lexicon has becomes one part; a word that is none is a
/// part, or a stop word (returned apart).
fn soft_parts(terms: &[Term], lexicon: &Lexicon) -> (Vec<Soft>, Vec<Soft>) {
    // Each term's words, and which term each word belongs to.
    let mut words: Vec<LexWord> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (t, term) in terms.iter().enumerate() {
        let w = lexicon::typed_words(&term.text);
        owner.extend(std::iter::repeat_n(t, w.len()));
        words.extend(w);
    }
    let mut parts = Vec::new();
    let mut stops = Vec::new();
    let mut t = 0;
    while t < terms.len() {
        let first = owner.iter().position(|&o| o == t).unwrap_or(words.len());
        // A concept must take whole terms: from a term's first word to a term's last.
        let found = lexicon.longest_at(&words[first..]).filter(|&(_, n)| {
            let last = first + n - 1;
            owner.get(last + 1).is_none_or(|&o| o != owner[last])
        });
        let found = found.or_else(|| subject_by_typo(&terms[t], lexicon).map(|c| (c, 1)));
        match found {
            Some((concept, n)) => {
                let end_term = owner.get(first + n - 1).map_or(t, |&o| o);
                let typed: Vec<&str> = terms[t..=end_term].iter().map(|x| x.text.as_str()).collect();
                let word = (end_term == t).then(|| WordTerm::new(&terms[t]));
                let (typed, words) = (typed.join(" "), words[first..first + n].to_vec());
                parts.push(Soft { typed, span: n, words, word, concept: Some(lexicon.concept(concept).clone()) });
                t = end_term + 1;
            }
            None => {
                let soft = Soft {
                    typed: terms[t].text.clone(),
                    span: 1,
                    words: Vec::new(),
                    word: Some(WordTerm::new(&terms[t])),
                    concept: None,
                };
                // "can't" is two stop words ("can", "t").
                let words = lexicon::words(&terms[t].text);
                let stop = !words.is_empty() && words.iter().all(|w| lexicon::is_stop_word(&w.folded));
                if stop {
                    stops.push(soft)
                } else {
                    parts.push(soft)
                }
                t += 1;
            }
        }
    }
    (parts, stops)
}

/// A subject's name typed with a typo (`djnago`): the subject's concept.
fn subject_by_typo(term: &Term, lexicon: &Lexicon) -> Option<usize> {
    let word = WordTerm::new(term);
    if word.chars < 4 {
        return None;
    }
    (0..).map_while(|i| lexicon.get(i)).position(|c| {
        c.subject.is_some()
            && c.members.iter().any(|m| m.len() == 1 && word.quality(&m[0].folded, &m[0].stem) >= quality::TYPO)
    })
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

/// Raises `best[entry]` to each posting's score for a word matched at `quality`.
fn spread(best: &mut [u8], postings: &[Posting], quality: u32) {
    for p in postings {
        let score = (quality * p.weight() / 100).clamp(1, 100) as u8;
        let slot = &mut best[p.entry()];
        *slot = (*slot).max(score);
    }
}

/// Each entry's best score (0–100) for a fuzzy word term; 0: not matched.
fn word_scores(index: &WordIndex, word: &WordTerm, best: &mut [u8], cancelled: &dyn Fn() -> bool) -> Option<()> {
    for (k, (w, postings)) in index.vocabulary().enumerate() {
        if k % 65_536 == 0 && cancelled() {
            return None;
        }
        let q = word.quality(&word.form(w.text, w.folded), w.stem);
        if q > 0 {
            spread(best, postings, q);
        }
    }
    Some(())
}

/// Each entry's best score (0–100) for a soft part: the typed word, any
/// member of its concept (same word or stem; a phrase's words all in the
/// entry), and the entry being of the kind or about the subject it names.
fn soft_scores(corpus: &Corpus, index: &WordIndex, soft: &Soft, cancelled: &dyn Fn() -> bool) -> Option<Vec<u8>> {
    let mut best = vec![0u8; corpus.len()];
    if let Some(word) = &soft.word {
        word_scores(index, word, &mut best, cancelled)?;
    }
    let Some(concept) = &soft.concept else { return Some(best) };
    // One pass over the vocabulary finds every member word.
    let member_words: Vec<&LexWord> = concept.members.iter().flatten().collect();
    let mut per_word: Vec<Vec<&[Posting]>> = vec![Vec::new(); member_words.len()];
    for (k, (w, postings)) in index.vocabulary().enumerate() {
        if k % 65_536 == 0 && cancelled() {
            return None;
        }
        for (m, member) in member_words.iter().enumerate() {
            if member.matches(w.folded, w.stem) {
                per_word[m].push(postings);
            }
        }
    }
    let mut at = 0;
    for member in &concept.members {
        let found = &per_word[at..at + member.len()];
        at += member.len();
        // The words as typed count fully; the others as synonyms.
        let typed = member.len() == soft.words.len() && member.iter().zip(&soft.words).all(|(a, b)| a.meets(b));
        let quality = if typed { quality::EQUAL } else { quality::SYNONYM };
        if member.len() == 1 {
            for postings in &found[0] {
                spread(&mut best, postings, quality);
            }
            continue;
        }
        // A phrase: the entry must have every word; it scores as its weakest.
        let mut scores: HashMap<u32, u8> = HashMap::new();
        for (n, word_postings) in found.iter().enumerate() {
            let mut this: HashMap<u32, u8> = HashMap::new();
            for postings in word_postings {
                for p in postings.iter() {
                    let s = (quality * p.weight() / 100) as u8;
                    let e = this.entry(p.entry() as u32).or_default();
                    *e = (*e).max(s);
                }
            }
            scores = if n == 0 {
                this
            } else {
                this.into_iter().filter_map(|(e, s)| scores.get(&e).map(|&t| (e, s.min(t)))).collect()
            };
        }
        for (e, s) in scores {
            if !has_phrase(corpus, e as usize, member) {
                continue;
            }
            let slot = &mut best[e as usize];
            *slot = (*slot).max(s);
        }
    }
    if concept.class.is_some() || concept.subject.is_some() {
        for (slot, meta) in best.iter_mut().zip(corpus.metas()) {
            if concept.subject.is_some() && meta.subject == concept.subject {
                *slot = 100;
            } else if concept.subject.is_some() && meta.columns {
                *slot = (*slot).max(80);
            }
            // Being of the kind named matches, but the word itself in a name matches better.
            if concept.class.is_some() && meta.class == concept.class {
                *slot = (*slot).max(CLASS_MATCH);
            }
        }
    }
    Some(best)
}

/// Whether one of the entry's texts has the words of `phrase` one after
/// another (an entry that has them apart, "app" here and "server" there, does
/// not say the phrase).
fn has_phrase(corpus: &Corpus, entry: usize, phrase: &[LexWord]) -> bool {
    corpus.texts(entry).any(|text| {
        let mut run = 0;
        let mut found = false;
        tokens(text, |range, _| {
            if found {
                return;
            }
            let word = &text[range];
            // A joined hyphenated pair ("real-time") sits between its halves: skip it.
            if word.contains('-') {
                return;
            }
            let word = LexWord::new(word);
            run = if phrase[run].meets(&word) {
                run + 1
            } else if phrase[0].meets(&word) {
                1
            } else {
                0
            };
            found = run == phrase.len();
        });
        found
    })
}

/// Each entry's best score for a strict group (0: not matched; an inverse
/// term that is absent counts as matched).
fn strict_scores(corpus: &Corpus, index: &WordIndex, group: &Strict, cancelled: &dyn Fn() -> bool) -> Option<Vec<u8>> {
    let mut best = vec![0u8; corpus.len()];
    for alt in &group.alternatives {
        match &alt.word {
            Some(word) => word_scores(index, word, &mut best, cancelled)?,
            None => {
                for (entry, slot) in best.iter_mut().enumerate() {
                    if entry % 4_096 == 0 && cancelled() {
                        return None;
                    }
                    let score = exact_score(&alt.term, corpus, entry);
                    let score = if alt.term.inverse { if score == 0 { 1 } else { 0 } } else { score.min(100) };
                    *slot = (*slot).max(score as u8);
                }
            }
        }
    }
    Some(best)
}

/// BM25's term-frequency saturation and length normalisation, with a
/// match's quality (field weight included) standing in for the frequency.
/// Entries here are short and of like length, so length counts for little
/// (B well below the usual 0.75; chosen on the tuning half).
const K1: f32 = 1.2;
const B: f32 = 0.15;
/// What an entry of the kind a query names adds (in units of a rare word's
/// weight), and an entry whose name is the query.
const CLASS_BOOST: f32 = 1.0;
const NAME_BOOST: f32 = 1.0;
/// How well an entry of the kind a query names matches that word (0–100).
const CLASS_MATCH: u8 = 60;
/// What a stop word the entry has adds, at most.
const STOP_WEIGHT: f32 = 0.1;
/// The share of entries above which a word is common, and the fewest
/// entries that make it so (in a short list, every word is in many).
const COMMON: f32 = 0.2;
const COMMON_AT_LEAST: f32 = 8.0;
/// Scores are ranked as integers: this many per unit of score.
const SCALE: f32 = 1_000_000.0;
/// Added to the score of an entry that matches every word anything matches.
const FULL: i64 = 1 << 48;
/// Added per step of how an entry relates to the subject named (0–2).
const RELATION: i64 = 1 << 46;

/// The entries of `corpus` matching `query`, best first (ties to the shorter
/// first text, then data order); every entry in data order for an empty query.
/// `None` when `cancelled` said stop.
pub fn rank(corpus: &Indexed, query: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Hit>> {
    search(corpus, query, cancelled).map(|r| r.hits)
}

/// As [`rank`], with the words nothing matched.
///
/// Plain words are ranked as BM25 ranks them: a rare word counts more than a
/// common one, a match in a short entry more than in a long one, a match in a
/// name more than in an answer. An entry must match every strict part and at
/// least one plain word; those that match all plain words (that anything
/// matches) come first.
pub fn search(corpus: &Indexed, query: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Ranked> {
    if query.is_empty() {
        let hits = (0..corpus.len()).map(|i| Hit { index: i as u32, len: 0, score: 0, partial: false }).collect();
        return Some(Ranked { hits, unmatched: Vec::new() });
    }
    let index = corpus.words();
    let n = corpus.len();
    let mut required = vec![true; n];
    let mut total = vec![0f32; n];
    for group in &query.strict {
        let scores = strict_scores(corpus, index, group, cancelled)?;
        for ((ok, t), s) in required.iter_mut().zip(total.iter_mut()).zip(scores) {
            *ok &= s > 0;
            *t += s as f32 / 100.0;
        }
    }
    // How much of the query each entry covers: the weights (rarity times
    // words) of the parts it matches, of `counted` in all.
    let mut matched = vec![0f32; n];
    let mut unmatched = Vec::new();
    let mut counted = 0f32;
    let mut hit_some = vec![false; n];
    let mut any_part = false;
    // Naming two subjects or more asks for a comparison: entries about one
    // of them are not lifted, rows that show them all are.
    let subjects: Vec<u16> = query.soft.iter().filter_map(|s| s.concept.as_ref().and_then(|c| c.subject)).collect();
    let subjects_named = subjects.len();
    let named = (subjects_named == 1).then(|| subjects[0]);
    // How each entry stands to the one subject named: 2 about it (its pro,
    // its fit, a row with its column, a question naming it), 0 about
    // another subject, 1 neither.
    let mut relation = vec![1u8; if named.is_some() { n } else { 0 }];
    for stop in &query.stops {
        let folded = FOLD.apply(&stop.typed);
        for (w, postings) in index.vocabulary() {
            if w.folded == folded {
                for p in postings {
                    total[p.entry()] += STOP_WEIGHT * p.weight() as f32 / 100.0;
                }
            }
        }
    }
    // Each part's scores; the subjects of a comparison ("fastapi vs flask
    // for ml") as one part, which an entry about any of them matches.
    let mut parts: Vec<(&Soft, Vec<u8>)> = Vec::with_capacity(query.soft.len());
    let mut subject_part: Option<usize> = None;
    for soft in &query.soft {
        let scores = soft_scores(corpus, index, soft, cancelled)?;
        let is_subject = soft.concept.as_ref().is_some_and(|c| c.subject.is_some());
        match subject_part.filter(|_| is_subject && subjects_named > 1) {
            Some(k) => parts[k].1.iter_mut().zip(scores).for_each(|(a, b)| *a = (*a).max(b)),
            None => {
                subject_part = subject_part.or((is_subject && subjects_named > 1).then_some(parts.len()));
                parts.push((soft, scores));
            }
        }
    }
    for (soft, scores) in parts {
        let df = scores.iter().filter(|&&s| s > 0).count();
        if df == 0 {
            unmatched.push(soft.typed.clone());
            continue;
        }
        any_part = true;
        let concept = soft.concept.as_ref();
        let (subject, class) = (concept.and_then(|c| c.subject), concept.and_then(|c| c.class));
        let idf = (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        // A word in many entries tells little about which one is meant: it
        // ranks, but an entry need not have it to cover the query. (A word
        // of the lexicon was named on purpose, by the data or the app.) And
        // "vs", "comparison": asking for a side-by-side view lifts rows, but
        // an entry need not say so to answer.
        let common = concept.is_none() && df as f32 > (COMMON * n as f32).max(COMMON_AT_LEAST);
        let weight = if class == Some(Class::Table) || common { 0.0 } else { idf * soft.span as f32 };
        counted += weight;
        for (i, &s) in scores.iter().enumerate() {
            if s == 0 {
                continue;
            }
            matched[i] += weight;
            hit_some[i] = true;
            let tf = s as f32 / 100.0;
            let norm = 1.0 - B + B * index.lengths[i] as f32 / index.mean_length;
            total[i] += soft.span as f32 * idf * tf * (K1 + 1.0) / (tf + K1 * norm);
            let meta = corpus.meta(i);
            if named.is_some() && subject == named && (s >= 100 || meta.columns) {
                relation[i] = 2;
            }
            if class.is_some() && meta.class == class && class != Some(Class::Table) {
                total[i] += CLASS_BOOST;
            }
        }
    }
    if cancelled() {
        return None;
    }
    // With plain words, an entry must match one of them (when any matches
    // anything); when none does and nothing else is asked, nothing matches.
    if !any_part && query.strict.is_empty() {
        return Some(Ranked { hits: Vec::new(), unmatched });
    }
    // The whole query as words, to lift an entry whose name it is ("security").
    let whole: Vec<String> = query.soft.iter().flat_map(|s| lexicon::words(&s.typed)).map(|w| w.folded).collect();
    let whole_len: usize = whole.iter().map(String::len).sum();
    let score = |i: usize| -> Option<(i64, u32)> {
        if !required[i] || (any_part && !hit_some[i]) {
            return None;
        }
        let named_so = |text: &str| {
            let mut k = 0;
            let mut same = true;
            tokens(text, |range, _| {
                let w = &text[range];
                if w.contains('-') {
                    return;
                }
                same &= whole.get(k).is_some_and(|x| x.eq_ignore_ascii_case(w) || *x == FOLD.apply(w));
                k += 1;
            });
            same && k == whole.len()
        };
        // Only a first text about as long as the query can be it: most are not looked at.
        let near = (corpus.first_len(i) as usize) < whole_len + 2 * whole.len() + 4;
        let exact = near && !whole.is_empty() && corpus.texts(i).next().is_some_and(named_so);
        let total = total[i] + if exact { NAME_BOOST } else { 0.0 };
        // Those that cover the whole query first; within each, entries about
        // the one subject named, then those about none (or all), then those
        // about another subject that merely mention it; then by score.
        let full = if counted == 0.0 || matched[i] >= counted * 0.999 { FULL } else { 0 };
        let relation = match relation.get(i) {
            Some(&r) if r == 1 && corpus.meta(i).subject.is_some() => 0,
            Some(&r) => r as i64,
            None => 1,
        };
        Some((full + relation * RELATION + (total * SCALE) as i64, corpus.first_len(i)))
    };
    let mut hits = rank_by(n, &score, cancelled)?;
    for h in &mut hits {
        h.partial = h.score < FULL;
    }
    Some(Ranked { hits, unmatched })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::corpus::Field;

    fn corpus(items: &[&str]) -> Indexed {
        let mut c = Corpus::new();
        for item in items {
            c.push([(Field::Name, *item)]);
        }
        Indexed::new(c)
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
        let items = ["Does Flask run faster than Django?", "Does the framework support form validation?"];
        assert_eq!(ranked(&items, "faster"), ["Does Flask run faster than Django?"]);
        assert_eq!(ranked(&items, "orm"), Vec::<String>::new(), "no word starts with orm");
        assert_eq!(ranked(&items, "frm"), ["Does the framework support form validation?"], "letters within one word");
    }

    #[test]
    fn stems_prefixes_typos_and_compounds() {
        assert_eq!(ranked(&["Is Django used by large companies?"], "company"), ["Is Django used by large companies?"]);
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
        let items = ["Is Django used by large companies?", "Which database?"];
        assert_eq!(ranked(&items, "who uses django"), ["Is Django used by large companies?"]);
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
        let text = "Does Flask run faster than Django?";
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

    fn ranked_with(items: &[&str], lexicon: &Lexicon, query: &str) -> Vec<(String, bool)> {
        let c = corpus(items);
        let hits = rank(&c, &Query::parse(query, lexicon), &|| false).unwrap_or_default();
        hits.iter().map(|h| (items[h.index as usize].to_string(), h.partial)).collect()
    }

    #[test]
    fn a_synonym_group_is_found_both_ways() {
        let lexicon = Lexicon::new(&[], &[vec!["sign up", "register", "registration"]]);
        let items = ["Sign up takes a minute", "Registration is free", "Pricing"];
        let words = |q| ranked_with(&items, &lexicon, q).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
        assert_eq!(words("register"), ["Registration is free", "Sign up takes a minute"], "the typed word first");
        assert_eq!(words("sign up"), ["Sign up takes a minute", "Registration is free"]);
        assert_eq!(words("user sign-up"), ["Sign up takes a minute", "Registration is free"], "one more word");
        let apart = ["Sign the form to get set up"];
        assert!(ranked_with(&apart, &lexicon, "register").is_empty(), "a phrase's words must be adjacent");
    }

    #[test]
    fn stop_words_are_never_required_and_the_rest_rank() {
        let items = ["Django admin panel", "Flask extensions", "Admin for Flask"];
        let lexicon = Lexicon::new(&[("django", "Django"), ("flask", "Flask")], &[]);
        let hits = ranked_with(&items, &lexicon, "does the django have an admin panel");
        assert_eq!(hits[0], ("Django admin panel".to_string(), false));
        let hits = ranked_with(&items, &lexicon, "which one is the best admin");
        assert!(hits.iter().any(|(t, _)| t == "Admin for Flask"), "{hits:?}");
    }

    #[test]
    fn entries_with_some_of_the_words_follow_those_with_all() {
        let items = ["Admin panel", "Panel discussion", "Admin rights"];
        let hits = ranked_with(&items, Lexicon::built_in(), "admin panel");
        let partial: Vec<bool> = hits.iter().map(|h| h.1).collect();
        assert_eq!(partial, [false, true, true], "{hits:?}");
        assert!(ranked_with(&items, Lexicon::built_in(), "zebra").is_empty(), "no word found: nothing");
        let r = search(&corpus(&items), &Query::new("admin zebra"), &|| false).unwrap_or_default();
        assert_eq!(r.unmatched, ["zebra"]);
        assert_eq!(r.hits.len(), 2, "the word found nowhere is left out");
    }

    #[test]
    fn a_posting_keeps_its_entry_and_every_field_weight() {
        use crate::search::corpus::Field::*;
        for field in [Title, Name, Question, Item, Values, Tags, Keywords, Subject, Detail, Answer, Note, Examples] {
            let p = Posting::new(123_456, field.weight());
            assert_eq!((p.entry(), p.weight()), (123_456, field.weight()), "{field:?}");
        }
    }

    #[test]
    fn an_empty_query_keeps_data_order() {
        assert_eq!(ranked(&["b", "a", "c"], ""), ["b", "a", "c"]);
    }
}
