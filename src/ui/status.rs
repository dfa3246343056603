//! The status line: where you are, and the keys that matter here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, Tab};
use crate::keys::BINDINGS;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let count = app.entry_count(app.tab);
    let position = if app.help {
        "help".to_string()
    } else if count > 0 {
        format!("{}/{}", app.state().selected + 1, count)
    } else {
        app.tab.title().to_string()
    };
    spans.push(Span::styled(format!(" {position} "), theme.selected()));
    for b in BINDINGS {
        let Some(hint) = b.hint else { continue };
        let (keys, hint) = match (b.hint, app.tab) {
            (Some("move"), Tab::ProsCons) => ("↑↓", "scroll"),
            (Some("scroll text"), Tab::ProsCons) | (Some("open"), Tab::ProsCons) => continue,
            (Some("move"), _) => ("↑↓", hint),
            (Some("tabs"), _) => ("Tab ←→", hint),
            _ => (b.label, hint),
        };
        spans.push(Span::raw("  "));
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {hint}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
