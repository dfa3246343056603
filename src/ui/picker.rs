//! The comparison picker: every comparison the user can open (shipped, their
//! own, the file on screen), filtered as they type, with what the highlighted
//! one holds or why it cannot be opened.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::clip_width;
use super::{Doc, ListMap, Theme, overlay};
use crate::app::{App, Content};
use crate::catalogue::{Kind, Listed};
use crate::keys::LineCommand;

/// The picker's box: centred, as wide as the palette, as tall as its rows need.
fn area(body: Rect, rows: usize) -> Rect {
    let width = overlay::width(body);
    // Query, rule, rows, rule, four lines of detail, borders.
    let height = (rows as u16).saturating_add(9).min(body.height);
    Rect { x: body.x + (body.width - width) / 2, y: body.y + (body.height - height).min(1), width, height }
}

/// Where a comparison comes from, in a few words.
fn from(l: &Listed) -> String {
    match (l.named.kind, &l.named.path) {
        (Kind::Shipped, _) => "shipped".into(),
        (Kind::User, _) => "yours".into(),
        (Kind::File, Some(p)) => p.display().to_string(),
        (Kind::File, None) => "file".into(),
        (Kind::Source, _) => format!("source {}", l.named.name.split('/').next().unwrap_or("")),
    }
}

/// The highlighted comparison in full.
fn detail(l: &Listed, theme: &Theme) -> Doc {
    let mut doc = Doc::new();
    match &l.content {
        Ok(s) => {
            doc.text(&format!("{} · {}", s.title, s.subjects.join(", ")), theme.heading());
        }
        Err(e) => {
            doc.text(&format!("Cannot be opened: {e}"), theme.con());
        }
    }
    let place = match &l.named.path {
        Some(p) => format!("{} · {}", from(l), p.display()),
        None => "shipped with versus".to_string(),
    };
    doc.text(&crate::data::sanitize_line(&place), theme.dim());
    if l.shadowed {
        doc.text("A shipped comparison has this name: the name opens that one; this file opens by path.", theme.dim());
    }
    doc
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> Option<ListMap> {
    let picker = app.picker()?;
    let listed = picker.listed.as_deref().unwrap_or_default();
    let area = area(body, listed.len().max(1));
    let title = format!(
        " Open a comparison — {} opens, {} closes ",
        app.keys.line_key(LineCommand::Accept),
        app.keys.line_key(LineCommand::Cancel)
    );
    let query = picker.line.query.trim();
    let status = match (&picker.listed, &picker.content) {
        (None, _) => "listing…".to_string(),
        (Some(all), _) if !picker.done => format!("{} of {} so far, listing…", picker.shown.len(), all.len()),
        (Some(_), Content::Searching(q)) if q == query => "no name matches: searching the contents…".to_string(),
        (Some(all), Content::Found { query: q, skipped, .. }) if q == query => {
            let skipped = match skipped {
                0 => String::new(),
                n => format!(", {n} large not searched"),
            };
            format!("{} of {} by content{skipped}", picker.shown.len(), all.len())
        }
        (Some(all), _) => format!("{} of {}", picker.shown.len(), all.len()),
    };
    let inner = overlay::frame(frame, theme, area, title, &picker.line.query, &status);
    let detail_rows = if inner.height >= 10 { 4 } else { 0 };
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2 + detail_rows + (detail_rows > 0) as u16),
        ..inner
    };
    let (shown, map) = overlay::rows(area, list, picker.selected, picker.shown.len());
    if inner.height == 0 {
        return Some(map);
    }
    let offset = shown.start;
    let width = inner.width as usize;
    let name_width = listed.iter().map(|l| l.named.name.chars().count()).max().unwrap_or(0).clamp(8, width / 2);
    let lines: Vec<Line> = picker.shown[shown]
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let l = &listed[i];
            let current = l.named.origin() == app.origin;
            let mark = if current { "• " } else { "  " };
            let name = clip_width(&crate::data::sanitize_line(&l.named.name), name_width);
            let rest = match (&l.content, picker.content_hits(&l.named.name)) {
                (Ok(s), Some(hits)) => {
                    format!("{}  ({}) · {}", s.title, from(l), crate::data::count(hits, "entry", "entries"))
                }
                (Ok(s), None) => format!("{}  ({})", s.title, from(l)),
                (Err(_), _) => format!("cannot be opened  ({})", from(l)),
            };
            let used = 2 + name_width + 2;
            let rest = clip_width(&crate::data::sanitize_line(&rest), width.saturating_sub(used));
            let style = if offset + k == picker.selected { theme.selected() } else { Default::default() };
            let rest_style = if l.content.is_err() { theme.con() } else { theme.dim() };
            Line::from(vec![
                Span::styled(mark, theme.key()),
                Span::styled(format!("{name:<name_width$}  "), theme.heading()),
                Span::styled(rest, rest_style),
            ])
            .patch_style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if picker.done && picker.shown.is_empty() && list.height > 0 {
        let clear = app.keys.line_key(LineCommand::Clear);
        let text = match &picker.content {
            Content::Searching(q) if q == query => "No name matches; searching the contents…".to_string(),
            _ => format!("No comparison's name or content matches; {clear} clears the query."),
        };
        let none = Paragraph::new(Span::styled(text, theme.dim()));
        frame.render_widget(none, Rect { height: 1, ..list });
    }
    if detail_rows > 0
        && let Some(l) = picker.chosen()
    {
        let at = Rect { y: list.bottom() + 1, height: detail_rows, ..inner };
        overlay::rule(frame, theme, Rect { y: at.y - 1, ..at });
        let lines: Vec<Line> = detail(l, theme).lines(at.width).into_iter().take(at.height as usize).collect();
        frame.render_widget(Paragraph::new(lines), at);
    }
    Some(map)
}
