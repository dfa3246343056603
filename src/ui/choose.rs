//! A question with a few answers, drawn over the tab (where to write the
//! decision record): a box with the question as its title, one row per
//! answer, the highlighted one marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::overlay;
use super::wrap::clip_width;
use super::{ListMap, Theme};
use crate::app::Choice;

/// Draws `choice` centred in `body` and returns its rows.
pub(super) fn draw(frame: &mut Frame, theme: &Theme, choice: &Choice, body: Rect) -> ListMap {
    let widest = choice.options.iter().map(|(label, _)| label.width() + 4).max().unwrap_or(0);
    let width = (widest.max(choice.title.width() + 4) as u16 + 2).clamp(body.width.min(30), overlay::width(body));
    let height = (choice.options.len() as u16 + 2).min(body.height);
    let area = Rect { x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 3, width, height };
    let title = clip_width(&format!(" {} ", choice.title), width.saturating_sub(2) as usize);
    let block = Block::new().borders(Borders::ALL).border_style(theme.focus_border()).title(title);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let (shown, map) = overlay::rows(area, inner, choice.selected, choice.options.len());
    for (row, i) in map.rows.iter().zip(shown) {
        let (label, _) = &choice.options[i];
        let selected = i == choice.selected;
        let marker = if selected { "▶ " } else { "  " };
        let text = clip_width(label, inner.width.saturating_sub(2) as usize);
        let style = if selected { theme.selected() } else { ratatui::style::Style::new() };
        let line = Line::from(vec![Span::styled(marker, theme.key()), Span::styled(text, style)]);
        frame.render_widget(Paragraph::new(line), row.0);
    }
    map
}
