//! What can be searched, and where each hit lives. Built once when a
//! comparison is opened; the views and the search palette read it.

use crate::data::Comparison;
use crate::search::Corpus;

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

/// Where a search hit lives: a tab's entry, as the tab numbers its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// An entry of the Features tab: table rows first, then key features.
    Features(usize),
    ProsCons(usize),
    UseCases(usize),
    Performance(usize),
    Decide(usize),
    Faq(usize),
}

/// What one entry of the everything-search is, for labelling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub place: Place,
    /// "Features", "Pros", "Cons", …
    pub kind: &'static str,
    pub subject: Option<usize>,
    /// Shown as "first text: second text" (a row's name and its values),
    /// rather than the first text alone.
    pub joined: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// FAQ entries: question, then answer.
    pub faq: Corpus,
    /// Every entry of every tab; each entry's first text is the line shown for it.
    pub everything: Corpus,
    /// For each entry of `everything`, what and where it is.
    pub found: Vec<Found>,
    /// The Pros/Cons tab's entries.
    pub pros_cons: Vec<ProsConsItem>,
    /// Key features in display order: (subject, index in that subject's list).
    pub key_features: Vec<(usize, usize)>,
}

impl Index {
    pub fn build(c: &Comparison) -> Index {
        let mut ix = Index::default();
        for f in &c.faq {
            ix.faq.push([f.question.as_str(), f.answer.as_str()]);
        }
        for (si, s) in c.subjects.iter().enumerate() {
            let n = c.key_features.get(&s.id).map_or(0, Vec::len);
            ix.key_features.extend((0..n).map(|i| (si, i)));
        }
        for (si, s) in c.subjects.iter().enumerate() {
            let Some(pc) = c.pros_cons.get(&s.id) else { continue };
            ix.pros_cons.extend((0..pc.pros.len()).map(|index| ProsConsItem::Pro { subject: si, index }));
            ix.pros_cons.extend((0..pc.cons.len()).map(|index| ProsConsItem::Con { subject: si, index }));
            ix.pros_cons.extend((0..c.pros_cons_table.len()).map(|row| ProsConsItem::Glance { subject: si, row }));
        }
        ix.build_everything(c);
        ix
    }

    fn add(&mut self, texts: &[&str], place: Place, kind: &'static str, subject: Option<usize>) {
        self.everything.push(texts.iter().copied());
        self.found.push(Found { place, kind, subject, joined: false });
    }

    /// A table row: its name is the first text (what a search for the name
    /// should find first), its values the second, its detail the third.
    fn add_row(&mut self, name: &str, values: &str, detail: &str, place: Place, kind: &'static str) {
        self.add(&[name, values, detail], place, kind, None);
        if let Some(f) = self.found.last_mut() {
            f.joined = true;
        }
    }

    /// The line shown for entry `i` of the everything-search.
    pub fn line(&self, i: usize) -> String {
        let mut texts = self.everything.texts(i);
        let first = texts.next().unwrap_or("");
        match (self.found.get(i).is_some_and(|f| f.joined), texts.next()) {
            (true, Some(second)) => format!("{first}: {second}"),
            _ => first.to_string(),
        }
    }

    fn build_everything(&mut self, c: &Comparison) {
        let values = |v: &crate::data::PerSubject<crate::data::Line>| {
            c.subjects.iter().filter_map(|s| v.get(&s.id).map(|x| x.as_str())).collect::<Vec<_>>().join(" · ")
        };
        for (i, f) in c.features.iter().enumerate() {
            let detail = f.detail.as_deref().unwrap_or("");
            self.add_row(&f.name, &values(&f.values), detail, Place::Features(i), "Feature");
        }
        for (k, &(si, i)) in self.key_features.clone().iter().enumerate() {
            let Some(f) = c.key_features.get(&c.subjects[si].id).and_then(|l| l.get(i)) else { continue };
            self.add(&[&f.name, &f.detail], Place::Features(c.features.len() + k), "Key feature", Some(si));
        }
        for (k, item) in self.pros_cons.clone().iter().enumerate() {
            let id = &c.subjects[item.subject()].id;
            let place = Place::ProsCons(k);
            match *item {
                ProsConsItem::Pro { subject, index } => {
                    let text = c.pros_cons.get(id).map_or("", |pc| pc.pros[index].as_str());
                    self.add(&[text], place, "Pro", Some(subject));
                }
                ProsConsItem::Con { subject, index } => {
                    let text = c.pros_cons.get(id).map_or("", |pc| pc.cons[index].as_str());
                    self.add(&[text], place, "Con", Some(subject));
                }
                ProsConsItem::Glance { subject, row } => {
                    let r = &c.pros_cons_table[row];
                    let line = format!("{}: {}", r.name, r.values.get(id).map_or("", |v| v.as_str()));
                    self.add(&[&line], place, "At a glance", Some(subject));
                }
            }
        }
        for (i, u) in c.use_cases.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let Some(fit) = u.fits.get(&s.id) else { continue };
                let line = format!("{}: {}", u.domain, fit.why);
                let examples: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
                self.add(&[&line, &examples.join(", ")], Place::UseCases(i), "Use case", Some(si));
            }
        }
        for (i, f) in c.factors.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let line = format!("{}: {}", f.name, f.summary.get(&s.id).map_or("", |v| v.as_str()));
                let discussion = f.discussion.get(&s.id).map_or("", |v| v.as_str());
                self.add(&[&line, discussion], Place::Performance(i), "Factor", Some(si));
            }
        }
        for (i, r) in c.decision.iter().enumerate() {
            let detail = r.detail.as_deref().unwrap_or("");
            self.add_row(&r.name, &values(&r.values), detail, Place::Decide(i), "Decision");
        }
        for (i, f) in c.faq.iter().enumerate() {
            self.add(&[&f.question, &f.answer], Place::Faq(i), "FAQ", None);
        }
    }
}
