//! What would change the decision: every single answer change and every
//! single importance change that would give the comparison another leader
//! (or none), found exactly by scoring each one (a comparison has a few
//! dozen options, so this is cheap), and a robustness label from them.

use super::{Importance, Outcome, Scorecard, score};
use crate::data::Comparison;

/// One change that would change the leader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tip {
    pub question: usize,
    pub change: Change,
    /// The leader after the change (None: a tie, or nothing to recommend).
    pub leader: Option<usize>,
    /// The new leader's lead over the runner-up, in points.
    pub lead: f64,
}

/// What is changed: the answer to the question, or how much it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Answer(usize),
    Importance(Importance),
}

/// How firmly the answers point at their leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Robustness {
    /// No single answer change would change the leader.
    Clear,
    /// Some single answer change would.
    Narrow,
    /// There is no leader: a tie, or nothing answered.
    Tie,
}

impl Robustness {
    pub fn label(self) -> &'static str {
        match self {
            Robustness::Clear => "clear",
            Robustness::Narrow => "narrow",
            Robustness::Tie => "tie",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tipping {
    /// Single answer changes that change the leader, the closest result first.
    pub answers: Vec<Tip>,
    /// Single importance changes that change the leader, in question order.
    pub importance: Vec<Tip>,
    pub robustness: Robustness,
}

/// The winner of a scorecard, if it has one.
pub(crate) fn leader(card: &Scorecard) -> Option<usize> {
    match card.outcome {
        Outcome::Winner(s) => Some(s),
        _ => None,
    }
}

/// The leader's lead over the runner-up, in points.
pub(crate) fn lead(card: &Scorecard) -> f64 {
    match (card.ranking.first(), card.ranking.get(1)) {
        (Some(a), Some(b)) => a.points - b.points,
        _ => 0.0,
    }
}

/// Every single change of an answer (to another option, or answering an
/// open question) or of a question's importance that changes the leader.
pub(crate) fn tipping(c: &Comparison, answers: &[Option<usize>], importance: &[Importance]) -> Tipping {
    let n = c.wizard.questions.len();
    let mut answers: Vec<Option<usize>> = (0..n).map(|i| answers.get(i).copied().flatten()).collect();
    let mut levels: Vec<Importance> = (0..n).map(|i| importance.get(i).copied().unwrap_or_default()).collect();
    let now = leader(&score(c, &answers, &levels));
    let mut tips = Tipping { answers: Vec::new(), importance: Vec::new(), robustness: Robustness::Tie };
    // The tip for question `q` changed as `change`, when the leader changes.
    let tip = |answers: &[Option<usize>], levels: &[Importance], question: usize, change: Change| {
        let card = score(c, answers, levels);
        (leader(&card) != now).then(|| Tip { question, change, leader: leader(&card), lead: lead(&card) })
    };
    for (q, question) in c.wizard.questions.iter().enumerate() {
        let given = answers[q];
        for option in (0..question.options.len()).filter(|&o| Some(o) != given) {
            answers[q] = Some(option);
            tips.answers.extend(tip(&answers, &levels, q, Change::Answer(option)));
        }
        answers[q] = given;
        if given.is_none() {
            continue;
        }
        let level = levels[q];
        for other in Importance::ALL.into_iter().filter(|&l| l != level) {
            levels[q] = other;
            tips.importance.extend(tip(&answers, &levels, q, Change::Importance(other)));
        }
        levels[q] = level;
    }
    // A change to another leader first, then the largest lead it would give.
    tips.answers.sort_by(|a, b| b.leader.is_some().cmp(&a.leader.is_some()).then(b.lead.total_cmp(&a.lead)));
    tips.robustness = match (now, tips.answers.is_empty()) {
        (None, _) => Robustness::Tie,
        (Some(_), true) => Robustness::Clear,
        (Some(_), false) => Robustness::Narrow,
    };
    tips
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shipped() -> Vec<Comparison> {
        ["django-vs-flask", "django-vs-flask-vs-fastapi"]
            .iter()
            .map(|n| crate::data::load_builtin(n).and_then(Result::ok).expect("shipped"))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        /// Every listed change, applied, changes the leader; no unlisted single change does.
        #[test]
        fn tips_are_exactly_the_changes_that_change_the_leader(
            which in 0usize..2,
            picks in prop::collection::vec(0usize..5, 12),
            weights in prop::collection::vec(0usize..5, 12),
        ) {
            let c = &shipped()[which];
            let n = c.wizard.questions.len();
            let (answers, levels) = crate::wizard::report::answer_set(c, &picks, &weights);
            let now = leader(&score(c, &answers, &levels));
            let tips = tipping(c, &answers, &levels);
            for q in 0..n {
                for o in 0..c.wizard.questions[q].options.len() {
                    if Some(o) == answers[q] { continue; }
                    let mut changed = answers.clone();
                    changed[q] = Some(o);
                    let flips = leader(&score(c, &changed, &levels)) != now;
                    let listed = tips.answers.iter().any(|t| t.question == q && t.change == Change::Answer(o));
                    prop_assert_eq!(flips, listed, "q{} -> o{}", q, o);
                }
                if answers[q].is_none() { continue; }
                for l in Importance::ALL {
                    if l == levels[q] { continue; }
                    let mut changed = levels.clone();
                    changed[q] = l;
                    let flips = leader(&score(c, &answers, &changed)) != now;
                    let listed = tips.importance.iter().any(|t| t.question == q && t.change == Change::Importance(l));
                    prop_assert_eq!(flips, listed, "q{} importance {:?}", q, l);
                }
            }
            let label = match (now, tips.answers.is_empty()) {
                (None, _) => Robustness::Tie,
                (Some(_), true) => Robustness::Clear,
                (Some(_), false) => Robustness::Narrow,
            };
            prop_assert_eq!(tips.robustness, label);
        }
    }

    #[test]
    fn a_tip_reads_as_a_sentence() {
        let c = &shipped()[0];
        let answers = crate::wizard::leaning(c, 0, 1);
        let tips = tipping(c, &answers, &[]);
        assert_eq!(tips.robustness, Robustness::Clear, "every answer leaning one way is not narrow");
        let mut few = vec![None; c.wizard.questions.len()];
        few[0] = answers[0];
        let tips = tipping(c, &few, &[]);
        assert!(!tips.answers.is_empty());
        let text = crate::wizard::tip_line(c, &tips.answers[0]);
        assert!(text.starts_with("Answer: if \"") && text.ends_with('.'), "{text}");
    }
}
