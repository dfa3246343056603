//! Decide: the decision snapshot (criteria × subjects) and the verdict.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::notes::notes;
use super::table::{TableSpec, value_row};
use super::{
    Body, Doc, ListTab, Pane, PaneMap, Rich, TabView, Theme, bordered_inner, draw_doc, first_source, subject_header,
};
use crate::app::App;
use crate::keys::KeyCommand;
use crate::tab::Tab;
use crate::wizard::{self, Importance, WizardAction, WizardPage};

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let header = subject_header(app, theme, "Criterion");
    let decision = &app.data.decision;
    TableSpec::windowed(app, Tab::Decide, " Decision snapshot ".into(), header, (decision.len(), visible), |e, rows| {
        let r = &decision[e];
        rows.push(value_row(app, &r.name, |id| r.values.get(id).map(|v| v.as_str())));
    })
}

fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    if let Some(r) = d.decision.get(entry) {
        doc.styled(&[(&r.name, theme.heading())]).blank();
        for (i, s) in d.subjects.iter().enumerate() {
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), r.values.get(&s.id).map_or("", |v| v), Style::new());
        }
        if let Some(detail) = &r.detail {
            doc.blank().text(detail, Style::new());
        }
        notes(&mut doc, theme, &r.notes, |_| true, |id| subject_name(app, id));
    }
    // The verdict follows the selected row only, not the rows read on after it.
    if entry == app.states[Tab::Decide.index()].selected {
        if !doc.is_empty() && d.verdict.is_some() {
            doc.blank();
        }
        source_verdict(app, theme, &mut doc, true);
    }
    doc
}

/// The verdict under its heading (the source's, or whose the data says it
/// is): its summary, then "choose X if …" per subject (`spaced`: a blank
/// line before each, and one under the heading).
pub(super) fn source_verdict(app: &App, theme: &Theme, doc: &mut Doc, spaced: bool) {
    let d = &app.data;
    let Some(v) = &d.verdict else { return };
    doc.styled(&[(&v.heading(), theme.heading())]);
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
    notes(doc, theme, &v.notes, |_| true, |id| subject_name(app, id));
}

/// The name of the subject with this id, for a note's `about`.
pub(super) fn subject_name(app: &App, id: &str) -> Option<String> {
    app.data.subject_name(id).map(str::to_string)
}

fn link(app: &App, entry: usize) -> Option<&str> {
    first_source(&app.data.decision.get(entry)?.notes)
}

/// Decide without a wizard: the decision snapshot as a table.
pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab {
        spec,
        detail,
        list_share: 55,
        detail_title: " Detail and verdict ",
        empty: "This comparison has no decision snapshot.",
    }),
    link,
    copied: None,
};

/// Decide with a wizard: its pages, which link to nothing and copy through their own key.
pub(super) const WIZARD: TabView = TabView { body: Body::Page(draw_wizard), link: |_, _| None, copied: None };

/// The wizard's current page as one scrollable document, `width` columns wide
/// (the result's bars are sized to it).
fn wizard_doc(app: &App, theme: &Theme, width: u16) -> Doc {
    let w = &app.wizard;
    let mut doc = Doc::new();
    if w.confirming {
        let n = w.answered();
        let plural = if n == 1 { "answer" } else { "answers" };
        let (yes, no) = (app.keys.wizard_key(WizardAction::Confirm(true)), app.keys.key(KeyCommand::Back));
        doc.styled(&[(
            &format!(
                "Start over and clear your {n} {plural}?  {yes} clears {them} · {no} keeps {them}",
                them = if n == 1 { "it" } else { "them" }
            ),
            theme.key(),
        )])
        .blank();
    }
    if let Some(notice) = &w.notice {
        doc.text(notice, theme.dim()).blank();
    }
    match w.page {
        WizardPage::Question(i) => question_doc(app, theme, i, &mut doc),
        WizardPage::Answers => answers_doc(app, theme, &mut doc),
        WizardPage::Result => result_doc(app, theme, width, &mut doc),
        WizardPage::Together => super::together::together_doc(app, theme, width, &mut doc),
    }
    doc
}

fn question_doc(app: &App, theme: &Theme, i: usize, doc: &mut Doc) {
    let questions = &app.data.wizard.questions;
    let w = &app.wizard;
    let q = &questions[i];
    let filled = "■".repeat(i + 1) + &"□".repeat(questions.len() - i - 1);
    doc.styled(&[
        (&format!("Question {} of {}  ", i + 1, questions.len()), theme.dim()),
        (&filled, theme.key()),
        (&format!("  {} answered", w.answered()), theme.dim()),
    ]);
    let level = w.importance[i];
    doc.blank().styled(&[
        (&q.prompt, theme.heading()),
        // No-break spaces: the marker and its words wrap as one, never apart.
        (&format!("\u{a0}\u{a0}\u{a0}{}\u{a0}{}\u{a0}importance", level.dots(), level.id()), theme.dim()),
    ]);
    if let Some(help) = &q.help {
        doc.text(help, theme.dim());
    }
    doc.blank();
    for (k, o) in q.options.iter().enumerate() {
        let chosen = if w.answers[i] == Some(k) { "● " } else { "○ " };
        let rich = Rich::new(&o.label, Style::new()).with_marker(chosen, theme.key());
        doc.push(if k == w.cursor { rich.patch(theme.selected()) } else { rich });
    }
    if let Some(o) = q.options.get(w.cursor) {
        doc.blank().bullet("Why: ", theme.dim(), &o.why, theme.dim());
    }
    let k = |a| app.keys.wizard_key(a);
    let line = format!(
        "{} highlight · {} chooses · {} {} importance · {} skips · {} back · {} next · {} all answers · {} result",
        app.keys.wizard_pair(WizardAction::Cursor(-1), WizardAction::Cursor(1)),
        k(WizardAction::Pick),
        k(WizardAction::Importance(true)),
        k(WizardAction::Importance(false)),
        k(WizardAction::Skip),
        k(WizardAction::Back),
        k(WizardAction::Forward),
        k(WizardAction::Answers),
        k(WizardAction::Result),
    );
    doc.blank().text(&line, theme.dim());
    // Below the keys, for whoever wants to weigh the options first: what each
    // answer would do to every subject's score, and why.
    doc.blank().styled(&[("What each answer does", theme.heading())]);
    for o in &q.options {
        let moves: Vec<String> = app
            .data
            .subjects
            .iter()
            .map(|s| format!("{} {}", s.name, wizard::points(o.weights.get(&s.id).copied().unwrap_or(0.0))))
            .collect();
        doc.blank().styled(&[(&o.label, Style::new().add_modifier(ratatui::style::Modifier::BOLD))]);
        doc.bullet("  ", Style::new(), &moves.join(" · "), theme.key());
        doc.bullet("  ", Style::new(), &o.why, theme.dim());
        for (si, s) in app.data.subjects.iter().enumerate() {
            if let Some(reason) = o.reasons.get(&s.id) {
                doc.bullet(&format!("  {}: ", s.name), theme.subject(si), reason, theme.dim());
            }
        }
    }
}

fn answers_doc(app: &App, theme: &Theme, doc: &mut Doc) {
    let questions = &app.data.wizard.questions;
    let w = &app.wizard;
    doc.styled(&[
        ("Your answers", theme.heading()),
        (&format!("  {} of {}", w.answered(), questions.len()), theme.dim()),
    ]);
    doc.blank();
    for (k, q) in questions.iter().enumerate() {
        let answer = match (w.answers[k].and_then(|o| q.options.get(o)), w.skipped[k]) {
            (Some(o), _) => o.label.as_str(),
            (None, true) => "skipped",
            (None, false) => "not answered yet",
        };
        let level = w.importance[k];
        let rich = Rich::parts(&[
            (&q.prompt, Style::new()),
            (" — ", theme.dim()),
            (answer, theme.key()),
            // No-break spaces: the marker wraps with the answer's last word, never alone.
            (&format!("\u{a0}\u{a0}{}", level.dots()), theme.dim()),
        ])
        .with_marker(&format!("{:>2}. ", k + 1), theme.dim());
        doc.push(if k == w.cursor { rich.patch(theme.selected()) } else { rich });
    }
    let k = |a| app.keys.wizard_key(a);
    let line = format!(
        "{} changes the highlighted answer · {} {} its importance (●●○ normal) · {} shows the result · {} starts over",
        k(WizardAction::Pick),
        k(WizardAction::Importance(true)),
        k(WizardAction::Importance(false)),
        k(WizardAction::Result),
        k(WizardAction::Restart),
    );
    doc.blank().text(&line, theme.dim());
}

/// The result page: bars, the recommendation, how firm it is, the answers,
/// what would change it, every reason, and the decision snapshot — all from
/// the one [`wizard::Report`] the exports and the record render too.
fn result_doc(app: &App, theme: &Theme, width: u16, doc: &mut Doc) {
    let d = &app.data;
    let w = &app.wizard;
    let report = wizard::Report::new(d, &w.answers, &w.importance);
    let card = &report.card;
    doc.styled(&[(&wizard::recommendation(d, card), theme.heading())]);
    doc.styled(&[(&report.robustness_line(d), theme.dim())]);
    if let Some(f) = app.firmness() {
        doc.styled(&[(&f.line(d), theme.dim())]);
    }
    doc.blank();
    let name_width = d.subjects.iter().map(|s| s.name.chars().count().min(40)).max().unwrap_or(0);
    let bar_width = (width as usize).saturating_sub(name_width + 24).clamp(4, 60);
    for r in &card.ranking {
        let filled = ((r.bar * bar_width as f64).round() as usize).min(bar_width);
        let bar = "█".repeat(filled) + &"░".repeat(bar_width - filled);
        let name: String = d.subjects[r.subject].name.chars().take(40).collect();
        let behind = if r.behind > 0.0 {
            format!("  {} behind", wizard::points(r.behind).trim_start_matches('+'))
        } else {
            String::new()
        };
        doc.styled(&[
            (&format!("{name:<name_width$}  "), theme.subject(r.subject)),
            (&bar, theme.subject(r.subject)),
            (&format!(" {}", wizard::points(r.points)), Style::new()),
            (&behind, theme.dim()),
        ]);
    }
    let your_answers_keys = format!(
        "  {} choose · {} changes · {} {} importance: the bars move at once",
        app.keys.wizard_pair(WizardAction::Cursor(-1), WizardAction::Cursor(1)),
        app.keys.wizard_key(WizardAction::Pick),
        app.keys.wizard_key(WizardAction::Importance(true)),
        app.keys.wizard_key(WizardAction::Importance(false)),
    );
    doc.blank().styled(&[("Your answers", theme.heading()), (&your_answers_keys, theme.dim())]);
    for (k, q) in d.wizard.questions.iter().enumerate() {
        let answer = w.answers[k].and_then(|o| q.options.get(o)).map_or("not answered", |o| o.label.as_str());
        let rich = Rich::parts(&[
            (&q.prompt, Style::new()),
            (" — ", theme.dim()),
            (answer, theme.key()),
            (&format!("\u{a0}\u{a0}{}", w.importance[k].dots()), theme.dim()),
        ])
        .with_marker(&format!("{:>2}. ", k + 1), theme.dim());
        doc.push(if k == w.cursor { rich.patch(theme.selected()) } else { rich });
    }
    if report.tips().next().is_some() {
        doc.blank().styled(&[(report.tips_heading(), theme.heading())]);
        for tip in report.tips() {
            doc.bullet("• ", theme.dim(), &wizard::tip_line(d, tip), Style::new());
        }
    }
    for r in &card.ranking {
        let name = d.subjects[r.subject].name.as_str();
        for (title, list) in [("for", &r.pushed_for), ("against", &r.pushed_against)] {
            if !list.is_empty() {
                doc.blank()
                    .styled(&[(&format!("What counted {title} "), theme.heading()), (name, theme.subject(r.subject))]);
                for k in list.iter() {
                    let reason = k.reason(d);
                    let level = w.importance[k.question];
                    let weighed = if level == Importance::Normal {
                        String::new()
                    } else {
                        format!(" ({} importance)", level.id())
                    };
                    let text = format!("{} — {}{weighed}: {}", reason.question.prompt, reason.choice.label, reason.why);
                    doc.bullet(&format!("{:>3} ", wizard::points(reason.points)), theme.key(), &text, Style::new());
                }
            }
        }
    }
    if !d.decision.is_empty() {
        doc.blank().styled(&[("Decision snapshot", theme.heading())]);
        for row in &d.decision {
            let values: Vec<String> =
                d.subjects.iter().map(|s| format!("{}: {}", s.name, row.values.get(&s.id).map_or("", |v| v))).collect();
            doc.push(Rich::new(&values.join(" · "), Style::new()).with_marker(&format!("{}  ", row.name), theme.key()));
        }
    }
    if d.verdict.is_some() {
        doc.blank();
        source_verdict(app, theme, doc, false);
    }
    let k = |a| app.keys.wizard_key(a);
    let together = if app.together.is_empty() {
        String::new()
    } else {
        format!("{} the group's result · ", k(WizardAction::Together))
    };
    let line = format!(
        "{together}{} writes a decision record · {} copies the result · {} exports your answers for others · {} all answers · {} starts over · {} {} scroll",
        k(WizardAction::Record),
        k(WizardAction::Copy),
        k(WizardAction::ExportAnswers),
        k(WizardAction::Answers),
        k(WizardAction::Restart),
        app.keys.key(KeyCommand::PageUp),
        app.keys.key(KeyCommand::PageDown),
    );
    doc.blank().text(&line, theme.dim());
}

/// Draws the wizard's current page over the whole body.
fn draw_wizard(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> PaneMap {
    let title = match app.wizard.page {
        WizardPage::Question(_) => " Decide — questions ",
        WizardPage::Answers => " Decide — your answers ",
        WizardPage::Result => " Decide — result ",
        WizardPage::Together => " Decide — together ",
    };
    let doc = wizard_doc(app, theme, bordered_inner(body).width);
    draw_doc(frame, theme, &doc, body, Pane { title, focused: true, position: true }, app.wizard.scroll)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shipped(which: usize) -> crate::data::Comparison {
        let name = ["django-vs-flask", "django-vs-flask-vs-fastapi"][which];
        crate::data::load_builtin(name).and_then(Result::ok).expect("shipped")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// The result page renders the report: its recommendation, its
        /// robustness line with the counts, and exactly its tips. (The
        /// exports are held to the same report in `export`'s tests.)
        #[test]
        fn the_result_page_shows_the_report(
            which in 0usize..2,
            picks in prop::collection::vec(0usize..6, 12),
            weights in prop::collection::vec(0usize..4, 12),
        ) {
            let c = shipped(which);
            let (answers, importance) = wizard::report::answer_set(&c, &picks, &weights);
            let report = wizard::Report::new(&c, &answers, &importance);

            let mut app = App::new(c.clone());
            app.wizard.answers = answers;
            app.wizard.importance = importance;
            let mut doc = Doc::new();
            result_doc(&app, &Theme::choose(crate::ui::ThemeName::Dark, false, None), 100, &mut doc);
            let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let page = one_line(&doc.plain());

            prop_assert!(page.starts_with(&one_line(&wizard::recommendation(&c, &report.card))));
            prop_assert!(page.contains(&one_line(&report.robustness_line(&c))), "{}", report.robustness_line(&c));
            for tip in report.tips() {
                let text = wizard::tip_line(&c, tip);
                prop_assert!(page.contains(&one_line(&text)), "page lacks {}", text);
            }
            let listed = page.matches("• Answer: if").count() + page.matches("• Importance: if").count();
            prop_assert_eq!(listed, report.tips().count(), "the page lists as many tips as the report");
        }
    }
}
