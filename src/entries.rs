//! Every tab's entries: how many there are, and their order on the tabs that
//! do not simply list one list of the data (the Pros/Cons items, the key
//! features and the Overview's sections). Built once per comparison; the app,
//! the views and the search corpora all number entries through it, so a
//! search hit lands on the row that was drawn.

use crate::data::{Comparison, Note};
use crate::tab::Tab;

/// A note, with where it is in words ("Use cases › E-commerce › Django").
#[derive(Debug, Clone, PartialEq)]
pub struct NoteAt<'a> {
    pub place: String,
    pub note: &'a Note,
}

/// Every note in the comparison, in tab order, each with its place.
pub fn all_notes<'a>(c: &'a Comparison) -> Vec<NoteAt<'a>> {
    let name = |id: &str| c.subject_name(id).unwrap_or(id).to_string();
    let mut out = Vec::new();
    // The place is only written for entries that have notes: most have none,
    // and this runs when a comparison is opened.
    let mut add = |notes: &'a [Note], place: &dyn Fn() -> String| {
        if !notes.is_empty() {
            let place = place();
            out.extend(notes.iter().map(|note| NoteAt { place: place.clone(), note }));
        }
    };
    for (id, list) in c.key_features.iter() {
        for f in list {
            add(&f.notes, &|| format!("Features › {} › {}", name(id), f.name));
        }
    }
    for r in &c.features {
        add(&r.notes, &|| format!("Features › {}", r.name));
    }
    for (id, pc) in c.pros_cons.iter() {
        add(&pc.notes, &|| format!("Pros/Cons › {}", name(id)));
    }
    for r in &c.pros_cons_table {
        add(&r.notes, &|| format!("Pros/Cons › {}", r.name));
    }
    for u in &c.use_cases {
        for (id, fit) in u.fits.iter() {
            add(&fit.notes, &|| format!("Use cases › {} › {}", u.domain, name(id)));
        }
    }
    for f in &c.factors {
        add(&f.notes, &|| format!("Performance & security › {}", f.name));
    }
    for r in &c.decision {
        add(&r.notes, &|| format!("Decision snapshot › {}", r.name));
    }
    if let Some(v) = &c.verdict {
        add(&v.notes, &|| v.heading());
    }
    for f in &c.faq {
        add(&f.notes, &|| format!("FAQ › {}", f.question));
    }
    out
}

/// An entry of the Pros/Cons tab, in display order: subject by subject, its
/// pros, its cons, then its at-a-glance rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProsConsItem {
    Pro { subject: usize, index: usize },
    Con { subject: usize, index: usize },
    Glance { subject: usize, row: usize },
}

impl ProsConsItem {
    pub fn subject(self) -> usize {
        match self {
            ProsConsItem::Pro { subject, .. }
            | ProsConsItem::Con { subject, .. }
            | ProsConsItem::Glance { subject, .. } => subject,
        }
    }
}

/// An entry of the Overview tab, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewItem {
    /// The comparison's title and summary.
    About,
    Subject(usize),
    /// The source's verdict.
    Verdict,
    /// The decision snapshot (criteria × subjects).
    Decision,
    /// Every note the data makes on its source: corrections, unconfirmed claims, context.
    Notes,
    Source(usize),
}

/// Every tab's entries: how many each has, and their order where a tab is
/// not one plain list of the data's records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    /// How many entries each tab has, by [`Tab::index`] (the FAQ's full list).
    counts: [usize; Tab::ALL.len()],
    /// The Pros/Cons tab's entries.
    pub pros_cons: Vec<ProsConsItem>,
    /// Key features in display order (after the feature rows on the Features
    /// tab): (subject, index in that subject's list).
    pub key_features: Vec<(usize, usize)>,
    /// The Overview tab's entries.
    pub overview: Vec<OverviewItem>,
}

impl Entries {
    /// How many entries `tab` has (the FAQ's full list, whatever a filter shows).
    pub fn count(&self, tab: Tab) -> usize {
        self.counts[tab.index()]
    }

    /// The Pros/Cons entry beside `selected` in the next (`dir` > 0) or
    /// previous subject's column that has items: as far down that column as
    /// `selected` is down its own, or that column's last item. `None` at the edge.
    pub(crate) fn pros_cons_beside(&self, selected: usize, dir: isize) -> Option<usize> {
        let items = &self.pros_cons;
        let (subject, ordinal, _) = self.pros_cons_place(selected)?;
        let last = items.last()?.subject();
        let mut next = subject;
        loop {
            next = next.checked_add_signed(dir.signum()).filter(|&n| n <= last)?;
            if let Some((first, count)) = self.pros_cons_column(next) {
                return Some(first + ordinal.min(count - 1));
            }
        }
    }

    /// Where Pros/Cons entry `selected` is: its subject, how far down that
    /// subject's column (from 0), and how many items the column has.
    pub(crate) fn pros_cons_place(&self, selected: usize) -> Option<(usize, usize, usize)> {
        let subject = self.pros_cons.get(selected)?.subject();
        let (first, count) = self.pros_cons_column(subject)?;
        Some((subject, selected - first, count))
    }

    /// Subject `s`'s column: its first entry and how many it has (the entries
    /// are grouped by subject); `None` when it has none.
    fn pros_cons_column(&self, s: usize) -> Option<(usize, usize)> {
        let first = self.pros_cons.iter().position(|i| i.subject() == s)?;
        Some((first, self.pros_cons[first..].iter().take_while(|i| i.subject() == s).count()))
    }

    pub fn build(c: &Comparison) -> Entries {
        let mut e = Entries::default();
        for (si, s) in c.subjects.iter().enumerate() {
            let n = c.key_features.get(&s.id).map_or(0, Vec::len);
            e.key_features.extend((0..n).map(|i| (si, i)));
        }
        for (si, s) in c.subjects.iter().enumerate() {
            let Some(pc) = c.pros_cons.get(&s.id) else { continue };
            e.pros_cons.extend((0..pc.pros.len()).map(|index| ProsConsItem::Pro { subject: si, index }));
            e.pros_cons.extend((0..pc.cons.len()).map(|index| ProsConsItem::Con { subject: si, index }));
            e.pros_cons.extend((0..c.pros_cons_table.len()).map(|row| ProsConsItem::Glance { subject: si, row }));
        }
        e.overview.push(OverviewItem::About);
        e.overview.extend((0..c.subjects.len()).map(OverviewItem::Subject));
        if c.verdict.is_some() {
            e.overview.push(OverviewItem::Verdict);
        }
        if !c.decision.is_empty() {
            e.overview.push(OverviewItem::Decision);
        }
        if !all_notes(c).is_empty() {
            e.overview.push(OverviewItem::Notes);
        }
        e.overview.extend((0..c.sources.len()).map(OverviewItem::Source));
        e.counts = Tab::ALL.map(|tab| match tab {
            Tab::Features => c.features.len() + e.key_features.len(),
            Tab::ProsCons => e.pros_cons.len(),
            Tab::UseCases => c.use_cases.len(),
            Tab::Performance => c.factors.len(),
            Tab::Faq => c.faq.len(),
            Tab::Decide => c.decision.len(),
            Tab::Overview => e.overview.len(),
        });
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beside_keeps_the_place_down_the_column() {
        let c = crate::data::load_builtin("django-vs-flask-vs-fastapi").and_then(Result::ok).expect("shipped data");
        let e = Entries::build(&c);
        let first_of = |s| e.pros_cons.iter().position(|i| i.subject() == s).expect("items");
        let count_of = |s| e.pros_cons.iter().filter(|i| i.subject() == s).count();
        assert_eq!(e.pros_cons_beside(0, 1), Some(first_of(1)));
        assert_eq!(e.pros_cons_beside(first_of(1) + 2, -1), Some(2));
        assert_eq!(e.pros_cons_beside(0, -1), None, "no column left of the first");
        let last = e.pros_cons.len() - 1;
        assert_eq!(e.pros_cons_beside(last, 1), None, "no column right of the last");
        let deep = first_of(1) + count_of(1) - 1;
        assert!(e.pros_cons_beside(deep, 1).is_some_and(|i| e.pros_cons[i].subject() == 2));
    }
}
