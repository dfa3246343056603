//! The help overlay, generated from the keymaps that handle the keys.
//! Scrolls with the movement keys when it does not fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Doc, Rich, Theme};
use crate::keys::{BINDINGS, INPUT_BINDINGS, MOUSE_HELP, WIZARD_BINDINGS};

/// The overlay's rows: (keys, what they do): the keymap, the search line's
/// keys, then the mouse. An empty key starts a section.
pub fn rows() -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| (b.label, b.help))
        .chain([("", "In a search line (type to search):")])
        .chain(INPUT_BINDINGS.iter().map(|b| (b.label, b.help)))
        .chain([("", "On the Decide tab (the decision wizard):")])
        .chain(WIZARD_BINDINGS.iter().map(|b| (b.label, b.help)))
        .chain([("", "Mouse:")])
        .chain(MOUSE_HELP.iter().copied())
        .collect()
}

fn doc(theme: &Theme) -> Doc {
    let rows = rows();
    let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    let mut doc = Doc::new();
    for (k, what) in rows {
        if k.is_empty() {
            doc.blank().styled(&[(what, theme.heading())]);
        } else {
            doc.push(Rich::new(what, Style::new()).with_marker(&format!(" {k:<key_width$}"), theme.key()));
        }
    }
    doc
}

/// The overlay's box and the text area inside it.
fn areas(body: Rect) -> (Rect, Rect) {
    let width = 96.min(body.width);
    let height = (doc(&Theme::NO_COLOR).height(width.saturating_sub(2)) as u16 + 2).min(body.height);
    let [_, area, _] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width), Constraint::Min(0)]).areas(body);
    let [_, area, _] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height), Constraint::Min(0)]).areas(area);
    (area, Block::new().borders(Borders::ALL).inner(area))
}

/// How far the help scrolls in this body.
pub fn max_scroll(body: Rect) -> usize {
    let (_, inner) = areas(body);
    doc(&Theme::NO_COLOR).height(inner.width).saturating_sub(inner.height as usize)
}

pub fn draw(frame: &mut Frame, theme: &Theme, body: Rect, scroll: usize) {
    let (area, inner) = areas(body);
    let lines = doc(theme).lines(inner.width);
    let max = lines.len().saturating_sub(inner.height as usize);
    let scroll = scroll.min(max);
    let mut block =
        Block::new().borders(Borders::ALL).border_style(theme.focus_border()).title(" Keys — ? or Esc closes ");
    if max > 0 {
        block = block
            .title_bottom(Line::styled(format!(" {}/{} ↑↓ scroll ", scroll + 1, max + 1), theme.dim()).right_aligned());
    }
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner.height as usize).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(visible).block(block), area);
}
