//! Performance & security: the factor table on top, the selected factor's
//! longer discussion for every subject below it.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};

use super::table::{TableRow, TableSpec};
use super::{Doc, ListTab, Theme};
use crate::app::{App, Tab};

fn spec(app: &App, theme: &Theme) -> TableSpec {
    let d = &app.data;
    let mut header = vec![("Factor".to_string(), theme.heading())];
    header.extend(d.subjects.iter().enumerate().map(|(i, s)| (s.name.to_string(), theme.subject(i))));
    let rows = d
        .factors
        .iter()
        .map(|f| {
            let mut cells = vec![(f.name.to_string(), Style::new().add_modifier(Modifier::BOLD))];
            cells.extend(d.subjects.iter().map(|s| (f.summary.get(&s.id).map_or("", |v| v).to_string(), Style::new())));
            TableRow::Entry(cells)
        })
        .collect();
    TableSpec { title: " Factors ".into(), header, rows, selected: app.states[Tab::Performance.index()].selected }
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let Some(f) = d.factors.get(app.states[Tab::Performance.index()].selected) else { return doc };
    doc.styled(&[(&f.name, theme.heading())]);
    for (i, s) in d.subjects.iter().enumerate() {
        doc.blank();
        let summary = f.summary.get(&s.id).map_or("", |v| v);
        doc.styled(&[
            (&s.name, theme.subject(i)),
            (" — ", theme.dim()),
            (summary, Style::new().add_modifier(Modifier::ITALIC)),
        ]);
        doc.text(f.discussion.get(&s.id).map_or("", |v| v), Style::new());
    }
    doc
}

/// The table takes the rows it needs (up to half the body); the text gets the rest.
fn areas(app: &App, body: Rect) -> (Rect, Rect) {
    let table_height = (app.data.factors.len() as u16 + 3).min(body.height / 2);
    let [table, text] = Layout::vertical([Constraint::Length(table_height), Constraint::Min(0)]).areas(body);
    (table, text)
}

pub const VIEW: ListTab = ListTab { spec, detail, areas, detail_title: " Discussion " };
