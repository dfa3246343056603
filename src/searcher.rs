//! Runs the searches the app asks for without ever making drawing wait:
//! small ones at once on the UI thread, large ones on a search thread that
//! works on the newest request and abandons any search a newer keystroke has
//! made stale. No terminal types: the benchmarks drive it with a TestBackend.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::{Action, App, SearchRequest, Target};
use crate::index::Index;

/// Searches over fewer entries than this run on the UI thread: they take well
/// under a frame. Larger ones go to the search thread.
const INLINE_SEARCH_ENTRIES: usize = 20_000;

/// A thread that runs large searches, newest first, abandoning any search
/// that a newer keystroke has made stale. Drawing never waits for it.
pub struct Searcher {
    requests: Sender<SearchRequest>,
    results: Receiver<Action>,
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
    pub fn start(index: Arc<Index>) -> Searcher {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (outbox, results) = mpsc::channel();
        let newest: Arc<[AtomicU64; 2]> = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let seen = Arc::clone(&newest);
        std::thread::spawn(move || {
            while let Ok(first) = inbox.recv() {
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
                    if let Some(found) = request.run(&index, &stale)
                        && outbox.send(found).is_err()
                    {
                        return;
                    }
                }
            }
        });
        Searcher { requests, results, newest }
    }

    /// Runs what `app` needs: small searches at once, large ones on the thread;
    /// then takes in whatever the thread has finished.
    pub fn serve(&self, app: &mut App) {
        while let Some(request) = app.search_request() {
            app.update(Action::SearchSent { target: request.target, generation: request.generation });
            if request.corpus(&app.index).len() < INLINE_SEARCH_ENTRIES {
                if let Some(found) = request.run(&app.index.clone(), &|| false) {
                    app.update(found);
                }
            } else {
                self.newest[slot(request.target)].fetch_max(request.generation, Ordering::Relaxed);
                let _ = self.requests.send(request);
            }
        }
        for found in self.results.try_iter() {
            app.update(found);
        }
    }
}
