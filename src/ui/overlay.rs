//! What the two search overlays (the palette and the comparison picker)
//! share: their width, their frame with a query line, the rules between
//! their parts, and the rows of their list.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{ListMap, Theme, list_offset};

/// An overlay's width in `body`: four fifths, at least 40 columns (or all
/// there is), at most 110.
pub(super) fn width(body: Rect) -> u16 {
    (body.width * 4 / 5).clamp(body.width.min(40), 110)
}

/// Clears `area` and draws the overlay's box titled `title`, the query line
/// (`query`, a cursor, `status` dimmed) on its first row and a rule on its
/// second, as far as there is room. Returns the box's inside.
pub(super) fn frame(frame: &mut Frame, theme: &Theme, area: Rect, title: String, query: &str, status: &str) -> Rect {
    let block = Block::new().borders(Borders::ALL).border_style(theme.focus_border()).title(title);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height > 0 {
        // The status gets what the query leaves, "…" where it is cut.
        let room = (inner.width as usize).saturating_sub(query.width() + 5);
        let prompt = Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(query.to_string()),
            Span::styled("▏", theme.key()),
            Span::styled(format!("  {}", super::wrap::clip_width(status, room)), theme.dim()),
        ]);
        frame.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    }
    if inner.height > 1 {
        rule(frame, theme, Rect { y: inner.y + 1, ..inner });
    }
    inner
}

/// A dim rule across `at`'s first row.
pub(super) fn rule(frame: &mut Frame, theme: &Theme, at: Rect) {
    let line = Span::styled("─".repeat(at.width as usize), theme.dim());
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..at });
}

/// Which of `len` entries show in `list` (one per row, `selected` kept in
/// view), and the screen map of the overlay `area` with those rows.
pub(super) fn rows(area: Rect, list: Rect, selected: usize, len: usize) -> (Range<usize>, ListMap) {
    let offset = list_offset(selected, len, list.height as usize);
    let shown = offset..len.min(offset + list.height as usize);
    let rows = shown.clone().enumerate().map(|(k, i)| (Rect { y: list.y + k as u16, height: 1, ..list }, i));
    (shown, ListMap { area, rows: rows.collect(), page: (list.height as usize).max(1), len })
}

/// A row of an overlay's list: an entry, or a divider before entry `divider`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Row {
    Entry(usize),
    Divider,
}

/// As [`rows`], with a divider row before entry `divider` (when some):
/// which rows show, top to bottom, and the screen map (entries only).
pub(super) fn rows_divided(
    area: Rect,
    list: Rect,
    selected: usize,
    len: usize,
    divider: Option<usize>,
) -> (Vec<Row>, ListMap) {
    let Some(d) = divider.filter(|&d| d < len) else {
        let (shown, map) = rows(area, list, selected, len);
        return (shown.map(Row::Entry).collect(), map);
    };
    // The divider is one more row: entry i sits at row i, or i + 1 from the divider on.
    let at = |i: usize| if i >= d { i + 1 } else { i };
    let total = len + 1;
    let offset = list_offset(at(selected), total, list.height as usize);
    let shown: Vec<Row> = (offset..total.min(offset + list.height as usize))
        .map(|r| match r.cmp(&d) {
            std::cmp::Ordering::Less => Row::Entry(r),
            std::cmp::Ordering::Equal => Row::Divider,
            std::cmp::Ordering::Greater => Row::Entry(r - 1),
        })
        .collect();
    let map_rows = shown
        .iter()
        .enumerate()
        .filter_map(|(k, row)| match row {
            Row::Entry(i) => Some((Rect { y: list.y + k as u16, height: 1, ..list }, *i)),
            Row::Divider => None,
        })
        .collect();
    (shown, ListMap { area, rows: map_rows, page: (list.height as usize).max(1), len })
}
