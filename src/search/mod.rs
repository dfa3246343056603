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
