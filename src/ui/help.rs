//! The help overlay: the rows of the keymap in effect (keys, what they do,
//! and the action's name a config file remaps), scrolling with the movement
//! keys when they do not fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear};

use super::{Doc, PaneMap, Rich, Theme, draw_doc_in};
use crate::keys::{HelpRow, KeyCommand, Keymap};

/// The rows as a document; a row without keys starts a section. Each
/// action's name follows what it does, dimmed: the name a config file uses.
fn doc(theme: &Theme, rows: &[HelpRow]) -> Doc {
    let key_width = rows.iter().map(|r| r.keys.chars().count()).max().unwrap_or(0) + 2;
    let mut doc = Doc::new();
    for r in rows {
        if r.keys.is_empty() {
            doc.blank().styled(&[(&r.help, theme.heading())]);
        } else {
            let name = if r.name.is_empty() { String::new() } else { format!("  [{}]", r.name) };
            let text = Rich::parts(&[(&r.help, Style::new()), (&name, theme.dim())]);
            doc.push(text.with_marker(&format!(" {:<key_width$}", r.keys), theme.key()));
        }
    }
    doc
}

pub(super) fn draw(frame: &mut Frame, theme: &Theme, keys: &Keymap, body: Rect, scroll: usize) -> PaneMap {
    let doc = doc(theme, &keys.help_rows());
    let width = (super::PROSE_WIDTH + 2).min(body.width);
    let height = (doc.height(width.saturating_sub(2)) as u16).saturating_add(2).min(body.height);
    let [_, area, _] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width), Constraint::Min(0)]).areas(body);
    let [_, area, _] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height), Constraint::Min(0)]).areas(area);
    let close = [keys.key(KeyCommand::Help), keys.key(KeyCommand::Back)].join(" or ");
    let title = format!(" Keys — {close} closes · [names] are for config.ron ");
    let block = Block::new().borders(Borders::ALL).border_style(theme.focus_border()).title(title);
    frame.render_widget(Clear, area);
    let scroll_keys = format!("{} scroll ", keys.pair(KeyCommand::Up, KeyCommand::Down));
    draw_doc_in(frame, theme, &doc, area, block, Some(&scroll_keys), scroll)
}
