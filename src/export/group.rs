//! A group's decision as text, Markdown, JSON and a MADR record, all read
//! from one [`wizard::Group`], so no two of them can disagree.

use std::fmt::Write as _;

use super::{RecordMeta, ReportFormat, block, cell, yaml_list};
use crate::data::Comparison;
use crate::record;
use crate::wizard::{self, Change, Group, RULE, disagreement_effect, leader_word};

/// How many of one person's changes the text and Markdown list (JSON lists all).
const TIPS_SHOWN: usize = 5;

/// The group's result in `format` (text, Markdown or JSON; a record is [`madr`]).
pub fn report(c: &Comparison, g: &Group, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json(c, g),
        _ => prose(c, g, format != ReportFormat::Text),
    }
}

/// "Flask 12 · Django 8": a scorecard's points, highest first, unsigned where not negative.
fn scores(c: &Comparison, card: &wizard::Scorecard) -> String {
    let shown: Vec<String> = card
        .ranking
        .iter()
        .map(|r| format!("{} {}", c.subjects[r.subject].name, wizard::points(r.points).trim_start_matches('+')))
        .collect();
    shown.join(" · ")
}

/// The names on one side, joined.
fn names(g: &Group, members: &[usize]) -> String {
    let names: Vec<&str> = members.iter().map(|&m| g.members[m].name.as_str()).collect();
    names.join(", ")
}

fn prose(c: &Comparison, g: &Group, md: bool) -> String {
    let questions = &c.wizard.questions;
    let mut out = String::new();
    let heading = |out: &mut String, t: &str| {
        let _ = if md { writeln!(out, "\n## {t}\n") } else { writeln!(out, "\n{t}:") };
    };
    let item = if md { "- " } else { "  " };
    let people = crate::data::count(g.members.len(), "person", "people");
    let _ = if md {
        writeln!(out, "# {}: {people} together\n", c.title)
    } else {
        writeln!(out, "{}: {people} together", c.title)
    };
    let _ = writeln!(out, "{}", wizard::recommendation(c, &g.card).replace("these answers", "the group"));
    let _ = writeln!(out, "{}", g.robustness_line(c));
    if let Some(f) = &g.firmness {
        let _ = writeln!(out, "{}", f.line(c));
    }
    let _ = writeln!(out, "{}", g.consensus_line(c));

    heading(&mut out, "Each person");
    if md {
        let _ = writeln!(out, "| Person | Leader | Scores |\n|---|---|---|");
        for (m, member) in g.members.iter().enumerate() {
            let _ =
                writeln!(out, "| {} | {} | {} |", cell(&member.name), leader_word(c, &g.own[m]), scores(c, &g.own[m]));
        }
        let _ = writeln!(out, "| **The group** | **{}** | {} |", leader_word(c, &g.card), scores(c, &g.card));
    } else {
        let width = g.members.iter().map(|m| m.name.chars().count()).max().unwrap_or(0).max("the group".len());
        for (m, member) in g.members.iter().enumerate() {
            let _ = writeln!(out, "  {:width$}  {}: {}", member.name, leader_word(c, &g.own[m]), scores(c, &g.own[m]));
        }
        let _ = writeln!(out, "  {:width$}  {}: {}", "the group", leader_word(c, &g.card), scores(c, &g.card));
    }
    let _ = writeln!(out, "{}{RULE}", if md { "\n" } else { "  " });

    heading(&mut out, "Where people disagree (what moves the result most first)");
    if g.disagreements.is_empty() {
        let _ = writeln!(out, "{item}Nowhere: everyone who answered a question gave the same answer.");
    }
    for (i, d) in g.disagreements.iter().enumerate() {
        let q = &questions[d.question];
        let _ = writeln!(
            out,
            "{}{}. {} ({})",
            if md { "" } else { "  " },
            i + 1,
            block(q.prompt.trim_end()),
            disagreement_effect(c, g, d)
        );
        let sub = if md { "   - " } else { "     " };
        for side in &d.sides {
            let _ = writeln!(out, "{sub}{}: {}", q.options[side.option].label, names(g, &side.members));
        }
        if !d.skipped.is_empty() {
            let _ = writeln!(out, "{sub}not answered: {}", names(g, &d.skipped));
        }
    }
    if !g.agreed.is_empty() {
        heading(&mut out, "Answered alike by everyone who answered");
        for &(q, o) in &g.agreed {
            let _ =
                writeln!(out, "{item}{} — {}", block(questions[q].prompt.trim_end()), questions[q].options[o].label);
        }
    }
    if !g.unanswered.is_empty() {
        heading(&mut out, "Answered by nobody");
        for &q in &g.unanswered {
            let _ = writeln!(out, "{item}{}", block(questions[q].prompt.trim_end()));
        }
    }
    heading(&mut out, "What one person's change would do");
    if g.tips.is_empty() {
        let _ = writeln!(out, "{item}No single change of one person's answer or importance would change the outcome.");
    }
    for tip in g.tips.iter().take(TIPS_SHOWN) {
        let _ = writeln!(out, "{item}{}", g.tip_line(c, tip));
    }
    if g.tips.len() > TIPS_SHOWN {
        let _ = writeln!(out, "{item}… and {} more (--format json lists them all).", g.tips.len() - TIPS_SHOWN);
    }
    out
}

fn json(c: &Comparison, g: &Group) -> String {
    use serde_json::{Value, json};
    let questions = &c.wizard.questions;
    let subject = |s: usize| c.subjects[s].id.to_string();
    let card_json = |card: &wizard::Scorecard| -> Value {
        json!({
            "leader": match card.outcome { wizard::Outcome::Winner(s) => Some(subject(s)), _ => None },
            "tied": match &card.outcome { wizard::Outcome::Tie(t) => t.iter().map(|&s| subject(s)).collect(), _ => Vec::new() },
            "scores": card.ranking.iter().map(|r| json!({"subject": subject(r.subject), "points": r.points})).collect::<Vec<_>>(),
        })
    };
    let option = |q: usize, o: usize| questions[q].options[o].id.to_string();
    let value = json!({
        "comparison": c.title.as_str(),
        "rule": RULE,
        "people": g.members.iter().enumerate().map(|(m, member)| {
            let mut v = card_json(&g.own[m]);
            v["name"] = json!(member.name);
            let (answers, importance) = wizard::ids(c, &member.answers, &member.importance);
            v["answers"] = json!(answers);
            v["importance"] = json!(importance);
            v
        }).collect::<Vec<_>>(),
        "group": {
            "result": card_json(&g.card),
            "lead": g.lead,
            "recommendation": wizard::recommendation(c, &g.card).replace("these answers", "the group"),
            "robustness": g.robustness.label(),
            "robustness_text": g.robustness_line(c),
            "firmness": g.firmness.as_ref().map(|f| json!({
                "leader": subject(f.leader), "settings": f.settings, "holds": f.holds, "percent": f.percent(),
                "sampled": f.sampled,
                "critical": f.critical.map(|(q, l)| json!({"question": questions[q].id.as_str(), "importance": l.id()})),
                "text": f.line(c),
            })),
        },
        "consensus": {
            "same_leader": g.same_leader(),
            "people": g.members.len(),
            "agreement": g.agreement(c),
            "text": g.consensus_line(c),
        },
        "disagreements": g.disagreements.iter().map(|d| json!({
            "question": questions[d.question].id.as_str(),
            "sides": d.sides.iter().map(|s| json!({
                "option": option(d.question, s.option),
                "people": s.members.iter().map(|&m| g.members[m].name.as_str()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "not_answered": d.skipped.iter().map(|&m| g.members[m].name.as_str()).collect::<Vec<_>>(),
            "moves": d.moves,
            "unanimous_flips": d.flips.map(|(o, l)| json!({"option": option(d.question, o), "leader": l.map(subject)})),
            "agreement": wizard::group::question_agreement(&g.members, d.question),
        })).collect::<Vec<_>>(),
        "agreed": g.agreed.iter().map(|&(q, o)| json!({"question": questions[q].id.as_str(), "option": option(q, o)})).collect::<Vec<_>>(),
        "unanswered": g.unanswered.iter().map(|&q| questions[q].id.as_str()).collect::<Vec<_>>(),
        "tips": g.tips.iter().map(|t| json!({
            "person": g.members[t.member].name,
            "question": questions[t.question].id.as_str(),
            "answer": match t.change { Change::Answer(o) => Some(option(t.question, o)), Change::Importance(_) => None },
            "importance": match t.change { Change::Importance(l) => Some(l.id()), Change::Answer(_) => None },
            "leader": t.leader.map(subject),
            "lead": t.lead,
            "text": g.tip_line(c, t),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A group's decision record (MADR 4.0): the decision-makers are the
/// people, the drivers are where they disagree (a table, person by
/// question) and what they agree on, the outcome is the group's, and the
/// answers block holds each person's answers for `versus recheck`.
pub fn madr(c: &Comparison, identity: &record::Identity, g: &Group, meta: &RecordMeta) -> String {
    let questions = &c.wizard.questions;
    let name = |s: usize| c.subjects[s].name.as_str();
    let para = |t: &str| t.replace("\n\n", " ");
    let makers: Vec<String> = g.members.iter().map(|m| m.name.clone()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "---\nstatus: proposed\ndate: {}\ndecision-makers: {}\nconsulted: []\ninformed: []\n---\n",
        meta.date,
        yaml_list(&makers)
    );
    let title = match g.leader {
        Some(s) => format!("Choose {} — {}", name(s), c.title),
        None => format!("{}: no clear winner yet", c.title),
    };
    let _ = writeln!(out, "# {title}\n");
    let _ = writeln!(out, "## Context and Problem Statement\n\n{}\n", para(&c.summary));
    let _ = writeln!(
        out,
        "Written by versus from the comparison \"{}\" ({}), with the answers of {}. {RULE}",
        c.title,
        identity.describe(),
        crate::data::count(g.members.len(), "person", "people")
    );
    if let Some(old) = &meta.supersedes {
        let _ = writeln!(out, "It supersedes the record {}.", super::markdown_link(&crate::data::sanitize_line(old)));
    }
    let _ = writeln!(out, "\n## Decision Drivers\n");
    if g.disagreements.is_empty() {
        let _ = writeln!(out, "Everyone who answered a question gave the same answer.");
    } else {
        let _ = writeln!(out, "Where the decision-makers disagree, what moves the result most first:\n");
        let header: Vec<String> = g.members.iter().map(|m| cell(&m.name)).collect();
        let _ = writeln!(out, "| Question | {} | Effect |", header.join(" | "));
        let _ = writeln!(out, "|---|{}---|", "---|".repeat(g.members.len()));
        for d in &g.disagreements {
            let q = &questions[d.question];
            let answers: Vec<String> = g
                .members
                .iter()
                .map(|m| m.answers[d.question].map_or("—".to_string(), |o| cell(&q.options[o].label)))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(q.prompt.trim_end()),
                answers.join(" | "),
                cell(&disagreement_effect(c, g, d))
            );
        }
    }
    if !g.agreed.is_empty() {
        let _ = writeln!(out, "\nAgreed by everyone who answered:\n");
        for &(q, o) in &g.agreed {
            let _ = writeln!(out, "- {} — {}", block(questions[q].prompt.trim_end()), questions[q].options[o].label);
        }
    }
    let _ = writeln!(out, "\n## Considered Options\n");
    for s in &c.subjects {
        let _ = writeln!(out, "- {}", s.name);
    }
    let _ = writeln!(out, "\n## Decision Outcome\n");
    let sentence = wizard::recommendation(c, &g.card).replace("these answers", "the group");
    let _ = match g.leader {
        Some(s) => writeln!(out, "Chosen option: \"{}\", because {sentence}", name(s)),
        None => writeln!(out, "No option chosen. {sentence}"),
    };
    let _ = writeln!(out, "{}", g.robustness_line(c));
    if let Some(f) = &g.firmness {
        let _ = writeln!(out, "{}", f.line(c));
    }
    let _ = writeln!(out, "{}\n", g.consensus_line(c));
    let _ = writeln!(out, "| Person | Own leader | Scores |\n|---|---|---|");
    for (m, member) in g.members.iter().enumerate() {
        let _ = writeln!(out, "| {} | {} | {} |", cell(&member.name), leader_word(c, &g.own[m]), scores(c, &g.own[m]));
    }
    if let Some(s) = g.leader {
        let _ = writeln!(out, "\n### Consequences\n");
        if let Some(pc) = c.pros_cons.get(&c.subjects[s].id) {
            for pro in &pc.pros {
                let _ = writeln!(out, "- Good: {}", para(pro));
            }
            for con in &pc.cons {
                let _ = writeln!(out, "- Bad: {}", para(con));
            }
        }
    }
    let _ = writeln!(out, "\n### Confirmation\n");
    let with_data = if identity.from == record::From::File { " (with `--data` naming the file)" } else { "" };
    let _ = writeln!(
        out,
        "`versus recheck` on this file{with_data} replays every person's answers below against the current \
         comparison: it exits 0 while the group's outcome holds and 1 when it changes."
    );
    let _ = writeln!(out, "\n## More Information\n");
    if g.tips.is_empty() {
        let _ = writeln!(out, "No single change of one person's answer or importance would change this outcome.");
    } else {
        let _ = writeln!(out, "What one person's single change would do:\n");
        for tip in &g.tips {
            let _ = writeln!(out, "- {}", g.tip_line(c, tip));
        }
    }
    if !g.unanswered.is_empty() {
        let _ = writeln!(out, "\nAnswered by nobody:\n");
        for &q in &g.unanswered {
            let _ = writeln!(out, "- {}", questions[q].prompt);
        }
    }
    let block = record::Block {
        version: record::VERSION,
        comparison: identity.comparison.clone(),
        from: identity.from,
        title: c.title.to_string(),
        date: meta.date.clone(),
        leader: g.leader.map(|s| c.subjects[s].id.to_string()),
        tied: g.tied.iter().map(|&s| c.subjects[s].id.to_string()).collect(),
        answers: Default::default(),
        importance: Default::default(),
        name: None,
        members: g
            .members
            .iter()
            .map(|m| {
                let (answers, importance) = wizard::ids(c, &m.answers, &m.importance);
                record::MemberBlock { name: m.name.clone(), answers, importance }
            })
            .collect(),
    };
    super::record_end(out, c, identity, "Each person's, replayed", &block)
}
