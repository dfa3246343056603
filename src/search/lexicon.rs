//! The words a query may use for one thing: the comparison's subjects (their
//! names, ids and aliases), the data's synonym groups, and a small built-in
//! vocabulary for the app's own kinds of entry ("drawbacks" means cons,
//! "good for" means use cases), which also steers ranking toward that kind.
//! And the stop words of English, which a query never requires.

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::fold::Fold;

/// A kind of entry a query can ask for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Pro,
    Con,
    UseCase,
    Faq,
    /// The source's verdict.
    Verdict,
    /// An entry with a value for every subject: a table row.
    Table,
}

/// What the search knows about an entry beyond its texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The subject the entry is about (a pro of Django, Flask's fit).
    pub subject: Option<u16>,
    /// The kind of entry, where a query can name it.
    pub class: Option<Class>,
    /// The entry has a value for every subject (a row of a table).
    pub columns: bool,
}

/// The built-in vocabulary: words for the app's kinds of entry, and for
/// speed, which every comparison speaks of in other words. Matched by stem,
/// so one form of each word is enough.
const BUILT_IN: &[(Option<Class>, &[&str])] = &[
    (
        Some(Class::Pro),
        &[
            "pro",
            "pros",
            "advantage",
            "benefit",
            "strength",
            "upside",
            "plus",
            "merit",
            "positive",
            "good",
            "strong point",
            "good point",
            "why use",
        ],
    ),
    (
        Some(Class::Con),
        &[
            "con",
            "cons",
            "disadvantage",
            "downside",
            "drawback",
            "weakness",
            "limitation",
            "shortcoming",
            "negative",
            "bad",
            "weak point",
            "pitfall",
            "problem",
            "catch",
        ],
    ),
    (
        Some(Class::UseCase),
        &["use case", "good for", "best for", "suited", "suitable", "ideal for", "used for", "right for", "fit for"],
    ),
    (Some(Class::Faq), &["faq", "frequently asked"]),
    (
        Some(Class::Verdict),
        &["verdict", "recommendation", "conclusion", "bottom line", "final word", "final say", "in short"],
    ),
    (
        Some(Class::Table),
        &[
            "all three",
            "the three",
            "three way",
            "three-way",
            "all of them",
            "each of them",
            "side by side",
            "comparison",
            "compared",
            "versus",
            "vs",
        ],
    ),
    (
        None,
        &["performance", "speed", "fast", "faster", "fastest", "slow", "quick", "throughput", "latency", "benchmark"],
    ),
];

/// Most members a synonym group or the lexicon as a whole may have, and the
/// most words in one member: bounds on what a query costs.
pub(crate) const MAX_GROUP_MEMBERS: usize = 24;
pub(crate) const MAX_MEMBER_WORDS: usize = 4;

/// The English stemmer, shared by the index and the lexicon.
pub(super) fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// A word as the lexicon compares it: folded (lowercase, no accents) and stemmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As written.
    pub text: String,
    pub folded: String,
    pub stem: String,
    /// Typed with a capital: it means this spelling only (fzf's smart case).
    pub exact: bool,
}

impl Word {
    pub fn new(text: &str) -> Word {
        let folded = Fold { case: true, accents: true }.apply(text);
        let stem = stemmer().stem(&folded).into_owned();
        Word { text: text.to_string(), folded, stem, exact: false }
    }

    /// The same word, or (three letters or more) the same stem; an exact
    /// word, only the same spelling.
    pub fn meets(&self, other: &Word) -> bool {
        if self.exact || other.exact {
            return self.text == other.text;
        }
        self.matches(&other.folded, &other.stem)
    }

    /// Whether a word with this folded form and stem is this word, or (three
    /// letters or more) shares its stem.
    pub fn matches(&self, folded: &str, stem: &str) -> bool {
        self.folded == folded || (self.folded.chars().count() >= 3 && self.stem == stem)
    }
}

/// The words of `text`: runs of letters and digits, folded and stemmed. A
/// trailing possessive ("Django's") is dropped.
pub fn words(text: &str) -> Vec<Word> {
    split(text).map(Word::new).collect()
}

/// The words of a query term: as [`words`], each asking for its spelling
/// when the term has a capital (fzf's smart case, term by term).
pub(crate) fn typed_words(text: &str) -> Vec<Word> {
    let exact = !Fold::for_term(text).case;
    split(text).map(|w| Word { exact, ..Word::new(w) }).collect()
}

fn split(text: &str) -> impl Iterator<Item = &str> {
    let text = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// One way to say a concept: one or more words, in order.
pub(crate) type Member = Vec<Word>;

/// Words and phrases that mean one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub members: Vec<Member>,
    /// Entries of this kind are what the concept names.
    pub class: Option<Class>,
    /// Entries about this subject are what the concept names.
    pub subject: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexicon {
    /// Subjects first, then the data's groups, then the built-in vocabulary:
    /// where two would match the same words, the earlier wins.
    concepts: Vec<Concept>,
}

impl Lexicon {
    /// The lexicon of a comparison: its subjects (`(id, name)`), whose names
    /// a synonym group may give aliases to by holding the name or the id,
    /// its synonym groups, and the built-in vocabulary.
    pub fn new(subjects: &[(&str, &str)], synonyms: &[Vec<&str>]) -> Lexicon {
        let member = |text: &str| -> Member { words(text).into_iter().take(MAX_MEMBER_WORDS).collect() };
        let mut concepts: Vec<Concept> = subjects
            .iter()
            .enumerate()
            .map(|(i, (id, name))| Concept {
                members: vec![member(name), member(id)],
                class: None,
                subject: Some(i as u16),
            })
            .collect();
        for group in synonyms {
            let members: Vec<Member> =
                group.iter().take(MAX_GROUP_MEMBERS).map(|m| member(m)).filter(|m| !m.is_empty()).collect();
            let names_subject = concepts
                .iter()
                .position(|c| c.subject.is_some() && members.iter().any(|m| c.members.iter().any(|n| same(n, m))));
            match names_subject {
                Some(s) => concepts[s].members.extend(members),
                None => concepts.push(Concept { members, class: None, subject: None }),
            }
        }
        for (class, list) in BUILT_IN {
            concepts.push(Concept { members: list.iter().map(|m| member(m)).collect(), class: *class, subject: None });
        }
        for c in &mut concepts {
            c.members.retain(|m| !m.is_empty());
            c.members.dedup();
        }
        Lexicon { concepts }
    }

    /// The built-in vocabulary alone, for texts that are not a comparison.
    pub(crate) fn built_in() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::new(&[], &[]))
    }

    pub(crate) fn concept(&self, i: usize) -> &Concept {
        &self.concepts[i]
    }

    pub fn get(&self, i: usize) -> Option<&Concept> {
        self.concepts.get(i)
    }

    /// The longest member of any concept that `query` starts with: the
    /// concept and how many words it takes. Earlier concepts win ties.
    pub(crate) fn longest_at(&self, query: &[Word]) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, c) in self.concepts.iter().enumerate() {
            for m in &c.members {
                let fits = m.len() <= query.len() && m.iter().zip(query).all(|(a, b)| a.meets(b));
                if fits && best.is_none_or(|(_, len)| m.len() > len) {
                    best = Some((i, m.len()));
                }
            }
        }
        best
    }
}

/// Two members with the same words.
fn same(a: &Member, b: &Member) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.meets(y))
}

/// English stop words (NLTK's list): a query never requires them.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| stop_words::get("en").iter().copied().collect()).contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new(
            &[("django", "Django"), ("fastapi", "FastAPI")],
            &[vec!["sign up", "register", "signup"], vec!["FastAPI", "fast api"]],
        )
    }

    fn at(l: &Lexicon, q: &str) -> Option<(usize, usize)> {
        l.longest_at(&words(q))
    }

    #[test]
    fn subjects_synonyms_and_kinds_are_found_by_their_longest_member() {
        let l = lexicon();
        assert_eq!(at(&l, "django admin"), Some((0, 1)));
        assert_eq!(at(&l, "fast api docs"), Some((1, 2)), "an alias given by a group that holds the name");
        assert_eq!(at(&l, "registering users").map(|(c, _)| l.concept(c).members.len()), Some(3), "by stem");
        assert_eq!(at(&l, "sign up flow").map(|(_, n)| n), Some(2));
        let drawbacks = at(&l, "drawbacks of flask").map(|(c, _)| l.concept(c).class);
        assert_eq!(drawbacks, Some(Some(Class::Con)));
        let good_for = at(&l, "good for apis").map(|(c, n)| (l.concept(c).class, n));
        assert_eq!(good_for, Some((Some(Class::UseCase), 2)), "the longer phrase beats `good` alone");
        assert_eq!(at(&l, "orm"), None);
    }

    #[test]
    fn stop_words_come_from_the_list() {
        for w in ["is", "the", "can", "should", "which", "i", "my"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["django", "admin", "api", "fast"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }
}
