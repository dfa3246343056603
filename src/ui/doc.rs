//! A small rich-text document: paragraphs with styled runs, wrapped to any
//! width on demand. Views build one for each text pane; the pane's height
//! and scroll range come from the same wrapping that draws it.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::wrap::wrap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    paras: Vec<Para>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Para {
    text: String,
    /// Styles over byte ranges of `text`; later runs win where they overlap.
    runs: Vec<(Range<usize>, Style)>,
    /// A bullet marker drawn before the first line; later lines are indented by its width.
    marker: Option<(String, Style)>,
    indent: u16,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    /// A paragraph made of differently styled parts.
    pub fn styled(&mut self, parts: &[(&str, Style)]) -> &mut Self {
        let mut para = Para::default();
        for (text, style) in parts {
            let start = para.text.len();
            para.text.push_str(text);
            para.runs.push((start..para.text.len(), *style));
        }
        self.paras.push(para);
        self
    }

    /// Prose in one style; its `\n\n` paragraph breaks become blank lines.
    pub fn text(&mut self, text: &str, style: Style) -> &mut Self {
        for (i, p) in text.split("\n\n").enumerate() {
            if i > 0 {
                self.blank();
            }
            self.styled(&[(p, style)]);
        }
        self
    }

    /// `marker` then `text`, with continuation lines indented under the text.
    pub fn bullet(&mut self, marker: &str, marker_style: Style, text: &str, style: Style) -> &mut Self {
        self.styled(&[(&text.replace("\n\n", " "), style)]);
        if let Some(last) = self.paras.last_mut() {
            last.indent = unicode_width::UnicodeWidthStr::width(marker) as u16;
            last.marker = Some((marker.to_string(), marker_style));
        }
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.paras.push(Para::default());
        self
    }

    /// Adds every paragraph of `other` at the end.
    pub fn append(&mut self, other: Doc) -> &mut Self {
        self.paras.extend(other.paras);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    /// How many lines the document takes at `width` columns.
    pub fn height(&self, width: u16) -> usize {
        self.paras.iter().map(|p| wrap(&p.text, p.wrap_width(width)).len()).sum()
    }

    /// The wrapped, styled lines at `width` columns.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for para in &self.paras {
            for (n, range) in wrap(&para.text, para.wrap_width(width)).into_iter().enumerate() {
                let mut spans = Vec::new();
                match &para.marker {
                    Some((marker, style)) if n == 0 => spans.push(Span::styled(marker.clone(), *style)),
                    _ if para.indent > 0 => spans.push(Span::raw(" ".repeat(para.indent as usize))),
                    _ => {}
                }
                spans.extend(para.spans(range));
                out.push(Line::from(spans));
            }
        }
        out
    }
}

impl Para {
    fn wrap_width(&self, width: u16) -> usize {
        width.saturating_sub(self.indent).max(1) as usize
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
}
