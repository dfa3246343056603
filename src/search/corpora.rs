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
    fn add(&mut self, texts: Vec<(Field, String)>, place: Place, kind: Kind, subject: Option<usize>, joined: bool) {
        self.everything.push(texts.iter().map(|(f, t)| (*f, t.as_str())));
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
        let values = |v: &PerSubject<Line>| {
            c.subjects.iter().filter_map(|s| v.get(&s.id).map(|x| x.as_str())).collect::<Vec<_>>().join(" · ")
        };
        let joined = |list: &[Line]| list.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ");
        let at = |tab, entry| Place { tab, entry };
        let row = |r: &Row| {
            vec![
                (Name, r.name.to_string()),
                (Values, values(&r.values)),
                (Detail, r.detail.as_deref().unwrap_or("").to_string()),
                (Keywords, joined(&r.keywords)),
            ]
        };
        for (i, f) in c.features.iter().enumerate() {
            self.add(row(f), at(Tab::Features, i), Kind::Feature, None, true);
        }
        for (k, &(si, i)) in entries.key_features.iter().enumerate() {
            let Some(f) = c.key_features.get(&c.subjects[si].id).and_then(|l| l.get(i)) else { continue };
            let texts = vec![
                (Name, f.name.to_string()),
                (Detail, f.detail.to_string()),
                (Subject, c.subjects[si].name.to_string()),
                (Keywords, joined(&f.keywords)),
            ];
            self.add(texts, at(Tab::Features, c.features.len() + k), Kind::KeyFeature, Some(si), false);
        }
        for (k, item) in entries.pros_cons.iter().enumerate() {
            let si = item.subject();
            let id = &c.subjects[si].id;
            let subject = (Subject, c.subjects[si].name.to_string());
            let (kind, text) = match *item {
                ProsConsItem::Pro { index, .. } => (Kind::Pro, c.pros_cons.get(id).map_or("", |pc| &pc.pros[index])),
                ProsConsItem::Con { index, .. } => (Kind::Con, c.pros_cons.get(id).map_or("", |pc| &pc.cons[index])),
                ProsConsItem::Glance { row, .. } => {
                    let r = &c.pros_cons_table[row];
                    let line = format!("{}: {}", r.name, r.values.get(id).map_or("", |v| v.as_str()));
                    let texts = vec![(Name, line), subject, (Keywords, joined(&r.keywords))];
                    self.add(texts, at(Tab::ProsCons, k), Kind::Glance, Some(si), false);
                    continue;
                }
            };
            self.add(vec![(Name, text.to_string()), subject], at(Tab::ProsCons, k), kind, Some(si), false);
        }
        for (i, u) in c.use_cases.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let Some(fit) = u.fits.get(&s.id) else { continue };
                let texts = vec![
                    (Name, u.domain.to_string()),
                    (Detail, fit.why.to_string()),
                    (Subject, s.name.to_string()),
                    (Keywords, joined(&u.keywords)),
                    (Examples, joined(&fit.examples)),
                ];
                self.add(texts, at(Tab::UseCases, i), Kind::UseCase, Some(si), true);
            }
        }
        for (i, f) in c.factors.iter().enumerate() {
            for (si, s) in c.subjects.iter().enumerate() {
                let texts = vec![
                    (Name, f.name.to_string()),
                    (Values, f.summary.get(&s.id).map_or("", |v| v.as_str()).to_string()),
                    (Discussion, f.discussion.get(&s.id).map_or("", |v| v.as_str()).to_string()),
                    (Subject, s.name.to_string()),
                    (Keywords, joined(&f.keywords)),
                ];
                self.add(texts, at(Tab::Performance, i), Kind::Factor, Some(si), true);
            }
        }
        // Where the wizard has the Decide tab, the snapshot is read on the Overview.
        let snapshot = entries.overview.iter().position(|&o| o == OverviewItem::Decision);
        for (i, r) in c.decision.iter().enumerate() {
            let place = match snapshot.filter(|_| !c.wizard.questions.is_empty()) {
                Some(k) => at(Tab::Overview, k),
                None => at(Tab::Decide, i),
            };
            self.add(row(r), place, Kind::Decision, None, true);
        }
        for (i, f) in c.faq.iter().enumerate() {
            let texts =
                vec![(Question, f.question.to_string()), (Answer, f.answer.to_string()), (Tags, joined(&f.tags))];
            self.add(texts, at(Tab::Faq, i), Kind::Faq, None, false);
        }
        for (i, item) in entries.overview.iter().enumerate() {
            let place = at(Tab::Overview, i);
            match *item {
                OverviewItem::About => {
                    let texts = vec![(Title, c.title.to_string()), (Summary, c.summary.to_string())];
                    self.add(texts, place, Kind::About, None, false);
                }
                OverviewItem::Subject(si) => {
                    let s = &c.subjects[si];
                    let texts = vec![
                        (Name, s.name.to_string()),
                        (Description, s.description.to_string()),
                        (Homepage, s.homepage.as_deref().unwrap_or("").to_string()),
                    ];
                    self.add(texts, place, Kind::Subject, Some(si), false);
                }
                OverviewItem::Verdict => {
                    let Some(v) = &c.verdict else { continue };
                    let mut texts = vec![(Name, "The source's verdict".to_string()), (Summary, v.summary.to_string())];
                    texts.extend(
                        c.subjects.iter().map(|s| (Detail, v.choose_if.get(&s.id).map_or("", |t| t).to_string())),
                    );
                    self.add(texts, place, Kind::Verdict, None, false);
                }
                // Its rows are entries of their own (above), which land here.
                OverviewItem::Decision => {}
                OverviewItem::Sources => {
                    let mut texts = vec![(Name, "Sources".to_string())];
                    for s in &c.sources {
                        texts.push((Sources, s.title.to_string()));
                        texts.push((Homepage, s.url.to_string()));
                    }
                    self.add(texts, place, Kind::Source, None, false);
                }
            }
        }
    }
}
