//! The order of entries on the tabs that do not simply list one list of the
//! data: the Pros/Cons items, the key features and the Overview's sections. Built once per
//! comparison; the app, the views and the search corpora all number entries
//! through it, so a search hit lands on the row that was drawn.

use crate::data::Comparison;

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
    Sources,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entries {
    /// The Pros/Cons tab's entries.
    pub pros_cons: Vec<ProsConsItem>,
    /// Key features in display order (after the feature rows on the Features
    /// tab): (subject, index in that subject's list).
    pub key_features: Vec<(usize, usize)>,
    /// The Overview tab's entries.
    pub overview: Vec<OverviewItem>,
}

impl Entries {
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
        if !c.sources.is_empty() {
            e.overview.push(OverviewItem::Sources);
        }
        e
    }
}
