//! Runs large searches on a thread of their own, so drawing never waits: it
//! works on the newest request per search line and abandons any search a
//! newer keystroke has made stale. Knows nothing of the app: requests in,
//! [`Results`] out.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use super::corpora::Corpora;
use super::request::{Results, SearchRequest, Target};
use super::words::Indexed;

/// Searches over fewer entries than this are best run at once on the UI
/// thread: they take well under a frame. Larger ones go to the worker.
pub(crate) const INLINE_SEARCH_ENTRIES: usize = 20_000;

pub struct Searcher {
    corpora: Arc<Corpora>,
    requests: Sender<SearchRequest>,
    results: Receiver<Results>,
    /// Newest generation asked for, per target; older searches stop early.
    newest: Arc<[AtomicU64; 2]>,
}

fn slot(target: Target) -> usize {
    match target {
        Target::Faq => 0,
        Target::Palette => 1,
    }
}

impl Searcher {
    pub fn start(corpora: Arc<Corpora>) -> Searcher {
        Searcher::start_waking(corpora, || {})
    }

    /// Like [`start`](Searcher::start), calling `wake` each time results are
    /// ready, so a loop can sleep until then instead of polling.
    pub(crate) fn start_waking(corpora: Arc<Corpora>, wake: impl Fn() + Send + 'static) -> Searcher {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (outbox, results) = mpsc::channel();
        let newest: Arc<[AtomicU64; 2]> = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let seen = Arc::clone(&newest);
        let shared = Arc::clone(&corpora);
        std::thread::spawn(move || {
            // Large data: build the word indexes while the user reads, one at
            // a time, so that a request never waits for an index it does not need.
            let mut unbuilt: Vec<&Indexed> =
                [&shared.everything, &shared.faq].into_iter().filter(|c| c.len() >= INLINE_SEARCH_ENTRIES).collect();
            loop {
                let first = match inbox.try_recv() {
                    Ok(request) => request,
                    Err(mpsc::TryRecvError::Empty) => match unbuilt.pop() {
                        Some(corpus) => {
                            corpus.words();
                            continue;
                        }
                        None => match inbox.recv() {
                            Ok(request) => request,
                            Err(_) => return,
                        },
                    },
                    Err(mpsc::TryRecvError::Disconnected) => return,
                };
                // Only the newest request per target matters.
                let mut queue: Vec<SearchRequest> = vec![first];
                queue.extend(inbox.try_iter());
                queue.reverse();
                let mut done = [false; 2];
                for request in queue {
                    if std::mem::replace(&mut done[slot(request.target)], true) {
                        continue;
                    }
                    let stale = || seen[slot(request.target)].load(Ordering::Relaxed) > request.generation;
                    if let Some(found) = request.run(&shared, &stale) {
                        if outbox.send(found).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            }
        });
        Searcher { corpora, requests, results, newest }
    }

    /// Runs a small search at once and returns its results; hands a large one
    /// to the thread (its results come from [`Searcher::finished`]).
    pub fn run(&self, request: SearchRequest) -> Option<Results> {
        if request.corpus(&self.corpora).len() < INLINE_SEARCH_ENTRIES {
            return request.run(&self.corpora, &|| false);
        }
        self.newest[slot(request.target)].fetch_max(request.generation, Ordering::Relaxed);
        let _ = self.requests.send(request);
        None
    }

    /// Results the thread has finished since the last call.
    pub fn finished(&self) -> impl Iterator<Item = Results> + '_ {
        self.results.try_iter()
    }
}
