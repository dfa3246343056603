//! What can be searched, and where each hit lives: the FAQ filter's corpus
//! and the search-everything corpus, with each entry's kind, subject and
//! [`Place`]. Built once when a comparison is opened.

use super::query::Corpus;
use crate::data::{Comparison, Line, PerSubject};
use crate::entries::{Entries, ProsConsItem};
use crate::tab::{Place, Tab};

/// What an entry of the everything-search is, for labelling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Feature,
    KeyFeature,
    Pro,
    Con,
    Glance,
    UseCase,
    Factor,
    Decision,
    Faq,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Feature => "Feature",
            Kind::KeyFeature => "Key feature",
            Kind::Pro => "Pro",
            Kind::Con => "Con",
            Kind::Glance => "At a glance",
            Kind::UseCase => "Use case",
            Kind::Factor => "Factor",
            Kind::Decision => "Decision",
            Kind::Faq => "FAQ",
        }
    }

    /// Whether the kind must be named beside its tab, because the tab holds several kinds.
    pub fn shares_its_tab(self) -> bool {
        matches!(self, Kind::KeyFeature | Kind::Pro | Kind::Con | Kind::Glance)
    }
}

/// What and where one entry of the everything-search is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub place: Place,
    pub kind: Kind,
    pub subject: Option<usize>,
    /// Shown as "first text: second text" (a row's name and its values),
    /// rather than the first text alone.
    pub joined: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Corpora {
    /// FAQ entries: question, then answer.
    pub faq: Corpus,
    /// Every entry of every tab; each entry's first text is the line shown for it.
    pub everything: Corpus,
    /// For each entry of `everything`, what and where it is.
    pub found: Vec<Found>,
}

impl Corpora {
    pub fn build(c: &Comparison, entries: &Entries) -> Corpora {
        let mut corpora = Corpora::default();
        for f in &c.faq {
            corpora.faq.push([f.question.as_str(), f.answer.as_str()]);
        }
        corpora.build_everything(c, entries);
        corpora
    }

    fn add(&mut self, texts: &[&str], place: Place, kind: Kind, subject: Option<usize>, joined: bool) {
        self.everything.push(texts.iter().copied());
        self.found.push(Found { place, kind, subject, joined });
    }

    /// A table row: its name is the first text (what a search for the name
    /// should find first), its values the second, its detail the third.
    fn add_row(&mut self, name: &str, values: &str, detail: &str, place: Place, kind: Kind) {
        self.add(&[name, values, detail], place, kind, None, true);
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

    fn build_everything(&mut self, c: &Comparison, entries: &Entries) {
        let values = |v: &PerSubject<Line>| {
            c.subjects.iter().filter_map(|s| v.get(&s.id).map(|x| x.as_str())).collect::<Vec<_>>().join(" · ")
        };
        let at = |tab, entry| Place { tab, entry };
        for (i, f) in c.features.iter().enumerate() {
            let detail = f.detail.as_deref().unwrap_or("");
            self.add_row(&f.name, &values(&f.values), detail, at(Tab::Features, i), Kind::Feature);
        }
        for (k, &(si, i)) in entries.key_features.iter().enumerate() {
            let Some(f) = c.key_features.get(&c.subjects[si].id).and_then(|l| l.get(i)) else { continue };
            let place = at(Tab::Features, c.features.len() + k);
            self.add(&[&f.name, &f.detail], place, Kind::KeyFeature, Some(si), false);
        }
        for (k, item) in entries.pros_cons.iter().enumerate() {
            let id = &c.subjects[item.subject()].id;
            let place = at(Tab::ProsCons, k);
            match *item {
                ProsConsItem::Pro { subject, index } => {
                    let text = c.pros_cons.get(id).map_or("", |pc| pc.pros[index].as_str());
                    self.add(&[text], place, Kind::Pro, Some(subject), false);
                }
                ProsConsItem::Con { subject, index } => {
                    let text = c.pros_cons.get(id).map_or("", |pc| pc.cons[index].as_str());
                    self.add(&[text], place, Kind::Con, Some(subject), false);
                }
                ProsConsItem::Glance { subject, row } => {
                    let r = &c.pros_cons_table[row];
                    let line = format!("{}: {}", r.name, r.values.get(id).map_or("", |v| v.as_str()));
                    self.add(&[&line], place, Kind::Glance, Some(subject), false);
                }
            }
        }
        for (i, u) in c.use_cases.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let Some(fit) = u.fits.get(&s.id) else { continue };
                let line = format!("{}: {}", u.domain, fit.why);
                let examples: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
                self.add(&[&line, &examples.join(", ")], at(Tab::UseCases, i), Kind::UseCase, Some(si), false);
            }
        }
        for (i, f) in c.factors.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let line = format!("{}: {}", f.name, f.summary.get(&s.id).map_or("", |v| v.as_str()));
                let discussion = f.discussion.get(&s.id).map_or("", |v| v.as_str());
                self.add(&[&line, discussion], at(Tab::Performance, i), Kind::Factor, Some(si), false);
            }
        }
        for (i, r) in c.decision.iter().enumerate() {
            let detail = r.detail.as_deref().unwrap_or("");
            self.add_row(&r.name, &values(&r.values), detail, at(Tab::Decide, i), Kind::Decision);
        }
        for (i, f) in c.faq.iter().enumerate() {
            self.add(&[&f.question, &f.answer], at(Tab::Faq, i), Kind::Faq, None, false);
        }
    }
}
