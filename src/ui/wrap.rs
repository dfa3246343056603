//! Word wrapping by display width, returning byte ranges into the source so
//! that styling (and search highlights) can be laid over the wrapped lines.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Wraps one paragraph (no newlines) into lines at most `width` columns wide.
/// Breaks at spaces; a word longer than a line is split. Each range excludes
/// the spaces at the break.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut line_width = 0;
    let mut last_space: Option<usize> = None; // byte index of the last break opportunity
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            if line_width == 0 {
                start = i + 1; // no leading spaces on a line
                continue;
            }
            last_space = Some(i);
        }
        if line_width + w > width && line_width > 0 {
            if c == ' ' {
                lines.push(start..i);
                start = i + 1;
                line_width = 0;
                last_space = None;
                continue;
            }
            if let Some(space) = last_space {
                lines.push(start..space);
                start = space + 1;
                line_width = text[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            }
            last_space = None;
            // Still too wide: the word alone is longer than the line, so split it.
            if line_width + w > width && line_width > 0 {
                lines.push(start..i);
                start = i;
                line_width = 0;
            }
        }
        line_width += w;
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
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), [""]);
    }
}
