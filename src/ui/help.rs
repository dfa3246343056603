//! The help overlay, generated from the keymap that handles the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::keys::{BINDINGS, MOUSE_HELP};

/// The overlay's rows: (keys, what they do), keyboard first, then mouse.
pub fn rows() -> Vec<(&'static str, &'static str)> {
    BINDINGS.iter().map(|b| (b.label, b.help)).chain(MOUSE_HELP.iter().copied()).collect()
}

pub fn draw(frame: &mut Frame, theme: &Theme, body: Rect) {
    let rows = rows();
    let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    let lines: Vec<Line> = rows
        .iter()
        .map(|(k, what)| {
            Line::from(vec![Span::styled(format!(" {k:<key_width$}"), theme.key()), Span::raw(what.to_string())])
        })
        .collect();
    let width = (key_width + 62).min(body.width as usize) as u16;
    let height = (lines.len() as u16 + 2).min(body.height);
    let [_, area, _] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width), Constraint::Min(0)]).areas(body);
    let [_, area, _] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height), Constraint::Min(0)]).areas(area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(" Keys — ? or Esc closes ")
        .title_bottom(Line::styled(" versus ", theme.dim()).right_aligned());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
