//! A search line's state: the query as typed, which generation of it has
//! been sent to a searcher, and the newest results received.

use std::sync::Arc;

use super::action::LineAction;
use crate::search::{Hit, Results};

/// Queries are typed by hand; a cap keeps a stuck key from making one absurd.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone)]
pub struct SearchLine {
    pub query: String,
    /// Bumped on every change of `query`.
    pub generation: u64,
    /// The newest generation handed to a searcher.
    pub sent: u64,
    /// The newest results received, and the generation and query they answer.
    pub hits: Arc<[Hit]>,
    pub hits_generation: u64,
    pub hits_query: String,
    /// Words of the shown hits' query that nothing matched.
    pub unmatched: Arc<[String]>,
    /// For the FAQ filter when no question has every word: how many entries
    /// of the whole comparison do, and how many have some of them.
    pub elsewhere: Option<(usize, usize)>,
}

impl Default for SearchLine {
    /// An empty line whose first search (everything, in data order) is still to run.
    fn default() -> Self {
        SearchLine {
            query: String::new(),
            generation: 1,
            sent: 0,
            hits: Arc::from([]),
            hits_generation: 0,
            hits_query: String::new(),
            unmatched: Arc::from([]),
            elsewhere: None,
        }
    }
}

impl SearchLine {
    /// A query line that starts with `query`, its search still to run.
    pub(crate) fn with_query(query: &str) -> SearchLine {
        let mut line = SearchLine::default();
        line.edit(&LineAction::Paste(query.to_string()));
        line
    }

    /// How many of the hits match every word (they come first).
    pub fn full_hits(&self) -> usize {
        crate::search::full_hits(&self.hits)
    }

    /// " · not found: …" for the words of the shown query that nothing
    /// matched; empty when there are none.
    pub(crate) fn not_found(&self) -> String {
        match self.unmatched.is_empty() {
            true => String::new(),
            false => format!(" · not found: {}", self.unmatched.join(", ")),
        }
    }

    /// True while the shown hits are for an older query.
    pub(crate) fn pending(&self) -> bool {
        self.hits_generation != self.generation
    }

    /// Applies an editing action; `Accept` and `Cancel` are the caller's.
    pub fn edit(&mut self, action: &LineAction) {
        let before = self.query.clone();
        match action {
            LineAction::Type(c) => self.query.push(*c),
            // A query is one line: line breaks become spaces, other controls go.
            LineAction::Paste(text) => self.query.extend(
                text.chars()
                    .take(MAX_QUERY_CHARS * 2)
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !c.is_control()),
            ),
            LineAction::Backspace => {
                self.query.pop();
            }
            LineAction::DeleteWord => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(kept);
            }
            LineAction::Clear => self.query.clear(),
            LineAction::Accept | LineAction::Cancel => {}
        }
        while self.query.chars().count() > MAX_QUERY_CHARS {
            self.query.pop();
        }
        if self.query != before {
            self.generation += 1;
        }
    }

    /// Takes in results; an older answer never replaces a newer one (results
    /// may arrive out of order). True when they were taken.
    pub fn receive(&mut self, results: Results) -> bool {
        if results.generation <= self.hits_generation || results.generation > self.generation {
            return false;
        }
        self.hits = results.hits;
        self.unmatched = results.unmatched;
        self.elsewhere = results.elsewhere;
        self.hits_generation = results.generation;
        self.hits_query = self.query.clone();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_bump_the_generation_only_when_the_query_changes() {
        let mut line = SearchLine::default();
        line.edit(&LineAction::Backspace);
        assert_eq!(line.generation, 1);
        for c in "one two".chars() {
            line.edit(&LineAction::Type(c));
        }
        line.edit(&LineAction::DeleteWord);
        assert_eq!((line.query.as_str(), line.generation), ("one ", 9));
        line.edit(&LineAction::Clear);
        assert!(line.query.is_empty());
    }

    #[test]
    fn a_paste_is_one_edit_on_one_line() {
        let mut line = SearchLine::default();
        line.edit(&LineAction::Paste("is flask\nfaster\u{1b}[2J".into()));
        assert_eq!((line.query.as_str(), line.generation), ("is flask faster[2J", 2));
        line.edit(&LineAction::Paste("x".repeat(100_000)));
        assert_eq!(line.query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn a_query_is_capped() {
        let mut line = SearchLine::default();
        for _ in 0..500 {
            line.edit(&LineAction::Type('x'));
        }
        assert_eq!(line.query.chars().count(), MAX_QUERY_CHARS);
    }

    fn results(generation: u64) -> Results {
        let (hits, unmatched) = (Arc::from([]), Arc::from([]));
        Results { target: crate::search::Target::Faq, generation, hits, unmatched, elsewhere: None }
    }

    #[test]
    fn stale_results_are_dropped() {
        let mut line = SearchLine::default();
        line.edit(&LineAction::Type('a'));
        assert!(line.receive(results(2)));
        assert!(!line.receive(results(1)), "older than what is shown");
        assert!(!line.receive(results(3)), "newer than the query");
    }
}
