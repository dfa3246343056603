//! The tab bar: the comparison's title, then numbered tab titles, all
//! shortened step by step to fit narrow terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::wrap::clip_width;
use crate::app::App;
use crate::data::clip;
use crate::tab::Tab;

/// The title's widest, in columns, before it is cut with "…".
const MAX_TITLE: usize = 40;
/// The title's narrowest worth showing; below it the tabs get the room.
const MIN_TITLE: usize = 12;

/// A tab label with its padding, at one of the shortening steps.
/// `keys` is each tab's key (go_to_tab's, in order; the digits unless remapped).
fn label(t: Tab, active: Tab, step: usize, keys: &[String]) -> String {
    let key = keys.get(t.index()).map_or("", String::as_str);
    let with_key = |name: &str| if key.is_empty() { name.to_string() } else { format!("{key} {name}") };
    let pad = |name: &str| format!(" {} ", with_key(name));
    match step {
        0 => pad(t.title()),
        1 => pad(t.short_title()),
        2 => pad(t.tiny_title()),
        // No padding: the active tab stands out in reverse video anyway, and
        // the others keep their places whichever is active.
        3 => with_key(t.tiny_title()),
        _ if t == active => pad(t.tiny_title()),
        _ if key.is_empty() => t.tiny_title().to_string(),
        _ => key.to_string(),
    }
}

/// The title to show, cut to fit, and each tab's label with the columns it
/// covers, for a bar `width` columns wide. The longest labels that fit win;
/// the title stays as long as it can be at least [`MIN_TITLE`] wide with
/// labels no shorter than "N Name".
fn layout(title: &str, active: Tab, width: u16, keys: &[String]) -> (String, Vec<(Tab, String, u16, u16)>) {
    let width = width as usize;
    let title = clip_width(title, MAX_TITLE);
    let fits = |step: usize, title_width: usize| {
        let labels: usize = Tab::ALL.iter().map(|&t| label(t, active, step, keys).width() + 1).sum();
        let title = if title_width == 0 { 0 } else { title_width + 2 };
        labels + title <= width
    };
    // The whole title with labels down to "N Name"; then the longest title
    // that fits beside such labels; then, with tabs as numbers, the title cut
    // and then its initials ("D vs F"); only then no title.
    let short = initials(&title);
    let full = (0..=3).map(|step| (step, title.width()));
    let cut = (MIN_TITLE.min(title.width())..title.width()).rev().flat_map(|w| (0..=3).map(move |step| (step, w)));
    let numbers = (MIN_TITLE.min(title.width())..=title.width()).rev().map(|w| (4, w));
    let abbreviated = std::iter::once((4, usize::MAX));
    let none = (3..=4).map(|step| (step, 0));
    let width_of = |w: usize| if w == usize::MAX { short.width() } else { w };
    let (step, title_width) = full
        .chain(cut)
        .chain(numbers)
        .chain(abbreviated)
        .chain(none)
        .find(|&(step, w)| fits(step, width_of(w)))
        .unwrap_or((4, 0));
    let title = match title_width {
        0 => String::new(),
        usize::MAX => short,
        w => clip_width(&title, w),
    };
    let mut x = if title.is_empty() { 0 } else { title.width() as u16 + 2 };
    let labels = Tab::ALL
        .iter()
        .map(|&t| {
            let label = label(t, active, step, keys);
            let w = label.width() as u16;
            let start = x;
            x = x.saturating_add(w + 1);
            (t, label, start, start.saturating_add(w))
        })
        .collect();
    (title, labels)
}

/// A title by its words' initials, "vs" kept: "Django vs Flask" → "D vs F".
fn initials(title: &str) -> String {
    title
        .split_whitespace()
        .map(|w| if w.eq_ignore_ascii_case("vs") { w.to_string() } else { w.chars().take(1).collect() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws the bar; returns where each tab's label landed.
pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) -> Vec<(Rect, Tab)> {
    let keys = app.keys.tab_keys();
    let (title, labels) = layout(&clip(&app.data.title, MAX_TITLE * 2), app.tab, area.width, &keys);
    let mut spans = Vec::new();
    if !title.is_empty() {
        spans.push(Span::styled(title, theme.heading()));
        spans.push(Span::raw("  "));
    }
    let mut drawn = Vec::new();
    for (tab, label, start, end) in labels {
        let style = if tab == app.tab { theme.active_tab() } else { theme.dim() };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
        let x = area.x.saturating_add(start);
        if x < area.right() {
            drawn.push((Rect { x, width: (end - start).min(area.right() - x), ..area }, tab));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits() -> Vec<String> {
        crate::keys::Keymap::default().tab_keys()
    }

    fn has(labels: &[(Tab, String, u16, u16)], text: &str) -> bool {
        labels.iter().any(|(_, l, ..)| l == text)
    }

    #[test]
    fn the_title_and_labels_fit_or_shrink() {
        let (title, wide) = layout("Django vs Flask", Tab::Features, 120, &digits());
        assert_eq!(title, "Django vs Flask");
        assert!(has(&wide, " 4 Performance & security "));
        let (title, at_80) = layout("Django vs Flask", Tab::Faq, 80, &digits());
        assert_eq!(title, "Django vs Flask", "the title stays at 80 columns");
        assert!(at_80.iter().all(|(_, l, ..)| l.chars().any(char::is_alphabetic)), "every tab keeps a name");
        assert!(at_80.last().is_some_and(|(_, _, _, end)| *end <= 80));
        let (title, narrow) = layout("Django vs Flask", Tab::Faq, 44, &digits());
        assert_eq!(title, "Django vs Flask", "a title at the minimum width, beside tab numbers");
        let (title, _) = layout("Django vs Flask vs FastAPI vs Pyramid", Tab::Faq, 44, &digits());
        assert!(!title.is_empty() && title.width() <= 44 - 20, "{title}");
        assert_eq!(initials("Django vs Flask vs FastAPI"), "D vs F vs F");
        assert!(narrow.last().is_some_and(|(_, _, _, end)| *end <= 44));
        assert!(has(&narrow, " 5 FAQ ") && has(&narrow, "1"));
    }

    #[test]
    fn a_long_title_is_cut_with_a_mark() {
        let (title, labels) = layout(&"Very long comparison title ".repeat(5), Tab::Features, 200, &digits());
        assert!(title.ends_with('…') && title.width() <= MAX_TITLE);
        assert!(labels.last().is_some_and(|(_, _, _, end)| *end <= 200));
    }
}
