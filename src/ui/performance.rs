//! Performance & security: the factor table on top, the selected factor's
//! longer discussion for every subject below it.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};

use super::table::{TableSpec, value_row};
use super::{Doc, ListTab, Theme, subject_header};
use crate::app::App;
use crate::tab::Tab;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let header = subject_header(app, theme, "Factor");
    let factors = &app.data.factors;
    TableSpec::windowed(app, Tab::Performance, " Factors ".into(), header, (factors.len(), visible), |e, rows| {
        let f = &factors[e];
        rows.push(value_row(app, &f.name, |id| f.summary.get(id).map(|v| v.as_str())));
    })
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
    let table_height = (app.data.factors.len().min(u16::MAX as usize) as u16).saturating_add(3).min(body.height / 2);
    let [table, text] = Layout::vertical([Constraint::Length(table_height), Constraint::Min(0)]).areas(body);
    (table, text)
}

pub const VIEW: ListTab = ListTab { spec, detail, areas, detail_title: " Discussion " };
