//! The tab bar: numbered titles, shortened to fit narrow terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::tab::Tab;

/// Each tab's label and the columns it covers, for a bar `width` columns wide.
/// Tries full titles, then shorter and shorter names, then numbers only (the
/// active tab keeps its name).
fn labels(active: Tab, width: u16) -> Vec<(Tab, String, u16, u16)> {
    let label = |t: Tab, name: &str| format!(" {} {name} ", t.index() + 1);
    let styles: [&dyn Fn(Tab) -> String; 4] =
        [&|t| label(t, t.title()), &|t| label(t, t.short_title()), &|t| label(t, t.tiny_title()), &|t| {
            if t == active { label(t, t.tiny_title()) } else { format!(" {} ", t.index() + 1) }
        }];
    let mut chosen = Vec::new();
    for style in styles {
        chosen = Tab::ALL.iter().map(|&t| (t, style(t))).collect::<Vec<_>>();
        let total: usize = chosen.iter().map(|(_, l)| l.chars().count() + 1).sum();
        if total <= width as usize {
            break;
        }
    }
    let mut x = 0u16;
    chosen
        .into_iter()
        .map(|(t, label)| {
            let w = label.chars().count() as u16;
            let start = x;
            x = x.saturating_add(w + 1);
            (t, label, start, start.saturating_add(w))
        })
        .collect()
}

/// Draws the bar; returns where each tab's label landed.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) -> Vec<(Rect, Tab)> {
    let mut spans = Vec::new();
    let mut drawn = Vec::new();
    for (tab, label, start, end) in labels(app.tab, area.width) {
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

    #[test]
    fn labels_fit_or_shrink() {
        let wide = labels(Tab::Features, 120);
        assert!(wide.iter().any(|(_, l, ..)| l.contains("Performance & security")));
        let medium = labels(Tab::Faq, 66);
        assert!(medium.iter().any(|(_, l, ..)| l == " 4 Perf "));
        let narrow = labels(Tab::Faq, 44);
        assert!(narrow.last().is_some_and(|(_, _, _, end)| *end <= 44));
        assert!(narrow.iter().any(|(_, l, ..)| l == " 5 FAQ "));
        assert!(narrow.iter().any(|(_, l, ..)| l == " 1 "));
    }
}
