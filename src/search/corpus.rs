//! Texts to search, each entry made of labelled texts (a question, its
//! answer, its tags), stored in one buffer; a ranked hit; and the parallel
//! ranking loop shared by the word search and the line filter.

use std::ops::Range;

use super::lexicon::Meta;

/// Which part of an entry a text is: it decides how much a match there
/// weighs, and names the match in `versus search --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Summary,
    Name,
    Question,
    /// A pro or a con: a sentence, not a name.
    Item,
    Values,
    Tags,
    Keywords,
    Subject,
    Detail,
    Answer,
    Description,
    Discussion,
    /// A remark on another entry: below that entry's own words.
    Note,
    Examples,
    Sources,
    Homepage,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Name => "name",
            Field::Question => "question",
            Field::Item => "item",
            Field::Values => "values",
            Field::Tags => "tags",
            Field::Keywords => "keywords",
            Field::Subject => "subject",
            Field::Detail => "detail",
            Field::Answer => "answer",
            Field::Description => "description",
            Field::Discussion => "discussion",
            Field::Note => "note",
            Field::Examples => "examples",
            Field::Sources => "sources",
            Field::Homepage => "homepage",
        }
    }

    /// The field as a reader names it, in a hit's preview.
    pub fn heading(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Summary => "Summary",
            Field::Name => "Name",
            Field::Question => "Question",
            Field::Item => "Text",
            Field::Values => "Per subject",
            Field::Tags => "Tags",
            Field::Keywords => "Also found by",
            Field::Subject => "Subject",
            Field::Detail => "Detail",
            Field::Answer => "Answer",
            Field::Description => "About",
            Field::Discussion => "Discussion",
            Field::Note => "Note",
            Field::Examples => "Examples",
            Field::Sources => "Source",
            Field::Homepage => "Link",
        }
    }

    /// How much a match here counts, in percent: names and questions above
    /// tags and keywords, above pros and cons, above details and answers,
    /// above examples and sources.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title | Field::Name | Field::Question => 100,
            Field::Subject | Field::Values => 80,
            Field::Tags | Field::Keywords => 65,
            Field::Item => 70,
            Field::Summary | Field::Detail | Field::Answer | Field::Description | Field::Discussion => 55,
            Field::Note => 50,
            Field::Examples | Field::Sources | Field::Homepage => 40,
        }
    }
}

/// One matching entry: its index among the candidates, its score, and the
/// length of its first text (the tie-breaker: shorter first, as fzf does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub len: u32,
    pub score: i64,
    /// The entry matches some of the query's words, not all.
    pub partial: bool,
}

/// How many of `hits` match every word of the query: they come first.
pub fn full_hits(hits: &[Hit]) -> usize {
    hits.iter().take_while(|h| !h.partial).count()
}

/// Entries of labelled texts in one buffer (no allocation per text). Its
/// word index lives beside it (`words::Indexed`), built on first use.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    buf: String,
    /// Byte range and field of each text in `buf`.
    texts: Vec<(u32, u32, Field)>,
    /// Index of each entry's first text; the entry's texts run to the next entry's first.
    entries: Vec<u32>,
    /// What the search knows of each entry beyond its texts.
    metas: Vec<Meta>,
}

impl Corpus {
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Adds an entry made of `texts`; returns its index. Empty texts are left out.
    pub fn push<'a>(&mut self, texts: impl IntoIterator<Item = (Field, &'a str)>) -> usize {
        self.push_about(Meta::default(), texts)
    }

    /// Adds an entry with what is known of it (its subject, its kind).
    pub(crate) fn push_about<'a>(&mut self, meta: Meta, texts: impl IntoIterator<Item = (Field, &'a str)>) -> usize {
        self.entries.push(self.texts.len() as u32);
        self.metas.push(meta);
        for (field, t) in texts {
            if t.is_empty() {
                continue;
            }
            let start = self.buf.len() as u32;
            self.buf.push_str(t);
            self.texts.push((start, self.buf.len() as u32, field));
        }
        self.entries.len() - 1
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn text_range(&self, i: usize) -> Range<usize> {
        let first = self.entries[i] as usize;
        first..self.entries.get(i + 1).map_or(self.texts.len(), |&e| e as usize)
    }

    /// The texts of entry `i`, with their fields.
    pub fn fields(&self, i: usize) -> impl Iterator<Item = (Field, &str)> {
        self.texts[self.text_range(i)].iter().map(|&(s, e, f)| (f, &self.buf[s as usize..e as usize]))
    }

    pub(crate) fn meta(&self, i: usize) -> Meta {
        self.metas[i]
    }

    pub(crate) fn metas(&self) -> &[Meta] {
        &self.metas
    }

    /// The texts of entry `i`.
    pub fn texts(&self, i: usize) -> impl Iterator<Item = &str> {
        self.fields(i).map(|(_, t)| t)
    }

    /// Length of entry `i`'s first text, for breaking ties.
    pub(crate) fn first_len(&self, i: usize) -> u32 {
        self.texts.get(self.entries[i] as usize).filter(|_| !self.text_range(i).is_empty()).map_or(0, |t| t.1 - t.0)
    }
}

/// Entries scored between two looks at the cancel flag.
const CANCEL_STRIDE: usize = 2_048;
/// Below this many entries one thread is faster than starting several.
const PARALLEL_THRESHOLD: usize = 4_096;

/// The ranking loop: `score(i)` for each of `count` entries, on every core
/// when there are many, best first, ties to the shorter text then the earlier
/// entry. `None` when `cancelled` said stop.
pub(super) fn rank_by(
    count: usize,
    score: &(dyn Fn(usize) -> Option<(i64, u32)> + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    let scan_sorted = |range: Range<usize>| -> Option<Vec<Hit>> {
        let mut hits = Vec::new();
        for chunk_start in range.clone().step_by(CANCEL_STRIDE) {
            if cancelled() {
                return None;
            }
            for i in chunk_start..(chunk_start + CANCEL_STRIDE).min(range.end) {
                if let Some((score, len)) = score(i) {
                    hits.push(Hit { index: i as u32, len, score, partial: false });
                }
            }
        }
        hits.sort_unstable_by(best_first);
        Some(hits)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let hits = if count < PARALLEL_THRESHOLD || threads == 1 {
        scan_sorted(0..count)?
    } else {
        // Each part is scored and sorted on its own thread, then the sorted parts are merged.
        let per = count.div_ceil(threads);
        let parts: Vec<Option<Vec<Hit>>> = std::thread::scope(|s| {
            let handles: Vec<_> =
                (0..threads).map(|t| s.spawn(move || scan_sorted(t * per..((t + 1) * per).min(count)))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or(None)).collect()
        });
        let mut merged: Vec<Hit> = Vec::new();
        for part in parts {
            merged = merge(merged, part?);
        }
        merged
    };
    (!cancelled()).then_some(hits)
}

/// The ranking order: higher score first, then the shorter text, then the earlier entry.
pub(super) fn best_first(a: &Hit, b: &Hit) -> std::cmp::Ordering {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_rankings_use_threads_and_agree_with_one_thread() {
        let score = |i: usize| (!i.is_multiple_of(3)).then_some(((i % 17) as i64, (i % 5) as u32));
        let hits = rank_by(40_000, &score, &|| false).unwrap_or_default();
        let mut single: Vec<Hit> = (0..40_000)
            .filter_map(|i| score(i).map(|(score, len)| Hit { index: i as u32, len, score, partial: false }))
            .collect();
        single.sort_unstable_by(best_first);
        assert_eq!(hits, single);
    }

    #[test]
    fn a_cancelled_ranking_returns_nothing() {
        assert!(rank_by(50_000, &|_| Some((1, 1)), &|| true).is_none());
    }

    #[test]
    fn entries_keep_their_fields_and_skip_empty_texts() {
        let mut c = Corpus::new();
        c.push([(Field::Question, "Why?"), (Field::Answer, ""), (Field::Tags, "why")]);
        c.push([]);
        let fields: Vec<(Field, &str)> = c.fields(0).collect();
        assert_eq!(fields, [(Field::Question, "Why?"), (Field::Tags, "why")]);
        assert_eq!((c.first_len(0), c.first_len(1), c.texts(1).count()), (4, 0, 0));
    }
}
