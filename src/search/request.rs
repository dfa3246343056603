//! A search to run and its results, as plain values: the app asks with a
//! [`SearchRequest`], whoever runs it (this thread, or the [`super::worker`])
//! answers with [`Results`].

use std::sync::Arc;

use super::corpora::Corpora;
use super::corpus::{Hit, full_hits};
use super::words::Indexed;
use super::words::{Query, search};

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
    /// Words of the query that nothing matched.
    pub unmatched: Arc<[String]>,
    /// For an FAQ search where no question has all the words: how many
    /// entries of the whole comparison have them all, and how many have some,
    /// so the filter can point there.
    pub elsewhere: Option<(usize, usize)>,
}

impl SearchRequest {
    /// The corpus this request searches.
    pub fn corpus<'a>(&self, corpora: &'a Corpora) -> &'a Indexed {
        match self.target {
            Target::Faq => &corpora.faq,
            Target::Palette => &corpora.everything,
        }
    }

    /// Runs the search; `None` when `cancelled` said stop.
    pub fn run(&self, corpora: &Corpora, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Results> {
        let query = Query::parse(&self.query, &corpora.lexicon);
        let ranked = search(self.corpus(corpora), &query, cancelled)?;
        let elsewhere = match self.target {
            Target::Faq if !query.is_empty() && full_hits(&ranked.hits) == 0 => {
                let hits = search(&corpora.everything, &query, cancelled)?.hits;
                Some((full_hits(&hits), hits.len()))
            }
            _ => None,
        };
        Some(Results {
            target: self.target,
            generation: self.generation,
            hits: ranked.hits.into(),
            unmatched: ranked.unmatched.into(),
            elsewhere,
        })
    }
}
