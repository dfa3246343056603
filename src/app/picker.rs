//! The comparison picker's state: the catalogue, as the terminal loop listed
//! it, filtered by a query line the way fzf filters lines.

use super::{LineAction, SearchLine};
use crate::catalogue::Listed;
use crate::search::lines::LineFilter;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub line: SearchLine,
    /// None until the terminal loop has listed the first comparisons.
    pub listed: Option<Vec<Listed>>,
    /// Every comparison is listed (the listing runs beside the app and
    /// sends what it has read as it goes).
    pub done: bool,
    /// The user has moved the highlight: arrivals no longer move it.
    moved: bool,
    /// Moves typed before anything was listed, applied from the open comparison once it is.
    pending: isize,
    /// Enter typed before anything was listed: the choice is made once everything is.
    pub accept_when_listed: bool,
    /// Indices into `listed` that match the query, best first.
    pub shown: Vec<usize>,
    /// When no name matches the query: the query whose content search is
    /// under way, or what it found.
    pub content: Content,
    pub selected: usize,
}

impl Picker {
    /// What each comparison is matched against: its name, its title, its
    /// subjects, and all three together (so `^Rust` and `rust-vs-go$` anchor
    /// to a field, and `rust go` may match across them).
    pub(crate) fn haystacks(l: &Listed) -> Vec<String> {
        match &l.content {
            Ok(s) => {
                let subjects = s.subjects.join(" ");
                let all = format!("{} {} {subjects}", l.named.name, s.title);
                vec![l.named.name.clone(), s.title.clone(), subjects, all]
            }
            Err(_) => vec![l.named.name.clone()],
        }
    }

    /// Takes in comparisons the listing has read (`done`: the last of them).
    /// The highlight stays on what the user chose; until they choose, it
    /// starts on the comparison that is open, so Enter changes nothing by accident.
    pub(crate) fn add(&mut self, more: Vec<Listed>, done: bool, current: &str) {
        let chosen = self.shown.get(self.selected).copied();
        self.listed.get_or_insert_with(Vec::new).extend(more);
        self.done |= done;
        self.filter();
        let listed = self.listed.as_deref().unwrap_or_default();
        let keep = if self.moved || !self.line.query.is_empty() {
            chosen
        } else {
            listed.iter().position(|l| l.named.origin() == current)
        };
        self.selected = keep.and_then(|i| self.shown.iter().position(|&s| s == i)).unwrap_or(0);
        let pending = std::mem::take(&mut self.pending);
        if pending != 0 {
            self.move_by(pending);
        }
    }

    pub fn edit(&mut self, action: &LineAction) {
        self.line.edit(action);
        self.filter();
        self.selected = 0;
    }

    fn filter(&mut self) {
        let Some(listed) = &self.listed else { return };
        let query = self.line.query.trim();
        if let Content::Found { query: q, found, .. } = &self.content
            && q == query
        {
            self.shown =
                found.iter().filter_map(|(name, _)| listed.iter().position(|l| &l.named.name == name)).collect();
            return;
        }
        self.shown = if query.is_empty() {
            (0..listed.len()).collect()
        } else {
            let filter = LineFilter::new(query, false);
            let mut scored: Vec<(i64, usize)> = listed
                .iter()
                .enumerate()
                .filter_map(|(i, l)| Some((Self::haystacks(l).iter().filter_map(|h| filter.score(h)).max()?, i)))
                .collect();
            // Best first; equal scores keep the catalogue's order.
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            scored.into_iter().map(|(_, i)| i).collect()
        };
    }

    pub(crate) fn move_by(&mut self, by: isize) {
        if self.listed.is_none() {
            self.pending = self.pending.saturating_add(by);
            return;
        }
        self.moved = true;
        self.selected = self.selected.saturating_add_signed(by).min(self.shown.len().saturating_sub(1));
    }

    /// Whether the contents should be searched for the query: everything is
    /// listed, the query names nothing, and that query was not searched yet.
    pub(crate) fn wants_content_search(&self) -> Option<String> {
        let query = self.line.query.trim();
        let asked = match &self.content {
            Content::Searching(q) | Content::Found { query: q, .. } => q == query,
            Content::None => false,
        };
        (self.done && self.shown.is_empty() && !query.is_empty() && !asked).then(|| query.to_string())
    }

    /// Takes in what the content search found for `query` (ignored when the query has moved on).
    pub(crate) fn content_found(&mut self, query: String, found: Vec<(String, usize)>, skipped: usize) {
        if self.line.query.trim() == query {
            self.content = Content::Found { query, found, skipped };
            self.filter();
            self.selected = 0;
        }
    }

    /// The hits of the highlighted comparison's content, when the list is a content search's.
    pub fn content_hits(&self, name: &str) -> Option<usize> {
        match &self.content {
            Content::Found { query, found, .. } if query == self.line.query.trim() => {
                found.iter().find(|(n, _)| n == name).map(|(_, h)| *h)
            }
            _ => None,
        }
    }

    /// The highlighted comparison.
    pub fn chosen(&self) -> Option<&Listed> {
        self.listed.as_ref()?.get(*self.shown.get(self.selected)?)
    }
}

/// The picker's search of the comparisons' content, for a query no name matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Content {
    #[default]
    None,
    /// Under way for this query.
    Searching(String),
    /// Done for this query: each comparison whose content matches, by name,
    /// with how many entries match (most first), and how many large files were skipped.
    Found { query: String, found: Vec<(String, usize)>, skipped: usize },
}
