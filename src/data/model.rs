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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProsCons {
    pub pros: Vec<Text>,
    pub cons: Vec<Text>,
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
    /// True where the source names this domain among the subject's signature use cases.
    #[serde(default)]
    pub featured: bool,
    /// Why (or why not) the subject suits the domain.
    pub why: Text,
    /// Real-world users; may be empty.
    #[serde(default)]
    pub examples: Vec<Line>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    pub summary: Text,
    /// "Choose X if …", per subject.
    pub choose_if: PerSubject<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub question: Line,
    pub answer: Text,
    #[serde(default)]
    pub tags: Vec<Line>,
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
}
