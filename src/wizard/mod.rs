//! The decision wizard: scoring answers into a ranked, explained
//! [`Scorecard`] ([`score`]), and the pages the user moves through
//! ([`flow`]). Depends only on the data model.

pub mod flow;
pub mod importance;
pub mod score;
pub mod tipping;

pub use flow::{Request, WizardAction, WizardPage, WizardState};
pub use importance::Importance;
pub use score::{
    Answers, Contribution, DEFAULT_TIE_MARGIN, Outcome, Reason, Scorecard, SubjectScore, answers_from_ids,
    importance_from_ids, leaning, points, recommendation, replay, score,
};
pub use tipping::{Change, Robustness, Tip, Tipping, tipping};
