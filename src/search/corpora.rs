//! What can be searched, and where each hit lives: the FAQ filter's corpus
//! and the search-everything corpus, with each entry's kind, subject and
//! [`Place`]. Built once when a comparison is opened.

use super::corpus::Field;
use super::lexicon::{Class, Lexicon, Meta};
use super::words::Indexed;
use crate::data::{Comparison, Line, Note, PerSubject, Row};
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
    pub(crate) fn shares_its_tab(self) -> bool {
        matches!(self, Kind::KeyFeature | Kind::Pro | Kind::Con | Kind::Glance | Kind::Note)
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
    pub faq: Indexed,
    /// Every entry of every tab; each entry's first text is the line shown for it.
    pub everything: Indexed,
    /// For each entry of `everything`, what and where it is.
    pub found: Vec<Found>,
    /// The comparison's subjects and synonyms, for reading queries.
    pub lexicon: Lexicon,
}

/// Whether `text` has `name` as a word.
fn names(text: &str, name: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(name))
}

impl Corpora {
    pub fn build(c: &Comparison, entries: &Entries) -> Corpora {
        let subjects: Vec<(&str, &str)> = c.subjects.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
        let synonyms: Vec<Vec<&str>> = c.synonyms.iter().map(|g| g.iter().map(|m| m.as_str()).collect()).collect();
        let mut corpora = Corpora { lexicon: Lexicon::new(&subjects, &synonyms), ..Corpora::default() };
        let faq = Meta { class: Some(Class::Faq), ..Meta::default() };
        for f in &c.faq {
            let tags = f.tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ");
            corpora.faq.push_about(
                faq,
                [(Field::Question, f.question.as_str()), (Field::Answer, &f.answer), (Field::Tags, &tags)],
            );
        }
        corpora.build_everything(c, entries);
        corpora
    }

    /// An entry; its first text is the line shown for it (with the second,
    /// when `joined`: a row's name and its values).
    fn add(&mut self, texts: &[(Field, &str)], place: Place, kind: Kind, subject: Option<usize>, joined: bool) {
        // A note names its subject for the reader, but is not about it the
        // way a pro or a fit is: naming the subject does not lift it.
        let about = subject.filter(|_| kind != Kind::Note);
        self.add_about(texts, Found { place, kind, subject, joined }, about);
    }

    /// An entry that search takes to be about subject `about`, whatever
    /// subject (if any) its label shows.
    fn add_about(&mut self, texts: &[(Field, &str)], found: Found, about: Option<usize>) {
        let kind = found.kind;
        let class = match kind {
            Kind::Pro => Some(Class::Pro),
            Kind::Con => Some(Class::Con),
            Kind::UseCase => Some(Class::UseCase),
            Kind::Faq => Some(Class::Faq),
            Kind::Verdict => Some(Class::Verdict),
            Kind::Feature | Kind::Decision => Some(Class::Table),
            _ => None,
        };
        // A table row and the verdict speak of every subject.
        let columns = matches!(kind, Kind::Feature | Kind::Decision | Kind::Verdict);
        let meta = Meta { subject: about.map(|s| s as u16), class, columns };
        self.everything.push_about(meta, texts.iter().copied());
        self.found.push(found);
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

    /// One entry per note, landing where the note is shown (its entry's
    /// place): a match in a note is a hit of its own. A note whose `about`
    /// names a subject is that subject's.
    fn add_notes<'n>(
        &mut self,
        c: &Comparison,
        notes: impl IntoIterator<Item = &'n Note>,
        place: Place,
        subject: Option<usize>,
    ) {
        for n in notes {
            let about = n.about.as_deref().and_then(|a| c.subjects.iter().position(|s| s.id.as_str() == a));
            // A note's words weigh below its entry's own (`Field::Note`): it remarks on an entry, it is not one.
            let texts = [(Field::Note, n.text.as_str()), (Field::Tags, n.about.as_deref().unwrap_or(""))];
            self.add(&texts, place, Kind::Note, subject.or(about), false);
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
            this.add_notes(c, &r.notes, place, None);
        };
        for (i, f) in c.features.iter().enumerate() {
            row(self, f, at(Tab::Features, i), Kind::Feature);
        }
        for (k, &(si, i)) in entries.key_features.iter().enumerate() {
            let Some(f) = c.key_features.get(&c.subjects[si].id).and_then(|l| l.get(i)) else { continue };
            let keywords = joined(&f.keywords);
            let texts =
                [(Name, f.name.as_str()), (Detail, &f.detail), (Subject, &c.subjects[si].name), (Keywords, &keywords)];
            let place = at(Tab::Features, c.features.len() + k);
            self.add(&texts, place, Kind::KeyFeature, Some(si), false);
            self.add_notes(c, &f.notes, place, Some(si));
        }
        for (k, item) in entries.pros_cons.iter().enumerate() {
            let si = item.subject();
            let id = &c.subjects[si].id;
            let pc = c.pros_cons.get(id);
            let subject = (Subject, c.subjects[si].name.as_str());
            let place = at(Tab::ProsCons, k);
            let (kind, text) = match *item {
                ProsConsItem::Pro { index, .. } => (Kind::Pro, pc.map_or("", |pc| &pc.pros[index])),
                ProsConsItem::Con { index, .. } => (Kind::Con, pc.map_or("", |pc| &pc.cons[index])),
                ProsConsItem::Glance { row, .. } => {
                    let r = &c.pros_cons_table[row];
                    let line = format!("{}: {}", r.name, r.values.get(id).map_or("", |v| v.as_str()));
                    let keywords = joined(&r.keywords);
                    self.add(&[(Name, &line), subject, (Keywords, &keywords)], place, Kind::Glance, Some(si), false);
                    let notes = r.notes.iter().filter(|n| n.about.as_deref().is_none_or(|a| a == id.as_str()));
                    self.add_notes(c, notes, place, Some(si));
                    continue;
                }
            };
            self.add(&[(Item, text), subject], place, kind, Some(si), false);
            if let Some(pc) = pc {
                // A note on no item in particular lands on the subject's first item.
                let first = entries.pros_cons_place(k).is_some_and(|(_, down, _)| down == 0);
                let general = pc.notes.iter().filter(|n| first && n.about.is_none());
                self.add_notes(c, pc.notes_on(text).chain(general), place, Some(si));
            }
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
                self.add_notes(c, &fit.notes, at(Tab::UseCases, i), Some(si));
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
            self.add_notes(c, &f.notes, at(Tab::Performance, i), None);
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
            // A question that names one subject is about it ("Which large companies run Flask?").
            let named: Vec<usize> =
                (0..c.subjects.len()).filter(|&s| names(&f.question, &c.subjects[s].name)).collect();
            let found = Found { place: at(Tab::Faq, i), kind: Kind::Faq, subject: None, joined: false };
            let texts = [(Question, f.question.as_str()), (Answer, &f.answer), (Tags, &tags)];
            self.add_about(&texts, found, (named.len() == 1).then(|| named[0]));
            self.add_notes(c, &f.notes, at(Tab::Faq, i), None);
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
                    let heading = v.heading();
                    let mut texts = vec![(Name, heading.as_str()), (Summary, v.summary.as_str())];
                    texts
                        .extend(c.subjects.iter().map(|s| (Detail, v.choose_if.get(&s.id).map_or("", |t| t.as_str()))));
                    self.add(&texts, place, Kind::Verdict, None, false);
                    self.add_notes(c, &v.notes, place, None);
                }
                // Its rows are entries of their own (above), which land here.
                OverviewItem::Decision => {}
                // Each note is a hit of its own, where it is shown (above): the
                // list of them all would match everything and land on its top.
                OverviewItem::Notes => {}
                OverviewItem::Source(i) => {
                    let s = &c.sources[i];
                    let texts = [(Name, "Source"), (Sources, s.title.as_str()), (Homepage, s.url.as_str())];
                    self.add(&texts, place, Kind::Source, None, false);
                }
            }
        }
    }
}
