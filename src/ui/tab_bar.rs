//! The tab bar: numbered titles, shortened to fit narrow terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, Tab};

/// Each tab's label and the columns it covers, for a bar `width` columns wide.
/// Tries full titles, then shorter and shorter names, then numbers only (the
/// active tab keeps its name).
fn labels(active: Tab, width: u16) -> Vec<(Tab, String, u16, u16)> {
    let short = |t: Tab| match t {
        Tab::Performance => "Perf & security",
        other => other.title(),
    };
    let tiny = |t: Tab| match t {
        Tab::Features => "Feat",
        Tab::ProsCons => "Pros",
        Tab::UseCases => "Uses",
        Tab::Performance => "Perf",
        Tab::Faq => "FAQ",
        Tab::Decide => "Decide",
    };
    let label = |t: Tab, name: &str| format!(" {} {name} ", t.index() + 1);
    let styles: [&dyn Fn(Tab) -> String; 4] =
        [&|t| label(t, t.title()), &|t| label(t, short(t)), &|t| label(t, tiny(t)), &|t| {
            if t == active { label(t, tiny(t)) } else { format!(" {} ", t.index() + 1) }
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

/// The tab under column `x` of the bar at `area`.
pub fn tab_at(app: &App, area: Rect, x: u16) -> Option<Tab> {
    let col = x.checked_sub(area.x)?;
    labels(app.tab, area.width).into_iter().find(|(_, _, start, end)| (*start..*end).contains(&col)).map(|(t, ..)| t)
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    for (tab, label, ..) in labels(app.tab, area.width) {
        let style = if tab == app.tab { theme.active_tab() } else { theme.dim() };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_or_shrink() {
        let wide = labels(Tab::Features, 120);
        assert!(wide.iter().any(|(_, l, ..)| l.contains("Performance & security")));
        let medium = labels(Tab::Faq, 60);
        assert!(medium.iter().any(|(_, l, ..)| l == " 4 Perf "));
        let medium = labels(Tab::Faq, 60);
        assert!(medium.iter().any(|(_, l, ..)| l == " 4 Perf "));
        let narrow = labels(Tab::Faq, 44);
        assert!(narrow.last().is_some_and(|(_, _, _, end)| *end <= 44));
        assert!(narrow.iter().any(|(_, l, ..)| l == " 5 FAQ "));
        assert!(narrow.iter().any(|(_, l, ..)| l == " 1 "));
    }
}
