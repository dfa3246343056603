//! Search: the matcher and ranking ([`query`]), what can be searched
//! ([`corpora`]), requests and results as values ([`request`]), and the
//! background thread for large data ([`worker`]). Depends only on the data
//! model, the entry order and the tab names, never on the app or the views.

pub mod corpora;
pub mod query;
pub mod request;
pub mod worker;

pub use corpora::{Corpora, Found, Kind};
pub use query::{Corpus, Hit, Query, extends, is_case_sensitive, rank, rank_lines};
pub use request::{Results, SearchRequest, Target};
pub use worker::Searcher;
