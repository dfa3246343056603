//! One decision report: everything the result page, the text, Markdown and
//! JSON exports and the decision record say about a set of answers, worked
//! out once, so that no two of them can disagree on the leader, a tie, how
//! firm the choice is, what would change it or which answers drove it.

use super::tipping::{Change, Robustness, Tip, Tipping, lead, leader, tipping};
use super::{Importance, Outcome, Scorecard, points, score};
use crate::data::{Comparison, count};

/// One answered question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answered {
    pub question: usize,
    pub option: usize,
    pub importance: Importance,
}

/// An answer that separates the two subjects the decision is between (the
/// leader and the runner-up, or the first two of a tie): which one it
/// favoured and by how many points, importance included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Driver {
    pub answer: Answered,
    pub favours: usize,
    pub gap: f64,
}

/// The report on one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub card: Scorecard,
    pub tipping: Tipping,
    /// The chosen subject; `None` for a tie or when nothing pushes any way.
    pub leader: Option<usize>,
    /// The subjects tied at the top, in ranking order (empty unless a tie).
    pub tied: Vec<usize>,
    /// The leader's lead over the runner-up, in points.
    pub lead: f64,
    /// The answered questions, in question order.
    pub answered: Vec<Answered>,
    /// The questions not answered, in order.
    pub unanswered: Vec<usize>,
    /// Answers that separate the top two, the widest gap first.
    pub drivers: Vec<Driver>,
    /// The two subjects the drivers are measured between.
    pub between: Option<(usize, usize)>,
}

impl Report {
    pub fn new(c: &Comparison, answers: &[Option<usize>], importance: &[Importance]) -> Report {
        let card = score(c, answers, importance);
        let tipping = tipping(c, answers, importance);
        let level = |q: usize| importance.get(q).copied().unwrap_or_default();
        let mut answered = Vec::new();
        let mut unanswered = Vec::new();
        for (q, question) in c.wizard.questions.iter().enumerate() {
            match answers.get(q).copied().flatten().filter(|&o| o < question.options.len()) {
                Some(option) => answered.push(Answered { question: q, option, importance: level(q) }),
                None => unanswered.push(q),
            }
        }
        let tied = match &card.outcome {
            Outcome::Tie(t) => t.clone(),
            _ => Vec::new(),
        };
        let between = match (card.ranking.first(), card.ranking.get(1)) {
            (Some(a), Some(b)) if card.outcome != Outcome::NoAnswers => Some((a.subject, b.subject)),
            _ => None,
        };
        let mut drivers: Vec<Driver> = match between {
            Some((a, b)) => answered
                .iter()
                .filter_map(|&answer| {
                    let o = &c.wizard.questions[answer.question].options[answer.option];
                    let w = |s: usize| o.weights.get(&c.subjects[s].id).copied().unwrap_or(0.0);
                    let gap = (w(a) - w(b)) * answer.importance.factor();
                    (gap != 0.0).then(|| Driver { answer, favours: if gap > 0.0 { a } else { b }, gap: gap.abs() })
                })
                .collect(),
            None => Vec::new(),
        };
        drivers.sort_by(|x, y| y.gap.total_cmp(&x.gap));
        Report { leader: leader(&card), lead: lead(&card), card, tipping, tied, answered, unanswered, drivers, between }
    }

    /// Every change that would change the outcome: answers first (the
    /// closest result first), then importance, in question order.
    pub fn tips(&self) -> impl Iterator<Item = &Tip> {
        self.tipping.answers.iter().chain(&self.tipping.importance)
    }

    pub fn robustness(&self) -> Robustness {
        self.tipping.robustness
    }

    /// The drivers that favoured `subject`.
    pub fn drivers_for(&self, subject: usize) -> impl Iterator<Item = &Driver> {
        self.drivers.iter().filter(move |d| d.favours == subject)
    }

    /// How firm the outcome is, in one sentence, with the counts of the
    /// changes listed under it: the same words on the screen and in every export.
    pub fn robustness_line(&self, c: &Comparison) -> String {
        let changes = self.change_counts();
        match self.robustness() {
            Robustness::Clear => match self.tipping.importance.len() {
                0 => "Clear: no single answer change would change it.".to_string(),
                n => format!(
                    "Clear: no single answer change would change it ({} would).",
                    count(n, "importance change", "importance changes")
                ),
            },
            Robustness::Narrow => {
                let one = self.tipping.answers.len() + self.tipping.importance.len() == 1;
                format!("Narrow: {changes} would {}change it.", if one { "" } else { "each " })
            }
            Robustness::Tie if self.tied.is_empty() => {
                "No answer separates the subjects yet: answer a question to get a recommendation.".to_string()
            }
            Robustness::Tie => {
                let names: Vec<&str> = self.tied.iter().map(|&s| c.subjects[s].name.as_str()).collect();
                if self.tipping.answers.is_empty() && self.tipping.importance.is_empty() {
                    format!("Tie: no single change would separate {}.", names.join(" and "))
                } else {
                    format!("Tie between {}: {changes} would each break it.", names.join(" and "))
                }
            }
        }
    }

    /// "3 answer changes and 1 importance change", counting what is listed.
    fn change_counts(&self) -> String {
        let (a, i) = (self.tipping.answers.len(), self.tipping.importance.len());
        let answers = count(a, "answer change", "answer changes");
        let importance = count(i, "importance change", "importance changes");
        match (a, i) {
            (_, 0) => answers,
            (0, _) => importance,
            _ => format!("{answers} and {importance}"),
        }
    }

    /// The heading over the tips: what they would do.
    pub fn tips_heading(&self) -> &'static str {
        match (self.leader, self.tied.is_empty()) {
            (Some(_), _) => "What would change it",
            (None, false) => "What would break the tie",
            (None, true) => "What would give a recommendation",
        }
    }
}

/// Whether a tip changes an answer or an importance, as a label for lists and JSON.
pub fn tip_kind(tip: &Tip) -> &'static str {
    match tip.change {
        Change::Answer(_) => "answer",
        Change::Importance(_) => "importance",
    }
}

/// A tip in words, saying which kind of change it is: "Answer: if "How
/// large…?" were "Small app", Flask would lead by 3."
pub fn tip_line(c: &Comparison, tip: &Tip) -> String {
    let q = &c.wizard.questions[tip.question];
    let outcome = match tip.leader {
        Some(s) => format!("{} would lead by {}", c.subjects[s].name, points_word(tip.lead)),
        None => "there would be no clear winner".to_string(),
    };
    match tip.change {
        Change::Answer(o) => format!("Answer: if \"{}\" were \"{}\", {outcome}.", q.prompt, q.options[o].label),
        Change::Importance(l) => {
            format!("Importance: if \"{}\" mattered {} ({}), {outcome}.", q.prompt, l.id(), l.dots())
        }
    }
}

/// "1 point", "2 points", "1.5 points": a count of points, unsigned.
pub fn points_word(p: f64) -> String {
    let n = points(p).trim_start_matches(['+', '-']).to_string();
    if n == "1" { "1 point".to_string() } else { format!("{n} points") }
}

/// A driver in words: "How large…? — Small app (normal importance): 4
/// points for Flask over Django".
pub fn driver_line(c: &Comparison, report: &Report, d: &Driver) -> String {
    let q = &c.wizard.questions[d.answer.question];
    let other = match report.between {
        Some((a, b)) if a == d.favours => b,
        Some((a, _)) => a,
        None => d.favours,
    };
    format!(
        "{} — {} ({} importance): {} for {} over {}",
        q.prompt,
        q.options[d.answer.option].label,
        d.answer.importance.id(),
        points_word(d.gap),
        c.subjects[d.favours].name,
        c.subjects[other].name
    )
}

/// For property tests: the answers and importance that random `picks` and
/// `levels` stand for (a pick past a question's options leaves it
/// unanswered; a level is taken modulo the four).
#[cfg(test)]
pub(crate) fn answer_set(c: &Comparison, picks: &[usize], levels: &[usize]) -> (Vec<Option<usize>>, Vec<Importance>) {
    let questions = &c.wizard.questions;
    let answers = questions.iter().zip(picks).map(|(q, &p)| (p < q.options.len()).then_some(p)).collect();
    let importance = (0..questions.len())
        .map(|q| Importance::ALL[levels.get(q).copied().unwrap_or(2) % Importance::ALL.len()])
        .collect();
    (answers, importance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Comparison {
        crate::data::load_builtin("django-vs-flask").and_then(Result::ok).expect("shipped")
    }

    fn answers(c: &Comparison, pairs: &[(&str, &str)]) -> Vec<Option<usize>> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect();
        crate::wizard::answers_from_ids(c, &pairs).expect("known ids")
    }

    #[test]
    fn a_tie_has_no_leader_and_drivers_on_both_sides() {
        let c = shipped();
        let r = Report::new(&c, &answers(&c, &[("size", "small"), ("admin", "essential")]), &[]);
        assert_eq!(r.leader, None);
        assert_eq!(r.tied.len(), 2, "{:?}", r.card.outcome);
        let (a, b) = r.between.expect("two tied");
        assert!(r.drivers_for(a).count() == 1 && r.drivers_for(b).count() == 1, "{:?}", r.drivers);
        assert_eq!(r.tips_heading(), "What would break the tie");
        assert!(r.robustness_line(&c).starts_with("Tie between Django and Flask: "), "{}", r.robustness_line(&c));
    }

    #[test]
    fn the_robustness_line_counts_what_is_listed() {
        let c = shipped();
        let r = Report::new(&c, &answers(&c, &[("size", "small")]), &[]);
        let (a, i) = (r.tipping.answers.len(), r.tipping.importance.len());
        assert!(a > 0);
        let line = r.robustness_line(&c);
        assert!(line.contains(&count(a, "answer change", "answer changes")), "{line}");
        if i > 0 {
            assert!(line.contains(&count(i, "importance change", "importance changes")), "{line}");
        }
        assert_eq!(r.tips().count(), a + i);
    }

    #[test]
    fn nothing_answered_says_so() {
        let c = shipped();
        let r = Report::new(&c, &[], &[]);
        assert_eq!((r.leader, r.tied.len(), r.drivers.len()), (None, 0, 0));
        assert_eq!(r.unanswered.len(), c.wizard.questions.len());
        assert!(r.robustness_line(&c).starts_with("No answer separates"));
    }
}
