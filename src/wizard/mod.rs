//! The decision wizard: scoring answers into a ranked, explained
//! [`Scorecard`] ([`score`]), and the pages the user moves through
//! ([`flow`]), with how firm its leader is ([`tipping`], [`firmness`]), and
//! several people's answers together ([`group`]).
//! Depends only on the data model.

pub mod firmness;
pub(crate) mod flow;
pub mod group;
pub mod importance;
pub mod report;
pub mod score;
pub(crate) mod tipping;

pub use firmness::{Firmness, firmness};
pub use flow::WizardPage;
pub use flow::WizardState;
pub use flow::{Request, WizardAction};
pub use group::{Disagreement, Group, GroupTip, Member, RULE, Side, disagreement_effect, leader_word};
pub use importance::Importance;
pub use report::{Answered, Driver, Report, driver_line, points_word, tip_kind, tip_line};
pub use score::Contribution;
pub use score::Scorecard;
pub use score::{Answers, Outcome, answers_from_ids, ids, leaning, points, recommendation, score};
pub(crate) use score::{importance_from_ids, replay};
pub use tipping::Tipping;
pub use tipping::{Change, Robustness, Tip};
