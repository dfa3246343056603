//! Search: the query language ([`syntax`]), folding of case and accents
//! ([`fold`]), the app's word search ([`words`]), the fzf-compatible line
//! filter ([`lines`], with [`fuzzy`]), what can be searched ([`corpora`],
//! [`corpus`]), requests and results as values ([`request`]), and the
//! background thread for large data ([`worker`]). Depends only on the data
//! model, the entry order and the tab names, never on the app or the views.

pub mod corpora;
pub mod corpus;
pub(crate) mod fold;
pub(crate) mod fuzzy;
pub mod lexicon;
pub mod lines;
pub mod request;
pub mod syntax;
pub mod words;
pub(crate) mod worker;

pub use corpora::{Corpora, Found, Kind};
pub use corpus::Corpus;
pub use corpus::Field;
pub use corpus::{Hit, full_hits};
pub use lexicon::Class;
pub use lexicon::Lexicon;
pub use request::SearchRequest;
pub use request::{Results, Target};
pub use words::Indexed;
pub use words::Ranked;
pub(crate) use words::partial_heading;
pub use words::{Query, rank, search};
pub use worker::Searcher;

/// How many entries of `c` match every word of `query`, when `c` has every
/// word somewhere (None: some word is nowhere in it, so it is not about the
/// query). For finding comparisons by their content (`search --all`, the picker).
pub fn content_hits(c: &crate::data::Comparison, query: &str, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<usize> {
    let corpora = Corpora::build(c, &crate::entries::Entries::build(c));
    let q = Query::parse(query, &corpora.lexicon);
    let ranked = search(&corpora.everything, &q, cancelled)?;
    (ranked.unmatched.is_empty()).then(|| full_hits(&ranked.hits)).filter(|&n| n > 0)
}
