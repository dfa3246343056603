//! Rich text: paragraphs with styled runs (including search highlights),
//! wrapped to any width on demand. A [`Doc`] is a list of [`Rich`]
//! paragraphs; table cells are single `Rich` values. Heights and scroll
//! ranges come from the same wrapping that draws the text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::PROSE_WIDTH;
use super::wrap::wrap;

/// One paragraph of styled text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Rich {
    text: String,
    /// Styles over byte ranges of `text`; later runs win where they overlap.
    runs: Vec<(Range<usize>, Style)>,
    /// A bullet marker drawn before the first line; later lines are indented by its width.
    marker: Option<(String, Style)>,
}

impl Rich {
    pub(crate) fn new(text: &str, style: Style) -> Rich {
        Rich { text: text.to_string(), runs: vec![(0..text.len(), style)], marker: None }
    }

    /// Differently styled parts, one after another.
    pub(crate) fn parts(parts: &[(&str, Style)]) -> Rich {
        let mut rich = Rich::default();
        for (text, style) in parts {
            let start = rich.text.len();
            rich.text.push_str(text);
            rich.runs.push((start..rich.text.len(), *style));
        }
        rich
    }

    /// Lays `style` over the byte ranges `ranges` (search highlights), shifted by `offset`.
    pub(crate) fn mark(mut self, ranges: &[Range<usize>], offset: usize, style: Style) -> Rich {
        for r in ranges {
            let r = r.start + offset..r.end + offset;
            if r.end <= self.text.len() {
                self.runs.push((r, style));
            }
        }
        self
    }

    /// Lays `style` over the whole text (a selected item).
    pub(crate) fn patch(mut self, style: Style) -> Rich {
        self.runs.push((0..self.text.len(), style));
        if let Some((_, s)) = &mut self.marker {
            *s = s.patch(style);
        }
        self
    }

    pub(crate) fn with_marker(mut self, marker: &str, style: Style) -> Rich {
        self.marker = Some((marker.to_string(), style));
        self
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    fn indent(&self) -> usize {
        self.marker.as_ref().map_or(0, |(m, _)| m.width())
    }

    fn wrap_width(&self, width: u16) -> usize {
        (width as usize).saturating_sub(self.indent()).max(1)
    }

    pub(crate) fn height(&self, width: u16) -> usize {
        wrap(&self.text, self.wrap_width(width)).len()
    }

    /// The wrapped, styled lines at `width` columns.
    pub(crate) fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let indent = self.indent();
        wrap(&self.text, self.wrap_width(width))
            .into_iter()
            .enumerate()
            .map(|(n, range)| {
                let mut spans = Vec::new();
                match &self.marker {
                    Some((marker, style)) if n == 0 => spans.push(Span::styled(marker.clone(), *style)),
                    _ if indent > 0 => spans.push(Span::raw(" ".repeat(indent))),
                    _ => {}
                }
                spans.extend(self.spans(range));
                Line::from(spans)
            })
            .collect()
    }

    /// The styled pieces of `text[range]`, cut wherever the style changes.
    fn spans(&self, range: Range<usize>) -> Vec<Span<'static>> {
        let mut cuts = vec![range.start, range.end];
        for (r, _) in &self.runs {
            cuts.extend([r.start, r.end].into_iter().filter(|c| range.contains(c)));
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let style = self
                    .runs
                    .iter()
                    .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                    .fold(Style::new(), |acc, (_, s)| acc.patch(*s));
                Span::styled(self.text[w[0]..w[1]].to_string(), style)
            })
            .collect()
    }
}

/// A paragraph: prose, or a small table whose cells wrap in their columns.
#[derive(Debug, Clone, PartialEq)]
enum Para {
    Rich(Rich),
    /// Rows of cells; the first row is the header.
    Grid(Vec<Vec<Rich>>),
    /// A grid as wide as the pane, where prose stops at [`PROSE_WIDTH`]:
    /// columns of people read better side by side than wrapped.
    Wide(Vec<Vec<Rich>>),
}

/// The widest a wide grid's first column (its row names) grows.
const WIDE_FIRST: usize = 44;

/// Columns between the cells of a grid.
const GRID_GAP: usize = 2;

impl Para {
    fn height(&self, width: u16) -> usize {
        match self {
            Para::Rich(r) => r.height(width.min(PROSE_WIDTH)),
            Para::Grid(rows) | Para::Wide(rows) => {
                let widths = self.widths(rows, width);
                rows.iter().map(|row| grid_row_height(row, &widths)).sum()
            }
        }
    }

    fn lines(&self, width: u16) -> Vec<Line<'static>> {
        match self {
            Para::Rich(r) => r.lines(width.min(PROSE_WIDTH)),
            Para::Grid(rows) | Para::Wide(rows) => {
                let widths = self.widths(rows, width);
                rows.iter().flat_map(|row| grid_row_lines(row, &widths)).collect()
            }
        }
    }

    /// A grid's column widths in a pane `width` columns wide: a wide grid's
    /// columns no wider than their longest cell, so a few people on a big
    /// screen sit side by side rather than spread across it.
    fn widths(&self, rows: &[Vec<Rich>], width: u16) -> Vec<u16> {
        match self {
            Para::Wide(_) => {
                let longest =
                    |c: usize| rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.text().width()).max().unwrap_or(0);
                let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
                // The row names wrap at a prose line's measure at most, leaving the rest to the columns.
                let first = longest(0).min(width as usize / 3).clamp(1, WIDE_FIRST);
                let rest = (width as usize).saturating_sub(first + GRID_GAP * (columns - 1));
                let each = (rest / (columns - 1).max(1)).max(1);
                std::iter::once(first)
                    .chain((1..columns).map(|c| longest(c).clamp(1, each)))
                    .map(|w| w as u16)
                    .collect()
            }
            _ => grid_widths(rows, width.min(PROSE_WIDTH)),
        }
    }

    fn patch(self, style: Style) -> Para {
        match self {
            Para::Rich(r) => Para::Rich(r.patch(style)),
            Para::Grid(rows) => {
                Para::Grid(rows.into_iter().map(|row| row.into_iter().map(|c| c.patch(style)).collect()).collect())
            }
            Para::Wide(rows) => {
                Para::Wide(rows.into_iter().map(|row| row.into_iter().map(|c| c.patch(style)).collect()).collect())
            }
        }
    }
}

/// A grid's column widths at `width`: the first as wide as its longest cell
/// up to a third of the width, the others sharing the rest.
fn grid_widths(rows: &[Vec<Rich>], width: u16) -> Vec<u16> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = width as usize;
    let gaps = GRID_GAP * (columns - 1);
    let longest = rows.iter().filter_map(|r| r.first()).map(|c| c.text().width()).max().unwrap_or(0);
    let first = if columns == 1 { width } else { longest.min(width / 3).max(1) };
    let each = (width.saturating_sub(first + gaps) / (columns - 1).max(1)).max(1);
    std::iter::once(first).chain(std::iter::repeat_n(each, columns - 1)).map(|w| w as u16).collect()
}

fn grid_row_height(row: &[Rich], widths: &[u16]) -> usize {
    row.iter().zip(widths).map(|(c, w)| c.height(*w)).max().unwrap_or(1).max(1)
}

/// A grid row's lines: each cell wrapped in its column, padded to its width.
fn grid_row_lines(row: &[Rich], widths: &[u16]) -> Vec<Line<'static>> {
    let cells: Vec<Vec<Line<'static>>> = row.iter().zip(widths).map(|(c, w)| c.lines(*w)).collect();
    (0..grid_row_height(row, widths))
        .map(|n| {
            let mut spans = Vec::new();
            for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
                let line = cell.get(n).cloned().unwrap_or_default();
                let used = line.width();
                spans.extend(line.spans);
                if i + 1 < cells.len() {
                    spans.push(Span::raw(" ".repeat((*w as usize).saturating_sub(used) + GRID_GAP)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// A document: paragraphs top to bottom.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Doc {
    paras: Vec<Para>,
}

impl Doc {
    pub(crate) fn new() -> Doc {
        Doc::default()
    }

    pub(crate) fn push(&mut self, rich: Rich) -> &mut Self {
        self.paras.push(Para::Rich(rich));
        self
    }

    /// A small table: `rows[0]` is the header; cells wrap within their columns.
    pub(crate) fn grid(&mut self, rows: Vec<Vec<Rich>>) -> &mut Self {
        self.paras.push(Para::Grid(rows));
        self
    }

    /// A grid as wide as the pane (prose and other grids stop at the prose width).
    pub(crate) fn wide_grid(&mut self, rows: Vec<Vec<Rich>>) -> &mut Self {
        self.paras.push(Para::Wide(rows));
        self
    }

    /// A paragraph made of differently styled parts.
    pub(crate) fn styled(&mut self, parts: &[(&str, Style)]) -> &mut Self {
        self.push(Rich::parts(parts))
    }

    /// Prose in one style, with `marks` (byte ranges into `text`) laid over
    /// in `mark_style`; its `\n\n` paragraph breaks become blank lines.
    pub(crate) fn marked_text(
        &mut self,
        text: &str,
        style: Style,
        marks: &[Range<usize>],
        mark_style: Style,
    ) -> &mut Self {
        let mut offset = 0;
        for (i, p) in text.split("\n\n").enumerate() {
            if i > 0 {
                self.blank();
            }
            let local: Vec<Range<usize>> = marks
                .iter()
                .filter(|r| r.start >= offset && r.end <= offset + p.len())
                .map(|r| r.start - offset..r.end - offset)
                .collect();
            self.push(Rich::new(p, style).mark(&local, 0, mark_style));
            offset += p.len() + 2;
        }
        self
    }

    /// Prose in one style; its `\n\n` paragraph breaks become blank lines.
    pub(crate) fn text(&mut self, text: &str, style: Style) -> &mut Self {
        self.marked_text(text, style, &[], Style::new())
    }

    /// `marker` then `text`, with continuation lines indented under the text.
    pub(crate) fn bullet(&mut self, marker: &str, marker_style: Style, text: &str, style: Style) -> &mut Self {
        self.push(Rich::new(&text.replace("\n\n", " "), style).with_marker(marker, marker_style))
    }

    /// `other`'s paragraphs, with `style` laid over them.
    pub(crate) fn append_dimmed(&mut self, other: Doc, style: Style) -> &mut Self {
        self.paras.extend(other.paras.into_iter().map(|p| p.patch(style)));
        self
    }

    pub(crate) fn blank(&mut self) -> &mut Self {
        self.push(Rich::default())
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    /// Index the next pushed paragraph will have (to find it again with [`Doc::line_of`]).
    pub(crate) fn next_index(&self) -> usize {
        self.paras.len()
    }

    /// The first line of paragraph `index` at `width`, and its height.
    pub(crate) fn line_of(&self, index: usize, width: u16) -> (usize, usize) {
        let above = self.paras[..index.min(self.paras.len())].iter().map(|p| p.height(width)).sum();
        (above, self.paras.get(index).map_or(0, |p| p.height(width)))
    }

    /// The paragraph that line `line` (at `width`) belongs to; the last one past the end.
    pub(crate) fn para_at_line(&self, line: usize, width: u16) -> usize {
        let mut top = 0;
        for (i, p) in self.paras.iter().enumerate() {
            top += p.height(width);
            if top > line {
                return i;
            }
        }
        self.paras.len().saturating_sub(1)
    }

    /// The text without styles or wrapping: a line per paragraph, a grid's
    /// cells joined by " | " (what copying an entry puts on the clipboard).
    pub(crate) fn plain(&self) -> String {
        let rich = |r: &Rich| format!("{}{}", r.marker.as_ref().map_or("", |(m, _)| m.as_str()), r.text);
        let lines: Vec<String> = self
            .paras
            .iter()
            .map(|p| match p {
                Para::Rich(r) => rich(r),
                Para::Grid(rows) | Para::Wide(rows) => rows
                    .iter()
                    .map(|row| row.iter().map(rich).collect::<Vec<_>>().join(" | "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        lines.join("\n")
    }

    /// How many lines the document takes at `width` columns.
    pub(crate) fn height(&self, width: u16) -> usize {
        self.paras.iter().map(|p| p.height(width)).sum()
    }

    /// The wrapped, styled lines at `width` columns.
    pub(crate) fn lines(&self, width: u16) -> Vec<Line<'static>> {
        self.paras.iter().flat_map(|p| p.lines(width)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn styled_runs_survive_wrapping() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut doc = Doc::new();
        doc.styled(&[("Django: ", bold), ("batteries included", Style::new())]);
        let lines = doc.lines(12);
        assert_eq!(plain(&lines), ["Django:", "batteries", "included"]);
        assert_eq!(lines[0].spans[0].style, bold);
        assert_eq!(lines[1].spans[0].style, Style::new());
        assert_eq!(doc.height(12), 3);
    }

    #[test]
    fn bullets_hang_their_continuation_lines() {
        let mut doc = Doc::new();
        doc.bullet("+ ", Style::new(), "one two three four", Style::new());
        assert_eq!(plain(&doc.lines(10)), ["+ one two", "  three", "  four"]);
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        let mut doc = Doc::new();
        doc.text("first\n\nsecond", Style::new());
        assert_eq!(plain(&doc.lines(20)), ["first", "", "second"]);
    }

    #[test]
    fn marks_land_on_the_right_characters_after_wrapping_and_paragraph_breaks() {
        let hl = Style::new().add_modifier(Modifier::UNDERLINED);
        let text = "alpha beta\n\ngamma delta";
        let marks = [6..10, 12..17]; // "beta", "gamma"
        let mut doc = Doc::new();
        doc.marked_text(text, Style::new(), &marks, hl);
        let lines = doc.lines(6);
        let marked: Vec<String> = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(marked, ["beta", "gamma"]);
    }

    #[test]
    fn line_of_finds_a_paragraph() {
        let mut doc = Doc::new();
        doc.text("one two three", Style::new()).blank();
        let i = doc.next_index();
        doc.text("four", Style::new());
        assert_eq!(doc.line_of(i, 5), (4, 1));
    }
}
