//! Word wrapping by display width, returning byte ranges into the source so
//! that styling (and search highlights) can be laid over the wrapped lines.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Wraps one paragraph (no newlines) into lines at most `width` columns wide.
/// Breaks at spaces and after hyphens; a word longer than a line is split.
/// Each range excludes the space at the break.
pub(super) fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut line_width = 0;
    // The last break opportunity: (end of this line, start of the next).
    let mut last_break: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            if line_width == 0 {
                start = i + 1; // no leading spaces on a line
                continue;
            }
            last_break = Some((i, i + 1));
        }
        if line_width + w > width && line_width > 0 {
            if c == ' ' {
                lines.push(start..i);
                start = i + 1;
                line_width = 0;
                last_break = None;
                continue;
            }
            if let Some((end, next)) = last_break {
                lines.push(start..end);
                start = next;
                line_width = text[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            }
            last_break = None;
            // Still too wide: the word alone is longer than the line, so split it.
            if line_width + w > width && line_width > 0 {
                lines.push(start..i);
                start = i;
                line_width = 0;
            }
        }
        line_width += w;
        if c == '-' && line_width > 1 {
            last_break = Some((i + 1, i + 1));
        }
    }
    let end = text.trim_end_matches(' ').len();
    if start < end {
        lines.push(start..end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// `s` cut to at most `width` columns, "…" marking a cut (spaces before it dropped).
pub(super) fn clip_width(s: &str, width: usize) -> String {
    let full: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if full <= width {
        return s.to_string();
    }
    let (mut out, mut used) = (String::new(), 0);
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}…", out.trim_end())
}

/// `line` cut to `width` columns, its last visible column an "…" when
/// anything was cut: a row that does not fit says so.
pub(super) fn ellipsize(line: ratatui::text::Line<'_>, width: usize) -> ratatui::text::Line<'_> {
    use ratatui::text::{Line, Span};
    if line.width() <= width {
        return line;
    }
    let mut left = width.saturating_sub(1);
    let mut spans: Vec<Span> = Vec::new();
    let mut last_style = line.style;
    for span in line.spans {
        if left == 0 {
            break;
        }
        let mut cut = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if w > left {
                left = 0;
                break;
            }
            left -= w;
            cut.push(c);
        }
        last_style = span.style;
        spans.push(Span::styled(cut, span.style));
    }
    if width > 0 {
        spans.push(Span::styled("…", last_style));
    }
    Line { spans, style: line.style, alignment: line.alignment }
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn splits_words_longer_than_the_line() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn counts_display_width_not_bytes() {
        let text = "日本語のテキスト ok";
        for line in lines(text, 6) {
            assert!(line.width() <= 6, "{line:?}");
        }
        assert_eq!(lines(text, 6)[0], "日本語");
    }

    #[test]
    fn never_exceeds_the_width_and_loses_no_words() {
        let text = "Django ships an ORM, admin, auth and   i18n; Flask keeps a small core.";
        for width in 1..40 {
            let got = lines(text, width);
            assert!(got.iter().all(|l| l.width() <= width), "width {width}: {got:?}");
            assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""), "width {width}");
        }
    }

    #[test]
    fn breaks_after_hyphens() {
        assert_eq!(lines("Batteries-included framework", 12), ["Batteries-", "included", "framework"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn ellipsize_marks_a_cut_and_keeps_what_fits() {
        use ratatui::text::{Line, Span};
        let line = Line::from(vec![Span::raw("Features  "), Span::raw("Philosophy: Batteries included")]);
        assert_eq!(super::ellipsize(line.clone(), 80).to_string(), "Features  Philosophy: Batteries included");
        let cut = super::ellipsize(line, 20);
        assert_eq!(cut.to_string(), "Features  Philosoph…");
        assert_eq!(cut.width(), 20);
    }
}
