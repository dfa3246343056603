//! The Decide tab's Together page: the group's result beside each person's
//! (people as columns), every question with everyone's answer (questions
//! as rows, disagreements marked), where people disagree, ranked, and what
//! one person's change would do. The user's own column is "you", and
//! changing an answer here moves the group's result at once.

use ratatui::style::Style;

use super::{Doc, Rich, Theme};
use crate::app::{App, YOU};
use crate::keys::KeyCommand;
use crate::wizard::{self, Group, Importance, WizardAction};

/// How many of one person's changes the page lists.
const TIPS_SHOWN: usize = 5;

/// The page, `width` columns wide (the bars are sized to its columns).
pub(super) fn together_doc(app: &App, theme: &Theme, width: u16, doc: &mut Doc) {
    let d = &app.data;
    let Some(g) = app.group() else {
        doc.text("No one else's answers: start versus with --with FILE to decide together.", theme.dim());
        return;
    };
    doc.styled(&[(&wizard::recommendation(d, &g.card).replace("these answers", "the group"), theme.heading())]);
    doc.styled(&[(&g.robustness_line(d), theme.dim())]);
    if let Some(f) = &g.firmness {
        doc.styled(&[(&f.line(d), theme.dim())]);
    }
    doc.styled(&[(&g.consensus_line(d), theme.dim())]);
    doc.blank();
    scores_grid(app, theme, &g, width, doc);
    doc.blank().text(wizard::RULE, theme.dim());
    if !g.members.iter().any(|m| m.name == YOU) {
        let k = |a| app.keys.wizard_key(a);
        doc.blank().text(
            &format!(
                "You have not answered yet: your column joins the group with your first answer \
                 ({} on a row below, or {} for all the questions).",
                k(WizardAction::Pick),
                k(WizardAction::Answers)
            ),
            theme.key(),
        );
    }

    let k = |a| app.keys.wizard_key(a);
    let hint = format!(
        "  {} choose · {} changes yours · {} {} importance: the group moves at once",
        app.keys.wizard_pair(WizardAction::Cursor(-1), WizardAction::Cursor(1)),
        k(WizardAction::Pick),
        k(WizardAction::Importance(true)),
        k(WizardAction::Importance(false)),
    );
    doc.blank().styled(&[("Everyone's answers", theme.heading()), (&hint, theme.dim())]);
    answers_grid(app, theme, &g, doc);

    doc.blank()
        .styled(&[("Where people disagree", theme.heading()), ("  what moves the result most first", theme.dim())]);
    if g.disagreements.is_empty() {
        doc.text("Nowhere: everyone who answered a question gave the same answer.", theme.dim());
    }
    for (i, dis) in g.disagreements.iter().enumerate() {
        let q = &d.wizard.questions[dis.question];
        let effect = wizard::disagreement_effect(d, &g, dis);
        doc.bullet(
            &format!("{:>2}. ", i + 1),
            theme.dim(),
            &format!("{}: {effect}", q.prompt.trim_end()),
            Style::new(),
        );
    }
    if !g.tips.is_empty() {
        doc.blank().styled(&[("What one person's change would do", theme.heading())]);
        for tip in g.tips.iter().take(TIPS_SHOWN) {
            doc.bullet("• ", theme.dim(), &g.tip_line(d, tip), Style::new());
        }
        if g.tips.len() > TIPS_SHOWN {
            let more = g.tips.len() - TIPS_SHOWN;
            doc.text(&format!("… and {more} more (versus decide --with lists them all)."), theme.dim());
        }
    }
    let line = format!(
        "{} writes the group's decision record · {} copies it · {} exports your answers for others · {} your own result · {} {} scroll",
        k(WizardAction::Record),
        k(WizardAction::Copy),
        k(WizardAction::ExportAnswers),
        k(WizardAction::Back),
        app.keys.key(KeyCommand::PageUp),
        app.keys.key(KeyCommand::PageDown),
    );
    doc.blank().text(&line, theme.dim());
}

/// Subjects as rows, people then the group as columns: each a bar and its points; then each one's leader.
fn scores_grid(app: &App, theme: &Theme, g: &Group, width: u16, doc: &mut Doc) {
    let d = &app.data;
    let columns = g.members.len() + 1;
    let first = d.subjects.iter().map(|s| s.name.chars().count()).max().unwrap_or(0).max("Leader".len());
    let first = first.min(width as usize / 3);
    let each = (width as usize).saturating_sub(first + 2 * columns) / columns.max(1);
    let bar_width = each.saturating_sub(5).clamp(1, 12);
    let mut header = vec![Rich::new("", Style::new())];
    header.extend(g.members.iter().map(|m| Rich::new(&m.name, theme.heading())));
    header.push(Rich::new("group", theme.heading()));
    let mut rows = vec![header];
    let cards: Vec<&wizard::Scorecard> = g.own.iter().chain(std::iter::once(&g.card)).collect();
    for (s, subject) in d.subjects.iter().enumerate() {
        let mut row = vec![Rich::new(&subject.name, theme.subject(s))];
        for card in &cards {
            let top = card.ranking.first().map_or(0.0, |r| r.points);
            let points = card.ranking.iter().find(|r| r.subject == s).map_or(0.0, |r| r.points);
            let share = if top > 0.0 { (points / top).clamp(0.0, 1.0) } else { 0.0 };
            let filled = ((share * bar_width as f64).round() as usize).min(bar_width);
            let bar = "█".repeat(filled) + &"░".repeat(bar_width - filled);
            row.push(Rich::parts(&[
                (&bar, theme.subject(s)),
                (&format!(" {}", wizard::points(points).trim_start_matches('+')), Style::new()),
            ]));
        }
        rows.push(row);
    }
    let mut leaders = vec![Rich::new("Leader", theme.dim())];
    leaders.extend(cards.iter().map(|card| match card.outcome {
        wizard::Outcome::Winner(s) => Rich::new(&d.subjects[s].name, theme.subject(s)),
        wizard::Outcome::Tie(_) => Rich::new("tie", theme.dim()),
        wizard::Outcome::NoAnswers => Rich::new("—", theme.dim()),
    }));
    rows.push(leaders);
    doc.wide_grid(rows);
}

/// Questions as rows, people as columns; a question answered differently
/// is marked "≠", the highlighted one is the one the keys change, and an
/// answer that matters more or less than normal shows its dots.
fn answers_grid(app: &App, theme: &Theme, g: &Group, doc: &mut Doc) {
    let d = &app.data;
    let mut header = vec![Rich::new("Question", theme.dim())];
    header.extend(g.members.iter().map(|m| Rich::new(&m.name, theme.heading())));
    let mut rows = vec![header];
    for (q, question) in d.wizard.questions.iter().enumerate() {
        let split = g.disagreements.iter().any(|dis| dis.question == q);
        let mark = if split { "≠ " } else { "  " };
        let mut row = vec![Rich::parts(&[(mark, theme.warning()), (question.prompt.trim_end(), Style::new())])];
        for (m, member) in g.members.iter().enumerate() {
            let level = member.level(q);
            let cell = match member.answers[q].and_then(|o| question.options.get(o)) {
                Some(o) => {
                    // Only an importance other than normal is marked: the grid is about answers.
                    let dots =
                        if level == Importance::Normal { String::new() } else { format!("\u{a0}{}", level.dots()) };
                    let style = if m + 1 == g.members.len() { theme.key() } else { Style::new() };
                    Rich::parts(&[(&o.label, style), (&dots, theme.dim())])
                }
                None => Rich::new("—", theme.dim()),
            };
            row.push(cell);
        }
        if q == app.wizard.cursor {
            row = row.into_iter().map(|c| c.patch(theme.selected())).collect();
        }
        rows.push(row);
    }
    doc.wide_grid(rows);
}
