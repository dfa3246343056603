//! The status line: where you are, and the keys that matter here, as many
//! as fit, most important first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::App;

/// (keys, hint) pairs for the current view, most important first. The keys are
/// checked against the keymap by a test in `keys`.
fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    if app.help {
        return vec![("? Esc", "close help"), ("q", "quit")];
    }
    if app.palette.is_some() {
        return vec![("Enter", "jump"), ("↑↓", "choose"), ("Esc", "close")];
    }
    if app.faq_editing {
        return vec![("Enter", "keep filter"), ("↑↓", "choose"), ("Esc", "clear")];
    }
    if app.tab == crate::app::Tab::Decide && app.has_wizard() {
        use crate::app::WizardPage;
        let mut out = vec![("?", "help"), ("q", "quit")];
        out.extend(match app.wizard.page {
            WizardPage::Question(_) => {
                vec![("Enter 1–9", "choose"), ("s", "skip"), ("b", "back"), ("e", "answers"), ("r", "result")]
            }
            WizardPage::Answers => vec![("Enter", "change"), ("r", "result"), ("o", "start over")],
            WizardPage::Result => vec![("↑↓", "scroll"), ("e", "answers"), ("o", "start over")],
        });
        out.push(("Tab ←→", "tabs"));
        return out;
    }
    let has_list = app.entry_count(app.tab) > 0 && !app.expanded;
    let mut out = vec![("?", "help"), ("q", "quit")];
    out.push(if has_list { ("↑↓", "move") } else { ("↑↓", "scroll") });
    out.push(("Tab ←→", "tabs"));
    out.push(("/", "search"));
    if app.expanded {
        out.push(("Enter Esc", "close"));
    } else if has_list && app.tab != crate::app::Tab::ProsCons {
        out.push(("Enter", "open"));
        out.push(("J K", "scroll text"));
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let count = app.entry_count(app.tab);
    let position = match app.wizard.page {
        crate::app::WizardPage::Question(i) if app.tab == crate::app::Tab::Decide && app.has_wizard() => {
            format!(" {}/{} ", i + 1, app.data.wizard.questions.len())
        }
        _ if app.tab == crate::app::Tab::Decide && app.has_wizard() => " ".into(),
        _ if count > 0 => format!(" {}/{} ", app.state().selected + 1, count),
        _ => " ".into(),
    };
    let mut used = position.width();
    let mut spans = vec![Span::styled(position, theme.selected())];
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
