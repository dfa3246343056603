//! Search: the query language ([`syntax`]), folding of case and accents
//! ([`fold`]), the app's word search ([`words`]), the fzf-compatible line
//! filter ([`lines`], with [`fuzzy`]), what can be searched ([`corpora`],
//! [`corpus`]), requests and results as values ([`request`]), and the
//! background thread for large data ([`worker`]). Depends only on the data
//! model, the entry order and the tab names, never on the app or the views.

pub mod corpora;
pub mod corpus;
pub mod fold;
pub mod fuzzy;
pub mod lexicon;
pub mod lines;
pub mod request;
pub mod syntax;
pub mod words;
pub mod worker;

pub use corpora::{Corpora, Found, Kind};
pub use corpus::{Corpus, Field, Hit, full_hits};
pub use lexicon::{Class, Lexicon, Meta};
pub use lines::rank_lines;
pub use request::{Results, SearchRequest, Target};
pub use words::{Indexed, Query, Ranked, partial_heading, rank, search};
pub use worker::Searcher;
