//! A group's decision: several people's answers scored together by the same
//! code as one person's, with each person's own result beside it, where they
//! disagree (ranked by how much the disagreement moves the result), how much
//! they agree, what one person's change would do, and how firm the group's
//! leader is under any shared weighting.
//!
//! The rule, stated in README: every person counts equally. A subject's group
//! score is the mean of the members' scores (each with their own answers and
//! importance); a question someone skipped adds nothing to their score.

use super::firmness::{Firmness, firmness_of};
use super::score::{Ballot, score_ballots};
use super::tipping::{Change, Robustness, lead, leader};
use super::{Importance, Outcome, Scorecard, score};
use crate::data::Comparison;

/// The app's name for the user among the people (their own column).
pub const YOU: &str = "you";

/// One person's answers and importance, one slot per question.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub answers: Vec<Option<usize>>,
    pub importance: Vec<Importance>,
}

impl Member {
    /// The option this member chose for question `q`, if any (and in range).
    pub fn answer(&self, c: &Comparison, q: usize) -> Option<usize> {
        self.answers.get(q).copied().flatten().filter(|&o| o < c.wizard.questions[q].options.len())
    }

    pub fn level(&self, q: usize) -> Importance {
        self.importance.get(q).copied().unwrap_or_default()
    }
}

/// The people who chose one option of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub option: usize,
    /// Indices into the group's members, in their order.
    pub members: Vec<usize>,
}

/// A question the members answered differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub question: usize,
    /// Each option chosen, the most chosen first (ties in option order).
    pub sides: Vec<Side>,
    /// Members who left the question unanswered.
    pub skipped: Vec<usize>,
    /// How far the group's lead (of its first subject over whichever other
    /// comes closest) moves between everyone answering one side and
    /// everyone answering another, in points.
    pub moves: f64,
    /// An option that, answered by everyone who answered the question,
    /// gives another outcome, and the leader it gives (None: a tie).
    pub flips: Option<(usize, Option<usize>)>,
}

/// One person's single change that would change the group's leader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupTip {
    pub member: usize,
    pub question: usize,
    pub change: Change,
    pub leader: Option<usize>,
    pub lead: f64,
}

/// Everything said about a group's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub members: Vec<Member>,
    /// Each member's own result, in member order.
    pub own: Vec<Scorecard>,
    /// The group's result.
    pub card: Scorecard,
    pub leader: Option<usize>,
    pub tied: Vec<usize>,
    pub lead: f64,
    /// Single changes by one person that change the group's leader: answers
    /// first (another leader before a tie, then the largest lead), then
    /// importance; each in member and question order.
    pub tips: Vec<GroupTip>,
    pub robustness: Robustness,
    /// How firm the leader is when each answered question is given one
    /// level for everyone, varied together.
    pub firmness: Option<Firmness>,
    /// The questions answered differently, the one that moves the result
    /// most first: one whose unanimous answer would give another leader,
    /// then one that would give a tie, then by how far the lead moves.
    pub disagreements: Vec<Disagreement>,
    /// Questions everyone who answered them answered alike: (question, option).
    pub agreed: Vec<(usize, usize)>,
    /// Questions nobody answered.
    pub unanswered: Vec<usize>,
}

impl Group {
    /// Scores `members` together; their order changes nothing but the order
    /// they are listed in.
    pub fn new(c: &Comparison, members: Vec<Member>) -> Group {
        let n = c.wizard.questions.len();
        let members: Vec<Member> = members
            .into_iter()
            .map(|m| Member {
                answers: (0..n).map(|q| m.answer(c, q)).collect(),
                importance: (0..n).map(|q| m.level(q)).collect(),
                name: m.name,
            })
            .collect();
        let own = members.iter().map(|m| score(c, &m.answers, &m.importance)).collect();
        let card = group_score(c, &members);
        let now = leader(&card);
        let tied = match &card.outcome {
            Outcome::Tie(t) => t.clone(),
            _ => Vec::new(),
        };
        let (tips, robustness) = tips(c, &members, now);
        let answered: Vec<usize> = (0..n).filter(|&q| members.iter().any(|m| m.answers[q].is_some())).collect();
        let firmness = firmness_of(n, &answered, |setting| {
            let levels: Vec<Vec<Importance>> = members
                .iter()
                .map(|m| setting.iter().zip(&m.importance).map(|(s, own)| s.unwrap_or(*own)).collect())
                .collect();
            let ballots: Vec<Ballot> = members
                .iter()
                .zip(&levels)
                .map(|(m, l)| Ballot { answers: &m.answers, importance: l, share: share(&members) })
                .collect();
            score_ballots(c, &ballots)
        });
        let (disagreements, agreed) = disagreements(c, &members, &card);
        let unanswered = (0..n).filter(|q| !answered.contains(q)).collect();
        Group {
            lead: lead(&card),
            leader: now,
            members,
            own,
            card,
            tied,
            tips,
            robustness,
            firmness,
            disagreements,
            agreed,
            unanswered,
        }
    }

    /// Each member's own leader (None: a tie or nothing answered).
    pub fn own_leader(&self, member: usize) -> Option<usize> {
        self.own.get(member).and_then(leader)
    }

    /// How many members' own leader is the group's leader (0 without one).
    pub fn same_leader(&self) -> usize {
        (0..self.members.len()).filter(|&m| self.leader.is_some() && self.own_leader(m) == self.leader).count()
    }

    /// Per question answered by two people or more: the share of them who
    /// chose its most chosen option; and the mean of those shares (None
    /// when no question was answered by two).
    pub fn agreement(&self, c: &Comparison) -> Option<f64> {
        let shares: Vec<f64> =
            (0..c.wizard.questions.len()).filter_map(|q| question_agreement(&self.members, q)).collect();
        (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    }

    /// The consensus in one sentence.
    pub fn consensus_line(&self, c: &Comparison) -> String {
        let people = self.members.len();
        let first = match self.leader {
            Some(l) => {
                let same = self.same_leader();
                format!(
                    "{same} of {people} {} {} as their own leader ({} %)",
                    match (same, people) {
                        (1, 1) => "person has",
                        (1, _) => "people has",
                        _ => "people have",
                    },
                    c.subjects[l].name,
                    percent(same as f64 / people.max(1) as f64)
                )
            }
            None => "the group has no leader".to_string(),
        };
        match self.agreement(c) {
            Some(a) => format!(
                "Consensus: {first}; on the questions two or more answered, {} % on average chose the most chosen answer.",
                percent(a)
            ),
            None => format!("Consensus: {first}; no question was answered by two people."),
        }
    }

    /// How firm the group's leader is, in one sentence (the same words as one person's).
    pub fn robustness_line(&self, c: &Comparison) -> String {
        let (answers, importance) = self.tip_counts();
        let changes = match (answers, importance) {
            (a, 0) => crate::data::count(a, "answer change", "answer changes"),
            (0, i) => crate::data::count(i, "importance change", "importance changes"),
            (a, i) => format!(
                "{} and {}",
                crate::data::count(a, "answer change", "answer changes"),
                crate::data::count(i, "importance change", "importance changes")
            ),
        };
        match self.robustness {
            Robustness::Clear if importance == 0 => {
                "Clear: no single answer change by one person would change it.".to_string()
            }
            Robustness::Clear => format!(
                "Clear: no single answer change by one person would change it ({} would).",
                crate::data::count(importance, "importance change", "importance changes")
            ),
            Robustness::Narrow => format!("Narrow: {changes} by one person would each change it."),
            Robustness::Tie if self.tied.is_empty() => "No answer separates the subjects yet.".to_string(),
            Robustness::Tie => {
                let names: Vec<&str> = self.tied.iter().map(|&s| c.subjects[s].name.as_str()).collect();
                if self.tips.is_empty() {
                    format!("Tie: no single change by one person would separate {}.", names.join(" and "))
                } else {
                    format!("Tie between {}: {changes} by one person would each break it.", names.join(" and "))
                }
            }
        }
    }

    /// How many tips change an answer, and how many an importance.
    pub fn tip_counts(&self) -> (usize, usize) {
        let answers = self.tips.iter().filter(|t| matches!(t.change, Change::Answer(_))).count();
        (answers, self.tips.len() - answers)
    }

    /// One tip in words, as one person's tips read: "If ann's "How many
    /// cups?" were "Just mine", French press would lead by 1 point."
    pub fn tip_line(&self, c: &Comparison, tip: &GroupTip) -> String {
        let q = &c.wizard.questions[tip.question];
        let who = &self.members[tip.member].name;
        let outcome = match tip.leader {
            Some(s) => format!("{} would lead by {}", c.subjects[s].name, super::points_word(tip.lead)),
            None => "there would be no clear winner".to_string(),
        };
        match tip.change {
            Change::Answer(o) => {
                let whose = if who == YOU { "your".to_string() } else { format!("{who}'s") };
                format!("If {whose} \"{}\" were \"{}\", {outcome}.", q.prompt, q.options[o].label)
            }
            Change::Importance(l) => {
                format!("If \"{}\" mattered {} ({}) to {who}, {outcome}.", q.prompt, l.id(), l.dots())
            }
        }
    }
}

/// The rule for combining answers, in one sentence (README says the same).
pub const RULE: &str = "Each person counts equally: a subject's group score is the mean of everyone's own score, \
                        each with their own answers and importance.";

/// Who leads a scorecard, in a word: a name, "tie (A, B)" or "nothing answered".
pub fn leader_word(c: &Comparison, card: &Scorecard) -> String {
    match &card.outcome {
        Outcome::Winner(s) => c.subjects[*s].name.to_string(),
        Outcome::Tie(t) => {
            let names: Vec<&str> = t.iter().map(|&s| c.subjects[s].name.as_str()).collect();
            format!("tie ({})", names.join(", "))
        }
        Outcome::NoAnswers => "nothing answered".to_string(),
    }
}

/// What unanimity on a disagreement would do, in words.
pub fn disagreement_effect(c: &Comparison, g: &Group, d: &Disagreement) -> String {
    let q = &c.wizard.questions[d.question];
    let moves = if d.moves.abs() < 1e-9 {
        String::new()
    } else {
        format!("; the lead moves by {}", super::points_word(d.moves))
    };
    match d.flips {
        Some((o, Some(s))) => {
            format!("if everyone answered \"{}\", {} would lead{moves}", q.options[o].label, c.subjects[s].name)
        }
        Some((o, None)) => {
            format!("if everyone answered \"{}\", there would be no clear winner{moves}", q.options[o].label)
        }
        None if g.leader.is_some() => format!("{} leads whatever the answer{moves}", leader_word(c, &g.card)),
        None => format!("no unanimous answer gives a leader{moves}"),
    }
}

/// The group's scorecard: every member counted with an equal share.
pub(crate) fn group_score(c: &Comparison, members: &[Member]) -> Scorecard {
    let ballots: Vec<Ballot> = members
        .iter()
        .map(|m| Ballot { answers: &m.answers, importance: &m.importance, share: share(members) })
        .collect();
    score_ballots(c, &ballots)
}

fn share(members: &[Member]) -> f64 {
    1.0 / members.len().max(1) as f64
}

/// Every single change by one member (another option, answering an open
/// question, another importance for an answered one) that changes the
/// group's leader, and the robustness label they give.
fn tips(c: &Comparison, members: &[Member], now: Option<usize>) -> (Vec<GroupTip>, Robustness) {
    let mut trial = members.to_vec();
    let mut answers = Vec::new();
    let mut importance = Vec::new();
    for m in 0..members.len() {
        for (q, question) in c.wizard.questions.iter().enumerate() {
            let given = members[m].answers[q];
            for option in (0..question.options.len()).filter(|&o| Some(o) != given) {
                trial[m].answers[q] = Some(option);
                let card = group_score(c, &trial);
                if leader(&card) != now {
                    let change = Change::Answer(option);
                    answers.push(GroupTip { member: m, question: q, change, leader: leader(&card), lead: lead(&card) });
                }
            }
            trial[m].answers[q] = given;
            if given.is_none() {
                continue;
            }
            let level = members[m].importance[q];
            for other in Importance::ALL.into_iter().filter(|&l| l != level) {
                trial[m].importance[q] = other;
                let card = group_score(c, &trial);
                if leader(&card) != now {
                    let change = Change::Importance(other);
                    importance.push(GroupTip {
                        member: m,
                        question: q,
                        change,
                        leader: leader(&card),
                        lead: lead(&card),
                    });
                }
            }
            trial[m].importance[q] = level;
        }
    }
    answers.sort_by(|a, b| b.leader.is_some().cmp(&a.leader.is_some()).then(b.lead.total_cmp(&a.lead)));
    let robustness = match (now, answers.is_empty()) {
        (None, _) => Robustness::Tie,
        (Some(_), true) => Robustness::Clear,
        (Some(_), false) => Robustness::Narrow,
    };
    answers.extend(importance);
    (answers, robustness)
}

/// The sides of each question, split into those answered differently
/// (ranked) and those answered alike.
fn disagreements(c: &Comparison, members: &[Member], card: &Scorecard) -> (Vec<Disagreement>, Vec<(usize, usize)>) {
    let now = leader(card);
    // The lead measured is the group's first subject's over whichever other comes closest.
    let first = card.ranking.first().map(|r| r.subject);
    let margin = |card: &Scorecard, top: usize| {
        let own = card.ranking.iter().find(|r| r.subject == top).map_or(0.0, |r| r.points);
        let best_other =
            card.ranking.iter().filter(|r| r.subject != top).map(|r| r.points).fold(f64::NEG_INFINITY, f64::max);
        own - best_other
    };
    let mut split = Vec::new();
    let mut agreed = Vec::new();
    for q in 0..c.wizard.questions.len() {
        let mut sides: Vec<Side> = Vec::new();
        let mut skipped = Vec::new();
        for (m, member) in members.iter().enumerate() {
            match member.answers[q] {
                Some(o) => match sides.iter_mut().find(|s| s.option == o) {
                    Some(side) => side.members.push(m),
                    None => sides.push(Side { option: o, members: vec![m] }),
                },
                None => skipped.push(m),
            }
        }
        match sides.len() {
            0 => continue,
            1 => {
                agreed.push((q, sides[0].option));
                continue;
            }
            _ => {}
        }
        sides.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then(a.option.cmp(&b.option)));
        // The group's result had everyone who answered this question answered one side.
        let mut leads = Vec::new();
        let mut flips = None;
        let mut trial = members.to_vec();
        for side in &sides {
            for t in trial.iter_mut().filter(|t| t.answers[q].is_some()) {
                t.answers[q] = Some(side.option);
            }
            let unified = group_score(c, &trial);
            if let Some(top) = first.filter(|_| card.ranking.len() > 1) {
                leads.push(margin(&unified, top));
            }
            if flips.is_none() && leader(&unified) != now {
                flips = Some((side.option, leader(&unified)));
            }
        }
        let moves = leads.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            - leads.iter().copied().fold(f64::INFINITY, f64::min);
        let moves = if moves.is_finite() { moves } else { 0.0 };
        split.push(Disagreement { question: q, sides, skipped, moves, flips });
    }
    split.sort_by(|a, b| {
        let rank = |d: &Disagreement| match d.flips {
            Some((_, Some(_))) => 2,
            Some((_, None)) => 1,
            None => 0,
        };
        rank(b).cmp(&rank(a)).then(b.moves.total_cmp(&a.moves)).then(a.question.cmp(&b.question))
    });
    (split, agreed)
}

/// The share of those who answered question `q` who chose its most chosen
/// option, when two or more answered it.
pub(crate) fn question_agreement(members: &[Member], q: usize) -> Option<f64> {
    let chosen: Vec<usize> = members.iter().filter_map(|m| m.answers.get(q).copied().flatten()).collect();
    if chosen.len() < 2 {
        return None;
    }
    let most = chosen.iter().map(|o| chosen.iter().filter(|x| *x == o).count()).max().unwrap_or(0);
    Some(most as f64 / chosen.len() as f64)
}

/// A share as a whole percent, rounded down except that 100 is only said of all.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p >= 100.0 { "100".to_string() } else { format!("{}", (p.floor() as u64).min(99)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_str;

    fn brewing() -> Comparison {
        load_str(include_str!("../../tests/fixtures/brewing.ron"), "brewing.ron").expect("fixture")
    }

    /// A member from option ids, in question order ("-" leaves one open).
    fn member(c: &Comparison, name: &str, options: &[&str]) -> Member {
        let answers = c
            .wizard
            .questions
            .iter()
            .zip(options)
            .map(|(q, id)| q.options.iter().position(|o| o.id.as_str() == *id))
            .collect();
        Member { name: name.into(), answers, importance: Vec::new() }
    }

    fn id(c: &Comparison, s: Option<usize>) -> Option<&str> {
        s.map(|s| c.subjects[s].id.as_str())
    }

    #[test]
    fn people_who_agree_have_full_consensus_and_the_leader_each_has() {
        let c = brewing();
        let people: Vec<Member> = ["ann", "bo", "cy"].iter().map(|n| member(&c, n, &["none", "one", "tea"])).collect();
        let g = Group::new(&c, people);
        assert_eq!(id(&c, g.leader), Some("kettle"));
        assert!((0..3).all(|m| g.own_leader(m) == g.leader));
        assert_eq!(g.same_leader(), 3);
        assert_eq!(g.agreement(&c), Some(1.0));
        assert!(g.disagreements.is_empty());
        assert_eq!(g.agreed.len(), 3);
        assert_eq!(
            g.consensus_line(&c),
            "Consensus: 3 of 3 people have Kettle as their own leader (100 %); on the questions two or more \
             answered, 100 % on average chose the most chosen answer."
        );
        // The group of three alike scores exactly as one of them.
        assert_eq!(g.card.ranking, score(&c, &g.members[0].answers, &[]).ranking);
    }

    #[test]
    fn a_split_ranks_the_deciding_question_first() {
        let c = brewing();
        // Both want tea for everyone; they differ on time (which decides) and on how many cups (which does not).
        // ann: none, many, tea → kettle 2.5, teapot 3;  bo: some, one, tea → teapot 2, press 2, kettle 0.5.
        let g = Group::new(
            &c,
            vec![member(&c, "ann", &["none", "many", "tea"]), member(&c, "bo", &["some", "one", "tea"])],
        );
        assert_eq!(id(&c, g.leader), Some("teapot"), "{:?}", g.card);
        let first = &g.disagreements[0];
        let question = c.wizard.questions[first.question].id.as_str();
        // Were both to answer "none", the kettle would lead; a unanimous answer on cups gives at most a tie.
        assert_eq!(question, "hurry", "{:?}", g.disagreements);
        assert_eq!(
            first.flips.map(|(o, l)| (c.wizard.questions[0].options[o].id.as_str(), id(&c, l))),
            Some(("none", Some("kettle")))
        );
        assert_eq!(g.disagreements[1].flips, Some((0, None)), "{:?}", g.disagreements);
        assert_eq!(g.agreed, vec![(2, 0)], "both answered tea");
        assert_eq!(g.agreement(&c), Some((0.5 + 0.5 + 1.0) / 3.0));
        // Each side names who chose it.
        let names = |s: &Side| s.members.iter().map(|&m| g.members[m].name.as_str()).collect::<Vec<_>>();
        assert_eq!(first.sides.iter().map(names).collect::<Vec<_>>(), vec![vec!["ann"], vec!["bo"]]);
    }

    #[test]
    fn the_order_of_the_people_changes_nothing_but_their_order() {
        let c = brewing();
        let people = vec![
            member(&c, "ann", &["none", "many", "tea"]),
            member(&c, "bo", &["some", "one", "coffee"]),
            member(&c, "cy", &["some", "-", "tea"]),
        ];
        let a = Group::new(&c, people.clone());
        let mut reversed = people;
        reversed.reverse();
        let b = Group::new(&c, reversed);
        assert_eq!((a.leader, &a.tied, a.robustness, &a.firmness), (b.leader, &b.tied, b.robustness, &b.firmness));
        let points =
            |g: &Group| g.card.ranking.iter().map(|r| (r.subject, (r.points * 1e9).round())).collect::<Vec<_>>();
        assert_eq!(points(&a), points(&b));
        let questions = |g: &Group| g.disagreements.iter().map(|d| (d.question, d.flips)).collect::<Vec<_>>();
        assert_eq!(questions(&a), questions(&b));
        assert_eq!(a.tips.len(), b.tips.len());
        assert_eq!(a.consensus_line(&c), b.consensus_line(&c));
    }

    #[test]
    fn one_persons_change_that_moves_the_group_is_a_tip() {
        let c = brewing();
        let g = Group::new(
            &c,
            vec![member(&c, "ann", &["none", "many", "tea"]), member(&c, "bo", &["some", "one", "tea"])],
        );
        assert_eq!(g.robustness, Robustness::Narrow);
        for tip in &g.tips {
            let mut people = g.members.clone();
            match tip.change {
                Change::Answer(o) => people[tip.member].answers[tip.question] = Some(o),
                Change::Importance(l) => people[tip.member].importance[tip.question] = l,
            }
            assert_eq!(leader(&group_score(&c, &people)), tip.leader, "{}", g.tip_line(&c, tip));
        }
        let line = g.tip_line(&c, &g.tips[0]);
        assert!(line.starts_with("If ") && line.contains(" would lead by ") || line.contains("no subject"), "{line}");
    }

    #[test]
    fn firmness_is_all_when_no_shared_weighting_can_flip_it_and_partial_when_some_can() {
        let c = brewing();
        // Only the kettle gets points: no weighting can turn it.
        let firm: Vec<Member> = ["ann", "bo"].iter().map(|n| member(&c, n, &["none", "-", "-"])).collect();
        let f = Group::new(&c, firm).firmness.expect("a leader");
        assert_eq!((f.holds, f.settings, f.sampled), (3, 3, false), "{f:?}");
        let split = vec![member(&c, "ann", &["none", "many", "tea"]), member(&c, "bo", &["some", "one", "tea"])];
        let f = Group::new(&c, split.clone()).firmness.expect("a leader");
        assert!(f.holds > 0 && f.holds < f.settings, "{f:?}");
        assert_eq!(Group::new(&c, split).firmness, Some(f), "the same every time");
    }
}
