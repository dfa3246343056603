//! The one list widget every tab uses: a bordered table with a header row,
//! optional section rows, wrapped cells, a centred scroll position and a
//! reverse-video selection. Drawing and mouse hit-testing both go through
//! [`TableSpec`]. A spec holds only a window of rows around the selection,
//! so a list of a million entries costs no more to draw than one of fifty.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use std::ops::Range;

use super::{ListMap, Rich, Theme, pane};
use crate::app::App;
use crate::tab::Tab;

pub(super) enum TableRow {
    /// A selectable entry: one rich-text cell per column.
    Entry(Vec<Rich>),
    /// A heading between groups of entries; not selectable.
    Section(String),
}

pub(super) struct TableSpec {
    pub title: String,
    pub header: Vec<(String, Style)>,
    /// The rows of [`window`]`(selected, total, visible)`, with any section rows among them.
    pub rows: Vec<TableRow>,
    /// Entry index of the first entry in `rows`.
    pub first_entry: usize,
    /// Entries in the whole list.
    pub total: usize,
    /// Entry index (not counting sections) of the selection.
    pub selected: usize,
    /// Tallest a row may grow (at most `MAX_ROW_LINES`); taller cells end in "…".
    pub row_lines: usize,
}

/// A row of a per-subject table: the name in bold, then each subject's value.
pub(super) fn value_row<'a>(app: &'a App, name: &str, value: impl Fn(&'a str) -> Option<&'a str>) -> TableRow {
    let mut cells = vec![Rich::new(name, Style::new().add_modifier(Modifier::BOLD))];
    cells.extend(app.data.subjects.iter().map(|s| Rich::new(value(s.id.as_str()).unwrap_or(""), Style::new())));
    TableRow::Entry(cells)
}

/// The entries a spec needs so that the selection and everything that can be
/// on screen with it are present: `visible` entries either side.
pub(super) fn window(selected: usize, total: usize, visible: usize) -> Range<usize> {
    selected.saturating_sub(visible)..total.min(selected.saturating_add(visible).saturating_add(1))
}

/// Tallest a row may grow when its cells wrap; a taller cell (or one taller
/// than the pane) is cut, "…" ends its last line, and Enter shows it whole.
const MAX_ROW_LINES: usize = 12;
const SPACING: u16 = 1;
/// A subject column narrower than this breaks words; the layout stacks instead.
const MIN_CELL: usize = 16;
/// With three subjects or more, value columns narrower than this are no
/// use: rows stack their values (see [`TableSpec::stacked`]).
const STACK_BELOW: u16 = 10;

/// Where each row lands: computed once, used by drawing and by hit-testing.
struct Placement {
    widths: Vec<u16>,
    /// Wrapped lines per row (1 to `MAX_ROW_LINES`, and no more than the pane shows).
    heights: Vec<usize>,
    offset: usize,
    selected_row: usize,
}

impl TableSpec {
    /// The table for `tab`, which has `total` entries: only the rows within
    /// `visible` of the selection are built, each by `rows` (which may add a
    /// section row before its entry).
    pub(super) fn windowed(
        app: &App,
        tab: Tab,
        title: String,
        header: Vec<(String, Style)>,
        (total, visible): (usize, usize),
        mut rows: impl FnMut(usize, &mut Vec<TableRow>),
    ) -> TableSpec {
        let selected = app.states[tab.index()].selected;
        let entries = window(selected, total, visible);
        let mut built = Vec::with_capacity(entries.len() + 1);
        for e in entries.clone() {
            rows(e, &mut built);
        }
        TableSpec { title, header, rows: built, first_entry: entries.start, total, selected, row_lines: MAX_ROW_LINES }
    }

    /// The visual row of entry `entry`.
    fn visual_row(&self, entry: usize) -> usize {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, TableRow::Entry(_)))
            .nth(entry.saturating_sub(self.first_entry))
            .map_or(self.rows.len().saturating_sub(1), |(i, _)| i)
    }

    /// Lines inside `area` for rows (borders and header taken off).
    pub(super) fn visible_rows(area: Rect) -> usize {
        Block::new().borders(Borders::ALL).inner(area).height.saturating_sub(1) as usize
    }

    /// Whether rows stack their values, one line per subject under the row's
    /// name, as a phone shows a comparison table: with three subjects or more,
    /// when side by side some cell would be cut (or the columns are too narrow
    /// to be of use), so that no cell needs Enter to be read.
    fn stacked(&self, inner: Rect) -> bool {
        if self.header.len() < 4 {
            return false;
        }
        let widths = self.side_by_side_widths(inner);
        if widths.get(1).is_some_and(|&w| w < STACK_BELOW) {
            return true;
        }
        // The cap a row has, whatever the pane's height (which may not be known yet: `needed_height`).
        let cap = self.row_lines.clamp(1, MAX_ROW_LINES);
        self.rows.iter().any(|r| match r {
            TableRow::Entry(cells) => cells.iter().zip(&widths).any(|(c, w)| c.height(*w) > cap),
            TableRow::Section(_) => false,
        })
    }

    fn column_widths(&self, inner: Rect) -> Vec<u16> {
        if self.stacked(inner) { vec![inner.width] } else { self.side_by_side_widths(inner) }
    }

    fn side_by_side_widths(&self, inner: Rect) -> Vec<u16> {
        let columns = self.header.len().max(1) as u16;
        if columns == 1 {
            return vec![inner.width];
        }
        let longest = self.first_column_longest() as u16;
        let first = longest.min(inner.width * 2 / 5).max(6.min(inner.width));
        let rest = inner.width.saturating_sub(first + SPACING * (columns - 1));
        let each = rest / (columns - 1);
        std::iter::once(first).chain((1..columns).map(|_| each)).collect()
    }

    /// Each row's height at these column widths, at most `max` lines.
    fn heights(&self, widths: &[u16], max: usize) -> Vec<usize> {
        let stacked = widths.len() == 1 && self.header.len() > 1;
        self.rows
            .iter()
            .map(|r| match r {
                TableRow::Entry(cells) if stacked => {
                    // Stacked rows may grow by a line per subject: each value gets one.
                    let max = max.min(self.row_lines + cells.len()).max(1);
                    self.stacked_lines(cells, widths[0]).len().clamp(1, max)
                }
                TableRow::Entry(cells) => {
                    let max = max.min(self.row_lines).max(1);
                    cells.iter().zip(widths).map(|(c, w)| c.height(*w)).max().unwrap_or(1).clamp(1, max)
                }
                TableRow::Section(_) => 1,
            })
            .collect()
    }

    /// A row as stacked lines: its name, then each subject's value under it,
    /// the subject's name (in its colour) before the value, wrapped beneath it.
    fn stacked_lines(&self, cells: &[Rich], width: u16) -> Vec<Line<'static>> {
        let names = &self.header[1.min(self.header.len())..];
        let name_width = names.iter().map(|(n, _)| n.width()).max().unwrap_or(0);
        let mut lines = cells.first().map(|c| c.lines(width)).unwrap_or_default();
        for (cell, (name, style)) in cells.iter().skip(1).zip(names) {
            let marker = format!("  {name:<name_width$}  ");
            lines.extend(cell.clone().with_marker(&marker, *style).lines(width));
        }
        lines
    }

    /// The narrowest box (borders included) in which every subject column
    /// gets [`MIN_CELL`] columns and the first column its names (up to 24).
    pub(super) fn min_width(&self) -> u16 {
        let columns = self.header.len().max(1);
        if columns == 1 {
            return 32;
        }
        let first = self.first_column_longest().min(24);
        (first + (columns - 1) * (MIN_CELL + SPACING as usize) + 2) as u16
    }

    fn first_column_longest(&self) -> usize {
        self.rows
            .iter()
            .filter_map(|r| match r {
                TableRow::Entry(cells) => cells.first().map(|c| c.text().width()),
                TableRow::Section(_) => None,
            })
            .chain(self.header.first().map(|(t, _)| t.width()))
            .max()
            .unwrap_or(0)
    }

    /// The height, borders included, that shows every built row whole at
    /// `width` columns: what a stacked layout gives the table when it can.
    pub(super) fn needed_height(&self, width: u16) -> usize {
        let inner = Block::new().borders(Borders::ALL).inner(Rect { width, height: 3, x: 0, y: 0 });
        self.heights(&self.column_widths(inner), MAX_ROW_LINES).iter().sum::<usize>() + 3
    }

    fn placement(&self, area: Rect) -> Placement {
        let inner = Block::new().borders(Borders::ALL).inner(area);
        let widths = self.column_widths(inner);
        let heights = self.heights(&widths, MAX_ROW_LINES.min(Self::visible_rows(area)));
        let selected_row = self.visual_row(self.selected);
        let offset = centred_offset(&heights, selected_row, Self::visible_rows(area));
        Placement { widths, heights, offset, selected_row }
    }

    /// Where each visible entry is drawn, for the screen map.
    fn entry_rows(&self, area: Rect, p: &Placement) -> Vec<(Rect, usize)> {
        let inner = Block::new().borders(Borders::ALL).inner(area);
        let mut rows = Vec::new();
        let mut top = inner.y.saturating_add(1);
        let entries_above =
            self.rows[..p.offset.min(self.rows.len())].iter().filter(|r| matches!(r, TableRow::Entry(_)));
        let mut entry = self.first_entry + entries_above.count();
        for (row, &height) in self.rows.iter().zip(&p.heights).skip(p.offset) {
            if top >= inner.bottom() {
                break;
            }
            let height = (height as u16).min(inner.bottom() - top);
            if let TableRow::Entry(_) = row {
                rows.push((Rect { y: top, height, ..inner }, entry));
                entry += 1;
            }
            top += height;
        }
        rows
    }

    /// Draws the table; `focused`: it has the keys (a bold border).
    pub(super) fn draw(&self, frame: &mut Frame, theme: &Theme, area: Rect, focused: bool) -> ListMap {
        let p = self.placement(area);
        let stacked = p.widths.len() == 1 && self.header.len() > 1;
        let rows = self.rows.iter().zip(&p.heights).map(|(r, h)| match r {
            TableRow::Entry(cells) if stacked => {
                let width = p.widths[0];
                Row::new([cut_lines(self.stacked_lines(cells, width), width, *h, theme)]).height(*h as u16)
            }
            TableRow::Entry(cells) => {
                Row::new(cells.iter().zip(&p.widths).map(|(c, w)| cut_cell(c, *w, *h, theme))).height(*h as u16)
            }
            TableRow::Section(title) => Row::new([Cell::from(Span::styled(title.clone(), theme.heading()))]),
        });
        let header = if stacked {
            // One column: the first heading, then the subjects in their colours, in the order their lines come.
            let mut spans = vec![Span::styled(self.header[0].0.clone(), self.header[0].1)];
            for (name, style) in &self.header[1..] {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(name.clone(), *style));
            }
            Row::new([Cell::from(Line::from(spans))])
        } else {
            Row::new(self.header.iter().map(|(t, s)| Cell::from(Span::styled(t.clone(), *s))))
        };
        let widths = p.widths.iter().map(|w| Constraint::Length(*w));
        let table = Table::new(rows, widths)
            .header(header)
            .column_spacing(SPACING)
            .row_highlight_style(theme.selected())
            .block(pane(theme, &self.title, focused));
        let mut state = TableState::default().with_offset(p.offset).with_selected(Some(p.selected_row));
        frame.render_stateful_widget(table, area, &mut state);
        let shown = self.rows.iter().filter(|r| matches!(r, TableRow::Entry(_))).count();
        let fits = shown == self.total && p.heights.iter().sum::<usize>() <= Self::visible_rows(area);
        if !fits && area.height > 2 && area.width > 2 {
            // The position, in the bottom border, when the list does not fit.
            let hint = Line::styled(format!(" {}/{} ", self.selected + 1, self.total), theme.dim()).right_aligned();
            let bottom = Rect { y: area.bottom() - 1, height: 1, x: area.x + 1, width: area.width - 2 };
            frame.render_widget(hint, bottom);
        }
        ListMap { area, rows: self.entry_rows(area, &p), page: Self::visible_rows(area).max(1), len: self.total }
    }
}

/// A cell's lines, at most `height`; when some are left out, "…" ends the
/// last one shown (replacing what does not fit beside it).
fn cut_cell(rich: &Rich, width: u16, height: usize, theme: &Theme) -> Cell<'static> {
    cut_lines(rich.lines(width), width, height, theme)
}

/// [`cut_cell`] for lines already wrapped.
fn cut_lines(mut lines: Vec<Line<'static>>, width: u16, height: usize, theme: &Theme) -> Cell<'static> {
    if lines.len() > height {
        lines.truncate(height);
        if let Some(last) = lines.last_mut() {
            while last.width() + 1 > width as usize && !last.spans.is_empty() {
                let span = last.spans.last_mut().expect("not empty");
                let mut text = span.content.to_string();
                text.pop();
                if text.is_empty() {
                    last.spans.pop();
                } else {
                    span.content = text.into();
                }
            }
            last.spans.push(Span::styled("…", theme.dim()));
        }
    }
    Cell::from(lines)
}

/// The first row to draw so that row `selected` is visible and, where the
/// list allows, near the middle of `visible` lines.
fn centred_offset(heights: &[usize], selected: usize, visible: usize) -> usize {
    let total: usize = heights.iter().sum();
    if total <= visible || selected >= heights.len() {
        return 0;
    }
    // Walk up from the selection while the rows above fit in the top half.
    let mut offset = selected;
    let mut above = 0;
    while offset > 0 && above + heights[offset - 1] <= visible.saturating_sub(heights[selected]) / 2 {
        offset -= 1;
        above += heights[offset];
    }
    // Do not leave empty space at the bottom when the end of the list is in view.
    let mut below: usize = heights[offset..].iter().sum();
    while offset > 0 && below + heights[offset - 1] <= visible {
        offset -= 1;
        below += heights[offset];
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::centred_offset;

    #[test]
    fn offset_keeps_the_selection_near_the_middle() {
        let ones = vec![1; 20];
        assert_eq!(centred_offset(&ones, 0, 5), 0);
        assert_eq!(centred_offset(&ones, 10, 5), 8);
        assert_eq!(centred_offset(&ones, 19, 5), 15);
        assert_eq!(centred_offset(&[1, 1, 1], 2, 5), 0);
    }

    #[test]
    fn tall_rows_still_show_the_selection() {
        let heights = [3, 3, 3, 3];
        for selected in 0..4 {
            let offset = centred_offset(&heights, selected, 4);
            assert!(offset <= selected);
            assert!(heights[offset..=selected].iter().sum::<usize>() <= 4 || offset == selected);
        }
    }
}
