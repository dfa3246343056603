//! What can be searched, and where each hit lives: the FAQ filter's corpus
//! and the search-everything corpus, with each entry's kind, subject and
//! [`Place`]. Built once when a comparison is opened.

use super::corpus::{Corpus, Field};
use crate::data::{Comparison, Line, PerSubject, Row};
use crate::entries::{Entries, OverviewItem, ProsConsItem};
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
    About,
    Subject,
    Verdict,
    Note,
    Source,
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
            Kind::About => "About",
            Kind::Subject => "Subject",
            Kind::Verdict => "Verdict",
            Kind::Note => "Note",
            Kind::Source => "Sources",
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
    /// Shown as "first text: second text" (a row's name and its values, a
    /// domain and why), rather than the first text alone.
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
            let tags = f.tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ");
            corpora.faq.push([
                (Field::Question, f.question.as_str()),
                (Field::Answer, &f.answer),
                (Field::Tags, &tags),
            ]);
        }
        corpora.build_everything(c, entries);
        corpora
    }

    /// An entry; its first text is the line shown for it (with the second,
    /// when `joined`: a row's name and its values).
    fn add(&mut self, texts: &[(Field, &str)], place: Place, kind: Kind, subject: Option<usize>, joined: bool) {
        self.everything.push(texts.iter().copied());
        self.found.push(Found { place, kind, subject, joined });
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
        use Field::*;
        // Texts are borrowed from the comparison; only joined lists are built here.
        let values = |v: &PerSubject<Line>| {
            c.subjects.iter().filter_map(|s| v.get(&s.id).map(|x| x.as_str())).collect::<Vec<_>>().join(" · ")
        };
        let joined = |list: &[Line]| list.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ");
        let at = |tab, entry| Place { tab, entry };
        let row = |this: &mut Self, r: &Row, place: Place, kind: Kind| {
            let (v, k) = (values(&r.values), joined(&r.keywords));
            let texts =
                [(Name, r.name.as_str()), (Values, &v), (Detail, r.detail.as_deref().unwrap_or("")), (Keywords, &k)];
            this.add(&texts, place, kind, None, true);
        };
        for (i, f) in c.features.iter().enumerate() {
            row(self, f, at(Tab::Features, i), Kind::Feature);
        }
        for (k, &(si, i)) in entries.key_features.iter().enumerate() {
            let Some(f) = c.key_features.get(&c.subjects[si].id).and_then(|l| l.get(i)) else { continue };
            let keywords = joined(&f.keywords);
            let texts =
                [(Name, f.name.as_str()), (Detail, &f.detail), (Subject, &c.subjects[si].name), (Keywords, &keywords)];
            self.add(&texts, at(Tab::Features, c.features.len() + k), Kind::KeyFeature, Some(si), false);
        }
        for (k, item) in entries.pros_cons.iter().enumerate() {
            let si = item.subject();
            let id = &c.subjects[si].id;
            let subject = (Subject, c.subjects[si].name.as_str());
            let (kind, text) = match *item {
                ProsConsItem::Pro { index, .. } => (Kind::Pro, c.pros_cons.get(id).map_or("", |pc| &pc.pros[index])),
                ProsConsItem::Con { index, .. } => (Kind::Con, c.pros_cons.get(id).map_or("", |pc| &pc.cons[index])),
                ProsConsItem::Glance { row, .. } => {
                    let r = &c.pros_cons_table[row];
                    let line = format!("{}: {}", r.name, r.values.get(id).map_or("", |v| v.as_str()));
                    let keywords = joined(&r.keywords);
                    self.add(
                        &[(Name, &line), subject, (Keywords, &keywords)],
                        at(Tab::ProsCons, k),
                        Kind::Glance,
                        Some(si),
                        false,
                    );
                    continue;
                }
            };
            self.add(&[(Name, text), subject], at(Tab::ProsCons, k), kind, Some(si), false);
        }
        for (i, u) in c.use_cases.iter().enumerate() {
            let keywords = joined(&u.keywords);
            for (si, s) in c.subjects.iter().enumerate() {
                let Some(fit) = u.fits.get(&s.id) else { continue };
                let examples = joined(&fit.examples);
                let texts = [
                    (Name, u.domain.as_str()),
                    (Detail, &fit.why),
                    (Subject, &s.name),
                    (Keywords, &keywords),
                    (Examples, &examples),
                ];
                self.add(&texts, at(Tab::UseCases, i), Kind::UseCase, Some(si), true);
            }
        }
        for (i, f) in c.factors.iter().enumerate() {
            let keywords = joined(&f.keywords);
            for (si, s) in c.subjects.iter().enumerate() {
                let texts = [
                    (Name, f.name.as_str()),
                    (Values, f.summary.get(&s.id).map_or("", |v| v.as_str())),
                    (Discussion, f.discussion.get(&s.id).map_or("", |v| v.as_str())),
                    (Subject, &s.name),
                    (Keywords, &keywords),
                ];
                self.add(&texts, at(Tab::Performance, i), Kind::Factor, Some(si), true);
            }
        }
        // Where the wizard has the Decide tab, the snapshot is read on the Overview.
        let snapshot = entries.overview.iter().position(|&o| o == OverviewItem::Decision);
        for (i, r) in c.decision.iter().enumerate() {
            let place = match snapshot.filter(|_| !c.wizard.questions.is_empty()) {
                Some(k) => at(Tab::Overview, k),
                None => at(Tab::Decide, i),
            };
            row(self, r, place, Kind::Decision);
        }
        for (i, f) in c.faq.iter().enumerate() {
            let tags = joined(&f.tags);
            self.add(
                &[(Question, f.question.as_str()), (Answer, &f.answer), (Tags, &tags)],
                at(Tab::Faq, i),
                Kind::Faq,
                None,
                false,
            );
        }
        for (i, item) in entries.overview.iter().enumerate() {
            let place = at(Tab::Overview, i);
            match *item {
                OverviewItem::About => {
                    self.add(&[(Title, c.title.as_str()), (Summary, &c.summary)], place, Kind::About, None, false);
                }
                OverviewItem::Subject(si) => {
                    let s = &c.subjects[si];
                    let texts = [
                        (Name, s.name.as_str()),
                        (Description, &s.description),
                        (Homepage, s.homepage.as_deref().unwrap_or("")),
                    ];
                    self.add(&texts, place, Kind::Subject, Some(si), false);
                }
                OverviewItem::Verdict => {
                    let Some(v) = &c.verdict else { continue };
                    let mut texts = vec![(Name, "The source's verdict"), (Summary, v.summary.as_str())];
                    texts
                        .extend(c.subjects.iter().map(|s| (Detail, v.choose_if.get(&s.id).map_or("", |t| t.as_str()))));
                    self.add(&texts, place, Kind::Verdict, None, false);
                }
                // Its rows are entries of their own (above), which land here.
                OverviewItem::Decision => {}
                OverviewItem::Notes => {
                    let notes = crate::entries::all_notes(c);
                    let mut texts = vec![(Name, "Corrections and notes on the source")];
                    for n in &notes {
                        texts.push((Detail, n.note.text.as_str()));
                        texts.extend(n.note.about.as_deref().map(|a| (Tags, a)));
                    }
                    self.add(&texts, place, Kind::Note, None, false);
                }
                OverviewItem::Source(i) => {
                    let s = &c.sources[i];
                    let texts = [(Name, "Source"), (Sources, s.title.as_str()), (Homepage, s.url.as_str())];
                    self.add(&texts, place, Kind::Source, None, false);
                }
            }
        }
    }
}
