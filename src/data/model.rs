//! The comparison model: exactly what a RON data file holds, after sanitizing.
//!
//! Every field is documented in README.md ("The data format"). The structs deny
//! unknown fields so that a misspelt key is reported with its line and column
//! instead of being silently ignored.

use serde::{Deserialize, Serialize};

use super::per_subject::PerSubject;
use super::text::{Line, Text};

/// One comparison of two or more subjects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub title: Line,
    pub summary: Line,
    pub subjects: Vec<Subject>,
    /// Each subject's headline features, in the order the author wants them read.
    pub key_features: PerSubject<Vec<KeyFeature>>,
    /// The side-by-side feature table.
    pub features: Vec<Row>,
    pub pros_cons: PerSubject<ProsCons>,
    /// The side-by-side pros/cons summary table.
    #[serde(default)]
    pub pros_cons_table: Vec<Row>,
    pub use_cases: Vec<UseCase>,
    pub factors: Vec<Factor>,
    /// The final decision snapshot: criteria × subjects.
    pub decision: Vec<Row>,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    pub faq: Vec<Faq>,
    pub wizard: Wizard,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Groups of words and phrases that mean one thing in this comparison,
    /// for search: a reader's word finds the text's. A group holding a
    /// subject's name or id gives that subject aliases.
    #[serde(default)]
    pub synonyms: Vec<Vec<Line>>,
    /// When the comparison's claims were last checked: "YYYY-MM" or
    /// "YYYY-MM-DD". A source or a note without a date of its own is as old.
    #[serde(default)]
    pub as_of: Option<Line>,
}

impl Comparison {
    /// The display name of the subject with this id.
    pub(crate) fn subject_name(&self, id: &str) -> Option<&str> {
        self.subjects.iter().find(|s| s.id.as_str() == id).map(|s| s.name.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Stable identifier used as the key of every per-subject map.
    pub id: Line,
    pub name: Line,
    pub description: Text,
    #[serde(default)]
    pub homepage: Option<Line>,
    /// The version of the subject the comparison speaks of ("5.0", "3.x").
    #[serde(default)]
    pub version: Option<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFeature {
    pub name: Line,
    pub detail: Text,
    /// Words a person might search for that the text does not use
    /// (synonyms, common names); searched, not shown.
    #[serde(default)]
    pub keywords: Vec<Line>,
    /// Corrections of the source, its unconfirmed claims, context.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// A row of a comparison table: a name and one value per subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub name: Line,
    pub values: PerSubject<Line>,
    /// Optional longer explanation shown when the row is selected.
    #[serde(default)]
    pub detail: Option<Text>,
    /// Words a person might search for that the text does not use
    /// (synonyms, common names); searched, not shown.
    #[serde(default)]
    pub keywords: Vec<Line>,
    /// Corrections, unconfirmed claims, context; `about` names a subject id.
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProsCons {
    pub pros: Vec<Text>,
    pub cons: Vec<Text>,
    /// Notes on single items: `about` is the start of the pro or con it is about.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl ProsCons {
    /// The notes on the pro or con whose text is `item`.
    pub(crate) fn notes_on<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Note> {
        self.notes.iter().filter(move |n| n.about.as_deref().is_some_and(|a| item.starts_with(a)))
    }
}

/// A problem domain and how well each subject fits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseCase {
    pub domain: Line,
    pub fits: PerSubject<Fit>,
    /// Words a person might search for that the text does not use
    /// (synonyms, common names); searched, not shown.
    #[serde(default)]
    pub keywords: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fit {
    /// True where the source names this domain among the subject's signature
    /// use cases: the same as `level: Signature`.
    #[serde(default)]
    pub featured: bool,
    /// How well the subject fits; absent reads as "not rated" (or Signature when `featured`).
    #[serde(default)]
    pub level: Option<FitLevel>,
    /// Why (or why not) the subject suits the domain.
    pub why: Text,
    /// Real-world users; may be empty.
    #[serde(default)]
    pub examples: Vec<Line>,
    /// Notes on the fit or (with `about` naming one) on an example.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Fit {
    /// The fit level, `featured` counting as `Signature`.
    pub fn level(&self) -> Option<FitLevel> {
        if self.featured { Some(FitLevel::Signature) } else { self.level }
    }
}

/// How well a subject fits a use case, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FitLevel {
    /// One of the subject's signature uses.
    Signature,
    Good,
    /// Workable, with effort or add-ons.
    Possible,
    Poor,
}

impl FitLevel {
    pub const ALL: [FitLevel; 4] = [FitLevel::Signature, FitLevel::Good, FitLevel::Possible, FitLevel::Poor];

    /// The mark drawn in tables: one character that reads at a glance.
    pub fn mark(self) -> &'static str {
        match self {
            FitLevel::Signature => "★",
            FitLevel::Good => "✓",
            FitLevel::Possible => "~",
            FitLevel::Poor => "✗",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FitLevel::Signature => "signature",
            FitLevel::Good => "good fit",
            FitLevel::Possible => "possible",
            FitLevel::Poor => "poor fit",
        }
    }
}

/// A remark the data makes about one of its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub kind: NoteKind,
    /// What within the entry the note is about (an example's name, the start
    /// of a pro or con, a subject id); absent: the whole entry.
    #[serde(default)]
    pub about: Option<Line>,
    pub text: Text,
    /// A URL that backs the note.
    #[serde(default)]
    pub source: Option<Line>,
    /// When the note was last checked ("YYYY-MM" or "YYYY-MM-DD").
    #[serde(default)]
    pub as_of: Option<Line>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// The data corrects its source here.
    Correction,
    /// The source says so; the data could not confirm it.
    Unconfirmed,
    /// Background a reader should have.
    Context,
}

impl NoteKind {
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Correction => "Correction",
            NoteKind::Unconfirmed => "Unconfirmed claim of the source",
            NoteKind::Context => "Note",
        }
    }

    /// A one-character mark for lists.
    pub fn mark(self) -> &'static str {
        match self {
            NoteKind::Correction => "✎",
            NoteKind::Unconfirmed => "?",
            NoteKind::Context => "ℹ",
        }
    }
}

/// A performance, scalability or security factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub name: Line,
    /// One line per subject, for the table.
    pub summary: PerSubject<Line>,
    /// The longer discussion per subject.
    pub discussion: PerSubject<Text>,
    /// Words a person might search for that the text does not use
    /// (synonyms, common names); searched, not shown.
    #[serde(default)]
    pub keywords: Vec<Line>,
    /// Corrections, unconfirmed claims, context; `about` names a subject id.
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// Whose verdict this is when it is not the source's (for example "this
    /// comparison's authors"); left out, it is the source's.
    #[serde(default)]
    pub by: Option<Line>,
    pub summary: Text,
    /// "Choose X if …", per subject.
    pub choose_if: PerSubject<Text>,
    /// Corrections, unconfirmed claims, context; `about` names a subject id.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Verdict {
    /// Its heading: "The source's verdict", or "The verdict of …" when the data says whose it is.
    pub fn heading(&self) -> String {
        match &self.by {
            Some(by) => format!("The verdict of {by}"),
            None => "The source's verdict".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub question: Line,
    pub answer: Text,
    #[serde(default)]
    pub tags: Vec<Line>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wizard {
    /// Top scores closer than this fraction of the best possible score are a tie.
    #[serde(default)]
    pub tie_margin: Option<f64>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Line,
    pub prompt: Line,
    #[serde(default)]
    pub help: Option<Text>,
    pub options: Vec<Choice>,
}

/// One answer to a wizard question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Line,
    pub label: Line,
    /// Points per subject; subjects left out get 0. Negative points count against.
    pub weights: PerSubject<f64>,
    /// Why this answer pushes the way it does; shown in the wizard's result
    /// under every subject it moves that has no reason of its own below.
    pub why: Text,
    /// Why this answer moves particular subjects, where `why` speaks of
    /// another one: shown under that subject instead of `why`.
    #[serde(default)]
    pub reasons: PerSubject<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Line,
    pub url: Line,
    /// When the source was read ("YYYY-MM" or "YYYY-MM-DD").
    #[serde(default)]
    pub as_of: Option<Line>,
}
