//! The decision wizard's scoring: answers in, a ranked and explained scorecard out.
//!
//! Pure: no terminal types and no I/O, so the TUI, the headless CLI and the
//! tests all get the same scorecard from the same answers. Every number here can
//! be checked by hand against the `weights` in the data file, which is the
//! point: a recommendation the user cannot trace back to their answers is not
//! worth showing.

use super::Importance;
use crate::data::{Choice, Comparison, Question, Subject};

/// Per question: the chosen option's index, or None when skipped / not answered yet.
///
/// A slice indexed like `wizard.questions`, so the wizard can keep one slot per
/// question while the user moves back and forth. A slice shorter than the
/// question list leaves the rest unanswered; extra slots are ignored; an option
/// index past the end of its question counts as skipped rather than panicking,
/// because answers may outlive the data they were given for (a reloaded file).
pub type Answers = [Option<usize>];

/// The tie margin used when the data file does not set `wizard.tie_margin`.
///
/// Five percent of the largest swing the answers could have produced: small
/// enough that a clear preference still wins, large enough that a result
/// decided by a single half-point is reported as the near-tie it is.
pub(crate) const DEFAULT_TIE_MARGIN: f64 = 0.05;

/// How much one answered question moved one subject's score.
///
/// Kept per question (not just summed) so the result can say *why*: the
/// choice's `why` text is `questions[question].options[option].why`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// Index into `subjects`: whose score this moved.
    pub subject: usize,
    /// Index into `wizard.questions`.
    pub question: usize,
    /// Index into that question's `options`: the option that was chosen.
    pub option: usize,
    /// The chosen option's weight for the subject (0 when the weight is left
    /// out), times the question's importance.
    pub points: f64,
}

/// One subject's score and the answers that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectScore {
    /// Index into `subjects`.
    pub subject: usize,
    /// The sum of the chosen options' weights for this subject, each times its
    /// question's importance.
    pub points: f64,
    /// How far behind the leader, in points (0 for the leader).
    pub behind: f64,
    /// The bar to draw, 0.0..=1.0: the subject's points over the leader's,
    /// and an empty bar for no points or fewer than none.
    pub bar: f64,
    /// Answers that raised the score, largest first (ties in question order).
    pub pushed_for: Vec<Contribution>,
    /// Answers that lowered the score, most negative first (ties in question order).
    pub pushed_against: Vec<Contribution>,
}

/// What the answers add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// One subject leads by more than the tie margin (index into `subjects`).
    Winner(usize),
    /// Two or more subjects are within the tie margin of the top score, as
    /// indices into `subjects` in ranking order. Reported instead of a winner
    /// because a lead that small says more about the weights than about the user.
    Tie(Vec<usize>),
    /// Nothing has been answered, or nothing answered pushed any subject
    /// either way, so there is no basis for a recommendation.
    NoAnswers,
}

/// The wizard's result for one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// Every subject, highest points first; equal points keep the declared order.
    pub ranking: Vec<SubjectScore>,
    pub outcome: Outcome,
    /// The tie margin applied: `wizard.tie_margin` or [`DEFAULT_TIE_MARGIN`].
    pub margin: f64,
    /// How many questions have an (in-range) answer.
    pub answered: usize,
}

/// Relative slack on the tie threshold, so that a gap equal to the margin on
/// paper is not pushed outside it by floating-point rounding of the sums.
const ROUNDING_SLACK: f64 = 1e-9;

/// Scores every subject against the answers and decides the outcome.
///
/// A subject's points are the sum of the chosen options' weights for it, each
/// times its question's importance (`importance` may be shorter than the
/// questions: the rest count as normal). The leader wins unless the
/// runner-up is within `margin × scale`, where `scale` is the largest gap the
/// answered questions could have opened between those two (per question, the
/// widest difference between their weights over its options, times its
/// importance): the margin thus means the same whether three questions are
/// answered or thirty, and whatever the other subjects do. A gap exactly equal
/// to the margin counts as a tie; the tie takes in every subject that close.
pub fn score(c: &Comparison, answers: &Answers, importance: &[Importance]) -> Scorecard {
    score_ballots(c, &[Ballot { answers, importance, share: 1.0 }])
}

/// One person's answers and importance, counted for `share` of the result:
/// 1 alone, 1/N in a group of N.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ballot<'a> {
    pub answers: &'a Answers,
    pub importance: &'a [Importance],
    pub share: f64,
}

/// [`score`] for several people at once: every answer counts, its points
/// times its owner's share. A group's scores are thus the mean of its
/// members' scores, and the tie scale the mean of theirs; one person with
/// share 1 is [`score`] itself. Contributions of the same option to the
/// same question are added into one.
pub(crate) fn score_ballots(c: &Comparison, ballots: &[Ballot]) -> Scorecard {
    #[cfg(test)]
    SCORED.with(|n| n.set(n.get() + 1));
    let mut chosen = Vec::new();
    let mut answered = vec![false; c.wizard.questions.len()];
    for b in ballots {
        for a in chosen_by(c, b.answers, b.importance) {
            answered[a.index] = true;
            chosen.push(Answered { factor: a.factor * b.share, ..a });
        }
    }
    let margin = c.wizard.tie_margin.unwrap_or(DEFAULT_TIE_MARGIN);

    let mut ranking: Vec<SubjectScore> =
        c.subjects.iter().enumerate().map(|(i, s)| subject_score(i, s, &chosen)).collect();
    // Stable: equal points keep the declared subject order. total_cmp never
    // panics, even should a sum of huge weights overflow.
    ranking.sort_by(|a, b| b.points.total_cmp(&a.points));
    let top = ranking.first().map_or(0.0, |s| s.points);
    for s in &mut ranking {
        s.behind = top - s.points;
        s.bar = if top > 0.0 { (s.points / top).clamp(0.0, 1.0) } else { 0.0 };
    }

    let pushed = chosen.iter().any(|a| a.factor > 0.0 && c.subjects.iter().any(|s| weight(a.choice, s) != 0.0));
    let outcome = match (ranking.first(), ranking.get(1)) {
        (Some(leader), Some(runner)) if pushed => {
            let (l, r) = (&c.subjects[leader.subject], &c.subjects[runner.subject]);
            let scale: f64 = chosen.iter().map(|a| a.factor * widest_gap(a.question, l, r)).sum();
            let threshold = margin * scale + scale * ROUNDING_SLACK;
            let tied: Vec<usize> =
                ranking.iter().take_while(|s| leader.points - s.points <= threshold).map(|s| s.subject).collect();
            if tied.len() > 1 { Outcome::Tie(tied) } else { Outcome::Winner(leader.subject) }
        }
        (Some(leader), None) if pushed => Outcome::Winner(leader.subject),
        _ => Outcome::NoAnswers,
    };

    Scorecard { ranking, outcome, margin, answered: answered.iter().filter(|&&a| a).count() }
}

#[cfg(test)]
thread_local! {
    /// How many times [`score`] ran on this thread: lets tests check that a
    /// key press which changes nothing does not score the answers again.
    pub(crate) static SCORED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The wizard's result in one sentence.
pub fn recommendation(c: &Comparison, card: &Scorecard) -> String {
    let name = |s: usize| c.subjects[s].name.as_str();
    match &card.outcome {
        Outcome::Winner(s) => {
            let runner = card.ranking.get(1).map_or(String::new(), |r| {
                format!(
                    " ({} points against {}'s {})",
                    points(card.ranking[0].points),
                    name(r.subject),
                    points(r.points)
                )
            });
            format!("{} fits these answers best{runner}.", name(*s))
        }
        Outcome::Tie(tied) => {
            let names: Vec<&str> = tied.iter().map(|&s| name(s)).collect();
            format!(
                "No clear winner: {} are within the tie margin ({:.0}% of the largest possible swing).",
                names.join(" and "),
                card.margin * 100.0
            )
        }
        Outcome::NoAnswers => "No answer pushes any way yet: nothing to recommend.".to_string(),
    }
}

/// One answer that counted, in words: the question, the option chosen, the
/// data's reason for it as it concerns this subject, and the points it gave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reason<'a> {
    pub question: &'a Question,
    pub choice: &'a Choice,
    /// The option's reason for this subject where it has one, else its `why`.
    pub why: &'a str,
    pub points: f64,
}

impl Contribution {
    /// This contribution in words, from the data it was scored on.
    pub fn reason<'a>(&self, c: &'a Comparison) -> Reason<'a> {
        let question = &c.wizard.questions[self.question];
        let choice = &question.options[self.option];
        let why = choice.reasons.get(&c.subjects[self.subject].id).unwrap_or(&choice.why);
        Reason { question, choice, why, points: self.points }
    }
}

/// Points as the wizard prints them: signed, whole where they are whole,
/// "0" (never "-0" or "+0") for nothing.
pub fn points(p: f64) -> String {
    if p.abs() < 1e-9 {
        "0".to_string()
    } else if (p - p.round()).abs() < 1e-9 {
        format!("{:+}", p.round() as i64)
    } else {
        format!("{p:+.1}")
    }
}

/// Resolves "QUESTION=OPTION" ids to indices; errors name the bad id and list the valid ones.
///
/// For answering the wizard headlessly (command line, scripts), where people
/// type ids rather than pick from a list: the error has to show what they could
/// have typed. Questions not named stay unanswered. Naming a question twice is
/// an error rather than "last one wins", because one of the two was a mistake
/// and silently picking one would hide it.
pub fn answers_from_ids(c: &Comparison, pairs: &[(String, String)]) -> Result<Vec<Option<usize>>, Vec<String>> {
    let questions = &c.wizard.questions;
    let mut out = vec![None; questions.len()];
    let mut errors = Vec::new();
    for (question_id, option_id) in pairs {
        let Some(qi) = question_index(c, question_id, &mut errors) else { continue };
        let q = &questions[qi];
        if out[qi].is_some() {
            errors.push(format!("question {:?} is answered more than once", q.id.as_str()));
        } else if let Some(oi) = q.options.iter().position(|o| o.id.as_str() == option_id) {
            out[qi] = Some(oi);
        } else {
            let valid = list(q.options.iter().map(|o| o.id.as_str()));
            errors.push(format!("question {:?} has no option {option_id:?}; its options are: {valid}", q.id.as_str()));
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Resolves "QUESTION=LEVEL" pairs to one importance per question (normal
/// where not named); every bad pair is reported, with the valid names.
pub(crate) fn importance_from_ids(c: &Comparison, pairs: &[(String, String)]) -> Result<Vec<Importance>, Vec<String>> {
    let mut out = vec![Importance::Normal; c.wizard.questions.len()];
    let mut seen = vec![false; out.len()];
    let mut errors = Vec::new();
    for (question_id, level) in pairs {
        let Some(qi) = question_index(c, question_id, &mut errors) else { continue };
        if std::mem::replace(&mut seen[qi], true) {
            errors.push(format!("question {question_id:?} is given an importance more than once"));
        } else if let Some(l) = Importance::parse(level) {
            out[qi] = l;
        } else {
            let valid = list(Importance::ALL.iter().map(|i| i.id()));
            errors.push(format!("unknown importance {level:?} for {question_id:?}; the levels are: {valid}"));
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// A record's answers and importance by id, taken back one pair at a time:
/// what still exists is kept, and each pair that no longer does is named in
/// one short line (a bad pair never drops the good ones).
pub(crate) struct Replayed {
    pub answers: Vec<Option<usize>>,
    pub importance: Vec<Importance>,
    pub gone: Vec<String>,
}

pub(crate) fn replay(
    c: &Comparison,
    answers: &std::collections::BTreeMap<String, String>,
    importance: &std::collections::BTreeMap<String, String>,
) -> Replayed {
    let questions = &c.wizard.questions;
    let index = |id: &str| questions.iter().position(|q| q.id.as_str() == id);
    let mut out = Replayed {
        answers: vec![None; questions.len()],
        importance: vec![Importance::Normal; questions.len()],
        gone: Vec::new(),
    };
    for (question, option) in answers {
        match index(question) {
            None => out.gone.push(format!("question {question:?} (answered {option:?})")),
            Some(k) => match questions[k].options.iter().position(|o| o.id.as_str() == option) {
                Some(o) => out.answers[k] = Some(o),
                None => out.gone.push(format!("option {option:?} of question {question:?}")),
            },
        }
    }
    for (question, level) in importance {
        match (index(question), Importance::parse(level)) {
            (Some(k), Some(level)) => out.importance[k] = level,
            (None, _) => out.gone.push(format!("question {question:?} (given {level:?} importance)")),
            (Some(_), None) => out.gone.push(format!("importance level {level:?} of question {question:?}")),
        }
    }
    out
}

/// Answers and importance by id, from indices: what [`replay`] takes back.
/// Only answered questions, and only an importance other than normal.
pub fn ids(
    c: &Comparison,
    answers: &[Option<usize>],
    importance: &[Importance],
) -> (std::collections::BTreeMap<String, String>, std::collections::BTreeMap<String, String>) {
    let mut a = std::collections::BTreeMap::new();
    let mut i = std::collections::BTreeMap::new();
    for (q, question) in c.wizard.questions.iter().enumerate() {
        if let Some(o) = answers.get(q).copied().flatten().and_then(|o| question.options.get(o)) {
            a.insert(question.id.to_string(), o.id.to_string());
            let level = importance.get(q).copied().unwrap_or_default();
            if level != Importance::Normal {
                i.insert(question.id.to_string(), level.id().to_string());
            }
        }
    }
    (a, i)
}

/// The index of the question with this id, or an error listing the ids.
fn question_index(c: &Comparison, id: &str, errors: &mut Vec<String>) -> Option<usize> {
    let questions = &c.wizard.questions;
    let found = questions.iter().position(|q| q.id.as_str() == id);
    if found.is_none() {
        let valid = list(questions.iter().map(|q| q.id.as_str()));
        errors.push(format!("unknown question {id:?}; the questions are: {valid}"));
    }
    found
}

/// One answered question: where it is, what was picked, and how much it matters.
struct Answered<'a> {
    index: usize,
    question: &'a Question,
    option: usize,
    choice: &'a Choice,
    factor: f64,
}

/// The answered questions, in question order; skipped and out-of-range answers are left out.
fn chosen_by<'a>(c: &'a Comparison, answers: &Answers, importance: &[Importance]) -> Vec<Answered<'a>> {
    c.wizard
        .questions
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let option = answers.get(index).copied().flatten()?;
            let choice = question.options.get(option)?;
            let factor = importance.get(index).copied().unwrap_or_default().factor();
            Some(Answered { index, question, option, choice, factor })
        })
        .collect()
}

/// A choice's weight for a subject; a subject the choice leaves out gets 0.
fn weight(choice: &Choice, subject: &Subject) -> f64 {
    choice.weights.get(subject.id.as_str()).copied().unwrap_or(0.0)
}

/// The widest gap any option of the question opens between two subjects.
fn widest_gap(q: &Question, a: &Subject, b: &Subject) -> f64 {
    q.options.iter().map(|o| (weight(o, a) - weight(o, b)).abs()).fold(0.0, f64::max)
}

fn subject_score(index: usize, subject: &Subject, chosen: &[Answered]) -> SubjectScore {
    let mut contributions: Vec<Contribution> = Vec::with_capacity(chosen.len());
    for a in chosen {
        let points = weight(a.choice, subject) * a.factor;
        // Several people who chose the same option make one contribution.
        match contributions.iter_mut().find(|k| k.question == a.index && k.option == a.option) {
            Some(k) => k.points += points,
            None => contributions.push(Contribution { subject: index, question: a.index, option: a.option, points }),
        }
    }
    let points: f64 = contributions.iter().map(|c| c.points).sum();

    let mut pushed_for: Vec<Contribution> = contributions.iter().copied().filter(|c| c.points > 0.0).collect();
    pushed_for.sort_by(|a, b| b.points.total_cmp(&a.points));
    let mut pushed_against: Vec<Contribution> = contributions.into_iter().filter(|c| c.points < 0.0).collect();
    pushed_against.sort_by(|a, b| a.points.total_cmp(&b.points));

    SubjectScore { subject: index, points, behind: 0.0, bar: 0.0, pushed_for, pushed_against }
}

/// Ids joined for an error message.
fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() { "(none)".to_string() } else { ids.join(", ") }
}

/// For each question, the option that most favours subject `toward` over
/// subject `against` (the last such option on a tie): the answers of someone
/// leaning that way. The screenshots and the tests use it.
pub fn leaning(c: &Comparison, toward: usize, against: usize) -> Vec<Option<usize>> {
    let points = |o: &Choice, s: usize| c.subjects.get(s).and_then(|s| o.weights.get(&s.id)).copied().unwrap_or(0.0);
    c.wizard
        .questions
        .iter()
        .map(|q| {
            let lean = |o: &Choice| points(o, toward) - points(o, against);
            (0..q.options.len()).max_by(|&a, &b| lean(&q.options[a]).total_cmp(&lean(&q.options[b])))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::wizard::Importance;

    /// Three drinks, three questions. Weights left out are 0.
    ///
    /// | question | option  | tea  | coffee | cocoa |
    /// |----------|---------|------|--------|-------|
    /// | time     | morning |  1   |   3    |  -1   |
    /// |          | evening |  2   |  -2    |   2   |
    /// |          | never   |  0   |   0    |   0   |
    /// | budget   | low     |  2   |  -1    |   0   |
    /// |          | high    |  0   |   2    |   1   |
    /// | sweet    | yes     | -0.5 |   0    |   3   |
    /// |          | no      |  1   |   1    |  -2   |
    ///
    /// Largest absolute weight per question (the tie scale): time 3, budget 2, sweet 3.
    const FIXTURE: &str = r#"(
        title: "Tea vs Coffee vs Cocoa",
        summary: "Three hot drinks.",
        subjects: [
            (id: "tea", name: "Tea", description: "Leaves."),
            (id: "coffee", name: "Coffee", description: "Beans."),
            (id: "cocoa", name: "Cocoa", description: "Chocolate."),
        ],
        key_features: {
            "tea": [(name: "Gentle", detail: "Mild.")],
            "coffee": [(name: "Strong", detail: "Bold.")],
            "cocoa": [(name: "Sweet", detail: "Rich.")],
        },
        features: [(name: "Caffeine", values: {"tea": "Some", "coffee": "Lots", "cocoa": "Little"})],
        pros_cons: {
            "tea": (pros: ["Easy."], cons: ["Weak."]),
            "coffee": (pros: ["Strong."], cons: ["Jitters."]),
            "cocoa": (pros: ["Tasty."], cons: ["Sugary."]),
        },
        use_cases: [(domain: "Mornings", fits: {
            "tea": (why: "Slow start."),
            "coffee": (featured: true, why: "Fast start."),
            "cocoa": (why: "Treat."),
        })],
        factors: [(name: "Cost", summary: {"tea": "Low", "coffee": "High", "cocoa": "Mid"}, discussion: {
            "tea": "Cheap.", "coffee": "Dear.", "cocoa": "Middling.",
        })],
        decision: [(name: "Best for", values: {"tea": "Afternoons", "coffee": "Deadlines", "cocoa": "Evenings"})],
        faq: [(question: "Which is sweetest?", answer: "Cocoa.")],
        wizard: (
            tie_margin: 0.1,
            questions: [
                (id: "time", prompt: "When?", options: [
                    (id: "morning", label: "Morning", weights: {"tea": 1.0, "coffee": 3.0, "cocoa": -1.0}, why: "Wake up."),
                    (id: "evening", label: "Evening", weights: {"tea": 2.0, "coffee": -2.0, "cocoa": 2.0}, why: "Wind down."),
                    (id: "never", label: "No preference", weights: {}, why: "Any time."),
                ]),
                (id: "budget", prompt: "Budget?", options: [
                    (id: "low", label: "Low", weights: {"tea": 2.0, "coffee": -1.0}, why: "Tea is cheap."),
                    (id: "high", label: "High", weights: {"coffee": 2.0, "cocoa": 1.0}, why: "Good beans."),
                ]),
                (id: "sweet", prompt: "Sweet tooth?", options: [
                    (id: "yes", label: "Yes", weights: {"tea": -0.5, "cocoa": 3.0}, why: "Cocoa is sweet."),
                    (id: "no", label: "No", weights: {"tea": 1.0, "coffee": 1.0, "cocoa": -2.0}, why: "Bitter is fine."),
                ]),
            ],
        ),
    )"#;

    const TEA: usize = 0;
    const COFFEE: usize = 1;
    const COCOA: usize = 2;

    // Option indices, named for readability.
    const MORNING: Option<usize> = Some(0);
    const EVENING: Option<usize> = Some(1);
    const NEVER: Option<usize> = Some(2);
    const LOW: Option<usize> = Some(0);
    const HIGH: Option<usize> = Some(1);
    const YES: Option<usize> = Some(0);
    const NO: Option<usize> = Some(1);

    fn fixture() -> Comparison {
        data::load_str(FIXTURE, "fixture").expect("fixture loads")
    }

    fn points_of(v: &Scorecard, subject: usize) -> f64 {
        v.ranking.iter().find(|s| s.subject == subject).expect("subject ranked").points
    }

    fn score_of(v: &Scorecard, subject: usize) -> &SubjectScore {
        v.ranking.iter().find(|s| s.subject == subject).expect("subject ranked")
    }

    fn order(v: &Scorecard) -> Vec<usize> {
        v.ranking.iter().map(|s| s.subject).collect()
    }

    /// (question, points) pairs, the part of a contribution a reader checks.
    fn reasons(cs: &[Contribution]) -> Vec<(usize, f64)> {
        cs.iter().map(|c| (c.question, c.points)).collect()
    }

    fn assert_close(got: f64, want: f64) {
        assert!((got - want).abs() < 1e-12, "got {got}, want {want}");
    }

    #[test]
    fn points_are_the_sums_of_the_chosen_weights() {
        let c = fixture();
        // morning, high, no:
        //   tea    = 1 + 0 + 1    = 2
        //   coffee = 3 + 2 + 1    = 6
        //   cocoa  = -1 + 1 + -2  = -2
        let v = score(&c, &[MORNING, HIGH, NO], &[]);
        assert_eq!(points_of(&v, TEA), 2.0);
        assert_eq!(points_of(&v, COFFEE), 6.0);
        assert_eq!(points_of(&v, COCOA), -2.0);
        assert_eq!(v.answered, 3);
        assert_eq!(v.margin, 0.1);

        // evening, low, yes:
        //   tea    = 2 + 2 - 0.5 = 3.5
        //   coffee = -2 - 1 + 0  = -3
        //   cocoa  = 2 + 0 + 3   = 5
        let v = score(&c, &[EVENING, LOW, YES], &[]);
        assert_eq!(points_of(&v, TEA), 3.5);
        assert_eq!(points_of(&v, COFFEE), -3.0);
        assert_eq!(points_of(&v, COCOA), 5.0);
    }

    #[test]
    fn ranking_is_by_points_descending_and_names_the_winner() {
        let c = fixture();
        // coffee 6, tea 2, cocoa -2; coffee against tea could differ by 4 + 3 +
        // 0.5 = 7.5, so the margin is 0.75 points and the 4-point lead is a clear win.
        let v = score(&c, &[MORNING, HIGH, NO], &[]);
        assert_eq!(order(&v), vec![COFFEE, TEA, COCOA]);
        assert_eq!(v.outcome, Outcome::Winner(COFFEE));

        // cocoa 5, tea 3.5, coffee -3 (see above): all three subjects take part.
        let v = score(&c, &[EVENING, LOW, YES], &[]);
        assert_eq!(order(&v), vec![COCOA, TEA, COFFEE]);
        assert_eq!(v.outcome, Outcome::Winner(COCOA));
    }

    #[test]
    fn equal_points_tie_in_declared_order() {
        let c = fixture();
        // Only "evening": tea 2, coffee -2, cocoa 2. Tea and cocoa are level, and
        // the stable sort keeps tea (declared first) ahead.
        let v = score(&c, &[EVENING, None, None], &[]);
        assert_eq!(order(&v), vec![TEA, COCOA, COFFEE]);
        assert_eq!(v.outcome, Outcome::Tie(vec![TEA, COCOA]));
        assert_eq!(v.answered, 1);
    }

    #[test]
    fn the_margin_decides_between_a_tie_and_a_win() {
        let mut c = fixture();
        // evening, high: tea 2 + 0 = 2, coffee -2 + 2 = 0, cocoa 2 + 1 = 3.
        // The scale is the widest gap each answered question could open between
        // the leader (cocoa) and the runner-up (tea): time |-1 - 1| = 2, budget
        // |0 - 2| = 2, so 4; cocoa leads by 1 point = 0.25 × scale.
        let answers = [EVENING, HIGH, None];

        // The fixture's 0.1 margin is 0.4 points: cocoa wins.
        let v = score(&c, &answers, &[]);
        assert_eq!(order(&v), vec![COCOA, TEA, COFFEE]);
        assert_eq!(v.outcome, Outcome::Winner(COCOA));

        // Just inside: 0.26 × 4 = 1.04 ≥ 1, a tie, listed in ranking order.
        c.wizard.tie_margin = Some(0.26);
        let v = score(&c, &answers, &[]);
        assert_eq!(v.margin, 0.26);
        assert_eq!(v.outcome, Outcome::Tie(vec![COCOA, TEA]));

        // Just outside: 0.24 × 4 = 0.96 < 1, cocoa wins.
        c.wizard.tie_margin = Some(0.24);
        assert_eq!(score(&c, &answers, &[]).outcome, Outcome::Winner(COCOA));

        // Exactly on the margin (0.25 × 4 = 1) counts as a tie.
        c.wizard.tie_margin = Some(0.25);
        assert_eq!(score(&c, &answers, &[]).outcome, Outcome::Tie(vec![COCOA, TEA]));

        // A margin wide enough for coffee (3 behind = 0.75 × scale) ties all three.
        c.wizard.tie_margin = Some(0.75);
        assert_eq!(score(&c, &answers, &[]).outcome, Outcome::Tie(vec![COCOA, TEA, COFFEE]));
    }

    #[test]
    fn importance_scales_a_questions_points() {
        let c = fixture();
        // morning, high, no with time ignored and sweet high:
        //   tea    = 0×1 + 0 + 2×1    = 2
        //   coffee = 0×3 + 2 + 2×1    = 4
        //   cocoa  = 0×-1 + 1 + 2×-2  = -3
        let levels = [Importance::Ignore, Importance::Normal, Importance::High];
        let v = score(&c, &[MORNING, HIGH, NO], &levels);
        assert_eq!((points_of(&v, TEA), points_of(&v, COFFEE), points_of(&v, COCOA)), (2.0, 4.0, -3.0));
        let low = score(&c, &[MORNING, None, None], &[Importance::Low]);
        assert_eq!(points_of(&low, COFFEE), 1.5);
        // An ignored question moves nobody: nothing to recommend.
        assert_eq!(score(&c, &[MORNING, None, None], &[Importance::Ignore]).outcome, Outcome::NoAnswers);
    }

    #[test]
    fn points_are_printed_without_minus_zero() {
        assert_eq!(points(0.0), "0");
        assert_eq!(points(-0.0), "0");
        assert_eq!(points(3.0), "+3");
        assert_eq!(points(-2.0), "-2");
        assert_eq!(points(1.5), "+1.5");
    }

    #[test]
    fn the_default_margin_applies_when_the_data_sets_none() {
        let mut c = fixture();
        c.wizard.tie_margin = None;
        // morning, low, yes: tea 1 + 2 - 0.5 = 2.5, coffee 3 - 1 + 0 = 2,
        // cocoa -1 + 0 + 3 = 2. Tea against coffee could differ by 4 (time),
        // 3 (budget) and 0.5 (sweet): scale 7.5, so the default 0.05 margin is
        // 0.375 points and tea's 0.5 lead wins.
        let v = score(&c, &[MORNING, LOW, YES], &[]);
        assert_eq!(v.margin, DEFAULT_TIE_MARGIN);
        assert_eq!(order(&v), vec![TEA, COFFEE, COCOA]);
        assert_eq!(v.outcome, Outcome::Winner(TEA));
        // With the fixture's 0.1 (0.75 points) the same answers are a three-way tie.
        assert_eq!(score(&fixture(), &[MORNING, LOW, YES], &[]).outcome, Outcome::Tie(vec![TEA, COFFEE, COCOA]));
    }

    #[test]
    fn nothing_answered_is_no_answers() {
        let c = fixture();
        for answers in [&[None, None, None][..], &[][..]] {
            let v = score(&c, answers, &[]);
            assert_eq!(v.outcome, Outcome::NoAnswers);
            assert_eq!(v.answered, 0);
            assert_eq!(order(&v), vec![TEA, COFFEE, COCOA]);
            for s in &v.ranking {
                assert_eq!(s.points, 0.0);
                assert_eq!((s.bar, s.behind), (0.0, 0.0), "no points: an empty bar");
                assert!(s.pushed_for.is_empty() && s.pushed_against.is_empty());
            }
        }
    }

    #[test]
    fn answers_that_push_nowhere_are_no_answers() {
        let c = fixture();
        // "never" has no weights: answered, but no basis for a recommendation.
        let v = score(&c, &[NEVER, None, None], &[]);
        assert_eq!(v.answered, 1);
        assert_eq!(v.outcome, Outcome::NoAnswers);
    }

    #[test]
    fn out_of_range_answers_count_as_skipped() {
        let c = fixture();
        let skipped = score(&c, &[MORNING, None, None], &[]);
        let bad = score(&c, &[MORNING, Some(2), Some(usize::MAX)], &[]);
        assert_eq!(bad, skipped);
        assert_eq!(bad.answered, 1);
        // Extra slots beyond the questions are ignored too.
        assert_eq!(score(&c, &[MORNING, None, None, Some(0)], &[]), skipped);
        // morning alone: coffee 3, tea 1, cocoa -1.
        assert_eq!(points_of(&bad, COFFEE), 3.0);
        assert_eq!(bad.outcome, Outcome::Winner(COFFEE));
    }

    #[test]
    fn contributions_are_sorted_by_size() {
        let c = fixture();
        // evening, high, yes for cocoa: +2 (time), +1 (budget), +3 (sweet).
        let v = score(&c, &[EVENING, HIGH, YES], &[]);
        let cocoa = score_of(&v, COCOA);
        assert_eq!(reasons(&cocoa.pushed_for), vec![(2, 3.0), (0, 2.0), (1, 1.0)]);
        assert!(cocoa.pushed_against.is_empty());
        assert_eq!(cocoa.pushed_for[0], Contribution { subject: COCOA, question: 2, option: 0, points: 3.0 });

        // morning, high, no for cocoa: -1 (time), +1 (budget), -2 (sweet).
        let v = score(&c, &[MORNING, HIGH, NO], &[]);
        let cocoa = score_of(&v, COCOA);
        assert_eq!(reasons(&cocoa.pushed_for), vec![(1, 1.0)]);
        assert_eq!(reasons(&cocoa.pushed_against), vec![(2, -2.0), (0, -1.0)]);
        assert_eq!(cocoa.pushed_against[1], Contribution { subject: COCOA, question: 0, option: 0, points: -1.0 });

        // evening, low, no for tea: +2, +2, +1 — the equal pair stays in question order.
        let v = score(&c, &[EVENING, LOW, NO], &[]);
        assert_eq!(reasons(&score_of(&v, TEA).pushed_for), vec![(0, 2.0), (1, 2.0), (2, 1.0)]);

        // evening, low, yes for coffee: -2, -1, and a 0 from "yes" that is in neither list.
        let v = score(&c, &[EVENING, LOW, YES], &[]);
        let coffee = score_of(&v, COFFEE);
        assert!(coffee.pushed_for.is_empty());
        assert_eq!(reasons(&coffee.pushed_against), vec![(0, -2.0), (1, -1.0)]);
    }

    #[test]
    fn bars_are_points_over_the_leaders_and_empty_for_none() {
        let c = fixture();
        // morning, high, no: coffee 6, tea 2, cocoa -2.
        let v = score(&c, &[MORNING, HIGH, NO], &[]);
        assert_close(score_of(&v, COFFEE).bar, 1.0);
        assert_close(score_of(&v, TEA).bar, 2.0 / 6.0);
        assert_close(score_of(&v, COCOA).bar, 0.0);
        assert_eq!((score_of(&v, TEA).behind, score_of(&v, COCOA).behind), (4.0, 8.0));
        // Only "never" answered: every subject at 0, every bar empty.
        let v = score(&c, &[NEVER, None, None], &[]);
        assert!(v.ranking.iter().all(|s| s.bar == 0.0));
    }

    #[test]
    fn a_reason_speaks_of_its_subject() {
        let mut c = fixture();
        let reasons = data::PerSubject::new(vec![("coffee".into(), data::Text::new("Coffee wakes you."))]);
        c.wizard.questions[0].options[0].reasons = reasons;
        let v = score(&c, &[MORNING, None, None], &[]);
        assert_eq!(score_of(&v, COFFEE).pushed_for[0].reason(&c).why, "Coffee wakes you.");
        assert_eq!(score_of(&v, TEA).pushed_for[0].reason(&c).why, "Wake up.", "no reason of its own: the option's");
    }

    #[test]
    fn every_combination_of_answers_is_consistent() {
        let c = fixture();
        let slots = |n: usize| (0..=n).map(move |i| if i == n { None } else { Some(i) });
        for time in slots(3) {
            for budget in slots(2) {
                for sweet in slots(2) {
                    let answers = [time, budget, sweet];
                    let v = score(&c, &answers, &[]);
                    assert_eq!(v.answered, answers.iter().flatten().count());
                    assert_eq!(v.ranking.len(), 3);
                    assert!(v.ranking.windows(2).all(|w| w[0].points >= w[1].points), "{answers:?}");
                    for s in &v.ranking {
                        assert!((0.0..=1.0).contains(&s.bar), "{answers:?}: bar {}", s.bar);
                        let explained: f64 = s.pushed_for.iter().chain(&s.pushed_against).map(|c| c.points).sum();
                        assert_close(explained, s.points);
                    }
                    match &v.outcome {
                        Outcome::Winner(w) => assert_eq!(*w, v.ranking[0].subject),
                        Outcome::Tie(t) => {
                            assert!(t.len() >= 2);
                            assert_eq!(t[..], order(&v)[..t.len()]);
                        }
                        Outcome::NoAnswers => assert!(v.ranking.iter().all(|s| s.points == 0.0)),
                    }
                }
            }
        }
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect()
    }

    #[test]
    fn ids_resolve_to_indices() {
        let c = fixture();
        let got = answers_from_ids(&c, &pairs(&[("sweet", "no"), ("time", "evening")]));
        assert_eq!(got, Ok(vec![EVENING, None, NO]));
        assert_eq!(answers_from_ids(&c, &[]), Ok(vec![None, None, None]));
    }

    #[test]
    fn unknown_ids_are_rejected_with_the_valid_ones() {
        let c = fixture();
        assert_eq!(
            answers_from_ids(&c, &pairs(&[("time", "morning"), ("size", "small"), ("budget", "huge")])),
            Err(vec![
                "unknown question \"size\"; the questions are: time, budget, sweet".to_string(),
                "question \"budget\" has no option \"huge\"; its options are: low, high".to_string(),
            ]),
            "every bad answer at once"
        );
        assert_eq!(
            importance_from_ids(&c, &pairs(&[("time", "high"), ("sweet", "urgent")])),
            Err(vec![
                "unknown importance \"urgent\" for \"sweet\"; the levels are: ignore, low, normal, high".to_string()
            ])
        );
        let levels = importance_from_ids(&c, &pairs(&[("time", "high")])).expect("valid");
        assert_eq!(levels, [Importance::High, Importance::Normal, Importance::Normal]);
    }

    #[test]
    fn a_question_answered_twice_is_rejected() {
        let c = fixture();
        let err = answers_from_ids(&c, &pairs(&[("time", "morning"), ("budget", "low"), ("time", "evening")]))
            .expect_err("duplicate");
        assert_eq!(err, ["question \"time\" is answered more than once"]);
        // Even when both name the same option: one of them was a mistake.
        assert!(answers_from_ids(&c, &pairs(&[("time", "morning"), ("time", "morning")])).is_err());
    }

    #[test]
    fn hostile_ids_are_escaped_in_errors() {
        let c = fixture();
        let err = answers_from_ids(&c, &pairs(&[("\u{1b}[2Jx", "a")])).expect_err("unknown");
        assert!(!err.concat().contains('\u{1b}'), "{err:?}");
    }

    fn subject(c: &Comparison, id: &str) -> usize {
        c.subjects.iter().position(|s| s.id.as_str() == id).expect("subject declared")
    }

    #[test]
    fn shipped_data_can_recommend_either_framework() {
        let c = data::default_comparison().expect("shipped data loads");
        let (django, flask) = (subject(&c, "django"), subject(&c, "flask"));
        for (favoured, other) in [(django, flask), (flask, django)] {
            let v = score(&c, &leaning(&c, favoured, other), &[]);
            let name = c.subjects[favoured].id.as_str();
            assert_eq!(v.answered, c.wizard.questions.len());
            assert_eq!(v.outcome, Outcome::Winner(favoured), "leaning toward {name}");
            assert!(score_of(&v, favoured).pushed_for.len() >= 3, "{name} needs reasons: {:?}", v.ranking);
            assert!(score_of(&v, other).points < score_of(&v, favoured).points);
        }
    }

    #[test]
    fn shipped_three_way_data_can_recommend_each_framework() {
        let c = data::load_builtin("django-vs-flask-vs-fastapi").expect("shipped").expect("loads");
        assert_eq!(c.subjects.len(), 3);
        for favoured in 0..c.subjects.len() {
            // Lean toward `favoured` against its strongest rival on each question.
            let answers: Vec<Option<usize>> = c
                .wizard
                .questions
                .iter()
                .map(|q| {
                    let lean = |o: &Choice| {
                        let rival = (0..c.subjects.len())
                            .filter(|&s| s != favoured)
                            .map(|s| weight(o, &c.subjects[s]))
                            .fold(f64::NEG_INFINITY, f64::max);
                        weight(o, &c.subjects[favoured]) - rival
                    };
                    (0..q.options.len())
                        .reduce(|best, i| if lean(&q.options[i]) > lean(&q.options[best]) { i } else { best })
                })
                .collect();
            let v = score(&c, &answers, &[]);
            assert_eq!(v.ranking.len(), 3);
            assert_eq!(v.outcome, Outcome::Winner(favoured), "leaning toward {}", c.subjects[favoured].id);
        }
    }
}
