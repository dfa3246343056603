//! The search-everything palette: a query line over a list of hits from every
//! tab, each labelled with where it lives, matched words highlighted, and a
//! preview of the selected hit's full text.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use unicode_width::UnicodeWidthStr;

use super::{Doc, ListMap, Rich, Theme, overlay, wrap};
use crate::app::App;
use crate::keys::LineCommand;
use crate::search::{Kind, Query};
use crate::tab::Tab;

/// Below this many columns for hits, tabs go by their shortest names.
const NARROW: u16 = 80;

/// The palette's box in the body.
fn area(body: Rect) -> Rect {
    let width = overlay::width(body);
    let height = (body.height * 4 / 5).max(body.height.min(8));
    let [_, area, _] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width), Constraint::Min(0)]).areas(body);
    let [_, area, _] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(height), Constraint::Min(0)]).areas(area);
    area
}

/// Below this many rows for hits, the palette shows no preview.
const MIN_ROWS_FOR_PREVIEW: u16 = 12;

/// The hit list inside the box, below the query line and a rule; and, where
/// there is room, the preview of the selected hit below the list and a rule.
fn list_and_preview(body: Rect) -> (Rect, Option<Rect>) {
    let inner = Block::new().borders(Borders::ALL).inner(area(body));
    let rows = Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner };
    if rows.height < MIN_ROWS_FOR_PREVIEW {
        return (rows, None);
    }
    let preview = rows.height * 2 / 5;
    let list = Rect { height: rows.height - preview - 1, ..rows };
    (list, Some(Rect { y: list.bottom() + 1, height: preview, ..rows }))
}

/// The selected hit in full: every text of its entry, labelled with its
/// field, matched words highlighted.
fn preview(app: &App, theme: &Theme, query: &Query, hit: usize) -> Doc {
    let mut doc = Doc::new();
    for (field, text) in app.corpora.everything.fields(hit) {
        // Paragraph breaks become two spaces: the same bytes, so the marks still fit.
        let flat = text.replace("\n\n", "  ");
        let rich = Rich::new(&flat, Style::new()).mark(&query.highlights(text), 0, theme.highlight());
        doc.push(rich.with_marker(&format!("{:<14}", field.heading()), theme.dim()));
    }
    doc
}

/// The query line's status: how many hits, how many match every word, and
/// the words nothing matched; before anything is typed, what there is to search.
fn status(app: &App, line: &crate::app::SearchLine) -> String {
    if line.pending() {
        return "…".to_string();
    }
    if line.query.trim().is_empty() {
        let tabs: Vec<&str> = Tab::ALL.iter().filter(|t| app.entry_count(**t) > 0).map(|t| t.short_title()).collect();
        return format!("type to search {}", tabs.join(", "));
    }
    let mut status = crate::data::count(line.hits.len(), "hit", "hits");
    let full = line.full_hits();
    if full < line.hits.len() && full > 0 {
        status.push_str(&format!(", {full} with every word"));
    }
    status.push_str(&line.not_found());
    status
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> Option<ListMap> {
    let line = app.palette()?;
    let area = area(body);
    let title = format!(
        " Search everything — {} jumps, {} closes ",
        app.keys.line_key(LineCommand::Accept),
        app.keys.line_key(LineCommand::Cancel)
    );
    let inner = overlay::frame(frame, theme, area, title, &line.query, &status(app, line));
    let (list, preview_area) = list_and_preview(body);
    let full = line.full_hits();
    let divider = (full < line.hits.len()).then_some(full);
    let (shown, map) = overlay::rows_divided(area, list, app.palette_selected(), line.hits.len(), divider);
    if inner.height == 0 {
        return Some(map);
    }
    let query = Query::parse(&line.hits_query, &app.corpora.lexicon);
    // Where a hit lives, in a column as wide as the longest such label; tabs by
    // their shortest names where the box is narrow.
    let tiny = list.width < NARROW;
    let place = |tab: Tab, kind: Kind| {
        let tab = if tiny { tab.tiny_title() } else { tab.short_title() };
        if kind.shares_its_tab() { format!("{tab} · {}", kind.label()) } else { tab.to_string() }
    };
    // The labels there can be: a note on any tab, the kinds that share a tab on theirs.
    let shared = [(Tab::Features, Kind::KeyFeature), (Tab::ProsCons, Kind::Pro), (Tab::ProsCons, Kind::Glance)];
    let label_width =
        Tab::ALL.iter().map(|&t| (t, Kind::Note)).chain(shared).map(|(t, k)| place(t, k).width()).max().unwrap_or(0);
    let lines: Vec<Line> = shown
        .iter()
        .filter_map(|row| {
            let k = match row {
                overlay::Row::Entry(k) => *k,
                overlay::Row::Divider => {
                    let text = format!("── {} ", crate::search::partial_heading(full));
                    return Rich::new(&text, theme.dim()).lines(u16::MAX).into_iter().next();
                }
            };
            let hit = line.hits.get(k)?;
            let i = hit.index as usize;
            let found = app.corpora.found.get(i)?;
            let text = app.corpora.line(i);
            let text = text.as_str();
            let subject = found.subject.map(|s| (app.data.subjects[s].name.as_str(), theme.subject(s)));
            // Where the hit lives: its tab, and its kind where the tab holds several.
            let label = place(found.place.tab, found.kind);
            let label = format!("{label}{}  ", " ".repeat(label_width.saturating_sub(label.width())));
            let mut parts = vec![(label.as_str(), theme.dim())];
            let subject_label = subject.map(|(n, st)| (format!("{n} · "), st));
            if let Some((n, st)) = &subject_label {
                parts.push((n.as_str(), *st));
            }
            let prefix: usize = parts.iter().map(|(t, _)| t.len()).sum();
            parts.push((text, Style::new()));
            let mut rich = Rich::parts(&parts).mark(&query.highlights(text), prefix, theme.highlight());
            if k == app.palette_selected() {
                rich = rich.patch(theme.selected());
            }
            rich.lines(u16::MAX).into_iter().next().map(|l| wrap::ellipsize(l, list.width as usize))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let selected = line.hits.get(app.palette_selected()).map(|h| h.index as usize);
    if let (Some(area), Some(hit)) = (preview_area, selected) {
        overlay::rule(frame, theme, Rect { y: area.y - 1, ..area });
        let lines: Vec<Line> =
            preview(app, theme, &query, hit).lines(area.width).into_iter().take(area.height as usize).collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
    Some(map)
}
