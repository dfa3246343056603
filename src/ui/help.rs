//! The help overlay: the rows it is handed (generated from the keymaps that
//! handle the keys), scrolling with the movement keys when they do not fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear};

use super::{Doc, PaneMap, Rich, Theme, draw_doc_in};

/// `keys` as a document: (keys, what they do); an empty key starts a section.
fn doc(theme: &Theme, keys: &[(&str, &str)]) -> Doc {
    let key_width = keys.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    let mut doc = Doc::new();
    for (k, what) in keys {
        if k.is_empty() {
            doc.blank().styled(&[(what, theme.heading())]);
        } else {
            doc.push(Rich::new(what, Style::new()).with_marker(&format!(" {k:<key_width$}"), theme.key()));
        }
    }
    doc
}

pub fn draw(frame: &mut Frame, theme: &Theme, keys: &[(&str, &str)], body: Rect, scroll: usize) -> PaneMap {
    let doc = doc(theme, keys);
    let width = 96.min(body.width);
    let height = (doc.height(width.saturating_sub(2)) as u16).saturating_add(2).min(body.height);
    let [_, area, _] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width), Constraint::Min(0)]).areas(body);
    let [_, area, _] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height), Constraint::Min(0)]).areas(area);
    let block = Block::new().borders(Borders::ALL).border_style(theme.focus_border()).title(" Keys — ? or Esc closes ");
    frame.render_widget(Clear, area);
    draw_doc_in(frame, theme, &doc, area, block, Some("↑↓ scroll "), scroll)
}
