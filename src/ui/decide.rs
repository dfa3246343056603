//! Decide: the decision snapshot (criteria × subjects) and the verdict.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::table::{TableSpec, value_row};
use super::{Doc, ListTab, Pane, PaneMap, Rich, Theme, bordered_inner, draw_doc, panes, subject_header};
use crate::app::App;
use crate::tab::Tab;
use crate::wizard::{self, WizardPage};

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let header = subject_header(app, theme, "Criterion");
    let decision = &app.data.decision;
    TableSpec::windowed(app, Tab::Decide, " Decision snapshot ".into(), header, (decision.len(), visible), |e, rows| {
        let r = &decision[e];
        rows.push(value_row(app, &r.name, |id| r.values.get(id).map(|v| v.as_str())));
    })
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    if let Some(r) = d.decision.get(app.states[Tab::Decide.index()].selected) {
        doc.styled(&[(&r.name, theme.heading())]).blank();
        for (i, s) in d.subjects.iter().enumerate() {
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), r.values.get(&s.id).map_or("", |v| v), Style::new());
        }
        if let Some(detail) = &r.detail {
            doc.blank().text(detail, Style::new());
        }
    }
    if !doc.is_empty() && d.verdict.is_some() {
        doc.blank();
    }
    source_verdict(app, theme, &mut doc, "Verdict", true);
    doc
}

/// The source's verdict: its summary, then "choose X if …" per subject
/// (`spaced`: a blank line before each, and one under the heading).
pub(super) fn source_verdict(app: &App, theme: &Theme, doc: &mut Doc, heading: &str, spaced: bool) {
    let d = &app.data;
    let Some(v) = &d.verdict else { return };
    doc.styled(&[(heading, theme.heading())]);
    if spaced {
        doc.blank();
    }
    doc.text(&v.summary, Style::new());
    for (i, s) in d.subjects.iter().enumerate() {
        if let Some(text) = v.choose_if.get(&s.id) {
            if spaced {
                doc.blank();
            }
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), text, Style::new());
        }
    }
}

pub const VIEW: ListTab =
    ListTab { spec, detail, areas: |_, body| panes(body, 55), detail_title: " Detail and verdict " };

/// The wizard's current page as one scrollable document, `width` columns wide
/// (the result's bars are sized to it).
fn wizard_doc(app: &App, theme: &Theme, width: u16) -> Doc {
    let questions = &app.data.wizard.questions;
    let w = &app.wizard;
    let answered = w.answered();
    let mut doc = Doc::new();
    match w.page {
        WizardPage::Question(i) => {
            if let Some(saved) = &w.offer {
                let n = saved.iter().filter(|a| a.is_some()).count();
                doc.styled(&[(
                    &format!("You answered {n} questions last time: c continues with them, o starts over."),
                    theme.key(),
                )])
                .blank();
            }
            if let Some(notice) = &w.notice {
                doc.text(notice, theme.dim()).blank();
            }
            let q = &questions[i];
            let filled = "■".repeat(i + 1) + &"□".repeat(questions.len() - i - 1);
            doc.styled(&[
                (&format!("Question {} of {}  ", i + 1, questions.len()), theme.dim()),
                (&filled, theme.key()),
                (&format!("  {answered} answered"), theme.dim()),
            ]);
            doc.blank().styled(&[(&q.prompt, theme.heading())]);
            if let Some(help) = &q.help {
                doc.text(help, theme.dim());
            }
            doc.blank();
            for (k, o) in q.options.iter().enumerate() {
                let chosen = if w.answers[i] == Some(k) { "● " } else { "  " };
                let rich = Rich::new(&o.label, Style::new()).with_marker(&format!("{chosen}{}. ", k + 1), theme.key());
                doc.push(if k == w.cursor { rich.patch(theme.selected()) } else { rich });
            }
            if let Some(o) = q.options.get(w.cursor) {
                doc.blank().bullet("Why: ", theme.dim(), &o.why, theme.dim());
            }
            doc.blank().text(
                "Enter or 1–9 chooses · s skips · b goes back · n goes on · e shows all answers · r shows the result",
                theme.dim(),
            );
        }
        WizardPage::Answers => {
            doc.styled(&[
                ("Your answers", theme.heading()),
                (&format!("  {answered} of {}", questions.len()), theme.dim()),
            ]);
            doc.blank();
            for (k, q) in questions.iter().enumerate() {
                let answer = w.answers[k].and_then(|o| q.options.get(o)).map_or("skipped", |o| o.label.as_str());
                let rich = Rich::parts(&[(&q.prompt, Style::new()), (" — ", theme.dim()), (answer, theme.key())])
                    .with_marker(&format!("{:>2}. ", k + 1), theme.dim());
                doc.push(if k == w.cursor { rich.patch(theme.selected()) } else { rich });
            }
            doc.blank().text("Enter changes the highlighted answer · r shows the result · o starts over", theme.dim());
        }
        WizardPage::Result => result_doc(app, theme, width, &mut doc),
    }
    doc
}

/// The result page: bars, the recommendation, why, and the decision snapshot.
fn result_doc(app: &App, theme: &Theme, width: u16, doc: &mut Doc) {
    let d = &app.data;
    let card = wizard::score(d, &app.wizard.answers);
    doc.styled(&[(&wizard::recommendation(d, &card), theme.heading())]).blank();
    let name_width = d.subjects.iter().map(|s| s.name.chars().count()).max().unwrap_or(0);
    let bar_width = (width as usize).saturating_sub(name_width + 12).clamp(4, 60);
    for r in &card.ranking {
        let filled = (r.share * bar_width as f64).round() as usize;
        let bar = "█".repeat(filled) + &"░".repeat(bar_width - filled.min(bar_width));
        let name = format!("{:<name_width$}  ", d.subjects[r.subject].name);
        doc.styled(&[
            (&name, theme.subject(r.subject)),
            (&bar, theme.subject(r.subject)),
            (&format!(" {:+}", r.points), Style::new()),
        ]);
    }
    for r in &card.ranking {
        let name = d.subjects[r.subject].name.as_str();
        for (title, list) in [("for", &r.pushed_for), ("against", &r.pushed_against)] {
            if !list.is_empty() {
                doc.blank()
                    .styled(&[(&format!("What counted {title} "), theme.heading()), (name, theme.subject(r.subject))]);
                for k in list.iter().take(5) {
                    let reason = k.reason(d);
                    let text = format!("{} — {}: {}", reason.question.prompt, reason.choice.label, reason.choice.why);
                    doc.bullet(&format!("{:+} ", reason.points), theme.key(), &text, Style::new());
                }
            }
        }
    }
    if !d.decision.is_empty() {
        doc.blank().styled(&[("Decision snapshot", theme.heading())]);
        let selected = app.states[Tab::Decide.index()].selected;
        for (i, row) in d.decision.iter().enumerate() {
            let values: Vec<String> =
                d.subjects.iter().map(|s| format!("{}: {}", s.name, row.values.get(&s.id).map_or("", |v| v))).collect();
            let rich =
                Rich::new(&values.join(" · "), Style::new()).with_marker(&format!("{}  ", row.name), theme.key());
            doc.push(if i == selected { rich.patch(theme.selected()) } else { rich });
        }
    }
    if d.verdict.is_some() {
        doc.blank();
        source_verdict(app, theme, doc, "The source's verdict", false);
    }
    doc.blank().text("e reviews or changes the answers · o starts over · ↑↓ scroll", theme.dim());
}

/// Draws the wizard's current page over the whole body.
pub fn draw_wizard(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> PaneMap {
    let title = match app.wizard.page {
        WizardPage::Question(_) => " Decide — questions ",
        WizardPage::Answers => " Decide — your answers ",
        WizardPage::Result => " Decide — result ",
    };
    let doc = wizard_doc(app, theme, bordered_inner(body).width);
    draw_doc(frame, theme, &doc, body, Pane { title, focused: true, position: true }, app.wizard.scroll)
}
