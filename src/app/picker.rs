//! The comparison picker's state: the catalogue, as the terminal loop listed
//! it, filtered by a query line the way fzf filters lines.

use super::{LineAction, SearchLine};
use crate::catalogue::Listed;
use crate::search::lines::LineFilter;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub line: SearchLine,
    /// None until the terminal loop has listed the catalogue.
    pub listed: Option<Vec<Listed>>,
    /// Indices into `listed` that match the query, best first.
    pub shown: Vec<usize>,
    pub selected: usize,
}

impl Picker {
    /// What each comparison is matched against: its name, its title, its
    /// subjects, and all three together (so `^Rust` and `rust-vs-go$` anchor
    /// to a field, and `rust go` may match across them).
    pub fn haystacks(l: &Listed) -> Vec<String> {
        match &l.content {
            Ok(s) => {
                let subjects = s.subjects.join(" ");
                let all = format!("{} {} {subjects}", l.named.name, s.title);
                vec![l.named.name.clone(), s.title.clone(), subjects, all]
            }
            Err(_) => vec![l.named.name.clone()],
        }
    }

    pub fn take(&mut self, listed: Vec<Listed>, current: &str) {
        self.listed = Some(listed);
        self.filter();
        // Start on the comparison that is open, so Enter changes nothing by accident.
        if self.line.query.is_empty() {
            let listed = self.listed.as_deref().unwrap_or_default();
            self.selected = self.shown.iter().position(|&i| listed[i].named.origin() == current).unwrap_or(0);
        }
    }

    pub fn edit(&mut self, action: &LineAction) {
        self.line.edit(action);
        self.filter();
    }

    fn filter(&mut self) {
        let Some(listed) = &self.listed else { return };
        let query = self.line.query.trim();
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
        self.selected = 0;
    }

    pub fn move_by(&mut self, by: isize) {
        self.selected = self.selected.saturating_add_signed(by).min(self.shown.len().saturating_sub(1));
    }

    /// The highlighted comparison.
    pub fn chosen(&self) -> Option<&Listed> {
        self.listed.as_ref()?.get(*self.shown.get(self.selected)?)
    }
}
