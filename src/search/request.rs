//! A search to run and its results, as plain values: the app asks with a
//! [`SearchRequest`], whoever runs it (this thread, or the [`super::worker`])
//! answers with [`Results`].

use std::sync::Arc;

use super::corpora::Corpora;
use super::corpus::{Corpus, Hit};
use super::words::{Query, rank};

/// Which search line a request or its results belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Faq,
    Palette,
}

/// What a searcher must compute: run it with [`SearchRequest::run`].
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub target: Target,
    pub generation: u64,
    pub query: String,
}

/// The hits for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub target: Target,
    pub generation: u64,
    pub hits: Arc<[Hit]>,
}

impl SearchRequest {
    /// The corpus this request searches.
    pub fn corpus<'a>(&self, corpora: &'a Corpora) -> &'a Corpus {
        match self.target {
            Target::Faq => &corpora.faq,
            Target::Palette => &corpora.everything,
        }
    }

    /// Runs the search; `None` when `cancelled` said stop.
    pub fn run(&self, corpora: &Corpora, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Results> {
        let hits = rank(self.corpus(corpora), &Query::parse(&self.query, &corpora.lexicon), cancelled)?;
        Some(Results { target: self.target, generation: self.generation, hits: hits.into() })
    }
}
