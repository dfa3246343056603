//! The status line: where you are, and the keys that matter here, as many
//! as fit, most important first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, Mode};
use crate::tab::Tab;
use crate::wizard::WizardPage;

/// (keys, hint) pairs for the current mode, most important first. The keys
/// are checked against the keymap by a test in `input`.
pub fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("?", "help"), ("q", "quit")];
    match app.mode() {
        Mode::Help => return vec![("? Esc", "close help"), ("q", "quit")],
        Mode::Palette => return vec![("Enter", "jump"), ("↑↓", "choose"), ("Esc", "close")],
        Mode::Picker => return vec![("Enter", "open"), ("↑↓", "choose"), ("type", "filter"), ("Esc", "close")],
        Mode::FaqFilter => return vec![("Enter", "keep filter"), ("↑↓", "choose"), ("Esc", "clear")],
        Mode::Wizard => {
            if app.wizard.confirming {
                return vec![("y", "clear the answers"), ("Esc", "keep them")];
            }
            out.extend(match app.wizard.page {
                WizardPage::Question(_) => {
                    vec![("↑↓ Enter", "choose"), ("+ -", "importance"), ("s", "skip"), ("b", "back"), ("e", "answers")]
                }
                WizardPage::Answers => vec![("Enter", "change"), ("+ -", "importance"), ("r", "result")],
                WizardPage::Result => vec![("↑↓ + -", "change"), ("w", "record"), ("c", "copy"), ("PgDn", "scroll")],
            });
            if app.wizard.undo.is_some() {
                out.insert(2, ("u", "undo start over"));
            }
            out.push(("Tab", "tabs"));
        }
        Mode::Expanded => out.extend([("↑↓", "scroll"), ("Tab", "tabs"), ("/", "search"), ("Enter Esc", "close")]),
        Mode::Browse => {
            let has_list = app.entry_count(app.tab) > 0;
            let in_text = app.state().detail_focused;
            out.push(if has_list && !in_text { ("↑↓", "move") } else { ("↑↓", "scroll") });
            match app.tab {
                Tab::ProsCons => out.push(("←→", "subjects")),
                _ if in_text => out.push(("←", "list")),
                _ if has_list => out.push(("→", "text")),
                _ => {}
            }
            if super::selected_link(app).is_some() {
                out.push(("o", "open link"));
            }
            out.extend([("Tab", "tabs"), ("/", "search")]);
            if has_list && app.tab != Tab::ProsCons {
                out.push(("Enter", "open"));
            }
            out.push(("c", "copy"));
            out.push(("Ctrl-O", "comparisons"));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let position = match (app.on_wizard(), app.wizard.page) {
        (true, WizardPage::Question(i)) => format!(" {}/{} ", i + 1, app.data.wizard.questions.len()),
        (true, _) => " ".into(),
        // Pros/Cons counts within the selected item's subject: "Flask 4/18".
        _ if app.tab == Tab::ProsCons => match app.entries.pros_cons_place(app.state().selected) {
            Some((s, ordinal, count)) => format!(" {} {}/{} ", app.data.subjects[s].name, ordinal + 1, count),
            None => " ".into(),
        },
        _ => match app.entry_count(app.tab) {
            0 => " ".into(),
            count => format!(" {}/{} ", app.state().selected + 1, count),
        },
    };
    let mut used = position.width();
    let mut spans = vec![Span::styled(position, theme.selected())];
    if let Some(status) = &app.status {
        // Cut with a mark when longer than the line (a long link, say).
        let room = (area.width as usize).saturating_sub(used + 2);
        let status = super::wrap::clip_width(status, room);
        spans.push(Span::raw("  "));
        spans.push(Span::styled(status, theme.key()));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    for (keys, hint) in hints(app) {
        let width = 2 + keys.width() + 1 + hint.width();
        if used + width > area.width as usize {
            break;
        }
        used += width;
        spans.push(Span::raw("  "));
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {hint}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
